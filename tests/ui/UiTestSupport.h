#pragma once

#include "catalog/Catalog.h"
#include "catalog/DescriptorLoader.h"
#include "config/Workspace.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QStringList>
#include <QTest>

#include <mutex>

namespace Portolan::Test {

// The bundled demo catalog (Northwind Freight), read once per test run.
inline Core::Catalog::Ptr demoCatalog()
{
    static Core::Catalog::Ptr catalog;
    static std::once_flag once;
    std::call_once(once, [] {
        const auto workspace = Core::Workspace::open(Core::Workspace::demoPath());
        Core::LoadResult loaded = Core::DescriptorLoader::load(workspace->roots());
        catalog = Core::Catalog::build(std::move(loaded.entities), workspace->problems + loaded.problems);
    });
    return catalog;
}

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
