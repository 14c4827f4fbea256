// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "message/TrustState.h"

#include <QCoreApplication>

namespace fedmsg {

QString trustStateName(TrustState state)
{
    switch (state) {
    case TrustState::Unchecked:
        return QStringLiteral("unchecked");
    case TrustState::Trusted:
        return QStringLiteral("trusted");
    case TrustState::Untrusted:
        return QStringLiteral("untrusted");
    case TrustState::BrokerUnsigned:
        return QStringLiteral("broker-unsigned");
    }
    return QStringLiteral("unchecked");
}

QString trustLabel(TrustState state)
{
    switch (state) {
    case TrustState::Trusted:
        return QCoreApplication::translate("fedmsg::TrustState", "signed");
    case TrustState::Untrusted:
        return QCoreApplication::translate("fedmsg::TrustState", "untrusted");
    case TrustState::BrokerUnsigned:
        return QCoreApplication::translate("fedmsg::TrustState", "broker, unsigned");
    case TrustState::Unchecked:
        break;
    }
    return QCoreApplication::translate("fedmsg::TrustState", "unverified");
}

TrustState trustStateFromName(const QString &name, TrustState fallback)
{
    for (TrustState s : { TrustState::Unchecked,
             TrustState::Trusted,
             TrustState::Untrusted,
             TrustState::BrokerUnsigned }) {
        if (name == trustStateName(s))
            return s;
    }
    return fallback;
}

int trustRank(TrustState state)
{
    switch (state) {
    case TrustState::Trusted:
        return 3;
    case TrustState::BrokerUnsigned:
        return 2;
    case TrustState::Unchecked:
        return 1;
    case TrustState::Untrusted:
        return 0;
    }
    return 0;
}

} // namespace fedmsg
