"""Benchmarks 3 and 4: the customer search, each kind of query, first page; and the
account view with its 24 months of history.

The figure is the service call (query text in, domain dataclasses out). The floor is
the very same SQL statements, captured from the call, replayed on a bare sqlite3
connection to the same file and fetched: what the database itself needs.
"""

from __future__ import annotations

import logging
import random
import re
import sqlite3
import statistics
from collections.abc import Callable
from functools import partial
from typing import Any

from bench.demo_db import DemoDb, close_bound
from bench.measure import median_ms
from bench.report import Goal, Row

Statement = tuple[str, tuple[Any, ...]]
SEARCH_GOAL = Goal(15.0, ratio=2.0)
VIEW_GOAL = Goal(50.0)
FLOOR = "the same SQL statements on a bare sqlite3 connection"
ADDRESS = re.compile(r"([\u4e00-\u9fff]{2,4}?(?:小区|家园|花园|新村|村))(\d+号楼?)")


class _Capture(logging.Handler):
    """Collects the (sql, params) pairs peewee logs at DEBUG level."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.statements: list[Statement] = []

    def emit(self, record: logging.LogRecord) -> None:
        if isinstance(record.msg, tuple) and len(record.msg) == 2:
            sql, params = record.msg
            self.statements.append((sql, tuple(params or ())))


def captured(fn: Callable[[], object]) -> list[Statement]:
    """The statements `fn` sends through peewee."""
    logger = logging.getLogger("peewee")
    handler = _Capture()
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        fn()
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    return handler.statements


def replay(raw: sqlite3.Connection, statements: list[Statement]) -> Callable[[], None]:
    def run() -> None:
        cur = raw.cursor()
        for sql, params in statements:
            cur.execute(sql, params)
            cur.fetchall()
        cur.close()

    return run


def sample_queries(rng: random.Random, n: int) -> dict[str, list[str]]:
    """`n` queries of each kind a teller types, taken from random accounts."""
    from gasdesk.domain.names import initials
    from gasdesk.storage.models import Account, Meter
    from gasdesk.storage.rows import tuples

    ids = [int(r[0]) for r in tuples(Account.select(Account.id))]
    picked = list(
        Account.select().where(Account.id.in_(rng.sample(ids, min(len(ids), 20 * n + 100))))
    )
    rng.shuffle(picked)
    meters = {
        m.account_id: m.number
        for m in Meter.select().where(Meter.account.in_([a.id for a in picked]))
    }
    fragments = []
    for a in picked:
        m = ADDRESS.search(a.address)
        if m:
            fragments.append(f"{m.group(1)} {m.group(2)}")
    first = picked[:n]
    return {
        "account number, prefix of 6": [a.number[:6] for a in first],
        "account number, whole": [a.number for a in first],
        "meter number, prefix of 8": [meters[a.id][:8] for a in first if a.id in meters],
        "mobile, 4 middle digits": [a.phone[3:7] for a in first],
        "mobile, last 4 digits": [a.phone[-4:] for a in first],
        "mobile, 8 digits": [a.phone[3:] for a in first],
        "name, 2 characters": [a.name for a in picked if len(a.name) == 2][:n],
        "name, 3 characters": [a.name for a in picked if len(a.name) == 3][:n],
        "surname alone": [a.name[0] for a in first],
        "address, 2 fragments": fragments[:n],
        "pinyin initials": [initials(a.name) for a in first],
        "nothing matches": ["查无此人", "9999999999999", "qqqqqq"],
    }


def _raw(demo: DemoDb) -> sqlite3.Connection:
    demo.open()
    return sqlite3.connect(str(demo.path))


def _done(raw: sqlite3.Connection) -> None:
    raw.close()
    close_bound()


def run_search(demo: DemoDb, runs: int, queries: int) -> list[Row]:
    from gasdesk.services.search import search_accounts

    raw = _raw(demo)
    rows: list[Row] = []
    try:
        for kind, texts in sample_queries(random.Random(20), queries).items():
            ours: list[float] = []
            floor: list[float] = []
            hits: list[int] = []
            for q in texts:
                call = partial(search_accounts, q)
                ours.append(median_ms(call, runs))
                floor.append(median_ms(replay(raw, captured(call)), runs))
                hits.append(len(search_accounts(q)))
            rows.append(
                Row(
                    "search",
                    f"3. search: {kind}",
                    "ms",
                    statistics.median(ours),
                    statistics.median(floor),
                    FLOOR,
                    SEARCH_GOAL,
                    runs=len(texts) * runs,
                    extra={"example": texts[0], "hits_median": statistics.median(hits)},
                )
            )
    finally:
        _done(raw)
    return rows


def run_view(demo: DemoDb, runs: int, accounts: int) -> list[Row]:
    from gasdesk.services.account_view import load_account_view
    from gasdesk.storage.models import Account
    from gasdesk.storage.rows import tuples

    raw = _raw(demo)
    try:
        ids = [int(r[0]) for r in tuples(Account.select(Account.id))]
        picked = random.Random(21).sample(ids, min(len(ids), accounts))
        calls = [partial(load_account_view, i) for i in picked]
        ours = [median_ms(call, runs) for call in calls]
        floor = [median_ms(replay(raw, captured(call)), runs) for call in calls]
        readings = [len(v.readings) for i in picked if (v := load_account_view(i)) is not None]
    finally:
        _done(raw)
    return [
        Row(
            "view",
            "4. account view, full history",
            "ms",
            statistics.median(ours),
            statistics.median(floor),
            FLOOR,
            VIEW_GOAL,
            runs=len(picked) * runs,
            note=f"{statistics.median(readings):.0f} readings per account (median)",
        )
    ]
