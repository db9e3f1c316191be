// Every user-visible string has a Simplified Chinese translation that keeps its placeholders.
#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

class TstTranslations final : public QObject
{
    Q_OBJECT

private:
    struct Message
    {
        QString context;
        QString source;
        QString translation;
        QString type;
        QStringList numerusForms;
        bool numerus = false;
    };

    static QList<Message> read(const QString& path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        QXmlStreamReader xml(&file);
        QList<Message> messages;
        QString context;
        Message current;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            const QStringView name = xml.name();
            if (name == u"name") {
                context = xml.readElementText();
            } else if (name == u"message") {
                current = Message{context, {}, {}, {}, {}, xml.attributes().value(u"numerus"_s) == u"yes"};
            } else if (name == u"source") {
                current.source = xml.readElementText();
            } else if (name == u"translation") {
                current.type = xml.attributes().value(u"type"_s).toString();
                if (!current.numerus) {
                    current.translation = xml.readElementText();
                    messages.append(current);
                } else {
                    while (xml.readNextStartElement())
                        current.numerusForms.append(xml.readElementText());
                    messages.append(current);
                }
            }
        }
        return messages;
    }

    static QStringList placeholders(const QString& text)
    {
        static const QRegularExpression kPlaceholder(u"%(\\d+|n)"_s);
        QStringList found;
        for (const auto& m : kPlaceholder.globalMatch(text))
            found.append(m.captured(0));
        found.sort();
        found.removeDuplicates();
        return found;
    }

private Q_SLOTS:
    void chineseIsComplete()
    {
        const QList<Message> messages = read(QStringLiteral(BGE_TS_DIR "/bge_zh_CN.ts"));
        QVERIFY2(messages.size() > 100, "the translation file is missing or nearly empty");
        QStringList problems;
        for (const Message& m : messages) {
            const QString where = m.context + u": "_s + m.source.left(60);
            if (m.type == u"unfinished" || m.type == u"vanished" || m.type == u"obsolete") {
                if (m.type == u"unfinished")
                    problems.append(u"unfinished — "_s + where);
                continue;
            }
            const QStringList texts = m.numerus ? m.numerusForms : QStringList{m.translation};
            for (const QString& t : texts) {
                if (t.trimmed().isEmpty())
                    problems.append(u"empty — "_s + where);
                else if (placeholders(t) != placeholders(m.source))
                    problems.append(u"placeholders differ — "_s + where);
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }
};

QTEST_APPLESS_MAIN(TstTranslations)
#include "tst_translations.moc"
