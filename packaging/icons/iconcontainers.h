#pragma once

#include <QByteArray>
#include <QList>

namespace bge::packaging {

// One square rendering of the icon, already encoded as PNG.
struct PngImage
{
    int size = 0;
    QByteArray png;
};

// Windows .ico holding PNG-compressed entries (read by Windows Vista and later). Sizes above
// 256 cannot be described in an ICO directory and are skipped.
QByteArray icoFile(const QList<PngImage>& images);

// macOS .icns holding PNG entries, one OSType per pixel size (16 … 1024); the retina variants
// ("32@2x" etc.) share the pixels of the next size up. Sizes macOS has no type for are skipped.
QByteArray icnsFile(const QList<PngImage>& images);

} // namespace bge::packaging
