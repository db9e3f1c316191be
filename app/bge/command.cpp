#include "command.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace bge::cli {

using namespace Qt::StringLiterals;

QString tr(const char* text)
{
    return QCoreApplication::translate("bge::cli", text);
}

QString tr(const char* text, const char* disambiguation, int n)
{
    return QCoreApplication::translate("bge::cli", text, disambiguation, n);
}

Command* descend(Command* command, QStringList* arguments, Command** group, QString* problem)
{
    while (command && command->subcommands()) {
        *group = command;
        if (arguments->isEmpty() || arguments->first().startsWith(u'-')) {
            *problem = tr("\"%1\" needs a command (see `bge help %1`)").arg(command->name());
            return nullptr;
        }
        const QString name = arguments->takeFirst();
        Command* found = nullptr;
        for (const auto& sub : *command->subcommands()) {
            if (sub->name() == name)
                found = sub.get();
        }
        if (!found) {
            *problem = tr("unknown command \"%1 %2\" (see `bge help %1`)").arg(command->name(), name);
            return nullptr;
        }
        command = found;
    }
    return command;
}

QString groupUsage(const Command& group)
{
    QString text = group.usage() + tr("\nCommands:\n");
    for (const auto& sub : *group.subcommands())
        text += u"  "_s + sub->name().leftJustified(16) + sub->summary() + u'\n';
    return text;
}

qint64 parseByteSize(const QString& text)
{
    static const QRegularExpression kSize(u"^\\s*(\\d+)\\s*([kKmMgG]?)(i?[bB])?\\s*$"_s);
    const QRegularExpressionMatch m = kSize.match(text);
    if (!m.hasMatch())
        return -1;
    qint64 value = m.captured(1).toLongLong();
    const QString unit = m.captured(2).toLower();
    if (unit == u"k")
        value *= 1024;
    else if (unit == u"m")
        value *= 1024 * 1024;
    else if (unit == u"g")
        value *= 1024LL * 1024 * 1024;
    return value;
}

bool parseAssignments(const QStringList& arguments, QList<std::pair<QString, QString>>* out, QString* problem)
{
    for (const QString& arg : arguments) {
        const qsizetype eq = arg.indexOf(u'=');
        if (eq <= 0) {
            *problem = tr("expected key=value, got \"%1\"").arg(arg);
            return false;
        }
        out->append({arg.left(eq).trimmed(), arg.mid(eq + 1)});
    }
    return true;
}

bool readPaging(const OptionReader& args, int maxLimit, PageToken* page, int* limit, QString* problem)
{
    if (args.isSet(u"limit"_s)) {
        bool ok = false;
        *limit = args.value(u"limit"_s).toInt(&ok);
        if (!ok || *limit < 1 || *limit > maxLimit) {
            *problem = tr("--limit takes a number between 1 and %1").arg(maxLimit);
            return false;
        }
    }
    if (args.isSet(u"page"_s)) {
        *page = PageToken::fromString(args.value(u"page"_s));
        if (page->isFirst()) {
            *problem = tr("--page takes a page number or the cursor a previous page printed");
            return false;
        }
    }
    return true;
}

QString optional(const std::optional<double>& value, int precision)
{
    return value ? QString::number(*value, 'g', precision) : QString();
}

QString optional(const std::optional<qint64>& value)
{
    return value ? QString::number(*value) : QString();
}

QString yesNo(const std::optional<bool>& value)
{
    if (!value)
        return {};
    return *value ? tr("yes") : tr("no");
}

} // namespace bge::cli
