#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QChartView;
class QFileDialog;

namespace bge::ui {

// Charts out as figures for a paper or a slide: PNG at print resolution, or SVG to edit in
// Inkscape or Illustrator. What is drawn is the chart as seen, in the light theme whatever the
// window's (journals print on white), at its on-screen size in inches.
namespace ChartExport {

constexpr int kPrintDpi = 300;

enum class Format
{
    Png,
    Svg
};
// By suffix: ".svg" is SVG, anything else PNG.
Format formatForFileName(const QString& path);

bool writePng(QChartView* view, const QString& path, QString* error, int dpi = kPrintDpi);
bool writeSvg(QChartView* view, const QString& path, QString* error);
bool writeFile(QChartView* view, const QString& path, QString* error);

} // namespace ChartExport

// "Export Chart as PNG…" and "…as SVG…" on a chart's context menu (and for the File menu):
// a non-blocking file dialog, then the file written; a failure is said in a message box.
class ChartExporter final : public QObject
{
    Q_OBJECT
public:
    // Adds the two actions to `view`'s context menu. The exporter is a child of the view.
    static ChartExporter* install(QChartView* view, const QString& baseName);
    static ChartExporter* of(const QChartView* view);

    // The file name proposed, without suffix (e.g. "composition-genus").
    void setBaseName(const QString& baseName) { m_baseName = baseName; }
    void chooseFile(ChartExport::Format format);

Q_SIGNALS:
    void exported(const QString& path);
    void failed(const QString& message);

private:
    ChartExporter(QChartView* view, const QString& baseName);
    void write(const QString& path);

    QChartView* m_view;
    QString m_baseName;
    QPointer<QFileDialog> m_dialog;
};

} // namespace bge::ui
