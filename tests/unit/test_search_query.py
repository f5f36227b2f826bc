"""What a search text means, and the grams an account is filed under (pure)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gasdesk.domain.names import initials
from gasdesk.domain.search import (
    MAX_QUERY_CHARS,
    QueryKind,
    account_grams,
    digits_spans,
    find_spans,
    normalize,
    parse_query,
    prefix_upper_bound,
    term_grams,
)


def test_full_width_digits_and_spaces_fold_to_a_digit_query() -> None:
    q = parse_query("  １３８ ０５３３－1234 ")
    assert q.kind is QueryKind.DIGITS
    assert q.text == "13805331234"


def test_letters_are_pinyin_initials_and_mixed_codes_are_numbers() -> None:
    assert parse_query("ZS").kind is QueryKind.LETTERS
    assert parse_query("zs").text == "zs"
    assert parse_query("MS2301").kind is QueryKind.CODE


def test_text_is_split_into_required_terms_without_redundant_ones() -> None:
    q = parse_query("金泉小区  3号楼 金泉")
    assert q.kind is QueryKind.TEXT
    assert q.terms == ("金泉小区", "3号楼")


def test_two_character_name_has_a_gram_of_its_own() -> None:
    assert term_grams("张三") == {"张三"}
    assert "张三" in account_grams("张三", "王村镇", "13805331234")


def test_name_and_address_grams_do_not_straddle_the_fields() -> None:
    grams = account_grams("张三", "王村", "")
    assert "三王" not in grams


def test_phone_grams_are_four_digit_windows() -> None:
    grams = account_grams("", "", "138-0533")
    assert grams == {"#1380", "#3805", "#8053", "#0533"}


def test_highlight_spans_follow_the_original_text() -> None:
    assert find_spans("王村镇金泉小区３号楼", "3号楼") == [(7, 10)]
    assert digits_spans("138-0533-1234", "05331") == [(4, 10)]


def test_prefix_upper_bound_is_just_past_the_prefix() -> None:
    assert prefix_upper_bound("3301") == "3302"
    assert prefix_upper_bound("3301") > "33019999"
    assert prefix_upper_bound("张") > "张三丰"


def test_surname_readings_reach_the_index() -> None:
    for name, expected in [
        ("曾国藩", "zgf"),
        ("单田芳", "stf"),
        ("解小东", "xxd"),
        ("仇英", "qy"),
        ("区志坚", "ozj"),
        ("查良镛", "zly"),
        ("朴树", "ps"),
    ]:
        assert initials(name) == expected


@given(st.text(max_size=2000))
def test_any_text_parses_to_a_bounded_query(text: str) -> None:
    q = parse_query(text)
    assert len(q.text) <= MAX_QUERY_CHARS
    assert q.text == q.text.strip()
    assert all(ch.isprintable() for ch in q.text)
    if q.kind is QueryKind.EMPTY:
        assert normalize(text) == ""
    for term in q.terms:
        assert term and " " not in term
