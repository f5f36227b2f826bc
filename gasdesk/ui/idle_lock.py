"""The idle lock: after a quiet spell (`settings.IDLE_SECONDS`, default 180 s; 0 turns
it off) an opaque panel covers the main window and asks for the teller's
password again. Nothing underneath changes: the customer being served, half-typed
fields and open tabs are all there after unlocking.

While locked, an application-wide event filter lets keyboard and mouse input reach
only the lock panel, and swallows shortcuts, so no action runs behind it. A wrong
password counts toward the badge's lockout, as at login.

    lock = IdleLock(main_window, ctx)      # installs itself
    lock.locked.connect(...); lock.unlocked.connect(...)
    lock.lock()                            # lock now (e.g. from a menu action)
"""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gasdesk.domain.records import StaffInfo
from gasdesk.services import auth
from gasdesk.settings import IDLE_SECONDS
from gasdesk.ui.context import AppContext
from gasdesk.ui.credentials import error_label, password_field
from gasdesk.ui.messages import user_text

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}
_INPUT = _ACTIVITY | {
    QEvent.Type.KeyRelease,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TouchEnd,
    QEvent.Type.Shortcut,
    QEvent.Type.ShortcutOverride,
    QEvent.Type.ContextMenu,
    QEvent.Type.InputMethod,
}


class LockPanel(QFrame):
    """What the locked window shows: who is logged in, and a password field."""

    def __init__(self, staff: StaffInfo, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("idleLockPanel")
        self.setAutoFillBackground(True)
        self.setStyleSheet(
            "#idleLockPanel { background: #2f3b45; }"
            "#idleLockCard { background: #ffffff; border-radius: 8px; }"
        )
        card = QFrame(self)
        card.setObjectName("idleLockCard")
        card.setMinimumWidth(420)
        title = QLabel(self.tr("Screen locked"))
        title.setStyleSheet("font-size: 22px; font-weight: bold;")
        self.who = QLabel(
            self.tr("{name} ({badge}) is logged in at this counter.").format(
                name=staff.name, badge=staff.badge
            )
        )
        self.since = QLabel("")
        self.hint = QLabel(self.tr("Enter your password to continue."))
        self.password = password_field("idleLockPassword", 128)
        self.error = error_label("idleLockError")
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setObjectName("idleLockUnlock")
        self.unlock_button.setDefault(True)
        self.logout_button = QPushButton(self.tr("Log out"))
        self.logout_button.setObjectName("idleLockLogout")

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        buttons.addWidget(self.logout_button)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.setSpacing(10)
        for w in (title, self.who, self.since, self.hint, self.password, self.error):
            inner.addWidget(w)
        inner.addLayout(buttons)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)


class IdleLock(QObject):
    locked = Signal()
    unlocked = Signal()
    logout_requested = Signal()

    def __init__(
        self, main_window: QWidget, ctx: AppContext, idle_seconds: float | None = None
    ) -> None:
        super().__init__(main_window)
        self.window = main_window
        self.ctx = ctx
        self._locked = False
        self._busy = False
        self._focus_before: QWidget | None = None
        self._enabled = False
        self._watching = True
        self.panel = LockPanel(ctx.session.staff, main_window)
        self.panel.hide()
        self.panel.password.returnPressed.connect(self.submit)
        self.panel.unlock_button.clicked.connect(self.submit)
        self.panel.logout_button.clicked.connect(self.logout_requested)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.lock)
        if idle_seconds is None:
            idle_seconds = ctx.settings.get(IDLE_SECONDS)
        self.set_idle_seconds(idle_seconds)
        main_window.installEventFilter(self)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    def dispose(self) -> None:
        """Stop watching: the window closed (logged out), or the lock is replaced.
        Done at the window's Close, before any destruction: a Python event filter must
        not run while its window is being torn down."""
        if not self._watching:
            return
        self._watching = False
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.window.removeEventFilter(self)

    # --- state ------------------------------------------------------------------

    @property
    def is_locked(self) -> bool:
        return self._locked

    def set_idle_seconds(self, seconds: float) -> None:
        """0 (or less) turns the idle lock off; lock() still works."""
        self._timer.stop()
        self._enabled = seconds > 0
        if self._enabled:
            self._timer.setInterval(max(1, int(seconds * 1000)))
            if not self._locked:
                self._timer.start()

    def remaining_ms(self) -> int:
        return self._timer.remainingTime() if self._timer.isActive() else -1

    def lock(self) -> None:
        if self._locked or not self._watching:
            return
        self._locked = True
        self._timer.stop()
        focus = QApplication.focusWidget()
        self._focus_before = (
            focus if focus is not None and self.window.isAncestorOf(focus) else None
        )
        p = self.panel
        p.since.setText(
            self.tr("Locked at {time}.").format(time=QDateTime.currentDateTime().toString("HH:mm"))
        )
        p.error.setText("")
        p.password.clear()
        p.password.setEnabled(True)
        p.unlock_button.setEnabled(True)
        p.setGeometry(self.window.rect())
        p.show()
        p.raise_()
        p.password.setFocus(Qt.FocusReason.OtherFocusReason)
        self.locked.emit()

    def submit(self) -> None:
        if not self._locked or self._busy:
            return
        p = self.panel
        self._busy = True
        p.unlock_button.setEnabled(False)
        p.error.setText("")
        s = self.ctx.session
        self.ctx.worker.submit(
            auth.unlock_screen,
            s.staff.badge,
            p.password.text(),
            s.office.id,
            on_done=self._unlock_done,
            on_error=self._unlock_failed,
            channel="idle_lock",
        )

    def _unlock_done(self, _staff: StaffInfo) -> None:
        self._busy = False
        self._locked = False
        self.panel.password.clear()
        self.panel.hide()
        if self._focus_before is not None:
            self._focus_before.setFocus(Qt.FocusReason.OtherFocusReason)
        self._focus_before = None
        if self._enabled:
            self._timer.start()
        self.unlocked.emit()

    def _unlock_failed(self, exc: BaseException) -> None:
        self._busy = False
        p = self.panel
        p.error.setText(user_text(exc))
        p.password.clear()
        if isinstance(exc, auth.BadgeLockedError):
            p.password.setEnabled(False)
            p.hint.setText(self.tr("Log out; a supervisor can unlock the badge."))
            p.logout_button.setFocus()
        else:
            p.unlock_button.setEnabled(True)
            p.password.setFocus()

    # --- watching input -----------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._watching:
            return False
        t = event.type()
        if watched is self.window:
            if t == QEvent.Type.Close:
                self.dispose()
                return False
            if t == QEvent.Type.Resize and self._locked:
                self.panel.setGeometry(self.window.rect())
        if not self._locked:
            if t in _ACTIVITY and self._enabled:
                self._timer.start()
            return False
        if t in _INPUT:
            if t == QEvent.Type.Shortcut:
                return True  # no menu action or shortcut runs behind the lock
            inside = isinstance(watched, QWidget) and (
                watched is self.panel or self.panel.isAncestorOf(watched)
            )
            return not inside
        return False
