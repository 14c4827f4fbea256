// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "json/JsonValue.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace fedmsg {

/**
 * @brief fedmsg.crypto.sign (x509): RSA PKCS#1 v1.5 SHA-1 over the canonical envelope.
 *
 * Byte-identical to fedmsg: "crypto":"x509" is added before signing, signature and
 * certificate are base64 wrapped at 76 columns with a trailing newline, and the certificate
 * field is base64 of the PEM re-emitted by OpenSSL (any text dump before it is dropped).
 * Thread-safe for concurrent sign() calls (it holds no mutable state).
 */
class Signer
{
public:
    /// Asked for the key's passphrase when the key is encrypted; nullopt = cancel.
    using PassphraseCallback = std::function<std::optional<QByteArray>()>;

    static std::optional<Signer> fromPem(const QByteArray &certificatePem,
        const QByteArray &privateKeyPem,
        const PassphraseCallback &passphrase = {},
        QString *error = nullptr);
    static std::optional<Signer> fromFiles(const QString &certificatePath,
        const QString &privateKeyPath,
        const PassphraseCallback &passphrase = {},
        QString *error = nullptr);

    /// The envelope with crypto, signature and certificate set; nullopt for a non-object.
    std::optional<JsonValue> sign(const JsonValue &envelope, QString *error = nullptr) const;
    /// First CN of the certificate (what routing policies list).
    QString commonName() const;
    /// The certificate as OpenSSL re-emits it (PEM only).
    const std::string &certificatePem() const;

private:
    struct Private;
    explicit Signer(std::shared_ptr<const Private> d);
    std::shared_ptr<const Private> d; // NOLINT(readability-identifier-naming): the d-pointer idiom
};

} // namespace fedmsg
