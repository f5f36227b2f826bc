"""Pinyin initials of personal names, with surnames read as surnames.

pypinyin is imported on the first call: its dictionaries take 0.3 s and 57 MB to
load, and a counter needs them only when an account is created or renamed, not to
start, log in or take payments.
"""

from __future__ import annotations

from functools import lru_cache

# Characters whose reading as a surname differs from their common reading.
SURNAME_INITIALS: dict[str, str] = {
    "曾": "z",  # zeng, not ceng
    "单": "s",  # shan, not dan
    "解": "x",  # xie, not jie
    "仇": "q",  # qiu, not chou
    "区": "o",  # ou, not qu
    "查": "z",  # zha, not cha
    "朴": "p",  # piao, not pu
    "盖": "g",  # ge
    "乐": "y",  # yue
    "尉": "y",  # yu (尉迟)
    "繁": "p",  # po
    "秘": "b",  # bi
    "翟": "z",  # zhai
    "覃": "q",  # qin
    "长": "z",  # zhang (长孙)
    "万": "w",
    "缪": "m",  # miao
    "黑": "h",
    "员": "y",  # yun
    "种": "c",  # chong
}

COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "长孙", "公孙", "令狐")


@lru_cache(maxsize=65536)
def initials(name: str) -> str:
    """'曾国藩' -> 'zgf', '单田芳' -> 'stf'; non-Chinese characters are dropped."""
    name = "".join(ch for ch in name.strip() if "\u4e00" <= ch <= "\u9fff")
    if not name:
        return ""
    from pypinyin import Style, lazy_pinyin

    surname_len = 2 if name[:2] in COMPOUND_SURNAMES else 1
    head = "".join(
        SURNAME_INITIALS.get(ch) or lazy_pinyin(ch, style=Style.FIRST_LETTER)[0]
        for ch in name[:surname_len]
    )
    tail = "".join(lazy_pinyin(name[surname_len:], style=Style.FIRST_LETTER))
    return (head + tail).lower()
