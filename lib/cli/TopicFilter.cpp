// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "cli/TopicFilter.h"

namespace fedmsg {

bool TopicFilter::compile(const QString &pattern, QRegularExpression *out, QString *error)
{
    QRegularExpression re(pattern);
    if (!re.isValid()) {
        if (error)
            *error =
                QStringLiteral("bad regular expression '%1': %2").arg(pattern, re.errorString());
        return false;
    }
    re.optimize();
    *out = re;
    return true;
}

bool TopicFilter::setExclude(const QString &pattern, QString *error)
{
    return compile(pattern, &m_exclude, error);
}

bool TopicFilter::setInclude(const QString &pattern, QString *error)
{
    return compile(pattern, &m_include, error);
}

bool TopicFilter::accepts(const QString &topic) const
{
    if (!m_prefixes.isEmpty()) {
        const bool any = std::any_of(m_prefixes.begin(), m_prefixes.end(), [&](const QString &p) {
            return topic.startsWith(p);
        });
        if (!any)
            return false;
    }
    // An empty --exclude excludes nothing (re.search('') would match everything in Python,
    // but fedmsg-tail treats a falsy exclude as "no exclude").
    if (!m_exclude.pattern().isEmpty() && m_exclude.match(topic).hasMatch())
        return false;
    if (!m_include.pattern().isEmpty() && !m_include.match(topic).hasMatch())
        return false;
    return true;
}

} // namespace fedmsg
