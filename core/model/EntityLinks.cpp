#include "EntityLinks.h"

namespace Portolan::Core {

namespace {

constexpr int fieldsPerLink = 4;

void appendLength(QByteArray &out, qsizetype length)
{
    auto value = quint64(length);
    do {
        char byte = char(value & 0x7f);
        value >>= 7;
        if (value != 0) {
            byte = char(byte | 0x80);
        }
        out.append(byte);
    } while (value != 0);
}

qsizetype lengthSize(qsizetype length)
{
    qsizetype n = 1;
    for (auto value = quint64(length) >> 7; value != 0; value >>= 7) {
        ++n;
    }
    return n;
}

// Reads one field's length at `at` and moves past it; -1 when the bytes end first (never for bytes append wrote).
qsizetype readLength(const QByteArray &data, qsizetype &at)
{
    quint64 value = 0;
    int shift = 0;
    while (at < data.size() && shift < 64) {
        const auto byte = quint8(data[at++]);
        value |= quint64(byte & 0x7f) << shift;
        if ((byte & 0x80) == 0) {
            return value <= quint64(data.size() - at) ? qsizetype(value) : -1;
        }
        shift += 7;
    }
    return -1;
}

// Moves `at` past the link that starts there, filling `link` when given. Returns false at the end of the bytes.
bool readLink(const QByteArray &data, qsizetype &at, EntityLink *link)
{
    if (at >= data.size()) {
        return false;
    }
    QString *fields[fieldsPerLink] = {nullptr, nullptr, nullptr, nullptr};
    if (link) {
        fields[0] = &link->url;
        fields[1] = &link->title;
        fields[2] = &link->icon;
        fields[3] = &link->type;
    }
    for (QString *field : fields) {
        const qsizetype length = readLength(data, at);
        if (length < 0) {
            at = data.size();
            return false;
        }
        if (field && length > 0) {
            *field = QString::fromUtf8(data.constData() + at, length);
        }
        at += length;
    }
    return true;
}

} // namespace

EntityLink EntityLinks::const_iterator::operator*() const
{
    EntityLink link;
    qsizetype at = m_at;
    readLink(*m_data, at, &link);
    return link;
}

EntityLinks::const_iterator &EntityLinks::const_iterator::operator++()
{
    if (!readLink(*m_data, m_at, nullptr)) {
        m_at = m_data->size();
    }
    return *this;
}

EntityLinks::EntityLinks(std::initializer_list<EntityLink> links)
{
    for (const EntityLink &link : links) {
        append(link);
    }
}

qsizetype EntityLinks::size() const
{
    qsizetype n = 0;
    for (qsizetype at = 0; readLink(m_data, at, nullptr);) {
        ++n;
    }
    return n;
}

EntityLink EntityLinks::at(qsizetype i) const
{
    qsizetype at = 0;
    for (qsizetype k = 0; k < i; ++k) {
        if (!readLink(m_data, at, nullptr)) {
            return {};
        }
    }
    EntityLink link;
    readLink(m_data, at, &link);
    return link;
}

QList<EntityLink> EntityLinks::toList() const
{
    QList<EntityLink> out;
    for (const EntityLink &link : *this) {
        out.append(link);
    }
    return out;
}

void EntityLinks::append(const EntityLink &link)
{
    const QByteArray fields[fieldsPerLink] = {link.url.toUtf8(), link.title.toUtf8(), link.icon.toUtf8(),
                                              link.type.toUtf8()};
    qsizetype needed = 0;
    for (const QByteArray &field : fields) {
        needed += lengthSize(field.size()) + field.size();
    }
    QByteArray grown;
    grown.reserve(m_data.size() + needed);
    grown.append(m_data);
    for (const QByteArray &field : fields) {
        appendLength(grown, field.size());
        grown.append(field);
    }
    m_data = std::move(grown);
}

} // namespace Portolan::Core
