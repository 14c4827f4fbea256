// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "AutostartEntry.h"

#include <QDialog>

#include <memory>

class QListWidget;
class QStackedWidget;

namespace fedmsg {

class History;
class MessageTypesPage;
class NotificationsPage;
class RulePreview;
class RulesPage;
class Settings;
namespace rules {
class MessageTypeCatalog;
} // namespace rules

/**
 * @brief The preferences: a list of pages on the left (Up/Down or Ctrl+Tab / Ctrl+PgDown walk
 * it), the page on the right. There is no Apply: each change is saved at once through Settings,
 * and what follows the settings (the engine's message types, popups) follows it.
 * @code
 * auto *dialog = new PreferencesDialog(&settings, &history, engine.rulesStage().catalog(),
 *                                      AutostartEntry::forThisUser());
 * dialog->show();
 * @endcode
 */
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    enum Page { MessageTypes = 0, Notifications = 1, Rules = 2, Buses = 3, PageCount = 4 };

    /// @p history may be null (no message counts), @p preview too (no rule preview).
    PreferencesDialog(Settings *settings,
        const History *history,
        const rules::MessageTypeCatalog &catalog,
        AutostartEntry autostart,
        std::unique_ptr<RulePreview> preview = {},
        QWidget *parent = nullptr);
    ~PreferencesDialog() override;
    Q_DISABLE_COPY_MOVE(PreferencesDialog)

    void showPage(Page page);
    Page currentPage() const;
    QListWidget *pageList() const { return m_pages; }
    MessageTypesPage *messageTypesPage() const { return m_messageTypes; }
    NotificationsPage *notificationsPage() const { return m_notifications; }
    RulesPage *rulesPage() const { return m_rules; }

private:
    QListWidget *m_pages = nullptr;
    QStackedWidget *m_stack = nullptr;
    MessageTypesPage *m_messageTypes = nullptr;
    NotificationsPage *m_notifications = nullptr;
    std::unique_ptr<RulePreview> m_preview; ///< before m_rules, which reads it
    RulesPage *m_rules = nullptr;
};

} // namespace fedmsg
