// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

// A local datagrepper: tests/HttpTestServer.h answering <base>/datagrepper/raw with pages in
// the documented shape (tests/data/datagrepper/README.md): {"arguments", "count", "pages",
// "raw_messages", "total"}, sorted keys and ',' ':' separators as fedmsg.encoding.dumps writes.
// The archive is a list of message texts served in order, rows_per_page at a time (over 100 is
// refused, as datagrepper does). Faults can be queued per page: an HTTP status, a body cut
// short (whole HTTP answer, broken JSON) or a transfer cut short, a page of the wrong shape,
// a held (slow) page. overlap makes each page after the first start that many messages early
// (what offset paging does when messages are added inside the window).

#include "HttpTestServer.h"
#include "TestData.h"

#include "json/JsonParser.h"
#include "json/JsonValue.h"
#include "json/JsonWriter.h"

#include <QFile>
#include <QHash>
#include <QList>
#include <QUrlQuery>

namespace fedmsg::test {

class DatagrepperTestServer
{
public:
    enum class Fault { None, Status, TruncatedJson, CutTransfer, WrongShape, Held };

    DatagrepperTestServer()
    {
        m_http.setFallback([this](const QUrl &target) {
            return answer(target);
        });
    }

    HttpTestServer &http() { return m_http; }
    /// The archive URL a bus would name: http://127.0.0.1:<port>/datagrepper
    QString archiveUrl() const { return m_http.url().toString() + QStringLiteral("/datagrepper"); }

    void setMessages(QList<QByteArray> messages) { m_messages = std::move(messages); }
    void appendMessage(const QByteArray &message) { m_messages.append(message); }
    QList<QByteArray> messages() const { return m_messages; }
    void setOverlap(int messages) { m_overlap = messages; }
    /// The next request of page gets this fault (queued: several calls, several requests).
    void addFault(int page, Fault fault, int status = 503)
    {
        m_faults[page].append({ fault, status });
    }
    /// Every request of page gets this fault from now on.
    void setPermanentFault(int page, Fault fault, int status = 503)
    {
        m_permanent.insert(page, { fault, status });
    }
    /// The /raw queries received, in order.
    QList<QUrlQuery> queries() const { return m_queries; }
    int requestsOfPage(int page) const
    {
        int n = 0;
        for (const QUrlQuery &q : m_queries)
            n += q.queryItemValue(QStringLiteral("page")).toInt() == page ? 1 : 0;
        return n;
    }

    /// datagrepper's mangling of a live envelope: source_name/source_version added, an empty
    /// headers, the timestamp a float.
    static QByteArray archived(const JsonValue &live)
    {
        JsonValue body = live;
        body.insert("source_name", JsonValue("datanommer"));
        body.insert("source_version", JsonValue("1.0.3"));
        if (!body.contains("headers"))
            body.insert("headers", JsonValue::emptyObject());
        if (const JsonValue *t = body.find("timestamp"); t && t->isInteger())
            body.insert("timestamp", JsonValue(double(t->toInt64())));
        return QByteArray::fromStdString(JsonWriter::canonical(body));
    }

    /// The demo bus's real sample envelopes, numbered: msg_id "2026-archived-<n>", unsigned.
    static QList<QByteArray> demoMessages(int count)
    {
        QFile file(sampleEnvelopesPath());
        if (!file.open(QIODevice::ReadOnly))
            return {};
        QList<JsonValue> samples;
        for (const QByteArray &line : file.readAll().split('\n')) {
            if (line.trimmed().isEmpty())
                continue;
            if (auto v = JsonParser::parse(std::string_view(line.constData(), line.size())))
                samples.append(*v);
        }
        QList<QByteArray> out;
        for (int i = 0; i < count && !samples.isEmpty(); ++i) {
            JsonValue body = samples.at(i % samples.size());
            body.remove("signature");
            body.remove("certificate");
            body.insert("msg_id",
                JsonValue(QStringLiteral("2026-archived-%1").arg(i, 5, 10, QLatin1Char('0'))));
            body.insert("timestamp", JsonValue(std::int64_t(1764900000 + i)));
            out.append(archived(body));
        }
        return out;
    }

private:
    struct Scripted
    {
        Fault fault = Fault::None;
        int status = 200;
    };

    HttpTestServer::Answer answer(const QUrl &target)
    {
        if (!target.path().endsWith(QLatin1String("/datagrepper/raw")))
            return { 404, R"({"error": "not_found"})" };
        const QUrlQuery query(target);
        m_queries.append(query);
        const int page = std::max(1, query.queryItemValue(QStringLiteral("page")).toInt());
        const int rows = query.hasQueryItem(QStringLiteral("rows_per_page"))
            ? query.queryItemValue(QStringLiteral("rows_per_page")).toInt()
            : 25;
        if (rows > 100 || rows < 1)
            return { 500, R"({"error": "rows_per_page must be <= 100"})" };
        const qsizetype total = m_messages.size();
        const int pages = int((total + rows - 1) / rows);
        const qsizetype end = std::min<qsizetype>(total, qsizetype(page) * rows);
        const qsizetype begin =
            std::max<qsizetype>(0, qsizetype(page - 1) * rows - (page > 1 ? m_overlap : 0));
        QByteArray raw;
        for (qsizetype i = begin; i < end; ++i) {
            if (!raw.isEmpty())
                raw += ',';
            raw += m_messages.at(i);
        }
        const qsizetype count = std::max<qsizetype>(0, end - begin);
        const QByteArray body = R"({"arguments":{"end":)"
            + query.queryItemValue(QStringLiteral("end")).toUtf8() + R"(.0,"order":"asc","page":)"
            + QByteArray::number(page) + R"(,"rows_per_page":)" + QByteArray::number(rows)
            + R"(,"start":)" + query.queryItemValue(QStringLiteral("start")).toUtf8()
            + R"(.0},"count":)" + QByteArray::number(count) + R"(,"pages":)"
            + QByteArray::number(pages) + R"(,"raw_messages":[)" + raw + R"(],"total":)"
            + QByteArray::number(total) + "}";
        Scripted scripted;
        if (m_permanent.contains(page))
            scripted = m_permanent.value(page);
        else if (!m_faults.value(page).isEmpty())
            scripted = m_faults[page].takeFirst();
        switch (scripted.fault) {
        case Fault::None:
            return { 200, body };
        case Fault::Status:
            return { scripted.status, R"({"error": "canned failure"})" };
        case Fault::TruncatedJson:
            return { 200, body.left(body.size() / 2) };
        case Fault::CutTransfer:
            return { 200, body, false, body.size() / 2 };
        case Fault::WrongShape:
            return { 200, R"({"raw_messages": "not a list", "pages": 1, "total": 1})" };
        case Fault::Held:
            return { 200, body, true };
        }
        return { 200, body };
    }

    HttpTestServer m_http;
    QList<QByteArray> m_messages;
    int m_overlap = 0;
    QHash<int, QList<Scripted>> m_faults;
    QHash<int, Scripted> m_permanent;
    QList<QUrlQuery> m_queries;
};

} // namespace fedmsg::test
