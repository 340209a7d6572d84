<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ActionTemplate</name>
    <message>
        <source>A condition is a boolean or an expression such as ${{ parameters.enabled }}</source>
        <translation>Eine Bedingung ist ein boolescher Wert oder ein Ausdruck wie ${{ parameters.enabled }}</translation>
    </message>
    <message>
        <source>Page %1 of the parameters has no title to show in the wizard</source>
        <translation>Die Parameterseite %1 hat keinen Titel, den der Assistent anzeigen könnte</translation>
    </message>
    <message>
        <source>Page %1 of the parameters is not an object: a JSON Schema with title and properties</source>
        <translation>Die Parameterseite %1 ist kein Objekt: ein JSON-Schema mit title und properties</translation>
    </message>
    <message>
        <source>The parameters are one JSON Schema object or a list of them, one per page</source>
        <translation>Die Parameter sind ein JSON-Schema-Objekt oder eine Liste davon, eines pro Seite</translation>
    </message>
    <message>
        <source>The template has no steps</source>
        <translation>Die Vorlage hat keine Schritte</translation>
    </message>
    <message>
        <source>The steps must be a list</source>
        <translation>Die Schritte müssen eine Liste sein</translation>
    </message>
    <message>
        <source>Step %1 is not a mapping of id, name, action and input</source>
        <translation>Schritt %1 ist keine Zuordnung aus id, name, action und input</translation>
    </message>
    <message>
        <source>Step “%1” has no action</source>
        <translation>Schritt „%1“ hat keine Aktion</translation>
    </message>
    <message>
        <source>Step “%1” uses %2, which Portolan does not run; supported: %3</source>
        <translation>Schritt „%1“ verwendet %2, das Portolan nicht ausführt; unterstützt: %3</translation>
    </message>
    <message>
        <source>Two steps have the id “%1”: ${{ steps.%1 }} would not know which one it means</source>
        <translation>Zwei Schritte haben die ID „%1“: ${{ steps.%1 }} wüsste nicht, welcher gemeint ist</translation>
    </message>
    <message>
        <source>“%1” in portolan.dev/allowed-groups is not a group reference: %2</source>
        <translation>„%1“ in portolan.dev/allowed-groups ist keine Gruppenreferenz: %2</translation>
    </message>
    <message>
        <source>portolan.dev/minimum-level names a scorecard and a level: “production-readiness: Silver”, not “%1”</source>
        <translation>portolan.dev/minimum-level nennt eine Scorecard und eine Stufe: „production-readiness: Silver“, nicht „%1“</translation>
    </message>
    <message>
        <source>portolan.dev/destructive is “true” or “false”, not “%1”</source>
        <translation>portolan.dev/destructive ist „true“ oder „false“, nicht „%1“</translation>
    </message>
    <message>
        <source>portolan.dev/entity-parameter names “%1”, which is not a parameter of the template</source>
        <translation>portolan.dev/entity-parameter nennt „%1“, das kein Parameter der Vorlage ist</translation>
    </message>
    <message>
        <source>The template&apos;s apiVersion is “%1”; Portolan reads templates of %2</source>
        <translation>Die apiVersion der Vorlage ist „%1“; Portolan liest Vorlagen mit %2</translation>
    </message>
    <message>
        <source>A %1 is not a template: actions are entities of kind Template</source>
        <translation>Eine Entität der Art %1 ist keine Vorlage: Aktionen sind Entitäten der Art Template</translation>
    </message>
</context>
<context>
    <name>Approvals</name>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>The git command could not be started; install git</source>
        <translation>Der Befehl git konnte nicht gestartet werden; installieren Sie git</translation>
    </message>
    <message>
        <source>“%1” in portolan.dev/approvers is not a user, a group or “owners”: %2</source>
        <translation>„%1“ in portolan.dev/approvers ist weder ein Benutzer noch eine Gruppe noch „owners“: %2</translation>
    </message>
    <message>
        <source>“%1” in portolan.dev/approvers is a %2; approvers are users and groups</source>
        <translation>„%1“ in portolan.dev/approvers hat die Art %2; Genehmigende sind Benutzer und Gruppen</translation>
    </message>
    <message>
        <source>portolan.dev/approval is “any” or “all”, not “%1”</source>
        <translation>portolan.dev/approval ist „any“ oder „all“, nicht „%1“</translation>
    </message>
    <message>
        <source>portolan.dev/approval-when is set but portolan.dev/approvers names nobody</source>
        <translation>portolan.dev/approval-when ist gesetzt, aber portolan.dev/approvers nennt niemanden</translation>
    </message>
    <message>
        <source>portolan.dev/approval is set but portolan.dev/approvers names nobody; the action needs no approval</source>
        <translation>portolan.dev/approval ist gesetzt, aber portolan.dev/approvers nennt niemanden; die Aktion braucht keine Genehmigung</translation>
    </message>
    <message>
        <source>The action is approved by the owners of its entity, and none was chosen</source>
        <translation>Die Aktion wird von den Eigentümern ihrer Entität genehmigt, und es wurde keine ausgewählt</translation>
    </message>
    <message>
        <source>the owners of %1</source>
        <translation>die Eigentümer von %1</translation>
    </message>
    <message>
        <source>Nobody in the catalog can approve for %1</source>
        <translation>Niemand im Katalog kann für %1 genehmigen</translation>
    </message>
    <message>
        <source>Could not read the approvals repository %1</source>
        <translation>Das Genehmigungs-Repository %1 konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Could not make a temporary folder</source>
        <translation>Es konnte kein temporärer Ordner angelegt werden</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Approval requested: %1</source>
        <translation>Genehmigung angefragt: %1</translation>
    </message>
    <message>
        <source>Could not write the approval request to %1</source>
        <translation>Die Genehmigungsanfrage konnte nicht in %1 geschrieben werden</translation>
    </message>
    <message>
        <source>The approvals clone %1 is busy</source>
        <translation>Der Genehmigungs-Klon %1 ist belegt</translation>
    </message>
    <message>
        <source>Could not make the approvals clone %1</source>
        <translation>Der Genehmigungs-Klon %1 konnte nicht angelegt werden</translation>
    </message>
    <message>
        <source>Could not read the approvals clone %1</source>
        <translation>Der Genehmigungs-Klon %1 konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>commit %1</source>
        <translation>Commit %1</translation>
    </message>
    <message>
        <source>Could not make a temporary clone</source>
        <translation>Es konnte kein temporärer Klon angelegt werden</translation>
    </message>
    <message>
        <source>There is no approval request %1 in %2</source>
        <translation>In %2 gibt es keine Genehmigungsanfrage %1</translation>
    </message>
    <message>
        <source>Could not read the approval request %1</source>
        <translation>Die Genehmigungsanfrage %1 konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>git commit failed</source>
        <translation>git commit ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>The approvals repository %1 refused the push</source>
        <translation>Das Genehmigungs-Repository %1 hat den Push abgelehnt</translation>
    </message>
    <message>
        <source>The approval request %1 kept changing; try again</source>
        <translation>Die Genehmigungsanfrage %1 hat sich immer wieder geändert; versuchen Sie es erneut</translation>
    </message>
    <message>
        <source>Request closed: %1</source>
        <translation>Anfrage geschlossen: %1</translation>
    </message>
    <message>
        <source>the GitHub team %1</source>
        <translation>das GitHub-Team %1</translation>
    </message>
    <message>
        <source>the GitHub user %1</source>
        <translation>der GitHub-Benutzer %1</translation>
    </message>
    <message>
        <source>The deployment to %1 waits for a required reviewer on GitHub: %2</source>
        <translation>Das Deployment nach %1 wartet auf eine erforderliche Prüfung auf GitHub: %2</translation>
    </message>
</context>
<context>
    <name>Automation</name>
    <message>
        <source>Unknown field &quot;%1&quot; in an automation; known: %2</source>
        <translation>Unbekanntes Feld „%1“ in einer Automatisierung; bekannt: %2</translation>
    </message>
    <message>
        <source>An automation needs an id of lower-case letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;</source>
        <translation>Eine Automatisierung braucht eine ID aus Kleinbuchstaben, Ziffern, „.“, „_“ und „-“</translation>
    </message>
    <message>
        <source>An automation needs the id of the action it runs</source>
        <translation>Eine Automatisierung braucht die ID der Aktion, die sie ausführt</translation>
    </message>
    <message>
        <source>&quot;enabled&quot; is true or false</source>
        <translation>„enabled“ ist true oder false</translation>
    </message>
    <message>
        <source>&quot;parameters&quot; maps each parameter of the action to a value</source>
        <translation>„parameters“ ordnet jedem Parameter der Aktion einen Wert zu</translation>
    </message>
    <message>
        <source>&quot;on&quot; names one trigger: %1</source>
        <translation>„on“ nennt genau einen Auslöser: %1</translation>
    </message>
    <message>
        <source>Unknown trigger &quot;%1&quot;; known: %2</source>
        <translation>Unbekannter Auslöser „%1“; bekannt: %2</translation>
    </message>
    <message>
        <source>A schedule is an interval such as 15m, 6h or 1d: %1</source>
        <translation>Ein Zeitplan ist ein Intervall wie 15m, 6h oder 1d: %1</translation>
    </message>
    <message>
        <source>A schedule runs at most once a minute</source>
        <translation>Ein Zeitplan läuft höchstens einmal pro Minute</translation>
    </message>
    <message>
        <source>The options of a trigger are a map, or {} for none</source>
        <translation>Die Optionen eines Auslösers sind eine Zuordnung, oder {} für keine</translation>
    </message>
    <message>
        <source>&quot;filter&quot; maps dotted fields (kind, spec.type) to the values they must have</source>
        <translation>„filter“ ordnet Feldern mit Punkten (kind, spec.type) die Werte zu, die sie haben müssen</translation>
    </message>
    <message>
        <source>Only triggers on entities (ttl, entity) take a filter</source>
        <translation>Nur Auslöser für Entitäten (ttl, entity) nehmen einen Filter</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Another automation already has the id &quot;%1&quot;</source>
        <translation>Eine andere Automatisierung hat bereits die ID „%1“</translation>
    </message>
</context>
<context>
    <name>Automations</name>
    <message>
        <source>%1, due at %2</source>
        <translation>%1, fällig um %2</translation>
    </message>
    <message>
        <source>%1 expired at %2</source>
        <translation>%1 ist um %2 abgelaufen</translation>
    </message>
    <message>
        <source>%1 expires at %2, in %3</source>
        <translation>%1 läuft um %2 ab, in %3</translation>
    </message>
    <message>
        <source>No automation &quot;%1&quot;</source>
        <translation>Keine Automatisierung „%1“</translation>
    </message>
    <message>
        <source>The automation %1 runs the action &quot;%2&quot;, which the workspace does not have</source>
        <translation>Die Automatisierung %1 führt die Aktion „%2“ aus, die der Arbeitsbereich nicht hat</translation>
    </message>
    <message>
        <source>The automation %1 gives %2 a wrong parameter %3: %4</source>
        <translation>Die Automatisierung %1 gibt %2 einen falschen Parameter %3: %4</translation>
    </message>
    <message>
        <source>%1 was created</source>
        <translation>%1 wurde angelegt</translation>
    </message>
    <message>
        <source>%1 changed</source>
        <translation>%1 hat sich geändert</translation>
    </message>
    <message>
        <source>%1 was deleted</source>
        <translation>%1 wurde gelöscht</translation>
    </message>
    <message>
        <source>%1 went from %2 to %3 on %4</source>
        <translation>%1 ging auf %4 von %2 zu %3</translation>
    </message>
    <message>
        <source>no level</source>
        <translation>keine Stufe</translation>
    </message>
    <message>
        <source>%1 (run %2) %3</source>
        <translation>%1 (Lauf %2) %3</translation>
    </message>
    <message>
        <source>%1 fires for %2: %3</source>
        <translation>%1 löst aus für %2: %3</translation>
    </message>
</context>
<context>
    <name>Autostart</name>
    <message>
        <source>Cannot turn off starting at login.</source>
        <translation>Der Start bei der Anmeldung kann nicht ausgeschaltet werden.</translation>
    </message>
    <message>
        <source>Portolan in the system tray</source>
        <translation>Portolan im Infobereich</translation>
    </message>
    <message>
        <source>Cannot turn on starting at login.</source>
        <translation>Der Start bei der Anmeldung kann nicht eingeschaltet werden.</translation>
    </message>
</context>
<context>
    <name>BackstageMapper</name>
    <message>
        <source>The answer from %1 is not JSON</source>
        <translation>Die Antwort von %1 ist kein JSON</translation>
    </message>
    <message>
        <source>%1 at byte %2</source>
        <translation>%1 bei Byte %2</translation>
    </message>
    <message>
        <source>The answer from %1 is not %2</source>
        <translation>Die Antwort von %1 ist nicht %2</translation>
    </message>
    <message>
        <source>a Backstage entity page (items, totalItems, pageInfo)</source>
        <translation>eine Backstage-Entitätsseite (items, totalItems, pageInfo)</translation>
    </message>
    <message>
        <source>pageInfo.nextCursor is not a string</source>
        <translation>pageInfo.nextCursor ist keine Zeichenkette</translation>
    </message>
    <message>
        <source>a Backstage entity</source>
        <translation>eine Backstage-Entität</translation>
    </message>
    <message>
        <source>An item of the catalog&apos;s answer is not an entity object</source>
        <translation>Ein Eintrag der Katalogantwort ist kein Entitätsobjekt</translation>
    </message>
</context>
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
    <message>
        <source>Could not record the state of source %1 in the cache</source>
        <translation>Der Zustand der Quelle %1 konnte nicht im Cache vermerkt werden</translation>
    </message>
    <message>
        <source>Could not write the live data of source %1 to the cache</source>
        <translation>Die Live-Daten der Quelle %1 konnten nicht in den Cache geschrieben werden</translation>
    </message>
    <message>
        <source>Could not read the live data from the cache</source>
        <translation>Die Live-Daten konnten nicht aus dem Cache gelesen werden</translation>
    </message>
    <message>
        <source>The cache is not an SQLite database</source>
        <translation>Der Cache ist keine SQLite-Datenbank</translation>
    </message>
    <message>
        <source>Could not read the descriptor of %1 from the cache</source>
        <translation>Der Deskriptor von %1 konnte nicht aus dem Cache gelesen werden</translation>
    </message>
</context>
<context>
    <name>CiState</name>
    <message>
        <source>No CI</source>
        <translation>Kein CI</translation>
    </message>
    <message>
        <source>Passing</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Failing</source>
        <translation>Schlägt fehl</translation>
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
    <message>
        <source>The YAML parser could not start (out of memory)</source>
        <translation>Der YAML-Parser konnte nicht starten (kein Speicher)</translation>
    </message>
</context>
<context>
    <name>EntityGraph</name>
    <message>
        <source>There is no entity %1 in the catalog</source>
        <translation>Im Katalog gibt es keine Entität %1</translation>
    </message>
    <message>
        <source>%1 is a %2, not a System or a Domain</source>
        <translation>%1 ist ein %2, kein System und keine Domain</translation>
    </message>
</context>
<context>
    <name>EntityOps</name>
    <message numerus="yes">
        <source>%n firing alert(s): %1</source>
        <translation>
            <numerusform>%n auslösender Alarm: %1</numerusform>
            <numerusform>%n auslösende Alarme: %1</numerusform>
        </translation>
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
    <message>
        <source>CI</source>
        <translation>CI</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Scorecard level</source>
        <translation>Scorecard-Stufe</translation>
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
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message numerus="yes">
        <source>in %n second(s)</source>
        <translation>
            <numerusform>in %n Sekunde</numerusform>
            <numerusform>in %n Sekunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n minute(s)</source>
        <translation>
            <numerusform>in %n Minute</numerusform>
            <numerusform>in %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n hour(s)</source>
        <translation>
            <numerusform>in %n Stunde</numerusform>
            <numerusform>in %n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>in %n Tag</numerusform>
            <numerusform>in %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>on demand only</source>
        <translation>nur auf Anforderung</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n Sekunde</numerusform>
            <numerusform>%n Sekunden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GitHubConfig</name>
    <message>
        <source>The GitHub source %1: options.%2 must be true or false, not &quot;%3&quot;</source>
        <translation>GitHub-Quelle %1: options.%2 muss true oder false sein, nicht „%3“</translation>
    </message>
    <message>
        <source>The GitHub source %1: options.%2 must be a whole number from %3 to %4, not &quot;%5&quot;</source>
        <translation>GitHub-Quelle %1: options.%2 muss eine ganze Zahl von %3 bis %4 sein, nicht „%5“</translation>
    </message>
    <message>
        <source>The GitHub source %1 needs the API URL (https://api.github.com, or https://&lt;host&gt;/api/v3 for GitHub Enterprise), not &quot;%2&quot;</source>
        <translation>Die GitHub-Quelle %1 braucht die API-URL (https://api.github.com oder https://&lt;host&gt;/api/v3 für GitHub Enterprise), nicht „%2“</translation>
    </message>
    <message>
        <source>The GitHub source %1 needs options.organization or options.user</source>
        <translation>Die GitHub-Quelle %1 braucht options.organization oder options.user</translation>
    </message>
    <message>
        <source>The GitHub source %1 has both options.organization and options.user; keep one</source>
        <translation>Die GitHub-Quelle %1 hat sowohl options.organization als auch options.user; behalten Sie eines davon</translation>
    </message>
    <message>
        <source>The GitHub source %1: &quot;%2&quot; is not a GitHub account name</source>
        <translation>GitHub-Quelle %1: „%2“ ist kein GitHub-Kontoname</translation>
    </message>
    <message>
        <source>The GitHub source %1: options.catalogPaths needs file paths inside the repository (no globs, no &quot;..&quot;), not &quot;%2&quot;</source>
        <translation>GitHub-Quelle %1: options.catalogPaths braucht Dateipfade innerhalb des Repositorys (keine Globs, kein „..“), nicht „%2“</translation>
    </message>
    <message>
        <source>The GitHub source %1: options.catalogPaths is empty</source>
        <translation>GitHub-Quelle %1: options.catalogPaths ist leer</translation>
    </message>
</context>
<context>
    <name>GitHubMapper</name>
    <message>
        <source>GitHub answered %1 with data Portolan cannot read</source>
        <translation>GitHub hat auf %1 mit Daten geantwortet, die Portolan nicht lesen kann</translation>
    </message>
    <message>
        <source>%1 is not a file</source>
        <translation>%1 ist keine Datei</translation>
    </message>
    <message>
        <source>%1 is too large to be read through the contents API</source>
        <translation>%1 ist zu groß, um über die Contents-API gelesen zu werden</translation>
    </message>
    <message>
        <source>Location target %1 is a URL; a GitHub source follows only relative targets in the same repository</source>
        <translation>Das Location-Ziel %1 ist eine URL; eine GitHub-Quelle folgt nur relativen Zielen im selben Repository</translation>
    </message>
    <message>
        <source>Location target %1 is a glob; a GitHub source follows only file paths</source>
        <translation>Das Location-Ziel %1 ist ein Glob; eine GitHub-Quelle folgt nur Dateipfaden</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>Repository</translation>
    </message>
    <message>
        <source>The repository %1 cannot become a Component: %2</source>
        <translation>Aus dem Repository %1 kann keine Component werden: %2</translation>
    </message>
    <message>
        <source>GitHub&apos;s GraphQL API refused the query for descriptors</source>
        <translation>Die GraphQL-API von GitHub hat die Abfrage der Deskriptoren abgelehnt</translation>
    </message>
</context>
<context>
    <name>GitHubState</name>
    <message>
        <source>Could not keep the GitHub sync state in %1: %2</source>
        <translation>Der GitHub-Synchronisierungsstand konnte nicht in %1 gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>GitRepository</name>
    <message>
        <source>git did not finish within an hour</source>
        <translation>git ist nicht innerhalb einer Stunde fertig geworden</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>The git command could not be started; install git to use git sources</source>
        <translation>Der Befehl git konnte nicht gestartet werden; installieren Sie git, um Git-Quellen zu verwenden</translation>
    </message>
    <message>
        <source>The branch &quot;%1&quot; does not exist on %2 (deleted or renamed?)</source>
        <translation>Den Branch „%1“ gibt es auf %2 nicht (gelöscht oder umbenannt?)</translation>
    </message>
    <message>
        <source>%1 refused the credentials (check the source&apos;s credential or your SSH key)</source>
        <translation>%1 hat die Zugangsdaten abgelehnt (prüfen Sie die Zugangsdaten der Quelle oder Ihren SSH-Schlüssel)</translation>
    </message>
    <message>
        <source>No git repository at %1</source>
        <translation>Kein Git-Repository unter %1</translation>
    </message>
    <message>
        <source>%1 could not be reached</source>
        <translation>%1 ist nicht erreichbar</translation>
    </message>
    <message>
        <source>%1 stopped answering</source>
        <translation>%1 antwortet nicht mehr</translation>
    </message>
    <message>
        <source>git failed while %1 %2</source>
        <translation>git ist beim %1 von %2 fehlgeschlagen</translation>
    </message>
    <message>
        <source>configuring</source>
        <translation>Konfigurieren</translation>
    </message>
    <message>
        <source>fetching</source>
        <translation>Abrufen</translation>
    </message>
    <message>
        <source>checking out</source>
        <translation>Auschecken</translation>
    </message>
    <message>
        <source>cleaning</source>
        <translation>Aufräumen</translation>
    </message>
    <message>
        <source>cloning</source>
        <translation>Klonen</translation>
    </message>
    <message>
        <source>The clone could not be moved into place at %1</source>
        <translation>Der Klon konnte nicht nach %1 verschoben werden</translation>
    </message>
</context>
<context>
    <name>Health</name>
    <message>
        <source>No runtime</source>
        <translation>Keine Laufzeitdaten</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>Gesund</translation>
    </message>
    <message>
        <source>Progressing</source>
        <translation>Im Übergang</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>Beeinträchtigt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>HttpClient</name>
    <message>
        <source>Cannot read the TLS file %1: %2</source>
        <translation>Die TLS-Datei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate</source>
        <translation>%1 enthält kein PEM-Zertifikat</translation>
    </message>
    <message>
        <source>%1 holds no unencrypted RSA or EC private key in PEM form</source>
        <translation>%1 enthält keinen unverschlüsselten privaten RSA- oder EC-Schlüssel im PEM-Format</translation>
    </message>
    <message>
        <source>The client key %1 is set without a client certificate</source>
        <translation>Der Client-Schlüssel %1 ist ohne Client-Zertifikat angegeben</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an http or https URL</source>
        <translation>„%1“ ist keine http- oder https-URL</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>No network manager for %1</source>
        <translation>Kein Netzwerkmanager für %1</translation>
    </message>
    <message>
        <source>%1 of %2 bytes received</source>
        <translation>%1 von %2 Bytes empfangen</translation>
    </message>
    <message>
        <source>%1 sent nothing for %2 ms; the request timed out</source>
        <translation>%1 hat %2 ms lang nichts gesendet; die Anfrage ist abgelaufen</translation>
    </message>
    <message>
        <source>%1 refused the connection; is the server running?</source>
        <translation>%1 hat die Verbindung abgelehnt; läuft der Server?</translation>
    </message>
    <message>
        <source>The host of %1 was not found</source>
        <translation>Der Host von %1 wurde nicht gefunden</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed</source>
        <translation>Die sichere Verbindung zu %1 ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>The proxy for %1 failed</source>
        <translation>Der Proxy für %1 ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>The answer from %1 was cut off</source>
        <translation>Die Antwort von %1 wurde abgeschnitten</translation>
    </message>
    <message>
        <source>The connection to %1 failed</source>
        <translation>Die Verbindung zu %1 ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 redirects more than %2 times</source>
        <translation>%1 leitet mehr als %2-mal weiter</translation>
    </message>
    <message>
        <source>%1 redirects to %2, which is not followed</source>
        <translation>%1 leitet auf %2 weiter; dem wird nicht gefolgt</translation>
    </message>
    <message numerus="yes">
        <source>%1 is rate limited; try again in %n second(s)</source>
        <translation>
            <numerusform>%1 ist ratenbegrenzt; versuchen Sie es in %n Sekunde erneut</numerusform>
            <numerusform>%1 ist ratenbegrenzt; versuchen Sie es in %n Sekunden erneut</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is rate limited (HTTP %2)</source>
        <translation>%1 ist ratenbegrenzt (HTTP %2)</translation>
    </message>
    <message>
        <source>%1 did not accept the credential (HTTP 401)</source>
        <translation>%1 hat die Zugangsdaten nicht akzeptiert (HTTP 401)</translation>
    </message>
    <message>
        <source>%1 refused access (HTTP 403); the credential may lack a permission</source>
        <translation>%1 hat den Zugriff verweigert (HTTP 403); den Zugangsdaten fehlt vielleicht eine Berechtigung</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2</source>
        <translation>%1 antwortete mit HTTP %2</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 %3</source>
        <translation>%1 antwortete mit HTTP %2 %3</translation>
    </message>
    <message>
        <source>The server pages in a loop: %1 came up a second time</source>
        <translation>Der Server blättert im Kreis: %1 kam ein zweites Mal</translation>
    </message>
    <message numerus="yes">
        <source>The server returned more than %n page(s); stopped at %1</source>
        <translation>
            <numerusform>Der Server lieferte mehr als %n Seite; angehalten bei %1</numerusform>
            <numerusform>Der Server lieferte mehr als %n Seiten; angehalten bei %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The in-memory CA data</source>
        <translation>Die CA-Daten im Speicher</translation>
    </message>
    <message>
        <source>The in-memory client certificate</source>
        <translation>Das Client-Zertifikat im Speicher</translation>
    </message>
    <message>
        <source>The in-memory client key</source>
        <translation>Der Client-Schlüssel im Speicher</translation>
    </message>
</context>
<context>
    <name>HttpJsonMapping</name>
    <message>
        <source>The jq expression `%1` does not compile: %2</source>
        <translation>Der jq-Ausdruck `%1` lässt sich nicht übersetzen: %2</translation>
    </message>
    <message>
        <source>A fixed text is a jq string: write &apos;&quot;%1&quot;&apos; (double quotes inside the YAML string).</source>
        <translation>Ein fester Text ist in jq eine Zeichenkette: Schreiben Sie &apos;&quot;%1&quot;&apos; (doppelte Anführungszeichen innerhalb der YAML-Zeichenkette).</translation>
    </message>
    <message numerus="yes">
        <source>(%n more field(s) not shown)</source>
        <translation>
            <numerusform>(%n weiteres Feld nicht gezeigt)</numerusform>
            <numerusform>(%n weitere Felder nicht gezeigt)</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;mapping&quot; is the path of a YAML file with the mapping&apos;s resources</source>
        <translation>„mapping“ ist der Pfad einer YAML-Datei mit den resources der Zuordnung</translation>
    </message>
    <message>
        <source>The mapping file %1 does not exist</source>
        <translation>Die Zuordnungsdatei %1 existiert nicht</translation>
    </message>
    <message>
        <source>The mapping file %1 is empty</source>
        <translation>Die Zuordnungsdatei %1 ist leer</translation>
    </message>
    <message>
        <source>Both &quot;mapping&quot; and &quot;resources&quot; are given; the mapping file is used</source>
        <translation>Sowohl „mapping“ als auch „resources“ sind angegeben; die Zuordnungsdatei wird verwendet</translation>
    </message>
    <message>
        <source>An http-json source needs &quot;resources&quot;: a list of the API paths to read, each with the jq expressions that make entities of its objects</source>
        <translation>Eine http-json-Quelle braucht „resources“: eine Liste der zu lesenden API-Pfade, jeder mit den jq-Ausdrücken, die aus seinen Objekten Entitäten machen</translation>
    </message>
    <message>
        <source>Each resource is a mapping with &quot;path&quot; and &quot;entity&quot;</source>
        <translation>Jede Ressource ist eine Zuordnung mit „path“ und „entity“</translation>
    </message>
    <message>
        <source>Unknown field &quot;%1&quot; in a resource; known: %2</source>
        <translation>Unbekanntes Feld „%1“ in einer Ressource; bekannt: %2</translation>
    </message>
    <message>
        <source>A resource needs &quot;path&quot;: the API path to read (relative to the source&apos;s url) or a full URL</source>
        <translation>Eine Ressource braucht „path“: den zu lesenden API-Pfad (relativ zur url der Quelle) oder eine vollständige URL</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a jq expression, written as a YAML string</source>
        <translation>„%1“ ist ein jq-Ausdruck, als YAML-Zeichenkette geschrieben</translation>
    </message>
    <message>
        <source>&quot;followLinks&quot; must be true or false</source>
        <translation>„followLinks“ muss true oder false sein</translation>
    </message>
    <message>
        <source>A resource pages either by &quot;next&quot; or by &quot;followLinks&quot;, not both</source>
        <translation>Eine Ressource blättert entweder mit „next“ oder mit „followLinks“, nicht mit beiden</translation>
    </message>
    <message>
        <source>&quot;maxPages&quot; must be a whole number above 0</source>
        <translation>„maxPages“ muss eine ganze Zahl größer als 0 sein</translation>
    </message>
    <message>
        <source>&quot;entity&quot; needs &quot;kind&quot;, a jq expression such as &apos;&quot;Component&quot;&apos;</source>
        <translation>„entity“ braucht „kind“, einen jq-Ausdruck wie &apos;&quot;Component&quot;&apos;</translation>
    </message>
    <message>
        <source>&quot;entity&quot; needs &quot;name&quot;: the jq expression that gives each entity&apos;s name</source>
        <translation>„entity“ braucht „name“: den jq-Ausdruck, der den Namen jeder Entität liefert</translation>
    </message>
    <message>
        <source>A resource needs &quot;entity&quot;: a mapping of entity fields to jq expressions, or one jq expression that builds the whole entity</source>
        <translation>Eine Ressource braucht „entity“: eine Zuordnung von Entitätsfeldern zu jq-Ausdrücken oder einen jq-Ausdruck, der die ganze Entität baut</translation>
    </message>
    <message numerus="yes">
        <source>%n more object(s) made no valid entity the same way</source>
        <translation>
            <numerusform>%n weiteres Objekt ergab auf dieselbe Weise keine gültige Entität</numerusform>
            <numerusform>%n weitere Objekte ergaben auf dieselbe Weise keine gültige Entität</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more object(s) failed at `%1` the same way</source>
        <translation>
            <numerusform>%n weiteres Objekt scheiterte auf dieselbe Weise an `%1`</numerusform>
            <numerusform>%n weitere Objekte scheiterten auf dieselbe Weise an `%1`</numerusform>
        </translation>
    </message>
    <message>
        <source>`%1` failed on %2: %3</source>
        <translation>`%1` scheiterte an %2: %3</translation>
    </message>
    <message>
        <source>Its input: %1</source>
        <translation>Seine Eingabe: %1</translation>
    </message>
    <message>
        <source>The answer from %1 is not JSON: %2</source>
        <translation>Die Antwort von %1 ist kein JSON: %2</translation>
    </message>
    <message>
        <source>the answer from %1</source>
        <translation>der Antwort von %1</translation>
    </message>
    <message>
        <source>it gave %1 %2; the next page is a URL or a path</source>
        <translation>er ergab %1 %2; die nächste Seite ist eine URL oder ein Pfad</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>object %1 of %2</source>
        <translation>Objekt %1 von %2</translation>
    </message>
    <message>
        <source>item %1 is %2 %3, not an object</source>
        <translation>Element %1 ist %2 %3, kein Objekt</translation>
    </message>
    <message numerus="yes">
        <source>it gave %n value(s); an entity is one object</source>
        <translation>
            <numerusform>er ergab %n Wert; eine Entität ist ein Objekt</numerusform>
            <numerusform>er ergab %n Werte; eine Entität ist ein Objekt</numerusform>
        </translation>
    </message>
    <message>
        <source>it gave %1 %2, not an object</source>
        <translation>er ergab %1 %2, kein Objekt</translation>
    </message>
    <message numerus="yes">
        <source>it gave %n values; wrap it in [ ] to make a list</source>
        <translation>
            <numerusform>er ergab %n Wert; setzen Sie ihn in [ ], um eine Liste zu machen</numerusform>
            <numerusform>er ergab %n Werte; setzen Sie ihn in [ ], um eine Liste zu machen</numerusform>
        </translation>
    </message>
    <message>
        <source>it gave %1 %2; %3 is an object</source>
        <translation>er ergab %1 %2; %3 ist ein Objekt</translation>
    </message>
    <message>
        <source>%1 makes no valid entity: %2</source>
        <translation>%1 ergibt keine gültige Entität: %2</translation>
    </message>
    <message>
        <source> (%1 of the entity)</source>
        <translation> (%1 der Entität)</translation>
    </message>
    <message>
        <source>From `%1`%2. The object: %3</source>
        <translation>Aus `%1`%2. Das Objekt: %3</translation>
    </message>
    <message>
        <source>No expression gives%1. The object: %2</source>
        <translation>Kein Ausdruck liefert%1. Das Objekt: %2</translation>
    </message>
</context>
<context>
    <name>HttpSource</name>
    <message>
        <source>The %1 source %2 needs the server&apos;s URL</source>
        <translation>Die %1-Quelle %2 braucht die URL des Servers</translation>
    </message>
    <message>
        <source>&quot;url&quot; is an http or https address</source>
        <translation>„url“ ist eine http- oder https-Adresse</translation>
    </message>
    <message>
        <source>No network manager for %1</source>
        <translation>Kein Netzwerkmanager für %1</translation>
    </message>
</context>
<context>
    <name>Jq</name>
    <message>
        <source>The JSON text is larger than 2 GiB</source>
        <translation>Der JSON-Text ist größer als 2 GiB</translation>
    </message>
    <message>
        <source>Not a JSON text</source>
        <translation>Kein JSON-Text</translation>
    </message>
    <message>
        <source>jq could not start (out of memory)</source>
        <translation>jq konnte nicht starten (kein Speicher)</translation>
    </message>
    <message>
        <source>The jq expression does not compile</source>
        <translation>Der jq-Ausdruck lässt sich nicht übersetzen</translation>
    </message>
    <message>
        <source>The expression gave more than %1 values</source>
        <translation>Der Ausdruck ergab mehr als %1 Werte</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
</context>
<context>
    <name>KubeClient</name>
    <message>
        <source>The API server of %1 did not accept the credentials: %2</source>
        <translation>Der API-Server von %1 hat die Zugangsdaten nicht akzeptiert: %2</translation>
    </message>
    <message>
        <source>Portolan may not list %1 in all namespaces on %2: %3</source>
        <translation>Portolan darf %1 auf %2 nicht in allen Namespaces auflisten: %3</translation>
    </message>
    <message>
        <source>Portolan may not list %1 in namespace %2 on %3: %4</source>
        <translation>Portolan darf %1 im Namespace %2 auf %3 nicht auflisten: %4</translation>
    </message>
    <message>
        <source>The API server of %1 does not serve %2 (%3); they are skipped</source>
        <translation>Der API-Server von %1 stellt %2 (%3) nicht bereit; sie werden übersprungen</translation>
    </message>
    <message>
        <source>Cannot reach the API server of %1: %2</source>
        <translation>Der API-Server von %1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>Reading %1 on %2 failed (HTTP %3): %4</source>
        <translation>Das Lesen von %1 auf %2 ist fehlgeschlagen (HTTP %3): %4</translation>
    </message>
    <message>
        <source>The API server of %1 sent a list of %2 that is not JSON</source>
        <translation>Der API-Server von %1 hat eine Liste von %2 gesendet, die kein JSON ist</translation>
    </message>
    <message>
        <source>The watch of %1 on %2 broke; reconnecting</source>
        <translation>Die Beobachtung von %1 auf %2 ist abgebrochen; Verbindung wird neu aufgebaut</translation>
    </message>
    <message>
        <source>The watch of %1 in namespace %2 on %3 broke; reconnecting</source>
        <translation>Die Beobachtung von %1 im Namespace %2 auf %3 ist abgebrochen; Verbindung wird neu aufgebaut</translation>
    </message>
</context>
<context>
    <name>KubeConfig</name>
    <message>
        <source>A kubeconfig must be a mapping (with clusters, users and contexts)</source>
        <translation>Eine kubeconfig muss eine Zuordnung sein (mit clusters, users und contexts)</translation>
    </message>
    <message>
        <source>A mapping or list used as a key is not supported</source>
        <translation>Eine Zuordnung oder Liste als Schlüssel wird nicht unterstützt</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a text value</source>
        <translation>„%1“ muss ein Textwert sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be true or false</source>
        <translation>„%1“ muss true oder false sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not valid base64</source>
        <translation>„%1“ ist kein gültiges Base64</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a list</source>
        <translation>„%1“ muss eine Liste sein</translation>
    </message>
    <message>
        <source>Each entry of &quot;%1&quot; must be a mapping with a name</source>
        <translation>Jeder Eintrag von „%1“ muss eine Zuordnung mit einem Namen sein</translation>
    </message>
    <message>
        <source>An entry of &quot;%1&quot; has no name</source>
        <translation>Ein Eintrag von „%1“ hat keinen Namen</translation>
    </message>
    <message>
        <source>The name &quot;%1&quot; is used twice in &quot;%2&quot;</source>
        <translation>Der Name „%1“ kommt in „%2“ doppelt vor</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a mapping</source>
        <translation>„%1“ muss eine Zuordnung sein</translation>
    </message>
    <message>
        <source>&quot;auth-provider&quot; must be a mapping</source>
        <translation>„auth-provider“ muss eine Zuordnung sein</translation>
    </message>
    <message>
        <source>User &quot;%1&quot; uses the unsupported auth-provider &quot;%2&quot;: configure an exec credential plugin instead (kubectl removed the built-in providers)</source>
        <translation>Der Benutzer „%1“ verwendet den nicht unterstützten auth-provider „%2“: Konfigurieren Sie stattdessen ein exec-Credential-Plugin (kubectl hat die eingebauten Provider entfernt)</translation>
    </message>
    <message>
        <source>&quot;exec&quot; must be a mapping</source>
        <translation>„exec“ muss eine Zuordnung sein</translation>
    </message>
    <message>
        <source>&quot;args&quot; must be a list</source>
        <translation>„args“ muss eine Liste sein</translation>
    </message>
    <message>
        <source>&quot;env&quot; must be a list</source>
        <translation>„env“ muss eine Liste sein</translation>
    </message>
    <message>
        <source>Each entry of &quot;env&quot; must be a mapping with name and value</source>
        <translation>Jeder Eintrag von „env“ muss eine Zuordnung mit name und value sein</translation>
    </message>
    <message>
        <source>An environment variable of the exec plugin of user &quot;%1&quot; has no name</source>
        <translation>Eine Umgebungsvariable des exec-Plugins von Benutzer „%1“ hat keinen Namen</translation>
    </message>
    <message>
        <source>The exec plugin of user &quot;%1&quot; has no command</source>
        <translation>Das exec-Plugin von Benutzer „%1“ hat keinen Befehl (command)</translation>
    </message>
    <message>
        <source>The exec plugin of user &quot;%1&quot; has no apiVersion</source>
        <translation>Das exec-Plugin von Benutzer „%1“ hat keine apiVersion</translation>
    </message>
    <message>
        <source>The exec plugin of user &quot;%1&quot; asks for %2, which Kubernetes clients no longer support: use client.authentication.k8s.io/v1 or v1beta1 (update the plugin or its kubeconfig entry)</source>
        <translation>Das exec-Plugin von Benutzer „%1“ verlangt %2, das Kubernetes-Clients nicht mehr unterstützen: Verwenden Sie client.authentication.k8s.io/v1 oder v1beta1 (aktualisieren Sie das Plugin oder seinen Eintrag in der kubeconfig)</translation>
    </message>
    <message>
        <source>The exec plugin of user &quot;%1&quot; asks for the unknown apiVersion &quot;%2&quot;</source>
        <translation>Das exec-Plugin von Benutzer „%1“ verlangt die unbekannte apiVersion „%2“</translation>
    </message>
    <message>
        <source>The exec plugin of user &quot;%1&quot; must set interactiveMode (Never or IfAvailable) for %2</source>
        <translation>Das exec-Plugin von Benutzer „%1“ muss für %2 interactiveMode setzen (Never oder IfAvailable)</translation>
    </message>
    <message>
        <source>The exec plugin of user &quot;%1&quot; needs a terminal (interactiveMode: Always), which Portolan cannot give it: log in once in a terminal, or set interactiveMode to IfAvailable</source>
        <translation>Das exec-Plugin von Benutzer „%1“ braucht ein Terminal (interactiveMode: Always), das Portolan ihm nicht geben kann: Melden Sie sich einmal in einem Terminal an oder setzen Sie interactiveMode auf IfAvailable</translation>
    </message>
    <message>
        <source>The exec plugin of user &quot;%1&quot; has the unknown interactiveMode &quot;%2&quot;</source>
        <translation>Das exec-Plugin von Benutzer „%1“ hat den unbekannten interactiveMode „%2“</translation>
    </message>
    <message>
        <source>Cluster &quot;%1&quot; has no server</source>
        <translation>Der Cluster „%1“ hat keinen Server</translation>
    </message>
    <message>
        <source>The server of cluster &quot;%1&quot; is not an http or https URL</source>
        <translation>Der Server des Clusters „%1“ ist keine http- oder https-URL</translation>
    </message>
    <message>
        <source>Cluster &quot;%1&quot; skips TLS certificate verification (insecure-skip-tls-verify): anyone on the network path can pose as its API server</source>
        <translation>Der Cluster „%1“ überspringt die TLS-Zertifikatsprüfung (insecure-skip-tls-verify): Jeder auf dem Netzwerkpfad kann sich als sein API-Server ausgeben</translation>
    </message>
    <message>
        <source>The proxy-url of cluster &quot;%1&quot; is ignored: Portolan uses the proxy set in the environment (https_proxy, no_proxy)</source>
        <translation>Die proxy-url des Clusters „%1“ wird ignoriert: Portolan verwendet den in der Umgebung gesetzten Proxy (https_proxy, no_proxy)</translation>
    </message>
    <message>
        <source>User &quot;%1&quot; has a client certificate but no client key</source>
        <translation>Der Benutzer „%1“ hat ein Client-Zertifikat, aber keinen Client-Schlüssel</translation>
    </message>
    <message>
        <source>User &quot;%1&quot; has a client key but no client certificate</source>
        <translation>Der Benutzer „%1“ hat einen Client-Schlüssel, aber kein Client-Zertifikat</translation>
    </message>
    <message>
        <source>User &quot;%1&quot; sets both a token and a username/password; only one authentication method is allowed</source>
        <translation>Der Benutzer „%1“ setzt sowohl ein Token als auch Benutzername/Passwort; nur eine Authentifizierungsmethode ist erlaubt</translation>
    </message>
    <message>
        <source>User &quot;%1&quot; impersonates another user (%2), which Portolan does not support</source>
        <translation>Der Benutzer „%1“ gibt sich als anderer Benutzer aus (%2); das unterstützt Portolan nicht</translation>
    </message>
    <message>
        <source>User &quot;%1&quot; sets both exec and auth-provider; only one is allowed</source>
        <translation>Der Benutzer „%1“ setzt sowohl exec als auch auth-provider; nur eines ist erlaubt</translation>
    </message>
    <message>
        <source>User &quot;%1&quot; sets a token or password and an exec plugin: the exec plugin is not run</source>
        <translation>Der Benutzer „%1“ setzt ein Token oder Passwort und ein exec-Plugin: Das exec-Plugin wird nicht ausgeführt</translation>
    </message>
    <message>
        <source>Context &quot;%1&quot; names no cluster</source>
        <translation>Der Kontext „%1“ nennt keinen Cluster</translation>
    </message>
    <message>
        <source>Cannot read the kubeconfig</source>
        <translation>Die kubeconfig kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>The kubeconfig is larger than %1 MiB</source>
        <translation>Die kubeconfig ist größer als %1 MiB</translation>
    </message>
    <message>
        <source>The kubeconfig is not valid YAML</source>
        <translation>Die kubeconfig ist kein gültiges YAML</translation>
    </message>
    <message>
        <source>The kubeconfig could not be read</source>
        <translation>Die kubeconfig konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>No kubeconfig file was given</source>
        <translation>Es wurde keine kubeconfig-Datei angegeben</translation>
    </message>
    <message>
        <source>The kubeconfig is a folder, not a file</source>
        <translation>Die kubeconfig ist ein Ordner, keine Datei</translation>
    </message>
    <message>
        <source>The kubeconfig does not exist</source>
        <translation>Die kubeconfig existiert nicht</translation>
    </message>
    <message>
        <source>None of the kubeconfig files exists</source>
        <translation>Keine der kubeconfig-Dateien existiert</translation>
    </message>
    <message>
        <source>Context &quot;%1&quot; refers to cluster &quot;%2&quot;, which is not defined</source>
        <translation>Der Kontext „%1“ verweist auf den Cluster „%2“, der nicht definiert ist</translation>
    </message>
    <message>
        <source>Context &quot;%1&quot; refers to user &quot;%2&quot;, which is not defined</source>
        <translation>Der Kontext „%1“ verweist auf den Benutzer „%2“, der nicht definiert ist</translation>
    </message>
    <message>
        <source>The kubeconfig sets no current-context: choose a context</source>
        <translation>Die kubeconfig setzt keinen current-context: Wählen Sie einen Kontext</translation>
    </message>
    <message>
        <source>The current context &quot;%1&quot; is not defined in the kubeconfig</source>
        <translation>Der aktuelle Kontext „%1“ ist in der kubeconfig nicht definiert</translation>
    </message>
    <message>
        <source>The context &quot;%1&quot; is not defined in the kubeconfig</source>
        <translation>Der Kontext „%1“ ist in der kubeconfig nicht definiert</translation>
    </message>
    <message>
        <source>Cannot read the file named by &quot;%1&quot;</source>
        <translation>Die in „%1“ genannte Datei kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>The token file of user &quot;%1&quot; is empty</source>
        <translation>Die Token-Datei des Benutzers „%1“ ist leer</translation>
    </message>
    <message>
        <source>Cluster &quot;%1&quot; is reached over plain http: credentials are sent unencrypted</source>
        <translation>Der Cluster „%1“ wird über unverschlüsseltes http erreicht: Zugangsdaten werden unverschlüsselt gesendet</translation>
    </message>
</context>
<context>
    <name>KubeNamespaces</name>
    <message>
        <source>The label %1 of the namespace %2 on %3 is &quot;%4&quot;, not seconds since the epoch</source>
        <translation>Das Label %1 des Namespace %2 auf %3 ist „%4“, keine Sekundenzahl seit der Epoche</translation>
    </message>
    <message>
        <source>Kubernetes namespace %1 on %2</source>
        <translation>Kubernetes-Namespace %1 auf %2</translation>
    </message>
    <message>
        <source>Kubernetes namespace %1 on %2 (%3)</source>
        <translation>Kubernetes-Namespace %1 auf %2 (%3)</translation>
    </message>
</context>
<context>
    <name>KubeProjection</name>
    <message>
        <source>container &quot;%1&quot; failed with exit code %2</source>
        <translation>Container „%1“ ist mit Exit-Code %2 fehlgeschlagen</translation>
    </message>
    <message>
        <source>The deployment is paused</source>
        <translation>Das Deployment ist pausiert</translation>
    </message>
    <message>
        <source>Waiting for the rollout to finish: the controller has not seen the newest generation</source>
        <translation>Warten auf das Ende des Rollouts: Der Controller hat die neueste Generation noch nicht gesehen</translation>
    </message>
    <message>
        <source>The deployment exceeded its progress deadline</source>
        <translation>Das Deployment hat seine Fortschrittsfrist (progress deadline) überschritten</translation>
    </message>
    <message>
        <source>Waiting for the rollout to finish: %1 of %2 new replicas updated</source>
        <translation>Warten auf das Ende des Rollouts: %1 von %2 neuen Replikas aktualisiert</translation>
    </message>
    <message numerus="yes">
        <source>Waiting for the rollout to finish: %n old replica(s) pending termination</source>
        <translation>
            <numerusform>Warten auf das Ende des Rollouts: %n alte Replika wird noch beendet</numerusform>
            <numerusform>Warten auf das Ende des Rollouts: %n alte Replikas werden noch beendet</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for the rollout to finish: %1 of %2 updated replicas available</source>
        <translation>Warten auf das Ende des Rollouts: %1 von %2 aktualisierten Replikas verfügbar</translation>
    </message>
    <message>
        <source>Waiting for the controller to see the update</source>
        <translation>Warten, bis der Controller die Änderung sieht</translation>
    </message>
    <message>
        <source>%1 of %2 pods ready</source>
        <translation>%1 von %2 Pods bereit</translation>
    </message>
    <message>
        <source>The stateful set uses the OnDelete update strategy</source>
        <translation>Das StatefulSet verwendet die Update-Strategie OnDelete</translation>
    </message>
    <message>
        <source>Waiting for the rolling update to finish</source>
        <translation>Warten auf das Ende des Rolling Updates</translation>
    </message>
    <message>
        <source>The daemon set uses the OnDelete update strategy</source>
        <translation>Das DaemonSet verwendet die Update-Strategie OnDelete</translation>
    </message>
    <message>
        <source>%1 of %2 updated pods scheduled</source>
        <translation>%1 von %2 aktualisierten Pods eingeplant</translation>
    </message>
    <message>
        <source>%1 of %2 pods available</source>
        <translation>%1 von %2 Pods verfügbar</translation>
    </message>
    <message>
        <source>Waiting for a load-balancer address</source>
        <translation>Warten auf eine Load-Balancer-Adresse</translation>
    </message>
    <message>
        <source>Pending deletion</source>
        <translation>Löschung ausstehend</translation>
    </message>
</context>
<context>
    <name>LabelSelector</name>
    <message>
        <source>The label selector &quot;%1&quot; is not valid: %2</source>
        <translation>Der Label-Selektor „%1“ ist ungültig: %2</translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation>er ist leer</translation>
    </message>
    <message>
        <source>a label key is missing</source>
        <translation>ein Label-Schlüssel fehlt</translation>
    </message>
    <message>
        <source>expected =, ==, !=, in or notin after &quot;%1&quot;</source>
        <translation>nach „%1“ wird =, ==, !=, in oder notin erwartet</translation>
    </message>
    <message>
        <source>expected &quot;(&quot; after &quot;%1&quot;</source>
        <translation>nach „%1“ wird „(“ erwartet</translation>
    </message>
    <message>
        <source>a value in the list is not valid</source>
        <translation>ein Wert in der Liste ist ungültig</translation>
    </message>
    <message>
        <source>expected &quot;,&quot; or &quot;)&quot; in the value list</source>
        <translation>in der Werteliste wird „,“ oder „)“ erwartet</translation>
    </message>
    <message>
        <source>the value list is empty</source>
        <translation>die Werteliste ist leer</translation>
    </message>
    <message>
        <source>expected &quot;,&quot; between requirements</source>
        <translation>zwischen Bedingungen wird „,“ erwartet</translation>
    </message>
</context>
<context>
    <name>LeaseStore</name>
    <message>
        <source>The lease on %1 is not held by %2</source>
        <translation>Die Lease auf %1 hält nicht %2</translation>
    </message>
    <message>
        <source>Could not create the lease folder %1</source>
        <translation>Der Lease-Ordner %1 konnte nicht angelegt werden</translation>
    </message>
    <message>
        <source>Could not lock %1 within 30 s</source>
        <translation>%1 konnte nicht innerhalb von 30 s gesperrt werden</translation>
    </message>
    <message>
        <source>Could not write the lease %1: %2</source>
        <translation>Die Lease %1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1 (branch %2)</source>
        <translation>%1 (Branch %2)</translation>
    </message>
    <message>
        <source>Could not %1 at %2</source>
        <translation>%1 bei %2 nicht möglich</translation>
    </message>
    <message>
        <source>make a local clone for leases</source>
        <translation>Anlegen eines lokalen Klons für Leases</translation>
    </message>
    <message>
        <source>fetch the leases</source>
        <translation>Abrufen der Leases</translation>
    </message>
    <message>
        <source>check out the leases</source>
        <translation>Auschecken der Leases</translation>
    </message>
    <message>
        <source>Could not write the lease %1</source>
        <translation>Die Lease %1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>commit the lease</source>
        <translation>Committen der Lease</translation>
    </message>
    <message>
        <source>push the lease (%1 attempts, each refused)</source>
        <translation>Pushen der Lease (%1 Versuche, jeder abgelehnt)</translation>
    </message>
    <message>
        <source>Lease objects in namespace %1 of context %2</source>
        <translation>Lease-Objekte im Namespace %1 des Kontexts %2</translation>
    </message>
    <message>
        <source>(the current one)</source>
        <translation>(des aktuellen)</translation>
    </message>
    <message>
        <source>Could not %1 at %2: %3</source>
        <translation>%1 bei %2 nicht möglich: %3</translation>
    </message>
    <message>
        <source>read the lease</source>
        <translation>den Lease lesen</translation>
    </message>
    <message>
        <source>write the lease</source>
        <translation>den Lease schreiben</translation>
    </message>
    <message>
        <source>The lease on %1 kept changing at %2</source>
        <translation>Der Lease auf %1 hat sich bei %2 immer wieder geändert</translation>
    </message>
</context>
<context>
    <name>LiveStyle</name>
    <message>
        <source>Queued</source>
        <translation>In Warteschlange</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>Action required</source>
        <translation>Aktion erforderlich</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>Neutral</translation>
    </message>
    <message>
        <source>Deployed</source>
        <translation>Bereitgestellt</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <source>No status</source>
        <translation>Kein Status</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Genehmigt</translation>
    </message>
    <message>
        <source>Changes requested</source>
        <translation>Änderungen angefordert</translation>
    </message>
    <message>
        <source>Commented</source>
        <translation>Kommentiert</translation>
    </message>
    <message>
        <source>Review required</source>
        <translation>Review erforderlich</translation>
    </message>
    <message>
        <source>Checks passed</source>
        <translation>Checks bestanden</translation>
    </message>
    <message>
        <source>Checks failed</source>
        <translation>Checks fehlgeschlagen</translation>
    </message>
    <message>
        <source>Checks running</source>
        <translation>Checks laufen</translation>
    </message>
    <message>
        <source>No checks</source>
        <translation>Keine Checks</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
</context>
<context>
    <name>LiveTabSupport</name>
    <message>
        <source>Some parts could not be read:</source>
        <translation>Einige Teile konnten nicht gelesen werden:</translation>
    </message>
</context>
<context>
    <name>Monitoring</name>
    <message>
        <source>The answer from %1 is not JSON</source>
        <translation>Die Antwort von %1 ist kein JSON</translation>
    </message>
    <message>
        <source>%1 at byte %2</source>
        <translation>%1 bei Byte %2</translation>
    </message>
    <message>
        <source>The answer from %1 is not %2</source>
        <translation>Die Antwort von %1 ist nicht %2</translation>
    </message>
    <message>
        <source>Prometheus refused the query at %1: %2</source>
        <translation>Prometheus hat die Abfrage bei %1 abgelehnt: %2</translation>
    </message>
    <message>
        <source>a Prometheus API answer (status, data)</source>
        <translation>eine Antwort der Prometheus-API (status, data)</translation>
    </message>
    <message>
        <source>a list of alerts</source>
        <translation>eine Liste von Alarmen</translation>
    </message>
    <message>
        <source>a range query&apos;s matrix</source>
        <translation>die Matrix einer Bereichsabfrage</translation>
    </message>
    <message>
        <source>a list of Alertmanager alerts</source>
        <translation>eine Liste von Alertmanager-Alarmen</translation>
    </message>
    <message>
        <source>a list of silences</source>
        <translation>eine Liste von Stummschaltungen</translation>
    </message>
</context>
<context>
    <name>NotificationLog</name>
    <message>
        <source>The notification log could not be read and starts empty; the old file was kept as %1.</source>
        <translation>Das Benachrichtigungsprotokoll konnte nicht gelesen werden und beginnt leer; die alte Datei wurde als %1 aufbewahrt.</translation>
    </message>
    <message>
        <source>The notification log could not be read and starts empty.</source>
        <translation>Das Benachrichtigungsprotokoll konnte nicht gelesen werden und beginnt leer.</translation>
    </message>
    <message>
        <source>The notification log cannot be opened.</source>
        <translation>Das Benachrichtigungsprotokoll kann nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>The notification log cannot be written.</source>
        <translation>Das Benachrichtigungsprotokoll kann nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>OpenCostSource</name>
    <message>
        <source>The answer from %1 is not OpenCost&apos;s allocation set (code, data)</source>
        <translation>Die Antwort von %1 ist keine Allokationsmenge von OpenCost (code, data)</translation>
    </message>
</context>
<context>
    <name>ParameterForm</name>
    <message>
        <source>an email address</source>
        <translation>eine E-Mail-Adresse</translation>
    </message>
    <message>
        <source>an absolute URL (https://...)</source>
        <translation>eine absolute URL (https://...)</translation>
    </message>
    <message>
        <source>a date (YYYY-MM-DD)</source>
        <translation>ein Datum (JJJJ-MM-TT)</translation>
    </message>
    <message>
        <source>a time (HH:MM:SS)</source>
        <translation>eine Uhrzeit (HH:MM:SS)</translation>
    </message>
    <message>
        <source>a date and time with a time zone (YYYY-MM-DDTHH:MM:SSZ)</source>
        <translation>ein Datum mit Uhrzeit und Zeitzone (JJJJ-MM-TTTHH:MM:SSZ)</translation>
    </message>
    <message>
        <source>a file</source>
        <translation>eine Datei</translation>
    </message>
    <message>
        <source>“%1” must be text</source>
        <translation>„%1“ muss Text sein</translation>
    </message>
    <message>
        <source>“%1” must be a whole number</source>
        <translation>„%1“ muss eine ganze Zahl sein</translation>
    </message>
    <message>
        <source>“%1” must be a number</source>
        <translation>„%1“ muss eine Zahl sein</translation>
    </message>
    <message>
        <source>“%1” must be true or false</source>
        <translation>„%1“ muss true oder false sein</translation>
    </message>
    <message>
        <source>“%1” must be a list</source>
        <translation>„%1“ muss eine Liste sein</translation>
    </message>
    <message>
        <source>“%1” must be an object of fields</source>
        <translation>„%1“ muss ein Objekt aus Feldern sein</translation>
    </message>
    <message numerus="yes">
        <source>“%1” needs at least %n character(s)</source>
        <translation>
            <numerusform>„%1“ braucht mindestens %n Zeichen</numerusform>
            <numerusform>„%1“ braucht mindestens %n Zeichen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>“%1” takes at most %n character(s)</source>
        <translation>
            <numerusform>„%1“ darf höchstens %n Zeichen lang sein</numerusform>
            <numerusform>„%1“ darf höchstens %n Zeichen lang sein</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” must match the pattern %2</source>
        <translation>„%1“ muss dem Muster %2 entsprechen</translation>
    </message>
    <message>
        <source>“%1” must be %2</source>
        <translation>„%1“ muss %2 sein</translation>
    </message>
    <message>
        <source>“%1” must start and end with an alphanumeric character, and contain only alphanumeric characters, hyphens, underscores, and periods. Maximum length is 63 characters.</source>
        <translation>„%1“ muss mit einem alphanumerischen Zeichen beginnen und enden und darf nur alphanumerische Zeichen, Bindestriche, Unterstriche und Punkte enthalten. Die maximale Länge beträgt 63 Zeichen.</translation>
    </message>
    <message>
        <source>“%1” is an incomplete repository location: %2 not provided</source>
        <translation>„%1“ ist eine unvollständige Repository-Angabe: %2 fehlt</translation>
    </message>
    <message>
        <source>“%1” is not a repository location</source>
        <translation>„%1“ ist keine Repository-Angabe</translation>
    </message>
    <message>
        <source>“%1”: %2 is not an allowed host; allowed: %3</source>
        <translation>„%1“: %2 ist kein zulässiger Host; zulässig: %3</translation>
    </message>
    <message>
        <source>“%1” must be at least %2</source>
        <translation>„%1“ muss mindestens %2 sein</translation>
    </message>
    <message>
        <source>“%1” must be at most %2</source>
        <translation>„%1“ darf höchstens %2 sein</translation>
    </message>
    <message>
        <source>“%1” must be more than %2</source>
        <translation>„%1“ muss größer als %2 sein</translation>
    </message>
    <message>
        <source>“%1” must be less than %2</source>
        <translation>„%1“ muss kleiner als %2 sein</translation>
    </message>
    <message numerus="yes">
        <source>“%1” needs at least %n item(s)</source>
        <translation>
            <numerusform>„%1“ braucht mindestens %n Eintrag</numerusform>
            <numerusform>„%1“ braucht mindestens %n Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>“%1” takes at most %n item(s)</source>
        <translation>
            <numerusform>„%1“ darf höchstens %n Eintrag haben</numerusform>
            <numerusform>„%1“ darf höchstens %n Einträge haben</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” lists %2 twice</source>
        <translation>„%1“ enthält %2 doppelt</translation>
    </message>
    <message>
        <source>“%1” is required</source>
        <translation>„%1“ ist erforderlich</translation>
    </message>
    <message>
        <source>“%1” must be one of: %2</source>
        <translation>„%1“ muss einer dieser Werte sein: %2</translation>
    </message>
    <message>
        <source>Parameter “%1” uses the field %2, which Portolan does not support; supported fields: %3</source>
        <translation>Der Parameter „%1“ verwendet das Feld %2, das Portolan nicht unterstützt; unterstützte Felder: %3</translation>
    </message>
    <message>
        <source>Parameter “%1” uses the widget %2, which Portolan does not support, and shows the usual input for its type instead; supported widgets: %3</source>
        <translation>Der Parameter „%1“ verwendet das Widget %2, das Portolan nicht unterstützt, und zeigt stattdessen das übliche Eingabefeld für seinen Typ; unterstützte Widgets: %3</translation>
    </message>
    <message>
        <source>Parameter “%1” has a pattern that is not a regular expression: %2 (%3)</source>
        <translation>Das Muster des Parameters „%1“ ist kein gültiger regulärer Ausdruck: %2 (%3)</translation>
    </message>
    <message>
        <source>The parameters nest more than %1 deep</source>
        <translation>Die Parameter sind mehr als %1 Ebenen tief verschachtelt</translation>
    </message>
    <message>
        <source>“properties” must be a mapping of parameter names to their schemas</source>
        <translation>„properties“ muss eine Zuordnung von Parameternamen zu ihren Schemas sein</translation>
    </message>
    <message>
        <source>Parameter “%1” is not a schema: a mapping with type, title and so on</source>
        <translation>Der Parameter „%1“ ist kein Schema: eine Zuordnung mit type, title usw.</translation>
    </message>
    <message>
        <source>Parameter “%1” refers to another schema ($ref), which Portolan does not follow</source>
        <translation>Der Parameter „%1“ verweist auf ein anderes Schema ($ref), dem Portolan nicht folgt</translation>
    </message>
    <message>
        <source>Parameter “%1” offers a choice between schemas (%2), which Portolan does not show: only the fields outside it are asked</source>
        <translation>Der Parameter „%1“ bietet eine Auswahl zwischen Schemas (%2), die Portolan nicht anzeigt: Abgefragt werden nur die Felder außerhalb davon</translation>
    </message>
    <message>
        <source>Cannot tell whether the page “%1” is shown: %2</source>
        <translation>Es lässt sich nicht bestimmen, ob die Seite „%1“ angezeigt wird: %2</translation>
    </message>
    <message>
        <source>%1 takes a whole number, not “%2”</source>
        <translation>%1 erwartet eine ganze Zahl, nicht „%2“</translation>
    </message>
    <message>
        <source>%1 takes a number, not “%2”</source>
        <translation>%1 erwartet eine Zahl, nicht „%2“</translation>
    </message>
    <message>
        <source>%1 takes true or false, not “%2”</source>
        <translation>%1 erwartet true oder false, nicht „%2“</translation>
    </message>
    <message>
        <source>%1 takes a JSON list or comma-separated values; “%2” is not JSON: %3</source>
        <translation>%1 erwartet eine JSON-Liste oder kommagetrennte Werte; „%2“ ist kein JSON: %3</translation>
    </message>
    <message>
        <source>%1: an item of the list: %2</source>
        <translation>%1: ein Eintrag der Liste: %2</translation>
    </message>
    <message>
        <source>%1 takes a JSON object ({&quot;key&quot;: ...}), not “%2”</source>
        <translation>%1 erwartet ein JSON-Objekt ({&quot;key&quot;: ...}), nicht „%2“</translation>
    </message>
    <message>
        <source>“%1” is not a parameter assignment: write name=value</source>
        <translation>„%1“ ist keine Parameterzuweisung: Schreiben Sie name=value</translation>
    </message>
    <message>
        <source>The template has no parameter “%1”; it has: %2</source>
        <translation>Die Vorlage hat keinen Parameter „%1“; vorhanden sind: %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>PortScorecards</name>
    <message>
        <source>A list of Port scorecards was expected here</source>
        <translation>Hier wurde eine Liste von Port-Scorecards erwartet</translation>
    </message>
    <message>
        <source>This is an error answer of Port&apos;s API, not scorecards: %1 (%2)</source>
        <translation>Das ist eine Fehlerantwort der Port-API, keine Scorecards: %1 (%2)</translation>
    </message>
    <message>
        <source>No Port scorecard here: a scorecard has an identifier and rules, an answer of Port&apos;s API has scorecards or scorecard</source>
        <translation>Hier ist keine Port-Scorecard: Eine Scorecard hat einen identifier und rules, eine Antwort der Port-API hat scorecards oder scorecard</translation>
    </message>
    <message>
        <source>A Port scorecard is an object: {identifier, title, levels, rules}</source>
        <translation>Eine Port-Scorecard ist ein Objekt: {identifier, title, levels, rules}</translation>
    </message>
    <message>
        <source>Unknown field &quot;%1&quot; in a Port scorecard; ignored</source>
        <translation>Unbekanntes Feld „%1“ in einer Port-Scorecard; ignoriert</translation>
    </message>
    <message>
        <source>A Port scorecard needs an identifier</source>
        <translation>Eine Port-Scorecard braucht einen identifier</translation>
    </message>
    <message>
        <source>Port grades the entities of the blueprint &quot;%1&quot;; Portolan has no blueprints, so this scorecard grades every entity its filter lets through</source>
        <translation>Port bewertet die Entitäten des Blueprints „%1“; Portolan kennt keine Blueprints, daher bewertet diese Scorecard jede Entität, die ihr Filter durchlässt</translation>
    </message>
    <message>
        <source>A Port scorecard needs rules: a list of {identifier, title, level, query}</source>
        <translation>Eine Port-Scorecard braucht rules: eine Liste von {identifier, title, level, query}</translation>
    </message>
    <message>
        <source>Port scorecard &quot;%1&quot; has no rules yet: nothing to grade, so it is left out</source>
        <translation>Die Port-Scorecard „%1“ hat noch keine Regeln: nichts zu bewerten, daher wird sie ausgelassen</translation>
    </message>
    <message>
        <source>&quot;levels&quot; is a list of {title, color}, the level every entity starts at first</source>
        <translation>„levels“ ist eine Liste von {title, color}, zuerst die Stufe, auf der jede Entität beginnt</translation>
    </message>
    <message>
        <source>A level needs a title</source>
        <translation>Eine Stufe braucht einen title</translation>
    </message>
    <message>
        <source>Level &quot;%1&quot; is named twice</source>
        <translation>Die Stufe „%1“ ist zweimal genannt</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of Port&apos;s level colours; the level has none</source>
        <translation>„%1“ ist keine der Stufenfarben von Port; die Stufe bekommt keine</translation>
    </message>
    <message>
        <source>A Port rule is an object: {identifier, title, level, query}</source>
        <translation>Eine Port-Regel ist ein Objekt: {identifier, title, level, query}</translation>
    </message>
    <message>
        <source>Unknown field &quot;%1&quot; in a Port rule; ignored</source>
        <translation>Unbekanntes Feld „%1“ in einer Port-Regel; ignoriert</translation>
    </message>
    <message>
        <source>A rule needs an identifier</source>
        <translation>Eine Regel braucht einen identifier</translation>
    </message>
    <message>
        <source>Rule identifier &quot;%1&quot; is used twice</source>
        <translation>Der Regel-identifier „%1“ wird zweimal verwendet</translation>
    </message>
    <message>
        <source>&quot;level&quot; must be one of the scorecard&apos;s levels above the first: %1</source>
        <translation>„level“ muss eine der Stufen der Scorecard über der ersten sein: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is the level every entity starts at: Port allows no rule at it</source>
        <translation>„%1“ ist die Stufe, auf der jede Entität beginnt: Port erlaubt dort keine Regel</translation>
    </message>
    <message>
        <source>A Port query is an object: {combinator: and|or, conditions: [...]}</source>
        <translation>Eine Port-Abfrage ist ein Objekt: {combinator: and|or, conditions: [...]}</translation>
    </message>
    <message>
        <source>&quot;combinator&quot; is &quot;and&quot; or &quot;or&quot;</source>
        <translation>„combinator“ ist „and“ oder „or“</translation>
    </message>
    <message>
        <source>&quot;conditions&quot; is a non-empty list</source>
        <translation>„conditions“ ist eine nicht leere Liste</translation>
    </message>
    <message>
        <source>A Port condition is an object: {property, operator, value}</source>
        <translation>Eine Port-Bedingung ist ein Objekt: {property, operator, value}</translation>
    </message>
    <message>
        <source>Port&apos;s scorecard conditions do not nest: a query is one combinator over its conditions</source>
        <translation>Die Scorecard-Bedingungen von Port verschachteln sich nicht: Eine Abfrage ist ein combinator über ihren Bedingungen</translation>
    </message>
    <message>
        <source>Port operator &quot;%1&quot; has no Portolan counterpart; Port&apos;s scorecards have %2</source>
        <translation>Der Port-Operator „%1“ hat in Portolan keine Entsprechung; die Scorecards von Port kennen %2</translation>
    </message>
    <message>
        <source>Unknown field &quot;%1&quot; in a Port condition</source>
        <translation>Unbekanntes Feld „%1“ in einer Port-Bedingung</translation>
    </message>
    <message>
        <source>A Port condition tests one property or one relation</source>
        <translation>Eine Port-Bedingung prüft eine Eigenschaft oder eine Beziehung</translation>
    </message>
    <message>
        <source>Operator &quot;%1&quot; needs a value</source>
        <translation>Der Operator „%1“ braucht einen Wert</translation>
    </message>
    <message>
        <source>&quot;not&quot; is true or false</source>
        <translation>„not“ ist true oder false</translation>
    </message>
    <message>
        <source>&quot;%1&quot; with this value has no Portolan counterpart: it takes one string, number or true/false</source>
        <translation>„%1“ mit diesem Wert hat in Portolan keine Entsprechung: Es nimmt eine Zeichenkette, eine Zahl oder true/false</translation>
    </message>
    <message>
        <source>&quot;%1&quot; takes a string or a number</source>
        <translation>„%1“ nimmt eine Zeichenkette oder eine Zahl</translation>
    </message>
    <message>
        <source>&quot;%1&quot; takes a non-empty list of strings</source>
        <translation>„%1“ nimmt eine nicht leere Liste von Zeichenketten</translation>
    </message>
    <message>
        <source>&quot;%1&quot; takes a number; Portolan compares dates by age, not with a fixed date</source>
        <translation>„%1“ nimmt eine Zahl; Portolan vergleicht Daten nach Alter, nicht mit einem festen Datum</translation>
    </message>
    <message>
        <source>&quot;%1&quot; with this value has no Portolan counterpart: Portolan compares dates by age, not with fixed dates; only the presets lastWeek to last12Months map</source>
        <translation>„%1“ mit diesem Wert hat in Portolan keine Entsprechung: Portolan vergleicht Daten nach Alter, nicht mit festen Daten; nur die Vorgaben lastWeek bis last12Months lassen sich übertragen</translation>
    </message>
    <message>
        <source>Date preset &quot;%1&quot; has no Portolan counterpart: Portolan compares dates by age, not by calendar day; only lastWeek to last12Months map</source>
        <translation>Die Datumsvorgabe „%1“ hat in Portolan keine Entsprechung: Portolan vergleicht Daten nach Alter, nicht nach Kalendertag; nur lastWeek bis last12Months lassen sich übertragen</translation>
    </message>
    <message>
        <source>A list of Port scorecards is JSON: %1</source>
        <translation>Eine Liste von Port-Scorecards ist JSON: %1</translation>
    </message>
    <message>
        <source>&quot;$blueprint&quot; has no counterpart: Portolan&apos;s entities have kinds, not Port&apos;s blueprints</source>
        <translation>„$blueprint“ hat keine Entsprechung: Die Entitäten von Portolan haben Arten, keine Blueprints wie bei Port</translation>
    </message>
    <message>
        <source>Port&apos;s meta-property &quot;%1&quot; has no counterpart in a Backstage descriptor</source>
        <translation>Die Meta-Eigenschaft „%1“ von Port hat in einem Backstage-Deskriptor keine Entsprechung</translation>
    </message>
    <message>
        <source>Port property &quot;%1&quot; cannot be read as spec.%1</source>
        <translation>Die Port-Eigenschaft „%1“ lässt sich nicht als spec.%1 lesen</translation>
    </message>
    <message>
        <source>Port relation &quot;%1&quot; has no counterpart</source>
        <translation>Die Port-Beziehung „%1“ hat keine Entsprechung</translation>
    </message>
</context>
<context>
    <name>Portolan::Core::ActionGuards</name>
    <message>
        <source>The template&apos;s owner (%1) can fix it in %2</source>
        <translation>Der Eigentümer der Vorlage (%1) kann das in %2 beheben</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Only members of %1 may run this action; %2 is not one</source>
        <translation>Nur Mitglieder von %1 dürfen diese Aktion ausführen; %2 ist kein Mitglied</translation>
    </message>
    <message>
        <source>The catalog has no user for %1: set PORTOLAN_USER (or your git email) to your user entity, or ask a member of %2 to run it</source>
        <translation>Der Katalog hat keinen Benutzer für %1: Setzen Sie PORTOLAN_USER (oder Ihre Git-E-Mail-Adresse) auf Ihre Benutzer-Entität, oder bitten Sie ein Mitglied von %2, die Aktion auszuführen</translation>
    </message>
    <message>
        <source>Ask to join %1, or ask one of its members to run it</source>
        <translation>Beantragen Sie die Mitgliedschaft in %1, oder bitten Sie eines der Mitglieder, die Aktion auszuführen</translation>
    </message>
    <message>
        <source>%1 has no %2</source>
        <translation>Bei %1 fehlt %2</translation>
    </message>
    <message>
        <source>Add %1 to its descriptor (%2)</source>
        <translation>Ergänzen Sie %1 im Deskriptor der Entität (%2)</translation>
    </message>
    <message>
        <source>This action needs %1 at level %2 or above on the scorecard %3, which is not evaluated yet</source>
        <translation>Diese Aktion verlangt, dass %1 auf der Scorecard %3 mindestens die Stufe %2 erreicht; die Scorecard ist noch nicht ausgewertet</translation>
    </message>
    <message>
        <source>Wait for the scorecards to be evaluated, or check that the workspace has the scorecard %1</source>
        <translation>Warten Sie, bis die Scorecards ausgewertet sind, oder prüfen Sie, ob der Arbeitsbereich die Scorecard %1 enthält</translation>
    </message>
    <message>
        <source>The scorecard %1 has no level %2</source>
        <translation>Die Scorecard %1 hat keine Stufe %2</translation>
    </message>
    <message>
        <source>The action&apos;s owner can fix its minimum level</source>
        <translation>Der Eigentümer der Aktion kann ihre Mindeststufe korrigieren</translation>
    </message>
    <message>
        <source>no level</source>
        <translation>keine Stufe</translation>
    </message>
    <message>
        <source>%1 is at %2 on %3; this action needs %4 or above</source>
        <translation>%1 erreicht auf %3: %2; diese Aktion verlangt %4 oder höher</translation>
    </message>
    <message>
        <source>Pass the rules of %1 on its Scorecards tab</source>
        <translation>Erfüllen Sie die Regeln von %1; siehe den Reiter „Scorecards“ der Entität</translation>
    </message>
    <message>
        <source>This action checks the entity it runs on, and none was chosen</source>
        <translation>Diese Aktion prüft die Entität, auf der sie ausgeführt wird, und es wurde keine ausgewählt</translation>
    </message>
    <message>
        <source>Start it from the entity&apos;s page</source>
        <translation>Starten Sie sie von der Seite der Entität aus</translation>
    </message>
</context>
<context>
    <name>Portolan::Core::ActionRunner</name>
    <message>
        <source>The step&apos;s input must be a map of fields</source>
        <translation>Die Eingabe des Schritts muss eine Zuordnung von Feldern sein</translation>
    </message>
    <message>
        <source>Step &quot;%1&quot; uses %2, which Portolan does not run</source>
        <translation>Schritt „%1“ verwendet %2, das Portolan nicht ausführt</translation>
    </message>
    <message>
        <source>%1 cannot run: %2</source>
        <translation>%1 kann nicht ausgeführt werden: %2</translation>
    </message>
    <message>
        <source>Run %1 is not in the cache</source>
        <translation>Die Ausführung %1 ist nicht im Cache</translation>
    </message>
    <message>
        <source>Step &quot;%1&quot; (%2) failed: %3</source>
        <translation>Schritt „%1“ (%2) ist fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>Cancelled during step &quot;%1&quot;</source>
        <translation>Während Schritt „%1“ abgebrochen</translation>
    </message>
    <message>
        <source>cancelled before it started</source>
        <translation>vor dem Start abgebrochen</translation>
    </message>
    <message>
        <source>it needs the secret input %1, which is never stored; start the action again</source>
        <translation>die geheime Eingabe %1 wird benötigt, aber nie gespeichert; starten Sie die Aktion erneut</translation>
    </message>
    <message>
        <source>Portolan does not run %1</source>
        <translation>Portolan führt %1 nicht aus</translation>
    </message>
    <message>
        <source>%1 Resumed after an interruption; picking up what was already done</source>
        <translation>%1 Nach einer Unterbrechung fortgesetzt; bereits Erledigtes wird übernommen</translation>
    </message>
    <message>
        <source>Interrupted: Portolan closed; the step resumes when it starts again</source>
        <translation>Unterbrochen: Portolan wurde beendet; der Schritt wird beim nächsten Start fortgesetzt</translation>
    </message>
    <message>
        <source>Cancellation requested</source>
        <translation>Abbruch angefordert</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>portolan.dev/approval-when cannot be evaluated: %1</source>
        <translation>portolan.dev/approval-when kann nicht ausgewertet werden: %1</translation>
    </message>
    <message>
        <source>This action needs approval, and the catalog that says who may approve is not read yet</source>
        <translation>Diese Aktion braucht eine Genehmigung, und der Katalog, der festlegt, wer genehmigen darf, ist noch nicht gelesen</translation>
    </message>
    <message>
        <source>This action needs approval that nobody can give: %1</source>
        <translation>Diese Aktion braucht eine Genehmigung, die niemand erteilen kann: %1</translation>
    </message>
    <message>
        <source>Rejected by %1: %2</source>
        <translation>Abgelehnt von %1: %2</translation>
    </message>
    <message>
        <source>Rejected by %1</source>
        <translation>Abgelehnt von %1</translation>
    </message>
    <message>
        <source>Approved, but the change could not be landed: %1</source>
        <translation>Genehmigt, aber die Änderung konnte nicht übernommen werden: %1</translation>
    </message>
    <message>
        <source>Run %1 is already being executed by this process</source>
        <translation>Die Ausführung %1 läuft bereits in diesem Prozess</translation>
    </message>
    <message>
        <source>Run %1 is being executed by another process (%2, process %3 on %4)</source>
        <translation>Die Ausführung %1 läuft in einem anderen Prozess (%2, Prozess %3 auf %4)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>this machine</source>
        <translation>diesem Rechner</translation>
    </message>
    <message>
        <source>This Portolan cannot review a step of %1</source>
        <translation>Dieses Portolan kann einen Schritt von %1 nicht prüfen</translation>
    </message>
    <message>
        <source>Approved the deployment on GitHub: %1</source>
        <translation>Deployment auf GitHub genehmigt: %1</translation>
    </message>
    <message>
        <source>Rejected the deployment on GitHub: %1</source>
        <translation>Deployment auf GitHub abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>Portolan::Core::ActionSetup</name>
    <message>
        <source>Registered: %1</source>
        <translation>Registriert: %1</translation>
    </message>
</context>
<context>
    <name>Portolan::Core::BackstageSource</name>
    <message>
        <source>The Backstage source %1 needs the URL of a Backstage backend</source>
        <translation>Die Backstage-Quelle %1 braucht die URL eines Backstage-Backends</translation>
    </message>
    <message>
        <source>No network manager for %1</source>
        <translation>Kein Netzwerkmanager für %1</translation>
    </message>
    <message>
        <source>Reading entities</source>
        <translation>Entitäten werden gelesen</translation>
    </message>
    <message>
        <source>Replaced by a newer sync</source>
        <translation>Durch eine neuere Synchronisierung ersetzt</translation>
    </message>
    <message>
        <source>Backstage answered an empty page at %1 after %2 of %3 entities</source>
        <translation>Backstage lieferte bei %1 nach %2 von %3 Entitäten eine leere Seite</translation>
    </message>
    <message>
        <source>Backstage listed %1 twice</source>
        <translation>Backstage hat %1 doppelt aufgeführt</translation>
    </message>
    <message>
        <source>Backstage ended the list after %1 of %2 entities</source>
        <translation>Backstage beendete die Liste nach %1 von %2 Entitäten</translation>
    </message>
    <message>
        <source>Backstage returned a page cursor a second time at %1; the list would never end</source>
        <translation>Backstage lieferte bei %1 einen Seiten-Cursor ein zweites Mal; die Liste würde nie enden</translation>
    </message>
    <message numerus="yes">
        <source>%n entities from %1</source>
        <translation>
            <numerusform>%n Entität von %1</numerusform>
            <numerusform>%n Entitäten von %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Refreshing %1</source>
        <translation>%1 wird aktualisiert</translation>
    </message>
    <message>
        <source>%1 no longer exists in Backstage</source>
        <translation>%1 gibt es in Backstage nicht mehr</translation>
    </message>
    <message>
        <source>Refreshed %1</source>
        <translation>%1 aktualisiert</translation>
    </message>
</context>
<context>
    <name>Portolan::Core::CatalogRegisterExecutor</name>
    <message>
        <source>repoContentsUrl (with catalogInfoPath) or catalogInfoUrl is required</source>
        <translation>repoContentsUrl (mit catalogInfoPath) oder catalogInfoUrl ist erforderlich</translation>
    </message>
    <message>
        <source>Registers a descriptor location (a file in a git repository) in the catalog, at once</source>
        <translation>Registriert eine Deskriptor-Location (eine Datei in einem Git-Repository) sofort im Katalog</translation>
    </message>
    <message>
        <source>Locations cannot be registered here</source>
        <translation>Locations können hier nicht registriert werden</translation>
    </message>
    <message>
        <source>register</source>
        <translation>registrieren</translation>
    </message>
    <message>
        <source>Added to your own sources; the catalog reads it now and on every sync</source>
        <translation>Zu Ihren eigenen Quellen hinzugefügt; der Katalog liest die Location jetzt und bei jeder Synchronisierung</translation>
    </message>
    <message>
        <source>Reading %1 from %2 @ %3</source>
        <translation>%1 wird aus %2 @ %3 gelesen</translation>
    </message>
    <message>
        <source>Could not read %1</source>
        <translation>%1 konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Found %1</source>
        <translation>%1 gefunden</translation>
    </message>
    <message>
        <source>%1 is not in the repository</source>
        <translation>%1 ist nicht im Repository</translation>
    </message>
    <message>
        <source>%1 is not there yet (optional): registering the location anyway</source>
        <translation>%1 ist noch nicht vorhanden (optional): Die Location wird trotzdem registriert</translation>
    </message>
    <message>
        <source>Registered as source %1</source>
        <translation>Als Quelle %1 registriert</translation>
    </message>
    <message>
        <source>Open %1 in the catalog</source>
        <translation>%1 im Katalog öffnen</translation>
    </message>
</context>
<context>
    <name>Portolan::Core::DebugLogExecutor</name>
    <message>
        <source>Writes a message (and optionally the run&apos;s files) to the step&apos;s log</source>
        <translation>Schreibt eine Nachricht (und optional die Dateien der Ausführung) in das Protokoll des Schritts</translation>
    </message>
    <message>
        <source>log</source>
        <translation>protokollieren</translation>
    </message>
    <message>
        <source>the run&apos;s log</source>
        <translation>das Protokoll der Ausführung</translation>
    </message>
</context>
<context>
    <name>Portolan::Core::DeepLink</name>
    <message>
        <source>%1 is not a Portolan link (portolan://entity/…, portolan://action/…, portolan://run/…).</source>
        <translation>%1 ist kein Portolan-Link (portolan://entity/…, portolan://action/…, portolan://run/…).</translation>
    </message>
    <message>
        <source>The link %1 names no entity.</source>
        <translation>Der Link %1 nennt keine Entität.</translation>
    </message>
    <message>
        <source>The link %1 names no valid entity: %2</source>
        <translation>Der Link %1 nennt keine gültige Entität: %2</translation>
    </message>
    <message>
        <source>The link %1 names no action.</source>
        <translation>Der Link %1 nennt keine Aktion.</translation>
    </message>
    <message>
        <source>The link %1 names no run: a run is a number.</source>
        <translation>Der Link %1 nennt keine Ausführung: Eine Ausführung ist eine Zahl.</translation>
    </message>
    <message>
        <source>The link %1 opens nothing Portolan knows: it opens an entity, an action or a run.</source>
        <translation>Der Link %1 öffnet nichts, was Portolan kennt: Ein Link öffnet eine Entität, eine Aktion oder eine Ausführung.</translation>
    </message>
</context>
<context>
    <name>Portolan::Core::DeviceFlow</name>
    <message>
        <source>The credential has no client id of a GitHub App or OAuth app</source>
        <translation>Die Zugangsdaten enthalten keine Client-ID einer GitHub-App oder OAuth-App</translation>
    </message>
    <message>
        <source>Sign-in cancelled</source>
        <translation>Anmeldung abgebrochen</translation>
    </message>
    <message>
        <source>The sign-in code expired before it was entered. Start the sign-in again for a new code.</source>
        <translation>Der Anmeldecode ist abgelaufen, bevor er eingegeben wurde. Starten Sie die Anmeldung erneut, um einen neuen Code zu erhalten.</translation>
    </message>
    <message>
        <source>The sign-in was declined on %1. If that was a mistake, start the sign-in again: a declined code cannot be used twice.</source>
        <translation>Die Anmeldung wurde auf %1 abgelehnt. War das ein Versehen, starten Sie die Anmeldung erneut: Ein abgelehnter Code lässt sich nicht noch einmal verwenden.</translation>
    </message>
    <message>
        <source>%1 does not know the client id “%2”. Check the credential&apos;s clientId in portolan.yaml: it is the app&apos;s client id, not its app id.</source>
        <translation>%1 kennt die Client-ID „%2“ nicht. Prüfen Sie die clientId der Zugangsdaten in portolan.yaml: Es ist die Client-ID der App, nicht ihre App-ID.</translation>
    </message>
    <message>
        <source>Device flow is not enabled for this app on %1. An owner of the app must enable it in the app&apos;s settings.</source>
        <translation>Der Device Flow ist für diese App auf %1 nicht aktiviert. Ein Eigentümer der App muss ihn in den Einstellungen der App aktivieren.</translation>
    </message>
    <message>
        <source>%1 does not accept the device flow&apos;s grant type</source>
        <translation>%1 akzeptiert den Grant-Typ des Device Flows nicht</translation>
    </message>
    <message>
        <source>%1 did not accept the device code. Start the sign-in again for a new code.</source>
        <translation>%1 hat den Gerätecode nicht akzeptiert. Starten Sie die Anmeldung erneut, um einen neuen Code zu erhalten.</translation>
    </message>
    <message>
        <source>The saved sign-in has expired or was revoked. Sign in with GitHub again.</source>
        <translation>Die gespeicherte Anmeldung ist abgelaufen oder wurde widerrufen. Melden Sie sich erneut mit GitHub an.</translation>
    </message>
    <message>
        <source>%1 refused the sign-in: %2</source>
        <translation>%1 hat die Anmeldung abgelehnt: %2</translation>
    </message>
    <message>
        <source>%1 did not answer in time</source>
        <translation>%1 hat nicht rechtzeitig geantwortet</translation>
    </message>
    <message>
        <source>%1 has no device sign-in (HTTP 404). Check the credential&apos;s url: it must be the GitHub server itself, such as https://github.com</source>
        <translation>%1 bietet keine Geräteanmeldung (HTTP 404). Prüfen Sie die url der Zugangsdaten: Sie muss der GitHub-Server selbst sein, etwa https://github.com</translation>
    </message>
    <message>
        <source>%1 answered with HTTP %2</source>
        <translation>%1 antwortete mit HTTP %2</translation>
    </message>
    <message>
        <source>Could not reach %1</source>
        <translation>%1 ist nicht erreichbar</translation>
    </message>
    <message>
        <source>%1 answered the sign-in request without a usable code</source>
        <translation>%1 hat die Anmeldeanfrage ohne verwendbaren Code beantwortet</translation>
    </message>
    <message>
        <source>%1 answered without an access token</source>
        <translation>%1 hat ohne Zugriffstoken geantwortet</translation>
    </message>
    <message>
        <source>%1 issued a token of type “%2”, which Portolan cannot use</source>
        <translation>%1 hat ein Token vom Typ „%2“ ausgestellt, das Portolan nicht verwenden kann</translation>
    </message>
</context>
<context>
    <name>Portolan::Core::FetchTemplateExecutor</name>
    <message>
        <source>targetPath &quot;%1&quot; leaves the run&apos;s working folder</source>
        <translation>targetPath „%1“ führt aus dem Arbeitsordner der Ausführung heraus</translation>
    </message>
    <message>
        <source>Copies a skeleton folder beside the template into the run&apos;s workspace, rendering ${{ values.x }} in file contents and names</source>
        <translation>Kopiert einen Gerüstordner neben der Vorlage in den Arbeitsbereich der Ausführung und setzt dabei ${{ values.x }} in Dateiinhalten und -namen ein</translation>
    </message>
    <message>
        <source>Copies a folder beside the template into the run&apos;s workspace as it is</source>
        <translation>Kopiert einen Ordner neben der Vorlage unverändert in den Arbeitsbereich der Ausführung</translation>
    </message>
    <message>
        <source>url is required: the folder to copy</source>
        <translation>url ist erforderlich: der zu kopierende Ordner</translation>
    </message>
    <message>
        <source>Only folders beside the template can be fetched, not %1</source>
        <translation>Nur Ordner neben der Vorlage können abgerufen werden, nicht %1</translation>
    </message>
    <message>
        <source>render files</source>
        <translation>Dateien rendern</translation>
    </message>
    <message>
        <source>copy files</source>
        <translation>Dateien kopieren</translation>
    </message>
    <message>
        <source>Values: %1</source>
        <translation>Werte: %1</translation>
    </message>
    <message>
        <source>The folder %1 does not exist</source>
        <translation>Der Ordner %1 existiert nicht</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>%1 holds more than %2 files</source>
        <translation>%1 enthält mehr als %2 Dateien</translation>
    </message>
    <message>
        <source>Could not read %1</source>
        <translation>%1 konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>%1 uses Nunjucks tags ({%% ... %%}), which Portolan does not render; only ${{ }} placeholders are supported</source>
        <translation>%1 verwendet Nunjucks-Tags ({%% ... %%}), die Portolan nicht rendert; nur ${{ }}-Platzhalter werden unterstützt</translation>
    </message>
    <message>
        <source>The file name %1 leaves the target folder</source>
        <translation>Der Dateiname %1 führt aus dem Zielordner heraus</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
</context>
<context>
    <name>Portolan::Core::FilesSource</name>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>None of the source&apos;s paths exist: %1</source>
        <translation>Keiner der Pfade der Quelle existiert: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) read</source>
        <translation>
            <numerusform>%n Datei gelesen</numerusform>
            <numerusform>%n Dateien gelesen</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading descriptors</source>
        <translation>Deskriptoren werden gelesen</translation>
    </message>
</context>
<context>
    <name>Portolan::Core::GitHubDispatchExecutor</name>
    <message>
        <source>The step needs repoUrl (github.com?owner=o&amp;repo=r)</source>
        <translation>Der Schritt braucht repoUrl (github.com?owner=o&amp;repo=r)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a repository URL like github.com?owner=o&amp;repo=r</source>
        <translation>„%1“ ist keine Repository-URL wie github.com?owner=o&amp;repo=r</translation>
    </message>
    <message>
        <source>repoUrl names the host %1, but the workspace&apos;s GitHub API is api.github.com: the workflow is dispatched there</source>
        <translation>repoUrl nennt den Host %1, aber die GitHub-API des Arbeitsbereichs ist api.github.com: Der Workflow wird dort ausgelöst</translation>
    </message>
    <message>
        <source>The step needs workflowId: the workflow&apos;s file name (deploy.yml) or id</source>
        <translation>Der Schritt braucht workflowId: den Dateinamen des Workflows (deploy.yml) oder seine ID</translation>
    </message>
    <message>
        <source>The step needs branchOrTagName: the branch or tag whose workflow file runs</source>
        <translation>Der Schritt braucht branchOrTagName: den Branch oder Tag, dessen Workflow-Datei ausgeführt wird</translation>
    </message>
    <message>
        <source>GitHub takes at most %1 workflow inputs; %2 are given</source>
        <translation>GitHub akzeptiert höchstens %1 Workflow-Eingaben; angegeben sind %2</translation>
    </message>
    <message>
        <source>A workflow input must be a string, number or boolean</source>
        <translation>Eine Workflow-Eingabe muss eine Zeichenkette, eine Zahl oder ein boolescher Wert sein</translation>
    </message>
    <message>
        <source>workflowInputs must be an object of input names and values</source>
        <translation>workflowInputs muss ein Objekt aus Eingabenamen und Werten sein</translation>
    </message>
    <message>
        <source>The workspace has no credential named &quot;%1&quot;</source>
        <translation>Der Arbeitsbereich hat keine Zugangsdaten namens „%1“</translation>
    </message>
    <message>
        <source>The GitHub credential &quot;%1&quot; of the workspace is not set</source>
        <translation>Die GitHub-Zugangsdaten „%1“ des Arbeitsbereichs sind nicht gesetzt</translation>
    </message>
    <message>
        <source>No GitHub credential: name one in `credential`, or add a github source to the workspace</source>
        <translation>Keine GitHub-Zugangsdaten: Nennen Sie welche in `credential`, oder fügen Sie dem Arbeitsbereich eine github-Quelle hinzu</translation>
    </message>
    <message>
        <source>waitForCompletion must be true or false</source>
        <translation>waitForCompletion muss true oder false sein</translation>
    </message>
    <message>
        <source>pollSeconds must be a number of seconds above 0 and at most %1</source>
        <translation>pollSeconds muss eine Sekundenzahl größer als 0 und höchstens %1 sein</translation>
    </message>
    <message>
        <source>timeoutMinutes must be a number of minutes above 0</source>
        <translation>timeoutMinutes muss eine Minutenzahl größer als 0 sein</translation>
    </message>
    <message>
        <source>dispatch workflow %1 of %2</source>
        <translation>den Workflow %1 in %2 auszulösen</translation>
    </message>
    <message>
        <source>list the runs of workflow %1 of %2</source>
        <translation>die Läufe des Workflows %1 in %2 aufzulisten</translation>
    </message>
    <message>
        <source>read workflow run %1 of %2</source>
        <translation>den Workflow-Lauf %1 in %2 zu lesen</translation>
    </message>
    <message>
        <source>cancel workflow run %1 of %2</source>
        <translation>den Workflow-Lauf %1 in %2 abzubrechen</translation>
    </message>
    <message>
        <source>GitHub did not accept the credential (HTTP 401)%1</source>
        <translation>GitHub hat die Zugangsdaten nicht akzeptiert (HTTP 401)%1</translation>
    </message>
    <message>
        <source>GitHub refused to %1 (HTTP 403)%2. The credential needs write access to the repository&apos;s Actions (the workflow scope for a classic token)</source>
        <translation>GitHub hat sich geweigert, %1 (HTTP 403)%2. Die Zugangsdaten brauchen Schreibzugriff auf die Actions des Repositorys (bei einem klassischen Token den Scope workflow)</translation>
    </message>
    <message>
        <source>GitHub knows no workflow &quot;%1&quot; in %2, or the credential cannot see that repository (HTTP 404)</source>
        <translation>GitHub kennt keinen Workflow „%1“ in %2, oder die Zugangsdaten haben keinen Zugriff auf dieses Repository (HTTP 404)</translation>
    </message>
    <message>
        <source>GitHub knows no workflow run %1 in %2 (HTTP 404)</source>
        <translation>GitHub kennt keinen Workflow-Lauf %1 in %2 (HTTP 404)</translation>
    </message>
    <message>
        <source>GitHub did not %1 (HTTP 409)%2</source>
        <translation>Es ist GitHub nicht gelungen, %1 (HTTP 409)%2</translation>
    </message>
    <message>
        <source>GitHub did not %1 (HTTP 422)%2</source>
        <translation>Es ist GitHub nicht gelungen, %1 (HTTP 422)%2</translation>
    </message>
    <message>
        <source>Could not %1: %2%3</source>
        <translation>Es war nicht möglich, %1: %2%3</translation>
    </message>
    <message>
        <source>Starts a GitHub Actions workflow (workflow_dispatch) and follows its run to the end</source>
        <translation>Startet einen GitHub-Actions-Workflow (workflow_dispatch) und verfolgt seinen Lauf bis zum Ende</translation>
    </message>
    <message>
        <source>Authorized with the token given in the step&apos;s input</source>
        <translation>Autorisiert mit dem Token aus der Eingabe des Schritts</translation>
    </message>
    <message>
        <source>Authorized with the GitHub credential &quot;%1&quot;</source>
        <translation>Autorisiert mit den GitHub-Zugangsdaten „%1“</translation>
    </message>
    <message>
        <source>Runs workflow %1 of %2 on %3</source>
        <translation>Führt den Workflow %1 in %2 auf %3 aus</translation>
    </message>
    <message>
        <source>The step follows the run (every %1 s) and fails unless it succeeds</source>
        <translation>Der Schritt verfolgt den Lauf (alle %1 s) und schlägt fehl, wenn dieser nicht erfolgreich ist</translation>
    </message>
    <message>
        <source>The step ends once the run is found; the run is followed on the run page</source>
        <translation>Der Schritt endet, sobald der Lauf gefunden ist; der Lauf wird auf der Seite „Ausführungen“ weiterverfolgt</translation>
    </message>
    <message>
        <source>Problem: %1 (%2)</source>
        <translation>Problem: %1 (%2)</translation>
    </message>
    <message>
        <source>Resumed: looking for the run an earlier attempt dispatched at %1</source>
        <translation>Fortgesetzt: Suche nach dem Lauf, den ein früherer Versuch um %1 ausgelöst hat</translation>
    </message>
    <message>
        <source>Found workflow run %1, started by the earlier attempt; not dispatching again</source>
        <translation>Workflow-Lauf %1 gefunden, vom früheren Versuch gestartet; der Workflow wird nicht erneut ausgelöst</translation>
    </message>
    <message>
        <source>GitHub accepted the dispatch of workflow %1 at %2, but no run of it on %3 shows up; see https://%4/%5/actions</source>
        <translation>GitHub hat das Auslösen des Workflows %1 um %2 angenommen, aber auf %3 ist kein Lauf davon zu sehen; siehe https://%4/%5/actions</translation>
    </message>
    <message>
        <source>No run of workflow %1 since %2: the earlier attempt&apos;s dispatch never reached GitHub; dispatching again</source>
        <translation>Kein Lauf des Workflows %1 seit %2: Das Auslösen durch den früheren Versuch hat GitHub nie erreicht; der Workflow wird erneut ausgelöst</translation>
    </message>
    <message>
        <source>Step &quot;%1&quot; has not started a workflow run</source>
        <translation>Schritt „%1“ hat keinen Workflow-Lauf gestartet</translation>
    </message>
    <message>
        <source>Step &quot;%1&quot; used a token of its own, which is not kept; there is no workspace GitHub credential to use instead</source>
        <translation>Schritt „%1“ hat ein eigenes Token verwendet, das nicht aufbewahrt wird; es gibt keine GitHub-Zugangsdaten des Arbeitsbereichs, die stattdessen verwendet werden könnten</translation>
    </message>
    <message>
        <source>The GitHub credential &quot;%1&quot; is not set</source>
        <translation>Die GitHub-Zugangsdaten „%1“ sind nicht gesetzt</translation>
    </message>
    <message>
        <source>Dispatching workflow %1 of %2 on %3</source>
        <translation>Workflow %1 in %2 wird auf %3 ausgelöst</translation>
    </message>
    <message>
        <source>This GitHub does not know return_run_details; dispatching without it</source>
        <translation>Diese GitHub-Instanz kennt return_run_details nicht; der Workflow wird ohne diesen Parameter ausgelöst</translation>
    </message>
    <message>
        <source>GitHub started workflow run %1: %2</source>
        <translation>GitHub hat den Workflow-Lauf %1 gestartet: %2</translation>
    </message>
    <message>
        <source>GitHub answered HTTP %1 without the run&apos;s id; looking for the run</source>
        <translation>GitHub antwortete mit HTTP %1 ohne die ID des Laufs; der Lauf wird gesucht</translation>
    </message>
    <message>
        <source>GitHub accepted the dispatch of workflow %1, but no run of it on %2 showed up; see https://%3/%4/actions</source>
        <translation>GitHub hat das Auslösen des Workflows %1 angenommen, aber auf %2 ist kein Lauf davon erschienen; siehe https://%3/%4/actions</translation>
    </message>
    <message>
        <source>Found workflow run %1: %2</source>
        <translation>Workflow-Lauf %1 gefunden: %2</translation>
    </message>
    <message>
        <source>Cancelled while looking for the workflow run</source>
        <translation>Bei der Suche nach dem Workflow-Lauf abgebrochen</translation>
    </message>
    <message>
        <source>No run since the dispatch has %1 as actor; taking the only one, started by %2</source>
        <translation>Seit dem Auslösen hat kein Lauf %1 als Akteur; der einzige Lauf, gestartet von %2, wird übernommen</translation>
    </message>
    <message>
        <source>Workflow run %1: %2</source>
        <translation>Workflow-Lauf %1: %2</translation>
    </message>
    <message>
        <source>Stopped following workflow run %1 while it was %2; it goes on on GitHub unless it is cancelled there: %3</source>
        <translation>Workflow-Lauf %1 wird nicht mehr verfolgt (Status: %2); er läuft auf GitHub weiter, sofern er dort nicht abgebrochen wird: %3</translation>
    </message>
    <message>
        <source>Workflow run %1 is still %2 after %3 minutes: %4</source>
        <translation>Workflow-Lauf %1 hat nach %3 Minuten noch den Status %2: %4</translation>
    </message>
    <message>
        <source>Could not read workflow run %1 (%2); trying again</source>
        <translation>Workflow-Lauf %1 konnte nicht gelesen werden (%2); neuer Versuch</translation>
    </message>
    <message>
        <source>Workflow run %1 #%2</source>
        <translation>Workflow-Lauf %1 #%2</translation>
    </message>
    <message>
        <source>Workflow run %1</source>
        <translation>Workflow-Lauf %1</translation>
    </message>
    <message>
        <source>Workflow run %1 ended with conclusion &quot;%2&quot;: %3</source>
        <translation>Workflow-Lauf %1 endete mit dem Ergebnis „%2“: %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>the team %1</source>
        <translation>das Team %1</translation>
    </message>
    <message>
        <source>an administrator of the repository</source>
        <translation>eine Administratorin oder ein Administrator des Repositorys</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>read the pending deployments of workflow run %1 of %2</source>
        <translation>die wartenden Deployments des Workflow-Laufs %1 von %2 zu lesen</translation>
    </message>
    <message>
        <source>review the pending deployments of workflow run %1 of %2</source>
        <translation>die wartenden Deployments des Workflow-Laufs %1 von %2 zu prüfen</translation>
    </message>
    <message>
        <source>GitHub refused to %1 (HTTP 403)%2. Only a required reviewer of the environment can approve or reject its deployments</source>
        <translation>GitHub hat sich geweigert, %1 (HTTP 403)%2. Nur erforderliche Prüfer der Umgebung können ihre Deployments genehmigen oder ablehnen</translation>
    </message>
    <message>
        <source>Workflow run %1 of %2 has no deployment waiting for a review</source>
        <translation>Workflow-Lauf %1 von %2 hat kein Deployment, das auf eine Prüfung wartet</translation>
    </message>
    <message>
        <source>You are not a required reviewer of the deployment of workflow run %1 to %2; %3 can review it</source>
        <translation>Sie sind nicht als Prüfer für das Deployment des Workflow-Laufs %1 nach %2 erforderlich; %3 kann es prüfen</translation>
    </message>
    <message>
        <source>Workflow run %1 waits for a review of its deployment to %2 by %3; it can be approved or rejected on GitHub, in Portolan&apos;s Inbox, or with portolan-cli approvals approve %4</source>
        <translation>Workflow-Lauf %1 wartet auf die Prüfung seines Deployments nach %2 durch %3; genehmigen oder ablehnen auf GitHub, im Posteingang von Portolan oder mit portolan-cli approvals approve %4</translation>
    </message>
</context>
<context>
    <name>Portolan::Core::GitHubSource</name>
    <message>
        <source>No network manager for the GitHub source</source>
        <translation>Kein Netzwerkmanager für die GitHub-Quelle</translation>
    </message>
    <message>
        <source>Listing repositories of %1</source>
        <translation>Repositorys von %1 werden aufgelistet</translation>
    </message>
    <message>
        <source>The GitHub token was refused; set a valid token for the credential &quot;%1&quot;</source>
        <translation>Das GitHub-Token wurde abgelehnt; setzen Sie ein gültiges Token für die Zugangsdaten „%1“</translation>
    </message>
    <message numerus="yes">
        <source>GitHub&apos;s secondary rate limit stopped the sync; it is tried again in %n second(s)</source>
        <translation>
            <numerusform>Das sekundäre Ratenlimit von GitHub hat die Synchronisierung angehalten; sie wird in %n Sekunde erneut versucht</numerusform>
            <numerusform>Das sekundäre Ratenlimit von GitHub hat die Synchronisierung angehalten; sie wird in %n Sekunden erneut versucht</numerusform>
        </translation>
    </message>
    <message>
        <source>GitHub pages the repository list in a loop at %1</source>
        <translation>GitHub blättert die Repository-Liste bei %1 im Kreis</translation>
    </message>
    <message>
        <source>GitHub does not know the %1 %2, or the token may not see it</source>
        <translation>GitHub kennt %1 %2 nicht, oder das Token hat keinen Zugriff darauf</translation>
    </message>
    <message>
        <source>user</source>
        <translation>den Benutzer</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>die Organisation</translation>
    </message>
    <message numerus="yes">
        <source>Listed %n repositories</source>
        <translation>
            <numerusform>%n Repository aufgelistet</numerusform>
            <numerusform>%n Repositorys aufgelistet</numerusform>
        </translation>
    </message>
    <message>
        <source>The repository %1 could not be read: %2</source>
        <translation>Das Repository %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>The Locations of %1 lead to more than %n files; the rest is not read</source>
        <translation>
            <numerusform>Die Locations von %1 führen zu mehr als %n Datei; der Rest wird nicht gelesen</numerusform>
            <numerusform>Die Locations von %1 führen zu mehr als %n Dateien; der Rest wird nicht gelesen</numerusform>
        </translation>
    </message>
    <message>
        <source>Location target %1 does not exist in %2</source>
        <translation>Das Location-Ziel %1 existiert in %2 nicht</translation>
    </message>
    <message>
        <source>Location target %1 in %2 could not be read: %3</source>
        <translation>Das Location-Ziel %1 in %2 konnte nicht gelesen werden: %3</translation>
    </message>
    <message>
        <source>Reading descriptors</source>
        <translation>Deskriptoren werden gelesen</translation>
    </message>
    <message>
        <source>%1 is described twice; the first one is kept</source>
        <translation>%1 ist doppelt beschrieben; die erste Beschreibung bleibt erhalten</translation>
    </message>
    <message>
        <source>Reading CI runs, pull requests and deployments</source>
        <translation>CI-Läufe, Pull-Requests und Deployments werden gelesen</translation>
    </message>
    <message>
        <source>The repository %1 was renamed to %2; update the annotation %3</source>
        <translation>Das Repository %1 wurde in %2 umbenannt; aktualisieren Sie die Annotation %3</translation>
    </message>
    <message>
        <source>%1 of %2 could not be read: %3</source>
        <translation>%1 von %2 nicht lesbar: %3</translation>
    </message>
    <message>
        <source>Workflow runs</source>
        <translation>Workflow-Läufe</translation>
    </message>
    <message>
        <source>Pull requests</source>
        <translation>Pull-Requests</translation>
    </message>
    <message>
        <source>Reviews and checks of some pull requests of %1 are not read yet: the rate limit is nearly used up</source>
        <translation>Reviews und Checks einiger Pull-Requests von %1 sind noch nicht gelesen: Das Ratenlimit ist fast ausgeschöpft</translation>
    </message>
    <message>
        <source>Reviews of pull request #%1</source>
        <translation>Reviews von Pull-Request #%1</translation>
    </message>
    <message>
        <source>Checks of pull request #%1</source>
        <translation>Checks von Pull-Request #%1</translation>
    </message>
    <message>
        <source>Status of pull request #%1</source>
        <translation>Status von Pull-Request #%1</translation>
    </message>
    <message>
        <source>Releases</source>
        <translation>Releases</translation>
    </message>
    <message>
        <source>Environments</source>
        <translation>Umgebungen</translation>
    </message>
    <message>
        <source>Deployments</source>
        <translation>Deployments</translation>
    </message>
    <message>
        <source>Deployment states of %1 are not read yet: the rate limit is nearly used up</source>
        <translation>Deployment-Status von %1 sind noch nicht gelesen: Das Ratenlimit ist fast ausgeschöpft</translation>
    </message>
    <message>
        <source>The status of deployment %1</source>
        <translation>Status von Deployment %1</translation>
    </message>
    <message>
        <source>the next hour</source>
        <translation>zur nächsten Stunde</translation>
    </message>
    <message numerus="yes">
        <source>%n repositories not read yet: the rate limit resets at %1</source>
        <translation>
            <numerusform>%n Repository noch nicht gelesen: Das Ratenlimit ist bis %1 ausgeschöpft</numerusform>
            <numerusform>%n Repositorys noch nicht gelesen: Das Ratenlimit ist bis %1 ausgeschöpft</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Insights of %n repositories not read yet: the rate limit resets at %1</source>
        <translation>
            <numerusform>Live-Daten von %n Repository noch nicht gelesen: Das Ratenlimit ist bis %1 ausgeschöpft</numerusform>
            <numerusform>Live-Daten von %n Repositorys noch nicht gelesen: Das Ratenlimit ist bis %1 ausgeschöpft</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entities from %1 repositories of %2</source>
        <translation>
            <numerusform>%n Entität aus %1 Repositorys von %2</numerusform>
            <numerusform>%n Entitäten aus %1 Repositorys von %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::Core::GitOpsPublishExecutor</name>
    <message>
        <source>Could not copy %1</source>
        <translation>%1 konnte nicht kopiert werden</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; leaves the repository</source>
        <translation>%1 „%2“ führt aus dem Repository hinaus</translation>
    </message>
    <message>
        <source>Commits rendered files to a git repository, then pushes or opens a pull request</source>
        <translation>Committet gerenderte Dateien in ein Git-Repository und pusht sie oder öffnet einen Pull-Request</translation>
    </message>
    <message>
        <source>mode must be push or pull-request, not &quot;%1&quot;</source>
        <translation>mode muss push oder pull-request sein, nicht „%1“</translation>
    </message>
    <message>
        <source>files must be a map of paths to contents</source>
        <translation>files muss eine Zuordnung von Pfaden zu Inhalten sein</translation>
    </message>
    <message>
        <source>The credential &quot;%1&quot; is not set</source>
        <translation>Die Zugangsdaten „%1“ sind nicht gesetzt</translation>
    </message>
    <message>
        <source>git push + pull request</source>
        <translation>git push + Pull-Request</translation>
    </message>
    <message>
        <source>git commit + push</source>
        <translation>git commit + push</translation>
    </message>
    <message>
        <source>default branch</source>
        <translation>Standard-Branch</translation>
    </message>
    <message>
        <source>The files of the run&apos;s workspace (from fetch steps) are committed under %1</source>
        <translation>Die Dateien des Arbeitsordners der Ausführung (aus fetch-Schritten) werden unter %1 committet</translation>
    </message>
    <message>
        <source>Commit message: %1</source>
        <translation>Commit-Nachricht: %1</translation>
    </message>
    <message>
        <source>A pull request is opened against %1</source>
        <translation>Ein Pull-Request gegen %1 wird geöffnet</translation>
    </message>
    <message>
        <source>The branch is pushed; this host has no pull request API Portolan uses</source>
        <translation>Der Branch wird gepusht; dieser Host hat keine Pull-Request-API, die Portolan nutzt</translation>
    </message>
    <message>
        <source>Cloning %1</source>
        <translation>%1 wird geklont</translation>
    </message>
    <message>
        <source>Could not clone %1</source>
        <translation>%1 konnte nicht geklont werden</translation>
    </message>
    <message>
        <source>Commit %1 is already on %2; not pushing again</source>
        <translation>Commit %1 ist bereits auf %2; es wird nicht erneut gepusht</translation>
    </message>
    <message>
        <source>The earlier attempt&apos;s commit is not on %1; committing again</source>
        <translation>Der Commit des früheren Versuchs ist nicht auf %1; es wird erneut committet</translation>
    </message>
    <message>
        <source>Could not create the branch %1</source>
        <translation>Der Branch %1 konnte nicht angelegt werden</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Staged %1</source>
        <translation>%1 vorgemerkt</translation>
    </message>
    <message>
        <source>git add failed</source>
        <translation>git add ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Nothing changed in %1; nothing to commit</source>
        <translation>In %1 hat sich nichts geändert; nichts zu committen</translation>
    </message>
    <message>
        <source>git commit failed</source>
        <translation>git commit ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Pushing %1 to %2 on %3</source>
        <translation>%1 wird nach %2 auf %3 gepusht</translation>
    </message>
    <message>
        <source>%1 moved on meanwhile; rebasing and pushing again</source>
        <translation>%1 hat sich inzwischen weiterbewegt; Rebase und erneuter Push</translation>
    </message>
    <message>
        <source>%1 moved on meanwhile and our change does not apply on it</source>
        <translation>%1 hat sich inzwischen weiterbewegt, und unsere Änderung lässt sich darauf nicht anwenden</translation>
    </message>
    <message>
        <source>The repository refused the push to %1</source>
        <translation>Das Repository hat den Push nach %1 abgelehnt</translation>
    </message>
    <message>
        <source>Could not read %1 of %2</source>
        <translation>%1 von %2 konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>merge %1</source>
        <translation>Merge %1</translation>
    </message>
    <message>
        <source>fast-forward of %1</source>
        <translation>Fast-Forward von %1</translation>
    </message>
    <message>
        <source>%1 has no review of its own</source>
        <translation>%1 kennt kein eigenes Review</translation>
    </message>
    <message>
        <source>No pull request from %1 is open on %2</source>
        <translation>Auf %2 ist kein Pull-Request von %1 offen</translation>
    </message>
    <message>
        <source>GitHub refused your review of pull request #%1: %2</source>
        <translation>GitHub hat Ihr Review von Pull-Request #%1 abgelehnt: %2</translation>
    </message>
    <message>
        <source>Approved pull request #%1 on GitHub: %2</source>
        <translation>Pull-Request #%1 auf GitHub genehmigt: %2</translation>
    </message>
    <message>
        <source>Requested changes on pull request #%1 on GitHub: %2</source>
        <translation>Änderungen an Pull-Request #%1 auf GitHub angefordert: %2</translation>
    </message>
    <message>
        <source>%1 is already merged into %2</source>
        <translation>%1 ist bereits in %2 gemergt</translation>
    </message>
    <message>
        <source>The approved change %1 is no longer on %2</source>
        <translation>Die genehmigte Änderung %1 ist nicht mehr auf %2</translation>
    </message>
    <message>
        <source>Merge approved change %1</source>
        <translation>Genehmigte Änderung %1 mergen</translation>
    </message>
    <message>
        <source>The approved change on %1 no longer merges into %2; merge it by hand</source>
        <translation>Die genehmigte Änderung auf %1 lässt sich nicht mehr in %2 mergen; mergen Sie sie von Hand</translation>
    </message>
    <message>
        <source>Merged %1 into %2</source>
        <translation>%1 in %2 gemergt</translation>
    </message>
    <message>
        <source>%1 kept moving; the approved change is not merged</source>
        <translation>%1 hat sich immer wieder bewegt; die genehmigte Änderung ist nicht gemergt</translation>
    </message>
    <message>
        <source>review %1 of pull request #%2</source>
        <translation>Review %1 von Pull-Request #%2</translation>
    </message>
    <message>
        <source>merge of pull request #%1</source>
        <translation>Merge von Pull-Request #%1</translation>
    </message>
    <message>
        <source>The step opened no pull request to merge</source>
        <translation>Der Schritt hat keinen Pull-Request zum Mergen geöffnet</translation>
    </message>
    <message>
        <source>Pull request #%1 is already merged</source>
        <translation>Pull-Request #%1 ist bereits gemergt</translation>
    </message>
    <message>
        <source>Pull request #%1 was closed without merging</source>
        <translation>Pull-Request #%1 wurde ohne Merge geschlossen</translation>
    </message>
    <message>
        <source>Merge approved change %1 (#%2)</source>
        <translation>Genehmigte Änderung %1 mergen (#%2)</translation>
    </message>
    <message>
        <source>GitHub would not merge pull request #%1: %2</source>
        <translation>GitHub hat den Merge von Pull-Request #%1 verweigert: %2</translation>
    </message>
    <message>
        <source>Merged pull request #%1 on GitHub (%2)</source>
        <translation>Pull-Request #%1 auf GitHub gemergt (%2)</translation>
    </message>
    <message>
        <source>Change made with Portolan</source>
        <translation>Mit Portolan vorgenommene Änderung</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>Pushed the branch %1; %2 has no pull request API Portolan uses, so open the review there</source>
        <translation>Branch %1 gepusht; %2 hat keine Pull-Request-API, die Portolan nutzt, öffnen Sie das Review dort</translation>
    </message>
    <message>
        <source>Pull request #%1</source>
        <translation>Pull-Request #%1</translation>
    </message>
    <message>
        <source>Pull request #%1 is already open</source>
        <translation>Pull-Request #%1 ist bereits offen</translation>
    </message>
    <message>
        <source>GitHub refused to open the pull request: %1</source>
        <translation>GitHub hat das Öffnen des Pull-Requests abgelehnt: %1</translation>
    </message>
    <message>
        <source>Opened pull request #%1: %2</source>
        <translation>Pull-Request #%1 geöffnet: %2</translation>
    </message>
    <message>
        <source>repoUrl is required</source>
        <translation>repoUrl ist erforderlich</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid local repository name</source>
        <translation>„%1“ ist kein gültiger Name für ein lokales Repository</translation>
    </message>
    <message>
        <source>repoUrl &quot;%1&quot; names no owner and repository</source>
        <translation>repoUrl „%1“ nennt weder Eigentümer noch Repository</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>The git command could not be started; install git</source>
        <translation>Der Befehl git konnte nicht gestartet werden; installieren Sie git</translation>
    </message>
    <message>
        <source>Could not create the local repository %1</source>
        <translation>Das lokale Repository %1 konnte nicht angelegt werden</translation>
    </message>
</context>
<context>
    <name>Portolan::Core::GitSource</name>
    <message>
        <source>Fetching %1</source>
        <translation>%1 wird abgerufen</translation>
    </message>
    <message>
        <source>Reading descriptors</source>
        <translation>Deskriptoren werden gelesen</translation>
    </message>
    <message numerus="yes">
        <source>%n entities at commit %1</source>
        <translation>
            <numerusform>%n Entität bei Commit %1</numerusform>
            <numerusform>%n Entitäten bei Commit %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No change at commit %1</source>
        <translation>Keine Änderung bei Commit %1</translation>
    </message>
</context>
<context>
    <name>Portolan::Core::HttpJsonSource</name>
    <message>
        <source>Reading the mapping</source>
        <translation>Lese die Zuordnung</translation>
    </message>
    <message>
        <source>The next page of %1 is a page read before: %2; the list would never end</source>
        <translation>Die nächste Seite von %1 wurde schon gelesen: %2; die Liste würde nie enden</translation>
    </message>
    <message>
        <source>%1 has more than %2 pages; raise maxPages to read them all</source>
        <translation>%1 hat mehr als %2 Seiten; erhöhen Sie maxPages, um alle zu lesen</translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>Lese %1</translation>
    </message>
    <message>
        <source>Two objects make the entity %1; the first one is kept</source>
        <translation>Zwei Objekte ergeben die Entität %1; die erste wird behalten</translation>
    </message>
    <message numerus="yes">
        <source>%n entities</source>
        <translation>
            <numerusform>%n Entität</numerusform>
            <numerusform>%n Entitäten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n objects</source>
        <translation>
            <numerusform>%n Objekt</numerusform>
            <numerusform>%n Objekte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pages</source>
        <translation>
            <numerusform>%n Seite</numerusform>
            <numerusform>%n Seiten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::Core::HttpRequestExecutor</name>
    <message>
        <source>The request needs a url</source>
        <translation>Die Anfrage braucht eine url</translation>
    </message>
    <message>
        <source>url must be a string, not %1</source>
        <translation>url muss eine Zeichenkette sein, nicht %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an http or https URL</source>
        <translation>„%1“ ist keine http- oder https-URL</translation>
    </message>
    <message>
        <source>The url carries a user name or password; name a workspace credential in `credential` instead</source>
        <translation>Die url enthält einen Benutzernamen oder ein Passwort; nennen Sie stattdessen in `credential` Zugangsdaten des Arbeitsbereichs</translation>
    </message>
    <message>
        <source>method must be one of %1</source>
        <translation>method muss eines von %1 sein</translation>
    </message>
    <message>
        <source>contentType must be a string</source>
        <translation>contentType muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>The workspace has no credential named &quot;%1&quot;</source>
        <translation>Der Arbeitsbereich hat keine Zugangsdaten namens „%1“</translation>
    </message>
    <message>
        <source>credential must name a workspace credential</source>
        <translation>credential muss Zugangsdaten des Arbeitsbereichs nennen</translation>
    </message>
    <message>
        <source>The signature needs the credential that holds its HMAC secret</source>
        <translation>Die Signatur braucht die Zugangsdaten, die ihr HMAC-Secret enthalten</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid header name</source>
        <translation>„%1“ ist kein gültiger Header-Name</translation>
    </message>
    <message>
        <source>The signature algorithm must be sha256 or sha512</source>
        <translation>Der Signaturalgorithmus muss sha256 oder sha512 sein</translation>
    </message>
    <message>
        <source>signature must be an object {credential, header, algorithm}</source>
        <translation>signature muss ein Objekt {credential, header, algorithm} sein</translation>
    </message>
    <message>
        <source>The step sets the %1 header itself</source>
        <translation>Der Schritt setzt den Header %1 selbst</translation>
    </message>
    <message>
        <source>An Authorization header and a credential cannot both be given</source>
        <translation>Ein Authorization-Header und Zugangsdaten können nicht zugleich angegeben werden</translation>
    </message>
    <message>
        <source>The %1 header carries the signature</source>
        <translation>Der Header %1 enthält die Signatur</translation>
    </message>
    <message>
        <source>A header value must be a string, number or boolean</source>
        <translation>Ein Header-Wert muss eine Zeichenkette, eine Zahl oder ein boolescher Wert sein</translation>
    </message>
    <message>
        <source>A header value cannot span lines</source>
        <translation>Ein Header-Wert darf nicht über mehrere Zeilen gehen</translation>
    </message>
    <message>
        <source>Content-Type is given twice (contentType and headers)</source>
        <translation>Content-Type ist doppelt angegeben (contentType und headers)</translation>
    </message>
    <message>
        <source>headers must be an object of header names and values</source>
        <translation>headers muss ein Objekt aus Header-Namen und -Werten sein</translation>
    </message>
    <message>
        <source>A %1 request carries no body</source>
        <translation>Eine %1-Anfrage hat keinen Body</translation>
    </message>
    <message>
        <source>expectedStatus must be an HTTP status (100-599) or a list of them</source>
        <translation>expectedStatus muss ein HTTP-Status (100-599) oder eine Liste davon sein</translation>
    </message>
    <message>
        <source>timeoutSeconds must be a number of seconds from 1 to %1</source>
        <translation>timeoutSeconds muss eine Sekundenzahl von 1 bis %1 sein</translation>
    </message>
    <message>
        <source>a 2xx status</source>
        <translation>ein 2xx-Status</translation>
    </message>
    <message>
        <source>Sends one HTTP request (a webhook, an internal API) with an Idempotency-Key, optionally signed with HMAC-SHA256</source>
        <translation>Sendet eine HTTP-Anfrage (an einen Webhook, eine interne API) mit Idempotency-Key, optional mit HMAC-SHA256 signiert</translation>
    </message>
    <message>
        <source>&lt;step id&gt;</source>
        <translation>&lt;step id&gt;</translation>
    </message>
    <message>
        <source>Authorized with the bearer token of credential &quot;%1&quot;</source>
        <translation>Autorisiert mit dem Bearer-Token der Zugangsdaten „%1“</translation>
    </message>
    <message>
        <source>Signed with HMAC-%1 of the body, keyed with credential &quot;%2&quot;, in %3</source>
        <translation>Mit HMAC-%1 über den Body signiert, Schlüssel aus den Zugangsdaten „%2“, in %3</translation>
    </message>
    <message>
        <source>The Idempotency-Key lets the receiver drop a repeat when a resumed run sends the request again</source>
        <translation>Mit dem Idempotency-Key kann der Empfänger eine Wiederholung verwerfen, wenn eine fortgesetzte Ausführung die Anfrage erneut sendet</translation>
    </message>
    <message>
        <source>The step fails unless the answer is %1</source>
        <translation>Der Schritt ist nur erfolgreich, wenn die Antwort %1 ist</translation>
    </message>
    <message>
        <source>Problem: %1 (%2)</source>
        <translation>Problem: %1 (%2)</translation>
    </message>
    <message>
        <source>An earlier attempt may have delivered this request already; sending it again with the same Idempotency-Key %1, so the receiver can drop the repeat</source>
        <translation>Ein früherer Versuch hat diese Anfrage womöglich schon zugestellt; sie wird mit demselben Idempotency-Key %1 erneut gesendet, damit der Empfänger die Wiederholung verwerfen kann</translation>
    </message>
    <message>
        <source>%1 %2 (Idempotency-Key %3%4)</source>
        <translation>%1 %2 (Idempotency-Key %3%4)</translation>
    </message>
    <message>
        <source>, signed in %1</source>
        <translation>, signiert in %1</translation>
    </message>
    <message>
        <source>HTTP %1, as expected</source>
        <translation>HTTP %1, wie erwartet</translation>
    </message>
    <message>
        <source>%1 %2 answered HTTP %3; the step expects %4</source>
        <translation>%1 %2 antwortete mit HTTP %3; der Schritt erwartet %4</translation>
    </message>
    <message>
        <source>%1 %2 answered HTTP %3; the step expects %4: %5</source>
        <translation>%1 %2 antwortete mit HTTP %3; der Schritt erwartet %4: %5</translation>
    </message>
    <message>
        <source>HTTP %1: not %2</source>
        <translation>HTTP %1: nicht %2</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>%1 %2: HTTP %3</source>
        <translation>%1 %2: HTTP %3</translation>
    </message>
</context>
<context>
    <name>Portolan::Core::KubeCredentials</name>
    <message>
        <source>The token file of user &quot;%1&quot; cannot be read or is empty</source>
        <translation>Die Token-Datei des Benutzers „%1“ ist nicht lesbar oder leer</translation>
    </message>
    <message>
        <source>The credential plugin of user &quot;%1&quot; asks for the unsupported apiVersion &quot;%2&quot;</source>
        <translation>Das Credential-Plugin des Benutzers „%1“ verlangt die nicht unterstützte apiVersion „%2“</translation>
    </message>
    <message>
        <source>The credential plugin of user &quot;%1&quot; needs a terminal (interactiveMode: Always)</source>
        <translation>Das Credential-Plugin des Benutzers „%1“ braucht ein Terminal (interactiveMode: Always)</translation>
    </message>
    <message>
        <source>The credential plugin &quot;%1&quot; of user &quot;%2&quot; was not found</source>
        <translation>Das Credential-Plugin „%1“ des Benutzers „%2“ wurde nicht gefunden</translation>
    </message>
    <message>
        <source>The credential plugin &quot;%1&quot; of user &quot;%2&quot; was not found. %3</source>
        <translation>Das Credential-Plugin „%1“ des Benutzers „%2“ wurde nicht gefunden. %3</translation>
    </message>
    <message>
        <source>The credential plugin &quot;%1&quot; of user &quot;%2&quot; could not be started</source>
        <translation>Das Credential-Plugin „%1“ des Benutzers „%2“ konnte nicht gestartet werden</translation>
    </message>
    <message numerus="yes">
        <source>The credential plugin &quot;%1&quot; of user &quot;%2&quot; did not answer within %n second(s)</source>
        <translation>
            <numerusform>Das Credential-Plugin „%1“ des Benutzers „%2“ hat nicht innerhalb von %n Sekunde geantwortet</numerusform>
            <numerusform>Das Credential-Plugin „%1“ des Benutzers „%2“ hat nicht innerhalb von %n Sekunden geantwortet</numerusform>
        </translation>
    </message>
    <message>
        <source>The credential plugin &quot;%1&quot; of user &quot;%2&quot; printed more than %3 MiB</source>
        <translation>Das Credential-Plugin „%1“ des Benutzers „%2“ hat mehr als %3 MiB ausgegeben</translation>
    </message>
    <message>
        <source>The credential plugin &quot;%1&quot; of user &quot;%2&quot; crashed</source>
        <translation>Das Credential-Plugin „%1“ des Benutzers „%2“ ist abgestürzt</translation>
    </message>
    <message>
        <source>The credential plugin &quot;%1&quot; of user &quot;%2&quot; failed with exit code %3</source>
        <translation>Das Credential-Plugin „%1“ des Benutzers „%2“ ist mit Exit-Code %3 fehlgeschlagen</translation>
    </message>
    <message>
        <source>The credential plugin &quot;%1&quot; of user &quot;%2&quot; did not print a valid ExecCredential</source>
        <translation>Das Credential-Plugin „%1“ des Benutzers „%2“ hat kein gültiges ExecCredential ausgegeben</translation>
    </message>
    <message>
        <source>The credential plugin &quot;%1&quot; of user &quot;%2&quot; answered with apiVersion &quot;%3&quot; instead of &quot;%4&quot;</source>
        <translation>Das Credential-Plugin „%1“ des Benutzers „%2“ antwortete mit apiVersion „%3“ statt „%4“</translation>
    </message>
</context>
<context>
    <name>Portolan::Core::KubernetesApplyExecutor</name>
    <message>
        <source>The manifest has more than %1 values (with aliases expanded)</source>
        <translation>Das Manifest hat mehr als %1 Werte (mit aufgelösten Aliasen)</translation>
    </message>
    <message>
        <source>The manifest nests deeper than %1 levels</source>
        <translation>Das Manifest ist tiefer als %1 Ebenen verschachtelt</translation>
    </message>
    <message>
        <source>A key of the manifest is not a plain value</source>
        <translation>Ein Schlüssel des Manifests ist kein einfacher Wert</translation>
    </message>
    <message>
        <source>A merge key (&lt;&lt;) must name a mapping</source>
        <translation>Ein Merge-Schlüssel (&lt;&lt;) muss auf eine Abbildung verweisen</translation>
    </message>
    <message>
        <source>The key &quot;%1&quot; is written twice</source>
        <translation>Der Schlüssel „%1“ kommt doppelt vor</translation>
    </message>
    <message>
        <source>%1 has no JSON form</source>
        <translation>%1 hat keine JSON-Darstellung</translation>
    </message>
    <message>
        <source>Document %1 of the manifest is not an object</source>
        <translation>Dokument %1 des Manifests ist kein Objekt</translation>
    </message>
    <message>
        <source>An item of the List in document %1 is not an object</source>
        <translation>Ein Element der List-Ressource in Dokument %1 ist kein Objekt</translation>
    </message>
    <message>
        <source>The manifest is larger than %1 MiB</source>
        <translation>Das Manifest ist größer als %1 MiB</translation>
    </message>
    <message>
        <source>The manifest is not valid YAML</source>
        <translation>Das Manifest ist kein gültiges YAML</translation>
    </message>
    <message>
        <source>The manifest could not be read</source>
        <translation>Das Manifest konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>The step needs a manifest: YAML text, an object or a list of objects</source>
        <translation>Der Schritt braucht ein Manifest: YAML-Text, ein Objekt oder eine Liste von Objekten</translation>
    </message>
    <message>
        <source>The manifest holds no object</source>
        <translation>Das Manifest enthält kein Objekt</translation>
    </message>
    <message>
        <source>context must name a kubeconfig context</source>
        <translation>context muss einen Kontext der kubeconfig nennen</translation>
    </message>
    <message>
        <source>namespace must be a string</source>
        <translation>namespace muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>fieldManager must be a name of 1 to %1 characters</source>
        <translation>fieldManager muss ein Name mit 1 bis %1 Zeichen sein</translation>
    </message>
    <message>
        <source>%1 must be true or false</source>
        <translation>%1 muss true oder false sein</translation>
    </message>
    <message>
        <source>The kubeconfig has no context &quot;%1&quot;; it has %2</source>
        <translation>Die kubeconfig hat keinen Kontext „%1“; sie enthält %2</translation>
    </message>
    <message>
        <source>Document %1: %2</source>
        <translation>Dokument %1: %2</translation>
    </message>
    <message>
        <source>an object needs apiVersion and kind</source>
        <translation>ein Objekt braucht apiVersion und kind</translation>
    </message>
    <message>
        <source>%1: server-side apply needs metadata.name; generateName is not supported</source>
        <translation>%1: Server-Side Apply braucht metadata.name; generateName wird nicht unterstützt</translation>
    </message>
    <message>
        <source>%1 has no metadata.name</source>
        <translation>%1 hat kein metadata.name</translation>
    </message>
    <message>
        <source>%1 %2 is in namespace &quot;%3&quot;, not in the step&apos;s namespace &quot;%4&quot;</source>
        <translation>%1 %2 liegt im Namespace „%3“, nicht im Namespace „%4“ des Schritts</translation>
    </message>
    <message>
        <source>Cancelled while getting the cluster&apos;s credentials</source>
        <translation>Abgebrochen beim Abrufen der Zugangsdaten des Clusters</translation>
    </message>
    <message>
        <source>The cluster of context %1 did not accept the credential (HTTP 401): %2</source>
        <translation>Der Cluster von Kontext %1 hat die Zugangsdaten nicht akzeptiert (HTTP 401): %2</translation>
    </message>
    <message>
        <source>The cluster refused to apply %1 (HTTP 403): %2</source>
        <translation>Der Cluster hat das Anwenden von %1 verweigert (HTTP 403): %2</translation>
    </message>
    <message>
        <source>The cluster could not apply %1 (HTTP 404): %2</source>
        <translation>Der Cluster konnte %1 nicht anwenden (HTTP 404): %2</translation>
    </message>
    <message>
        <source>Applying %1 conflicts (HTTP 409): %2</source>
        <translation>Das Anwenden von %1 führt zu einem Konflikt (HTTP 409): %2</translation>
    </message>
    <message>
        <source>Applying %1 conflicts with another field manager (HTTP 409): %2. Set `force: true` to take the conflicting fields over</source>
        <translation>Das Anwenden von %1 steht im Konflikt mit einem anderen Field Manager (HTTP 409): %2. Setzen Sie `force: true`, um die betroffenen Felder zu übernehmen</translation>
    </message>
    <message>
        <source>The cluster does not take server-side apply (HTTP 415): %1</source>
        <translation>Der Cluster unterstützt kein Server-Side Apply (HTTP 415): %1</translation>
    </message>
    <message>
        <source>The cluster found %1 invalid (HTTP 422): %2</source>
        <translation>Der Cluster hält %1 für ungültig (HTTP 422): %2</translation>
    </message>
    <message>
        <source>Applying %1 failed: %2 (%3)</source>
        <translation>Das Anwenden von %1 ist fehlgeschlagen: %2 (%3)</translation>
    </message>
    <message>
        <source>(%1 of %2 objects were applied before it)</source>
        <translation>(%1 von %2 Objekten wurden davor angewendet)</translation>
    </message>
    <message>
        <source>Applies a Kubernetes manifest to a kubeconfig context with server-side apply</source>
        <translation>Wendet ein Kubernetes-Manifest per Server-Side Apply auf einen Kontext der kubeconfig an</translation>
    </message>
    <message>
        <source>server-side apply (dry run)</source>
        <translation>Server-Side Apply (Probelauf)</translation>
    </message>
    <message>
        <source>server-side apply</source>
        <translation>Server-Side Apply</translation>
    </message>
    <message>
        <source>unknown server</source>
        <translation>unbekannter Server</translation>
    </message>
    <message>
        <source>context %1 (%2)</source>
        <translation>Kontext %1 (%2)</translation>
    </message>
    <message>
        <source>current</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <source>%1 (%2): its path is found through the cluster&apos;s API discovery</source>
        <translation>%1 (%2): Der Pfad wird über die API-Discovery des Clusters ermittelt</translation>
    </message>
    <message>
        <source>Sent as Content-Type %1, field manager &quot;%2&quot;</source>
        <translation>Gesendet als Content-Type %1, Field Manager „%2“</translation>
    </message>
    <message>
        <source>force: fields another field manager owns are taken over</source>
        <translation>force: Felder, die einem anderen Field Manager gehören, werden übernommen</translation>
    </message>
    <message>
        <source>Dry run: the cluster checks the objects and changes nothing</source>
        <translation>Probelauf: Der Cluster prüft die Objekte und ändert nichts</translation>
    </message>
    <message>
        <source>Problem: %1 (%2)</source>
        <translation>Problem: %1 (%2)</translation>
    </message>
    <message>
        <source>No kubeconfig context to apply to</source>
        <translation>Kein Kontext der kubeconfig, auf den angewendet werden kann</translation>
    </message>
    <message>
        <source>kubeconfig: %1</source>
        <translation>kubeconfig: %1</translation>
    </message>
    <message>
        <source>Resumed: applying every object again (server-side apply is idempotent)</source>
        <translation>Fortgesetzt: Alle Objekte werden erneut angewendet (Server-Side Apply ist idempotent)</translation>
    </message>
    <message numerus="yes">
        <source>Applying %n object(s) to context %1 (%2) as field manager &quot;%3&quot;%4</source>
        <translation>
            <numerusform>%n Objekt wird als Field Manager „%3“ auf Kontext %1 (%2) angewendet%4</numerusform>
            <numerusform>%n Objekte werden als Field Manager „%3“ auf Kontext %1 (%2) angewendet%4</numerusform>
        </translation>
    </message>
    <message>
        <source>, dry run</source>
        <translation>, Probelauf</translation>
    </message>
    <message>
        <source>Cancelled after %1 of %2 objects</source>
        <translation>Abgebrochen nach %1 von %2 Objekten</translation>
    </message>
    <message>
        <source>The cluster did not accept the credential; getting it again</source>
        <translation>Der Cluster hat die Zugangsdaten nicht akzeptiert; sie werden neu abgerufen</translation>
    </message>
    <message>
        <source>%1: failed</source>
        <translation>%1: fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1: %2 (resourceVersion %3)%4</source>
        <translation>%1: %2 (resourceVersion %3)%4</translation>
    </message>
    <message>
        <source>created</source>
        <translation>erstellt</translation>
    </message>
    <message>
        <source>configured</source>
        <translation>konfiguriert</translation>
    </message>
    <message>
        <source>The cluster serves no API %1, so it cannot take %2</source>
        <translation>Der Cluster stellt keine API %1 bereit und kann %2 daher nicht annehmen</translation>
    </message>
    <message>
        <source>Could not look up where the cluster serves %1: %2</source>
        <translation>Es konnte nicht ermittelt werden, wo der Cluster %1 bereitstellt: %2</translation>
    </message>
    <message>
        <source>The cluster&apos;s API %1 has no kind %2 (for %3)</source>
        <translation>Die API %1 des Clusters hat keine Art %2 (für %3)</translation>
    </message>
    <message>
        <source>Deletes the Kubernetes objects a manifest names from a kubeconfig context</source>
        <translation>Löscht die Kubernetes-Objekte, die ein Manifest nennt, aus einem kubeconfig-Kontext</translation>
    </message>
    <message>
        <source>delete (dry run)</source>
        <translation>Löschen (Probelauf)</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>No kubeconfig context to delete from</source>
        <translation>Kein kubeconfig-Kontext zum Löschen</translation>
    </message>
    <message numerus="yes">
        <source>Deleting %n object(s) from context %1 (%2)%3</source>
        <translation>
            <numerusform>%n Objekt wird aus Kontext %1 (%2) gelöscht%3</numerusform>
            <numerusform>%n Objekte werden aus Kontext %1 (%2) gelöscht%3</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: gone already</source>
        <translation>%1: bereits entfernt</translation>
    </message>
    <message>
        <source>%1: deleted%2</source>
        <translation>%1: gelöscht%2</translation>
    </message>
    <message>
        <source>%1: deleted, %2%3</source>
        <translation>%1: gelöscht, %2%3</translation>
    </message>
    <message>
        <source>The cluster refused to delete %1 (HTTP 403): %2</source>
        <translation>Der Cluster hat das Löschen von %1 verweigert (HTTP 403): %2</translation>
    </message>
    <message>
        <source>Deleting %1 failed: %2 (%3)</source>
        <translation>Löschen von %1 fehlgeschlagen: %2 (%3)</translation>
    </message>
    <message>
        <source>(%1 of %2 objects were deleted before it)</source>
        <translation>(%1 von %2 Objekten wurden davor gelöscht)</translation>
    </message>
</context>
<context>
    <name>Portolan::Core::KubernetesSource</name>
    <message>
        <source>The kubernetes source %1: kubeconfig must be a path or a list of paths</source>
        <translation>Kubernetes-Quelle %1: kubeconfig muss ein Pfad oder eine Liste von Pfaden sein</translation>
    </message>
    <message>
        <source>The kubernetes source %1: contexts must be a list of kubeconfig context names</source>
        <translation>Kubernetes-Quelle %1: contexts muss eine Liste von Kontextnamen der kubeconfig sein</translation>
    </message>
    <message>
        <source>The kubernetes source %1: namespaces must be a list of namespace names</source>
        <translation>Kubernetes-Quelle %1: namespaces muss eine Liste von Namespace-Namen sein</translation>
    </message>
    <message>
        <source>The kubernetes source %1: environments must map context names to display names</source>
        <translation>Kubernetes-Quelle %1: environments muss Kontextnamen Anzeigenamen zuordnen</translation>
    </message>
    <message>
        <source>The kubernetes source %1: the environment name of context %2 must be text</source>
        <translation>Kubernetes-Quelle %1: Der Umgebungsname des Kontexts %2 muss Text sein</translation>
    </message>
    <message>
        <source>No network manager for %1</source>
        <translation>Kein Netzwerkmanager für %1</translation>
    </message>
    <message>
        <source>The kubeconfig %1 sets no current context; name the contexts to read in the source&apos;s options</source>
        <translation>Die kubeconfig %1 setzt keinen aktuellen Kontext; nennen Sie die zu lesenden Kontexte in den Optionen der Quelle</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Verbindung wird hergestellt</translation>
    </message>
    <message>
        <source>Listed %1 on %2</source>
        <translation>%1 auf %2 aufgelistet</translation>
    </message>
    <message>
        <source>Listed %1 in %2 on %3</source>
        <translation>%1 in %2 auf %3 aufgelistet</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>The context %1 could not be read: %2</source>
        <translation>Der Kontext %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>No context could be read</source>
        <translation>Kein Kontext konnte gelesen werden</translation>
    </message>
    <message numerus="yes">
        <source>None of the %n contexts could be read; the last: %1</source>
        <translation>
            <numerusform>Der Kontext konnte nicht gelesen werden: %1</numerusform>
            <numerusform>Keiner der %n Kontexte konnte gelesen werden; der letzte: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n context(s), %1 pods, %2 entities with runtime</source>
        <translation>
            <numerusform>%n Kontext, %1 Pods, %2 Entitäten mit Laufzeitdaten</numerusform>
            <numerusform>%n Kontexte, %1 Pods, %2 Entitäten mit Laufzeitdaten</numerusform>
        </translation>
    </message>
    <message>
        <source>Listed namespaces on %1</source>
        <translation>Namespaces auf %1 aufgelistet</translation>
    </message>
    <message numerus="yes">
        <source>%n namespace(s) with a time to live</source>
        <translation>
            <numerusform>%n Namespace mit Lebensdauer</numerusform>
            <numerusform>%n Namespaces mit Lebensdauer</numerusform>
        </translation>
    </message>
    <message>
        <source>Namespaces with a time to live on %1 are not shown: %2</source>
        <translation>Namespaces mit Lebensdauer auf %1 werden nicht angezeigt: %2</translation>
    </message>
</context>
<context>
    <name>Portolan::Core::MonitoringSource</name>
    <message>
        <source>Reading %1</source>
        <translation>Lese %1</translation>
    </message>
    <message>
        <source>The metric %1 could not be read (%2): %3</source>
        <translation>Die Metrik %1 konnte nicht gelesen werden (%2): %3</translation>
    </message>
    <message>
        <source>The metric %1 (%2): %3</source>
        <translation>Die Metrik %1 (%2): %3</translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) of the label &quot;%1&quot; name no entity in the catalog: %2</source>
        <translation>
            <numerusform>%n Wert des Labels „%1“ benennt keine Entität im Katalog: %2</numerusform>
            <numerusform>%n Werte des Labels „%1“ benennen keine Entität im Katalog: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Name a component, resource or system after the value, or set the annotation %1 on the entity the value stands for.</source>
        <translation>Benennen Sie eine Komponente, Ressource oder ein System nach dem Wert, oder setzen Sie die Annotation %1 an der Entität, für die der Wert steht.</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s)</source>
        <translation>
            <numerusform>%n Alarm</numerusform>
            <numerusform>%n Alarme</numerusform>
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
        <source>%n series</source>
        <translation>
            <numerusform>%n Zeitreihe</numerusform>
            <numerusform>%n Zeitreihen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::Core::OpenCostSource</name>
    <message>
        <source>Reading the costs of the last %1</source>
        <translation>Lese die Kosten der letzten %1</translation>
    </message>
    <message numerus="yes">
        <source>%n allocation(s) name no entity in the catalog: %1</source>
        <translation>
            <numerusform>%n Allokation benennt keine Entität im Katalog: %1</numerusform>
            <numerusform>%n Allokationen benennen keine Entität im Katalog: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Set backstage.io/kubernetes-namespace or %1 on the entity an allocation stands for.</source>
        <translation>Setzen Sie backstage.io/kubernetes-namespace oder %1 an der Entität, für die eine Allokation steht.</translation>
    </message>
    <message numerus="yes">
        <source>%n entities</source>
        <translation>
            <numerusform>%n Entität</numerusform>
            <numerusform>%n Entitäten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::Core::RunStore</name>
    <message>
        <source>Could not store the run of %1</source>
        <translation>Die Ausführung von %1 konnte nicht abgelegt werden</translation>
    </message>
    <message>
        <source>Could not save the run of %1</source>
        <translation>Die Ausführung von %1 konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Run %1 is not in the cache</source>
        <translation>Die Ausführung %1 ist nicht im Cache</translation>
    </message>
    <message>
        <source>Could not read the action runs</source>
        <translation>Die Ausführungen der Aktionen konnten nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>Portolan::Core::StepExecutor</name>
    <message>
        <source>Step &quot;%1&quot; (%2) cannot be cancelled on the platform</source>
        <translation>Schritt „%1“ (%2) kann auf der Plattform nicht abgebrochen werden</translation>
    </message>
    <message>
        <source>Step &quot;%1&quot; (%2) does not wait for a review on the platform</source>
        <translation>Schritt „%1“ (%2) wartet auf keine Prüfung auf der Plattform</translation>
    </message>
    <message>
        <source>%1 makes no change that is reviewed on a platform</source>
        <translation>%1 macht keine Änderung, die auf einer Plattform geprüft wird</translation>
    </message>
</context>
<context>
    <name>Portolan::Core::SyncService</name>
    <message>
        <source>The cache could not be read and was moved to %1; a new one was started</source>
        <translation>Der Cache war nicht lesbar und wurde nach %1 verschoben; ein neuer wurde angelegt</translation>
    </message>
    <message>
        <source>Not in the configuration (kept while portolan.yaml has errors)</source>
        <translation>Nicht in der Konfiguration (bleibt erhalten, solange portolan.yaml Fehler hat)</translation>
    </message>
    <message>
        <source>There is no source &quot;%1&quot; in this workspace</source>
        <translation>In diesem Arbeitsbereich gibt es keine Quelle „%1“</translation>
    </message>
    <message>
        <source>No such source</source>
        <translation>Keine solche Quelle</translation>
    </message>
    <message>
        <source>No source holds the entity %1</source>
        <translation>Keine Quelle enthält die Entität %1</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Sources of type &quot;%1&quot; are not supported</source>
        <translation>Quellen vom Typ „%1“ werden nicht unterstützt</translation>
    </message>
    <message>
        <source>Cancelled; the last good data is kept</source>
        <translation>Abgebrochen; die letzten guten Daten bleiben erhalten</translation>
    </message>
    <message>
        <source>Held back: this sync would remove %1 of %2 entities; accept or reject it</source>
        <translation>Zurückgehalten: Diese Synchronisierung würde %1 von %2 Entitäten entfernen; übernehmen oder verwerfen Sie sie</translation>
    </message>
    <message>
        <source>Syncing %1: %2</source>
        <translation>%1 wird synchronisiert: %2</translation>
    </message>
    <message>
        <source>Pulling the workspace configuration</source>
        <translation>Konfiguration des Arbeitsbereichs wird geholt</translation>
    </message>
    <message numerus="yes">
        <source>Syncing %n source(s)</source>
        <translation>
            <numerusform>%n Quelle wird synchronisiert</numerusform>
            <numerusform>%n Quellen werden synchronisiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Deletions rejected; the last good data is kept</source>
        <translation>Löschungen verworfen; die letzten guten Daten bleiben erhalten</translation>
    </message>
    <message>
        <source>The workspace repository could not be updated: %1</source>
        <translation>Das Repository des Arbeitsbereichs konnte nicht aktualisiert werden: %1</translation>
    </message>
    <message>
        <source>Waiting for the other sources</source>
        <translation>Warten auf die anderen Quellen</translation>
    </message>
    <message>
        <source>The GitHub sign-in of the credential &quot;%1&quot; has expired; sign in again in Sources → Credentials</source>
        <translation>Die GitHub-Anmeldung der Zugangsdaten „%1“ ist abgelaufen; melden Sie sich unter Quellen → Zugangsdaten erneut an</translation>
    </message>
    <message>
        <source>The GitHub token of the credential &quot;%1&quot; could not be renewed: %2</source>
        <translation>Das GitHub-Token der Zugangsdaten „%1“ konnte nicht erneuert werden: %2</translation>
    </message>
    <message>
        <source>Showing the cached catalog; the sync starts next</source>
        <translation>Der Katalog aus dem Cache wird angezeigt; danach beginnt die Synchronisierung</translation>
    </message>
</context>
<context>
    <name>Portolan::Core::TerraformSource</name>
    <message>
        <source>The Terraform source %1 needs the URL of its state (http backend) or of HCP Terraform</source>
        <translation>Die Terraform-Quelle %1 braucht die URL ihres States (http-Backend) oder von HCP Terraform</translation>
    </message>
    <message>
        <source>No network manager for %1</source>
        <translation>Kein Netzwerkmanager für %1</translation>
    </message>
    <message>
        <source>None of the Terraform source&apos;s paths exist: %1</source>
        <translation>Keiner der Pfade der Terraform-Quelle existiert: %1</translation>
    </message>
    <message>
        <source>The state file is larger than %1 MiB; skipped</source>
        <translation>Die State-Datei ist größer als %1 MiB; übersprungen</translation>
    </message>
    <message>
        <source>The state file cannot be read: %1</source>
        <translation>Die State-Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Reading the state from %1</source>
        <translation>Lese den State von %1</translation>
    </message>
    <message>
        <source>The Terraform source %1 needs `organization` to read HCP Terraform workspaces</source>
        <translation>Die Terraform-Quelle %1 braucht `organization`, um Workspaces von HCP Terraform zu lesen</translation>
    </message>
    <message>
        <source>Listing the workspaces of %1</source>
        <translation>Liste die Workspaces von %1 auf</translation>
    </message>
    <message>
        <source>Reading the state of %1</source>
        <translation>Lese den State von %1</translation>
    </message>
    <message>
        <source>The current state version of %1 has no hosted-state-download-url</source>
        <translation>Die aktuelle State-Version von %1 hat keine hosted-state-download-url</translation>
    </message>
</context>
<context>
    <name>Portolan::Core::TtlExtendExecutor</name>
    <message>
        <source>The descriptor has no metadata block to annotate</source>
        <translation>Der Deskriptor hat keinen metadata-Block für die Annotation</translation>
    </message>
    <message>
        <source>The descriptor&apos;s metadata is written inline; Portolan only edits block-style YAML</source>
        <translation>Die metadata des Deskriptors sind inline geschrieben; Portolan bearbeitet nur YAML im Block-Stil</translation>
    </message>
    <message>
        <source>metadata.annotations is written inline; Portolan only edits block-style YAML</source>
        <translation>metadata.annotations ist inline geschrieben; Portolan bearbeitet nur YAML im Block-Stil</translation>
    </message>
    <message>
        <source>Extends a time to live: writes the new expiry into the entity&apos;s descriptor in git and pushes</source>
        <translation>Verlängert eine Lebensdauer: Schreibt den neuen Ablaufzeitpunkt in den Deskriptor der Entität in Git und pusht</translation>
    </message>
    <message>
        <source>path names the descriptor file in the repository</source>
        <translation>path nennt die Deskriptordatei im Repository</translation>
    </message>
    <message>
        <source>An extension adds at most %1, not %2</source>
        <translation>Eine Verlängerung fügt höchstens %1 hinzu, nicht %2</translation>
    </message>
    <message>
        <source>git commit + push</source>
        <translation>git commit + push</translation>
    </message>
    <message>
        <source>portolan.dev/expires-at: the current expiry (or now, if it has passed) + %1</source>
        <translation>portolan.dev/expires-at: der aktuelle Ablaufzeitpunkt (oder jetzt, falls er vorbei ist) + %1</translation>
    </message>
    <message>
        <source>One extension adds at most %1</source>
        <translation>Eine Verlängerung fügt höchstens %1 hinzu</translation>
    </message>
    <message>
        <source>path &quot;%1&quot; leaves the repository</source>
        <translation>path &quot;%1&quot; führt aus dem Repository heraus</translation>
    </message>
    <message>
        <source>Cloning %1</source>
        <translation>%1 wird geklont</translation>
    </message>
    <message>
        <source>Could not clone %1</source>
        <translation>%1 konnte nicht geklont werden</translation>
    </message>
    <message>
        <source>The extension is already on %1; not pushing again</source>
        <translation>Die Verlängerung ist bereits auf %1; es wird nicht erneut gepusht</translation>
    </message>
    <message>
        <source>%1 is not in %2 on %3</source>
        <translation>%1 ist nicht in %2 auf %3</translation>
    </message>
    <message>
        <source>%1 does not describe %2</source>
        <translation>%1 beschreibt nicht %2</translation>
    </message>
    <message>
        <source>an entity</source>
        <translation>eine Entität</translation>
    </message>
    <message>
        <source>%1 has no time to live to extend</source>
        <translation>%1 hat keine Lebensdauer, die sich verlängern ließe</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>%1 expired at %2; now at %3</source>
        <translation>Ablauf von %1: bisher %2, jetzt %3</translation>
    </message>
    <message>
        <source>Extend %1 by %2</source>
        <translation>%1 um %2 verlängern</translation>
    </message>
    <message>
        <source>git %1 failed</source>
        <translation>git %1 ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Pushed %1 to %2</source>
        <translation>%1 nach %2 gepusht</translation>
    </message>
    <message>
        <source>The repository refused the push to %1</source>
        <translation>Das Repository hat den Push nach %1 abgelehnt</translation>
    </message>
    <message>
        <source>%1 moved on meanwhile; reading the expiry again</source>
        <translation>%1 hat sich inzwischen geändert; der Ablaufzeitpunkt wird erneut gelesen</translation>
    </message>
    <message>
        <source>%1 kept moving; the time to live was not extended</source>
        <translation>%1 hat sich immer wieder geändert; die Lebensdauer wurde nicht verlängert</translation>
    </message>
    <message>
        <source>namespace names the Kubernetes namespace whose time to live is extended</source>
        <translation>namespace nennt den Kubernetes-Namespace, dessen Lebensdauer verlängert wird</translation>
    </message>
    <message>
        <source>A namespace&apos;s time to live is on the cluster: give namespace, or repoUrl and path, not both</source>
        <translation>Die Lebensdauer eines Namespace steht im Cluster: geben Sie namespace an oder repoUrl und path, nicht beides</translation>
    </message>
    <message>
        <source>server-side apply of a label</source>
        <translation>Server-Side Apply eines Labels</translation>
    </message>
    <message>
        <source>namespace %1 on context %2</source>
        <translation>Namespace %1 im Kontext %2</translation>
    </message>
    <message>
        <source>(the current one)</source>
        <translation>(dem aktuellen)</translation>
    </message>
    <message>
        <source>%1: the current expiry (or now, if it has passed) + %2, in seconds since the epoch</source>
        <translation>%1: der aktuelle Ablauf (oder jetzt, falls er vorbei ist) + %2, in Sekunden seit der Epoche</translation>
    </message>
    <message>
        <source>Could not read the namespace %1 on %2: %3</source>
        <translation>Der Namespace %1 auf %2 konnte nicht gelesen werden: %3</translation>
    </message>
    <message>
        <source>The namespace %1 has the new expiry already</source>
        <translation>Der Namespace %1 hat den neuen Ablauf bereits</translation>
    </message>
    <message>
        <source>The namespace %1 has no time to live to extend (no %2 or %3 label)</source>
        <translation>Der Namespace %1 hat keine Lebensdauer zum Verlängern (kein Label %2 oder %3)</translation>
    </message>
    <message>
        <source>The cluster refused the new expiry of the namespace %1: %2</source>
        <translation>Der Cluster hat den neuen Ablauf des Namespace %1 abgelehnt: %2</translation>
    </message>
    <message>
        <source>Namespace %1 on %2 expired at %3; now at %4 (%5=%6)</source>
        <translation>Namespace %1 auf %2 lief um %3 ab; jetzt um %4 (%5=%6)</translation>
    </message>
</context>
<context>
    <name>Portolan::Core::UnleashToggleExecutor</name>
    <message>
        <source>url must be the Unleash server&apos;s http or https address</source>
        <translation>url muss die http- oder https-Adresse des Unleash-Servers sein</translation>
    </message>
    <message>
        <source>credential must name the workspace credential that holds an Unleash admin API token</source>
        <translation>credential muss die Zugangsdaten des Workspaces nennen, die ein Admin-API-Token von Unleash enthalten</translation>
    </message>
    <message>
        <source>The workspace has no credential named &quot;%1&quot;</source>
        <translation>Der Workspace hat keine Zugangsdaten namens „%1“</translation>
    </message>
    <message>
        <source>flag must name the feature flag</source>
        <translation>flag muss das Feature-Flag nennen</translation>
    </message>
    <message>
        <source>environment must name an Unleash environment</source>
        <translation>environment muss eine Unleash-Umgebung nennen</translation>
    </message>
    <message>
        <source>enabled must be true (switch on) or false (switch off)</source>
        <translation>enabled muss true (einschalten) oder false (ausschalten) sein</translation>
    </message>
    <message>
        <source>Switches an Unleash feature flag on or off in one environment (admin API)</source>
        <translation>Schaltet ein Unleash-Feature-Flag in einer Umgebung ein oder aus (Admin-API)</translation>
    </message>
    <message>
        <source>Switches %1 on in %2</source>
        <translation>Schaltet %1 in %2 ein</translation>
    </message>
    <message>
        <source>Switches %1 off in %2</source>
        <translation>Schaltet %1 in %2 aus</translation>
    </message>
    <message>
        <source>Authorized with the Unleash API token of credential &quot;%1&quot;</source>
        <translation>Autorisiert mit dem Unleash-API-Token der Zugangsdaten „%1“</translation>
    </message>
    <message>
        <source>Problem: %1 (%2)</source>
        <translation>Problem: %1 (%2)</translation>
    </message>
    <message>
        <source>Switching %1 on in %2</source>
        <translation>Schalte %1 in %2 ein</translation>
    </message>
    <message>
        <source>Switching %1 off in %2</source>
        <translation>Schalte %1 in %2 aus</translation>
    </message>
    <message>
        <source>Unleash did not switch %1 in %2: %3</source>
        <translation>Unleash hat %1 in %2 nicht geschaltet: %3</translation>
    </message>
    <message>
        <source>Unleash answered %1</source>
        <translation>Unleash antwortete %1</translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::AboutDialog</name>
    <message>
        <source>About Portolan</source>
        <translation>Über Portolan</translation>
    </message>
    <message>
        <source>Portolan icon</source>
        <translation>Portolan-Symbol</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Portolan %1&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Portolan %1&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;A native desktop internal developer portal: your platform&apos;s software catalog, its dependency graph, scorecards and self-service actions, from an offline cache and the platform&apos;s own APIs.&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;&lt;br&gt;Application id: %2&lt;/p&gt;</source>
        <translation>&lt;p&gt;Ein natives internes Entwicklerportal für den Desktop: der Softwarekatalog Ihrer Plattform, sein Abhängigkeitsgraph, Scorecards und Self-Service-Aktionen, aus einem Offline-Cache und den eigenen APIs der Plattform.&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;&lt;br&gt;Anwendungs-ID: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Portolan is built on these libraries:</source>
        <translation>Portolan baut auf diesen Bibliotheken auf:</translation>
    </message>
    <message>
        <source>Libraries, their versions and licences</source>
        <translation>Bibliotheken, ihre Versionen und Lizenzen</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>SPDX licence identifier; the text is at https://spdx.org/licenses/%1.html</source>
        <translation>SPDX-Lizenzkennung; der Text steht unter https://spdx.org/licenses/%1.html</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::ActionWizard</name>
    <message>
        <source>a file</source>
        <translation>eine Datei</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Show the choices</source>
        <translation>Auswahl anzeigen</translation>
    </message>
    <message>
        <source>%1 *</source>
        <translation>%1 *</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>One of your groups</source>
        <translation>Eine Ihrer Gruppen</translation>
    </message>
    <message>
        <source>An entity reference, e.g. component:default/name</source>
        <translation>Eine Entitätsreferenz, z. B. component:default/name</translation>
    </message>
    <message>
        <source>Type to search: %1</source>
        <translation>Zum Suchen tippen: %1</translation>
    </message>
    <message>
        <source>Choose a colour</source>
        <translation>Farbe auswählen</translation>
    </message>
    <message>
        <source>Colour for “%1”</source>
        <translation>Farbe für „%1“</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Nicht gesetzt</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen …</translation>
    </message>
    <message>
        <source>Give “%1” a value</source>
        <translation>Geben Sie für „%1“ einen Wert an</translation>
    </message>
    <message>
        <source>Choose File…</source>
        <translation>Datei auswählen …</translation>
    </message>
    <message>
        <source>Remove the file</source>
        <translation>Datei entfernen</translation>
    </message>
    <message>
        <source>Choose a File for “%1”</source>
        <translation>Datei für „%1“ auswählen</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen …</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is larger than %2</source>
        <translation>%1 ist größer als %2</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Keine Datei ausgewählt</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Eigentümer</translation>
    </message>
    <message>
        <source>organisation or user</source>
        <translation>Organisation oder Benutzer</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>Repository</translation>
    </message>
    <message>
        <source>repository name</source>
        <translation>Repository-Name</translation>
    </message>
    <message>
        <source>Add Entity</source>
        <translation>Entität hinzufügen</translation>
    </message>
    <message>
        <source>Add Tag</source>
        <translation>Tag hinzufügen</translation>
    </message>
    <message>
        <source>Add Item</source>
        <translation>Eintrag hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Item %1</source>
        <translation>Eintrag %1</translation>
    </message>
    <message>
        <source>Remove this item</source>
        <translation>Diesen Eintrag entfernen</translation>
    </message>
    <message>
        <source>Portolan has no “%1” input; this is the plain input for its type.</source>
        <translation>Portolan hat kein Eingabefeld „%1“; dies ist das einfache Eingabefeld für seinen Typ.</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>Schritt %1</translation>
    </message>
    <message>
        <source>To continue: %1</source>
        <translation>Zum Fortfahren: %1</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Schritt %1 von %2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>What will happen</source>
        <translation>Was geschehen wird</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>Skipped: its condition is false for these parameters.</source>
        <translation>Übersprungen: Die Bedingung ist für diese Parameter nicht erfüllt.</translation>
    </message>
    <message>
        <source>Uses the outputs of earlier steps: those values are filled in when the steps have run, and are shown here as written.</source>
        <translation>Verwendet die Ausgaben früherer Schritte: Diese Werte werden eingesetzt, sobald die Schritte gelaufen sind, und hier so angezeigt, wie sie geschrieben sind.</translation>
    </message>
    <message>
        <source>• %1</source>
        <translation>• %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 › %2</source>
        <translation>%1 › %2</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <source>“%1” must be one of the entities offered</source>
        <translation>„%1“ muss eine der angebotenen Entitäten sein</translation>
    </message>
    <message>
        <source>Step %1 of %1 · Check what will be sent where before you run the action.</source>
        <translation>Schritt %1 von %1 · Prüfen Sie, was wohin gesendet wird, bevor Sie die Aktion ausführen.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>This action takes no parameters.</source>
        <translation>Diese Aktion hat keine Parameter.</translation>
    </message>
    <message>
        <source>This action cannot run now.</source>
        <translation>Diese Aktion kann jetzt nicht ausgeführt werden.</translation>
    </message>
    <message>
        <source>This action is destructive. Type &lt;b&gt;%1&lt;/b&gt; to confirm:</source>
        <translation>Diese Aktion ist destruktiv. Geben Sie zur Bestätigung &lt;b&gt;%1&lt;/b&gt; ein:</translation>
    </message>
    <message>
        <source>Preparing the plan…</source>
        <translation>Plan wird erstellt …</translation>
    </message>
    <message>
        <source>This action has no steps: running it records a run and does nothing else.</source>
        <translation>Diese Aktion hat keine Schritte: Beim Ausführen wird nur eine Ausführung aufgezeichnet, sonst geschieht nichts.</translation>
    </message>
    <message>
        <source>The plan has problems (in red): the steps before them would run, then the run would fail there.</source>
        <translation>Der Plan hat Probleme (rot markiert): Die Schritte davor würden laufen, dann würde die Ausführung dort fehlschlagen.</translation>
    </message>
    <message>
        <source>Nothing is sent before you press Run. The steps run in this order:</source>
        <translation>Nichts wird gesendet, bevor Sie auf „Ausführen“ klicken. Die Schritte laufen in dieser Reihenfolge:</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet …</translation>
    </message>
    <message>
        <source>The action did not start: %1</source>
        <translation>Die Aktion wurde nicht gestartet: %1</translation>
    </message>
    <message>
        <source>an earlier session</source>
        <translation>einer früheren Sitzung</translation>
    </message>
    <message>
        <source>Your draft from %1 is restored.</source>
        <translation>Ihr Entwurf von %1 wurde wiederhergestellt.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>You have a draft of this action from %1.</source>
        <translation>Sie haben einen Entwurf dieser Aktion von %1.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Formular</translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::ActionsController</name>
    <message>
        <source>The run&apos;s step is no longer there</source>
        <translation>Der Schritt der Ausführung ist nicht mehr vorhanden</translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::ActionsPage</name>
    <message>
        <source>Start…</source>
        <translation>Starten …</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>Search actions</source>
        <translation>Aktionen durchsuchen</translation>
    </message>
    <message>
        <source>Act &amp;as:</source>
        <translation>Handeln &amp;als:</translation>
    </message>
    <message>
        <source>The catalog user whose groups the guardrails check. Portolan&apos;s checks are a convenience: the platform&apos;s own permissions decide.</source>
        <translation>Der Katalogbenutzer, dessen Gruppen die Leitplanken prüfen. Die Prüfungen von Portolan sind nur eine Hilfe: Es entscheiden die Berechtigungen der Plattform selbst.</translation>
    </message>
    <message>
        <source>Self-service through the platform&apos;s own tools: each action fills in a guided form, shows exactly what it will send where, and keeps a record on the Runs page.</source>
        <translation>Self-Service über die eigenen Werkzeuge der Plattform: Jede Aktion führt Sie durch ein Formular, zeigt genau, was sie wohin sendet, und hält jede Ausführung auf der Seite „Ausführungen“ fest.</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>Was sie tut</translation>
    </message>
    <message>
        <source>Guardrails</source>
        <translation>Leitplanken</translation>
    </message>
    <message>
        <source>This workspace has no actions yet. Actions are Backstage software templates (kind Template, apiVersion scaffolder.backstage.io/v1beta3) in the catalog.</source>
        <translation>Dieser Arbeitsbereich hat noch keine Aktionen. Aktionen sind Backstage-Softwarevorlagen (kind Template, apiVersion scaffolder.backstage.io/v1beta3) im Katalog.</translation>
    </message>
    <message>
        <source>Me (%1, not in the catalog)</source>
        <translation>Ich (%1, nicht im Katalog)</translation>
    </message>
    <message>
        <source>Me (%1)</source>
        <translation>Ich (%1)</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <source>%1 (cannot run)</source>
        <translation>%1 (nicht ausführbar)</translation>
    </message>
    <message>
        <source>Acting as %1, whom the catalog does not know: actions limited to groups stay blocked. Pick yourself under “Act as”, or set PORTOLAN_USER.</source>
        <translation>Sie handeln als %1, den der Katalog nicht kennt: Aktionen, die auf Gruppen beschränkt sind, bleiben gesperrt. Wählen Sie sich unter „Handeln als“ selbst aus, oder setzen Sie PORTOLAN_USER.</translation>
    </message>
    <message>
        <source>Acting as %1, member of %2.</source>
        <translation>Sie handeln als %1, Mitglied von %2.</translation>
    </message>
    <message>
        <source>no group</source>
        <translation>keiner Gruppe</translation>
    </message>
    <message>
        <source>On %1</source>
        <translation>Für %1</translation>
    </message>
    <message>
        <source>Global</source>
        <translation>Global</translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation>Eigentümer: %1</translation>
    </message>
    <message>
        <source>Not supported by Portolan</source>
        <translation>Von Portolan nicht unterstützt</translation>
    </message>
    <message>
        <source>This action has no steps.</source>
        <translation>Diese Aktion hat keine Schritte.</translation>
    </message>
    <message>
        <source>Anyone may run it.</source>
        <translation>Jeder darf sie ausführen.</translation>
    </message>
    <message>
        <source>Only members of %1.</source>
        <translation>Nur Mitglieder von %1.</translation>
    </message>
    <message>
        <source>The entity must be at %1 or above on the scorecard %2.</source>
        <translation>Die Entität muss in der Scorecard %2 auf %1 oder darüber stehen.</translation>
    </message>
    <message>
        <source>The entity must have %1.</source>
        <translation>Die Entität muss %1 haben.</translation>
    </message>
    <message>
        <source>Destructive: asks you to type a confirmation.</source>
        <translation>Destruktiv: verlangt, dass Sie zur Bestätigung einen Text eingeben.</translation>
    </message>
    <message>
        <source>You review exactly what is sent where before it runs; the platform&apos;s own permissions decide.</source>
        <translation>Sie prüfen genau, was wohin gesendet wird, bevor die Aktion läuft; es entscheiden die Berechtigungen der Plattform selbst.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Start it here and pick the entity, or from the entity&apos;s page, where it is filled in</source>
        <translation>Hier starten und die Entität auswählen, oder auf der Seite der Entität, wo sie bereits eingetragen ist</translation>
    </message>
    <message>
        <source>Search the actions</source>
        <translation>Aktionen durchsuchen</translation>
    </message>
    <message>
        <source>Action details</source>
        <translation>Details der Aktion</translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::Banner</name>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
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
    <message>
        <source>Opening %1 once the catalog has been read…</source>
        <translation>%1 wird geöffnet, sobald der Katalog gelesen ist…</translation>
    </message>
    <message>
        <source>Search the catalog</source>
        <translation>Katalog durchsuchen</translation>
    </message>
    <message>
        <source>Catalog entities</source>
        <translation>Entitäten des Katalogs</translation>
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
    <message>
        <source>%1 on %2 (%3)</source>
        <translation>%1 auf %2 (%3)</translation>
    </message>
    <message>
        <source>CI</source>
        <translation>CI</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>%1: %2 (%3%)</source>
        <translation>%1: %2 (%3 %)</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
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
    <name>Portolan::Ui::CommandPalette</name>
    <message>
        <source>Go to</source>
        <translation>Gehe zu</translation>
    </message>
    <message>
        <source>Go to an entity, a page or an action…</source>
        <translation>Zu einer Entität, Seite oder Aktion wechseln …</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>↑↓ to choose · Enter to open · Esc to close</source>
        <translation>↑↓ zum Auswählen · Eingabetaste zum Öffnen · Esc zum Schließen</translation>
    </message>
    <message numerus="yes">
        <source>%n more entities: type more to narrow them down</source>
        <translation>
            <numerusform>%n weitere Entität: Tippen Sie weiter, um die Liste einzugrenzen</numerusform>
            <numerusform>%n weitere Entitäten: Tippen Sie weiter, um die Liste einzugrenzen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::CredentialsDialog</name>
    <message>
        <source>Save Secret</source>
        <translation>Secret speichern</translation>
    </message>
    <message>
        <source>Clear Secret</source>
        <translation>Secret löschen</translation>
    </message>
    <message>
        <source>Credentials — %1</source>
        <translation>Zugangsdaten — %1</translation>
    </message>
    <message>
        <source>Sources sign in with the credentials named in portolan.yaml. Their secrets are kept in your system keychain, never in a file, and are never shown again once saved.</source>
        <translation>Quellen melden sich mit den in portolan.yaml benannten Zugangsdaten an. Deren Secrets liegen im Schlüsselbund Ihres Systems, nie in einer Datei, und werden nach dem Speichern nie wieder angezeigt.</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>Zugangsdaten</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Secret</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>Verwendet von</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>no source</source>
        <translation>keiner Quelle</translation>
    </message>
    <message>
        <source>Paste the token or password</source>
        <translation>Token oder Passwort einfügen</translation>
    </message>
    <message>
        <source>This workspace names no credentials. A source that needs one refers to it by name, and the platform team lists it in portolan.yaml, for example:</source>
        <translation>Dieser Arbeitsbereich nennt keine Zugangsdaten. Eine Quelle, die welche braucht, verweist per Name darauf, und das Plattform-Team führt sie in portolan.yaml auf, zum Beispiel:</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft …</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Nicht gesetzt</translation>
    </message>
    <message>
        <source>Set, in the keychain</source>
        <translation>Gesetzt, im Schlüsselbund</translation>
    </message>
    <message>
        <source>Set, in memory until Portolan quits</source>
        <translation>Gesetzt, im Speicher bis Portolan beendet wird</translation>
    </message>
    <message>
        <source>From the environment (%1)</source>
        <translation>Aus der Umgebung (%1)</translation>
    </message>
    <message>
        <source>Set the secret for “%1”</source>
        <translation>Secret für „%1“ setzen</translation>
    </message>
    <message>
        <source>Replace the secret for “%1”</source>
        <translation>Secret für „%1“ ersetzen</translation>
    </message>
    <message>
        <source>Sent with HTTP basic authentication as user “%1”; enter the password or token.</source>
        <translation>Wird per HTTP-Basic-Authentifizierung als Benutzer „%1“ gesendet; geben Sie das Passwort oder Token ein.</translation>
    </message>
    <message>
        <source>Sent in the HTTP header “%1”.</source>
        <translation>Wird im HTTP-Header „%1“ gesendet.</translation>
    </message>
    <message>
        <source>Sent as a bearer token.</source>
        <translation>Wird als Bearer-Token gesendet.</translation>
    </message>
    <message>
        <source>The environment variable %1 is set and is used instead of the keychain.</source>
        <translation>Die Umgebungsvariable %1 ist gesetzt und wird statt des Schlüsselbunds verwendet.</translation>
    </message>
    <message>
        <source>When the environment variable %1 is set, it is used instead.</source>
        <translation>Ist die Umgebungsvariable %1 gesetzt, wird stattdessen sie verwendet.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <source>The secret could not be saved: %1</source>
        <translation>Das Secret konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Saved in the keychain.</source>
        <translation>Im Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <source>Kept in memory until Portolan quits (no keychain is available).</source>
        <translation>Bis zum Beenden von Portolan im Speicher gehalten (kein Schlüsselbund verfügbar).</translation>
    </message>
    <message>
        <source>The secret could not be cleared: %1</source>
        <translation>Das Secret konnte nicht gelöscht werden: %1</translation>
    </message>
    <message>
        <source>Cleared.</source>
        <translation>Gelöscht.</translation>
    </message>
    <message>
        <source>A secret you enter now is kept in memory for this run only and must be entered again after Portolan restarts.</source>
        <translation>Ein jetzt eingegebenes Secret wird nur für diese Sitzung im Speicher gehalten und muss nach einem Neustart von Portolan erneut eingegeben werden.</translation>
    </message>
    <message>
        <source>No keychain is available.</source>
        <translation>Kein Schlüsselbund verfügbar.</translation>
    </message>
    <message>
        <source>Sign in with GitHub…</source>
        <translation>Mit GitHub anmelden …</translation>
    </message>
    <message>
        <source>Sign-in with GitHub needs the app&apos;s clientId in portolan.yaml; until then, paste a token.</source>
        <translation>Die Anmeldung mit GitHub braucht die clientId der App in portolan.yaml; fügen Sie bis dahin ein Token ein.</translation>
    </message>
    <message>
        <source>Sign in with your account on %1 to get a token, or paste one. It is sent as a bearer token.</source>
        <translation>Melden Sie sich mit Ihrem Konto auf %1 an, um ein Token zu erhalten, oder fügen Sie eines ein. Es wird als Bearer-Token gesendet.</translation>
    </message>
    <message>
        <source>Signed in with GitHub; the token is saved in the keychain.</source>
        <translation>Mit GitHub angemeldet; das Token ist im Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <source>Signed in with GitHub; the token is kept in memory until Portolan quits (no keychain is available).</source>
        <translation>Mit GitHub angemeldet; das Token wird bis zum Beenden von Portolan im Speicher gehalten (kein Schlüsselbund verfügbar).</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Beispiel</translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::DecisionDialog</name>
    <message>
        <source>Approve Request</source>
        <translation>Anfrage genehmigen</translation>
    </message>
    <message>
        <source>Reject Request</source>
        <translation>Anfrage ablehnen</translation>
    </message>
    <message>
        <source>Approve &lt;b&gt;%1&lt;/b&gt;?</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; genehmigen?</translation>
    </message>
    <message>
        <source>Reject &lt;b&gt;%1&lt;/b&gt;?</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; ablehnen?</translation>
    </message>
    <message>
        <source>Comment (optional):</source>
        <translation>Kommentar (optional):</translation>
    </message>
    <message>
        <source>Why? The requester sees this comment:</source>
        <translation>Warum? Die anfragende Person sieht diesen Kommentar:</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Genehmigen</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::DeploymentsModel</name>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ref</source>
        <translation>Ref</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Commit</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::DesktopNotifier</name>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Genehmigen</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>Ablehnen …</translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::DeviceFlowDialog</name>
    <message>
        <source>Copy Code</source>
        <translation>Code kopieren</translation>
    </message>
    <message>
        <source>Open GitHub</source>
        <translation>GitHub öffnen</translation>
    </message>
    <message>
        <source>Get a New Code</source>
        <translation>Neuen Code anfordern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Sign in with GitHub — %1</source>
        <translation>Mit GitHub anmelden — %1</translation>
    </message>
    <message>
        <source>Open %1 in your browser, sign in if asked, and enter this code to let Portolan use your account for the credential “%2”.</source>
        <translation>Öffnen Sie %1 in Ihrem Browser, melden Sie sich an, falls verlangt, und geben Sie diesen Code ein, damit Portolan Ihr Konto für die Zugangsdaten „%2“ verwenden darf.</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation>Einmalcode</translation>
    </message>
    <message>
        <source>Asking %1 for a code…</source>
        <translation>Code wird bei %1 angefordert …</translation>
    </message>
    <message>
        <source>Waiting for you to enter the code at %1…</source>
        <translation>Warten, bis Sie den Code auf %1 eingeben …</translation>
    </message>
    <message>
        <source>The code expires in %1:%2</source>
        <translation>Der Code läuft in %1:%2 ab</translation>
    </message>
    <message>
        <source>Code copied. Paste it at %1.</source>
        <translation>Code kopiert. Fügen Sie ihn auf %1 ein.</translation>
    </message>
    <message>
        <source>No browser could be opened. Go to %1 yourself.</source>
        <translation>Es konnte kein Browser geöffnet werden. Rufen Sie %1 selbst auf.</translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation>Anmeldung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Signed in. Saving the token…</source>
        <translation>Angemeldet. Token wird gespeichert …</translation>
    </message>
    <message>
        <source>The token could not be saved: %1</source>
        <translation>Das Token konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Signed in, but the refresh token could not be saved: %1. Sign in again when the token expires.</source>
        <translation>Angemeldet, aber das Refresh-Token konnte nicht gespeichert werden: %1. Melden Sie sich erneut an, wenn das Token abläuft.</translation>
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
        <source>Refresh Now</source>
        <translation>Jetzt aktualisieren</translation>
    </message>
    <message>
        <source>Read this entity&apos;s source again now</source>
        <translation>Die Quelle dieser Entität jetzt erneut lesen</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Open in Browser</source>
        <translation>Im Browser öffnen</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Wird aktualisiert …</translation>
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
        <source>Self-service actions for this entity</source>
        <translation>Self-Service-Aktionen für diese Entität</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Its time to live cannot be read: %1 (%2)</source>
        <translation>Die Lebensdauer ist nicht lesbar: %1 (%2)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Expired %1 ago&lt;/b&gt;, at %2. The workspace&apos;s automations act on it when they next run.</source>
        <translation>&lt;b&gt;Vor %1 abgelaufen&lt;/b&gt;, um %2. Die Automatisierungen des Arbeitsbereichs handeln, sobald sie das nächste Mal laufen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Expires in %1&lt;/b&gt;, at %2. At the expiry the workspace&apos;s automations act on it.</source>
        <translation>&lt;b&gt;Läuft in %1 ab&lt;/b&gt;, um %2. Beim Ablauf handeln die Automatisierungen des Arbeitsbereichs.</translation>
    </message>
    <message>
        <source>Extend…</source>
        <translation>Verlängern …</translation>
    </message>
    <message>
        <source>Reading the descriptor from the offline cache…</source>
        <translation>Der Deskriptor wird aus dem Offline-Cache gelesen…</translation>
    </message>
    <message>
        <source>The descriptor could not be read from the offline cache: %1 (%2)</source>
        <translation>Der Deskriptor konnte nicht aus dem Offline-Cache gelesen werden: %1 (%2)</translation>
    </message>
    <message>
        <source>The offline cache has no descriptor text for %1.</source>
        <translation>Der Offline-Cache enthält keinen Deskriptortext für %1.</translation>
    </message>
    <message>
        <source>Entity sections</source>
        <translation>Abschnitte der Entität</translation>
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
    <name>Portolan::Ui::GitHubTab</name>
    <message>
        <source>Releases</source>
        <translation>Releases</translation>
    </message>
    <message>
        <source>Double-click a row to open it on GitHub</source>
        <translation>Doppelklick auf eine Zeile öffnet sie auf GitHub</translation>
    </message>
    <message>
        <source>CI</source>
        <translation>CI</translation>
    </message>
    <message>
        <source>Pull requests</source>
        <translation>Pull-Requests</translation>
    </message>
    <message>
        <source>Deployments</source>
        <translation>Deployments</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>This entity names no GitHub repository. Add the annotation &lt;code&gt;github.com/project-slug: owner/repository&lt;/code&gt; to its descriptor, and a &lt;code&gt;github&lt;/code&gt; source to the workspace, to see its CI runs, pull requests, releases and deployments here.</source>
        <translation>Diese Entität nennt kein GitHub-Repository. Fügen Sie ihrem Deskriptor die Annotation &lt;code&gt;github.com/project-slug: owner/repository&lt;/code&gt; und dem Arbeitsbereich eine &lt;code&gt;github&lt;/code&gt;-Quelle hinzu, um hier ihre CI-Läufe, Pull-Requests, Releases und Deployments zu sehen.</translation>
    </message>
    <message>
        <source>Nothing read from GitHub for &lt;b&gt;%1&lt;/b&gt; yet. A &lt;code&gt;github&lt;/code&gt; source in the workspace reads it at its next sync (Sources page).</source>
        <translation>Für &lt;b&gt;%1&lt;/b&gt; wurde noch nichts von GitHub gelesen. Eine &lt;code&gt;github&lt;/code&gt;-Quelle im Arbeitsbereich liest es bei ihrer nächsten Synchronisierung (Seite „Quellen“).</translation>
    </message>
    <message>
        <source>read %1</source>
        <translation>%1 gelesen</translation>
    </message>
    <message>
        <source>%1 %2 on &lt;b&gt;%3&lt;/b&gt; · %4 · %5</source>
        <translation>%1 %2 auf &lt;b&gt;%3&lt;/b&gt; · %4 · %5</translation>
    </message>
    <message>
        <source>No workflow runs: this repository has no GitHub Actions runs, or the token may not read them.</source>
        <translation>Keine Workflow-Läufe: Dieses Repository hat keine GitHub-Actions-Läufe, oder das Token darf sie nicht lesen.</translation>
    </message>
    <message numerus="yes">
        <source>%n open pull request(s) · %1 approved · %2 with changes requested · %3 · %4</source>
        <translation>
            <numerusform>%n offener Pull-Request · %1 genehmigt · %2 mit angeforderten Änderungen · %3 · %4</numerusform>
            <numerusform>%n offene Pull-Requests · %1 genehmigt · %2 mit angeforderten Änderungen · %3 · %4</numerusform>
        </translation>
    </message>
    <message>
        <source>No open pull requests.</source>
        <translation>Keine offenen Pull-Requests.</translation>
    </message>
    <message>
        <source>Environments: %1 · %2 · %3</source>
        <translation>Umgebungen: %1 · %2 · %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>No deployments recorded on GitHub for this repository.</source>
        <translation>Für dieses Repository sind auf GitHub keine Deployments verzeichnet.</translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::GraphPanel</name>
    <message>
        <source>Neighbourhood</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>System or domain</source>
        <translation>System oder Domäne</translation>
    </message>
    <message>
        <source>Blast radius</source>
        <translation>Auswirkungsradius</translation>
    </message>
    <message>
        <source>What it needs</source>
        <translation>Was sie braucht</translation>
    </message>
    <message>
        <source>Whole catalog</source>
        <translation>Ganzer Katalog</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Choose an entity, a system or the whole catalog above.</source>
        <translation>Wählen Sie oben eine Entität, ein System oder den ganzen Katalog.</translation>
    </message>
    <message>
        <source>What the graph shows</source>
        <translation>Was der Graph zeigt</translation>
    </message>
    <message>
        <source>Entity, system or domain…</source>
        <translation>Entität, System oder Domäne…</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>Tiefe</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>How many relations away from the entity (All: no limit)</source>
        <translation>Wie viele Beziehungen von der Entität entfernt (Alle: unbegrenzt)</translation>
    </message>
    <message>
        <source>Both ways</source>
        <translation>In beide Richtungen</translation>
    </message>
    <message>
        <source>Outgoing (what it uses)</source>
        <translation>Ausgehend (was sie nutzt)</translation>
    </message>
    <message>
        <source>Incoming (what uses it)</source>
        <translation>Eingehend (was sie nutzt)</translation>
    </message>
    <message>
        <source>Collapse entities into one box per system or owner; click a box to expand it</source>
        <translation>Entitäten zu einem Kasten je System oder Eigentümer zusammenfassen; ein Klick auf einen Kasten klappt ihn auf</translation>
    </message>
    <message>
        <source>Group: automatic</source>
        <translation>Gruppen: automatisch</translation>
    </message>
    <message>
        <source>No groups</source>
        <translation>Keine Gruppen</translation>
    </message>
    <message>
        <source>Group by system</source>
        <translation>Nach System gruppieren</translation>
    </message>
    <message>
        <source>Group by owner</source>
        <translation>Nach Eigentümer gruppieren</translation>
    </message>
    <message>
        <source>Find in graph…</source>
        <translation>Im Graphen suchen…</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Show the whole graph (0)</source>
        <translation>Den ganzen Graphen zeigen (0)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>SVG image…</source>
        <translation>SVG-Bild…</translation>
    </message>
    <message>
        <source>PNG image…</source>
        <translation>PNG-Bild…</translation>
    </message>
    <message>
        <source>Graphviz DOT…</source>
        <translation>Graphviz-DOT…</translation>
    </message>
    <message>
        <source>Relations: all</source>
        <translation>Beziehungen: alle</translation>
    </message>
    <message>
        <source>Relations: %1 of %2</source>
        <translation>Beziehungen: %1 von %2</translation>
    </message>
    <message>
        <source>Kinds: all</source>
        <translation>Arten: alle</translation>
    </message>
    <message numerus="yes">
        <source>Kinds: %n hidden</source>
        <translation>
            <numerusform>Arten: %n ausgeblendet</numerusform>
            <numerusform>Arten: %n ausgeblendet</numerusform>
        </translation>
    </message>
    <message>
        <source>Every relation type is hidden. Turn some on under Relations.</source>
        <translation>Alle Beziehungsarten sind ausgeblendet. Schalten Sie unter „Beziehungen“ welche ein.</translation>
    </message>
    <message>
        <source>Laying out…</source>
        <translation>Wird angeordnet…</translation>
    </message>
    <message>
        <source>Layout cancelled. Narrow the scope, hide some relations or group by system.</source>
        <translation>Anordnung abgebrochen. Schränken Sie den Umfang ein, blenden Sie Beziehungen aus oder gruppieren Sie nach System.</translation>
    </message>
    <message numerus="yes">
        <source>%n entities depend on %1, directly or not</source>
        <translation>
            <numerusform>%n Entität hängt von %1 ab, direkt oder mittelbar</numerusform>
            <numerusform>%n Entitäten hängen von %1 ab, direkt oder mittelbar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 needs %n entities, directly or not</source>
        <translation>
            <numerusform>%1 braucht %n Entität, direkt oder mittelbar</numerusform>
            <numerusform>%1 braucht %n Entitäten, direkt oder mittelbar</numerusform>
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
        <source>%n relations</source>
        <translation>
            <numerusform>%n Beziehung</numerusform>
            <numerusform>%n Beziehungen</numerusform>
        </translation>
    </message>
    <message>
        <source>laid out in %1 ms</source>
        <translation>angeordnet in %1 ms</translation>
    </message>
    <message>
        <source>No path between %1 and %2 in this graph</source>
        <translation>Kein Weg zwischen %1 und %2 in diesem Graphen</translation>
    </message>
    <message>
        <source>Path: %1</source>
        <translation>Weg: %1</translation>
    </message>
    <message>
        <source>Nothing in this graph matches “%1”</source>
        <translation>Nichts in diesem Graphen passt auf „%1“</translation>
    </message>
    <message>
        <source>Expand %1</source>
        <translation>%1 aufklappen</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>%1 öffnen</translation>
    </message>
    <message>
        <source>Blast radius: what depends on it</source>
        <translation>Auswirkungsradius: was von ihr abhängt</translation>
    </message>
    <message>
        <source>Neighbourhood of %1</source>
        <translation>Umgebung von %1</translation>
    </message>
    <message>
        <source>Path from the selected entity to here</source>
        <translation>Weg von der ausgewählten Entität hierher</translation>
    </message>
    <message>
        <source>Collapse all groups</source>
        <translation>Alle Gruppen zuklappen</translation>
    </message>
    <message>
        <source>Copy reference</source>
        <translation>Referenz kopieren</translation>
    </message>
    <message>
        <source>Export as SVG…</source>
        <translation>Als SVG exportieren…</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG-Bild (*.svg)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>Graphviz DOT (*.dot *.gv)</source>
        <translation>Graphviz-DOT (*.dot *.gv)</translation>
    </message>
    <message>
        <source>Export the graph</source>
        <translation>Den Graphen exportieren</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Nach %1 exportiert</translation>
    </message>
    <message>
        <source>There is no graph to export</source>
        <translation>Es gibt keinen Graphen zum Exportieren</translation>
    </message>
    <message>
        <source>The graph is too large for a PNG image; export SVG instead</source>
        <translation>Der Graph ist zu groß für ein PNG-Bild; exportieren Sie stattdessen SVG</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Export as .svg, .png or .dot, not .%1</source>
        <translation>Exportieren als .svg, .png oder .dot, nicht als .%1</translation>
    </message>
    <message numerus="yes">
        <source>%n long relations drawn straight to keep the layout fast</source>
        <translation>
            <numerusform>%n lange Beziehung gerade gezeichnet, damit die Anordnung schnell bleibt</numerusform>
            <numerusform>%n lange Beziehungen gerade gezeichnet, damit die Anordnung schnell bleibt</numerusform>
        </translation>
    </message>
    <message>
        <source>Collapse %1</source>
        <translation>%1 zuklappen</translation>
    </message>
    <message numerus="yes">
        <source>grouped by owner into %n boxes</source>
        <translation>
            <numerusform>nach Eigentümer in %n Kasten gruppiert</numerusform>
            <numerusform>nach Eigentümer in %n Kästen gruppiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>grouped by system into %n boxes</source>
        <translation>
            <numerusform>nach System in %n Kasten gruppiert</numerusform>
            <numerusform>nach System in %n Kästen gruppiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Dependency graph</source>
        <translation>Abhängigkeitsgraph</translation>
    </message>
    <message>
        <source>Entity at the centre of the graph</source>
        <translation>Entität in der Mitte des Graphen</translation>
    </message>
    <message>
        <source>Find in the graph</source>
        <translation>Im Graphen suchen</translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::GraphScene</name>
    <message numerus="yes">
        <source>%1 · %n entities</source>
        <translation>
            <numerusform>%1 · %n Entität</numerusform>
            <numerusform>%1 · %n Entitäten</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · not in the catalog</source>
        <translation>%1 · nicht im Katalog</translation>
    </message>
    <message numerus="yes">
        <source>%n entities</source>
        <translation>
            <numerusform>%n Entität</numerusform>
            <numerusform>%n Entitäten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n relations between them</source>
        <translation>
            <numerusform>%n Beziehung untereinander</numerusform>
            <numerusform>%n Beziehungen untereinander</numerusform>
        </translation>
    </message>
    <message>
        <source>Click to expand</source>
        <translation>Zum Aufklappen klicken</translation>
    </message>
    <message>
        <source>Referenced, but not in the catalog.</source>
        <translation>Referenziert, aber nicht im Katalog.</translation>
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
        <source>CI</source>
        <translation>CI</translation>
    </message>
    <message>
        <source>Runtime</source>
        <translation>Laufzeit</translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::InboxPage</name>
    <message>
        <source>Waiting for you</source>
        <translation>Wartet auf Sie</translation>
    </message>
    <message>
        <source>No approval requests are waiting for you.</source>
        <translation>Keine Genehmigungsanfragen warten auf Sie.</translation>
    </message>
    <message>
        <source>Your requests</source>
        <translation>Ihre Anfragen</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Entität</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Angefragt</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>Entschieden von</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>You have no approval requests open.</source>
        <translation>Sie haben keine offenen Genehmigungsanfragen.</translation>
    </message>
    <message>
        <source>Expiring soon</source>
        <translation>Bald ablaufend</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Eigentümer</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Endet</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Restzeit</translation>
    </message>
    <message>
        <source>Nothing of yours has a time to live.</source>
        <translation>Nichts, was Ihnen gehört, hat eine Lebensdauer.</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Notification</source>
        <translation>Benachrichtigung</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>No notifications yet. Runs finishing, approvals and expiring environments are listed here, also when the desktop cannot show them.</source>
        <translation>Noch keine Benachrichtigungen. Abgeschlossene Ausführungen, Genehmigungen und ablaufende Umgebungen werden hier aufgeführt, auch wenn der Desktop sie nicht anzeigen kann.</translation>
    </message>
    <message>
        <source>Mark All Read</source>
        <translation>Alle als gelesen markieren</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Posteingang</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Waiting for %1</source>
        <translation>Wartet auf %1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Genehmigt</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Requested by %1 · %2</source>
        <translation>Angefragt von %1 · %2</translation>
    </message>
    <message>
        <source>Requested by %1 on %2 · %3</source>
        <translation>Angefragt von %1 für %2 · %3</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>Ablehnen …</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>Genehmigen …</translation>
    </message>
    <message>
        <source>Extend…</source>
        <translation>Verlängern …</translation>
    </message>
    <message>
        <source>expired %1 ago</source>
        <translation>vor %1 abgelaufen</translation>
    </message>
    <message numerus="yes">
        <source>Notifications (%n unread)</source>
        <translation>
            <numerusform>Benachrichtigungen (%n ungelesen)</numerusform>
            <numerusform>Benachrichtigungen (%n ungelesen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for a review on GitHub by %1</source>
        <translation>Wartet auf eine Prüfung auf GitHub durch %1</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
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
    <name>Portolan::Ui::KubeEventsModel</name>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::LevelTrend</name>
    <message>
        <source>No history yet: a day is added each day Portolan evaluates the scorecard.</source>
        <translation>Noch kein Verlauf: Jeder Tag, an dem Portolan die Scorecard auswertet, kommt hinzu.</translation>
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
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>Prüfen …</translation>
    </message>
    <message>
        <source>Stop the running syncs; the catalog shown stays as it is</source>
        <translation>Laufende Synchronisierungen anhalten; der angezeigte Katalog bleibt, wie er ist</translation>
    </message>
    <message>
        <source>%1 (branch %2)</source>
        <translation>%1 (Branch %2)</translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;: %2&lt;br&gt;%n entities · synced %3&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;: %2&lt;br&gt;%n Entität · synchronisiert %3&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;: %2&lt;br&gt;%n Entitäten · synchronisiert %3&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n source(s) failed</source>
        <translation>
            <numerusform>%n Quelle fehlgeschlagen</numerusform>
            <numerusform>%n Quellen fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sync(s) held back</source>
        <translation>
            <numerusform>%n Synchronisierung zurückgehalten</numerusform>
            <numerusform>%n Synchronisierungen zurückgehalten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n source(s) · not synced yet</source>
        <translation>
            <numerusform>%n Quelle · noch nicht synchronisiert</numerusform>
            <numerusform>%n Quellen · noch nicht synchronisiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n source(s) · synced %1</source>
        <translation>
            <numerusform>%n Quelle · synchronisiert %1</numerusform>
            <numerusform>%n Quellen · synchronisiert %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stale</source>
        <translation>
            <numerusform>%n veraltet</numerusform>
            <numerusform>%n veraltet</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;Click to open the Sources page.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Klicken, um die Seite „Quellen“ zu öffnen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sync of %1 held back:&lt;/b&gt; it would remove %2 of %3 entities. The catalog keeps the last good data until you review it.</source>
        <translation>&lt;b&gt;Synchronisierung von %1 zurückgehalten:&lt;/b&gt; Sie würde %2 von %3 Entitäten entfernen. Der Katalog behält die letzten guten Daten, bis Sie sie prüfen.</translation>
    </message>
    <message numerus="yes">
        <source>(%n more source(s) held back)</source>
        <translation>
            <numerusform>(%n weitere Quelle zurückgehalten)</numerusform>
            <numerusform>(%n weitere Quellen zurückgehalten)</numerusform>
        </translation>
    </message>
    <message>
        <source>Action Not Found</source>
        <translation>Aktion nicht gefunden</translation>
    </message>
    <message>
        <source>The action %1 is no longer in the catalog.</source>
        <translation>Die Aktion %1 ist nicht mehr im Katalog.</translation>
    </message>
    <message>
        <source>Approved; the requester&apos;s Portolan goes on with it</source>
        <translation>Genehmigt; das Portolan der anfragenden Person setzt die Ausführung fort</translation>
    </message>
    <message>
        <source>Rejected; the requester sees your comment</source>
        <translation>Abgelehnt; die anfragende Person sieht Ihren Kommentar</translation>
    </message>
    <message>
        <source>Decision not recorded</source>
        <translation>Entscheidung nicht gespeichert</translation>
    </message>
    <message>
        <source>Your decision could not be written to the approvals repository: %1</source>
        <translation>Ihre Entscheidung konnte nicht in das Genehmigungs-Repository geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Start at Login</source>
        <translation>Bei Anmeldung starten</translation>
    </message>
    <message numerus="yes">
        <source>Inbox (%n unread)</source>
        <translation>
            <numerusform>Posteingang (%n ungelesen)</numerusform>
            <numerusform>Posteingang (%n ungelesen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the catalog from the offline cache…</source>
        <translation>Der Katalog wird aus dem Offline-Cache gelesen…</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>&amp;Go to…</source>
        <translation>&amp;Gehe zu …</translation>
    </message>
    <message>
        <source>&amp;Welcome…</source>
        <translation>&amp;Willkommen …</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;Benutzerhandbuch</translation>
    </message>
    <message>
        <source>There is no entity %1 in the catalog of this workspace.</source>
        <translation>Im Katalog dieses Arbeitsbereichs gibt es keine Entität %1.</translation>
    </message>
    <message>
        <source>There is no run %1 in the run history of this workspace.</source>
        <translation>Im Ausführungsverlauf dieses Arbeitsbereichs gibt es keine Ausführung %1.</translation>
    </message>
    <message>
        <source>%1 is neither a workspace folder nor a Portolan link.</source>
        <translation>%1 ist weder ein Arbeitsbereich-Ordner noch ein Portolan-Link.</translation>
    </message>
    <message>
        <source>Cannot Open the Link</source>
        <translation>Link kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Menu %1</source>
        <translation>Menü %1</translation>
    </message>
    <message>
        <source>Menu %1 · %2</source>
        <translation>Menü %1 · %2</translation>
    </message>
    <message>
        <source>Action · %1</source>
        <translation>Aktion · %1</translation>
    </message>
    <message>
        <source>Opening the offline cache…</source>
        <translation>Der Offline-Cache wird geöffnet …</translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::NotificationCenter</name>
    <message>
        <source>%1 expires in %2</source>
        <translation>%1 läuft in %2 ab</translation>
    </message>
    <message>
        <source>%1 ends at %2. Open it to extend its time to live.</source>
        <translation>%1 endet am %2. Öffnen Sie die Entität, um ihre Lebensdauer zu verlängern.</translation>
    </message>
    <message>
        <source>%1 has expired</source>
        <translation>%1 ist abgelaufen</translation>
    </message>
    <message>
        <source>%1 reached the end of its time to live at %2.</source>
        <translation>Die Lebensdauer von %1 ist am %2 abgelaufen.</translation>
    </message>
    <message>
        <source>%1 has been failing for %2</source>
        <translation>%1 schlägt seit %2 fehl</translation>
    </message>
    <message>
        <source>The catalog keeps its last good data from this source.</source>
        <translation>Der Katalog behält die letzten guten Daten aus dieser Quelle.</translation>
    </message>
    <message>
        <source>Dry run of %1 succeeded</source>
        <translation>Probelauf von %1 erfolgreich</translation>
    </message>
    <message>
        <source>Dry run of %1 failed</source>
        <translation>Probelauf von %1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 succeeded</source>
        <translation>%1 erfolgreich</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>On %1.</source>
        <translation>Für %1.</translation>
    </message>
    <message>
        <source>Started by an automation: %1</source>
        <translation>Von einer Automatisierung gestartet: %1</translation>
    </message>
    <message>
        <source>Approval requested: %1</source>
        <translation>Genehmigung angefragt: %1</translation>
    </message>
    <message>
        <source>%1 asks for your approval.</source>
        <translation>%1 bittet um Ihre Genehmigung.</translation>
    </message>
    <message>
        <source>%1 asks for your approval on %2.</source>
        <translation>%1 bittet um Ihre Genehmigung für %2.</translation>
    </message>
    <message>
        <source>Approved: %1</source>
        <translation>Genehmigt: %1</translation>
    </message>
    <message>
        <source>Rejected: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <source>Your request was approved.</source>
        <translation>Ihre Anfrage wurde genehmigt.</translation>
    </message>
    <message>
        <source>Your request was rejected.</source>
        <translation>Ihre Anfrage wurde abgelehnt.</translation>
    </message>
    <message>
        <source>%1 approved your request.</source>
        <translation>%1 hat Ihre Anfrage genehmigt.</translation>
    </message>
    <message>
        <source>%1 rejected your request.</source>
        <translation>%1 hat Ihre Anfrage abgelehnt.</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>„%1“</translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::OperationsTab</name>
    <message>
        <source>created</source>
        <translation>erstellt</translation>
    </message>
    <message>
        <source>modified</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>Firing</source>
        <translation>Löst aus</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Suppressed</source>
        <translation>Unterdrückt</translation>
    </message>
    <message>
        <source>Silenced</source>
        <translation>Stummgeschaltet</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Key metrics</source>
        <translation>Kennzahlen</translation>
    </message>
    <message>
        <source>Feature flags</source>
        <translation>Feature-Flags</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Flag</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Infrastructure</source>
        <translation>Infrastruktur</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Workspace</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Letzte Änderung</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>Betrieb</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; by %2 until %3: %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; von %2 bis %3: %4</translation>
    </message>
    <message>
        <source>Silences</source>
        <translation>Stummschaltungen</translation>
    </message>
    <message>
        <source>%1 over %2: %3 (CPU %4, memory %5, storage %6)</source>
        <translation>%1 über %2: %3 (CPU %4, Speicher %5, Storage %6)</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>No infrastructure, feature flags, alerts or metrics are known for this entity. Monitoring and flag sources map them by the entity&apos;s name or its prometheus.io/service annotation; Terraform resources by a tag or the terraform.io/resources annotation.</source>
        <translation>Für diese Entität sind weder Infrastruktur noch Feature-Flags, Alarme oder Metriken bekannt. Monitoring- und Flag-Quellen ordnen sie über den Namen der Entität oder ihre Annotation prometheus.io/service zu, Terraform-Ressourcen über einen Tag oder die Annotation terraform.io/resources.</translation>
    </message>
    <message numerus="yes">
        <source>%n firing alert(s)</source>
        <translation>
            <numerusform>%n auslösender Alarm</numerusform>
            <numerusform>%n auslösende Alarme</numerusform>
        </translation>
    </message>
    <message>
        <source>No alert firing</source>
        <translation>Kein Alarm löst aus</translation>
    </message>
    <message numerus="yes">
        <source>%n feature flag(s)</source>
        <translation>
            <numerusform>%n Feature-Flag</numerusform>
            <numerusform>%n Feature-Flags</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stale</source>
        <translation>
            <numerusform>%n veraltet</numerusform>
            <numerusform>%n veraltet</numerusform>
        </translation>
    </message>
    <message>
        <source>read %1</source>
        <translation>gelesen %1</translation>
    </message>
    <message numerus="yes">
        <source>%n resource(s)</source>
        <translation>
            <numerusform>%n Ressource</numerusform>
            <numerusform>%n Ressourcen</numerusform>
        </translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>Attribut</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Terraform attributes</source>
        <translation>Terraform-Attribute</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>On</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Stale: %1</source>
        <translation>Veraltet: %1</translation>
    </message>
    <message>
        <source>Alerts: none firing or pending</source>
        <translation>Alarme: keiner löst aus oder steht aus</translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) over the last window</source>
        <translation>
            <numerusform>%n Punkt im letzten Zeitfenster</numerusform>
            <numerusform>%n Punkte im letzten Zeitfenster</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::PendingDeletionsDialog</name>
    <message>
        <source>Accept Changes</source>
        <translation>Änderungen übernehmen</translation>
    </message>
    <message>
        <source>Keep Current Data</source>
        <translation>Aktuelle Daten behalten</translation>
    </message>
    <message>
        <source>Decide Later</source>
        <translation>Später entscheiden</translation>
    </message>
    <message>
        <source>Review Held-Back Sync — %1</source>
        <translation>Zurückgehaltene Synchronisierung prüfen — %1</translation>
    </message>
    <message>
        <source>The sync of “%1” was held back</source>
        <translation>Die Synchronisierung von „%1“ wurde zurückgehalten</translation>
    </message>
    <message>
        <source>It would remove %1 of the %2 entities this source provides (%3%; more than %4% is held back). That is more often a moved folder, an emptied file or a broken server than a real clean-up. Until you decide, the catalog keeps the source&apos;s last good data. Held back %5.</source>
        <translation>Sie würde %1 der %2 Entitäten dieser Quelle entfernen (%3 %; mehr als %4 % werden zurückgehalten). Das ist häufiger ein verschobener Ordner, eine geleerte Datei oder ein gestörter Server als ein echtes Aufräumen. Bis Sie entscheiden, behält der Katalog die letzten guten Daten der Quelle. Zurückgehalten %5.</translation>
    </message>
    <message>
        <source>entities now</source>
        <translation>Entitäten jetzt</translation>
    </message>
    <message>
        <source>after this sync</source>
        <translation>nach dieser Synchronisierung</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>Filter the entity references</source>
        <translation>Entitätsreferenzen filtern</translation>
    </message>
    <message numerus="yes">
        <source>Apply the sync: the %n entities no longer in the source leave the catalog</source>
        <translation>
            <numerusform>Synchronisierung übernehmen: Die %n Entität, die nicht mehr in der Quelle ist, verlässt den Katalog</numerusform>
            <numerusform>Synchronisierung übernehmen: Die %n Entitäten, die nicht mehr in der Quelle sind, verlassen den Katalog</numerusform>
        </translation>
    </message>
    <message>
        <source>Drop this sync and keep the last good data; the next sync is checked again</source>
        <translation>Diese Synchronisierung verwerfen und die letzten guten Daten behalten; die nächste Synchronisierung wird wieder geprüft</translation>
    </message>
    <message>
        <source>Close and keep the sync waiting; the Sources page and the banner remind you</source>
        <translation>Schließen und die Synchronisierung warten lassen; die Seite „Quellen“ und der Hinweisbalken erinnern Sie daran</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Would be removed</source>
        <translation>Würden entfernt</translation>
    </message>
    <message>
        <source>Would be added</source>
        <translation>Würden hinzugefügt</translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>The system&apos;s (%1)</source>
        <translation>Systemstandard (%1)</translation>
    </message>
    <message>
        <source>Portolan uses the new language when it starts again.</source>
        <translation>Portolan verwendet die neue Sprache beim nächsten Start.</translation>
    </message>
    <message>
        <source>The system&apos;s</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>&amp;Colours:</source>
        <translation>&amp;Farben:</translation>
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
    <name>Portolan::Ui::PullRequestsModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Eröffnet</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Checks</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Branch</translation>
    </message>
    <message>
        <source>%1 (draft)</source>
        <translation>%1 (Entwurf)</translation>
    </message>
    <message>
        <source>Labels: %1</source>
        <translation>Labels: %1</translation>
    </message>
    <message>
        <source>Requested: %1</source>
        <translation>Angefragt: %1</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
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
    <name>Portolan::Ui::ReleasesModel</name>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>%1 (pre-release)</source>
        <translation>%1 (Vorabversion)</translation>
    </message>
    <message>
        <source>%1 (draft)</source>
        <translation>%1 (Entwurf)</translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::RunStyle</name>
    <message>
        <source>Queued</source>
        <translation>In Warteschlange</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation>Wartet auf Genehmigung</translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::RunsModel</name>
    <message>
        <source>%1 (dry run)</source>
        <translation>%1 (Probelauf)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Entität</translation>
    </message>
    <message>
        <source>Started by</source>
        <translation>Gestartet von</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Took</source>
        <translation>Dauer</translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::RunsPage</name>
    <message>
        <source>Only &amp;mine</source>
        <translation>Nur &amp;meine</translation>
    </message>
    <message>
        <source>Re-run…</source>
        <translation>Erneut ausführen …</translation>
    </message>
    <message>
        <source>Cancel Run</source>
        <translation>Ausführung abbrechen</translation>
    </message>
    <message>
        <source>Refresh Status</source>
        <translation>Status aktualisieren</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Ausführungen</translation>
    </message>
    <message>
        <source>Search runs: action, entity, parameters</source>
        <translation>Ausführungen durchsuchen: Aktion, Entität, Parameter</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>A&amp;ction:</source>
        <translation>A&amp;ktion:</translation>
    </message>
    <message>
        <source>Open the action&apos;s form with this run&apos;s parameters (secret ones are never kept)</source>
        <translation>Das Formular der Aktion mit den Parametern dieser Ausführung öffnen (geheime Werte werden nie gespeichert)</translation>
    </message>
    <message>
        <source>Ask the platform for the state of the workflow runs and pull requests now</source>
        <translation>Die Plattform jetzt nach dem Stand der Workflow-Läufe und Pull-Requests fragen</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>The selected step&apos;s log and outputs</source>
        <translation>Protokoll und Ausgaben des ausgewählten Schritts</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>No runs yet. Start an action from the Actions page or an entity&apos;s page; every run is kept here with its inputs, logs and results.</source>
        <translation>Noch keine Ausführungen. Starten Sie eine Aktion auf der Seite „Aktionen“ oder auf der Seite einer Entität; jede Ausführung wird hier mit ihren Eingaben, Protokollen und Ergebnissen aufbewahrt.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Run %1 by %2, %3</source>
        <translation>Ausführung %1 von %2, %3</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>für %1</translation>
    </message>
    <message>
        <source>took %1</source>
        <translation>Dauer %1</translation>
    </message>
    <message>
        <source>idempotency key %1</source>
        <translation>Idempotenzschlüssel %1</translation>
    </message>
    <message>
        <source>No links yet.</source>
        <translation>Noch keine Links.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Output:</source>
        <translation>Ausgabe:</translation>
    </message>
    <message>
        <source>Input:</source>
        <translation>Eingabe:</translation>
    </message>
    <message>
        <source>(nothing logged yet)</source>
        <translation>(noch nichts protokolliert)</translation>
    </message>
    <message>
        <source>started by the automation “%1”: %2</source>
        <translation>gestartet von der Automatisierung „%1“: %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Approved.&lt;/b&gt; Asked of %1.</source>
        <translation>&lt;b&gt;Genehmigt.&lt;/b&gt; Angefragt bei %1.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Rejected.&lt;/b&gt; Asked of %1.</source>
        <translation>&lt;b&gt;Abgelehnt.&lt;/b&gt; Angefragt bei %1.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Waiting for approval&lt;/b&gt; from one of each: %1.</source>
        <translation>&lt;b&gt;Wartet auf Genehmigung&lt;/b&gt; von je einer Person aus: %1.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Waiting for approval&lt;/b&gt; from any one of: %1.</source>
        <translation>&lt;b&gt;Wartet auf Genehmigung&lt;/b&gt; von einer beliebigen Person aus: %1.</translation>
    </message>
    <message>
        <source>%1 approved %2 (%3)</source>
        <translation>%1 hat am %2 genehmigt (%3)</translation>
    </message>
    <message>
        <source>%1 rejected %2 (%3)</source>
        <translation>%1 hat am %2 abgelehnt (%3)</translation>
    </message>
    <message>
        <source>does not count: not an approver of this request</source>
        <translation>zählt nicht: nicht genehmigungsberechtigt für diese Anfrage</translation>
    </message>
    <message>
        <source>The approvals repository could not be reached: %1. Portolan tries again.</source>
        <translation>Das Genehmigungs-Repository war nicht erreichbar: %1. Portolan versucht es erneut.</translation>
    </message>
    <message>
        <source>The change waits on the branch %1; approvers approve in their Inbox, or by merging it.</source>
        <translation>Die Änderung wartet auf dem Branch %1; Genehmigende genehmigen sie in ihrem Posteingang oder indem sie den Branch mergen.</translation>
    </message>
    <message>
        <source>The change waits in &lt;a href=&quot;%1&quot;&gt;its pull request&lt;/a&gt;; approvers approve in their Inbox, or with a review on GitHub.</source>
        <translation>Die Änderung wartet in &lt;a href=&quot;%1&quot;&gt;ihrem Pull-Request&lt;/a&gt;; Genehmigende genehmigen in ihrem Posteingang oder mit einem Review auf GitHub.</translation>
    </message>
    <message>
        <source>Search the runs</source>
        <translation>Ausführungen durchsuchen</translation>
    </message>
    <message>
        <source>Run details</source>
        <translation>Details der Ausführung</translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::RuntimeModel</name>
    <message>
        <source>Workload</source>
        <translation>Workload</translation>
    </message>
    <message>
        <source>Cluster / namespace</source>
        <translation>Cluster / Namespace</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>Neustarts</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>%1 desired, %2 ready, %3 up to date, %4 available</source>
        <translation>%1 gewünscht, %2 bereit, %3 aktuell, %4 verfügbar</translation>
    </message>
    <message>
        <source>Node %1</source>
        <translation>Knoten %1</translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::RuntimeTab</name>
    <message>
        <source>Services and ingresses</source>
        <translation>Services und Ingresses</translation>
    </message>
    <message>
        <source>Recent warning events</source>
        <translation>Aktuelle Warn-Events</translation>
    </message>
    <message>
        <source>Runtime</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>Nothing in Kubernetes is mapped to this entity. Add the annotation &lt;code&gt;backstage.io/kubernetes-id: %1&lt;/code&gt; to its descriptor and the label &lt;code&gt;backstage.io/kubernetes-id=%1&lt;/code&gt; to its workloads (or the annotation &lt;code&gt;backstage.io/kubernetes-label-selector&lt;/code&gt;), and a &lt;code&gt;kubernetes&lt;/code&gt; source to the workspace.</source>
        <translation>Dieser Entität ist nichts in Kubernetes zugeordnet. Fügen Sie ihrem Deskriptor die Annotation &lt;code&gt;backstage.io/kubernetes-id: %1&lt;/code&gt; und ihren Workloads das Label &lt;code&gt;backstage.io/kubernetes-id=%1&lt;/code&gt; hinzu (oder die Annotation &lt;code&gt;backstage.io/kubernetes-label-selector&lt;/code&gt;), und dem Arbeitsbereich eine &lt;code&gt;kubernetes&lt;/code&gt;-Quelle.</translation>
    </message>
    <message>
        <source>No workloads found for &lt;b&gt;%1&lt;/b&gt; in the clusters the workspace&apos;s &lt;code&gt;kubernetes&lt;/code&gt; sources watch.</source>
        <translation>Keine Workloads für &lt;b&gt;%1&lt;/b&gt; in den Clustern gefunden, die die &lt;code&gt;kubernetes&lt;/code&gt;-Quellen des Arbeitsbereichs beobachten.</translation>
    </message>
    <message>
        <source>%1 &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>%1 &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%n workload(s)</source>
        <translation>
            <numerusform>%n Workload</numerusform>
            <numerusform>%n Workloads</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 pods ready</source>
        <translation>%1 von %2 Pods bereit</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>updated %1</source>
        <translation>%1 aktualisiert</translation>
    </message>
    <message>
        <source>No workloads, only services or events.</source>
        <translation>Keine Workloads, nur Services oder Events.</translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::ScorecardHeatmapModel</name>
    <message numerus="yes">
        <source>%1: %2 of %n entities pass “%3”</source>
        <translation>
            <numerusform>%1: %2 von %n Entität erfüllt „%3“</numerusform>
            <numerusform>%1: %2 von %n Entitäten erfüllen „%3“</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n entities)</source>
        <translation>
            <numerusform>%1 (%n Entität)</numerusform>
            <numerusform>%1 (%n Entitäten)</numerusform>
        </translation>
    </message>
    <message>
        <source>The lowest level among the team&apos;s entities</source>
        <translation>Die niedrigste Stufe unter den Entitäten des Teams</translation>
    </message>
    <message>
        <source>How to fix: %1</source>
        <translation>So beheben: %1</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Entität</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Punkte</translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::ScorecardTab</name>
    <message>
        <source>This entity is not in the evaluated catalog yet.</source>
        <translation>Diese Entität ist noch nicht im ausgewerteten Katalog.</translation>
    </message>
    <message>
        <source>The scorecards are being evaluated…</source>
        <translation>Die Scorecards werden ausgewertet …</translation>
    </message>
    <message>
        <source>%1% · %2 passed, %3 failed, %4 unknown</source>
        <translation>%1 % · %2 erfüllt, %3 nicht erfüllt, %4 unbekannt</translation>
    </message>
    <message>
        <source>How to fix:</source>
        <translation>So beheben:</translation>
    </message>
    <message>
        <source>No scorecard applies to this entity.</source>
        <translation>Keine Scorecard gilt für diese Entität.</translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::ScorecardsPage</name>
    <message>
        <source>What If…</source>
        <translation>Was wäre, wenn …</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Als CSV exportieren …</translation>
    </message>
    <message>
        <source>Scorecards</source>
        <translation>Scorecards</translation>
    </message>
    <message>
        <source>Scorecard</source>
        <translation>Scorecard</translation>
    </message>
    <message>
        <source>Edit this scorecard and see which entities would move up or down, before committing it</source>
        <translation>Diese Scorecard bearbeiten und sehen, welche Entitäten auf- oder absteigen würden, bevor sie eingecheckt wird</translation>
    </message>
    <message>
        <source>Save the rows shown, with every rule&apos;s result, as a CSV file</source>
        <translation>Die angezeigten Zeilen mit dem Ergebnis jeder Regel als CSV-Datei speichern</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>Ei&amp;gentümer:</translation>
    </message>
    <message>
        <source>S&amp;ystem:</source>
        <translation>S&amp;ystem:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>&amp;Entities</source>
        <translation>&amp;Entitäten</translation>
    </message>
    <message>
        <source>&amp;Teams</source>
        <translation>&amp;Teams</translation>
    </message>
    <message>
        <source>Rows:</source>
        <translation>Zeilen:</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>Stufen</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Was sich geändert hat</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Entität</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <source>Rules passed per entity</source>
        <translation>Erfüllte Regeln je Entität</translation>
    </message>
    <message>
        <source>No scorecards in this workspace</source>
        <translation>Keine Scorecards in diesem Arbeitsbereich</translation>
    </message>
    <message>
        <source>Scorecards are YAML files in the workspace&apos;s scorecards folder: which entities they apply to, levels such as Bronze, Silver and Gold, and the rules of each level. See “Scorecards” in the README.</source>
        <translation>Scorecards sind YAML-Dateien im Ordner scorecards des Arbeitsbereichs: für welche Entitäten sie gelten, Stufen wie Bronze, Silber und Gold und die Regeln jeder Stufe. Siehe „Scorecards“ im README.</translation>
    </message>
    <message>
        <source>The scorecard files have problems:</source>
        <translation>Die Scorecard-Dateien haben Probleme:</translation>
    </message>
    <message>
        <source>Evaluating the scorecards…</source>
        <translation>Die Scorecards werden ausgewertet …</translation>
    </message>
    <message numerus="yes">
        <source>%n scorecard problem(s); the rules they concern are left out:</source>
        <translation>
            <numerusform>%n Scorecard-Problem; die betroffenen Regeln werden ausgelassen:</numerusform>
            <numerusform>%n Scorecard-Probleme; die betroffenen Regeln werden ausgelassen:</numerusform>
        </translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message numerus="yes">
        <source>%n entities</source>
        <translation>
            <numerusform>%n Entität</numerusform>
            <numerusform>%n Entitäten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>last %n days</source>
        <translation>
            <numerusform>letzter %n Tag</numerusform>
            <numerusform>letzte %n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>The history could not be read: %1</source>
        <translation>Der Verlauf konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>seit %1</translation>
    </message>
    <message>
        <source>No entity changed level or rules</source>
        <translation>Keine Entität hat Stufe oder Regeln gewechselt</translation>
    </message>
    <message>
        <source>Export Scorecard</source>
        <translation>Scorecard exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::SearchField</name>
    <message>
        <source>Search name, title, description, tags, owner, annotations…</source>
        <translation>Name, Titel, Beschreibung, Tags, Eigentümer, Annotationen durchsuchen …</translation>
    </message>
    <message>
        <source>Search the catalog (Ctrl+F). Esc clears, Down moves into the results.</source>
        <translation>Im Katalog suchen (Strg+F). Esc leert das Feld, Pfeil nach unten wechselt in die Ergebnisse.</translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::SingleInstance</name>
    <message>
        <source>Another Portolan is starting (%1 is locked).</source>
        <translation>Ein anderes Portolan startet gerade (%1 ist gesperrt).</translation>
    </message>
    <message>
        <source>The running Portolan did not answer.</source>
        <translation>Das laufende Portolan hat nicht geantwortet.</translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::SourceDialog</name>
    <message>
        <source>Source “%1”</source>
        <translation>Quelle „%1“</translation>
    </message>
    <message>
        <source>Add Source</source>
        <translation>Quelle hinzufügen</translation>
    </message>
    <message>
        <source>Edit Source “%1”</source>
        <translation>Quelle „%1“ bearbeiten</translation>
    </message>
    <message>
        <source>These are the workspace&apos;s own descriptors (its folder, or the &lt;tt&gt;locations&lt;/tt&gt; in portolan.yaml). They are read as a files source and cannot be edited here.</source>
        <translation>Das sind die eigenen Deskriptoren des Arbeitsbereichs (sein Ordner oder die &lt;tt&gt;locations&lt;/tt&gt; in portolan.yaml). Sie werden als Dateiquelle gelesen und können hier nicht bearbeitet werden.</translation>
    </message>
    <message>
        <source>%1, line %2</source>
        <translation>%1, Zeile %2</translation>
    </message>
    <message>
        <source>This source is shared with everyone who uses the workspace: it is configured in &lt;b&gt;%1&lt;/b&gt;. Change it there (the YAML is on the right); your own sources are added with “Add Source…”.</source>
        <translation>Diese Quelle teilen alle, die den Arbeitsbereich verwenden: Sie ist in &lt;b&gt;%1&lt;/b&gt; konfiguriert. Ändern Sie sie dort (das YAML steht rechts); eigene Quellen fügen Sie mit „Quelle hinzufügen …“ hinzu.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Every %1</source>
        <translation>Alle %1</translation>
    </message>
    <message>
        <source>%1 (not listed in portolan.yaml)</source>
        <translation>%1 (nicht in portolan.yaml aufgeführt)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>PEM-Dateien (*.pem *.crt *.key);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <source>Shown in the Sources page, e.g. Team catalog</source>
        <translation>Wird auf der Seite „Quellen“ angezeigt, z. B. Team-Katalog</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titel:</translation>
    </message>
    <message>
        <source>e.g. team-catalog</source>
        <translation>z. B. team-catalog</translation>
    </message>
    <message>
        <source>Unique in the workspace; entities remember it as their source. Lower-case letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;.</source>
        <translation>Eindeutig im Arbeitsbereich; Entitäten merken sie sich als ihre Quelle. Kleinbuchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; und &apos;-&apos;.</translation>
    </message>
    <message>
        <source>Id:</source>
        <translation>ID:</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <source>the repository&apos;s default branch</source>
        <translation>der Standard-Branch des Repositorys</translation>
    </message>
    <message>
        <source>Branch:</source>
        <translation>Branch:</translation>
    </message>
    <message>
        <source>Add Folder…</source>
        <translation>Ordner hinzufügen …</translation>
    </message>
    <message>
        <source>Add a Folder of Descriptors</source>
        <translation>Ordner mit Deskriptoren hinzufügen</translation>
    </message>
    <message>
        <source>One per line: folders, files or globs such as &lt;tt&gt;catalog/**/*.yaml&lt;/tt&gt;.</source>
        <translation>Einer pro Zeile: Ordner, Dateien oder Globs wie &lt;tt&gt;catalog/**/*.yaml&lt;/tt&gt;.</translation>
    </message>
    <message>
        <source>Paths:</source>
        <translation>Pfade:</translation>
    </message>
    <message>
        <source>everything; e.g. kind=component,spec.lifecycle=production</source>
        <translation>alles; z. B. kind=component,spec.lifecycle=production</translation>
    </message>
    <message>
        <source>Filter:</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <source>Only on demand</source>
        <translation>Nur auf Anforderung</translation>
    </message>
    <message>
        <source>Refresh:</source>
        <translation>Aktualisierung:</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Credential:</source>
        <translation>Zugangsdaten:</translation>
    </message>
    <message>
        <source>Verify the server&apos;s certificate</source>
        <translation>Zertifikat des Servers prüfen</translation>
    </message>
    <message>
        <source>TLS verification is off for this source: anyone between you and the server could read the credential and change the catalog.</source>
        <translation>Die TLS-Prüfung ist für diese Quelle ausgeschaltet: Jeder zwischen Ihnen und dem Server könnte die Zugangsdaten mitlesen und den Katalog verändern.</translation>
    </message>
    <message>
        <source>TLS:</source>
        <translation>TLS:</translation>
    </message>
    <message>
        <source>CA Bundle</source>
        <translation>CA-Bundle</translation>
    </message>
    <message>
        <source>CA bundle:</source>
        <translation>CA-Bundle:</translation>
    </message>
    <message>
        <source>Client Certificate</source>
        <translation>Client-Zertifikat</translation>
    </message>
    <message>
        <source>Client certificate:</source>
        <translation>Client-Zertifikat:</translation>
    </message>
    <message>
        <source>Client Key</source>
        <translation>Client-Schlüssel</translation>
    </message>
    <message>
        <source>Client key:</source>
        <translation>Client-Schlüssel:</translation>
    </message>
    <message>
        <source>As configured in portolan.yaml, under &lt;tt&gt;sources:&lt;/tt&gt;</source>
        <translation>Wie in portolan.yaml unter &lt;tt&gt;sources:&lt;/tt&gt; konfiguriert</translation>
    </message>
    <message>
        <source>To share this source with everyone who uses the workspace, add it to portolan.yaml under &lt;tt&gt;sources:&lt;/tt&gt;</source>
        <translation>Um diese Quelle mit allen zu teilen, die den Arbeitsbereich verwenden, fügen Sie sie in portolan.yaml unter &lt;tt&gt;sources:&lt;/tt&gt; ein</translation>
    </message>
    <message>
        <source>Copy YAML</source>
        <translation>YAML kopieren</translation>
    </message>
    <message>
        <source>https://github.com/acme/catalog.git or git@host:acme/catalog.git</source>
        <translation>https://github.com/acme/catalog.git oder git@host:acme/catalog.git</translation>
    </message>
    <message>
        <source>https://backstage.example.com</source>
        <translation>https://backstage.example.com</translation>
    </message>
    <message>
        <source>catalog
~/work/team/catalog-info.yaml</source>
        <translation>catalog
~/work/team/catalog-info.yaml</translation>
    </message>
    <message>
        <source>the whole repository; e.g. **/catalog-info.yaml</source>
        <translation>das ganze Repository; z. B. **/catalog-info.yaml</translation>
    </message>
    <message>
        <source>Enter an id for the source.</source>
        <translation>Geben Sie eine ID für die Quelle ein.</translation>
    </message>
    <message>
        <source>Use lower-case letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;, starting with a letter or digit.</source>
        <translation>Verwenden Sie Kleinbuchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; und &apos;-&apos;, beginnend mit einem Buchstaben oder einer Ziffer.</translation>
    </message>
    <message>
        <source>The workspace already has a source “%1”.</source>
        <translation>Der Arbeitsbereich hat schon eine Quelle „%1“.</translation>
    </message>
    <message>
        <source>Enter the repository&apos;s URL.</source>
        <translation>Geben Sie die URL des Repositorys ein.</translation>
    </message>
    <message>
        <source>Enter a git URL: https://…, ssh://…, git@host:path or file://…</source>
        <translation>Geben Sie eine Git-URL ein: https://…, ssh://…, git@host:pfad oder file://…</translation>
    </message>
    <message>
        <source>Enter the address of the Backstage instance.</source>
        <translation>Geben Sie die Adresse der Backstage-Instanz ein.</translation>
    </message>
    <message>
        <source>Enter an http:// or https:// address.</source>
        <translation>Geben Sie eine http://- oder https://-Adresse ein.</translation>
    </message>
    <message>
        <source>Plain http sends the credential unencrypted.</source>
        <translation>Einfaches http überträgt die Zugangsdaten unverschlüsselt.</translation>
    </message>
    <message>
        <source>Enter at least one folder, file or glob.</source>
        <translation>Geben Sie mindestens einen Ordner, eine Datei oder einen Glob ein.</translation>
    </message>
    <message>
        <source>Not found (yet): %1</source>
        <translation>(Noch) nicht gefunden: %1</translation>
    </message>
    <message>
        <source>“%1” is not listed under credentials in portolan.yaml.</source>
        <translation>„%1“ ist in portolan.yaml nicht unter credentials aufgeführt.</translation>
    </message>
    <message>
        <source>There is no such file.</source>
        <translation>Diese Datei gibt es nicht.</translation>
    </message>
    <message>
        <source>A client certificate needs its key.</source>
        <translation>Ein Client-Zertifikat braucht seinen Schlüssel.</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>e.g. acme</source>
        <translation>z. B. acme</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>Eigentümer:</translation>
    </message>
    <message>
        <source>CI runs, pull requests, releases and deployments</source>
        <translation>CI-Läufe, Pull Requests, Releases und Deployments</translation>
    </message>
    <message>
        <source>For every entity in the catalog with a github.com/project-slug annotation</source>
        <translation>Für jede Entität im Katalog mit einer Annotation github.com/project-slug</translation>
    </message>
    <message>
        <source>Repositories without a descriptor, as Components</source>
        <translation>Repositorys ohne Deskriptor als Komponenten</translation>
    </message>
    <message>
        <source>Topics become tags, archived repositories are deprecated, and the first owner in CODEOWNERS is the owner</source>
        <translation>Topics werden zu Tags, archivierte Repositorys gelten als veraltet, und der erste Eigentümer in CODEOWNERS ist der Eigentümer</translation>
    </message>
    <message>
        <source>Archived repositories</source>
        <translation>Archivierte Repositorys</translation>
    </message>
    <message>
        <source>Read:</source>
        <translation>Lesen:</translation>
    </message>
    <message>
        <source>Kubeconfig</source>
        <translation>Kubeconfig</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>$KUBECONFIG, else ~/.kube/config</source>
        <translation>$KUBECONFIG, sonst ~/.kube/config</translation>
    </message>
    <message>
        <source>Several files are separated by “%1”, as in KUBECONFIG</source>
        <translation>Mehrere Dateien werden wie in KUBECONFIG durch „%1“ getrennt</translation>
    </message>
    <message>
        <source>Kubeconfig:</source>
        <translation>Kubeconfig:</translation>
    </message>
    <message>
        <source>Contexts:</source>
        <translation>Kontexte:</translation>
    </message>
    <message>
        <source>all namespaces; e.g. payments, checkout</source>
        <translation>alle Namespaces; z. B. payments, checkout</translation>
    </message>
    <message>
        <source>Namespaces:</source>
        <translation>Namespaces:</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen …</translation>
    </message>
    <message>
        <source>%1 (current)</source>
        <translation>%1 (aktuell)</translation>
    </message>
    <message>
        <source>%1 (not in the kubeconfig)</source>
        <translation>%1 (nicht in der Kubeconfig)</translation>
    </message>
    <message>
        <source>The kubeconfig has no contexts.</source>
        <translation>Die Kubeconfig enthält keine Kontexte.</translation>
    </message>
    <message>
        <source>Checked contexts are read; none checked: the current context.</source>
        <translation>Die markierten Kontexte werden gelesen; ist keiner markiert, der aktuelle Kontext.</translation>
    </message>
    <message>
        <source>Catalog paths:</source>
        <translation>Katalogpfade:</translation>
    </message>
    <message>
        <source>API URL:</source>
        <translation>API-URL:</translation>
    </message>
    <message>
        <source>One per line, inside each repository; the first that exists is read.</source>
        <translation>Einer pro Zeile, innerhalb jedes Repositorys; der erste vorhandene wird gelesen.</translation>
    </message>
    <message>
        <source>https://api.github.com (GitHub Enterprise: https://host/api/v3)</source>
        <translation>https://api.github.com (GitHub Enterprise: https://host/api/v3)</translation>
    </message>
    <message>
        <source>Enter an http:// or https:// address, or leave it empty for github.com.</source>
        <translation>Geben Sie eine http://- oder https://-Adresse ein, oder lassen Sie das Feld für github.com leer.</translation>
    </message>
    <message>
        <source>Enter the organisation or user whose repositories are read.</source>
        <translation>Geben Sie die Organisation oder den Benutzer ein, deren Repositorys gelesen werden.</translation>
    </message>
    <message>
        <source>“%1” is not a GitHub account name.</source>
        <translation>„%1“ ist kein GitHub-Kontoname.</translation>
    </message>
    <message>
        <source>“%1”: a file path inside the repository, without globs or “..”.</source>
        <translation>„%1“: ein Dateipfad innerhalb des Repositorys, ohne Platzhalter und ohne „..“.</translation>
    </message>
    <message>
        <source>Without a token GitHub allows 60 requests an hour and shows public repositories only.</source>
        <translation>Ohne Token erlaubt GitHub 60 Anfragen pro Stunde und zeigt nur öffentliche Repositorys.</translation>
    </message>
    <message>
        <source>There is no such file: %1</source>
        <translation>Diese Datei gibt es nicht: %1</translation>
    </message>
    <message>
        <source>(not in the kubeconfig)</source>
        <translation>(nicht in der Kubeconfig)</translation>
    </message>
    <message>
        <source>Not in the kubeconfig: %1</source>
        <translation>Nicht in der Kubeconfig: %1</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Source id</source>
        <translation>ID der Quelle</translation>
    </message>
    <message>
        <source>Paths</source>
        <translation>Pfade</translation>
    </message>
    <message>
        <source>The source as YAML</source>
        <translation>Die Quelle als YAML</translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::SourcesModel</name>
    <message>
        <source>Disabled</source>
        <translation>Ausgeschaltet</translation>
    </message>
    <message>
        <source>Syncing · %1%</source>
        <translation>Synchronisierung · %1 %</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Wird synchronisiert …</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Held back</source>
        <translation>Zurückgehalten</translation>
    </message>
    <message>
        <source>Credential missing</source>
        <translation>Zugangsdaten fehlen</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Noch nicht synchronisiert</translation>
    </message>
    <message>
        <source>Stale since %1</source>
        <translation>Veraltet seit %1</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Turned off in the configuration</source>
        <translation>In der Konfiguration ausgeschaltet</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 von %3)</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>In Arbeit</translation>
    </message>
    <message numerus="yes">
        <source>It would remove %n entities; review it</source>
        <translation>
            <numerusform>Sie würde %n Entität entfernen; bitte prüfen</numerusform>
            <numerusform>Sie würde %n Entitäten entfernen; bitte prüfen</numerusform>
        </translation>
    </message>
    <message>
        <source>No secret is set for the credential “%1”</source>
        <translation>Für die Zugangsdaten „%1“ ist kein Secret gesetzt</translation>
    </message>
    <message>
        <source>Waiting for its first sync</source>
        <translation>Wartet auf die erste Synchronisierung</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n Problem</numerusform>
            <numerusform>%n Probleme</numerusform>
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
        <source>tried %1</source>
        <translation>versucht %1</translation>
    </message>
    <message>
        <source>Last successful sync: %1
Last attempt: %2</source>
        <translation>Letzte erfolgreiche Synchronisierung: %1
Letzter Versuch: %2</translation>
    </message>
    <message>
        <source>Running now</source>
        <translation>Läuft gerade</translation>
    </message>
    <message>
        <source>On demand</source>
        <translation>Auf Anforderung</translation>
    </message>
    <message numerus="yes">
        <source>retry after %n failure(s)</source>
        <translation>
            <numerusform>nach %n Fehlschlag</numerusform>
            <numerusform>nach %n Fehlschlägen</numerusform>
        </translation>
    </message>
    <message>
        <source>every %1</source>
        <translation>alle %1</translation>
    </message>
    <message>
        <source>when files change</source>
        <translation>wenn sich Dateien ändern</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>Entitäten</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Letzter Abgleich</translation>
    </message>
    <message>
        <source>Next sync</source>
        <translation>Nächster Abgleich</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::SourcesPage</name>
    <message>
        <source>Credentials…</source>
        <translation>Zugangsdaten …</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>Refresh All</source>
        <translation>Alle aktualisieren</translation>
    </message>
    <message>
        <source>Sync every source now (F5)</source>
        <translation>Jede Quelle jetzt synchronisieren (F5)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Sync the selected source now</source>
        <translation>Die ausgewählte Quelle jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the selected source&apos;s sync (or every running sync); the data shown stays</source>
        <translation>Die Synchronisierung der ausgewählten Quelle (oder alle laufenden) anhalten; die angezeigten Daten bleiben</translation>
    </message>
    <message>
        <source>Add Source…</source>
        <translation>Quelle hinzufügen …</translation>
    </message>
    <message>
        <source>Add a source of your own: a folder, a git repository or a Backstage instance</source>
        <translation>Eine eigene Quelle hinzufügen: einen Ordner, ein Git-Repository oder eine Backstage-Instanz</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten …</translation>
    </message>
    <message>
        <source>Edit the selected source (shared sources open read-only)</source>
        <translation>Die ausgewählte Quelle bearbeiten (geteilte Quellen öffnen schreibgeschützt)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected source; only your own sources can be removed</source>
        <translation>Die ausgewählte Quelle entfernen; nur eigene Quellen lassen sich entfernen</translation>
    </message>
    <message>
        <source>Set the secrets the sources sign in with</source>
        <translation>Die Secrets setzen, mit denen sich die Quellen anmelden</translation>
    </message>
    <message>
        <source>Refresh Now</source>
        <translation>Jetzt aktualisieren</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>Prüfen …</translation>
    </message>
    <message>
        <source>Set Secret…</source>
        <translation>Secret setzen …</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Configured in</source>
        <translation>Konfiguriert in</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Branch</translation>
    </message>
    <message>
        <source>Paths</source>
        <translation>Pfade</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>Zugangsdaten</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisierung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last result</source>
        <translation>Letztes Ergebnis</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>Entitäten</translation>
    </message>
    <message>
        <source>Last success</source>
        <translation>Letzter Erfolg</translation>
    </message>
    <message>
        <source>Last attempt</source>
        <translation>Letzter Versuch</translation>
    </message>
    <message>
        <source>Next sync</source>
        <translation>Nächste Synchronisierung</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>No workspace open</source>
        <translation>Kein Arbeitsbereich geöffnet</translation>
    </message>
    <message>
        <source>Reading the workspace configuration…</source>
        <translation>Konfiguration des Arbeitsbereichs wird gelesen …</translation>
    </message>
    <message numerus="yes">
        <source>%n source(s)</source>
        <translation>
            <numerusform>%n Quelle</numerusform>
            <numerusform>%n Quellen</numerusform>
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
        <source>%n syncing</source>
        <translation>
            <numerusform>%n synchronisiert gerade</numerusform>
            <numerusform>%n synchronisieren gerade</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message>
        <source>View…</source>
        <translation>Ansehen …</translation>
    </message>
    <message>
        <source>No workspace open.</source>
        <translation>Kein Arbeitsbereich geöffnet.</translation>
    </message>
    <message>
        <source>Select a source to see its settings and how its syncs went.</source>
        <translation>Wählen Sie eine Quelle, um ihre Einstellungen und den Verlauf ihrer Synchronisierungen zu sehen.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>The last sync failed.</source>
        <translation>Die letzte Synchronisierung ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The catalog keeps its last good data.</source>
        <translation>Der Katalog behält ihre letzten guten Daten.</translation>
    </message>
    <message>
        <source>HTTP status %1</source>
        <translation>HTTP-Status %1</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Datei: %1</translation>
    </message>
    <message numerus="yes">
        <source>Error code: %1 · failed %n time(s) in a row</source>
        <translation>
            <numerusform>Fehlercode: %1 · %n-mal in Folge fehlgeschlagen</numerusform>
            <numerusform>Fehlercode: %1 · %n-mal in Folge fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;The last sync was held back:&lt;/b&gt; it would remove %n of this source&apos;s entities. The catalog keeps the last good data until you decide.</source>
        <translation>
            <numerusform>&lt;b&gt;Die letzte Synchronisierung wurde zurückgehalten:&lt;/b&gt; Sie würde %n Entität dieser Quelle entfernen. Der Katalog behält die letzten guten Daten, bis Sie entscheiden.</numerusform>
            <numerusform>&lt;b&gt;Die letzte Synchronisierung wurde zurückgehalten:&lt;/b&gt; Sie würde %n Entitäten dieser Quelle entfernen. Der Katalog behält die letzten guten Daten, bis Sie entscheiden.</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;TLS verification is off for this source.&lt;/b&gt; Its server&apos;s certificate is not checked, so anyone on the network path could read its credential and change what it adds to the catalog.</source>
        <translation>&lt;b&gt;Die TLS-Prüfung ist für diese Quelle ausgeschaltet.&lt;/b&gt; Das Zertifikat ihres Servers wird nicht geprüft; jeder auf dem Netzwerkweg könnte ihre Zugangsdaten mitlesen und verändern, was sie zum Katalog beiträgt.</translation>
    </message>
    <message>
        <source>This source uses the credential “%1”, which portolan.yaml does not list under &lt;tt&gt;credentials&lt;/tt&gt;.</source>
        <translation>Diese Quelle verwendet die Zugangsdaten „%1“, die portolan.yaml nicht unter &lt;tt&gt;credentials&lt;/tt&gt; aufführt.</translation>
    </message>
    <message>
        <source>No secret is set for the credential “%1” that this source signs in with.</source>
        <translation>Für die Zugangsdaten „%1“, mit denen sich diese Quelle anmeldet, ist kein Secret gesetzt.</translation>
    </message>
    <message>
        <source>%1, line %2</source>
        <translation>%1, Zeile %2</translation>
    </message>
    <message>
        <source>Shared with the workspace: %1</source>
        <translation>Mit dem Arbeitsbereich geteilt: %1</translation>
    </message>
    <message>
        <source>Your own, on this computer: %1</source>
        <translation>Ihre eigene, auf diesem Computer: %1</translation>
    </message>
    <message>
        <source>The workspace&apos;s own descriptors (&lt;tt&gt;locations&lt;/tt&gt; in %1)</source>
        <translation>Die eigenen Deskriptoren des Arbeitsbereichs (&lt;tt&gt;locations&lt;/tt&gt; in %1)</translation>
    </message>
    <message>
        <source>The workspace&apos;s own descriptors (its folder)</source>
        <translation>Die eigenen Deskriptoren des Arbeitsbereichs (sein Ordner)</translation>
    </message>
    <message>
        <source>the default branch</source>
        <translation>der Standard-Branch</translation>
    </message>
    <message>
        <source>the whole repository</source>
        <translation>das ganze Repository</translation>
    </message>
    <message>
        <source>none: every entity</source>
        <translation>keiner: jede Entität</translation>
    </message>
    <message>
        <source>set, from %1</source>
        <translation>gesetzt, aus %1</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>set</source>
        <translation>gesetzt</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>wird geprüft …</translation>
    </message>
    <message>
        <source>when its files change, and on demand</source>
        <translation>wenn sich ihre Dateien ändern, und auf Anforderung</translation>
    </message>
    <message>
        <source>every %1</source>
        <translation>alle %1</translation>
    </message>
    <message>
        <source>on demand only</source>
        <translation>nur auf Anforderung</translation>
    </message>
    <message>
        <source>certificate verified</source>
        <translation>Zertifikat geprüft</translation>
    </message>
    <message>
        <source>verification off</source>
        <translation>Prüfung ausgeschaltet</translation>
    </message>
    <message>
        <source>CA bundle %1</source>
        <translation>CA-Bundle %1</translation>
    </message>
    <message>
        <source>client certificate %1</source>
        <translation>Client-Zertifikat %1</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n Problem</numerusform>
            <numerusform>%n Probleme</numerusform>
        </translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>running now</source>
        <translation>läuft gerade</translation>
    </message>
    <message>
        <source>retrying with a growing delay</source>
        <translation>erneute Versuche mit wachsendem Abstand</translation>
    </message>
    <message>
        <source>on demand</source>
        <translation>auf Anforderung</translation>
    </message>
    <message>
        <source>No workspace is open</source>
        <translation>Kein Arbeitsbereich ist geöffnet</translation>
    </message>
    <message>
        <source>Cannot Add the Source</source>
        <translation>Quelle kann nicht hinzugefügt werden</translation>
    </message>
    <message>
        <source>Cannot Save the Source</source>
        <translation>Quelle kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Remove Source</source>
        <translation>Quelle entfernen</translation>
    </message>
    <message numerus="yes">
        <source>Remove the source “%1”? Its %n entities leave the catalog.</source>
        <translation>
            <numerusform>Die Quelle „%1“ entfernen? Ihre %n Entität verlässt den Katalog.</numerusform>
            <numerusform>Die Quelle „%1“ entfernen? Ihre %n Entitäten verlassen den Katalog.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot Remove the Source</source>
        <translation>Quelle kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>Secrets entered now are kept in memory for this run only.</source>
        <translation>Jetzt eingegebene Secrets werden nur für diese Sitzung im Speicher gehalten.</translation>
    </message>
    <message>
        <source>No keychain is available.</source>
        <translation>Kein Schlüsselbund verfügbar.</translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation>Ratenlimit</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>%1 of %2 requests left</source>
        <translation>%1 von %2 Anfragen übrig</translation>
    </message>
    <message>
        <source>resets %1</source>
        <translation>wird %1 zurückgesetzt</translation>
    </message>
    <message>
        <source>watching for changes</source>
        <translation>beobachtet Änderungen</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>Source details</source>
        <translation>Details der Quelle</translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::TrayIcon</name>
    <message>
        <source>Inbox</source>
        <translation>Posteingang</translation>
    </message>
    <message>
        <source>Expiring Soon (TTLs)</source>
        <translation>Bald ablaufend (TTLs)</translation>
    </message>
    <message>
        <source>Open Portolan</source>
        <translation>Portolan öffnen</translation>
    </message>
    <message>
        <source>Pause Notifications</source>
        <translation>Benachrichtigungen pausieren</translation>
    </message>
    <message>
        <source>Keep Running in the Tray</source>
        <translation>Im Infobereich weiterlaufen</translation>
    </message>
    <message>
        <source>Closing the window leaves Portolan in the tray, notifying</source>
        <translation>Beim Schließen des Fensters bleibt Portolan im Infobereich und benachrichtigt weiter</translation>
    </message>
    <message>
        <source>Start at Login</source>
        <translation>Bei Anmeldung starten</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message numerus="yes">
        <source>Portolan: %n unread notification(s)</source>
        <translation>
            <numerusform>Portolan: %n ungelesene Benachrichtigung</numerusform>
            <numerusform>Portolan: %n ungelesene Benachrichtigungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Portolan</source>
        <translation>Portolan</translation>
    </message>
    <message>
        <source>Notifications paused</source>
        <translation>Benachrichtigungen pausiert</translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::WelcomeDialog</name>
    <message>
        <source>&amp;Clone and Open</source>
        <translation>&amp;Klonen und öffnen</translation>
    </message>
    <message>
        <source>Welcome to Portolan</source>
        <translation>Willkommen bei Portolan</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Welcome to Portolan&lt;/h2&gt;&lt;p&gt;Portolan shows your platform&apos;s software catalog: services, APIs, resources, teams and how they connect, with scorecards and self-service actions. It reads a &lt;i&gt;workspace&lt;/i&gt;: a folder with a portolan.yaml and Backstage catalog-info.yaml descriptors, or a git repository of them.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Willkommen bei Portolan&lt;/h2&gt;&lt;p&gt;Portolan zeigt den Softwarekatalog Ihrer Plattform: Services, APIs, Ressourcen, Teams und wie sie zusammenhängen, mit Scorecards und Self-Service-Aktionen. Es liest einen &lt;i&gt;Arbeitsbereich&lt;/i&gt;: einen Ordner mit einer portolan.yaml und Backstage-Deskriptoren (catalog-info.yaml) oder ein Git-Repository mit diesen Dateien.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Explore the demo workspace</source>
        <translation>Demo-Arbeitsbereich erkunden</translation>
    </message>
    <message>
        <source>A small company&apos;s catalog, built in: nothing to set up.</source>
        <translation>Der Katalog eines kleinen Unternehmens, fest eingebaut: Es gibt nichts einzurichten.</translation>
    </message>
    <message>
        <source>Open a workspace folder…</source>
        <translation>Arbeitsbereich-Ordner öffnen …</translation>
    </message>
    <message>
        <source>A folder on this computer, such as a clone of your platform&apos;s catalog repository.</source>
        <translation>Ein Ordner auf diesem Computer, etwa ein Klon des Katalog-Repositorys Ihrer Plattform.</translation>
    </message>
    <message>
        <source>Clone a workspace repository</source>
        <translation>Arbeitsbereich-Repository klonen</translation>
    </message>
    <message>
        <source>Repository URL</source>
        <translation>Repository-URL</translation>
    </message>
    <message>
        <source>the default branch</source>
        <translation>der Standard-Branch</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Branch</translation>
    </message>
    <message>
        <source>Repository &amp;URL:</source>
        <translation>Repository-&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;Branch:</source>
        <translation>&amp;Branch:</translation>
    </message>
    <message>
        <source>This desktop</source>
        <translation>Dieser Desktop</translation>
    </message>
    <message>
        <source>Checking the keychain…</source>
        <translation>Schlüsselbund wird geprüft …</translation>
    </message>
    <message>
        <source>System tray: Portolan can keep running there when its window is closed, and shows unread notifications on its icon.</source>
        <translation>Infobereich: Portolan kann dort weiterlaufen, wenn sein Fenster geschlossen ist, und zeigt ungelesene Benachrichtigungen an seinem Symbol.</translation>
    </message>
    <message>
        <source>No system tray: closing the window quits Portolan, and reminders (expiring environments, approvals) come only while it is open. On GNOME, the AppIndicator extension adds a tray.</source>
        <translation>Kein Infobereich: Das Schließen des Fensters beendet Portolan, und Erinnerungen (ablaufende Umgebungen, Genehmigungen) kommen nur, solange es geöffnet ist. Unter GNOME fügt die Erweiterung AppIndicator einen Infobereich hinzu.</translation>
    </message>
    <message>
        <source>Desktop notifications: reminders and approvals pop up on the desktop.</source>
        <translation>Desktop-Benachrichtigungen: Erinnerungen und Genehmigungen erscheinen auf dem Desktop.</translation>
    </message>
    <message>
        <source>No notification service on the session bus: reminders show only in Portolan&apos;s Inbox.</source>
        <translation>Kein Benachrichtigungsdienst auf dem Session-Bus: Erinnerungen erscheinen nur im Posteingang von Portolan.</translation>
    </message>
    <message>
        <source>Keychain: tokens are kept in the system keychain (Secret Service), never in a file.</source>
        <translation>Schlüsselbund: Tokens werden im Schlüsselbund des Systems (Secret Service) aufbewahrt, nie in einer Datei.</translation>
    </message>
    <message>
        <source>No usable keychain (%1). Tokens you enter are kept only until Portolan quits. Install and unlock a Secret Service such as GNOME Keyring or KWallet.</source>
        <translation>Kein nutzbarer Schlüsselbund (%1). Eingegebene Tokens werden nur bis zum Beenden von Portolan aufbewahrt. Installieren und entsperren Sie einen Secret Service wie GNOME Keyring oder KWallet.</translation>
    </message>
    <message>
        <source>No notification service on the session bus: reminders show as balloons of the tray icon, and in Portolan&apos;s Inbox.</source>
        <translation>Kein Benachrichtigungsdienst auf dem Session-Bus: Erinnerungen erscheinen als Sprechblasen des Infobereichssymbols und im Posteingang von Portolan.</translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::WhatIfDialog</name>
    <message>
        <source>&amp;Evaluate</source>
        <translation>&amp;Auswerten</translation>
    </message>
    <message>
        <source>What If: %1</source>
        <translation>Was wäre, wenn: %1</translation>
    </message>
    <message>
        <source>Edit the scorecard below and evaluate it against the current catalog. Nothing is saved: copy the text into %1 when you are happy with it.</source>
        <translation>Die Scorecard unten bearbeiten und gegen den aktuellen Katalog auswerten. Nichts wird gespeichert: Den Text nach %1 kopieren, wenn er passt.</translation>
    </message>
    <message>
        <source>Press Evaluate to see which entities would move.</source>
        <translation>Auf „Auswerten“ drücken, um zu sehen, welche Entitäten sich bewegen würden.</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Entität</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <source>With the edit</source>
        <translation>Mit der Änderung</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>Evaluating…</source>
        <translation>Wird ausgewertet …</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>The text gives no scorecard.</source>
        <translation>Der Text ergibt keine Scorecard.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 up&lt;/b&gt;, &lt;b&gt;%2 down&lt;/b&gt;, %3 unchanged, %4 with another score.</source>
        <translation>&lt;b&gt;%1 auf&lt;/b&gt;, &lt;b&gt;%2 ab&lt;/b&gt;, %3 unverändert, %4 mit anderer Punktzahl.</translation>
    </message>
    <message>
        <source>Problems (those rules are left out):</source>
        <translation>Probleme (diese Regeln werden ausgelassen):</translation>
    </message>
    <message>
        <source>not scored</source>
        <translation>nicht bewertet</translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::WorkflowRunsModel</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>Workflow</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Branch</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Commit</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>%1 #%2</source>
        <translation>%1 #%2</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 von %2</translation>
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
    <name>RuntimeMapper</name>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message numerus="yes">
        <source>%n job pod(s) active</source>
        <translation>
            <numerusform>%n Job-Pod aktiv</numerusform>
            <numerusform>%n Job-Pods aktiv</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 pods ready</source>
        <translation>%1 von %2 Pods bereit</translation>
    </message>
</context>
<context>
    <name>Scorecard</name>
    <message>
        <source>Conditions nest more than 32 deep</source>
        <translation>Bedingungen sind tiefer als 32 Ebenen verschachtelt</translation>
    </message>
    <message>
        <source>A condition must be a mapping: {fact: ..., equals: ...}, or all, any or not</source>
        <translation>Eine Bedingung muss eine Abbildung sein: {fact: ..., equals: ...}, oder all, any oder not</translation>
    </message>
    <message>
        <source>&quot;%1&quot; stands alone in its condition</source>
        <translation>„%1“ steht allein in seiner Bedingung</translation>
    </message>
    <message>
        <source>&quot;%1&quot; takes a non-empty list of conditions</source>
        <translation>„%1“ nimmt eine nicht leere Liste von Bedingungen</translation>
    </message>
    <message>
        <source>&quot;not&quot; stands alone in its condition</source>
        <translation>„not“ steht allein in seiner Bedingung</translation>
    </message>
    <message>
        <source>A test needs &quot;fact&quot;: the path of what it tests, e.g. spec.lifecycle</source>
        <translation>Ein Test braucht „fact“: den Pfad dessen, was er prüft, z. B. spec.lifecycle</translation>
    </message>
    <message>
        <source>Unknown field &quot;%1&quot; in a condition</source>
        <translation>Unbekanntes Feld „%1“ in einer Bedingung</translation>
    </message>
    <message>
        <source>A test has exactly one operator: equals, notEquals, in, notIn, contains, matches, exists, empty, greaterThan, atLeast, lessThan, atMost, olderThan or newerThan</source>
        <translation>Ein Test hat genau einen Operator: equals, notEquals, in, notIn, contains, matches, exists, empty, greaterThan, atLeast, lessThan, atMost, olderThan oder newerThan</translation>
    </message>
    <message>
        <source>&quot;%1&quot; takes a list of values</source>
        <translation>„%1“ nimmt eine Liste von Werten</translation>
    </message>
    <message>
        <source>&quot;%1&quot; takes true or false</source>
        <translation>„%1“ nimmt true oder false</translation>
    </message>
    <message>
        <source>&quot;%1&quot; takes a number</source>
        <translation>„%1“ nimmt eine Zahl</translation>
    </message>
    <message>
        <source>&quot;%1&quot; takes an age: a number and m, h, d or w (&quot;30d&quot;), or a number of days</source>
        <translation>„%1“ nimmt ein Alter: eine Zahl und m, h, d oder w („30d“), oder eine Anzahl Tage</translation>
    </message>
    <message>
        <source>&quot;matches&quot; takes a regular expression: %1</source>
        <translation>„matches“ nimmt einen regulären Ausdruck: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; takes one value: a string, number or true/false</source>
        <translation>„%1“ nimmt einen Wert: eine Zeichenkette, eine Zahl oder true/false</translation>
    </message>
    <message>
        <source>Unknown field &quot;%1&quot; in a scorecard</source>
        <translation>Unbekanntes Feld „%1“ in einer Scorecard</translation>
    </message>
    <message>
        <source>A scorecard needs an id</source>
        <translation>Eine Scorecard braucht eine id</translation>
    </message>
    <message>
        <source>&quot;levels&quot; is a list of {name, color}, lowest first</source>
        <translation>„levels“ ist eine Liste von {name, color}, die niedrigste zuerst</translation>
    </message>
    <message>
        <source>A level needs a name</source>
        <translation>Eine Stufe braucht einen Namen</translation>
    </message>
    <message>
        <source>Level &quot;%1&quot; is named twice</source>
        <translation>Die Stufe „%1“ ist doppelt benannt</translation>
    </message>
    <message>
        <source>A level&apos;s color is #rrggbb</source>
        <translation>Die Farbe einer Stufe ist #rrggbb</translation>
    </message>
    <message>
        <source>A scorecard needs rules: a list of {id, title, level, condition}</source>
        <translation>Eine Scorecard braucht Regeln: eine Liste von {id, title, level, condition}</translation>
    </message>
    <message>
        <source>A rule is a mapping: {id, title, level, condition}</source>
        <translation>Eine Regel ist eine Abbildung: {id, title, level, condition}</translation>
    </message>
    <message>
        <source>Unknown field &quot;%1&quot; in a rule</source>
        <translation>Unbekanntes Feld „%1“ in einer Regel</translation>
    </message>
    <message>
        <source>A rule needs an id</source>
        <translation>Eine Regel braucht eine id</translation>
    </message>
    <message>
        <source>Rule id &quot;%1&quot; is used twice</source>
        <translation>Die Regel-id „%1“ wird doppelt verwendet</translation>
    </message>
    <message>
        <source>&quot;level&quot; must be one of the scorecard&apos;s levels: %1</source>
        <translation>„level“ muss eine der Stufen der Scorecard sein: %1</translation>
    </message>
    <message>
        <source>&quot;weight&quot; is a number, 0 or more</source>
        <translation>„weight“ ist eine Zahl, 0 oder mehr</translation>
    </message>
    <message>
        <source>Unknown fact &quot;%1&quot;</source>
        <translation>Unbekannter Fakt „%1“</translation>
    </message>
    <message>
        <source>Unknown relation in &quot;%1&quot;: relations.&lt;type&gt;, such as relations.dependsOn</source>
        <translation>Unbekannte Beziehung in „%1“: relations.&lt;Typ&gt;, etwa relations.dependsOn</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: after relations.&lt;type&gt;, only a fact of the target&apos;s descriptor (kind, metadata..., spec...)</source>
        <translation>„%1“: nach relations.&lt;Typ&gt; nur ein Fakt aus dem Deskriptor des Ziels (kind, metadata..., spec...)</translation>
    </message>
    <message>
        <source>A scorecard file holds one scorecard; the rest is ignored</source>
        <translation>Eine Scorecard-Datei enthält eine Scorecard; der Rest wird ignoriert</translation>
    </message>
    <message>
        <source>Cannot read the scorecard: %1</source>
        <translation>Die Scorecard kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Scorecard id &quot;%1&quot; is also used by %2</source>
        <translation>Die Scorecard-id „%1“ wird auch von %2 verwendet</translation>
    </message>
    <message>
        <source>The file holds %n scorecards; only the first is read here (a scorecards folder reads them all)</source>
        <translation>Die Datei enthält %n Scorecards; hier wird nur die erste gelesen (ein Ordner scorecards liest alle)</translation>
    </message>
</context>
<context>
    <name>ScorecardEngine</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: below %2</source>
        <translation>%1: unter %2</translation>
    </message>
</context>
<context>
    <name>ScorecardEvaluator</name>
    <message>
        <source>%1 is unknown: %2</source>
        <translation>%1 ist unbekannt: %2</translation>
    </message>
    <message>
        <source>%1 is %2</source>
        <translation>%1 ist %2</translation>
    </message>
    <message>
        <source>%1 is not set</source>
        <translation>%1 ist nicht gesetzt</translation>
    </message>
    <message>
        <source>%1, wanted not %2</source>
        <translation>%1, verlangt: nicht %2</translation>
    </message>
    <message>
        <source>%1, wanted %2</source>
        <translation>%1, verlangt: %2</translation>
    </message>
</context>
<context>
    <name>ScorecardHistory</name>
    <message>
        <source>Could not record the scorecard history</source>
        <translation>Der Scorecard-Verlauf konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Could not read the scorecard history</source>
        <translation>Der Scorecard-Verlauf konnte nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>ScorecardStyle</name>
    <message>
        <source>Below %1</source>
        <translation>Unter %1</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Erfüllt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Nicht erfüllt</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>No owner</source>
        <translation>Kein Eigentümer</translation>
    </message>
</context>
<context>
    <name>ScorecardsPage</name>
    <message>
        <source>not scored</source>
        <translation>nicht bewertet</translation>
    </message>
    <message>
        <source>below the first level</source>
        <translation>unter der ersten Stufe</translation>
    </message>
</context>
<context>
    <name>SourceStyle</name>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Git repository</source>
        <translation>Git-Repository</translation>
    </message>
    <message>
        <source>Backstage</source>
        <translation>Backstage</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>Geteilt</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>Eigene</translation>
    </message>
    <message>
        <source>Workspace folder</source>
        <translation>Arbeitsbereich-Ordner</translation>
    </message>
    <message>
        <source>GitHub</source>
        <translation>GitHub</translation>
    </message>
    <message>
        <source>Kubernetes</source>
        <translation>Kubernetes</translation>
    </message>
</context>
<context>
    <name>TemplateExpression</name>
    <message>
        <source>undefined</source>
        <translation>undefined</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>ein Wahrheitswert</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>Unterminated string</source>
        <translation>Nicht abgeschlossene Zeichenkette</translation>
    </message>
    <message>
        <source>Unexpected character “%1”</source>
        <translation>Unerwartetes Zeichen „%1“</translation>
    </message>
    <message>
        <source>The expression is empty</source>
        <translation>Der Ausdruck ist leer</translation>
    </message>
    <message>
        <source>Unexpected end of the expression</source>
        <translation>Unerwartetes Ende des Ausdrucks</translation>
    </message>
    <message>
        <source>Unexpected “%1”</source>
        <translation>Unerwartetes „%1“</translation>
    </message>
    <message>
        <source>The expression nests deeper than %1 levels</source>
        <translation>Der Ausdruck ist tiefer als %1 Ebenen verschachtelt</translation>
    </message>
    <message>
        <source>the end</source>
        <translation>das Ende</translation>
    </message>
    <message>
        <source>Expected “%1” but found “%2”</source>
        <translation>Erwartet wurde „%1“, gefunden wurde „%2“</translation>
    </message>
    <message>
        <source>Expected the name of a test after “is”, such as “defined”</source>
        <translation>Nach „is“ wird der Name eines Tests erwartet, etwa „defined“</translation>
    </message>
    <message>
        <source>Unknown test “%1”</source>
        <translation>Unbekannter Test „%1“</translation>
    </message>
    <message>
        <source>Wrong number of arguments for the test “%1”</source>
        <translation>Falsche Anzahl von Argumenten für den Test „%1“</translation>
    </message>
    <message>
        <source>An object key must be a name or a string</source>
        <translation>Ein Objektschlüssel muss ein Name oder eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>Expected a name after “.”</source>
        <translation>Nach „.“ wird ein Name erwartet</translation>
    </message>
    <message>
        <source>Calling functions is not supported; use a filter such as “| lower”</source>
        <translation>Funktionsaufrufe werden nicht unterstützt; verwenden Sie einen Filter wie „| lower“</translation>
    </message>
    <message>
        <source>Expected the name of a filter after “|”</source>
        <translation>Nach „|“ wird der Name eines Filters erwartet</translation>
    </message>
    <message>
        <source>Unknown filter “%1”</source>
        <translation>Unbekannter Filter „%1“</translation>
    </message>
    <message>
        <source>Wrong number of arguments for the filter “%1”: %2 given</source>
        <translation>Falsche Anzahl von Argumenten für den Filter „%1“: %2 angegeben</translation>
    </message>
    <message>
        <source>Invalid repository URL “%1”: %2</source>
        <translation>Ungültige Repository-URL „%1“: %2</translation>
    </message>
    <message>
        <source>parseRepoUrl expects a repository location such as “github.com?owner=o&amp;repo=r”, got %1</source>
        <translation>parseRepoUrl erwartet eine Repository-Angabe wie „github.com?owner=o&amp;repo=r“, erhalten: %1</translation>
    </message>
    <message>
        <source>no host</source>
        <translation>kein Host</translation>
    </message>
    <message>
        <source>missing repo</source>
        <translation>repo fehlt</translation>
    </message>
    <message>
        <source>The expression makes text longer than %1 characters</source>
        <translation>Der Ausdruck erzeugt einen Text mit mehr als %1 Zeichen</translation>
    </message>
    <message>
        <source>“in” needs a list, text or an object on its right, got %1</source>
        <translation>„in“ braucht rechts eine Liste, einen Text oder ein Objekt, erhalten: %1</translation>
    </message>
    <message>
        <source>Unknown operator “%1”</source>
        <translation>Unbekannter Operator „%1“</translation>
    </message>
    <message>
        <source>The filter “%1” expects %2, got %3</source>
        <translation>Der Filter „%1“ erwartet %2, erhalten: %3</translation>
    </message>
    <message>
        <source>a list or text</source>
        <translation>eine Liste oder Text</translation>
    </message>
    <message>
        <source>projectSlug needs an owner in the repository URL “%1”</source>
        <translation>projectSlug braucht einen Eigentümer (owner) in der Repository-URL „%1“</translation>
    </message>
    <message>
        <source>split makes more than %1 parts</source>
        <translation>split ergibt mehr als %1 Teile</translation>
    </message>
    <message>
        <source>The entity reference has no kind or no name</source>
        <translation>Der Entitätsreferenz fehlt die Art oder der Name</translation>
    </message>
    <message>
        <source>an entity reference</source>
        <translation>eine Entitätsreferenz</translation>
    </message>
    <message>
        <source>The placeholder “${{” at column %1 has no closing “}}”</source>
        <translation>Dem Platzhalter „${{“ in Spalte %1 fehlt das schließende „}}“</translation>
    </message>
    <message>
        <source>The value nests deeper than %1 levels</source>
        <translation>Der Wert ist tiefer als %1 Ebenen verschachtelt</translation>
    </message>
    <message>
        <source>%1 (in “%2” at column %3)</source>
        <translation>%1 (in „%2“, Spalte %3)</translation>
    </message>
    <message>
        <source>The expression is longer than %1 characters</source>
        <translation>Der Ausdruck ist länger als %1 Zeichen</translation>
    </message>
    <message>
        <source>The rendered text is longer than %1 characters</source>
        <translation>Der erzeugte Text ist länger als %1 Zeichen</translation>
    </message>
</context>
<context>
    <name>TerraformMapper</name>
    <message numerus="yes">
        <source>%n resource(s) managed by Terraform %1</source>
        <translation>
            <numerusform>%n Ressource, verwaltet von Terraform %1</numerusform>
            <numerusform>%n Ressourcen, verwaltet von Terraform %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in the Terraform workspace %2</source>
        <translation>%1 im Terraform-Workspace %2</translation>
    </message>
    <message>
        <source>Terraform workspace</source>
        <translation>Terraform-Workspace</translation>
    </message>
    <message>
        <source>The tag %1 of %2 is &quot;%3&quot;, which is not a component name</source>
        <translation>Der Tag %1 von %2 ist „%3“, und das ist kein Komponentenname</translation>
    </message>
    <message>
        <source>Terraform workspace %1</source>
        <translation>Terraform-Workspace %1</translation>
    </message>
</context>
<context>
    <name>TerraformSource</name>
    <message>
        <source>The workspace %1 shows what serial %2 held.</source>
        <translation>Der Workspace %1 zeigt den Stand von Serial %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n resource(s)</source>
        <translation>
            <numerusform>%n Ressource</numerusform>
            <numerusform>%n Ressourcen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n workspace(s)</source>
        <translation>
            <numerusform>%n Workspace</numerusform>
            <numerusform>%n Workspaces</numerusform>
        </translation>
    </message>
    <message>
        <source>last changes: %1 created, %2 modified, %3 destroyed</source>
        <translation>letzte Änderungen: %1 erstellt, %2 geändert, %3 zerstört</translation>
    </message>
    <message>
        <source>The workspace list is not a JSON:API document with data</source>
        <translation>Die Workspace-Liste ist kein JSON:API-Dokument mit data</translation>
    </message>
</context>
<context>
    <name>TerraformState</name>
    <message>
        <source>A resource without a type or name was skipped</source>
        <translation>Eine Ressource ohne Typ oder Namen wurde übersprungen</translation>
    </message>
    <message>
        <source>The attributes of %1 are not an object; shown without them</source>
        <translation>Die Attribute von %1 sind kein Objekt; ohne sie angezeigt</translation>
    </message>
    <message>
        <source>The state file has format version 3 (Terraform 0.11 or older); it is read as written, and `terraform apply` with Terraform 0.12 or later upgrades it to version 4</source>
        <translation>Die State-Datei hat das Format Version 3 (Terraform 0.11 oder älter); sie wird so gelesen, wie sie ist, und `terraform apply` mit Terraform 0.12 oder neuer hebt sie auf Version 4</translation>
    </message>
    <message>
        <source>A resource key %1 is not type.name; skipped</source>
        <translation>Ein Ressourcenschlüssel %1 ist nicht typ.name; übersprungen</translation>
    </message>
    <message>
        <source>The state file is not JSON: %1</source>
        <translation>Die State-Datei ist kein JSON: %1</translation>
    </message>
    <message>
        <source>The state file is not a JSON object</source>
        <translation>Die State-Datei ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>This is the output of `terraform show -json`, not a state file; point the source at the state itself (terraform.tfstate, or `terraform state pull`)</source>
        <translation>Das ist die Ausgabe von `terraform show -json`, keine State-Datei; richten Sie die Quelle auf den State selbst (terraform.tfstate oder `terraform state pull`)</translation>
    </message>
    <message>
        <source>The file is not a Terraform state: it has no numeric &quot;version&quot;</source>
        <translation>Die Datei ist kein Terraform-State: Sie hat keine numerische „version“</translation>
    </message>
    <message>
        <source>The state file has format version %1; Portolan reads versions 3 and 4</source>
        <translation>Die State-Datei hat das Format Version %1; Portolan liest die Versionen 3 und 4</translation>
    </message>
    <message>
        <source>&quot;terraform_version&quot; is &quot;%1&quot;, which is not a Terraform version; the state is damaged or was not written by Terraform</source>
        <translation>„terraform_version“ ist „%1“, und das ist keine Terraform-Version; der State ist beschädigt oder nicht von Terraform geschrieben</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a list</source>
        <translation>„%1“ ist keine Liste</translation>
    </message>
</context>
<context>
    <name>TimeToLive</name>
    <message>
        <source>“%1” is not a duration: write 90m, 4h, 1d, 2w (or 1d12h, or ISO 8601 such as PT4H)</source>
        <translation>„%1“ ist keine Dauer: Schreiben Sie 90m, 4h, 1d, 2w (oder 1d12h, oder ISO 8601 wie PT4H)</translation>
    </message>
    <message>
        <source>“%1” is not a time to live: it must be more than 0 and at most ten years</source>
        <translation>„%1“ ist keine Lebensdauer: Sie muss größer als 0 und höchstens zehn Jahre sein</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 T %2 h</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 T</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 has a time to live but no %2 to count it from</source>
        <translation>%1 hat eine Lebensdauer, aber kein %2, von dem aus sie zählt</translation>
    </message>
    <message>
        <source>“%1” is not a date and time with a zone, such as 2026-11-28T09:00:00Z</source>
        <translation>„%1“ ist kein Datum mit Uhrzeit und Zeitzone wie 2026-11-28T09:00:00Z</translation>
    </message>
</context>
<context>
    <name>TokenStore</name>
    <message>
        <source>No keychain service is available (on Linux, a Secret Service such as GNOME Keyring or KWallet). Credentials entered now are kept in memory until Portolan quits.</source>
        <translation>Kein Schlüsselbund-Dienst verfügbar (unter Linux ein Secret Service wie GNOME Keyring oder KWallet). Jetzt eingegebene Zugangsdaten werden im Speicher gehalten, bis Portolan beendet wird.</translation>
    </message>
    <message>
        <source>Access to the keychain was denied; it may be locked. Credentials entered now are kept in memory until Portolan quits.</source>
        <translation>Der Zugriff auf den Schlüsselbund wurde verweigert; vielleicht ist er gesperrt. Jetzt eingegebene Zugangsdaten werden im Speicher gehalten, bis Portolan beendet wird.</translation>
    </message>
    <message>
        <source>The keychain cannot be used (%1). Credentials entered now are kept in memory until Portolan quits.</source>
        <translation>Der Schlüsselbund kann nicht verwendet werden (%1). Jetzt eingegebene Zugangsdaten werden im Speicher gehalten, bis Portolan beendet wird.</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
    <message>
        <source>A credential needs a scope and a name.</source>
        <translation>Zugangsdaten brauchen einen Geltungsbereich und einen Namen.</translation>
    </message>
    <message>
        <source>The credential &quot;%1&quot; could not be read from the keychain.</source>
        <translation>Die Zugangsdaten „%1“ konnten nicht aus dem Schlüsselbund gelesen werden.</translation>
    </message>
    <message>
        <source>The credential &quot;%1&quot; could not be saved in the keychain.</source>
        <translation>Die Zugangsdaten „%1“ konnten nicht im Schlüsselbund gespeichert werden.</translation>
    </message>
    <message>
        <source>The credential &quot;%1&quot; could not be removed from the keychain.</source>
        <translation>Die Zugangsdaten „%1“ konnten nicht aus dem Schlüsselbund entfernt werden.</translation>
    </message>
</context>
<context>
    <name>UnleashSource</name>
    <message numerus="yes">
        <source>%n flag(s) name no component in the catalog: %1</source>
        <translation>
            <numerusform>%n Flag benennt keine Komponente im Katalog: %1</numerusform>
            <numerusform>%n Flags benennen keine Komponente im Katalog: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Tag a flag with a &quot;%1&quot; tag naming its component, or start its name with the component&apos;s name and &quot;%2&quot;.</source>
        <translation>Versehen Sie ein Flag mit einem „%1“-Tag, der seine Komponente nennt, oder beginnen Sie seinen Namen mit dem Namen der Komponente und „%2“.</translation>
    </message>
    <message numerus="yes">
        <source>%n flag(s)</source>
        <translation>
            <numerusform>%n Flag</numerusform>
            <numerusform>%n Flags</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n project(s)</source>
        <translation>
            <numerusform>%n Projekt</numerusform>
            <numerusform>%n Projekte</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the flags of %1</source>
        <translation>Lese die Flags von %1</translation>
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
    <message>
        <source>Workspace descriptors</source>
        <translation>Deskriptoren des Arbeitsbereichs</translation>
    </message>
    <message>
        <source>Each entry must be a path or glob</source>
        <translation>Jeder Eintrag muss ein Pfad oder Glob sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a list of paths or globs</source>
        <translation>„%1“ muss eine Liste von Pfaden oder Globs sein</translation>
    </message>
    <message>
        <source>&quot;sources&quot; must be a list of sources</source>
        <translation>„sources“ muss eine Liste von Quellen sein</translation>
    </message>
    <message>
        <source>Each source must be a mapping with at least &quot;id&quot; and &quot;type&quot;</source>
        <translation>Jede Quelle muss eine Zuordnung mit mindestens „id“ und „type“ sein</translation>
    </message>
    <message>
        <source>The source has no &quot;%1&quot;</source>
        <translation>Die Quelle hat kein „%1“</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a non-empty string</source>
        <translation>„%1“ muss eine nicht leere Zeichenkette sein</translation>
    </message>
    <message>
        <source>Unknown field &quot;%1&quot; in a source</source>
        <translation>Unbekanntes Feld „%1“ in einer Quelle</translation>
    </message>
    <message>
        <source>The source id &quot;%1&quot; may only use lower-case letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;</source>
        <translation>Die Quellen-ID „%1“ darf nur Kleinbuchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; und &apos;-&apos; enthalten</translation>
    </message>
    <message>
        <source>Unknown source type &quot;%1&quot;; known types: %2</source>
        <translation>Unbekannter Quellentyp „%1“; bekannte Typen: %2</translation>
    </message>
    <message>
        <source>&quot;url&quot; must be an http or https address</source>
        <translation>„url“ muss eine http- oder https-Adresse sein</translation>
    </message>
    <message>
        <source>A files source needs &quot;paths&quot;: the folders, files or globs to read</source>
        <translation>Eine Dateiquelle braucht „paths“: die zu lesenden Ordner, Dateien oder Globs</translation>
    </message>
    <message>
        <source>&quot;refresh&quot; must be a duration such as 30s, 15m, 2h or 1d (at most 30 days), or manual</source>
        <translation>„refresh“ muss eine Dauer wie 30s, 15m, 2h oder 1d (höchstens 30 Tage) oder manual sein</translation>
    </message>
    <message>
        <source>&quot;enabled&quot; must be true or false</source>
        <translation>„enabled“ muss true oder false sein</translation>
    </message>
    <message>
        <source>&quot;maxDeletionShare&quot; must be between 0 and 1</source>
        <translation>„maxDeletionShare“ muss zwischen 0 und 1 liegen</translation>
    </message>
    <message>
        <source>&quot;maxDeletionShare&quot; must be a number between 0 and 1</source>
        <translation>„maxDeletionShare“ muss eine Zahl zwischen 0 und 1 sein</translation>
    </message>
    <message>
        <source>&quot;verify&quot; must be true or false</source>
        <translation>„verify“ muss true oder false sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a file path</source>
        <translation>„%1“ muss ein Dateipfad sein</translation>
    </message>
    <message>
        <source>Unknown field &quot;%1&quot; in tls</source>
        <translation>Unbekanntes Feld „%1“ in tls</translation>
    </message>
    <message>
        <source>TLS certificate verification is turned off for source &quot;%1&quot;</source>
        <translation>Die TLS-Zertifikatsprüfung ist für die Quelle „%1“ ausgeschaltet</translation>
    </message>
    <message>
        <source>&quot;tls&quot; must be a mapping</source>
        <translation>„tls“ muss eine Zuordnung sein</translation>
    </message>
    <message>
        <source>Source &quot;%1&quot; uses the credential &quot;%2&quot;, which is not listed under credentials</source>
        <translation>Die Quelle „%1“ verwendet die Zugangsdaten „%2“, die nicht unter credentials aufgeführt sind</translation>
    </message>
    <message>
        <source>Your source &quot;%1&quot; has the same id as one in the workspace; yours is ignored</source>
        <translation>Ihre Quelle „%1“ hat dieselbe ID wie eine im Arbeitsbereich; Ihre wird ignoriert</translation>
    </message>
    <message>
        <source>Two sources have the id &quot;%1&quot;; the first one is used</source>
        <translation>Zwei Quellen haben die ID „%1“; die erste wird verwendet</translation>
    </message>
    <message>
        <source>&quot;credentials&quot; must be a list</source>
        <translation>„credentials“ muss eine Liste sein</translation>
    </message>
    <message>
        <source>Each credential must be a mapping with a &quot;name&quot;</source>
        <translation>Alle Zugangsdaten müssen eine Zuordnung mit „name“ sein</translation>
    </message>
    <message>
        <source>Secrets do not belong in portolan.yaml: remove &quot;%1&quot; and enter the secret in Portolan (it is kept in the system keychain), or name an environment variable with &quot;env&quot;</source>
        <translation>Secrets gehören nicht in portolan.yaml: Entfernen Sie „%1“ und geben Sie das Secret in Portolan ein (es wird im Schlüsselbund des Systems gehalten), oder nennen Sie mit „env“ eine Umgebungsvariable</translation>
    </message>
    <message>
        <source>Unknown field &quot;%1&quot; in a credential</source>
        <translation>Unbekanntes Feld „%1“ in Zugangsdaten</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a string</source>
        <translation>„%1“ muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>&quot;kind&quot; must be one of %1</source>
        <translation>„kind“ muss eines von %1 sein</translation>
    </message>
    <message>
        <source>The credential has no &quot;name&quot;</source>
        <translation>Die Zugangsdaten haben keinen „name“</translation>
    </message>
    <message>
        <source>Your sources could not be written</source>
        <translation>Ihre Quellen konnten nicht geschrieben werden</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Each scope must be a word such as repo or read:org, without spaces</source>
        <translation>Jeder Scope muss ein Wort wie repo oder read:org sein, ohne Leerzeichen</translation>
    </message>
    <message>
        <source>&quot;scopes&quot; must be a list of OAuth scopes such as [repo, read:org]</source>
        <translation>„scopes“ muss eine Liste von OAuth-Scopes wie [repo, read:org] sein</translation>
    </message>
    <message>
        <source>&quot;url&quot; must be the http or https address of the GitHub server, such as https://github.com</source>
        <translation>„url“ muss die http- oder https-Adresse des GitHub-Servers sein, etwa https://github.com</translation>
    </message>
    <message>
        <source>The credential &quot;%1&quot; signs in with the OAuth device flow and needs the &quot;clientId&quot; of the GitHub App or OAuth app</source>
        <translation>Die Zugangsdaten „%1“ melden sich mit dem OAuth Device Flow an und brauchen die „clientId“ der GitHub-App oder OAuth-App</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is only used by credentials of kind oauth-device</source>
        <translation>„%1“ wird nur von Zugangsdaten der Art oauth-device verwendet</translation>
    </message>
    <message>
        <source>&quot;actions&quot; must be a map with variables and policies</source>
        <translation>„actions“ muss eine Zuordnung mit variables und policies sein</translation>
    </message>
    <message>
        <source>Unknown field &quot;%1&quot; in actions</source>
        <translation>Unbekanntes Feld „%1“ in actions</translation>
    </message>
    <message>
        <source>&quot;variables&quot; must be a map of names to values</source>
        <translation>„variables“ muss eine Zuordnung von Namen zu Werten sein</translation>
    </message>
    <message>
        <source>&quot;policies&quot; must be a list</source>
        <translation>„policies“ muss eine Liste sein</translation>
    </message>
    <message>
        <source>Each policy must be a map</source>
        <translation>Jede Richtlinie muss eine Zuordnung sein</translation>
    </message>
    <message>
        <source>A policy names the templates it applies to (&quot;*&quot; for all)</source>
        <translation>Eine Richtlinie nennt die Vorlagen, für die sie gilt („*“ für alle)</translation>
    </message>
    <message>
        <source>minimumLevel is &quot;scorecard-id: Level&quot;</source>
        <translation>minimumLevel hat die Form „scorecard-id: Stufe“</translation>
    </message>
    <message>
        <source>destructive must be true or false</source>
        <translation>destructive muss true oder false sein</translation>
    </message>
    <message>
        <source>Unknown field &quot;%1&quot; in an action policy</source>
        <translation>Unbekanntes Feld „%1“ in einer Aktionsrichtlinie</translation>
    </message>
    <message>
        <source>&quot;automations&quot; is a list of folders, or a map with paths, leases and ttlWarnings</source>
        <translation>„automations“ ist eine Liste von Ordnern oder eine Zuordnung mit paths, leases und ttlWarnings</translation>
    </message>
    <message>
        <source>Unknown field &quot;%1&quot; in automations</source>
        <translation>Unbekanntes Feld „%1“ in automations</translation>
    </message>
    <message>
        <source>&quot;approvals&quot; must be a git repository URL or local:NAME</source>
        <translation>&quot;approvals&quot; muss die URL eines Git-Repositorys oder local:NAME sein</translation>
    </message>
    <message>
        <source>&quot;leases&quot; is local, the URL of a git repository everyone can push to, or kubernetes:CONTEXT/NAMESPACE (a namespace for Lease objects; CONTEXT empty: the current one)</source>
        <translation>„leases“ ist local, die URL eines Git-Repositorys, in das alle pushen können, oder kubernetes:CONTEXT/NAMESPACE (ein Namespace für Lease-Objekte; CONTEXT leer: der aktuelle)</translation>
    </message>
    <message>
        <source>&quot;options&quot; must be a mapping</source>
        <translation>„options“ muss eine Zuordnung sein</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Portolan, a native desktop internal developer portal.</source>
        <translation>Portolan, ein natives internes Entwicklerportal für den Desktop.</translation>
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
    <message>
        <source>Open the workspace in this folder, or in this git repository (a URL such as https://host/org/repo.git, cloned on the first sync).</source>
        <translation>Den Arbeitsbereich in diesem Ordner öffnen, oder in diesem Git-Repository (eine URL wie https://host/org/repo.git, beim ersten Synchronisieren geklont).</translation>
    </message>
    <message>
        <source>dir|url</source>
        <translation>ordner|url</translation>
    </message>
    <message>
        <source>The branch of a git workspace (default: its default branch).</source>
        <translation>Der Branch eines Git-Arbeitsbereichs (Vorgabe: sein Standard-Branch).</translation>
    </message>
    <message>
        <source>branch</source>
        <translation>branch</translation>
    </message>
    <message>
        <source>Page to show: catalog, graph, scorecards, actions, runs, inbox or sources.</source>
        <translation>Anzuzeigende Seite: catalog, graph, scorecards, actions, runs, inbox oder sources.</translation>
    </message>
    <message>
        <source>page</source>
        <translation>seite</translation>
    </message>
    <message>
        <source>Select this source on the Sources page.</source>
        <translation>Diese Quelle auf der Seite „Quellen“ auswählen.</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>Print the longest frame while the first sync runs, then quit.</source>
        <translation>Den längsten Frame während der ersten Synchronisierung ausgeben und beenden.</translation>
    </message>
    <message>
        <source>After the first sync, measure frames for this many seconds more.</source>
        <translation>Nach der ersten Synchronisierung noch so viele Sekunden lang Frames messen.</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>sekunden</translation>
    </message>
    <message>
        <source>Show this entity on the Graph page.</source>
        <translation>Diese Entität auf der Seite „Graph“ zeigen.</translation>
    </message>
    <message>
        <source>With --graph: neighbourhood, system, blast-radius, needs or catalog.</source>
        <translation>Mit --graph: neighbourhood, system, blast-radius, needs oder catalog.</translation>
    </message>
    <message>
        <source>scope</source>
        <translation>Umfang</translation>
    </message>
    <message>
        <source>Start in the system tray, without opening the window.</source>
        <translation>Im Infobereich starten, ohne das Fenster zu öffnen.</translation>
    </message>
    <message>
        <source>Entity page tab to show: overview, ci, pulls, deployments, runtime, operations, scorecards, relations, graph or yaml.</source>
        <translation>Anzuzeigender Reiter der Entitätsseite: overview, ci, pulls, deployments, runtime, operations, scorecards, relations, graph oder yaml.</translation>
    </message>
    <message>
        <source>Measure the frames of a second sync, started once the window is idle.</source>
        <translation>Die Frames einer zweiten Synchronisierung messen, die startet, sobald das Fenster ruht.</translation>
    </message>
    <message>
        <source>Open another window even when Portolan is running (by default a second launch hands its links and folders to the running one).</source>
        <translation>Ein weiteres Fenster öffnen, auch wenn Portolan schon läuft (standardmäßig übergibt ein zweiter Start seine Links und Ordner an das laufende Portolan).</translation>
    </message>
    <message>
        <source>portolan:// links to open (portolan://entity/&lt;ref&gt;, portolan://action/&lt;id&gt;?entity=&lt;ref&gt;, portolan://run/&lt;id&gt;), or a workspace folder.</source>
        <translation>Zu öffnende portolan://-Links (portolan://entity/&lt;ref&gt;, portolan://action/&lt;id&gt;?entity=&lt;ref&gt;, portolan://run/&lt;id&gt;) oder ein Arbeitsbereich-Ordner.</translation>
    </message>
    <message>
        <source>[link|folder...]</source>
        <translation>[link|ordner...]</translation>
    </message>
</context>
<context>
    <name>portolan-cli</name>
    <message numerus="yes">
        <source>%n entity score(s) below %1</source>
        <translation>
            <numerusform>%n Bewertung unter %1</numerusform>
            <numerusform>%n Bewertungen unter %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No action &quot;%1&quot;; there are: %2</source>
        <translation>Keine Aktion „%1“; vorhanden sind: %2</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>für %1</translation>
    </message>
    <message>
        <source>global</source>
        <translation>global</translation>
    </message>
    <message>
        <source>cannot run: %1</source>
        <translation>nicht ausführbar: %1</translation>
    </message>
    <message>
        <source>The workspace has no actions (Template entities)</source>
        <translation>Der Arbeitsbereich hat keine Aktionen (Template-Entitäten)</translation>
    </message>
    <message>
        <source>Page %1: %2</source>
        <translation>Seite %1: %2</translation>
    </message>
    <message>
        <source>(when %1)</source>
        <translation>(wenn %1)</translation>
    </message>
    <message>
        <source>required</source>
        <translation>erforderlich</translation>
    </message>
    <message>
        <source>one of %1</source>
        <translation>eines von %1</translation>
    </message>
    <message>
        <source>default %1</source>
        <translation>Standard %1</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>Schritte:</translation>
    </message>
    <message>
        <source>Run %1 (%2): %3 — %4</source>
        <translation>Ausführung %1 (%2): %3 — %4</translation>
    </message>
    <message>
        <source>  by %1 at %2</source>
        <translation>  von %1 am %2</translation>
    </message>
    <message>
        <source>, on %1</source>
        <translation>, für %1</translation>
    </message>
    <message>
        <source>  parameters: %1</source>
        <translation>  Parameter: %1</translation>
    </message>
    <message>
        <source>No entity &quot;%1&quot; in the catalog</source>
        <translation>Keine Entität „%1“ im Katalog</translation>
    </message>
    <message>
        <source>--param %1: %2</source>
        <translation>--param %1: %2</translation>
    </message>
    <message>
        <source>Blocked: %1</source>
        <translation>Blockiert: %1</translation>
    </message>
    <message>
        <source>%1 is destructive: pass --confirm &quot;%2&quot; to run it</source>
        <translation>%1 ist destruktiv: Zum Ausführen --confirm &quot;%2&quot; angeben</translation>
    </message>
    <message>
        <source>skipped: its condition is false</source>
        <translation>übersprungen: Die Bedingung ist nicht erfüllt</translation>
    </message>
    <message>
        <source>A run with this idempotency key exists (run %1); not submitting again</source>
        <translation>Eine Ausführung mit diesem Idempotenzschlüssel existiert bereits (Ausführung %1); es wird nicht erneut übermittelt</translation>
    </message>
    <message>
        <source>action run: a parameter, key=value (repeat for each; dotted keys for nested objects, JSON or comma-separated lists for arrays)</source>
        <translation>action run: ein Parameter, Schlüssel=Wert (für jeden wiederholen; Schlüssel mit Punkten für verschachtelte Objekte, JSON oder kommagetrennte Listen für Arrays)</translation>
    </message>
    <message>
        <source>key=value</source>
        <translation>Schlüssel=Wert</translation>
    </message>
    <message>
        <source>action run: show what each step would send where, and send nothing</source>
        <translation>action run: zeigen, was jeder Schritt wohin senden würde, und nichts senden</translation>
    </message>
    <message>
        <source>action run: the confirmation text a destructive action asks for</source>
        <translation>action run: der Bestätigungstext, den eine destruktive Aktion verlangt</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>action run: a key for this submission; running again with the same key does not submit twice</source>
        <translation>action run: ein Schlüssel für diese Übermittlung; eine erneute Ausführung mit demselben Schlüssel übermittelt nicht doppelt</translation>
    </message>
    <message>
        <source>key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Usage: action list | action show ID | action run ID --param k=v ... [--dry-run]</source>
        <translation>Aufruf: action list | action show ID | action run ID --param k=v ... [--dry-run]</translation>
    </message>
    <message>
        <source>No run &quot;%1&quot;</source>
        <translation>Keine Ausführung „%1“</translation>
    </message>
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
        <source>--scope is neighbourhood, system, blast-radius, needs or catalog, not &quot;%1&quot;</source>
        <translation>--scope ist neighbourhood, system, blast-radius, needs oder catalog, nicht „%1“</translation>
    </message>
    <message>
        <source>graph needs an entity reference, or --scope catalog</source>
        <translation>graph braucht eine Entitätsreferenz oder --scope catalog</translation>
    </message>
    <message>
        <source>--depth is a number of relations (-1: no limit)</source>
        <translation>--depth ist eine Anzahl von Beziehungen (-1: unbegrenzt)</translation>
    </message>
    <message>
        <source>--direction is both, dependencies or dependents, not &quot;%1&quot;</source>
        <translation>--direction ist both, dependencies oder dependents, nicht „%1“</translation>
    </message>
    <message>
        <source>Unknown relation &quot;%1&quot;; use %2</source>
        <translation>Unbekannte Beziehung „%1“; verwenden Sie %2</translation>
    </message>
    <message>
        <source>--format is dot, svg or json, not &quot;%1&quot;</source>
        <translation>--format ist dot, svg oder json, nicht „%1“</translation>
    </message>
    <message>
        <source>--group is none, system or owner, not &quot;%1&quot;</source>
        <translation>--group ist none, system oder owner, nicht „%1“</translation>
    </message>
    <message>
        <source>There is no source &quot;%1&quot; in this workspace</source>
        <translation>In diesem Arbeitsbereich gibt es keine Quelle „%1“</translation>
    </message>
    <message>
        <source>No keychain: %1. Credentials come from the environment variables named in portolan.yaml.</source>
        <translation>Kein Schlüsselbund: %1. Zugangsdaten kommen aus den in portolan.yaml genannten Umgebungsvariablen.</translation>
    </message>
    <message>
        <source>%1: syncing</source>
        <translation>%1: wird synchronisiert</translation>
    </message>
    <message>
        <source>Cancelling...</source>
        <translation>Wird abgebrochen ...</translation>
    </message>
    <message>
        <source>ok      %1: %2 entities; %3</source>
        <translation>ok      %1: %2 Entitäten; %3</translation>
    </message>
    <message>
        <source>FAILED  %1: %2</source>
        <translation>FEHLER  %1: %2</translation>
    </message>
    <message>
        <source>HELD    %1: %2 (run again with --accept-deletions to apply it)</source>
        <translation>ZURÜCK  %1: %2 (erneut mit --accept-deletions ausführen, um sie zu übernehmen)</translation>
    </message>
    <message>
        <source>off     %1: disabled</source>
        <translation>aus     %1: ausgeschaltet</translation>
    </message>
    <message>
        <source>-       %1: %2</source>
        <translation>-       %1: %2</translation>
    </message>
    <message>
        <source>%1 source(s) synced in %2 s, %3 failed</source>
        <translation>%1 Quelle(n) in %2 s synchronisiert, %3 fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 gives no scorecard</source>
        <translation>%1 ergibt keine Scorecard</translation>
    </message>
    <message>
        <source>not scored</source>
        <translation>nicht bewertet</translation>
    </message>
    <message>
        <source>below %1</source>
        <translation>unter %1</translation>
    </message>
    <message>
        <source>%1: %2 up, %3 down, %4 unchanged, %5 with another score</source>
        <translation>%1: %2 auf, %3 ab, %4 unverändert, %5 mit anderer Punktzahl</translation>
    </message>
    <message>
        <source>No scorecards in %1</source>
        <translation>Keine Scorecards in %1</translation>
    </message>
    <message>
        <source>No scorecard &quot;%1&quot;; there are %2</source>
        <translation>Keine Scorecard „%1“; es gibt %2</translation>
    </message>
    <message>
        <source>No scorecard has a level &quot;%1&quot;</source>
        <translation>Keine Scorecard hat eine Stufe „%1“</translation>
    </message>
    <message>
        <source>%1 · %2: %3 (%4%)</source>
        <translation>%1 · %2: %3 (%4 %)</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>erfüllt</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>FEHLT</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>How to fix: %1</source>
        <translation>So beheben: %1</translation>
    </message>
    <message>
        <source>below %1: %2</source>
        <translation>unter %1: %2</translation>
    </message>
    <message>
        <source>== %1 (%2): %3 entities; %4</source>
        <translation>== %1 (%2): %3 Entitäten; %4</translation>
    </message>
    <message>
        <source>No scorecard applies to %1</source>
        <translation>Keine Scorecard gilt für %1</translation>
    </message>
    <message>
        <source>Every entity is at %1 or above</source>
        <translation>Jede Entität ist auf %1 oder darüber</translation>
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
        <source>sync: only this source</source>
        <translation>sync: nur diese Quelle</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>With a git URL as --workspace: the branch to use</source>
        <translation>Mit einer Git-URL als --workspace: der zu verwendende Branch</translation>
    </message>
    <message>
        <source>branch</source>
        <translation>branch</translation>
    </message>
    <message>
        <source>sync: apply a sync even if it removes more of a source&apos;s entities than its maxDeletionShare allows</source>
        <translation>sync: eine Synchronisierung auch übernehmen, wenn sie mehr Entitäten einer Quelle entfernt, als deren maxDeletionShare erlaubt</translation>
    </message>
    <message>
        <source>graph: relations from the entity (default 2; -1: no limit)</source>
        <translation>graph: Beziehungen ab der Entität (Standard 2; -1: unbegrenzt)</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>graph: both, dependencies (what it needs) or dependents (what needs it)</source>
        <translation>graph: both, dependencies (was sie braucht) oder dependents (was von ihr abhängt)</translation>
    </message>
    <message>
        <source>direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>graph: neighbourhood (default), system (a System or Domain with its parts), blast-radius (what needs the entity, transitively), needs (what it needs) or catalog</source>
        <translation>graph: neighbourhood (Standard), system (ein System oder eine Domäne mit ihren Teilen), blast-radius (was die Entität braucht, auch mittelbar), needs (was sie braucht) oder catalog</translation>
    </message>
    <message>
        <source>scope</source>
        <translation>Umfang</translation>
    </message>
    <message>
        <source>graph: the relations to draw, e.g. dependsOn,consumesApi (default: all)</source>
        <translation>graph: die zu zeichnenden Beziehungen, z. B. dependsOn,consumesApi (Standard: alle)</translation>
    </message>
    <message>
        <source>list</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>graph: the kinds to draw, e.g. component,api (default: all)</source>
        <translation>graph: die zu zeichnenden Arten, z. B. component,api (Standard: alle)</translation>
    </message>
    <message>
        <source>graph: dot (default), svg or json</source>
        <translation>graph: dot (Standard), svg oder json</translation>
    </message>
    <message>
        <source>format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>graph: collapse entities into one box per system or owner (none, system, owner)</source>
        <translation>graph: Entitäten zu einem Kasten je System oder Eigentümer zusammenfassen (none, system, owner)</translation>
    </message>
    <message>
        <source>grouping</source>
        <translation>Gruppierung</translation>
    </message>
    <message>
        <source>score: only this scorecard</source>
        <translation>score: nur diese Scorecard</translation>
    </message>
    <message>
        <source>score: only this entity, rule by rule</source>
        <translation>score: nur diese Entität, Regel für Regel</translation>
    </message>
    <message>
        <source>ref</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>score: exit 1 when an entity is below this level</source>
        <translation>score: Exit-Code 1, wenn eine Entität unter dieser Stufe liegt</translation>
    </message>
    <message>
        <source>level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>score: evaluate this edited scorecard file and list the entities that would move, against the workspace&apos;s scorecard of the same id</source>
        <translation>score: diese bearbeitete Scorecard-Datei auswerten und die Entitäten auflisten, die sich gegenüber der Scorecard gleicher ID des Arbeitsbereichs bewegen würden</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;; see --help</source>
        <translation>Unbekannter Befehl „%1“; siehe --help</translation>
    </message>
    <message>
        <source>Read the registered source %1: %2 entities</source>
        <translation>Registrierte Quelle %1 gelesen: %2 Entitäten</translation>
    </message>
    <message>
        <source>Could not read the registered source %1 yet: %2; `portolan-cli sync` tries again</source>
        <translation>Die registrierte Quelle %1 konnte noch nicht gelesen werden: %2; `portolan-cli sync` versucht es erneut</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>expired %1 ago</source>
        <translation>vor %1 abgelaufen</translation>
    </message>
    <message>
        <source>Nothing in the catalog has a time to live (portolan.dev/ttl or portolan.dev/expires-at)</source>
        <translation>Nichts im Katalog hat eine Lebensdauer (portolan.dev/ttl oder portolan.dev/expires-at)</translation>
    </message>
    <message numerus="yes">
        <source>Nothing is due (%n automation(s), leases in %1)</source>
        <translation>
            <numerusform>Nichts ist fällig (%n Automatisierung, Leases in %1)</numerusform>
            <numerusform>Nichts ist fällig (%n Automatisierungen, Leases in %1)</numerusform>
        </translation>
    </message>
    <message>
        <source>The workspace has no automations (%1)</source>
        <translation>Der Arbeitsbereich hat keine Automatisierungen (%1)</translation>
    </message>
    <message>
        <source>(disabled)</source>
        <translation>(deaktiviert)</translation>
    </message>
    <message>
        <source>%1: %2 -&gt; run %3 %4</source>
        <translation>%1: %2 -&gt; Ausführung %3 %4</translation>
    </message>
    <message>
        <source>%1: %2 -&gt; held by %3</source>
        <translation>%1: %2 -&gt; gehalten von %3</translation>
    </message>
    <message>
        <source>%1: %2 -&gt; done by %3</source>
        <translation>%1: %2 -&gt; erledigt von %3</translation>
    </message>
    <message>
        <source>%1: %2 -&gt; failed: %3</source>
        <translation>%1: %2 -&gt; fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>automations run: one round, then exit (for cron); without it, a round a minute until stopped</source>
        <translation>automations run: eine Runde, dann beenden (für cron); ohne: eine Runde pro Minute, bis gestoppt</translation>
    </message>
    <message>
        <source>Waiting for approval; checking every 10 seconds (Ctrl+C stops waiting, the run stays)</source>
        <translation>Warten auf Genehmigung; Prüfung alle 10 Sekunden (Strg+C beendet das Warten, die Ausführung bleibt bestehen)</translation>
    </message>
    <message>
        <source>Run %1 has ended (%2); nothing to resume</source>
        <translation>Ausführung %1 ist beendet (%2); nichts fortzusetzen</translation>
    </message>
    <message>
        <source>one of each</source>
        <translation>je eine Person</translation>
    </message>
    <message>
        <source>any one</source>
        <translation>eine beliebige Person</translation>
    </message>
    <message>
        <source>  approval (%1 of: %2): %3</source>
        <translation>  Genehmigung (%1 aus: %2): %3</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>genehmigt</translation>
    </message>
    <message>
        <source>%1 %2 by %3 at %4 (%5)%6</source>
        <translation>%1 %2 von %3 am %4 (%5)%6</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>(does not count: %1 is nobody in the catalog)</source>
        <translation>(zählt nicht: %1 gehört zu niemandem im Katalog)</translation>
    </message>
    <message>
        <source>(does not count: not an approver of this request)</source>
        <translation>(zählt nicht: nicht genehmigungsberechtigt für diese Anfrage)</translation>
    </message>
    <message>
        <source>could not reach the approvals repository: %1</source>
        <translation>Genehmigungs-Repository nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>Approvers decide with `portolan-cli approvals approve %1` (or reject, with --comment); then `portolan-cli run resume %2` goes on</source>
        <translation>Genehmigende entscheiden mit `portolan-cli approvals approve %1` (oder lehnen mit --comment ab); danach setzt `portolan-cli run resume %2` die Ausführung fort</translation>
    </message>
    <message>
        <source>action run, run resume: when the run waits for approval, check every 10 seconds until approvers decide</source>
        <translation>action run, run resume: wenn die Ausführung auf Genehmigung wartet, alle 10 Sekunden prüfen, bis die Genehmigenden entscheiden</translation>
    </message>
    <message>
        <source>approvals list: every request, closed ones and other people&apos;s too</source>
        <translation>approvals list: alle Anfragen, auch geschlossene und die anderer Personen</translation>
    </message>
    <message>
        <source>approvals approve/reject: the comment recorded with the decision</source>
        <translation>approvals approve/reject: der mit der Entscheidung gespeicherte Kommentar</translation>
    </message>
    <message>
        <source>Usage: run list | run show ID | run resume ID [--wait]</source>
        <translation>Aufruf: run list | run show ID | run resume ID [--wait]</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>vor %1</translation>
    </message>
    <message>
        <source> on %1</source>
        <translation> für %1</translation>
    </message>
    <message>
        <source>asked by %1, %2; %3 of: %4</source>
        <translation>angefragt von %1, %2; %3 aus: %4</translation>
    </message>
    <message>
        <source>change: %1 into %2 of %3</source>
        <translation>Änderung: %1 in %2 von %3</translation>
    </message>
    <message>
        <source>%1 by %2 %3%4%5</source>
        <translation>%1 von %2 %3%4%5</translation>
    </message>
    <message>
        <source>closed: %1</source>
        <translation>geschlossen: %1</translation>
    </message>
    <message>
        <source>The catalog does not know you (set PORTOLAN_USER to your user entity, name or email), so no request can wait for you</source>
        <translation>Der Katalog kennt Sie nicht (setzen Sie PORTOLAN_USER auf Ihre Benutzer-Entität, Ihren Namen oder Ihre E-Mail-Adresse), daher kann keine Anfrage auf Sie warten</translation>
    </message>
    <message>
        <source>Approval requests in %1</source>
        <translation>Genehmigungsanfragen in %1</translation>
    </message>
    <message>
        <source>Waiting for you (%1):</source>
        <translation>Warten auf Sie (%1):</translation>
    </message>
    <message>
        <source>Your requests (%1):</source>
        <translation>Ihre Anfragen (%1):</translation>
    </message>
    <message>
        <source>Others (%1):</source>
        <translation>Andere (%1):</translation>
    </message>
    <message>
        <source>A rejection says why: pass --comment &quot;…&quot;</source>
        <translation>Eine Ablehnung braucht eine Begründung: --comment &quot;…&quot; angeben</translation>
    </message>
    <message>
        <source>No approval request &quot;%1&quot; in %2</source>
        <translation>Keine Genehmigungsanfrage &quot;%1&quot; in %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; matches %2 requests; give more of the key</source>
        <translation>&quot;%1&quot; passt auf %2 Anfragen; geben Sie mehr vom Schlüssel an</translation>
    </message>
    <message>
        <source>The request is closed (%1); nothing to decide</source>
        <translation>Die Anfrage ist geschlossen (%1); nichts zu entscheiden</translation>
    </message>
    <message>
        <source>You asked for this; someone else approves it</source>
        <translation>Sie haben dies angefragt; jemand anderes muss es genehmigen</translation>
    </message>
    <message>
        <source>You (%1) may not decide this request: it needs %2</source>
        <translation>Sie (%1) dürfen über diese Anfrage nicht entscheiden: Sie erfordert %2</translation>
    </message>
    <message>
        <source>Your user entity has no email (spec.profile.email), so your decision could not be told apart from anyone&apos;s</source>
        <translation>Ihre Benutzer-Entität hat keine E-Mail-Adresse (spec.profile.email), daher ließe sich Ihre Entscheidung nicht von der anderer unterscheiden</translation>
    </message>
    <message>
        <source>Approved %1 (%2) as %3</source>
        <translation>%1 (%2) als %3 genehmigt</translation>
    </message>
    <message>
        <source>Rejected %1 (%2) as %3</source>
        <translation>%1 (%2) als %3 abgelehnt</translation>
    </message>
    <message>
        <source>Usage: approvals list [--all] | approvals approve KEY [--comment TEXT] | approvals reject KEY --comment TEXT</source>
        <translation>Aufruf: approvals list [--all] | approvals approve KEY [--comment TEXT] | approvals reject KEY --comment TEXT</translation>
    </message>
    <message>
        <source>Portolan&apos;s headless command line.

Commands:
  validate PATH...        check descriptor files and folders; exit 1 on errors
  catalog list            list the workspace&apos;s entities
  catalog show REF        show one entity and its relations
  sync                    fetch every source now (or one, with --source); exit 1 if any failed
  graph [REF]             the dependency graph as DOT, SVG or JSON
  score                   the workspace&apos;s scorecards: each entity&apos;s level; with --fail-below LEVEL,
                          exit 1 when one is below it (a CI gate); with --what-if FILE, which entities an
                          edited scorecard would move up or down
  action list             the workspace&apos;s self-service actions (Template entities)
  action show ID          an action&apos;s parameters, steps and problems
  action run ID           run an action: --param k=v for each parameter, --entity REF for one started on
                          an entity, --dry-run to see what would be sent where; exit 1 if it failed
  run list                the action runs, newest first
  run show ID             one run: its inputs, each step&apos;s status, log and outputs, and its links
  run resume ID           go on with a run that waits for approval (--wait: until approvers decide);
                          exit 3 while it still waits
  approvals list          approval requests waiting for you, and yours (--all: every request)
  approvals approve KEY   approve a request (--comment TEXT); approvals reject KEY --comment TEXT
  ttl list                what has a time to live (portolan.dev/ttl), soonest expiry first
  automations list        the workspace&apos;s automations (automations/*.yaml)
  automations run         run the automations whose trigger is due (schedules, TTL warnings and
                          expiries), each event once across every desktop and job; --once for cron</source>
        <translation>Portolans Kommandozeile ohne Oberfläche.

Befehle:
  validate PATH...        Deskriptordateien und -ordner prüfen; Exit-Code 1 bei Fehlern
  catalog list            die Entitäten des Arbeitsbereichs auflisten
  catalog show REF        eine Entität mit ihren Beziehungen zeigen
  sync                    jetzt alle Quellen abrufen (oder eine, mit --source); Exit-Code 1 bei Fehlschlägen
  graph [REF]             der Abhängigkeitsgraph als DOT, SVG oder JSON
  score                   die Scorecards des Arbeitsbereichs: die Stufe jeder Entität; mit --fail-below LEVEL
                          Exit-Code 1, wenn eine darunter liegt (ein CI-Gate); mit --what-if FILE, welche
                          Entitäten eine bearbeitete Scorecard auf- oder absteigen ließe
  action list             die Self-Service-Aktionen des Arbeitsbereichs (Template-Entitäten)
  action show ID          Parameter, Schritte und Probleme einer Aktion
  action run ID           eine Aktion ausführen: --param k=v je Parameter, --entity REF für eine Aktion auf
                          einer Entität, --dry-run zeigt, was wohin gesendet würde; Exit-Code 1 bei Fehlschlag
  run list                die Ausführungen der Aktionen, neueste zuerst
  run show ID             eine Ausführung: Eingaben, Status, Protokoll und Ausgaben jedes Schritts, Links
  run resume ID           eine auf Genehmigung wartende Ausführung fortsetzen (--wait: bis die Genehmigenden
                          entscheiden); Exit-Code 3, solange sie noch wartet
  approvals list          Genehmigungsanfragen, die auf Sie warten, und Ihre eigenen (--all: alle Anfragen)
  approvals approve KEY   eine Anfrage genehmigen (--comment TEXT); approvals reject KEY --comment TEXT
  ttl list                was eine Lebensdauer hat (portolan.dev/ttl), zuerst was am frühesten abläuft
  automations list        die Automatisierungen des Arbeitsbereichs (automations/*.yaml)
  automations run         die Automatisierungen ausführen, deren Auslöser fällig ist (Zeitpläne, TTL-Warnungen
                          und Abläufe), jedes Ereignis einmal über alle Desktops und Jobs hinweg; --once für cron</translation>
    </message>
    <message>
        <source>validate | catalog | sync | graph | score | action | run | approvals | ttl | automations</source>
        <translation>validate | catalog | sync | graph | score | action | run | approvals | ttl | automations</translation>
    </message>
    <message>
        <source>%1; checking every 10 seconds (Ctrl+C stops waiting)</source>
        <translation>%1; erneute Prüfung alle 10 Sekunden (Strg+C beendet das Warten)</translation>
    </message>
    <message>
        <source>waiting for review</source>
        <translation>wartet auf Prüfung</translation>
    </message>
    <message>
        <source>Approved the deployment of run %1 (%2) on GitHub: %3</source>
        <translation>Deployment der Ausführung %1 (%2) auf GitHub genehmigt: %3</translation>
    </message>
    <message>
        <source>Rejected the deployment of run %1 (%2) on GitHub: %3</source>
        <translation>Deployment der Ausführung %1 (%2) auf GitHub abgelehnt: %3</translation>
    </message>
    <message>
        <source>pull request: %1 (a review there counts)</source>
        <translation>Pull-Request: %1 (ein Review dort zählt)</translation>
    </message>
</context>
</TS>
