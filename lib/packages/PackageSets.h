// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QDateTime>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>

namespace fedmsg::packages {

/// @brief One package set as the rules stage sees it at one moment: a shared, immutable
/// snapshot (cheap to copy, safe to read from any thread) and whether it can be believed.
struct PackageSetView
{
    enum class State {
        Loading, ///< asked for, not fetched yet and nothing cached
        Ready, ///< names is the set (possibly from the on-disk cache while offline; see fetched)
        Unavailable, ///< cannot be known here (tool absent, unknown account, error); reason says
                     ///< why
    };
    State state = State::Loading;
    QString reason; ///< plain-language explanation when not Ready, or where a Ready set came from
    std::shared_ptr<const QSet<QString>> names; ///< source package names; never null when Ready
    QDateTime fetched; ///< when the data was fetched (UTC); invalid when never

    [[nodiscard]] bool contains(const QString &package) const
    {
        return state == State::Ready && names && names->contains(package);
    }
};

/**
 * @brief The package sets filter rules ask about: packages a Fedora account or group maintains in
 * dist-git, and the source packages installed on this machine.
 *
 * The rules stage (lib/rules) calls track() when rules are compiled, then reads snapshots; it never
 * waits. Implementations fetch on worker threads, cache on disk, and emit changed() when any set
 * changes state or content so that rules are recompiled. All const members are thread-safe.
 */
class PackageSets : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    /// Start (or keep) fetching the sets of these maintainers: a Fedora account name ("alice")
    /// or a group prefixed with '@' ("@python-packagers-sig"). Names not listed are dropped later.
    virtual void track(const QStringList &maintainers) = 0;
    /// Packages the account (or '@group') owns or can commit to in dist-git's rpms namespace.
    [[nodiscard]] virtual PackageSetView maintainedBy(const QString &maintainer) const = 0;
    /// Source package names of the packages installed here (rpm %{SOURCERPM} / dpkg
    /// ${source:Package}).
    [[nodiscard]] virtual PackageSetView installed() const = 0;

Q_SIGNALS:
    void changed();
};

} // namespace fedmsg::packages
