"""The screenshot command renders every screen (login, each tab, the customer
display), and the default UI is Chinese."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtGui import QAction, QImage
from PySide6.QtWidgets import QApplication

from gasdesk import settings_ini
from gasdesk.app import build_parser
from gasdesk.settings import open_settings
from gasdesk.ui.application import install_translators, ui_language


def test_screenshot_command_renders_login_and_every_tab(tmp_path: Path) -> None:
    out = tmp_path / "screens"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", GASDESK_SETTINGS=str(tmp_path / "s.ini"))
    result = subprocess.run(
        [sys.executable, "-m", "gasdesk", "screenshot", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    pngs = sorted(out.glob("*.png"))
    assert [p.name for p in pngs][:2] == ["01-login.png", "02-tab-1.png"]
    assert len(pngs) == 6
    for p in pngs:
        image = QImage(str(p))
        assert image.width() > 300 and image.height() > 200
        # not a blank picture: many distinct colours (text is anti-aliased)
        colours = {
            image.pixel(x, y)
            for x in range(0, image.width(), 7)
            for y in range(0, image.height(), 7)
        }
        assert len(colours) > 5


def test_chinese_is_the_default_language(ctx, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A counter with no language setting, started without --lang, speaks Chinese: the
    language is chosen as `run_gui` chooses it."""
    app = QApplication.instance()
    settings = open_settings()
    assert "ui/language" not in settings_ini.read_file(settings.path)  # a fresh counter
    args = build_parser().parse_args([])
    locale_before = QLocale()
    translators = install_translators(app, ui_language(settings, args.lang))
    try:
        from gasdesk.ui.main_window import MainWindow

        window = MainWindow(ctx)
        qtbot.addWidget(window)
        titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
        assert titles == ["业务受理 (F2)", "收费 (F3)", "抄表查询 (F4)", "日结对账 (F5)"]
        checked = [a.text() for a in window.findChildren(QAction) if a.isChecked()]
        assert checked == ["简体中文"]
        assert QLocale().language() == QLocale.Language.Chinese
    finally:
        for t in translators:
            app.removeTranslator(t)
        QLocale.setDefault(locale_before)
