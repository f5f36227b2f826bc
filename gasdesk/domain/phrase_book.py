"""The phrase book: courtesy phrases (服务用语) tagged with the counter moments they
fit, and choosing what to say at a moment.

`select(book, moment, params)` gives the sentence for a moment, with the read-back
amounts filled in. Reading and checking a phrases file is gasdesk.domain.phrases.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from gasdesk.domain.money import format_yuan

# The moments a phrase is tagged with. The phrase panel says the phrase of a moment when
# the counter's events (gasdesk.domain.events) or its own timers call for it.
MOMENTS: dict[str, str] = {
    "customer_selected": "a new customer is being served",
    "waiting": "the counter is busy (a search or print) for more than a few seconds",
    "served_after_wait": "the customer is served after having had to wait",
    "overtime": "the service has run past the time limit (限时服务)",
    "listening": "the teller has heard the customer's request",
    "readback": "唱收唱付: the amounts are read back before recording (due_fen, received_fen,"
    " change_fen, method)",
    "committed": "the payment, void, form or reading is recorded (receipt, for a payment or a"
    " void)",
    "refusal": "the teller cannot do what is asked, or an error stopped it (message)",
    "apology": "the teller apologises",
    "thanks": "the customer thanks the teller",
    "customer_apology": "the customer apologises",
    "not_heard": "the teller did not hear the customer",
    "interrupt": "the teller must interrupt the customer",
    "disturb": "the teller must trouble the customer",
    "urging": "the customer is in a hurry or upset",
    "ask_customer": "the teller asks the customer to do something",
    "farewell": "the service is over",
}

# Moments the counter drives by itself: the book must have a phrase for each.
REQUIRED_MOMENTS: tuple[str, ...] = (
    "customer_selected",
    "waiting",
    "served_after_wait",
    "overtime",
    "readback",
    "committed",
    "refusal",
    "thanks",
    "farewell",
)

GROUPS: tuple[str, ...] = ("basic", "tactful", "readback")

# Template placeholders and the moment parameter each one takes its value from.
AMOUNT_PLACEHOLDERS: dict[str, str] = {
    "due": "due_fen",
    "received": "received_fen",
    "change": "change_fen",
}
TEXT_PLACEHOLDERS: dict[str, str] = {"receipt": "receipt"}

# `when` conditions on read-back templates.
# `method` is the payment method of a read-back ('cash', 'wechat', 'alipay', 'card',
# 'balance'); a read-back without one is cash.


def _cash(p: Mapping[str, Any]) -> bool:
    return str(p.get("method") or "cash") == "cash"


CONDITIONS: dict[str, Callable[[Mapping[str, Any]], bool]] = {
    "change": lambda p: _fen(p.get("change_fen", 0)) > 0,
    "no_change": lambda p: _cash(p) and _fen(p.get("change_fen", 0)) == 0,
    "non_cash": lambda p: not _cash(p),
}


def _fen(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError("amounts are integer fen")
    return value


class MissingParameter(KeyError):
    """A template needs a moment parameter that was not given."""


@dataclass(frozen=True)
class Phrase:
    id: str
    group: str
    text: str
    gloss: str
    moments: tuple[str, ...]
    alternatives: tuple[str, ...] = ()
    number: int | None = None
    when: str = ""

    @property
    def placeholders(self) -> tuple[str, ...]:
        return tuple(name for _, name, _, _ in string.Formatter().parse(self.text) if name)

    @property
    def is_template(self) -> bool:
        return bool(self.placeholders)

    def fits(self, moment: str, params: Mapping[str, Any]) -> bool:
        if moment not in self.moments:
            return False
        if not self.when:
            return True
        try:
            return CONDITIONS[self.when](params)
        except (TypeError, KeyError):
            return False

    def blank(self) -> str:
        """The text with '…' for each placeholder (a template shown without amounts)."""
        return self.text.format(**dict.fromkeys(self.placeholders, "…"))

    def render(self, params: Mapping[str, Any]) -> str:
        """The text with its placeholders filled: amounts as yuan ('12.50')."""
        values: dict[str, str] = {}
        for name in self.placeholders:
            if name in AMOUNT_PLACEHOLDERS:
                key = AMOUNT_PLACEHOLDERS[name]
                if key not in params:
                    raise MissingParameter(key)
                values[name] = format_yuan(_fen(params[key]))
            else:
                key = TEXT_PLACEHOLDERS[name]
                if key not in params or params[key] in (None, ""):
                    raise MissingParameter(key)
                values[name] = str(params[key])
        return self.text.format(**values)


@dataclass(frozen=True)
class Selection:
    """What to say at a moment: the phrases that fit, and the sentence they make."""

    moment: str
    phrases: tuple[Phrase, ...]
    text: str

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.phrases)


@dataclass(frozen=True)
class PhraseBook:
    phrases: tuple[Phrase, ...]

    def __post_init__(self) -> None:
        ids = [p.id for p in self.phrases]
        if len(set(ids)) != len(ids):
            raise ValueError("phrase ids must be unique")

    def get(self, phrase_id: str) -> Phrase:
        for p in self.phrases:
            if p.id == phrase_id:
                return p
        raise KeyError(phrase_id)

    def group(self, group: str) -> tuple[Phrase, ...]:
        return tuple(p for p in self.phrases if p.group == group)

    def fitting(self, moment: str, params: Mapping[str, Any] | None = None) -> tuple[Phrase, ...]:
        params = params or {}
        return tuple(p for p in self.phrases if p.fits(moment, params))


def _join(texts: list[str]) -> str:
    trimmed = [t.rstrip("，,。. ") for t in texts[:-1]] + texts[-1:]
    return "，".join(trimmed)


def select(
    book: PhraseBook, moment: str, params: Mapping[str, Any] | None = None
) -> Selection | None:
    """The phrases for a moment and the sentence to say, amounts filled in.

    Phrases whose template lacks a parameter are left out; None when nothing fits."""
    params = params or {}
    chosen: list[Phrase] = []
    texts: list[str] = []
    for phrase in book.fitting(moment, params):
        try:
            texts.append(phrase.render(params))
        except (MissingParameter, TypeError):
            continue
        chosen.append(phrase)
    if not chosen:
        return None
    return Selection(moment, tuple(chosen), _join(texts))


def for_phrase(phrase: Phrase, params: Mapping[str, Any] | None = None) -> Selection:
    """A selection of one phrase the teller picked; a template without its
    parameters shows '…' where the amounts go."""
    try:
        text = phrase.render(params or {})
    except (MissingParameter, TypeError):
        text = phrase.blank()
    return Selection("", (phrase,), text)
