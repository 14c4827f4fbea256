// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "bus/BusConfig.h"
#include "bus/PyLiteralReader.h"
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
    explicit FedmsgConfigReader(QStringList directories = defaultDirectories());

    /// /etc/fedmsg.d and ~/.fedmsg.d (fedmsg also reads ./fedmsg.d; a desktop applet does not).
    static QStringList defaultDirectories();

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
    /// One bus made from the endpoints and trust of this config, enabled.
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
