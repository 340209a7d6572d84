#include "AppInfo.h"

#include <QtGlobal>

#include <sqlite3.h>
#include <yaml.h>

using namespace Qt::StringLiterals;

// The versions CMake found at configure time (core/CMakeLists.txt); empty when it could not tell.
#ifndef PORTOLAN_KEYCHAIN_VERSION
#define PORTOLAN_KEYCHAIN_VERSION ""
#endif
#ifndef PORTOLAN_YAMLCPP_VERSION
#define PORTOLAN_YAMLCPP_VERSION ""
#endif
#ifndef PORTOLAN_JQ_VERSION
#define PORTOLAN_JQ_VERSION ""
#endif

namespace Portolan::Core::AppInfo {

QList<Component> components()
{
    return {
        {u"Qt"_s, QString::fromLatin1(qVersion()), u"LGPL-3.0-only"_s, u"https://www.qt.io/"_s},
        {u"QtKeychain"_s, QStringLiteral(PORTOLAN_KEYCHAIN_VERSION), u"BSD-3-Clause"_s,
         u"https://github.com/frankosterfeld/qtkeychain"_s},
        {u"SQLite"_s, QString::fromLatin1(sqlite3_libversion()), u"blessing"_s, u"https://sqlite.org/"_s},
        {u"LibYAML"_s, QString::fromLatin1(yaml_get_version_string()), u"MIT"_s, u"https://pyyaml.org/wiki/LibYAML"_s},
        {u"yaml-cpp"_s, QStringLiteral(PORTOLAN_YAMLCPP_VERSION), u"MIT"_s, u"https://github.com/jbeder/yaml-cpp"_s},
        {u"jq"_s, QStringLiteral(PORTOLAN_JQ_VERSION), u"MIT"_s, u"https://jqlang.github.io/jq/"_s},
    };
}

} // namespace Portolan::Core::AppInfo
