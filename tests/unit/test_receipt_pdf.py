"""Receipt PDFs: both layouts carry everything the customer needs, the font is
embedded, the roll is as long as its content, and reprints are marked and logged."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import pypdfium2 as pdfium
import pytest

from gasdesk.domain.fees import PaymentRequest, ReceiptInfo
from gasdesk.services.billing import statement
from gasdesk.services.payments import collect_payment
from gasdesk.services.receipts import prepare_print, receipt_pdf, record_print
from gasdesk.services.voids import void_payment
from gasdesk.storage.models import AuditEvent, Reading, ReceiptPrint
from tests import fees_support, pg_support
from tests.fees_support import PASSWORD, TODAY, FeeData, ic_card

fee_data = fees_support.fee_data_backends
pg_url = pg_support.pg_url

MM = 72 / 25.4


def pdf_pages(data: bytes) -> list[tuple[float, float, str]]:
    doc = pdfium.PdfDocument(data)
    out = []
    for page in doc:
        w, h = page.get_size()
        out.append((w, h, page.get_textpage().get_text_range()))
    return out


def paid(d: FeeData) -> ReceiptInfo:
    request = PaymentRequest(
        d.house.id, d.teller.id, d.counter.id, "bill", "cash", 168_00, str(uuid.uuid4()), 200_00
    )
    return collect_payment(request, today=TODAY)


EVERYTHING = [
    "淄博绿周能源有限公司",  # company
    "萌水营业室",  # office
    "文昌湖区政务大厅一楼",  # office address
    "0533-6886656",  # office phone
    "MS-2026-000001",  # receipt number
    "MS01",  # teller badge
    "31000001",  # account
    "王秀英",  # name
    "文昌湖区商家镇幸福路8号",  # address
    "M-1001",  # meter
    "100.00",  # previous reading
    "156.00",  # current reading
    "56.00",  # volume
    "第1档",  # tier line
    "3.00",  # tier price
    "168.00",  # amount in figures
    "人民币壹佰陆拾捌元整",  # amount in capitals
    "现金",  # method
    "200.00",  # tendered
    "32.00",  # change
    "0533-8777760",  # service phone
    "0533-2820011",  # complaint phone
    "0533-2162912",  # supervision phone
]


@pytest.mark.parametrize("layout", ["80mm", "a5"])
def test_the_receipt_carries_everything(fee_data: FeeData, layout: str) -> None:
    info = paid(fee_data)
    data = receipt_pdf(info.receipt_id, layout)
    (page,) = pdf_pages(data)  # one page: the roll is fitted to its content
    text = page[2].replace("\r", "").replace("\n", "")
    missing = [item for item in EVERYTHING if item not in text]
    assert not missing
    assert info.issued_at.strftime("%Y-%m-%d %H:%M") in text
    assert b"/FontFile2" in data  # the TrueType CJK font is embedded
    assert "重印" not in text


def test_the_roll_is_80mm_wide_and_as_long_as_its_content(fee_data: FeeData) -> None:
    info = paid(fee_data)
    ((width, height, _),) = pdf_pages(receipt_pdf(info.receipt_id, "80mm"))
    assert abs(width - 80 * MM) < 0.5
    assert 100 * MM < height < 200 * MM
    ((aw, ah, _),) = pdf_pages(receipt_pdf(info.receipt_id, "a5"))
    assert (round(aw / MM), round(ah / MM)) == (148, 210)


def test_a_longer_receipt_gets_a_longer_roll(fee_data: FeeData) -> None:
    d = fee_data
    one_bill = pdf_pages(receipt_pdf(paid(d).receipt_id, "80mm"))[0]
    meter = d.house.meters.get()
    Reading.create(
        meter=meter, account=d.house, read_on=dt.date(2026, 3, 7), value_l=160_000, source="counter"
    )
    Reading.create(
        meter=meter, account=d.house, read_on=dt.date(2026, 3, 9), value_l=165_000, source="counter"
    )
    due = statement(d.house.id, TODAY).due_fen
    assert due == 27_00
    request = PaymentRequest(d.house.id, d.teller.id, d.counter.id, "bill", "cash", due, "k2", due)
    (two_bills,) = pdf_pages(receipt_pdf(collect_payment(request, today=TODAY).receipt_id, "80mm"))
    assert two_bills[1] > one_bill[1] + 15 * MM
    assert two_bills[2].count("抄表期间") == 2


@pytest.mark.parametrize("number", ["2400000002", "370300240000001"])
def test_the_a5_receipt_keeps_a_meter_number_on_one_line(fee_data: FeeData, number: str) -> None:
    from gasdesk.storage.models import Meter

    Meter.update(number=number).where(Meter.account == fee_data.house.id).execute()
    ((_w, _h, text),) = pdf_pages(receipt_pdf(paid(fee_data).receipt_id, "a5"))
    assert text.count(number) == 2  # in the customer's details and in the bill's row


def test_a_reprint_is_marked_and_logged_with_who_and_when(fee_data: FeeData) -> None:
    info = paid(fee_data)
    original = prepare_print(info.receipt_id, fee_data.teller.id)
    assert not original.reprint and "重印" not in pdf_pages(original.pdf)[0][2]
    # nothing is logged until the print was sent: preparing again gives the original
    assert not prepare_print(info.receipt_id, fee_data.teller.id).reprint
    assert ReceiptPrint.select().count() == 0
    record_print(original)
    copy = prepare_print(info.receipt_id, fee_data.supervisor.id, "a5")
    assert copy.reprint
    text = pdf_pages(copy.pdf)[0][2]
    assert "重印" in text and "MS09" in text and "MS-2026-000001" in text
    assert ReceiptPrint.select().count() == 1
    record_print(copy)
    prints = list(ReceiptPrint.select().order_by(ReceiptPrint.id))
    assert [(p.reprint, p.staff_id) for p in prints] == [
        (False, fee_data.teller.id),
        (True, fee_data.supervisor.id),
    ]
    event = AuditEvent.select().order_by(AuditEvent.seq.desc()).first()
    assert event.kind == "receipt_reprint" and event.staff_id == fee_data.supervisor.id
    assert json.loads(event.payload_json)["receipt"] == "MS-2026-000001"


def test_the_void_slip(fee_data: FeeData) -> None:
    d = fee_data
    info = paid(d)
    slip = void_payment(
        payment_id=info.payment_id,
        staff_id=d.teller.id,
        counter_id=d.counter.id,
        supervisor_badge="MS09",
        supervisor_password=PASSWORD,
        reason="客户要求改用微信",
        idempotency_key="v",
        today=TODAY,
    )
    for layout in ("80mm", "a5"):
        text = pdf_pages(receipt_pdf(slip.receipt_id, layout))[0][2]
        for item in (
            "冲正凭证",
            "MS-2026-000002",
            "MS-2026-000001",
            "168.00",
            "人民币壹佰陆拾捌元整",
            "客户要求改用微信",
            "MS09",
            "0533-8777760",
        ):
            assert item in text, (layout, item)


def test_purchase_and_prepay_receipts(fee_data: FeeData) -> None:
    d = fee_data
    buy = PaymentRequest(
        d.ic.id,
        d.teller.id,
        d.counter.id,
        "purchase",
        "wechat",
        66_00,
        "b",
        reference="4200001234567890",
        volume_l=22_000,
        card=ic_card(),
    )
    info = collect_payment(buy, today=TODAY)
    text = pdf_pages(receipt_pdf(info.receipt_id, "80mm"))[0][2]
    for item in (
        "购气收据",
        "IC-2002",
        "写卡气量",
        "IC200201",
        "第1次",
        "22.00",
        "66.00",
        "人民币陆拾陆元整",
        "微信支付",
        "4200001234567890",
    ):
        assert item in text, item
    pre = PaymentRequest(
        d.prepay.id, d.teller.id, d.counter.id, "prepay", "cash", 500_00, "p", 500_00
    )
    text = pdf_pages(receipt_pdf(collect_payment(pre, today=TODAY).receipt_id, "a5"))[0][2]
    for item in ("预存款收据", "500.00", "人民币伍佰元整", "预存余额"):
        assert item in text, item
