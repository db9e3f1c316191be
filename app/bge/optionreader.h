#pragma once

#include "api/itemlist.h"

#include <QHash>
#include <QStringList>

#include <optional>

namespace bge::cli {

// Options of one subcommand: "--name value", "--name=value", flags, repeated options, and
// positional arguments; "--" ends the options. Unknown options are errors, not ignored.
class OptionReader final
{
public:
    struct Spec
    {
        QString name;       // without dashes
        bool takesValue = true;
        QChar shortName = {}; // "-o" for "--output", when set
    };

    explicit OptionReader(QList<Spec> specs) : m_specs(std::move(specs)) {}

    // False with a message in error() when the arguments do not fit.
    bool parse(const QStringList& arguments);
    const QString& error() const { return m_error; }

    bool isSet(const QString& name) const { return m_values.contains(name); }
    QString value(const QString& name) const { return m_values.value(name).value(0); }
    QStringList values(const QString& name) const { return m_values.value(name); }
    // Every occurrence split on commas and whitespace: "--sites 1,11 --sites 2" → 1, 11, 2.
    QStringList list(const QString& name) const;
    const QStringList& positional() const { return m_positional; }

private:
    const Spec* find(const QString& name) const;
    const Spec* findShort(QChar name) const;

    QList<Spec> m_specs;
    QHash<QString, QStringList> m_values;
    QStringList m_positional;
    QString m_error;
};

// "--name=value" → {name, value, true}; "--name" → {name, {}, false}; anything else → empty name.
struct LongOption
{
    QString name;
    QString value;
    bool hasInlineValue = false;
};
LongOption splitLongOption(const QString& argument);

// Splits "a,b c\nd" into items (rsid lists, id lists pasted from anywhere); shared with the
// desktop app, so it lives in core.
using bge::splitItems;

} // namespace bge::cli
