#pragma once

#include "demotypes.h"

#include <QJsonObject>
#include <QStringList>

#include <span>

namespace bge::sandbox {

// Interpretation models behind GET /model/{id}. Each answers {model_code, model_msg, model_data}.
struct InterpretationModel
{
    const char16_t* id;
    const char16_t* name;
    int requiredOmic; // the sample type the model interprets
    QJsonObject (*run)(const Sample& sample, quint64 seed);
};

std::span<const InterpretationModel> interpretationModels();
const InterpretationModel* findModel(const QString& id);
QJsonObject runModel(const InterpretationModel& model, const Sample& sample, quint64 seed);

} // namespace bge::sandbox
