// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

// Root ignores file and folder permissions, and CI runs the tests as root. A test that needs a
// read-only file or folder to really be read-only runs itself again, as the user "nobody", in
// a child process of the same test binary: runUnprivileged("testFunction") from inside that
// test function; the child runs only that function (without root, it does the real work).

#include <QCoreApplication>
#include <QDir>
#include <QProcess>
#include <QTemporaryDir>

#include <grp.h>
#include <pwd.h>
#include <unistd.h>

namespace fedmsg::testdata {

/// True when running as root and the calling test must run itself in a child as nobody.
inline bool mustDropPrivileges()
{
    return ::geteuid() == 0;
}

/// Runs this test binary's function `function` as nobody (uid/gid of the "nobody" entry, or
/// 65534) with its own HOME and TMPDIR; returns the child's exit code and fills *output.
/// -1 when the child did not start or crashed.
inline int runUnprivileged(const QString &function, QString *output)
{
    const passwd *pw = ::getpwnam("nobody");
    const uid_t uid = pw ? pw->pw_uid : 65534;
    const gid_t gid = pw ? pw->pw_gid : 65534;
    QTemporaryDir home;
    if (!home.isValid() || ::chown(home.path().toLocal8Bit().constData(), uid, gid) != 0) {
        *output = QStringLiteral("cannot make a home folder for nobody");
        return -1;
    }
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("TMPDIR"), home.path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.path() + QStringLiteral("/data"));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.path());
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.setWorkingDirectory(home.path());
    child.setChildProcessModifier([uid, gid] {
        // Between fork and exec: only async-signal-safe calls.
        if (::setgroups(0, nullptr) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0)
            ::_exit(125);
    });
    child.start(QCoreApplication::applicationFilePath(), { function });
    if (!child.waitForFinished(120000)) {
        child.kill();
        child.waitForFinished();
    }
    *output = QString::fromLocal8Bit(child.readAll());
    if (child.exitStatus() != QProcess::NormalExit)
        return -1;
    return child.exitCode();
}

} // namespace fedmsg::testdata
