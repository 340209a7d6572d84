#pragma once

#include "actions/StepExecutor.h"

#include <memory>

namespace Portolan::Core {

// The built-in step executors (each in its own file here), made by StepExecutorRegistry.
[[nodiscard]] std::unique_ptr<StepExecutor> makeGitHubDispatchExecutor(); // github:actions:dispatch
[[nodiscard]] std::unique_ptr<StepExecutor> makeHttpRequestExecutor(); // http:request
[[nodiscard]] std::unique_ptr<StepExecutor> makeKubernetesApplyExecutor(); // kubernetes:apply
[[nodiscard]] std::unique_ptr<StepExecutor> makeKubernetesDeleteExecutor(); // kubernetes:delete
[[nodiscard]] std::unique_ptr<StepExecutor> makeGitOpsPublishExecutor(); // publish:gitops
[[nodiscard]] std::unique_ptr<StepExecutor> makeCatalogRegisterExecutor(); // catalog:register
[[nodiscard]] std::unique_ptr<StepExecutor> makeFetchTemplateExecutor(); // fetch:template
[[nodiscard]] std::unique_ptr<StepExecutor> makeFetchPlainExecutor(); // fetch:plain
[[nodiscard]] std::unique_ptr<StepExecutor> makeDebugLogExecutor(); // debug:log
[[nodiscard]] std::unique_ptr<StepExecutor> makeTtlExtendExecutor(); // ttl:extend
[[nodiscard]] std::unique_ptr<StepExecutor> makeUnleashToggleExecutor(); // unleash:toggle

// Sets one annotation of the YAML document that starts at `firstLine` (0-based), keeping every other line as written
// (ttl:extend; exposed for tests).
[[nodiscard]] Result<QString> setAnnotation(const QString &text, int firstLine, const QString &key,
                                            const QString &value);

} // namespace Portolan::Core
