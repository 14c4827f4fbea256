<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>fedmsg::TrayIcon</name>
    <message numerus="yes">
        <source>Connected to %n endpoint(s)</source>
        <translation>
            <numerusform>Connected to %n endpoint</numerusform>
            <numerusform>Connected to %n endpoints</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unread message(s)</source>
        <translation>
            <numerusform>%n unread message</numerusform>
            <numerusform>%n unread messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fedmsg::Application</name>
    <message numerus="yes">
        <source>fedmsg-notify: %n configuration problem(s)</source>
        <translation>
            <numerusform>fedmsg-notify: %n configuration problem</numerusform>
            <numerusform>fedmsg-notify: %n configuration problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n configuration problem(s): %1</source>
        <translation>
            <numerusform>%n configuration problem: %1</numerusform>
            <numerusform>%n configuration problems: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>no notification server: %n message(s) not shown as popups</source>
        <translation>
            <numerusform>no notification server: %n message not shown as a popup</numerusform>
            <numerusform>no notification server: %n messages not shown as popups</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fedmsg::BurstControl</name>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new messages</source>
        <translation>
            <numerusform>%n new message</numerusform>
            <numerusform>%n new messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fedmsg::DoNotDisturb</name>
    <message numerus="yes">
        <source>%n message(s) while paused</source>
        <translation>
            <numerusform>%n message while paused</numerusform>
            <numerusform>%n messages while paused</numerusform>
        </translation>
    </message>
</context>
</TS>
