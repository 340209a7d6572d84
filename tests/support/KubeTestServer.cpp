#include "KubeTestServer.h"

#include "TestSupport.h"

#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Portolan::Test {

namespace {

constexpr int maxHistory = 5'000;

QByteArray readCorpusFile(const QString &relative)
{
    QFile f(corpusPath(relative));
    if (!f.open(QIODevice::ReadOnly)) {
        qWarning("KubeTestServer: cannot read %s", qPrintable(f.fileName()));
        return {};
    }
    return f.readAll();
}

QString keyOf(const QJsonObject &object)
{
    const QJsonObject metadata = object.value("metadata"_L1).toObject();
    return metadata.value("namespace"_L1).toString() + u'/' + metadata.value("name"_L1).toString();
}

QString listKind(const QString &resource)
{
    static const QHash<QString, QString> kinds = {
        {u"pods"_s, u"PodList"_s},
        {u"deployments"_s, u"DeploymentList"_s},
        {u"statefulsets"_s, u"StatefulSetList"_s},
        {u"daemonsets"_s, u"DaemonSetList"_s},
        {u"replicasets"_s, u"ReplicaSetList"_s},
        {u"services"_s, u"ServiceList"_s},
        {u"events"_s, u"EventList"_s},
        {u"ingresses"_s, u"IngressList"_s},
        {u"cronjobs"_s, u"CronJobList"_s},
        {u"jobs"_s, u"JobList"_s},
        {u"namespaces"_s, u"NamespaceList"_s},
        {u"leases"_s, u"LeaseList"_s},
    };
    return kinds.value(resource);
}

// /api/v1/[namespaces/NS/]PLURAL/NAME or /apis/GROUP/VERSION/[namespaces/NS/]PLURAL/NAME
bool objectPath(const QString &path, QString &group, QString &version, QString &ns, QString &resource, QString &name)
{
    QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    if (parts.size() >= 2 && parts[0] == u"api"_s) {
        version = parts[1];
        parts = parts.mid(2);
    } else if (parts.size() >= 3 && parts[0] == u"apis"_s) {
        group = parts[1];
        version = parts[2];
        parts = parts.mid(3);
    } else {
        return false;
    }
    if (parts.size() == 4 && parts[0] == u"namespaces"_s) {
        ns = parts[1];
        resource = parts[2];
        name = parts[3];
        return true;
    }
    if (parts.size() == 2) {
        resource = parts[0];
        name = parts[1];
        return true;
    }
    return false;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 415:
        return "Unsupported Media Type";
    case 422:
        return "Unprocessable Entity";
    case 500:
        return "Internal Server Error";
    default:
        return "Error";
    }
}

// Server-side apply's merge, as far as the tests need it: maps field by field, everything else replaced.
QJsonObject merged(QJsonObject into, const QJsonObject &applied)
{
    for (auto it = applied.constBegin(); it != applied.constEnd(); ++it) {
        const QJsonValue old = into.value(it.key());
        into.insert(it.key(), old.isObject() && it.value().isObject()
                                  ? QJsonValue(merged(old.toObject(), it.value().toObject()))
                                  : it.value());
    }
    return into;
}

// A Status in the recorded shape (corpus/kubernetes/errors) with another code, reason and message.
QByteArray statusWith(int code, const QString &reason, const QString &message)
{
    QJsonObject object =
        QJsonDocument::fromJson(readCorpusFile(u"kubernetes/errors/java-client__status-404-not-found.json"_s)).object();
    object[u"code"_s] = code;
    object[u"reason"_s] = reason;
    object[u"message"_s] = message;
    object.remove(u"details"_s);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray chunk(const QByteArray &data)
{
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

} // namespace

struct KubeTestServer::Connection
{
    QByteArray buffer;
    bool streaming = false;
};

struct KubeTestServer::Stream
{
    QPointer<QTcpSocket> socket;
    QString resource;
    QString ns;
    bool warningsOnly = false;
    QTimer *timeout = nullptr;
};

KubeTestServer::KubeTestServer(QObject *parent)
    : QObject(parent)
    , m_server(std::make_unique<QTcpServer>())
{
    connect(m_server.get(), &QTcpServer::newConnection, this, &KubeTestServer::accept);
}

KubeTestServer::~KubeTestServer()
{
    for (const auto &s : std::as_const(m_streams)) {
        if (s->timeout) {
            s->timeout->stop();
        }
    }
    const QList<QTcpSocket *> sockets = m_connections.keys();
    for (QTcpSocket *socket : sockets) {
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
}

bool KubeTestServer::listen(quint16 port)
{
    return m_server->listen(QHostAddress::LocalHost, port);
}

QUrl KubeTestServer::url() const
{
    return QUrl(u"http://127.0.0.1:%1"_s.arg(m_server->serverPort()));
}

quint16 KubeTestServer::port() const
{
    return m_server->serverPort();
}

void KubeTestServer::setToken(const QString &token)
{
    m_token = token;
}

QByteArray KubeTestServer::statusBody(int status, const QString &resource, const QString &ns, const QString &verb,
                                      const QString &name, const QString &group)
{
    QString file;
    switch (status) {
    case 410:
        file = u"kubernetes/errors/kubeclient__status-410-expired.json"_s;
        break;
    case 500:
        file = u"kubernetes/errors/kubeclient__status-500-internal.json"_s;
        break;
    case 409:
        file = u"kubernetes/errors/kubeclient__status-409-already-exists.json"_s;
        break;
    default:
        file = u"kubernetes/errors/java-client__status-404-not-found.json"_s;
        break;
    }
    const QByteArray recorded = readCorpusFile(file);
    if (status == 404 || status == 409 || status == 410 || status == 500) {
        return recorded;
    }
    // 401 and 403: the recorded Status with the API server's code, reason and message for them.
    QJsonObject object = QJsonDocument::fromJson(recorded).object();
    object[u"code"_s] = status;
    object.remove(u"details"_s);
    if (status == 401) {
        object[u"reason"_s] = u"Unauthorized"_s;
        object[u"message"_s] = u"Unauthorized"_s;
    } else {
        object[u"reason"_s] = u"Forbidden"_s;
        const QString scope = ns.isEmpty() ? u"at the cluster scope"_s : u"in the namespace \"%1\""_s.arg(ns);
        const QString what = name.isEmpty() ? resource : u"%1 \"%2\""_s.arg(resource, name);
        object[u"message"_s] = u"%1 is forbidden: User \"system:serviceaccount:portolan:viewer\" cannot %2 "
                               "resource \"%3\" in API group \"%4\" %5"_s.arg(what, verb, resource, group, scope);
        QJsonObject details{{u"kind"_s, resource}};
        if (!name.isEmpty()) {
            details[u"name"_s] = name;
        }
        if (!group.isEmpty()) {
            details[u"group"_s] = group;
        }
        object[u"details"_s] = details;
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

void KubeTestServer::addObject(const QString &resource, QJsonObject object)
{
    QJsonObject metadata = object.value("metadata"_L1).toObject();
    if (metadata.value("resourceVersion"_L1).toString().isEmpty()) {
        metadata[u"resourceVersion"_s] = QString::number(m_version);
        object[u"metadata"_s] = metadata;
    }
    m_objects[resource].insert(keyOf(object), QJsonDocument(object).toJson(QJsonDocument::Compact));
}

int KubeTestServer::loadList(const QString &resource, const QString &file)
{
    const QJsonObject list = QJsonDocument::fromJson(readCorpusFile(u"kubernetes/lists/"_s + file)).object();
    const QJsonArray items = list.value("items"_L1).toArray();
    for (const QJsonValue &item : items) {
        addObject(resource, item.toObject());
    }
    const qint64 version = list.value("metadata"_L1).toObject().value("resourceVersion"_L1).toString().toLongLong();
    m_version = std::max(m_version, version);
    return int(items.size());
}

QJsonObject KubeTestServer::generatedPodTemplate()
{
    const QJsonObject list =
        QJsonDocument::fromJson(readCorpusFile(u"kubernetes/lists/k3s-bundle__pods__default.PodList.json"_s)).object();
    return list.value("items"_L1).toArray().at(4).toObject(); // memory-hungry-app-…-4vnq4, Running
}

void KubeTestServer::generatePods(const QJsonObject &recorded, int count, const QString &ns)
{
    QJsonObject pod = recorded;
    QJsonObject metadata = pod.value("metadata"_L1).toObject();
    metadata[u"name"_s] = u"@NAME@"_s;
    metadata[u"generateName"_s] = u"@OWNER@-"_s;
    metadata[u"namespace"_s] = ns;
    metadata[u"uid"_s] = u"@UID@"_s;
    metadata[u"resourceVersion"_s] = u"@RV@"_s;
    metadata[u"labels"_s] = QJsonObject{{u"app"_s, u"@APP@"_s}, {u"pod-template-hash"_s, u"@HASH@"_s}};
    QJsonArray owners = metadata.value("ownerReferences"_L1).toArray();
    if (!owners.isEmpty()) {
        QJsonObject owner = owners.at(0).toObject();
        owner[u"name"_s] = u"@OWNER@"_s;
        owners[0] = owner;
        metadata[u"ownerReferences"_s] = owners;
    }
    pod[u"metadata"_s] = metadata;
    QJsonObject status = pod.value("status"_L1).toObject();
    status[u"phase"_s] = u"@PHASE@"_s;
    pod[u"status"_s] = status;
    m_podTemplate = QJsonDocument(pod).toJson(QJsonDocument::Compact);
    m_generatedNs = ns;
    m_generated = count;
    m_flipped.clear();
}

QByteArray KubeTestServer::generatedPod(int index, bool flipped) const
{
    const QByteArray app = "app-" + QByteArray::number(index / 100);
    const QByteArray hash = QByteArray::number(0x5f000000 + index / 10, 16);
    const QByteArray owner = app + '-' + hash;
    QByteArray out = m_podTemplate;
    out.replace("@NAME@", QByteArray(owner + '-' + QByteArray::number(index, 36).rightJustified(5, '0')));
    out.replace("@OWNER@", owner);
    out.replace("@UID@", QByteArray("0f6b8526-3587-433e-91fd-" + QByteArray::number(index).rightJustified(12, '0')));
    out.replace("@RV@", QByteArray::number(m_version));
    out.replace("@APP@", app);
    out.replace("@HASH@", hash);
    out.replace("@PHASE@", flipped ? "Pending" : "Running");
    return out;
}

void KubeTestServer::publish(const Change &change)
{
    m_history.append(change);
    if (m_history.size() > maxHistory) {
        m_compactedBelow = m_history.first().version;
        m_history.removeFirst();
    }
    const QByteArray line = "{\"type\":\"" + change.type + "\",\"object\":" + change.object + '}';
    for (const auto &s : std::as_const(m_streams)) {
        if (s->resource == change.resource && (s->ns.isEmpty() || s->ns == change.ns)) {
            if (s->warningsOnly && !change.object.contains("\"type\":\"Warning\"")) {
                continue;
            }
            writeEvent(*s, line);
        }
    }
}

void KubeTestServer::upsert(const QString &resource, QJsonObject object)
{
    QJsonObject metadata = object.value("metadata"_L1).toObject();
    metadata[u"resourceVersion"_s] = QString::number(++m_version);
    object[u"metadata"_s] = metadata;
    const QString key = keyOf(object);
    const bool existed = m_objects[resource].contains(key);
    const QByteArray json = QJsonDocument(object).toJson(QJsonDocument::Compact);
    m_objects[resource].insert(key, json);
    publish({m_version, resource, metadata.value("namespace"_L1).toString(), existed ? "MODIFIED" : "ADDED", json});
}

bool KubeTestServer::remove(const QString &resource, const QString &ns, const QString &name)
{
    const QString key = ns + u'/' + name;
    const QByteArray json = m_objects[resource].take(key);
    if (json.isEmpty()) {
        return false;
    }
    QJsonObject object = QJsonDocument::fromJson(json).object();
    QJsonObject metadata = object.value("metadata"_L1).toObject();
    metadata[u"resourceVersion"_s] = QString::number(++m_version);
    object[u"metadata"_s] = metadata;
    publish({m_version, resource, ns, "DELETED", QJsonDocument(object).toJson(QJsonDocument::Compact)});
    return true;
}

void KubeTestServer::touchGeneratedPod(int index)
{
    if (index < 0 || index >= m_generated) {
        return;
    }
    const bool flipped = !m_flipped.contains(index);
    if (flipped) {
        m_flipped.insert(index);
    } else {
        m_flipped.remove(index);
    }
    ++m_version;
    publish({m_version, u"pods"_s, m_generatedNs, "MODIFIED", generatedPod(index, flipped)});
}

int KubeTestServer::replay(const QString &resource, const QString &file, int delayMs)
{
    const QList<QByteArray> lines = readCorpusFile(u"kubernetes/watch/"_s + file).split('\n');
    int count = 0;
    for (const QByteArray &line : lines) {
        const QJsonObject event = QJsonDocument::fromJson(line).object();
        if (event.isEmpty()) {
            continue;
        }
        ++count;
        QTimer::singleShot(delayMs * count, this, [this, resource, event] {
            const QJsonObject object = event.value("object"_L1).toObject();
            if (event.value("type"_L1).toString() == u"DELETED"_s) {
                const QJsonObject metadata = object.value("metadata"_L1).toObject();
                remove(resource, metadata.value("namespace"_L1).toString(), metadata.value("name"_L1).toString());
            } else {
                upsert(resource, object);
            }
        });
    }
    return count;
}

void KubeTestServer::bookmark(const QString &resource)
{
    const QByteArray line = "{\"type\":\"BOOKMARK\",\"object\":{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"metadata\":"
                            "{\"resourceVersion\":\""
                            + QByteArray::number(m_version) + "\"}}}";
    for (const auto &s : std::as_const(m_streams)) {
        if (s->resource == resource) {
            writeEvent(*s, line);
        }
    }
}

void KubeTestServer::compact()
{
    m_history.clear();
    m_compactedBelow = m_version;
}

void KubeTestServer::dropWatches(const QString &resource)
{
    const QList<std::shared_ptr<Stream>> streams = m_streams;
    for (const auto &s : streams) {
        if (resource.isEmpty() || s->resource == resource) {
            m_streams.removeOne(s);
            if (s->timeout) {
                s->timeout->stop();
                s->timeout->deleteLater();
            }
            if (s->socket) {
                s->socket->abort(); // no final chunk: the client sees the connection drop mid-stream
            }
        }
    }
}

void KubeTestServer::sendExpired(const QString &resource)
{
    const QByteArray line = "{\"type\":\"ERROR\",\"object\":"
                            + QJsonDocument::fromJson(statusBody(410)).toJson(QJsonDocument::Compact) + '}';
    for (const auto &s : std::as_const(m_streams)) {
        if (s->resource == resource) {
            writeEvent(*s, line);
        }
    }
}

void KubeTestServer::failList(const QString &resource, int status, const QString &ns, int times)
{
    m_faults.append({resource, ns, status, times, false});
}

void KubeTestServer::failWatch(const QString &resource, int status, int times)
{
    m_faults.append({resource, {}, status, times, true});
}

void KubeTestServer::failApply(const QString &resource, int status, int times)
{
    Fault fault;
    fault.resource = resource;
    fault.status = status;
    fault.times = times;
    fault.apply = true;
    m_faults.append(fault);
}

QJsonObject KubeTestServer::object(const QString &resource, const QString &ns, const QString &name) const
{
    return QJsonDocument::fromJson(m_objects.value(resource).value(ns + u'/' + name)).object();
}

int KubeTestServer::objectCount(const QString &resource) const
{
    return int(m_objects.value(resource).size());
}

bool KubeTestServer::takeApplyFault(const QString &resource, bool force, int &status)
{
    for (auto it = m_faults.begin(); it != m_faults.end(); ++it) {
        if (!it->apply || it->resource != resource || (force && it->status == 409)) {
            continue;
        }
        status = it->status;
        if (it->times > 0 && --it->times == 0) {
            m_faults.erase(it);
        }
        return true;
    }
    return false;
}

void KubeTestServer::clearFaults()
{
    m_faults.clear();
}

bool KubeTestServer::takeFault(const QString &resource, const QString &ns, bool watch, bool hasContinue, int &status)
{
    for (auto it = m_faults.begin(); it != m_faults.end(); ++it) {
        if (it->apply || it->resource != resource || it->watch != watch || (!it->ns.isEmpty() && it->ns != ns)) {
            continue;
        }
        if (!watch && it->status == 410 && !hasContinue) {
            continue;
        }
        status = it->status;
        if (it->times > 0 && --it->times == 0) {
            m_faults.erase(it);
        }
        return true;
    }
    return false;
}

QList<KubeTestServer::Request> KubeTestServer::requests(const QString &resource, bool watch) const
{
    QList<Request> out;
    for (const Request &r : m_requests) {
        if (r.path.endsWith(u'/' + resource) && r.isWatch() == watch) {
            out.append(r);
        }
    }
    return out;
}

int KubeTestServer::openWatches(const QString &resource) const
{
    return int(std::count_if(m_streams.cbegin(), m_streams.cend(), [&resource](const std::shared_ptr<Stream> &s) {
        return s->socket && (resource.isEmpty() || s->resource == resource);
    }));
}

void KubeTestServer::accept()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        m_connections.insert(socket, std::make_shared<Connection>());
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_connections.remove(socket);
            for (qsizetype i = m_streams.size() - 1; i >= 0; --i) {
                if (m_streams[i]->socket == socket) {
                    if (m_streams[i]->timeout) {
                        m_streams[i]->timeout->stop();
                        m_streams[i]->timeout->deleteLater();
                    }
                    m_streams.removeAt(i);
                }
            }
            socket->deleteLater();
        });
    }
}

void KubeTestServer::read(QTcpSocket *socket)
{
    const std::shared_ptr<Connection> connection = m_connections.value(socket);
    if (!connection) {
        return;
    }
    connection->buffer += socket->readAll();
    while (!connection->streaming) {
        const qsizetype end = connection->buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            return;
        }
        const QByteArray head = connection->buffer.left(end);
        const QList<QByteArray> lines = head.split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        QByteArray auth;
        QByteArray contentType;
        qsizetype contentLength = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon < 0) {
                continue;
            }
            const QByteArray name = lines[i].left(colon).trimmed().toLower();
            const QByteArray value = lines[i].mid(colon + 1).trimmed();
            if (name == "authorization") {
                auth = value;
            } else if (name == "content-length") {
                contentLength = value.toLongLong();
            } else if (name == "content-type") {
                contentType = value;
            }
        }
        if (connection->buffer.size() < end + 4 + contentLength) {
            return;
        }
        const QByteArray body = connection->buffer.mid(end + 4, contentLength);
        connection->buffer.remove(0, end + 4 + contentLength);
        answer(socket, requestLine.value(0), requestLine.value(1), auth, contentType, body);
    }
}

void KubeTestServer::sendStatus(QTcpSocket *socket, int status, const QByteArray &body)
{
    socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status)
                  + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
                  + "\r\n\r\n" + body);
}

void KubeTestServer::answer(QTcpSocket *socket, const QByteArray &method, const QByteArray &target,
                            const QByteArray &auth, const QByteArray &contentType, const QByteArray &body)
{
    const QUrl url = QUrl::fromEncoded("http://127.0.0.1" + target);
    const QUrlQuery query(url);
    const QString path = url.path();
    if (m_recordRequests) {
        m_requests.append({method, path, query, auth, contentType, body});
    }
    if (!m_token.isEmpty() && auth != "Bearer " + m_token.toUtf8()) {
        sendStatus(socket, 401, statusBody(401));
        return;
    }
    if (method == "PATCH") {
        apply(socket, path, query, contentType, body);
        return;
    }
    if (method == "DELETE") {
        deleteObject(socket, path, query);
        return;
    }
    if (method == "POST" || method == "PUT") {
        write(socket, method, path, contentType, body);
        return;
    }
    if (QString group, version, ns, resource, name;
        method == "GET" && objectPath(path, group, version, ns, resource, name) && !listKind(resource).isEmpty()) {
        const QJsonObject stored = object(resource, ns, name);
        if (stored.isEmpty()) {
            sendStatus(socket, 404, statusWith(404, u"NotFound"_s, u"%1 \"%2\" not found"_s.arg(resource, name)));
        } else {
            sendStatus(socket, 200, QJsonDocument(stored).toJson(QJsonDocument::Compact));
        }
        return;
    }
    if (method == "GET" && (path == u"/api/v1"_s || path == u"/apis/apps/v1"_s)) {
        sendStatus(socket, 200,
                   readCorpusFile(path == u"/api/v1"_s
                                      ? u"kubernetes/objects/java-client__discovery-api-v1.APIResourceList.json"_s
                                      : u"kubernetes/objects/java-client__discovery-apps-v1.APIResourceList.json"_s));
        return;
    }
    // /api/v1[/namespaces/NS]/RESOURCE or /apis/GROUP/VERSION[/namespaces/NS]/RESOURCE
    QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    if (parts.size() >= 2 && parts[0] == u"api"_s) {
        parts = parts.mid(2);
    } else if (parts.size() >= 3 && parts[0] == u"apis"_s) {
        parts = parts.mid(3);
    } else {
        sendStatus(socket, 404, statusBody(404));
        return;
    }
    QString ns;
    if (parts.size() == 3 && parts[0] == u"namespaces"_s) {
        ns = parts[1];
        parts = parts.mid(2);
    }
    if (parts.size() != 1 || listKind(parts[0]).isEmpty() || method != "GET") {
        sendStatus(socket, 404, statusBody(404));
        return;
    }
    const QString resource = parts[0];
    const bool isWatch = query.queryItemValue(u"watch"_s) == u"1"_s;
    int status = 0;
    if (takeFault(resource, ns, isWatch, query.hasQueryItem(u"continue"_s), status)) {
        sendStatus(socket, status, statusBody(status, resource, ns));
        return;
    }
    if (isWatch) {
        watch(socket, resource, ns, query);
    } else {
        list(socket, resource, ns, query);
    }
}

QList<QByteArray> KubeTestServer::itemsOf(const QString &resource, const QString &ns, bool warningsOnly) const
{
    QList<QByteArray> out;
    const QMap<QString, QByteArray> objects = m_objects.value(resource);
    for (auto it = objects.cbegin(); it != objects.cend(); ++it) {
        if (!ns.isEmpty() && !it.key().startsWith(ns + u'/')) {
            continue;
        }
        if (warningsOnly && !it.value().contains("\"type\":\"Warning\"")) {
            continue;
        }
        out.append(it.value());
    }
    return out;
}

void KubeTestServer::list(QTcpSocket *socket, const QString &resource, const QString &ns, const QUrlQuery &query)
{
    const bool warningsOnly =
        QUrl::fromPercentEncoding(query.queryItemValue(u"fieldSelector"_s).toUtf8()) == u"type=Warning"_s;
    const QList<QByteArray> stored = itemsOf(resource, ns, warningsOnly);
    const bool withGenerated = resource == u"pods"_s && (ns.isEmpty() || ns == m_generatedNs);
    const qint64 total = stored.size() + (withGenerated ? m_generated : 0);
    qint64 limit = query.queryItemValue(u"limit"_s).toLongLong();
    if (limit <= 0) {
        limit = total;
    }
    qint64 offset = 0;
    qint64 version = m_version;
    const QString token = QUrl::fromPercentEncoding(query.queryItemValue(u"continue"_s).toUtf8());
    if (!token.isEmpty()) {
        const QJsonObject state = QJsonDocument::fromJson(QByteArray::fromBase64(token.toLatin1())).object();
        offset = state.value("start"_L1).toInteger();
        version = state.value("rv"_L1).toInteger();
    }
    QByteArray body = "{\"kind\":\"" + listKind(resource).toLatin1() + "\",\"apiVersion\":\"v1\",\"metadata\":{";
    body += "\"resourceVersion\":\"" + QByteArray::number(version) + '"';
    const qint64 end = std::min(total, offset + limit);
    if (end < total) {
        const QByteArray next =
            QJsonDocument(QJsonObject{{u"v"_s, u"meta.k8s.io/v1"_s}, {u"rv"_s, version}, {u"start"_s, end}})
                .toJson(QJsonDocument::Compact)
                .toBase64();
        body += ",\"continue\":\"" + next + '"';
        body += ",\"remainingItemCount\":" + QByteArray::number(total - end);
    }
    body += "},\"items\":[";
    for (qint64 i = offset; i < end; ++i) {
        if (i > offset) {
            body += ',';
        }
        body += i < stored.size() ? stored[i]
                                  : generatedPod(int(i - stored.size()), m_flipped.contains(int(i - stored.size())));
    }
    body += "]}";
    sendStatus(socket, 200, body);
}

void KubeTestServer::watch(QTcpSocket *socket, const QString &resource, const QString &ns, const QUrlQuery &query)
{
    const std::shared_ptr<Connection> connection = m_connections.value(socket);
    connection->streaming = true;
    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
    auto stream = std::make_shared<Stream>();
    stream->socket = socket;
    stream->resource = resource;
    stream->ns = ns;
    stream->warningsOnly =
        QUrl::fromPercentEncoding(query.queryItemValue(u"fieldSelector"_s).toUtf8()) == u"type=Warning"_s;
    const QString rvText = query.queryItemValue(u"resourceVersion"_s);
    const qint64 from = rvText.isEmpty() ? m_version : rvText.toLongLong();
    if (from < m_compactedBelow) {
        writeEvent(*stream, "{\"type\":\"ERROR\",\"object\":"
                                + QJsonDocument::fromJson(statusBody(410)).toJson(QJsonDocument::Compact) + '}');
        socket->write("0\r\n\r\n");
        connection->streaming = false;
        return;
    }
    for (const Change &c : std::as_const(m_history)) {
        if (c.version > from && c.resource == resource && (ns.isEmpty() || c.ns == ns)) {
            if (stream->warningsOnly && !c.object.contains("\"type\":\"Warning\"")) {
                continue;
            }
            writeEvent(*stream, "{\"type\":\"" + c.type + "\",\"object\":" + c.object + '}');
        }
    }
    const int timeoutSeconds = query.queryItemValue(u"timeoutSeconds"_s).toInt();
    if (timeoutSeconds > 0) {
        stream->timeout = new QTimer(this);
        stream->timeout->setSingleShot(true);
        connect(stream->timeout, &QTimer::timeout, this, [this, weak = std::weak_ptr<Stream>(stream)] {
            const std::shared_ptr<Stream> s = weak.lock();
            if (!s) {
                return;
            }
            m_streams.removeOne(s);
            s->timeout->deleteLater();
            if (s->socket) {
                s->socket->write("0\r\n\r\n");
                if (const std::shared_ptr<Connection> c = m_connections.value(s->socket)) {
                    c->streaming = false;
                }
            }
        });
        stream->timeout->start(timeoutSeconds * 1000);
    }
    m_streams.append(stream);
}

void KubeTestServer::writeEvent(Stream &stream, const QByteArray &line)
{
    if (stream.socket) {
        stream.socket->write(chunk(line + '\n'));
    }
}

void KubeTestServer::write(QTcpSocket *socket, const QByteArray &method, const QString &path,
                           const QByteArray &contentType, const QByteArray &body)
{
    // POST to a collection creates (409 AlreadyExists when the name is taken); PUT to an object replaces it, at the
    // resourceVersion the body names (409 Conflict when the object has changed since), as the API server does.
    QString group;
    QString version;
    QString ns;
    QString resource;
    QString name;
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    const QJsonObject sentMetadata = object.value("metadata"_L1).toObject();
    if (method == "POST") {
        // The collection: /apis/GROUP/VERSION/namespaces/NS/RESOURCE, or cluster scope.
        if (!objectPath(path + u"/-"_s, group, version, ns, resource, name)) {
            m_violations.append(u"POST %1: not a collection"_s.arg(path));
            sendStatus(socket, 404, statusBody(404));
            return;
        }
        name = sentMetadata.value("name"_L1).toString();
    } else if (!objectPath(path, group, version, ns, resource, name)) {
        m_violations.append(u"PUT %1: not an object path"_s.arg(path));
        sendStatus(socket, 404, statusBody(404));
        return;
    }
    if (listKind(resource).isEmpty() || !contentType.startsWith("application/json") || name.isEmpty()
        || sentMetadata.value("name"_L1).toString() != name
        || (!ns.isEmpty() && sentMetadata.contains("namespace"_L1) && sentMetadata.value("namespace"_L1) != ns)) {
        m_violations.append(
            u"%1 %2: the body does not name the object, or is not JSON"_s.arg(QString::fromLatin1(method), path));
        sendStatus(socket, 400, statusWith(400, u"BadRequest"_s, u"the name of the object does not match the URL"_s));
        return;
    }
    const QString key = ns + u'/' + name;
    const QByteArray existing = m_objects.value(resource).value(key);
    QJsonObject stored = object;
    QJsonObject metadata = sentMetadata;
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    const QString kind = listKind(resource).chopped(4);
    if (method == "POST") {
        if (!existing.isEmpty()) {
            sendStatus(
                socket, 409,
                statusWith(409, u"AlreadyExists"_s, u"%1.%2 \"%3\" already exists"_s.arg(resource, group, name)));
            return;
        }
        metadata[u"uid"_s] = QUuid::createUuid().toString(QUuid::WithoutBraces);
        metadata[u"creationTimestamp"_s] = now;
    } else {
        if (existing.isEmpty()) {
            sendStatus(socket, 404,
                       statusWith(404, u"NotFound"_s, u"%1.%2 \"%3\" not found"_s.arg(resource, group, name)));
            return;
        }
        const QJsonObject old = QJsonDocument::fromJson(existing).object().value("metadata"_L1).toObject();
        if (metadata.value("resourceVersion"_L1).toString() != old.value("resourceVersion"_L1).toString()) {
            sendStatus(
                socket, 409,
                statusWith(409, u"Conflict"_s,
                           u"Operation cannot be fulfilled on %1.%2 \"%3\": the object has been modified; please "
                           "apply your changes to the latest version and try again"_s.arg(resource, group, name)));
            return;
        }
        metadata[u"uid"_s] = old.value("uid"_L1);
        metadata[u"creationTimestamp"_s] = old.value("creationTimestamp"_L1);
    }
    if (!ns.isEmpty()) {
        metadata[u"namespace"_s] = ns;
    }
    metadata[u"resourceVersion"_s] = QString::number(++m_version);
    stored[u"metadata"_s] = metadata;
    stored[u"kind"_s] = kind;
    const QByteArray json = QJsonDocument(stored).toJson(QJsonDocument::Compact);
    m_objects[resource].insert(key, json);
    publish({m_version, resource, ns, existing.isEmpty() ? "ADDED" : "MODIFIED", json});
    sendStatus(socket, method == "POST" ? 201 : 200, json);
}

void KubeTestServer::deleteObject(QTcpSocket *socket, const QString &path, const QUrlQuery &query)
{
    QString group;
    QString version;
    QString ns;
    QString resource;
    QString name;
    if (!objectPath(path, group, version, ns, resource, name) || listKind(resource).isEmpty()) {
        m_violations.append(u"DELETE %1: not an object path"_s.arg(path));
        sendStatus(socket, 404, statusBody(404));
        return;
    }
    static const QStringList known = {u"propagationPolicy"_s, u"gracePeriodSeconds"_s, u"dryRun"_s};
    for (const auto &item : query.queryItems()) {
        if (!known.contains(item.first)) {
            m_violations.append(u"DELETE %1: unknown parameter %2"_s.arg(path, item.first));
        }
    }
    QJsonObject object = this->object(resource, ns, name);
    if (object.isEmpty()) {
        sendStatus(socket, 404, statusWith(404, u"NotFound"_s, u"%1 \"%2\" not found"_s.arg(resource, name)));
        return;
    }
    // As the recorded delete answer (errors/java-client__delete-success-response.json): the object, marked for
    // deletion; a namespace is Terminating until its contents are gone (here: at once).
    QJsonObject metadata = object.value("metadata"_L1).toObject();
    metadata.insert(u"deletionTimestamp"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    metadata.insert(u"deletionGracePeriodSeconds"_s, 0);
    object.insert(u"metadata"_s, metadata);
    if (resource == u"namespaces"_s) {
        QJsonObject status = object.value("status"_L1).toObject();
        status.insert(u"phase"_s, u"Terminating"_s);
        object.insert(u"status"_s, status);
    }
    remove(resource, ns, name);
    sendStatus(socket, 200, QJsonDocument(object).toJson(QJsonDocument::Compact));
}

void KubeTestServer::apply(QTcpSocket *socket, const QString &path, const QUrlQuery &query,
                           const QByteArray &contentType, const QByteArray &body)
{
    QString group;
    QString version;
    QString ns;
    QString resource;
    QString name;
    if (!objectPath(path, group, version, ns, resource, name)) {
        m_violations.append(u"PATCH %1: not an object path"_s.arg(path));
        sendStatus(socket, 404, statusBody(404));
        return;
    }
    if (contentType != "application/apply-patch+yaml") {
        m_violations.append(u"PATCH %1 with Content-Type %2"_s.arg(path, QString::fromLatin1(contentType)));
        sendStatus(socket, 415,
                   statusWith(415, u"UnsupportedMediaType"_s,
                              u"the body of the request was in an unknown format - accepted media types include: "
                              "application/json-patch+json, application/merge-patch+json, "
                              "application/apply-patch+yaml"_s));
        return;
    }
    static const QStringList known = {u"fieldManager"_s, u"force"_s, u"dryRun"_s, u"fieldValidation"_s, u"pretty"_s};
    for (const auto &item : query.queryItems()) {
        if (!known.contains(item.first)) {
            m_violations.append(u"PATCH %1: unknown parameter %2"_s.arg(path, item.first));
        }
    }
    const QString manager = query.queryItemValue(u"fieldManager"_s, QUrl::FullyDecoded);
    const QString force = query.queryItemValue(u"force"_s);
    const QString dryRun = query.queryItemValue(u"dryRun"_s);
    if (manager.isEmpty() || (!force.isEmpty() && force != u"true"_s && force != u"false"_s)
        || (!dryRun.isEmpty() && dryRun != u"All"_s)) {
        m_violations.append(u"PATCH %1: fieldManager, force or dryRun wrong"_s.arg(path));
        sendStatus(socket, 422,
                   statusWith(422, u"Invalid"_s, u"fieldManager: Required value: is required for apply patch"_s));
        return;
    }
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        m_violations.append(u"PATCH %1: the body is not a JSON object"_s.arg(path));
        sendStatus(socket, 400, statusWith(400, u"BadRequest"_s, u"error decoding YAML: the body is not an object"_s));
        return;
    }
    QJsonObject applied = document.object();
    QJsonObject metadata = applied.value("metadata"_L1).toObject();
    const QString groupVersion = group.isEmpty() ? version : group + u'/' + version;
    if (applied.value("apiVersion"_L1).toString() != groupVersion || applied.value("kind"_L1).toString().isEmpty()) {
        m_violations.append(u"PATCH %1: apiVersion/kind of the body do not fit the path"_s.arg(path));
    }
    if (metadata.value("name"_L1).toString() != name) {
        m_violations.append(u"PATCH %1: the body names another object"_s.arg(path));
        sendStatus(socket, 400,
                   statusWith(400, u"BadRequest"_s,
                              u"the name of the object (%1) does not match the name on the URL (%2)"_s.arg(
                                  metadata.value("name"_L1).toString(), name)));
        return;
    }
    if (!metadata.value("namespace"_L1).toString().isEmpty() && metadata.value("namespace"_L1).toString() != ns) {
        m_violations.append(u"PATCH %1: the body is in another namespace"_s.arg(path));
        sendStatus(
            socket, 400,
            statusWith(400, u"BadRequest"_s,
                       u"the namespace of the provided object does not match the namespace sent on the request"_s));
        return;
    }
    int status = 0;
    if (takeApplyFault(resource, force == u"true"_s, status)) {
        sendStatus(socket, status, statusBody(status, resource, ns, u"patch"_s, name, group));
        return;
    }

    const QString key = ns + u'/' + name;
    const QByteArray existing = m_objects.value(resource).value(key);
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    const QJsonObject managed{{u"manager"_s, manager},
                              {u"operation"_s, u"Apply"_s},
                              {u"apiVersion"_s, groupVersion},
                              {u"time"_s, now},
                              {u"fieldsType"_s, u"FieldsV1"_s}};
    QJsonObject object;
    if (existing.isEmpty()) {
        object = applied;
        metadata[u"uid"_s] = QUuid::createUuid().toString(QUuid::WithoutBraces);
        metadata[u"creationTimestamp"_s] = now;
        metadata[u"generation"_s] = 1;
        metadata[u"managedFields"_s] = QJsonArray{managed};
    } else {
        const QJsonObject before = QJsonDocument::fromJson(existing).object();
        object = merged(before, applied);
        const QJsonObject old = before.value("metadata"_L1).toObject();
        metadata = merged(old, metadata);
        metadata[u"uid"_s] = old.value("uid"_L1);
        metadata[u"creationTimestamp"_s] = old.value("creationTimestamp"_L1);
        const bool specChanged = object.value("spec"_L1) != before.value("spec"_L1);
        metadata[u"generation"_s] = old.value("generation"_L1).toInt(1) + (specChanged ? 1 : 0);
        QJsonArray managers;
        for (const QJsonValue &entry : old.value("managedFields"_L1).toArray()) {
            if (entry.toObject().value("manager"_L1).toString() != manager) {
                managers.append(entry);
            }
        }
        managers.append(managed);
        metadata[u"managedFields"_s] = managers;
    }
    if (!ns.isEmpty()) {
        metadata[u"namespace"_s] = ns;
    }
    const bool dry = dryRun == u"All"_s;
    if (!dry) {
        metadata[u"resourceVersion"_s] = QString::number(++m_version);
    }
    object[u"metadata"_s] = metadata;
    const QByteArray json = QJsonDocument(object).toJson(QJsonDocument::Compact);
    if (!dry) {
        m_objects[resource].insert(key, json);
        publish({m_version, resource, ns, existing.isEmpty() ? "ADDED" : "MODIFIED", json});
    }
    sendStatus(socket, existing.isEmpty() ? 201 : 200, json);
}

} // namespace Portolan::Test
