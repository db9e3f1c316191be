#pragma once

#include "readsetquery.h"

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLineEdit;

namespace bge::ui {

// The service's read-set filters: name, status, file type, subject, sample, creation type,
// created after/before. A change applies at once for choices and dates, and on Enter or
// leaving the field for text; queryChanged() only when the query really changed.
class ReadSetFilterBar final : public QWidget
{
    Q_OBJECT
public:
    explicit ReadSetFilterBar(QWidget* parent = nullptr);

    ReadSetQuery query() const;
    // Shows `query` without emitting queryChanged().
    void setQuery(const ReadSetQuery& query);
    void clear();

Q_SIGNALS:
    void queryChanged(const bge::ui::ReadSetQuery& query);

private:
    QLineEdit* lineEdit(const QString& objectName, const QString& label, const QString& placeholder);
    QComboBox* comboBox(const QString& objectName, const QString& label,
                        const QList<std::pair<QString, QString>>& values);
    QDateEdit* dateEdit(const QString& objectName, const QString& label);
    void apply();

    QLineEdit* m_name;
    QComboBox* m_status;
    QComboBox* m_fileType;
    QLineEdit* m_subject;
    QLineEdit* m_sample;
    QComboBox* m_creationType;
    QDateEdit* m_after;
    QDateEdit* m_before;
    ReadSetQuery m_applied;
    bool m_updating = false;
};

} // namespace bge::ui
