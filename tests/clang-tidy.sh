#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# tests/clang-tidy.sh [BUILD_DIR] [FOLDER...]
#
# Runs clang-tidy (the repo's .clang-tidy) over every translation unit of BUILD_DIR's
# compile_commands.json (default build/ci) that lives in app/, lib/ or tests/ (or only those
# under the FOLDERs given, e.g. lib/settings app/tray), never over generated files (moc, rcc,
# *_autogen). Prints each warning once (a header's warning shows up in every file including it),
# then the count per folder. Fails when there is any. Parallel jobs: CLANG_TIDY_JOBS (default 2).
set -euo pipefail

src=$(cd "$(dirname "$0")/.." && pwd)
build=$(realpath "${1:-$src/build/ci}")
shift || true
db=$build/compile_commands.json
tidy=$(command -v clang-tidy || command -v clang-tidy-14 || command -v clang-tidy-15 || true)
if [[ -z "$tidy" ]]; then
    echo "SKIP: clang-tidy not installed (packaging/install-deps.sh installs it)"
    exit 77
fi
if [[ ! -f "$db" ]]; then
    echo "no $db: configure with a preset first (cmake --preset ci)" >&2
    exit 2
fi

folders=("$@")
[[ ${#folders[@]} -eq 0 ]] && folders=(app lib tests)
mapfile -t files < <(python3 - "$db" "$src" "$build" "${folders[@]}" <<'PY'
import json, os, sys
db, src, build, *folders = sys.argv[1:]
seen = set()
for entry in json.load(open(db)):
    path = os.path.realpath(os.path.join(entry["directory"], entry["file"]))
    rel = os.path.relpath(path, src)
    if path.startswith(build + os.sep) or "_autogen" in path or rel.startswith(".."):
        continue  # generated: moc, rcc, mocs_compilation
    if not any(rel == f or rel.startswith(f.rstrip("/") + "/") for f in folders):
        continue
    if path not in seen:
        seen.add(path)
        print(path)
PY
)
if [[ ${#files[@]} -eq 0 ]]; then
    echo "no translation units under: ${folders[*]}" >&2
    exit 2
fi

out=$(mktemp)
trap 'rm -f "$out"' EXIT
echo "clang-tidy ($("$tidy" --version | grep -o 'version [0-9.]*')) over ${#files[@]} files, ${CLANG_TIDY_JOBS:-2} jobs"
# Each file's diagnostics in one write, so parallel runs do not interleave lines.
printf '%s\0' "${files[@]}" \
    | xargs -0 -P "${CLANG_TIDY_JOBS:-2}" -I{} sh -c \
        '"$0" -p "$1" --quiet --extra-arg=-Wno-unknown-warning-option "$2" 2>/dev/null' \
        "$tidy" "$build" {} \
        >"$out" || true

python3 - "$out" "$src" <<'PY'
import collections, os, re, sys
out, src = sys.argv[1:]
diag = re.compile(r"^(/[^:]+):(\d+):(\d+): (warning|error): (.*)$")
warnings = {}
for line in open(out, errors="replace"):
    m = diag.match(line.rstrip("\n"))
    if not m:
        continue
    path = os.path.relpath(m.group(1), src)
    if path.startswith("..") or "_autogen/" in path:
        continue  # not ours, or generated (moc output included by a test)
    key = (path, int(m.group(2)), int(m.group(3)), m.group(5))
    warnings.setdefault(key, m.group(4))
per_folder = collections.Counter()
per_check = collections.Counter()
check = re.compile(r"\[([a-z0-9.,-]+)\]$")
for (path, line, col, text), kind in sorted(warnings.items()):
    print(f"{path}:{line}:{col}: {kind}: {text}")
    parts = path.split("/")
    per_folder["/".join(parts[:2]) if len(parts) > 2 else parts[0]] += 1
    c = check.search(text)
    per_check[c.group(1) if c else kind] += 1
print()
for name, n in per_check.most_common():
    print(f"{n:6d}  {name}")
print()
for folder, n in sorted(per_folder.items()):
    print(f"{n:6d}  {folder}")
print(f"{len(warnings):6d}  warnings in total")
sys.exit(1 if warnings else 0)
PY
