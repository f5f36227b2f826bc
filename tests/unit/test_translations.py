"""Every user-visible string has a Chinese translation, and the shipped .qm is built
from the shipped .ts."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "gasdesk_zh_CN.ts"
QM = ROOT / "resources" / "i18n" / "gasdesk_zh_CN.qm"
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    found = BIN / name
    if found.exists():
        return str(found)
    which = shutil.which(name)
    if which is None:
        pytest.skip(f"{name} is not installed")
    return which


def messages(ts: Path) -> dict[tuple[str, str], tuple[str, str | None]]:
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            tr = message.find("translation")
            assert tr is not None
            out[(name, message.findtext("source") or "")] = (tr.text or "", tr.get("type"))
    return out


def test_every_source_string_is_translated(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "gasdesk").rglob("*.py"))
    subprocess.run(
        [tool("pyside6-lupdate"), *sources, "-ts", str(fresh)], check=True, capture_output=True
    )
    needed = set(messages(fresh))
    shipped = messages(TS)
    missing = sorted(
        k for k in needed if k not in shipped or not shipped[k][0] or shipped[k][1] == "unfinished"
    )
    assert not missing, (
        f"{len(missing)} strings lack a translation (run `make translations`): {missing[:10]}"
    )


def test_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    built = tmp_path / "built.qm"
    subprocess.run(
        [tool("pyside6-lrelease"), str(TS), "-qm", str(built)], check=True, capture_output=True
    )
    assert built.read_bytes() == QM.read_bytes(), (
        "resources/i18n .qm is stale: run `make translations`"
    )
