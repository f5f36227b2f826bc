"""The tariffs stored in the database, as domain values; and the shipped ones."""

from __future__ import annotations

from gasdesk.domain.tariff import HouseholdRule, Tariff, Tier
from gasdesk.domain.tariff_file import TariffSpec, read_spec
from gasdesk.resources import load_toml
from gasdesk.storage.models import TariffTier, TariffVersion

# The tariff each user type starts with, shipped in resources/: SAMPLE prices, to be
# replaced by the figures of the Zibo price authority (tariff_admin.add_tariff).
TARIFF_RESOURCES = {
    "residential": "tariff_residential.toml",
    "commercial": "tariff_commercial.toml",
}


def household_of(version: TariffVersion) -> HouseholdRule | None:
    if version.household_base is None or version.household_extra_m3 is None:
        return None
    return HouseholdRule(int(version.household_base), int(version.household_extra_m3))


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
                household=household_of(v),
            )
        )
    return out


def resource_spec(user_type: str) -> TariffSpec:
    """The shipped tariff of `user_type`, checked as any tariff file is."""
    return read_spec(load_toml(TARIFF_RESOURCES[user_type]))


def resource_tariff(user_type: str) -> Tariff:
    """The shipped tariff of `user_type` (its tiers checked by Tariff)."""
    return resource_spec(user_type).tariff


def store_tariff(
    user_type: str,
    tariff: Tariff,
    *,
    source: str | None = None,
    sample: bool | None = None,
    created_by: int | None = None,
) -> int:
    """Write `tariff` as a new version for `user_type`; inside the caller's
    transaction. Returns the version's id."""
    rule = tariff.household
    version = TariffVersion.create(
        name=tariff.name,
        user_type=user_type,
        effective_from=tariff.effective_from,
        created_by=created_by,
        household_base=rule.base_persons if rule else None,
        household_extra_m3=rule.extra_m3_per_person if rule else None,
        source=source,
        sample=sample,
    )
    for seq, tier in enumerate(tariff.tiers, start=1):
        TariffTier.create(
            version=version, seq=seq, upper_m3=tier.upper_m3, price_fen=tier.price_fen
        )
    return int(version.id)


def store_spec(spec: TariffSpec, created_by: int | None = None) -> int:
    return store_tariff(
        spec.user_type,
        spec.tariff,
        source=spec.source or None,
        sample=spec.sample,
        created_by=created_by,
    )


def card_fee_fen(user_type: str) -> int:
    """The fee for a new card in place of a lost one (补卡), as the tariff file of
    `user_type` names it (`card_replacement_fee_fen`); 0 when it names none."""
    fee = load_toml(TARIFF_RESOURCES.get(user_type, TARIFF_RESOURCES["residential"])).get(
        "card_replacement_fee_fen", 0
    )
    if not isinstance(fee, int) or isinstance(fee, bool) or fee < 0:
        raise ValueError(f"card_replacement_fee_fen must be a whole number of fen, not {fee!r}")
    return fee
