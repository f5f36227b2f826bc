"""Small helpers the tests share."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from gasdesk.demo import DEMO_PASSWORD, DEMO_STAFF


def teller_login(badge: str = DEMO_STAFF[0][0], counter_number: int = 1):  # type: ignore[no-untyped-def]
    from gasdesk.services import auth, offices

    office_code = next(s[3] for s in DEMO_STAFF if s[0] == badge)
    counter = offices.find_counter(office_code, counter_number)
    assert counter is not None
    return auth.login(badge, DEMO_PASSWORD, counter.id)


def wait_idle(qtbot, worker, timeout: int = 5000) -> None:  # type: ignore[no-untyped-def]
    """Wait until the database worker has delivered every result."""
    qtbot.waitUntil(lambda: worker.pending == 0, timeout=timeout)


def type_text(qtbot: Any, widget: Any, text: str) -> None:
    """Type as at the counter: ASCII as key presses, Chinese as the input method commits it
    (QTest cannot press keys for characters outside ASCII)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    for ascii_, chars in groupby(text, key=str.isascii):
        chunk = "".join(chars)
        if ascii_:
            qtbot.keyClicks(widget, chunk)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(chunk)
            QApplication.sendEvent(widget, event)
