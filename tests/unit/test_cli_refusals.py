"""The application refuses bad database files with a clear message and a non-zero exit."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path


def run(*args: str, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, "-m", "gasdesk", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def test_not_a_database_exits_non_zero_and_leaves_file(tmp_path: Path) -> None:
    path = tmp_path / "letter.db"
    path.write_text("Dear customer,\n")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    settings = {"GASDESK_SETTINGS": str(tmp_path / "s.ini")}
    result = run("--db", str(path), env_extra=settings)
    assert result.returncode == 2
    assert "不是GasDesk数据库" in result.stderr  # the interface is Chinese by default
    result = run("--lang", "en", "--db", str(path), env_extra=settings)
    assert result.returncode == 2
    assert "not a GasDesk database" in result.stderr
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_missing_cjk_font_is_named(tmp_path: Path) -> None:
    fonts = tmp_path / "fonts.conf"
    empty = tmp_path / "nofonts"
    empty.mkdir()
    fonts.write_text(
        f'<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>{empty}</dir>'
        f"<cachedir>{tmp_path}/cache</cachedir></fontconfig>"
    )
    result = run(
        "--db",
        str(tmp_path / "x.db"),
        env_extra={"FONTCONFIG_FILE": str(fonts), "GASDESK_SETTINGS": str(tmp_path / "s.ini")},
    )
    assert result.returncode == 3
    assert "fonts-wqy-microhei" in result.stderr
    assert not (tmp_path / "x.db").exists()
