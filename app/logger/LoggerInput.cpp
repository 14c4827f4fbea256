// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "LoggerInput.h"

#include "bus/BusConfig.h"
#include "cli/CommandLineTool.h"
#include "json/JsonParser.h"

#include <QCoreApplication>
#include <QStringDecoder>

#include <string>

using namespace fedmsg;

namespace {

std::optional<JsonValue> parseJson(const std::string &text)
{
    JsonParseError e;
    std::optional<JsonValue> v = JsonParser::parse(text, &e);
    if (!v)
        CommandLineTool::error(QCoreApplication::translate("fedmsg-logger", "--json-input: %1")
                                   .arg(QString::fromStdString(e.toString())));
    return v;
}

} // namespace

LoggerInput::LoggerInput(std::FILE *file, std::optional<QString> message, bool jsonInput)
    : m_message(std::move(message))
    , m_jsonInput(jsonInput)
    , m_maxBytes(BusConfig {}.maxMessageSize)
    , m_lines(file, m_maxBytes)
{}

bool LoggerInput::prepare()
{
    if (m_message) {
        const std::string text = m_message->toStdString();
        if (m_jsonInput) {
            auto v = parseJson(text);
            if (!v)
                return false;
            m_given << *v;
        } else {
            m_given << JsonValue(JsonValue::Object { { "log", JsonValue(text) } });
        }
    } else if (m_jsonInput) {
        QByteArray all;
        if (m_lines.readAll(&all) == InputLines::Result::TooLong) {
            CommandLineTool::error(QCoreApplication::translate("fedmsg-logger",
                "--json-input: %1 bytes, over the message size limit of %2 bytes; "
                "not sent")
                                       .arg(m_lines.refusedSize())
                                       .arg(m_maxBytes));
            return false;
        }
        auto v = parseJson(all.toStdString());
        if (!v)
            return false;
        m_given << *v;
    }
    return true;
}

std::optional<JsonValue> LoggerInput::next()
{
    if (m_message || m_jsonInput)
        return m_next < m_given.size() ? std::optional<JsonValue>(m_given.at(m_next++))
                                       : std::nullopt;
    QByteArray line;
    while (true) {
        const InputLines::Result r = m_lines.next(&line);
        if (r == InputLines::Result::End)
            return std::nullopt;
        if (r == InputLines::Result::TooLong) {
            CommandLineTool::error(QCoreApplication::translate("fedmsg-logger",
                "stdin line %1: %2 bytes, over the message size limit of %3 "
                "bytes; not sent")
                                       .arg(m_lines.lineNumber())
                                       .arg(m_lines.refusedSize())
                                       .arg(m_maxBytes));
            m_status = 1;
            continue;
        }
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString text = utf8.decode(line);
        if (utf8.hasError()) {
            // Python would have stopped with a UnicodeDecodeError; replacing bytes silently
            // would send something the user did not write.
            CommandLineTool::error(QCoreApplication::translate(
                "fedmsg-logger", "stdin line %1: not valid UTF-8; not sent")
                                       .arg(m_lines.lineNumber()));
            m_status = 1;
            continue;
        }
        // Python: one message per stdin line, stripped.
        return JsonValue(JsonValue::Object { { "log", JsonValue(text.trimmed()) } });
    }
}
