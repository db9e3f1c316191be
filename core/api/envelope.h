#pragma once

#include "result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>

namespace bge {

// The platform's answer once unwrapped: {"code": 0, "msg": "success", "data": …} plus the
// optional sibling "pagination" some list calls add.
struct Envelope
{
    QJsonValue data;
    QJsonObject pagination;
};

// What arrived over HTTP, before interpretation.
struct HttpAnswer
{
    int status = 0;
    QByteArray contentType;
    QByteArray body;
    // Token, STS and signed-URL answers carry secrets: errors about them never quote the body.
    bool redactBody = false;
};

// Largest body we accept: the biggest legitimate page (1000 abundance records) is a few MiB.
inline constexpr qint64 kMaxResponseBytes = 32 * 1024 * 1024;

// Turns an HTTP answer into an envelope, or the error it amounts to: HTTP status >= 400,
// an HTML error page, invalid JSON, a JSON value that is not an envelope, or code != 0.
Result<Envelope> parseEnvelope(const HttpAnswer& answer);

// A short, printable excerpt of a body for log detail (control characters removed).
QString bodyExcerpt(const QByteArray& body, int maxChars = 160);

} // namespace bge
