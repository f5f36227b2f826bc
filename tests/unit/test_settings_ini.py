"""The settings file stays the file QSettings (IniFormat) reads and writes: a file an
earlier GasDesk wrote through QSettings reads the same, QSettings reads what GasDesk
writes now, and the file is looked for where QSettings looks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QByteArray, QSettings

from gasdesk import settings, settings_ini
from gasdesk.settings import Settings
from gasdesk.settings_kinds import Geometry

STATE = bytes(range(256)) + b"\x00a\x01f9\\\xff"
# what a counter's QSettings held (the Python values the earlier code wrote), and what
# each reads as now
KEPT: list[tuple[settings.Option[Any], object, object]] = [
    (settings.DB_PATH, "/home/张伟/数据 库/gas,desk.db", "/home/张伟/数据 库/gas,desk.db"),
    (settings.COUNTER_OFFICE, "WC", "WC"),
    (settings.COUNTER_NUMBER, 2, 2),
    (settings.UI_LANGUAGE, "en", "en"),
    (settings.WINDOW_GEOMETRY, "-8,30,1366,738,max", Geometry(-8, 30, 1366, 738, True)),
    (settings.WINDOW_STATE, QByteArray(STATE), STATE),
    (settings.DISPLAY_AUTO_OPEN, False, False),
    (settings.PHRASES_FILE, " 营业室/常用语;2024=新.toml ", " 营业室/常用语;2024=新.toml "),
    (settings.RECEIPT_LAYOUT, "a5", "a5"),
    (settings.SILENT_PRINTING, True, True),
    (settings.PRINTER, 'HP LaserJet "前台", 2', 'HP LaserJet "前台", 2'),
    (settings.OUTPUT_DIR, r"C:\Users\张伟\打印\\", r"C:\Users\张伟\打印\\"),
    (settings.RECEIPT_PRINTER, "escpos", "escpos"),
    (settings.ESCPOS, "network:192.168.1.50:9100", "network:192.168.1.50:9100"),
    (settings.ESCPOS_COLUMNS, "42", 42),
    (settings.CASH_DRAWER, False, False),
    (settings.FEE_CEILING, 20000, 20_000_00),
    (settings.IDLE_SECONDS, 0.2, 0.2),
    (settings.SERVICE_LIMIT, 120, 120),
    (settings.WAIT_PROMPT, "1", 1),
    (settings.RATING_LINGER, 90, 90),
    (settings.CARD_WRITER, "simulated", "simulated"),
    (settings.CARD_PORT, "COM3", "COM3"),
    (settings.CARD_FOLDER, "/srv/卡片", "/srv/卡片"),
    (settings.ID_READER, "none", "none"),
    (settings.ID_PORT, "/dev/ttyUSB0", "/dev/ttyUSB0"),
    (settings.ID_FOLDER, r"D:\身份证", r"D:\身份证"),
    (settings.BACKUP_FOLDER, "/media/备份\tU盘/@gasdesk", "/media/备份\tU盘/@gasdesk"),
    (settings.BACKUP_KEEP, 7, 7),
]


def test_every_declared_key_is_in_the_cases() -> None:
    assert [o.key for o, _old, _new in KEPT] == [o.key for o in settings.OPTIONS]


def test_a_file_qsettings_wrote_reads_the_same(tmp_path: Path) -> None:
    path = tmp_path / "written-by-qt.ini"
    qt = QSettings(str(path), QSettings.Format.IniFormat)
    for option, old, _new in KEPT:
        qt.setValue(option.key, old)
    qt.sync()
    del qt
    store = Settings(path)
    for option, _old, new in KEPT:
        assert (option.key, store.get(option)) == (option.key, new)
        assert store.problem(option) is None


def test_qsettings_reads_what_gasdesk_writes(tmp_path: Path) -> None:
    path = tmp_path / "written-by-gasdesk.ini"
    store = Settings(path)
    for option, _old, new in KEPT:
        store.set(option, new)
    qt = QSettings(str(path), QSettings.Format.IniFormat)
    assert qt.status() == QSettings.Status.NoError
    assert sorted(qt.allKeys()) == sorted(o.key for o, _old, _new in KEPT)
    for option, old, new in KEPT:
        value = qt.value(option.key)
        if isinstance(new, bytes):
            assert isinstance(value, QByteArray) and value.data() == new
        else:  # the text QSettings hands an earlier GasDesk, that it parsed itself
            assert (option.key, value) == (
                option.key,
                str(old).lower() if old in (True, False) else str(old),
            )


TEXTS = {
    "x/plain": "MS",
    "x/empty": "",
    "x/chinese": "萌水营业室 王村营业室",
    "x/emoji": "😀 煤气",
    "x/windows": r"C:\Program Files\GasDesk\\",
    "x/unix": "/home/张伟/gas desk/a,b;c=d.db",
    "x/spaces": "  both ends  ",
    "x/tab": "\tlead",
    "x/quotes": '"quoted" and \\"escaped\\"',
    "x/at": "@at",
    "x/at_at": "@@twice",
    "x/controls": "\x01\x1f1f\x7f\u00e9\n\r\v",
    "x/hex_after_escape": "\x1fA\x00b",
    "x/nul": "a\0b",
    "x/ends_in_backslash": "abc\\",
    "x/semicolon": "a;b",
    "x/hash": "#not a comment",
    "x/中文键": "值",
    "Upper Case/Key Name": "v",
    "a/b/deep": "deeper",
    "top": "level",
}
BYTES = {"y/all": bytes(range(256)), "y/hex_run": b"\x00123\xffabc", "y/empty": b""}


def test_texts_and_bytes_round_trip_through_qsettings(tmp_path: Path) -> None:
    ours = tmp_path / "ours.ini"
    settings_ini.write_file(ours, {**TEXTS, **BYTES})
    qt = QSettings(str(ours), QSettings.Format.IniFormat)
    read = {k: qt.value(k) for k in qt.allKeys()}
    read = {k: v.data() if isinstance(v, QByteArray) else v for k, v in read.items()}
    assert read == {**TEXTS, **BYTES}
    theirs = tmp_path / "theirs.ini"
    qt = QSettings(str(theirs), QSettings.Format.IniFormat)
    for key, value in TEXTS.items():
        qt.setValue(key, value)
    for key, data in BYTES.items():
        qt.setValue(key, QByteArray(data))
    qt.sync()
    assert settings_ini.read_file(theirs) == {**TEXTS, **BYTES}


def test_comments_sections_and_continuations_read_as_qsettings_reads_them(tmp_path: Path) -> None:
    path = tmp_path / "by-hand.ini"
    path.write_bytes(
        "\ufeff; written by hand\r\n[General]\r\ntop = 1 ; a comment\r\n"
        '[ui]\nlanguage=en\n  [%General]\nx="multi\nline"\ny=a\\\nb\n[sp%20ace]\nk=v\n'
        'junk line\n[printing]\nsilent="  true  "\nlayout=a5;\n'.encode()
    )
    qt = QSettings(str(path), QSettings.Format.IniFormat)
    expected = {k: qt.value(k) for k in qt.allKeys()}
    assert settings_ini.read_file(path) == expected


QT_PROBE = """
import json, sys
from PySide6.QtCore import QSettings
s = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "GasDesk", "gasdesk")
print(json.dumps([s.fileName(), {k: s.value(k) for k in s.allKeys()}]))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="the XDG folders of Linux")
def test_the_files_and_their_order_are_qsettings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home, sys1, sys2 = tmp_path / "home", tmp_path / "sys1", tmp_path / "sys2"
    env = {"XDG_CONFIG_HOME": str(home), "XDG_CONFIG_DIRS": f"{sys1}:{sys2}"}
    files = {  # which file holds which keys: each key is in several, one must win
        home / "GasDesk" / "gasdesk.ini": ["db/path"],
        home / "GasDesk.ini": ["db/path", "counter/office"],
        sys1 / "GasDesk" / "gasdesk.ini": ["counter/office", "printing/printer"],
        sys2 / "GasDesk" / "gasdesk.ini": ["printing/printer", "phrases/file"],
        sys1 / "GasDesk.ini": ["phrases/file", "backup/folder"],
        sys2 / "GasDesk.ini": ["backup/folder", "printing/output_dir"],
    }
    for path, keys in files.items():
        settings_ini.write_file(path, {k: str(path.relative_to(tmp_path)) for k in keys})
    proc = subprocess.run(
        [sys.executable, "-c", QT_PROBE],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    qt_file, qt_values = json.loads(proc.stdout)
    monkeypatch.delenv("GASDESK_SETTINGS")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    store = settings.open_settings()
    assert str(store.path) == qt_file
    options = [o for o in settings.OPTIONS if o.key in qt_values]
    assert len(options) == 6
    assert {o.key: store.get(o) for o in options} == qt_values
