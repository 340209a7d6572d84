#include "catalog/DescriptorReader.h"
#include "catalog/DescriptorLoader.h"
#include "support/TestSupport.h"

#include <QCborArray>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace Portolan::Core;
using Portolan::Test::describe;
using Portolan::Test::writeFile;

namespace {

const QByteArray component = R"(apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: %1
spec:
  type: service
  lifecycle: production
  owner: team-a
)";

QByteArray componentNamed(const char *name)
{
    return QString::fromUtf8(component).arg(QString::fromUtf8(name)).toUtf8();
}

} // namespace

TEST_CASE("Multi-document files: one broken document does not stop the next", "[core][reader]")
{
    const QByteArray data =
        componentNamed("first") + "---\nkind: [unclosed\n  name: x\n---\n" + componentNamed("third");
    const FileReadResult read = DescriptorReader::readData(data, QStringLiteral("multi.yaml"));
    INFO(describe(read.problems).toStdString());
    REQUIRE(read.documents.size() == 2);
    CHECK(read.documents[0].root.value(QStringLiteral("metadata")).toMap().value(QStringLiteral("name")).toString()
          == QStringLiteral("first"));
    CHECK(read.documents[1].root.value(QStringLiteral("metadata")).toMap().value(QStringLiteral("name")).toString()
          == QStringLiteral("third"));
    CHECK(read.documents[1].start.line == 13);
    REQUIRE(read.problems.size() == 1);
    const Error &e = read.problems.first();
    CHECK(e.code == Error::Code::Parse);
    CHECK(e.file == QStringLiteral("multi.yaml"));
    CHECK(e.line >= 10);
    CHECK(e.line <= 12);
    CHECK(e.message.startsWith(QStringLiteral("YAML syntax error")));
}

TEST_CASE("A %YAML directive before a document's marker belongs to that document", "[core][reader]")
{
    const QByteArray data = "%YAML 1.2\n---\n" + componentNamed("first") + "...\n%YAML 1.2\n# the second\n---\n"
                            + componentNamed("second") + "---\n" + componentNamed("third");
    const FileReadResult read = DescriptorReader::readData(data, QStringLiteral("directives.yaml"));
    INFO(describe(read.problems).toStdString());
    CHECK(read.problems.isEmpty());
    REQUIRE(read.documents.size() == 3);
    CHECK(read.documents[0].start.line == 3);
    CHECK(read.documents[1].root.value(QStringLiteral("metadata")).toMap().value(QStringLiteral("name")).toString()
          == QStringLiteral("second"));
    CHECK(read.documents[2].root.value(QStringLiteral("metadata")).toMap().value(QStringLiteral("name")).toString()
          == QStringLiteral("third"));
}

TEST_CASE("Each document keeps its own raw text", "[core][reader]")
{
    const QByteArray data = "# leading comment\n" + componentNamed("a") + "---\n" + componentNamed("b");
    const FileReadResult read = DescriptorReader::readData(data, QStringLiteral("raw.yaml"));
    REQUIRE(read.documents.size() == 2);
    CHECK(read.documents[0].raw.contains("name: a"));
    CHECK_FALSE(read.documents[0].raw.contains("name: b"));
    CHECK(read.documents[1].raw.startsWith("apiVersion"));
    CHECK(read.documents[1].raw.contains("name: b"));
}

TEST_CASE("Scalars resolve with the YAML 1.2 core schema", "[core][reader]")
{
    const FileReadResult read = DescriptorReader::readData(R"(a: 1
b: 1.5
c: true
d: null
e: ~
f: "1"
g: 1.0.0
h: yes
i: 0x1F
j: .inf
k: 'true'
l: 1e3
m: -7
)",
                                                           QStringLiteral("scalars.yaml"));
    REQUIRE(read.documents.size() == 1);
    const QCborMap &m = read.documents[0].root;
    CHECK(m.value(QStringLiteral("a")).isInteger());
    CHECK(m.value(QStringLiteral("a")).toInteger() == 1);
    CHECK(m.value(QStringLiteral("b")).isDouble());
    CHECK(m.value(QStringLiteral("c")).isBool());
    CHECK(m.value(QStringLiteral("d")).isNull());
    CHECK(m.value(QStringLiteral("e")).isNull());
    CHECK(m.value(QStringLiteral("f")).isString());
    CHECK(m.value(QStringLiteral("g")).toString() == QStringLiteral("1.0.0"));
    CHECK(m.value(QStringLiteral("h")).toString() == QStringLiteral("yes")); // YAML 1.1 booleans are strings in 1.2
    CHECK(m.value(QStringLiteral("i")).toInteger() == 31);
    CHECK(m.value(QStringLiteral("j")).isDouble());
    CHECK(m.value(QStringLiteral("k")).isString());
    CHECK(m.value(QStringLiteral("l")).toDouble() == 1000.0);
    CHECK(m.value(QStringLiteral("m")).toInteger() == -7);
}

TEST_CASE("Bad input gives a clear error and never crashes", "[core][reader][badinput]")
{
    SECTION("malformed YAML")
    {
        const FileReadResult read = DescriptorReader::readData("a: [1, 2\nb: }\n", QStringLiteral("bad.yaml"));
        REQUIRE(read.problems.size() == 1);
        CHECK(read.problems[0].code == Error::Code::Parse);
        CHECK(read.problems[0].line > 0);
        CHECK(read.documents.isEmpty());
    }
    SECTION("duplicate keys")
    {
        const FileReadResult read =
            DescriptorReader::readData("metadata:\n  name: a\n  name: b\n", QStringLiteral("dup.yaml"));
        REQUIRE(read.problems.size() == 1);
        CHECK(read.problems[0].message.contains(QStringLiteral("Duplicate key")));
        CHECK(read.problems[0].line == 3);
        CHECK(read.problems[0].field == QStringLiteral("metadata.name"));
    }
    SECTION("a file over the size limit")
    {
        QTemporaryDir dir;
        QByteArray big;
        big.reserve(50 * 1024 * 1024 + 100);
        while (big.size() < 50 * 1024 * 1024) {
            big += "# padding line of a very large descriptor file ................................\n";
        }
        const QString path = writeFile(dir, QStringLiteral("big.yaml"), big);
        const FileReadResult read = DescriptorReader::readFile(path);
        REQUIRE(read.problems.size() == 1);
        CHECK(read.problems[0].code == Error::Code::TooLarge);
        CHECK(read.problems[0].message.contains(QStringLiteral("50.0 MB")));
        CHECK(read.problems[0].file == path);
    }
    SECTION("an alias bomb")
    {
        QByteArray bomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
        for (char c = 'b'; c <= 'j'; ++c) {
            const char prev = char(c - 1);
            bomb += QByteArray(1, c) + ": &" + QByteArray(1, c) + " [*" + prev + ",*" + prev + ",*" + prev + ",*" + prev
                    + ",*" + prev + ",*" + prev + ",*" + prev + ",*" + prev + ",*" + prev + "]\n";
        }
        const FileReadResult read = DescriptorReader::readData(bomb, QStringLiteral("bomb.yaml"));
        REQUIRE(read.problems.size() == 1);
        CHECK(read.problems[0].code == Error::Code::TooLarge);
        CHECK(read.problems[0].message.contains(QStringLiteral("aliases")));
        CHECK(read.documents.isEmpty());
    }
    SECTION("deep nesting")
    {
        const QByteArray deep = QByteArray(100000, '[') + QByteArray(100000, ']');
        const FileReadResult read = DescriptorReader::readData("a: " + deep + "\n", QStringLiteral("deep.yaml"));
        REQUIRE(read.problems.size() == 1);
        CHECK(read.documents.isEmpty());
        CHECK(read.problems[0].line == 1);
    }
    SECTION("deep block nesting under the parser's limit but over ours")
    {
        QByteArray deep;
        for (int i = 0; i < 300; ++i) {
            deep += QByteArray(i * 2, ' ') + "k" + QByteArray::number(i) + ":\n";
        }
        deep += QByteArray(600, ' ') + "end: 1\n";
        const FileReadResult read = DescriptorReader::readData(deep, QStringLiteral("deep2.yaml"));
        REQUIRE(read.problems.size() == 1);
        CHECK(read.problems[0].message.contains(QStringLiteral("nests deeper")));
    }
    SECTION("non-UTF-8 bytes")
    {
        const QByteArray latin1 = "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: caf\xe9\n";
        const FileReadResult read = DescriptorReader::readData(latin1, QStringLiteral("latin1.yaml"));
        REQUIRE(read.problems.size() == 1);
        CHECK(read.problems[0].code == Error::Code::Encoding);
        CHECK(read.problems[0].line == 4);
        CHECK(read.problems[0].column == 12);
        CHECK(read.problems[0].message.contains(QStringLiteral("0xE9")));
    }
    SECTION("a document that is a list, not a mapping")
    {
        const FileReadResult read = DescriptorReader::readData("- a\n- b\n", QStringLiteral("list.yaml"));
        REQUIRE(read.documents.size() == 1);
        CHECK(read.documents[0].root.isEmpty());
    }
    SECTION("empty documents are skipped")
    {
        const FileReadResult read =
            DescriptorReader::readData("---\n---\n# only a comment\n", QStringLiteral("e.yaml"));
        CHECK(read.problems.isEmpty());
        CHECK(read.documents.isEmpty());
    }
}

TEST_CASE("UTF-8 validation finds the first bad byte", "[core][reader]")
{
    CHECK(DescriptorReader::firstInvalidUtf8("plain ascii") == -1);
    CHECK(DescriptorReader::firstInvalidUtf8("gr\xc3\xbc\xc3\x9f") == -1);
    CHECK(DescriptorReader::firstInvalidUtf8("ab\xc3") == 2); // truncated sequence
    CHECK(DescriptorReader::firstInvalidUtf8("ab\xc0\xaf") == 2); // overlong
    CHECK(DescriptorReader::firstInvalidUtf8("\xed\xa0\x80") == 0); // surrogate
    CHECK(DescriptorReader::firstInvalidUtf8("\xf0\x9f\x98\x80") == -1);
}

TEST_CASE("$text, $json and $yaml substitutions read files relative to the descriptor", "[core][reader]")
{
    QTemporaryDir dir;
    writeFile(dir, QStringLiteral("defs/api.graphql"), "type Query { hello: String }\n");
    writeFile(dir, QStringLiteral("defs/extra.json"), R"({"a": [1, 2]})");
    writeFile(dir, QStringLiteral("defs/extra.yaml"), "b: {c: true}\n");
    const QString path = writeFile(dir, QStringLiteral("api.yaml"), R"(apiVersion: backstage.io/v1alpha1
kind: API
metadata: {name: hello}
spec:
  type: graphql
  lifecycle: production
  owner: team-a
  definition:
    $text: ./defs/api.graphql
  json:
    $json: defs/extra.json
  yaml:
    $yaml: defs/extra.yaml
  missing:
    $text: ./defs/nope.txt
)");
    const FileReadResult read = DescriptorReader::readFile(path);
    REQUIRE(read.documents.size() == 1);
    const QCborMap spec = read.documents[0].root.value(QStringLiteral("spec")).toMap();
    CHECK(spec.value(QStringLiteral("definition")).toString() == QStringLiteral("type Query { hello: String }\n"));
    CHECK(spec.value(QStringLiteral("json")).toMap().value(QStringLiteral("a")).toArray().size() == 2);
    CHECK(spec.value(QStringLiteral("yaml"))
              .toMap()
              .value(QStringLiteral("b"))
              .toMap()
              .value(QStringLiteral("c"))
              .toBool());
    REQUIRE(read.problems.size() == 1);
    CHECK(read.problems[0].field == QStringLiteral("spec.missing"));
    CHECK(read.problems[0].line == 14);
    CHECK(read.problems[0].message.contains(QStringLiteral("nope.txt")));
    CHECK(read.substitutedFiles.size() == 3);
}

TEST_CASE("Scaffolder skeletons are reported, not read", "[core][reader]")
{
    const FileReadResult read = DescriptorReader::readData(
        "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${{ values.name | dump }}\n",
        QStringLiteral("skeleton/catalog-info.yaml"));
    CHECK(read.skeleton);
    CHECK(read.documents.isEmpty());
    REQUIRE(read.problems.size() == 1);
    CHECK(read.problems[0].severity == Error::Severity::Warning);
}
