#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrlQuery>

#include <memory>
#include <optional>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;

namespace Portolan::Test {

// The parts of Backstage's catalog API a Backstage source uses, on QHttpServer at 127.0.0.1 (a port chosen by the
// OS): GET /api/catalog/entities/by-query (limit, opaque cursor, filter), GET /api/catalog/entities/by-name/...,
// POST /api/catalog/refresh, a bearer token check (401 with Backstage's ErrorResponse shape), and faults on demand.
// Answers follow plugins/catalog-backend/src/schema/openapi.yaml; the entities are the catalog-model examples of
// ../shared/corpus/backstage as the catalog serves them (namespace filled, uid/etag, relations, location annotations).
class BackstageTestServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackstageTestServer)

public:
    struct Fault
    {
        enum class Kind {
            Status, // an error answer: `status`, Backstage's error JSON, Retry-After when `retryAfterSeconds` >= 0
            CutOff, // the full Content-Length announced, half the JSON sent, then the connection closed
            Stall, // headers and part of the JSON, then nothing
            EmptyItems, // a page with the real totalItems and nextCursor but no items
            RepeatCursor, // a page whose nextCursor is the cursor it was asked with
        };
        Kind kind = Kind::Status;
        int status = 500;
        int retryAfterSeconds = -1;
        QString path = QStringLiteral("/api/catalog/entities/by-query"); // requests whose path starts with this
        int skip = 0; // matching requests answered normally first
        int times = 1; // matching requests it applies to then; -1: every one
    };

    struct Request
    {
        QByteArray method;
        QString path;
        QUrlQuery query;
        QByteArray authorization;
        QByteArray body;
    };

    explicit BackstageTestServer(QObject *parent = nullptr);
    ~BackstageTestServer() override;

    [[nodiscard]] bool listen();
    [[nodiscard]] QString url() const; // http://127.0.0.1:<port>

    void setToken(const QString &token); // the bearer token required; empty: none
    void setEntities(QList<QJsonObject> entities);
    [[nodiscard]] const QList<QJsonObject> &entities() const { return m_entities; }
    bool replaceEntity(const QJsonObject &entity); // the one with the same kind, namespace and name
    bool removeEntity(const QString &kind, const QString &ns, const QString &name);
    void injectFault(const Fault &fault);
    void clearFaults() { m_faults.clear(); }

    [[nodiscard]] const QList<Request> &requests() const { return m_requests; }
    [[nodiscard]] QList<Request> requests(const QString &path) const;
    void clearRequests() { m_requests.clear(); }

    // The examples of packages/catalog-model/examples that Backstage accepts, as its catalog serves them.
    [[nodiscard]] static QList<QJsonObject> exampleEntities();
    // `count` entities: the examples, then copies of them with numbered names ("petstore-2", ...).
    [[nodiscard]] static QList<QJsonObject> replicate(const QList<QJsonObject> &examples, int count);
    // "kind:namespace/name" with kind and namespace lower-cased, as Backstage's stringifyEntityRef.
    [[nodiscard]] static QString refOf(const QJsonObject &entity);
    // What a Backstage answer with this entity becomes when the source drops the server-side fields.
    [[nodiscard]] static QJsonObject withoutServerFields(const QJsonObject &entity);

private:
    void byQuery(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void byName(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void refresh(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    // Records the request, checks the token and applies a fault; true when the request was answered here.
    bool intercept(const QHttpServerRequest &request, QHttpServerResponder &responder, std::optional<Fault> &pageFault);
    void write(QHttpServerResponder &responder, int status, const QByteArray &body,
               const QList<QPair<QByteArray, QByteArray>> &headers = {}, const Fault *fault = nullptr);
    void writeError(QHttpServerResponder &responder, const QHttpServerRequest &request, int status, const QString &name,
                    const QString &message, int retryAfter = -1);

    std::unique_ptr<QHttpServer> m_server;
    quint16 m_port = 0;
    QString m_token;
    QList<QJsonObject> m_entities;
    QList<Fault> m_faults;
    QList<Request> m_requests;
};

} // namespace Portolan::Test
