// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "message/Envelope.h"
#include "render/Rendering.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace fedmsg {

/**
 * @brief The unit History stores: one received envelope and what the renderer made of it.
 *
 * decision/decisionRule may be filled when the rules already ran before storing; they can also
 * be set later with History::setDecision().
 */
struct HistoryRecord
{
    Envelope envelope;
    Rendering rendering;
    QString decision; ///< rule decision ("notify", "history", "digest", ...); empty = none yet
    QString decisionRule; ///< name of the rule that decided; empty = none
};

} // namespace fedmsg

Q_DECLARE_METATYPE(fedmsg::HistoryRecord)
