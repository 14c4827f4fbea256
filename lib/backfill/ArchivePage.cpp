// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "backfill/ArchivePage.h"

#include "json/JsonParser.h"

#include <limits>

namespace fedmsg {

std::optional<ArchivePage> ArchivePage::parse(const QByteArray &body, QString *error)
{
    auto fail = [error](const QString &why) -> std::optional<ArchivePage> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    JsonParseError parseError;
    std::optional<JsonValue> root = JsonParser::parse(
        std::string_view(body.constData(), std::size_t(body.size())), &parseError);
    if (!root)
        return fail(QStringLiteral("the archive's page is not JSON (%1)")
                        .arg(QString::fromStdString(parseError.pythonText())));
    if (!root->isObject())
        return fail(QStringLiteral("the archive's page is not a JSON object"));
    if (const JsonValue *err = root->find("error"))
        return fail(QStringLiteral("the archive answered with an error: %1")
                        .arg(err->isString() ? err->toQString().left(200)
                                             : QStringLiteral("(not a string)")));
    const JsonValue *messages = root->find("raw_messages");
    if (!messages || !messages->isArray())
        return fail(QStringLiteral("the archive's page has no \"raw_messages\" list"));
    const JsonValue *pages = root->find("pages");
    const JsonValue *total = root->find("total");
    bool pagesOk = false;
    bool totalOk = false;
    const std::int64_t pagesValue = pages && pages->isInteger() ? pages->toInt64(0, &pagesOk) : 0;
    const std::int64_t totalValue = total && total->isInteger() ? total->toInt64(0, &totalOk) : 0;
    if (!pagesOk || !totalOk || pagesValue < 0 || totalValue < 0
        || pagesValue > std::numeric_limits<int>::max())
        return fail(QStringLiteral(
            "the archive's page has no whole, non-negative \"pages\" and \"total\""));
    ArchivePage page;
    // Moved, not copied: a page of 100 big messages is most of what was parsed.
    for (JsonValue::Member &member : root->mutableObject())
        if (member.first == "raw_messages")
            page.messages = std::move(member.second.mutableArray());
    page.pages = int(pagesValue);
    page.total = totalValue;
    return page;
}

} // namespace fedmsg
