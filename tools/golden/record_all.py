"""Re-records every golden vector of Locust 2.12.1 (Debian bookworm packages).

Usage, from the repository root:
  /usr/bin/python3 tools/golden/record_all.py protocol/src/test/resources/golden/2.12.1
Needs Debian's python3-locust 2.12.1, python3-msgpack 1.0.3 and python3-zmq; uses only
127.0.0.1 and ephemeral ports; every process it starts is ended by PID; runs about a minute.
"""

import os
import shutil
import subprocess
import sys

import msgpack

import record_master
import record_worker
import target_server

EXPECTED = {"python3-locust": "2.12.1", "python3-msgpack": "1.0.3"}


def package_versions():
    out = subprocess.run(["dpkg-query", "-W", "-f", "${Package} ${Version}\\n",
                          "python3-locust", "python3-msgpack", "python3-zmq"],
                         check=True, capture_output=True, text=True).stdout
    return dict(line.split(" ", 1) for line in out.splitlines())


def main(out_dir):
    versions = package_versions()
    for package, prefix in EXPECTED.items():
        if not versions.get(package, "").startswith(prefix):
            sys.exit("%s %s installed, %s expected" % (package, versions.get(package), prefix))
    if msgpack.version != (1, 0, 3):
        sys.exit("msgpack %s imported, 1.0.3 expected (use /usr/bin/python3)" % (msgpack.version,))
    if os.path.isdir(out_dir):
        shutil.rmtree(out_dir)
    record_worker.record(out_dir)
    target, url = target_server.start()
    try:
        record_master.record_headless(out_dir, url)
        record_master.record_web_ui(out_dir, url)
    finally:
        target.shutdown()
    print("recorded with " + ", ".join("%s %s" % kv for kv in sorted(versions.items())))


if __name__ == "__main__":
    main(os.path.abspath(sys.argv[1]))
