"""A loopback proxy to head office's PostgreSQL that goes silent after some bytes, or is slow.

After `limit` bytes (both directions together) it forwards nothing more and keeps every
connection open: the till's kernel sees its bytes acknowledged, PostgreSQL never sees the rest of
the query, and only the till's own deadline can end the wait. A hang-up on one side still reaches
the other, as through any proxy. With `delay` every answer from PostgreSQL waits that long
before it is passed on: a head office on a slow line, that answers all the same.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

SILENT_AFTER = 20_000  # bytes: past the start-up and the cursors, inside a ~100 kB ledger push


class SilentProxy:
    """127.0.0.1:port → PostgreSQL; after `limit` bytes (both ways together) it forwards none."""

    def __init__(
        self, upstream: tuple[str, int], limit: int | None = None, delay: float = 0.0
    ) -> None:
        self.upstream = upstream
        self.limit = limit
        self.delay = delay  # seconds each chunk from PostgreSQL waits before it goes on
        self.forwarded = 0
        self.silenced = threading.Event()
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._threads = [threading.Thread(target=self._accept, daemon=True)]
        self._threads[0].start()

    def heal(self) -> None:
        """From now on every byte goes through (to new connections: old ones lost bytes)."""
        with self._lock:
            self.limit = None

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return  # closed: the test is over
            server = socket.create_connection(self.upstream)
            with self._lock:
                self._sockets += [client, server]
            for a, b, wait in ((client, server, 0.0), (server, client, self.delay)):
                t = threading.Thread(target=self._pump, args=(a, b, wait), daemon=True)
                t.start()
                self._threads.append(t)

    def _pass(self, n: int) -> bool:
        with self._lock:
            if self.limit is None:
                return True
            if self.silenced.is_set() or self.forwarded + n > self.limit:
                # Once silent, silent for good: a later, smaller chunk slipping through would be
                # a stream with a hole in it, which no network makes.
                self.silenced.set()
                return False
            self.forwarded += n
            return True

    def _pump(self, src: socket.socket, dst: socket.socket, wait: float) -> None:
        try:
            while data := src.recv(65536):
                if wait:
                    time.sleep(wait)
                if self._pass(len(data)):
                    dst.sendall(data)
        except OSError:
            pass
        # One side hung up: the other hears it, as through any proxy. A shutdown, not only a
        # close: the other pump still blocked in recv keeps a closed socket from sending its FIN.
        for s in (src, dst):
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
            s.close()

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._listener.shutdown(socket.SHUT_RDWR)  # wakes the accept (a close alone does not)
        self._listener.close()
        with self._lock:
            for s in self._sockets:
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                s.close()
        for t in self._threads:
            t.join(timeout=5)


@pytest.fixture
def proxy(hq_admin: Engine) -> Iterator[SilentProxy]:
    url = hq_admin.url
    p = SilentProxy((url.host or "127.0.0.1", url.port or 5432), limit=SILENT_AFTER)
    yield p
    p.close()
