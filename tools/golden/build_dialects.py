"""Builds the hand-made golden vectors of the other protocol dialects (not recordings).

Usage, from the repository root:
  /usr/bin/python3 tools/golden/build_dialects.py protocol/src/test/resources/golden

Writes golden/g0, g1, g1b, boomer and locust4j, each with a README. The message shapes
follow the project's wire reference (reference/protocol.md) (§1.2, §3.3, §3.4, §4, §7, §8); the byte encodings
follow §2.2: legacy raw strings (msgpack-python < 1.0) for Locust 0.x, Python msgpack 1.0
for Locust 1.2-1.6, ugorji-style signed ints for Boomer, msgpack-java for Locust4j.
Deterministic: values are fixed, so re-running reproduces the same bytes.
"""

import os
import sys

import msgpack

import boomer_packer
import golden_io


def legacy_raw(message):
    """msgpack-python before 1.0 (use_bin_type=False): fixstr/str16/str32, never str8."""
    return msgpack.packb(message, use_bin_type=False)


def msgpack_1_0(message):
    """msgpack-python 1.0 defaults, also what msgpack-java's packString/packLong produce."""
    return msgpack.packb(message, use_bin_type=True)


def entry(name, method, **values):
    """A StatsEntry map in Locust's key order, holding only the keys given (older dialects
    lack some of the 14 keys)."""
    ordered = ["name", "method", "last_request_timestamp", "start_time", "num_requests",
               "num_none_requests", "num_failures", "total_response_time", "max_response_time",
               "min_response_time", "total_content_length", "response_times",
               "num_reqs_per_sec", "num_fail_per_sec"]
    result = {"name": name, "method": method}
    for key in ordered[2:]:
        if key in values:
            result[key] = values[key]
    return result


# Locust 0.9 (G0): PUSH/PULL, master messages carry node_id nil (protocol.md §1.2, §3.4).
G0_NODE = "vm_1b4e28ba2fa1d2b4c6f1b4a8e0a3c7d9"
G0_T = 1536000000
G0 = [
    ("m2w-hatch", ("hatch", {"hatch_rate": 5.0, "num_clients": 10,
                             "host": "http://127.0.0.1:8080", "stop_timeout": None}, None),
     "start: hatch_rate float, num_clients int, host str, stop_timeout nil; node_id nil"),
    ("m2w-stop", ("stop", None, None), "stop, data nil, node_id nil"),
    ("m2w-quit", ("quit", None, None), "quit, data nil, node_id nil"),
    ("w2m-client_ready", ("client_ready", None, G0_NODE), "data nil (pre-2.0 worker)"),
    ("w2m-hatching", ("hatching", None, G0_NODE), "data nil"),
    ("w2m-hatch_complete", ("hatch_complete", {"count": 10}, G0_NODE), "{count}"),
    ("w2m-stats", ("stats", {
        "stats": [entry("/index", "GET", last_request_timestamp=G0_T + 2,
                        start_time=G0_T + 0.25, num_requests=4, num_failures=1,
                        total_response_time=389, max_response_time=210, min_response_time=5,
                        total_content_length=4096,
                        response_times={5.4: 1, 37.2: 2, 210: 1},
                        num_reqs_per_sec={G0_T + 1: 3, G0_T + 2: 1})],
        "stats_total": entry("Total", None, last_request_timestamp=G0_T + 2,
                             start_time=G0_T + 0.25, num_requests=4, num_failures=1,
                             total_response_time=389, max_response_time=210,
                             min_response_time=5, total_content_length=4096,
                             response_times={5.4: 1, 37.2: 2, 210: 1},
                             num_reqs_per_sec={G0_T + 1: 3, G0_T + 2: 1}),
        "errors": {"8c1fd7b4bc8a4f2a9a3d51c4b12b3c9e": {
            "name": "/index", "method": "GET",
            "error": "HTTPError('500 Server Error: INTERNAL SERVER ERROR',)", "occurences": 1}},
        "user_count": 10}, G0_NODE),
     "0.9 report: no num_none_requests/num_fail_per_sec, int last_request_timestamp, "
     "unrounded float bucket keys below 100 ms, total named \"Total\" with method nil, "
     "error field spelled `occurences`"),
    ("w2m-exception", ("exception", {"msg": "boom", "traceback": "  File \"locustfile.py\", "
                                     "line 9, in index\n    raise Exception(\"boom\")\n"},
                       G0_NODE), "{msg, traceback}"),
    ("w2m-client_stopped", ("client_stopped", None, G0_NODE), "data nil"),
    ("w2m-quit", ("quit", None, G0_NODE), "data nil"),
]

# Locust 0.10-1.1 (G1): ROUTER/DEALER, hatch (protocol.md §3.3, §3.4).
G1_NODE = "vm_7d0f5a2c9b8e4f61a3c2d1e0b9a8f7c6"
G1 = [
    ("m2w-hatch-0x", ("hatch", {"hatch_rate": 2.5, "num_clients": 4,
                                "host": "http://127.0.0.1:8080", "stop_timeout": None},
                      G1_NODE), "0.10-0.14: {hatch_rate float, num_clients, host, stop_timeout nil}"),
    ("m2w-hatch-1.0", ("hatch", {"hatch_rate": 2.5, "num_users": 4, "host": None,
                                 "stop_timeout": 10}, G1_NODE),
     "1.0-1.1: {hatch_rate, num_users, host nil, stop_timeout int}"),
    ("w2m-client_ready", ("client_ready", None, G1_NODE), "data nil"),
    ("w2m-heartbeat-0.10", ("heartbeat", {"state": "ready"}, G1_NODE),
     "0.10-0.13: {state} only"),
    ("w2m-heartbeat-0.14", ("heartbeat", {"state": "hatching", "current_cpu_usage": 12.5},
                            G1_NODE), "0.14+: {state, current_cpu_usage}"),
    ("w2m-hatching", ("hatching", None, G1_NODE), "data nil"),
    ("w2m-hatch_complete", ("hatch_complete", {"count": 4}, G1_NODE), "{count}"),
]

# Locust 1.2-1.6 (G1b): spawn with per-worker rate and count (protocol.md §3.3).
G1B_NODE = "vm_3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c"
G1B_T = 1620000000
G1B_TOTAL = dict(last_request_timestamp=G1B_T + 2.75, start_time=G1B_T + 0.5, num_requests=5,
                 num_none_requests=0, num_failures=0, total_response_time=209.5,
                 max_response_time=152.25, min_response_time=11.5, total_content_length=640,
                 response_times={12: 4, 150.0: 1}, num_reqs_per_sec={G1B_T + 1: 2, G1B_T + 2: 3},
                 num_fail_per_sec={})
G1B = [
    ("m2w-spawn", ("spawn", {"spawn_rate": 2.5, "num_users": 4,
                             "host": "http://127.0.0.1:8080", "stop_timeout": None}, G1B_NODE),
     "{spawn_rate float, num_users, host, stop_timeout nil}"),
    ("m2w-spawn-stop_timeout", ("spawn", {"spawn_rate": 1.0, "num_users": 2, "host": None,
                                          "stop_timeout": 5}, G1B_NODE),
     "host nil, stop_timeout int"),
    ("m2w-stop", ("stop", None, G1B_NODE), "data nil"),
    ("m2w-quit", ("quit", None, G1B_NODE), "data nil"),
    ("w2m-client_ready", ("client_ready", None, G1B_NODE), "data nil (no ack exists)"),
    ("w2m-heartbeat", ("heartbeat", {"state": "running", "current_cpu_usage": 7.3, "count": 4},
                       G1B_NODE), "{state, current_cpu_usage, count} (count from 1.4.4)"),
    ("w2m-spawning", ("spawning", None, G1B_NODE), "data nil"),
    ("w2m-spawning_complete", ("spawning_complete", {"count": 4}, G1B_NODE), "{count}"),
    ("w2m-stats", ("stats", {
        "stats": [entry("/index", "GET", **G1B_TOTAL)],
        "stats_total": entry("Aggregated", "", **G1B_TOTAL),
        "errors": {}, "user_count": 4}, G1B_NODE),
     "1.x report: 14 entry keys, float bucket key 150.0 next to int 12, no user_classes_count"),
    ("w2m-client_stopped", ("client_stopped", None, G1B_NODE), "data nil"),
]

# Boomer (Go) since 2021-08 (G2), protocol.md §7.1.
BOOMER_NODE = "vm_0c6a1f3e8b2d4c5e9f7a6b1d2c3e4f5a"
BOOMER_T = 1795310000
BOOMER_ENTRY = dict(last_request_timestamp=BOOMER_T + 2, start_time=BOOMER_T, num_requests=1500,
                    num_none_requests=0, num_failures=3, total_response_time=45000,
                    max_response_time=1300, min_response_time=2, total_content_length=3000000,
                    response_times={2: 1200, 150: 299, 1300: 1},
                    num_reqs_per_sec={BOOMER_T + 1: 700, BOOMER_T + 2: 800},
                    num_fail_per_sec={BOOMER_T + 2: 3})
BOOMER = [
    ("w2m-client_ready", ("client_ready", -1, BOOMER_NODE), "data int -1 (negative fixint)"),
    ("w2m-heartbeat-stopped", ("heartbeat", {"state": "stopped", "current_cpu_usage": 0.0,
                                             "current_memory_usage": 3221225472}, BOOMER_NODE),
     "state \"stopped\"; memory beyond int32, written int64 (0xd3)"),
    ("w2m-heartbeat-running", ("heartbeat", {"state": "running", "current_cpu_usage": 23.5,
                                             "current_memory_usage": 1843200}, BOOMER_NODE),
     "memory written int32 (0xd2)"),
    ("w2m-spawning", ("spawning", None, BOOMER_NODE), "data nil"),
    ("w2m-spawning_complete", ("spawning_complete", {"count": 300,
                                                     "user_classes_count": {"MyUser": 300}},
                               BOOMER_NODE), "{count int16, user_classes_count echoed}"),
    ("w2m-stats", ("stats", {
        "stats": [entry("/api", "GET", **BOOMER_ENTRY)],
        "stats_total": entry("Total", "", **dict(BOOMER_ENTRY, min_response_time=0)),
        "errors": {"5d41402abc4b2a76b9719d911017c592": {
            "name": "/api", "method": "GET", "error": "500 Internal Server Error",
            "occurrences": 3}},
        "user_count": 300, "user_classes_count": {"MyUser": 300}}, BOOMER_NODE),
     "integer-second timestamps, int bucket keys, total \"Total\" with method \"\" and "
     "min_response_time 0, num_none_requests 0, MD5 error key, signed ints"),
    ("w2m-stats-empty-total", ("stats", {
        "stats": [],
        "stats_total": entry("Total", "", last_request_timestamp=BOOMER_T, start_time=BOOMER_T,
                             num_requests=0, num_none_requests=0, num_failures=0,
                             total_response_time=0, max_response_time=0, min_response_time=0,
                             total_content_length=0, response_times={}, num_reqs_per_sec={},
                             num_fail_per_sec={}),
        "errors": {}, "user_count": 0, "user_classes_count": {"MyUser": 0}}, BOOMER_NODE),
     "no requests: min_response_time 0 (not nil), last_request_timestamp = reset time"),
    ("w2m-client_stopped", ("client_stopped", None, BOOMER_NODE), "data nil"),
    ("w2m-quit", ("quit", None, BOOMER_NODE), "data nil"),
]

# Locust4j 2.x (G2), protocol.md §7.2.
L4J_NODE = "vm_e99a18c428cb38d5f260853678922e03"
L4J_T = 1795310000
L4J_ENTRY = dict(last_request_timestamp=L4J_T + 2, start_time=L4J_T, num_requests=12,
                 num_none_requests=0, num_failures=1, total_response_time=1863,
                 max_response_time=1402, min_response_time=3, total_content_length=4800,
                 response_times={3: 5, 40: 6, 1400: 1},
                 num_reqs_per_sec={L4J_T + 1: 5, L4J_T + 2: 7}, num_fail_per_sec={L4J_T + 2: 1})
LOCUST4J = [
    ("w2m-client_ready", ("client_ready", -1, L4J_NODE), "2.2.2+: int -1"),
    ("w2m-client_ready-2.0.0", ("client_ready", "-1", L4J_NODE),
     "2.0.0/2.0.1: the string \"-1\""),
    ("w2m-heartbeat", ("heartbeat", {"state": "running", "current_cpu_usage": 37.5}, L4J_NODE),
     "{state, current_cpu_usage} (system CPU x 100), no memory"),
    ("w2m-heartbeat-stopped", ("heartbeat", {"state": "stopped", "current_cpu_usage": 0.0},
                               L4J_NODE), "state \"stopped\""),
    ("w2m-spawning", ("spawning", None, L4J_NODE), "data nil"),
    ("w2m-spawning_complete", ("spawning_complete", {"count": 3,
                                                     "user_classes_count": {"JavaUser": 3}},
                               L4J_NODE), "{count, user_classes_count echoed}"),
    ("w2m-stats", ("stats", {
        "stats": [entry("/login", "POST", **L4J_ENTRY)],
        "stats_total": entry("Total", "", **dict(L4J_ENTRY, min_response_time=0)),
        "errors": {"7215ee9c7d9dc229d2921a40e899ec5f": {
            "name": "/login", "method": "POST", "error": "timeout", "occurrences": 1}},
        "user_count": 3, "user_classes_count": {"JavaUser": 3}}, L4J_NODE),
     "integer-second timestamps, long bucket keys, total \"Total\", min 0, MD5 error key"),
    ("w2m-client_stopped", ("client_stopped", None, L4J_NODE), "data nil"),
    ("w2m-quit", ("quit", None, L4J_NODE), "data nil"),
]

DIALECTS = [
    ("g0", "Locust <= 0.9 (G0: PUSH/PULL on two ports, `hatch`)", legacy_raw,
     "msgpack-python before 1.0 with Locust's defaults: strings as fixstr/str16/str32 "
     "(never str8), smallest unsigned/signed ints, float64", G0, "§1.2, §3.4, §4.2"),
    ("g1", "Locust 0.10-1.1 (G1: ROUTER/DEALER, `hatch`)", legacy_raw,
     "msgpack-python before 1.0 (allowed up to Locust 1.1): fixstr/str16/str32, never str8",
     G1, "§0, §3.3, §3.4"),
    ("g1b", "Locust 1.2-1.6 (G1b: `spawn` with per-worker rate)", msgpack_1_0,
     "msgpack-python 1.0 (`use_bin_type=True`): str8 for 32-255 bytes, smallest ints",
     G1B, "§0, §3.3, §4.2, §4.3"),
    ("boomer", "Boomer (Go) master branch since 2021-08 (G2)", boomer_packer.pack,
     "ugorji/go codec 1.2.8 style (`tools/golden/boomer_packer.py`): strings fixstr/str16, "
     "never str8; ints > 127 signed int16/int32/int64, never unsigned", BOOMER, "§2.2, §7.1"),
    ("locust4j", "Locust4j 2.x (G2)", msgpack_1_0,
     "msgpack-java 0.9 (`packString`, `packLong`, `packDouble`): str8 allowed, smallest "
     "ints, float64 - byte-for-byte what Python msgpack 1.0 writes for these values",
     LOCUST4J, "§2.2, §7.2"),
]


def readme(folder, title, encoding, vectors, sections):
    lines = ["# Golden vectors: %s - hand-built, not recorded" % title, "",
             "These vectors were **built by `tools/golden/build_dialects.py`**, not captured from",
             "a running peer. Message shapes and field types follow",
             "the project's wire reference `reference/protocol.md` %s (sources cited there);" % sections,
             "values are made up but typical. Rebuild with",
             "`/usr/bin/python3 tools/golden/build_dialects.py protocol/src/test/resources/golden`.",
             "", "Byte encoding: " + encoding + ".", "",
             "The `.json` twins use the typed-JSON convention described in `../2.12.1/README.md`.",
             "", "| File | Content |", "|---|---|"]
    lines += ["| `%s` | %s |" % (name, text) for name, _, text in vectors]
    return "\n".join(lines) + "\n"


def main(golden_dir):
    for folder, title, packer, encoding, vectors, sections in DIALECTS:
        out = os.path.join(golden_dir, folder)
        for name, message, _ in vectors:
            golden_io.write_vector(out, name, packer(message))
        with open(os.path.join(out, "README.md"), "w", encoding="utf-8") as f:
            f.write(readme(folder, title, encoding, vectors, sections))


if __name__ == "__main__":
    main(os.path.abspath(sys.argv[1]))
