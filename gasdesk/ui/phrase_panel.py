"""The courtesy-phrase panel (服务用语): the service code's phrases, with the one to say
now highlighted, following what happens at the counter.

- customer selected → greeting; the counter busy (search, print) longer than
  `service/wait_prompt_seconds` → 请您稍等, and when it is done → 对不起，让您久等了;
- read-back → the 唱收唱付 sentence with the actual amounts; committed → thanks;
  refusal → apology and 我能做到的是……; the customer thanks → 不用客气;
  farewell → 再见，欢迎下次再来;
- a read-back and a refusal pass: Esc at the read-back drops its amounts and the
  work done after a refusal ends its apology and message; the panel goes back to
  what it showed before them;
- the running service time, and past `service/limit_seconds` the apology;
- F8 shows the highlighted phrase big on the customer display; Enter or a double
  click on a phrase makes it the one to say.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gasdesk.domain.events import (
    Committed,
    CustomerSelected,
    Farewell,
    PaymentCommitted,
    ReadBackCancelled,
    ReadBackShown,
    Refused,
    VoidCommitted,
    WorkDone,
)
from gasdesk.domain.phrases import Selection, for_phrase, select
from gasdesk.domain.service_timing import format_duration
from gasdesk.settings import DISPLAY_AUTO_OPEN
from gasdesk.ui.context import AppContext
from gasdesk.ui.customer_display import (
    CustomerDisplay,
    ensure_customer_display,
    existing_customer_display,
)
from gasdesk.ui.messages import english_ui, user_text
from gasdesk.ui.phrase_model import PhraseListModel, counter_phrases
from gasdesk.ui.service_visits import VisitTracker

SHOW_KEY = "F8"  # F9 voids on the fee tab
DISPLAY_KEY = "Ctrl+F8"
PASSING = ("readback", "refusal")  # what is said for a while, then left behind


class PhrasePanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("phrasePanel")
        loaded = counter_phrases(ctx)
        self.book = loaded.book
        self.tracker = VisitTracker.of(ctx)
        self.rules = self.tracker.rules
        self.current: Selection | None = None
        self._before: Selection | None = None  # what to go back to after a passing moment
        self._params: dict[str, Any] = {}
        self._waited = False
        self._overtime_said = False

        self.clock = QLabel()
        self.clock.setObjectName("serviceClock")
        self.say = QLabel()
        self.say.setObjectName("sayNow")
        self.say.setWordWrap(True)
        self.say.setTextFormat(Qt.TextFormat.PlainText)
        self.say.setMinimumHeight(64)
        self.say.setStyleSheet(
            "QLabel#sayNow { font-size: 20px; font-weight: bold; background: #fff4cc;"
            " border: 1px solid #e0c060; border-radius: 4px; padding: 8px; }"
        )
        self.note = QLabel()
        self.note.setObjectName("phraseNote")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setStyleSheet("color: #666;")
        self.note.hide()
        self.show_button = QPushButton(self.tr("Show to customer ({key})").format(key=SHOW_KEY))
        self.show_button.setObjectName("showToCustomer")
        self.show_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.show_button.clicked.connect(self.show_to_customer)
        self.display_button = QPushButton(
            self.tr("Customer display ({key})").format(key=DISPLAY_KEY)
        )
        self.display_button.setObjectName("toggleCustomerDisplay")
        self.display_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.display_button.clicked.connect(self.toggle_display)
        self.problems = QLabel()
        self.problems.setObjectName("phraseProblems")
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.problems.setStyleSheet("color: #b00020;")
        self.problems.hide()

        self.model = PhraseListModel(self.book, self)
        self.list = QListView()
        self.list.setObjectName("phraseList")
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.activated.connect(self._picked)

        buttons = QHBoxLayout()
        buttons.addWidget(self.show_button)
        buttons.addWidget(self.display_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.clock)
        layout.addWidget(self.say)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        layout.addWidget(self.problems)
        layout.addWidget(self.list, 1)

        self._report_problems(loaded.problems, loaded.source)
        for key, slot in ((SHOW_KEY, self.show_to_customer), (DISPLAY_KEY, self.toggle_display)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)

        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self.update_clock)
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.timeout.connect(self._busy_too_long)

        ctx.events.subscribe(CustomerSelected, self._customer_selected)
        ctx.events.subscribe(ReadBackShown, self._read_back)
        ctx.events.subscribe(ReadBackCancelled, self._read_back_cancelled)
        ctx.events.subscribe(Committed, self._committed)
        ctx.events.subscribe(Refused, self._refused)
        ctx.events.subscribe(WorkDone, self._work_done)
        ctx.events.subscribe(Farewell, self._farewell)
        ctx.worker.busy_changed.connect(self._busy_changed)
        self.tracker.started.connect(self._visit_started)
        self.tracker.ended.connect(self._visit_ended)
        self.tracker.failed.connect(self._show_failure)
        self._show_idle_clock()
        self._set_selection(select(self.book, "customer_selected", {}))
        if self.tracker.active:
            self._visit_started()
        if self.ctx.settings.get(DISPLAY_AUTO_OPEN) and CustomerDisplay.second_screen() is not None:
            QTimer.singleShot(0, self.open_display)

    # -- problems ------------------------------------------------------------------------
    def _report_problems(self, problems: tuple[Any, ...], source: str) -> None:
        lines = [user_text(p) for p in problems]
        lines += [user_text(p) for p in self.tracker.setting_problems]
        if problems:
            lines.insert(
                0, self.tr("The phrases file has mistakes; the built-in phrases are in use:")
            )
        self.problems.setText("\n".join(lines))
        self.problems.setVisible(bool(lines))

    def _show_failure(self, message: str) -> None:
        self.problems.setText(message)
        self.problems.show()

    # -- what to say -----------------------------------------------------------------------
    def _set_selection(self, selection: Selection | None) -> None:
        if selection is None:
            return
        self.current = selection
        self.say.setText(selection.text)
        # the English gloss helps a reader of the English interface only
        glosses = " / ".join(p.gloss for p in selection.phrases) if english_ui() else ""
        self.say.setToolTip(glosses)
        # the read-back rows keep showing this customer's amounts
        self.model.set_highlight(selection.ids, self._params)
        row = self.model.row_of(selection.ids[0])
        if row >= 0:
            self.list.scrollTo(self.model.index(row))

    def say_for(self, moment: str, params: dict[str, Any] | None = None) -> None:
        """Highlight the phrase for a moment of the phrase book (the counter's events
        and the panel's own timers call this)."""
        params = dict(params or {})
        current = self.current
        if moment in PASSING and (current is None or current.moment not in PASSING):
            self._before = current
        elif moment not in PASSING:
            self._before = None
        if moment == "readback":
            self._params = params
        self._set_selection(select(self.book, moment, params))
        self._show_note(params.get("message") if moment == "refusal" else None)

    def _show_note(self, message: object) -> None:
        self.note.setText(str(message) if message else "")
        self.note.setVisible(bool(message))

    def _leave_passing(self, *, drop_amounts: bool) -> None:
        """The read-back was backed out of, or the work after a refusal is done: its
        amounts, apology and message go, and the panel shows what it showed before."""
        if drop_amounts:
            self._params = {}
        self._show_note(None)
        before, self._before = self._before, None
        if self.current is not None and self.current.moment in PASSING:
            back = before or select(self.book, "customer_selected", {})
            if back is not None:
                self._set_selection(back)
        elif drop_amounts and self.current is not None:
            self._set_selection(self.current)  # the read-back rows lose their amounts

    # -- the counter's events ---------------------------------------------------------------
    def _customer_selected(self, _event: CustomerSelected) -> None:
        if self.tracker.reselected:
            return  # the same customer refreshed: no second greeting
        self._params = {}
        self.say_for("customer_selected")

    def _read_back(self, event: ReadBackShown) -> None:
        self.say_for(
            "readback",
            {
                "due_fen": event.due_fen,
                "received_fen": event.received_fen,
                "change_fen": event.change_fen,
                "method": event.method,
            },
        )

    def _read_back_cancelled(self, _event: ReadBackCancelled) -> None:
        self._leave_passing(drop_amounts=True)

    def _committed(self, event: Committed) -> None:
        receipt = event.receipt if isinstance(event, PaymentCommitted | VoidCommitted) else ""
        self.say_for("committed", {"receipt": receipt} if receipt else {})

    def _refused(self, event: Refused) -> None:
        self.say_for("refusal", {"message": event.message})

    def _work_done(self, _event: WorkDone) -> None:
        self._leave_passing(drop_amounts=False)

    def _farewell(self, _event: Farewell) -> None:
        self.say_for("farewell")

    def _picked(self, index: QModelIndex) -> None:
        phrase = self.model.phrase_at(index.row())
        if phrase is not None:
            self._set_selection(for_phrase(phrase, self._params))

    # -- waiting -------------------------------------------------------------------------
    def _busy_changed(self, busy: bool) -> None:
        if busy:
            self._busy_timer.start(self.rules.wait_prompt_seconds * 1000)
            return
        self._busy_timer.stop()
        if self._waited:
            self._waited = False
            self.say_for("served_after_wait")

    def _busy_too_long(self) -> None:
        if self.ctx.worker.pending:
            self._waited = True
            self.say_for("waiting")

    # -- service time --------------------------------------------------------------------
    def _visit_started(self) -> None:
        self._overtime_said = False
        self._tick.start()
        self.update_clock()

    def _visit_ended(self, seconds: int) -> None:
        self._tick.stop()
        self.clock.setText(self.tr("Last service: {time}").format(time=format_duration(seconds)))
        self.clock.setStyleSheet("color: #555;")

    def _show_idle_clock(self) -> None:
        self.clock.setText(self.tr("No customer being served"))
        self.clock.setStyleSheet("color: #555;")

    def update_clock(self) -> None:
        elapsed = self.tracker.elapsed_seconds()
        if elapsed is None:
            return
        over = self.rules.is_over(elapsed)
        self.clock.setText(
            self.tr("Service time {time} (limit {limit})").format(
                time=format_duration(elapsed), limit=format_duration(self.rules.limit_seconds)
            )
        )
        self.clock.setStyleSheet(
            "color: #b00020; font-weight: bold;" if over else "color: #1b5e20;"
        )
        if over and not self._overtime_said:
            self._overtime_said = True
            self.say_for("overtime")

    # -- the customer display ------------------------------------------------------------
    def open_display(self) -> CustomerDisplay:
        display = ensure_customer_display(self.ctx)
        if not display.property("closesWithPanel"):
            display.setProperty("closesWithPanel", True)
            self.destroyed.connect(display.deleteLater)
        display.show_on_customer_screen(self.window().screen())
        return display

    def toggle_display(self) -> None:
        display = existing_customer_display(self.ctx)
        if display is not None and display.isVisible():
            display.close()
        else:
            self.open_display()

    def show_to_customer(self) -> None:
        """Show the highlighted phrase big on the customer display (opening it if needed)."""
        if self.current is None:
            return
        display = existing_customer_display(self.ctx)
        if display is None or not display.isVisible():
            display = self.open_display()
        display.show_phrase(self.current.text)

    def hideEvent(self, event: QHideEvent) -> None:
        # the main window closing (log out, quit) closes the customer display with it
        if not self.window().isVisible():
            display = existing_customer_display(self.ctx)
            if display is not None:
                display.close()
        super().hideEvent(event)
