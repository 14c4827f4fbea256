// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "rules/MessageType.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace fedmsg {
class Renderer;
struct Rendering;
} // namespace fedmsg

namespace fedmsg::rules {

/**
 * @brief Every message type a user can switch on and off, from the renderer's own catalog:
 * its services (fedmsg.meta processors and fedora-messaging schema packages sharing a
 * serviceName are one service) and, under each, the topic kinds its fedora-messaging schemas
 * name. Nothing is hard-coded: a new service in the rendering data appears here.
 *
 * A message's type is its Rendering::serviceName plus the part of its topic after the
 * service's name: "org.fedoraproject.prod.bodhi.update.comment" -> "bodhi/update.comment".
 *
 * Languages: a service's label and description come from the rendering data and are
 * translated (context "catalog"; lib/i18n extracts every one, and each service has a label).
 * A kind has no label of its own: it is shown as its topic's words ("update comment",
 * "build state change"), which are the publisher's vocabulary, not ours. They stay as they are
 * in every language on purpose: they are data (hundreds of kinds, new ones appear with each
 * schema release, and a word-by-word translation would be wrong as often as right), and the user
 * meets the same words in topics, rules and the history's search. The fixed words around them
 * (the kind's description, "<service>: messages whose topic ends in “<kind>”") are translated,
 * with the service's translated label.
 */
class MessageTypeCatalog
{
public:
    MessageTypeCatalog() = default;
    explicit MessageTypeCatalog(const Renderer &renderer);

    /// The services, sorted by label.
    [[nodiscard]] QList<MessageType> services() const { return m_services; }
    /// The kinds known under a service, sorted by kind.
    [[nodiscard]] QList<MessageType> kinds(const QString &service) const;
    [[nodiscard]] bool hasService(const QString &service) const;
    /// The entry for an id ("bodhi" or "bodhi/update.comment"); a kind the catalog does not
    /// list but whose service it knows is made up on the spot.
    [[nodiscard]] MessageType type(const QString &id) const;

    /// "service/kind" for a rendered message ("service" when the topic does not name it).
    [[nodiscard]] QString typeOf(const QString &topic, const Rendering &rendering) const;
    /// The topic after ".<name>." (or "<name>." at its start) for the first name found.
    static QString kindOf(const QString &topic, const QStringList &names);

private:
    void addSchemaKinds(const Renderer &renderer);

    QList<MessageType> m_services;
    QHash<QString, QList<MessageType>> m_kinds;
    QHash<QString, QStringList> m_topicNames; ///< service -> names its topics carry
    QHash<QString, int> m_index; ///< service -> index in m_services
};

} // namespace fedmsg::rules
