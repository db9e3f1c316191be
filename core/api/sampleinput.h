#pragma once

#include "queries.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace bge {

struct Sample;

// What register_sample and improve_sample accept, checked before anything is sent, so that a
// person gets one precise message per field instead of the platform's bare 41001. Shared by
// the desktop dialogs and the command line.

// A library field improve_sample can set once (reference §4); register_sample accepts the
// same fields as extras. `allowedValues` is the INSDC/SRA vocabulary the platform takes;
// empty means free text.
struct ImprovableField
{
    QString name;
    QStringList allowedValues;
};

QList<ImprovableField> improvableSampleFields();
const ImprovableField* findImprovableField(QStringView name);

// One problem with one field of the input, named by the platform's parameter name.
struct FieldProblem
{
    QString field;
    QString message; // translated sentence
};

inline constexpr int kMaxExternalSampleIdLength = 64;

QList<FieldProblem> registrationProblems(const SampleRegistration& registration);

// `current` is the sample as the platform last sent it: a field it already holds is refused,
// as the platform itself would refuse the change.
QList<FieldProblem> improvementProblems(const Sample& current,
                                        const QList<std::pair<QString, QString>>& fields);

// The value `sample` holds for an improvable field: empty when still unset, nullopt when the
// record does not carry the field at all (then only the platform knows whether it is set).
std::optional<QString> improvableFieldValue(const Sample& sample, QStringView name);

// "P-W" followed by digits (reference §4).
bool isProjectId(const QString& text);

} // namespace bge
