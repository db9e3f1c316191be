#include "chartexport.h"

#include <QAction>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QMessageBox>
#include <QPainter>
#include <QPalette>
#include <QSaveFile>
#include <QStandardPaths>
#include <QStyle>
#include <QSvgGenerator>

#include <cmath>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

// Screen figures are laid out at 96 logical pixels to the inch (Qt's reference resolution).
constexpr double kLogicalDpi = 96.0;
constexpr double kInchesPerMetre = 1.0 / 0.0254;

// Draws the chart in the light theme for the length of a render, then gives it back the
// window's palette: the figure is the same in a dark session. It goes through the view's own
// palette, so each chart's PaletteChange handler puts its series colours back both times
// (a theme switch alone resets them to Qt's defaults).
class LightThemeForExport final
{
public:
    explicit LightThemeForExport(QChartView* view)
        : m_view(view), m_ownPalette(view->testAttribute(Qt::WA_SetPalette)), m_palette(view->palette())
    {
        m_view->setPalette(QApplication::style()->standardPalette());
    }
    ~LightThemeForExport()
    {
        // A palette the view inherited is inherited again, so it follows later changes.
        m_view->setPalette(m_ownPalette ? m_palette : QPalette());
    }
    LightThemeForExport(const LightThemeForExport&) = delete;
    LightThemeForExport& operator=(const LightThemeForExport&) = delete;

private:
    QChartView* m_view;
    bool m_ownPalette;
    QPalette m_palette;
};

void render(QChartView* view, QPainter* painter, const QRectF& target)
{
    view->scene()->render(painter, target, view->sceneRect(), Qt::KeepAspectRatio);
}

QString failure(const QString& path, const QString& why)
{
    return QCoreApplication::translate("bge::ui::ChartExport", "The chart could not be saved to %1: %2")
        .arg(QDir::toNativeSeparators(path), why);
}

} // namespace

ChartExport::Format ChartExport::formatForFileName(const QString& path)
{
    return QFileInfo(path).suffix().compare(u"svg"_s, Qt::CaseInsensitive) == 0 ? Format::Svg : Format::Png;
}

bool ChartExport::writePng(QChartView* view, const QString& path, QString* error, int dpi)
{
    const QSizeF logical = view->sceneRect().size();
    const double scale = dpi / kLogicalDpi;
    QImage image(QSize(int(std::lround(logical.width() * scale)), int(std::lround(logical.height() * scale))),
                 QImage::Format_ARGB32_Premultiplied);
    if (image.isNull()) {
        if (error)
            *error = failure(path, QCoreApplication::translate("bge::ui::ChartExport", "not enough memory"));
        return false;
    }
    image.setDotsPerMeterX(int(std::lround(dpi * kInchesPerMetre)));
    image.setDotsPerMeterY(int(std::lround(dpi * kInchesPerMetre)));
    image.fill(Qt::white);
    {
        const LightThemeForExport light(view);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        render(view, &painter, QRectF(QPointF(0, 0), image.size()));
    }
    // Written whole or not at all: a figure half-replaced is worse than the old one.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit()) {
        if (error)
            *error = failure(path, file.errorString());
        return false;
    }
    return true;
}

bool ChartExport::writeSvg(QChartView* view, const QString& path, QString* error)
{
    const QSizeF logical = view->sceneRect().size();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = failure(path, file.errorString());
        return false;
    }
    QSvgGenerator svg;
    svg.setOutputDevice(&file);
    svg.setSize(logical.toSize());
    svg.setViewBox(QRectF(QPointF(0, 0), logical));
    svg.setResolution(int(kLogicalDpi));
    svg.setTitle(view->chart()->title());
    svg.setDescription(QCoreApplication::translate("bge::ui::ChartExport", "Exported from BGE Desktop"));
    {
        const LightThemeForExport light(view);
        QPainter painter;
        if (!painter.begin(&svg)) {
            if (error)
                *error = failure(path, file.errorString());
            return false;
        }
        render(view, &painter, QRectF(QPointF(0, 0), logical));
    }
    if (!file.commit()) {
        if (error)
            *error = failure(path, file.errorString());
        return false;
    }
    return true;
}

bool ChartExport::writeFile(QChartView* view, const QString& path, QString* error)
{
    return formatForFileName(path) == Format::Svg ? writeSvg(view, path, error) : writePng(view, path, error);
}

ChartExporter::ChartExporter(QChartView* view, const QString& baseName)
    : QObject(view), m_view(view), m_baseName(baseName)
{
    setObjectName(u"chartExporter"_s);
}

ChartExporter* ChartExporter::install(QChartView* view, const QString& baseName)
{
    auto* exporter = new ChartExporter(view, baseName);
    auto* png = new QAction(tr("Export Chart as &PNG…"), view);
    png->setObjectName(u"exportChartPngAction"_s);
    png->setToolTip(tr("Save the chart as a PNG image at %1 dpi, for print").arg(ChartExport::kPrintDpi));
    connect(png, &QAction::triggered, exporter,
            [exporter] { exporter->chooseFile(ChartExport::Format::Png); });
    auto* svg = new QAction(tr("Export Chart as &SVG…"), view);
    svg->setObjectName(u"exportChartSvgAction"_s);
    svg->setToolTip(tr("Save the chart as SVG, to edit in a vector drawing program"));
    connect(svg, &QAction::triggered, exporter,
            [exporter] { exporter->chooseFile(ChartExport::Format::Svg); });
    view->addAction(png);
    view->addAction(svg);
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    return exporter;
}

ChartExporter* ChartExporter::of(const QChartView* view)
{
    return view ? view->findChild<ChartExporter*>(u"chartExporter"_s, Qt::FindDirectChildrenOnly) : nullptr;
}

void ChartExporter::chooseFile(ChartExport::Format format)
{
    if (m_dialog) {
        m_dialog->raise();
        return;
    }
    const bool svg = format == ChartExport::Format::Svg;
    const QString suffix = svg ? u"svg"_s : u"png"_s;
    const QString pngFilter = tr("PNG image, %1 dpi (*.png)").arg(ChartExport::kPrintDpi);
    const QString svgFilter = tr("SVG vector image (*.svg)");
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    m_dialog =
        new QFileDialog(m_view->window(), tr("Export Chart"), folder + u'/' + m_baseName + u'.' + suffix);
    m_dialog->setObjectName(u"exportChartDialog"_s);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->setAcceptMode(QFileDialog::AcceptSave);
    m_dialog->setNameFilters(svg ? QStringList{svgFilter, pngFilter} : QStringList{pngFilter, svgFilter});
    m_dialog->setDefaultSuffix(suffix);
    connect(m_dialog, &QFileDialog::filterSelected, m_dialog,
            [dialog = m_dialog.data(), svgFilter](const QString& filter) {
                dialog->setDefaultSuffix(filter == svgFilter ? u"svg"_s : u"png"_s);
            });
    connect(m_dialog, &QFileDialog::fileSelected, this, &ChartExporter::write);
    m_dialog->open();
}

void ChartExporter::write(const QString& path)
{
    QString error;
    if (ChartExport::writeFile(m_view, path, &error)) {
        Q_EMIT exported(path);
        return;
    }
    Q_EMIT failed(error);
    auto* box =
        new QMessageBox(QMessageBox::Warning, tr("Export Chart"), error, QMessageBox::Ok, m_view->window());
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace bge::ui
