#include "DeviceFlowDialog.h"

#include "auth/TokenStore.h"
#include "util/Clock.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace Portolan::Ui {

DeviceFlowDialog::DeviceFlowDialog(const CredentialConfig &credential, QString tokenKey, QString refreshKey,
                                   TokenStore *tokens, QWidget *parent, Clock *clock)
    : QDialog(parent)
    , m_credential(credential)
    , m_tokenKey(std::move(tokenKey))
    , m_refreshKey(std::move(refreshKey))
    , m_tokens(tokens)
    , m_clock(clock ? clock : &Clock::system())
    , m_network(new QNetworkAccessManager(this))
    , m_flow(new DeviceFlow(m_network, m_clock, this))
    , m_tick(new QTimer(this))
    , m_intro(new QLabel(this))
    , m_code(new QLabel(this))
    , m_countdown(new QLabel(this))
    , m_status(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_copy(new QPushButton(tr("Copy Code"), this))
    , m_open(new QPushButton(tr("Open GitHub"), this))
    , m_retry(new QPushButton(tr("Get a New Code"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    setObjectName(u"deviceFlowDialog"_s);
    const QString host = QUrl(m_credential.oauthUrl()).host();
    setWindowTitle(tr("Sign in with GitHub — %1").arg(m_credential.name));

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    m_intro->setWordWrap(true);
    m_intro->setText(tr("Open %1 in your browser, sign in if asked, and enter this code to let Portolan use your "
                        "account for the credential “%2”.")
                         .arg(host, m_credential.name));
    layout->addWidget(m_intro);

    m_code->setObjectName(u"userCode"_s);
    m_code->setAlignment(Qt::AlignCenter);
    m_code->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_code->setCursor(Qt::IBeamCursor);
    QFont codeFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    codeFont.setPointSizeF(std::max(codeFont.pointSizeF(), 10.0) * 2.4);
    codeFont.setWeight(QFont::Bold);
    codeFont.setLetterSpacing(QFont::PercentageSpacing, 115);
    m_code->setFont(codeFont);
    m_code->setMinimumHeight(m_code->fontMetrics().height() + 16);
    m_code->setAccessibleName(tr("One-time code"));
    layout->addWidget(m_code);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_copy->setObjectName(u"copyCode"_s);
    m_open->setObjectName(u"openGitHub"_s);
    m_open->setDefault(true);
    buttons->addWidget(m_copy);
    buttons->addWidget(m_open);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    m_countdown->setObjectName(u"codeCountdown"_s);
    m_countdown->setAlignment(Qt::AlignCenter);
    m_countdown->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_countdown);

    m_busy->setObjectName(u"signInBusy"_s);
    m_busy->setRange(0, 0); // indeterminate: we wait for the user
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(6);
    layout->addWidget(m_busy);

    m_status->setObjectName(u"signInStatus"_s);
    m_status->setWordWrap(true);
    m_status->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_status);
    layout->addStretch(1);

    auto *box = new QDialogButtonBox(this);
    m_retry->setObjectName(u"retrySignIn"_s);
    m_cancel->setObjectName(u"cancelSignIn"_s);
    box->addButton(m_retry, QDialogButtonBox::ActionRole);
    box->addButton(m_cancel, QDialogButtonBox::RejectRole);
    layout->addWidget(box);
    m_retry->hide();

    connect(m_copy, &QPushButton::clicked, this, &DeviceFlowDialog::copyCode);
    connect(m_open, &QPushButton::clicked, this, &DeviceFlowDialog::openBrowser);
    connect(m_retry, &QPushButton::clicked, this, &DeviceFlowDialog::start);
    connect(m_cancel, &QPushButton::clicked, this, &DeviceFlowDialog::reject);
    connect(m_flow, &DeviceFlow::codeReady, this, &DeviceFlowDialog::showCode);
    connect(m_flow, &DeviceFlow::finished, this, &DeviceFlowDialog::onFinished);
    connect(m_tick, &QTimer::timeout, this, &DeviceFlowDialog::updateCountdown);
    m_tick->setInterval(1000);

    m_copy->setEnabled(false);
    m_open->setEnabled(false);
    resize(460, 300);
}

DeviceFlowDialog::~DeviceFlowDialog() = default;

void DeviceFlowDialog::start()
{
    m_retry->hide();
    m_code->setText(u"····-····"_s);
    m_code->setEnabled(false);
    m_copy->setEnabled(false);
    m_open->setEnabled(false);
    m_countdown->clear();
    m_busy->show();
    m_status->setText(tr("Asking %1 for a code…").arg(QUrl(m_credential.oauthUrl()).host()));
    m_flow->start(DeviceFlow::Settings::fromCredential(m_credential));
}

void DeviceFlowDialog::showCode(const QString &userCode, const QUrl &verificationUri, const QDateTime &expiresAt)
{
    m_verificationUri = verificationUri;
    m_expiresAt = expiresAt;
    m_code->setText(userCode);
    m_code->setEnabled(true);
    m_copy->setEnabled(true);
    m_open->setEnabled(true);
    m_open->setToolTip(verificationUri.toDisplayString());
    m_status->setText(tr("Waiting for you to enter the code at %1…").arg(verificationUri.toDisplayString()));
    updateCountdown();
    m_tick->start();
}

void DeviceFlowDialog::updateCountdown()
{
    if (!m_expiresAt.isValid()) {
        m_countdown->clear();
        return;
    }
    const qint64 left = std::max<qint64>(0, m_clock->now().secsTo(m_expiresAt));
    m_countdown->setText(tr("The code expires in %1:%2").arg(left / 60).arg(left % 60, 2, 10, QLatin1Char('0')));
    if (left == 0) {
        m_tick->stop();
    }
}

void DeviceFlowDialog::copyCode()
{
    if (QClipboard *clipboard = QGuiApplication::clipboard()) {
        clipboard->setText(m_code->text());
        m_status->setText(tr("Code copied. Paste it at %1.").arg(m_verificationUri.toDisplayString()));
    }
}

void DeviceFlowDialog::openBrowser()
{
    if (m_verificationUri.isValid() && !QDesktopServices::openUrl(m_verificationUri)) {
        m_status->setText(
            tr("No browser could be opened. Go to %1 yourself.").arg(m_verificationUri.toDisplayString()));
    }
}

void DeviceFlowDialog::showError(const QString &message)
{
    m_tick->stop();
    m_busy->hide();
    m_expiresAt = {};
    m_countdown->clear();
    m_code->setEnabled(false);
    m_copy->setEnabled(false);
    m_open->setEnabled(false);
    m_status->setText(message);
    m_retry->show();
}

void DeviceFlowDialog::onFinished(const Result<DeviceFlowToken> &result)
{
    if (!result.ok()) {
        if (result.error().code != Error::Code::Cancelled) {
            showError(tr("Sign-in failed: %1").arg(result.error().message));
        }
        return;
    }
    store(result.value());
}

void DeviceFlowDialog::store(const DeviceFlowToken &token)
{
    m_tick->stop();
    m_countdown->clear();
    m_copy->setEnabled(false);
    m_open->setEnabled(false);
    m_status->setText(tr("Signed in. Saving the token…"));
    const QString refreshRecord = token.refreshRecord();
    QPointer<DeviceFlowDialog> self(this);
    // The same keychain entry a pasted token goes to, so sources need nothing new.
    m_tokens->write(m_tokenKey, token.accessToken, [self](Result<void> written) {
        if (!self) {
            return;
        }
        if (!written.ok()) {
            self->showError(tr("The token could not be saved: %1").arg(written.error().message));
            return;
        }
        self->m_stored = true;
        Q_EMIT self->tokenStored(self->m_credential.name);
    });
    // Expiring GitHub App tokens: keep what refreshes them; otherwise drop a refresh token from an earlier sign-in.
    const auto refreshDone = [self](Result<void> done) {
        if (!self) {
            return;
        }
        if (!done.ok()) {
            self->m_status->setText(tr("Signed in, but the refresh token could not be saved: %1. Sign in again when "
                                       "the token expires.")
                                        .arg(done.error().message));
        }
        if (self->m_stored) {
            self->accept();
        }
    };
    if (refreshRecord.isEmpty()) {
        m_tokens->remove(m_refreshKey, refreshDone);
    } else {
        m_tokens->write(m_refreshKey, refreshRecord, refreshDone);
    }
}

void DeviceFlowDialog::reject()
{
    m_tick->stop();
    m_flow->cancel();
    QDialog::reject();
}

} // namespace Portolan::Ui
