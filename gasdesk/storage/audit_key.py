"""The audit key file: the secret that seals the audit chain (HMAC-SHA256).

The file holds one key per line, 64 hexadecimal digits each (32 bytes). A new
database gets one key; `gasdesk key new` adds a line (the new key seals what
follows, the old one stays to check what it sealed). Which key seals the next event
is decided by the chain, not by the line order (see audit.py), so a key line that was
written but never used harms nothing.

The key is an alarm, never a default: a missing, empty or malformed file is an
AuditKeyError whose message says how a supervisor restores the file from its backup;
nothing here makes a key for a database that already has a chain.

A key's fingerprint (the first 16 hex digits of SHA-256 of the key) is printed on the
Z slip and by `gasdesk verify`, so that an auditor can tell a substituted key without
ever seeing a key.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from gasdesk.domain.text import QT_TRANSLATE_NOOP
from gasdesk.storage.errors import StorageError

KEY_BYTES = 32
FINGERPRINT_DIGITS = 16

MISSING = QT_TRANSLATE_NOOP(
    "Messages",
    "The audit key file {path} is missing. Nothing can be recorded until a supervisor "
    "restores it from its backup: gasdesk key restore FILE.",
)
EMPTY = QT_TRANSLATE_NOOP(
    "Messages",
    "The audit key file {path} is empty. Nothing can be recorded until a supervisor "
    "restores it from its backup: gasdesk key restore FILE.",
)
MALFORMED = QT_TRANSLATE_NOOP(
    "Messages",
    "The audit key file {path} is damaged (line {line} is not 64 hexadecimal digits). "
    "Nothing can be recorded until a supervisor restores it from its backup: "
    "gasdesk key restore FILE.",
)
UNREADABLE = QT_TRANSLATE_NOOP(
    "Messages",
    "The audit key file {path} cannot be read ({error}). Nothing can be recorded until a "
    "supervisor restores it from its backup: gasdesk key restore FILE.",
)
NOT_THIS_CHAIN = QT_TRANSLATE_NOOP(
    "Messages",
    "The newest audit record does not match the audit key {fingerprint} in {path}: the key "
    "file belongs to another database, or the audit trail was altered. Nothing can be "
    "recorded; run gasdesk verify, and let a supervisor restore the right key: "
    "gasdesk key restore FILE.",
)
CHANGED_ELSEWHERE = QT_TRANSLATE_NOOP(
    "Messages",
    "The audit key was changed on another counter (new key {fingerprint}). Nothing can be "
    "recorded here until that key file is installed: gasdesk key restore FILE.",
)


class AuditKeyError(StorageError):
    """The audit key cannot be used: nothing may be written until it is restored."""


def fingerprint(key: bytes) -> str:
    return hashlib.sha256(key).hexdigest()[:FINGERPRINT_DIGITS]


@dataclass(frozen=True)
class KeyRing:
    """The keys of a key file, in file order (the newest last)."""

    path: Path
    keys: tuple[bytes, ...]

    @property
    def newest(self) -> bytes:
        return self.keys[-1]

    def by_fingerprint(self, fp: str) -> bytes | None:
        for key in self.keys:
            if fingerprint(key) == fp:
                return key
        return None

    @property
    def fingerprints(self) -> tuple[str, ...]:
        return tuple(fingerprint(k) for k in self.keys)


def parse(text: str, path: Path) -> KeyRing:
    """The keys of a key file's text; AuditKeyError when empty or malformed."""
    keys: list[bytes] = []
    for number, line in enumerate(text.splitlines(), start=1):
        word = line.strip()
        if not word:
            continue
        if len(word) != 2 * KEY_BYTES or any(c not in "0123456789abcdefABCDEF" for c in word):
            raise AuditKeyError(MALFORMED, path=str(path), line=number)
        keys.append(bytes.fromhex(word))
    if not keys:
        raise AuditKeyError(EMPTY, path=str(path))
    return KeyRing(path, tuple(keys))


def read_ring(path: Path) -> KeyRing:
    """The key file at `path`; AuditKeyError saying what is wrong with it."""
    try:
        text = path.read_text(encoding="ascii")
    except FileNotFoundError as exc:
        raise AuditKeyError(MISSING, cause=exc, path=str(path)) from exc
    except (OSError, UnicodeError) as exc:
        raise AuditKeyError(
            UNREADABLE, cause=exc, detail=str(exc), path=str(path), error=str(exc)
        ) from exc
    return parse(text, path)


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def _text(keys: Iterable[bytes]) -> str:
    return "".join(k.hex() + "\n" for k in keys)


def create_ring(path: Path) -> KeyRing:
    """A new key file with one new key (owner-only); never replaces an existing file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    key = new_key()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(_text([key]))
        fh.flush()
        os.fsync(fh.fileno())
    return KeyRing(path, (key,))


def write_ring(path: Path, keys: Iterable[bytes]) -> KeyRing:
    """Replace the key file atomically (write aside, fsync, rename), owner-only."""
    ring = KeyRing(path, tuple(keys))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(_text(ring.keys))
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    return ring
