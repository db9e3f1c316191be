#pragma once

#include "pagedloader.h"

#include "api/records/abundance.h"

#include <QWidget>

class QComboBox;
class QPushButton;

namespace bge {
class PlatformApi;
}

namespace bge::ui {

class GeneAbundanceModel;
class PagedTableSection;

// The Genes tab: gene abundance in a catalog, as a list of genes or as result files to
// download (UniRef90 offers files only).
class GenesPage final : public QWidget
{
    Q_OBJECT
public:
    GenesPage(PlatformApi* api, QWidget* parent = nullptr);

    void setSample(const QString& biosampleId);
    void ensureLoaded();
    void loadMore();
    void setPageSize(int size) { m_pageSize = size; }
    QString catalog() const;
    QString dataType() const;
    void setQuery(const QString& catalog, const QString& dataType);
    // What the Download button does for the current row.
    void downloadCurrent();

    GeneAbundanceModel* model() const { return m_model; }
    PagedTableSection* section() const { return m_section; }
    QPushButton* downloadButton() const { return m_download; }

Q_SIGNALS:
    void downloadRequested(const QString& objectName, const QString& suggestedFileName);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void restart();
    void limitDataTypes();
    void updateDownload();

    PlatformApi* m_api;
    QString m_biosampleId;
    int m_pageSize = 100;
    PagedLoader<bge::GeneAbundance> m_loader;
    QComboBox* m_catalog;
    QComboBox* m_dataType;
    GeneAbundanceModel* m_model;
    PagedTableSection* m_section;
    QPushButton* m_download;
};

} // namespace bge::ui
