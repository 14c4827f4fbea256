// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "backfill/ArchiveEndpoints.h"
#include "backfill/ArchiveQuery.h"
#include "backfill/BackfillOptions.h"
#include "backfill/BackfillProgress.h"
#include "backfill/BackfillResult.h"
#include "bus/BusConfig.h"
#include "message/Envelope.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <memory>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;

namespace fedmsg {

class Validator;

/**
 * @brief What a bus's archive (datagrepper) kept of a window [since, until], as envelopes.
 *
 * A source of envelopes like lib/bus's Source: it asks the archive's search endpoint page by
 * page (start and end pinned, order=asc, rows_per_page up to 100; the filters from
 * ArchiveQuery), turns
 * each archived message into the envelope a live source would have made (ArchivedEnvelope),
 * validates fedmsg signatures with the bus's trust settings (after fedmsg's datagrepper fix),
 * keeps what the subscriptions take, drops repeats of a msg_id within the run (overlapping
 * pages), and hands each page on, oldest first, through envelopesReceived(). De-duplication
 * against what is stored is History's (one copy per msg_id, the most trusted kept).
 *
 * The endpoint (ArchiveEndpoints): a fedora-messaging bus prefers `<archiveUrl>/v2/search`
 * (datagrepper 1.0 and later; the same query and page, entries in fedora-messaging's own form).
 * Its first page is the probe: an archive that answers it with HTTP 404, 405 or another 4xx,
 * or with a body that is not a search page (not JSON, HTML, cut short, another shape), is an
 * older datagrepper: the same page is asked at `/raw` at once. What the probe found is
 * remembered for the session (per archive URL), so later runs go straight to the right
 * endpoint. After the probe a broken search page is a failed page like any other (retried);
 * a 404 or 405 then (the deployment changed under us) moves the run to /raw at the same page:
 * both endpoints are one query over one pinned window, so the offsets stay the same. A fedmsg
 * bus always asks `/raw`: only its entries keep the certificate and signature.
 *
 * Bounded: the window reaches back at most BackfillOptions::maxAgeMs, and at most
 * maxMessages are handed on (the newest; the older pages are skipped). Never fatal: a page
 * that fails (offline, HTTP 5xx, cut short, not the documented shape, too slow) is reported
 * through problem() and asked again after 1, 2, 4 … s; after maxRetries the run ends Failed,
 * with what came before already handed on. cancel() stops at once; nothing is emitted after it
 * but finished(Cancelled). Runs on the thread that made it (network I/O is asynchronous;
 * validation costs one RSA verification per message).
 * @code
 * auto *backfill = new BackfillClient(bus, this);
 * connect(backfill, &BackfillClient::envelopesReceived, &engine, &Engine::takeEnvelopes);
 * connect(backfill, &BackfillClient::finished, this, &Tray::showCatchUp);
 * backfill->start(lastSeen, QDateTime::currentDateTimeUtc());
 * @endcode
 */
class BackfillClient : public QObject
{
    Q_OBJECT
public:
    explicit BackfillClient(const BusConfig &bus, QObject *parent = nullptr);
    ~BackfillClient() override;
    Q_DISABLE_COPY_MOVE(BackfillClient)

    const BusConfig &bus() const { return m_bus; }
    void setOptions(const BackfillOptions &options) { m_options = options; }
    const BackfillOptions &options() const { return m_options; }
    /// The filters (default: ArchiveQuery::forSubscriptions(bus.topics, bus.transport)).
    void setQuery(const ArchiveQuery &query) { m_query = query; }
    const ArchiveQuery &query() const { return m_query; }
    /// The archive asked (default: bus.archiveUrl).
    void setArchiveUrl(const QString &url) { m_archiveUrl = url; }
    QString archiveUrl() const { return m_archiveUrl; }

    /// Starts fetching [since, until]. Returns false (and *error) when the bus has no archive
    /// URL, the URL is not http(s), the window is empty, or a run is already going.
    bool start(const QDateTime &since, const QDateTime &until, QString *error = nullptr);
    /// Stops now; emits finished(Cancelled) when a run was going.
    void cancel();
    bool isRunning() const { return m_running; }

    /// The URL of one page of the query at the archive's /raw or /v2/search (exposed for tests
    /// and logs).
    static QUrl pageUrl(const QString &archiveUrl,
        const ArchiveQuery &query,
        const QDateTime &since,
        const QDateTime &until,
        int page,
        int rowsPerPage,
        ArchiveEndpoints::Api api = ArchiveEndpoints::Api::Raw);

Q_SIGNALS:
    /// One page's new envelopes, oldest first, validated (trust() set); same contract as
    /// Source::envelopesReceived. Envelope::endpoint() is the archive URL.
    void envelopesReceived(const QList<fedmsg::Envelope> &batch);
    void progress(const fedmsg::BackfillProgress &progress);
    /// A page failed and will be asked again in retryInMs (reason in plain words).
    void problem(const QString &busName, const QString &reason, int retryInMs);
    /// An archived entry that could not become an envelope; the rest of its page still counts.
    void messageDropped(const QString &busName, const QString &endpoint, const QString &reason);
    void finished(const fedmsg::BackfillResult &result);

private:
    void fetch();
    void onReply(QNetworkReply *reply);
    void handlePage(const QByteArray &body);
    /// First page: more than maxMessages in the window -> skip to the newest ones (true when a
    /// later page was asked for instead of this one).
    bool skipToNewest(qint64 total);
    /// One page's entries as envelopes: local filter, repair, validation, repeats left out.
    QList<Envelope> envelopesOf(const std::vector<JsonValue> &archivedMessages, qint64 wireSize);
    /// The same msg_id already handed on in this run, at least as trusted.
    bool isRepeat(const Envelope &envelope);
    void retry(const QString &reason);
    /// The search endpoint is not there (or not usable): remember /raw, ask this page there.
    void fallBackToRaw(const QString &why);
    void finish(BackfillResult::Outcome outcome, const QString &reason = {});

    BusConfig m_bus;
    BackfillOptions m_options;
    ArchiveQuery m_query;
    QString m_archiveUrl;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<Validator> m_validator;
    QPointer<QNetworkReply> m_reply;
    QTimer m_retryTimer;
    QElapsedTimer m_clock;
    BackfillResult m_result;
    QHash<QString, int> m_seen; ///< msg_id -> trust rank of the copy handed on
    bool m_running = false;
    bool m_firstPage = true;
    int m_page = 1;
    int m_pages = 0;
    qint64 m_total = 0;
    int m_skipOnPage = 0; ///< leading messages of the current page left out (maxMessages)
    int m_attempts = 0; ///< failures of the current page
    ArchiveEndpoints::Api m_api = ArchiveEndpoints::Api::Raw;
    bool m_probing = false; ///< asking /v2/search of an archive not known yet
};

} // namespace fedmsg
