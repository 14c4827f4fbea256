// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

// The count every data-driven test keeps (vectors, corpora, tables of cases): each case passes or
// fails with its reason printed, and the test ends with the one "N passed, M failed" line.

#include <QDebug>
#include <QString>
#include <QStringList>

namespace fedmsg::test {

struct CaseTally
{
    int passed = 0;
    int failed = 0;

    void pass() { ++passed; }
    /// Counts a failed case and prints "FAIL id: why".
    void fail(const QString &id, const QString &why)
    {
        ++failed;
        qInfo().noquote() << QStringLiteral("FAIL %1: %2").arg(id, why);
    }
    /// Passes when problems is empty; else fails and prints each problem (e.g. wrong fields).
    void add(const QString &id, const QStringList &problems)
    {
        if (problems.isEmpty()) {
            ++passed;
            return;
        }
        ++failed;
        qInfo().noquote() << "FAIL" << id << "\n   " << problems.join(QStringLiteral("\n    "));
    }
    /// Prints the final "N passed, M failed" line.
    void print() const
    {
        qInfo().noquote() << QStringLiteral("%1 passed, %2 failed").arg(passed).arg(failed);
    }
};

} // namespace fedmsg::test
