#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

void install(const QLocale& locale, const QString& name, const QString& directory)
{
    auto* translator = new QTranslator(QCoreApplication::instance());
    if (translator->load(locale, name, u"_"_s, directory))
        QCoreApplication::installTranslator(translator);
    else
        delete translator; // English, the source language, needs none
}

} // namespace

QString installTranslations(const QString& language)
{
    if (!language.isEmpty()) {
        // Numbers and dates follow the chosen language too, so a page never mixes two.
        QLocale::setDefault(QLocale(language));
    }
    const QLocale locale;
    install(locale, u"bge"_s, u":/i18n"_s);
    install(locale, u"qtbase"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    return locale.name();
}

} // namespace bge::ui
