// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "PseudoTerminal.h"
#include "cli/TerminalPrompt.h"

#include <QTest>

#include <future>

using namespace fedmsg;
using fedmsg::test::PseudoTerminal;

class TestTerminalPrompt : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void asksWithoutEchoAndRestores();
    void endOfInputIsNoAnswer();
    void noTerminal();
};

void TestTerminalPrompt::asksWithoutEchoAndRestores()
{
    PseudoTerminal pty;
    if (!pty.isValid())
        QSKIP("no pseudo-terminal available (posix_openpt)");
    QVERIFY(pty.echoOn());
    auto answer = std::async(std::launch::async, [&] {
        return TerminalPrompt::askSecret(QStringLiteral("Pass phrase: "), nullptr, pty.slavePath());
    });
    QVERIFY(pty.screen().contains("Pass phrase: "));
    QVERIFY(pty.type("s3cret word\n"));
    QCOMPARE(answer.wait_for(std::chrono::seconds(5)), std::future_status::ready);
    const auto got = answer.get();
    QVERIFY(got.has_value());
    QCOMPARE(*got, QByteArray("s3cret word"));
    const QByteArray shown = pty.screen();
    QVERIFY2(!shown.contains("s3cret"), shown.constData()); // typed without echo
    QVERIFY(pty.echoOn()); // the terminal is as it was
}

void TestTerminalPrompt::endOfInputIsNoAnswer()
{
    PseudoTerminal pty;
    if (!pty.isValid())
        QSKIP("no pseudo-terminal available (posix_openpt)");
    QString error;
    auto answer = std::async(std::launch::async, [&] {
        return TerminalPrompt::askSecret(QStringLiteral("? "), &error, pty.slavePath());
    });
    QVERIFY(pty.screen().contains("? "));
    QVERIFY(pty.type("\x04")); // Ctrl-D on an empty line
    QCOMPARE(answer.wait_for(std::chrono::seconds(5)), std::future_status::ready);
    QVERIFY(!answer.get().has_value());
    QVERIFY(error.contains(QStringLiteral("end of input")));
}

void TestTerminalPrompt::noTerminal()
{
    QString error;
    QVERIFY(
        !TerminalPrompt::askSecret(QStringLiteral("? "), &error, QStringLiteral("/nonexistent/tty"))
             .has_value());
    QVERIFY2(error.contains(QStringLiteral("no terminal")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestTerminalPrompt)
#include "TestTerminalPrompt.moc"
