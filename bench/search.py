"""Customer search and the account view on a large database.

    python -m bench.search [--accounts 100000] [--db FILE] [--runs 5] [--rebuild]

Builds the database once (the demo generator when it is installed, otherwise the
bulk fixture in bench/lookup_fixture.py) and reuses it on later runs. For every kind
of search it prints the median time of the service call (query text in, domain
dataclasses out), the median time of the very same SQL statements replayed on a bare
sqlite3 connection (the floor: what the database itself needs), and their ratio. The
last column is what a plain LIKE '%...%' scan of the account table costs, for scale.
"""

from __future__ import annotations

import argparse
import logging
import random
import re
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gasdesk.domain.names import initials
from gasdesk.services.account_view import load_account_view
from gasdesk.services.search import rebuild_search_index, search_accounts
from gasdesk.storage.db import open_database
from gasdesk.storage.models import Account, Meter, Reading, db

Statement = tuple[str, tuple[Any, ...]]


class Capture(logging.Handler):
    """Collects the (sql, params) pairs peewee logs at DEBUG level."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.statements: list[Statement] = []

    def emit(self, record: logging.LogRecord) -> None:
        if isinstance(record.msg, tuple) and len(record.msg) == 2:
            sql, params = record.msg
            self.statements.append((sql, tuple(params or ())))


def captured(fn: Callable[[], object]) -> list[Statement]:
    logger = logging.getLogger("peewee")
    handler = Capture()
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        fn()
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    return handler.statements


def median_ms(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm the page cache and peewee's caches
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def build(path: Path | None, accounts: int, url: str | None = None) -> None:
    print(f"building {url or path} with {accounts} accounts ...", flush=True)
    t0 = time.perf_counter()
    if url:
        open_database(url=url)
    else:
        open_database(path)
    try:
        from gasdesk.demo.generate import generate  # type: ignore[import-not-found]
    except ImportError:
        from bench.lookup_fixture import PostgresConnection
        from bench.lookup_fixture import generate as bulk

        with db.atomic():
            if url:
                pg = PostgresConnection(db.connection())
                bulk(pg, accounts)
                pg.reset_sequences()
            else:
                bulk(db.connection(), accounts)
        source = "bench fixture"
    else:
        generate(accounts=accounts)
        source = "demo generator"
    print(f"  data ({source}): {time.perf_counter() - t0:.1f} s", flush=True)
    t1 = time.perf_counter()
    rows = rebuild_search_index()
    print(f"  rebuild_search_index(): {rows} grams in {time.perf_counter() - t1:.1f} s", flush=True)
    db.execute_sql("ANALYZE")
    if not url:
        db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def sample_queries(rng: random.Random, n: int) -> dict[str, list[str]]:
    ids = [r for (r,) in Account.select(Account.id).tuples()]
    picked = [Account.get_by_id(i) for i in rng.sample(ids, min(len(ids), 400))]
    meters = {
        m.account_id: m.number
        for m in Meter.select().where(Meter.account.in_([a.id for a in picked]))
    }
    two = [a.name for a in picked if len(a.name) == 2][:n]
    three = [a.name for a in picked if len(a.name) == 3][:n]
    fragments = []
    for a in picked:
        m = re.search(
            r"[镇区]([\u4e00-\u9fff]{2,5}?(?:小区|花园|新村|苑|家园|华庭|里|华府|新区|名苑))(\d+号楼)",
            a.address,
        )
        if m:
            fragments.append(f"{m.group(1)} {m.group(2)}")
    return {
        "account number prefix (6)": [a.number[:6] for a in picked[:n]],
        "account number (whole)": [a.number for a in picked[:n]],
        "meter number prefix (8)": [meters[a.id][:8] for a in picked[:n] if a.id in meters],
        "mobile, 4 middle digits": [a.phone[3:7] for a in picked[:n]],
        "mobile, last 4 digits": [a.phone[-4:] for a in picked[:n]],
        "mobile, 8 digits": [a.phone[3:] for a in picked[:n]],
        "name, 2 characters": two,
        "name, 3 characters": three,
        "surname, 1 character": [a.name[0] for a in picked[:n]],
        "address fragments (2 terms)": fragments[:n],
        "pinyin initials": [initials(a.name) for a in picked[:n]],
        "nothing matches": ["查无此人", "9999999999999", "qqqqqq"],
    }


def like_scan(con: Any, query: str, param: str) -> float:
    term = query.split(" ")[0]
    sql = (
        f"SELECT id FROM account WHERE name LIKE {param} OR address LIKE {param}"
        f" OR phone LIKE {param} LIMIT 50"
    )
    pattern = f"%{term}%"

    def run() -> None:
        cur = con.cursor()
        cur.execute(sql, (pattern, pattern, pattern))
        cur.fetchall()
        cur.close()

    return median_ms(run, 3)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--accounts", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=5, help="timed runs per query")
    parser.add_argument("--queries", type=int, default=20, help="queries per kind")
    parser.add_argument("--rebuild", action="store_true", help="build the database again")
    parser.add_argument("--reindex", action="store_true", help="rebuild the search index first")
    parser.add_argument(
        "--url", help="an empty PostgreSQL database to build in and measure instead"
    )
    args = parser.parse_args(argv)
    path = args.db or Path(tempfile.gettempdir()) / f"gasdesk-bench-{args.accounts}.db"
    raw: Any
    if args.url:
        import psycopg2

        open_database(url=args.url)
        if args.rebuild or Account.select().count() == 0:
            db.close()
            build(None, args.accounts, args.url)
        raw = psycopg2.connect(args.url)
        where = "PostgreSQL " + args.url.split("@")[-1]
    else:
        if args.rebuild and path.exists():
            for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                p.unlink(missing_ok=True)
        if not path.exists():
            build(path, args.accounts)
        else:
            open_database(path)
        raw = sqlite3.connect(str(path))
        where = f"SQLite {path} ({path.stat().st_size / 2**20:.0f} MiB)"
    if args.reindex:
        t0 = time.perf_counter()
        rows = rebuild_search_index()
        print(f"rebuild_search_index(): {rows} grams in {time.perf_counter() - t0:.1f} s")
    accounts = Account.select().count()
    readings = Reading.select().count()
    print(f"database: {accounts} accounts, {readings} readings; {where}")
    rng = random.Random(20)

    def replay(statements: list[Statement]) -> Callable[[], None]:
        def run() -> None:
            cur = raw.cursor()
            for sql, params in statements:
                cur.execute(sql, params)
                cur.fetchall()
            cur.close()

        return run

    header = f"{'kind':<30} {'example':<16} {'hits':>4} {'median ms':>9} {'raw SQL ms':>10} {'ratio':>6} {'LIKE scan':>9}"
    print(header)
    print("-" * len(header))
    for kind, queries in sample_queries(rng, args.queries).items():
        ours, floor, scans, hits = [], [], [], []
        for q in queries:
            ours.append(median_ms(lambda q=q: search_accounts(q), args.runs))
            floor.append(median_ms(replay(captured(lambda q=q: search_accounts(q))), args.runs))
            hits.append(len(search_accounts(q)))
        for q in queries[:3]:
            scans.append(like_scan(raw, q, "%s" if args.url else "?"))
        m, f = statistics.median(ours), statistics.median(floor)
        print(
            f"{kind:<30} {queries[0]:<16} {int(statistics.median(hits)):>4} {m:>9.2f} {f:>10.2f} {m / f:>6.1f} {statistics.median(scans):>9.2f}"
        )
    ids = [r for (r,) in Account.select(Account.id).tuples()]
    view_ids = rng.sample(ids, min(len(ids), args.queries))
    ours = [median_ms(lambda i=i: load_account_view(i), args.runs) for i in view_ids]
    floor = [
        median_ms(replay(captured(lambda i=i: load_account_view(i))), args.runs) for i in view_ids
    ]
    view = load_account_view(view_ids[0])
    assert view is not None
    m, f = statistics.median(ours), statistics.median(floor)
    example = f"{len(view.readings)} readings"
    print(
        f"{'account view, full history':<30} {example:<16} {'':>4} {m:>9.2f} {f:>10.2f} {m / f:>6.1f}"
    )
    raw.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
