// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

// The one reader of /proc/PID/smaps the tests and benchmarks use: what a process's resident memory
// is made of, per mapping name (a file's path, or [heap], [anon], [stack], [vdso], ...).

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QMap>
#include <QString>

namespace fedmsg::test {

/// Resident KiB per mapping name, summed over the mappings of that name, read from `smapsPath`
/// ("/proc/self/smaps" or "/proc/PID/smaps"). Mappings without a name count as "[anon]". Empty
/// when the file cannot be read.
inline QMap<QString, qint64> residentKiBByMapping(const QString &smapsPath)
{
    QMap<QString, qint64> kib;
    QFile smaps(smapsPath);
    if (!smaps.open(QIODevice::ReadOnly))
        return kib;
    QString name;
    // /proc files report size 0: read until the end, not by size.
    for (const QByteArray &line : smaps.readAll().split('\n')) {
        const QList<QByteArray> f = line.simplified().split(' ');
        // A mapping's header: "start-end perms offset dev inode [name]"; its fields end in ':'.
        if (f.size() >= 5 && f.at(0).contains('-') && !f.at(0).endsWith(':'))
            name = f.size() >= 6 ? QString::fromLocal8Bit(f.mid(5).join(' '))
                                 : QStringLiteral("[anon]");
        else if (f.size() >= 2 && f.at(0) == "Rss:")
            kib[name] += f.at(1).toLongLong();
    }
    return kib;
}

} // namespace fedmsg::test
