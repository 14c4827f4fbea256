// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "model/HistoryFilter.h"

#include <QUrl>
#include <QWidget>

#include <chrono>
#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QTableView;
class QTimer;

namespace fedmsg {

class History;
class HistoryModel;
struct StoredMessage;

/**
 * @brief The history window: the stored messages in a table (HistoryModel, read in pages as it
 * scrolls), a search field in the history's query language and filters.
 *
 * Enter or a double click opens the row's link (http and https only) through the opener;
 * the context menu (also on the Menu key) opens, copies the link, shows the raw JSON, says why
 * the message was received and asks to mute similar ones. Rows shown for readDelay are marked
 * read. Keyboard: Ctrl+F focuses the search, Esc there clears it, Tab walks search -> filters
 * -> table -> "Clear history…".
 */
class HistoryWindow : public QWidget
{
    Q_OBJECT
public:
    /// Opens a link; the default hands it to QDesktopServices (tests record instead).
    using Opener = std::function<void(const QUrl &)>;

    explicit HistoryWindow(History *history, QWidget *parent = nullptr);

    void setOpener(Opener opener) { m_opener = std::move(opener); }
    /// How long a row must be on screen before it is marked read (default 1.5 s).
    void setReadDelay(std::chrono::milliseconds delay);
    /// True for the links the window opens: absolute http and https URLs with a host.
    static bool isOpenable(const QUrl &url);

    HistoryModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    HistoryFilter filter() const;

public Q_SLOTS:
    /// Opens the current row's link (if it is openable).
    void openCurrent();
    void copyCurrentLink();
    void showRawJson();
    void explainCurrent();
    /// Asks, with a confirmation dialog, to delete the whole history.
    void confirmClear();
    /// Reads the filter controls again and reloads the table.
    void applyFilter();

Q_SIGNALS:
    /// "Mute similar": the rules stage should stop notifying messages like this one.
    void muteSimilarRequested(const QString &service, const QString &topic);
    /// A link was refused (not http/https).
    void linkRefused(const QString &link);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void buildFilters();
    void fillServices();
    void showContextMenu(const QPoint &viewportPos);
    void markShownRowsLater();
    void markShownRows();
    std::optional<StoredMessage> currentMessage() const;

    History *m_history;
    HistoryModel *m_model;
    Opener m_opener;
    QLineEdit *m_search = nullptr;
    QComboBox *m_service = nullptr;
    QLineEdit *m_bus = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_package = nullptr;
    QCheckBox *m_unread = nullptr;
    QComboBox *m_trust = nullptr;
    QComboBox *m_time = nullptr;
    QComboBox *m_decision = nullptr;
    QTableView *m_table = nullptr;
    QPushButton *m_clear = nullptr;
    QLabel *m_status = nullptr;
    QMenu *m_menu = nullptr;
    QTimer *m_readTimer = nullptr;
};

} // namespace fedmsg
