"""`PostgresAuthoriser`: head office's holds, asked over the till's own login within seconds.

A cashier waits on this call with a member at the counter, so it is bounded twice: libpq's
connect timeout and head office's statement timeout, and a timer that cuts the socket when
head office (or a line that swallows bytes) never answers. An unanswered hold is not an
error: the sale goes on under the floor limit. After one, the till does not ask again for a
short while, so a dead line costs one wait, not one per sale.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import Engine, create_engine, event, exc, text
from sqlalchemy.engine import URL

from frontdesk.domain.authorisation import HoldAnswer, HoldOutcome, HoldRequest
from frontdesk.domain.money import Fen

TIMEOUT_SETTING = "hold_timeout_seconds"  # till setting: how long a cashier waits at most
DEFAULT_TIMEOUT = 3.0
HOLD_TTL_SECONDS = 900  # a hold nobody posts or voids stops counting after 15 minutes
QUIET_AFTER_FAILURE = 30.0  # seconds without asking after head office did not answer


def timeout_from(settings: Mapping[str, str | None]) -> float:
    try:
        value = float(settings.get(TIMEOUT_SETTING) or "")
    except ValueError:
        return DEFAULT_TIMEOUT
    return value if 0.2 <= value <= 30 else DEFAULT_TIMEOUT


class PostgresAuthoriser:
    """The `Authoriser` over head office's `fd_hold` / `fd_void_hold`; thread-safe, one pool."""

    def __init__(
        self,
        url: Callable[[], URL],
        timeout: float = DEFAULT_TIMEOUT,
        monotonic: Callable[[], float] = time.monotonic,
        push: Callable[[], bool] | None = None,
    ) -> None:
        self._url = url  # read when first needed: a till that sells no stored value never asks
        self.timeout = timeout
        self._push = push  # the till's own ledger push (a sync without the pull), if it has one
        self._monotonic = monotonic
        self._engine: Engine | None = None
        self._connections: list[Any] = []  # every connection the pool opened and not closed
        self._quiet_until = 0.0
        self._lock = threading.Lock()

    def _engine_now(self) -> Engine:
        with self._lock:
            if self._engine is None:
                from frontdesk.sync.hq_engine import hq_url

                ms = max(100, round(self.timeout * 1000))
                self._engine = create_engine(
                    hq_url(self._url()),
                    pool_size=1,
                    max_overflow=2,
                    pool_pre_ping=True,  # a connection head office dropped is replaced, not used
                    connect_args={
                        "connect_timeout": max(2, round(self.timeout)),  # libpq's floor is 2 s
                        "options": f"-c statement_timeout={ms}",
                    },
                )
                event.listen(self._engine, "connect", self._opened)
            return self._engine

    def _opened(self, dbapi_connection: Any, _record: Any) -> None:
        with self._lock:
            self._connections = [c for c in self._connections if not c.closed]
            self._connections.append(dbapi_connection)

    def _cut(self) -> None:
        """The timeout passed: every socket of this pool is shut (the pre-ping's too)."""
        from frontdesk.sync.sync_deadline import _shut_down

        with self._lock:
            for c in self._connections:
                _shut_down(c)

    def _call(self, query: str, params: dict[str, Any]) -> Any:
        """One statement in its own transaction, given up at the timeout whatever the line does.

        It runs on a thread of its own: the cashier waits `timeout` at most, even when the pool
        must reconnect over a line that swallows bytes (libpq's connect alone may take 2 s).
        At the timeout the pool's sockets are shut, so the abandoned call ends soon after.
        """
        engine = self._engine_now()
        done = threading.Event()
        result: list[Any] = []
        failure: list[BaseException] = []

        def run() -> None:
            try:
                # One statement, its own transaction on the server: autocommit saves the BEGIN
                # and COMMIT round trips a cashier would otherwise wait on.
                with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                    result.append(conn.execute(text(query), params).scalar_one())
            except BaseException as e:  # handed to the waiting caller
                failure.append(e)
            finally:
                done.set()

        threading.Thread(target=run, name="frontdesk-hold", daemon=True).start()
        if not done.wait(self.timeout):
            self._cut()
            raise TimeoutError(f"head office did not answer within {self.timeout:g} s")
        if failure:
            raise failure[0]
        return result[0]

    def hold(self, request: HoldRequest) -> HoldOutcome:
        if self._monotonic() < self._quiet_until:
            return HoldOutcome(HoldAnswer.UNREACHABLE, detail="head office did not answer lately")
        started = self._monotonic()
        try:
            found = self._call(
                "SELECT fd_hold(:t, :m, :a, :k, :u, :ttl)",
                {
                    "t": request.txn_id,
                    "m": request.member_id,
                    "a": request.amount.value,
                    "k": request.acked_seq,
                    "u": request.unsent.value,
                    "ttl": HOLD_TTL_SECONDS,
                },
            )
        except (exc.DBAPIError, OSError, ValueError) as e:  # TimeoutError is an OSError
            # Unreachable, too slow, or a head office without holds yet (not migrated): in every
            # case the till cannot know the balance there now, and the floor limit is the rule.
            self._quiet_until = self._monotonic() + QUIET_AFTER_FAILURE
            first = str(e).splitlines()[0] if str(e) else type(e).__name__
            waited = self._monotonic() - started
            return HoldOutcome(HoldAnswer.UNREACHABLE, detail=f"{first} ({waited:.1f} s)")
        answer = HoldAnswer.APPROVED if found.get("state") == "approved" else HoldAnswer.REFUSED
        return HoldOutcome(answer, Fen(int(found.get("available") or 0)))

    def void(self, txn_id: str) -> None:
        if self._monotonic() < self._quiet_until:
            return  # the hold expires by itself; no second wait on a dead line
        try:
            self._call("SELECT fd_void_hold(:t)", {"t": txn_id})
        except (exc.DBAPIError, OSError):
            self._quiet_until = self._monotonic() + QUIET_AFTER_FAILURE

    def push_ledger(self) -> bool:
        if self._push is None or self._monotonic() < self._quiet_until:
            return False
        return self._push()

    def dispose(self) -> None:
        with self._lock:
            if self._engine is not None:
                self._engine.dispose()
                self._engine = None
