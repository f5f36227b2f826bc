"""A PC joining a database that is set up already (a second counter, or the other
office's counters on the shared PostgreSQL database): it only picks its office and
counter number, and its receipt printer. Nothing is written to the database; the
choice goes into this PC's settings and the login follows (`joined`).

Shown when this PC's settings name no counter, or a counter the database does not
have."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gasdesk.domain.records import CounterInfo, OfficeInfo
from gasdesk.settings import Settings
from gasdesk.ui.counter_place import keep_counter_place
from gasdesk.ui.credentials import error_label
from gasdesk.ui.printer_choice import PrinterChoice


class JoinCounterDialog(QDialog):
    joined = Signal(str, int)  # office code, counter number

    def __init__(
        self,
        settings: Settings,
        offices: list[OfficeInfo],
        counters: dict[int, list[CounterInfo]],
        office_code: str | None,
        counter_number: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.offices = offices
        self.counters = counters
        self.setObjectName("joinCounterDialog")
        self.setWindowTitle(self.tr("GasDesk — this PC's counter"))
        if office_code and counter_number:
            text = self.tr(
                "The database has no counter {number} at office {office}. Choose the office "
                "and counter this PC stands at, and its receipt printer."
            ).format(number=counter_number, office=office_code)
        else:
            text = self.tr(
                "This PC has no counter yet. Choose the office and counter it stands at, "
                "and its receipt printer. Enter moves on; Esc quits."
            )
        self.intro = QLabel(text)
        self.intro.setWordWrap(True)
        self.office = QComboBox()
        self.office.setObjectName("joinOffice")
        for o in offices:
            self.office.addItem(f"{o.name} ({o.code})", o.id)
        self.counter = QComboBox()
        self.counter.setObjectName("joinCounter")
        self.office.currentIndexChanged.connect(self._fill_counters)
        for i, o in enumerate(offices):
            if o.code == office_code:
                self.office.setCurrentIndex(i)
        self._fill_counters()
        self.printer = PrinterChoice(settings)
        self.printer.test_button.clicked.connect(self.test_print)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Office"), self.office)
        form.addRow(self.tr("Counter"), self.counter)
        form.addRow(self.tr("Receipt printer"), self.printer)
        self.error = error_label("joinError")
        self.ok = QPushButton(self.tr("Use this counter (Enter)"))
        self.ok.setObjectName("joinSubmit")
        self.ok.clicked.connect(self.submit)
        quit_button = QPushButton(self.tr("Quit (Esc)"))
        quit_button.clicked.connect(self.reject)
        for b in (self.ok, quit_button):
            b.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(quit_button)
        buttons.addWidget(self.ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.setMinimumWidth(560)
        self.chain: list[QWidget] = [
            self.office,
            self.counter,
            self.printer.kind,
            self.printer.folder,
        ]
        for w in self.chain:
            w.installEventFilter(self)
        self.office.setFocus()

    def _fill_counters(self) -> None:
        self.counter.clear()
        for c in self.counters.get(self.office.currentData(), []):
            self.counter.addItem(self.tr("Counter {n}").format(n=c.number), c.number)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and watched in self.chain
        ):
            index = self.chain.index(watched)
            later = [w for w in self.chain[index + 1 :] if w.isEnabled() and w.isVisible()]
            if later:
                later[0].setFocus(Qt.FocusReason.TabFocusReason)
            else:
                self.submit()
            return True
        return super().eventFilter(watched, event)

    def office_code(self) -> str | None:
        office_id = self.office.currentData()
        return next((o.code for o in self.offices if o.id == office_id), None)

    def test_print(self) -> bool:
        number = self.counter.currentData()
        return self.printer.test_print(self.office.currentText(), int(number or 0))

    def submit(self) -> None:
        code, number = self.office_code(), self.counter.currentData()
        if code is None or number is None:
            self.error.setText(self.tr("Choose the office and counter."))
            return
        problem = self.printer.problem()
        if problem is not None:
            self.error.setText(problem)
            self.printer.kind.setFocus()
            return
        keep_counter_place(self.settings, code, int(number))
        self.printer.keep(self.settings)
        self.joined.emit(code, int(number))
        self.accept()
