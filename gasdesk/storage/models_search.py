"""The customer search index: one row per (gram, account).

A gram is a two-character window of the folded name or address, or '#' and a
four-digit window of the mobile number (see gasdesk.domain.search). The primary key
(gram, account) makes every posting list an ordered index range; on SQLite the table
is created WITHOUT ROWID, so the key is the table and nothing is stored twice.
"""

from __future__ import annotations

from peewee import CharField, CompositeKey, ForeignKeyField

from gasdesk.storage.models import Account, BaseModel


class SearchGram(BaseModel):
    gram = CharField(max_length=8)
    account = ForeignKeyField(Account, backref="+", on_delete="CASCADE", index=True)

    class Meta:
        table_name = "search_gram"
        primary_key = CompositeKey("gram", "account")


SEARCH_MODELS = [SearchGram]

POSTGRES_PREFIX_INDEXES = (
    'CREATE INDEX IF NOT EXISTS account_number_bytewise ON account (number COLLATE "C")',
    'CREATE INDEX IF NOT EXISTS account_initials_bytewise ON account (initials COLLATE "C", id)',
    'CREATE INDEX IF NOT EXISTS meter_number_bytewise ON meter (number COLLATE "C")',
)
