"""A real cash payment through the main window, watched by the courtesy-phrase dock
and the customer display: the phrase at each step, the read-back amounts (with the
capitals fee collection computes) on the customer's screen, the rating tied to the
payment and the service time recorded."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gasdesk import settings
from gasdesk.domain.money import capital_amount
from gasdesk.storage.models import Payment, Receipt
from gasdesk.storage.models_service import Rating, ServiceVisit
from gasdesk.ui.main_window import MainWindow
from gasdesk.ui.service_visits import EXTRAS_KEY, VisitTracker
from tests import fees_support
from tests.fees_support import FeeData

fee_data = fees_support.fee_data
fee_ctx = fees_support.fee_ctx
on_shift = fees_support.on_shift


class FakeClock:
    now = 5000.0

    def __call__(self) -> float:
        return self.now


def test_cash_payment_with_phrases_display_rating_and_service_time(
    qtbot, fee_ctx, on_shift, fee_data: FeeData
) -> None:  # type: ignore[no-untyped-def]
    fee_ctx.settings.set(settings.SILENT_PRINTING, True)
    clock = FakeClock()
    fee_ctx.extras[EXTRAS_KEY] = VisitTracker(fee_ctx, clock=clock)
    window = MainWindow(fee_ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    panel = window.phrase_panel
    display = panel.open_display()
    qtbot.waitExposed(display)
    window.activateWindow()  # offscreen activates every window shown; the teller's has the keys
    qtbot.waitUntil(window.isActiveWindow)
    window.tabs.setCurrentWidget(window.fees_tab)
    window.customer_bar.focus_search()

    def here():  # type: ignore[no-untyped-def]
        return QApplication.focusWidget()

    def said() -> tuple[str, ...]:
        assert panel.current is not None
        return panel.current.ids

    qtbot.keyClicks(here(), "31000001")
    qtbot.keyClick(here(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.fees_tab.statement is not None)
    assert said() == ("greeting",)
    assert display.big_line.text() == "您好，欢迎您的光临"

    # 200 yuan tendered for 168.00 due: the read-back on the teller's and the customer's screens
    qtbot.keyClicks(here(), "200")
    qtbot.keyClick(here(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.fees_tab.readback_dialog is not None)
    assert said() == ("readback_change",)
    assert panel.say.text() == "您应缴168.00元，收您200.00元，找您32.00元，请收好"
    figures = [display.figures[k].text() for k in ("due", "received", "change")]
    assert figures == ["¥168.00", "¥200.00", "¥32.00"]
    capitals = [display.capitals[k].text() for k in ("due", "received", "change")]
    assert capitals == [capital_amount(16800), capital_amount(20000), capital_amount(3200)]
    assert capitals[0] == "人民币壹佰陆拾捌元整"

    # confirmed on the read-back screen: recorded, thanks, the receipt number shown
    qtbot.waitUntil(
        lambda: here() is not None and here().window() is window.fees_tab.readback_dialog
    )
    qtbot.keyClick(here(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: Receipt.select().count() == 1)
    qtbot.waitUntil(lambda: said() == ("thank_customer",))
    receipt = Receipt.get()
    qtbot.waitUntil(lambda: display.receipt_label.text() == receipt.code)
    for _ in range(3):  # whatever the fee tab refreshes afterwards is not a new greeting
        qtbot.waitUntil(lambda: fee_ctx.worker.pending == 0)
        qtbot.wait(20)
    assert said() == ("thank_customer",)

    # the customer rates; the rating is tied to the payment
    qtbot.mouseClick(display.rating_buttons["satisfied"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: Rating.select().count() == 1)
    payment = Payment.get()
    rating = Rating.get()
    assert (rating.score, rating.payment_id, rating.staff_id) == (
        "satisfied",
        payment.id,
        fee_data.teller.id,
    )

    # the teller closes the receipt preview (Esc), then F12: the next customer; farewell
    # and the visit's time, linked to the payment
    clock.now += 187
    preview = QApplication.activeModalWidget()
    assert preview is not None and preview.objectName() == "receiptDialog"
    preview.activateWindow()
    qtbot.waitUntil(lambda: here() is not None and here().window() is preview)
    qtbot.keyClick(here(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert here() is not None and here().window() is window  # F12 works wherever the focus is
    qtbot.keyClick(here(), Qt.Key.Key_F12)
    assert said() == ("farewell",)
    qtbot.waitUntil(lambda: ServiceVisit.get().seconds is not None)
    visit = ServiceVisit.get()
    assert (visit.seconds, visit.payment_id, visit.account_id) == (
        187,
        payment.id,
        fee_data.house.id,
    )
    for _ in range(3):
        qtbot.waitUntil(lambda: fee_ctx.worker.pending == 0)
        qtbot.wait(20)
