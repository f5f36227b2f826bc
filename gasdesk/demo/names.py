"""Plausible Chinese personal names, shop names and mobile numbers for the demo."""

from __future__ import annotations

import random
from itertools import accumulate

from gasdesk.demo.draw import below, pick

# Surnames with their approximate share of the population in per mille (national
# figures, a little heavier on the names common in central Shandong). The tail holds
# the surnames whose reading as a surname differs from the everyday reading, and two
# compound surnames, so that searching by pinyin initials meets them.
SURNAMES: tuple[tuple[str, float], ...] = (
    ("王", 71.2),
    ("李", 70.0),
    ("张", 67.4),
    ("刘", 51.0),
    ("陈", 46.1),
    ("杨", 32.2),
    ("黄", 24.5),
    ("赵", 22.9),
    ("吴", 20.5),
    ("周", 19.9),
    ("徐", 14.5),
    ("孙", 13.8),
    ("马", 12.9),
    ("朱", 12.8),
    ("胡", 11.6),
    ("郭", 11.3),
    ("何", 10.6),
    ("高", 10.0),
    ("林", 10.0),
    ("罗", 9.5),
    ("郑", 9.0),
    ("梁", 8.5),
    ("谢", 7.6),
    ("宋", 7.0),
    ("唐", 7.0),
    ("许", 6.6),
    ("韩", 6.2),
    ("冯", 6.0),
    ("邓", 6.0),
    ("曹", 5.8),
    ("彭", 5.5),
    ("曾", 5.4),
    ("肖", 5.2),
    ("田", 5.1),
    ("董", 5.0),
    ("袁", 4.8),
    ("潘", 4.7),
    ("于", 4.7),
    ("蒋", 4.6),
    ("蔡", 4.5),
    ("余", 4.4),
    ("杜", 4.3),
    ("叶", 4.2),
    ("程", 4.1),
    ("苏", 4.0),
    ("魏", 3.9),
    ("吕", 3.8),
    ("丁", 3.7),
    ("任", 3.6),
    ("沈", 3.5),
    ("姚", 3.4),
    ("卢", 3.3),
    ("姜", 3.2),
    ("崔", 3.1),
    ("钟", 3.0),
    ("谭", 2.9),
    ("陆", 2.8),
    ("汪", 2.7),
    ("范", 2.6),
    ("金", 2.5),
    ("石", 2.4),
    ("贾", 2.2),
    ("夏", 2.1),
    ("付", 2.0),
    ("方", 1.9),
    ("白", 1.9),
    ("孟", 1.8),
    ("秦", 1.7),
    ("邱", 1.6),
    ("尹", 1.5),
    ("薛", 1.5),
    ("闫", 1.4),
    ("段", 1.4),
    ("侯", 1.3),
    ("史", 1.3),
    ("毕", 1.0),
    ("岳", 1.0),
    ("耿", 0.8),
    ("翟", 0.8),
    ("巩", 0.6),
    ("单", 0.9),
    ("解", 0.8),
    ("仇", 0.6),
    ("查", 0.5),
    ("区", 0.3),
    ("朴", 0.4),
    ("欧阳", 0.5),
    ("诸葛", 0.4),
)

MALE_SINGLE = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波浩凯健俊峰亮林东兵龙宇帅阳成"
FEMALE_SINGLE = "芳娜敏静丽艳娟霞玲燕红梅琳莉萍婷雪颖倩慧琴云洁丹英兰欣悦"
MALE_FIRST = "建志国德文明海永春立新晓俊家子宏金庆玉长振守传学"
MALE_SECOND = "军国华民强平明林伟刚东成杰峰涛生勇波斌辉亮龙祥福山忠"
FEMALE_FIRST = "秀桂玉淑丽美春海晓雪红文金凤小静佳雨思欣"
FEMALE_SECOND = "英兰珍芳梅华霞燕娟红玲莲琴云萍敏丽婷洁娜"
# Given names so common among today's householders that they deserve extra weight.
MALE_COMMON = (
    "建华",
    "建国",
    "建军",
    "志强",
    "志刚",
    "国强",
    "国华",
    "文华",
    "德胜",
    "永刚",
    "振华",
    "海波",
)
FEMALE_COMMON = (
    "秀英",
    "桂英",
    "秀兰",
    "玉兰",
    "桂兰",
    "秀珍",
    "凤英",
    "玉珍",
    "玉梅",
    "淑珍",
    "海燕",
    "丽娟",
    "晓燕",
    "春梅",
    "红梅",
)

_SURNAME_LIST = [s for s, _ in SURNAMES]
_SURNAME_CUM = list(accumulate(w for _, w in SURNAMES))

# Mobile number prefixes in use by the three carriers (1[3-9]x).
MOBILE_PREFIXES = (
    "134",
    "135",
    "136",
    "137",
    "138",
    "139",
    "147",
    "150",
    "151",
    "152",
    "157",
    "158",
    "159",
    "178",
    "182",
    "183",
    "184",
    "187",
    "188",
    "198",
    "130",
    "131",
    "132",
    "145",
    "155",
    "156",
    "166",
    "175",
    "176",
    "185",
    "186",
    "133",
    "149",
    "153",
    "173",
    "177",
    "180",
    "181",
    "189",
    "191",
    "199",
)

SHOP_KINDS = (
    "饭店",
    "餐馆",
    "面馆",
    "烧烤店",
    "早餐店",
    "水饺馆",
    "浴池",
    "豆腐坊",
    "宾馆",
    "农家乐",
    "食堂",
    "馒头房",
    "火锅店",
    "茶馆",
)


def surname(rng: random.Random) -> str:
    return rng.choices(_SURNAME_LIST, cum_weights=_SURNAME_CUM)[0]


def given_name(rng: random.Random, male: bool) -> str:
    """One or two characters; about a third are single, giving names like 张伟."""
    r = rng.random()
    if r < 0.34:
        return pick(rng, MALE_SINGLE if male else FEMALE_SINGLE)
    if r < 0.50:
        return pick(rng, MALE_COMMON if male else FEMALE_COMMON)
    if male:
        return pick(rng, MALE_FIRST) + pick(rng, MALE_SECOND)
    return pick(rng, FEMALE_FIRST) + pick(rng, FEMALE_SECOND)


def person_name(rng: random.Random, male: bool) -> str:
    return surname(rng) + given_name(rng, male)


def shop_name(rng: random.Random, place: str) -> str:
    """A commercial customer: '王村张记饭店'."""
    return f"{place}{surname(rng)}记{pick(rng, SHOP_KINDS)}"


def mobile(rng: random.Random, taken: set[str]) -> str:
    """A mobile number not in `taken` (which it joins)."""
    while True:
        number = pick(rng, MOBILE_PREFIXES) + f"{below(rng, 100_000_000):08d}"
        if number not in taken:
            taken.add(number)
            return number


def landline(rng: random.Random, taken: set[str]) -> str:
    """A Zibo landline in the Zhoucun/Wenchanghu exchanges (0533-6xxxxxx)."""
    while True:
        number = f"0533-6{below(rng, 1_000_000):06d}"
        if number not in taken:
            taken.add(number)
            return number
