#include "demoworld.h"

#include "demorandom.h"
#include "platformcodes.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTimeZone>

namespace bge::sandbox {
namespace {

using namespace Qt::StringLiterals;

QStringList allScopes()
{
    QStringList scopes;
    for (const char16_t* s : knownScopes())
        scopes.append(QString::fromUtf16(s));
    return scopes;
}

QDateTime utc(int y, int m, int d)
{
    return QDateTime(QDate(y, m, d), QTime(0, 0), QTimeZone::utc());
}

struct SampleShape
{
    int site;
    int omic;
    int status;
};

int pickSite(DemoRandom& rng)
{
    const double r = rng.uniform();
    if (r < 0.42)
        return kSiteFeces;
    if (r < 0.67)
        return kSiteBlood;
    if (r < 0.80)
        return kSiteSaliva;
    return rng.range(3, 15);
}

int omicFor(int site, DemoRandom& rng)
{
    switch (site) {
    case kSiteBlood:
        return kOmicGenomics;
    case kSiteSaliva:
    case 10: // tissue
        return rng.chance(0.5) ? kOmicGenomics : kOmicMetagenomics;
    default:
        return kOmicMetagenomics;
    }
}

int pickStatus(DemoRandom& rng)
{
    const double r = rng.uniform();
    if (r < 0.72)
        return kStatusInterpretation;
    if (r < 0.78)
        return kStatusRegistered;
    if (r < 0.84)
        return 2001;
    if (r < 0.90)
        return 3001;
    if (r < 0.96)
        return 4001;
    return 5001;
}

} // namespace

DemoWorld DemoWorld::generate(quint64 seed, int sampleCount)
{
    DemoWorld w;
    w.m_seed = seed;
    w.generateUsers();
    w.generateClients();
    w.generateProjects();
    w.generateSamples(sampleCount);
    return w;
}

void DemoWorld::generateUsers()
{
    struct Person
    {
        const char16_t* username;
        const char16_t* nickname;
        int sex;
        const char16_t* birthday;
        const char16_t* address;
    };
    static constexpr Person kPeople[] = {
        {u"zhanglei3", u"张磊", 1, u"1989-10-01T08:00:00+0800", u"四川省南充市西充县"},
        {u"liuyang", u"刘洋", 2, u"1993-04-17T08:00:00+0800", u"广东省深圳市盐田区"},
        {u"chenjing", u"陈静", 2, u"1985-12-03T08:00:00+0800", u"湖北省武汉市洪山区"},
    };
    for (const Person& p : kPeople) {
        const QString username = QString::fromUtf16(p.username);
        DemoRandom rng = DemoRandom::derive(m_seed, u"user:" + username);
        DemoUser u;
        u.userId = rng.hex(24);
        u.username = username;
        u.password = u"bge-sandbox"_s;
        u.nickname = QString::fromUtf16(p.nickname);
        u.email = username + u"@example.com"_s;
        u.phone = u"1"_s + QString::number(rng.range(30, 89)) + rng.digits(8);
        u.sex = p.sex;
        u.birthday = QString::fromUtf16(p.birthday);
        u.address = QString::fromUtf16(p.address);
        u.personnelInfoCode = rng.hex(32).toUpper();
        m_users.append(u);
    }
}

void DemoWorld::generateClients()
{
    const auto make = [this](const QString& id, const QString& name, GrantType grant, QStringList scopes,
                             QStringList redirects) {
        DemoRandom rng = DemoRandom::derive(m_seed, u"client:" + id);
        DemoClient c;
        c.clientId = id;
        c.clientSecret = rng.alphanumeric(40);
        c.name = name;
        c.grantType = grant;
        c.scopes = std::move(scopes);
        c.redirectUris = std::move(redirects);
        c.partnerNumber = rng.digits(11);
        m_clients.append(c);
    };
    make(u"bge-desktop-demo"_s, u"BGE Desktop (sandbox)"_s, GrantType::AuthorizationCode, allScopes(),
         {u"http://localhost/oauth/callback"_s, u"https://bge-desktop.example.com/oauth/callback"_s});
    make(u"bge-pipeline-demo"_s, u"Sequencing pipeline (sandbox)"_s, GrantType::ClientCredentials,
         allScopes(), {});
    // A deliberately narrow app, so that scope refusals (401) can be seen.
    make(u"bge-viewer-demo"_s, u"Read-only viewer (sandbox)"_s, GrantType::AuthorizationCode,
         {u"profile.default"_s, u"sample.default:read"_s}, {u"http://localhost/oauth/callback"_s});
}

void DemoWorld::generateProjects()
{
    struct P
    {
        const char16_t* name;
        const char16_t* description;
        int organism;
    };
    static constexpr P kProjects[] = {
        {u"demo", u"员工数据", 1},
        {u"CN-Adult-Gut", u"中国成人肠道菌群参考队列", 1},
        {u"PGx-2021", u"药物基因组学与用药安全研究", 1},
        {u"Oral-Microbiome", u"口腔与唾液微生物组研究", 1},
        {u"Mouse-Diet", u"高脂饮食干预小鼠肠道菌群实验", 2},
        {u"Rat-Antibiotic", u"抗生素干预大鼠肠道菌群恢复研究", 3},
    };
    for (const P& p : kProjects) {
        DemoRandom rng = DemoRandom::derive(m_seed, u"project:" + QString::fromUtf16(p.name));
        m_projects.append({u"P-W"_s + QString::number(rng.range(19, 23)) + rng.digits(9), QString::fromUtf16(p.name),
                           QString::fromUtf16(p.description), p.organism});
    }
}

void DemoWorld::generateSamples(int count)
{
    DemoRandom rng = DemoRandom::derive(m_seed, u"samples"_s);
    QSet<QString> usedIds;
    const QString pipelineClient = m_clients[1].clientId;

    // Every owner starts with one analysed genomics and one analysed metagenomics sample,
    // and the first fifteen samples cover every biosample site.
    QList<QPair<QString, QString>> owners; // (user, client)
    for (const DemoUser& u : m_users)
        owners.append({u.username, QString()});
    owners.append({QString(), pipelineClient});

    for (int i = 0; i < count; ++i) {
        Sample s;
        const int ownerIndex = i < owners.size() * 2 ? i % int(owners.size())
                                                     : std::array{0, 0, 0, 1, 1, 2, 3, 3}[rng.next() % 8];
        s.ownerUser = owners[ownerIndex].first;
        s.ownerClient = owners[ownerIndex].second.isEmpty() ? m_clients[0].clientId : owners[ownerIndex].second;

        if (i < owners.size() * 2) {
            const bool genomic = i < owners.size();
            s.site = genomic ? kSiteBlood : kSiteFeces;
            s.omic = genomic ? kOmicGenomics : kOmicMetagenomics;
            s.status = kStatusInterpretation;
        } else if (i < owners.size() * 2 + 15) {
            s.site = i - int(owners.size()) * 2 + 1;
            s.omic = omicFor(s.site, rng);
            s.status = pickStatus(rng);
        } else {
            s.site = pickSite(rng);
            s.omic = omicFor(s.site, rng);
            s.status = pickStatus(rng);
        }

        // Animal studies: feces of mice and rats.
        if (s.site == kSiteFeces && i >= owners.size() * 2 && rng.chance(0.15)) {
            s.organism = rng.chance(0.6) ? 2 : 3;
            s.projectIds = {m_projects[s.organism == 2 ? 4 : 5].projectId};
        } else {
            s.organism = 1;
            const int project = s.omic == kOmicGenomics ? (rng.chance(0.6) ? 2 : 0)
                                : s.site == kSiteFeces  ? (rng.chance(0.8) ? 1 : 0)
                                                        : 3;
            s.projectIds = {m_projects[project].projectId};
        }

        const char16_t letter = findCode(biosampleSites(), s.site)->idLetter;
        do {
            s.biosampleId = u"E-"_s + QChar(letter) + QString::number(rng.range(19, 25)) + rng.digits(9);
        } while (usedIds.contains(s.biosampleId));
        usedIds.insert(s.biosampleId);

        s.primary = rng.chance(0.95);
        s.dataAvailability = s.status == kStatusInterpretation;
        s.collectionTime = utc(2019, 1, 1).addSecs(qint64(rng.uniform(0, 6.5 * 365 * 86400)));
        s.updateTime = s.collectionTime.addSecs(qint64(rng.uniform(20, 120) * 86400));
        s.externalSampleId = (s.ownerUser.isEmpty() ? u"KIT-"_s : u"ZK"_s) + rng.digits(8);

        const bool sequenced = s.status == 4001 || s.status == 5001 || s.status == kStatusInterpretation;
        if (sequenced) {
            const bool t7 = rng.chance(0.4);
            s.platform = {t7 ? u"DNBSEQ"_s : u"BGISEQ"_s};
            s.instrumentModel = {t7 ? u"DNBSEQ-T7"_s : u"BGISEQ-500"_s};
            s.sequencingTime = {s.collectionTime.addDays(rng.range(10, 60)).date().toString(Qt::ISODate)};
            s.readType = {s.omic == kOmicGenomics ? u"150+150+10"_s : u"100+100"_s};
            if (s.omic == kOmicGenomics) {
                s.depth = std::round(rng.uniform(28, 95) * 1000) / 1000;
                s.variantCounting = qint64(rng.uniform(4.6e6, 5.3e6));
                s.basePairs = std::round(*s.depth * 3.1 * 100) / 100;
                s.coverage = std::round(rng.uniform(0.985, 0.999) * 1000) / 1000;
            } else {
                s.humanContamination = std::round(rng.uniform(0.05, 3.5) * 1000) / 1000;
                s.basePairs = std::round(rng.uniform(5.5, 14.0) * 100) / 100;
            }
            if (s.status == 5001 && s.depth)
                s.depth = std::round(rng.uniform(4, 9) * 1000) / 1000; // why it failed QC
        }

        // Library fields the lab fills in; left empty early in the life cycle so that
        // improve_sample has something to set.
        const bool inLab = s.status != kStatusRegistered && s.status != 2001;
        const QString day = s.collectionTime.toString(u"yyMMdd"_s);
        s.improvable = {
            {u"library_id"_s, inLab ? u"HWJ"_s + rng.alphanumeric(7).toUpper() + day + u'-' + rng.digits(2) : QString()},
            {u"library_strategy"_s, inLab ? u"WGS"_s : QString()},
            {u"library_source"_s, inLab ? (s.omic == kOmicGenomics ? u"GENOMIC"_s : u"METAGENOMIC"_s) : QString()},
            {u"library_selection"_s, inLab && rng.chance(0.8) ? u"RANDOM"_s : QString()},
            {u"library_layout"_s, inLab ? u"PAIRED"_s : QString()},
        };
        m_samples.append(s);
    }
}

bool DemoWorld::loadClientConfig(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read client config %1: %2"_s.arg(path, file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject() || !doc.object().value(u"clients").isArray()) {
        *error = u"client config %1: expected {\"clients\": [...]} (%2)"_s.arg(path, parseError.errorString());
        return false;
    }
    const QJsonArray list = doc.object().value(u"clients").toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject o = list[i].toObject();
        DemoClient c;
        c.clientId = o.value(u"client_id").toString();
        c.clientSecret = o.value(u"client_secret").toString();
        c.name = o.value(u"name").toString(c.clientId);
        const QString grant = o.value(u"grant_type").toString();
        if (c.clientId.isEmpty() || c.clientSecret.isEmpty()
            || (grant != u"authorization_code" && grant != u"client_credentials")) {
            *error = u"client config %1: client #%2 needs client_id, client_secret and grant_type "
                     "authorization_code or client_credentials"_s.arg(path).arg(i + 1);
            return false;
        }
        c.grantType = grant == u"authorization_code" ? GrantType::AuthorizationCode : GrantType::ClientCredentials;
        for (const QJsonValue& v : o.value(u"redirect_uris").toArray())
            c.redirectUris.append(v.toString());
        const QJsonValue scopes = o.value(u"scopes");
        if (scopes.isUndefined()) {
            c.scopes = allScopes();
        } else {
            for (const QJsonValue& v : scopes.toArray()) {
                if (!isKnownScope(v.toString())) {
                    *error = u"client config %1: unknown scope \"%2\""_s.arg(path, v.toString());
                    return false;
                }
                c.scopes.append(v.toString());
            }
        }
        c.partnerNumber = DemoRandom::derive(m_seed, u"client:" + c.clientId).digits(11);
        m_clients.removeIf([&](const DemoClient& existing) { return existing.clientId == c.clientId; });
        m_clients.append(c);
    }
    return true;
}

const DemoUser* DemoWorld::findUser(const QString& username) const
{
    for (const DemoUser& u : m_users) {
        if (u.username == username)
            return &u;
    }
    return nullptr;
}

const DemoClient* DemoWorld::findClient(const QString& clientId) const
{
    for (const DemoClient& c : m_clients) {
        if (c.clientId == clientId)
            return &c;
    }
    return nullptr;
}

const Project* DemoWorld::findProject(const QString& projectId) const
{
    for (const Project& p : m_projects) {
        if (p.projectId == projectId)
            return &p;
    }
    return nullptr;
}

QString DemoWorld::uploadDestination(const Principal& principal) const
{
    // Shaped like the platform's "DUS-19847281036-<40 chars>/20190716TZ-<32 hex>". Stable for a
    // principal (sandbox convention), so an upload can continue with renewed credentials and
    // name clashes between uploads of the same principal are real.
    const DemoClient* client = findClient(principal.clientId);
    DemoRandom rng = DemoRandom::derive(m_seed, u"destination:" + principal.clientId + u'/' + principal.username);
    const QString day = utc(2026, 1, 1).addDays(rng.range(0, 300)).toString(u"yyyyMMdd"_s);
    return u"DUS-"_s + (client ? client->partnerNumber : rng.digits(11)) + u'-' + rng.alphanumeric(40) + u'/'
           + day + u"TZ-"_s + rng.hex(32);
}

} // namespace bge::sandbox
