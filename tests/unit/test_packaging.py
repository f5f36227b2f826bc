"""The installed distribution carries every file the program reads, and reads them from
itself, not from a source checkout.

The packages are laid out by setuptools' `build_py`, the step of `pip wheel` that
copies the packages and their package data into the wheel's tree: it runs offline in
well under a second, where a whole wheel build needs an isolated build environment
from the package index. scripts/check_wheel.sh builds and runs the real wheel.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# source folder -> where the installed distribution holds it
DATA_FOLDERS = {"resources": "gasdesk/_resources", "forms": "gasdesk/_forms"}
# files in those folders that the program never reads
NOT_SHIPPED = {"forms/README.md"}
NOT_SHIPPED_SUFFIXES: set[str] = set()  # the .ts too: the commands read their words from it


def data_files() -> list[str]:
    """Every file under resources/ and forms/ that the program reads, relative to ROOT."""
    found = []
    for folder in DATA_FOLDERS:
        for path in sorted((ROOT / folder).rglob("*")):
            rel = path.relative_to(ROOT).as_posix()
            skipped = rel in NOT_SHIPPED or path.suffix in NOT_SHIPPED_SUFFIXES
            if path.is_file() and "__pycache__" not in path.parts and not skipped:
                found.append(rel)
    return found


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The installed layout (what the wheel holds), built from a copy of the checkout."""
    base = tmp_path_factory.mktemp("packaging")
    source, lib = base / "source", base / "lib"
    source.mkdir()
    for name in ("setup.cfg", "pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for name in ("gasdesk", *DATA_FOLDERS):
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    build_py = ["-c", "import setuptools; setuptools.setup()", "-q", "build_py"]
    subprocess.run(
        [sys.executable, *build_py, "--build-lib", str(lib)],
        cwd=source,
        check=True,
        capture_output=True,
    )
    return lib


def test_every_resource_and_form_file_is_in_the_installed_package(built: Path) -> None:
    files = data_files()
    assert "resources/offices.toml" in files and "resources/i18n/gasdesk_zh_CN.qm" in files
    assert "forms/open_account.toml" in files
    missing = []
    for rel in files:
        folder, _, rest = rel.partition("/")
        shipped = built / DATA_FOLDERS[folder] / rest
        if not shipped.is_file() or shipped.read_bytes() != (ROOT / rel).read_bytes():
            missing.append(rel)
    assert missing == []


def test_every_module_is_in_the_installed_package(built: Path) -> None:
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "gasdesk").rglob("*.py")}
    shipped = {p.relative_to(built).as_posix() for p in (built / "gasdesk").rglob("*.py")}
    assert modules - shipped == set()


PROBE = textwrap.dedent(
    """
    import gasdesk
    from gasdesk.cli_text import message_text
    from gasdesk.services.form_settings import company_phones
    from gasdesk.services.effects.catalog import load_forms

    print(gasdesk.__file__)
    catalog = load_forms()
    print(len(catalog.forms), len(catalog.problems))
    print(company_phones()["complaint_phone"])
    print(message_text("Unexpected error: {error}", {"error": "x"}, {"LANG": "zh_CN.UTF-8"}))
    """
)


def test_the_installed_package_reads_its_own_files(built: Path, tmp_path: Path) -> None:
    """Imported from the installed layout, far from any checkout, GasDesk finds its
    forms and resources (offices.toml, the Chinese translation) inside itself."""
    env = {k: v for k, v in os.environ.items() if k != "GASDESK_FORMS_DIR"}
    env["PYTHONPATH"] = str(built)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    run = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=elsewhere, env=env, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    imported, counts, phone, message = run.stdout.splitlines()
    assert Path(imported) == built / "gasdesk" / "__init__.py"
    shipped = len(list((ROOT / "forms").glob("*.toml")))
    assert counts == f"{shipped} 0"  # every shipped form, none broken
    assert phone == "0533-2820011"  # from offices.toml (no default)
    assert message == "意外错误：x"  # the .qm loaded


def test_a_source_checkout_reads_its_own_folders() -> None:
    """Run from a checkout (an editable install, `python main.py`, PYTHONPATH), the
    files come from the same checkout as the code, whatever else is installed."""
    from gasdesk.resources import forms_folder, resource_folder, source_checkout

    assert source_checkout() == ROOT
    assert resource_folder() == ROOT / "resources" and forms_folder() == ROOT / "forms"
