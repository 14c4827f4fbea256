// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QWidget>

#include <functional>

class QLineEdit;
class QPushButton;
class QTreeView;

namespace fedmsg {

class History;
class MessageTypeFilterProxy;
class MessageTypeTreeModel;
class Settings;
namespace rules {
class MessageTypeCatalog;
} // namespace rules

/**
 * @brief Preferences page "Message types": the catalog's services and their kinds with check
 * boxes (Space toggles the current one), a filter box, All / None, and the number of each
 * type's messages in the last 7 days of history. A change is saved at once
 * (Settings::setMessageTypesOff, which the engine follows).
 */
class MessageTypesPage : public QWidget
{
    Q_OBJECT
public:
    /// @p history may be null (no counts).
    MessageTypesPage(Settings *settings,
        const History *history,
        const rules::MessageTypeCatalog &catalog,
        QWidget *parent = nullptr);

    QLineEdit *filterEdit() const { return m_filter; }
    QTreeView *tree() const { return m_tree; }
    QPushButton *allButton() const { return m_all; }
    QPushButton *noneButton() const { return m_none; }
    MessageTypeTreeModel *model() const { return m_model; }
    /// Where service icons come from: icon URL -> a local file, "" when there is none.
    void setIconLookup(std::function<QString(const QString &)> lookup);

private:
    Settings *m_settings;
    MessageTypeTreeModel *m_model = nullptr;
    MessageTypeFilterProxy *m_proxy = nullptr;
    QLineEdit *m_filter = nullptr;
    QTreeView *m_tree = nullptr;
    QPushButton *m_all = nullptr;
    QPushButton *m_none = nullptr;
};

} // namespace fedmsg
