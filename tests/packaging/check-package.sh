#!/usr/bin/env bash
# Builds the .deb with CPack into a scratch folder and checks what a user installs:
# the binary, desktop integration files that validate, and dependencies from shlibdeps.
set -euo pipefail
build_dir=$1
source_dir=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

(cd "$build_dir" && cpack -G DEB -B "$scratch" > "$scratch/cpack.log") || { cat "$scratch/cpack.log"; exit 1; }
deb=$(ls "$scratch"/clientele_*.deb)

contents=$(dpkg-deb -c "$deb")
for path in ./usr/bin/clientele \
            ./usr/share/applications/io.clientele.Clientele.desktop \
            ./usr/share/metainfo/io.clientele.Clientele.metainfo.xml \
            ./usr/share/icons/hicolor/scalable/apps/clientele.svg; do
    grep -q " $path\$" <<< "$contents" || { echo "missing in package: $path"; exit 1; }
done

depends=$(dpkg-deb -f "$deb" Depends)
for library in libqt6widgets6 libqt6charts6 libsqlite3-0; do
    grep -q "$library" <<< "$depends" || { echo "Depends lacks $library: $depends"; exit 1; }
done

desktop-file-validate "$source_dir/packaging/io.clientele.Clientele.desktop"
appstreamcli validate --no-net --pedantic "$source_dir/packaging/io.clientele.Clientele.metainfo.xml" > "$scratch/appstream.log" \
    || { cat "$scratch/appstream.log"; exit 1; }
echo "package ok: $(basename "$deb")"
