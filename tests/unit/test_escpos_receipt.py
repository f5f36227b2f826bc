"""The thermal printer's receipt is the PDF receipt: the ESC/POS bytes sent through
python-escpos's Dummy printer, stripped of their commands and decoded from GB18030,
say word for word what the 80 mm PDF says; the drawer opens for cash originals only,
and the purchase receipt states the gas written to the card."""

from __future__ import annotations

import uuid
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from escpos.constants import CD_KICK_2

from gasdesk.devices.card_sim import SimulatedCardDevice
from gasdesk.devices.escpos_printer import receipt_bytes
from gasdesk.domain.cards import ReplaceRequest
from gasdesk.domain.fees import PaymentRequest
from gasdesk.services import card_replace, card_writing
from gasdesk.services.payments import collect_payment
from gasdesk.services.receipts import prepare_print, record_print
from tests import fees_support, pg_support
from tests.fees_support import IC_CARD, TODAY, FeeData, ic_card

fee_data = fees_support.fee_data_backends
pg_url = pg_support.pg_url

# ESC/POS commands the receipt uses, by their first bytes, and their whole length
COMMANDS = {
    b"\x1b@": 2,  # initialise
    b"\x1c&": 2,  # Chinese character mode
    b"\x1ba": 3,  # alignment
    b"\x1bE": 3,  # bold
    b"\x1d!": 3,  # character size
    b"\x1bd": 3,  # print and feed n lines
    b"\x1dV": 3,  # cut
    b"\x1bp": 5,  # cash drawer kick
}


def printed_text(data: bytes) -> tuple[str, list[bytes]]:
    """What the printer prints (GB18030 decoded) and the commands it was sent."""
    text, commands, i = b"", [], 0
    while i < len(data):
        if data[i] in (0x1B, 0x1C, 0x1D):
            size = COMMANDS[data[i : i + 2]]  # an unknown command fails the test
            commands.append(data[i : i + size])
            i += size
        else:
            text += data[i : i + 1]
            i += 1
    return text.decode("gb18030"), commands


def squeezed(text: str) -> str:
    """The words without the layout: no white space, no dashed rules."""
    lines = [ln for ln in text.splitlines() if ln.strip().strip("-")]
    return "".join("".join(ln.split()) for ln in lines)


def pdf_text(pdf: bytes) -> str:
    return "".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(pdf))


def pay(d: FeeData, **fields: object):  # type: ignore[no-untyped-def]
    values: dict[str, object] = {
        "account_id": d.house.id,
        "staff_id": d.teller.id,
        "counter_id": d.counter.id,
        "kind": "bill",
        "method": "cash",
        "expected_due_fen": 168_00,
        "idempotency_key": uuid.uuid4().hex,
        "tendered_fen": 200_00,
    }
    values.update(fields)
    return collect_payment(PaymentRequest(**values), today=TODAY)  # type: ignore[arg-type]


@pytest.fixture
def receipts(fee_data: FeeData, tmp_path: Path) -> dict[str, int]:
    d = fee_data
    sim = SimulatedCardDevice(tmp_path)
    sim.make_card(ic_card())
    sim.place(IC_CARD)
    gas = pay(
        d,
        account_id=d.ic.id,
        kind="purchase",
        method="wechat",
        expected_due_fen=100_00,
        tendered_fen=None,
        reference="4200000000202603100000000009",
        volume_l=33_334,
        card=sim.read(),
    )
    card_writing.write_purchase(sim, gas.payment_id, d.teller.id)
    fee = PaymentRequest(d.ic.id, d.teller.id, d.counter.id, "card_fee", "cash", 20_00, "k", 20_00)
    new = card_replace.replace_card(
        ReplaceRequest(d.ic.id, d.teller.id, d.counter.id, "k", fee), today=TODAY
    )
    assert new.receipt_id is not None
    return {"bill": pay(d).receipt_id, "purchase": gas.receipt_id, "card_fee": new.receipt_id}


@pytest.mark.parametrize("kind", ["bill", "purchase", "card_fee"])
def test_the_escpos_receipt_says_what_the_pdf_says(
    fee_data: FeeData, receipts: dict[str, int], kind: str
) -> None:
    copy = prepare_print(receipts[kind], fee_data.teller.id)
    text, commands = printed_text(receipt_bytes(copy.lines, open_drawer=copy.cash))
    assert squeezed(text) == squeezed(pdf_text(copy.pdf))
    assert commands[-1] == b"\x1dV\x00"  # the paper is cut at the end
    assert (CD_KICK_2 in commands) is (kind != "purchase")  # cash: the drawer opens


def test_the_purchase_receipt_states_the_gas_written_to_the_card(
    fee_data: FeeData, receipts: dict[str, int]
) -> None:
    copy = prepare_print(receipts["purchase"], fee_data.teller.id)
    text, _ = printed_text(receipt_bytes(copy.lines))
    for words in ("写卡气量33.334m³", f"IC卡号{IC_CARD}", "购气次数第1次", "购气收据"):
        assert words in squeezed(text)
        assert words in squeezed(pdf_text(copy.pdf))


def test_a_reprint_is_marked_and_opens_no_drawer(
    fee_data: FeeData, receipts: dict[str, int]
) -> None:
    record_print(prepare_print(receipts["bill"], fee_data.teller.id))
    copy = prepare_print(receipts["bill"], fee_data.teller.id)
    assert copy.reprint and copy.cash
    text, _ = printed_text(receipt_bytes(copy.lines))
    assert "【重印】" in text and squeezed(text) == squeezed(pdf_text(copy.pdf))
