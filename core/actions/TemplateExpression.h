#pragma once

#include "util/Result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace Portolan::Core {

// Backstage's template syntax (`${{ expression }}`, a Nunjucks subset), evaluated safely: a small parser over JSON
// values, no code execution, no access to anything but the context given. The context is a JSON object whose
// top-level keys are what templates name: `parameters`, `steps` (id -> {output: {...}}), `user` ({entity: {...}}),
// `values` (in fetch:template skeletons), `run` ({key}).
//
// Expressions: member access (`a.b`, `a["b-c"]`, `a[0]`, `.length` of lists and text), string/number/boolean/null
// literals, lists `[a, b]` and objects `{key: value}`, comparisons (== != === !== < <= > >=), `and`/`or`/`not` and
// `&&`/`||`/`!`, `in` and `not in`, arithmetic (+ - * / // % **, unary - +), `~` (string concatenation),
// parentheses, `x if cond else y`, tests `x is [not] defined` (and undefined null number string mapping iterable
// truthy falsy odd even divisibleby(n) equalto(v) eq sameas ne lt gt le ge lower upper), and filters
// `value | name(args)`:
//   lower upper capitalize title trim replace(a, b) default(d) d(d) length first last join(sep) split(sep)
//   string int float abs round dump (JSON) truncate(n) slugify
//   parseRepoUrl (Backstage: "github.com?owner=o&repo=r" -> {host, owner, repo, organization, workspace, project})
//   parseEntityRef(defaults?) -> {kind, namespace, name}; pick(key) ; projectSlug ("o/r" from a repo url)
// Operators follow JavaScript, as Nunjucks compiles to it: `===` compares type and value (lists and objects by
// content, where JavaScript would compare identity), `==` converts ("1" == 1), `+` and `~` turn undefined into
// "undefined" as Backstage does, and `x if c` without else gives "" when c is false (Nunjucks emits `""`).
// Unknown names evaluate to undefined (rendered as the empty string), as in Nunjucks; unknown filters, syntax
// errors and wrong argument types are errors naming the expression and the 1-based column in it (Error::column).
// Not supported: `{% %}` tags, `{# #}` comments, whitespace control (`${{-`), keyword arguments, function and method
// calls, slices, regular expressions.
//
// Limits, so a hostile template cannot exhaust the process: an expression has at most 10,000 characters and nests
// at most 64 levels; no rendered string or intermediate text exceeds 1 MiB characters.
class TemplateExpression final
{
public:
    // How rendered values are written into their target, so a value can never break out of its place.
    enum class Escape {
        None, // plain text (titles, log messages)
        Json, // inside a JSON string literal
        Yaml, // a YAML document: each value written as its place needs (YamlText::Spot): a plain scalar holding a
              // placeholder is double-quoted whole when its text would read back as another type or structure (a
              // lone placeholder whose value is a number or a boolean stays that number or boolean); inside quotes
              // the value is escaped for them; in a block scalar its lines are indented to the block
        Url, // a URL component: percent-encoded
    };

    // Evaluates one expression (without the ${{ }}). Undefined comes back as QJsonValue::Undefined.
    [[nodiscard]] static Result<QJsonValue> evaluate(const QString &expression, const QJsonObject &context);

    // Renders a string with any number of ${{ }} placeholders; each value is converted to text (objects and arrays
    // as compact JSON, undefined and null as "") and escaped for `escape`. A placeholder that ends in a plain
    // `| dump` (`${{ values.name | dump }}`, as Backstage skeletons write YAML and JSON values) is one line of JSON,
    // already a valid YAML or JSON value: Yaml (for a lone placeholder) and Json insert it as it is instead of quoting
    // it again.
    [[nodiscard]] static Result<QString> render(const QString &text, const QJsonObject &context,
                                                Escape escape = Escape::None);

    // Renders every string in a JSON value (a step's `input`), recursively. A string that is exactly one
    // placeholder ("${{ parameters.replicas }}") keeps the value's type (a number stays a number, an object an
    // object), as Backstage does; mixed text renders to a string. As in Backstage, a field whose placeholders render
    // to undefined or to empty text is left out (null in a list); a literal "" stays. Keys are not rendered. Errors
    // name the path of the field (`input.body.name`) in Error::field.
    [[nodiscard]] static Result<QJsonValue> renderValue(const QJsonValue &value, const QJsonObject &context,
                                                        const QString &path = QStringLiteral("input"));

    // Whether a `when:` or `if:` condition holds. The text is either a bare expression (`parameters.dryRun`) or a
    // template string (`${{ parameters.dryRun }}`, rendered as renderValue does); blank text is false. Truthiness is
    // Backstage's for step conditions (false, 0, NaN, "", null, undefined and the empty list are false; every
    // object and every other list is true).
    [[nodiscard]] static Result<bool> condition(const QString &expression, const QJsonObject &context);

    // Nunjucks (JavaScript) truthiness, as `not`, `and`, `or` and `x if c` use it: every list is true, even [].
    [[nodiscard]] static bool truthy(const QJsonValue &value);
    [[nodiscard]] static bool hasPlaceholder(const QString &text);
    // The text as it is rendered to a string (no escaping).
    [[nodiscard]] static QString toText(const QJsonValue &value);
};

} // namespace Portolan::Core
