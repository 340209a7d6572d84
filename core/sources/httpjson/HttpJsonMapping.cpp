#include "HttpJsonMapping.h"

#include "catalog/DescriptorReader.h"
#include "catalog/Validator.h"
#include "net/HttpClient.h"

#include <QCborArray>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Portolan::Core::HttpJson {

namespace {

QString tr(const char *text, const char *comment = nullptr, int n = -1)
{
    return QCoreApplication::translate("HttpJsonMapping", text, comment, n);
}

constexpr int listedFailures = 5; // per expression; the rest are counted
constexpr int objectTextBytes = 300;

const QString defaultItems = u"if type == \"array\" then .[] else . end"_s;

Error configError(const QString &file, int line, const QString &field, const QString &message)
{
    Error e = makeError(Error::Code::Config, message);
    e.file = file;
    e.line = line;
    e.field = field;
    return e;
}

Error compileError(const Expression &x, const QString &jqMessage)
{
    Error e =
        configError(x.file, x.line, x.field, tr("The jq expression `%1` does not compile: %2").arg(x.text, jqMessage));
    static const QRegularExpression bareWord(u"^[A-Za-z][A-Za-z0-9_-]*$"_s);
    if (bareWord.match(x.text).hasMatch()) {
        e.detail =
            tr("A fixed text is a jq string: write '\"%1\"' (double quotes inside the YAML string).").arg(x.text);
    }
    return e;
}

// An object, shortly, for an error: its plain top-level fields (not its nested objects, lists, nulls, URLs or long
// texts), which are what tells one object from another (id, name, number, title, state).
QString shown(const JqValue &value)
{
    if (!value.isObject()) {
        return value.text(objectTextBytes);
    }
    const QJsonObject object = value.toJson().toObject();
    QJsonObject brief;
    int left = 0;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QJsonValue v = it.value();
        const bool url =
            v.isString() && (v.toString().startsWith(u"https://"_s) || v.toString().startsWith(u"http://"_s));
        if (v.isObject() || v.isArray() || v.isNull() || url || (v.isString() && v.toString().size() > 80)) {
            ++left;
            continue;
        }
        brief.insert(it.key(), v);
    }
    QString text = QString::fromUtf8(QJsonDocument(brief).toJson(QJsonDocument::Compact));
    if (text.size() > objectTextBytes) {
        text = text.left(objectTextBytes) + u"..."_s;
    }
    if (left > 0) {
        text += u' ' + tr("(%n more field(s) not shown)", nullptr, left);
    }
    return text;
}

// Where an entity field's value comes from: the metadata fields to metadata, apiVersion/kind/metadata/spec as they
// are, any other key to spec.
QString targetPath(const QString &key)
{
    if (key == u"apiVersion"_s || key == u"kind"_s || key == u"metadata"_s || key == u"spec"_s) {
        return key;
    }
    return (metadataFields().contains(key) ? u"metadata."_s : u"spec."_s) + key;
}

} // namespace

const QStringList &metadataFields()
{
    static const QStringList fields = {u"name"_s,   u"namespace"_s,   u"title"_s, u"description"_s,
                                       u"labels"_s, u"annotations"_s, u"tags"_s,  u"links"_s};
    return fields;
}

Result<Mapping> readMapping(const SourceConfig &config, const QString &workspaceRoot, ErrorList *warnings)
{
    Mapping mapping;
    QCborMap root;
    QString file;
    QString prefix;
    std::function<int(const QString &)> lineOf;
    std::optional<ParsedDocument> doc;
    const QVariant mappingOption = config.options.value(u"mapping"_s);
    if (mappingOption.isValid()) {
        QString path = mappingOption.toString().trimmed();
        if (path.isEmpty()) {
            return configError(config.configFile, config.optionLine(u"mapping"_s), u"options.mapping"_s,
                               tr("\"mapping\" is the path of a YAML file with the mapping's resources"));
        }
        if (path.startsWith(u"~/"_s)) {
            path = QDir::homePath() + path.mid(1);
        } else if (QDir::isRelativePath(path)) {
            const QString base =
                config.configFile.isEmpty() ? workspaceRoot : QFileInfo(config.configFile).absolutePath();
            path = QDir(base).filePath(path);
        }
        if (!QFileInfo(path).isFile()) {
            return configError(config.configFile, config.optionLine(u"mapping"_s), u"options.mapping"_s,
                               tr("The mapping file %1 does not exist").arg(QDir::toNativeSeparators(path)));
        }
        ReadOptions options;
        options.positionDepth = 12;
        FileReadResult read = DescriptorReader::readFile(path, options);
        for (const Error &e : std::as_const(read.problems)) {
            if (e.isError()) {
                return e;
            }
        }
        if (read.documents.isEmpty()) {
            return configError(path, 0, QString(), tr("The mapping file %1 is empty").arg(path));
        }
        doc = std::move(read.documents.first());
        root = doc->root;
        file = QFileInfo(path).absoluteFilePath();
        mapping.file = file;
        lineOf = [&doc](const QString &field) { return doc->positionOf(field).line; };
        if (config.options.contains(u"resources"_s)) {
            Error w = configError(config.configFile, config.optionLine(u"resources"_s), u"options.resources"_s,
                                  tr("Both \"mapping\" and \"resources\" are given; the mapping file is used"));
            w.severity = Error::Severity::Warning;
            warnings->append(w);
        }
    } else {
        root = QCborMap::fromVariantMap(config.options);
        file = config.configFile;
        prefix = u"options."_s;
        lineOf = [&config](const QString &field) { return config.optionLine(field.mid(8)); };
    }

    const QCborValue resources = root.value("resources"_L1);
    if (!resources.isArray() || resources.toArray().isEmpty()) {
        return configError(file, lineOf(prefix + u"resources"_s), prefix + u"resources"_s,
                           tr("An http-json source needs \"resources\": a list of the API paths to read, each with "
                              "the jq expressions that make entities of its objects"));
    }
    static const QStringList knownKeys = {u"path"_s,   u"items"_s,  u"next"_s,    u"followLinks"_s,
                                          u"select"_s, u"entity"_s, u"maxPages"_s};
    const QCborArray list = resources.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString base = prefix + u"resources[%1]"_s.arg(i);
        if (!list.at(i).isMap()) {
            return configError(file, lineOf(base), base, tr("Each resource is a mapping with \"path\" and \"entity\""));
        }
        const QCborMap r = list.at(i).toMap();
        Resource resource;
        resource.field = base;
        resource.file = file;
        resource.line = lineOf(base);
        for (auto it = r.constBegin(); it != r.constEnd(); ++it) {
            const QString key = it.key().toString();
            if (!knownKeys.contains(key)) {
                Error w =
                    configError(file, lineOf(base + u'.' + key), base + u'.' + key,
                                tr("Unknown field \"%1\" in a resource; known: %2").arg(key, knownKeys.join(u", "_s)));
                w.severity = Error::Severity::Warning;
                warnings->append(w);
            }
        }
        const QCborValue path = r.value("path"_L1);
        if (!path.isString() || path.toString().trimmed().isEmpty()) {
            return configError(file, lineOf(base + u".path"_s), base + u".path"_s,
                               tr("A resource needs \"path\": the API path to read (relative to the source's url) "
                                  "or a full URL"));
        }
        resource.path = path.toString().trimmed();
        std::optional<Error> problem;
        const auto expression = [&](const QString &field, const QCborValue &value) {
            Expression x;
            x.field = field;
            x.file = file;
            x.line = lineOf(field);
            if (value.isUndefined() || value.isNull()) {
                return x;
            }
            if (!value.isString() || value.toString().trimmed().isEmpty()) {
                if (!problem) {
                    problem = configError(file, x.line, field,
                                          tr("\"%1\" is a jq expression, written as a YAML string")
                                              .arg(field.mid(field.lastIndexOf(u'.') + 1)));
                }
                return x;
            }
            x.text = value.toString().trimmed();
            return x;
        };
        resource.items = expression(base + u".items"_s, r.value("items"_L1));
        resource.next = expression(base + u".next"_s, r.value("next"_L1));
        resource.select = expression(base + u".select"_s, r.value("select"_L1));
        const QCborValue followLinks = r.value("followLinks"_L1);
        if (followLinks.isBool()) {
            resource.followLinks = followLinks.toBool();
        } else if (!followLinks.isUndefined()) {
            return configError(file, lineOf(base + u".followLinks"_s), base + u".followLinks"_s,
                               tr("\"followLinks\" must be true or false"));
        }
        if (resource.followLinks && !resource.next.isEmpty()) {
            return configError(file, resource.next.line, resource.next.field,
                               tr("A resource pages either by \"next\" or by \"followLinks\", not both"));
        }
        const QCborValue maxPages = r.value("maxPages"_L1);
        if (maxPages.isInteger() && maxPages.toInteger() > 0) {
            resource.maxPages = int(std::min<qint64>(maxPages.toInteger(), 1'000'000));
        } else if (!maxPages.isUndefined()) {
            return configError(file, lineOf(base + u".maxPages"_s), base + u".maxPages"_s,
                               tr("\"maxPages\" must be a whole number above 0"));
        }
        const QCborValue entity = r.value("entity"_L1);
        const QString entityField = base + u".entity"_s;
        if (entity.isString()) {
            resource.entity = expression(entityField, entity);
        } else if (entity.isMap()) {
            const QCborMap fields = entity.toMap();
            for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
                const QString key = it.key().toString();
                resource.fields.append({key, expression(entityField + u'.' + key, it.value())});
            }
            const auto has = [&](const QString &key) {
                return std::any_of(resource.fields.cbegin(), resource.fields.cend(),
                                   [&](const auto &f) { return f.first == key && !f.second.isEmpty(); });
            };
            if (!problem && !has(u"kind"_s)) {
                problem = configError(file, lineOf(entityField), entityField,
                                      tr("\"entity\" needs \"kind\", a jq expression such as '\"Component\"'"));
            }
            if (!problem && !has(u"name"_s) && !has(u"metadata"_s)) {
                problem = configError(file, lineOf(entityField), entityField,
                                      tr("\"entity\" needs \"name\": the jq expression that gives each entity's name"));
            }
        } else {
            return configError(file, lineOf(entityField), entityField,
                               tr("A resource needs \"entity\": a mapping of entity fields to jq expressions, or one "
                                  "jq expression that builds the whole entity"));
        }
        if (problem) {
            return *problem;
        }
        mapping.resources.append(resource);
    }
    return mapping;
}

struct Mapper::Compiled
{
    Resource spec;
    std::unique_ptr<JqProgram> items;
    std::unique_ptr<JqProgram> next;
    std::unique_ptr<JqProgram> select;
    std::unique_ptr<JqProgram> entity;
    std::vector<std::pair<Expression, std::unique_ptr<JqProgram>>> fields; // key: the last part of the field
    QStringList keys;
};

Mapper::~Mapper() = default;

Result<std::unique_ptr<Mapper>> Mapper::compile(const Mapping &mapping, const QString &sourceId, const QString &baseUrl)
{
    std::unique_ptr<Mapper> mapper(new Mapper);
    mapper->m_sourceId = sourceId;
    const QList<QPair<QString, QJsonValue>> variables = {{u"source"_s, sourceId}, {u"baseUrl"_s, baseUrl}};
    std::optional<Error> failed;
    const auto compiled = [&](const Expression &x) -> std::unique_ptr<JqProgram> {
        if (x.isEmpty() || failed) {
            return nullptr;
        }
        auto program = JqProgram::compile(x.text, variables);
        if (!program.ok()) {
            failed = compileError(x, program.error().message);
            return nullptr;
        }
        return std::move(program).value();
    };
    for (const Resource &r : mapping.resources) {
        auto c = std::make_unique<Compiled>();
        c->spec = r;
        if (c->spec.items.isEmpty()) {
            c->spec.items.text = defaultItems;
        }
        c->items = compiled(c->spec.items);
        c->next = compiled(r.next);
        c->select = compiled(r.select);
        c->entity = compiled(r.entity);
        for (const auto &[key, x] : r.fields) {
            if (auto program = compiled(x)) {
                c->fields.emplace_back(x, std::move(program));
                c->keys.append(key);
            }
        }
        if (failed) {
            return *failed;
        }
        mapper->m_resources.push_back(std::move(c));
    }
    return mapper;
}

void Mapper::fail(Page &page, const Expression &expression, Error error)
{
    auto &[x, count] = m_failures[expression.field];
    x = expression;
    if (++count <= listedFailures) {
        page.problems.append(std::move(error));
    }
}

ErrorList Mapper::summary() const
{
    ErrorList out;
    for (auto it = m_failures.cbegin(); it != m_failures.cend(); ++it) {
        const auto &[x, count] = it.value();
        if (count <= listedFailures) {
            continue;
        }
        const int more = count - listedFailures;
        Error e = configError(x.file, x.line, x.field,
                              x.text.isEmpty()
                                  ? tr("%n more object(s) made no valid entity the same way", nullptr, more)
                                  : tr("%n more object(s) failed at `%1` the same way", nullptr, more).arg(x.text));
        out.append(e);
    }
    std::sort(out.begin(), out.end(), [](const Error &a, const Error &b) { return a.field < b.field; });
    return out;
}

Result<Mapper::Page> Mapper::mapPage(int resource, const QByteArray &body, const QUrl &url, const QUrl &linkNext,
                                     const std::atomic_bool *cancel)
{
    Compiled &c = *m_resources.at(size_t(resource));
    const QString where = HttpClient::redactedUrl(url);
    const auto expressionError = [&](const Expression &x, const QString &what, const QString &why,
                                     const JqValue &input) {
        Error e = configError(x.file, x.line, x.field, tr("`%1` failed on %2: %3").arg(x.text, what, why));
        e.code = Error::Code::Validation;
        e.detail = tr("Its input: %1").arg(shown(input));
        return e;
    };

    Result<JqValue> parsed = JqValue::parse(body);
    if (!parsed.ok()) {
        Error e =
            makeError(Error::Code::Parse, tr("The answer from %1 is not JSON: %2").arg(where, parsed.error().message));
        e.file = where;
        return e;
    }
    const JqValue &answer = parsed.value();
    const QString answerName = tr("the answer from %1").arg(where);
    Page page;

    if (c.spec.followLinks) {
        if (!linkNext.isEmpty()) {
            page.next = linkNext;
        }
    } else if (c.next) {
        auto next = c.next->run(answer, 1000, cancel);
        if (!next.ok()) {
            return expressionError(c.spec.next, answerName, next.error().message, answer);
        }
        for (const JqValue &v : next.value()) {
            if (v.isNull() || (v.isString() && v.toString().isEmpty())) {
                continue;
            }
            if (!v.isString()) {
                return expressionError(
                    c.spec.next, answerName,
                    tr("it gave %1 %2; the next page is a URL or a path").arg(v.kindName(), v.text(80)), answer);
            }
            page.next = url.resolved(QUrl(v.toString()));
            break;
        }
    }

    auto items = c.items->run(answer, 10'000'000, cancel);
    if (!items.ok()) {
        if (items.error().code == Error::Code::Cancelled) {
            return items.error();
        }
        return expressionError(c.spec.items, answerName, items.error().message, answer);
    }
    page.objects = int(items->size());
    for (size_t i = 0; i < items->size(); ++i) {
        if (cancel && cancel->load()) {
            return makeError(Error::Code::Cancelled, tr("Cancelled"));
        }
        const JqValue &item = items->at(i);
        const QString objectName = tr("object %1 of %2").arg(i + 1).arg(where);
        if (!item.isObject()) {
            fail(page, c.spec.items,
                 expressionError(c.spec.items, answerName,
                                 tr("item %1 is %2 %3, not an object").arg(i + 1).arg(item.kindName(), item.text(80)),
                                 answer));
            continue;
        }
        if (c.select) {
            auto selected = c.select->run(item, 1000, cancel);
            if (!selected.ok()) {
                fail(page, c.spec.select, expressionError(c.spec.select, objectName, selected.error().message, item));
                continue;
            }
            if (selected->empty() || !selected->front().isTruthy()) {
                continue;
            }
        }

        QJsonObject envelope;
        QHash<QString, const Expression *> origins; // target path → the expression that gave it
        bool broken = false;
        if (c.entity) {
            auto built = c.entity->run(item, 1000, cancel);
            if (!built.ok() || built->size() != 1 || !built->front().isObject()) {
                const QString why =
                    !built.ok() ? built.error().message
                    : built->size() != 1
                        ? tr("it gave %n value(s); an entity is one object", nullptr, int(built->size()))
                        : tr("it gave %1 %2, not an object").arg(built->front().kindName(), built->front().text(80));
                fail(page, c.spec.entity, expressionError(c.spec.entity, objectName, why, item));
                continue;
            }
            envelope = built->front().toJson().toObject();
            // A null field is one the object does not have (`.description` of an object without one): left out,
            // as when each field has its own expression.
            for (const QString &part : {u"metadata"_s, u"spec"_s}) {
                if (!envelope.value(part).isObject()) {
                    continue;
                }
                QJsonObject inner = envelope.value(part).toObject();
                for (auto it = inner.begin(); it != inner.end();) {
                    it = it.value().isNull() ? inner.erase(it) : std::next(it);
                }
                envelope.insert(part, inner);
            }
            origins.insert(QString(), &c.spec.entity);
        } else {
            QJsonObject metadata;
            QJsonObject spec;
            // Whole objects first, so that a field given on its own wins over the same field inside them.
            for (int pass = 0; pass < 2 && !broken; ++pass) {
                for (size_t f = 0; f < c.fields.size(); ++f) {
                    const QString &key = c.keys.at(qsizetype(f));
                    const bool whole = key == u"metadata"_s || key == u"spec"_s;
                    if (whole != (pass == 0)) {
                        continue;
                    }
                    const auto &[x, program] = c.fields.at(f);
                    auto out = program->run(item, 1000, cancel);
                    if (!out.ok() || out->size() > 1) {
                        const QString why =
                            out.ok() ? tr("it gave %n values; wrap it in [ ] to make a list", nullptr, int(out->size()))
                                     : out.error().message;
                        fail(page, x, expressionError(x, objectName, why, item));
                        broken = true;
                        break;
                    }
                    if (out->empty() || out->front().isNull()) {
                        continue;
                    }
                    const QJsonValue value = out->front().toJson();
                    const QString target = targetPath(key);
                    origins.insert(target, &x);
                    if (whole && !value.isObject()) {
                        fail(page, x,
                             expressionError(x, objectName,
                                             tr("it gave %1 %2; %3 is an object")
                                                 .arg(out->front().kindName(), out->front().text(80), key),
                                             item));
                        broken = true;
                        break;
                    }
                    if (key == u"metadata"_s) {
                        metadata = value.toObject();
                    } else if (key == u"spec"_s) {
                        spec = value.toObject();
                    } else if (key == u"apiVersion"_s || key == u"kind"_s) {
                        envelope.insert(key, value);
                    } else if (target.startsWith(u"metadata."_s)) {
                        metadata.insert(key, value);
                    } else {
                        spec.insert(key, value);
                    }
                }
            }
            if (broken) {
                continue;
            }
            envelope.insert(u"metadata"_s, metadata);
            if (!spec.isEmpty()) {
                envelope.insert(u"spec"_s, spec);
            }
        }
        if (!envelope.contains(u"apiVersion"_s)) {
            envelope.insert(u"apiVersion"_s, u"backstage.io/v1alpha1"_s);
        }

        ParsedDocument doc;
        doc.root = QCborMap::fromJsonObject(envelope);
        doc.raw = QJsonDocument(envelope).toJson(QJsonDocument::Indented);
        doc.file = where;
        const ErrorList found = Validator::validate(doc);
        bool valid = true;
        for (const Error &v : found) {
            // The expression behind the field the validator names (the closest one that gave a part of it).
            const Expression *x = nullptr;
            QString path = v.field;
            while (!x) {
                if (const auto it = origins.constFind(path); it != origins.constEnd()) {
                    x = it.value();
                    break;
                }
                const qsizetype cut = std::max(path.lastIndexOf(u'.'), path.lastIndexOf(u'['));
                if (cut <= 0) {
                    break;
                }
                path.truncate(cut);
            }
            if (!x) {
                x = origins.value(QString(), nullptr);
            }
            Error e = v;
            e.message = tr("%1 makes no valid entity: %2").arg(objectName, v.message);
            const QString produced = v.field.isEmpty() ? QString() : tr(" (%1 of the entity)").arg(v.field);
            if (x) {
                e.file = x->file;
                e.line = x->line;
                e.field = x->field;
                e.detail = tr("From `%1`%2. The object: %3").arg(x->text, produced, shown(item));
            } else {
                e.file = c.spec.file;
                e.line = c.spec.line;
                e.field = c.spec.field + u".entity"_s;
                e.detail = tr("No expression gives%1. The object: %2").arg(produced, shown(item));
            }
            if (v.isError()) {
                valid = false;
                fail(page, x ? *x : Expression{QString(), e.field, e.file, e.line}, e);
            } else {
                page.problems.append(e);
            }
        }
        if (!valid) {
            continue;
        }
        Entity entity = Entity::fromEnvelope(doc.root);
        entity.raw = std::move(doc.raw);
        entity.origin.sourceId = m_sourceId;
        entity.origin.file = where;
        page.entities.push_back(std::move(entity));
    }
    return page;
}

} // namespace Portolan::Core::HttpJson
