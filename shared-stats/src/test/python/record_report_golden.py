#!/usr/bin/python3
"""Records the golden outputs of shared-stats' report views from Locust 2.12.1's own code.

Run with Debian's python3 and python3-locust 2.12.1, from the shared-stats directory:

    /usr/bin/python3 src/test/python/record_report_golden.py src/test/resources/report-2.12.1

A worker-side RequestStats logs a fixed set of requests and errors at manual clock times; its
report goes through Locust's distributed listeners into a master RequestStats (exactly what a
master does with a worker's "stats" message). At a fixed query time the script writes what
locust/stats.py prints: the console table (current and final), the percentile table, the error
report, the four CSV files' contents (stats, one history write without and with full history,
failures, exceptions) and the --json output (print_stats_json of Locust 2.14.1: json.dumps of
serialize_stats with indent=4). reports.txt holds the worker report in the fixture notation of
gen_locust_fixtures.py so the Java test can feed the same data to its RequestStats.
"""
import csv
import io
import json
import math
import os
import sys
import types

import locust.stats as ls
from locust.event import Events
from locust.exception import CatchResponseError

NOW = [0.0]
ls.time = types.SimpleNamespace(time=lambda: NOW[0])
ls.STATS_NAME_WIDTH = 80

CREATED_AT = 1700000000.0
QUERY_AT = 1700000020.5
# (time, method, name, response time ms, content length, error or None)
REQUESTS = [
    (1700000000.25, "GET", "/", 4.2, 820, None),
    (1700000001.5, "GET", "/", 12.7, 820, None),
    (1700000002.1, "GET", "/", 3.1, 820, None),
    (1700000003.9, "GET", "/", 150.4, 820, None),
    (1700000004.2, "GET", "/missing-grouped", 4.0, 0, ConnectionError("404 Client Error: Not Found for url: /missing-grouped")),
    (1700000005.3, "GET", "/missing-grouped", 5.5, 0, ConnectionError("404 Client Error: Not Found for url: /missing-grouped")),
    (1700000006.7, "POST", "/login", 1234.5, 17, None),
    (1700000007.4, "POST", "/login", 987.25, 17, CatchResponseError("Got wrong token")),
    (1700000009.1, "GET", "/item?id=[id]", 66.6, 1024, None),
    (1700000010.2, "GET", "/item?id=[id]", 77.7, 1024, None),
    (1700000011.3, "GET", "/item?id=[id]", 88.8, 1024, "boom"),
    (1700000012.4, "GET", "/a/very/long/name/that/keeps/going/and/going/beyond/the/eighty/columns/of/the/name", 23456.0, 5, None),
    (1700000015.0, "GET", "/", 7.0, 820, None),
    (1700000016.0, "GET", "/", 8.0, 820, None),
    (1700000017.0, "GET", "/", 9.9, 820, None),
]
EXCEPTIONS = {
    "k1": {"count": 3, "msg": "ZeroDivisionError('division by zero')",
           "traceback": 'Traceback (most recent call last):\n  File "x.py", line 3, in t\n    1/0\n',
           "nodes": {"w1", }},
}


def lit(v):
    if v is None:
        return "None"
    if v is True:
        return "True"
    if v is False:
        return "False"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        assert math.isfinite(v), v
        return repr(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=True)
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(lit(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(lit(k) + ": " + lit(x) for k, x in v.items()) + "}"
    raise TypeError(type(v))


def csv_text(write):
    out = io.StringIO()
    write(csv.writer(out))
    return out.getvalue()


def main(directory):
    NOW[0] = CREATED_AT
    worker = ls.RequestStats(use_response_times_cache=False)
    worker_events = Events()
    ls.setup_distributed_stats_event_listeners(worker_events, worker)
    master = ls.RequestStats()
    master_events = Events()
    ls.setup_distributed_stats_event_listeners(master_events, master)
    for t, method, name, rt, length, error in REQUESTS:
        NOW[0] = t
        worker.log_request(method, name, rt, length)
        if error is not None:
            worker.log_error(method, name, error)
    NOW[0] = 1700000018.0
    data = {}
    worker_events.report_to_master.fire(client_id="w1", data=data)
    master_events.worker_report.fire(client_id="w1", data=data)
    NOW[0] = QUERY_AT
    master.get("/never", "GET")  # an entry without requests: N/A percentiles in the CSV

    files = {}
    files["reports.txt"] = lit({"created_at": CREATED_AT, "report_at": 1700000018.0, "query_at": QUERY_AT,
                                "data": data}) + "\n"
    files["console-current.txt"] = "\n".join(ls.get_stats_summary(master, current=True)) + "\n"
    files["console-final.txt"] = "\n".join(ls.get_stats_summary(master, current=False)) + "\n"
    files["percentiles.txt"] = "\n".join(ls.get_percentile_stats_summary(master)) + "\n"
    files["errors.txt"] = "\n".join(ls.get_error_report_summary(master)) + "\n"
    env = types.SimpleNamespace(stats=master, runner=types.SimpleNamespace(user_count=5, exceptions=EXCEPTIONS))
    writer = ls.StatsCSV(env, ls.PERCENTILES_TO_REPORT)
    files["stats.csv"] = csv_text(writer.requests_csv)
    files["failures.csv"] = csv_text(writer.failures_csv)
    files["exceptions.csv"] = csv_text(writer.exceptions_csv)
    for full in (False, True):
        history = ls.StatsCSVFileWriter.__new__(ls.StatsCSVFileWriter)
        ls.StatsCSV.__init__(history, env, ls.PERCENTILES_TO_REPORT)
        history.full_history = full
        header = ["Timestamp", "User Count", "Type", "Name", "Requests/s", "Failures/s",
                  *ls.get_readable_percentiles(ls.PERCENTILES_TO_REPORT), "Total Request Count",
                  "Total Failure Count", "Total Median Response Time", "Total Average Response Time",
                  "Total Min Response Time", "Total Max Response Time", "Total Average Content Size"]

        def write(w, history=history):
            w.writerow(header)
            history._stats_history_data_rows(w, QUERY_AT)

        files["stats_history%s.csv" % ("-full" if full else "")] = csv_text(write)
    files["stats.json"] = json.dumps(master.serialize_stats(), indent=4) + "\n"
    for name, text in files.items():
        with open(os.path.join(directory, name), "w", newline="") as f:
            f.write(text)


if __name__ == "__main__":
    main(sys.argv[1])
