// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "message/Envelope.h"
#include "render/Rendering.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace fedmsg {

/**
 * @brief Turns envelopes into fedmsg-tail output lines (testable, no I/O).
 *
 * Modes follow the Python tool; the last one chosen wins like there. Without a renderer
 * (Renderer::render in fedmsg-tail; tests give their own) --terse prints "modname.topic -- <short
 * summary>" and --users/--packages use the envelope's own fields (username, msg.agent, msg.user,
 * msg.package...).
 */
class TailFormatter
{
public:
    enum class Mode { Default, Terse, Pretty, ReallyPretty, Json, Query, Gource, Cowsay };
    using RenderHook = std::function<std::optional<Rendering>(const Envelope &)>;

    void setMode(Mode mode) { m_mode = mode; }
    Mode mode() const { return m_mode; }
    void setColor(bool color) { m_color = color; }
    /// "a.b,c.d": dotted paths into the envelope body, printed comma-joined.
    void setQuery(const QString &query)
    {
        m_query = query.split(QLatin1Char(','), Qt::SkipEmptyParts);
    }
    void setRenderHook(RenderHook hook) { m_render = std::move(hook); }
    void setUsers(const QStringList &users) { m_users = users; }
    void setPackages(const QStringList &packages) { m_packages = packages; }

    /// --users / --packages filter; true when the envelope passes.
    bool passesUserPackageFilter(const Envelope &env) const;
    /// The text to print (may span lines for pretty modes; no trailing newline).
    QString format(const Envelope &env) const;
    /// The marker text fedmsg-tail prints in front of an untrusted message.
    static QString untrustedMarker(const Envelope &env);

    // Pieces, public for tests.
    QStringList usersOf(const Envelope &env) const;
    QStringList packagesOf(const Envelope &env) const;
    static QString shortSummary(const Envelope &env);
    static QString query(const JsonValue &body, const QStringList &paths);
    static QString gourceLine(
        const Envelope &env, const QStringList &users, const QStringList &objects);
    static std::string colorJson(const JsonValue &v, bool color, int indent = 2);
    /// The text in cowsay's default cow and speech bubble, wrapped like `cowsay` (-W 40).
    static QString cowsay(const QString &text, int width = 40);

private:
    Mode m_mode = Mode::Default;
    bool m_color = false;
    QStringList m_query;
    QStringList m_users;
    QStringList m_packages;
    RenderHook m_render;
};

} // namespace fedmsg
