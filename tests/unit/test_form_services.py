"""Submitting forms and moving them through their lifecycle, against a real SQLite file."""

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from gasdesk.domain.form_spec import FormSpec, Status
from gasdesk.services import appointments, complaints, return_visits
from gasdesk.services.effects.catalog import load_forms
from gasdesk.services.form_completion import advance_form
from gasdesk.services.form_copies import printable_form, record_print
from gasdesk.services.forms import (
    FormActionError,
    FormRejected,
    form_history,
    list_forms,
    submit_form,
)
from gasdesk.storage.models import Account, AuditEvent, FormEvent, FormRecord
from gasdesk.storage.models_forms import Appointment, Complaint, FormCounter
from tests.forms_support import World, close, seed

EVE = dt.datetime(2026, 9, 30, 10, 15)


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    yield seed(tmp_path)
    close()


def spec(kind: str) -> FormSpec:
    s = load_forms().get(kind)
    assert s is not None
    return s


COMPLAINT = {
    "name": "王建国",
    "phone": "13905331234",
    "about": "服务态度",
    "staff_named": "王芳",
    "content": "营业员态度生硬，不解释收费。",
}


def submit(
    world: World, kind: str, values: dict[str, str], at: dt.datetime = EVE, staff: int | None = None
):  # type: ignore[no-untyped-def]
    return submit_form(
        spec(kind), values, staff_id=staff or world.teller_id, office_id=world.office_id, at=at
    )


def test_invalid_form_saves_nothing_and_names_every_bad_field(world: World) -> None:
    with pytest.raises(FormRejected) as info:
        submit(
            world,
            "open_account",
            {
                "name": "王",
                "id_card": "110105194912310021",
                "phone": "12345",
                "address": "",
                "user_type": "居民用户",
            },
        )
    assert set(info.value.errors) == {"name", "id_card", "phone", "address"}
    assert info.value.errors["id_card"].code == "idcard_check_digit"
    assert FormRecord.select().count() == 0 and FormCounter.select().count() == 0
    assert AuditEvent.select().count() == 0


def test_unknown_account_is_refused_beside_the_field(world: World) -> None:
    with pytest.raises(FormRejected) as info:
        submit(
            world,
            "supply_change",
            {
                "account": "999999",
                "name": "王建国",
                "phone": "13905331234",
                "action": "停气",
                "reason": "长期外出",
                "date": "2026-10-08",
            },
        )
    assert info.value.errors["account"].code == "account_unknown"
    assert FormRecord.select().count() == 0


TRANSFER = {
    "account": "100001",
    "old_name": "王建国",
    "address": "文昌湖区商家镇文昌路锦绣苑3号楼2单元201",
    "transfer_reading": "12.5",
    "new_name": "赵丽",  # the new holder: of course not the current one
    "new_id_card": "11010519491231002X",
    "new_phone": "0533-6886001",
    "reason": "房屋买卖",
}
METER_CHECK = {
    "account": "100001",
    "name": "王建国",
    "phone": "13800000000",  # a contact phone may differ from the account's
    "meter_number": "MS-0001",
    "reason": "表走得太快了",
}


def test_a_transfer_names_the_current_holder_and_address_of_its_account(world: World) -> None:
    with pytest.raises(FormRejected) as info:
        submit(
            world,
            "transfer",
            TRANSFER | {"old_name": "赵丽", "address": "文昌湖区商家镇文昌路锦绣苑12号楼1单元502"},
        )
    errors = info.value.errors
    assert set(errors) == {"old_name", "address"}
    assert errors["old_name"].code == "holder_mismatch"
    assert errors["old_name"].params == {"account": "100001", "expected": "王建国"}
    assert errors["address"].code == "address_mismatch"
    assert "锦绣苑3号楼2单元201" in errors["address"].message
    assert FormRecord.select().count() == 0 and FormCounter.select().count() == 0
    # blanks and full-width characters are no difference; the new holder may be anyone
    r = submit(
        world,
        "transfer",
        TRANSFER | {"old_name": "王 建国", "address": "文昌湖区商家镇文昌路锦绣苑３号楼 2单元201"},
    )
    assert r.form.account_number == "100001"


def test_a_meter_check_names_the_meter_in_service_of_its_account(world: World) -> None:
    from gasdesk.storage.models import Meter

    with pytest.raises(FormRejected) as info:
        submit(world, "meter_check", METER_CHECK | {"meter_number": "MS-0002"})
    assert info.value.errors["meter_number"].code == "meter_mismatch"
    assert info.value.errors["meter_number"].params["expected"] == "MS-0001"
    with pytest.raises(FormRejected) as info:
        submit(world, "meter_check", METER_CHECK | {"name": "赵丽"})
    assert set(info.value.errors) == {"name"}
    assert FormRecord.select().count() == 0
    # another account's meter is not this account's either
    Meter.create(
        number="MS-0002",
        account=Account.get(Account.number == "100002"),
        kind="ic_card",
        model="G2.5",
        installed_on=dt.date(2021, 1, 1),
    )
    with pytest.raises(FormRejected):
        submit(world, "meter_check", METER_CHECK | {"meter_number": "MS-0002"})
    # a meter removed from this account is named as such
    Meter.create(
        number="MS-0000",
        account=world.account_id,
        kind="mechanical",
        model="G2.5",
        installed_on=dt.date(2010, 1, 1),
        removed_on=dt.date(2020, 1, 1),
    )
    with pytest.raises(FormRejected) as info:
        submit(world, "meter_check", METER_CHECK | {"meter_number": "MS-0000"})
    assert info.value.errors["meter_number"].code == "meter_removed"
    assert submit(world, "meter_check", METER_CHECK | {"meter_number": "ms0001"}).form.number


def test_a_form_for_another_account_than_the_customer_is_refused(world: World) -> None:
    with pytest.raises(FormRejected) as info:
        submit_form(
            spec("transfer"),
            TRANSFER,
            staff_id=world.teller_id,
            office_id=world.office_id,
            account_id=Account.get(Account.number == "100002").id,
            at=EVE,
        )
    assert info.value.errors["account"].code == "account_not_customer"
    assert info.value.errors["account"].params == {"customer": "100002"}
    assert FormRecord.select().count() == 0


def test_numbers_are_gapless_per_office_and_year(world: World) -> None:
    values = {"name": "王建国", "topic": "收费", "question": "阶梯气价怎么算？"}
    a = submit(world, "consultation", values)
    with pytest.raises(FormRejected):
        submit(world, "consultation", {"name": "王建国"})
    b = submit(world, "consultation", values)
    c = submit(world, "consultation", values, at=dt.datetime(2027, 1, 4, 9, 0))
    other = submit_form(
        spec("consultation"),
        values,
        staff_id=world.teller_id,
        office_id=world.other_office_id,
        at=EVE,
    )
    assert [a.form.number, b.form.number, c.form.number, other.form.number] == [
        "MS-F-2026-000001",
        "MS-F-2026-000002",
        "MS-F-2027-000001",
        "WC-F-2026-000001",
    ]


def test_submission_links_the_account_and_snapshots_the_form(world: World) -> None:
    r = submit(
        world,
        "meter_check",
        {
            "account": "100001",
            "name": "王建国",
            "phone": "13905331234",
            "meter_number": "MS-0001",
            "reason": "表走得太快了",
        },
    )
    row = FormRecord.get_by_id(r.form.id)
    assert row.account_id == world.account_id and r.form.account_number == "100001"
    data = json.loads(row.data_json)
    assert data["values"]["meter_number"] == "MS-0001" and data["title"] == "燃气表校验申请表"
    assert [e.action for e in form_history(r.form.id)] == ["submitted"]
    assert AuditEvent.select().where(AuditEvent.kind == "form_submitted").count() == 1


def test_lifecycle_with_history_and_return_visit(world: World) -> None:
    r = submit(
        world,
        "repair",
        {
            "name": "王建国",
            "phone": "13905331234",
            "address": "文昌路锦绣苑3号楼",
            "fault": "灶具不着火",
            "description": "灶具打不着火",
        },
    )
    fid = r.form.id
    assert advance_form(fid, staff_id=world.teller_id, note="派单").status is Status.IN_PROGRESS
    assert (
        advance_form(
            fid, staff_id=world.teller_id, note="已修好", at=EVE + dt.timedelta(days=1)
        ).status
        is Status.REPLIED
    )
    with pytest.raises(FormActionError):  # the return visit itself moves it on
        advance_form(fid, staff_id=world.teller_id)
    [visit] = return_visits.list_return_visits()
    assert visit.form.id == fid and visit.phone == "13905331234"
    with pytest.raises(FormActionError):
        return_visits.record_return_visit(
            visit.id, staff_id=world.teller_id, outcome="好", satisfaction="great"
        )
    done = return_visits.record_return_visit(
        visit.id, staff_id=world.teller_id, outcome="已正常使用", satisfaction="satisfied"
    )
    assert done.done_at is not None and return_visits.list_return_visits() == []
    assert advance_form(fid, staff_id=world.supervisor_id).status is Status.CLOSED
    with pytest.raises(FormActionError):
        advance_form(fid, staff_id=world.teller_id)
    history = form_history(fid)
    assert [(e.action, e.status) for e in history] == [
        ("submitted", Status.RECEIVED),
        ("advanced", Status.IN_PROGRESS),
        ("advanced", Status.REPLIED),
        ("return_visit", Status.FOLLOWED_UP),
        ("advanced", Status.CLOSED),
    ]
    assert history[1].note == "派单" and history[-1].staff_name == "张伟"
    assert list_forms() == []


def test_complaint_overdue_across_national_day(world: World) -> None:
    r = submit(world, "complaint", COMPLAINT)
    assert (r.reply_due, r.result_due) == (dt.date(2026, 10, 10), dt.date(2026, 10, 14))
    fid = r.form.id
    assert complaints.overdue_complaints(dt.date(2026, 10, 10)) == []
    [late] = complaints.overdue_complaints(dt.date(2026, 10, 11))
    assert late.reply_overdue and not late.result_overdue and late.form.id == fid
    assert complaints.count_overdue(dt.date(2026, 10, 11)) == 1
    advance_form(fid, staff_id=world.teller_id)
    advance_form(fid, staff_id=world.teller_id, note="已电话答复", at=dt.datetime(2026, 10, 12, 9))
    assert complaints.overdue_complaints(dt.date(2026, 10, 14)) == []
    [late] = complaints.overdue_complaints(dt.date(2026, 10, 15))
    assert late.result_overdue and not late.reply_overdue
    [visit] = return_visits.list_return_visits()
    return_visits.record_return_visit(
        visit.id, staff_id=world.teller_id, outcome="接受处理结果", satisfaction="basically"
    )
    assert complaints.overdue_complaints(dt.date(2026, 10, 20)) == []
    assert complaints.get_complaint(fid, dt.date(2026, 10, 20)).satisfaction == "basically"


def test_complaint_in_an_unknown_year_warns(world: World) -> None:
    r = submit(world, "complaint", COMPLAINT, at=dt.datetime(2026, 12, 30, 9))
    assert r.warnings and "2027" in r.warnings[0]
    assert r.unknown_holiday_year == 2027
    # 1 January is a statutory day off in every year: not counted
    assert (r.reply_due, r.result_due) == (dt.date(2027, 1, 5), dt.date(2027, 1, 7))
    assert Complaint.get(Complaint.form == r.form.id).deadline_warning == r.warnings[0]
    notes = "".join(printable_form(r.form.id).notes)
    assert "答复期限（预计）：2027年01月05日前" in notes
    assert "处理结果反馈期限（预计）：2027年01月07日前" in notes
    assert "以国家公布的放假安排为准" in notes


def test_complaint_in_a_known_year_has_firm_terms(world: World) -> None:
    r = submit(world, "complaint", COMPLAINT, at=dt.datetime(2026, 12, 1, 9))
    assert r.unknown_holiday_year is None and not r.warnings
    notes = "".join(printable_form(r.form.id).notes)
    assert "答复期限：2026年12月04日前" in notes and "预计" not in notes


def test_escalation_levels_and_new_terms(world: World) -> None:
    fid = submit(world, "complaint", COMPLAINT).form.id
    advance_form(fid, staff_id=world.teller_id)
    advance_form(fid, staff_id=world.teller_id)
    [visit] = return_visits.list_return_visits()
    return_visits.record_return_visit(
        visit.id, staff_id=world.teller_id, outcome="不接受答复", satisfaction="unsatisfied"
    )
    c = complaints.escalate_complaint(
        fid,
        staff_id=world.supervisor_id,
        note="投诉人要求公司处理",
        at=dt.datetime(2026, 10, 16, 9),
    )
    assert c.level == "company" and c.form.status is Status.IN_PROGRESS
    assert c.reply_due == dt.date(2026, 10, 21) and c.replied_at is None and c.satisfaction == ""
    c = complaints.escalate_complaint(
        fid, staff_id=world.supervisor_id, at=dt.datetime(2026, 10, 22, 9)
    )
    assert c.level == "bureau" and c.reply_due is None and not c.overdue
    with pytest.raises(FormActionError):
        complaints.escalate_complaint(fid, staff_id=world.supervisor_id)
    notes = [e.note for e in form_history(fid) if e.action == "escalated"]
    assert notes == ["转公司：投诉人要求公司处理", "转淄博市公用事业管理局"]


def test_upheld_complaint_records_30_yuan_once(world: World) -> None:
    fid = submit(world, "complaint", COMPLAINT).form.id
    with pytest.raises(FormActionError):
        complaints.uphold_complaint(fid, staff_id=world.teller_id, against_staff_id=world.teller_id)
    c = complaints.uphold_complaint(
        fid, staff_id=world.supervisor_id, against_staff_id=world.teller_id, note="查实"
    )
    assert c.upheld and c.compensation_fen == 3000
    with pytest.raises(FormActionError):
        complaints.uphold_complaint(
            fid, staff_id=world.supervisor_id, against_staff_id=world.teller_id
        )
    assert Complaint.get(Complaint.form == fid).compensation_fen == 3000
    [ev] = AuditEvent.select().where(AuditEvent.kind == "complaint_compensation")
    assert json.loads(ev.payload_json)["compensation_fen"] == 3000


APPT = {
    "name": "王建国",
    "phone": "13905331234",
    "address": "文昌路锦绣苑3号楼",
    "visit_kind": "维修",
    "slot": "2026-10-08 08:30-10:30",
}


def test_a_slot_cannot_be_double_booked(world: World) -> None:
    first = submit(world, "appointment", APPT)
    assert first.appointment == "2026-10-08 08:30-10:30"
    with pytest.raises(FormRejected) as info:
        submit(world, "appointment", APPT | {"name": "赵丽"})
    assert info.value.errors["slot"].code == "timeslot_taken"
    assert FormRecord.select().count() == 1
    assert FormCounter.get_by_id("MS-F-2026").last == 1  # the refused form took no number
    # another kind in the same slot is a different crew
    submit(world, "appointment", APPT | {"visit_kind": "安全检查"})
    avail = {s.slot: s.free for s in appointments.free_slots("repair", dt.date(2026, 10, 8))}
    assert avail["08:30-10:30"] == 0 and avail["10:30-12:00"] == 1


REPAIR = {
    "name": "王建国",
    "phone": "13905331234",
    "address": "文昌路锦绣苑3号楼",
    "fault": "表具故障",
    "description": "表不走字",
}


def test_a_slot_that_has_already_ended_is_refused(world: World) -> None:
    late = dt.datetime(2026, 10, 8, 17, 17)  # the 08:30-10:30 slot of that day is over
    with pytest.raises(FormRejected) as info:
        submit(world, "appointment", APPT, at=late)
    assert info.value.errors["slot"].code == "timeslot_ended"
    assert FormRecord.select().count() == 0 and Appointment.select().count() == 0
    with pytest.raises(FormRejected) as info:
        submit(world, "repair", REPAIR | {"visit": APPT["slot"]}, at=late)
    assert info.value.errors["visit"].code == "timeslot_ended"
    assert FormRecord.select().count() == 0
    # the same slot while it is under way can still be served
    under_way = submit(world, "appointment", APPT, at=dt.datetime(2026, 10, 8, 10, 0))
    assert under_way.appointment == APPT["slot"]
    noon = dt.datetime(2026, 10, 8, 12, 0)
    ended = {s.slot: s.ended for s in appointments.free_slots("repair", noon.date(), noon)}
    assert ended == {
        "08:30-10:30": True,
        "10:30-12:00": True,
        "13:30-15:30": False,
        "15:30-17:00": False,
    }
    # another day's slot is not over
    assert not any(s.ended for s in appointments.free_slots("repair", dt.date(2026, 10, 9), noon))


def test_the_database_itself_refuses_a_double_booking(world: World) -> None:
    from peewee import IntegrityError

    submit(world, "appointment", APPT)
    a = Appointment.get()
    with pytest.raises(IntegrityError):
        Appointment.create(
            form=a.form,
            kind=a.kind,
            day=a.day,
            slot=a.slot,
            crew=a.crew,
            live=1,
            booked_by=world.teller_id,
        )


def test_cancelled_slot_can_be_booked_again(world: World) -> None:
    submit(world, "appointment", APPT)
    [a] = appointments.list_appointments(dt.date(2026, 10, 8))
    appointments.cancel_appointment(a.id, staff_id=world.teller_id)
    again = submit(world, "appointment", APPT | {"name": "赵丽"})
    assert again.appointment == APPT["slot"]
    assert [
        x.customer
        for x in appointments.list_appointments(dt.date(2026, 10, 8), include_cancelled=True)
    ] == ["王建国", "赵丽"]


def test_punctuality_recorded_on_completion(world: World) -> None:
    submit(world, "appointment", APPT)
    submit(world, "appointment", APPT | {"slot": "2026-10-08 10:30-12:00"})
    early, late = appointments.list_appointments(dt.date(2026, 10, 8))
    a = appointments.complete_appointment(
        early.id, staff_id=world.teller_id, arrived_at=dt.datetime(2026, 10, 8, 10, 5)
    )
    b = appointments.complete_appointment(
        late.id, staff_id=world.teller_id, arrived_at=dt.datetime(2026, 10, 8, 12, 20)
    )
    assert (a.punctual, b.punctual) == (True, False)
    with pytest.raises(FormActionError):
        appointments.complete_appointment(
            early.id, staff_id=world.teller_id, arrived_at=dt.datetime(2026, 10, 8, 10, 6)
        )
    assert FormEvent.select().where(FormEvent.action == "visited").count() == 2


def test_repair_with_a_visit_books_the_repair_crew(world: World) -> None:
    r = submit(
        world,
        "repair",
        {
            "name": "王建国",
            "phone": "13905331234",
            "address": "文昌路锦绣苑3号楼",
            "fault": "表具故障",
            "description": "表不走字",
            "visit": "2026-10-09 13:30-15:30",
        },
    )
    assert r.appointment == "2026-10-09 13:30-15:30"
    assert Appointment.get().kind == "repair"


def test_printable_copy_and_reprint(world: World) -> None:
    fid = submit(world, "complaint", COMPLAINT).form.id
    p = printable_form(fid)
    assert p.number == "MS-F-2026-000001" and p.service_phone == "0533-8777760"
    assert p.office_name == "萌水营业室" and p.office_phone == "0533-6886656"
    assert ("投诉内容", COMPLAINT["content"]) in [
        (line.label, line.value) for s in p.sections for line in s.lines
    ]
    assert any("2026年10月10日" in n for n in p.notes)
    assert record_print(fid, staff_id=world.teller_id) is False
    assert record_print(fid, staff_id=world.teller_id) is True
