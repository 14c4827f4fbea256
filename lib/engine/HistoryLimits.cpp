// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "engine/HistoryLimits.h"

#include "history/History.h"
#include "settings/Settings.h"

#include <chrono>

namespace fedmsg {

void HistoryLimits::read(const Settings &settings, HistoryOptions *options)
{
    options->maxAge = std::chrono::hours(24) * settings.historyMaxAgeDays();
    options->maxCount = settings.historyMaxCount();
    options->maxBytes = qint64(settings.historyMaxSizeMiB()) * 1024 * 1024;
}

QMetaObject::Connection HistoryLimits::follow(Settings *settings, History *history)
{
    return QObject::connect(
        settings, &Settings::historyLimitsChanged, history, [settings, history] {
            HistoryOptions limits;
            read(*settings, &limits);
            history->setLimits(limits.maxAge, limits.maxCount, limits.maxBytes);
        });
}

} // namespace fedmsg
