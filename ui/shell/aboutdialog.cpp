#include "aboutdialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QUrl>
#include <QVBoxLayout>

namespace bge::ui {

using namespace Qt::StringLiterals;

AboutDialog::AboutDialog(const QUrl& endpoint, QWidget* parent) : QDialog(parent)
{
    setObjectName(u"aboutDialog"_s);
    setWindowTitle(tr("About BGE Desktop"));

    const QString licence = QStringLiteral(BGE_LICENSE);
    QStringList lines{
        u"<h3>%1</h3>"_s.arg(tr("BGE Desktop %1").arg(QApplication::applicationVersion()).toHtmlEscaped()),
        tr("Samples, variants, abundance and models of the BGE Open Platform, on your desktop.")
            .toHtmlEscaped(),
        tr("Built with Qt %1, running on Qt %2.")
            .arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion()))
            .toHtmlEscaped(),
        (licence.isEmpty() ? tr("Licence: see the LICENSE file that comes with the program.")
                           : tr("Licence: %1").arg(licence))
            .toHtmlEscaped(),
        (endpoint.isEmpty() ? tr("Not connected.") : tr("Endpoint: %1").arg(endpoint.toDisplayString()))
            .toHtmlEscaped(),
    };
    m_text = lines.join(u"<br>"_s);

    auto* icon = new QLabel(this);
    icon->setPixmap(QApplication::windowIcon().pixmap(64));
    auto* label = new QLabel(m_text, this);
    label->setObjectName(u"aboutText"_s);
    label->setTextFormat(Qt::RichText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);

    auto* top = new QHBoxLayout;
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addWidget(label, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString AboutDialog::text() const
{
    return m_text;
}

} // namespace bge::ui
