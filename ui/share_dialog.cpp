#include "ui/share_dialog.h"

#include "core/share_code.h"

#include <qrencode.h>

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QStyle>

#include <algorithm>
#include <memory>

namespace collapse::ui {

namespace {

constexpr int kQuietZoneModules = 4;

// Characters a line of the code and link fields shows.
constexpr int kFieldColumns = 56;
// Lines shown at most; a longer comparison's code scrolls.
constexpr int kFieldLines = 6;

// The read-only, selectable text of a code or link in a fixed-width font, wrapped anywhere (neither has
// spaces to break at), tall enough to show it whole where it is short enough.
QPlainTextEdit* codeField(const QString& text)
{
    auto* field = new QPlainTextEdit(text);
    field->setReadOnly(true);
    field->setWordWrapMode(QTextOption::WrapAnywhere);
    field->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    const QFontMetrics metrics = field->fontMetrics();
    const int margins = 2 * field->frameWidth() + static_cast<int>(2 * field->document()->documentMargin());
    const int lines = std::clamp((static_cast<int>(text.size()) + kFieldColumns - 1) / kFieldColumns, 1, kFieldLines);
    // A character's width of room at the end of a line and a line's half below the last: the cursor's
    // and the layout's own margins, so that a code that fits shows without a scroll bar.
    field->setFixedWidth(metrics.horizontalAdvance(QLatin1Char('0')) * (kFieldColumns + 1) + margins +
                         field->style()->pixelMetric(QStyle::PM_ScrollBarExtent));
    field->setFixedHeight(metrics.lineSpacing() * lines + metrics.lineSpacing() / 2 + margins);
    return field;
}

} // namespace

QImage qrCodeImage(const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    const std::unique_ptr<QRcode, void (*)(QRcode*)> code(
        QRcode_encodeString(bytes.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), QRcode_free);
    if (!code) {
        return {};
    }
    const int modules = code->width;
    const int side = modules + 2 * kQuietZoneModules;
    QImage image(side, side, QImage::Format_Grayscale8);
    image.fill(Qt::white);
    for (int y = 0; y < modules; ++y) {
        for (int x = 0; x < modules; ++x) {
            // The lowest bit of each module's byte says whether it is dark.
            if ((code->data[y * modules + x] & 1u) != 0) {
                image.setPixelColor(x + kQuietZoneModules, y + kQuietZoneModules, Qt::black);
            }
        }
    }
    return image;
}

ShareDialog::ShareDialog(const QString& code, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Share"));
    const QString link = QString::fromStdString(shareLink(code.toStdString()));
    // Codes are read in either case: the upper-case link packs into fewer modules, easier to scan.
    qrCode_ = qrCodeImage(link.toUpper());

    auto* layout = new QGridLayout(this);
    auto* qr = new QLabel;
    qr->setAlignment(Qt::AlignCenter);
    if (qrCode_.isNull()) {
        qr->setText(tr("This link is too long for a QR code."));
    } else {
        // As many whole pixels a module as half the screen's height allows: sharp, and large enough to
        // scan from the back of a hall when the window is on the projector.
        const int room = screen() != nullptr ? screen()->availableGeometry().height() / 2 : 400;
        const int scale = std::max(2, room / qrCode_.width());
        qr->setPixmap(QPixmap::fromImage(qrCode_.scaled(qrCode_.size() * scale)));
    }
    qr->setToolTip(tr("Scan to open this scenario in Collapse Lab"));
    layout->addWidget(qr, 0, 0, 1, 2);

    const auto addRow = [this, layout](int row, const QString& title, const QString& text, const QString& copied) {
        auto* label = new QLabel(title);
        auto* field = codeField(text);
        label->setBuddy(field);
        auto* copy = new QPushButton(copied);
        connect(copy, &QPushButton::clicked, this, [text] { QApplication::clipboard()->setText(text); });
        layout->addWidget(label, 2 * row + 1, 0, 1, 2);
        layout->addWidget(field, 2 * row + 2, 0);
        layout->addWidget(copy, 2 * row + 2, 1, Qt::AlignTop);
    };
    addRow(0, tr("&Code (paste it in File ▸ Open Share Code, or after --share):"), code, tr("Copy Code"));
    addRow(1, tr("&Link (opens Collapse Lab where it is installed):"), link, tr("Copy Link"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons, 5, 0, 1, 2);
}

} // namespace collapse::ui
