#pragma once

#include <QDialog>

class QTableWidget;

namespace Portolan::Ui {

// Help › About Portolan: the version, what Portolan is, where to read more, and the libraries it is built on with
// their versions and licences (Core::AppInfo::components()).
class AboutDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AboutDialog)

public:
    explicit AboutDialog(QWidget *parent = nullptr);
    ~AboutDialog() override;

    [[nodiscard]] QTableWidget *components() const { return m_components; }

private:
    QTableWidget *m_components;
};

} // namespace Portolan::Ui
