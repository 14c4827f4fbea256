// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "SingleInstance.h"
#include "TrayIcon.h"

#include <QObject>
#include <QStringList>

#include <memory>

namespace fedmsg {

/**
 * @brief The applet: wires the engine (sources → history) to the tray and notifications.
 * Holds no logic a lib/ test could cover; it only connects pieces.
 */
class Application : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        bool demo = false; ///< run the embedded demo bus
        QStringList configDirs; ///< extra fedmsg.d directories to import
    };
    explicit Application(const Options &options, QObject *parent = nullptr);
    ~Application() override;

    /// Shows the tray icon; returns false when another instance already runs.
    bool start();
    TrayIcon *tray() { return m_tray.get(); }

private:
    Options m_options;
    std::unique_ptr<SingleInstance> m_instance;
    std::unique_ptr<TrayIcon> m_tray;
};

} // namespace fedmsg
