// portolan-cli: the same core as the GUI, for scripts and CI. Wiring only; the work is in portolan_core.
#include "catalog/Catalog.h"
#include "catalog/DescriptorLoader.h"
#include "config/Workspace.h"
#include "model/KindSchema.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace {

enum ExitCode { Ok = 0, Failed = 1, Usage = 2 };

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("portolan-cli", text);
}

QString shownPath(const QString &path)
{
    if (path.isEmpty() || path.startsWith(u':')) {
        return path;
    }
    return QDir::current().relativeFilePath(path);
}

QJsonObject problemJson(const Error &e)
{
    QJsonObject o;
    o.insert(u"severity"_s, Error::severityName(e.severity));
    o.insert(u"code"_s, Error::codeName(e.code));
    o.insert(u"message"_s, e.message);
    o.insert(u"file"_s, shownPath(e.file));
    o.insert(u"line"_s, e.line);
    o.insert(u"column"_s, e.column);
    if (!e.field.isEmpty()) {
        o.insert(u"field"_s, e.field);
    }
    if (!e.entityRef.isEmpty()) {
        o.insert(u"entity"_s, e.entityRef);
    }
    return o;
}

QString problemLine(const Error &e)
{
    Error shown = e;
    shown.file = shownPath(e.file);
    return shown.toString();
}

void printJson(const QJsonValue &value)
{
    const QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    out() << QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
    out().flush();
}

Catalog::Ptr loadWorkspace(const QString &dir, ErrorList *problemsOut = nullptr)
{
    auto ws = Workspace::open(dir);
    if (!ws.ok()) {
        err() << problemLine(ws.error()) << Qt::endl;
        return nullptr;
    }
    LoadResult loaded = DescriptorLoader::load(ws->roots());
    ErrorList problems = ws->problems + loaded.problems;
    if (problemsOut) {
        *problemsOut = problems;
    }
    return Catalog::build(std::move(loaded.entities), std::move(problems));
}

QString chooseWorkspace(const QCommandLineParser &parser)
{
    if (parser.isSet(u"workspace"_s)) {
        return parser.value(u"workspace"_s);
    }
    const QString env = qEnvironmentVariable("PORTOLAN_WORKSPACE");
    if (!env.isEmpty()) {
        return env;
    }
    if (QFileInfo::exists(u"portolan.yaml"_s)) {
        return QDir::currentPath();
    }
    return Workspace::demoPath();
}

QJsonObject entityJson(const Catalog &catalog, int index)
{
    const Entity &e = catalog.entity(index);
    QJsonObject o = e.toJson();
    QJsonArray relations;
    for (const CatalogRelation &r : catalog.relations(index)) {
        QJsonObject rel;
        rel.insert(u"type"_s, relationName(r.type));
        rel.insert(u"targetRef"_s, catalog.relationTargetRef(r));
        if (r.target < 0) {
            rel.insert(u"dangling"_s, true);
        }
        relations.append(rel);
    }
    o.insert(u"relations"_s, relations);
    QJsonObject origin;
    origin.insert(u"source"_s, e.origin.sourceId);
    origin.insert(u"file"_s, shownPath(e.origin.file));
    origin.insert(u"line"_s, e.origin.line);
    o.insert(u"origin"_s, origin);
    return o;
}

int runValidate(const QCommandLineParser &parser, const QStringList &paths)
{
    if (paths.isEmpty()) {
        err() << tr("validate: name at least one file or folder") << Qt::endl;
        return Usage;
    }
    LoadResult loaded = DescriptorLoader::load(paths);
    const int files = int(loaded.files.size());
    const int documents = loaded.documents;
    const int rejected = loaded.rejectedDocuments;
    const Catalog::Ptr catalog = Catalog::build(std::move(loaded.entities), std::move(loaded.problems));
    const ErrorList &problems = catalog->problems();
    const int errors =
        int(std::count_if(problems.cbegin(), problems.cend(), [](const Error &e) { return e.isError(); }));
    const int warnings = int(problems.size()) - errors;

    if (parser.isSet(u"json"_s)) {
        QJsonObject o;
        o.insert(u"valid"_s, errors == 0);
        o.insert(u"files"_s, files);
        o.insert(u"documents"_s, documents);
        o.insert(u"entities"_s, catalog->size());
        o.insert(u"rejected"_s, rejected);
        o.insert(u"relations"_s, catalog->relationCount());
        o.insert(u"errors"_s, errors);
        o.insert(u"warnings"_s, warnings);
        QJsonArray list;
        for (const Error &e : problems) {
            list.append(problemJson(e));
        }
        o.insert(u"problems"_s, list);
        printJson(o);
    } else {
        for (const Error &e : problems) {
            out() << problemLine(e) << '\n';
        }
        out().flush();
        err() << tr("%1 files, %2 entities valid, %3 rejected; %4 errors, %5 warnings")
                     .arg(files)
                     .arg(catalog->size())
                     .arg(rejected)
                     .arg(errors)
                     .arg(warnings)
              << Qt::endl;
    }
    return errors == 0 ? Ok : Failed;
}

int runCatalogList(const QCommandLineParser &parser)
{
    const Catalog::Ptr catalog = loadWorkspace(chooseWorkspace(parser));
    if (!catalog) {
        return Failed;
    }
    CatalogQuery query;
    query.sort = SortKey::Kind;
    std::vector<int> rows = catalog->query(query);
    const QString kind = parser.value(u"kind"_s);
    const QString owner = parser.value(u"owner"_s);
    std::erase_if(rows, [&](int i) {
        const Entity &e = catalog->entity(i);
        if (!kind.isEmpty() && e.kind.compare(kind, Qt::CaseInsensitive) != 0) {
            return true;
        }
        if (!owner.isEmpty()) {
            const QString shortOwner = catalog->facetValue(i, Facet::Owner);
            const auto ownerRef = EntityRef::parse(e.specString("owner"_L1), u"Group", e.ns);
            const auto wanted = EntityRef::parse(owner, u"Group");
            const bool same = shortOwner.compare(owner, Qt::CaseInsensitive) == 0
                              || (ownerRef.ok() && wanted.ok() && ownerRef->key() == wanted->key());
            if (!same) {
                return true;
            }
        }
        return false;
    });

    if (parser.isSet(u"json"_s)) {
        QJsonArray arr;
        for (int i : rows) {
            arr.append(entityJson(*catalog, i));
        }
        printJson(arr);
        return Ok;
    }
    QList<QStringList> table;
    table.append({tr("REF"), tr("TYPE"), tr("OWNER"), tr("LIFECYCLE"), tr("SYSTEM")});
    for (int i : rows) {
        table.append({catalog->entity(i).refString(), catalog->facetValue(i, Facet::Type),
                      catalog->facetValue(i, Facet::Owner), catalog->facetValue(i, Facet::Lifecycle),
                      catalog->facetValue(i, Facet::System)});
    }
    QList<qsizetype> widths(5, 0);
    for (const QStringList &row : std::as_const(table)) {
        for (qsizetype c = 0; c < row.size(); ++c) {
            widths[c] = std::max(widths[c], row[c].size());
        }
    }
    for (const QStringList &row : std::as_const(table)) {
        QString line;
        for (qsizetype c = 0; c < row.size(); ++c) {
            line += c + 1 < row.size() ? row[c].leftJustified(widths[c] + 2) : row[c];
        }
        out() << line.trimmed() << '\n';
    }
    out().flush();
    return Ok;
}

int runCatalogShow(const QCommandLineParser &parser, const QString &ref)
{
    const Catalog::Ptr catalog = loadWorkspace(chooseWorkspace(parser));
    if (!catalog) {
        return Failed;
    }
    const int index = catalog->find(ref);
    if (index < 0) {
        err() << tr("No entity %1 in the catalog").arg(ref) << Qt::endl;
        return Failed;
    }
    if (parser.isSet(u"json"_s)) {
        printJson(entityJson(*catalog, index));
        return Ok;
    }
    const Entity &e = catalog->entity(index);
    out() << e.refString() << '\n';
    if (!e.title.isEmpty()) {
        out() << tr("Title:       %1").arg(e.title) << '\n';
    }
    if (!e.description.isEmpty()) {
        out() << tr("Description: %1").arg(e.description) << '\n';
    }
    for (Facet f : {Facet::Type, Facet::Lifecycle, Facet::Owner, Facet::System, Facet::Domain, Facet::Tag}) {
        const QString v = catalog->facetValue(index, f);
        if (!v.isEmpty()) {
            out() << QString(facetLabel(f) + u':').leftJustified(13) << v << '\n';
        }
    }
    out()
        << tr("Defined in:  %1:%2 (source %3)").arg(shownPath(e.origin.file)).arg(e.origin.line).arg(e.origin.sourceId)
        << '\n';
    const auto relations = catalog->relations(index);
    if (!relations.empty()) {
        out() << tr("Relations:") << '\n';
        for (const CatalogRelation &r : relations) {
            out() << u"  "_s << relationName(r.type).leftJustified(14) << catalog->relationTargetRef(r)
                  << (r.target < 0 ? tr(" (not in the catalog)") : QString()) << '\n';
        }
    }
    for (const EntityLink &l : e.links) {
        out() << tr("Link:        %1 %2").arg(l.title, l.url) << '\n';
    }
    out().flush();
    return Ok;
}

} // namespace

int main(int argc, char *argv[])
{
    // Informational logging would mix with the output scripts read; --verbose or QT_LOGGING_RULES bring it back.
    QLoggingCategory::setFilterRules(u"portolan.*.info=false"_s);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"portolan-cli"_s);
    QCoreApplication::setOrganizationName(u"Portolan"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(PORTOLAN_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Portolan's headless command line.\n\n"
           "Commands:\n"
           "  validate PATH...        check descriptor files and folders; exit 1 on errors\n"
           "  catalog list            list the workspace's entities\n"
           "  catalog show REF        show one entity and its relations"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({u"workspace"_s,
                      tr("Workspace folder (default: the current folder when it has portolan.yaml, "
                         "else the bundled demo)"),
                      tr("dir")});
    parser.addOption({u"verbose"_s, tr("Log what the core does to standard error")});
    parser.addOption({u"json"_s, tr("Print JSON instead of text")});
    parser.addOption({u"kind"_s, tr("catalog list: only entities of this kind"), tr("kind")});
    parser.addOption({u"owner"_s, tr("catalog list: only entities with this owner"), tr("owner")});
    parser.addPositionalArgument(u"command"_s, tr("validate | catalog"));
    parser.process(app);
    if (parser.isSet(u"verbose"_s)) {
        QLoggingCategory::setFilterRules(u"portolan.*.info=true"_s);
    }

    const QStringList args = parser.positionalArguments();
    if (args.isEmpty()) {
        parser.showHelp(Usage);
    }
    const QString command = args.first();
    if (command == u"validate"_s) {
        return runValidate(parser, args.mid(1));
    }
    if (command == u"catalog"_s && args.value(1) == u"list"_s) {
        return runCatalogList(parser);
    }
    if (command == u"catalog"_s && args.value(1) == u"show"_s && args.size() == 3) {
        return runCatalogShow(parser, args.at(2));
    }
    err() << tr("Unknown command \"%1\"; see --help").arg(args.join(u' ')) << Qt::endl;
    return Usage;
}
