#pragma once

#include "api/apierror.h"
#include "api/job.h"
#include "omics/omicsconnection.h"
#include "omics/records/sequencestore.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace bge::ui {

// The sequence stores of one HealthOmics account: every page of ListSequenceStores, loaded at
// once (an account holds a handful of stores; the quota is tens, not thousands). A reload
// replaces the rows only when its last page is in, so a refresh never empties the list the
// person is looking at; a failed reload keeps the old rows and reports the error.
class SequenceStoreModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Id,
        Region,
        Created,
        Status,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        SortRole = Qt::UserRole + 1,
        IdRole,
    };

    explicit SequenceStoreModel(QObject* parent = nullptr);
    ~SequenceStoreModel() override;

    // Drops the rows; nullptr: nothing to load.
    void setConnection(omics::OmicsConnection* connection);
    void reload();

    bool isLoading() const { return bool(m_job); }
    const ApiError& lastError() const { return m_error; }
    const omics::SequenceStore& storeAt(int row) const { return m_stores.at(row); }
    int rowOf(const QString& id) const;
    // The region of a store: from its ARN, else the connection's.
    QString regionOf(const omics::SequenceStore& store) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    void loaded();
    void loadFailed(const bge::ApiError& error);

private:
    void fetch(const QString& token);
    void abortFetch();

    QPointer<omics::OmicsConnection> m_connection;
    QList<omics::SequenceStore> m_stores;
    QList<omics::SequenceStore> m_incoming; // pages of the reload in progress
    QStringList m_tokens;                   // seen in this reload: a token twice would loop
    ApiError m_error;
    QPointer<JobBase> m_job;
    quint64 m_generation = 0;
};

} // namespace bge::ui
