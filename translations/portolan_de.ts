<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CacheDatabase</name>
    <message>
        <source>Could not open the cache %1</source>
        <translation>Der Cache %1 konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>The cache %1 is not a readable SQLite database</source>
        <translation>Der Cache %1 ist keine lesbare SQLite-Datenbank</translation>
    </message>
    <message>
        <source>Could not configure the cache %1</source>
        <translation>Der Cache %1 konnte nicht eingerichtet werden</translation>
    </message>
    <message>
        <source>Could not read the cache&apos;s schema version</source>
        <translation>Die Schemaversion des Caches konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>The cache %1 was written by a newer Portolan (schema %2, this one knows %3)</source>
        <translation>Der Cache %1 wurde von einer neueren Portolan-Version geschrieben (Schema %2, diese Version kennt %3)</translation>
    </message>
    <message>
        <source>Could not start migrating the cache</source>
        <translation>Die Migration des Caches konnte nicht gestartet werden</translation>
    </message>
    <message>
        <source>Migrating the cache to schema %1 failed</source>
        <translation>Die Migration des Caches auf Schema %1 ist fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>Catalog</name>
    <message>
        <source>%1 is defined twice; the definition from %2:%3 (source %4) is kept and this one is ignored</source>
        <translation>%1 ist doppelt definiert; die Definition aus %2:%3 (Quelle %4) bleibt erhalten, diese hier wird ignoriert</translation>
    </message>
    <message>
        <source>spec.%1 refers to %2, which is not in the catalog</source>
        <translation>spec.%1 verweist auf %2, das nicht im Katalog ist</translation>
    </message>
</context>
<context>
    <name>CatalogStore</name>
    <message>
        <source>Could not start writing the cache</source>
        <translation>Das Schreiben des Caches konnte nicht begonnen werden</translation>
    </message>
    <message>
        <source>Could not record source %1 in the cache</source>
        <translation>Die Quelle %1 konnte nicht im Cache vermerkt werden</translation>
    </message>
    <message>
        <source>Could not replace the entities of source %1</source>
        <translation>Die Entitäten der Quelle %1 konnten nicht ersetzt werden</translation>
    </message>
    <message>
        <source>Could not replace the problems of source %1</source>
        <translation>Die Probleme der Quelle %1 konnten nicht ersetzt werden</translation>
    </message>
    <message>
        <source>Writing the cache was cancelled</source>
        <translation>Das Schreiben des Caches wurde abgebrochen</translation>
    </message>
    <message>
        <source>Could not write %1 to the cache</source>
        <translation>%1 konnte nicht in den Cache geschrieben werden</translation>
    </message>
    <message>
        <source>Could not write a problem to the cache</source>
        <translation>Ein Problem konnte nicht in den Cache geschrieben werden</translation>
    </message>
    <message>
        <source>Could not commit the cache</source>
        <translation>Der Cache konnte nicht festgeschrieben werden</translation>
    </message>
    <message>
        <source>Could not read the sources from the cache</source>
        <translation>Die Quellen konnten nicht aus dem Cache gelesen werden</translation>
    </message>
    <message>
        <source>Could not read the entities from the cache</source>
        <translation>Die Entitäten konnten nicht aus dem Cache gelesen werden</translation>
    </message>
    <message>
        <source>Could not read the problems from the cache</source>
        <translation>Die Probleme konnten nicht aus dem Cache gelesen werden</translation>
    </message>
    <message>
        <source>Could not remove source %1 from the cache</source>
        <translation>Die Quelle %1 konnte nicht aus dem Cache entfernt werden</translation>
    </message>
</context>
<context>
    <name>DescriptorLoader</name>
    <message>
        <source>Location cycle: %1 leads back to %2; the loop is not followed</source>
        <translation>Location-Zyklus: %1 führt zurück zu %2; der Schleife wird nicht gefolgt</translation>
    </message>
    <message>
        <source>No files match &quot;%1&quot;</source>
        <translation>Keine Dateien passen auf „%1“</translation>
    </message>
    <message>
        <source>No such file or folder</source>
        <translation>Datei oder Ordner existiert nicht</translation>
    </message>
    <message>
        <source>Location target %1 is a remote URL; remote locations are read by a git or Backstage source, not from files</source>
        <translation>Das Location-Ziel %1 ist eine entfernte URL; entfernte Locations liest eine Git- oder Backstage-Quelle, nicht das Dateisystem</translation>
    </message>
    <message>
        <source>Location target &quot;%1&quot; matches no file</source>
        <translation>Das Location-Ziel „%1“ passt auf keine Datei</translation>
    </message>
</context>
<context>
    <name>DescriptorReader</name>
    <message>
        <source>Duplicate key &quot;%1&quot;</source>
        <translation>Doppelter Schlüssel „%1“</translation>
    </message>
    <message>
        <source>The document expands to more than %1 values (too many aliases?)</source>
        <translation>Das Dokument wird zu mehr als %1 Werten aufgeblasen (zu viele Aliase?)</translation>
    </message>
    <message>
        <source>The document nests deeper than %1 levels</source>
        <translation>Das Dokument ist tiefer als %1 Ebenen verschachtelt</translation>
    </message>
    <message>
        <source>A mapping or sequence used as a key is not supported</source>
        <translation>Eine Abbildung oder Liste als Schlüssel wird nicht unterstützt</translation>
    </message>
    <message>
        <source>The file is %1 MB, larger than the %2 MB limit for one descriptor file; it was not read</source>
        <translation>Die Datei ist %1 MB groß und damit größer als die Grenze von %2 MB für eine Deskriptordatei; sie wurde nicht gelesen</translation>
    </message>
    <message>
        <source>The file is not valid UTF-8 (byte 0x%1 at offset %2); it was not read</source>
        <translation>Die Datei ist kein gültiges UTF-8 (Byte 0x%1 an Position %2); sie wurde nicht gelesen</translation>
    </message>
    <message>
        <source>This looks like a scaffolder template skeleton (it has ${{ values }} or cookiecutter placeholders); it is filled in by a template, not read as a descriptor</source>
        <translation>Das sieht nach dem Gerüst einer Scaffolder-Vorlage aus (mit ${{ values }}- oder Cookiecutter-Platzhaltern); es wird von einer Vorlage ausgefüllt und nicht als Deskriptor gelesen</translation>
    </message>
    <message>
        <source>YAML syntax error: %1</source>
        <translation>YAML-Syntaxfehler: %1</translation>
    </message>
    <message>
        <source>The document could not be read: %1</source>
        <translation>Das Dokument konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Placeholder %1 needs a file path or URL as its value</source>
        <translation>Der Platzhalter %1 braucht einen Dateipfad oder eine URL als Wert</translation>
    </message>
    <message>
        <source>Placeholder %1 points to the remote URL %2, which is not fetched when reading files; the URL is kept as the value</source>
        <translation>Der Platzhalter %1 verweist auf die entfernte URL %2, die beim Lesen von Dateien nicht abgerufen wird; die URL bleibt als Wert stehen</translation>
    </message>
    <message>
        <source>Placeholder %1 nests deeper than %2 files</source>
        <translation>Der Platzhalter %1 ist tiefer als %2 Dateien verschachtelt</translation>
    </message>
    <message>
        <source>Placeholder %1 file %2 is larger than the %3 MB limit</source>
        <translation>Die Datei %2 des Platzhalters %1 ist größer als die Grenze von %3 MB</translation>
    </message>
    <message>
        <source>Placeholder %1 could not read &quot;%2&quot;: %3</source>
        <translation>Der Platzhalter %1 konnte „%2“ nicht lesen: %3</translation>
    </message>
    <message>
        <source>Placeholder $json file &quot;%1&quot; is not valid JSON: %2</source>
        <translation>Die $json-Datei „%1“ ist kein gültiges JSON: %2</translation>
    </message>
    <message>
        <source>Placeholder $yaml file &quot;%1&quot; could not be read: %2</source>
        <translation>Die $yaml-Datei „%1“ konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Could not open the file: %1</source>
        <translation>Die Datei konnte nicht geöffnet werden: %1</translation>
    </message>
</context>
<context>
    <name>EntityRef</name>
    <message>
        <source>Entity reference &quot;%1&quot; is not of the form [&lt;kind&gt;:][&lt;namespace&gt;/]&lt;name&gt;</source>
        <translation>Die Entitätsreferenz „%1“ hat nicht die Form [&lt;kind&gt;:][&lt;namespace&gt;/]&lt;name&gt;</translation>
    </message>
    <message>
        <source>Entity reference &quot;%1&quot; has no kind (it should start with &quot;component:&quot; or similar)</source>
        <translation>Die Entitätsreferenz „%1“ hat keine Art (sie sollte mit „component:“ oder Ähnlichem beginnen)</translation>
    </message>
</context>
<context>
    <name>Facet</name>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Lifecycle</source>
        <translation>Lebenszyklus</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Eigentümer</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domäne</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namensraum</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s) ago</source>
        <translation>
            <numerusform>vor %n Sekunde</numerusform>
            <numerusform>vor %n Sekunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>vor %n Minute</numerusform>
            <numerusform>vor %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>vor %n Stunde</numerusform>
            <numerusform>vor %n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
</context>
<context>
    <name>Portolan::Core::CatalogService</name>
    <message>
        <source>The cache could not be read and was moved to %1; a new one was started</source>
        <translation>Der Cache war nicht lesbar und wurde nach %1 verschoben; ein neuer wurde angelegt</translation>
    </message>
    <message>
        <source>Opening the offline cache</source>
        <translation>Offline-Cache wird geöffnet</translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>%1 wird gelesen</translation>
    </message>
    <message>
        <source>Reading descriptors</source>
        <translation>Deskriptoren werden gelesen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) read</source>
        <translation>
            <numerusform>%n Datei gelesen</numerusform>
            <numerusform>%n Dateien gelesen</numerusform>
        </translation>
    </message>
    <message>
        <source>Writing the offline cache</source>
        <translation>Offline-Cache wird geschrieben</translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::CatalogPage</name>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Vorwärts</translation>
    </message>
    <message>
        <source>Back (%1)</source>
        <translation>Zurück (%1)</translation>
    </message>
    <message>
        <source>Forward (%1)</source>
        <translation>Vorwärts (%1)</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <source>Enter or double-click opens an entity</source>
        <translation>Eingabetaste oder Doppelklick öffnet eine Entität</translation>
    </message>
    <message>
        <source>Clear Search and Filters</source>
        <translation>Suche und Filter zurücksetzen</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n entities</source>
        <translation>
            <numerusform>%1 von %n Entität</numerusform>
            <numerusform>%1 von %n Entitäten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entities</source>
        <translation>
            <numerusform>%n Entität</numerusform>
            <numerusform>%n Entitäten</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the workspace…</source>
        <translation>Arbeitsbereich wird gelesen …</translation>
    </message>
    <message>
        <source>This workspace has no entities. Descriptor files (catalog-info.yaml) in its folder, or the locations named in portolan.yaml, fill it.</source>
        <translation>Dieser Arbeitsbereich enthält keine Entitäten. Deskriptordateien (catalog-info.yaml) in seinem Ordner oder die in portolan.yaml genannten Locations füllen ihn.</translation>
    </message>
    <message>
        <source>No entity matches “%1” with the current filters.</source>
        <translation>Keine Entität passt mit den aktuellen Filtern auf „%1“.</translation>
    </message>
    <message>
        <source>No entity matches the current filters.</source>
        <translation>Keine Entität passt auf die aktuellen Filter.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Copy Reference</source>
        <translation>Referenz kopieren</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::CatalogTableModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Eigentümer</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Lifecycle</source>
        <translation>Lebenszyklus</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Click to sort by this column</source>
        <translation>Klicken, um nach dieser Spalte zu sortieren</translation>
    </message>
    <message>
        <source>This column cannot be sorted</source>
        <translation>Nach dieser Spalte kann nicht sortiert werden</translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::ChipList</name>
    <message>
        <source>Show all entities tagged “%1”</source>
        <translation>Alle Entitäten mit dem Tag „%1“ anzeigen</translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::EntityPage</name>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Relations</source>
        <translation>Beziehungen</translation>
    </message>
    <message>
        <source>YAML</source>
        <translation>YAML</translation>
    </message>
    <message>
        <source>Copy the entity reference</source>
        <translation>Entitätsreferenz kopieren</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Über</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Labels and annotations</source>
        <translation>Labels und Annotationen</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Annotationen</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Show File</source>
        <translation>Datei anzeigen</translation>
    </message>
    <message>
        <source>This entity has no relations.</source>
        <translation>Diese Entität hat keine Beziehungen.</translation>
    </message>
    <message>
        <source>The descriptor as written in its file.</source>
        <translation>Der Deskriptor, wie er in seiner Datei steht.</translation>
    </message>
    <message>
        <source>Copy YAML</source>
        <translation>YAML kopieren</translation>
    </message>
    <message>
        <source>Show in File</source>
        <translation>In Datei anzeigen</translation>
    </message>
    <message>
        <source>(not in the catalog)</source>
        <translation>(nicht im Katalog)</translation>
    </message>
    <message>
        <source>%1 is no longer in the catalog: it was removed or renamed when the workspace was read again.</source>
        <translation>%1 ist nicht mehr im Katalog: Die Entität wurde beim erneuten Lesen des Arbeitsbereichs entfernt oder umbenannt.</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Eigentümer</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Lifecycle</source>
        <translation>Lebenszyklus</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Relations (%1)</source>
        <translation>Beziehungen (%1)</translation>
    </message>
    <message>
        <source>No description.</source>
        <translation>Keine Beschreibung.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domäne</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namensraum</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weitere</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Show all %1</source>
        <translation>Alle %1 anzeigen</translation>
    </message>
    <message>
        <source>Defined in %1, source %2</source>
        <translation>Definiert in %1, Quelle %2</translation>
    </message>
    <message>
        <source>Revision %1</source>
        <translation>Revision %1</translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::FacetModel</name>
    <message>
        <source>Show fewer</source>
        <translation>Weniger anzeigen</translation>
    </message>
    <message numerus="yes">
        <source>Show %n more</source>
        <translation>
            <numerusform>%n weiteren anzeigen</numerusform>
            <numerusform>%n weitere anzeigen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 (%n entities)</source>
        <translation>
            <numerusform>%1: %2 (%n Entität)</numerusform>
            <numerusform>%1: %2 (%n Entitäten)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::FileViewerDialog</name>
    <message>
        <source>Open in External Editor</source>
        <translation>In externem Editor öffnen</translation>
    </message>
    <message>
        <source>%1 (line %2)</source>
        <translation>%1 (Zeile %2)</translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation>Zeile %1, Spalte %2</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>Die Datei konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Copy Path</source>
        <translation>Pfad kopieren</translation>
    </message>
    <message>
        <source>Open %1 with the desktop&apos;s default application</source>
        <translation>%1 mit der Standardanwendung des Desktops öffnen</translation>
    </message>
    <message>
        <source>This file is built into Portolan (the demo workspace); there is no file on disk to open.</source>
        <translation>Diese Datei ist in Portolan eingebaut (der Demo-Arbeitsbereich); es gibt keine Datei auf der Festplatte, die sich öffnen ließe.</translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::KeyValueModel</name>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::MainWindow</name>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Portolan</source>
        <translation>Portolan</translation>
    </message>
    <message>
        <source>WORKSPACE</source>
        <translation>ARBEITSBEREICH</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Katalog</translation>
    </message>
    <message>
        <source>Graph</source>
        <translation>Graph</translation>
    </message>
    <message>
        <source>Scorecards</source>
        <translation>Scorecards</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Ausführungen</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Posteingang</translation>
    </message>
    <message>
        <source>Dependency graph</source>
        <translation>Abhängigkeitsgraph</translation>
    </message>
    <message>
        <source>The dependency graph arrives in a later release: an interactive map of your systems, components, APIs and resources, drawn from the relations each entity page already lists.</source>
        <translation>Der Abhängigkeitsgraph kommt in einer späteren Version: eine interaktive Karte Ihrer Systeme, Komponenten, APIs und Ressourcen, gezeichnet aus den Beziehungen, die jede Entitätsseite schon auflistet.</translation>
    </message>
    <message>
        <source>Zoom from domains to systems to single components</source>
        <translation>Von Domänen über Systeme bis zu einzelnen Komponenten hineinzoomen</translation>
    </message>
    <message>
        <source>Follow “depends on” and “provides API” edges in both directions</source>
        <translation>Kanten wie „hängt ab von“ und „stellt API bereit“ in beide Richtungen verfolgen</translation>
    </message>
    <message>
        <source>Spot dangling references and ownerless islands at a glance</source>
        <translation>Ins Leere zeigende Referenzen und Inseln ohne Eigentümer auf einen Blick erkennen</translation>
    </message>
    <message>
        <source>Scorecards arrive in a later release: checks such as “has an owner”, “has a runbook link” or “depends on nothing deprecated”, evaluated over the whole catalog and tracked over time.</source>
        <translation>Scorecards kommen in einer späteren Version: Prüfungen wie „hat einen Eigentümer“, „hat einen Runbook-Link“ oder „hängt von nichts Veraltetem ab“, ausgewertet über den ganzen Katalog und über die Zeit verfolgt.</translation>
    </message>
    <message>
        <source>Define checks in portolan.yaml next to your catalog</source>
        <translation>Prüfungen in portolan.yaml neben Ihrem Katalog festlegen</translation>
    </message>
    <message>
        <source>See a score per entity, team and system</source>
        <translation>Eine Bewertung je Entität, Team und System sehen</translation>
    </message>
    <message>
        <source>Follow the history of every check</source>
        <translation>Den Verlauf jeder Prüfung verfolgen</translation>
    </message>
    <message>
        <source>Self-service actions arrive in a later release: templated tasks such as creating a repository, requesting a database or rotating a secret, with approvals where they are needed.</source>
        <translation>Self-Service-Aktionen kommen in einer späteren Version: Aufgaben nach Vorlage, etwa ein Repository anlegen, eine Datenbank anfordern oder ein Secret rotieren, mit Freigaben, wo sie nötig sind.</translation>
    </message>
    <message>
        <source>Fill in a form, review the plan, run</source>
        <translation>Formular ausfüllen, Plan prüfen, ausführen</translation>
    </message>
    <message>
        <source>Approvals by the owning team</source>
        <translation>Freigaben durch das verantwortliche Team</translation>
    </message>
    <message>
        <source>Automations that run on a schedule or when the catalog changes</source>
        <translation>Automatisierungen, die nach Zeitplan oder bei Katalogänderungen laufen</translation>
    </message>
    <message>
        <source>Runs arrive in a later release: the history and live output of every action started from Portolan, with their results and links to what they created.</source>
        <translation>Ausführungen kommen in einer späteren Version: Verlauf und Live-Ausgabe jeder aus Portolan gestarteten Aktion, mit ihren Ergebnissen und Links zu dem, was sie angelegt haben.</translation>
    </message>
    <message>
        <source>Live logs while an action runs</source>
        <translation>Live-Protokolle, während eine Aktion läuft</translation>
    </message>
    <message>
        <source>Retry or cancel a run</source>
        <translation>Eine Ausführung wiederholen oder abbrechen</translation>
    </message>
    <message>
        <source>Keep a record of who ran what, and when</source>
        <translation>Festhalten, wer was wann ausgeführt hat</translation>
    </message>
    <message>
        <source>The inbox arrives in a later release: approvals waiting for you, failed runs and scorecard regressions for the entities you own, in one place.</source>
        <translation>Der Posteingang kommt in einer späteren Version: Freigaben, die auf Sie warten, fehlgeschlagene Ausführungen und Scorecard-Verschlechterungen Ihrer Entitäten an einem Ort.</translation>
    </message>
    <message>
        <source>Approve or reject requests without leaving Portolan</source>
        <translation>Anfragen freigeben oder ablehnen, ohne Portolan zu verlassen</translation>
    </message>
    <message>
        <source>Desktop notifications for what needs you</source>
        <translation>Desktop-Benachrichtigungen für alles, was Sie braucht</translation>
    </message>
    <message>
        <source>Filtered to the teams you belong to</source>
        <translation>Gefiltert auf die Teams, denen Sie angehören</translation>
    </message>
    <message>
        <source>%1 is not in the catalog</source>
        <translation>%1 ist nicht im Katalog</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open Workspace Folder…</source>
        <translation>Arbeitsbereich-Ordner &amp;öffnen …</translation>
    </message>
    <message>
        <source>Open &amp;Demo Workspace</source>
        <translation>&amp;Demo-Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Search the Catalog</source>
        <translation>Im Katalog &amp;suchen</translation>
    </message>
    <message>
        <source>&amp;Problems Panel</source>
        <translation>&amp;Problemliste</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Portolan</source>
        <translation>&amp;Über Portolan</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop reading the workspace; the catalog shown stays as it is</source>
        <translation>Lesen des Arbeitsbereichs anhalten; der angezeigte Katalog bleibt, wie er ist</translation>
    </message>
    <message>
        <source>Show the Problems panel (Ctrl+Shift+M)</source>
        <translation>Problemliste anzeigen (Strg+Umschalt+M)</translation>
    </message>
    <message>
        <source>Cannot Open Workspace</source>
        <translation>Arbeitsbereich kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Bundled demo workspace</source>
        <translation>Mitgelieferter Demo-Arbeitsbereich</translation>
    </message>
    <message>
        <source>%1 — Portolan</source>
        <translation>%1 — Portolan</translation>
    </message>
    <message>
        <source>Open Workspace Folder</source>
        <translation>Arbeitsbereich-Ordner öffnen</translation>
    </message>
    <message>
        <source>No workspace open</source>
        <translation>Kein Arbeitsbereich geöffnet</translation>
    </message>
    <message>
        <source>Reading the workspace for the first time…</source>
        <translation>Arbeitsbereich wird zum ersten Mal gelesen …</translation>
    </message>
    <message>
        <source>Nothing read yet</source>
        <translation>Noch nichts gelesen</translation>
    </message>
    <message>
        <source>Opened from offline cache · workspace synced %1</source>
        <translation>Aus dem Offline-Cache geöffnet · Arbeitsbereich %1 synchronisiert</translation>
    </message>
    <message>
        <source>reading cancelled</source>
        <translation>Lesen abgebrochen</translation>
    </message>
    <message>
        <source>Up to date · read %1</source>
        <translation>Aktuell · %1 gelesen</translation>
    </message>
    <message>
        <source>a problem occurred</source>
        <translation>ein Problem ist aufgetreten</translation>
    </message>
    <message>
        <source>Cache: %1</source>
        <translation>Cache: %1</translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; (%2): %3&lt;br&gt;%4 · %n entities&lt;br&gt;Last sync: %5&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; (%2): %3&lt;br&gt;%4 · %n Entität&lt;br&gt;Letzte Synchronisierung: %5&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; (%2): %3&lt;br&gt;%4 · %n Entitäten&lt;br&gt;Letzte Synchronisierung: %5&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entities</source>
        <translation>
            <numerusform>%n Entität</numerusform>
            <numerusform>%n Entitäten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Catalog (%n entities)</source>
        <translation>
            <numerusform>Katalog (%n Entität)</numerusform>
            <numerusform>Katalog (%n Entitäten)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n Problem</numerusform>
            <numerusform>%n Probleme</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 errors, %2 warnings; click to show the Problems panel (Ctrl+Shift+M)</source>
        <translation>%1 Fehler, %2 Warnungen; klicken, um die Problemliste anzuzeigen (Strg+Umschalt+M)</translation>
    </message>
    <message>
        <source>About Portolan</source>
        <translation>Über Portolan</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Portolan %1&lt;/h3&gt;&lt;p&gt;A native desktop internal developer portal. Portolan reads Backstage catalog descriptors (catalog-info.yaml) from a workspace folder, keeps an offline cache and lets you search and browse your software catalog without a server.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Portolan %1&lt;/h3&gt;&lt;p&gt;Ein natives internes Entwicklerportal für den Desktop. Portolan liest Backstage-Katalogdeskriptoren (catalog-info.yaml) aus einem Arbeitsbereich-Ordner, hält einen Offline-Cache vor und lässt Sie Ihren Softwarekatalog ohne Server durchsuchen und erkunden.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Source %1 synced at %2</source>
        <translation>Quelle %1 synchronisiert um %2</translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::ProblemsModel</name>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Line:Col</source>
        <translation>Zeile:Spalte</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Entität</translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::ProblemsPanel</name>
    <message>
        <source>Filter problems…</source>
        <translation>Probleme filtern …</translation>
    </message>
    <message>
        <source>Open File at Line %1</source>
        <translation>Datei in Zeile %1 öffnen</translation>
    </message>
    <message>
        <source>Show Entity %1</source>
        <translation>Entität %1 anzeigen</translation>
    </message>
    <message>
        <source>Copy Problem</source>
        <translation>Problem kopieren</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n Hinweis</numerusform>
            <numerusform>%n Hinweise</numerusform>
        </translation>
    </message>
    <message>
        <source>Show or hide errors</source>
        <translation>Fehler ein- oder ausblenden</translation>
    </message>
    <message>
        <source>Show or hide warnings</source>
        <translation>Warnungen ein- oder ausblenden</translation>
    </message>
    <message>
        <source>Show or hide notes</source>
        <translation>Hinweise ein- oder ausblenden</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n shown</source>
        <translation>
            <numerusform>%1 von %n angezeigt</numerusform>
            <numerusform>%1 von %n angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>No problems: every descriptor was read and validated.</source>
        <translation>Keine Probleme: Jeder Deskriptor wurde gelesen und geprüft.</translation>
    </message>
    <message>
        <source>No problem matches the filter.</source>
        <translation>Kein Problem passt auf den Filter.</translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::RelationsModel</name>
    <message>
        <source>not in the catalog</source>
        <translation>nicht im Katalog</translation>
    </message>
    <message>
        <source>%1 is not in the catalog</source>
        <translation>%1 ist nicht im Katalog</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>%1 öffnen</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Entität</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::SearchField</name>
    <message>
        <source>Search name, title, description, tags, owner, annotations…</source>
        <translation>Name, Titel, Beschreibung, Tags, Eigentümer, Annotationen durchsuchen …</translation>
    </message>
    <message>
        <source>Search the catalog (Ctrl+K). Esc clears, Down moves into the results.</source>
        <translation>Katalog durchsuchen (Strg+K). Esc leert das Feld, Pfeil nach unten springt in die Ergebnisse.</translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::WorkspaceSession</name>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen …</translation>
    </message>
</context>
<context>
    <name>Relation</name>
    <message>
        <source>Owned by</source>
        <translation>Gehört zu</translation>
    </message>
    <message>
        <source>Owner of</source>
        <translation>Eigentümer von</translation>
    </message>
    <message>
        <source>Depends on</source>
        <translation>Hängt ab von</translation>
    </message>
    <message>
        <source>Dependency of</source>
        <translation>Abhängigkeit von</translation>
    </message>
    <message>
        <source>Provides API</source>
        <translation>Stellt API bereit</translation>
    </message>
    <message>
        <source>API provided by</source>
        <translation>API bereitgestellt von</translation>
    </message>
    <message>
        <source>Consumes API</source>
        <translation>Nutzt API</translation>
    </message>
    <message>
        <source>API consumed by</source>
        <translation>API genutzt von</translation>
    </message>
    <message>
        <source>Part of</source>
        <translation>Teil von</translation>
    </message>
    <message>
        <source>Has part</source>
        <translation>Hat Teil</translation>
    </message>
    <message>
        <source>Parent of</source>
        <translation>Übergeordnet zu</translation>
    </message>
    <message>
        <source>Child of</source>
        <translation>Untergeordnet zu</translation>
    </message>
    <message>
        <source>Member of</source>
        <translation>Mitglied von</translation>
    </message>
    <message>
        <source>Has member</source>
        <translation>Hat Mitglied</translation>
    </message>
</context>
<context>
    <name>Validator</name>
    <message>
        <source>&quot;%1&quot; is not valid; expected %2 but found &quot;%3&quot;</source>
        <translation>„%1“ ist ungültig; erwartet wurde %2, gefunden wurde „%3“</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be %2, but is %3</source>
        <translation>„%1“ muss %2 sein, ist aber %3</translation>
    </message>
    <message>
        <source>a string that is sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters in total</source>
        <translation>eine Zeichenkette aus Folgen von [a-zA-Z0-9], getrennt durch eines von [-_.], insgesamt höchstens 63 Zeichen</translation>
    </message>
    <message>
        <source>Unknown root field &quot;%1&quot;; an entity has only apiVersion, kind, metadata and spec</source>
        <translation>Unbekanntes Feld „%1“ auf oberster Ebene; eine Entität hat nur apiVersion, kind, metadata und spec</translation>
    </message>
    <message>
        <source>Missing required field &quot;apiVersion&quot;</source>
        <translation>Das Pflichtfeld „apiVersion“ fehlt</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>a valid prefix and/or suffix</source>
        <translation>ein gültiges Präfix und/oder Suffix</translation>
    </message>
    <message>
        <source>Missing required field &quot;kind&quot;</source>
        <translation>Das Pflichtfeld „kind“ fehlt</translation>
    </message>
    <message>
        <source>a string that is a sequence of [a-zA-Z][a-z0-9A-Z], at most 63 characters in total</source>
        <translation>eine Zeichenkette aus einer Folge von [a-zA-Z][a-z0-9A-Z], insgesamt höchstens 63 Zeichen</translation>
    </message>
    <message>
        <source>Missing required field &quot;metadata&quot;</source>
        <translation>Das Pflichtfeld „metadata“ fehlt</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>Kind &quot;%1&quot; is not a known kind; did you mean &quot;%2&quot;? Kinds are case-sensitive</source>
        <translation>Die Art „%1“ ist unbekannt; war „%2“ gemeint? Bei Arten zählt die Groß- und Kleinschreibung</translation>
    </message>
    <message>
        <source>apiVersion &quot;%1&quot; is not supported for kind %2; expected %3</source>
        <translation>apiVersion „%1“ wird für die Art %2 nicht unterstützt; erwartet wurde %3</translation>
    </message>
    <message>
        <source>Missing required field &quot;spec&quot; for kind %1</source>
        <translation>Das Pflichtfeld „spec“ fehlt für die Art %1</translation>
    </message>
    <message>
        <source>Missing required field &quot;metadata.name&quot;</source>
        <translation>Das Pflichtfeld „metadata.name“ fehlt</translation>
    </message>
    <message>
        <source>a string that is sequences of [a-z0-9] separated by [-], at most 63 characters in total</source>
        <translation>eine Zeichenkette aus Folgen von [a-z0-9], getrennt durch [-], insgesamt höchstens 63 Zeichen</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <source>a string that is sequences of [a-z0-9+#] separated by [-], at most 63 characters in total</source>
        <translation>eine Zeichenkette aus Folgen von [a-z0-9+#], getrennt durch [-], insgesamt höchstens 63 Zeichen</translation>
    </message>
    <message>
        <source>Missing required field &quot;%1.url&quot;</source>
        <translation>Das Pflichtfeld „%1.url“ fehlt</translation>
    </message>
    <message>
        <source>a string that is a valid url</source>
        <translation>eine Zeichenkette mit einer gültigen URL</translation>
    </message>
    <message>
        <source>Missing required field &quot;%1&quot; for kind %2</source>
        <translation>Das Pflichtfeld „%1“ fehlt für die Art %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must not be empty</source>
        <translation>„%1“ darf nicht leer sein</translation>
    </message>
    <message>
        <source>an array of strings</source>
        <translation>eine Liste von Zeichenketten</translation>
    </message>
    <message>
        <source>a non-empty string</source>
        <translation>eine nicht leere Zeichenkette</translation>
    </message>
    <message>
        <source>The document is empty or not a mapping of fields</source>
        <translation>Das Dokument ist leer oder keine Abbildung von Feldern</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>The workspace folder %1 does not exist</source>
        <translation>Der Arbeitsbereich-Ordner %1 existiert nicht</translation>
    </message>
    <message>
        <source>Unknown field &quot;%1&quot; in the workspace configuration</source>
        <translation>Unbekanntes Feld „%1“ in der Konfiguration des Arbeitsbereichs</translation>
    </message>
    <message>
        <source>&quot;name&quot; must be a string</source>
        <translation>„name“ muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>&quot;description&quot; must be a string</source>
        <translation>„description“ muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>Each location must be a path or glob</source>
        <translation>Jede Location muss ein Pfad oder Glob-Muster sein</translation>
    </message>
    <message>
        <source>&quot;locations&quot; must be a list of paths or globs</source>
        <translation>„locations“ muss eine Liste von Pfaden oder Glob-Mustern sein</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Portolan, a native desktop internal developer portal.</source>
        <translation>Portolan, ein natives internes Entwicklerportal für den Desktop.</translation>
    </message>
    <message>
        <source>Open the workspace in this folder.</source>
        <translation>Den Arbeitsbereich in diesem Ordner öffnen.</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Use this language (for example de) instead of the system&apos;s.</source>
        <translation>Diese Sprache (zum Beispiel de) statt der des Systems verwenden.</translation>
    </message>
    <message>
        <source>language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Open the bundled demo workspace.</source>
        <translation>Den mitgelieferten Demo-Arbeitsbereich öffnen.</translation>
    </message>
    <message>
        <source>Open this entity once the catalog is loaded.</source>
        <translation>Diese Entität öffnen, sobald der Katalog geladen ist.</translation>
    </message>
    <message>
        <source>ref</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>Start with this search text.</source>
        <translation>Mit diesem Suchtext beginnen.</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Start with this facet value selected (repeatable).</source>
        <translation>Mit diesem ausgewählten Facettenwert beginnen (wiederholbar).</translation>
    </message>
    <message>
        <source>facet=value</source>
        <translation>Facette=Wert</translation>
    </message>
    <message>
        <source>Show the Problems panel.</source>
        <translation>Die Problemliste anzeigen.</translation>
    </message>
    <message>
        <source>Open the file of the first problem once the catalog is loaded.</source>
        <translation>Die Datei des ersten Problems öffnen, sobald der Katalog geladen ist.</translation>
    </message>
    <message>
        <source>Entity page tab to show: overview, relations or yaml.</source>
        <translation>Anzuzeigender Reiter der Entitätsseite: overview, relations oder yaml.</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>Reiter</translation>
    </message>
    <message>
        <source>Cannot open the workspace %1</source>
        <translation>Der Arbeitsbereich %1 kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Print the start-up time and quit.</source>
        <translation>Die Startzeit ausgeben und beenden.</translation>
    </message>
</context>
<context>
    <name>portolan-cli</name>
    <message>
        <source>validate: name at least one file or folder</source>
        <translation>validate: mindestens eine Datei oder einen Ordner angeben</translation>
    </message>
    <message>
        <source>%1 files, %2 entities valid, %3 rejected; %4 errors, %5 warnings</source>
        <translation>%1 Dateien, %2 Entitäten gültig, %3 abgelehnt; %4 Fehler, %5 Warnungen</translation>
    </message>
    <message>
        <source>REF</source>
        <translation>REFERENZ</translation>
    </message>
    <message>
        <source>TYPE</source>
        <translation>TYP</translation>
    </message>
    <message>
        <source>OWNER</source>
        <translation>EIGENTÜMER</translation>
    </message>
    <message>
        <source>LIFECYCLE</source>
        <translation>LEBENSZYKLUS</translation>
    </message>
    <message>
        <source>SYSTEM</source>
        <translation>SYSTEM</translation>
    </message>
    <message>
        <source>No entity %1 in the catalog</source>
        <translation>Keine Entität %1 im Katalog</translation>
    </message>
    <message>
        <source>Title:       %1</source>
        <translation>Titel:        %1</translation>
    </message>
    <message>
        <source>Description: %1</source>
        <translation>Beschreibung: %1</translation>
    </message>
    <message>
        <source>Defined in:  %1:%2 (source %3)</source>
        <translation>Definiert in: %1:%2 (Quelle %3)</translation>
    </message>
    <message>
        <source>Relations:</source>
        <translation>Beziehungen:</translation>
    </message>
    <message>
        <source> (not in the catalog)</source>
        <translation> (nicht im Katalog)</translation>
    </message>
    <message>
        <source>Link:        %1 %2</source>
        <translation>Link:         %1 %2</translation>
    </message>
    <message>
        <source>Portolan&apos;s headless command line.

Commands:
  validate PATH...        check descriptor files and folders; exit 1 on errors
  catalog list            list the workspace&apos;s entities
  catalog show REF        show one entity and its relations</source>
        <translation>Die Kommandozeile von Portolan (ohne Oberfläche).

Befehle:
  validate PFAD...        Deskriptordateien und Ordner prüfen; Exit-Code 1 bei Fehlern
  catalog list            die Entitäten des Arbeitsbereichs auflisten
  catalog show REF        eine Entität mit ihren Beziehungen anzeigen</translation>
    </message>
    <message>
        <source>Workspace folder (default: the current folder when it has portolan.yaml, else the bundled demo)</source>
        <translation>Arbeitsbereich-Ordner (Standard: der aktuelle Ordner, wenn er portolan.yaml enthält, sonst die mitgelieferte Demo)</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Log what the core does to standard error</source>
        <translation>Protokollieren, was der Kern tut (auf die Standardfehlerausgabe)</translation>
    </message>
    <message>
        <source>Print JSON instead of text</source>
        <translation>JSON statt Text ausgeben</translation>
    </message>
    <message>
        <source>catalog list: only entities of this kind</source>
        <translation>catalog list: nur Entitäten dieser Art</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>catalog list: only entities with this owner</source>
        <translation>catalog list: nur Entitäten dieses Eigentümers</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>Eigentümer</translation>
    </message>
    <message>
        <source>validate | catalog</source>
        <translation>validate | catalog</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;; see --help</source>
        <translation>Unbekannter Befehl „%1“; siehe --help</translation>
    </message>
</context>
</TS>
