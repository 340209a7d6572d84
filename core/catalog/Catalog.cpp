#include "Catalog.h"
#include "util/Threads.h"

#include "model/KindSchema.h"
#include "util/Logging.h"

#include <QCoreApplication>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Catalog", text);
}

// Runs fn(begin, end) over [0, n) in chunks on `pool`; building a catalog is per-entity work that needs no locks
// until the results are merged.
template<typename Fn>
void parallelFor(QThreadPool *pool, std::size_t n, Fn fn)
{
    constexpr std::size_t chunk = 2048;
    std::vector<std::size_t> starts;
    for (std::size_t b = 0; b < n; b += chunk) {
        starts.push_back(b);
    }
    // Work on Portolan's own pools runs beside the window; Qt's global pool also paints for it (the raster engine
    // hands it parts of a paint and waits), so its threads keep their priority.
    const bool lower = pool != QThreadPool::globalInstance();
    QtConcurrent::blockingMap(pool, starts, [&](std::size_t b) {
        if (lower) {
            lowerCurrentThreadPriority();
        }
        fn(b, std::min(n, b + chunk));
    });
}

struct PendingRef
{
    const SpecField *rule;
    QString key; // the target's ref key; kept only when it is not in the catalog (dangling)
    qint32 item; // index in a list field, or -1
    qint32 to; // the target's index, -1 when dangling
};

} // namespace

QString facetName(Facet facet)
{
    switch (facet) {
    case Facet::Kind:
        return u"kind"_s;
    case Facet::Type:
        return u"type"_s;
    case Facet::Lifecycle:
        return u"lifecycle"_s;
    case Facet::Owner:
        return u"owner"_s;
    case Facet::System:
        return u"system"_s;
    case Facet::Domain:
        return u"domain"_s;
    case Facet::Tag:
        return u"tag"_s;
    case Facet::Namespace:
        return u"namespace"_s;
    case Facet::Ci:
        return u"ci"_s;
    case Facet::Health:
        return u"health"_s;
    case Facet::Level:
        return u"level"_s;
    }
    return {};
}

QString facetLabel(Facet facet)
{
    switch (facet) {
    case Facet::Kind:
        return QCoreApplication::translate("Facet", "Kind");
    case Facet::Type:
        return QCoreApplication::translate("Facet", "Type");
    case Facet::Lifecycle:
        return QCoreApplication::translate("Facet", "Lifecycle");
    case Facet::Owner:
        return QCoreApplication::translate("Facet", "Owner");
    case Facet::System:
        return QCoreApplication::translate("Facet", "System");
    case Facet::Domain:
        return QCoreApplication::translate("Facet", "Domain");
    case Facet::Tag:
        return QCoreApplication::translate("Facet", "Tag");
    case Facet::Namespace:
        return QCoreApplication::translate("Facet", "Namespace");
    case Facet::Ci:
        return QCoreApplication::translate("Facet", "CI");
    case Facet::Health:
        return QCoreApplication::translate("Facet", "Health");
    case Facet::Level:
        return QCoreApplication::translate("Facet", "Scorecard level");
    }
    return {};
}

bool CatalogQuery::hasFilters() const
{
    return !text.trimmed().isEmpty()
           || std::any_of(facets.cbegin(), facets.cend(), [](const QStringList &l) { return !l.isEmpty(); });
}

Catalog::Ptr Catalog::empty()
{
    static const Ptr e = build({});
    return e;
}

namespace {

// One entity's values of one facet, counted into `counts` (indexed by value id).
void countValues(const FacetColumn &col, Facet facet, std::size_t i, std::vector<int> &counts)
{
    if (isMultiFacet(facet)) {
        for (qint32 k = col.multiStart[i]; k < col.multiStart[i + 1]; ++k) {
            ++counts[std::size_t(col.multi[std::size_t(k)])];
        }
    } else if (const qint32 id = col.single[i]; id >= 0) {
        ++counts[std::size_t(id)];
    }
}

// Freeing a snapshot of 100k entities takes a second or more (millions of small blocks). When the last holder
// lets go of it on the application's main thread, that is the GUI thread: the snapshot is freed on the thread
// pool instead, so replacing the catalog never freezes the window.
void release(const Catalog *catalog)
{
    QCoreApplication *app = QCoreApplication::instance();
    if (app && QThread::currentThread() == app->thread() && catalog->size() > 1000) {
        backgroundPool()->start([catalog] {
            lowerCurrentThreadPriority();
            delete catalog;
        });
        return;
    }
    delete catalog;
}

} // namespace

Catalog::Ptr Catalog::build(std::vector<Entity> entities, ErrorList problems, const std::atomic_bool *cancel)
{
    return make(std::move(entities), std::move(problems), cancel, true);
}

Catalog::Ptr Catalog::buildList(std::vector<Entity> entities)
{
    return make(std::move(entities), {}, nullptr, false);
}

Catalog::Ptr Catalog::make(std::vector<Entity> entities, ErrorList problems, const std::atomic_bool *cancel,
                           bool relations)
{
    std::shared_ptr<Catalog> c(new Catalog, &release);
    c->m_problems = std::move(problems);
    c->m_entities.reserve(entities.size());
    std::size_t slots = 16;
    while (slots < entities.size() * 2) {
        slots *= 2;
    }
    c->m_byKey.assign(slots, -1);
    // The keys (lower-cased refs) made in parallel; the table is filled in order, so the first definition wins.
    std::vector<QString> keys(entities.size());
    parallelFor(backgroundPool(), entities.size(), [&entities, &keys](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
            keys[i] = entities[i].key();
        }
    });
    for (std::size_t k = 0; k < entities.size(); ++k) {
        Entity &e = entities[k];
        const QString key = std::move(keys[k]);
        if (const int existing = c->indexOf(key); existing >= 0) {
            const Entity &first = c->m_entities[std::size_t(existing)];
            Error err = makeError(Error::Code::Conflict,
                                  tr("%1 is defined twice; the definition from %2:%3 (source %4) is kept and this "
                                     "one is ignored")
                                      .arg(e.refString(), first.origin.file)
                                      .arg(first.origin.line)
                                      .arg(first.origin.sourceId));
            err.file = e.origin.file;
            err.line = e.origin.line;
            err.column = e.origin.column;
            err.field = u"metadata.name"_s;
            err.entityRef = e.refString();
            c->m_problems.append(err);
            continue;
        }
        c->m_entities.push_back(std::move(e));
        c->insertKey(int(c->m_entities.size() - 1), key);
        if (cancel && cancel->load()) {
            return empty();
        }
    }
    c->m_entities.shrink_to_fit();
    if (relations) {
        c->deriveRelations();
    } else {
        c->m_relationStart.assign(c->m_entities.size() + 1, 0);
    }
    c->buildFacets();
    // The catalog table's default order (by title, else name) and a query's (by name), so that the first query on
    // the GUI thread does not pay for them; the others are built on first use (or by prepareSortOrders).
    (void)c->sortOrder(SortKey::Title);
    (void)c->sortOrder(SortKey::Name);
    return c;
}

namespace {

// ASCII letters compared without case, anything else exactly: a ref key is lower case already (makeRefKey), and
// an entity's non-ASCII names go the slow way in hasKey.
bool equalsLowered(QStringView lowered, QStringView text, bool &ascii)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        char16_t c = text[i].unicode();
        if (c >= 0x80) {
            ascii = false;
            return false;
        }
        if (c >= u'A' && c <= u'Z') {
            c = char16_t(c + 32);
        }
        if (lowered[i].unicode() != c) {
            return false;
        }
    }
    return true;
}

} // namespace

bool Catalog::hasKey(int index, QStringView refKey) const
{
    const Entity &e = m_entities[std::size_t(index)];
    if (refKey.size() != e.kind.size() + e.ns.size() + e.name.size() + 2) {
        return false;
    }
    // "kind:namespace/name", in lower case.
    const qsizetype nsAt = e.kind.size() + 1;
    const qsizetype nameAt = nsAt + e.ns.size() + 1;
    if (refKey[nsAt - 1] != u':' || refKey[nameAt - 1] != u'/') {
        return false;
    }
    bool ascii = true;
    if (equalsLowered(refKey.first(e.kind.size()), e.kind, ascii)
        && equalsLowered(refKey.sliced(nsAt, e.ns.size()), e.ns, ascii)
        && equalsLowered(refKey.sliced(nameAt), e.name, ascii)) {
        return true;
    }
    return !ascii && e.key() == refKey;
}

void Catalog::insertKey(int index, QStringView refKey)
{
    const std::size_t mask = m_byKey.size() - 1;
    std::size_t slot = qHash(refKey) & mask;
    while (m_byKey[slot] >= 0) {
        slot = (slot + 1) & mask;
    }
    m_byKey[slot] = qint32(index);
}

int Catalog::indexOf(QStringView refKey) const
{
    if (m_byKey.empty()) {
        return -1;
    }
    const std::size_t mask = m_byKey.size() - 1;
    for (std::size_t slot = qHash(refKey) & mask; m_byKey[slot] >= 0; slot = (slot + 1) & mask) {
        if (hasKey(m_byKey[slot], refKey)) {
            return m_byKey[slot];
        }
    }
    return -1;
}

int Catalog::find(QStringView ref) const
{
    const auto parsed = EntityRef::parse(ref, u"Component");
    if (!parsed.ok()) {
        return -1;
    }
    return indexOf(parsed->key());
}

void Catalog::deriveRelations()
{
    const std::size_t n = m_entities.size();
    // Parse and resolve every declared reference in parallel; m_byKey is complete and only read here.
    std::vector<std::vector<PendingRef>> declared(n);
    parallelFor(backgroundPool(), n, [this, &declared](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
            const Entity &e = m_entities[i];
            const KindSchema *schema = kindSchema(e.kind);
            if (!schema) {
                continue;
            }
            for (const SpecField &rule : schema->fields) {
                if (!rule.relation) {
                    continue;
                }
                bool isArray = false;
                const QStringList targets = e.spec.strings(rule.name, &isArray);
                for (qsizetype t = 0; t < targets.size(); ++t) {
                    QString key = refKey(targets[t], QString(rule.defaultTargetKind), e.ns);
                    if (!key.isNull()) { // otherwise the Validator already reported it
                        const qint32 to = indexOf(key);
                        declared[i].push_back(
                            {&rule, to >= 0 ? QString() : std::move(key), isArray ? qint32(t) : -1, to});
                    }
                }
            }
        }
    });

    // Both directions of every relation, bucketed by the entity they start from (a counting sort: the entities
    // are the buckets), then each entity's few sorted and made unique (the same relation declared from both ends).
    std::vector<qint32> count(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i) {
        for (const PendingRef &p : declared[i]) {
            ++count[i + 1];
            if (p.to >= 0) {
                ++count[std::size_t(p.to) + 1];
            }
        }
    }
    for (std::size_t i = 0; i < n; ++i) {
        count[i + 1] += count[i];
    }
    std::vector<CatalogRelation> bucketed(static_cast<std::size_t>(count[n]));
    std::vector<qint32> next(count.begin(), count.end() - 1);
    QHash<QString, qint32> danglingIds;
    for (qint32 i = 0; i < qint32(n); ++i) {
        const Entity &e = m_entities[std::size_t(i)];
        for (const PendingRef &p : declared[std::size_t(i)]) {
            const RelationType type = *p.rule->relation;
            if (p.to >= 0) {
                bucketed[std::size_t(next[std::size_t(i)]++)] = {p.to, type, -1};
                bucketed[std::size_t(next[std::size_t(p.to)]++)] = {i, inverse(type), -1};
                continue;
            }
            // Dangling references are rare: only they pay for the display form and the message.
            const QString field = QString(p.rule->name);
            const QString target =
                p.item < 0 ? e.specString(p.rule->name) : e.specStringList(p.rule->name).value(p.item);
            const QString display = EntityRef::parse(target, QString(p.rule->defaultTargetKind), e.ns)->toString();
            auto it = danglingIds.constFind(p.key);
            if (it == danglingIds.constEnd()) {
                it = danglingIds.insert(p.key, qint32(m_danglingRefs.size()));
                m_danglingRefs.append(display);
            }
            bucketed[std::size_t(next[std::size_t(i)]++)] = {-1, type, *it};
            Error err = makeError(Error::Code::Reference,
                                  tr("spec.%1 refers to %2, which is not in the catalog").arg(field, display));
            err.severity = Error::Severity::Warning;
            err.file = e.origin.file;
            err.line = e.origin.line;
            err.column = e.origin.column;
            err.field = u"spec."_s + field;
            err.entityRef = e.refString();
            m_problems.append(err);
        }
    }
    declared = {};

    const auto less = [](const CatalogRelation &a, const CatalogRelation &b) {
        if (a.type != b.type) {
            return a.type < b.type;
        }
        if (a.target != b.target) {
            return a.target < b.target;
        }
        return a.dangling < b.dangling;
    };
    const auto same = [](const CatalogRelation &a, const CatalogRelation &b) {
        return a.type == b.type && a.target == b.target && a.dangling == b.dangling;
    };
    m_relations.clear();
    m_relations.reserve(bucketed.size());
    m_relationStart.assign(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i) {
        m_relationStart[i] = qint32(m_relations.size());
        const auto begin = bucketed.begin() + count[i];
        const auto end = bucketed.begin() + count[i + 1];
        std::sort(begin, end, less);
        m_relations.insert(m_relations.end(), begin, std::unique(begin, end, same));
    }
    m_relationStart[n] = qint32(m_relations.size());
    m_relations.shrink_to_fit();
}

std::span<const CatalogRelation> Catalog::relations(int index) const
{
    if (index < 0 || index >= size()) {
        return {};
    }
    const auto begin = std::size_t(m_relationStart[std::size_t(index)]);
    const auto end = std::size_t(m_relationStart[std::size_t(index) + 1]);
    return std::span<const CatalogRelation>(m_relations.data() + begin, end - begin);
}

QString Catalog::relationTargetRef(const CatalogRelation &relation) const
{
    if (relation.target >= 0) {
        return entity(relation.target).refString();
    }
    return m_danglingRefs.value(relation.dangling);
}

void Catalog::buildFacets()
{
    const std::size_t n = m_entities.size();
    std::array<QHash<QString, qint32>, facetCount> intern;
    for (FacetColumn &col : m_facets) {
        col.single.assign(n, -1);
    }
    FacetColumn &tags = m_facets[std::size_t(Facet::Tag)];
    tags.multiStart.reserve(n + 1);
    m_facets[std::size_t(Facet::Level)].multiStart.assign(n + 1, 0); // its values come with a query

    const auto idFor = [&](Facet f, const QString &value) -> qint32 {
        if (value.isEmpty()) {
            return -1;
        }
        auto &map = intern[std::size_t(f)];
        auto it = map.constFind(value);
        if (it == map.constEnd()) {
            it = map.insert(value, qint32(m_facets[std::size_t(f)].values.size()));
            m_facets[std::size_t(f)].values.append(value);
        }
        return *it;
    };
    const auto shortRef = [](const QString &ref, QStringView defaultKind, const QString &ns) {
        if (ref.isEmpty()) {
            return QString();
        }
        const auto parsed = EntityRef::parse(ref, defaultKind, ns);
        return parsed.ok() ? parsed->toShortString(defaultKind) : ref;
    };

    // Per-entity strings in parallel; interning and the search buffer are then filled in order.
    struct Derived
    {
        QString type;
        QString lifecycle;
        QString owner;
        QString system;
        QString domain;
        QByteArray search;
    };
    std::vector<Derived> derived(n);
    parallelFor(backgroundPool(), n, [&](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
            const Entity &e = m_entities[i];
            Derived &d = derived[i];
            d.type = e.specString("type"_L1);
            d.lifecycle = e.specString("lifecycle"_L1);
            d.owner = shortRef(e.specString("owner"_L1), u"group", e.ns);
            d.system = shortRef(e.specString("system"_L1), u"system", e.ns);
            if (e.kind == u"System"_s) {
                d.domain = shortRef(e.specString("domain"_L1), u"domain", e.ns);
            } else if (!d.system.isEmpty()) {
                const QString systemKey = refKey(e.specString("system"_L1), u"system", e.ns);
                const int sys = systemKey.isNull() ? -1 : indexOf(systemKey);
                if (sys >= 0) {
                    const Entity &se = entity(sys);
                    d.domain = shortRef(se.specString("domain"_L1), u"domain", se.ns);
                }
            }
            QString text = e.name + u' ' + e.title + u' ' + e.description + u' ' + e.tags.join(u" ") + u' ' + d.owner
                           + u' ' + e.kind;
            for (const KeyValue &kv : e.annotations) {
                text += u' ' + kv.key + u'=' + kv.value;
            }
            d.search = SearchIndex::normalise(text);
        }
    });

    std::size_t searchBytes = 0;
    for (const Derived &d : derived) {
        searchBytes += std::size_t(d.search.size()) + 1;
    }
    m_search.reserve(n, searchBytes);

    for (std::size_t i = 0; i < n; ++i) {
        const Entity &e = m_entities[i];
        Derived &d = derived[i];
        m_facets[std::size_t(Facet::Kind)].single[i] = idFor(Facet::Kind, e.kind);
        m_facets[std::size_t(Facet::Type)].single[i] = idFor(Facet::Type, d.type);
        m_facets[std::size_t(Facet::Lifecycle)].single[i] = idFor(Facet::Lifecycle, d.lifecycle);
        m_facets[std::size_t(Facet::Owner)].single[i] = idFor(Facet::Owner, d.owner);
        m_facets[std::size_t(Facet::System)].single[i] = idFor(Facet::System, d.system);
        m_facets[std::size_t(Facet::Domain)].single[i] = idFor(Facet::Domain, d.domain);
        m_facets[std::size_t(Facet::Namespace)].single[i] = idFor(Facet::Namespace, e.ns);
        tags.multiStart.push_back(qint32(tags.multi.size()));
        for (const QString &t : e.tags) {
            tags.multi.push_back(idFor(Facet::Tag, t));
        }
        m_search.addNormalised(d.search);
        d = {};
    }
    tags.multiStart.push_back(qint32(tags.multi.size()));
    m_search.finish();

    for (int f = 0; f < facetCount; ++f) {
        const FacetColumn &col = m_facets[std::size_t(f)];
        if (isLiveFacet(Facet(f)) || Facet(f) == Facet::Level) {
            continue;
        }
        std::vector<int> counts(std::size_t(col.values.size()), 0);
        for (std::size_t i = 0; i < n; ++i) {
            countValues(col, Facet(f), i, counts);
        }
        m_unfilteredCounts[std::size_t(f)] = sortedCounts(col, counts);
    }
}

QString Catalog::facetValue(int index, Facet facet) const
{
    if (isMultiFacet(facet)) {
        return facetValues(index, facet).join(u", "_s);
    }
    const FacetColumn &col = m_facets[std::size_t(facet)];
    const qint32 id = col.single[std::size_t(index)];
    return id < 0 ? QString() : col.values[id];
}

QStringList Catalog::facetValues(int index, Facet facet) const
{
    const FacetColumn &col = m_facets[std::size_t(facet)];
    if (!isMultiFacet(facet)) {
        const qint32 id = col.single[std::size_t(index)];
        return id < 0 ? QStringList() : QStringList{col.values[id]};
    }
    QStringList out;
    for (qint32 k = col.multiStart[std::size_t(index)]; k < col.multiStart[std::size_t(index) + 1]; ++k) {
        out.append(col.values[col.multi[std::size_t(k)]]);
    }
    return out;
}

bool Catalog::liveColumn(Facet facet, const LiveSnapshot *live, FacetColumn &out) const
{
    if (!isLiveFacet(facet) || !live || live->catalog != this) {
        return false;
    }
    const std::vector<std::int8_t> &states = facet == Facet::Ci ? live->ciByIndex : live->healthByIndex;
    if (states.size() != m_entities.size()) {
        return false;
    }
    // Value ids are the states' enum values less one (None is no value), so the values list is fixed.
    out.values.clear();
    if (facet == Facet::Ci) {
        for (const CiState s : {CiState::Passing, CiState::Running, CiState::Cancelled, CiState::Failing}) {
            out.values.append(ciStateName(s));
        }
    } else {
        for (const Health h : {Health::Healthy, Health::Progressing, Health::Degraded, Health::Failed}) {
            out.values.append(healthName(h));
        }
    }
    out.single.resize(states.size());
    for (std::size_t i = 0; i < states.size(); ++i) {
        out.single[i] = qint32(states[i]) - 1;
    }
    return true;
}

QList<FacetCount> Catalog::facetCounts(Facet facet, const std::vector<int> &rows, const LiveSnapshot *live) const
{
    FacetColumn liveCol;
    const FacetColumn &col = liveColumn(facet, live, liveCol) ? liveCol : m_facets[std::size_t(facet)];
    std::vector<int> counts(std::size_t(col.values.size()), 0);
    for (int row : rows) {
        countValues(col, facet, std::size_t(row), counts);
    }
    return sortedCounts(col, counts);
}

const std::vector<qint32> &Catalog::sortOrder(SortKey key) const
{
    const auto k = std::size_t(key);
    std::call_once(m_sortOnce[k], [this, key, k] {
        std::vector<qint32> order(m_entities.size());
        for (std::size_t i = 0; i < order.size(); ++i) {
            order[i] = qint32(i);
        }
        const auto text = [this, key](qint32 i) -> QString {
            const Entity &e = m_entities[std::size_t(i)];
            switch (key) {
            case SortKey::Name:
                return e.name;
            case SortKey::Title:
                return e.displayName();
            case SortKey::Kind:
                return e.kind;
            case SortKey::Type:
                return facetValue(i, Facet::Type);
            case SortKey::Owner:
                return facetValue(i, Facet::Owner);
            case SortKey::System:
                return facetValue(i, Facet::System);
            case SortKey::Lifecycle:
                return facetValue(i, Facet::Lifecycle);
            case SortKey::Namespace:
                return e.ns;
            }
            return {};
        };
        std::vector<QString> keys(order.size());
        // A sort order the user asked for goes to the global pool, like the search; one prepared in the background
        // stays on the background pool.
        parallelFor(poolForCurrentThread(), order.size(), [&](std::size_t begin, std::size_t end) {
            for (std::size_t i = begin; i < end; ++i) {
                keys[i] = text(qint32(i)).toLower() + u'\x1f' + m_entities[i].name.toLower();
            }
        });
        std::stable_sort(order.begin(), order.end(),
                         [&keys](qint32 a, qint32 b) { return keys[std::size_t(a)] < keys[std::size_t(b)]; });
        m_sortOrders[k] = std::move(order);
    });
    return m_sortOrders[k];
}

std::vector<std::uint8_t> Catalog::facetMatch(const FacetColumn &col, Facet facet, const QStringList &selected) const
{
    const std::size_t n = m_entities.size();
    std::vector<std::uint8_t> wanted(std::size_t(col.values.size()), 0);
    for (const QString &value : selected) {
        const qsizetype id = col.values.indexOf(value);
        if (id >= 0) {
            wanted[std::size_t(id)] = 1;
        }
    }
    std::vector<std::uint8_t> match(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        if (isMultiFacet(facet)) {
            for (qint32 k = col.multiStart[i]; k < col.multiStart[i + 1]; ++k) {
                if (wanted[std::size_t(col.multi[std::size_t(k)])]) {
                    match[i] = 1;
                    break;
                }
            }
        } else {
            const qint32 id = col.single[i];
            match[i] = id >= 0 && wanted[std::size_t(id)] ? 1 : 0;
        }
    }
    return match;
}

QList<FacetCount> Catalog::sortedCounts(const FacetColumn &col, const std::vector<int> &counts)
{
    QList<FacetCount> out;
    for (qsizetype v = 0; v < col.values.size(); ++v) {
        if (counts[std::size_t(v)] > 0) {
            out.append({col.values[v], counts[std::size_t(v)]});
        }
    }
    std::sort(out.begin(), out.end(), [](const FacetCount &a, const FacetCount &b) {
        return a.count != b.count ? a.count > b.count : a.value.compare(b.value, Qt::CaseInsensitive) < 0;
    });
    return out;
}

QueryResult Catalog::run(const CatalogQuery &q, const QueryResult *previous, bool withFacetCounts) const
{
    const std::size_t n = m_entities.size();
    QueryResult result;
    result.query = q;

    // Text first: it is the costly part, and it can reuse the previous keystroke's matches.
    const QString text = q.text.trimmed().toLower();
    const QString previousText = previous ? previous->query.text.trimmed().toLower() : QString();
    if (text.isEmpty()) {
        result.textMatch.assign(n, 1);
    } else if (previous && previous->textMatch.size() == n && !previousText.isEmpty()
               && text.startsWith(previousText)) {
        result.textMatch = previous->textMatch; // every match of the longer text also matched the shorter one
        m_search.filter(text, result.textMatch);
    } else {
        result.textMatch.assign(n, 1);
        m_search.filter(text, result.textMatch);
    }

    // The live facets' columns come with the query; without live data they are empty, like an unset field.
    std::array<FacetColumn, 2> liveColumns;
    std::array<const FacetColumn *, facetCount> columns{};
    for (int f = 0; f < facetCount; ++f) {
        columns[std::size_t(f)] = &m_facets[std::size_t(f)];
    }
    for (const Facet f : {Facet::Ci, Facet::Health}) {
        FacetColumn &live = liveColumns[f == Facet::Ci ? 0 : 1];
        if (liveColumn(f, q.live.get(), live)) {
            columns[std::size_t(f)] = &live;
        }
    }
    if (q.levels && q.levels->catalog == this && q.levels->column.multiStart.size() == n + 1) {
        columns[std::size_t(Facet::Level)] = &q.levels->column;
    }

    std::array<std::vector<std::uint8_t>, facetCount> facetMatches;
    std::vector<int> active;
    for (int f = 0; f < facetCount; ++f) {
        if (!q.facets[std::size_t(f)].isEmpty()) {
            facetMatches[std::size_t(f)] = facetMatch(*columns[std::size_t(f)], Facet(f), q.facets[std::size_t(f)]);
            active.push_back(f);
        }
    }

    // Without text or facets every entity matches, and the descriptor facets' counts were made with the catalog:
    // only the columns this query brings (live data, levels) are counted.
    const bool unfiltered = text.isEmpty() && active.empty();
    const auto counted = [unfiltered](int f) {
        return !unfiltered || isLiveFacet(Facet(f)) || Facet(f) == Facet::Level;
    };
    std::vector<std::uint8_t> match(n, 0);
    std::array<std::vector<int>, facetCount> counts;
    if (withFacetCounts) {
        for (int f = 0; f < facetCount; ++f) {
            if (counted(f)) {
                counts[std::size_t(f)].assign(std::size_t(columns[std::size_t(f)]->values.size()), 0);
            }
        }
    }
    const auto countFacet = [&](std::size_t i, int f) {
        countValues(*columns[std::size_t(f)], Facet(f), i, counts[std::size_t(f)]);
    };
    for (std::size_t i = 0; i < n; ++i) {
        if (!result.textMatch[i]) {
            continue;
        }
        int failed = 0;
        int failedFacet = -1;
        for (int f : active) {
            if (!facetMatches[std::size_t(f)][i]) {
                ++failed;
                failedFacet = f;
            }
        }
        if (failed == 0) {
            match[i] = 1;
        }
        if (!withFacetCounts) {
            continue;
        }
        // An entity counts for facet f when it passes every facet but f.
        if (failed == 0) {
            for (int f = 0; f < facetCount; ++f) {
                if (!counts[std::size_t(f)].empty()) {
                    countFacet(i, f);
                }
            }
        } else if (failed == 1) {
            countFacet(i, failedFacet);
        }
    }
    if (withFacetCounts) {
        for (int f = 0; f < facetCount; ++f) {
            result.facetCounts[std::size_t(f)] = counted(f)
                                                     ? sortedCounts(*columns[std::size_t(f)], counts[std::size_t(f)])
                                                     : m_unfilteredCounts[std::size_t(f)];
        }
    }

    const std::vector<qint32> &order = sortOrder(q.sort);
    result.rows.reserve(n);
    if (q.descending) {
        for (auto it = order.rbegin(); it != order.rend(); ++it) {
            if (match[std::size_t(*it)]) {
                result.rows.push_back(*it);
            }
        }
    } else {
        for (qint32 i : order) {
            if (match[std::size_t(i)]) {
                result.rows.push_back(i);
            }
        }
    }
    return result;
}

std::vector<int> Catalog::query(const CatalogQuery &q) const
{
    return run(q, nullptr, false).rows;
}

QHash<QString, int> Catalog::countByKind() const
{
    const FacetColumn &col = m_facets[std::size_t(Facet::Kind)];
    std::vector<int> counts(std::size_t(col.values.size()), 0);
    for (const qint32 id : col.single) {
        if (id >= 0) {
            ++counts[std::size_t(id)];
        }
    }
    QHash<QString, int> out;
    for (qsizetype id = 0; id < col.values.size(); ++id) {
        out.insert(col.values[id], counts[std::size_t(id)]);
    }
    return out;
}

std::vector<int> Catalog::indexesOfKind(QStringView kind) const
{
    const FacetColumn &col = m_facets[std::size_t(Facet::Kind)];
    std::vector<std::uint8_t> wanted(std::size_t(col.values.size()), 0);
    bool any = false;
    for (qsizetype id = 0; id < col.values.size(); ++id) {
        if (col.values[id].compare(kind, Qt::CaseInsensitive) == 0) {
            wanted[std::size_t(id)] = 1;
            any = true;
        }
    }
    std::vector<int> out;
    if (!any) {
        return out;
    }
    for (std::size_t i = 0; i < col.single.size(); ++i) {
        if (const qint32 id = col.single[i]; id >= 0 && wanted[std::size_t(id)]) {
            out.push_back(int(i));
        }
    }
    return out;
}

void Catalog::prepareSortOrders() const
{
    for (int key = 0; key < sortKeyCount; ++key) {
        (void)sortOrder(SortKey(key));
    }
}

} // namespace Portolan::Core
