#pragma once

#include "MainWindow.h"
#include "WorkspaceSession.h"
#include "catalog/Catalog.h"
#include "catalog/DescriptorLoader.h"
#include "config/Workspace.h"
#include "support/TestSupport.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSettings>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include <catch2/catch.hpp>

#include <mutex>

namespace Portolan::Test {

// Processes events until `done` holds or `timeoutMs` passes; returns whether it held.
template<typename Predicate>
bool waitFor(Predicate done, int timeoutMs = 10000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs) {
            return false;
        }
        QTest::qWait(10);
    }
    return true;
}

// The window's workspace is read from its descriptors (not only from the cache) and no sync is running.
inline bool windowLoaded(const Portolan::Ui::MainWindow &window)
{
    const Portolan::Ui::WorkspaceSession *session = window.session();
    return session && session->hasCatalog() && !session->isFromCache() && !session->isBusy();
}

// A data folder of its own (cache, local sources and settings) for each test, as PORTOLAN_DATA_DIR gives the app.
// The test main's folder comes back afterwards: never the user's own data folder.
class IsolatedDataDir final
{
public:
    IsolatedDataDir()
    {
        REQUIRE(m_dir.isValid());
        m_previous = qgetenv("PORTOLAN_DATA_DIR");
        qputenv("PORTOLAN_DATA_DIR", m_dir.path().toUtf8());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
    }
    ~IsolatedDataDir() { qputenv("PORTOLAN_DATA_DIR", m_previous); }
    IsolatedDataDir(const IsolatedDataDir &) = delete;
    IsolatedDataDir &operator=(const IsolatedDataDir &) = delete;

    [[nodiscard]] QString path() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
    QByteArray m_previous;
};

// Collects what QAbstractItemModelTester reports (it warns in the "qt.modeltest" category), so a test can
// CHECK that a model survived every change without a complaint.
class ModelTestWarnings final
{
public:
    ModelTestWarnings()
    {
        instance() = this;
        m_previous = qInstallMessageHandler(&ModelTestWarnings::handler);
    }
    ~ModelTestWarnings()
    {
        qInstallMessageHandler(m_previous);
        instance() = nullptr;
    }
    ModelTestWarnings(const ModelTestWarnings &) = delete;
    ModelTestWarnings &operator=(const ModelTestWarnings &) = delete;

    [[nodiscard]] const QStringList &messages() const { return m_messages; }

private:
    static ModelTestWarnings *&instance()
    {
        static ModelTestWarnings *current = nullptr;
        return current;
    }
    static void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        ModelTestWarnings *self = instance();
        if (self && context.category && QByteArrayView(context.category) == "qt.modeltest") {
            self->m_messages.append(message);
            return;
        }
        if (self && self->m_previous) {
            self->m_previous(type, context, message);
        }
    }

    QtMessageHandler m_previous = nullptr;
    QStringList m_messages;
};

} // namespace Portolan::Test
