// The German translation is embedded, complete, and reaches strings of the GUI and of the core alike.
#include "actions/StepExecutor.h"
#include "catalog/Catalog.h"
#include "model/Relation.h"

#include <QCoreApplication>
#include <QFile>
#include <QTranslator>
#include <QXmlStreamReader>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace {

QString translationsDir()
{
    return QStringLiteral(PORTOLAN_TEST_DATA_DIR) + u"/../../translations"_s;
}

// Messages of a .ts file still marked unfinished (untranslated or never reviewed).
QStringList unfinished(const QString &path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QStringList out;
    QString context;
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) {
            continue;
        }
        if (xml.name() == u"name"_s) {
            context = xml.readElementText();
        } else if (xml.name() == u"source"_s) {
            source = xml.readElementText();
        } else if (xml.name() == u"translation"_s && xml.attributes().value(u"type"_s) == u"unfinished"_s) {
            out.append(context + u": "_s + source);
        }
    }
    REQUIRE_FALSE(xml.hasError());
    return out;
}

} // namespace

TEST_CASE("The translation files have no unfinished messages", "[ui][i18n]")
{
    CHECK(unfinished(translationsDir() + u"/portolan_de.ts"_s).join(u'\n').toStdString().empty());
    CHECK(unfinished(translationsDir() + u"/portolan_en.ts"_s).join(u'\n').toStdString().empty());
}

TEST_CASE("The embedded German translation covers the GUI and the core", "[ui][i18n]")
{
    QTranslator german;
    REQUIRE(german.load(u"portolan_de"_s, u":/i18n"_s));
    QCoreApplication::installTranslator(&german);

    CHECK(QCoreApplication::translate("Portolan::Ui::MainWindow", "Catalog") == u"Katalog"_s);
    CHECK(QCoreApplication::translate("Portolan::Ui::CatalogPage", "%n entities", nullptr, 152) == u"152 Entitäten"_s);
    CHECK(QCoreApplication::translate("Portolan::Ui::CatalogPage", "%n entities", nullptr, 1) == u"1 Entität"_s);
    // Core strings translated through its helpers, under the contexts they use at run time.
    CHECK(Portolan::Core::relationLabel(Portolan::Core::RelationType::DependsOn) == u"Hängt ab von"_s);
    CHECK(Portolan::Core::facetLabel(Portolan::Core::Facet::Owner) == u"Eigentümer"_s);
    CHECK(QCoreApplication::translate("Validator", "Missing required field \"kind\"")
          == u"Das Pflichtfeld „kind“ fehlt"_s);
    CHECK(QCoreApplication::translate("portolan-cli", "Relations:") == u"Beziehungen:"_s);
    // An executor whose helper (GitOps::Tr) is declared in a header it shares with another.
    const Portolan::Core::StepExecutorRegistry executors;
    CHECK(executors.find(u"publish:gitops"_s)->description()
          == u"Committet gerenderte Dateien in ein Git-Repository und pusht sie oder öffnet einen Pull-Request"_s);

    QCoreApplication::removeTranslator(&german);
    CHECK(Portolan::Core::relationLabel(Portolan::Core::RelationType::DependsOn) == u"Depends on"_s);
}

TEST_CASE("The English translation supplies the plural forms", "[ui][i18n]")
{
    QTranslator english;
    REQUIRE(english.load(u"portolan_en"_s, u":/i18n"_s));
    QCoreApplication::installTranslator(&english);
    CHECK(QCoreApplication::translate("Portolan::Ui::MainWindow", "%n problem(s)", nullptr, 1) == u"1 problem"_s);
    CHECK(QCoreApplication::translate("Portolan::Ui::MainWindow", "%n problem(s)", nullptr, 3) == u"3 problems"_s);
    CHECK(QCoreApplication::translate("Format", "%n minute(s) ago", nullptr, 1) == u"1 minute ago"_s);
    QCoreApplication::removeTranslator(&english);
}
