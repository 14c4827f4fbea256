// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

namespace fedmsg {

/**
 * @brief The characters of a message's text that must never reach a terminal or a popup as they
 * are (messages are untrusted input).
 *
 * One definition for every place that shows message text: fedmsg-tail escapes them
 * (TerminalText), the notifier drops them (DBusNotifier::plainText).
 */
class UnsafeText
{
public:
    /// C0 controls (newline and tab included: callers decide where their layout allows them),
    /// DEL and C1 controls (CSI, OSC, NEL...).
    static constexpr bool isControl(char16_t c) { return c < 0x20 || (c >= 0x7F && c <= 0x9F); }
    /// Bidi controls: ALM, LRM, RLM, LRE..RLO, LRI..PDI (they reorder what a reader sees).
    static constexpr bool isBidiControl(char16_t c)
    {
        return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E)
            || (c >= 0x2066 && c <= 0x2069);
    }
};

} // namespace fedmsg
