// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "demo/DemoBus.h"

#include "trust/Signer.h"
#include "zeromq/Publisher.h"
#include "json/JsonParser.h"

#include <QFile>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcDemo, "fedmsg.demo")

namespace fedmsg {

namespace {
const QString SamplesFile = QStringLiteral(":/fedmsg-notify/demo/fedmsg-envelopes.jsonl");
const QString CaFile = QStringLiteral(":/fedmsg-notify/demo/demo-ca.crt");
const QString CertFile = QStringLiteral(":/fedmsg-notify/demo/demo-publisher.crt");
const QString KeyFile = QStringLiteral(":/fedmsg-notify/demo/demo-publisher.key");
constexpr int DefaultIntervalMs = 6000;
constexpr int FirstMessageDelayMs = 1500;
} // namespace

DemoBus::DemoBus(QObject *parent)
    : QObject(parent)
{
    m_timer.setInterval(DefaultIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &DemoBus::publishNext);
}

DemoBus::~DemoBus() = default;

bool DemoBus::loadSamples(QString *error)
{
    QFile file(SamplesFile);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read %1").arg(SamplesFile);
        return false;
    }
    m_samples.clear();
    int line = 0;
    while (!file.atEnd()) {
        ++line;
        const QByteArray text = file.readLine().trimmed();
        if (text.isEmpty())
            continue;
        JsonParseError parseError;
        auto value = JsonParser::parse(
            std::string_view(text.constData(), std::size_t(text.size())), &parseError);
        if (!value || !(*value)["topic"].isString()) {
            qCWarning(lcDemo) << SamplesFile << "line" << line
                              << "skipped:" << parseError.toString().c_str();
            continue;
        }
        m_samples.push_back(std::move(*value));
    }
    if (m_samples.empty() && error)
        *error = QStringLiteral("no demo messages in %1").arg(SamplesFile);
    return !m_samples.empty();
}

bool DemoBus::start(QString *error)
{
    if (!loadSamples(error))
        return false;
    QString signerError;
    auto signer = Signer::fromFiles(CertFile, KeyFile, {}, &signerError);
    if (!signer) {
        if (error)
            *error = QStringLiteral("demo signing key: %1").arg(signerError);
        return false;
    }
    m_signer = std::make_unique<Signer>(std::move(*signer));
    PublisherOptions options;
    options.mode = PublisherOptions::Mode::Bind;
    options.url = QStringLiteral("tcp://127.0.0.1:*");
    m_publisher = std::make_unique<Publisher>(options);
    if (!m_publisher->open(error)) {
        m_publisher.reset();
        return false;
    }
    m_endpoint = m_publisher->boundEndpoint();
    QTimer::singleShot(FirstMessageDelayMs, this, [this] {
        if (isRunning()) {
            publishNext();
            m_timer.start();
        }
    });
    qCInfo(lcDemo) << "demo bus publishing" << m_samples.size() << "sample messages on"
                   << m_endpoint;
    return true;
}

void DemoBus::stop()
{
    m_timer.stop();
    if (m_publisher)
        m_publisher->close();
    m_publisher.reset();
}

bool DemoBus::isRunning() const
{
    return m_publisher && m_publisher->isOpen();
}

BusConfig DemoBus::busConfig() const
{
    BusConfig bus;
    bus.name = QStringLiteral("demo");
    bus.label = tr("Demo bus");
    bus.note = tr("Sample messages published inside the applet (--demo).");
    bus.transport = BusConfig::Transport::ZeroMq;
    bus.enabled = true;
    bus.endpoints = { BusEndpoint { m_endpoint, {} } };
    bus.trust.validateSignatures = true;
    bus.trust.caLocation = CaFile;
    bus.trust.crlLocation.clear();
    return bus;
}

void DemoBus::publishNext()
{
    if (!isRunning() || m_samples.empty())
        return;
    const JsonValue &sample = m_samples[static_cast<std::size_t>(m_next)];
    m_next = (m_next + 1) % static_cast<int>(m_samples.size());
    JsonValue body = m_publisher->buildEnvelope(sample["topic"].toQString(), sample["msg"]);
    ++m_published;
    const bool sign = m_unsignedEvery <= 0 || m_published % m_unsignedEvery != 0;
    QString error;
    if (sign) {
        auto signedBody = m_signer->sign(body, &error);
        if (!signedBody) {
            Q_EMIT failed(error);
            return;
        }
        body = std::move(*signedBody);
    }
    if (!m_publisher->sendBody(body, &error)) {
        Q_EMIT failed(error);
        return;
    }
    Q_EMIT published(body["topic"].toQString(), sign);
}

} // namespace fedmsg
