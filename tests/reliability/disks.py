"""Real small disks for the storage fault tests: a tmpfs of a few hundred kilobytes
mounted in the test's folder (root only; elsewhere the tests that need one are
skipped), filled to the last byte, made read-only, or taken away."""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

FILLER = "filler"


class Disks:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.mounted: list[Path] = []

    def _mount(self, where: Path, *args: str) -> None:
        where.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(["mount", *args, str(where)], capture_output=True, text=True)
        if done.returncode != 0:
            pytest.skip(f"a real small disk needs mount (root): {done.stderr.strip()}")
        self.mounted.append(where)

    def small(self, kib: int, name: str = "disk") -> Path:
        """A new empty file system of `kib` KiB."""
        where = self.folder / name
        self._mount(where, "-t", "tmpfs", "-o", f"size={kib}k", "tmpfs")
        return where

    def read_only_view(self, folder: Path, name: str = "ro") -> Path:
        """`folder` seen through a read-only mount, as on a write-protected medium."""
        where = self.folder / name
        self._mount(where, "--bind", str(folder))
        done = subprocess.run(
            ["mount", "-o", "remount,bind,ro", str(where)], capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        return where

    def take_away(self, where: Path) -> None:
        """The disk is gone (pulled out): detached at once, files open on it or not."""
        subprocess.run(["umount", "-l", str(where)], check=True)
        self.mounted.remove(where)

    def unmount_all(self) -> None:
        for where in reversed(self.mounted):
            subprocess.run(["umount", "-l", str(where)], capture_output=True)
        self.mounted.clear()


def fill(disk: Path, leave: int = 0) -> Path:
    """Fill `disk` to the last block, then give back `leave` bytes."""
    filler = disk / FILLER
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        for size in (65536, 4096, 512):
            try:
                while True:
                    os.write(fd, b"\0" * size)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC, exc
        if leave:
            os.ftruncate(fd, max(0, os.fstat(fd).st_size - leave))
    finally:
        os.close(fd)
    return filler


def free(disk: Path) -> None:
    (disk / FILLER).unlink(missing_ok=True)


@pytest.fixture
def disks(tmp_path: Path) -> Iterator[Disks]:
    made = Disks(tmp_path)
    yield made
    made.unmount_all()
