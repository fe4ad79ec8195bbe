"""A local static host for the tests: the site under its path, GitHub Pages' 404."""

import contextlib
import http.server
import io
import time
from pathlib import Path

from trustsite_tools.serve_static import serving

# The header in which serve() says when it answered, on the tests' own clock (time.monotonic()).
ANSWERED_AT = "X-Answered-At"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@contextlib.contextmanager
def serve(folder: Path, prefix: str = "/", headers: dict[str, str] | None = None, port: int = 0,
          delay: float = 0):
    """Serve `folder` at http://127.0.0.1:<port><prefix>, as a static host would.

    Anything outside `prefix` is a 404 answered with the site's own 404.html,
    which is what GitHub Pages does for a project site. `headers` are added to
    every response. `port` 0 takes any free port; give the port of a server
    that has stopped to serve again at its address. `delay` seconds late, each
    answer is a slow network's. Each answer carries ANSWERED_AT, so that a test
    can tell this server's answer from a copy saved earlier.
    """
    class Handler(_QuietHandler):
        def end_headers(self):
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header(ANSWERED_AT, repr(time.monotonic()))
            super().end_headers()

        def translate_path(self, path):
            if not path.startswith(prefix):
                return str(folder / "404.html")
            return super().translate_path("/" + path[len(prefix):])

        def send_head(self):
            time.sleep(delay)
            path = self.path.split("?")[0]
            if not path.startswith(prefix) or not Path(self.translate_path(path)).exists():
                body = (folder / "404.html").read_bytes()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                return io.BytesIO(body)
            return super().send_head()

    with serving(folder, Handler, port) as root:
        yield root + prefix.removeprefix("/")
