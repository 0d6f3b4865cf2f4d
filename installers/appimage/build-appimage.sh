#!/bin/sh
# Builds Collapse Lab as an AppImage with linuxdeploy and its Qt plugin, which copy the Qt libraries,
# the platform plugins and the other shared libraries into the image. Run from the source folder on
# the oldest Linux the image should support:
#   installers/appimage/build-appimage.sh
# It needs linuxdeploy-x86_64.AppImage and linuxdeploy-plugin-qt-x86_64.AppImage on PATH
# (https://github.com/linuxdeploy) and qmake6 for the plugin to find Qt.
set -eu

build=build/appimage
appdir=$build/AppDir

cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
    -DCOLLAPSELAB_NATIVE_CPU=OFF -DCOLLAPSELAB_BUILD_TESTS=OFF -DCOLLAPSELAB_BUILD_BENCHMARKS=OFF
cmake --build "$build"
rm -rf "$appdir"
DESTDIR="$PWD/$appdir" cmake --install "$build"

export QMAKE="${QMAKE:-qmake6}"
export EXTRA_PLATFORM_PLUGINS="libqoffscreen.so;libqwayland-generic.so"
linuxdeploy-x86_64.AppImage --appdir "$appdir" --plugin qt \
    --desktop-file "$appdir/usr/share/applications/org.collapselab.CollapseLab.desktop" \
    --icon-file "$appdir/usr/share/icons/hicolor/256x256/apps/org.collapselab.CollapseLab.png" \
    --executable "$appdir/usr/bin/collapselab-cli" \
    --output appimage
