// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "rules/RuleAction.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QFormLayout;
class QSpinBox;

namespace fedmsg {

/**
 * @brief Edits what a rule does (rules::RuleAction): notify (urgency, sticky or a timeout),
 * history only, drop, digest, or mute until a time. Emits changed() on every edit.
 */
class RuleActionEditor : public QWidget
{
    Q_OBJECT
public:
    explicit RuleActionEditor(QWidget *parent = nullptr);

    void setAction(const rules::RuleAction &action);
    [[nodiscard]] rules::RuleAction action() const;

    QComboBox *kindBox() const { return m_kind; }
    QComboBox *urgencyBox() const { return m_urgency; }
    QCheckBox *stickyBox() const { return m_sticky; }
    QSpinBox *timeoutBox() const { return m_timeout; }
    QDateTimeEdit *muteUntilEdit() const { return m_until; }

Q_SIGNALS:
    void changed();

private:
    void updateRows();
    void edited();

    QFormLayout *m_form;
    QComboBox *m_kind;
    QComboBox *m_urgency;
    QCheckBox *m_sticky;
    QSpinBox *m_timeout;
    QDateTimeEdit *m_until;
    bool m_loading = false;
};

} // namespace fedmsg
