"""A delegate that paints a cell's text with the matched spans highlighted (bold on a
yellow ground), so the teller sees at a glance why a row was found."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from gasdesk.ui.records.search_model import SPANS_ROLE

MARK_STYLE = "background-color:#ffe066;color:#1f2933;font-weight:bold;"


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def highlighted_html(text: str, spans: list[tuple[int, int]]) -> str:
    """The text as HTML with each span wrapped in a mark; overlapping spans merge."""
    marks = [False] * len(text)
    for start, end in spans:
        for i in range(max(0, start), min(len(text), end)):
            marks[i] = True
    out: list[str] = []
    i = 0
    while i < len(text):
        j = i
        while j < len(text) and marks[j] == marks[i]:
            j += 1
        piece = _esc(text[i:j])
        out.append(f'<span style="{MARK_STYLE}">{piece}</span>' if marks[i] else piece)
        i = j
    return "".join(out)


class HighlightDelegate(QStyledItemDelegate):
    def _document(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QTextDocument:
        doc = QTextDocument()
        doc.setDocumentMargin(2)
        doc.setDefaultFont(option.font)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        spans = index.data(SPANS_ROLE) or []
        doc.setHtml(highlighted_html(text, list(spans)))
        return doc

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = self._document(opt, index)
        opt.text = ""
        widget: Any = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        ctx.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        painter.save()
        top = rect.top() + max(0, (rect.height() - doc.size().height()) / 2)
        painter.translate(rect.left(), top)
        painter.setClipRect(QRectF(0, 0, rect.width(), rect.height()))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        doc = self._document(option, index)
        return QSize(int(doc.idealWidth()) + 8, int(doc.size().height()) + 4)
