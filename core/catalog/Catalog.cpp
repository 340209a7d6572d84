#include "Catalog.h"

#include "model/KindSchema.h"
#include "util/Logging.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Catalog", text);
}

struct Edge
{
    qint32 from;
    CatalogRelation relation;
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

Catalog::Ptr Catalog::build(std::vector<Entity> entities, ErrorList problems, const std::atomic_bool *cancel)
{
    std::shared_ptr<Catalog> c(new Catalog);
    c->m_problems = std::move(problems);
    c->m_entities.reserve(entities.size());
    c->m_byKey.reserve(qsizetype(entities.size()));
    for (Entity &e : entities) {
        const QString key = e.key();
        const auto existing = c->m_byKey.constFind(key);
        if (existing != c->m_byKey.constEnd()) {
            const Entity &first = c->m_entities[std::size_t(*existing)];
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
        c->m_byKey.insert(key, int(c->m_entities.size()));
        c->m_entities.push_back(std::move(e));
        if (cancel && cancel->load()) {
            return empty();
        }
    }
    c->m_entities.shrink_to_fit();
    c->deriveRelations();
    c->buildFacets();
    return c;
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
    std::vector<Edge> edges;
    edges.reserve(m_entities.size() * 4);
    QHash<QString, qint32> danglingIds;

    for (qint32 i = 0; i < qint32(m_entities.size()); ++i) {
        const Entity &e = m_entities[std::size_t(i)];
        const KindSchema *schema = kindSchema(e.kind);
        if (!schema) {
            continue;
        }
        for (const SpecField &rule : schema->fields) {
            if (!rule.relation) {
                continue;
            }
            const QCborValue v = e.spec.value(rule.name);
            QStringList targets;
            if (v.isString()) {
                targets.append(v.toString());
            } else if (v.isArray()) {
                targets = e.specStringList(rule.name);
            }
            for (const QString &target : std::as_const(targets)) {
                const auto ref = EntityRef::parse(target, QString(rule.defaultTargetKind), e.ns);
                if (!ref.ok()) {
                    continue; // the Validator already reported it
                }
                const QString key = ref->key();
                const int to = indexOf(key);
                if (to >= 0) {
                    edges.push_back({i, {to, *rule.relation, -1}});
                    edges.push_back({to, {i, inverse(*rule.relation), -1}});
                } else {
                    auto it = danglingIds.constFind(key);
                    if (it == danglingIds.constEnd()) {
                        it = danglingIds.insert(key, qint32(m_danglingRefs.size()));
                        m_danglingRefs.append(ref->toString());
                    }
                    edges.push_back({i, {-1, *rule.relation, *it}});
                    Error err =
                        makeError(Error::Code::Reference, tr("spec.%1 refers to %2, which is not in the catalog")
                                                              .arg(QString(rule.name), ref->toString()));
                    err.severity = Error::Severity::Warning;
                    err.file = e.origin.file;
                    err.line = e.origin.line;
                    err.column = e.origin.column;
                    err.field = u"spec."_s + rule.name;
                    err.entityRef = e.refString();
                    m_problems.append(err);
                }
            }
        }
    }

    // Group by source, drop duplicates (the same relation declared from both ends).
    std::stable_sort(edges.begin(), edges.end(), [](const Edge &a, const Edge &b) {
        if (a.from != b.from) {
            return a.from < b.from;
        }
        if (a.relation.type != b.relation.type) {
            return a.relation.type < b.relation.type;
        }
        if (a.relation.target != b.relation.target) {
            return a.relation.target < b.relation.target;
        }
        return a.relation.dangling < b.relation.dangling;
    });
    edges.erase(std::unique(edges.begin(), edges.end(),
                            [](const Edge &a, const Edge &b) {
                                return a.from == b.from && a.relation.type == b.relation.type
                                       && a.relation.target == b.relation.target
                                       && a.relation.dangling == b.relation.dangling;
                            }),
                edges.end());

    m_relations.clear();
    m_relations.reserve(edges.size());
    m_relationStart.assign(m_entities.size() + 1, 0);
    std::size_t k = 0;
    for (std::size_t i = 0; i < m_entities.size(); ++i) {
        m_relationStart[i] = qint32(m_relations.size());
        while (k < edges.size() && edges[k].from == qint32(i)) {
            m_relations.push_back(edges[k].relation);
            ++k;
        }
    }
    m_relationStart[m_entities.size()] = qint32(m_relations.size());
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

    std::size_t searchBytes = 0;
    for (const Entity &e : m_entities) {
        searchBytes += std::size_t(e.name.size() + e.title.size() + e.description.size()) + 64;
    }
    m_search.reserve(n, searchBytes);

    for (std::size_t i = 0; i < n; ++i) {
        const Entity &e = m_entities[i];
        const QString owner = shortRef(e.specString("owner"_L1), u"group", e.ns);
        const QString system = shortRef(e.specString("system"_L1), u"system", e.ns);
        QString domain;
        if (e.kind == u"System"_s) {
            domain = shortRef(e.specString("domain"_L1), u"domain", e.ns);
        } else if (!system.isEmpty()) {
            const auto systemRef = EntityRef::parse(e.specString("system"_L1), u"system", e.ns);
            const int sys = systemRef.ok() ? indexOf(systemRef->key()) : -1;
            if (sys >= 0) {
                const Entity &se = entity(sys);
                domain = shortRef(se.specString("domain"_L1), u"domain", se.ns);
            }
        }
        m_facets[std::size_t(Facet::Kind)].single[i] = idFor(Facet::Kind, e.kind);
        m_facets[std::size_t(Facet::Type)].single[i] = idFor(Facet::Type, e.specString("type"_L1));
        m_facets[std::size_t(Facet::Lifecycle)].single[i] = idFor(Facet::Lifecycle, e.specString("lifecycle"_L1));
        m_facets[std::size_t(Facet::Owner)].single[i] = idFor(Facet::Owner, owner);
        m_facets[std::size_t(Facet::System)].single[i] = idFor(Facet::System, system);
        m_facets[std::size_t(Facet::Domain)].single[i] = idFor(Facet::Domain, domain);
        m_facets[std::size_t(Facet::Namespace)].single[i] = idFor(Facet::Namespace, e.ns);
        tags.multiStart.push_back(qint32(tags.multi.size()));
        for (const QString &t : e.tags) {
            tags.multi.push_back(idFor(Facet::Tag, t));
        }

        QString text =
            e.name + u' ' + e.title + u' ' + e.description + u' ' + e.tags.join(u' ') + u' ' + owner + u' ' + e.kind;
        for (const KeyValue &kv : e.annotations) {
            text += u' ' + kv.key + u'=' + kv.value;
        }
        m_search.add(text);
    }
    tags.multiStart.push_back(qint32(tags.multi.size()));
    m_search.finish();
}

QString Catalog::facetValue(int index, Facet facet) const
{
    if (facet == Facet::Tag) {
        return facetValues(index, facet).join(u", "_s);
    }
    const FacetColumn &col = m_facets[std::size_t(facet)];
    const qint32 id = col.single[std::size_t(index)];
    return id < 0 ? QString() : col.values[id];
}

QStringList Catalog::facetValues(int index, Facet facet) const
{
    const FacetColumn &col = m_facets[std::size_t(facet)];
    if (facet != Facet::Tag) {
        const qint32 id = col.single[std::size_t(index)];
        return id < 0 ? QStringList() : QStringList{col.values[id]};
    }
    QStringList out;
    for (qint32 k = col.multiStart[std::size_t(index)]; k < col.multiStart[std::size_t(index) + 1]; ++k) {
        out.append(col.values[col.multi[std::size_t(k)]]);
    }
    return out;
}

QList<FacetCount> Catalog::facetCounts(Facet facet, const std::vector<int> &rows) const
{
    const FacetColumn &col = m_facets[std::size_t(facet)];
    std::vector<int> counts(std::size_t(col.values.size()), 0);
    for (int row : rows) {
        if (facet == Facet::Tag) {
            for (qint32 k = col.multiStart[std::size_t(row)]; k < col.multiStart[std::size_t(row) + 1]; ++k) {
                ++counts[std::size_t(col.multi[std::size_t(k)])];
            }
        } else if (const qint32 id = col.single[std::size_t(row)]; id >= 0) {
            ++counts[std::size_t(id)];
        }
    }
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
        for (std::size_t i = 0; i < order.size(); ++i) {
            keys[i] = text(qint32(i)).toLower() + u'\x1f' + m_entities[i].name.toLower();
        }
        std::stable_sort(order.begin(), order.end(),
                         [&keys](qint32 a, qint32 b) { return keys[std::size_t(a)] < keys[std::size_t(b)]; });
        m_sortOrders[k] = std::move(order);
    });
    return m_sortOrders[k];
}

std::vector<int> Catalog::query(const CatalogQuery &q) const
{
    const std::size_t n = m_entities.size();
    std::vector<std::uint8_t> match(n, 1);

    for (int f = 0; f < facetCount; ++f) {
        const QStringList &selected = q.facets[std::size_t(f)];
        if (selected.isEmpty()) {
            continue;
        }
        const FacetColumn &col = m_facets[std::size_t(f)];
        std::vector<std::uint8_t> wanted(std::size_t(col.values.size()), 0);
        for (const QString &value : selected) {
            const qsizetype id = col.values.indexOf(value);
            if (id >= 0) {
                wanted[std::size_t(id)] = 1;
            }
        }
        for (std::size_t i = 0; i < n; ++i) {
            if (!match[i]) {
                continue;
            }
            bool any = false;
            if (Facet(f) == Facet::Tag) {
                for (qint32 k = col.multiStart[i]; k < col.multiStart[i + 1] && !any; ++k) {
                    any = wanted[std::size_t(col.multi[std::size_t(k)])] != 0;
                }
            } else {
                const qint32 id = col.single[i];
                any = id >= 0 && wanted[std::size_t(id)] != 0;
            }
            match[i] = any ? 1 : 0;
        }
    }
    if (!q.text.trimmed().isEmpty()) {
        m_search.filter(q.text, match);
    }

    const std::vector<qint32> &order = sortOrder(q.sort);
    std::vector<int> rows;
    rows.reserve(n);
    if (q.descending) {
        for (auto it = order.rbegin(); it != order.rend(); ++it) {
            if (match[std::size_t(*it)]) {
                rows.push_back(*it);
            }
        }
    } else {
        for (qint32 i : order) {
            if (match[std::size_t(i)]) {
                rows.push_back(i);
            }
        }
    }
    return rows;
}

QHash<QString, int> Catalog::countByKind() const
{
    QHash<QString, int> out;
    for (const Entity &e : m_entities) {
        ++out[e.kind];
    }
    return out;
}

} // namespace Portolan::Core
