#include "EntityRef.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

Result<EntityRef> EntityRef::parse(QStringView text, QStringView defaultKind, QStringView defaultNs)
{
    const QStringView ref = text.trimmed();
    qsizetype colon = ref.indexOf(u':');
    const qsizetype slash = ref.indexOf(u'/');
    // A colon after the slash belongs to the name, as in Backstage.
    if (slash != -1 && slash < colon) {
        colon = -1;
    }
    const QStringView kind = colon == -1 ? QStringView() : ref.first(colon);
    const QStringView ns = slash == -1 ? QStringView() : ref.mid(colon + 1, slash - colon - 1);
    const QStringView name = ref.mid(std::max(colon + 1, slash + 1));

    const auto malformed = [&] {
        Error e = makeError(Error::Code::Reference,
                            QCoreApplication::translate("EntityRef", "Entity reference \"%1\" is not of the form "
                                                                     "[<kind>:][<namespace>/]<name>")
                                .arg(text.toString()));
        return e;
    };
    if ((colon != -1 && kind.isEmpty()) || (slash != -1 && ns.isEmpty()) || name.isEmpty()) {
        return malformed();
    }
    EntityRef out;
    out.kind = colon == -1 ? defaultKind.toString() : kind.toString();
    out.ns = slash == -1 ? defaultNs.toString() : ns.toString();
    out.name = name.toString();
    if (out.kind.isEmpty()) {
        return makeError(Error::Code::Reference,
                         QCoreApplication::translate("EntityRef",
                                                     "Entity reference \"%1\" has no kind (it should start with "
                                                     "\"component:\" or similar)")
                             .arg(text.toString()));
    }
    if (out.ns.isEmpty()) {
        out.ns = defaultNamespace.toString();
    }
    return out;
}

QString EntityRef::toString() const
{
    return kind.toLower() + u':' + ns.toLower() + u'/' + name;
}

QString EntityRef::key() const
{
    return makeRefKey(kind, ns, name);
}

QString EntityRef::toShortString(QStringView contextKind, QStringView contextNs) const
{
    QString out;
    if (contextKind.isEmpty() || kind.compare(contextKind, Qt::CaseInsensitive) != 0) {
        out += kind.toLower() + u':';
    }
    if (ns.compare(contextNs, Qt::CaseInsensitive) != 0) {
        out += ns.toLower() + u'/';
    }
    return out + name;
}

QString makeRefKey(QStringView kind, QStringView ns, QStringView name)
{
    QString key;
    key.reserve(kind.size() + ns.size() + name.size() + 2);
    key += kind;
    key += u':';
    key += ns;
    key += u'/';
    key += name;
    // ASCII fast path in place; anything else goes through Unicode case folding.
    bool ascii = true;
    for (QChar &c : key) {
        const char16_t u = c.unicode();
        if (u >= u'A' && u <= u'Z') {
            c = QChar(u + 32);
        } else if (u >= 0x80) {
            ascii = false;
        }
    }
    return ascii ? key : key.toLower();
}

QString refKey(QStringView text, QStringView defaultKind, QStringView defaultNs)
{
    const QStringView ref = text.trimmed();
    qsizetype colon = ref.indexOf(u':');
    const qsizetype slash = ref.indexOf(u'/');
    if (slash != -1 && slash < colon) {
        colon = -1;
    }
    const QStringView kind = colon == -1 ? defaultKind : ref.first(colon);
    QStringView ns = slash == -1 ? defaultNs : ref.mid(colon + 1, slash - colon - 1);
    const QStringView name = ref.mid(std::max(colon + 1, slash + 1));
    if (kind.isEmpty() || (slash != -1 && ns.isEmpty()) || name.isEmpty()) {
        return {};
    }
    if (ns.isEmpty()) {
        ns = defaultNamespace;
    }
    return makeRefKey(kind, ns, name);
}

} // namespace Portolan::Core
