"""The program's version: the one in setup.cfg, read from the installed package's
metadata (an installed wheel, an editable install or a bundle that carries the
metadata). Nothing else in the code writes a version number."""

from __future__ import annotations

from functools import cache

UNKNOWN = "0+unknown"  # run from a source tree that was never installed


@cache
def version() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as package_version

    try:
        return package_version("gasdesk")
    except PackageNotFoundError:
        return UNKNOWN
