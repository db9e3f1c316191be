#include "user.h"

#include "api/jsonfields.h"

namespace bge {

using namespace Qt::StringLiterals;

Result<User> User::fromJson(const QJsonValue& value)
{
    JsonFields f(value, u"user"_s);
    User u;
    u.userId = f.stringOrNumber(u"userId");
    u.username = f.requiredString(u"username");
    u.nickname = f.string(u"nickname");
    u.email = f.string(u"email");
    u.phone = f.stringOrNumber(u"phone");
    u.sex = f.stringOrNumber(u"sex");
    u.birthday = f.string(u"birthday");
    u.avatar = f.string(u"avatar");
    u.address = f.string(u"userAddress");
    u.personnelInfoCode = f.string(u"personnelInfoCode");
    u.raw = f.object();
    if (!f.ok())
        return f.error();
    return u;
}

} // namespace bge
