"""GasDesk: the counter application of a city gas utility's service halls."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    """`gasdesk.__version__`, read from the package metadata when asked for (see
    gasdesk/version.py), so that importing gasdesk reads no metadata."""
    if name == "__version__":
        from gasdesk.version import version

        return version()
    raise AttributeError(f"module 'gasdesk' has no attribute {name!r}")
