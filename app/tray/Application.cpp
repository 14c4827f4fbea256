// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "Application.h"
#include "AboutDialog.h"
#include "BusesPage.h"
#include "FreedesktopApplication.h"
#include "HistoryWindow.h"
#include "MessageTypesPage.h"
#include "MuteChooser.h"
#include "PreferencesDialog.h"
#include "WelcomeDialog.h"
#include "WhyDialog.h"

#include "backfill/CatchUp.h"
#include "config/FedmsgConfigReader.h"
#include "demo/DemoBus.h"
#include "engine/Engine.h"
#include "engine/HistoryLimits.h"
#include "engine/NetworkWatcher.h"
#include "engine/RulePreview.h"
#include "engine/RuleStorage.h"
#include "engine/Transports.h"
#include "history/History.h"
#include "history/HistoryQuery.h"
#include "history/StoredMessage.h"
#include "i18n/Translations.h"
#include "model/BusListModel.h"
#include "notify/ControlService.h"
#include "notify/DBusNotifier.h"
#include "notify/IconCache.h"
#include "notify/LegacyNotifyService.h"
#include "notify/NotifyDecision.h"
#include "notify/PopupText.h"
#include "packages/PackageDirectory.h"
#include "render/Renderer.h"
#include "rules/AccountDetector.h"
#include "rules/MuteRule.h"
#include "rules/RuleExplainer.h"
#include "rules/StarterRules.h"
#include "settings/Settings.h"

#include <QAction>
#include <QBuffer>
#include <QCoreApplication>
#include <QDBusConnection>
#include <QDesktopServices>
#include <QFileInfo>
#include <QIcon>
#include <QImage>
#include <QLocale>
#include <QLoggingCategory>
#include <QSystemTrayIcon>

#include <algorithm>
#include <memory>
#include <optional>
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
    // A second start of the program, a D-Bus activation, a left click on the tray icon and
    // the menu's "History…" all show the history window.
    connect(this, &Application::activated, this, [this](const QString &activationToken) {
        if (!activationToken.isEmpty())
            qputenv("XDG_ACTIVATION_TOKEN", activationToken.toUtf8()); // read by Qt's Wayland
        showHistory();
    });
    connect(m_tray.get(), &TrayIcon::activated, this, &Application::showHistory);
    connect(m_tray.get(), &TrayIcon::historyRequested, this, &Application::showHistory);
    // prefs hook: the menu's Preferences… (added after History… when the menu has none yet).
    auto *preferences = m_tray->menu()->findChild<QAction *>(QStringLiteral("preferencesAction"));
    if (!preferences) {
        preferences = new QAction(QIcon::fromTheme(QStringLiteral("preferences-system")),
            tr("&Preferences…"),
            m_tray->menu());
        preferences->setObjectName(QStringLiteral("preferencesAction"));
        auto *history = m_tray->menu()->findChild<QAction *>(QStringLiteral("historyAction"));
        const QList<QAction *> actions = m_tray->menu()->actions();
        const qsizetype after = actions.indexOf(history);
        m_tray->menu()->insertAction(
            after >= 0 && after + 1 < actions.size() ? actions.at(after + 1) : nullptr,
            preferences);
    }
    preferences->setEnabled(true);
    connect(preferences, &QAction::triggered, this, &Application::showPreferences);
    connect(m_tray.get(), &TrayIcon::aboutRequested, this, &Application::showAbout);
}

void Application::showAbout()
{
    if (!m_aboutDialog) {
        auto *dialog = new AboutDialog();
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &AboutDialog::welcomeRequested, this, &Application::welcomeRequested);
        connect(this, &QObject::destroyed, dialog, &QObject::deleteLater);
        m_aboutDialog = dialog;
    }
    m_tray->flush();
    m_aboutDialog->setBusState(m_tray->busSummary());
    m_aboutDialog->show();
    m_aboutDialog->raise();
    m_aboutDialog->activateWindow();
}

void Application::showWelcome()
{
    if (!m_settings)
        return;
    if (!m_welcomeDialog) {
        auto *dialog = new WelcomeDialog();
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->offerAccount(m_settings->fedoraAccount());
        // AccountDetector may find the account while the welcome is open.
        connect(m_settings.get(),
            &Settings::fedoraAccountChanged,
            dialog,
            &WelcomeDialog::offerAccount);
        connect(dialog, &WelcomeDialog::accountChosen, this, [this](const QString &account) {
            m_settings->setFedoraAccount(account);
            if (!m_options.demo
                && RuleStorage::offerStarterRules(*m_settings, &m_engine->rulesStage().catalog()))
                reportStarterRules();
            m_settings->sync();
        });
        connect(dialog, &WelcomeDialog::preferencesRequested, this, &Application::showPreferences);
        connect(this, &QObject::destroyed, dialog, &QObject::deleteLater);
        m_welcomeDialog = dialog;
    }
    m_settings->setWelcomeShown(true);
    m_settings->sync();
    m_welcomeDialog->show();
    m_welcomeDialog->raise();
    m_welcomeDialog->activateWindow();
}

Application::~Application()
{
    shutdown();
}

void Application::showHistory()
{
    if (!m_history)
        return;
    if (!m_historyWindow) {
        auto *window = new HistoryWindow(m_history.get());
        window->setAttribute(Qt::WA_DeleteOnClose);
        m_historyWindow = window;
        connect(m_history.get(), &QObject::destroyed, this, [window = m_historyWindow] {
            delete window.data();
        });
    }
    m_historyWindow->show();
    m_historyWindow->raise();
    m_historyWindow->activateWindow();
}

void Application::showPreferences()
{
    if (!m_history || !m_settings || !m_engine)
        return;
    if (!m_preferencesDialog) {
        auto *dialog = new PreferencesDialog(m_settings.get(),
            m_history.get(),
            m_engine->rulesStage().catalog(),
            AutostartEntry::forThisUser(),
            std::make_unique<RulePreview>(*m_history, *m_renderer, m_engine->rulesStage()));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->messageTypesPage()->setIconLookup([icons = m_icons.get()](const QString &url) {
            return icons ? icons->cachedPath(QUrl(url)) : QString();
        });
        m_preferencesDialog = dialog;
        // The Buses page shows each endpoint's state as the engine reports it to the tray.
        if (auto *buses = dialog->findChild<BusesPage *>()) {
            // The buses this run uses: under --demo the demo bus alone, else the presets of the
            // folders the applet reads (--config included), as at start.
            if (m_demo && m_demo->isRunning())
                buses->showDemoBus(m_demo->busConfig());
            else
                buses->setPresets(Transports::presets(m_fedmsgDirs));
            buses->setEndpointStatuses(m_engine->endpointStatuses());
            connect(m_engine.get(),
                &Engine::endpointStatusChanged,
                buses,
                &BusesPage::setEndpointStatus);
        }
        // Its rule preview reads the engine's rules stage and the history: it goes first.
        const auto close = [dialog = m_preferencesDialog] {
            delete dialog.data();
        };
        connect(m_engine.get(), &QObject::destroyed, this, close);
        connect(m_history.get(), &QObject::destroyed, this, close);
    }
    m_preferencesDialog->show();
    m_preferencesDialog->raise();
    m_preferencesDialog->activateWindow();
}

void Application::shutdown()
{
    if (m_engine)
        m_engine->stop();
    if (m_demo)
        m_demo->stop();
    // Gives the bus names back first: a launcher from now on starts a new instance.
    m_dbusApplication.reset();
    m_unreadTimer.stop();
    m_control.reset();
    m_legacy.reset();
    const qsizetype received = m_engine ? qsizetype(m_engine->receivedCount()) : 0;
    m_catchUp.reset();
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

    const QString settingsPath =
        m_options.settingsPath.isEmpty() ? Settings::defaultPath() : m_options.settingsPath;
    const bool newProfile = !QFileInfo::exists(settingsPath);
    m_settings = std::make_unique<Settings>(settingsPath);
    // The language chosen in the preferences, else the system's (main() installed that one).
    if (!m_settings->language().isEmpty())
        Translations::install(Translations::locale(m_settings->language()));
    HistoryOptions historyOptions;
    historyOptions.databasePath = m_options.historyPath;
    HistoryLimits::read(*m_settings, &historyOptions);
    m_history = std::make_unique<History>(historyOptions);
    m_renderer = std::make_unique<Renderer>();
    m_engine = std::make_unique<Engine>(m_history.get(), m_renderer.get());
    // The package sets rules ask about (dist-git, installed here): fetched on their own
    // thread, cached under the XDG cache folder; a child of this object, so it outlives the
    // engine that reads it.
    auto *packages =
        new packages::PackageDirectory(packages::PackageDirectoryOptions::forFedmsgNotify(), this);
    m_engine->setPackageSets(packages);
    m_notifier = std::make_unique<DBusNotifier>();
    m_network = std::make_unique<NetworkWatcher>();
    // After a gap (a lost queue, silence, resume, network back, start-up) each bus's archive
    // fills it in; one summary per bus instead of a popup per message.
    m_catchUp = std::make_unique<CatchUp>(m_engine.get(), m_history.get());
    connect(m_catchUp.get(), &CatchUp::caughtUp, this, &Application::reportCatchUp);
    // Its progress in the tooltip, and "Cancel catch-up" in the menu while one runs.
    connect(m_catchUp.get(), &CatchUp::started, m_tray.get(), [this](const QString &bus) {
        m_tray->setCatchUpProgress(bus, tr("Catching up on %1…").arg(bus));
    });
    connect(m_catchUp.get(), &CatchUp::progress, m_tray.get(), [this](const BackfillProgress &p) {
        m_tray->setCatchUpProgress(p.busName,
            tr("Catching up on %1: %2 of %3").arg(p.busName).arg(p.messages).arg(p.total));
    });
    connect(m_tray.get(), &TrayIcon::cancelCatchUpRequested, m_catchUp.get(), &CatchUp::cancelAll);
    connect(m_catchUp.get(),
        &CatchUp::problem,
        this,
        [](const QString &bus, const QString &reason, int retryInMs) {
            qCInfo(lcApp).noquote()
                << "catching up" << bus << ":" << reason << "; again in" << retryInMs / 1000 << "s";
        });

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
    connect(m_network.get(),
        &NetworkWatcher::reconnectRequested,
        m_catchUp.get(),
        &CatchUp::catchUpAll);
    connect(m_network.get(),
        &NetworkWatcher::reconnectRequested,
        packages,
        &packages::PackageDirectory::retryFailed);
    connect(
        m_notifier.get(), &DBusNotifier::serverUnavailable, this, [this](const Notification &n) {
            showFallback(n);
            updateTrayState(); // the count of messages not shown as popups
        });
    connect(m_notifier.get(),
        &DBusNotifier::serverAvailableChanged,
        this,
        &Application::updateTrayState);
    connect(m_notifier.get(),
        &DBusNotifier::linkActivated,
        this,
        [this](const QUrl &url, qint64 id, const QString &activationToken) {
            openLink(url, activationToken);
            if (id > 0)
                m_history->markRead({ id });
        });
    m_icons = std::make_unique<IconCache>();
    m_icons->setTransform(&Application::scaledImage);
    m_digestTimer.setSingleShot(true);
    connect(&m_digestTimer, &QTimer::timeout, this, &Application::showDigest);
    connect(m_notifier.get(),
        &DBusNotifier::shownNotification,
        this,
        [this](uint id, const Notification &n) {
            m_burst.noteShown(id, n.objectKey);
        });
    connect(m_notifier.get(), &DBusNotifier::closed, this, [this](uint id) {
        m_burst.noteClosed(id);
    });
    connect(m_notifier.get(), &DBusNotifier::muteRequested, this, &Application::chooseMute);
    connect(m_notifier.get(), &DBusNotifier::whyRequested, this, &Application::explain);
    connect(m_tray.get(), &TrayIcon::linkRequested, this, [](const QString &link) {
        const QUrl url = DBusNotifier::safeLink(link);
        if (!url.isEmpty())
            QDesktopServices::openUrl(url);
    });
    // Tray wiring (issue 17): the recent list from the history at start, read state, badge.
    connect(m_tray.get(), &TrayIcon::recentOpened, this, [this](qint64 id) {
        m_history->markRead({ id });
    });
    connect(m_tray.get(), &TrayIcon::markAllReadRequested, this, [this] {
        m_history->markAllRead();
        m_tray->setUntrustedSeen(false);
    });
    connect(m_history.get(), &History::ready, this, &Application::loadRecent);
    startDoNotDisturb();
    startControlInterfaces();
    m_engine->setMessageTypesOff(m_settings->messageTypesOff());
    m_engine->setUntrustedPolicy(rules::untrustedPolicyFromName(m_settings->untrustedPolicy()));
    connect(m_settings.get(),
        &Settings::untrustedPolicyChanged,
        m_engine.get(),
        [this](const QString &policy) {
            m_engine->setUntrustedPolicy(rules::untrustedPolicyFromName(policy));
        });
    connect(m_settings.get(),
        &Settings::messageTypesOffChanged,
        m_engine.get(),
        &Engine::setMessageTypesOff);
    // prefs hook: what the preferences change applies at once (the popup timeout, default
    // urgency, images and classic title are read per popup).
    const auto applyNotificationOptions = [this] {
        m_dnd.setQuietHours(m_settings->quietHoursStart(), m_settings->quietHoursEnd());
        m_dnd.setAllowCritical(m_settings->criticalBreaksThrough());
        if (m_legacy)
            m_legacy->setRelayEnabled(m_settings->dbusRelay());
        BurstControl::Limits limits = m_burst.limits();
        limits.globalPerMinute = m_settings->popupsPerMinute();
        limits.digestWindow = std::chrono::seconds(m_settings->digestWindowSeconds());
        m_burst.setLimits(limits);
    };
    applyNotificationOptions();
    connect(m_settings.get(),
        &Settings::notificationOptionsChanged,
        this,
        [this, applyNotificationOptions] {
            applyNotificationOptions();
            onDoNotDisturbChanged();
            scheduleDigest();
        });
    HistoryLimits::follow(m_settings.get(), m_history.get()); // at once, all three limits
    // The rules: a new profile keeps everything in the history until the starter rules are
    // offered (once the account is known); --demo has its own profile where everything pops up.
    const rules::MessageTypeCatalog *catalog = &m_engine->rulesStage().catalog();
    const StoredRules stored = RuleStorage::load(*m_settings, catalog);
    startRules(stored, catalog);

    // The folders fedmsg-tail reads: /etc/fedmsg.d, ~/.fedmsg.d, then --config.
    QStringList fileErrors;
    const QStringList fedmsgDirs = FedmsgConfigReader::withDefaults(m_options.configDirs,
        m_options.systemConfigDir.isEmpty() ? FedmsgConfigReader::systemDirectory()
                                            : m_options.systemConfigDir);
    m_fedmsgDirs = fedmsgDirs;
    QList<BusConfig> buses = m_settings->buses(Transports::presets(fedmsgDirs, &fileErrors));
    const QStringList problems = configProblems(buses, fileErrors, stored);
    if (stored.starterRulesAdded && !m_options.demo)
        reportStarterRules();
    if (m_options.demo)
        startDemoBus(buses);
    m_engine->setBuses(buses);
    m_catchUp->setBuses(buses);
    // prefs hook: a bus the Buses page added, changed, switched or removed takes effect at once:
    // the engine starts, reconfigures or stops that bus's source (Engine::setBuses).
    connect(m_settings.get(), &Settings::busesChanged, this, [this, fedmsgDirs] {
        if (m_options.demo)
            return; // the demo bus replaced every configured bus for this run
        const QList<BusConfig> now = m_settings->buses(Transports::presets(fedmsgDirs));
        m_engine->setBuses(now);
        m_catchUp->setBuses(now);
    });
    if (m_history->isReady())
        m_catchUp->catchUpAll();
    else
        connect(m_history.get(),
            &History::ready,
            m_catchUp.get(),
            &CatchUp::catchUpAll,
            Qt::SingleShotConnection);
    reportConfigProblems(problems);
    updateTrayState();
    m_tray->show(); // embedded at once, or when a tray appears later
    showFirstWindows(newProfile);
    return true;
}

void Application::startDoNotDisturb()
{
    // Do not disturb: "until resumed" is the saved Notifications/enabled switch; timed pauses
    // last for this run; quiet hours and the critical bypass come from the settings.
    if (!m_settings->notificationsEnabled())
        m_dnd.pauseUntilResumed();
    m_dnd.setQuietHours(m_settings->quietHoursStart(), m_settings->quietHoursEnd());
    m_dnd.setAllowCritical(m_settings->criticalBreaksThrough());
    m_dndTimer.setSingleShot(true);
    connect(&m_dndTimer, &QTimer::timeout, this, &Application::onDoNotDisturbChanged);
    connect(m_tray.get(), &TrayIcon::pauseToggled, this, [this](bool paused) {
        if (paused)
            pause(std::chrono::seconds(0));
        else
            resume();
    });
    connect(m_tray.get(), &TrayIcon::pauseForRequested, this, [this](std::chrono::seconds d) {
        pause(d);
    });
    connect(m_tray.get(), &TrayIcon::pauseUntilTomorrowRequested, this, [this] {
        m_dnd.pauseUntilTomorrow();
        m_settings->setNotificationsEnabled(true);
        onDoNotDisturbChanged();
    });
    m_dnd.setDesktopInhibited(m_notifier->desktopInhibited());
    connect(m_notifier.get(), &DBusNotifier::desktopInhibitedChanged, this, [this](bool on) {
        m_dnd.setDesktopInhibited(on);
        onDoNotDisturbChanged();
    });
    onDoNotDisturbChanged();
}

void Application::startRules(const StoredRules &stored, const rules::MessageTypeCatalog *catalog)
{
    m_engine->setAccount(m_settings->fedoraAccount());
    m_engine->setRules(m_options.demo ? RuleStorage::demoRules() : stored.rules);
    connect(m_settings.get(), &Settings::rulesChanged, m_engine.get(), [this, catalog] {
        if (!m_options.demo)
            m_engine->setRules(RuleStorage::load(*m_settings, catalog).rules);
    });
    connect(m_settings.get(), &Settings::fedoraAccountChanged, m_engine.get(), &Engine::setAccount);
    if (!m_options.demo && m_settings->fedoraAccount().isEmpty())
        detectAccount(catalog);
}

void Application::detectAccount(const rules::MessageTypeCatalog *catalog)
{
    auto *detector = new rules::AccountDetector(this);
    connect(detector,
        &rules::AccountDetector::finished,
        this,
        [this, detector, catalog](const QString &account, const QString &how) {
            detector->deleteLater();
            qCInfo(lcApp).noquote()
                << "Fedora account:"
                << (account.isEmpty() ? how
                                      : account + QStringLiteral(" (") + how + QLatin1Char(')'));
            if (account.isEmpty())
                return;
            m_settings->setFedoraAccount(account);
            if (RuleStorage::offerStarterRules(*m_settings, catalog))
                reportStarterRules();
        });
    detector->start();
}

QStringList Application::configProblems(
    const QList<BusConfig> &buses, const QStringList &fileErrors, const StoredRules &stored) const
{
    // First why a bus does not connect, then the file errors that text does not name already.
    QStringList problems;
    for (const BusConfig &bus : std::as_const(buses))
        if (bus.enabled && !bus.configError.isEmpty())
            problems.append(BusListModel::labelText(bus) + QStringLiteral(": ") + bus.configError);
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
    if (!m_settings->recoveredFrom().isEmpty())
        problems.append(tr("the settings file was broken (%1); it was kept as %2 and defaults "
                           "are used")
                            .arg(m_settings->brokenReason(), m_settings->recoveredFrom()));
    return problems;
}

void Application::startDemoBus(QList<BusConfig> &buses)
{
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

void Application::showFirstWindows(bool newProfile)
{
    // No system tray (GNOME without an AppIndicator extension, some Wayland sessions): the
    // history window is the main window; notifications flow as usual. Started in the
    // background (login, D-Bus activation) it waits for a launcher or a second start.
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        qCInfo(lcApp) << "no system tray: the history window is the main window";
        if (!m_options.background)
            showHistory();
    }
    connect(this, &Application::welcomeRequested, this, &Application::showWelcome);
    if (m_options.welcomeOnFirstStart && newProfile && !m_options.background
        && !m_settings->welcomeShown())
        showWelcome();
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

NotifyDecision Application::notifyDecisionOf(const rules::RuleDecision &rule) const
{
    // What the rule said becomes how the popup behaves: urgency, how long it stays, whether it
    // waits for the digest, and its per-rule burst limit.
    NotifyDecision decision;
    switch (rule.action.urgency) {
    case rules::RuleAction::Urgency::Low:
        decision.urgency = Notification::Urgency::Low;
        break;
    case rules::RuleAction::Urgency::Normal:
        decision.urgency = Notification::Urgency::Normal;
        break;
    case rules::RuleAction::Urgency::Critical:
        decision.urgency = Notification::Urgency::Critical;
        break;
    }
    decision.timeoutMs = rule.action.sticky ? 0 : rule.action.timeoutMs;
    // prefs hook: the preferences' timeout where the rule names none, their urgency where no rule
    // decided (the default action).
    if (!rule.action.sticky && rule.action.timeoutMs < 0 && m_settings)
        decision.timeoutMs = m_settings->popupTimeoutMs();
    if (rule.ruleId.isEmpty() && m_settings) {
        const QString urgency = m_settings->defaultUrgency();
        decision.urgency = urgency == QLatin1String("low") ? Notification::Urgency::Low
            : urgency == QLatin1String("critical")         ? Notification::Urgency::Critical
                                                           : Notification::Urgency::Normal;
    }
    decision.ruleId = rule.ruleId;
    decision.digest = rule.action.kind == rules::RuleAction::Kind::Digest;
    decision.mayBreakThrough = decision.urgency == Notification::Urgency::Critical;
    decision.why = rules::RuleExplainer::sentence(m_engine->rulesStage().rules(), rule);
    return decision;
}

QList<const EngineMessage *> Application::collectPopUps(const QList<EngineMessage> &messages)
{
    QList<const EngineMessage *> toNotify;
    for (const EngineMessage &m : messages) {
        addRecent(m);
        const bool popsUp = m.record.decision == Engine::decisionNotify()
            || m.record.decision == Engine::decisionDigest();
        if (m_catchUp && m_catchUp->absorb(m, popsUp))
            continue; // from an archive after a gap: counted into one summary
        if (popsUp)
            toNotify.append(&m);
    }
    return toNotify;
}

void Application::onMessages(const QList<EngineMessage> &messages)
{
    const QList<const EngineMessage *> toNotify = collectPopUps(messages);
    if (toNotify.isEmpty())
        return;
    const PopupText::TitleStyle style = m_settings->classicNotificationTitle()
        ? PopupText::TitleStyle::Classic
        : PopupText::TitleStyle::Human;
    for (const EngineMessage *m : std::as_const(toNotify)) {
        const Rendering &r = m->record.rendering;
        if (m_legacy && m_legacy->relayEnabled())
            m_legacy->relay(m->record.envelope.topic(),
                QString::fromStdString(m->record.envelope.canonicalBody()));
        const NotifyDecision decision = notifyDecisionOf(m->decision);
        const std::optional<ServiceInfo> service = m_renderer->service(r.serviceName);
        Notification n =
            PopupText::build(m->record.envelope, r, decision, service ? &*service : nullptr, style);
        n.historyId = m->historyId;
        // Messages about the same object (an update, a build) replace each other's popup.
        n.objectKey = r.objects.isEmpty()
            ? r.link
            : r.serviceName + QLatin1Char(':') + r.objects.join(QLatin1Char(','));
        // Our pause and quiet hours count what they hold (one summary at their end); the
        // desktop's do-not-disturb holds without counting. Held messages take no burst token.
        if (m_dnd.admit(n) != DoNotDisturb::Verdict::Show)
            continue;
        if (decision.digest) { // the rule's "digest" action: collected into the next digest
            m_burst.holdForDigest(m->record.envelope.body());
            continue;
        }
        if (m_burst.offer(n, decision.ruleId, n.objectKey, m->record.envelope.body())
            == BurstControl::Verdict::Held)
            continue;
        const QString serviceIcon = service && !service->icon.isEmpty() ? service->icon : r.icon;
        showWithImages(n, QUrl(serviceIcon), QUrl(r.secondaryIcon));
    }
    scheduleDigest();
}

void Application::reportCatchUp(
    const QString &busName, int stored, int forYou, const BackfillResult &result)
{
    m_tray->setCatchUpProgress(busName, {});
    const bool cancelled = result.outcome == BackfillResult::Outcome::Cancelled;
    const bool failed = result.outcome == BackfillResult::Outcome::Failed;
    if (stored <= 0 && !cancelled && !failed)
        return;
    Notification n;
    n.category = QStringLiteral("x-fedmsg.catchup");
    n.summary = tr("%n message(s) while you were away", nullptr, stored);
    n.body = forYou > 0
        ? tr("%n of them for you. All are in the history (%1).", nullptr, forYou).arg(busName)
        : tr("None of them for you. All are in the history (%1).").arg(busName);
    if (cancelled) {
        // What was fetched before the cancel is stored; the rest of the archive is not asked.
        n.summary = tr("Catch-up of %1 cancelled").arg(busName);
        n.body = tr("%n message(s) from the archive kept in the history; the rest was not "
                    "fetched.",
            nullptr,
            stored);
    } else if (failed && stored <= 0) {
        n.summary = tr("Catching up on %1 failed").arg(busName);
        n.body = result.reason;
    } else if (failed) {
        n.body += QLatin1Char('\n')
            + tr("The archive could not be read to the end: %1").arg(result.reason);
    }
    m_notifier->show(n);
    Q_EMIT notified(n.summary);
}

void Application::showWithImages(Notification n, const QUrl &icon, const QUrl &avatar)
{
    // The service icon (app_icon) and the agent's avatar (image-path) from the cache; a missing
    // one is fetched, but the popup waits at most ImageWait, then goes without it.
    if (m_settings && !m_settings->showImages()) { // prefs hook: icons and avatars off
        m_notifier->show(n);
        Q_EMIT notified(n.summary);
        return;
    }
    n.iconPath = m_icons->cachedPath(icon);
    n.imagePath = m_icons->cachedPath(avatar);
    const bool fetchIcon = n.iconPath.isEmpty() && !icon.isEmpty();
    const bool fetchAvatar = n.imagePath.isEmpty() && !avatar.isEmpty();
    if (!fetchIcon && !fetchAvatar) {
        m_notifier->show(n);
        Q_EMIT notified(n.summary);
        return;
    }
    struct Pending
    {
        Notification notification;
        int waiting = 0;
    };
    auto pending = std::make_shared<Pending>(Pending { n, int(fetchIcon) + int(fetchAvatar) });
    const auto done = [this, pending](QString Notification::*field, const QString &path) {
        pending->notification.*field = path;
        if (--pending->waiting > 0)
            return;
        m_notifier->show(pending->notification);
        Q_EMIT notified(pending->notification.summary);
    };
    if (fetchIcon)
        m_icons->fetch(icon, ImageWait, this, [done](const QString &path) {
            done(&Notification::iconPath, path);
        });
    if (fetchAvatar)
        m_icons->fetch(avatar, ImageWait, this, [done](const QString &path) {
            done(&Notification::imagePath, path);
        });
}

QByteArray Application::scaledImage(const QByteArray &bytes)
{
    // Decoding happens here, in the Gui layer; lib/notify stores what this returns.
    QImage image = QImage::fromData(bytes);
    if (image.isNull())
        return {}; // not an image: refused
    if (image.width() > MaxImageSize || image.height() > MaxImageSize)
        image =
            image.scaled(MaxImageSize, MaxImageSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return png;
}

void Application::pause(std::chrono::seconds duration)
{
    if (duration.count() > 0) {
        m_dnd.pauseFor(duration);
        m_settings->setNotificationsEnabled(true);
    } else {
        m_dnd.pauseUntilResumed();
        m_settings->setNotificationsEnabled(false);
    }
    onDoNotDisturbChanged();
}

void Application::resume()
{
    m_dnd.resume();
    m_settings->setNotificationsEnabled(true);
    onDoNotDisturbChanged();
}

bool Application::isPaused() const
{
    return m_dnd.isPaused();
}

void Application::onDoNotDisturbChanged()
{
    // One "N messages while paused" popup when our pause or quiet hours are over.
    if (std::optional<Notification> summary = m_dnd.takeSummary()) {
        m_notifier->show(*summary);
        Q_EMIT notified(summary->summary);
    }
    m_tray->setPauseState(m_dnd.isPaused(), m_dnd.pausedUntil());
    // Woken only when the state can change by itself (pause end, quiet hours start or end).
    const QDateTime next = m_dnd.nextChange();
    if (next.isValid())
        m_dndTimer.start(std::chrono::milliseconds(
            std::max<qint64>(0, QDateTime::currentDateTime().msecsTo(next))));
    else
        m_dndTimer.stop();
    Q_EMIT pausedChanged(m_dnd.isPaused());
}

void Application::startControlInterfaces()
{
    const QDBusConnection bus = QDBusConnection::sessionBus();
    QString error;
    m_control = std::make_unique<ControlService>();
    if (!m_control->registerOn(bus, &error))
        qCWarning(lcApp).noquote() << "no D-Bus control interface:" << error;
    m_control->setPaused(m_dnd.isPaused());
    connect(m_control.get(), &ControlService::pauseRequested, this, [this](uint seconds) {
        pause(std::chrono::seconds(seconds));
    });
    connect(m_control.get(), &ControlService::resumeRequested, this, &Application::resume);
    connect(
        m_control.get(), &ControlService::showHistoryRequested, this, &Application::showHistory);
    connect(m_control.get(),
        &ControlService::showPreferencesRequested,
        this,
        &Application::showPreferences);
    connect(m_control.get(), &ControlService::markAllReadRequested, this, [this] {
        m_history->markAllRead();
    });
    connect(this, &Application::pausedChanged, m_control.get(), &ControlService::setPaused);
    // For now the explanation is what the history stores of the rule decision.
    m_control->setExplainer([this](const QString &msgId) -> std::optional<QString> {
        HistoryQuery query;
        query.msgId = msgId;
        query.limit = 1;
        const QList<StoredMessage> found = m_history->search(query);
        if (msgId.isEmpty() || found.isEmpty())
            return std::nullopt;
        const StoredMessage &m = found.constFirst();
        return tr("%1: %2 (rule: %3; %4)")
            .arg(m.topic,
                m.decision.isEmpty() ? tr("no decision stored") : m.decision,
                m.decisionRule.isEmpty() ? tr("none") : m.decisionRule,
                trustLabel(m.trust));
    });
    // The unread count follows the history, counted at most every 250 ms (bursts).
    m_unreadTimer.setSingleShot(true);
    m_unreadTimer.setInterval(250);
    connect(&m_unreadTimer, &QTimer::timeout, this, [this] {
        HistoryQuery unread;
        unread.unreadOnly = true;
        const qint64 count = std::max<qint64>(0, m_history->count(unread));
        m_control->setUnreadCount(uint(count));
        m_tray->setUnreadCount(int(std::min<qint64>(count, 1 << 30)));
        m_tray->applyPendingUpdate(); // coalesced here already: no second timer
    });
    const auto recount = [this] {
        if (!m_unreadTimer.isActive())
            m_unreadTimer.start();
    };
    connect(m_history.get(), &History::stored, this, recount);
    connect(m_history.get(), &History::updated, this, recount);
    connect(m_history.get(), &History::ready, this, recount);
    recount();

    // The old applet's name and interface (its GNOME Shell extension, scripts).
    m_legacy = std::make_unique<LegacyNotifyService>();
    if (!m_legacy->registerOn(bus, &error))
        qCInfo(lcApp).noquote() << "old applet interface not offered:" << error;
    m_legacy->setRelayEnabled(m_settings->dbusRelay());
    connect(m_legacy.get(), &LegacyNotifyService::enableRequested, this, &Application::resume);
    connect(m_legacy.get(), &LegacyNotifyService::disableRequested, this, [this] {
        pause(std::chrono::seconds(0));
    });
}

void Application::scheduleDigest()
{
    const auto due = m_burst.digestDue();
    if (!due || m_digestTimer.isActive())
        return;
    const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(
        *due - std::chrono::steady_clock::now());
    m_digestTimer.start(std::max(wait, std::chrono::milliseconds(0)));
}

void Application::showDigest()
{
    // One digest per window, from what the burst control held back.
    std::optional<Notification> digest = m_burst.takeDigest(*m_renderer, true);
    if (!digest)
        return;
    m_notifier->show(*digest);
    Q_EMIT notified(digest->summary);
}

void Application::addRecent(const EngineMessage &message)
{
    const Rendering &r = message.record.rendering;
    const TrustState trust = message.record.envelope.trust();
    if (trust == TrustState::Untrusted)
        m_tray->setUntrustedSeen(true);
    const std::optional<ServiceInfo> service = m_renderer->service(r.serviceName);
    // Only a valid fedmsg signature counts as signed; the rest carry the one trust wording.
    m_tray->addRecent({ message.historyId,
        PopupText::humanSummary(message.record.envelope.topic(), r, service ? &*service : nullptr),
        r.subtitle,
        r.link,
        trust == TrustState::Trusted ? QString() : trustLabel(trust) });
}

void Application::loadRecent()
{
    // The last messages the history holds, read through its reader (not parsed again).
    HistoryQuery query;
    query.limit = TrayIcon::MaxRecent;
    QList<RecentEntry> entries;
    const QList<StoredMessage> stored = m_history->search(query);
    for (const StoredMessage &m : stored) {
        const std::optional<ServiceInfo> service = m_renderer->service(m.rendering.serviceName);
        entries.append({ m.id,
            PopupText::humanSummary(m.topic, m.rendering, service ? &*service : nullptr),
            m.rendering.subtitle,
            m.rendering.link,
            m.trust == TrustState::Trusted ? QString() : trustLabel(m.trust) });
    }
    m_tray->setRecent(entries);
}

void Application::openLink(const QUrl &url, const QString &activationToken)
{
    // On Wayland the browser is raised only with the activation token the notification server
    // gave for this click: the opener (xdg-open and what it starts) reads it from the
    // environment it inherits at start, so it is set just for this launch.
    const QByteArray previous = qgetenv("XDG_ACTIVATION_TOKEN");
    const bool hadPrevious = qEnvironmentVariableIsSet("XDG_ACTIVATION_TOKEN");
    if (!activationToken.isEmpty())
        qputenv("XDG_ACTIVATION_TOKEN", activationToken.toUtf8());
    QDesktopServices::openUrl(url);
    if (!activationToken.isEmpty()) {
        if (hadPrevious)
            qputenv("XDG_ACTIVATION_TOKEN", previous);
        else
            qunsetenv("XDG_ACTIVATION_TOKEN");
    }
}

void Application::chooseMute(const Notification &notification)
{
    // The rule it makes is an ordinary one the user can edit or delete.
    auto *chooser = new MuteChooser(notification);
    connect(chooser, &MuteChooser::chosen, this, [this, notification](std::chrono::seconds d) {
        muteSimilar(notification, d);
    });
    chooser->show();
}

void Application::muteSimilar(const Notification &notification, std::chrono::seconds duration)
{
    const rules::MessageTypeCatalog &catalog = m_engine->rulesStage().catalog();
    Rendering rendering;
    rendering.serviceName = notification.serviceName;
    const QString type = catalog.typeOf(notification.topic, rendering);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    rules::RuleError ruleError;
    const std::optional<rules::Rule> rule =
        rules::MuteRule::make(catalog, type, duration, now, &ruleError);
    QString reason = rule ? QString() : ruleError.toString();
    if (rule && m_options.demo) {
        rules::RuleSet set = m_engine->rulesStage().rules();
        set.rules.removeIf([&](const rules::Rule &r) {
            return r.id == rule->id;
        });
        set.rules.prepend(*rule);
        m_engine->setRules(set);
    } else if (rule && !RuleStorage::addFirst(*m_settings, *rule, &catalog, &reason)) {
        reason = tr("your rules could not be read whole (%1); fix them first").arg(reason);
    }
    Notification n;
    n.category = QStringLiteral("x-fedmsg.rules");
    if (!reason.isEmpty()) {
        qCWarning(lcApp).noquote() << "could not mute" << type << ":" << reason;
        n.summary = tr("Could not mute these messages");
        n.body = reason;
    } else {
        n.summary = rule->name;
        n.body = duration.count() > 0
            ? tr("Until %1. The rule is the first of your rules: delete it there to undo.")
                  .arg(QLocale().toString(
                      now.addSecs(duration.count()).toLocalTime(), QLocale::ShortFormat))
            : tr("From now on they stay in the history. The rule is the first of your rules: "
                 "delete it there to undo.");
        if (m_options.demo)
            n.body += QLatin1Char(' ') + tr("(Demo: not saved.)");
    }
    m_notifier->show(n);
    Q_EMIT notified(n.summary);
    if (reason.isEmpty())
        Q_EMIT muted(rule->id);
}

void Application::explain(const Notification &notification)
{
    (new WhyDialog(notification))->show();
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
    // notification server as long as it is missing. The tray works out the buses' state.
    QStringList notes;
    if (!m_configProblems.isEmpty())
        notes << tr("%n configuration problem(s): %1", nullptr, int(m_configProblems.size()))
                     .arg(m_configProblems.constFirst());
    const bool noServer = m_notifier && !m_notifier->isServerAvailable();
    if (noServer) {
        const int notShown = m_notifier->notShownCount();
        notes << (notShown == 0 ? tr("no notification server: popups start when one appears")
                                : tr("no notification server: %n message(s) not shown as popups",
                                    nullptr,
                                    notShown));
    }
    m_tray->setNotes(notes);
    m_tray->setNotificationServerMissing(noServer);
    m_tray->setEndpoints(m_engine ? m_engine->endpointStatuses() : QList<EndpointStatus>(),
        m_engine ? m_engine->sourceCount() : 0);
}

} // namespace fedmsg
