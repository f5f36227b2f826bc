"""What the fee tab does with the IC card of the customer being served, on the worker:
the card records, reading the card (before a purchase: checked by the service, so a
wrong card is refused before any money is taken), 补写卡 (Alt+W) and, with the
simulated reader, playing the customer's card."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

from gasdesk.devices.card_sim import SimulatedCardDevice
from gasdesk.devices.card_writer import CardWriter
from gasdesk.domain.cards import CardImage, CardState, WriteOutcome
from gasdesk.domain.events import CardWritten, Refused
from gasdesk.domain.tariff import format_m3
from gasdesk.services import card_writing, cards
from gasdesk.ui.context import AppContext
from gasdesk.ui.devices import devices_of
from gasdesk.ui.fees.card_panel import CardPanel
from gasdesk.ui.messages import user_text


def read_and_check(writer: CardWriter, account_id: int) -> CardImage:
    """On the worker: the card in the reader, refused (CardError, DeviceError) unless
    gas may be sold onto it for this account."""
    image = writer.read()
    cards.check_card(account_id, image)
    return image


def insert_simulated(device: SimulatedCardDevice, account_id: int) -> CardImage:
    """The customer hands over the card: made from the records if the simulated folder
    lacks it (the purchase count of the purchases written), a blank card when the
    records await a new card; put into the reader."""
    state = cards.card_state(account_id)
    if state is None or not state.card_number or not state.card_written:
        device.place_blank()
        return device.read()
    if device.card(state.card_number) is None:
        written = state.last_seq - len(state.unwritten)
        device.make_card(CardImage(state.card_number, state.meter_number, written, 0))
    device.place(state.card_number)
    return device.read()


class CardActions(QObject):
    def __init__(self, ctx: AppContext, panel: CardPanel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.panel = panel
        self.account_id: int | None = None
        self.busy = False
        panel.read_requested.connect(self.read)
        panel.write_requested.connect(self.rewrite)
        panel.insert_requested.connect(self.insert)
        panel.meter_requested.connect(self.into_meter)
        panel.blank_requested.connect(self.blank)

    @property
    def writer(self) -> CardWriter:
        return devices_of(self.ctx).card_writer

    def simulated(self) -> SimulatedCardDevice | None:
        writer = self.writer
        return writer if isinstance(writer, SimulatedCardDevice) else None

    # -- the records -----------------------------------------------------------------
    def show_account(self, account_id: int | None) -> None:
        if account_id != self.account_id:
            self.panel.status.clear()
        self.account_id = account_id
        self.refresh()

    def refresh(self) -> None:
        if self.account_id is None:
            self.panel.show_state(None, simulated=False)
            return
        account_id = self.account_id
        self.ctx.worker.submit(
            cards.card_state,
            account_id,
            on_done=lambda st: self._state(account_id, st),
            on_error=lambda exc: self.panel.say(user_text(exc), good=False),
            channel="fees-card-state",
        )

    def _state(self, account_id: int, state: CardState | None) -> None:
        if account_id == self.account_id:
            self.panel.show_state(state, simulated=self.simulated() is not None)

    # -- the reader ------------------------------------------------------------------
    def _run(self, fn: Callable[..., object], *args: object, done: Callable[[Any], None]) -> None:
        if self.busy or self.account_id is None:
            return
        self.busy = True

        def finish(result: Any) -> None:
            self.busy = False
            done(result)

        def failed(exc: BaseException) -> None:
            self.busy = False
            self.panel.say(user_text(exc), good=False)
            self.ctx.events.publish(Refused(user_text(exc)))

        self.ctx.worker.submit(fn, *args, on_done=finish, on_error=failed)

    def read(self) -> None:
        self._run(
            self.writer.read,
            done=lambda image: self.panel.say(
                self.panel.describe(image),
                good=True,
            ),
        )

    def read_for_purchase(
        self, on_done: Callable[[CardImage], None], on_error: Callable[[BaseException], None]
    ) -> None:
        """Read and check the card before a purchase's read-back."""
        assert self.account_id is not None

        def done(image: CardImage) -> None:
            self.panel.say(self.panel.describe(image), good=True)
            on_done(image)

        def failed(exc: BaseException) -> None:
            self.panel.say(user_text(exc), good=False)
            on_error(exc)

        self.ctx.worker.submit(
            read_and_check, self.writer, self.account_id, on_done=done, on_error=failed
        )

    def rewrite(self) -> None:
        """补写卡: write what the account is owed; nothing is charged."""
        if self.account_id is None:
            return
        self._run(
            card_writing.rewrite,
            self.writer,
            self.account_id,
            self.ctx.session.staff.id,
            done=self._rewritten,
        )

    def _rewritten(self, outcome: object) -> None:
        if outcome is None:
            self.panel.say(self.tr("Nothing is owed to this card."), good=True)
        else:
            assert isinstance(outcome, WriteOutcome)
            self.show_outcome(outcome)
        self.refresh()
        self.ctx.events.publish(CardWritten())

    def show_outcome(self, outcome: WriteOutcome) -> None:
        if not outcome.ok:
            reason = user_text(outcome.error) if outcome.error else ""
            self.panel.say(self.tr("NOT written: {reason}").format(reason=reason), good=False)
            return
        volume = format_m3(outcome.volume_l)
        texts = {
            "written": self.tr("Written: {volume} m³ onto card {card} (purchase {seq})."),
            "found": self.tr(
                "Card {card} already held purchase {seq} ({volume} m³): recorded as written, "
                "nothing written twice."
            ),
            "issued": self.tr("New card {card} written (purchase {seq}, {volume} m³ on it)."),
        }
        self.panel.say(
            texts.get(outcome.how, texts["written"]).format(
                volume=volume, card=outcome.card_number, seq=outcome.seq
            ),
            good=True,
        )

    # -- the simulated reader ----------------------------------------------------------
    def insert(self) -> None:
        device = self.simulated()
        if device is None or self.account_id is None:
            return
        self._run(
            insert_simulated,
            device,
            self.account_id,
            done=lambda image: self.panel.say(self.panel.describe(image), good=True),
        )

    def into_meter(self) -> None:
        device = self.simulated()
        if device is None:
            return
        self._run(
            device.insert_into_meter,
            done=lambda image: self.panel.say(
                self.tr("The meter took the card's gas. ") + self.panel.describe(image),
                good=True,
            ),
        )

    def blank(self) -> None:
        device = self.simulated()
        if device is None:
            return

        def place() -> CardImage:
            device.place_blank()
            return device.read()

        self._run(place, done=lambda image: self.panel.say(self.panel.describe(image), good=True))
