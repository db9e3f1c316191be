// The rules a download applies to an object-storage answer, without a server: Content-Range,
// the CRC-64 header, the OSS error body and which 403 a new signature cures.
#include "transfer/downloadresponse.h"

#include <QTest>

using namespace bge::downloadresponse;
using namespace Qt::StringLiterals;

class TestDownloadResponse final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void contentRange()
    {
        const auto r = parseContentRange("bytes 100-199/200");
        QVERIFY(r);
        QCOMPARE(r->first, 100);
        QCOMPARE(r->last, 199);
        QCOMPARE(r->total, 200);
        QVERIFY(parseContentRange(" bytes 0-0/1 "));
        for (const char* bad : {"", "bytes */200", "bytes 100-199/*", "bytes 5-4/10", "bytes 0-10/10",
                                "bytes -1-5/10", "bytes +1-5/10", "bytes 0-5", "items 0-5/10", "bytes a-5/10",
                                "bytes 0-99999999999999999999999/1"})
            QVERIFY2(!parseContentRange(bad), bad);
    }

    void crc64()
    {
        QCOMPARE(parseCrc64("11051210869376104954"), std::optional<quint64>(11051210869376104954ULL));
        QCOMPARE(parseCrc64("0"), std::optional<quint64>(0));
        for (const char* bad : {"", "-1", "0x12", "12a", "18446744073709551616", "+5"})
            QVERIFY2(!parseCrc64(bad), bad);
    }

    void ossError()
    {
        const OssErrorBody e =
            parseOssError("<?xml version=\"1.0\" "
                          "encoding=\"UTF-8\"?>\n<Error><Code>AccessDenied</Code><Message>Request has "
                          "expired.</Message><RequestId>1</RequestId><HostId>h</HostId></Error>");
        QCOMPARE(e.code, u"AccessDenied"_s);
        QCOMPARE(e.message, u"Request has expired."_s);
        QVERIFY(isExpiredSignature(403, e));
        QVERIFY(!isExpiredSignature(400, e));
        QVERIFY(isExpiredSignature(403, {u"SecurityTokenExpired"_s, {}}));
        QVERIFY(!isExpiredSignature(403, {u"AccessDenied"_s, u"You have no right to access this object."_s}));
        QVERIFY(!isExpiredSignature(403, {u"SignatureDoesNotMatch"_s, u"expired"_s}));
        QVERIFY(parseOssError("<html>busy</html>").code.isEmpty());
        QVERIFY(parseOssError("not xml").code.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDownloadResponse)
#include "tst_downloadresponse.moc"
