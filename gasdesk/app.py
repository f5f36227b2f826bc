"""The `gasdesk` command: the application (ui/application.py composes it) or one of
the administrator's commands (cli_admin.py), the demo and the screenshots."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable

from gasdesk.settings import LANGUAGES

COMMANDS = (
    "demo",
    "setup",
    "migrate",
    "screenshot",
    "verify",
    "user",
    "backup",
    "restore",
    "key",
    "tariff",
    "ledger",
    "import",
)


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
    p.add_argument(
        "--new",
        action="store_true",
        help="make the database file named by --db when it is not there (a new office's "
        "database: the set-up dialog follows)",
    )
    p.add_argument("--version", action="store_true", help="print the version and stop")
    return p


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in COMMANDS:
        return _command(argv[0])(argv[1:])
    args = build_parser().parse_args(argv)
    if args.version:
        from gasdesk.version import version

        print(f"gasdesk {version()}")
        return 0
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
