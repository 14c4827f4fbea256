// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

// A local datagrepper: tests/HttpTestServer.h answering <base>/datagrepper/raw with pages in
// the documented shape (tests/data/datagrepper/README.md): {"arguments", "count", "pages",
// "raw_messages", "total"}, sorted keys and ',' ':' separators as fedmsg.encoding.dumps writes.
// <base>/datagrepper/v2/search is what setSearch() says: absent (HTTP 404 with datagrepper's
// {"error": "not_found"}, as every datagrepper before 1.0), offered (the same query and paging
// over the searchMessages, the page written as datagrepper 1.x's json_return() does: json.dumps
// of dict(raw_messages, total, pages, count, arguments), in that order, ", " and ": "), HTTP 405,
// an HTML page with status 200, or malformed JSON with status 200.
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
    enum class Search { Absent, Offered, MethodNotAllowed, HtmlPage, MalformedJson };

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
    void setSearch(Search search) { m_search = search; }
    /// What /v2/search serves when offered: the same messages in fedora-messaging's form.
    void setSearchMessages(QList<QByteArray> messages) { m_searchMessages = std::move(messages); }
    /// Requests of <base>/datagrepper/<endpoint> ("raw", "v2/search"), answered or not.
    int requestsTo(const QString &endpoint) const
    {
        int n = 0;
        for (const QString &target : m_http.requests())
            n += QUrl(target).path().endsWith(QStringLiteral("/datagrepper/") + endpoint) ? 1 : 0;
        return n;
    }
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
    /// The page queries answered (of /raw and of an offered /v2/search), in order.
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

    /// One fedora-messaging message as both endpoints serve it, built from the repo's
    /// fedora-messaging samples (tests/data/samples/fm-corpus-public.jsonl): msg_id
    /// "fm-archived-<n>", sent at 1764900000 + n. /raw: datanommer's as_dict() as datagrepper
    /// writes it (float timestamp, null fedmsg fields, users and packages); /v2/search:
    /// as_fedora_message_dict() ({"body", "headers", "id", "priority", "queue", "topic"}).
    struct FedoraMessagingArchive
    {
        QList<QByteArray> raw;
        QList<QByteArray> search;
    };
    static FedoraMessagingArchive fedoraMessagingMessages(int count)
    {
        FedoraMessagingArchive out;
        QFile file(testDataPath("samples/fm-corpus-public.jsonl"));
        if (!file.open(QIODevice::ReadOnly))
            return out;
        QList<JsonValue> samples;
        for (const QByteArray &line : file.readAll().split('\n')) {
            if (line.trimmed().isEmpty())
                continue;
            if (auto v = JsonParser::parse(std::string_view(line.constData(), line.size())))
                samples.append(*v);
        }
        for (int i = 0; i < count && !samples.isEmpty(); ++i) {
            const JsonValue &sample = samples.at(i % samples.size());
            const std::int64_t sent = 1764900000 + i;
            const QString id = QStringLiteral("fm-archived-%1").arg(i, 5, 10, QLatin1Char('0'));
            JsonValue headers =
                sample["headers"].isObject() ? sample["headers"] : JsonValue::emptyObject();
            headers.insert("sent-at",
                JsonValue(QDateTime::fromSecsSinceEpoch(sent, Qt::UTC)
                              .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"))
                    + QStringLiteral("+00:00")));
            JsonValue raw = JsonValue::emptyObject();
            raw.insert("certificate", JsonValue());
            raw.insert("crypto", JsonValue());
            raw.insert("headers", headers);
            raw.insert("i", JsonValue(std::int64_t(0)));
            raw.insert("msg", sample["body"]);
            raw.insert("msg_id", JsonValue(id));
            raw.insert("packages", JsonValue::emptyArray());
            raw.insert("signature", JsonValue());
            raw.insert("source_name", JsonValue("datanommer"));
            raw.insert("source_version", JsonValue("1.4.0"));
            raw.insert("timestamp", JsonValue(double(sent)));
            raw.insert("topic", sample["topic"]);
            raw.insert("username", JsonValue());
            raw.insert("users", JsonValue::emptyArray());
            out.raw.append(QByteArray::fromStdString(JsonWriter::canonical(raw)));
            JsonValue search = JsonValue::emptyObject();
            search.insert("body", sample["body"]);
            search.insert("headers", headers);
            search.insert("id", JsonValue(id));
            search.insert("priority", JsonValue(std::int64_t(0)));
            search.insert("queue", JsonValue());
            search.insert("topic", sample["topic"]);
            out.search.append(QByteArray::fromStdString(JsonWriter::canonical(search)));
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
        const bool search = target.path().endsWith(QLatin1String("/datagrepper/v2/search"));
        if (!search && !target.path().endsWith(QLatin1String("/datagrepper/raw")))
            return { 404, R"({"error": "not_found"})" };
        if (search) {
            switch (m_search) {
            case Search::Absent:
                return { 404, R"({"error": "not_found"})" };
            case Search::MethodNotAllowed:
                return { 405,
                    "<!doctype html>\n<title>405 Method Not Allowed</title>\n<h1>Method Not "
                    "Allowed</h1>\n" };
            case Search::HtmlPage:
                return { 200,
                    "<!DOCTYPE html>\n<html><head><title>datagrepper</title></head><body>"
                    "<h1>datagrepper</h1></body></html>\n" };
            case Search::MalformedJson:
                return { 200, R"({"raw_messages": [{"body": {"agent": "x"}, "headers": )" };
            case Search::Offered:
                break;
            }
        }
        const QList<QByteArray> &messages = search ? m_searchMessages : m_messages;
        const QUrlQuery query(target);
        m_queries.append(query);
        const int page = std::max(1, query.queryItemValue(QStringLiteral("page")).toInt());
        const int rows = query.hasQueryItem(QStringLiteral("rows_per_page"))
            ? query.queryItemValue(QStringLiteral("rows_per_page")).toInt()
            : 25;
        if (rows > 100 || rows < 1)
            return { 500, R"({"error": "rows_per_page must be <= 100"})" };
        const qsizetype total = messages.size();
        const int pages = int((total + rows - 1) / rows);
        const qsizetype end = std::min<qsizetype>(total, qsizetype(page) * rows);
        const qsizetype begin =
            std::max<qsizetype>(0, qsizetype(page - 1) * rows - (page > 1 ? m_overlap : 0));
        QByteArray raw;
        for (qsizetype i = begin; i < end; ++i) {
            if (!raw.isEmpty())
                raw += search ? QByteArray(", ") : QByteArray(",");
            raw += messages.at(i);
        }
        const qsizetype count = std::max<qsizetype>(0, end - begin);
        const QByteArray body = search ? searchPage(query, page, rows, raw, count, total, pages)
                                       : rawPage(query, page, rows, raw, count, total, pages);
        return scripted(page, body);
    }

    /// fedmsg.encoding.dumps(dict(raw_messages=..., total=..., pages=..., count=...,
    /// arguments=...)): sorted keys, compact.
    static QByteArray rawPage(const QUrlQuery &query,
        int page,
        int rows,
        const QByteArray &raw,
        qsizetype count,
        qsizetype total,
        int pages)
    {
        return R"({"arguments":{"end":)" + query.queryItemValue(QStringLiteral("end")).toUtf8()
            + R"(.0,"order":"asc","page":)" + QByteArray::number(page) + R"(,"rows_per_page":)"
            + QByteArray::number(rows) + R"(,"start":)"
            + query.queryItemValue(QStringLiteral("start")).toUtf8() + R"(.0},"count":)"
            + QByteArray::number(count) + R"(,"pages":)" + QByteArray::number(pages)
            + R"(,"raw_messages":[)" + raw + R"(],"total":)" + QByteArray::number(total) + "}";
    }

    /// datagrepper 1.x json_return(): json.dumps(dict(raw_messages=..., total=..., pages=...,
    /// count=..., arguments=...)).
    static QByteArray searchPage(const QUrlQuery &query,
        int page,
        int rows,
        const QByteArray &raw,
        qsizetype count,
        qsizetype total,
        int pages)
    {
        const QByteArray start = query.queryItemValue(QStringLiteral("start")).toUtf8();
        const QByteArray end = query.queryItemValue(QStringLiteral("end")).toUtf8();
        return R"({"raw_messages": [)" + raw + R"(], "total": )" + QByteArray::number(total)
            + R"(, "pages": )" + QByteArray::number(pages) + R"(, "count": )"
            + QByteArray::number(count) + R"(, "arguments": {"start": )" + start
            + R"(.0, "delta": )" + QByteArray::number(end.toLongLong() - start.toLongLong())
            + R"(.0, "end": )" + end + R"(.0, "users": [], "packages": [], "categories": [], )"
            + R"("topics": [], "contains": [], "not_users": [], "not_packages": [], )"
            + R"("not_categories": [], "not_topics": [], "page": )" + QByteArray::number(page)
            + R"(, "rows_per_page": )" + QByteArray::number(rows)
            + R"(, "order": "asc", "meta": []}})";
    }

    HttpTestServer::Answer scripted(int page, const QByteArray &body)
    {
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
    QList<QByteArray> m_searchMessages;
    Search m_search = Search::Absent;
    int m_overlap = 0;
    QHash<int, QList<Scripted>> m_faults;
    QHash<int, Scripted> m_permanent;
    QList<QUrlQuery> m_queries;
};

} // namespace fedmsg::test
