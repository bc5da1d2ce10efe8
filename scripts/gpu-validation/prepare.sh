#!/usr/bin/env bash
# Builds the kit for validating NVML energy on a GPU machine that has no Java: a jlink'd runtime, the jars that
# `joulebench sensors` and `joulebench measure` need (no DL4J/ND4J: the kit must stay under 64 MiB), and the
# scripts. Output: .device/kit (git-ignored). See docs/validation.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
kit="$root/.device/kit"
cd "$root"
./mvnw -B -q -DskipTests install
rm -rf "$kit" && mkdir -p "$kit/lib"
lib="$root/harness/target/lib"
cp "$root/harness/target/joulebench.jar" "$kit/lib/"
for pattern in 'joulebench-energy-*.jar' 'joulebench-algorithms-*.jar' 'jna-[0-9]*.jar' 'jna-platform-*.jar' 'oshi-core-*.jar' \
               'slf4j-api-*.jar' 'logback-*.jar' 'picocli-*.jar' 'jackson-core-*.jar' 'jackson-databind-*.jar' \
               'jackson-annotations-*.jar'; do
  cp $lib/$pattern "$kit/lib/"
done
# Listed by hand: jdeps also names java.desktop (for JNA's AWT helpers, never called here), which alone adds 20 MiB.
modules=java.base,java.logging,java.management,jdk.management,java.naming,java.xml,java.sql
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 \
  --output "$kit/jre"
cp "$root/scripts/gpu-validation/"{load.py,validate.sh} "$kit/"
du -sh "$kit"
