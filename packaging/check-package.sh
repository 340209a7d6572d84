#!/usr/bin/env bash
# Builds the Debian package from a build folder and checks it as a user's machine would get it:
#   packaging/check-package.sh BUILD_DIR
# 1. the desktop file and the AppStream metainfo pass desktop-file-validate and appstreamcli validate, and the
#    installed tree (desktop file, metainfo, icons) passes appstreamcli validate-tree;
# 2. cpack makes portolan_<version>_<arch>.deb, whose contents are listed;
# 3. a clean Debian 12 root (mmdebstrap, only apt and what it needs) installs the package with its dependencies
#    from the archive, and `portolan-cli --version` and `portolan --version` (offscreen) run in it.
# Needs root for the clean root (CI runs as root); elsewhere step 3 says so and is skipped.
set -euo pipefail
build=$(cd "${1:?usage: check-package.sh BUILD_DIR}" && pwd)
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
id=io.github.portolan.Portolan

echo "== desktop-file-validate $id.desktop"
desktop-file-validate "$here/$id.desktop"
echo "ok"
echo "== appstreamcli validate $id.metainfo.xml"
appstreamcli validate --no-net --explain "$here/$id.metainfo.xml"
echo "== flatpak-builder --show-manifest $id.yml (parses; building needs Flathub's KDE runtime)"
flatpak-builder --show-manifest "$here/$id.yml" >/dev/null
echo "ok"

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
DESTDIR="$stage/tree" cmake --install "$build" --prefix /usr >/dev/null
echo "== appstreamcli validate-tree (the installed desktop file, metainfo and icons)"
appstreamcli validate-tree --no-net "$stage/tree"

echo "== cpack"
(cd "$stage" && cpack --config "$build/CPackConfig.cmake" -B "$stage/out" >/dev/null)
deb=$(ls "$stage"/out/*.deb)
mkdir -p "$build/package"
cp "$deb" "$build/package/"
deb="$build/package/$(basename "$deb")"
dpkg-deb --field "$deb" Package Version Architecture Depends Recommends Suggests Installed-Size
echo "-- files:"
dpkg-deb --contents "$deb" | awk '{print $6}' | grep -v '/$'

if [[ $(id -u) -ne 0 ]]; then
    echo "== clean root: skipped (needs root for mmdebstrap and chroot)"
    exit 0
fi
echo "== a clean Debian 12 root with the package installed by apt"
root="$stage/root"
sources=/etc/apt/sources.list.d/debian.sources
[[ -f $sources ]] || sources=/etc/apt/sources.list
# The package goes in with apt inside the new root (a customize hook, before mmdebstrap cleans up), so its
# dependencies come from the archive exactly as on a user's machine; Recommends are left out.
mmdebstrap --quiet --variant=apt \
    --customize-hook="copy-in $deb /tmp" \
    --customize-hook="chroot \"\$1\" apt-get install --yes --no-install-recommends /tmp/$(basename "$deb")" \
    bookworm "$root" "$sources" </dev/null
echo "-- installed: $(chroot "$root" dpkg-query -W -f='${Package} ${Version} ${Status}' portolan)"
echo "-- portolan-cli --version:"
chroot "$root" portolan-cli --version
echo "-- portolan --version (offscreen):"
chroot "$root" env QT_QPA_PLATFORM=offscreen portolan --version
echo "-- portolan-cli validate on a descriptor in the clean root:"
cat >"$root/tmp/catalog-info.yaml" <<'YAML'
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: hello
spec:
  type: service
  lifecycle: production
  owner: team-a
YAML
chroot "$root" portolan-cli validate /tmp/catalog-info.yaml
echo "package ok: $deb"
