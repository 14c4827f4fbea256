// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QString>

namespace fedmsg {

/**
 * @brief Makes untrusted text harmless on a terminal (fedmsg-tail's output and diagnostics).
 *
 * Anyone can publish on a bus, so anything a message contributes to a terminal goes through
 * here: C0 controls and DEL become \\xHH (\\n, \\r, \\t as such), C1 controls (U+0080–U+009F)
 * and the bidi controls (U+061C, U+200E/U+200F, U+202A–U+202E, U+2066–U+2069) become \\uXXXX.
 * Nothing else changes (backslashes are kept as they are). clip() bounds a diagnostic and says
 * how much it cut.
 * @code
 * out << TerminalText::escape(env.topic());                       // one line
 * out << TerminalText::escape(prettyJson, TerminalText::Layout::KeepNewlines);
 * CommandLineTool::error(TerminalText::clip(TerminalText::escape(reason), 1024));
 * @endcode
 */
class TerminalText
{
public:
    enum class Layout {
        SingleLine, ///< every control escaped
        KeepNewlines ///< \\n and \\t kept (text whose line breaks the format itself wrote)
    };

    static QString escape(const QString &text, Layout layout = Layout::SingleLine);
    /// True when escape() would change text.
    static bool needsEscape(const QString &text, Layout layout = Layout::SingleLine);
    /// At most maxBytes of UTF-8 (cut at a character boundary), then " [… N bytes cut]".
    static QString clip(const QString &text, qsizetype maxBytes);
};

} // namespace fedmsg
