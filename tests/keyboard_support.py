"""Every key that a window answers: QAction and QShortcut key sequences, the shortcuts
of buttons (their &-mnemonics or a set key), and the mnemonics of labels with a buddy,
tab bars, group boxes and the menu bar. Two of them clash when Qt could find both
active for one key press: then it runs neither (an ambiguous shortcut) or only moves
the focus between them.

When two can be active at once:
- both must be able to show at the same time: not on two different pages of one
  QStackedWidget (a QTabWidget holds one);
- their contexts must overlap: a window-wide key (mnemonics, WindowShortcut and
  ApplicationShortcut) overlaps everything; a WidgetWithChildrenShortcut overlaps
  another whose widget is inside its own, or contains it; a WidgetShortcut only one on
  the same widget or around it.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMenu,
    QMenuBar,
    QStackedWidget,
    QTabBar,
    QWidget,
)

WINDOW_WIDE = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)


@dataclass(frozen=True)
class Key:
    sequence: str  # portable text, e.g. "Alt+N"
    context: Qt.ShortcutContext
    widget: QWidget  # where the key lives (the widget whose visibility and focus count)
    what: str  # for the failure message

    def __repr__(self) -> str:
        return f"{self.sequence} [{self.what}]"


def _text(seq: QKeySequence) -> str:
    return seq.toString(QKeySequence.SequenceFormat.PortableText)


def _mnemonic(text: str) -> str:
    return _text(QKeySequence.mnemonic(text))


def _describe(widget: QObject, extra: str = "") -> str:
    name = widget.objectName() or type(widget).__name__
    return f"{name}{': ' + extra if extra else ''}"


def _action_keys(action: QAction, owner: QWidget) -> list[Key]:
    keys = []
    for seq in action.shortcuts():
        if not seq.isEmpty():
            keys.append(
                Key(_text(seq), action.shortcutContext(), owner, _describe(owner, action.text()))
            )
    return keys


def collect_keys(window: QWidget) -> list[Key]:
    """Every key `window` and the widgets inside it answer (not other windows')."""
    keys: list[Key] = []
    widgets = [window, *window.findChildren(QWidget)]
    for w in widgets:
        if w is not window and w.window() is not window:
            continue  # a dialog or a menu of its own
        for action in w.actions():
            keys += _action_keys(action, w)
        if isinstance(w, QAbstractButton) and not w.shortcut().isEmpty():
            keys.append(
                Key(
                    _text(w.shortcut()),
                    Qt.ShortcutContext.WindowShortcut,
                    w,
                    _describe(w, w.text()),
                )
            )
        elif isinstance(w, QLabel) and w.buddy() is not None and _mnemonic(w.text()):
            keys.append(
                Key(
                    _mnemonic(w.text()),
                    Qt.ShortcutContext.WindowShortcut,
                    w,
                    _describe(w, w.text()),
                )
            )
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                if _mnemonic(w.tabText(i)):
                    keys.append(
                        Key(
                            _mnemonic(w.tabText(i)),
                            Qt.ShortcutContext.WindowShortcut,
                            w,
                            _describe(w, w.tabText(i)),
                        )
                    )
        elif isinstance(w, QGroupBox) and _mnemonic(w.title()):
            keys.append(
                Key(
                    _mnemonic(w.title()),
                    Qt.ShortcutContext.WindowShortcut,
                    w,
                    _describe(w, w.title()),
                )
            )
        elif isinstance(w, QMenuBar):
            for action in w.actions():
                if _mnemonic(action.text()):
                    keys.append(
                        Key(
                            _mnemonic(action.text()),
                            Qt.ShortcutContext.WindowShortcut,
                            w,
                            _describe(w, action.text()),
                        )
                    )
    for shortcut in window.findChildren(QShortcut):
        parent = shortcut.parent()
        if not isinstance(parent, QWidget) or parent.window() is not window:
            continue
        for seq in QShortcut.keys(shortcut):
            if not seq.isEmpty():
                keys.append(
                    Key(_text(seq), shortcut.context(), parent, _describe(parent, "QShortcut"))
                )
    for menu in window.findChildren(QMenu):
        # the actions of the window's menus answer while the window is active
        for action in menu.actions():
            if not action.menu():
                keys += [
                    Key(k.sequence, k.context, window, k.what) for k in _action_keys(action, menu)
                ]
    return _unique(keys)


def _unique(keys: list[Key]) -> list[Key]:
    """One entry per key object: an action shows up on each widget it is added to."""
    seen: set[tuple[str, int, str]] = set()
    out = []
    for k in keys:
        ident = (k.sequence, id(k.widget), k.what)
        if ident not in seen:
            seen.add(ident)
            out.append(k)
    return out


def _pages(widget: QWidget) -> dict[int, int]:
    """For each QStackedWidget around `widget`: which of its pages holds it."""
    out: dict[int, int] = {}
    child: QWidget = widget
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QStackedWidget):
            out[id(parent)] = parent.indexOf(child)
        child, parent = parent, parent.parentWidget()
    return out


def _can_show_together(a: QWidget, b: QWidget) -> bool:
    pa, pb = _pages(a), _pages(b)
    return all(pa[s] == pb[s] for s in pa.keys() & pb.keys())


def _inside(inner: QWidget, outer: QWidget) -> bool:
    return inner is outer or outer.isAncestorOf(inner)


def _contexts_overlap(a: Key, b: Key) -> bool:
    if a.context in WINDOW_WIDE or b.context in WINDOW_WIDE:
        return True
    return _inside(a.widget, b.widget) or _inside(b.widget, a.widget)


def clashes(window: QWidget) -> list[tuple[Key, Key]]:
    """Pairs of keys of `window` that can be active for the same key press."""
    keys = collect_keys(window)
    found = []
    for a, b in combinations(keys, 2):
        if a.sequence != b.sequence or (a.widget is b.widget and a.what == b.what):
            continue
        if _can_show_together(a.widget, b.widget) and _contexts_overlap(a, b):
            found.append((a, b))
    return found
