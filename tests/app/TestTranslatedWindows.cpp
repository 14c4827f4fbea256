// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "AboutDialog.h"
#include "BusEditorDialog.h"
#include "HistoryWindow.h"
#include "MuteChooser.h"
#include "PreferencesDialog.h"
#include "TrayIcon.h"
#include "WhyDialog.h"

#include "bus/BusPresets.h"
#include "engine/RulePreview.h"
#include "history/History.h"
#include "i18n/Translations.h"
#include "notify/Notification.h"
#include "render/Renderer.h"
#include "rules/MessageTypeCatalog.h"
#include "settings/Settings.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using namespace fedmsg;
using namespace std::chrono_literals;

// The windows in German and in French, as with LANG=de_DE.UTF-8 / fr_FR.UTF-8 (the translators
// are loaded by QLocale, so no system locale needs to be generated): each window and page is
// built once in English and once translated, every text a person sees or hears (window title,
// labels, buttons, check boxes, group titles, place-holders, tool tips, accessible names, combo
// box items, spin box texts, list items, column headers, menu items) is collected in the same
// order, and a text that stays English fails, unless it is only names and numbers (fedmsg,
// versions) or a word the language spells alike. A few texts are also compared outright.
class TestTranslatedWindows : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void cleanupTestCase();
    void everyTextIsTranslated_data();
    void everyTextIsTranslated();
    void knownTexts();
    void preferenceChoosesTheLanguage();
    void presetLabelInTheBusEditor();
    void noAcceleratorClashes_data();
    void noAcceleratorClashes();

private:
    using Window = std::function<QStringList()>;
    // What to collect from a window: its texts, or its clashing & accelerators.
    enum class Collect { Texts, Clashes };
    QStringList about(Collect what = Collect::Texts) const;
    QStringList history(Collect what = Collect::Texts) const;
    QStringList preferences(Collect what = Collect::Texts) const;
    QStringList tray(Collect what = Collect::Texts) const;
    QStringList mute(Collect what = Collect::Texts) const;
    QStringList why(Collect what = Collect::Texts) const;
    static Notification notification();
    static QStringList clashes(QWidget *root);
    static QStringList menuClashes(QMenu *menu);
    static QStringList texts(QWidget *root);
    static QStringList menuTexts(QMenu *menu);
    static bool mayStay(const QString &text, const QString &language);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestTranslatedWindows::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestTranslatedWindows::cleanup()
{
    m_dir.reset();
}

void TestTranslatedWindows::cleanupTestCase()
{
    Translations::install(QLocale(QLocale::English));
}

QStringList TestTranslatedWindows::menuTexts(QMenu *menu)
{
    QStringList out { menu->title() };
    for (QAction *a : menu->actions()) {
        if (a->isSeparator())
            continue;
        out << a->text() << a->toolTip();
        if (a->menu())
            out += menuTexts(a->menu());
    }
    return out;
}

QStringList TestTranslatedWindows::texts(QWidget *root)
{
    QStringList out { root->windowTitle(), root->accessibleName() };
    const auto widgets = root->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (!w->isVisibleTo(root))
            continue;
        out << w->toolTip() << w->accessibleName() << w->accessibleDescription();
        if (auto *l = qobject_cast<QLabel *>(w))
            out << l->text();
        if (auto *b = qobject_cast<QAbstractButton *>(w))
            out << b->text();
        if (auto *g = qobject_cast<QGroupBox *>(w))
            out << g->title();
        if (auto *e = qobject_cast<QLineEdit *>(w))
            out << e->placeholderText();
        if (auto *s = qobject_cast<QAbstractSpinBox *>(w))
            out << s->specialValueText();
        if (auto *s = qobject_cast<QSpinBox *>(w))
            out << s->suffix() << s->prefix();
        if (auto *c = qobject_cast<QComboBox *>(w))
            for (int i = 0; i < c->count(); ++i)
                out << c->itemText(i);
        if (auto *list = qobject_cast<QListWidget *>(w))
            for (int i = 0; i < list->count(); ++i)
                out << list->item(i)->text();
        if (auto *view = qobject_cast<QAbstractItemView *>(w); view && view->model())
            for (int c = 0; c < view->model()->columnCount(); ++c)
                out << view->model()->headerData(c, Qt::Horizontal).toString();
    }
    return out;
}

QStringList TestTranslatedWindows::about(Collect what) const
{
    AboutDialog dialog;
    dialog.show();
    return what == Collect::Texts ? texts(&dialog) : clashes(&dialog);
}

QStringList TestTranslatedWindows::history(Collect what) const
{
    HistoryOptions options;
    options.databasePath = m_dir->filePath(QStringLiteral("history.sqlite"));
    History store(options);
    if (!QTest::qWaitFor(
            [&] {
                return store.isReady();
            },
            20000))
        return { QStringLiteral("history not ready") };
    HistoryWindow window(&store);
    window.show();
    return what == Collect::Texts ? texts(&window) : clashes(&window);
}

QStringList TestTranslatedWindows::preferences(Collect what) const
{
    Settings settings(m_dir->filePath(QStringLiteral("settings.conf")));
    const Renderer renderer;
    const rules::MessageTypeCatalog catalog(renderer); // after the translator: labels translated
    PreferencesDialog dialog(&settings,
        nullptr,
        catalog,
        AutostartEntry(m_dir->filePath(QStringLiteral("autostart")),
            {},
            QStringLiteral("/usr/bin/fedmsg-notify")));
    dialog.show();
    QStringList out;
    for (int page = 0; page < dialog.pageList()->count(); ++page) {
        dialog.pageList()->setCurrentRow(page);
        if (what == Collect::Clashes) {
            out += clashes(&dialog);
            continue;
        }
        out += texts(&dialog);
        // The message types' tree: service labels and descriptions from the catalog.
        if (auto *view = dialog.findChild<QStackedWidget *>()
                             ->currentWidget()
                             ->findChild<QAbstractItemView *>()) {
            QAbstractItemModel *model = view->model();
            for (int row = 0; row < std::min(model->rowCount(), 8); ++row)
                out << model->index(row, 0).data().toString()
                    << model->index(row, 0).data(Qt::ToolTipRole).toString();
        }
    }
    return out;
}

QStringList TestTranslatedWindows::tray(Collect what) const
{
    TrayIcon icon;
    if (what == Collect::Clashes)
        return menuClashes(icon.menu());
    return menuTexts(icon.menu()) << icon.toolTip();
}

Notification TestTranslatedWindows::notification()
{
    Notification n;
    n.summary = QStringLiteral("bodhi: FEDORA-2026-1234");
    n.serviceName = QStringLiteral("bodhi");
    n.topic = QStringLiteral("org.fedoraproject.prod.bodhi.update.complete.stable");
    n.msgId = QStringLiteral("2026-1234");
    return n;
}

// The chooser a notification's "Mute…" opens.
QStringList TestTranslatedWindows::mute(Collect what) const
{
    MuteChooser chooser(notification());
    chooser.setAttribute(Qt::WA_DeleteOnClose, false);
    chooser.show();
    return what == Collect::Texts ? texts(&chooser) : clashes(&chooser);
}

// The window a notification's "Why?" opens (no rule involved: the sentence with topic and id).
QStringList TestTranslatedWindows::why(Collect what) const
{
    WhyDialog dialog(notification());
    dialog.setAttribute(Qt::WA_DeleteOnClose, false);
    dialog.show();
    return what == Collect::Texts ? texts(&dialog) : clashes(&dialog);
}

bool TestTranslatedWindows::mayStay(const QString &text, const QString &language)
{
    static const QSet<QString> names = { QStringLiteral("fedmsg"),
        QStringLiteral("fedmsg-notify"),
        QStringLiteral("LGPL-2.1-or-later"),
        QStringLiteral("English"),
        QStringLiteral("Deutsch"),
        QStringLiteral("Français"),
        QStringLiteral("s"),
        QStringLiteral("MiB") };
    static const QHash<QString, QSet<QString>> cognates = {
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
    static const QRegularExpression word(
        QStringLiteral("[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ0-9.-]*[A-Za-zÀ-ÿ0-9]|[A-Za-z]"));
    QString t = text;
    t.remove(QLatin1Char('&'));
    auto it = word.globalMatch(t);
    while (it.hasNext()) {
        const QString w = it.next().captured();
        if (!names.contains(w) && !cognates.value(language).contains(w))
            return false;
    }
    return true;
}

void TestTranslatedWindows::everyTextIsTranslated_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("window");
    for (const char *language : { "de", "fr" })
        for (const char *window :
            { "tray menu", "about", "history", "preferences", "mute chooser", "why" })
            QTest::addRow("%s %s", language, window)
                << QString::fromLatin1(language) << QString::fromLatin1(window);
}

void TestTranslatedWindows::everyTextIsTranslated()
{
    QFETCH(QString, language);
    QFETCH(QString, window);
    const QHash<QString, Window> windows = {
        { QStringLiteral("tray menu"),
            [this] {
                return tray();
            } },
        { QStringLiteral("about"),
            [this] {
                return about();
            } },
        { QStringLiteral("history"),
            [this] {
                return history();
            } },
        { QStringLiteral("preferences"),
            [this] {
                return preferences();
            } },
        { QStringLiteral("mute chooser"),
            [this] {
                return mute();
            } },
        { QStringLiteral("why"),
            [this] {
                return why();
            } },
    };
    QVERIFY(Translations::install(QLocale(QLocale::English)));
    const QStringList english = windows.value(window)();
    QVERIFY(Translations::install(QLocale(language)));
    const QStringList translated = windows.value(window)();
    Translations::install(QLocale(QLocale::English));
    QCOMPARE(translated.size(), english.size());
    QStringList untranslated;
    int compared = 0;
    for (qsizetype i = 0; i < english.size(); ++i) {
        if (english.at(i).trimmed().isEmpty())
            continue;
        ++compared;
        if (translated.at(i) == english.at(i) && !mayStay(english.at(i), language))
            untranslated.append(english.at(i));
    }
    untranslated.removeDuplicates();
    // A message box (the "Why?" window) has a title, a name, its text and a button.
    const int expected = window == QLatin1String("why") ? 4 : 5;
    QVERIFY2(compared >= expected, qPrintable(QStringLiteral("only %1 texts found").arg(compared)));
    QVERIFY2(untranslated.isEmpty(),
        qPrintable(QStringLiteral("%1 text(s) of the %2 in English under %3:\n  ")
                       .arg(untranslated.size())
                       .arg(window, language)
            + untranslated.join(QStringLiteral("\n  "))));
}

void TestTranslatedWindows::knownTexts()
{
    QVERIFY(Translations::install(QLocale(QStringLiteral("de_DE"))));
    QVERIFY(preferences().contains(QStringLiteral("fedmsg-notify – Einstellungen")));
    QVERIFY(tray().contains(QStringLiteral("&Beenden")));
    QCOMPARE(QCoreApplication::translate("fedmsg::TrayIcon", "%n unread message(s)", nullptr, 3),
        QStringLiteral("3 ungelesene Nachrichten"));
    QCOMPARE(QCoreApplication::translate("catalog", "Package Updates"),
        QStringLiteral("Paketaktualisierungen"));
    QVERIFY(Translations::install(QLocale(QStringLiteral("fr_FR"))));
    QVERIFY(about().contains(QStringLiteral("À propos de fedmsg-notify")));
    QCOMPARE(QCoreApplication::translate("fedmsg::TrayIcon", "%n unread message(s)", nullptr, 1),
        QStringLiteral("1 message non lu"));
    QCOMPARE(QCoreApplication::translate("fedmsg::TrayIcon", "%n unread message(s)", nullptr, 2),
        QStringLiteral("2 messages non lus"));
    // English plurals come from fedmsg-notify_en.ts.
    QVERIFY(Translations::install(QLocale(QLocale::English)));
    QCOMPARE(QCoreApplication::translate("fedmsg::TrayIcon", "%n unread message(s)", nullptr, 1),
        QStringLiteral("1 unread message"));
    // No translation for the locale: English, and install() says so.
    QVERIFY(!Translations::install(QLocale(QLocale::Japanese)));
    QCOMPARE(QCoreApplication::translate("fedmsg::TrayIcon", "&Quit"), QStringLiteral("&Quit"));
}

// The language chosen in the preferences is saved and names the locale the applet installs.
void TestTranslatedWindows::preferenceChoosesTheLanguage()
{
    Settings settings(m_dir->filePath(QStringLiteral("settings.conf")));
    const Renderer renderer;
    const rules::MessageTypeCatalog catalog(renderer);
    PreferencesDialog dialog(&settings,
        nullptr,
        catalog,
        AutostartEntry(m_dir->filePath(QStringLiteral("autostart")),
            {},
            QStringLiteral("/usr/bin/fedmsg-notify")));
    QComboBox *combo = nullptr;
    const QList<QComboBox *> combos = dialog.findChildren<QComboBox *>();
    for (QComboBox *c : combos)
        if (c->findData(QStringLiteral("fr")) >= 0)
            combo = c;
    QVERIFY(combo);
    QCOMPARE(combo->currentIndex(), 0); // the system's
    QCOMPARE(combo->itemText(combo->findData(QStringLiteral("fr"))), QStringLiteral("Français"));
    combo->setCurrentIndex(combo->findData(QStringLiteral("fr")));
    QCOMPARE(settings.language(), QStringLiteral("fr"));
    QCOMPARE(Translations::locale(settings.language()).language(), QLocale::French);
    QCOMPARE(Translations::locale(QString()), QLocale());
    combo->setCurrentIndex(0);
    QCOMPARE(settings.language(), QString());
}

// A preset bus's label is edited in the user's language; saved unchanged it stays the English
// source (it follows a later change of language), and a label typed over it is kept as typed.
void TestTranslatedWindows::presetLabelInTheBusEditor()
{
    const BusConfig preset = BusPresets::debianFedmsg();
    QVERIFY(Translations::install(QLocale(QStringLiteral("de_DE"))));
    {
        BusEditorDialog editor(preset, {}, false);
        const QString shown = editor.labelEdit()->text();
        QCOMPARE(shown,
            QCoreApplication::translate("fedmsg::BusPresets", preset.label.toUtf8().constData()));
        QVERIFY2(shown != preset.label, qPrintable(shown));
        QCOMPARE(editor.bus().label, preset.label);
        editor.labelEdit()->setText(QStringLiteral("Mein Debian-Bus"));
        QCOMPARE(editor.bus().label, QStringLiteral("Mein Debian-Bus"));
    }
    Translations::install(QLocale(QLocale::English));
}

namespace {
// The key of a text's & accelerator ("&Quit" -> q; "&&" is a literal &), or none.
QChar mnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return {};
}

QStringList duplicates(const QList<std::pair<QChar, QString>> &keys)
{
    QHash<QChar, QStringList> byKey;
    for (const auto &[key, text] : keys)
        if (!key.isNull())
            byKey[key].append(text);
    QStringList out;
    for (auto it = byKey.cbegin(); it != byKey.cend(); ++it)
        if (it.value().size() > 1)
            out.append(
                QStringLiteral("Alt+%1: %2").arg(it.key(), it.value().join(QStringLiteral(", "))));
    out.sort();
    return out;
}
} // namespace

// Buttons and labels with a buddy that are on screen together, each & key once.
QStringList TestTranslatedWindows::clashes(QWidget *root)
{
    QList<std::pair<QChar, QString>> keys;
    const auto widgets = root->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (!w->isVisibleTo(root))
            continue;
        if (auto *b = qobject_cast<QAbstractButton *>(w))
            keys.append({ mnemonic(b->text()), b->text() });
        else if (auto *l = qobject_cast<QLabel *>(w); l && l->buddy())
            keys.append({ mnemonic(l->text()), l->text() });
    }
    return duplicates(keys);
}

// The items of a menu shown at the same time, then each submenu's.
QStringList TestTranslatedWindows::menuClashes(QMenu *menu)
{
    QList<std::pair<QChar, QString>> keys;
    QStringList out;
    for (QAction *a : menu->actions()) {
        if (!a->isVisible() || a->isSeparator())
            continue;
        keys.append({ mnemonic(a->text()), a->text() });
        if (a->menu())
            out += menuClashes(a->menu());
    }
    return duplicates(keys) + out;
}

void TestTranslatedWindows::noAcceleratorClashes_data()
{
    QTest::addColumn<QString>("language");
    for (const char *language : { "en", "de", "fr" })
        QTest::addRow("%s", language) << QString::fromLatin1(language);
}

// Two controls on screen with the same Alt key: the key reaches only one of them.
void TestTranslatedWindows::noAcceleratorClashes()
{
    QFETCH(QString, language);
    QVERIFY(Translations::install(QLocale(language)));
    QStringList found;
    for (const QString &c : tray(Collect::Clashes))
        found.append(QStringLiteral("tray menu: ") + c);
    for (const QString &c : about(Collect::Clashes))
        found.append(QStringLiteral("about: ") + c);
    for (const QString &c : history(Collect::Clashes))
        found.append(QStringLiteral("history: ") + c);
    for (const QString &c : preferences(Collect::Clashes))
        found.append(QStringLiteral("preferences: ") + c);
    for (const QString &c : mute(Collect::Clashes))
        found.append(QStringLiteral("mute chooser: ") + c);
    for (const QString &c : why(Collect::Clashes))
        found.append(QStringLiteral("why: ") + c);
    Translations::install(QLocale(QLocale::English));
    found.removeDuplicates();
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestTranslatedWindows)
#include "TestTranslatedWindows.moc"
