// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "backfill/BackfillClient.h"

#include "backfill/ArchivePage.h"
#include "backfill/ArchivedEnvelope.h"
#include "trust/Validator.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <algorithm>
#include <utility>

namespace fedmsg {

namespace {

Q_LOGGING_CATEGORY(lcBackfill, "fedmsg.backfill")

} // namespace

BackfillClient::BackfillClient(const BusConfig &bus, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
    , m_query(ArchiveQuery::forSubscriptions(bus.topics, bus.transport))
    , m_archiveUrl(bus.archiveUrl)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &BackfillClient::fetch);
}

BackfillClient::~BackfillClient()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

QUrl BackfillClient::pageUrl(const QString &archiveUrl,
    const ArchiveQuery &query,
    const QDateTime &since,
    const QDateTime &until,
    int page,
    int rowsPerPage,
    ArchiveEndpoints::Api api)
{
    QUrl url(archiveUrl);
    QString path = url.path();
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    // The same arguments at both endpoints (datagrepper datagrepper/app.py: one handler, raw(),
    // routed from /raw and /v2/search).
    url.setPath(path + ArchiveEndpoints::path(api));
    url.setQuery(query.urlQuery(since, until, page, rowsPerPage));
    return url;
}

bool BackfillClient::start(const QDateTime &since, const QDateTime &until, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (m_running)
        return fail(QStringLiteral("a backfill of bus %1 is already running").arg(m_bus.name));
    const QUrl base(m_archiveUrl);
    if (m_archiveUrl.isEmpty())
        return fail(QStringLiteral("bus %1 has no archive URL").arg(m_bus.name));
    if (!base.isValid()
        || (base.scheme() != QLatin1String("http") && base.scheme() != QLatin1String("https")))
        return fail(QStringLiteral("the archive URL %1 is not an http(s) URL").arg(m_archiveUrl));
    m_result = BackfillResult {};
    m_result.busName = m_bus.name;
    m_result.until = until.toUTC();
    const QDateTime oldest = m_result.until.addMSecs(-m_options.maxAgeMs);
    m_result.since = since.toUTC();
    if (!m_result.since.isValid() || m_result.since < oldest) {
        m_result.since = oldest;
        m_result.sinceClamped = true;
    }
    if (m_result.since >= m_result.until)
        return fail(QStringLiteral("the window to catch up on is empty"));
    if (!m_network)
        m_network = std::make_unique<QNetworkAccessManager>();
    if (m_bus.transport == BusConfig::Transport::ZeroMq && m_bus.trust.validateSignatures) {
        TrustConfig trust = m_bus.trust;
        trust.fixDatagrepperMessage = true; // harmless: the bodies are already repaired
        m_validator = std::make_unique<Validator>(trust);
    } else {
        m_validator.reset();
    }
    m_seen.clear();
    m_running = true;
    m_firstPage = true;
    m_page = 1;
    m_pages = 0;
    m_total = 0;
    m_skipOnPage = 0;
    m_attempts = 0;
    m_probing = false;
    if (m_bus.transport != BusConfig::Transport::Amqp) {
        m_api = ArchiveEndpoints::Api::Raw;
        qCDebug(lcBackfill).noquote()
            << "bus" << m_bus.name
            << ": a fedmsg bus asks /raw (/v2/search entries carry no fedmsg signature)";
    } else if (const std::optional<ArchiveEndpoints::Api> known =
                   ArchiveEndpoints::known(m_archiveUrl)) {
        m_api = *known;
        qCDebug(lcBackfill).noquote()
            << "bus" << m_bus.name << ": the archive" << m_archiveUrl << "was found to offer"
            << (u'/' + ArchiveEndpoints::path(m_api)) << "this session";
    } else {
        m_api = ArchiveEndpoints::Api::Search;
        m_probing = true;
    }
    m_result.endpoint = ArchiveEndpoints::path(m_api);
    m_clock.start();
    qCInfo(lcBackfill).noquote() << "catching up on bus" << m_bus.name << "from"
                                 << m_result.since.toString(Qt::ISODate) << "to"
                                 << m_result.until.toString(Qt::ISODate) << "at" << m_archiveUrl
                                 << (u'/' + m_result.endpoint);
    fetch();
    return true;
}

void BackfillClient::cancel()
{
    if (!m_running)
        return;
    m_retryTimer.stop();
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    finish(BackfillResult::Outcome::Cancelled);
}

void BackfillClient::fetch()
{
    if (!m_running)
        return;
    const int rows = std::clamp(m_options.rowsPerPage, 1, 100);
    QNetworkRequest request(
        pageUrl(m_archiveUrl, m_query, m_result.since, m_result.until, m_page, rows, m_api));
    // datagrepper answers HTML to a browser's Accept (request_wants_html()).
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(m_options.pageTimeoutMs);
    QNetworkReply *reply = m_network->get(request);
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        onReply(reply);
    });
}

void BackfillClient::onReply(QNetworkReply *reply)
{
    reply->deleteLater();
    if (reply != m_reply || !m_running)
        return;
    m_reply = nullptr;
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int status = statusAttribute.isValid() ? statusAttribute.toInt() : 0;
    if (status >= 500) {
        retry(QStringLiteral("the archive answered HTTP %1").arg(status));
        return;
    }
    if (m_api == ArchiveEndpoints::Api::Search
        && (status == 404 || status == 405 || (m_probing && status >= 400))) {
        // No /v2/search here (an older datagrepper, or a proxy that does not pass it on).
        fallBackToRaw(QStringLiteral("it answered HTTP %1").arg(status));
        return;
    }
    if (status >= 400) {
        // The query itself is refused (datagrepper: 400 for bad arguments): asking again
        // would be refused again.
        finish(BackfillResult::Outcome::Failed,
            QStringLiteral("the archive refused the query: HTTP %1").arg(status));
        return;
    }
    if (reply->error() != QNetworkReply::NoError) {
        const QString why = reply->error() == QNetworkReply::OperationCanceledError
            ? QStringLiteral("no answer within %1 s").arg(m_options.pageTimeoutMs / 1000.0)
            : reply->errorString();
        retry(QStringLiteral("cannot reach the archive: %1").arg(why));
        return;
    }
    handlePage(reply->readAll());
}

void BackfillClient::handlePage(const QByteArray &body)
{
    QString error;
    std::optional<ArchivePage> page = ArchivePage::parse(body, &error);
    if (!page && m_probing) {
        // Whatever answered the probe is not the search endpoint we know (an HTML page, another
        // application's JSON, a page cut short): /raw, the endpoint every datagrepper has.
        fallBackToRaw(error);
        return;
    }
    if (!page) {
        retry(error);
        return;
    }
    if (m_probing) {
        m_probing = false;
        ArchiveEndpoints::remember(m_archiveUrl, ArchiveEndpoints::Api::Search);
        qCDebug(lcBackfill).noquote() << "bus" << m_bus.name << ": the archive" << m_archiveUrl
                                      << "offers /v2/search; using it this session";
    }
    m_attempts = 0;
    m_pages = page->pages;
    m_total = page->total;
    if (m_firstPage) {
        m_firstPage = false;
        if (skipToNewest(page->total))
            return;
    }
    const qint64 wireSize =
        page->messages.empty() ? 0 : qint64(body.size()) / qint64(page->messages.size());
    const QList<Envelope> batch = envelopesOf(page->messages, wireSize);
    m_result.messages += int(batch.size());
    const QPointer<BackfillClient> self(this);
    if (!batch.isEmpty())
        Q_EMIT envelopesReceived(batch);
    if (!self || !m_running)
        return; // a receiver cancelled or deleted us
    Q_EMIT progress(BackfillProgress { m_bus.name, m_page, m_pages, m_result.messages, m_total });
    if (!self || !m_running)
        return;
    if (m_page >= m_pages || m_result.messages >= m_options.maxMessages) {
        finish(BackfillResult::Outcome::Complete);
        return;
    }
    ++m_page;
    fetch();
}

bool BackfillClient::skipToNewest(qint64 total)
{
    if (total <= m_options.maxMessages)
        return false;
    // Keep the newest maxMessages: skip to the page holding the first of them.
    const int rows = std::clamp(m_options.rowsPerPage, 1, 100);
    const qint64 first = total - m_options.maxMessages;
    m_result.skipped = first;
    const int firstPage = int(first / rows) + 1;
    m_skipOnPage = int(first % rows);
    qCInfo(lcBackfill) << "bus" << m_bus.name << ":" << total << "archived messages, the oldest"
                       << first << "left out";
    if (firstPage == 1)
        return false;
    m_page = firstPage;
    fetch();
    return true;
}

QList<Envelope> BackfillClient::envelopesOf(
    const std::vector<JsonValue> &archivedMessages, qint64 wireSize)
{
    QList<Envelope> batch;
    const auto skip = std::exchange(m_skipOnPage, 0);
    for (std::size_t i = std::size_t(std::max(0, skip)); i < archivedMessages.size(); ++i) {
        if (m_result.messages + batch.size() >= m_options.maxMessages)
            break;
        const JsonValue &archived = archivedMessages[i];
        // What the subscriptions do not take is left before any copy is made of it.
        if (const JsonValue *topic = archived.find("topic");
            topic != nullptr && topic->isString() && !m_query.accepts(topic->toQString())) {
            ++m_result.filtered;
            continue;
        }
        QString why;
        std::optional<Envelope> env = m_api == ArchiveEndpoints::Api::Search
            ? ArchivedEnvelope::fromSearch(archived, m_bus, m_archiveUrl, &why)
            : ArchivedEnvelope::fromArchive(archived, m_bus, m_archiveUrl, &why);
        if (!env) {
            ++m_result.dropped;
            Q_EMIT messageDropped(m_bus.name, m_archiveUrl, why);
            continue;
        }
        env->setWireSize(wireSize);
        if (env->transport() == Envelope::Transport::ZeroMq) {
            if (m_validator)
                m_validator->validate(*env);
            else
                env->setTrust(TrustState::Unchecked);
        }
        if (isRepeat(*env)) {
            ++m_result.duplicates;
            continue;
        }
        batch.append(std::move(*env));
    }
    return batch;
}

bool BackfillClient::isRepeat(const Envelope &envelope)
{
    const QString id = envelope.msgId();
    if (id.isEmpty())
        return false;
    const int rank = trustRank(envelope.trust());
    const auto seen = m_seen.constFind(id);
    if (seen != m_seen.cend() && *seen >= rank)
        return true;
    m_seen.insert(id, rank);
    return false;
}

void BackfillClient::retry(const QString &reason)
{
    ++m_attempts;
    if (m_attempts > m_options.maxRetries) {
        finish(BackfillResult::Outcome::Failed,
            QStringLiteral("%1 (page %2, gave up after %3 tries)")
                .arg(reason)
                .arg(m_page)
                .arg(m_attempts));
        return;
    }
    ++m_result.retries;
    qint64 delay = std::max(0, m_options.retryDelayMs);
    for (int i = 1; i < m_attempts && delay < m_options.maxRetryDelayMs; ++i)
        delay *= 2;
    delay = std::min<qint64>(delay, m_options.maxRetryDelayMs);
    qCWarning(lcBackfill).noquote() << "bus" << m_bus.name << ": page" << m_page << ":" << reason
                                    << "; asking again in" << delay << "ms";
    m_retryTimer.start(int(delay));
    Q_EMIT problem(m_bus.name, reason, int(delay));
}

void BackfillClient::fallBackToRaw(const QString &why)
{
    qCDebug(lcBackfill).noquote() << "bus" << m_bus.name << ": the archive" << m_archiveUrl
                                  << QStringLiteral(
                                         "has no usable /v2/search (%1); asking /raw instead, "
                                         "this session")
                                         .arg(why);
    m_probing = false;
    m_api = ArchiveEndpoints::Api::Raw;
    m_result.endpoint = ArchiveEndpoints::path(m_api);
    ArchiveEndpoints::remember(m_archiveUrl, m_api);
    fetch();
}

void BackfillClient::finish(BackfillResult::Outcome outcome, const QString &reason)
{
    m_running = false;
    m_retryTimer.stop();
    m_result.outcome = outcome;
    m_result.reason = reason;
    m_result.elapsedMs = m_clock.elapsed();
    m_validator.reset();
    if (outcome == BackfillResult::Outcome::Failed)
        qCWarning(lcBackfill).noquote() << "bus" << m_bus.name << ": catching up failed:" << reason;
    else
        qCInfo(lcBackfill) << "bus" << m_bus.name << ":" << m_result.messages
                           << "messages caught up in" << m_result.elapsedMs << "ms";
    Q_EMIT finished(m_result);
}

} // namespace fedmsg
