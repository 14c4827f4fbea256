// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "WelcomeDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace fedmsg {

WelcomeDialog::WelcomeDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Welcome to fedmsg-notify"));
    setObjectName(QStringLiteral("welcomeDialog"));
    auto *layout = new QVBoxLayout(this);

    auto *what = new QLabel(
        tr("fedmsg-notify shows desktop notifications for what happens in Fedora: builds, "
           "updates, comments, new releases of the packages you follow. Every message received "
           "is kept in the history; rules decide which ones pop up."),
        this);
    what->setObjectName(QStringLiteral("welcomeText"));
    what->setWordWrap(true);
    what->setAccessibleName(tr("What fedmsg-notify does"));
    layout->addWidget(what);

    auto *form = new QFormLayout;
    // Made after the text above, not in the initializer list: children are read (by a screen
    // reader) in the order they were made.
    auto *accountEdit = new QLineEdit(this);
    m_account = accountEdit;
    m_account->setObjectName(QStringLiteral("accountEdit"));
    m_account->setAccessibleName(tr("Fedora account name"));
    m_account->setPlaceholderText(tr("your FAS user name"));
    connect(m_account, &QLineEdit::textEdited, this, [this] {
        m_typed = true;
    });
    auto *accountLabel = new QLabel(tr("Your Fedora &account:"), this);
    accountLabel->setBuddy(m_account);
    form->addRow(accountLabel, m_account);
    layout->addLayout(form);
    auto *accountHint = new QLabel(tr("With it, the rules can tell what is about you and your "
                                      "packages (\"for you\")."),
        this);
    accountHint->setWordWrap(true);
    accountHint->setAccessibleName(tr("Why the account name"));
    layout->addWidget(accountHint);

    auto *tray = new QLabel(tr("The applet lives in the system tray: click its icon for the "
                               "history, right-click it for the menu."),
        this);
    tray->setWordWrap(true);
    tray->setAccessibleName(tr("Where the tray icon is"));
    layout->addWidget(tray);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok, this);
    m_preferences = buttons->addButton(tr("Open &Preferences…"), QDialogButtonBox::ActionRole);
    m_preferences->setObjectName(QStringLiteral("preferencesButton"));
    m_preferences->setAccessibleName(tr("Open Preferences"));
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setObjectName(QStringLiteral("okButton"));
    ok->setAccessibleName(tr("Close the welcome"));
    ok->setDefault(true);
    connect(m_preferences, &QPushButton::clicked, this, [this] {
        accept();
        Q_EMIT preferencesRequested();
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(this, &QDialog::accepted, this, [this] {
        const QString chosen = account();
        if (!chosen.isEmpty() && chosen != m_offered)
            Q_EMIT accountChosen(chosen);
    });
    layout->addWidget(buttons);
    setTabOrder(m_account, ok);
    setTabOrder(ok, m_preferences);
}

void WelcomeDialog::offerAccount(const QString &account)
{
    m_offered = account;
    if (!m_typed)
        m_account->setText(account);
}

QString WelcomeDialog::account() const
{
    return m_account->text().trimmed();
}

} // namespace fedmsg
