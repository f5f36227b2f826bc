"""Statements built once and run again with new values (storage.prepared): the same
rows as the statement built afresh, LIKE wildcards taken literally, and a shape
that would not bind its values refused when it is built."""

from __future__ import annotations

from pathlib import Path

import pytest

from gasdesk.storage import prepared
from gasdesk.storage.db import write_transaction
from gasdesk.storage.models import Account
from gasdesk.storage.prepared import StatementShapeError, like, like_pattern


def _names(pattern: str) -> list[str]:
    found = prepared.rows(
        ("test like", 1),
        lambda p: Account.select(Account.name).where(like(Account.name, p)).order_by(Account.id),
        [pattern],
    )
    return [name for (name,) in found]


def test_run_again_with_new_values_gives_what_a_fresh_statement_gives(database: Path) -> None:
    accounts = list(Account.select().order_by(Account.id).limit(3))
    for a in accounts:
        got = prepared.rows(
            "test by number",
            lambda n: Account.select(Account.id, Account.name).where(Account.number == n),
            [a.number],
        )
        assert got == [(a.id, a.name)]


def test_like_takes_wildcards_literally(database: Path) -> None:
    first = Account.select().order_by(Account.id).first()
    with write_transaction():
        Account.update(name="百分之50%").where(Account.id == first.id).execute()
    assert _names(like_pattern("50%")) == ["百分之50%"]
    assert _names(like_pattern("5_%")) == []  # '_' is not "any character" here
    assert _names(like_pattern("百分", prefix=True)) == ["百分之50%"]
    assert _names(like_pattern("之50", prefix=True)) == []


def test_a_value_the_statement_does_not_bind_is_refused(database: Path) -> None:
    with pytest.raises(StatementShapeError):
        prepared._prepare(lambda a, b: Account.select().where(Account.number == a), 2)
