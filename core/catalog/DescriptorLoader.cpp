#include "DescriptorLoader.h"
#include "util/Threads.h"

#include "Validator.h"
#include "util/Logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QtConcurrent/QtConcurrentMap>

#include <optional>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

int LoadResult::errorCount() const
{
    return int(std::count_if(problems.cbegin(), problems.cend(), [](const Error &e) { return e.isError(); }));
}

int LoadResult::warningCount() const
{
    return int(std::count_if(problems.cbegin(), problems.cend(),
                             [](const Error &e) { return e.severity == Error::Severity::Warning; }));
}

namespace DescriptorLoader {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("DescriptorLoader", text);
}

struct Pending
{
    QString path;
    QStringList chain; // the files whose Locations led here, outermost first
    bool scanned = false; // found by walking a folder rather than named
};

// One document of a file, checked and turned into an entity on the worker that read it, so that the parsed tree is
// freed there and then. Keeping every file's trees until all were read (as before) held 3 KB per entity at the peak,
// and the entities built among those trees kept the freed space from going back to the system.
struct CheckedDocument
{
    bool skipped = false; // an OpenAPI file, a Kubernetes manifest, ... beside the descriptors
    ErrorList errors;
    std::optional<Entity> entity; // none when the errors reject it
    std::optional<ParsedDocument> location; // a Location's document, for the positions of its targets
};

struct CheckedFile
{
    ErrorList problems; // reading the file
    std::vector<CheckedDocument> documents;
};

QString normalise(const QString &path)
{
    if (path.startsWith(u':')) {
        return QDir::cleanPath(path);
    }
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

bool isDescriptorName(const QString &name)
{
    return name.endsWith(u".yaml"_s, Qt::CaseInsensitive) || name.endsWith(u".yml"_s, Qt::CaseInsensitive);
}

QStringList walkFolder(const QString &dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::NoIteratorFlags);
    QStringList subdirs;
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info = it.fileInfo();
        if (info.isDir()) {
            const QString name = info.fileName();
            if (!name.startsWith(u'.') && name != u"node_modules"_s) {
                subdirs.append(path);
            }
        } else if (isDescriptorName(info.fileName())) {
            out.append(normalise(path));
        }
    }
    out.sort();
    subdirs.sort();
    for (const QString &sub : std::as_const(subdirs)) {
        out += walkFolder(sub);
    }
    return out;
}

QRegularExpression globToRegex(QStringView glob)
{
    QString rx;
    rx.reserve(glob.size() * 2);
    for (qsizetype i = 0; i < glob.size(); ++i) {
        const QChar c = glob[i];
        if (c == u'*') {
            if (i + 1 < glob.size() && glob[i + 1] == u'*') {
                const bool slash = i + 2 < glob.size() && glob[i + 2] == u'/';
                rx += slash ? u"(?:.*/)?"_s : u".*"_s;
                i += slash ? 2 : 1;
            } else {
                rx += u"[^/]*"_s;
            }
        } else if (c == u'?') {
            rx += u"[^/]"_s;
        } else if (c == u'[') {
            const qsizetype close = glob.indexOf(u']', i + 1);
            if (close == -1) {
                rx += u"\\["_s;
            } else {
                QString cls = glob.mid(i + 1, close - i - 1).toString();
                if (cls.startsWith(u'!')) {
                    cls[0] = u'^';
                }
                rx += u'[' + cls + u']';
                i = close;
            }
        } else {
            rx += QRegularExpression::escape(QString(c));
        }
    }
    return QRegularExpression(QRegularExpression::anchoredPattern(rx));
}

// Kubernetes manifests often sit beside catalog-info.yaml (apiVersion "v1", "apps/v1", "rbac.authorization.k8s.io/v1").
// Their API groups have no dot or end in ".k8s.io"; Backstage's groups are DNS names such as backstage.io.
bool isKubernetesManifest(const QCborMap &root)
{
    const QString apiVersion = root.value("apiVersion"_L1).toString();
    if (apiVersion.isEmpty() || !root.contains("kind"_L1)) {
        return false;
    }
    const qsizetype slash = apiVersion.indexOf(u'/');
    const QString group = slash == -1 ? QString() : apiVersion.left(slash);
    return group.isEmpty() || !group.contains(u'.') || group.endsWith(u".k8s.io"_s);
}

} // namespace

bool isGlob(QStringView path)
{
    return path.contains(u'*') || path.contains(u'?') || path.contains(u'[');
}

QStringList expandGlob(const QString &pattern, const QString &baseDir)
{
    const QString full = QDir::cleanPath(
        QDir::isAbsolutePath(pattern) || pattern.startsWith(u':') ? pattern : QDir(baseDir).filePath(pattern));
    // The fixed folder before the first segment with a wildcard.
    const QStringList segments = full.split(u'/');
    QStringList fixed;
    qsizetype firstGlob = 0;
    for (; firstGlob < segments.size(); ++firstGlob) {
        if (isGlob(segments[firstGlob])) {
            break;
        }
        fixed.append(segments[firstGlob]);
    }
    QString root = fixed.join(u'/');
    if (root.isEmpty() && full.startsWith(u'/')) {
        root = u"/"_s;
    }
    if (firstGlob == segments.size()) {
        return QFileInfo(full).isFile() ? QStringList{normalise(full)} : QStringList{};
    }
    const QString rest = segments.mid(firstGlob).join(u'/');
    const QRegularExpression rx = globToRegex(rest);
    const bool recursive = rest.contains(u"**"_s) || segments.size() - firstGlob > 1;
    QStringList out;
    QDirIterator it(root, QDir::Files | QDir::NoDotAndDotDot,
                    recursive ? QDirIterator::Subdirectories : QDirIterator::NoIteratorFlags);
    const QDir rootDir(root);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString rel = rootDir.relativeFilePath(path);
        if (rx.match(rel).hasMatch()) {
            out.append(normalise(path));
        }
    }
    out.sort();
    return out;
}

LoadResult load(const QStringList &roots, const LoadOptions &options, const std::atomic_bool *cancel,
                const Progress &progress)
{
    LoadResult result;
    QSet<QString> visited;
    QList<Pending> round;

    const auto enqueue = [&](const QString &path, const QStringList &chain, bool scanned) {
        const QString key = normalise(path);
        if (chain.contains(key)) {
            Error e = makeError(
                Error::Code::LocationCycle,
                tr("Location cycle: %1 leads back to %2; the loop is not followed").arg(chain.constLast(), key));
            e.severity = Error::Severity::Warning;
            e.file = chain.constLast();
            result.problems.append(e);
            return;
        }
        if (visited.contains(key)) {
            return;
        }
        visited.insert(key);
        round.append({key, chain, scanned});
    };

    for (const QString &root : roots) {
        const QFileInfo info(root);
        if (isGlob(root)) {
            const QStringList files = expandGlob(root, QDir::currentPath());
            if (files.isEmpty()) {
                Error e = makeError(Error::Code::Io, tr("No files match \"%1\"").arg(root));
                e.severity = Error::Severity::Warning;
                e.file = root;
                result.problems.append(e);
            }
            for (const QString &f : files) {
                enqueue(f, {}, false);
            }
        } else if (info.isDir()) {
            for (const QString &f : walkFolder(root)) {
                enqueue(f, {}, true);
            }
        } else if (info.exists()) {
            enqueue(root, {}, false);
        } else {
            Error e = makeError(Error::Code::Io, tr("No such file or folder"));
            e.file = root;
            result.problems.append(e);
        }
    }

    int done = 0;
    int known = int(round.size());
    while (!round.isEmpty()) {
        if (cancel && cancel->load()) {
            result.cancelled = true;
            break;
        }
        const QList<Pending> current = std::exchange(round, {});
        const auto readOne = [&options, cancel](const Pending &p) {
            // Reading runs beside the window (a sync): the GUI thread comes first. No-op on the GUI thread.
            lowerCurrentThreadPriority();
            CheckedFile checked;
            if (cancel && cancel->load()) {
                return checked; // the round is thrown away below; stop reading at once
            }
            ReadOptions fast = options.read;
            fast.recordPositions = false;
            FileReadResult read = DescriptorReader::readFile(p.path, fast);
            const bool needsPositions =
                !read.problems.isEmpty()
                || std::any_of(read.documents.cbegin(), read.documents.cend(), [](const ParsedDocument &d) {
                       return d.root.value("kind"_L1).toString() == u"Location"_s || !Validator::validate(d).isEmpty();
                   });
            if (needsPositions && options.read.recordPositions) {
                read = DescriptorReader::readFile(p.path, options.read); // rare: only files with problems
            }
            checked.problems = std::move(read.problems);
            checked.documents.reserve(std::size_t(read.documents.size()));
            for (ParsedDocument &doc : read.documents) {
                CheckedDocument &out = checked.documents.emplace_back();
                if (p.scanned
                    && ((!doc.root.contains("apiVersion"_L1) && !doc.root.contains("kind"_L1))
                        || isKubernetesManifest(doc.root))) {
                    out.skipped = true;
                    continue;
                }
                out.errors = Validator::validate(doc);
                if (std::any_of(out.errors.cbegin(), out.errors.cend(), [](const Error &e) { return e.isError(); })) {
                    continue;
                }
                Entity entity = Entity::fromEnvelope(doc.root);
                entity.raw = std::move(doc.raw);
                entity.origin.sourceId = options.sourceId;
                entity.origin.file = p.path;
                entity.origin.line = doc.start.line;
                entity.origin.column = doc.start.column;
                if (entity.kind == u"Location"_s) {
                    out.location = std::move(doc);
                }
                out.entity = std::move(entity);
            }
            return checked;
        };
        QList<CheckedFile> reads;
        if (options.parallel && current.size() > 1) {
            reads = QtConcurrent::blockingMapped<QList<CheckedFile>>(options.pool ? options.pool : backgroundPool(),
                                                                     current, readOne);
        } else {
            for (const Pending &p : current) {
                reads.append(readOne(p));
            }
        }

        if (cancel && cancel->load()) {
            result.cancelled = true;
            break;
        }
        for (qsizetype i = 0; i < current.size(); ++i) {
            const Pending &pending = current[i];
            CheckedFile &read = reads[i];
            result.files.append(pending.path);
            result.problems += read.problems;
            QStringList chain = pending.chain;
            chain.append(pending.path);
            const QString dir =
                pending.path.startsWith(u':') ? QFileInfo(pending.path).path() : QFileInfo(pending.path).absolutePath();

            for (CheckedDocument &checked : read.documents) {
                ++result.documents;
                if (checked.skipped) {
                    ++result.skippedDocuments;
                    continue;
                }
                result.problems += checked.errors;
                if (!checked.entity) {
                    ++result.rejectedDocuments;
                    continue;
                }
                Entity &entity = *checked.entity;
                if (checked.location) {
                    QStringList targets = entity.specStringList("targets"_L1);
                    const QString single = entity.specString("target"_L1);
                    if (!single.isEmpty()) {
                        targets.prepend(single);
                    }
                    const bool optional = entity.specString("presence"_L1) == u"optional"_s;
                    for (qsizetype t = 0; t < targets.size(); ++t) {
                        const QString &target = targets[t];
                        const auto report = [&](const QString &message, Error::Code code, bool warning) {
                            Error e = makeError(code, message);
                            e.severity = warning ? Error::Severity::Warning : Error::Severity::Error;
                            e.file = pending.path;
                            const QString field = single.isEmpty() || t > 0
                                                      ? u"spec.targets[%1]"_s.arg(single.isEmpty() ? t : t - 1)
                                                      : u"spec.target"_s;
                            const TextPosition pos = checked.location->positionOf(field);
                            e.line = pos.line;
                            e.column = pos.column;
                            e.field = field;
                            e.entityRef = entity.refString();
                            result.problems.append(e);
                        };
                        if (target.contains(u"://"_s)) {
                            report(tr("Location target %1 is a remote URL; remote locations are read by a git or "
                                      "Backstage source, not from files")
                                       .arg(target),
                                   Error::Code::Unsupported, true);
                            continue;
                        }
                        const QStringList files = isGlob(target)
                                                      ? expandGlob(target, dir)
                                                      : QStringList{QDir::cleanPath(QDir(dir).filePath(target))};
                        bool any = false;
                        for (const QString &f : files) {
                            if (QFileInfo(f).isFile()) {
                                any = true;
                                enqueue(f, chain, false);
                            }
                        }
                        if (!any) {
                            report(tr("Location target \"%1\" matches no file").arg(target), Error::Code::Io,
                                   optional || isGlob(target));
                        }
                    }
                }
                result.entities.push_back(std::move(entity));
            }
            ++done;
        }
        known += int(round.size());
        if (progress) {
            progress(done, known);
        }
    }
    qCDebug(lcReader) << "loaded" << result.entities.size() << "entities from" << result.files.size() << "files";
    return result;
}

} // namespace DescriptorLoader

} // namespace Portolan::Core
