#pragma once

#include "demotypes.h"

#include <QJsonObject>

namespace bge::sandbox {

class DemoWorld;

// A sample as the platform returns it (the SDK README's example output is the schema),
// plus the improvable fields, and `files` when asked for with require_files.
QJsonObject sampleToJson(const Sample& sample, const DemoWorld& world, bool withFiles);

QString platformTime(const QDateTime& time); // "2020-08-31T04:03:09+0000"

} // namespace bge::sandbox
