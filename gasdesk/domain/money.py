"""Money is integer fen (分) everywhere; this module formats it for people."""

from __future__ import annotations

FEN_PER_YUAN = 100


def format_yuan(fen: int, *, symbol: bool = False) -> str:
    """1234 -> '12.34'; negative amounts keep their sign."""
    if not isinstance(fen, int) or isinstance(fen, bool):
        raise TypeError("amounts are integer fen")
    sign = "-" if fen < 0 else ""
    yuan, rest = divmod(abs(fen), FEN_PER_YUAN)
    text = f"{sign}{yuan:,}.{rest:02d}" if abs(fen) >= 1_000_000_00 else f"{sign}{yuan}.{rest:02d}"
    return ("¥" + text) if symbol else text
