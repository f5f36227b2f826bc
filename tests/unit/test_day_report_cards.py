"""The day report lists the IC-card purchases paid and not written onto the card (on
the A4 report and the Z slip), until they are written."""

from __future__ import annotations

import uuid
from pathlib import Path

import pypdfium2 as pdfium

from gasdesk.devices.card_sim import SimulatedCardDevice
from gasdesk.domain.fees import PaymentRequest
from gasdesk.printing.day_report import render_day_report
from gasdesk.services import card_writing, day_report
from gasdesk.services.payments import collect_payment
from tests import fees_support, pg_support
from tests.fees_support import IC_CARD, TODAY, FeeData, ic_card

fee_data = fees_support.fee_data_backends
pg_url = pg_support.pg_url


def text_of(pdf: bytes) -> str:
    doc = pdfium.PdfDocument(pdf)
    return "".join("".join(p.get_textpage().get_text_range().split()) for p in doc)


def test_paid_but_unwritten_purchases_are_listed_until_written(
    fee_data: FeeData, tmp_path: Path
) -> None:
    d = fee_data
    sim = SimulatedCardDevice(tmp_path)
    sim.make_card(ic_card())
    sim.place(IC_CARD)
    paid = collect_payment(
        PaymentRequest(
            d.ic.id, d.teller.id, d.counter.id, "purchase", "cash", 60_00,
            uuid.uuid4().hex, 60_00, volume_l=20_000, card=sim.read(),
        ),
        today=TODAY,
    )  # fmt: skip
    sim.fail("write", "unplugged")
    assert not card_writing.write_purchase(sim, paid.payment_id, d.teller.id).ok  # type: ignore[union-attr]
    report = day_report.day_report(d.ms.id, TODAY)
    assert [(u.receipt, u.account_number, u.seq, u.volume_l) for u in report.unwritten] == [
        (paid.code, "31000002", 1, 20_000)
    ]
    for layout in ("a4", "slip"):
        text = text_of(render_day_report(report, layout))
        assert "1笔购气已收款、未写入IC卡" in text, layout
        assert paid.code in text and "刘建国" in text, layout
    assert day_report.day_report(d.wc.id, TODAY).unwritten == ()  # the other office's report
    assert card_writing.rewrite(sim, d.ic.id, d.teller.id).ok  # type: ignore[union-attr]
    report = day_report.day_report(d.ms.id, TODAY)
    assert report.unwritten == ()
    assert "未写入IC卡" not in text_of(render_day_report(report, "a4"))
