#pragma once

#include "actions/ActionTemplate.h"

#include <QList>

namespace Portolan::Core {

class Catalog;
class StepExecutorRegistry;

// The actions of a catalog: every Template entity read as an ActionTemplate, its problems placed at file and line.
// Pure computation over a catalog snapshot; use it on any thread.
namespace ActionLibrary {

[[nodiscard]] QList<ActionTemplate> read(const Catalog &catalog, const StepExecutorRegistry &executors);
// By id ("template:default/create-service"), name ("create-service") or title, case-insensitive; null if none.
[[nodiscard]] const ActionTemplate *find(const QList<ActionTemplate> &actions, const QString &idOrName);
// The actions that apply to an entity (entity-scoped, of its kind).
[[nodiscard]] QList<const ActionTemplate *> forEntity(const QList<ActionTemplate> &actions, const Entity &entity);

} // namespace ActionLibrary

} // namespace Portolan::Core
