"""A background job that fails where its screen gave no error handler: the teller sees
the message in Chinese over the main window, and the detail is logged."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests import english_scan

zh = english_scan.zh  # the fixture: the Chinese translators installed


def job_error_boxes(window) -> list[QMessageBox]:  # type: ignore[no-untyped-def]
    return [b for b in window.findChildren(QMessageBox, "jobError") if b.isVisible()]


def test_a_database_failure_without_a_handler_is_shown_and_logged(  # type: ignore[no-untyped-def]
    zh, main_window, qtbot, caplog
) -> None:
    from gasdesk.storage.models import db

    def count_refunds() -> int:  # a query the database refuses: no such table
        return int(db.execute_sql("SELECT count(*) FROM refund_register").fetchone()[0])

    with caplog.at_level(logging.ERROR, logger="gasdesk.ui.worker"):
        main_window.ctx.worker.submit(count_refunds)
        qtbot.waitUntil(lambda: bool(job_error_boxes(main_window)))
    (box,) = job_error_boxes(main_window)
    assert box.text() == "数据库拒绝了此次修改（no such table: refund_register），未记录任何内容。"
    assert box.informativeText() == "如果再次出现，请告知主管。"
    assert "count_refunds" in caplog.text and "no such table: refund_register" in caplog.text
    assert "Traceback" in caplog.text

    qtbot.keyClick(box, Qt.Key.Key_Return)  # Enter acknowledges it
    qtbot.waitUntil(lambda: not job_error_boxes(main_window))


def test_a_second_failure_replaces_the_message_in_the_one_box(  # type: ignore[no-untyped-def]
    zh, main_window, qtbot
) -> None:
    def tally() -> float:
        return 1 / 0

    main_window.ctx.worker.submit(tally)
    qtbot.waitUntil(lambda: bool(job_error_boxes(main_window)))
    main_window.ctx.worker.submit(lambda: {}["office"])
    qtbot.waitUntil(lambda: "KeyError" in job_error_boxes(main_window)[0].text())
    (box,) = job_error_boxes(main_window)
    assert box.text() == "意外错误：KeyError: 'office'"
    box.accept()
