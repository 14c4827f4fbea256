// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace fedmsg {

/// @brief One service of the catalog (a fedmsg.meta processor and/or fedora-messaging app).
struct ServiceInfo
{
    QString id; ///< unique entry id in the data file, e.g. "pagure_distgit"
    QString name; ///< processor __name__, e.g. "Bodhi", "ci.pipeline"
    QString serviceName; ///< catalog key shared by both buses, e.g. "bodhi" (lower-case)
    QString label; ///< __obj__, e.g. "Package Updates"
    QString description;
    QString link;
    QString docs;
    QString icon; ///< __icon__ (empty when the processor has none)
    QString prefixRe; ///< topic prefix regex, e.g. org\.fedoraproject\.(dev|stg|prod)
    QString handler; ///< native handler name, empty for pure data entries
    QStringList topics; ///< example topics / bindings shown in the preferences dialog
    QStringList schemas; ///< fedora-messaging schema names rendered by this service
    QRegularExpression topicRe; ///< ^prefix\.(name)(\.(.*))?$ as fedmsg builds it
};

} // namespace fedmsg
