#pragma once

#include <QByteArray>
#include <QCborMap>
#include <QHash>
#include <QString>

namespace Portolan::Core {

struct TextPosition
{
    int line = 0; // 1-based
    int column = 0; // 1-based
};

// One YAML document of a descriptor file, converted to CBOR values (YAML 1.2 core schema), with the position
// of each field near the top of the tree so problems can name line and column.
struct ParsedDocument
{
    QCborMap root;
    QHash<QString, TextPosition> positions; // "metadata.name", "spec.dependsOn[2]", ...
    TextPosition start;
    QByteArray raw;
    QString file;
    int index = 0; // position among the file's documents

    // The position of a field, or of its nearest ancestor that has one, or of the document.
    [[nodiscard]] TextPosition positionOf(const QString &field) const;
};

} // namespace Portolan::Core
