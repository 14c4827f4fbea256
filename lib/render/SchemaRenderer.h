// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "render/FasLookup.h"
#include "render/Rendering.h"
#include "json/JsonValue.h"

#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>

namespace fedmsg {

/**
 * @brief fedora-messaging schema rendering: maps a schema name (the fedora_messaging_schema
 * header) to the values the fedora-messaging 3.6 Message API and the schema packages return.
 *
 * Schemas are entries of the data file's "schemas" array: templates over the body ({msg.x}),
 * the headers ({env.headers.x}) and the topic, with "extends" to share a base entry. A schema
 * that is not known gets exactly fedora-messaging's base Message rendering (summary = topic,
 * str = Id/Topic/Headers/Body dump), see docs/fedora-messaging.md §4.2.
 */
class SchemaRenderer
{
public:
    SchemaRenderer();
    ~SchemaRenderer();

    /// Reads the "schemas" section of the data file; problems are appended to *errors.
    void load(const JsonValue &spec, QStringList *errors);
    void clear();

    struct Input
    {
        QString schema;
        QString topic;
        const JsonValue &body;
        const JsonValue &headers;
        QString messageId;
        const FasLookup &fas;
        QDateTime now;
        bool baseOnly = false; ///< render as a consumer without any schema package would
    };
    Rendering render(const Input &in) const;
    /// Schema names known from the data file.
    QStringList knownSchemas() const;
    /// serviceName for a schema, empty when unknown.
    QString serviceFor(const QString &schema) const;

    /// Python json.dumps(v, sort_keys=True, indent=4, separators=(",", ": ")) (ensure_ascii).
    static QString pythonJsonDump(const JsonValue &v, int indent = 4);
    /// fedora-messaging's user_avatar_url (no hard-coded service icons).
    static QString userAvatarUrl(const QString &username);

private:
    const JsonValue *entry(const QString &name) const;
    const JsonValue *field(const JsonValue &entry, const char *key, int depth = 0) const;

    QHash<QString, JsonValue> m_entries;
};

} // namespace fedmsg
