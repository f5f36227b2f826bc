"""What `verify()` found, in two voices: a line per kind of finding for the supervisor
(a template marked for translation, naming the receipts, days or records concerned)
and a detailed English line per finding for the log.

A *warning* is a fact the chain itself records and explains (an anchor started again
after it had gone, a key replaced because the old one was lost): shown first, but the
chain is not called broken for it. Every other finding makes verify fail."""

from __future__ import annotations

from dataclasses import dataclass, field

from gasdesk.domain.text import QT_TRANSLATE_NOOP

MAX_DETAILS = 20  # detail lines kept in VerifyResult.problems
MAX_ITEMS = 50  # items kept per kind of finding
SHOWN_ITEMS = 8  # items named on the supervisor's line

TEMPLATES: dict[str, str] = {
    "key_unusable": QT_TRANSLATE_NOOP(
        "Messages", "The audit key cannot be used ({items}); nothing was checked against it."
    ),
    "key_wrong": QT_TRANSLATE_NOOP(
        "Messages",
        "The audit records cannot be checked with this key (fingerprint {items}): the key "
        "file is not this database's, or the trail was sealed again with another key.",
    ),
    "key_switched": QT_TRANSLATE_NOOP(
        "Messages",
        "Audit records were sealed with another key without a recorded key change: {items}.",
    ),
    "key_recorded_differs": QT_TRANSLATE_NOOP(
        "Messages",
        "Audit records name a key other than the one that sealed them (the trail was sealed "
        "again): {items}.",
    ),
    "key_absent": QT_TRANSLATE_NOOP(
        "Messages",
        "The key file lacks a key the trail changed to, so these records cannot be "
        "checked: {items}.",
    ),
    "chain_altered": QT_TRANSLATE_NOOP("Messages", "Audit records were altered: {items}."),
    "chain_missing": QT_TRANSLATE_NOOP("Messages", "Audit records are missing (deleted): {items}."),
    "chain_order": QT_TRANSLATE_NOOP(
        "Messages", "Audit records are doubled, out of order or unlinked: {items}."
    ),
    "chain_truncated": QT_TRANSLATE_NOOP(
        "Messages", "The newest audit records were cut off: {items} is gone."
    ),
    "chain_other_head": QT_TRANSLATE_NOOP(
        "Messages", "The audit trail differs from a head recorded elsewhere: {items}."
    ),
    "anchor_missing": QT_TRANSLATE_NOOP(
        "Messages",
        "The anchor file beside the database is missing ({items}): a cut-off end of the "
        "audit trail cannot be excluded; check against the Z slips.",
    ),
    "anchor_altered": QT_TRANSLATE_NOOP(
        "Messages", "The anchor file was altered or cannot be read: {items}."
    ),
    "anchor_other_chain": QT_TRANSLATE_NOOP(
        "Messages", "The anchor file belongs to another audit trail: {items}."
    ),
    "anchor_restarted": QT_TRANSLATE_NOOP(
        "Messages",
        "The anchor file had gone missing and was started again at audit record {items}; a "
        "cut-off end before that cannot be excluded: check against the Z slips.",
    ),
    "anchor_absent_copy": QT_TRANSLATE_NOOP(
        "Messages",
        "This database file is a copy without its anchor file ({items}): the end of its audit "
        "trail is checked only against heads recorded elsewhere.",
    ),
    "key_lost": QT_TRANSLATE_NOOP(
        "Messages",
        "Audit records {items} were sealed with a key later replaced as lost; they cannot "
        "be checked.",
    ),
    "payment_altered": QT_TRANSLATE_NOOP("Messages", "Payment records were altered: {items}."),
    "payment_inserted": QT_TRANSLATE_NOOP(
        "Messages", "Payments without an audit record (inserted): {items}."
    ),
    "payment_deleted": QT_TRANSLATE_NOOP("Messages", "Payments were deleted: {items}."),
    "receipt_gap": QT_TRANSLATE_NOOP("Messages", "Receipt numbers are missing: {items}."),
    "receipt_altered": QT_TRANSLATE_NOOP("Messages", "Receipts were altered or deleted: {items}."),
    "settlement_altered": QT_TRANSLATE_NOOP(
        "Messages", "Bill settlements of payments were changed or deleted: {items}."
    ),
    "balance_wrong": QT_TRANSLATE_NOOP(
        "Messages", "Prepaid balances differ from what the payments imply: {items}."
    ),
    "day_reopened": QT_TRANSLATE_NOOP("Messages", "Closed business days were reopened: {items}."),
    "day_closure_altered": QT_TRANSLATE_NOOP(
        "Messages", "Day closures were altered or deleted: {items}."
    ),
    "day_paid_after_close": QT_TRANSLATE_NOOP(
        "Messages", "Money was recorded for a closed day after its closure: {items}."
    ),
    "day_totals_differ": QT_TRANSLATE_NOOP(
        "Messages", "The payments of closed days no longer add up to their closure: {items}."
    ),
    "day_unrecorded_close": QT_TRANSLATE_NOOP(
        "Messages", "Business days are marked closed without a closure record: {items}."
    ),
    "drawer_altered": QT_TRANSLATE_NOOP(
        "Messages",
        "Drawer records (shifts, counts, cash paid in or out, differences) were altered: {items}.",
    ),
    "drawer_inserted": QT_TRANSLATE_NOOP(
        "Messages", "Drawer records without an audit record (inserted): {items}."
    ),
    "drawer_deleted": QT_TRANSLATE_NOOP("Messages", "Drawer records were deleted: {items}."),
    "history_altered": QT_TRANSLATE_NOOP(
        "Messages", "Imported payments or closed days were altered: {items}."
    ),
    "card_altered": QT_TRANSLATE_NOOP(
        "Messages", "IC-card records (cards, purchases, writes) were altered: {items}."
    ),
    "card_inserted": QT_TRANSLATE_NOOP(
        "Messages", "IC-card records without an audit record (inserted): {items}."
    ),
    "card_deleted": QT_TRANSLATE_NOOP("Messages", "IC-card records were deleted: {items}."),
    "account_history_altered": QT_TRANSLATE_NOOP(
        "Messages", "The history of accounts (what a form changed) was altered: {items}."
    ),
    "account_history_inserted": QT_TRANSLATE_NOOP(
        "Messages", "Account history without an audit record (inserted): {items}."
    ),
    "account_history_deleted": QT_TRANSLATE_NOOP(
        "Messages", "Account history was deleted: {items}."
    ),
    "credit_altered": QT_TRANSLATE_NOOP(
        "Messages", "Credits to accounts (meter checks) were altered: {items}."
    ),
    "credit_inserted": QT_TRANSLATE_NOOP(
        "Messages", "Credits to accounts without an audit record (inserted): {items}."
    ),
    "credit_deleted": QT_TRANSLATE_NOOP("Messages", "Credits to accounts were deleted: {items}."),
    "import_altered": QT_TRANSLATE_NOOP(
        "Messages",
        "Imported customers, meters or readings were altered, added or deleted (import "
        "batches): {items}.",
    ),
    "import_unsealed": QT_TRANSLATE_NOOP(
        "Messages",
        "Records name an import that the audit trail does not record (import batches): {items}.",
    ),
}
WARNINGS = frozenset({"anchor_restarted", "anchor_absent_copy", "key_lost"})


@dataclass(frozen=True)
class Finding:
    code: str  # a key of TEMPLATES
    item: str  # what it concerns, as the supervisor's line names it
    detail: str  # English, for the log
    seq: int | None = None  # the audit record concerned, if any

    @property
    def warning(self) -> bool:
        return self.code in WARNINGS


@dataclass(frozen=True)
class SummaryLine:
    code: str
    template: str
    params: dict[str, object]
    warning: bool
    count: int


@dataclass
class Collector:
    findings: list[Finding] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    first_bad: int | None = None

    def add(self, code: str, item: str, detail: str, seq: int | None = None) -> None:
        if code not in TEMPLATES:
            raise ValueError(code)
        self.counts[code] = self.counts.get(code, 0) + 1
        if self.counts[code] <= MAX_ITEMS:
            self.findings.append(Finding(code, item, detail, seq))
        failing = code not in WARNINGS and seq is not None
        if failing and (self.first_bad is None or seq < self.first_bad):  # type: ignore[operator]
            self.first_bad = seq

    @property
    def failed(self) -> bool:
        return any(code not in WARNINGS for code in self.counts)


def summary_lines(findings: tuple[Finding, ...], counts: dict[str, int]) -> list[SummaryLine]:
    """One line per kind of finding, warnings first, in the order of TEMPLATES."""
    lines: list[SummaryLine] = []
    order = sorted(TEMPLATES, key=lambda c: (c not in WARNINGS, list(TEMPLATES).index(c)))
    for code in order:
        if code not in counts:
            continue
        items: list[str] = []
        for f in findings:
            if f.code == code and f.item not in items:
                items.append(f.item)
        shown = "、".join(items[:SHOWN_ITEMS])
        if len(items) > SHOWN_ITEMS or counts[code] > MAX_ITEMS:
            shown += f" … ({counts[code]})"
        lines.append(
            SummaryLine(code, TEMPLATES[code], {"items": shown}, code in WARNINGS, counts[code])
        )
    return lines
