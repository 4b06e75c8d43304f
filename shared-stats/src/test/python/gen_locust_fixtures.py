#!/usr/bin/python3
"""Generates the Locust 2.12.1 reference fixtures of shared-stats' tests.

Run with Debian's python3 and its python3-locust 2.12.1 package, from the shared-stats directory:

    /usr/bin/python3 src/test/python/gen_locust_fixtures.py src/test/resources/locust-2.12.1

Every expected value is computed by Locust's own locust/stats.py (StatsEntry, RequestStats,
StatsError and the distributed report/merge listeners), with locust.stats' clock replaced by a
manual one. The output uses a Python-literal notation of msgpack values (None, True/False, ints,
floats as repr, double-quoted JSON strings, lists, dicts with any keys) that the Java tests parse
into the same Java types the msgpack codec produces (Long, Double, String, List, Map).
"""
import builtins
import json
import math
import os
import random
import sys
import types

import locust
import locust.stats as ls
from locust.event import Events

NOW = [0.0]
ls.time = types.SimpleNamespace(time=lambda: NOW[0])


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


def make_error(spec):
    kind = spec[0]
    if kind == "message":
        return spec[1]
    if kind == "exception":
        return getattr(builtins, spec[1])(*spec[2:])
    raise ValueError(spec)


class Repr:
    def __init__(self, text):
        self.text = text

    def __repr__(self):
        return self.text


def rounding(out):
    rnd = random.Random(2121)
    values = [0.0, 0.4, 0.5, 0.6, 1.5, 2.5, 2.675, 3.5, 12.5, 13.5, 99.4, 99.5, 99.49999999999999,
              100.0, 104.99999999999999, 105.0, 115.0, 125.0, 145.0, 155.0, 145.00000000000003,
              144.99999999999997, 994.9999999999999, 995.0, 999.5, 999.9999999999999, 1000.0,
              1050.0, 1150.0, 1250.0, 9949.999999999998, 9950.0, 9999.999999999998, 10000.0,
              10500.0, 11500.0, 12500.0, 99499.99999999999, 99500.0, 100500.0, 1234567.5,
              0.1 + 0.2, 2.5000000000000004, 147.0, 3432.0, 58760.0, 1e12 + 500.0]
    for base in [0.5, 2.5, 12.5, 105.0, 145.0, 155.0, 1050.0, 1150.0, 10500.0, 11500.0]:
        values += [math.nextafter(base, -1.0), math.nextafter(base, 1e300)]
    for _ in range(3000):
        exp = rnd.uniform(-2, 6)
        values.append(rnd.choice([round(10 ** exp, rnd.randint(0, 4)), 10 ** exp, rnd.randint(0, 200000) / 2]))
    for v in values:
        entry = ls.StatsEntry(None, "n", "GET")
        entry._log_response_time(v)
        (bucket,) = entry.response_times.keys()
        out.write(f"{v.hex()}\t{v!r}\t{int(bucket)}\n")


def error_keys(out):
    rows = []
    for method, name, spec in [
        ("GET", "/fail", ("exception", "Exception", "boom")),
        ("GET", "/fail", ("message", "boom")),
        ("POST", "/a.b", ("exception", "ValueError", "it's")),
        ("GET", "/q", ("message", 'say "hi"')),
        ("GET", "/q", ("message", "both ' and \"")),
        ("GET", "/esc", ("message", "tab\tnl\ncr\rbs\\nul\x00del\x7f")),
        ("GET", "/uni", ("message", "\u00fcn\u00efc\u00f6d\u00e9 \u20ac \u00a0nbsp \u00ad shy")),
        ("GET", "/uni", ("message", "zero\u200bwidth line\u2028sep \U0001F600 private\ue000")),
        ("GET", "/conn", ("exception", "ConnectionError")),
        ("PUT", "/x", ("exception", "KeyError", "k")),
    ]:
        error = make_error(spec)
        text = ls.StatsError.parse_error(error)
        key = ls.StatsError.create_key(method, name, error)
        rows.append(["error", method, name, list(spec), text, key])
    for text in ["Exception(<__main__.X object at 0x7fef874ac090>)",
                 "E(<a.B object at 0xdeadbeef> again 0xdeadbeef and <c.D object at 0x1234>)",
                 "no address here", "object at 0x7f unterminated"]:
        rows.append(["masked", "GET", "/m", text, ls.StatsError.parse_error(Repr(text)),
                     ls.StatsError.create_key("GET", "/m", Repr(text))])
    for row in rows:
        out.write(lit(row) + "\n")


def latency(rnd):
    r = rnd.random()
    if r < 0.05:
        return rnd.choice([12.5, 145.0, 155.0, 2.675, 1050.0, 99.5, 0.5])
    if r < 0.15:
        return rnd.randint(1, 3000)
    return rnd.lognormvariate(3.5, 1.2)


ERRORS = [("exception", "Exception", "boom"), ("message", "slow"), ("exception", "ValueError", "it's bad")]


def worker_stream(seed, start, seconds, names):
    rnd = random.Random(seed)
    events = []
    t = start
    while t < start + seconds:
        t = round(t + rnd.uniform(0.001, 0.25), 3)
        name, method = rnd.choice(names)
        error = list(rnd.choice(ERRORS)) if rnd.random() < 0.1 else None
        events.append([t, name, method, latency(rnd), rnd.randint(0, 5000), error])
    return events


def run_worker(created_at, events, report_times):
    NOW[0] = created_at
    worker_events = Events()
    stats = ls.RequestStats(use_response_times_cache=False)
    ls.setup_distributed_stats_event_listeners(worker_events, stats)
    reports = []
    pending = list(report_times)
    for t, name, method, rt, length, error in events:
        while pending and pending[0] <= t:
            NOW[0] = pending.pop(0)
            data = {}
            worker_events.report_to_master.fire(client_id="w", data=data)
            reports.append({"at": NOW[0], "data": data})
        NOW[0] = t
        stats.log_request(method, name, rt, length)
        if error is not None:
            stats.log_error(method, name, make_error(error))
    for at in pending:
        NOW[0] = at
        data = {}
        worker_events.report_to_master.fire(client_id="w", data=data)
        reports.append({"at": at, "data": data})
    return reports


def describe(entry, now):
    return {
        "name": entry.name, "method": entry.method,
        "num_requests": entry.num_requests, "num_none_requests": entry.num_none_requests,
        "num_failures": entry.num_failures, "total_response_time": float(entry.total_response_time),
        "min_response_time": None if entry.min_response_time is None else float(entry.min_response_time),
        "max_response_time": float(entry.max_response_time),
        "avg_response_time": float(entry.avg_response_time),
        "median_response_time": float(entry.median_response_time),
        "percentiles": [int(entry.get_response_time_percentile(p)) for p in ls.PERCENTILES_TO_REPORT],
        "current_rps": float(entry.current_rps), "current_fail_per_sec": float(entry.current_fail_per_sec),
        "total_rps": float(entry.total_rps), "total_fail_per_sec": float(entry.total_fail_per_sec),
        "avg_content_length": float(entry.avg_content_length), "fail_ratio": float(entry.fail_ratio),
        "current_percentiles": [None if v is None else int(v) for v in
                                (entry.get_current_response_time_percentile(p) for p in (0.5, 0.95, 1.0))],
        "start_time": float(entry.start_time),
        "last_request_timestamp": None if entry.last_request_timestamp is None else float(entry.last_request_timestamp),
    }


def run_master(created_at, reports, query_times):
    NOW[0] = created_at
    master_events = Events()
    stats = ls.RequestStats()
    ls.setup_distributed_stats_event_listeners(master_events, stats)
    queries = []
    pending = list(query_times)
    for report in sorted(reports, key=lambda r: r["at"]):
        while pending and pending[0] < report["at"]:
            queries.append(query(stats, pending.pop(0)))
        NOW[0] = report["at"]
        master_events.worker_report.fire(client_id="w", data=report["data"])
    for at in pending:
        queries.append(query(stats, at))
    return queries


def query(stats, at):
    NOW[0] = at
    return {"at": at,
            "entries": [describe(e, at) for e in stats.entries.values()],
            "total": describe(stats.total, at),
            "errors": {k: [e.name, e.method, e.error, e.occurrences] for k, e in stats.errors.items()}}


def handmade_reports(start):
    """Reports as a 2.12.1 worker on Debian sends them (float keys >= 100, int keys below),
    plus integer-second timestamps (Boomer/Locust4j) and an int/float duplicate key."""
    def entry(name, method, last, st, n, fails, rts, rps, fps, mn, mx, total):
        return {"name": name, "method": method, "last_request_timestamp": last, "start_time": st,
                "num_requests": n, "num_none_requests": 0, "num_failures": fails,
                "total_response_time": total, "max_response_time": mx, "min_response_time": mn,
                "total_content_length": 10 * n, "response_times": rts, "num_reqs_per_sec": rps,
                "num_fail_per_sec": fps}
    a1 = entry("/a", "GET", start + 2.5, start - 0.5, 9, 1, {5: 4, 12: 2, 160.0: 2, 3400.0: 1},
               {int(start): 4, int(start) + 1: 3, int(start) + 2: 2}, {int(start) + 2: 1}, 4.75, 3412.5, 3804.25)
    a2 = entry("/a", "GET", int(start) + 3, int(start), 6, 0, {5: 1, 160: 3, 3400: 1, 150.0: 1},
               {int(start) + 1: 2, int(start) + 3: 4}, {}, 5, 3390, 3980)
    b1 = entry("/b", "POST", None, start, 0, 2, {}, {}, {int(start) + 1: 2}, None, 0, 0)
    tot1 = entry("Aggregated", "", start + 2.5, start - 0.5, 9, 3, {5: 4, 12: 2, 160.0: 2, 3400.0: 1},
                 {int(start): 4, int(start) + 1: 3, int(start) + 2: 2}, {int(start) + 1: 2, int(start) + 2: 1},
                 4.75, 3412.5, 3804.25)
    tot2 = entry("Total", "", int(start) + 3, int(start), 6, 0, {5: 1, 160: 3, 3400: 1, 150.0: 1},
                 {int(start) + 1: 2, int(start) + 3: 4}, {}, 5, 3390, 3980)
    err = {"k1": {"name": "/b", "method": "POST", "error": "'refused'", "occurrences": 2}}
    return [
        {"at": start + 3.0, "data": {"stats": [a1, b1], "stats_total": tot1, "errors": err,
                                     "user_classes_count": {"U": 1}, "user_count": 1}},
        {"at": start + 4.2, "data": {"stats": [a2], "stats_total": tot2, "errors": dict(err),
                                     "user_classes_count": {"U": 1}, "user_count": 1}},
    ]


def main(directory):
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, "rounding.tsv"), "w") as out:
        rounding(out)
    with open(os.path.join(directory, "error-keys.txt"), "w") as out:
        error_keys(out)
    start = 1700000000.0
    names = [("/a", "GET"), ("/b", "POST"), ("/c", "GET")]
    with open(os.path.join(directory, "worker-reports.txt"), "w") as out, \
            open(os.path.join(directory, "master-merge.txt"), "w") as merged:
        scenarios = []
        for seed, workers in [(1, 1), (2, 3)]:
            all_reports = []
            for w in range(workers):
                created = start + 0.125 * w
                events = worker_stream(seed * 100 + w, created + 0.2, 30, names)
                report_times = [round(created + 3.0 * k + 0.05 * w, 3) for k in range(1, 12)]
                reports = run_worker(created, events, report_times)
                out.write(lit({"scenario": f"seed{seed}-worker{w}", "created_at": created,
                               "events": events, "reports": reports}) + "\n")
                all_reports += reports
            scenarios.append((f"seed{seed}-{workers}workers", all_reports))
        scenarios.append(("handmade", handmade_reports(start)))
        for name, reports in scenarios:
            query_times = [start + 5.5, start + 13.25, start + 21.0, start + 27.75, start + 33.5, start + 40.0]
            queries = run_master(start - 1.0, reports, query_times)
            merged.write(lit({"scenario": name, "created_at": start - 1.0, "reports": reports,
                              "queries": queries}) + "\n")


if __name__ == "__main__":
    assert locust.__version__ in ("2.12.1", ""), locust.__version__  # Debian's build has an empty version
    main(sys.argv[1])
