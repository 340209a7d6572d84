// portolan-gen: writes a synthetic Backstage workspace of N entities shaped like the Northwind Freight demo
// (resources/demo): an organisation of departments, teams and users; domains, systems, components, APIs and
// resources with owners, systems, providesApis/consumesApis, dependsOn with kind prefixes, tags, links, labels,
// annotations and descriptions; multi-document files in sharded folders reached from a root Location through
// globs and nested Locations; API definitions inline or read through $text. Every reference resolves.
//
// The output depends only on --count and --seed: the random generator is our own (splitmix64), not a standard
// distribution whose results differ between standard libraries.
#include <QByteArray>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QList>
#include <QString>
#include <QTextStream>

#include <algorithm>
#include <array>
#include <cstdio>
#include <vector>

using namespace Qt::StringLiterals;

namespace Portolan::Bench {

namespace {

class Rng final
{
public:
    explicit Rng(quint64 seed)
        : m_state(seed)
    { }

    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return n <= 0 ? 0 : int(next() % quint64(n)); }
    int between(int lo, int hi) { return lo + below(hi - lo + 1); }
    bool chance(double p) { return double(next() >> 11) * 0x1.0p-53 < p; }
    template<typename T>
    const T &pick(const std::vector<T> &v)
    {
        return v[std::size_t(below(int(v.size())))];
    }

private:
    quint64 m_state;
};

using Words = std::vector<QByteArray>;

// One business area of the fictional carrier: the nouns its names are made of and the things it handles.
struct Area
{
    QByteArray slug;
    QByteArray title;
    Words nouns;
    Words objects;
};

const std::vector<Area> &areas()
{
    static const std::vector<Area> list = {
        {"shipping",
         "Shipping & Logistics",
         {"shipment", "booking", "label", "pickup", "waybill", "parcel", "tracking", "customs", "dock", "route", "eta",
          "tariff", "freight", "linehaul"},
         {"shipments", "waybills", "pickup slots", "customs declarations", "delivery routes", "parcel labels",
          "tracking events", "tariff tables", "proof-of-delivery scans", "linehaul schedules"}},
        {"warehousing",
         "Warehousing",
         {"warehouse", "inventory", "picking", "packing", "slotting", "stock", "pallet", "putaway", "returns"},
         {"stock levels", "pick lists", "pallets", "bin locations", "inbound deliveries", "returns", "cycle counts",
          "packing stations"}},
        {"fleet",
         "Fleet & Drivers",
         {"fleet", "vehicle", "driver", "telematics", "fuel", "maintenance", "depot", "tachograph"},
         {"vehicle telemetry", "driver shifts", "fuel cards", "maintenance orders", "tachograph files", "depot rosters",
          "GPS positions"}},
        {"payments",
         "Payments & Billing",
         {"payment", "invoice", "ledger", "refund", "billing", "fraud", "settlement", "payout", "tax", "pricing",
          "quote", "dunning"},
         {"payments", "invoices", "refunds", "ledger entries", "card authorisations", "payouts", "VAT returns",
          "price quotes", "dunning letters", "chargebacks"}},
        {"customer",
         "Customer",
         {"customer", "profile", "identity", "account", "notification", "consent", "loyalty", "partner", "support",
          "feedback"},
         {"customer profiles", "consents", "notifications", "loyalty points", "partner accounts", "support tickets",
          "login sessions", "delivery preferences"}},
        {"platform",
         "Platform",
         {"gateway", "auth", "flag", "config", "audit", "metrics", "alert", "search", "event", "scheduler", "secret",
          "storage", "build"},
         {"feature flags", "audit events", "access tokens", "alerts", "build artefacts", "secrets", "service configs",
          "cron jobs", "search documents"}},
        {"data",
         "Data & Analytics",
         {"analytics", "forecast", "lakehouse", "report", "dataset", "feature", "model", "experiment"},
         {"demand forecasts", "KPI reports", "training datasets", "experiment results", "event streams", "dashboards",
          "model features"}},
    };
    return list;
}

const Words &regions()
{
    static const Words list = {"nordics", "iberia", "benelux", "dach",    "uk",   "france",
                               "italy",   "poland", "baltics", "balkans", "alps", "ireland"};
    return list;
}

const Words &firstNames()
{
    static const Words list = {"fatima", "daniel", "yuki",   "oliver", "emily", "diego", "margaret", "amara",  "lukas",
                               "sofia",  "mateo",  "ingrid", "kwame",  "priya", "chen",  "noah",     "elena",  "omar",
                               "hannah", "ravi",   "zofia",  "tomas",  "aisha", "jonas", "mei",      "pierre", "leila",
                               "marco",  "nina",   "samuel", "ana",    "bjorn", "grace", "hiro",     "isabel", "jakub"};
    return list;
}

const Words &lastNames()
{
    static const Words list = {
        "zahra",   "cohen",    "tanaka",  "bennett", "chen",      "alvarez", "okafor", "nwosu",     "schmidt",
        "rossi",   "garcia",   "larsen",  "mensah",  "sharma",    "wang",    "martin", "petrova",   "haddad",
        "weber",   "iyer",     "nowak",   "novak",   "bello",     "berg",    "li",     "dubois",    "karimi",
        "bianchi", "kowalski", "adeyemi", "costa",   "lindqvist", "murphy",  "sato",   "fernandez", "dvorak"};
    return list;
}

const Words &verbs()
{
    static const Words list = {"Creates, looks up and cancels",
                               "Ingests and normalises",
                               "Reconciles",
                               "Schedules",
                               "Scores",
                               "Publishes",
                               "Aggregates",
                               "Validates and stores",
                               "Prices",
                               "Routes",
                               "Forecasts",
                               "Archives",
                               "Deduplicates",
                               "Enriches",
                               "Exports",
                               "Tracks"};
    return list;
}

const Words &extras()
{
    static const Words list = {"emits lifecycle events",
                               "runs nightly as a batch",
                               "part of the PCI zone",
                               "backed by PostgreSQL",
                               "exposes a gRPC API",
                               "consumed by the partner portal",
                               "replaces the legacy mainframe job",
                               "holds personal data (GDPR)",
                               "scales out for the Monday peak",
                               "read-heavy, cached at the edge",
                               "idempotent retries with outbox",
                               "multi-region active/passive"};
    return list;
}

const Words &languages()
{
    static const Words list = {"java", "kotlin", "python", "go", "typescript", "rust", "scala", "csharp"};
    return list;
}

const Words &extraTags()
{
    static const Words list = {"rest",   "grpc",       "graphql", "kafka",         "amqp",    "postgres",
                               "redis",  "kubernetes", "pci",     "gdpr",          "ml",      "tier-1",
                               "tier-2", "legacy",     "batch",   "geospatial",    "barcode", "accounting",
                               "react",  "mobile",     "edi",     "observability", "search",  "s3"};
    return list;
}

QByteArray num(qsizetype n)
{
    return QByteArray::number(n);
}

QByteArray capitalised(const QByteArray &word)
{
    QByteArray out = word;
    if (!out.isEmpty() && out[0] >= 'a' && out[0] <= 'z') {
        out[0] = char(out[0] - 'a' + 'A');
    }
    return out;
}

// "shipment-router-17" -> "Shipment Router 17"
QByteArray titleOf(const QByteArray &name)
{
    QByteArray out;
    for (const QByteArray &part : name.split('-')) {
        if (!out.isEmpty()) {
            out += ' ';
        }
        out += part == "api" ? QByteArray("API") : capitalised(part);
    }
    return out;
}

// A YAML scalar, quoted when a plain scalar would be read differently.
QByteArray scalar(const QByteArray &s)
{
    const bool plain = !s.isEmpty() && ((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z'))
                       && !s.contains(':') && !s.contains('#') && !s.contains('\'') && !s.contains('"');
    if (plain) {
        return s;
    }
    QByteArray escaped = s;
    escaped.replace('\'', "''");
    return '\'' + escaped + '\'';
}

struct Link
{
    QByteArray url;
    QByteArray title;
    QByteArray icon;
};

// The metadata every kind shares.
struct Meta
{
    QByteArray name;
    QByteArray title;
    QByteArray description;
    std::vector<std::pair<QByteArray, QByteArray>> labels;
    Words tags;
    std::vector<Link> links;
    std::vector<std::pair<QByteArray, QByteArray>> annotations;
};

void writeMeta(QByteArray &y, const QByteArray &kind, const Meta &m)
{
    y += "apiVersion: backstage.io/v1alpha1\nkind: " + kind + "\nmetadata:\n  name: " + m.name + '\n';
    if (!m.title.isEmpty()) {
        y += "  title: " + scalar(m.title) + '\n';
    }
    if (!m.description.isEmpty()) {
        y += "  description: " + scalar(m.description) + '\n';
    }
    if (!m.labels.empty()) {
        y += "  labels:\n";
        for (const auto &[k, v] : m.labels) {
            y += "    " + k + ": '" + v + "'\n";
        }
    }
    if (!m.tags.empty()) {
        y += "  tags:\n";
        for (const QByteArray &t : m.tags) {
            y += "    - " + t + '\n';
        }
    }
    if (!m.links.empty()) {
        y += "  links:\n";
        for (const Link &l : m.links) {
            y += "    - url: " + l.url + "\n      title: " + scalar(l.title) + "\n      icon: " + l.icon + '\n';
        }
    }
    if (!m.annotations.empty()) {
        y += "  annotations:\n";
        for (const auto &[k, v] : m.annotations) {
            y += "    " + k + ": " + scalar(v) + '\n';
        }
    }
}

void writeList(QByteArray &y, const char *field, const Words &items, bool emptyAsFlow = false)
{
    if (items.empty()) {
        if (emptyAsFlow) {
            y += "  " + QByteArray(field) + ": []\n";
        }
        return;
    }
    y += "  " + QByteArray(field) + ":\n";
    for (const QByteArray &item : items) {
        y += "    - " + item + '\n';
    }
}

struct Department
{
    QByteArray name;
    int area = 0;
    std::vector<int> teams;
};

struct Team
{
    QByteArray name;
    int department = 0;
    int area = 0;
    std::vector<int> users;
};

struct User
{
    QByteArray name;
    QByteArray display;
    std::vector<int> teams;
};

struct Domain
{
    QByteArray name;
    QByteArray title;
    int area = 0;
    int ownerDepartment = 0;
};

struct System
{
    QByteArray name;
    int domain = 0;
    int area = 0;
    int owner = 0; // team
    std::vector<int> components;
    std::vector<int> resources;
};

struct Resource
{
    QByteArray name;
    int type = 0;
    int system = 0;
    QByteArray owner;
    Words dependsOn;
};

struct Api
{
    QByteArray name;
    int type = 0; // openapi, asyncapi, grpc, graphql
    int system = 0;
    QByteArray owner;
    bool external = false; // definition read through $text
    QByteArray definitionPath; // relative to the catalog folder
};

struct Component
{
    QByteArray name;
    int type = 0; // service, website, library
    int system = -1;
    int area = 0;
    QByteArray owner;
    int lifecycle = 0;
    Words provides;
    Words consumes;
    Words dependsOn;
    QByteArray subcomponentOf;
};

struct Counts
{
    int domains = 0;
    int departments = 0;
    int teams = 0;
    int users = 0;
    int systems = 0;
    int components = 0;
    int apis = 0;
    int resources = 0;
    int nestedLocations = 0;

    [[nodiscard]] int groups() const { return 1 + departments + teams; }
    [[nodiscard]] int locations() const { return 1 + nestedLocations; }
    [[nodiscard]] int total() const
    {
        return domains + groups() + users + systems + components + apis + resources + locations();
    }
};

// Proportions of the issue: ~2% groups, ~10% users, ~1% systems, ~20% APIs, ~15% resources, a few domains, the
// rest components (~50%); the demo has the same mix with more people, as a small company would.
Counts countsFor(int n)
{
    Counts c;
    c.domains = std::clamp(n / 5000, 4, 40);
    const int groups = std::max(3, n * 2 / 100);
    c.departments = std::max(1, groups / 15);
    c.teams = std::max(1, groups - 1 - c.departments);
    c.users = std::max(1, n * 10 / 100);
    c.systems = std::max(2, n / 100);
    c.apis = std::max(1, n * 20 / 100);
    c.resources = std::max(1, n * 15 / 100);
    c.nestedLocations = std::max(1, n / 10000);
    const int rest = n - (c.total() - c.components);
    c.components = std::max(1, rest);
    return c;
}

const std::array<QByteArray, 3> componentTypes = {"service", "website", "library"};
const std::array<QByteArray, 3> lifecycles = {"production", "experimental", "deprecated"};
const std::array<QByteArray, 4> apiTypes = {"openapi", "asyncapi", "grpc", "graphql"};
struct ResourceType
{
    QByteArray type;
    QByteArray suffix;
    QByteArray engine;
    QByteArray what; // description start
};
const std::array<ResourceType, 6> resourceTypes = {{
    {"database", "db", "postgres", "PostgreSQL 15 database holding"},
    {"kafka-topic", "topic", "kafka", "Kafka topic carrying changes to"},
    {"s3-bucket", "bucket", "s3", "Object storage bucket archiving"},
    {"cache", "cache", "redis", "Redis cache of"},
    {"queue", "queue", "rabbitmq", "RabbitMQ queue of jobs for"},
    {"cluster", "cluster", "kubernetes", "Shared cluster running the workloads for"},
}};

class Generator final
{
public:
    Generator(int count, quint64 seed, QString outDir)
        : m_rng(seed)
        , m_seed(seed)
        , m_out(std::move(outDir))
        , m_counts(countsFor(count))
    { }

    bool run();
    [[nodiscard]] const Counts &counts() const { return m_counts; }
    [[nodiscard]] qint64 files() const { return m_files; }
    [[nodiscard]] qint64 bytes() const { return m_bytes; }
    [[nodiscard]] qint64 declaredRefs() const { return m_refs; }

private:
    void makeOrganisation();
    void makeDomainsAndSystems();
    void makeResources();
    void makeComponents();
    void makeApis();
    void linkComponents();

    QByteArray objects(int area) { return m_rng.pick(areas()[std::size_t(area)].objects); }
    QByteArray noun(int area) { return m_rng.pick(areas()[std::size_t(area)].nouns); }
    Words tags(int min, int max, const QByteArray &first = {});
    QByteArray teamOwner(int area, int preferred);
    QByteArray definitionText(const Api &api, int paths);

    QByteArray groupDoc(const QByteArray &name, const QByteArray &type, const QByteArray &description,
                        const QByteArray &parent, const Words &children, const Words &members);
    QByteArray userDoc(const User &u);
    QByteArray domainDoc(const Domain &d);
    QByteArray systemDoc(const System &s);
    QByteArray resourceDoc(const Resource &r);
    QByteArray apiDoc(const Api &a, const QByteArray &relativeDefinition);
    QByteArray componentDoc(const Component &c);

    // Writes documents into files of 1-10 documents, in shard folders of at most 100 files below `folder`.
    void writeChunked(const QString &folder, const std::vector<QByteArray> &docs, const std::vector<QByteArray> &names,
                      bool sharded, const QByteArray &comment);
    bool writeFile(const QString &relative, const QByteArray &data);

    Rng m_rng;
    quint64 m_seed;
    QString m_out;
    Counts m_counts;
    bool m_ok = true;
    qint64 m_files = 0;
    qint64 m_bytes = 0;
    qint64 m_refs = 0;
    bool m_people = false; // users whose teams were full have files of their own

    std::vector<Department> m_departments;
    std::vector<Team> m_teams;
    std::vector<std::vector<int>> m_teamsByArea;
    std::vector<User> m_users;
    std::vector<Domain> m_domains;
    std::vector<System> m_systems;
    std::vector<Resource> m_resources;
    std::vector<Api> m_apis;
    std::vector<Component> m_components;
};

Words Generator::tags(int min, int max, const QByteArray &first)
{
    Words out;
    if (!first.isEmpty()) {
        out.push_back(first);
    }
    const int n = m_rng.between(min, max);
    while (int(out.size()) < n) {
        const QByteArray t = m_rng.pick(extraTags());
        if (std::find(out.begin(), out.end(), t) == out.end()) {
            out.push_back(t);
        }
    }
    return out;
}

QByteArray Generator::teamOwner(int area, int preferred)
{
    if (preferred >= 0 && m_rng.chance(0.75)) {
        return m_teams[std::size_t(preferred)].name;
    }
    const std::vector<int> &local = m_teamsByArea[std::size_t(area)];
    const int team = local.empty() ? m_rng.below(int(m_teams.size())) : m_rng.pick(local);
    return m_teams[std::size_t(team)].name;
}

void Generator::makeOrganisation()
{
    m_teamsByArea.assign(areas().size(), {});
    for (int d = 0; d < m_counts.departments; ++d) {
        const int area = d % int(areas().size());
        QByteArray name = areas()[std::size_t(area)].slug + "-engineering";
        if (d >= int(areas().size())) {
            name += '-' + num(d / int(areas().size()) + 1);
        }
        m_departments.push_back({name, area, {}});
    }
    for (int t = 0; t < m_counts.teams; ++t) {
        const int dept = t % m_counts.departments;
        const int area = m_departments[std::size_t(dept)].area;
        m_teams.push_back({noun(area) + "-team-" + num(t + 1), dept, area, {}});
        m_departments[std::size_t(dept)].teams.push_back(t);
        m_teamsByArea[std::size_t(area)].push_back(t);
    }
    for (int u = 0; u < m_counts.users; ++u) {
        const QByteArray first = m_rng.pick(firstNames());
        const QByteArray last = m_rng.pick(lastNames());
        User user{first + '.' + last + '-' + num(u + 1), capitalised(first) + ' ' + capitalised(last), {}};
        // Teams fill up to nine members so a team and its people fit in one file, as in the demo.
        int team = m_rng.below(m_counts.teams);
        for (int tries = 0; tries < 8 && m_teams[std::size_t(team)].users.size() >= 9; ++tries) {
            team = m_rng.below(m_counts.teams);
        }
        user.teams.push_back(team);
        m_teams[std::size_t(team)].users.push_back(u);
        if (m_counts.teams > 1 && m_rng.chance(0.1)) {
            const int second = m_rng.below(m_counts.teams);
            if (second != team) {
                user.teams.push_back(second);
                m_teams[std::size_t(second)].users.push_back(u);
            }
        }
        m_users.push_back(user);
    }
}

void Generator::makeDomainsAndSystems()
{
    for (int d = 0; d < m_counts.domains; ++d) {
        const int area = d % int(areas().size());
        const Area &a = areas()[std::size_t(area)];
        Domain dom{a.slug, a.title, area, 0};
        if (d >= int(areas().size())) {
            const int r = d / int(areas().size()) - 1;
            const QByteArray region = regions()[std::size_t(r) % regions().size()];
            dom.name += '-' + region;
            dom.title += " (" + capitalised(region) + ')';
            if (r >= int(regions().size())) {
                dom.name += '-' + num(r);
                dom.title += ' ' + num(r);
            }
        }
        // The department of the same area owns the domain.
        dom.ownerDepartment = area % m_counts.departments;
        for (int k = 0; k < m_counts.departments; ++k) {
            if (m_departments[std::size_t(k)].area == area) {
                dom.ownerDepartment = k;
                break;
            }
        }
        m_domains.push_back(dom);
    }
    static const Words suffixes = {"management", "platform", "processing", "planning",
                                   "core",       "hub",      "services",   "operations"};
    for (int s = 0; s < m_counts.systems; ++s) {
        const int domain = m_rng.below(m_counts.domains);
        const int area = m_domains[std::size_t(domain)].area;
        const std::vector<int> &local = m_teamsByArea[std::size_t(area)];
        const int owner = local.empty() ? m_rng.below(m_counts.teams) : m_rng.pick(local);
        m_systems.push_back({noun(area) + '-' + m_rng.pick(suffixes) + '-' + num(s + 1), domain, area, owner, {}, {}});
    }
}

void Generator::makeResources()
{
    for (int r = 0; r < m_counts.resources; ++r) {
        const int system = m_rng.below(m_counts.systems);
        System &sys = m_systems[std::size_t(system)];
        // Mostly databases and topics, as in the demo.
        static const std::array<int, 10> typeMix = {0, 0, 0, 1, 1, 1, 2, 3, 4, 5};
        const int type = typeMix[std::size_t(m_rng.below(int(typeMix.size())))];
        Resource res{noun(sys.area) + '-' + resourceTypes[std::size_t(type)].suffix + '-' + num(r + 1),
                     type,
                     system,
                     teamOwner(sys.area, sys.owner),
                     {}};
        // Topics and queues run on a cluster of the same system when there is one.
        if ((type == 1 || type == 4) && m_rng.chance(0.5)) {
            for (int other : sys.resources) {
                if (m_resources[std::size_t(other)].type == 5) {
                    res.dependsOn.push_back("resource:" + m_resources[std::size_t(other)].name);
                    break;
                }
            }
        }
        sys.resources.push_back(r);
        m_resources.push_back(res);
    }
}

void Generator::makeComponents()
{
    static const std::array<Words, 3> roles = {Words{"service", "worker", "router", "scheduler", "monitor", "gateway",
                                                     "predictor", "ingest", "engine", "backend", "loader", "sync"},
                                               Words{"portal", "console", "app", "web", "dashboard", "widget"},
                                               Words{"sdk", "utils", "client", "kit", "commons", "models"}};
    for (int c = 0; c < m_counts.components; ++c) {
        Component comp;
        static const std::array<int, 10> typeMix = {0, 0, 0, 0, 0, 0, 1, 1, 2, 2};
        comp.type = typeMix[std::size_t(m_rng.below(int(typeMix.size())))];
        comp.system = m_rng.chance(0.95) ? m_rng.below(m_counts.systems) : -1;
        comp.area = comp.system >= 0 ? m_systems[std::size_t(comp.system)].area : m_rng.below(int(areas().size()));
        comp.name = noun(comp.area) + '-' + m_rng.pick(roles[std::size_t(comp.type)]) + '-' + num(c + 1);
        const double l = double(m_rng.below(100)) / 100.0;
        comp.lifecycle = l < 0.75 ? 0 : (l < 0.9 ? 1 : 2);
        const int preferred = comp.system >= 0 ? m_systems[std::size_t(comp.system)].owner : -1;
        if (m_rng.chance(0.06)) {
            comp.owner = "user:" + m_rng.pick(m_users).name; // a personal project, as geo-utils in the demo
        } else if (m_rng.chance(0.04)) {
            comp.owner = "group:" + teamOwner(comp.area, preferred);
        } else {
            comp.owner = teamOwner(comp.area, preferred);
        }
        if (comp.system >= 0) {
            m_systems[std::size_t(comp.system)].components.push_back(c);
        }
        m_components.push_back(comp);
    }
}

void Generator::makeApis()
{
    for (int a = 0; a < m_counts.apis; ++a) {
        static const std::array<int, 10> typeMix = {0, 0, 0, 0, 0, 1, 1, 2, 2, 3};
        const int type = typeMix[std::size_t(m_rng.below(int(typeMix.size())))];
        const int system = m_rng.below(m_counts.systems);
        const System &sys = m_systems[std::size_t(system)];
        static const std::array<QByteArray, 4> suffix = {"api", "events", "grpc", "graph"};
        Api api{noun(sys.area) + '-' + suffix[std::size_t(type)] + '-' + num(a + 1),
                type,
                system,
                teamOwner(sys.area, sys.owner),
                m_rng.chance(0.45),
                {}};
        if (api.external) {
            static const std::array<QByteArray, 4> ext = {".openapi.yaml", ".asyncapi.yaml", ".proto", ".graphql"};
            api.definitionPath = "definitions/shard-" + QByteArray::number(a / 100).rightJustified(3, '0') + '/'
                                 + api.name + ext[std::size_t(type)];
        }
        m_apis.push_back(api);
    }
}

void Generator::linkComponents()
{
    // Each API is provided by a service of its system when there is one, else by any component.
    for (const Api &api : m_apis) {
        const System &sys = m_systems[std::size_t(api.system)];
        int provider = -1;
        if (!sys.components.empty()) {
            provider = m_rng.pick(sys.components);
        } else {
            provider = m_rng.below(m_counts.components);
        }
        m_components[std::size_t(provider)].provides.push_back(api.name);
    }
    for (int c = 0; c < m_counts.components; ++c) {
        Component &comp = m_components[std::size_t(c)];
        const int consumes = std::array<int, 8>{0, 0, 0, 0, 1, 1, 1, 2}[std::size_t(m_rng.below(8))];
        for (int k = 0; k < consumes; ++k) {
            const QByteArray api = m_rng.pick(m_apis).name;
            if (std::find(comp.provides.begin(), comp.provides.end(), api) == comp.provides.end()
                && std::find(comp.consumes.begin(), comp.consumes.end(), api) == comp.consumes.end()) {
                comp.consumes.push_back(api);
            }
        }
        if (comp.type == 2) {
            continue; // libraries depend on nothing in the catalog, as in the demo
        }
        if (comp.system >= 0) {
            const std::vector<int> &res = m_systems[std::size_t(comp.system)].resources;
            const int n = std::min(int(res.size()), m_rng.between(0, 2));
            for (int k = 0; k < n; ++k) {
                const QByteArray ref = "resource:" + m_resources[std::size_t(m_rng.pick(res))].name;
                if (std::find(comp.dependsOn.begin(), comp.dependsOn.end(), ref) == comp.dependsOn.end()) {
                    comp.dependsOn.push_back(ref);
                }
            }
            const std::vector<int> &siblings = m_systems[std::size_t(comp.system)].components;
            if (m_rng.chance(0.3) && siblings.size() > 1) {
                const int other = m_rng.pick(siblings);
                if (other != c) {
                    comp.dependsOn.push_back("component:" + m_components[std::size_t(other)].name);
                }
            }
            if (m_rng.chance(0.04) && siblings.size() > 1) {
                const int parent = m_rng.pick(siblings);
                if (parent < c) {
                    comp.subcomponentOf = m_components[std::size_t(parent)].name;
                }
            }
        }
        if (m_rng.chance(0.05)) {
            const QByteArray other = m_rng.pick(m_components).name;
            if (other != comp.name) {
                comp.dependsOn.push_back("component:" + other);
            }
        }
    }
}

QByteArray Generator::groupDoc(const QByteArray &name, const QByteArray &type, const QByteArray &description,
                               const QByteArray &parent, const Words &children, const Words &members)
{
    Meta m;
    m.name = name;
    m.description = description;
    m.links.push_back({"https://chat.northwind.example/channels/" + name, "Team channel", "chat"});
    QByteArray y;
    writeMeta(y, "Group", m);
    y += "spec:\n  type: " + type + "\n  profile:\n    displayName: " + scalar(titleOf(name)) + "\n    email: " + name
         + "@northwind.example\n";
    if (!parent.isEmpty()) {
        y += "  parent: " + parent + '\n';
        ++m_refs;
    }
    writeList(y, "children", children, true);
    writeList(y, "members", members);
    m_refs += qint64(children.size() + members.size());
    return y;
}

QByteArray Generator::userDoc(const User &u)
{
    Meta m;
    m.name = u.name;
    QByteArray y;
    writeMeta(y, "User", m);
    y += "spec:\n  profile:\n    displayName: " + scalar(u.display) + "\n    email: " + u.name + "@northwind.example\n";
    Words teams;
    for (int t : u.teams) {
        teams.push_back(m_teams[std::size_t(t)].name);
    }
    writeList(y, "memberOf", teams);
    m_refs += qint64(teams.size());
    return y;
}

QByteArray Generator::domainDoc(const Domain &d)
{
    const int area = d.area;
    Meta m;
    m.name = d.name;
    m.title = d.title;
    m.description = "Everything about " + objects(area) + ", " + objects(area) + " and " + objects(area) + '.';
    m.tags = {areas()[std::size_t(area)].slug};
    m.links.push_back({"https://wiki.northwind.example/domains/" + d.name, "Domain handbook", "docs"});
    QByteArray y;
    writeMeta(y, "Domain", m);
    y += "spec:\n  owner: " + m_departments[std::size_t(d.ownerDepartment)].name + '\n';
    ++m_refs;
    return y;
}

QByteArray Generator::systemDoc(const System &s)
{
    Meta m;
    m.name = s.name;
    m.title = titleOf(s.name);
    m.description = m_rng.pick(verbs()) + ' ' + objects(s.area) + " and " + objects(s.area) + " for the "
                    + m_domains[std::size_t(s.domain)].title + " domain.";
    m.tags = tags(1, 2, noun(s.area));
    m.links.push_back({"https://grafana.northwind.example/d/system-" + s.name, "System overview", "dashboard"});
    m.annotations.push_back(
        {"backstage.io/techdocs-ref", "url:https://github.com/northwind/architecture/tree/main/systems/" + s.name});
    QByteArray y;
    writeMeta(y, "System", m);
    y += "spec:\n  owner: " + m_teams[std::size_t(s.owner)].name
         + "\n  domain: " + m_domains[std::size_t(s.domain)].name + '\n';
    m_refs += 2;
    return y;
}

QByteArray Generator::resourceDoc(const Resource &r)
{
    const ResourceType &type = resourceTypes[std::size_t(r.type)];
    const System &sys = m_systems[std::size_t(r.system)];
    Meta m;
    m.name = r.name;
    if (m_rng.chance(0.4)) {
        m.title = titleOf(r.name);
    }
    m.description = type.what + ' ' + objects(sys.area)
                    + (m_rng.chance(0.3) ? QByteArray(" and " + objects(sys.area)) : QByteArray()) + '.';
    if (type.type == "database" && m_rng.chance(0.5)) {
        m.labels = {{"engine", type.engine}, {"backup", m_rng.chance(0.5) ? "hourly" : "daily"}};
    }
    m.tags = tags(1, 2, type.engine);
    m.links.push_back({"https://console.northwind.example/resources/" + r.name, "Cloud console", "cloud"});
    QByteArray y;
    writeMeta(y, "Resource", m);
    y += "spec:\n  type: " + type.type + "\n  owner: " + r.owner + "\n  system: " + sys.name + '\n';
    writeList(y, "dependsOn", r.dependsOn);
    m_refs += 2 + qint64(r.dependsOn.size());
    return y;
}

QByteArray Generator::definitionText(const Api &api, int paths)
{
    const System &sys = m_systems[std::size_t(api.system)];
    const QByteArray title = titleOf(api.name);
    QByteArray d;
    switch (api.type) {
    case 0: {
        d = "openapi: 3.0.3\ninfo:\n  title: " + title + "\n  version: " + num(m_rng.between(1, 4)) + '.'
            + num(m_rng.between(0, 9)) + ".0\nservers:\n  - url: https://api.northwind.example/" + api.name
            + "\npaths:\n";
        static const Words sub = {"",        "/events", "/documents", "/history",
                                  "/status", "/labels", "/notes",     "/attachments"};
        const QByteArray res = noun(sys.area) + 's';
        for (int p = 0; p < paths; ++p) {
            d += "  /" + res + "/{id}" + sub[std::size_t(p) % sub.size()] + ":\n    get:\n      summary: Look up "
                 + objects(sys.area)
                 + "\n      parameters:\n        - name: id\n          in: path\n          required: true\n"
                   "          schema:\n            type: string\n      responses:\n        '200':\n"
                   "          description: Found\n        '404':\n          description: Unknown id\n";
        }
        break;
    }
    case 1:
        d = "asyncapi: 2.6.0\ninfo:\n  title: " + title + "\n  version: 1.0.0\nchannels:\n";
        for (int p = 0; p < paths; ++p) {
            d += "  " + noun(sys.area) + '.' + m_rng.pick(Words{"created", "updated", "cancelled", "completed"}) + ".v"
                 + num(p + 1)
                 + ":\n    subscribe:\n      message:\n        payload:\n          type: object\n"
                   "          properties:\n            id:\n              type: string\n"
                   "            occurredAt:\n              type: string\n              format: date-time\n";
        }
        break;
    case 2:
        d = "syntax = \"proto3\";\n\npackage northwind." + noun(sys.area) + ".v1;\n\nservice "
            + capitalised(noun(sys.area)) + "Service {\n";
        for (int p = 0; p < paths; ++p) {
            d += "  rpc Get" + capitalised(noun(sys.area)) + num(p) + "(GetRequest) returns (GetResponse);\n";
        }
        d += "}\n\nmessage GetRequest {\n  string id = 1;\n}\n\nmessage GetResponse {\n  string id = 1;\n"
             "  string status = 2;\n  int64 updated_at = 3;\n}\n";
        break;
    default:
        d = "type Query {\n";
        for (int p = 0; p < paths; ++p) {
            d += "  " + noun(sys.area) + num(p) + "(id: ID!): " + capitalised(noun(sys.area)) + '\n';
        }
        d += "}\n";
        break;
    }
    return d;
}

QByteArray Generator::apiDoc(const Api &a, const QByteArray &relativeDefinition)
{
    const System &sys = m_systems[std::size_t(a.system)];
    Meta m;
    m.name = a.name;
    if (m_rng.chance(0.6)) {
        m.title = titleOf(a.name);
    }
    static const std::array<QByteArray, 4> kinds = {"REST API to", "Events published when", "gRPC API to",
                                                    "GraphQL API to"};
    if (a.type == 1) {
        m.description = kinds[1] + ' ' + objects(sys.area) + " change state.";
    } else {
        m.description =
            kinds[std::size_t(a.type)] + ' '
            + m_rng.pick(Words{"create, look up and cancel", "query", "update", "price", "schedule", "list"}) + ' '
            + objects(sys.area) + '.';
    }
    static const std::array<QByteArray, 4> protocolTag = {"rest", "kafka", "grpc", "graphql"};
    m.tags = tags(1, 3, protocolTag[std::size_t(a.type)]);
    m.links.push_back({"https://github.com/northwind/" + a.name, "Source", "github"});
    m.links.push_back({"https://docs.northwind.example/apis/" + a.name, "API guide", "docs"});
    m.annotations.push_back({"github.com/project-slug", "northwind/" + a.name});
    QByteArray y;
    writeMeta(y, "API", m);
    y += "spec:\n  type: " + apiTypes[std::size_t(a.type)]
         + "\n  lifecycle: " + lifecycles[std::size_t(m_rng.chance(0.85) ? 0 : 1)] + "\n  owner: " + a.owner
         + "\n  system: " + sys.name + '\n';
    m_refs += 2;
    if (a.external) {
        y += "  definition:\n    $text: " + relativeDefinition + '\n';
    } else {
        y += "  definition: |\n";
        for (const QByteArray &line : definitionText(a, m_rng.between(1, 2)).split('\n')) {
            if (!line.isEmpty()) {
                y += "    " + line;
            }
            y += '\n';
        }
        y.chop(1);
    }
    return y;
}

QByteArray Generator::componentDoc(const Component &c)
{
    const int area = c.area;
    Meta m;
    m.name = c.name;
    if (m_rng.chance(0.55)) {
        m.title = titleOf(c.name);
    }
    const QByteArray lang = m_rng.pick(languages());
    switch (c.type) {
    case 0:
        m.description = m_rng.pick(verbs()) + ' ' + objects(area) + "; " + m_rng.pick(extras()) + '.';
        break;
    case 1:
        m.description = m_rng.pick(Words{"Customer-facing", "Internal", "Partner", "Back-office"}) + " web app to "
                        + m_rng.pick(Words{"track", "book", "manage", "review", "search"}) + ' ' + objects(area) + '.';
        break;
    default:
        m.description = capitalised(lang) + " client library for " + objects(area) + " with "
                        + m_rng.pick(Words{"retries and idempotency keys", "typed event models", "test fixtures",
                                           "schema validation", "tracing helpers"})
                        + '.';
        break;
    }
    const bool service = c.type == 0;
    const bool tier1 = service && m_rng.chance(0.3);
    if (service && m_rng.chance(0.6)) {
        m.labels = {{"tier", tier1 ? "1" : "2"}, {"language", lang}};
    }
    m.tags = tags(2, 4, lang);
    m.links.push_back({"https://github.com/northwind/" + c.name, "Repository", "github"});
    if (service) {
        m.links.push_back({"https://grafana.northwind.example/d/" + c.name, "Dashboard", "dashboard"});
        if (m_rng.chance(0.6)) {
            m.links.push_back({"https://runbooks.northwind.example/" + c.name, "Runbook", "docs"});
        }
    }
    const QByteArray ownerName = c.owner.mid(c.owner.indexOf(':') + 1);
    m.links.push_back({"https://chat.northwind.example/channels/" + ownerName, "Ask the owners", "chat"});
    m.annotations.push_back({"github.com/project-slug", "northwind/" + c.name});
    m.annotations.push_back({"backstage.io/techdocs-ref", "dir:."});
    if (service) {
        m.annotations.push_back({"backstage.io/kubernetes-id", c.name});
    }
    if (tier1) {
        QByteArray id = "PNW";
        for (int k = 0; k < 4; ++k) {
            id += "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"[m_rng.below(34)];
        }
        m.annotations.push_back({"pagerduty.com/service-id", id});
    }
    QByteArray y;
    writeMeta(y, "Component", m);
    y += "spec:\n  type: " + componentTypes[std::size_t(c.type)]
         + "\n  lifecycle: " + lifecycles[std::size_t(c.lifecycle)] + "\n  owner: " + c.owner + '\n';
    ++m_refs;
    if (c.system >= 0) {
        y += "  system: " + m_systems[std::size_t(c.system)].name + '\n';
        ++m_refs;
    }
    if (!c.subcomponentOf.isEmpty()) {
        y += "  subcomponentOf: " + c.subcomponentOf + '\n';
        ++m_refs;
    }
    writeList(y, "providesApis", c.provides);
    writeList(y, "consumesApis", c.consumes);
    writeList(y, "dependsOn", c.dependsOn);
    m_refs += qint64(c.provides.size() + c.consumes.size() + c.dependsOn.size());
    return y;
}

bool Generator::writeFile(const QString &relative, const QByteArray &data)
{
    const QString path = m_out + u'/' + relative;
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(data) != data.size()) {
        std::fprintf(stderr, "portolan-gen: cannot write %s: %s\n", qPrintable(path), qPrintable(f.errorString()));
        m_ok = false;
        return false;
    }
    ++m_files;
    m_bytes += data.size();
    return true;
}

void Generator::writeChunked(const QString &folder, const std::vector<QByteArray> &docs,
                             const std::vector<QByteArray> &names, bool sharded, const QByteArray &comment)
{
    std::size_t i = 0;
    int file = 0;
    while (i < docs.size()) {
        const std::size_t n = std::min(docs.size() - i, std::size_t(m_rng.between(1, 10)));
        QByteArray data;
        if (m_rng.chance(0.3)) {
            data += "# " + comment + " (portolan-gen, seed " + QByteArray::number(m_seed) + ")\n";
        }
        for (std::size_t k = 0; k < n; ++k) {
            if (k > 0) {
                data += "---\n";
            }
            data += docs[i + k];
        }
        QString rel = folder + u'/';
        if (sharded) {
            rel += u"shard-%1/"_s.arg(file / 100, 3, 10, QLatin1Char('0'));
        }
        rel += QString::fromLatin1(names[i]) + u".yaml"_s;
        writeFile(rel, data);
        i += n;
        ++file;
    }
}

bool Generator::run()
{
    makeOrganisation();
    makeDomainsAndSystems();
    makeResources();
    makeComponents();
    makeApis();
    linkComponents();

    // Organisation: the company, its departments, then each team followed by its people (as the demo's
    // org/teams/*.yaml files).
    {
        std::vector<QByteArray> docs;
        std::vector<QByteArray> names;
        Words departments;
        for (const Department &d : m_departments) {
            departments.push_back(d.name);
        }
        docs.push_back(groupDoc("northwind-freight", "organization",
                                "Northwind Freight, a European parcel and freight "
                                "carrier.",
                                {}, departments, {m_users.front().name}));
        names.push_back("northwind-freight");
        for (const Department &d : m_departments) {
            Words teams;
            for (int t : d.teams) {
                teams.push_back(m_teams[std::size_t(t)].name);
            }
            docs.push_back(groupDoc(d.name, "department",
                                    "Engineering for " + areas()[std::size_t(d.area)].title + ": " + objects(d.area)
                                        + ", " + objects(d.area) + " and more.",
                                    "northwind-freight", teams, {}));
            names.push_back(d.name);
        }
        writeChunked(u"catalog/org/departments"_s, docs, names, false, "The organisation and its departments");
    }
    {
        std::vector<bool> written(m_users.size(), false);
        int file = 0;
        const auto teamFile = [&](const QByteArray &name, const QByteArray &data) {
            writeFile(u"catalog/org/teams/shard-%1/%2.yaml"_s.arg(file / 100, 3, 10, QLatin1Char('0'))
                          .arg(QString::fromLatin1(name)),
                      data);
            ++file;
        };
        for (const Team &t : m_teams) {
            Words members;
            for (int u : t.users) {
                members.push_back(m_users[std::size_t(u)].name);
            }
            QByteArray data = "# " + t.name + " and its people\n";
            data +=
                groupDoc(t.name, "team", "Builds and runs " + objects(t.area) + " and " + objects(t.area) + " tooling.",
                         m_departments[std::size_t(t.department)].name, {}, members);
            QByteArray fileName = t.name;
            int inFile = 1;
            int part = 1;
            for (int u : t.users) {
                if (written[std::size_t(u)]) {
                    continue; // in a second team: written with the first
                }
                if (inFile == 10) {
                    teamFile(fileName, data);
                    fileName = t.name + "-" + num(++part);
                    data.clear();
                    inFile = 0;
                } else {
                    data += "---\n";
                }
                data += userDoc(m_users[std::size_t(u)]);
                written[std::size_t(u)] = true;
                ++inFile;
            }
            teamFile(fileName, data);
        }
        // People whose team was full: their own files.
        std::vector<QByteArray> docs;
        std::vector<QByteArray> names;
        for (std::size_t u = 0; u < m_users.size(); ++u) {
            if (!written[u]) {
                docs.push_back(userDoc(m_users[u]));
                names.push_back(m_users[u].name);
            }
        }
        m_people = !docs.empty();
        writeChunked(u"catalog/org/people"_s, docs, names, true, "People");
    }
    {
        std::vector<QByteArray> docs;
        std::vector<QByteArray> names;
        for (const Domain &d : m_domains) {
            docs.push_back(domainDoc(d));
            names.push_back(d.name);
        }
        writeChunked(u"catalog/domains"_s, docs, names, false, "Domains");
    }
    {
        std::vector<QByteArray> docs;
        std::vector<QByteArray> names;
        for (const System &s : m_systems) {
            docs.push_back(systemDoc(s));
            names.push_back(s.name);
        }
        writeChunked(u"catalog/systems"_s, docs, names, true, "Systems");
    }
    {
        // Grouped by system, the way teams keep a system's resources together.
        std::vector<QByteArray> docs;
        std::vector<QByteArray> names;
        for (const System &s : m_systems) {
            for (int r : s.resources) {
                docs.push_back(resourceDoc(m_resources[std::size_t(r)]));
                names.push_back(m_resources[std::size_t(r)].name);
            }
        }
        writeChunked(u"catalog/resources"_s, docs, names, true, "Infrastructure");
    }
    {
        std::vector<QByteArray> docs;
        std::vector<QByteArray> names;
        for (const Api &a : m_apis) {
            if (a.external) {
                writeFile(QString::fromLatin1("catalog/" + a.definitionPath), definitionText(a, m_rng.between(2, 8)));
            }
            // apis/shard-NNN/file.yaml -> ../../definitions/...
            docs.push_back(apiDoc(a, "../../" + a.definitionPath));
            names.push_back(a.name);
        }
        writeChunked(u"catalog/apis"_s, docs, names, true, "APIs");
    }
    {
        // Components by system. Most are picked up by the root Location's glob; the rest live in folders that
        // their team registers through a nested Location (as the demo's components/payments/location.yaml).
        std::vector<int> order;
        for (const System &s : m_systems) {
            order.insert(order.end(), s.components.begin(), s.components.end());
        }
        for (int c = 0; c < m_counts.components; ++c) {
            if (m_components[std::size_t(c)].system < 0) {
                order.push_back(c);
            }
        }
        const std::size_t nested = std::size_t(m_counts.nestedLocations);
        const std::size_t nestedDocs = order.size() / 4;
        std::vector<QByteArray> docs;
        std::vector<QByteArray> names;
        for (std::size_t k = 0; k < order.size(); ++k) {
            docs.push_back(componentDoc(m_components[std::size_t(order[k])]));
            names.push_back(m_components[std::size_t(order[k])].name);
        }
        const auto split = std::ptrdiff_t(docs.size() - nestedDocs);
        writeChunked(u"catalog/components"_s, std::vector<QByteArray>(docs.begin(), docs.begin() + split),
                     std::vector<QByteArray>(names.begin(), names.begin() + split), true, "Components");
        for (std::size_t l = 0; l < nested; ++l) {
            const std::size_t from = std::size_t(split) + nestedDocs * l / nested;
            const std::size_t to = std::size_t(split) + nestedDocs * (l + 1) / nested;
            const QByteArray team = m_teams[std::size_t(l) % m_teams.size()].name;
            const QString folder = u"catalog/components/registered-%1"_s.arg(l + 1, 3, 10, QLatin1Char('0'));
            QByteArray y = "# Nested Location: " + team
                           + " keeps its descriptors in its own folder and registers them here.\n"
                             "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: registered-"
                           + QByteArray::number(l + 1) + "-components\n  description: Components registered by " + team
                           + ".\nspec:\n  targets:\n    - ./services/*.yaml\n";
            writeFile(folder + u"/location.yaml"_s, y);
            writeChunked(
                folder + u"/services"_s,
                std::vector<QByteArray>(docs.begin() + std::ptrdiff_t(from), docs.begin() + std::ptrdiff_t(to)),
                std::vector<QByteArray>(names.begin() + std::ptrdiff_t(from), names.begin() + std::ptrdiff_t(to)),
                false, "Components");
        }
    }

    writeFile(u"catalog/all.yaml"_s,
              QByteArray("# Root Location of the generated catalog. Targets are relative to this file; globs pick up\n"
                         "# every descriptor of a folder.\n"
                         "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: generated-catalog\n"
                         "  title: Generated catalog\n  description: Every descriptor of the generated workspace.\n"
                         "spec:\n  targets:\n"
                         "    - ./org/departments/*.yaml\n"
                         "    - ./org/teams/**/*.yaml\n")
                  + (m_people ? "    - ./org/people/**/*.yaml\n" : "")
                  + "    - ./domains/*.yaml\n"
                    "    - ./systems/**/*.yaml\n"
                    "    - ./components/*/*.yaml\n"
                    "    - ./apis/**/*.yaml\n"
                    "    - ./resources/**/*.yaml\n");
    writeFile(u"portolan.yaml"_s, "# Portolan workspace generated by portolan-gen --count "
                                      + QByteArray::number(m_counts.total()) + " --seed " + QByteArray::number(m_seed)
                                      + "\nname: Northwind Freight (synthetic, " + QByteArray::number(m_counts.total())
                                      + " entities)\ndescription: Synthetic catalog shaped like the demo, for "
                                        "benchmarks.\nlocations:\n  - catalog/all.yaml\n");
    return m_ok;
}

} // namespace

} // namespace Portolan::Bench

int main(int argc, char *argv[])
{
    using namespace Portolan::Bench;
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"portolan-gen"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Writes a synthetic Backstage workspace shaped like the demo."_s);
    parser.addHelpOption();
    parser.addOption({u"count"_s, u"Number of entities (default 10000)."_s, u"n"_s, u"10000"_s});
    parser.addOption({u"seed"_s, u"Random seed (default 42)."_s, u"seed"_s, u"42"_s});
    parser.addOption({u"force"_s, u"Write into OUTDIR even when it is not empty."_s});
    parser.addPositionalArgument(u"OUTDIR"_s, u"Folder to write the workspace into."_s);
    parser.process(app);

    const QStringList args = parser.positionalArguments();
    bool countOk = false;
    bool seedOk = false;
    const int count = parser.value(u"count"_s).toInt(&countOk);
    const quint64 seed = parser.value(u"seed"_s).toULongLong(&seedOk);
    if (args.size() != 1 || !countOk || !seedOk || count < 100) {
        std::fprintf(stderr, "usage: portolan-gen --count N (>= 100) --seed S OUTDIR\n");
        return 2;
    }
    const QString out = QDir::cleanPath(QFileInfo(args.first()).absoluteFilePath());
    if (QDir(out).exists() && !QDir(out).isEmpty() && !parser.isSet(u"force"_s)) {
        std::fprintf(stderr, "portolan-gen: %s is not empty (use --force to write into it anyway)\n", qPrintable(out));
        return 2;
    }
    Generator gen(count, seed, out);
    if (!gen.run()) {
        return 1;
    }
    const Counts &c = gen.counts();
    QTextStream(stdout) << u"wrote %1 entities in %2 files (%3 MB) to %4\n"_s.arg(c.total())
                               .arg(gen.files())
                               .arg(double(gen.bytes()) / 1e6, 0, 'f', 1)
                               .arg(out)
                        << u"  domains %1, systems %2, groups %3, users %4, components %5, APIs %6, resources %7, "
                           u"locations %8\n"_s.arg(c.domains)
                               .arg(c.systems)
                               .arg(c.groups())
                               .arg(c.users)
                               .arg(c.components)
                               .arg(c.apis)
                               .arg(c.resources)
                               .arg(c.locations())
                        << u"  %1 declared references (%2 per entity)\n"_s.arg(gen.declaredRefs())
                               .arg(double(gen.declaredRefs()) / c.total(), 0, 'f', 2);
    return 0;
}
