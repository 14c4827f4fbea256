#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# make-dist.sh SOURCE_DIR OUTPUT.tar.gz PREFIX: the source tarball the .deb and RPM builds start
# from (`cmake --build <dir> --target dist` runs it). It holds the files git knows of in the work
# tree as they are now (tracked, and new ones not ignored), so uncommitted edits are packaged too;
# build folders are ignored by .gitignore and left out. The file times are the last commit's, so
# the same tree gives the same tarball.
set -euo pipefail
src=$1 out=$2 prefix=$3
cd "$src"
stamp=$(git log -1 --format=%ct 2>/dev/null || echo 0)
git ls-files -z --cached --others --exclude-standard \
    | while IFS= read -r -d '' f; do [[ -e $f ]] && printf '%s\0' "$f"; done \
    | LC_ALL=C sort -z \
    | tar --null -T - --transform "s|^|$prefix/|" --owner=0 --group=0 --numeric-owner \
        --mtime="@$stamp" -cf - \
    | gzip -n >"$out.tmp"
mv "$out.tmp" "$out"
