#include "catalog/Validator.h"
#include "catalog/DescriptorReader.h"
#include "support/TestSupport.h"

#include <catch2/catch.hpp>

using namespace Portolan::Core;
using Portolan::Test::describe;

namespace {

ErrorList validateYaml(const QByteArray &yaml)
{
    const FileReadResult read = DescriptorReader::readData(yaml, QStringLiteral("test.yaml"));
    REQUIRE(read.problems.isEmpty());
    REQUIRE(read.documents.size() == 1);
    return Validator::validate(read.documents.first());
}

const Error *findField(const ErrorList &errors, const QString &field)
{
    for (const Error &e : errors) {
        if (e.field == field) {
            return &e;
        }
    }
    return nullptr;
}

const QByteArray validComponent = R"(apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: payment-service
  title: Payment Service
  labels:
    example.com/tier: gold
  annotations:
    github.com/project-slug: acme/payments
  tags: [java, payments, c++]
  links:
    - url: https://example.com/dashboard
      title: Dashboard
spec:
  type: service
  lifecycle: production
  owner: team-a
  system: payments
  dependsOn: [resource:payments-db]
  providesApis: [payment-api]
)";

} // namespace

TEST_CASE("A valid component has no problems", "[core][validator]")
{
    const ErrorList errors = validateYaml(validComponent);
    INFO(describe(errors).toStdString());
    CHECK(errors.isEmpty());
}

TEST_CASE("Name, namespace, label, annotation and tag rules are Backstage's", "[core][validator]")
{
    CHECK(Validator::isValidObjectName(u"a"));
    CHECK(Validator::isValidObjectName(u"my_service.v2-a"));
    CHECK_FALSE(Validator::isValidObjectName(u"invalid component"));
    CHECK_FALSE(Validator::isValidObjectName(u"-leading"));
    CHECK_FALSE(Validator::isValidObjectName(u"trailing."));
    CHECK_FALSE(Validator::isValidObjectName(QString(64, QLatin1Char('a'))));
    CHECK(Validator::isValidObjectName(QString(63, QLatin1Char('a'))));

    CHECK(Validator::isValidNamespace(u"default"));
    CHECK(Validator::isValidNamespace(u"team-a-1"));
    CHECK_FALSE(Validator::isValidNamespace(u"Default"));
    CHECK_FALSE(Validator::isValidNamespace(u"a_b"));
    CHECK_FALSE(Validator::isValidNamespace(u"a--b"));

    CHECK(Validator::isValidLabelKey(u"tier"));
    CHECK(Validator::isValidLabelKey(u"example.com/tier"));
    CHECK_FALSE(Validator::isValidLabelKey(u"Example.com/tier"));
    CHECK_FALSE(Validator::isValidLabelKey(u"a/b/c"));
    CHECK(Validator::isValidLabelValue(u""));
    CHECK(Validator::isValidLabelValue(u"go1.15.3"));
    CHECK_FALSE(Validator::isValidLabelValue(u"two words"));

    CHECK(Validator::isValidAnnotationKey(u"backstage.io/techdocs-ref"));
    CHECK_FALSE(Validator::isValidAnnotationKey(u"backstage.io/"));

    CHECK(Validator::isValidTag(u"java"));
    CHECK(Validator::isValidTag(u"c++"));
    CHECK(Validator::isValidTag(u"c#"));
    CHECK(Validator::isValidTag(u"a:b-c"));
    CHECK_FALSE(Validator::isValidTag(u"go 1.15.3"));
    CHECK_FALSE(Validator::isValidTag(u"Java"));
    CHECK_FALSE(Validator::isValidTag(u"-x"));

    CHECK(Validator::isValidKind(u"Component"));
    CHECK_FALSE(Validator::isValidKind(u"1Component"));
    CHECK(Validator::isValidApiVersion(u"backstage.io/v1alpha1"));
    CHECK(Validator::isValidApiVersion(u"v1"));
    CHECK_FALSE(Validator::isValidApiVersion(u"backstage.io/v1/alpha"));
    CHECK(Validator::isValidUrl(u"https://example.com/x"));
    CHECK_FALSE(Validator::isValidUrl(u"/relative/path"));
}

TEST_CASE("Format problems name the field, line and column", "[core][validator]")
{
    const ErrorList errors = validateYaml(R"(apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: invalid component
  labels:
    goVersion: go1.15.3
  tags:
    - go
    - go 1.15.3
spec:
  type: service
  lifecycle: production
  owner: user:guest
)");
    INFO(describe(errors).toStdString());
    REQUIRE(errors.size() == 2);
    const Error *name = findField(errors, QStringLiteral("metadata.name"));
    REQUIRE(name);
    CHECK(name->line == 4);
    CHECK(name->column == 3);
    CHECK(name->message.contains(QStringLiteral("\"invalid component\"")));
    const Error *tag = findField(errors, QStringLiteral("metadata.tags[1]"));
    REQUIRE(tag);
    CHECK(tag->line == 9);
    CHECK(tag->column == 7);
    CHECK(tag->file == QStringLiteral("test.yaml"));
}

TEST_CASE("Per-kind required spec fields", "[core][validator]")
{
    SECTION("component without lifecycle and owner")
    {
        const ErrorList errors = validateYaml(R"(apiVersion: backstage.io/v1alpha1
kind: Component
metadata: {name: x}
spec: {type: service}
)");
        INFO(describe(errors).toStdString());
        REQUIRE(errors.size() == 2);
        CHECK(errors[0].message.contains(QStringLiteral("spec.lifecycle")));
        CHECK(errors[1].message.contains(QStringLiteral("spec.owner")));
    }
    SECTION("group needs type and children")
    {
        const ErrorList errors = validateYaml(R"(apiVersion: backstage.io/v1alpha1
kind: Group
metadata: {name: team}
spec: {type: team}
)");
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].message.contains(QStringLiteral("spec.children")));
    }
    SECTION("user needs memberOf as a list")
    {
        const ErrorList errors = validateYaml(R"(apiVersion: backstage.io/v1alpha1
kind: User
metadata: {name: jane}
spec: {memberOf: team-a}
)");
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].field == QStringLiteral("spec.memberOf"));
        CHECK(errors[0].message.contains(QStringLiteral("array")));
    }
    SECTION("spec is required for built-in kinds")
    {
        const ErrorList errors = validateYaml(R"(apiVersion: backstage.io/v1alpha1
kind: System
metadata: {name: s}
)");
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].message.contains(QStringLiteral("spec")));
    }
    SECTION("dependsOn refs must carry a kind")
    {
        const ErrorList errors = validateYaml(R"(apiVersion: backstage.io/v1alpha1
kind: Component
metadata: {name: x}
spec: {type: service, lifecycle: production, owner: a, dependsOn: [payments-db]}
)");
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].field == QStringLiteral("spec.dependsOn[0]"));
        CHECK(errors[0].code == Error::Code::Reference);
    }
    SECTION("unknown kinds are kept and only the envelope is checked")
    {
        const ErrorList errors = validateYaml(R"(apiVersion: example.com/v1
kind: Pipeline
metadata: {name: build}
spec: {anything: [1, 2, 3]}
)");
        CHECK(errors.isEmpty());
    }
    SECTION("a kind in the wrong case is flagged")
    {
        const ErrorList errors = validateYaml(R"(apiVersion: backstage.io/v1alpha1
kind: component
metadata: {name: x}
spec: {type: service, lifecycle: production, owner: a}
)");
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].message.contains(QStringLiteral("Component")));
    }
    SECTION("template apiVersion must be the scaffolder's")
    {
        const ErrorList errors = validateYaml(R"(apiVersion: backstage.io/v1beta3
kind: Template
metadata: {name: t}
spec: {type: service, steps: []}
)");
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].field == QStringLiteral("apiVersion"));
    }
}

TEST_CASE("Wrong types and foreign root fields are errors", "[core][validator]")
{
    const ErrorList errors = validateYaml(R"(apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: 42
  tags: java
  annotations: {a: 1}
  links: [{title: no url}]
spec:
  type: service
  lifecycle: production
  owner: [team-a]
extra: field
)");
    INFO(describe(errors).toStdString());
    CHECK(findField(errors, QStringLiteral("metadata.name")));
    CHECK(findField(errors, QStringLiteral("metadata.tags")));
    CHECK(findField(errors, QStringLiteral("metadata.annotations.a")));
    CHECK(findField(errors, QStringLiteral("metadata.links[0]")));
    CHECK(findField(errors, QStringLiteral("spec.owner")));
    const Error *extra = findField(errors, QStringLiteral("extra"));
    REQUIRE(extra);
    CHECK(extra->line == 12);
}

TEST_CASE("Missing envelope fields are reported", "[core][validator]")
{
    const ErrorList errors = validateYaml("metadata: {name: x}\n");
    REQUIRE(errors.size() == 2);
    CHECK(errors[0].message.contains(QStringLiteral("apiVersion")));
    CHECK(errors[1].message.contains(QStringLiteral("kind")));
}
