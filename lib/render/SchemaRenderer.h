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
 * Schemas are entries of "schemas" arrays (the data file's, and one file per schema package in
 * render/schemas/): templates over the body ({msg.x}), the headers ({env.headers.x}) and the
 * topic, with "extends" to share a base entry. One schema name may be defined by two packages
 * (discourse.event.v1): the fedora_messaging_schema_package header picks between them, else the
 * entry marked "preferred". A later layer replaces an earlier entry of the same name and
 * package (user files override built-in ones). A schema that is not known gets exactly
 * fedora-messaging's base Message rendering, as the Python consumer falls back to it: summary =
 * routing key; url, app name/icon, agent and avatar = None; empty lists; severity from the
 * header (default 20); str = "Id: <message_id>", "Topic: <key>", "Headers: <JSON>", "Body: <JSON>"
 * joined by newlines, each JSON as json.dumps(obj, sort_keys=True, indent=4,
 * separators=(",", ": ")) with ensure_ascii.
 */
class SchemaRenderer
{
public:
    SchemaRenderer();
    ~SchemaRenderer();
    SchemaRenderer(const SchemaRenderer &) = default;
    SchemaRenderer &operator=(const SchemaRenderer &) = default;
    SchemaRenderer(SchemaRenderer &&) = default;
    SchemaRenderer &operator=(SchemaRenderer &&) = default;

    /// Adds the entries of a "schemas" array; @p package is the default "package" of entries
    /// that name none, @p origin names the file in messages appended to *errors.
    void add(
        const JsonValue &spec, const QString &package, const QString &origin, QStringList *errors);
    /// Reports entries that extend an unknown entry (call after the last add()).
    void check(QStringList *errors) const;
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

    /// Python json.dumps(v, sort_keys=True, indent=4, separators=(",", ": ")) (ensure_ascii).
    static QString pythonJsonDump(const JsonValue &v, int indent = 4);
    /// fedora-messaging's user_avatar_url (no hard-coded service icons).
    static QString userAvatarUrl(const QString &username);

private:
    struct Entry
    {
        JsonValue spec;
        QString package;
        bool preferred = false;
    };
    const Entry *entry(const QString &name, const QString &package) const;
    const JsonValue *field(const Entry &entry, const char *key, int depth = 0) const;

    QHash<QString, QList<Entry>> m_entries;
};

} // namespace fedmsg
