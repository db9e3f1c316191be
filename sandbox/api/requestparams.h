#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace httplib {
struct Request;
}

namespace bge::sandbox {

// Typed, validating access to a request's parameters (query string, or form body for POST).
// Every parser answers nullopt for a value the platform would refuse with 41001.
class RequestParams final
{
public:
    explicit RequestParams(const httplib::Request& request) : m_request(request) {}

    bool has(const char* name) const;
    QString value(const char* name) const; // empty when absent
    // A parameter the call cannot do without: nullopt when absent or blank, which the platform
    // answers with 41001 like any other validation failure.
    std::optional<QString> required(const char* name) const;
    // Every parameter, for endpoints whose fields are open-ended (improve_sample, models).
    QList<std::pair<QString, QString>> all() const;

    // A comma list of integers each within [lo, hi]; no empty items. Absent → empty list.
    std::optional<QList<int>> intList(const char* name, int lo, int hi) const;
    // A comma list of non-empty strings. Absent → empty list.
    std::optional<QStringList> stringList(const char* name) const;
    // "true"/"false" in any case, or 1/0. Absent → fallback.
    std::optional<bool> boolean(const char* name, bool fallback) const;
    // An integer within [lo, hi]. Absent → fallback.
    std::optional<int> integer(const char* name, int fallback, int lo, int hi) const;

private:
    const httplib::Request& m_request;
};

} // namespace bge::sandbox
