#pragma once

#include "SearchIndex.h"
#include "live/LiveTypes.h"
#include "model/Entity.h"
#include "model/Relation.h"
#include "util/Error.h"

#include <QHash>
#include <QMetaType>
#include <QStringList>

#include <array>
#include <atomic>
#include <memory>
#include <mutex>
#include <span>
#include <vector>

namespace Portolan::Core {

// Ci and Health are live facets: their values come from the query's LiveSnapshot, not from descriptors.
// Level: the scorecard levels held ("Production readiness: Silver"), one value per scorecard that applies; its values
// come with the query (CatalogQuery::levels) from the scorecards' evaluation.
enum class Facet : std::uint8_t { Kind, Type, Lifecycle, Owner, System, Domain, Tag, Namespace, Ci, Health, Level };
inline constexpr int facetCount = 11;
[[nodiscard]] constexpr bool isLiveFacet(Facet facet)
{
    return facet == Facet::Ci || facet == Facet::Health;
}
// Facets an entity can have several values of.
[[nodiscard]] constexpr bool isMultiFacet(Facet facet)
{
    return facet == Facet::Tag || facet == Facet::Level;
}
[[nodiscard]] QString facetName(Facet facet); // "kind", "owner", ... (CLI and settings keys)
[[nodiscard]] QString facetLabel(Facet facet); // translated

enum class SortKey : std::uint8_t { Name, Kind, Type, Owner, System, Lifecycle, Namespace, Title };
inline constexpr int sortKeyCount = 8;

struct CatalogRelation
{
    qint32 target = -1; // index in the catalog, -1 when the target is not in it (dangling)
    RelationType type = RelationType::DependsOn;
    qint32 dangling = -1; // index into Catalog::danglingRefs() when target == -1
};

// The values of one facet per entity: interned values, and per entity either one value id (-1: none) or, for the
// multi-valued facets, a range of ids (multiStart has one more entry than there are entities).
struct FacetColumn
{
    QStringList values;
    std::vector<qint32> single;
    std::vector<qint32> multiStart;
    std::vector<qint32> multi;
};

// The Level facet of one catalog snapshot (`catalog` identifies it), built from scorecard results.
struct LevelFacet
{
    const void *catalog = nullptr;
    FacetColumn column; // multi-valued
};

struct CatalogQuery
{
    QString text;
    std::array<QStringList, facetCount> facets; // selected values per facet; values within one facet are OR-ed
    SortKey sort = SortKey::Name;
    bool descending = false;
    // The live data the Ci and Health facets read; prepared for this catalog (LiveSnapshot::prepareFor) or ignored.
    LiveSnapshot::Ptr live;
    // The Level facet's values; ignored when built for another catalog.
    std::shared_ptr<const LevelFacet> levels;

    [[nodiscard]] bool hasFilters() const;
};

struct FacetCount
{
    QString value;
    int count = 0;

    friend bool operator==(const FacetCount &, const FacetCount &) = default;
};

// The answer to one keystroke: the rows, and per facet the value counts with every *other* facet's selection
// applied (so a facet never filters its own list away). Keep it and pass it back to the next run(): when the
// new text extends the old, only the old text matches are searched again.
struct QueryResult
{
    CatalogQuery query;
    std::vector<int> rows;
    std::vector<std::uint8_t> textMatch; // per entity: matches the text, before facets
    std::array<QList<FacetCount>, facetCount> facetCounts;
};

// An immutable snapshot of the merged catalog: built once on a worker thread, then shared read-only
// (std::shared_ptr<const Catalog>) with views on any thread. Indexes are built for 250k entities: relations in
// one flat array, facet values interned, sort orders computed once per key on first use.
class Catalog final
{
public:
    using Ptr = std::shared_ptr<const Catalog>;

    // Merges entities keyed by ref (the first wins; later ones are reported as conflicts), derives both
    // directions of every relation and flags dangling references. `problems` carries the readers' problems.
    [[nodiscard]] static Ptr build(std::vector<Entity> entities, ErrorList problems = {},
                                   const std::atomic_bool *cancel = nullptr);
    // A catalog for the list alone, built from the cache's lists before the whole catalog is read: facets, search
    // and the name order, no relations (CatalogStore::loadLists).
    [[nodiscard]] static Ptr buildList(std::vector<Entity> entities);
    [[nodiscard]] static Ptr empty();

    [[nodiscard]] int size() const { return int(m_entities.size()); }
    [[nodiscard]] const Entity &entity(int index) const { return m_entities[std::size_t(index)]; }
    [[nodiscard]] const std::vector<Entity> &entities() const { return m_entities; }
    [[nodiscard]] int indexOf(const QString &refKey) const { return indexOf(QStringView(refKey)); }
    [[nodiscard]] int indexOf(QStringView refKey) const;
    // Parses "[kind:][namespace/]name" (kind defaults to Component) and looks it up.
    [[nodiscard]] int find(QStringView ref) const;

    [[nodiscard]] std::span<const CatalogRelation> relations(int index) const;
    [[nodiscard]] int relationCount() const { return int(m_relations.size()); }
    [[nodiscard]] const QStringList &danglingRefs() const { return m_danglingRefs; }
    [[nodiscard]] QString relationTargetRef(const CatalogRelation &relation) const;

    [[nodiscard]] QString facetValue(int index, Facet facet) const; // first value; tags joined with ", "
    [[nodiscard]] QStringList facetValues(int index, Facet facet) const;
    // `live` gives the Ci and Health facets their values (ignored for the others, and when prepared for another
    // catalog).
    [[nodiscard]] QList<FacetCount> facetCounts(Facet facet, const std::vector<int> &rows,
                                                const LiveSnapshot *live = nullptr) const;

    [[nodiscard]] std::vector<int> query(const CatalogQuery &query) const;
    [[nodiscard]] QueryResult run(const CatalogQuery &query, const QueryResult *previous = nullptr,
                                  bool withFacetCounts = true) const;
    [[nodiscard]] const ErrorList &problems() const { return m_problems; }
    [[nodiscard]] const SearchIndex &searchIndex() const { return m_search; }
    [[nodiscard]] QHash<QString, int> countByKind() const;
    // The distinct values of a facet read from the descriptors (not Ci, Health or Level), as first met: for Kind,
    // the kinds as written. Costs nothing: the facets are built with the catalog.
    [[nodiscard]] const QStringList &facetValueList(Facet facet) const { return m_facets[std::size_t(facet)].values; }
    // The entities of one kind (compared without case), in catalog order, found through the Kind facet.
    [[nodiscard]] std::vector<int> indexesOfKind(QStringView kind) const;
    // Builds every sort order now (they are otherwise built on first use): call it on a worker thread before
    // handing the snapshot to the GUI, so its first query does not wait for them.
    void prepareSortOrders() const;

private:
    Catalog() = default;
    [[nodiscard]] static Ptr make(std::vector<Entity> entities, ErrorList problems, const std::atomic_bool *cancel,
                                  bool relations);
    void deriveRelations();
    void buildFacets();
    [[nodiscard]] const std::vector<qint32> &sortOrder(SortKey key) const;
    [[nodiscard]] std::vector<std::uint8_t> facetMatch(const FacetColumn &col, Facet facet,
                                                       const QStringList &selected) const;
    [[nodiscard]] static QList<FacetCount> sortedCounts(const FacetColumn &col, const std::vector<int> &counts);
    [[nodiscard]] bool liveColumn(Facet facet, const LiveSnapshot *live, FacetColumn &out) const;

    std::vector<Entity> m_entities;
    // The entities by ref key: an open-addressing table of entity indexes (-1: free), at most half full, hashed by
    // the key and compared against the entity itself. A QHash<QString, int> held every key a second time: 130 B per
    // entity, where this takes 8 to 16.
    std::vector<qint32> m_byKey;
    [[nodiscard]] bool hasKey(int index, QStringView refKey) const;
    void insertKey(int index, QStringView refKey);
    ErrorList m_problems;

    std::vector<CatalogRelation> m_relations; // grouped by source entity
    std::vector<qint32> m_relationStart; // size()+1 offsets into m_relations
    QStringList m_danglingRefs;

    std::array<FacetColumn, facetCount> m_facets;
    // Each descriptor facet's counts over the whole catalog: the answer to a query without text or facets (the
    // window's first, and every "clear filters"), built with the catalog on its worker thread.
    std::array<QList<FacetCount>, facetCount> m_unfilteredCounts;

    SearchIndex m_search;

    mutable std::array<std::once_flag, sortKeyCount> m_sortOnce;
    mutable std::array<std::vector<qint32>, sortKeyCount> m_sortOrders;
};

} // namespace Portolan::Core

Q_DECLARE_METATYPE(Portolan::Core::Catalog::Ptr)
