import pytest

from gasdesk.domain.names import initials


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("张三", "zs"),
        ("曾国藩", "zgf"),
        ("单田芳", "stf"),
        ("解缙", "xj"),
        ("仇英", "qy"),
        ("区志伟", "ozw"),
        ("查良镛", "zly"),
        ("朴树", "ps"),
        ("欧阳修", "oyx"),
        (" 李 娜 ", "ln"),
        ("", ""),
        ("abc", ""),
    ],
)
def test_initials_read_surnames_as_surnames(name: str, expected: str) -> None:
    assert initials(name) == expected


def test_surname_override_applies_only_to_the_surname() -> None:
    # 单 inside a given name keeps its common reading dan
    assert initials("王单") == "wd"
