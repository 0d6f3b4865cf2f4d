#!/bin/sh
# Checks the Debian package that `cmake --workflow --preset package` made in BUILD_DIR: its declared
# dependencies, its files, and collapselab-cli run from the unpacked package (headless runs, an
# offscreen export that needs the Qt platform plugin, and the bundled images and text found beside it).
#   installers/test-deb-package.sh build/package
set -eu

build_dir=${1:?usage: installers/test-deb-package.sh BUILD_DIR}
package=$(ls "$build_dir"/collapselab_*.deb)
unpacked=$(mktemp -d)
trap 'rm -rf "$unpacked"' EXIT
fail() { echo "test-deb-package: $*" >&2; exit 1; }

depends=$(dpkg-deb --field "$package" Depends)
for needed in qt6-qpa-plugins libqt6widgets6 libqt6charts6 libqt6svg6 libavcodec libqrencode4 libgomp1; do
    case "$depends" in *"$needed"*) ;; *) fail "Depends lacks $needed: $depends" ;; esac
done

dpkg-deb --extract "$package" "$unpacked"
for file in usr/bin/collapselab usr/bin/collapselab-cli \
    usr/share/applications/org.collapselab.CollapseLab.desktop \
    usr/share/metainfo/org.collapselab.CollapseLab.metainfo.xml \
    usr/share/icons/hicolor/scalable/apps/org.collapselab.CollapseLab.svg \
    usr/share/icons/hicolor/48x48/apps/org.collapselab.CollapseLab.png \
    usr/share/collapselab/data/fashion-mnist-subset/train-images-idx3-ubyte.gz \
    usr/share/collapselab/data/austen/austen.txt usr/share/collapselab/data/austen/LICENSE \
    usr/share/collapselab/data/austen/austen-transformer.weights \
    usr/share/collapselab/slurm/collapselab-sweep-submit.sh usr/share/collapselab/slurm/collapselab-sweep.sbatch \
    usr/share/bash-completion/completions/collapselab-cli; do
    [ -e "$unpacked/$file" ] || fail "the package has no $file"
done

cli="$unpacked/usr/bin/collapselab-cli"
version=$(sed -n 's/^ *VERSION \([0-9.]*\)$/\1/p' CMakeLists.txt | head -n 1)
[ "$("$cli" --version)" = "collapselab-cli $version" ] || fail "collapselab-cli --version is not $version"
[ "$(dpkg-deb --field "$package" Version)" = "$version" ] || fail "the package version is not $version"
grep -q "release version=\"$version\"" "$unpacked/usr/share/metainfo/org.collapselab.CollapseLab.metainfo.xml" ||
    fail "the metainfo does not release $version"
"$cli" presets | grep -q gmm-paper || fail "collapselab-cli presets does not list gmm-paper"
bash -n "$unpacked/usr/share/bash-completion/completions/collapselab-cli" || fail "the bash completion is not valid bash"
# The completion is a bash script, so bash sources it and asks what "collapselab-cli sw" completes to.
# shellcheck disable=SC2016
completed=$(bash -c 'source "$1" && COMP_WORDS=(collapselab-cli sw) COMP_CWORD=1 && _collapselab_cli &&
    echo "${COMPREPLY[*]}"' bash "$unpacked/usr/share/bash-completion/completions/collapselab-cli")
[ "$completed" = "sweep sweep-merge" ] || fail "the bash completion offers \"$completed\" for \"collapselab-cli sw\""
out=$(mktemp -d)
trap 'rm -rf "$unpacked" "$out"' EXIT
"$cli" run --preset gmm-paper --generations 3 --replicates 2 --out "$out/run"
[ -s "$out/run/summary.csv" ] || fail "run wrote no summary.csv"
env -u QT_QPA_PLATFORM -u DISPLAY "$cli" export --preset gaussian-theorem --generations 4 --figure "$out/figure.svg"
grep -q "<path" "$out/figure.svg" || fail "export wrote no vector figure"
"$cli" run --preset vae-fashion --generations 1 --replicates 1 --samples 256 --set epochs=1 --set hidden=32 --out "$out/vae"
[ -s "$out/vae/metrics.csv" ] || fail "the VAE did not find its bundled images"
"$cli" run --preset text-jackrabbits --generations 1 --replicates 1 --samples 20 --set decoding=sample --out "$out/text"
[ -s "$out/text/text/generation-0000.txt" ] || fail "the text model did not find its bundled corpus"
echo "test-deb-package: $package is good"
