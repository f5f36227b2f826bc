"""Small helpers the tests share."""

from __future__ import annotations

import datetime as dt
from itertools import groupby
from typing import Any

from gasdesk.demo import DEMO_PASSWORD, DEMO_STAFF


def teller_login(badge: str = DEMO_STAFF[0][0], counter_number: int = 1):  # type: ignore[no-untyped-def]
    from gasdesk.services import auth, offices

    office_code = next(s[3] for s in DEMO_STAFF if s[0] == badge)
    counter = offices.find_counter(office_code, counter_number)
    assert counter is not None
    return auth.login(badge, DEMO_PASSWORD, counter.id)


def counter_session(staff_id: int, counter_id: int, started_at: dt.datetime):  # type: ignore[no-untyped-def]
    """The LoginSession of a member of staff at a counter, without a password check."""
    from gasdesk.domain.records import LoginSession
    from gasdesk.services.auth import staff_info
    from gasdesk.services.offices import counter_info, office_info
    from gasdesk.storage.models import Counter, Staff

    counter = Counter.get_by_id(counter_id)
    return LoginSession(
        staff=staff_info(Staff.get_by_id(staff_id)),
        office=office_info(counter.office),
        counter=counter_info(counter),
        started_at=started_at,
    )


def create_office(code: str):  # type: ignore[no-untyped-def]
    """The office row of `code` as resources/offices.toml describes it."""
    from gasdesk.resources import load_toml
    from gasdesk.storage.models import Office

    office = next(o for o in load_toml("offices.toml")["office"] if o["code"] == code)
    return Office.create(**{k: office[k] for k in ("code", "name", "address", "phone", "hours")})


def wait_idle(qtbot, worker, timeout: int = 5000) -> None:  # type: ignore[no-untyped-def]
    """Wait until the database worker has delivered every result."""
    qtbot.waitUntil(lambda: worker.pending == 0, timeout=timeout)


def settle(qtbot, worker) -> None:  # type: ignore[no-untyped-def]
    """Let what is in flight land, and what it submits in turn (three rounds)."""
    for _ in range(3):
        wait_idle(qtbot, worker)
        qtbot.wait(20)


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


# -- shifts: every payment and void belongs to the teller's open shift ------------------

TEST_FLOAT = {10000: 2, 1000: 5, 100: 10, 10: 10, 1: 10}  # ¥261.10 in the drawer


def open_test_shift(staff_id: int, counter_id: int, day: dt.date | None = None):  # type: ignore[no-untyped-def]
    """Open the teller's shift through the real service, with TEST_FLOAT counted."""
    from gasdesk.services import shifts

    return shifts.open_shift(staff_id, counter_id, TEST_FLOAT, business_date=day or dt.date.today())


def count_out(fen: int) -> dict[int, int]:
    """`fen` as the fewest notes and coins (every value down to 1 fen is counted)."""
    from gasdesk.domain.cash import DENOMINATIONS_FEN

    pieces = {}
    for value in DENOMINATIONS_FEN:
        pieces[value], fen = divmod(fen, value)
    return pieces


def close_test_shift(shift_id: int, staff_id: int) -> None:
    """Count the drawer to exactly what it should hold, declare the terminals' totals,
    and close the shift: all through the real services."""
    from gasdesk.services import drawer, reconcile, shift_close

    expected = drawer.expected_totals(shift_id)
    declared = {m: v for m, v in expected.items() if m != "cash"}
    reconcile.record_blind_count(shift_id, staff_id, count_out(expected["cash"]), declared)
    shift_close.close_shift(shift_id, staff_id)


def move_test_shift(staff_id: int, counter_id: int, day: dt.date):  # type: ignore[no-untyped-def]
    """Close the teller's open shift, if any (counted exactly), and open one at
    `counter_id` on `day`: the teller moves to another counter or another day."""
    from gasdesk.storage.models import Shift

    current = Shift.get_or_none((Shift.staff == staff_id) & Shift.closed_at.is_null())
    if current is not None:
        close_test_shift(current.id, staff_id)
    return open_test_shift(staff_id, counter_id, day)


def heard(ctx: Any, kind: Any = None) -> list[Any]:
    """The counter events of `kind` (every event when None) published on `ctx` from now
    on, in order, as a listener hears them."""
    from gasdesk.domain.events import CounterEvent

    seen: list[Any] = []
    ctx.events.subscribe(kind or CounterEvent, seen.append)
    return seen


def write_setting_text(store, key: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """Put `text` as it stands into the settings file (as someone editing it by hand),
    whether or not it is a valid value of the setting."""
    from gasdesk import settings_ini

    settings_ini.write_file(store.path, {**settings_ini.read_file(store.path), key: text})
