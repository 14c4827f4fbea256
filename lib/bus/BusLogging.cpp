// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "bus/BusLogging.h"

namespace fedmsg {
Q_LOGGING_CATEGORY(lcBus, "fedmsg.bus")
} // namespace fedmsg
