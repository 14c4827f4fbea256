// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "packages/InstalledSource.h"

#include "packages/PackageSetTime.h"
#include "packages/PackagesLogging.h"
#include "packages/SourceRpmName.h"

#include <QDir>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QProcess>
#include <QStandardPaths>

#include <utility>

namespace fedmsg::packages {

namespace {
const QString cacheKind = QStringLiteral("installed");
constexpr qint64 maximumOutputBytes = qint64(64) * 1024 * 1024;

QString firstLine(const QByteArray &text)
{
    const QString all = QString::fromUtf8(text).trimmed();
    return all.section(u'\n', 0, 0).left(300);
}
} // namespace

InstalledSource::InstalledSource(
    PackageDirectoryOptions options, const QString &cacheDir, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_cache(cacheDir)
    , m_settle(this)
    , m_queryTimeout(this)
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(m_options.databaseSettle);
    connect(&m_settle, &QTimer::timeout, this, [this] {
        // Our own query may touch the database folder (sqlite's -shm, an empty -wal made and
        // removed again); only a change of content counts, or we would read forever.
        if (databaseStamp(m_database) != m_queriedStamp)
            runQuery();
    });
    m_queryTimeout.setSingleShot(true);
    m_queryTimeout.setInterval(m_options.queryTimeout);
    connect(&m_queryTimeout, &QTimer::timeout, this, [this] {
        if (m_process)
            m_process->kill();
    });
}

InstalledSource::~InstalledSource()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(1000);
    }
}

QSet<QString> InstalledSource::parseRpm(const QByteArray &output)
{
    QSet<QString> names;
    for (const QByteArray &line : output.split('\n')) {
        const QString name = SourceRpmName::fromSourceRpm(QString::fromUtf8(line));
        if (!name.isEmpty())
            names.insert(name);
    }
    return names;
}

QSet<QString> InstalledSource::parseDpkg(const QByteArray &output)
{
    QSet<QString> names;
    for (const QByteArray &line : output.split('\n')) {
        const qsizetype tab = line.indexOf('\t');
        if (tab < 2)
            continue;
        // db:Status-Abbrev is want, status, error flag: "ii " is installed; "rc " (removed, its
        // configuration files left) is not.
        if (line.at(1) != 'i')
            continue;
        const QString name = QString::fromUtf8(line.mid(tab + 1)).trimmed();
        if (!name.isEmpty() && !name.contains(u' '))
            names.insert(name);
    }
    return names;
}

void InstalledSource::start()
{
    if (m_started)
        return;
    m_started = true;
    const QString rpm = QStandardPaths::findExecutable(QStringLiteral("rpm"));
    if (!rpm.isEmpty()) {
        for (const QString &path : std::as_const(m_options.rpmDatabasePaths)) {
            if (QFileInfo(path).isDir()) {
                m_tool = rpm;
                m_database = path;
                m_rpm = true;
                break;
            }
        }
    }
    if (m_tool.isEmpty()) {
        const QString dpkg = QStandardPaths::findExecutable(QStringLiteral("dpkg-query"));
        if (!dpkg.isEmpty() && QFileInfo(m_options.dpkgStatusPath).isFile()) {
            m_tool = dpkg;
            m_database = m_options.dpkgStatusPath;
        }
    }
    if (m_tool.isEmpty()) {
        report(PackageSetView::State::Unavailable,
            QStringLiteral("installed packages unknown: neither rpm (with a database in %1) nor "
                           "dpkg-query (with %2) is available here")
                .arg(m_options.rpmDatabasePaths.join(QStringLiteral(" or ")),
                    m_options.dpkgStatusPath));
        return;
    }
    if (auto cached = m_cache.load(
            cacheKind, m_rpm ? QStringLiteral("rpm") : QStringLiteral("dpkg"), m_database)) {
        m_view.names = cached->names;
        m_view.fetched = cached->fetched;
        report(PackageSetView::State::Ready,
            QStringLiteral("cached, read %1").arg(PackageSetTime::format(cached->fetched)));
    } else {
        report(PackageSetView::State::Loading,
            QStringLiteral("being read with %1").arg(QFileInfo(m_tool).fileName()));
    }
    watchDatabase();
    runQuery();
}

void InstalledSource::watchDatabase()
{
    if (!m_watcher) {
        m_watcher = new QFileSystemWatcher(this);
        connect(
            m_watcher, &QFileSystemWatcher::fileChanged, this, &InstalledSource::onDatabaseChanged);
        connect(m_watcher,
            &QFileSystemWatcher::directoryChanged,
            this,
            &InstalledSource::onDatabaseChanged);
    }
    // A folder reports entries added, removed and renamed, not writes into its files: watch the
    // files too. Files replaced by rename drop out of the watcher, so this runs after each change.
    QStringList paths;
    if (m_rpm) {
        paths.append(m_database);
        const QFileInfoList files = QDir(m_database).entryInfoList(QDir::Files);
        for (const QFileInfo &file : files)
            paths.append(file.filePath());
    } else {
        paths.append(m_database);
        paths.append(QFileInfo(m_database).path());
    }
    const QStringList watched = m_watcher->files() + m_watcher->directories();
    QStringList missing;
    for (const QString &path : std::as_const(paths)) {
        if (!watched.contains(path) && QFileInfo::exists(path))
            missing.append(path);
    }
    if (!missing.isEmpty())
        m_watcher->addPaths(missing);
}

QString InstalledSource::databaseStamp(const QString &database)
{
    const QFileInfo info(database);
    QFileInfoList files;
    if (info.isDir())
        files = QDir(database).entryInfoList(QDir::Files, QDir::Name);
    else
        files.append(info);
    QString stamp;
    for (const QFileInfo &file : std::as_const(files)) {
        if (!file.exists() || file.size() == 0 || file.fileName().endsWith(u"-shm"))
            continue;
        stamp += QStringLiteral("%1 %2 %3\n")
                     .arg(file.fileName())
                     .arg(file.size())
                     .arg(file.lastModified().toMSecsSinceEpoch());
    }
    return stamp;
}

void InstalledSource::onDatabaseChanged()
{
    m_settle.start();
}

void InstalledSource::runQuery()
{
    watchDatabase();
    if (m_process) {
        m_queryAgain = true;
        return;
    }
    m_queryAgain = false;
    m_queriedStamp = databaseStamp(m_database);
    m_process = new QProcess(this);
    m_process->setProgram(m_tool);
    if (m_rpm) {
        m_process->setArguments(
            { QStringLiteral("-qa"), QStringLiteral("--qf"), QStringLiteral("%{SOURCERPM}\\n") });
    } else {
        m_process->setArguments({ QStringLiteral("-W"),
            QStringLiteral("-f"),
            QStringLiteral("${db:Status-Abbrev}\\t${source:Package}\\n") });
    }
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    m_process->setProcessEnvironment(environment);
    m_process->setStandardInputFile(QProcess::nullDevice());
    connect(m_process, &QProcess::readyReadStandardOutput, this, [this] {
        if (m_process && m_process->bytesAvailable() > maximumOutputBytes)
            m_process->kill();
    });
    connect(m_process, &QProcess::finished, this, &InstalledSource::onQueryFinished);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            onQueryFinished();
    });
    m_queryTimeout.start();
    m_process->start();
}

void InstalledSource::onQueryFinished()
{
    if (!m_process)
        return;
    m_queryTimeout.stop();
    QProcess *process = std::exchange(m_process, nullptr);
    process->deleteLater();
    process->disconnect(this);
    const QString tool = QFileInfo(m_tool).fileName();
    const bool ok = process->error() == QProcess::UnknownError
        && process->exitStatus() == QProcess::NormalExit && process->exitCode() == 0;
    if (ok) {
        const QByteArray output = process->readAllStandardOutput();
        auto names =
            std::make_shared<const QSet<QString>>(m_rpm ? parseRpm(output) : parseDpkg(output));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QString error;
        if (!m_cache.save(cacheKind,
                m_rpm ? QStringLiteral("rpm") : QStringLiteral("dpkg"),
                m_database,
                { names, now },
                &error))
            qCWarning(lcPackages) << "package cache:" << error;
        m_view.names = names;
        m_view.fetched = now;
        report(PackageSetView::State::Ready,
            QStringLiteral("read %1 with %2").arg(PackageSetTime::format(now), tool));
    } else {
        QString why;
        if (process->error() == QProcess::FailedToStart)
            why = QStringLiteral("%1 could not be started: %2").arg(tool, process->errorString());
        else if (process->exitStatus() != QProcess::NormalExit)
            why = QStringLiteral("%1 was stopped (took longer than %2 s or printed too much)")
                      .arg(tool)
                      .arg(double(m_options.queryTimeout.count()) / 1000.0);
        else
            why = QStringLiteral("%1 exited with status %2: %3")
                      .arg(tool)
                      .arg(process->exitCode())
                      .arg(firstLine(process->readAllStandardError()));
        if (m_view.names)
            report(PackageSetView::State::Ready,
                QStringLiteral("cached, read %1; reading again failed: %2")
                    .arg(PackageSetTime::format(m_view.fetched), why));
        else
            report(PackageSetView::State::Unavailable,
                QStringLiteral("installed packages unknown: %1").arg(why));
    }
    if (m_queryAgain)
        runQuery();
}

void InstalledSource::report(PackageSetView::State state, const QString &reason)
{
    m_view.state = state;
    m_view.reason = reason;
    Q_EMIT viewChanged(m_view);
}

} // namespace fedmsg::packages
