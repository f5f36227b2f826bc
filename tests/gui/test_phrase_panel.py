"""The courtesy-phrase panel and the customer display follow a customer through the
counter: the right phrase at each step, the same amounts on both screens, ratings
and service times in the database.

The panel's and the display's reactions are driven here by the typed events the
operations publish; that the operations publish them is proved where they are driven
by keys (test_counter_moments.py, test_phrases_with_real_payment.py, test_fees_tab.py,
test_forms_tab.py, test_dayend_tab.py, test_records_tab.py)."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gasdesk import settings
from gasdesk.domain.events import (
    CustomerSelected,
    Farewell,
    PaymentCommitted,
    RatingRecorded,
    ReadBackShown,
    Refused,
)
from gasdesk.services import accounts
from gasdesk.settings import open_settings
from gasdesk.storage.models_service import Rating, ServiceVisit
from gasdesk.ui.context import AppContext
from gasdesk.ui.customer_bar import CustomerBar
from gasdesk.ui.customer_display import WELCOME, CustomerDisplay
from gasdesk.ui.phrase_model import PhraseListModel
from gasdesk.ui.phrase_panel import PhrasePanel
from gasdesk.ui.service_visits import EXTRAS_KEY, VisitTracker
from tests.helpers import heard, wait_idle, write_setting_text
from tests.service_fixtures import World, counter_session, make_payment, make_world

AMOUNT = re.compile(r"\d+\.\d{2}")


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def world(tmp_path) -> World:
    return make_world(tmp_path)


@pytest.fixture
def counter_ctx(world, worker) -> Iterator[AppContext]:
    store = open_settings()
    store.set(settings.WAIT_PROMPT, 1)
    ctx = AppContext(session=counter_session(world), worker=worker, settings=store)
    yield ctx
    # as at log-out: the display, the visit tracker (its rating timer may be running) and
    # the events go now, on this thread, not whenever the garbage collector next runs,
    # which may be on the worker's thread
    ctx.close()


@pytest.fixture
def clock(counter_ctx) -> FakeClock:
    fake = FakeClock()
    counter_ctx.extras[EXTRAS_KEY] = VisitTracker(counter_ctx, clock=fake)
    return fake


@pytest.fixture
def panel(counter_ctx, clock, qtbot) -> PhrasePanel:
    p = PhrasePanel(counter_ctx)
    qtbot.addWidget(p)
    p.resize(380, 760)
    p.show()
    qtbot.waitExposed(p)
    return p


@pytest.fixture
def display(counter_ctx, panel, qtbot) -> CustomerDisplay:
    d = panel.open_display()
    qtbot.waitExposed(d)
    # the offscreen platform activates every window shown (a real one honours the
    # display's show-without-activating); the teller's window has the keyboard
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
    return d


@pytest.fixture
def bar(counter_ctx, qtbot) -> CustomerBar:
    b = CustomerBar(counter_ctx)
    qtbot.addWidget(b)
    return b


def next_customer(qtbot, bar: CustomerBar) -> None:  # type: ignore[no-untyped-def]
    """The teller clicks "Next customer (F12)": farewell, and the customer is cleared."""
    qtbot.mouseClick(bar.clear_button, Qt.MouseButton.LeftButton)


def pick(qtbot, panel: PhrasePanel, phrase_id: str) -> None:  # type: ignore[no-untyped-def]
    """The teller picks a phrase in the list with the keyboard (Enter)."""
    panel.list.setFocus()
    panel.list.setCurrentIndex(panel.model.index(panel.model.row_of(phrase_id)))
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)


def customer(world: World, n: int = 0):  # type: ignore[no-untyped-def]
    return accounts.get_account(world.account_ids[n])


def highlighted(panel: PhrasePanel) -> tuple[str, ...]:
    assert panel.current is not None
    return panel.current.ids


def shown_amounts(display: CustomerDisplay) -> list[str]:
    return [display.figures[k].text().lstrip("¥") for k in ("due", "received", "change")]


def test_walk_a_customer_from_selection_to_farewell(
    world, counter_ctx, panel, display, bar, clock, qtbot
):
    ctx = counter_ctx
    payment_id, receipt = make_payment(world, amount_fen=12850, tendered_fen=20000, number=41)
    events = heard(ctx)

    # a customer is selected: greeting, on both screens, and the service clock starts
    ctx.set_customer(customer(world))
    assert events == [CustomerSelected(world.account_ids[0], "张三")]
    assert highlighted(panel) == ("greeting",)
    assert panel.say.text() == "您好，欢迎您的光临"
    assert panel.model.highlighted == {"greeting"}
    assert display.stack.currentIndex() == WELCOME
    assert display.big_line.text() == "您好，欢迎您的光临"
    wait_idle(qtbot, ctx.worker)
    visit = ServiceVisit.get()
    assert visit.ended_at is None and visit.account_id == world.account_ids[0]
    assert "limit 05:00" in panel.clock.text()

    # a slow search keeps the counter busy: 请您稍等, then 对不起，让您久等了
    ctx.worker.submit(time.sleep, 1.6)
    qtbot.waitUntil(lambda: highlighted(panel) == ("please_wait",), timeout=5000)
    assert panel.say.text() == "请您稍等"
    qtbot.waitUntil(lambda: highlighted(panel) == ("sorry_kept_waiting",), timeout=5000)
    assert panel.say.text() == "对不起，让您久等了"

    # the read-back: the sentence with the amounts, the same amounts on the display
    ctx.events.publish(ReadBackShown(due_fen=12850, received_fen=20000, change_fen=7150))
    assert highlighted(panel) == ("readback_change",)
    assert panel.say.text() == "您应缴128.50元，收您200.00元，找您71.50元，请收好"
    assert (
        shown_amounts(display) == AMOUNT.findall(panel.say.text()) == ["128.50", "200.00", "71.50"]
    )
    assert not display.receipt_label.isVisible()

    # recorded: thanks, the receipt number for the customer, and the rating opens
    ctx.events.publish(PaymentCommitted(receipt, payment_id, amount_fen=12850, change_fen=7150))
    assert highlighted(panel) == ("thank_customer",)
    assert display.receipt_label.text() == receipt and display.receipt_label.isVisible()
    assert shown_amounts(display) == ["128.50", "200.00", "71.50"]
    assert display.tracker.rating_open

    # the customer thanks the teller, who picks the reply; F8 shows it big to the customer
    pick(qtbot, panel, "you_are_welcome")
    assert highlighted(panel) == ("you_are_welcome",)
    qtbot.keyClick(panel.list, Qt.Key.Key_F8)
    assert display.phrase_line.text() == "不用客气"
    assert display.stack.currentWidget() is display.phrase_line

    # the customer rates the service
    qtbot.mouseClick(display.rating_buttons["very_satisfied"], Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx.worker)
    rating = Rating.get()
    qtbot.waitUntil(lambda: events[-1] == RatingRecorded(rating.id))
    assert (rating.score, rating.payment_id, rating.staff_id, rating.counter_id) == (
        "very_satisfied",
        payment_id,
        world.staff_ids[0],
        world.counter_ids[0],
    )

    # farewell: the teller moves on to the next customer; the visit is timed
    clock.now += 135
    next_customer(qtbot, bar)
    assert ctx.customer is None and events[-1] == Farewell()
    assert highlighted(panel) == ("farewell",)
    assert panel.say.text() == "再见，欢迎下次再来"
    assert display.big_line.text() == "再见，欢迎下次再来"
    assert panel.clock.text() == "Last service: 02:15"
    wait_idle(qtbot, ctx.worker)
    visit = ServiceVisit.get()
    assert visit.seconds == 135 and visit.payment_id == payment_id


def test_exact_payment_reads_back_without_change(world, counter_ctx, panel, display):
    counter_ctx.set_customer(customer(world))
    counter_ctx.events.publish(ReadBackShown(due_fen=5000, received_fen=5000, change_fen=0))
    assert panel.say.text() == "您应缴50.00元，收您50.00元，正好，不用找零"
    assert shown_amounts(display) == ["50.00", "50.00", "0.00"]


def test_refusal_says_sorry_and_what_can_be_done(world, counter_ctx, panel):
    counter_ctx.set_customer(customer(world))
    counter_ctx.events.publish(Refused("该账户已停用"))
    assert highlighted(panel) == ("apology", "what_i_can_do")
    assert panel.say.text() == "很抱歉，我能做到的是……"
    assert panel.note.text() == "该账户已停用" and panel.note.isVisible()
    assert panel.model.highlighted == {"apology", "what_i_can_do"}


def test_service_over_the_limit_turns_to_the_apology(world, counter_ctx, panel, clock, qtbot):
    counter_ctx.set_customer(customer(world))
    assert panel.rules.limit_seconds == 300
    clock.now += 299
    panel.update_clock()
    assert highlighted(panel) == ("greeting",)
    assert "04:59" in panel.clock.text()
    clock.now += 2
    qtbot.waitUntil(lambda: highlighted(panel) == ("sorry_kept_waiting",), timeout=3000)
    assert "05:01" in panel.clock.text()
    # said once per visit: the teller's later choices are not overridden every second
    pick(qtbot, panel, "understood")
    panel.update_clock()
    assert highlighted(panel) == ("understood",)


def test_limit_comes_from_the_counter_settings(world, counter_ctx, qtbot):
    counter_ctx.settings.set(settings.SERVICE_LIMIT, 120)
    p = PhrasePanel(counter_ctx)
    qtbot.addWidget(p)
    assert p.rules.limit_seconds == 120
    counter_ctx.set_customer(customer(world))
    assert "limit 02:00" in p.clock.text()
    wait_idle(qtbot, counter_ctx.worker)


def test_bad_limit_setting_is_reported(world, counter_ctx, qtbot):
    write_setting_text(counter_ctx.settings, "service/limit_seconds", "five minutes")
    p = PhrasePanel(counter_ctx)
    qtbot.addWidget(p)
    assert p.rules.limit_seconds == 300
    assert not p.problems.isHidden()
    assert "service/limit_seconds" in p.problems.text()


def test_idle_rating_records_nothing(world, counter_ctx, display, qtbot):
    qtbot.mouseClick(display.rating_buttons["unsatisfied"], Qt.MouseButton.LeftButton)
    assert display.rating_feedback.text() == "Please rate after your business is done."
    assert display.reason_row.isHidden()
    # during a service, before anything is done, a click records nothing either
    counter_ctx.set_customer(customer(world))
    qtbot.mouseClick(display.rating_buttons["satisfied"], Qt.MouseButton.LeftButton)
    wait_idle(qtbot, counter_ctx.worker)
    assert Rating.select().count() == 0


def test_unhappy_rating_asks_one_optional_reason(world, counter_ctx, display, bar, clock, qtbot):
    counter_ctx.set_customer(customer(world))
    clock.now += 40
    next_customer(qtbot, bar)
    assert display.tracker.rating_open  # rating stays open after the customer leaves
    qtbot.mouseClick(display.rating_buttons["unsatisfied"], Qt.MouseButton.LeftButton)
    assert display.reason_row.isVisible()  # inline, nothing blocks the teller
    wait_idle(qtbot, counter_ctx.worker)
    qtbot.mouseClick(display.reason_buttons["long_wait"], Qt.MouseButton.LeftButton)
    wait_idle(qtbot, counter_ctx.worker)
    assert display.reason_row.isHidden()
    rating = Rating.get()
    assert (rating.score, rating.reason, rating.payment_id) == ("unsatisfied", "long_wait", None)
    # a second press is not a second rating
    qtbot.mouseClick(display.rating_buttons["very_satisfied"], Qt.MouseButton.LeftButton)
    wait_idle(qtbot, counter_ctx.worker)
    assert Rating.select().count() == 1
    assert ServiceVisit.get().seconds == 40


def test_skipping_the_reason_keeps_the_rating(world, counter_ctx, display, qtbot):
    payment_id, receipt = make_payment(world, amount_fen=5000, tendered_fen=5000, number=999)
    counter_ctx.set_customer(customer(world))
    counter_ctx.events.publish(PaymentCommitted(receipt, payment_id, 5000, 0))
    qtbot.mouseClick(display.rating_buttons["unsatisfied"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(display.reason_buttons["skip"], Qt.MouseButton.LeftButton)
    wait_idle(qtbot, counter_ctx.worker)
    assert [(r.score, r.reason) for r in Rating.select()] == [("unsatisfied", "")]


def test_next_customer_closes_the_previous_rating_and_times_both(
    world, counter_ctx, panel, display, bar, clock, qtbot
):
    counter_ctx.set_customer(customer(world, 0))
    clock.now += 70
    counter_ctx.set_customer(customer(world, 1))  # picked straight from the search
    assert highlighted(panel) == ("greeting",)
    assert not display.tracker.rating_open  # the next customer does not rate the last one
    clock.now += 30
    next_customer(qtbot, bar)
    wait_idle(qtbot, counter_ctx.worker)
    visits = list(ServiceVisit.select().order_by(ServiceVisit.id))
    assert [(v.account_id, v.seconds) for v in visits] == [
        (world.account_ids[0], 70),
        (world.account_ids[1], 30),
    ]


def test_refreshing_the_same_customer_is_not_a_new_visit(world, counter_ctx, panel, qtbot):
    counter_ctx.set_customer(customer(world))
    pick(qtbot, panel, "you_are_welcome")
    counter_ctx.set_customer(customer(world))  # e.g. the balance refreshed after a payment
    assert highlighted(panel) == ("you_are_welcome",)
    wait_idle(qtbot, counter_ctx.worker)
    assert ServiceVisit.select().count() == 1


def test_bad_phrases_file_is_reported_and_builtin_phrases_used(world, counter_ctx, tmp_path, qtbot):
    bad = tmp_path / "phrases.toml"
    bad.write_text(
        '[[phrase]]\nid = "greeting"\ngroup = "basic"\ntext = "你好"\ngloss = "Hi"\n'
        '[[phrase]]\nid = "greeting"\ngroup = "basic"\ntext = "再见"\ngloss = "Bye"\n'
        'moments = ["farewell"]\n',
        encoding="utf-8",
    )
    counter_ctx.settings.set(settings.PHRASES_FILE, str(bad))
    p = PhrasePanel(counter_ctx)
    qtbot.addWidget(p)
    text = p.problems.text()
    assert not p.problems.isHidden()
    assert "built-in phrases" in text
    assert "missing moment tags" in text and "duplicate id" in text
    counter_ctx.set_customer(customer(world))
    assert p.say.text() == "您好，欢迎您的光临"
    wait_idle(qtbot, counter_ctx.worker)


def test_teller_picks_a_phrase_with_the_keyboard_and_shows_it(
    world, counter_ctx, panel, display, qtbot
):
    row = panel.model.row_of("pardon")
    panel.list.setFocus()
    panel.list.setCurrentIndex(panel.model.index(row))
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert highlighted(panel) == ("pardon",)
    qtbot.keyClick(panel.list, Qt.Key.Key_F8)
    assert display.phrase_line.text() == "很对不起，我没听清，请再重复一遍好吗？"


def test_f9_opens_the_display_when_it_is_closed(world, counter_ctx, panel, qtbot):
    counter_ctx.set_customer(customer(world))
    qtbot.keyClick(panel.list, Qt.Key.Key_F8)
    from gasdesk.ui.customer_display import existing_customer_display

    display = existing_customer_display(counter_ctx)
    assert display is not None and display.isVisible()
    assert display.phrase_line.text() == "您好，欢迎您的光临"
    qtbot.keyClick(panel.list, Qt.Key.Key_F8, Qt.KeyboardModifier.ControlModifier)
    assert not display.isVisible()
    wait_idle(qtbot, counter_ctx.worker)


def test_phrase_model(qtmodeltester, world, counter_ctx):
    from gasdesk.ui.phrase_model import counter_phrases

    model = PhraseListModel(counter_phrases(counter_ctx).book)
    qtmodeltester.check(model)
    model.set_highlight(("farewell",), {})
    qtmodeltester.check(model)
    assert model.rowCount() == 12 + 4 + 3 + 3  # phrases and three headings


def test_readback_capitals_are_written_by_capital_amount(world, counter_ctx, panel, display):
    """The display writes the capitals from the fen itself (the one function that the
    receipt and the read-back use)."""
    counter_ctx.set_customer(customer(world))
    counter_ctx.events.publish(ReadBackShown(10_700_053, 10_700_100, 47, "cash"))
    assert shown_amounts(display) == ["107000.53", "107001.00", "0.47"]
    assert [display.capitals[k].text() for k in ("due", "received", "change")] == [
        "人民币壹拾万柒仟元零伍角叁分",
        "人民币壹拾万柒仟零壹元整",
        "人民币肆角柒分",
    ]


def test_capitals_hook_uses_money_capital_amount_when_it_exists(
    world, counter_ctx, display, monkeypatch
):
    from gasdesk.domain import money

    monkeypatch.setattr(money, "capital_amount", lambda fen: f"CAP{fen}", raising=False)
    counter_ctx.events.publish(ReadBackShown(due_fen=100, received_fen=500, change_fen=400))
    assert [display.capitals[k].text() for k in ("due", "received", "change")] == [
        "CAP100",
        "CAP500",
        "CAP400",
    ]


def test_in_the_main_window_the_customer_bar_drives_the_dock(world, counter_ctx, clock, qtbot):
    from gasdesk.ui.main_window import MainWindow

    window = MainWindow(counter_ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    panel = window.phrase_panel
    assert isinstance(panel, PhrasePanel)
    assert window.phrase_dock.widget() is panel

    # the teller types the account number and presses Enter
    qtbot.keyClicks(window.customer_bar.search, "100002")
    qtbot.keyClick(window.customer_bar.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: counter_ctx.customer is not None)
    assert counter_ctx.customer.number == "100002"
    wait_idle(qtbot, counter_ctx.worker)  # the tabs have loaded the customer (no refusal)
    assert highlighted(panel) == ("greeting",)

    # F8 puts the greeting on the customer display without taking the keyboard away
    qtbot.keyClick(window.customer_bar.search, Qt.Key.Key_F8)
    from gasdesk.ui.customer_display import existing_customer_display

    display = existing_customer_display(counter_ctx)
    assert display is not None and display.phrase_line.text() == "您好，欢迎您的光临"

    # F12: next customer says farewell and ends the visit
    clock.now += 95
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.customer_bar.search, Qt.Key.Key_F12)
    assert counter_ctx.customer is None
    assert highlighted(panel) == ("farewell",)
    wait_idle(qtbot, counter_ctx.worker)
    visit = ServiceVisit.get()
    assert (visit.account_id, visit.seconds) == (world.account_ids[1], 95)

    # logging out closes the customer display with the main window
    assert display.isVisible()
    window.log_out()
    assert not display.isVisible()


def test_teller_dialogs_do_not_block_the_customers_rating(
    world, counter_ctx, panel, display, qtbot
):
    """The rating buttons take a click that goes through the window system (where Qt
    applies modality) while a window-modal dialog is open on the teller's window."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QDialog

    payment_id, receipt = make_payment(world, amount_fen=5000, tendered_fen=5000, number=777)
    counter_ctx.set_customer(customer(world))
    counter_ctx.events.publish(PaymentCommitted(receipt, payment_id, 5000, 0))
    dialog = QDialog(panel)
    dialog.open()  # window modal, like the read-back and receipt dialogs
    qtbot.waitExposed(dialog)
    assert QApplication.activeModalWidget() is dialog
    button = display.rating_buttons["very_satisfied"]
    centre = button.mapTo(display, button.rect().center())
    QTest.mouseClick(
        display.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre
    )
    qtbot.waitUntil(lambda: Rating.select().count() == 1)
    assert Rating.get().score == "very_satisfied"
    dialog.reject()


def test_only_the_readback_being_said_shows_amounts_in_the_list(world, counter_ctx, panel):
    counter_ctx.set_customer(customer(world))
    counter_ctx.events.publish(ReadBackShown(due_fen=12850, received_fen=20000, change_fen=7150))
    model = panel.model

    def row_text(phrase_id: str) -> str:
        return model.data(model.index(model.row_of(phrase_id)))

    assert row_text("readback_change") == "您应缴128.50元，收您200.00元，找您71.50元，请收好"
    assert row_text("readback_exact") == "您应缴…元，收您…元，正好，不用找零"
