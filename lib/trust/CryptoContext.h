// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

// Internal to lib/trust (includes OpenSSL): the library context every fedmsg crypto operation
// runs in, and RAII holders for OpenSSL objects.

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include <QDateTime>

#include <ctime>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace fedmsg {

/**
 * @brief A private OSSL_LIB_CTX that loads no system configuration.
 *
 * fedmsg signatures are sha1WithRSA over RSA-1024 keys. Crypto policies (RHEL 9 DEFAULT,
 * Fedora FUTURE) forbid SHA-1 signatures in the default library context through openssl.cnf;
 * a fresh context without that config verifies them as plain OpenSSL does.
 */
class CryptoContext
{
public:
    static OSSL_LIB_CTX *libctx();
    /// OpenSSL's error queue as one line (and clears it); fallback when empty.
    static std::string lastError(const char *fallback = "unknown OpenSSL error");
};

struct OsslDeleter
{
    void operator()(X509 *p) const { X509_free(p); }
    void operator()(X509_CRL *p) const { X509_CRL_free(p); }
    void operator()(X509_STORE *p) const { X509_STORE_free(p); }
    void operator()(X509_STORE_CTX *p) const { X509_STORE_CTX_free(p); }
    void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); }
    void operator()(EVP_MD_CTX *p) const { EVP_MD_CTX_free(p); }
    void operator()(BIO *p) const { BIO_free(p); }
};

using X509Ptr = std::unique_ptr<X509, OsslDeleter>;
using X509CrlPtr = std::unique_ptr<X509_CRL, OsslDeleter>;
using X509StorePtr = std::unique_ptr<X509_STORE, OsslDeleter>;
using X509StoreCtxPtr = std::unique_ptr<X509_STORE_CTX, OsslDeleter>;
using EvpPkeyPtr = std::unique_ptr<EVP_PKEY, OsslDeleter>;
using EvpMdCtxPtr = std::unique_ptr<EVP_MD_CTX, OsslDeleter>;
using BioPtr = std::unique_ptr<BIO, OsslDeleter>;

/// First PEM certificate in text (text before it, e.g. an `openssl x509 -text` dump, is skipped).
X509Ptr readFirstPemCertificate(std::string_view pem);
/// First PEM CRL in text.
X509CrlPtr readFirstPemCrl(std::string_view pem);
/// ASN1_TIME as seconds since the epoch (UTC), nullopt when unreadable.
std::optional<std::int64_t> asn1TimeToEpoch(const ASN1_TIME *t);
/// First CN of the subject, nullopt when the subject has none.
std::optional<std::string> firstCommonName(X509 *cert);

} // namespace fedmsg
