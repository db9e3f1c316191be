#include "common/errorbanner.h"

#include "api/apierror.h"

#include <QPushButton>
#include <QTest>

using bge::ApiError;
using bge::ui::ErrorBanner;

class TestErrorBanner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hiddenUntilSomethingGoesWrong()
    {
        ErrorBanner banner;
        QVERIFY(banner.isHidden());
    }

    void networkErrorsOfferOneRetry()
    {
        QWidget window;
        auto* banner = new ErrorBanner(&window);
        window.show();
        int retries = 0;
        banner->showError(ApiError::transport(QStringLiteral("connection refused")), [&retries] { ++retries; });
        QVERIFY(banner->isVisible());
        QVERIFY(banner->canRetry());
        QVERIFY(!banner->text().isEmpty());
        auto* button = banner->findChild<QPushButton*>(QStringLiteral("retryButton"));
        QVERIFY(button && button->isVisible());
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(retries, 1);
        QVERIFY(banner->isHidden());
    }

    void refusalsShowThePlatformCodeWithoutRetry()
    {
        QWidget window;
        auto* banner = new ErrorBanner(&window);
        window.show();
        bool retried = false;
        banner->showError(ApiError::api(41001, QStringLiteral("参数错误"), {}), [&retried] { retried = true; });
        QVERIFY(banner->text().contains(QStringLiteral("41001")));
        QVERIFY(!banner->canRetry());
        QVERIFY(!banner->findChild<QPushButton*>(QStringLiteral("retryButton"))->isVisible());
        banner->clear();
        QVERIFY(banner->isHidden());
        QVERIFY(!retried);
    }
};

QTEST_MAIN(TestErrorBanner)
#include "tst_errorbanner.moc"
