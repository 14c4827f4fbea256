// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "../history/HistoryTestData.h"
#include "HistoryWindow.h"
#include "UnreadBoldDelegate.h"
#include "history/History.h"
#include "model/HistoryModel.h"

#include <QAccessible>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace fedmsg;
using namespace std::chrono_literals;
using testdata::makeRecord;

namespace {

constexpr int PlainCount = 500;

/// Exposes the delegate's style option (the font a row is drawn with).
class ProbeDelegate : public UnreadBoldDelegate
{
public:
    using UnreadBoldDelegate::UnreadBoldDelegate;
    bool bold(const QModelIndex &index) const
    {
        QStyleOptionViewItem option;
        initStyleOption(&option, index);
        return option.font.bold();
    }
};

QString accessibleName(QObject *object)
{
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(object);
    return iface ? iface->text(QAccessible::Name) : QString();
}

} // namespace

class TestHistoryWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void everyInteractiveWidgetHasAnAccessibleName();
    void keyboardOnlyWalk();
    void searchAndEscape();
    void filterControls();
    void enterOpensHttpLinksOnly_data(); // NOLINT(readability-identifier-naming): Qt Test's name
    void enterOpensHttpLinksOnly();
    void doubleClickOpens();
    void copyLinkFromTheContextMenu();
    void rawJsonDialog();
    void whyDidIGetThis();
    void muteSimilar();
    void shownRowsAreMarkedReadAndUnboldened();
    void clearHistoryAfterConfirmation();

private:
    QMenu *openMenuOnCurrentRow();
    void selectRowWithMsgId(const QString &msgId);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<History> m_history;
    std::unique_ptr<HistoryWindow> m_window;
    QList<QUrl> m_opened;
};

void TestHistoryWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    HistoryOptions options;
    options.databasePath = m_dir->filePath(QStringLiteral("history.sqlite"));
    options.commitDelay = 10ms;
    m_history = std::make_unique<History>(options);
    QTRY_VERIFY_WITH_TIMEOUT(m_history->isReady(), 20000);
    QList<HistoryRecord> records;
    for (int i = 0; i < PlainCount; ++i) {
        auto record = makeRecord(QStringLiteral("m%1").arg(i),
            QStringLiteral("org.fedoraproject.prod.koji.build"),
            QStringLiteral("build %1").arg(i),
            { QStringLiteral("user%1").arg(i % 3) },
            {},
            i % 2 == 1 ? QStringLiteral("koji") : QStringLiteral("bodhi"));
        record.envelope.setTrust(
            i % 2 == 1 ? TrustState::Trusted : TrustState::Untrusted, QString());
        records.append(record);
    }
    auto special = [](const char *id, const char *title, const char *link) {
        auto record = makeRecord(QString::fromLatin1(id),
            QStringLiteral("org.fedoraproject.prod.pagure.pr"),
            QString::fromLatin1(title),
            { QStringLiteral("alice") },
            { QStringLiteral("rpm") },
            QStringLiteral("pagure"));
        record.rendering.link = QString::fromLatin1(link);
        return record;
    };
    records.append(special("js", "scripted zebra", "javascript:alert(1)"));
    records.append(special("file", "local zebra", "file:///etc/passwd"));
    records.append(special("nolink", "linkless zebra", ""));
    auto decided = special("decided", "decided zebra", "https://pagure.io/rpm/pull-request/7");
    decided.decision = QStringLiteral("notify");
    decided.decisionRule = QStringLiteral("my packages");
    records.append(decided);
    qsizetype stored = 0;
    connect(m_history.get(), &History::stored, this, [&](const QList<StoreResult> &r) {
        stored += r.size();
    });
    m_history->store(records);
    QTRY_COMPARE_WITH_TIMEOUT(stored, records.size(), 60000);
    disconnect(m_history.get(), &History::stored, this, nullptr);

    m_opened.clear();
    m_window = std::make_unique<HistoryWindow>(m_history.get());
    m_window->setOpener([this](const QUrl &url) {
        m_opened.append(url);
    });
    m_window->setReadDelay(1h); // tests that mark read set their own
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestHistoryWindow::cleanup()
{
    m_window.reset();
    m_history.reset();
    m_dir.reset();
}

void TestHistoryWindow::selectRowWithMsgId(const QString &msgId)
{
    HistoryModel *model = m_window->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->message(row)->msgId == msgId) {
            m_window->table()->setFocus();
            m_window->table()->setCurrentIndex(model->index(row, 0));
            return;
        }
    }
    QFAIL(qPrintable(QStringLiteral("no row with msg_id %1").arg(msgId)));
}

QMenu *TestHistoryWindow::openMenuOnCurrentRow()
{
    QTest::keyClick(m_window->table(), Qt::Key_Menu);
    auto *menu = m_window->findChild<QMenu *>(QStringLiteral("rowMenu"));
    [&] {
        QVERIFY(menu);
        QTRY_VERIFY(menu->isVisible());
    }();
    return menu;
}

void TestHistoryWindow::everyInteractiveWidgetHasAnAccessibleName()
{
    QStringList unnamed;
    int checked = 0;
    for (QWidget *widget : m_window->findChildren<QWidget *>()) {
        if (widget->focusPolicy() == Qt::NoFocus || !widget->isVisibleTo(m_window.get()))
            continue;
        ++checked;
        if (accessibleName(widget).isEmpty())
            unnamed.append(QString::fromLatin1(widget->metaObject()->className()) + QLatin1Char(' ')
                + widget->objectName());
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
    QVERIFY(checked >= 11); // search, 8 filters, table, clear button
    for (QAction *action : m_window->findChild<QMenu *>(QStringLiteral("rowMenu"))->actions())
        QVERIFY(!action->text().isEmpty());
}

void TestHistoryWindow::keyboardOnlyWalk()
{
    // Ctrl+F focuses the search field from anywhere.
    m_window->table()->setFocus();
    QTRY_VERIFY(m_window->table()->hasFocus());
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QTRY_COMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("search"));
    // Tab walks search -> filters -> table -> clear.
    QStringList walk;
    for (int i = 0; i < 10; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        walk.append(QApplication::focusWidget()->objectName());
    }
    QCOMPARE(walk,
        (QStringList { QStringLiteral("service"),
            QStringLiteral("bus"),
            QStringLiteral("user"),
            QStringLiteral("package"),
            QStringLiteral("unread"),
            QStringLiteral("trust"),
            QStringLiteral("time"),
            QStringLiteral("decision"),
            QStringLiteral("messages"),
            QStringLiteral("clearHistory") }));
    // Search by keyboard, go down into the results, open one with Enter.
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("decided"));
    QTRY_COMPARE(m_window->model()->rowCount(), 1);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
    QCOMPARE(QApplication::focusWidget(), m_window->table());
    QTest::keyClick(m_window->table(), Qt::Key_Return);
    QCOMPARE(
        m_opened, (QList<QUrl> { QUrl(QStringLiteral("https://pagure.io/rpm/pull-request/7")) }));
}

void TestHistoryWindow::searchAndEscape()
{
    auto *search = m_window->findChild<QLineEdit *>(QStringLiteral("search"));
    QCOMPARE(m_window->model()->rowCount(), 200); // one page of 504
    QVERIFY(m_window->model()->canFetchMore({}));
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("zebra -local"));
    QTRY_COMPARE(m_window->model()->rowCount(), 3);
    QStringList ids;
    for (int row = 0; row < 3; ++row)
        ids.append(m_window->model()->message(row)->msgId);
    QCOMPARE(ids,
        (QStringList {
            QStringLiteral("decided"), QStringLiteral("nolink"), QStringLiteral("js") }));
    // Words are ANDed: "build" and "42" together match one message.
    search->clear();
    QTest::keyClicks(search, QStringLiteral("build 42"));
    QCOMPARE(m_window->model()->rowCount(), 1);
    QTest::keyClick(search, Qt::Key_Escape);
    QCOMPARE(search->text(), QString());
    QCOMPARE(m_window->model()->rowCount(), 200);
}

void TestHistoryWindow::filterControls()
{
    auto *service = m_window->findChild<QComboBox *>(QStringLiteral("service"));
    const int koji = service->findData(QStringLiteral("koji"));
    QVERIFY(koji > 0);
    service->setFocus();
    // Keyboard selection on a closed combo box: Down moves to the next entry.
    while (service->currentIndex() != koji)
        QTest::keyClick(service, Qt::Key_Down);
    QCOMPARE(m_window->filter().service, QStringLiteral("koji"));
    QCOMPARE(m_history->count(m_window->filter().toQuery(0)), PlainCount / 2);
    for (int row = 0; row < m_window->model()->rowCount(); ++row)
        QCOMPARE(m_window->model()->message(row)->rendering.serviceName, QStringLiteral("koji"));

    auto *user = m_window->findChild<QLineEdit *>(QStringLiteral("user"));
    user->setFocus();
    QTest::keyClicks(user, QStringLiteral("user1"));
    QTest::keyClick(user, Qt::Key_Return);
    // koji is odd i, user1 is i % 3 == 1: i % 6 == 1.
    QCOMPARE(m_window->model()->rowCount(), PlainCount / 6 + (PlainCount % 6 > 1 ? 1 : 0));

    auto *trust = m_window->findChild<QComboBox *>(QStringLiteral("trust"));
    trust->setFocus();
    QTest::keyClick(trust, Qt::Key_Down); // signed
    QCOMPARE(*m_window->filter().trust, TrustState::Trusted);
    QVERIFY(m_window->model()->rowCount() > 0);
    QTest::keyClick(trust, Qt::Key_Down); // untrusted: koji rows are all signed
    QCOMPARE(m_window->model()->rowCount(), 0);

    auto *unread = m_window->findChild<QCheckBox *>(QStringLiteral("unread"));
    trust->setCurrentIndex(0);
    user->clear();
    QTest::keyClick(user, Qt::Key_Return);
    unread->setFocus();
    QTest::keyClick(unread, Qt::Key_Space);
    QVERIFY(m_window->filter().unreadOnly);
    QCOMPARE(m_window->model()->rowCount(), 200);

    auto *decision = m_window->findChild<QComboBox *>(QStringLiteral("decision"));
    service->setCurrentIndex(0);
    decision->setCurrentIndex(decision->findData(QStringLiteral("notify")));
    QCOMPARE(m_window->model()->rowCount(), 1);
    QCOMPARE(m_window->model()->message(0)->msgId, QStringLiteral("decided"));
}

// NOLINTNEXTLINE(readability-convert-member-functions-to-static): a Qt Test slot
void TestHistoryWindow::enterOpensHttpLinksOnly_data()
{
    QTest::addColumn<QString>("msgId");
    QTest::addColumn<QString>("opened");
    QTest::newRow("https") << QStringLiteral("decided")
                           << QStringLiteral("https://pagure.io/rpm/pull-request/7");
    QTest::newRow("javascript") << QStringLiteral("js") << QString();
    QTest::newRow("file") << QStringLiteral("file") << QString();
    QTest::newRow("no link") << QStringLiteral("nolink") << QString();
}

void TestHistoryWindow::enterOpensHttpLinksOnly()
{
    QFETCH(QString, msgId);
    QFETCH(QString, opened);
    QSignalSpy refused(m_window.get(), &HistoryWindow::linkRefused);
    auto *search = m_window->findChild<QLineEdit *>(QStringLiteral("search"));
    search->setText(QStringLiteral("zebra"));
    selectRowWithMsgId(msgId);
    QTest::keyClick(m_window->table(), Qt::Key_Enter);
    if (opened.isEmpty()) {
        QVERIFY(m_opened.isEmpty());
        QCOMPARE(refused.size(), msgId == QLatin1String("nolink") ? 0 : 1);
    } else {
        QCOMPARE(m_opened, (QList<QUrl> { QUrl(opened) }));
        QCOMPARE(refused.size(), 0);
    }
}

void TestHistoryWindow::doubleClickOpens()
{
    m_window->findChild<QLineEdit *>(QStringLiteral("search"))->setText(QStringLiteral("decided"));
    QCOMPARE(m_window->model()->rowCount(), 1);
    QTableView *table = m_window->table();
    const QPoint centre = table->visualRect(m_window->model()->index(0, 2)).center();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, centre);
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, centre);
    QCOMPARE(
        m_opened, (QList<QUrl> { QUrl(QStringLiteral("https://pagure.io/rpm/pull-request/7")) }));
    QTRY_VERIFY(m_history->message(m_window->model()->idAt(0))->read); // opened = read
}

void TestHistoryWindow::copyLinkFromTheContextMenu()
{
    m_window->findChild<QLineEdit *>(QStringLiteral("search"))->setText(QStringLiteral("zebra"));
    selectRowWithMsgId(QStringLiteral("decided"));
    QApplication::clipboard()->setText(QStringLiteral("before"));
    QMenu *menu = openMenuOnCurrentRow();
    QTest::keyClick(menu, Qt::Key_C);
    QTRY_VERIFY(!menu->isVisible());
    QCOMPARE(
        QApplication::clipboard()->text(), QStringLiteral("https://pagure.io/rpm/pull-request/7"));
    // No link: Open and Copy link are disabled.
    selectRowWithMsgId(QStringLiteral("nolink"));
    QTest::keyClick(m_window->table(), Qt::Key_F10, Qt::ShiftModifier);
    QTRY_VERIFY(menu->isVisible());
    for (QAction *action : menu->actions())
        if (action->objectName() == QLatin1String("copyLink")
            || action->objectName() == QLatin1String("open"))
            QVERIFY(!action->isEnabled());
    QTest::keyClick(menu, Qt::Key_Escape);
    QTRY_VERIFY(!menu->isVisible());
}

void TestHistoryWindow::rawJsonDialog()
{
    m_window->findChild<QLineEdit *>(QStringLiteral("search"))->setText(QStringLiteral("zebra"));
    selectRowWithMsgId(QStringLiteral("decided"));
    QMenu *menu = openMenuOnCurrentRow();
    QTest::keyClick(menu, Qt::Key_J);
    QDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<QDialog *>(QStringLiteral("rawJsonDialog")))
        && dialog->isVisible());
    auto *text = dialog->findChild<QPlainTextEdit *>(QStringLiteral("rawJson"));
    QVERIFY(text->isReadOnly());
    const QString json = text->toPlainText();
    // Pretty-printed: one key per line, indented.
    QVERIFY2(json.contains(QStringLiteral("\n    \"msg_id\": \"decided\",\n")), qPrintable(json));
    QVERIFY(json.contains(QStringLiteral("\"comment\": \"decided zebra\"")));
    QTRY_VERIFY(text->hasFocus());
    QTest::keyClick(text, Qt::Key_Escape);
    QTRY_VERIFY(!m_window->findChild<QDialog *>(QStringLiteral("rawJsonDialog")));
}

void TestHistoryWindow::whyDidIGetThis()
{
    m_window->findChild<QLineEdit *>(QStringLiteral("search"))->setText(QStringLiteral("zebra"));
    selectRowWithMsgId(QStringLiteral("decided"));
    QMenu *menu = openMenuOnCurrentRow();
    QTest::keyClick(menu, Qt::Key_W);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_window->findChild<QMessageBox *>(QStringLiteral("whyDialog")))
        && box->isVisible());
    QVERIFY2(box->text().contains(QStringLiteral("Decision: notify, by the rule “my packages”")),
        qPrintable(box->text()));
    QTest::keyClick(box, Qt::Key_Escape);
    QTRY_VERIFY(!m_window->findChild<QMessageBox *>(QStringLiteral("whyDialog")));
}

void TestHistoryWindow::muteSimilar()
{
    QSignalSpy mute(m_window.get(), &HistoryWindow::muteSimilarRequested);
    m_window->findChild<QLineEdit *>(QStringLiteral("search"))->setText(QStringLiteral("zebra"));
    selectRowWithMsgId(QStringLiteral("decided"));
    QMenu *menu = openMenuOnCurrentRow();
    QTest::keyClick(menu, Qt::Key_M);
    QTRY_COMPARE(mute.size(), 1);
    QCOMPARE(mute.first().at(0).toString(), QStringLiteral("pagure"));
    QCOMPARE(mute.first().at(1).toString(), QStringLiteral("org.fedoraproject.prod.pagure.pr"));
}

void TestHistoryWindow::shownRowsAreMarkedReadAndUnboldened()
{
    HistoryModel *model = m_window->model();
    ProbeDelegate probe;
    QVERIFY(probe.bold(model->index(0, 0)));
    const int firstHidden =
        m_window->table()->rowAt(m_window->table()->viewport()->height() - 1) + 1;
    QVERIFY(firstHidden > 1 && firstHidden < model->rowCount());
    QSignalSpy updated(m_history.get(), &History::updated);
    m_window->setReadDelay(1ms);
    m_window->table()->scrollToTop(); // any scroll (or showing the window) starts the delay
    m_window->table()->verticalScrollBar()->setValue(1);
    m_window->table()->verticalScrollBar()->setValue(0);
    QTRY_VERIFY(!model->index(0, 0).data(HistoryModel::UnreadRole).toBool());
    QVERIFY(!probe.bold(model->index(0, 0)));
    QVERIFY(updated.wait(20000));
    QVERIFY(m_history->message(model->idAt(0))->read);
    QVERIFY(m_history->message(model->idAt(firstHidden - 1))->read);
    // Rows below the viewport stay unread until scrolled to.
    QVERIFY(!m_history->message(model->idAt(firstHidden + 5))->read);
    QVERIFY(probe.bold(model->index(firstHidden + 5, 0)));
}

void TestHistoryWindow::clearHistoryAfterConfirmation()
{
    auto *clear = m_window->findChild<QPushButton *>(QStringLiteral("clearHistory"));
    // Cancel first: nothing is deleted.
    clear->setFocus();
    QTest::keyClick(clear, Qt::Key_Space);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_window->findChild<QMessageBox *>(QStringLiteral("clearConfirmation")))
        && box->isVisible());
    QTest::keyClick(box, Qt::Key_Escape);
    QTRY_VERIFY(!m_window->findChild<QMessageBox *>(QStringLiteral("clearConfirmation")));
    QCOMPARE(m_history->count({}), PlainCount + 4);
    // Then for real.
    QSignalSpy cleared(m_history.get(), &History::cleared);
    QTest::keyClick(clear, Qt::Key_Space);
    QTRY_VERIFY((box = m_window->findChild<QMessageBox *>(QStringLiteral("clearConfirmation")))
        && box->isVisible());
    auto *confirm = box->findChild<QPushButton *>(QStringLiteral("confirmClear"));
    QVERIFY(confirm);
    QTest::mouseClick(confirm, Qt::LeftButton);
    QVERIFY(cleared.wait(20000));
    QCOMPARE(m_window->model()->rowCount(), 0);
    QCOMPARE(m_history->count({}), 0);
    QCOMPARE(m_window->findChild<QLabel *>(QStringLiteral("status"))->text(),
        QStringLiteral("History cleared."));
}

QTEST_MAIN(TestHistoryWindow)
#include "TestHistoryWindow.moc"
