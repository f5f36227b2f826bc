"""A banner for the customer bar or the account view: planned outages that affect the
address of the customer being served (in force now or starting within three days)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from gasdesk.domain.events import OutagesChanged
from gasdesk.domain.form_records import OutageInfo
from gasdesk.domain.records import AccountSummary
from gasdesk.services.outages import outages_for_address
from gasdesk.ui.context import AppContext
from gasdesk.ui.formdesk.common import clock, fmt_dt


class OutageBanner(QLabel):
    """Hidden unless the current customer's address is in a registered outage area."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("outageBanner")
        self.setWordWrap(True)
        self.setStyleSheet("background: #fff3cd; color: #7a4d00; padding: 4px; font-weight: bold;")
        self.hide()
        ctx.events.customer_changed.connect(self.show_for)
        ctx.events.subscribe(OutagesChanged, self._outages_changed)

    def _outages_changed(self, _event: OutagesChanged) -> None:
        self.show_for(self.ctx.customer)

    def show_for(self, customer: AccountSummary | None) -> None:
        if customer is None:
            self.hide()
            return
        self.ctx.worker.submit(
            outages_for_address,
            customer.address,
            clock(self.ctx),
            on_done=self._found,
            channel="outage-banner",
        )

    def _found(self, found: list[OutageInfo]) -> None:
        if not found:
            self.clear()
            self.hide()
            return
        self.setText(
            "\n".join(
                self.tr("Gas outage at this address: {area}, {start} to {end} ({reason})").format(
                    area=o.area_text,
                    start=fmt_dt(o.starts_at),
                    end=fmt_dt(o.restore_at),
                    reason=o.reason,
                )
                for o in found
            )
        )
        self.show()
