"""The demo's customers: who they are, where they live, their meters, and the habits
that drive their history (how much gas they use, how they pay)."""

from __future__ import annotations

import datetime as dt
import math
import random
from itertools import accumulate

from gasdesk.demo import addresses, names
from gasdesk.demo.bulk import BulkTable
from gasdesk.demo.calendar import MONTHS, SEASON, Timeline
from gasdesk.demo.draw import below, between, pick
from gasdesk.demo.pricing import PriceList
from gasdesk.demo.reference import Reference
from gasdesk.domain.idcard import check_digit
from gasdesk.domain.names import initials

MECHANICAL_MODELS = ("JBD2.5 膜式燃气表", "G2.5 膜式燃气表", "G1.6 膜式燃气表")
COMMERCIAL_MODELS = ("G4 膜式燃气表", "G6 膜式燃气表", "G10 膜式燃气表")
IC_MODELS = ("IC卡智能燃气表 G2.5", "IC卡智能燃气表 JBD2.5")

# Where the account holders were born (ID-card region codes around Zibo).
REGIONS = {
    "MS": (("370302", 0.45), ("370306", 0.35), ("370303", 0.1), ("370304", 0.05), ("370321", 0.05)),
    "WC": (("370306", 0.75), ("370302", 0.1), ("370303", 0.1), ("370305", 0.05)),
}

_REGION_DRAW = {
    office: ([code for code, _ in regions], list(accumulate(w for _, w in regions)))
    for office, regions in REGIONS.items()
}

COMMERCIAL_SHARE = 0.03
IC_SHARE = 0.30
ID_CARD_SHARE = 0.45
SUSPENDED_SHARE = 0.02
ARREARS_SHARE = 0.05
METER_CHANGE_SHARE = 0.015
HARD_TO_READ_SHARE = 0.08  # locked gates, absent owners: estimated readings
INSPECTED_SHARE = 0.88
RESIDENTIAL_MEDIAN_L = 250_000  # annual use; tier 1 ends at 400 m³
COMMERCIAL_MEDIAN_L = 3_000_000
COMMERCIAL_SEASON = tuple(0.5 * s + 0.5 / 12 for s in SEASON)  # kitchens burn all year


class Household:
    """One account's profile and its running state while the history is written."""

    __slots__ = (
        "account_id",
        "annual",
        "arrears_from",
        "balance_l",
        "change_day",
        "change_month",
        "commercial",
        "estimate_p",
        "estimating",
        "habit",
        "ic",
        "inspection",
        "last_read_day",
        "last_reading",
        "meter_id",
        "new_initial",
        "new_meter_id",
        "office",
        "open_bills",
        "phase",
        "price",
        "purchase_l",
        "recorded_l",
        "route_day",
        "season",
        "suspend_from",
        "true_l",
        "year",
        "year_used_l",
    )  # fmt: skip

    # who and how
    account_id: int
    office: int  # index into Reference.offices
    commercial: bool
    ic: bool
    annual: float  # expected litres a year
    season: tuple[float, ...]  # share of the year's gas by calendar month
    price: PriceList  # the tariff
    route_day: int  # the meter reader's day of the month
    estimate_p: float  # chance that a reading is estimated (no access)
    suspend_from: int  # month index from which the supply is suspended (> MONTHS: never)
    arrears_from: int  # month index from which bills stay owed (> MONTHS: never)
    habit: int  # pays every 1, 2 or 3 bills
    phase: int
    inspection: int  # day offset of the last safety inspection, -1 if none
    # the meter
    meter_id: int
    change_month: int  # month index of a meter change, -1 if none
    change_day: int
    new_meter_id: int
    new_initial: int
    true_l: int  # what the meter shows
    recorded_l: int  # the last reading recorded (an estimate may lag behind)
    last_reading: int  # id of the last reading, and its day offset
    last_read_day: int
    # billing and paying
    open_bills: list[tuple[int, int]]  # (bill id, amount fen) not yet paid
    year: int  # calendar year of year_used_l
    year_used_l: int  # volume billed or bought this year (the tier position)
    estimating: bool
    balance_l: int  # IC card: gas left on the meter
    purchase_l: int  # IC card: the usual purchase

    def __init__(self) -> None:
        self.open_bills = []
        self.year = 0
        self.year_used_l = 0
        self.estimating = False
        self.last_reading = 0
        self.last_read_day = 0
        self.change_month = -1
        self.change_day = 0
        self.new_meter_id = 0
        self.new_initial = 0
        self.balance_l = 0
        self.purchase_l = 0


def _id_card(rng: random.Random, office_code: str, male: bool, today: dt.date) -> str:
    codes, cum_weights = _REGION_DRAW[office_code]
    region = rng.choices(codes, cum_weights=cum_weights)[0]
    age_days = between(rng, 24 * 365, 86 * 365)
    birth = today - dt.timedelta(days=age_days)
    sequence = below(rng, 500) * 2 + (1 if male else 0)  # odd for men
    first17 = f"{region}{birth.year:04d}{birth.month:02d}{birth.day:02d}{sequence:03d}"
    return first17 + check_digit(first17)


def _lognormal(rng: random.Random, median: float, sigma: float) -> float:
    return median * math.exp(rng.gauss(0.0, sigma))


def create_households(
    rng: random.Random,
    count: int,
    ref: Reference,
    timeline: Timeline,
    accounts: BulkTable,
    meters: BulkTable,
) -> list[Household]:
    """Draw `count` customers, write their account and meter rows (buffered), and
    return their profiles in account-number order (oldest customers first)."""
    first = timeline.first
    first_ord = first.toordinal()
    today = timeline.today
    # Accounts are numbered in the order they were opened, 2004 up to the history.
    opened = sorted(
        between(rng, dt.date(2004, 1, 1).toordinal(), first_ord - 31) for _ in range(count)
    )
    phones: set[str] = {office.phone for office in ref.offices}
    prices = {user_type: PriceList(tariff) for user_type, tariff in ref.tariffs.items()}
    per_office = [0] * len(ref.offices)
    households: list[Household] = []
    meter_id = 0
    for index, opened_ord in enumerate(opened):
        h = Household()
        h.account_id = index + 1
        office_index = 0 if rng.random() < 0.55 else 1
        office = ref.offices[office_index]
        h.office = office_index
        per_office[office_index] += 1
        number = f"{office_index + 1}{per_office[office_index]:07d}"
        h.commercial = rng.random() < COMMERCIAL_SHARE
        h.ic = (not h.commercial) and rng.random() < IC_SHARE
        male = rng.random() < 0.56
        if h.commercial:
            name = names.shop_name(rng, pick(rng, addresses.SHOP_PLACES[office.code]))
            address = addresses.commercial_address(rng, office.code)
            phone = names.landline(rng, phones) if rng.random() < 0.5 else names.mobile(rng, phones)
            id_card = None
            h.annual = _lognormal(rng, COMMERCIAL_MEDIAN_L, 0.6)
            h.season = COMMERCIAL_SEASON
            h.price = prices["commercial"]
        else:
            name = names.person_name(rng, male)
            address = addresses.residential_address(rng, office.code)
            phone = names.mobile(rng, phones)
            id_card = (
                _id_card(rng, office.code, male, today) if rng.random() < ID_CARD_SHARE else None
            )
            h.annual = _lognormal(rng, RESIDENTIAL_MEDIAN_L, 0.45)
            h.season = SEASON
            h.price = prices["residential"]
        h.route_day = between(rng, 18, 27)
        h.estimate_p = 0.25 if rng.random() < HARD_TO_READ_SHARE else 0.01
        h.suspend_from = (
            between(rng, 6, MONTHS - 2) if rng.random() < SUSPENDED_SHARE else MONTHS + 1
        )
        # Accounts in arrears stop paying 1-3 bills before the last one (which they owe too).
        h.arrears_from = MONTHS + 1
        if rng.random() < ARREARS_SHARE:
            h.arrears_from = min(h.suspend_from, MONTHS) - 1 - between(rng, 1, 3)
        elif h.suspend_from <= MONTHS and rng.random() < 0.5:
            h.arrears_from = h.suspend_from - between(rng, 1, 3)  # cut off for not paying
        r = rng.random()
        h.habit = 1 if r < 0.35 else (2 if r < 0.75 else 3)  # pays monthly, bi-monthly, quarterly
        h.phase = below(rng, h.habit)
        status = "suspended" if h.suspend_from <= MONTHS else "active"
        inspection = None
        h.inspection = -1
        if rng.random() < INSPECTED_SHARE:
            offset = timeline.next_business[below(rng, timeline.today_offset - 1)]
            if offset >= 0:
                h.inspection = offset
                inspection = timeline.day_str[offset]
        accounts.rows.append(
            (
                h.account_id,
                number,
                name,
                initials(name),
                phone,
                id_card,
                address,
                office.id,
                "commercial" if h.commercial else "residential",
                status,
                0,
                dt.date.fromordinal(opened_ord).isoformat(),
                inspection,
            )
        )
        meter_id = _meters(rng, h, meter_id, opened_ord, timeline, meters)
        households.append(h)
    return households


def _meters(
    rng: random.Random,
    h: Household,
    meter_id: int,
    opened_ord: int,
    timeline: Timeline,
    meters: BulkTable,
) -> int:
    """Write the account's meter (and, for a meter change, the one it replaced);
    set the meter state at the start of the history. Returns the last meter id."""
    first_ord = timeline.first_ord
    # Household diaphragm meters are replaced after ten years: a current meter was
    # installed when the account opened or at the last replacement.
    installed = max(opened_ord, first_ord - between(rng, 60, 9 * 365))
    meter_id += 1
    h.meter_id = meter_id
    if h.ic:
        kind, model = "ic_card", pick(rng, IC_MODELS)
    elif h.commercial:
        kind, model = "mechanical", pick(rng, COMMERCIAL_MODELS)
    else:
        kind, model = "mechanical", pick(rng, MECHANICAL_MODELS)
    if h.commercial:  # commercial meters are verified every two years
        verified = timeline.first_ord + below(rng, timeline.today_offset) - 365
        verified = max(verified, installed - 30)
    else:
        verified = installed - between(rng, 20, 200)
    initial = between(rng, 0, 30)
    years = (first_ord - installed) / 365.0
    h.true_l = initial + int(h.annual * years * rng.uniform(0.85, 1.15))
    h.recorded_l = h.true_l
    removed = None
    if kind == "mechanical" and rng.random() < METER_CHANGE_SHARE:
        h.change_month = between(rng, 2, MONTHS - 2)
        start = timeline.month_start[h.change_month]
        h.change_day = start + between(rng, 2, h.route_day - 3)
        removed = timeline.day_str[h.change_day]
        # the replaced meter had reached its ten years
        installed = min(
            installed, timeline.first_ord + h.change_day - 10 * 365 + between(rng, 0, 120)
        )
        installed = max(installed, opened_ord)
        h.true_l = initial + int(h.annual * (first_ord - installed) / 365.0)
        h.recorded_l = h.true_l
        verified = installed - between(rng, 20, 200)
    meters.rows.append(
        (
            meter_id,
            f"{dt.date.fromordinal(installed).year % 100:02d}{meter_id:08d}",
            h.account_id,
            kind,
            model,
            dt.date.fromordinal(installed).isoformat(),
            dt.date.fromordinal(verified).isoformat(),
            removed,
            initial,
        )
    )
    if removed is not None:
        meter_id += 1
        h.new_meter_id = meter_id
        h.new_initial = between(rng, 0, 20)
        change = timeline.dates[h.change_day]
        meters.rows.append(
            (
                meter_id,
                f"{change.year % 100:02d}{meter_id:08d}",
                h.account_id,
                kind,
                pick(rng, COMMERCIAL_MODELS if h.commercial else MECHANICAL_MODELS),
                change.isoformat(),
                (change - dt.timedelta(days=between(rng, 20, 120))).isoformat(),
                None,
                h.new_initial,
            )
        )
    if h.ic:
        # Households buy roughly a season's gas at a time, in 50 m³ steps.
        h.purchase_l = max(50_000, min(300_000, round(h.annual * 0.35 / 50_000) * 50_000))
        h.balance_l = below(rng, h.purchase_l)
    return meter_id
