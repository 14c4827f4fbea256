// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "json/JsonValue.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <string_view>
#include <utility>

namespace fedmsg {

/// @brief One finding of the reader: a file:line and what was wrong or skipped.
struct PyDiagnostic
{
    enum class Kind { Unsupported, Error };
    Kind kind = Kind::Error;
    QString file;
    int line = 0;
    QString message;
    /// What an Unsupported finding made the reader leave out.
    enum class Dropped {
        Part, ///< a value inside an expression (list element, dict entry without a known key)
        Key, ///< the value of the dict key `key`
        Statement, ///< a whole statement (`if`, `config[...] = ...`, an indented block)
        Variable, ///< the whole variable that was asked for (e.g. all of `config`)
    };
    Dropped dropped = Dropped::Part;
    QString key; ///< with Dropped::Key or Dropped::Variable
    /// The dict keys from the outermost dict of the expression down to the finding, e.g.
    /// {"routing_policy", "org.fedoraproject.prod.x"}; empty outside any dict entry.
    QStringList keyPath;

    PyDiagnostic() = default;
    PyDiagnostic(Kind kind_,
        QString file_,
        int line_,
        QString message_,
        Dropped dropped_ = Dropped::Part,
        QString key_ = {})
        : kind(kind_)
        , file(std::move(file_))
        , line(line_)
        , message(std::move(message_))
        , dropped(dropped_)
        , key(std::move(key_))
    {}
    QString toString() const; ///< "file:line: unsupported: message" / "file:line: error: message"
};

/**
 * @brief A SAFE reader for the Python literal subset that the fedmsg.d Python files use. It never
 * executes anything.
 *
 * Supported: top-level `name = <expr>` assignments (later expressions may use earlier names),
 * `import`/`from` lines (ignored), comments, line continuations; expressions made of
 * dict(...)/dict literals, list/tuple literals, strings (single/double/triple quotes, r/u
 * prefixes, implicit concatenation, `+`), ints, floats, True/False/None, unary minus, `+` on
 * strings/lists/numbers. Anything else (os.path.*, socket.gethostname(), `%` formatting,
 * comprehensions, if/for blocks) is reported as Unsupported with file:line; the dict entry or
 * list element that used it is skipped and the rest of the file still counts.
 *
 * Dict keys become JSON object keys (non-string scalar keys are converted like json.dumps does).
 */
class PyLiteralReader
{
public:
    /// Reads a file's text; returns the value of the top-level variable `variable` (usually
    /// "config"), or std::nullopt when the file has a syntax error or never assigns it.
    /// Diagnostics are appended to *diagnostics.
    static std::optional<JsonValue> readAssignment(std::string_view source,
        const QString &fileName,
        const char *variable,
        QList<PyDiagnostic> *diagnostics);
    /// Evaluates one literal expression (tests, command-line values).
    static std::optional<JsonValue> evaluate(
        std::string_view expression, QList<PyDiagnostic> *diagnostics = nullptr);
};

} // namespace fedmsg
