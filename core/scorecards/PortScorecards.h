#pragma once

#include "catalog/ParsedDocument.h"
#include "scorecards/Scorecard.h"

#include <QByteArray>
#include <QCborValue>
#include <QList>
#include <QString>

#include <optional>

namespace Portolan::Core {

// Scorecards of Port (getport.io), read as Portolan scorecards, so a Port export can sit in scorecards/ as it is.
// The format is Port's scorecard JSON (docs.port.io/scorecards/concepts-and-structure, and the request schema of
// docs.port.io/api-reference/create-a-scorecard): {identifier, title, filter?, levels?: [{title, color}],
// rules: [{identifier, title, description?, level, query: {combinator: and|or, conditions: [...]}}]}. A file holds
// one scorecard, a list of them (the JSON editor of Port's data model), or an answer of Port's API
// ({ok, scorecards: [...]}, {ok, scorecard: {...}}).
//
// Port's first level is the one every entity starts at and holds no rule; it is kept as Portolan's lowest level, which
// an entity then always holds. Port properties map to the Backstage descriptor: $identifier -> metadata.name,
// $title -> metadata.title, $team -> the ownedBy relation, any other property -> spec.<name>; a relation that is a
// Backstage relation type -> relations.<type>, another -> spec.<name>. The README's "Port scorecards" table lists
// every operator. What has no counterpart (a meta-property such as $createdAt, a fixed date range) is an error with
// file, line and field, and its rule is left out; a filter that cannot be read leaves out its whole scorecard.
namespace PortScorecards {

// Whether a document of a scorecard file is in Port's form rather than Portolan's: a top level with "identifier"
// (Portolan's own says "id"), "scorecards", "scorecard" or "ok", or a JSON list.
[[nodiscard]] bool isPortDocument(const ParsedDocument &doc);
// Every usable scorecard of one Port document (its top level is doc.root, or doc.raw for a list).
[[nodiscard]] QList<Scorecard> read(const ParsedDocument &doc, ErrorList &problems);
// The same from a file's text.
[[nodiscard]] QList<Scorecard> readData(const QByteArray &data, const QString &file, ErrorList &problems);

// #rrggbb for a colour of Port's level palette ("paleBlue", "bronze", "red", ...); empty when Port has no such name.
[[nodiscard]] QString colorOf(const QString &portColor);
// Port's levels when a scorecard names none: Basic (every entity), Bronze, Silver, Gold.
[[nodiscard]] QList<ScorecardLevel> defaultLevels();
// The Portolan fact a Port property or relation is tested on. `compared`: the test compares a value (as opposed to
// isEmpty/isNotEmpty), which for $team and relations asks the targets' names rather than their references. An error
// message (translated) when it has no counterpart.
[[nodiscard]] std::optional<FactPath> factForProperty(const QString &property, bool compared, QString *error = nullptr);
[[nodiscard]] std::optional<FactPath> factForRelation(const QString &relation, bool compared, QString *error = nullptr);

} // namespace PortScorecards

} // namespace Portolan::Core
