"""The customer display: a second window, on the second screen when there is one,
facing the customer.

It welcomes the customer with the office name, shows the read-back amounts (due,
received, change, in figures and capitals) until they are recorded or the read-back
is backed out of (Esc), the receipt or form number once recorded, a phrase the
teller chose to show big (F8 on the phrase panel), and always the three rating
buttons. A rating counts only after a service (the VisitTracker says when);
an unhappy rating asks one optional reason, inline, without blocking anything.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication, QScreen
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gasdesk.domain import money
from gasdesk.domain.events import (
    Committed,
    Farewell,
    FormCommitted,
    PaymentCommitted,
    ReadBackCancelled,
    ReadBackShown,
    VoidCommitted,
)
from gasdesk.domain.money import format_yuan
from gasdesk.domain.phrases import select
from gasdesk.domain.records import AccountSummary
from gasdesk.domain.service_quality import RATING_REASONS, SCORES
from gasdesk.ui.context import AppContext
from gasdesk.ui.phrase_model import counter_phrases
from gasdesk.ui.service_visits import VisitTracker

EXTRAS_KEY = "customer_display"
WELCOME, AMOUNTS, PHRASE = range(3)
SCORE_COLOURS = {"very_satisfied": "#2e7d32", "satisfied": "#1565c0", "unsatisfied": "#c62828"}


def capital_text(fen: int) -> str:
    """The amount in capitals (人民币…元…角…分/整) by the one function that writes
    them; '' for an amount that has none (negative, absurdly large)."""
    try:
        return money.capital_amount(fen)
    except (TypeError, ValueError):
        return ""


def existing_customer_display(ctx: AppContext) -> CustomerDisplay | None:
    display = ctx.extras.get(EXTRAS_KEY)
    if isinstance(display, CustomerDisplay) and shiboken6.isValid(display):
        return display
    return None


def ensure_customer_display(ctx: AppContext) -> CustomerDisplay:
    """The counter's one customer display, made on first use (not shown)."""
    display = existing_customer_display(ctx)
    if display is None:
        display = CustomerDisplay(ctx)
        ctx.extras[EXTRAS_KEY] = display
    return display


class CustomerDisplay(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        # A window of its own that never takes the teller's keyboard focus. Without a
        # parent it is outside the main window's hierarchy, so the teller's window-modal
        # dialogs (read-back, receipt preview) do not block the customer's rating
        # buttons; it does not keep the application running once the main window closes.
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        self.ctx = ctx
        self.setObjectName("customerDisplay")
        self.setWindowTitle(self.tr("GasDesk — customer display"))
        self.book = counter_phrases(ctx).book
        self.tracker = VisitTracker.of(ctx)
        office = ctx.session.office
        self.setStyleSheet(
            "QWidget#customerDisplay { background: #f7f9fc; }"
            " QFrame#displayHeader { background: #0d47a1; }"
            " QFrame#displayHeader QLabel { color: white; }"
            " QLabel#officeName { font-size: 34px; font-weight: bold; }"
            " QLabel#welcomeLine { font-size: 20px; }"
            " QLabel#bigLine, QLabel#phraseLine { font-size: 44px; font-weight: bold;"
            " color: #0d47a1; }"
            " QLabel.caption { font-size: 26px; color: #333; }"
            " QLabel.figure { font-size: 40px; font-weight: bold; color: #000; }"
            " QLabel.capital { font-size: 22px; color: #444; }"
            " QLabel#ratingPrompt { font-size: 24px; }"
            " QLabel#ratingFeedback { font-size: 20px; color: #2e7d32; }"
            " QLabel#hallInfo { font-size: 16px; color: #555; }"
        )

        header = QFrame()
        header.setObjectName("displayHeader")
        head = QVBoxLayout(header)
        head.setContentsMargins(24, 14, 24, 14)
        self.office_label = QLabel(office.name)
        self.office_label.setObjectName("officeName")
        self.welcome_label = QLabel(self.tr("Welcome"))
        self.welcome_label.setObjectName("welcomeLine")
        head.addWidget(self.office_label)
        head.addWidget(self.welcome_label)

        self.stack = QStackedWidget()
        self.big_line = QLabel()
        self.big_line.setObjectName("bigLine")
        self.big_line.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.big_line.setWordWrap(True)
        self.stack.addWidget(self.big_line)
        self.stack.addWidget(self._amounts_page())
        self.phrase_line = QLabel()
        self.phrase_line.setObjectName("phraseLine")
        self.phrase_line.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.phrase_line.setWordWrap(True)
        self.stack.addWidget(self.phrase_line)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 12)
        layout.addWidget(header)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self._rating_bar())
        hall = QLabel(
            self.tr("Opening hours {hours} · Telephone {phone}").format(
                hours=office.hours.replace(",", "  "), phone=office.phone
            )
        )
        hall.setObjectName("hallInfo")
        hall.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(hall)

        self._farewell_shown = False
        self._readback_open = False  # the amounts on screen await their recording
        self._say_big(self._phrase("customer_selected"))
        ctx.events.customer_changed.connect(self._customer_changed)
        ctx.events.subscribe(ReadBackShown, self._read_back)
        ctx.events.subscribe(ReadBackCancelled, self._read_back_cancelled)
        ctx.events.subscribe(Committed, self._committed)
        ctx.events.subscribe(Farewell, self._farewell)
        self.tracker.rating_open_changed.connect(self._rating_open_changed)
        self.tracker.started.connect(self._hide_reasons)
        self._rating_open_changed(self.tracker.rating_open)

    # -- layout --------------------------------------------------------------------------
    def _amounts_page(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        grid.setContentsMargins(60, 24, 60, 24)
        grid.setHorizontalSpacing(28)
        grid.setVerticalSpacing(10)
        self.figures: dict[str, QLabel] = {}
        self.capitals: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        rows = (
            ("due", self.tr("Amount due")),
            ("received", self.tr("Received")),
            ("change", self.tr("Change")),
        )
        for row, (key, caption) in enumerate(rows):
            label = QLabel(caption)
            label.setProperty("class", "caption")
            figure = QLabel()
            figure.setProperty("class", "figure")
            figure.setObjectName(f"{key}Figure")
            figure.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            capital = QLabel()
            capital.setProperty("class", "capital")
            capital.setObjectName(f"{key}Capital")
            grid.addWidget(label, row, 0)
            grid.addWidget(figure, row, 1)
            grid.addWidget(capital, row, 2)
            self.captions[key], self.figures[key], self.capitals[key] = label, figure, capital
        self.receipt_caption = QLabel()
        self.receipt_caption.setProperty("class", "caption")
        self.receipt_label = QLabel()
        self.receipt_label.setObjectName("receiptNumber")
        self.receipt_label.setProperty("class", "figure")
        grid.addWidget(self.receipt_caption, 3, 0)
        grid.addWidget(self.receipt_label, 3, 1, 1, 2)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(4, 1)
        self._show_receipt("")
        return page

    def _rating_bar(self) -> QWidget:
        bar = QWidget()
        bar.setObjectName("ratingBar")
        layout = QVBoxLayout(bar)
        layout.setContentsMargins(24, 8, 24, 4)
        top = QHBoxLayout()
        self.rating_prompt = QLabel()
        self.rating_prompt.setObjectName("ratingPrompt")
        top.addWidget(self.rating_prompt, 1)
        labels = {
            "very_satisfied": self.tr("Very satisfied"),
            "satisfied": self.tr("Satisfied"),
            "unsatisfied": self.tr("Unsatisfied"),
        }
        self.rating_buttons: dict[str, QPushButton] = {}
        for score in SCORES:
            button = QPushButton(labels[score])
            button.setObjectName(f"rate_{score}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumSize(150, 60)
            button.clicked.connect(lambda _=False, s=score: self.rate(s))
            self.rating_buttons[score] = button
            top.addWidget(button)
        layout.addLayout(top)

        self.reason_row = QWidget()
        reasons = QHBoxLayout(self.reason_row)
        reasons.setContentsMargins(0, 0, 0, 0)
        self.reason_question = QLabel(self.tr("May we ask why? (optional)"))
        self.reason_question.setObjectName("ratingPrompt")
        reasons.addWidget(self.reason_question, 1)
        reason_labels = {
            "long_wait": self.tr("Long wait"),
            "attitude": self.tr("Attitude"),
            "skill": self.tr("Handling of my business"),
            "other": self.tr("Other"),
        }
        self.reason_buttons: dict[str, QPushButton] = {}
        for reason in (*RATING_REASONS, ""):
            button = QPushButton(reason_labels.get(reason, self.tr("Skip")))
            button.setObjectName(f"reason_{reason or 'skip'}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumHeight(44)
            button.setStyleSheet("font-size: 18px; padding: 4px 12px;")
            button.clicked.connect(lambda _=False, r=reason: self.give_reason(r))
            self.reason_buttons[reason or "skip"] = button
            reasons.addWidget(button)
        layout.addWidget(self.reason_row)
        self.reason_row.hide()
        self._reason_timer = QTimer(self)  # an unanswered question does not stay forever
        self._reason_timer.setSingleShot(True)
        self._reason_timer.timeout.connect(self._hide_reasons)

        self.rating_feedback = QLabel()
        self.rating_feedback.setObjectName("ratingFeedback")
        layout.addWidget(self.rating_feedback)
        return bar

    def _style_rating_buttons(self, active: bool) -> None:
        for score, button in self.rating_buttons.items():
            colour = SCORE_COLOURS[score] if active else "#9e9e9e"
            button.setStyleSheet(
                f"QPushButton {{ font-size: 24px; font-weight: bold; color: white;"
                f" background: {colour}; border-radius: 8px; padding: 8px 18px; }}"
            )

    # -- opening -------------------------------------------------------------------------
    @staticmethod
    def second_screen(avoid: QScreen | None = None) -> QScreen | None:
        """A screen other than the teller's, if the counter has more than one."""
        screens = QGuiApplication.screens()
        if len(screens) < 2:
            return None
        teller = avoid or QGuiApplication.primaryScreen()
        return next((s for s in screens if s is not teller), None)

    def show_on_customer_screen(self, teller_screen: QScreen | None = None) -> None:
        """Full screen on the second screen when there is one; else a normal window."""
        target = self.second_screen(teller_screen)
        if target is not None:
            self.setScreen(target)
            self.setGeometry(target.geometry())
            self.showFullScreen()
        else:
            if not self.isVisible():
                self.resize(1024, 680)
            self.show()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._hide_reasons()
        super().closeEvent(event)

    # -- what the customer sees ------------------------------------------------------------
    def _phrase(self, moment: str) -> str:
        selection = select(self.book, moment, {})
        return selection.text if selection else ""

    def _say_big(self, text: str) -> None:
        self.big_line.setText(text)
        self.stack.setCurrentIndex(WELCOME)

    def show_phrase(self, text: str) -> None:
        """Show what the teller says, big (F8 on the phrase panel)."""
        self.phrase_line.setText(text)
        self.stack.setCurrentIndex(PHRASE)

    def show_amounts(self, due_fen: int, received_fen: int, change_fen: int) -> None:
        """The read-back amounts, in figures and in capitals; the capitals are written here
        from the fen by `money.capital_amount`, like the receipt's and the read-back's."""
        for key, fen in (("due", due_fen), ("received", received_fen), ("change", change_fen)):
            self.figures[key].setText("¥" + format_yuan(fen))
            capital = capital_text(fen)
            self.capitals[key].setText(capital)
            self.capitals[key].setVisible(bool(capital))
            for widget in (self.captions[key], self.figures[key]):
                widget.show()
        self._show_receipt("")
        self.stack.setCurrentIndex(AMOUNTS)

    def _show_receipt(self, receipt: str, *, form: bool = False) -> None:
        self.receipt_caption.setText(self.tr("Form number") if form else self.tr("Receipt number"))
        self.receipt_label.setText(receipt)
        self.receipt_caption.setVisible(bool(receipt))
        self.receipt_label.setVisible(bool(receipt))

    def _clear_amounts(self) -> None:
        for key in self.figures:
            for widget in (self.captions[key], self.figures[key], self.capitals[key]):
                widget.hide()
            self.figures[key].clear()
            self.capitals[key].clear()

    def _customer_changed(self, customer: AccountSummary | None) -> None:
        if customer is None:
            if not self._farewell_shown:
                self._say_big(self._phrase("customer_selected"))
            return
        if self.tracker.reselected:
            return
        self._farewell_shown = False
        self._readback_open = False
        self._clear_amounts()
        self._show_receipt("")
        self._say_big(self._phrase("customer_selected"))

    def _read_back(self, event: ReadBackShown) -> None:
        self.show_amounts(event.due_fen, event.received_fen, event.change_fen)
        self._readback_open = True

    def _read_back_cancelled(self, _event: ReadBackCancelled) -> None:
        self._readback_open = False
        self._clear_amounts()
        self._show_receipt("")
        self._say_big(self._phrase("customer_selected"))

    def _farewell(self, _event: Farewell) -> None:
        self._farewell_shown = True
        self._say_big(self._phrase("farewell"))

    def _committed(self, event: Committed) -> None:
        """The receipt number under the amounts it recorded; a form's or a void's
        number alone; thanks where there is no number (a reported reading)."""
        if not self._readback_open:
            self._clear_amounts()  # amounts on screen belong to an earlier business
        self._readback_open = False
        if isinstance(event, PaymentCommitted | VoidCommitted):
            self._show_receipt(event.receipt)
        elif isinstance(event, FormCommitted):
            self._show_receipt(event.form_number, form=True)
        else:
            self._say_big(self._phrase("committed"))
            return
        self.stack.setCurrentIndex(AMOUNTS)

    # -- rating ----------------------------------------------------------------------------
    def _rating_open_changed(self, is_open: bool) -> None:
        self._style_rating_buttons(is_open)
        if is_open:
            self.rating_prompt.setText(self.tr("Please rate our service"))
            self.rating_feedback.clear()
        elif not self.reason_row.isVisible() and not self.rating_feedback.text():
            self.rating_prompt.setText(self.tr("Your opinion matters to us"))

    def rate(self, score: str) -> bool:
        """A rating button was pressed; True when it was recorded for a service."""
        if not self.tracker.rate(score):
            self.rating_feedback.setText(self.tr("Please rate after your business is done."))
            return False
        self.rating_prompt.setText(self.tr("Your opinion matters to us"))
        if score == "unsatisfied":
            self.rating_feedback.setText(self.tr("We are sorry. Thank you for telling us."))
            self.reason_row.show()
            self._reason_timer.start(self.tracker.rules.rating_linger_seconds * 1000)
        else:
            self.rating_feedback.setText(self.tr("Thank you for your rating!"))
        return True

    def give_reason(self, reason: str) -> None:
        if not self.reason_row.isVisible():
            return
        self._reason_timer.stop()
        self.reason_row.hide()
        if reason:
            self.tracker.give_reason(reason)
        self.rating_feedback.setText(self.tr("Thank you, we will do better."))

    def _hide_reasons(self) -> None:
        self._reason_timer.stop()
        self.reason_row.hide()
        self.rating_feedback.clear()
        if not self.tracker.rating_open:
            self.rating_prompt.setText(self.tr("Your opinion matters to us"))
