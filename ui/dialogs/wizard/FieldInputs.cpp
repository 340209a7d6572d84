#include "FieldInputs.h"

#include "CandidateModel.h"
#include "FieldInput.h"
#include "FormBlock.h"
#include "PickerEdit.h"
#include "WizardSupport.h"
#include "WizardTr.h"
#include "widgets/Icons.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMimeDatabase>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QScopedValueRollback>
#include <QSlider>
#include <QSpinBox>
#include <QTextDocument>
#include <QToolButton>
#include <QUrl>
#include <QUrlQuery>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <tuple>
#include <utility>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace Portolan::Ui::Wizard {

namespace {

using Widget = FormField::Widget;
using Type = FormField::Type;

constexpr qint64 maxFileBytes = 20 * 1024 * 1024; // a data: URL travels in the run's parameters

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

} // namespace

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

} // namespace Portolan::Ui::Wizard
