#include "ActionLibrary.h"

#include "actions/StepExecutor.h"
#include "catalog/Catalog.h"
#include "catalog/DescriptorReader.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Portolan::Core::ActionLibrary {

QList<ActionTemplate> read(const Catalog &catalog, const StepExecutorRegistry &executors)
{
    const QStringList supported = executors.actions();
    QList<ActionTemplate> actions;
    // The Kind facet finds the few templates without a pass over every entity (this runs on the GUI thread).
    for (const int index : catalog.indexesOfKind(u"Template")) {
        const Entity &entity = catalog.entity(index);
        ActionTemplate action = ActionTemplate::fromEntity(entity, supported);
        if (!action.problems.isEmpty() && !entity.origin.file.isEmpty()) {
            // Read the file again with positions, so each problem names its line.
            ReadOptions options;
            options.positionDepth = 8;
            const FileReadResult file = DescriptorReader::readFile(entity.origin.file, options);
            for (const ParsedDocument &doc : file.documents) {
                const Entity again = Entity::fromEnvelope(doc.root);
                if (again.key() == entity.key()) {
                    action = ActionTemplate::fromEntity(entity, supported, &doc);
                    break;
                }
            }
        }
        actions.append(std::move(action));
    }
    std::sort(actions.begin(), actions.end(), [](const ActionTemplate &a, const ActionTemplate &b) {
        return a.displayName().compare(b.displayName(), Qt::CaseInsensitive) < 0;
    });
    return actions;
}

const ActionTemplate *find(const QList<ActionTemplate> &actions, const QString &idOrName)
{
    for (const ActionTemplate &a : actions) {
        if (a.id.compare(idOrName, Qt::CaseInsensitive) == 0 || a.ref.name.compare(idOrName, Qt::CaseInsensitive) == 0
            || a.title.compare(idOrName, Qt::CaseInsensitive) == 0) {
            return &a;
        }
    }
    return nullptr;
}

QList<const ActionTemplate *> forEntity(const QList<ActionTemplate> &actions, const Entity &entity)
{
    QList<const ActionTemplate *> list;
    for (const ActionTemplate &a : actions) {
        if (a.appliesTo(entity)) {
            list.append(&a);
        }
    }
    return list;
}

} // namespace Portolan::Core::ActionLibrary
