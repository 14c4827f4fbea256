// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "notify/PopupText.h"
#include "message/Envelope.h"
#include "message/TrustState.h"
#include "render/Rendering.h"
#include "render/ServiceInfo.h"

#include <QCoreApplication>
#include <QStringList>

namespace fedmsg {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("fedmsg::PopupText", text);
}

QString words(const QStringList &segments)
{
    QString out = segments.join(QLatin1Char(' '));
    out.replace(QLatin1Char('_'), QLatin1Char(' '));
    out.replace(QLatin1Char('-'), QLatin1Char(' '));
    return out.simplified();
}
} // namespace

QString PopupText::kindWords(const QString &topic, const QString &serviceSegment)
{
    QStringList parts = topic.split(QLatin1Char('.'), Qt::SkipEmptyParts);
    qsizetype at = -1;
    if (!serviceSegment.isEmpty()) {
        // From the third segment: the first two are the prefix ("io.pagure" holds "pagure").
        for (qsizetype i = 2; i < parts.size(); ++i) {
            if (parts.at(i).compare(serviceSegment, Qt::CaseInsensitive) == 0) {
                at = i;
                break;
            }
        }
    }
    // Without the service among the segments: fedmsg's <prefix>.<env>.<modname>.<kind...>.
    if (at < 0)
        at = parts.size() > 4 ? 3 : parts.size() - 1;
    parts = parts.mid(at + 1);
    if (parts.isEmpty())
        return {};
    const QString last = parts.constLast().toLower();
    const QStringList rest = parts.first(parts.size() - 1);
    if (rest.isEmpty())
        return words(parts);
    if (last == QStringLiteral("comment"))
        return tr("comment on %1").arg(words(rest));
    if (last == QStringLiteral("new") || last == QStringLiteral("create"))
        return tr("new %1").arg(words(rest));
    return words(parts);
}

QString PopupText::serviceDisplayName(const Rendering &rendering, const ServiceInfo *service)
{
    if (service) {
        if (!service->name.isEmpty() && service->name.at(0).isUpper())
            return service->name;
        if (!service->label.isEmpty())
            return service->label;
    }
    if (!rendering.serviceLabel.isEmpty())
        return rendering.serviceLabel;
    return rendering.serviceName;
}

QString PopupText::humanSummary(
    const QString &topic, const Rendering &rendering, const ServiceInfo *service)
{
    QString name = serviceDisplayName(rendering, service);
    // The topic segment naming the service: the processor's name (fedmsg: "buildsys", "bodhi").
    const QString segment =
        service && !service->name.isEmpty() ? service->name : rendering.serviceName;
    const QString kind = kindWords(topic, segment);
    if (name.isEmpty() || rendering.fallback)
        return rendering.title;
    if (kind.isEmpty())
        return name;
    return name + QStringLiteral(": ") + kind;
}

Notification PopupText::build(const Envelope &envelope,
    const Rendering &rendering,
    const NotifyDecision &decision,
    const ServiceInfo *service,
    TitleStyle style)
{
    Notification n;
    n.summary = style == TitleStyle::Classic ? rendering.title
                                             : humanSummary(envelope.topic(), rendering, service);
    if (n.summary.isEmpty())
        n.summary = envelope.topic();
    if (envelope.trust() != TrustState::Trusted)
        n.summary = tr("%1 (%2)").arg(n.summary, trustLabel(envelope.trust()));
    n.body = rendering.subtitle;
    n.link = rendering.link;
    n.topic = envelope.topic();
    n.msgId = envelope.msgId();
    n.serviceName = rendering.serviceName;
    n.category = rendering.serviceName.isEmpty()
        ? QStringLiteral("x-fedmsg.message")
        : QStringLiteral("x-fedmsg.") + rendering.serviceName.toLower();
    n.urgency = decision.urgency;
    n.timeoutMs = decision.timeoutMs;
    n.why = decision.why;
    n.offerMute = !n.msgId.isEmpty();
    n.offerWhy = !n.msgId.isEmpty();
    return n;
}

} // namespace fedmsg
