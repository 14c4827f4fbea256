// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QString>

#include <optional>

namespace fedmsg {

/**
 * @brief Which search endpoint each archive (datagrepper deployment) offers, remembered for the
 * session (the process), shared by every BackfillClient.
 *
 * datagrepper has two: the old `/raw`, whose entries are datanommer's records of fedmsg
 * envelopes (certificate, signature, msg, msg_id, float timestamp …), and, since datagrepper
 * 1.0, `/v2/search`, the same query (the same handler, datagrepper datagrepper/app.py raw(),
 * routed from both paths: the same arguments, the same page {"raw_messages", "total", "pages",
 * "count", "arguments"}) whose entries are fedora-messaging messages as fedora_messaging
 * serialises them ({"body", "headers", "id", "priority", "queue", "topic"}: datagrepper
 * datagrepper/util.py get_message_dict(), datanommer models as_fedora_message_dict()). A
 * deployment older than that answers /v2/search with HTTP 404 (datagrepper's not_found
 * handler). BackfillClient asks /v2/search once per archive and remembers what it learnt here,
 * so later catch-ups go straight to the right endpoint.
 * @code
 * if (ArchiveEndpoints::known(url) == ArchiveEndpoints::Api::Raw) ...
 * ArchiveEndpoints::remember(url, ArchiveEndpoints::Api::Search);
 * @endcode
 * Thread-safe (a mutex); keyed by the archive URL without trailing slashes.
 */
class ArchiveEndpoints
{
public:
    enum class Api {
        Raw, ///< `<archive>/raw`, every datagrepper
        Search, ///< `<archive>/v2/search`, datagrepper 1.0 and later
    };

    /// What the archive was found to offer this session; nullopt until it was asked.
    static std::optional<Api> known(const QString &archiveUrl);
    static void remember(const QString &archiveUrl, Api api);
    /// Forgets the archive (it is asked again on its next catch-up).
    static void forget(const QString &archiveUrl);
    /// The path below the archive URL: "raw" or "v2/search".
    static QString path(Api api);
};

} // namespace fedmsg
