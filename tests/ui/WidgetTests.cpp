// Small widgets and the session's cancel path.
#include "UiTestSupport.h"
#include "WorkspaceSession.h"
#include "config/Paths.h"
#include "widgets/ChipList.h"
#include "widgets/CodeView.h"
#include "widgets/ElidedLabel.h"
#include "widgets/FlowLayout.h"
#include "widgets/SearchField.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace Portolan;
using namespace Portolan::Ui;

TEST_CASE("ChipList wraps chips to its width and reports clicks", "[ui][widgets]")
{
    ChipList chips;
    chips.setChips({u"kotlin"_s, u"rest"_s, u"kafka"_s, u"a-much-longer-tag"_s});
    chips.setClickable(true);
    chips.resize(1000, 40);
    chips.show();
    REQUIRE(QTest::qWaitForWindowExposed(&chips));
    // Wide enough: one row, every chip wide enough for its text.
    const int rowHeight = chips.chipRect(0).height();
    CHECK(chips.chipRect(3).top() == 0);
    for (int i = 0; i < 4; ++i) {
        CHECK(chips.chipRect(i).width() > chips.fontMetrics().horizontalAdvance(chips.chips().at(i)));
    }
    // Narrow: the chips wrap and the widget asks for the height of every row.
    chips.resize(120, 40);
    CHECK(chips.chipRect(3).top() > 0);
    CHECK(chips.minimumHeight() > rowHeight);

    chips.resize(1000, 40);
    QSignalSpy clicked(&chips, &ChipList::chipClicked);
    QTest::mouseClick(&chips, Qt::LeftButton, {}, chips.chipRect(2).center());
    REQUIRE(clicked.count() == 1);
    CHECK(clicked.at(0).at(0).toString() == u"kafka"_s);
}

TEST_CASE("ElidedLabel can be narrowed below its text, then ends it with an ellipsis", "[ui][widgets]")
{
    ElidedLabel label;
    const QString text = u"Gelesen aus dem Offline-Cache · Arbeitsbereich synchronisiert vor 3 Minuten"_s;
    label.setText(text);
    CHECK(label.sizeHint().width() >= label.fontMetrics().horizontalAdvance(text));
    CHECK(label.minimumSizeHint().width() < label.sizeHint().width() / 4);
    label.resize(label.sizeHint());
    CHECK(label.shownText() == text);
    label.resize(label.sizeHint().width() / 2, label.sizeHint().height());
    CHECK(label.shownText().endsWith(u"…"_s));
    CHECK(text.startsWith(label.shownText().chopped(1)));
}

TEST_CASE("FlowLayout puts items on new rows as the width shrinks, each row's items side by side", "[ui][widgets]")
{
    QWidget bar;
    auto *flow = new FlowLayout(&bar, 6, 4);
    flow->setContentsMargins(0, 0, 0, 0);
    QList<QPushButton *> buttons;
    for (int i = 0; i < 5; ++i) {
        auto *button = new QPushButton(u"Button number %1"_s.arg(i), &bar);
        button->setFixedSize(100, 20);
        flow->addWidget(button);
        buttons << button;
    }
    CHECK(flow->sizeHint() == QSize(5 * 100 + 4 * 6, 20));
    CHECK(flow->minimumSize() == QSize(100, 20));
    CHECK(flow->heightForWidth(524) == 20);
    CHECK(flow->heightForWidth(320) == 2 * 20 + 4); // three, then two
    CHECK(flow->heightForWidth(100) == 5 * 20 + 4 * 4);
    bar.resize(320, flow->heightForWidth(320));
    flow->setGeometry(QRect(0, 0, 320, flow->heightForWidth(320)));
    CHECK(buttons.at(0)->geometry() == QRect(0, 0, 100, 20));
    CHECK(buttons.at(2)->geometry() == QRect(212, 0, 100, 20));
    CHECK(buttons.at(3)->geometry() == QRect(0, 24, 100, 20));
    // A hidden item takes no place.
    buttons.at(1)->hide();
    CHECK(flow->heightForWidth(320) == 2 * 20 + 4);
    CHECK(flow->heightForWidth(430) == 20);
}

TEST_CASE("SearchField: Esc clears, Down and Return hand over to the results", "[ui][widgets]")
{
    SearchField field;
    QSignalSpy toResults(&field, &SearchField::moveToResultsRequested);
    QTest::keyClicks(&field, u"payments"_s);
    CHECK(field.text() == u"payments"_s);
    QTest::keyClick(&field, Qt::Key_Down);
    QTest::keyClick(&field, Qt::Key_Return);
    CHECK(toResults.count() == 2);
    QTest::keyClick(&field, Qt::Key_Escape);
    CHECK(field.text().isEmpty());
    CHECK_FALSE(field.placeholderText().isEmpty());
}

TEST_CASE("CodeView marks a line and puts the cursor on it", "[ui][widgets]")
{
    CodeView view;
    view.setYamlHighlighting(true);
    view.setPlainText(u"apiVersion: v1\nkind: Component\nmetadata:\n  name: x\n"_s);
    view.markLine(3, 1);
    CHECK(view.markedLine() == 3);
    CHECK(view.textCursor().blockNumber() == 2);
    CHECK(view.extraSelections().size() == 1);
    CHECK(view.isReadOnly());
    view.markLine(0);
    CHECK(view.extraSelections().isEmpty());
}

TEST_CASE("Cancelling a session before the workspace is read keeps the catalog and ends the busy state",
          "[ui][session]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const auto workspace = Core::Workspace::open(Core::Workspace::demoPath());
    REQUIRE(workspace.ok());
    WorkspaceSession session(*workspace, dir.filePath(u"cache.sqlite"_s));
    QSignalSpy busy(&session, &WorkspaceSession::busyChanged);
    session.start();
    CHECK(session.isBusy());
    session.cancel();
    REQUIRE(Test::waitFor([&] { return !session.isBusy(); }));
    CHECK(session.wasCancelled());
    CHECK_FALSE(session.hasCatalog());
    CHECK(busy.count() == 2);

    // A later reload reads the workspace as usual.
    session.reload();
    REQUIRE(Test::waitFor([&] { return !session.isBusy() && session.hasCatalog(); }));
    CHECK(session.catalog()->size() == 157);
    CHECK_FALSE(session.isFromCache());
}
