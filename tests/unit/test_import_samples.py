"""The sample files shipped in resources/ import cleanly into a new office's database
and bill at the counter; the README's column tables name every column the import
reads, by its Chinese header and its English alias."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from gasdesk.domain.import_columns import COLUMNS
from gasdesk.domain.imports import ImportOptions
from gasdesk.resources import resource_folder
from gasdesk.services import billing
from gasdesk.services.imports import import_file
from gasdesk.storage import audit_verify
from gasdesk.storage.models import Account
from tests.import_support import set_up

ROOT = Path(__file__).resolve().parents[2]  # the source checkout
RESOURCES = Path(str(resource_folder()))

OPTIONS = ImportOptions(imported_by="test", today=dt.date(2026, 11, 20))


def test_the_samples_import_and_bill(empty_database: Path) -> None:
    set_up()
    accounts = import_file("accounts", RESOURCES / "import_accounts_sample.csv", OPTIONS)
    assert (accounts.new, accounts.refusals, accounts.encoding) == (5, (), "utf-8-sig")
    readings = import_file("readings", RESOURCES / "import_readings_sample.csv", OPTIONS)
    assert (readings.new, readings.refusals) == (4, ())
    shop = Account.get(Account.number == "00120004")
    assert (shop.office.code, shop.user_type) == ("WC", "commercial")
    first = billing.statement(Account.get(Account.number == "00120001").id)
    assert [(b.volume_l, b.period_start, b.period_end) for b in first.bills] == [
        (25_320, dt.date(2025, 12, 5), dt.date(2026, 1, 5))
    ]
    assert first.due_fen == sum(line.amount_fen for line in first.bills[0].lines) > 0
    assert audit_verify.verify().ok


def test_the_readme_names_every_column() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = set(re.findall(r"^\| (\S+) \| (\S+) \|", readme, flags=re.MULTILINE))
    for kind, columns in COLUMNS.items():
        for c in columns:
            assert (c.header, c.english) in rows, (kind, c.header)
