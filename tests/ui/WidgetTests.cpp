// Small widgets and the session's cancel path.
#include "UiTestSupport.h"
#include "WorkspaceSession.h"
#include "config/Paths.h"
#include "widgets/ChipList.h"
#include "widgets/CodeView.h"
#include "widgets/SearchField.h"

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
    CHECK(session.catalog()->size() == 156);
    CHECK_FALSE(session.isFromCache());
}
