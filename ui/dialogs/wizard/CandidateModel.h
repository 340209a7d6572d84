#pragma once

#include "actions/ParameterForm.h"
#include "actions/StepExecutor.h"
#include "catalog/Catalog.h"

#include <QAbstractListModel>
#include <QSet>
#include <QString>

#include <memory>
#include <vector>

namespace Portolan::Ui::Wizard {

struct Candidate
{
    QString value; // what the field gets: an entity ref, a tag
    QString title;
    QString name; // lower-case: matches at its start come first
    QString haystack; // lower-case value and title
};

struct CandidateSet
{
    std::vector<Candidate> items;
    QSet<QString> keys; // lower-case values
};

// The entities a picker offers, read from a catalog snapshot on a worker thread: one pass over the catalog.
[[nodiscard]] std::shared_ptr<const CandidateSet>
entityCandidates(const Core::Catalog &catalog, const Core::FormField &field, const Core::ActionUser &user);
// The tags of the catalog (of the kinds in ui:options.kinds, when given), for EntityTagsPicker.
[[nodiscard]] std::shared_ptr<const CandidateSet> tagCandidates(const Core::Catalog &catalog,
                                                                const Core::FormField &field);

// The choices of one picker that match what is typed: at most `shownLimit` rows, so the completer's popup stays
// quick with 100k candidates (matches at the start of a name first). The candidate list itself is built once, off
// the GUI thread.
class CandidateModel final : public QAbstractListModel
{
    Q_DISABLE_COPY_MOVE(CandidateModel)

public:
    static constexpr int shownLimit = 100;

    explicit CandidateModel(QObject *parent);

    void setCandidates(std::shared_ptr<const CandidateSet> set);
    void setFilter(const QString &text);
    [[nodiscard]] bool isLoaded() const { return m_set != nullptr; }
    [[nodiscard]] bool contains(const QString &value) const { return m_set && m_set->keys.contains(value.toLower()); }
    // The one candidate named `name` (any kind or namespace), or empty.
    [[nodiscard]] QString uniqueByName(const QString &name) const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;

private:
    void refilter();

    std::shared_ptr<const CandidateSet> m_set;
    QString m_filter;
    std::vector<int> m_rows;
};

} // namespace Portolan::Ui::Wizard
