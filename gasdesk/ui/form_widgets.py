"""One input widget per form field type, and a FormView that builds any form from its
definition: sections as groups, a message beside each refused field, Enter moving on."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from gasdesk.domain.form_fields import USER_ERROR, FieldError
from gasdesk.domain.form_records import SlotAvailability
from gasdesk.domain.form_spec import FieldSpec, FieldType, FormSpec
from gasdesk.domain.records import AccountSummary
from gasdesk.ui.dates import day_edit, to_date
from gasdesk.ui.messages import english_ui, translate

EMPTY_DATE = QDate(2000, 1, 1)  # shown blank: an optional date left empty


class ErrorTexts(QObject):
    """The message beside a refused field, translated."""

    def text(self, err: FieldError) -> str:
        p = dict(err.params)
        if err.code == USER_ERROR:  # a rule of the business: a Messages template
            return translate(str(p.pop("template")), **p)
        hint_en = p.pop("hint_en", None)  # a form file's hint, in the interface's language
        if hint_en is not None and english_ui():
            p["hint"] = hint_en
        texts = {
            "required": self.tr("Required."),
            "too_short": self.tr("At least {min} characters."),
            "too_long": self.tr("At most {max} characters."),
            "pattern": self.tr("Not in the expected form: {hint}."),
            "not_a_choice": self.tr("Pick one of the listed choices."),
            "phone": self.tr(
                "A mobile number has 11 digits starting 13-19; a landline is like 0533-6886656."
            ),
            "idcard_length": self.tr("An ID-card number has 18 characters."),
            "idcard_characters": self.tr("An ID-card number is 17 digits and a digit or X."),
            "idcard_birth_date": self.tr(
                "The birth date inside the ID-card number is not a real date."
            ),
            "idcard_check_digit": self.tr(
                "The last character does not match: the number was mistyped."
            ),
            "date": self.tr("A date like 2026-10-12."),
            "timeslot": self.tr("Pick a day and a time slot."),
            "timeslot_unknown": self.tr("That time slot is not offered."),
            "timeslot_past": self.tr("That day has passed."),
            "timeslot_ended": self.tr("That slot has already ended today; pick a later one."),
            "timeslot_taken": self.tr("That slot is already booked; pick another."),
            "account": self.tr("An account number is 4 to 16 digits."),
            "account_unknown": self.tr("No account has this number."),
            "account_not_customer": self.tr(
                "Not the account of the customer being served ({customer})."
            ),
            "holder_mismatch": self.tr(
                "Not the holder of account {account}: it is held by {expected}."
            ),
            "address_mismatch": self.tr("Not the supply address of account {account}: {expected}."),
            "meter_mismatch": self.tr(
                "Not the meter of account {account}: its meter is {expected}."
            ),
            "meter_removed": self.tr(
                "This meter was removed from account {account}; its meter now is {expected}."
            ),
            "meter_none": self.tr("Account {account} has no meter in service."),
            "amount": self.tr("An amount like 30 or 30.50 (yuan)."),
            "amount_decimals": self.tr("At most two decimals (fen)."),
            "amount_negative": self.tr("The amount cannot be negative."),
            "amount_too_large": self.tr("The amount is too large."),
            "amount_below_min": self.tr("At least {min} yuan."),
            "amount_above_max": self.tr("At most {max} yuan."),
        }
        template = texts.get(err.code)
        return template.format(**p) if template else err.message


class FieldWidget(QWidget):
    """Base: value() as typed text, set_value(), and the focus target."""

    edited = Signal()

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.setObjectName(f"field_{spec.name}")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def value(self) -> str:
        raise NotImplementedError

    def set_value(self, text: str) -> None:
        raise NotImplementedError

    def editor(self) -> QWidget:
        raise NotImplementedError

    def reset(self) -> None:
        self.set_value(self.spec.default)


class LineField(FieldWidget):
    """text, phone, idcard, account, address and amount: a line editor."""

    PLACEHOLDERS: ClassVar[dict[FieldType, str]] = {
        FieldType.PHONE: "13905331234 / 0533-6886656",
        FieldType.ACCOUNT: "100001",
        FieldType.AMOUNT: "0.00",
    }

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.line = QLineEdit()
        self.line.setObjectName(f"edit_{spec.name}")
        if spec.max_length:
            self.line.setMaxLength(spec.max_length)
        if spec.type is FieldType.IDCARD:
            self.line.setMaxLength(20)
        self.line.setPlaceholderText(self.PLACEHOLDERS.get(spec.type, ""))
        self.line.textEdited.connect(self.edited)
        self._layout.addWidget(self.line, 1)
        if spec.type is FieldType.AMOUNT:
            self._layout.addWidget(QLabel(self.tr("yuan")))
        self.set_value(spec.default)

    def value(self) -> str:
        return self.line.text()

    def set_value(self, text: str) -> None:
        self.line.setText(text)

    def editor(self) -> QWidget:
        return self.line


class LongTextField(FieldWidget):
    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.text = QPlainTextEdit()
        self.text.setObjectName(f"edit_{spec.name}")
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(64)
        self.text.textChanged.connect(self.edited)
        self._layout.addWidget(self.text, 1)
        self.set_value(spec.default)

    def value(self) -> str:
        return self.text.toPlainText()

    def set_value(self, text: str) -> None:
        self.text.setPlainText(text)

    def editor(self) -> QWidget:
        return self.text


class ChoiceField(FieldWidget):
    def __init__(
        self, spec: FieldSpec, english: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(spec, parent)
        self.combo = QComboBox()
        self.combo.setObjectName(f"edit_{spec.name}")
        self.combo.addItem("", "")
        for shown, value in zip(spec.display_choices(english), spec.choices, strict=True):
            self.combo.addItem(shown, value)
        self.combo.currentIndexChanged.connect(self.edited)
        self._layout.addWidget(self.combo, 1)
        self.set_value(spec.default)

    def value(self) -> str:
        return str(self.combo.currentData() or "")

    def set_value(self, text: str) -> None:
        i = self.combo.findData(text)
        self.combo.setCurrentIndex(max(0, i))

    def editor(self) -> QWidget:
        return self.combo


class DateField(FieldWidget):
    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.date = day_edit(f"edit_{spec.name}")
        self.date.setMinimumDate(EMPTY_DATE)
        self.date.setSpecialValueText(" ")
        self.date.dateChanged.connect(self.edited)
        self._layout.addWidget(self.date)
        self._layout.addStretch(1)
        self.reset()

    def value(self) -> str:
        d = self.date.date()
        return "" if d == EMPTY_DATE else d.toString("yyyy-MM-dd")

    def set_value(self, text: str) -> None:
        d = QDate.fromString(text, "yyyy-MM-dd") if text else EMPTY_DATE
        self.date.setDate(d if d.isValid() else EMPTY_DATE)

    def reset(self) -> None:
        if self.spec.default:
            self.set_value(self.spec.default)
        else:
            self.date.setDate(QDate.currentDate() if self.spec.required else EMPTY_DATE)

    def editor(self) -> QWidget:
        return self.date


class TimeslotField(FieldWidget):
    """A day and one of that day's slots; the slot list shows how many crews are free."""

    day_changed = Signal(object)  # dt.date

    def __init__(self, spec: FieldSpec, slots: list[str], parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.slots = slots
        self.date = day_edit(f"day_{spec.name}")
        self.combo = QComboBox()
        self.combo.setObjectName(f"edit_{spec.name}")
        self._layout.addWidget(self.date)
        self._layout.addWidget(self.combo, 1)
        self.date.dateChanged.connect(self._day_changed)
        self.combo.currentIndexChanged.connect(self.edited)
        self.reset()

    def _fill(self, availability: dict[str, SlotAvailability] | None) -> None:
        keep = self.combo.currentData()
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(self.tr("(no visit)") if not self.spec.required else "", "")
        for s in self.slots:
            a = availability.get(s) if availability else None
            if a is None:
                self.combo.addItem(s, s)
            elif a.ended:
                self.combo.addItem(self.tr("{slot} — over").format(slot=s), s)
            elif a.free:
                self.combo.addItem(self.tr("{slot} — {free} free").format(slot=s, free=a.free), s)
            else:
                self.combo.addItem(self.tr("{slot} — full").format(slot=s), s)
        self.combo.setCurrentIndex(max(0, self.combo.findData(keep)))
        self.combo.blockSignals(False)

    def _day_changed(self, _d: QDate) -> None:
        self._fill(None)
        self.day_changed.emit(self.day())
        self.edited.emit()

    def day(self) -> dt.date:
        return to_date(self.date.date())

    def set_availability(self, day: dt.date, availability: list[SlotAvailability]) -> None:
        if day == self.day():
            self._fill({a.slot: a for a in availability})

    def value(self) -> str:
        slot = self.combo.currentData()
        return f"{self.day().isoformat()} {slot}" if slot else ""

    def set_value(self, text: str) -> None:
        parts = text.split()
        if len(parts) == 2:
            self.date.setDate(QDate.fromString(parts[0], "yyyy-MM-dd"))
            self.combo.setCurrentIndex(max(0, self.combo.findData(parts[1])))
        else:
            self.combo.setCurrentIndex(0)

    def reset(self) -> None:
        self.date.setDate(QDate.currentDate().addDays(1))
        self._fill(None)

    def editor(self) -> QWidget:
        return self.date


def make_field(spec: FieldSpec, slots: list[str], english: bool = False) -> FieldWidget:
    if spec.type is FieldType.LONGTEXT:
        return LongTextField(spec)
    if spec.type is FieldType.CHOICE:
        return ChoiceField(spec, english)
    if spec.type is FieldType.DATE:
        return DateField(spec)
    if spec.type is FieldType.TIMESLOT:
        return TimeslotField(spec, slots)
    return LineField(spec)


def prefill_value(source: str | None, customer: AccountSummary | None) -> str:
    if source is None or customer is None:
        return ""
    return {
        "customer.name": customer.name,
        "customer.phone": customer.phone,
        "customer.address": customer.address,
        "customer.number": customer.number,
        "customer.meter": customer.meter_number,
    }.get(source, "")


class FormView(QWidget):
    """Any form, built from its definition."""

    timeslot_day_changed = Signal(str, object)  # field name, dt.date
    submit_requested = Signal()  # Ctrl+Enter in any field

    def __init__(
        self, spec: FormSpec, *, english: bool, slots: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.spec = spec
        self.english = english
        self.fields: dict[str, FieldWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self._texts = ErrorTexts(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        for section in spec.sections:
            box = QGroupBox(section.display_title(english))
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
            for name in section.fields:
                f = spec.field(name)
                w = make_field(f, slots, english)
                w.editor().installEventFilter(self)
                err = QLabel()
                err.setObjectName(f"error_{name}")
                err.setStyleSheet("color: #b00020;")
                err.setWordWrap(True)
                err.setMinimumWidth(200)
                cell = QWidget()
                row = QHBoxLayout(cell)
                row.setContentsMargins(0, 0, 0, 0)
                row.addWidget(w, 3)
                row.addWidget(err, 2)
                label = QLabel(f.display_label(english) + (" *" if f.required else ""))
                label.setBuddy(w.editor())
                if f.help:
                    w.setToolTip(f.help)
                form.addRow(label, cell)
                self.fields[name] = w
                self.errors[name] = err
                w.edited.connect(lambda n=name: self._clear_error(n))
                if isinstance(w, TimeslotField):
                    w.day_changed.connect(
                        lambda day, n=name: self.timeslot_day_changed.emit(n, day)
                    )
            outer.addWidget(box)
        outer.addStretch(1)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """Enter in a one-line field moves to the next field, as on paper; Ctrl+Enter
        anywhere in the form submits it."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.submit_requested.emit()
                return True
            if enter and isinstance(obj, QLineEdit | QComboBox | QDateEdit):
                self.focusNextChild()
                return True
        return super().eventFilter(obj, event)

    def values(self) -> dict[str, str]:
        return {name: w.value() for name, w in self.fields.items()}

    def prefill(self, customer: AccountSummary | None) -> None:
        for f in self.spec.fields:
            text = prefill_value(f.prefill, customer)
            if text and not self.fields[f.name].value():
                self.fields[f.name].set_value(text)

    def reset(self, customer: AccountSummary | None) -> None:
        for w in self.fields.values():
            w.reset()
        self.show_errors({})
        self.prefill(customer)

    def _clear_error(self, name: str) -> None:
        self.errors[name].clear()

    def show_errors(self, errors: dict[str, FieldError]) -> None:
        for name, label in self.errors.items():
            err = errors.get(name)
            label.setText("" if err is None else self._texts.text(err))

    def focus_first(self, errors: dict[str, FieldError] | None = None) -> None:
        for f in self.spec.fields:
            w = self.fields[f.name]
            if (errors is None and not w.value()) or (errors and f.name in errors):
                w.editor().setFocus()
                return
        if self.spec.fields:
            self.fields[self.spec.fields[0].name].editor().setFocus()
