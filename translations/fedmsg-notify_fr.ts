<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AutostartEntry</name>
    <message>
        <source>cannot create %1</source>
        <translation>impossible de créer %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>cannot remove %1</source>
        <translation>impossible de supprimer %1</translation>
    </message>
</context>
<context>
    <name>catalog</name>
    <message>
        <source>Ask Fedora Qs &amp; As</source>
        <translation>Questions et réponses d’Ask Fedora</translation>
    </message>
    <message>
        <source>the Fedora &apos;Ask&apos; Forum</source>
        <translation>le forum « Ask » de Fedora</translation>
    </message>
    <message>
        <source>Package Updates</source>
        <translation>Mises à jour de paquets</translation>
    </message>
    <message>
        <source>the Fedora update system</source>
        <translation>le système de mises à jour de Fedora</translation>
    </message>
    <message>
        <source>Package Commits</source>
        <translation>Commits de paquets</translation>
    </message>
    <message>
        <source>the Fedora version control system</source>
        <translation>le système de gestion de versions de Fedora</translation>
    </message>
    <message>
        <source>Package Tag Votes</source>
        <translation>Votes sur les étiquettes de paquets</translation>
    </message>
    <message>
        <source>the Fedora package labeller/tagger</source>
        <translation>l’étiqueteur de paquets de Fedora</translation>
    </message>
    <message>
        <source>Blog Posts</source>
        <translation>Billets de blog</translation>
    </message>
    <message>
        <source>the Fedora blog aggregator</source>
        <translation>l’agrégateur de blogs de Fedora</translation>
    </message>
    <message>
        <source>IRC Meetings</source>
        <translation>Réunions IRC</translation>
    </message>
    <message>
        <source>the Fedora IRC bot</source>
        <translation>le robot IRC de Fedora</translation>
    </message>
    <message>
        <source>Wiki Edits</source>
        <translation>Modifications du wiki</translation>
    </message>
    <message>
        <source>the Fedora Wiki</source>
        <translation>le wiki de Fedora</translation>
    </message>
    <message>
        <source>Account Changes</source>
        <translation>Modifications de comptes</translation>
    </message>
    <message>
        <source>the Fedora Account System</source>
        <translation>le système de comptes de Fedora</translation>
    </message>
    <message>
        <source>Composes</source>
        <translation>Compositions</translation>
    </message>
    <message>
        <source>Fedora Release Engineering</source>
        <translation>l’ingénierie des versions de Fedora</translation>
    </message>
    <message>
        <source>Package ACL Updates</source>
        <translation>Mises à jour des ACL de paquets</translation>
    </message>
    <message>
        <source>the Fedora Package DB</source>
        <translation>la base de données des paquets de Fedora</translation>
    </message>
    <message>
        <source>Koji Builds</source>
        <translation>Constructions Koji</translation>
    </message>
    <message>
        <source>the Fedora build system</source>
        <translation>le système de construction de Fedora</translation>
    </message>
    <message>
        <source>Fedora Hosted Events</source>
        <translation>Événements de Fedora Hosted</translation>
    </message>
    <message>
        <source>events from select Fedora Hosted projects</source>
        <translation>événements de projets choisis de Fedora Hosted</translation>
    </message>
    <message>
        <source>Mailing List Messages</source>
        <translation>Messages des listes de diffusion</translation>
    </message>
    <message>
        <source>mailing list messages</source>
        <translation>messages des listes de diffusion</translation>
    </message>
    <message>
        <source>New Badges</source>
        <translation>Nouveaux badges</translation>
    </message>
    <message>
        <source>the Fedora Open Badges System</source>
        <translation>le système de badges ouverts de Fedora</translation>
    </message>
    <message>
        <source>Ansible Runs</source>
        <translation>Exécutions Ansible</translation>
    </message>
    <message>
        <source>Fedora Infrastructure Ansible Runs</source>
        <translation>exécutions Ansible de l’infrastructure Fedora</translation>
    </message>
    <message>
        <source>Datanommer Events</source>
        <translation>Événements Datanommer</translation>
    </message>
    <message>
        <source>Exceptional Datanommer Events</source>
        <translation>événements exceptionnels de Datanommer</translation>
    </message>
    <message>
        <source>Wallpaper Elections</source>
        <translation>Élections de fonds d’écran</translation>
    </message>
    <message>
        <source>the supplemental wallpaper voting system</source>
        <translation>le système de vote pour les fonds d’écran supplémentaires</translation>
    </message>
    <message>
        <source>Calendar Events</source>
        <translation>Événements du calendrier</translation>
    </message>
    <message>
        <source>The Fedora Calendaring System</source>
        <translation>Le système de calendrier de Fedora</translation>
    </message>
    <message>
        <source>Extra Repository Updates</source>
        <translation>Mises à jour de dépôts supplémentaires</translation>
    </message>
    <message>
        <source>the Cool Other Package Repositories system</source>
        <translation>le système « Cool Other Package Repositories »</translation>
    </message>
    <message>
        <source>Upstream Releases</source>
        <translation>Versions amont</translation>
    </message>
    <message>
        <source>Upstream Release Monitoring</source>
        <translation>Suivi des versions amont</translation>
    </message>
    <message>
        <source>Source File Hashes</source>
        <translation>Empreintes des fichiers sources</translation>
    </message>
    <message>
        <source>a backend tool that extracts hashes of source files</source>
        <translation>un outil d’arrière-plan qui extrait les empreintes des fichiers sources</translation>
    </message>
    <message>
        <source>Jenkins build status</source>
        <translation>État des constructions Jenkins</translation>
    </message>
    <message>
        <source>Jenkins CI system</source>
        <translation>le système d’intégration continue Jenkins</translation>
    </message>
    <message>
        <source>Github Events</source>
        <translation>Événements GitHub</translation>
    </message>
    <message>
        <source>Fedora-related Github Repos</source>
        <translation>dépôts GitHub liés à Fedora</translation>
    </message>
    <message>
        <source>Forgejo Events</source>
        <translation>Événements Forgejo</translation>
    </message>
    <message>
        <source>Fedora-related Forgejo repositories (via Webhook To Fedora Messaging)</source>
        <translation>dépôts Forgejo liés à Fedora (via Webhook To Fedora Messaging)</translation>
    </message>
    <message>
        <source>GitLab Events</source>
        <translation>Événements GitLab</translation>
    </message>
    <message>
        <source>Fedora-related GitLab projects (via Webhook To Fedora Messaging)</source>
        <translation>projets GitLab liés à Fedora (via Webhook To Fedora Messaging)</translation>
    </message>
    <message>
        <source>Bug Updates</source>
        <translation>Mises à jour de bogues</translation>
    </message>
    <message>
        <source>Red Hat Bugzilla</source>
        <translation>le Bugzilla de Red Hat</translation>
    </message>
    <message>
        <source>Fedora Elections</source>
        <translation>Élections Fedora</translation>
    </message>
    <message>
        <source>the fedora voting system</source>
        <translation>le système de vote de Fedora</translation>
    </message>
    <message>
        <source>Notification Preference Updates</source>
        <translation>Mises à jour des préférences de notification</translation>
    </message>
    <message>
        <source>the Fedora Notifications System</source>
        <translation>le système de notifications de Fedora</translation>
    </message>
    <message>
        <source>New cloud image upload</source>
        <translation>Nouvelle image cloud téléversée</translation>
    </message>
    <message>
        <source>The Fedora cloud image service</source>
        <translation>Le service d’images cloud de Fedora</translation>
    </message>
    <message>
        <source>Kernel Tests</source>
        <translation>Tests du noyau</translation>
    </message>
    <message>
        <source>Kernel Testing Initiative</source>
        <translation>Initiative de test du noyau</translation>
    </message>
    <message>
        <source>Watched packages</source>
        <translation>Paquets surveillés</translation>
    </message>
    <message>
        <source>Continuous integration for Fedora packages</source>
        <translation>Intégration continue des paquets Fedora</translation>
    </message>
    <message>
        <source>Fresh Builds &amp; Bugs</source>
        <translation>Nouvelles constructions et bogues</translation>
    </message>
    <message>
        <source>A fedmsg consumer that files bugzilla bugs for upstream releases</source>
        <translation>Un consommateur fedmsg qui ouvre des bogues Bugzilla pour les versions amont</translation>
    </message>
    <message>
        <source>Mirror Updates</source>
        <translation>Mises à jour des miroirs</translation>
    </message>
    <message>
        <source>Mirror Manager activity</source>
        <translation>Activité de MirrorManager</translation>
    </message>
    <message>
        <source>IRC Karma</source>
        <translation>Karma IRC</translation>
    </message>
    <message>
        <source>Pagure forge</source>
        <translation>Forge Pagure</translation>
    </message>
    <message>
        <source>Pagure over Dist-git</source>
        <translation>Pagure sur Dist-git</translation>
    </message>
    <message>
        <source>Translation Events</source>
        <translation>Événements de traduction</translation>
    </message>
    <message>
        <source>translation events</source>
        <translation>événements de traduction</translation>
    </message>
    <message>
        <source>New and significant crashes</source>
        <translation>Plantages nouveaux et importants</translation>
    </message>
    <message>
        <source>ABRT crash analysis server</source>
        <translation>Serveur d’analyse de plantages ABRT</translation>
    </message>
    <message>
        <source>Cloud Image Test</source>
        <translation>Test d’images cloud</translation>
    </message>
    <message>
        <source>Automated Fedora Cloud Image Testing service</source>
        <translation>Service de test automatisé des images cloud de Fedora</translation>
    </message>
    <message>
        <source>Infrastructure Commits</source>
        <translation>Commits de l’infrastructure</translation>
    </message>
    <message>
        <source>Fedora Infrastructure repos</source>
        <translation>dépôts de l’infrastructure Fedora</translation>
    </message>
    <message>
        <source>Automated task results</source>
        <translation>Résultats de tâches automatisées</translation>
    </message>
    <message>
        <source>Framework for automated task execution</source>
        <translation>Cadriciel d’exécution automatisée de tâches</translation>
    </message>
    <message>
        <source>Releng Events</source>
        <translation>Événements de l’ingénierie des versions</translation>
    </message>
    <message>
        <source>Medata API update</source>
        <translation>Mise à jour de l’API de métadonnées</translation>
    </message>
    <message>
        <source>the Fedora repository meta-data API</source>
        <translation>l’API de métadonnées des dépôts de Fedora</translation>
    </message>
    <message>
        <source>Service Outage Alerts</source>
        <translation>Alertes de pannes de service</translation>
    </message>
    <message>
        <source>Fedora Infra Service Monitoring</source>
        <translation>Surveillance des services de l’infrastructure Fedora</translation>
    </message>
    <message>
        <source>openQA test results</source>
        <translation>Résultats de tests openQA</translation>
    </message>
    <message>
        <source>Distribution-level automated testing</source>
        <translation>Tests automatisés à l’échelle de la distribution</translation>
    </message>
    <message>
        <source>PDC Composes</source>
        <translation>Compositions PDC</translation>
    </message>
    <message>
        <source>Product Definition Center</source>
        <translation>Centre de définition des produits (PDC)</translation>
    </message>
    <message>
        <source>Module Builds</source>
        <translation>Constructions de modules</translation>
    </message>
    <message>
        <source>Module Build Service</source>
        <translation>Service de construction de modules</translation>
    </message>
    <message>
        <source>CI AllPackages Results</source>
        <translation>Résultats CI de tous les paquets</translation>
    </message>
    <message>
        <source>The CentOS Continuous Integration pipeline for all packages</source>
        <translation>La chaîne d’intégration continue de CentOS pour tous les paquets</translation>
    </message>
    <message>
        <source>CI Container Results</source>
        <translation>Résultats CI des conteneurs</translation>
    </message>
    <message>
        <source>The CentOS Continuous Integration pipeline for containers</source>
        <translation>La chaîne d’intégration continue de CentOS pour les conteneurs</translation>
    </message>
    <message>
        <source>CI Results</source>
        <translation>Résultats CI</translation>
    </message>
    <message>
        <source>The Atomic Continuous Integration pipeline</source>
        <translation>La chaîne d’intégration continue d’Atomic</translation>
    </message>
    <message>
        <source>New result waivers</source>
        <translation>Nouvelles dérogations aux résultats</translation>
    </message>
    <message>
        <source>WaiverDB</source>
        <translation>WaiverDB (base des dérogations)</translation>
    </message>
    <message>
        <source>Gating Decisions</source>
        <translation>Décisions de validation</translation>
    </message>
    <message>
        <source>Greenwave Gating Service</source>
        <translation>Service de validation Greenwave</translation>
    </message>
    <message>
        <source>RATS</source>
        <translation>RATS (système de test)</translation>
    </message>
    <message>
        <source>Run Another Test System</source>
        <translation>« Run Another Test System »</translation>
    </message>
    <message>
        <source>ODCS Composes</source>
        <translation>Compositions ODCS</translation>
    </message>
    <message>
        <source>On Demand Compose Service</source>
        <translation>Service de composition à la demande</translation>
    </message>
    <message>
        <source>System Logs</source>
        <translation>Journaux système</translation>
    </message>
    <message>
        <source>miscellaneous Fedora Infrastructure shell scripts</source>
        <translation>divers scripts shell de l’infrastructure Fedora</translation>
    </message>
    <message>
        <source>Announcements</source>
        <translation>Annonces</translation>
    </message>
    <message>
        <source>Official Fedora Announcements</source>
        <translation>Annonces officielles de Fedora</translation>
    </message>
    <message>
        <source>Event Check-ins</source>
        <translation>Enregistrements aux événements</translation>
    </message>
    <message>
        <source>the Fedora ticket system (Pretix, via Webhook To Fedora Messaging)</source>
        <translation>le système de billetterie de Fedora (Pretix, via Webhook To Fedora Messaging)</translation>
    </message>
    <message>
        <source>Discussion Forum</source>
        <translation>Forum de discussion</translation>
    </message>
    <message>
        <source>Fedora Discussion and Ask Fedora (Discourse)</source>
        <translation>Fedora Discussion et Ask Fedora (Discourse)</translation>
    </message>
</context>
<context>
    <name>fedmsg-logger</name>
    <message>
        <source>fedora-messaging bodies are JSON objects; skipped a list</source>
        <translation>les corps fedora-messaging sont des objets JSON ; une liste ignorée</translation>
    </message>
    <message>
        <source>fedora-messaging bodies are JSON objects; skipped a scalar</source>
        <translation>les corps fedora-messaging sont des objets JSON ; une valeur simple ignorée</translation>
    </message>
    <message>
        <source>publishing on %1 failed</source>
        <translation>échec de la publication sur %1</translation>
    </message>
    <message>
        <source>no subscriber for %1 at %2 after %3 ms; sending anyway</source>
        <translation>aucun abonné pour %1 à %2 après %3 ms ; envoi quand même</translation>
    </message>
    <message>
        <source>--json-input: %1</source>
        <translation>--json-input : %1</translation>
    </message>
    <message>
        <source>--json-input: %1 bytes, over the message size limit of %2 bytes; not sent</source>
        <translation>--json-input : %1 octets, au-delà de la taille maximale de message de %2 octets ; non envoyé</translation>
    </message>
    <message>
        <source>stdin line %1: %2 bytes, over the message size limit of %3 bytes; not sent</source>
        <translation>entrée standard, ligne %1 : %2 octets, au-delà de la taille maximale de message de %3 octets ; non envoyé</translation>
    </message>
    <message>
        <source>stdin line %1: not valid UTF-8; not sent</source>
        <translation>entrée standard, ligne %1 : UTF-8 non valide ; non envoyé</translation>
    </message>
</context>
<context>
    <name>fedmsg-tail</name>
    <message>
        <source>history row %1: %2</source>
        <translation>ligne d’historique %1 : %2</translation>
    </message>
    <message>
        <source>dropped a message from %1: %2</source>
        <translation>message de %1 rejeté : %2</translation>
    </message>
    <message>
        <source>archive: %1; asking again in %2 s</source>
        <translation>archive : %1 ; nouvelle demande dans %2 s</translation>
    </message>
    <message>
        <source>catching up from the archive failed: %1</source>
        <translation>le rattrapage depuis l’archive a échoué : %1</translation>
    </message>
    <message numerus="yes">
        <source>the archive held %n older message(s) more than shown</source>
        <translation>
            <numerusform>l’archive contenait %n message plus ancien de plus que ceux affichés</numerusform>
            <numerusform>l’archive contenait %n messages plus anciens de plus que ceux affichés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) not shown: the output was not read fast enough (at most %1 MiB wait, the oldest were dropped)</source>
        <translation>
            <numerusform>%n message non affiché : la sortie n’a pas été lue assez vite (au plus %1 Mio en attente, les plus anciens ont été rejetés)</numerusform>
            <numerusform>%n messages non affichés : la sortie n’a pas été lue assez vite (au plus %1 Mio en attente, les plus anciens ont été rejetés)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 shown, %2 untrusted, %3 dropped</source>
        <translation>%1 affichés, %2 non fiables, %3 rejetés</translation>
    </message>
    <message>
        <source>note: these messages are %1: %2</source>
        <translation>remarque : ces messages sont %1 : %2</translation>
    </message>
    <message>
        <source>%1: connected</source>
        <translation>%1 : connecté</translation>
    </message>
</context>
<context>
    <name>fedmsg::AboutDialog</name>
    <message>
        <source>About fedmsg-notify</source>
        <translation>À propos de fedmsg-notify</translation>
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
        <translation>Notifications de bureau pour les bus de messages de Fedora (fedmsg et fedora-messaging).</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Licence: GNU Lesser General Public License, version 2.1 or later (LGPL-2.1-or-later). No warranty.</source>
        <translation>Licence : GNU Lesser General Public License, version 2.1 ou ultérieure (LGPL-2.1-or-later). Aucune garantie.</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Buses</source>
        <translation>Bus</translation>
    </message>
    <message>
        <source>No bus configured</source>
        <translation>Aucun bus configuré</translation>
    </message>
    <message>
        <source>State of the buses</source>
        <translation>État des bus</translation>
    </message>
    <message>
        <source>Show &amp;welcome again</source>
        <translation>Afficher l’accueil à &amp;nouveau</translation>
    </message>
    <message>
        <source>Show welcome again</source>
        <translation>Afficher l’accueil à nouveau</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>fedmsg::Application</name>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>rules: %1</source>
        <translation>règles : %1</translation>
    </message>
    <message>
        <source>the stored rules could not be read; they were kept as %1 and only the first-run rules are used</source>
        <translation>les règles enregistrées n’ont pas pu être lues ; elles ont été conservées sous %1 et seules les règles du premier démarrage s’appliquent</translation>
    </message>
    <message>
        <source>the settings file was broken (%1); it was kept as %2 and defaults are used</source>
        <translation>le fichier de paramètres était endommagé (%1) ; il a été conservé sous %2 et les valeurs par défaut s’appliquent</translation>
    </message>
    <message>
        <source>fedmsg-notify: starter rules for %1</source>
        <translation>fedmsg-notify : règles de départ pour %1</translation>
    </message>
    <message numerus="yes">
        <source>fedmsg-notify: %n configuration problem(s)</source>
        <translation>
            <numerusform>fedmsg-notify : %n problème de configuration</numerusform>
            <numerusform>fedmsg-notify : %n problèmes de configuration</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) while you were away</source>
        <translation>
            <numerusform>%n message pendant votre absence</numerusform>
            <numerusform>%n messages pendant votre absence</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them for you. All are in the history (%1).</source>
        <translation>
            <numerusform>%n vous concerne. Tous sont dans l’historique (%1).</numerusform>
            <numerusform>%n vous concernent. Tous sont dans l’historique (%1).</numerusform>
        </translation>
    </message>
    <message>
        <source>None of them for you. All are in the history (%1).</source>
        <translation>Aucun ne vous concerne. Tous sont dans l’historique (%1).</translation>
    </message>
    <message>
        <source>%1: %2 (rule: %3; %4)</source>
        <translation>%1 : %2 (règle : %3 ; %4)</translation>
    </message>
    <message>
        <source>no decision stored</source>
        <translation>aucune décision enregistrée</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>your rules could not be read whole (%1); fix them first</source>
        <translation>vos règles n’ont pas pu être lues entièrement (%1) ; corrigez-les d’abord</translation>
    </message>
    <message>
        <source>Could not mute these messages</source>
        <translation>Impossible de mettre ces messages en sourdine</translation>
    </message>
    <message>
        <source>Until %1. The rule is the first of your rules: delete it there to undo.</source>
        <translation>Jusqu’à %1. La règle est la première de vos règles : supprimez-la pour annuler.</translation>
    </message>
    <message>
        <source>From now on they stay in the history. The rule is the first of your rules: delete it there to undo.</source>
        <translation>Désormais ils restent dans l’historique. La règle est la première de vos règles : supprimez-la pour annuler.</translation>
    </message>
    <message>
        <source>(Demo: not saved.)</source>
        <translation>(Démo : non enregistré.)</translation>
    </message>
    <message numerus="yes">
        <source>%n configuration problem(s): %1</source>
        <translation>
            <numerusform>%n problème de configuration : %1</numerusform>
            <numerusform>%n problèmes de configuration : %1</numerusform>
        </translation>
    </message>
    <message>
        <source>no notification server: popups start when one appears</source>
        <translation>aucun serveur de notifications : les notifications s’afficheront dès qu’il y en aura un</translation>
    </message>
    <message numerus="yes">
        <source>no notification server: %n message(s) not shown as popups</source>
        <translation>
            <numerusform>aucun serveur de notifications : %n message non affiché</numerusform>
            <numerusform>aucun serveur de notifications : %n messages non affichés</numerusform>
        </translation>
    </message>
    <message>
        <source>Catching up on %1…</source>
        <translation>Rattrapage de %1…</translation>
    </message>
    <message>
        <source>Catching up on %1: %2 of %3</source>
        <translation>Rattrapage de %1 : %2 sur %3</translation>
    </message>
    <message>
        <source>Catch-up of %1 cancelled</source>
        <translation>Rattrapage de %1 annulé</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) from the archive kept in the history; the rest was not fetched.</source>
        <translation>
            <numerusform>%n message de l’archive gardé dans l’historique ; le reste n’a pas été récupéré.</numerusform>
            <numerusform>%n messages de l’archive gardés dans l’historique ; le reste n’a pas été récupéré.</numerusform>
        </translation>
    </message>
    <message>
        <source>Catching up on %1 failed</source>
        <translation>Le rattrapage de %1 a échoué</translation>
    </message>
    <message>
        <source>The archive could not be read to the end: %1</source>
        <translation>L’archive n’a pas pu être lue jusqu’au bout : %1</translation>
    </message>
</context>
<context>
    <name>fedmsg::BurstControl</name>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… et %n autre</numerusform>
            <numerusform>… et %n autres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new messages</source>
        <translation>
            <numerusform>%n nouveau message</numerusform>
            <numerusform>%n nouveaux messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fedmsg::BusEditorDialog</name>
    <message>
        <source>Add a bus</source>
        <translation>Ajouter un bus</translation>
    </message>
    <message>
        <source>Edit bus %1</source>
        <translation>Modifier le bus %1</translation>
    </message>
    <message>
        <source>Kind of bus</source>
        <translation>Type de bus</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>T&amp;ype :</translation>
    </message>
    <message>
        <source>Bus name</source>
        <translation>Nom du bus</translation>
    </message>
    <message>
        <source>Letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;; it cannot change later</source>
        <translation>Lettres, chiffres, « . », « _ » et « - » ; ne peut plus changer ensuite</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>Bus label</source>
        <translation>Libellé du bus</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Libellé :</translation>
    </message>
    <message>
        <source>&amp;Enabled</source>
        <translation>&amp;Activé</translation>
    </message>
    <message>
        <source>Bus enabled</source>
        <translation>Bus activé</translation>
    </message>
    <message>
        <source>ZeroMQ endpoints</source>
        <translation>Points d’accès ZeroMQ</translation>
    </message>
    <message>
        <source>tcp://host:port, one a line (optionally followed by its CURVE server key)</source>
        <translation>tcp://hôte:port, un par ligne (éventuellement suivi de sa clé serveur CURVE)</translation>
    </message>
    <message>
        <source>En&amp;dpoints:</source>
        <translation>Poin&amp;ts d’accès :</translation>
    </message>
    <message>
        <source>CURVE server key</source>
        <translation>Clé serveur CURVE</translation>
    </message>
    <message>
        <source>empty: no encryption</source>
        <translation>vide : pas de chiffrement</translation>
    </message>
    <message>
        <source>CURVE &amp;server key:</source>
        <translation>Clé &amp;serveur CURVE :</translation>
    </message>
    <message>
        <source>CURVE client public key</source>
        <translation>Clé publique du client CURVE</translation>
    </message>
    <message>
        <source>kept in the keychain</source>
        <translation>conservée dans le trousseau</translation>
    </message>
    <message>
        <source>Show client ke&amp;y</source>
        <translation>Afficher la clé &amp;client</translation>
    </message>
    <message>
        <source>Show the CURVE client public key</source>
        <translation>Afficher la clé publique du client CURVE</translation>
    </message>
    <message>
        <source>CURVE client key:</source>
        <translation>Clé client CURVE :</translation>
    </message>
    <message>
        <source>&amp;Validate signatures</source>
        <translation>&amp;Vérifier les signatures</translation>
    </message>
    <message>
        <source>Validate signatures</source>
        <translation>Vérifier les signatures</translation>
    </message>
    <message>
        <source>CA certificate location</source>
        <translation>Emplacement du certificat de l’AC</translation>
    </message>
    <message>
        <source>file or https:// URL; empty: Fedora&apos;s CA</source>
        <translation>fichier ou URL https:// ; vide : l’AC de Fedora</translation>
    </message>
    <message>
        <source>C&amp;A location:</source>
        <translation>Emplac&amp;ement de l’AC :</translation>
    </message>
    <message>
        <source>CRL location</source>
        <translation>Emplacement de la liste de révocation (LCR)</translation>
    </message>
    <message>
        <source>file or https:// URL; empty: no revocation list</source>
        <translation>fichier ou URL https:// ; vide : pas de liste de révocation</translation>
    </message>
    <message>
        <source>C&amp;RL location:</source>
        <translation>Emplacement de la LC&amp;R :</translation>
    </message>
    <message>
        <source>Routing n&amp;itpicky (refuse topics the routing policy does not list)</source>
        <translation>Routage str&amp;ict (refuser les sujets absents de la politique de routage)</translation>
    </message>
    <message>
        <source>Routing nitpicky</source>
        <translation>Routage strict</translation>
    </message>
    <message>
        <source>AMQP URL</source>
        <translation>URL AMQP</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL du courtier :</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>Fichier du certificat de l’AC</translation>
    </message>
    <message>
        <source>C&amp;A certificate:</source>
        <translation>Certificat &amp;de l’AC :</translation>
    </message>
    <message>
        <source>Client certificate file</source>
        <translation>Fichier du certificat client</translation>
    </message>
    <message>
        <source>Client &amp;certificate:</source>
        <translation>Certi&amp;ficat client :</translation>
    </message>
    <message>
        <source>Client key file</source>
        <translation>Fichier de la clé client</translation>
    </message>
    <message>
        <source>Client ke&amp;y:</source>
        <translation>Clé &amp;privée du client :</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Sujets</translation>
    </message>
    <message>
        <source>one a line; empty: every message</source>
        <translation>un par ligne ; vide : tous les messages</translation>
    </message>
    <message>
        <source>T&amp;opics:</source>
        <translation>Su&amp;jets :</translation>
    </message>
    <message>
        <source>Archive URL</source>
        <translation>URL de l’archive</translation>
    </message>
    <message>
        <source>The bus&apos;s datagrepper: what was missed while away is fetched from there; empty: none</source>
        <translation>Le datagrepper du bus : ce qui a été manqué pendant l’absence y est récupéré ; vide : aucun</translation>
    </message>
    <message>
        <source>Arc&amp;hive (datagrepper):</source>
        <translation>Arc&amp;hive (datagrepper) :</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Tester la c&amp;onnexion</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Résultat du test de connexion</translation>
    </message>
    <message>
        <source>Save the bus</source>
        <translation>Enregistrer le bus</translation>
    </message>
    <message>
        <source>Cancel editing the bus</source>
        <translation>Annuler la modification du bus</translation>
    </message>
    <message>
        <source>Connected: %1</source>
        <translation>Connecté : %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec : %1</translation>
    </message>
    <message>
        <source>keychain: %1</source>
        <translation>trousseau : %1</translation>
    </message>
    <message>
        <source>Error at %1</source>
        <translation>Erreur à %1</translation>
    </message>
    <message>
        <source>Failed: correct the fields marked first</source>
        <translation>Échec : corrigez d’abord les champs signalés</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>name the bus first</source>
        <translation>nommez d’abord le bus</translation>
    </message>
</context>
<context>
    <name>fedmsg::BusImport</name>
    <message>
        <source>%1: not a folder</source>
        <translation>%1 : n’est pas un dossier</translation>
    </message>
    <message>
        <source>%1 could not be read whole: %2</source>
        <translation>%1 n’a pas pu être lu en entier : %2</translation>
    </message>
    <message>
        <source>%1 has no fedmsg configuration (*.py)</source>
        <translation>%1 ne contient aucune configuration fedmsg (*.py)</translation>
    </message>
    <message>
        <source>%1 names no endpoints</source>
        <translation>%1 ne nomme aucun point d’accès</translation>
    </message>
    <message>
        <source>Imported from %1</source>
        <translation>Importé depuis %1</translation>
    </message>
</context>
<context>
    <name>fedmsg::BusListModel</name>
    <message>
        <source>fedora-messaging (AMQP)</source>
        <translation>fedora-messaging (via AMQP)</translation>
    </message>
    <message>
        <source>fedmsg (ZeroMQ)</source>
        <translation>fedmsg (via ZeroMQ)</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>connecté</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>connexion en cours</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <source>down</source>
        <translation>hors service</translation>
    </message>
    <message>
        <source>down: %1</source>
        <translation>hors service : %1</translation>
    </message>
    <message>
        <source>off</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <source>no endpoints</source>
        <translation>aucun point d’accès</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>non connecté</translation>
    </message>
    <message>
        <source>%1 of %2 connected</source>
        <translation>%1 sur %2 connectés</translation>
    </message>
    <message>
        <source>CURVE</source>
        <translation>chiffré CURVE</translation>
    </message>
    <message>
        <source>Bus</source>
        <translation>Bus</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Détails : %1</translation>
    </message>
</context>
<context>
    <name>fedmsg::BusPresets</name>
    <message>
        <source>Fedora (fedora-messaging)</source>
        <translation>Fedora (via fedora-messaging)</translation>
    </message>
    <message>
        <source>Fedora staging (fedora-messaging)</source>
        <translation>Préproduction Fedora (via fedora-messaging)</translation>
    </message>
    <message>
        <source>Fedora&apos;s public read-only broker; everything Fedora infrastructure publishes since 2024</source>
        <translation>Le courtier public de Fedora, en lecture seule ; tout ce que publie l’infrastructure Fedora depuis 2024</translation>
    </message>
    <message>
        <source>Fedora&apos;s staging broker: test traffic only</source>
        <translation>Le courtier de préproduction de Fedora : trafic de test uniquement</translation>
    </message>
    <message>
        <source>Fedora (fedmsg gateway, historical)</source>
        <translation>Fedora (passerelle fedmsg, historique)</translation>
    </message>
    <message>
        <source>Fedora retired fedmsg in 2024; use the fedora-messaging (AMQP) bus.</source>
        <translation>Fedora a abandonné fedmsg en 2024 ; utilisez le bus fedora-messaging (AMQP).</translation>
    </message>
    <message>
        <source>Debian (fedmsg gateway)</source>
        <translation>Debian (passerelle fedmsg)</translation>
    </message>
    <message>
        <source>Debian&apos;s fedmsg bus; its messages are not signed.</source>
        <translation>Le bus fedmsg de Debian ; ses messages ne sont pas signés.</translation>
    </message>
</context>
<context>
    <name>fedmsg::BusValidator</name>
    <message>
        <source>ipc:// needs a path</source>
        <translation>ipc:// demande un chemin</translation>
    </message>
    <message>
        <source>%1: a fedmsg endpoint is tcp://host:port or ipc://path</source>
        <translation>%1 : un point d’accès fedmsg est tcp://hôte:port ou ipc://chemin</translation>
    </message>
    <message>
        <source>%1: the port is missing (tcp://host:port)</source>
        <translation>%1 : le port manque (tcp://hôte:port)</translation>
    </message>
    <message>
        <source>%1: not a valid tcp://host:port</source>
        <translation>%1 : tcp://hôte:port non valide</translation>
    </message>
    <message>
        <source>%1: the port must be 1 to 65535</source>
        <translation>%1 : le port doit être compris entre 1 et 65535</translation>
    </message>
    <message>
        <source>a CURVE key is 40 Z85 characters; this one has %1</source>
        <translation>une clé CURVE compte 40 caractères Z85 ; celle-ci en a %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a Z85 character</source>
        <translation>« %1 » n’est pas un caractère Z85</translation>
    </message>
    <message>
        <source>a bus needs a name</source>
        <translation>un bus doit avoir un nom</translation>
    </message>
    <message>
        <source>use only letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; in the name</source>
        <translation>n’utilisez que des lettres, des chiffres, « . », « _ » et « - » dans le nom</translation>
    </message>
    <message>
        <source>there is a bus called %1 already</source>
        <translation>il existe déjà un bus nommé %1</translation>
    </message>
    <message>
        <source>enter the broker&apos;s amqps:// URL</source>
        <translation>saisissez l’URL amqps:// du courtier</translation>
    </message>
    <message>
        <source>enter at least one endpoint</source>
        <translation>saisissez au moins un point d’accès</translation>
    </message>
    <message>
        <source>a fedora-messaging bus has one broker URL</source>
        <translation>un bus fedora-messaging a une seule URL de courtier</translation>
    </message>
    <message>
        <source>%1: the URL starts with amqps:// or amqp://</source>
        <translation>%1 : l’URL commence par amqps:// ou amqp://</translation>
    </message>
    <message>
        <source>%1: a password in the URL would be saved in the settings file; use a client certificate</source>
        <translation>%1 : un mot de passe dans l’URL serait enregistré dans le fichier de configuration ; utilisez un certificat client</translation>
    </message>
    <message>
        <source>a client certificate needs its key file</source>
        <translation>un certificat client doit avoir son fichier de clé</translation>
    </message>
    <message>
        <source>a key file needs its client certificate</source>
        <translation>un fichier de clé doit avoir son certificat client</translation>
    </message>
    <message>
        <source>%1: the archive is an http:// or https:// URL</source>
        <translation>%1 : l’archive est une URL http:// ou https://</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1 : fichier introuvable</translation>
    </message>
    <message>
        <source>%1: not a file</source>
        <translation>%1 : n’est pas un fichier</translation>
    </message>
    <message>
        <source>%1: not readable</source>
        <translation>%1 : illisible</translation>
    </message>
    <message>
        <source>%1: not a valid URL</source>
        <translation>%1 : URL non valide</translation>
    </message>
    <message>
        <source>%1: only files and https:// URLs are read</source>
        <translation>%1 : seuls les fichiers et les URL https:// sont lus</translation>
    </message>
</context>
<context>
    <name>fedmsg::BusesPage</name>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Import &amp;fedmsg.d…</source>
        <translation>Importer &amp;fedmsg.d…</translation>
    </message>
    <message>
        <source>Import config.&amp;toml…</source>
        <translation>Importer config.&amp;toml…</translation>
    </message>
    <message>
        <source>Buses and their endpoints</source>
        <translation>Bus et leurs points d’accès</translation>
    </message>
    <message>
        <source>Space switches the selected bus on or off; Enter edits it; Delete removes it</source>
        <translation>Espace active ou désactive le bus sélectionné ; Entrée le modifie ; Suppr le supprime</translation>
    </message>
    <message>
        <source>Add a bus</source>
        <translation>Ajouter un bus</translation>
    </message>
    <message>
        <source>Edit the selected bus</source>
        <translation>Modifier le bus sélectionné</translation>
    </message>
    <message>
        <source>Remove the selected bus</source>
        <translation>Supprimer le bus sélectionné</translation>
    </message>
    <message>
        <source>Import a bus from a fedmsg.d folder</source>
        <translation>Importer un bus depuis un dossier fedmsg.d</translation>
    </message>
    <message>
        <source>Import a bus from a fedora-messaging config.toml</source>
        <translation>Importer un bus depuis un config.toml de fedora-messaging</translation>
    </message>
    <message>
        <source>Buses page message</source>
        <translation>Message de la page Bus</translation>
    </message>
    <message>
        <source>Hide them</source>
        <translation>Les masquer</translation>
    </message>
    <message>
        <source>Keep them in the history only</source>
        <translation>Les garder seulement dans l’historique</translation>
    </message>
    <message>
        <source>Show them, marked untrusted</source>
        <translation>Les afficher, signalés comme non fiables</translation>
    </message>
    <message>
        <source>Untrusted or unsigned messages</source>
        <translation>Messages non fiables ou non signés</translation>
    </message>
    <message>
        <source>fedmsg messages whose signature is missing or does not verify, unless a rule asks for untrusted messages by name</source>
        <translation>les messages fedmsg dont la signature manque ou n’est pas valide, sauf si une règle demande explicitement les messages non fiables</translation>
    </message>
    <message>
        <source>&amp;Untrusted or unsigned messages:</source>
        <translation>Messages non fiables ou &amp;non signés :</translation>
    </message>
    <message>
        <source>A bus that comes with the program cannot be removed; untick it to switch it off</source>
        <translation>Un bus fourni avec le programme ne peut pas être supprimé ; décochez-le pour le désactiver</translation>
    </message>
    <message>
        <source>Bus %1 added.</source>
        <translation>Bus %1 ajouté.</translation>
    </message>
    <message>
        <source>Bus %1 saved.</source>
        <translation>Bus %1 enregistré.</translation>
    </message>
    <message>
        <source>Bus %1 removed.</source>
        <translation>Bus %1 supprimé.</translation>
    </message>
    <message>
        <source>Import a fedmsg.d folder</source>
        <translation>Importer un dossier fedmsg.d</translation>
    </message>
    <message>
        <source>Import a fedora-messaging config.toml</source>
        <translation>Importer un config.toml de fedora-messaging</translation>
    </message>
    <message>
        <source>fedora-messaging configuration (*.toml)</source>
        <translation>Configuration fedora-messaging (*.toml)</translation>
    </message>
    <message>
        <source>Not imported: %1</source>
        <translation>Non importé : %1</translation>
    </message>
    <message>
        <source>Imported %1 as bus %2.</source>
        <translation>%1 importé comme bus %2.</translation>
    </message>
    <message>
        <source>Demo mode (--demo): the applet receives only from its embedded demo bus, shown here. Your buses are not used in this run; start the applet without --demo to change them.</source>
        <translation>Mode démo (--demo) : l’applet ne reçoit que de son bus de démonstration intégré, affiché ici. Vos bus ne sont pas utilisés pendant cette exécution ; démarrez l’applet sans --demo pour les modifier.</translation>
    </message>
</context>
<context>
    <name>fedmsg::ConditionTreeEditor</name>
    <message>
        <source>topic</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <source>service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>message type (service/kind)</source>
        <translation>Type de message (service/genre)</translation>
    </message>
    <message>
        <source>bus</source>
        <translation>Bus</translation>
    </message>
    <message>
        <source>trust</source>
        <translation>Confiance</translation>
    </message>
    <message>
        <source>users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>by me</source>
        <translation>Par moi</translation>
    </message>
    <message>
        <source>mentions me</source>
        <translation>Me mentionne</translation>
    </message>
    <message>
        <source>packages</source>
        <translation>Paquets</translation>
    </message>
    <message>
        <source>message body (JSON path)</source>
        <translation>Corps du message (chemin JSON)</translation>
    </message>
    <message>
        <source>title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Add &amp;condition</source>
        <translation>Ajouter une &amp;condition</translation>
    </message>
    <message>
        <source>Add &amp;group</source>
        <translation>Ajouter un &amp;groupe</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>Conditions of the rule</source>
        <translation>Conditions de la règle</translation>
    </message>
    <message>
        <source>Insert adds a condition, Delete removes the current condition or group</source>
        <translation>Inser ajoute une condition, Suppr retire la condition ou le groupe en cours</translation>
    </message>
    <message>
        <source>Add a condition</source>
        <translation>Ajouter une condition</translation>
    </message>
    <message>
        <source>Add a group of conditions</source>
        <translation>Ajouter un groupe de conditions</translation>
    </message>
    <message>
        <source>Remove the current condition or group</source>
        <translation>Retirer la condition ou le groupe en cours</translation>
    </message>
    <message>
        <source>all of (every condition holds)</source>
        <translation>toutes (chaque condition est remplie)</translation>
    </message>
    <message>
        <source>any of (at least one holds)</source>
        <translation>l’une d’elles (au moins une est remplie)</translation>
    </message>
    <message>
        <source>not (the condition does not hold)</source>
        <translation>non (la condition n’est pas remplie)</translation>
    </message>
    <message>
        <source>Group kind</source>
        <translation>Type de groupe</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>JSON path in the message body</source>
        <translation>Chemin JSON dans le corps du message</translation>
    </message>
    <message>
        <source>e.g. msg.update.builds[0].nvr</source>
        <translation>p. ex. msg.update.builds[0].nvr</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>several values separated by commas</source>
        <translation>plusieurs valeurs séparées par des virgules</translation>
    </message>
    <message>
        <source>Problem with the %1</source>
        <translation>Problème avec : %1</translation>
    </message>
    <message>
        <source>Group &amp;kind:</source>
        <translation>T&amp;ype de groupe :</translation>
    </message>
    <message>
        <source>&amp;Field:</source>
        <translation>Cham&amp;p :</translation>
    </message>
    <message>
        <source>O&amp;perator:</source>
        <translation>&amp;Opérateur :</translation>
    </message>
    <message>
        <source>JSON pat&amp;h:</source>
        <translation>Ch&amp;emin JSON :</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>&amp;Valeur :</translation>
    </message>
    <message>
        <source>matches the pattern (* and ?)</source>
        <translation>correspond au motif (* et ?)</translation>
    </message>
    <message>
        <source>is</source>
        <translation>est</translation>
    </message>
    <message>
        <source>starts with</source>
        <translation>commence par</translation>
    </message>
    <message>
        <source>matches the regular expression</source>
        <translation>correspond à l’expression régulière</translation>
    </message>
    <message>
        <source>one of these</source>
        <translation>l’un de ceux-ci</translation>
    </message>
    <message>
        <source>is one of</source>
        <translation>est l’un de</translation>
    </message>
    <message>
        <source>include any of</source>
        <translation>incluent l’un de</translation>
    </message>
    <message>
        <source>include all of</source>
        <translation>incluent tous les</translation>
    </message>
    <message>
        <source>maintained by me</source>
        <translation>maintenus par moi</translation>
    </message>
    <message>
        <source>maintained by (accounts, @groups)</source>
        <translation>maintenus par (comptes, @groupes)</translation>
    </message>
    <message>
        <source>installed here</source>
        <translation>installés ici</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>contient</translation>
    </message>
    <message>
        <source>exists</source>
        <translation>existe</translation>
    </message>
</context>
<context>
    <name>fedmsg::ConditionTreeModel</name>
    <message>
        <source>a condition must be a JSON object</source>
        <translation>une condition doit être un objet JSON</translation>
    </message>
    <message>
        <source>a &quot;not&quot; group takes exactly one condition (it has %1)</source>
        <translation>un groupe « non » prend exactement une condition (il en a %1)</translation>
    </message>
    <message>
        <source>all of</source>
        <translation>toutes</translation>
    </message>
    <message>
        <source>any of</source>
        <translation>l’une d’elles</translation>
    </message>
    <message>
        <source>not</source>
        <translation>non</translation>
    </message>
    <message>
        <source>every message (add a condition)</source>
        <translation>tous les messages (ajoutez une condition)</translation>
    </message>
    <message>
        <source>problem: %1</source>
        <translation>problème : %1</translation>
    </message>
</context>
<context>
    <name>fedmsg::ConnectionTest</name>
    <message>
        <source>no answer within %1 s</source>
        <translation>aucune réponse en %1 s</translation>
    </message>
    <message>
        <source>the bus has no endpoint</source>
        <translation>le bus n’a aucun point d’accès</translation>
    </message>
    <message>
        <source>logged in to %1</source>
        <translation>connecté et authentifié sur %1</translation>
    </message>
    <message>
        <source>connected to %1</source>
        <translation>connecté à %1</translation>
    </message>
    <message>
        <source>connected to all %1 endpoints</source>
        <translation>connecté aux %1 points d’accès</translation>
    </message>
</context>
<context>
    <name>fedmsg::DBusNotifier</name>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Mute…</source>
        <translation>Sourdine…</translation>
    </message>
    <message>
        <source>Why?</source>
        <translation>Pourquoi ?</translation>
    </message>
</context>
<context>
    <name>fedmsg::DemoBus</name>
    <message>
        <source>Demo bus</source>
        <translation>Bus de démonstration</translation>
    </message>
    <message>
        <source>Sample messages published inside the applet (--demo).</source>
        <translation>Messages d’exemple publiés dans l’applet même (--demo).</translation>
    </message>
</context>
<context>
    <name>fedmsg::DoNotDisturb</name>
    <message numerus="yes">
        <source>%n message(s) while paused</source>
        <translation>
            <numerusform>%n message pendant la pause</numerusform>
            <numerusform>%n messages pendant la pause</numerusform>
        </translation>
    </message>
    <message>
        <source>They are in the history and counted as unread.</source>
        <translation>Ils sont dans l’historique et comptés comme non lus.</translation>
    </message>
</context>
<context>
    <name>fedmsg::FedmsgConfigReader</name>
    <message>
        <source>fedmsg.d could not be read whole, so its signature settings are in doubt and the bus does not connect: %1</source>
        <translation>fedmsg.d n’a pas pu être lu en entier : ses réglages de signature sont donc incertains et le bus ne se connecte pas : %1</translation>
    </message>
    <message>
        <source>(and %1 more)</source>
        <translation>(et %1 de plus)</translation>
    </message>
</context>
<context>
    <name>fedmsg::HistoryModel</name>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>Confiance</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>notified</source>
        <translation>notifié</translation>
    </message>
    <message>
        <source>in a digest</source>
        <translation>dans un résumé</translation>
    </message>
    <message>
        <source>history only</source>
        <translation>historique seulement</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>ignoré</translation>
    </message>
    <message>
        <source>muted</source>
        <translation>en sourdine</translation>
    </message>
    <message>
        <source>no decision</source>
        <translation>aucune décision</translation>
    </message>
</context>
<context>
    <name>fedmsg::HistoryWindow</name>
    <message>
        <source>Clear history…</source>
        <translation>Effacer l’historique…</translation>
    </message>
    <message>
        <source>Message history</source>
        <translation>Historique des messages</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Search: words, &quot;a phrase&quot;, prefix*, -exclude, a OR b</source>
        <translation>Recherche : mots, &quot;une expression&quot;, préfixe*, -exclure, a OR b</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Clear history</source>
        <translation>Effacer l’historique</translation>
    </message>
    <message>
        <source>Message actions</source>
        <translation>Actions sur le message</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>&amp;Copy link</source>
        <translation>&amp;Copier le lien</translation>
    </message>
    <message>
        <source>Show raw &amp;JSON…</source>
        <translation>Afficher le &amp;JSON brut…</translation>
    </message>
    <message>
        <source>&amp;Why did I get this?</source>
        <translation>Pourquoi l’ai-je &amp;reçu ?</translation>
    </message>
    <message>
        <source>&amp;Mute similar</source>
        <translation>&amp;Sourdine pour les semblables</translation>
    </message>
    <message>
        <source>History cleared.</source>
        <translation>Historique effacé.</translation>
    </message>
    <message>
        <source>Clearing failed: %1</source>
        <translation>Échec de l’effacement : %1</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Bus</source>
        <translation>Bus</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Paquet</translation>
    </message>
    <message>
        <source>&amp;Unread only</source>
        <translation>&amp;Non lus seulement</translation>
    </message>
    <message>
        <source>Unread only</source>
        <translation>Non lus seulement</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>Confiance</translation>
    </message>
    <message>
        <source>Any trust</source>
        <translation>Toute confiance</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>N’importe quand</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Dernière heure</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Dernières 24 heures</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <source>Rule decision</source>
        <translation>Décision des règles</translation>
    </message>
    <message>
        <source>Any decision</source>
        <translation>Toute décision</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Tous les services</translation>
    </message>
    <message>
        <source>Not opened: only http and https links are opened (%1)</source>
        <translation>Non ouvert : seuls les liens http et https sont ouverts (%1)</translation>
    </message>
    <message>
        <source>Raw message: %1</source>
        <translation>Message brut : %1</translation>
    </message>
    <message>
        <source>Raw message</source>
        <translation>Message brut</translation>
    </message>
    <message>
        <source>Raw JSON</source>
        <translation>JSON brut</translation>
    </message>
    <message>
        <source>Headers:</source>
        <translation>En-têtes :</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>No rule decided on this message: it was stored because you subscribe to the bus “%1”.</source>
        <translation>Aucune règle n’a décidé de ce message : il a été enregistré parce que vous êtes abonné au bus « %1 ».</translation>
    </message>
    <message>
        <source>Decision: %1 (no named rule; the default for the bus “%2”).</source>
        <translation>Décision : %1 (aucune règle nommée ; le défaut du bus « %2 »).</translation>
    </message>
    <message>
        <source>Decision: %1, by the rule “%2”.</source>
        <translation>Décision : %1, par la règle « %2 ».</translation>
    </message>
    <message>
        <source>Topic: %1</source>
        <translation>Sujet : %1</translation>
    </message>
    <message>
        <source>Trust: %1</source>
        <translation>Confiance : %1</translation>
    </message>
    <message>
        <source>Why did I get this?</source>
        <translation>Pourquoi l’ai-je reçu ?</translation>
    </message>
    <message>
        <source>Delete every stored message for good? This cannot be undone.</source>
        <translation>Supprimer définitivement tous les messages enregistrés ? Cette action est irréversible.</translation>
    </message>
    <message>
        <source>&amp;Delete all</source>
        <translation>&amp;Tout supprimer</translation>
    </message>
    <message>
        <source>Delete all</source>
        <translation>Tout supprimer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Clearing the history…</source>
        <translation>Effacement de l’historique…</translation>
    </message>
</context>
<context>
    <name>fedmsg::MessageTypeTreeModel</name>
    <message numerus="yes">
        <source>%n message(s) in the last 7 days</source>
        <translation>
            <numerusform>%n message ces 7 derniers jours</numerusform>
            <numerusform>%n messages ces 7 derniers jours</numerusform>
        </translation>
    </message>
    <message>
        <source>Message type</source>
        <translation>Type de message</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
</context>
<context>
    <name>fedmsg::MessageTypesPage</name>
    <message>
        <source>&amp;All on</source>
        <translation>&amp;Tout activer</translation>
    </message>
    <message>
        <source>&amp;None</source>
        <translation>&amp;Aucun</translation>
    </message>
    <message>
        <source>Messages of a type that is switched off are kept in the history but do not pop up.</source>
        <translation>Les messages d’un type désactivé sont gardés dans l’historique mais ne s’affichent pas.</translation>
    </message>
    <message>
        <source>Filter message types</source>
        <translation>Filtrer les types de messages</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filtre :</translation>
    </message>
    <message>
        <source>Switch every message type on</source>
        <translation>Activer tous les types de messages</translation>
    </message>
    <message>
        <source>Switch every message type off</source>
        <translation>Désactiver tous les types de messages</translation>
    </message>
    <message>
        <source>Message types</source>
        <translation>Types de messages</translation>
    </message>
    <message>
        <source>Services and their kinds of message; Space switches the current one on or off</source>
        <translation>Services et leurs sortes de messages ; Espace active ou désactive l’élément courant</translation>
    </message>
</context>
<context>
    <name>fedmsg::MuteChooser</name>
    <message>
        <source>Mute similar messages</source>
        <translation>Mettre en sourdine les messages semblables</translation>
    </message>
    <message>
        <source>Mute messages like “%1”?</source>
        <translation>Mettre en sourdine les messages comme « %1 » ?</translation>
    </message>
    <message>
        <source>They stay in the history without popping up.</source>
        <translation>Ils restent dans l’historique sans s’afficher en notification.</translation>
    </message>
    <message>
        <source>For 1 hour</source>
        <translation>Pendant 1 heure</translation>
    </message>
    <message>
        <source>For 1 day</source>
        <translation>Pendant 1 jour</translation>
    </message>
    <message>
        <source>Always</source>
        <translation>Toujours</translation>
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
        <translation>Durée d’affichage des notifications en secondes</translation>
    </message>
    <message>
        <source> a minute</source>
        <translation> par minute</translation>
    </message>
    <message>
        <source>Popups a minute at most</source>
        <translation>Nombre maximal de notifications par minute</translation>
    </message>
    <message>
        <source>Digest window in seconds</source>
        <translation>Fenêtre de regroupement en secondes</translation>
    </message>
    <message>
        <source>&amp;Quiet hours</source>
        <translation>&amp;Heures calmes</translation>
    </message>
    <message>
        <source>Show service &amp;icons and avatars</source>
        <translation>Afficher les &amp;icônes des services et les avatars</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>Keep history for days</source>
        <translation>Garder l’historique pendant ce nombre de jours</translation>
    </message>
    <message>
        <source> messages</source>
        <translation> messages</translation>
    </message>
    <message>
        <source>Keep at most messages</source>
        <translation>Garder au plus ce nombre de messages</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> Mio</translation>
    </message>
    <message>
        <source>Keep at most MiB of history</source>
        <translation>Garder au plus ce nombre de Mio d’historique</translation>
    </message>
    <message>
        <source>&amp;Start at login</source>
        <translation>Démarrer à la c&amp;onnexion</translation>
    </message>
    <message>
        <source>The server&apos;s choice</source>
        <translation>Au choix du serveur</translation>
    </message>
    <message>
        <source>0 keeps popups until dismissed</source>
        <translation>0 garde les notifications jusqu’à leur fermeture</translation>
    </message>
    <message>
        <source>Popup &amp;timeout:</source>
        <translation>&amp;Durée d’affichage :</translation>
    </message>
    <message>
        <source>Default urgency</source>
        <translation>Urgence par défaut</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Basse</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normale</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Critique</translation>
    </message>
    <message>
        <source>Default &amp;urgency:</source>
        <translation>&amp;Urgence par défaut :</translation>
    </message>
    <message>
        <source>&amp;Popups at most:</source>
        <translation>&amp;Notifications au plus :</translation>
    </message>
    <message>
        <source>&amp;Digest of the rest every:</source>
        <translation>&amp;Résumé du reste toutes les :</translation>
    </message>
    <message>
        <source>Quiet hours</source>
        <translation>Heures calmes</translation>
    </message>
    <message>
        <source>Quiet hours start</source>
        <translation>Début des heures calmes</translation>
    </message>
    <message>
        <source>Quiet hours end</source>
        <translation>Fin des heures calmes</translation>
    </message>
    <message>
        <source>to</source>
        <translation>à</translation>
    </message>
    <message>
        <source>Show service icons and avatars</source>
        <translation>Afficher les icônes des services et les avatars</translation>
    </message>
    <message>
        <source>My Fedora account name</source>
        <translation>Mon nom de compte Fedora</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>My Fedora &amp;account:</source>
        <translation>Mon &amp;compte Fedora :</translation>
    </message>
    <message>
        <source>Keep &amp;history:</source>
        <translation>&amp;Garder l’historique :</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Démarrer à la connexion</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Takes effect at the next start</source>
        <translation>Prend effet au prochain démarrage</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <source>Show the &amp;raw message type as the popup title, as the old applet did</source>
        <translation>Afficher le type &amp;brut du message comme titre, comme l’ancienne applet</translation>
    </message>
    <message>
        <source>&amp;Critical messages break through the pause and quiet hours</source>
        <translation>Les messages critiques &amp;passent outre la pause et les heures calmes</translation>
    </message>
    <message>
        <source>Relay notified messages to the old GNOME Shell e&amp;xtension (D-Bus)</source>
        <translation>Relayer les messages notifiés vers l’ancienne e&amp;xtension GNOME Shell (D-Bus)</translation>
    </message>
    <message>
        <source>Show the raw message type as the popup title</source>
        <translation>Afficher le type brut du message comme titre de la notification</translation>
    </message>
    <message>
        <source>The popup&apos;s title becomes the message type as the old applet showed it, e.g. “bodhi.update.comment”, instead of “Bodhi: comment on update”</source>
        <translation>Le titre de la notification devient le type du message tel que l’ancienne applet l’affichait, p. ex. « bodhi.update.comment » au lieu de « Bodhi : commentaire sur une mise à jour »</translation>
    </message>
    <message>
        <source>Critical messages break through the pause and quiet hours</source>
        <translation>Les messages critiques passent outre la pause et les heures calmes</translation>
    </message>
    <message>
        <source>Critical popups still show while notifications are paused or in quiet hours. The desktop&apos;s own do-not-disturb still holds them.</source>
        <translation>Les notifications critiques s’affichent même en pause ou pendant les heures calmes. Le mode « Ne pas déranger » du bureau les retient toujours.</translation>
    </message>
    <message>
        <source>Relay notified messages to the old GNOME Shell extension</source>
        <translation>Relayer les messages notifiés vers l’ancienne extension GNOME Shell</translation>
    </message>
    <message>
        <source>Each message your rules notify is sent as MessageReceived on the old applet&apos;s D-Bus interface org.fedoraproject.fedmsg.notify, which its GNOME Shell extension listens to</source>
        <translation>Chaque message que vos règles notifient est envoyé comme MessageReceived sur l’interface D-Bus org.fedoraproject.fedmsg.notify de l’ancienne applet, qu’écoute son extension GNOME Shell</translation>
    </message>
</context>
<context>
    <name>fedmsg::PopupText</name>
    <message>
        <source>comment on %1</source>
        <translation>commentaire sur %1</translation>
    </message>
    <message>
        <source>new %1</source>
        <translation>nouveau : %1</translation>
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
        <translation>Préférences de fedmsg-notify</translation>
    </message>
    <message>
        <source>Preferences pages</source>
        <translation>Pages des préférences</translation>
    </message>
    <message>
        <source>Message types</source>
        <translation>Types de messages</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Règles</translation>
    </message>
    <message>
        <source>Close preferences</source>
        <translation>Fermer les préférences</translation>
    </message>
    <message>
        <source>Buses</source>
        <translation>Bus</translation>
    </message>
</context>
<context>
    <name>fedmsg::RuleActionEditor</name>
    <message>
        <source>&amp;Sticky (stays until dismissed)</source>
        <translation>Persist&amp;ante (reste jusqu’à sa fermeture)</translation>
    </message>
    <message>
        <source>notify (pop up)</source>
        <translation>notifier (afficher)</translation>
    </message>
    <message>
        <source>history only</source>
        <translation>historique seulement</translation>
    </message>
    <message>
        <source>drop (not shown anywhere)</source>
        <translation>ignorer (affiché nulle part)</translation>
    </message>
    <message>
        <source>digest (in the next digest popup)</source>
        <translation>regrouper (dans le prochain résumé)</translation>
    </message>
    <message>
        <source>mute until</source>
        <translation>sourdine jusqu’à</translation>
    </message>
    <message>
        <source>What the rule does</source>
        <translation>Ce que fait la règle</translation>
    </message>
    <message>
        <source>low</source>
        <translation>basse</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>normale</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>critique</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Urgence</translation>
    </message>
    <message>
        <source>Sticky</source>
        <translation>Persistante</translation>
    </message>
    <message>
        <source> ms</source>
        <translation>&#xa0;ms</translation>
    </message>
    <message>
        <source>the server&apos;s choice</source>
        <translation>au choix du serveur</translation>
    </message>
    <message>
        <source>Popup timeout</source>
        <translation>Durée d’affichage</translation>
    </message>
    <message>
        <source>Mute until</source>
        <translation>Sourdine jusqu’à</translation>
    </message>
    <message>
        <source>&amp;Then:</source>
        <translation>Ensui&amp;te :</translation>
    </message>
    <message>
        <source>Urgenc&amp;y:</source>
        <translation>&amp;Urgence :</translation>
    </message>
    <message>
        <source>Time&amp;out:</source>
        <translation>Durée d’a&amp;ffichage :</translation>
    </message>
    <message>
        <source>Mut&amp;e until:</source>
        <translation>Sour&amp;dine jusqu’à :</translation>
    </message>
</context>
<context>
    <name>fedmsg::RulePreview</name>
    <message>
        <source>message %1 is not stored</source>
        <translation>le message %1 n’est pas enregistré</translation>
    </message>
    <message>
        <source>the stored message no longer parses</source>
        <translation>le message enregistré ne peut plus être analysé</translation>
    </message>
</context>
<context>
    <name>fedmsg::RulesPage</name>
    <message>
        <source>Move &amp;up</source>
        <translation>Monter (&amp;H)</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Descendre (&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Rules, checked in this order</source>
        <translation>Règles, vérifiées dans cet ordre</translation>
    </message>
    <message>
        <source>Space switches a rule on or off; Ctrl+Up and Ctrl+Down move it; Delete removes it; Ctrl+Z brings it back</source>
        <translation>Espace active ou désactive une règle ; Ctrl+Haut et Ctrl+Bas la déplacent ; Suppr la retire ; Ctrl+Z la rétablit</translation>
    </message>
    <message>
        <source>Move the rule up</source>
        <translation>Monter la règle</translation>
    </message>
    <message>
        <source>Move the rule down</source>
        <translation>Descendre la règle</translation>
    </message>
    <message>
        <source>Delete the rule</source>
        <translation>Supprimer la règle</translation>
    </message>
    <message>
        <source>Undo the last delete</source>
        <translation>Annuler la dernière suppression</translation>
    </message>
    <message>
        <source>The selected rule as JSON</source>
        <translation>La règle choisie en JSON</translation>
    </message>
    <message>
        <source>Rule error</source>
        <translation>Erreur de règle</translation>
    </message>
    <message>
        <source>Rule preview</source>
        <translation>Aperçu de la règle</translation>
    </message>
    <message>
        <source>The stored rules cannot be changed here until these are fixed in the settings file (they are not in effect): %1</source>
        <translation>Les règles enregistrées ne peuvent pas être modifiées ici tant que celles-ci ne sont pas corrigées dans le fichier de paramètres (elles ne s’appliquent pas) : %1</translation>
    </message>
    <message>
        <source>Not saved: not a JSON object (%1 at offset %2)</source>
        <translation>Non enregistré : pas un objet JSON (%1 à la position %2)</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré : %1</translation>
    </message>
    <message>
        <source>No preview: %1</source>
        <translation>Pas d’aperçu : %1</translation>
    </message>
    <message>
        <source>Matches %1 of the %2 messages stored in the last 7 days</source>
        <translation>Correspond à %1 des %2 messages enregistrés ces 7 derniers jours</translation>
    </message>
    <message>
        <source>&amp;New rule</source>
        <translation>&amp;Nouvelle règle</translation>
    </message>
    <message>
        <source>Duplic&amp;ate</source>
        <translation>Dupli&amp;quer</translation>
    </message>
    <message>
        <source>Undo de&amp;lete</source>
        <translation>Annu&amp;ler la suppression</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <source>New rule (starts switched off)</source>
        <translation>Nouvelle règle (désactivée au départ)</translation>
    </message>
    <message>
        <source>Duplicate the rule</source>
        <translation>Dupliquer la règle</translation>
    </message>
    <message>
        <source>Import rules from a file</source>
        <translation>Importer des règles depuis un fichier</translation>
    </message>
    <message>
        <source>Export the rules to a file</source>
        <translation>Exporter les règles vers un fichier</translation>
    </message>
    <message>
        <source>Rule name</source>
        <translation>Nom de la règle</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>No&amp;m :</translation>
    </message>
    <message>
        <source>Conditions and action</source>
        <translation>Conditions et action</translation>
    </message>
    <message>
        <source>&amp;JSON (advanced)</source>
        <translation>&amp;JSON (avancé)</translation>
    </message>
    <message>
        <source>Rule editor</source>
        <translation>Éditeur de règle</translation>
    </message>
    <message>
        <source>Rule editor views</source>
        <translation>Vues de l’éditeur de règle</translation>
    </message>
    <message>
        <source>Import and export result</source>
        <translation>Résultat de l’importation ou de l’exportation</translation>
    </message>
    <message>
        <source>Stored messages the rule matches</source>
        <translation>Messages enregistrés auxquels la règle s’applique</translation>
    </message>
    <message>
        <source>Choose one to see why the rule matches it</source>
        <translation>Choisissez-en un pour voir pourquoi la règle s’y applique</translation>
    </message>
    <message>
        <source>Why the rule matches the chosen message</source>
        <translation>Pourquoi la règle s’applique au message choisi</translation>
    </message>
    <message>
        <source>New rule</source>
        <translation>Nouvelle règle</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (copie)</translation>
    </message>
    <message>
        <source>Not saved: %1: %2</source>
        <translation>Non enregistré : %1 : %2</translation>
    </message>
    <message>
        <source>Cannot say why: %1</source>
        <translation>Impossible de dire pourquoi : %1</translation>
    </message>
    <message>
        <source>Import rules</source>
        <translation>Importer des règles</translation>
    </message>
    <message>
        <source>Export rules</source>
        <translation>Exporter les règles</translation>
    </message>
    <message>
        <source>Rule files (*.json);;All files (*)</source>
        <translation>Fichiers de règles (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Not imported, your rules are unchanged: %1</source>
        <translation>Non importé, vos règles sont inchangées : %1</translation>
    </message>
    <message>
        <source>Imported %1 rules from %2</source>
        <translation>%1 règles importées depuis %2</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>Non exporté : %1</translation>
    </message>
    <message>
        <source>Exported %1 rules to %2</source>
        <translation>%1 règles exportées vers %2</translation>
    </message>
</context>
<context>
    <name>fedmsg::StatusReason</name>
    <message>
        <source>The server refused the connection.</source>
        <translation>Le serveur a refusé la connexion.</translation>
    </message>
    <message>
        <source>Could not connect: the server refused the connection or cannot be reached.</source>
        <translation>Connexion impossible : le serveur a refusé la connexion ou est injoignable.</translation>
    </message>
    <message>
        <source>The server cannot be reached from this network.</source>
        <translation>Le serveur est injoignable depuis ce réseau.</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>Le serveur n’a pas répondu à temps.</translation>
    </message>
    <message>
        <source>The server refused the login (user name, password or certificate).</source>
        <translation>Le serveur a refusé l’authentification (nom d’utilisateur, mot de passe ou certificat).</translation>
    </message>
    <message>
        <source>The server does not know the requested address, virtual host or queue.</source>
        <translation>Le serveur ne connaît pas l’adresse, l’hôte virtuel ou la file d’attente demandés.</translation>
    </message>
    <message>
        <source>The server does not speak the expected protocol.</source>
        <translation>Le serveur ne parle pas le protocole attendu.</translation>
    </message>
    <message>
        <source>The server&apos;s name could not be resolved.</source>
        <translation>Le nom du serveur n’a pas pu être résolu.</translation>
    </message>
    <message>
        <source>The secure connection (TLS) could not be set up.</source>
        <translation>La connexion sécurisée (TLS) n’a pas pu être établie.</translation>
    </message>
    <message>
        <source>The connection was closed.</source>
        <translation>La connexion a été fermée.</translation>
    </message>
    <message>
        <source>No connection yet; trying again.</source>
        <translation>Pas encore de connexion ; nouvelle tentative en cours.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion en cours…</translation>
    </message>
    <message>
        <source>The CURVE client key for this bus could not be loaded.</source>
        <translation>La clé client CURVE de ce bus n’a pas pu être chargée.</translation>
    </message>
    <message>
        <source>The bus&apos;s CURVE server key is not valid (40 Z85 characters expected).</source>
        <translation>La clé serveur CURVE du bus n’est pas valide (40 caractères Z85 attendus).</translation>
    </message>
    <message>
        <source>A message over the size limit was refused; the connection is made again.</source>
        <translation>Un message dépassant la taille limite a été refusé ; la connexion est rétablie.</translation>
    </message>
</context>
<context>
    <name>fedmsg::TrayIcon</name>
    <message>
        <source>connecting</source>
        <translation>connexion</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>connecté</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>déconnecté</translation>
    </message>
    <message>
        <source>retrying</source>
        <translation>nouvel essai</translation>
    </message>
    <message>
        <source>down</source>
        <translation>hors service</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <source>No bus configured</source>
        <translation>Aucun bus configuré</translation>
    </message>
    <message>
        <source>Recent messages</source>
        <translation>Messages récents</translation>
    </message>
    <message>
        <source>&amp;Pause notifications</source>
        <translation>Mettre les notifications en &amp;pause</translation>
    </message>
    <message>
        <source>For 1 hour</source>
        <translation>Pendant 1 heure</translation>
    </message>
    <message>
        <source>Until tomorrow</source>
        <translation>Jusqu’à demain</translation>
    </message>
    <message>
        <source>Until resumed</source>
        <translation>Jusqu’à la reprise</translation>
    </message>
    <message>
        <source>&amp;Resume notifications</source>
        <translation>&amp;Reprendre les notifications</translation>
    </message>
    <message>
        <source>&amp;Mark all read</source>
        <translation>&amp;Tout marquer comme lu</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Historique…</translation>
    </message>
    <message>
        <source>P&amp;references…</source>
        <translation>Pré&amp;férences…</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>À pr&amp;opos</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Resume notifications (paused until %1)</source>
        <translation>&amp;Reprendre les notifications (en pause jusqu’à %1)</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message numerus="yes">
        <source>Connected to %n endpoint(s)</source>
        <translation>
            <numerusform>Connecté à %n point d’accès</numerusform>
            <numerusform>Connecté à %n points d’accès</numerusform>
        </translation>
    </message>
    <message>
        <source>All buses down</source>
        <translation>Tous les bus sont hors service</translation>
    </message>
    <message>
        <source>All buses down: %1</source>
        <translation>Tous les bus sont hors service : %1</translation>
    </message>
    <message>
        <source>last message %1</source>
        <translation>dernier message %1</translation>
    </message>
    <message>
        <source>no message yet</source>
        <translation>aucun message pour l’instant</translation>
    </message>
    <message>
        <source>Notifications paused until %1</source>
        <translation>Notifications en pause jusqu’à %1</translation>
    </message>
    <message>
        <source>Notifications paused until resumed</source>
        <translation>Notifications en pause jusqu’à la reprise</translation>
    </message>
    <message numerus="yes">
        <source>%n unread message(s)</source>
        <translation>
            <numerusform>%n message non lu</numerusform>
            <numerusform>%n messages non lus</numerusform>
        </translation>
    </message>
    <message>
        <source>Untrusted messages were received (kept in the history, not shown)</source>
        <translation>Des messages non fiables ont été reçus (gardés dans l’historique, non affichés)</translation>
    </message>
    <message>
        <source>[%1] %2</source>
        <translation>[%1] %2</translation>
    </message>
    <message>
        <source>&amp;Cancel catch-up</source>
        <translation>&amp;Annuler le rattrapage</translation>
    </message>
</context>
<context>
    <name>fedmsg::TrustState</name>
    <message>
        <source>signed</source>
        <translation>signé</translation>
    </message>
    <message>
        <source>untrusted</source>
        <translation>non fiable</translation>
    </message>
    <message>
        <source>broker, unsigned</source>
        <translation>courtier, non signé</translation>
    </message>
    <message>
        <source>unverified</source>
        <translation>non vérifié</translation>
    </message>
</context>
<context>
    <name>fedmsg::WelcomeDialog</name>
    <message>
        <source>Welcome to fedmsg-notify</source>
        <translation>Bienvenue dans fedmsg-notify</translation>
    </message>
    <message>
        <source>fedmsg-notify shows desktop notifications for what happens in Fedora: builds, updates, comments, new releases of the packages you follow. Every message received is kept in the history; rules decide which ones pop up.</source>
        <translation>fedmsg-notify affiche des notifications de bureau sur ce qui se passe dans Fedora : compilations, mises à jour, commentaires, nouvelles versions des paquets que vous suivez. Chaque message reçu est gardé dans l’historique ; des règles décident lesquels s’affichent.</translation>
    </message>
    <message>
        <source>What fedmsg-notify does</source>
        <translation>Ce que fait fedmsg-notify</translation>
    </message>
    <message>
        <source>Fedora account name</source>
        <translation>Nom du compte Fedora</translation>
    </message>
    <message>
        <source>your FAS user name</source>
        <translation>votre nom d’utilisateur FAS</translation>
    </message>
    <message>
        <source>Your Fedora &amp;account:</source>
        <translation>Votre &amp;compte Fedora :</translation>
    </message>
    <message>
        <source>With it, the rules can tell what is about you and your packages (&quot;for you&quot;).</source>
        <translation>Grâce à lui, les règles savent ce qui vous concerne, vous et vos paquets (« pour vous »).</translation>
    </message>
    <message>
        <source>Why the account name</source>
        <translation>Pourquoi le nom du compte</translation>
    </message>
    <message>
        <source>The applet lives in the system tray: click its icon for the history, right-click it for the menu.</source>
        <translation>L’applet se trouve dans la zone de notification : cliquez sur son icône pour l’historique, faites un clic droit pour le menu.</translation>
    </message>
    <message>
        <source>Where the tray icon is</source>
        <translation>Où se trouve l’icône de notification</translation>
    </message>
    <message>
        <source>Open &amp;Preferences…</source>
        <translation>Ouvrir les &amp;préférences…</translation>
    </message>
    <message>
        <source>Open Preferences</source>
        <translation>Ouvrir les préférences</translation>
    </message>
    <message>
        <source>Close the welcome</source>
        <translation>Fermer l’accueil</translation>
    </message>
</context>
<context>
    <name>fedmsg::WhyDialog</name>
    <message>
        <source>Why this notification?</source>
        <translation>Pourquoi cette notification ?</translation>
    </message>
    <message>
        <source>No rule picked this message out: notifications are on for %1 and no rule says otherwise.

Topic: %2
Message id: %3</source>
        <translation>Aucune règle n’a retenu ce message : les notifications sont activées pour %1 et aucune règle ne dit le contraire.

Sujet : %2
Identifiant du message : %3</translation>
    </message>
</context>
<context>
    <name>fedmsg::rules::MessageTypeCatalog</name>
    <message>
        <source>%1: messages whose topic ends in “%2”</source>
        <translation>%1 : messages dont le sujet se termine par « %2 »</translation>
    </message>
</context>
<context>
    <name>fedmsg::rules::MuteRule</name>
    <message>
        <source>Mute %1</source>
        <translation>Sourdine : %1</translation>
    </message>
</context>
<context>
    <name>fedmsg::rules::RuleCondition</name>
    <message>
        <source>your Fedora account name is not known yet</source>
        <translation>votre nom de compte Fedora n’est pas encore connu</translation>
    </message>
    <message>
        <source>no package sources are available here</source>
        <translation>aucune source de paquets n’est disponible ici</translation>
    </message>
    <message>
        <source>all of</source>
        <translation>tous parmi</translation>
    </message>
    <message>
        <source>any of</source>
        <translation>l’un de</translation>
    </message>
    <message>
        <source>not</source>
        <translation>non</translation>
    </message>
    <message>
        <source>topic is %1</source>
        <translation>le sujet est %1</translation>
    </message>
    <message>
        <source>topic starts with %1</source>
        <translation>le sujet commence par %1</translation>
    </message>
    <message>
        <source>topic matches %1</source>
        <translation>le sujet correspond à %1</translation>
    </message>
    <message>
        <source>topic matches the regex %1</source>
        <translation>le sujet correspond à l’expression rationnelle %1</translation>
    </message>
    <message>
        <source>service is %1</source>
        <translation>le service est %1</translation>
    </message>
    <message>
        <source>message type is %1</source>
        <translation>le type de message est %1</translation>
    </message>
    <message>
        <source>bus is %1</source>
        <translation>le bus est %1</translation>
    </message>
    <message>
        <source>trust is %1</source>
        <translation>la confiance est %1</translation>
    </message>
    <message>
        <source>users include all of %1</source>
        <translation>les utilisateurs comprennent tous ceux de %1</translation>
    </message>
    <message>
        <source>users include any of %1</source>
        <translation>les utilisateurs comprennent l’un de %1</translation>
    </message>
    <message>
        <source>user is me</source>
        <translation>l’utilisateur, c’est moi</translation>
    </message>
    <message>
        <source>mentions me</source>
        <translation>me mentionne</translation>
    </message>
    <message>
        <source>package in %1</source>
        <translation>paquet dans %1</translation>
    </message>
    <message>
        <source>package in packages I maintain</source>
        <translation>paquet parmi ceux que je maintiens</translation>
    </message>
    <message>
        <source>package in packages %1 maintain</source>
        <translation>paquet parmi ceux que %1 maintiennent</translation>
    </message>
    <message>
        <source>package installed here</source>
        <translation>paquet installé ici</translation>
    </message>
    <message>
        <source>%1 exists</source>
        <translation>%1 existe</translation>
    </message>
    <message>
        <source>%1 contains %2</source>
        <translation>%1 contient %2</translation>
    </message>
    <message>
        <source>%1 matches %2</source>
        <translation>%1 correspond à %2</translation>
    </message>
    <message>
        <source>title contains %1</source>
        <translation>le titre contient %1</translation>
    </message>
    <message>
        <source>title matches %1</source>
        <translation>le titre correspond à %1</translation>
    </message>
    <message>
        <source>text contains %1</source>
        <translation>le texte contient %1</translation>
    </message>
    <message>
        <source>text matches %1</source>
        <translation>le texte correspond à %1</translation>
    </message>
    <message>
        <source>the package list is not loaded yet</source>
        <translation>la liste des paquets n’est pas encore chargée</translation>
    </message>
</context>
<context>
    <name>fedmsg::rules::RuleExplainer</name>
    <message>
        <source>critical</source>
        <translation>critique</translation>
    </message>
    <message>
        <source>low</source>
        <translation>basse</translation>
    </message>
    <message>
        <source>sticky</source>
        <translation>persistante</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>notify</source>
        <translation>notifier</translation>
    </message>
    <message>
        <source>notify (%1)</source>
        <translation>notifier (%1)</translation>
    </message>
    <message>
        <source>history only</source>
        <translation>historique seulement</translation>
    </message>
    <message>
        <source>drop</source>
        <translation>ignorer</translation>
    </message>
    <message>
        <source>digest</source>
        <translation>regrouper</translation>
    </message>
    <message>
        <source>mute until %1</source>
        <translation>sourdine jusqu’à %1</translation>
    </message>
    <message>
        <source>→ %1, but message type %2 is switched off → %3</source>
        <translation>→ %1, mais le type de message %2 est désactivé → %3</translation>
    </message>
    <message>
        <source>→ %1, but the message is untrusted and the rule does not ask for untrusted messages → %2</source>
        <translation>→ %1, mais le message n’est pas fiable et la règle ne demande pas de messages non fiables → %2</translation>
    </message>
    <message>
        <source>no rule matched, default %1</source>
        <translation>aucune règle ne correspond, par défaut %1</translation>
    </message>
    <message>
        <source>rule &apos;%1&apos;</source>
        <translation>règle « %1 »</translation>
    </message>
    <message>
        <source>(since removed)</source>
        <translation>(supprimée depuis)</translation>
    </message>
    <message>
        <source>(revision %1; changed since)</source>
        <translation>(révision %1 ; modifiée depuis)</translation>
    </message>
    <message>
        <source>rule &apos;%1&apos;: switched off</source>
        <translation>règle « %1 » : désactivée</translation>
    </message>
    <message>
        <source>rule &apos;%1&apos;: its mute has ended</source>
        <translation>règle « %1 » : sa sourdine est terminée</translation>
    </message>
    <message>
        <source>→ not known, passed over</source>
        <translation>→ inconnu, ignorée</translation>
    </message>
    <message>
        <source>→ no match</source>
        <translation>→ aucune correspondance</translation>
    </message>
    <message>
        <source>(not checked)</source>
        <translation>(non vérifié)</translation>
    </message>
</context>
<context>
    <name>fedmsg::rules::StarterRules</name>
    <message>
        <source>New messages are kept in the history without popping up, except: builds and updates of packages you maintain, comments on your updates and messages that mention you — none of them about your own actions. Change this in the rules.</source>
        <translation>Les nouveaux messages sont gardés dans l’historique sans s’afficher, sauf : les constructions et mises à jour des paquets que vous maintenez, les commentaires sur vos mises à jour et les messages qui vous mentionnent — aucun ne portant sur vos propres actions. Modifiez cela dans les règles.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Desktop notifications for Fedora&apos;s message buses (fedmsg and fedora-messaging).</source>
        <translation>Notifications de bureau pour les bus de messages de Fedora (fedmsg et fedora-messaging).</translation>
    </message>
    <message>
        <source>Run against the embedded demo bus.</source>
        <translation>Utiliser le bus de démonstration intégré.</translation>
    </message>
    <message>
        <source>Also import fedmsg.d files from &lt;dir&gt;.</source>
        <translation>Importer aussi les fichiers fedmsg.d de &lt;dir&gt;.</translation>
    </message>
    <message>
        <source>Start to the tray without showing a window (autostart, D-Bus activation).</source>
        <translation>Démarrer dans la zone de notification sans afficher de fenêtre (démarrage automatique, activation D-Bus).</translation>
    </message>
    <message>
        <source>fedmsg-notify is already running; asked it to show itself.</source>
        <translation>fedmsg-notify est déjà lancé ; il lui a été demandé de s’afficher.</translation>
    </message>
</context>
</TS>
