"""The search, the account view and a reported reading on PostgreSQL: the same
peewee-built SQL as on SQLite. Needs GASDESK_TEST_PG_URL (a throw-away database)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from gasdesk.domain.readings import ReadingRefused
from gasdesk.services.account_view import load_account_view
from gasdesk.services.reported_readings import report_reading
from gasdesk.services.search import rebuild_search_index, search_accounts
from gasdesk.storage.models import db
from tests.lookup_data import TODAY, LookupData, build_lookup_data

pytestmark = pytest.mark.postgres
PG_URL = os.environ.get("GASDESK_TEST_PG_URL", "")


@pytest.fixture
def pg_lookup(tmp_path: Path) -> Iterator[LookupData]:
    if not PG_URL:
        pytest.skip("GASDESK_TEST_PG_URL is not set")
    data = build_lookup_data(tmp_path, url=PG_URL)
    yield data
    db.close()


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("3302", ["李四", "王小明"]),
        ("3301000009", ["朴树"]),  # ends in 9: the range bound '330100000:' needs byte order
        ("wc2301000", ["解小东", "仇英", "区志坚", "查良镛", "朴树"]),
        ("5678", ["单田芳"]),
        ("张三", ["张三", "张三丰", "王小明"]),
        ("张", ["张三", "张三丰"]),
        ("金泉小区 3号楼", ["张三", "解小东", "李四"]),
        ("zgf", ["曾国藩"]),
        ("%", []),
        ("' OR 1=1 --", []),
        ("金泉\\", []),
    ],
)
def test_every_search_kind_on_postgres(pg_lookup: LookupData, text: str, names: list[str]) -> None:
    assert [h.account.name for h in search_accounts(text)] == names


def test_rebuild_and_account_view_on_postgres(pg_lookup: LookupData) -> None:
    assert rebuild_search_index() > 0
    view = load_account_view(pg_lookup.history_account)
    assert view is not None
    assert view.arrears_fen == 6_300
    assert len(view.readings) == 27


def test_reported_reading_on_postgres(pg_lookup: LookupData) -> None:
    with pytest.raises(ReadingRefused):
        report_reading(
            pg_lookup.history_account,
            "63.999",
            staff_id=pg_lookup.staff_id,
            office_id=pg_lookup.office_id,
            today=TODAY,
        )
    recorded = report_reading(
        pg_lookup.history_account,
        "82.5",
        staff_id=pg_lookup.staff_id,
        office_id=pg_lookup.office_id,
        today=TODAY,
    )
    assert recorded.volume_l == 18_500
