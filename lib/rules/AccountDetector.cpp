// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "rules/AccountDetector.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTimer>

namespace fedmsg::rules {

namespace {
// A FAS account name: letters, digits, '-', '_', '.' (what the account system allows).
const QRegularExpression &accountRe()
{
    static const QRegularExpression re(QStringLiteral("\\A[A-Za-z0-9][A-Za-z0-9._-]{0,63}\\z"));
    return re;
}
} // namespace

AccountDetector::~AccountDetector()
{
    if (m_klist) {
        m_klist->disconnect(this);
        m_klist->kill();
        m_klist->waitForFinished(1000);
    }
}

QString AccountDetector::upnPath()
{
    return QDir::homePath() + QStringLiteral("/.fedora.upn");
}

QString AccountDetector::fromUpnText(const QString &text)
{
    const QString word = text.trimmed().section(QRegularExpression(QStringLiteral("\\s+")), 0, 0);
    return accountRe().match(word).hasMatch() ? word : QString();
}

QString AccountDetector::fromKlistOutput(const QString &text)
{
    static const QRegularExpression principal(
        QStringLiteral("(?<![^\\s:])([A-Za-z0-9][A-Za-z0-9._-]{0,63})@FEDORAPROJECT\\.ORG(?!\\S)"));
    const QRegularExpressionMatch m = principal.match(text);
    return m.hasMatch() ? m.captured(1) : QString();
}

void AccountDetector::start(const QString &upnFile, const QString &klist)
{
    QFile upn(upnFile);
    if (upn.open(QIODevice::ReadOnly)) {
        const QString account = fromUpnText(QString::fromUtf8(upn.read(4096)));
        if (!account.isEmpty()) {
            QTimer::singleShot(0, this, [this, account] {
                Q_EMIT finished(account, QStringLiteral("~/.fedora.upn"));
            });
            return;
        }
    }
    m_klist = std::make_unique<QProcess>();
    QProcess *p = m_klist.get();
    connect(p, &QProcess::errorOccurred, this, [this, klist](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            Q_EMIT finished({}, QStringLiteral("%1 is not installed").arg(klist));
    });
    connect(p, &QProcess::finished, this, [this, p](int, QProcess::ExitStatus) {
        const QString account = fromKlistOutput(QString::fromUtf8(p->readAllStandardOutput()));
        Q_EMIT finished(account,
            account.isEmpty() ? QStringLiteral("no @FEDORAPROJECT.ORG Kerberos ticket")
                              : QStringLiteral("Kerberos (klist)"));
    });
    p->setProcessChannelMode(QProcess::SeparateChannels);
    p->start(klist, { QStringLiteral("-l") });
}

} // namespace fedmsg::rules
