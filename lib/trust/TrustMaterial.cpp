// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "trust/TrustMaterial.h"

#include "trust/TrustMaterialHandles.h"

#include <QFile>

#include <atomic>

namespace fedmsg {

namespace {

// NOLINTNEXTLINE(cppcoreguidelines-avoid-non-const-global-variables): one counter per process
std::atomic<std::uint64_t> s_nextGeneration { 1 };

QDateTime toDateTime(const std::optional<std::int64_t> &t)
{
    return t ? QDateTime::fromSecsSinceEpoch(*t, Qt::UTC) : QDateTime();
}

bool readFile(const QString &path, QByteArray *out, QString *error, const char *what)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read %1 %2: %3")
                         .arg(QLatin1String(what), path, f.errorString());
        return false;
    }
    *out = f.readAll();
    return true;
}

} // namespace

TrustMaterial::TrustMaterial()
    : m_handles(std::make_unique<Handles>())
    , m_generation(s_nextGeneration.fetch_add(1))
{}

TrustMaterial::~TrustMaterial() = default;

std::shared_ptr<const TrustMaterial> TrustMaterial::fromPem(
    const QByteArray &caPem, const QByteArray &crlPem, QString *error)
{
    std::shared_ptr<TrustMaterial> m(new TrustMaterial());
    m->m_handles->ca = readFirstPemCertificate(
        std::string_view(caPem.constData(), static_cast<std::size_t>(caPem.size())));
    if (!m->m_handles->ca) {
        if (error)
            *error = QStringLiteral("CA file holds no PEM certificate: %1")
                         .arg(QString::fromStdString(CryptoContext::lastError()));
        return nullptr;
    }
    m->m_handles->caNotBefore =
        asn1TimeToEpoch(X509_get0_notBefore(m->m_handles->ca.get())).value_or(0);
    m->m_handles->caNotAfter =
        asn1TimeToEpoch(X509_get0_notAfter(m->m_handles->ca.get())).value_or(0);
    if (!crlPem.isEmpty()) {
        m->m_handles->crl = readFirstPemCrl(
            std::string_view(crlPem.constData(), static_cast<std::size_t>(crlPem.size())));
        if (!m->m_handles->crl) {
            if (error)
                *error = QStringLiteral("CRL file holds no PEM CRL: %1")
                             .arg(QString::fromStdString(CryptoContext::lastError()));
            return nullptr;
        }
        m->m_handles->crlLastUpdate =
            asn1TimeToEpoch(X509_CRL_get0_lastUpdate(m->m_handles->crl.get()));
        m->m_handles->crlNextUpdate =
            asn1TimeToEpoch(X509_CRL_get0_nextUpdate(m->m_handles->crl.get()));
    }
    return m;
}

std::shared_ptr<const TrustMaterial> TrustMaterial::fromFiles(
    const QString &caPath, const QString &crlPath, QString *error)
{
    QByteArray ca;
    QByteArray crl;
    if (!readFile(caPath, &ca, error, "CA certificate"))
        return nullptr;
    if (!crlPath.isEmpty() && !readFile(crlPath, &crl, error, "CRL"))
        return nullptr;
    if (!crlPath.isEmpty() && crl.isEmpty()) {
        if (error)
            *error = QStringLiteral("CRL file %1 is empty").arg(crlPath);
        return nullptr;
    }
    return fromPem(ca, crl, error);
}

bool TrustMaterial::hasCrl() const
{
    return m_handles->crl != nullptr;
}

QString TrustMaterial::caSubject() const
{
    char *s = X509_NAME_oneline(X509_get_subject_name(m_handles->ca.get()), nullptr, 0);
    QString out = s ? QString::fromUtf8(s) : QString();
    OPENSSL_free(s);
    return out;
}

QDateTime TrustMaterial::caNotBefore() const
{
    return QDateTime::fromSecsSinceEpoch(m_handles->caNotBefore, Qt::UTC);
}

QDateTime TrustMaterial::caNotAfter() const
{
    return QDateTime::fromSecsSinceEpoch(m_handles->caNotAfter, Qt::UTC);
}

QDateTime TrustMaterial::crlLastUpdate() const
{
    return toDateTime(m_handles->crlLastUpdate);
}

QDateTime TrustMaterial::crlNextUpdate() const
{
    return toDateTime(m_handles->crlNextUpdate);
}

QDateTime TrustMaterial::crlNextUpdateOf(const QByteArray &crlPem)
{
    X509CrlPtr crl = readFirstPemCrl(
        std::string_view(crlPem.constData(), static_cast<std::size_t>(crlPem.size())));
    if (!crl)
        return {};
    return toDateTime(asn1TimeToEpoch(X509_CRL_get0_nextUpdate(crl.get())));
}

bool TrustMaterial::isPemCrl(const QByteArray &crlPem)
{
    return readFirstPemCrl(
               std::string_view(crlPem.constData(), static_cast<std::size_t>(crlPem.size())))
        != nullptr;
}

} // namespace fedmsg
