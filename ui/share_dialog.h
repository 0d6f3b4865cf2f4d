#pragma once

#include <QDialog>
#include <QImage>
#include <QString>

namespace collapse::ui {

// A QR code of `text` (error correction M), one pixel a module, black on white, with the quiet zone of
// four modules the standard asks for; a null image when the text is too long for a QR code. A QR code
// holds upper-case letters, digits and " $%*+-./:" in 5.5 bits a character (alphanumeric mode) rather
// than 8, so a link in upper case, which a share code may be, makes a smaller code.
QImage qrCodeImage(const QString& text);

// File ▸ Share: the scenario's share code and link, with buttons that copy them, and the link as a QR
// code large enough to scan from the back of a hall.
class ShareDialog : public QDialog {
    Q_OBJECT

public:
    ShareDialog(const QString& code, QWidget* parent = nullptr);

    // The QR code as shown (for tests): null when the link is too long for one.
    const QImage& qrCode() const { return qrCode_; }

private:
    QImage qrCode_;
};

} // namespace collapse::ui
