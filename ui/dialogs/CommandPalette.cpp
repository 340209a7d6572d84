#include "CommandPalette.h"

#include "models/KindStyle.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Portolan::Ui {

namespace {

constexpr int CommandRole = Qt::UserRole + 1; // index into the commands, or -1 for an entity
constexpr int RefRole = Qt::UserRole + 2;

// Every word of the text is somewhere in the command's text or detail.
bool matches(const CommandPalette::Command &command, const QStringList &words)
{
    return std::all_of(words.cbegin(), words.cend(), [&](const QString &w) {
        return command.text.contains(w, Qt::CaseInsensitive) || command.detail.contains(w, Qt::CaseInsensitive);
    });
}

} // namespace

CommandPalette::CommandPalette(QList<Command> commands, Core::Catalog::Ptr catalog,
                               std::function<void(const QString &)> openEntity, QWidget *parent)
    : QDialog(parent, Qt::Popup | Qt::FramelessWindowHint)
    , m_commands(std::move(commands))
    , m_catalog(std::move(catalog))
    , m_openEntity(std::move(openEntity))
    , m_input(new QLineEdit(this))
    , m_list(new QListWidget(this))
{
    setObjectName(u"commandPalette"_s);
    setWindowTitle(tr("Go to"));
    m_input->setObjectName(u"commandPaletteInput"_s);
    m_input->setPlaceholderText(tr("Go to an entity, a page or an action…"));
    m_input->setAccessibleName(tr("Go to"));
    m_input->setClearButtonEnabled(true);
    m_input->installEventFilter(this);
    m_list->setObjectName(u"commandPaletteList"_s);
    m_list->setAccessibleName(tr("Matches"));
    m_list->setUniformItemSizes(true);
    m_list->setFocusPolicy(Qt::NoFocus);

    auto *hint = new QLabel(tr("↑↓ to choose · Enter to open · Esc to close"), this);
    hint->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_input);
    layout->addWidget(m_list, 1);
    layout->addWidget(hint);

    connect(m_input, &QLineEdit::textChanged, this, &CommandPalette::update);
    connect(m_input, &QLineEdit::returnPressed, this, &CommandPalette::runCurrent);
    connect(m_list, &QListWidget::itemActivated, this, [this] { runCurrent(); });
    connect(m_list, &QListWidget::itemClicked, this, [this] { runCurrent(); });
    resize(620, 420);
    update(QString());
}

CommandPalette::~CommandPalette() = default;

void CommandPalette::update(const QString &text)
{
    m_list->clear();
    const QStringList words = text.simplified().split(u' ', Qt::SkipEmptyParts);
    for (int i = 0; i < m_commands.size(); ++i) {
        const Command &c = m_commands.at(i);
        if (!matches(c, words)) {
            continue;
        }
        auto *item = new QListWidgetItem(c.icon, c.text + u"   "_s + c.detail, m_list);
        item->setData(CommandRole, i);
        item->setToolTip(c.detail);
    }
    const QString needle = text.trimmed();
    if (m_catalog && !needle.isEmpty()) {
        Core::CatalogQuery query;
        query.text = needle;
        std::vector<int> rows = m_catalog->query(query);
        // Names (and titles) that start with the text first, the rest in name order.
        std::stable_partition(rows.begin(), rows.end(), [&](int row) {
            const Core::Entity &e = m_catalog->entity(row);
            return e.name.startsWith(needle, Qt::CaseInsensitive) || e.title.startsWith(needle, Qt::CaseInsensitive);
        });
        const std::size_t shown = std::min<std::size_t>(rows.size(), maxEntities);
        for (std::size_t k = 0; k < shown; ++k) {
            const Core::Entity &e = m_catalog->entity(rows[k]);
            auto *item =
                new QListWidgetItem(KindStyle::kindIcon(e.kind), e.displayName() + u"   "_s + e.refString(), m_list);
            item->setData(CommandRole, -1);
            item->setData(RefRole, e.refString());
            item->setToolTip(e.description);
        }
        if (rows.size() > shown) {
            auto *more = new QListWidgetItem(
                tr("%n more entities: type more to narrow them down", nullptr, int(rows.size() - shown)), m_list);
            more->setFlags(Qt::NoItemFlags);
        }
    }
    if (m_list->count() > 0 && (m_list->item(0)->flags() & Qt::ItemIsEnabled)) {
        m_list->setCurrentRow(0);
    }
}

void CommandPalette::runCurrent()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item || !(item->flags() & Qt::ItemIsEnabled)) {
        return;
    }
    const int command = item->data(CommandRole).toInt();
    const QString ref = item->data(RefRole).toString();
    accept();
    if (command >= 0 && command < m_commands.size()) {
        if (m_commands.at(command).run) {
            m_commands.at(command).run();
        }
    } else if (!ref.isEmpty() && m_openEntity) {
        m_openEntity(ref);
    }
}

bool CommandPalette::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const int count = m_list->count();
        int row = m_list->currentRow();
        const auto step = [&](int delta) {
            for (int k = 0; k < count; ++k) {
                row = std::clamp(row + delta, 0, count - 1);
                if (m_list->item(row)->flags() & Qt::ItemIsEnabled) {
                    break;
                }
            }
            m_list->setCurrentRow(row);
            return true;
        };
        switch (key->key()) {
        case Qt::Key_Down:
            return count > 0 && step(1);
        case Qt::Key_Up:
            return count > 0 && step(-1);
        case Qt::Key_PageDown:
            return count > 0 && step(10);
        case Qt::Key_PageUp:
            return count > 0 && step(-10);
        default:
            break;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace Portolan::Ui
