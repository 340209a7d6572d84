#pragma once

#include "scorecards/ScorecardEngine.h"

#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace Portolan::Ui {

// The entity page's Scorecards tab: for each scorecard that applies to the entity, the level it holds and its score,
// then every rule by level: passed, failed or unknown, why it did not pass (which value failed which test) and how to
// fix it. Explanations are computed for the one entity shown.
class ScorecardTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScorecardTab)

public:
    explicit ScorecardTab(QWidget *parent = nullptr);
    ~ScorecardTab() override;

    // `entityKey` in the results' catalog; results may be null (not evaluated yet).
    void show(const Core::ScorecardResults::Ptr &results, const QString &entityKey);
    // How many scorecards apply to the entity shown.
    [[nodiscard]] int scorecardCount() const { return m_count; }
    // The text shown for each scorecard (tests read it).
    [[nodiscard]] QStringList sectionTexts() const;

private:
    QWidget *m_sections;
    QVBoxLayout *m_layout;
    QLabel *m_empty;
    int m_count = 0;
};

} // namespace Portolan::Ui
