#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""check-manifest.py MANIFEST: what packaging/check.sh can check of the Flatpak manifest without
the runtime: it parses (YAML or JSON), has the keys flatpak-builder needs, uses the KDE 6 runtime,
names the application ID of the desktop entry, and its finish-args are exactly the permissions
README's "Installing" section explains (a new one must be argued there and added here)."""
import json
import os
import sys

ALLOWED = {
    "--share=network",
    "--socket=wayland",
    "--socket=fallback-x11",
    "--share=ipc",
    "--talk-name=org.freedesktop.Notifications",
    "--talk-name=org.kde.StatusNotifierWatcher",
    "--own-name=org.kde.StatusNotifierItem-2-1",
    "--talk-name=org.freedesktop.secrets",
    "--system-talk-name=org.freedesktop.login1",
    "--system-talk-name=org.freedesktop.NetworkManager",
    "--filesystem=host-etc:ro",
    "--filesystem=~/.fedmsg.d:ro",
    "--filesystem=xdg-config/fedora-messaging:ro",
}
BUILDSYSTEMS = {"autotools", "cmake", "cmake-ninja", "meson", "simple", "qmake"}
SOURCE_TYPES = {"archive", "git", "bzr", "svn", "dir", "file", "script", "shell", "patch",
                "extra-data", "inline"}


def load(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if path.endswith(".json"):
        return json.loads(text)
    import yaml  # python3-yaml
    return yaml.safe_load(text)


def main(path):
    errors = []
    m = load(path)
    if not isinstance(m, dict):
        return [f"{path}: not a mapping"]
    app_id = m.get("app-id") or m.get("id")
    if app_id != os.path.basename(path).rsplit(".", 1)[0]:
        errors.append(f"app-id {app_id!r} is not the file's name")
    if app_id != "org.fedoraproject.FedmsgNotify":
        errors.append("app-id is not the application ID org.fedoraproject.FedmsgNotify")
    if m.get("runtime") != "org.kde.Platform" or m.get("sdk") != "org.kde.Sdk":
        errors.append("runtime/sdk are not org.kde.Platform/org.kde.Sdk")
    if not str(m.get("runtime-version", "")).startswith("6."):
        errors.append(f"runtime-version {m.get('runtime-version')!r} is not a KDE 6.x runtime")
    if not m.get("command"):
        errors.append("no command")
    args = m.get("finish-args") or []
    if len(args) != len(set(args)):
        errors.append("finish-args has duplicates")
    for extra in sorted(set(args) - ALLOWED):
        errors.append(f"finish-args: {extra} is not among the explained permissions")
    for missing in sorted(ALLOWED - set(args)):
        errors.append(f"finish-args: {missing} is missing")
    modules = m.get("modules")
    if not isinstance(modules, list) or not modules:
        errors.append("no modules")
        modules = []
    here = os.path.dirname(os.path.abspath(path))
    for i, mod in enumerate(modules):
        if not isinstance(mod, dict) or not mod.get("name"):
            errors.append(f"module {i}: no name")
            continue
        name = mod["name"]
        if mod.get("buildsystem", "autotools") not in BUILDSYSTEMS:
            errors.append(f"module {name}: unknown buildsystem {mod.get('buildsystem')!r}")
        sources = mod.get("sources")
        if not isinstance(sources, list) or not sources:
            errors.append(f"module {name}: no sources")
            continue
        for s in sources:
            if not isinstance(s, dict) or s.get("type") not in SOURCE_TYPES:
                errors.append(f"module {name}: a source without a known type")
            elif s["type"] == "git" and not s.get("url"):
                errors.append(f"module {name}: git source without url")
            elif s["type"] == "archive" and not (s.get("url") and s.get("sha256")):
                errors.append(f"module {name}: archive source needs url and sha256")
            elif s["type"] == "dir" and not os.path.isfile(
                    os.path.join(here, s.get("path", ""), "CMakeLists.txt")):
                errors.append(f"module {name}: dir source {s.get('path')!r} is not the project")
    if not modules or modules[-1].get("name") != "fedmsg-notify":
        errors.append("the last module is not fedmsg-notify")
    return errors


if __name__ == "__main__":
    problems = main(sys.argv[1])
    for p in problems:
        print(f"{sys.argv[1]}: {p}", file=sys.stderr)
    if not problems:
        print(f"{sys.argv[1]}: manifest OK")
    sys.exit(1 if problems else 0)
