import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from gasdesk.domain.outages import Area, address_in_area, building_number
from gasdesk.services.outages import (
    OutageRejected,
    PeakHoursConfirmationNeeded,
    cancel_outage,
    list_outages,
    outages_for_address,
    register_outage,
)
from gasdesk.storage.models_forms import Outage
from tests.forms_support import World, close, seed

NOW = dt.datetime(2026, 10, 12, 9, 0)
HOME = "文昌湖区商家镇文昌路锦绣苑3号楼2单元201"


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    yield seed(tmp_path)
    close()


@pytest.mark.parametrize(
    ("area", "affected"),
    [
        (Area("文昌路"), True),
        (Area("文昌路", "锦绣苑"), True),
        (Area("文昌路", "锦绣苑", 1, 5), True),
        (Area("文昌路", "锦绣苑", 3), True),
        (Area("文昌路", "锦绣苑", 4, 9), False),
        (Area("文昌路", "金泉小区"), False),
        (Area("新村路"), False),
        (Area("文昌 路"), True),
    ],
)
def test_address_in_area(area: Area, affected: bool) -> None:
    assert address_in_area(HOME, area) is affected


def test_building_numbers() -> None:
    assert building_number("锦绣苑12号楼") == 12
    assert building_number("金泉小区5栋") == 5
    assert building_number("金泉小区7#楼301") == 7
    assert building_number("文昌路88号") is None
    # an address without a building number is counted as affected
    assert address_in_area("文昌路锦绣苑", Area("文昌路", "锦绣苑", 4, 9))


def reg(world: World, start: dt.datetime, hours: int = 6, **kw: object):  # type: ignore[no-untyped-def]
    return register_outage(
        office_id=world.office_id,
        staff_id=world.teller_id,
        area=kw.pop("area", Area("文昌路", "锦绣苑", 1, 5)),  # type: ignore[arg-type]
        starts_at=start,
        restore_at=start + dt.timedelta(hours=hours),
        reason="管道维修",
        at=NOW,
        **kw,  # type: ignore[arg-type]
    )


def test_start_in_a_cooking_peak_needs_confirmation(world: World) -> None:
    with pytest.raises(PeakHoursConfirmationNeeded) as info:
        reg(world, dt.datetime(2026, 10, 13, 11, 30), hours=1)
    assert info.value.window.text == "11:00-13:00"
    assert Outage.select().count() == 0
    o = reg(world, dt.datetime(2026, 10, 13, 11, 30), hours=1, confirm_peak=True)
    assert o.in_peak
    # the peak's end is outside it
    assert not reg(world, dt.datetime(2026, 10, 13, 13, 0), hours=2).in_peak
    with pytest.raises(PeakHoursConfirmationNeeded):
        reg(world, dt.datetime(2026, 10, 13, 6, 30), hours=1)


@pytest.mark.parametrize(
    ("start", "hours", "peaks"),
    [
        ((10, 0), 4, ["11:00-13:00"]),  # starts before lunch, runs through it
        ((5, 0), 2, ["06:30-08:30"]),  # ends inside the breakfast peak
        ((8, 0), 10, ["06:30-08:30", "11:00-13:00", "17:00-19:30"]),
        ((22, 0), 9, ["06:30-08:30"]),  # overnight into the next morning's peak
        ((9, 0), 48, ["06:30-08:30", "11:00-13:00", "17:00-19:30"]),
        ((8, 30), 2, []),  # between breakfast and lunch
        ((13, 0), 4, []),  # ends as the evening peak begins
    ],
)
def test_any_overlap_with_a_peak_needs_confirmation(
    world: World, start: tuple[int, int], hours: int, peaks: list[str]
) -> None:
    begins = dt.datetime(2026, 10, 13, *start)
    if peaks:
        with pytest.raises(PeakHoursConfirmationNeeded) as info:
            reg(world, begins, hours=hours)
        assert [w.text for w in info.value.windows] == peaks
        assert Outage.select().count() == 0
        assert reg(world, begins, hours=hours, confirm_peak=True).in_peak
    else:
        assert not reg(world, begins, hours=hours).in_peak
    assert Outage.get().in_peak is bool(peaks)


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"area": Area("路")}, "street"),
        ({"area": Area("文昌路", "", 5, 2)}, "range"),
        ({"hours": 0}, "after the start"),
    ],
)
def test_bad_notices_are_refused(world: World, kw: dict[str, object], message: str) -> None:
    with pytest.raises(OutageRejected, match=message):
        reg(world, dt.datetime(2026, 10, 13, 9, 0), **kw)


def test_outages_for_address_in_force_and_upcoming(world: World) -> None:
    o = reg(world, dt.datetime(2026, 10, 13, 9, 0), confirm_peak=True)
    reg(
        world,
        dt.datetime(2026, 10, 13, 9, 0),
        area=Area("文昌路", "锦绣苑", 10, 12),
        confirm_peak=True,
    )
    reg(world, dt.datetime(2026, 10, 20, 9, 0), confirm_peak=True)  # beyond the banner horizon
    assert [x.id for x in outages_for_address(HOME, NOW)] == [o.id]
    assert [x.id for x in outages_for_address(HOME, dt.datetime(2026, 10, 13, 12, 0))] == [o.id]
    assert outages_for_address(HOME, dt.datetime(2026, 10, 13, 15, 0)) == []  # restored
    assert outages_for_address("王村镇金泉小区5号楼101", NOW) == []
    assert outages_for_address("", NOW) == []
    cancel_outage(o.id, staff_id=world.teller_id)
    assert outages_for_address(HOME, NOW) == []
    assert len(list_outages(NOW)) == 2
