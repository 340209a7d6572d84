#pragma once

#include "actions/StepExecutor.h"

#include <memory>

namespace Portolan::Core {

// The built-in step executors (each in its own file here), made by StepExecutorRegistry.
[[nodiscard]] std::unique_ptr<StepExecutor> makeGitHubDispatchExecutor(); // github:actions:dispatch
[[nodiscard]] std::unique_ptr<StepExecutor> makeHttpRequestExecutor(); // http:request
[[nodiscard]] std::unique_ptr<StepExecutor> makeKubernetesApplyExecutor(); // kubernetes:apply
[[nodiscard]] std::unique_ptr<StepExecutor> makeGitOpsPublishExecutor(); // publish:gitops
[[nodiscard]] std::unique_ptr<StepExecutor> makeCatalogRegisterExecutor(); // catalog:register
[[nodiscard]] std::unique_ptr<StepExecutor> makeFetchTemplateExecutor(); // fetch:template
[[nodiscard]] std::unique_ptr<StepExecutor> makeFetchPlainExecutor(); // fetch:plain
[[nodiscard]] std::unique_ptr<StepExecutor> makeDebugLogExecutor(); // debug:log

} // namespace Portolan::Core
