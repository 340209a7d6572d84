#include "SourceRegistry.h"

#include "backstage/BackstageSource.h"
#include "files/FilesSource.h"
#include "git/GitSource.h"
#include "github/GitHubSource.h"
#include "httpjson/HttpJsonSource.h"
#include "kubernetes/KubernetesSource.h"
#include "monitoring/MonitoringSource.h"
#include "opencost/OpenCostSource.h"
#include "terraform/TerraformSource.h"
#include "unleash/UnleashSource.h"

using namespace Qt::StringLiterals;

namespace Portolan::Core::SourceRegistry {

QStringList types()
{
    return {u"files"_s,      u"git"_s,          u"backstage"_s, u"github"_s,   u"kubernetes"_s, u"terraform"_s,
            u"prometheus"_s, u"alertmanager"_s, u"unleash"_s,   u"opencost"_s, u"http-json"_s};
}

SourcePtr create(const SourceConfig &config)
{
    if (config.type == u"files"_s) {
        return std::make_unique<FilesSource>(config);
    }
    if (config.type == u"git"_s) {
        return std::make_unique<GitSource>(config);
    }
    if (config.type == u"backstage"_s) {
        return std::make_unique<BackstageSource>(config);
    }
    if (config.type == u"github"_s) {
        return std::make_unique<GitHubSource>(config);
    }
    if (config.type == u"kubernetes"_s) {
        return std::make_unique<KubernetesSource>(config);
    }
    if (config.type == u"terraform"_s) {
        return std::make_unique<TerraformSource>(config);
    }
    if (config.type == u"prometheus"_s || config.type == u"alertmanager"_s) {
        return std::make_unique<MonitoringSource>(config);
    }
    if (config.type == u"unleash"_s) {
        return std::make_unique<UnleashSource>(config);
    }
    if (config.type == u"opencost"_s) {
        return std::make_unique<OpenCostSource>(config);
    }
    if (config.type == u"http-json"_s) {
        return std::make_unique<HttpJsonSource>(config);
    }
    return nullptr;
}

bool readsCatalog(const SourceConfig &config)
{
    if (config.type == u"kubernetes"_s || config.type == u"terraform"_s || config.type == u"prometheus"_s
        || config.type == u"alertmanager"_s || config.type == u"unleash"_s || config.type == u"opencost"_s) {
        return true; // terraform: components' terraform.io/resources annotations; monitoring: label values to entities
    }
    if (config.type == u"github"_s) {
        const QVariant insights = config.options.value(u"insights"_s);
        return !insights.isValid() || insights.toBool();
    }
    return false;
}

} // namespace Portolan::Core::SourceRegistry
