"""The declared settings: each reads its default from an empty file, keeps the value
it is given, and reads a value that is not of its kind as its default, with the reason
(never an exception); the file is found where QSettings keeps it."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest

from gasdesk import settings, settings_ini
from gasdesk.domain.text import UserError
from gasdesk.settings import OPTIONS, Option, Settings
from gasdesk.settings_kinds import (
    Bytes,
    Choice,
    Flag,
    Geometry,
    GeometryText,
    Kind,
    Maybe,
    Number,
    Seconds,
    Text,
    Whole,
    YuanAsFen,
)


def sample(kind: Kind[Any], default: Any) -> Any:
    """A value of the kind other than the default."""
    if isinstance(kind, Maybe):
        return sample(kind.kind, None)
    values: dict[type, Any] = {
        Text: "张伟的打印机 A, 2 号;=“”",
        Flag: not default,
        Number: 12.5,
        YuanAsFen: 1_234_500,
        GeometryText: Geometry(-8, 30, 1366, 738, True),
        Bytes: bytes(range(256)),
    }
    if isinstance(kind, (Whole, Seconds)):
        return kind.low + 1
    if isinstance(kind, Choice):
        return next(c for c in kind.choices if c != default)
    assert type(kind) in values, f"add a sample value of {type(kind).__name__} here"
    return values[type(kind)]


def ids(option: Option[Any]) -> str:
    return option.key


@pytest.mark.parametrize("option", OPTIONS, ids=ids)
def test_an_empty_file_reads_every_default(option: Option[Any], tmp_path: Path) -> None:
    store = Settings(tmp_path / "none.ini")
    assert store.get(option) == option.default
    assert store.problem(option) is None


@pytest.mark.parametrize("option", OPTIONS, ids=ids)
def test_a_value_kept_reads_back_typed(option: Option[Any], tmp_path: Path) -> None:
    value = sample(option.kind, option.default)
    assert value != option.default
    Settings(tmp_path / "s.ini").set(option, value)
    again = Settings(tmp_path / "s.ini")  # as the next start reads it
    assert again.get(option) == value
    assert type(again.get(option)) is type(value)


def test_none_removes_a_setting_that_may_be_missing(tmp_path: Path) -> None:
    store = Settings(tmp_path / "s.ini")
    store.set(settings.COUNTER_NUMBER, 3)
    store.set(settings.COUNTER_OFFICE, "WC")
    store.set(settings.COUNTER_NUMBER, None)
    assert store.get(settings.COUNTER_NUMBER) is None
    assert settings_ini.read_file(store.path) == {"counter/office": "WC"}


BAD = [
    (settings.COUNTER_NUMBER, "two"),
    (settings.COUNTER_NUMBER, "0"),
    (settings.UI_LANGUAGE, "fr"),
    (settings.WINDOW_GEOMETRY, "300,200,0,1000"),
    (settings.WINDOW_GEOMETRY, "300,200,1900"),
    (settings.WINDOW_GEOMETRY, "300,200,1900,1000,max,2"),
    (settings.DISPLAY_AUTO_OPEN, "maybe"),
    (settings.RECEIPT_LAYOUT, "a4"),
    (settings.SILENT_PRINTING, "sometimes"),
    (settings.FEE_CEILING, "0"),
    (settings.FEE_CEILING, "-5"),
    (settings.FEE_CEILING, "5万"),
    (settings.IDLE_SECONDS, "three minutes"),
    (settings.IDLE_SECONDS, "inf"),
    (settings.IDLE_SECONDS, "nan"),
    (settings.SERVICE_LIMIT, "five minutes"),
    (settings.SERVICE_LIMIT, "5"),
    (settings.SERVICE_LIMIT, "99999"),
    (settings.SERVICE_LIMIT, "3.5"),
    (settings.WAIT_PROMPT, "-1"),
    (settings.RATING_LINGER, "0"),
    (settings.BACKUP_KEEP, "all"),
    (settings.WINDOW_STATE, "not bytes"),
]


@pytest.mark.parametrize(("option", "text"), BAD, ids=[f"{o.key}={t}" for o, t in BAD])
def test_a_bad_value_reads_as_the_default_with_its_reason(
    option: Option[Any], text: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "s.ini"
    settings_ini.write_file(path, {option.key: text})
    store = Settings(path)
    with caplog.at_level(logging.WARNING, logger="gasdesk.settings"):
        assert store.get(option) == option.default
        assert store.get(option) == option.default
    problem = store.problem(option)
    assert isinstance(problem, ValueError) and option.key in str(problem)
    said = [r.getMessage() for r in caplog.records if option.key in r.getMessage()]
    assert len(said) == 1  # logged once, not at every keystroke that reads it


def test_a_service_time_out_of_range_is_a_message_for_the_teller(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    settings_ini.write_file(path, {"service/limit_seconds": "five minutes"})
    problem = Settings(path).problem(settings.SERVICE_LIMIT)
    assert isinstance(problem, UserError)
    assert problem.params == {
        "setting": "service/limit_seconds",
        "low": 30,
        "high": 3600,
        "value": "five minutes",
    }


def test_text_with_bytes_or_a_qt_type_reads_as_the_default(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    path.write_text(
        "[db]\npath=@ByteArray(abc)\n[printing]\nprinter=@Variant(\\0\\0\\0\\x7f)\n"
        "output_dir=@Invalid()\n",
        encoding="utf-8",
    )
    store = Settings(path)
    assert store.get(settings.DB_PATH) is None
    assert store.problem(settings.DB_PATH) is not None
    assert store.get(settings.PRINTER) is None
    assert store.problem(settings.PRINTER) is not None
    assert store.get(settings.OUTPUT_DIR) is None
    assert store.problem(settings.OUTPUT_DIR) is None  # QSettings' own "no value"


def test_values_as_written_by_hand_are_read_leniently(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    path.write_text(
        "; the hall's printer\n[printing]\nsilent = Yes ; since May\nlayout= a5 \n"
        "[fees]\nceiling_yuan=20000\n[ui]\nmain_window_geometry=0,0,1366,738\n",
        encoding="utf-8",
    )
    store = Settings(path)
    assert store.get(settings.SILENT_PRINTING) is True
    assert store.get(settings.RECEIPT_LAYOUT) == "a5"
    assert store.get(settings.FEE_CEILING) == 20_000_00
    assert store.get(settings.WINDOW_GEOMETRY) == Geometry(0, 0, 1366, 738, False)


def test_setting_one_key_keeps_the_others_and_their_order(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    path.write_text(
        '[counter]\noffice=WC\nnumber=2\n\n[other]\nkept="a, b"\n[ui]\nlanguage=en\n',
        encoding="utf-8",
    )
    Settings(path).set(settings.UI_LANGUAGE, "zh_CN")
    assert settings_ini.read_file(path) == {
        "counter/office": "WC",
        "counter/number": "2",
        "other/kept": "a, b",
        "ui/language": "zh_CN",
    }


def test_a_key_missing_from_the_users_file_comes_from_a_fallback(tmp_path: Path) -> None:
    user, shared = tmp_path / "user.ini", tmp_path / "shared.ini"
    settings_ini.write_file(shared, {"printing/silent": "true", "ui/language": "en"})
    settings_ini.write_file(user, {"ui/language": "zh_CN"})
    store = Settings(user, [shared])
    assert store.get(settings.SILENT_PRINTING) is True
    assert store.get(settings.UI_LANGUAGE) == "zh_CN"
    store.set(settings.SILENT_PRINTING, False)  # written into the user's file only
    assert settings_ini.read_file(shared)["printing/silent"] == "true"
    assert store.get(settings.SILENT_PRINTING) is False


def test_an_unwritable_file_is_logged_not_raised(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    store = Settings(blocker / "settings.ini")  # its folder cannot be made
    with caplog.at_level(logging.WARNING, logger="gasdesk.settings"):
        store.set(settings.UI_LANGUAGE, "en")
    assert "cannot be written" in caplog.text
    assert store.get(settings.UI_LANGUAGE) == "zh_CN"


def test_gasdesk_settings_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GASDESK_SETTINGS", str(tmp_path / "counter2.ini"))
    store = settings.open_settings()
    assert store.path == tmp_path / "counter2.ini" and store.fallbacks == ()


def test_without_it_the_file_is_qts_per_user_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GASDESK_SETTINGS")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_DIRS", f"{tmp_path / 'sys1'}:relative:{tmp_path / 'sys2'}")
    store = settings.open_settings()
    assert store.path == tmp_path / "home" / "GasDesk" / "gasdesk.ini"
    assert store.fallbacks == (
        tmp_path / "home" / "GasDesk.ini",
        tmp_path / "sys1" / "GasDesk" / "gasdesk.ini",
        tmp_path / "sys2" / "GasDesk" / "gasdesk.ini",
        tmp_path / "sys1" / "GasDesk.ini",
        tmp_path / "sys2" / "GasDesk.ini",
    )


def test_a_key_is_declared_once() -> None:
    keys = [o.key for o in OPTIONS]
    assert len(keys) == len(set(keys))
    with pytest.raises(ValueError, match="declared twice"):
        settings.declare("ui/language", Text(), "", "again")
    assert all(o.doc and o.kind.label for o in OPTIONS)
