#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Installs everything needed to build fedmsg-notify and run its whole test suite headless.
#   packaging/install-deps.sh            build + test dependencies
#   packaging/install-deps.sh --build    build dependencies only
# Debian 12 (apt-get) and Fedora (dnf). Non-interactive; waits for the dpkg lock.
set -euo pipefail

want_tests=1
[[ "${1:-}" == "--build" ]] && want_tests=0

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
    sudo_cmd=(sudo)
fi

debian_build=(cmake ninja-build g++ pkg-config ccache git
    qt6-base-dev qt6-tools-dev qt6-l10n-tools qt6-translations-l10n libqt6sql6-sqlite libqt6svg6 libsqlite3-dev
    libzmq3-dev cppzmq-dev libssl-dev qtkeychain-qt6-dev librabbitmq-dev libtomlplusplus-dev
    clang-format clang-tidy)
debian_test=(xvfb xauth x11-utils dbus dunst gnome-keyring trayer imagemagick fonts-dejavu-core
    libglib2.0-bin rabbitmq-server openssl procps iproute2 clang libclang-rt-14-dev)

fedora_build=(cmake ninja-build gcc-c++ pkgconf ccache git
    qt6-qtbase-devel qt6-qttools-devel qt6-linguist qt6-qttranslations qt6-qtsvg
    zeromq-devel cppzmq-devel openssl-devel qtkeychain-qt6-devel librabbitmq-devel tomlplusplus-devel
    sqlite-devel
    clang-tools-extra)
fedora_test=(xorg-x11-server-Xvfb xorg-x11-xauth xorg-x11-utils dbus-daemon dunst gnome-keyring trayer
    ImageMagick dejavu-sans-fonts glib2 rabbitmq-server openssl procps-ng iproute clang compiler-rt)

# packaging/check.sh (run by tests/ci.sh): validators, .deb and RPM builds, lint.
debian_packaging=(desktop-file-utils appstream groff-base dpkg-dev debhelper fakeroot lintian
    rpm rpmlint python3-yaml)
fedora_packaging=(desktop-file-utils appstream groff-base rpm-build rpmlint python3-pyyaml
    dpkg-dev debhelper lintian)

if command -v apt-get >/dev/null 2>&1; then
    pkgs=("${debian_build[@]}")
    ((want_tests)) && pkgs+=("${debian_test[@]}" "${debian_packaging[@]}")
    missing=()
    for p in "${pkgs[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    if ((${#missing[@]})); then
        export DEBIAN_FRONTEND=noninteractive
        "${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=300 update -q
        "${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends "${missing[@]}"
    fi
    # The rabbitmq-server package starts a system broker; the tests run their own private one.
    if ((want_tests)) && command -v systemctl >/dev/null 2>&1 && systemctl is-active -q rabbitmq-server 2>/dev/null; then
        "${sudo_cmd[@]}" systemctl stop rabbitmq-server || true
    fi
elif command -v dnf >/dev/null 2>&1; then
    pkgs=("${fedora_build[@]}")
    ((want_tests)) && pkgs+=("${fedora_test[@]}" "${fedora_packaging[@]}")
    "${sudo_cmd[@]}" dnf install -y "${pkgs[@]}"
else
    echo "install-deps.sh: neither apt-get nor dnf found; install the packages listed in this script by hand" >&2
    exit 1
fi
