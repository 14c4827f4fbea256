// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QHash>
#include <QString>

namespace fedmsg {

/**
 * @brief Maps IRC nicks and e-mail addresses to FAS usernames (fasshim's nick2fas/email2fas).
 * Rendering never touches the network: the default implementation is a local cache that the
 * application may fill (e.g. from a file or a background fasjson query).
 */
class FasLookup
{
public:
    FasLookup() = default;
    virtual ~FasLookup() = default;
    FasLookup(const FasLookup &) = default;
    FasLookup &operator=(const FasLookup &) = default;
    FasLookup(FasLookup &&) = default;
    FasLookup &operator=(FasLookup &&) = default;
    /// Username for an IRC nick; the nick itself on a miss.
    virtual QString nickToFas(const QString &nick) const = 0;
    /// Username for an e-mail; "*@fedoraproject.org" maps to its local part; the e-mail on a miss.
    virtual QString emailToFas(const QString &email) const = 0;
};

/// @brief FasLookup over an in-memory {nick-or-email: username} map.
class FasCache : public FasLookup
{
public:
    FasCache() = default;
    explicit FasCache(QHash<QString, QString> entries)
        : m_entries(std::move(entries))
    {}
    void insert(const QString &key, const QString &username) { m_entries.insert(key, username); }
    void clear() { m_entries.clear(); }
    int size() const { return static_cast<int>(m_entries.size()); }
    QString nickToFas(const QString &nick) const override { return m_entries.value(nick, nick); }
    QString emailToFas(const QString &email) const override
    {
        if (email.endsWith(QLatin1String("@fedoraproject.org")))
            return email.left(email.lastIndexOf(QLatin1Char('@')));
        return m_entries.value(email, email);
    }

private:
    QHash<QString, QString> m_entries;
};

} // namespace fedmsg
