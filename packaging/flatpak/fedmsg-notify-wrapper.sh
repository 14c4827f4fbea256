#!/bin/sh
# SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# /app/bin/fedmsg-notify inside the Flatpak: hands the host's configuration to the applet.
if [ -d /run/host/etc/fedmsg.d ]; then
    set -- --config /run/host/etc/fedmsg.d "$@"
fi
if [ -n "$XDG_CONFIG_HOME" ] && [ -d "$HOME/.config/fedora-messaging" ] \
    && [ ! -e "$XDG_CONFIG_HOME/fedora-messaging" ]; then
    mkdir -p "$XDG_CONFIG_HOME" && ln -s "$HOME/.config/fedora-messaging" "$XDG_CONFIG_HOME/fedora-messaging"
fi
exec /app/bin/fedmsg-notify-bin "$@"
