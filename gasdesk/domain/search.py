"""What a teller types into the search field, and what it can mean.

Pure text work, shared by the index (which grams an account is filed under) and the
search service (which grams and prefixes a query asks for):

- the input is normalised (NFKC folds full-width digits and letters, control and
  surrogate characters go, runs of spaces collapse, case folds, length is capped);
- a query of digits looks up account numbers and meter numbers by prefix and, from
  four digits on, mobile numbers by substring;
- a query of Latin letters looks up pinyin initials by prefix (and meter numbers);
- anything else is a list of terms that must all occur in the name or the address.

SQLite's FTS5 trigram tokenizer cannot find a two-character Chinese string such as
张三, so the index is our own: every two-character window (bigram) of the name and
the address, every four-digit window of the mobile number (prefixed with '#'), and
the first character of the name (prefixed with '^', for a surname typed alone). A
term of two or more characters is looked up through its rarest gram and checked
exactly afterwards. Nothing depends on the database's collation.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from gasdesk.domain.records import AccountSummary

MAX_INPUT_CHARS = 256  # looked at before normalising, so a pasted novel costs nothing
MAX_QUERY_CHARS = 64
MAX_TERMS = 6
MIN_PHONE_DIGITS = 4
PHONE_GRAM = 4
PHONE_PREFIX = "#"
NAME_START = "^"
DIGIT_SEPARATORS = frozenset("- ")


class Field(StrEnum):
    """The account field a match was found in (the results table highlights it)."""

    NUMBER = "number"
    METER = "meter"
    PHONE = "phone"
    NAME = "name"
    ADDRESS = "address"
    INITIALS = "initials"


@dataclass(frozen=True)
class Match:
    field: Field
    start: int
    end: int


@dataclass(frozen=True)
class SearchHit:
    account: AccountSummary
    kind: Field  # the strongest way this account was found
    matches: tuple[Match, ...]
    matched_meter: str = ""  # the meter number that matched, when it is not the current one

    def spans(self, field: Field) -> list[tuple[int, int]]:
        return [(m.start, m.end) for m in self.matches if m.field == field]


class QueryKind(StrEnum):
    EMPTY = "empty"
    DIGITS = "digits"  # account number prefix, meter number prefix, mobile substring
    LETTERS = "letters"  # pinyin initials prefix, meter number prefix
    CODE = "code"  # letters and digits mixed: account or meter number prefix
    TEXT = "text"  # name / address terms, all required


@dataclass(frozen=True)
class SearchQuery:
    kind: QueryKind
    text: str  # normalised
    terms: tuple[str, ...] = ()


def normalize(text: object) -> str:
    """NFKC, printable characters only, single spaces, lower case, capped length."""
    if not isinstance(text, str):
        return ""
    text = unicodedata.normalize("NFKC", text[:MAX_INPUT_CHARS])
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    text = " ".join(text.split()).lower()
    return text[:MAX_QUERY_CHARS].strip()


def fold_field(text: str) -> str:
    """A stored field the way the index sees it: NFKC, lower case, no spaces."""
    text = unicodedata.normalize("NFKC", text or "").lower()
    return "".join(ch for ch in text if ch.isprintable() and not ch.isspace())


def _is_ascii_digits(s: str) -> bool:
    return bool(s) and all("0" <= ch <= "9" for ch in s)


def _is_ascii_letters(s: str) -> bool:
    return bool(s) and all("a" <= ch <= "z" for ch in s)


def _is_ascii_alnum(s: str) -> bool:
    return bool(s) and all("a" <= ch <= "z" or "0" <= ch <= "9" for ch in s)


def parse_query(raw: object) -> SearchQuery:
    text = normalize(raw)
    if not text:
        return SearchQuery(QueryKind.EMPTY, "")
    compact = "".join(ch for ch in text if ch not in DIGIT_SEPARATORS)
    if _is_ascii_digits(compact):
        return SearchQuery(QueryKind.DIGITS, compact, (compact,))
    if " " not in text and _is_ascii_letters(text):
        return SearchQuery(QueryKind.LETTERS, text, (text,))
    if " " not in text and _is_ascii_alnum(text):
        return SearchQuery(QueryKind.CODE, text, (text,))
    terms: list[str] = []
    for term in text.split(" "):
        if term and term not in terms:
            terms.append(term)
    # A shorter term that is part of a longer one adds nothing but work.
    terms = [t for t in terms if not any(t != o and t in o for o in terms)]
    return SearchQuery(QueryKind.TEXT, text, tuple(terms[:MAX_TERMS]))


def bigrams(folded: str) -> set[str]:
    return {folded[i : i + 2] for i in range(len(folded) - 1)}


def phone_grams(phone: str) -> set[str]:
    digits = "".join(ch for ch in fold_field(phone) if "0" <= ch <= "9")
    return {PHONE_PREFIX + digits[i : i + PHONE_GRAM] for i in range(len(digits) - PHONE_GRAM + 1)}


def name_start_gram(first: str) -> str:
    """The gram of a name's first character (the surname): '^张'."""
    return NAME_START + first


def account_grams(name: str, address: str, phone: str) -> set[str]:
    """Every gram an account is filed under. Name and address are windowed apart, so
    no gram straddles the two."""
    folded = fold_field(name)
    grams = bigrams(folded) | bigrams(fold_field(address)) | phone_grams(phone)
    if folded:
        grams.add(name_start_gram(folded[0]))
    return grams


def term_grams(term: str) -> set[str]:
    """Grams that any field containing `term` must be filed under."""
    if _is_ascii_digits(term) and len(term) >= MIN_PHONE_DIGITS:
        # It may be part of the mobile number rather than the address: the term is
        # only checked, it does not narrow the candidates.
        return set()
    return bigrams(term)


def prefix_upper_bound(prefix: str) -> str:
    """The smallest string greater than every string starting with `prefix`
    (for an index range `prefix <= x < bound`)."""
    last = prefix[-1]
    if ord(last) >= 0x10FFFF:
        return prefix + "\U0010ffff"
    nxt = ord(last) + 1
    if 0xD800 <= nxt <= 0xDFFF:  # skip the surrogate block: not encodable
        nxt = 0xE000
    return prefix[:-1] + chr(nxt)


def find_spans(haystack: str, needle: str) -> list[tuple[int, int]]:
    """Where `needle` occurs in `haystack`, ignoring case and full-width forms."""
    if not needle or not haystack:
        return []
    if unicodedata.is_normalized("NFKC", haystack) and haystack.lower() == haystack:
        # Already folded (the usual stored name or address): each character folds
        # to itself, so positions need no mapping.
        direct: list[tuple[int, int]] = []
        at = haystack.find(needle)
        while at >= 0:
            direct.append((at, at + len(needle)))
            at = haystack.find(needle, at + len(needle))
        return direct
    folded = [unicodedata.normalize("NFKC", ch).lower() for ch in haystack]
    # Positions in the original string, one folded piece per original character.
    joined = "".join(folded)
    starts: list[int] = []
    pos = 0
    for piece in folded:
        starts.append(pos)
        pos += len(piece)
    spans: list[tuple[int, int]] = []
    at = joined.find(needle)
    while at >= 0:
        end = at + len(needle)
        first = bisect.bisect_right(starts, at) - 1
        last = bisect.bisect_left(starts, end) - 1
        spans.append((first, last + 1))
        at = joined.find(needle, end)
    return spans


def text_matches(name: str, address: str, terms: Iterable[str]) -> tuple[Match, ...]:
    found: list[Match] = []
    for term in terms:
        for field, value in ((Field.NAME, name), (Field.ADDRESS, address)):
            found.extend(Match(field, s, e) for s, e in find_spans(value, term))
    return tuple(found)


def digits_spans(value: str, digits: str) -> list[tuple[int, int]]:
    """Where the digit string occurs in `value`, skipping separators such as '-' or
    spaces inside the stored value (138-0000-1234)."""
    positions = [i for i, ch in enumerate(value) if "0" <= ch <= "9"]
    only = "".join(value[i] for i in positions)
    spans: list[tuple[int, int]] = []
    at = only.find(digits)
    while at >= 0 and digits:
        spans.append((positions[at], positions[at + len(digits) - 1] + 1))
        at = only.find(digits, at + len(digits))
    return spans
