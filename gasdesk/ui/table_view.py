"""The table view of a list on screen: whole rows selected, columns as wide as their
text, the last one taking the rest of the width."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def row_table(
    model: QAbstractItemModel, name: str, *, single: bool = False, row_numbers: bool = True
) -> QTableView:
    """A view of `model` named `name`; `single` allows one selected row only,
    `row_numbers=False` hides the row numbers."""
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single:
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    if not row_numbers:
        view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view
