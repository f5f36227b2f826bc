"""The statement PDF holds the period's readings, bills and payments, in Chinese."""

from __future__ import annotations

import datetime as dt

import pypdfium2 as pdfium
import pytest

from gasdesk.services.statement import StatementRefused, load_statement, statement_pdf
from tests.lookup_data import LookupData, lookup_db

__all__ = ["lookup_db"]

AT = dt.datetime(2026, 3, 20, 10, 30)


def pdf_text(data: bytes) -> str:
    pdf = pdfium.PdfDocument(data)
    try:
        return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()


def test_statement_holds_the_readings_of_the_period(lookup_db: LookupData) -> None:
    data = statement_pdf(
        lookup_db.history_account, dt.date(2025, 6, 1), dt.date(2026, 3, 20), "刘敏 T001", AT
    )
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    assert "燃气用户对账单" in text
    assert "张三" in text and "3301000001" in text
    for day, value in [
        ("2025-06-15", "1252.000"),
        ("2025-09-15", "1258.000"),
        ("2026-02-15", "64.000"),
    ]:
        assert day in text and value in text
    assert "2025-05-15" not in text  # before the period
    assert "低于上次读数" in text and "换表" in text and "连续估抄" in text
    assert "WC-2025-000043" in text and "冲正 WC-2025-000041" in text
    assert "刘敏 T001" in text


def test_statement_totals_count_voids_once(lookup_db: LookupData) -> None:
    st = load_statement(
        lookup_db.history_account, dt.date(2025, 12, 1), dt.date(2026, 1, 31), "x", AT
    )
    assert [p.amount_fen for p in st.payments] == [5_700, -5_700, 5_700]
    assert st.paid_fen == 5_700
    assert st.billed_fen == 5_700 + 6_300
    assert st.volume_l == 19_000 + 21_000


def test_an_empty_period_still_prints(lookup_db: LookupData) -> None:
    text = pdf_text(
        statement_pdf(
            lookup_db.accounts["朴树"], dt.date(2025, 1, 1), dt.date(2025, 12, 31), "x", AT
        )
    )
    assert "本期间没有抄表记录" in text


@pytest.mark.parametrize(
    ("start", "end"),
    [(dt.date(2026, 1, 2), dt.date(2026, 1, 1)), (dt.date(2000, 1, 1), dt.date(2026, 1, 1))],
)
def test_a_wrong_period_is_refused(lookup_db: LookupData, start: dt.date, end: dt.date) -> None:
    with pytest.raises(StatementRefused):
        statement_pdf(lookup_db.history_account, start, end, "x", AT)
