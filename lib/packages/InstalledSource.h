// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "packages/PackageDirectoryOptions.h"
#include "packages/PackageSetCache.h"
#include "packages/PackageSets.h"

#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <memory>

class QFileSystemWatcher;
class QProcess;

namespace fedmsg::packages {

/**
 * @brief The source package names installed on this machine, on PackageDirectory's worker
 * thread: `rpm -qa --qf '%{SOURCERPM}\n'` (mapped to source names, SourceRpmName) or
 * `dpkg-query -W -f '${db:Status-Abbrev}\t${source:Package}\n'` (installed ones only), whichever
 * tool is on PATH with its database present (rpm first). Read again when the database changes
 * (QFileSystemWatcher on the rpm database folder and its files, or on dpkg's status file and its
 * folder; changes within databaseSettle are read once), never by polling. The last set is cached
 * on disk, so a restart is Ready at once. No tool = Unavailable, saying which were looked for.
 */
class InstalledSource : public QObject
{
    Q_OBJECT

public:
    InstalledSource(
        PackageDirectoryOptions options, const QString &cacheDir, QObject *parent = nullptr);
    ~InstalledSource() override;
    Q_DISABLE_COPY_MOVE(InstalledSource)

    /// Chooses the tool, reports the cached set and runs the query (once; later calls do nothing).
    void start();

    /// The set a query tool printed: rpm's %{SOURCERPM} lines or dpkg-query's status<TAB>source
    /// lines.
    [[nodiscard]] static QSet<QString> parseRpm(const QByteArray &output);
    [[nodiscard]] static QSet<QString> parseDpkg(const QByteArray &output);

    /// What a change of the database changes: name, size and modification time of the status
    /// file, or of each file in the rpm folder except empty ones and sqlite's -shm (which readers
    /// write too).
    [[nodiscard]] static QString databaseStamp(const QString &database);

Q_SIGNALS:
    void viewChanged(const fedmsg::packages::PackageSetView &view);

private:
    void runQuery();
    void onQueryFinished();
    void onDatabaseChanged();
    void watchDatabase();
    void report(PackageSetView::State state, const QString &reason);

    PackageDirectoryOptions m_options;
    PackageSetCache m_cache;
    bool m_started = false;
    bool m_rpm = false;
    QString m_tool; ///< absolute path of rpm or dpkg-query; empty = none
    QString m_database; ///< the rpm folder or dpkg status file in use
    QProcess *m_process = nullptr;
    bool m_queryAgain = false;
    QString m_queriedStamp; ///< databaseStamp() when the last query started
    QFileSystemWatcher *m_watcher = nullptr;
    // Children of this, so that moveToThread() takes them along.
    QTimer m_settle;
    QTimer m_queryTimeout;
    PackageSetView m_view;
};

} // namespace fedmsg::packages
