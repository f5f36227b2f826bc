"""The tariffs stored in the database, as domain values."""

from __future__ import annotations

from gasdesk.domain.tariff import Tariff, Tier
from gasdesk.storage.models import TariffTier, TariffVersion


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
