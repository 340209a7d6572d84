#pragma once

#include <QString>
#include <QStringView>

namespace Portolan::Core::YamlText {

// Whether a string written as a plain YAML scalar would read back as something else: another type (a number, a
// boolean, null, a date), other structure (`a: b`, `- x`, `# c`), or other text (leading or trailing blanks, line
// breaks). Errs on the side of quoting.
[[nodiscard]] bool needsQuotes(QStringView s);

// The string as a double-quoted YAML scalar, quotes included, that reads back as exactly the same string.
[[nodiscard]] QString quoted(QStringView s);

// What a placeholder in a YAML file is part of, found from the template text around it, so that its value can be
// written in the form that place needs. Only the text is read; the template need not be valid YAML.
struct Spot
{
    enum class Kind {
        Plain, // in a plain scalar (`name: x-${{ v }}`, a key, a flow item): [start, end) is that scalar
        DoubleQuoted, // inside "...": [start, end) is the scalar, quotes included
        SingleQuoted, // inside '...': [start, end) is the scalar, quotes included
        Block, // a line of a literal or folded block scalar (`|`, `>`); `indent` is that line's indentation
        Comment, // after a `#` that starts a comment
    };
    Kind kind = Kind::Plain;
    qsizetype start = 0;
    qsizetype end = 0;
    QString indent;
};

// The spot of the placeholder that starts at `at` ("${{") in `text`.
[[nodiscard]] Spot spotOf(QStringView text, qsizetype at);

} // namespace Portolan::Core::YamlText
