#!/usr/bin/env bash
# Builds a PurgeDeck installer with the JDK's own jlink and jpackage.
#
#   installer/build.sh TYPE [--no-maven]
#
#   TYPE        app-image (any system), deb | rpm (Linux), msi (Windows, needs WiX 3), dmg (macOS)
#   --no-maven  reuse target/purgedeck.jar and target/lib/ instead of a fresh `mvn -B -q clean package -DskipTests`
#
# Output: target/installer/ (PurgeDeck/ for the Linux app-image, purgedeck_VERSION-1_amd64.deb,
# purgedeck-VERSION-1.x86_64.rpm, PurgeDeck-VERSION.msi, PurgeDeck-VERSION.dmg).
#
# Layout: a runtime trimmed by jlink to the modules below, with the JavaFX modules linked in from the JavaFX platform
# jars and JavaFX's native libraries unpacked into the runtime; the app (purgedeck.jar and its non-JavaFX
# dependencies) on the class path. Environment: JAVA_HOME (a JDK 17+ with jmods/), PURGEDECK_MAINTAINER (deb
# Maintainer e-mail), MAC_APP_VERSION (see below).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT=target/installer
WORK=$OUT/work

# ---- what goes in ----------------------------------------------------------------------------------------------
APP_NAME=PurgeDeck
PACKAGE_NAME=purgedeck
MAIN_CLASS=dev.purgedeck.app.Main
VENDOR="PurgeDeck"
COPYRIGHT="Copyright the PurgeDeck authors. Licensed under the Apache License 2.0."
# The runtime's modules: what `jdeps --print-module-deps` reports for the jar and its dependencies (checked below),
# plus java.logging (ControlsFX, Ikonli; implied by java.sql) and jdk.crypto.ec (TLS to api.fastly.com: elliptic-curve
# key exchange and certificates are a provider that no class refers to, so jdeps cannot see it). The team database
# (issue 18) adds java.management (Flyway), java.naming (the PostgreSQL driver's DataSources) and java.security.jgss
# (the driver's Kerberos/GSS login, which some teams' servers require).
MODULES=javafx.controls,java.desktop,java.logging,java.management,java.naming,java.net.http,java.security.jgss,java.sql,jdk.httpserver,jdk.crypto.ec
# JavaFX modules see ControlsFX (class path) only with this; see docs/development.md §1. Then the quick JIT compiler
# only and the serial collector: at start-up the optimising compiler's threads take the CPU the window needs (on two
# cores the console was ready after 2.1-2.3 s with it, 1.5 s without; see installer/measure-startup.sh), and a
# desktop app with a heap of a few hundred MB has no use for a concurrent collector. What this costs is measured by
# HistoryBenchmark (README "Install"). PURGEDECK_JAVA_OPTIONS, read by the Linux launcher, can undo either. The
# class-data archive is mapped at the address it was made for: JDK 17.0.15 relocates it by default, rewriting each of
# its pages at every start (docs/performance.md §7).
JAVA_OPTIONS="--add-exports=javafx.base/com.sun.javafx.event=ALL-UNNAMED -XX:TieredStopAtLevel=1 -XX:+UseSerialGC
    -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0"
# A 64 MB initial heap, not 1/64 of the machine's memory: the heap then grows with what is live instead of starting
# with a 100 MB young generation that start-up garbage fills and that stays resident. Smaller than 64 MB, the start
# needs full collections (docs/performance.md §9).
JAVA_OPTIONS="$JAVA_OPTIONS -Xms64m"
# PurgeDeck's own methods compiled after a fifth of the usual calls: a purge runs its per-URL code once per URL, so
# the first few hundred URLs were interpreted while the compiler waited for 200 calls (docs/performance.md §14: a
# 1,000-URL purge about 5 % less CPU; the window's start and memory unchanged). "quiet" keeps the JVM from printing the
# command on every start, which would go into a script's output.
JAVA_OPTIONS="$JAVA_OPTIONS -XX:CompileCommand=quiet -XX:CompileCommand=CompileThresholdScaling,dev.purgedeck.*::*,0.2"
# On Linux, the heap and the compiled code on transparent huge pages where the system gives them (its default,
# "madvise", gives them to programs that ask): each first touch of a 4 KB page costs a fault, ~11 us on the virtual
# machines here, and a purge of 1,000 URLs took 11,000 of them, 4,900 fewer with this (0.11 s less CPU, 1.17 -> 1.06 s;
# the window shown 0.28 s sooner; ~5 MB more resident memory in the window; docs/performance.md §13). The option
# exists only in Linux JVMs.
if [ "$(uname -s)" = Linux ]; then
    JAVA_OPTIONS="$JAVA_OPTIONS -XX:+UseTransparentHugePages"
fi
# The Windows upgrade code: fixed forever, so a newer .msi replaces an installed older one.
WIN_UPGRADE_UUID=6f1d8f7a-3c5e-4b8e-9a51-2f0c7d4e8b13

usage() { sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
TYPE=${1:-}; shift || true
MAVEN=1
for arg in "$@"; do
    case $arg in --no-maven) MAVEN=0 ;; *) usage ;; esac
done

case "$(uname -s)" in
    Linux) OS=linux ;;
    Darwin) OS=mac ;;
    MINGW*|MSYS*|CYGWIN*) OS=windows ;;
    *) echo "build.sh: unsupported system $(uname -s)" >&2; exit 1 ;;
esac
case "$OS:$TYPE" in
    *:app-image|linux:deb|linux:rpm|windows:msi|mac:dmg) ;;
    *:deb|*:rpm|*:msi|*:dmg)
        echo "build.sh: jpackage cannot cross-build: a .deb or .rpm is built on Linux, a .msi on Windows," \
             "a .dmg on macOS" >&2
        exit 1 ;;
    *) usage ;;
esac

log() { echo "build.sh: $*" >&2; }

need_package() { # need_package DEBIAN-PACKAGE: apt-get install it (Linux with apt)
    if [ "$OS" = linux ] && command -v apt-get >/dev/null 2>&1; then
        local sudo=; [ "$(id -u)" -eq 0 ] || sudo=sudo
        log "installing $1"
        $sudo apt-get install -y -q "$1" >/dev/null 2>&1 \
            || { $sudo apt-get update -q >/dev/null 2>&1 && $sudo apt-get install -y -q "$1" >/dev/null; }
    fi
}
need() { # need COMMAND DEBIAN-PACKAGE: apt-get install the package when the command is missing (Linux)
    command -v "$1" >/dev/null 2>&1 && return 0
    need_package "$2"
    command -v "$1" >/dev/null 2>&1 || { log "$1 is missing (package $2)"; exit 1; }
}

# Windows tools want Windows paths and ';' between them; Git Bash's cygpath makes them.
if [ "$OS" = windows ]; then SEP=';'; winpath() { cygpath -w "$1"; }; else SEP=':'; winpath() { printf '%s' "$1"; }; fi

# ---- the JDK ---------------------------------------------------------------------------------------------------
if [ -z "${JAVA_HOME:-}" ]; then
    if [ "$OS" = mac ] && [ -x /usr/libexec/java_home ]; then JAVA_HOME=$(/usr/libexec/java_home -v 17+)
    elif command -v javac >/dev/null 2>&1; then JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    else log "set JAVA_HOME to a JDK 17 or newer"; exit 1; fi
fi
[ "$OS" != windows ] || JAVA_HOME=$(cygpath -u "$JAVA_HOME")
JAVA_HOME=${JAVA_HOME%/}
for tool in java jar jdeps jlink jpackage; do
    [ -x "$JAVA_HOME/bin/$tool" ] || [ -x "$JAVA_HOME/bin/$tool.exe" ] || { log "$JAVA_HOME has no $tool: a full JDK 17+ is needed"; exit 1; }
done
[ -d "$JAVA_HOME/jmods" ] || { log "$JAVA_HOME/jmods is missing (on Debian/Ubuntu: apt-get install openjdk-17-jmods or openjdk-17-jdk)"; exit 1; }
JAVA_FEATURE=$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
[ "${JAVA_FEATURE%%.*}" -ge 17 ] || { log "JDK $JAVA_FEATURE at $JAVA_HOME is too old: 17 or newer is needed"; exit 1; }

# ---- name, version, description: from pom.xml (the <parent> block, if one appears, is skipped) --------------------
pom_value() { sed '/<parent>/,/<\/parent>/d' pom.xml | sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" | head -1; }
VERSION=$(pom_value version)
DESCRIPTION=$(pom_value description)
[ -n "$VERSION" ] || { log "no <version> in pom.xml"; exit 1; }
APP_VERSION=${VERSION%%-*}          # 1.2.3-SNAPSHOT -> 1.2.3: jpackage takes only numbers and dots
PKG_VERSION=$APP_VERSION
if [ "$OS" = mac ]; then
    # jpackage on macOS refuses a version whose first number is 0 (CFBundleVersion); while PurgeDeck is 0.x the
    # bundle says 1.MINOR.PATCH unless MAC_APP_VERSION says otherwise. The .dmg's file name keeps the real version.
    PKG_VERSION=${MAC_APP_VERSION:-$APP_VERSION}
    case $PKG_VERSION in 0.*) PKG_VERSION=1.${PKG_VERSION#0.} ;; esac
fi

# ---- the application, built by Maven ---------------------------------------------------------------------------
if [ "$MAVEN" = 1 ]; then
    log "mvn -B -q clean package -DskipTests"
    mvn -B -q -Dstyle.color=never clean package -DskipTests
fi
[ -f target/purgedeck.jar ] || { log "target/purgedeck.jar is missing: run without --no-maven"; exit 1; }

rm -rf "$WORK"
case $TYPE in   # jpackage will not overwrite: clear what an earlier run of this type left
    app-image) rm -rf "${OUT:?}/$APP_NAME" "${OUT:?}/$APP_NAME.app" ;;
    *) rm -f "$OUT"/*."$TYPE" ;;
esac
mkdir -p "$WORK/input/lib" "$WORK/fx" "$WORK/manifest"

# The jar's manifest Class-Path names exactly the current runtime dependencies, so stale jars that
# copy-dependencies left in target/lib/ stay out. JavaFX jars go to jlink (platform jars) or nowhere (the empty
# non-classifier ones); everything else goes on the launcher's class path.
(cd "$WORK/manifest" && "$JAVA_HOME/bin/jar" xf "$ROOT/target/purgedeck.jar" META-INF/MANIFEST.MF)
CLASS_PATH=$(tr -d '\r' < "$WORK/manifest/META-INF/MANIFEST.MF" \
    | awk '/^Class-Path:/ {cp = substr($0, 13); on = 1; next} on && /^ / {cp = cp substr($0, 2); next} {on = 0} END {print cp}')
[ -n "$CLASS_PATH" ] || { log "target/purgedeck.jar has no Class-Path in its manifest"; exit 1; }
cp target/purgedeck.jar "$WORK/input/"
FX_JARS=()
for entry in $CLASS_PATH; do
    jar=target/$entry; name=$(basename "$entry")
    [ -f "$jar" ] || { log "$jar (in the manifest's Class-Path) is missing: rebuild without --no-maven"; exit 1; }
    case $name in
        javafx-*-[0-9]*-*.jar) FX_JARS+=("$jar") ;;   # platform jar, e.g. javafx-graphics-21.0.11-linux.jar
        javafx-*.jar) ;;                               # empty placeholder jar
        *) cp "$jar" "$WORK/input/lib/" ;;
    esac
done
[ ${#FX_JARS[@]} -gt 0 ] || { log "no JavaFX platform jars (javafx-*-VERSION-PLATFORM.jar) in target/lib"; exit 1; }
cp LICENSE "$WORK/input/LICENSE"

# ---- is the module list still complete? --------------------------------------------------------------------------
FX_PATH=$(for j in "${FX_JARS[@]}"; do printf '%s%s' "$(winpath "$j")" "$SEP"; done)
APP_JARS=("$WORK/input/purgedeck.jar" "$WORK/input/lib/"*.jar)
APP_PATH=$(for j in "${APP_JARS[@]}"; do printf '%s%s' "$(winpath "$j")" "$SEP"; done)
NATIVE_APP_JARS=(); for j in "${APP_JARS[@]}"; do NATIVE_APP_JARS+=("$(winpath "$j")"); done
DEPS=$("$JAVA_HOME/bin/jdeps" --multi-release "$JAVA_FEATURE" --print-module-deps --ignore-missing-deps \
    --module-path "${FX_PATH%"$SEP"}" --class-path "${APP_PATH%"$SEP"}" "${NATIVE_APP_JARS[@]}" 2>/dev/null | tail -1 | tr -d '\r')
for module in ${DEPS//,/ }; do
    case ",$MODULES,java.base," in *",$module,"*) ;; *)
        log "jdeps says the app needs $module, which is not in MODULES ($MODULES): add it"; exit 1 ;;
    esac
done
log "jdeps: $DEPS; linking $MODULES"

# ---- the runtime ---------------------------------------------------------------------------------------------------
# On Windows and macOS, --generate-cds-archive archives the JDK's own classes (class data sharing) for a quicker
# start; it runs the image's bin/java, so the commands are stripped only afterwards, and the archive for heaps over
# 32 GB (classes_nocoops.jsa) goes. On Linux the app gets an archive of its own, JDK classes included (below), so
# the JDK's would be 12 MB never read; bin/java stays there, for the launcher and cds-archive.sh.
CDS=(); [ "$OS" = linux ] || CDS=(--generate-cds-archive)
"$JAVA_HOME/bin/jlink" \
    --module-path "$(winpath "$JAVA_HOME/jmods")$SEP${FX_PATH%"$SEP"}" \
    --add-modules "$MODULES" \
    --strip-debug --no-header-files --no-man-pages "${CDS[@]}" \
    --output "$WORK/runtime"
if [ "$OS" = linux ]; then find "$WORK/runtime/bin" -type f ! -name java -delete
else find "$WORK/runtime/bin" -type f ! -name '*.dll' -delete; fi
find "$WORK/runtime/lib" -name 'classes_nocoops.jsa' -delete
# JavaFX's natives: unpacked beside the JDK's own (lib/, Windows bin/) they load like any JDK library, instead of
# being extracted to ~/.openjfx/cache on first start; and jpackage sees them when it works out the .deb's dependencies.
case $OS in windows) NATIVE_DIR=bin; NATIVE_EXT=dll ;; mac) NATIVE_DIR=lib; NATIVE_EXT=dylib ;; *) NATIVE_DIR=lib; NATIVE_EXT=so ;; esac
for jar in "${FX_JARS[@]}"; do
    rm -rf "$WORK/fx"; mkdir -p "$WORK/fx"
    (cd "$WORK/fx" && "$JAVA_HOME/bin/jar" xf "$ROOT/$jar")
    find "$WORK/fx" -maxdepth 1 -name "*.$NATIVE_EXT" -exec cp {} "$WORK/runtime/$NATIVE_DIR/" \;
done
rm -rf "$WORK/fx"

# ---- the class list (Linux) ----------------------------------------------------------------------------------------
# A training run lists the classes a start loads: the window opening and visiting each tab, the sandbox, and
# command-line purges of URLs and keys against it (from files and as single arguments), and a search of the history
# they wrote.
# installer/linux/cds-archive.sh turns the list into a class-data-sharing archive where the app is installed (JDK 17
# ties the archive to its class path), which halves the time to the window. The window needs a display: the one set,
# else Xvfb.
train() {
    local java=$WORK/runtime/bin/java home=$WORK/train-home cp=${APP_PATH%"$SEP"} display=()
    local -a options; set -f; options=($JAVA_OPTIONS); set +f # every line of them, as words, never as file names
    mkdir -p "$home"
    if [ -z "${DISPLAY:-}" ]; then
        command -v xvfb-run >/dev/null 2>&1 || need_package xvfb
        command -v xvfb-run >/dev/null 2>&1 || { log "no DISPLAY and no xvfb-run (package xvfb)"; return 1; }
        # ldconfig is in /sbin, off a normal user's PATH on Debian.
        { ldconfig -p 2>/dev/null || /sbin/ldconfig -p 2>/dev/null || true; } | grep -q 'libgtk-3\.so\.0 ' \
            || need_package libgtk-3-0
        display=(xvfb-run -a -s "-screen 0 1280x800x24")
    fi
    # HOME and PURGEDECK_HOME of its own: the run never sees the builder's Fastly CLI profiles or PurgeDeck data.
    # -Dprism.order=es2,sw: JavaFX's OpenGL classes go into the list even where the build machine has no GPU (where
    # Main would pick the software renderer alone), for the users who have one.
    env -u FASTLY_API_TOKEN -u FASTLY_API_ENDPOINT -u FASTLY_SERVICE_ID HOME="$home" PURGEDECK_HOME="$home" timeout 120 \
        "${display[@]}" "$java" -XX:DumpLoadedClassList="$WORK/gui.classlist" "${options[@]}" \
        -Dprism.order=es2,sw -Dpurgedeck.training=true -cp "$cp" "$MAIN_CLASS" >"$WORK/train-gui.log" 2>&1 || return 1
    "$java" -XX:DumpLoadedClassList="$WORK/sandbox.classlist" "${options[@]}" -cp "$cp" "$MAIN_CLASS" sandbox --port 0 \
        >"$WORK/train-sandbox.log" 2>&1 &
    local sandbox=$! ok=0
    . installer/sandbox-started.sh
    if sandbox_started $sandbox "$WORK/train-sandbox.log"; then
        for i in $(seq 1 200); do echo "https://www.example.com/training/$i"; done >"$WORK/train-urls.txt"
        for i in $(seq 1 300); do echo "training-key-$i"; done >"$WORK/train-keys.txt"
        # Files and single targets given on the command line: each way in has lambdas of its own.
        for kind in --urls-file --keys-file --url --key; do
            case $kind in
                --urls-file) target=$WORK/train-urls.txt ;;
                --keys-file) target=$WORK/train-keys.txt ;;
                --url) target=https://www.example.com/training/one ;;
                --key) target=training-key-one ;;
            esac
            FASTLY_API_ENDPOINT=$SANDBOX_URL FASTLY_API_TOKEN=$SANDBOX_TOKEN HOME="$home" PURGEDECK_HOME="$home" timeout 120 \
                "$java" -XX:DumpLoadedClassList="$WORK/cli$kind.classlist" "${options[@]}" -cp "$cp" "$MAIN_CLASS" \
                purge --service "$SANDBOX_SERVICE" $kind "$target" >>"$WORK/train-cli.log" 2>&1 || ok=1
        done
        # A search of the history those purges wrote (the streaming search, docs/performance.md §3).
        HOME="$home" PURGEDECK_HOME="$home" timeout 120 "$java" -XX:DumpLoadedClassList="$WORK/cli-history.classlist" \
            "${options[@]}" -cp "$cp" "$MAIN_CLASS" history --search training-key-1 --limit 5 \
            >>"$WORK/train-cli.log" 2>&1 || ok=1
    else
        ok=1
    fi
    kill $sandbox 2>/dev/null; wait $sandbox 2>/dev/null || true
    [ $ok = 0 ] || return 1
    # One list, in the order first loaded, each line as many times as one run listed it: the archive keeps a lambda
    # class per line, and a run hands each out once. Two places that make the same lambda (as the JDK's own stream
    # code does) or threads that reach one place together (the first requests of a job) each need one; with a
    # line once, the others were made at run time with the JDK's bytecode library (docs/performance.md §13).
    awk 'FNR == 1 { delete count }
         { if (!($0 in most)) { order[++n] = $0; most[$0] = 0 } if (++count[$0] > most[$0]) most[$0] = count[$0] }
         END { for (i = 1; i <= n; i++) for (k = 0; k < most[order[i]]; k++) print order[i] }' \
        "$WORK/gui.classlist" "$WORK/sandbox.classlist" "$WORK/cli--urls-file.classlist" \
        "$WORK/cli--keys-file.classlist" "$WORK/cli--url.classlist" "$WORK/cli--key.classlist" \
        "$WORK/cli-history.classlist" >"$WORK/input/purgedeck.classlist"
}
if [ "$OS" = linux ]; then
    log "training run for the class-data-sharing archive"
    if train; then
        cp installer/linux/cds-archive.sh "$WORK/input/cds-archive.sh"
        chmod 755 "$WORK/input/cds-archive.sh"
        JAVA_OPTIONS="$JAVA_OPTIONS -XX:SharedArchiveFile=\$APPDIR/purgedeck.jsa"
    else
        log "the training run failed, so this build starts without a class-data-sharing archive (slower):"
        tail -20 "$WORK"/train-*.log >&2 || true
    fi
fi

# ---- the package ---------------------------------------------------------------------------------------------------
# Name, version and the rest that every jpackage call below carries.
COMMON=(--name "$APP_NAME" --app-version "$PKG_VERSION" --vendor "$VENDOR"
        --description "$DESCRIPTION" --copyright "$COPYRIGHT")
IMAGE=(--runtime-image "$WORK/runtime" --input "$WORK/input" --main-jar purgedeck.jar --main-class "$MAIN_CLASS")
set -f # the options are split into words, never expanded as file names: one holds '*'
for option in $JAVA_OPTIONS; do IMAGE+=(--java-options "$option"); done
set +f
[ -z "${JPACKAGE_VERBOSE:-}" ] || COMMON+=(--verbose)

# Linux: jpackage's native launcher (JDK 17) runs `rpm -qf` and `dpkg -S` on itself, twice, before it starts Java,
# to learn whether a package installed it: 0.2 s of every start here, more where the dpkg database is large. The
# app-image's bin/PurgeDeck is replaced by a shell script that starts the same runtime with the same options and
# class path (read from the PurgeDeck.cfg that jpackage wrote, which stays), and the .deb and .rpm are packed from
# that app-image.
linux_launcher() { # linux_launcher IMAGE-DIR
    local image=$1 cfg=$1/lib/app/$APP_NAME.cfg launcher=$1/bin/$APP_NAME main cp options=() line
    main=$(sed -n 's/^app\.mainclass=//p' "$cfg")
    cp=$(sed -n 's/^app\.classpath=//p' "$cfg" | paste -sd: -)
    while IFS= read -r line; do options+=("$line"); done < <(sed -n 's/^java-options=//p' "$cfg")
    [ -n "$main" ] && [ -n "$cp" ] || { log "$cfg has no main class or class path"; exit 1; }
    {
        echo '#!/bin/sh'
        echo "# $APP_NAME's launcher, written by installer/build.sh in place of jpackage's native one, which asks rpm and"
        echo "# dpkg which package it belongs to on every start (see installer/linux/README.md). It starts the runtime in"
        echo "# lib/runtime with the options and class path of lib/app/$APP_NAME.cfg, then those in PURGEDECK_JAVA_OPTIONS."
        echo 'set -f  # PURGEDECK_JAVA_OPTIONS is split into words below, never expanded as file names'
        echo 'self=$(readlink -f "$0" 2>/dev/null) || self=$0'
        echo 'ROOTDIR=${self%/bin/*}'
        echo 'APPDIR=$ROOTDIR/lib/app'
        echo '# No GPU device: GTK would load Mesa and its LLVM (~50 MB resident) for an OpenGL that JavaFX'
        echo '# rejects as software-only; Main picks its software renderer up front (docs/performance.md §9).'
        echo '# A -Dprism.order in PURGEDECK_JAVA_OPTIONS leaves both to the user.'
        echo 'if [ ! -e /dev/dri ] && [ ! -e /dev/nvidiactl ]; then'
        echo '    case " $PURGEDECK_JAVA_OPTIONS" in *" -Dprism.order="*) ;;'
        echo '        *) export GDK_GL="${GDK_GL-disable}" ;; esac'
        echo 'fi'
        echo '# Two malloc arenas, not one per thread (up to 8 per core): ~8 MB less resident.'
        echo 'export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"'
        printf 'exec "$ROOTDIR/lib/runtime/bin/java"'
        for line in "${options[@]}"; do printf ' \\\n    "%s"' "$line"; done
        printf ' \\\n    "-Djpackage.app-path=$self"'
        printf ' \\\n    $PURGEDECK_JAVA_OPTIONS'
        printf ' \\\n    -cp "%s"' "$cp"
        printf ' \\\n    %s "$@"\n' "$main"
    } >"$launcher.new"
    chmod 755 "$launcher.new"
    mv -f "$launcher.new" "$launcher"
}

case $OS in
    linux)
        log "jpackage --type app-image ($APP_NAME $APP_VERSION)"
        "$JAVA_HOME/bin/jpackage" --type app-image --dest "$WORK/image" "${COMMON[@]}" "${IMAGE[@]}" \
            --icon icons/purgedeck-256.png
        linux_launcher "$WORK/image/$APP_NAME"
        if [ "$TYPE" = app-image ]; then
            mv "$WORK/image/$APP_NAME" "$OUT/$APP_NAME"
            if [ -f "$OUT/$APP_NAME/lib/app/cds-archive.sh" ]; then
                log "making the class-data-sharing archive of the app-image"
                sh "$OUT/$APP_NAME/lib/app/cds-archive.sh" create
            fi
        else
            ARGS=(--type "$TYPE" --dest "$OUT" "${COMMON[@]}" --app-image "$WORK/image/$APP_NAME"
                  --license-file LICENSE --icon icons/purgedeck-256.png
                  --linux-package-name "$PACKAGE_NAME" --linux-shortcut --linux-menu-group Network
                  --resource-dir installer/linux)
            if [ "$TYPE" = deb ]; then
                need fakeroot fakeroot; need dpkg-deb dpkg; need dpkg-architecture dpkg-dev
                ARGS+=(--linux-app-category net)
                [ -z "${PURGEDECK_MAINTAINER:-}" ] || ARGS+=(--linux-deb-maintainer "$PURGEDECK_MAINTAINER")
            fi
            if [ "$TYPE" = rpm ]; then
                need rpmbuild rpm
                ARGS+=(--linux-app-category "Applications/Internet" --linux-rpm-license-type Apache-2.0)
                # jpackage asks the rpm database which packages provide the runtime's libraries; on a Debian build
                # host that database is empty and the .rpm would require nothing but xdg-utils. Require the
                # libraries by soname instead, as rpmbuild's own dependency generator would: that holds on any rpm
                # distribution.
                need objdump binutils
                RPM_DEPS=$(find "$WORK/runtime" -name '*.so' -exec objdump -p {} \; | awk '$1 == "NEEDED" {print $2}' \
                    | sort -u | while read -r so; do
                        [ -n "$(find "$WORK/runtime" -name "$so" | head -1)" ] || printf '%s()(64bit), ' "$so"
                    done)
                [ -z "$RPM_DEPS" ] || ARGS+=(--linux-package-deps "${RPM_DEPS%, }")
            fi
            log "jpackage --type $TYPE ($APP_NAME $APP_VERSION)"
            "$JAVA_HOME/bin/jpackage" "${ARGS[@]}"
        fi
        ;;
    windows)
        ARGS=(--type "$TYPE" --dest "$OUT" "${COMMON[@]}" "${IMAGE[@]}" --icon icons/purgedeck.ico)
        [ "$TYPE" = app-image ] || ARGS+=(--license-file LICENSE)
        # A second launcher with a console, for `PurgeDeckCLI --version` and `PurgeDeckCLI sandbox`.
        ARGS+=(--add-launcher "PurgeDeckCLI=installer/windows/console-launcher.properties")
        if [ "$TYPE" = msi ]; then
            ARGS+=(--win-menu --win-menu-group "$APP_NAME" --win-shortcut --win-shortcut-prompt --win-dir-chooser
                   --win-upgrade-uuid "$WIN_UPGRADE_UUID")
        fi
        log "jpackage --type $TYPE ($APP_NAME $APP_VERSION)"
        "$JAVA_HOME/bin/jpackage" "${ARGS[@]}"
        ;;
    mac)
        ARGS=(--type "$TYPE" --dest "$OUT" "${COMMON[@]}" "${IMAGE[@]}" --icon icons/purgedeck.icns
              --mac-package-name "$APP_NAME" --mac-package-identifier dev.purgedeck.app --mac-app-category utilities)
        [ "$TYPE" = app-image ] || ARGS+=(--license-file LICENSE)
        log "jpackage --type $TYPE ($APP_NAME $APP_VERSION)"
        "$JAVA_HOME/bin/jpackage" "${ARGS[@]}"
        if [ "$TYPE" = dmg ] && [ "$PKG_VERSION" != "$APP_VERSION" ]; then
            mv "$OUT/$APP_NAME-$PKG_VERSION.dmg" "$OUT/$APP_NAME-$APP_VERSION.dmg"
        fi
        ;;
esac
rm -rf "$WORK"

case $TYPE in
    app-image) RESULT=$OUT/$APP_NAME; [ "$OS" != mac ] || RESULT=$OUT/$APP_NAME.app ;;
    deb) RESULT=$(ls -t "$OUT/${PACKAGE_NAME}_$APP_VERSION"*.deb | head -1) ;;
    rpm) RESULT=$(ls -t "$OUT/$PACKAGE_NAME-$APP_VERSION"*.rpm | head -1) ;;
    msi) RESULT=$(ls -t "$OUT/$APP_NAME-$APP_VERSION"*.msi | head -1) ;;
    dmg) RESULT=$(ls -t "$OUT/$APP_NAME-$APP_VERSION"*.dmg | head -1) ;;
esac
log "built $RESULT ($(du -sh "$RESULT" | cut -f1))"
echo "$RESULT"
