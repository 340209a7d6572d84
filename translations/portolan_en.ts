<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>EntityOps</name>
    <message numerus="yes">
        <source>%n firing alert(s): %1</source>
        <translation>
            <numerusform>%n firing alert: %1</numerusform>
            <numerusform>%n firing alerts: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message numerus="yes">
        <source>%n second(s) ago</source>
        <translation>
            <numerusform>%n second ago</numerusform>
            <numerusform>%n seconds ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n second(s)</source>
        <translation>
            <numerusform>in %n second</numerusform>
            <numerusform>in %n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n minute(s)</source>
        <translation>
            <numerusform>in %n minute</numerusform>
            <numerusform>in %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n hour(s)</source>
        <translation>
            <numerusform>in %n hour</numerusform>
            <numerusform>in %n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>in %n day</numerusform>
            <numerusform>in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HttpClient</name>
    <message numerus="yes">
        <source>%1 is rate limited; try again in %n second(s)</source>
        <translation>
            <numerusform>%1 is rate limited; try again in %n second</numerusform>
            <numerusform>%1 is rate limited; try again in %n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server returned more than %n page(s); stopped at %1</source>
        <translation>
            <numerusform>The server returned more than %n page; stopped at %1</numerusform>
            <numerusform>The server returned more than %n pages; stopped at %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HttpJsonMapping</name>
    <message numerus="yes">
        <source>(%n more field(s) not shown)</source>
        <translation>
            <numerusform>(%n more field not shown)</numerusform>
            <numerusform>(%n more fields not shown)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more object(s) made no valid entity the same way</source>
        <translation>
            <numerusform>%n more object made no valid entity the same way</numerusform>
            <numerusform>%n more objects made no valid entity the same way</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more object(s) failed at `%1` the same way</source>
        <translation>
            <numerusform>%n more object failed at `%1` the same way</numerusform>
            <numerusform>%n more objects failed at `%1` the same way</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>it gave %n value(s); an entity is one object</source>
        <translation>
            <numerusform>it gave %n value; an entity is one object</numerusform>
            <numerusform>it gave %n values; an entity is one object</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>it gave %n values; wrap it in [ ] to make a list</source>
        <translation>
            <numerusform>it gave %n value; wrap it in [ ] to make a list</numerusform>
            <numerusform>it gave %n values; wrap it in [ ] to make a list</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KubeProjection</name>
    <message numerus="yes">
        <source>Waiting for the rollout to finish: %n old replica(s) pending termination</source>
        <translation>
            <numerusform>Waiting for the rollout to finish: %n old replica pending termination</numerusform>
            <numerusform>Waiting for the rollout to finish: %n old replicas pending termination</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ParameterForm</name>
    <message numerus="yes">
        <source>“%1” needs at least %n character(s)</source>
        <translation>
            <numerusform>“%1” needs at least %n character</numerusform>
            <numerusform>“%1” needs at least %n characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>“%1” takes at most %n character(s)</source>
        <translation>
            <numerusform>“%1” takes at most %n character</numerusform>
            <numerusform>“%1” takes at most %n characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>“%1” needs at least %n item(s)</source>
        <translation>
            <numerusform>“%1” needs at least %n item</numerusform>
            <numerusform>“%1” needs at least %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>“%1” takes at most %n item(s)</source>
        <translation>
            <numerusform>“%1” takes at most %n item</numerusform>
            <numerusform>“%1” takes at most %n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::Core::BackstageSource</name>
    <message numerus="yes">
        <source>%n entities from %1</source>
        <translation>
            <numerusform>%n entity from %1</numerusform>
            <numerusform>%n entities from %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::Core::FilesSource</name>
    <message numerus="yes">
        <source>%n file(s) read</source>
        <translation>
            <numerusform>%n file read</numerusform>
            <numerusform>%n files read</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::Core::GitHubSource</name>
    <message numerus="yes">
        <source>GitHub&apos;s secondary rate limit stopped the sync; it is tried again in %n second(s)</source>
        <translation>
            <numerusform>GitHub&apos;s secondary rate limit stopped the sync; it is tried again in %n second</numerusform>
            <numerusform>GitHub&apos;s secondary rate limit stopped the sync; it is tried again in %n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Listed %n repositories</source>
        <translation>
            <numerusform>Listed %n repository</numerusform>
            <numerusform>Listed %n repositories</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The Locations of %1 lead to more than %n files; the rest is not read</source>
        <translation>
            <numerusform>The Locations of %1 lead to more than %n file; the rest is not read</numerusform>
            <numerusform>The Locations of %1 lead to more than %n files; the rest is not read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n repositories not read yet: the rate limit resets at %1</source>
        <translation>
            <numerusform>%n repository not read yet: the rate limit resets at %1</numerusform>
            <numerusform>%n repositories not read yet: the rate limit resets at %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Insights of %n repositories not read yet: the rate limit resets at %1</source>
        <translation>
            <numerusform>Insights of %n repository not read yet: the rate limit resets at %1</numerusform>
            <numerusform>Insights of %n repositories not read yet: the rate limit resets at %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entities from %1 repositories of %2</source>
        <translation>
            <numerusform>%n entity from %1 repositories of %2</numerusform>
            <numerusform>%n entities from %1 repositories of %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::Core::GitSource</name>
    <message numerus="yes">
        <source>%n entities at commit %1</source>
        <translation>
            <numerusform>%n entity at commit %1</numerusform>
            <numerusform>%n entities at commit %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::Core::HttpJsonSource</name>
    <message numerus="yes">
        <source>%n entities</source>
        <translation>
            <numerusform>%n entity</numerusform>
            <numerusform>%n entities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n objects</source>
        <translation>
            <numerusform>%n object</numerusform>
            <numerusform>%n objects</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pages</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::Core::KubeCredentials</name>
    <message numerus="yes">
        <source>The credential plugin &quot;%1&quot; of user &quot;%2&quot; did not answer within %n second(s)</source>
        <translation>
            <numerusform>The credential plugin &quot;%1&quot; of user &quot;%2&quot; did not answer within %n second</numerusform>
            <numerusform>The credential plugin &quot;%1&quot; of user &quot;%2&quot; did not answer within %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::Core::KubernetesApplyExecutor</name>
    <message numerus="yes">
        <source>Applying %n object(s) to context %1 (%2) as field manager &quot;%3&quot;%4</source>
        <translation>
            <numerusform>Applying %n object to context %1 (%2) as field manager &quot;%3&quot;%4</numerusform>
            <numerusform>Applying %n objects to context %1 (%2) as field manager &quot;%3&quot;%4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleting %n object(s) from context %1 (%2)%3</source>
        <translation>
            <numerusform>Deleting %n object from context %1 (%2)%3</numerusform>
            <numerusform>Deleting %n objects from context %1 (%2)%3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::Core::KubernetesSource</name>
    <message numerus="yes">
        <source>None of the %n contexts could be read; the last: %1</source>
        <translation>
            <numerusform>The context could not be read: %1</numerusform>
            <numerusform>None of the %n contexts could be read; the last: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n context(s), %1 pods, %2 entities with runtime</source>
        <translation>
            <numerusform>%n context, %1 pods, %2 entities with runtime</numerusform>
            <numerusform>%n contexts, %1 pods, %2 entities with runtime</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n namespace(s) with a time to live</source>
        <translation>
            <numerusform>%n namespace with a time to live</numerusform>
            <numerusform>%n namespaces with a time to live</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::Core::MonitoringSource</name>
    <message numerus="yes">
        <source>%n value(s) of the label &quot;%1&quot; name no entity in the catalog: %2</source>
        <translation>
            <numerusform>%n value of the label &quot;%1&quot; names no entity in the catalog: %2</numerusform>
            <numerusform>%n values of the label &quot;%1&quot; name no entity in the catalog: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s)</source>
        <translation>
            <numerusform>%n alert</numerusform>
            <numerusform>%n alerts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entities</source>
        <translation>
            <numerusform>%n entity</numerusform>
            <numerusform>%n entities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n series</source>
        <translation>
            <numerusform>%n series</numerusform>
            <numerusform>%n series</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::Core::OpenCostSource</name>
    <message numerus="yes">
        <source>%n allocation(s) name no entity in the catalog: %1</source>
        <translation>
            <numerusform>%n allocation names no entity in the catalog: %1</numerusform>
            <numerusform>%n allocations name no entity in the catalog: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entities</source>
        <translation>
            <numerusform>%n entity</numerusform>
            <numerusform>%n entities</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::Core::SyncService</name>
    <message numerus="yes">
        <source>Syncing %n source(s)</source>
        <translation>
            <numerusform>Syncing %n source</numerusform>
            <numerusform>Syncing %n sources</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::CatalogPage</name>
    <message numerus="yes">
        <source>%1 of %n entities</source>
        <translation>
            <numerusform>%1 of %n entity</numerusform>
            <numerusform>%1 of %n entities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entities</source>
        <translation>
            <numerusform>%n entity</numerusform>
            <numerusform>%n entities</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::CommandPalette</name>
    <message numerus="yes">
        <source>%n more entities: type more to narrow them down</source>
        <translation>
            <numerusform>%n more entity: type more to narrow it down</numerusform>
            <numerusform>%n more entities: type more to narrow them down</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::EntityPage</name>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::FacetModel</name>
    <message numerus="yes">
        <source>Show %n more</source>
        <translation>
            <numerusform>Show %n more</numerusform>
            <numerusform>Show %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 (%n entities)</source>
        <translation>
            <numerusform>%1: %2 (%n entity)</numerusform>
            <numerusform>%1: %2 (%n entities)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::GitHubTab</name>
    <message numerus="yes">
        <source>%n open pull request(s) · %1 approved · %2 with changes requested · %3 · %4</source>
        <translation>
            <numerusform>%n open pull request · %1 approved · %2 with changes requested · %3 · %4</numerusform>
            <numerusform>%n open pull requests · %1 approved · %2 with changes requested · %3 · %4</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::GraphPanel</name>
    <message numerus="yes">
        <source>Kinds: %n hidden</source>
        <translation>
            <numerusform>Kinds: %n hidden</numerusform>
            <numerusform>Kinds: %n hidden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entities depend on %1, directly or not</source>
        <translation>
            <numerusform>%n entity depends on %1, directly or not</numerusform>
            <numerusform>%n entities depend on %1, directly or not</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 needs %n entities, directly or not</source>
        <translation>
            <numerusform>%1 needs %n entity, directly or not</numerusform>
            <numerusform>%1 needs %n entities, directly or not</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entities</source>
        <translation>
            <numerusform>%n entity</numerusform>
            <numerusform>%n entities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n relations</source>
        <translation>
            <numerusform>%n relation</numerusform>
            <numerusform>%n relations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n long relations drawn straight to keep the layout fast</source>
        <translation>
            <numerusform>%n long relation drawn straight to keep the layout fast</numerusform>
            <numerusform>%n long relations drawn straight to keep the layout fast</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>grouped by owner into %n boxes</source>
        <translation>
            <numerusform>grouped by owner into %n box</numerusform>
            <numerusform>grouped by owner into %n boxes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>grouped by system into %n boxes</source>
        <translation>
            <numerusform>grouped by system into %n box</numerusform>
            <numerusform>grouped by system into %n boxes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::GraphScene</name>
    <message numerus="yes">
        <source>%1 · %n entities</source>
        <translation>
            <numerusform>%1 · %n entity</numerusform>
            <numerusform>%1 · %n entities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entities</source>
        <translation>
            <numerusform>%n entity</numerusform>
            <numerusform>%n entities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n relations between them</source>
        <translation>
            <numerusform>%n relation between them</numerusform>
            <numerusform>%n relations between them</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::InboxPage</name>
    <message numerus="yes">
        <source>Notifications (%n unread)</source>
        <translation>
            <numerusform>Notifications (%n unread)</numerusform>
            <numerusform>Notifications (%n unread)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::MainWindow</name>
    <message numerus="yes">
        <source>%n entities</source>
        <translation>
            <numerusform>%n entity</numerusform>
            <numerusform>%n entities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Catalog (%n entities)</source>
        <translation>
            <numerusform>Catalog (%n entity)</numerusform>
            <numerusform>Catalog (%n entities)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;: %2&lt;br&gt;%n entities · synced %3&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;: %2&lt;br&gt;%n entity · synced %3&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;: %2&lt;br&gt;%n entities · synced %3&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n source(s) failed</source>
        <translation>
            <numerusform>%n source failed</numerusform>
            <numerusform>%n sources failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sync(s) held back</source>
        <translation>
            <numerusform>%n sync held back</numerusform>
            <numerusform>%n syncs held back</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n source(s) · not synced yet</source>
        <translation>
            <numerusform>%n source · not synced yet</numerusform>
            <numerusform>%n sources · not synced yet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n source(s) · synced %1</source>
        <translation>
            <numerusform>%n source · synced %1</numerusform>
            <numerusform>%n sources · synced %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stale</source>
        <translation>
            <numerusform>%n stale</numerusform>
            <numerusform>%n stale</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n more source(s) held back)</source>
        <translation>
            <numerusform>(%n more source held back)</numerusform>
            <numerusform>(%n more sources held back)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Inbox (%n unread)</source>
        <translation>
            <numerusform>Inbox (%n unread)</numerusform>
            <numerusform>Inbox (%n unread)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::OperationsTab</name>
    <message numerus="yes">
        <source>%n firing alert(s)</source>
        <translation>
            <numerusform>%n firing alert</numerusform>
            <numerusform>%n firing alerts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n feature flag(s)</source>
        <translation>
            <numerusform>%n feature flag</numerusform>
            <numerusform>%n feature flags</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stale</source>
        <translation>
            <numerusform>%n stale</numerusform>
            <numerusform>%n stale</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n resource(s)</source>
        <translation>
            <numerusform>%n resource</numerusform>
            <numerusform>%n resources</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) over the last window</source>
        <translation>
            <numerusform>%n point over the last window</numerusform>
            <numerusform>%n points over the last window</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::PendingDeletionsDialog</name>
    <message numerus="yes">
        <source>Apply the sync: the %n entities no longer in the source leave the catalog</source>
        <translation>
            <numerusform>Apply the sync: the entity no longer in the source leaves the catalog</numerusform>
            <numerusform>Apply the sync: the %n entities no longer in the source leave the catalog</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::ProblemsPanel</name>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n shown</source>
        <translation>
            <numerusform>%1 of %n shown</numerusform>
            <numerusform>%1 of %n shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::RuntimeTab</name>
    <message numerus="yes">
        <source>%n workload(s)</source>
        <translation>
            <numerusform>%n workload</numerusform>
            <numerusform>%n workloads</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::ScorecardHeatmapModel</name>
    <message numerus="yes">
        <source>%1: %2 of %n entities pass “%3”</source>
        <translation>
            <numerusform>%1: %2 of %n entity passes “%3”</numerusform>
            <numerusform>%1: %2 of %n entities pass “%3”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n entities)</source>
        <translation>
            <numerusform>%1 (%n entity)</numerusform>
            <numerusform>%1 (%n entities)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::ScorecardsPage</name>
    <message numerus="yes">
        <source>%n scorecard problem(s); the rules they concern are left out:</source>
        <translation>
            <numerusform>%n scorecard problem; the rules it concerns are left out:</numerusform>
            <numerusform>%n scorecard problems; the rules they concern are left out:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entities</source>
        <translation>
            <numerusform>%n entity</numerusform>
            <numerusform>%n entities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>last %n days</source>
        <translation>
            <numerusform>last %n day</numerusform>
            <numerusform>last %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::SourcesModel</name>
    <message numerus="yes">
        <source>It would remove %n entities; review it</source>
        <translation>
            <numerusform>It would remove %n entity; review it</numerusform>
            <numerusform>It would remove %n entities; review it</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entities</source>
        <translation>
            <numerusform>%n entity</numerusform>
            <numerusform>%n entities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>retry after %n failure(s)</source>
        <translation>
            <numerusform>retry after %n failure</numerusform>
            <numerusform>retry after %n failures</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::SourcesPage</name>
    <message numerus="yes">
        <source>%n source(s)</source>
        <translation>
            <numerusform>%n source</numerusform>
            <numerusform>%n sources</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entities</source>
        <translation>
            <numerusform>%n entity</numerusform>
            <numerusform>%n entities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n syncing</source>
        <translation>
            <numerusform>%n syncing</numerusform>
            <numerusform>%n syncing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Error code: %1 · failed %n time(s) in a row</source>
        <translation>
            <numerusform>Error code: %1 · failed once</numerusform>
            <numerusform>Error code: %1 · failed %n times in a row</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;The last sync was held back:&lt;/b&gt; it would remove %n of this source&apos;s entities. The catalog keeps the last good data until you decide.</source>
        <translation>
            <numerusform>&lt;b&gt;The last sync was held back:&lt;/b&gt; it would remove %n of this source&apos;s entities. The catalog keeps the last good data until you decide.</numerusform>
            <numerusform>&lt;b&gt;The last sync was held back:&lt;/b&gt; it would remove %n of this source&apos;s entities. The catalog keeps the last good data until you decide.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove the source “%1”? Its %n entities leave the catalog.</source>
        <translation>
            <numerusform>Remove the source “%1”? Its %n entity leaves the catalog.</numerusform>
            <numerusform>Remove the source “%1”? Its %n entities leave the catalog.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::Ui::TrayIcon</name>
    <message numerus="yes">
        <source>Portolan: %n unread notification(s)</source>
        <translation>
            <numerusform>Portolan: %n unread notification</numerusform>
            <numerusform>Portolan: %n unread notifications</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RuntimeMapper</name>
    <message numerus="yes">
        <source>%n job pod(s) active</source>
        <translation>
            <numerusform>%n job pod active</numerusform>
            <numerusform>%n job pods active</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TerraformMapper</name>
    <message numerus="yes">
        <source>%n resource(s) managed by Terraform %1</source>
        <translation>
            <numerusform>%n resource managed by Terraform %1</numerusform>
            <numerusform>%n resources managed by Terraform %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TerraformSource</name>
    <message numerus="yes">
        <source>%n resource(s)</source>
        <translation>
            <numerusform>%n resource</numerusform>
            <numerusform>%n resources</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n workspace(s)</source>
        <translation>
            <numerusform>%n workspace</numerusform>
            <numerusform>%n workspaces</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnleashSource</name>
    <message numerus="yes">
        <source>%n flag(s) name no component in the catalog: %1</source>
        <translation>
            <numerusform>%n flag names no component in the catalog: %1</numerusform>
            <numerusform>%n flags name no component in the catalog: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n flag(s)</source>
        <translation>
            <numerusform>%n flag</numerusform>
            <numerusform>%n flags</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n project(s)</source>
        <translation>
            <numerusform>%n project</numerusform>
            <numerusform>%n projects</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>portolan-cli</name>
    <message numerus="yes">
        <source>%n entity score(s) below %1</source>
        <translation>
            <numerusform>%n entity score below %1</numerusform>
            <numerusform>%n entity scores below %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing is due (%n automation(s), leases in %1)</source>
        <translation>
            <numerusform>Nothing is due (%n automation, leases in %1)</numerusform>
            <numerusform>Nothing is due (%n automations, leases in %1)</numerusform>
        </translation>
    </message>
</context>
</TS>
