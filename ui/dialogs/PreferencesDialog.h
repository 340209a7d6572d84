#pragma once

#include <QDialog>

class QComboBox;
class QLabel;

namespace Portolan::Ui {

// File › Preferences: the language (the system's, or one chosen here; used from the next start) and the colours
// (the system's light or dark palette, or always light or dark; applied at once). Saved in the settings.
class PreferencesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreferencesDialog)

public:
    explicit PreferencesDialog(QWidget *parent = nullptr);
    ~PreferencesDialog() override;

    [[nodiscard]] QComboBox *language() const { return m_language; }
    [[nodiscard]] QComboBox *colorScheme() const { return m_colorScheme; }

    // The languages Portolan is translated to, as codes ("en", "de"): the translations built in.
    [[nodiscard]] static QStringList languages();

private:
    QComboBox *m_language;
    QComboBox *m_colorScheme;
    QLabel *m_restartNote;
};

} // namespace Portolan::Ui
