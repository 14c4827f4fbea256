<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>fedmsg::TrayIcon</name>
    <message>
        <location filename="../app/tray/TrayIcon.cpp" line="21"/>
        <source>No bus configured</source>
        <translation>Kein Bus eingerichtet</translation>
    </message>
    <message>
        <location filename="../app/tray/TrayIcon.cpp" line="23"/>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <location filename="../app/tray/TrayIcon.cpp" line="25"/>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <location filename="../app/tray/TrayIcon.cpp" line="27"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../app/tray/TrayIcon.cpp" line="40"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/tray/main.cpp" line="20"/>
        <source>Desktop notifications for Fedora&apos;s message buses (fedmsg and fedora-messaging).</source>
        <translation>Desktop-Benachrichtigungen für Fedoras Nachrichtenbusse (fedmsg und fedora-messaging).</translation>
    </message>
    <message>
        <location filename="../app/tray/main.cpp" line="25"/>
        <source>Run against the embedded demo bus.</source>
        <translation>Mit dem eingebauten Demo-Bus starten.</translation>
    </message>
    <message>
        <location filename="../app/tray/main.cpp" line="27"/>
        <source>Also import fedmsg.d files from &lt;dir&gt;.</source>
        <translation>Zusätzlich fedmsg.d-Dateien aus &lt;dir&gt; einlesen.</translation>
    </message>
</context>
</TS>
