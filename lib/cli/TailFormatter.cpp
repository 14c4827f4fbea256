// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "cli/TailFormatter.h"

#include "cli/TerminalText.h"
#include "json/JsonWriter.h"

#include <algorithm>

#include <QCryptographicHash>
#include <QDateTime>
#include <QSet>

namespace fedmsg {

namespace {

constexpr const char *Reset = "\033[0m";
constexpr const char *KeyColor = "\033[34;01m";
constexpr const char *StringColor = "\033[32m";
constexpr const char *NumberColor = "\033[36m";
constexpr const char *LiteralColor = "\033[35m";

JsonValue withoutCredentials(const JsonValue &body)
{
    JsonValue out = body;
    out.remove("signature");
    out.remove("certificate");
    return out;
}

void addString(QStringList &out, const JsonValue &v)
{
    if (v.isString() && !v.toStdString().empty())
        out << v.toQString();
}

void colorInto(std::string &out, const JsonValue &v, bool color, int indent, int level)
{
    auto paint = [&](const char *c, const std::string &text) {
        if (color)
            out += c;
        out += TerminalText::escape(QString::fromStdString(text)).toStdString();
        if (color)
            out += Reset;
    };
    const std::string pad(std::size_t(indent * (level + 1)), ' ');
    const std::string close(std::size_t(indent * level), ' ');
    switch (v.type()) {
    case JsonValue::Type::Object: {
        if (v.size() == 0) {
            out += "{}";
            return;
        }
        out += "{\n";
        bool first = true;
        for (const auto &[k, val] : v.object()) {
            if (!first)
                out += ",\n";
            first = false;
            out += pad;
            paint(KeyColor, JsonWriter::pretty(JsonValue(k), 0));
            out += ": ";
            colorInto(out, val, color, indent, level + 1);
        }
        out += "\n" + close + "}";
        return;
    }
    case JsonValue::Type::Array: {
        if (v.size() == 0) {
            out += "[]";
            return;
        }
        out += "[\n";
        bool first = true;
        for (const JsonValue &val : v.array()) {
            if (!first)
                out += ",\n";
            first = false;
            out += pad;
            colorInto(out, val, color, indent, level + 1);
        }
        out += "\n" + close + "]";
        return;
    }
    case JsonValue::Type::String:
        paint(StringColor, JsonWriter::pretty(v, 0));
        return;
    case JsonValue::Type::Integer:
    case JsonValue::Type::Float:
        paint(NumberColor, JsonWriter::pretty(v, 0));
        return;
    default:
        paint(LiteralColor, JsonWriter::pretty(v, 0));
        return;
    }
}

/// modname.topic: the topic without its first three components (fedmsg.meta's title).
QString shortTopic(const QString &topic)
{
    const QStringList parts = topic.split(QLatin1Char('.'));
    return parts.size() > 3 ? parts.mid(3).join(QLatin1Char('.')) : topic;
}

} // namespace

QString TailFormatter::untrustedMarker(const Envelope &env)
{
    QString reason = env.trustReason().isEmpty() ? trustStateName(env.trust()) : env.trustReason();
    if (reason.startsWith(QLatin1String("Untrusted: ")))
        reason = reason.mid(11);
    return QStringLiteral("UNTRUSTED (%1)").arg(TerminalText::escape(reason));
}

QStringList TailFormatter::usersOf(const Envelope &env) const
{
    if (m_render) {
        if (const auto r = m_render(env))
            return r->usernames;
    }
    QStringList out;
    const JsonValue &msg = env.msg();
    addString(out, msg["agent"]);
    addString(out, msg["username"]);
    addString(out, msg["owner"]);
    addString(out, msg["user"]);
    addString(out, msg["user"]["name"]);
    addString(out, msg["user"]["username"]);
    addString(out, msg["agent"]["name"]);
    out.removeDuplicates();
    return out;
}

QStringList TailFormatter::packagesOf(const Envelope &env) const
{
    if (m_render) {
        if (const auto r = m_render(env))
            return r->packages;
    }
    QStringList out;
    const JsonValue &msg = env.msg();
    addString(out, msg["package"]);
    addString(out, msg["package"]["name"]);
    for (const JsonValue &p : msg["packages"].array()) {
        addString(out, p);
        addString(out, p["name"]);
    }
    out.removeDuplicates();
    return out;
}

bool TailFormatter::passesUserPackageFilter(const Envelope &env) const
{
    auto intersects = [](const QStringList &a, const QStringList &b) {
        return std::any_of(a.begin(), a.end(), [&](const QString &x) {
            return b.contains(x);
        });
    };
    if (!m_users.isEmpty() && !intersects(usersOf(env), m_users))
        return false;
    if (!m_packages.isEmpty() && !intersects(packagesOf(env), m_packages))
        return false;
    return true;
}

QString TailFormatter::shortSummary(const Envelope &env)
{
    const JsonValue &msg = env.msg();
    QString text;
    if (msg["log"].isString())
        text = msg["log"].toQString();
    else if (msg.isString())
        text = msg.toQString();
    else
        text = QString::fromStdString(JsonWriter::canonical(msg));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    text = TerminalText::escape(text);
    constexpr int Max = 120;
    if (text.size() > Max)
        text = text.left(Max - 3) + QStringLiteral("...");
    return text;
}

QString TailFormatter::query(const JsonValue &body, const QStringList &paths)
{
    QStringList out;
    for (const QString &path : paths) {
        const JsonValue *v = &body;
        for (const QString &key : path.split(QLatin1Char('.'))) {
            bool isIndex = false;
            const int idx = key.toInt(&isIndex);
            if (v->isArray() && isIndex)
                v = &(*v)[std::size_t(idx)];
            else
                v = &(*v)[key.toStdString()];
        }
        out << TerminalText::escape(
            v->isString() ? v->toQString() : QString::fromStdString(JsonWriter::canonical(*v)));
    }
    return out.join(QLatin1Char(','));
}

QString TailFormatter::gourceLine(
    const Envelope &env, const QStringList &users, const QStringList &objects)
{
    // The old fedmsg-tail --gource format: timestamp|user|A|/service/topic/object|colour
    const QString topic = shortTopic(env.topic());
    const QString service = topic.section(QLatin1Char('.'), 0, 0);
    QString path = QLatin1Char('/') + QString(topic).replace(QLatin1Char('.'), QLatin1Char('/'));
    if (!objects.isEmpty())
        path += QLatin1Char('/') + objects.first();
    const QByteArray h =
        QCryptographicHash::hash(service.toUtf8(), QCryptographicHash::Md5).toHex();
    const QString user = users.isEmpty()
        ? (env.username().isEmpty() ? QStringLiteral("unknown") : env.username())
        : users.first();
    return QStringLiteral("%1|%2|A|%3|%4")
        .arg(qint64(env.timestamp()))
        .arg(TerminalText::escape(user),
            TerminalText::escape(path),
            QString::fromLatin1(h.left(6)).toUpper());
}

std::string TailFormatter::colorJson(const JsonValue &v, bool color, int indent)
{
    std::string out;
    colorInto(out, v, color, indent, 0);
    return out;
}

QString TailFormatter::format(const Envelope &env) const
{
    switch (m_mode) {
    case Mode::Json:
        return QString::fromStdString(env.canonicalBody());
    case Mode::Pretty: {
        const QString when = env.sentAt().isValid()
            ? env.sentAt().toLocalTime().toString(QStringLiteral("ddd MMM d HH:mm:ss yyyy"))
            : QStringLiteral("(no timestamp)");
        // The JSON writer escapes the strings' own newlines: the raw ones are its layout.
        return when + QLatin1Char('\n')
            + TerminalText::escape(
                QString::fromStdString(JsonWriter::pretty(withoutCredentials(env.body()), 4)),
                TerminalText::Layout::KeepNewlines);
    }
    case Mode::ReallyPretty:
        return QString::fromStdString(colorJson(withoutCredentials(env.body()), m_color, 2));
    case Mode::Query:
        return query(env.body(), m_query);
    case Mode::Terse: {
        if (m_render) {
            if (const auto r = m_render(env)) {
                QString line = TerminalText::escape(r->title) + QStringLiteral(" -- ")
                    + TerminalText::escape(r->subtitle);
                if (!r->link.isEmpty())
                    line += QLatin1Char(' ') + TerminalText::escape(r->link);
                return line;
            }
        }
        return TerminalText::escape(shortTopic(env.topic())) + QStringLiteral(" -- ")
            + shortSummary(env);
    }
    case Mode::Cowsay: {
        // fedmsg-tail --cowsay pipes msg2subtitle through cowsay
        if (m_render) {
            if (const auto r = m_render(env))
                return cowsay(
                    TerminalText::escape(r->subtitle, TerminalText::Layout::KeepNewlines));
        }
        return cowsay(shortSummary(env));
    }
    case Mode::Gource: {
        QStringList objects;
        if (m_render) {
            if (const auto r = m_render(env))
                objects = r->objects;
        }
        return gourceLine(env, usersOf(env), objects);
    }
    case Mode::Default:
        break;
    }
    const QString when = env.sentAt().isValid()
        ? env.sentAt().toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
        : QStringLiteral("-");
    // The canonical body is ASCII with every control escaped; the topic is the message's own.
    return QStringLiteral("[%1] %2 %3")
        .arg(when, TerminalText::escape(env.topic()), QString::fromStdString(env.canonicalBody()));
}

QString TailFormatter::cowsay(const QString &text, int width)
{
    // Text::Wrap as cowsay uses it: words on lines shorter than width, longer words cut,
    // tabs as spaces, one bubble line per wrapped line.
    const int max = std::max(1, width - 1);
    QStringList lines;
    for (QString para : text.split(QLatin1Char('\n'))) {
        para.replace(QLatin1Char('\t'), QStringLiteral("        "));
        QString line;
        for (QString word : para.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            while (word.size() > max) {
                if (!line.isEmpty()) {
                    lines << line;
                    line.clear();
                }
                lines << word.left(max);
                word = word.mid(max);
            }
            if (line.isEmpty())
                line = word;
            else if (line.size() + 1 + word.size() <= max)
                line += QLatin1Char(' ') + word;
            else {
                lines << line;
                line = word;
            }
        }
        lines << line;
    }
    qsizetype longest = 0;
    for (const QString &l : std::as_const(lines))
        longest = std::max(longest, l.size());
    QString out = QLatin1Char(' ') + QString(longest + 2, QLatin1Char('_')) + QLatin1Char('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QChar open = QLatin1Char('|');
        QChar close = QLatin1Char('|');
        if (lines.size() == 1) {
            open = QLatin1Char('<');
            close = QLatin1Char('>');
        } else if (i == 0) {
            open = QLatin1Char('/');
            close = QLatin1Char('\\');
        } else if (i == lines.size() - 1) {
            open = QLatin1Char('\\');
            close = QLatin1Char('/');
        }
        out += open + QLatin1Char(' ') + lines.at(i).leftJustified(longest) + QLatin1Char(' ')
            + close + QLatin1Char('\n');
    }
    out += QLatin1Char(' ') + QString(longest + 2, QLatin1Char('-')) + QLatin1Char('\n');
    out += QStringLiteral("        \\   ^__^\n"
                          "         \\  (oo)\\_______\n"
                          "            (__)\\       )\\/\\\n"
                          "                ||----w |\n"
                          "                ||     ||");
    return out;
}

} // namespace fedmsg
