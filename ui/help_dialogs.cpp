#include "ui/help_dialogs.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace collapse::ui {

namespace {

// A help dialog's layout: its content above a Close button, at `size`.
void layOutWithClose(QDialog& dialog, QWidget* content, const QSize& size)
{
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(content);
    layout->addWidget(buttons);
    dialog.resize(size);
}

} // namespace

QString ModelCollapseHelp::html()
{
    return tr(
        "<h2>About model collapse</h2>"
        "<p>A generative model learns a distribution from data. When the next model learns from data made "
        "by the one before, and the one after from that, errors pile up from generation to generation: the "
        "models <b>collapse</b>. Shumailov et al. showed it for Gaussian mixtures, variational "
        "autoencoders and language models.</p>"
        "<h3>Early and late collapse</h3>"
        "<p><b>Early collapse</b>: the tails go first. Rare events are seldom sampled, so each model sees "
        "fewer of them and gives them less mass, until they are gone. The shaded tail mass falls from 5% "
        "towards zero while the centre still looks right.</p>"
        "<p><b>Late collapse</b>: the variance shrinks and the model converges to something narrow that "
        "bears little resemblance to the original: a point, a single blurry image, one colour of cat.</p>"
        "<h3>Three sources of error</h3>"
        "<ul>"
        "<li><b>Statistical approximation error</b>: a finite sample misses rare events and gets the "
        "parameters slightly wrong; with the unbiased estimator the variance of a refitted Gaussian still "
        "goes to zero almost surely. The <i>sample size</i> slider sets it: more samples, slower "
        "collapse, but never none.</li>"
        "<li><b>Functional expressivity error</b>: the model cannot represent the true distribution, e.g. "
        "two components for three clusters. The <i>capacity</i> slider sets it.</li>"
        "<li><b>Functional approximation error</b>: the learning procedure itself is imperfect (EM stops "
        "at a tolerance, a VAE is trained for a few epochs, sampling favours the modes). The "
        "<i>advanced</i> settings set it.</li>"
        "</ul>"
        "<h3>What holds collapse back</h3>"
        "<p>The <i>human data</i> slider mixes fresh samples from the original into every generation: even "
        "10% keeps the variance near the original's. Accumulating data rather than replacing it (the "
        "<i>policy</i> setting) bounds the error, as Gerstgrasser et al. proved.</p>"
        "<p>Augmenting the real data (policy <i>augment</i>) keeps the real data of generation 0 whole and "
        "adds only a multiple of it, the <i>synthetic ratio</i>, of new synthetic data each generation. "
        "Bertrand et al. proved retraining this way stable while the ratio is small enough; for a Gaussian "
        "it stays near the original at any ratio (the <i>phase-augment</i> preset).</p>"
        "<p>Whether synthetic data helps depends on how much real data there is, not on its share: with a "
        "few real samples, synthetic ones can smooth a kernel density estimate and lower its test loss; "
        "with many, they raise it, as Kazdan et al. found (the <i>synthetic samples</i> setting and the "
        "<i>phase-cardinality</i> preset).</p>"
        "<p>Selecting synthetic data (the <i>selection</i> setting) keeps only the best share of more "
        "candidates: those the model finds most likely, as a quality filter does, or those nearest a target "
        "off the original's centre. Qiao et al. showed that such biased selection speeds collapse up, even "
        "when all data is kept.</p>"
        "<p>A linear regression refitted to its own labels (the <i>regression</i> model) collapses in closed "
        "form: replacing the labels, its test error grows by the same step every generation, as Dohmatob et "
        "al. derived; accumulating them keeps it below a bound.</p>"
        "<h3>References</h3>"
        "<ol>"
        "<li>I. Shumailov, Z. Shumaylov, Y. Zhao, N. Papernot, R. Anderson, Y. Gal. AI models collapse "
        "when trained on recursively generated data. <i>Nature</i> 631, 755–759 (2024). "
        "doi:10.1038/s41586-024-07566-y</li>"
        "<li>S. Alemohammad, J. Casco-Rodriguez, L. Luzi, A. I. Humayun, H. Babaei, D. LeJeune, "
        "A. Siahkoohi, R. G. Baraniuk. Self-consuming generative models go MAD. arXiv:2307.01850 "
        "(2023).</li>"
        "<li>M. Gerstgrasser, R. Schaeffer, A. Dey, R. Rafailov, H. Sleight, J. Hughes, T. Korbak, "
        "R. Agrawal, D. Pai, A. Gromov, D. A. Roberts, D. Yang, D. L. Donoho, S. Koyejo. Is model collapse "
        "inevitable? Breaking the curse of recursion by accumulating real and synthetic data. "
        "arXiv:2404.01413 (2024).</li>"
        "<li>Q. Bertrand, A. J. Bose, A. Duplessis, M. Jiralerspong, G. Gidel. On the stability of "
        "iterative retraining of generative models on their own data. ICLR 2024, arXiv:2310.00429.</li>"
        "<li>E. Dohmatob, Y. Feng, J. Kempe. Model collapse demystified: the case of regression. "
        "arXiv:2402.07712 (2024).</li>"
        "<li>X. Qiao, X. Du, W. Liu, J. Zhang, P. Mai, M. Zhang, Y. Pang. When sample selection bias "
        "precipitates model collapse. ICML 2026, arXiv:2606.13732.</li>"
        "<li>J. Kazdan, R. Schaeffer, A. Dey, M. Gerstgrasser, R. Rafailov, D. L. Donoho, S. Koyejo. "
        "Collapse or thrive? Perils and promises of synthetic data in a self-generating world. "
        "arXiv:2410.16713 (2024).</li>"
        "</ol>");
}

ModelCollapseHelp::ModelCollapseHelp(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("About Model Collapse"));
    auto* browser = new QTextBrowser;
    browser->setHtml(html());
    browser->setOpenExternalLinks(true);
    layOutWithClose(*this, browser, QSize(760, 720));
}

KeyboardShortcutsHelp::KeyboardShortcutsHelp(const QList<QPair<QString, QAction*>>& actions, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    auto* table = new QTableWidget(0, 3);
    table->setHorizontalHeaderLabels({tr("Menu"), tr("Action"), tr("Key")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    for (const auto& [menu, action] : actions) {
        if (action->shortcut().isEmpty()) {
            continue;
        }
        const int row = table->rowCount();
        table->insertRow(row);
        table->setItem(row, 0, new QTableWidgetItem(QString(menu).remove(QLatin1Char('&'))));
        // An action whose text changes with what it acts on (Undo, Redo) names itself plainly here.
        const QString name = action->property("shortcutName").isValid() ? action->property("shortcutName").toString()
                                                                        : action->text();
        table->setItem(row, 1, new QTableWidgetItem(QString(name).remove(QLatin1Char('&'))));
        QStringList keys;
        for (const QKeySequence& key : action->shortcuts()) {
            keys.append(key.toString(QKeySequence::NativeText));
        }
        table->setItem(row, 2, new QTableWidgetItem(keys.join(tr(" or "))));
    }
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    layOutWithClose(*this, table, QSize(720, 760));
}

} // namespace collapse::ui
