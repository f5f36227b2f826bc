"""A teller at the counter doing a business that bills or credits an account: the
customer in the bar, the form chosen and filled in with the keyboard, submitted, moved
on to the status that runs its effect, the effect's fields and a supervisor's badge
and password typed, the papers printed (fee data set, teller MS01 on shift)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gasdesk.ui.form_widgets import FormView
from gasdesk.ui.formdesk.effect_panel import EffectPanel
from gasdesk.ui.main_window import MainWindow
from tests.fees_support import PASSWORD
from tests.helpers import type_text
from tests.lifecycle_support import fill, here, key, pdf_text, pick_customer, printed

CTRL = Qt.KeyboardModifier.ControlModifier


def choose_form(qtbot: Any, win: MainWindow, kind: str, title_start: str) -> FormView:
    """F2, the list of forms, the first letters of the form's title, Enter: the form,
    prefilled from the customer bar, the keyboard in its first empty field."""
    qtbot.keyClick(win, Qt.Key.Key_F2)
    forms = win.forms_tab
    qtbot.waitUntil(lambda: win.tabs.currentWidget() is forms)
    forms.pages.setCurrentWidget(forms.entry)
    forms.entry.kinds.setFocus()
    qtbot.wait(QApplication.keyboardInputInterval() + 50)  # a fresh keyboard search
    qtbot.keyClicks(forms.entry.kinds, title_start)
    key(qtbot, Qt.Key.Key_Return)
    view = forms.entry.current_view()
    assert view is not None and view.spec.kind == kind, view and view.spec.kind
    assert here() is not None and view.isAncestorOf(here())
    return view


def submit(qtbot: Any, win: MainWindow) -> None:
    """Ctrl+Enter: the form received, its copy shown and closed (Esc)."""
    forms = win.forms_tab
    key(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: "received" in forms.entry.result.text(), timeout=5000)
    qtbot.waitUntil(lambda: forms.preview is not None)
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: forms.preview is None)


def to_effect(qtbot: Any, win: MainWindow, number: str, steps: tuple[str, ...]) -> EffectPanel:
    """The Open forms page, the form `number` selected, moved on through `steps`
    (Ctrl+Right each) until its next status runs the effect; then Ctrl+Right once
    more: the keyboard in what the effect asks for."""
    forms = win.forms_tab
    forms.pages.setCurrentWidget(forms.open_forms)
    page = forms.open_forms

    def numbers() -> list[str]:
        return [page.model.item(i).number for i in range(page.model.rowCount())]

    qtbot.waitUntil(lambda: number in numbers())
    row = numbers().index(number)
    page.table.selectRow(row)
    page.table.setFocus()
    qtbot.waitUntil(lambda: page.advance_button.isEnabled())
    for status in steps:
        key(qtbot, Qt.Key.Key_Right, CTRL)
        qtbot.waitUntil(lambda s=status: f"is now: {s}" in page.message.text())
    qtbot.waitUntil(lambda: page.effect.isVisible() and page.effect.pending is not None)
    page.table.setFocus()
    key(qtbot, Qt.Key.Key_Right, CTRL)  # first what the effect asks for
    qtbot.waitUntil(lambda: here() is not None and page.effect.isAncestorOf(here()))
    return page.effect


def authorise(qtbot: Any, panel: EffectPanel, badge: str = "MS09") -> None:
    """The supervisor types badge, Enter, password, Enter: the business is confirmed."""
    panel.badge.setFocus()
    type_text(qtbot, panel.badge, badge)
    key(qtbot, Qt.Key.Key_Return)
    assert here() is panel.password
    type_text(qtbot, panel.password, PASSWORD)
    key(qtbot, Qt.Key.Key_Return)


def confirmation_printed(qtbot: Any, win: MainWindow, folder: Path, *words: str) -> str:
    """The printed confirmation shows: its text checked for `words`, Ctrl+P, Esc."""
    forms = win.forms_tab
    qtbot.waitUntil(lambda: forms.preview is not None, timeout=5000)
    assert forms.preview is not None
    text = pdf_text(forms.preview.preview._data)
    for word in words:
        assert word in text, word
    key(qtbot, Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(lambda: bool(printed(folder / "printed", "confirmation-*.pdf")))
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: forms.preview is None)
    qtbot.waitUntil(lambda: win.isActiveWindow() and here() is not None)  # back at the counter
    return text


__all__ = ["fill", "pick_customer"]
