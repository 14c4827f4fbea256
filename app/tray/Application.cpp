// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "Application.h"
#include "FreedesktopApplication.h"

#include "config/FedmsgConfigReader.h"
#include "demo/DemoBus.h"
#include "engine/Engine.h"
#include "engine/NetworkWatcher.h"
#include "engine/RuleStorage.h"
#include "engine/Transports.h"
#include "history/History.h"
#include "notify/DBusNotifier.h"
#include "render/Renderer.h"
#include "rules/AccountDetector.h"
#include "rules/StarterRules.h"
#include "settings/Settings.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QLoggingCategory>

#include <algorithm>
#include <utility>

Q_LOGGING_CATEGORY(lcApp, "fedmsg.app")

namespace fedmsg {

Application::Application(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_instance(std::make_unique<SingleInstance>(QStringLiteral("fedmsg-notify")))
    , m_tray(std::make_unique<TrayIcon>())
{
    connect(m_tray.get(), &TrayIcon::quitRequested, qApp, &QCoreApplication::quit);
    connect(m_instance.get(), &SingleInstance::activated, this, [this] {
        Q_EMIT activated({});
    });
}

Application::~Application()
{
    shutdown();
}

void Application::shutdown()
{
    if (m_engine)
        m_engine->stop();
    if (m_demo)
        m_demo->stop();
    // Gives the bus name back first: a launcher from now on starts a new instance.
    m_dbusApplication.reset();
    const qsizetype received = m_engine ? qsizetype(m_engine->receivedCount()) : 0;
    m_engine.reset();
    // History's destructor writes what is still queued before its thread ends.
    m_history.reset();
    if (received > 0)
        qCInfo(lcApp) << "stopped after" << received << "messages; history written";
    m_instance.reset(); // closes the local server, which removes its socket file
}

bool Application::start()
{
    if (!m_instance->claim())
        return false;
    m_dbusApplication = std::make_unique<FreedesktopApplication>(m_options.applicationId);
    connect(
        m_dbusApplication.get(), &FreedesktopApplication::activated, this, &Application::activated);
    connect(m_dbusApplication.get(),
        &FreedesktopApplication::quitRequested,
        qApp,
        &QCoreApplication::quit);
    QString busError;
    if (!m_dbusApplication->registerOnSessionBus(&busError))
        qCWarning(lcApp).noquote() << "not activatable through D-Bus:" << busError;

    m_settings = std::make_unique<Settings>(
        m_options.settingsPath.isEmpty() ? Settings::defaultPath() : m_options.settingsPath);
    HistoryOptions historyOptions;
    historyOptions.databasePath = m_options.historyPath;
    historyOptions.maxAge = std::chrono::hours(24) * m_settings->historyMaxAgeDays();
    historyOptions.maxCount = m_settings->historyMaxCount();
    m_history = std::make_unique<History>(historyOptions);
    m_renderer = std::make_unique<Renderer>();
    m_engine = std::make_unique<Engine>(m_history.get(), m_renderer.get());
    m_notifier = std::make_unique<DBusNotifier>();
    m_network = std::make_unique<NetworkWatcher>();

    connect(m_engine.get(), &Engine::messagesStored, this, &Application::onMessages);
    connect(m_engine.get(), &Engine::endpointStatusChanged, this, &Application::onEndpointStatus);
    connect(m_engine.get(), &Engine::sourcesChanged, this, &Application::updateTrayState);
    connect(m_engine.get(),
        &Engine::queueNameAssigned,
        m_settings.get(),
        [this](const QString &bus, const QString &queue) {
            m_settings->setAmqpQueueName(bus, queue);
            m_settings->sync();
        });
    connect(m_network.get(),
        &NetworkWatcher::reconnectRequested,
        m_engine.get(),
        &Engine::reconnectAll);
    connect(m_notifier.get(), &DBusNotifier::serverUnavailable, this, &Application::showFallback);
    connect(m_notifier.get(),
        &DBusNotifier::serverAvailableChanged,
        this,
        &Application::updateTrayState);
    connect(
        m_notifier.get(), &DBusNotifier::linkActivated, this, [this](const QUrl &url, qint64 id) {
            QDesktopServices::openUrl(url);
            if (id > 0)
                m_history->markRead({ id });
        });
    connect(m_tray.get(), &TrayIcon::linkRequested, this, [](const QString &link) {
        const QUrl url = DBusNotifier::safeLink(link);
        if (!url.isEmpty())
            QDesktopServices::openUrl(url);
    });
    m_tray->setPaused(!m_settings->notificationsEnabled());
    connect(m_tray.get(), &TrayIcon::pauseToggled, this, [this](bool paused) {
        m_settings->setNotificationsEnabled(!paused);
    });
    m_engine->setMessageTypesOff(m_settings->messageTypesOff());
    connect(m_settings.get(),
        &Settings::messageTypesOffChanged,
        m_engine.get(),
        &Engine::setMessageTypesOff);
    // The rules: a new profile keeps everything in the history until the starter rules are
    // offered (once the account is known); --demo has its own profile where everything pops up.
    const rules::MessageTypeCatalog *catalog = &m_engine->rulesStage().catalog();
    const StoredRules stored = RuleStorage::load(*m_settings, catalog);
    m_engine->setAccount(m_settings->fedoraAccount());
    m_engine->setRules(m_options.demo ? RuleStorage::demoRules() : stored.rules);
    connect(m_settings.get(), &Settings::rulesChanged, m_engine.get(), [this, catalog] {
        if (!m_options.demo)
            m_engine->setRules(RuleStorage::load(*m_settings, catalog).rules);
    });
    connect(m_settings.get(), &Settings::fedoraAccountChanged, m_engine.get(), &Engine::setAccount);
    if (!m_options.demo && m_settings->fedoraAccount().isEmpty()) {
        auto *detector = new rules::AccountDetector(this);
        connect(detector,
            &rules::AccountDetector::finished,
            this,
            [this, detector, catalog](const QString &account, const QString &how) {
                detector->deleteLater();
                qCInfo(lcApp).noquote()
                    << "Fedora account:"
                    << (account.isEmpty()
                               ? how
                               : account + QStringLiteral(" (") + how + QLatin1Char(')'));
                if (account.isEmpty())
                    return;
                m_settings->setFedoraAccount(account);
                if (RuleStorage::offerStarterRules(*m_settings, catalog))
                    reportStarterRules();
            });
        detector->start();
    }

    // The folders fedmsg-tail reads: /etc/fedmsg.d, ~/.fedmsg.d, then --config.
    QStringList fileErrors;
    const QStringList fedmsgDirs = FedmsgConfigReader::withDefaults(m_options.configDirs,
        m_options.systemConfigDir.isEmpty() ? FedmsgConfigReader::systemDirectory()
                                            : m_options.systemConfigDir);
    QList<BusConfig> buses = m_settings->buses(Transports::presets(fedmsgDirs, &fileErrors));
    // First why a bus does not connect, then the file errors that text does not name already.
    QStringList problems;
    for (const BusConfig &bus : std::as_const(buses))
        if (bus.enabled && !bus.configError.isEmpty())
            problems.append(bus.label + QStringLiteral(": ") + bus.configError);
    for (const QString &error : std::as_const(fileErrors))
        if (std::none_of(problems.begin(), problems.end(), [&](const QString &p) {
                return p.contains(error);
            }))
            problems.append(error);
    for (const rules::RuleError &error : stored.errors)
        problems.append(tr("rules: %1").arg(error.toString()));
    if (!stored.keptAside.isEmpty())
        problems.append(tr("the stored rules could not be read; they were kept as %1 and only "
                           "the first-run rules are used")
                            .arg(stored.keptAside));
    if (stored.starterRulesAdded && !m_options.demo)
        reportStarterRules();
    if (!m_settings->recoveredFrom().isEmpty())
        problems.append(tr("the settings file was broken (%1); it was kept as %2 and defaults "
                           "are used")
                            .arg(m_settings->brokenReason(), m_settings->recoveredFrom()));
    if (m_options.demo) {
        m_demo = std::make_unique<DemoBus>();
        QString error;
        if (m_demo->start(&error)) {
            // The demo replaces every configured bus for this run; nothing is saved.
            for (BusConfig &bus : buses)
                bus.enabled = false;
            buses.append(m_demo->busConfig());
        } else {
            qCWarning(lcApp) << "demo bus failed to start:" << error;
        }
    }
    m_engine->setBuses(buses);
    reportConfigProblems(problems);
    updateTrayState();
    m_tray->show();
    return true;
}

void Application::reportStarterRules()
{
    Notification n;
    n.summary = tr("fedmsg-notify: starter rules for %1").arg(m_settings->fedoraAccount());
    n.body = rules::StarterRules::explanation();
    n.category = QStringLiteral("x-fedmsg.rules");
    m_notifier->show(n);
    Q_EMIT notified(n.summary);
}

void Application::reportConfigProblems(const QStringList &problems)
{
    m_configProblems = problems;
    if (problems.isEmpty())
        return;
    for (const QString &problem : problems)
        qCWarning(lcApp).noquote() << problem;
    Notification n;
    n.summary = tr("fedmsg-notify: %n configuration problem(s)", nullptr, int(problems.size()));
    n.body = problems.join(QLatin1Char('\n'));
    n.category = QStringLiteral("x-fedmsg.config");
    m_notifier->show(n);
    Q_EMIT notified(n.summary);
}

void Application::onMessages(const QList<EngineMessage> &messages)
{
    QList<const EngineMessage *> toNotify;
    for (const EngineMessage &m : messages) {
        addRecent(m);
        if (m.record.decision == Engine::decisionNotify())
            toNotify.append(&m);
    }
    if (toNotify.isEmpty() || !m_settings->notificationsEnabled())
        return;
    if (toNotify.size() > BurstLimit) {
        // A burst becomes one digest instead of a wall of popups.
        Notification digest;
        digest.summary = tr("%n new messages", nullptr, int(toNotify.size()));
        QStringList lines;
        for (const EngineMessage *m : std::as_const(toNotify).first(BurstLimit))
            lines.append(m->record.rendering.subtitle.isEmpty() ? m->record.rendering.title
                                                                : m->record.rendering.subtitle);
        if (toNotify.size() > BurstLimit)
            lines.append(tr("… and %n more", nullptr, int(toNotify.size()) - BurstLimit));
        digest.body = lines.join(QLatin1Char('\n'));
        digest.category = QStringLiteral("x-fedmsg.digest");
        m_notifier->show(digest);
        Q_EMIT notified(digest.summary);
        return;
    }
    for (const EngineMessage *m : std::as_const(toNotify)) {
        const Rendering &r = m->record.rendering;
        Notification n;
        n.summary = r.title;
        n.body = r.subtitle;
        n.link = r.link;
        n.historyId = m->historyId;
        if (m->record.envelope.trust() != TrustState::Trusted)
            n.summary = tr("%1 (unsigned)").arg(r.title);
        m_notifier->show(n);
        Q_EMIT notified(n.summary);
    }
}

void Application::addRecent(const EngineMessage &message)
{
    const Rendering &r = message.record.rendering;
    const TrustState trust = message.record.envelope.trust();
    m_tray->addRecent(r.title,
        r.subtitle,
        r.link,
        trust == TrustState::Trusted || trust == TrustState::BrokerUnsigned);
}

void Application::showFallback(const Notification &notification)
{
    // No notification server: the tray balloon is the next best thing.
    m_tray->systemTrayIcon()->showMessage(notification.summary, notification.body);
}

void Application::onEndpointStatus(const EndpointStatus & /*status*/)
{
    updateTrayState();
}

void Application::updateTrayState()
{
    // A configuration problem stays visible in the status line until the next start; a missing
    // notification server as long as it is missing.
    QStringList notes;
    if (!m_configProblems.isEmpty())
        notes << tr("%n configuration problem(s): %1", nullptr, int(m_configProblems.size()))
                     .arg(m_configProblems.constFirst());
    if (m_notifier && !m_notifier->isServerAvailable())
        notes << tr("no notification server, new messages are shown by the tray icon");
    const QString problems = notes.join(QStringLiteral(" — "));
    if (!m_engine || m_engine->sourceCount() == 0) {
        m_tray->setState(TrayIcon::State::NoBus, problems);
        return;
    }
    int connected = 0;
    int connecting = 0;
    const QList<EndpointStatus> statuses = m_engine->endpointStatuses();
    for (const EndpointStatus &s : statuses) {
        if (s.state == EndpointStatus::State::Connected)
            ++connected;
        else if (s.state == EndpointStatus::State::Connecting
            || s.state == EndpointStatus::State::Retrying)
            ++connecting;
    }
    const auto withProblems = [&problems](const QString &detail) {
        if (problems.isEmpty())
            return detail;
        return detail.isEmpty() ? problems : detail + QStringLiteral(" — ") + problems;
    };
    if (connected > 0)
        m_tray->setState(
            TrayIcon::State::Connected, withProblems(tr("%n endpoint(s)", nullptr, connected)));
    else if (connecting > 0 || statuses.isEmpty())
        m_tray->setState(TrayIcon::State::Connecting, withProblems({}));
    else
        m_tray->setState(TrayIcon::State::Offline, withProblems({}));
}

} // namespace fedmsg
