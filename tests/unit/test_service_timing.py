"""限时服务 rules: limits from settings, durations and averages."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gasdesk.domain.service_quality import format_rate, satisfaction_rate
from gasdesk.domain.service_timing import (
    DEFAULT_LIMIT_SECONDS,
    TimingRules,
    average_seconds,
    format_duration,
    rules_from_settings,
)


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


def test_settings_values_are_read_from_text():
    rules, problems = rules_from_settings("240", 5, "90")
    assert problems == []
    assert (rules.limit_seconds, rules.wait_prompt_seconds, rules.rating_linger_seconds) == (
        240,
        5,
        90,
    )


@pytest.mark.parametrize("bad", ["abc", "-5", "5", "99999", "3.5", True, 1.5])
def test_bad_limit_is_reported_and_default_kept(bad):
    rules, problems = rules_from_settings(bad, None, None)
    assert rules.limit_seconds == DEFAULT_LIMIT_SECONDS
    assert len(problems) == 1 and "service/limit_seconds" in problems[0].message


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
