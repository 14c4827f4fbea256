// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "render/MetaProcessor.h"

#include "render/Py.h"

namespace fedmsg {

const JsonValue &MetaContext::msg() const
{
    return render::Py::at(env, "msg");
}

QString MetaProcessor::title(const MetaContext &ctx) const
{
    if (ctx.topic.startsWith(QLatin1String("/topic/")))
        return ctx.topic;
    return ctx.topic.split(QLatin1Char('.')).mid(3).join(QLatin1Char('.'));
}

} // namespace fedmsg
