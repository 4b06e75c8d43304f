#!/bin/sh
# Records the JSON of Locust 2.12.1's /stats/requests, /exceptions and /tasks from a real
# master with one worker, swarming against a local python http.server. Run from this directory:
#   sh record.sh        (needs /usr/bin/locust 2.12.1, python3, curl)
set -eu
# Debian's python3-locust 2.12.1 reports an empty version, which its own master takes for a
# pre-2.0 worker; both processes run with the version set to what the package is.
locust() {
  /usr/bin/python3 -c 'import sys, locust, locust._version as v
v.version = locust.__version__ = "2.12.1"
import locust.runners as r
r.__version__ = "2.12.1"
from locust.main import main
sys.argv[0] = "locust"
sys.exit(main())' "$@"
}
target_port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
web_port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
zmq_port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
tmp=$(mktemp -d)
python3 -m http.server "$target_port" --bind 127.0.0.1 --directory "$tmp" >/dev/null 2>&1 &
target_pid=$!
locust -f locustfile.py --master --master-bind-host 127.0.0.1 --master-bind-port "$zmq_port" \
  --web-host 127.0.0.1 --web-port "$web_port" >"$tmp/master.log" 2>&1 &
master_pid=$!
locust -f locustfile.py --worker --master-host 127.0.0.1 --master-port "$zmq_port" >"$tmp/worker.log" 2>&1 &
worker_pid=$!
trap 'kill $worker_pid $master_pid $target_pid 2>/dev/null || true' EXIT
base="http://127.0.0.1:$web_port"
i=0
until curl -sf "$base/stats/requests" | python3 -c 'import json,sys; sys.exit(0 if json.load(sys.stdin)["workers"] else 1)'; do
  i=$((i+1)); [ $i -lt 100 ] || { echo "no worker connected"; cat "$tmp"/*.log; exit 1; }; sleep 0.2
done
curl -sf -X POST -d user_count=4 -d spawn_rate=4 -d "host=http://127.0.0.1:$target_port" "$base/swarm" > swarm.json
i=0
until curl -sf "$base/exceptions" | grep -q '"count"' && curl -sf "$base/stats/requests" | grep -q '"occurrences"'; do
  i=$((i+1)); [ $i -lt 150 ] || { echo "no stats arrived"; exit 1; }; sleep 0.2
done
sleep 4 # one more stats report so current rps / percentiles are filled
curl -sf "$base/stats/requests" | python3 -m json.tool > stats-requests.json
curl -sf "$base/exceptions" | python3 -m json.tool > exceptions.json
curl -sf "$base/tasks" | python3 -m json.tool > tasks.json
curl -sf "$base/stop" | python3 -m json.tool > stop.json
curl -sf -D - "$base/stats/requests/csv" -o requests.csv | tr -d '\r' | grep -i '^content-' > requests-csv.headers
curl -sf "$base/stats/failures/csv" -o failures.csv
curl -sf "$base/exceptions/csv" -o exceptions.csv
curl -s -o /dev/null -w '%{http_code}\n' "$base/stats/requests_full_history/csv" > full-history.status
curl -sf "$base/stats/reset" > reset.txt
