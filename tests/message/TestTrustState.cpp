// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "message/TrustState.h"

#include <QTest>

#include <array>

using namespace fedmsg;

class TestTrustState : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A copy replaces a stored one only when it ranks higher: signed above broker-delivered
    // above unchecked above untrusted (History and the backfill rank alike).
    void trustRankOrdersCopies()
    {
        QVERIFY(trustRank(TrustState::Trusted) > trustRank(TrustState::BrokerUnsigned));
        QVERIFY(trustRank(TrustState::BrokerUnsigned) > trustRank(TrustState::Unchecked));
        QVERIFY(trustRank(TrustState::Unchecked) > trustRank(TrustState::Untrusted));
    }
    void namesRoundTrip()
    {
        const std::array all = { TrustState::Unchecked,
            TrustState::Trusted,
            TrustState::Untrusted,
            TrustState::BrokerUnsigned };
        QStringList names;
        for (TrustState s : all) {
            names << trustStateName(s);
            QCOMPARE(trustStateFromName(trustStateName(s),
                         TrustState::Trusted == s ? TrustState::Untrusted : TrustState::Trusted),
                s);
        }
        QCOMPARE(names,
            (QStringList { QStringLiteral("unchecked"),
                QStringLiteral("trusted"),
                QStringLiteral("untrusted"),
                QStringLiteral("broker-unsigned") }));
    }

    void unknownNameGivesFallback()
    {
        QCOMPARE(trustStateFromName(QStringLiteral("Trusted"), TrustState::Untrusted),
            TrustState::Untrusted);
        QCOMPARE(trustStateFromName(QString()), TrustState::Unchecked);
    }
};

QTEST_GUILESS_MAIN(TestTrustState)
#include "TestTrustState.moc"
