// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <utility>

// The translations against the sources, three ways:
// 1. each .ts file is finished: no unfinished, obsolete or vanished entry, none without a
//    context (a tr() lupdate could not place, never found at run time); German and French
//    have two plural forms; a translation keeps the source's %1..%9 (and %n), and its &
//    accelerator; and it is not the English source again, unless that is only names (fedmsg,
//    Koji, units; kAllowedIdentical) or a word both languages spell alike (kCognates);
// 2. the .ts files are what `cmake --build <dir> --target update_translations` would leave:
//    the same lupdate runs over a copy of each, and any string it adds (wrapped in the sources,
//    not yet in the .ts) or marks vanished (in the .ts, gone from the sources) fails;
// 3. a user-visible string is wrapped for translation: every string literal in app/ and the
//    notification texts (lib/notify) is found with the call it is an argument of, and one given
//    as a visible argument (setText, setToolTip, QMessageBox::warning's title and text, a
//    QLabel's text, ... see kVisibleArguments) outside tr()/translate()/QT_TRANSLATE_NOOP fails.
//    A literal that must stay as it is carries "i18n:" and the reason in a comment on its line.
// The lupdate, .ts files and inputs come from lib/i18n/CMakeLists.txt through the environment.
class TestTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tsFilesAreFinished_data();
    void tsFilesAreFinished();
    void tsFilesMatchTheSources_data();
    void tsFilesMatchTheSources();
    void visibleStringsAreWrapped();
    void contextsMatchAtRunTime();
    void checksCatchProblems();

private:
    struct Entry
    {
        QString context;
        QString source;
        QString type; // the translation's type attribute: "", "unfinished", "obsolete", "vanished"
        QStringList translations; // one, or each plural form
        bool numerus = false;
        QStringList files; // where lupdate found it (with -locations absolute)
    };
    static QList<Entry> readTs(const QString &path, QString *error);
    static QStringList problems(const QList<Entry> &entries, const QString &language);
    static QStringList unwrapped(const QString &code, const QString &file);
};

namespace {
QStringList envList(const char *name)
{
    return qEnvironmentVariable(name).split(QLatin1Char('|'), Qt::SkipEmptyParts);
}

QString languageOf(const QString &tsPath)
{
    // fedmsg-notify_de.ts -> de
    return QFileInfo(tsPath).completeBaseName().section(QLatin1Char('_'), 1);
}

// Names, units and symbols that stay the same in every language.
const QSet<QString> kAllowedIdentical = {
    QStringLiteral("fedmsg"),
    QStringLiteral("fedmsg-notify"),
    QStringLiteral("fedmsg-tail"),
    QStringLiteral("fedmsg-logger"),
    QStringLiteral("Koji"),
    QStringLiteral("JSON"),
    QStringLiteral("s"),
    QStringLiteral("MiB"),
};
// Words a language spells as English does (and means the same).
const QHash<QString, QSet<QString>> kCognates = {
    { QStringLiteral("de"),
        { QStringLiteral("Version"), QStringLiteral("Bus"), QStringLiteral("Normal") } },
    { QStringLiteral("fr"),
        { QStringLiteral("Version"),
            QStringLiteral("Description"),
            QStringLiteral("Licence"),
            QStringLiteral("Service"),
            QStringLiteral("Bus"),
            QStringLiteral("Messages"),
            QStringLiteral("messages"),
            QStringLiteral("Notifications") } },
};

bool identicalAllowed(const QString &source, const QString &language)
{
    static const QRegularExpression word(
        QStringLiteral("[A-Za-z][A-Za-z0-9.-]*[A-Za-z0-9]|[A-Za-z]"));
    QString text = source;
    text.remove(QRegularExpression(QStringLiteral("%[0-9n]+")));
    text.remove(QLatin1Char('&'));
    text.remove(QRegularExpression(QStringLiteral("--?[a-z][a-z0-9-]*"))); // option names
    auto it = word.globalMatch(text);
    while (it.hasNext()) {
        const QString w = it.next().captured();
        if (!kAllowedIdentical.contains(w) && !kCognates.value(language).contains(w))
            return false;
    }
    return true;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression placeholder(QStringLiteral("%(?:[1-9][0-9]?|n)"));
    QSet<QString> found;
    auto it = placeholder.globalMatch(text);
    while (it.hasNext())
        found.insert(it.next().captured());
    return found;
}

bool hasAccelerator(const QString &text)
{
    static const QRegularExpression accelerator(QStringLiteral("&[^& ]"));
    return accelerator.match(text).hasMatch();
}

// For a visible call: which of its arguments (0-based) people read; -1 = every argument.
const QHash<QString, QList<int>> kVisibleArguments = {
    { QStringLiteral("setText"), { 0 } },
    { QStringLiteral("setToolTip"), { 0 } },
    { QStringLiteral("setWindowTitle"), { 0 } },
    { QStringLiteral("setPlaceholderText"), { 0 } },
    { QStringLiteral("setStatusTip"), { 0 } },
    { QStringLiteral("setWhatsThis"), { 0 } },
    { QStringLiteral("setAccessibleName"), { 0 } },
    { QStringLiteral("setAccessibleDescription"), { 0 } },
    { QStringLiteral("setTitle"), { 0 } },
    { QStringLiteral("setLabelText"), { 0 } },
    { QStringLiteral("setSpecialValueText"), { 0 } },
    { QStringLiteral("setSuffix"), { 0 } },
    { QStringLiteral("setPrefix"), { 0 } },
    { QStringLiteral("setInformativeText"), { 0 } },
    { QStringLiteral("setDetailedText"), { 0 } },
    { QStringLiteral("setButtonText"), { 1 } },
    { QStringLiteral("setTabText"), { 1 } },
    { QStringLiteral("setItemText"), { 1 } },
    { QStringLiteral("setHeaderLabels"), { -1 } },
    { QStringLiteral("addAction"), { 0, 1 } },
    { QStringLiteral("addMenu"), { 0, 1 } },
    { QStringLiteral("addItem"), { 0 } },
    { QStringLiteral("insertItem"), { 1 } },
    { QStringLiteral("addRow"), { 0 } },
    { QStringLiteral("addTab"), { 1, 2 } },
    { QStringLiteral("addButton"), { 0 } },
    { QStringLiteral("showMessage"), { 0, 1 } },
    { QStringLiteral("showText"), { 1 } },
    { QStringLiteral("information"), { 1, 2 } },
    { QStringLiteral("warning"), { 1, 2 } },
    { QStringLiteral("critical"), { 1, 2 } },
    { QStringLiteral("question"), { 1, 2 } },
    { QStringLiteral("about"), { 1, 2 } },
    { QStringLiteral("error"), { 0 } }, // the command-line tools' CommandLineTool::error()
    { QStringLiteral("QLabel"), { 0 } },
    { QStringLiteral("QPushButton"), { 0 } },
    { QStringLiteral("QCheckBox"), { 0 } },
    { QStringLiteral("QRadioButton"), { 0 } },
    { QStringLiteral("QGroupBox"), { 0 } },
    { QStringLiteral("QAction"), { 0 } },
    { QStringLiteral("QMenu"), { 0 } },
    { QStringLiteral("QMessageBox"), { 1, 2 } },
};
// Calls that translate their string arguments.
const QSet<QString> kTranslating = {
    QStringLiteral("tr"),
    QStringLiteral("translate"),
    QStringLiteral("QT_TR_NOOP"),
    QStringLiteral("QT_TRANSLATE_NOOP"),
    QStringLiteral("QT_TR_N_NOOP"),
    QStringLiteral("QT_TRANSLATE_N_NOOP"),
    QStringLiteral("qtTrId"),
};
// Calls that only wrap a literal into a string; the call around them decides.
const QSet<QString> kStringWrappers = {
    QStringLiteral("QStringLiteral"),
    QStringLiteral("QLatin1String"),
    QStringLiteral("QLatin1StringView"),
    QStringLiteral("QString"),
    QStringLiteral("fromUtf8"),
    QStringLiteral("fromLatin1"),
    QStringLiteral("arg"),
};
} // namespace

QList<TestTranslations::Entry> TestTranslations::readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Entry> entries;
    QXmlStreamReader xml(&file);
    QString context;
    Entry entry;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                entry = Entry {};
                entry.context = context;
                entry.numerus =
                    xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            } else if (name == QLatin1String("source")) {
                entry.source = xml.readElementText();
            } else if (name == QLatin1String("translation")) {
                entry.type = xml.attributes().value(QLatin1String("type")).toString();
                if (!entry.numerus)
                    entry.translations.append(xml.readElementText());
            } else if (name == QLatin1String("location")) {
                entry.files.append(xml.attributes().value(QLatin1String("filename")).toString());
            } else if (name == QLatin1String("numerusform")) {
                entry.translations.append(xml.readElementText());
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            entries.append(entry);
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return entries;
}

QStringList TestTranslations::problems(const QList<Entry> &entries, const QString &language)
{
    QStringList found;
    const bool english = language == QLatin1String("en");
    for (const Entry &e : entries) {
        const QString where = e.context + QStringLiteral(": \"") + e.source + QLatin1Char('"');
        // lupdate files a tr() it cannot place (Alias::tr through a `using`) under no context;
        // at run time the class's tr() looks it up under the class, so it is never found.
        if (e.context.isEmpty()) {
            found.append(where + QStringLiteral(" has no context: name the class in tr()"));
            continue;
        }
        if (!e.type.isEmpty()) {
            found.append(where + QStringLiteral(" is ") + e.type);
            continue;
        }
        if (e.numerus && e.translations.size() != 2) {
            found.append(
                where + QStringLiteral(": %1 plural forms, not 2").arg(e.translations.size()));
            continue;
        }
        const QSet<QString> wanted = placeholders(e.source);
        for (const QString &t : e.translations) {
            if (t.trimmed().isEmpty()) {
                found.append(where + QStringLiteral(": empty translation"));
                continue;
            }
            QSet<QString> got = placeholders(t);
            // A plural form may spell the count out ("one message"), so %n is not required.
            if (e.numerus)
                got.insert(QStringLiteral("%n"));
            if (got != wanted
                && !(e.numerus
                    && (got - QSet<QString> { QStringLiteral("%n") })
                        == (wanted - QSet<QString> { QStringLiteral("%n") })))
                found.append(
                    where + QStringLiteral(": placeholders differ in \"") + t + QLatin1Char('"'));
            if (hasAccelerator(e.source) != hasAccelerator(t))
                found.append(where + QStringLiteral(": the & accelerator is lost or added in \"")
                    + t + QLatin1Char('"'));
            if (!english && t == e.source && !identicalAllowed(e.source, language))
                found.append(where + QStringLiteral(": the translation is the English source"));
        }
    }
    return found;
}

void TestTranslations::tsFilesAreFinished_data()
{
    QTest::addColumn<QString>("path");
    QStringList files = envList("FEDMSG_TS_FILES");
    files.append(qEnvironmentVariable("FEDMSG_TS_PLURALS"));
    QVERIFY2(files.size() >= 3, "FEDMSG_TS_FILES / FEDMSG_TS_PLURALS not set (run through ctest)");
    for (const QString &f : std::as_const(files))
        QTest::newRow(qPrintable(QFileInfo(f).fileName())) << f;
}

void TestTranslations::tsFilesAreFinished()
{
    QFETCH(QString, path);
    QString error;
    const QList<Entry> entries = readTs(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(path + QStringLiteral(": ") + error));
    QVERIFY2(!entries.isEmpty(), qPrintable(path + QStringLiteral(" has no entries")));
    const QStringList found = problems(entries, languageOf(path));
    for (const QString &p : found) // QVERIFY2's message is cut short; the whole list here
        qWarning().noquote() << p;
    QVERIFY2(found.isEmpty(),
        qPrintable(QStringLiteral("%1 problem(s) in %2:\n  ").arg(found.size()).arg(path)
            + found.join(QStringLiteral("\n  "))));
}

void TestTranslations::tsFilesMatchTheSources_data()
{
    tsFilesAreFinished_data();
}

// What update_translations would change: lupdate over a copy, without -no-obsolete, so a
// string that is gone is marked vanished instead of dropped.
void TestTranslations::tsFilesMatchTheSources()
{
    QFETCH(QString, path);
    const QString lupdate = qEnvironmentVariable("FEDMSG_LUPDATE");
    QVERIFY2(QFileInfo(lupdate).isExecutable(), "FEDMSG_LUPDATE is not an executable");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(QFileInfo(path).fileName());
    QVERIFY(QFile::copy(path, copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    QStringList args = envList("FEDMSG_LUPDATE_OPTIONS");
    if (path == qEnvironmentVariable("FEDMSG_TS_PLURALS"))
        args.append(QStringLiteral("-pluralonly"));
    args += envList("FEDMSG_LUPDATE_INPUTS");
    args << QStringLiteral("-ts") << copy;
    QProcess run;
    run.setProcessChannelMode(QProcess::MergedChannels);
    run.start(lupdate, args);
    QVERIFY2(run.waitForFinished(120'000), "lupdate did not finish");
    QVERIFY2(run.exitCode() == 0, run.readAll().constData());
    QString error;
    const QList<Entry> updated = readTs(copy, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList stale;
    for (const Entry &e : updated) {
        if (e.type == QLatin1String("unfinished") && e.translations.join(QString()).isEmpty())
            stale.append(QStringLiteral("new in the sources: ") + e.context + QStringLiteral(": \"")
                + e.source + QLatin1Char('"'));
        else if (e.type == QLatin1String("vanished") || e.type == QLatin1String("obsolete"))
            stale.append(QStringLiteral("gone from the sources: ") + e.context
                + QStringLiteral(": \"") + e.source + QLatin1Char('"'));
    }
    for (const QString &p : std::as_const(stale))
        qWarning().noquote() << p;
    QVERIFY2(stale.isEmpty(),
        qPrintable(
            QStringLiteral("%1 is not what `cmake --build <dir> --target update_translations` "
                           "leaves (then translate the new strings):\n  ")
                .arg(path)
            + stale.join(QStringLiteral("\n  "))));
}

// Each string literal with the call it is an argument of (the innermost call that is not a mere
// string wrapper), and whether a translating call encloses it.
QStringList TestTranslations::unwrapped(const QString &code, const QString &file)
{
    struct Call
    {
        QString name;
        int argument = 0;
    };
    QStringList found;
    QList<Call> stack;
    int line = 1;
    QString lastWord;
    const qsizetype n = code.size();
    const QStringList lines = code.split(QLatin1Char('\n'));
    static const QRegularExpression letter(QStringLiteral("[A-Za-z]{2}"));
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = code.at(i);
        if (c == QLatin1Char('\n')) {
            ++line;
            continue;
        }
        if (c == QLatin1Char('/') && i + 1 < n && code.at(i + 1) == QLatin1Char('/')) {
            while (i < n && code.at(i) != QLatin1Char('\n'))
                ++i;
            --i;
            continue;
        }
        if (c == QLatin1Char('/') && i + 1 < n && code.at(i + 1) == QLatin1Char('*')) {
            const qsizetype end = code.indexOf(QStringLiteral("*/"), i + 2);
            line += int(code.mid(i, (end < 0 ? n : end) - i).count(QLatin1Char('\n')));
            i = end < 0 ? n : end + 1;
            continue;
        }
        if (c == QLatin1Char('#')) { // a preprocessor line (#include "...")
            while (i < n && code.at(i) != QLatin1Char('\n'))
                ++i;
            --i;
            continue;
        }
        if (c == QLatin1Char('\'')) { // a character literal: '"', '\''
            i += code.at(i + 1) == QLatin1Char('\\') ? 3 : 2;
            continue;
        }
        if (c == QLatin1Char('"')) {
            const int startLine = line;
            QString literal;
            ++i;
            while (i < n && code.at(i) != QLatin1Char('"')) {
                if (code.at(i) == QLatin1Char('\\'))
                    literal += code.at(i++);
                literal += code.at(i++);
            }
            bool translated = false;
            for (const Call &call : std::as_const(stack))
                translated = translated || kTranslating.contains(call.name);
            const Call *visible = nullptr;
            for (qsizetype k = stack.size() - 1; k >= 0; --k) {
                if (kStringWrappers.contains(stack.at(k).name))
                    continue;
                visible = &stack.at(k);
                break;
            }
            const QString lineText = lines.value(startLine - 1);
            if (!translated && visible != nullptr && letter.match(literal).hasMatch()
                && !lineText.contains(QLatin1String("i18n:"))) {
                const QList<int> args = kVisibleArguments.value(visible->name);
                if (args.contains(-1) || args.contains(visible->argument))
                    found.append(QStringLiteral("%1:%2: \"%3\" given to %4()")
                                     .arg(file)
                                     .arg(startLine)
                                     .arg(literal, visible->name));
            }
            lastWord.clear();
            continue;
        }
        if (c.isLetterOrNumber() || c == QLatin1Char('_')) {
            qsizetype j = i;
            while (j < n && (code.at(j).isLetterOrNumber() || code.at(j) == QLatin1Char('_')))
                ++j;
            lastWord = code.mid(i, j - i);
            i = j - 1;
            continue;
        }
        if (c == QLatin1Char('(')) {
            stack.append(Call { lastWord, 0 });
        } else if (c == QLatin1Char(')')) {
            if (!stack.isEmpty())
                stack.removeLast();
        } else if (c == QLatin1Char(',') && !stack.isEmpty()) {
            ++stack.last().argument;
        } else if (c == QLatin1Char('{') || c == QLatin1Char('}') || c == QLatin1Char(';')) {
            // A brace inside a call is a lambda body or an initializer list: its own scope.
            if (c == QLatin1Char('{'))
                stack.append(Call { QString(), 0 });
            else if (c == QLatin1Char('}') && !stack.isEmpty())
                stack.removeLast();
        }
        if (!c.isSpace())
            lastWord.clear();
    }
    return found;
}

void TestTranslations::visibleStringsAreWrapped()
{
    const QDir root(QStringLiteral(FEDMSG_SOURCE_DIR));
    QStringList found;
    int files = 0;
    for (const QString &folder :
        { QStringLiteral("app"), QStringLiteral("lib/notify"), QStringLiteral("lib/model") }) {
        QDirIterator it(root.filePath(folder),
            { QStringLiteral("*.cpp"), QStringLiteral("*.h") },
            QDir::Files,
            QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            ++files;
            found += unwrapped(QString::fromUtf8(f.readAll()), root.relativeFilePath(f.fileName()));
        }
    }
    QVERIFY2(files > 20, "found too few sources to scan");
    for (const QString &p : std::as_const(found))
        qWarning().noquote() << p;
    QVERIFY2(found.isEmpty(),
        qPrintable(QStringLiteral("%1 user-visible string(s) not wrapped in tr() / "
                                  "QCoreApplication::translate() (or mark the line \"// i18n: "
                                  "why\"):\n  ")
                       .arg(found.size())
            + found.join(QStringLiteral("\n  "))));
}

// lupdate names a string's context after the class (or namespace) around the tr() call; a file
// that defines its own `QString tr(const char *)` helper (a class without Q_OBJECT) looks it up
// in the helper's context at run time. When the two differ (tr() in a free function of the
// namespace), the translation exists but is never found: every string lupdate finds in such a
// file must have the helper's context, or one the file names explicitly in translate().
void TestTranslations::contextsMatchAtRunTime()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString ts = dir.filePath(QStringLiteral("contexts_de.ts"));
    QStringList args = envList("FEDMSG_LUPDATE_OPTIONS");
    args.removeAll(QStringLiteral("none"));
    args.removeAll(QStringLiteral("-locations"));
    args << QStringLiteral("-locations") << QStringLiteral("absolute");
    args += envList("FEDMSG_LUPDATE_INPUTS");
    args << QStringLiteral("-ts") << ts;
    QProcess run;
    run.setProcessChannelMode(QProcess::MergedChannels);
    run.start(qEnvironmentVariable("FEDMSG_LUPDATE"), args);
    QVERIFY2(run.waitForFinished(120'000), "lupdate did not finish");
    QVERIFY2(run.exitCode() == 0, run.readAll().constData());
    QString error;
    const QList<Entry> entries = readTs(ts, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!entries.isEmpty());

    static const QRegularExpression helper(QStringLiteral(
        "QString\\s+tr\\s*\\(\\s*const\\s+char\\s*\\*\\s*\\w*\\s*\\)\\s*\\{\\s*return\\s+"
        "QCoreApplication::translate\\(\\s*\"([^\"]+)\""));
    static const QRegularExpression explicitContext(QStringLiteral("translate\\(\\s*\"([^\"]+)\""));
    QHash<QString, QSet<QString>> allowed; // file -> contexts it looks strings up in; none = any
    QStringList found;
    int checked = 0;
    for (const Entry &e : entries) {
        for (QString file : e.files) {
            file = QDir(QFileInfo(ts).path()).absoluteFilePath(file);
            if (!allowed.contains(file)) {
                QFile f(file);
                QSet<QString> contexts;
                if (f.open(QIODevice::ReadOnly)) {
                    const QString code = QString::fromUtf8(f.readAll());
                    if (helper.match(code).hasMatch()) {
                        auto it = explicitContext.globalMatch(code);
                        while (it.hasNext())
                            contexts.insert(it.next().captured(1));
                    }
                }
                allowed.insert(file, contexts);
            }
            const QSet<QString> &contexts = allowed[file];
            if (contexts.isEmpty())
                continue;
            ++checked;
            if (!contexts.contains(e.context))
                found.append(QStringLiteral("%1: \"%2\" is filed under %3 but looked up under %4")
                                 .arg(QFileInfo(file).fileName(),
                                     e.source,
                                     e.context,
                                     QStringList(contexts.begin(), contexts.end())
                                         .join(QStringLiteral(" or "))));
        }
    }
    for (const QString &p : std::as_const(found))
        qWarning().noquote() << p;
    QVERIFY2(checked > 10, "no file with a tr() helper found");
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
}

// The checks themselves find what they are meant to find.
void TestTranslations::checksCatchProblems()
{
    const QString code = QStringLiteral(
        "void f() {\n"
        "    label->setText(QStringLiteral(\"Hello there\"));\n"
        "    label->setText(tr(\"Wrapped\"));\n"
        "    box->addItem(tr(\"Low\"), QStringLiteral(\"low\"));\n"
        "    QMessageBox::warning(this, QStringLiteral(\"Title here\"), tr(\"ok\"));\n"
        "    auto *b = new QPushButton(\"Press me\", this);\n"
        "    label->setText(QStringLiteral(\"Kept\")); // i18n: a name\n"
        "    connect(a, &A::b, this, [this] { label->setToolTip(QStringLiteral(\"In a lambda\")); "
        "});\n"
        "    settings.setValue(QStringLiteral(\"Some/key\"), 1);\n"
        "}\n");
    const QStringList found = unwrapped(code, QStringLiteral("x.cpp"));
    QCOMPARE(found,
        QStringList({ QStringLiteral("x.cpp:2: \"Hello there\" given to setText()"),
            QStringLiteral("x.cpp:5: \"Title here\" given to warning()"),
            QStringLiteral("x.cpp:6: \"Press me\" given to QPushButton()"),
            QStringLiteral("x.cpp:8: \"In a lambda\" given to setToolTip()") }));

    const auto entry = [](const char *source, const QString &translation, const char *type = "") {
        Entry e;
        e.context = QStringLiteral("c");
        e.source = QString::fromUtf8(source);
        e.type = QString::fromUtf8(type);
        e.translations = { translation };
        return e;
    };
    const Entry same = entry("Connected", QStringLiteral("Connected"));
    const Entry name = entry("fedmsg-notify %1", QStringLiteral("fedmsg-notify %1"));
    const Entry cognate = entry("Version", QStringLiteral("Version"));
    const Entry lostArg = entry("Topic: %1", QStringLiteral("Thema"));
    const Entry lostKey = entry("&Quit", QStringLiteral("Beenden"));
    const Entry open = entry("Open", QString(), "unfinished");
    Entry plural = entry("%n new", QStringLiteral("%n neu"));
    plural.numerus = true;
    Entry noContext = entry("is", QStringLiteral("ist"));
    noContext.context.clear();
    QCOMPARE(problems({ name, cognate }, QStringLiteral("de")), QStringList());
    QCOMPARE(problems({ same, lostArg, lostKey, open, plural }, QStringLiteral("de")).size(), 5);
    QCOMPARE(problems({ noContext }, QStringLiteral("de")).size(), 1);
    QCOMPARE(problems({ cognate }, QStringLiteral("en")), QStringList());
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "TestTranslations.moc"
