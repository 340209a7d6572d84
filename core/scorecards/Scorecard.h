#pragma once

#include "model/Relation.h"
#include "util/Error.h"

#include <QCborValue>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <optional>

namespace Portolan::Core {

// What a condition asks about an entity: a path such as "spec.lifecycle" or "github.ci", parsed once when the
// scorecard is read, so an unknown fact is an error with its line rather than a rule that silently never passes.
// The facts are listed in docs of resources/schema/scorecard.schema.json and in the README.
struct FactPath
{
    enum class Kind : std::uint8_t {
        // The entity's own descriptor.
        Kind,
        ApiVersion,
        Name,
        Namespace,
        Title,
        Description,
        Tags,
        Links, // the links' URLs
        Annotation, // `key`
        Label, // `key`
        Spec, // `segments` below spec
        // Relations: the targets' references, or (with `target`) a fact of each target that is in the catalog.
        Relation,
        OwnerExists, // the ownedBy target is in the catalog
        // From GitHub (unknown when no GitHub data is known for the entity).
        GithubCi, // passing, failing, running, cancelled, none
        GithubOpenPullRequests, // a count
        GithubOldestPullRequest, // when the oldest open pull request was opened
        GithubLatestRelease, // when the latest release was published
        GithubLatestRun, // when the newest workflow run on the default branch last changed
        // From Kubernetes (unknown when no runtime is known for the entity).
        RuntimeHealth, // healthy, progressing, degraded, failed
        RuntimeDesired, // replicas wanted, over every workload
        RuntimeReady, // replicas ready
        RuntimeRestarts, // container restarts over every pod
        RuntimePodsHealthy, // every workload healthy
        RuntimeImages, // image references of the pod templates
        RuntimeImageTags, // their tags ("latest" where none is given)
        // From monitoring and flag sources (counted over what they report; 0 where they report nothing).
        AlertsFiring, // firing alerts (silenced ones not counted)
        AlertsCritical, // firing alerts of severity critical
        FlagsCount, // feature flags
        FlagsStale, // stale feature flags
    };
    Kind kind = Kind::Kind;
    QString key; // annotation or label key
    QStringList segments; // below spec
    RelationType relation = RelationType::DependsOn;
    std::shared_ptr<const FactPath> target; // Relation: a fact of each target (descriptor facts only)
    QString text; // as written

    // Parses "metadata.annotations.backstage.io/techdocs-ref", "relations.dependsOn.spec.lifecycle", ...; an error
    // message (translated) when the path names no fact.
    [[nodiscard]] static std::optional<FactPath> parse(const QString &path, QString *error = nullptr);
    // Whether the fact comes from a source's live data (GitHub, Kubernetes) rather than the catalog.
    [[nodiscard]] bool isLive() const;
};

// A condition over one entity's facts: a test of one fact, or all/any/not of nested conditions.
struct Condition
{
    enum class Op : std::uint8_t {
        All,
        Any,
        Not,
        Equals,
        NotEquals,
        In,
        NotIn,
        Contains,
        Matches,
        Exists,
        Empty,
        GreaterThan,
        AtLeast,
        LessThan,
        AtMost,
        OlderThan, // a date fact more than an age ago
        NewerThan,
    };
    Op op = Op::All;
    FactPath fact; // for a test
    QCborValue operand; // as written: a value, a list (in, notIn), a bool (exists, empty)
    double number = 0; // numeric comparisons: the number; olderThan/newerThan: the age in seconds
    QRegularExpression regex; // matches
    QString operandText; // the operand as text, and each of a list's (in, notIn): compared with text facts
    QStringList operandTexts;
    QList<Condition> children; // all, any, not (one)
    int line = 0;

    [[nodiscard]] bool isTest() const { return op != Op::All && op != Op::Any && op != Op::Not; }
    // The key it is written with: "equals", "olderThan", "all", ...
    [[nodiscard]] static QString opName(Op op);
};

struct ScorecardLevel
{
    QString name;
    QString color; // #rrggbb
};

struct ScorecardRule
{
    QString id;
    QString title;
    QString description; // how to fix it
    int level = 0; // index in Scorecard::levels
    double weight = 1; // for the percentage score
    Condition condition;
    int line = 0;
};

// A scorecard: which entities it applies to, ordered levels (lowest first) and rules, each at one level. An entity
// holds a level when it passes every rule of that level and of all levels below it.
struct Scorecard
{
    QString id;
    QString title;
    QString description;
    std::optional<Condition> filter; // none: every entity
    QList<ScorecardLevel> levels;
    QList<ScorecardRule> rules;
    QString file;
    // Where its id is written: a file can hold several scorecards (Port's form: "scorecards[1].identifier").
    QString idField = QStringLiteral("id");
    int line = 0;

    // The level of that name (case-insensitive), or -1.
    [[nodiscard]] int levelIndex(const QString &name) const;
    [[nodiscard]] QString displayTitle() const { return title.isEmpty() ? id : title; }
    // Bronze (#cd7f32), Silver (#a8a9ad), Gold (#d4af37): the levels of a scorecard that names none.
    [[nodiscard]] static QList<ScorecardLevel> defaultLevels();
};

// Scorecard files: YAML (or JSON) as documented by resources/schema/scorecard.schema.json, one scorecard a file, or
// Port's scorecard JSON as Port exports it (PortScorecards: one scorecard, a list, or an answer of Port's API).
// Problems name the file, line and field; a broken rule is left out and the rest of its scorecard is kept, a scorecard
// with no usable id or no rules is left out.
namespace ScorecardReader {

// Every scorecard of a file's text, in Portolan's form or Port's (told apart by PortScorecards::isPortDocument).
[[nodiscard]] QList<Scorecard> read(const QByteArray &data, const QString &file, ErrorList &problems);
// Port's scorecard JSON, whatever its top level looks like.
[[nodiscard]] QList<Scorecard> readPort(const QByteArray &data, const QString &file, ErrorList &problems);
// One scorecard: the first of the file, with a warning when it holds more (readAll reads them all).
[[nodiscard]] std::optional<Scorecard> readFile(const QString &file, ErrorList &problems);
[[nodiscard]] std::optional<Scorecard> readData(const QByteArray &data, const QString &file, ErrorList &problems);
// Every scorecard of these files and folders (a folder: its *.yaml, *.yml and *.json), sorted by id; a second
// scorecard with an id already read is an error and left out.
[[nodiscard]] QList<Scorecard> readAll(const QStringList &paths, ErrorList &problems);
// The scorecard files of these files and folders, in the order readAll reads them.
[[nodiscard]] QStringList files(const QStringList &paths);

} // namespace ScorecardReader

} // namespace Portolan::Core
