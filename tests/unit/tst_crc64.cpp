#include "oss/crc64.h"

#include <QRandomGenerator>
#include <QTest>

using bge::oss::Crc64;

class TestCrc64 final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void publishedVectors_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<quint64>("expected");
        // From the official OSS SDKs' tests (reference: oss-protocol.md section 4).
        QTest::newRow("empty") << QByteArray() << quint64(0);
        QTest::newRow("123456789") << QByteArray("123456789") << quint64(0x995DC9BBDF1939FAULL);
        QTest::newRow("emergency") << QByteArray("This is a test of the emergency broadcast system.")
                                   << quint64(0x27DB187FC15BBC72ULL);
        QTest::newRow("a") << QByteArray("a") << quint64(0x330284772E652B05ULL);
        QTest::newRow("abc") << QByteArray("abc") << quint64(0x2CD8094A1A277627ULL);
        QTest::newRow("hello") << QByteArray("hello") << quint64(11177612005948864433ULL);
        QTest::newRow("1234567890") << QByteArray("1234567890") << quint64(0xB1CB31BBB4A2B2BEULL);
    }
    void publishedVectors()
    {
        QFETCH(QByteArray, input);
        QFETCH(quint64, expected);
        QCOMPARE(Crc64::checksum(input), expected);
    }

    void incrementalEqualsOneShot()
    {
        QByteArray data(100003, Qt::Uninitialized);
        QRandomGenerator rng(42);
        for (auto& c : data)
            c = static_cast<char>(rng.bounded(256));
        const quint64 whole = Crc64::checksum(data);
        for (const qsizetype chunk : {1, 3, 7, 8, 9, 4096, 65537}) {
            Crc64 crc;
            for (qsizetype i = 0; i < data.size(); i += chunk)
                crc.update(QByteArrayView(data).sliced(i, std::min(chunk, data.size() - i)));
            QCOMPARE(crc.value(), whole);
        }
    }

    // Every length and alignment against the bitwise definition, so that the fast paths
    // (folding from 64 bytes on, the tables for the rest) agree with it wherever they split.
    void matchesBitwiseDefinition()
    {
        const auto bitwise = [](QByteArrayView data) {
            quint64 crc = ~quint64{0};
            for (const char c : data) {
                crc ^= quint64(static_cast<unsigned char>(c));
                for (int bit = 0; bit < 8; ++bit)
                    crc = (crc & 1) ? (crc >> 1) ^ 0xC96C5795D7870F42ULL : crc >> 1;
            }
            return ~crc;
        };
        QByteArray data(4096 + 64, Qt::Uninitialized);
        QRandomGenerator rng(7);
        for (auto& c : data)
            c = static_cast<char>(rng.bounded(256));
        for (qsizetype offset = 0; offset < 16; ++offset) {
            for (qsizetype length = 0; length <= 300; ++length) {
                const QByteArrayView view = QByteArrayView(data).sliced(offset, length);
                QCOMPARE(Crc64::checksum(view), bitwise(view));
            }
        }
        const QByteArrayView big = QByteArrayView(data).sliced(3, 4096 + 7);
        QCOMPARE(Crc64::checksum(big), bitwise(big));
    }

    void combineEverySplitPoint()
    {
        // Go SDK TestCRCRepeatedCombine: the same value for every split point.
        const QByteArray text = "Even if I could be Shakespeare, I think I should still choose to be Faraday. - A. Huxley";
        QCOMPARE(Crc64::checksum(text), quint64(0x7AD25FAFA1710407ULL));
        for (qsizetype split = 0; split <= text.size(); ++split) {
            const QByteArrayView a = QByteArrayView(text).first(split);
            const QByteArrayView b = QByteArrayView(text).sliced(split);
            QCOMPARE(Crc64::combine(Crc64::checksum(a), Crc64::checksum(b), quint64(b.size())),
                     quint64(0x7AD25FAFA1710407ULL));
        }
    }

    void combineFromZeroIsIdentity()
    {
        const quint64 c = Crc64::checksum("67890");
        QCOMPARE(Crc64::combine(0, c, 5), c);
        QCOMPARE(Crc64::combine(Crc64::checksum("12345"), c, 5), quint64(0xB1CB31BBB4A2B2BEULL));
    }

    void combineLargeLengths()
    {
        // Parts of several MiB, as multipart uploads combine them.
        QByteArray a(3 * 1024 * 1024 + 17, 'x');
        QByteArray b(5 * 1024 * 1024 + 5, 'y');
        QCOMPARE(Crc64::combine(Crc64::checksum(a), Crc64::checksum(b), quint64(b.size())),
                 Crc64::checksum(QByteArray(a + b)));
    }
};

QTEST_APPLESS_MAIN(TestCrc64)
#include "tst_crc64.moc"
