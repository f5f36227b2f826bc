"""Whether the teller at this counter has a drawer to take money into: the open shift
of the day at this counter (services.shifts.drawer_shift). Without one the fee tab
shows why in this banner and, when the teller has no open shift at all, offers to
open one (Alt+O, or Enter on the button) without leaving the customer.

The service refuses a payment without a shift whatever the screen shows; the banner
tells the teller before the customer has handed over anything."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from gasdesk.domain.dayend import ShiftInfo
from gasdesk.domain.events import DayClosed, DrawerChanged
from gasdesk.services import shifts
from gasdesk.ui.context import AppContext
from gasdesk.ui.formdesk.common import clock
from gasdesk.ui.messages import user_text
from gasdesk.ui.open_shift_dialog import OpenShiftDialog

OPEN_SHIFT_KEY = "Alt+O"


class DrawerBanner(QFrame):
    opened = Signal(object)  # ShiftInfo: a shift was opened from here

    def __init__(self, ctx: AppContext, host: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.shift: ShiftInfo | None = None
        self.problem: BaseException | None = None  # why there is no drawer, once known
        self.dialog: OpenShiftDialog | None = None
        self.setObjectName("drawerBanner")
        self.setStyleSheet(
            "QFrame#drawerBanner { background: #fff4e5; border: 1px solid #e0a040; "
            "border-radius: 4px; }"
        )
        self.text = QLabel("")
        self.text.setObjectName("drawerMessage")
        self.text.setWordWrap(True)
        self.text.setStyleSheet("font-size: 15px; color: #8a4b00;")
        self.open_button = QPushButton(self.tr("Open shift… (Alt+O)"))
        self.open_button.setObjectName("drawerOpenShift")
        self.open_button.setAutoDefault(True)  # Enter on the focused button opens it
        self.open_button.clicked.connect(self.open_dialog)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.open_button)
        shortcut = QShortcut(QKeySequence(OPEN_SHIFT_KEY), host)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.open_dialog)
        self.hide()
        ctx.events.subscribe(DrawerChanged, self._drawer_changed)
        ctx.events.subscribe(DayClosed, self._drawer_changed)

    # -- state -------------------------------------------------------------------------
    def refresh(self) -> None:
        s = self.ctx.session
        self.ctx.worker.submit(
            shifts.current_drawer,
            s.staff.id,
            s.counter.id,
            clock(self.ctx).date(),
            on_done=self._has_drawer,
            on_error=self._no_drawer,
            channel="fees-drawer",
        )

    def _drawer_changed(self, _event: DrawerChanged | DayClosed) -> None:
        self.refresh()

    def _has_drawer(self, info: ShiftInfo) -> None:
        self.shift, self.problem = info, None
        self.hide()

    def _no_drawer(self, exc: BaseException) -> None:
        self.shift, self.problem = None, exc
        self.text.setText(user_text(exc))
        self.open_button.setVisible(self.can_open)
        self.show()

    @property
    def can_open(self) -> bool:
        """The teller has no open shift anywhere: one can be opened here and now."""
        return (
            isinstance(self.problem, shifts.NoShiftError) and self.problem.code == shifts.NO_SHIFT
        )

    def refusal(self) -> BaseException | None:
        """Why no money can be taken now, when that is known."""
        return self.problem if self.shift is None else None

    def offer(self) -> None:
        """Show the refusal and put the keyboard on the way out of it."""
        self.show()
        if self.can_open:
            self.open_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def note_refusal(self, exc: BaseException) -> None:
        """A service refused for want of a shift: the state here was out of date."""
        self._no_drawer(exc)
        self.offer()

    # -- opening a shift ---------------------------------------------------------------
    def open_dialog(self) -> None:
        if self.shift is not None or (self.problem is not None and not self.can_open):
            return
        if self.dialog is not None:
            return
        dialog = OpenShiftDialog(self.ctx, self.window())
        dialog.opened.connect(self._opened)
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
        self.dialog = dialog
        dialog.open()

    def _dialog_closed(self, dialog: OpenShiftDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _opened(self, info: ShiftInfo) -> None:
        self._has_drawer(info)
        self.opened.emit(info)
