// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

// Test helper: loads tests/data/vectors/signed-public.jsonl (or $FEDMSG_SIGNED_VECTORS) and turns a
// vector's config into a TrustConfig with absolute paths.

#include "JsonLines.h"
#include "TestData.h"
#include "trust/TrustConfig.h"

#include <QByteArray>
#include <QDir>
#include <QFileInfo>
#include <QString>

#include <string>
#include <vector>

namespace fedmsg::testing {

inline QString signedVectorsPath()
{
    return test::testDataOverride("FEDMSG_SIGNED_VECTORS", "vectors/signed-public.jsonl");
}

/// Paths in a vector's config are relative to the folder of the vectors file.
inline QString vectorsDir()
{
    return QFileInfo(signedVectorsPath()).absolutePath();
}

/// Every vector of signedVectorsPath(); empty (with the reason in *error) when it cannot be read.
inline std::vector<JsonValue> loadSignedVectors(QString *error = nullptr)
{
    QString ignored;
    return test::readJsonLines(signedVectorsPath(), error ? error : &ignored);
}

inline std::string fromB64(const JsonValue &v)
{
    return QByteArray::fromBase64(QByteArray::fromStdString(v.toStdString())).toStdString();
}

inline QString vectorPath(const JsonValue &relative)
{
    if (!relative.isString())
        return {};
    return QDir(vectorsDir()).absoluteFilePath(relative.toQString());
}

inline TrustConfig trustConfigOf(const JsonValue &vector)
{
    const JsonValue &c = vector["config"];
    TrustConfig config;
    config.caLocation = vectorPath(c["ca_cert"]);
    config.crlLocation = vectorPath(c["crl"]);
    for (const auto &[topic, signers] : c["routing_policy"].object()) {
        QStringList list;
        for (const JsonValue &s : signers.array())
            list << s.toQString();
        config.routingPolicy.insert(JsonValue(topic).toQString(), list);
    }
    config.routingNitpicky = c["routing_nitpicky"].toBool();
    if (c.contains("crypto_validate_backends")) {
        config.cryptoValidateBackends.clear();
        for (const JsonValue &b : c["crypto_validate_backends"].array())
            config.cryptoValidateBackends << b.toQString();
    }
    config.fixDatagrepperMessage = c["fix_datagrepper_message"].toBool();
    if (c["verify_time"].isString())
        config.verifyTime = QDateTime::fromString(c["verify_time"].toQString(), Qt::ISODate);
    return config;
}

} // namespace fedmsg::testing
