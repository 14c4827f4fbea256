#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Differential test of the C++ JSON parser/canonical writer against CPython's json module:
#   python_differential.py FUZZ_JSON_CANON CORPUS_DIR [MAX_FILES]
# For every file: strict UTF-8 decode + json.loads + dumps(sort_keys, compact) in Python, and the
# same through fuzz_json_canon; prints each difference and "N same, M different"; exit 1 if M > 0.
# The error texts are those of CPython 3.11/3.12 (3.13 reworded some), so other versions skip.
import json
import os
import subprocess
import sys


def python_line(path):
    data = open(path, 'rb').read()
    try:
        value = json.loads(data.decode('utf-8'))
        return 'OK ' + json.dumps(value, sort_keys=True, separators=(',', ':'))
    except Exception as e:  # noqa: BLE001 - the exception text is the result
        return 'ERR %s: %s' % (type(e).__name__, e)


def main():
    if sys.version_info[:2] not in ((3, 11), (3, 12)):
        print('skipped: needs CPython 3.11 or 3.12 for identical error texts, this is %s' % sys.version.split()[0])
        return 0
    tool, corpus = sys.argv[1], sys.argv[2]
    limit = int(sys.argv[3]) if len(sys.argv) > 3 else 5000
    files = sorted(os.path.join(corpus, f) for f in os.listdir(corpus))[:limit]
    same = different = 0
    for start in range(0, len(files), 500):
        chunk = files[start:start + 500]
        out = subprocess.run([tool] + chunk, capture_output=True, check=True).stdout
        lines = out.decode('utf-8', 'replace').split('\n')
        for path, line in zip(chunk, lines):
            expected = path + '\t' + python_line(path)
            if line == expected:
                same += 1
            else:
                different += 1
                print('DIFF %s\n  c++:    %s\n  python: %s' % (path, line[len(path) + 1:][:300], expected[len(path) + 1:][:300]))
    print('%d same, %d different' % (same, different))
    return 1 if different else 0


if __name__ == '__main__':
    sys.exit(main())
