// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QFile>
#include <QString>

#include <optional>

namespace fedmsg::bench {

/**
 * One row of BENCHMARKS.md: what was measured, its value, the baseline measured in the same run
 * (or "-"), the goal it is read against and whether it is met (nullopt: no goal). Each benchmark
 * prints its own table as before and, when FEDMSG_BENCH_REPORT names a file (tests/benchmarks.sh
 * sets it), appends its rows there, one tab-separated line each:
 *   area, measurement, value, baseline, goal, met (yes / no / -).
 */
struct ReportRow
{
    QString area; ///< e.g. "Validation", "History"
    QString measurement; ///< what, in plain words
    QString value; ///< with its unit
    QString baseline; ///< the same-run baseline and the ratio to it, or "-"
    QString goal; ///< e.g. ">= 0.80 x raw verify", or "-"
    std::optional<bool> met;
};

inline void report(const ReportRow &row)
{
    const QString path = qEnvironmentVariable("FEDMSG_BENCH_REPORT");
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::Append | QIODevice::Text))
        return;
    auto clean = [](QString s) {
        s.replace(QLatin1Char('\t'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' '));
        return s.isEmpty() ? QStringLiteral("-") : s;
    };
    const QString met = !row.met ? QStringLiteral("-")
        : *row.met               ? QStringLiteral("yes")
                                 : QStringLiteral("no");
    file.write((QStringList { clean(row.area),
                    clean(row.measurement),
                    clean(row.value),
                    clean(row.baseline),
                    clean(row.goal),
                    met }
                    .join(QLatin1Char('\t'))
        + QLatin1Char('\n'))
                   .toUtf8());
}

/// A number with a fixed count of decimals and a unit, for ReportRow::value and ::baseline.
inline QString number(double value, int decimals, const QString &unit)
{
    return QString::number(value, 'f', decimals)
        + (unit.isEmpty() ? QString() : QLatin1Char(' ') + unit);
}

} // namespace fedmsg::bench
