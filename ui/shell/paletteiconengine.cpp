#include "paletteiconengine.h"

#include <QFile>
#include <QGuiApplication>
#include <QPainter>
#include <QPalette>
#include <QPixmapCache>
#include <QSvgRenderer>

namespace bge::ui {

using namespace Qt::StringLiterals;

PaletteIconEngine::PaletteIconEngine(QString svgPath) : m_path(std::move(svgPath))
{
    QFile file(m_path);
    if (file.open(QIODevice::ReadOnly))
        m_svg = file.readAll();
}

QByteArray PaletteIconEngine::coloured(QIcon::Mode mode) const
{
    const QPalette palette = QGuiApplication::palette();
    const QPalette::ColorGroup group = mode == QIcon::Disabled ? QPalette::Disabled : QPalette::Active;
    const QPalette::ColorRole role =
        mode == QIcon::Selected ? QPalette::HighlightedText : QPalette::WindowText;
    QByteArray svg = m_svg;
    return svg.replace("currentColor", palette.color(group, role).name().toLatin1());
}

void PaletteIconEngine::paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State)
{
    QSvgRenderer renderer(coloured(mode));
    renderer.render(painter, QRectF(rect));
}

QPixmap PaletteIconEngine::pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state)
{
    return scaledPixmap(size, mode, state, 1.0);
}

QPixmap PaletteIconEngine::scaledPixmap(const QSize& size, QIcon::Mode mode, QIcon::State state, qreal scale)
{
    // QIcon asks with the size in device pixels already: `scale` is only the ratio to tag.
    const QSize pixels = size;
    const QByteArray svg = coloured(mode);
    // The colour is part of the key: a palette change (light to dark) draws the icon anew.
    const QString cacheKey = u"bge-icon:%1:%2x%3:%4"_s.arg(m_path)
                                 .arg(pixels.width())
                                 .arg(pixels.height())
                                 .arg(QString::number(qHash(svg), 16));
    QPixmap pm;
    if (QPixmapCache::find(cacheKey, &pm))
        return pm;
    pm = QPixmap(pixels);
    pm.fill(Qt::transparent);
    {
        QPainter painter(&pm);
        paint(&painter, QRect(QPoint(0, 0), pixels), mode, state);
    }
    pm.setDevicePixelRatio(scale);
    QPixmapCache::insert(cacheKey, pm);
    return pm;
}

QIconEngine* PaletteIconEngine::clone() const
{
    return new PaletteIconEngine(*this);
}

QString PaletteIconEngine::key() const
{
    return u"BgePaletteIcon"_s;
}

QIcon uiIcon(const QString& themeName, const QString& svgName)
{
    if (!themeName.isEmpty() && QIcon::hasThemeIcon(themeName))
        return QIcon::fromTheme(themeName);
    return QIcon(new PaletteIconEngine(u":/icons/ui/%1.svg"_s.arg(svgName)));
}

} // namespace bge::ui
