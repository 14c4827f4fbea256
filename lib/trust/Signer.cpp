// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "trust/Signer.h"

#include "trust/Base64.h"
#include "trust/CryptoContext.h"
#include "json/JsonWriter.h"

#include <QFile>

#include <openssl/err.h>
#include <openssl/pem.h>

#include <climits>
#include <cstring>

namespace fedmsg {

struct Signer::Private
{
    X509Ptr certificate;
    EvpPkeyPtr key;
    std::string pem;
    std::string certificateField; // wrap76(base64(pem))
    QString commonName;
};

namespace {

int passphraseTrampoline(char *buf, int size, int /*rwflag*/, void *userdata)
{
    const auto *cb = static_cast<const Signer::PassphraseCallback *>(userdata);
    if (!cb || !*cb)
        return -1; // never fall back to OpenSSL's terminal prompt
    const std::optional<QByteArray> pass = (*cb)();
    if (!pass || pass->size() > size)
        return -1;
    std::memcpy(buf, pass->constData(), static_cast<std::size_t>(pass->size()));
    return static_cast<int>(pass->size());
}

} // namespace

Signer::Signer(std::shared_ptr<const Private> data)
    : d(std::move(data))
{}

std::optional<Signer> Signer::fromPem(const QByteArray &certificatePem,
    const QByteArray &privateKeyPem,
    const PassphraseCallback &passphrase,
    QString *error)
{
    auto fail = [error](const QString &why) -> std::optional<Signer> {
        if (error)
            *error = why;
        ERR_clear_error();
        return std::nullopt;
    };
    auto p = std::make_shared<Private>();
    p->certificate = readFirstPemCertificate(std::string_view(
        certificatePem.constData(), static_cast<std::size_t>(certificatePem.size())));
    if (!p->certificate)
        return fail(QStringLiteral("no PEM certificate: %1")
                        .arg(QString::fromStdString(CryptoContext::lastError())));
    if (privateKeyPem.size() > INT_MAX)
        return fail(QStringLiteral("private key too large"));
    BioPtr bio(BIO_new_mem_buf(privateKeyPem.constData(), static_cast<int>(privateKeyPem.size())));
    p->key.reset(PEM_read_bio_PrivateKey_ex(bio.get(),
        nullptr,
        passphraseTrampoline,
        // NOLINTNEXTLINE(cppcoreguidelines-pro-type-const-cast): OpenSSL wants void *
        const_cast<PassphraseCallback *>(&passphrase),
        CryptoContext::libctx(),
        nullptr));
    if (!p->key)
        return fail(QStringLiteral("cannot read the private key: %1")
                        .arg(QString::fromStdString(CryptoContext::lastError())));
    if (EVP_PKEY_is_a(p->key.get(), "RSA") != 1)
        return fail(QStringLiteral("the private key is not RSA"));
    if (X509_check_private_key(p->certificate.get(), p->key.get()) != 1)
        return fail(QStringLiteral("the private key does not match the certificate"));
    BioPtr out(BIO_new(BIO_s_mem()));
    if (!out || PEM_write_bio_X509(out.get(), p->certificate.get()) != 1)
        return fail(QStringLiteral("cannot write the certificate as PEM"));
    char *data = nullptr;
    const long len = BIO_get_mem_data(out.get(), &data);
    p->pem.assign(data, static_cast<std::size_t>(len));
    p->certificateField = Base64::encodeWrapped76(p->pem);
    p->commonName =
        QString::fromStdString(firstCommonName(p->certificate.get()).value_or(std::string()));
    return Signer(std::move(p));
}

std::optional<Signer> Signer::fromFiles(const QString &certificatePath,
    const QString &privateKeyPath,
    const PassphraseCallback &passphrase,
    QString *error)
{
    QFile cert(certificatePath);
    QFile key(privateKeyPath);
    if (!cert.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read %1: %2").arg(certificatePath, cert.errorString());
        return std::nullopt;
    }
    if (!key.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read %1: %2").arg(privateKeyPath, key.errorString());
        return std::nullopt;
    }
    return fromPem(cert.readAll(), key.readAll(), passphrase, error);
}

std::optional<JsonValue> Signer::sign(const JsonValue &envelope, QString *error) const
{
    if (!envelope.isObject()) {
        if (error)
            *error = QStringLiteral("only a JSON object can be signed");
        return std::nullopt;
    }
    JsonValue m = envelope;
    m.remove("signature");
    m.remove("certificate");
    m.insert("crypto", JsonValue("x509"));
    const std::string data = JsonWriter::canonical(m);
    EvpMdCtxPtr ctx(EVP_MD_CTX_new());
    std::size_t sigLen = 0;
    std::string sig;
    bool ok = ctx
        && EVP_DigestSignInit_ex(
               ctx.get(), nullptr, "SHA1", CryptoContext::libctx(), nullptr, d->key.get(), nullptr)
            == 1
        && EVP_DigestSign(ctx.get(),
               nullptr,
               &sigLen,
               // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): OpenSSL API
               reinterpret_cast<const unsigned char *>(data.data()),
               data.size())
            == 1;
    if (ok) {
        sig.resize(sigLen);
        ok = EVP_DigestSign(ctx.get(),
                 // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): OpenSSL API
                 reinterpret_cast<unsigned char *>(sig.data()),
                 &sigLen,
                 // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): OpenSSL API
                 reinterpret_cast<const unsigned char *>(data.data()),
                 data.size())
            == 1;
        sig.resize(sigLen);
    }
    if (!ok) {
        if (error)
            *error = QStringLiteral("signing failed: %1")
                         .arg(QString::fromStdString(CryptoContext::lastError()));
        return std::nullopt;
    }
    m.insert("signature", JsonValue(Base64::encodeWrapped76(sig)));
    m.insert("certificate", JsonValue(d->certificateField));
    return m;
}

QString Signer::commonName() const
{
    return d->commonName;
}

const std::string &Signer::certificatePem() const
{
    return d->pem;
}

} // namespace fedmsg
