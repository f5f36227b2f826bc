"""Fast draws from a seeded random.Random: one `random()` call each.

`Random.randint`/`choice` cost several times more than `random()`, which matters
when the demo draws tens of millions of numbers. Same seed, same draws."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


def below(rng: random.Random, n: int) -> int:
    """0 <= k < n."""
    return int(rng.random() * n)


def between(rng: random.Random, low: int, high: int) -> int:
    """low <= k <= high."""
    return low + int(rng.random() * (high - low + 1))


def pick(rng: random.Random, items: Sequence[T]) -> T:
    return items[int(rng.random() * len(items))]
