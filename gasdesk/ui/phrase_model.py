"""The phrase book as a list model (group headings, then phrases), with the phrases
for the current moment highlighted; and the counter's phrase book itself."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from gasdesk.domain.phrases import GROUPS, LoadResult, Phrase, PhraseBook, load_phrases
from gasdesk.resources import resource_path
from gasdesk.settings import PHRASES_FILE
from gasdesk.ui.context import AppContext
from gasdesk.ui.messages import english_ui

EXTRAS_KEY = "phrases"
HIGHLIGHT = QColor("#ffe8a3")
PHRASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def counter_phrases(ctx: AppContext) -> LoadResult:
    """The phrase book this counter uses (loaded once per login): the file named by
    its settings (`settings.PHRASES_FILE`), else the shipped resources/phrases.toml."""
    result = ctx.extras.get(EXTRAS_KEY)
    if not isinstance(result, LoadResult):
        configured = ctx.settings.get(PHRASES_FILE)
        if configured:
            result = load_phrases(configured)
        else:
            with resource_path("phrases.toml") as shipped:
                result = load_phrases(shipped)
        ctx.extras[EXTRAS_KEY] = result
    return result


Index = QModelIndex | QPersistentModelIndex


class PhraseListModel(QAbstractListModel):
    def __init__(self, book: PhraseBook, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[str | Phrase] = []  # a str row is a group heading
        for group in GROUPS:
            phrases = book.group(group)
            if phrases:
                self._rows.append(group)
                self._rows.extend(phrases)
        self._highlighted: frozenset[str] = frozenset()
        self._params: Mapping[str, Any] = {}

    def _heading(self, group: str) -> str:
        return {
            "basic": self.tr("Basic phrases"),
            "tactful": self.tr("Tactful expressions"),
            "readback": self.tr("Read-back of amounts"),
        }.get(group, group)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def phrase_at(self, row: int) -> Phrase | None:
        item = self._rows[row] if 0 <= row < len(self._rows) else None
        return item if isinstance(item, Phrase) else None

    def row_of(self, phrase_id: str) -> int:
        for row, item in enumerate(self._rows):
            if isinstance(item, Phrase) and item.id == phrase_id:
                return row
        return -1

    def _text(self, phrase: Phrase) -> str:
        if phrase.is_template:
            # only the read-back being said shows the amounts: "exact, no change" next to
            # amounts with change would contradict them
            if phrase.id in self._highlighted:
                try:
                    return phrase.render(self._params)
                except (KeyError, TypeError):
                    pass
            return phrase.blank()
        text = " / ".join((phrase.text, *phrase.alternatives))
        return f"{phrase.number}. {text}" if phrase.number else text

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        if isinstance(item, str):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._heading(item)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor("#555555"))
            return None
        lit = item.id in self._highlighted
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.gloss if english_ui() else None  # the gloss is English
        if role == PHRASE_ID_ROLE:
            return item.id
        if role == Qt.ItemDataRole.BackgroundRole and lit:
            return QBrush(HIGHLIGHT)
        if role == Qt.ItemDataRole.FontRole and lit:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if isinstance(self._rows[index.row()], str):
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    @property
    def highlighted(self) -> frozenset[str]:
        return self._highlighted

    def set_highlight(self, ids: tuple[str, ...], params: Mapping[str, Any] | None = None) -> None:
        """Highlight these phrases; templates show the given amounts."""
        self._highlighted = frozenset(ids)
        if params is not None:
            self._params = dict(params)
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))
