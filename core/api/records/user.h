#pragma once

#include "api/result.h"

#include <QJsonObject>

namespace bge {

// GET /profile. Which fields are present depends on the token's permissions.
struct User
{
    QString userId;
    QString username;
    QString nickname;
    QString email;
    QString phone;
    QString sex; // the platform sends a number (1, 2); kept as text
    QString birthday;
    QString avatar;
    QString address;
    QString personnelInfoCode;
    QJsonObject raw;

    static Result<User> fromJson(const QJsonValue& value);
};

} // namespace bge
