"""The allocator setting made at start (gasdesk.allocator)."""

from __future__ import annotations

import ctypes
import platform

import pytest

from gasdesk import allocator


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="mallopt is glibc's")
def test_glibc_takes_the_fixed_mmap_threshold() -> None:
    assert allocator.fix_mmap_threshold() is True


def test_other_platforms_and_libraries_are_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(allocator.sys, "platform", "win32")
    assert allocator.fix_mmap_threshold() is False
    monkeypatch.setattr(allocator.sys, "platform", "linux")

    def no_libc(name: str) -> ctypes.CDLL:
        raise OSError(f"{name}: cannot open shared object file")

    monkeypatch.setattr(allocator.ctypes, "CDLL", no_libc)
    assert allocator.fix_mmap_threshold() is False
