#pragma once

#include <QString>

#include <span>

namespace bge::sandbox {

// Coded values the platform returns as {code, display}. The biosample sites 1–15,
// omics 1–2 and organisms 1–3 ranges are the platform's (its SDK tests them); the labels
// beyond those in the SDK's examples (blood = 11, feces, saliva, genomics, human, status
// 9001 "开始解读") are a sandbox convention.
struct CodedValue
{
    int code;
    const char16_t* display;
    char16_t idLetter = u'X'; // biosample sites only: the letter after "E-" in sample ids
};

std::span<const CodedValue> biosampleSites();
std::span<const CodedValue> omicsTypes();
std::span<const CodedValue> organisms();
std::span<const CodedValue> sampleStatuses();
const CodedValue* findCode(std::span<const CodedValue> values, int code);

inline constexpr int kOmicGenomics = 1;
inline constexpr int kOmicMetagenomics = 2;
inline constexpr int kSiteFeces = 1;
inline constexpr int kSiteSaliva = 2;
inline constexpr int kSiteBlood = 11;
inline constexpr int kStatusRegistered = 1001;
inline constexpr int kStatusInterpretation = 9001;

// OAuth scopes known from the platform.
std::span<const char16_t* const> knownScopes();
bool isKnownScope(const QString& scope);

} // namespace bge::sandbox
