"""Naming a database file to SQLite.

A `file:` URI is how SQLite is asked to open a file read-only (`mode=ro`); in a URI
`#` starts a fragment, `?` the parameters and `%` an escape, so a file name holding
them, put into the URI as it is, names another file (SQLite then creates that one,
empty, and checks it instead). `file_uri()` percent-encodes the whole path.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode


def file_uri(path: str | Path, **params: str) -> str:
    """The `file:` URI of `path` (made absolute, every special character escaped),
    with SQLite's URI parameters, e.g. file_uri(p, mode="ro")."""
    uri = Path(path).absolute().as_uri()
    return f"{uri}?{urlencode(params)}" if params else uri


def read_only_uri(path: str | Path) -> str:
    """The URI that opens `path` read-only (it is never created)."""
    return file_uri(path, mode="ro")
