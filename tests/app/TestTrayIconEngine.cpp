// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "TrayIconEngine.h"

#include <QApplication>
#include <QIcon>
#include <QImage>
#include <QTest>

#include <cmath>

using namespace fedmsg;

// The tray icon drawn at the sizes and device-pixel ratios panels ask for, checked pixel by
// pixel: the badge is there exactly when there are unread messages, and each state has its
// own emblem colour.
class TestTrayIconEngine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void badgeAtEverySizeAndScale_data();
    void badgeAtEverySizeAndScale();
    void statesHaveTheirOwnColours_data();
    void statesHaveTheirOwnColours();
    void drawnOncePerSize();
    void darkPanelGetsTheLightGlyph();
};

namespace {
bool near(QColor a, QColor b)
{
    return std::abs(a.red() - b.red()) <= 24 && std::abs(a.green() - b.green()) <= 24
        && std::abs(a.blue() - b.blue()) <= 24 && a.alpha() > 200;
}

QImage draw(const TrayIconLook &look, int size, qreal dpr)
{
    const QIcon icon(new TrayIconEngine(look));
    const QPixmap pixmap = icon.pixmap(QSize(size, size), dpr);
    return pixmap.toImage().convertToFormat(QImage::Format_ARGB32);
}

// The share of a quadrant's pixels that have colour c: the badge sits in the upper right, the
// state emblem in the lower left.
double share(const QImage &image, QColor c, bool upperRight)
{
    const int half = image.width() / 2;
    const int x0 = upperRight ? image.width() - half : 0;
    const int y0 = upperRight ? 0 : image.height() - half;
    int hits = 0;
    for (int y = y0; y < y0 + half; ++y)
        for (int x = x0; x < x0 + half; ++x)
            hits += near(image.pixelColor(x, y), c) ? 1 : 0;
    return double(hits) / (half * half);
}
} // namespace

void TestTrayIconEngine::badgeAtEverySizeAndScale_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<qreal>("dpr");
    for (int size : { 16, 22, 24, 32, 48 })
        for (qreal dpr : { 1.0, 2.0 })
            QTest::addRow("%d@%gx", size, dpr) << size << dpr;
}

void TestTrayIconEngine::badgeAtEverySizeAndScale()
{
    QFETCH(int, size);
    QFETCH(qreal, dpr);
    TrayIconLook look;
    look.connection = TrayIconLook::Connection::Connected;
    const QImage none = draw(look, size, dpr);
    QCOMPARE(none.width(), int(std::lround(size * dpr)));
    QCOMPARE(none.height(), int(std::lround(size * dpr)));
    QCOMPARE(share(none, TrayIconEngine::badgeColor(), true), 0.0);
    // The glyph is there: some opaque pixels.
    int opaque = 0;
    for (int y = 0; y < none.height(); ++y)
        for (int x = 0; x < none.width(); ++x)
            opaque += none.pixelColor(x, y).alpha() > 200 ? 1 : 0;
    QVERIFY2(opaque > none.width() * none.height() / 5, qPrintable(QString::number(opaque)));

    for (int unread : { 1, 7, 150 }) {
        look.unread = unread;
        const QImage badged = draw(look, size, dpr);
        const double badge = share(badged, TrayIconEngine::badgeColor(), true);
        QVERIFY2(badge > 0.2, qPrintable(QStringLiteral("%1 unread: %2").arg(unread).arg(badge)));
        QVERIFY(badged != none);
    }
    QCOMPARE(TrayIconEngine::badgeText(150), QStringLiteral("99+"));
}

void TestTrayIconEngine::statesHaveTheirOwnColours_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<qreal>("dpr");
    for (int size : { 16, 22, 24, 32, 48 })
        for (qreal dpr : { 1.0, 2.0 })
            QTest::addRow("%d@%gx", size, dpr) << size << dpr;
}

void TestTrayIconEngine::statesHaveTheirOwnColours()
{
    QFETCH(int, size);
    QFETCH(qreal, dpr);
    using C = TrayIconLook::Connection;
    QList<TrayIconLook> looks;
    for (C c : { C::Connecting, C::AllDown, C::NoBus }) {
        TrayIconLook l;
        l.connection = c;
        looks.append(l);
    }
    TrayIconLook paused;
    paused.connection = C::Connected;
    paused.paused = true;
    TrayIconLook noServer;
    noServer.connection = C::Connected;
    noServer.noNotificationServer = true;
    TrayIconLook untrusted;
    untrusted.connection = C::Connected;
    untrusted.untrustedSeen = true;
    looks << paused << noServer << untrusted;

    TrayIconLook connected;
    connected.connection = C::Connected;
    QVERIFY(!TrayIconEngine::emblemColor(connected).isValid());
    const QImage plain = draw(connected, size, dpr);

    QList<QRgb> seen;
    for (const TrayIconLook &look : std::as_const(looks)) {
        const QColor expected = TrayIconEngine::emblemColor(look);
        QVERIFY(expected.isValid());
        const double got = share(draw(look, size, dpr), expected, false);
        QVERIFY2(got > 0.2, qPrintable(QStringLiteral("%1: %2").arg(expected.name()).arg(got)));
        QCOMPARE(share(plain, expected, false), 0.0);
        QVERIFY2(!seen.contains(expected.rgb()), "two states share a colour");
        seen.append(expected.rgb());
    }
}

void TestTrayIconEngine::drawnOncePerSize()
{
    TrayIconLook look;
    look.unread = 3;
    TrayIconEngine engine(look);
    const QPixmap a = engine.scaledPixmap(QSize(44, 44), QIcon::Normal, QIcon::Off, 2.0);
    const QPixmap again = engine.scaledPixmap(QSize(44, 44), QIcon::Normal, QIcon::Off, 2.0);
    QCOMPARE(engine.renderCount(), 1); // the second from the cache
    QCOMPARE(again.toImage(), a.toImage());
    QCOMPARE(a.devicePixelRatio(), 2.0);
    QCOMPARE(a.width(), 44);
    engine.scaledPixmap(QSize(16, 16), QIcon::Normal, QIcon::Off, 1.0);
    QCOMPARE(engine.renderCount(), 2);
}

void TestTrayIconEngine::darkPanelGetsTheLightGlyph()
{
    TrayIconLook look;
    look.connection = TrayIconLook::Connection::Connected;
    auto lightest = [](const QImage &image) {
        int best = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                if (image.pixelColor(x, y).alpha() > 200)
                    best = std::max(best, image.pixelColor(x, y).lightness());
        return best;
    };
    const int onLight = lightest(draw(look, 32, 1.0));
    look.darkPanel = true;
    const int onDark = lightest(draw(look, 32, 1.0));
    QVERIFY2(onLight < 100 && onDark > 200,
        qPrintable(QStringLiteral("%1 %2").arg(onLight).arg(onDark)));
}

QTEST_MAIN(TestTrayIconEngine)
#include "TestTrayIconEngine.moc"
