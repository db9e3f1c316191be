#include "soaktally.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace bge::test::soak {

QString endingName(Ending ending)
{
    switch (ending) {
    case Ending::Verified:
        return u"verified"_s;
    case Ending::ClearError:
        return u"clear-error"_s;
    case Ending::Stuck:
        return u"stuck"_s;
    case Ending::Damaged:
        return u"damaged"_s;
    case Ending::Lost:
        return u"lost"_s;
    }
    return {};
}

SandboxFigures SandboxFigures::fromLog(const QString& log)
{
    static const QRegularExpression kRequest(u"^(oss|api): (\\S+) (\\S+) (\\d+)$"_s);
    SandboxFigures f;
    for (const QStringView line : QStringView(log).split(u'\n')) {
        if (line.startsWith(u"oss: fault: lost the reply"))
            ++f.lostReplies;
        else if (line.startsWith(u"oss: fault: flipped a bit"))
            ++f.flippedBits;
        else if (line.startsWith(u"api: fault: dropped the connection"))
            ++f.apiFaultDrops;
        else if (line.startsWith(u"api: fault: 5"))
            ++f.apiFaultAnswers;
        const QRegularExpressionMatch m = kRequest.match(line.toString());
        if (!m.hasMatch())
            continue;
        const int status = m.captured(4).toInt();
        if (m.capturedView(1) == u"oss") {
            ++f.ossRequests;
            f.oss503 += status == 503 ? 1 : 0;
            continue;
        }
        ++f.apiRequests;
        f.api5xx += status >= 500 ? 1 : 0;
        if (status == 200 && m.capturedView(2) == u"POST" && m.capturedView(3) == u"/oauth2/access_token")
            ++f.tokenGrants;
        if (status == 200 && m.capturedView(2) == u"POST" && m.capturedView(3) == u"/sts/token")
            ++f.stsGrants;
    }
    return f;
}

QStringList Tally::summary(quint32 seed, const SandboxFigures& s, qint64 wallMs) const
{
    QStringList lines;
    int runs = 0;
    for (auto it = clients.cbegin(); it != clients.cend(); ++it) {
        runs += it->runs;
        lines += u"soak: client=\"%1\" runs=%2 processes=%3 kills=%4 kills-at-complete=%5 timeouts=%6 retries=%7"_s
                     .arg(clientName(it.key()))
                     .arg(it->runs)
                     .arg(it->processes)
                     .arg(it->kills)
                     .arg(it->killsAtComplete)
                     .arg(it->timeouts)
                     .arg(it->retries);
    }
    QString endingsText;
    for (const Ending e : {Ending::Verified, Ending::ClearError, Ending::Stuck, Ending::Damaged, Ending::Lost})
        endingsText += u" %1=%2"_s.arg(endingName(e)).arg(endings.value(e));
    lines.prepend(u"soak: seed=%1 runs=%2 bytes=%3 wall-s=%4%5 journals-left=%6"_s.arg(seed)
                      .arg(runs)
                      .arg(bytes)
                      .arg(wallMs / 1000)
                      .arg(endingsText)
                      .arg(journalsLeft));
    lines += u"soak: sandbox oss-requests=%1 oss-503=%2 lost-replies=%3 flipped-bits=%4 api-requests=%5 "
             "api-5xx=%6 api-fault-answers=%7 api-fault-drops=%8 token-grants=%9 sts-grants=%10"_s.arg(s.ossRequests)
                 .arg(s.oss503)
                 .arg(s.lostReplies)
                 .arg(s.flippedBits)
                 .arg(s.apiRequests)
                 .arg(s.api5xx)
                 .arg(s.apiFaultAnswers)
                 .arg(s.apiFaultDrops)
                 .arg(s.tokenGrants)
                 .arg(s.stsGrants);
    return lines;
}

} // namespace bge::test::soak
