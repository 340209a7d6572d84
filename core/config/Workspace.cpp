#include "Workspace.h"

#include "catalog/DescriptorReader.h"

#include <QCborArray>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Workspace", text);
}

} // namespace

QString Workspace::demoPath()
{
    return u":/demo"_s;
}

Result<Workspace> Workspace::open(const QString &dir)
{
    Workspace ws;
    QFileInfo info(dir);
    if (info.isFile() && (info.fileName() == u"portolan.yaml"_s || info.fileName() == u"portolan.yml"_s)) {
        info = QFileInfo(info.path());
    }
    if (!info.isDir()) {
        Error e = makeError(Error::Code::Io, tr("The workspace folder %1 does not exist").arg(dir));
        e.file = dir;
        return e;
    }
    ws.root = dir.startsWith(u':') ? QDir::cleanPath(info.filePath()) : info.absoluteFilePath();
    ws.name = info.fileName();

    QString config;
    for (const QString &candidate : {u"portolan.yaml"_s, u"portolan.yml"_s}) {
        const QString p = ws.root + u'/' + candidate;
        if (QFileInfo(p).isFile()) {
            config = p;
            break;
        }
    }
    if (config.isEmpty()) {
        return ws;
    }
    ws.configFile = config;
    const FileReadResult read = DescriptorReader::readFile(config);
    ws.problems += read.problems;
    if (read.documents.isEmpty()) {
        return ws;
    }
    const ParsedDocument &doc = read.documents.first();
    const auto problem = [&](const QString &field, const QString &message) {
        Error e = makeError(Error::Code::Validation, message);
        e.file = config;
        e.field = field;
        const TextPosition pos = doc.positionOf(field);
        e.line = pos.line;
        e.column = pos.column;
        ws.problems.append(e);
    };
    static const QStringList known = {u"name"_s,       u"description"_s, u"locations"_s,  u"sources"_s,
                                      u"scorecards"_s, u"actions"_s,     u"automations"_s};
    for (auto it = doc.root.constBegin(); it != doc.root.constEnd(); ++it) {
        const QString key = it.key().toString();
        if (!known.contains(key)) {
            problem(key, tr("Unknown field \"%1\" in the workspace configuration").arg(key));
        }
    }
    const QCborValue name = doc.root.value("name"_L1);
    if (name.isString()) {
        ws.name = name.toString();
    } else if (!name.isUndefined()) {
        problem(u"name"_s, tr("\"name\" must be a string"));
    }
    const QCborValue description = doc.root.value("description"_L1);
    if (description.isString()) {
        ws.description = description.toString();
    } else if (!description.isUndefined()) {
        problem(u"description"_s, tr("\"description\" must be a string"));
    }
    const QCborValue locations = doc.root.value("locations"_L1);
    if (locations.isArray()) {
        const QCborArray arr = locations.toArray();
        for (qsizetype i = 0; i < arr.size(); ++i) {
            if (arr.at(i).isString() && !arr.at(i).toString().isEmpty()) {
                ws.locations.append(arr.at(i).toString());
            } else {
                problem(u"locations[%1]"_s.arg(i), tr("Each location must be a path or glob"));
            }
        }
    } else if (!locations.isUndefined()) {
        problem(u"locations"_s, tr("\"locations\" must be a list of paths or globs"));
    }
    return ws;
}

QStringList Workspace::roots() const
{
    if (locations.isEmpty()) {
        return {root};
    }
    QStringList out;
    for (const QString &loc : locations) {
        out.append(QDir::isAbsolutePath(loc) ? loc : QDir::cleanPath(root + u'/' + loc));
    }
    return out;
}

QString Workspace::displayName() const
{
    return name.isEmpty() ? root : name;
}

QString Workspace::cacheKey() const
{
    const QByteArray hash = QCryptographicHash::hash(root.toUtf8(), QCryptographicHash::Sha1).toHex().left(12);
    QString base = QFileInfo(root).fileName();
    base.replace(QRegularExpression(u"[^A-Za-z0-9_-]"_s), u"_"_s);
    return (base.isEmpty() ? u"workspace"_s : base) + u'-' + QString::fromLatin1(hash);
}

} // namespace Portolan::Core
