"""The local static host the tests and the bench read the site through."""

import socket
import struct
import time

from trustsite_tools.serve_static import serving


def test_a_reader_who_leaves_mid_answer_prints_nothing(tmp_path, capsys):
    # A browser that navigates on drops the connection; a traceback for it would bury a real failure.
    (tmp_path / "large.html").write_bytes(b"x" * 20_000_000)
    with serving(tmp_path) as address:
        port = int(address.rstrip("/").rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port)) as reader:
            reader.sendall(b"GET /large.html HTTP/1.1\r\nHost: localhost\r\n\r\n")
            assert reader.recv(12).startswith(b"HTTP/1.")
            # Closed with unread data and no lingering: the host's next write fails at once.
            reader.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        time.sleep(0.5)
    assert capsys.readouterr().err == ""
