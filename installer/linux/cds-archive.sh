#!/bin/sh
# Makes (or removes) the class-data-sharing archive that lets the installed PurgeDeck start in about half the time.
#
#   cds-archive.sh create|remove
#
# Shipped as lib/app/cds-archive.sh of the Linux app-image and packages. installer/build.sh runs `create` on the
# app-image it builds; the .deb's postinst and the .rpm's %post run it where the package was installed, and their
# pre-removal scripts run `remove`.
#
# Why at install time: the archive holds the classes a start loads (listed in lib/app/purgedeck.classlist by a
# training run during the build), already parsed and verified, so the JVM maps them instead of loading ~7,000
# classes one by one. JDK 17 accepts such an archive only for the exact class path it was made with, so it is made
# where the app lives. Without it (say the disk was full) PurgeDeck starts as usual, only slower: the launcher's
# -XX:SharedArchiveFile quietly finds nothing.
set -eu

APP=$(cd "$(dirname "$0")" && pwd -P)
ROOT=$(dirname "$(dirname "$APP")")
JAVA=$ROOT/lib/runtime/bin/java
CFG=$APP/PurgeDeck.cfg
LIST=$APP/purgedeck.classlist
ARCHIVE=$APP/purgedeck.jsa

case ${1:-} in
    remove) rm -f "$ARCHIVE" "$ARCHIVE.tmp"; exit 0 ;;
    create) ;;
    *) echo "usage: cds-archive.sh create|remove" >&2; exit 2 ;;
esac
[ -f "$LIST" ] || { echo "cds-archive: no class list ($LIST); PurgeDeck starts without an archive" >&2; exit 0; }
[ -x "$JAVA" ] && [ -f "$CFG" ] || { echo "cds-archive: $ROOT is not a PurgeDeck installation" >&2; exit 1; }

# The class path exactly as the launcher passes it ($APPDIR is lib/app), and the launcher's module options (the
# others, the collector and the compiler among them, do not concern the archive).
# (Shell expansion rather than sed: the folder's name may hold any character.)
CLASS_PATH=
while IFS= read -r line; do
    case $line in
        app.classpath=*) entry=${line#app.classpath=}; entry=$APP${entry#\$APPDIR}
                         CLASS_PATH=${CLASS_PATH:+$CLASS_PATH:}$entry ;;
    esac
done <"$CFG"
[ -n "$CLASS_PATH" ] || { echo "cds-archive: no class path in $CFG" >&2; exit 1; }
set --
for option in $(sed -n 's/^java-options=//p' "$CFG" | grep -e '^--add-'); do
    set -- "$@" "$option"
done

rm -f "$ARCHIVE.tmp"
if "$JAVA" -Xshare:dump -XX:SharedClassListFile="$LIST" -XX:SharedArchiveFile="$ARCHIVE.tmp" "$@" \
        -cp "$CLASS_PATH" >/dev/null 2>&1; then
    chmod 644 "$ARCHIVE.tmp"
    mv -f "$ARCHIVE.tmp" "$ARCHIVE"
else
    rm -f "$ARCHIVE.tmp"
    echo "cds-archive: the archive could not be made; PurgeDeck starts without it" >&2
fi
