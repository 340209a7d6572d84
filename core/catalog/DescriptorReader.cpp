#include "DescriptorReader.h"

#include "util/Logging.h"

#include <QCborArray>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <QScopeGuard>

// libyaml: its event parser reads a descriptor several times faster than yaml-cpp's scanner (see
// tests/bench/README.md, "YAML parser"). Scalars are resolved here, with YAML 1.2's core schema.
#include <yaml.h>

#include <cmath>
#include <limits>
#include <unordered_map>

using namespace Qt::StringLiterals;

namespace Portolan::Core::DescriptorReader {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("DescriptorReader", text);
}

bool isDigits(std::string_view s, int base)
{
    if (s.empty()) {
        return false;
    }
    for (char c : s) {
        const bool ok = base == 8    ? (c >= '0' && c <= '7')
                        : base == 16 ? std::isxdigit(static_cast<unsigned char>(c)) != 0
                                     : (c >= '0' && c <= '9');
        if (!ok) {
            return false;
        }
    }
    return true;
}

// YAML 1.2 core schema resolution of a plain (unquoted) scalar, as Backstage's `yaml` package does it.
QCborValue resolvePlain(const std::string &text)
{
    const std::string_view s(text);
    if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") {
        return QCborValue(QCborValue::Null);
    }
    if (s == "true" || s == "True" || s == "TRUE") {
        return QCborValue(true);
    }
    if (s == "false" || s == "False" || s == "FALSE") {
        return QCborValue(false);
    }
    const char first = s.front();
    if ((first >= '0' && first <= '9') || first == '-' || first == '+' || first == '.') {
        std::string_view body = s;
        if (body.front() == '-' || body.front() == '+') {
            body.remove_prefix(1);
        }
        bool ok = false;
        if (isDigits(body, 10)) {
            const qint64 v = QByteArray::fromRawData(s.data(), qsizetype(s.size())).toLongLong(&ok);
            if (ok) {
                return QCborValue(v);
            }
            return QCborValue(QByteArray::fromRawData(s.data(), qsizetype(s.size())).toDouble());
        }
        if (s.size() > 2 && s[0] == '0' && s[1] == 'o' && isDigits(s.substr(2), 8)) {
            const qint64 v = QByteArray(s.data() + 2, qsizetype(s.size() - 2)).toLongLong(&ok, 8);
            if (ok) {
                return QCborValue(v);
            }
        }
        if (s.size() > 2 && s[0] == '0' && s[1] == 'x' && isDigits(s.substr(2), 16)) {
            const qint64 v = QByteArray(s.data() + 2, qsizetype(s.size() - 2)).toLongLong(&ok, 16);
            if (ok) {
                return QCborValue(v);
            }
        }
        if (body == ".inf" || body == ".Inf" || body == ".INF") {
            return QCborValue(first == '-' ? -std::numeric_limits<double>::infinity()
                                           : std::numeric_limits<double>::infinity());
        }
        if (s == ".nan" || s == ".NaN" || s == ".NAN") {
            return QCborValue(std::numeric_limits<double>::quiet_NaN());
        }
        // [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
        std::size_t i = 0;
        std::size_t digits = 0;
        while (i < body.size() && std::isdigit(static_cast<unsigned char>(body[i]))) {
            ++i;
            ++digits;
        }
        if (i < body.size() && body[i] == '.') {
            ++i;
            while (i < body.size() && std::isdigit(static_cast<unsigned char>(body[i]))) {
                ++i;
                ++digits;
            }
        }
        bool valid = digits > 0;
        if (valid && i < body.size() && (body[i] == 'e' || body[i] == 'E')) {
            ++i;
            if (i < body.size() && (body[i] == '+' || body[i] == '-')) {
                ++i;
            }
            const std::size_t expStart = i;
            while (i < body.size() && std::isdigit(static_cast<unsigned char>(body[i]))) {
                ++i;
            }
            valid = i > expStart;
        }
        if (valid && i == body.size()) {
            const double v = QByteArray::fromRawData(s.data(), qsizetype(s.size())).toDouble(&ok);
            if (ok) {
                return QCborValue(v);
            }
        }
    }
    return QCborValue(QString::fromUtf8(s.data(), qsizetype(s.size())));
}

QCborValue resolveTagged(const std::string &tag, const std::string &text)
{
    if (tag == "?") {
        return resolvePlain(text);
    }
    if (tag == "tag:yaml.org,2002:int" || tag == "tag:yaml.org,2002:float" || tag == "tag:yaml.org,2002:bool"
        || tag == "tag:yaml.org,2002:null") {
        return resolvePlain(text);
    }
    // "!" (quoted or block scalars), !!str and custom tags: the text as written.
    return QCborValue(QString::fromStdString(text));
}

// A place in the text, 0-based as libyaml counts.
struct Mark
{
    int line = 0;
    int column = 0;
};

Mark markOf(const yaml_mark_t &mark)
{
    return {int(mark.line), int(mark.column)};
}

using AnchorId = std::size_t; // 0: none

struct Frame
{
    bool isMap = false;
    QCborMap map;
    QCborArray array;
    QString path;
    bool hasKey = false;
    QString key;
    TextPosition keyPos;
    AnchorId anchor = 0;
    qint64 nodesAtStart = 0;
};

class LimitExceeded final : public std::exception
{
public:
    explicit LimitExceeded(Error error)
        : m_error(std::move(error))
    { }
    Error m_error;
};

// Builds CBOR values from libyaml's event stream, so no intermediate node tree is made.
class Builder final
{
public:
    Builder(const ReadOptions &options, int lineOffset, bool recordPositions)
        : m_options(options)
        , m_lineOffset(lineOffset)
        , m_recordPositions(recordPositions)
    { }

    void OnDocumentStart(const Mark &mark)
    {
        m_documentStart = pos(mark);
        m_stack.clear();
        m_root = QCborValue();
        m_hasRoot = false;
        m_nodes = 0;
        m_positions.clear();
    }
    void OnDocumentEnd() { m_documentDone = true; }

    void OnNull(const Mark &mark, AnchorId anchor) { addValue(mark, QCborValue(QCborValue::Null), anchor, 1); }

    void OnAlias(const Mark &mark, AnchorId anchor)
    {
        const auto it = m_anchors.find(anchor);
        if (it == m_anchors.end()) {
            addValue(mark, QCborValue(QCborValue::Null), 0, 1);
            return;
        }
        // Each use counts the whole aliased tree, which is what stops a "billion laughs" document.
        addValue(mark, it->second.first, 0, it->second.second);
    }

    void OnScalar(const Mark &mark, const std::string &tag, AnchorId anchor, const std::string &value)
    {
        if (!m_stack.empty() && m_stack.back().isMap && !m_stack.back().hasKey) {
            Frame &f = m_stack.back();
            f.key = QString::fromStdString(value);
            f.keyPos = pos(mark);
            f.hasKey = true;
            if (f.map.contains(f.key)) {
                Error e = located(Error::Code::Parse, mark, tr("Duplicate key \"%1\"").arg(f.key));
                e.field = childPath(f.path, f.key);
                throw LimitExceeded(e);
            }
            if (anchor) {
                m_anchors[anchor] = {QCborValue(f.key), 1};
            }
            return;
        }
        addValue(mark, resolveTagged(tag, value), anchor, 1);
    }

    void OnSequenceStart(const Mark &mark, AnchorId anchor) { push(mark, false, anchor); }
    void OnSequenceEnd() { pop(); }

    void OnMapStart(const Mark &mark, AnchorId anchor) { push(mark, true, anchor); }
    void OnMapEnd() { pop(); }

    // The hook for $text/$json/$yaml: called with a finished one-key map; returns true when it replaced it.
    std::function<bool(const QCborMap &, const QString &path, const TextPosition &, QCborValue &)> substitute;

    TextPosition m_documentStart;
    QCborValue m_root;
    bool m_hasRoot = false;
    bool m_documentDone = false;
    QHash<QString, TextPosition> m_positions;

private:
    TextPosition pos(const Mark &mark) const { return {mark.line + m_lineOffset, mark.column + 1}; }

    Error located(Error::Code code, const Mark &mark, const QString &message) const
    {
        Error e = makeError(code, message);
        e.line = mark.line + m_lineOffset;
        e.column = mark.column + 1;
        return e;
    }

    static QString childPath(const QString &parent, const QString &key)
    {
        return parent.isEmpty() ? key : parent + u'.' + key;
    }

    void count(const Mark &mark, qint64 n)
    {
        m_nodes += n;
        if (m_nodes > m_options.maxNodesPerDocument) {
            throw LimitExceeded(located(Error::Code::TooLarge, mark,
                                        tr("The document expands to more than %1 values (too many aliases?)")
                                            .arg(m_options.maxNodesPerDocument)));
        }
    }

    // The path and position a new child of the top frame gets.
    QString nextPath(TextPosition &where, const Mark &mark)
    {
        where = pos(mark);
        if (m_stack.empty()) {
            return {};
        }
        Frame &f = m_stack.back();
        if (f.isMap) {
            where = f.keyPos;
            return childPath(f.path, f.key);
        }
        return f.path + u'[' + QString::number(f.array.size()) + u']';
    }

    void record(const QString &path, const TextPosition &where, int depth)
    {
        if (m_recordPositions && depth <= m_options.positionDepth && !path.isEmpty()) {
            m_positions.insert(path, where);
        }
    }

    void push(const Mark &mark, bool isMap, AnchorId anchor)
    {
        if (int(m_stack.size()) >= m_options.maxDepth) {
            throw LimitExceeded(located(Error::Code::TooLarge, mark,
                                        tr("The document nests deeper than %1 levels").arg(m_options.maxDepth)));
        }
        if (!m_stack.empty() && m_stack.back().isMap && !m_stack.back().hasKey) {
            throw LimitExceeded(
                located(Error::Code::Parse, mark, tr("A mapping or sequence used as a key is not supported")));
        }
        count(mark, 1);
        if (m_stack.empty()) {
            m_documentStart = pos(mark); // the root node, not the "---" before it
        }
        Frame f;
        f.isMap = isMap;
        TextPosition where;
        f.path = nextPath(where, mark);
        record(f.path, where, int(m_stack.size()) + 1);
        f.anchor = anchor;
        f.nodesAtStart = m_nodes;
        m_stack.push_back(std::move(f));
    }

    void pop()
    {
        Frame f = std::move(m_stack.back());
        m_stack.pop_back();
        QCborValue value = f.isMap ? QCborValue(std::move(f.map)) : QCborValue(std::move(f.array));
        if (f.isMap && substitute && value.toMap().size() == 1) {
            const QCborMap single = value.toMap();
            const QString key = single.constBegin().key().toString();
            if (key.startsWith(u'$')) {
                QCborValue replaced;
                if (substitute(single, f.path, m_positions.value(f.path, m_documentStart), replaced)) {
                    value = replaced;
                }
            }
        }
        const qint64 size = m_nodes - f.nodesAtStart + 1;
        if (f.anchor) {
            m_anchors[f.anchor] = {value, size};
        }
        attach(std::move(value));
    }

    void addValue(const Mark &mark, QCborValue value, AnchorId anchor, qint64 size)
    {
        if (!m_stack.empty() && m_stack.back().isMap && !m_stack.back().hasKey) {
            // A null, or an alias, used as a key: take its text.
            Frame &f = m_stack.back();
            f.key = value.isString() ? value.toString() : QString();
            f.keyPos = pos(mark);
            f.hasKey = true;
            return;
        }
        count(mark, size);
        if (m_stack.empty()) {
            m_documentStart = pos(mark);
        }
        TextPosition where;
        const QString path = nextPath(where, mark);
        record(path, where, int(m_stack.size()));
        if (anchor) {
            m_anchors[anchor] = {value, size};
        }
        attach(std::move(value));
    }

    void attach(QCborValue value)
    {
        if (m_stack.empty()) {
            m_root = std::move(value);
            m_hasRoot = true;
            return;
        }
        Frame &f = m_stack.back();
        if (f.isMap) {
            f.map.insert(f.key, std::move(value));
            f.hasKey = false;
        } else {
            f.array.append(std::move(value));
        }
    }

    const ReadOptions &m_options;
    int m_lineOffset;
    bool m_recordPositions;
    std::vector<Frame> m_stack;
    std::unordered_map<AnchorId, std::pair<QCborValue, qint64>> m_anchors;
    qint64 m_nodes = 0;
};

struct Chunk
{
    qsizetype begin = 0;
    qsizetype end = 0;
    int firstLine = 1; // 1-based line of `begin`
};

bool isMarkerLine(const char *p, qsizetype remaining)
{
    if (remaining < 3) {
        return false;
    }
    const bool dashes = p[0] == '-' && p[1] == '-' && p[2] == '-';
    const bool dots = p[0] == '.' && p[1] == '.' && p[2] == '.';
    if (!dashes && !dots) {
        return false;
    }
    return remaining == 3 || p[3] == ' ' || p[3] == '\t' || p[3] == '\n' || p[3] == '\r';
}

// Splits a stream at document markers in column 0, so a syntax error in one document leaves the others.
QList<Chunk> splitDocuments(const QByteArray &data)
{
    QList<Chunk> chunks;
    Chunk current;
    int line = 1;
    const char *p = data.constData();
    const qsizetype n = data.size();
    qsizetype i = 0;
    // Directives (%YAML 1.2) and comments before a "---" belong to the document the marker starts; a "..." ends
    // the document it closes.
    bool onlyPreamble = true;
    while (i < n) {
        const void *nl = std::memchr(p + i, '\n', std::size_t(n - i));
        const qsizetype next = nl ? static_cast<const char *>(nl) - p + 1 : n;
        const bool marker = isMarkerLine(p + i, n - i);
        if (marker && p[i] == '.') {
            current.end = next;
            chunks.append(current);
            current = Chunk{next, 0, line + 1};
            onlyPreamble = true;
        } else if (marker && i > current.begin && !onlyPreamble) {
            current.end = i;
            chunks.append(current);
            current = Chunk{i, 0, line};
        } else if (onlyPreamble && !marker && p[i] != '%') {
            qsizetype j = i;
            while (j < n && (p[j] == ' ' || p[j] == '\t')) {
                ++j;
            }
            onlyPreamble = j >= n || p[j] == '\n' || p[j] == '\r' || p[j] == '#';
        }
        if (marker && p[i] == '-') {
            onlyPreamble = false; // what follows "---" is the document
        }
        i = next;
        ++line;
    }
    current.end = n;
    chunks.append(current);
    return chunks;
}

QByteArray rawText(const QByteArray &data, const Chunk &chunk)
{
    QByteArray raw = data.mid(chunk.begin, chunk.end - chunk.begin);
    if (raw.startsWith("---")) {
        const qsizetype nl = raw.indexOf('\n');
        const QByteArray rest = nl == -1 ? QByteArray() : raw.mid(nl + 1);
        // Keep content that follows the marker on its own line ("--- # comment" is dropped with the marker).
        const QByteArray markerTail = raw.mid(3, (nl == -1 ? raw.size() : nl) - 3).trimmed();
        raw = markerTail.isEmpty() || markerTail.startsWith('#') ? rest : markerTail + '\n' + rest;
    }
    while (raw.endsWith('\n') || raw.endsWith('\r')) {
        raw.chop(1);
    }
    return raw + '\n';
}

bool looksLikeSkeleton(const QByteArray &data)
{
    static const QByteArrayList markers = {"${{ values.", "${{values.", "{{ cookiecutter.", "{{cookiecutter."};
    for (const QByteArray &m : markers) {
        if (data.contains(m)) {
            return true;
        }
    }
    return false;
}

void locate(Error &e, int offsetLine, const QByteArray &data, qsizetype offset)
{
    int line = offsetLine;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset && i < data.size(); ++i) {
        if (data.at(i) == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    e.line = line;
    e.column = int(offset - lineStart) + 1;
}

class Reader
{
public:
    Reader(const ReadOptions &options, int substitutionDepth)
        : m_options(options)
        , m_substitutionDepth(substitutionDepth)
    { }

    FileReadResult read(const QByteArray &input, const QString &path)
    {
        FileReadResult result;
        result.file = path;
        m_result = &result;
        m_baseDir = QFileInfo(path).absolutePath();
        if (path.startsWith(u":/"_s)) {
            m_baseDir = QFileInfo(path).path();
        }

        QByteArray data = input;
        if (data.startsWith("\xEF\xBB\xBF")) {
            data.remove(0, 3);
        }
        if (data.size() > m_options.maxFileSize) {
            problem(Error::Code::TooLarge,
                    tr("The file is %1 MB, larger than the %2 MB limit for one descriptor file; it was not read")
                        .arg(double(data.size()) / (1024 * 1024), 0, 'f', 1)
                        .arg(m_options.maxFileSize / (1024 * 1024)),
                    0, 0);
            return result;
        }
        const qsizetype bad = firstInvalidUtf8(data);
        if (bad >= 0) {
            Error e = makeError(Error::Code::Encoding,
                                tr("The file is not valid UTF-8 (byte 0x%1 at offset %2); it was not read")
                                    .arg(QString::number(uchar(data.at(bad)), 16).toUpper())
                                    .arg(bad));
            e.file = path;
            locate(e, 1, data, bad);
            result.problems.append(e);
            return result;
        }
        if (looksLikeSkeleton(data)) {
            result.skeleton = true;
            problem(Error::Code::Unsupported,
                    tr("This looks like a scaffolder template skeleton (it has ${{ values }} or cookiecutter "
                       "placeholders); it is filled in by a template, not read as a descriptor"),
                    0, 0, Error::Severity::Warning);
            return result;
        }

        int index = 0;
        for (const Chunk &chunk : splitDocuments(data)) {
            parseChunk(data, chunk, index);
        }
        return result;
    }

    QCborValue parseSubstitutedYaml(const QByteArray &data, const QString &path, bool &ok, QString &why)
    {
        FileReadResult result;
        m_result = &result;
        m_baseDir = QFileInfo(path).absolutePath();
        int index = 0;
        const QList<Chunk> chunks = splitDocuments(data);
        parseChunk(data, chunks.value(0), index, false);
        ok = result.problems.isEmpty() && !result.documents.isEmpty();
        if (!result.problems.isEmpty()) {
            why = result.problems.first().toString();
        }
        return m_lastRoot;
    }

private:
    void problem(Error::Code code, const QString &message, int line, int column,
                 Error::Severity severity = Error::Severity::Error)
    {
        Error e = makeError(code, message);
        e.severity = severity;
        e.file = m_result->file;
        e.line = line;
        e.column = column;
        m_result->problems.append(e);
    }

    void parseChunk(const QByteArray &data, const Chunk &chunk, int &index, bool record = true)
    {
        Builder builder(m_options, chunk.firstLine, record && m_options.recordPositions);
        builder.substitute = [this](const QCborMap &single, const QString &field, const TextPosition &where,
                                    QCborValue &out) { return substituteValue(single, field, where, out); };
        yaml_parser_t parser;
        if (!yaml_parser_initialize(&parser)) {
            problem(Error::Code::Internal, tr("The YAML parser could not start (out of memory)"), chunk.firstLine, 0);
            return;
        }
        const auto deleteParser = qScopeGuard([&parser] { yaml_parser_delete(&parser); });
        yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char *>(data.constData() + chunk.begin),
                                     std::size_t(chunk.end - chunk.begin));
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
        // Anchors by name; a name defined again names the new node from there on.
        std::unordered_map<std::string, AnchorId> anchors;
        AnchorId lastAnchor = 0;
        const auto define = [&](const yaml_char_t *name) -> AnchorId {
            if (!name) {
                return 0;
            }
            const AnchorId id = ++lastAnchor;
            anchors[reinterpret_cast<const char *>(name)] = id;
            return id;
        };
        try {
            while (true) {
                yaml_event_t event;
                if (!yaml_parser_parse(&parser, &event)) {
                    QString message = QString::fromUtf8(parser.problem ? parser.problem : "unknown problem");
                    if (parser.context) {
                        message = QString::fromUtf8(parser.context) + u", "_s + message;
                    }
                    problem(Error::Code::Parse, tr("YAML syntax error: %1").arg(message),
                            int(parser.problem_mark.line) + chunk.firstLine, int(parser.problem_mark.column) + 1);
                    return;
                }
                const auto deleteEvent = qScopeGuard([&event] { yaml_event_delete(&event); });
                const Mark mark = markOf(event.start_mark);
                switch (event.type) {
                case YAML_STREAM_END_EVENT:
                    return;
                case YAML_DOCUMENT_START_EVENT:
                    builder.m_documentDone = false;
                    builder.OnDocumentStart(mark);
                    break;
                case YAML_DOCUMENT_END_EVENT:
                    builder.OnDocumentEnd();
                    finishDocument(builder, data, chunk, index);
                    break;
                case YAML_ALIAS_EVENT: {
                    const auto it = anchors.find(reinterpret_cast<const char *>(event.data.alias.anchor));
                    builder.OnAlias(mark, it == anchors.end() ? 0 : it->second);
                    break;
                }
                case YAML_SCALAR_EVENT: {
                    const auto &scalar = event.data.scalar;
                    // yaml-cpp's convention, which resolveTagged follows: "?" a plain scalar without a tag, "!"
                    // a quoted or block one, else the tag as resolved by the parser.
                    const std::string tag = scalar.tag ? std::string(reinterpret_cast<const char *>(scalar.tag))
                                            : scalar.style == YAML_PLAIN_SCALAR_STYLE ? std::string("?")
                                                                                      : std::string("!");
                    builder.OnScalar(mark, tag, define(scalar.anchor),
                                     std::string(reinterpret_cast<const char *>(scalar.value), scalar.length));
                    break;
                }
                case YAML_SEQUENCE_START_EVENT:
                    builder.OnSequenceStart(mark, define(event.data.sequence_start.anchor));
                    break;
                case YAML_SEQUENCE_END_EVENT:
                    builder.OnSequenceEnd();
                    break;
                case YAML_MAPPING_START_EVENT:
                    builder.OnMapStart(mark, define(event.data.mapping_start.anchor));
                    break;
                case YAML_MAPPING_END_EVENT:
                    builder.OnMapEnd();
                    break;
                case YAML_STREAM_START_EVENT:
                case YAML_NO_EVENT:
                    break;
                }
            }
        } catch (const LimitExceeded &limit) {
            Error e = limit.m_error;
            e.file = m_result->file;
            m_result->problems.append(e);
        } catch (const std::exception &ex) {
            problem(Error::Code::Parse, tr("The document could not be read: %1").arg(QString::fromUtf8(ex.what())),
                    chunk.firstLine, 0);
        }
    }

    void finishDocument(Builder &builder, const QByteArray &data, const Chunk &chunk, int &index)
    {
        if (!builder.m_hasRoot || builder.m_root.isNull()) {
            return; // an empty document, e.g. after a trailing ---
        }
        ParsedDocument doc;
        doc.file = m_result->file;
        doc.index = index++;
        doc.start = builder.m_documentStart;
        if (builder.m_root.isMap()) {
            doc.root = builder.m_root.toMap();
        }
        doc.positions = std::move(builder.m_positions);
        doc.raw = rawText(data, chunk);
        m_lastRoot = builder.m_root;
        m_result->documents.append(std::move(doc));
    }

    bool substituteValue(const QCborMap &single, const QString &field, const TextPosition &where, QCborValue &out)
    {
        const QString key = single.constBegin().key().toString();
        const QCborValue target = single.constBegin().value();
        if (key != u"$text"_s && key != u"$json"_s && key != u"$yaml"_s) {
            return false;
        }
        const auto fail = [&](const QString &message, Error::Severity severity = Error::Severity::Error) {
            Error e = makeError(Error::Code::Reference, message);
            e.severity = severity;
            e.file = m_result->file;
            e.field = field;
            e.line = where.line;
            e.column = where.column;
            m_result->problems.append(e);
        };
        if (!target.isString()) {
            fail(tr("Placeholder %1 needs a file path or URL as its value").arg(key));
            return false;
        }
        const QString ref = target.toString();
        if (ref.contains(u"://"_s)) {
            fail(tr("Placeholder %1 points to the remote URL %2, which is not fetched when reading files; the URL "
                    "is kept as the value")
                     .arg(key, ref),
                 Error::Severity::Warning);
            out = QCborValue(ref);
            return true;
        }
        if (m_substitutionDepth >= m_options.maxSubstitutionDepth) {
            fail(tr("Placeholder %1 nests deeper than %2 files").arg(key).arg(m_options.maxSubstitutionDepth));
            return false;
        }
        const QString path = QDir::cleanPath(QDir(m_baseDir).filePath(ref));
        QFile file(path);
        if (file.size() > m_options.maxFileSize) {
            fail(tr("Placeholder %1 file %2 is larger than the %3 MB limit")
                     .arg(key, ref)
                     .arg(m_options.maxFileSize / (1024 * 1024)));
            return false;
        }
        if (!file.open(QIODevice::ReadOnly)) {
            fail(tr("Placeholder %1 could not read \"%2\": %3").arg(key, ref, file.errorString()));
            return false;
        }
        const QByteArray bytes = file.readAll();
        m_result->substitutedFiles.append(QFileInfo(path).absoluteFilePath());
        if (key == u"$text"_s) {
            out = QCborValue(QString::fromUtf8(bytes));
            return true;
        }
        if (key == u"$json"_s) {
            QJsonParseError err{};
            const QJsonDocument json = QJsonDocument::fromJson(bytes, &err);
            if (err.error != QJsonParseError::NoError) {
                fail(tr("Placeholder $json file \"%1\" is not valid JSON: %2").arg(ref, err.errorString()));
                return false;
            }
            out = json.isArray() ? QCborValue(QCborArray::fromJsonArray(json.array()))
                                 : QCborValue(QCborMap::fromJsonObject(json.object()));
            return true;
        }
        Reader nested(m_options, m_substitutionDepth + 1);
        bool ok = false;
        QString why;
        out = nested.parseSubstitutedYaml(bytes, path, ok, why);
        if (!ok) {
            fail(tr("Placeholder $yaml file \"%1\" could not be read: %2").arg(ref, why));
            return false;
        }
        return true;
    }

    const ReadOptions &m_options;
    int m_substitutionDepth;
    FileReadResult *m_result = nullptr;
    QString m_baseDir;
    QCborValue m_lastRoot;
};

} // namespace

qsizetype firstInvalidUtf8(const QByteArray &data)
{
    const auto *p = reinterpret_cast<const unsigned char *>(data.constData());
    const qsizetype n = data.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int len = 0;
        unsigned int cp = 0;
        if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07;
        } else {
            return i;
        }
        if (i + len > n) {
            return i;
        }
        for (int k = 1; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80) {
                return i;
            }
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        const bool overlong = (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
        if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return i;
        }
        i += len;
    }
    return -1;
}

FileReadResult readData(const QByteArray &data, const QString &path, const ReadOptions &options)
{
    Reader reader(options, 0);
    return reader.read(data, path);
}

FileReadResult readFile(const QString &path, const ReadOptions &options)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        FileReadResult result;
        result.file = path;
        Error e = makeError(Error::Code::Io, tr("Could not open the file: %1").arg(file.errorString()));
        e.file = path;
        result.problems.append(e);
        return result;
    }
    if (file.size() > options.maxFileSize) {
        FileReadResult result;
        result.file = path;
        Error e = makeError(Error::Code::TooLarge,
                            tr("The file is %1 MB, larger than the %2 MB limit for one descriptor file; it was not "
                               "read")
                                .arg(double(file.size()) / (1024 * 1024), 0, 'f', 1)
                                .arg(options.maxFileSize / (1024 * 1024)));
        e.file = path;
        result.problems.append(e);
        return result;
    }
    return readData(file.readAll(), path, options);
}

} // namespace Portolan::Core::DescriptorReader
