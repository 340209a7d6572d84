#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>

#include <atomic>
#include <memory>
#include <vector>

// libjq's C headers declare no C linkage of their own.
extern "C" {
#include <jv.h>
}

struct jq_state;

namespace Portolan::Core {

// One JSON value as libjq holds it (reference counted, cheap to copy). Not shared between threads: libjq's
// reference counts are not atomic, so a value and its copies stay on one thread at a time.
class JqValue final
{
public:
    JqValue();
    explicit JqValue(jv value); // takes the reference
    JqValue(const JqValue &other);
    JqValue(JqValue &&other) noexcept;
    JqValue &operator=(const JqValue &other);
    JqValue &operator=(JqValue &&other) noexcept;
    ~JqValue();

    // A JSON text as libjq reads it; the error says where the text breaks off ("Unfinished JSON term at EOF at line
    // 3, column 5"), so a page cut short is told from a wrong one.
    [[nodiscard]] static Result<JqValue> parse(const QByteArray &json);
    [[nodiscard]] static JqValue fromJson(const QJsonValue &value);

    [[nodiscard]] QJsonValue toJson() const;
    // Compact JSON text, at most `maxBytes` long (cut with "...").
    [[nodiscard]] QString text(int maxBytes = 300) const;
    [[nodiscard]] QString kindName() const; // "object", "string", ... as jq's `type` says
    [[nodiscard]] bool isNull() const;
    [[nodiscard]] bool isString() const;
    [[nodiscard]] bool isObject() const;
    [[nodiscard]] bool isTruthy() const; // jq's truth: everything but false and null
    [[nodiscard]] QString toString() const; // a string's text; empty for other kinds

    [[nodiscard]] jv copy() const; // a new reference, for libjq calls that take one
    [[nodiscard]] jv borrow() const { return m_value; }

private:
    jv m_value;
};

// A compiled jq program (jq 1.6's language: https://jqlang.github.io/jq/manual/v1.6/). Compiling parses jq's
// builtin library each time (milliseconds), so a mapping compiles each expression once per sync and runs it on
// every object. One program runs on one thread at a time.
class JqProgram final
{
public:
    JqProgram(const JqProgram &) = delete;
    JqProgram &operator=(const JqProgram &) = delete;
    ~JqProgram();

    // `variables` become $name in the program. The error's message is jq's own ("syntax error, unexpected ...",
    // "foo/0 is not defined").
    [[nodiscard]] static Result<std::unique_ptr<JqProgram>>
    compile(const QString &expression, const QList<QPair<QString, QJsonValue>> &variables = {});

    // Every output of the program for `input`, in order; an error when the program fails (jq's message: "Cannot
    // index number with \"name\"") or yields more than `maxOutputs` values, or `cancel` is set.
    [[nodiscard]] Result<std::vector<JqValue>> run(const JqValue &input, qsizetype maxOutputs = 1'000'000,
                                                   const std::atomic_bool *cancel = nullptr) const;

    [[nodiscard]] const QString &expression() const { return m_expression; }

private:
    JqProgram() = default;

    jq_state *m_jq = nullptr;
    QString m_expression;
};

} // namespace Portolan::Core
