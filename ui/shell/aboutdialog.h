#pragma once

#include <QDialog>

class QUrl;

namespace bge::ui {

// Version, Qt version, licence and the endpoint in use. Opened with open(), never exec().
class AboutDialog final : public QDialog
{
    Q_OBJECT
public:
    AboutDialog(const QUrl& endpoint, QWidget* parent = nullptr);

    QString text() const;

private:
    QString m_text;
};

} // namespace bge::ui
