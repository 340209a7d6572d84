#include "WizardSupport.h"

#include "WizardTr.h"
#include "models/KindStyle.h"

#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QRegularExpression>
#include <QScrollArea>
#include <QUrl>
#include <QVBoxLayout>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace Portolan::Ui::Wizard {

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

bool isSupported(const FormField &field)
{
    return (field.uiField.isEmpty() || ParameterForm::supportedFields().contains(field.uiField))
           && (field.uiWidget.isEmpty() || ParameterForm::supportedWidgets().contains(field.uiWidget));
}

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

QScrollArea *scrollFor(QWidget *content, QWidget *parent)
{
    auto *scroll = new QScrollArea(parent);
    scroll->setAccessibleName(Tr::tr("Form"));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(content);
    // The page's own background shows through, as if the form were laid on it.
    scroll->viewport()->setAutoFillBackground(false);
    content->setAutoFillBackground(false);
    return scroll;
}

} // namespace Portolan::Ui::Wizard
