"""The tariffs stored in the database, as domain values; and the shipped ones."""

from __future__ import annotations

import datetime as dt

from gasdesk.domain.tariff import Tariff, Tier
from gasdesk.resources import load_toml
from gasdesk.storage.models import TariffTier, TariffVersion

# The tariff each user type starts with, shipped in resources/ (sample prices until
# the company's own are entered).
TARIFF_RESOURCES = {
    "residential": "tariff_residential.toml",
    "commercial": "tariff_commercial.toml",
}


def load_tariffs(user_type: str) -> list[Tariff]:
    """Every tariff version for `user_type`, oldest first."""
    versions = list(
        TariffVersion.select()
        .where(TariffVersion.user_type == user_type)
        .order_by(TariffVersion.effective_from, TariffVersion.id)
    )
    out: list[Tariff] = []
    for v in versions:
        tiers = TariffTier.select().where(TariffTier.version == v.id).order_by(TariffTier.seq)
        out.append(
            Tariff(
                name=v.name,
                effective_from=v.effective_from,
                tiers=tuple(Tier(t.upper_m3, t.price_fen) for t in tiers),
            )
        )
    return out


def resource_tariff(user_type: str) -> Tariff:
    """The shipped tariff of `user_type` (its tiers checked by Tariff)."""
    spec = load_toml(TARIFF_RESOURCES[user_type])
    return Tariff(
        name=str(spec["name"]),
        effective_from=dt.date.fromisoformat(str(spec["effective_from"])),
        tiers=tuple(Tier(tier.get("upper_m3"), int(tier["price_fen"])) for tier in spec["tier"]),
    )


def store_tariff(user_type: str, tariff: Tariff) -> int:
    """Write `tariff` as a new version for `user_type`; inside the caller's
    transaction. Returns the version's id."""
    version = TariffVersion.create(
        name=tariff.name, user_type=user_type, effective_from=tariff.effective_from
    )
    for seq, tier in enumerate(tariff.tiers, start=1):
        TariffTier.create(
            version=version, seq=seq, upper_m3=tier.upper_m3, price_fen=tier.price_fen
        )
    return int(version.id)


def card_fee_fen(user_type: str) -> int:
    """The fee for a new card in place of a lost one (补卡), as the tariff file of
    `user_type` names it (`card_replacement_fee_fen`); 0 when it names none."""
    fee = load_toml(TARIFF_RESOURCES.get(user_type, TARIFF_RESOURCES["residential"])).get(
        "card_replacement_fee_fen", 0
    )
    if not isinstance(fee, int) or isinstance(fee, bool) or fee < 0:
        raise ValueError(f"card_replacement_fee_fen must be a whole number of fen, not {fee!r}")
    return fee
