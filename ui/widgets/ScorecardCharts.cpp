#include "ScorecardCharts.h"

#include "models/ScorecardModels.h"

#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace Portolan::Ui {

namespace {

constexpr int barHeight = 18;
constexpr int legendRow = 22;

QColor muted(const QWidget *w)
{
    return w->palette().color(QPalette::PlaceholderText);
}

} // namespace

LevelDistribution::LevelDistribution(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"levelDistribution"_s);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

LevelDistribution::~LevelDistribution() = default;

void LevelDistribution::setCounts(const Scorecard &card, const QList<int> &counts)
{
    m_names.clear();
    m_colors.clear();
    for (qsizetype l = 0; l <= card.levels.size(); ++l) {
        m_names << ScorecardStyle::levelLabel(card, l < card.levels.size() ? int(l) : -1);
        m_colors << ScorecardStyle::levelColor(card, l < card.levels.size() ? int(l) : -1);
    }
    m_counts = counts;
    setAccessibleDescription([this] {
        QStringList parts;
        for (qsizetype l = 0; l < m_counts.size() && l < m_names.size(); ++l) {
            parts << u"%1: %2"_s.arg(m_names.at(l)).arg(m_counts.at(l));
        }
        return parts.join(u", "_s);
    }());
    updateGeometry();
    update();
}

QSize LevelDistribution::sizeHint() const
{
    const int rows = int(m_names.size() + 1) / 2;
    return {360, barHeight + 12 + rows * legendRow};
}

QSize LevelDistribution::minimumSizeHint() const
{
    return {200, sizeHint().height()};
}

void LevelDistribution::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const int total = std::accumulate(m_counts.cbegin(), m_counts.cend(), 0);
    const QRectF bar(0.5, 0.5, width() - 1.0, barHeight);
    QPainterPath clip;
    clip.addRoundedRect(bar, 5, 5);
    p.setClipPath(clip);
    p.fillRect(bar, palette().color(QPalette::AlternateBase));
    if (total > 0) {
        // Highest level first, from the left: the good news leads.
        double x = bar.left();
        for (qsizetype l = m_counts.size() - 2; l >= -1; --l) {
            const qsizetype at = l >= 0 ? l : m_counts.size() - 1;
            const double w = bar.width() * m_counts.at(at) / total;
            p.fillRect(QRectF(x, bar.top(), w, bar.height()), m_colors.value(at));
            x += w;
        }
    }
    p.setClipping(false);
    // Legend: two columns, highest level first.
    const QFontMetrics fm(font());
    const int columnWidth = width() / 2;
    int slot = 0;
    for (qsizetype l = m_counts.size() - 2; l >= -1; --l, ++slot) {
        const qsizetype at = l >= 0 ? l : m_counts.size() - 1;
        const int x = (slot % 2) * columnWidth;
        const int y = barHeight + 10 + (slot / 2) * legendRow;
        p.setPen(Qt::NoPen);
        p.setBrush(m_colors.value(at));
        p.drawEllipse(QRectF(x + 1, y + (legendRow - 10) / 2.0, 10, 10));
        p.setPen(palette().color(QPalette::WindowText));
        const int count = m_counts.value(at);
        const QString share = total > 0 ? u" · %1%"_s.arg(std::round(100.0 * count / total)) : QString();
        const QString text = u"%1  "_s.arg(m_names.value(at));
        p.drawText(QRect(x + 16, y, columnWidth - 16, legendRow), Qt::AlignVCenter | Qt::AlignLeft, text);
        const int nameWidth = fm.horizontalAdvance(text);
        QFont bold = font();
        bold.setWeight(QFont::DemiBold);
        p.setFont(bold);
        p.drawText(QRect(x + 16 + nameWidth, y, columnWidth, legendRow), Qt::AlignVCenter | Qt::AlignLeft,
                   QLocale().toString(count));
        const int countWidth = QFontMetrics(bold).horizontalAdvance(QLocale().toString(count));
        p.setFont(font());
        p.setPen(muted(this));
        p.drawText(QRect(x + 16 + nameWidth + countWidth, y, columnWidth, legendRow), Qt::AlignVCenter | Qt::AlignLeft,
                   share);
    }
}

LevelTrend::LevelTrend(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"levelTrend"_s);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setMouseTracking(true);
}

LevelTrend::~LevelTrend() = default;

void LevelTrend::setTrend(const Scorecard &card, const QList<ScoreDay> &days, const QDate &from, const QDate &to)
{
    m_names.clear();
    m_colors.clear();
    for (qsizetype l = 0; l <= card.levels.size(); ++l) {
        m_names << ScorecardStyle::levelLabel(card, l < card.levels.size() ? int(l) : -1);
        m_colors << ScorecardStyle::levelColor(card, l < card.levels.size() ? int(l) : -1);
    }
    m_days = days;
    m_from = from;
    m_to = to;
    m_message.clear();
    update();
}

void LevelTrend::setMessage(const QString &message)
{
    m_message = message;
    update();
}

QSize LevelTrend::sizeHint() const
{
    return {360, 180};
}

QSize LevelTrend::minimumSizeHint() const
{
    return {200, 120};
}

QRect LevelTrend::plotRect() const
{
    const QFontMetrics fm(font());
    const int left = fm.horizontalAdvance(u"00000"_s) + 6;
    return rect().adjusted(left, 6, -4, -(fm.height() + 8));
}

int LevelTrend::dayAt(QPoint position) const
{
    const QRect plot = plotRect();
    const qint64 span = m_from.daysTo(m_to) + 1;
    if (span <= 0 || !plot.contains(position)) {
        return -1;
    }
    return int((position.x() - plot.left()) * span / std::max(1, plot.width()));
}

bool LevelTrend::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int offset = dayAt(help->pos());
        const QDate day = offset >= 0 ? m_from.addDays(offset) : QDate();
        const auto it =
            std::find_if(m_days.cbegin(), m_days.cend(), [&day](const ScoreDay &d) { return d.day == day; });
        if (it == m_days.cend()) {
            QToolTip::hideText();
            return true;
        }
        QStringList lines{QLocale().toString(day, QLocale::ShortFormat)};
        for (qsizetype l = it->counts.size() - 1; l >= 0; --l) {
            const qsizetype name = l < it->levels.size() ? l : m_names.size() - 1;
            lines << u"%1: %2"_s.arg(l < it->levels.size() ? it->levels.at(l) : m_names.value(name))
                         .arg(it->counts.at(l));
        }
        QToolTip::showText(help->globalPos(), lines.join(u'\n'), this);
        return true;
    }
    return QWidget::event(event);
}

void LevelTrend::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QRect plot = plotRect();
    const QColor grid = palette().color(QPalette::Mid);
    if (!m_message.isEmpty() || m_days.isEmpty()) {
        p.setPen(muted(this));
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                   m_message.isEmpty() ? tr("No history yet: a day is added each day Portolan evaluates the scorecard.")
                                       : m_message);
        return;
    }
    int maxTotal = 1;
    for (const ScoreDay &d : std::as_const(m_days)) {
        maxTotal = std::max(maxTotal, std::accumulate(d.counts.cbegin(), d.counts.cend(), 0));
    }
    // Axis: 0, the top, and a line at half.
    p.setPen(muted(this));
    const QFontMetrics fm(font());
    for (const int value : {0, maxTotal / 2, maxTotal}) {
        const int y = plot.bottom() - int(double(plot.height()) * value / maxTotal);
        p.setPen(QPen(grid, 1, value == 0 ? Qt::SolidLine : Qt::DotLine));
        p.drawLine(plot.left(), y, plot.right(), y);
        p.setPen(muted(this));
        p.drawText(QRect(0, y - fm.height() / 2, plot.left() - 6, fm.height()), Qt::AlignRight | Qt::AlignVCenter,
                   QLocale().toString(value));
    }
    const qint64 span = std::max<qint64>(1, m_from.daysTo(m_to) + 1);
    const double slot = double(plot.width()) / double(span);
    const double gap = slot > 6 ? std::min(3.0, slot * 0.2) : 0;
    for (const ScoreDay &d : std::as_const(m_days)) {
        const qint64 offset = m_from.daysTo(d.day);
        if (offset < 0 || offset >= span) {
            continue;
        }
        const double x = plot.left() + offset * slot;
        double y = plot.bottom() + 1;
        // Below the first level at the bottom, then up the ladder.
        for (qsizetype k = -1; k < d.counts.size() - 1; ++k) {
            const qsizetype at = k < 0 ? d.counts.size() - 1 : k;
            const double h = double(plot.height()) * d.counts.at(at) / maxTotal;
            const QColor c = at == d.counts.size() - 1 ? m_colors.value(m_colors.size() - 1)
                                                       : m_colors.value(std::min(at, m_colors.size() - 2));
            p.fillRect(QRectF(x + gap / 2, y - h, std::max(1.0, slot - gap), h), c);
            y -= h;
        }
    }
    // Dates under the first and last day, and today's.
    p.setPen(muted(this));
    const QLocale locale;
    const int textY = plot.bottom() + 4;
    p.drawText(QRect(plot.left(), textY, plot.width() / 2, fm.height()), Qt::AlignLeft,
               locale.toString(m_from, QLocale::ShortFormat));
    p.drawText(QRect(plot.left() + plot.width() / 2, textY, plot.width() / 2, fm.height()), Qt::AlignRight,
               locale.toString(m_to, QLocale::ShortFormat));
}

} // namespace Portolan::Ui
