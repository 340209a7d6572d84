#include "Jq.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

extern "C" {
#include <jq.h>
}

#include <limits>
#include <optional>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Jq", text);
}

// Takes the reference.
QString stringOf(jv value)
{
    QString out;
    if (jv_get_kind(value) == JV_KIND_STRING) {
        out = QString::fromUtf8(jv_string_value(value), jv_string_length_bytes(jv_copy(value)));
    }
    jv_free(value);
    return out;
}

// jq's message for an invalid value (an error raised by the program, or the parser's); takes the reference.
QString invalidMessage(jv invalid)
{
    if (!jv_invalid_has_msg(jv_copy(invalid))) {
        jv_free(invalid);
        return {};
    }
    jv message = jv_invalid_get_msg(invalid);
    if (jv_get_kind(message) == JV_KIND_STRING) {
        return stringOf(message);
    }
    // `error({...})`: the value given to error, as JSON.
    return JqValue(message).text(400);
}

void collectError(void *data, jv message)
{
    auto *messages = static_cast<QStringList *>(data);
    QString text =
        jv_get_kind(message) == JV_KIND_STRING ? stringOf(jv_copy(message)) : JqValue(jv_copy(message)).text();
    jv_free(message);
    if (text.startsWith(u"jq: error: "_s)) {
        text = text.mid(11);
    }
    if (text.startsWith(u"jq: "_s) && text.contains(u"compile error"_s)) {
        return; // the count that follows the messages
    }
    messages->append(text.trimmed());
}

} // namespace

JqValue::JqValue()
    : m_value(jv_null())
{ }

JqValue::JqValue(jv value)
    : m_value(value)
{ }

JqValue::JqValue(const JqValue &other)
    : m_value(jv_copy(other.m_value))
{ }

JqValue::JqValue(JqValue &&other) noexcept
    : m_value(other.m_value)
{
    other.m_value = jv_null();
}

JqValue &JqValue::operator=(const JqValue &other)
{
    if (this != &other) {
        jv_free(m_value);
        m_value = jv_copy(other.m_value);
    }
    return *this;
}

JqValue &JqValue::operator=(JqValue &&other) noexcept
{
    if (this != &other) {
        jv_free(m_value);
        m_value = other.m_value;
        other.m_value = jv_null();
    }
    return *this;
}

JqValue::~JqValue()
{
    jv_free(m_value);
}

Result<JqValue> JqValue::parse(const QByteArray &json)
{
    if (json.size() > std::numeric_limits<int>::max()) {
        return makeError(Error::Code::TooLarge, tr("The JSON text is larger than 2 GiB"));
    }
    jv value = jv_parse_sized(json.constData(), int(json.size()));
    if (!jv_is_valid(value)) {
        const QString message = invalidMessage(value);
        return makeError(Error::Code::Parse, message.isEmpty() ? tr("Not a JSON text") : message);
    }
    return JqValue(value);
}

JqValue JqValue::fromJson(const QJsonValue &value)
{
    const QByteArray text = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    jv array = jv_parse_sized(text.constData(), int(text.size()));
    if (!jv_is_valid(array)) {
        jv_free(array);
        return {};
    }
    return JqValue(jv_array_get(array, 0));
}

QJsonValue JqValue::toJson() const
{
    // Through text: libjq has no walk that would be shorter, and what is converted (one field's value, one entity)
    // is small.
    jv wrapped = jv_array_append(jv_array(), jv_copy(m_value));
    const QString text = stringOf(jv_dump_string(wrapped, 0));
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
    return doc.array().isEmpty() ? QJsonValue() : doc.array().first();
}

QString JqValue::text(int maxBytes) const
{
    if (maxBytes <= 0) {
        return stringOf(jv_dump_string(jv_copy(m_value), 0));
    }
    std::string buffer(size_t(maxBytes) + 1, '\0');
    jv_dump_string_trunc(jv_copy(m_value), buffer.data(), buffer.size());
    return QString::fromUtf8(buffer.c_str());
}

QString JqValue::kindName() const
{
    return QString::fromLatin1(jv_kind_name(jv_get_kind(m_value)));
}

bool JqValue::isNull() const
{
    return jv_get_kind(m_value) == JV_KIND_NULL;
}

bool JqValue::isString() const
{
    return jv_get_kind(m_value) == JV_KIND_STRING;
}

bool JqValue::isObject() const
{
    return jv_get_kind(m_value) == JV_KIND_OBJECT;
}

bool JqValue::isTruthy() const
{
    const jv_kind kind = jv_get_kind(m_value);
    return kind != JV_KIND_NULL && kind != JV_KIND_FALSE;
}

QString JqValue::toString() const
{
    return stringOf(jv_copy(m_value));
}

jv JqValue::copy() const
{
    return jv_copy(m_value);
}

JqProgram::~JqProgram()
{
    if (m_jq) {
        jq_teardown(&m_jq);
    }
}

Result<std::unique_ptr<JqProgram>> JqProgram::compile(const QString &expression,
                                                      const QList<QPair<QString, QJsonValue>> &variables)
{
    std::unique_ptr<JqProgram> program(new JqProgram);
    program->m_expression = expression;
    program->m_jq = jq_init();
    if (!program->m_jq) {
        return makeError(Error::Code::Internal, tr("jq could not start (out of memory)"));
    }
    QStringList messages;
    jq_set_error_cb(program->m_jq, collectError, &messages);
    // jq 1.6 takes the variables as [{name, value}] (1.7 also takes an object).
    jv args = jv_array();
    for (const auto &[name, value] : variables) {
        jv entry = jv_object();
        entry = jv_object_set(entry, jv_string("name"), jv_string(name.toUtf8().constData()));
        entry = jv_object_set(entry, jv_string("value"), JqValue::fromJson(value).copy());
        args = jv_array_append(args, entry);
    }
    const QByteArray text = expression.toUtf8();
    const bool compiled = jq_compile_args(program->m_jq, text.constData(), args) != 0;
    jq_set_error_cb(program->m_jq, nullptr, nullptr);
    if (!compiled) {
        messages.removeAll(QString());
        return makeError(Error::Code::Config,
                         messages.isEmpty() ? tr("The jq expression does not compile") : messages.join(u"; "_s));
    }
    return program;
}

Result<std::vector<JqValue>> JqProgram::run(const JqValue &input, qsizetype maxOutputs,
                                            const std::atomic_bool *cancel) const
{
    std::vector<JqValue> outputs;
    QStringList messages;
    jq_set_error_cb(m_jq, collectError, &messages);
    jq_start(m_jq, input.copy(), 0);
    std::optional<Error> error;
    while (true) {
        jv next = jq_next(m_jq);
        if (!jv_is_valid(next)) {
            const QString message = invalidMessage(next);
            if (!message.isEmpty()) {
                error = makeError(Error::Code::Validation, message);
            } else if (jq_halted(m_jq)) {
                // halt_error: its message (a string as is, anything else as JSON); a plain halt just ends.
                const QString halted = invalidMessage(jv_invalid_with_msg(jq_get_error_message(m_jq)));
                if (!halted.isEmpty()) {
                    error = makeError(Error::Code::Validation, halted);
                }
            } else if (!messages.isEmpty()) {
                error = makeError(Error::Code::Validation, messages.join(u"; "_s));
            }
            break;
        }
        outputs.emplace_back(next);
        if (qsizetype(outputs.size()) > maxOutputs) {
            error =
                makeError(Error::Code::TooLarge,
                          tr("The expression gave more than %1 values").arg(QLocale::system().toString(maxOutputs)));
            break;
        }
        if (cancel && cancel->load()) {
            error = makeError(Error::Code::Cancelled, tr("Cancelled"));
            break;
        }
    }
    // Ends the run (frees its stack) so that the input's references go now, not at the next start.
    jq_start(m_jq, jv_null(), 0);
    jq_set_error_cb(m_jq, nullptr, nullptr);
    if (error) {
        return *error;
    }
    return outputs;
}

} // namespace Portolan::Core
