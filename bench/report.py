"""The one table every benchmark reports into: a row per figure, with the floor
measured in the same run, their ratio, the goal and whether it is met."""

from __future__ import annotations

import json
import os
import platform
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Goal:
    """`value` (and `ratio`, when given) must not be exceeded; `strict` means below."""

    value: float | None = None
    ratio: float | None = None
    strict: bool = True

    def text(self, unit: str) -> str:
        sign = "<" if self.strict else "≤"
        parts = []
        if self.value is not None:
            parts.append(f"{sign} {_fmt(self.value)} {unit}".strip())
        if self.ratio is not None:
            parts.append(f"ratio < {self.ratio:g}")
        return "; ".join(parts)


@dataclass
class Row:
    bench: str  # the group, as named by --only
    figure: str
    unit: str
    median: float | None
    floor: float | None = None
    floor_label: str = ""
    goal: Goal | None = None
    runs: int = 0
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        if self.median is None or not self.floor:
            return None
        return self.median / self.floor

    @property
    def met(self) -> bool | None:
        """None when the row has no goal or no figure."""
        if self.goal is None or self.median is None:
            return None
        ok = True
        if self.goal.value is not None:
            ok = (
                self.median < self.goal.value
                if self.goal.strict
                else self.median <= self.goal.value
            )
        if self.goal.ratio is not None and self.ratio is not None:
            ok = ok and self.ratio < self.goal.ratio
        return ok

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["goal"] = self.goal.text(self.unit) if self.goal else ""
        data["goal_value"] = self.goal.value if self.goal else None
        data["goal_ratio"] = self.goal.ratio if self.goal else None
        data["ratio"] = self.ratio
        data["met"] = self.met
        return data


def _fmt(value: float | None) -> str:
    if value is None:
        return "—"
    if value == int(value):
        return f"{int(value)}"
    if abs(value) >= 100:
        return f"{value:.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    if abs(value) >= 1:
        return f"{value:.2f}"
    return f"{value:.3f}"


def _status(row: Row) -> str:
    met = row.met
    return "" if met is None else ("met" if met else "MISSED")


COLUMNS = ("figure", "median", "floor", "ratio", "goal", "")


def table(rows: list[Row]) -> str:
    """The rows as aligned plain text, one line each (notes on their own lines)."""
    lines = []
    cells = [
        (
            r.figure,
            f"{_fmt(r.median)} {r.unit}".strip() if r.median is not None else "—",
            f"{_fmt(r.floor)} {r.unit}".strip() if r.floor is not None else "",
            f"{r.ratio:.2f}" if r.ratio is not None else "",
            r.goal.text(r.unit) if r.goal else "",
            _status(r),
        )
        for r in rows
    ]
    widths = [max(len(c[i]) for c in [COLUMNS, *cells]) for i in range(len(COLUMNS))]
    right = {1, 2, 3}

    def line(values: tuple[str, ...]) -> str:
        return "  ".join(
            v.rjust(w) if i in right else v.ljust(w)
            for i, (v, w) in enumerate(zip(values, widths, strict=True))
        ).rstrip()

    lines.append(line(COLUMNS))
    lines.append("-" * len(lines[0]))
    group = None
    for r, c in zip(rows, cells, strict=True):
        if group is not None and r.bench != group:
            lines.append("")
        group = r.bench
        lines.append(line(c))
    floors = [(r.figure, r.floor_label) for r in rows if r.floor_label]
    if floors:
        lines.append("")
        lines.append("floors:")
        seen = set()
        for figure, label in floors:
            if label not in seen:
                seen.add(label)
                lines.append(f"  {figure}: {label}")
    notes = [(r.figure, r.note) for r in rows if r.note]
    if notes:
        lines.append("notes:")
        lines.extend(f"  {figure}: {note}" for figure, note in notes)
    return "\n".join(lines)


def machine() -> dict[str, Any]:
    load = os.getloadavg()
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "load_average": [round(x, 2) for x in load],
    }


def write_json(path: Path, rows: list[Row], meta: dict[str, Any]) -> None:
    payload = {"meta": meta, "rows": [r.as_dict() for r in rows]}
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=2, default=str) + "\n")
