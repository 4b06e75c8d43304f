"""A tiny loopback HTTP target with endpoints of known delay and status (for recording only)."""

import itertools
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# path -> (delay in seconds, HTTP status); /varied cycles through VARIED_DELAYS_SECONDS so one
# request name gets int and float bucket keys in the same response_times map. Delays are chosen so Locust 2.12.1 produces
# response-time buckets < 100 ms (int keys) and >= 100 ms / >= 1000 ms (float keys).
ROUTES = {
    "/fast": (0.002, 200),
    "/medium": (0.03, 200),
    "/slow150": (0.15, 200),
    "/slow1100": (1.1, 200),
    "/\u00fcn\u00efcode": (0.005, 200),
    "/varied": (None, 200),
    "/missing": (0.0, 404),
    "/broken": (0.0, 500),
}

VARIED_DELAYS_SECONDS = (0.004, 0.012, 0.16, 0.004, 1.3)
_varied_calls = itertools.count()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        delay_seconds, status = ROUTES.get(path, (0.0, 200))
        if delay_seconds is None:
            delay_seconds = VARIED_DELAYS_SECONDS[next(_varied_calls) % len(VARIED_DELAYS_SECONDS)]
        time.sleep(delay_seconds)
        body = ("%s %d\n" % (path, status)).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, fmt, *args):
        pass


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # clients cut off at shutdown are expected


def start():
    """Starts the target on 127.0.0.1 with an ephemeral port; returns (server, base_url)."""
    server = _QuietServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, "http://127.0.0.1:%d" % server.server_address[1]
