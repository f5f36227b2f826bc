"""One background thread for all database work, results posted back to the GUI thread.

`submit(fn, *args, on_done=..., on_error=..., channel="search")`: when a newer job is
submitted on the same channel, the older job's result is dropped, so a newer
keystroke supersedes an older query. `forget_submitted()` (at log-out) drops the
results of every job submitted so far: the jobs still run (a payment being recorded
is recorded), but nothing calls back into the windows being released.
"""

from __future__ import annotations

import itertools
import traceback
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot


class DbWorker(QObject):
    _finished = Signal(object)  # (job_id, channel, ok, value, on_done, on_error)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="gasdesk-db")
        self._ids = itertools.count(1)
        self._latest: dict[str, int] = {}
        self._forgotten_below = 0  # results of jobs with a smaller id are not delivered
        self._pending = 0
        self._closed = False
        self._finished.connect(self._deliver)

    @property
    def pending(self) -> int:
        return self._pending

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        channel: str | None = None,
        **kwargs: Any,
    ) -> int:
        """Queue `fn` on the database thread; returns the job id, or 0 when the worker
        has already shut down (a late timer after log-out): then nothing runs."""
        if self._closed:
            return 0
        job_id = next(self._ids)
        if channel:
            self._latest[channel] = job_id
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)

        def run() -> None:
            try:
                value = fn(*args, **kwargs)
                ok = True
            except BaseException as exc:  # delivered to on_error on the GUI thread
                value, ok = exc, False
            self._finished.emit((job_id, channel, ok, value, on_done, on_error))

        fut: Future[None] = self._pool.submit(run)
        del fut
        return job_id

    @Slot(object)
    def _deliver(self, packet: tuple[Any, ...]) -> None:
        job_id, channel, ok, value, on_done, on_error = packet
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)
        if job_id < self._forgotten_below:
            return  # submitted by a window that has been released since
        if channel and self._latest.get(channel) != job_id:
            return  # superseded by a newer job on the same channel
        if ok:
            if on_done:
                on_done(value)
        elif on_error:
            on_error(value)
        else:
            traceback.print_exception(value)

    def forget_submitted(self) -> None:
        """Deliver no result of a job submitted before now (their callbacks belong to
        a window that is going away); later jobs are delivered as usual."""
        self._forgotten_below = next(self._ids)
        self._latest.clear()

    def run_sync(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run on the worker thread and wait (for start-up and shutdown paths only)."""
        return self._pool.submit(fn, *args, **kwargs).result()

    def shutdown(self) -> None:
        """Finish queued work, close the worker thread's connection, stop the thread."""
        from gasdesk.services.lifecycle import close_thread_connection

        if self._closed:
            return
        self._closed = True
        self._pool.submit(close_thread_connection)
        self._pool.shutdown(wait=True)
