#include "SearchIndex.h"
#include "util/Threads.h"

#include <QRegularExpression>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <cstring>

namespace Portolan::Core {

namespace {

const char *findIn(const char *begin, const char *end, const QByteArray &needle)
{
    if (end - begin < needle.size()) {
        return nullptr;
    }
    if (needle.size() == 1) {
        return static_cast<const char *>(std::memchr(begin, needle.at(0), std::size_t(end - begin)));
    }
    return static_cast<const char *>(
        memmem(begin, std::size_t(end - begin), needle.constData(), std::size_t(needle.size())));
}

} // namespace

void SearchIndex::reserve(std::size_t entities, std::size_t bytes)
{
    m_offsets.reserve(entities + 1);
    m_text.reserve(qsizetype(bytes));
}

QByteArray SearchIndex::normalise(const QString &text)
{
    // Catalog text is mostly ASCII: that is lower-cased and converted in one pass (QString::toLower's Unicode tables
    // took a tenth of a start from the cache); any other text follows Unicode's rules.
    QByteArray ascii(text.size(), Qt::Uninitialized);
    char *out = ascii.data();
    bool isAscii = true;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= 0x80) {
            isAscii = false;
            break;
        }
        *out++ = u == u'\n' ? ' ' : (u >= u'A' && u <= u'Z') ? char(u - u'A' + 'a') : char(u);
    }
    if (isAscii) {
        return ascii;
    }
    QString lowered = text.toLower();
    lowered.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return lowered.toUtf8();
}

void SearchIndex::add(const QString &text)
{
    addNormalised(normalise(text));
}

void SearchIndex::addNormalised(const QByteArray &normalised)
{
    m_offsets.push_back(quint32(m_text.size()));
    m_text += normalised;
    m_text += '\n';
}

void SearchIndex::finish()
{
    m_offsets.push_back(quint32(m_text.size()));
    m_text.squeeze();
    m_offsets.shrink_to_fit();
}

QStringList SearchIndex::terms(const QString &query)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    return query.toLower().split(space, Qt::SkipEmptyParts);
}

void SearchIndex::filter(const QString &query, std::vector<std::uint8_t> &match) const
{
    QList<QByteArray> needles;
    for (const QString &t : terms(query)) {
        needles.append(t.toUtf8());
    }
    if (needles.isEmpty() || m_offsets.size() < 2) {
        return;
    }
    // The longest term is usually the most selective: use it for the pass over the whole buffer.
    std::sort(needles.begin(), needles.end(),
              [](const QByteArray &a, const QByteArray &b) { return a.size() > b.size(); });

    const std::size_t n = m_offsets.size() - 1;
    const char *base = m_text.constData();
    const std::size_t candidates = std::size_t(std::count(match.begin(), match.end(), std::uint8_t(1)));

    const auto containsAll = [&](std::size_t i, qsizetype from) {
        const char *b = base + m_offsets[i];
        const char *e = base + m_offsets[i + 1];
        for (qsizetype k = from; k < needles.size(); ++k) {
            if (!findIn(b, e, needles[k])) {
                return false;
            }
        }
        return true;
    };

    // The catalog is split into slices searched on the thread pool; each slice writes only its own entities.
    QThreadPool *pool = poolForCurrentThread();
    constexpr std::size_t slice = 8192;
    std::vector<std::size_t> starts;
    for (std::size_t b = 0; b < n; b += slice) {
        starts.push_back(b);
    }

    if (candidates * 2 < n) {
        // Few candidates left (facets or an earlier keystroke narrowed them): check each one directly.
        QtConcurrent::blockingMap(pool, starts, [&](std::size_t b) {
            for (std::size_t i = b; i < std::min(n, b + slice); ++i) {
                if (match[i] && !containsAll(i, 0)) {
                    match[i] = 0;
                }
            }
        });
        return;
    }

    // Otherwise one pass of memmem per slice over its part of the buffer, hopping to the next entity on a hit.
    std::vector<std::uint8_t> hit(n, 0);
    QtConcurrent::blockingMap(pool, starts, [&](std::size_t b) {
        const std::size_t e = std::min(n, b + slice);
        const char *pos = base + m_offsets[b];
        const char *end = base + m_offsets[e];
        while (pos < end) {
            const char *found = findIn(pos, end, needles.first());
            if (!found) {
                break;
            }
            const auto offset = quint32(found - base);
            const auto it =
                std::upper_bound(m_offsets.begin() + qsizetype(b), m_offsets.begin() + qsizetype(e) + 1, offset);
            const std::size_t i = std::size_t(it - m_offsets.begin()) - 1;
            if (match[i] && containsAll(i, 1)) {
                hit[i] = 1;
            }
            pos = base + m_offsets[i + 1];
        }
    });
    for (std::size_t i = 0; i < n; ++i) {
        match[i] = match[i] & hit[i];
    }
}

std::size_t SearchIndex::memoryBytes() const
{
    return std::size_t(m_text.capacity()) + m_offsets.capacity() * sizeof(quint32);
}

} // namespace Portolan::Core
