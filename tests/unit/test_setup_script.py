"""scripts/setup.sh, which `make run` and `make test` start with: it checks for venv
before making .venv/, never leaves a half-made .venv/ behind, treats a failed apt-get as
a failed set-up, and names system packages after the libraries ldd finds missing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "setup.sh"
PYTHON_VERSION = f"{sys.version_info[0]}.{sys.version_info[1]}"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of what the set-up reads, in a folder of the test's own."""
    folder = tmp_path / "project"
    (folder / "scripts").mkdir(parents=True)
    for name in ("scripts/setup.sh", "scripts/qt_libraries.py", "setup.cfg", "pyproject.toml"):
        shutil.copy(ROOT / name, folder / name)
    return folder


@pytest.fixture
def fake_bin(tmp_path: Path) -> Path:
    folder = tmp_path / "bin"
    folder.mkdir()
    return folder


def _tool(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(0o755)


def _without_ensurepip(tmp_path: Path) -> Path:
    """A module path on which `import ensurepip` fails, as on Debian without python3-venv."""
    folder = tmp_path / "no-ensurepip"
    folder.mkdir()
    (folder / "ensurepip.py").write_text("raise ImportError('ensurepip is not installed')\n")
    return folder


def _run(project: Path, fake_bin: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {
        "PATH": f"{fake_bin}:{os.environ['PATH']}",
        "HOME": str(project),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        **env,
    }
    return subprocess.run(
        ["bash", "scripts/setup.sh", sys.executable],
        cwd=project,
        env=environ,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_without_venv_it_says_what_to_install_and_makes_no_venv(project, fake_bin, tmp_path):
    _tool(fake_bin, "id", "echo 1000")  # not root
    done = _run(project, fake_bin, PYTHONPATH=str(_without_ensurepip(tmp_path)))
    assert done.returncode != 0
    assert f"apt-get install python{PYTHON_VERSION}-venv" in done.stderr
    assert not (project / ".venv").exists()


def test_a_failed_apt_get_is_a_failed_set_up(project, fake_bin, tmp_path):
    _tool(fake_bin, "id", "echo 0")  # root
    _tool(fake_bin, "apt-get", "echo 'E: Unable to locate package' >&2; exit 100")
    done = _run(project, fake_bin, PYTHONPATH=str(_without_ensurepip(tmp_path)))
    assert done.returncode != 0
    assert "apt-get could not install" in done.stderr
    assert not (project / ".venv").exists()


@pytest.mark.slow
def test_a_failed_install_leaves_no_venv_and_the_next_try_starts_afresh(project, fake_bin):
    _tool(fake_bin, "id", "echo 1000")
    half_made = project / ".venv" / "bin"
    half_made.mkdir(parents=True)  # an earlier try stopped here: no python, no stamp
    offline = {"PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(project / "nothing")}
    done = _run(project, fake_bin, **offline)
    assert done.returncode != 0
    assert "removing the unfinished .venv/" in done.stderr
    assert "pip could not install" in done.stderr
    assert not (project / ".venv").exists()


@pytest.mark.parametrize(
    ("soname", "package"),
    [
        ("libglib-2.0.so.0", "libglib2.0-0"),
        ("libgthread-2.0.so.0", "libglib2.0-0"),
        ("libX11.so.6", "libx11-6"),
        ("libX11-xcb.so.1", "libx11-xcb1"),
        ("libEGL.so.1", "libegl1"),
        ("libdbus-1.so.3", "libdbus-1-3"),
        ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
        ("libxcb-render-util.so.0", "libxcb-render-util0"),
        ("libgssapi_krb5.so.2", "libgssapi-krb5-2"),
        ("libcups.so.2", "libcups2"),
    ],
)
def test_a_missing_library_is_named_by_its_debian_package(soname, package):
    function = subprocess.run(
        ["sed", "-n", "/^package_of()/,/^}/p", str(SCRIPT)], capture_output=True, text=True
    ).stdout
    assert function
    out = subprocess.run(
        ["bash", "-c", f"{function}\npackage_of {soname}"], capture_output=True, text=True
    )
    assert out.stdout.strip() == package


def _shared_library(folder: Path, name: str, needs: list[str]) -> Path:
    source = folder / f"{name}.c"
    source.write_text(f"int {name.replace('-', '_')}(void) {{ return 0; }}\n")
    path = folder / f"lib{name}.so"
    links = [f"-l{n}" for n in needs]
    subprocess.run(
        ["gcc", "-shared", "-fPIC", "-o", str(path), str(source), f"-L{folder}", "-Wl,--no-as-needed", *links,
         f"-Wl,-soname,lib{name}.so"],
        check=True,
    )  # fmt: skip
    return path


@pytest.mark.skipif(shutil.which("gcc") is None, reason="needs a C compiler to make libraries")
def test_the_library_check_reports_what_ldd_cannot_find(tmp_path):
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import qt_libraries
    finally:
        sys.path.pop(0)
    import PySide6

    package = Path(PySide6.__file__).parent
    assert package / "Qt" / "plugins" / "platforms" / "libqxcb.so" in (
        qt_libraries.checked_files(package)
    )
    assert qt_libraries.missing(qt_libraries.checked_files(package)) == []  # set up here
    _shared_library(tmp_path, "gone", [])
    _shared_library(tmp_path, "Qt6Fake", [])
    plugin = _shared_library(tmp_path, "plugin", ["gone", "Qt6Fake"])
    (tmp_path / "libgone.so").unlink()
    (tmp_path / "libQt6Fake.so").unlink()
    assert qt_libraries.missing([plugin]) == ["libgone.so"]  # Qt's own are Qt's business
