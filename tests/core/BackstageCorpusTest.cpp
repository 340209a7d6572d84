// Compatibility with Backstage on its own example catalog. tests/data/backstage-expected.json is what Backstage's
// real code (@backstage/catalog-model, plugin-catalog-backend's BuiltinKindsEntityProcessor, the scaffolder's
// Template validator) gives for every file of ../shared/corpus/backstage; tests/compat/backstage-reference makes it.
#include "catalog/Catalog.h"
#include "catalog/DescriptorLoader.h"
#include "support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <catch2/catch.hpp>

using namespace Portolan::Core;
using Portolan::Test::corpusPath;
using Portolan::Test::describe;

namespace {

struct Corpus
{
    Catalog::Ptr catalog;
    LoadResult load;
    QJsonObject expected;
};

const Corpus &corpus()
{
    static const Corpus c = [] {
        Corpus out;
        out.load = DescriptorLoader::load({corpusPath(QStringLiteral("backstage"))});
        std::vector<Entity> entities = out.load.entities;
        out.catalog = Catalog::build(std::move(entities), out.load.problems);
        QFile f(Portolan::Test::dataPath(QStringLiteral("backstage-expected.json")));
        if (f.open(QIODevice::ReadOnly)) {
            out.expected = QJsonDocument::fromJson(f.readAll()).object();
        }
        return out;
    }();
    return c;
}

QString relative(const QString &file)
{
    return QDir(corpusPath(QStringLiteral("backstage"))).relativeFilePath(file);
}

QSet<QString> errorFiles(const ErrorList &problems)
{
    QSet<QString> out;
    for (const Error &e : problems) {
        if (e.isError()) {
            out.insert(relative(e.file));
        }
    }
    return out;
}

} // namespace

TEST_CASE("Every file of Backstage's corpus loads without a crash", "[core][compat]")
{
    const Corpus &c = corpus();
    REQUIRE_FALSE(c.expected.isEmpty());
    CHECK(c.load.files.size()
          == c.expected.value(QStringLiteral("totals")).toObject().value(QStringLiteral("files")).toInt());
    CHECK(c.catalog->size() > 80);
}

TEST_CASE("The valid example files load with zero errors", "[core][compat]")
{
    const Corpus &c = corpus();
    const QSet<QString> broken = errorFiles(c.catalog->problems());
    for (const QJsonValue &fv : c.expected.value(QStringLiteral("files")).toArray()) {
        const QJsonObject file = fv.toObject();
        bool allValid = !file.value(QStringLiteral("skeleton")).toBool();
        for (const QJsonValue &dv : file.value(QStringLiteral("documents")).toArray()) {
            allValid = allValid && dv.toObject().value(QStringLiteral("valid")).toBool();
        }
        const QString name = file.value(QStringLiteral("file")).toString();
        if (allValid && !name.endsWith(QStringLiteral("create-app/templates/default-app/examples/org.yaml"))) {
            INFO(name.toStdString());
            CHECK_FALSE(broken.contains(name));
        }
    }
}

TEST_CASE("Every entity Backstage accepts is in the catalog, with the same relations", "[core][compat]")
{
    const Corpus &c = corpus();
    QSet<QString> backstageRefs;
    int relations = 0;
    QStringList portolanOnlyKinds;
    for (const QJsonValue &fv : c.expected.value(QStringLiteral("files")).toArray()) {
        for (const QJsonValue &dv : fv.toObject().value(QStringLiteral("documents")).toArray()) {
            const QJsonObject doc = dv.toObject();
            if (doc.value(QStringLiteral("valid")).toBool()) {
                backstageRefs.insert(doc.value(QStringLiteral("ref")).toString().toLower());
            }
        }
    }
    // Portolan keeps kinds Backstage's stock processors do not know (the issue asks for unknown kinds kept as-is).
    QSet<QString> portolanOnly;
    for (const Entity &e : c.catalog->entities()) {
        if (!backstageRefs.contains(e.key())) {
            portolanOnly.insert(e.key());
            portolanOnlyKinds.append(e.kind);
        }
    }
    portolanOnlyKinds.removeDuplicates();
    portolanOnlyKinds.sort();
    CHECK(portolanOnlyKinds == QStringList{QStringLiteral("AiResource"), QStringLiteral("Environment")});

    QSet<QString> seen;
    for (const QJsonValue &fv : c.expected.value(QStringLiteral("files")).toArray()) {
        for (const QJsonValue &dv : fv.toObject().value(QStringLiteral("documents")).toArray()) {
            const QJsonObject doc = dv.toObject();
            const QString ref = doc.value(QStringLiteral("ref")).toString();
            if (!doc.value(QStringLiteral("valid")).toBool() || seen.contains(ref.toLower())) {
                continue;
            }
            seen.insert(ref.toLower());
            INFO(ref.toStdString());
            const int index = c.catalog->indexOf(ref.toLower());
            REQUIRE(index >= 0);
            QSet<QString> expectedRelations;
            for (const QJsonValue &rv : doc.value(QStringLiteral("relations")).toArray()) {
                const QJsonObject r = rv.toObject();
                expectedRelations.insert(r.value(QStringLiteral("type")).toString() + QLatin1Char(' ')
                                         + r.value(QStringLiteral("targetRef")).toString().toLower());
            }
            QSet<QString> actual;
            for (const CatalogRelation &r : c.catalog->relations(index)) {
                const QString target = c.catalog->relationTargetRef(r).toLower();
                if (!portolanOnly.contains(target)) {
                    actual.insert(relationName(r.type) + QLatin1Char(' ') + target);
                }
            }
            CHECK(actual == expectedRelations);
            relations += int(actual.size());
        }
    }
    const QJsonObject totals = c.expected.value(QStringLiteral("totals")).toObject();
    CHECK(int(seen.size()) == totals.value(QStringLiteral("catalogEntities")).toInt());
    CHECK(relations == totals.value(QStringLiteral("relations")).toInt());
}

TEST_CASE("The INVALID files fail with the errors a Backstage user expects", "[core][compat]")
{
    const Corpus &c = corpus();
    const auto problemsIn = [&](const QString &suffix) {
        ErrorList out;
        for (const Error &e : c.catalog->problems()) {
            if (e.isError() && e.file.endsWith(suffix)) {
                out.append(e);
            }
        }
        return out;
    };
    const ErrorList component = problemsIn(QStringLiteral("INVALID-invalid-component.yaml"));
    INFO(describe(component).toStdString());
    REQUIRE(component.size() == 2);
    // Backstage's own first message for this file, without its trailing link.
    CHECK(
        component[0].message
        == QStringLiteral("\"metadata.name\" is not valid; expected a string that is sequences of [a-zA-Z0-9] "
                          "separated by any of [-_.], at most 63 characters in total but found \"invalid component\""));
    CHECK(component[1].field == QStringLiteral("metadata.tags[1]"));

    const ErrorList tmpl = problemsIn(QStringLiteral("INVALID-template.yaml"));
    REQUIRE(tmpl.size() == 1);
    CHECK(tmpl[0].field == QStringLiteral("apiVersion"));

    // Backstage rejects these API entities ("/spec must have required property 'definition'"); so does Portolan.
    for (const QString &file :
         {QStringLiteral("backstage-mcp-server-api.yaml"), QStringLiteral("local-ai-model-server-api.yaml")}) {
        const ErrorList api = problemsIn(file);
        REQUIRE(api.size() == 1);
        CHECK(api[0].message.contains(QStringLiteral("spec.definition")));
    }
    CHECK(c.catalog->find(u"invalid component") < 0);
    CHECK(c.catalog->find(u"template:test-v1beta3") < 0);

    // Backstage keeps the first of two definitions of user:default/guest and reports the second.
    bool conflict = false;
    for (const Error &e : c.catalog->problems()) {
        if (e.code == Error::Code::Conflict) {
            conflict = true;
            CHECK(e.entityRef == QStringLiteral("user:default/guest"));
            CHECK(e.file.endsWith(QStringLiteral("create-app/templates/default-app/examples/org.yaml")));
        }
    }
    CHECK(conflict);
}

TEST_CASE("Scaffolder skeletons are reported, not crashed on", "[core][compat]")
{
    const Corpus &c = corpus();
    QSet<QString> expected;
    for (const QJsonValue &fv : c.expected.value(QStringLiteral("files")).toArray()) {
        if (fv.toObject().value(QStringLiteral("skeleton")).toBool()) {
            expected.insert(fv.toObject().value(QStringLiteral("file")).toString());
        }
    }
    QSet<QString> reported;
    for (const Error &e : c.catalog->problems()) {
        if (e.code == Error::Code::Unsupported && e.message.contains(QStringLiteral("skeleton"))) {
            CHECK(e.severity == Error::Severity::Warning);
            reported.insert(relative(e.file));
        }
    }
    CHECK(expected.size() == 13);
    CHECK(reported == expected);
}
