#include "ScorecardTab.h"

#include "models/ScorecardModels.h"
#include "widgets/Card.h"

#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace Portolan::Ui {

namespace {

QString pill(const QString &text, const QColor &color)
{
    const QColor ink = color.lightnessF() > 0.6 ? QColor(0x1f, 0x29, 0x37) : QColor(Qt::white);
    return u"<span style='background:%1; color:%2'>&nbsp;%3&nbsp;</span>"_s.arg(color.name(), ink.name(),
                                                                                text.toHtmlEscaped());
}

} // namespace

ScorecardTab::ScorecardTab(QWidget *parent)
    : QWidget(parent)
    , m_sections(new QWidget(this))
    , m_layout(new QVBoxLayout(m_sections))
    , m_empty(new QLabel(this))
{
    setObjectName(u"scorecardTab"_s);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_sections);
    m_layout->setContentsMargins(16, 14, 16, 14);
    m_layout->setSpacing(12);
    m_empty->setObjectName(u"scorecardTabEmpty"_s);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_layout->addWidget(m_empty);
    m_layout->addStretch(1);
    outer->addWidget(scroll);
}

ScorecardTab::~ScorecardTab() = default;

QStringList ScorecardTab::sectionTexts() const
{
    QStringList texts;
    for (const Card *card : m_sections->findChildren<Card *>(Qt::FindDirectChildrenOnly)) {
        QString text = card->title();
        for (const QLabel *label : card->findChildren<QLabel *>()) {
            text += u'\n' + label->text();
        }
        texts << text;
    }
    return texts;
}

void ScorecardTab::show(const ScorecardResults::Ptr &results, const QString &entityKey)
{
    for (Card *card : m_sections->findChildren<Card *>(Qt::FindDirectChildrenOnly)) {
        delete card;
    }
    m_count = 0;
    const int entity = results ? results->catalog->indexOf(entityKey) : -1;
    if (!results || entity < 0) {
        m_empty->setText(results ? tr("This entity is not in the evaluated catalog yet.")
                                 : tr("The scorecards are being evaluated…"));
        m_empty->show();
        return;
    }
    const ScorecardEvaluator evaluator(*results->catalog, results->live.get(), results->at);
    int position = 0;
    for (qsizetype c = 0; c < results->cards.size(); ++c) {
        const Scorecard &card = results->cards.at(c);
        if (!results->score(int(c), entity)) {
            continue;
        }
        ++m_count;
        // Explanations for this one entity.
        const EntityScore score = evaluator.evaluate(card, entity, true);
        auto *section = new Card(card.displayTitle(), m_sections);
        section->setObjectName(u"scorecard-"_s + card.id);
        auto *level = new QLabel(section);
        level->setObjectName(u"scorecardLevel"_s);
        level->setTextFormat(Qt::RichText);
        level->setText(u"%1 &nbsp; %2"_s.arg(
            pill(ScorecardStyle::levelLabel(card, score.level), ScorecardStyle::levelColor(card, score.level)),
            tr("%1% · %2 passed, %3 failed, %4 unknown")
                .arg(std::round(score.score))
                .arg(score.passed)
                .arg(score.failed)
                .arg(score.unknown)
                .toHtmlEscaped()));
        section->addHeaderWidget(level);
        QString html;
        for (qsizetype l = 0; l < card.levels.size(); ++l) {
            QString rows;
            for (qsizetype r = 0; r < card.rules.size(); ++r) {
                const ScorecardRule &rule = card.rules.at(r);
                if (rule.level != l) {
                    continue;
                }
                const Truth truth = score.truths[std::size_t(r)];
                const QString mark = truth == Truth::Pass   ? u"<span style='color:#16a34a'>✓</span>"_s
                                     : truth == Truth::Fail ? u"<span style='color:#dc2626'>✗</span>"_s
                                                            : u"<span style='color:#94a3b8'>?</span>"_s;
                QString row = u"<tr><td width='22' valign='top'><b>%1</b></td><td><b>%2</b> <span "
                              u"style='color:#64748b'>%3</span>"_s.arg(
                                  mark, (rule.title.isEmpty() ? rule.id : rule.title).toHtmlEscaped(),
                                  ScorecardStyle::truthLabel(truth).toHtmlEscaped());
                if (truth != Truth::Pass) {
                    for (const QString &why : score.why.value(r)) {
                        row += u"<br><span style='color:#64748b'>%1</span>"_s.arg(why.toHtmlEscaped());
                    }
                    if (!rule.description.isEmpty()) {
                        row += u"<br>%1 %2"_s.arg(tr("How to fix:").toHtmlEscaped(), rule.description.toHtmlEscaped());
                    }
                }
                rows += row + u"</td></tr>"_s;
            }
            if (!rows.isEmpty()) {
                html += u"<p style='margin-top:8px'>%1</p><table cellspacing='3'>%2</table>"_s.arg(
                    pill(card.levels.at(l).name, ScorecardStyle::levelColor(card, int(l))), rows);
            }
        }
        auto *body = new QLabel(section);
        body->setTextFormat(Qt::RichText);
        body->setWordWrap(true);
        body->setTextInteractionFlags(Qt::TextSelectableByMouse);
        body->setText(html);
        section->contentLayout()->addWidget(body);
        m_layout->insertWidget(position++, section);
    }
    m_empty->setVisible(m_count == 0);
    m_empty->setText(tr("No scorecard applies to this entity."));
}

} // namespace Portolan::Ui
