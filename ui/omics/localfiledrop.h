#pragma once

#include <QObject>
#include <QPoint>
#include <QUrl>

#include <functional>

class QMimeData;

namespace bge::ui {

// Accepts local files dragged onto a widget (a view's viewport) and reports where they were
// dropped; everything else (text, remote URLs, the view's own rows) is refused, so the
// pointer shows at once that only files go there. `accepts` can refuse a position (no store
// under it).
class LocalFileDrop final : public QObject
{
    Q_OBJECT
public:
    explicit LocalFileDrop(QWidget* target, std::function<bool(const QPoint&)> accepts = {});

    static QList<QUrl> localFiles(const QMimeData* mime);

Q_SIGNALS:
    void dropped(const QList<QUrl>& urls, const QPoint& position);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    std::function<bool(const QPoint&)> m_accepts;
};

} // namespace bge::ui
