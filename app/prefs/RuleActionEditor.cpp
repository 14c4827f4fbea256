// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "RuleActionEditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>

namespace fedmsg {

using Kind = rules::RuleAction::Kind;
using Urgency = rules::RuleAction::Urgency;

RuleActionEditor::RuleActionEditor(QWidget *parent)
    : QWidget(parent)
    , m_form(new QFormLayout(this))
    , m_kind(new QComboBox(this))
    , m_urgency(new QComboBox(this))
    , m_sticky(new QCheckBox(tr("&Sticky (stays until dismissed)"), this))
    , m_timeout(new QSpinBox(this))
    , m_until(new QDateTimeEdit(this))
{
    m_form->setContentsMargins(0, 0, 0, 0);
    m_kind->addItem(tr("notify (pop up)"), int(Kind::Notify));
    m_kind->addItem(tr("history only"), int(Kind::HistoryOnly));
    m_kind->addItem(tr("drop (not shown anywhere)"), int(Kind::Drop));
    m_kind->addItem(tr("digest (in the next digest popup)"), int(Kind::Digest));
    m_kind->addItem(tr("mute until"), int(Kind::Mute));
    m_kind->setAccessibleName(tr("What the rule does"));
    m_urgency->addItem(tr("low"), int(Urgency::Low));
    m_urgency->addItem(tr("normal"), int(Urgency::Normal));
    m_urgency->addItem(tr("critical"), int(Urgency::Critical));
    m_urgency->setAccessibleName(tr("Urgency"));
    m_sticky->setAccessibleName(tr("Sticky"));
    m_timeout->setRange(-1, 3600000);
    m_timeout->setSingleStep(1000);
    m_timeout->setSuffix(tr(" ms"));
    m_timeout->setSpecialValueText(tr("the server's choice"));
    m_timeout->setAccessibleName(tr("Popup timeout"));
    m_until->setTimeSpec(Qt::UTC);
    m_until->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    m_until->setAccessibleName(tr("Mute until"));

    auto addRow = [this](const QString &label, QWidget *field) {
        auto *name = new QLabel(label, this);
        name->setBuddy(field);
        m_form->addRow(name, field);
    };
    addRow(tr("&Then:"), m_kind);
    addRow(tr("Urgenc&y:"), m_urgency);
    m_form->addRow(QString(), m_sticky);
    addRow(tr("Time&out:"), m_timeout);
    addRow(tr("Mut&e until:"), m_until);

    setTabOrder(m_kind, m_urgency);
    setTabOrder(m_urgency, m_sticky);
    setTabOrder(m_sticky, m_timeout);
    setTabOrder(m_timeout, m_until);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &RuleActionEditor::edited);
    connect(m_urgency, &QComboBox::currentIndexChanged, this, &RuleActionEditor::edited);
    connect(m_sticky, &QCheckBox::toggled, this, &RuleActionEditor::edited);
    connect(m_timeout, &QSpinBox::valueChanged, this, &RuleActionEditor::edited);
    connect(m_until, &QDateTimeEdit::dateTimeChanged, this, &RuleActionEditor::edited);
    setAction(rules::RuleAction::notify());
}

void RuleActionEditor::setAction(const rules::RuleAction &action)
{
    m_loading = true;
    m_kind->setCurrentIndex(m_kind->findData(int(action.kind)));
    m_urgency->setCurrentIndex(m_urgency->findData(int(action.urgency)));
    m_sticky->setChecked(action.sticky);
    m_timeout->setValue(action.timeoutMs);
    m_until->setDateTime(action.muteUntil.isValid() ? action.muteUntil.toUTC()
                                                    : QDateTime::currentDateTimeUtc().addDays(1));
    m_loading = false;
    updateRows();
}

rules::RuleAction RuleActionEditor::action() const
{
    rules::RuleAction a;
    a.kind = Kind(m_kind->currentData().toInt());
    if (a.kind == Kind::Notify) {
        a.urgency = Urgency(m_urgency->currentData().toInt());
        a.sticky = m_sticky->isChecked();
        a.timeoutMs = a.sticky ? -1 : m_timeout->value();
    }
    if (a.kind == Kind::Mute)
        a.muteUntil = m_until->dateTime().toUTC();
    return a;
}

void RuleActionEditor::updateRows()
{
    const bool notify = Kind(m_kind->currentData().toInt()) == Kind::Notify;
    m_form->setRowVisible(m_urgency, notify);
    m_form->setRowVisible(m_sticky, notify);
    m_form->setRowVisible(m_timeout, notify && !m_sticky->isChecked());
    m_form->setRowVisible(m_until, Kind(m_kind->currentData().toInt()) == Kind::Mute);
}

void RuleActionEditor::edited()
{
    if (m_loading)
        return;
    updateRows();
    Q_EMIT changed();
}

} // namespace fedmsg
