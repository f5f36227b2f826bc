"""The settings file in the INI format QSettings (IniFormat) reads and writes, without Qt:
the administrator's commands read it without loading PySide6, and a file written by
an earlier GasDesk through QSettings reads the same here.

What QSettings writes, and how this module reads and writes it alike:
- `[section]` then `name=value`; a key's first `/` separates its section (`ui/language`
  is `language` in `[ui]`); a key without one is in `[General]`. Characters other than
  letters, digits and `_-.` in a key are written `%XX` or `%UXXXX`; a further `/`
  becomes `\\`.
- A value is text in UTF-8. `"` and `\\` are escaped with `\\`, control characters as
  `\\n`, `\\t`, `\\x1f` ...; a value holding `;`, `,` or `=`, or beginning or ending
  with a space, is written in double quotes. An unquoted `;` starts a comment.
- Typed values: `@ByteArray(...)` holds bytes (bytes 0x7f and above as `\\xNN`), a
  text that begins with `@` is written `@@...`, `@String(...)` is a text holding NUL.
  Other typed values (`@Variant(...)`, `@Rect(...)`, `@Invalid()` ...) are kept as
  they are (`Verbatim`) and written back unchanged; GasDesk writes none of them.
- An unquoted comma would make QSettings read a list; no GasDesk setting is a list,
  so a comma here is part of the text (what someone editing the file by hand meant).

Where the file is (`qt_files`): QSettings' per-user file, and the files it falls back
on for a key the user's file lacks (the organisation's, then the system's).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

ORGANIZATION = "GasDesk"
APPLICATION = "gasdesk"


class Verbatim(str):
    """A typed QSettings value this module does not decode (its unescaped text, as
    `@Variant(...)`); written back exactly as read."""


Value = str | bytes  # str includes Verbatim

_SPACE = " \t\n\r"
_SPECIAL = '\n\r";=\\'
_ESCAPES = {
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
    "v": "\v",
    '"': '"',
    "?": "?",
    "'": "'",
    "\\": "\\",
}
_WRITE_ESCAPES = {
    "\a": "\\a",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\v": "\\v",
    '"': '\\"',
    "\\": "\\\\",
}
_HEX = "0123456789abcdefABCDEF"
_PLAIN_KEY = re.compile(r"[A-Za-z0-9_.\-]")


# --- reading -----------------------------------------------------------------------


def _lines(text: str) -> Iterator[tuple[int, int, int]]:
    """(start, end, position of the first unquoted '=' or -1) of each logical line:
    comment lines skipped, a quoted value may run over a line break, a backslash
    escapes the next character (a line break too)."""
    pos, n = 0, len(text)
    while True:
        start = pos
        while start < n and text[start] in _SPACE:
            start += 1
        i, quoted, equals = start, False, -1
        while i < n:
            ch = text[i]
            if ch not in _SPECIAL:
                i += 1
                continue
            i += 1
            if ch == "=":
                if not quoted and equals == -1:
                    equals = i - 1
            elif ch in "\n\r":
                if i == start + 1:
                    start += 1
                elif not quoted:
                    i -= 1
                    break
            elif ch == "\\":
                if i < n:
                    first = text[i]
                    i += 1
                    if i < n and {first, text[i]} == {"\n", "\r"}:
                        i += 1
            elif ch == '"':
                quoted = not quoted
            elif i == start + 1:  # ';' opens a comment line: skip it
                while i < n and text[i] not in "\n\r":
                    i += 1
                start = i
            elif not quoted:  # ';' after a value: the comment ends the line
                i -= 1
                break
        pos = i
        if i <= start:
            return
        yield start, i, equals


def _unescape_key(raw: str) -> str:
    out, i = [], 0
    while i < len(raw):
        ch = raw[i]
        if ch == "\\":
            out.append("/")
            i += 1
            continue
        if ch == "%" and i + 1 < len(raw):
            digits = 4 if raw[i + 1] == "U" else 2
            first = i + 2 if digits == 4 else i + 1
            code = raw[first : first + digits]
            if len(code) == digits and all(c in _HEX for c in code):
                out.append(chr(int(code, 16)))
                i = first + digits
                continue
        out.append(ch)
        i += 1
    return "".join(out)


def _unescape_value(text: str, start: int, end: int) -> str:
    """The value between start and end as QSettings reads it, commas as text."""
    out: list[str] = []
    size = 0  # characters in `out`
    chop = 0  # trailing blanks are trimmed back to here, no further
    trim = True  # a value ending in a lone backslash keeps its blanks, as in QSettings
    quoted = in_quotes = False

    def blanks_from(k: int) -> int:
        while k < end and text[k] in " \t":
            k += 1
        return k

    def add(piece: str) -> None:
        nonlocal size
        out.append(piece)
        size += len(piece)

    i = blanks_from(start)
    while i < end:
        ch = text[i]
        if ch == "\\":
            i += 1
            if i >= end:
                trim = False
                break
            esc = text[i]
            i += 1
            if esc in _ESCAPES:
                add(_ESCAPES[esc])
            elif esc == "x" and i < end and text[i] in _HEX:
                j = i
                while j < end and text[j] in _HEX:
                    j += 1
                add(chr(int(text[i:j], 16) & 0xFFFF))
                i = j
            elif esc in "01234567":
                j = i
                while j < end and text[j] in "01234567":
                    j += 1
                add(chr(int(text[i - 1 : j], 8) & 0xFFFF))
                i = j
            elif esc in "\n\r" and i < end and text[i] in "\n\r" and text[i] != esc:
                i += 1  # a line continuation written \r\n or \n\r
            chop = size
        elif ch == '"':
            i += 1
            quoted = True
            in_quotes = not in_quotes
            if not in_quotes:
                i = blanks_from(i)
                chop = size
        else:
            j = i + 1
            while j < end and text[j] not in '\\"':
                j += 1
            add(text[i:j])
            i = j
    value = "".join(out)
    if trim and not quoted:
        value = value[:chop] + value[chop:].rstrip(" \t")
    return value


def _typed(text: str) -> Value:
    """QSettings' `@...` forms: bytes, a text, or a value kept verbatim."""
    if not text.startswith("@"):
        return text
    if text.startswith("@@"):
        return text[1:]
    if text.endswith(")"):
        if text.startswith("@ByteArray("):
            return text[11:-1].encode("latin-1", errors="replace")
        if text.startswith("@String("):
            return text[8:-1]
        if text.startswith(("@Variant(", "@DateTime(", "@Rect(", "@Size(", "@Point(")):
            return Verbatim(text)
        if text == "@Invalid()":
            return Verbatim(text)
    return text


def parse(data: bytes) -> dict[str, Value]:
    """Every key of an INI file as QSettings reads it, in the file's order; a key
    given twice has its last value. Lines that are neither a section, a key nor a
    comment are passed over, as QSettings does."""
    text = data.decode("utf-8", errors="replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    entries: dict[str, Value] = {}
    section = ""
    for start, end, equals in _lines(text):
        if text[start] == "[":
            close = text.find("]", start, end)
            name = text[start + 1 : close if close != -1 else end].strip()
            if name.lower() == "general":
                section = ""
            elif name.lower() == "%general":
                section = name[1:] + "/"
            else:
                section = _unescape_key(name) + "/"
            continue
        if equals == -1:
            continue
        key = _unescape_key(text[start:equals].rstrip(" \t"))
        entries[section + key] = _typed(_unescape_value(text, equals + 1, end))
    return entries


def read_file(path: Path) -> dict[str, Value]:
    """The file's keys; none when it is missing or cannot be read (as QSettings)."""
    try:
        return parse(path.read_bytes())
    except OSError:
        return {}


# --- writing -----------------------------------------------------------------------


def _escape_key(key: str) -> str:
    out = []
    for ch in key:
        if ch == "/":
            out.append("\\")
        elif _PLAIN_KEY.fullmatch(ch):
            out.append(ch)
        elif ord(ch) <= 0xFF:
            out.append(f"%{ord(ch):02X}")
        else:
            out.append(f"%U{ord(ch):04X}")
    return "".join(out)


def _value_text(value: Value) -> str:
    if isinstance(value, bytes):
        return "@ByteArray(" + value.decode("latin-1") + ")"
    if isinstance(value, Verbatim):
        return str(value)
    if "\0" in value:
        return "@String(" + value + ")"
    return "@" + value if value.startswith("@") else value


def _escape_value(text: str) -> str:
    encoded = not text.startswith(("@ByteArray(", "@Variant("))
    out: list[str] = []
    quotes = False
    hex_follows = False  # after \xNN or \0 a hex digit must be escaped too
    for ch in text:
        if ch in ";,=":
            quotes = True
        if hex_follows and ch in _HEX:
            out.append(f"\\x{ord(ch):x}")
            continue
        hex_follows = False
        code = ord(ch)
        if ch == "\0":
            out.append("\\0")
            hex_follows = True
        elif ch in _WRITE_ESCAPES:
            out.append(_WRITE_ESCAPES[ch])
        elif code <= 0x1F or (code >= 0x7F and not encoded):
            out.append(f"\\x{code:x}")
            hex_follows = True
        else:
            out.append(ch)
    result = "".join(out)
    if quotes or result.startswith(" ") or result.endswith(" "):
        result = f'"{result}"'
    return result


def dump(entries: Mapping[str, Value]) -> bytes:
    """The INI text QSettings would read back as `entries`: sections in the order of
    their first key, `[General]` for keys without a section."""
    sections: dict[str, list[tuple[str, Value]]] = {}
    for key, value in entries.items():
        section, _, name = key.partition("/") if "/" in key else ("", "", key)
        sections.setdefault(section, []).append((name, value))
    eol = "\r\n" if sys.platform == "win32" else "\n"
    blocks = []
    for section, items in sections.items():
        header = _escape_key(section)
        if not header:
            header = "General"
        elif header.lower() == "general":
            header = "%General"
        lines = [f"[{header}]"]
        lines += [f"{_escape_key(name)}={_escape_value(_value_text(v))}" for name, v in items]
        blocks.append(eol.join(lines) + eol)
    return eol.join(blocks).encode("utf-8", errors="replace")


def write_file(path: Path, entries: Mapping[str, Value]) -> None:
    """Replace the file with `entries` in one step (a new file renamed over the old
    one, as QSettings does), keeping the old file's permissions; OSError when it
    cannot be written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode: int | None = path.stat().st_mode & 0o7777
    except OSError:
        mode = None
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666 if mode is None else mode)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(dump(entries))
            f.flush()
            os.fsync(f.fileno())
        if mode is not None:
            os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


# --- where QSettings keeps the file ----------------------------------------------------


def _config_dirs() -> tuple[Path, list[Path]]:
    """(the user's configuration folder, the system's ones), as Qt finds them."""
    if sys.platform == "win32":
        user = os.environ.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
        system = os.environ.get("PROGRAMDATA") or "C:\\ProgramData"
        return Path(user), [Path(system)]
    home = os.environ.get("XDG_CONFIG_HOME", "")
    user_dir = Path(home) if os.path.isabs(home) else Path.home() / ".config"
    dirs = [Path(d) for d in os.environ.get("XDG_CONFIG_DIRS", "").split(":") if os.path.isabs(d)]
    return user_dir, dirs or [Path("/etc/xdg")]


def qt_files() -> list[Path]:
    """The files QSettings(IniFormat, UserScope, "GasDesk", "gasdesk") reads, the one
    it writes first: the user's file for the application, the user's for the
    organisation, then the system's for the application and for the organisation."""
    user, system = _config_dirs()
    app = Path(ORGANIZATION) / f"{APPLICATION}.ini"
    org = Path(f"{ORGANIZATION}.ini")
    return [user / app, user / org, *(d / app for d in system), *(d / org for d in system)]
