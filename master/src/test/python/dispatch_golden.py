"""Record Locust 2.12.1's UsersDispatcher through fixed scenarios as JSON fixtures.

Run with Debian's python3-locust 2.12.1 (see README.md next to this file):
    /usr/bin/python3 master/src/test/python/dispatch_golden.py master/src/test/resources/dispatch/2.12.1

It writes scenarios.json (hand-written scenarios) and random-scenarios.json (seeded random ones).

Sleeping is replaced by a recorder and the clock is frozen, so each recorded sleep is the
dispatcher's computed step delay (max(0, wait - 0)), never wall time.
"""

import json
import os
import random
import signal
import sys

import locust.dispatch as dispatch


class RecordingGevent:
    """Stands in for the gevent module inside locust.dispatch: records sleeps, never sleeps."""

    slept = []

    @staticmethod
    def sleep(seconds):
        RecordingGevent.slept.append(seconds)


class FrozenTime:
    """Stands in for the time module inside locust.dispatch: perf_counter never advances."""

    @staticmethod
    def perf_counter():
        return 0.0


dispatch.gevent = RecordingGevent
dispatch.time = FrozenTime


class Hang(Exception):
    pass


def on_alarm(signum, frame):
    raise Hang()


signal.signal(signal.SIGALRM, on_alarm)


class FakeWorkerNode:
    def __init__(self, node_id):
        self.id = node_id


def user_class(name, weight=1, fixed_count=0):
    return type(name, (), {"weight": weight, "fixed_count": fixed_count})


def run_scenario(name, workers, classes, actions):
    nodes = {w: FakeWorkerNode(w) for w in workers}
    dispatcher = dispatch.UsersDispatcher(
        worker_nodes=[nodes[w] for w in workers],
        user_classes=[user_class(c["name"], c["weight"], c["fixedCount"]) for c in classes],
    )
    events = []

    def step():
        RecordingGevent.slept.clear()
        try:
            users = next(dispatcher)
        except StopIteration:
            events.append({"op": "next", "sleepSeconds": sum(RecordingGevent.slept), "end": True})
            return False
        events.append({"op": "next", "sleepSeconds": sum(RecordingGevent.slept), "users": users})
        return True

    signal.alarm(3)
    for action in actions:
        op = action[0]
        if op == "new":
            dispatcher.new_dispatch(target_user_count=action[1], spawn_rate=action[2])
            events.append({"op": "newDispatch", "targetUserCount": action[1], "spawnRate": action[2]})
        elif op == "add":
            nodes[action[1]] = FakeWorkerNode(action[1])
            dispatcher.add_worker(nodes[action[1]])
            events.append({"op": "addWorker", "workerId": action[1]})
        elif op == "remove":
            dispatcher.remove_worker(nodes[action[1]])
            events.append({"op": "removeWorker", "workerId": action[1]})
        elif op == "next":
            for _ in range(action[1]):
                if not step():
                    break
        elif op == "run":
            for _ in range(100_000):
                if not step():
                    break
            else:
                raise RuntimeError(f"{name}: dispatch did not end")
        else:
            raise ValueError(op)
    signal.alarm(0)
    return {"name": name, "workers": workers, "userClasses": classes, "events": events}


def classes(*specs):
    return [{"name": n, "weight": w, "fixedCount": f} for n, w, f in specs]


ONE = classes(("MyUser", 1, 0))
FIVE = classes(("Alpha", 1, 0), ("Bravo", 3, 0), ("Charlie", 7, 0), ("Delta", 2, 0), ("Echo", 5, 0))
FIXED_MIX = classes(("Admin", 1, 1), ("Bot", 1, 3), ("Reader", 5, 0), ("Writer", 2, 0))
HOSTS = ["hostA_1", "hostA_2", "hostA_3", "hostB_1", "hostB_2", "hostC_1", "hostC_2", "hostC_3"]
THREE = ["w_c", "w_a", "w_b"]

SCENARIOS = [
    ("ramp-up rate 1", THREE, ONE, [("new", 7, 1), ("run",)]),
    ("ramp-up rate 2.5", THREE, ONE, [("new", 11, 2.5), ("run",)]),
    ("ramp-up rate 10", THREE, FIVE, [("new", 47, 10), ("run",)]),
    ("ramp-up rate 100", THREE, FIVE, [("new", 345, 100), ("run",)]),
    ("ramp-up rate 0.5", THREE, ONE, [("new", 3, 0.5), ("run",)]),
    ("ramp-up beyond one step", THREE, ONE, [("new", 5, 10), ("run",)]),
    ("ramp-up to zero", THREE, ONE, [("new", 0, 1), ("run",)]),
    ("ramp-down", THREE, FIVE, [("new", 30, 100), ("run",), ("new", 4, 3), ("run",)]),
    ("ramp-down to zero", THREE, FIXED_MIX, [("new", 12, 20), ("run",), ("new", 0, 5), ("run",)]),
    ("same target again", THREE, ONE, [("new", 4, 10), ("run",), ("new", 4, 10), ("run",)]),
    ("re-target up mid-ramp", THREE, FIVE, [("new", 20, 3), ("next", 3), ("new", 40, 7.5), ("run",)]),
    ("re-target down mid-ramp", THREE, FIVE, [("new", 20, 3), ("next", 4), ("new", 5, 2), ("run",)]),
    ("re-target rate only", THREE, ONE, [("new", 10, 1), ("next", 2), ("new", 10, 4), ("run",)]),
    ("up then down then up", THREE, FIVE, [("new", 20, 10), ("run",), ("new", 7, 4), ("run",), ("new", 15, 4), ("run",)]),
    ("add worker mid-ramp", THREE, FIVE, [("new", 25, 4), ("next", 3), ("add", "w_d"), ("run",)]),
    ("add worker after ramp", THREE, FIVE, [("new", 25, 4), ("run",), ("add", "w_d"), ("new", 25, 4), ("run",)]),
    ("add two workers mid-ramp", THREE, ONE, [("new", 12, 2), ("next", 2), ("add", "w_d"), ("next", 1), ("add", "w_e"), ("run",)]),
    ("add worker right after new dispatch", THREE, ONE, [("new", 9, 2), ("add", "w_d"), ("run",)]),
    ("remove worker mid-ramp", THREE, FIVE, [("new", 25, 4), ("next", 3), ("remove", "w_b"), ("run",)]),
    ("remove worker after ramp", THREE, FIVE, [("new", 25, 4), ("run",), ("remove", "w_a"), ("new", 25, 4), ("run",)]),
    ("remove worker mid-ramp-down", THREE, FIVE, [("new", 30, 100), ("run",), ("new", 6, 5), ("next", 2), ("remove", "w_c"), ("run",)]),
    ("replace worker after ramp", THREE, ONE, [("new", 10, 100), ("run",), ("remove", "w_b"), ("add", "w_z"), ("new", 10, 100), ("run",)]),
    ("several hosts", HOSTS, FIVE, [("new", 50, 7), ("run",)]),
    ("several hosts add and remove", HOSTS, FIVE, [("new", 40, 6), ("next", 3), ("add", "hostB_3"), ("next", 2), ("remove", "hostA_1"), ("run",)]),
    ("fixed count mix", THREE, FIXED_MIX, [("new", 17, 3), ("run",)]),
    ("fixed count below fixed total", THREE, FIXED_MIX, [("new", 3, 1), ("run",)]),
    ("fixed count with rebalance", THREE, FIXED_MIX, [("new", 16, 2), ("next", 3), ("add", "w_d"), ("run",)]),
    ("fixed only classes", THREE, classes(("Aa", 1, 2), ("Bb", 1, 3)), [("new", 9, 2), ("run",)]),
    ("one class uneven hosts", ["x_1", "x_2", "y_1"], ONE, [("new", 9, 1.5), ("run",)]),
    ("five classes uneven weights", ["n1", "n2"], FIVE, [("new", 36, 36), ("run",)]),
    ("float weights rounding", THREE, classes(("Fa", 4, 0), ("Fb", 5, 0), ("Fc", 7.5, 0)), [("new", 25, 5), ("run",)]),
    ("remove last worker then add", ["solo_1"], ONE, [("new", 4, 1), ("next", 2), ("remove", "solo_1"), ("next", 1), ("add", "solo_2"), ("run",)]),
]


def random_scenario(seed):
    rnd = random.Random(seed)
    workers = sorted({f"h{rnd.randrange(3)}_{rnd.randrange(100)}" for _ in range(1 + rnd.randrange(6))})
    rnd.shuffle(workers)
    user_classes = []
    for i in range(1 + rnd.randrange(5)):
        if rnd.randrange(4) == 0:
            user_classes.append((f"U{chr(65 + i)}", 1, 1 + rnd.randrange(4)))
        elif rnd.randrange(2) == 0:
            user_classes.append((f"U{chr(65 + i)}", 1 + rnd.randrange(9), 0))
        else:
            user_classes.append((f"U{chr(65 + i)}", 0.5 + rnd.randrange(20) / 4, 0))
    rates = [0.3, 0.5, 1, 1.5, 2.5, 3, 10, 37.5, 100]
    actions = []
    present = list(workers)
    target, rate = 0, 1
    for n in range(8):
        kind = rnd.randrange(5)
        if kind <= 1:
            target, rate = rnd.randrange(30), rnd.choice(rates)
            actions.append(("new", target, rate))
        elif kind == 2:
            added = f"h{rnd.randrange(4)}_{100 + n}"
            present.append(added)
            actions.append(("add", added))
        elif kind == 3 and present:
            removed = rnd.choice(present)
            present.remove(removed)
            actions.append(("remove", removed))
        if any(a[0] == "new" for a in actions):
            actions.append(("next", rnd.randrange(6)))
    actions.append(("new", target, rate))
    actions.append(("run",))
    return f"random {seed}", workers, classes(*user_classes), actions


def write(path, scenarios, skip_hangs):
    lines = ['{"locustVersion": "2.12.1", "scenarios": [']
    recorded = []
    for name, workers, user_classes, actions in scenarios:
        try:
            recorded.append(run_scenario(name, workers, user_classes, actions))
        except Hang:
            signal.alarm(0)
            if not skip_hangs:
                raise RuntimeError(f"{name}: 2.12.1 hangs on a hand-written scenario")
            print(f"skipped (2.12.1 hangs): {name}", file=sys.stderr)
    for i, scenario in enumerate(recorded):
        events = scenario.pop("events")
        lines.append(json.dumps(scenario)[:-1] + ', "events": [')
        lines.append(",\n".join("  " + json.dumps(e) for e in events))
        lines.append("]}" + ("," if i < len(recorded) - 1 else ""))
    lines.append("]}")
    with open(path, "w") as out:
        out.write("\n".join(lines) + "\n")


def main():
    # Debian's python3-locust reports an empty __version__; the package version is 2.12.1.
    out_dir = sys.argv[1]
    write(os.path.join(out_dir, "scenarios.json"), SCENARIOS, skip_hangs=False)
    randoms = [random_scenario(seed) for seed in range(100)]
    write(os.path.join(out_dir, "random-scenarios.json"), randoms, skip_hangs=True)


if __name__ == "__main__":
    main()
