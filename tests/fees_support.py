"""A small deterministic data set for the fee-collection tests (used until the
shared fixtures hold one of their own)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from gasdesk.domain.cards import CardImage
from gasdesk.resources import load_toml
from gasdesk.services.passwords import hash_password
from gasdesk.storage.models import (
    Account,
    Counter,
    Meter,
    Office,
    Reading,
    Staff,
    TariffTier,
    TariffVersion,
)
from tests.helpers import create_office, open_test_shift, settle, type_text
from tests.pg_support import BACKENDS, open_test_database

PASSWORD = "123456"
TODAY = dt.date(2026, 3, 10)
IC_CARD = "IC200201"  # the IC account's card number
IC_METER = "IC-2002"
_HASH: list[str] = []


@dataclass
class FeeData:
    db_path: Path
    ms: Office
    wc: Office
    counter: Counter
    wc_counter: Counter
    teller: Staff
    supervisor: Staff
    wc_supervisor: Staff
    house: Account  # mechanical meter, one unbilled reading: 56 m³, 168.00 due
    ic: Account  # IC-card meter
    prepay: Account  # mechanical, nothing due
    shift_id: int | None = None  # the teller's open shift, where the fixture opened one


def password_hash() -> str:
    if not _HASH:
        _HASH.append(hash_password(PASSWORD))
    return _HASH[0]


def add_tariff(
    name: str, effective_from: dt.date, tiers: list[tuple[int | None, int]]
) -> TariffVersion:
    v = TariffVersion.create(name=name, user_type="residential", effective_from=effective_from)
    for seq, (upper, price) in enumerate(tiers, start=1):
        TariffTier.create(version=v, seq=seq, upper_m3=upper, price_fen=price)
    return v


def make_fee_db(tmp_path: Path, backend: str = "sqlite", url: str | None = None) -> FeeData:
    """The data set in a fresh migrated database: an SQLite file in tmp_path, or the
    PostgreSQL test database at `url` (emptied first)."""
    path = tmp_path / "gasdesk.db"
    database = open_test_database(backend, tmp_path, url)
    with database.atomic():
        ms = create_office("MS")
        wc = create_office("WC")
        counter = Counter.create(office=ms, number=1, name="1号窗口")
        wc_counter = Counter.create(office=wc, number=1, name="1号窗口")
        h = password_hash()
        teller = Staff.create(badge="MS01", name="李娜", role="teller", office=ms, password_hash=h)
        supervisor = Staff.create(
            badge="MS09", name="张伟", role="supervisor", office=ms, password_hash=h
        )
        wc_sup = Staff.create(
            badge="WC09", name="赵磊", role="supervisor", office=wc, password_hash=h
        )
        t = load_toml("tariff_residential.toml")
        add_tariff(
            t["name"],
            dt.date.fromisoformat(t["effective_from"]),
            [(tier.get("upper_m3"), tier["price_fen"]) for tier in t["tier"]],
        )
        house = Account.create(
            number="31000001",
            name="王秀英",
            initials="wxy",
            phone="13800000001",
            address="文昌湖区商家镇幸福路8号",
            office=ms,
        )
        m1 = Meter.create(
            number="M-1001",
            account=house,
            kind="mechanical",
            model="G2.5",
            installed_on=dt.date(2026, 1, 5),
            initial_l=100_000,
        )
        Reading.create(
            meter=m1, account=house, read_on=dt.date(2026, 3, 5), value_l=156_000, source="reader"
        )
        ic = Account.create(
            number="31000002",
            name="刘建国",
            initials="ljg",
            phone="13800000002",
            address="文昌湖区萌山路2号",
            office=ms,
        )
        ic_meter = Meter.create(
            number=IC_METER,
            account=ic,
            kind="ic_card",
            model="IC G2.5",
            installed_on=dt.date(2025, 1, 1),
            initial_l=0,
        )
        pre = Account.create(
            number="31000003",
            name="陈静",
            initials="cj",
            phone="13800000003",
            address="文昌湖区鲁山大道6号",
            office=ms,
        )
        Meter.create(
            number="M-1003",
            account=pre,
            kind="mechanical",
            model="G2.5",
            installed_on=dt.date(2026, 1, 1),
            initial_l=0,
        )
    from gasdesk.services.cards import register_card

    register_card(ic_meter.id, IC_CARD, supervisor.id)  # the card the customer holds
    return FeeData(path, ms, wc, counter, wc_counter, teller, supervisor, wc_sup, house, ic, pre)


def ic_card(seq: int = 0, pending_l: int = 0) -> CardImage:
    """The IC account's card as the reader reads it."""
    return CardImage(IC_CARD, IC_METER, seq, pending_l)


@pytest.fixture(params=BACKENDS)
def fee_data_backends(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[FeeData]:
    """The fee-collection data set on each backend (SQLite; PostgreSQL when
    GASDESK_TEST_PG_URL names a test server), bound to the models, with the teller's
    shift open at Mengshui counter 1 on TODAY (money is taken only into a shift).
    Service tests use it under the name fee_data (`fee_data =
    fees_support.fee_data_backends`, with `pg_url = pg_support.pg_url`)."""
    from gasdesk.storage.models import db

    url = request.getfixturevalue("pg_url") if request.param == "pg" else None
    data = make_fee_db(tmp_path, str(request.param), url)
    data.shift_id = open_test_shift(data.teller.id, data.counter.id, TODAY).id
    yield data
    db.close()


@pytest.fixture
def fee_data(tmp_path: Path) -> Iterator[FeeData]:
    """The data set in an SQLite file (the screens run on the counter's own file)."""
    from gasdesk.storage.models import db

    data = make_fee_db(tmp_path)
    yield data
    db.close()


def is_postgres() -> bool:
    from peewee import PostgresqlDatabase

    from gasdesk.storage.models import db

    return isinstance(db.obj, PostgresqlDatabase)


def counts() -> dict[str, int]:
    """How many rows the money tables hold (to prove that nothing was written)."""
    from gasdesk.storage.models import (
        AuditEvent,
        Bill,
        Payment,
        PaymentBill,
        Receipt,
        ReceiptCounter,
    )

    return {
        "payment": Payment.select().count(),
        "receipt": Receipt.select().count(),
        "bill": Bill.select().count(),
        "payment_bill": PaymentBill.select().count(),
        "audit": AuditEvent.select().count(),
        "receipt_counter": sum(r.last for r in ReceiptCounter.select()),
    }


@pytest.fixture
def fee_ctx(fee_data: FeeData, qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A teller (MS01) logged in at Mengshui counter 1 over the fee data set, printing
    to PDF files in tmp_path/printed instead of a printer, with the simulated card
    reader in tmp_path/cards holding the IC customer's card (card_reader())."""
    from gasdesk import settings as keys
    from gasdesk.devices.card_sim import SimulatedCardDevice
    from gasdesk.settings import open_settings
    from gasdesk.ui.context import AppContext
    from gasdesk.ui.worker import DbWorker
    from tests.helpers import teller_login

    worker = DbWorker()
    settings = open_settings()
    settings.set(keys.OUTPUT_DIR, str(tmp_path / "printed"))
    settings.set(keys.CARD_FOLDER, str(tmp_path / "cards"))
    settings.set(keys.ID_FOLDER, str(tmp_path / "id-reader"))
    reader = SimulatedCardDevice(tmp_path / "cards")
    reader.make_card(ic_card())  # the IC customer's card, handed over and in the reader
    reader.place(IC_CARD)
    ctx = AppContext(session=teller_login(), worker=worker, settings=settings)
    yield ctx
    settle(qtbot, worker)  # deliver what is in flight before shutting down
    worker.shutdown()


def card_reader(tmp_path: Path):  # type: ignore[no-untyped-def]
    """The simulated card reader fee_ctx's counter uses (state in tmp_path/cards)."""
    from gasdesk.devices.card_sim import SimulatedCardDevice

    return SimulatedCardDevice(tmp_path / "cards")


@pytest.fixture
def on_shift(fee_ctx):  # type: ignore[no-untyped-def]
    """The fee_ctx teller's shift, open at the counter today (through the real service);
    a module that takes payments on a window of its own asks for it
    (`on_shift = fees_support.on_shift`)."""
    s = fee_ctx.session
    return open_test_shift(s.staff.id, s.counter.id)


@pytest.fixture
def fee_tab(fee_ctx, qtbot):  # type: ignore[no-untyped-def]
    """The fee tab of that teller, on shift (opened through the real service) and shown
    as the active window."""
    from gasdesk.ui.fees.tab import FeesTab

    open_test_shift(fee_ctx.session.staff.id, fee_ctx.session.counter.id)
    widget = FeesTab(fee_ctx)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    yield widget
    settle(qtbot, fee_ctx.worker)  # let what is in flight land before the widgets go
    widget.close()
    widget.deleteLater()
    qtbot.wait(10)


def added(before: dict[str, int]) -> dict[str, int]:
    """Rows added to the money tables since `before` (a counts() snapshot)."""
    now = counts()
    return {k: now[k] - before[k] for k in now}


NOTHING = {
    "payment": 0,
    "receipt": 0,
    "bill": 0,
    "payment_bill": 0,
    "audit": 0,
    "receipt_counter": 0,
}
ONE_PAYMENT = {
    "payment": 1,
    "receipt": 1,
    "bill": 1,
    "payment_bill": 1,
    "audit": 1,
    "receipt_counter": 1,
}


def fail_receipt_inserts(message: str = "disk I/O error") -> None:
    """Make the database refuse every receipt insert with `message`, as a failing disk
    would, in the middle of the payment's transaction."""
    from gasdesk.storage.models import db

    if is_postgres():
        db.execute_sql(
            "CREATE OR REPLACE FUNCTION fail_receipt() RETURNS trigger AS $$ "
            f"BEGIN RAISE EXCEPTION '{message}'; END $$ LANGUAGE plpgsql"
        )
        db.execute_sql(
            "CREATE TRIGGER fail_receipt BEFORE INSERT ON receipt "
            "FOR EACH ROW EXECUTE FUNCTION fail_receipt()"
        )
    else:
        db.execute_sql(
            "CREATE TRIGGER fail_receipt BEFORE INSERT ON receipt "
            f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
        )


def heal_receipt_inserts() -> None:
    from gasdesk.storage.models import db

    db.execute_sql(
        "DROP TRIGGER fail_receipt ON receipt" if is_postgres() else "DROP TRIGGER fail_receipt"
    )


def show_window(qtbot, widget, size: tuple[int, int] = (1366, 740)):  # type: ignore[no-untyped-def]
    """Show `widget` at `size` and make it the active window (keys go there)."""
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    with qtbot.waitActive(widget):
        widget.activateWindow()
    return widget


def void_by_f9(qtbot, ctx, fees, payment_id: int, reason: str, size: tuple[int, int]):  # type: ignore[no-untyped-def]
    """Select the payment in today's list, F9, a supervisor's badge, password and
    `reason`; return the dialog."""
    from PySide6.QtCore import Qt

    show_window(qtbot, fees, size)
    fees.payments.refresh()
    settle(qtbot, ctx.worker)
    model = fees.payments.model
    row = next(i for i in range(model.rowCount()) if model.row_at(i).payment_id == payment_id)
    fees.payments.view.selectRow(row)
    fees.payments.view.setFocus()
    qtbot.keyClick(fees.payments.view, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: fees.payments.void_dialog is not None)
    dialog = fees.payments.void_dialog
    enter = Qt.Key.Key_Return
    qtbot.keyClicks(dialog.badge, "MS09")
    qtbot.keyClick(dialog.badge, enter)
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClick(dialog.password, enter)
    type_text(qtbot, dialog.reason, reason)
    qtbot.keyClick(dialog.reason, enter)
    return dialog
