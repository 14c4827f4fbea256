// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// bench_applet: the whole applet, measured from outside. It starts the built fedmsg-notify
// (FEDMSG_NOTIFY_BIN, else the one next to this build) as its own process, with a private
// settings file and history in a temporary directory, and reads it the way a desktop sees it:
//   - publish -> org.freedesktop.Notifications.Notify, timestamped on the session bus by a
//     `dbus-monitor --monitor` (BecomeMonitor) beside the notification server (dunst), for a
//     signed ZeroMQ bus on 127.0.0.1 and for an AMQP bus on the test RabbitMQ; the baseline is a
//     bare ZmqSource / AmqpSource in this process (publish -> envelopesReceived, signatures
//     checked the same way), so the difference is the applet's own pipeline (rendering, rules,
//     history commit, D-Bus);
//   - CPU and thread wake-ups per message under steady traffic, idle RSS / CPU / wake-ups per
//     thread, all from /proc/PID/task/*/{comm,status,schedstat} and /proc/PID/stat;
//   - start-up: process start -> its XEmbed tray icon mapped inside the tray (trayer), seen
//     through X events (a reparent out of the root window, then the map);
//   - a 10 000-message burst: Notify calls, the worst GUI-thread stall (a D-Bus property read of
//     the applet's control interface, answered by its GUI thread, in a loop), RSS before / peak
//     (VmHWM after clear_refs) / after.
// A separate process rather than Application in-process: CPU, wake-ups and RSS must be the
// applet's alone (not this program's publisher, monitor and probes), and start-up must include
// exec, dynamic linking and QApplication.
// Needs tests/run-headless.sh (X, session bus, dunst, trayer, broker; AMQP rows skip without it).
//   bench_applet [idle-seconds=60] [after-burst-seconds=60] [burst-messages=10000] [phases]
//                [latency-samples=200]
// phases (default all): a comma list of latency, idle (ZeroMQ idle, then steady traffic),
// amqpidle, burst, startup.
#include "PrivateHome.h"
#include "ResidentMappings.h"
#include "amqp/AmqpTestBroker.h"

#include "BenchReport.h"
#include "LoopbackEndpoint.h"

#include "amqp/AmqpPublisher.h"
#include "amqp/AmqpSource.h"
#include "engine/Transports.h"
#include "rules/RuleSet.h"
#include "settings/Settings.h"
#include "zeromq/Publisher.h"
#include "zeromq/ZmqSource.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusServiceWatcher>
#include <QDBusVariant>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <functional>
#include <thread>
#include <vector>

#include <csignal>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>
#include <xcb/xcb.h>

using namespace fedmsg;
using fedmsg::bench::number;
using fedmsg::bench::report;
using fedmsg::bench::ReportRow;

namespace {

constexpr int LatencyRules = 20; // 20 rules x 3 popups a minute each = the global 60 a minute
constexpr double MiB = 1024.0 * 1024.0;

qint64 monoNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// dbus-monitor prints wall-clock times; the publish side is stamped with the same clock.
double realSeconds()
{
    timespec ts {};
    clock_gettime(CLOCK_REALTIME, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

/// Runs the event loop for @p ms, or until @p done says so (checked after each event batch).
bool waitUntil(int ms, const std::function<bool()> &done = {})
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
        if (done && done())
            return true;
        QEventLoop loop;
        QTimer::singleShot(std::min<qint64>(20, ms - t.elapsed()), &loop, &QEventLoop::quit);
        loop.exec();
    }
    return done && done();
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const auto i = std::min(v.size() - 1, size_t(double(v.size()) * p));
    return v[i];
}

double median(std::vector<double> v)
{
    return percentile(std::move(v), 0.5);
}

QString certDir()
{
    return test::testDataPath("vectors/certs/");
}

// ---- the session bus: every Notify call, with its time and summary -------------------------

struct NotifyCall
{
    double time = 0; ///< wall clock, seconds
    QString summary;
};

struct NotifyMonitor
{
    QProcess process;
    QByteArray pending;
    std::vector<NotifyCall> calls;
    int argsSeen = -1; // -1: not inside a Notify call

    bool start()
    {
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QObject::connect(&process, &QProcess::readyReadStandardOutput, [this] {
            pending += process.readAllStandardOutput();
            parse();
        });
        process.start(QStringLiteral("stdbuf"),
            { QStringLiteral("-oL"),
                QStringLiteral("dbus-monitor"),
                QStringLiteral("--session"),
                QStringLiteral("--monitor"),
                QStringLiteral("type='method_call',interface='org.freedesktop.Notifications',"
                               "member='Notify'") });
        if (!process.waitForStarted(5000))
            return false;
        // Ready when it sees a Notify of ours.
        for (int attempt = 0; attempt < 50; ++attempt) {
            QDBusMessage m =
                QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.Notifications"),
                    QStringLiteral("/org/freedesktop/Notifications"),
                    QStringLiteral("org.freedesktop.Notifications"),
                    QStringLiteral("Notify"));
            m << QStringLiteral("bench_applet") << uint(0) << QString()
              << QStringLiteral("bench_applet: monitor ready") << QString() << QStringList()
              << QVariantMap() << int(1000);
            QDBusConnection::sessionBus().call(m, QDBus::Block, 5000);
            if (waitUntil(200, [this] {
                    return !calls.empty();
                }))
                return true;
        }
        return false;
    }
    void parse()
    {
        static const QRegularExpression header(
            QStringLiteral("^method call time=(\\d+\\.\\d+) .*member=Notify"));
        qsizetype nl = 0;
        while ((nl = pending.indexOf('\n')) >= 0) {
            const QString line = QString::fromUtf8(pending.left(nl));
            pending.remove(0, nl + 1);
            const auto m = header.match(line);
            if (m.hasMatch()) {
                calls.push_back({ m.captured(1).toDouble(), {} });
                argsSeen = 0;
                continue;
            }
            if (argsSeen < 0)
                continue;
            const QString t = line.trimmed();
            if (line.startsWith(QLatin1String("   ")) && !line.startsWith(QLatin1String("    "))
                && (t.startsWith(QLatin1String("string "))
                    || t.startsWith(QLatin1String("uint32 ")))) {
                if (++argsSeen == 4) { // app_name, replaces_id, app_icon, summary
                    QString s = t.mid(7).trimmed();
                    if (s.startsWith(QLatin1Char('"')))
                        s = s.mid(1);
                    if (s.endsWith(QLatin1Char('"')))
                        s.chop(1);
                    calls.back().summary = s;
                    argsSeen = -1;
                }
            }
        }
    }
    void stop()
    {
        process.terminate();
        if (!process.waitForFinished(3000)) {
            process.kill();
            process.waitForFinished(3000);
        }
    }
};

// ---- X: when the applet's tray icon is docked and mapped -----------------------------------

struct TrayWatcher
{
    xcb_connection_t *conn = nullptr;
    xcb_window_t root = 0;
    int stopFd = -1;
    std::thread thread;
    std::atomic<qint64> visibleNs { 0 };
    std::atomic<qint64> reparentedNs { 0 };

    bool start()
    {
        conn = xcb_connect(nullptr, nullptr);
        if (!conn || xcb_connection_has_error(conn) != 0)
            return false;
        root = xcb_setup_roots_iterator(xcb_get_setup(conn)).data->root;
        const uint32_t mask = XCB_EVENT_MASK_SUBSTRUCTURE_NOTIFY;
        xcb_change_window_attributes(conn, root, XCB_CW_EVENT_MASK, &mask);
        xcb_flush(conn);
        stopFd = eventfd(0, EFD_CLOEXEC);
        thread = std::thread([this] {
            run();
        });
        return true;
    }
    void reset()
    {
        visibleNs = 0;
        reparentedNs = 0;
    }
    // NOLINTNEXTLINE(readability-function-cognitive-complexity): one switch over X events
    void run()
    {
        std::vector<xcb_window_t> reparented;
        std::array<pollfd, 2> fds { { { xcb_get_file_descriptor(conn), POLLIN, 0 },
            { stopFd, POLLIN, 0 } } };
        while (true) {
            xcb_generic_event_t *ev = xcb_poll_for_event(conn);
            if (!ev) {
                if (xcb_connection_has_error(conn) != 0)
                    return;
                ::poll(fds.data(), fds.size(), -1);
                if (fds[1].revents != 0)
                    return;
                continue;
            }
            const qint64 now = monoNs();
            switch (ev->response_type & 0x7f) {
            case XCB_CREATE_NOTIFY: {
                // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): xcb's event type
                auto *e = reinterpret_cast<xcb_create_notify_event_t *>(ev);
                if (e->parent == root) {
                    const uint32_t mask = XCB_EVENT_MASK_STRUCTURE_NOTIFY;
                    xcb_change_window_attributes(conn, e->window, XCB_CW_EVENT_MASK, &mask);
                    // Docked (and mapped) before that took effect: seen now, a little late.
                    xcb_query_tree_reply_t *tree =
                        xcb_query_tree_reply(conn, xcb_query_tree(conn, e->window), nullptr);
                    if (tree && tree->parent != root && tree->parent != XCB_NONE) {
                        reparented.push_back(e->window);
                        qint64 expected = 0;
                        reparentedNs.compare_exchange_strong(expected, now);
                        xcb_get_window_attributes_reply_t *attrs = xcb_get_window_attributes_reply(
                            conn, xcb_get_window_attributes(conn, e->window), nullptr);
                        if (attrs && attrs->map_state == XCB_MAP_STATE_VIEWABLE) {
                            expected = 0;
                            visibleNs.compare_exchange_strong(expected, monoNs());
                        }
                        free(attrs); // NOLINT(cppcoreguidelines-no-malloc): xcb mallocs replies
                    }
                    free(tree); // NOLINT(cppcoreguidelines-no-malloc): xcb's replies are malloc'd
                }
                break;
            }
            case XCB_REPARENT_NOTIFY: {
                // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): xcb's event type
                auto *e = reinterpret_cast<xcb_reparent_notify_event_t *>(ev);
                if (e->parent != root) { // no window manager here: only a tray takes windows
                    reparented.push_back(e->window);
                    qint64 expected = 0;
                    reparentedNs.compare_exchange_strong(expected, now);
                }
                break;
            }
            case XCB_MAP_NOTIFY: {
                // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): xcb's event type
                auto *e = reinterpret_cast<xcb_map_notify_event_t *>(ev);
                if (std::find(reparented.begin(), reparented.end(), e->window)
                    != reparented.end()) {
                    qint64 expected = 0;
                    visibleNs.compare_exchange_strong(expected, now);
                }
                break;
            }
            default:
                break;
            }
            free(ev); // NOLINT(cppcoreguidelines-no-malloc): xcb's events are malloc'd
        }
    }
    void stop()
    {
        if (stopFd >= 0) {
            const uint64_t one = 1;
            [[maybe_unused]] const auto n = ::write(stopFd, &one, sizeof one);
        }
        if (thread.joinable())
            thread.join();
        if (conn)
            xcb_disconnect(conn);
        if (stopFd >= 0)
            ::close(stopFd);
    }
};

// ---- /proc ----------------------------------------------------------------------------------

struct ThreadSample
{
    QString name;
    qint64 voluntary = 0;
    qint64 involuntary = 0;
    qint64 runNs = 0;
};

struct ProcSample
{
    QMap<int, ThreadSample> threads;
    qint64 cpuTicks = 0; // utime + stime of the process (all threads, also exited ones)
    qint64 rssKiB = 0;
    qint64 hwmKiB = 0;
    qint64 anonKiB = 0; // RssAnon: heap, stacks
    qint64 fileKiB = 0; // RssFile: mapped libraries and files
    qint64 wakeups() const
    {
        qint64 n = 0;
        for (const ThreadSample &t : threads)
            n += t.voluntary + t.involuntary;
        return n;
    }
};

QByteArray readProc(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

qint64 statusField(const QByteArray &status, const char *key)
{
    for (const QByteArray &line : status.split('\n'))
        if (line.startsWith(key))
            return line.mid(qsizetype(qstrlen(key))).trimmed().split(' ').value(0).toLongLong();
    return 0;
}

ProcSample sampleProc(qint64 pid)
{
    ProcSample s;
    const QString base = QStringLiteral("/proc/%1").arg(pid);
    const QByteArray stat = readProc(base + QStringLiteral("/stat"));
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    s.cpuTicks = fields.value(11).toLongLong() + fields.value(12).toLongLong(); // utime, stime
    const QByteArray status = readProc(base + QStringLiteral("/status"));
    s.rssKiB = statusField(status, "VmRSS:");
    s.hwmKiB = statusField(status, "VmHWM:");
    s.anonKiB = statusField(status, "RssAnon:");
    s.fileKiB = statusField(status, "RssFile:");
    const QStringList tids =
        QDir(base + QStringLiteral("/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &tid : tids) {
        const QString t = base + QStringLiteral("/task/") + tid;
        ThreadSample ts;
        ts.name = QString::fromUtf8(readProc(t + QStringLiteral("/comm"))).trimmed();
        const QByteArray st = readProc(t + QStringLiteral("/status"));
        ts.voluntary = statusField(st, "voluntary_ctxt_switches:");
        ts.involuntary = statusField(st, "nonvoluntary_ctxt_switches:");
        ts.runNs = readProc(t + QStringLiteral("/schedstat")).split(' ').value(0).toLongLong();
        s.threads.insert(tid.toInt(), ts);
    }
    return s;
}

double mib(qint64 kib)
{
    return double(kib) / 1024.0;
}

/// The `count` mappings of the process that hold the most resident memory (from
/// /proc/PID/smaps, one line per file or [heap]/[anon]/[stacks]), to say what an RSS is made of.
void printLargestMappings(qint64 pid, int count)
{
    QMap<QString, qint64> rssByName;
    const QMap<QString, qint64> perMapping =
        fedmsg::test::residentKiBByMapping(QStringLiteral("/proc/%1/smaps").arg(pid));
    for (auto it = perMapping.cbegin(); it != perMapping.cend(); ++it)
        rssByName[it.key().startsWith(QLatin1String("[stack")) ? QStringLiteral("[stacks]")
                                                               : it.key()] += it.value();
    std::vector<std::pair<qint64, QString>> sorted;
    for (auto it = rssByName.cbegin(); it != rssByName.cend(); ++it)
        sorted.emplace_back(it.value(), it.key());
    std::sort(sorted.rbegin(), sorted.rend());
    for (int i = 0; i < count && i < int(sorted.size()); ++i)
        std::printf("      %7.1f MiB  %s\n",
            mib(sorted[size_t(i)].first),
            qPrintable(sorted[size_t(i)].second.section(QLatin1Char('/'), -1)));
}

double ticksToMs(qint64 ticks)
{
    return double(ticks) * 1000.0 / double(sysconf(_SC_CLK_TCK));
}

/// Per thread: wake-ups (voluntary + involuntary switches) and CPU between two samples.
struct ThreadDelta
{
    QString name;
    int tid = 0;
    qint64 voluntary = 0;
    qint64 involuntary = 0;
    double cpuMs = 0;
};

std::vector<ThreadDelta> threadDeltas(const ProcSample &a, const ProcSample &b)
{
    std::vector<ThreadDelta> out;
    for (auto it = b.threads.cbegin(); it != b.threads.cend(); ++it) {
        const ThreadSample before = a.threads.value(it.key());
        out.push_back({ it->name,
            it.key(),
            it->voluntary - before.voluntary,
            it->involuntary - before.involuntary,
            double(it->runNs - before.runNs) / 1e6 });
    }
    return out;
}

// ---- the applet -----------------------------------------------------------------------------

struct AppletSetup
{
    QList<BusConfig> buses;
    QByteArray rulesJson;
    int popupsPerMinute = 5;
    int digestWindowSeconds = 60;
    bool showImages = true;
};

/// Rules under which each of LatencyRules topic suffixes ".kN" has its own rule (and burst
/// bucket), and everything else notifies through the default action.
QByteArray latencyRules()
{
    QJsonObject set;
    set.insert(QStringLiteral("format"), rules::RuleSet::formatName());
    set.insert(QStringLiteral("version"), rules::RuleSet::Version);
    set.insert(QStringLiteral("default"),
        QJsonObject { { QStringLiteral("action"), QStringLiteral("notify") } });
    QJsonArray list;
    for (int i = 0; i < LatencyRules; ++i) {
        list.append(QJsonObject {
            { QStringLiteral("id"), QStringLiteral("bench-%1").arg(i) },
            { QStringLiteral("name"), QStringLiteral("bench %1").arg(i) },
            { QStringLiteral("when"),
                QJsonObject { { QStringLiteral("field"), QStringLiteral("topic") },
                    { QStringLiteral("op"), QStringLiteral("glob") },
                    { QStringLiteral("value"), QStringLiteral("*.k%1").arg(i) } } },
            { QStringLiteral("then"),
                QJsonObject { { QStringLiteral("action"), QStringLiteral("notify") } } },
        });
    }
    set.insert(QStringLiteral("rules"), list);
    return QJsonDocument(set).toJson(QJsonDocument::Compact);
}

QByteArray notifyEverythingRules()
{
    QJsonObject set;
    set.insert(QStringLiteral("format"), rules::RuleSet::formatName());
    set.insert(QStringLiteral("version"), rules::RuleSet::Version);
    set.insert(QStringLiteral("default"),
        QJsonObject { { QStringLiteral("action"), QStringLiteral("notify") } });
    set.insert(QStringLiteral("rules"), QJsonArray());
    return QJsonDocument(set).toJson(QJsonDocument::Compact);
}

QString appletBinary()
{
    QString env = qEnvironmentVariable("FEDMSG_NOTIFY_BIN");
    if (!env.isEmpty())
        return env;
    return QStringLiteral(FEDMSG_NOTIFY_BIN_DEFAULT); // the fedmsg-notify of this build
}

struct Applet
{
    QTemporaryDir dir;
    QProcess process;
    QByteArray log;
    qint64 startNs = 0;

    bool start(const AppletSetup &setup, TrayWatcher *tray)
    {
        const QString home = dir.path();
        test::makePrivateHome(home);
        {
            QList<BusConfig> buses = Transports::presets(QStringList {});
            for (BusConfig &bus : buses)
                bus.enabled = false;
            buses.append(setup.buses);
            Settings settings(home + QStringLiteral("/config/fedmsg-notify/fedmsg-notify.conf"));
            settings.setBuses(buses);
            settings.setRulesJson(setup.rulesJson);
            settings.setFedoraAccount(QStringLiteral("benchuser"));
            settings.setStarterRulesOffered(true);
            settings.setPopupsPerMinute(setup.popupsPerMinute);
            settings.setDigestWindowSeconds(setup.digestWindowSeconds);
            settings.setShowImages(setup.showImages);
            settings.sync();
        }
        QProcessEnvironment env = test::privateHomeEnvironment(home);
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("fedmsg.amqp.info=true"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM")); // the real X display, for the tray
        process.setProcessEnvironment(env);
        QObject::connect(&process, &QProcess::readyReadStandardError, [this] {
            log += process.readAllStandardError();
        });
        QObject::connect(&process, &QProcess::readyReadStandardOutput, [this] {
            log += process.readAllStandardOutput();
        });
        if (tray)
            tray->reset();
        startNs = monoNs();
        process.start(appletBinary(), { QStringLiteral("--background") });
        if (!process.waitForStarted(10000)) {
            std::fprintf(stderr,
                "cannot start %s: %s\n",
                qPrintable(appletBinary()),
                qPrintable(process.errorString()));
            return false;
        }
        return true;
    }
    qint64 pid() const { return process.processId(); }
    /// Milliseconds from start() to the tray icon mapped in the tray; -1 when it never was.
    double trayMs(TrayWatcher *tray, int timeoutMs = 10000) const
    {
        if (!tray)
            return -1;
        waitUntil(timeoutMs, [tray] {
            return tray->visibleNs.load() != 0;
        });
        const qint64 v =
            tray->visibleNs.load() != 0 ? tray->visibleNs.load() : tray->reparentedNs.load();
        return v != 0 ? double(v - startNs) / 1e6 : -1;
    }
    void stop()
    {
        if (process.state() == QProcess::NotRunning)
            return;
        ::kill(pid_t(process.processId()), SIGTERM);
        if (!waitUntil(30000, [this] {
                return process.state() == QProcess::NotRunning;
            })) {
            process.kill();
            process.waitForFinished(5000);
        }
    }
};

BusConfig zmqBus(const QString &endpoint)
{
    BusConfig bus;
    bus.name = QStringLiteral("bench-zmq");
    bus.label = bus.name;
    bus.enabled = true;
    bus.transport = BusConfig::Transport::ZeroMq;
    bus.endpoints = { BusEndpoint { endpoint, QString() } };
    bus.trust.validateSignatures = true;
    bus.trust.caLocation = certDir() + QStringLiteral("ca.crt");
    bus.trust.crlLocation = certDir() + QStringLiteral("crl.pem");
    return bus;
}

JsonValue benchMsg(int i)
{
    JsonValue msg = JsonValue::emptyObject();
    msg.insert("n", JsonValue(i));
    msg.insert("text", JsonValue(std::string("bench_applet message ") + std::to_string(i)));
    return msg;
}

struct Latency
{
    std::vector<double> ms;
    int missed = 0;
};

/// One publish at a time, each waiting for its Notify (or 3 s): publish -> Notify in ms, for the
/// messages numbered first .. first + count - 1. The popup's summary names the topic, which ends
/// in ".k<i % LatencyRules>": a late Notify of an earlier message is not taken for this one.
/// paceMs > 0: publishes at most one message per paceMs (the applet idles between them).
Latency measureNotify(NotifyMonitor &monitor,
    int first,
    int count,
    int paceMs,
    const std::function<bool(int)> &publish)
{
    Latency out;
    QElapsedTimer pace;
    for (int i = first; i < first + count; ++i) {
        if (paceMs > 0 && pace.isValid())
            waitUntil(int(std::max<qint64>(0, paceMs - pace.elapsed())));
        pace.start();
        const size_t before = monitor.calls.size();
        // Stamped before the publish: publish() may return after the message was delivered.
        const double sent = realSeconds();
        if (!publish(i)) {
            ++out.missed;
            continue;
        }
        // "bench.lat.k3", "benchlat.k3 (broker, unsigned)": the topic, then perhaps the trust.
        const QRegularExpression suffix(QStringLiteral("\\.k%1(?![0-9])").arg(i % LatencyRules));
        size_t seen = before;
        double at = 0;
        waitUntil(3000, [&] {
            for (; seen < monitor.calls.size() && at == 0; ++seen)
                if (monitor.calls[seen].summary.contains(suffix))
                    at = monitor.calls[seen].time;
            return at != 0;
        });
        if (at == 0) {
            ++out.missed;
            if (qEnvironmentVariableIsSet("BENCH_APPLET_DEBUG"))
                std::fprintf(stderr,
                    "missed %d (%zu calls since%s%s)\n",
                    i,
                    monitor.calls.size() - before,
                    monitor.calls.size() > before ? ", the first: " : "",
                    monitor.calls.size() > before ? qPrintable(monitor.calls[before].summary) : "");
            continue;
        }
        out.ms.push_back((at - sent) * 1000.0);
        if (qEnvironmentVariableIsSet("BENCH_APPLET_DEBUG"))
            std::fprintf(stderr, "sample %d: %.2f ms\n", i, out.ms.back());
        waitUntil(5); // let the applet's popup bookkeeping finish before the next one
    }
    return out;
}

void printLatency(const char *what, const std::vector<double> &ms, int missed)
{
    std::printf("  %-44s n=%4zu p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms%s\n",
        what,
        ms.size(),
        percentile(ms, 0.5),
        percentile(ms, 0.99),
        ms.empty() ? 0.0 : *std::max_element(ms.begin(), ms.end()),
        missed != 0 ? qPrintable(QStringLiteral("  (%1 missed)").arg(missed)) : "");
}

void printThreads(const std::vector<ThreadDelta> &deltas, double seconds)
{
    std::printf("    %-18s %7s %9s %9s %9s\n", "thread", "tid", "vol", "invol", "cpu ms");
    for (const ThreadDelta &d : deltas)
        std::printf("    %-18s %7d %9lld %9lld %9.2f%s\n",
            qPrintable(d.name),
            d.tid,
            qlonglong(d.voluntary),
            qlonglong(d.involuntary),
            d.cpuMs,
            d.voluntary + d.involuntary > 0
                ? qPrintable(QStringLiteral("   (one per %1 s)")
                                 .arg(seconds / double(d.voluntary + d.involuntary), 0, 'f', 1))
                : "");
}

} // namespace

// NOLINTNEXTLINE(readability-function-cognitive-complexity): the phases in order, as printed
int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("fedmsg.*.debug=false\nfedmsg.*.info=false"));
    const int idleSeconds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 60;
    const int afterSeconds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 60;
    const int burstCount = argc > 3 ? std::max(1, std::atoi(argv[3])) : 10000;
    // Which parts to run (quick checks): latency,idle,amqpidle,burst,startup; default all.
    const QStringList phases =
        argc > 4 ? QString::fromLocal8Bit(argv[4]).split(QLatin1Char(',')) : QStringList {};
    const int latencySamples = argc > 5 ? std::max(1, std::atoi(argv[5])) : 200;
    const auto want = [&phases](const char *phase) {
        return phases.isEmpty() || phases.contains(QLatin1String(phase));
    };
    QElapsedTimer total;
    total.start();

    if (!QFile::exists(appletBinary())) {
        std::fprintf(
            stderr, "no applet at %s (set FEDMSG_NOTIFY_BIN)\n", qPrintable(appletBinary()));
        return 1;
    }
    if (!QDBusConnection::sessionBus().isConnected()) {
        std::fprintf(stderr, "no session bus: run me through tests/run-headless.sh --run\n");
        return 1;
    }
    NotifyMonitor monitor;
    if (!monitor.start()) {
        std::fprintf(
            stderr, "dbus-monitor did not see a Notify call (is a notification server up?)\n");
        return 1;
    }
    TrayWatcher trayWatcher;
    TrayWatcher *tray = trayWatcher.start() ? &trayWatcher : nullptr;
    if (!tray)
        std::fprintf(stderr, "no X display: start-up to the tray icon is not measured\n");
    std::vector<double> startupMs;
    std::vector<double> busNameMs; // process start -> its application ID owned on the session bus
    qint64 busNameNs = 0;
    QDBusServiceWatcher nameWatcher(QStringLiteral("org.fedoraproject.FedmsgNotify"),
        QDBusConnection::sessionBus(),
        QDBusServiceWatcher::WatchForRegistration);
    QObject::connect(&nameWatcher, &QDBusServiceWatcher::serviceRegistered, [&busNameNs] {
        busNameNs = monoNs();
    });
    // The burst's GUI probe; here so that a late reply never finds it gone.
    std::vector<double> probeMs;
    double probeMax = 0;
    bool probing = false;
    qint64 unread = 0;
    std::function<void()> probe;
    const auto noteStartup = [&](Applet &a) {
        const double ms = a.trayMs(tray);
        if (ms >= 0)
            startupMs.push_back(ms);
        if (busNameNs > a.startNs)
            busNameMs.push_back(double(busNameNs - a.startNs) / 1e6);
        busNameNs = 0;
    };

    std::printf("bench_applet: %s, idle %d s, burst %d messages, %d s after it\n",
        qPrintable(appletBinary()),
        idleSeconds,
        burstCount,
        afterSeconds);
    std::printf("load average at start: %s", readProc(QStringLiteral("/proc/loadavg")).constData());

    // ---- ZeroMQ publisher: signed with the test CA's shell-app01 certificate --------------
    const QString endpoint = test::freeLoopbackEndpoint();
    PublisherOptions po;
    po.topicPrefix = QStringLiteral("org.fedoraproject");
    po.environment = QStringLiteral("prod");
    po.certFile = certDir() + QStringLiteral("shell-app01.phx2.fedoraproject.org.crt");
    po.keyFile = certDir() + QStringLiteral("shell-app01.phx2.fedoraproject.org.key");
    po.mode = PublisherOptions::Mode::Bind;
    po.url = endpoint;
    po.sendHighWaterMark = 0;
    po.lingerMs = 0;
    Publisher publisher(po);
    QString error;
    if (!publisher.open(&error)) {
        std::fprintf(stderr, "publisher: %s\n", qPrintable(error));
        return 1;
    }
    const auto zmqPublish = [&](const QString &topic, int i) {
        return publisher.publish(QStringLiteral("bench"), topic, benchMsg(i), &error);
    };
    const QString anyTopic = publisher.fullTopic(QStringLiteral("bench"), QString());
    // After a subscriber left: its unsubscription read, so the next wait sees the next one.
    const auto waitUnsubscribed = [&] {
        waitUntil(10000, [&] {
            (void)publisher.waitForSubscriber(anyTopic, 0);
            return publisher.subscriptionCount() == 0;
        });
    };

    // ---- 1. publish -> Notify, ZeroMQ ---------------------------------------------------------
    std::printf("\n1. publish -> envelope, bare ZmqSource (baseline)\n");
    std::vector<double> zmqBaseline;
    if (want("latency")) {
        ZmqSource source(zmqBus(endpoint));
        double received = 0;
        QObject::connect(&source, &Source::envelopesReceived, [&](const QList<Envelope> &batch) {
            if (!batch.isEmpty())
                received = realSeconds();
        });
        source.start();
        if (!publisher.waitForSubscriber(anyTopic, 20000))
            std::fprintf(stderr, "the bare ZmqSource never subscribed\n");
        for (int i = 0; i < 200; ++i) {
            received = 0;
            const double sent = realSeconds(); // before: publish() may return after delivery
            if (!zmqPublish(QStringLiteral("base.k0"), i))
                continue;
            if (waitUntil(3000, [&] {
                    return received != 0;
                }))
                zmqBaseline.push_back((received - sent) * 1000.0);
        }
        source.stop();
    }
    waitUnsubscribed();
    printLatency(
        "baseline: bare ZmqSource, signed + validated", zmqBaseline, 200 - int(zmqBaseline.size()));

    AppletSetup latencySetup;
    latencySetup.rulesJson = latencyRules();
    latencySetup.popupsPerMinute = 60;
    latencySetup.showImages = false; // no icon download: the popup would wait up to 0.3 s
    // A fresh applet may show 5 popups, and earns popupsPerMinute (60 here) a minute up to 60:
    // the idle window before the samples fills that, so every sample pops up (20 rules, 3 popups a
    // minute each). A shorter idle window gives fewer samples.
    const int samples = std::clamp(5 + idleSeconds, 5, 55);
    // Then one a second (what the limits earn back) up to latencySamples: a p99 of 55 samples is
    // their slowest one. These find the applet idle, its threads asleep, as most messages do.
    const int pacedSamples = std::max(0, latencySamples - samples);
    const auto sampleNotify = [&](const char *what, const std::function<bool(int)> &publish) {
        Latency l = measureNotify(monitor, 0, samples, 0, publish);
        printLatency("  back to back", l.ms, l.missed);
        if (pacedSamples > 0) {
            const Latency paced = measureNotify(monitor, samples, pacedSamples, 1050, publish);
            printLatency("  one a second, the applet idle between", paced.ms, paced.missed);
            l.ms.insert(l.ms.end(), paced.ms.begin(), paced.ms.end());
            l.missed += paced.missed;
        }
        printLatency(what, l.ms, l.missed);
        return l;
    };
    const auto latencyRow = [&](const QString &what,
                                const Latency &l,
                                const std::vector<double> &base,
                                const QString &baseWhat) {
        const double p99 = percentile(l.ms, 0.99);
        report({ QStringLiteral("Applet"),
            QStringLiteral("publish -> Notify p50 / p99, %1 (%2 samples%3)")
                .arg(what)
                .arg(l.ms.size())
                .arg(l.missed != 0
                        ? QStringLiteral(", %1 held by the popup limit or lost").arg(l.missed)
                        : QString()),
            number(percentile(l.ms, 0.5), 2, QStringLiteral("ms")) + QStringLiteral(" / ")
                + number(p99, 2, QStringLiteral("ms")),
            QStringLiteral("%1: %2 / %3")
                .arg(baseWhat,
                    number(percentile(base, 0.5), 2, QStringLiteral("ms")),
                    number(percentile(base, 0.99), 2, QStringLiteral("ms"))),
            QStringLiteral("p99 < 5 ms"),
            !l.ms.empty() && p99 < 5.0 });
    };
    /// Idle: per-thread wake-ups and CPU, RSS; returns the wake-ups of threads not named
    /// @p allowedPrefix (empty: every thread counts).
    const auto measureIdle = [&](Applet &applet,
                                 const QString &what,
                                 const QString &allowedPrefix,
                                 const QString &goal) {
        const ProcSample a = sampleProc(applet.pid());
        waitUntil(idleSeconds * 1000);
        const ProcSample b = sampleProc(applet.pid());
        const auto deltas = threadDeltas(a, b);
        printThreads(deltas, idleSeconds);
        const double cpuMs = ticksToMs(b.cpuTicks - a.cpuTicks);
        QStringList waking;
        qint64 all = 0;
        qint64 others = 0;
        for (const ThreadDelta &t : deltas) {
            const qint64 n = t.voluntary + t.involuntary;
            all += n;
            if (n > 0)
                waking.append(QStringLiteral("%1 %2").arg(t.name).arg(n));
            // Periodic: woke at least twice in the window (one wake-up is a one-off, e.g. a
            // single-shot timer of the start-up).
            if (n >= 2 && (allowedPrefix.isEmpty() || !t.name.startsWith(allowedPrefix)))
                others += n;
        }
        std::printf(
            "  RSS %.1f MiB (anonymous %.1f, files %.1f), CPU %.0f ms in %d s, %lld wake-ups\n",
            mib(b.rssKiB),
            mib(b.anonKiB),
            mib(b.fileKiB),
            cpuMs,
            idleSeconds,
            qlonglong(all));
        report({ QStringLiteral("Applet"),
            QStringLiteral("idle %1 s, %2: RSS").arg(idleSeconds).arg(what),
            number(mib(b.rssKiB), 1, QStringLiteral("MiB"))
                + QStringLiteral(" (anonymous %1, files and libraries %2)")
                      .arg(number(mib(b.anonKiB), 1, QStringLiteral("MiB")),
                          number(mib(b.fileKiB), 1, QStringLiteral("MiB"))),
            QStringLiteral("-"),
            QStringLiteral("< 35 MiB"),
            mib(b.rssKiB) < 35.0 });
        report({ QStringLiteral("Applet"),
            QStringLiteral(
                "idle %1 s, %2: CPU, wake-ups per thread (periodic = a thread woke 2+ times)")
                .arg(idleSeconds)
                .arg(what),
            number(cpuMs, 0, QStringLiteral("ms CPU")) + QStringLiteral(", ") + QString::number(all)
                + QStringLiteral(" wake-ups")
                + (waking.isEmpty() ? QString()
                                    : QStringLiteral(" (") + waking.join(QStringLiteral(", "))
                            + QLatin1Char(')')),
            QStringLiteral("-"),
            goal,
            others == 0 });
    };

    // ---- ZeroMQ: idle, publish -> Notify, steady traffic (one applet) ----------------------
    if (want("idle") || want("latency")) {
        AppletSetup s = latencySetup;
        s.buses = { zmqBus(endpoint) };
        Applet applet;
        if (!applet.start(s, tray))
            return 1;
        noteStartup(applet);
        if (!publisher.waitForSubscriber(anyTopic, 20000, 200))
            std::fprintf(stderr, "the applet never subscribed\n%s\n", applet.log.constData());
        waitUntil(3000); // start-up work (history open, first queries) settles
        if (want("idle")) {
            std::printf("\n3. idle %d s connected to a silent ZeroMQ publisher\n", idleSeconds);
            measureIdle(applet,
                QStringLiteral("silent ZeroMQ publisher"),
                QString(),
                QStringLiteral("no periodic wake-ups"));
        }
        if (want("latency")) {
            std::printf("\n1. publish -> Notify, ZeroMQ\n");
            const Latency l = sampleNotify("applet, ZeroMQ (signed, validated)", [&](int i) {
                return zmqPublish(QStringLiteral("lat.k%1").arg(i % LatencyRules), i);
            });
            latencyRow(QStringLiteral("ZeroMQ signed, loopback"),
                l,
                zmqBaseline,
                QStringLiteral("bare ZmqSource publish -> envelope"));
        }
        if (want("idle")) {
            std::printf("\n2. steady traffic: 20 messages/s for 10 s (signed, validated)\n");
            const int steadyCount = 200;
            const ProcSample c = sampleProc(applet.pid());
            std::atomic<int> sent { 0 };
            std::thread pub([&] {
                const auto t0 = std::chrono::steady_clock::now();
                QString e;
                for (int i = 0; i < steadyCount; ++i) {
                    std::this_thread::sleep_until(t0 + std::chrono::milliseconds(50 * i));
                    if (publisher.publish(QStringLiteral("bench"),
                            QStringLiteral("steady.k%1").arg(i % LatencyRules),
                            benchMsg(i),
                            &e))
                        ++sent;
                }
            });
            waitUntil(30000, [&] {
                return sent.load() >= steadyCount;
            });
            pub.join();
            waitUntil(1000); // the last messages through history and rules
            const ProcSample d = sampleProc(applet.pid());
            const double steadyCpu = ticksToMs(d.cpuTicks - c.cpuTicks);
            const qint64 wakes = d.wakeups() - c.wakeups();
            qint64 voluntary = 0;
            for (const ThreadDelta &t : threadDeltas(c, d))
                voluntary += t.voluntary;
            printThreads(threadDeltas(c, d), 11);
            const double cpuPer = steadyCpu / sent.load();
            const double wakesPer = double(wakes) / sent.load();
            std::printf(
                "  %d messages: %.3f ms CPU and %.2f wake-ups (%.2f voluntary) per message\n",
                sent.load(),
                cpuPer,
                wakesPer,
                double(voluntary) / sent.load());
            report({ QStringLiteral("Applet"),
                QStringLiteral("steady 20 msg/s for 10 s, ZeroMQ signed: CPU per message"),
                number(cpuPer, 3, QStringLiteral("ms")),
                QStringLiteral("-"),
                QStringLiteral("< 0.3 ms"),
                cpuPer < 0.3 });
            report({ QStringLiteral("Applet"),
                QStringLiteral("steady 20 msg/s for 10 s: thread wake-ups per message (voluntary + "
                               "involuntary)"),
                number(wakesPer, 2, QString())
                    + QStringLiteral(" (voluntary %1)")
                          .arg(double(voluntary) / sent.load(), 0, 'f', 2),
                QStringLiteral("-"),
                QStringLiteral("<= 2"),
                wakesPer <= 2.0 });
        }
        applet.stop();
        waitUnsubscribed();
    }

    // ---- AMQP: baseline, idle, publish -> Notify (one applet) ------------------------------
    test::AmqpTestBroker broker;
    const bool haveBroker = broker.load();
    std::unique_ptr<AmqpPublisher> amqpPublisher;
    if (haveBroker) {
        amqpPublisher = std::make_unique<AmqpPublisher>(broker.publisherOptions());
        if (!amqpPublisher->connect(&error)) {
            std::fprintf(stderr, "AMQP publisher: %s\n", qPrintable(error));
            amqpPublisher.reset();
        }
    } else {
        std::printf("\n(no test broker: FEDMSG_TEST_BROKER_ENV unset; AMQP rows skipped)\n");
    }
    const auto amqpPublish = [&](const QString &topic, int i) {
        AmqpOutgoingMessage m;
        m.topic = topic;
        m.body = benchMsg(i);
        m.usernames = { QStringLiteral("benchuser") };
        return !amqpPublisher->publish(m, &error).isEmpty();
    };
    if (amqpPublisher && (want("latency") || want("amqpidle"))) {
        std::vector<double> amqpBaseline;
        if (want("latency")) {
            std::printf("\n1b. publish -> envelope, bare AmqpSource (baseline)\n");
            AmqpSource source(broker.bus({ QStringLiteral("benchbase") }));
            double received = 0;
            bool connected = false;
            QObject::connect(
                &source, &Source::endpointStatusChanged, [&](const EndpointStatus &st) {
                    connected = connected || st.state == EndpointStatus::State::Connected;
                });
            QObject::connect(
                &source, &Source::envelopesReceived, [&](const QList<Envelope> &batch) {
                    QList<quint64> tags;
                    for (const Envelope &e : batch)
                        tags.append(e.deliveryTag());
                    if (!batch.isEmpty())
                        received = realSeconds();
                    source.acknowledge(tags);
                });
            source.start();
            waitUntil(20000, [&] {
                return connected;
            });
            for (int i = 0; i < 200 && connected; ++i) {
                received = 0;
                const double sent = realSeconds(); // before: publish() may return after delivery
                if (!amqpPublish(QStringLiteral("benchbase.k0"), i))
                    continue;
                if (waitUntil(3000, [&] {
                        return received != 0;
                    }))
                    amqpBaseline.push_back((received - sent) * 1000.0);
            }
            source.stop();
            printLatency(
                "baseline: bare AmqpSource (TLS)", amqpBaseline, 200 - int(amqpBaseline.size()));
        }
        AppletSetup s = latencySetup;
        BusConfig bus = broker.bus({ QStringLiteral("benchlat") });
        bus.label = bus.name;
        s.buses = { bus };
        Applet applet;
        if (!applet.start(s, tray))
            return 1;
        noteStartup(applet);
        if (waitUntil(20000, [&applet] {
                return applet.log.contains(" connected");
            })) {
            waitUntil(3000);
            if (want("amqpidle")) {
                std::printf(
                    "\n3b. idle %d s connected to the broker (heartbeat 60 s)\n", idleSeconds);
                measureIdle(applet,
                    QStringLiteral("AMQP broker (heartbeat 60 s)"),
                    QStringLiteral("amqp:"),
                    QStringLiteral("only the heartbeat (AMQP thread)"));
            }
            if (want("latency")) {
                std::printf("\n1b. publish -> Notify, AMQP\n");
                const Latency l = sampleNotify("applet, AMQP (TLS broker)", [&](int i) {
                    return amqpPublish(QStringLiteral("benchlat.k%1").arg(i % LatencyRules), i);
                });
                latencyRow(QStringLiteral("AMQP over TLS, loopback broker"),
                    l,
                    amqpBaseline,
                    QStringLiteral("bare AmqpSource publish -> envelope"));
            }
        } else {
            std::fprintf(
                stderr, "the applet never connected to the broker\n%s\n", applet.log.constData());
        }
        applet.stop();
    }

    // ---- 5. burst ------------------------------------------------------------------------------
    if (want("burst")) {
        std::printf("\n5. burst of %d messages (default limits: 5 popups a minute, 3 per rule)\n",
            burstCount);
        AppletSetup s;
        s.rulesJson = notifyEverythingRules();
        s.buses = { zmqBus(endpoint) };
        s.buses.front().receiveHighWaterMark = std::max(10000, burstCount);
        s.digestWindowSeconds = std::clamp(afterSeconds - 5, 10, 60);
        Applet applet;
        if (!applet.start(s, tray))
            return 1;
        noteStartup(applet);
        publisher.waitForSubscriber(anyTopic, 20000, 200);
        waitUntil(3000);
        // The GUI-thread probe: a property read of the control interface, one at a time.
        probing = true;
        probe = [&] {
            if (!probing)
                return;
            QDBusMessage m =
                QDBusMessage::createMethodCall(QStringLiteral("org.fedoraproject.FedmsgNotify"),
                    QStringLiteral("/org/fedoraproject/FedmsgNotify/Control"),
                    QStringLiteral("org.freedesktop.DBus.Properties"),
                    QStringLiteral("Get"));
            m << QStringLiteral("org.fedoraproject.FedmsgNotify.Control")
              << QStringLiteral("UnreadCount");
            const qint64 t0 = monoNs();
            auto *w =
                new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(m, 30000));
            QObject::connect(w, &QDBusPendingCallWatcher::finished, [&, w, t0] {
                const double ms = double(monoNs() - t0) / 1e6;
                QDBusPendingReply<QDBusVariant> r = *w;
                if (!r.isError()) {
                    probeMs.push_back(ms);
                    probeMax = std::max(probeMax, ms);
                    unread = r.value().variant().toLongLong();
                }
                w->deleteLater();
                QTimer::singleShot(2, probe);
            });
        };
        probe();
        waitUntil(1000);
        const double idleProbe = median(probeMs);
        probeMs.clear();
        probeMax = 0;
        const ProcSample before = sampleProc(applet.pid());
        QFile clear(QStringLiteral("/proc/%1/clear_refs").arg(applet.pid()));
        const bool hwmReset = clear.open(QIODevice::WriteOnly) && clear.write("5") == 1;
        clear.close();
        const size_t notifiesBefore = monitor.calls.size();
        std::atomic<bool> published { false };
        const double burstStart = realSeconds();
        std::thread pub([&] {
            QString e;
            for (int i = 0; i < burstCount; ++i)
                publisher.publish(
                    QStringLiteral("bench"), QStringLiteral("burst.k0"), benchMsg(i), &e);
            published = true;
        });
        QElapsedTimer burstTime;
        burstTime.start();
        qint64 lastUnread = -1;
        QElapsedTimer sinceChange;
        sinceChange.start();
        waitUntil(120000, [&] { // every message stored, or no progress for 5 s
            if (unread != lastUnread) {
                lastUnread = unread;
                sinceChange.restart();
            }
            return published.load() && (unread >= burstCount || sinceChange.elapsed() > 5000);
        });
        pub.join();
        const auto drainMs = double(burstTime.elapsed());
        const ProcSample peak = sampleProc(applet.pid());
        const double stallMax = probeMax;
        const double stallP99 = percentile(probeMs, 0.99);
        const size_t probesDuringBurst = probeMs.size();
        std::printf("  unread count %lld of %d, settled after %.0f ms\n",
            qlonglong(unread),
            burstCount,
            drainMs);
        probeMax = 0; // from here: the minute after, with the digest
        waitUntil(afterSeconds * 1000);
        const double stallAfterMax = probeMax;
        probing = false;
        waitUntil(100);
        const ProcSample after = sampleProc(applet.pid());
        int popups = 0;
        int digests = 0;
        for (size_t i = notifiesBefore; i < monitor.calls.size(); ++i) {
            ++popups;
            if (monitor.calls[i].summary.contains(QLatin1String("new messages")))
                ++digests;
            std::printf("    Notify %.2f s after the burst began: %s\n",
                monitor.calls[i].time - burstStart,
                qPrintable(monitor.calls[i].summary));
        }
        const double rssBefore = mib(before.rssKiB);
        const double rssPeak = mib(hwmReset ? peak.hwmKiB : peak.rssKiB);
        const double rssAfter = mib(after.rssKiB);
        std::printf("  Notify calls: %d (%d digest)\n", popups, digests);
        std::printf("  GUI probe (D-Bus property read): idle median %.2f ms; during the burst "
                    "(%zu reads) p99 %.2f ms, worst %.2f ms; in the %d s after it (the digest) "
                    "worst %.2f ms\n",
            idleProbe,
            probesDuringBurst,
            stallP99,
            stallMax,
            afterSeconds,
            stallAfterMax);
        std::printf("  RSS before %.1f MiB, peak %.1f MiB%s, %d s after %.1f MiB\n",
            rssBefore,
            rssPeak,
            hwmReset ? " (VmHWM)" : " (sampled)",
            afterSeconds,
            rssAfter);
        std::printf("    anonymous (heap, stacks) %.1f -> %.1f MiB, files (libraries) %.1f -> "
                    "%.1f MiB\n",
            mib(before.anonKiB),
            mib(after.anonKiB),
            mib(before.fileKiB),
            mib(after.fileKiB));
        std::printf("    the largest mappings %d s after:\n", afterSeconds);
        printLargestMappings(applet.pid(), 12);
        report({ QStringLiteral("Applet"),
            QStringLiteral("burst of %1 messages: Notify calls (popups + digest)").arg(burstCount),
            QStringLiteral("%1 (%2 digest)").arg(popups).arg(digests),
            QStringLiteral("-"),
            QStringLiteral("one digest"),
            digests == 1 });
        report({ QStringLiteral("Applet"),
            QStringLiteral("burst: worst GUI-thread stall (D-Bus property read round trip)"),
            number(std::max(stallMax, stallAfterMax), 1, QStringLiteral("ms"))
                + QStringLiteral(" (drain: worst %1, p99 %2 of %3 reads; the %4 s after, with "
                                 "the digest: worst %5)")
                      .arg(number(stallMax, 1, QStringLiteral("ms")),
                          number(stallP99, 1, QStringLiteral("ms")))
                      .arg(probesDuringBurst)
                      .arg(afterSeconds)
                      .arg(number(stallAfterMax, 1, QStringLiteral("ms"))),
            QStringLiteral("idle round trip %1").arg(number(idleProbe, 2, QStringLiteral("ms"))),
            QStringLiteral("< 50 ms"),
            !probeMs.empty() && std::max(stallMax, stallAfterMax) < 50.0 });
        report({ QStringLiteral("Applet"),
            QStringLiteral("burst: RSS before / peak / %1 s after").arg(afterSeconds),
            QStringLiteral("%1 / %2 / %3 MiB")
                .arg(rssBefore, 0, 'f', 1)
                .arg(rssPeak, 0, 'f', 1)
                .arg(rssAfter, 0, 'f', 1),
            QStringLiteral("-"),
            QStringLiteral("after within 10 % of before"),
            rssAfter <= rssBefore * 1.10 });
        applet.stop();
        waitUnsubscribed();
    }

    // ---- 4. start-up to the tray icon ----------------------------------------------------------
    std::printf("\n4. start-up to the tray icon (process start -> icon mapped in the tray)\n");
    if (tray && want("startup")) {
        for (int run = 0; run < 3; ++run) { // and the runs above
            AppletSetup s;
            s.rulesJson = notifyEverythingRules();
            s.buses = { zmqBus(endpoint) };
            Applet applet;
            if (!applet.start(s, tray))
                return 1;
            noteStartup(applet);
            applet.stop();
        }
        // Baseline: the same binary answering --version (exec, dynamic linking, QCoreApplication).
        std::vector<double> versionMs;
        for (int run = 0; run < 5; ++run) {
            QProcess p;
            const qint64 t0 = monoNs();
            p.start(appletBinary(), { QStringLiteral("--version") });
            if (p.waitForFinished(10000))
                versionMs.push_back(double(monoNs() - t0) / 1e6);
        }
        std::printf("  baseline: fedmsg-notify --version, start to exit: median %.1f ms of %zu\n",
            median(versionMs),
            versionMs.size());
        std::printf("  start -> application ID on the session bus: median %.1f ms of %zu\n",
            median(busNameMs),
            busNameMs.size());
        std::vector<double> sorted = startupMs;
        std::sort(sorted.begin(), sorted.end());
        QStringList all;
        for (double ms : sorted)
            all.append(QString::number(ms, 'f', 0));
        QStringList inOrder;
        for (double ms : startupMs)
            inOrder.append(QString::number(ms, 'f', 0));
        const double med = median(startupMs);
        std::printf("  %zu runs: median %.1f ms (%s; in the order they ran: %s)\n",
            startupMs.size(),
            med,
            qPrintable(all.join(QStringLiteral(", "))),
            qPrintable(inOrder.join(QStringLiteral(", "))));
        report({ QStringLiteral("Applet"),
            QStringLiteral("start-up to the tray icon, median of %1 runs").arg(startupMs.size()),
            number(med, 1, QStringLiteral("ms"))
                + QStringLiteral(" (min %1, max %2)")
                      .arg(sorted.empty() ? 0.0 : sorted.front(), 0, 'f', 0)
                      .arg(sorted.empty() ? 0.0 : sorted.back(), 0, 'f', 0),
            QStringLiteral("fedmsg-notify --version start to exit %1; start -> bus name %2")
                .arg(number(median(versionMs), 1, QStringLiteral("ms")),
                    number(median(busNameMs), 1, QStringLiteral("ms"))),
            QStringLiteral("< 50 ms"),
            !startupMs.empty() && med < 50.0 });
    }

    std::printf(
        "\nload average at the end: %s", readProc(QStringLiteral("/proc/loadavg")).constData());
    std::printf("bench_applet: %.0f s\n", double(total.elapsed()) / 1000.0);
    monitor.stop();
    if (tray)
        tray->stop();
    return 0;
}
