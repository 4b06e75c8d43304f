"""Records worker->master (w2m-*) frames of a real Debian Locust 2.12.1 worker.

A probe ROUTER (this script) plays the master: it acks client_ready, sends two spawn
messages shaped like a 2.12.1 master's, then stop (the worker answers client_stopped and
client_ready again) and finally quit (final stats, then the worker's quit).

Usage: /usr/bin/python3 record_worker.py <output dir>
"""

import os
import subprocess
import sys
import tempfile
import time

import msgpack
import zmq

import recording
import target_server

TIME_LIMIT_SECONDS = 90


def master_parsed_options(host_url, master_port):
    """vars(parsed_options) of a master started like the m2w recording (computed by Locust's
    own argument parser in a child process, so this process stays free of gevent patching)."""
    args = ["-f", recording.LOCUSTFILE, "--master", "--headless", "-u", "3", "-r", "2",
            "--host", host_url, "--master-bind-host", "127.0.0.1",
            "--master-bind-port", str(master_port), "--expect-workers", "1"]
    code = ("import sys, msgpack; from locust.argument_parser import parse_options; "
            "sys.stdout.buffer.write(msgpack.packb(vars(parse_options(sys.argv[1:]))))")
    out = subprocess.run(["/usr/bin/python3", "-c", code] + args, cwd=recording.HERE,
                         check=True, capture_output=True, timeout=60).stdout
    return msgpack.unpackb(out, raw=False, strict_map_key=False)


class ProbeMaster:
    def __init__(self, rec, deadline):
        self.rec = rec
        self.deadline = deadline
        self.ctx = zmq.Context()
        self.router = self.ctx.socket(zmq.ROUTER)
        self.port = self.router.bind_to_random_port("tcp://127.0.0.1")
        self.identity = None
        self.last_spawn_timestamp = 0.0

    def send(self, message_type, data):
        frame = msgpack.packb((message_type, data, self.identity.decode("utf-8")))
        self.router.send_multipart([self.identity, frame])

    def receive(self, timeout_ms=200):
        if not self.router.poll(min(timeout_ms, self.deadline.remaining_ms())):
            return None
        identity, payload = self.router.recv_multipart()[:2]
        self.identity = identity
        frame = self.rec.add(payload)
        if os.environ.get("GOLDEN_DEBUG") and frame.type == "stats":
            print(frame.message, file=sys.stderr)
        return frame

    def wait_for(self, condition, what):
        """Receives until condition(frame) is true; raises if the time limit is hit."""
        while not self.deadline.expired():
            frame = self.receive()
            if frame is not None and condition(frame):
                return frame
        raise TimeoutError("no " + what + " before the time limit")

    def spawn(self, user_classes_count, host_url, parsed_options):
        timestamp = time.time()
        assert timestamp > self.last_spawn_timestamp
        self.last_spawn_timestamp = timestamp
        self.send("spawn", {"timestamp": timestamp, "user_classes_count": user_classes_count,
                            "host": host_url, "stop_timeout": None,
                            "parsed_options": parsed_options})

    def close(self):
        self.router.close(linger=0)
        self.ctx.term()


BUSY_REPORTS_BEFORE_STOP = 3


def is_busy_report(frame):
    """A stats report with errors, a bucket key >= 1000 ms, and one request name whose
    response_times map holds both int and float keys."""
    if frame.type != "stats" or not frame.data["errors"]:
        return False
    if not any(k >= 1000 for k in frame.data["stats_total"]["response_times"]):
        return False
    for entry in frame.data["stats"]:
        keys = entry["response_times"].keys()
        if any(isinstance(k, float) for k in keys) and any(isinstance(k, int) for k in keys):
            return True
    return False


def record(out_dir):
    deadline = recording.Deadline(TIME_LIMIT_SECONDS)
    rec = recording.Recording(out_dir, "w2m")
    server, host_url = target_server.start()
    probe = ProbeMaster(rec, deadline)
    parsed_options = master_parsed_options(host_url, recording.free_port())
    log_path = os.path.join(tempfile.gettempdir(), "golden-w2m-locust.log")
    worker = recording.start_locust(
        ["--worker", "--master-host", "127.0.0.1", "--master-port", str(probe.port)], log_path)
    try:
        rec.choose(probe.wait_for(lambda f: f.type == "client_ready", "client_ready"))
        probe.send("ack", {"index": 0})
        rec.choose(probe.wait_for(lambda f: f.type == "heartbeat", "idle heartbeat"), "ready")
        rec.choose(probe.wait_for(lambda f: f.type == "stats", "idle stats"), "idle")

        probe.spawn({"ErrorUser": 1, "MyUser": 1}, host_url, parsed_options)
        rec.choose(probe.wait_for(lambda f: f.type == "spawning", "spawning"))
        rec.choose(probe.wait_for(lambda f: f.type == "spawning_complete", "spawning_complete"))
        time.sleep(1.0)  # a 2.12.1 master spaces ramp-up iterations by about one second
        probe.spawn({"ErrorUser": 1, "MyUser": 2}, host_url, parsed_options)
        rec.choose(probe.wait_for(lambda f: f.type == "spawning_complete", "2nd spawning_complete"),
                   "ramp2")

        # Let the users run for a few reports so CPU usage has been sampled (every 5 s).
        busy = [probe.wait_for(is_busy_report, "busy stats report")
                for _ in range(BUSY_REPORTS_BEFORE_STOP)]
        rec.choose(busy[-1], "running")
        rec.choose(rec.of_type("exception")[0])
        rec.choose(rec.of_type("my_custom")[0])
        running = [f for f in rec.of_type("heartbeat") if f.data["state"] == "running"]
        rec.choose(max(running, key=lambda f: f.data["current_cpu_usage"]), "running")

        probe.send("stop", None)
        rec.choose(probe.wait_for(lambda f: f.type == "client_stopped", "client_stopped"))
        rec.choose(probe.wait_for(lambda f: f.type == "client_ready", "client_ready after stop"),
                   "after-stop")
        probe.send("ack", {"index": 0})
        probe.wait_for(lambda f: f.type == "heartbeat", "heartbeat after stop")

        probe.send("quit", None)
        rec.choose(probe.wait_for(lambda f: f.type == "stats", "final stats"), "final")
        rec.choose(probe.wait_for(lambda f: f.type == "quit", "quit"))
        worker.wait(max(1, deadline.remaining_ms() / 1000))
    finally:
        exit_code = recording.stop_process(worker)
        probe.close()
        server.shutdown()
    rec.write()
    print("worker exit code %s, log in %s" % (exit_code, log_path), file=sys.stderr)


if __name__ == "__main__":
    record(os.path.abspath(sys.argv[1]))
