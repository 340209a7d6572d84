#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace Portolan::Test {

// A small reader of GraphQL query documents (the October 2021 specification's executable definitions) for test
// servers: one operation, selections with aliases, literal arguments and inline fragments. Variables, fragment
// definitions, directives and mutations are refused with an error, so a client that starts sending them fails its
// tests instead of being answered wrongly.
struct GraphQlSelection
{
    QString alias; // the response key: the alias, or the field name
    QString name; // the field name; empty for an inline fragment
    QString typeCondition; // for an inline fragment: `... on <typeCondition>`
    QHash<QString, QJsonValue> arguments; // literal values
    QList<GraphQlSelection> selections;
    bool hasSelectionSet = false;
    int line = 0;
    int column = 0;
};

struct GraphQlDocument
{
    QString operationName;
    QList<GraphQlSelection> selections;

    // On failure: an error message naming the line and column, as in the `errors` of an answer.
    [[nodiscard]] static GraphQlDocument parse(const QString &text, QString *error);
};

// Field names, argument names and types of the types in a schema file (SDL), for checking queries against the real
// schema: `type X implements ... { field(arg: T = default): T }` and `interface X { ... }`.
class GraphQlSchema
{
public:
    struct Argument
    {
        QString type; // as written, "String!"
        bool required = false; // non-null without a default
    };
    struct Field
    {
        QString type; // the named type, without list and non-null markers
        QHash<QString, Argument> arguments;
    };

    [[nodiscard]] static GraphQlSchema load(const QString &path);
    [[nodiscard]] bool isEmpty() const { return m_types.isEmpty(); }
    [[nodiscard]] bool hasType(const QString &type) const { return m_types.contains(type); }
    [[nodiscard]] const Field *field(const QString &type, const QString &name) const;
    [[nodiscard]] bool isLeaf(const QString &type) const { return !m_types.contains(type); } // scalars, enums

    // The validation errors of `selections` read as `type`, in GitHub's form ({"path", "extensions": {"code", ...},
    // "locations", "message"}); empty when the query is valid.
    [[nodiscard]] QJsonArray validate(const QList<GraphQlSelection> &selections, const QString &type,
                                      const QStringList &path = {QStringLiteral("query")}) const;

private:
    QHash<QString, QHash<QString, Field>> m_types;
};

} // namespace Portolan::Test
