"""The monthly receivables ledger (应收台账) on the demo data set's November plus a
day of counter work on top of it (bills paid in cash, at the other office, for the
other office's customer, from the prepaid balance; IC-card gas; a void): its totals
tie to the sum of the month's day reports, one month's closing arrears are the next
month's opening arrears, and the closing arrears equal the arrears list of that day.
Read back from the .xlsx with openpyxl."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest
from openpyxl import load_workbook

from gasdesk.demo import DEMO_PASSWORD
from gasdesk.domain.cards import CardImage
from gasdesk.domain.fees import PaymentRequest
from gasdesk.domain.ledgers import Month
from gasdesk.services import billing, cards, offices, purchases
from gasdesk.services.day_report import day_report
from gasdesk.services.ledger_arrears import arrears_list
from gasdesk.services.ledger_export import export_receivables
from gasdesk.services.ledger_receivables import receivables
from gasdesk.services.payments import collect_payment
from gasdesk.services.voids import void_payment
from gasdesk.storage.models import Account, Bill, Meter, Office, Staff
from tests.conftest import DEMO_TODAY
from tests.helpers import open_test_shift

NOVEMBER = Month(2026, 11)
_keys = itertools.count(1)


def office_id(code: str) -> int:
    return int(Office.get(Office.code == code).id)


def staff_id(badge: str) -> int:
    return int(Staff.get(Staff.badge == badge).id)


def due_accounts(code: str) -> list[int]:
    """Accounts of the office with stored bills to pay and no reading left unbilled."""
    found = []
    query = (
        Account.select(Account.id)
        .join(Meter, on=(Meter.account == Account.id))
        .where((Account.office == office_id(code)) & (Meter.kind == "mechanical"))
        .where(Account.status == "active")
        .order_by(Account.id)
    )
    for a in query:
        st = billing.statement(a.id, DEMO_TODAY)
        if st.due_fen > 0 and all(b.bill_id is not None for b in st.bills):
            found.append(a.id)
    return found


def collect(account: int, kind: str, method: str, fen: int, badge: str, counter: int, **kw):  # type: ignore[no-untyped-def]
    request = PaymentRequest(
        account, staff_id(badge), counter, kind, method, fen, f"tie-{next(_keys)}",
        fen if method == "cash" else None, **kw,
    )  # fmt: skip
    return collect_payment(request, today=DEMO_TODAY)


def card_in_hand(account_id: int) -> CardImage:
    """The customer's IC card as the reader reads it: every purchase in the meter."""
    state = cards.card_state(account_id)
    assert state is not None
    return CardImage(state.card_number, state.meter_number, state.last_seq, 0)


@pytest.fixture
def counter_day(database: Path) -> dict[str, int]:
    """A day of counter work on DEMO_TODAY at both offices; what it took, by name."""
    ms_counter = offices.find_counter("MS", 1).id  # type: ignore[union-attr]
    wc_counter = offices.find_counter("WC", 1).id  # type: ignore[union-attr]
    open_test_shift(staff_id("MS01"), ms_counter, DEMO_TODAY)
    open_test_shift(staff_id("WC01"), wc_counter, DEMO_TODAY)
    ms_due, wc_due = due_accounts("MS"), due_accounts("WC")
    amounts = {}

    def due(account: int) -> int:
        return billing.statement(account, DEMO_TODAY).due_fen

    a = ms_due[0]
    amounts["cash"] = due(a)
    cash = collect(a, "bill", "cash", amounts["cash"], "MS01", ms_counter)
    b = ms_due[1]  # an MS customer pays at Wangcun
    amounts["elsewhere"] = due(b)
    collect(b, "bill", "wechat", amounts["elsewhere"], "WC01", wc_counter, reference="WX-TIE-0001")
    c = wc_due[0]  # a Wangcun customer pays at Mengshui
    amounts["for_others"] = due(c)
    collect(c, "bill", "alipay", amounts["for_others"], "MS01", ms_counter, reference="ALI-TIE-01")
    d = ms_due[2]  # prepays, then the bills are paid from the balance
    amounts["credited"] = due(d)
    collect(d, "prepay", "cash", amounts["credited"] + 10_00, "MS01", ms_counter)
    collect(d, "bill", "balance", amounts["credited"], "MS01", ms_counter)
    ic = (
        Account.select(Account.id)
        .join(Meter, on=(Meter.account == Account.id))
        .where((Account.office == office_id("MS")) & (Meter.kind == "ic_card"))
        .where(Account.status == "active")
        .first()
    )
    quote = purchases.quote_purchase(ic.id, volume_l=20_000, today=DEMO_TODAY)
    collect(
        ic.id, "purchase", "cash", quote.amount_fen, "MS01", ms_counter,
        volume_l=20_000, card=card_in_hand(ic.id),
    )  # fmt: skip
    e = ms_due[3]  # paid, then voided the same day
    wrong = collect(e, "bill", "cash", due(e), "MS01", ms_counter)
    void_payment(
        payment_id=wrong.payment_id,
        staff_id=staff_id("MS01"),
        counter_id=ms_counter,
        supervisor_badge="MS09",
        supervisor_password=DEMO_PASSWORD,
        reason="收错户号",
        idempotency_key="tie-void",
        today=DEMO_TODAY,
    )
    amounts["cash_payment"] = cash.payment_id
    return amounts


def day_reports_total(code: str | None, month: Month) -> int:
    """The sum of the month's day reports: each method's collected less voided."""
    codes = [code] if code else ["MS", "WC"]
    return sum(
        m.net_fen
        for c in codes
        for day in month.days()
        for m in day_report(office_id(c), day).methods
    )


def settled(lines) -> int:  # type: ignore[no-untyped-def]
    return sum(line.paid_fen + line.credited_fen for line in lines)


def test_the_ledger_ties_to_the_month_s_day_reports(counter_day: dict[str, int]) -> None:
    ms = receivables(office_id("MS"), NOVEMBER)
    tie = ms.tie
    assert tie.elsewhere_fen == counter_day["elsewhere"]
    assert tie.for_others_fen == counter_day["for_others"]
    assert sum(line.credited_fen for line in ms.lines) == counter_day["credited"]
    assert tie.purchases_fen > 0 and tie.prepayments_fen > 0
    reports = day_reports_total("MS", NOVEMBER)
    assert reports > 0
    # what the accounts' lines settled, corrected for where it was paid, plus gas and
    # prepayments, is what the office's day reports of the month took in
    assert (
        settled(ms.lines) - tie.elsewhere_fen + tie.for_others_fen
        + tie.purchases_fen + tie.prepayments_fen
    ) == reports  # fmt: skip
    assert tie.day_reports_fen == reports
    assert sum(d.net_fen for d in tie.days) == reports
    assert {d.day for d in tie.days} <= set(NOVEMBER.days())

    everyone = receivables(None, NOVEMBER)
    assert (everyone.tie.elsewhere_fen, everyone.tie.for_others_fen) == (0, 0)
    assert settled(
        everyone.lines
    ) + everyone.tie.purchases_fen + everyone.tie.prepayments_fen == day_reports_total(
        None, NOVEMBER
    )
    for line in everyone.lines:
        assert line.end_fen == line.start_fen + line.billed_fen - line.paid_fen - line.credited_fen


def test_one_month_closes_where_the_next_opens_and_matches_the_arrears_list(
    counter_day: dict[str, int],
) -> None:
    ms = office_id("MS")
    october = {line.account_number: line for line in receivables(ms, Month(2026, 10)).lines}
    november = {line.account_number: line for line in receivables(ms, NOVEMBER).lines}
    for number, line in october.items():
        opening = november[number].start_fen if number in november else 0
        assert opening == line.end_fen, number
    owed = arrears_list(ms, dt.date(2026, 10, 31))
    assert sum(a.total_fen for a in owed.lines) == sum(x.end_fen for x in october.values())
    assert {a.account_number for a in owed.lines} == {n for n, x in october.items() if x.end_fen}


def test_the_xlsx_carries_the_ledger_with_numbers_and_text(
    counter_day: dict[str, int], tmp_path: Path
) -> None:
    out = tmp_path / "MS-receivables.xlsx"
    ledger = receivables(office_id("MS"), NOVEMBER)
    assert export_receivables(office_id("MS"), NOVEMBER, out) == len(ledger.lines)
    book = load_workbook(out)
    assert book.sheetnames == ["应收台账", "与日报核对", "日报逐日", "说明"]
    ws = book["应收台账"]
    header = [c.value for c in ws[1]]
    assert header == [
        "户号", "户名", "营业室", "用户类型", "期初欠费(元)", "本月应收(元)", "本月实收(元)",
        "预存抵扣(元)", "期末欠费(元)",
    ]  # fmt: skip
    rows = list(ws.iter_rows(min_row=2, max_row=ws.max_row - 1))
    assert len(rows) == len(ledger.lines)
    for row, line in zip(rows, ledger.lines, strict=True):
        assert row[0].value == line.account_number and row[0].data_type == "s"
        assert row[0].number_format == "@"
        for cell in row[4:]:
            assert cell.data_type == "n" and cell.number_format == "0.00"
        assert round(row[8].value * 100) == line.end_fen
    totals = ws[ws.max_row]
    assert totals[0].value == f"合计：{len(ledger.lines)}户" and totals[0].font.bold
    fields = ("start_fen", "billed_fen", "paid_fen", "credited_fen", "end_fen")
    assert [round(c.value * 100) for c in totals[4:]] == [ledger.total(f) for f in fields]
    tie = {r[0].value: r[1].value for r in book["与日报核对"].iter_rows(min_row=2)}
    assert round(tie["本月各营业日日报收款合计"] * 100) == day_reports_total("MS", NOVEMBER)
    assert tie["差额（应为0）"] == 0
    days = list(book["日报逐日"].iter_rows(min_row=2, values_only=True))
    assert all(isinstance(d[0], dt.datetime) for d in days[:-1])
    assert Bill.select().where(Bill.created_at >= dt.datetime(2026, 12, 1)).count() == 0
