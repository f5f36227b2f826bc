"""The day report PDFs (A4 and the 80 mm Z slip) hold the figures of the day."""

from __future__ import annotations

import os
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from gasdesk.demo import DEMO_PASSWORD
from gasdesk.printing.day_report import render_day_report
from gasdesk.services import day_close, day_report, reconcile, shift_close, shifts
from gasdesk.storage import audit
from tests.dayend_support import DAY, Setup, pay, seed, void


def pdf_text(data: bytes) -> tuple[str, list[tuple[float, float]]]:
    pdf = pdfium.PdfDocument(data)
    try:
        texts, sizes = [], []
        for page in pdf:
            sizes.append(page.get_size())
            texts.append(page.get_textpage().get_text_range())
        return "\n".join(texts), sizes
    finally:
        pdf.close()


def squeeze(text: str) -> str:
    return "".join(text.split())


def make_day(setup: Setup) -> None:
    """Two tellers: cash, WeChat, a voided Alipay payment, a pay-out, a short of
    1.00 yuan approved by the supervisor; both shifts and the day closed."""
    s1 = shifts.open_shift(setup.teller_id, setup.counter_ids[0], {10000: 2}, business_date=DAY)
    s2 = shifts.open_shift(setup.teller2_id, setup.counter_ids[1], {}, business_date=DAY)
    pay(setup, method="cash", amount_fen=12850, tendered_fen=20000)
    p = pay(setup, method="alipay", amount_fen=4000, reference="ALI00001")
    void(setup, p.payment_id, reason="重复收费")
    pay(
        setup,
        method="wechat",
        amount_fen=6600,
        reference="WX000009",
        staff_id=setup.teller2_id,
        counter_id=setup.counter_ids[1],
    )
    shifts.pay_out(s1.id, setup.teller_id, 10000, "银行存款")
    # expected cash of MS01: 200 + 128.50 - 100 = 228.50; counted 227.50: short 1.00
    reconcile.record_blind_count(s1.id, setup.teller_id, {10000: 2, 1000: 2, 500: 1, 100: 2, 50: 1})
    shift_close.record_difference(
        s1.id, setup.teller_id, "cash", "找零多付一元", "MS09", DEMO_PASSWORD
    )
    shift_close.close_shift(s1.id, setup.teller_id)
    reconcile.record_blind_count(s2.id, setup.teller2_id, {}, {"wechat": 6600})
    shift_close.close_shift(s2.id, setup.teller2_id)
    day_close.close_day(setup.office_id, DAY, "MS09", DEMO_PASSWORD)


@pytest.fixture
def closed_day(empty_database: Path) -> Setup:
    setup = seed()
    make_day(setup)
    return setup


def test_a4_report_holds_the_days_figures(closed_day: Setup) -> None:
    report = day_report.day_report(closed_day.office_id, DAY)
    data = render_day_report(report, "a4")
    if os.environ.get("GASDESK_KEEP_PDF"):
        Path(os.environ["GASDESK_KEEP_PDF"], "day-a4.pdf").write_bytes(data)
    text, sizes = pdf_text(data)
    flat = squeeze(text)
    assert abs(sizes[0][0] - 595.3) < 1 and abs(sizes[0][1] - 841.9) < 1
    for expected in (
        "萌水营业室",
        "日结报表",
        "2026-11-20",
        "已日结",
        "MS01李娜",
        "MS02王芳",
        "128.50",  # MS01's cash
        "66.00",  # MS02's WeChat
        "194.50",  # net of the day
        "40.00",  # the voided Alipay payment
        "重复收费",
        "短款1.00",
        "找零多付一元",
        "MS09张伟",
        "银行存款",
        "228.50",  # MS01's expected cash
        "227.50",  # counted
        "MS-2026-000001至MS-2026-000004",
        "连续，无缺号",
    ):
        assert squeeze(expected) in flat, expected
    assert report.closure is not None
    assert f"序号{report.closure.audit_seq}" in flat
    assert report.closure.audit_hash in flat
    assert f"审计密钥指纹：{audit.active_fingerprint()}" in flat  # the key that sealed it


def test_z_slip_is_80mm_wide_and_holds_the_totals(closed_day: Setup) -> None:
    report = day_report.day_report(closed_day.office_id, DAY)
    data = render_day_report(report, "slip")
    if os.environ.get("GASDESK_KEEP_PDF"):
        Path(os.environ["GASDESK_KEEP_PDF"], "day-slip.pdf").write_bytes(data)
    text, sizes = pdf_text(data)
    flat = squeeze(text)
    assert len(sizes) == 1  # one strip of paper
    assert abs(sizes[0][0] - 80 / 25.4 * 72) < 1
    for expected in ("日结单", "194.50", "128.50", "66.00", "短款1.00", "MS-2026-000004"):
        assert squeeze(expected) in flat, expected
    assert report.closure is not None and report.closure.audit_hash in flat
    # the key's fingerprint beside the head: a substituted key shows on the next slip
    fingerprint = audit.key_ring().fingerprints[-1]  # type: ignore[union-attr]
    assert len(fingerprint) == 16 and f"审计密钥指纹：{fingerprint}" in flat


def test_open_day_report_is_marked_provisional(empty_database: Path) -> None:
    setup = seed()
    shifts.open_shift(setup.teller_id, setup.counter_ids[0], {}, business_date=DAY)
    pay(setup, method="cash", amount_fen=500, tendered_fen=500)
    text, _ = pdf_text(render_day_report(day_report.day_report(setup.office_id, DAY), "a4"))
    flat = squeeze(text)
    assert "未日结" in flat and "未结班" in flat


def test_unknown_layout_is_refused(empty_database: Path) -> None:
    setup = seed()
    with pytest.raises(ValueError):
        render_day_report(day_report.day_report(setup.office_id, DAY), "letter")
