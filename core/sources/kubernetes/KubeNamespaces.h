#pragma once

#include "model/Entity.h"
#include "sources/kubernetes/KubeClient.h"
#include "util/Error.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace Portolan::Core {

// Kubernetes namespaces with a time to live, as catalog entities. An action that makes a namespace for a while (a
// preview environment) labels it, so that every desktop and `portolan-cli` find it on the cluster itself:
//   labels:
//     portolan.dev/ttl: 4h                 how long it lives, from the namespace's creation (90m, 4h, 1d, 1d12h)
//     portolan.dev/expires-at: "1764493200"  or when it ends, in seconds since the epoch (a label value has no ':';
//                                          an extension writes this; it wins)
//     portolan.dev/owner: platform-team    optional: a group's name (annotation portolan.dev/owner: any entity ref)
// The kubernetes source lists the namespaces of each context it reads and gives one Resource entity of type
// kubernetes-namespace per labelled namespace, with the TTL annotations TimeToLive reads (portolan.dev/ttl,
// portolan.dev/created-at, portolan.dev/expires-at), so the countdown, the TTL list, the warnings and the expiry
// automations treat it like an environment described in git.
namespace KubeNamespaces {

inline constexpr QStringView ttlLabel = u"portolan.dev/ttl";
inline constexpr QStringView expiresLabel = u"portolan.dev/expires-at";
inline constexpr QStringView ownerKey = u"portolan.dev/owner"; // a label (a group's name) or an annotation (a ref)
inline constexpr QStringView contextAnnotation = u"portolan.dev/kubernetes-context";
inline constexpr QStringView namespaceType = u"kubernetes-namespace";

// GET /api/v1/namespaces (cluster scope).
[[nodiscard]] const KubeResource &resource();

// Whether a Namespace object carries a TTL label.
[[nodiscard]] bool hasTimeToLive(const QJsonObject &object);

struct Mapped
{
    std::optional<Entity> entity;
    ErrorList problems; // naming the context, the namespace and the label
};

// The entity of a labelled namespace of `context` (shown as `contextDisplay`), named `name` (the namespace's name,
// unless another context has one of that name too). An expires-at label that is not a number of seconds is a problem
// and the entity gets none (never expired by mistake); its ttl is passed on for TimeToLive to judge.
[[nodiscard]] Mapped entityOf(const QJsonObject &object, const QString &name, const QString &context,
                              const QString &contextDisplay, const QString &sourceId);

} // namespace KubeNamespaces

} // namespace Portolan::Core
