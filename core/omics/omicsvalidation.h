#pragma once

#include "omicsinputs.h"

#include <QJsonObject>

// Local checks of what the model (reference §2) constrains, so a request the service would
// refuse is never sent, and the JSON bodies built from checked inputs. Every check returns an
// empty string when the input is fine, else a sentence naming what is wrong.
namespace bge::omics::Validation {

QString id(const QString& value, const QString& what); // [0-9]{10,36}
QString listOptions(const ListOptions& options);
QString fileType(const QString& value);
QString partSource(const QString& value);
QString readSetFile(const QString& value); // SOURCE1, SOURCE2, INDEX
QString partNumber(int number);
QString sequenceStoreFilter(const SequenceStoreFilter& filter);
QString readSetFilter(const ReadSetFilter& filter);
QString importJobFilter(const ImportJobFilter& filter);
QString createUpload(const CreateUploadInput& input);
QString completedParts(const QList<CompletedPart>& parts);
QString startImport(const StartImportInput& input);

QJsonObject sequenceStoreFilterJson(const SequenceStoreFilter& filter);
QJsonObject readSetFilterJson(const ReadSetFilter& filter);
QJsonObject importJobFilterJson(const ImportJobFilter& filter);
QJsonObject uploadPartsFilterJson(const UploadPartsFilter& filter);
QJsonObject createUploadJson(const CreateUploadInput& input); // clientToken must be set
QJsonObject completedPartsJson(const QList<CompletedPart>& parts);
QJsonObject startImportJson(const StartImportInput& input); // clientToken must be set

} // namespace bge::omics::Validation
