// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "trust/CryptoContext.h"

#include <openssl/err.h>
#include <openssl/pem.h>

#include <array>
#include <climits>

namespace fedmsg {

OSSL_LIB_CTX *CryptoContext::libctx()
{
    // Never freed: it must outlive every Validator, including static ones.
    // NOLINTNEXTLINE(cppcoreguidelines-avoid-non-const-global-variables): OpenSSL wants it so
    static OSSL_LIB_CTX *ctx = OSSL_LIB_CTX_new();
    return ctx;
}

std::string CryptoContext::lastError(const char *fallback)
{
    std::string out;
    unsigned long code = 0;
    while ((code = ERR_get_error()) != 0) {
        std::array<char, 256> buf {};
        ERR_error_string_n(code, buf.data(), buf.size());
        if (!out.empty())
            out += "; ";
        const char *reason = ERR_reason_error_string(code);
        out += reason ? reason : buf.data();
    }
    return out.empty() ? std::string(fallback) : out;
}

X509Ptr readFirstPemCertificate(std::string_view pem)
{
    if (pem.size() > INT_MAX)
        return nullptr;
    BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    if (!bio)
        return nullptr;
    X509 *x = X509_new_ex(CryptoContext::libctx(), nullptr);
    if (!x)
        return nullptr;
    if (!PEM_read_bio_X509(bio.get(), &x, nullptr, nullptr)) {
        X509_free(x);
        return nullptr;
    }
    return X509Ptr(x);
}

X509CrlPtr readFirstPemCrl(std::string_view pem)
{
    if (pem.size() > INT_MAX)
        return nullptr;
    BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    if (!bio)
        return nullptr;
    X509_CRL *c = X509_CRL_new_ex(CryptoContext::libctx(), nullptr);
    if (!c)
        return nullptr;
    if (!PEM_read_bio_X509_CRL(bio.get(), &c, nullptr, nullptr)) {
        X509_CRL_free(c);
        return nullptr;
    }
    return X509CrlPtr(c);
}

std::optional<std::int64_t> asn1TimeToEpoch(const ASN1_TIME *t)
{
    if (!t)
        return std::nullopt;
    struct tm tm = {};
    if (ASN1_TIME_to_tm(t, &tm) != 1)
        return std::nullopt;
    return static_cast<std::int64_t>(timegm(&tm));
}

std::optional<std::string> firstCommonName(X509 *cert)
{
    const X509_NAME *name = X509_get_subject_name(cert);
    const int idx = X509_NAME_get_index_by_NID(name, NID_commonName, -1);
    if (idx < 0)
        return std::nullopt;
    const ASN1_STRING *data = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, idx));
    unsigned char *utf8 = nullptr;
    const int len = ASN1_STRING_to_UTF8(&utf8, data);
    if (len < 0)
        return std::nullopt;
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): OpenSSL API
    std::string cn(reinterpret_cast<const char *>(utf8), static_cast<std::size_t>(len));
    OPENSSL_free(utf8);
    return cn;
}

} // namespace fedmsg
