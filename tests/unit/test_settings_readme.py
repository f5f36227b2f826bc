"""The README's table of settings is the declarations' own (generated from them), and
the README names no setting that is not declared."""

from __future__ import annotations

import re
from pathlib import Path

from gasdesk import settings_doc
from gasdesk.settings import OPTIONS

README = Path(__file__).resolve().parents[2] / "README.md"
KEY = re.compile(r"`([a-z_]+/[a-z_]+)`")  # a settings key in backquotes: `section/name`


def test_the_settings_table_is_generated_from_the_declarations() -> None:
    text = README.read_text(encoding="utf-8")
    assert settings_doc.with_table(text) == text, "run: python -m gasdesk.settings_doc"


def test_every_declared_setting_has_its_row_with_its_default() -> None:
    table = settings_doc.table()
    for o in OPTIONS:
        row = next(line for line in table.splitlines() if line.startswith(f"| `{o.key}` |"))
        assert o.kind.shown(o.default) in row


def test_the_readme_names_only_declared_settings() -> None:
    named = set(KEY.findall(README.read_text(encoding="utf-8")))
    assert named, "the pattern finds the settings the README names"
    assert named - {o.key for o in OPTIONS} == set()
