// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "cli/TerminalText.h"
#include "message/UnsafeText.h"

#include <algorithm>
#include <string_view>

namespace fedmsg {

namespace {

bool mustEscape(char16_t c, TerminalText::Layout layout)
{
    if (layout == TerminalText::Layout::KeepNewlines && (c == u'\n' || c == u'\t'))
        return false;
    return UnsafeText::isControl(c) || UnsafeText::isBidiControl(c);
}

void appendEscaped(QString &out, char16_t c)
{
    constexpr std::u16string_view Hex = u"0123456789abcdef";
    switch (c) {
    case u'\n':
        out += QLatin1String("\\n");
        return;
    case u'\r':
        out += QLatin1String("\\r");
        return;
    case u'\t':
        out += QLatin1String("\\t");
        return;
    default:
        break;
    }
    if (c < 0x80) {
        out += QLatin1String("\\x");
        out += QChar(Hex[(c >> 4) & 0xF]);
        out += QChar(Hex[c & 0xF]);
        return;
    }
    out += QLatin1String("\\u");
    for (int shift = 12; shift >= 0; shift -= 4)
        out += QChar(Hex[(c >> shift) & 0xF]);
}

} // namespace

bool TerminalText::needsEscape(const QString &text, Layout layout)
{
    return std::ranges::any_of(text, [layout](QChar ch) {
        return mustEscape(ch.unicode(), layout);
    });
}

QString TerminalText::escape(const QString &text, Layout layout)
{
    if (!needsEscape(text, layout))
        return text;
    QString out;
    out.reserve(text.size() + 16);
    for (const QChar ch : text) {
        const char16_t c = ch.unicode();
        if (mustEscape(c, layout))
            appendEscaped(out, c);
        else
            out += ch;
    }
    return out;
}

QString TerminalText::clip(const QString &text, qsizetype maxBytes)
{
    // Cheap bound first: a UTF-16 unit is at most 3 UTF-8 bytes.
    if (text.size() * 3 <= maxBytes)
        return text;
    const QByteArray utf8 = text.toUtf8();
    if (utf8.size() <= maxBytes)
        return text;
    qsizetype cut = std::max<qsizetype>(0, maxBytes);
    while (cut > 0 && (static_cast<unsigned char>(utf8.at(cut)) & 0xC0) == 0x80)
        --cut; // not inside a UTF-8 sequence
    return QString::fromUtf8(utf8.constData(), cut)
        + QStringLiteral(" [… %1 bytes cut]").arg(utf8.size() - cut);
}

} // namespace fedmsg
