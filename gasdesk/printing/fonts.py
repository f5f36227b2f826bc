"""The TrueType CJK font embedded in every PDF.

reportlab embeds only TrueType outlines: Noto CJK (CFF) is refused, and the built-in
STSong-Light CID font is not embedded and prints blank where the reader lacks it.

The first of these that reportlab can read and that has Chinese characters is used:
1. the file named by GASDESK_CJK_FONT;
2. the font an application bundle carries (`resources.shipped_fonts()`): WenQuanYi
   Zen Hei in the Debian package, so that every PC prints with the font it was tested
   with;
3. the system's: WenQuanYi Micro Hei / Zen Hei on Linux (fonts-wqy-microhei); on
   Windows Microsoft YaHei, SimHei and SimSun in the Windows font folder (%WINDIR%) or
   the user's own (%LOCALAPPDATA%).

A TrueType collection (.ttc: wqy-microhei.ttc, msyh.ttc, simsun.ttc) holds several
fonts; reportlab reads one of them, by its subfont index. Each candidate names the
index of the face meant (0: WenQuanYi Micro Hei, Microsoft YaHei, SimSun; 1 would be
their Mono, UI or NSimSun faces).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from gasdesk.resources import shipped_fonts

FONT_NAME = "GasDeskCJK"
INSTALL_HINT = "Install a TrueType CJK font: apt-get install fonts-wqy-microhei"
PROBE = "中"  # a font without this character cannot print a Chinese name
LINUX_FONTS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",
)
MAC_FONTS = ("/System/Library/Fonts/STHeiti Medium.ttc",)
# file name in a Windows font folder, and the subfont meant in a collection
WINDOWS_FONTS = (("msyh.ttc", 0), ("simhei.ttf", 0), ("simsun.ttc", 0))


class FontMissingError(RuntimeError):
    """No TrueType CJK font was found; the message names what to install."""


@dataclass(frozen=True)
class FontFile:
    """A font file and, for a collection (.ttc), which of its fonts."""

    path: Path
    subfont: int = 0

    @property
    def is_collection(self) -> bool:
        return self.path.suffix.lower() in (".ttc", ".otc")

    def load(self, name: str) -> TTFont:
        """The font as reportlab embeds it; raises what reportlab raises (TTFError for
        CFF outlines, a missing subfont, a file that is no font)."""
        if self.is_collection:
            return TTFont(name, str(self.path), subfontIndex=self.subfont)
        return TTFont(name, str(self.path))


def system_fonts(
    platform: str = sys.platform, environ: Mapping[str, str] = os.environ
) -> list[FontFile]:
    """Where this kind of system keeps a TrueType Chinese font, best first."""
    if platform == "win32":
        folders = [
            Path(environ.get("WINDIR") or environ.get("SystemRoot") or "C:/Windows") / "Fonts"
        ]
        if environ.get("LOCALAPPDATA"):
            folders.append(Path(environ["LOCALAPPDATA"]) / "Microsoft" / "Windows" / "Fonts")
        return [
            FontFile(folder / name, subfont)
            for name, subfont in WINDOWS_FONTS
            for folder in folders
        ]
    if platform == "darwin":
        return [FontFile(Path(p)) for p in MAC_FONTS]
    return [FontFile(Path(p)) for p in LINUX_FONTS]


def candidates(environ: Mapping[str, str] = os.environ) -> list[FontFile]:
    override = environ.get("GASDESK_CJK_FONT")
    found = [FontFile(Path(override))] if override else []
    found += [FontFile(path) for path in shipped_fonts()]
    return found + system_fonts(environ=environ)


def first_usable(files: Iterable[FontFile]) -> tuple[FontFile, TTFont]:
    """The first existing file that reportlab reads and that has Chinese characters."""
    refused = []
    for font_file in files:
        if not font_file.path.is_file():
            continue
        try:
            font = font_file.load(FONT_NAME)
        except Exception as exc:  # reportlab raises TTFError, or struct errors on junk
            refused.append(f"{font_file.path.name}: {exc}")
            continue
        if ord(PROBE) not in font.face.charToGlyph:
            refused.append(f"{font_file.path.name}: no Chinese characters")
            continue
        return font_file, font
    why = f" ({'; '.join(refused)})" if refused else ""
    raise FontMissingError(f"No Chinese font for printing was found{why}. {INSTALL_HINT}")


def find_cjk_font() -> FontFile:
    return first_usable(candidates())[0]


def register_cjk_font() -> str:
    """Register the CJK font with reportlab once; return its name for styles."""
    if FONT_NAME in pdfmetrics.getRegisteredFontNames():
        return FONT_NAME
    pdfmetrics.registerFont(first_usable(candidates())[1])
    return FONT_NAME
