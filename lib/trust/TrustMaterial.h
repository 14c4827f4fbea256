// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>

namespace fedmsg {

/**
 * @brief The trust anchor and revocation list of one bus, loaded and immutable.
 *
 * Only the FIRST certificate of the CA file is used (as fedmsg does; there are no
 * intermediates). Shared read-only between Validators; safe to use from several threads.
 */
class TrustMaterial
{
public:
    ~TrustMaterial();
    TrustMaterial(const TrustMaterial &) = delete;
    TrustMaterial(TrustMaterial &&) = delete;
    TrustMaterial &operator=(TrustMaterial &&) = delete;
    TrustMaterial &operator=(const TrustMaterial &) = delete;

    /// From PEM text. crlPem empty = no CRL checking. On failure nullptr and *error set.
    static std::shared_ptr<const TrustMaterial> fromPem(
        const QByteArray &caPem, const QByteArray &crlPem, QString *error = nullptr);
    /// From local files. crlPath empty = no CRL checking.
    static std::shared_ptr<const TrustMaterial> fromFiles(
        const QString &caPath, const QString &crlPath, QString *error = nullptr);

    bool hasCrl() const;
    QString caSubject() const;
    QDateTime caNotBefore() const;
    QDateTime caNotAfter() const;
    QDateTime crlLastUpdate() const; ///< invalid without a CRL
    QDateTime crlNextUpdate() const; ///< invalid without a CRL or when the CRL has none
    /// Unique per loaded instance; caches keyed on it notice a reload.
    std::uint64_t generation() const { return m_generation; }

    /// Reads the nextUpdate of a PEM CRL without building a TrustMaterial (invalid if unreadable).
    static QDateTime crlNextUpdateOf(const QByteArray &crlPem);
    /// Whether the text holds a readable PEM CRL.
    static bool isPemCrl(const QByteArray &crlPem);

    struct Handles; ///< OpenSSL objects (defined in the .cpp files of lib/trust)
    const Handles &handles() const { return *m_handles; }

private:
    TrustMaterial();
    std::unique_ptr<Handles> m_handles;
    std::uint64_t m_generation = 0;
};

} // namespace fedmsg
