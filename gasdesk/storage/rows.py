"""Typed access to peewee result rows (peewee has no type information, and the
model classes make mypy believe a query yields model instances even after .tuples())."""

from __future__ import annotations

from typing import Any


def tuples(query: Any) -> list[tuple[Any, ...]]:
    """The rows of a select as plain tuples, in the order of its selected columns."""
    return list(query.tuples())
