"""Where the shipped data files live, and reading them: the only module that locates
resources/ (offices, tariffs, phrases, holidays, the translation) and forms/ (one file
per business form).

Installed (a wheel, a bundle), the two folders are the package data
`gasdesk._resources` and `gasdesk._forms` (setup.cfg maps them there) and are found
with importlib.resources. Run from a source checkout (gasdesk/ beside setup.cfg, as
`pip install -e .` and `python main.py` do), the checkout's own folders are read, so
that the code and the files it reads always come from the same checkout.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

RESOURCES_PACKAGE = "gasdesk._resources"
FORMS_PACKAGE = "gasdesk._forms"
TRANSLATION = "i18n/gasdesk_zh_CN.qm"  # GasDesk's simplified Chinese
FONTS = "fonts"  # the Chinese font an application bundle carries (packaging/gasdesk.spec)
FONT_SUFFIXES = (".ttf", ".ttc")


def source_checkout() -> Path | None:
    """The checkout this gasdesk package was imported from; None when installed."""
    root = Path(__file__).resolve().parent.parent
    return root if (root / "setup.cfg").is_file() else None


def _folder(package: str, name: str) -> Traversable:
    checkout = source_checkout()
    return checkout / name if checkout is not None else files(package)


def resource_folder() -> Traversable:
    """resources/: offices, tariffs, phrases, holidays, appointment slots, translations."""
    return _folder(RESOURCES_PACKAGE, "resources")


def forms_folder() -> Traversable:
    """forms/: one declarative file per business form."""
    return _folder(FORMS_PACKAGE, "forms")


def resource_file(name: str) -> Traversable:
    """A file in resources/ by its relative name, e.g. 'offices.toml' or TRANSLATION."""
    found = resource_folder()
    for part in name.split("/"):
        found = found / part
    return found


@contextmanager
def resource_path(name: str) -> Iterator[Path]:
    """A resource as a file-system path, for readers that need one (Qt's translator):
    the file itself where it lies on disk, else a temporary copy while in use."""
    with as_file(resource_file(name)) as path:
        yield path


def shipped_fonts() -> list[Path]:
    """The TrueType fonts in resources' fonts/ folder, by name. Only an application
    bundle has them (its build puts a Chinese font there); a source checkout and a
    wheel have none and use the system's fonts. Fonts stay open as long as the process
    runs, so only files that lie on disk are returned."""
    folder = resource_file(FONTS)
    if not folder.is_dir():
        return []
    found = []
    for entry in folder.iterdir():
        path = Path(str(entry))
        if entry.name.lower().endswith(FONT_SUFFIXES) and path.is_file():
            found.append(path)
    return sorted(found, key=lambda p: p.name)


def load_toml(name: str) -> dict[str, Any]:
    with resource_file(name).open("rb") as fh:
        return tomllib.load(fh)
