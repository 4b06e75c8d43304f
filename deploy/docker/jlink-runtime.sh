#!/usr/bin/env bash
# Builds the Java runtime of the Hatchery image: the modules the shaded jar needs (found by jdeps)
# plus the compiler (scenario sources given with -f are compiled in memory), linked with jlink.
# Used by the Dockerfile's build stage and by the deploy tests, so both run the same commands.
#
# usage: jlink-runtime.sh JAR OUTPUT_DIR
set -euo pipefail
jar=${1:?usage: jlink-runtime.sh JAR OUTPUT_DIR}
out=${2:?usage: jlink-runtime.sh JAR OUTPUT_DIR}
java_home=${JAVA_HOME:?JAVA_HOME must point at a JDK >= 21}

# Modules the code reaches only reflectively or through service loading, which jdeps cannot see:
# the in-memory compiler, TLS cipher suites, zip file systems for -f tests.jar, JMX process metrics
# (worker heartbeats report CPU and memory) and Unsafe (msgpack-core).
extra=jdk.compiler,jdk.crypto.ec,jdk.zipfs,jdk.management,jdk.unsupported,jdk.localedata
found=$("$java_home/bin/jdeps" --ignore-missing-deps -q --multi-release 21 \
  --print-module-deps "$jar")
rm -rf "$out"
"$java_home/bin/jlink" \
  --add-modules "$found,$extra" \
  --strip-debug --no-man-pages --no-header-files --compress=zip-6 \
  --output "$out"
echo "jlink-runtime: $out with modules $found,$extra" >&2
