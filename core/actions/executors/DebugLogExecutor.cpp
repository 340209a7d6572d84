#include "Executors.h"

#include "actions/TemplateExpression.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Portolan::Core::DebugLogExecutor)
};

// debug:log (Backstage's action): writes `message` to the step's log; `listWorkspace` lists the run's files.
class DebugLogExecutor final : public StepExecutor
{
public:
    [[nodiscard]] QString action() const override { return u"debug:log"_s; }
    [[nodiscard]] QString description() const override
    {
        return Tr::tr("Writes a message (and optionally the run's files) to the step's log");
    }
    [[nodiscard]] ErrorList check(const QJsonObject &, const ActionEnvironment &) const override { return {}; }
    [[nodiscard]] StepPreview preview(const QJsonObject &input, const ActionEnvironment &) const override
    {
        StepPreview p;
        p.method = Tr::tr("log");
        p.target = Tr::tr("the run's log");
        p.body = TemplateExpression::toText(input.value("message"_L1));
        return p;
    }
    [[nodiscard]] Result<StepResult> run(StepContext &context) override
    {
        const QString message = TemplateExpression::toText(context.input.value("message"_L1));
        for (const QString &line : message.split(u'\n')) {
            if (!line.isEmpty()) {
                context.log(line);
            }
        }
        const QJsonValue list = context.input.value("listWorkspace"_L1);
        if (list.toBool() || list.toString() == u"with-filenames"_s) {
            const QString root = context.workDirectory + u"/workspace"_s;
            QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                context.log(QDir(root).relativeFilePath(it.next()));
            }
        }
        return StepResult{};
    }
};

} // namespace

std::unique_ptr<StepExecutor> makeDebugLogExecutor()
{
    return std::make_unique<DebugLogExecutor>();
}

} // namespace Portolan::Core
