// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "TestData.h"

#include <QString>

#include <array>

#include <zmq.h>

namespace fedmsg::test {

/// A free TCP endpoint on 127.0.0.1, "tcp://127.0.0.1:<port>" (bound by libzmq, then released).
inline QString freeLoopbackEndpoint()
{
    void *ctx = zmq_ctx_new();
    void *s = zmq_socket(ctx, ZMQ_PUB);
    zmq_bind(s, "tcp://127.0.0.1:*");
    std::array<char, 128> buf {};
    size_t len = buf.size();
    zmq_getsockopt(s, ZMQ_LAST_ENDPOINT, buf.data(), &len);
    zmq_close(s);
    zmq_ctx_term(ctx);
    return QString::fromLatin1(buf.data());
}

/// The port of freeLoopbackEndpoint().
inline int freeLoopbackPort()
{
    return freeLoopbackEndpoint().section(QLatin1Char(':'), -1).toInt();
}

/// tests/data/vectors/certs/ (TestData.h).
inline QString vectorCertDir()
{
    return testDataPath("vectors/certs/");
}

} // namespace fedmsg::test
