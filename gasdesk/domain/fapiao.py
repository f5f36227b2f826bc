"""Fapiao requests (开票申请): who the e-fapiao for a payment is made out to.

The buyer's tax number is the unified social credit code (统一社会信用代码, GB
32100-2015): 18 characters from 0-9 and the capitals without I, O, Z, S and V; the
last is a check character computed from the first 17 (weights 3^i mod 31). A
private person has none: the number is left empty and the fapiao goes to the name.
The e-fapiao is delivered by text message or e-mail, so one of the two is needed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from gasdesk.domain.errors import TellerError
from gasdesk.domain.form_fields import validate_phone
from gasdesk.domain.text import QT_TRANSLATE_NOOP

USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")
MAX_NAME = 100


class FapiaoError(TellerError):
    """The fapiao request is incomplete or wrong; nothing was recorded. `field` names
    the entry to correct ('name', 'tax_number', 'phone', 'email')."""

    def __init__(self, code: str, template: str, field: str, **params: object) -> None:
        self.field = field
        super().__init__(code, template, **params)


@dataclass(frozen=True)
class FapiaoBuyer:
    name: str
    tax_number: str = ""  # empty for a private person
    phone: str = ""
    email: str = ""


def uscc_check_char(first17: str) -> str:
    """The check character of a unified social credit code's first 17 characters."""
    total = sum(USCC_CHARS.index(ch) * w for ch, w in zip(first17, USCC_WEIGHTS, strict=True))
    return USCC_CHARS[(31 - total % 31) % 31]


def normalise_tax_number(text: str) -> str:
    """Full-width characters, lower case, blanks and dashes as typed -> the code."""
    return re.sub(r"[\s-]", "", unicodedata.normalize("NFKC", text or "")).upper()


def check_tax_number(text: str) -> str:
    """The unified social credit code `text` (normalised), or a refusal saying why."""
    code = normalise_tax_number(text)
    if len(code) != 18:
        raise FapiaoError(
            "tax_number_length",
            QT_TRANSLATE_NOOP(
                "Messages",
                "A unified social credit code has 18 characters; '{value}' has {n}.",
            ),
            "tax_number",
            value=code,
            n=len(code),
        )
    wrong = [ch for ch in code if ch not in USCC_CHARS]
    if wrong:
        raise FapiaoError(
            "tax_number_characters",
            QT_TRANSLATE_NOOP(
                "Messages",
                "A unified social credit code has digits and capitals other than I, O, Z, S "
                "and V; '{char}' is not one of them.",
            ),
            "tax_number",
            char=wrong[0],
        )
    if uscc_check_char(code[:17]) != code[17]:
        raise FapiaoError(
            "tax_number_check",
            QT_TRANSLATE_NOOP(
                "Messages",
                "The tax number {value} does not check out (its last character is wrong): "
                "it was mistyped.",
            ),
            "tax_number",
            value=code,
        )
    return code


def check_buyer(name: str, tax_number: str = "", phone: str = "", email: str = "") -> FapiaoBuyer:
    """The buyer of a fapiao request, each entry normalised; refused with the first
    entry that is wrong."""
    clean_name = " ".join(unicodedata.normalize("NFKC", name or "").split())
    if len(clean_name) < 2 or len(clean_name) > MAX_NAME:
        raise FapiaoError(
            "buyer_name",
            QT_TRANSLATE_NOOP(
                "Messages", "Enter the buyer's name for the fapiao (2 to 100 characters)."
            ),
            "name",
        )
    code = check_tax_number(tax_number) if (tax_number or "").strip() else ""
    clean_phone = ""
    if (phone or "").strip():
        value, problem = validate_phone(phone)
        if problem is not None:
            raise FapiaoError(
                "buyer_phone",
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "The phone number is not valid: a mobile number has 11 digits starting "
                    "13-19; a landline is like 0533-6886656.",
                ),
                "phone",
            )
        clean_phone = str(value)
    clean_email = unicodedata.normalize("NFKC", email or "").strip()
    if clean_email and (len(clean_email) > 100 or not EMAIL_RE.fullmatch(clean_email)):
        raise FapiaoError(
            "buyer_email",
            QT_TRANSLATE_NOOP("Messages", "'{value}' is not an e-mail address."),
            "email",
            value=clean_email,
        )
    if not clean_phone and not clean_email:
        raise FapiaoError(
            "buyer_contact",
            QT_TRANSLATE_NOOP(
                "Messages",
                "Enter a mobile number or an e-mail address: the e-fapiao is sent there.",
            ),
            "phone",
        )
    return FapiaoBuyer(clean_name, code, clean_phone, clean_email)
