#pragma once

#include "pagedloader.h"

#include "api/records/abundance.h"

#include <QWidget>

class QComboBox;

namespace bge {
class PlatformApi;
}

namespace bge::ui {

class FunctionAbundanceModel;
class PagedTableSection;

// The Functions tab: function abundance in the chosen catalog, following the platform's
// cursor page after page.
class FunctionsPage final : public QWidget
{
    Q_OBJECT
public:
    FunctionsPage(PlatformApi* api, QWidget* parent = nullptr);

    void setSample(const QString& biosampleId);
    void ensureLoaded();
    void loadMore();
    void setPageSize(int size) { m_pageSize = size; }
    QString catalog() const;
    void setCatalog(const QString& code);

    FunctionAbundanceModel* model() const { return m_model; }
    PagedTableSection* section() const { return m_section; }
    QComboBox* catalogBox() const { return m_catalog; }
    int pagesLoaded() const { return m_loader.pagesLoaded(); }

protected:
    void showEvent(QShowEvent* event) override;

private:
    void restart();

    PlatformApi* m_api;
    QString m_biosampleId;
    int m_pageSize = 100;
    PagedLoader<bge::FunctionAbundance> m_loader;
    QComboBox* m_catalog;
    FunctionAbundanceModel* m_model;
    PagedTableSection* m_section;
};

} // namespace bge::ui
