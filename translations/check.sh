#!/usr/bin/env bash
# Runs lupdate over the sources into copies of the .ts files and fails, showing what differs, when a string is
# new (not in the .ts yet: untranslated) or gone (obsolete), or when a German message is unfinished:
#   translations/check.sh BUILD_DIR
# The fix is `cmake --build BUILD_DIR --target update_translations`, then translating what it added.
set -euo pipefail
build=$(cd "${1:?usage: check.sh BUILD_DIR}" && pwd)
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
lupdate=$(command -v lupdate 2>/dev/null || echo /usr/lib/qt6/bin/lupdate)

cmake --build "$build" --target portolan_lupdate_projects >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here"/portolan_de.ts "$here"/portolan_en.ts "$work/"
# (lupdate's note that -ts overrides the project's own TS files is expected here and left out.)
"$lupdate" -silent -locations none -no-obsolete -project "$build/ui/lupdate/portolan_ui_project.json" \
    -ts "$work/portolan_de.ts" 2> >(grep -v 'TS files from command line' >&2)
"$lupdate" -silent -locations none -no-obsolete -pluralonly \
    -project "$build/ui/lupdate/portolan_ui_plurals_project.json" -ts "$work/portolan_en.ts" \
    2> >(grep -v 'TS files from command line' >&2)

status=0
for ts in portolan_de.ts portolan_en.ts; do
    if ! diff -u "$here/$ts" "$work/$ts" >"$work/$ts.diff"; then
        echo "lupdate: translations/$ts does not match the sources (+ new, untranslated; - obsolete):" >&2
        grep -E '^[+-] *<source>' "$work/$ts.diff" >&2 || cat "$work/$ts.diff" >&2
        status=1
    fi
done
messages=$(grep -c '<message' "$here/portolan_de.ts")
unfinished=$(grep -c 'type="unfinished"' "$here/portolan_de.ts" || true)
echo "lupdate: portolan_de.ts has $messages messages, $unfinished unfinished; portolan_en.ts" \
     "$(grep -c '<message' "$here/portolan_en.ts") plural forms"
if ((unfinished > 0)); then
    echo "lupdate: $unfinished German messages are unfinished" >&2
    status=1
fi
if ((status != 0)); then
    echo "Run: cmake --build $build --target update_translations, then translate the new messages." >&2
fi
exit "$status"
