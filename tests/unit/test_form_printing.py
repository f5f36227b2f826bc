import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from gasdesk.printing.forms import render_form_pdf
from gasdesk.services.effects.catalog import load_forms
from gasdesk.services.form_copies import printable_form
from gasdesk.services.forms import submit_form
from tests.forms_support import World, close, seed


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    yield seed(tmp_path)
    close()


def test_printed_copy_has_number_fields_office_and_service_phone(
    world: World, tmp_path: Path
) -> None:
    spec = load_forms().get("complaint")
    assert spec is not None
    r = submit_form(
        spec,
        {
            "name": "王建国",
            "phone": "13905331234",
            "about": "收费",
            "content": "多收了气费，要求核对。",
            "demand": "退还多收部分",
        },
        staff_id=world.teller_id,
        office_id=world.office_id,
        at=dt.datetime(2026, 9, 30, 10, 15),
    )
    target = tmp_path / "copy.pdf"
    data = render_form_pdf(printable_form(r.form.id, copy=True), target)
    assert target.read_bytes() == data
    assert b"/FontFile2" in data  # the TrueType font is embedded
    pdf = pdfium.PdfDocument(data)
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    for expected in [
        "投诉登记表",
        "MS-F-2026-000001",
        "0533-8777760",
        "萌水营业室",
        "文昌湖区政务大厅一楼",
        "0533-6886656",
        "多收了气费",
        "客户签字",
        "重印",
        "2026年10月10日",
    ]:
        assert expected in text, expected
