#include "ScorecardModels.h"

#include <QBrush>
#include <QCoreApplication>
#include <QFont>
#include <QGuiApplication>
#include <QHash>
#include <QPainter>
#include <QPalette>
#include <QPixmap>

#include <map>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace Portolan::Ui {

namespace ScorecardStyle {

QColor truthColor(Truth truth)
{
    switch (truth) {
    case Truth::Pass:
        return {0x86, 0xd9, 0xa0};
    case Truth::Fail:
        return {0xf4, 0x9a, 0x9a};
    case Truth::Unknown:
        break;
    }
    return {0xd5, 0xdb, 0xe3};
}

QColor fractionColor(double passing)
{
    // Red through amber to green, as light as the entity cells.
    const QColor fail = truthColor(Truth::Fail);
    const QColor mid(0xf6, 0xd3, 0x7a);
    const QColor pass = truthColor(Truth::Pass);
    const double t = std::clamp(passing, 0.0, 1.0);
    const QColor &a = t < 0.5 ? fail : mid;
    const QColor &b = t < 0.5 ? mid : pass;
    const double u = t < 0.5 ? t * 2 : (t - 0.5) * 2;
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * u),
                            float(a.greenF() + (b.greenF() - a.greenF()) * u),
                            float(a.blueF() + (b.blueF() - a.blueF()) * u));
}

QColor levelColor(const Scorecard &card, int level)
{
    if (level < 0 || level >= card.levels.size()) {
        return {0xcb, 0xd5, 0xe1}; // below the first level: a light slate no level uses
    }
    const QColor c(card.levels.at(level).color);
    return c.isValid() ? c : QColor(0x64, 0x74, 0x8b);
}

QString levelLabel(const Scorecard &card, int level)
{
    if (level >= 0 && level < card.levels.size()) {
        return card.levels.at(level).name;
    }
    return QCoreApplication::translate("ScorecardStyle", "Below %1")
        .arg(card.levels.isEmpty() ? QString() : card.levels.first().name);
}

QIcon levelIcon(const Scorecard &card, int level)
{
    static QHash<QRgb, QIcon> cache; // GUI thread only
    const QColor color = levelColor(card, level);
    auto it = cache.find(color.rgba());
    if (it == cache.end()) {
        QIcon icon;
        for (const int size : {12, 16, 24}) {
            QPixmap dot(size, size);
            dot.fill(Qt::transparent);
            QPainter p(&dot);
            p.setRenderHint(QPainter::Antialiasing);
            p.setPen(QPen(color.darker(130), 1));
            p.setBrush(color);
            p.drawEllipse(QRectF(size * 0.15, size * 0.15, size * 0.7, size * 0.7));
            icon.addPixmap(dot);
        }
        it = cache.insert(color.rgba(), icon);
    }
    return *it;
}

QString truthLabel(Truth truth)
{
    switch (truth) {
    case Truth::Pass:
        return QCoreApplication::translate("ScorecardStyle", "Passed");
    case Truth::Fail:
        return QCoreApplication::translate("ScorecardStyle", "Failed");
    case Truth::Unknown:
        break;
    }
    return QCoreApplication::translate("ScorecardStyle", "Unknown");
}

QString teamOf(const Catalog &catalog, int entity)
{
    const QString owner = catalog.facetValue(entity, Facet::Owner);
    return owner.isEmpty() ? QCoreApplication::translate("ScorecardStyle", "No owner") : owner;
}

} // namespace ScorecardStyle

ScorecardHeatmapModel::ScorecardHeatmapModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

ScorecardHeatmapModel::~ScorecardHeatmapModel() = default;

const Scorecard *ScorecardHeatmapModel::scorecard() const
{
    return m_results && m_card >= 0 && m_card < m_results->cards.size() ? &m_results->cards.at(m_card) : nullptr;
}

void ScorecardHeatmapModel::setResults(ScorecardResults::Ptr results, int card, std::vector<int> scores, Rows rows)
{
    beginResetModel();
    m_results = std::move(results);
    m_card = card;
    m_scores = std::move(scores);
    m_rows = rows;
    m_teams.clear();
    if (const Scorecard *c = scorecard(); c && rows == Rows::Teams) {
        const ScorecardRun &run = m_results->runs[std::size_t(card)];
        std::map<QString, std::size_t> byName;
        for (const int s : m_scores) {
            const EntityScore &score = run.entities[std::size_t(s)];
            const QString team = ScorecardStyle::teamOf(*m_results->catalog, score.entity);
            auto [it, added] = byName.emplace(team, m_teams.size());
            if (added) {
                Team t;
                t.name = team;
                t.level = int(c->levels.size()) - 1;
                t.passing.assign(std::size_t(c->rules.size()), 0);
                m_teams.push_back(std::move(t));
            }
            Team &t = m_teams[it->second];
            ++t.entities;
            t.level = std::min(t.level, score.level);
            t.score += score.score;
            for (std::size_t r = 0; r < score.truths.size(); ++r) {
                t.passing[r] += score.truths[r] == Truth::Pass ? 1 : 0;
            }
        }
        for (Team &t : m_teams) {
            t.score /= t.entities;
            for (double &p : t.passing) {
                p /= t.entities;
            }
        }
        // Weakest first.
        std::stable_sort(m_teams.begin(), m_teams.end(), [](const Team &a, const Team &b) {
            return a.level != b.level ? a.level < b.level : a.score < b.score;
        });
    }
    endResetModel();
}

int ScorecardHeatmapModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !scorecard()) {
        return 0;
    }
    return int(m_rows == Rows::Teams ? m_teams.size() : m_scores.size());
}

int ScorecardHeatmapModel::columnCount(const QModelIndex &parent) const
{
    const Scorecard *c = scorecard();
    return parent.isValid() || !c ? 0 : FirstRuleColumn + int(c->rules.size());
}

QVariant ScorecardHeatmapModel::data(const QModelIndex &index, int role) const
{
    const Scorecard *card = scorecard();
    if (!card || !index.isValid() || index.row() >= rowCount()) {
        return {};
    }
    const int column = index.column();
    const int rule = column - FirstRuleColumn;
    if (m_rows == Rows::Teams) {
        const Team &t = m_teams[std::size_t(index.row())];
        if (rule >= 0) {
            const double share = t.passing[std::size_t(rule)];
            switch (role) {
            case Qt::DisplayRole:
                return u"%1%"_s.arg(std::round(share * 100));
            case Qt::BackgroundRole:
                return ScorecardStyle::fractionColor(share);
            case Qt::ForegroundRole:
                return QColor(0x1f, 0x29, 0x37);
            case Qt::TextAlignmentRole:
                return int(Qt::AlignCenter);
            case FractionRole:
            case SortRole:
                return share;
            case Qt::ToolTipRole:
                return tr("%1: %2 of %n entities pass “%3”", nullptr, t.entities)
                    .arg(t.name)
                    .arg(std::round(share * t.entities))
                    .arg(card->rules.at(rule).title.isEmpty() ? card->rules.at(rule).id : card->rules.at(rule).title);
            default:
                return {};
            }
        }
        switch (role) {
        case Qt::DisplayRole:
            if (column == NameColumn) {
                return tr("%1 (%n entities)", nullptr, t.entities).arg(t.name);
            }
            if (column == LevelColumn) {
                return ScorecardStyle::levelLabel(*card, t.level);
            }
            return u"%1%"_s.arg(std::round(t.score));
        case SortRole:
            return column == NameColumn ? QVariant(t.name) : column == LevelColumn ? QVariant(t.level) : t.score;
        case LevelColorRole:
            return ScorecardStyle::levelColor(*card, t.level);
        case Qt::DecorationRole:
            return column == LevelColumn ? QVariant(ScorecardStyle::levelIcon(*card, t.level)) : QVariant();
        case Qt::ToolTipRole:
            return column == LevelColumn ? tr("The lowest level among the team's entities") : QVariant();
        case Qt::TextAlignmentRole:
            return column == ScoreColumn ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
        default:
            return {};
        }
    }
    const EntityScore &score =
        m_results->runs[std::size_t(m_card)].entities[std::size_t(m_scores[std::size_t(index.row())])];
    const Entity &entity = m_results->catalog->entity(score.entity);
    if (rule >= 0) {
        const Truth truth = score.truths[std::size_t(rule)];
        switch (role) {
        case Qt::DisplayRole:
            return truth == Truth::Pass ? u"✓"_s : truth == Truth::Fail ? u"✗"_s : u"?"_s;
        case Qt::BackgroundRole:
            return ScorecardStyle::truthColor(truth);
        case Qt::ForegroundRole:
            return QColor(0x1f, 0x29, 0x37);
        case Qt::TextAlignmentRole:
            return int(Qt::AlignCenter);
        case TruthRole:
        case SortRole:
            return int(truth);
        case Qt::ToolTipRole: {
            const ScorecardRule &r = card->rules.at(rule);
            return u"%1 — %2: %3"_s.arg(entity.displayName(), r.title.isEmpty() ? r.id : r.title,
                                        ScorecardStyle::truthLabel(truth));
        }
        case EntityKeyRole:
            return entity.key();
        default:
            return {};
        }
    }
    switch (role) {
    case Qt::DisplayRole:
        if (column == NameColumn) {
            return entity.displayName();
        }
        if (column == LevelColumn) {
            return ScorecardStyle::levelLabel(*card, score.level);
        }
        return u"%1%"_s.arg(std::round(score.score));
    case Qt::ToolTipRole:
        return column == NameColumn ? QVariant(entity.refString()) : QVariant();
    case SortRole:
        return column == NameColumn    ? QVariant(entity.displayName().toLower())
               : column == LevelColumn ? QVariant(score.level)
                                       : QVariant(score.score);
    case LevelColorRole:
        return ScorecardStyle::levelColor(*card, score.level);
    case Qt::DecorationRole:
        return column == LevelColumn ? QVariant(ScorecardStyle::levelIcon(*card, score.level)) : QVariant();
    case EntityKeyRole:
        return entity.key();
    case Qt::TextAlignmentRole:
        return column == ScoreColumn ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    default:
        return {};
    }
}

QVariant ScorecardHeatmapModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    const Scorecard *card = scorecard();
    if (orientation != Qt::Horizontal || !card) {
        return {};
    }
    const int rule = section - FirstRuleColumn;
    if (rule >= 0 && rule < card->rules.size()) {
        const ScorecardRule &r = card->rules.at(rule);
        if (role == Qt::DisplayRole) {
            return r.title.isEmpty() ? r.id : r.title;
        }
        if (role == Qt::ToolTipRole) {
            QString tip = u"<b>%1</b> · %2"_s.arg((r.title.isEmpty() ? r.id : r.title).toHtmlEscaped(),
                                                  ScorecardStyle::levelLabel(*card, r.level).toHtmlEscaped());
            if (!r.description.isEmpty()) {
                tip += u"<br>"_s + tr("How to fix: %1").arg(r.description).toHtmlEscaped();
            }
            return tip;
        }
        if (role == LevelColorRole) {
            return ScorecardStyle::levelColor(*card, r.level);
        }
        return {};
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case NameColumn:
        return m_rows == Rows::Teams ? tr("Team") : tr("Entity");
    case LevelColumn:
        return tr("Level");
    case ScoreColumn:
        return tr("Score");
    default:
        return {};
    }
}

namespace {

QByteArray csvField(const QString &text)
{
    QByteArray bytes = text.toUtf8();
    if (bytes.contains(',') || bytes.contains('"') || bytes.contains('\n') || bytes.contains('\r')) {
        bytes.replace('"', "\"\"");
        return '"' + bytes + '"';
    }
    return bytes;
}

} // namespace

QByteArray scorecardCsv(const ScorecardResults &results, int card, const std::vector<int> &scores)
{
    const Scorecard &c = results.cards.at(card);
    const ScorecardRun &run = results.runs[std::size_t(card)];
    const Catalog &catalog = *results.catalog;
    QByteArray out;
    QList<QByteArray> header = {"entity", "kind", "owner", "system", "level", "score"};
    for (const ScorecardRule &rule : c.rules) {
        header << csvField(rule.id);
    }
    out += header.join(',') + "\r\n";
    for (const int s : scores) {
        const EntityScore &score = run.entities[std::size_t(s)];
        const Entity &e = catalog.entity(score.entity);
        QList<QByteArray> row = {csvField(e.refString()),
                                 csvField(e.kind),
                                 csvField(catalog.facetValue(score.entity, Facet::Owner)),
                                 csvField(catalog.facetValue(score.entity, Facet::System)),
                                 csvField(score.level >= 0 ? c.levels.at(score.level).name : QString()),
                                 QByteArray::number(score.score, 'f', 1)};
        for (const Truth truth : score.truths) {
            row << truthName(truth).toUtf8();
        }
        out += row.join(',') + "\r\n";
    }
    return out;
}

} // namespace Portolan::Ui
