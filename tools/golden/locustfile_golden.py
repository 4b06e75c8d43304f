"""Locustfile used to record the 2.12.1 golden vectors (see tools/golden/README.md)."""

from locust import HttpUser, between, constant, events, task
from locust.runners import MasterRunner, WorkerRunner

# Custom message payloads carry the msgpack edge values the golden vectors must cover:
# an int beyond int32, a uint64 beyond int64, negative ints of several widths, floats,
# nil, bool, empty containers, bin, a unicode string and a string long enough for str8.
EDGE_VALUES = {
    "int64": 5000000000,
    "uint64": 2**64 - 2,
    "negative": [-1, -32, -33, -129, -40000, -3000000000],
    "widths": [0, 127, 128, 255, 256, 65535, 65536, 4294967295, 4294967296],
    "float": 0.1,
    "float_integral": 150.0,
    "float_big": 1e300,
    "float_negative_zero": -0.0,
    "nil": None,
    "flags": [True, False],
    "empty_map": {},
    "empty_list": [],
    "bin": b"\x00\x01\xfe\xff",
    "unicode": "\u00fcn\u00efc\u00f6de \u2713 \U0001f680",
    "str8": "x" * 40,
    "int_keys": {1: "one", 2.5: "two and a half", -7: None},
}


@events.test_start.add_listener
def on_test_start(environment, **kwargs):
    runner = environment.runner
    if isinstance(runner, WorkerRunner):
        runner.send_message("my_custom", {"from": "worker", **EDGE_VALUES})
    elif isinstance(runner, MasterRunner):
        runner.send_message("my_master_custom", {"from": "master", **EDGE_VALUES})


class MyUser(HttpUser):
    weight = 2
    wait_time = constant(0.05)

    @task(4)
    def fast(self):
        self.client.get("/fast")

    @task(2)
    def medium(self):
        self.client.get("/medium")

    @task(2)
    def slow150(self):
        self.client.get("/slow150")

    @task(1)
    def slow1100(self):
        self.client.get("/slow1100")

    @task(3)
    def varied(self):
        self.client.get("/varied")

    @task(2)
    def unicode_name(self):
        self.client.get("/\u00fcn\u00efcode", name="/\u00fcn\u00efcode")


class ErrorUser(HttpUser):
    weight = 1
    wait_time = between(0.2, 0.4)

    @task(2)
    def not_found(self):
        self.client.get("/missing")

    @task(2)
    def server_error(self):
        self.client.get("/broken")

    @task(1)
    def boom(self):
        raise ValueError("boom from the golden locustfile")
