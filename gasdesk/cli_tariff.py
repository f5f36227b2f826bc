"""`gasdesk tariff`: the price decisions of the price authority, as tariff versions.

    gasdesk tariff add FILE    a new version for one user type from its effective
                               date (the file as resources/tariff_residential.toml);
                               refused, with nothing changed, when the file is wrong
                               or its date falls on gas already billed or sold
    gasdesk tariff list        the versions stored, oldest first per user type

Exit status: 0 done, 1 refused, 2 the database cannot be opened.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from gasdesk.cli_verify import say
from gasdesk.domain.money import format_yuan
from gasdesk.domain.tariff_file import TariffVersionInfo
from gasdesk.domain.text import QT_TRANSLATE_NOOP

ADDED = QT_TRANSLATE_NOOP(
    "Messages",
    "Added the tariff '{name}' for {user_type} accounts, in force from {day} (version {id}).",
)
SAMPLE = QT_TRANSLATE_NOOP(
    "Messages",
    "Note: these are sample prices; enter the figures of the Zibo price authority.",
)
USER_TYPE_ZH = {"residential": "居民", "commercial": "非居民"}


def describe(v: TariffVersionInfo) -> str:
    """One line per version: date, user type, name, tiers, household rule, source."""
    t = v.tariff
    tiers = []
    lower = 0
    for tier in t.tiers:
        upper = f"{tier.upper_m3}" if tier.upper_m3 is not None else ""
        tiers.append(f"{lower}-{upper} m³ {format_yuan(tier.price_fen)}")
        lower = tier.upper_m3 or lower
    rule = ""
    if t.household is not None:
        rule = f"; >{t.household.base_persons}: +{t.household.extra_m3_per_person} m³"
    sample = " *" if v.sample else ""
    return (
        f"{t.effective_from.isoformat()}  {USER_TYPE_ZH.get(v.user_type, v.user_type)}  "
        f"{t.name}{sample}  [{', '.join(tiers)}{rule}]  {v.source}"
    ).rstrip()


def run(
    argv: list[str],
    common: Callable[[argparse.ArgumentParser], None],
    open_db: Callable[..., int],
    fail: Callable[[BaseException], int],
) -> int:
    p = argparse.ArgumentParser(
        prog="gasdesk tariff",
        description="Tariff versions: add a price decision from its effective date, or "
        "list the versions stored. Billed gas is never repriced.",
    )
    common(p)
    sub = p.add_subparsers(dest="action", required=True)
    add = sub.add_parser("add", help="add a tariff version from a TOML file")
    add.add_argument("file", help="the tariff file (as resources/tariff_residential.toml)")
    sub.add_parser("list", help="the tariff versions stored")
    args = p.parse_args(argv)
    from gasdesk.services import tariff_admin

    spec = None
    if args.action == "add":
        try:
            spec = tariff_admin.read_tariff_file(args.file)  # the file first: no database
        except Exception as exc:
            return fail(exc)
    if (code := open_db(args)) != 0:
        return code
    if spec is None:
        for version in tariff_admin.tariff_versions():
            print(describe(version))
        return 0
    try:
        info = tariff_admin.add_tariff(spec)
    except Exception as exc:
        return fail(exc)
    t = info.tariff
    print(
        say(
            ADDED,
            name=t.name,
            user_type=USER_TYPE_ZH.get(info.user_type, info.user_type),
            day=t.effective_from.isoformat(),
            id=info.id,
        )
    )
    print(describe(info))
    if info.sample:
        print(say(SAMPLE), file=sys.stderr)
    return 0
