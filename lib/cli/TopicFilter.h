// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QRegularExpression>
#include <QStringList>

namespace fedmsg {

/**
 * @brief fedmsg-tail's topic filters: prefixes go on the wire (ZMQ SUBSCRIBE), then the
 * --exclude / --include regular expressions are searched (re.search) in the frame-1 topic.
 */
class TopicFilter
{
public:
    /// fedmsg-tail's defaults: exclude "_heartbeat", include everything.
    static QString defaultExclude() { return QStringLiteral("_heartbeat"); }

    TopicFilter() = default;
    /// Returns false with *error when a pattern does not compile.
    bool setExclude(const QString &pattern, QString *error = nullptr);
    bool setInclude(const QString &pattern, QString *error = nullptr);
    void setPrefixes(const QStringList &prefixes) { m_prefixes = prefixes; }
    /// The wire subscriptions (empty list = everything).
    QStringList prefixes() const { return m_prefixes; }

    /// Whether a topic is shown: matches one prefix, not --exclude, and --include.
    bool accepts(const QString &topic) const;

private:
    static bool compile(const QString &pattern, QRegularExpression *out, QString *error);
    QStringList m_prefixes;
    QRegularExpression m_exclude { defaultExclude() };
    QRegularExpression m_include; ///< empty pattern = everything
};

} // namespace fedmsg
