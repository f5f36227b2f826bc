"""Where the shipped data files live, and reading them."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
FORMS = ROOT / "forms"


def load_toml(name: str) -> dict[str, Any]:
    with (RESOURCES / name).open("rb") as fh:
        return tomllib.load(fh)
