// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "trust/Validator.h"

#include "message/Envelope.h"
#include "trust/Base64.h"
#include "trust/CryptoContext.h"
#include "trust/TrustLocations.h"
#include "trust/TrustLogging.h"
#include "trust/TrustMaterialHandles.h"
#include "json/JsonWriter.h"

#include <QFileInfo>

#include <openssl/err.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <unordered_map>

namespace fedmsg {

namespace {

constexpr std::size_t MaxCachedChains = 1024;
constexpr std::string_view BeginCert = "-----BEGIN CERTIFICATE-----";
constexpr std::string_view BeginX509Cert = "-----BEGIN X509 CERTIFICATE-----";

ValidationResult untrusted(const QString &why, const QString &signer = {})
{
    return { TrustState::Untrusted, QStringLiteral("Untrusted: ") + why, signer };
}

const EVP_MD *sha256()
{
    // NOLINTNEXTLINE(cppcoreguidelines-avoid-non-const-global-variables): OpenSSL wants it so
    static EVP_MD *md = EVP_MD_fetch(CryptoContext::libctx(), "SHA256", nullptr);
    return md;
}

// DER of the first certificate PEM block, decoded without OpenSSL (only for the cache key).
std::optional<std::string> quickDer(std::string_view pem)
{
    std::size_t a = pem.find(BeginCert);
    std::size_t b = pem.find(BeginX509Cert);
    std::size_t start = 0;
    std::size_t headerLen = 0;
    if (a == std::string_view::npos && b == std::string_view::npos)
        return std::nullopt;
    if (b == std::string_view::npos || (a != std::string_view::npos && a < b)) {
        start = a;
        headerLen = BeginCert.size();
    } else {
        start = b;
        headerLen = BeginX509Cert.size();
    }
    const std::size_t bodyStart = start + headerLen;
    const std::size_t end = pem.find("-----END ", bodyStart);
    if (end == std::string_view::npos)
        return std::nullopt;
    const std::string_view body = pem.substr(bodyStart, end - bodyStart);
    if (body.find(':') != std::string_view::npos)
        return std::nullopt; // PEM headers: leave it to OpenSSL
    return Base64::decode(body);
}

std::string fingerprint(std::string_view der)
{
    std::array<unsigned char, EVP_MAX_MD_SIZE> md {};
    unsigned int len = 0;
    if (!sha256() || EVP_Digest(der.data(), der.size(), md.data(), &len, sha256(), nullptr) != 1)
        return {};
    return { md.begin(), md.begin() + len };
}

struct FileStamp
{
    QDateTime modified;
    qint64 size = -1;
    bool exists = false;
    bool operator==(const FileStamp &) const = default;
    static FileStamp of(const QString &path)
    {
        if (path.isEmpty())
            return {};
        const QFileInfo info(path);
        return { info.lastModified(), info.size(), info.exists() };
    }
};

// Python int(f) for a float: truncated; nullopt for inf and nan, where Python raises.
std::optional<JsonValue> pythonIntFromFloat(double d)
{
    if (!std::isfinite(d))
        return std::nullopt;
    const double t = std::trunc(d);
    if (std::fabs(t) < 9.2e18)
        return JsonValue(static_cast<std::int64_t>(t));
    std::array<char, 400> buf {};
    auto res = std::to_chars(buf.data(), buf.data() + buf.size(), t, std::chars_format::fixed, 0);
    return JsonValue::fromIntegerText(
        std::string_view(buf.data(), static_cast<std::size_t>(res.ptr - buf.data())));
}

// Python int(s) for a str: optional whitespace and sign, digits with single "_" between them.
std::optional<JsonValue> pythonIntFromString(std::string_view s)
{
    auto isSpace = [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    };
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    std::string digits;
    if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
        if (s.front() == '-')
            digits.push_back('-');
        s.remove_prefix(1);
    }
    if (s.empty() || s.front() == '_' || s.back() == '_')
        return std::nullopt;
    char prev = 0;
    for (char c : s) {
        if (c == '_') {
            if (prev == '_')
                return std::nullopt;
        } else if (c >= '0' && c <= '9') {
            digits.push_back(c);
        } else {
            return std::nullopt;
        }
        prev = c;
    }
    if (digits.size() > 4300)
        return std::nullopt;
    return JsonValue::fromIntegerText(digits);
}

// Python int(x) for the JSON types; nullopt where Python raises.
std::optional<JsonValue> pythonInt(const JsonValue &v)
{
    switch (v.type()) {
    case JsonValue::Type::Integer:
        return v;
    case JsonValue::Type::Bool:
        return JsonValue(v.toBool() ? 1 : 0);
    case JsonValue::Type::Float:
        return pythonIntFromFloat(v.toDouble());
    case JsonValue::Type::String:
        return pythonIntFromString(v.toStdString());
    default:
        return std::nullopt;
    }
}

} // namespace

struct ChainEntry
{
    EvpPkeyPtr key;
    bool isRsa = false;
    // EVP_DigestVerifyInit_ex(SHA1, key) done once; each message verifies on a copy of it, which
    // skips the per-message algorithm fetches.
    EvpMdCtxPtr verifyTemplate;
    std::optional<std::string> commonName;
    std::int64_t validFrom = 0;
    std::int64_t validTo = 0;
    std::uint64_t generation = 0;
};

class Validator::Private
{
public:
    TrustConfig config;
    std::shared_ptr<const TrustMaterial> material;
    bool injected = false;
    bool loadAttempted = false;
    QString loadError;
    FileStamp caStamp;
    FileStamp crlStamp;
    X509StorePtr store;
    std::uint64_t storeGeneration = 0;
    std::unordered_map<std::string, ChainEntry> cache;
    std::function<void()> refreshHandler;
    Stats stats;
    std::string buffer;
    EvpMdCtxPtr mdctx { EVP_MD_CTX_new() };

    QString caPath() const
    {
        return TrustLocations::localPathFor(TrustLocations::effectiveCaLocation(config.caLocation));
    }
    QString crlPath() const
    {
        return config.crlLocation.isEmpty() ? QString()
                                            : TrustLocations::localPathFor(config.crlLocation);
    }
    bool remote() const
    {
        return TrustLocations::isRemote(TrustLocations::effectiveCaLocation(config.caLocation))
            || TrustLocations::isRemote(config.crlLocation);
    }

    bool load(QString *error)
    {
        loadAttempted = true;
        caStamp = FileStamp::of(caPath());
        crlStamp = FileStamp::of(crlPath());
        QString why;
        auto m = TrustMaterial::fromFiles(caPath(), crlPath(), &why);
        if (!m) {
            if (remote() && (!caStamp.exists || (!crlPath().isEmpty() && !crlStamp.exists)))
                why = QStringLiteral("CA/CRL not downloaded yet (%1)").arg(why);
            loadError = why;
            if (error)
                *error = why;
            qCWarning(lcTrust) << "cannot load trust material:" << why;
            material.reset();
            return false;
        }
        material = std::move(m);
        loadError.clear();
        return true;
    }

    std::shared_ptr<const TrustMaterial> ensureMaterial()
    {
        if (!material && !injected && !loadAttempted)
            load(nullptr);
        return material;
    }

    // fedmsg drops its CA/CRL cache and reloads once after a failure. Re-reading unchanged files
    // gives the same result, so only reload when a file changed; ask for a new download if remote.
    bool reloadAfterFailure()
    {
        if (refreshHandler && (remote() || injected))
            refreshHandler();
        if (injected)
            return false;
        if (material && FileStamp::of(caPath()) == caStamp && FileStamp::of(crlPath()) == crlStamp)
            return false;
        ++stats.reloads;
        const auto before = material;
        load(nullptr);
        return material && material != before;
    }

    X509_STORE *storeFor(const TrustMaterial &m)
    {
        if (store && storeGeneration == m.generation())
            return store.get();
        store.reset(X509_STORE_new());
        if (!store)
            return nullptr;
        X509_STORE_add_cert(store.get(), m.handles().ca.get());
        if (m.handles().crl)
            X509_STORE_add_crl(store.get(), m.handles().crl.get());
        storeGeneration = m.generation();
        return store.get();
    }

    // X509_verify_cert as pyOpenSSL's X509StoreContext does it: only the CA in the store, no
    // purpose, CRL_CHECK|CRL_CHECK_ALL when a CRL is configured, security level 0.
    bool verifyChain(X509 *leaf, const TrustMaterial &m, std::int64_t at, QString *why)
    {
        ++stats.chainVerifications;
        X509_STORE *st = storeFor(m);
        X509StoreCtxPtr ctx(X509_STORE_CTX_new_ex(CryptoContext::libctx(), nullptr));
        if (!st || !ctx || X509_STORE_CTX_init(ctx.get(), st, leaf, nullptr) != 1) {
            *why = QString::fromStdString(
                CryptoContext::lastError("cannot set up certificate verification"));
            return false;
        }
        X509_VERIFY_PARAM *param = X509_STORE_CTX_get0_param(ctx.get());
        X509_VERIFY_PARAM_set_auth_level(param, 0);
        X509_VERIFY_PARAM_set_time(param, static_cast<time_t>(at));
        if (m.handles().crl)
            X509_VERIFY_PARAM_set_flags(param, X509_V_FLAG_CRL_CHECK | X509_V_FLAG_CRL_CHECK_ALL);
        const int rc = X509_verify_cert(ctx.get());
        if (rc == 1)
            return true;
        const int err = X509_STORE_CTX_get_error(ctx.get());
        *why = QStringLiteral("certificate chain: %1")
                   .arg(QString::fromUtf8(X509_verify_cert_error_string(err)));
        ERR_clear_error();
        return false;
    }

    // Exact certificate field text -> fingerprint of the chains verified for it, so a stream
    // from one signer skips the base64/PEM decoding too.
    struct RecentCertificate
    {
        std::string field;
        std::string fingerprint;
    };
    static constexpr std::size_t MaxRecent = 8;
    std::vector<RecentCertificate> recent;
    std::size_t recentNext = 0;

    const ChainEntry *lookupRecent(const std::string &field, std::int64_t at)
    {
        for (const RecentCertificate &r : recent) {
            if (r.field.size() != field.size() || r.field != field)
                continue;
            auto it = cache.find(r.fingerprint);
            if (it != cache.end() && material && it->second.generation == material->generation()
                && at >= it->second.validFrom && at <= it->second.validTo) {
                ++stats.chainCacheHits;
                return &it->second;
            }
            return nullptr;
        }
        return nullptr;
    }

    void remember(const std::string &field, const std::string &fp)
    {
        if (recent.size() < MaxRecent) {
            recent.push_back({ field, fp });
            return;
        }
        recent[recentNext] = { field, fp };
        recentNext = (recentNext + 1) % MaxRecent;
    }

    // Whether the key is RSA and, for RSA, the SHA-1 verify context each message copies.
    static void prepareVerify(ChainEntry &entry)
    {
        entry.isRsa = EVP_PKEY_is_a(entry.key.get(), "RSA") == 1;
        if (entry.isRsa) {
            entry.verifyTemplate.reset(EVP_MD_CTX_new());
            if (entry.verifyTemplate
                && EVP_DigestVerifyInit_ex(entry.verifyTemplate.get(),
                       nullptr,
                       "SHA1",
                       CryptoContext::libctx(),
                       nullptr,
                       entry.key.get(),
                       nullptr)
                    != 1)
                entry.verifyTemplate.reset();
            ERR_clear_error();
        }
    }

    // The chain for a message's certificate field (base64 of a PEM): from the recent fields,
    // else decoded, verified and remembered. Null with *why when it does not chain to the CA.
    const ChainEntry *chainForField(const std::string &field, std::int64_t at, QString *why)
    {
        if (const ChainEntry *chain = lookupRecent(field, at))
            return chain;
        std::string b64Error;
        const auto certPem = Base64::decode(field, &b64Error);
        if (!certPem) {
            *why = QStringLiteral("certificate is not base64 (%1)")
                       .arg(QString::fromStdString(b64Error));
            return nullptr;
        }
        std::string fp;
        const ChainEntry *chain = chainFor(*certPem, at, why, &fp);
        if (chain && !fp.empty())
            remember(field, fp);
        return chain;
    }

    const ChainEntry *chainFor(
        std::string_view pem, std::int64_t at, QString *why, std::string *cachedFp)
    {
        const std::optional<std::string> der = quickDer(pem);
        std::string fp;
        if (der) {
            fp = fingerprint(*der);
            auto it = cache.find(fp);
            if (it != cache.end() && material && it->second.generation == material->generation()
                && at >= it->second.validFrom && at <= it->second.validTo) {
                ++stats.chainCacheHits;
                return &it->second;
            }
        }
        auto m = ensureMaterial();
        if (!m) {
            reloadAfterFailure();
            m = material;
            if (!m) {
                *why = QStringLiteral("no CA certificate: %1")
                           .arg(loadError.isEmpty() ? QStringLiteral("not loaded") : loadError);
                return nullptr;
            }
        }
        X509Ptr leaf = readFirstPemCertificate(pem);
        if (!leaf) {
            *why = QStringLiteral("certificate field is not a PEM certificate (%1)")
                       .arg(QString::fromStdString(CryptoContext::lastError()));
            return nullptr;
        }
        if (!verifyChain(leaf.get(), *m, at, why)) {
            if (!reloadAfterFailure())
                return nullptr;
            m = material;
            if (!verifyChain(leaf.get(), *m, at, why))
                return nullptr;
        }
        ChainEntry entry;
        entry.key.reset(X509_get_pubkey(leaf.get()));
        if (!entry.key) {
            *why = QStringLiteral("certificate has no usable public key");
            return nullptr;
        }
        prepareVerify(entry);
        entry.commonName = firstCommonName(leaf.get());
        entry.generation = m->generation();
        // OpenSSL: valid from notBefore/lastUpdate inclusive, expired AT notAfter/nextUpdate.
        const auto &h = m->handles();
        std::int64_t from =
            std::max(asn1TimeToEpoch(X509_get0_notBefore(leaf.get())).value_or(at), h.caNotBefore);
        std::int64_t to =
            std::min(asn1TimeToEpoch(X509_get0_notAfter(leaf.get())).value_or(at), h.caNotAfter);
        if (h.crl) {
            from = std::max(from, h.crlLastUpdate.value_or(at));
            if (h.crlNextUpdate)
                to = std::min(to, *h.crlNextUpdate);
        }
        entry.validFrom = std::min(from, at);
        entry.validTo = std::max(to - 1, at);
        // Cache only when the quick DER is what OpenSSL parsed, so the key names this certificate.
        bool cacheable = false;
        if (der) {
            unsigned char *buf = nullptr;
            const int len = i2d_X509(leaf.get(), &buf);
            cacheable = len > 0
                && std::string_view(
                       // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): OpenSSL API
                       reinterpret_cast<const char *>(buf),
                       static_cast<std::size_t>(len))
                    == *der;
            OPENSSL_free(buf);
        }
        if (!cacheable) {
            scratch = std::move(entry);
            return &scratch;
        }
        if (cache.size() >= MaxCachedChains)
            cache.clear();
        auto [it, inserted] = cache.insert_or_assign(fp, std::move(entry));
        *cachedFp = fp;
        return &it->second;
    }

    bool verifySignature(const ChainEntry &chain, const std::string &sig, const std::string &data)
    {
        if (!mdctx)
            mdctx.reset(EVP_MD_CTX_new());
        if (!mdctx || !chain.verifyTemplate)
            return false;
        const bool ok = EVP_MD_CTX_copy_ex(mdctx.get(), chain.verifyTemplate.get()) == 1
            && EVP_DigestVerify(mdctx.get(),
                   // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): OpenSSL API
                   reinterpret_cast<const unsigned char *>(sig.data()),
                   sig.size(),
                   // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): OpenSSL API
                   reinterpret_cast<const unsigned char *>(data.data()),
                   data.size())
                == 1;
        ERR_clear_error();
        return ok;
    }

    ChainEntry scratch;
};

Validator::Validator(TrustConfig config)
    : d(std::make_unique<Private>())
{
    d->config = std::move(config);
}

Validator::~Validator() = default;
Validator::Validator(Validator &&other) noexcept = default;
Validator &Validator::operator=(Validator &&other) noexcept = default;

const TrustConfig &Validator::config() const
{
    return d->config;
}

void Validator::setMaterial(std::shared_ptr<const TrustMaterial> material)
{
    d->material = std::move(material);
    d->injected = d->material != nullptr;
    d->loadAttempted = true;
}

std::shared_ptr<const TrustMaterial> Validator::material()
{
    return d->ensureMaterial();
}

bool Validator::reloadMaterial(QString *error)
{
    d->injected = false;
    ++d->stats.reloads;
    return d->load(error);
}

void Validator::setRefreshRequestHandler(std::function<void()> handler)
{
    d->refreshHandler = std::move(handler);
}

ValidationResult Validator::validate(const JsonValue &body)
{
    const QDateTime at = d->config.verifyTime.value_or(QDateTime::currentDateTimeUtc());
    return validate(body, at);
}

ValidationResult Validator::validate(Envelope &envelope)
{
    ValidationResult r;
    if (!d->config.validateSignatures)
        r = { TrustState::Unchecked,
            QStringLiteral("Unchecked: signature validation is off for this bus"),
            {} };
    else
        r = validate(envelope.body());
    envelope.setTrust(r.state, r.reason);
    return r;
}

namespace {

// Why fedmsg.crypto.validate would not go on to the X.509 check: empty when it would.
QString backendProblem(const JsonValue &m, const QStringList &allowed)
{
    QString backend;
    if (const JsonValue *c = m.find("crypto")) {
        if (!c->isString() || (c->toStdString() != "x509" && c->toStdString() != "gpg"))
            return QStringLiteral("unknown crypto backend");
        backend = c->toQString();
    } else if (m.contains("certificate")) {
        backend = QStringLiteral("x509");
    } else if (m.contains("signature")) {
        backend = QStringLiteral("gpg");
    } else {
        return QStringLiteral("message is not signed");
    }
    if (!allowed.contains(backend))
        return QStringLiteral("crypto backend %1 is not allowed").arg(backend);
    if (backend != QLatin1String("x509"))
        return QStringLiteral("gpg signatures are not supported");
    return {};
}

} // namespace

ValidationResult Validator::validate(const JsonValue &body, const QDateTime &at)
{
    ++d->stats.messages;
    if (!body.isObject())
        return untrusted(QStringLiteral("message is not a JSON object"));
    std::optional<JsonValue> fixed;
    const JsonValue *msg = &body;
    if (d->config.fixDatagrepperMessage) {
        QString why;
        fixed = fixDatagrepperMessage(body, &why);
        if (!fixed)
            return untrusted(why);
        msg = &*fixed;
    }
    const JsonValue &m = *msg;

    // 1. Backend (fedmsg.crypto.validate).
    if (const QString why = backendProblem(m, d->config.cryptoValidateBackends); !why.isEmpty())
        return untrusted(why);

    // 2. Fields (x509_ng.validate).
    const JsonValue *sigField = m.find("signature");
    const JsonValue *certField = m.find("certificate");
    if (!sigField)
        return untrusted(QStringLiteral("no signature field"));
    if (!certField)
        return untrusted(QStringLiteral("no certificate field"));
    if (!sigField->isString() || !certField->isString())
        return untrusted(QStringLiteral("signature or certificate is not a string"));
    std::string b64Error;
    const auto signature = Base64::decode(sigField->toStdString(), &b64Error);
    if (!signature)
        return untrusted(
            QStringLiteral("signature is not base64 (%1)").arg(QString::fromStdString(b64Error)));
    // 3. Chain to the CA (cached per certificate).
    const std::int64_t atSecs = at.toSecsSinceEpoch();
    QString chainWhy;
    const ChainEntry *chain = d->chainForField(certField->toStdString(), atSecs, &chainWhy);
    if (!chain)
        return untrusted(chainWhy);
    const QString signer =
        chain->commonName ? QString::fromStdString(*chain->commonName) : QString();

    // 4. RSA PKCS#1 v1.5 SHA-1 over the canonical form without signature and certificate.
    if (!chain->isRsa)
        return untrusted(QStringLiteral("signing key is not RSA"), signer);
    d->buffer.clear();
    appendSignedBytes(d->buffer, m);
    if (!d->verifySignature(*chain, *signature, d->buffer))
        return untrusted(QStringLiteral("signature does not match the message"), signer);

    // 5. Routing policy.
    if (!chain->commonName)
        return untrusted(QStringLiteral("signing certificate has no common name"));
    const JsonValue &topic = m["topic"];
    if (!validatePolicy(topic, signer, d->config.routingPolicy, d->config.routingNitpicky)) {
        if (topic.isString() && d->config.routingPolicy.contains(topic.toQString()))
            return untrusted(QStringLiteral("%1 may not publish on %2 (routing policy)")
                                 .arg(signer, topic.toQString()),
                signer);
        return untrusted(QStringLiteral("topic is not in the routing policy (nitpicky)"), signer);
    }
    return { TrustState::Trusted, QStringLiteral("Trusted"), signer };
}

Validator::Stats Validator::stats() const
{
    return d->stats;
}

void Validator::clearCache()
{
    d->cache.clear();
}

JsonValue Validator::stripCredentials(const JsonValue &body)
{
    JsonValue copy = body;
    if (copy.isObject()) {
        copy.remove("signature");
        copy.remove("certificate");
    }
    return copy;
}

void Validator::appendSignedBytes(std::string &out, const JsonValue &body)
{
    if (!body.isObject()) {
        JsonWriter::appendCanonical(out, body);
        return;
    }
    out.push_back('{');
    bool first = true;
    for (const JsonValue::Member &member : body.object()) {
        if (member.first == "signature" || member.first == "certificate")
            continue;
        if (!first)
            out.push_back(',');
        first = false;
        JsonWriter::appendCanonicalString(out, member.first);
        out.push_back(':');
        JsonWriter::appendCanonical(out, member.second);
    }
    out.push_back('}');
}

std::string Validator::signedBytes(const JsonValue &body)
{
    std::string out;
    appendSignedBytes(out, body);
    return out;
}

std::optional<JsonValue> Validator::fixDatagrepperMessage(const JsonValue &body, QString *error)
{
    if (!body.contains("source_name") || !body.contains("source_version"))
        return body;
    JsonValue m = body;
    m.remove("source_name");
    m.remove("source_version");
    if (const JsonValue *h = m.find("headers"); h && !h->pythonTruth())
        m.remove("headers");
    if (const JsonValue *t = m.find("timestamp")) {
        auto asInt = pythonInt(*t);
        if (!asInt) {
            if (error)
                *error = QStringLiteral("timestamp cannot be made an integer (datagrepper fix)");
            return std::nullopt;
        }
        m.insert("timestamp", std::move(*asInt));
    }
    return m;
}

bool Validator::validatePolicy(const JsonValue &topic,
    const QString &signer,
    const QMap<QString, QStringList> &routingPolicy,
    bool nitpicky)
{
    if (topic.isArray() || topic.isObject())
        return false; // unhashable: Python raises
    if (topic.isString()) {
        const QString t = topic.toQString();
        // A topic with a lone surrogate cannot equal any configured key.
        if (JsonValue(t).toStdString() == topic.toStdString()) {
            auto it = routingPolicy.constFind(t);
            if (it != routingPolicy.constEnd())
                return it->contains(signer);
        }
    }
    return !nitpicky;
}

} // namespace fedmsg
