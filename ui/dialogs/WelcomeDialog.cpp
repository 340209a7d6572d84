#include "WelcomeDialog.h"

#include "auth/TokenStore.h"
#include "config/Workspace.h"
#include "widgets/Icons.h"

#include <QCommandLinkButton>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSystemTrayIcon>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Portolan::Ui {

namespace {

QString checkLine(bool ok, const QString &text)
{
    // ✓ and ✗ in colours that read on light and dark palettes.
    return (ok ? u"<span style=\"color:#16a34a\">✓</span> "_s : u"<span style=\"color:#dc2626\">✗</span> "_s) + text;
}

} // namespace

WelcomeDialog::WelcomeDialog(DesktopNotifier::Backend notifications, QWidget *parent)
    : QDialog(parent)
    , m_url(new QLineEdit(this))
    , m_branch(new QLineEdit(this))
    , m_clone(new QPushButton(tr("&Clone and Open"), this))
    , m_keychain(new QLabel(this))
    , m_tray(new QLabel(this))
    , m_notifications(new QLabel(this))
{
    setObjectName(u"welcomeDialog"_s);
    setWindowTitle(tr("Welcome to Portolan"));

    auto *icon = new QLabel(this);
    icon->setPixmap(Icons::appIcon().pixmap(QSize(48, 48), devicePixelRatioF()));
    icon->setAlignment(Qt::AlignTop);
    auto *intro = new QLabel(
        tr("<h2>Welcome to Portolan</h2>"
           "<p>Portolan shows your platform's software catalog: services, APIs, resources, teams and how they "
           "connect, with scorecards and self-service actions. It reads a <i>workspace</i>: a folder with a "
           "portolan.yaml and Backstage catalog-info.yaml descriptors, or a git repository of them.</p>"),
        this);
    intro->setWordWrap(true);
    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addWidget(intro, 1);

    auto *demo = new QCommandLinkButton(tr("Explore the demo workspace"),
                                        tr("A small company's catalog, built in: nothing to set up."), this);
    demo->setObjectName(u"welcomeDemo"_s);
    auto *folder = new QCommandLinkButton(tr("Open a workspace folder…"),
                                          tr("A folder on this computer, such as a clone of your platform's "
                                             "catalog repository."),
                                          this);
    folder->setObjectName(u"welcomeFolder"_s);
    for (QCommandLinkButton *button : {demo, folder}) {
        button->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    }
    connect(demo, &QPushButton::clicked, this, [this] {
        Q_EMIT demoRequested();
        accept();
    });
    connect(folder, &QPushButton::clicked, this, [this] {
        Q_EMIT folderRequested();
        accept();
    });

    auto *cloneBox = new QGroupBox(tr("Clone a workspace repository"), this);
    m_url->setObjectName(u"welcomeRepositoryUrl"_s);
    m_url->setPlaceholderText(u"https://github.com/acme/platform-catalog.git"_s);
    m_url->setAccessibleName(tr("Repository URL"));
    m_branch->setObjectName(u"welcomeBranch"_s);
    m_branch->setPlaceholderText(tr("the default branch"));
    m_branch->setAccessibleName(tr("Branch"));
    m_clone->setObjectName(u"welcomeClone"_s);
    m_clone->setEnabled(false);
    auto *cloneForm = new QFormLayout(cloneBox);
    cloneForm->addRow(tr("Repository &URL:"), m_url);
    cloneForm->addRow(tr("&Branch:"), m_branch);
    cloneForm->addRow(QString(), m_clone);
    connect(m_url, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_clone->setEnabled(Core::Workspace::isGitUrl(text.trimmed())); });
    connect(m_clone, &QPushButton::clicked, this, [this] {
        Q_EMIT cloneRequested(m_url->text().trimmed(), m_branch->text().trimmed());
        accept();
    });

    auto *checks = new QGroupBox(tr("This desktop"), this);
    auto *checkLayout = new QVBoxLayout(checks);
    for (QLabel *label : {m_keychain, m_tray, m_notifications}) {
        label->setWordWrap(true);
        label->setTextFormat(Qt::RichText);
        checkLayout->addWidget(label);
    }
    m_keychain->setObjectName(u"welcomeKeychain"_s);
    m_tray->setObjectName(u"welcomeTray"_s);
    m_notifications->setObjectName(u"welcomeNotifications"_s);
    m_keychain->setText(tr("Checking the keychain…"));
    m_tray->setText(QSystemTrayIcon::isSystemTrayAvailable()
                        ? checkLine(true, tr("System tray: Portolan can keep running there when its window is "
                                             "closed, and shows unread notifications on its icon."))
                        : checkLine(false, tr("No system tray: closing the window quits Portolan, and reminders "
                                              "(expiring environments, approvals) come only while it is open. "
                                              "On GNOME, the AppIndicator extension adds a tray.")));
    // What the window's notifier would use: the service, else the tray icon's balloons, else the Inbox alone.
    switch (notifications) {
    case DesktopNotifier::Backend::FreeDesktop:
        m_notifications->setText(
            checkLine(true, tr("Desktop notifications: reminders and approvals pop up on the desktop.")));
        break;
    case DesktopNotifier::Backend::Tray:
        m_notifications->setText(checkLine(false, tr("No notification service on the session bus: reminders show as "
                                                     "balloons of the tray icon, and in Portolan's Inbox.")));
        break;
    case DesktopNotifier::Backend::None:
        m_notifications->setText(checkLine(
            false, tr("No notification service on the session bus: reminders show only in Portolan's Inbox.")));
        break;
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(demo);
    layout->addWidget(folder);
    layout->addWidget(cloneBox);
    layout->addWidget(checks);
    layout->addStretch(1);
    layout->addWidget(buttons);
    resize(600, sizeHint().height());
    checkKeychain();
}

WelcomeDialog::~WelcomeDialog() = default;

void WelcomeDialog::checkKeychain()
{
    // Reading a key that is not there answers "nothing stored" from a working keychain, an error from none.
    auto *store = new Core::TokenStore(u"Portolan"_s, this);
    const QPointer<WelcomeDialog> self(this);
    store->read(Core::TokenStore::keyFor(u"portolan"_s, u"welcome-check"_s), [self, store](Core::Result<QString> r) {
        if (!self) {
            return;
        }
        const bool ok = r.ok() && Core::TokenStore::keychainAvailable();
        self->m_keychain->setText(
            ok ? checkLine(true, tr("Keychain: tokens are kept in the system keychain (Secret Service), never in a "
                                    "file."))
               : checkLine(false, tr("No usable keychain (%1). Tokens you enter are kept only until Portolan "
                                     "quits. Install and unlock a Secret Service such as GNOME Keyring or KWallet.")
                                      .arg(r.ok() ? Core::TokenStore::keychainProblem() : r.error().message)));
        store->deleteLater();
        Q_EMIT self->checked();
    });
}

QString WelcomeDialog::keychainText() const
{
    return m_keychain->text();
}

QString WelcomeDialog::trayText() const
{
    return m_tray->text();
}

QString WelcomeDialog::notificationsText() const
{
    return m_notifications->text();
}

} // namespace Portolan::Ui
