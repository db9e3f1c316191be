#include "optionreader.h"

#include <QCoreApplication>

namespace bge::cli {

using namespace Qt::StringLiterals;

LongOption splitLongOption(const QString& argument)
{
    LongOption option;
    if (!argument.startsWith(u"--"_s))
        return option;
    option.name = argument.mid(2);
    if (const qsizetype eq = option.name.indexOf(u'='); eq >= 0) {
        option.value = option.name.mid(eq + 1);
        option.name.truncate(eq);
        option.hasInlineValue = true;
    }
    return option;
}

const OptionReader::Spec* OptionReader::findShort(QChar name) const
{
    for (const Spec& s : m_specs) {
        if (!s.shortName.isNull() && s.shortName == name)
            return &s;
    }
    return nullptr;
}

const OptionReader::Spec* OptionReader::find(const QString& name) const
{
    for (const Spec& s : m_specs) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

bool OptionReader::parse(const QStringList& arguments)
{
    bool optionsEnded = false;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& arg = arguments[i];
        if (!optionsEnded && arg.size() == 2 && arg[0] == u'-' && arg[1] != u'-') {
            const Spec* spec = findShort(arg[1]);
            if (spec && spec->takesValue && i + 1 < arguments.size()) {
                m_values[spec->name].append(arguments[++i]);
                continue;
            }
            if (spec && !spec->takesValue) {
                m_values[spec->name].append(u"true"_s);
                continue;
            }
        }
        if (optionsEnded || !arg.startsWith(u"--"_s) || arg == u"-") {
            if (!optionsEnded && arg.startsWith(u'-') && arg.size() > 1 && arg != u"-") {
                m_error = QCoreApplication::translate("bge::cli", "unknown option %1").arg(arg);
                return false;
            }
            m_positional.append(arg);
            continue;
        }
        if (arg == u"--") {
            optionsEnded = true;
            continue;
        }
        const LongOption option = splitLongOption(arg);
        const QString& name = option.name;
        QString value = option.value;
        const bool inlineValue = option.hasInlineValue;
        const Spec* spec = find(name);
        if (!spec) {
            m_error = QCoreApplication::translate("bge::cli", "unknown option --%1").arg(name);
            return false;
        }
        if (!spec->takesValue) {
            if (inlineValue) {
                m_error = QCoreApplication::translate("bge::cli", "option --%1 takes no value").arg(name);
                return false;
            }
            m_values[name].append(u"true"_s);
            continue;
        }
        if (!inlineValue) {
            if (i + 1 >= arguments.size()) {
                m_error = QCoreApplication::translate("bge::cli", "option --%1 needs a value").arg(name);
                return false;
            }
            value = arguments[++i];
        }
        m_values[name].append(value);
    }
    return true;
}

QStringList OptionReader::list(const QString& name) const
{
    QStringList items;
    for (const QString& v : values(name))
        items += splitItems(v);
    return items;
}

} // namespace bge::cli
