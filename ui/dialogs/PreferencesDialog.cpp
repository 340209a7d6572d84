#include "PreferencesDialog.h"

#include "Theme.h"
#include "UiSettings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QSettings>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Portolan::Ui {

QStringList PreferencesDialog::languages()
{
    // English is the source language; the others are the translations built in (":/i18n/portolan_<code>.qm").
    QStringList codes{u"en"_s};
    const QStringList files = QDir(u":/i18n"_s).entryList({u"portolan_*.qm"_s}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const QString code = file.mid(9, file.size() - 9 - 3);
        if (!codes.contains(code)) {
            codes.append(code);
        }
    }
    return codes;
}

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : QDialog(parent)
    , m_language(new QComboBox(this))
    , m_colorScheme(new QComboBox(this))
    , m_restartNote(new QLabel(this))
{
    setObjectName(u"preferencesDialog"_s);
    setWindowTitle(tr("Preferences"));
    QSettings settings;

    m_language->setObjectName(u"preferencesLanguage"_s);
    // (Under the C locale the system has no language name.)
    const QString systemLanguage = QLocale::system().nativeLanguageName();
    m_language->addItem(systemLanguage.isEmpty() ? tr("The system's") : tr("The system's (%1)").arg(systemLanguage),
                        QString());
    for (const QString &code : languages()) {
        const QLocale locale(code);
        // Each language in its own words, so it can be found by someone who does not read the current one.
        m_language->addItem(locale.nativeLanguageName().isEmpty() ? code : locale.nativeLanguageName(), code);
    }
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings.value(SettingsKeys::language).toString())));
    m_restartNote->setObjectName(u"preferencesRestartNote"_s);
    m_restartNote->setText(tr("Portolan uses the new language when it starts again."));
    m_restartNote->setWordWrap(true);
    m_restartNote->setVisible(false);
    connect(m_language, &QComboBox::currentIndexChanged, this, [this] {
        QSettings().setValue(SettingsKeys::language, m_language->currentData().toString());
        m_restartNote->setVisible(true);
    });

    m_colorScheme->setObjectName(u"preferencesColorScheme"_s);
    m_colorScheme->addItem(tr("The system's"), Theme::schemeName(Theme::ColorScheme::System));
    m_colorScheme->addItem(tr("Light"), Theme::schemeName(Theme::ColorScheme::Light));
    m_colorScheme->addItem(tr("Dark"), Theme::schemeName(Theme::ColorScheme::Dark));
    m_colorScheme->setCurrentIndex(std::max(0, m_colorScheme->findData(Theme::schemeName(Theme::savedScheme()))));
    connect(m_colorScheme, &QComboBox::currentIndexChanged, this, [this] {
        const QString name = m_colorScheme->currentData().toString();
        QSettings().setValue(SettingsKeys::colorScheme, name);
        Theme::apply(Theme::schemeFromName(name));
    });

    auto *form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    form->addRow(QString(), m_restartNote);
    form->addRow(tr("&Colours:"), m_colorScheme);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(buttons);
    resize(440, sizeHint().height());
}

PreferencesDialog::~PreferencesDialog() = default;

} // namespace Portolan::Ui
