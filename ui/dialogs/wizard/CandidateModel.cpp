#include "CandidateModel.h"

#include "WizardSupport.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace Portolan::Ui::Wizard {

namespace {

using Widget = FormField::Widget;

QStringList cborStrings(const QCborValue &value)
{
    if (value.isString()) {
        return {value.toString()};
    }
    if (value.isBool()) {
        return {value.toBool() ? u"true"_s : u"false"_s};
    }
    if (value.isInteger()) {
        return {QString::number(value.toInteger())};
    }
    if (value.isDouble()) {
        return {QString::number(value.toDouble())};
    }
    if (value.isMap()) {
        return {u"{}"_s};
    }
    QStringList out;
    if (value.isArray()) {
        for (const QCborValue &v : value.toArray()) {
            out += cborStrings(v);
        }
    }
    return out;
}

// The values of one field of an entity as Backstage's catalog filters read them ("kind", "spec.type",
// "metadata.tags", "relations.ownedBy", ...).
QStringList entityField(const Catalog &catalog, int index, const QString &key)
{
    const Entity &e = catalog.entity(index);
    const QString lower = key.toLower();
    if (lower == "kind"_L1) {
        return {e.kind};
    }
    if (lower == "apiversion"_L1) {
        return {e.apiVersion};
    }
    if (lower == "metadata.name"_L1) {
        return {e.name};
    }
    if (lower == "metadata.namespace"_L1) {
        return {e.ns};
    }
    if (lower == "metadata.title"_L1) {
        return e.title.isEmpty() ? QStringList() : QStringList{e.title};
    }
    if (lower == "metadata.tags"_L1) {
        return e.tags.toList();
    }
    if (lower.startsWith("metadata.labels."_L1)) {
        const QString v = e.label(QStringView(key).mid(16));
        return v.isEmpty() ? QStringList() : QStringList{v};
    }
    if (lower.startsWith("metadata.annotations."_L1)) {
        const QString v = e.annotation(QStringView(key).mid(21));
        return v.isEmpty() ? QStringList() : QStringList{v};
    }
    if (lower.startsWith("relations."_L1)) {
        QStringList out;
        for (const CatalogRelation &r : catalog.relations(index)) {
            if (relationName(r.type).compare(key.mid(10), Qt::CaseInsensitive) == 0) {
                out << catalog.relationTargetRef(r);
            }
        }
        return out;
    }
    if (lower.startsWith("spec."_L1)) {
        QCborValue v(e.spec.toMap());
        for (const QString &segment : key.mid(5).split(u'.')) {
            if (!v.isMap()) {
                return {};
            }
            v = v.toMap().value(segment);
        }
        return cborStrings(v);
    }
    return {};
}

// One catalogFilter entry: every key matches (a value, any of a list, or {exists: bool}); values ignore case.
bool matchesFilter(const Catalog &catalog, int index, const QJsonObject &filter)
{
    for (auto it = filter.begin(); it != filter.end(); ++it) {
        const QStringList actual = entityField(catalog, index, it.key());
        if (it->isObject()) {
            const QJsonValue exists = it->toObject().value("exists"_L1);
            if (exists.isBool() && exists.toBool() == actual.isEmpty()) {
                return false;
            }
            continue;
        }
        QStringList expected;
        if (it->isArray()) {
            for (const QJsonValue &v : it->toArray()) {
                expected << plainText(v);
            }
        } else {
            expected << plainText(*it);
        }
        const bool any = std::any_of(actual.cbegin(), actual.cend(), [&expected](const QString &a) {
            return expected.contains(a, Qt::CaseInsensitive);
        });
        if (!any) {
            return false;
        }
    }
    return true;
}

void addCandidate(CandidateSet &set, const QString &value, const QString &title, const QString &name)
{
    Candidate c;
    c.value = value;
    c.title = title;
    c.name = name.toLower();
    c.haystack = (value + u' ' + title).toLower();
    set.keys.insert(value.toLower());
    set.items.push_back(std::move(c));
}

void sortCandidates(CandidateSet &set)
{
    std::sort(set.items.begin(), set.items.end(), [](const Candidate &a, const Candidate &b) {
        const int byName = a.name.compare(b.name);
        return byName != 0 ? byName < 0 : a.value.compare(b.value, Qt::CaseInsensitive) < 0;
    });
}

} // namespace

std::shared_ptr<const CandidateSet> entityCandidates(const Catalog &catalog, const FormField &field,
                                                     const ActionUser &user)
{
    auto set = std::make_shared<CandidateSet>();
    const PickerOptions &p = field.picker;
    const QStringList allowedKinds = p.allowedKinds;
    QSet<QString> owners; // OwnedEntityPicker: the user and their groups
    QSet<QString> groups; // MyGroupsPicker
    for (const QString &g : user.groups) {
        groups.insert(g.toLower());
        owners.insert(g.toLower());
    }
    if (!user.entityRef.isEmpty()) {
        owners.insert(user.entityRef.toLower());
    }
    for (int i = 0; i < catalog.size(); ++i) {
        const Entity &e = catalog.entity(i);
        if (!allowedKinds.isEmpty() && !allowedKinds.contains(e.kind, Qt::CaseInsensitive)) {
            continue;
        }
        if (!p.catalogFilter.isEmpty()
            && std::none_of(p.catalogFilter.cbegin(), p.catalogFilter.cend(),
                            [&](const QJsonObject &filter) { return matchesFilter(catalog, i, filter); })) {
            continue;
        }
        const QString ref = e.refString();
        if (field.widget == Widget::MyGroupsPicker
            && (e.kind.compare("group"_L1, Qt::CaseInsensitive) != 0 || !groups.contains(ref.toLower()))) {
            continue;
        }
        if (field.widget == Widget::OwnedEntityPicker) {
            const QStringList ownedBy = entityField(catalog, i, u"relations.ownedBy"_s);
            if (std::none_of(ownedBy.cbegin(), ownedBy.cend(),
                             [&owners](const QString &o) { return owners.contains(o.toLower()); })) {
                continue;
            }
        }
        addCandidate(*set, ref, e.title, e.name);
    }
    sortCandidates(*set);
    return set;
}

std::shared_ptr<const CandidateSet> tagCandidates(const Catalog &catalog, const FormField &field)
{
    QStringList kinds;
    for (const QJsonValue &k : field.options.value("kinds"_L1).toArray()) {
        kinds << k.toString();
    }
    QSet<QString> tags;
    for (const Entity &e : catalog.entities()) {
        if (kinds.isEmpty() || kinds.contains(e.kind, Qt::CaseInsensitive)) {
            for (const QString &t : e.tags) {
                tags.insert(t);
            }
        }
    }
    auto set = std::make_shared<CandidateSet>();
    for (const QString &t : std::as_const(tags)) {
        addCandidate(*set, t, {}, t);
    }
    sortCandidates(*set);
    return set;
}

CandidateModel::CandidateModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

void CandidateModel::setCandidates(std::shared_ptr<const CandidateSet> set)
{
    m_set = std::move(set);
    refilter();
}

void CandidateModel::setFilter(const QString &text)
{
    const QString filter = text.trimmed().toLower();
    if (filter == m_filter) {
        return;
    }
    m_filter = filter;
    refilter();
}

QString CandidateModel::uniqueByName(const QString &name) const
{
    if (!m_set) {
        return {};
    }
    QString found;
    const QString lower = name.toLower();
    for (const Candidate &c : m_set->items) {
        if (c.name == lower) {
            if (!found.isEmpty()) {
                return {};
            }
            found = c.value;
        }
    }
    return found;
}

int CandidateModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant CandidateModel::data(const QModelIndex &index, int role) const
{
    if (!m_set || !index.isValid() || index.row() >= int(m_rows.size())) {
        return {};
    }
    const Candidate &c = m_set->items[std::size_t(m_rows[std::size_t(index.row())])];
    switch (role) {
    case Qt::DisplayRole:
        return c.title.isEmpty() ? c.value : u"%1 — %2"_s.arg(c.title, c.value);
    case Qt::EditRole:
    case Qt::ToolTipRole:
        return c.value;
    default:
        return {};
    }
}

void CandidateModel::refilter()
{
    beginResetModel();
    m_rows.clear();
    if (m_set) {
        std::vector<int> later;
        const auto &items = m_set->items;
        for (int i = 0; i < int(items.size()) && int(m_rows.size()) < shownLimit; ++i) {
            const Candidate &c = items[std::size_t(i)];
            if (m_filter.isEmpty() || c.name.startsWith(m_filter) || c.haystack.startsWith(m_filter)) {
                m_rows.push_back(i);
            } else if (int(later.size()) < shownLimit && c.haystack.contains(m_filter)) {
                later.push_back(i);
            }
        }
        for (std::size_t i = 0; i < later.size() && int(m_rows.size()) < shownLimit; ++i) {
            m_rows.push_back(later[i]);
        }
    }
    endResetModel();
}

} // namespace Portolan::Ui::Wizard
