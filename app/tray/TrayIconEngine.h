// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "TrayIconLook.h"

#include <QColor>
#include <QHash>
#include <QIconEngine>
#include <QPixmap>

namespace fedmsg {

/**
 * @brief Draws the tray icon for one TrayIconLook at whatever size and device-pixel ratio the
 * tray asks for: the symbolic glyph (light or dark variant from resources/icons), a state
 * emblem in the lower left and the unread count as a badge in the upper right, all in
 * proportion to the size asked for (never placed from the tray's geometry). Pixmaps are cached
 * per pixel size; a new look is a new engine.
 */
class TrayIconEngine : public QIconEngine
{
public:
    explicit TrayIconEngine(const TrayIconLook &look);

    TrayIconLook look() const { return m_look; }
    /// The emblem colour of a look (invalid when it draws no emblem); tests compare pixels to it.
    static QColor emblemColor(const TrayIconLook &look);
    static QColor badgeColor() { return { 0xc0, 0x1c, 0x28 }; }
    /// The highest count the badge spells out; above it reads "99+".
    static constexpr int MaxBadgeCount = 99;
    /// "7", "99+": what the badge reads.
    static QString badgeText(int unread);
    /// How many pixmaps were drawn (not taken from the cache) since construction.
    int renderCount() const { return m_renders; }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    /// @p size in device pixels (as QIcon::pixmap(size, dpr) passes it); @p scale is set as
    /// the pixmap's device-pixel ratio.
    QPixmap scaledPixmap(
        const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override;
    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QIconEngine *clone() const override;
    QString key() const override;
    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override;

private:
    QImage render(int pixels) const;

    TrayIconLook m_look;
    QHash<int, QPixmap> m_cache; ///< by edge length in device pixels
    int m_renders = 0;
};

} // namespace fedmsg
