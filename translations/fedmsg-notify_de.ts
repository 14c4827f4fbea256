<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AutostartEntry</name>
    <message>
        <source>cannot create %1</source>
        <translation>%1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot remove %1</source>
        <translation>%1 kann nicht entfernt werden</translation>
    </message>
</context>
<context>
    <name>catalog</name>
    <message>
        <source>Ask Fedora Qs &amp; As</source>
        <translation>Fragen und Antworten auf Ask Fedora</translation>
    </message>
    <message>
        <source>the Fedora &apos;Ask&apos; Forum</source>
        <translation>das Fedora-Forum „Ask“</translation>
    </message>
    <message>
        <source>Package Updates</source>
        <translation>Paketaktualisierungen</translation>
    </message>
    <message>
        <source>the Fedora update system</source>
        <translation>das Fedora-Aktualisierungssystem</translation>
    </message>
    <message>
        <source>Package Commits</source>
        <translation>Paket-Commits</translation>
    </message>
    <message>
        <source>the Fedora version control system</source>
        <translation>die Fedora-Versionsverwaltung</translation>
    </message>
    <message>
        <source>Package Tag Votes</source>
        <translation>Stimmen zu Paket-Schlagwörtern</translation>
    </message>
    <message>
        <source>the Fedora package labeller/tagger</source>
        <translation>der Fedora-Paketverschlagworter</translation>
    </message>
    <message>
        <source>Blog Posts</source>
        <translation>Blogbeiträge</translation>
    </message>
    <message>
        <source>the Fedora blog aggregator</source>
        <translation>der Fedora-Blogaggregator</translation>
    </message>
    <message>
        <source>IRC Meetings</source>
        <translation>IRC-Besprechungen</translation>
    </message>
    <message>
        <source>the Fedora IRC bot</source>
        <translation>der Fedora-IRC-Bot</translation>
    </message>
    <message>
        <source>Wiki Edits</source>
        <translation>Wiki-Änderungen</translation>
    </message>
    <message>
        <source>the Fedora Wiki</source>
        <translation>das Fedora-Wiki</translation>
    </message>
    <message>
        <source>Account Changes</source>
        <translation>Kontoänderungen</translation>
    </message>
    <message>
        <source>the Fedora Account System</source>
        <translation>das Fedora-Kontensystem</translation>
    </message>
    <message>
        <source>Composes</source>
        <translation>Composes (Zusammenstellungen)</translation>
    </message>
    <message>
        <source>Fedora Release Engineering</source>
        <translation>Fedora-Release-Engineering</translation>
    </message>
    <message>
        <source>Package ACL Updates</source>
        <translation>Änderungen an Paket-ACLs</translation>
    </message>
    <message>
        <source>the Fedora Package DB</source>
        <translation>die Fedora-Paketdatenbank</translation>
    </message>
    <message>
        <source>Koji Builds</source>
        <translation>Koji-Builds</translation>
    </message>
    <message>
        <source>the Fedora build system</source>
        <translation>das Fedora-Build-System</translation>
    </message>
    <message>
        <source>Fedora Hosted Events</source>
        <translation>Ereignisse von Fedora Hosted</translation>
    </message>
    <message>
        <source>events from select Fedora Hosted projects</source>
        <translation>Ereignisse ausgewählter Fedora-Hosted-Projekte</translation>
    </message>
    <message>
        <source>Mailing List Messages</source>
        <translation>Nachrichten auf Mailinglisten</translation>
    </message>
    <message>
        <source>mailing list messages</source>
        <translation>Nachrichten auf Mailinglisten</translation>
    </message>
    <message>
        <source>New Badges</source>
        <translation>Neue Abzeichen</translation>
    </message>
    <message>
        <source>the Fedora Open Badges System</source>
        <translation>das Fedora-Abzeichensystem (Open Badges)</translation>
    </message>
    <message>
        <source>Ansible Runs</source>
        <translation>Ansible-Läufe</translation>
    </message>
    <message>
        <source>Fedora Infrastructure Ansible Runs</source>
        <translation>Ansible-Läufe der Fedora-Infrastruktur</translation>
    </message>
    <message>
        <source>Datanommer Events</source>
        <translation>Datanommer-Ereignisse</translation>
    </message>
    <message>
        <source>Exceptional Datanommer Events</source>
        <translation>Außergewöhnliche Datanommer-Ereignisse</translation>
    </message>
    <message>
        <source>Wallpaper Elections</source>
        <translation>Hintergrundbild-Wahlen</translation>
    </message>
    <message>
        <source>the supplemental wallpaper voting system</source>
        <translation>das Abstimmungssystem für zusätzliche Hintergrundbilder</translation>
    </message>
    <message>
        <source>Calendar Events</source>
        <translation>Kalendertermine</translation>
    </message>
    <message>
        <source>The Fedora Calendaring System</source>
        <translation>Das Fedora-Kalendersystem</translation>
    </message>
    <message>
        <source>Extra Repository Updates</source>
        <translation>Aktualisierungen zusätzlicher Paketquellen</translation>
    </message>
    <message>
        <source>the Cool Other Package Repositories system</source>
        <translation>das System „Cool Other Package Repositories“</translation>
    </message>
    <message>
        <source>Upstream Releases</source>
        <translation>Upstream-Veröffentlichungen</translation>
    </message>
    <message>
        <source>Upstream Release Monitoring</source>
        <translation>Überwachung von Upstream-Veröffentlichungen</translation>
    </message>
    <message>
        <source>Source File Hashes</source>
        <translation>Prüfsummen von Quelldateien</translation>
    </message>
    <message>
        <source>a backend tool that extracts hashes of source files</source>
        <translation>ein Hintergrundwerkzeug, das Prüfsummen von Quelldateien ermittelt</translation>
    </message>
    <message>
        <source>Jenkins build status</source>
        <translation>Jenkins-Build-Status</translation>
    </message>
    <message>
        <source>Jenkins CI system</source>
        <translation>Jenkins-CI-System</translation>
    </message>
    <message>
        <source>Github Events</source>
        <translation>GitHub-Ereignisse</translation>
    </message>
    <message>
        <source>Fedora-related Github Repos</source>
        <translation>Fedora-bezogene GitHub-Repositorys</translation>
    </message>
    <message>
        <source>Forgejo Events</source>
        <translation>Forgejo-Ereignisse</translation>
    </message>
    <message>
        <source>Fedora-related Forgejo repositories (via Webhook To Fedora Messaging)</source>
        <translation>Fedora-bezogene Forgejo-Repositorys (über Webhook To Fedora Messaging)</translation>
    </message>
    <message>
        <source>GitLab Events</source>
        <translation>GitLab-Ereignisse</translation>
    </message>
    <message>
        <source>Fedora-related GitLab projects (via Webhook To Fedora Messaging)</source>
        <translation>Fedora-bezogene GitLab-Projekte (über Webhook To Fedora Messaging)</translation>
    </message>
    <message>
        <source>Bug Updates</source>
        <translation>Fehlerberichte</translation>
    </message>
    <message>
        <source>Red Hat Bugzilla</source>
        <translation>Red-Hat-Bugzilla</translation>
    </message>
    <message>
        <source>Fedora Elections</source>
        <translation>Fedora-Wahlen</translation>
    </message>
    <message>
        <source>the fedora voting system</source>
        <translation>das Fedora-Wahlsystem</translation>
    </message>
    <message>
        <source>Notification Preference Updates</source>
        <translation>Änderungen an Benachrichtigungseinstellungen</translation>
    </message>
    <message>
        <source>the Fedora Notifications System</source>
        <translation>das Fedora-Benachrichtigungssystem</translation>
    </message>
    <message>
        <source>New cloud image upload</source>
        <translation>Neues Cloud-Abbild hochgeladen</translation>
    </message>
    <message>
        <source>The Fedora cloud image service</source>
        <translation>Der Fedora-Dienst für Cloud-Abbilder</translation>
    </message>
    <message>
        <source>Kernel Tests</source>
        <translation>Kernel-Tests</translation>
    </message>
    <message>
        <source>Kernel Testing Initiative</source>
        <translation>Initiative für Kernel-Tests</translation>
    </message>
    <message>
        <source>Watched packages</source>
        <translation>Beobachtete Pakete</translation>
    </message>
    <message>
        <source>Continuous integration for Fedora packages</source>
        <translation>Kontinuierliche Integration für Fedora-Pakete</translation>
    </message>
    <message>
        <source>Fresh Builds &amp; Bugs</source>
        <translation>Neue Builds und Fehlerberichte</translation>
    </message>
    <message>
        <source>A fedmsg consumer that files bugzilla bugs for upstream releases</source>
        <translation>Ein fedmsg-Verbraucher, der für Upstream-Veröffentlichungen Bugzilla-Fehlerberichte anlegt</translation>
    </message>
    <message>
        <source>Mirror Updates</source>
        <translation>Spiegelserver-Aktualisierungen</translation>
    </message>
    <message>
        <source>Mirror Manager activity</source>
        <translation>Aktivität von MirrorManager</translation>
    </message>
    <message>
        <source>IRC Karma</source>
        <translation>IRC-Karma</translation>
    </message>
    <message>
        <source>Pagure forge</source>
        <translation>Pagure-Forge</translation>
    </message>
    <message>
        <source>Pagure over Dist-git</source>
        <translation>Pagure über Dist-git</translation>
    </message>
    <message>
        <source>Translation Events</source>
        <translation>Übersetzungsereignisse</translation>
    </message>
    <message>
        <source>translation events</source>
        <translation>Übersetzungsereignisse</translation>
    </message>
    <message>
        <source>New and significant crashes</source>
        <translation>Neue und bedeutende Abstürze</translation>
    </message>
    <message>
        <source>ABRT crash analysis server</source>
        <translation>ABRT-Server zur Absturzanalyse</translation>
    </message>
    <message>
        <source>Cloud Image Test</source>
        <translation>Test von Cloud-Abbildern</translation>
    </message>
    <message>
        <source>Automated Fedora Cloud Image Testing service</source>
        <translation>Automatischer Testdienst für Fedora-Cloud-Abbilder</translation>
    </message>
    <message>
        <source>Infrastructure Commits</source>
        <translation>Infrastruktur-Commits</translation>
    </message>
    <message>
        <source>Fedora Infrastructure repos</source>
        <translation>Repositorys der Fedora-Infrastruktur</translation>
    </message>
    <message>
        <source>Automated task results</source>
        <translation>Ergebnisse automatischer Aufgaben</translation>
    </message>
    <message>
        <source>Framework for automated task execution</source>
        <translation>Rahmenwerk zur automatischen Ausführung von Aufgaben</translation>
    </message>
    <message>
        <source>Releng Events</source>
        <translation>Release-Engineering-Ereignisse</translation>
    </message>
    <message>
        <source>Medata API update</source>
        <translation>Aktualisierung der Metadaten-API</translation>
    </message>
    <message>
        <source>the Fedora repository meta-data API</source>
        <translation>die Metadaten-API der Fedora-Paketquellen</translation>
    </message>
    <message>
        <source>Service Outage Alerts</source>
        <translation>Warnungen über Dienstausfälle</translation>
    </message>
    <message>
        <source>Fedora Infra Service Monitoring</source>
        <translation>Dienstüberwachung der Fedora-Infrastruktur</translation>
    </message>
    <message>
        <source>openQA test results</source>
        <translation>openQA-Testergebnisse</translation>
    </message>
    <message>
        <source>Distribution-level automated testing</source>
        <translation>Automatische Tests der ganzen Distribution</translation>
    </message>
    <message>
        <source>PDC Composes</source>
        <translation>PDC-Composes</translation>
    </message>
    <message>
        <source>Product Definition Center</source>
        <translation>Produktdefinitionszentrum (PDC)</translation>
    </message>
    <message>
        <source>Module Builds</source>
        <translation>Modul-Builds</translation>
    </message>
    <message>
        <source>Module Build Service</source>
        <translation>Dienst zum Bauen von Modulen</translation>
    </message>
    <message>
        <source>CI AllPackages Results</source>
        <translation>CI-Ergebnisse aller Pakete</translation>
    </message>
    <message>
        <source>The CentOS Continuous Integration pipeline for all packages</source>
        <translation>Die CentOS-CI-Pipeline für alle Pakete</translation>
    </message>
    <message>
        <source>CI Container Results</source>
        <translation>CI-Ergebnisse von Containern</translation>
    </message>
    <message>
        <source>The CentOS Continuous Integration pipeline for containers</source>
        <translation>Die CentOS-CI-Pipeline für Container</translation>
    </message>
    <message>
        <source>CI Results</source>
        <translation>CI-Ergebnisse</translation>
    </message>
    <message>
        <source>The Atomic Continuous Integration pipeline</source>
        <translation>Die CI-Pipeline von Atomic</translation>
    </message>
    <message>
        <source>New result waivers</source>
        <translation>Neue Ausnahmen für Testergebnisse</translation>
    </message>
    <message>
        <source>WaiverDB</source>
        <translation>WaiverDB (Ausnahmen-Datenbank)</translation>
    </message>
    <message>
        <source>Gating Decisions</source>
        <translation>Freigabeentscheidungen</translation>
    </message>
    <message>
        <source>Greenwave Gating Service</source>
        <translation>Greenwave-Freigabedienst</translation>
    </message>
    <message>
        <source>RATS</source>
        <translation>RATS (Testsystem)</translation>
    </message>
    <message>
        <source>Run Another Test System</source>
        <translation>„Run Another Test System“</translation>
    </message>
    <message>
        <source>ODCS Composes</source>
        <translation>ODCS-Composes</translation>
    </message>
    <message>
        <source>On Demand Compose Service</source>
        <translation>Dienst für Composes auf Abruf</translation>
    </message>
    <message>
        <source>System Logs</source>
        <translation>Systemprotokolle</translation>
    </message>
    <message>
        <source>miscellaneous Fedora Infrastructure shell scripts</source>
        <translation>verschiedene Shell-Skripte der Fedora-Infrastruktur</translation>
    </message>
    <message>
        <source>Announcements</source>
        <translation>Ankündigungen</translation>
    </message>
    <message>
        <source>Official Fedora Announcements</source>
        <translation>Offizielle Fedora-Ankündigungen</translation>
    </message>
    <message>
        <source>Event Check-ins</source>
        <translation>Veranstaltungs-Check-ins</translation>
    </message>
    <message>
        <source>the Fedora ticket system (Pretix, via Webhook To Fedora Messaging)</source>
        <translation>das Fedora-Ticketsystem (Pretix, über Webhook To Fedora Messaging)</translation>
    </message>
    <message>
        <source>Discussion Forum</source>
        <translation>Diskussionsforum</translation>
    </message>
    <message>
        <source>Fedora Discussion and Ask Fedora (Discourse)</source>
        <translation>Fedora Discussion und Ask Fedora (Discourse)</translation>
    </message>
</context>
<context>
    <name>fedmsg-logger</name>
    <message>
        <source>fedora-messaging bodies are JSON objects; skipped a list</source>
        <translation>fedora-messaging-Nachrichten sind JSON-Objekte; eine Liste übersprungen</translation>
    </message>
    <message>
        <source>fedora-messaging bodies are JSON objects; skipped a scalar</source>
        <translation>fedora-messaging-Nachrichten sind JSON-Objekte; einen Einzelwert übersprungen</translation>
    </message>
    <message>
        <source>publishing on %1 failed</source>
        <translation>Veröffentlichen auf %1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>no subscriber for %1 at %2 after %3 ms; sending anyway</source>
        <translation>kein Abonnent für %1 an %2 nach %3 ms; wird trotzdem gesendet</translation>
    </message>
    <message>
        <source>--json-input: %1</source>
        <translation>--json-input: %1</translation>
    </message>
    <message>
        <source>--json-input: %1 bytes, over the message size limit of %2 bytes; not sent</source>
        <translation>--json-input: %1 Bytes, über der Nachrichtengrößengrenze von %2 Bytes; nicht gesendet</translation>
    </message>
    <message>
        <source>stdin line %1: %2 bytes, over the message size limit of %3 bytes; not sent</source>
        <translation>Standardeingabe Zeile %1: %2 Bytes, über der Nachrichtengrößengrenze von %3 Bytes; nicht gesendet</translation>
    </message>
    <message>
        <source>stdin line %1: not valid UTF-8; not sent</source>
        <translation>Standardeingabe Zeile %1: kein gültiges UTF-8; nicht gesendet</translation>
    </message>
</context>
<context>
    <name>fedmsg-tail</name>
    <message>
        <source>history row %1: %2</source>
        <translation>Verlaufszeile %1: %2</translation>
    </message>
    <message>
        <source>dropped a message from %1: %2</source>
        <translation>eine Nachricht von %1 verworfen: %2</translation>
    </message>
    <message>
        <source>archive: %1; asking again in %2 s</source>
        <translation>Archiv: %1; neue Anfrage in %2 s</translation>
    </message>
    <message>
        <source>catching up from the archive failed: %1</source>
        <translation>Nachholen aus dem Archiv fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <source>the archive held %n older message(s) more than shown</source>
        <translation>
            <numerusform>das Archiv hielt %n ältere Nachricht mehr, als gezeigt wurden</numerusform>
            <numerusform>das Archiv hielt %n ältere Nachrichten mehr, als gezeigt wurden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) not shown: the output was not read fast enough (at most %1 MiB wait, the oldest were dropped)</source>
        <translation>
            <numerusform>%n Nachricht nicht gezeigt: Die Ausgabe wurde nicht schnell genug gelesen (höchstens %1 MiB warten, die ältesten wurden verworfen)</numerusform>
            <numerusform>%n Nachrichten nicht gezeigt: Die Ausgabe wurde nicht schnell genug gelesen (höchstens %1 MiB warten, die ältesten wurden verworfen)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 shown, %2 untrusted, %3 dropped</source>
        <translation>%1 angezeigt, %2 nicht vertrauenswürdig, %3 verworfen</translation>
    </message>
    <message>
        <source>note: these messages are %1: %2</source>
        <translation>Hinweis: diese Nachrichten sind %1: %2</translation>
    </message>
    <message>
        <source>%1: connected</source>
        <translation>%1: verbunden</translation>
    </message>
</context>
<context>
    <name>fedmsg::AboutDialog</name>
    <message>
        <source>About fedmsg-notify</source>
        <translation>Über fedmsg-notify</translation>
    </message>
    <message>
        <source>fedmsg-notify %1</source>
        <translation>fedmsg-notify %1</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Desktop notifications for Fedora&apos;s message buses (fedmsg and fedora-messaging).</source>
        <translation>Desktop-Benachrichtigungen für Fedoras Nachrichtenbusse (fedmsg und fedora-messaging).</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Licence: GNU Lesser General Public License, version 2.1 or later (LGPL-2.1-or-later). No warranty.</source>
        <translation>Lizenz: GNU Lesser General Public License, Version 2.1 oder neuer (LGPL-2.1-or-later). Keine Gewährleistung.</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source>Buses</source>
        <translation>Busse</translation>
    </message>
    <message>
        <source>No bus configured</source>
        <translation>Kein Bus eingerichtet</translation>
    </message>
    <message>
        <source>State of the buses</source>
        <translation>Zustand der Busse</translation>
    </message>
    <message>
        <source>Show &amp;welcome again</source>
        <translation>&amp;Willkommen erneut zeigen</translation>
    </message>
    <message>
        <source>Show welcome again</source>
        <translation>Willkommen erneut zeigen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>fedmsg::Application</name>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>rules: %1</source>
        <translation>Regeln: %1</translation>
    </message>
    <message>
        <source>the stored rules could not be read; they were kept as %1 and only the first-run rules are used</source>
        <translation>die gespeicherten Regeln konnten nicht gelesen werden; sie wurden als %1 aufbewahrt, und nur die Regeln für den ersten Start gelten</translation>
    </message>
    <message>
        <source>the settings file was broken (%1); it was kept as %2 and defaults are used</source>
        <translation>die Einstellungsdatei war beschädigt (%1); sie wurde als %2 aufbewahrt, und die Voreinstellungen gelten</translation>
    </message>
    <message>
        <source>fedmsg-notify: starter rules for %1</source>
        <translation>fedmsg-notify: Startregeln für %1</translation>
    </message>
    <message numerus="yes">
        <source>fedmsg-notify: %n configuration problem(s)</source>
        <translation>
            <numerusform>fedmsg-notify: %n Konfigurationsproblem</numerusform>
            <numerusform>fedmsg-notify: %n Konfigurationsprobleme</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) while you were away</source>
        <translation>
            <numerusform>%n Nachricht während Ihrer Abwesenheit</numerusform>
            <numerusform>%n Nachrichten während Ihrer Abwesenheit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them for you. All are in the history (%1).</source>
        <translation>
            <numerusform>%n davon betrifft Sie. Alle sind im Verlauf (%1).</numerusform>
            <numerusform>%n davon betreffen Sie. Alle sind im Verlauf (%1).</numerusform>
        </translation>
    </message>
    <message>
        <source>None of them for you. All are in the history (%1).</source>
        <translation>Keine davon betrifft Sie. Alle sind im Verlauf (%1).</translation>
    </message>
    <message>
        <source>%1: %2 (rule: %3; %4)</source>
        <translation>%1: %2 (Regel: %3; %4)</translation>
    </message>
    <message>
        <source>no decision stored</source>
        <translation>keine Entscheidung gespeichert</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>your rules could not be read whole (%1); fix them first</source>
        <translation>Ihre Regeln konnten nicht vollständig gelesen werden (%1); bitte zuerst beheben</translation>
    </message>
    <message>
        <source>Could not mute these messages</source>
        <translation>Diese Nachrichten konnten nicht stummgeschaltet werden</translation>
    </message>
    <message>
        <source>Until %1. The rule is the first of your rules: delete it there to undo.</source>
        <translation>Bis %1. Die Regel steht als erste in Ihren Regeln: Löschen Sie sie dort, um das rückgängig zu machen.</translation>
    </message>
    <message>
        <source>From now on they stay in the history. The rule is the first of your rules: delete it there to undo.</source>
        <translation>Ab jetzt bleiben sie im Verlauf. Die Regel steht als erste in Ihren Regeln: Löschen Sie sie dort, um das rückgängig zu machen.</translation>
    </message>
    <message>
        <source>(Demo: not saved.)</source>
        <translation>(Demo: nicht gespeichert.)</translation>
    </message>
    <message numerus="yes">
        <source>%n configuration problem(s): %1</source>
        <translation>
            <numerusform>%n Konfigurationsproblem: %1</numerusform>
            <numerusform>%n Konfigurationsprobleme: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>no notification server: popups start when one appears</source>
        <translation>kein Benachrichtigungsserver: Meldungen erscheinen, sobald einer da ist</translation>
    </message>
    <message numerus="yes">
        <source>no notification server: %n message(s) not shown as popups</source>
        <translation>
            <numerusform>kein Benachrichtigungsserver: %n Nachricht nicht als Meldung gezeigt</numerusform>
            <numerusform>kein Benachrichtigungsserver: %n Nachrichten nicht als Meldung gezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>Catching up on %1…</source>
        <translation>%1 wird nachgeholt…</translation>
    </message>
    <message>
        <source>Catching up on %1: %2 of %3</source>
        <translation>%1 wird nachgeholt: %2 von %3</translation>
    </message>
    <message>
        <source>Catch-up of %1 cancelled</source>
        <translation>Nachholen von %1 abgebrochen</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) from the archive kept in the history; the rest was not fetched.</source>
        <translation>
            <numerusform>%n Nachricht aus dem Archiv im Verlauf behalten; der Rest wurde nicht abgerufen.</numerusform>
            <numerusform>%n Nachrichten aus dem Archiv im Verlauf behalten; der Rest wurde nicht abgerufen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Catching up on %1 failed</source>
        <translation>Nachholen von %1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>The archive could not be read to the end: %1</source>
        <translation>Das Archiv konnte nicht bis zum Ende gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>fedmsg::BurstControl</name>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weitere</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new messages</source>
        <translation>
            <numerusform>%n neue Nachricht</numerusform>
            <numerusform>%n neue Nachrichten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fedmsg::BusEditorDialog</name>
    <message>
        <source>Add a bus</source>
        <translation>Bus hinzufügen</translation>
    </message>
    <message>
        <source>Edit bus %1</source>
        <translation>Bus %1 bearbeiten</translation>
    </message>
    <message>
        <source>Kind of bus</source>
        <translation>Art des Busses</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>A&amp;rt:</translation>
    </message>
    <message>
        <source>Bus name</source>
        <translation>Name des Busses</translation>
    </message>
    <message>
        <source>Letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;; it cannot change later</source>
        <translation>Buchstaben, Ziffern, „.“, „_“ und „-“; lässt sich später nicht ändern</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Kennung:</translation>
    </message>
    <message>
        <source>Bus label</source>
        <translation>Anzeigename des Busses</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Anzeigename:</translation>
    </message>
    <message>
        <source>&amp;Enabled</source>
        <translation>&amp;Eingeschaltet</translation>
    </message>
    <message>
        <source>Bus enabled</source>
        <translation>Bus eingeschaltet</translation>
    </message>
    <message>
        <source>ZeroMQ endpoints</source>
        <translation>ZeroMQ-Endpunkte</translation>
    </message>
    <message>
        <source>tcp://host:port, one a line (optionally followed by its CURVE server key)</source>
        <translation>tcp://host:port, einer pro Zeile (wahlweise gefolgt von seinem CURVE-Serverschlüssel)</translation>
    </message>
    <message>
        <source>En&amp;dpoints:</source>
        <translation>En&amp;dpunkte:</translation>
    </message>
    <message>
        <source>CURVE server key</source>
        <translation>CURVE-Serverschlüssel</translation>
    </message>
    <message>
        <source>empty: no encryption</source>
        <translation>leer: keine Verschlüsselung</translation>
    </message>
    <message>
        <source>CURVE &amp;server key:</source>
        <translation>CURVE-&amp;Serverschlüssel:</translation>
    </message>
    <message>
        <source>CURVE client public key</source>
        <translation>Öffentlicher CURVE-Client-Schlüssel</translation>
    </message>
    <message>
        <source>kept in the keychain</source>
        <translation>im Schlüsselbund aufbewahrt</translation>
    </message>
    <message>
        <source>Show client ke&amp;y</source>
        <translation>Client-Schlüssel &amp;zeigen</translation>
    </message>
    <message>
        <source>Show the CURVE client public key</source>
        <translation>Den öffentlichen CURVE-Client-Schlüssel zeigen</translation>
    </message>
    <message>
        <source>CURVE client key:</source>
        <translation>CURVE-Client-Schlüssel:</translation>
    </message>
    <message>
        <source>&amp;Validate signatures</source>
        <translation>Signaturen &amp;prüfen</translation>
    </message>
    <message>
        <source>Validate signatures</source>
        <translation>Signaturen prüfen</translation>
    </message>
    <message>
        <source>CA certificate location</source>
        <translation>Speicherort des CA-Zertifikats</translation>
    </message>
    <message>
        <source>file or https:// URL; empty: Fedora&apos;s CA</source>
        <translation>Datei oder https://-URL; leer: die CA von Fedora</translation>
    </message>
    <message>
        <source>C&amp;A location:</source>
        <translation>&amp;CA-Speicherort:</translation>
    </message>
    <message>
        <source>CRL location</source>
        <translation>Speicherort der Sperrliste (CRL)</translation>
    </message>
    <message>
        <source>file or https:// URL; empty: no revocation list</source>
        <translation>Datei oder https://-URL; leer: keine Sperrliste</translation>
    </message>
    <message>
        <source>C&amp;RL location:</source>
        <translation>CR&amp;L-Speicherort:</translation>
    </message>
    <message>
        <source>Routing n&amp;itpicky (refuse topics the routing policy does not list)</source>
        <translation>Routing stren&amp;g (Themen ablehnen, die die Routing-Richtlinie nicht aufführt)</translation>
    </message>
    <message>
        <source>Routing nitpicky</source>
        <translation>Routing streng</translation>
    </message>
    <message>
        <source>AMQP URL</source>
        <translation>AMQP-URL</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>Broker-&amp;URL:</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>CA-Zertifikatsdatei</translation>
    </message>
    <message>
        <source>C&amp;A certificate:</source>
        <translation>CA-Zert&amp;ifikat:</translation>
    </message>
    <message>
        <source>Client certificate file</source>
        <translation>Client-Zertifikatsdatei</translation>
    </message>
    <message>
        <source>Client &amp;certificate:</source>
        <translation>Clie&amp;nt-Zertifikat:</translation>
    </message>
    <message>
        <source>Client key file</source>
        <translation>Client-Schlüsseldatei</translation>
    </message>
    <message>
        <source>Client ke&amp;y:</source>
        <translation>Clien&amp;t-Schlüssel:</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Themen</translation>
    </message>
    <message>
        <source>one a line; empty: every message</source>
        <translation>eines pro Zeile; leer: jede Nachricht</translation>
    </message>
    <message>
        <source>T&amp;opics:</source>
        <translation>The&amp;men:</translation>
    </message>
    <message>
        <source>Archive URL</source>
        <translation>Archiv-URL</translation>
    </message>
    <message>
        <source>The bus&apos;s datagrepper: what was missed while away is fetched from there; empty: none</source>
        <translation>Der datagrepper des Busses: was während der Abwesenheit verpasst wurde, wird von dort geholt; leer: keiner</translation>
    </message>
    <message>
        <source>Arc&amp;hive (datagrepper):</source>
        <translation>Arc&amp;hiv (datagrepper):</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Verbindung testen</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Ergebnis des Verbindungstests</translation>
    </message>
    <message>
        <source>Save the bus</source>
        <translation>Den Bus speichern</translation>
    </message>
    <message>
        <source>Cancel editing the bus</source>
        <translation>Bearbeiten des Busses abbrechen</translation>
    </message>
    <message>
        <source>Connected: %1</source>
        <translation>Verbunden: %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>keychain: %1</source>
        <translation>Schlüsselbund: %1</translation>
    </message>
    <message>
        <source>Error at %1</source>
        <translation>Fehler bei %1</translation>
    </message>
    <message>
        <source>Failed: correct the fields marked first</source>
        <translation>Fehlgeschlagen: korrigieren Sie zuerst die markierten Felder</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinden…</translation>
    </message>
    <message>
        <source>name the bus first</source>
        <translation>geben Sie dem Bus zuerst einen Namen</translation>
    </message>
</context>
<context>
    <name>fedmsg::BusImport</name>
    <message>
        <source>%1: not a folder</source>
        <translation>%1: kein Ordner</translation>
    </message>
    <message>
        <source>%1 could not be read whole: %2</source>
        <translation>%1 konnte nicht vollständig gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 has no fedmsg configuration (*.py)</source>
        <translation>%1 enthält keine fedmsg-Konfiguration (*.py)</translation>
    </message>
    <message>
        <source>%1 names no endpoints</source>
        <translation>%1 nennt keine Endpunkte</translation>
    </message>
    <message>
        <source>Imported from %1</source>
        <translation>Importiert aus %1</translation>
    </message>
</context>
<context>
    <name>fedmsg::BusListModel</name>
    <message>
        <source>fedora-messaging (AMQP)</source>
        <translation>fedora-messaging (über AMQP)</translation>
    </message>
    <message>
        <source>fedmsg (ZeroMQ)</source>
        <translation>fedmsg (über ZeroMQ)</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>wird verbunden</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>down</source>
        <translation>getrennt</translation>
    </message>
    <message>
        <source>down: %1</source>
        <translation>getrennt: %1</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>no endpoints</source>
        <translation>keine Endpunkte</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <source>%1 of %2 connected</source>
        <translation>%1 von %2 verbunden</translation>
    </message>
    <message>
        <source>CURVE</source>
        <translation>CURVE-verschlüsselt</translation>
    </message>
    <message>
        <source>Bus</source>
        <translation>Bus</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Einzelheiten: %1</translation>
    </message>
</context>
<context>
    <name>fedmsg::BusPresets</name>
    <message>
        <source>Fedora (fedora-messaging)</source>
        <translation>Fedora (über fedora-messaging)</translation>
    </message>
    <message>
        <source>Fedora staging (fedora-messaging)</source>
        <translation>Fedora-Testumgebung (über fedora-messaging)</translation>
    </message>
    <message>
        <source>Fedora&apos;s public read-only broker; everything Fedora infrastructure publishes since 2024</source>
        <translation>Fedoras öffentlicher Broker, nur lesend; alles, was die Fedora-Infrastruktur seit 2024 veröffentlicht</translation>
    </message>
    <message>
        <source>Fedora&apos;s staging broker: test traffic only</source>
        <translation>Fedoras Broker der Testumgebung: nur Testverkehr</translation>
    </message>
    <message>
        <source>Fedora (fedmsg gateway, historical)</source>
        <translation>Fedora (fedmsg-Gateway, historisch)</translation>
    </message>
    <message>
        <source>Fedora retired fedmsg in 2024; use the fedora-messaging (AMQP) bus.</source>
        <translation>Fedora hat fedmsg 2024 eingestellt; verwenden Sie den Bus fedora-messaging (AMQP).</translation>
    </message>
    <message>
        <source>Debian (fedmsg gateway)</source>
        <translation>Debian (fedmsg-Gateway)</translation>
    </message>
    <message>
        <source>Debian&apos;s fedmsg bus; its messages are not signed.</source>
        <translation>Debians fedmsg-Bus; seine Nachrichten sind nicht signiert.</translation>
    </message>
</context>
<context>
    <name>fedmsg::BusValidator</name>
    <message>
        <source>ipc:// needs a path</source>
        <translation>ipc:// braucht einen Pfad</translation>
    </message>
    <message>
        <source>%1: a fedmsg endpoint is tcp://host:port or ipc://path</source>
        <translation>%1: ein fedmsg-Endpunkt ist tcp://host:port oder ipc://pfad</translation>
    </message>
    <message>
        <source>%1: the port is missing (tcp://host:port)</source>
        <translation>%1: der Port fehlt (tcp://host:port)</translation>
    </message>
    <message>
        <source>%1: not a valid tcp://host:port</source>
        <translation>%1: kein gültiges tcp://host:port</translation>
    </message>
    <message>
        <source>%1: the port must be 1 to 65535</source>
        <translation>%1: der Port muss zwischen 1 und 65535 liegen</translation>
    </message>
    <message>
        <source>a CURVE key is 40 Z85 characters; this one has %1</source>
        <translation>ein CURVE-Schlüssel hat 40 Z85-Zeichen; dieser hat %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a Z85 character</source>
        <translation>„%1“ ist kein Z85-Zeichen</translation>
    </message>
    <message>
        <source>a bus needs a name</source>
        <translation>ein Bus braucht einen Namen</translation>
    </message>
    <message>
        <source>use only letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; in the name</source>
        <translation>verwenden Sie im Namen nur Buchstaben, Ziffern, „.“, „_“ und „-“</translation>
    </message>
    <message>
        <source>there is a bus called %1 already</source>
        <translation>es gibt bereits einen Bus namens %1</translation>
    </message>
    <message>
        <source>enter the broker&apos;s amqps:// URL</source>
        <translation>geben Sie die amqps://-URL des Brokers ein</translation>
    </message>
    <message>
        <source>enter at least one endpoint</source>
        <translation>geben Sie mindestens einen Endpunkt ein</translation>
    </message>
    <message>
        <source>a fedora-messaging bus has one broker URL</source>
        <translation>ein fedora-messaging-Bus hat genau eine Broker-URL</translation>
    </message>
    <message>
        <source>%1: the URL starts with amqps:// or amqp://</source>
        <translation>%1: die URL beginnt mit amqps:// oder amqp://</translation>
    </message>
    <message>
        <source>%1: a password in the URL would be saved in the settings file; use a client certificate</source>
        <translation>%1: ein Passwort in der URL würde in der Einstellungsdatei gespeichert; verwenden Sie ein Client-Zertifikat</translation>
    </message>
    <message>
        <source>a client certificate needs its key file</source>
        <translation>ein Client-Zertifikat braucht seine Schlüsseldatei</translation>
    </message>
    <message>
        <source>a key file needs its client certificate</source>
        <translation>eine Schlüsseldatei braucht ihr Client-Zertifikat</translation>
    </message>
    <message>
        <source>%1: the archive is an http:// or https:// URL</source>
        <translation>%1: das Archiv ist eine http://- oder https://-URL</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1: Datei nicht vorhanden</translation>
    </message>
    <message>
        <source>%1: not a file</source>
        <translation>%1: keine Datei</translation>
    </message>
    <message>
        <source>%1: not readable</source>
        <translation>%1: nicht lesbar</translation>
    </message>
    <message>
        <source>%1: not a valid URL</source>
        <translation>%1: keine gültige URL</translation>
    </message>
    <message>
        <source>%1: only files and https:// URLs are read</source>
        <translation>%1: nur Dateien und https://-URLs werden gelesen</translation>
    </message>
</context>
<context>
    <name>fedmsg::BusesPage</name>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Import &amp;fedmsg.d…</source>
        <translation>&amp;fedmsg.d importieren…</translation>
    </message>
    <message>
        <source>Import config.&amp;toml…</source>
        <translation>config.&amp;toml importieren…</translation>
    </message>
    <message>
        <source>Buses and their endpoints</source>
        <translation>Busse und ihre Endpunkte</translation>
    </message>
    <message>
        <source>Space switches the selected bus on or off; Enter edits it; Delete removes it</source>
        <translation>Leertaste schaltet den ausgewählten Bus ein oder aus; Eingabe bearbeitet ihn; Entf entfernt ihn</translation>
    </message>
    <message>
        <source>Add a bus</source>
        <translation>Einen Bus hinzufügen</translation>
    </message>
    <message>
        <source>Edit the selected bus</source>
        <translation>Den ausgewählten Bus bearbeiten</translation>
    </message>
    <message>
        <source>Remove the selected bus</source>
        <translation>Den ausgewählten Bus entfernen</translation>
    </message>
    <message>
        <source>Import a bus from a fedmsg.d folder</source>
        <translation>Einen Bus aus einem fedmsg.d-Ordner importieren</translation>
    </message>
    <message>
        <source>Import a bus from a fedora-messaging config.toml</source>
        <translation>Einen Bus aus einer fedora-messaging-config.toml importieren</translation>
    </message>
    <message>
        <source>Buses page message</source>
        <translation>Meldung der Busse-Seite</translation>
    </message>
    <message>
        <source>Hide them</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Keep them in the history only</source>
        <translation>Nur im Verlauf behalten</translation>
    </message>
    <message>
        <source>Show them, marked untrusted</source>
        <translation>Anzeigen, als nicht vertrauenswürdig markiert</translation>
    </message>
    <message>
        <source>Untrusted or unsigned messages</source>
        <translation>Nicht vertrauenswürdige oder unsignierte Nachrichten</translation>
    </message>
    <message>
        <source>fedmsg messages whose signature is missing or does not verify, unless a rule asks for untrusted messages by name</source>
        <translation>fedmsg-Nachrichten, deren Signatur fehlt oder nicht stimmt, außer eine Regel verlangt ausdrücklich nicht vertrauenswürdige Nachrichten</translation>
    </message>
    <message>
        <source>&amp;Untrusted or unsigned messages:</source>
        <translation>&amp;Nicht vertrauenswürdige oder unsignierte Nachrichten:</translation>
    </message>
    <message>
        <source>A bus that comes with the program cannot be removed; untick it to switch it off</source>
        <translation>Ein mitgelieferter Bus kann nicht entfernt werden; entfernen Sie sein Häkchen, um ihn auszuschalten</translation>
    </message>
    <message>
        <source>Bus %1 added.</source>
        <translation>Bus %1 hinzugefügt.</translation>
    </message>
    <message>
        <source>Bus %1 saved.</source>
        <translation>Bus %1 gespeichert.</translation>
    </message>
    <message>
        <source>Bus %1 removed.</source>
        <translation>Bus %1 entfernt.</translation>
    </message>
    <message>
        <source>Import a fedmsg.d folder</source>
        <translation>Einen fedmsg.d-Ordner importieren</translation>
    </message>
    <message>
        <source>Import a fedora-messaging config.toml</source>
        <translation>Eine fedora-messaging-config.toml importieren</translation>
    </message>
    <message>
        <source>fedora-messaging configuration (*.toml)</source>
        <translation>fedora-messaging-Konfiguration (*.toml)</translation>
    </message>
    <message>
        <source>Not imported: %1</source>
        <translation>Nicht importiert: %1</translation>
    </message>
    <message>
        <source>Imported %1 as bus %2.</source>
        <translation>%1 als Bus %2 importiert.</translation>
    </message>
    <message>
        <source>Demo mode (--demo): the applet receives only from its embedded demo bus, shown here. Your buses are not used in this run; start the applet without --demo to change them.</source>
        <translation>Demo-Modus (--demo): Das Applet empfängt nur von seinem eingebauten Demo-Bus, der hier gezeigt wird. Ihre Busse werden in diesem Lauf nicht verwendet; starten Sie das Applet ohne --demo, um sie zu ändern.</translation>
    </message>
</context>
<context>
    <name>fedmsg::ConditionTreeEditor</name>
    <message>
        <source>topic</source>
        <translation>Thema</translation>
    </message>
    <message>
        <source>service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>message type (service/kind)</source>
        <translation>Nachrichtentyp (Dienst/Art)</translation>
    </message>
    <message>
        <source>bus</source>
        <translation>Bus</translation>
    </message>
    <message>
        <source>trust</source>
        <translation>Vertrauen</translation>
    </message>
    <message>
        <source>users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>by me</source>
        <translation>von mir</translation>
    </message>
    <message>
        <source>mentions me</source>
        <translation>erwähnt mich</translation>
    </message>
    <message>
        <source>packages</source>
        <translation>Pakete</translation>
    </message>
    <message>
        <source>message body (JSON path)</source>
        <translation>Nachrichteninhalt (JSON-Pfad)</translation>
    </message>
    <message>
        <source>title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Add &amp;condition</source>
        <translation>&amp;Bedingung hinzufügen</translation>
    </message>
    <message>
        <source>Add &amp;group</source>
        <translation>G&amp;ruppe hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Conditions of the rule</source>
        <translation>Bedingungen der Regel</translation>
    </message>
    <message>
        <source>Insert adds a condition, Delete removes the current condition or group</source>
        <translation>Einfg fügt eine Bedingung hinzu, Entf entfernt die aktuelle Bedingung oder Gruppe</translation>
    </message>
    <message>
        <source>Add a condition</source>
        <translation>Eine Bedingung hinzufügen</translation>
    </message>
    <message>
        <source>Add a group of conditions</source>
        <translation>Eine Gruppe von Bedingungen hinzufügen</translation>
    </message>
    <message>
        <source>Remove the current condition or group</source>
        <translation>Die aktuelle Bedingung oder Gruppe entfernen</translation>
    </message>
    <message>
        <source>all of (every condition holds)</source>
        <translation>alle (jede Bedingung trifft zu)</translation>
    </message>
    <message>
        <source>any of (at least one holds)</source>
        <translation>irgendeine (mindestens eine trifft zu)</translation>
    </message>
    <message>
        <source>not (the condition does not hold)</source>
        <translation>nicht (die Bedingung trifft nicht zu)</translation>
    </message>
    <message>
        <source>Group kind</source>
        <translation>Gruppenart</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>JSON path in the message body</source>
        <translation>JSON-Pfad im Nachrichteninhalt</translation>
    </message>
    <message>
        <source>e.g. msg.update.builds[0].nvr</source>
        <translation>z. B. msg.update.builds[0].nvr</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>several values separated by commas</source>
        <translation>mehrere Werte, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Problem with the %1</source>
        <translation>Problem mit: %1</translation>
    </message>
    <message>
        <source>Group &amp;kind:</source>
        <translation>Gruppen&amp;art:</translation>
    </message>
    <message>
        <source>&amp;Field:</source>
        <translation>&amp;Feld:</translation>
    </message>
    <message>
        <source>O&amp;perator:</source>
        <translation>&amp;Vergleich:</translation>
    </message>
    <message>
        <source>JSON pat&amp;h:</source>
        <translation>JSON-&amp;Pfad:</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>&amp;Wert:</translation>
    </message>
    <message>
        <source>matches the pattern (* and ?)</source>
        <translation>passt auf das Muster (* und ?)</translation>
    </message>
    <message>
        <source>is</source>
        <translation>ist</translation>
    </message>
    <message>
        <source>starts with</source>
        <translation>beginnt mit</translation>
    </message>
    <message>
        <source>matches the regular expression</source>
        <translation>passt auf den regulären Ausdruck</translation>
    </message>
    <message>
        <source>one of these</source>
        <translation>eines von diesen</translation>
    </message>
    <message>
        <source>is one of</source>
        <translation>ist eines von</translation>
    </message>
    <message>
        <source>include any of</source>
        <translation>enthalten eines von</translation>
    </message>
    <message>
        <source>include all of</source>
        <translation>enthalten alle von</translation>
    </message>
    <message>
        <source>maintained by me</source>
        <translation>von mir betreut</translation>
    </message>
    <message>
        <source>maintained by (accounts, @groups)</source>
        <translation>betreut von (Konten, @Gruppen)</translation>
    </message>
    <message>
        <source>installed here</source>
        <translation>hier installiert</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>enthält</translation>
    </message>
    <message>
        <source>exists</source>
        <translation>existiert</translation>
    </message>
</context>
<context>
    <name>fedmsg::ConditionTreeModel</name>
    <message>
        <source>a condition must be a JSON object</source>
        <translation>eine Bedingung muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>a &quot;not&quot; group takes exactly one condition (it has %1)</source>
        <translation>eine „nicht“-Gruppe nimmt genau eine Bedingung (sie hat %1)</translation>
    </message>
    <message>
        <source>all of</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>any of</source>
        <translation>irgendeine</translation>
    </message>
    <message>
        <source>not</source>
        <translation>nicht</translation>
    </message>
    <message>
        <source>every message (add a condition)</source>
        <translation>jede Nachricht (Bedingung hinzufügen)</translation>
    </message>
    <message>
        <source>problem: %1</source>
        <translation>Problem: %1</translation>
    </message>
</context>
<context>
    <name>fedmsg::ConnectionTest</name>
    <message>
        <source>no answer within %1 s</source>
        <translation>keine Antwort innerhalb von %1 s</translation>
    </message>
    <message>
        <source>the bus has no endpoint</source>
        <translation>der Bus hat keinen Endpunkt</translation>
    </message>
    <message>
        <source>logged in to %1</source>
        <translation>bei %1 angemeldet</translation>
    </message>
    <message>
        <source>connected to %1</source>
        <translation>mit %1 verbunden</translation>
    </message>
    <message>
        <source>connected to all %1 endpoints</source>
        <translation>mit allen %1 Endpunkten verbunden</translation>
    </message>
</context>
<context>
    <name>fedmsg::DBusNotifier</name>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Mute…</source>
        <translation>Stummschalten…</translation>
    </message>
    <message>
        <source>Why?</source>
        <translation>Warum?</translation>
    </message>
</context>
<context>
    <name>fedmsg::DemoBus</name>
    <message>
        <source>Demo bus</source>
        <translation>Demo-Bus</translation>
    </message>
    <message>
        <source>Sample messages published inside the applet (--demo).</source>
        <translation>Beispielnachrichten, die im Applet selbst veröffentlicht werden (--demo).</translation>
    </message>
</context>
<context>
    <name>fedmsg::DoNotDisturb</name>
    <message numerus="yes">
        <source>%n message(s) while paused</source>
        <translation>
            <numerusform>%n Nachricht während der Pause</numerusform>
            <numerusform>%n Nachrichten während der Pause</numerusform>
        </translation>
    </message>
    <message>
        <source>They are in the history and counted as unread.</source>
        <translation>Sie sind im Verlauf und als ungelesen gezählt.</translation>
    </message>
</context>
<context>
    <name>fedmsg::FedmsgConfigReader</name>
    <message>
        <source>fedmsg.d could not be read whole, so its signature settings are in doubt and the bus does not connect: %1</source>
        <translation>fedmsg.d konnte nicht vollständig gelesen werden; seine Signatureinstellungen sind daher zweifelhaft, und der Bus verbindet sich nicht: %1</translation>
    </message>
    <message>
        <source>(and %1 more)</source>
        <translation>(und %1 weitere)</translation>
    </message>
</context>
<context>
    <name>fedmsg::HistoryModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>Vertrauen</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>notified</source>
        <translation>gemeldet</translation>
    </message>
    <message>
        <source>in a digest</source>
        <translation>in einer Sammelmeldung</translation>
    </message>
    <message>
        <source>history only</source>
        <translation>nur Verlauf</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>verworfen</translation>
    </message>
    <message>
        <source>muted</source>
        <translation>stummgeschaltet</translation>
    </message>
    <message>
        <source>no decision</source>
        <translation>keine Entscheidung</translation>
    </message>
</context>
<context>
    <name>fedmsg::HistoryWindow</name>
    <message>
        <source>Clear history…</source>
        <translation>Verlauf leeren…</translation>
    </message>
    <message>
        <source>Message history</source>
        <translation>Nachrichtenverlauf</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Search: words, &quot;a phrase&quot;, prefix*, -exclude, a OR b</source>
        <translation>Suche: Wörter, &quot;eine Wortgruppe&quot;, Anfang*, -ausschließen, a OR b</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Clear history</source>
        <translation>Verlauf leeren</translation>
    </message>
    <message>
        <source>Message actions</source>
        <translation>Aktionen für die Nachricht</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Copy link</source>
        <translation>Link &amp;kopieren</translation>
    </message>
    <message>
        <source>Show raw &amp;JSON…</source>
        <translation>Rohes &amp;JSON zeigen…</translation>
    </message>
    <message>
        <source>&amp;Why did I get this?</source>
        <translation>&amp;Warum habe ich das bekommen?</translation>
    </message>
    <message>
        <source>&amp;Mute similar</source>
        <translation>Ähnliche &amp;stummschalten</translation>
    </message>
    <message>
        <source>History cleared.</source>
        <translation>Verlauf geleert.</translation>
    </message>
    <message>
        <source>Clearing failed: %1</source>
        <translation>Leeren fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Bus</source>
        <translation>Bus</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Paket</translation>
    </message>
    <message>
        <source>&amp;Unread only</source>
        <translation>Nur &amp;ungelesene</translation>
    </message>
    <message>
        <source>Unread only</source>
        <translation>Nur ungelesene</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>Vertrauen</translation>
    </message>
    <message>
        <source>Any trust</source>
        <translation>Jedes Vertrauen</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Jederzeit</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Rule decision</source>
        <translation>Regelentscheidung</translation>
    </message>
    <message>
        <source>Any decision</source>
        <translation>Jede Entscheidung</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Alle Dienste</translation>
    </message>
    <message>
        <source>Not opened: only http and https links are opened (%1)</source>
        <translation>Nicht geöffnet: Nur http- und https-Links werden geöffnet (%1)</translation>
    </message>
    <message>
        <source>Raw message: %1</source>
        <translation>Rohe Nachricht: %1</translation>
    </message>
    <message>
        <source>Raw message</source>
        <translation>Rohe Nachricht</translation>
    </message>
    <message>
        <source>Raw JSON</source>
        <translation>Rohes JSON</translation>
    </message>
    <message>
        <source>Headers:</source>
        <translation>Kopfzeilen:</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>No rule decided on this message: it was stored because you subscribe to the bus “%1”.</source>
        <translation>Keine Regel hat über diese Nachricht entschieden: Sie wurde gespeichert, weil Sie den Bus „%1“ abonniert haben.</translation>
    </message>
    <message>
        <source>Decision: %1 (no named rule; the default for the bus “%2”).</source>
        <translation>Entscheidung: %1 (keine benannte Regel; die Voreinstellung für den Bus „%2“).</translation>
    </message>
    <message>
        <source>Decision: %1, by the rule “%2”.</source>
        <translation>Entscheidung: %1, durch die Regel „%2“.</translation>
    </message>
    <message>
        <source>Topic: %1</source>
        <translation>Thema: %1</translation>
    </message>
    <message>
        <source>Trust: %1</source>
        <translation>Vertrauen: %1</translation>
    </message>
    <message>
        <source>Why did I get this?</source>
        <translation>Warum habe ich das bekommen?</translation>
    </message>
    <message>
        <source>Delete every stored message for good? This cannot be undone.</source>
        <translation>Alle gespeicherten Nachrichten endgültig löschen? Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>&amp;Delete all</source>
        <translation>Alle &amp;löschen</translation>
    </message>
    <message>
        <source>Delete all</source>
        <translation>Alle löschen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Clearing the history…</source>
        <translation>Verlauf wird geleert…</translation>
    </message>
</context>
<context>
    <name>fedmsg::MessageTypeTreeModel</name>
    <message numerus="yes">
        <source>%n message(s) in the last 7 days</source>
        <translation>
            <numerusform>%n Nachricht in den letzten 7 Tagen</numerusform>
            <numerusform>%n Nachrichten in den letzten 7 Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Message type</source>
        <translation>Nachrichtentyp</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
</context>
<context>
    <name>fedmsg::MessageTypesPage</name>
    <message>
        <source>&amp;All on</source>
        <translation>&amp;Alle ein</translation>
    </message>
    <message>
        <source>&amp;None</source>
        <translation>&amp;Keine</translation>
    </message>
    <message>
        <source>Messages of a type that is switched off are kept in the history but do not pop up.</source>
        <translation>Nachrichten eines ausgeschalteten Typs bleiben im Verlauf, erscheinen aber nicht als Meldung.</translation>
    </message>
    <message>
        <source>Filter message types</source>
        <translation>Nachrichtentypen filtern</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filtern:</translation>
    </message>
    <message>
        <source>Switch every message type on</source>
        <translation>Alle Nachrichtentypen einschalten</translation>
    </message>
    <message>
        <source>Switch every message type off</source>
        <translation>Alle Nachrichtentypen ausschalten</translation>
    </message>
    <message>
        <source>Message types</source>
        <translation>Nachrichtentypen</translation>
    </message>
    <message>
        <source>Services and their kinds of message; Space switches the current one on or off</source>
        <translation>Dienste und ihre Nachrichtenarten; die Leertaste schaltet die aktuelle ein oder aus</translation>
    </message>
</context>
<context>
    <name>fedmsg::MuteChooser</name>
    <message>
        <source>Mute similar messages</source>
        <translation>Ähnliche Nachrichten stummschalten</translation>
    </message>
    <message>
        <source>Mute messages like “%1”?</source>
        <translation>Nachrichten wie „%1“ stummschalten?</translation>
    </message>
    <message>
        <source>They stay in the history without popping up.</source>
        <translation>Sie bleiben im Verlauf, ohne als Meldung zu erscheinen.</translation>
    </message>
    <message>
        <source>For 1 hour</source>
        <translation>Für 1 Stunde</translation>
    </message>
    <message>
        <source>For 1 day</source>
        <translation>Für 1 Tag</translation>
    </message>
    <message>
        <source>Always</source>
        <translation>Immer</translation>
    </message>
</context>
<context>
    <name>fedmsg::NotificationsPage</name>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Popup timeout in seconds</source>
        <translation>Anzeigedauer der Meldungen in Sekunden</translation>
    </message>
    <message>
        <source> a minute</source>
        <translation> pro Minute</translation>
    </message>
    <message>
        <source>Popups a minute at most</source>
        <translation>Höchstens so viele Meldungen pro Minute</translation>
    </message>
    <message>
        <source>Digest window in seconds</source>
        <translation>Sammelzeitraum in Sekunden</translation>
    </message>
    <message>
        <source>&amp;Quiet hours</source>
        <translation>&amp;Ruhezeiten</translation>
    </message>
    <message>
        <source>Show service &amp;icons and avatars</source>
        <translation>D&amp;ienstsymbole und Avatare zeigen</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Keep history for days</source>
        <translation>Verlauf so viele Tage aufbewahren</translation>
    </message>
    <message>
        <source> messages</source>
        <translation> Nachrichten</translation>
    </message>
    <message>
        <source>Keep at most messages</source>
        <translation>Höchstens so viele Nachrichten aufbewahren</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Keep at most MiB of history</source>
        <translation>Höchstens so viele MiB Verlauf aufbewahren</translation>
    </message>
    <message>
        <source>&amp;Start at login</source>
        <translation>Beim Anmelden s&amp;tarten</translation>
    </message>
    <message>
        <source>The server&apos;s choice</source>
        <translation>Wie der Server will</translation>
    </message>
    <message>
        <source>0 keeps popups until dismissed</source>
        <translation>0 lässt Meldungen stehen, bis sie geschlossen werden</translation>
    </message>
    <message>
        <source>Popup &amp;timeout:</source>
        <translation>&amp;Anzeigedauer:</translation>
    </message>
    <message>
        <source>Default urgency</source>
        <translation>Standard-Dringlichkeit</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>Default &amp;urgency:</source>
        <translation>Standard-&amp;Dringlichkeit:</translation>
    </message>
    <message>
        <source>&amp;Popups at most:</source>
        <translation>&amp;Meldungen höchstens:</translation>
    </message>
    <message>
        <source>&amp;Digest of the rest every:</source>
        <translation>&amp;Sammelmeldung für den Rest alle:</translation>
    </message>
    <message>
        <source>Quiet hours</source>
        <translation>Ruhezeiten</translation>
    </message>
    <message>
        <source>Quiet hours start</source>
        <translation>Beginn der Ruhezeiten</translation>
    </message>
    <message>
        <source>Quiet hours end</source>
        <translation>Ende der Ruhezeiten</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Show service icons and avatars</source>
        <translation>Dienstsymbole und Avatare zeigen</translation>
    </message>
    <message>
        <source>My Fedora account name</source>
        <translation>Mein Fedora-Kontoname</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>My Fedora &amp;account:</source>
        <translation>Mein Fedora-&amp;Konto:</translation>
    </message>
    <message>
        <source>Keep &amp;history:</source>
        <translation>&amp;Verlauf aufbewahren:</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Beim Anmelden starten</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <source>Takes effect at the next start</source>
        <translation>Wirkt ab dem nächsten Start</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>S&amp;prache:</translation>
    </message>
    <message>
        <source>Show the &amp;raw message type as the popup title, as the old applet did</source>
        <translation>Den rohen &amp;Nachrichtentyp als Titel der Meldung zeigen, wie das alte Applet</translation>
    </message>
    <message>
        <source>&amp;Critical messages break through the pause and quiet hours</source>
        <translation>Kritische Meldungen durchbr&amp;echen Pause und Ruhezeiten</translation>
    </message>
    <message>
        <source>Relay notified messages to the old GNOME Shell e&amp;xtension (D-Bus)</source>
        <translation>Gemeldete Nachrichten an die alte GNOME-Shell-Erweiterung &amp;weiterleiten (D-Bus)</translation>
    </message>
    <message>
        <source>Show the raw message type as the popup title</source>
        <translation>Den rohen Nachrichtentyp als Titel der Meldung zeigen</translation>
    </message>
    <message>
        <source>The popup&apos;s title becomes the message type as the old applet showed it, e.g. “bodhi.update.comment”, instead of “Bodhi: comment on update”</source>
        <translation>Der Titel der Meldung wird zum Nachrichtentyp, wie ihn das alte Applet zeigte, z. B. „bodhi.update.comment“ statt „Bodhi: Kommentar zu einem Update“</translation>
    </message>
    <message>
        <source>Critical messages break through the pause and quiet hours</source>
        <translation>Kritische Meldungen durchbrechen Pause und Ruhezeiten</translation>
    </message>
    <message>
        <source>Critical popups still show while notifications are paused or in quiet hours. The desktop&apos;s own do-not-disturb still holds them.</source>
        <translation>Kritische Meldungen erscheinen auch, während Benachrichtigungen pausiert sind oder Ruhezeit ist. Das „Nicht stören“ der Arbeitsumgebung hält sie weiterhin zurück.</translation>
    </message>
    <message>
        <source>Relay notified messages to the old GNOME Shell extension</source>
        <translation>Gemeldete Nachrichten an die alte GNOME-Shell-Erweiterung weiterleiten</translation>
    </message>
    <message>
        <source>Each message your rules notify is sent as MessageReceived on the old applet&apos;s D-Bus interface org.fedoraproject.fedmsg.notify, which its GNOME Shell extension listens to</source>
        <translation>Jede Nachricht, die Ihre Regeln melden, wird als MessageReceived über die D-Bus-Schnittstelle org.fedoraproject.fedmsg.notify des alten Applets gesendet, auf die seine GNOME-Shell-Erweiterung hört</translation>
    </message>
</context>
<context>
    <name>fedmsg::PopupText</name>
    <message>
        <source>comment on %1</source>
        <translation>Kommentar zu %1</translation>
    </message>
    <message>
        <source>new %1</source>
        <translation>neu: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>fedmsg::PreferencesDialog</name>
    <message>
        <source>fedmsg-notify Preferences</source>
        <translation>fedmsg-notify – Einstellungen</translation>
    </message>
    <message>
        <source>Preferences pages</source>
        <translation>Einstellungsseiten</translation>
    </message>
    <message>
        <source>Message types</source>
        <translation>Nachrichtentypen</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <source>Close preferences</source>
        <translation>Einstellungen schließen</translation>
    </message>
    <message>
        <source>Buses</source>
        <translation>Busse</translation>
    </message>
</context>
<context>
    <name>fedmsg::RuleActionEditor</name>
    <message>
        <source>&amp;Sticky (stays until dismissed)</source>
        <translation>&amp;Stehen lassen (bleibt, bis sie geschlossen wird)</translation>
    </message>
    <message>
        <source>notify (pop up)</source>
        <translation>melden (Meldung einblenden)</translation>
    </message>
    <message>
        <source>history only</source>
        <translation>nur Verlauf</translation>
    </message>
    <message>
        <source>drop (not shown anywhere)</source>
        <translation>verwerfen (nirgends gezeigt)</translation>
    </message>
    <message>
        <source>digest (in the next digest popup)</source>
        <translation>sammeln (in der nächsten Sammelmeldung)</translation>
    </message>
    <message>
        <source>mute until</source>
        <translation>stumm bis</translation>
    </message>
    <message>
        <source>What the rule does</source>
        <translation>Was die Regel tut</translation>
    </message>
    <message>
        <source>low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Dringlichkeit</translation>
    </message>
    <message>
        <source>Sticky</source>
        <translation>Stehen lassen</translation>
    </message>
    <message>
        <source> ms</source>
        <translation>&#xa0;ms</translation>
    </message>
    <message>
        <source>the server&apos;s choice</source>
        <translation>nach Wahl des Servers</translation>
    </message>
    <message>
        <source>Popup timeout</source>
        <translation>Anzeigedauer</translation>
    </message>
    <message>
        <source>Mute until</source>
        <translation>Stumm bis</translation>
    </message>
    <message>
        <source>&amp;Then:</source>
        <translation>&amp;Dann:</translation>
    </message>
    <message>
        <source>Urgenc&amp;y:</source>
        <translation>Dringlich&amp;keit:</translation>
    </message>
    <message>
        <source>Time&amp;out:</source>
        <translation>Anzei&amp;gedauer:</translation>
    </message>
    <message>
        <source>Mut&amp;e until:</source>
        <translation>S&amp;tumm bis:</translation>
    </message>
</context>
<context>
    <name>fedmsg::RulePreview</name>
    <message>
        <source>message %1 is not stored</source>
        <translation>Nachricht %1 ist nicht gespeichert</translation>
    </message>
    <message>
        <source>the stored message no longer parses</source>
        <translation>die gespeicherte Nachricht lässt sich nicht mehr einlesen</translation>
    </message>
</context>
<context>
    <name>fedmsg::RulesPage</name>
    <message>
        <source>Move &amp;up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Rules, checked in this order</source>
        <translation>Regeln, in dieser Reihenfolge geprüft</translation>
    </message>
    <message>
        <source>Space switches a rule on or off; Ctrl+Up and Ctrl+Down move it; Delete removes it; Ctrl+Z brings it back</source>
        <translation>Leertaste schaltet eine Regel ein oder aus; Strg+Hoch und Strg+Runter verschieben sie; Entf entfernt sie; Strg+Z holt sie zurück</translation>
    </message>
    <message>
        <source>Move the rule up</source>
        <translation>Regel nach oben verschieben</translation>
    </message>
    <message>
        <source>Move the rule down</source>
        <translation>Regel nach unten verschieben</translation>
    </message>
    <message>
        <source>Delete the rule</source>
        <translation>Regel löschen</translation>
    </message>
    <message>
        <source>Undo the last delete</source>
        <translation>Letztes Löschen rückgängig machen</translation>
    </message>
    <message>
        <source>The selected rule as JSON</source>
        <translation>Die gewählte Regel als JSON</translation>
    </message>
    <message>
        <source>Rule error</source>
        <translation>Regelfehler</translation>
    </message>
    <message>
        <source>Rule preview</source>
        <translation>Regelvorschau</translation>
    </message>
    <message>
        <source>The stored rules cannot be changed here until these are fixed in the settings file (they are not in effect): %1</source>
        <translation>Die gespeicherten Regeln können hier erst geändert werden, wenn diese in der Einstellungsdatei behoben sind (sie gelten nicht): %1</translation>
    </message>
    <message>
        <source>Not saved: not a JSON object (%1 at offset %2)</source>
        <translation>Nicht gespeichert: kein JSON-Objekt (%1 an Position %2)</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>No preview: %1</source>
        <translation>Keine Vorschau: %1</translation>
    </message>
    <message>
        <source>Matches %1 of the %2 messages stored in the last 7 days</source>
        <translation>Trifft auf %1 der %2 in den letzten 7 Tagen gespeicherten Nachrichten zu</translation>
    </message>
    <message>
        <source>&amp;New rule</source>
        <translation>&amp;Neue Regel</translation>
    </message>
    <message>
        <source>Duplic&amp;ate</source>
        <translation>Dupli&amp;zieren</translation>
    </message>
    <message>
        <source>Undo de&amp;lete</source>
        <translation>Wieder&amp;herstellen</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>New rule (starts switched off)</source>
        <translation>Neue Regel (anfangs ausgeschaltet)</translation>
    </message>
    <message>
        <source>Duplicate the rule</source>
        <translation>Die Regel duplizieren</translation>
    </message>
    <message>
        <source>Import rules from a file</source>
        <translation>Regeln aus einer Datei importieren</translation>
    </message>
    <message>
        <source>Export the rules to a file</source>
        <translation>Die Regeln in eine Datei exportieren</translation>
    </message>
    <message>
        <source>Rule name</source>
        <translation>Name der Regel</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>Na&amp;me der Regel:</translation>
    </message>
    <message>
        <source>Conditions and action</source>
        <translation>Bedingungen und Aktion</translation>
    </message>
    <message>
        <source>&amp;JSON (advanced)</source>
        <translation>&amp;JSON (für Fortgeschrittene)</translation>
    </message>
    <message>
        <source>Rule editor</source>
        <translation>Regeleditor</translation>
    </message>
    <message>
        <source>Rule editor views</source>
        <translation>Ansichten des Regeleditors</translation>
    </message>
    <message>
        <source>Import and export result</source>
        <translation>Ergebnis von Import und Export</translation>
    </message>
    <message>
        <source>Stored messages the rule matches</source>
        <translation>Gespeicherte Nachrichten, auf die die Regel zutrifft</translation>
    </message>
    <message>
        <source>Choose one to see why the rule matches it</source>
        <translation>Wählen Sie eine aus, um zu sehen, warum die Regel zutrifft</translation>
    </message>
    <message>
        <source>Why the rule matches the chosen message</source>
        <translation>Warum die Regel auf die gewählte Nachricht zutrifft</translation>
    </message>
    <message>
        <source>New rule</source>
        <translation>Neue Regel</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <source>Not saved: %1: %2</source>
        <translation>Nicht gespeichert: %1: %2</translation>
    </message>
    <message>
        <source>Cannot say why: %1</source>
        <translation>Begründung nicht möglich: %1</translation>
    </message>
    <message>
        <source>Import rules</source>
        <translation>Regeln importieren</translation>
    </message>
    <message>
        <source>Export rules</source>
        <translation>Regeln exportieren</translation>
    </message>
    <message>
        <source>Rule files (*.json);;All files (*)</source>
        <translation>Regeldateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Not imported, your rules are unchanged: %1</source>
        <translation>Nicht importiert, Ihre Regeln sind unverändert: %1</translation>
    </message>
    <message>
        <source>Imported %1 rules from %2</source>
        <translation>%1 Regeln aus %2 importiert</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>Nicht exportiert: %1</translation>
    </message>
    <message>
        <source>Exported %1 rules to %2</source>
        <translation>%1 Regeln nach %2 exportiert</translation>
    </message>
</context>
<context>
    <name>fedmsg::StatusReason</name>
    <message>
        <source>The server refused the connection.</source>
        <translation>Der Server hat die Verbindung abgelehnt.</translation>
    </message>
    <message>
        <source>Could not connect: the server refused the connection or cannot be reached.</source>
        <translation>Keine Verbindung möglich: Der Server lehnt die Verbindung ab oder ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>The server cannot be reached from this network.</source>
        <translation>Der Server ist von diesem Netzwerk aus nicht erreichbar.</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The server refused the login (user name, password or certificate).</source>
        <translation>Der Server hat die Anmeldung abgelehnt (Benutzername, Passwort oder Zertifikat).</translation>
    </message>
    <message>
        <source>The server does not know the requested address, virtual host or queue.</source>
        <translation>Der Server kennt die angeforderte Adresse, den virtuellen Host oder die Warteschlange nicht.</translation>
    </message>
    <message>
        <source>The server does not speak the expected protocol.</source>
        <translation>Der Server spricht nicht das erwartete Protokoll.</translation>
    </message>
    <message>
        <source>The server&apos;s name could not be resolved.</source>
        <translation>Der Name des Servers konnte nicht aufgelöst werden.</translation>
    </message>
    <message>
        <source>The secure connection (TLS) could not be set up.</source>
        <translation>Die sichere Verbindung (TLS) konnte nicht aufgebaut werden.</translation>
    </message>
    <message>
        <source>The connection was closed.</source>
        <translation>Die Verbindung wurde geschlossen.</translation>
    </message>
    <message>
        <source>No connection yet; trying again.</source>
        <translation>Noch keine Verbindung; neuer Versuch läuft.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird aufgebaut …</translation>
    </message>
    <message>
        <source>The CURVE client key for this bus could not be loaded.</source>
        <translation>Der CURVE-Client-Schlüssel dieses Busses konnte nicht geladen werden.</translation>
    </message>
    <message>
        <source>The bus&apos;s CURVE server key is not valid (40 Z85 characters expected).</source>
        <translation>Der CURVE-Server-Schlüssel des Busses ist ungültig (40 Z85-Zeichen erwartet).</translation>
    </message>
    <message>
        <source>A message over the size limit was refused; the connection is made again.</source>
        <translation>Eine Nachricht über der Größengrenze wurde abgewiesen; die Verbindung wird neu aufgebaut.</translation>
    </message>
</context>
<context>
    <name>fedmsg::TrayIcon</name>
    <message>
        <source>No bus configured</source>
        <translation>Kein Bus eingerichtet</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>verbindet</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>getrennt</translation>
    </message>
    <message>
        <source>retrying</source>
        <translation>neuer Versuch</translation>
    </message>
    <message>
        <source>down</source>
        <translation>ausgefallen</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>Recent messages</source>
        <translation>Neueste Nachrichten</translation>
    </message>
    <message>
        <source>&amp;Pause notifications</source>
        <translation>Benachrichtigungen &amp;pausieren</translation>
    </message>
    <message>
        <source>For 1 hour</source>
        <translation>Für 1 Stunde</translation>
    </message>
    <message>
        <source>Until tomorrow</source>
        <translation>Bis morgen</translation>
    </message>
    <message>
        <source>Until resumed</source>
        <translation>Bis zur Fortsetzung</translation>
    </message>
    <message>
        <source>&amp;Resume notifications</source>
        <translation>Benachrichtigungen &amp;fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Mark all read</source>
        <translation>Alle als gelesen &amp;markieren</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Verlauf…</translation>
    </message>
    <message>
        <source>P&amp;references…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Über</translation>
    </message>
    <message>
        <source>&amp;Resume notifications (paused until %1)</source>
        <translation>Benachrichtigungen &amp;fortsetzen (pausiert bis %1)</translation>
    </message>
    <message numerus="yes">
        <source>Connected to %n endpoint(s)</source>
        <translation>
            <numerusform>Mit %n Endpunkt verbunden</numerusform>
            <numerusform>Mit %n Endpunkten verbunden</numerusform>
        </translation>
    </message>
    <message>
        <source>All buses down</source>
        <translation>Alle Busse ausgefallen</translation>
    </message>
    <message>
        <source>All buses down: %1</source>
        <translation>Alle Busse ausgefallen: %1</translation>
    </message>
    <message>
        <source>last message %1</source>
        <translation>letzte Nachricht %1</translation>
    </message>
    <message>
        <source>no message yet</source>
        <translation>noch keine Nachricht</translation>
    </message>
    <message>
        <source>Notifications paused until %1</source>
        <translation>Benachrichtigungen pausiert bis %1</translation>
    </message>
    <message>
        <source>Notifications paused until resumed</source>
        <translation>Benachrichtigungen pausiert bis zur Fortsetzung</translation>
    </message>
    <message numerus="yes">
        <source>%n unread message(s)</source>
        <translation>
            <numerusform>%n ungelesene Nachricht</numerusform>
            <numerusform>%n ungelesene Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <source>Untrusted messages were received (kept in the history, not shown)</source>
        <translation>Nicht vertrauenswürdige Nachrichten wurden empfangen (im Verlauf aufbewahrt, nicht angezeigt)</translation>
    </message>
    <message>
        <source>[%1] %2</source>
        <translation>[%1] %2</translation>
    </message>
    <message>
        <source>&amp;Cancel catch-up</source>
        <translation>Nachholen &amp;abbrechen</translation>
    </message>
</context>
<context>
    <name>fedmsg::TrustState</name>
    <message>
        <source>signed</source>
        <translation>signiert</translation>
    </message>
    <message>
        <source>untrusted</source>
        <translation>nicht vertrauenswürdig</translation>
    </message>
    <message>
        <source>broker, unsigned</source>
        <translation>Broker, unsigniert</translation>
    </message>
    <message>
        <source>unverified</source>
        <translation>ungeprüft</translation>
    </message>
</context>
<context>
    <name>fedmsg::WelcomeDialog</name>
    <message>
        <source>Welcome to fedmsg-notify</source>
        <translation>Willkommen bei fedmsg-notify</translation>
    </message>
    <message>
        <source>fedmsg-notify shows desktop notifications for what happens in Fedora: builds, updates, comments, new releases of the packages you follow. Every message received is kept in the history; rules decide which ones pop up.</source>
        <translation>fedmsg-notify zeigt Desktop-Benachrichtigungen zu dem, was in Fedora geschieht: Builds, Aktualisierungen, Kommentare, neue Versionen der Pakete, denen Sie folgen. Jede empfangene Nachricht wird im Verlauf aufbewahrt; Regeln entscheiden, welche davon als Meldung erscheinen.</translation>
    </message>
    <message>
        <source>What fedmsg-notify does</source>
        <translation>Was fedmsg-notify tut</translation>
    </message>
    <message>
        <source>Fedora account name</source>
        <translation>Name des Fedora-Kontos</translation>
    </message>
    <message>
        <source>your FAS user name</source>
        <translation>Ihr FAS-Benutzername</translation>
    </message>
    <message>
        <source>Your Fedora &amp;account:</source>
        <translation>Ihr Fedora-&amp;Konto:</translation>
    </message>
    <message>
        <source>With it, the rules can tell what is about you and your packages (&quot;for you&quot;).</source>
        <translation>Damit erkennen die Regeln, was Sie und Ihre Pakete betrifft („für Sie“).</translation>
    </message>
    <message>
        <source>Why the account name</source>
        <translation>Wozu der Kontoname</translation>
    </message>
    <message>
        <source>The applet lives in the system tray: click its icon for the history, right-click it for the menu.</source>
        <translation>Das Applet sitzt im Systembereich der Kontrollleiste: Ein Klick auf sein Symbol öffnet den Verlauf, ein Rechtsklick das Menü.</translation>
    </message>
    <message>
        <source>Where the tray icon is</source>
        <translation>Wo das Symbol in der Kontrollleiste ist</translation>
    </message>
    <message>
        <source>Open &amp;Preferences…</source>
        <translation>&amp;Einstellungen öffnen…</translation>
    </message>
    <message>
        <source>Open Preferences</source>
        <translation>Einstellungen öffnen</translation>
    </message>
    <message>
        <source>Close the welcome</source>
        <translation>Willkommensfenster schließen</translation>
    </message>
</context>
<context>
    <name>fedmsg::WhyDialog</name>
    <message>
        <source>Why this notification?</source>
        <translation>Warum diese Benachrichtigung?</translation>
    </message>
    <message>
        <source>No rule picked this message out: notifications are on for %1 and no rule says otherwise.

Topic: %2
Message id: %3</source>
        <translation>Keine Regel hat diese Nachricht ausgewählt: Benachrichtigungen sind für %1 eingeschaltet, und keine Regel sagt etwas anderes.

Thema: %2
Nachrichten-ID: %3</translation>
    </message>
</context>
<context>
    <name>fedmsg::rules::MessageTypeCatalog</name>
    <message>
        <source>%1: messages whose topic ends in “%2”</source>
        <translation>%1: Nachrichten, deren Thema auf „%2“ endet</translation>
    </message>
</context>
<context>
    <name>fedmsg::rules::MuteRule</name>
    <message>
        <source>Mute %1</source>
        <translation>%1 stummschalten</translation>
    </message>
</context>
<context>
    <name>fedmsg::rules::RuleCondition</name>
    <message>
        <source>your Fedora account name is not known yet</source>
        <translation>Ihr Fedora-Kontoname ist noch nicht bekannt</translation>
    </message>
    <message>
        <source>no package sources are available here</source>
        <translation>hier sind keine Paketquellen verfügbar</translation>
    </message>
    <message>
        <source>all of</source>
        <translation>alle von</translation>
    </message>
    <message>
        <source>any of</source>
        <translation>eines von</translation>
    </message>
    <message>
        <source>not</source>
        <translation>nicht</translation>
    </message>
    <message>
        <source>topic is %1</source>
        <translation>Thema ist %1</translation>
    </message>
    <message>
        <source>topic starts with %1</source>
        <translation>Thema beginnt mit %1</translation>
    </message>
    <message>
        <source>topic matches %1</source>
        <translation>Thema passt zu %1</translation>
    </message>
    <message>
        <source>topic matches the regex %1</source>
        <translation>Thema passt zum regulären Ausdruck %1</translation>
    </message>
    <message>
        <source>service is %1</source>
        <translation>Dienst ist %1</translation>
    </message>
    <message>
        <source>message type is %1</source>
        <translation>Nachrichtentyp ist %1</translation>
    </message>
    <message>
        <source>bus is %1</source>
        <translation>Bus ist %1</translation>
    </message>
    <message>
        <source>trust is %1</source>
        <translation>Vertrauen ist %1</translation>
    </message>
    <message>
        <source>users include all of %1</source>
        <translation>Benutzer umfassen alle von %1</translation>
    </message>
    <message>
        <source>users include any of %1</source>
        <translation>Benutzer umfassen einen von %1</translation>
    </message>
    <message>
        <source>user is me</source>
        <translation>Benutzer bin ich</translation>
    </message>
    <message>
        <source>mentions me</source>
        <translation>erwähnt mich</translation>
    </message>
    <message>
        <source>package in %1</source>
        <translation>Paket in %1</translation>
    </message>
    <message>
        <source>package in packages I maintain</source>
        <translation>Paket gehört zu meinen Paketen</translation>
    </message>
    <message>
        <source>package in packages %1 maintain</source>
        <translation>Paket gehört zu den Paketen von %1</translation>
    </message>
    <message>
        <source>package installed here</source>
        <translation>Paket ist hier installiert</translation>
    </message>
    <message>
        <source>%1 exists</source>
        <translation>%1 existiert</translation>
    </message>
    <message>
        <source>%1 contains %2</source>
        <translation>%1 enthält %2</translation>
    </message>
    <message>
        <source>%1 matches %2</source>
        <translation>%1 passt zu %2</translation>
    </message>
    <message>
        <source>title contains %1</source>
        <translation>Titel enthält %1</translation>
    </message>
    <message>
        <source>title matches %1</source>
        <translation>Titel passt zu %1</translation>
    </message>
    <message>
        <source>text contains %1</source>
        <translation>Text enthält %1</translation>
    </message>
    <message>
        <source>text matches %1</source>
        <translation>Text passt zu %1</translation>
    </message>
    <message>
        <source>the package list is not loaded yet</source>
        <translation>die Paketliste ist noch nicht geladen</translation>
    </message>
</context>
<context>
    <name>fedmsg::rules::RuleExplainer</name>
    <message>
        <source>critical</source>
        <translation>kritisch</translation>
    </message>
    <message>
        <source>low</source>
        <translation>niedrig</translation>
    </message>
    <message>
        <source>sticky</source>
        <translation>bleibend</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>notify</source>
        <translation>melden</translation>
    </message>
    <message>
        <source>notify (%1)</source>
        <translation>melden (%1)</translation>
    </message>
    <message>
        <source>history only</source>
        <translation>nur Verlauf</translation>
    </message>
    <message>
        <source>drop</source>
        <translation>verwerfen</translation>
    </message>
    <message>
        <source>digest</source>
        <translation>sammeln</translation>
    </message>
    <message>
        <source>mute until %1</source>
        <translation>stumm bis %1</translation>
    </message>
    <message>
        <source>→ %1, but message type %2 is switched off → %3</source>
        <translation>→ %1, aber der Nachrichtentyp %2 ist ausgeschaltet → %3</translation>
    </message>
    <message>
        <source>→ %1, but the message is untrusted and the rule does not ask for untrusted messages → %2</source>
        <translation>→ %1, aber die Nachricht ist nicht vertrauenswürdig, und die Regel verlangt keine nicht vertrauenswürdigen Nachrichten → %2</translation>
    </message>
    <message>
        <source>no rule matched, default %1</source>
        <translation>keine Regel traf zu, Voreinstellung %1</translation>
    </message>
    <message>
        <source>rule &apos;%1&apos;</source>
        <translation>Regel „%1“</translation>
    </message>
    <message>
        <source>(since removed)</source>
        <translation>(inzwischen entfernt)</translation>
    </message>
    <message>
        <source>(revision %1; changed since)</source>
        <translation>(Revision %1; inzwischen geändert)</translation>
    </message>
    <message>
        <source>rule &apos;%1&apos;: switched off</source>
        <translation>Regel „%1“: ausgeschaltet</translation>
    </message>
    <message>
        <source>rule &apos;%1&apos;: its mute has ended</source>
        <translation>Regel „%1“: ihre Stummschaltung ist abgelaufen</translation>
    </message>
    <message>
        <source>→ not known, passed over</source>
        <translation>→ unbekannt, übergangen</translation>
    </message>
    <message>
        <source>→ no match</source>
        <translation>→ trifft nicht zu</translation>
    </message>
    <message>
        <source>(not checked)</source>
        <translation>(nicht geprüft)</translation>
    </message>
</context>
<context>
    <name>fedmsg::rules::StarterRules</name>
    <message>
        <source>New messages are kept in the history without popping up, except: builds and updates of packages you maintain, comments on your updates and messages that mention you — none of them about your own actions. Change this in the rules.</source>
        <translation>Neue Nachrichten werden im Verlauf aufbewahrt, ohne als Meldung zu erscheinen, außer: Builds und Aktualisierungen Ihrer Pakete, Kommentare zu Ihren Aktualisierungen und Nachrichten, die Sie erwähnen – keine davon über Ihre eigenen Aktionen. Das lässt sich in den Regeln ändern.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Desktop notifications for Fedora&apos;s message buses (fedmsg and fedora-messaging).</source>
        <translation>Desktop-Benachrichtigungen für Fedoras Nachrichtenbusse (fedmsg und fedora-messaging).</translation>
    </message>
    <message>
        <source>Run against the embedded demo bus.</source>
        <translation>Mit dem eingebauten Demo-Bus starten.</translation>
    </message>
    <message>
        <source>Also import fedmsg.d files from &lt;dir&gt;.</source>
        <translation>Zusätzlich fedmsg.d-Dateien aus &lt;dir&gt; einlesen.</translation>
    </message>
    <message>
        <source>Start to the tray without showing a window (autostart, D-Bus activation).</source>
        <translation>In der Systemleiste starten, ohne ein Fenster zu zeigen (Autostart, D-Bus-Aktivierung).</translation>
    </message>
    <message>
        <source>fedmsg-notify is already running; asked it to show itself.</source>
        <translation>fedmsg-notify läuft bereits; es wurde gebeten, sich zu zeigen.</translation>
    </message>
</context>
</TS>
