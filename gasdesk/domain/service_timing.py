"""限时服务: how long a service may take, and when the counter prompts the teller.

A service runs from the moment a customer is selected to the end of their service
(farewell, or the customer cleared). Past `limit_seconds` the counter prompts the
apology 对不起，让您久等了; a search or print that keeps the counter busy longer than
`wait_prompt_seconds` prompts 请您稍等.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from gasdesk.domain.text import QT_TRANSLATE_NOOP, UserError

DEFAULT_LIMIT_SECONDS = 300
LIMIT_RANGE = (30, 3600)
DEFAULT_WAIT_PROMPT_SECONDS = 3
WAIT_PROMPT_RANGE = (1, 60)
DEFAULT_RATING_LINGER_SECONDS = 60
RATING_LINGER_RANGE = (5, 600)


class TimingSettingError(UserError, ValueError):
    """A timing setting that is not a whole number of seconds in its range."""


def parse_seconds(value: Any, setting: str, low: int, high: int) -> int:
    """A whole number of seconds within [low, high] from a setting (int or text); the
    refusal names the setting (gasdesk.settings declares the keys)."""
    number: int | None = None
    if isinstance(value, str) and value.strip().isdigit():
        number = int(value.strip())
    elif isinstance(value, int) and not isinstance(value, bool):
        number = value
    if number is None or not low <= number <= high:
        raise TimingSettingError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "{setting} must be a whole number of seconds from {low} to {high}, not '{value}'.",
            ),
            setting=setting,
            low=low,
            high=high,
            value=value,
        )
    return number


@dataclass(frozen=True)
class TimingRules:
    limit_seconds: int = DEFAULT_LIMIT_SECONDS
    wait_prompt_seconds: int = DEFAULT_WAIT_PROMPT_SECONDS
    rating_linger_seconds: int = DEFAULT_RATING_LINGER_SECONDS

    def __post_init__(self) -> None:
        parse_seconds(self.limit_seconds, "limit_seconds", *LIMIT_RANGE)
        parse_seconds(self.wait_prompt_seconds, "wait_prompt_seconds", *WAIT_PROMPT_RANGE)
        parse_seconds(self.rating_linger_seconds, "rating_linger_seconds", *RATING_LINGER_RANGE)

    def is_over(self, elapsed_seconds: float) -> bool:
        """True once the service has run past the limit."""
        return elapsed_seconds > self.limit_seconds

    def remaining(self, elapsed_seconds: float) -> int:
        return max(0, self.limit_seconds - int(elapsed_seconds))

    def prompt_wait(self, busy_seconds: float) -> bool:
        return busy_seconds >= self.wait_prompt_seconds


def format_duration(seconds: float) -> str:
    """125 -> '02:05'; 3725 -> '1:02:05'. Negative durations show as zero."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def average_seconds(durations: Iterable[int]) -> int | None:
    """Mean of whole-second durations, rounded half up; None for no durations."""
    values = list(durations)
    if not values:
        return None
    mean = Decimal(sum(values)) / Decimal(len(values))
    return int(mean.quantize(Decimal(1), rounding=ROUND_HALF_UP))
