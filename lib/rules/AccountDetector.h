// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QObject>
#include <QProcess>
#include <QString>

#include <memory>

namespace fedmsg::rules {

/**
 * @brief Finds the user's Fedora account name where the system has it: ~/.fedora.upn (what
 * fedora-packager writes), else a Kerberos principal `name@FEDORAPROJECT.ORG` in the
 * credential caches (`klist -l`, run without blocking). Nothing found = ask the user.
 */
class AccountDetector : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~AccountDetector() override;
    Q_DISABLE_COPY_MOVE(AccountDetector)

    /// $HOME/.fedora.upn
    static QString upnPath();
    /// The account in a .fedora.upn file's text (its first word), "" when it has none.
    static QString fromUpnText(const QString &text);
    /// The first `name@FEDORAPROJECT.ORG` principal in klist's output, "" when none.
    static QString fromKlistOutput(const QString &text);

    /// Looks: the upn file at once, else klist in the background; finished() says the result.
    void start(const QString &upnFile = upnPath(), const QString &klist = QStringLiteral("klist"));

Q_SIGNALS:
    /// @p account is "" when nothing was found; @p how says where it came from or why not
    /// ("~/.fedora.upn", "Kerberos (klist)", "klist is not installed", ...).
    void finished(const QString &account, const QString &how);

private:
    std::unique_ptr<QProcess> m_klist;
};

} // namespace fedmsg::rules
