#include "ActionWizard.h"

#include "ActionsController.h"
#include "actions/TemplateExpression.h"
#include "models/Format.h"
#include "models/KindStyle.h"
#include "widgets/Banner.h"
#include "widgets/Card.h"
#include "widgets/CodeView.h"
#include "widgets/Icons.h"

#include <QAbstractListModel>
#include <QButtonGroup>
#include <QCborArray>
#include <QCborMap>
#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QCompleter>
#include <QCoreApplication>
#include <QDateTimeEdit>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMimeDatabase>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QScopedValueRollback>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QTextDocument>
#include <QTimer>
#include <QToolButton>
#include <QUrl>
#include <QUrlQuery>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>
#include <vector>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace Portolan::Ui::WizardDetail {

// The helpers below are not QObjects of their own (no signals), so they translate in the wizard's context.
class Tr final
{
    Q_DECLARE_TR_FUNCTIONS(Portolan::Ui::ActionWizard)
};

namespace {

using Widget = FormField::Widget;
using Type = FormField::Type;

const QString draftPrefix = u"actions/drafts"_s;
constexpr qint64 maxFileBytes = 20 * 1024 * 1024; // a data: URL travels in the run's parameters

// RJSF turns a cleared input into undefined, so an empty string counts as not given (as in ParameterForm).
bool isMissing(const QJsonValue &value)
{
    return value.isUndefined() || value.isNull() || (value.isString() && value.toString().isEmpty());
}

QString joinPath(const QString &prefix, const QString &key)
{
    return prefix.isEmpty() ? key : prefix + u'.' + key;
}

QString plainText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double: {
        const double n = value.toDouble();
        return std::trunc(n) == n && std::abs(n) < 1e15 ? QString::number(qint64(n)) : QString::number(n, 'g', 15);
    }
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

// JSON Schema's equality: 3 and 3.0 are the same number.
qsizetype indexOfValue(const QJsonArray &list, const QJsonValue &value)
{
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonValue v = list.at(i);
        if (v.isDouble() && value.isDouble() ? v.toDouble() == value.toDouble() : v == value) {
            return i;
        }
    }
    return -1;
}

QJsonObject withValueAt(QJsonObject object, const QStringList &keys, const QJsonValue &value)
{
    if (keys.isEmpty()) {
        return object;
    }
    if (keys.size() == 1) {
        if (value.isUndefined()) {
            object.remove(keys.first());
        } else {
            object.insert(keys.first(), value);
        }
        return object;
    }
    object.insert(keys.first(), withValueAt(object.value(keys.first()).toObject(), keys.mid(1), value));
    return object;
}

// Defaults of fields that show for the first time; a path that had a value once is never defaulted again, so a
// field the user cleared stays cleared.
QJsonObject mergeNewDefaults(QJsonObject values, const QJsonObject &filled, const QString &prefix, QSet<QString> &seen)
{
    for (auto it = filled.begin(); it != filled.end(); ++it) {
        const QString path = joinPath(prefix, it.key());
        const QJsonValue current = values.value(it.key());
        if (current.isUndefined()) {
            if (!seen.contains(path)) {
                values.insert(it.key(), *it);
            }
        } else if (current.isObject() && it->isObject()) {
            values.insert(it.key(), mergeNewDefaults(current.toObject(), it->toObject(), path, seen));
        }
        seen.insert(path);
    }
    return values;
}

bool isSupported(const FormField &field)
{
    return (field.uiField.isEmpty() || ParameterForm::supportedFields().contains(field.uiField))
           && (field.uiWidget.isEmpty() || ParameterForm::supportedWidgets().contains(field.uiWidget));
}

void collectUnsupported(const QList<FormField> &fields, QStringList &out)
{
    for (const FormField &f : fields) {
        if (!isSupported(f) && !out.contains(f.path)) {
            out << f.path;
        }
        collectUnsupported(f.children, out);
        if (f.items) {
            collectUnsupported(f.items->children, out);
        }
    }
}

void collectSecrets(const QList<FormField> &fields, QStringList &out)
{
    for (const FormField &f : fields) {
        // Array items have no single path to mask; a secret inside a list is rare enough to leave to the runner.
        if (f.secret && !f.path.contains(u'[') && !out.contains(f.path)) {
            out << f.path;
        }
        collectSecrets(f.children, out);
    }
}

// A `data:` URL's file name and size, for people ("readme.md, 2 KB").
QString describeDataUrl(const QString &url)
{
    static const QRegularExpression re(u"^data:([^;,]*)(?:;name=([^;]*))?;base64,(.*)$"_s,
                                       QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch m = re.match(url);
    if (!m.hasMatch()) {
        return Tr::tr("a file");
    }
    const QString name = m.captured(2).isEmpty() ? Tr::tr("a file") : QUrl::fromPercentEncoding(m.captured(2).toUtf8());
    const qint64 bytes = m.capturedLength(3) * 3 / 4;
    return Tr::tr("%1, %2").arg(name, QLocale().formattedDataSize(bytes));
}

QLabel *smallLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    QFont f = label->font();
    f.setPointSizeF(f.pointSizeF() * 0.92);
    label->setFont(f);
    return label;
}

QLabel *mutedLabel(QWidget *parent, const QString &objectName)
{
    QLabel *label = smallLabel(parent, objectName);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

QLabel *errorLabel(QWidget *parent, const QString &objectName)
{
    QLabel *label = smallLabel(parent, objectName);
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, KindStyle::severityColor(Error::Severity::Error));
    label->setPalette(p);
    return label;
}

// ---------------------------------------------------------------------------------------------------------------
// Picker candidates

struct Candidate
{
    QString value; // what the field gets: an entity ref, a tag
    QString title;
    QString name; // lower-case: matches at its start come first
    QString haystack; // lower-case value and title
};

struct CandidateSet
{
    std::vector<Candidate> items;
    QSet<QString> keys; // lower-case values
};

QStringList cborStrings(const QCborValue &value)
{
    if (value.isString()) {
        return {value.toString()};
    }
    if (value.isBool()) {
        return {value.toBool() ? u"true"_s : u"false"_s};
    }
    if (value.isInteger()) {
        return {QString::number(value.toInteger())};
    }
    if (value.isDouble()) {
        return {QString::number(value.toDouble())};
    }
    if (value.isMap()) {
        return {u"{}"_s};
    }
    QStringList out;
    if (value.isArray()) {
        for (const QCborValue &v : value.toArray()) {
            out += cborStrings(v);
        }
    }
    return out;
}

// The values of one field of an entity as Backstage's catalog filters read them ("kind", "spec.type",
// "metadata.tags", "relations.ownedBy", ...).
QStringList entityField(const Catalog &catalog, int index, const QString &key)
{
    const Entity &e = catalog.entity(index);
    const QString lower = key.toLower();
    if (lower == "kind"_L1) {
        return {e.kind};
    }
    if (lower == "apiversion"_L1) {
        return {e.apiVersion};
    }
    if (lower == "metadata.name"_L1) {
        return {e.name};
    }
    if (lower == "metadata.namespace"_L1) {
        return {e.ns};
    }
    if (lower == "metadata.title"_L1) {
        return e.title.isEmpty() ? QStringList() : QStringList{e.title};
    }
    if (lower == "metadata.tags"_L1) {
        return e.tags;
    }
    if (lower.startsWith("metadata.labels."_L1)) {
        const QString v = e.label(QStringView(key).mid(16));
        return v.isEmpty() ? QStringList() : QStringList{v};
    }
    if (lower.startsWith("metadata.annotations."_L1)) {
        const QString v = e.annotation(QStringView(key).mid(21));
        return v.isEmpty() ? QStringList() : QStringList{v};
    }
    if (lower.startsWith("relations."_L1)) {
        QStringList out;
        for (const CatalogRelation &r : catalog.relations(index)) {
            if (relationName(r.type).compare(key.mid(10), Qt::CaseInsensitive) == 0) {
                out << catalog.relationTargetRef(r);
            }
        }
        return out;
    }
    if (lower.startsWith("spec."_L1)) {
        QCborValue v(e.spec);
        for (const QString &segment : key.mid(5).split(u'.')) {
            if (!v.isMap()) {
                return {};
            }
            v = v.toMap().value(segment);
        }
        return cborStrings(v);
    }
    return {};
}

// One catalogFilter entry: every key matches (a value, any of a list, or {exists: bool}); values ignore case.
bool matchesFilter(const Catalog &catalog, int index, const QJsonObject &filter)
{
    for (auto it = filter.begin(); it != filter.end(); ++it) {
        const QStringList actual = entityField(catalog, index, it.key());
        if (it->isObject()) {
            const QJsonValue exists = it->toObject().value("exists"_L1);
            if (exists.isBool() && exists.toBool() == actual.isEmpty()) {
                return false;
            }
            continue;
        }
        QStringList expected;
        if (it->isArray()) {
            for (const QJsonValue &v : it->toArray()) {
                expected << plainText(v);
            }
        } else {
            expected << plainText(*it);
        }
        const bool any = std::any_of(actual.cbegin(), actual.cend(), [&expected](const QString &a) {
            return expected.contains(a, Qt::CaseInsensitive);
        });
        if (!any) {
            return false;
        }
    }
    return true;
}

void addCandidate(CandidateSet &set, const QString &value, const QString &title, const QString &name)
{
    Candidate c;
    c.value = value;
    c.title = title;
    c.name = name.toLower();
    c.haystack = (value + u' ' + title).toLower();
    set.keys.insert(value.toLower());
    set.items.push_back(std::move(c));
}

void sortCandidates(CandidateSet &set)
{
    std::sort(set.items.begin(), set.items.end(), [](const Candidate &a, const Candidate &b) {
        const int byName = a.name.compare(b.name);
        return byName != 0 ? byName < 0 : a.value.compare(b.value, Qt::CaseInsensitive) < 0;
    });
}

// The entities a picker offers, read from a catalog snapshot on a worker thread: one pass over the catalog.
std::shared_ptr<const CandidateSet> entityCandidates(const Catalog &catalog, const FormField &field,
                                                     const ActionUser &user)
{
    auto set = std::make_shared<CandidateSet>();
    const PickerOptions &p = field.picker;
    const QStringList allowedKinds = p.allowedKinds;
    QSet<QString> owners; // OwnedEntityPicker: the user and their groups
    QSet<QString> groups; // MyGroupsPicker
    for (const QString &g : user.groups) {
        groups.insert(g.toLower());
        owners.insert(g.toLower());
    }
    if (!user.entityRef.isEmpty()) {
        owners.insert(user.entityRef.toLower());
    }
    for (int i = 0; i < catalog.size(); ++i) {
        const Entity &e = catalog.entity(i);
        if (!allowedKinds.isEmpty() && !allowedKinds.contains(e.kind, Qt::CaseInsensitive)) {
            continue;
        }
        if (!p.catalogFilter.isEmpty()
            && std::none_of(p.catalogFilter.cbegin(), p.catalogFilter.cend(),
                            [&](const QJsonObject &filter) { return matchesFilter(catalog, i, filter); })) {
            continue;
        }
        const QString ref = e.refString();
        if (field.widget == Widget::MyGroupsPicker
            && (e.kind.compare("group"_L1, Qt::CaseInsensitive) != 0 || !groups.contains(ref.toLower()))) {
            continue;
        }
        if (field.widget == Widget::OwnedEntityPicker) {
            const QStringList ownedBy = entityField(catalog, i, u"relations.ownedBy"_s);
            if (std::none_of(ownedBy.cbegin(), ownedBy.cend(),
                             [&owners](const QString &o) { return owners.contains(o.toLower()); })) {
                continue;
            }
        }
        addCandidate(*set, ref, e.title, e.name);
    }
    sortCandidates(*set);
    return set;
}

// The tags of the catalog (of the kinds in ui:options.kinds, when given), for EntityTagsPicker.
std::shared_ptr<const CandidateSet> tagCandidates(const Catalog &catalog, const FormField &field)
{
    QStringList kinds;
    for (const QJsonValue &k : field.options.value("kinds"_L1).toArray()) {
        kinds << k.toString();
    }
    QSet<QString> tags;
    for (const Entity &e : catalog.entities()) {
        if (kinds.isEmpty() || kinds.contains(e.kind, Qt::CaseInsensitive)) {
            for (const QString &t : e.tags) {
                tags.insert(t);
            }
        }
    }
    auto set = std::make_shared<CandidateSet>();
    for (const QString &t : std::as_const(tags)) {
        addCandidate(*set, t, {}, t);
    }
    sortCandidates(*set);
    return set;
}

} // namespace

// The choices of one picker that match what is typed: at most `shownLimit` rows, so the completer's popup stays
// quick with 100k candidates (matches at the start of a name first). The candidate list itself is built once, off
// the GUI thread.
class CandidateModel final : public QAbstractListModel
{
public:
    static constexpr int shownLimit = 100;

    explicit CandidateModel(QObject *parent)
        : QAbstractListModel(parent)
    { }

    void setCandidates(std::shared_ptr<const CandidateSet> set)
    {
        m_set = std::move(set);
        refilter();
    }
    void setFilter(const QString &text)
    {
        const QString filter = text.trimmed().toLower();
        if (filter == m_filter) {
            return;
        }
        m_filter = filter;
        refilter();
    }
    [[nodiscard]] bool isLoaded() const { return m_set != nullptr; }
    [[nodiscard]] bool contains(const QString &value) const { return m_set && m_set->keys.contains(value.toLower()); }
    // The one candidate named `name` (any kind or namespace), or empty.
    [[nodiscard]] QString uniqueByName(const QString &name) const
    {
        if (!m_set) {
            return {};
        }
        QString found;
        const QString lower = name.toLower();
        for (const Candidate &c : m_set->items) {
            if (c.name == lower) {
                if (!found.isEmpty()) {
                    return {};
                }
                found = c.value;
            }
        }
        return found;
    }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override
    {
        if (!m_set || !index.isValid() || index.row() >= int(m_rows.size())) {
            return {};
        }
        const Candidate &c = m_set->items[std::size_t(m_rows[std::size_t(index.row())])];
        switch (role) {
        case Qt::DisplayRole:
            return c.title.isEmpty() ? c.value : u"%1 — %2"_s.arg(c.title, c.value);
        case Qt::EditRole:
        case Qt::ToolTipRole:
            return c.value;
        default:
            return {};
        }
    }

private:
    void refilter()
    {
        beginResetModel();
        m_rows.clear();
        if (m_set) {
            std::vector<int> later;
            const auto &items = m_set->items;
            for (int i = 0; i < int(items.size()) && int(m_rows.size()) < shownLimit; ++i) {
                const Candidate &c = items[std::size_t(i)];
                if (m_filter.isEmpty() || c.name.startsWith(m_filter) || c.haystack.startsWith(m_filter)) {
                    m_rows.push_back(i);
                } else if (int(later.size()) < shownLimit && c.haystack.contains(m_filter)) {
                    later.push_back(i);
                }
            }
            for (std::size_t i = 0; i < later.size() && int(m_rows.size()) < shownLimit; ++i) {
                m_rows.push_back(later[i]);
            }
        }
        endResetModel();
    }

    std::shared_ptr<const CandidateSet> m_set;
    QString m_filter;
    std::vector<int> m_rows;
};

// What the inputs share: the catalog snapshot and user the pickers read, and their candidate models.
struct Context
{
    Catalog::Ptr catalog;
    ActionUser user;
    QWidget *window = nullptr;
    QHash<QString, CandidateModel *> models;
    std::function<void()> candidatesLoaded;

    CandidateModel *candidates(const FormField &field)
    {
        const QString key = field.path + u'|' + FormField::widgetName(field.widget);
        if (CandidateModel *model = models.value(key)) {
            return model;
        }
        auto *model = new CandidateModel(window);
        models.insert(key, model);
        const QPointer<CandidateModel> guard(model);
        const Catalog::Ptr snapshot = catalog ? catalog : Catalog::empty();
        const ActionUser who = user;
        const auto loaded = candidatesLoaded;
        (void)QtConcurrent::run([guard, snapshot, field, who, loaded] {
            const auto set = field.widget == Widget::EntityTagsPicker ? tagCandidates(*snapshot, field)
                                                                      : entityCandidates(*snapshot, field, who);
            if (!guard) {
                return; // the wizard closed meanwhile
            }
            QMetaObject::invokeMethod(
                guard.data(),
                [guard, set, loaded] {
                    if (guard) {
                        guard->setCandidates(set);
                        if (loaded) {
                            loaded();
                        }
                    }
                },
                Qt::QueuedConnection);
        });
        return model;
    }
};

namespace {

// A line edit completing from a picker's candidates; the button at its end lists them without typing.
class PickerEdit final : public QLineEdit
{
public:
    PickerEdit(CandidateModel *model, QWidget *parent)
        : QLineEdit(parent)
        , m_model(model)
    {
        auto *completer = new QCompleter(model, this);
        // The model filters (quickly, capped); the completer only shows what it is given.
        completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        completer->setCompletionRole(Qt::EditRole);
        completer->setMaxVisibleItems(12);
        setCompleter(completer);
        connect(this, &QLineEdit::textEdited, this, [this](const QString &text) { m_model->setFilter(text); });
        QAction *browse = addAction(Icons::icon(Icons::Glyph::Search), QLineEdit::TrailingPosition);
        browse->setToolTip(Tr::tr("Show the choices"));
        connect(browse, &QAction::triggered, this, [this] {
            m_model->setFilter(text());
            this->completer()->setCompletionPrefix(text());
            this->completer()->complete();
        });
    }

private:
    CandidateModel *m_model;
};

} // namespace

// ---------------------------------------------------------------------------------------------------------------
// Inputs: one per FormField, holding its value as JSON.

class FormBlock;
class FieldRow;

class FieldInput : public QWidget
{
public:
    FieldInput(const FormField &field, QString path, Context *context, QWidget *parent)
        : QWidget(parent)
        , m_field(field)
        , m_path(std::move(path))
        , m_context(context)
    { }

    [[nodiscard]] const FormField &field() const { return m_field; }
    [[nodiscard]] const QString &path() const { return m_path; }
    // The value as entered; undefined when nothing is.
    [[nodiscard]] virtual QJsonValue value() const = 0;
    // Shows `value` without reporting a change.
    void assign(const QJsonValue &value)
    {
        const QScopedValueRollback guard(m_updating, true);
        display(value);
    }
    // What takes the focus, and what ActionWizard::fieldWidget returns.
    [[nodiscard]] virtual QWidget *editor() { return this; }
    // The field as the values entered now give it (required, the children of an object).
    virtual void updateField(const FormField &field, const QJsonValue &value)
    {
        Q_UNUSED(value)
        m_field = field;
    }
    // Containers: the row below this field at `rest` (".child", "[1].name").
    [[nodiscard]] virtual FieldRow *rowAt(QStringView rest) const
    {
        Q_UNUSED(rest)
        return nullptr;
    }
    // Containers: shows their children's errors; adds the paths shown to `shown`.
    virtual void showErrors(const QHash<QString, QStringList> &errors, QSet<QString> &shown)
    {
        Q_UNUSED(errors)
        Q_UNUSED(shown)
    }
    virtual void touchPresent() { }
    virtual void focusFirst() { editor()->setFocus(Qt::OtherFocusReason); }
    // Checkbox and group show the title themselves.
    [[nodiscard]] virtual bool showsTitle() const { return false; }
    // Lists show the problems of their items with their own.
    [[nodiscard]] virtual bool showsItemErrors() const { return false; }

    std::function<void()> changed;

protected:
    virtual void display(const QJsonValue &value) = 0;
    void notify()
    {
        if (!m_updating && changed) {
            changed();
        }
    }
    // Typed text as the field's type; text that does not parse stays text, so validation names the problem.
    [[nodiscard]] static QJsonValue typedText(const FormField &field, const QString &text)
    {
        if (text.isEmpty()) {
            return QJsonValue::Undefined;
        }
        if (field.type == Type::String) {
            return text;
        }
        const Result<QJsonValue> parsed = ParameterForm::parseValue(field, text);
        return parsed ? *parsed : QJsonValue(text);
    }
    [[nodiscard]] QString titleWithMarker() const
    {
        return m_field.required ? Tr::tr("%1 *").arg(m_field.displayTitle()) : m_field.displayTitle();
    }

    FormField m_field;
    QString m_path;
    Context *m_context;
    bool m_updating = false;
};

// The rows of one object's fields (a page, a group, an item of a list), kept in the order of the fields given and
// reused across changes, so the input being typed in keeps its focus when other fields come and go.
class FormBlock final : public QWidget
{
public:
    FormBlock(QString prefix, Context *context, QWidget *parent);

    void sync(const QList<FormField> &fields, const QJsonObject &values);
    [[nodiscard]] QJsonObject collect(QJsonObject base) const;
    void setValues(const QJsonObject &values);
    [[nodiscard]] FieldRow *rowAt(QStringView path) const;
    void showErrors(const QHash<QString, QStringList> &errors, QSet<QString> &shown);
    void touchPresent();
    void focusFirst();
    [[nodiscard]] const QList<FieldRow *> &rows() const { return m_rows; }

    std::function<void()> changed;

private:
    QString m_prefix;
    Context *m_context;
    QVBoxLayout *m_layout;
    QList<FieldRow *> m_rows;
};

// One field: its title (with a marker when required), input, description, help and problems.
class FieldRow final : public QWidget
{
public:
    FieldRow(const FormField &field, const QString &path, Context *context, QWidget *parent);

    [[nodiscard]] const FormField &field() const { return m_input->field(); }
    [[nodiscard]] FieldInput *input() const { return m_input; }
    [[nodiscard]] const QStringList &shownErrors() const { return m_shown; }
    void updateField(const FormField &field, const QJsonValue &value);
    void showErrors(const QHash<QString, QStringList> &errors, QSet<QString> &shown);
    void setTouched(bool touched) { m_touched = touched; }

    std::function<void()> changed;

private:
    void updateTexts();

    QString m_path;
    QLabel *m_title;
    FieldInput *m_input;
    QLabel *m_description;
    QLabel *m_help;
    QLabel *m_unsupported;
    QLabel *m_errors;
    QStringList m_shown;
    bool m_touched = false;
};

namespace {

QHBoxLayout *bareRow(QWidget *parent)
{
    auto *layout = new QHBoxLayout(parent);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    return layout;
}

QVBoxLayout *bareColumn(QWidget *parent)
{
    auto *layout = new QVBoxLayout(parent);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    return layout;
}

class LineInput final : public FieldInput
{
public:
    LineInput(const FormField &field, const QString &path, Context *context, QWidget *parent, QLineEdit *edit = nullptr)
        : FieldInput(field, path, context, parent)
        , m_edit(edit ? edit : new QLineEdit(this))
    {
        m_edit->setParent(this);
        bareRow(this)->addWidget(m_edit);
        QString placeholder = field.placeholder;
        if (placeholder.isEmpty() && field.widget == Widget::Email) {
            placeholder = Tr::tr("name@example.com");
        } else if (placeholder.isEmpty() && field.widget == Widget::Url) {
            placeholder = u"https://"_s;
        }
        m_edit->setPlaceholderText(placeholder);
        if (field.secret) {
            m_edit->setEchoMode(QLineEdit::Password);
        }
        connect(m_edit, &QLineEdit::textChanged, this, [this] { notify(); });
    }

    [[nodiscard]] QJsonValue value() const override { return typedText(m_field, m_edit->text()); }
    [[nodiscard]] QWidget *editor() override { return m_edit; }
    [[nodiscard]] QLineEdit *lineEdit() const { return m_edit; }

protected:
    void display(const QJsonValue &value) override { m_edit->setText(isMissing(value) ? QString() : plainText(value)); }

private:
    QLineEdit *m_edit;
};

// EntityPicker, OwnerPicker, OwnedEntityPicker, MyGroupsPicker: a reference typed or chosen from the catalog.
class PickerInput final : public FieldInput
{
public:
    PickerInput(const FormField &field, const QString &path, Context *context, QWidget *parent)
        : FieldInput(field, path, context, parent)
        , m_model(context->candidates(field))
        , m_edit(new PickerEdit(m_model, this))
    {
        bareRow(this)->addWidget(m_edit);
        m_edit->setPlaceholderText(field.placeholder.isEmpty() ? placeholderFor(field) : field.placeholder);
        connect(m_edit, &QLineEdit::textChanged, this, [this] { notify(); });
        // Backstage writes a typed reference in full once it is entered: "platform" -> "group:default/platform".
        connect(m_edit, &QLineEdit::editingFinished, this, [this] {
            const QString full = normalized(m_field, m_model, m_edit->text());
            if (full != m_edit->text()) {
                m_edit->setText(full);
            }
        });
    }

    [[nodiscard]] QJsonValue value() const override
    {
        const QString text = m_edit->text().trimmed();
        return text.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(text);
    }
    [[nodiscard]] QWidget *editor() override { return m_edit; }

    static QString placeholderFor(const FormField &field)
    {
        const QStringList kinds = field.picker.kinds();
        if (field.widget == Widget::MyGroupsPicker) {
            return Tr::tr("One of your groups");
        }
        return kinds.isEmpty() ? Tr::tr("An entity reference, e.g. component:default/name")
                               : Tr::tr("Type to search: %1").arg(kinds.join(u", "_s));
    }

    static QString normalized(const FormField &field, const CandidateModel *model, const QString &typed)
    {
        const QString text = typed.trimmed();
        if (text.isEmpty() || model->contains(text)) {
            return text;
        }
        const QStringList kinds = field.picker.kinds();
        const QString defaultKind = !field.picker.defaultKind.isEmpty() ? field.picker.defaultKind
                                    : kinds.size() == 1                 ? kinds.first()
                                                                        : QString();
        const QString defaultNs =
            field.picker.defaultNamespace.isEmpty() ? u"default"_s : field.picker.defaultNamespace;
        if (!text.contains(u':') && defaultKind.isEmpty()) {
            // No kind to assume: the one entity offered by that name, if there is exactly one.
            const QString unique = model->uniqueByName(text);
            return unique.isEmpty() ? text : unique;
        }
        const Result<EntityRef> ref = EntityRef::parse(text, defaultKind, defaultNs);
        return ref ? ref->toString() : text;
    }

protected:
    void display(const QJsonValue &value) override { m_edit->setText(isMissing(value) ? QString() : plainText(value)); }

private:
    CandidateModel *m_model;
    PickerEdit *m_edit;
};

class TextAreaInput final : public FieldInput
{
public:
    TextAreaInput(const FormField &field, const QString &path, Context *context, QWidget *parent)
        : FieldInput(field, path, context, parent)
        , m_edit(new QPlainTextEdit(this))
    {
        bareRow(this)->addWidget(m_edit);
        m_edit->setTabChangesFocus(true);
        m_edit->setPlaceholderText(field.placeholder);
        const int rows = std::clamp(field.options.value("rows"_L1).toInt(3), 1, 30);
        const int frame = m_edit->frameWidth() * 2 + int(m_edit->document()->documentMargin() * 2);
        m_edit->setFixedHeight(rows * m_edit->fontMetrics().lineSpacing() + frame + 2);
        connect(m_edit, &QPlainTextEdit::textChanged, this, [this] { notify(); });
    }

    [[nodiscard]] QJsonValue value() const override { return typedText(m_field, m_edit->toPlainText()); }
    [[nodiscard]] QWidget *editor() override { return m_edit; }

protected:
    void display(const QJsonValue &value) override
    {
        const QString text = isMissing(value) ? QString() : plainText(value);
        if (text != m_edit->toPlainText()) {
            m_edit->setPlainText(text);
        }
    }

private:
    QPlainTextEdit *m_edit;
};

// ui:widget hidden: nothing is shown; the value (its default, or what was passed in) is kept.
class HiddenInput final : public FieldInput
{
public:
    using FieldInput::FieldInput;
    [[nodiscard]] QJsonValue value() const override { return m_value; }

protected:
    void display(const QJsonValue &value) override { m_value = value; }

private:
    QJsonValue m_value = QJsonValue::Undefined;
};

class ColorInput final : public FieldInput
{
public:
    ColorInput(const FormField &field, const QString &path, Context *context, QWidget *parent)
        : FieldInput(field, path, context, parent)
        , m_edit(new QLineEdit(this))
        , m_button(new QToolButton(this))
    {
        QHBoxLayout *layout = bareRow(this);
        layout->addWidget(m_edit, 1);
        layout->addWidget(m_button);
        m_edit->setPlaceholderText(field.placeholder.isEmpty() ? u"#3b82f6"_s : field.placeholder);
        m_edit->setMaximumWidth(200);
        layout->addStretch(1);
        m_button->setToolTip(Tr::tr("Choose a colour"));
        connect(m_edit, &QLineEdit::textChanged, this, [this] {
            updateSwatch();
            notify();
        });
        connect(m_button, &QToolButton::clicked, this, [this] {
            auto *dialog = new QColorDialog(QColor::fromString(m_edit->text()), window());
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->setWindowTitle(Tr::tr("Colour for “%1”").arg(m_field.displayTitle()));
            connect(dialog, &QColorDialog::colorSelected, this,
                    [this](const QColor &color) { m_edit->setText(color.name()); });
            dialog->open();
        });
        updateSwatch();
    }

    [[nodiscard]] QJsonValue value() const override { return typedText(m_field, m_edit->text().trimmed()); }
    [[nodiscard]] QWidget *editor() override { return m_edit; }

protected:
    void display(const QJsonValue &value) override { m_edit->setText(isMissing(value) ? QString() : plainText(value)); }

private:
    void updateSwatch()
    {
        QPixmap swatch(16, 16);
        swatch.fill(Qt::transparent);
        QPainter p(&swatch);
        const QColor color = QColor::fromString(m_edit->text().trimmed());
        p.setPen(palette().color(QPalette::Mid));
        p.setBrush(color.isValid() ? color : QColor(Qt::transparent));
        p.drawRect(QRectF(0.5, 0.5, 15, 15));
        p.end();
        m_button->setIcon(QIcon(swatch));
    }

    QLineEdit *m_edit;
    QToolButton *m_button;
};

class RangeInput final : public FieldInput
{
public:
    RangeInput(const FormField &field, const QString &path, Context *context, QWidget *parent)
        : FieldInput(field, path, context, parent)
        , m_slider(new QSlider(Qt::Horizontal, this))
        , m_label(new QLabel(this))
    {
        QHBoxLayout *layout = bareRow(this);
        layout->addWidget(m_slider, 1);
        layout->addWidget(m_label);
        m_min = field.minimum.value_or(field.exclusiveMinimum.value_or(0));
        m_max = field.maximum.value_or(field.exclusiveMaximum.value_or(100));
        if (m_max <= m_min) {
            m_max = m_min + 100;
        }
        const double multipleOf = field.schema.value("multipleOf"_L1).toDouble();
        m_step = multipleOf > 0 ? multipleOf : (field.type == Type::Integer || m_max - m_min > 1 ? 1 : 0.01);
        m_slider->setRange(0, int(std::round((m_max - m_min) / m_step)));
        m_label->setMinimumWidth(m_label->fontMetrics().horizontalAdvance(Tr::tr("Not set")) + 8);
        connect(m_slider, &QSlider::valueChanged, this, [this] {
            if (!m_updating) {
                m_set = true;
            }
            updateLabel();
            notify();
        });
        updateLabel();
    }

    [[nodiscard]] QJsonValue value() const override
    {
        if (!m_set) {
            return QJsonValue::Undefined;
        }
        const double v = m_min + m_slider->value() * m_step;
        return m_field.type == Type::Integer ? QJsonValue(qint64(std::llround(v))) : QJsonValue(v);
    }
    [[nodiscard]] QWidget *editor() override { return m_slider; }

protected:
    void display(const QJsonValue &value) override
    {
        m_set = value.isDouble();
        m_slider->setValue(m_set ? int(std::round((value.toDouble() - m_min) / m_step)) : 0);
        updateLabel();
    }

private:
    void updateLabel() { m_label->setText(m_set ? plainText(value()) : Tr::tr("Not set")); }

    QSlider *m_slider;
    QLabel *m_label;
    double m_min = 0;
    double m_max = 100;
    double m_step = 1;
    bool m_set = false;
};

// The choices of radio buttons and check boxes: a row when they are few and short, else a column.
QBoxLayout *choiceLayout(QWidget *parent, const QStringList &names)
{
    const qsizetype length = std::accumulate(names.cbegin(), names.cend(), qsizetype(0),
                                             [](qsizetype n, const QString &s) { return n + s.size(); });
    QBoxLayout *layout = names.size() <= 4 && length < 48 ? static_cast<QBoxLayout *>(bareRow(parent))
                                                          : static_cast<QBoxLayout *>(bareColumn(parent));
    layout->setSpacing(layout->direction() == QBoxLayout::LeftToRight ? 16 : 4);
    return layout;
}

std::pair<QJsonArray, QStringList> choices(const FormField &field)
{
    if (field.enumValues.isEmpty() && field.type == Type::Boolean) {
        return {QJsonArray{true, false}, {Tr::tr("Yes"), Tr::tr("No")}};
    }
    return {field.enumValues, field.enumNames};
}

class RadioInput final : public FieldInput
{
public:
    RadioInput(const FormField &field, const QString &path, Context *context, QWidget *parent)
        : FieldInput(field, path, context, parent)
        , m_group(new QButtonGroup(this))
    {
        std::tie(m_values, m_names) = choices(field);
        QBoxLayout *layout = choiceLayout(this, m_names);
        for (qsizetype i = 0; i < m_names.size(); ++i) {
            auto *button = new QRadioButton(m_names.at(i), this);
            m_group->addButton(button, int(i));
            layout->addWidget(button);
        }
        if (layout->direction() == QBoxLayout::LeftToRight) {
            layout->addStretch(1);
        }
        connect(m_group, &QButtonGroup::idClicked, this, [this] { notify(); });
    }

    [[nodiscard]] QJsonValue value() const override
    {
        const int id = m_group->checkedId();
        return id >= 0 && id < m_values.size() ? m_values.at(id) : QJsonValue(QJsonValue::Undefined);
    }
    [[nodiscard]] QWidget *editor() override
    {
        QAbstractButton *checked = m_group->checkedButton();
        if (checked) {
            return checked;
        }
        return m_group->buttons().isEmpty() ? static_cast<QWidget *>(this) : m_group->buttons().first();
    }

protected:
    void display(const QJsonValue &value) override
    {
        const qsizetype index = indexOfValue(m_values, value);
        m_group->setExclusive(false);
        for (QAbstractButton *b : m_group->buttons()) {
            b->setChecked(m_group->id(b) == index);
        }
        m_group->setExclusive(true);
    }

private:
    QButtonGroup *m_group;
    QJsonArray m_values;
    QStringList m_names;
};

class SelectInput final : public FieldInput
{
public:
    SelectInput(const FormField &field, const QString &path, Context *context, QWidget *parent)
        : FieldInput(field, path, context, parent)
        , m_combo(new QComboBox(this))
    {
        QHBoxLayout *layout = bareRow(this);
        layout->addWidget(m_combo, 2);
        layout->addStretch(1);
        m_combo->setPlaceholderText(field.placeholder.isEmpty() ? Tr::tr("Choose…") : field.placeholder);
        m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        m_combo->setMinimumWidth(240);
        fill();
        connect(m_combo, &QComboBox::activated, this, [this] { notify(); });
    }

    [[nodiscard]] QJsonValue value() const override
    {
        const int index = m_combo->currentData().isValid() ? m_combo->currentData().toInt() : -1;
        return index >= 0 && index < m_field.enumValues.size() ? m_field.enumValues.at(index)
                                                               : QJsonValue(QJsonValue::Undefined);
    }
    [[nodiscard]] QWidget *editor() override { return m_combo; }
    void updateField(const FormField &field, const QJsonValue &value) override
    {
        const bool refill = field.required != m_field.required || field.enumValues != m_field.enumValues
                            || field.enumNames != m_field.enumNames;
        m_field = field;
        if (refill) {
            const QScopedValueRollback guard(m_updating, true);
            fill();
            display(value);
        }
    }

protected:
    void display(const QJsonValue &value) override
    {
        const qsizetype index = indexOfValue(m_field.enumValues, value);
        m_combo->setCurrentIndex(index < 0 ? (m_field.required ? -1 : 0) : m_combo->findData(int(index)));
    }

private:
    void fill()
    {
        m_combo->clear();
        if (!m_field.required) {
            // An optional choice can be taken back.
            m_combo->addItem(Tr::tr("Not set"));
        }
        for (qsizetype i = 0; i < m_field.enumNames.size(); ++i) {
            m_combo->addItem(m_field.enumNames.at(i), int(i));
        }
        m_combo->setCurrentIndex(-1);
    }

    QComboBox *m_combo;
};

class CheckboxesInput final : public FieldInput
{
public:
    CheckboxesInput(const FormField &field, const QString &path, Context *context, QWidget *parent)
        : FieldInput(field, path, context, parent)
    {
        QBoxLayout *layout = choiceLayout(this, field.enumNames);
        for (const QString &name : field.enumNames) {
            auto *box = new QCheckBox(name, this);
            m_boxes << box;
            layout->addWidget(box);
            connect(box, &QCheckBox::clicked, this, [this] { notify(); });
        }
        if (layout->direction() == QBoxLayout::LeftToRight) {
            layout->addStretch(1);
        }
    }

    [[nodiscard]] QJsonValue value() const override
    {
        QJsonArray out;
        for (qsizetype i = 0; i < m_boxes.size() && i < m_field.enumValues.size(); ++i) {
            if (m_boxes.at(i)->isChecked()) {
                out.append(m_field.enumValues.at(i));
            }
        }
        return out;
    }
    [[nodiscard]] QWidget *editor() override
    {
        return m_boxes.isEmpty() ? static_cast<QWidget *>(this) : m_boxes.first();
    }
    [[nodiscard]] bool showsItemErrors() const override { return true; }

protected:
    void display(const QJsonValue &value) override
    {
        const QJsonArray checked = value.toArray();
        for (qsizetype i = 0; i < m_boxes.size() && i < m_field.enumValues.size(); ++i) {
            m_boxes.at(i)->setChecked(checked.contains(m_field.enumValues.at(i)));
        }
    }

private:
    QList<QCheckBox *> m_boxes;
};

class CheckboxInput final : public FieldInput
{
public:
    CheckboxInput(const FormField &field, const QString &path, Context *context, QWidget *parent)
        : FieldInput(field, path, context, parent)
        , m_box(new QCheckBox(titleWithMarker(), this))
    {
        QHBoxLayout *layout = bareRow(this);
        layout->addWidget(m_box);
        layout->addStretch(1); // only the box and its text take a click
        connect(m_box, &QCheckBox::clicked, this, [this] {
            m_set = true;
            notify();
        });
    }

    [[nodiscard]] QJsonValue value() const override
    {
        return m_set ? QJsonValue(m_box->isChecked()) : QJsonValue(QJsonValue::Undefined);
    }
    [[nodiscard]] QWidget *editor() override { return m_box; }
    [[nodiscard]] bool showsTitle() const override { return true; }
    void updateField(const FormField &field, const QJsonValue &value) override
    {
        FieldInput::updateField(field, value);
        m_box->setText(titleWithMarker());
    }

protected:
    void display(const QJsonValue &value) override
    {
        m_set = value.isBool();
        m_box->setChecked(value.toBool());
    }

private:
    QCheckBox *m_box;
    bool m_set = false;
};

// A spin box where the schema bounds the number. Its lowest position is "Not set", so an optional number is not
// given a value nobody chose.
class NumberInput final : public FieldInput
{
public:
    NumberInput(const FormField &field, const QString &path, Context *context, QWidget *parent)
        : FieldInput(field, path, context, parent)
    {
        QHBoxLayout *layout = bareRow(this);
        const double multipleOf = field.schema.value("multipleOf"_L1).toDouble();
        if (field.type == Type::Integer) {
            auto *spin = new QSpinBox(this);
            const auto [lo, hi] = integerBounds(field);
            spin->setRange(lo - 1, hi);
            spin->setSingleStep(multipleOf >= 1 ? int(multipleOf) : 1);
            connect(spin, &QSpinBox::valueChanged, this, [this] { notify(); });
            m_spin = spin;
        } else {
            auto *spin = new QDoubleSpinBox(this);
            const double step = multipleOf > 0 ? multipleOf : 1;
            int decimals = 2;
            if (multipleOf > 0) {
                decimals = std::clamp(int(std::ceil(-std::log10(multipleOf))), 0, 6);
            }
            spin->setDecimals(decimals);
            spin->setSingleStep(step);
            const double lo = field.minimum.value_or(field.exclusiveMinimum.value_or(-1e12));
            const double hi = field.maximum.value_or(field.exclusiveMaximum.value_or(1e12));
            spin->setRange(lo - step, hi);
            connect(spin, &QDoubleSpinBox::valueChanged, this, [this] { notify(); });
            m_spin = spin;
        }
        m_spin->setSpecialValueText(Tr::tr("Not set"));
        m_spin->setMinimumWidth(140);
        m_spin->setAccelerated(true);
        layout->addWidget(m_spin);
        layout->addStretch(1);
    }

    // A spin box needs a range; without any bound a line edit takes the number.
    static bool bounded(const FormField &field)
    {
        const bool any = field.minimum || field.maximum || field.exclusiveMinimum || field.exclusiveMaximum;
        if (!any || field.type == Type::Number) {
            return any;
        }
        const auto [lo, hi] = integerBounds(field);
        return lo <= hi;
    }

    [[nodiscard]] QJsonValue value() const override
    {
        if (auto *spin = qobject_cast<QSpinBox *>(m_spin)) {
            return spin->value() == spin->minimum() ? QJsonValue(QJsonValue::Undefined)
                                                    : QJsonValue(qint64(spin->value()));
        }
        auto *spin = static_cast<QDoubleSpinBox *>(m_spin);
        return spin->value() == spin->minimum() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(spin->value());
    }
    [[nodiscard]] QWidget *editor() override { return m_spin; }

protected:
    void display(const QJsonValue &value) override
    {
        if (auto *spin = qobject_cast<QSpinBox *>(m_spin)) {
            spin->setValue(value.isDouble() ? int(value.toDouble()) : spin->minimum());
        } else {
            auto *d = static_cast<QDoubleSpinBox *>(m_spin);
            d->setValue(value.isDouble() ? value.toDouble() : d->minimum());
        }
    }

private:
    static std::pair<int, int> integerBounds(const FormField &field)
    {
        constexpr double limit = 1e9;
        double lo = -limit;
        double hi = limit;
        if (field.minimum) {
            lo = std::ceil(*field.minimum);
        } else if (field.exclusiveMinimum) {
            lo = std::floor(*field.exclusiveMinimum) + 1;
        }
        if (field.maximum) {
            hi = std::floor(*field.maximum);
        } else if (field.exclusiveMaximum) {
            hi = std::ceil(*field.exclusiveMaximum) - 1;
        }
        if (lo < -limit || hi > limit) {
            return {1, 0}; // beyond a spin box's int: typed instead
        }
        return {int(lo), int(hi)};
    }

    QAbstractSpinBox *m_spin = nullptr;
};

// Dates and times, with a check box for "given": a date edit always shows some date.
class DateTimeInput final : public FieldInput
{
public:
    DateTimeInput(const FormField &field, const QString &path, Context *context, QWidget *parent)
        : FieldInput(field, path, context, parent)
        , m_set(new QCheckBox(this))
    {
        QHBoxLayout *layout = bareRow(this);
        switch (field.widget) {
        case Widget::Date:
            m_edit = new QDateEdit(QDate::currentDate(), this);
            m_edit->setDisplayFormat(u"yyyy-MM-dd"_s);
            m_edit->setCalendarPopup(true);
            break;
        case Widget::Time:
            m_edit = new QTimeEdit(QTime(12, 0), this);
            m_edit->setDisplayFormat(u"HH:mm:ss"_s);
            break;
        default:
            m_edit = new QDateTimeEdit(QDateTime::currentDateTime(), this);
            m_edit->setDisplayFormat(u"yyyy-MM-dd HH:mm"_s);
            m_edit->setCalendarPopup(true);
            break;
        }
        // Its size hint leaves no room for the calendar button with some styles: the text is measured here.
        m_edit->setMinimumWidth(m_edit->fontMetrics().horizontalAdvance(m_edit->displayFormat() + u"00"_s) + 48);
        m_set->setToolTip(Tr::tr("Give “%1” a value").arg(field.displayTitle()));
        m_edit->setEnabled(false);
        layout->addWidget(m_set);
        layout->addWidget(m_edit);
        m_notSet = mutedLabel(this, u"notSet"_s);
        m_notSet->setText(Tr::tr("Not set"));
        layout->addWidget(m_notSet);
        layout->addStretch(1);
        connect(m_set, &QCheckBox::clicked, this, [this] {
            updateState();
            notify();
        });
        connect(m_edit, &QDateTimeEdit::dateTimeChanged, this, [this] { notify(); });
    }

    [[nodiscard]] QJsonValue value() const override
    {
        if (!m_set->isChecked()) {
            return QJsonValue::Undefined;
        }
        switch (m_field.widget) {
        case Widget::Date:
            return m_edit->date().toString(Qt::ISODate);
        case Widget::Time:
            return m_edit->time().toString(u"HH:mm:ss"_s);
        default:
            // RFC 3339 with a zone, as the date-time format asks.
            return m_edit->dateTime().toUTC().toString(Qt::ISODate);
        }
    }
    [[nodiscard]] QWidget *editor() override { return m_edit; }

protected:
    void display(const QJsonValue &value) override
    {
        const QString text = value.toString();
        bool ok = false;
        switch (m_field.widget) {
        case Widget::Date: {
            const QDate d = QDate::fromString(text, Qt::ISODate);
            ok = d.isValid();
            if (ok) {
                m_edit->setDate(d);
            }
            break;
        }
        case Widget::Time: {
            const QTime t = QTime::fromString(text.left(8), u"HH:mm:ss"_s);
            ok = t.isValid();
            if (ok) {
                m_edit->setTime(t);
            }
            break;
        }
        default: {
            const QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
            ok = dt.isValid();
            if (ok) {
                m_edit->setDateTime(dt.toLocalTime());
            }
            break;
        }
        }
        m_set->setChecked(ok);
        updateState();
    }

private:
    void updateState()
    {
        m_edit->setEnabled(m_set->isChecked());
        m_notSet->setVisible(!m_set->isChecked());
    }

    QCheckBox *m_set;
    QDateTimeEdit *m_edit = nullptr;
    QLabel *m_notSet;
};

// format data-url: a chosen file, read off the GUI thread, as a data: URL.
class FileInput final : public FieldInput
{
public:
    FileInput(const FormField &field, const QString &path, Context *context, QWidget *parent)
        : FieldInput(field, path, context, parent)
        , m_choose(new QPushButton(Tr::tr("Choose File…"), this))
        , m_name(new QLabel(this))
        , m_clear(new QToolButton(this))
    {
        QHBoxLayout *layout = bareRow(this);
        layout->addWidget(m_choose);
        layout->addWidget(m_name, 1);
        layout->addWidget(m_clear);
        m_clear->setIcon(Icons::icon(Icons::Glyph::Close));
        m_clear->setAutoRaise(true);
        m_clear->setToolTip(Tr::tr("Remove the file"));
        connect(m_choose, &QPushButton::clicked, this, [this] {
            const QString file =
                QFileDialog::getOpenFileName(window(), Tr::tr("Choose a File for “%1”").arg(m_field.displayTitle()));
            if (!file.isEmpty()) {
                load(file);
            }
        });
        connect(m_clear, &QToolButton::clicked, this, [this] {
            ++m_generation;
            m_url.clear();
            updateName();
            notify();
        });
        updateName();
    }

    // Reads `file` on a worker thread; the value changes when it has been read.
    void load(const QString &file)
    {
        const int generation = ++m_generation;
        m_name->setText(Tr::tr("Reading %1…").arg(QFileInfo(file).fileName()));
        const QPointer<FileInput> self(this);
        (void)QtConcurrent::run([self, file, generation] {
            QString url;
            QString error;
            QFile in(file);
            if (!in.open(QIODevice::ReadOnly)) {
                error = Tr::tr("Cannot read %1: %2").arg(QFileInfo(file).fileName(), in.errorString());
            } else if (in.size() > maxFileBytes) {
                error = Tr::tr("%1 is larger than %2")
                            .arg(QFileInfo(file).fileName(), QLocale().formattedDataSize(maxFileBytes));
            } else {
                const QByteArray bytes = in.readAll();
                const QString mime = QMimeDatabase().mimeTypeForFileNameAndData(file, bytes).name();
                url = u"data:%1;name=%2;base64,%3"_s.arg(
                    mime, QString::fromLatin1(QUrl::toPercentEncoding(QFileInfo(file).fileName())),
                    QString::fromLatin1(bytes.toBase64()));
            }
            QMetaObject::invokeMethod(
                self.data(),
                [self, url, error, generation] {
                    if (!self || generation != self->m_generation) {
                        return;
                    }
                    if (!error.isEmpty()) {
                        self->m_name->setText(error);
                        return;
                    }
                    self->m_url = url;
                    self->updateName();
                    self->notify();
                },
                Qt::QueuedConnection);
        });
    }

    [[nodiscard]] QJsonValue value() const override
    {
        return m_url.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(m_url);
    }
    [[nodiscard]] QWidget *editor() override { return m_choose; }

protected:
    void display(const QJsonValue &value) override
    {
        ++m_generation;
        m_url = isMissing(value) ? QString() : value.toString();
        updateName();
    }

private:
    void updateName()
    {
        m_name->setText(m_url.isEmpty() ? Tr::tr("No file chosen") : describeDataUrl(m_url));
        m_name->setForegroundRole(m_url.isEmpty() ? QPalette::PlaceholderText : QPalette::WindowText);
        m_clear->setVisible(!m_url.isEmpty());
    }

    QPushButton *m_choose;
    QLabel *m_name;
    QToolButton *m_clear;
    QString m_url;
    int m_generation = 0;
};

// RepoUrlPicker: host, owner and repository, written as Backstage writes them: "github.com?owner=o&repo=r".
class RepoUrlInput final : public FieldInput
{
public:
    RepoUrlInput(const FormField &field, const QString &path, Context *context, QWidget *parent)
        : FieldInput(field, path, context, parent)
    {
        auto *layout = new QGridLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setHorizontalSpacing(8);
        layout->setVerticalSpacing(2);
        const QList<std::tuple<Part *, QString, QStringList, QString>> parts = {
            {&m_host, Tr::tr("Host"), field.picker.allowedHosts, {}},
            {&m_owner, Tr::tr("Owner"), field.picker.allowedOwners, Tr::tr("organisation or user")},
            {&m_repo, Tr::tr("Repository"), field.picker.allowedRepos, Tr::tr("repository name")},
        };
        int column = 0;
        for (const auto &[part, label, allowed, placeholder] : parts) {
            // A list of allowed values is a choice; without one the part is typed.
            if (allowed.isEmpty()) {
                part->edit = new QLineEdit(this);
                part->edit->setPlaceholderText(placeholder);
                connect(part->edit, &QLineEdit::textChanged, this, [this] { notify(); });
            } else {
                part->combo = new QComboBox(this);
                part->combo->addItems(allowed);
                connect(part->combo, &QComboBox::activated, this, [this] { notify(); });
            }
            QLabel *caption = mutedLabel(this, {});
            caption->setText(label);
            caption->setBuddy(part->widget());
            layout->addWidget(caption, 0, column);
            layout->addWidget(part->widget(), 1, column);
            layout->setColumnStretch(column, 1);
            ++column;
        }
        if (m_host.edit) {
            m_host.edit->setText(u"github.com"_s);
        }
        if (m_owner.combo) {
            m_owner.combo->setCurrentIndex(-1); // the host list proposes its first host; an owner is chosen
        }
        if (m_repo.combo) {
            m_repo.combo->setCurrentIndex(-1);
        }
    }

    [[nodiscard]] QJsonValue value() const override
    {
        const QString owner = m_owner.text();
        const QString repo = m_repo.text();
        if (owner.isEmpty() && repo.isEmpty()) {
            return QJsonValue::Undefined;
        }
        QUrlQuery query;
        if (!owner.isEmpty()) {
            query.addQueryItem(u"owner"_s, owner);
        }
        if (!repo.isEmpty()) {
            query.addQueryItem(u"repo"_s, repo);
        }
        return QString(m_host.text() + u'?' + query.toString(QUrl::FullyEncoded));
    }
    [[nodiscard]] QWidget *editor() override { return m_owner.widget(); }

protected:
    void display(const QJsonValue &value) override
    {
        const QString text = value.toString();
        const qsizetype q = text.indexOf(u'?');
        const QUrlQuery query(q < 0 ? QString() : text.mid(q + 1));
        if (const QString host = q < 0 ? text : text.left(q); !host.isEmpty()) {
            m_host.setText(host);
        }
        m_owner.setText(query.queryItemValue(u"owner"_s, QUrl::FullyDecoded));
        m_repo.setText(query.queryItemValue(u"repo"_s, QUrl::FullyDecoded));
    }

private:
    struct Part
    {
        QComboBox *combo = nullptr;
        QLineEdit *edit = nullptr;

        [[nodiscard]] QWidget *widget() const { return combo ? static_cast<QWidget *>(combo) : edit; }
        [[nodiscard]] QString text() const { return (combo ? combo->currentText() : edit->text()).trimmed(); }
        void setText(const QString &text) const
        {
            if (combo) {
                combo->setCurrentIndex(combo->findText(text));
            } else {
                edit->setText(text);
            }
        }
    };

    Part m_host;
    Part m_owner;
    Part m_repo;
};

// RepoOwnerPicker with allowedOwners: one of them.
class TextChoiceInput final : public FieldInput
{
public:
    TextChoiceInput(const FormField &field, const QString &path, Context *context, const QStringList &allowed,
                    QWidget *parent)
        : FieldInput(field, path, context, parent)
        , m_combo(new QComboBox(this))
    {
        QHBoxLayout *layout = bareRow(this);
        layout->addWidget(m_combo, 2);
        layout->addStretch(1);
        m_combo->addItems(allowed);
        m_combo->setCurrentIndex(-1);
        m_combo->setPlaceholderText(Tr::tr("Choose…"));
        m_combo->setMinimumWidth(240);
        connect(m_combo, &QComboBox::activated, this, [this] { notify(); });
    }

    [[nodiscard]] QJsonValue value() const override { return typedText(m_field, m_combo->currentText()); }
    [[nodiscard]] QWidget *editor() override { return m_combo; }

protected:
    void display(const QJsonValue &value) override { m_combo->setCurrentIndex(m_combo->findText(plainText(value))); }

private:
    QComboBox *m_combo;
};

// An array of plain values (text, numbers, entity references, tags), one line each.
class ListInput final : public FieldInput
{
public:
    enum class Kind { Plain, Entities, Tags };

    ListInput(const FormField &field, const QString &path, Context *context, Kind kind, QWidget *parent)
        : FieldInput(field, path, context, parent)
        , m_kind(kind)
        , m_rows(new QVBoxLayout)
        , m_add(new QPushButton(Icons::icon(Icons::Glyph::Add), addText(kind), this))
    {
        QVBoxLayout *layout = bareColumn(this);
        m_rows->setContentsMargins(0, 0, 0, 0);
        m_rows->setSpacing(4);
        layout->addLayout(m_rows);
        auto *buttons = new QHBoxLayout;
        buttons->addWidget(m_add);
        buttons->addStretch(1);
        layout->addLayout(buttons);
        if (kind != Kind::Plain) {
            m_model = context->candidates(field);
        }
        connect(m_add, &QPushButton::clicked, this, [this] {
            QLineEdit *edit = addRow({});
            edit->setFocus(Qt::OtherFocusReason);
            updateAdd();
            notify();
        });
        updateAdd();
    }

    [[nodiscard]] QJsonValue value() const override
    {
        QJsonArray out;
        const FormField item = m_field.items ? *m_field.items : FormField();
        for (const QLineEdit *edit : m_edits) {
            const QString text = edit->text().trimmed();
            if (!text.isEmpty()) {
                out.append(m_kind == Kind::Plain ? typedText(item, text) : QJsonValue(text));
            }
        }
        return out.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(out);
    }
    [[nodiscard]] QWidget *editor() override
    {
        return m_edits.isEmpty() ? static_cast<QWidget *>(m_add) : m_edits.first();
    }
    [[nodiscard]] bool showsItemErrors() const override { return true; }
    [[nodiscard]] const QList<QLineEdit *> &edits() const { return m_edits; }

protected:
    void display(const QJsonValue &value) override
    {
        const QJsonArray list = value.toArray();
        while (m_edits.size() > list.size()) {
            removeRow(m_edits.size() - 1);
        }
        while (m_edits.size() < list.size()) {
            addRow({});
        }
        for (qsizetype i = 0; i < list.size(); ++i) {
            m_edits.at(i)->setText(plainText(list.at(i)));
        }
        updateAdd();
    }

private:
    static QString addText(Kind kind)
    {
        switch (kind) {
        case Kind::Entities:
            return Tr::tr("Add Entity");
        case Kind::Tags:
            return Tr::tr("Add Tag");
        case Kind::Plain:
            break;
        }
        return Tr::tr("Add Item");
    }

    QLineEdit *addRow(const QString &text)
    {
        auto *row = new QWidget(this);
        QHBoxLayout *layout = bareRow(row);
        QLineEdit *edit = m_model ? new PickerEdit(m_model, row) : new QLineEdit(row);
        edit->setText(text);
        if (m_kind == Kind::Entities) {
            edit->setPlaceholderText(PickerInput::placeholderFor(m_field));
            connect(edit, &QLineEdit::editingFinished, this, [this, edit] {
                const QString full = PickerInput::normalized(m_field, m_model, edit->text());
                if (full != edit->text()) {
                    edit->setText(full);
                }
            });
        }
        auto *remove = new QToolButton(row);
        remove->setIcon(Icons::icon(Icons::Glyph::Remove));
        remove->setAutoRaise(true);
        remove->setToolTip(Tr::tr("Remove"));
        layout->addWidget(edit, 1);
        layout->addWidget(remove);
        m_rows->addWidget(row);
        m_edits << edit;
        connect(edit, &QLineEdit::textChanged, this, [this] { notify(); });
        connect(remove, &QToolButton::clicked, this, [this, edit] {
            removeRow(m_edits.indexOf(edit));
            updateAdd();
            notify();
        });
        return edit;
    }

    void removeRow(qsizetype index)
    {
        if (index < 0 || index >= m_edits.size()) {
            return;
        }
        QWidget *row = m_edits.takeAt(index)->parentWidget();
        m_rows->removeWidget(row);
        row->hide();
        row->deleteLater(); // its remove button may be the sender
    }

    void updateAdd() { m_add->setEnabled(m_field.maxItems < 0 || m_edits.size() < m_field.maxItems); }

    Kind m_kind;
    QVBoxLayout *m_rows;
    QPushButton *m_add;
    CandidateModel *m_model = nullptr;
    QList<QLineEdit *> m_edits;
};

// A nested object: its fields in a group box.
class GroupInput final : public FieldInput
{
public:
    GroupInput(const FormField &field, const QString &path, Context *context, QWidget *parent)
        : FieldInput(field, path, context, parent)
        , m_box(new QGroupBox(this))
        , m_block(new FormBlock(path, context, m_box))
    {
        bareColumn(this)->addWidget(m_box);
        auto *inner = new QVBoxLayout(m_box);
        inner->setContentsMargins(12, 8, 12, 10);
        inner->addWidget(m_block);
        m_block->sync(field.children, {});
        m_block->changed = [this] { notify(); };
    }

    [[nodiscard]] QJsonValue value() const override
    {
        const QJsonObject object = m_block->collect(m_base);
        return object.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(object);
    }
    [[nodiscard]] QWidget *editor() override { return m_box; }
    void updateField(const FormField &field, const QJsonValue &value) override
    {
        FieldInput::updateField(field, value);
        m_block->sync(field.children, value.toObject());
    }
    [[nodiscard]] FieldRow *rowAt(QStringView rest) const override
    {
        return rest.startsWith(u'.') ? m_block->rowAt(rest.mid(1)) : nullptr;
    }
    void showErrors(const QHash<QString, QStringList> &errors, QSet<QString> &shown) override
    {
        m_block->showErrors(errors, shown);
    }
    void touchPresent() override { m_block->touchPresent(); }
    void focusFirst() override { m_block->focusFirst(); }

protected:
    void display(const QJsonValue &value) override
    {
        m_base = value.toObject();
        m_block->setValues(m_base);
    }

private:
    QGroupBox *m_box;
    FormBlock *m_block;
    QJsonObject m_base;
};

// An array of objects: one sub-form per item, added and removed one at a time.
class ObjectListInput final : public FieldInput
{
public:
    ObjectListInput(const FormField &field, const QString &path, Context *context, QWidget *parent)
        : FieldInput(field, path, context, parent)
        , m_items(new QVBoxLayout)
        , m_add(new QPushButton(Icons::icon(Icons::Glyph::Add), Tr::tr("Add Item"), this))
    {
        TemplateParameterPage page;
        page.schema = field.items ? field.items->schema : QJsonObject();
        m_itemForm = ParameterForm(QList<TemplateParameterPage>{page});
        QVBoxLayout *layout = bareColumn(this);
        m_items->setContentsMargins(0, 0, 0, 0);
        m_items->setSpacing(6);
        layout->addLayout(m_items);
        auto *buttons = new QHBoxLayout;
        buttons->addWidget(m_add);
        buttons->addStretch(1);
        layout->addLayout(buttons);
        connect(m_add, &QPushButton::clicked, this, [this] {
            const Item &item = addItem({});
            item.block->focusFirst();
            updateAdd();
            notify();
        });
        updateAdd();
    }

    [[nodiscard]] QJsonValue value() const override
    {
        QJsonArray out;
        for (const Item &item : m_list) {
            out.append(item.block->collect(item.base));
        }
        return out.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(out);
    }
    [[nodiscard]] QWidget *editor() override { return this; }
    void updateField(const FormField &field, const QJsonValue &value) override
    {
        FieldInput::updateField(field, value);
        const QJsonArray list = value.toArray();
        for (qsizetype i = 0; i < m_list.size(); ++i) {
            const QJsonObject itemValue = list.at(i).toObject();
            m_list.at(i).block->sync(m_itemForm.fields(0, itemValue), itemValue);
        }
    }
    [[nodiscard]] FieldRow *rowAt(QStringView rest) const override
    {
        const qsizetype close = rest.indexOf(u']');
        if (!rest.startsWith(u'[') || close < 0) {
            return nullptr;
        }
        bool ok = false;
        const int index = rest.mid(1, close - 1).toInt(&ok);
        const QStringView after = rest.mid(close + 1);
        if (!ok || index < 0 || index >= m_list.size() || !after.startsWith(u'.')) {
            return nullptr;
        }
        return m_list.at(index).block->rowAt(after.mid(1));
    }
    void showErrors(const QHash<QString, QStringList> &errors, QSet<QString> &shown) override
    {
        for (const Item &item : std::as_const(m_list)) {
            item.block->showErrors(errors, shown);
        }
    }
    void touchPresent() override
    {
        for (const Item &item : std::as_const(m_list)) {
            item.block->touchPresent();
        }
    }

protected:
    void display(const QJsonValue &value) override
    {
        const QJsonArray list = value.toArray();
        if (list.size() != m_list.size()) {
            rebuild(list);
            return;
        }
        for (qsizetype i = 0; i < m_list.size(); ++i) {
            m_list[i].base = list.at(i).toObject();
            m_list.at(i).block->setValues(m_list.at(i).base);
        }
    }

private:
    struct Item
    {
        QFrame *frame;
        FormBlock *block;
        QJsonObject base;
    };

    const Item &addItem(const QJsonObject &itemValue)
    {
        const qsizetype index = m_list.size();
        auto *frame = new QFrame(this);
        frame->setFrameShape(QFrame::StyledPanel);
        auto *layout = new QVBoxLayout(frame);
        layout->setContentsMargins(10, 6, 6, 10);
        auto *header = new QHBoxLayout;
        QLabel *title = mutedLabel(frame, {});
        title->setText(Tr::tr("Item %1").arg(index + 1));
        auto *remove = new QToolButton(frame);
        remove->setIcon(Icons::icon(Icons::Glyph::Remove));
        remove->setAutoRaise(true);
        remove->setToolTip(Tr::tr("Remove this item"));
        header->addWidget(title);
        header->addStretch(1);
        header->addWidget(remove);
        layout->addLayout(header);
        auto *block = new FormBlock(u"%1[%2]"_s.arg(m_path).arg(index), m_context, frame);
        layout->addWidget(block);
        block->sync(m_itemForm.fields(0, itemValue), itemValue);
        block->setValues(itemValue);
        block->changed = [this] { notify(); };
        m_items->addWidget(frame);
        connect(remove, &QToolButton::clicked, this, [this, frame] {
            QJsonArray list = value().toArray();
            for (qsizetype i = 0; i < m_list.size(); ++i) {
                if (m_list.at(i).frame == frame) {
                    list.removeAt(i);
                }
            }
            // Later items move up a place: their paths change, so they are made again.
            rebuild(list);
            notify();
        });
        m_list.append({frame, block, itemValue});
        return m_list.last();
    }

    void rebuild(const QJsonArray &list)
    {
        for (const Item &item : std::as_const(m_list)) {
            m_items->removeWidget(item.frame);
            item.frame->hide();
            item.frame->deleteLater();
        }
        m_list.clear();
        for (const QJsonValue &v : list) {
            addItem(v.toObject());
        }
        updateAdd();
    }

    void updateAdd() { m_add->setEnabled(m_field.maxItems < 0 || m_list.size() < m_field.maxItems); }

    ParameterForm m_itemForm;
    QVBoxLayout *m_items;
    QPushButton *m_add;
    QList<Item> m_list;
};

FieldInput *makeInput(const FormField &field, const QString &path, Context *context, QWidget *parent)
{
    switch (field.widget) {
    case Widget::TextArea:
        return new TextAreaInput(field, path, context, parent);
    case Widget::Hidden:
        return new HiddenInput(field, path, context, parent);
    case Widget::Color:
        return new ColorInput(field, path, context, parent);
    case Widget::Range:
        return new RangeInput(field, path, context, parent);
    case Widget::Radio:
        return new RadioInput(field, path, context, parent);
    case Widget::Select:
        return new SelectInput(field, path, context, parent);
    case Widget::Checkboxes:
        return new CheckboxesInput(field, path, context, parent);
    case Widget::UpDown:
        if ((field.type == Type::Integer || field.type == Type::Number) && NumberInput::bounded(field)) {
            return new NumberInput(field, path, context, parent);
        }
        break;
    case Widget::Checkbox:
        return new CheckboxInput(field, path, context, parent);
    case Widget::Date:
    case Widget::DateTime:
    case Widget::Time:
        return new DateTimeInput(field, path, context, parent);
    case Widget::File:
        return new FileInput(field, path, context, parent);
    case Widget::List:
        return new ListInput(field, path, context, ListInput::Kind::Plain, parent);
    case Widget::ObjectList:
        return new ObjectListInput(field, path, context, parent);
    case Widget::Group:
        return new GroupInput(field, path, context, parent);
    case Widget::EntityPicker:
    case Widget::OwnerPicker:
    case Widget::OwnedEntityPicker:
    case Widget::MyGroupsPicker:
        return new PickerInput(field, path, context, parent);
    case Widget::MultiEntityPicker:
        if (field.type == Type::Array) {
            return new ListInput(field, path, context, ListInput::Kind::Entities, parent);
        }
        return new PickerInput(field, path, context, parent);
    case Widget::EntityTagsPicker:
        return new ListInput(field, path, context, ListInput::Kind::Tags, parent);
    case Widget::RepoUrlPicker:
        return new RepoUrlInput(field, path, context, parent);
    case Widget::RepoOwnerPicker:
        if (!field.picker.allowedOwners.isEmpty()) {
            return new TextChoiceInput(field, path, context, field.picker.allowedOwners, parent);
        }
        break;
    case Widget::Text:
    case Widget::Password:
    case Widget::Secret:
    case Widget::Email:
    case Widget::Url:
    case Widget::EntityNamePicker:
    case Widget::RepoBranchPicker:
        break;
    }
    if (field.type == Type::Array) {
        return new ListInput(field, path, context, ListInput::Kind::Plain, parent);
    }
    if (field.type == Type::Boolean) {
        return new CheckboxInput(field, path, context, parent);
    }
    return new LineInput(field, path, context, parent);
}

} // namespace

// ---------------------------------------------------------------------------------------------------------------

FieldRow::FieldRow(const FormField &field, const QString &path, Context *context, QWidget *parent)
    : QWidget(parent)
    , m_path(path)
    , m_title(new QLabel(this))
    , m_input(makeInput(field, path, context, this))
    , m_description(mutedLabel(this, u"fieldDescription"_s))
    , m_help(mutedLabel(this, u"fieldHelp"_s))
    , m_unsupported(smallLabel(this, u"fieldUnsupported"_s))
    , m_errors(errorLabel(this, u"fieldErrors"_s))
{
    setObjectName(u"field:"_s + path);
    QVBoxLayout *layout = bareColumn(this);
    layout->setSpacing(3);
    m_title->setObjectName(u"fieldTitle"_s);
    m_title->setTextFormat(Qt::RichText);
    m_title->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setWeight(QFont::DemiBold);
    m_title->setFont(titleFont);
    m_title->setBuddy(m_input->editor());
    m_errors->setWordWrap(true);
    layout->addWidget(m_title);
    layout->addWidget(m_input);
    layout->addWidget(m_description);
    layout->addWidget(m_help);
    layout->addWidget(m_unsupported);
    layout->addWidget(m_errors);
    m_errors->hide();
    m_input->changed = [this] {
        m_touched = true;
        if (changed) {
            changed();
        }
    };
    setVisible(field.widget != Widget::Hidden);
    updateTexts();
}

void FieldRow::updateTexts()
{
    const FormField &f = m_input->field();
    const QString marker =
        f.required ? u" <span style='color:%1'>*</span>"_s.arg(KindStyle::severityColor(Error::Severity::Error).name())
                   : QString();
    m_title->setText(f.displayTitle().toHtmlEscaped() + marker);
    m_title->setVisible(!m_input->showsTitle());
    m_description->setText(f.description);
    m_description->setVisible(!f.description.isEmpty());
    m_help->setText(f.help);
    m_help->setVisible(!f.help.isEmpty());
    if (isSupported(f)) {
        m_unsupported->hide();
    } else {
        m_unsupported->setText(Tr::tr("Portolan has no “%1” input; this is the plain input for its type.")
                                   .arg(f.uiField.isEmpty() ? f.uiWidget : f.uiField));
        m_unsupported->show();
    }
}

void FieldRow::updateField(const FormField &field, const QJsonValue &value)
{
    m_input->updateField(field, value);
    updateTexts();
}

void FieldRow::showErrors(const QHash<QString, QStringList> &errors, QSet<QString> &shown)
{
    QStringList mine;
    QStringList keys{m_path};
    if (m_input->showsItemErrors()) {
        for (auto it = errors.begin(); it != errors.end(); ++it) {
            if (it.key().startsWith(m_path + u'[')) {
                keys << it.key();
            }
        }
    }
    for (const QString &key : std::as_const(keys)) {
        for (const QString &message : errors.value(key)) {
            if (!mine.contains(message)) {
                mine << message;
            }
        }
    }
    // Problems show once a field was edited (or came filled in): an untouched required field is not an error yet.
    const bool show = m_touched && !isHidden() && !mine.isEmpty();
    m_shown = show ? mine : QStringList();
    m_errors->setText(m_shown.join(u'\n'));
    m_errors->setVisible(show);
    if (show) {
        for (const QString &key : std::as_const(keys)) {
            shown.insert(key);
        }
    }
    m_input->showErrors(errors, shown);
}

FormBlock::FormBlock(QString prefix, Context *context, QWidget *parent)
    : QWidget(parent)
    , m_prefix(std::move(prefix))
    , m_context(context)
    , m_layout(bareColumn(this))
{
    m_layout->setSpacing(14);
}

void FormBlock::sync(const QList<FormField> &fields, const QJsonObject &values)
{
    QList<FieldRow *> next;
    QList<FieldRow *> old = m_rows;
    for (const FormField &f : fields) {
        const auto it = std::find_if(old.begin(), old.end(), [&f](FieldRow *r) { return r->field().key == f.key; });
        FieldRow *row = it == old.end() ? nullptr : *it;
        if (row) {
            old.erase(it);
        }
        if (row && row->field().widget == f.widget && row->field().type == f.type) {
            row->updateField(f, values.value(f.key));
        } else {
            if (row) {
                old.append(row);
            }
            row = new FieldRow(f, joinPath(m_prefix, f.key), m_context, this);
            row->input()->assign(values.value(f.key));
            row->setTouched(!isMissing(values.value(f.key)) && f.widget != Widget::Checkboxes);
            row->changed = [this] {
                if (changed) {
                    changed();
                }
            };
        }
        next << row;
    }
    for (FieldRow *gone : std::as_const(old)) {
        m_layout->removeWidget(gone);
        gone->hide();
        gone->deleteLater(); // it may be the one reporting the change that removes it
    }
    if (next != m_rows) {
        for (FieldRow *row : std::as_const(next)) {
            m_layout->removeWidget(row);
        }
        for (FieldRow *row : std::as_const(next)) {
            m_layout->addWidget(row);
        }
        m_rows = next;
    }
}

QJsonObject FormBlock::collect(QJsonObject base) const
{
    for (const FieldRow *row : m_rows) {
        const QJsonValue v = row->input()->value();
        if (v.isUndefined()) {
            base.remove(row->field().key);
        } else {
            base.insert(row->field().key, v);
        }
    }
    return base;
}

void FormBlock::setValues(const QJsonObject &values)
{
    for (FieldRow *row : std::as_const(m_rows)) {
        row->input()->assign(values.value(row->field().key));
    }
}

FieldRow *FormBlock::rowAt(QStringView path) const
{
    qsizetype end = 0;
    while (end < path.size() && path.at(end) != u'.' && path.at(end) != u'[') {
        ++end;
    }
    const QStringView key = path.left(end);
    for (FieldRow *row : m_rows) {
        if (row->field().key == key) {
            if (end == path.size()) {
                return row;
            }
            FieldRow *below = row->input()->rowAt(path.mid(end));
            // A list shows its items' problems itself: "tags[1]" is the list's row.
            return below ? below : (row->input()->showsItemErrors() ? row : nullptr);
        }
    }
    return nullptr;
}

void FormBlock::showErrors(const QHash<QString, QStringList> &errors, QSet<QString> &shown)
{
    for (FieldRow *row : std::as_const(m_rows)) {
        row->showErrors(errors, shown);
    }
}

void FormBlock::touchPresent()
{
    for (FieldRow *row : std::as_const(m_rows)) {
        if (!isMissing(row->input()->value())) {
            row->setTouched(true);
        }
        row->input()->touchPresent();
    }
}

void FormBlock::focusFirst()
{
    const auto visible = [](const FieldRow *row) { return !row->isHidden(); };
    const auto autofocus = std::find_if(m_rows.cbegin(), m_rows.cend(),
                                        [&](const FieldRow *row) { return row->field().autofocus && visible(row); });
    const auto first = autofocus != m_rows.cend() ? autofocus : std::find_if(m_rows.cbegin(), m_rows.cend(), visible);
    if (first != m_rows.cend()) {
        (*first)->input()->focusFirst();
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Pages

namespace {

QScrollArea *scrollFor(QWidget *content, QWidget *parent)
{
    auto *scroll = new QScrollArea(parent);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(content);
    // The page's own background shows through, as if the form were laid on it.
    scroll->viewport()->setAutoFillBackground(false);
    content->setAutoFillBackground(false);
    return scroll;
}

} // namespace

class ParameterPage final : public QWizardPage
{
public:
    ParameterPage(ActionWizard *wizard, qsizetype index, Context *context)
        : QWizardPage(wizard)
        , m_wizard(wizard)
        , m_index(index)
        , m_banners(new QVBoxLayout)
        , m_block(nullptr)
        , m_hint(mutedLabel(this, u"pageHint"_s))
    {
        const TemplateParameterPage &page = wizard->m_form.page(index);
        setObjectName(u"parameterPage%1"_s.arg(index));
        m_title = page.title.isEmpty() ? Tr::tr("Step %1").arg(index + 1) : page.title;
        m_description = page.description;
        setTitle(m_title);
        auto *layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        m_banners->setContentsMargins(0, 0, 0, 0);
        layout->addLayout(m_banners);
        auto *content = new QWidget;
        auto *contentLayout = new QVBoxLayout(content);
        contentLayout->setContentsMargins(2, 4, 12, 8);
        m_block = new FormBlock({}, context, content);
        m_block->changed = [this] { m_wizard->refresh(int(m_index)); };
        contentLayout->addWidget(m_block);
        contentLayout->addStretch(1);
        layout->addWidget(scrollFor(content, this), 1);
        layout->addWidget(m_hint);
        m_hint->hide();
    }

    [[nodiscard]] bool isComplete() const override { return m_complete; }
    void initializePage() override
    {
        // After QWizard has placed the focus on the page's first child.
        QTimer::singleShot(0, this, [this] {
            if (m_wizard->currentPage() == this) {
                m_block->focusFirst();
            }
        });
    }

    [[nodiscard]] FormBlock *block() const { return m_block; }
    [[nodiscard]] QVBoxLayout *banners() const { return m_banners; }
    void setComplete(bool complete)
    {
        if (complete != m_complete) {
            m_complete = complete;
            Q_EMIT completeChanged();
        }
    }
    void setHint(const QStringList &messages)
    {
        m_hint->setText(messages.isEmpty() ? QString() : Tr::tr("To continue: %1").arg(messages.join(u"; "_s)));
        m_hint->setVisible(!messages.isEmpty());
    }
    void setStep(int step, int of)
    {
        const QString position = Tr::tr("Step %1 of %2").arg(step).arg(of);
        const QString text = m_description.isEmpty() ? position : Tr::tr("%1 · %2").arg(position, m_description);
        if (text != subTitle()) {
            setSubTitle(text); // lays the wizard out again when shown: not on every keystroke
        }
    }

private:
    ActionWizard *m_wizard;
    qsizetype m_index;
    QString m_title;
    QString m_description;
    QVBoxLayout *m_banners;
    FormBlock *m_block;
    QLabel *m_hint;
    bool m_complete = false;
};

class ReviewPage final : public QWizardPage
{
public:
    explicit ReviewPage(ActionWizard *wizard)
        : QWizardPage(wizard)
        , m_wizard(wizard)
        , m_banners(new QVBoxLayout)
        , m_blockers(new Banner(this))
        , m_parameters(new Card(Tr::tr("Parameters"), this))
        , m_parameterForm(new QFormLayout)
        , m_steps(new QWidget(this))
        , m_stepsLayout(bareColumn(m_steps))
        , m_planStatus(new QLabel(this))
        , m_confirmLabel(new QLabel(this))
        , m_confirm(new QLineEdit(this))
        , m_status(new QLabel(this))
    {
        setObjectName(u"reviewPage"_s);
        setTitle(Tr::tr("Review"));
        auto *layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        m_banners->setContentsMargins(0, 0, 0, 0);
        layout->addLayout(m_banners);

        auto *content = new QWidget;
        m_content = content;
        auto *contentLayout = new QVBoxLayout(content);
        contentLayout->setContentsMargins(2, 4, 12, 8);
        contentLayout->setSpacing(12);
        m_blockers->setObjectName(u"reviewBlockers"_s);
        m_blockers->setKind(Banner::Kind::Error);
        m_blockers->hide();
        contentLayout->addWidget(m_blockers);
        m_parameters->setObjectName(u"reviewParameters"_s);
        m_parameterForm->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
        m_parameterForm->setFormAlignment(Qt::AlignLeft | Qt::AlignTop);
        m_parameterForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        m_parameterForm->setHorizontalSpacing(16);
        m_parameterForm->setVerticalSpacing(6);
        m_parameters->contentLayout()->addLayout(m_parameterForm);
        contentLayout->addWidget(m_parameters);
        auto *planTitle = new QLabel(Tr::tr("What will happen"), content);
        QFont f = planTitle->font();
        f.setBold(true);
        f.setPointSizeF(f.pointSizeF() * 1.08);
        planTitle->setFont(f);
        contentLayout->addWidget(planTitle);
        m_planStatus->setObjectName(u"planStatus"_s);
        m_planStatus->setWordWrap(true);
        m_planStatus->setForegroundRole(QPalette::PlaceholderText);
        contentLayout->addWidget(m_planStatus);
        m_stepsLayout->setSpacing(10);
        m_steps->setObjectName(u"planSteps"_s);
        contentLayout->addWidget(m_steps);
        contentLayout->addStretch(1);
        layout->addWidget(scrollFor(content, this), 1);

        auto *confirmRow = new QWidget(this);
        m_confirmRow = confirmRow;
        QVBoxLayout *confirmLayout = bareColumn(confirmRow);
        confirmLayout->setContentsMargins(0, 6, 0, 0);
        m_confirmLabel->setObjectName(u"confirmLabel"_s);
        m_confirmLabel->setTextFormat(Qt::RichText);
        m_confirmLabel->setWordWrap(true);
        m_confirmLabel->setBuddy(m_confirm);
        m_confirm->setObjectName(u"confirmField"_s);
        confirmLayout->addWidget(m_confirmLabel);
        confirmLayout->addWidget(m_confirm);
        confirmRow->hide();
        layout->addWidget(confirmRow);
        connect(m_confirm, &QLineEdit::textChanged, this, [this] { m_wizard->updateReviewComplete(); });

        m_status->setObjectName(u"submitStatus"_s);
        m_status->setWordWrap(true);
        m_status->hide();
        layout->addWidget(m_status);
    }

    [[nodiscard]] bool isComplete() const override { return m_complete; }
    void initializePage() override { m_wizard->prepareReview(); }
    void setComplete(bool complete)
    {
        if (complete != m_complete) {
            m_complete = complete;
            Q_EMIT completeChanged();
        }
    }

    void setStatus(const QString &text, bool error)
    {
        QPalette p = m_status->palette();
        p.setColor(QPalette::WindowText,
                   error ? KindStyle::severityColor(Error::Severity::Error) : palette().color(QPalette::WindowText));
        m_status->setPalette(p);
        m_status->setText(text);
        m_status->setVisible(!text.isEmpty());
    }

    void clearParameters()
    {
        while (m_parameterForm->rowCount() > 0) {
            m_parameterForm->removeRow(0);
        }
    }
    void addParameter(const QString &title, const QString &value)
    {
        auto *label = new QLabel(title, m_parameters);
        label->setForegroundRole(QPalette::PlaceholderText);
        // Not wrapped: QFormLayout gives a wrapped label one line's height and cuts the rest off.
        label->setToolTip(title);
        auto *shown = new QLabel(m_parameters);
        shown->setTextFormat(Qt::PlainText);
        shown->setWordWrap(true);
        shown->setTextInteractionFlags(Qt::TextSelectableByMouse);
        if (value.isEmpty()) {
            shown->setText(Tr::tr("not set"));
            shown->setForegroundRole(QPalette::PlaceholderText);
        } else {
            shown->setText(value);
        }
        m_parameterForm->addRow(label, shown);
    }

    void clearPlan()
    {
        while (QLayoutItem *item = m_stepsLayout->takeAt(0)) {
            delete item->widget();
            delete item;
        }
    }

    void addStep(int number, const PlannedStep &step)
    {
        auto *card = new Card(Tr::tr("%1. %2").arg(number).arg(step.name), m_steps);
        card->setObjectName(u"planStep:"_s + step.id);
        QLabel *action = mutedLabel(card, u"stepAction"_s);
        action->setText(step.action);
        card->addHeaderWidget(action);
        QVBoxLayout *body = card->contentLayout();
        const auto line = [&](const QString &text, const QString &name) {
            QLabel *label = smallLabel(card, name);
            label->setText(text);
            label->setTextInteractionFlags(Qt::TextSelectableByMouse);
            body->addWidget(label);
            return label;
        };
        if (step.skipped) {
            line(Tr::tr("Skipped: its condition is false for these parameters."), u"stepSkipped"_s)
                ->setForegroundRole(QPalette::PlaceholderText);
        } else {
            const StepPreview &p = step.preview;
            if (!p.method.isEmpty() || !p.target.isEmpty()) {
                QLabel *target = line({}, u"stepTarget"_s);
                target->setTextFormat(Qt::RichText);
                target->setText(u"<b>%1</b> → %2"_s.arg(p.method.toHtmlEscaped(), p.target.toHtmlEscaped()));
            }
            if (step.waitsForEarlierSteps) {
                line(Tr::tr("Uses the outputs of earlier steps: those values are filled in when the steps have "
                            "run, and are shown here as written."),
                     u"stepWaits"_s)
                    ->setForegroundRole(QPalette::PlaceholderText);
            }
            for (const QString &note : p.notes) {
                line(Tr::tr("• %1").arg(note), u"stepNote"_s);
            }
            if (!p.body.isEmpty()) {
                auto *view = new CodeView(card);
                view->setObjectName(u"stepBody"_s);
                view->setPlainText(p.body);
                const int lines = std::clamp(int(view->document()->blockCount()), 2, 14);
                const int frame = view->frameWidth() * 2 + int(view->document()->documentMargin() * 2);
                view->setFixedHeight(lines * view->fontMetrics().lineSpacing() + frame
                                     + view->horizontalScrollBar()->sizeHint().height() + 2);
                body->addWidget(view);
            }
        }
        for (const Error &e : step.problems) {
            QLabel *problem = errorLabel(card, u"stepProblem"_s);
            problem->setText(e.field.isEmpty() ? e.message : Tr::tr("%1 (%2)").arg(e.message, e.field));
            problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
            body->addWidget(problem);
        }
        m_stepsLayout->addWidget(card);
        // Shown now rather than when the layout's queued show arrives, so that the page (and reviewText(), which
        // reads what is visible) has the whole plan as soon as showPlan() returns.
        card->show();
    }

    ActionWizard *m_wizard;
    QVBoxLayout *m_banners;
    QWidget *m_content = nullptr;
    Banner *m_blockers;
    Card *m_parameters;
    QFormLayout *m_parameterForm;
    QWidget *m_steps;
    QVBoxLayout *m_stepsLayout;
    QLabel *m_planStatus;
    QWidget *m_confirmRow = nullptr;
    QLabel *m_confirmLabel;
    QLineEdit *m_confirm;
    QLabel *m_status;
    bool m_complete = false;
};

namespace {

// A parameter's value for the Review page.
QString displayValue(const FormField &field, const QJsonValue &value)
{
    if (isMissing(value)) {
        return {};
    }
    if (field.secret) {
        return u"••••"_s;
    }
    if (field.widget == Widget::File) {
        return describeDataUrl(value.toString());
    }
    if (field.type != Type::Array && !field.enumValues.isEmpty()) {
        const qsizetype index = indexOfValue(field.enumValues, value);
        if (index >= 0 && index < field.enumNames.size()) {
            return field.enumNames.at(index);
        }
    }
    if (field.type == Type::Boolean && value.isBool()) {
        return value.toBool() ? Tr::tr("Yes") : Tr::tr("No");
    }
    if (value.isArray()) {
        QStringList parts;
        for (const QJsonValue &item : value.toArray()) {
            if (item.isObject() && field.items) {
                QStringList pairs;
                for (const FormField &child : field.items->children) {
                    const QString shown = displayValue(child, item.toObject().value(child.key));
                    if (!shown.isEmpty()) {
                        pairs << Tr::tr("%1: %2").arg(child.displayTitle(), shown);
                    }
                }
                parts << pairs.join(u", "_s);
            } else {
                const qsizetype index = indexOfValue(field.enumValues, item);
                parts << (index >= 0 && index < field.enumNames.size() ? field.enumNames.at(index) : plainText(item));
            }
        }
        return parts.join(field.type == Type::Array && field.widget == Widget::ObjectList ? u"\n"_s : u", "_s);
    }
    return plainText(value);
}

void addReviewRows(ReviewPage *page, const FormField &field, const QJsonValue &value, const QString &prefix)
{
    const QString title = prefix.isEmpty() ? field.displayTitle() : Tr::tr("%1 › %2").arg(prefix, field.displayTitle());
    if (field.type == Type::Object && !field.children.isEmpty()) {
        for (const FormField &child : field.children) {
            addReviewRows(page, child, value.toObject().value(child.key), title);
        }
        return;
    }
    page->addParameter(title, displayValue(field, value));
}

} // namespace

} // namespace Portolan::Ui::WizardDetail

namespace Portolan::Ui {

using namespace WizardDetail;

ActionWizard::ActionWizard(ActionsController *controller, const ActionTemplate &action, const QString &entityRef,
                           const QJsonObject &initialValues, QWidget *parent)
    : QWizard(parent)
    , m_controller(controller)
    , m_action(action)
    , m_form(action)
    , m_entityRef(entityRef)
    , m_initialValues(initialValues)
    , m_key(ActionRun::newKey())
    , m_context(std::make_unique<Context>())
    , m_draftBanner(new Banner(this))
{
    setObjectName(u"actionWizard"_s);
    setWindowTitle(action.displayName());
    // Classic: the same look on every platform and under the offscreen tests (Modern paints a banner of its own).
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage, true);
    setButtonText(QWizard::FinishButton, tr("&Run"));
    // The entity page's entity goes into the parameter the template names for it.
    const QString entityParameter = action.guard.entityParameter;
    if (!entityRef.isEmpty() && !entityParameter.isEmpty() && !m_initialValues.contains(entityParameter)) {
        m_initialValues.insert(entityParameter, entityRef);
    }
    m_context->catalog = controller->catalog();
    m_context->user = controller->user();
    m_context->window = this;
    m_context->candidatesLoaded = [this] {
        if (!m_refreshing) {
            updateValidation();
        }
    };
    m_draftBanner->setObjectName(u"draftBanner"_s);
    m_draftBanner->hide();

    buildPages();
    applyValues(m_initialValues);
    loadDraft();
    m_baseline = draftValues();

    connect(controller, &ActionsController::planReady, this, &ActionWizard::showPlan);
    connect(controller, &ActionsController::runChanged, this, &ActionWizard::onRunChanged);
    connect(controller, &ActionsController::startFailed, this, &ActionWizard::onStartFailed);
    connect(this, &QWizard::currentIdChanged, this, &ActionWizard::placeDraftBanner);
    resize(720, 560);
}

ActionWizard::~ActionWizard()
{
    // Closed with the application (or its parent) rather than Cancel: keep what was entered all the same.
    if (!m_submitted && !m_draftHandled) {
        saveDraft();
    }
}

void ActionWizard::buildPages()
{
    for (qsizetype i = 0; i < m_form.pageCount(); ++i) {
        auto *page = new ParameterPage(this, i, m_context.get());
        m_pages << page;
        setPage(int(i), page);
    }
    m_review = new ReviewPage(this);
    setPage(ReviewPageId, m_review);
}

QJsonObject ActionWizard::values() const
{
    QJsonObject out;
    for (const qsizetype page : m_form.visiblePages(m_values)) {
        for (const FormField &f : m_form.fields(page, m_values)) {
            const QJsonValue v = m_values.value(f.key);
            if (!v.isUndefined()) {
                out.insert(f.key, v);
            }
        }
    }
    return out;
}

ActionSubmission ActionWizard::submission() const
{
    ActionSubmission s;
    s.key = m_key;
    s.parameters = values();
    for (const qsizetype page : m_form.visiblePages(m_values)) {
        collectSecrets(m_form.fields(page, m_values), s.secretFields);
    }
    s.entityRef = m_entityRef;
    if (s.entityRef.isEmpty() && m_action.isEntityScoped() && !m_action.guard.entityParameter.isEmpty()) {
        s.entityRef = s.parameters.value(m_action.guard.entityParameter).toString();
    }
    return s;
}

QList<int> ActionWizard::visiblePageIds() const
{
    QList<int> out;
    for (const qsizetype page : m_form.visiblePages(m_values)) {
        out << int(page);
    }
    return out;
}

QWidget *ActionWizard::fieldWidget(const QString &path) const
{
    for (const ParameterPage *page : m_pages) {
        if (FieldRow *row = page->block()->rowAt(path)) {
            return row->isHidden() && row->field().widget == FormField::Widget::Hidden ? nullptr
                                                                                       : row->input()->editor();
        }
    }
    return nullptr;
}

void ActionWizard::setValue(const QString &path, const QJsonValue &value)
{
    m_values = withValueAt(m_values, path.split(u'.'), value);
    m_defaulted.insert(path);
    refresh(-1);
    for (ParameterPage *page : std::as_const(m_pages)) {
        page->block()->touchPresent();
    }
    updateValidation();
}

QStringList ActionWizard::fieldErrors(const QString &path) const
{
    for (const ParameterPage *page : m_pages) {
        if (FieldRow *row = page->block()->rowAt(path)) {
            return row->shownErrors();
        }
    }
    return {};
}

QStringList ActionWizard::unsupportedFields() const
{
    QStringList out;
    for (qsizetype i = 0; i < m_form.pageCount(); ++i) {
        collectUnsupported(m_form.fields(i, m_values), out);
    }
    return out;
}

void ActionWizard::refresh(int editedPage)
{
    if (m_refreshing) {
        return;
    }
    const QScopedValueRollback guard(m_refreshing, true);
    if (editedPage >= 0 && editedPage < m_pages.size()) {
        m_values = m_pages.at(editedPage)->block()->collect(m_values);
    }
    m_values = mergeNewDefaults(m_values, m_form.withDefaults(m_values), {}, m_defaulted);
    for (qsizetype i = 0; i < m_pages.size(); ++i) {
        FormBlock *block = m_pages.at(i)->block();
        block->sync(m_form.fields(i, m_values), m_values);
        // The page being typed in keeps its inputs as they are (cursor, selection); the others follow the values,
        // which pages share (one namespace).
        if (i != editedPage) {
            block->setValues(m_values);
        }
    }
    updateValidation();
}

void ActionWizard::applyValues(const QJsonObject &values)
{
    m_values = values;
    m_defaulted.clear();
    for (auto it = values.begin(); it != values.end(); ++it) {
        m_defaulted.insert(it.key());
    }
    refresh(-1);
    for (ParameterPage *page : std::as_const(m_pages)) {
        page->block()->touchPresent();
    }
    updateValidation();
    const QList<int> visible = visiblePageIds();
    setStartId(visible.isEmpty() ? ReviewPageId : visible.first());
}

ErrorList ActionWizard::extraErrors(const FormField &field, const QJsonValue &value) const
{
    ErrorList out;
    const bool single =
        field.widget == FormField::Widget::EntityPicker || field.widget == FormField::Widget::OwnerPicker
        || field.widget == FormField::Widget::OwnedEntityPicker || field.widget == FormField::Widget::MyGroupsPicker;
    if (!single || field.picker.allowArbitraryValues || !value.isString() || value.toString().isEmpty()) {
        return out;
    }
    const CandidateModel *model =
        m_context->models.value(field.path + u'|' + FormField::widgetName(field.widget), nullptr);
    if (model && model->isLoaded() && !model->contains(value.toString())) {
        Error e = makeError(Error::Code::Validation,
                            tr("“%1” must be one of the entities offered").arg(field.displayTitle()));
        e.field = field.path;
        out << e;
    }
    return out;
}

void ActionWizard::updateValidation()
{
    const QList<qsizetype> visible = m_form.visiblePages(m_values);
    for (qsizetype i = 0; i < m_pages.size(); ++i) {
        ParameterPage *page = m_pages.at(i);
        QHash<QString, QStringList> errors;
        QStringList order;
        bool complete = m_form.validatePage(i, m_values).isEmpty();
        for (const FormField &f : m_form.fields(i, m_values)) {
            const QJsonValue v = m_values.value(f.key);
            for (const Error &e : ParameterForm::validateField(f, v) + extraErrors(f, v)) {
                errors[e.field].append(e.message);
                order << e.field;
                complete = false;
            }
        }
        QSet<QString> shown;
        page->block()->showErrors(errors, shown);
        // What keeps Next disabled but is not shown under a field yet (fields not touched, hidden fields).
        QStringList pending;
        for (const QString &field : std::as_const(order)) {
            if (!shown.contains(field)) {
                for (const QString &message : errors.value(field)) {
                    if (!pending.contains(message)) {
                        pending << message;
                    }
                }
            }
        }
        page->setHint(pending);
        page->setComplete(complete);
        const qsizetype step = visible.indexOf(i);
        page->setStep(int(step < 0 ? i : step) + 1, int(visible.size()) + 1);
    }
    const QString reviewSubTitle =
        tr("Step %1 of %1 · Check what will be sent where before you run the action.").arg(visible.size() + 1);
    if (m_review->subTitle() != reviewSubTitle) {
        m_review->setSubTitle(reviewSubTitle);
    }
}

int ActionWizard::nextId() const
{
    const int current = currentId();
    if (current < 0 || current == ReviewPageId) {
        return -1;
    }
    for (const qsizetype page : m_form.visiblePages(m_values)) {
        if (page > current) {
            return int(page);
        }
    }
    return ReviewPageId;
}

void ActionWizard::goToPage(int id)
{
    restart();
    for (int guard = 0;
         guard < 1000 && currentId() != id && currentPage() && currentPage()->isComplete() && nextId() != -1; ++guard) {
        next();
    }
}

const Entity *ActionWizard::targetEntity() const
{
    QString ref = m_entityRef;
    if (ref.isEmpty() && m_action.isEntityScoped() && !m_action.guard.entityParameter.isEmpty()) {
        ref = m_values.value(m_action.guard.entityParameter).toString();
    }
    const Catalog::Ptr &catalog = m_context->catalog;
    if (ref.isEmpty() || !catalog) {
        return nullptr;
    }
    const int index = catalog->find(ref);
    return index >= 0 ? &catalog->entity(index) : nullptr;
}

void ActionWizard::prepareReview()
{
    ReviewPage *r = m_review;
    const QJsonObject parameters = values();
    m_check = m_controller->check(m_action, targetEntity());

    r->clearParameters();
    for (const qsizetype page : m_form.visiblePages(m_values)) {
        for (const FormField &f : m_form.fields(page, m_values)) {
            addReviewRows(r, f, parameters.value(f.key), {});
        }
    }
    if (r->m_parameterForm->rowCount() == 0) {
        r->addParameter(tr("None"), tr("This action takes no parameters."));
    }

    QStringList blockers;
    for (const ActionBlocker &b : std::as_const(m_check.blockers)) {
        blockers << (b.unblock.isEmpty()
                         ? b.reason.toHtmlEscaped()
                         : u"%1<br>%2"_s.arg(b.reason.toHtmlEscaped(), Format::muted(b.unblock.toHtmlEscaped())));
    }
    r->m_blockers->setText(blockers.isEmpty()
                               ? QString()
                               : u"<b>%1</b><br>%2"_s.arg(tr("This action cannot run now.").toHtmlEscaped(),
                                                          blockers.join(u"<br><br>"_s)));
    r->m_blockers->setVisible(!blockers.isEmpty());

    m_confirmText.clear();
    if (m_check.destructive) {
        const QJsonObject context{{u"parameters"_s, parameters}, {u"user"_s, m_controller->user().toJson()}};
        const Result<QString> rendered = TemplateExpression::render(m_check.confirmText, context);
        m_confirmText = (rendered ? *rendered : m_check.confirmText).trimmed();
        if (m_confirmText.isEmpty()) {
            m_confirmText = m_action.ref.name;
        }
        r->m_confirmLabel->setText(
            tr("This action is destructive. Type <b>%1</b> to confirm:").arg(m_confirmText.toHtmlEscaped()));
        r->m_confirm->setPlaceholderText(m_confirmText);
    }
    r->m_confirmRow->setVisible(m_check.destructive);

    m_planShown = false;
    m_plan.clear();
    r->clearPlan();
    r->m_planStatus->setText(tr("Preparing the plan…"));
    r->m_planStatus->show();
    r->setStatus({}, false);
    m_planRequest = m_controller->requestPlan(m_action, submission());
    updateReviewComplete();
}

void ActionWizard::showPlan(int requestId, const QList<PlannedStep> &plan)
{
    if (requestId != m_planRequest) {
        return; // of values since changed
    }
    ReviewPage *r = m_review;
    m_plan = plan;
    r->clearPlan();
    int problems = 0;
    for (qsizetype i = 0; i < plan.size(); ++i) {
        r->addStep(int(i) + 1, plan.at(i));
        problems += int(plan.at(i).problems.size());
    }
    if (plan.isEmpty()) {
        r->m_planStatus->setText(tr("This action has no steps: running it records a run and does nothing else."));
    } else if (problems > 0) {
        r->m_planStatus->setText(tr("The plan has problems (in red): the steps before them would run, then the run "
                                    "would fail there."));
    } else {
        r->m_planStatus->setText(tr("Nothing is sent before you press Run. The steps run in this order:"));
    }
    m_planShown = true;
    updateReviewComplete();
    Q_EMIT planShown();
}

void ActionWizard::updateReviewComplete()
{
    const bool confirmed = !m_check.destructive || m_review->m_confirm->text().trimmed() == m_confirmText;
    m_review->setComplete(m_check.allowed() && m_planShown && confirmed && !m_submitting && !m_submitted);
}

QLineEdit *ActionWizard::confirmField() const
{
    return m_review->m_confirm;
}

QString ActionWizard::reviewText() const
{
    QStringList out;
    const auto widgets = m_review->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (!w->isVisibleTo(m_review)) {
            continue;
        }
        if (const auto *label = qobject_cast<QLabel *>(w)) {
            const bool rich = label->textFormat() == Qt::RichText
                              || (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(label->text()));
            QTextDocument doc;
            if (rich) {
                doc.setHtml(label->text());
            }
            out << (rich ? doc.toPlainText() : label->text());
        } else if (const auto *view = qobject_cast<QPlainTextEdit *>(w)) {
            out << view->toPlainText();
        } else if (const auto *card = qobject_cast<Card *>(w)) {
            out << card->title();
        }
    }
    return out.join(u'\n');
}

void ActionWizard::accept()
{
    if (m_closing) {
        QWizard::accept();
        return;
    }
    if (currentId() == ReviewPageId && m_review->isComplete()) {
        submit();
    }
}

void ActionWizard::done(int result)
{
    if (result == QDialog::Accepted && !m_closing) {
        accept(); // closes once the run is stored
        return;
    }
    if (result == QDialog::Rejected && !m_submitted && !m_draftHandled) {
        saveDraft(); // before QWizard forgets the current page
    }
    QWizard::done(result);
}

void ActionWizard::submit()
{
    if (m_submitting || m_submitted) {
        return;
    }
    m_submitting = true;
    m_review->setStatus(tr("Starting…"), false);
    updateReviewComplete();
    const ActionSubmission s = submission();
    Q_EMIT submitted(m_key);
    m_controller->start(m_action, s);
}

void ActionWizard::onRunChanged(const ActionRun &run)
{
    if (!m_submitting || run.key != m_key) {
        return;
    }
    // Stored: from here the Runs page follows it.
    m_submitting = false;
    m_submitted = true;
    m_draftHandled = true;
    QSettings().remove(draftKey());
    m_closing = true;
    QWizard::accept();
}

void ActionWizard::onStartFailed(const QString &key, const QString &message)
{
    if (key != m_key || !m_submitting) {
        return;
    }
    m_submitting = false;
    m_review->setStatus(tr("The action did not start: %1").arg(message), true);
    updateReviewComplete();
}

// ---------------------------------------------------------------------------------------------------------------
// Drafts

QString ActionWizard::draftKey() const
{
    return u"%1/%2/%3"_s.arg(draftPrefix, m_controller->workspace().cacheKey(), m_action.id);
}

QJsonObject ActionWizard::draftValues() const
{
    QStringList secrets;
    for (qsizetype i = 0; i < m_form.pageCount(); ++i) {
        collectSecrets(m_form.fields(i, m_values), secrets);
    }
    QJsonObject out = m_values;
    for (const QString &path : std::as_const(secrets)) {
        out = withValueAt(out, path.split(u'.'), QJsonValue::Undefined);
    }
    return out;
}

void ActionWizard::saveDraft()
{
    m_draftHandled = true;
    const QJsonObject values = draftValues();
    if (values == m_baseline) {
        return; // nothing new: a draft offered and not taken stays as it was
    }
    const QJsonObject draft{
        {u"values"_s, values},
        {u"page"_s, currentId()},
        {u"saved"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
    };
    QSettings().setValue(draftKey(), QString::fromUtf8(QJsonDocument(draft).toJson(QJsonDocument::Compact)));
}

void ActionWizard::loadDraft()
{
    const QJsonObject draft = QJsonDocument::fromJson(QSettings().value(draftKey()).toString().toUtf8()).object();
    const QJsonObject values = draft.value("values"_L1).toObject();
    if (values.isEmpty()) {
        return;
    }
    m_pendingDraft = values;
    m_pendingDraftPage = draft.value("page"_L1).toInt(-1);
    const QDateTime saved = QDateTime::fromString(draft.value("saved"_L1).toString(), Qt::ISODate);
    const QString when = saved.isValid() ? Format::dateTime(saved) : tr("an earlier session");
    QPushButton *discard = nullptr;
    if (m_initialValues.isEmpty()) {
        // Nothing else to show: the draft is what the user was doing.
        resumeDraft();
        m_draftBanner->setText(tr("Your draft from %1 is restored.").arg(when).toHtmlEscaped());
        discard = m_draftBanner->addButton(tr("Discard"));
    } else {
        // Opened with values of its own (an entity page, a re-run): those come first, the draft is offered.
        m_draftBanner->setText(tr("You have a draft of this action from %1.").arg(when).toHtmlEscaped());
        QPushButton *resume = m_draftBanner->addButton(tr("Resume"));
        resume->setObjectName(u"draftResume"_s);
        discard = m_draftBanner->addButton(tr("Discard"));
        connect(resume, &QPushButton::clicked, this, [this, resume, when] {
            resumeDraft();
            resume->hide();
            m_draftBanner->setText(tr("Your draft from %1 is restored.").arg(when).toHtmlEscaped());
        });
    }
    discard->setObjectName(u"draftDiscard"_s);
    connect(discard, &QPushButton::clicked, this, &ActionWizard::discardDraft);
    m_draftBanner->show();
    placeDraftBanner();
}

void ActionWizard::resumeDraft()
{
    if (m_pendingDraft.isEmpty()) {
        return;
    }
    QJsonObject values = m_initialValues;
    for (auto it = m_pendingDraft.begin(); it != m_pendingDraft.end(); ++it) {
        values.insert(it.key(), *it);
    }
    applyValues(values);
    goToPage(m_pendingDraftPage);
    m_pendingDraft = {};
    m_baseline = draftValues();
}

void ActionWizard::discardDraft()
{
    QSettings().remove(draftKey());
    const bool applied = m_pendingDraft.isEmpty();
    m_pendingDraft = {};
    m_draftBanner->hide();
    for (const ParameterPage *page : std::as_const(m_pages)) {
        page->banners()->setContentsMargins(0, 0, 0, 0);
    }
    m_review->m_banners->setContentsMargins(0, 0, 0, 0);
    if (applied) {
        applyValues(m_initialValues);
        restart();
    }
    m_baseline = draftValues();
}

void ActionWizard::placeDraftBanner()
{
    if (m_draftBanner->isHidden()) {
        return;
    }
    QVBoxLayout *slot = nullptr;
    if (const auto *page = dynamic_cast<ParameterPage *>(currentPage())) {
        slot = page->banners();
    } else if (currentPage() == m_review) {
        slot = m_review->m_banners;
    }
    if (slot && slot->indexOf(m_draftBanner) < 0) {
        for (const ParameterPage *page : std::as_const(m_pages)) {
            page->banners()->removeWidget(m_draftBanner);
            page->banners()->setContentsMargins(0, 0, 0, 0);
        }
        m_review->m_banners->removeWidget(m_draftBanner);
        m_review->m_banners->setContentsMargins(0, 0, 0, 0);
        slot->setContentsMargins(0, 0, 0, 6);
        slot->insertWidget(0, m_draftBanner);
        m_draftBanner->show();
    }
}

} // namespace Portolan::Ui
