#pragma once

#include "KubeLabels.h"
#include "util/Result.h"

#include <QJsonObject>
#include <QStringList>

namespace Portolan::Core {

// A Kubernetes label selector: the text form kubectl and Backstage's `backstage.io/kubernetes-label-selector` use
// (`app=api,tier!=cache,env in (prod, staging),!legacy`) or a workload's `spec.selector` (matchLabels and
// matchExpressions). Every requirement must hold (AND).
class LabelSelector final
{
public:
    struct Requirement
    {
        enum class Op { Equals, NotEquals, In, NotIn, Exists, DoesNotExist };
        QString key;
        Op op = Op::Equals;
        QStringList values; // one for Equals/NotEquals, one or more for In/NotIn, none for Exists/DoesNotExist

        [[nodiscard]] bool matches(const KubeLabels &labels) const;
        bool operator==(const Requirement &other) const = default;
    };

    LabelSelector() = default;

    // Parses the text form; an empty text is an error (it would select everything).
    [[nodiscard]] static Result<LabelSelector> parse(QStringView text);
    // `{matchLabels: {...}, matchExpressions: [{key, operator, values}]}`; unknown operators make a selector that
    // matches nothing, as the API server would reject it.
    [[nodiscard]] static LabelSelector fromJson(const QJsonObject &selector);
    // `key=value`, for `backstage.io/kubernetes-id`.
    [[nodiscard]] static LabelSelector equals(const QString &key, const QString &value);
    // A Service's `spec.selector`: a plain map, every pair must be equal.
    [[nodiscard]] static LabelSelector fromMap(const QJsonObject &map);

    [[nodiscard]] bool matches(const KubeLabels &labels) const;
    [[nodiscard]] bool isEmpty() const { return m_requirements.isEmpty() && !m_matchesNothing; }
    [[nodiscard]] const QList<Requirement> &requirements() const { return m_requirements; }
    // The text form (parse(toString()) gives the same selector).
    [[nodiscard]] QString toString() const;
    // The `key=value` pairs every match must carry (Equals, and In with one value): for index look-ups.
    [[nodiscard]] QList<QPair<QString, QString>> requiredPairs() const;

    bool operator==(const LabelSelector &other) const = default;

private:
    QList<Requirement> m_requirements;
    bool m_matchesNothing = false;
};

} // namespace Portolan::Core
