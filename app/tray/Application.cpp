// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "Application.h"

#include <QCoreApplication>

namespace fedmsg {

Application::Application(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_instance(std::make_unique<SingleInstance>(QStringLiteral("fedmsg-notify")))
    , m_tray(std::make_unique<TrayIcon>())
{
    connect(m_tray.get(), &TrayIcon::quitRequested, qApp, &QCoreApplication::quit);
}

Application::~Application() = default;

bool Application::start()
{
    if (!m_instance->claim())
        return false;
    m_tray->setState(TrayIcon::State::NoBus);
    m_tray->show();
    return true;
}

} // namespace fedmsg
