"""The customer display opens full screen on the second screen when the counter has
two, and as a normal window when it has one. Qt's offscreen platform can simulate
two screens from a configuration file, which must be given before Qt starts, so the
two-screen case runs in a child process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

ROOT = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent(
    """
    import json, sys, tempfile
    from pathlib import Path
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication(sys.argv[:1])
    from gasdesk.settings import open_settings
    from gasdesk.ui.context import AppContext
    from gasdesk.ui.customer_display import existing_customer_display
    from gasdesk.ui.phrase_panel import PhrasePanel
    from gasdesk.ui.worker import DbWorker
    from tests.service_fixtures import counter_session, make_world

    world = make_world(Path(tempfile.mkdtemp()))
    worker = DbWorker()
    ctx = AppContext(session=counter_session(world), worker=worker, settings=open_settings())
    teller = next(s for s in app.screens() if s.name() == "teller")
    window = QMainWindow()
    window.setScreen(teller)
    window.setGeometry(teller.availableGeometry().adjusted(20, 20, -20, -20))
    window.setCentralWidget(PhrasePanel(ctx))
    window.show()
    for _ in range(50):
        app.processEvents()
    display = existing_customer_display(ctx)
    print(json.dumps({
        "opened": display is not None and display.isVisible(),
        "screen": display.screen().name() if display else None,
        "full_screen": bool(display and display.isFullScreen()),
        "screens": [s.name() for s in app.screens()],
    }))
    worker.shutdown()
    """
)


def test_display_opens_full_screen_on_the_second_screen(tmp_path: Path) -> None:
    config = tmp_path / "screens.json"
    screen = {"y": 0, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {"name": "teller", "x": 0, "width": 1280, "height": 800, **screen},
                    {"name": "customer", "x": 1280, "width": 1024, "height": 768, **screen},
                ]
            }
        )
    )
    env = dict(
        os.environ,
        QT_QPA_PLATFORM=f"offscreen:configfile={config}",
        GASDESK_SETTINGS=str(tmp_path / "settings.ini"),
        PYTHONPATH=str(ROOT),
    )
    result = subprocess.run(
        [sys.executable, "-c", CHILD],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert sorted(report["screens"]) == ["customer", "teller"]
    assert report == {**report, "opened": True, "screen": "customer", "full_screen": True}


def test_with_one_screen_the_display_is_a_normal_window_opened_by_the_teller(
    qtbot, tmp_path: Path
) -> None:
    from gasdesk.settings import open_settings
    from gasdesk.ui.context import AppContext
    from gasdesk.ui.customer_display import existing_customer_display
    from gasdesk.ui.phrase_panel import PhrasePanel
    from gasdesk.ui.worker import DbWorker
    from tests.service_fixtures import counter_session, make_world

    assert len(QGuiApplication.screens()) == 1
    world = make_world(tmp_path)
    worker = DbWorker()
    try:
        ctx = AppContext(session=counter_session(world), worker=worker, settings=open_settings())
        panel = PhrasePanel(ctx)
        qtbot.addWidget(panel)
        panel.show()
        qtbot.wait(50)
        assert existing_customer_display(ctx) is None  # not pushed over the teller's screen
        qtbot.mouseClick(panel.display_button, Qt.MouseButton.LeftButton)
        display = existing_customer_display(ctx)
        assert display is not None and display.isVisible() and not display.isFullScreen()
    finally:
        worker.shutdown()
