#!/bin/bash
# Worker benchmarks S1-S3 of issue #3 (method: shared/reference/performance.md §4.1-4.2), one run:
# wrk, Locust 2.12.1 FastHttpUser and the Hatchery worker (bench WorkerBench main) against one
# nginx on loopback. Every generator runs for a bounded time and is killed by PID if it overstays;
# nginx is ours (own config, high port) and is stopped by PID on exit.
#
# Usage (from the repository root, after `./mvnw -B -q -Pbench -pl bench -am package -DskipTests`):
#   bench/scripts/worker-bench.sh                 # full run: S1 x REPS, S2 x REPS, S3 once
#   REPS=1 SHORT=1 bench/scripts/worker-bench.sh  # a quick smoke run (short windows)
#   ONLY="s1" bench/scripts/worker-bench.sh       # any of s1 s2 s3
#   ALT_OPTS="-Xms1g -Xmx1g -XX:+UseParallelGC" ...  # adds hatchery-alt rows (S1, S2 at S2_USERS)
# Needs: nginx, wrk (apt-get install -y nginx wrk), /usr/bin/locust (python3-locust 2.12.1),
# JAVA_HOME (Temurin 25). Results: $OUT/results.tsv (one row per run) and a median summary.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SCRIPTS=$ROOT/bench/scripts
JAR=${JAR:-$ROOT/bench/target/benchmarks.jar}
JAVA=${JAVA:-${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java}
# S1/S2: a fixed 1 GB heap (10,000 connected users hold ~400 MB live, see bench/README.md);
# S3: the fixed 512 MB heap of performance.md §4.2, so that heap growth does not hide per-user cost.
JVM_OPTS=${JVM_OPTS:--Xms1g -Xmx1g}
S3_JVM_OPTS=${S3_JVM_OPTS:--Xms512m -Xmx512m}
LOCUST=${LOCUST:-/usr/bin/locust}
REPS=${REPS:-3}
SHORT=${SHORT:-0}
ONLY=${ONLY:-s1 s2 s3}
S2_USERS=${S2_USERS:-10000}
S3_STEPS=${S3_STEPS:-1000,25000,50000,100000}
S3_CONNECTED_STEPS=${S3_CONNECTED_STEPS:-1000,10000}
OUT=${OUT:-$(mktemp -d /tmp/worker-bench.XXXXXX)}
B=$OUT/nginx
TCK=$(getconf CLK_TCK)

# Warm-up and window seconds per tool (performance.md §4.1: JVM >= 5-10 s, Locust 4 s, wrk 2 s).
if [ "$SHORT" = 1 ]; then
  W_WRK=1; W_LOC=2; W_JVM=3; W_PACED=4; MEAS=3
else
  W_WRK=2; W_LOC=4; W_JVM=10; W_PACED=12; MEAS=10
fi

ulimit -n "$(ulimit -Hn)"
mkdir -p "$B/www" "$B/logs" "$B/tmp"
head -c 612 /dev/zero | tr '\0' a > "$B/www/index.html"
chmod 755 "$OUT"  # nginx's worker runs as www-data
# A free port below the ephemeral range (32768-60999), so no client socket can take it.
PORT=$(/usr/bin/python3 -c '
import random, socket
for _ in range(100):
    p = random.randint(20000, 32000); s = socket.socket()
    try: s.bind(("127.0.0.1", p)); print(p); break
    except OSError: pass
    finally: s.close()')
URL=http://127.0.0.1:$PORT
cat > "$B/nginx.conf" <<EOF
worker_processes 1;
worker_rlimit_nofile 19000;
pid $B/nginx.pid;
error_log $B/logs/error.log warn;
events { worker_connections 16384; }
http {
  access_log off;
  sendfile on; tcp_nopush on;
  keepalive_requests 1000000; keepalive_timeout 65;
  client_body_temp_path $B/tmp/body; proxy_temp_path $B/tmp/proxy;
  fastcgi_temp_path $B/tmp/fcgi; uwsgi_temp_path $B/tmp/uwsgi; scgi_temp_path $B/tmp/scgi;
  server {
    listen 127.0.0.1:$PORT backlog=16384;
    root $B/www;
    location / { }
    location = /nginx_status { stub_status; }
  }
}
EOF

NGINX_PID=
GEN_PID=
cleanup() {
  if [ -n "$GEN_PID" ] && kill -0 "$GEN_PID" 2>/dev/null; then kill -KILL "$GEN_PID" || true; fi
  if [ -n "$NGINX_PID" ]; then kill "$NGINX_PID" 2>/dev/null || true; fi
}
trap cleanup EXIT
nginx -c "$B/nginx.conf" -p "$B" -e "$B/logs/error.log"
for _ in $(seq 50); do [ -s "$B/nginx.pid" ] && break; sleep 0.1; done
NGINX_PID=$(cat "$B/nginx.pid")
NGW=$(pgrep -P "$NGINX_PID" | head -1)
curl -sSf -o /dev/null "$URL/index.html"

reqs()    { curl -s "$URL/nginx_status" | awk 'NR==3{print $3}'; }
ticks()   { awk '{sub(/^.*\) /, ""); print $12+$13}' "/proc/$1/stat"; }
sysbusy() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9, $2+$3+$4+$5+$6+$7+$8+$9}' /proc/stat; }
status()  { awk -v k="$2:" '$1==k{print $2}' "/proc/$1/status"; }

printf 'tool\tscenario\trep\tusers\trps\tgen_cores\tgen_us_per_req\tnginx_cores\tnginx_us_per_req\tother_load\trss_kib\tthreads\tload1\n' \
  > "$OUT/results.tsv"

# measure TOOL SCENARIO REP USERS WARM -- cmd...: runs cmd, samples over [WARM, WARM+MEAS] s.
measure() {
  local tool=$1 scen=$2 rep=$3 users=$4 warm=$5; shift 6
  local dir=$OUT/runs/$tool-$scen-$users-r$rep; mkdir -p "$dir"
  local limit=$((warm + MEAS + 30))
  "$@" > "$dir/stdout.txt" 2> "$dir/stderr.txt" &
  GEN_PID=$!
  ( sleep "$limit"; kill -KILL "$GEN_PID" 2>/dev/null ) &
  local watchdog=$!
  sleep "$warm"
  local r0 c0 n0 s0 t0 r1 c1 n1 s1 t1 rss thr
  r0=$(reqs); c0=$(ticks "$GEN_PID"); n0=$(ticks "$NGW"); s0=$(sysbusy); t0=$(date +%s.%N)
  sleep "$MEAS"
  r1=$(reqs); c1=$(ticks "$GEN_PID"); n1=$(ticks "$NGW"); s1=$(sysbusy); t1=$(date +%s.%N)
  rss=$(status "$GEN_PID" VmRSS); thr=$(status "$GEN_PID" Threads)
  wait "$GEN_PID" || echo "  ($tool exited with $?)" >&2
  GEN_PID=
  kill "$watchdog" 2>/dev/null || true
  wait "$watchdog" 2>/dev/null || true
  awk -v tool="$tool" -v scen="$scen" -v rep="$rep" -v users="$users" \
      -v r0="$r0" -v r1="$r1" -v c0="$c0" -v c1="$c1" -v n0="$n0" -v n1="$n1" \
      -v s0="$s0" -v s1="$s1" -v t0="$t0" -v t1="$t1" -v tck="$TCK" -v rss="$rss" -v thr="$thr" \
      -v load1="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN {
        split(s0, a, " "); split(s1, b, " ");
        dt = t1 - t0; n = r1 - r0 - 1;
        gen = (c1 - c0) / tck / dt; ngx = (n1 - n0) / tck / dt;
        busy = (b[1] - a[1]) / tck / dt;
        printf "%s\t%s\t%d\t%d\t%.0f\t%.3f\t%.2f\t%.3f\t%.2f\t%.2f\t%d\t%d\t%s\n",
          tool, scen, rep, users, n / dt, gen, (c1 - c0) / tck * 1e6 / n, ngx,
          (n1 - n0) / tck * 1e6 / n, busy - gen - ngx, rss, thr, load1 }' \
    | tee -a "$OUT/results.tsv"
  grep -h '^RESULT\|^ERROR' "$dir/stdout.txt" 2>/dev/null | sed 's/^/    /' || true
}

hatchery() { # SCENARIO USERS SPAWN_RATE WARM
  exec "$JAVA" $JVM_OPTS -cp "$JAR" io.hatchery.bench.worker.WorkerBench --scenario "$1" --host "$URL" \
    --users "$2" --spawn-rate "$3" --warmup-seconds "$4" --measure-seconds "$((MEAS + 1))" \
    --max-seconds "$(($4 + MEAS + 20))"
}

hatchery_alt() { # the same with ALT_OPTS (e.g. another GC or scheduler setting)
  JVM_OPTS=$ALT_OPTS hatchery "$@"
}

echo "# $(date -u '+%F %T') UTC, uptime: $(uptime)" | tee "$OUT/session.txt"
echo "# nginx $URL (master $NGINX_PID, worker $NGW), results in $OUT" | tee -a "$OUT/session.txt"
echo "# $("$JAVA" -version 2>&1 | head -1), JVM_OPTS=$JVM_OPTS, ALT_OPTS=${ALT_OPTS:-}" \
  | tee -a "$OUT/session.txt"

for rep in $(seq "$REPS"); do
  if [[ " $ONLY " == *" s1 "* ]]; then
    measure wrk S1 "$rep" 50 "$W_WRK" -- \
      wrk -t1 -c50 -d"$((W_WRK + MEAS + 1))s" --latency "$URL/index.html"
    measure locust-fast S1 "$rep" 50 "$W_LOC" -- \
      "$LOCUST" -f "$SCRIPTS/locust_fast.py" --host "$URL" --headless -u 50 -r 50 \
      -t "$((W_LOC + MEAS + 1))s" --only-summary --loglevel WARNING
    measure hatchery S1 "$rep" 50 "$W_JVM" -- hatchery saturate 50 0 "$W_JVM"
    if [ -n "${ALT_OPTS:-}" ]; then
      measure hatchery-alt S1 "$rep" 50 "$W_JVM" -- hatchery_alt saturate 50 0 "$W_JVM"
    fi
  fi
  if [[ " $ONLY " == *" s2 "* ]]; then
    measure locust-fast S2 "$rep" 1000 "$W_PACED" -- \
      "$LOCUST" -f "$SCRIPTS/locust_paced.py" --host "$URL" --headless -u 1000 -r 1000 \
      -t "$((W_PACED + MEAS + 1))s" --only-summary --loglevel WARNING
    measure hatchery S2 "$rep" 1000 "$W_PACED" -- hatchery paced 1000 1000 "$W_PACED"
    measure hatchery S2 "$rep" "$S2_USERS" "$W_PACED" -- \
      hatchery paced "$S2_USERS" "$S2_USERS" "$W_PACED"
    if [ -n "${ALT_OPTS:-}" ]; then
      measure hatchery-alt S2 "$rep" "$S2_USERS" "$W_PACED" -- \
        hatchery_alt paced "$S2_USERS" "$S2_USERS" "$W_PACED"
    fi
  fi
done

if [[ " $ONLY " == *" s3 "* ]]; then
  echo "# S3: idle HttpUsers, $S3_JVM_OPTS, steps $S3_STEPS"
  "$JAVA" $S3_JVM_OPTS -cp "$JAR" io.hatchery.bench.worker.WorkerBench --scenario idle \
    --host "$URL" --users "$S3_STEPS" --spawn-rate 50000 --max-seconds 300 \
    | tee "$OUT/s3.txt"
  echo "# S3, connected: idle HttpUsers that each sent one request (one idle keep-alive connection)"
  "$JAVA" $S3_JVM_OPTS -cp "$JAR" io.hatchery.bench.worker.WorkerBench --scenario idle-connected \
    --host "$URL" --users "$S3_CONNECTED_STEPS" --spawn-rate 5000 --max-seconds 300 \
    | tee "$OUT/s3-connected.txt"
fi

echo "# medians (min-max) per tool, scenario and users; $(date -u '+%T') UTC, load $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/python3 - "$OUT/results.tsv" <<'EOF'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
cells = {}
for r in rows:
    cells.setdefault((r["tool"], r["scenario"], r["users"]), []).append(r)
for (tool, scen, users), rs in cells.items():
    def med(k):
        v = [float(r[k]) for r in rs]
        return f"{statistics.median(v):.2f} ({min(v):.2f}-{max(v):.2f})"
    print(f"{tool:12} {scen} u={users:>6} n={len(rs)} rps={med('rps')} us/req={med('gen_us_per_req')}"
          f" gen_cores={med('gen_cores')} nginx_cores={med('nginx_cores')} other={med('other_load')}"
          f" rss_kib={rs[-1]['rss_kib']} thr={rs[-1]['threads']}")
EOF
