#include "iconcontainers.h"

#include <QtEndian>

#include <array>
#include <utility>

namespace bge::packaging {

namespace {

template <typename T>
void appendLittle(QByteArray& out, T value)
{
    std::array<char, sizeof(T)> bytes{};
    qToLittleEndian(value, bytes.data());
    out.append(bytes.data(), qsizetype(bytes.size()));
}

template <typename T>
void appendBig(QByteArray& out, T value)
{
    std::array<char, sizeof(T)> bytes{};
    qToBigEndian(value, bytes.data());
    out.append(bytes.data(), qsizetype(bytes.size()));
}

} // namespace

QByteArray icoFile(const QList<PngImage>& images)
{
    QList<PngImage> entries;
    for (const PngImage& image : images) {
        if (image.size > 0 && image.size <= 256)
            entries.append(image);
    }

    // ICONDIR, then one ICONDIRENTRY per image, then the PNG streams in the same order.
    QByteArray out;
    appendLittle<quint16>(out, 0); // reserved
    appendLittle<quint16>(out, 1); // type: icon
    appendLittle<quint16>(out, quint16(entries.size()));
    quint32 offset = quint32(6 + 16 * entries.size());
    for (const PngImage& image : entries) {
        const auto side = quint8(image.size == 256 ? 0 : image.size); // 0 means 256
        out.append(char(side)).append(char(side));
        out.append(char(0)).append(char(0)); // no palette, reserved
        appendLittle<quint16>(out, 1);        // colour planes
        appendLittle<quint16>(out, 32);       // bits per pixel
        appendLittle<quint32>(out, quint32(image.png.size()));
        appendLittle<quint32>(out, offset);
        offset += quint32(image.png.size());
    }
    for (const PngImage& image : entries)
        out.append(image.png);
    return out;
}

QByteArray icnsFile(const QList<PngImage>& images)
{
    // Apple's PNG-capable element types, by pixel size (several types may share one size).
    static constexpr std::array<std::pair<int, const char*>, 10> types{{
        {16, "icp4"}, {32, "icp5"}, {32, "ic11"}, {64, "ic12"}, {128, "ic07"},
        {256, "ic08"}, {256, "ic13"}, {512, "ic09"}, {512, "ic14"}, {1024, "ic10"},
    }};

    QByteArray body;
    for (const auto& [size, type] : types) {
        for (const PngImage& image : images) {
            if (image.size != size)
                continue;
            body.append(type, 4);
            appendBig<quint32>(body, quint32(8 + image.png.size()));
            body.append(image.png);
            break;
        }
    }
    QByteArray out("icns");
    appendBig<quint32>(out, quint32(8 + body.size()));
    return out + body;
}

} // namespace bge::packaging
