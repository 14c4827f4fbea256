#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# packaging/check.sh [BUILD_DIR]: the packaging checks of CI (tests/ci.sh runs it after the ci
# preset's tests, with that preset's build folder; default build/ci, which must be configured).
#   1. what `cmake --install` installs, staged: desktop-file-validate (desktop and autostart
#      entries), appstreamcli validate --no-net (metainfo), the D-Bus .service file's name and
#      Exec, the icons, the man pages through groff's warnings;
#   2. the source tarball (`--target dist`), then the .deb from it with dpkg-buildpackage -us -uc -b
#      and DEB_BUILD_OPTIONS="nocheck noopt noautodbgsym" (the tests ran in tests/ci.sh already;
#      nocheck builds the programs only, -O0 and no debug-symbol packages save minutes), lintian
#      (fails on errors), and the packaged programs' --version;
#   3. rpmlint on the spec and rpmbuild -bb from the same tarball (on Debian with --nodeps and
#      the Fedora macros of packaging/rpm/macros.debian-compat; --without tests, the validators
#      of %check still run) — its build, install and %check steps really run;
#   4. the Flatpak manifest: parses, has the keys flatpak-builder needs, and no permission
#      beyond the list README's "Installing" section explains (the runtime is not downloadable
#      here, so it is not built).
# The package builds happen under a fixed folder (FEDMSG_PKG_DIR, default
# /var/tmp/fedmsg-notify-packaging) so compiler caches hit whatever folder the clone is in
# (Debian's flags carry the build path), with ccache when installed. Exit status: non-zero when
# any check failed; every step runs regardless.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=$(realpath -m "${1:-build/ci}")
pkg=${FEDMSG_PKG_DIR:-/var/tmp/fedmsg-notify-packaging}
app_id=org.fedoraproject.FedmsgNotify
status=0
failed=()
fail() { echo "packaging/check.sh: FAILED: $*" >&2; failed+=("$1"); status=1; }
step() { echo "== packaging/check.sh: $*"; }
start_all=$SECONDS

if [[ ! -f $build/CMakeCache.txt ]]; then
    echo "packaging/check.sh: $build is not a configured build folder" >&2
    exit 2
fi
mkdir -p "$pkg"
exec 9>"$pkg/.lock"
flock 9 # one run at a time in the shared folder
if command -v ccache >/dev/null; then
    # debhelper moves HOME for the build; keep the one cache.
    CCACHE_DIR=$(ccache -k cache_dir)
    export CCACHE_DIR
fi
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
name=fedmsg-notify

# --- 1. installed files -------------------------------------------------------------------------
step "install rules and validators"
t=$SECONDS
stage=$pkg/stage
rm -rf "$stage"
if cmake --build "$build" --target fedmsg-notify fedmsg-tail fedmsg-logger >/dev/null \
    && DESTDIR=$stage cmake --install "$build" >"$pkg/install.log"; then
    prefix=$(sed -n 's/^CMAKE_INSTALL_PREFIX:PATH=//p' "$build/CMakeCache.txt")
    sysconf=$(sed -n 's/^CMAKE_INSTALL_FULL_SYSCONFDIR:INTERNAL=//p' "$build/CMakeCache.txt")
    [[ -n $sysconf ]] || sysconf=$(cmake -L -N "$build" 2>/dev/null | sed -n 's/^CMAKE_INSTALL_SYSCONFDIR:PATH=//p')
    share=$stage$prefix/share
    desktop=$share/applications/$app_id.desktop
    autostart=$(find "$stage" -path "*/xdg/autostart/$app_id.desktop" | head -1)
    for f in "$stage$prefix/bin/fedmsg-notify" "$stage$prefix/bin/fedmsg-tail" \
        "$stage$prefix/bin/fedmsg-logger" "$desktop" "$share/dbus-1/services/$app_id.service" \
        "$share/metainfo/$app_id.metainfo.xml" "$share/icons/hicolor/scalable/apps/$app_id.svg" \
        "$share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg" \
        "$share/icons/hicolor/48x48/apps/$app_id.png" "$share/man/man1/fedmsg-notify.1" \
        "$share/man/man1/fedmsg-tail.1" "$share/man/man1/fedmsg-logger.1" "$autostart"; do
        [[ -n $f && -s $f ]] || fail "installed file missing: ${f#"$stage"}"
    done
    desktop-file-validate "$desktop" || fail desktop-file-validate
    [[ -n $autostart ]] && { desktop-file-validate "$autostart" || fail "desktop-file-validate (autostart)"; }
    grep -qx 'DBusActivatable=true' "$desktop" || fail "desktop entry is not DBusActivatable"
    grep -q -- '--background$' "$autostart" || fail "autostart entry does not start --background"
    if grep -E '^X-' "$autostart"; then fail "autostart entry has desktop-specific keys"; fi
    service=$share/dbus-1/services/$app_id.service
    grep -qx "Name=$app_id" "$service" || fail "D-Bus service file names another bus name"
    grep -qx "Exec=$prefix/bin/fedmsg-notify --background" "$service" || fail "D-Bus service Exec"
    legacy=$share/dbus-1/services/org.fedoraproject.fedmsg.notify.service
    grep -qx "Name=org.fedoraproject.fedmsg.notify" "$legacy" || fail "legacy D-Bus service file"
    grep -qx "Exec=$prefix/bin/fedmsg-notify --background" "$legacy" || fail "legacy D-Bus service Exec"
    appstreamcli validate --no-net "$share/metainfo/$app_id.metainfo.xml" || fail "appstreamcli validate"
    for m in "$share"/man/man1/*.1; do
        out=$(LC_ALL=C.UTF-8 groff -man -ww -z -Tutf8 "$m" 2>&1)
        [[ -z $out ]] || { echo "$out"; fail "groff warnings in ${m##*/}"; }
    done
else
    fail "cmake --install"
fi
echo "== packaging/check.sh: install checks $((SECONDS - t)) s"

# --- 2. source tarball and .deb -----------------------------------------------------------------
step "source tarball"
tarball=$build/$name-$version.tar.gz
cmake --build "$build" --target dist >/dev/null && [[ -s $tarball ]] || fail "dist target"

step ".deb (dpkg-buildpackage -us -uc -b)"
t=$SECONDS
deb=$pkg/deb
if [[ -s $tarball ]]; then
    # A fresh tree each time (the tarball's file times are the last commit's, so an old build
    # folder could look newer than an edited file); ccache makes the rebuild cheap.
    rm -rf "$deb"
    mkdir -p "$deb"
    tar -xzf "$tarball" -C "$deb"
    # noopt (-O0) and noautodbgsym keep the compile and lintian quick; the hardening flags stay.
    if (cd "$deb/$name-$version" && DEB_BUILD_OPTIONS="nocheck noopt noautodbgsym parallel=2" \
        dpkg-buildpackage -us -uc -b >"$deb/build.log" 2>&1); then
        ls -l "$deb"/*.deb
        lintian --fail-on error --suppress-tags initial-upload-closes-no-bugs \
            "$deb"/*.changes || fail lintian
        x=$deb/extracted
        rm -rf "$x"
        for d in "$deb"/*.deb; do dpkg-deb -x "$d" "$x"; done
        for p in fedmsg-notify fedmsg-tail fedmsg-logger; do
            v=$("$x/usr/bin/$p" --version 2>&1) && [[ $v == *"$version"* ]] \
                || fail "$p --version from the .deb: $v"
        done
        for f in usr/share/applications/$app_id.desktop usr/share/dbus-1/services/$app_id.service \
            etc/xdg/autostart/$app_id.desktop usr/share/metainfo/$app_id.metainfo.xml \
            usr/share/man/man1/fedmsg-notify.1.gz usr/share/icons/hicolor/scalable/apps/$app_id.svg; do
            [[ -s $x/$f ]] || fail "not in the .deb: /$f"
        done
    else
        tail -40 "$deb/build.log"
        fail dpkg-buildpackage
    fi
fi
echo "== packaging/check.sh: .deb $((SECONDS - t)) s"

# --- 3. RPM -------------------------------------------------------------------------------------
step "rpmlint and rpmbuild -bb"
t=$SECONDS
spec=packaging/rpm/$name.spec
rpmlint "$spec" || fail "rpmlint $spec"
top=$pkg/rpm
if [[ -s $tarball ]]; then
    rm -rf "$top/RPMS" "$top/BUILDROOT" "$top/SOURCES"
    mkdir -p "$top/SOURCES"
    cp "$tarball" "$top/SOURCES/"
    rpm_args=(-bb --define "_topdir $top" --define "debug_package %{nil}" --without tests)
    if ! rpm --eval '%{?cmake:yes}' | grep -q yes; then
        # Not Fedora: its BuildRequires cannot be met by rpm's database, and its macros are added.
        rpm_args+=(--nodeps --load "$root/packaging/rpm/macros.debian-compat")
    fi
    if rpmbuild "${rpm_args[@]}" "$spec" >"$top/build.log" 2>&1; then
        find "$top/RPMS" -name '*.rpm' -printf '%p %s bytes\n'
        files=$(rpm -qlp "$top"/RPMS/*/"$name-$version"-*.rpm)
        for f in /usr/bin/fedmsg-notify /usr/share/applications/$app_id.desktop \
            /usr/share/dbus-1/services/$app_id.service /etc/xdg/autostart/$app_id.desktop \
            /usr/share/metainfo/$app_id.metainfo.xml /usr/share/licenses/$name/LICENSE; do
            grep -qx "$f" <<<"$files" || fail "not in the RPM: $f"
        done
        files=$(rpm -qlp "$top"/RPMS/*/"$name-tools-$version"-*.rpm)
        for f in /usr/bin/fedmsg-tail /usr/bin/fedmsg-logger; do
            grep -qx "$f" <<<"$files" || fail "not in the tools RPM: $f"
        done
    else
        tail -40 "$top/build.log"
        fail rpmbuild
    fi
fi
echo "== packaging/check.sh: rpm $((SECONDS - t)) s"

# --- 4. Flatpak manifest ------------------------------------------------------------------------
step "Flatpak manifest (syntax, keys and permissions; not built: no runtime download here)"
"$(command -v /usr/bin/python3 || command -v python3)" packaging/flatpak/check-manifest.py "packaging/flatpak/$app_id.yml" || fail "flatpak manifest"

echo "== packaging/check.sh: $((SECONDS - start_all)) s in all"
if ((status)); then
    echo "packaging/check.sh: failed: ${failed[*]}" >&2
else
    echo "packaging/check.sh: all packaging checks passed"
fi
exit $status
