// Backstage's `${{ }}` template expressions, evaluated over JSON: operators, filters, escapes, typed rendering,
// errors, limits, and every expression the Backstage corpus's templates use.
#include "actions/TemplateExpression.h"
#include "support/TestSupport.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <catch2/catch.hpp>
#include <yaml-cpp/yaml.h>

using namespace Portolan::Core;
using namespace Qt::StringLiterals;
using Escape = TemplateExpression::Escape;

namespace {

// Shaped like the context of a Backstage task: parameters from the form, step outputs, skeleton values.
const QJsonObject &context()
{
    static const QJsonObject c = QJsonDocument::fromJson(R"({
        "parameters": {
            "name": "payment-service",
            "component_id": "payment-service",
            "description": "",
            "cloudProvider": "AWS",
            "enableCI": "Yes",
            "replicas": 3,
            "ratio": 2.5,
            "enabled": true,
            "dryRun": false,
            "nothing": null,
            "tags": ["a", "b"],
            "emptyList": [],
            "obj": {"x": 1, "nested": {"y": "deep"}},
            "repoUrl": "github.com?owner=backstage&repo=my-repo",
            "owner": "group:default/team-a",
            "ownerName": "team-a",
            "targetPath": "",
            "mixedCase": "hELLO wORLD",
            "padded": "  spaced out \n",
            "sentence": "hello world foo"
        },
        "steps": {
            "publish": {"output": {"remoteUrl": "https://github.com/backstage/my-repo",
                                   "repoContentsUrl": "https://github.com/backstage/my-repo/tree/main"}},
            "register": {"output": {"entityRef": "component:default/payment-service"}},
            "step1-output": {"output": {"result": "produced"}},
            "step3-delay": {"output": {"waited": 30}}
        },
        "values": {"name": "payment-service", "owner": "team-a", "destination": {"owner": "backstage", "repo": "r"}},
        "user": {"entity": {"metadata": {"name": "jdoe"}}}
    })")
                                     .object();
    return c;
}

std::string describe(const Result<QJsonValue> &r)
{
    if (!r.ok()) {
        return "error: " + r.error().message.toStdString();
    }
    return QJsonDocument(QJsonArray{*r}).toJson(QJsonDocument::Compact).toStdString();
}

QJsonValue eval(const QString &expression, const QJsonObject &ctx = context())
{
    const auto r = TemplateExpression::evaluate(expression, ctx);
    INFO(expression.toStdString() << " -> " << describe(r));
    REQUIRE(r.ok());
    return *r;
}

Error evalError(const QString &expression, const QJsonObject &ctx = context())
{
    const auto r = TemplateExpression::evaluate(expression, ctx);
    INFO(expression.toStdString() << " -> " << describe(r));
    REQUIRE_FALSE(r.ok());
    return r.error();
}

QString render(const QString &text, Escape escape = Escape::None, const QJsonObject &ctx = context())
{
    const auto r = TemplateExpression::render(text, ctx, escape);
    INFO(text.toStdString() << " -> " << (r.ok() ? r->toStdString() : "error: " + r.error().message.toStdString()));
    REQUIRE(r.ok());
    return *r;
}

bool condition(const QString &text, const QJsonObject &ctx = context())
{
    const auto r = TemplateExpression::condition(text, ctx);
    INFO(text.toStdString() << (r.ok() ? std::string() : " -> error: " + r.error().message.toStdString()));
    REQUIRE(r.ok());
    return *r;
}

} // namespace

TEST_CASE("Member access reads the context like Nunjucks", "[core][expression]")
{
    CHECK(eval(u"parameters.name"_s) == QJsonValue(u"payment-service"_s));
    CHECK(eval(u"steps['publish'].output.remoteUrl"_s) == QJsonValue(u"https://github.com/backstage/my-repo"_s));
    CHECK(eval(u"steps[\"step1-output\"].output.result"_s) == QJsonValue(u"produced"_s));
    CHECK(eval(u"parameters.tags[1]"_s) == QJsonValue(u"b"_s));
    CHECK(eval(u"parameters.tags['0']"_s) == QJsonValue(u"a"_s));
    CHECK(eval(u"parameters.tags.length"_s) == QJsonValue(2));
    CHECK(eval(u"parameters.name.length"_s) == QJsonValue(15));
    CHECK(eval(u"parameters.name[0]"_s) == QJsonValue(u"p"_s));
    CHECK(eval(u"parameters.obj.nested.y"_s) == QJsonValue(u"deep"_s));
    CHECK(eval(u"parameters['obj']['nested']['y']"_s) == QJsonValue(u"deep"_s));
    CHECK(eval(u"parameters.obj"_s)
          == QJsonValue(QJsonObject{{u"x"_s, 1}, {u"nested"_s, QJsonObject{{u"y"_s, u"deep"_s}}}}));

    SECTION("anything missing is undefined, also below null and undefined")
    {
        CHECK(eval(u"parameters.missing"_s).isUndefined());
        CHECK(eval(u"parameters.missing.deeper.still"_s).isUndefined());
        CHECK(eval(u"parameters.nothing.x"_s).isUndefined());
        CHECK(eval(u"nosuchroot"_s).isUndefined());
        CHECK(eval(u"parameters.tags[5]"_s).isUndefined());
        CHECK(eval(u"parameters.tags[-1]"_s).isUndefined());
        CHECK(eval(u"parameters.replicas.x"_s).isUndefined());
    }
    SECTION("keywords are member names after a dot")
    {
        const QJsonObject ctx{{u"a"_s, QJsonObject{{u"if"_s, 1}, {u"in"_s, 2}}}};
        CHECK(eval(u"a.if + a.in"_s, ctx) == QJsonValue(3));
    }
}

TEST_CASE("Literals: strings, numbers, booleans, null, lists, objects", "[core][expression]")
{
    CHECK(eval(u"'single'"_s) == QJsonValue(u"single"_s));
    CHECK(eval(u"\"double\""_s) == QJsonValue(u"double"_s));
    CHECK(eval(u"'it\\'s\\n\\t\\\\'"_s) == QJsonValue(u"it's\n\t\\"_s));
    CHECK(eval(u"'}} inside'"_s) == QJsonValue(u"}} inside"_s));
    CHECK(eval(u"42"_s) == QJsonValue(42));
    CHECK(eval(u"4.25"_s).toDouble() == 4.25);
    CHECK(eval(u"true"_s) == QJsonValue(true));
    CHECK(eval(u"False"_s) == QJsonValue(false));
    CHECK(eval(u"null"_s).isNull());
    CHECK(eval(u"none"_s).isNull());
    CHECK(eval(u"None"_s).isNull());
    CHECK(eval(u"[1, 'two', [3]]"_s) == QJsonValue(QJsonArray{1, u"two"_s, QJsonArray{3}}));
    CHECK(eval(u"[]"_s) == QJsonValue(QJsonArray()));
    CHECK(eval(u"[1, 2,]"_s) == QJsonValue(QJsonArray{1, 2}));
    CHECK(eval(u"{a: 1, 'b-c': parameters.name, \"d\": [true]}"_s)
          == QJsonValue(QJsonObject{{u"a"_s, 1}, {u"b-c"_s, u"payment-service"_s}, {u"d"_s, QJsonArray{true}}}));
    CHECK(eval(u"{}"_s) == QJsonValue(QJsonObject()));
}

TEST_CASE("Comparison operators follow JavaScript", "[core][expression]")
{
    SECTION("strict equality compares type and value")
    {
        CHECK(eval(u"parameters.cloudProvider === 'AWS'"_s) == QJsonValue(true));
        CHECK(eval(u"parameters.cloudProvider === 'GCP'"_s) == QJsonValue(false));
        CHECK(eval(u"1 === '1'"_s) == QJsonValue(false));
        CHECK(eval(u"parameters.replicas === 3"_s) == QJsonValue(true));
        CHECK(eval(u"parameters.replicas === 3.0"_s) == QJsonValue(true));
        CHECK(eval(u"parameters.dryRun !== true"_s) == QJsonValue(true));
        CHECK(eval(u"1 !== '1'"_s) == QJsonValue(true));
        CHECK(eval(u"null === parameters.missing"_s) == QJsonValue(false));
        CHECK(eval(u"parameters.nothing === null"_s) == QJsonValue(true));
        // Lists and objects compare by content: JSON values have no identity.
        CHECK(eval(u"parameters.tags === ['a', 'b']"_s) == QJsonValue(true));
        CHECK(eval(u"parameters.tags === ['b', 'a']"_s) == QJsonValue(false));
        CHECK(eval(u"{a: 1} === {a: 1}"_s) == QJsonValue(true));
        CHECK(eval(u"{a: 1} === {a: '1'}"_s) == QJsonValue(false));
    }
    SECTION("loose equality converts")
    {
        CHECK(eval(u"1 == '1'"_s) == QJsonValue(true));
        CHECK(eval(u"1 != '1'"_s) == QJsonValue(false));
        CHECK(eval(u"0 == ''"_s) == QJsonValue(true));
        CHECK(eval(u"true == 1"_s) == QJsonValue(true));
        CHECK(eval(u"true == 'true'"_s) == QJsonValue(false));
        CHECK(eval(u"null == parameters.missing"_s) == QJsonValue(true));
        CHECK(eval(u"null == 0"_s) == QJsonValue(false));
        CHECK(eval(u"parameters.tags == 'a,b'"_s) == QJsonValue(true));
        CHECK(eval(u"'0x10' == 16"_s) == QJsonValue(true));
        CHECK(eval(u"'abc' == 'abc'"_s) == QJsonValue(true));
    }
    SECTION("ordering: text by code units, everything else as numbers")
    {
        CHECK(eval(u"1 < 2"_s) == QJsonValue(true));
        CHECK(eval(u"2 <= 2"_s) == QJsonValue(true));
        CHECK(eval(u"3 > 2"_s) == QJsonValue(true));
        CHECK(eval(u"2 >= 3"_s) == QJsonValue(false));
        CHECK(eval(u"'b' > 'a'"_s) == QJsonValue(true));
        CHECK(eval(u"'10' < '9'"_s) == QJsonValue(true));
        CHECK(eval(u"'10' < 9"_s) == QJsonValue(false));
        CHECK(eval(u"parameters.replicas >= 3"_s) == QJsonValue(true));
        // NaN is unordered: every comparison is false.
        CHECK(eval(u"parameters.missing < 1"_s) == QJsonValue(false));
        CHECK(eval(u"parameters.missing >= 1"_s) == QJsonValue(false));
        CHECK(eval(u"'x' <= 1"_s) == QJsonValue(false));
    }
}

TEST_CASE("Logical operators short-circuit and give the deciding operand", "[core][expression]")
{
    CHECK(eval(u"true and false"_s) == QJsonValue(false));
    CHECK(eval(u"true && true"_s) == QJsonValue(true));
    CHECK(eval(u"false or true"_s) == QJsonValue(true));
    CHECK(eval(u"false || false"_s) == QJsonValue(false));
    CHECK(eval(u"not true"_s) == QJsonValue(false));
    CHECK(eval(u"!parameters.dryRun"_s) == QJsonValue(true));
    CHECK(eval(u"not not parameters.name"_s) == QJsonValue(true));
    CHECK(eval(u"parameters.description or 'none given'"_s) == QJsonValue(u"none given"_s));
    CHECK(eval(u"parameters.name and parameters.replicas"_s) == QJsonValue(3));
    CHECK(eval(u"parameters.missing and parameters.missing.x"_s).isUndefined());
    // The right side is not evaluated when the left decides, so its errors do not surface.
    CHECK(eval(u"false and (1 in parameters.missing)"_s) == QJsonValue(false));
    CHECK(eval(u"true or (1 in parameters.missing)"_s) == QJsonValue(true));
    SECTION("precedence: not binds tighter than and, and tighter than or")
    {
        CHECK(eval(u"not true and false"_s) == QJsonValue(false));
        CHECK(eval(u"not (true and false)"_s) == QJsonValue(true));
        CHECK(eval(u"true or false and false"_s) == QJsonValue(true));
        CHECK(eval(u"1 < 2 and 2 < 3"_s) == QJsonValue(true));
    }
}

TEST_CASE("in and not in search lists, text and object keys", "[core][expression]")
{
    CHECK(eval(u"'a' in parameters.tags"_s) == QJsonValue(true));
    CHECK(eval(u"'z' in parameters.tags"_s) == QJsonValue(false));
    CHECK(eval(u"'z' not in parameters.tags"_s) == QJsonValue(true));
    CHECK(eval(u"'ment' in parameters.name"_s) == QJsonValue(true));
    CHECK(eval(u"'nested' in parameters.obj"_s) == QJsonValue(true));
    CHECK(eval(u"'y' in parameters.obj"_s) == QJsonValue(false));
    CHECK(eval(u"3 in [1, 2, 3]"_s) == QJsonValue(true));
    CHECK(eval(u"'3' in [1, 2, 3]"_s) == QJsonValue(false));
    CHECK(eval(u"not 'a' in parameters.tags"_s) == QJsonValue(false));
    const Error e = evalError(u"'a' in parameters.missing"_s);
    CHECK(e.message.contains(u"undefined"_s));
    CHECK(e.column == 5);
}

TEST_CASE("Arithmetic and concatenation follow JavaScript", "[core][expression]")
{
    CHECK(eval(u"parameters.replicas + 1"_s) == QJsonValue(4));
    CHECK(eval(u"1 + 2 * 3"_s) == QJsonValue(7));
    CHECK(eval(u"(1 + 2) * 3"_s) == QJsonValue(9));
    CHECK(eval(u"10 - 4 - 3"_s) == QJsonValue(3));
    CHECK(eval(u"7 / 2"_s).toDouble() == 3.5);
    CHECK(eval(u"7 // 2"_s) == QJsonValue(3));
    CHECK(eval(u"-7 // 2"_s) == QJsonValue(-4));
    CHECK(eval(u"7 % 3"_s) == QJsonValue(1));
    CHECK(eval(u"2 ** 10"_s) == QJsonValue(1024));
    CHECK(eval(u"-parameters.replicas"_s) == QJsonValue(-3));
    CHECK(eval(u"+'5'"_s) == QJsonValue(5));
    CHECK(eval(u"- -2"_s) == QJsonValue(2));
    CHECK(eval(u"parameters.ratio * 2"_s) == QJsonValue(5));
    SECTION("+ joins text when either side is text")
    {
        CHECK(eval(u"'a' + 1"_s) == QJsonValue(u"a1"_s));
        CHECK(eval(u"1 + '1'"_s) == QJsonValue(u"11"_s));
        CHECK(eval(u"true + 1"_s) == QJsonValue(2));
        CHECK(eval(u"null + 1"_s) == QJsonValue(1));
        CHECK(eval(u"values.destination.owner + \"/\" + values.destination.repo"_s) == QJsonValue(u"backstage/r"_s));
        CHECK(TemplateExpression::toText(eval(u"parameters.missing + 1"_s)) == u"NaN"_s);
    }
    SECTION("~ always joins text, undefined as \"undefined\" as in Nunjucks")
    {
        CHECK(eval(u"1 ~ 2"_s) == QJsonValue(u"12"_s));
        CHECK(eval(u"parameters.name ~ '-' ~ parameters.replicas"_s) == QJsonValue(u"payment-service-3"_s));
        CHECK(eval(u"'x' ~ parameters.missing"_s) == QJsonValue(u"xundefined"_s));
        CHECK(eval(u"'x' ~ parameters.nothing"_s) == QJsonValue(u"xnull"_s));
        CHECK(eval(u"'tags: ' ~ parameters.tags"_s) == QJsonValue(u"tags: a,b"_s));
        // ~ binds looser than +.
        CHECK(eval(u"'n=' ~ 1 + 2"_s) == QJsonValue(u"n=3"_s));
    }
}

TEST_CASE("Inline if and tests", "[core][expression]")
{
    CHECK(eval(u"'yes' if parameters.enabled else 'no'"_s) == QJsonValue(u"yes"_s));
    CHECK(eval(u"'yes' if parameters.dryRun else 'no'"_s) == QJsonValue(u"no"_s));
    CHECK(eval(u"parameters.targetPath if parameters.targetPath else parameters.name"_s)
          == QJsonValue(u"payment-service"_s));
    CHECK(eval(u"parameters.targetPath if parameters.targetPath else '.'"_s) == QJsonValue(u"."_s));
    // Nunjucks compiles a missing else to "".
    CHECK(eval(u"parameters.description if parameters.description"_s) == QJsonValue(u""_s));
    CHECK(eval(u"'a' if false"_s) == QJsonValue(u""_s));
    CHECK(eval(u"'a' if false else 'b' if true else 'c'"_s) == QJsonValue(u"b"_s));

    CHECK(eval(u"parameters.name is defined"_s) == QJsonValue(true));
    CHECK(eval(u"parameters.missing is defined"_s) == QJsonValue(false));
    CHECK(eval(u"parameters.missing is not defined"_s) == QJsonValue(true));
    CHECK(eval(u"parameters.missing is undefined"_s) == QJsonValue(true));
    CHECK(eval(u"parameters.nothing is none"_s) == QJsonValue(true));
    CHECK(eval(u"parameters.nothing is null"_s) == QJsonValue(true));
    CHECK(eval(u"parameters.name is string"_s) == QJsonValue(true));
    CHECK(eval(u"parameters.replicas is number"_s) == QJsonValue(true));
    CHECK(eval(u"parameters.obj is mapping"_s) == QJsonValue(true));
    CHECK(eval(u"parameters.tags is iterable"_s) == QJsonValue(true));
    CHECK(eval(u"parameters.replicas is odd"_s) == QJsonValue(true));
    CHECK(eval(u"parameters.replicas is even"_s) == QJsonValue(false));
    CHECK(eval(u"parameters.replicas is divisibleby(3)"_s) == QJsonValue(true));
    CHECK(eval(u"parameters.replicas is equalto(3)"_s) == QJsonValue(true));
    CHECK(eval(u"parameters.replicas is gt(5)"_s) == QJsonValue(false));
    CHECK(eval(u"parameters.description is falsy"_s) == QJsonValue(true));
    CHECK(eval(u"parameters.name is lower"_s) == QJsonValue(true));
    CHECK(evalError(u"parameters.name is shiny"_s).code == Error::Code::Unsupported);
}

TEST_CASE("Text filters", "[core][expression]")
{
    CHECK(eval(u"parameters.mixedCase | lower"_s) == QJsonValue(u"hello world"_s));
    CHECK(eval(u"parameters.mixedCase | upper"_s) == QJsonValue(u"HELLO WORLD"_s));
    CHECK(eval(u"parameters.mixedCase | capitalize"_s) == QJsonValue(u"Hello world"_s));
    CHECK(eval(u"parameters.mixedCase | title"_s) == QJsonValue(u"Hello World"_s));
    CHECK(eval(u"parameters.padded | trim"_s) == QJsonValue(u"spaced out"_s));
    CHECK(eval(u"parameters.missing | lower"_s) == QJsonValue(u""_s));
    CHECK(evalError(u"parameters.replicas | upper"_s).message.contains(u"upper"_s));
    CHECK(evalError(u"parameters.missing | trim"_s).code == Error::Code::Validation);
    // A filter binds tighter than any operator, and applies after a negation.
    CHECK(eval(u"'a' ~ 'b' | upper"_s) == QJsonValue(u"aB"_s));
    CHECK(eval(u"('a' ~ 'b') | upper"_s) == QJsonValue(u"AB"_s));
    CHECK(eval(u"-3 | abs"_s) == QJsonValue(3));

    SECTION("replace")
    {
        CHECK(eval(u"parameters.name | replace('-', '_')"_s) == QJsonValue(u"payment_service"_s));
        CHECK(eval(u"'aaa' | replace('a', 'b', 2)"_s) == QJsonValue(u"bba"_s));
        CHECK(eval(u"'abc' | replace('', '.')"_s) == QJsonValue(u".a.b.c."_s));
        CHECK(eval(u"12345 | replace(3, 'x')"_s) == QJsonValue(u"12x45"_s));
        CHECK(eval(u"parameters.tags | replace('a', 'b')"_s) == QJsonValue(QJsonArray{u"a"_s, u"b"_s}));
    }
    SECTION("truncate")
    {
        CHECK(eval(u"parameters.sentence | truncate(8)"_s) == QJsonValue(u"hello..."_s));
        CHECK(eval(u"parameters.sentence | truncate(8, true)"_s) == QJsonValue(u"hello wo..."_s));
        CHECK(eval(u"parameters.sentence | truncate(8, true, '…')"_s) == QJsonValue(u"hello wo…"_s));
        CHECK(eval(u"parameters.sentence | truncate(50)"_s) == QJsonValue(u"hello world foo"_s));
    }
    SECTION("slugify")
    {
        CHECK(eval(u"'Café au Lait!' | slugify"_s) == QJsonValue(u"cafe-au-lait"_s));
        CHECK(eval(u"'  --My_Service v2--  ' | slugify"_s) == QJsonValue(u"my-service-v2"_s));
    }
}

TEST_CASE("List, default and conversion filters", "[core][expression]")
{
    SECTION("default and d")
    {
        CHECK(eval(u"parameters.missing | default('x')"_s) == QJsonValue(u"x"_s));
        CHECK(eval(u"parameters.missing | d('x')"_s) == QJsonValue(u"x"_s));
        CHECK(eval(u"parameters.description | default('x')"_s) == QJsonValue(u""_s));
        CHECK(eval(u"parameters.description | default('x', true)"_s) == QJsonValue(u"x"_s));
        CHECK(eval(u"parameters.nothing | default('x')"_s).isNull());
        CHECK(eval(u"parameters.name | default('x')"_s) == QJsonValue(u"payment-service"_s));
    }
    SECTION("length, first, last")
    {
        CHECK(eval(u"parameters.name | length"_s) == QJsonValue(15));
        CHECK(eval(u"parameters.tags | length"_s) == QJsonValue(2));
        CHECK(eval(u"parameters.obj | length"_s) == QJsonValue(2));
        CHECK(eval(u"parameters.missing | length"_s) == QJsonValue(0));
        CHECK(eval(u"parameters.tags | first"_s) == QJsonValue(u"a"_s));
        CHECK(eval(u"parameters.tags | last"_s) == QJsonValue(u"b"_s));
        CHECK(eval(u"parameters.name | last"_s) == QJsonValue(u"e"_s));
        CHECK(eval(u"parameters.emptyList | first"_s).isUndefined());
        CHECK(evalError(u"parameters.missing | first"_s).code == Error::Code::Validation);
    }
    SECTION("join and split")
    {
        CHECK(eval(u"parameters.tags | join(', ')"_s) == QJsonValue(u"a, b"_s));
        CHECK(eval(u"parameters.tags | join"_s) == QJsonValue(u"ab"_s));
        CHECK(eval(u"[1, null, 'x'] | join('-')"_s) == QJsonValue(u"1--x"_s));
        CHECK(eval(u"[{n: 'a'}, {n: 'b'}] | join('+', 'n')"_s) == QJsonValue(u"a+b"_s));
        CHECK(evalError(u"parameters.name | join(',')"_s).message.contains(u"join"_s));
        CHECK(eval(u"'a/b/c' | split('/')"_s) == QJsonValue(QJsonArray{u"a"_s, u"b"_s, u"c"_s}));
        CHECK(eval(u"' a  b\tc ' | split"_s) == QJsonValue(QJsonArray{u"a"_s, u"b"_s, u"c"_s}));
        CHECK(eval(u"'ab' | split('')"_s) == QJsonValue(QJsonArray{u"a"_s, u"b"_s}));
        CHECK(eval(u"('a/b/c' | split('/'))[1]"_s) == QJsonValue(u"b"_s));
    }
    SECTION("string, int, float, abs, round")
    {
        CHECK(eval(u"parameters.replicas | string"_s) == QJsonValue(u"3"_s));
        CHECK(eval(u"parameters.tags | string"_s) == QJsonValue(u"[\"a\",\"b\"]"_s));
        CHECK(eval(u"parameters.missing | string"_s) == QJsonValue(u""_s));
        CHECK(eval(u"'42px' | int"_s) == QJsonValue(42));
        CHECK(eval(u"3.7 | int"_s) == QJsonValue(3));
        CHECK(eval(u"'-8' | int"_s) == QJsonValue(-8));
        CHECK(eval(u"'x' | int"_s).isUndefined());
        CHECK(eval(u"'x' | int(0)"_s) == QJsonValue(0));
        CHECK(eval(u"' 3.5e1kg' | float"_s) == QJsonValue(35));
        CHECK(eval(u"'.5' | float"_s).toDouble() == 0.5);
        CHECK(eval(u"'none' | float(1.5)"_s).toDouble() == 1.5);
        CHECK(eval(u"-4.5 | abs"_s).toDouble() == 4.5);
        CHECK(eval(u"3.14159 | round(2)"_s).toDouble() == Approx(3.14));
        CHECK(eval(u"2.5 | round"_s) == QJsonValue(3));
        CHECK(eval(u"-2.5 | round"_s) == QJsonValue(-2));
        CHECK(eval(u"2.1 | round(0, 'ceil')"_s) == QJsonValue(3));
        CHECK(eval(u"2.9 | round(0, 'floor')"_s) == QJsonValue(2));
    }
    SECTION("dump is JSON.stringify")
    {
        CHECK(eval(u"values.name | dump"_s) == QJsonValue(u"\"payment-service\""_s));
        CHECK(eval(u"'say \"hi\"\\n' | dump"_s) == QJsonValue(u"\"say \\\"hi\\\"\\n\""_s));
        CHECK(eval(u"{a: 1, b: [true, null, 2.5]} | dump"_s) == QJsonValue(u"{\"a\":1,\"b\":[true,null,2.5]}"_s));
        CHECK(eval(u"{a: [1]} | dump(2)"_s) == QJsonValue(u"{\n  \"a\": [\n    1\n  ]\n}"_s));
        CHECK(eval(u"parameters.replicas | dump"_s) == QJsonValue(u"3"_s));
        CHECK(eval(u"parameters.missing | dump"_s).isUndefined());
    }
}

TEST_CASE("Backstage's filters: parseRepoUrl, projectSlug, pick, parseEntityRef", "[core][expression]")
{
    SECTION("parseRepoUrl gives the parts a RepoUrlPicker value has")
    {
        CHECK(eval(u"parameters.repoUrl | parseRepoUrl"_s)
              == QJsonValue(
                  QJsonObject{{u"host"_s, u"github.com"_s}, {u"owner"_s, u"backstage"_s}, {u"repo"_s, u"my-repo"_s}}));
        CHECK(
            eval(u"'gitlab.com?owner=grp%2Fsub&repo=r' | parseRepoUrl"_s)
            == QJsonValue(QJsonObject{{u"host"_s, u"gitlab.com"_s}, {u"owner"_s, u"grp/sub"_s}, {u"repo"_s, u"r"_s}}));
        CHECK(eval(u"'dev.azure.com?organization=o&project=p&repo=r' | parseRepoUrl"_s)
              == QJsonValue(QJsonObject{{u"host"_s, u"dev.azure.com"_s},
                                        {u"organization"_s, u"o"_s},
                                        {u"project"_s, u"p"_s},
                                        {u"repo"_s, u"r"_s}}));
        CHECK(eval(u"'bitbucket.org?workspace=w&project=P&repo=r' | parseRepoUrl"_s)
              == QJsonValue(QJsonObject{{u"host"_s, u"bitbucket.org"_s},
                                        {u"workspace"_s, u"w"_s},
                                        {u"project"_s, u"P"_s},
                                        {u"repo"_s, u"r"_s}}));
        CHECK(eval(u"'ghe.example.com:8443?owner=o&repo=r&owner=ignored' | parseRepoUrl | pick('host')"_s)
              == QJsonValue(u"ghe.example.com:8443"_s));
        CHECK(evalError(u"'github.com?owner=o' | parseRepoUrl"_s).message.contains(u"repo"_s));
        CHECK(evalError(u"parameters.missing | parseRepoUrl"_s).code == Error::Code::Validation);
    }
    SECTION("projectSlug is owner/repo")
    {
        CHECK(eval(u"parameters.repoUrl | projectSlug"_s) == QJsonValue(u"backstage/my-repo"_s));
        CHECK(
            evalError(u"'dev.azure.com?organization=o&project=p&repo=r' | projectSlug"_s).message.contains(u"owner"_s));
    }
    SECTION("pick reads a key or a path")
    {
        CHECK(eval(u"parameters.repoUrl | parseRepoUrl | pick('owner')"_s) == QJsonValue(u"backstage"_s));
        CHECK(eval(u"parameters | pick('obj.nested.y')"_s) == QJsonValue(u"deep"_s));
        CHECK(eval(u"parameters | pick('tags[1]')"_s) == QJsonValue(u"b"_s));
        CHECK(eval(u"steps | pick('step1-output')"_s)
              == QJsonValue(QJsonObject{{u"output"_s, QJsonObject{{u"result"_s, u"produced"_s}}}}));
        CHECK(eval(u"parameters | pick('no.such')"_s).isUndefined());
        CHECK(eval(u"parameters.missing | pick('x')"_s).isUndefined());
    }
    SECTION("parseEntityRef with Backstage's defaults")
    {
        CHECK(eval(u"parameters.owner | parseEntityRef"_s)
              == QJsonValue(
                  QJsonObject{{u"kind"_s, u"group"_s}, {u"namespace"_s, u"default"_s}, {u"name"_s, u"team-a"_s}}));
        CHECK(
            eval(u"'component:ops/pay' | parseEntityRef"_s)
            == QJsonValue(QJsonObject{{u"kind"_s, u"component"_s}, {u"namespace"_s, u"ops"_s}, {u"name"_s, u"pay"_s}}));
        CHECK(eval(u"'group:team-b' | parseEntityRef | pick('namespace')"_s) == QJsonValue(u"default"_s));
        CHECK(
            eval(u"parameters.ownerName | parseEntityRef({defaultKind: 'Group', defaultNamespace: 'acme'})"_s)
            == QJsonValue(QJsonObject{{u"kind"_s, u"Group"_s}, {u"namespace"_s, u"acme"_s}, {u"name"_s, u"team-a"_s}}));
        CHECK(eval(u"'user:jdoe' | parseEntityRef({defaultKind: 'group', defaultNamespace: 'acme'}) | pick('kind')"_s)
              == QJsonValue(u"user"_s));
        CHECK(evalError(u"parameters.ownerName | parseEntityRef"_s).message.contains(u"kind"_s));
        CHECK(evalError(u"parameters.replicas | parseEntityRef"_s).code == Error::Code::Validation);
    }
}

TEST_CASE("render substitutes every placeholder as text", "[core][expression]")
{
    CHECK(render(u"${{parameters.name}}"_s) == u"payment-service"_s);
    CHECK(render(u"Creating ${{ parameters.name }} with ${{ parameters.replicas }} replicas"_s)
          == u"Creating payment-service with 3 replicas"_s);
    CHECK(render(u"produced-by-step-1-${{ steps[\"step1-output\"].output.result }}"_s)
          == u"produced-by-step-1-produced"_s);
    CHECK(render(u"[${{ parameters.missing }}][${{ parameters.nothing }}]"_s) == u"[][]"_s);
    CHECK(render(u"${{ parameters.enabled }} ${{ parameters.ratio }}"_s) == u"true 2.5"_s);
    CHECK(render(u"${{ parameters.tags }} ${{ parameters.obj.nested }}"_s) == u"[\"a\",\"b\"] {\"y\":\"deep\"}"_s);
    CHECK(render(u"no placeholders, {{ not ours }} {% if x %}"_s) == u"no placeholders, {{ not ours }} {% if x %}"_s);
    CHECK(render(u"${{ '}}' ~ parameters.name }}!"_s) == u"}}payment-service!"_s);
    CHECK(render(u"${{ {a: {b: 1} } | dump }}"_s) == u"{\"a\":{\"b\":1}}"_s);
    CHECK(render(u""_s).isEmpty());
    CHECK(render(u"multi\nline ${{ parameters.name\n | upper }}"_s) == u"multi\nline PAYMENT-SERVICE"_s);
}

TEST_CASE("Escapes keep a value in its place", "[core][expression]")
{
    const QJsonObject ctx{{u"v"_s, u"He said \"hi\"\\\n\t\u0001"_s}};
    SECTION("Json escapes the content of a string literal")
    {
        CHECK(render(u"{\"m\": \"${{ v }}\"}"_s, Escape::Json, ctx)
              == u"{\"m\": \"He said \\\"hi\\\"\\\\\\n\\t\\u0001\"}"_s);
        const QJsonDocument doc =
            QJsonDocument::fromJson(render(u"{\"m\": \"${{ v }}\"}"_s, Escape::Json, ctx).toUtf8());
        CHECK(doc.object().value(u"m"_s).toString() == ctx.value(u"v"_s).toString());
    }
    SECTION("Url percent-encodes")
    {
        const QJsonObject q{{u"q"_s, u"a b&c=d/é?"_s}};
        CHECK(render(u"https://x.io/search?q=${{ q }}"_s, Escape::Url, q)
              == u"https://x.io/search?q=a%20b%26c%3Dd%2F%C3%A9%3F"_s);
        CHECK(render(u"${{ parameters.name }}"_s, Escape::Url) == u"payment-service"_s);
    }
    SECTION("None leaves text as it is")
    {
        CHECK(render(u"${{ v }}"_s, Escape::None, ctx) == ctx.value(u"v"_s).toString());
    }
    SECTION("Yaml leaves safe plain scalars alone")
    {
        CHECK(render(u"name: ${{ parameters.name }}"_s, Escape::Yaml) == u"name: payment-service"_s);
        CHECK(render(u"url: ${{ steps.publish.output.remoteUrl }}"_s, Escape::Yaml)
              == u"url: https://github.com/backstage/my-repo"_s);
        CHECK(render(u"t: ${{ 'two words' }}"_s, Escape::Yaml) == u"t: two words"_s);
    }
    SECTION("Yaml quotes whatever would change type or structure, and reads back as the same string")
    {
        const QStringList hostile = {
            u""_s,
            u"true"_s,
            u"False"_s,
            u"yes"_s,
            u"off"_s,
            u"null"_s,
            u"~"_s,
            u"123"_s,
            u"1.5"_s,
            u"0x1F"_s,
            u".inf"_s,
            u"-1"_s,
            u"2024-01-01"_s,
            u"a: b"_s,
            u"key:"_s,
            u"# comment"_s,
            u"x #y"_s,
            u"- item"_s,
            u"? q"_s,
            u"[1, 2]"_s,
            u"{a: 1}"_s,
            u"&anchor"_s,
            u"*alias"_s,
            u"!tag"_s,
            u"| block"_s,
            u"> fold"_s,
            u"'quoted'"_s,
            u"\"dq\""_s,
            u"%directive"_s,
            u"@at"_s,
            u"`tick`"_s,
            u" leading"_s,
            u"trailing "_s,
            u"multi\nline"_s,
            u"tab\there"_s,
            u"a,b"_s,
            u"back\\slash: x"_s,
            u"bell\u0007"_s,
            u"line\u2028sep"_s,
            u"---"_s,
        };
        for (const QString &value : hostile) {
            const QString out = render(u"key: ${{ v }}"_s, Escape::Yaml, QJsonObject{{u"v"_s, value}});
            INFO(value.toStdString() << " -> " << out.toStdString());
            CHECK(out.startsWith(u"key: \""_s));
            const YAML::Node doc = YAML::Load(out.toStdString());
            REQUIRE(doc.IsMap());
            CHECK(doc.size() == 1);
            REQUIRE(doc["key"].IsScalar());
            CHECK(doc["key"].Tag() == "!"); // a quoted scalar: always a string
            CHECK(QString::fromStdString(doc["key"].as<std::string>()) == value);
        }
    }
    SECTION("a placeholder ending in | dump is already JSON, and goes in as it is")
    {
        // Backstage's skeletons (create-react-app/skeleton/catalog-info.yaml) write `name: ${{values.name | dump}}`.
        const QJsonObject values{
            {u"values"_s, QJsonObject{{u"name"_s, u"a: \"b\" # c\n- d"_s}, {u"n"_s, 3}, {u"on"_s, u"on"_s}}}};
        const QString yaml = render(u"name: ${{values.name | dump}}\nn: ${{ values.n | dump }}\non: ${{values.on | "
                                    u"dump}}\nq: ${{ values.on }}"_s,
                                    Escape::Yaml, values);
        const YAML::Node doc = YAML::Load(yaml.toStdString());
        REQUIRE(doc.IsMap());
        CHECK(doc.size() == 4);
        CHECK(doc["name"].as<std::string>() == "a: \"b\" # c\n- d");
        CHECK(doc["n"].as<int>() == 3);
        CHECK(doc["on"].Tag() == "!");
        CHECK(doc["q"].Tag() == "!");
        CHECK(yaml.contains(u"n: 3\n"_s));
        const QString json =
            render(u"{\"name\": ${{ values.name | dump }}, \"n\": ${{ values.n | dump }}}"_s, Escape::Json, values);
        QJsonParseError error;
        const QJsonDocument parsed = QJsonDocument::fromJson(json.toUtf8(), &error);
        INFO(json.toStdString());
        REQUIRE(error.error == QJsonParseError::NoError);
        CHECK(parsed.object().value(u"name"_s) == values.value(u"values"_s).toObject().value(u"name"_s));
        CHECK(parsed.object().value(u"n"_s) == QJsonValue(3));
        // Only a plain dump at the outside: anything after it, or an indented dump, is escaped as usual.
        CHECK(render(u"k: ${{ values.n | dump | string }}"_s, Escape::Yaml, values) == u"k: \"3\""_s);
        CHECK(render(u"k: ${{ values.n | dump(2) }}"_s, Escape::Yaml, values) == u"k: \"3\""_s);
        CHECK(render(u"?q=${{ values.name | dump }}"_s, Escape::Url, values).startsWith(u"?q=%22a%3A%20"_s));
    }
    SECTION("Yaml quotes objects and lists, which render as JSON text")
    {
        CHECK(render(u"k: ${{ parameters.tags }}"_s, Escape::Yaml) == u"k: \"[\\\"a\\\",\\\"b\\\"]\""_s);
    }
}

TEST_CASE("Yaml writes a value as its place in the document needs: part of a scalar, quotes, blocks, flows",
          "[core][expression]")
{
    const auto load = [](const QString &yaml) {
        INFO(yaml.toStdString());
        return YAML::Load(yaml.toStdString());
    };
    const auto str = [](const YAML::Node &node) { return QString::fromStdString(node.as<std::string>()); };

    SECTION("part of a plain scalar: the scalar stays plain when its whole text is safe, is quoted whole if not")
    {
        // The demo's ephemeral environment was named `preview-x-"890bac80"` before: the value alone looks like a
        // number, the name it is part of does not.
        CHECK(render(u"name: preview-${{ v }}"_s, Escape::Yaml, {{u"v"_s, u"890bac80"_s}})
              == u"name: preview-890bac80"_s);
        CHECK(render(u"image: ${{ r }}/${{ n }}:${{ t }}"_s, Escape::Yaml,
                     {{u"r"_s, u"ghcr.io/acme"_s}, {u"n"_s, u"api"_s}, {u"t"_s, u"1.2"_s}})
              == u"image: ghcr.io/acme/api:1.2"_s);
        for (const QString &value : {u"a: b"_s, u"x # y"_s, u"two\nlines"_s, u" edge "_s, u"q\"uote"_s}) {
            const QString out = render(u"name: pre-${{ v }}-post # note"_s, Escape::Yaml, {{u"v"_s, value}});
            CHECK(out.endsWith(u" # note"_s));
            const YAML::Node doc = load(out);
            REQUIRE(doc.IsMap());
            CHECK(doc.size() == 1);
            CHECK(str(doc["name"]) == u"pre-"_s + value + u"-post"_s);
        }
        // A scalar that starts with literal text which, with the value, would read as a number is quoted.
        const YAML::Node number = load(render(u"n: 1${{ v }}"_s, Escape::Yaml, {{u"v"_s, u"23"_s}}));
        CHECK(number["n"].Tag() == "!");
        CHECK(str(number["n"]) == u"123"_s);
    }
    SECTION("a lone placeholder keeps a number or a boolean, and quotes a string that looks like one")
    {
        const QJsonObject values{{u"replicas"_s, 3}, {u"on"_s, true}, {u"s"_s, u"3"_s}, {u"b"_s, u"true"_s}};
        const YAML::Node doc = load(
            render(u"replicas: ${{ replicas }}\non: ${{ on }}\ns: ${{ s }}\nb: ${{ b }}\n"_s, Escape::Yaml, values));
        CHECK(doc["replicas"].Tag() == "?");
        CHECK(doc["replicas"].as<int>() == 3);
        CHECK(doc["on"].as<bool>());
        CHECK(doc["s"].Tag() == "!");
        CHECK(doc["b"].Tag() == "!");
        CHECK(str(doc["b"]) == u"true"_s);
    }
    SECTION("inside double quotes the value is escaped for them; single-quoted scalars are written again")
    {
        const QString hostile = u"say \"hi\" \\ it's\n\tdone: # ok"_s;
        const YAML::Node doc =
            load(render(u"d: \"before ${{ v }} after\"\ns: 'it''s ${{ v }}'\nplain: 'no placeholders: kept'\n"_s,
                        Escape::Yaml, {{u"v"_s, hostile}}));
        REQUIRE(doc.IsMap());
        CHECK(doc.size() == 3);
        CHECK(str(doc["d"]) == u"before "_s + hostile + u" after"_s);
        CHECK(str(doc["s"]) == u"it's "_s + hostile);
        CHECK(str(doc["plain"]) == u"no placeholders: kept"_s);
        CHECK(render(u"s: '${{ v }}'"_s, Escape::Yaml, {{u"v"_s, u"Bob's"_s}}) == u"s: 'Bob''s'"_s);
    }
    SECTION("in a block scalar the value's lines are indented to the block, nothing is quoted")
    {
        const QString value = u"a: \"b\"\n# not a comment\n- not an item"_s;
        const QString out = render(u"spec:\n  description: |\n    First line.\n    ${{ v }}\n  next: 1\n"_s,
                                   Escape::Yaml, {{u"v"_s, value}});
        const YAML::Node doc = load(out);
        CHECK(str(doc["spec"]["description"]) == u"First line.\n"_s + value + u"\n"_s);
        CHECK(doc["spec"]["next"].as<int>() == 1);
        // A line after a block, back at the block's parent indentation, is plain again.
        CHECK(render(u"a: >-\n  folded\nb: ${{ v }}"_s, Escape::Yaml, {{u"v"_s, u"x: y"_s}})
              == u"a: >-\n  folded\nb: \"x: y\""_s);
    }
    SECTION("flow collections, keys and comments")
    {
        const YAML::Node doc = load(render(
            u"tags: [${{ a }}, b, ${{ c }}]\nmap: {k: ${{ a }}}\n${{ key }}: v\n"
            u"# made by ${{ multi }}\nafter: 1\n"_s,
            Escape::Yaml,
            {{u"a"_s, u"x, y"_s}, {u"c"_s, u"plain"_s}, {u"key"_s, u"k: ey"_s}, {u"multi"_s, u"two\nafter: 2"_s}}));
        REQUIRE(doc["tags"].IsSequence());
        CHECK(doc["tags"].size() == 3);
        CHECK(str(doc["tags"][0]) == u"x, y"_s);
        CHECK(str(doc["tags"][2]) == u"plain"_s);
        CHECK(str(doc["map"]["k"]) == u"x, y"_s);
        CHECK(str(doc["k: ey"]) == u"v"_s);
        CHECK(doc["after"].as<int>() == 1);
    }
    SECTION("sequence items")
    {
        const YAML::Node doc =
            load(render(u"list:\n  - ${{ v }}\n  - - x-${{ v }}\n"_s, Escape::Yaml, {{u"v"_s, u"- a: b"_s}}));
        CHECK(str(doc["list"][0]) == u"- a: b"_s);
        CHECK(str(doc["list"][1][0]) == u"x-- a: b"_s);
    }
}

TEST_CASE("renderValue keeps the type of a lone placeholder", "[core][expression]")
{
    const QJsonObject input = QJsonDocument::fromJson(R"({
        "name": "${{ parameters.name }}",
        "replicas": "${{ parameters.replicas }}",
        "enabled": "${{ parameters.enabled }}",
        "isAws": "${{ parameters.cloudProvider === 'AWS' }}",
        "tags": "${{ parameters.tags }}",
        "obj": "${{ parameters.obj }}",
        "nothing": "${{ parameters.nothing }}",
        "nan": "${{ parameters.missing + 1 }}",
        "text": "Repo ${{ parameters.name }} has ${{ parameters.replicas }} replicas",
        "spaced": " ${{ parameters.replicas }}",
        "missing": "${{ parameters.missing }}",
        "emptyText": "${{ parameters.missing }}${{ parameters.description }}",
        "desc": "${{ parameters.description if parameters.description }}",
        "literal": "plain",
        "emptyLiteral": "",
        "n": 5,
        "list": ["${{ parameters.replicas }}", "${{ parameters.missing }}", "x-${{ parameters.name }}"],
        "nested": {"deep": {"url": "${{ steps['publish'].output.remoteUrl }}"}},
        "${{ parameters.name }}": "keys are not rendered"
    })")
                                  .object();
    const auto r = TemplateExpression::renderValue(input, context());
    INFO(describe(r));
    REQUIRE(r.ok());
    const QJsonObject out = r->toObject();
    CHECK(out.value(u"name"_s) == QJsonValue(u"payment-service"_s));
    CHECK(out.value(u"replicas"_s).isDouble());
    CHECK(out.value(u"replicas"_s).toInt() == 3);
    CHECK(out.value(u"enabled"_s) == QJsonValue(true));
    CHECK(out.value(u"isAws"_s) == QJsonValue(true));
    CHECK(out.value(u"tags"_s) == QJsonValue(QJsonArray{u"a"_s, u"b"_s}));
    CHECK(out.value(u"obj"_s).isObject());
    CHECK(out.value(u"obj"_s).toObject().value(u"x"_s).toInt() == 1);
    CHECK(out.contains(u"nothing"_s));
    CHECK(out.value(u"nothing"_s).isNull());
    CHECK(out.value(u"nan"_s).isNull());
    CHECK(out.value(u"text"_s) == QJsonValue(u"Repo payment-service has 3 replicas"_s));
    CHECK(out.value(u"spaced"_s) == QJsonValue(u" 3"_s));
    CHECK_FALSE(out.contains(u"missing"_s));
    CHECK_FALSE(out.contains(u"emptyText"_s));
    CHECK(out.value(u"desc"_s) == QJsonValue(u""_s));
    CHECK(out.value(u"literal"_s) == QJsonValue(u"plain"_s));
    CHECK(out.value(u"emptyLiteral"_s) == QJsonValue(u""_s));
    CHECK(out.value(u"n"_s) == QJsonValue(5));
    CHECK(out.value(u"list"_s) == QJsonValue(QJsonArray{3, QJsonValue(), u"x-payment-service"_s}));
    CHECK(out.value(u"nested"_s).toObject().value(u"deep"_s).toObject().value(u"url"_s)
          == QJsonValue(u"https://github.com/backstage/my-repo"_s));
    CHECK(out.value(u"${{ parameters.name }}"_s) == QJsonValue(u"keys are not rendered"_s));

    SECTION("a lone placeholder at the top")
    {
        const auto top = TemplateExpression::renderValue(u"${{ parameters.replicas }}"_s, context());
        REQUIRE(top.ok());
        CHECK(top->toInt() == 3);
        const auto gone = TemplateExpression::renderValue(u"${{ parameters.missing }}"_s, context());
        REQUIRE(gone.ok());
        CHECK(gone->isUndefined());
    }
    SECTION("errors name the field")
    {
        const QJsonObject bad{{u"body"_s, QJsonObject{{u"name"_s, u"${{ parameters.name | nope }}"_s}}}};
        const auto e = TemplateExpression::renderValue(bad, context());
        REQUIRE_FALSE(e.ok());
        CHECK(e.error().field == u"input.body.name"_s);
        CHECK(e.error().message.contains(u"nope"_s));
        const QJsonObject badItem{{u"items"_s, QJsonArray{u"ok"_s, u"x ${{ a +"_s}}};
        const auto e2 = TemplateExpression::renderValue(badItem, context(), u"spec.steps[0].input"_s);
        REQUIRE_FALSE(e2.ok());
        CHECK(e2.error().field == u"spec.steps[0].input.items[1]"_s);
    }
}

TEST_CASE("Errors name the expression and the column", "[core][expression]")
{
    SECTION("unknown filter")
    {
        const Error e = evalError(u"parameters.name | nope"_s);
        CHECK(e.code == Error::Code::Unsupported);
        CHECK(e.column == 19);
        CHECK(e.message.contains(u"nope"_s));
        CHECK(e.message.contains(u"parameters.name | nope"_s));
        CHECK(e.message.contains(u"19"_s));
        CHECK(e.detail == u"parameters.name | nope"_s);
    }
    SECTION("unknown filter in a branch that is never taken is still an error")
    {
        CHECK(evalError(u"'a' if false else (parameters.x | nope)"_s).code == Error::Code::Unsupported);
    }
    SECTION("syntax errors")
    {
        const Error end = evalError(u"parameters.name ==="_s);
        CHECK(end.code == Error::Code::Parse);
        CHECK(end.column == 20);
        const Error star = evalError(u"a + * b"_s);
        CHECK(star.column == 5);
        CHECK(star.message.contains(u"*"_s));
        CHECK(evalError(u"a b"_s).column == 3);
        CHECK(evalError(u"(a"_s).message.contains(u")"_s));
        CHECK(evalError(u"[1, 2"_s).code == Error::Code::Parse);
        CHECK(evalError(u"{a 1}"_s).column == 4);
        CHECK(evalError(u"a = 1"_s).column == 3);
        CHECK(evalError(u"a.b."_s).column == 5);
        CHECK(evalError(u"a |"_s).code == Error::Code::Parse);
        CHECK(evalError(u"if"_s).code == Error::Code::Parse);
        CHECK(evalError(u"'unterminated"_s).column == 1);
        CHECK(evalError(u""_s).message.contains(u"empty"_s));
        CHECK(evalError(u"   "_s).code == Error::Code::Parse);
    }
    SECTION("function calls and wrong argument counts")
    {
        CHECK(evalError(u"parameters.name.toUpperCase()"_s).code == Error::Code::Unsupported);
        CHECK(evalError(u"range(10)"_s).column == 6);
        CHECK(evalError(u"parameters.name | replace('a')"_s).message.contains(u"replace"_s));
        CHECK(evalError(u"parameters.name | lower(1)"_s).code == Error::Code::Parse);
        CHECK(evalError(u"parameters | pick"_s).code == Error::Code::Parse);
    }
    SECTION("render: errors from a placeholder, and an unterminated placeholder")
    {
        const auto bad = TemplateExpression::render(u"Hello ${{ parameters.name | nope }}"_s, context());
        REQUIRE_FALSE(bad.ok());
        CHECK(bad.error().message.contains(u"nope"_s));
        const auto open = TemplateExpression::render(u"Hello ${{ a"_s, context());
        REQUIRE_FALSE(open.ok());
        CHECK(open.error().code == Error::Code::Parse);
        CHECK(open.error().line == 1);
        CHECK(open.error().column == 7);
        CHECK(open.error().message.contains(u"}}"_s));
        const auto open2 = TemplateExpression::render(u"x\nab ${{ '}}' "_s, context());
        REQUIRE_FALSE(open2.ok());
        CHECK(open2.error().line == 2);
        CHECK(open2.error().column == 4);
        CHECK_FALSE(TemplateExpression::render(u"${{ }}"_s, context()).ok());
    }
}

TEST_CASE("Hostile templates fail cleanly", "[core][expression]")
{
    SECTION("deep nesting is an error, not a stack overflow")
    {
        for (const QString &expression : QStringList{
                 QString(9999, u'('), QString(5000, u'(') + u"1"_s + QString(4999, u')'), QString(9999, u'['),
                 u"not "_s.repeated(2400) + u"x"_s, u"-"_s.repeated(9000) + u"1"_s, u"!"_s.repeated(9000) + u"x"_s,
                 u"{a:"_s.repeated(3000), u"x"_s + u" ~ x"_s.repeated(2000), u"a"_s + u".b"_s.repeated(4000),
                 u"a"_s + u" | lower"_s.repeated(1000), u"1 if 1 else "_s.repeated(700) + u"1"_s}) {
            INFO(expression.left(40).toStdString());
            const auto r = TemplateExpression::evaluate(expression, context());
            REQUIRE_FALSE(r.ok());
            CHECK(r.error().code == Error::Code::TooLarge);
            CHECK(r.error().message.contains(u"64"_s));
        }
        // 64 levels are allowed.
        CHECK(eval(QString(60, u'(') + u"1"_s + QString(60, u')')) == QJsonValue(1));
        const auto rendered = TemplateExpression::render(u"x ${{ "_s + QString(5000, u'(') + u" }}"_s, context());
        REQUIRE_FALSE(rendered.ok());
        CHECK(rendered.error().code == Error::Code::TooLarge);
    }
    SECTION("an over-long expression")
    {
        const Error e = evalError(u"'"_s + QString(10001, u'a') + u"'"_s);
        CHECK(e.code == Error::Code::TooLarge);
    }
    SECTION("text that would grow without bound")
    {
        const QJsonObject ctx{{u"big"_s, QString(2000, u'a')}, {u"huge"_s, QString(300000, u'b')}};
        CHECK(evalError(u"big | replace('a', big)"_s, ctx).code == Error::Code::TooLarge);
        CHECK(evalError(u"huge | replace('', big)"_s, ctx).code == Error::Code::TooLarge);
        CHECK(evalError(u"[1, 2, 3] | join(huge ~ huge ~ huge)"_s, ctx).code == Error::Code::TooLarge);
        CHECK(evalError(u"huge ~ huge ~ huge ~ huge"_s, ctx).code == Error::Code::TooLarge);
        CHECK(evalError(u"[huge, huge, huge, huge] | dump"_s, ctx).code == Error::Code::TooLarge);
        CHECK(evalError(u"huge | split('')"_s, ctx).code == Error::Code::TooLarge);
        // Many steps that are each small still add up to the budget.
        CHECK(evalError(u"[huge ~ huge"_s + u", huge ~ huge"_s.repeated(30) + u"]"_s, ctx).code
              == Error::Code::TooLarge);
    }
    SECTION("rendered text has a cap")
    {
        const QJsonObject ctx{{u"huge"_s, QString(300000, u'b')}};
        const auto r = TemplateExpression::render(u"${{ huge }}"_s.repeated(4), ctx);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == Error::Code::TooLarge);
        CHECK(TemplateExpression::render(u"${{ huge }}"_s.repeated(3), ctx).ok());
    }
}

TEST_CASE("condition() decides step and output conditions like Backstage", "[core][expression]")
{
    CHECK(condition(u"${{ parameters.cloudProvider === 'AWS' }}"_s));
    CHECK_FALSE(condition(u"${{ parameters.cloudProvider === 'GCP' }}"_s));
    CHECK(condition(u"${{ parameters.dryRun !== true }}"_s));
    CHECK_FALSE(condition(u"${{ parameters.dryRun }}"_s));
    CHECK_FALSE(condition(u"parameters.dryRun"_s));
    CHECK(condition(u"not parameters.dryRun"_s));
    CHECK(condition(u"${{ true === true }}"_s));
    CHECK(condition(u"true"_s));
    CHECK_FALSE(condition(u"false"_s));
    CHECK_FALSE(condition(u""_s));
    CHECK_FALSE(condition(u"   "_s));
    CHECK_FALSE(condition(u"${{ parameters.missing }}"_s));
    CHECK_FALSE(condition(u"${{ parameters.nothing }}"_s));
    CHECK_FALSE(condition(u"${{ parameters.description }}"_s));
    CHECK_FALSE(condition(u"0"_s));
    CHECK(condition(u"'0'"_s));
    CHECK(condition(u"${{ parameters.name }}"_s));
    CHECK(condition(u"${{ parameters.tags }}"_s));
    CHECK(condition(u"${{ parameters.obj }}"_s));
    CHECK(condition(u"{}"_s));
    // Backstage's isTruthy: an empty list does not hold, although `not []` is false as in JavaScript.
    CHECK_FALSE(condition(u"${{ parameters.emptyList }}"_s));
    CHECK_FALSE(condition(u"not parameters.emptyList"_s));
    // Mixed text is text: "false" is a non-empty string.
    CHECK(condition(u"x${{ parameters.dryRun }}"_s));
    const auto bad = TemplateExpression::condition(u"${{ parameters.x | nope }}"_s, context());
    CHECK_FALSE(bad.ok());
    CHECK_FALSE(TemplateExpression::condition(u"parameters.name ==="_s, context()).ok());
}

TEST_CASE("truthy, toText and hasPlaceholder", "[core][expression]")
{
    CHECK_FALSE(TemplateExpression::truthy(QJsonValue(QJsonValue::Undefined)));
    CHECK_FALSE(TemplateExpression::truthy(QJsonValue()));
    CHECK_FALSE(TemplateExpression::truthy(false));
    CHECK_FALSE(TemplateExpression::truthy(0));
    CHECK_FALSE(TemplateExpression::truthy(0.0));
    CHECK_FALSE(TemplateExpression::truthy(std::nan("")));
    CHECK_FALSE(TemplateExpression::truthy(u""_s));
    CHECK(TemplateExpression::truthy(true));
    CHECK(TemplateExpression::truthy(-1));
    CHECK(TemplateExpression::truthy(u"false"_s));
    CHECK(TemplateExpression::truthy(u"0"_s));
    CHECK(TemplateExpression::truthy(QJsonArray()));
    CHECK(TemplateExpression::truthy(QJsonObject()));

    CHECK(TemplateExpression::toText(QJsonValue(QJsonValue::Undefined)).isEmpty());
    CHECK(TemplateExpression::toText(QJsonValue()).isEmpty());
    CHECK(TemplateExpression::toText(true) == u"true"_s);
    CHECK(TemplateExpression::toText(3) == u"3"_s);
    CHECK(TemplateExpression::toText(3.0) == u"3"_s);
    CHECK(TemplateExpression::toText(2.5) == u"2.5"_s);
    CHECK(TemplateExpression::toText(0.1) == u"0.1"_s);
    CHECK(TemplateExpression::toText(-0.000001) == u"-0.000001"_s);
    CHECK(TemplateExpression::toText(1e-7) == u"1e-7"_s);
    CHECK(TemplateExpression::toText(1e21) == u"1e+21"_s);
    CHECK(TemplateExpression::toText(123456789012.0) == u"123456789012"_s);
    CHECK(TemplateExpression::toText(QJsonArray{1, u"a"_s}) == u"[1,\"a\"]"_s);
    CHECK(TemplateExpression::toText(QJsonObject{{u"a"_s, 1}}) == u"{\"a\":1}"_s);

    CHECK(TemplateExpression::hasPlaceholder(u"x ${{ y }}"_s));
    CHECK(TemplateExpression::hasPlaceholder(u"${{y}}"_s));
    CHECK_FALSE(TemplateExpression::hasPlaceholder(u"{{ y }}"_s));
    CHECK_FALSE(TemplateExpression::hasPlaceholder(u"$ {{ y }}"_s));
}

TEST_CASE("Every expression in Backstage's templates evaluates", "[core][expression][compat]")
{
    // What `grep -rhoE '\$\{\{[^}]*\}\}' ../shared/corpus/backstage | sort -u` finds, with the values a run of these
    // templates would give.
    const std::vector<std::pair<QString, QJsonValue>> known = {
        {u"parameters.cloudProvider === 'AWS'"_s, true},
        {u"parameters.cloudProvider === 'Azure'"_s, false},
        {u"parameters.cloudProvider === 'GCP'"_s, false},
        {u"parameters.description if parameters.description"_s, u""_s},
        {u"parameters.dryRun !== true"_s, true},
        {u"parameters.enableCI === \"Yes\""_s, true},
        {u"parameters.repoUrl | parseRepoUrl"_s,
         QJsonObject{{u"host"_s, u"github.com"_s}, {u"owner"_s, u"backstage"_s}, {u"repo"_s, u"my-repo"_s}}},
        {u"parameters.repoUrl | projectSlug"_s, u"backstage/my-repo"_s},
        {u"parameters.targetPath if parameters.targetPath else '.'"_s, u"."_s},
        {u"parameters.targetPath if parameters.targetPath else parameters.name"_s, u"payment-service"_s},
        {u"steps.publish.output.remoteUrl"_s, u"https://github.com/backstage/my-repo"_s},
        {u"steps.register.output.entityRef"_s, u"component:default/payment-service"_s},
        {u"steps[\"step1-output\"].output.result"_s, u"produced"_s},
        {u"steps[\"step3-delay\"].output.waited"_s, 30},
        {u"steps['publish'].output.remoteUrl"_s, u"https://github.com/backstage/my-repo"_s},
        {u"steps['publish'].output.repoContentsUrl"_s, u"https://github.com/backstage/my-repo/tree/main"_s},
        {u"steps['register'].output.entityRef"_s, u"component:default/payment-service"_s},
        {u"true === true"_s, true},
        {u"values.name | dump"_s, u"\"payment-service\""_s},
        {u"values.owner | dump"_s, u"\"team-a\""_s},
        {u"values.x | dump"_s, QJsonValue(QJsonValue::Undefined)},
        {u"values.destination.owner + \"/\" + values.destination.repo"_s, u"backstage/r"_s},
        {u"parameters.name"_s, u"payment-service"_s},
        {u"secrets.USER_OAUTH_TOKEN"_s, QJsonValue(QJsonValue::Undefined)},
    };
    for (const auto &[expression, expected] : known) {
        INFO(expression.toStdString());
        const QJsonValue value = eval(expression);
        CHECK(value == expected);
        CHECK(value.type() == expected.type());
    }

    // And everything the corpus holds today, in templates and skeletons alike.
    static const QRegularExpression placeholder(u"\\$\\{\\{(.*?)\\}\\}"_s);
    QDirIterator it(Portolan::Test::corpusPath(u"backstage"_s), {u"*.yaml"_s, u"*.yml"_s}, QDir::Files,
                    QDirIterator::Subdirectories);
    int files = 0;
    int expressions = 0;
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        REQUIRE(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        bool any = false;
        for (auto m = placeholder.globalMatch(text); m.hasNext();) {
            const QString expression = m.next().captured(1);
            INFO(path.toStdString() << ": " << expression.toStdString());
            const auto r = TemplateExpression::evaluate(expression, context());
            CHECK(r.ok());
            ++expressions;
            any = true;
        }
        if (any) {
            ++files;
            // The lines with placeholders also render as a whole.
            for (const QString &line : text.split(u'\n')) {
                if (TemplateExpression::hasPlaceholder(line)) {
                    INFO(path.toStdString() << ": " << line.toStdString());
                    CHECK(TemplateExpression::render(line, context()).ok());
                }
            }
        }
    }
    CHECK(files >= 15);
    CHECK(expressions >= 100);
}

TEST_CASE("Backstage's skeleton files render to YAML that keeps hostile values in place", "[core][expression][compat]")
{
    const QJsonObject values{
        {u"values"_s, QJsonObject{{u"name"_s, u"x: y # z"_s},
                                  {u"component_id"_s, u"x: y # z"_s},
                                  {u"owner"_s, u"- team-a"_s},
                                  {u"description"_s, u"two\nlines: true"_s},
                                  {u"destination"_s, QJsonObject{{u"owner"_s, u"o"_s}, {u"repo"_s, u"r"_s}}}}}};
    QDirIterator it(Portolan::Test::corpusPath(u"backstage/software-templates"_s), {u"*.yaml"_s, u"*.yml"_s},
                    QDir::Files, QDirIterator::Subdirectories);
    int rendered = 0;
    while (it.hasNext()) {
        const QString path = it.next();
        if (!path.contains(u"/skeleton/"_s) && !path.contains(u"/template/"_s)) {
            continue;
        }
        QFile file(path);
        REQUIRE(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        // Files with Nunjucks tags ({% if %}) are not ours to render.
        if (!TemplateExpression::hasPlaceholder(text) || text.contains(u"{%"_s)) {
            continue;
        }
        INFO(path.toStdString());
        const QString out = render(text, Escape::Yaml, values);
        INFO(out.toStdString());
        const YAML::Node doc = YAML::Load(out.toStdString());
        REQUIRE(doc.IsMap());
        if (doc["metadata"]) {
            CHECK(doc["metadata"]["name"].as<std::string>() == "x: y # z");
        }
        if (doc["site_name"]) {
            CHECK(doc["site_name"].as<std::string>() == "x: y # z");
            CHECK(doc["site_description"].as<std::string>() == "two\nlines: true");
        }
        if (text.contains(u"values.owner"_s)) {
            CHECK(doc["spec"]["owner"].as<std::string>() == "- team-a");
        }
        ++rendered;
    }
    CHECK(rendered >= 5);
}
