// File ▸ Share and Open Share Code: the QR code is a QR code, smaller for the upper-case link; the dialog
// copies the code and the link; a shared comparison opens as it was, and a damaged code leaves the window
// as it was.

#include "core/scenario_sources.h"
#include "core/share_code.h"
#include "tests/common/quick_scenarios.h"
#include "ui/session.h"
#include "ui/share_dialog.h"

#include <QApplication>
#include <QClipboard>
#include <QPushButton>
#include <QTest>

using namespace collapse;
using namespace collapse::ui;

namespace {

bool dark(const QImage& image, int x, int y)
{
    return qGray(image.pixel(x, y)) < 128;
}

} // namespace

class ShareDialogTest : public QObject {
    Q_OBJECT

private slots:
    void theQrCodeHasItsFinderPatternsAndQuietZone()
    {
        const QString link = QString::fromStdString(shareLink(shareCode(testing::presetSides("human-data-10"))));
        const QImage upper = qrCodeImage(link.toUpper());
        const QImage lower = qrCodeImage(link);
        QVERIFY(!upper.isNull());
        // Alphanumeric mode packs the upper-case link into a smaller symbol: 17 + 4v modules a side.
        QVERIFY2(upper.width() < lower.width(), qPrintable(QString("%1 against %2").arg(upper.width()).arg(lower.width())));
        QCOMPARE((upper.width() - 8 - 17) % 4, 0);
        // Four white modules round the symbol; a finder pattern (a dark 7x7 ring, a light ring, a dark
        // 3x3 centre) in three corners.
        const int side = upper.width();
        for (int i = 0; i < side; ++i) {
            for (int edge = 0; edge < 4; ++edge) {
                QVERIFY(!dark(upper, i, edge) && !dark(upper, edge, i) && !dark(upper, i, side - 1 - edge) &&
                        !dark(upper, side - 1 - edge, i));
            }
        }
        const int far = side - 4 - 7;
        for (const QPoint corner : {QPoint(4, 4), QPoint(far, 4), QPoint(4, far)}) {
            QVERIFY(dark(upper, corner.x(), corner.y()) && dark(upper, corner.x() + 6, corner.y() + 6));
            QVERIFY(!dark(upper, corner.x() + 1, corner.y() + 1) && !dark(upper, corner.x() + 5, corner.y() + 1));
            QVERIFY(dark(upper, corner.x() + 3, corner.y() + 3) && dark(upper, corner.x() + 2, corner.y() + 4));
        }
        // More than a QR code holds (2953 bytes at the lowest correction; 2331 at M): none.
        QVERIFY(qrCodeImage(QString(3000, 'a')).isNull());
    }

    void theDialogCopiesTheCodeAndTheLink()
    {
        const QString code = QString::fromStdString(shareCode(testing::presetSides("cats")));
        ShareDialog dialog(code);
        dialog.show();
        QVERIFY(!dialog.qrCode().isNull());
        const QList<QPushButton*> buttons = dialog.findChildren<QPushButton*>();
        const auto button = [&buttons](const QString& text) {
            for (QPushButton* candidate : buttons) {
                if (candidate->text() == text) {
                    return candidate;
                }
            }
            return static_cast<QPushButton*>(nullptr);
        };
        QVERIFY(button(ShareDialog::tr("Copy Code")) && button(ShareDialog::tr("Copy Link")));
        button(ShareDialog::tr("Copy Code"))->click();
        QCOMPARE(QApplication::clipboard()->text(), code);
        button(ShareDialog::tr("Copy Link"))->click();
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("collapselab://open/") + code);
    }

    void aSharedComparisonOpensAsItWas()
    {
        Session session;
        session.open(testing::presetSides("cats"));
        const std::vector<LabelledScenario> shared = testing::presetSides("accumulate-vs-replace");
        const std::string code = shareCode(shared);
        // One character changed: refused, and the session keeps what it showed.
        std::string damaged = code;
        damaged[10] = damaged[10] == '7' ? '8' : '7';
        QVERIFY_THROWS_EXCEPTION(ScenarioError, session.openShareCode(damaged));
        QCOMPARE(session.sideCount(), 1);
        QCOMPARE(session.scenario(), testing::presetSides("cats").front().scenario);
        session.openShareCode(shareLink(code));
        QCOMPARE(session.sideCount(), 2);
        for (int side = 0; side < 2; ++side) {
            QCOMPARE(session.sideScenarios()[side].label, shared[side].label);
            QCOMPARE(session.scenario(side), shared[side].scenario);
        }
    }
};

QTEST_MAIN(ShareDialogTest)
#include "test_share_dialog.moc"
