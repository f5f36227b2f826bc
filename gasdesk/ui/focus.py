"""Where the keyboard goes when the teller moves into a part of the window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabBar, QWidget


def first_field(container: QWidget) -> QWidget | None:
    """The first widget in `container` that the Tab key would stop at (tab bars aside)."""
    w = container.nextInFocusChain()
    while w is not container and w is not None:
        if (
            container.isAncestorOf(w)
            and w.isVisible()
            and w.isEnabled()
            and w.focusPolicy() & Qt.FocusPolicy.TabFocus
            and not isinstance(w, QTabBar)
        ):
            return w
        w = w.nextInFocusChain()
    return None


def focus_first_field(container: QWidget) -> bool:
    """Put the keyboard on the first field of `container`; False if it has none."""
    first = first_field(container)
    if first is None:
        return False
    first.setFocus(Qt.FocusReason.TabFocusReason)
    return True
