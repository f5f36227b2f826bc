"""The rules of the application bundle (packaging/bundle_rules.py) and the Debian
package around it (packaging/make_deb.py), checked without building either: `make
package` takes minutes, and packaging/check_deb.sh installs the real package."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def rules() -> ModuleType:
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        import bundle_rules

        return bundle_rules
    finally:
        sys.path.remove(str(ROOT / "packaging"))


@pytest.fixture(scope="module")
def deb(rules: ModuleType) -> ModuleType:
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        import make_deb

        return make_deb
    finally:
        sys.path.remove(str(ROOT / "packaging"))


def qt_modules_imported() -> set[str]:
    found = set()
    for path in (ROOT / "gasdesk").rglob("*.py"):
        found.update(re.findall(r"\bPySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    return found


def test_every_qt_module_gasdesk_imports_is_bundled(rules: ModuleType) -> None:
    import PySide6

    excluded = rules.excluded_modules(PySide6.__all__)
    assert qt_modules_imported() <= set(rules.QT_MODULES)
    assert not {f"PySide6.{name}" for name in qt_modules_imported()} & set(excluded)
    for heavy in ("QtWebEngineCore", "Qt3DCore", "QtQuick", "QtQml", "QtMultimedia"):
        if heavy in PySide6.__all__:
            assert f"PySide6.{heavy}" in excluded


@pytest.mark.parametrize(
    ("dest", "windows", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", False, True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", False, True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", False, False),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False, False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False, False),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", False, True),
        (
            "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
            False,
            True,
        ),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False, False),
        ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", False, False),
        ("PySide6/Qt/translations/qtbase_zh_CN.qm", False, True),
        ("PySide6/Qt/translations/qtbase_de.qm", False, False),
        ("PySide6/Qt/lib/libQt6Core.so.6", False, True),
        ("gasdesk/_resources/offices.toml", False, True),
        ("PySide6\\plugins\\platforms\\qwindows.dll", True, True),
        ("PySide6\\plugins\\platforms\\qdirect2d.dll", True, False),
        ("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", True, True),
        ("PySide6\\plugins\\imageformats\\qjpeg.dll", True, True),
        ("PySide6\\translations\\qtbase_ja.qm", True, False),
        ("PySide6\\Qt6Core.dll", True, True),
    ],
)
def test_qt_plugins_and_translations_kept(
    rules: ModuleType, dest: str, windows: bool, kept: bool
) -> None:
    assert rules.keep_file(dest, windows) is kept


def test_libraries_no_kept_file_needs_are_left_out(rules: ModuleType) -> None:
    lib = "PySide6/Qt/lib"
    binaries = [
        ("PySide6/QtGui.abi3.so", "/s/QtGui.abi3.so", "EXTENSION"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/s/libqxcb.so", "BINARY"),
        (f"{lib}/libQt6Gui.so.6", "/s/libQt6Gui.so.6", "BINARY"),
        (f"{lib}/libQt6Core.so.6", "/s/libQt6Core.so.6", "BINARY"),
        (f"{lib}/libicudata.so.73", "/s/libicudata.so.73", "BINARY"),
        (f"{lib}/libQt6XcbQpa.so.6", "/s/libQt6XcbQpa.so.6", "BINARY"),
        (f"{lib}/libQt6WaylandClient.so.6", "/s/libQt6WaylandClient.so.6", "BINARY"),
        ("libgtk-3.so.0", "/usr/lib/x86_64-linux-gnu/libgtk-3.so.0", "BINARY"),
        ("libpython3.11.so.1.0", "/s/libpython3.11.so.1.0", "BINARY"),
    ]
    links = {
        "/s/QtGui.abi3.so": ["libQt6Gui.so.6", "libc.so.6"],
        "/s/libqxcb.so": ["libQt6XcbQpa.so.6"],
        "/s/libQt6XcbQpa.so.6": ["libQt6Gui.so.6"],
        "/s/libQt6Gui.so.6": ["libQt6Core.so.6", "libGL.so.1"],
        "/s/libQt6Core.so.6": ["libicudata.so.73"],
        # only of plugins left out (Wayland, the GTK theme)
        "/s/libQt6WaylandClient.so.6": ["libQt6Gui.so.6"],
        "/usr/lib/x86_64-linux-gnu/libgtk-3.so.0": ["libc.so.6"],
    }
    kept = rules.prune_libraries(binaries, lambda source: links.get(source, []))
    assert [Path(dest).name for dest, _s, _k in kept] == [
        "QtGui.abi3.so",
        "libqxcb.so",
        "libQt6Gui.so.6",
        "libQt6Core.so.6",
        "libicudata.so.73",
        "libQt6XcbQpa.so.6",
        "libpython3.11.so.1.0",
    ]


@pytest.mark.parametrize(
    ("source", "system"),
    [
        ("/lib/x86_64-linux-gnu/libfontconfig.so.1", True),
        ("/usr/lib/x86_64-linux-gnu/libstdc++.so.6", True),
        ("/usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0", False),  # the bundle's Python
        ("/opt/python/lib/libpython3.11.so.1.0", False),
        ("/venv/lib/python3.11/site-packages/PySide6/Qt/lib/libQt6Core.so.6", False),
        ("/venv/lib/python3.11/site-packages/pillow.libs/libxcb-9065bb12.so.1.1.0", False),
    ],
)
def test_system_libraries_are_left_to_the_packages_depends(
    rules: ModuleType, source: str, system: bool
) -> None:
    assert rules.is_system_library((Path(source).name, source, "BINARY")) is system


def test_linux_needs_a_font_to_bundle_windows_does_not(rules: ModuleType, tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="no Chinese font"):
        rules.font_datas(None, windows=False)
    with pytest.raises(SystemExit, match="no Chinese font"):
        rules.font_datas(str(tmp_path), windows=False)
    assert rules.font_datas(None, windows=True) == []
    (tmp_path / "wqy-zenhei.ttc").write_bytes(b"font")
    (tmp_path / "wqy-zenhei.copyright").write_text("GPL-2 with font embedding exception")
    assert rules.font_datas(str(tmp_path), windows=False) == [
        (str(tmp_path / "wqy-zenhei.copyright"), "gasdesk/_resources/fonts"),
        (str(tmp_path / "wqy-zenhei.ttc"), "gasdesk/_resources/fonts"),
    ]


def test_the_bundled_font_lands_where_the_program_looks(rules: ModuleType) -> None:
    from gasdesk import resources

    assert (
        f"gasdesk/{resources.RESOURCES_PACKAGE.split('.')[1]}/{resources.FONTS}" == rules.FONT_DEST
    )


def test_depends_are_the_packages_owning_the_libraries_outside_the_bundle(
    deb: ModuleType, tmp_path: Path
) -> None:
    bundle = tmp_path / "gasdesk"
    (bundle / "_internal").mkdir(parents=True)
    inside = bundle / "_internal" / "libpython3.11.so.1.0"
    inside.write_bytes(b"")
    seen_env = []

    def linked(path: Path, env: dict[str, str]) -> dict[str, str | None]:
        seen_env.append(env["LD_LIBRARY_PATH"])
        return {
            "libpython3.11.so.1.0": str(inside),
            "libfontconfig.so.1": "/lib/x86_64-linux-gnu/libfontconfig.so.1",
            "libz.so.1": "/lib/x86_64-linux-gnu/libz.so.1",
            "libxcb-cursor.so.0": None,
        }

    def needed(path: Path) -> set[str]:  # libz comes with libfontconfig, not directly
        return {"libpython3.11.so.1.0", "libfontconfig.so.1", "libxcb-cursor.so.0"}

    outside, missing = deb.system_libraries([bundle / "gasdesk"], bundle, linked, needed)
    assert outside == {"/lib/x86_64-linux-gnu/libfontconfig.so.1"}
    assert missing == {"libxcb-cursor.so.0"}
    assert seen_env == [str(bundle / "_internal")]  # as the bundle's bootloader sets it
    assert deb.depends(["zlib1g", "libfontconfig1", "zlib1g", "libc6"], (2, 34)) == [
        "libc6 (>= 2.34)",
        "libfontconfig1",
        "zlib1g",
    ]


@pytest.mark.parametrize(
    ("output", "package"),
    [
        ("libc6:amd64: /lib/x86_64-linux-gnu/libc.so.6\n", "libc6"),
        ("zlib1g:amd64: /lib/x86_64-linux-gnu/libz.so.1\n", "zlib1g"),
        (
            "diversion by foo from: /lib/x/libGL.so.1\nlibgl1:amd64, libgl1:i386: /lib/x/libGL.so.1\n",
            "libgl1",
        ),
        ("", None),
    ],
)
def test_dpkg_search_output_names_the_package(
    deb: ModuleType, output: str, package: str | None
) -> None:
    assert deb.parse_dpkg_search(output) == package


@pytest.mark.parametrize(
    ("version", "debian"),
    [
        ("0.1.0", "0.1.0"),
        ("1.2.0rc1", "1.2.0~rc1"),
        ("1.2.0.dev3", "1.2.0~dev3"),
        ("1.0.post2", "1.0+post2"),
    ],
)
def test_debian_version_sorts_as_the_program_version(
    deb: ModuleType, version: str, debian: str
) -> None:
    assert deb.debian_version(version) == debian


def test_a_tree_without_a_version_makes_no_package(deb: ModuleType) -> None:
    from gasdesk.version import UNKNOWN

    with pytest.raises(ValueError, match="not a release version"):
        deb.debian_version(UNKNOWN)


def test_control_file_and_menu_entry(deb: ModuleType) -> None:
    control = deb.control_file("0.1.0", "amd64", ["libc6 (>= 2.34)", "libxcb1"], 123456)
    fields = dict(
        line.split(": ", 1) for line in control.splitlines() if line and not line.startswith(" ")
    )
    assert fields["Package"] == "gasdesk" and fields["Version"] == "0.1.0"
    assert fields["Architecture"] == "amd64" and fields["Installed-Size"] == "123456"
    assert fields["Depends"] == "libc6 (>= 2.34), libxcb1"
    assert control.endswith("\n") and "\n\n" not in control  # one paragraph
    assert all(line.startswith(" ") for line in control.split("Description: ")[1].splitlines()[1:])
    entry = dict(line.split("=", 1) for line in deb.DESKTOP_ENTRY.splitlines() if "=" in line)
    assert entry["Exec"] == "gasdesk" and entry["Icon"] == "gasdesk"
    assert entry["Type"] == "Application" and entry["Terminal"] == "false"


def test_the_package_lays_out_bundle_launcher_menu_entry_and_icons(
    deb: ModuleType, tmp_path: Path
) -> None:
    bundle = tmp_path / "gasdesk"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "gasdesk").write_bytes(b"\x7fELF")
    (bundle / "gasdesk").chmod(0o700)
    (tmp_path / "icons").mkdir()
    (tmp_path / "icons" / "gasdesk.png").write_bytes(b"png")
    font_copyright = tmp_path / "wqy-zenhei.copyright"
    font_copyright.write_text("License: GPL-2 with Font embedding exception\n")
    staging = tmp_path / "root"

    deb.lay_out(staging, bundle, tmp_path / "icons", font_copyright)

    launcher = staging / "usr/bin/gasdesk"
    assert launcher.is_symlink() and str(launcher.readlink()) == "/opt/gasdesk/gasdesk"
    assert (staging / "opt/gasdesk/gasdesk").stat().st_mode & 0o777 == 0o755
    assert (staging / "usr/share/applications/gasdesk.desktop").is_file()
    assert (staging / "usr/share/icons/hicolor/scalable/apps/gasdesk.svg").is_file()
    assert (staging / "usr/share/icons/hicolor/256x256/apps/gasdesk.png").is_file()
    copyright_text = (staging / "usr/share/doc/gasdesk/copyright").read_text()
    assert "Font embedding exception" in copyright_text and "LGPL-3.0" in copyright_text
    assert deb.elf_files(bundle) == [bundle / "gasdesk"]
