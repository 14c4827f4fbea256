// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QDir>
#include <QTemporaryDir>

namespace fedmsg::fuzz {

/// The folder fuzz targets write each input to as a file: in memory (/dev/shm) where there is
/// one, since a disk-backed file costs I/O waits per input that dwarf the code under test.
inline QTemporaryDir *scratchDir()
{
    if (QDir(QStringLiteral("/dev/shm")).exists()) {
        auto *dir = new QTemporaryDir(QStringLiteral("/dev/shm/fedmsg-fuzz-XXXXXX"));
        if (dir->isValid())
            return dir;
        delete dir;
    }
    return new QTemporaryDir();
}

} // namespace fedmsg::fuzz
