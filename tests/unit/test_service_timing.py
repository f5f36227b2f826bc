"""限时服务 rules: limits, durations and averages (the limits' settings: test_settings.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gasdesk.domain.service_quality import format_rate, satisfaction_rate
from gasdesk.domain.service_timing import TimingRules, average_seconds, format_duration


def test_over_limit_only_after_the_limit():
    rules = TimingRules(limit_seconds=120)
    assert not rules.is_over(120)
    assert rules.is_over(121)
    assert rules.remaining(100) == 20
    assert rules.remaining(500) == 0


def test_wait_prompt():
    rules = TimingRules(wait_prompt_seconds=3)
    assert not rules.prompt_wait(2.9)
    assert rules.prompt_wait(3)


def test_rules_refuse_nonsense_directly():
    with pytest.raises(ValueError):
        TimingRules(limit_seconds=0)


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0, "00:00"), (65, "01:05"), (3599, "59:59"), (3725, "1:02:05"), (-3, "00:00")],
)
def test_format_duration(seconds, text):
    assert format_duration(seconds) == text


def test_average_rounds_half_up():
    assert average_seconds([]) is None
    assert average_seconds([1, 2]) == 2  # 1.5 -> 2
    assert average_seconds([10, 11, 11]) == 11  # 10.67 -> 11
    assert average_seconds([10, 10, 11]) == 10  # 10.33 -> 10


@given(st.lists(st.integers(min_value=0, max_value=10**6), min_size=1))
def test_average_lies_between_best_and_worst(values):
    avg = average_seconds(values)
    assert min(values) <= avg <= max(values)


def test_satisfaction_rate():
    assert satisfaction_rate(0, 0, 0) is None
    assert format_rate(None) == "—"
    rate = satisfaction_rate(150, 49, 1)
    assert format_rate(rate) == "99.5%"
    assert format_rate(satisfaction_rate(1, 1, 1)) == "66.7%"
