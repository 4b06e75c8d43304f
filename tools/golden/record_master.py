"""Records master->worker (m2w-*) frames of a real Debian Locust 2.12.1 master.

A probe DEALER (this script) plays a worker with identity <hostname>_<32 hex>: it sends
client_ready -1, heartbeats every second and stats every 3 s, and answers spawn with spawning
and spawning_complete, stop with client_stopped and client_ready, quit with quit.

Run 1, headless (-u 3 -r 2 -t 6s): ack, the master's custom message (sent from a test_start
listener), the ramp-up spawns, quit at run-time expiry.
Run 2, web UI: a frame with trailing bytes (msgpack ExtraData) makes the master answer
reconnect; POST /swarm starts a run (spawns carry the web form's host and --stop-timeout),
GET /stop sends stop; SIGTERM ends the master.

Usage: /usr/bin/python3 record_master.py <output dir>
"""

import os
import socket
import sys
import tempfile
import time
import urllib.parse
import urllib.request
import uuid

import msgpack
import zmq

import recording
import target_server

TIME_LIMIT_SECONDS = 60
HEARTBEAT_INTERVAL_SECONDS = 1.0
REPORT_INTERVAL_SECONDS = 3.0


def empty_total(now):
    return {"name": "Aggregated", "method": "", "last_request_timestamp": None,
            "start_time": now, "num_requests": 0, "num_none_requests": 0, "num_failures": 0,
            "total_response_time": 0, "max_response_time": 0, "min_response_time": None,
            "total_content_length": 0, "response_times": {}, "num_reqs_per_sec": {},
            "num_fail_per_sec": {}}


class ProbeWorker:
    def __init__(self, rec, port, deadline):
        self.rec = rec
        self.deadline = deadline
        self.node_id = "%s_%s" % (socket.gethostname(), uuid.uuid4().hex)
        self.ctx = zmq.Context()
        self.dealer = self.ctx.socket(zmq.DEALER)
        self.dealer.setsockopt(zmq.IDENTITY, self.node_id.encode("utf-8"))
        self.dealer.connect("tcp://127.0.0.1:%d" % port)
        self.state = "ready"
        self.user_classes_count = {}
        self.acked = False
        self.heartbeats_sent = 0
        self.quit = False
        self.next_ready = self.next_heartbeat = self.next_report = time.monotonic()

    def send(self, message_type, data):
        self.dealer.send(msgpack.packb((message_type, data, self.node_id)))

    def send_raw(self, frame):
        self.dealer.send(frame)

    def tick(self):
        """Sends whatever is due: client_ready (until acked), heartbeat, stats."""
        now = time.monotonic()
        if not self.acked and now >= self.next_ready:
            self.send("client_ready", -1)
            self.next_ready = now + 5.0
        if self.acked and now >= self.next_heartbeat:
            self.send("heartbeat", {"state": self.state, "current_cpu_usage": 1.5,
                                    "current_memory_usage": 40000000})
            self.next_heartbeat = now + HEARTBEAT_INTERVAL_SECONDS
            self.heartbeats_sent += 1
        if self.acked and now >= self.next_report:
            users = sum(self.user_classes_count.values())
            self.send("stats", {"stats": [], "stats_total": empty_total(time.time()),
                                "errors": {}, "user_classes_count": self.user_classes_count,
                                "user_count": users})
            self.next_report = now + REPORT_INTERVAL_SECONDS

    def on_frame(self, frame):
        if frame.type == "ack":
            self.acked = True
        elif frame.type == "spawn":
            self.send("spawning", None)
            self.user_classes_count = dict(frame.data["user_classes_count"])
            self.send("spawning_complete", {"user_classes_count": self.user_classes_count,
                                            "user_count": sum(self.user_classes_count.values())})
            self.state = "running"
        elif frame.type == "stop":
            self.user_classes_count = {k: 0 for k in self.user_classes_count}
            self.state = "ready"
            self.send("client_stopped", None)
            self.acked = False
            self.next_ready = time.monotonic()
        elif frame.type == "quit":
            self.send("quit", None)
            self.quit = True

    def run_until(self, condition, what):
        """Plays the worker until condition() is true; raises at the time limit."""
        while not condition():
            if self.deadline.expired():
                raise TimeoutError("no " + what + " before the time limit")
            self.tick()
            if self.dealer.poll(100):
                frame = self.rec.add(self.dealer.recv())
                print("%7.3f m2w %s" % (frame.at_seconds, frame.type), file=sys.stderr)
                self.on_frame(frame)

    def close(self):
        self.dealer.close(linger=0)
        self.ctx.term()


def http(url, form=None):
    data = urllib.parse.urlencode(form).encode("ascii") if form is not None else None
    with urllib.request.urlopen(url, data=data, timeout=10) as response:
        return response.read()


def wait_for_web_ui(url, deadline):
    while True:
        try:
            return http(url)
        except OSError:
            if deadline.expired():
                raise
            time.sleep(0.2)


def record_headless(out_dir, host_url):
    deadline = recording.Deadline(TIME_LIMIT_SECONDS)
    rec = recording.Recording(out_dir, "m2w", "m2w-headless")
    port = recording.free_port()
    probe = ProbeWorker(rec, port, deadline)
    log_path = os.path.join(tempfile.gettempdir(), "golden-m2w-headless-locust.log")
    master = recording.start_locust(
        ["--master", "--headless", "--master-bind-host", "127.0.0.1", "--master-bind-port",
         str(port), "-u", "3", "-r", "2", "-t", "6s", "--expect-workers", "1",
         "--host", host_url], log_path)
    try:
        probe.run_until(lambda: probe.quit, "quit")
        master.wait(max(1, deadline.remaining_ms() / 1000))
    finally:
        exit_code = recording.stop_process(master)
        probe.close()
    rec.choose(rec.of_type("ack")[0])
    rec.choose(rec.of_type("my_master_custom")[0])
    spawns = rec.of_type("spawn")
    for step, frame in enumerate(spawns, start=1):
        rec.choose(frame, "ramp%d" % step)
    rec.choose(rec.of_type("quit")[0])
    rec.write()
    print("headless master exit code %s, log in %s" % (exit_code, log_path), file=sys.stderr)


def record_web_ui(out_dir, host_url):
    deadline = recording.Deadline(TIME_LIMIT_SECONDS)
    rec = recording.Recording(out_dir, "m2w", "m2w-webui")
    port, web_port = recording.free_port(), recording.free_port()
    web = "http://127.0.0.1:%d" % web_port
    probe = ProbeWorker(rec, port, deadline)
    log_path = os.path.join(tempfile.gettempdir(), "golden-m2w-webui-locust.log")
    master = recording.start_locust(
        ["--master", "--master-bind-host", "127.0.0.1", "--master-bind-port", str(port),
         "--web-host", "127.0.0.1", "--web-port", str(web_port), "--stop-timeout", "1"],
        log_path)
    try:
        wait_for_web_ui(web + "/", deadline)
        probe.run_until(lambda: probe.acked, "ack")
        probe.run_until(lambda: probe.heartbeats_sent >= 2, "two heartbeats after ack")
        # Locust 2.12.1 answers an undecodable payload (msgpack ExtraData) with reconnect (and
        # then handles its previous message again, here a harmless heartbeat).
        probe.send_raw(msgpack.packb(("heartbeat", {"state": "ready", "current_cpu_usage": 1.5},
                                      probe.node_id)) + b"\xc0")
        probe.run_until(lambda: rec.of_type("reconnect"), "reconnect")
        http(web + "/swarm", {"user_count": "2", "spawn_rate": "1", "host": host_url})
        probe.run_until(lambda: sum(probe.user_classes_count.values()) == 2, "spawn of 2 users")
        probe.run_until(lambda: time.monotonic() > probe.next_report, "a stats report")
        http(web + "/stop")
        probe.run_until(lambda: rec.of_type("stop") and probe.acked, "stop and re-ack")
        os.kill(master.pid, 15)
        probe.run_until(lambda: probe.quit, "quit after SIGTERM")
        master.wait(max(1, deadline.remaining_ms() / 1000))
    finally:
        exit_code = recording.stop_process(master)
        probe.close()
    rec.choose(rec.of_type("reconnect")[0])
    for step, frame in enumerate(rec.of_type("spawn"), start=1):
        rec.choose(frame, "webui%d" % step)
    rec.choose(rec.of_type("stop")[0])
    rec.write()
    print("web UI master exit code %s, log in %s" % (exit_code, log_path), file=sys.stderr)


if __name__ == "__main__":
    target, url = target_server.start()
    try:
        record_headless(os.path.abspath(sys.argv[1]), url)
        record_web_ui(os.path.abspath(sys.argv[1]), url)
    finally:
        target.shutdown()
