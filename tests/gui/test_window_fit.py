"""The counter's windows on a hall's 1366×768 screen (less a 40-pixel taskbar): the
main window and its dialogs fit, what they show is not cut, and the main window
opens where and as large as it was left."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel, QStyle, QTableView, QWidget

import gasdesk.ui.window_fit as window_fit
from gasdesk.ui.main_window import MainWindow
from gasdesk.ui.window_fit import TITLE_BAR, client_area
from tests import fees_support
from tests.fees_support import FeeData
from tests.helpers import settle, write_setting_text

fee_data = fees_support.fee_data
fee_ctx = fees_support.fee_ctx
HALL = QRect(0, 0, 1366, 768 - 40)  # the screen's available area: the taskbar is not


@pytest.fixture
def hall_screen(monkeypatch: pytest.MonkeyPatch, qapp) -> Iterator[QRect]:  # type: ignore[no-untyped-def]
    """Windows are placed on a hall's screen (the test platform's own is 800×800), in
    the font the application sets at the counter."""
    from gasdesk.ui.application import apply_font

    monkeypatch.setattr(window_fit, "available_area", lambda _widget=None: QRect(HALL))
    font = qapp.font()
    apply_font(qapp)
    yield HALL
    qapp.setFont(font)


def open_window(qtbot, ctx) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.setWindowState(Qt.WindowState.WindowNoState)  # its normal geometry, shown
    window.show()
    qtbot.waitExposed(window)
    return window


def inside(inner: QRect, outer: QRect) -> bool:
    return outer.contains(inner)


def cut_cells(view: QTableView) -> list[str]:
    """Texts of the view that its cells do not show whole (or only by scrolling)."""
    model = view.model()
    metrics = QFontMetrics(view.font())
    # the delegate leaves this much beside the text on each side
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    cut = []
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            text = str(index.data() or "")
            if not text:
                continue
            rect = view.visualRect(index)
            font = index.data(Qt.ItemDataRole.FontRole)
            fm = QFontMetrics(font) if font is not None else metrics
            room = rect.width() - 2 * margin
            if view.wordWrap():  # the cell breaks lines where it must: it needs the height
                flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)
                needed = fm.boundingRect(QRect(0, 0, room, 100_000), flags, text)
                wide, tall = needed.width(), needed.height()
            else:
                lines = text.split("\n")
                wide = max(fm.horizontalAdvance(line) for line in lines)
                tall = len(lines) * fm.lineSpacing()
            if wide > room or tall > rect.height():
                cut.append(text)
    if view.horizontalScrollBar().maximum() > 0:
        cut.append("(scrolls sideways)")
    return cut


def label_shows_all(label: QLabel) -> bool:
    """The whole text is on screen: a wrapped label is tall enough for its lines, an
    unwrapped one wide enough for each."""
    if label.wordWrap():
        return label.heightForWidth(label.width()) <= label.height()
    fm = label.fontMetrics()
    return all(fm.horizontalAdvance(line) <= label.width() for line in label.text().split("\n"))


def test_the_main_window_fits_a_hall_screen_and_shows_its_content(
    qtbot, fee_ctx, fee_data: FeeData, hall_screen: QRect
) -> None:  # type: ignore[no-untyped-def]
    from gasdesk.services.accounts import get_account
    from gasdesk.storage.models import Account

    address = "淄博市周村区文昌湖区商家镇商家社区幸福家园小区2号楼2单元401室"
    Account.update(address=address).where(Account.id == fee_data.house.id).execute()
    window = open_window(qtbot, fee_ctx)
    area = client_area(hall_screen)
    assert inside(window.geometry(), area)  # title bar and frame stay on the screen too
    assert window.minimumSizeHint().width() <= area.width()
    assert window.minimumSizeHint().height() <= area.height()
    fee_ctx.set_customer(get_account(fee_data.house.id))
    fees = window.fees_tab
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        settle(qtbot, fee_ctx.worker)
        assert window.size() == area.size()  # nothing made the window grow off the screen
        status = window.statusBar()
        assert status.isVisible() and inside(status.geometry(), window.rect())
        assert label_shows_all(window.customer_bar.info)
        assert address in window.customer_bar.info.text()
    window.tabs.setCurrentWidget(fees)
    qtbot.waitUntil(lambda: fees.due.model.rowCount() == 2)
    assert "meter M-1001" in fees.due.model.index(0, 0).data()  # period and meter, both shown
    assert cut_cells(fees.due.view) == []
    window.close()


def test_the_window_opens_where_it_was_left(qtbot, fee_ctx, hall_screen: QRect) -> None:  # type: ignore[no-untyped-def]
    first = MainWindow(fee_ctx)
    qtbot.addWidget(first)
    assert first.windowState() & Qt.WindowState.WindowMaximized  # the first start: the screen
    first.setWindowState(Qt.WindowState.WindowNoState)
    first.show()
    left = QRect(40, 60, 1280, 640)  # wider than the window's least width at 11 pt
    first.setGeometry(left)
    first.close()
    second = open_window(qtbot, fee_ctx)
    assert second.geometry() == left
    second.close()
    # kept on a larger screen: moved and shrunk into this one
    write_setting_text(fee_ctx.settings, "ui/main_window_geometry", "300,200,1900,1000")
    third = open_window(qtbot, fee_ctx)
    assert inside(third.geometry(), client_area(hall_screen))
    third.setWindowState(Qt.WindowState.WindowMaximized)
    third.close()
    fourth = MainWindow(fee_ctx)
    qtbot.addWidget(fourth)
    assert fourth.windowState() & Qt.WindowState.WindowMaximized


@pytest.fixture
def receipt(fee_data: FeeData) -> Iterator[tuple[int, str, bytes]]:
    from gasdesk.services import receipts
    from tests.gui.test_window_keyboard import paid

    info = paid(fee_data)
    yield info.receipt_id, info.code, receipts.receipt_pdf(info.receipt_id, "a5")


def test_dialogs_fit_with_their_buttons(
    qtbot, fee_ctx, receipt: tuple[int, str, bytes], hall_screen: QRect
) -> None:  # type: ignore[no-untyped-def]
    from gasdesk.ui.fees.receipt_dialog import ReceiptDialog
    from gasdesk.ui.form_preview import FormPreviewDialog

    receipt_id, code, pdf = receipt
    dialogs = [
        (ReceiptDialog(fee_ctx, receipt_id, code, pdf, auto_print=False), "printButton"),
        (FormPreviewDialog(pdf, "A5", settings=fee_ctx.settings), "printPdf"),
    ]
    for dialog, button_name in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.height() + TITLE_BAR <= hall_screen.height()
        button = dialog.findChild(QWidget, button_name)
        assert button is not None and button.isVisible()
        corner = button.mapTo(dialog, button.rect().bottomRight())
        assert dialog.rect().contains(corner)
        dialog.close()
