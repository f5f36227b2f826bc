import datetime as dt

import pytest

from gasdesk.domain.hours import HallState, hall_state, parse_hours

HOURS = parse_hours("08:30-12:00,13:30-17:00")


@pytest.mark.parametrize(
    ("clock", "state"),
    [
        ("08:29", HallState.BEFORE_OPENING),
        ("08:30", HallState.OPEN),
        ("11:59", HallState.OPEN),
        ("12:00", HallState.LUNCH),
        ("13:29", HallState.LUNCH),
        ("13:30", HallState.OPEN),
        ("16:59", HallState.OPEN),
        ("17:00", HallState.CLOSED),
        ("23:00", HallState.CLOSED),
    ],
)
def test_hall_state_follows_the_service_code_hours(clock: str, state: HallState) -> None:
    assert hall_state(HOURS, dt.datetime.strptime(clock, "%H:%M").time()) is state


def test_single_digit_hours_and_fullwidth_comma() -> None:
    assert parse_hours("8:30-12:00，13:30-17:00") == HOURS


@pytest.mark.parametrize("bad", ["", "8:30", "12:00-08:30", "08:30-12:00,11:00-17:00", "aa-bb"])
def test_malformed_hours_are_refused(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_hours(bad)
