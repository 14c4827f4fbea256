#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Renders the committed hicolor PNGs from resources/icons/fedmsg-notify.svg (needs rsvg-convert,
# Debian package librsvg2-bin). Run it after changing the SVG and commit the result; the build
# installs the committed files and does not need rsvg-convert.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
svg="$here/../../resources/icons/fedmsg-notify.svg"
for size in 16 22 24 32 48 64 128 256 512; do
    mkdir -p "$here/hicolor/${size}x${size}"
    rsvg-convert -w "$size" -h "$size" -o "$here/hicolor/${size}x${size}/org.fedoraproject.FedmsgNotify.png" "$svg"
done
