#include "catalog/DescriptorLoader.h"
#include "catalog/Catalog.h"
#include "support/TestSupport.h"

#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace Portolan::Core;
using Portolan::Test::countErrors;
using Portolan::Test::describe;
using Portolan::Test::writeFile;

namespace {

QByteArray location(const QString &name, const QStringList &targets)
{
    QByteArray out = "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: " + name.toUtf8()
                     + "\nspec:\n  targets:\n";
    for (const QString &t : targets) {
        out += "    - " + t.toUtf8() + "\n";
    }
    return out;
}

QByteArray component(const QString &name, const QString &extra = {})
{
    return "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: " + name.toUtf8()
           + "\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n" + extra.toUtf8();
}

QStringList names(const LoadResult &result)
{
    QStringList out;
    for (const Entity &e : result.entities) {
        out.append(e.kind + QLatin1Char(':') + e.name);
    }
    out.sort();
    return out;
}

} // namespace

TEST_CASE("Locations are followed: relative targets, globs and nested locations", "[core][loader]")
{
    QTemporaryDir dir;
    const QString root = writeFile(dir, QStringLiteral("all.yaml"),
                                   location(QStringLiteral("root"), {QStringLiteral("./services/*.yaml"),
                                                                     QStringLiteral("nested/location.yaml")}));
    writeFile(dir, QStringLiteral("services/a.yaml"), component(QStringLiteral("a")));
    writeFile(dir, QStringLiteral("services/b.yaml"), component(QStringLiteral("b")));
    writeFile(dir, QStringLiteral("services/notes.txt"), "not yaml");
    writeFile(dir, QStringLiteral("nested/location.yaml"),
              "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata: {name: nested}\nspec:\n  target: "
              "../deep/**/*.yaml\n");
    writeFile(dir, QStringLiteral("deep/x/y/c.yaml"), component(QStringLiteral("c")));
    writeFile(dir, QStringLiteral("unreferenced.yaml"), component(QStringLiteral("never")));

    const LoadResult result = DescriptorLoader::load({root});
    INFO(describe(result.problems).toStdString());
    CHECK(result.problems.isEmpty());
    CHECK(names(result)
          == QStringList{QStringLiteral("Component:a"), QStringLiteral("Component:b"), QStringLiteral("Component:c"),
                         QStringLiteral("Location:nested"), QStringLiteral("Location:root")});
    CHECK(result.files.size() == 5);
    for (const Entity &e : result.entities) {
        CHECK(e.origin.sourceId == QStringLiteral("workspace"));
        CHECK(e.origin.file.startsWith(dir.path()));
        CHECK(e.origin.line == 1);
    }
}

TEST_CASE("A Location loop is reported once and not followed forever", "[core][loader][badinput]")
{
    QTemporaryDir dir;
    const QString a = writeFile(dir, QStringLiteral("a.yaml"),
                                location(QStringLiteral("a"), {QStringLiteral("./b.yaml")}) + "---\n"
                                    + component(QStringLiteral("svc-a")));
    writeFile(dir, QStringLiteral("b.yaml"), location(QStringLiteral("b"), {QStringLiteral("./a.yaml")}));
    const LoadResult result = DescriptorLoader::load({a});
    REQUIRE(result.problems.size() == 1);
    const Error &e = result.problems.first();
    CHECK(e.code == Error::Code::LocationCycle);
    CHECK(e.severity == Error::Severity::Warning);
    CHECK(e.file.endsWith(QStringLiteral("b.yaml")));
    CHECK(e.message.contains(QStringLiteral("a.yaml")));
    CHECK(result.entities.size() == 3);
}

TEST_CASE("A self-referencing Location is a loop too", "[core][loader][badinput]")
{
    QTemporaryDir dir;
    const QString a =
        writeFile(dir, QStringLiteral("self.yaml"), location(QStringLiteral("self"), {QStringLiteral("./self.yaml")}));
    const LoadResult result = DescriptorLoader::load({a});
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].code == Error::Code::LocationCycle);
}

TEST_CASE("Missing Location targets are errors unless optional", "[core][loader]")
{
    QTemporaryDir dir;
    const QString a = writeFile(dir, QStringLiteral("loc.yaml"), R"(apiVersion: backstage.io/v1alpha1
kind: Location
metadata: {name: l}
spec:
  targets:
    - ./missing.yaml
    - https://example.com/catalog-info.yaml
---
apiVersion: backstage.io/v1alpha1
kind: Location
metadata: {name: optional}
spec:
  presence: optional
  target: ./also-missing.yaml
)");
    const LoadResult result = DescriptorLoader::load({a});
    INFO(describe(result.problems).toStdString());
    REQUIRE(result.problems.size() == 3);
    CHECK(result.problems[0].isError());
    CHECK(result.problems[0].field == QStringLiteral("spec.targets[0]"));
    CHECK(result.problems[0].line == 6);
    CHECK(result.problems[1].severity == Error::Severity::Warning);
    CHECK(result.problems[1].code == Error::Code::Unsupported);
    CHECK(result.problems[2].severity == Error::Severity::Warning);
    CHECK(result.problems[2].field == QStringLiteral("spec.target"));
}

TEST_CASE("A broken file never stops the rest of the catalog", "[core][loader][badinput]")
{
    QTemporaryDir dir;
    writeFile(dir, QStringLiteral("good.yaml"), component(QStringLiteral("good")));
    writeFile(dir, QStringLiteral("syntax.yaml"), "apiVersion: [\n");
    writeFile(dir, QStringLiteral("invalid.yaml"), component(QStringLiteral("bad name")));
    writeFile(dir, QStringLiteral("latin1.yaml"), "name: caf\xe9\n");
    writeFile(dir, QStringLiteral("openapi.yaml"), "openapi: 3.0.0\ninfo: {title: x}\n");
    writeFile(dir, QStringLiteral("wrongtypes.yaml"),
              component(QStringLiteral("w"), QStringLiteral("  dependsOn: 7\n")));
    writeFile(dir, QStringLiteral("dup-a.yaml"), component(QStringLiteral("twice")));
    writeFile(dir, QStringLiteral("dup-b.yaml"), component(QStringLiteral("twice")));

    LoadResult result = DescriptorLoader::load({dir.path()});
    CHECK(result.files.size() == 8);
    CHECK(result.skippedDocuments == 1); // the OpenAPI file is not an entity and is not an error
    CHECK(names(result)
          == QStringList{QStringLiteral("Component:good"), QStringLiteral("Component:twice"),
                         QStringLiteral("Component:twice")});
    CHECK(countErrors(result.problems) == 4);

    const Catalog::Ptr catalog = Catalog::build(std::move(result.entities), result.problems);
    CHECK(catalog->size() == 2);
    const auto conflicts = std::count_if(catalog->problems().cbegin(), catalog->problems().cend(),
                                         [](const Error &e) { return e.code == Error::Code::Conflict; });
    CHECK(conflicts == 1);
}

TEST_CASE("Globs match the way a shell would", "[core][loader]")
{
    QTemporaryDir dir;
    writeFile(dir, QStringLiteral("a/one.yaml"), "");
    writeFile(dir, QStringLiteral("a/two.yml"), "");
    writeFile(dir, QStringLiteral("a/b/three.yaml"), "");
    const QString base = dir.path();
    CHECK(DescriptorLoader::expandGlob(QStringLiteral("a/*.yaml"), base).size() == 1);
    CHECK(DescriptorLoader::expandGlob(QStringLiteral("a/*.y?ml"), base).size() == 1);
    CHECK(DescriptorLoader::expandGlob(QStringLiteral("a/**/*.yaml"), base).size() == 2);
    CHECK(DescriptorLoader::expandGlob(QStringLiteral("**/*.yml"), base).size() == 1);
    CHECK(DescriptorLoader::expandGlob(QStringLiteral("a/[ot]*.yaml"), base).size() == 1);
    CHECK(DescriptorLoader::expandGlob(QStringLiteral("nothing/*.yaml"), base).isEmpty());
}

TEST_CASE("Loading can be cancelled", "[core][loader]")
{
    QTemporaryDir dir;
    for (int i = 0; i < 20; ++i) {
        writeFile(dir, QStringLiteral("c%1.yaml").arg(i), component(QStringLiteral("c%1").arg(i)));
    }
    std::atomic_bool cancel{true};
    const LoadResult result = DescriptorLoader::load({dir.path()}, {}, &cancel);
    CHECK(result.cancelled);
    CHECK(result.entities.empty());
}
