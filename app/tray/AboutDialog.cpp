// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "AboutDialog.h"

#include <QDialogButtonBox>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace fedmsg {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About fedmsg-notify"));
    setObjectName(QStringLiteral("aboutDialog"));
    auto *layout = new QVBoxLayout(this);

    auto *name = new QLabel(tr("fedmsg-notify %1").arg(version()), this);
    name->setObjectName(QStringLiteral("versionLabel"));
    QFont big = name->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.3);
    name->setFont(big);
    name->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    name->setAccessibleName(tr("Version"));
    layout->addWidget(name);

    auto *what = new QLabel(tr("Desktop notifications for Fedora's message buses (fedmsg and "
                               "fedora-messaging)."),
        this);
    what->setWordWrap(true);
    what->setAccessibleName(tr("Description"));
    layout->addWidget(what);

    auto *licence =
        new QLabel(tr("Licence: GNU Lesser General Public License, version 2.1 or later "
                      "(LGPL-2.1-or-later). No warranty."),
            this);
    licence->setObjectName(QStringLiteral("licenceLabel"));
    licence->setWordWrap(true);
    licence->setAccessibleName(tr("Licence"));
    layout->addWidget(licence);

    auto *busBox = new QGroupBox(tr("Buses"), this);
    auto *busLayout = new QVBoxLayout(busBox);
    m_buses = new QLabel(tr("No bus configured"), busBox);
    m_buses->setObjectName(QStringLiteral("busStateLabel"));
    m_buses->setTextFormat(Qt::PlainText); // bus names and reasons are not markup
    m_buses->setWordWrap(true);
    m_buses->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_buses->setFocusPolicy(Qt::StrongFocus); // reachable with Tab, to read or copy
    m_buses->setAccessibleName(tr("State of the buses"));
    busLayout->addWidget(m_buses);
    layout->addWidget(busBox);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_welcome = buttons->addButton(tr("Show &welcome again"), QDialogButtonBox::ActionRole);
    m_welcome->setObjectName(QStringLiteral("welcomeButton"));
    m_welcome->setAccessibleName(tr("Show welcome again"));
    QPushButton *close = buttons->button(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("closeButton"));
    close->setAccessibleName(tr("Close"));
    close->setDefault(true);
    connect(m_welcome, &QPushButton::clicked, this, &AboutDialog::welcomeRequested);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    setTabOrder(m_buses, m_welcome);
    setTabOrder(m_welcome, close);
}

QString AboutDialog::version()
{
    return QStringLiteral(FEDMSG_NOTIFY_VERSION);
}

void AboutDialog::setBusState(const QString &text)
{
    m_buses->setText(text);
}

QString AboutDialog::busState() const
{
    return m_buses->text();
}

} // namespace fedmsg
