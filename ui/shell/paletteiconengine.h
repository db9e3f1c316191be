#pragma once

#include <QIconEngine>

namespace bge::ui {

// Draws a monochrome SVG icon in the palette's text colour, so one set of icons reads well on
// light and dark themes and at any scale. The SVG paints with "currentColor", which this
// engine replaces (Qt's SVG renderer does not know currentColor) with WindowText, or with the
// disabled text colour for QIcon::Disabled.
class PaletteIconEngine final : public QIconEngine
{
public:
    explicit PaletteIconEngine(QString svgPath);

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override;
    QPixmap scaledPixmap(const QSize& size, QIcon::Mode mode, QIcon::State state, qreal scale) override;
    QIconEngine* clone() const override;
    QString key() const override;

private:
    QByteArray coloured(QIcon::Mode mode) const;

    QString m_path;
    QByteArray m_svg;
};

// The icon for an action: the desktop theme's `themeName` when the theme has one (native look),
// else resources/icons/ui/<svgName>.svg drawn in the palette's colours.
QIcon uiIcon(const QString& themeName, const QString& svgName);

} // namespace bge::ui
