"""Windows that fit the counter's screen (the halls' are 1366×768, less a taskbar)
and the main window's geometry kept between starts.

The main window's normal geometry and whether it was maximized are kept in the
counter's settings (`settings.WINDOW_GEOMETRY`), its dock layout in
`settings.WINDOW_STATE`. A kept geometry that no longer fits the screen
(another screen, another resolution) is moved and shrunk into it; without one the
window opens maximized over the screen's available area.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QWidget

from gasdesk.settings import WINDOW_GEOMETRY, WINDOW_STATE, Settings
from gasdesk.settings_kinds import Geometry

TITLE_BAR = 32  # what the window manager adds above a window (not part of its geometry)
BORDER = 4  # and around it


def available_area(widget: QWidget | None = None) -> QRect:
    """The part of the widget's screen (or the primary one) that windows may use:
    the screen without its taskbar."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


def client_area(available: QRect) -> QRect:
    """Where a window's contents can be when its frame must stay inside `available`."""
    return available.adjusted(BORDER, TITLE_BAR, -BORDER, -BORDER)


def fit_rect(rect: QRect, available: QRect) -> QRect:
    """`rect` moved and, if it must, shrunk to lie inside the client area."""
    area = client_area(available)
    size = rect.size().boundedTo(area.size())
    x = min(max(rect.x(), area.left()), area.right() + 1 - size.width())
    y = min(max(rect.y(), area.top()), area.bottom() + 1 - size.height())
    return QRect(x, y, size.width(), size.height())


def fit_dialog(dialog: QWidget, preferred: QSize, available: QRect | None = None) -> None:
    """Resize `dialog` to `preferred`, or less where the screen is smaller."""
    area = client_area(available if available is not None else available_area(dialog))
    dialog.resize(preferred.boundedTo(area.size()))


def restore_main_window(
    window: QMainWindow, settings: Settings, available: QRect | None = None
) -> None:
    """Give `window` its kept geometry and dock layout, fitted to the screen; without
    them, the whole available area, maximized."""
    available = available if available is not None else available_area(window)
    kept = settings.get(WINDOW_GEOMETRY)
    if kept is None:
        window.setGeometry(client_area(available))
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
    else:
        rect = QRect(kept.x, kept.y, kept.width, kept.height)
        window.setGeometry(fit_rect(rect, available))
        if kept.maximized:
            window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
    state = settings.get(WINDOW_STATE)
    if state:
        window.restoreState(QByteArray(state))


def keep_main_window(window: QMainWindow, settings: Settings) -> None:
    """Keep the window's normal geometry, whether it is maximized, and its docks."""
    maximized = bool(window.windowState() & Qt.WindowState.WindowMaximized)
    r = window.normalGeometry() if maximized else window.geometry()
    if not r.isValid():
        r = window.geometry()
    settings.set(WINDOW_GEOMETRY, Geometry(r.x(), r.y(), r.width(), r.height(), maximized))
    settings.set(WINDOW_STATE, bytes(window.saveState().data()))
