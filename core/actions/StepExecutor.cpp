#include "StepExecutor.h"

#include "actions/TemplateExpression.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Portolan::Core::StepExecutor)
};
} // namespace

QJsonObject ActionUser::toJson() const
{
    QJsonObject envelope = entity;
    if (envelope.isEmpty()) {
        envelope = {{u"apiVersion"_s, u"backstage.io/v1alpha1"_s},
                    {u"kind"_s, u"User"_s},
                    {u"metadata"_s, QJsonObject{{u"name"_s, login}, {u"namespace"_s, u"default"_s}}},
                    {u"spec"_s,
                     QJsonObject{{u"profile"_s, QJsonObject{{u"displayName"_s, displayName}, {u"email"_s, email}}}}}};
    }
    return {{u"ref"_s, entityRef}, {u"entity"_s, envelope},
            {u"login"_s, login},   {u"displayName"_s, displayName.isEmpty() ? login : displayName},
            {u"email"_s, email},   {u"groups"_s, QJsonArray::fromStringList(groups)}};
}

QString ActionEnvironment::localRepository(const QString &name) const
{
    return QDir(dataDirectory.isEmpty() ? QDir::tempPath() : dataDirectory)
        .filePath(u"repositories/"_s + name + u".git"_s);
}

Result<QList<ApprovalDecision>> StepExecutor::changeDecisions(const StepRecord &, const ActionEnvironment &,
                                                              const std::atomic_bool *)
{
    return QList<ApprovalDecision>();
}

Result<QString> StepExecutor::reviewChange(const ApprovalRequest &, const ActionEnvironment &, bool, const QString &,
                                           const std::atomic_bool *)
{
    return makeError(Error::Code::Unsupported,
                     Tr::tr("%1 makes no change that is reviewed on a platform").arg(action()));
}

Result<QString> StepExecutor::landApproved(const StepRecord &, const ActionEnvironment &, const std::atomic_bool *)
{
    return QString();
}

QString ActionEnvironment::repositoryUrl(const QString &repository) const
{
    return repository.startsWith(u"local:"_s) ? localRepository(repository.mid(6)) : repository;
}

QString StepContext::secret(const QString &credential) const
{
    return environment ? environment->secrets.value(credential) : QString();
}

Result<QJsonValue> StepExecutor::renderInput(const QString &field, const QJsonValue &value,
                                             const QJsonObject &context) const
{
    return TemplateExpression::renderValue(value, context, u"input."_s + field);
}

Result<QList<RunLink>> StepExecutor::refresh(const StepRecord &step, QList<RunLink> links,
                                             const ActionEnvironment &environment, const std::atomic_bool *cancel)
{
    Q_UNUSED(step)
    Q_UNUSED(environment)
    Q_UNUSED(cancel)
    return links;
}

Result<void> StepExecutor::reviewPending(const StepRecord &step, const ActionEnvironment &, bool, const QString &,
                                         const std::atomic_bool *)
{
    return makeError(Error::Code::Unsupported,
                     Tr::tr("Step \"%1\" (%2) does not wait for a review on the platform").arg(step.name, step.action));
}

Result<void> StepExecutor::cancel(const StepRecord &step, const ActionEnvironment &environment)
{
    Q_UNUSED(environment)
    return makeError(Error::Code::Unsupported,
                     Tr::tr("Step \"%1\" (%2) cannot be cancelled on the platform").arg(step.name, step.action));
}

} // namespace Portolan::Core
