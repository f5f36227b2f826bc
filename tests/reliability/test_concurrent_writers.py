"""Several writers at once: two processes on one SQLite file, four clients on one
PostgreSQL database. Every receipt number 1..N is handed out exactly once and the
money adds up (the loop updates the balance by read-modify-write, so a lost update
would show)."""

from __future__ import annotations

from pathlib import Path

import pytest

from gasdesk.storage.db import open_database
from tests.pg_support import open_test_database
from tests.reliability.children import committed_lines, holdings, start_loop
from tests.reliability.seed import seed

AMOUNT = 500


def _run_clients(target: str, key: Path, clients: int, each: int) -> list[str]:
    children = [
        start_loop(target, key, each, AMOUNT, account="1001000001" if i % 2 else "1001000002")
        for i in range(clients)
    ]
    reported: list[str] = []
    for child in children:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        lines = committed_lines(out)
        assert len(lines) == each
        reported += [code for code, _ in lines]
    return reported


def _check(reported: list[str], total: int) -> None:
    held = holdings()
    assert sorted(reported) == sorted(held.receipts)
    assert len(set(reported)) == total
    assert held.numbers == {next(iter(held.numbers)): list(range(1, total + 1))}
    assert held.payments == held.payment_events == total
    assert held.payment_sum_fen == held.balance_sum_fen == AMOUNT * total
    assert held.verify.ok, held.verify.problems
    assert held.integrity == ["ok"]


@pytest.mark.slow
def test_two_processes_paying_into_one_sqlite_file(tmp_path: Path) -> None:
    open_test_database("sqlite", tmp_path)
    seed()
    reported = _run_clients(str(tmp_path / "gasdesk.db"), tmp_path / "audit.key", 2, 100)
    open_database(tmp_path / "gasdesk.db", key_path=tmp_path / "audit.key")
    _check(reported, 200)


@pytest.mark.slow
@pytest.mark.postgres
def test_four_clients_paying_into_one_postgresql_database(tmp_path: Path, pg_url: str) -> None:
    open_test_database("pg", tmp_path, pg_url)
    seed()
    reported = _run_clients(pg_url, tmp_path / "audit.key", 4, 60)
    _check(reported, 240)
