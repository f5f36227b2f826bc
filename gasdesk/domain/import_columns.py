"""The columns of the two import files, by their Chinese headers (the names the
utility's own spreadsheets use) with English aliases and a few synonyms that other
counter systems export.

A header matches when it equals a column's name or alias after folding: full-width
letters and digits made plain, blanks and the marks around units removed, letters in
lower case ('身份证号码' and '身份证号' are the same column, so are 'ID card' and
'id_card'). Columns the file has beyond these are passed over and named in the report.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from gasdesk.domain.text import QT_TRANSLATE_NOOP, UserError

ACCOUNTS = "accounts"
READINGS = "readings"
KINDS = (ACCOUNTS, READINGS)


@dataclass(frozen=True)
class Column:
    field: str  # the name the checks use
    header: str  # the Chinese header (written in the sample file and the README)
    english: str  # the English alias (also the name shown in an English interface)
    required: bool = False
    synonyms: tuple[str, ...] = ()

    def names(self) -> tuple[str, ...]:
        return (self.header, self.english, *self.synonyms)


ACCOUNT_COLUMNS: tuple[Column, ...] = (
    Column("number", "户号", "account_number", True, ("用户编号", "用户号", "户编号", "account")),
    Column("name", "户名", "name", True, ("户主姓名", "用户名称", "用户姓名", "姓名", "holder")),
    Column("id_card", "身份证号", "id_card", False, ("身份证号码", "证件号码", "id_number")),
    Column("phone", "联系电话", "phone", False, ("电话", "手机", "手机号", "联系方式", "mobile")),
    Column("address", "用气地址", "address", True, ("地址", "用户地址", "安装地址")),
    Column("user_type", "用户类型", "user_type", False, ("用户类别", "用气性质", "type")),
    Column("office", "营业室", "office", False, ("营业厅", "所属营业室", "网点")),
    Column("meter_number", "表号", "meter_number", True, ("表编号", "燃气表号", "meter")),
    Column("meter_kind", "表型", "meter_type", False, ("表类型", "表具类型", "meter_kind")),
    Column("meter_model", "表具型号", "meter_model", False, ("型号", "表型号", "model")),
    Column("initial", "初始读数", "initial_reading", False, ("起始读数", "底数", "表底数")),
    Column("installed_on", "安装日期", "installed_on", True, ("装表日期", "install_date")),
    Column("last_verified", "检定日期", "verified_on", False, ("校验日期", "last_verified")),
    Column("opened_on", "开户日期", "opened_on", False, ("建档日期", "open_date")),
)

READING_COLUMNS: tuple[Column, ...] = (
    Column("meter_number", "表号", "meter_number", True, ("表编号", "燃气表号", "meter")),
    Column("read_on", "抄表日期", "read_on", True, ("抄见日期", "日期", "reading_date", "date")),
    Column("value", "本次读数", "reading", True, ("读数", "本期读数", "抄见读数", "value")),
    Column("source", "来源", "source", False, ("读数来源", "抄表方式")),
    Column("reader", "抄表员", "reader", False, ("抄表人", "meter_reader")),
    Column("account_number", "户号", "account_number", False, ("用户编号", "用户号", "account")),
)

COLUMNS: dict[str, tuple[Column, ...]] = {ACCOUNTS: ACCOUNT_COLUMNS, READINGS: READING_COLUMNS}

_UNIT = re.compile(r"[(（\[【].*?[)）\]】]")  # '初始读数(m³)', '本次读数（立方米）'


def fold_header(text: str) -> str:
    t = unicodedata.normalize("NFKC", text).replace("\ufeff", "")
    t = _UNIT.sub("", t)
    t = re.sub(r"[\s_\-:：*]+", "", t)
    return t.lower()


class HeaderError(UserError):
    """The header row does not name the columns an import needs: the file cannot be
    read as this kind of file."""


@dataclass(frozen=True)
class Mapping:
    """Which position of the file's rows holds each column."""

    kind: str
    positions: dict[str, int]  # field -> index in the row
    headers: dict[str, str]  # field -> the header as the file writes it
    ignored: tuple[str, ...]  # headers no column has

    def header_of(self, field: str) -> str:
        return self.headers.get(field) or column(self.kind, field).header


def column(kind: str, field: str) -> Column:
    return next(c for c in COLUMNS[kind] if c.field == field)


def map_header(kind: str, header: Sequence[str]) -> Mapping:
    """Match the file's headers to the columns of `kind`; HeaderError when a required
    column is missing or a column appears twice."""
    lookup: dict[str, Column] = {}
    for col in COLUMNS[kind]:
        for name in col.names():
            lookup[fold_header(name)] = col
    positions: dict[str, int] = {}
    headers: dict[str, str] = {}
    ignored: list[str] = []
    for index, text in enumerate(header):
        found = lookup.get(fold_header(text))
        if found is None:
            if text.strip():
                ignored.append(text.strip())
            continue
        col = found
        if col.field in positions:
            raise HeaderError(
                QT_TRANSLATE_NOOP(
                    "Messages", "The columns {first} and {second} are the same column ({name})."
                ),
                first=headers[col.field],
                second=text.strip(),
                name=col.header,
            )
        positions[col.field] = index
        headers[col.field] = text.strip()
    missing = [c.header for c in COLUMNS[kind] if c.required and c.field not in positions]
    if missing:
        raise HeaderError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The header row lacks the columns {missing}; the first row must name the "
                "columns (see the sample file).",
            ),
            missing="、".join(missing),
        )
    return Mapping(kind, positions, headers, tuple(ignored))


def guess_kind(header: Sequence[str]) -> str | None:
    """Which kind of file the header names (readings have a reading date and value,
    accounts a name and address), or None."""
    folded = {fold_header(h) for h in header}
    for kind in (READINGS, ACCOUNTS):
        needed = [c for c in COLUMNS[kind] if c.required]
        if all(any(fold_header(n) in folded for n in c.names()) for c in needed):
            return kind
    return None
