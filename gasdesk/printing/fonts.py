"""The TrueType CJK font embedded in every PDF.

reportlab embeds only TrueType outlines: Noto CJK (CFF) is refused, and the built-in
STSong-Light CID font is not embedded and prints blank where the reader lacks it.
WenQuanYi Micro Hei / Zen Hei (Debian: fonts-wqy-microhei) work.
"""

from __future__ import annotations

import os
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_NAME = "GasDeskCJK"
INSTALL_HINT = "Install a TrueType CJK font: apt-get install fonts-wqy-microhei"
CANDIDATES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",
    "/System/Library/Fonts/STHeiti Medium.ttc",
    "C:/Windows/Fonts/simhei.ttf",
    "C:/Windows/Fonts/msyh.ttc",
)


class FontMissingError(RuntimeError):
    """No TrueType CJK font was found; the message names what to install."""


def find_cjk_font() -> Path:
    override = os.environ.get("GASDESK_CJK_FONT")
    paths = ([override] if override else []) + list(CANDIDATES)
    for p in paths:
        if p and Path(p).is_file():
            return Path(p)
    raise FontMissingError(f"No Chinese font for printing was found. {INSTALL_HINT}")


def register_cjk_font() -> str:
    """Register the CJK font with reportlab once; return its name for styles."""
    if FONT_NAME in pdfmetrics.getRegisteredFontNames():
        return FONT_NAME
    path = find_cjk_font()
    try:
        font = (
            TTFont(FONT_NAME, str(path), subfontIndex=0)
            if path.suffix == ".ttc"
            else TTFont(FONT_NAME, str(path))
        )
    except Exception as exc:  # reportlab raises TTFError for CFF-outline fonts
        raise FontMissingError(
            f"The font {path.name} cannot be embedded ({exc}). {INSTALL_HINT}"
        ) from exc
    pdfmetrics.registerFont(font)
    return FONT_NAME
