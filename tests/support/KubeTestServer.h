#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <memory>

class QTcpServer;
class QTcpSocket;
class QTimer;

namespace Portolan::Test {

// A Kubernetes API server for tests, on a raw QTcpServer at 127.0.0.1 (HTTP/1.1, keep-alive), serving the recorded
// objects of ../shared/corpus/kubernetes:
//   GET /api/v1[/namespaces/NS]/RESOURCE and /apis/GROUP/VERSION[/namespaces/NS]/RESOURCE
//     list: `limit` and `continue` paging (the token is opaque: base64 of the list's resourceVersion and the next
//     offset, like the API server's), `fieldSelector=type=Warning` for events; kind `<Kind>List`, the list's
//     metadata.resourceVersion and metadata.continue as the recorded lists have them.
//     watch=1: a chunked stream of one WatchEvent per line from `resourceVersion` on (the history since then, then
//     every new change), BOOKMARKs on demand, ended after `timeoutSeconds`; a resourceVersion older than the
//     compacted history gets `{"type":"ERROR","object":<the recorded 410 Status>}` as a real server sends it.
//   Status errors from corpus/kubernetes/errors: 404 (a resource not served), 410 (an expired continue token),
//   500; 401 and 403 use the recorded Status shape with the API server's Unauthorized/Forbidden code, reason and
//   message (the 403 files named in corpus SOURCES.md are not in the corpus).
//   PATCH <object path>?fieldManager=M[&force=true][&dryRun=All] with Content-Type application/apply-patch+yaml:
//     server-side apply of the JSON body (JSON is YAML). The body must name the URL's object (apiVersion, name,
//     namespace); a new object gets uid, resourceVersion, creationTimestamp, generation and managedFields and is
//     answered 201, an existing one is merged (maps field by field, lists and values replaced; no field ownership is
//     tracked) and answered 200. dryRun=All answers without storing. Changes are seen by lists and watches.
//   POST <collection> with a JSON object: creates it (uid, creationTimestamp, resourceVersion), 201; a name that is
//     taken gets 409 AlreadyExists. PUT <object path>: replaces the object when the body's metadata.resourceVersion is
//     the stored one, 200, else 409 Conflict with the API server's message (optimistic concurrency, as Lease holders
//     rely on). Both for the kinds it lists (leases: coordination.k8s.io/v1).
//   GET <object path> (/api/v1/namespaces/NAME, /apis/apps/v1/namespaces/NS/deployments/NAME): the object, or 404.
//   DELETE <object path>[?propagationPolicy=P]: removes the object (watches see DELETED) and answers 200 with it
//     marked for deletion (deletionTimestamp; a namespace Terminating), as the recorded delete answer is; a missing
//     object gets 404 NotFound.
//   GET /api/v1 and /apis/apps/v1: the recorded APIResourceLists (discovery); other groups answer 404.
// Changes made through the API below get the server's next resourceVersion, as an API server assigns it. It records
// every request (path, query, Authorization). Lives on the thread that made it; the event loop must run.
class KubeTestServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KubeTestServer)

public:
    struct Request
    {
        QByteArray method;
        QString path;
        QUrlQuery query;
        QByteArray authorization;
        QByteArray contentType;
        QByteArray body;
        [[nodiscard]] bool isWatch() const { return query.queryItemValue(QStringLiteral("watch")) == u"1"; }
    };

    explicit KubeTestServer(QObject *parent = nullptr);
    ~KubeTestServer() override;

    [[nodiscard]] bool listen(quint16 port = 0);
    [[nodiscard]] QUrl url() const;
    [[nodiscard]] quint16 port() const;

    void setToken(const QString &token); // the bearer token required; empty: none
    void setRecordRequests(bool record) { m_recordRequests = record; }

    // Objects: `resource` is the plural (pods, deployments, ...). Items keep their namespace.
    void addObject(const QString &resource, QJsonObject object);
    // Adds the items of a recorded list file (relative to corpus/kubernetes/lists); returns how many.
    int loadList(const QString &resource, const QString &file);
    // `count` pods made from `recorded` (name, uid, labels `app` (one per 100 pods) and pod-template-hash (one per
    // 10), owner ReplicaSet varied), in namespace `ns`; served without keeping a JSON object per pod.
    void generatePods(const QJsonObject &recorded, int count, const QString &ns);
    [[nodiscard]] static QJsonObject generatedPodTemplate(); // the recorded pod generatePods() is usually given

    // Changes that watches see (and later lists): ADDED/MODIFIED (by namespace and name), DELETED.
    void upsert(const QString &resource, QJsonObject object);
    bool remove(const QString &resource, const QString &ns, const QString &name);
    // MODIFIED of generated pod `index` (its phase flipped between Running and Pending, for benchmarks).
    void touchGeneratedPod(int index);
    // Replays a recorded watch stream (corpus/kubernetes/watch/FILE, one WatchEvent per line) as changes of
    // `resource`, one every `delayMs`; returns the number of events.
    int replay(const QString &resource, const QString &file, int delayMs);
    void bookmark(const QString &resource); // a BOOKMARK at the current resourceVersion to open watches
    // Forgets the change history: watches from an older resourceVersion get the in-stream 410 ERROR.
    void compact();
    // Ends every open watch of `resource` (every resource when empty) by closing the connection mid-stream.
    void dropWatches(const QString &resource = {});
    // Sends the recorded 410 Status as an ERROR event on every open watch of `resource`.
    void sendExpired(const QString &resource);

    // Faults on lists: answer `status` (401, 403, 404, 410, 500) for requests of `resource` in `ns` (any namespace
    // when empty) `times` times (-1: always). For 410 only requests carrying a continue token are answered so.
    void failList(const QString &resource, int status, const QString &ns = {}, int times = -1);
    void failWatch(const QString &resource, int status, int times = 1);
    // Faults on server-side apply of `resource` objects: 403 (the recorded Status shape with RBAC's "cannot patch"
    // message) or 409 (the recorded 409 Status; not given to a forced apply, as force takes conflicting fields over).
    void failApply(const QString &resource, int status, int times = 1);
    void clearFaults();

    // A stored object (as the server keeps it after an apply), or an empty object.
    [[nodiscard]] QJsonObject object(const QString &resource, const QString &ns, const QString &name) const;
    [[nodiscard]] int objectCount(const QString &resource) const;
    // Requests that broke the API's rules (wrong content type, a body that does not name the URL's object, unknown
    // parameters), one line each.
    [[nodiscard]] const QStringList &violations() const { return m_violations; }

    [[nodiscard]] const QList<Request> &requests() const { return m_requests; }
    [[nodiscard]] QList<Request> requests(const QString &resource, bool watch) const;
    void clearRequests() { m_requests.clear(); }
    [[nodiscard]] int openWatches(const QString &resource = {}) const;
    [[nodiscard]] qint64 resourceVersion() const { return m_version; }

    // The recorded Status body for `status` (see the class comment). For 403 the message is RBAC's: `verb` on
    // `resource` (of API `group`, object `name` when one is named) in `ns`.
    [[nodiscard]] static QByteArray statusBody(int status, const QString &resource = {}, const QString &ns = {},
                                               const QString &verb = QStringLiteral("list"), const QString &name = {},
                                               const QString &group = {});

private:
    struct Connection;
    struct Stream;
    struct Fault
    {
        QString resource;
        QString ns;
        int status = 0;
        int times = -1;
        bool watch = false;
        bool apply = false;
    };
    struct Change
    {
        qint64 version = 0;
        QString resource;
        QString ns;
        QByteArray type;
        QByteArray object; // compact JSON
    };

    void accept();
    void read(QTcpSocket *socket);
    void answer(QTcpSocket *socket, const QByteArray &method, const QByteArray &target, const QByteArray &auth,
                const QByteArray &contentType, const QByteArray &body);
    void apply(QTcpSocket *socket, const QString &path, const QUrlQuery &query, const QByteArray &contentType,
               const QByteArray &body);
    void sendStatus(QTcpSocket *socket, int status, const QByteArray &body);
    void list(QTcpSocket *socket, const QString &resource, const QString &ns, const QUrlQuery &query);
    void watch(QTcpSocket *socket, const QString &resource, const QString &ns, const QUrlQuery &query);
    void publish(const Change &change);
    void writeEvent(Stream &stream, const QByteArray &line);
    bool takeFault(const QString &resource, const QString &ns, bool watch, bool hasContinue, int &status);
    void deleteObject(QTcpSocket *socket, const QString &path, const QUrlQuery &query);
    void write(QTcpSocket *socket, const QByteArray &method, const QString &path, const QByteArray &contentType,
               const QByteArray &body);
    bool takeApplyFault(const QString &resource, bool force, int &status);
    [[nodiscard]] QList<QByteArray> itemsOf(const QString &resource, const QString &ns, bool warningsOnly) const;
    [[nodiscard]] QByteArray generatedPod(int index, bool flipped) const;

    std::unique_ptr<QTcpServer> m_server;
    QString m_token;
    bool m_recordRequests = true;
    qint64 m_version = 1000;
    qint64 m_compactedBelow = 0;
    // resource -> "ns/name" -> compact JSON, in name order
    QHash<QString, QMap<QString, QByteArray>> m_objects;
    QList<Change> m_history;
    QList<Fault> m_faults;
    QList<Request> m_requests;
    QStringList m_violations;
    QHash<QTcpSocket *, std::shared_ptr<Connection>> m_connections;
    QList<std::shared_ptr<Stream>> m_streams;
    // generated pods
    QByteArray m_podTemplate;
    QString m_generatedNs;
    int m_generated = 0;
    QSet<int> m_flipped;
};

} // namespace Portolan::Test
