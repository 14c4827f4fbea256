// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "bus/BusConfig.h"
#include "config/PyLiteralReader.h"
#include "json/JsonValue.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace fedmsg {

/**
 * @brief Imports fedmsg.d configuration folders without running Python.
 *
 * Reads every `*.py` of each folder (sorted by name), takes the `config` dict of each file
 * (see PyLiteralReader for the supported subset) and merges them like fedmsg's legacy loader:
 * folders in order, files in name order, later values win, dicts merged recursively.
 * @code
 * FedmsgConfigReader reader(FedmsgConfigReader::defaultDirectories());
 * reader.read();
 * for (const PyDiagnostic &d : reader.diagnostics()) qWarning() << d.toString();
 * BusConfig bus = reader.toBusConfig();
 * @endcode
 */
class FedmsgConfigReader
{
public:
    /// Files larger than this are refused (fedmsg.d files are a few KiB).
    static constexpr qint64 MaxFileSize = qint64 { 4 } * 1024 * 1024;

    explicit FedmsgConfigReader(QStringList directories = defaultDirectories());

    /// The system folder fedmsg reads first.
    static QString systemDirectory() { return QStringLiteral("/etc/fedmsg.d"); }
    /// systemDirectory() and ~/.fedmsg.d (fedmsg also reads ./fedmsg.d; a desktop applet does
    /// not).
    static QStringList defaultDirectories() { return defaultDirectories(systemDirectory()); }
    /// systemDir (tests point it elsewhere) and ~/.fedmsg.d.
    static QStringList defaultDirectories(const QString &systemDir);
    /// What the applet and fedmsg-tail read: defaultDirectories(systemDir), then extra (the
    /// --config folders or files), in that order.
    static QStringList withDefaults(
        const QStringList &extra, const QString &systemDir = systemDirectory());
    /**
     * The bus imported from fedmsg.d folders (enabled), or none when they have no endpoints and
     * were read whole. When a file could not be read whole the bus carries a configError (and
     * is listed even without endpoints) so the UI can show why it does not connect. *problems
     * receives the error diagnostics ("file:line: error: ...") for the user to see.
     */
    static QList<BusConfig> importedBuses(
        const QStringList &directories, QStringList *problems = nullptr);

    QStringList directories() const { return m_directories; }
    void setDirectories(const QStringList &dirs) { m_directories = dirs; }

    /// Reads and merges every folder; returns whether at least one file gave a config dict.
    /// Missing folders are not errors.
    bool read();
    /// Reads one more file or folder on top of what is there (a --config argument).
    bool readPath(const QString &path);

    /// The merged config as fedmsg would see it before its defaults (raw file content).
    const JsonValue &config() const { return m_config; }
    QStringList filesRead() const { return m_files; }
    QList<PyDiagnostic> diagnostics() const { return m_diagnostics; }
    /// The Error diagnostics: files that could not be read at all (unreadable, too large,
    /// syntax error, `config` not a dict).
    QList<PyDiagnostic> errors() const;
    /**
     * Why the signature settings (validate_signatures, ca_cert_location, crl_location,
     * routing_policy, routing_nitpicky, crypto_*) may not be what the files say: every error,
     * every ignored statement or whole `config`, and every value skipped in or as a trust key
     * (a routing_policy entry too).
     * Empty when the trust settings were read whole. Trust fails closed on these: the bus of
     * toBusConfig() carries a configError and does not connect.
     */
    QList<PyDiagnostic> trustProblems() const;
    bool hasEndpoints() const;

    /// Value at a dotted path ("endpoints.relay_outbound"); null when absent.
    JsonValue query(const QString &dottedPath) const;

    /// Sets a top-level key (a command-line override such as --topic-prefix).
    void setValue(const QString &key, const JsonValue &value);

    /// Recursive merge: members of `over` replace those of `base`, dicts merge.
    static JsonValue merge(const JsonValue &base, const JsonValue &over);

    // Interpreted values, with the legacy loader's defaults.
    QString topicPrefix() const; ///< default "org.fedoraproject"
    QString environment() const; ///< default "dev"
    QStringList relayInbound() const; ///< relay_inbound as a list (fedmsg-logger connects there)
    /// Every subscriber URL: all lists of `endpoints` except relay_inbound, in order, unique.
    QStringList subscribeEndpoints() const;
    /// ssl.py keys -> TrustConfig (validate_signatures defaults to False like fedmsg core).
    TrustConfig trustConfig() const;
    /// One bus made from the endpoints and trust of this config, enabled; with a configError
    /// (naming file:line) when trustProblems() is not empty.
    BusConfig toBusConfig(const QString &name = QStringLiteral("fedmsg.d")) const;
    /// Signing settings of the logger: certnames[<prefix>.<host>] under ssldir.
    QString certName(const QString &certPrefix, const QString &shortHostname) const;
    QString sslDir() const; ///< default /etc/pki/fedmsg
    // fedmsg's common zmq settings; empty when neither a file nor an option set them.
    std::optional<int> ioThreads() const; ///< io_threads
    std::optional<double> postInitSleep() const; ///< post_init_sleep, seconds
    std::optional<double> timeout() const; ///< timeout, seconds, for blocking zmq operations
    std::optional<int> highWaterMark() const; ///< high_water_mark (0 = unlimited)
    std::optional<int> lingerMs() const; ///< zmq_linger

private:
    bool readFile(const QString &path);

    QStringList m_directories;
    JsonValue m_config;
    QStringList m_files;
    QList<PyDiagnostic> m_diagnostics;
};

} // namespace fedmsg
