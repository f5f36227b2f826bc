"""The counter as a teller uses it for the businesses that change accounts: the main
window over the fee data set (teller MS01 on shift at Mengshui counter 1, printing to
PDF files), and helpers that type into a form the way the keyboard does."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from gasdesk.ui.form_widgets import ChoiceField, DateField, FormView, LineField, LongTextField
from gasdesk.ui.main_window import MainWindow
from tests.helpers import settle, type_text


@pytest.fixture
def window(qtbot: Any, fee_ctx: Any, on_shift: Any) -> Iterator[MainWindow]:
    """The main window, shown and active, the teller on shift, printing silently."""
    fee_ctx.settings.setValue("printing/silent", True)
    win = MainWindow(fee_ctx)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    yield win
    settle(qtbot, fee_ctx.worker)
    win.close()
    win.deleteLater()
    qtbot.wait(10)


def here() -> Any:
    return QApplication.focusWidget()


def key(
    qtbot: Any, k: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """A key pressed where the keyboard is."""
    qtbot.keyClick(here(), k, modifier)


def pick_customer(qtbot: Any, win: MainWindow, text: str) -> None:
    """F6, the account number (or name), Enter: the customer in the bar."""
    qtbot.keyClick(win, Qt.Key.Key_F6)
    assert here() is win.customer_bar.search
    type_text(qtbot, here(), text)
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.ctx.customer is not None)


def fill(qtbot: Any, view: FormView, values: dict[str, str]) -> None:
    """Type each value into its field as the keyboard would: the field is cleared and
    typed into; a choice is picked by typing the start of its name; a date is set."""
    for name, text in values.items():
        w = view.fields[name]
        if isinstance(w, LineField):
            w.line.setFocus()
            w.line.selectAll()
            qtbot.keyClick(w.line, Qt.Key.Key_Delete)
            type_text(qtbot, w.line, text)
        elif isinstance(w, LongTextField):
            w.text.setFocus()
            w.text.clear()
            type_text(qtbot, w.text, text)
        elif isinstance(w, ChoiceField):
            w.combo.setFocus()
            qtbot.wait(QApplication.keyboardInputInterval() + 50)  # a fresh keyboard search
            qtbot.keyClicks(w.combo, text)
            assert w.combo.currentText().startswith(text), (name, w.combo.currentText())
        elif isinstance(w, DateField):
            w.date.setFocus()
            w.date.setDate(QDate.fromString(text, "yyyy-MM-dd"))
        else:
            raise AssertionError(type(w))


def new_form(qtbot: Any, win: MainWindow, kind: str, values: dict[str, str]) -> None:
    """F2, the form of `kind` from the list (prefilled from the customer bar), the
    values typed, Ctrl+Enter; the customer's copy closed with Esc."""
    forms = win.forms_tab
    qtbot.keyClick(win, Qt.Key.Key_F2)
    forms.pages.setCurrentWidget(forms.entry)
    view = forms.entry.select_kind(kind)
    forms.entry.focus_form()
    fill(qtbot, view, values)
    key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "MS-F-" in forms.entry.result.text(), timeout=5000)
    qtbot.waitUntil(lambda: forms.preview is not None)
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: forms.preview is None and here() is not None)


def to_effect(qtbot: Any, win: MainWindow) -> Any:
    """The Open forms page, the newest form chosen, Ctrl+Right until its next status is
    the one that runs its effect; returns the page."""
    forms = win.forms_tab
    page = forms.open_forms
    forms.pages.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() >= 1 and page.advance_button.isEnabled())
    page.table.selectRow(0)
    page.table.setFocus()
    for _ in range(4):
        qtbot.wait(100)  # the effect of the selected form is asked for on the worker
        settle(qtbot, win.ctx.worker)
        if page.effect.isVisible():
            return page
        before = page.message.text()
        key(qtbot, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda b=before: page.message.text() != b)
    raise AssertionError("the form's effect never came due")


def close_preview(qtbot: Any, win: MainWindow, *, print_it: bool, folder: Path) -> str:
    """The preview on screen (a confirmation): Ctrl+P prints it, Esc closes it; returns
    its text."""
    forms = win.forms_tab
    qtbot.waitUntil(lambda: forms.preview is not None)
    assert forms.preview is not None
    text = pdf_text(forms.preview.preview._data)
    if print_it:
        before = len(printed(folder, "confirmation-*.pdf"))
        key(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: len(printed(folder, "confirmation-*.pdf")) > before)
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: forms.preview is None and win.isActiveWindow() and here() is not None)
    return text


def pdf_text(pdf: bytes) -> str:
    document = pdfium.PdfDocument(pdf)
    return "".join(page.get_textpage().get_text_range() for page in document)


def printed(folder: Path, pattern: str) -> list[Path]:
    return sorted(folder.glob(pattern)) if folder.is_dir() else []
