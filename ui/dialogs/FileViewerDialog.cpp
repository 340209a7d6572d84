#include "FileViewerDialog.h"

#include "models/Format.h"
#include "models/KindStyle.h"
#include "widgets/CodeView.h"
#include "widgets/Icons.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Portolan::Ui {

FileViewerDialog::FileViewerDialog(const Location &location, QWidget *parent)
    : QDialog(parent)
    , m_location(location)
    , m_code(new CodeView(this))
    , m_external(new QPushButton(Icons::icon(Icons::Glyph::ExternalLink), tr("Open in External Editor"), this))
{
    setObjectName(u"fileViewer"_s);
    m_code->setObjectName(u"fileViewerText"_s);
    m_external->setObjectName(u"openExternally"_s);
    const QString shown = location.displayName.isEmpty() ? location.file : location.displayName;
    setWindowTitle(location.line > 0 ? tr("%1 (line %2)").arg(QFileInfo(shown).fileName()).arg(location.line)
                                     : QFileInfo(shown).fileName());
    setSizeGripEnabled(true);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);

    auto *header = new QHBoxLayout;
    auto *icon = new QLabel(this);
    icon->setPixmap(Icons::icon(Icons::Glyph::File).pixmap(QSize(22, 22), devicePixelRatio()));
    auto *path = new QLabel(this);
    path->setObjectName(u"fileViewerPath"_s);
    QFont f = path->font();
    f.setBold(true);
    path->setFont(f);
    path->setText(shown);
    path->setTextInteractionFlags(Qt::TextSelectableByMouse);
    path->setToolTip(location.file);
    auto *place = new QLabel(this);
    place->setForegroundRole(QPalette::PlaceholderText);
    if (location.line > 0) {
        place->setText(location.column > 0 ? tr("line %1, column %2").arg(location.line).arg(location.column)
                                           : tr("line %1").arg(location.line));
    }
    header->addWidget(icon);
    header->addWidget(path);
    header->addWidget(place);
    header->addStretch(1);
    layout->addLayout(header);

    if (!location.message.isEmpty()) {
        auto *banner = new QFrame(this);
        banner->setObjectName(u"fileViewerProblem"_s);
        banner->setFrameShape(QFrame::StyledPanel);
        banner->setAutoFillBackground(true);
        const auto severity = location.isError ? Core::Error::Severity::Error : Core::Error::Severity::Warning;
        // The background: the base colour with a tenth of the severity's colour mixed in.
        QPalette pal = banner->palette();
        const QColor tint = KindStyle::severityColor(severity);
        const QColor base = pal.color(QPalette::Base);
        const auto mix = [](qreal a, qreal b) { return a * 0.88 + b * 0.12; };
        pal.setColor(QPalette::Window,
                     QColor::fromRgbF(mix(base.redF(), tint.redF()), mix(base.greenF(), tint.greenF()),
                                      mix(base.blueF(), tint.blueF())));
        banner->setPalette(pal);
        auto *row = new QHBoxLayout(banner);
        row->setContentsMargins(10, 8, 10, 8);
        auto *sev = new QLabel(banner);
        sev->setPixmap(KindStyle::severityIcon(severity).pixmap(QSize(18, 18), devicePixelRatio()));
        sev->setAlignment(Qt::AlignTop);
        auto *text = new QLabel(location.message, banner);
        text->setWordWrap(true);
        text->setTextInteractionFlags(Qt::TextSelectableByMouse);
        row->addWidget(sev);
        row->addWidget(text, 1);
        layout->addWidget(banner);
    }

    QFile file(location.file);
    if (file.open(QIODevice::ReadOnly)) {
        m_code->setPlainText(QString::fromUtf8(file.readAll()));
        m_loaded = true;
    } else {
        m_code->setPlainText(tr("The file could not be read: %1").arg(file.errorString()));
    }
    const QString suffix = QFileInfo(location.file).suffix().toLower();
    m_code->setYamlHighlighting(m_loaded && (suffix == u"yaml"_s || suffix == u"yml"_s));
    layout->addWidget(m_code, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *copy = new QPushButton(Icons::icon(Icons::Glyph::Copy), tr("Copy Path"), this);
    buttons->addButton(m_external, QDialogButtonBox::ActionRole);
    buttons->addButton(copy, QDialogButtonBox::ActionRole);
    const bool onDisk = Format::isOnDisk(location.file) && QFileInfo::exists(location.file);
    m_external->setEnabled(onDisk);
    m_external->setToolTip(onDisk ? tr("Open %1 with the desktop's default application").arg(location.file)
                                  : tr("This file is built into Portolan (the demo workspace); there is no file "
                                       "on disk to open."));
    connect(m_external, &QPushButton::clicked, this, &FileViewerDialog::openExternally);
    connect(copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_location.line > 0 ? u"%1:%2"_s.arg(m_location.file).arg(m_location.line)
                                                               : m_location.file);
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    resize(960, 680);
    // After the layout has sized the view, so centring uses the real height.
    QMetaObject::invokeMethod(
        this, [this] { m_code->markLine(m_location.line, m_location.column); }, Qt::QueuedConnection);
    m_code->markLine(location.line, location.column);
    m_code->setFocus();
}

FileViewerDialog::~FileViewerDialog() = default;

void FileViewerDialog::openExternally()
{
    QDesktopServices::openUrl(QUrl::fromLocalFile(m_location.file));
}

} // namespace Portolan::Ui
