// Checks Portolan's table of built-in kinds (core/model/KindSchema.cpp) against the JSON schemas Backstage ships,
// so the table cannot drift from the real rules unnoticed.
#include "model/KindSchema.h"
#include "support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <catch2/catch.hpp>

using namespace Portolan::Core;

namespace {

struct SchemaFacts
{
    QString file;
    QStringList kinds;
    QStringList apiVersions;
    QStringList required;
    QJsonObject properties;
};

SchemaFacts readSchema(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    SchemaFacts facts;
    facts.file = path;
    for (const QJsonValue &part : root.value(QStringLiteral("allOf")).toArray()) {
        const QJsonObject props = part.toObject().value(QStringLiteral("properties")).toObject();
        for (const QJsonValue &k :
             props.value(QStringLiteral("kind")).toObject().value(QStringLiteral("enum")).toArray()) {
            facts.kinds.append(k.toString());
        }
        for (const QJsonValue &v :
             props.value(QStringLiteral("apiVersion")).toObject().value(QStringLiteral("enum")).toArray()) {
            facts.apiVersions.append(v.toString());
        }
        const QJsonObject spec = props.value(QStringLiteral("spec")).toObject();
        for (const QJsonValue &r : spec.value(QStringLiteral("required")).toArray()) {
            facts.required.append(r.toString());
        }
        facts.properties = spec.value(QStringLiteral("properties")).toObject();
        // A conditional requirement (if/then/else) is checked by its own test below.
        if (spec.contains(QStringLiteral("else"))) {
            for (const QJsonValue &r :
                 spec.value(QStringLiteral("else")).toObject().value(QStringLiteral("required")).toArray()) {
                facts.required.append(r.toString());
            }
        }
    }
    facts.required.sort();
    return facts;
}

QStringList requiredOf(const KindSchema &schema, const QString &apiVersion)
{
    QStringList out;
    for (const SpecField &f : schema.fields) {
        if (f.required && f.requiredOnlyIfType.isEmpty()
            && (f.onlyApiVersions.isEmpty() || f.onlyApiVersions.contains(apiVersion))) {
            out.append(QString(f.name));
        }
    }
    out.sort();
    return out;
}

} // namespace

TEST_CASE("The built-in kind table matches Backstage's schema files", "[core][model][compat]")
{
    QStringList files;
    const QDir kinds(Portolan::Test::corpusPath(QStringLiteral("backstage/packages/catalog-model/src/schema/kinds")));
    for (const QString &name : kinds.entryList({QStringLiteral("*.schema.json")}, QDir::Files, QDir::Name)) {
        files.append(kinds.filePath(name));
    }
    files.append(Portolan::Test::corpusPath(
        QStringLiteral("backstage/plugins/scaffolder-common/src/Template.v1beta3.schema.json")));
    REQUIRE(files.size() >= 12);

    for (const QString &file : std::as_const(files)) {
        const SchemaFacts facts = readSchema(file);
        INFO(file.toStdString());
        REQUIRE(facts.kinds.size() == 1);
        const KindSchema *schema = kindSchema(facts.kinds.first());
        REQUIRE(schema);
        CHECK(QString(schema->kind) == facts.kinds.first());
        for (const QString &apiVersion : facts.apiVersions) {
            INFO(apiVersion.toStdString());
            CHECK(schema->apiVersions.contains(apiVersion));
            CHECK(requiredOf(*schema, apiVersion) == facts.required);
        }
        for (auto it = facts.properties.constBegin(); it != facts.properties.constEnd(); ++it) {
            const QString type = it.value().toObject().value(QStringLiteral("type")).toString();
            for (const SpecField &f : schema->fields) {
                if (QString(f.name) != it.key()) {
                    continue;
                }
                INFO(it.key().toStdString());
                if (type == QLatin1String("string")) {
                    CHECK(f.type == FieldType::String);
                } else if (type == QLatin1String("object")) {
                    CHECK(f.type == FieldType::Object);
                } else if (type == QLatin1String("array")) {
                    CHECK((f.type == FieldType::StringList || f.type == FieldType::Any));
                }
            }
        }
    }
}
