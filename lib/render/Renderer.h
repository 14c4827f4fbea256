// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

// lib/render: turns a message into what a human sees (title, subtitle, link, icons, users,
// packages) the way Python's fedmsg.meta and the fedora-messaging schemas do, driven by a data
// file plus native handlers. It never touches the network, never blocks, and never throws or
// crashes on odd input: every failure becomes the field's fallback value.

#include "message/Envelope.h"
#include "render/FasLookup.h"
#include "render/MetaProcessor.h"
#include "render/Rendering.h"
#include "render/ServiceInfo.h"
#include "json/JsonValue.h"

#include <QDateTime>
#include <QList>
#include <QLoggingCategory>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

Q_DECLARE_LOGGING_CATEGORY(lcRender)

namespace fedmsg {

class SchemaRenderer;

/**
 * @brief The rendering engine: service catalog + fedmsg.meta processors + schema rules.
 */
class Renderer
{
public:
    /// Loads the built-in data file and, when present, the user's override copy.
    Renderer();
    /// Loads only @p dataFile (no user override); for tests.
    explicit Renderer(const QString &dataFile);
    ~Renderer();
    Renderer(const Renderer &) = delete;
    Renderer &operator=(const Renderer &) = delete;
    Renderer(Renderer &&) = delete;
    Renderer &operator=(Renderer &&) = delete;

    static QString builtinDataFile(); ///< ":/fedmsg-notify/render/services.json"
    /// GenericDataLocation/fedmsg-notify/render/services.json (may not exist).
    static QString userDataFile();
    /// The folder of per-package schema files next to a data file ("<dir>/schemas").
    static QString schemaDirectoryFor(const QString &dataFile);

    /// Replaces the rules by those of @p path and of the *.json files in the schemas/ folder
    /// beside it. On error keeps the previous rules, returns false and describes the problem
    /// as "<file>:<line>: <reason>". A broken schema file is skipped with a warning.
    bool load(const QString &path, QString *error = nullptr);
    QString loadedFile() const { return m_loadedFile; }
    /// Problems met while loading (broken user file, unknown handler, ...), one line each.
    QStringList loadWarnings() const { return m_warnings; }

    void setFasLookup(std::shared_ptr<const FasLookup> fas);
    void setConfigValue(const QString &key, const QString &value);
    void clearConfig();
    /// The clock used by time-dependent schema texts (default: the real UTC clock).
    void setClock(std::function<QDateTime()> clock);
    QDateTime now() const;

    /// Renders any bus's message: AMQP envelopes go through the schema rules, fedmsg ones
    /// through fedmsg.meta's processors.
    Rendering render(const Envelope &envelope) const;
    /// fedmsg.meta on a fedmsg dict {"topic":..., "msg":..., ...}.
    Rendering renderFedmsg(const JsonValue &message) const;
    /// fedora-messaging: schema name (may be empty), topic, body, headers.
    Rendering renderSchema(const QString &schema,
        const QString &topic,
        const JsonValue &body,
        const JsonValue &headers,
        const QString &messageId = {},
        bool baseOnly = false) const;

    /// msg2agent: the processor's agent, else one of the usernames (the smallest), else empty.
    QString agent(const JsonValue &message) const;

    /// The processor fedmsg.meta would pick (never null: falls back to "unhandled").
    const MetaProcessor &processorFor(const QString &topic) const;

    /// Service catalog for a preferences dialog (fedmsg processors and fedora-messaging apps
    /// share entries through serviceName).
    QList<ServiceInfo> services() const;
    /// Looks up a service by its serviceName (catalog key), case-insensitively.
    std::optional<ServiceInfo> service(const QString &serviceName) const;

    const SchemaRenderer &schemaRenderer() const { return *m_schemas; }

private:
    void loadBuiltinAndUser();
    bool loadLayers(const QString &path, const QStringList &schemaDirs, QString *error);
    void addSchemaFile(const QString &path, QStringList *warnings);
    void clear();

    std::vector<std::unique_ptr<MetaProcessor>> m_processors;
    std::unique_ptr<MetaProcessor> m_default;
    std::unique_ptr<SchemaRenderer> m_schemas;
    std::shared_ptr<const FasLookup> m_fas;
    MetaConfig m_config;
    std::function<QDateTime()> m_clock;
    QString m_loadedFile;
    QStringList m_warnings;
};

} // namespace fedmsg
