"""First run on an empty database: the office (one of offices.toml, or a new one),
this PC's counter number, the first supervisor and the receipt printer, on one form.
Enter moves to the next field and sets up from the last one; Esc quits. Nothing is
written until the whole form is valid: then `office_setup.set_up_first_run` writes
everything in one transaction, this PC's settings are kept, and the supervisor is
logged in (`logged_in`), since the password was just typed twice.

On a shared (PostgreSQL) database this runs once for the whole company: the other
offices of offices.toml can be set up in the same transaction (their staff are added
with `gasdesk user add`). If another counter set the database up in the meantime,
`already_set_up` sends this PC to the join dialog."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gasdesk.domain.records import LoginSession
from gasdesk.domain.text import UserError
from gasdesk.services import auth
from gasdesk.services.office_setup import (
    MAX_COUNTERS,
    AlreadySetUpError,
    FirstRun,
    FirstRunDone,
    OfficeEntry,
    check_first_run,
    set_up_first_run,
    shipped_entries,
)
from gasdesk.settings import Settings
from gasdesk.ui.counter_place import keep_counter_place
from gasdesk.ui.credentials import badge_field, error_label, password_field
from gasdesk.ui.messages import user_text
from gasdesk.ui.printer_choice import PrinterChoice
from gasdesk.ui.worker import DbWorker

NEW_OFFICE = ""  # the preset combo's data for an office offices.toml does not know


class SetUpDialog(QDialog):
    logged_in = Signal(object)  # LoginSession of the first supervisor
    already_set_up = Signal()  # another counter set the database up first
    set_up_without_login = Signal()  # set up, but the login failed: ask for it

    def __init__(
        self,
        worker: DbWorker,
        settings: Settings,
        *,
        shared: bool,
        where: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.settings = settings
        self.busy = False
        self.done_set_up: FirstRunDone | None = None
        self.setObjectName("setUpDialog")
        self.setWindowTitle(self.tr("GasDesk — set up this database"))
        self.shipped = shipped_entries()

        intro = QLabel(
            self.tr(
                "The database {where} is empty. Set up the office, this PC's counter, the "
                "first supervisor and the receipt printer. Nothing is written until every "
                "field is valid. Enter moves to the next field; Esc quits."
            ).format(where=where)
        )
        intro.setWordWrap(True)

        self.preset = QComboBox()
        self.preset.setObjectName("officePreset")
        for e in self.shipped:
            self.preset.addItem(f"{e.name} ({e.code})", e.code)
        self.preset.addItem(self.tr("A new office…"), NEW_OFFICE)
        self.code = QLineEdit()
        self.code.setObjectName("officeCode")
        self.code.setMaxLength(8)
        self.name = QLineEdit()
        self.name.setObjectName("officeName")
        self.address = QLineEdit()
        self.address.setObjectName("officeAddress")
        self.phone = QLineEdit()
        self.phone.setObjectName("officePhone")
        self.hours = QLineEdit()
        self.hours.setObjectName("officeHours")
        self.hours.setPlaceholderText("08:30-12:00,13:30-17:00")
        self.counters = QSpinBox()
        self.counters.setObjectName("officeCounters")
        self.counters.setRange(1, MAX_COUNTERS)
        office_box = QGroupBox(self.tr("Office"))
        office_form = QFormLayout(office_box)
        office_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        office_form.addRow(self.tr("From offices.toml"), self.preset)
        office_form.addRow(self.tr("Code (starts the receipt numbers)"), self.code)
        office_form.addRow(self.tr("Name"), self.name)
        office_form.addRow(self.tr("Address"), self.address)
        office_form.addRow(self.tr("Phone"), self.phone)
        office_form.addRow(self.tr("Business hours"), self.hours)
        office_form.addRow(self.tr("Counters"), self.counters)
        self.others = QCheckBox()
        self.others.setObjectName("otherOffices")
        self.others.setChecked(shared)
        self.others.setVisible(shared)
        self.others_note = QLabel(
            self.tr(
                "Their staff are added with gasdesk user add; their PCs join this database "
                "by choosing their office and counter."
            )
        )
        self.others_note.setWordWrap(True)
        self.others_note.setStyleSheet("color: #555;")
        if shared:
            office_form.addRow(self.others)
            office_form.addRow(self.others_note)

        self.counter = QSpinBox()
        self.counter.setObjectName("thisCounter")
        self.counter.setRange(1, MAX_COUNTERS)
        self.printer = PrinterChoice(settings)
        pc_box = QGroupBox(self.tr("This PC"))
        pc_form = QFormLayout(pc_box)
        pc_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        pc_form.addRow(self.tr("Counter number"), self.counter)
        pc_form.addRow(self.tr("Receipt printer"), self.printer)

        self.badge = badge_field("supervisorBadge")
        self.badge.setPlaceholderText(self.tr("e.g. MS09"))
        self.person = QLineEdit()
        self.person.setObjectName("supervisorName")
        self.person.setMaxLength(40)
        self.password = password_field("supervisorPassword", 128)
        self.again = password_field("supervisorPasswordAgain", 128)
        boss_box = QGroupBox(self.tr("First supervisor"))
        boss_form = QFormLayout(boss_box)
        boss_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        boss_form.addRow(self.tr("Badge number"), self.badge)
        boss_form.addRow(self.tr("Full name"), self.person)
        boss_form.addRow(self.tr("Password (at least 6 characters)"), self.password)
        boss_form.addRow(self.tr("Password again"), self.again)

        self.error = error_label("setUpError")
        self.ok = QPushButton(self.tr("Set up (Enter)"))
        self.ok.setObjectName("setUpSubmit")
        self.ok.clicked.connect(self.submit)
        quit_button = QPushButton(self.tr("Quit (Esc)"))
        quit_button.clicked.connect(self.reject)
        for b in (self.ok, quit_button):
            b.setAutoDefault(False)
        self.printer.test_button.clicked.connect(self.test_print)

        right = QVBoxLayout()
        right.addWidget(pc_box)
        right.addWidget(boss_box)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addWidget(office_box, 1)
        columns.addLayout(right, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(quit_button)
        buttons.addWidget(self.ok)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(columns)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.setMinimumWidth(960)

        # Enter moves along this chain; Enter in the last field sets up
        self.chain: list[QWidget] = [
            self.preset,
            self.code,
            self.name,
            self.address,
            self.phone,
            self.hours,
            self.counters,
            self.others,
            self.counter,
            self.printer.kind,
            self.printer.folder,
            self.badge,
            self.person,
            self.password,
            self.again,
        ]
        for w in self.chain:
            w.installEventFilter(self)
        self.preset.currentIndexChanged.connect(self._preset_chosen)
        self.counters.valueChanged.connect(self._counters_changed)
        self.code.textChanged.connect(self._show_others)
        self._preset_chosen()
        self.preset.setFocus()

    # --- the form ---------------------------------------------------------------

    def _preset_chosen(self) -> None:
        code = self.preset.currentData()
        entry = next((e for e in self.shipped if e.code == code), None)
        fields = (self.code, self.name, self.address, self.phone, self.hours)
        if entry is None:
            for f in fields:
                f.clear()
            self.hours.setText(self.shipped[0].hours if self.shipped else "")
            self.counters.setValue(1)
        else:
            for f, value in zip(
                fields,
                (entry.code, entry.name, entry.address, entry.phone, entry.hours),
                strict=True,
            ):
                f.setText(value)
            self.counters.setValue(entry.counters)
        self._show_others()

    def _counters_changed(self, value: int) -> None:
        self.counter.setMaximum(value)

    def _other_entries(self) -> tuple[OfficeEntry, ...]:
        if not self.others.isChecked():
            return ()
        code = self.code.text().strip().upper()
        return tuple(e for e in self.shipped if e.code != code)

    def _show_others(self) -> None:
        others = [e for e in self.shipped if e.code != self.code.text().strip().upper()]
        names = "、".join(f"{e.name} ({e.code})" for e in others)
        self.others.setText(
            self.tr("Also set up the company's other offices: {names}").format(names=names)
        )
        self.others.setEnabled(bool(others))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and watched in self.chain
        ):
            self._next_after(watched)
            return True
        return super().eventFilter(watched, event)

    def _next_after(self, widget: QObject) -> None:
        index = self.chain.index(widget)  # type: ignore[arg-type]
        for w in self.chain[index + 1 :]:
            if w.isEnabled() and w.isVisible():
                w.setFocus(Qt.FocusReason.TabFocusReason)
                return
        self.submit()

    def request(self) -> FirstRun:
        return FirstRun(
            office=OfficeEntry(
                code=self.code.text(),
                name=self.name.text(),
                address=self.address.text(),
                phone=self.phone.text(),
                hours=self.hours.text(),
                counters=self.counters.value(),
            ),
            counter=self.counter.value(),
            badge=self.badge.text(),
            name=self.person.text(),
            password=self.password.text(),
            other_offices=self._other_entries(),
        )

    def test_print(self) -> bool:
        return self.printer.test_print(self.name.text().strip(), self.counter.value())

    # --- setting up ---------------------------------------------------------------

    def submit(self) -> None:
        if self.busy:
            return
        self.error.setText("")
        if self.password.text() != self.again.text():
            self._refuse(self.tr("The two passwords differ; type them again."))
            self.password.clear()
            self.again.clear()
            self.password.setFocus()
            return
        problem = self.printer.problem()
        if problem is not None:
            self._refuse(problem)
            self.printer.kind.setFocus()
            return
        try:
            request = check_first_run(self.request())
        except UserError as exc:
            self._refuse(user_text(exc))
            return
        self.busy = True
        self.ok.setEnabled(False)
        self.worker.submit(set_up_first_run, request, on_done=self._set_up, on_error=self._failed)

    def _refuse(self, text: str) -> None:
        self.error.setText(text)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.ok.setEnabled(True)
        if isinstance(exc, AlreadySetUpError):
            self.already_set_up.emit()
            self.accept()
            return
        self._refuse(user_text(exc))

    def _set_up(self, done: FirstRunDone) -> None:
        self.done_set_up = done
        keep_counter_place(self.settings, done.set_up.office.code, done.counter.number)
        self.printer.keep(self.settings)
        self.worker.submit(
            auth.login,
            done.set_up.supervisor.badge,
            self.password.text(),
            done.counter.id,
            on_done=self._logged_in,
            on_error=self._login_failed,
        )

    def _logged_in(self, session: LoginSession) -> None:
        self.busy = False
        self.logged_in.emit(session)
        self.accept()

    def _login_failed(self, exc: BaseException) -> None:
        self.busy = False
        self.set_up_without_login.emit()
        self.accept()
