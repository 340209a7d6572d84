#pragma once

#include "util/Result.h"

#include <QString>
#include <QUrl>

namespace Portolan::Core {

// A portolan:// link, as the desktop file's URL handler, a browser or a chat message hands it to the application:
//   portolan://entity/<ref>                    the entity page ("component:default/cart", or a short "cart")
//   portolan://action/<id>?entity=<ref>        the action's wizard, for the entity when one is given; the id is
//                                              the template's ref or name ("template:default/create-service")
//   portolan://run/<id>                        the run on the Runs page
// Parts may be percent-encoded (a ref's ':' and '/' need not be).
struct DeepLink
{
    enum class Target { Entity, Action, Run };

    Target target = Target::Entity;
    QString entityRef; // Entity, and Action's entity (may be empty)
    QString actionId; // Action
    qint64 runId = 0; // Run

    // Reads `text` (a URL with the portolan scheme); an error says what is wrong with it, for the person who
    // followed the link.
    [[nodiscard]] static Result<DeepLink> parse(const QString &text);
    // Whether `text` looks like a link for parse(), rather than a folder or workspace URL.
    [[nodiscard]] static bool isDeepLink(QStringView text);
    // The link as a URL that parse() reads back.
    [[nodiscard]] QUrl toUrl() const;
};

} // namespace Portolan::Core
