"""The version: `gasdesk --version` prints the one in setup.cfg (read from the package
metadata), and F1 in the main window opens the About box with that version and the
database's schema version."""

from __future__ import annotations

import configparser
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gasdesk.app import main
from gasdesk.storage.migrations import latest_version
from tests.helpers import settle

SETUP_CFG = Path(__file__).resolve().parents[2] / "setup.cfg"


def declared_version() -> str:
    cfg = configparser.ConfigParser()
    cfg.read(SETUP_CFG, encoding="utf-8")
    return cfg["metadata"]["version"]


def test_version_option_prints_the_declared_version(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"gasdesk {declared_version()}"


def test_f1_opens_the_about_box_with_version_and_schema(qtbot, main_window, database) -> None:  # type: ignore[no-untyped-def]
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    qtbot.keyClick(main_window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: main_window.findChild(object, "aboutDialog") is not None)
    dialog = main_window.findChild(object, "aboutDialog")
    qtbot.waitUntil(lambda: str(latest_version()) in dialog.schema.text())
    assert dialog.isVisible()
    assert dialog.version.text() == declared_version()
    assert str(database) in dialog.database.text()
    qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    settle(qtbot, main_window.ctx.worker)
