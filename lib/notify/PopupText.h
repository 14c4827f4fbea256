// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "notify/Notification.h"
#include "notify/NotifyDecision.h"

#include <QString>

namespace fedmsg {

class Envelope;
struct Rendering;
struct ServiceInfo;

/**
 * @brief Builds the popup for one rendered message: what a person reads, not developer jargon.
 *
 * The summary is the service's name and the kind of message in plain words, from the rendering
 * catalog and the topic ("Bodhi: comment on update" for
 * org.fedoraproject.prod.bodhi.update.comment); TitleStyle::Classic keeps fedmsg.meta's title
 * ("bodhi.update.comment"). A message that is not signed says so in the summary with the one trust
 * wording (trustLabel(): "broker, unsigned", "unverified"). The body is the rendering's subtitle.
 * Pure: no bus, no files.
 */
class PopupText
{
public:
    enum class TitleStyle {
        Human, ///< "Bodhi: comment on update"
        Classic, ///< fedmsg.meta's title, e.g. "bodhi.update.comment"
    };

    static Notification build(const Envelope &envelope,
        const Rendering &rendering,
        const NotifyDecision &decision,
        const ServiceInfo *service,
        TitleStyle style = TitleStyle::Human);

    /// "Bodhi: comment on update"; falls back to the rendering's title when the topic says
    /// nothing more than the service.
    static QString humanSummary(
        const QString &topic, const Rendering &rendering, const ServiceInfo *service);
    /// The service as people call it: the catalog's proper name ("Bodhi", "Copr") when it is
    /// capitalised, else its label ("Koji Builds" for "buildsys").
    static QString serviceDisplayName(const Rendering &rendering, const ServiceInfo *service);
    /// The topic after the service's own segment, in plain words: "update.comment" → "comment on
    /// update", "pull-request.new" → "new pull request", "build.state.change" → "build state
    /// change".
    static QString kindWords(const QString &topic, const QString &serviceSegment);
};

} // namespace fedmsg
