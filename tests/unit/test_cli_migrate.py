"""`gasdesk migrate` on an SQLite file: the schema brought up to date and named; a
mistyped --db is refused, not made; --grant is only for a shared database."""

from __future__ import annotations

from pathlib import Path

from gasdesk.app import main
from gasdesk.storage.db import open_database
from gasdesk.storage.migrations import latest_version


def test_migrate_names_the_schema_version(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "office.db"
    open_database(path).close()
    assert main(["migrate", "--db", str(path)]) == 0
    assert (
        f"version {latest_version()} (this GasDesk: {latest_version()})" in capsys.readouterr().out
    )


def test_a_mistyped_database_is_not_made(tmp_path: Path) -> None:
    assert main(["migrate", "--db", str(tmp_path / "ofice.db")]) == 2
    assert not (tmp_path / "ofice.db").exists()


def test_grant_is_for_a_shared_database(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "office.db"
    open_database(path).close()
    assert main(["migrate", "--db", str(path), "--grant", "gasdesk_app"]) == 1
    assert "PostgreSQL" in capsys.readouterr().err
