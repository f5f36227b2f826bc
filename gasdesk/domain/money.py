"""Money is integer fen (分) everywhere; this module reads it from people and writes
it for people: `parse_amount` (strict typed input), `format_yuan` (figures) and
`capital_amount` (大写, for receipts and the read-back)."""

from __future__ import annotations

import re
import unicodedata

from gasdesk.domain.errors import TellerError
from gasdesk.domain.text import QT_TRANSLATE_NOOP

FEN_PER_YUAN = 100
# The largest amount one entry at the counter may hold (the counter's setting
# fees/ceiling_yuan, this when none is set); services apply it too (domain.limits).
DEFAULT_CEILING_FEN = 50_000_00  # ¥50,000.00
# The hard maximum of any one amount, whatever ceiling a counter configures: ten
# million yuan. More is a typing slip or an attack, never a payment at a counter; and
# it fits the 32-bit INTEGER columns of PostgreSQL (2,147,483,647 fen).
MAX_ENTRY_FEN = 10_000_000 * FEN_PER_YUAN
_MAX_INTEGER_DIGITS = 13


class AmountError(TellerError):
    """Typed amount refused; `code` says why, `message` says it to the teller."""


def format_yuan(fen: int, *, symbol: bool = False, grouped: bool = True) -> str:
    """1234 -> '12.34'; negative amounts keep their sign. From a million yuan on the
    thousands are separated by commas, unless `grouped` is off (spreadsheets)."""
    if not isinstance(fen, int) or isinstance(fen, bool):
        raise TypeError("amounts are integer fen")
    sign = "-" if fen < 0 else ""
    yuan, rest = divmod(abs(fen), FEN_PER_YUAN)
    group = grouped and abs(fen) >= 1_000_000_00
    text = f"{sign}{yuan:,}.{rest:02d}" if group else f"{sign}{yuan}.{rest:02d}"
    return ("¥" + text) if symbol else text


# --- strict parsing ---------------------------------------------------------------

_NON_FINITE = {"nan", "snan", "inf", "infinity"}
_GROUPED = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+\.[0-9]+")
_PLAIN = re.compile(r"([0-9]*)(?:\.([0-9]*))?")
_EXPONENT = re.compile(r"[0-9.]*[0-9][0-9.]*[eE][+-]?[0-9]+")
_MINUS = ("-", "\u2212", "\u2013", "\u2014")


def parse_fixed(
    text: str,
    *,
    places: int,
    prefixes: tuple[str, ...] = (),
    suffixes: tuple[str, ...] = (),
) -> int:
    """Read a non-negative decimal with at most `places` decimals as an integer count
    of 10**-places units ('128.5', places=2 -> 12850). Full-width digits and
    punctuation are accepted; an optional prefix/suffix (currency or unit) is dropped.

    Raises AmountError: empty, not_a_number, negative, not_finite, exponent,
    ambiguous_separator, too_many_decimals, too_large (over 13 integer digits).
    Zero is returned as 0: callers decide whether zero is allowed.
    """
    if not isinstance(text, str):
        raise TypeError("parse_fixed reads text")
    shown = text.strip()
    s = unicodedata.normalize("NFKC", text).strip()
    if not s:
        raise AmountError("empty", QT_TRANSLATE_NOOP("Messages", "Enter an amount."))
    for p in prefixes:
        if s.startswith(p):
            s = s[len(p) :].strip()
            break
    for x in suffixes:
        if s.endswith(x):
            s = s[: -len(x)].strip()
            break
    if not s:
        raise AmountError("empty", QT_TRANSLATE_NOOP("Messages", "Enter an amount."))
    if s.startswith(_MINUS):
        raise AmountError(
            "negative", QT_TRANSLATE_NOOP("Messages", "The amount cannot be negative.")
        )
    if s.lstrip("+").lower() in _NON_FINITE:
        raise AmountError(
            "not_finite", QT_TRANSLATE_NOOP("Messages", "'{text}' is not an amount."), text=shown
        )
    if _EXPONENT.fullmatch(s):
        raise AmountError(
            "exponent",
            QT_TRANSLATE_NOOP(
                "Messages", "Type the amount in plain digits, without an exponent ('{text}')."
            ),
            text=shown,
        )
    if "," in s and _GROUPED.fullmatch(s):
        s = s.replace(",", "")
    # a comma left over was not a thousands separator in the right places
    if "," in s or s.count(".") > 1 or re.fullmatch(r"[0-9]+(?:[ '\u00a0][0-9]+)+(?:\.[0-9]*)?", s):
        raise AmountError(
            "ambiguous_separator",
            QT_TRANSLATE_NOOP(
                "Messages",
                "'{text}' is ambiguous: type it without thousands separators, e.g. 1234.50.",
            ),
            text=shown,
        )
    m = _PLAIN.fullmatch(s)
    if not m or not (m.group(1) or m.group(2)):
        raise AmountError(
            "not_a_number",
            QT_TRANSLATE_NOOP("Messages", "'{text}' is not an amount; type digits such as 128.50."),
            text=shown,
        )
    whole, frac = m.group(1) or "0", m.group(2) or ""
    if len(frac) > places:
        raise AmountError(
            "too_many_decimals",
            QT_TRANSLATE_NOOP("Messages", "'{text}' has more than {places} decimals."),
            text=shown,
            places=places,
        )
    if len(whole.lstrip("0")) > _MAX_INTEGER_DIGITS:
        raise AmountError(
            "too_large", QT_TRANSLATE_NOOP("Messages", "'{text}' is far too large."), text=shown
        )
    return int(whole) * 10**places + int(frac.ljust(places, "0") or "0")


def effective_ceiling(ceiling_fen: int | None) -> int:
    """The ceiling that applies: DEFAULT_CEILING_FEN when none (or a nonsense one) is
    given, and never above MAX_ENTRY_FEN, whatever a counter configured."""
    if isinstance(ceiling_fen, bool) or not isinstance(ceiling_fen, int) or ceiling_fen <= 0:
        return DEFAULT_CEILING_FEN
    return min(ceiling_fen, MAX_ENTRY_FEN)


def ceiling_refusal(fen: int, ceiling_fen: int) -> AmountError:
    return AmountError(
        "too_large",
        QT_TRANSLATE_NOOP(
            "Messages",
            "{amount} yuan is above the limit of {limit} yuan for one entry; check the amount.",
        ),
        amount=format_yuan(fen),
        limit=format_yuan(ceiling_fen),
    )


def parse_amount(text: str, *, ceiling_fen: int | None = DEFAULT_CEILING_FEN) -> int:
    """Typed yuan -> integer fen, strictly.

    Accepts '128.5', '128.50', '¥128.50', '128.50元', full-width '１２８.５０' and
    correctly grouped '1,234.50'. Refuses, with an AmountError whose message says
    why: empty, text, negative, zero, more than two decimals, exponents, NaN and
    Infinity, separators that make the value ambiguous ('1,234' may mean 1.234;
    '12,50'; '1.234,50'), and anything above `ceiling_fen` (see effective_ceiling).
    """
    fen = parse_fixed(text, places=2, prefixes=("¥", "RMB", "CNY"), suffixes=("元",))
    if fen == 0:
        raise AmountError(
            "zero", QT_TRANSLATE_NOOP("Messages", "The amount must be more than zero.")
        )
    limit = effective_ceiling(ceiling_fen)
    if fen > limit:
        raise ceiling_refusal(fen, limit)
    return fen


# --- capital amounts (大写) ---------------------------------------------------------

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_IN_GROUP = ("仟", "佰", "拾", "")


def _group_text(n: int) -> str:
    """0 < n < 10000 -> '壹仟零贰拾' (a run of zeros inside reads as one 零)."""
    out: list[str] = []
    pending_zero = False
    for digit, unit in zip(f"{n:04d}", _IN_GROUP, strict=True):
        d = int(digit)
        if d == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out.append("零")
            pending_zero = False
        out.append(_DIGITS[d] + unit)
    return "".join(out)


def _yuan_text(yuan: int) -> str:
    """The integer part: 100010 -> '壹拾万零壹拾'. One 零 stands for any run of zeros
    between two non-zero digits, also across a 万/亿 boundary; trailing zeros are silent.
    Above 亿 the count of 亿 is itself written with 万 (壹万零壹亿), never 万亿."""
    if yuan >= 10**8:
        high, low = divmod(yuan, 10**8)
        text = _yuan_text(high) + "亿"
        if low:
            text += ("零" if low < 10**7 else "") + _yuan_text(low)
        return text
    if yuan >= 10**4:
        high, low = divmod(yuan, 10**4)
        text = _group_text(high) + "万"
        if low:
            text += ("零" if low < 1000 else "") + _group_text(low)
        return text
    return _group_text(yuan)


def capital_amount(fen: int) -> str:
    """Integer fen -> the capital amount written on receipts, on the read-back and on the
    customer display (all three call this function).

    Rules of the People's Bank of China (《支付结算办法》, 附件《正确填写票据和结算凭证的
    基本规定》): prefix 人民币; 元, 角, 分; 整 after 元 or 角 when there are no fen; no 元
    when there are no yuan ('伍分'); '人民币零元整' for zero; 10.00 -> '人民币壹拾元整'
    (壹拾, never a bare 拾). Zeros:

    - Inside the yuan, one 零 for a run of zeros between two non-zero digits, read as
      Chinese reads numbers: the zeros that end a 万 or 亿 section are silent, those that
      begin one are a 零 (107000 -> 壹拾万柒仟, 100100 -> 壹拾万零壹佰).
    - After 元, a 零 when zeros stand between the last non-zero yuan digit and the first
      non-zero digit of the 角 and 分: 325.04 -> 叁佰贰拾伍元零肆分 (required by the bank),
      1680.32 -> 壹仟陆佰捌拾元零叁角贰分, 10.50 -> 壹拾元零伍角整.

    Where the bank lets a 零 be written or left out (a zero 万 digit before a non-zero
    千, a zero 元 digit before a non-zero 角), this gives its first form, one 零 for
    ¥107,000.53: 人民币壹拾万柒仟元零伍角叁分.
    The input is already exact integer fen, so nothing is truncated or rounded here.
    """
    if not isinstance(fen, int) or isinstance(fen, bool):
        raise TypeError("amounts are integer fen")
    if fen < 0:
        raise ValueError("capital amounts are written for non-negative sums")
    if fen >= 10**16 * FEN_PER_YUAN:
        raise ValueError("amount too large for a capital amount")
    yuan, rest = divmod(fen, FEN_PER_YUAN)
    jiao, fen_digit = divmod(rest, 10)
    if fen == 0:
        return "人民币零元整"
    parts = ["人民币"]
    if yuan:
        parts.append(_yuan_text(yuan) + "元")
        if rest and (yuan % 10 == 0 or jiao == 0):
            parts.append("零")
    if jiao:
        parts.append(_DIGITS[jiao] + "角")
    if fen_digit:
        parts.append(_DIGITS[fen_digit] + "分")
    else:
        parts.append("整")
    return "".join(parts)
