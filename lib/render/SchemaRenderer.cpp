// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "render/SchemaRenderer.h"

#include "render/Py.h"

namespace fedmsg {

SchemaRenderer::SchemaRenderer() = default;
SchemaRenderer::~SchemaRenderer() = default;

void SchemaRenderer::load(const JsonValue &spec, QStringList *)
{
    m_spec = spec;
}

void SchemaRenderer::clear()
{
    m_spec = JsonValue();
}

Rendering SchemaRenderer::render(const Input &in) const
{
    Rendering r;
    r.title = in.topic;
    r.fallback = true;
    return r;
}

QStringList SchemaRenderer::knownSchemas() const
{
    return {};
}

QString SchemaRenderer::serviceFor(const QString &, const QString &) const
{
    return {};
}

} // namespace fedmsg
