// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// hostile_publisher: a fedmsg publisher that behaves like an attacker on an open bus. It binds a
// ZeroMQ PUB on 127.0.0.1, waits for a subscriber, and sends the chosen cases, each hostile
// message followed by a numbered good one (signed by shell-app01 of the test CA in
// tests/data/vectors/certs), then a last good message, HX-end.
//
//   hostile_publisher --certs DIR [--endpoint URL] [--case NAME]... [--all] [--flood N]
//   hostile_publisher --list
//
// stdout is a manifest the tests read, one line per fact:
//   endpoint URL          where it listens (first line)
//   good ID               a validly signed message with this msg_id was sent
//   bad ID CASE           a message that must never count as trusted (forged, unsigned, broken)
//   replay ID             the signed message ID was sent again, byte for byte
//   flood PREFIX N        N good messages PREFIX000000 .. PREFIX(N-1) were sent
//   end ID                the last message (good); everything above was sent before it
//   done N                N messages sent; the publisher stays until stdin closes
// Every msg_id starts with "HX-" and is also the first word of the text a renderer shows
// (msg.log or msg.message), so a test can find it in any output format.

#include "trust/Signer.h"
#include "zeromq/Publisher.h"
#include "json/JsonWriter.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <array>
#include <cstdio>
#include <map>
#include <optional>
#include <utility>

using namespace fedmsg;

namespace {

const QString LoggerTopic = QStringLiteral("org.fedoraproject.dev.logger.log");
const QString AnnounceTopic = QStringLiteral("org.fedoraproject.dev.announce.announcement");
const QStringList AllCases { QStringLiteral("frames"),
    QStringLiteral("mismatch"),
    QStringLiteral("utf8"),
    QStringLiteral("nested"),
    QStringLiteral("bignum"),
    QStringLiteral("nan"),
    QStringLiteral("markup"),
    QStringLiteral("links"),
    QStringLiteral("control"),
    QStringLiteral("forged"),
    QStringLiteral("replay"),
    QStringLiteral("shadow"),
    QStringLiteral("flood") };

/// Terminal and bidi controls a message may carry to fool a terminal or a reader.
const QString EraseScreen = QStringLiteral("\x1b[2J\x1b[H");
const QString TitleChange = QStringLiteral("\x1b]0;pwned\x07");
const QString Hyperlink = QStringLiteral("\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\");
const QString C1Csi = QStringLiteral("\u009b31m");
const QString BidiOverride = QStringLiteral("\u202Egpj.exe\u202C \u2066iso\u2069 \u200F");
const QString Misc = QStringLiteral("\r\x08\x7f\x07");
const QString AllControls = EraseScreen + TitleChange + Hyperlink + C1Csi + BidiOverride + Misc;

void manifest(const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

class HostilePublisher
{
public:
    HostilePublisher(Publisher &publisher, QString certs)
        : m_pub(publisher)
        , m_certs(std::move(certs))
    {}

    bool loadSigners(QString *error)
    {
        const QStringList names { QStringLiteral("shell-app01.phx2.fedoraproject.org"),
            QStringLiteral("bodhi-app01.phx2.fedoraproject.org"),
            QStringLiteral("rogue-issued-shell-app01"),
            QStringLiteral("rogue-selfsigned-shell-app01"),
            QStringLiteral("expired-app01.phx2.fedoraproject.org"),
            QStringLiteral("dummy-revoked"),
            QStringLiteral("signed_by_expired_ca"),
            QStringLiteral("future-app01.phx2.fedoraproject.org") };
        for (const QString &name : names) {
            auto signer =
                Signer::fromFiles(m_certs + QLatin1Char('/') + name + QStringLiteral(".crt"),
                    m_certs + QLatin1Char('/') + name + QStringLiteral(".key"),
                    {},
                    error);
            if (!signer)
                return false;
            m_signers.emplace(name, std::move(*signer));
        }
        return true;
    }

    int sent() const { return m_sent; }

    bool run(const QString &name, int floodCount)
    {
        if (name == QLatin1String("frames"))
            return frames();
        if (name == QLatin1String("mismatch"))
            return mismatch();
        if (name == QLatin1String("utf8"))
            return utf8();
        if (name == QLatin1String("nested"))
            return nested();
        if (name == QLatin1String("bignum"))
            return bignum();
        if (name == QLatin1String("nan"))
            return nan();
        if (name == QLatin1String("markup"))
            return markup();
        if (name == QLatin1String("links"))
            return links();
        if (name == QLatin1String("control"))
            return control();
        if (name == QLatin1String("forged"))
            return forged();
        if (name == QLatin1String("replay"))
            return replay();
        if (name == QLatin1String("shadow"))
            return shadow();
        if (name == QLatin1String("flood"))
            return flood(floodCount);
        return false;
    }

    /// A numbered good message: logger topic, signed by shell-app01.
    bool good()
    {
        const QString id = QStringLiteral("HX-good-%1").arg(++m_good, 6, 10, QLatin1Char('0'));
        return sendGood(logger(id, QStringLiteral(" good")));
    }

    bool end()
    {
        return sendGood(
            logger(QStringLiteral("HX-end"), QStringLiteral(" last")), QStringLiteral("end"));
    }

private:
    const Signer &signer(const char *name) const { return m_signers.at(QLatin1String(name)); }
    const Signer &shell() const { return signer("shell-app01.phx2.fedoraproject.org"); }

    JsonValue envelope(const QString &topic, const QString &id, const JsonValue &msg)
    {
        JsonValue body = m_pub.buildEnvelope(topic, msg);
        body.insert("msg_id", JsonValue(id));
        return body;
    }
    JsonValue logger(const QString &id, const QString &text)
    {
        JsonValue::Object msg;
        msg.emplace_back("log", JsonValue(id + text));
        return envelope(LoggerTopic, id, JsonValue(std::move(msg)));
    }
    JsonValue announce(const QString &id,
        const QString &text,
        const QString &link,
        const QString &topic = AnnounceTopic)
    {
        JsonValue::Object msg;
        msg.emplace_back("message", JsonValue(id + text));
        msg.emplace_back("link", JsonValue(link));
        return envelope(topic, id, JsonValue(std::move(msg)));
    }

    std::optional<JsonValue> sign(const JsonValue &body, const Signer &s)
    {
        QString error;
        auto out = s.sign(body, &error);
        if (!out)
            std::fprintf(stderr, "hostile_publisher: cannot sign: %s\n", qPrintable(error));
        return out;
    }
    bool send(const JsonValue &body)
    {
        QString error;
        if (!m_pub.sendBody(body, &error)) {
            std::fprintf(stderr, "hostile_publisher: %s\n", qPrintable(error));
            return false;
        }
        ++m_sent;
        return true;
    }
    bool sendFrames(const QList<QByteArray> &frames)
    {
        QString error;
        if (!m_pub.sendFrames(frames, &error)) {
            std::fprintf(stderr, "hostile_publisher: %s\n", qPrintable(error));
            return false;
        }
        ++m_sent;
        return true;
    }
    bool sendGood(const JsonValue &body, const QString &kind = QStringLiteral("good"))
    {
        const auto signedBody = sign(body, shell());
        if (!signedBody || !send(*signedBody))
            return false;
        manifest(kind + QLatin1Char(' ') + body["msg_id"].toQString());
        return true;
    }
    /// A hostile message that must never count as trusted, then a numbered good one.
    bool sendBad(const JsonValue &body, const QString &what)
    {
        if (!send(body))
            return false;
        manifest(QStringLiteral("bad %1 %2").arg(body["msg_id"].toQString(), what));
        return good();
    }
    bool sendBadFrames(const QList<QByteArray> &frames, const QString &id, const QString &what)
    {
        if (!sendFrames(frames))
            return false;
        manifest(QStringLiteral("bad %1 %2").arg(id, what));
        return good();
    }
    /// A validly signed hostile message (it is good: it must be shown, and shown harmlessly).
    bool sendHostileGood(const JsonValue &body) { return sendGood(body) && good(); }
    QByteArray canonical(const JsonValue &body)
    {
        return QByteArray::fromStdString(JsonWriter::canonical(body));
    }

    bool frames()
    {
        const QByteArray body =
            canonical(logger(QStringLiteral("HX-frames-1"), QStringLiteral(" one frame")));
        const QByteArray body3 =
            canonical(logger(QStringLiteral("HX-frames-3"), QStringLiteral(" three frames")));
        return sendBadFrames({ body }, QStringLiteral("HX-frames-1"), QStringLiteral("one-frame"))
            && sendBadFrames({ LoggerTopic.toUtf8(), body3, QByteArray("extra") },
                QStringLiteral("HX-frames-3"),
                QStringLiteral("three-frames"))
            && sendBadFrames({ LoggerTopic.toUtf8(), QByteArray(), QByteArray() },
                QStringLiteral("-"),
                QStringLiteral("three-empty-frames"));
    }

    bool mismatch()
    {
        // A signed body sent under another topic frame, and a 5 MB topic full of controls.
        const auto signedBody =
            sign(logger(QStringLiteral("HX-mismatch-1"), QStringLiteral(" mismatch")), shell());
        if (!signedBody)
            return false;
        if (!sendBadFrames({ QByteArray("org.fedoraproject.prod.bodhi.update.comment"),
                               canonical(*signedBody) },
                QStringLiteral("HX-mismatch-1"),
                QStringLiteral("topic-frame-mismatch")))
            return false;
        QString hugeTopic = LoggerTopic + AllControls;
        hugeTopic += QString(qsizetype { 5 } * 1024 * 1024, QLatin1Char('x'));
        JsonValue body = logger(QStringLiteral("HX-mismatch-2"), QStringLiteral(" huge topic"));
        body.insert("topic", JsonValue(hugeTopic));
        return sendBadFrames({ (LoggerTopic + TitleChange).toUtf8(), canonical(body) },
            QStringLiteral("HX-mismatch-2"),
            QStringLiteral("huge-topic-mismatch"));
    }

    bool utf8()
    {
        QByteArray body =
            canonical(logger(QStringLiteral("HX-utf8-1"), QStringLiteral(" bad \xff\xfe bytes")));
        body.replace("bad ", "bad \xc3\x28\xff");
        QByteArray topic = LoggerTopic.toUtf8() + "\xff";
        QByteArray body2 = canonical(logger(QStringLiteral("HX-utf8-2"), QStringLiteral(" topic")));
        body2.replace(LoggerTopic.toUtf8(), topic);
        // An overlong encoding of '/' and a lone surrogate, both invalid UTF-8.
        QByteArray body3 =
            canonical(logger(QStringLiteral("HX-utf8-3"), QStringLiteral(" overlong")));
        body3.replace("overlong", "\xc0\xaf \xed\xa0\x80");
        return sendBadFrames({ LoggerTopic.toUtf8(), body },
                   QStringLiteral("HX-utf8-1"),
                   QStringLiteral("invalid-utf8-body"))
            && sendBadFrames(
                { topic, body2 }, QStringLiteral("HX-utf8-2"), QStringLiteral("invalid-utf8-topic"))
            && sendBadFrames({ LoggerTopic.toUtf8(), body3 },
                QStringLiteral("HX-utf8-3"),
                QStringLiteral("overlong-utf8"));
    }

    bool nested()
    {
        const QByteArray open(1000000, '[');
        QByteArray balanced =
            canonical(logger(QStringLiteral("HX-nested-2"), QStringLiteral(" deep")));
        const QByteArray deep =
            QByteArray("\"deep\":") + open + QByteArray(1000000, ']') + ",\"msg\":{";
        balanced.replace("\"msg\":{", deep);
        return sendBadFrames({ LoggerTopic.toUtf8(), open },
                   QStringLiteral("-"),
                   QStringLiteral("nested-unclosed"))
            && sendBadFrames({ LoggerTopic.toUtf8(), balanced },
                QStringLiteral("HX-nested-2"),
                QStringLiteral("nested-balanced"));
    }

    bool bignum()
    {
        QByteArray body = canonical(logger(QStringLiteral("HX-bignum-1"), QStringLiteral(" big")));
        const QByteArray numbers = QByteArray("\"big\":") + QByteArray(10000, '7') + ",\"neg\":-"
            + QByteArray(10000, '9') + ",\"exp\":1e" + QByteArray(10000, '9') + ",\"i\":";
        body.replace("\"i\":", numbers);
        return sendBadFrames({ LoggerTopic.toUtf8(), body },
            QStringLiteral("HX-bignum-1"),
            QStringLiteral("10000-digit-numbers"));
    }

    bool nan()
    {
        QByteArray body = canonical(logger(QStringLiteral("HX-nan-1"), QStringLiteral(" nan")));
        body.replace(R"("i":)", R"("nan":NaN,"inf":Infinity,"ninf":-Infinity,"i":)");
        return sendBadFrames({ LoggerTopic.toUtf8(), body },
            QStringLiteral("HX-nan-1"),
            QStringLiteral("nan-infinity"));
    }

    bool markup()
    {
        const QString html = QStringLiteral(
            " <b>bold</b> <a href=\"https://evil.example/\">click</a> <img src=x onerror=alert(1)> "
            "&amp; &lt;script&gt; &#x3C;i&#x3E; <script>alert(1)</script>");
        return sendHostileGood(announce(QStringLiteral("HX-markup-1"),
                   html,
                   QStringLiteral("https://fedoraproject.org/")))
            && sendHostileGood(logger(QStringLiteral("HX-markup-2"), html));
    }

    bool links()
    {
        const QStringList lookAlikes { QStringLiteral("javascript:alert(1)"),
            QStringLiteral("JaVaScRiPt:alert(document.cookie)"),
            QStringLiteral(" javascript:alert(1)"),
            QStringLiteral("java\tscript:alert(1)"),
            QStringLiteral("file:///etc/passwd"),
            QStringLiteral("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="),
            QStringLiteral("vbscript:msgbox(1)"),
            QStringLiteral("//evil.example/x"),
            QStringLiteral("ftp://evil.example/x"),
            QStringLiteral("http://paypa1.com/login"),
            QStringLiteral("http://fedoraproject.org.evil.example/login"),
            QStringLiteral("https://bodhi.fedoraproject.org@evil.example/updates/FEDORA-2024-1"),
            QStringLiteral("https://bodhi.fedoraproject.org%2F@evil.example/"),
            QStringLiteral("https://evil.example\\@bodhi.fedoraproject.org/") };
        int n = 0;
        for (const QString &link : lookAlikes) {
            if (!sendHostileGood(announce(
                    QStringLiteral("HX-link-%1").arg(++n), QStringLiteral(" look at this"), link)))
                return false;
        }
        return true;
    }

    bool control()
    {
        // Controls in every field a renderer or a terminal shows: topic, text, link, username.
        JsonValue withUser =
            logger(QStringLiteral("HX-control-1"), QStringLiteral(" text") + AllControls);
        withUser.insert("username", JsonValue(QStringLiteral("ralph") + AllControls));
        JsonValue inTopic = announce(QStringLiteral("HX-control-3"),
            QStringLiteral(" topic") + BidiOverride,
            QStringLiteral("https://fedoraproject.org/"),
            AnnounceTopic + EraseScreen + TitleChange + C1Csi + BidiOverride);
        JsonValue inId = logger(QStringLiteral("HX-control-4"), QStringLiteral(" id"));
        inId.insert("msg_id", JsonValue(QStringLiteral("HX-control-4") + AllControls));
        return sendHostileGood(withUser)
            && sendHostileGood(announce(QStringLiteral("HX-control-2"),
                QStringLiteral(" message") + AllControls,
                QStringLiteral("https://fedoraproject.org/") + AllControls))
            && sendHostileGood(inTopic) && sendHostileGood(inId);
    }

    bool forged()
    {
        // Each trick that must leave a message untrusted, with controls in the text too.
        JsonValue tampered =
            *sign(logger(QStringLiteral("HX-forged-badsig"), QStringLiteral(" tampered")), shell());
        JsonValue::Object msg;
        msg.emplace_back("log",
            JsonValue(QStringLiteral("HX-forged-badsig tampered after signing") + TitleChange));
        tampered.insert("msg", JsonValue(std::move(msg)));
        if (!sendBad(tampered, QStringLiteral("bad-signature")))
            return false;
        const auto signers = std::to_array<std::pair<const char *, const char *>>({
            { "rogue-issued-shell-app01", "rogue-ca-same-dn" },
            { "rogue-selfsigned-shell-app01", "self-signed" },
            { "expired-app01.phx2.fedoraproject.org", "expired-cert" },
            { "dummy-revoked", "revoked-cert" },
            { "signed_by_expired_ca", "expired-ca" },
            { "future-app01.phx2.fedoraproject.org", "not-yet-valid-cert" },
        });
        for (const auto &[name, what] : signers) {
            const QString id = QStringLiteral("HX-forged-%1").arg(QLatin1String(what));
            const auto body =
                sign(logger(id, QStringLiteral(" forged ") + EraseScreen), signer(name));
            if (!body || !sendBad(*body, QLatin1String(what)))
                return false;
        }
        // The routing policy gives the announce topic to shell-app01 only.
        const auto wrongSigner = sign(announce(QStringLiteral("HX-forged-policy"),
                                          QStringLiteral(" wrong signer"),
                                          QStringLiteral("https://fedoraproject.org/")),
            signer("bodhi-app01.phx2.fedoraproject.org"));
        if (!wrongSigner || !sendBad(*wrongSigner, QStringLiteral("routing-policy")))
            return false;
        // bodhi's signature under shell's certificate.
        auto swapped =
            sign(logger(QStringLiteral("HX-forged-certswap"), QStringLiteral(" swapped")),
                signer("bodhi-app01.phx2.fedoraproject.org"));
        const auto shellSigned =
            sign(logger(QStringLiteral("HX-forged-certswap"), QStringLiteral(" swapped")), shell());
        if (!swapped || !shellSigned)
            return false;
        swapped->insert("certificate", (*shellSigned)["certificate"]);
        if (!sendBad(*swapped, QStringLiteral("certificate-swap")))
            return false;
        // No signature at all, and a signature field that is not base64.
        if (!sendBad(logger(QStringLiteral("HX-forged-unsigned"),
                         QStringLiteral(" unsigned") + BidiOverride),
                QStringLiteral("unsigned")))
            return false;
        // Unsigned, with controls in the topic and the msg_id: what an untrusted-message report
        // (fedmsg-tail --json writes one to stderr) shows of it.
        JsonValue loud = announce(QStringLiteral("HX-forged-loud"),
            QStringLiteral(" loud"),
            QStringLiteral("https://fedoraproject.org/"),
            AnnounceTopic + TitleChange + BidiOverride);
        loud.insert("msg_id", JsonValue(QStringLiteral("HX-forged-loud") + EraseScreen + C1Csi));
        if (!sendBad(loud, QStringLiteral("unsigned-controls-in-topic-and-id")))
            return false;
        JsonValue junk = logger(QStringLiteral("HX-forged-junk"), QStringLiteral(" junk"));
        junk.insert("crypto", JsonValue("x509"));
        junk.insert("signature", JsonValue(QStringLiteral("!!!") + EraseScreen));
        junk.insert("certificate", JsonValue(QStringLiteral("not a certificate") + TitleChange));
        return sendBad(junk, QStringLiteral("junk-signature"));
    }

    bool replay()
    {
        const auto body =
            sign(logger(QStringLiteral("HX-replay-1"), QStringLiteral(" said once")), shell());
        if (!body || !send(*body))
            return false;
        manifest(QStringLiteral("good HX-replay-1"));
        if (!good())
            return false;
        for (int i = 0; i < 2; ++i) {
            if (!send(*body))
                return false;
            manifest(QStringLiteral("replay HX-replay-1"));
            if (!good())
                return false;
        }
        return true;
    }

    bool shadow()
    {
        // An unsigned copy carrying the msg_id of a genuine message arrives first.
        const QString id = QStringLiteral("HX-shadow-1");
        const JsonValue genuine =
            announce(id, QStringLiteral(" genuine"), QStringLiteral("https://fedoraproject.org/"));
        JsonValue copy =
            announce(id, QStringLiteral(" FAKE copy"), QStringLiteral("https://evil.example/"));
        return sendBad(copy, QStringLiteral("unsigned-copy-first")) && sendHostileGood(genuine);
    }

    bool flood(int count)
    {
        const QString prefix = QStringLiteral("HX-flood-");
        for (int i = 0; i < count; ++i) {
            const QString id = prefix + QStringLiteral("%1").arg(i, 6, 10, QLatin1Char('0'));
            const auto body = sign(logger(id, QStringLiteral(" flood")), shell());
            if (!body || !send(*body))
                return false;
        }
        manifest(QStringLiteral("flood %1 %2").arg(prefix).arg(count));
        return good();
    }

    Publisher &m_pub;
    QString m_certs;
    std::map<QString, Signer> m_signers;
    int m_good = 0;
    int m_sent = 0;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("A hostile fedmsg publisher for tests."));
    p.addHelpOption();
    const QCommandLineOption certsOpt(QStringLiteral("certs"),
        QStringLiteral("The test certificates (tests/data/vectors/certs)."),
        QStringLiteral("DIR"));
    const QCommandLineOption endpointOpt(QStringLiteral("endpoint"),
        QStringLiteral("Bind here (default tcp://127.0.0.1:*)."),
        QStringLiteral("URL"),
        QStringLiteral("tcp://127.0.0.1:*"));
    const QCommandLineOption caseOpt(QStringLiteral("case"),
        QStringLiteral("Send this case (repeatable): %1.").arg(AllCases.join(QStringLiteral(", "))),
        QStringLiteral("NAME"));
    const QCommandLineOption allOpt(QStringLiteral("all"), QStringLiteral("Send every case."));
    const QCommandLineOption floodOpt(QStringLiteral("flood"),
        QStringLiteral("Messages in the flood case (default 50000)."),
        QStringLiteral("N"),
        QStringLiteral("50000"));
    const QCommandLineOption waitOpt(QStringLiteral("wait"),
        QStringLiteral("How long to wait for a subscriber, ms (default 30000)."),
        QStringLiteral("MS"),
        QStringLiteral("30000"));
    const QCommandLineOption listOpt(
        QStringLiteral("list"), QStringLiteral("Print the case names."));
    p.addOptions({ certsOpt, endpointOpt, caseOpt, allOpt, floodOpt, waitOpt, listOpt });
    p.process(app);
    if (p.isSet(listOpt)) {
        manifest(AllCases.join(QLatin1Char('\n')));
        return 0;
    }
    const QStringList cases = p.isSet(allOpt) ? AllCases : p.values(caseOpt);
    for (const QString &c : cases) {
        if (!AllCases.contains(c)) {
            std::fprintf(stderr, "hostile_publisher: unknown case %s\n", qPrintable(c));
            return 2;
        }
    }
    if (!p.isSet(certsOpt)) {
        std::fprintf(stderr, "hostile_publisher: --certs DIR is required\n");
        return 2;
    }

    PublisherOptions options;
    options.mode = PublisherOptions::Mode::Bind;
    options.url = p.value(endpointOpt);
    options.sendHighWaterMark = 0; // never drop: a good message lost here would be our fault
    options.lingerMs = 0; // the test decides when we go (stdin closes after it saw everything)
    Publisher publisher(options);
    QString error;
    HostilePublisher hostile(publisher, p.value(certsOpt));
    if (!hostile.loadSigners(&error) || !publisher.open(&error)) {
        std::fprintf(stderr, "hostile_publisher: %s\n", qPrintable(error));
        return 1;
    }
    manifest(QStringLiteral("endpoint ") + publisher.boundEndpoint());
    if (!publisher.waitForSubscriber(LoggerTopic, p.value(waitOpt).toInt())) {
        std::fprintf(stderr, "hostile_publisher: no subscriber came\n");
        return 3;
    }
    bool ok = hostile.good();
    for (const QString &c : cases)
        ok = ok && hostile.run(c, p.value(floodOpt).toInt());
    ok = ok && hostile.end();
    manifest(QStringLiteral("done %1").arg(hostile.sent()));
    // Stay until the test has seen everything and closes our stdin.
    std::array<char, 256> buf {};
    while (std::fread(buf.data(), 1, buf.size(), stdin) > 0) {}
    return ok ? 0 : 1;
}
