#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace bge {
struct Sample;
}

namespace bge::ui {

class SampleFilesModel;

// The files attached to a sample, with a Download action (the button, Enter, a double click
// or the context menu).
class SampleFilesPane final : public QWidget
{
    Q_OBJECT
public:
    explicit SampleFilesPane(QWidget* parent = nullptr);

    // A sample whose record came without files (`filesRequested` false) shows `unknownFilesText`
    // instead: why the list is not there yet.
    void setSample(const bge::Sample& sample, const QString& unknownFilesText);
    SampleFilesModel* model() const { return m_model; }

Q_SIGNALS:
    void downloadRequested(const QString& objectName, const QString& suggestedFileName);

private:
    void downloadSelected();
    void updateActions();

    SampleFilesModel* m_model;
    QTableView* m_view;
    QLabel* m_state;
    QPushButton* m_download;
    QAction* m_downloadAction;
    QAction* m_copyAction;
};

} // namespace bge::ui
