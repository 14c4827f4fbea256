<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>fedmsg-tail</name>
    <message numerus="yes">
        <source>the archive held %n older message(s) more than shown</source>
        <translation>
            <numerusform>the archive held %n older message more than shown</numerusform>
            <numerusform>the archive held %n older messages more than shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) not shown: the output was not read fast enough (at most %1 MiB wait, the oldest were dropped)</source>
        <translation>
            <numerusform>%n message not shown: the output was not read fast enough (at most %1 MiB wait, the oldest were dropped)</numerusform>
            <numerusform>%n messages not shown: the output was not read fast enough (at most %1 MiB wait, the oldest were dropped)</numerusform>
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
    <message numerus="yes">
        <source>%n message(s) while you were away</source>
        <translation>
            <numerusform>%n message while you were away</numerusform>
            <numerusform>%n messages while you were away</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them for you. All are in the history (%1).</source>
        <translation>
            <numerusform>%n of them for you. All are in the history (%1).</numerusform>
            <numerusform>%n of them for you. All are in the history (%1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) from the archive kept in the history; the rest was not fetched.</source>
        <translation>
            <numerusform>%n message from the archive kept in the history; the rest was not fetched.</numerusform>
            <numerusform>%n messages from the archive kept in the history; the rest was not fetched.</numerusform>
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
<context>
    <name>fedmsg::MessageTypeTreeModel</name>
    <message numerus="yes">
        <source>%n message(s) in the last 7 days</source>
        <translation>
            <numerusform>%n message in the last 7 days</numerusform>
            <numerusform>%n messages in the last 7 days</numerusform>
        </translation>
    </message>
</context>
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
</TS>
