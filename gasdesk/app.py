"""Composition root: command line, settings, database, translator, windows."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

COMMANDS = (
    "demo",
    "setup",
    "screenshot",
    "verify",
    "user",
    "backup",
    "restore",
    "key",
    "import",
)
LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"  # Simplified Chinese; English is the second language


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="gasdesk",
        description="GasDesk counter application. Commands: "
        + ", ".join(COMMANDS)
        + " (each has --help).",
    )
    p.add_argument("--db", help="SQLite database file (default: the per-user data folder)")
    p.add_argument("--lang", choices=LANGUAGES, help="user interface language")
    p.add_argument("--office", help="office code of this counter, e.g. MS or WC")
    p.add_argument("--counter", type=int, help="counter number of this counter")
    return p


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in COMMANDS:
        return _command(argv[0])(argv[1:])
    args = build_parser().parse_args(argv)
    from gasdesk.ui.application import run_gui

    return run_gui(args)


def _command(name: str) -> Callable[[list[str]], int]:
    if name == "demo":
        from gasdesk.demo.cli import run_demo

        return run_demo
    if name == "screenshot":
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from gasdesk.ui.screenshots import run_screenshots

        return run_screenshots
    if name == "import":
        from gasdesk.cli_import import run_import

        return run_import
    module = importlib.import_module("gasdesk.cli_admin")
    runner: Callable[[list[str]], int] = getattr(module, f"run_{name}")
    return runner


def settings_path() -> Path | None:
    """An explicit settings file (tests, several counters on one PC), else Qt's default."""
    value = os.environ.get("GASDESK_SETTINGS")
    return Path(value) if value else None


def make_settings() -> QSettings:
    """The counter's settings, for the application and the admin commands alike."""
    from PySide6.QtCore import QSettings

    path = settings_path()
    if path is not None:
        return QSettings(str(path), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "GasDesk", "gasdesk")


def ui_language(settings: QSettings, requested: str | None = None) -> str:
    """The interface language: `--lang`, else the counter's `ui/language` setting, else
    Simplified Chinese."""
    return requested or str(settings.value("ui/language", DEFAULT_LANGUAGE))
