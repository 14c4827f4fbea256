// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

// lib/trust: decides whether a fedmsg message is believable (X.509 chain to the bus CA, CRL,
// RSA-SHA1 signature over the Python canonical form, routing policy), and signs messages.
// It never throws, never trusts by default, and never touches sockets or rendering.

#include "trust/TrustConfig.h"
#include "trust/TrustMaterial.h"
#include "trust/ValidationResult.h"
#include "json/JsonValue.h"

#include <QDateTime>

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace fedmsg {

class Envelope;

/**
 * @brief fedmsg.crypto.validate (x509 backend) for one bus configuration.
 *
 * Synchronous. Not thread-safe: each source worker owns its own Validator (they may share one
 * TrustMaterial). Verified signer chains are cached by the certificate's SHA-256 fingerprint, so
 * a stream from one signer costs one RSA verification per message.
 *
 * CA and CRL come from config: local paths are read directly, https:// URLs are read from the
 * copies TrustStore downloads (TrustStore::localPathFor). On a chain failure the material is
 * reloaded once and the check retried, as fedmsg does; for URLs the refresh handler is called
 * so that the owner can ask TrustStore for a new download.
 */
class Validator
{
public:
    explicit Validator(TrustConfig config);
    ~Validator();
    Validator(Validator &&other) noexcept;
    Validator &operator=(Validator &&other) noexcept;
    Validator(const Validator &) = delete;
    Validator &operator=(const Validator &) = delete;

    const TrustConfig &config() const;

    /// Uses this CA/CRL instead of loading config's locations (until reloadMaterial()).
    void setMaterial(std::shared_ptr<const TrustMaterial> material);
    /// The material in use (loads it on first use); nullptr when it cannot be loaded.
    std::shared_ptr<const TrustMaterial> material();
    /// Re-reads the CA/CRL from config's locations. Returns false (and *error) on failure.
    bool reloadMaterial(QString *error = nullptr);
    /// Called (on the validating thread) when remote CA/CRL material should be downloaded again.
    void setRefreshRequestHandler(std::function<void()> handler);

    /// Validates a parsed fedmsg body at config().verifyTime or now.
    ValidationResult validate(const JsonValue &body);
    /// Validates at a given time (archived messages, tests).
    ValidationResult validate(const JsonValue &body, const QDateTime &at);
    /// Validates envelope.body() and stores the result in the envelope. Honors validateSignatures.
    ValidationResult validate(Envelope &envelope);

    struct Stats
    {
        quint64 messages = 0;
        quint64 chainVerifications = 0; ///< full X509_verify_cert runs
        quint64 chainCacheHits = 0;
        quint64 reloads = 0;
    };
    Stats stats() const;
    void clearCache();

    /// fedmsg.crypto.strip_credentials: the body without top-level signature and certificate.
    static JsonValue stripCredentials(const JsonValue &body);
    /// The bytes fedmsg signs: canonical JSON of the body without signature and certificate.
    static std::string signedBytes(const JsonValue &body);
    static void appendSignedBytes(std::string &out, const JsonValue &body);
    /**
     * fedmsg.crypto.utils.fix_datagrepper_message: when both source_name and source_version are
     * present, drop them, drop a falsy headers, and make timestamp int(timestamp).
     * nullopt when Python would raise (timestamp not convertible).
     */
    static std::optional<JsonValue> fixDatagrepperMessage(
        const JsonValue &body, QString *error = nullptr);
    /// fedmsg.crypto.utils.validate_policy: exact topic key, exact signer string.
    static bool validatePolicy(const JsonValue &topic,
        const QString &signer,
        const QMap<QString, QStringList> &routingPolicy,
        bool nitpicky);

private:
    class Private;
    std::unique_ptr<Private> d; // NOLINT(readability-identifier-naming): the d-pointer idiom
};

} // namespace fedmsg
