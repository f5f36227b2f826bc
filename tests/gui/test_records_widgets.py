"""The records tab's item models, highlighting, chart, statement dialog and the
customer bar's use of the search."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QImage

from gasdesk.services.account_view import load_account_view
from gasdesk.services.search import search_accounts
from gasdesk.ui.records.highlight import highlighted_html
from gasdesk.ui.records.history_models import BillsModel, PaymentsModel, ReadingsModel
from gasdesk.ui.records.search_model import SearchResultsModel
from gasdesk.ui.records.statement_dialog import StatementDialog
from gasdesk.ui.records.usage_chart import THIS_YEAR, UsageChart, nice_step
from tests.helpers import wait_idle
from tests.lookup_data import TODAY, LookupData, lookup_db, records_ctx

__all__ = ["lookup_db", "records_ctx"]


def test_search_results_model_passes_the_model_tester(qtmodeltester, lookup_db: LookupData) -> None:  # type: ignore[no-untyped-def]
    model = SearchResultsModel()
    model.set_hits(search_accounts("金泉小区"))
    assert model.rowCount() == 5
    qtmodeltester.check(model)
    model.set_hits([])
    qtmodeltester.check(model)
    assert model.data(model.index(0, 0)) is None
    assert model.account(7) is None


def test_history_models_pass_the_model_tester(qtmodeltester, lookup_db: LookupData) -> None:  # type: ignore[no-untyped-def]
    view = load_account_view(lookup_db.history_account)
    assert view is not None
    readings = ReadingsModel()
    readings.set_readings(view.readings)
    bills = BillsModel()
    bills.set_rows(view.bills)
    payments = PaymentsModel()
    payments.set_rows(view.payments)
    for model in (readings, bills, payments):
        qtmodeltester.check(model)
    assert readings.index(0, 0).data() == "2026-02-15"  # newest first
    assert readings.rowCount(readings.index(0, 0)) == 0
    assert readings.data(QModelIndex()) is None


def test_highlight_marks_spans_and_escapes_the_rest() -> None:
    html = highlighted_html("a<b>张三&c", [(4, 6), (5, 6)])
    assert html.startswith("a&lt;b")
    assert html.count("<span") == 1
    assert ">张三</span>" in html
    assert html.endswith("&amp;c")
    assert highlighted_html("abc", [(-5, 99)]).count("<span") == 1


def _blue_pixels(image: QImage) -> int:
    target = THIS_YEAR.rgb()
    return sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if image.pixel(x, y) == target
    )


def test_chart_draws_this_years_bars(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = UsageChart()
    qtbot.addWidget(chart)
    chart.resize(900, 380)
    chart.set_usage(2025, [0] * 12, [20_000] * 12)
    empty = _blue_pixels(chart.grab().toImage())
    chart.set_usage(2025, [60_000, 18_000, 15_000] + [0] * 9, [20_000] * 12)
    image = chart.grab().toImage()
    assert image.width() == 900
    assert _blue_pixels(image) > empty + 500
    assert chart.this_year[:3] == [60, 18, 15]
    assert QColor(image.pixel(5, 5)) == QColor("white")


def test_chart_ticks_are_round() -> None:
    assert [nice_step(v) for v in (0, 4, 9, 60, 130, 990)] == [1, 1, 2, 20, 50, 200]


def test_statement_dialog_makes_a_pdf_with_the_readings(
    qtbot, records_ctx, lookup_db: LookupData, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    view = load_account_view(lookup_db.history_account)
    assert view is not None
    dialog = StatementDialog(records_ctx, view.account, TODAY)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    assert dialog.period() == (TODAY - dt.timedelta(days=365), TODAY)
    qtbot.keyClick(dialog.start, Qt.Key.Key_Return)  # Enter: the default button makes it
    wait_idle(qtbot, records_ctx.worker)
    qtbot.waitUntil(lambda: dialog.preview.document.pageCount() > 0)
    assert dialog.preview.print_button.isEnabled()
    out = tmp_path / "statement.pdf"
    dialog.preview.save_to(str(out))
    pdf = pdfium.PdfDocument(str(out))
    text = pdf[0].get_textpage().get_text_range()
    pdf.close()
    assert "2026-02-15" in text and "64.000" in text


def test_statement_dialog_refuses_a_backwards_period(
    qtbot, records_ctx, lookup_db: LookupData
) -> None:  # type: ignore[no-untyped-def]
    view = load_account_view(lookup_db.history_account)
    assert view is not None
    dialog = StatementDialog(records_ctx, view.account, TODAY)
    qtbot.addWidget(dialog)
    dialog.start.setDate(dialog.end.date().addDays(1))
    dialog.make()
    wait_idle(qtbot, records_ctx.worker)
    assert "ends before it starts" in dialog.status.text()
    assert dialog.preview.document.pageCount() == 0


@pytest.mark.parametrize(("typed", "name"), [("zgf", "曾国藩"), ("9876", "张三丰")])
def test_customer_bar_finds_every_kind_through_the_search(
    qtbot, records_ctx, typed: str, name: str
) -> None:  # type: ignore[no-untyped-def]
    from gasdesk.ui.customer_bar import CustomerBar

    bar = CustomerBar(records_ctx)
    qtbot.addWidget(bar)
    bar.show()
    qtbot.keyClicks(bar.search, typed)
    qtbot.keyClick(bar.search, Qt.Key.Key_Return)
    wait_idle(qtbot, records_ctx.worker)
    qtbot.waitUntil(lambda: records_ctx.customer is not None)
    assert records_ctx.customer.name == name
