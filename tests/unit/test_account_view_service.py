"""The account view and a reading reported at the counter, against a real database."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from gasdesk.domain.outages import Area
from gasdesk.domain.readings import Flag, ImplausibleReading, ReadingProblem, ReadingRefused
from gasdesk.services.account_view import load_account_view, planned_outages_for_account
from gasdesk.services.outages import register_outage
from gasdesk.services.reported_readings import report_reading
from gasdesk.storage.models import AuditEvent, Reading
from tests.lookup_data import TODAY, LookupData, lookup_db

__all__ = ["lookup_db"]


def test_view_holds_account_meter_and_dates(lookup_db: LookupData) -> None:
    view = load_account_view(lookup_db.history_account)
    assert view is not None
    assert view.account.name == "张三"
    assert view.office_name == "王村营业室"
    assert view.meter is not None and view.meter.number == lookup_db.new_meter
    assert [m.number for m in view.old_meters] == [lookup_db.old_meter]
    assert view.last_inspection == dt.date(2025, 6, 3)
    assert load_account_view(999_999) is None


def test_arrears_count_only_bills_without_a_standing_payment(lookup_db: LookupData) -> None:
    view = load_account_view(lookup_db.history_account)
    assert view is not None
    # the first bill's payment was voided, then paid again by WeChat: settled by WC-2025-000043
    first, second = sorted(view.bills, key=lambda b: b.period_end)
    assert first.settled and first.receipt_code == "WC-2025-000043"
    assert not second.settled
    assert (view.arrears_fen, view.unpaid_bills) == (6_300, 1)


def test_payments_show_voids_and_what_they_cancel(lookup_db: LookupData) -> None:
    view = load_account_view(lookup_db.history_account)
    assert view is not None
    by_code = {p.receipt_code: p for p in view.payments}
    assert by_code["WC-2025-000041"].voided
    assert by_code["WC-2025-000042"].kind == "void"
    assert by_code["WC-2025-000042"].voids_receipt == "WC-2025-000041"
    assert not by_code["WC-2025-000043"].voided
    assert sum(p.amount_fen for p in view.payments) == 5_700


def test_only_open_forms_are_listed(lookup_db: LookupData) -> None:
    view = load_account_view(lookup_db.history_account)
    assert view is not None
    assert [f.number for f in view.open_forms] == ["F2026-0001"]


def test_no_outage_banner_without_a_registered_outage(lookup_db: LookupData) -> None:
    view = load_account_view(lookup_db.history_account)
    assert view is not None and view.outages == ()
    assert planned_outages_for_account("王村镇金泉小区3号楼2单元501") == []


def test_a_registered_outage_reaches_the_view(lookup_db: LookupData) -> None:
    at = dt.datetime(2026, 3, 20, 10, 0)
    register_outage(
        office_id=lookup_db.office_id,
        staff_id=lookup_db.staff_id,
        area=Area("王村镇", "金泉小区", 1, 5),
        starts_at=dt.datetime(2026, 3, 21, 14, 0),
        restore_at=dt.datetime(2026, 3, 21, 17, 0),
        reason="管道改造",
        at=at,
    )
    view = load_account_view(lookup_db.history_account, at)  # 金泉小区3号楼
    assert view is not None
    assert [(o.reason, o.starts_at.hour) for o in view.outages] == [("管道改造", 14)]
    other = load_account_view(lookup_db.accounts["查良镛"], at)  # 金泉小区8号楼: outside
    assert other is not None and other.outages == ()


def test_prepared_history_carries_every_flag(lookup_db: LookupData) -> None:
    view = load_account_view(lookup_db.history_account)
    assert view is not None
    flags = {r.read_on: r.flags for r in view.readings}
    assert Flag.HIGH_VS_LAST_YEAR in flags[dt.date(2025, 1, 15)]
    assert Flag.ESTIMATED_RUN not in flags[dt.date(2025, 5, 15)]
    assert Flag.ESTIMATED_RUN in flags[dt.date(2025, 6, 15)]
    assert Flag.ESTIMATED_RUN in flags[dt.date(2025, 7, 15)]
    assert Flag.LOWER_THAN_PREVIOUS in flags[dt.date(2025, 9, 15)]
    assert Flag.METER_CHANGE in flags[dt.date(2025, 11, 15)]
    assert not flags[dt.date(2024, 6, 15)]
    usage = view.usage(2025)
    assert usage[0] == 60_000 and usage[10] == 7_000


def test_counter_reading_is_recorded_with_its_source_and_audited(lookup_db: LookupData) -> None:
    recorded = report_reading(
        lookup_db.history_account,
        "82.5",
        staff_id=lookup_db.staff_id,
        office_id=lookup_db.office_id,
        today=TODAY,
    )
    assert (recorded.value_l, recorded.volume_l, recorded.implausible) == (82_500, 18_500, False)
    row = Reading.get_by_id(recorded.id)
    assert (row.source, row.meter.number, row.read_on) == ("counter", lookup_db.new_meter, TODAY)
    event = AuditEvent.select().order_by(AuditEvent.seq.desc()).first()
    assert event.kind == "reading_reported"
    assert json.loads(event.payload_json)["value_l"] == 82_500


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("63.999", ReadingProblem.BELOW_PREVIOUS),  # the new meter read 64.000 on 2026-02-15
        ("abc", ReadingProblem.NOT_A_NUMBER),
        ("66.1234", ReadingProblem.TOO_MANY_DECIMALS),
        ("", ReadingProblem.EMPTY),
    ],
)
def test_bad_counter_readings_are_refused_and_change_nothing(
    lookup_db: LookupData, text: str, problem: ReadingProblem
) -> None:
    before = (Reading.select().count(), AuditEvent.select().count())
    with pytest.raises(ReadingRefused) as caught:
        report_reading(
            lookup_db.history_account,
            text,
            staff_id=lookup_db.staff_id,
            office_id=lookup_db.office_id,
            today=TODAY,
        )
    assert caught.value.problem is problem
    assert (Reading.select().count(), AuditEvent.select().count()) == before


def test_below_the_old_meter_is_fine_after_a_meter_change(lookup_db: LookupData) -> None:
    # The old meter ended above 1 000 m³; the new one is compared with its own readings.
    recorded = report_reading(
        lookup_db.history_account,
        "64.2",
        staff_id=lookup_db.staff_id,
        office_id=lookup_db.office_id,
        today=TODAY,
    )
    assert recorded.volume_l == 200


def test_an_implausible_jump_needs_the_tellers_confirmation(lookup_db: LookupData) -> None:
    before = Reading.select().count()
    with pytest.raises(ImplausibleReading) as caught:
        report_reading(
            lookup_db.history_account,
            "564",
            staff_id=lookup_db.staff_id,
            office_id=lookup_db.office_id,
            today=TODAY,
        )
    assert caught.value.check.volume_l == 500_000
    assert Reading.select().count() == before
    recorded = report_reading(
        lookup_db.history_account,
        "564",
        staff_id=lookup_db.staff_id,
        office_id=lookup_db.office_id,
        today=TODAY,
        accept_implausible=True,
    )
    assert recorded.implausible
    assert Reading.select().count() == before + 1
