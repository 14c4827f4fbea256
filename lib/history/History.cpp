// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "history/History.h"

#include "history/HistoryInbox.h"
#include "history/HistoryLogging.h"
#include "history/HistoryReader.h"
#include "history/HistoryWriter.h"

#include <QThread>

#include <utility>

namespace fedmsg {

History::History(QObject *parent)
    : History(HistoryOptions(), parent)
{}

History::History(HistoryOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    qRegisterMetaType<fedmsg::StoreResult>();
    qRegisterMetaType<QList<fedmsg::StoreResult>>();
    qRegisterMetaType<QList<qint64>>();
    if (m_options.databasePath.isEmpty())
        m_options.databasePath = HistoryOptions::defaultDatabasePath();

    m_inbox = std::make_shared<HistoryInbox>(m_options.maxQueued, m_options.maxQueuedBytes);
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("fedmsg-history-writer"));
    m_writer = new HistoryWriter(m_options);
    m_writer->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_writer, &QObject::deleteLater);

    connect(m_writer, &HistoryWriter::ready, this, [this] {
        m_ready = true;
        m_reader.reset(); // a replaced file needs a new read connection
        Q_EMIT ready();
    });
    connect(m_writer, &HistoryWriter::assigned, this, &History::assigned);
    connect(m_writer, &HistoryWriter::stored, this, &History::stored);
    connect(m_writer,
        &HistoryWriter::storingChanged,
        this,
        [this](bool storing, const QString &reason) {
            m_storing = storing;
            m_reason = reason;
            Q_EMIT storingChanged(storing, reason);
        });
    connect(m_writer, &HistoryWriter::updated, this, &History::updated);
    connect(m_writer, &HistoryWriter::pruned, this, &History::pruned);
    connect(m_writer, &HistoryWriter::cleared, this, &History::cleared);
    connect(m_writer,
        &HistoryWriter::databaseReset,
        this,
        [this](const QString &movedTo, const QString &reason) {
            m_ready = false;
            m_reader.reset();
            Q_EMIT databaseReset(movedTo, reason);
        });

    m_thread->start();
    HistoryWriter *writer = m_writer;
    QMetaObject::invokeMethod(
        writer,
        [writer] {
            writer->open();
        },
        Qt::QueuedConnection);
}

History::~History()
{
    m_reader.reset();
    HistoryWriter *writer = m_writer;
    QMetaObject::invokeMethod(
        writer,
        [writer, inbox = m_inbox] {
            writer->enqueue(inbox->take());
            writer->shutdown();
        },
        Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

void History::store(const QList<HistoryRecord> &records)
{
    if (records.isEmpty())
        return;
    HistoryWriter *writer = m_writer;
    std::shared_ptr<HistoryInbox> inbox = m_inbox;
    // Blocks while maxQueued records wait for the writer (backpressure, at most about one
    // transaction long); the writer is woken once per batch of puts.
    const int waits = m_inbox->put(records, [writer, inbox] {
        QMetaObject::invokeMethod(
            writer,
            [writer, inbox] {
                writer->enqueue(inbox->take());
            },
            Qt::QueuedConnection);
    });
    if (waits > 0) {
        m_inputWaits += static_cast<quint64>(waits);
        qCDebug(lcHistory) << "history input queue full (" << m_inbox->maxRecords()
                           << "records): store() waited" << waits << "times;" << m_inputWaits
                           << "since start";
    }
}

qsizetype History::inputQueuePeak() const
{
    return m_inbox->peak();
}

void History::store(const HistoryRecord &record)
{
    store(QList<HistoryRecord> { record });
}

void History::markRead(const QList<qint64> &ids, bool read)
{
    HistoryWriter *writer = m_writer;
    QMetaObject::invokeMethod(
        writer,
        [writer, ids, read] {
            writer->markRead(ids, read);
        },
        Qt::QueuedConnection);
}

void History::markAllRead()
{
    HistoryWriter *writer = m_writer;
    QMetaObject::invokeMethod(
        writer,
        [writer] {
            writer->markAllRead();
        },
        Qt::QueuedConnection);
}

void History::clear()
{
    HistoryWriter *writer = m_writer;
    QMetaObject::invokeMethod(
        writer,
        [writer] {
            writer->clearAll();
        },
        Qt::QueuedConnection);
}

void History::setDecision(qint64 id, const QString &decision, const QString &rule)
{
    HistoryWriter *writer = m_writer;
    QMetaObject::invokeMethod(
        writer,
        [writer, id, decision, rule] {
            writer->setDecision(id, decision, rule);
        },
        Qt::QueuedConnection);
}

void History::setRetention(std::chrono::seconds maxAge, qint64 maxCount)
{
    setLimits(maxAge, maxCount, m_options.maxBytes);
}

void History::setLimits(std::chrono::seconds maxAge, qint64 maxCount, qint64 maxBytes)
{
    m_options.maxAge = maxAge;
    m_options.maxCount = maxCount;
    m_options.maxBytes = maxBytes;
    HistoryWriter *writer = m_writer;
    QMetaObject::invokeMethod(
        writer,
        [writer, maxAge, maxCount, maxBytes] {
            writer->setRetention(maxAge, maxCount, maxBytes);
        },
        Qt::QueuedConnection);
}

void History::retry()
{
    commitNow();
}

void History::commitNow()
{
    HistoryWriter *writer = m_writer;
    QMetaObject::invokeMethod(
        writer,
        [writer, inbox = m_inbox] {
            writer->enqueue(inbox->take()); // what store() handed over before this call
            writer->retryNow();
        },
        Qt::QueuedConnection);
}

void History::applyPragmaForTesting(const QString &pragma)
{
    HistoryWriter *writer = m_writer;
    QMetaObject::invokeMethod(
        writer,
        [writer, pragma] {
            writer->applyPragma(pragma);
        },
        Qt::QueuedConnection);
}

HistoryReader *History::reader(QString *error) const
{
    if (!m_ready) {
        if (error)
            *error =
                QStringLiteral("history database %1 is not open yet").arg(m_options.databasePath);
        return nullptr;
    }
    if (!m_reader)
        m_reader = std::make_unique<HistoryReader>(m_options.databasePath);
    return m_reader.get();
}

QList<StoredMessage> History::search(const HistoryQuery &query, QString *error) const
{
    HistoryReader *r = reader(error);
    return r ? r->search(query, error) : QList<StoredMessage>();
}

bool History::scan(const HistoryQuery &query,
    HistoryColumns columns,
    const std::function<bool(const StoredMessage &)> &visit,
    QString *error) const
{
    HistoryReader *r = reader(error);
    return r != nullptr && r->scan(query, columns, visit, error);
}

qint64 History::count(const HistoryQuery &query, QString *error) const
{
    HistoryReader *r = reader(error);
    return r ? r->count(query, error) : 0;
}

QList<ServiceCount> History::countsPerService(const HistoryQuery &query, QString *error) const
{
    HistoryReader *r = reader(error);
    return r ? r->countsPerService(query, error) : QList<ServiceCount>();
}

QList<TopicCount> History::countsPerTopic(const HistoryQuery &query, QString *error) const
{
    HistoryReader *r = reader(error);
    return r ? r->countsPerTopic(query, error) : QList<TopicCount>();
}

std::optional<StoredMessage> History::message(qint64 id, QString *error) const
{
    HistoryReader *r = reader(error);
    return r ? r->message(id, error) : std::nullopt;
}

} // namespace fedmsg
