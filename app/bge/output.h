#pragma once

#include <QJsonValue>
#include <QString>

namespace bge::cli {

// stdout carries results (tables, or JSON with --json); stderr carries messages for people.
void printOut(const QString& text);
void printErr(const QString& text);
void printJson(const QJsonValue& value);
bool stdoutIsTerminal();

} // namespace bge::cli
