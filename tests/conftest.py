"""Shared fixtures. QT_QPA_PLATFORM must be set before Qt is imported: without it a
headless run aborts (exit 134) even when every test passed."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import tempfile

# The per-user data folder (default database, PostgreSQL anchors, backups) of the whole
# run, its child processes included: never the developer's own.
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="gasdesk-test-data-")

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import teller_login

# The demo data set the tests share, dated so that results never depend on today.
DEMO_TODAY = dt.date(2026, 11, 20)
DEMO_ACCOUNTS = 200
DEMO_SEED = 7


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test gets its own settings file, never the developer's."""
    monkeypatch.setenv("GASDESK_SETTINGS", str(tmp_path / "settings.ini"))
    monkeypatch.delenv("GASDESK_DATABASE_URL", raising=False)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo database built once per run; tests get copies of it."""
    from gasdesk.demo.generate import generate
    from gasdesk.storage.db import open_database
    from gasdesk.storage.models import db

    path = tmp_path_factory.mktemp("template") / "demo.db"
    open_database(path)
    generate(accounts=DEMO_ACCOUNTS, seed=DEMO_SEED, today=DEMO_TODAY)
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


@pytest.fixture
def database(demo_template: Path, tmp_path: Path) -> Iterator[Path]:
    """A fresh copy of the demo database, opened and bound; yields its path."""
    from gasdesk.storage.db import open_database
    from gasdesk.storage.models import db

    path = tmp_path / "gasdesk.db"
    shutil.copy(demo_template, path)
    for suffix in (".key", ".head"):  # the audit key and the anchor go with the file
        shutil.copy(
            demo_template.with_name(demo_template.name + suffix),
            path.with_name(path.name + suffix),
        )
    open_database(path)
    yield path
    db.close()


@pytest.fixture
def empty_database(tmp_path: Path) -> Iterator[Path]:
    """A migrated database with no data."""
    from gasdesk.storage.db import open_database
    from gasdesk.storage.models import db

    path = tmp_path / "empty.db"
    open_database(path)
    yield path
    db.close()


@pytest.fixture
def session(database: Path):  # type: ignore[no-untyped-def]
    """A demo teller (MS01) logged in at Mengshui counter 1."""
    return teller_login()


@pytest.fixture
def worker(qtbot):  # type: ignore[no-untyped-def]
    from gasdesk.ui.worker import DbWorker

    w = DbWorker()
    yield w
    w.shutdown()


@pytest.fixture
def ctx(session, worker):  # type: ignore[no-untyped-def]
    from gasdesk.settings import open_settings
    from gasdesk.ui.context import AppContext

    return AppContext(session=session, worker=worker, settings=open_settings())


@pytest.fixture
def main_window(ctx, qtbot):  # type: ignore[no-untyped-def]
    from gasdesk.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window
