"""Counting a cash drawer by denomination, and what the drawer should hold.

Denominations are the notes and coins that are legal tender: 100, 50, 20, 10, 5 and
1 yuan; 5 and 1 jiao; 5, 2 and 1 fen. Notes and coins of one value are counted on one
line: they are worth the same. Amounts are in fen and customers pay bills to the fen,
so the drawer holds fen coins and the cashier counts them: a drawer is reconciled
exactly, with no rounding rule and no difference left over from rounding. (The 2-jiao
note of the fourth series left circulation in 2018 and is not counted.)

Expected cash of a shift:

    opening float + cash taken − change given + paid in − paid out − cash voids

"Cash taken" is derived from the recorded payment, not from the tendered figure:
taken = amount + change for each cash payment. A consistent payment has
tendered = amount + change, so the figure equals what the customer handed over; if a
row were ever inconsistent, the drawer is still reconciled against the amount the
receipt says was collected (taken − change = amount, always), and the mismatch is
reported on its own line instead of moving the expected cash.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from gasdesk.domain.methods import CASH, TENDER_METHODS
from gasdesk.domain.money import parse_fixed
from gasdesk.domain.text import QT_TRANSLATE_NOOP, UserError

# Values in fen, largest first: 100, 50, 20, 10, 5, 1 yuan; 5, 1 jiao; 5, 2, 1 fen.
DENOMINATIONS_FEN: tuple[int, ...] = (10000, 5000, 2000, 1000, 500, 100, 50, 10, 5, 2, 1)
# A drawer holds at most a few thousand pieces of one value; more is a typing slip.
MAX_PIECES = 99_999

# The drawer is reconciled per tender method. Bills settled from the prepaid balance
# ('balance') move no money at the counter and are left out here.
RECONCILED_METHODS: tuple[str, ...] = TENDER_METHODS
NON_CASH_METHODS: tuple[str, ...] = tuple(m for m in TENDER_METHODS if m != CASH)


class CountError(UserError):
    """A denomination count that is not a whole non-negative number."""


def denomination_label(value_fen: int) -> str:
    """'100元', '5角', '2分' — how the denomination is printed on the note or coin."""
    if value_fen >= 100:
        return f"{value_fen // 100}元"
    if value_fen >= 10:
        return f"{value_fen // 10}角"
    return f"{value_fen}分"


def parse_count(text: str) -> int:
    """Pieces of one denomination as typed: whole and not negative. Full-width digits
    are accepted; an empty field counts as none."""
    cleaned = unicodedata.normalize("NFKC", text).strip()
    if cleaned == "":
        return 0
    if not cleaned.isascii() or not cleaned.isdigit():
        raise CountError(
            QT_TRANSLATE_NOOP(
                "Messages", "A count is a whole number of notes or coins, not '{text}'."
            ),
            text=text.strip(),
        )
    value = int(cleaned)
    if value > MAX_PIECES:
        raise CountError(
            QT_TRANSLATE_NOOP(
                "Messages", "{value} pieces of one value is more than a drawer holds."
            ),
            value=value,
        )
    return value


def parse_terminal_total(text: str) -> int:
    """A settlement total read off a terminal, in yuan: blank is none (0); otherwise
    the strict amount rules, zero allowed."""
    if not unicodedata.normalize("NFKC", text).strip():
        return 0
    return parse_fixed(text, places=2, prefixes=("¥", "RMB", "CNY"), suffixes=("元",))


@dataclass(frozen=True)
class CashCount:
    """Pieces per denomination (every denomination present, zero when none)."""

    pieces: tuple[tuple[int, int], ...]

    @classmethod
    def of(cls, counts: Mapping[int, int]) -> CashCount:
        unknown = sorted(set(counts) - set(DENOMINATIONS_FEN))
        if unknown:
            raise CountError(
                QT_TRANSLATE_NOOP("Messages", "{value} fen is not a denomination that is counted."),
                value=unknown[0],
            )
        lines = []
        for value in DENOMINATIONS_FEN:
            n = counts.get(value, 0)
            if isinstance(n, bool) or not isinstance(n, int) or n < 0 or n > MAX_PIECES:
                raise CountError(
                    QT_TRANSLATE_NOOP(
                        "Messages", "A count is a whole number of notes or coins, not '{text}'."
                    ),
                    text=str(n),
                )
            lines.append((value, n))
        return cls(tuple(lines))

    @classmethod
    def parse(cls, texts: Mapping[int, str]) -> CashCount:
        return cls.of({value: parse_count(text) for value, text in texts.items()})

    @classmethod
    def empty(cls) -> CashCount:
        return cls.of({})

    @property
    def total_fen(self) -> int:
        return sum(value * n for value, n in self.pieces)

    def as_dict(self) -> dict[int, int]:
        return dict(self.pieces)


@dataclass(frozen=True)
class CashPaymentLine:
    """One cash payment (or the void of one) as the drawer sees it."""

    amount_fen: int
    tendered_fen: int = 0
    change_fen: int = 0
    is_void: bool = False
    is_refund: bool = False  # a prepaid balance paid back in cash (销户): negative amount


@dataclass(frozen=True)
class ExpectedCash:
    opening_float_fen: int = 0
    cash_taken_fen: int = 0
    change_given_fen: int = 0
    paid_in_fen: int = 0
    paid_out_fen: int = 0
    cash_voids_fen: int = 0  # positive: cash handed back when a payment was voided
    cash_refunds_fen: int = 0  # positive: prepaid balances paid back in cash (销户)
    tender_mismatches: int = 0  # payments whose tendered ≠ amount + change

    @property
    def expected_fen(self) -> int:
        return (
            self.opening_float_fen
            + self.cash_taken_fen
            - self.change_given_fen
            + self.paid_in_fen
            - self.paid_out_fen
            - self.cash_voids_fen
            - self.cash_refunds_fen
        )


def expected_cash(
    opening_float_fen: int,
    payments: Iterable[CashPaymentLine],
    paid_in: Iterable[int] = (),
    paid_out: Iterable[int] = (),
) -> ExpectedCash:
    taken = change = voids = refunds = mismatches = 0
    for p in payments:
        if p.is_void:
            voids += -p.amount_fen  # a void row carries the negative amount
            continue
        if p.is_refund:
            refunds += -p.amount_fen  # so does a refund
            continue
        taken += p.amount_fen + p.change_fen
        change += p.change_fen
        if p.tendered_fen and p.tendered_fen != p.amount_fen + p.change_fen:
            mismatches += 1
    return ExpectedCash(
        opening_float_fen=opening_float_fen,
        cash_taken_fen=taken,
        change_given_fen=change,
        paid_in_fen=sum(paid_in),
        paid_out_fen=sum(paid_out),
        cash_voids_fen=voids,
        cash_refunds_fen=refunds,
        tender_mismatches=mismatches,
    )


def difference_kind(difference_fen: int) -> str:
    """'over' (长款) when more was counted than expected, 'short' (短款) when less."""
    if difference_fen > 0:
        return "over"
    if difference_fen < 0:
        return "short"
    return "even"


@dataclass(frozen=True)
class MethodLine:
    """Expected against counted (cash) or declared from the terminal (non-cash)."""

    method: str
    transactions: int
    expected_fen: int
    counted_fen: int
    missing_references: int = 0
    duplicate_references: tuple[str, ...] = field(default_factory=tuple)

    @property
    def difference_fen(self) -> int:
        return self.counted_fen - self.expected_fen

    @property
    def kind(self) -> str:
        return difference_kind(self.difference_fen)


@dataclass(frozen=True)
class NonCashPayment:
    method: str
    amount_fen: int  # negative for a void
    reference: str
    is_void: bool = False


def non_cash_lines(
    payments: Iterable[NonCashPayment], declared: Mapping[str, int]
) -> list[MethodLine]:
    """System totals per non-cash method against the totals the teller read off the
    terminal's settlement (declared); references missing or used twice are flagged."""
    by_method: dict[str, list[NonCashPayment]] = {m: [] for m in NON_CASH_METHODS}
    for p in payments:
        if p.method in by_method:
            by_method[p.method].append(p)
    lines = []
    for method, rows in by_method.items():
        originals = [r for r in rows if not r.is_void]
        refs = [r.reference.strip() for r in originals if r.reference.strip()]
        seen: set[str] = set()
        dupes: list[str] = []
        for ref in refs:
            if ref in seen and ref not in dupes:
                dupes.append(ref)
            seen.add(ref)
        lines.append(
            MethodLine(
                method=method,
                transactions=len(originals),
                expected_fen=sum(r.amount_fen for r in rows),
                counted_fen=declared.get(method, 0),
                missing_references=len(originals) - len(refs),
                duplicate_references=tuple(dupes),
            )
        )
    return lines
