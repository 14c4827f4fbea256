// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "history/HistoryOptions.h"

#include <QMetaObject>

namespace fedmsg {

class History;
class Settings;

/**
 * @brief The history limits the preferences keep (age in days, count, size in MiB; Settings) as
 * History understands them, read when the history is made and applied to it while it runs.
 */
class HistoryLimits
{
public:
    /// Sets options' maxAge, maxCount and maxBytes from settings.
    static void read(const Settings &settings, HistoryOptions *options);
    /// Applies settings' limits to history whenever they change (Settings::historyLimitsChanged,
    /// what the preferences emit): a lower limit prunes at once, without a restart. The
    /// connection ends with either object.
    static QMetaObject::Connection follow(Settings *settings, History *history);
};

} // namespace fedmsg
