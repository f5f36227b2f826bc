"""Finding customer accounts as the teller types.

Every kind of query reads an index range and stops at the first page:

- account number and meter number: prefix ranges on their unique indexes;
- pinyin initials: a prefix range on `account.initials`;
- one Chinese character alone: the gram of the name's first character (surnames);
- mobile digits, names and address fragments: the gram index (`search_gram`). The
  rarest gram of the query drives the lookup in account order, the next rarest ones
  must exist for the same account, and LIKE checks the exact terms.

The SQL is built through peewee and runs unchanged on SQLite and PostgreSQL. Each
statement is built once per shape and then only run with new values
(gasdesk.storage.prepared): building it costs peewee more than the index lookup
costs the database. Any input at all gives a list, possibly empty: the text is
normalised first (gasdesk.domain.search) and only ever reaches the database as
bound parameters.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import reduce
from typing import Any, NamedTuple

from peewee import SQL, Expression, Value, fn

from gasdesk.domain.records import AccountSummary
from gasdesk.domain.search import (
    MIN_PHONE_DIGITS,
    PHONE_GRAM,
    PHONE_PREFIX,
    Field,
    Match,
    QueryKind,
    SearchHit,
    digits_spans,
    find_spans,
    name_start_gram,
    parse_query,
    prefix_upper_bound,
    term_grams,
    text_matches,
)
from gasdesk.storage import prepared, search_index
from gasdesk.storage.db import is_sqlite, write_transaction
from gasdesk.storage.models import Account, Meter, db
from gasdesk.storage.models_search import SearchGram
from gasdesk.storage.prepared import like, like_pattern

PAGE = 50
MAX_PAGE = 200
RARE_CAP = 2_000  # counting a posting list stops here: beyond it a gram is "common"
EXTRA_GRAMS = 2  # besides the driving gram, how many more grams are required by index
FIRST_BATCH = 128  # candidates checked in the first round; later rounds grow fourfold
MAX_BATCH = 2_048

# Strongest first: the order hits of one query are listed in.
KIND_ORDER = (Field.NUMBER, Field.METER, Field.PHONE, Field.NAME, Field.INITIALS, Field.ADDRESS)


class _Row(NamedTuple):
    """The account columns a result needs, in summary_fields() order."""

    id: int
    number: str
    name: str
    phone: str
    address: str
    office_id: int
    user_type: str
    status: str
    balance_fen: int


def summary_fields() -> tuple[object, ...]:
    """The Account columns of an AccountSummary, in its field order (meter aside)."""
    return (
        Account.id,
        Account.number,
        Account.name,
        Account.phone,
        Account.address,
        Account.office,
        Account.user_type,
        Account.status,
        Account.balance_fen,
    )


def account_summary(
    row: Sequence[Any], meter_number: str = "", meter_kind: str = ""
) -> AccountSummary:
    """The summary of an account from a row that starts with summary_fields()."""
    return AccountSummary(
        *_Row(*row[: len(_Row._fields)]), meter_number=meter_number, meter_kind=meter_kind
    )


def _rows(found: Iterable[tuple[Any, ...]]) -> list[_Row]:
    """Plain tuples: building model instances would cost more than the query."""
    width = len(_Row._fields)
    return [_Row(*t[:width]) for t in found]


@dataclass
class _Found:
    row: _Row
    kind: Field
    matches: list[Match] = field(default_factory=list)
    matched_meter: str = ""


class _Collector:
    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.found: dict[int, _Found] = {}

    @property
    def full(self) -> bool:
        return len(self.found) >= self.limit

    def add(self, row: _Row, kind: Field, matches: Iterable[Match], meter: str = "") -> None:
        hit = self.found.get(row.id)
        if hit is None:
            if self.full:
                return
            hit = self.found[row.id] = _Found(row, kind)
        hit.matches.extend(m for m in matches if m not in hit.matches)
        if meter and not hit.matched_meter:
            hit.matched_meter = meter

    def hits(self) -> list[SearchHit]:
        ids = list(self.found)
        meters = _current_meters(ids)
        out: list[SearchHit] = []
        for account_id in ids:
            f = self.found[account_id]
            number, kind = meters.get(account_id, ("", ""))
            summary = AccountSummary(*f.row, meter_number=number, meter_kind=kind)
            # A removed meter's number is shown instead of the current one, so that
            # the highlighted digits are the ones that matched.
            matched_meter = "" if f.matched_meter == number else f.matched_meter
            out.append(SearchHit(summary, f.kind, tuple(f.matches), matched_meter))
        rank = {k: i for i, k in enumerate(KIND_ORDER)}
        out.sort(key=lambda h: rank[h.kind])  # stable: each kind keeps its index order
        return out


def _current_meters(account_ids: Sequence[int]) -> dict[int, tuple[str, str]]:
    if not account_ids:
        return {}
    rows = prepared.rows(
        ("current meters", len(account_ids)),
        lambda *ids: (
            Meter.select(Meter.account, Meter.number, Meter.kind)
            .where(Meter.account.in_(list(ids)) & Meter.removed_on.is_null())
            .order_by(Meter.installed_on, Meter.id)
        ),
        list(account_ids),
    )
    return {account_id: (number, kind) for account_id, number, kind in rows}


def _bytewise(column: Any) -> Any:
    """The column compared in code-point order, whatever the database's collation:
    SQLite's BINARY already is; on PostgreSQL it is COLLATE "C", which the indexes
    made by migration 20 use (a Chinese or English collation would put '张三' outside
    the range ['张', '张'+1) and '3309x' outside ['3309', '330:'))."""
    return column if is_sqlite() else column.collate('"C"')


def _range(column: Any, low: Value, high: Value) -> Expression:
    """`column` starts with a prefix, as the index range [prefix, its upper bound). In
    code-point order the range is exact (LIKE would scan: SQLite's LIKE ignores
    case, so a binary index cannot serve it)."""
    col = _bytewise(column)
    return (col >= low) & (col < high)


def _prefix_values(prefix: str, limit: int) -> list[Any]:
    return [prefix, prefix_upper_bound(prefix), limit]


def _by_number(prefix: str, into: _Collector) -> None:
    prefix = prefix.upper()
    rows = _rows(
        prepared.rows(
            "number",
            lambda low, high, limit: (
                Account.select(*summary_fields())
                .where(_range(Account.number, low, high))
                .order_by(_bytewise(Account.number))
                .limit(limit)
            ),
            _prefix_values(prefix, into.limit),
        )
    )
    for row in rows:
        into.add(row, Field.NUMBER, [Match(Field.NUMBER, 0, len(prefix))])


def _by_meter(prefix: str, into: _Collector) -> None:
    prefix = prefix.upper()
    rows = prepared.rows(
        "meter",
        lambda low, high, limit: (
            Account.select(*summary_fields(), Meter.number)
            .join(Meter, on=(Meter.account == Account.id))
            .where(_range(Meter.number, low, high))
            .order_by(_bytewise(Meter.number))
            .limit(limit)
        ),
        _prefix_values(prefix, into.limit),
    )
    width = len(_Row._fields)
    for t in rows:
        into.add(
            _Row(*t[:width]), Field.METER, [Match(Field.METER, 0, len(prefix))], meter=t[width]
        )


def _by_initials(prefix: str, into: _Collector) -> None:
    rows = _rows(
        prepared.rows(
            "initials",
            lambda low, high, limit: (
                Account.select(*summary_fields())
                .where(_range(Account.initials, low, high))
                .order_by(_bytewise(Account.initials), Account.id)
                .limit(limit)
            ),
            _prefix_values(prefix, into.limit),
        )
    )
    for row in rows:
        chinese = [i for i, ch in enumerate(row.name) if "\u4e00" <= ch <= "\u9fff"]
        shown = chinese[: len(prefix)]
        matches = [Match(Field.NAME, shown[0], shown[-1] + 1)] if shown else []
        into.add(row, Field.INITIALS, matches)


def _capped_counts(grams: Sequence[str]) -> dict[str, int]:
    """How many accounts each gram is filed under, counting no further than RARE_CAP,
    in one round trip."""
    database = db.obj
    param = database.param
    parts = [
        f"(SELECT COUNT(*) FROM (SELECT 1 FROM search_gram WHERE gram = {param} LIMIT {RARE_CAP}) AS c{i})"
        for i in range(len(grams))
    ]
    row = database.execute_sql("SELECT " + ", ".join(parts), list(grams)).fetchone()
    return dict(zip(grams, (int(n) for n in row), strict=True))


@dataclass(frozen=True)
class _Check:
    """What an account found through the grams must also satisfy, exactly: for each
    pattern, a LIKE on any of its columns. The columns make the statement's shape;
    the patterns are its values."""

    columns: tuple[tuple[str, ...], ...]
    patterns: tuple[str, ...]

    def __and__(self, other: _Check) -> _Check:
        return _Check(self.columns + other.columns, self.patterns + other.patterns)

    def build(self, patterns: Sequence[Value]) -> Expression:
        tests = [
            reduce(operator.or_, (like(getattr(Account, c), p) for c in columns))
            for columns, p in zip(self.columns, patterns, strict=True)
        ]
        return reduce(operator.and_, tests)


def _gram_filter(table: Any, drive: Value, extra: Sequence[Value]) -> Expression:
    """Rows of `table` (SearchGram or an alias) for `drive` whose account is also
    filed under every `extra` gram (index-only semi-joins on the key)."""
    where = table.gram == drive
    for g in extra:
        other = SearchGram.alias()
        where = where & fn.EXISTS(
            other.select(SQL("1")).where((other.gram == g) & (other.account == table.account))
        )
    return where


def _walk_sqlite(drive: str, extra: Sequence[str], check: _Check | None, limit: int) -> list[_Row]:
    """One statement: SQLite walks the (gram, account) key in order, checks each
    account as it goes and stops at the page."""
    k = len(extra)

    def build(*v: Value) -> Any:
        where = _gram_filter(SearchGram, v[0], v[1 : 1 + k])
        if check is not None:
            where = where & check.build(v[1 + k : -1])
        return (
            Account.select(*summary_fields())
            .join(SearchGram, on=(SearchGram.account == Account.id))
            .where(where)
            .order_by(SearchGram.account)
            .limit(v[-1])
        )

    shape = ("walk", k, check.columns if check else None)
    patterns = check.patterns if check else ()
    return _rows(prepared.rows(shape, build, [drive, *extra, *patterns, limit]))


def _walk_in_batches(
    drive: str, extra: Sequence[str], check: _Check | None, limit: int
) -> list[_Row]:
    """Candidates from the key in batches, each batch checked by primary key.
    PostgreSQL cannot estimate how many rows the LIKE checks keep; guessing few, it
    would hash-join the whole account table and sort rather than walk the key and
    stop, so the walk is spelled out here."""
    k = len(extra)
    found: list[_Row] = []
    after = 0
    size = limit if check is None else max(FIRST_BATCH, 2 * limit)

    def candidates(*v: Value) -> Any:
        where = _gram_filter(SearchGram, v[0], v[1 : 1 + k]) & (SearchGram.account > v[-2])
        return (
            SearchGram.select(SearchGram.account)
            .where(where)
            .order_by(SearchGram.account)
            .limit(v[-1])
        )

    while len(found) < limit:
        ids = [
            account_id
            for (account_id,) in prepared.rows(
                ("candidates", k), candidates, [drive, *extra, after, size]
            )
        ]
        if not ids:
            break
        n = len(ids)

        def batch(*v: Value, n: int = n) -> Any:
            where = Account.id.in_(list(v[:n]))
            if check is not None:
                where = where & check.build(v[n:])
            return Account.select(*summary_fields()).where(where).order_by(Account.id)

        shape = ("batch", n, check.columns if check else None)
        patterns = check.patterns if check else ()
        found.extend(_rows(prepared.rows(shape, batch, [*ids, *patterns])))
        if n < size:
            break
        after, size = ids[-1], min(size * 4, MAX_BATCH)
    return found[:limit]


def _choose(per_term: Sequence[set[str]], counts: dict[str, int]) -> tuple[str, list[str]]:
    """The rarest gram drives; the others required are the rarest of each other term
    first (two grams of one word say little more than one), then the next rarest."""
    rank = sorted(set().union(*per_term), key=lambda g: (counts[g], g))
    drive = rank[0]
    extra: list[str] = []
    for grams in sorted(per_term, key=lambda gs: min(counts[g] for g in gs)):
        if drive not in grams:
            extra.append(min(grams, key=lambda g: (counts[g], g)))
    extra += [g for g in rank[1:] if g not in extra]
    return drive, extra[:EXTRA_GRAMS]


def _by_grams(per_term: Sequence[set[str]], check: _Check | None, into: _Collector) -> list[_Row]:
    """Accounts filed under the grams of every term that also pass `check` (None:
    the grams alone decide), in account order, at most one page."""
    per_term = [g for g in per_term if g]
    if not per_term:
        return []
    grams = sorted(set().union(*per_term))
    if len(grams) == 1:
        drive, extra = grams[0], list[str]()  # nothing to choose between
    else:
        counts = _capped_counts(grams)
        if min(counts.values()) == 0:
            return []  # some gram is filed nowhere: nothing can match
        drive, extra = _choose(per_term, counts)
    walk = _walk_sqlite if is_sqlite() else _walk_in_batches
    return walk(drive, extra, check, into.limit)


def _phone_grams(digits: str) -> set[str]:
    return {PHONE_PREFIX + digits[i : i + PHONE_GRAM] for i in range(len(digits) - PHONE_GRAM + 1)}


def _by_phone(digits: str, into: _Collector) -> None:
    check = _Check((("phone",),), (like_pattern(digits),))
    for row in _by_grams([_phone_grams(digits)], check, into):
        into.add(
            row, Field.PHONE, [Match(Field.PHONE, s, e) for s, e in digits_spans(row.phone, digits)]
        )


def _term_check(term: str) -> _Check:
    """`term` in the name or the address (or the mobile number, for digits)."""
    columns: tuple[str, ...] = ("name", "address")
    if term.isascii() and term.isdigit() and len(term) >= MIN_PHONE_DIGITS:
        columns += ("phone",)
    return _Check((columns,), (like_pattern(term),))


def _text_match_list(row: _Row, terms: Sequence[str]) -> list[Match]:
    matches = list(text_matches(row.name, row.address, terms))
    for term in terms:
        if term.isascii() and term.isdigit():
            matches.extend(Match(Field.PHONE, s, e) for s, e in find_spans(row.phone, term))
    return matches


def _by_text(terms: Sequence[str], into: _Collector) -> None:
    check = reduce(operator.and_, (_term_check(term) for term in terms))
    per_term = [term_grams(term) for term in terms]
    if any(per_term):
        rows = _by_grams(per_term, check, into)
    else:
        digit_terms = [
            t for t in terms if t.isascii() and t.isdigit() and len(t) >= MIN_PHONE_DIGITS
        ]
        if digit_terms:
            rows = _by_grams([_phone_grams(max(digit_terms, key=len))], check, into)
        else:
            # Only single characters: the first is most likely a surname.
            first = terms[0]
            only = len(terms) == 1  # then the surname gram alone decides
            surname = (
                None if only else check & _Check((("name",),), (like_pattern(first, prefix=True),))
            )
            rows = _by_grams([{name_start_gram(first)}], surname, into)
    for row in rows:
        matches = _text_match_list(row, terms)
        kind = Field.NAME if any(m.field == Field.NAME for m in matches) else Field.ADDRESS
        if not any(m.field in (Field.NAME, Field.ADDRESS) for m in matches):
            kind = Field.PHONE
        into.add(row, kind, matches)


def search_accounts(text: object, limit: int = PAGE) -> list[SearchHit]:
    """The first page of accounts matching what the teller typed, strongest kind of
    match first, with what matched for highlighting."""
    query = parse_query(text)
    try:
        limit = max(1, min(int(limit), MAX_PAGE))
    except (TypeError, ValueError):
        limit = PAGE
    into = _Collector(limit)
    kinds: list[Callable[[str, _Collector], None]] = []
    if query.kind is QueryKind.DIGITS:
        kinds = [_by_number, _by_meter]
        if len(query.text) >= MIN_PHONE_DIGITS:
            kinds.append(_by_phone)
    elif query.kind is QueryKind.LETTERS:
        kinds = [_by_initials, _by_meter]
    elif query.kind is QueryKind.CODE:
        kinds = [_by_number, _by_meter]
    elif query.kind is QueryKind.TEXT:
        _by_text(query.terms, into)
    for by in kinds:
        if into.full:
            break  # the first page is filled by the stronger kinds
        by(query.text, into)
    return into.hits()


def index_account(account_id: int) -> bool:
    """Keep the search index (and the pinyin initials) in step with one account.
    Every service that creates an account or changes its name, address or mobile
    number calls this inside its own transaction (it nests as a savepoint)."""
    with write_transaction():
        return search_index.index_account(account_id)


def rebuild_search_index() -> int:
    """File every account again (after a bulk import such as the demo set); returns
    the number of index rows."""
    with write_transaction():
        return search_index.rebuild_index()
