#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace bge {

// Code tables for the {code, display} pairs samples carry, so that people can type names
// ("blood", "feces") where the platform wants codes. Records always carry their own display
// names; these tables only translate input. Blood = 11 and the status codes come from the
// platform's SDK; the other site codes follow the sandbox's documented convention.
struct PlatformCode
{
    int code;
    QString name;
};

// The omics codes the views branch on (a sample's `omic.code`).
inline constexpr int kOmicsGenomics = 1;
inline constexpr int kOmicsMetagenomics = 2;

QList<PlatformCode> biosampleSiteCodes();
QList<PlatformCode> omicsCodes();
QList<PlatformCode> organismCodes();
QList<PlatformCode> sampleStatusCodes();

// "11", "blood" or "Blood" → 11; nullopt when neither a number nor a known name.
std::optional<int> codeFromText(const QList<PlatformCode>& table, const QString& text);

} // namespace bge
