"""The database worker: results come back on the GUI thread, newer jobs on a channel
supersede older ones, and nothing runs after shut-down."""

from __future__ import annotations

import logging
import threading
import time

from gasdesk.ui.worker import DbWorker


def test_results_arrive_on_the_gui_thread_and_newer_jobs_win(qtbot) -> None:  # type: ignore[no-untyped-def]
    worker = DbWorker()
    try:
        seen: list[tuple[str, bool]] = []
        gui = threading.get_ident()

        def slow(text: str) -> str:
            time.sleep(0.05)
            return text

        worker.submit(
            slow,
            "old",
            on_done=lambda v: seen.append((v, threading.get_ident() == gui)),
            channel="s",
        )
        worker.submit(
            slow,
            "new",
            on_done=lambda v: seen.append((v, threading.get_ident() == gui)),
            channel="s",
        )
        qtbot.waitUntil(lambda: worker.pending == 0)
        assert seen == [("new", True)]
    finally:
        worker.shutdown()


def test_errors_go_to_on_error(qtbot) -> None:  # type: ignore[no-untyped-def]
    worker = DbWorker()
    try:
        errors: list[BaseException] = []
        worker.submit(lambda: 1 / 0, on_error=errors.append)
        qtbot.waitUntil(lambda: bool(errors))
        assert isinstance(errors[0], ZeroDivisionError)
    finally:
        worker.shutdown()


def test_a_late_job_after_shutdown_runs_nothing(qtbot) -> None:  # type: ignore[no-untyped-def]
    worker = DbWorker()
    worker.shutdown()
    ran: list[int] = []
    assert worker.submit(lambda: ran.append(1), on_done=ran.append) == 0
    qtbot.wait(50)
    assert ran == [] and worker.pending == 0
    worker.shutdown()  # twice is harmless


def test_results_of_jobs_submitted_before_a_log_out_are_not_delivered(qtbot) -> None:  # type: ignore[no-untyped-def]
    worker = DbWorker()
    try:
        ran: list[str] = []
        seen: list[str] = []

        def job(text: str) -> str:
            time.sleep(0.02)
            ran.append(text)
            return text

        worker.submit(job, "before", on_done=seen.append)
        worker.submit(job, "before, on a channel", on_done=seen.append, channel="c")
        worker.forget_submitted()
        worker.submit(job, "after", on_done=seen.append)
        qtbot.waitUntil(lambda: worker.pending == 0)
        assert ran == ["before", "before, on a channel", "after"]  # every job still runs
        assert seen == ["after"]
    finally:
        worker.shutdown()


def test_a_failed_job_without_an_error_handler_is_logged(qtbot, caplog) -> None:  # type: ignore[no-untyped-def]
    worker = DbWorker()
    try:

        def tally() -> float:
            return 1 / 0

        with caplog.at_level(logging.ERROR, logger="gasdesk.ui.worker"):
            worker.submit(tally)
            qtbot.waitUntil(lambda: worker.pending == 0)
        (record,) = caplog.records
        assert "tally" in record.getMessage()
        assert record.exc_info is not None and isinstance(record.exc_info[1], ZeroDivisionError)
        assert "return 1 / 0" in caplog.text  # the traceback, down to the failing line
    finally:
        worker.shutdown()


class Stop(BaseException):
    """Stands for KeyboardInterrupt or SystemExit raised inside a job."""


def test_a_base_exception_is_not_swallowed(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A BaseException that is no Exception is no failure for on_error nor for the
    teller: it comes out on the GUI thread, as if raised there."""
    worker = DbWorker()
    try:
        handled: list[BaseException] = []

        def stop() -> None:
            raise Stop

        with qtbot.capture_exceptions() as raised:
            worker.submit(stop, on_error=handled.append)
            worker.submit(stop)
            qtbot.waitUntil(lambda: worker.pending == 0)
        assert handled == []
        assert [kind for kind, _value, _tb in raised] == [Stop, Stop]
    finally:
        worker.shutdown()
