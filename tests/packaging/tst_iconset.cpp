// The icon containers the installers use (ICO for Windows, ICNS for macOS) are well-formed,
// and bge-iconset renders the real application icon at every size it is asked for.
#include "iconcontainers.h"

#include <QBuffer>
#include <QImage>
#include <QImageReader>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace Qt::StringLiterals;
using bge::packaging::PngImage;

namespace {

QByteArray pngOfSize(int size)
{
    QImage image(size, size, QImage::Format_ARGB32);
    image.fill(QColor(20, 90, 134));
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return png;
}

QList<PngImage> imagesOfSizes(const QList<int>& sizes)
{
    QList<PngImage> images;
    for (int size : sizes)
        images.append({size, pngOfSize(size)});
    return images;
}

quint16 le16(const QByteArray& data, qsizetype at)
{
    return qFromLittleEndian<quint16>(data.constData() + at);
}

quint32 le32(const QByteArray& data, qsizetype at)
{
    return qFromLittleEndian<quint32>(data.constData() + at);
}

quint32 be32(const QByteArray& data, qsizetype at)
{
    return qFromBigEndian<quint32>(data.constData() + at);
}

QSize decodedSize(const QByteArray& png)
{
    return QImage::fromData(png, "PNG").size();
}

} // namespace

class TestIconset final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void icoDirectoryPointsAtEveryImage()
    {
        const QByteArray ico = bge::packaging::icoFile(imagesOfSizes({16, 32, 256, 512}));
        QCOMPARE(le16(ico, 0), 0);
        QCOMPARE(le16(ico, 2), 1); // an icon, not a cursor
        QCOMPARE(le16(ico, 4), 3); // 512 cannot be described in an ICO directory
        const QList<int> expected{16, 32, 256};
        for (int i = 0; i < 3; ++i) {
            const qsizetype entry = 6 + 16 * i;
            const int side = quint8(ico.at(entry)) == 0 ? 256 : quint8(ico.at(entry));
            QCOMPARE(side, expected[i]);
            const quint32 length = le32(ico, entry + 8);
            const quint32 offset = le32(ico, entry + 12);
            QVERIFY(offset + length <= quint32(ico.size()));
            QCOMPARE(decodedSize(ico.mid(offset, length)), QSize(expected[i], expected[i]));
        }
    }

    void icoIsReadByQt()
    {
        if (!QImageReader::supportedImageFormats().contains("ico"))
            QSKIP("Qt's ICO image plugin is not installed");
        QByteArray ico = bge::packaging::icoFile(imagesOfSizes({16, 48}));
        QBuffer buffer(&ico);
        QImageReader reader(&buffer, "ico");
        QCOMPARE(reader.imageCount(), 2);
        QVERIFY2(!reader.read().isNull(), qPrintable(reader.errorString()));
    }

    void icnsElementsCoverTheRetinaTypes()
    {
        const QByteArray icns = bge::packaging::icnsFile(imagesOfSizes({16, 32, 64, 128, 256, 512, 1024, 48}));
        QCOMPARE(icns.left(4), QByteArray("icns"));
        QCOMPARE(be32(icns, 4), quint32(icns.size()));
        QMap<QByteArray, QSize> elements;
        for (qsizetype at = 8; at < icns.size();) {
            const QByteArray type = icns.mid(at, 4);
            const quint32 length = be32(icns, at + 4);
            QVERIFY2(length > 8 && at + length <= icns.size(), type.constData());
            elements.insert(type, decodedSize(icns.mid(at + 8, length - 8)));
            at += length;
        }
        const QMap<QByteArray, QSize> expected{
            {"icp4", {16, 16}},   {"icp5", {32, 32}},   {"ic11", {32, 32}},     {"ic12", {64, 64}},   {"ic07", {128, 128}},
            {"ic08", {256, 256}}, {"ic13", {256, 256}}, {"ic09", {512, 512}}, {"ic14", {512, 512}}, {"ic10", {1024, 1024}},
        };
        QCOMPARE(elements, expected); // 48 has no ICNS type and is left out
    }

    void rendersTheApplicationIcon()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QProcess tool;
        tool.start(QStringLiteral(BGE_ICONSET_PATH),
                   {QStringLiteral(BGE_APP_ICON_SVG), u"--sizes"_s, u"16,48,256"_s, u"--png"_s,
                    dir.filePath(u"%1x%1/app.png"_s), u"--ico"_s, dir.filePath(u"app.ico"_s), u"--icns"_s,
                    dir.filePath(u"app.icns"_s)});
        QVERIFY(tool.waitForFinished(60000));
        QVERIFY2(tool.exitCode() == 0, tool.readAllStandardError().constData());
        for (int size : {16, 48, 256}) {
            const QImage image(dir.filePath(u"%1x%1/app.png"_s.arg(size)));
            QCOMPARE(image.size(), QSize(size, size));
            // The tile's colour at the centre, transparent corners: the SVG was really drawn.
            QVERIFY(qAlpha(image.pixel(size / 2, size / 2)) == 255);
            QCOMPARE(qAlpha(image.pixel(0, 0)), 0);
        }
        QVERIFY(QFileInfo(dir.filePath(u"app.ico"_s)).size() > 0);
        QVERIFY(QFileInfo(dir.filePath(u"app.icns"_s)).size() > 0);
    }

    void refusesAnUnreadableSvg()
    {
        QTemporaryDir dir;
        QFile bad(dir.filePath(u"bad.svg"_s));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("<svg");
        bad.close();
        QProcess tool;
        tool.start(QStringLiteral(BGE_ICONSET_PATH), {bad.fileName(), u"--png"_s, dir.filePath(u"%1.png"_s)});
        QVERIFY(tool.waitForFinished(60000));
        QCOMPARE(tool.exitCode(), 1);
        QVERIFY(tool.readAllStandardError().contains("cannot read the SVG"));
    }
};

QTEST_GUILESS_MAIN(TestIconset)
#include "tst_iconset.moc"
