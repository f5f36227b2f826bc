"""Refusals below the UI reach the teller in Chinese: the database's start-up refusals,
a closed day's refusal of a form, the reading checks, a payment method's name, the
return visit's record; the command line prints them in Chinese in a Chinese terminal.
Each is checked with the English detector the screen tests use."""

from __future__ import annotations

import ast
import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from gasdesk.domain.errors import TellerError
from gasdesk.domain.methods import check_reference
from gasdesk.domain.readings import ImplausibleReading, ReadingProblem, ReadingRefused, ReportCheck
from gasdesk.domain.text import UserError
from gasdesk.storage.db import open_database
from gasdesk.storage.errors import DatabaseOpenError, StorageError
from gasdesk.storage.models import db
from tests import english_scan
from tests.english_scan import english_words

ROOT = Path(__file__).resolve().parents[2]
zh = english_scan.zh  # the fixture: the Chinese translators installed


def refusal(fn, *args, **kwargs) -> DatabaseOpenError:  # type: ignore[no-untyped-def]
    with pytest.raises(DatabaseOpenError) as info:
        fn(*args, **kwargs)
    return info.value


@pytest.fixture
def refused_files(tmp_path: Path) -> Iterator[list[DatabaseOpenError]]:
    """Every refusal opening a database file can give, each from a real bad file."""
    text = tmp_path / "letter.db"
    text.write_text("Dear customer,\n")
    foreign = tmp_path / "recipes.db"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE recipes (name TEXT)")
    con.commit()
    con.close()
    newer = tmp_path / "newer.db"
    open_database(newer)
    db.execute_sql(
        "INSERT INTO gasdesk_schema (version, name, applied_at) VALUES (99999, 'x', 'x')"
    )
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    damaged = tmp_path / "damaged.db"
    open_database(damaged)
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = bytearray(damaged.read_bytes())
    for i in range(100, len(data), 7):
        data[i] = 0xA5
    damaged.write_bytes(bytes(data))
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a folder should be")
    yield [
        refusal(open_database, tmp_path),  # a folder
        refusal(open_database, text),
        refusal(open_database, foreign),
        refusal(open_database, newer),
        refusal(open_database, damaged),
        refusal(open_database, blocker / "sub" / "gasdesk.db"),
    ]
    db.close()


def test_start_up_refusals_are_chinese(zh, refused_files) -> None:  # type: ignore[no-untyped-def]
    from gasdesk.ui.messages import user_text

    for exc in refused_files:
        text = user_text(exc)
        assert not english_words(text), (exc.template, text)
        assert text != exc.message


def test_the_command_line_prints_them_in_chinese_in_a_chinese_terminal(  # type: ignore[no-untyped-def]
    tmp_path: Path, capsys, monkeypatch
) -> None:
    from gasdesk.cli_admin import run_verify

    letter = tmp_path / "letter.db"
    letter.write_text("Dear customer,\n")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert run_verify(["--db", str(letter)]) == 2
    err = capsys.readouterr().err
    assert "不是GasDesk数据库" in err and not english_words(err.replace("gasdesk:", ""))
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert run_verify(["--db", str(letter)]) == 2
    assert "is not a GasDesk database" in capsys.readouterr().err


def test_a_closed_day_refuses_a_form_in_chinese(zh, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from gasdesk.services.effects.catalog import load_forms
    from gasdesk.services.forms import FormActionError, submit_form
    from gasdesk.storage.models_days import BusinessDay
    from gasdesk.ui.messages import user_text
    from tests.forms_support import close, seed

    world = seed(tmp_path)
    try:
        day = dt.datetime(2026, 9, 30, 10, 15)
        BusinessDay.create(office=world.office_id, business_date=day.date(), closed_at=day)
        spec = load_forms().get("consultation")
        assert spec is not None
        values = {"name": "王建国", "topic": "收费", "question": "怎么交费"}
        with pytest.raises(FormActionError) as info:
            submit_form(spec, values, staff_id=world.teller_id, office_id=world.office_id, at=day)
        text = user_text(info.value)
        assert "2026-09-30" in text and not english_words(text), text
    finally:
        close()


def test_reading_checks_are_chinese(zh) -> None:  # type: ignore[no-untyped-def]
    from gasdesk.ui.messages import user_text

    params = {"previous": "100.000", "previous_on": "2026-10-01"}
    errors: list[UserError] = [ReadingRefused(p, **params) for p in ReadingProblem]
    for expected in (None, 17_000):
        check = ReportCheck(
            value_l=5_100_000, volume_l=5_000_000, implausible=True, expected_l=expected
        )
        errors.append(ImplausibleReading(check))
    for exc in errors:
        text = user_text(exc)
        assert not english_words(text), (exc.template, text)


def test_a_payment_method_is_named_not_coded(zh) -> None:  # type: ignore[no-untyped-def]
    from gasdesk.ui.messages import user_text

    for method, name in (("wechat", "微信支付"), ("alipay", "支付宝"), ("card", "银行卡")):
        with pytest.raises(TellerError) as info:
            check_reference(method, "")
        text = user_text(info.value)
        assert name in text and method not in text, text
        assert not english_words(text), text


def test_a_return_visit_records_its_satisfaction_in_chinese(tmp_path: Path) -> None:
    from gasdesk.services import return_visits
    from gasdesk.services.effects.catalog import load_forms
    from gasdesk.services.form_completion import advance_form
    from gasdesk.services.forms import form_history, submit_form
    from tests.forms_support import close, seed

    world = seed(tmp_path)
    try:
        spec = load_forms().get("complaint")
        assert spec is not None
        values = {
            "name": "王建国",
            "phone": "13905331234",
            "about": "收费",
            "content": "燃气费多收了",
        }
        at = dt.datetime(2026, 9, 30, 10, 15)
        fid = submit_form(
            spec, values, staff_id=world.teller_id, office_id=world.office_id, at=at
        ).form.id
        advance_form(fid, staff_id=world.teller_id, at=at)
        advance_form(fid, staff_id=world.teller_id, at=at)
        [visit] = return_visits.list_return_visits()
        return_visits.record_return_visit(
            visit.id,
            staff_id=world.teller_id,
            outcome="不接受答复",
            satisfaction="unsatisfied",
            at=at,
        )
        [note] = [e.note for e in form_history(fid) if e.action == "return_visit"]
        assert note == "不接受答复（不满意）"
    finally:
        close()


def _marked_templates_only(path: Path, error_classes: tuple[type, ...]) -> list[str]:
    """Where a refusal is built from text lupdate cannot see: an f-string or a bare
    string as its template, or QT_TRANSLATE_NOOP under another name."""
    import importlib

    module = importlib.import_module(".".join(path.relative_to(ROOT).with_suffix("").parts))
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bad = []
    for node in ast.walk(tree):
        value = getattr(node, "value", None)
        if isinstance(node, ast.Assign) and getattr(value, "id", None) == "QT_TRANSLATE_NOOP":
            bad.append(f"{path.name}:{node.lineno} renames QT_TRANSLATE_NOOP")
        if isinstance(node, ast.alias) and node.name == "QT_TRANSLATE_NOOP" and node.asname:
            bad.append(f"{path.name} imports QT_TRANSLATE_NOOP as {node.asname}")
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        cls = getattr(module, name, None) if name else None
        if not (isinstance(cls, type) and issubclass(cls, error_classes)):
            continue
        for arg in node.args:
            literal = (
                isinstance(arg, ast.Constant) and isinstance(arg.value, str) and " " in arg.value
            )
            if isinstance(arg, ast.JoinedStr) or literal:
                bad.append(f"{path.name}:{node.lineno} {name}({ast.unparse(arg)[:60]})")
    return bad


def test_every_refusal_template_is_marked_for_translation() -> None:
    bad: list[str] = []
    for layer in ("domain", "services", "storage"):
        for path in sorted((ROOT / "gasdesk" / layer).rglob("*.py")):
            bad += _marked_templates_only(path, (UserError, StorageError))
    assert not bad, "\n".join(bad)
