"""Finding English on a Chinese screen: walk every visible widget of a window and
collect what a person reads there (labels, buttons, group boxes, tab titles, table
headers and cells, list items, combo box entries, placeholder texts, tooltips,
window titles, menus, message boxes), then flag Latin words that are not one of the
few tokens a Chinese counter legitimately shows (receipt and office codes, key
names, units, 'PDF', 'IC', 'ID').

It knows no particular string: whatever a screen shows is read from the widgets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QLocale, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QFileSystemModel,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QStatusBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

# Latin tokens that belong on a Chinese counter screen.
ALLOWED = frozenset(
    {
        # the product's own name, and the English UI offered by its own name
        "gasdesk",
        "english",
        # keys printed beside buttons and menus
        "enter",
        "esc",
        "ctrl",
        "alt",
        "shift",
        "tab",
        "del",
        "backspace",
        "space",
        "pgup",
        "pgdn",
        # abbreviations a Chinese screen writes in Latin letters
        "pdf",
        "csv",
        "ic",
        "id",
        "ms",
        "wc",
        "qr",
        "pos",
        "kpi",
        # units: Qt writes file sizes with IEC units in every language
        "kib",
        "mib",
        "gib",
    }
)

# a word of letters alone: codes that mix letters and digits (JBD2.5, MS01, F8) are data
_WORD = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]+(?:'[A-Za-z]+)?(?![A-Za-z0-9])")
_TAG = re.compile(r"<[^>]+>")
# paths, file names and patterns are data, not sentences: /tmp/x, C:\x, a.pdf, *.csv
_PATHLIKE = re.compile(r"\S*[/\\]\S*|\S*\*\.\w+\S*|\b[\w-]+\.(?:pdf|csv|png|ini|db|toml|key)\b")
_ENTITY = re.compile(r"&(?:[a-z]+|#\d+);")
MAX_ROWS = 40


@dataclass(frozen=True)
class Finding:
    where: str
    text: str
    words: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.where}: {self.text!r} ({' '.join(self.words)})"


def english_words(text: str) -> tuple[str, ...]:
    """The Latin words in `text` that make it English for a Chinese reader: any word of
    three letters or more outside ALLOWED, and any run of two or more words (two letters
    each) that is not all ALLOWED tokens ('No', 'OK', 'Go to' alone are English too)."""
    if not text:
        return ()
    plain = _ENTITY.sub(" ", _TAG.sub(" ", text)).replace("&&", "＆").replace("&", "")
    plain = _PATHLIKE.sub(" ", plain)
    bad: list[str] = []
    words = list(_WORD.finditer(plain))
    for m in words:
        w = m.group()
        if len(w) >= 3 and w.casefold() not in ALLOWED:
            bad.append(w)
    # runs of short words ("OK", "No", "Go to") separated only by spaces or punctuation
    run: list[str] = []
    last_end = -1
    for m in words:
        w = m.group()
        between = plain[last_end : m.start()] if last_end >= 0 else ""
        joined = last_end >= 0 and re.fullmatch(r"[\s,.;:!?'\"()-]*", between) is not None
        if not joined:
            _flush(run, bad)
            run = []
        if len(w) >= 2:
            run.append(w)
        else:
            _flush(run, bad)
            run = []
        last_end = m.end()
    _flush(run, bad)
    single = [w for w in (m.group() for m in words) if w in {"OK", "No", "Yes", "Ok"}]
    bad.extend(w for w in single if w not in bad)
    return tuple(dict.fromkeys(bad))


def _flush(run: list[str], bad: list[str]) -> None:
    if len(run) >= 2 and not all(w.casefold() in ALLOWED for w in run):
        bad.extend(w for w in run if w.casefold() not in ALLOWED and w not in bad)


def _name(w: QWidget) -> str:
    return f"{type(w).__name__}#{w.objectName()}" if w.objectName() else type(w).__name__


def _model_texts(model: QAbstractItemModel | None, view: QAbstractItemView) -> Iterator[str]:
    if model is None:
        return
    flat = isinstance(model, QAbstractListModel)  # its columnCount() is private
    columns = 1 if flat else model.columnCount(QModelIndex())
    header = getattr(view, "horizontalHeader", None)
    for c in range(columns):
        hidden = header is not None and header().isSectionHidden(c)
        if not hidden:
            yield str(model.headerData(c, Qt.Orientation.Horizontal) or "")

    # names of files and folders are data, not text of the program: of a file system
    # model only the columns that Qt words (size, type, date) are read
    names = {0} if isinstance(model, QFileSystemModel) else set()

    def walk(parent: QModelIndex, depth: int) -> Iterator[str]:
        for r in range(min(model.rowCount(parent), MAX_ROWS)):
            for c in range(max(columns, 1)):
                if c in names:
                    continue
                index = model.index(r, c, parent)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = model.data(index, role)
                    if isinstance(value, str):
                        yield value
                if c == 0 and not flat and not names and depth < 2 and model.rowCount(index) > 0:
                    yield from walk(index, depth + 1)

    yield from walk(view.rootIndex(), 0)


def _places(view: QAbstractItemView) -> bool:
    """A file dialog's side bar: places named by their folders' names (data)."""
    return view.objectName() == "sidebar" and isinstance(view.window(), QFileDialog)


def widget_texts(w: QWidget) -> Iterator[str]:
    """What a reader sees on this one widget (not its children)."""
    if w.isWindow() or isinstance(w, QDockWidget):
        yield w.windowTitle()
    yield w.toolTip()
    if isinstance(w, QLabel | QAbstractButton):
        yield w.text()
    elif isinstance(w, QGroupBox):
        yield w.title()
    elif isinstance(w, QLineEdit):
        yield w.placeholderText()
        if w.isReadOnly():
            yield w.text()
    elif isinstance(w, QTextEdit | QPlainTextEdit):
        yield w.placeholderText()
        yield w.toPlainText()
    elif isinstance(w, QComboBox):
        for i in range(w.count()):
            yield w.itemText(i)
    elif isinstance(w, QTabBar):
        for i in range(w.count()):
            yield w.tabText(i)
            yield w.tabToolTip(i)
    elif isinstance(w, QAbstractSpinBox):
        yield w.specialValueText()
        yield w.text()
    elif isinstance(w, QStatusBar):
        yield w.currentMessage()
    elif isinstance(w, QMessageBox):
        yield w.text()
        yield w.informativeText()
        yield w.detailedText()
    if isinstance(w, QAbstractItemView) and not isinstance(w, QHeaderView) and not _places(w):
        yield from _model_texts(w.model(), w)
    if isinstance(w, QMainWindow):
        for action in w.menuBar().actions():
            yield from _action_texts(action)


def _action_texts(action: QAction) -> Iterator[str]:
    yield action.text()
    yield action.toolTip() if action.toolTip() != action.text().replace("&", "") else ""
    menu = action.menu()
    if isinstance(menu, QMenu):
        for sub in menu.actions():
            yield from _action_texts(sub)


def visible_widgets(top: QWidget) -> Iterator[QWidget]:
    yield top
    for w in top.findChildren(QWidget):
        if w.isVisibleTo(top) and not w.isWindow():
            yield w


def english_on(*windows: QWidget) -> list[Finding]:
    """Every visible text of these windows (and their visible children) that reads
    as English."""
    found: list[Finding] = []
    seen: set[tuple[str, str]] = set()
    for top in windows:
        for w in visible_widgets(top):
            for text in widget_texts(w):
                words = english_words(text or "")
                key = (_name(w), text)
                if words and key not in seen:
                    seen.add(key)
                    found.append(Finding(f"{_name(top)} > {_name(w)}", text, words))
    return found


def english_in_texts(where: str, texts: Iterable[str]) -> list[Finding]:
    """The same check for texts that are not on a widget (a message printed to the
    console, a refusal's text)."""
    return [Finding(where, t, english_words(t)) for t in texts if english_words(t)]


@pytest.fixture
def zh(qtbot) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """The application's translators for Simplified Chinese, installed as it starts by
    default; removed again afterwards (the other tests read the English source)."""
    from gasdesk.ui.application import install_translators

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    locale = QLocale()
    translators = install_translators(app, "zh_CN")
    assert len(translators) == 2, "GasDesk's or Qt's Chinese translation did not load"
    yield
    for t in translators:
        app.removeTranslator(t)
    QLocale.setDefault(locale)
