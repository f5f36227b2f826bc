"""The capital amount a customer is given is the one `money.capital_amount` writes: on
both receipt layouts and in the read-back, with the PBOC's zero rule (壹仟陆佰捌拾元零叁角贰分)."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from gasdesk.domain.fees import PaymentRequest
from gasdesk.domain.readback import read_back
from gasdesk.services.payments import collect_payment
from gasdesk.services.receipts import receipt_pdf
from tests import fees_support
from tests.fees_support import TODAY, FeeData
from tests.helpers import open_test_shift

fee_data = fees_support.fee_data

AMOUNT_FEN = 1_680_32
CAPITAL = "人民币壹仟陆佰捌拾元零叁角贰分"


def pdf_text(data: bytes) -> str:
    (page,) = pdfium.PdfDocument(data)
    return page.get_textpage().get_text_range().replace("\r", "").replace("\n", "")


@pytest.mark.parametrize("layout", ["80mm", "a5"])
def test_the_receipt_prints_the_capital_with_its_zero(fee_data: FeeData, layout: str) -> None:
    d = fee_data
    open_test_shift(d.teller.id, d.counter.id, TODAY)
    request = PaymentRequest(
        d.prepay.id, d.teller.id, d.counter.id, "prepay", "cash", AMOUNT_FEN, "k", 1_700_00
    )
    info = collect_payment(request, today=TODAY)
    assert CAPITAL in pdf_text(receipt_pdf(info.receipt_id, layout))


def test_the_read_back_says_the_same_capitals() -> None:
    rb = read_back(due_fen=AMOUNT_FEN, method="cash", tendered_fen=1_700_00)
    assert (rb.due_capital, rb.received_capital, rb.change_capital) == (
        CAPITAL,
        "人民币壹仟柒佰元整",
        "人民币壹拾玖元陆角捌分",
    )
