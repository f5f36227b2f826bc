"""The phrase book: the shipped file, validation, and choosing what to say."""

from __future__ import annotations

import tomllib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gasdesk.domain.money import format_yuan
from gasdesk.domain.phrases import (
    MOMENTS,
    REQUIRED_MOMENTS,
    PhraseFileError,
    builtin_book,
    for_phrase,
    load_phrases,
    parse_phrases,
    select,
)
from gasdesk.domain.phrases_builtin import BUILTIN_PHRASES
from gasdesk.resources import resource_file

SHIPPED = resource_file("phrases.toml")


def shipped_data() -> dict:
    with SHIPPED.open("rb") as fh:
        return tomllib.load(fh)


def test_shipped_file_loads_without_problems():
    result = load_phrases(SHIPPED)
    assert result.ok, result.problem_texts
    assert result.source == str(SHIPPED)


def test_shipped_file_has_the_service_code_phrases():
    book = load_phrases(SHIPPED).book
    basic = book.group("basic")
    tactful = book.group("tactful")
    assert [p.number for p in basic] == list(range(1, 13))
    assert [p.number for p in tactful] == [1, 2, 3, 4]
    texts = {p.text for p in book.phrases}
    for expected in (
        "您好，欢迎您的光临",
        "请您稍等",
        "对不起，让您久等了",
        "不用客气",
        "再见，欢迎下次再来",
        "我会……",
        "我理解……",
        "你能……吗",
        "我能做到的是……",
    ):
        assert expected in texts
    assert all(p.gloss and p.moments for p in book.phrases)


def test_builtin_copy_is_identical_to_the_shipped_file():
    assert [dict(p) for p in BUILTIN_PHRASES] == shipped_data()["phrase"]
    assert builtin_book() == load_phrases(SHIPPED).book


@pytest.mark.parametrize(
    ("moment", "params", "text"),
    [
        ("customer_selected", {"name": "张三"}, "您好，欢迎您的光临"),
        ("waiting", {}, "请您稍等"),
        ("served_after_wait", {}, "对不起，让您久等了"),
        ("overtime", {}, "对不起，让您久等了"),
        ("committed", {"receipt": "MS-2026-000001"}, "多谢您的支持"),
        ("refusal", {"message": "账户已停用"}, "很抱歉，我能做到的是……"),
        ("thanks", {}, "不用客气"),
        ("customer_apology", {}, "没有什么"),
        ("listening", {}, "听明白了，我会……"),
        ("farewell", {}, "再见，欢迎下次再来"),
    ],
)
def test_select_says_the_phrase_for_each_moment(moment, params, text):
    sel = select(builtin_book(), moment, params)
    assert sel is not None
    assert sel.text == text


def test_readback_fills_in_the_amounts():
    sel = select(
        builtin_book(), "readback", {"due_fen": 12850, "received_fen": 20000, "change_fen": 7150}
    )
    assert sel is not None and sel.ids == ("readback_change",)
    assert sel.text == "您应缴128.50元，收您200.00元，找您71.50元，请收好"


def test_readback_without_change_says_so():
    sel = select(
        builtin_book(), "readback", {"due_fen": 5000, "received_fen": 5000, "change_fen": 0}
    )
    assert sel is not None and sel.ids == ("readback_exact",)
    assert sel.text == "您应缴50.00元，收您50.00元，正好，不用找零"


@pytest.mark.parametrize("method", ["wechat", "alipay", "card", "balance"])
def test_readback_of_a_non_cash_payment(method):
    params = {"due_fen": 12850, "received_fen": 12850, "change_fen": 0, "method": method}
    sel = select(builtin_book(), "readback", params)
    assert sel is not None and sel.ids == ("readback_non_cash",)
    assert sel.text == "您应缴128.50元，已收您128.50元，请您核对"


def test_cash_named_explicitly_is_cash():
    params = {"due_fen": 100, "received_fen": 100, "change_fen": 0, "method": "cash"}
    assert select(builtin_book(), "readback", params).ids == ("readback_exact",)


def test_readback_without_amounts_selects_nothing():
    assert select(builtin_book(), "readback", {}) is None
    assert (
        select(builtin_book(), "readback", {"due_fen": 1.5, "received_fen": 2, "change_fen": 0})
        is None
    )


def test_unknown_moment_selects_nothing():
    assert select(builtin_book(), "no_such_moment", {}) is None


def test_picked_template_without_amounts_shows_dots_for_them():
    phrase = builtin_book().get("readback_change")
    assert for_phrase(phrase).text == "您应缴…元，收您…元，找您…元，请收好"
    params = {"due_fen": 100, "received_fen": 200, "change_fen": 100}
    assert for_phrase(phrase, params).text == "您应缴1.00元，收您2.00元，找您1.00元，请收好"


@given(
    due=st.integers(min_value=0, max_value=10**9),
    extra=st.integers(min_value=0, max_value=10**7),
)
def test_readback_amounts_are_exactly_the_formatted_fen(due, extra):
    params = {"due_fen": due, "received_fen": due + extra, "change_fen": extra}
    sel = select(builtin_book(), "readback", params)
    assert sel is not None
    assert f"应缴{format_yuan(due)}元" in sel.text
    assert f"收您{format_yuan(due + extra)}元" in sel.text
    assert (f"找您{format_yuan(extra)}元" in sel.text) == (extra > 0)
    assert ("不用找零" in sel.text) == (extra == 0)


def write(tmp_path, text: str):
    path = tmp_path / "phrases.toml"
    path.write_text(text, encoding="utf-8")
    return path


def with_edit(tmp_path, old: str, new: str):
    text = SHIPPED.read_text(encoding="utf-8")
    assert old in text
    return write(tmp_path, text.replace(old, new, 1))


def test_missing_tag_is_reported_and_builtin_kept(tmp_path):
    path = with_edit(tmp_path, 'moments = ["thanks"]\n', "")
    result = load_phrases(path)
    assert not result.ok
    assert result.source == "built-in"
    assert result.book == builtin_book()
    assert any("you_are_welcome" in p and "missing moment tags" in p for p in result.problem_texts)


def test_duplicate_id_is_reported_and_builtin_kept(tmp_path):
    path = with_edit(tmp_path, 'id = "farewell"', 'id = "greeting"')
    result = load_phrases(path)
    assert result.source == "built-in"
    assert any("duplicate id" in p and "greeting" in p for p in result.problem_texts)
    assert select(result.book, "farewell", {}).text == "再见，欢迎下次再来"


def test_edited_wording_is_used(tmp_path):
    path = with_edit(tmp_path, 'text = "不用客气"', 'text = "很高兴为您服务"')
    result = load_phrases(path)
    assert result.ok, result.problem_texts
    assert select(result.book, "thanks", {}).text == "很高兴为您服务"


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ('moments = ["farewell"]', 'moments = ["farwell"]', "unknown moment 'farwell'"),
        ('moments = ["farewell"]', 'moment = ["farewell"]', "unknown field 'moment'"),
        ("找您{change}元", "找您{chnage}元", "unknown placeholder {chnage}"),
        ("找您{change}元", "找您{change:.2f}元", "must not carry a format"),
        ("找您{change}元", "找您{change元", "stray brace"),
        ('group = "tactful"', 'group = "polite"', "group must be one of"),
        ('gloss = "Goodbye, please come again."', "", "missing English gloss"),
        ('when = "no_change"', 'when = "sometimes"', "when must be one of"),
        ('when = "no_change"', 'when = "change"', "No phrase for the moment 'readback'"),
        ('moments = ["customer_selected"]', 'moments = ["listening"]', "'customer_selected'"),
    ],
)
def test_mistakes_are_reported(tmp_path, old, new, problem):
    result = load_phrases(with_edit(tmp_path, old, new))
    assert result.source == "built-in"
    assert any(problem in p for p in result.problem_texts), result.problems


def test_unreadable_files_fall_back(tmp_path):
    missing = load_phrases(tmp_path / "nope.toml")
    assert missing.source == "built-in" and "does not exist" in missing.problem_texts[0]
    broken = load_phrases(write(tmp_path, "[[phrase]\nid = 1"))
    assert "not valid TOML" in broken.problem_texts[0]
    empty = load_phrases(write(tmp_path, "# nothing\n"))
    assert "no [[phrase]] entries" in empty.problem_texts[0]
    binary = tmp_path / "bin.toml"
    binary.write_bytes(b"\xff\xfe\x00")
    assert load_phrases(binary).source == "built-in"


def test_no_file_configured_is_the_builtin_book_without_complaint():
    result = load_phrases(None)
    assert result.ok and result.source == "built-in"


def test_parse_lists_every_mistake_at_once():
    with pytest.raises(PhraseFileError) as info:
        parse_phrases({"phrase": [{"id": "Bad Id"}, {"id": "x", "group": "basic"}]})
    assert len(info.value.problems) >= 4


def test_required_moments_are_known_moments():
    assert set(REQUIRED_MOMENTS) <= set(MOMENTS)
