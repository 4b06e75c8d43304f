#!/bin/sh
# Where the Hatchery master's cost per report goes (bench/README.md §4): the same simulated workers
# against the transport alone (TransportFloorMain: kernel I/O, NIO, ZMTP and decoding, then the
# messages are dropped) and against the whole master, each once with reports and heartbeats and
# once with heartbeats only. One Markdown row per run.
# Usage: bench/master-split.sh [runTimeSeconds] [workers]
set -eu
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
T="${1:-50}"
N="${2:-10000}"
ulimit -n "$(ulimit -Hn)"
[ -f bench/target/benchmarks.jar ] || ./mvnw -B -q -Pbench -pl bench -am package -DskipTests
echo "| master | workers | entries x buckets | reports/s | heartbeats/s | master CPU (one core) | master CPU µs per report (incl. heartbeats) | master RSS | harness CPU | requests sent | master total | equal |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
for master in floor hatchery; do
  for reports in true false; do
    timeout 480 "$JAVA_HOME/bin/java" -Dhatchery.bench.reports="$reports" \
      -cp bench/target/benchmarks.jar io.hatchery.bench.master.MasterBench "$master" "$N" "$T" 10 50 \
      2>/dev/null | grep '^|' || echo "| $master | $N | 10x50 | run failed or cut off after 8 min |"
  done
done
