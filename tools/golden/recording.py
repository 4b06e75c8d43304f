"""Shared plumbing for the recording scripts: frame log, process control, deadlines."""

import os
import signal
import socket
import subprocess
import sys
import time

import golden_io

HERE = os.path.dirname(os.path.abspath(__file__))
LOCUSTFILE = "locustfile_golden.py"


class Frame:
    """One recorded payload frame with its arrival time (seconds since the recording began)."""

    def __init__(self, at_seconds, payload):
        self.at_seconds = at_seconds
        self.payload = payload
        self.message = golden_io.decode(payload)

    @property
    def type(self):
        return self.message[0]

    @property
    def data(self):
        return self.message[1]


class Recording:
    """Collects frames in arrival order and writes the chosen ones as golden vectors."""

    def __init__(self, out_dir, direction, label=None):
        self.out_dir = out_dir
        self.direction = direction
        self.label = label or direction
        self.began = time.monotonic()
        self.frames = []
        self.chosen = []

    def add(self, payload):
        frame = Frame(time.monotonic() - self.began, payload)
        self.frames.append(frame)
        return frame

    def of_type(self, message_type):
        return [f for f in self.frames if f.type == message_type]

    def choose(self, frame, variant=None):
        name = "%s-%s" % (self.direction, frame.type)
        if variant:
            name += "-" + variant
        if any(n == name for n, _ in self.chosen):
            raise RuntimeError("duplicate vector name " + name)
        self.chosen.append((name, frame))

    def write(self):
        for name, frame in self.chosen:
            golden_io.write_vector(self.out_dir, name, frame.payload)
        names = {id(f): n for n, f in self.chosen}
        lines = ["# %s frames in arrival order: seconds, type, golden file (if kept)" % self.label]
        for f in self.frames:
            lines.append("%7.3f  %-18s %s" % (f.at_seconds, f.type, names.get(id(f), "")))
        with open(os.path.join(self.out_dir, "sequence-%s.txt" % self.label), "w") as out:
            out.write("\n".join(lines) + "\n")


def free_port():
    """An ephemeral loopback port for tools that cannot bind port 0 themselves (the port is
    released before the tool binds it; acceptable for a one-off recording on loopback)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_locust(args, log_path):
    """Starts Debian's locust (python3 /usr/bin/locust) in tools/golden; returns the Popen."""
    log = open(log_path, "w")
    cmd = ["/usr/bin/python3", "/usr/bin/locust", "-f", LOCUSTFILE] + args
    print("+", " ".join(cmd), file=sys.stderr)
    return subprocess.Popen(cmd, cwd=HERE, stdout=log, stderr=subprocess.STDOUT)


def stop_process(proc, grace_seconds=10):
    """Ends a process this script started: SIGTERM by PID, then SIGKILL after the grace period."""
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGTERM)
        try:
            proc.wait(grace_seconds)
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(5)
    return proc.returncode


class Deadline:
    def __init__(self, seconds):
        self.end = time.monotonic() + seconds

    def remaining_ms(self):
        return max(0, int((self.end - time.monotonic()) * 1000))

    def expired(self):
        return time.monotonic() >= self.end
