"""The Chinese font of the PDFs: found on Windows in its font folders (TrueType
collections read by subfont index), the font an application bundle carries before the
system's, and a file reportlab cannot use or that has no Chinese passed over for the
next one."""

from __future__ import annotations

from pathlib import Path

import pytest

from gasdesk import resources
from gasdesk.printing import fonts
from gasdesk.printing.fonts import FontFile, FontMissingError, first_usable, system_fonts

# a TrueType collection of two faces on this machine (make setup installs it)
COLLECTIONS = [Path(p) for p in fonts.LINUX_FONTS if p.endswith(".ttc")]
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")  # no Chinese


@pytest.fixture
def collection() -> Path:
    for path in COLLECTIONS:
        if path.is_file():
            return path
    pytest.skip("no TrueType CJK collection (.ttc) on this machine")


@pytest.fixture
def shipped_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """resources/ as a bundle has it, with an (empty) fonts/ folder."""
    folder = tmp_path / "resources"
    (folder / resources.FONTS).mkdir(parents=True)
    monkeypatch.setattr(resources, "resource_folder", lambda: folder)
    return folder / resources.FONTS


def test_windows_fonts_come_from_the_windows_and_the_users_font_folders(
    tmp_path: Path, collection: Path
) -> None:
    windir, local = tmp_path / "Windows", tmp_path / "AppData" / "Local"
    user_fonts = local / "Microsoft" / "Windows" / "Fonts"
    user_fonts.mkdir(parents=True)
    (windir / "Fonts").mkdir(parents=True)
    (user_fonts / "simsun.ttc").symlink_to(collection)  # installed for this user only
    environ = {"WINDIR": str(windir), "LOCALAPPDATA": str(local)}

    found = system_fonts("win32", environ)

    assert found[:2] == [FontFile(windir / "Fonts" / "msyh.ttc"), FontFile(user_fonts / "msyh.ttc")]
    chosen, font = first_usable(found)
    assert chosen == FontFile(user_fonts / "simsun.ttc", 0)
    assert font.face.name == first_usable([FontFile(collection, 0)])[1].face.name


def test_a_collection_is_read_at_the_subfont_named(tmp_path: Path, collection: Path) -> None:
    upper = tmp_path / "SIMSUN.TTC"  # Windows' own names are not always in lower case
    upper.symlink_to(collection)
    regular = FontFile(upper, 0).load("a").face.name
    second = FontFile(upper, 1).load("b").face.name
    assert FontFile(upper).is_collection
    assert regular != second and second.startswith(regular)  # e.g. the Mono face


def test_an_unreadable_font_is_passed_over_for_the_next(tmp_path: Path, collection: Path) -> None:
    junk = tmp_path / "broken.ttf"
    junk.write_bytes(b"not a font at all" * 100)
    chosen, _font = first_usable([FontFile(junk), FontFile(collection)])
    assert chosen.path == collection


def test_a_font_without_chinese_is_passed_over(collection: Path) -> None:
    if not DEJAVU.is_file():
        pytest.skip("DejaVu Sans is not installed")
    chosen, _font = first_usable([FontFile(DEJAVU), FontFile(collection)])
    assert chosen.path == collection
    with pytest.raises(FontMissingError, match=r"DejaVuSans\.ttf: no Chinese characters"):
        first_usable([FontFile(DEJAVU)])


def test_no_usable_font_says_what_was_refused_and_what_to_install(tmp_path: Path) -> None:
    junk = tmp_path / "msyh.ttc"
    junk.write_bytes(b"\0" * 64)
    with pytest.raises(FontMissingError) as refused:
        first_usable([FontFile(tmp_path / "absent.ttf"), FontFile(junk)])
    assert "msyh.ttc" in str(refused.value) and "absent" not in str(refused.value)
    assert fonts.INSTALL_HINT in str(refused.value)


def test_the_font_a_bundle_carries_comes_before_the_systems(
    shipped_folder: Path, collection: Path
) -> None:
    (shipped_folder / "wqy-zenhei.ttc").symlink_to(collection)
    (shipped_folder / "COPYRIGHT").write_text("GPL-2 with font embedding exception")

    assert resources.shipped_fonts() == [shipped_folder / "wqy-zenhei.ttc"]
    found = fonts.candidates({"GASDESK_CJK_FONT": "/chosen.ttf"})
    assert found[:2] == [FontFile(Path("/chosen.ttf")), FontFile(shipped_folder / "wqy-zenhei.ttc")]
    assert found[2:] == system_fonts()


def test_a_source_tree_carries_no_font() -> None:
    assert resources.shipped_fonts() == []


def test_qt_gets_the_shipped_font_and_shows_it(
    qapp, shipped_folder: Path, collection: Path
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QFontDatabase

    from gasdesk.ui.application import add_shipped_fonts, apply_font

    (shipped_folder / "wqy-zenhei.ttc").symlink_to(collection)
    font = qapp.font()
    try:
        families = add_shipped_fonts()
        assert len(families) == 2  # both faces of the collection
        apply_font(qapp, families[1:])
        assert qapp.font().family() == families[1]
    finally:
        qapp.setFont(font)
        QFontDatabase.removeAllApplicationFonts()
