"""Price changes: a tariff version added from its effective date prices gas across
that date by days, never reprices what is billed, and refuses a bad file with nothing
changed; a large household gets larger tier bounds."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest

from gasdesk.domain.errors import TellerError
from gasdesk.domain.fees import PaymentRequest
from gasdesk.domain.tariff import HouseholdRule, Tariff, TariffError, Tier, bill_period
from gasdesk.domain.tariff_file import read_spec
from gasdesk.services import billing, households, purchases, tariff_admin
from gasdesk.services.payments import collect_payment
from gasdesk.storage.models import Account, AuditEvent, Bill, Reading, TariffTier, TariffVersion
from gasdesk.storage.models_household import HouseholdSizeChange
from tests import fees_support, pg_support
from tests.fees_support import TODAY, FeeData, ic_card

fee_data = fees_support.fee_data_backends
pg_url = pg_support.pg_url
D = dt.date
M3 = 1000


def spec(effective: str, prices: tuple[int, int, int], **extra: object):  # type: ignore[no-untyped-def]
    data: dict[str, object] = {
        "name": f"居民阶梯气价（{effective}起）",
        "user_type": "residential",
        "effective_from": effective,
        "source": "淄发改价格〔2026〕1号",
        "tier": [
            {"upper_m3": 400, "price_fen": prices[0]},
            {"upper_m3": 600, "price_fen": prices[1]},
            {"price_fen": prices[2]},
        ],
    }
    data.update(extra)
    return read_spec(data)


def lines(view) -> list[tuple[int, int, int, int, dt.date, dt.date]]:  # type: ignore[no-untyped-def]
    return [
        (ln.tier, ln.volume_l, ln.price_fen, ln.amount_fen, ln.start, ln.end) for ln in view.lines
    ]


def table_counts() -> dict[str, int]:
    return {
        "version": TariffVersion.select().count(),
        "tier": TariffTier.select().count(),
        "audit": AuditEvent.select().count(),
        "bill": Bill.select().count(),
    }


def test_a_version_added_from_a_date_prices_the_bill_across_it_by_days(fee_data: FeeData) -> None:
    house = fee_data.house.id
    # meter installed 5 Jan at 100 m³, read 5 Mar at 156 m³: 56 m³ over 59 days
    assert lines(billing.statement(house, TODAY).bills[0]) == [
        (1, 56 * M3, 300, 168_00, D(2026, 1, 5), D(2026, 3, 5))
    ]
    info = tariff_admin.add_tariff(spec("2026-02-01", (330, 396, 495)))
    assert info.tariff.effective_from == D(2026, 2, 1)

    (bill,) = billing.statement(house, TODAY).bills
    # 27 days before 1 Feb and 32 after: 56,000 L x 27/59 = 25,627.1 and x 32/59 =
    # 30,372.9; the litre left over goes to the larger remainder (the second part)
    assert lines(bill) == [
        (1, 25_627, 300, 76_88, D(2026, 1, 5), D(2026, 2, 1)),
        (1, 30_373, 330, 100_23, D(2026, 2, 1), D(2026, 3, 5)),
    ]
    assert bill.amount_fen == 177_11

    request = PaymentRequest(
        house, fee_data.teller.id, fee_data.counter.id, "bill", "cash", 177_11,
        str(uuid.uuid4()), 200_00,
    )  # fmt: skip
    collect_payment(request, today=TODAY)
    stored = Bill.get()
    assert stored.amount_fen == 177_11

    # the bill runs to 5 Mar: a version from 1 Mar would reprice billed gas
    before = table_counts()
    with pytest.raises(TariffError) as refused:
        tariff_admin.add_tariff(spec("2026-03-01", (350, 420, 525)))
    assert refused.value.code == "tariff_before_billed"
    assert refused.value.params["earliest"] == "2026-03-05"
    assert table_counts() == before
    # from the bill's end it is accepted, and the billed gas keeps its price
    tariff_admin.add_tariff(spec("2026-03-05", (350, 420, 525)))
    assert Bill.get().lines_json == stored.lines_json
    assert billing.statement(house, TODAY).due_fen == 0


def test_a_household_of_six_gets_the_larger_tier_bounds(fee_data: FeeData) -> None:
    d = fee_data
    rule = {"base_persons": 4, "extra_m3_per_person": 100}
    tariff_admin.add_tariff(spec("2026-01-01", (300, 360, 450), household=rule))
    # a second reading: 500 m³ more by 8 Mar, after the 56 m³ to 5 Mar
    meter = d.house.meters.get()
    Reading.create(
        meter=meter, account=d.house, read_on=D(2026, 3, 8), value_l=656 * M3, source="reader"
    )
    four = [lines(b) for b in billing.statement(d.house.id, TODAY).bills]
    assert [ln[:3] for ln in four[1]] == [(1, 344 * M3, 300), (2, 156 * M3, 360)]

    change = households.set_household_size(d.house.id, "6", staff_id=d.teller.id, form_number="F1")
    assert (change.old_size, change.new_size) == (None, 6)
    six = [lines(b) for b in billing.statement(d.house.id, TODAY).bills]
    # bounds 600 and 800 m³ for six people: 556 m³ in the year stays in tier 1
    assert [ln[:3] for ln in six[1]] == [(1, 500 * M3, 300)]
    assert Account.get_by_id(d.house.id).household_size == 6


def test_household_rule_in_the_domain() -> None:
    rule = HouseholdRule(4, 100)
    t = Tariff("t", D(2026, 1, 1), (Tier(400, 300), Tier(600, 360), Tier(None, 450)), rule)
    assert t.for_household(None) is t and t.for_household(4) is t and t.for_household(2) is t
    assert [x.upper_m3 for x in t.for_household(6).tiers] == [600, 800, None]
    c = bill_period(50 * M3, D(2026, 9, 1), D(2026, 10, 1), [t], ytd_l=380 * M3, household_size=5)
    assert [(ln.tier, ln.volume_l) for ln in c.lines] == [(1, 50 * M3)]
    with pytest.raises(TariffError):
        Tariff("t", D(2026, 1, 1), (Tier(None, 300),), HouseholdRule(0, 100))


def test_an_ic_card_purchase_uses_the_household_bounds(fee_data: FeeData) -> None:
    d = fee_data
    rule = {"base_persons": 4, "extra_m3_per_person": 100}
    tariff_admin.add_tariff(spec("2026-01-01", (300, 360, 450), household=rule))
    quote = purchases.quote_purchase(d.ic.id, volume_l=450 * M3, today=TODAY)
    assert [(ln.tier, ln.volume_l) for ln in quote.lines] == [(1, 400 * M3), (2, 50 * M3)]
    households.set_household_size(d.ic.id, 5)
    quote = purchases.quote_purchase(d.ic.id, volume_l=450 * M3, today=TODAY)
    assert [(ln.tier, ln.volume_l) for ln in quote.lines] == [(1, 450 * M3)]


def test_household_size_changes_keep_their_history_and_refuse_bad_values(
    fee_data: FeeData,
) -> None:
    d = fee_data
    households.set_household_size(d.house.id, 5, staff_id=d.teller.id, reason="添丁")
    households.set_household_size(d.house.id, "６人", staff_id=d.teller.id, form_number="F2")
    history = households.household_history(d.house.id)
    assert [(h.old_size, h.new_size, h.staff_badge) for h in history] == [
        (None, 5, "MS01"),
        (5, 6, "MS01"),
    ]
    events = AuditEvent.select().where(AuditEvent.kind == "household_size_changed").count()
    assert events == 2
    before = (HouseholdSizeChange.select().count(), AuditEvent.select().count())
    for bad in (0, 31, "abc", "", "4.5", True):
        with pytest.raises(TellerError) as refused:
            households.set_household_size(d.house.id, bad)  # type: ignore[arg-type]
        assert refused.value.code == "household_size"
    with pytest.raises(TellerError) as same:
        households.set_household_size(d.house.id, 6)
    assert same.value.code == "household_unchanged"
    Account.update(status="closed").where(Account.id == d.prepay.id).execute()
    with pytest.raises(TellerError) as closed:
        households.set_household_size(d.prepay.id, 3)
    assert closed.value.code == "account_closed"
    assert (HouseholdSizeChange.select().count(), AuditEvent.select().count()) == before
    assert Account.get_by_id(d.house.id).household_size == 6


def test_two_versions_cannot_start_on_one_day_nor_before_gas_sold(fee_data: FeeData) -> None:
    d = fee_data
    with pytest.raises(TariffError) as same:
        tariff_admin.add_tariff(spec("2024-01-01", (300, 360, 450)))
    assert same.value.code == "tariff_same_day"
    quote = purchases.quote_purchase(d.ic.id, volume_l=20 * M3, today=TODAY)
    request = PaymentRequest(
        d.ic.id, d.teller.id, d.counter.id, "purchase", "cash", quote.amount_fen,
        str(uuid.uuid4()), quote.amount_fen, volume_l=20 * M3, card=ic_card(),
    )  # fmt: skip
    collect_payment(request, today=TODAY)
    before = table_counts()
    with pytest.raises(TariffError) as sold:
        tariff_admin.add_tariff(spec(TODAY.isoformat(), (330, 396, 495)))
    assert sold.value.code == "tariff_before_billed"
    assert sold.value.params["earliest"] == (TODAY + dt.timedelta(days=1)).isoformat()
    assert table_counts() == before


BAD_FILES = {
    "no tiers": (
        "name = 'x'\nuser_type = 'residential'\neffective_from = 2027-01-01\n",
        "tariff_no_tiers",
    ),
    "decreasing bounds": (
        "name = 'x'\nuser_type = '居民'\neffective_from = 2027-01-01\n"
        "[[tier]]\nupper_m3 = 600\nprice_fen = 300\n[[tier]]\nupper_m3 = 400\nprice_fen = 360\n"
        "[[tier]]\nprice_fen = 450\n",
        "tariff_bounds_decrease",
    ),
    "negative price": (
        "name = 'x'\nuser_type = 'residential'\neffective_from = 2027-01-01\n"
        "[[tier]]\nupper_m3 = 400\nprice_yuan = '-3.00'\n[[tier]]\nprice_fen = 450\n",
        "tariff_price_negative",
    ),
    "open middle tier": (
        "name = 'x'\nuser_type = 'residential'\neffective_from = 2027-01-01\n"
        "[[tier]]\nprice_fen = 300\n[[tier]]\nprice_fen = 450\n",
        "tariff_open_tier",
    ),
    "bounded last tier": (
        "name = 'x'\nuser_type = 'residential'\neffective_from = 2027-01-01\n"
        "[[tier]]\nupper_m3 = 400\nprice_fen = 300\n",
        "tariff_last_bounded",
    ),
    "no date": (
        "name = 'x'\nuser_type = 'residential'\n[[tier]]\nprice_fen = 300\n",
        "tariff_missing",
    ),
    "bad date": (
        "name = 'x'\nuser_type = 'residential'\neffective_from = '2027-02-30'\n"
        "[[tier]]\nprice_fen = 300\n",
        "tariff_date",
    ),
    "unknown user type": (
        "name = 'x'\nuser_type = 'industrial'\neffective_from = 2027-01-01\n[[tier]]\nprice_fen = 300\n",
        "tariff_user_type",
    ),
    "typo in a key": (
        "name = 'x'\nuser_type = 'residential'\neffective_from = 2027-01-01\n"
        "[[tier]]\nprise_fen = 300\n",
        "tariff_unknown_key",
    ),
    "three decimals": (
        "name = 'x'\nuser_type = 'residential'\neffective_from = 2027-01-01\n"
        "[[tier]]\nprice_yuan = '3.005'\n",
        "tariff_price_invalid",
    ),
    "bad household": (
        "name = 'x'\nuser_type = 'residential'\neffective_from = 2027-01-01\n"
        "[household]\nbase_persons = 0\nextra_m3_per_person = 100\n[[tier]]\nprice_fen = 300\n",
        "tariff_household_invalid",
    ),
    "not toml": ("name = 居民\n", "tariff_file_syntax"),
    "before the billed gas": (  # the demo data set bills gas up to November 2026
        "name = 'x'\nuser_type = 'residential'\neffective_from = 2025-01-01\n[[tier]]\nprice_fen = 300\n",
        "tariff_before_billed",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_tariff_files_are_refused_in_chinese_and_change_nothing(
    name: str,
    database: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from gasdesk.cli_admin import run_tariff
    from gasdesk.storage.db import open_database
    from gasdesk.storage.models import db

    before = table_counts()
    db.close()
    text, code = BAD_FILES[name]
    path = tmp_path / "price.toml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    assert run_tariff(["--db", str(database), "add", str(path)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("gasdesk: ") and len(err.splitlines()) == 1
    open_database(database)
    assert table_counts() == before
    with pytest.raises(TariffError) as refused:
        tariff_admin.add_tariff(tariff_admin.read_tariff_file(path))
    assert refused.value.code == code
    # the Chinese of the refusal's own message (file keys such as price_fen stay)
    assert err != f"gasdesk: {refused.value.message}"
    assert sum("\u4e00" <= ch <= "\u9fff" for ch in err) >= 6, err
    assert table_counts() == before


def test_the_command_adds_a_version_and_lists_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from gasdesk.cli_admin import run_tariff
    from gasdesk.storage.db import open_database
    from gasdesk.storage.models import db

    data = fees_support.make_fee_db(tmp_path)
    db.close()
    path = tmp_path / "price.toml"
    path.write_text(
        "name = '居民阶梯气价（2027年）'\nuser_type = '居民'\neffective_from = 2027-01-01\n"
        "source = '淄发改价格〔2026〕9号'\n[household]\nbase_persons = 4\nextra_m3_per_person = 80\n"
        "[[tier]]\nupper_m3 = 400\nprice_yuan = '3.15'\n[[tier]]\nupper_m3 = 600\n"
        "price_yuan = '3.78'\n[[tier]]\nprice_yuan = '4.73'\n",
        encoding="utf-8-sig",
    )
    args = ["--db", str(data.db_path), "--key", str(tmp_path / "audit.key")]
    assert run_tariff([*args, "add", str(path)]) == 0
    assert "2027-01-01" in capsys.readouterr().out
    assert run_tariff([*args, "list"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[-1].startswith("2027-01-01  居民  居民阶梯气价（2027年）")
    assert ">4: +80 m³" in listed[-1] and "4.73" in listed[-1]
    open_database(data.db_path, key_path=tmp_path / "audit.key")
    version = TariffVersion.get(TariffVersion.effective_from == D(2027, 1, 1))
    assert (version.household_base, version.household_extra_m3) == (4, 80)
    assert [t.price_fen for t in version.tiers.order_by(TariffTier.seq)] == [315, 378, 473]
    assert AuditEvent.get(AuditEvent.kind == "tariff_added").staff_id is None
    db.close()
