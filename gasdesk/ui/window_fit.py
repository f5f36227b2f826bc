"""Windows that fit the counter's screen (the halls' are 1366×768, less a taskbar)
and the main window's geometry kept between starts.

The main window's normal geometry and whether it was maximized are kept in the
counter's settings (`ui/main_window_geometry`: "x,y,width,height[,max]"), its dock
layout in `ui/main_window_state`. A kept geometry that no longer fits the screen
(another screen, another resolution) is moved and shrunk into it; without one the
window opens maximized over the screen's available area.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QWidget

GEOMETRY_KEY = "ui/main_window_geometry"
STATE_KEY = "ui/main_window_state"
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
    window: QMainWindow, settings: QSettings, available: QRect | None = None
) -> None:
    """Give `window` its kept geometry and dock layout, fitted to the screen; without
    them, the whole available area, maximized."""
    available = available if available is not None else available_area(window)
    kept = _parse(settings.value(GEOMETRY_KEY, ""))
    if kept is None:
        window.setGeometry(client_area(available))
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
    else:
        rect, maximized = kept
        window.setGeometry(fit_rect(rect, available))
        if maximized:
            window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
    state = settings.value(STATE_KEY, None)
    if isinstance(state, QByteArray | bytes) and state:
        window.restoreState(QByteArray(state))


def keep_main_window(window: QMainWindow, settings: QSettings) -> None:
    """Keep the window's normal geometry, whether it is maximized, and its docks."""
    maximized = bool(window.windowState() & Qt.WindowState.WindowMaximized)
    r = window.normalGeometry() if maximized else window.geometry()
    if not r.isValid():
        r = window.geometry()
    text = f"{r.x()},{r.y()},{r.width()},{r.height()}" + (",max" if maximized else "")
    settings.setValue(GEOMETRY_KEY, text)
    settings.setValue(STATE_KEY, window.saveState())


def _parse(value: object) -> tuple[QRect, bool] | None:
    parts = str(value or "").split(",")
    try:
        x, y, w, h = (int(p) for p in parts[:4])
    except ValueError:
        return None
    if len(parts) not in (4, 5) or w <= 0 or h <= 0:
        return None
    return QRect(x, y, w, h), parts[4:] == ["max"]
