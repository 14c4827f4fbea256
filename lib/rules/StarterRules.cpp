// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "rules/StarterRules.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <array>

namespace fedmsg::rules {

QList<Rule> StarterRules::make()
{
    // Kept as the JSON a user would write, read through the same validation.
    static const std::array<const char *, 4> Rules = {
        R"({"id":"starter-builds","name":"Builds of packages I maintain","when":{"all":[
            {"field":"topic","op":"glob","value":"*.buildsys.build.state.change"},
            {"field":"packages","op":"maintained-by-me"},{"not":{"field":"by-me"}}]},
            "then":{"action":"notify"}})",
        R"({"id":"starter-updates","name":"Updates of packages I maintain","when":{"all":[
            {"field":"topic","op":"glob","value":"*.bodhi.update.*"},
            {"not":{"field":"topic","op":"glob","value":"*.bodhi.update.comment"}},
            {"field":"packages","op":"maintained-by-me"},{"not":{"field":"by-me"}}]},
            "then":{"action":"notify"}})",
        R"({"id":"starter-comments","name":"Comments on my updates","when":{"all":[
            {"field":"topic","op":"glob","value":"*.bodhi.update.comment"},
            {"field":"mentions-me"},{"not":{"field":"by-me"}}]},
            "then":{"action":"notify"}})",
        R"({"id":"starter-mentions","name":"Messages that mention me","when":{"all":[
            {"field":"mentions-me"},{"not":{"field":"by-me"}}]},
            "then":{"action":"notify"}})",
    };
    QList<Rule> out;
    int position = 0;
    for (const char *json : Rules) {
        RuleError error;
        std::optional<Rule> rule =
            Rule::fromJson(QJsonDocument::fromJson(json).object(), position++, nullptr, &error);
        Q_ASSERT_X(rule, "StarterRules", qPrintable(error.toString()));
        if (rule)
            out.append(std::move(*rule));
    }
    return out;
}

QString StarterRules::explanation()
{
    return QCoreApplication::translate("fedmsg::rules::StarterRules",
        "New messages are kept in the history without popping up, except: builds and updates "
        "of packages you maintain, comments on your updates and messages that mention you — "
        "none of them about your own actions. Change this in the rules.");
}

} // namespace fedmsg::rules
