#pragma once

#include <QStringView>
#include <QtGlobal>

#include <cmath>
#include <span>

namespace bge::sandbox {

// A small deterministic generator (SplitMix64). Every piece of demo data draws from a
// generator derived from (seed, label), so a record is the same whatever else was generated
// before it, and the same --seed gives the same platform on every machine.
class DemoRandom final
{
public:
    explicit DemoRandom(quint64 seed) : m_state(seed) {}
    static DemoRandom derive(quint64 seed, const QString& label)
    {
        quint64 h = 0xcbf29ce484222325ULL ^ seed; // FNV-1a over the label's UTF-16
        for (const QChar c : label) {
            h ^= c.unicode();
            h *= 0x100000001b3ULL;
        }
        DemoRandom r(h);
        r.next();
        return r;
    }

    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    double uniform() { return double(next() >> 11) * 0x1.0p-53; } // [0, 1)
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    int range(int lo, int hiInclusive) { return lo + int(next() % quint64(hiInclusive - lo + 1)); }
    bool chance(double p) { return uniform() < p; }
    double normal()
    {
        const double u1 = std::max(uniform(), 1e-12);
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * uniform());
    }
    template <typename T>
    const T& pick(std::span<const T> items)
    {
        return items[std::size_t(next() % items.size())];
    }
    QString digits(int count)
    {
        QString s;
        for (int i = 0; i < count; ++i)
            s += QChar(u'0' + int(next() % 10));
        return s;
    }
    QString alphanumeric(int count)
    {
        static constexpr char16_t kChars[] = u"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        QString s;
        for (int i = 0; i < count; ++i)
            s += QChar(kChars[next() % 62]);
        return s;
    }
    QString hex(int count)
    {
        QString s;
        for (int i = 0; i < count; ++i)
            s += QChar(u"0123456789abcdef"[next() % 16]);
        return s;
    }
    QString uuid() // RFC 4122 textual form, version-1 looking like the platform's ids
    {
        const QString h = hex(32);
        return h.mid(0, 8) + u'-' + h.mid(8, 4) + u'-' + h.mid(12, 4) + u'-' + h.mid(16, 4) + u'-' + h.mid(20, 12);
    }

private:
    quint64 m_state;
};

} // namespace bge::sandbox
