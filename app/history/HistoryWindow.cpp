// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "HistoryWindow.h"

#include "UnreadBoldDelegate.h"
#include "history/History.h"
#include "model/HistoryModel.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace fedmsg {

namespace {

/// Pretty-printed JSON of bytes that should be JSON; the bytes as text when they do not parse
/// (messages are untrusted input).
QString prettyJson(const QByteArray &bytes)
{
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        return QString::fromUtf8(bytes);
    return QString::fromUtf8(document.toJson(QJsonDocument::Indented));
}

void addChoice(QComboBox *box, const QString &text, const QVariant &value = {})
{
    box->addItem(text, value);
}

} // namespace

HistoryWindow::HistoryWindow(History *history, QWidget *parent)
    : QWidget(parent)
    , m_history(history)
    , m_model(new HistoryModel(history, 200, this))
    , m_opener([](const QUrl &url) {
        QDesktopServices::openUrl(url);
    })
    , m_search(new QLineEdit(this))
    , m_table(new QTableView(this))
    , m_clear(new QPushButton(tr("Clear history…"), this))
    , m_status(new QLabel(this))
    , m_menu(new QMenu(this))
    , m_readTimer(new QTimer(this))
{
    setWindowTitle(tr("Message history"));
    setObjectName(QStringLiteral("historyWindow"));
    setAccessibleName(tr("Message history"));
    resize(900, 600);

    m_search->setObjectName(QStringLiteral("search"));
    m_search->setAccessibleName(tr("Search"));
    m_search->setPlaceholderText(tr("Search: words, \"a phrase\", prefix*, -exclude, a OR b"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);

    buildFilters();

    m_table->setObjectName(QStringLiteral("messages"));
    m_table->setAccessibleName(tr("Messages"));
    m_table->setModel(m_model);
    m_table->setItemDelegate(new UnreadBoldDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(
        HistoryModel::SummaryColumn, QHeaderView::Stretch);
    // Wide enough for the whole time in this locale (measuring every row would read them all).
    const QString widestTime =
        QLocale().toString(QDateTime(QDate(2026, 12, 28), QTime(23, 58)), QLocale::ShortFormat);
    m_table->setColumnWidth(HistoryModel::TimeColumn,
        fontMetrics().horizontalAdvance(widestTime) + 3 * fontMetrics().averageCharWidth());
    m_table->setColumnWidth(HistoryModel::ServiceColumn, 16 * fontMetrics().averageCharWidth());
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->installEventFilter(this);
    connect(m_table, &QTableView::activated, this, &HistoryWindow::openCurrent);
    connect(m_table, &QWidget::customContextMenuRequested, this, &HistoryWindow::showContextMenu);

    m_clear->setObjectName(QStringLiteral("clearHistory"));
    m_clear->setAccessibleName(tr("Clear history"));
    connect(m_clear, &QPushButton::clicked, this, &HistoryWindow::confirmClear);
    m_status->setObjectName(QStringLiteral("status"));

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_clear);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    auto *filters = new QHBoxLayout;
    for (QWidget *w : std::initializer_list<QWidget *> {
             m_service, m_bus, m_user, m_package, m_unread, m_trust, m_time, m_decision })
        filters->addWidget(w);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addLayout(bottom);

    setTabOrder(m_search, m_service);
    setTabOrder(m_service, m_bus);
    setTabOrder(m_bus, m_user);
    setTabOrder(m_user, m_package);
    setTabOrder(m_package, m_unread);
    setTabOrder(m_unread, m_trust);
    setTabOrder(m_trust, m_time);
    setTabOrder(m_time, m_decision);
    setTabOrder(m_decision, m_table);
    setTabOrder(m_table, m_clear);

    m_menu->setObjectName(QStringLiteral("rowMenu"));
    m_menu->setAccessibleName(tr("Message actions"));
    m_menu->addAction(tr("&Open"), this, &HistoryWindow::openCurrent)
        ->setObjectName(QStringLiteral("open"));
    m_menu->addAction(tr("&Copy link"), this, &HistoryWindow::copyCurrentLink)
        ->setObjectName(QStringLiteral("copyLink"));
    m_menu->addAction(tr("Show raw &JSON…"), this, &HistoryWindow::showRawJson)
        ->setObjectName(QStringLiteral("rawJson"));
    m_menu->addAction(tr("&Why did I get this?"), this, &HistoryWindow::explainCurrent)
        ->setObjectName(QStringLiteral("why"));
    m_menu
        ->addAction(tr("&Mute similar"),
            this,
            [this] {
                if (const auto message = currentMessage())
                    Q_EMIT muteSimilarRequested(message->rendering.serviceName, message->topic);
            })
        ->setObjectName(QStringLiteral("muteSimilar"));

    auto *find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });

    m_readTimer->setSingleShot(true);
    m_readTimer->setInterval(std::chrono::milliseconds(1500));
    connect(m_readTimer, &QTimer::timeout, this, &HistoryWindow::markShownRows);
    connect(m_table->verticalScrollBar(),
        &QScrollBar::valueChanged,
        this,
        &HistoryWindow::markShownRowsLater);
    connect(m_model, &QAbstractItemModel::modelReset, this, &HistoryWindow::markShownRowsLater);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &HistoryWindow::markShownRowsLater);
    connect(m_model, &HistoryModel::queryFailed, m_status, &QLabel::setText);

    connect(m_search, &QLineEdit::textChanged, this, &HistoryWindow::applyFilter);
    // Also when the history was cleared from elsewhere (the confirmation is gone by then).
    connect(m_history, &History::cleared, this, [this](bool ok, const QString &reason) {
        m_status->setText(ok ? tr("History cleared.") : tr("Clearing failed: %1").arg(reason));
        fillServices();
    });
    if (m_history->isReady()) {
        fillServices();
        applyFilter();
    }
    connect(m_history, &History::ready, this, [this] {
        fillServices();
        applyFilter();
    });
}

void HistoryWindow::buildFilters()
{
    m_service = new QComboBox(this);
    m_service->setObjectName(QStringLiteral("service"));
    m_service->setAccessibleName(tr("Service"));

    const auto lineEdit = [this](const char *name, const QString &label) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(QString::fromLatin1(name));
        edit->setAccessibleName(label);
        edit->setPlaceholderText(label);
        connect(edit, &QLineEdit::editingFinished, this, &HistoryWindow::applyFilter);
        return edit;
    };
    m_bus = lineEdit("bus", tr("Bus"));
    m_user = lineEdit("user", tr("User"));
    m_package = lineEdit("package", tr("Package"));

    m_unread = new QCheckBox(tr("&Unread only"), this);
    m_unread->setObjectName(QStringLiteral("unread"));
    m_unread->setAccessibleName(tr("Unread only"));
    connect(m_unread, &QCheckBox::toggled, this, &HistoryWindow::applyFilter);

    m_trust = new QComboBox(this);
    m_trust->setObjectName(QStringLiteral("trust"));
    m_trust->setAccessibleName(tr("Trust"));
    addChoice(m_trust, tr("Any trust"));
    for (TrustState state : { TrustState::Trusted,
             TrustState::Untrusted,
             TrustState::BrokerUnsigned,
             TrustState::Unchecked })
        addChoice(m_trust, HistoryModel::trustText(state), static_cast<int>(state));

    m_time = new QComboBox(this);
    m_time->setObjectName(QStringLiteral("time"));
    m_time->setAccessibleName(tr("Received"));
    addChoice(m_time, tr("Any time"), 0);
    addChoice(m_time, tr("Last hour"), 3600);
    addChoice(m_time, tr("Last 24 hours"), 24 * 3600);
    addChoice(m_time, tr("Last 7 days"), 7 * 24 * 3600);
    addChoice(m_time, tr("Last 30 days"), 30 * 24 * 3600);

    m_decision = new QComboBox(this);
    m_decision->setObjectName(QStringLiteral("decision"));
    m_decision->setAccessibleName(tr("Rule decision"));
    addChoice(m_decision, tr("Any decision"));
    for (const char *decision : { "notify", "digest", "history" })
        addChoice(m_decision,
            HistoryModel::decisionText(QLatin1String(decision)),
            QString(QLatin1String(decision)));
    addChoice(m_decision, HistoryModel::decisionText(QString()), QString(QLatin1String("")));

    for (QComboBox *box : { m_service, m_trust, m_time, m_decision })
        connect(box, &QComboBox::currentIndexChanged, this, &HistoryWindow::applyFilter);
}

void HistoryWindow::fillServices()
{
    const QString current = m_service->currentData().toString();
    const QSignalBlocker block(m_service);
    m_service->clear();
    addChoice(m_service, tr("All services"));
    HistoryQuery all;
    all.limit = 0;
    for (const ServiceCount &service : m_history->countsPerService(all)) {
        if (service.serviceName.isEmpty())
            continue;
        addChoice(m_service,
            service.serviceLabel.isEmpty() ? service.serviceName : service.serviceLabel,
            service.serviceName);
    }
    const int index = m_service->findData(current);
    m_service->setCurrentIndex(index >= 0 ? index : 0);
}

HistoryFilter HistoryWindow::filter() const
{
    HistoryFilter filter;
    filter.text = m_search->text();
    filter.service = m_service->currentData().toString();
    filter.bus = m_bus->text().trimmed();
    filter.user = m_user->text().trimmed();
    filter.package = m_package->text().trimmed();
    filter.unreadOnly = m_unread->isChecked();
    if (m_trust->currentData().isValid())
        filter.trust = static_cast<TrustState>(m_trust->currentData().toInt());
    if (const int seconds = m_time->currentData().toInt(); seconds > 0)
        filter.from = QDateTime::currentDateTimeUtc().addSecs(-seconds);
    if (m_decision->currentData().isValid())
        filter.decision = m_decision->currentData().toString();
    return filter;
}

void HistoryWindow::applyFilter()
{
    const HistoryFilter wanted = filter();
    // editingFinished also fires on focus loss with nothing changed: keep the table as it is.
    if (wanted == m_model->filter() && m_time->currentData().toInt() == 0
        && m_model->rowCount() > 0)
        return;
    if (m_model->setFilter(wanted))
        m_status->clear();
}

void HistoryWindow::setReadDelay(std::chrono::milliseconds delay)
{
    m_readTimer->setInterval(delay);
}

bool HistoryWindow::isOpenable(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return url.isValid() && (scheme == QLatin1String("http") || scheme == QLatin1String("https"))
        && !url.host().isEmpty();
}

std::optional<StoredMessage> HistoryWindow::currentMessage() const
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    return m_model->message(current.row());
}

void HistoryWindow::openCurrent()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    const QString link = current.siblingAtColumn(0).data(HistoryModel::LinkRole).toString();
    if (link.isEmpty())
        return;
    const QUrl url(link, QUrl::StrictMode);
    if (!isOpenable(url)) {
        m_status->setText(tr("Not opened: only http and https links are opened (%1)").arg(link));
        Q_EMIT linkRefused(link);
        return;
    }
    m_model->markRead({ current.row() });
    m_opener(url);
}

void HistoryWindow::copyCurrentLink()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    QApplication::clipboard()->setText(
        current.siblingAtColumn(0).data(HistoryModel::LinkRole).toString());
}

void HistoryWindow::showRawJson()
{
    const auto message = currentMessage();
    if (!message)
        return;
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("rawJsonDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Raw message: %1").arg(message->topic));
    dialog->setAccessibleName(tr("Raw message"));
    auto *text = new QPlainTextEdit(dialog);
    text->setObjectName(QStringLiteral("rawJson"));
    text->setAccessibleName(tr("Raw JSON"));
    text->setReadOnly(true);
    text->setLineWrapMode(QPlainTextEdit::NoWrap);
    QString json = prettyJson(message->body);
    if (!message->headers.isEmpty())
        json += QStringLiteral("\n") + tr("Headers:") + QStringLiteral("\n")
            + prettyJson(message->headers);
    text->setPlainText(json);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(text);
    layout->addWidget(buttons);
    dialog->resize(700, 500);
    dialog->open();
    text->setFocus();
}

void HistoryWindow::explainCurrent()
{
    const auto message = currentMessage();
    if (!message)
        return;
    QString why;
    if (message->decision.isEmpty())
        why = tr("No rule decided on this message: it was stored because you subscribe to the bus "
                 "“%1”.")
                  .arg(message->busName);
    else if (message->decisionRule.isEmpty())
        why = tr("Decision: %1 (no named rule; the default for the bus “%2”).")
                  .arg(message->decision, message->busName);
    else
        why = tr("Decision: %1, by the rule “%2”.").arg(message->decision, message->decisionRule);
    why += QStringLiteral("\n\n") + tr("Topic: %1").arg(message->topic) + QStringLiteral("\n")
        + tr("Trust: %1").arg(HistoryModel::trustText(message->trust));
    if (!message->trustReason.isEmpty())
        why += QStringLiteral(" (") + message->trustReason + QStringLiteral(")");
    auto *box = new QMessageBox(
        QMessageBox::Information, tr("Why did I get this?"), why, QMessageBox::Close, this);
    box->setObjectName(QStringLiteral("whyDialog"));
    box->setAccessibleName(tr("Why did I get this?"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void HistoryWindow::confirmClear()
{
    auto *box = new QMessageBox(QMessageBox::Warning,
        tr("Clear history"),
        tr("Delete every stored message for good? This cannot be undone."),
        QMessageBox::Cancel,
        this);
    box->setObjectName(QStringLiteral("clearConfirmation"));
    box->setAccessibleName(tr("Clear history"));
    QPushButton *remove = box->addButton(tr("&Delete all"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("confirmClear"));
    remove->setAccessibleName(tr("Delete all"));
    box->button(QMessageBox::Cancel)->setAccessibleName(tr("Cancel"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, remove](QAbstractButton *button) {
        if (button != remove)
            return;
        m_status->setText(tr("Clearing the history…"));
        m_history->clear();
    });
    box->open();
}

void HistoryWindow::showContextMenu(const QPoint &viewportPos)
{
    const QModelIndex index = m_table->indexAt(viewportPos);
    if (index.isValid() && index != m_table->currentIndex())
        m_table->setCurrentIndex(index);
    if (!m_table->currentIndex().isValid())
        return;
    const bool hasLink = !m_table->currentIndex()
                              .siblingAtColumn(0)
                              .data(HistoryModel::LinkRole)
                              .toString()
                              .isEmpty();
    for (QAction *action : m_menu->actions())
        if (action->objectName() == QLatin1String("open")
            || action->objectName() == QLatin1String("copyLink"))
            action->setEnabled(hasLink);
    m_menu->popup(m_table->viewport()->mapToGlobal(viewportPos));
}

bool HistoryWindow::eventFilter(QObject *watched, QEvent *event)
{
    const auto *key = dynamic_cast<const QKeyEvent *>(event);
    if (watched == m_search && event->type() == QEvent::KeyPress && key) {
        if (key->key() == Qt::Key_Escape && !m_search->text().isEmpty()) {
            m_search->clear();
            return true;
        }
        if ((key->key() == Qt::Key_Down || key->key() == Qt::Key_Return
                || key->key() == Qt::Key_Enter)
            && m_model->rowCount() > 0) {
            m_table->setFocus(Qt::OtherFocusReason);
            if (!m_table->currentIndex().isValid())
                m_table->setCurrentIndex(m_model->index(0, 0));
            return true;
        }
    }
    if (watched == m_table && event->type() == QEvent::KeyPress && key) {
        // The Menu key and Shift+F10 open the row menu at the current row (not every platform
        // turns them into a context menu event).
        if (key->key() == Qt::Key_Menu
            || (key->key() == Qt::Key_F10 && key->modifiers() == Qt::ShiftModifier)) {
            const QModelIndex current = m_table->currentIndex();
            if (current.isValid()) {
                m_table->scrollTo(current);
                showContextMenu(m_table->visualRect(current).center());
            }
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void HistoryWindow::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    markShownRowsLater();
}

void HistoryWindow::markShownRowsLater()
{
    if (isVisible())
        m_readTimer->start();
}

void HistoryWindow::markShownRows()
{
    if (!isVisible() || isMinimized() || m_model->rowCount() == 0)
        return;
    const int first = m_table->rowAt(0);
    if (first < 0)
        return;
    int last = m_table->rowAt(m_table->viewport()->height() - 1);
    if (last < 0)
        last = m_model->rowCount() - 1;
    QList<int> rows;
    for (int row = first; row <= last; ++row)
        rows.append(row);
    m_model->markRead(rows);
}

} // namespace fedmsg
