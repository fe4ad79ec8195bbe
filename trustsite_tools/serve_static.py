"""Serve a built site on 127.0.0.1 as a static host does: text goes out gzipped.

    python -m trustsite_tools.serve_static SITE_DIR PORT

GitHub Pages, like most static hosts, gzips HTML, CSS, JavaScript and JSON;
Python's own `http.server` sends them as they are, so a page-weight or
Lighthouse figure measured behind it counts bytes no reader downloads.
Standard library only, so it runs with any python3.
"""

import contextlib
import functools
import gzip
import http.server
import socket
import sys
import threading
from pathlib import Path

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml",
                "application/xml", "application/manifest+json")


def compressed(body: bytes, kind: str) -> bytes | None:
    """`body` gzipped as a static host sends it, or None for a kind sent as it is."""
    return gzip.compress(body, 9, mtime=0) if kind.startswith(COMPRESSIBLE) else None


class StaticHostHandler(http.server.SimpleHTTPRequestHandler):
    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        kind = self.guess_type(str(path))
        body = path.is_file() and compressed(path.read_bytes(), kind)
        if not body or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().do_GET()  # redirects, not-found pages and binary files
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass


class _LocalHost(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A browser that moves on drops the connection mid-answer: no fault of the site's.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serving(folder: Path, handler: type[http.server.BaseHTTPRequestHandler] = StaticHostHandler, port: int = 0):
    """`folder` served by `handler` on 127.0.0.1 (any free port for 0), in a thread; yields its address."""
    server = _LocalHost(("127.0.0.1", port), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def hanging(port: int):
    """A network that takes every connection on `port` and never answers ("lie-fi")."""
    listener = socket.create_server(("127.0.0.1", port))
    listener.settimeout(0.1)
    held, stop = [], threading.Event()

    def take():
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                held.append(listener.accept()[0])

    thread = threading.Thread(target=take, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()
        for connection in held + [listener]:
            connection.close()


def page_paths(site: Path, pattern: str = "*.html") -> list[str]:
    """Where each page of `site` whose file name matches `pattern` is served, from
    the root ("" for the home page, "conclusion/"); the not-found page left out."""
    return sorted(html.relative_to(site).as_posix().removesuffix("index.html")
                  for html in site.rglob(pattern) if html.name != "404.html")


def main() -> None:
    folder, port = sys.argv[1], int(sys.argv[2])
    handler = functools.partial(StaticHostHandler, directory=folder)
    http.server.ThreadingHTTPServer(("127.0.0.1", port), handler).serve_forever()


if __name__ == "__main__":
    main()
