// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "amqp/AmqpLogging.h"

namespace fedmsg {
Q_LOGGING_CATEGORY(lcAmqp, "fedmsg.amqp")
} // namespace fedmsg
