"""Evidence of who touches a database file: the POSIX locks a process holds on it
(/proc/locks), and every open() of a file in its folder (inotify), by this process
or any other. Linux only."""

from __future__ import annotations

import ctypes
import os
import struct
from pathlib import Path

IN_OPEN = 0x20
_EVENT = struct.Struct("iIII")


def held_locks(file: Path, pid: int | None = None) -> list[tuple[str, str, str]]:
    """(kind, start, end) of each POSIX lock `pid` (default: this process) holds on
    `file`, from /proc/locks."""
    pid = os.getpid() if pid is None else pid
    inode = os.stat(file).st_ino
    found = []
    with open("/proc/locks") as fh:
        for line in fh:
            fields = line.split()
            if fields[1] == "->":  # a waiting lock: "1: -> POSIX ..."
                fields = fields[:1] + fields[2:]
            if fields[1] != "POSIX" or int(fields[4]) != pid:
                continue
            if int(fields[5].rsplit(":", 1)[1]) == inode:
                found.append((fields[3], fields[6], fields[7]))
    return sorted(found)


class OpenWatch:
    """Records the names of the files opened in `folder` from now on."""

    def __init__(self, folder: Path) -> None:
        libc = ctypes.CDLL(None, use_errno=True)
        self.fd = libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
        if self.fd < 0:
            raise OSError(ctypes.get_errno(), "inotify_init1")
        if libc.inotify_add_watch(self.fd, str(folder).encode(), IN_OPEN) < 0:
            raise OSError(ctypes.get_errno(), "inotify_add_watch")

    def opened(self) -> list[str]:
        """Names of the files opened since the last call (the folder itself left out)."""
        names = []
        while True:
            try:
                data = os.read(self.fd, 65536)
            except BlockingIOError:
                return names
            offset = 0
            while offset < len(data):
                _, mask, _, size = _EVENT.unpack_from(data, offset)
                offset += _EVENT.size
                name = data[offset : offset + size].rstrip(b"\0").decode()
                offset += size
                if mask & IN_OPEN and name:
                    names.append(name)

    def close(self) -> None:
        os.close(self.fd)
