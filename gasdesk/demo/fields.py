"""Columns of the demo's bulk rows, by model field name, in tuple order."""

from __future__ import annotations

ACCOUNT_FIELDS = (
    "id", "number", "name", "initials", "phone", "id_card", "address", "office",
    "user_type", "status", "balance_fen", "opened_on", "last_inspection",
)  # fmt: skip
METER_FIELDS = (
    "id", "number", "account", "kind", "model", "installed_on", "last_verified",
    "removed_on", "initial_l",
)  # fmt: skip
READING_FIELDS = (
    "id", "meter", "account", "read_on", "value_l", "source", "recorded_by", "created_at",
)  # fmt: skip
BILL_FIELDS = (
    "id", "account", "meter", "period_start", "period_end", "from_reading", "to_reading",
    "volume_l", "amount_fen", "lines_json", "created_at",
)  # fmt: skip
# shift, voids and authorised_by stay NULL in the demo history and are left out.
PAYMENT_FIELDS = (
    "id", "account", "office", "counter", "staff", "business_date", "kind", "method",
    "amount_fen", "tendered_fen", "change_fen", "volume_l", "reference", "idempotency_key",
    "reason", "lines_json", "created_at",
)  # fmt: skip
PAYMENT_BILL_FIELDS = ("id", "payment", "bill", "amount_fen")
RECEIPT_FIELDS = ("id", "series", "number", "payment", "issued_at")
RECEIPT_COUNTER_FIELDS = ("series", "last")
