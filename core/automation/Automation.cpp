#include "Automation.h"

#include "catalog/DescriptorReader.h"
#include "ttl/TimeToLive.h"

#include <QCborArray>
#include <QCborMap>
#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Automation", text);
}

struct TriggerName
{
    Automation::Trigger trigger;
    QLatin1StringView name;
};

constexpr TriggerName triggerNames[] = {
    {Automation::Trigger::Schedule, "schedule"_L1},
    {Automation::Trigger::TtlWarning, "ttlWarning"_L1},
    {Automation::Trigger::TtlExpired, "ttlExpired"_L1},
    {Automation::Trigger::EntityCreated, "entityCreated"_L1},
    {Automation::Trigger::EntityChanged, "entityChanged"_L1},
    {Automation::Trigger::EntityDeleted, "entityDeleted"_L1},
    {Automation::Trigger::ScorecardChanged, "scorecardChanged"_L1},
    {Automation::Trigger::RunFinished, "runFinished"_L1},
    {Automation::Trigger::AlertFiring, "alertFiring"_L1},
};

QStringList triggerList()
{
    QStringList out;
    for (const TriggerName &t : triggerNames) {
        out << t.name;
    }
    return out;
}

// One automation document, checked field by field; problems name the file, line and field.
class Parser
{
public:
    Parser(const ParsedDocument &doc, ErrorList &problems)
        : m_doc(doc)
        , m_problems(problems)
    { }

    std::optional<Automation> automation()
    {
        const QCborMap &root = m_doc.root;
        static const QStringList known = {u"id"_s,     u"title"_s,  u"description"_s, u"on"_s,
                                          u"filter"_s, u"action"_s, u"parameters"_s,  u"enabled"_s};
        for (auto it = root.constBegin(); it != root.constEnd(); ++it) {
            if (!known.contains(it.key().toString())) {
                problem(it.key().toString(), tr("Unknown field \"%1\" in an automation; known: %2")
                                                 .arg(it.key().toString(), known.join(u", "_s)));
            }
        }
        Automation a;
        a.file = m_doc.file;
        a.line = m_doc.start.line;
        a.id = root.value("id"_L1).toString();
        static const QRegularExpression idPattern(u"^[a-z0-9][a-z0-9._-]{0,99}$"_s);
        if (a.id.isEmpty() || !idPattern.match(a.id).hasMatch()) {
            problem(u"id"_s, tr("An automation needs an id of lower-case letters, digits, '.', '_' and '-'"));
        }
        a.title = root.value("title"_L1).toString(a.id);
        a.description = root.value("description"_L1).toString();
        a.action = root.value("action"_L1).toString();
        if (a.action.isEmpty()) {
            problem(u"action"_s, tr("An automation needs the id of the action it runs"));
        }
        const QCborValue enabled = root.value("enabled"_L1);
        if (enabled.isBool()) {
            a.enabled = enabled.toBool();
        } else if (!enabled.isUndefined()) {
            problem(u"enabled"_s, tr("\"enabled\" is true or false"));
        }
        const QCborValue parameters = root.value("parameters"_L1);
        if (parameters.isMap()) {
            a.parameters = parameters.toJsonValue().toObject();
        } else if (!parameters.isUndefined()) {
            problem(u"parameters"_s, tr("\"parameters\" maps each parameter of the action to a value"));
        }
        readTrigger(a);
        readFilter(a);
        if (m_failed) {
            return std::nullopt;
        }
        return a;
    }

private:
    void readTrigger(Automation &a)
    {
        const QCborValue on = m_doc.root.value("on"_L1);
        if (!on.isMap() || on.toMap().size() != 1) {
            problem(u"on"_s, tr("\"on\" names one trigger: %1").arg(triggerList().join(u", "_s)));
            return;
        }
        const QString name = on.toMap().constBegin().key().toString();
        const QCborValue value = on.toMap().constBegin().value();
        const QString field = u"on."_s + name;
        bool known = false;
        for (const TriggerName &t : triggerNames) {
            if (t.name == name) {
                a.trigger = t.trigger;
                known = true;
            }
        }
        if (!known) {
            problem(field, tr("Unknown trigger \"%1\"; known: %2").arg(name, triggerList().join(u", "_s)));
            return;
        }
        if (a.trigger == Automation::Trigger::Schedule) {
            const QString every = value.isMap() ? value.toMap().value("every"_L1).toString() : value.toString();
            const auto seconds = TimeToLive::parseDuration(every);
            if (!seconds.ok()) {
                problem(field, tr("A schedule is an interval such as 15m, 6h or 1d: %1").arg(seconds.error().message));
            } else if (*seconds < 60) {
                problem(field, tr("A schedule runs at most once a minute"));
            } else {
                a.interval = *seconds;
            }
            return;
        }
        if (value.isMap()) {
            a.triggerOptions = value.toJsonValue().toObject();
        } else if (!value.isNull() && !value.isUndefined()) {
            problem(field, tr("The options of a trigger are a map, or {} for none"));
        }
    }

    void readFilter(Automation &a)
    {
        const QCborValue filter = m_doc.root.value("filter"_L1);
        if (filter.isUndefined()) {
            return;
        }
        if (!filter.isMap()) {
            problem(u"filter"_s, tr("\"filter\" maps dotted fields (kind, spec.type) to the values they must have"));
            return;
        }
        if (!a.isEntityTrigger()) {
            problem(u"filter"_s, tr("Only triggers on entities (ttl, entity) take a filter"));
            return;
        }
        const QCborMap map = filter.toMap();
        for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
            QStringList values;
            if (it.value().isArray()) {
                for (const QCborValue &v : it.value().toArray()) {
                    values << v.toVariant().toString();
                }
            } else {
                values << it.value().toVariant().toString();
            }
            a.filter.append({it.key().toString(), values});
        }
    }

    void problem(const QString &field, const QString &message)
    {
        Error e = makeError(Error::Code::Validation, message);
        e.file = m_doc.file;
        const TextPosition pos = m_doc.positionOf(field);
        e.line = pos.line;
        e.column = pos.column;
        e.field = field;
        m_problems.append(e);
        m_failed = true;
    }

    const ParsedDocument &m_doc;
    ErrorList &m_problems;
    bool m_failed = false;
};

QString fieldText(const QJsonObject &envelope, const QString &path)
{
    const QJsonValue value = envelopeField(envelope, path);
    return value.isString() ? value.toString() : value.toVariant().toString();
}

} // namespace

bool Automation::isEntityTrigger() const
{
    switch (trigger) {
    case Trigger::TtlWarning:
    case Trigger::TtlExpired:
    case Trigger::EntityCreated:
    case Trigger::EntityChanged:
    case Trigger::EntityDeleted:
    case Trigger::ScorecardChanged:
    case Trigger::AlertFiring:
        return true;
    case Trigger::Schedule:
    case Trigger::RunFinished:
        return false;
    }
    return false;
}

bool Automation::matches(const Entity &entity) const
{
    if (filter.isEmpty()) {
        return true;
    }
    const QJsonObject envelope = entity.toJson();
    for (const auto &[field, values] : filter) {
        const QString actual = fieldText(envelope, field);
        const bool any = std::any_of(values.cbegin(), values.cend(), [&](const QString &v) {
            return actual.compare(v, field == u"kind"_s ? Qt::CaseInsensitive : Qt::CaseSensitive) == 0;
        });
        if (!any) {
            return false;
        }
    }
    return true;
}

QString Automation::triggerName(Trigger trigger)
{
    for (const TriggerName &t : triggerNames) {
        if (t.trigger == trigger) {
            return t.name;
        }
    }
    return {};
}

AutomationSet AutomationSet::readData(const QByteArray &data, const QString &file)
{
    AutomationSet set;
    ReadOptions options;
    options.positionDepth = 8;
    const FileReadResult read = DescriptorReader::readData(data, file, options);
    set.problems += read.problems;
    for (const ParsedDocument &doc : read.documents) {
        Parser parser(doc, set.problems);
        if (auto a = parser.automation()) {
            set.automations.append(std::move(*a));
        }
    }
    return set;
}

AutomationSet AutomationSet::read(const QStringList &paths)
{
    AutomationSet set;
    QStringList files;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (info.isDir()) {
            QDirIterator it(path, {u"*.yaml"_s, u"*.yml"_s}, QDir::Files, QDirIterator::Subdirectories);
            QStringList found;
            while (it.hasNext()) {
                found << it.next();
            }
            found.sort();
            files += found;
        } else if (info.isFile()) {
            files << path;
        }
    }
    for (const QString &file : std::as_const(files)) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly)) {
            Error e = makeError(Error::Code::Io, tr("Could not read %1: %2").arg(file, f.errorString()));
            e.file = file;
            set.problems.append(e);
            continue;
        }
        AutomationSet one = readData(f.readAll(), file);
        set.automations += one.automations;
        set.problems += one.problems;
    }
    // Ids are how leases and runs name an automation: the first one keeps its id.
    QSet<QString> seen;
    for (qsizetype i = 0; i < set.automations.size();) {
        const Automation &a = set.automations.at(i);
        if (seen.contains(a.id)) {
            Error e = makeError(Error::Code::Conflict, tr("Another automation already has the id \"%1\"").arg(a.id));
            e.file = a.file;
            e.line = a.line;
            e.field = u"id"_s;
            set.problems.append(e);
            set.automations.removeAt(i);
            continue;
        }
        seen.insert(a.id);
        ++i;
    }
    return set;
}

const Automation *AutomationSet::find(const QString &id) const
{
    for (const Automation &a : automations) {
        if (a.id == id) {
            return &a;
        }
    }
    return nullptr;
}

} // namespace Portolan::Core
