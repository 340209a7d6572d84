#pragma once

#include <QDialog>

class QLabel;
class QPushButton;

namespace Portolan::Ui {

class CodeView;

// Shows a descriptor file read-only, scrolled to and marking one line, with the problem that led there. Reads
// through QFile, so the bundled demo's ":/demo/..." files open too; real files can also be handed to the
// desktop's editor.
class FileViewerDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileViewerDialog)

public:
    struct Location
    {
        QString file; // as the core reported it: absolute path or ":/..." resource
        QString displayName; // e.g. relative to the workspace root
        int line = 0;
        int column = 0;
        QString message; // the problem's message, shown above the text; empty for none
        bool isError = true;
    };

    explicit FileViewerDialog(const Location &location, QWidget *parent = nullptr);
    ~FileViewerDialog() override;

    [[nodiscard]] CodeView *codeView() const { return m_code; }
    [[nodiscard]] bool loaded() const { return m_loaded; }

private:
    void openExternally();

    Location m_location;
    CodeView *m_code;
    QPushButton *m_external;
    bool m_loaded = false;
};

} // namespace Portolan::Ui
