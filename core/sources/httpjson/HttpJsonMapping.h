#pragma once

#include "Jq.h"
#include "model/Entity.h"
#include "sources/SourceConfig.h"
#include "util/Result.h"

#include <QHash>
#include <QUrl>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

namespace Portolan::Core::HttpJson {

// One jq expression of a mapping and where it is written, for errors that name it.
struct Expression
{
    QString text; // empty: not given
    QString field; // "options.resources[0].entity.name" (workspace) or "resources[0].entity.name" (mapping file)
    QString file;
    int line = 0;

    [[nodiscard]] bool isEmpty() const { return text.isEmpty(); }
};

// One API endpoint and how its objects become entities.
//   resources:
//     - path: /api/v2/services?limit=100       # or a full URL
//       items: .data[]                         # the objects in one answer (default: an array's elements, or the
//       answer) next: .links.next // empty             # the next page's URL or path; or `followLinks: true` for Link
//       headers select: .lifecycle != "retired"        # keep the objects for which this is true entity: # each value a
//       jq expression run on one object
//         kind: '"Component"'
//         name: .slug
//         owner: '"group:" + .team'
//         ...                                  # metadata fields go to metadata, any other key to spec
//       # or `entity: '{kind: ..., metadata: {...}, spec: {...}}'`: one expression that builds the whole entity
struct Resource
{
    QString path;
    Expression items;
    Expression next;
    bool followLinks = false;
    Expression select;
    Expression entity; // the whole entity, when given as one expression
    QList<QPair<QString, Expression>> fields; // entity.<key>, in the order written
    int maxPages = 1000;
    QString field; // "options.resources[0]"
    QString file;
    int line = 0;
};

struct Mapping
{
    QList<Resource> resources;
    QString file; // the mapping file, when the mapping is not written in the source's options
};

// The mapping of an http-json source: `options.resources` in the source's configuration, or the YAML file
// `options.mapping` names (relative to the configuration file), which holds `resources:`. An error names the
// file, line and field; `warnings` gets unknown fields.
[[nodiscard]] Result<Mapping> readMapping(const SourceConfig &config, const QString &workspaceRoot,
                                          ErrorList *warnings);

// The fields of `entity:` that go to metadata; every other key but apiVersion, kind, metadata and spec goes to spec.
[[nodiscard]] const QStringList &metadataFields();

// A mapping compiled for one sync. Runs on one thread at a time (its jq programs are not shared).
class Mapper final
{
public:
    Mapper(const Mapper &) = delete;
    Mapper &operator=(const Mapper &) = delete;
    ~Mapper();

    // `sourceId` and `baseUrl` are the programs' $source and $baseUrl. A compile error names the expression, its
    // file, line and field.
    [[nodiscard]] static Result<std::unique_ptr<Mapper>> compile(const Mapping &mapping, const QString &sourceId,
                                                                 const QString &baseUrl);

    struct Page
    {
        std::vector<Entity> entities;
        ErrorList problems; // objects left out, each naming the expression and the object
        std::optional<QUrl> next;
        int objects = 0; // objects the items expression gave
    };

    // One answer of `resource`: its objects as entities, and the next page. `url` is where the answer came from
    // (next pages resolve against it), `linkNext` its Link header's rel="next". An answer that is not JSON, or a
    // `next` or `items` expression that fails, fails the page; one object that fails is left out and reported.
    [[nodiscard]] Result<Page> mapPage(int resource, const QByteArray &body, const QUrl &url, const QUrl &linkNext,
                                       const std::atomic_bool *cancel = nullptr);

    // Failures past the first few of one expression are counted, not listed: one problem per expression saying how
    // many more objects failed it. Call once, after the last page.
    [[nodiscard]] ErrorList summary() const;

private:
    Mapper() = default;
    struct Compiled;

    // Reports a failed object: listed while its expression has failed only a few times, then counted.
    void fail(Page &page, const Expression &expression, Error error);

    std::vector<std::unique_ptr<Compiled>> m_resources;
    QString m_sourceId;
    QHash<QString, QPair<Expression, int>> m_failures; // by expression field
};

} // namespace Portolan::Core::HttpJson
