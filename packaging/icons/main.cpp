// bge-iconset: renders the application's SVG icon into every raster form the installers need
// (hicolor PNGs for Linux, .ico for Windows, .icns for macOS) at build time, with Qt Svg,
// which the app depends on anyway, so no platform-specific tool (rsvg-convert, iconutil) is
// needed on any of the three build machines.
#include "iconcontainers.h"

#include <QBuffer>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QSaveFile>
#include <QSvgRenderer>

#include <cstdio>

using namespace Qt::StringLiterals;
using bge::packaging::PngImage;

namespace {

int fail(const QString& message)
{
    std::fprintf(stderr, "bge-iconset: %s\n", qUtf8Printable(message));
    return 1;
}

bool writeFile(const QString& path, const QByteArray& data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size() && file.commit();
}

QByteArray renderPng(QSvgRenderer& renderer, int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::SmoothPixmapTransform);
    renderer.render(&painter);
    painter.end();

    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return png;
}

} // namespace

int main(int argc, char* argv[])
{
    // Raster painting into a QImage needs no platform plugin (nor a display on build machines).
    QCoreApplication app(argc, argv);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Renders an SVG icon into PNG, ICO and ICNS files."_s);
    parser.addHelpOption();
    parser.addPositionalArgument(u"svg"_s, u"the icon's SVG source"_s);
    const QCommandLineOption sizesOption(u"sizes"_s, u"comma-separated pixel sizes"_s, u"list"_s,
                                         u"16,22,24,32,48,64,128,256,512"_s);
    const QCommandLineOption pngOption(u"png"_s,
                                       u"PNG path pattern; %1 becomes the size (e.g. out/%1x%1/apps/app.png)"_s,
                                       u"pattern"_s);
    const QCommandLineOption icoOption(u"ico"_s, u"write a Windows .ico"_s, u"file"_s);
    const QCommandLineOption icnsOption(u"icns"_s, u"write a macOS .icns"_s, u"file"_s);
    parser.addOptions({sizesOption, pngOption, icoOption, icnsOption});
    parser.process(app);

    if (parser.positionalArguments().size() != 1)
        return fail(u"expected exactly one SVG file"_s);
    QSvgRenderer renderer(parser.positionalArguments().constFirst());
    if (!renderer.isValid())
        return fail(u"cannot read the SVG %1"_s.arg(parser.positionalArguments().constFirst()));

    QList<PngImage> images;
    for (const QString& field : parser.value(sizesOption).split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const int size = field.trimmed().toInt(&ok);
        if (!ok || size < 8 || size > 2048)
            return fail(u"not a pixel size: %1"_s.arg(field));
        images.append({size, renderPng(renderer, size)});
    }

    if (parser.isSet(pngOption)) {
        for (const PngImage& image : images) {
            const QString path = parser.value(pngOption).arg(image.size);
            if (!writeFile(path, image.png))
                return fail(u"cannot write %1"_s.arg(path));
        }
    }
    if (parser.isSet(icoOption) && !writeFile(parser.value(icoOption), bge::packaging::icoFile(images)))
        return fail(u"cannot write %1"_s.arg(parser.value(icoOption)));
    if (parser.isSet(icnsOption) && !writeFile(parser.value(icnsOption), bge::packaging::icnsFile(images)))
        return fail(u"cannot write %1"_s.arg(parser.value(icnsOption)));
    return 0;
}
