// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "render/FasLookup.h"
#include "render/FormatSlots.h"
#include "render/TemplateProcessor.h"
#include "render/processors/Native.h"
#include "json/JsonParser.h"

#include <QTest>

using namespace fedmsg;
using namespace fedmsg::render;

// The one str.format brace parser, and its three users: native format(), data-file templates,
// and the fmt_each filter.
class TestFormatSlots : public QObject
{
    Q_OBJECT

private:
    static QString bracketed(const QString &tmpl)
    {
        return FormatSlots::substitute(tmpl, [](const QString &slot) -> QString {
            return QLatin1Char('<') + slot + QLatin1Char('>');
        });
    }

    static QString evaluate(const char *tmpl, const char *env)
    {
        const JsonValue e = *JsonParser::parse(env);
        const MetaConfig config;
        const FasCache fas;
        const MetaContext ctx { e, QStringLiteral("org.fedoraproject.prod.x"), config, fas };
        return Py::str(TemplateProcessor::evaluate(QString::fromUtf8(tmpl), ctx));
    }

private Q_SLOTS:
    void syntax()
    {
        QCOMPARE(bracketed(QStringLiteral("a {b} c")), QStringLiteral("a <b> c"));
        QCOMPARE(bracketed(QStringLiteral("{{b}} {c}}")), QStringLiteral("{b} <c>}"));
        QCOMPARE(bracketed(QStringLiteral("lone } stays")), QStringLiteral("lone } stays"));
        QCOMPARE(bracketed(QStringLiteral("{x|f:'}'}!")), QStringLiteral("<x|f:'}'>!"));
        QCOMPARE(bracketed(QString()), QString());
        QVERIFY_THROWS_EXCEPTION(MetaFailure, bracketed(QStringLiteral("a {b")));
        QVERIFY(FormatSlots::isSingleSlot(QStringLiteral("{msg|fmt_each:'{a}'}")));
        QVERIFY(!FormatSlots::isSingleSlot(QStringLiteral("{a}{b}")));
        QVERIFY(!FormatSlots::isSingleSlot(QStringLiteral("{{a}}")));
    }

    void nativeFormat()
    {
        QCOMPARE(format("{user} gave {n:.2f} {{points}}",
                     { { "user", QStringLiteral("ralph") }, { "n", QStringLiteral("1.5") } }),
            QStringLiteral("ralph gave 1.50 {points}"));
        QVERIFY_THROWS_EXCEPTION(MetaFailure, format("{nobody}", {}));
        const JsonValue dict = *JsonParser::parse(R"({"name":"pkg","id":7})");
        QCOMPARE(formatDict("{name}-{id}/{x}", dict, { { "x", QStringLiteral("y") } }),
            QStringLiteral("pkg-7/y"));
    }

    void templates()
    {
        QCOMPARE(
            evaluate("{msg.a} {{literal}}", R"({"msg":{"a":"A"}})"), QStringLiteral("A {literal}"));
        QCOMPARE(evaluate("{msg.l|fmt_each:'{n}/{v}'|join:','}",
                     R"({"msg":{"l":[{"n":"a","v":1},{"n":"b","v":2}]}})"),
            QStringLiteral("a/1,b/2"));
        // fmt_each had a brace loop of its own, without the {{ }} escapes: "{{" opened a slot.
        QCOMPARE(evaluate("{msg.l|fmt_each:'{{{n}}}'|join:''}", R"({"msg":{"l":[{"n":"a"}]}})"),
            QStringLiteral("{a}"));
    }
};

QTEST_GUILESS_MAIN(TestFormatSlots)
#include "TestFormatSlots.moc"
