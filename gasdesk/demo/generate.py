"""Fill an empty GasDesk database with the deterministic demo data set.

The same seed and the same `today` give the same rows, id for id (only the staff's
salted password hashes differ). The history covers the 24 complete months before
`today`'s month, plus counter events of the current month before `today`.

What it holds: the two offices and their counters from the service code; per office
two tellers and a supervisor (DEMO_STAFF, password DEMO_PASSWORD); accounts split
55 : 45 between Mengshui and Wangcun, about 3 % commercial and 2 % suspended, 30 %
with IC-card meters; a reading of every mechanical meter each month (a few per cent
estimated, 1.5 % of meters changed) and a bill per reading period, priced with the
tariffs exactly as domain.tariff prices them; payments at the counters with
receipts numbered without gaps per office and year; about 5 % of accounts in
arrears and 30 % with last month's bill still open; IC-card purchases at the
counter; the customer search index; every past business day closed; the card of
every IC-card meter on record (demo/cards.py).

The demo history predates the audit trail, shifts and cash counts: it is loaded
like a data migration from an older system, not as teller actions, so it writes no
event per payment, no shift and no cash count. Once loaded, the history is sealed as
migrated history is (audit_history.seal_history): a `history.import` event per block of
payments, so that `gasdesk verify` and verified backups check the demo database too.
"""

from __future__ import annotations

import datetime as dt
import gc
import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from gasdesk.demo import bulk, derived
from gasdesk.demo.calendar import MONTHS, Timeline
from gasdesk.demo.cards import register_cards
from gasdesk.demo.errors import DemoError
from gasdesk.demo.fields import (
    ACCOUNT_FIELDS,
    BILL_FIELDS,
    METER_FIELDS,
    PAYMENT_BILL_FIELDS,
    PAYMENT_FIELDS,
    READING_FIELDS,
    RECEIPT_COUNTER_FIELDS,
    RECEIPT_FIELDS,
)
from gasdesk.demo.history import History
from gasdesk.demo.households import create_households
from gasdesk.demo.reference import REFERENCE_FIELDS, plan_reference
from gasdesk.storage import audit_history
from gasdesk.storage.audit_cover_cards import seal_registered
from gasdesk.storage.db import write_transaction
from gasdesk.storage.models import (
    Account,
    BaseModel,
    Bill,
    Meter,
    Payment,
    PaymentBill,
    Reading,
    Receipt,
    ReceiptCounter,
    db,
)
from gasdesk.storage.models_cards import IcCard
from gasdesk.storage.models_days import BusinessDay

DEFAULT_ACCOUNTS = 20_000
# How many lines generate() passes to `progress`: the accounts, each month of history
# and the current one, the last rows, the seal.
PROGRESS_STEPS = 1 + (MONTHS + 1) + 1 + 1
DEFAULT_SEED = 20261127
MAX_ACCOUNTS = 1_000_000
__all__ = ["DemoError", "DemoSummary", "generate"]
# Tables the demo fills from empty; their indexes are rebuilt after the load.
BULK_MODELS: tuple[type[BaseModel], ...] = (
    Account,
    Meter,
    Reading,
    Bill,
    Payment,
    PaymentBill,
    Receipt,
)
MUST_BE_EMPTY: tuple[type[BaseModel], ...] = (
    *BULK_MODELS,
    ReceiptCounter,
    *derived.DERIVED_MODELS,
    IcCard,
)
BULK_FIELDS: dict[type[BaseModel], tuple[str, ...]] = {
    Account: ACCOUNT_FIELDS,
    Meter: METER_FIELDS,
    Reading: READING_FIELDS,
    Bill: BILL_FIELDS,
    Payment: PAYMENT_FIELDS,
    PaymentBill: PAYMENT_BILL_FIELDS,
    Receipt: RECEIPT_FIELDS,
    ReceiptCounter: RECEIPT_COUNTER_FIELDS,
    BusinessDay: derived.BUSINESS_DAY_FIELDS,
}


@dataclass(frozen=True)
class DemoSummary:
    offices: int
    staff: int
    accounts: int
    meters: int
    readings: int
    bills: int
    payments: int
    receipts: int
    seconds: float

    def line(self) -> str:
        return (
            f"Demo data: {self.offices} offices, {self.staff} staff, {self.accounts} accounts, "
            f"{self.meters} meters, {self.readings} readings, {self.bills} bills, "
            f"{self.payments} payments, {self.receipts} receipts in {self.seconds:.1f} s"
        )


def _refuse_unless_empty() -> None:
    for model in MUST_BE_EMPTY:
        count = model.select().count()
        if count:
            raise DemoError(
                f"The database already holds {count} rows in {model._meta.table_name}; "
                f"demo data is only written into an empty database."
            )


def _load_failed(exc: bulk.LoadError) -> DemoError:
    if exc.refused:
        return DemoError("Another program wrote into the database meanwhile; nothing was written.")
    return DemoError(f"The demo data could not be written ({exc}); nothing was written.")


def generate(
    accounts: int = DEFAULT_ACCOUNTS,
    seed: int = DEFAULT_SEED,
    today: dt.date | None = None,
    progress: Callable[[str], None] | None = None,
) -> DemoSummary:
    """Write the demo data set, in one transaction, into the open and migrated
    database, which must hold no accounts or history yet. `progress` receives a line
    per month of history when given."""
    if not 1 <= accounts <= MAX_ACCOUNTS:
        raise DemoError(f"The number of demo accounts must be between 1 and {MAX_ACCOUNTS:,}.")
    started = time.perf_counter()
    today = today or dt.date.today()
    rng = random.Random(seed)
    timeline = Timeline(today)
    database = db.obj
    _refuse_unless_empty()
    loader: bulk.Loader | None = None

    def sink(batch: bulk.Batch) -> None:
        assert loader is not None
        loader.put(batch)

    tables = {
        model: bulk.BulkTable(database, model, fields, sink)
        for model, fields in (*REFERENCE_FIELDS.items(), *BULK_FIELDS.items())
    }

    def flush() -> None:
        for table in tables.values():  # in dependency order: parents first
            table.flush()

    ref = plan_reference(timeline.first, tables)  # reads the database: before the load
    search_indexes = derived.search_index_plan(database)
    tables[BusinessDay].rows.extend(derived.closed_days(ref, timeline))
    try:
        loader = bulk.start_loader(
            database,
            bulk.guard_sql(database, MUST_BE_EMPTY),
            BULK_MODELS,
            sequenced=(*REFERENCE_FIELDS, *BULK_MODELS),
        )
    except bulk.LoadError as exc:
        raise _load_failed(exc) from exc
    # Millions of tuples stay alive until written; the cyclic collector would walk
    # them again and again (they hold no cycles), so it pauses during generation.
    collecting = gc.isenabled()
    gc.disable()
    try:
        households = create_households(rng, accounts, ref, timeline, tables[Account], tables[Meter])
        searchable = [
            (r[0], r[2], r[6], r[4]) for r in tables[Account].rows
        ]  # id, name, address, phone
        flush()
        derived.queue_search_index(sink, database, searchable, search_indexes)
        del searchable
        if progress:
            progress(f"{accounts} accounts")
        history = History(rng, ref, timeline, {m._meta.table_name: tables[m] for m in BULK_MODELS})
        history.run(households, flush, progress)
        tables[ReceiptCounter].rows.extend(sorted(history.counters.receipt_counters.items()))
        flush()
        if progress:
            progress("writing the last rows and rebuilding the indexes")
        loader.finish()
    except bulk.LoadError as exc:
        loader.abandon()
        raise _load_failed(exc) from exc
    except BaseException:
        loader.abandon()
        raise
    finally:
        if collecting:
            gc.enable()
    if progress:
        progress("sealing the history in the audit trail")
    with write_transaction():  # a crash before this commit leaves it unsealed: verify says so
        audit_history.seal_history("demo data set")
        register_cards()  # the IC-card meters' cards, sealed with the history
        seal_registered("demo data set")
    return DemoSummary(
        offices=len(ref.offices),
        staff=ref.staff_count,
        accounts=tables[Account].written,
        meters=tables[Meter].written,
        readings=tables[Reading].written,
        bills=tables[Bill].written,
        payments=tables[Payment].written,
        receipts=tables[Receipt].written,
        seconds=time.perf_counter() - started,
    )
