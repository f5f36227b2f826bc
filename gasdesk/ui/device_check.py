"""The device check (Counter menu, Ctrl+Shift+D): each device of this counter, how the
settings set it up, whether it answers (found / simulated / missing, and why), and a
test: read a card, read an ID card, print a test slip, open the cash drawer. A teller
runs it at the start of the day, or when a device misbehaves."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gasdesk import settings
from gasdesk.devices.config import ESCPOS_PRINTER, NONE, SIMULATED
from gasdesk.devices.status import FOUND, MISSING, DeviceStatus
from gasdesk.domain.tariff import format_m3
from gasdesk.domain.text import QT_TRANSLATE_NOOP, UserError
from gasdesk.printing.receipt import render_lines
from gasdesk.printing.receipt_lines import check_slip
from gasdesk.ui.context import AppContext
from gasdesk.ui.devices import CounterDevices, reload_devices
from gasdesk.ui.messages import user_text
from gasdesk.ui.pdf_printing import PrintError, make_printer, paint_pdf

COLORS = {FOUND: "#1e6b2f", "simulated": "#1a5276", MISSING: "#b00020"}


@dataclass(frozen=True)
class Row:
    key: str
    name: str
    setup: str
    test: str  # the test button's text ('' for none)


def statuses(devices: CounterDevices, system: DeviceStatus) -> dict[str, DeviceStatus]:
    """On the worker: each device asked whether it answers."""
    found = {
        "card": devices.card_writer.status(),
        "id": devices.id_reader.status(),
        "printer": devices.escpos.status() if devices.escpos is not None else system,
    }
    if devices.escpos is not None and devices.config.cash_drawer:
        found["drawer"] = found["printer"]
    return found


def system_printer(ctx: AppContext) -> DeviceStatus:
    """The system's printer the receipts go to (GUI thread: Qt's printer list)."""
    folder = ctx.settings.get(settings.OUTPUT_DIR)
    if folder:
        return DeviceStatus(FOUND, folder)
    name = ctx.settings.get(settings.PRINTER)
    if name:
        if QPrinterInfo.printerInfo(name).isNull():
            problem = UserError(
                QT_TRANSLATE_NOOP("Messages", "The printer {name} is not installed."), name=name
            )
            return DeviceStatus(MISSING, name, problem)
        return DeviceStatus(FOUND, name)
    default = QPrinterInfo.defaultPrinter()
    if default.isNull():
        problem = UserError(QT_TRANSLATE_NOOP("Messages", "No printer is installed."))
        return DeviceStatus(MISSING, "", problem)
    return DeviceStatus(FOUND, default.printerName())


class DeviceCheckDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("deviceCheck")
        self.setWindowTitle(self.tr("Device check"))
        self.devices = reload_devices(ctx)  # as the settings say now
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(10)
        for column, head in enumerate(
            (self.tr("Device"), self.tr("Set up as"), self.tr("State"), self.tr("Where / why"))
        ):
            label = QLabel(head)
            label.setStyleSheet("font-weight: 600;")
            self.grid.addWidget(label, 0, column)
        self.state_labels: dict[str, QLabel] = {}
        self.where_labels: dict[str, QLabel] = {}
        self.test_buttons: dict[str, QPushButton] = {}
        for i, row in enumerate(self._rows(), start=1):
            self._add_row(i, row)
        self.outcome = QLabel()
        self.outcome.setObjectName("deviceResult")
        self.outcome.setWordWrap(True)
        self.outcome.setMinimumHeight(48)
        self.outcome.setStyleSheet("font-size: 15px;")
        self.again_button = QPushButton(self.tr("&Check again"))
        self.again_button.setObjectName("checkAgain")
        self.again_button.clicked.connect(self.check)
        close = QPushButton(self.tr("Close (Esc)"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.again_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        note = QLabel(
            self.tr(
                "Devices are chosen in the counter's settings (devices/…, printing/…); "
                "a simulated device keeps its cards in a folder, for training and the demo."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        layout.addWidget(note)
        layout.addLayout(self.grid)
        layout.addWidget(self.outcome)
        layout.addLayout(buttons)
        self.setMinimumWidth(900)
        self.check()

    def _kind(self, value: str) -> str:
        if value == SIMULATED:
            return self.tr("simulated")
        if value in (NONE, ""):
            return self.tr("none")
        return self.tr("driver {name}").format(name=value)

    def _rows(self) -> list[Row]:
        c = self.devices.config
        escpos = c.receipt_printer == ESCPOS_PRINTER
        rows = [
            Row(
                "card", self.tr("IC-card reader/writer"), self._kind(c.card_writer),
                self.tr("Read the card (&1)"),
            ),
            Row("id", self.tr("ID-card reader"), self._kind(c.id_reader), self.tr("Read (&2)")),
            Row(
                "printer",
                self.tr("Receipt printer"),
                self.tr("ESC/POS thermal printer") if escpos else self.tr("system printer driver"),
                self.tr("Print a test slip (&3)"),
            ),
        ]  # fmt: skip
        if escpos and c.cash_drawer:
            rows.append(
                Row("drawer", self.tr("Cash drawer"), self.tr("on the receipt printer"),
                    self.tr("Open the drawer (&4)"))
            )  # fmt: skip
        return rows

    def _add_row(self, i: int, row: Row) -> None:
        name = QLabel(row.name)
        name.setStyleSheet("font-size: 15px;")
        state = QLabel("…")
        state.setObjectName(f"state_{row.key}")
        state.setStyleSheet("font-size: 15px; font-weight: 600;")
        where = QLabel("")
        where.setObjectName(f"where_{row.key}")
        where.setWordWrap(True)
        where.setMinimumWidth(320)
        button = QPushButton(row.test)
        button.setObjectName(f"test_{row.key}")
        button.clicked.connect(lambda _c=False, k=row.key: self.test(k))
        self.grid.addWidget(name, i, 0)
        self.grid.addWidget(QLabel(row.setup), i, 1)
        self.grid.addWidget(state, i, 2)
        self.grid.addWidget(where, i, 3)
        self.grid.addWidget(button, i, 4)
        self.state_labels[row.key] = state
        self.where_labels[row.key] = where
        self.test_buttons[row.key] = button

    def check(self) -> None:
        for label in self.state_labels.values():
            label.setText("…")
        self.ctx.worker.submit(
            statuses,
            self.devices,
            system_printer(self.ctx),
            on_done=self._show,
            on_error=lambda exc: self._say(user_text(exc), good=False),
        )

    def state_text(self, state: str) -> str:
        return {
            FOUND: self.tr("found"),
            "simulated": self.tr("simulated"),
            MISSING: self.tr("missing"),
        }.get(state, state)

    def _show(self, found: dict[str, DeviceStatus]) -> None:
        for key, status in found.items():
            if key not in self.state_labels:
                continue
            label = self.state_labels[key]
            label.setText(self.state_text(status.state))
            label.setStyleSheet(
                f"font-size: 15px; font-weight: 600; color: {COLORS.get(status.state, '#000')};"
            )
            why = user_text(status.problem) if status.problem is not None else ""
            self.where_labels[key].setText(" — ".join(t for t in (status.where, why) if t))

    def _say(self, text: str, *, good: bool) -> None:
        self.outcome.setStyleSheet(f"font-size: 15px; color: {'#1e6b2f' if good else '#b00020'};")
        self.outcome.setText(text)

    # -- the tests -------------------------------------------------------------------
    def test(self, key: str) -> None:
        jobs: dict[str, tuple[Callable[..., Any], Callable[[Any], str]]] = {
            "card": (self.devices.card_writer.read, self._card_text),
            "id": (self.devices.id_reader.read, self._id_text),
            "drawer": (self._open_drawer, lambda _r: self.tr("The drawer was told to open.")),
        }
        if key == "printer":
            self._print_test()
            return
        fn, text = jobs[key]
        self._say(self.tr("Testing…"), good=True)
        self.ctx.worker.submit(
            fn,
            on_done=lambda result: self._say(text(result), good=True),
            on_error=lambda exc: self._say(user_text(exc), good=False),
        )

    def _card_text(self, image: Any) -> str:
        if image.blank:
            return self.tr("A blank card is in the reader.")
        if not image.pending_l:
            return self.tr(
                "Card {card} of meter {meter}: purchase {seq}, taken by the meter."
            ).format(card=image.card_number, meter=image.meter_number, seq=image.seq)
        return self.tr(
            "Card {card} of meter {meter}: purchase {seq}; {volume} m³ the meter has not taken."
        ).format(
            card=image.card_number,
            meter=image.meter_number,
            seq=image.seq,
            volume=format_m3(image.pending_l),
        )

    def _id_text(self, card: Any) -> str:
        return self.tr("ID card of {name}, number {number}.").format(
            name=card.name, number=card.id_number
        )

    def _open_drawer(self) -> None:
        assert self.devices.escpos is not None
        self.devices.escpos.open_drawer()

    def _print_test(self) -> None:
        lines = check_slip(
            dt.datetime.now().replace(microsecond=0),
            self.ctx.session.office.name,
            self.where_labels["printer"].text(),
        )
        escpos = self.devices.escpos
        if escpos is not None:
            self.ctx.worker.submit(
                escpos.print_lines,
                lines,
                on_done=lambda _r: self._say(self.tr("The test slip was sent."), good=True),
                on_error=lambda exc: self._say(user_text(exc), good=False),
            )
            return
        try:
            printer, _ask = make_printer(self.ctx.settings, "test-slip")
            paint_pdf(printer, render_lines(lines, "打印测试"))
        except PrintError as exc:
            self._say(user_text(exc), good=False)
            return
        self._say(self.tr("The test slip was sent."), good=True)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.adjustSize()  # as tall as the wrapped lines need at this width

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()  # no default button: Enter does not close the check
            return
        super().keyPressEvent(event)
