#!/bin/sh
# Master aggregation benchmark (performance.md §4.5): the same simulated workers against a Hatchery
# master and Debian's Locust 2.12.1 master, one Markdown row per run. See bench/README.md.
# Usage: bench/master-bench.sh [runTimeSeconds] [workers...]
set -eu
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
T="${1:-40}"
shift 2>/dev/null || true
WORKERS="${*:-100 1000 10000}"
ulimit -n "$(ulimit -Hn)"
[ -f bench/target/benchmarks.jar ] || ./mvnw -B -q -Pbench -pl bench -am package -DskipTests
echo "| master | workers | entries x buckets | reports/s | heartbeats/s | master CPU (one core) | master CPU µs per report (incl. heartbeats) | master RSS | harness CPU | requests sent | master total | equal |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
for n in $WORKERS; do
  for master in hatchery locust; do
    # A master that cannot start the run (Locust 2.12.1 at 10,000 workers) is cut off after 8 min.
    timeout 480 "$JAVA_HOME/bin/java" -cp bench/target/benchmarks.jar \
      io.hatchery.bench.master.MasterBench "$master" "$n" "$T" 10 50 2>/dev/null | grep '^|' \
      || echo "| $master | $n | 10x50 | run failed or cut off after 8 min |"
  done
done
