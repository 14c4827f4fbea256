// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "packages/PackagesLogging.h"

Q_LOGGING_CATEGORY(lcPackages, "fedmsg.packages")
