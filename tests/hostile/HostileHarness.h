// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

// What the hostile tests share: the hostile_publisher process and its manifest, the fedmsg.d
// folder that points a subscriber at it with the test CA, and the checks for characters that
// must never reach a terminal or a notification.

#include "LoopbackEndpoint.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>

namespace fedmsg::test {

inline QString hostilePublisherBin()
{
    return qEnvironmentVariable("FEDMSG_HOSTILE_PUBLISHER_BIN");
}

/// Every case of hostile_publisher (its --list), each a test row.
inline QStringList hostileCases()
{
    return { QStringLiteral("frames"),
        QStringLiteral("mismatch"),
        QStringLiteral("utf8"),
        QStringLiteral("nested"),
        QStringLiteral("bignum"),
        QStringLiteral("nan"),
        QStringLiteral("markup"),
        QStringLiteral("links"),
        QStringLiteral("control"),
        QStringLiteral("forged"),
        QStringLiteral("replay"),
        QStringLiteral("shadow"),
        QStringLiteral("flood") };
}

/// A msg_id the publisher made, found in any text (escaped controls after it end the match).
inline const QRegularExpression &hostileIdPattern()
{
    static const QRegularExpression re(QStringLiteral("HX-[A-Za-z0-9-]*[A-Za-z0-9]"));
    return re;
}

/// The first msg_id in text, or empty.
inline QString firstHostileId(const QString &text)
{
    const auto m = hostileIdPattern().match(text);
    return m.hasMatch() ? m.captured() : QString();
}

/// Characters that must never reach a terminal or a notification raw: C0 controls but newline
/// and tab, DEL, C1 controls, and the bidi controls that reorder what a reader sees.
inline bool isHostileChar(char32_t u)
{
    return (u < 0x20 && u != u'\n' && u != u'\t') || (u >= 0x7F && u <= 0x9F)
        || (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069) || u == 0x200E
        || u == 0x200F || u == 0x061C;
}

/// Where the first hostile character of text is ("U+001B at 1234: ...context..."), or empty.
inline QString findHostileChar(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char32_t u = text.at(i).unicode();
        if (isHostileChar(u)) {
            QString context = text.mid(std::max<qsizetype>(0, i - 60), 120);
            for (QChar &c : context)
                if (isHostileChar(c.unicode()))
                    c = QChar(u'\u2400' + (c.unicode() < 0x20 ? c.unicode() : 0x21));
            return QStringLiteral("U+%1 at %2: %3")
                .arg(quint32(u), 4, 16, QLatin1Char('0'))
                .arg(i)
                .arg(context);
        }
    }
    return {};
}

/// What hostile_publisher said it sent.
struct HostileManifest
{
    QString endpoint;
    QSet<QString> good; ///< validly signed: shown (stored) once, trusted
    QSet<QString> bad; ///< never trusted (a good id may also be here: the shadow case)
    QHash<QString, int> replays; ///< good id -> how often it was sent again
    QString end;
    int sent = 0;
    bool done = false;
};

/// The hostile_publisher process: started with some cases, read as it goes.
class HostilePublisherProcess
{
public:
    HostilePublisherProcess() = default;
    ~HostilePublisherProcess() { finish(); }
    HostilePublisherProcess(const HostilePublisherProcess &) = delete;
    HostilePublisherProcess &operator=(const HostilePublisherProcess &) = delete;
    HostilePublisherProcess(HostilePublisherProcess &&) = delete;
    HostilePublisherProcess &operator=(HostilePublisherProcess &&) = delete;

    /// Starts it and waits for its endpoint; false with *error when it did not come up.
    bool start(const QStringList &cases, int flood, QString *error)
    {
        QStringList args { QStringLiteral("--certs"), vectorCertDir() };
        for (const QString &c : cases)
            args << QStringLiteral("--case") << c;
        args << QStringLiteral("--flood") << QString::number(flood);
        m_process.start(hostilePublisherBin(), args);
        if (!m_process.waitForStarted(10000)) {
            *error =
                QStringLiteral("hostile_publisher did not start: %1").arg(m_process.errorString());
            return false;
        }
        QElapsedTimer t;
        t.start();
        while (m_manifest.endpoint.isEmpty() && t.elapsed() < 10000) {
            m_process.waitForReadyRead(500);
            read();
            if (m_process.state() == QProcess::NotRunning)
                break;
        }
        if (m_manifest.endpoint.isEmpty()) {
            *error = QStringLiteral("hostile_publisher gave no endpoint: %1")
                         .arg(QString::fromUtf8(m_process.readAllStandardError()));
            return false;
        }
        return true;
    }

    /// Reads what it printed so far; true once it said "done".
    bool read()
    {
        if (m_process.state() == QProcess::Running)
            m_process.waitForReadyRead(0); // takes in what is there without waiting
        m_buffer += m_process.readAllStandardOutput();
        for (qsizetype nl = m_buffer.indexOf('\n'); nl >= 0; nl = m_buffer.indexOf('\n')) {
            const QString line = QString::fromUtf8(m_buffer.left(nl));
            m_buffer.remove(0, nl + 1);
            const QString kind = line.section(QLatin1Char(' '), 0, 0);
            const QString rest = line.section(QLatin1Char(' '), 1);
            if (kind == QLatin1String("endpoint")) {
                m_manifest.endpoint = rest;
            } else if (kind == QLatin1String("good")) {
                m_manifest.good.insert(firstHostileId(rest));
            } else if (kind == QLatin1String("bad")) {
                const QString id = firstHostileId(rest);
                if (!id.isEmpty())
                    m_manifest.bad.insert(id);
            } else if (kind == QLatin1String("replay")) {
                ++m_manifest.replays[firstHostileId(rest)];
            } else if (kind == QLatin1String("flood")) {
                const QString prefix = rest.section(QLatin1Char(' '), 0, 0);
                const int n = rest.section(QLatin1Char(' '), 1, 1).toInt();
                for (int i = 0; i < n; ++i)
                    m_manifest.good.insert(
                        prefix + QStringLiteral("%1").arg(i, 6, 10, QLatin1Char('0')));
            } else if (kind == QLatin1String("end")) {
                m_manifest.end = firstHostileId(rest);
                m_manifest.good.insert(m_manifest.end);
            } else if (kind == QLatin1String("done")) {
                m_manifest.sent = rest.toInt();
                m_manifest.done = true;
            }
        }
        return m_manifest.done;
    }

    /// Waits until everything was sent (the publisher said "done").
    bool waitUntilDone(int timeoutMs)
    {
        QElapsedTimer t;
        t.start();
        while (!read() && t.elapsed() < timeoutMs) {
            if (m_process.state() == QProcess::NotRunning)
                return read();
            m_process.waitForReadyRead(500);
        }
        return m_manifest.done;
    }

    /// Lets it go (closes its stdin) and waits for it.
    void finish()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(10000)) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }

    const HostileManifest &manifest() const { return m_manifest; }
    QString errors() { return QString::fromUtf8(m_process.readAllStandardError()); }

private:
    QProcess m_process;
    QByteArray m_buffer;
    HostileManifest m_manifest;
};

/// A fedmsg.d folder (one file, hostile.py) for a subscriber of the publisher at endpoint:
/// signatures validated against the test CA and CRL, the announce topic reserved to
/// shell-app01 by the routing policy.
inline bool writeHostileFedmsgD(const QString &dir, const QString &endpoint)
{
    QDir().mkpath(dir);
    QFile f(dir + QStringLiteral("/hostile.py"));
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    const QString certs = vectorCertDir();
    f.write(QStringLiteral("# Written by the hostile tests: the hostile_publisher bus, validated.\n"
                           "config = dict(\n"
                           "    endpoints={\"hostile\": [\"%1\"]},\n"
                           "    validate_signatures=True,\n"
                           "    ca_cert_location=\"%2ca.crt\",\n"
                           "    crl_location=\"%2crl.pem\",\n"
                           "    routing_policy={\n"
                           "        \"org.fedoraproject.dev.announce.announcement\": [\n"
                           "            \"shell-app01.phx2.fedoraproject.org\",\n"
                           "        ],\n"
                           "    },\n"
                           "    routing_nitpicky=False,\n"
                           ")\n")
                .arg(endpoint, certs)
                .toUtf8());
    return true;
}

} // namespace fedmsg::test
