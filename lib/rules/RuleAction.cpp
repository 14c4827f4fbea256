// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "rules/RuleAction.h"

#include <QJsonValue>
#include <QStringList>

#include <algorithm>
#include <array>
#include <utility>

namespace fedmsg::rules {

namespace {
constexpr std::array<std::pair<RuleAction::Kind, const char *>, 5> KindNames { {
    { RuleAction::Kind::Notify, "notify" },
    { RuleAction::Kind::HistoryOnly, "history" },
    { RuleAction::Kind::Drop, "drop" },
    { RuleAction::Kind::Digest, "digest" },
    { RuleAction::Kind::Mute, "mute" },
} };
constexpr std::array<std::pair<RuleAction::Urgency, const char *>, 3> UrgencyNames { {
    { RuleAction::Urgency::Low, "low" },
    { RuleAction::Urgency::Normal, "normal" },
    { RuleAction::Urgency::Critical, "critical" },
} };
// urgency, sticky, timeout of a notify action.
bool readNotifyOptions(const QJsonObject &object, RuleAction *a, QString *field, QString *problem)
{
    auto fail = [&](const char *key, const QString &what) {
        *field = QString::fromLatin1(key);
        *problem = what;
        return false;
    };
    const QJsonValue u = object.value(QStringLiteral("urgency"));
    if (!u.isUndefined()) {
        const auto *const found =
            std::find_if(UrgencyNames.cbegin(), UrgencyNames.cend(), [&](const auto &n) {
                return u.toString() == QLatin1String(n.second);
            });
        if (found == UrgencyNames.cend())
            return fail(
                "urgency", QStringLiteral("unknown urgency (one of low, normal, critical)"));
        a->urgency = found->first;
    }
    const QJsonValue s = object.value(QStringLiteral("sticky"));
    if (!s.isUndefined() && !s.isBool())
        return fail("sticky", QStringLiteral("must be true or false"));
    a->sticky = s.toBool(false);
    const QJsonValue t = object.value(QStringLiteral("timeout"));
    if (t.isUndefined())
        return true;
    const double ms = t.toDouble(-2);
    if (!t.isDouble() || ms < 0 || ms > 24.0 * 3600 * 1000 || ms != double(qint64(ms)))
        return fail(
            "timeout", QStringLiteral("must be milliseconds, a whole number from 0 to 86400000"));
    if (a->sticky)
        return fail("timeout", QStringLiteral("a sticky notification has no timeout"));
    a->timeoutMs = int(ms);
    return true;
}
} // namespace

QString RuleAction::kindName(Kind kind)
{
    for (const auto &[k, name] : KindNames)
        if (k == kind)
            return QString::fromLatin1(name);
    return {};
}

std::optional<RuleAction::Kind> RuleAction::kindFromName(const QString &name)
{
    for (const auto &[k, n] : KindNames)
        if (name == QLatin1String(n))
            return k;
    return std::nullopt;
}

QString RuleAction::urgencyName(Urgency urgency)
{
    for (const auto &[u, name] : UrgencyNames)
        if (u == urgency)
            return QString::fromLatin1(name);
    return {};
}

RuleAction RuleAction::notify(Urgency urgency)
{
    RuleAction a;
    a.kind = Kind::Notify;
    a.urgency = urgency;
    return a;
}

RuleAction RuleAction::historyOnly()
{
    return RuleAction {};
}

RuleAction RuleAction::mute(const QDateTime &until)
{
    RuleAction a;
    a.kind = Kind::Mute;
    a.muteUntil = until.toUTC();
    return a;
}

QJsonObject RuleAction::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("action"), kindName(kind));
    if (kind == Kind::Notify) {
        if (urgency != Urgency::Normal)
            o.insert(QStringLiteral("urgency"), urgencyName(urgency));
        if (sticky)
            o.insert(QStringLiteral("sticky"), true);
        else if (timeoutMs >= 0)
            o.insert(QStringLiteral("timeout"), timeoutMs);
    }
    if (kind == Kind::Mute)
        o.insert(QStringLiteral("until"), muteUntil.toUTC().toString(Qt::ISODate));
    return o;
}

std::optional<RuleAction> RuleAction::fromJson(
    const QJsonObject &object, QString *field, QString *problem)
{
    auto fail = [&](const QString &key, const QString &what) -> std::optional<RuleAction> {
        *field = key;
        *problem = what;
        return std::nullopt;
    };
    RuleAction a;
    const QJsonValue kindValue = object.value(QStringLiteral("action"));
    const std::optional<Kind> kind = kindFromName(kindValue.toString());
    if (!kind)
        return fail(QStringLiteral("action"),
            kindValue.isUndefined()
                ? QStringLiteral("missing (one of notify, history, drop, digest, mute)")
                : QStringLiteral("unknown action '%1' (one of notify, history, drop, digest, "
                                 "mute)")
                      .arg(kindValue.isString() ? kindValue.toString()
                                                : QStringLiteral("<not a string>")));
    a.kind = *kind;
    QStringList allowed { QStringLiteral("action") };
    if (a.kind == Kind::Notify) {
        allowed << QStringLiteral("urgency") << QStringLiteral("sticky")
                << QStringLiteral("timeout");
        if (!readNotifyOptions(object, &a, field, problem))
            return std::nullopt;
    } else if (a.kind == Kind::Mute) {
        allowed << QStringLiteral("until");
        const QJsonValue until = object.value(QStringLiteral("until"));
        a.muteUntil = QDateTime::fromString(until.toString(), Qt::ISODate);
        if (!a.muteUntil.isValid())
            return fail(QStringLiteral("until"),
                QStringLiteral("must be a date and time like 2026-12-06T00:00:00Z"));
        a.muteUntil = a.muteUntil.toUTC();
    }
    for (auto it = object.begin(); it != object.end(); ++it)
        if (!allowed.contains(it.key()))
            return fail(
                it.key(), QStringLiteral("unknown key for action '%1'").arg(kindName(a.kind)));
    return a;
}

} // namespace fedmsg::rules
