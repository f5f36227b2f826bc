"""The English detector the Chinese-screen tests rely on: it catches English sentences
and single English words in Chinese text, and lets codes, key names and units pass."""

from __future__ import annotations

import pytest

from tests.english_scan import english_words


@pytest.mark.parametrize(
    "text",
    [
        "&Look in:",
        "Files of &type:",
        "请输入wechat支付的交易流水号。",
        "格式不正确：4-20 letters or digits。",
        "不接受答复（unsatisfied）",
        "The business day 2026-09-30 is closed; no form can be recorded for it.",
        "Folder",
        "OK",
        "No",
        "Go to",
    ],
)
def test_english_is_found(text: str) -> None:
    assert english_words(text)


@pytest.mark.parametrize(
    "text",
    [
        "收据 MS-2026-000123",
        "确认 (Enter)",
        "锁屏（Ctrl+Shift+L）",
        "1900000001（机械表，JBD2.5 膜式燃气表）",
        "用气量 12.345 m³，¥168.00",
        "IC卡表",
        "另存为PDF(&S)（Ctrl+S）",
        "CSV 文件 (*.csv)",
        "GasDesk — 萌水营业室，1号窗口",
        "/tmp/导出/MS-2026-11-20.csv",
        "4.88 KiB",
        "营业员 MS01 李娜",
        "English",
    ],
)
def test_codes_keys_and_units_pass(text: str) -> None:
    assert english_words(text) == ()
