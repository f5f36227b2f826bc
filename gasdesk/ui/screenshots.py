"""`gasdesk screenshot OUTDIR`: render the login dialog and every tab, with a demo
customer selected, to PNG files, offscreen, and exit."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from gasdesk.demo import DEMO_PASSWORD, DEMO_STAFF


def settle(app: QApplication, worker: object, seconds: float = 10.0) -> None:
    """Process events until the worker has nothing pending (or time runs out)."""
    deadline = time.monotonic() + seconds
    app.processEvents()
    while time.monotonic() < deadline:
        app.processEvents()
        if getattr(worker, "pending", 0) == 0:
            app.processEvents()
            return
        time.sleep(0.01)


def grab(widget: QWidget, path: Path) -> Path:
    widget.grab().save(str(path))
    return path


def run_screenshots(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="gasdesk screenshot")
    p.add_argument("outdir")
    p.add_argument("--db", help="database to show (default: a fresh small demo database)")
    p.add_argument("--lang", choices=("zh_CN", "en"), default="zh_CN")
    args = p.parse_args(argv)
    out = Path(args.outdir)
    out.mkdir(parents=True, exist_ok=True)

    from gasdesk.services import accounts
    from gasdesk.settings import open_settings
    from gasdesk.storage.db import open_database
    from gasdesk.ui.application import (
        Controller,
        add_shipped_fonts,
        apply_font,
        has_cjk_font,
        install_translators,
    )
    from gasdesk.ui.worker import DbWorker

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    install_translators(app, args.lang)
    shipped = add_shipped_fonts()
    if not has_cjk_font():
        print(
            "gasdesk: no Chinese font installed (apt-get install fonts-wqy-microhei)",
            file=sys.stderr,
        )
        return 3
    apply_font(app, shipped)
    tmp = tempfile.TemporaryDirectory()
    if args.db:
        open_database(args.db)
    else:
        from gasdesk.demo.generate import generate

        open_database(Path(tmp.name) / "screens.db")
        generate(accounts=300)
    worker = DbWorker()
    settings = open_settings()
    badge = DEMO_STAFF[0][0]
    controller = Controller(worker, settings, DEMO_STAFF[0][3], 1)
    login = controller.show_login()
    login.badge.setText(badge)
    login.resize(460, 300)
    settle(app, worker)
    written = [grab(login, out / "01-login.png")]
    login.password.setText(DEMO_PASSWORD)
    login.submit()
    settle(app, worker)
    window = controller.window
    if window is None:
        print(f"gasdesk: demo login failed: {login.error.text()}", file=sys.stderr)
        return 1
    # a hall's 1366×768 screen, less its taskbar: the window as the teller sees it
    from PySide6.QtCore import QRect

    from gasdesk.ui.window_fit import client_area

    window.showNormal()
    window.setGeometry(client_area(QRect(0, 0, 1366, 728)))
    from gasdesk.demo.cli import showcase_account_id

    account_id = worker.run_sync(showcase_account_id)
    customer = worker.run_sync(accounts.get_account, account_id) if account_id else None
    if customer:
        window.ctx.set_customer(customer)
    settle(app, worker)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        settle(app, worker)
        written.append(grab(window, out / f"{index + 2:02d}-tab-{index + 1}.png"))
    from gasdesk.ui.customer_display import ensure_customer_display

    display = ensure_customer_display(window.ctx)
    display.resize(1024, 680)
    display.show()
    settle(app, worker)
    written.append(grab(display, out / "06-customer-display.png"))
    display.close()
    for path in written:
        print(path)
    window.close()
    worker.shutdown()
    tmp.cleanup()
    return 0
