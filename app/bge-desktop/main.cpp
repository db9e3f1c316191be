#include "shell/mainwindow.h"

#include <QApplication>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("BGE"));
    QApplication::setApplicationName(QStringLiteral("BGE Desktop"));
    QApplication::setApplicationVersion(QStringLiteral(BGE_VERSION));

    bge::ui::MainWindow window(nullptr);
    window.show();
    return app.exec();
}
