"""First start: only the default demo database is filled with demo data (in a window
that shows its progress); any other empty database gets the set-up dialog instead
(tests/gui/test_first_run_setup.py), and `gasdesk setup` sets up an office without
demo data from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from gasdesk.demo import DEMO_STAFF
from gasdesk.demo.cli import ensure_demo
from gasdesk.demo.generate import PROGRESS_STEPS, DemoError
from gasdesk.domain.text import UserError
from gasdesk.services import auth, offices
from gasdesk.services.office_setup import set_up_office
from gasdesk.storage.db import URL_ENV, is_default_database, open_database
from gasdesk.storage.models import Account, Counter, Office, Staff, TariffVersion, db
from gasdesk.ui.application import Controller, open_counter_database, run_gui
from tests.pg_support import backend, backend_database, pg_url  # noqa: F401

pytestmark = pytest.mark.usefixtures("qapp", "_translators_removed")


@pytest.fixture
def _translators_removed(qapp, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """run_gui installs the translators for the process; the tests after these ones
    must not inherit them."""
    from PySide6.QtCore import QLocale

    import gasdesk.ui.application as application

    locale = QLocale()
    font = qapp.font()
    installed = []
    original = application.install_translators

    def recording(app, language):  # type: ignore[no-untyped-def]
        loaded = original(app, language)
        installed.extend(loaded)
        return loaded

    monkeypatch.setattr(application, "install_translators", recording)
    yield
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(locale)
    qapp.setFont(font)  # run_gui sets the counter's font too


@pytest.fixture
def demo_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The per-user data folder's default database, moved into the test's folder."""
    path = tmp_path / "data" / "gasdesk.db"
    path.parent.mkdir()
    import gasdesk.demo.cli as demo_cli
    import gasdesk.storage.db as storage_db

    monkeypatch.setattr(storage_db, "default_db_path", lambda: path)
    monkeypatch.setattr(demo_cli, "default_db_path", lambda: path)
    return path


def _close() -> None:
    if db.obj is not None and not db.obj.is_closed():
        db.obj.close()


def _counts(path: Path) -> tuple[int, int, int]:
    import sqlite3

    con = sqlite3.connect(path)
    try:
        return tuple(  # type: ignore[return-value]
            con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
            for t in ("account", "office", "staff")
        )
    finally:
        con.close()


def _args(db_path: Path | None) -> argparse.Namespace:
    return argparse.Namespace(
        db=str(db_path) if db_path else None, lang=None, office=None, counter=None
    )


def test_a_database_named_with_db_gets_no_demo_data_but_the_set_up(tmp_path, demo_home, worker):  # type: ignore[no-untyped-def]
    from gasdesk.settings import open_settings
    from gasdesk.ui.setup_dialog import SetUpDialog

    named = tmp_path / "office.db"
    open_database(named).close()  # an empty database made elsewhere
    assert open_counter_database(str(named)) is False  # no demo data for it
    dialog = Controller(worker, open_settings(), None, None).start()
    assert isinstance(dialog, SetUpDialog)  # the set-up asks for the office instead
    dialog.close()
    dialog.deleteLater()
    _close()
    assert _counts(named) == (0, 0, 0)
    assert not demo_home.exists()


def test_a_database_named_with_db_that_is_not_there_is_refused_and_not_made(
    tmp_path, demo_home, capsys
):
    named = tmp_path / "x" / "offce.db"  # mistyped
    assert run_gui(_args(named)) == 2
    err = capsys.readouterr().err
    assert "没有数据库" in err and "gasdesk setup --office" in err and str(named) in err
    assert not named.parent.exists()
    assert not demo_home.exists()


def test_a_database_named_in_the_settings_is_refused_the_same_way(tmp_path, demo_home, capsys):
    from gasdesk import settings

    named = tmp_path / "from-settings.db"
    settings.open_settings().set(settings.DB_PATH, str(named))
    assert run_gui(_args(None)) == 2
    assert not named.exists()
    open_database(named).close()
    assert open_counter_database(str(named)) is False
    _close()
    assert _counts(named) == (0, 0, 0)


def test_a_shared_database_is_never_the_demo_database(monkeypatch, demo_home):
    assert is_default_database(None) and is_default_database(str(demo_home))
    monkeypatch.setenv(URL_ENV, "postgresql://counter@server/gasdesk")
    assert not is_default_database(None)


def test_an_empty_shared_database_gets_no_demo_data(backend_database, backend, monkeypatch, pg_url):  # noqa: F811
    if backend != "pg":
        pytest.skip("the shared database is PostgreSQL")
    monkeypatch.setenv(URL_ENV, pg_url)
    assert open_counter_database(None) is False  # the set-up dialog follows
    assert Office.select().count() == 0 and Account.select().count() == 0


def test_ensure_demo_refuses_any_database_but_the_demo_one(tmp_path, demo_home):
    with pytest.raises(DemoError):
        ensure_demo(tmp_path / "other.db", accounts=5)
    assert not (tmp_path / "other.db").exists()


def test_the_demo_database_is_built_in_a_window_that_shows_its_progress(qtbot, demo_home):
    from gasdesk.ui.first_start import DemoBuildWindow

    assert open_counter_database(None) is True  # empty default database: needs the demo
    window = DemoBuildWindow(None, accounts=30)
    qtbot.addWidget(window)
    steps: list[int] = []
    window.bar.valueChanged.connect(steps.append)
    with qtbot.waitSignal(window.finished, timeout=60_000) as blocker:
        window.start()
        assert window.isVisible()
    assert blocker.args == [None]
    assert len(set(steps)) >= PROGRESS_STEPS - 1  # it moved step by step, not at once
    assert not window.isVisible()
    assert Account.select().count() == 30
    assert open_counter_database(None) is False  # the next start goes straight to the login
    _close()


def test_setup_makes_a_real_office_that_can_log_in_and_holds_no_customer(tmp_path, demo_home):
    path = tmp_path / "real.db"
    open_database(path)
    try:
        done = set_up_office("ms", "ms09", " 张伟 ", "secret12")
        assert (done.office.code, done.counters, done.supervisor.badge) == ("MS", 3, "MS09")
        assert done.supervisor.role == "supervisor" and done.supervisor.name == "张伟"
        assert Counter.select().count() == 3
        assert {t.user_type for t in TariffVersion.select()} == {"residential", "commercial"}
        assert Account.select().count() == 0
        counter = offices.find_counter("MS", 1)
        assert counter is not None
        session = auth.login("MS09", "secret12", counter.id)
        assert session.staff.is_supervisor
        assert open_counter_database(str(path)) is False  # the application starts on it
        # the second office comes to the same (shared) database without new tariffs
        second = set_up_office("WC", "WC09", "赵磊", "secret34")
        assert second.tariffs_added == ()
    finally:
        _close()


@pytest.mark.parametrize(
    ("office", "badge", "password"),
    [("XX", "MS09", "secret12"), ("MS", "a", "secret12"), ("MS", "MS09", "12")],
)
def test_setup_refusals_change_nothing(tmp_path, office, badge, password):
    open_database(tmp_path / "refused.db")
    try:
        with pytest.raises(UserError):
            set_up_office(office, badge, "张伟", password)
        assert Office.select().count() == Staff.select().count() == Counter.select().count() == 0
        assert TariffVersion.select().count() == 0
    finally:
        _close()


def test_setup_refuses_an_office_that_exists(tmp_path):
    open_database(tmp_path / "twice.db")
    try:
        set_up_office("MS", "MS09", "张伟", "secret12")
        with pytest.raises(UserError, match="set up already"):
            set_up_office("MS", "MS08", "李强", "secret12")
        assert Staff.select().count() == 1
    finally:
        _close()


def test_gasdesk_setup_command(tmp_path, monkeypatch, capsys):
    import io
    import sys

    from gasdesk.app import main

    path = tmp_path / "cli.db"
    monkeypatch.setattr(sys, "stdin", io.StringIO("secret12\n"))
    argv = ["setup", "--db", str(path), "--office", "WC", "--badge", "WC09", "--name", "赵磊"]
    assert main([*argv, "--password-stdin"]) == 0
    assert "WC 王村营业室" in capsys.readouterr().out
    assert _counts(path) == (0, 1, 1)
    assert DEMO_STAFF  # the demo's staff are not those of a real office
