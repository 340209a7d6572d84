#include "StepExecutor.h"
#include "executors/Executors.h"

#include <algorithm>

namespace Portolan::Core {

StepExecutorRegistry::StepExecutorRegistry()
{
    add(makeGitHubDispatchExecutor());
    add(makeHttpRequestExecutor());
    add(makeKubernetesApplyExecutor());
    add(makeKubernetesDeleteExecutor());
    add(makeGitOpsPublishExecutor());
    add(makeCatalogRegisterExecutor());
    add(makeFetchTemplateExecutor());
    add(makeFetchPlainExecutor());
    add(makeDebugLogExecutor());
    add(makeTtlExtendExecutor());
    add(makeUnleashToggleExecutor());
}

void StepExecutorRegistry::add(std::unique_ptr<StepExecutor> executor)
{
    if (executor) {
        const QString name = executor->action();
        m_executors.insert(name, std::shared_ptr<StepExecutor>(std::move(executor)));
    }
}

StepExecutor *StepExecutorRegistry::find(const QString &action) const
{
    return m_executors.value(action).get();
}

QStringList StepExecutorRegistry::actions() const
{
    QStringList names = m_executors.keys();
    std::sort(names.begin(), names.end());
    return names;
}

QList<const StepExecutor *> StepExecutorRegistry::executors() const
{
    QList<const StepExecutor *> list;
    for (const QString &name : actions()) {
        list.append(m_executors.value(name).get());
    }
    return list;
}

} // namespace Portolan::Core
