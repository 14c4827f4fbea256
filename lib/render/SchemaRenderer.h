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

#include <functional>

namespace fedmsg {

/**
 * @brief fedora-messaging schema rendering: maps a schema name (or a topic) to the values that
 * the fedora-messaging 3.6 Message API and the schema packages return.
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
        const FasLookup &fas;
        QDateTime now;
    };
    Rendering render(const Input &in) const;
    /// Schema names known from the data file and the native handlers.
    QStringList knownSchemas() const;
    /// serviceName for a schema, empty when unknown.
    QString serviceFor(const QString &schema, const QString &topic) const;

private:
    JsonValue m_spec;
};

} // namespace fedmsg
