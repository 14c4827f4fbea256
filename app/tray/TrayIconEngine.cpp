// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "TrayIconEngine.h"

#include <QFont>
#include <QFontMetricsF>
#include <QImageReader>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace fedmsg {

namespace {
enum class Emblem { None, Connecting, Down, NoBus, Paused, NoServer, Untrusted };

// One emblem at a time, the most pressing first: not receiving beats not showing.
Emblem emblemOf(const TrayIconLook &look)
{
    using C = TrayIconLook::Connection;
    if (look.connection == C::AllDown)
        return Emblem::Down;
    if (look.connection == C::NoBus)
        return Emblem::NoBus;
    if (look.paused)
        return Emblem::Paused;
    if (look.noNotificationServer)
        return Emblem::NoServer;
    if (look.untrustedSeen)
        return Emblem::Untrusted;
    if (look.connection == C::Connecting)
        return Emblem::Connecting;
    return Emblem::None;
}

QColor colorOf(Emblem emblem)
{
    switch (emblem) {
    case Emblem::None:
        return {};
    case Emblem::Connecting:
        return { 0xe5, 0xa5, 0x0a }; // amber
    case Emblem::Down:
        return { 0x7a, 0x0d, 0x18 }; // dark red
    case Emblem::NoBus:
        return { 0x77, 0x76, 0x7b }; // grey
    case Emblem::Paused:
        return { 0x1c, 0x71, 0xd8 }; // blue
    case Emblem::NoServer:
        return { 0x81, 0x3d, 0x9c }; // purple
    case Emblem::Untrusted:
        return { 0xe6, 0x61, 0x00 }; // orange
    }
    return {};
}
} // namespace

TrayIconEngine::TrayIconEngine(const TrayIconLook &look)
    : m_look(look)
{}

QColor TrayIconEngine::emblemColor(const TrayIconLook &look)
{
    return colorOf(emblemOf(look));
}

QString TrayIconEngine::badgeText(int unread)
{
    return unread > MaxBadgeCount ? QString::number(MaxBadgeCount) + QLatin1Char('+')
                                  : QString::number(unread);
}

QImage TrayIconEngine::render(int pixels) const
{
    QImage image(pixels, pixels, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    const qreal edge = pixels;

    // The symbolic glyph, drawn by the SVG reader at exactly this size (crisp at any scale).
    QImageReader reader(m_look.darkPanel
            ? QStringLiteral(":/fedmsg-notify/icons/fedmsg-notify-tray-on-dark.svg")
            : QStringLiteral(":/fedmsg-notify/icons/fedmsg-notify-tray-on-light.svg"));
    reader.setScaledSize(QSize(pixels, pixels));
    const QImage glyph = reader.read();
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setOpacity(m_look.paused ? 0.55 : 1.0);
    if (!glyph.isNull())
        p.drawImage(0, 0, glyph);
    else // no SVG reader: a plain bubble still says where the applet is
        p.fillRect(QRectF(edge * 0.1, edge * 0.1, edge * 0.8, edge * 0.65),
            m_look.darkPanel ? QColor(0xee, 0xee, 0xec) : QColor(0x2e, 0x34, 0x36));
    p.setOpacity(1.0);
    const qreal gap = std::max(1.0, edge / 16.0); // the cut-out ring around emblem and badge

    const Emblem emblem = emblemOf(m_look);
    if (emblem != Emblem::None) {
        const qreal r = edge * 0.25;
        const QPointF c(r + gap * 0.5, edge - r - gap * 0.5);
        p.setCompositionMode(QPainter::CompositionMode_Clear);
        p.setPen(Qt::NoPen);
        p.setBrush(Qt::black);
        p.drawEllipse(c, r + gap, r + gap);
        p.setCompositionMode(QPainter::CompositionMode_SourceOver);
        p.setBrush(colorOf(emblem));
        p.drawEllipse(c, r, r);
        QPen mark(Qt::white, std::max(1.0, r * 0.3), Qt::SolidLine, Qt::RoundCap);
        p.setPen(mark);
        const qreal k = r * 0.45;
        switch (emblem) {
        case Emblem::Down: // ×
            p.drawLine(c + QPointF(-k, -k), c + QPointF(k, k));
            p.drawLine(c + QPointF(-k, k), c + QPointF(k, -k));
            break;
        case Emblem::Paused: // ❚❚
            p.drawLine(c + QPointF(-k * 0.6, -k), c + QPointF(-k * 0.6, k));
            p.drawLine(c + QPointF(k * 0.6, -k), c + QPointF(k * 0.6, k));
            break;
        case Emblem::NoServer: // ―
        case Emblem::NoBus:
            p.drawLine(c + QPointF(-k, 0), c + QPointF(k, 0));
            break;
        case Emblem::Untrusted: // !
            p.drawLine(c + QPointF(0, -k), c + QPointF(0, k * 0.2));
            p.drawPoint(c + QPointF(0, k * 0.9));
            break;
        case Emblem::Connecting: // …
            p.drawPoint(c + QPointF(-k, 0));
            p.drawPoint(c);
            p.drawPoint(c + QPointF(k, 0));
            break;
        case Emblem::None:
            break;
        }
    }

    if (m_look.unread > 0) {
        const QString text = badgeText(m_look.unread);
        const qreal h = edge * 0.5;
        QFont font;
        font.setPixelSize(std::max(5, int(std::lround(h * 0.8))));
        font.setBold(true);
        const qreal w =
            std::min(edge, std::max(h, QFontMetricsF(font).horizontalAdvance(text) + h * 0.4));
        const QRectF badge(edge - w, 0, w, h);
        p.setCompositionMode(QPainter::CompositionMode_Clear);
        p.setPen(Qt::NoPen);
        p.setBrush(Qt::black);
        p.drawRoundedRect(badge.adjusted(-gap, -gap, gap, gap), h / 2 + gap, h / 2 + gap);
        p.setCompositionMode(QPainter::CompositionMode_SourceOver);
        p.setBrush(badgeColor());
        p.drawRoundedRect(badge, h / 2, h / 2);
        p.setPen(Qt::white);
        p.setFont(font);
        p.drawText(badge, Qt::AlignCenter, text);
    }
    return image;
}

QPixmap TrayIconEngine::scaledPixmap(
    const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale)
{
    Q_UNUSED(state)
    // QIcon::pixmap(size, dpr) asks for size already in device pixels, with the ratio to set.
    const int pixels = std::max(1, std::min(size.width(), size.height()));
    const int key = pixels * 4 + (mode == QIcon::Disabled ? 1 : 0);
    auto it = m_cache.constFind(key);
    if (it == m_cache.constEnd()) {
        QImage image = render(pixels);
        ++m_renders;
        if (mode == QIcon::Disabled) {
            QPainter p(&image);
            p.setCompositionMode(QPainter::CompositionMode_DestinationIn);
            p.fillRect(image.rect(), QColor(0, 0, 0, 110));
        }
        it = m_cache.insert(key, QPixmap::fromImage(image));
    }
    QPixmap pixmap = *it;
    pixmap.setDevicePixelRatio(scale);
    return pixmap;
}

QPixmap TrayIconEngine::pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state)
{
    return scaledPixmap(size, mode, state, 1.0);
}

void TrayIconEngine::paint(
    QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state)
{
    const qreal scale = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    painter->drawPixmap(rect, scaledPixmap(rect.size() * scale, mode, state, scale));
}

QSize TrayIconEngine::actualSize(const QSize &size, QIcon::Mode /*mode*/, QIcon::State /*state*/)
{
    const int edge = std::min(size.width(), size.height());
    return { edge, edge };
}

QIconEngine *TrayIconEngine::clone() const
{
    return new TrayIconEngine(m_look);
}

QString TrayIconEngine::key() const
{
    return QStringLiteral("fedmsg-tray");
}

QList<QSize> TrayIconEngine::availableSizes(QIcon::Mode /*mode*/, QIcon::State /*state*/)
{
    // What an SNI host gets as IconPixmap (and XEmbed picks from): the usual panel sizes.
    return {
        QSize(16, 16), QSize(22, 22), QSize(24, 24), QSize(32, 32), QSize(48, 48), QSize(64, 64)
    };
}

} // namespace fedmsg
