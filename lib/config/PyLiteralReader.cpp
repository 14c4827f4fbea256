// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "config/PyLiteralReader.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace fedmsg {

QString PyDiagnostic::toString() const
{
    return QStringLiteral("%1:%2: %3: %4")
        .arg(file)
        .arg(line)
        .arg(kind == Kind::Unsupported ? QStringLiteral("unsupported") : QStringLiteral("error"),
            message);
}

namespace {

enum class Tok { Name, Number, String, Op, Newline, End };

struct Token
{
    Tok type = Tok::End;
    std::string text; ///< name, number text, decoded string bytes (UTF-8) or operator
    int line = 1;
    int column = 0;
    bool lineStart = false;
    bool fString = false;
};

struct SyntaxError
{
    int line;
    QString message;
};

void appendUtf8(std::string &out, std::uint32_t cp)
{
    // WTF-8: lone surrogates are encoded like any other code point (JsonValue keeps them).
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

bool isNameStart(unsigned char c)
{
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

bool isNameChar(unsigned char c)
{
    return isNameStart(c) || (c >= '0' && c <= '9');
}

/// Python tokenizer for the subset: NEWLINE only outside brackets, comments and `\` joins.
class Lexer
{
public:
    explicit Lexer(std::string_view src)
        : m_src(src)
    {}

    std::vector<Token> run()
    {
        std::vector<Token> out;
        bool lineStart = true;
        while (m_pos < m_src.size()) {
            const unsigned char c = m_src[m_pos];
            if (c == '\n') {
                if (m_depth == 0 && !out.empty() && out.back().type != Tok::Newline)
                    out.push_back(make(Tok::Newline, "\n"));
                ++m_pos;
                ++m_line;
                m_lineBegin = m_pos;
                lineStart = true;
                continue;
            }
            if (skipBlank(c))
                continue;
            Token t;
            t.line = m_line;
            t.column = int(m_pos - m_lineBegin);
            t.lineStart = lineStart;
            lineStart = false;
            if (isNameStart(c)) {
                lexNameOrPrefixedString(t);
            } else if (c == '\'' || c == '"') {
                lexString(t, {});
            } else if ((c >= '0' && c <= '9')
                || (c == '.' && m_pos + 1 < m_src.size() && m_src[m_pos + 1] >= '0'
                    && m_src[m_pos + 1] <= '9')) {
                lexNumber(t);
            } else {
                lexOperator(t, c);
            }
            out.push_back(std::move(t));
        }
        if (!out.empty() && out.back().type != Tok::Newline)
            out.push_back(make(Tok::Newline, "\n"));
        out.push_back(make(Tok::End, {}));
        return out;
    }

private:
    // Skips a blank, a comment or a line continuation starting with c; false for anything else.
    bool skipBlank(unsigned char c)
    {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
            ++m_pos;
            return true;
        }
        if (c == '#') {
            while (m_pos < m_src.size() && m_src[m_pos] != '\n')
                ++m_pos;
            return true;
        }
        if (c != '\\')
            return false;
        std::size_t p = m_pos + 1;
        while (p < m_src.size() && (m_src[p] == ' ' || m_src[p] == '\t' || m_src[p] == '\r'))
            ++p;
        if (p < m_src.size() && m_src[p] == '\n') {
            m_pos = p + 1;
            ++m_line;
            m_lineBegin = m_pos;
            return true;
        }
        throw SyntaxError { m_line,
            QStringLiteral("unexpected character after line continuation") };
    }

    // A name, or a string with a prefix (r"", b"", rb"").
    void lexNameOrPrefixedString(Token &t)
    {
        std::size_t p = m_pos;
        while (p < m_src.size() && isNameChar(m_src[p]))
            ++p;
        std::string word(m_src.substr(m_pos, p - m_pos));
        m_pos = p;
        if (p < m_src.size() && (m_src[p] == '\'' || m_src[p] == '"') && isStringPrefix(word)) {
            lexString(t, word);
        } else {
            t.type = Tok::Name;
            t.text = std::move(word);
        }
    }

    // The longest operator or delimiter starting with c; brackets count the nesting depth.
    void lexOperator(Token &t, unsigned char c)
    {
        static const std::array ops = { "**=",
            "//=",
            ">>=",
            "<<=",
            "...",
            "**",
            "//",
            "==",
            "!=",
            "<=",
            ">=",
            "<<",
            ">>",
            "+=",
            "-=",
            "*=",
            "/=",
            "%=",
            "->",
            ":=" };
        t.type = Tok::Op;
        for (const char *op : ops) {
            if (m_src.substr(m_pos).starts_with(op)) {
                t.text = op;
                break;
            }
        }
        if (t.text.empty())
            t.text = std::string(1, char(c));
        m_pos += t.text.size();
        if (c == '(' || c == '[' || c == '{')
            ++m_depth;
        else if ((c == ')' || c == ']' || c == '}') && m_depth > 0)
            --m_depth;
    }

    Token make(Tok type, std::string text) const
    {
        Token t;
        t.type = type;
        t.text = std::move(text);
        t.line = m_line;
        return t;
    }

    static bool isStringPrefix(const std::string &w)
    {
        static const std::array prefixes = { "r",
            "u",
            "b",
            "f",
            "br",
            "rb",
            "fr",
            "rf",
            "R",
            "U",
            "B",
            "F",
            "Br",
            "bR",
            "BR",
            "Rb",
            "rB",
            "RB",
            "Fr",
            "fR",
            "FR",
            "Rf",
            "rF",
            "RF" };
        return std::ranges::any_of(prefixes, [&w](const char *p) {
            return w == p;
        });
    }

    void lexString(Token &t, const std::string &prefix)
    {
        const bool raw = prefix.find_first_of("rR") != std::string::npos;
        if (prefix.find_first_of("fF") != std::string::npos)
            t.fString = true;
        const char q = m_src[m_pos];
        const bool triple = m_src.substr(m_pos, 3) == std::string(3, q);
        const int startLine = m_line;
        m_pos += triple ? 3 : 1;
        t.type = Tok::String;
        std::string &out = t.text;
        while (true) {
            if (m_pos >= m_src.size())
                throw SyntaxError { startLine, QStringLiteral("unterminated string literal") };
            const char c = m_src[m_pos];
            if (triple ? m_src.substr(m_pos, 3) == std::string(3, q) : c == q) {
                m_pos += triple ? 3 : 1;
                return;
            }
            if (c == '\n') {
                if (!triple)
                    throw SyntaxError { startLine, QStringLiteral("unterminated string literal") };
                ++m_line;
                out += c;
                ++m_pos;
                m_lineBegin = m_pos;
                continue;
            }
            if (c != '\\') {
                out += c;
                ++m_pos;
                continue;
            }
            if (m_pos + 1 >= m_src.size())
                throw SyntaxError { startLine, QStringLiteral("unterminated string literal") };
            const char e = m_src[m_pos + 1];
            m_pos += 2;
            if (raw)
                appendRawEscape(out, e);
            else
                appendEscape(out, e, startLine);
        }
    }

    // A backslash and e in a raw string (m_pos is past them): both kept.
    void appendRawEscape(std::string &out, char e)
    {
        out += '\\';
        out += e;
        if (e == '\n') {
            ++m_line;
            m_lineBegin = m_pos;
        }
    }

    // The escape backslash-e (m_pos is past it) into out, as Python reads it in a non-raw string.
    void appendEscape(std::string &out, char e, int startLine)
    {
        switch (e) {
        case '\n':
            ++m_line;
            m_lineBegin = m_pos;
            break;
        case '\\':
        case '\'':
        case '"':
            out += e;
            break;
        case 'n':
            out += '\n';
            break;
        case 't':
            out += '\t';
            break;
        case 'r':
            out += '\r';
            break;
        case 'a':
            out += '\a';
            break;
        case 'b':
            out += '\b';
            break;
        case 'f':
            out += '\f';
            break;
        case 'v':
            out += '\v';
            break;
        case 'x':
            appendUtf8(out, hex(2, startLine));
            break;
        case 'u':
            appendUtf8(out, hex(4, startLine));
            break;
        case 'U': {
            const std::uint32_t cp = hex(8, startLine);
            if (cp > 0x10FFFF)
                throw SyntaxError { startLine, QStringLiteral("illegal Unicode character") };
            appendUtf8(out, cp);
            break;
        }
        default:
            if (e >= '0' && e <= '7') {
                auto v = static_cast<std::uint32_t>(e - '0');
                for (int i = 0;
                     i < 2 && m_pos < m_src.size() && m_src[m_pos] >= '0' && m_src[m_pos] <= '7';
                     ++i)
                    v = v * 8 + std::uint32_t(m_src[m_pos++] - '0');
                appendUtf8(out, v);
            } else {
                out += '\\'; // unknown escapes are kept, as Python does
                out += e;
            }
        }
    }

    std::uint32_t hex(int n, int line)
    {
        std::uint32_t v = 0;
        for (int i = 0; i < n; ++i) {
            if (m_pos >= m_src.size())
                throw SyntaxError { line, QStringLiteral("truncated \\x/\\u escape") };
            const char c = m_src[m_pos++];
            int d = 0;
            if (c >= '0' && c <= '9')
                d = c - '0';
            else if (c >= 'a' && c <= 'f')
                d = c - 'a' + 10;
            else if (c >= 'A' && c <= 'F')
                d = c - 'A' + 10;
            else
                throw SyntaxError { line, QStringLiteral("truncated \\x/\\u escape") };
            v = v * 16 + std::uint32_t(d);
        }
        return v;
    }

    void lexNumber(Token &t)
    {
        std::size_t p = m_pos;
        while (p < m_src.size()) {
            const unsigned char c = m_src[p];
            const bool expSign = (c == '+' || c == '-') && p > m_pos
                && (m_src[p - 1] == 'e' || m_src[p - 1] == 'E')
                && !(m_src.substr(m_pos, 2) == "0x" || m_src.substr(m_pos, 2) == "0X");
            if (isNameChar(c) || c == '.' || expSign)
                ++p;
            else
                break;
        }
        t.type = Tok::Number;
        for (std::size_t i = m_pos; i < p; ++i)
            if (m_src[i] != '_')
                t.text += m_src[i];
        m_pos = p;
    }

    std::string_view m_src;
    std::size_t m_pos = 0;
    std::size_t m_lineBegin = 0;
    int m_line = 1;
    int m_depth = 0;
};

/// A value, or the reason it could not be computed without running Python.
struct Val
{
    std::optional<JsonValue> value;
    QString unsupported; ///< e.g. "socket.gethostname()"
    int line = 0; ///< where the unsupported construct is
    bool ok() const { return value.has_value(); }
    static Val of(JsonValue v) { return Val { std::move(v), {}, 0 }; }
    static Val bad(QString why, int line) { return Val { std::nullopt, std::move(why), line }; }
};

class Parser
{
public:
    Parser(std::vector<Token> tokens, QString file, QList<PyDiagnostic> *diags)
        : m_toks(std::move(tokens))
        , m_file(std::move(file))
        , m_diags(diags)
    {}

    /// Runs every statement; fills m_env.
    void module()
    {
        while (peek().type != Tok::End) {
            const Token &t = peek();
            if (t.type == Tok::Newline) {
                ++m_i;
                continue;
            }
            try {
                statement();
            } catch (const SyntaxError &e) {
                report(PyDiagnostic::Kind::Error, e.line, e.message);
                skipStatement();
            }
        }
    }

    Val expressionOnly()
    {
        while (peek().type == Tok::Newline)
            ++m_i;
        Val v = expr();
        while (peek().type == Tok::Newline)
            ++m_i;
        if (peek().type != Tok::End)
            throw SyntaxError { peek().line,
                QStringLiteral("unexpected text after the expression") };
        return v;
    }

    const Val *variable(const std::string &name) const
    {
        auto it = m_env.find(name);
        return it == m_env.end() ? nullptr : &it->second;
    }

    void report(PyDiagnostic::Kind kind,
        int line,
        const QString &message,
        PyDiagnostic::Dropped dropped = PyDiagnostic::Dropped::Part,
        const QString &key = {})
    {
        if (!m_diags)
            return;
        PyDiagnostic d { kind, m_file, line, message, dropped, key };
        for (const std::string &k : m_keyPath)
            d.keyPath.append(QString::fromStdString(k));
        if (dropped == PyDiagnostic::Dropped::Key)
            d.keyPath.append(key);
        m_diags->append(std::move(d));
    }

private:
    const Token &peek(int ahead = 0) const
    {
        const std::size_t j = std::min(m_i + std::size_t(ahead), m_toks.size() - 1);
        return m_toks[j];
    }
    const Token &next()
    {
        const Token &t = m_toks[m_i];
        if (m_i + 1 < m_toks.size())
            ++m_i;
        return t;
    }
    bool isOp(const char *op, int ahead = 0) const
    {
        return peek(ahead).type == Tok::Op && peek(ahead).text == op;
    }
    bool isName(const char *name, int ahead = 0) const
    {
        return peek(ahead).type == Tok::Name && peek(ahead).text == name;
    }
    void expectOp(const char *op)
    {
        if (!isOp(op))
            throw SyntaxError { peek().line,
                QStringLiteral("expected '%1'").arg(QString::fromLatin1(op)) };
        next();
    }
    void skipStatement()
    {
        while (peek().type != Tok::Newline && peek().type != Tok::End)
            next();
        if (peek().type == Tok::Newline)
            next();
    }

    void statement()
    {
        const Token &first = peek();
        if (first.lineStart && first.column > 0) {
            report(PyDiagnostic::Kind::Unsupported,
                first.line,
                QStringLiteral("indented block ignored (only top-level assignments are read)"),
                PyDiagnostic::Dropped::Statement);
            skipStatement();
            return;
        }
        if (isName("import") || isName("from")) {
            skipStatement(); // imports are harmless; what uses them is reported where it is used
            return;
        }
        static const std::array compound = { "if",
            "for",
            "while",
            "def",
            "class",
            "try",
            "with",
            "del",
            "assert",
            "raise",
            "global",
            "print",
            "exec",
            "return",
            "async",
            "lambda" };
        for (const char *kw : compound) {
            if (isName(kw)) {
                report(PyDiagnostic::Kind::Unsupported,
                    first.line,
                    QStringLiteral("'%1' statement ignored").arg(QString::fromLatin1(kw)),
                    PyDiagnostic::Dropped::Statement);
                skipStatement();
                return;
            }
        }
        if (first.type == Tok::Name && isOp("=", 1)) {
            std::vector<std::string> targets;
            while (peek().type == Tok::Name && isOp("=", 1)) {
                targets.push_back(next().text);
                next();
            }
            Val v = expr();
            if (peek().type != Tok::Newline && peek().type != Tok::End && !isOp(";"))
                throw SyntaxError { peek().line,
                    QStringLiteral("unexpected text after the value") };
            if (isOp(";"))
                next();
            for (const std::string &name : targets)
                m_env[name] = v;
            return;
        }
        report(PyDiagnostic::Kind::Unsupported,
            first.line,
            QStringLiteral("statement ignored (only `name = literal` is read)"),
            PyDiagnostic::Dropped::Statement);
        skipStatement();
    }

    // expr := unary (binop unary)* [if expr else expr]
    Val expr()
    {
        // Python itself refuses more than ~200 nested brackets; so do we, before the stack could.
        struct Depth
        {
            int &d;
            explicit Depth(int &depth)
                : d(++depth)
            {}
            ~Depth() { --d; }
            Depth(const Depth &) = delete;
            Depth &operator=(const Depth &) = delete;
            Depth(Depth &&) = delete;
            Depth &operator=(Depth &&) = delete;
        } depth(m_depth);
        if (m_depth > MaxDepth)
            throw SyntaxError { peek().line, QStringLiteral("too many nested brackets") };
        Val left = unary();
        while (true) {
            if (isName("if")) {
                const int line = next().line;
                expr();
                if (!isName("else"))
                    throw SyntaxError { peek().line, QStringLiteral("expected 'else'") };
                next();
                expr();
                left = Val::bad(QStringLiteral("conditional expression"), line);
                continue;
            }
            const Token &t = peek();
            if (!isBinaryOperator(t))
                return left;
            const std::string op = next().text;
            const int line = t.line;
            if (op == "not" || (op == "is" && isName("not")))
                next();
            left = binary(std::move(left), op, unary(), line);
        }
    }

    bool isBinaryOperator(const Token &t) const
    {
        if (t.type == Tok::Op) {
            return t.text == "+" || t.text == "-" || t.text == "*" || t.text == "/" || t.text == "%"
                || t.text == "//" || t.text == "**" || t.text == "|" || t.text == "&"
                || t.text == "^" || t.text == "<<" || t.text == ">>" || t.text == "=="
                || t.text == "!=" || t.text == "<" || t.text == ">" || t.text == "<="
                || t.text == ">=";
        }
        return t.type == Tok::Name
            && (t.text == "and" || t.text == "or" || t.text == "in" || t.text == "is"
                || (t.text == "not" && isName("in", 1)));
    }

    // left op right: string concatenation is read, every other operator is reported.
    static Val binary(Val left, const std::string &op, Val right, int line)
    {
        if (op == "+" && left.ok() && right.ok())
            return add(*left.value, *right.value, line);
        if (op == "%")
            return Val::bad(QStringLiteral("%-formatting"), line);
        if (op == "+" && !left.ok())
            return left; // keep the first reason
        if (op == "+")
            return right;
        return Val::bad(QStringLiteral("operator '%1'").arg(QString::fromStdString(op)), line);
    }

    static Val add(const JsonValue &a, const JsonValue &b, int line)
    {
        if (a.isString() && b.isString())
            return Val::of(JsonValue(a.toStdString() + b.toStdString()));
        if (a.isArray() && b.isArray()) {
            JsonValue::Array out = a.array();
            out.insert(out.end(), b.array().begin(), b.array().end());
            return Val::of(JsonValue(std::move(out)));
        }
        if (a.isInteger() && b.isInteger() && !a.isBigInteger() && !b.isBigInteger()) {
            std::int64_t r = 0;
            if (!__builtin_add_overflow(a.toInt64(), b.toInt64(), &r))
                return Val::of(JsonValue(r));
        }
        if (a.isNumber() && b.isNumber() && !a.isBool() && !b.isBool())
            return Val::of(JsonValue(a.toDouble() + b.toDouble()));
        return Val::bad(QStringLiteral("'+' on these types"), line);
    }

    Val unary()
    {
        if (isOp("-") || isOp("+") || isOp("~") || isName("not")) {
            const Token &op = next();
            Val v = unary();
            if (!v.ok())
                return v;
            if (op.text == "+" && v.value->isNumber())
                return v;
            if (op.text == "-" && v.value->isInteger()) {
                const std::string digits = v.value->integerText();
                if (!digits.empty() && digits[0] == '-')
                    return Val::of(JsonValue::fromIntegerText(digits.substr(1)));
                return Val::of(JsonValue::fromIntegerText("-" + digits));
            }
            if (op.text == "-" && v.value->isFloat())
                return Val::of(JsonValue(-v.value->toDouble()));
            return Val::bad(
                QStringLiteral("operator '%1'").arg(QString::fromStdString(op.text)), op.line);
        }
        return postfix();
    }

    Val postfix()
    {
        const Token &start = peek();
        QString desc; // how the unsupported expression reads, for the message
        Val v = atom(&desc);
        while (true) {
            if (isOp(".")) {
                next();
                if (peek().type != Tok::Name)
                    throw SyntaxError { peek().line, QStringLiteral("expected a name after '.'") };
                desc += QLatin1Char('.') + QString::fromStdString(next().text);
                v = Val::bad(desc, start.line);
            } else if (isOp("(")) {
                const bool callable = start.type == Tok::Name
                    && desc == QString::fromStdString(start.text) && !m_env.contains(start.text);
                if (callable
                    && (start.text == "dict" || start.text == "list" || start.text == "tuple")) {
                    v = builtinCall(start.text, start.line);
                    desc += QStringLiteral("(...)");
                    continue;
                }
                skipBracketed("(");
                desc += QStringLiteral("()");
                v = Val::bad(desc, start.line);
            } else if (isOp("[")) {
                skipBracketed("[");
                desc += QStringLiteral("[...]");
                v = Val::bad(desc, start.line);
            } else {
                return v;
            }
        }
    }

    // Consumes a bracketed group without evaluating it (for unsupported calls and subscripts).
    void skipBracketed(const char *open)
    {
        expectOp(open);
        int depth = 1;
        while (depth > 0) {
            const Token &t = peek();
            if (t.type == Tok::End)
                throw SyntaxError { t.line,
                    QStringLiteral("'%1' was never closed").arg(QString::fromLatin1(open)) };
            if (t.type == Tok::Op && (t.text == "(" || t.text == "[" || t.text == "{"))
                ++depth;
            else if (t.type == Tok::Op && (t.text == ")" || t.text == "]" || t.text == "}"))
                --depth;
            next();
        }
    }

    Val builtinCall(const std::string &fn, int line)
    {
        expectOp("(");
        if (fn == "dict") {
            JsonValue::Object members;
            while (!isOp(")")) {
                if (peek().type == Tok::Name && isOp("=", 1)) {
                    const Token &key = next();
                    next();
                    Val v = valueOfKey(key.text);
                    if (v.ok())
                        members.emplace_back(key.text, std::move(*v.value));
                    else
                        droppedKey(v, QString::fromStdString(key.text));
                } else if (isOp("**")) {
                    next();
                    mergeInto(members, expr(), line);
                } else {
                    mergeInto(members, expr(), line);
                }
                if (!isOp(","))
                    break;
                next();
            }
            expectOp(")");
            return Val::of(JsonValue(std::move(members)));
        }
        if (isOp(")")) {
            next();
            return Val::of(JsonValue::emptyArray());
        }
        Val v = expr();
        if (isOp(","))
            next();
        expectOp(")");
        if (v.ok() && !v.value->isArray())
            return Val::bad(QString::fromStdString(fn) + QStringLiteral("() of a non-list"), line);
        return v;
    }

    void mergeInto(JsonValue::Object &members, const Val &v, int line)
    {
        if (!v.ok()) {
            dropped(v, QStringLiteral("a mapping argument"));
            return;
        }
        if (!v.value->isObject()) {
            report(
                PyDiagnostic::Kind::Unsupported, line, QStringLiteral("dict() of a non-mapping"));
            return;
        }
        for (const auto &m : v.value->object())
            members.push_back(m);
    }

    void dropped(const Val &v, const QString &what)
    {
        report(PyDiagnostic::Kind::Unsupported,
            v.line,
            QStringLiteral("%1 (%2 skipped)").arg(v.unsupported, what));
    }

    void droppedKey(const Val &v, const QString &key)
    {
        report(PyDiagnostic::Kind::Unsupported,
            v.line,
            QStringLiteral("%1 (key '%2' skipped)").arg(v.unsupported, key),
            PyDiagnostic::Dropped::Key,
            key);
    }

    static std::optional<std::string> keyText(const JsonValue &k)
    {
        // json.dumps converts scalar keys: True -> "true", None -> "null", 1 -> "1".
        switch (k.type()) {
        case JsonValue::Type::String:
            return k.toStdString();
        case JsonValue::Type::Integer:
            return k.integerText();
        case JsonValue::Type::Bool:
            return std::string(k.toBool() ? "true" : "false");
        case JsonValue::Type::Null:
            return std::string("null");
        default:
            return std::nullopt;
        }
    }

    // A name as a value: True, False, None or a variable set before (t already consumed).
    Val name(const Token &t, QString *desc) const
    {
        *desc = QString::fromStdString(t.text);
        if (t.text == "True")
            return Val::of(JsonValue(true));
        if (t.text == "False")
            return Val::of(JsonValue(false));
        if (t.text == "None")
            return Val::of(JsonValue());
        if (t.text == "lambda")
            throw SyntaxError { t.line, QStringLiteral("lambda is not supported") };
        if (const Val *v = variable(t.text)) {
            if (v->ok())
                return *v;
            return Val::bad(QStringLiteral("%1 (via '%2' used at line %3)")
                                .arg(v->unsupported, *desc)
                                .arg(t.line),
                v->line);
        }
        return Val::bad(*desc, t.line);
    }

    Val atom(QString *desc)
    {
        const Token &t = peek();
        switch (t.type) {
        case Tok::String: {
            std::string s;
            bool f = false;
            const int line = t.line;
            while (peek().type == Tok::String) {
                f = f || peek().fString;
                s += next().text;
            }
            *desc = QStringLiteral("string");
            if (f)
                return Val::bad(QStringLiteral("f-string"), line);
            return Val::of(JsonValue(std::move(s)));
        }
        case Tok::Number:
            next();
            *desc = QString::fromStdString(t.text);
            return number(t);
        case Tok::Name:
            next();
            return name(t, desc);
        case Tok::Op:
            if (t.text == "(" || t.text == "[")
                return sequence(desc);
            if (t.text == "{")
                return braces(desc);
            break;
        default:
            break;
        }
        throw SyntaxError { t.line,
            t.type == Tok::Newline || t.type == Tok::End
                ? QStringLiteral("unexpected end of line")
                : QStringLiteral("unexpected '%1'").arg(QString::fromStdString(t.text)) };
    }

    static Val number(const Token &t)
    {
        const std::string &s = t.text;
        auto lower = [&](std::size_t i) {
            return char(std::tolower((unsigned char)s[i]));
        };
        if (s.size() > 1 && s[0] == '0'
            && (lower(1) == 'x' || lower(1) == 'o' || lower(1) == 'b')) {
            const int base = lower(1) == 'x' ? 16 : lower(1) == 'o' ? 8 : 2;
            bool ok = false;
            const qulonglong v = QString::fromStdString(s.substr(2)).toULongLong(&ok, base);
            if (!ok || v > qulonglong(INT64_MAX))
                return Val::bad(QStringLiteral("number %1").arg(QString::fromStdString(s)), t.line);
            return Val::of(JsonValue(std::int64_t(v)));
        }
        if (!s.empty() && (lower(s.size() - 1) == 'j'))
            return Val::bad(QStringLiteral("complex number"), t.line);
        if (!s.empty() && lower(s.size() - 1) == 'l') // Python 2 long
            return number(
                Token { Tok::Number, s.substr(0, s.size() - 1), t.line, 0, false, false });
        const bool isFloat = s.find_first_of(".eE") != std::string::npos;
        if (!isFloat) {
            if (!std::ranges::all_of(s, [](char c) {
                    return c >= '0' && c <= '9';
                }))
                throw SyntaxError { t.line,
                    QStringLiteral("invalid number '%1'").arg(QString::fromStdString(s)) };
            if (s.size() > 1 && s[0] == '0' && s.find_first_not_of('0') != std::string::npos)
                throw SyntaxError { t.line, QStringLiteral("leading zeros in a decimal number") };
            return Val::of(JsonValue::fromIntegerText(s));
        }
        bool ok = false;
        const double d = QString::fromStdString(s).toDouble(&ok);
        if (!ok)
            throw SyntaxError { t.line,
                QStringLiteral("invalid number '%1'").arg(QString::fromStdString(s)) };
        return Val::of(JsonValue(d));
    }

    Val sequence(QString *desc)
    {
        const Token &open = next();
        const bool paren = open.text == "(";
        const char *close = paren ? ")" : "]";
        *desc = paren ? QStringLiteral("tuple") : QStringLiteral("list");
        JsonValue::Array items;
        bool sawComma = false;
        while (!isOp(close)) {
            Val v = expr();
            if (isName("for")) {
                skipTo(close);
                return Val::bad(QStringLiteral("comprehension"), open.line);
            }
            if (v.ok())
                items.push_back(std::move(*v.value));
            else if (paren && !sawComma && isOp(close)) {
                next();
                return v; // a parenthesised unsupported expression
            } else
                dropped(v, QStringLiteral("list element"));
            if (!isOp(","))
                break;
            sawComma = true;
            next();
        }
        expectOp(close);
        if (paren && !sawComma && items.size() == 1)
            return Val::of(std::move(items.front())); // (x) is just x
        return Val::of(JsonValue(std::move(items)));
    }

    void skipTo(const char *close)
    {
        int depth = 0;
        while (true) {
            const Token &t = peek();
            if (t.type == Tok::End)
                throw SyntaxError { t.line, QStringLiteral("bracket was never closed") };
            if (depth == 0 && t.type == Tok::Op && t.text == close) {
                next();
                return;
            }
            if (t.type == Tok::Op && (t.text == "(" || t.text == "[" || t.text == "{"))
                ++depth;
            else if (t.type == Tok::Op && (t.text == ")" || t.text == "]" || t.text == "}"))
                --depth;
            next();
        }
    }

    Val braces(QString *desc)
    {
        const Token &open = next();
        *desc = QStringLiteral("dict");
        JsonValue::Object members;
        while (!isOp("}")) {
            if (isOp("**")) {
                next();
                mergeInto(members, expr(), open.line);
            } else if (std::optional<Val> notADict = dictEntry(members, open.line)) {
                return std::move(*notADict);
            }
            if (!isOp(","))
                break;
            next();
        }
        expectOp("}");
        return Val::of(JsonValue(std::move(members)));
    }

    // One `key: value` of a dict display into members (or reported); what the display is
    // instead when it turns out not to be a dict (a set or a comprehension, skipped to its '}').
    std::optional<Val> dictEntry(JsonValue::Object &members, int openLine)
    {
        const int keyLine = peek().line;
        Val key = expr();
        if (isName("for")) {
            skipTo("}");
            return Val::bad(QStringLiteral("comprehension"), openLine);
        }
        if (!isOp(":")) {
            skipTo("}");
            return Val::bad(QStringLiteral("set literal"), openLine);
        }
        next();
        std::optional<std::string> k = key.ok() ? keyText(*key.value) : std::nullopt;
        Val value = k ? valueOfKey(*k) : expr();
        if (isName("for")) {
            skipTo("}");
            return Val::bad(QStringLiteral("comprehension"), openLine);
        }
        if (!key.ok())
            dropped(key, QStringLiteral("dict entry"));
        else if (!k)
            report(PyDiagnostic::Kind::Unsupported,
                keyLine,
                QStringLiteral("dict key that is not a string or number (entry skipped)"));
        else if (!value.ok())
            droppedKey(value, QString::fromStdString(*k));
        else
            members.emplace_back(std::move(*k), std::move(*value.value));
        return std::nullopt;
    }

    /// The value of dict entry `key`: findings inside it carry the key in their keyPath.
    Val valueOfKey(const std::string &key)
    {
        struct Scope
        {
            std::vector<std::string> &path;
            explicit Scope(std::vector<std::string> &keyPath)
                : path(keyPath)
            {}
            ~Scope() { path.pop_back(); }
            Scope(const Scope &) = delete;
            Scope &operator=(const Scope &) = delete;
            Scope(Scope &&) = delete;
            Scope &operator=(Scope &&) = delete;
        };
        m_keyPath.push_back(key);
        const Scope scope { m_keyPath };
        return expr();
    }

    static constexpr int MaxDepth = 200;
    std::vector<std::string> m_keyPath; ///< keys of the dict entries being evaluated
    std::vector<Token> m_toks;
    std::size_t m_i = 0;
    int m_depth = 0;
    QString m_file;
    QList<PyDiagnostic> *m_diags;
    std::map<std::string, Val> m_env;
};

} // namespace

std::optional<JsonValue> PyLiteralReader::readAssignment(std::string_view source,
    const QString &fileName,
    const char *variable,
    QList<PyDiagnostic> *diagnostics)
{
    std::vector<Token> tokens;
    try {
        tokens = Lexer(source).run();
    } catch (const SyntaxError &e) {
        if (diagnostics)
            diagnostics->append(
                PyDiagnostic { PyDiagnostic::Kind::Error, fileName, e.line, e.message });
        return std::nullopt;
    }
    Parser parser(std::move(tokens), fileName, diagnostics);
    parser.module();
    const Val *v = parser.variable(variable);
    if (!v)
        return std::nullopt;
    if (!v->ok()) {
        parser.report(PyDiagnostic::Kind::Unsupported,
            v->line,
            QStringLiteral("%1 (the whole '%2' is skipped)")
                .arg(v->unsupported, QString::fromLatin1(variable)),
            PyDiagnostic::Dropped::Variable,
            QString::fromLatin1(variable));
        return std::nullopt;
    }
    return v->value;
}

std::optional<JsonValue> PyLiteralReader::evaluate(
    std::string_view expression, QList<PyDiagnostic> *diagnostics)
{
    const QString name = QStringLiteral("<expression>");
    try {
        Parser parser(Lexer(expression).run(), name, diagnostics);
        Val v = parser.expressionOnly();
        if (!v.ok()) {
            parser.report(PyDiagnostic::Kind::Unsupported, v.line, v.unsupported);
            return std::nullopt;
        }
        return v.value;
    } catch (const SyntaxError &e) {
        if (diagnostics)
            diagnostics->append(
                PyDiagnostic { PyDiagnostic::Kind::Error, name, e.line, e.message });
        return std::nullopt;
    }
}

} // namespace fedmsg
