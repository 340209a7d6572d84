#pragma once

#include "scorecards/ScorecardHistory.h"

#include <QWidget>

namespace Portolan::Ui {

// How many entities hold each level of a scorecard: one bar split by level (highest on the left, in the level's
// colour, "below" in grey) and a legend with counts and shares under it.
class LevelDistribution final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LevelDistribution)

public:
    explicit LevelDistribution(QWidget *parent = nullptr);
    ~LevelDistribution() override;

    // `counts`: per level of `card`, then one more for those below the first level.
    void setCounts(const Core::Scorecard &card, const QList<int> &counts);
    [[nodiscard]] const QList<int> &counts() const { return m_counts; }

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QStringList m_names;
    QList<QColor> m_colors;
    QList<int> m_counts;
};

// Level counts per day as stacked columns, lowest level at the bottom; the days without history are left blank.
class LevelTrend final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LevelTrend)

public:
    explicit LevelTrend(QWidget *parent = nullptr);
    ~LevelTrend() override;

    void setTrend(const Core::Scorecard &card, const QList<Core::ScoreDay> &days, const QDate &from, const QDate &to);
    [[nodiscard]] const QList<Core::ScoreDay> &days() const { return m_days; }
    void setMessage(const QString &message);

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    [[nodiscard]] int dayAt(QPoint position) const;
    [[nodiscard]] QRect plotRect() const;

    QList<QColor> m_colors; // per level of the card, then below
    QStringList m_names;
    QList<Core::ScoreDay> m_days;
    QDate m_from;
    QDate m_to;
    QString m_message;
};

} // namespace Portolan::Ui
