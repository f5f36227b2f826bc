"""The kinds of value a setting holds: how its text in the settings file becomes a typed
value (`parse`, ValueError when it is not one), how a value is written (`text`), and
the kind's name in the README's table (`label`)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Generic, TypeVar

from gasdesk.domain.service_timing import parse_seconds

T = TypeVar("T")
Raw = str | bytes  # what the file holds: text, or bytes (@ByteArray)

_WHOLE = re.compile(r"[+-]?[0-9]+")
_TRUE = ("true", "1", "yes", "on")
_FALSE = ("false", "0", "no", "off")


def _text(raw: Raw, key: str) -> str:
    if not isinstance(raw, str):
        raise ValueError(f"{key} holds bytes, not text")
    return raw


class Kind(Generic[T]):
    label = ""

    def parse(self, raw: Raw, key: str) -> T:
        raise NotImplementedError

    def text(self, value: T) -> Raw:
        return str(value)

    def shown(self, value: T) -> str:
        """The value as the README's table shows a default."""
        raw = self.text(value)
        if isinstance(raw, bytes):
            return "(bytes)" if raw else "(empty)"
        return raw


class Text(Kind[str]):
    def __init__(self, label: str = "text") -> None:
        self.label = label

    def parse(self, raw: Raw, key: str) -> str:
        return _text(raw, key)


class Flag(Kind[bool]):
    label = "true or false"

    def parse(self, raw: Raw, key: str) -> bool:
        text = _text(raw, key).strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise ValueError(f"{key} must be true or false, not {raw!r}")

    def text(self, value: bool) -> str:
        return "true" if value else "false"


class Whole(Kind[int]):
    """A whole number from `low` to `high` (no upper bound when None)."""

    def __init__(self, low: int, high: int | None = None, unit: str = "") -> None:
        self.low, self.high = low, high
        span = f"{low} or more" if high is None else f"{low} to {high}"
        self.label = f"whole {unit or 'number'}, {span}"

    def parse(self, raw: Raw, key: str) -> int:
        text = _text(raw, key).strip()
        if not _WHOLE.fullmatch(text):
            raise ValueError(f"{key} must be a whole number, not {raw!r}")
        number = int(text)
        if number < self.low or (self.high is not None and number > self.high):
            raise ValueError(f"{key} must be {self.label}, not {number}")
        return number


class Seconds(Kind[int]):
    """Whole seconds in a range; a value out of it is a problem the teller is shown
    (service_timing.TimingSettingError, translated)."""

    def __init__(self, low: int, high: int) -> None:
        self.low, self.high = low, high
        self.label = f"whole seconds, {low} to {high}"

    def parse(self, raw: Raw, key: str) -> int:
        return parse_seconds(raw, key, self.low, self.high)


class Number(Kind[float]):
    """A finite decimal number."""

    def __init__(self, label: str = "number") -> None:
        self.label = label

    def parse(self, raw: Raw, key: str) -> float:
        try:
            number = float(_text(raw, key).strip())
        except ValueError:
            raise ValueError(f"{key} must be a number, not {raw!r}") from None
        if not math.isfinite(number):
            raise ValueError(f"{key} must be a finite number, not {raw!r}")
        return number

    def text(self, value: float) -> str:
        written = repr(float(value))
        return written[:-2] if written.endswith(".0") else written


class Choice(Kind[str]):
    def __init__(self, *choices: str) -> None:
        self.choices = choices
        self.label = " or ".join(choices)

    def parse(self, raw: Raw, key: str) -> str:
        text = _text(raw, key).strip()
        if text not in self.choices:
            raise ValueError(f"{key} must be {self.label}, not {raw!r}")
        return text


class YuanAsFen(Kind[int]):
    """Whole yuan in the file (at least 1), fen in the program."""

    label = "whole yuan, 1 or more"

    def parse(self, raw: Raw, key: str) -> int:
        return Whole(1).parse(raw, key) * 100

    def text(self, value: int) -> str:
        return str(value // 100)


@dataclass(frozen=True)
class Geometry:
    """A window's normal place and size, and whether it was maximized."""

    x: int
    y: int
    width: int
    height: int
    maximized: bool = False


class GeometryText(Kind[Geometry]):
    """`x,y,width,height`, and `,max` when the window was maximized."""

    label = "x,y,width,height[,max]"

    def parse(self, raw: Raw, key: str) -> Geometry:
        parts = _text(raw, key).strip().split(",")
        try:
            x, y, w, h = (int(p) for p in parts[:4])
        except ValueError:
            raise ValueError(f"{key} must be x,y,width,height[,max], not {raw!r}") from None
        if len(parts) not in (4, 5) or w <= 0 or h <= 0:
            raise ValueError(f"{key} must be x,y,width,height[,max], not {raw!r}")
        return Geometry(x, y, w, h, parts[4:] == ["max"])

    def text(self, value: Geometry) -> str:
        mark = ",max" if value.maximized else ""
        return f"{value.x},{value.y},{value.width},{value.height}{mark}"


class Bytes(Kind[bytes]):
    label = "bytes (written by Qt)"

    def parse(self, raw: Raw, key: str) -> bytes:
        if not isinstance(raw, bytes):
            raise ValueError(f"{key} must hold bytes (@ByteArray), not text")
        return raw

    def text(self, value: bytes) -> bytes:
        return bytes(value)


class Maybe(Kind[T | None], Generic[T]):
    """A value that may be missing (None): not set, or removed by setting None."""

    def __init__(self, kind: Kind[T]) -> None:
        self.kind = kind
        self.label = kind.label

    def parse(self, raw: Raw, key: str) -> T | None:
        return self.kind.parse(raw, key)

    def text(self, value: T | None) -> Raw:
        if value is None:
            raise ValueError("None is written by removing the key")
        return self.kind.text(value)

    def shown(self, value: T | None) -> str:
        return "(none)" if value is None else self.kind.shown(value)
