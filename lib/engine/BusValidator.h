// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "bus/BusConfig.h"
#include "engine/BusFieldError.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace fedmsg {

/**
 * @brief Checks a bus the user edits before it is saved: each problem names its field, so the
 * editor shows it there and saves nothing.
 *
 * ZeroMQ endpoints are tcp://host:port (port 1..65535) or ipc://path; CURVE server keys 40
 * Z85 characters; an AMQP bus has exactly one amqp:// or amqps:// URL that AmqpAddress reads;
 * files named must exist and be readable; trust locations are readable files or https:// URLs;
 * the archive URL is empty or http(s)://. The name is unique among @p otherNames and made of
 * letters, digits, '.', '_' and '-' (it names the keychain entry and the AMQP queue).
 * @code
 * const QList<BusFieldError> errors = BusValidator::validate(bus, namesOfTheOtherBuses);
 * @endcode
 */
class BusValidator
{
public:
    static QList<BusFieldError> validate(const BusConfig &bus, const QStringList &otherNames);
    /// Why @p url is no ZeroMQ endpoint ("" when it is one).
    static QString zeroMqEndpointError(const QString &url);
    /// Why @p key is no Z85 CURVE key ("" when it is one; an empty key is fine: plain).
    static QString curveKeyError(const QString &key);

    /// Endpoints from the editor's text: one per line, "URL" or "URL SERVERKEY"; a line without
    /// its own key takes @p defaultServerKey. Blank lines are skipped.
    static QList<BusEndpoint> endpointsFromText(
        const QString &text, const QString &defaultServerKey);
    /// The editor's text for @p endpoints and the key shared by all of them (in
    /// *sharedServerKey; the lines then carry none), or per line when they differ.
    static QString endpointsToText(const QList<BusEndpoint> &endpoints, QString *sharedServerKey);

private:
    static void checkName(
        const BusConfig &bus, const QStringList &otherNames, QList<BusFieldError> &errors);
    static void checkAmqp(const BusConfig &bus, QList<BusFieldError> &errors);
    static void checkZeroMq(const BusConfig &bus, QList<BusFieldError> &errors);
    static void checkArchive(const BusConfig &bus, QList<BusFieldError> &errors);
};

} // namespace fedmsg
