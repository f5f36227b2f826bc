"""Customer search against a real database: every kind, any input, index upkeep."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gasdesk.domain.search import Field
from gasdesk.services.accounts import find_accounts
from gasdesk.services.search import index_account, rebuild_search_index, search_accounts
from gasdesk.storage.db import write_transaction
from gasdesk.storage.migrations import MIGRATIONS
from gasdesk.storage.models import Account, Meter, db
from gasdesk.storage.models_search import SearchGram
from tests.lookup_data import LookupData, lookup_db

__all__ = ["lookup_db"]


def names(text: str) -> list[str]:
    return [h.account.name for h in search_accounts(text)]


def test_account_number_prefix(lookup_db: LookupData) -> None:
    hits = search_accounts("3302")
    assert [h.account.number for h in hits] == ["3302000010", "3302000011"]
    assert hits[0].kind is Field.NUMBER
    assert hits[0].spans(Field.NUMBER) == [(0, 4)]


def test_meter_number_prefix_in_any_case(lookup_db: LookupData) -> None:
    hits = search_accounts("wc2301000")
    assert {h.account.name for h in hits} == {"解小东", "仇英", "区志坚", "查良镛", "朴树"}
    assert all(h.kind is Field.METER for h in hits)


def test_a_removed_meter_still_finds_its_account(lookup_db: LookupData) -> None:
    (hit,) = search_accounts(lookup_db.old_meter)
    assert hit.account.name == "张三"
    assert hit.matched_meter == lookup_db.old_meter
    assert hit.account.meter_number == lookup_db.new_meter


def test_mobile_digits_anywhere_in_the_number(lookup_db: LookupData) -> None:
    (hit,) = search_accounts("5678")
    assert hit.account.name == "单田芳"
    assert hit.kind is Field.PHONE
    assert hit.spans(Field.PHONE) == [(7, 11)]
    assert names("０５３３５６") == ["单田芳"]  # full-width digits


def test_three_digits_are_not_a_phone_search(lookup_db: LookupData) -> None:
    assert names("567") == []


def test_two_character_name(lookup_db: LookupData) -> None:
    hits = search_accounts("张三")
    assert [h.account.name for h in hits] == ["张三", "张三丰", "王小明"]
    assert hits[0].kind is Field.NAME and hits[0].spans(Field.NAME) == [(0, 2)]
    assert hits[2].kind is Field.ADDRESS  # 萌水镇张三村: found, listed after the names


def test_single_character_finds_surnames(lookup_db: LookupData) -> None:
    assert names("张") == ["张三", "张三丰"]


def test_address_fragments_are_all_required(lookup_db: LookupData) -> None:
    assert names("金泉小区 3号楼") == ["张三", "解小东", "李四"]
    assert names("金泉小区 3号楼 2单元") == ["张三", "李四"]
    assert names("3号楼 金泉小区 502") == ["李四"]
    hit = search_accounts("金泉小区 3号楼")[0]
    assert hit.spans(Field.ADDRESS) == [(3, 7), (7, 10)]


@pytest.mark.parametrize(
    ("letters", "name"),
    [
        ("zs", "张三"),
        ("zgf", "曾国藩"),
        ("stf", "单田芳"),
        ("xxd", "解小东"),
        ("qy", "仇英"),
        ("ozj", "区志坚"),
        ("zly", "查良镛"),
        ("ps", "朴树"),
    ],
)
def test_pinyin_initials_with_surname_readings(
    lookup_db: LookupData, letters: str, name: str
) -> None:
    hits = search_accounts(letters)
    assert hits and hits[0].account.name == name
    assert hits[0].kind is Field.INITIALS


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "%",
        "_",
        "\\",
        "' OR 1=1 --",
        "'; DROP TABLE account; --",
        "😀😀",
        "张" * 5000,
        "\x00",
        "\ud800",
        "ｚｓ",
    ],
)
def test_hostile_or_odd_input_gives_a_list(lookup_db: LookupData, text: str) -> None:
    assert isinstance(search_accounts(text), list)
    assert Account.select().count() == 11


def test_wildcards_are_literal(lookup_db: LookupData) -> None:
    assert search_accounts("%") == []
    assert search_accounts("金泉%") == []


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.text(max_size=300)
    | st.from_regex(r"[0-9０-９\- ]{0,20}", fullmatch=True)
    | st.sampled_from(["张三", "zs", "金泉 3号", "1380"])
)
def test_any_input_returns_results_or_none(lookup_db: LookupData, text: str) -> None:
    hits = search_accounts(text)
    assert len(hits) <= 50
    assert len({h.account.id for h in hits}) == len(hits)


def test_limit_caps_the_page(lookup_db: LookupData) -> None:
    assert len(search_accounts("33", limit=3)) == 3
    assert len(search_accounts("33", limit="x")) == 11  # type: ignore[arg-type]


def test_find_accounts_gives_the_customer_bar_every_kind(lookup_db: LookupData) -> None:
    assert [a.name for a in find_accounts("zgf")] == ["曾国藩"]
    assert [a.name for a in find_accounts("金泉小区 8号楼")] == ["查良镛"]
    assert [a.name for a in find_accounts("9876")] == ["张三丰"]
    assert find_accounts("3301000003")[0].meter_number == "MS23010003"


def test_index_follows_a_change_of_name_address_and_phone(lookup_db: LookupData) -> None:
    account_id = lookup_db.accounts["李四"]
    with write_transaction():
        Account.update(name="赵六", address="萌水镇北村9号", phone="13912345678").where(
            Account.id == account_id
        ).execute()
        index_account(account_id)
    assert names("李四") == []
    assert names("金泉小区 502") == []
    assert names("赵六") == ["赵六"]
    assert names("北村") == ["赵六"]
    assert names("1234567") == ["赵六"]
    assert names("zl") == ["赵六", "查良镛"]  # exact initials first, then longer ones


def test_a_new_account_is_found_once_indexed(lookup_db: LookupData) -> None:
    with write_transaction():
        a = Account.create(
            number="3309000001",
            name="周芳",
            phone="13000000001",
            address="王村镇新村1号",
            office=lookup_db.office_id,
        )
        Meter.create(
            number="WC99", account=a, kind="ic_card", model="IC", installed_on=dt.date(2026, 1, 1)
        )
        index_account(a.id)
    assert names("周芳") == ["周芳"]
    assert names("zf") == ["周芳"]
    assert search_accounts("周芳")[0].account.meter_kind == "ic_card"


def test_rebuild_matches_incremental_indexing(lookup_db: LookupData) -> None:
    before = sorted(SearchGram.select(SearchGram.gram, SearchGram.account).tuples())
    assert rebuild_search_index() == len(before)
    after = sorted(SearchGram.select(SearchGram.gram, SearchGram.account).tuples())
    assert before == after


def test_migration_indexes_accounts_that_existed_before(lookup_db: LookupData) -> None:
    with write_transaction():
        db.execute_sql("DROP TABLE search_gram")
        Account.update(initials="").execute()
    migration = {number: apply for number, _, apply in MIGRATIONS}[20]
    with write_transaction():
        migration(db.obj)
    assert names("zgf") == ["曾国藩"]
    assert names("张三") == ["张三", "张三丰", "王小明"]
