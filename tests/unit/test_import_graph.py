"""No two modules of gasdesk import each other, directly or round a longer loop, not
even through an import put inside a function to postpone the loop."""

from __future__ import annotations

from pathlib import Path

from tests.import_graph import cycles, import_graph

ROOT = Path(__file__).resolve().parents[2]


def test_gasdesk_has_no_import_cycle() -> None:
    found = cycles(import_graph(ROOT / "gasdesk"))
    assert not found, "import cycles:\n" + "\n".join(" -> ".join(c) for c in found)


def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "pkg"
    for name, text in {"__init__.py": "", **files}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_a_lazy_import_inside_a_function_is_a_cycle(tmp_path: Path) -> None:
    root = _package(
        tmp_path,
        {
            "a.py": "from pkg.b import g\n",
            "b.py": "def g():\n    from pkg import a\n    return a\n",
        },
    )
    assert cycles(import_graph(root)) == [["pkg.a", "pkg.b", "pkg.a"]]


def test_relative_type_checking_and_importlib_imports_count(tmp_path: Path) -> None:
    root = _package(
        tmp_path,
        {
            "a.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .sub.c import X\n",
            "sub/__init__.py": "",
            "sub/c.py": "import importlib\nM = importlib.import_module('pkg.d')\n",
            "d.py": "from . import a\n",
        },
    )
    assert cycles(import_graph(root)) == [["pkg.a", "pkg.sub.c", "pkg.d", "pkg.a"]]


def test_modules_that_import_in_one_direction_only_are_no_cycle(tmp_path: Path) -> None:
    root = _package(tmp_path, {"a.py": "import pkg.b\n", "b.py": "X = 1\n"})
    assert cycles(import_graph(root)) == []
