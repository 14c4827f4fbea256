// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

// The local HTTP server (tests/HttpTestServer.h) answering with canned Pagure API pages: the
// query item per_page does not matter, unknown routes get Pagure's 404 shape, and routeFile()
// reads tests/data/packages/.

#include "HttpTestServer.h"

namespace fedmsg::test {

class PagureTestServer : public HttpTestServer
{
public:
    PagureTestServer()
        : HttpTestServer(
            { QStringLiteral("per_page") }, R"({"error": "Not found", "error_code": "ENOTFOUND"})")
    {}
    /// Route pathAndQuery to a file of tests/data/packages/.
    void routeFile(const QString &pathAndQuery, const char *file, int status = 200)
    {
        routeDataFile(pathAndQuery, QStringLiteral("packages/") + QLatin1String(file), status);
    }
};

} // namespace fedmsg::test
