// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QDateTime>
#include <QSet>
#include <QString>

#include <memory>
#include <optional>

namespace fedmsg::packages {

/**
 * @brief One package set on disk: `<dir>/<name>.json` = {"format": 1, "source": ..., "key": ...,
 * "fetched": ISO-8601 UTC, "names": [...]}, written atomically.
 *
 * A file whose source or key differ from what is asked (another dist-git URL, another account
 * after a name collision), that cannot be read or is not of this format counts as absent.
 */
class PackageSetCache
{
public:
    struct Entry
    {
        std::shared_ptr<const QSet<QString>> names;
        QDateTime fetched;
    };

    explicit PackageSetCache(QString dir);

    /// The file name of key's set (a Fedora account, '@group', or "installed").
    [[nodiscard]] QString pathFor(const QString &kind, const QString &key) const;
    [[nodiscard]] std::optional<Entry> load(
        const QString &kind, const QString &key, const QString &source) const;
    /// Returns false (and says why in error) when the file could not be written.
    bool save(const QString &kind,
        const QString &key,
        const QString &source,
        const Entry &entry,
        QString *error = nullptr) const;

private:
    QString m_dir;
};

} // namespace fedmsg::packages
