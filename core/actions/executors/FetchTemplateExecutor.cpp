#include "Executors.h"

#include "actions/TemplateExpression.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Portolan::Core::FetchTemplateExecutor)
};

constexpr qint64 maxFileBytes = 4 * 1024 * 1024;
constexpr int maxFiles = 2000;

bool isRemote(const QString &url)
{
    return url.contains(u"://"_s) && !url.startsWith(u"file://"_s);
}

// Where a fetch step's `url` points: a folder beside the template (`./skeleton`), or an absolute local folder.
QString sourceFolder(const QString &url, const QString &templateDirectory)
{
    QString path = url.startsWith(u"file://"_s) ? QUrl(url).toLocalFile() : url;
    if (QDir::isAbsolutePath(path) || path.startsWith(u":/"_s)) {
        return QDir::cleanPath(path);
    }
    return QDir::cleanPath(templateDirectory + u'/' + path);
}

// The target inside the run's workspace folder; `..` may not leave it.
Result<QString> targetFolder(const QString &workDirectory, const QString &targetPath)
{
    const QString root = QDir::cleanPath(workDirectory + u"/workspace"_s);
    const QString target = QDir::cleanPath(root + u'/' + (targetPath.isEmpty() ? u"."_s : targetPath));
    if (target != root && !target.startsWith(root + u'/')) {
        return makeError(Error::Code::Validation,
                         Tr::tr("targetPath \"%1\" leaves the run's working folder").arg(targetPath));
    }
    return target;
}

QList<QRegularExpression> globs(const QJsonValue &value)
{
    QList<QRegularExpression> list;
    for (const QJsonValue &v : value.toArray()) {
        list.append(QRegularExpression(QRegularExpression::wildcardToRegularExpression(
            v.toString(), QRegularExpression::UnanchoredWildcardConversion)));
    }
    return list;
}

bool matchesAny(const QList<QRegularExpression> &patterns, const QString &path)
{
    for (const QRegularExpression &re : patterns) {
        if (re.match(path).hasMatch()) {
            return true;
        }
    }
    return false;
}

// fetch:template (Backstage's action): copies a folder beside the template into the run's workspace, rendering
// `${{ values.x }}` in file contents and names. Nunjucks tags (`{% if %}`, `{% for %}`) are not supported and are
// reported with the file. fetch:plain copies the same way without rendering.
class FetchExecutor final : public StepExecutor
{
public:
    explicit FetchExecutor(bool render)
        : m_render(render)
    { }

    [[nodiscard]] QString action() const override { return m_render ? u"fetch:template"_s : u"fetch:plain"_s; }
    [[nodiscard]] QString description() const override
    {
        return m_render ? Tr::tr("Copies a skeleton folder beside the template into the run's workspace, rendering "
                                 "${{ values.x }} in file contents and names")
                        : Tr::tr("Copies a folder beside the template into the run's workspace as it is");
    }

    [[nodiscard]] ErrorList check(const QJsonObject &input, const ActionEnvironment &) const override
    {
        ErrorList problems;
        const QString url = input.value("url"_L1).toString();
        if (url.isEmpty()) {
            Error e = makeError(Error::Code::Validation, Tr::tr("url is required: the folder to copy"));
            e.field = u"input.url"_s;
            problems.append(e);
        } else if (isRemote(url)) {
            Error e = makeError(Error::Code::Unsupported,
                                Tr::tr("Only folders beside the template can be fetched, not %1").arg(url));
            e.field = u"input.url"_s;
            problems.append(e);
        }
        return problems;
    }

    [[nodiscard]] StepPreview preview(const QJsonObject &input, const ActionEnvironment &) const override
    {
        StepPreview p;
        p.method = m_render ? Tr::tr("render files") : Tr::tr("copy files");
        p.target = input.value("targetPath"_L1).toString(u"./"_s);
        p.body = input.value("url"_L1).toString();
        if (m_render && input.contains("values"_L1)) {
            p.notes.append(Tr::tr("Values: %1").arg(TemplateExpression::toText(input.value("values"_L1))));
        }
        return p;
    }

    [[nodiscard]] Result<StepResult> run(StepContext &context) override
    {
        const QString source = sourceFolder(context.input.value("url"_L1).toString(), context.templateDirectory);
        if (!QFileInfo(source).isDir()) {
            return makeError(Error::Code::Io, Tr::tr("The folder %1 does not exist").arg(source));
        }
        const auto target = targetFolder(context.workDirectory, context.input.value("targetPath"_L1).toString());
        if (!target.ok()) {
            return target.error();
        }
        const QJsonObject values{{u"values"_s, context.input.value("values"_L1).toObject()}};
        const auto plain = globs(context.input.value(
            context.input.contains("copyWithoutTemplating"_L1) ? "copyWithoutTemplating"_L1 : "copyWithoutRender"_L1));
        const QString extension = context.input.value("templateFileExtension"_L1).toString();

        QStringList written;
        QDirIterator it(source, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            if (context.cancelled()) {
                return makeError(Error::Code::Cancelled, Tr::tr("Cancelled"));
            }
            if (written.size() >= maxFiles) {
                return makeError(Error::Code::TooLarge,
                                 Tr::tr("%1 holds more than %2 files").arg(source).arg(maxFiles));
            }
            QString relative = QDir(source).relativeFilePath(file);
            QFile in(file);
            if (in.size() > maxFileBytes || !in.open(QIODevice::ReadOnly)) {
                return makeError(Error::Code::Io, Tr::tr("Could not read %1").arg(file), in.errorString());
            }
            QByteArray content = in.readAll();
            const bool renderThis = m_render && !matchesAny(plain, relative)
                                    && (extension.isEmpty() || relative.endsWith(extension)) && !content.contains('\0');
            if (renderThis) {
                if (!extension.isEmpty()) {
                    relative.chop(extension.size());
                }
                const QString text = QString::fromUtf8(content);
                if (text.contains(u"{%"_s)) {
                    return makeError(Error::Code::Unsupported,
                                     Tr::tr("%1 uses Nunjucks tags ({%% ... %%}), which Portolan does not render; "
                                            "only ${{ }} placeholders are supported")
                                         .arg(relative));
                }
                const QString lower = relative.toLower();
                const auto escape = lower.endsWith(u".yaml"_s) || lower.endsWith(u".yml"_s)
                                        ? TemplateExpression::Escape::Yaml
                                    : lower.endsWith(u".json"_s) ? TemplateExpression::Escape::Json
                                                                 : TemplateExpression::Escape::None;
                const auto rendered = TemplateExpression::render(text, values, escape);
                if (!rendered.ok()) {
                    Error e = rendered.error();
                    e.file = relative;
                    return e;
                }
                content = rendered->toUtf8();
            }
            if (m_render) {
                const auto name = TemplateExpression::render(relative, values);
                if (!name.ok()) {
                    return name.error();
                }
                relative = *name;
            }
            const QString out = QDir::cleanPath(*target + u'/' + relative);
            if (!out.startsWith(*target + u'/')) {
                return makeError(Error::Code::Validation,
                                 Tr::tr("The file name %1 leaves the target folder").arg(relative));
            }
            QDir().mkpath(QFileInfo(out).absolutePath());
            QFile f(out);
            if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(content) != content.size()) {
                return makeError(Error::Code::Io, Tr::tr("Could not write %1").arg(out), f.errorString());
            }
            written.append(relative);
            context.log(Tr::tr("Wrote %1").arg(relative));
        }
        StepResult result;
        result.output = {{u"files"_s, QJsonArray::fromStringList(written)}, {u"targetPath"_s, *target}};
        return result;
    }

private:
    bool m_render = true;
};

} // namespace

std::unique_ptr<StepExecutor> makeFetchTemplateExecutor()
{
    return std::make_unique<FetchExecutor>(true);
}

std::unique_ptr<StepExecutor> makeFetchPlainExecutor()
{
    return std::make_unique<FetchExecutor>(false);
}

} // namespace Portolan::Core
