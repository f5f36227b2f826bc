from pathlib import Path

import pytest

from gasdesk.domain.form_spec import FieldType, Status
from gasdesk.domain.forms import load_catalog
from gasdesk.resources import forms_folder

EXPECTED = {
    "open_account": "开户",
    "transfer": "过户",
    "installation": "报装",
    "repair": "报修",
    "meter_check": "校验",
    "meter_change": "更换",
    "user_type_change": "用气类型变更",
    "supply_change": "停气/复气",
    "info_change": "信息变更",
    "close_account": "销户",
    "consultation": "咨询",
    "complaint": "投诉",
    "appointment": "预约",
}


def test_the_shipped_forms_load_without_problems() -> None:
    catalog = load_catalog(forms_folder())
    assert catalog.problems == ()
    assert set(catalog.kinds) == set(EXPECTED)
    for kind, word in EXPECTED.items():
        spec = catalog.get(kind)
        assert spec is not None and word in spec.title
        assert spec.title_en, kind
        assert all(f.label_en for f in spec.fields), kind
        placed = [n for s in spec.sections for n in s.fields]
        assert sorted(placed) == sorted(f.name for f in spec.fields)


def test_every_field_type_is_used_by_some_shipped_form() -> None:
    used = {f.type for spec in load_catalog(forms_folder()).forms for f in spec.fields}
    assert used == set(FieldType)


def test_workflows() -> None:
    catalog = load_catalog(forms_folder())
    complaint = catalog.get("complaint")
    assert (
        complaint is not None and complaint.workflow.complaint and complaint.workflow.return_visit
    )
    assert complaint.workflow.steps == tuple(Status)
    consult = catalog.get("consultation")
    assert consult is not None and consult.workflow.steps == (
        Status.RECEIVED,
        Status.REPLIED,
        Status.CLOSED,
    )
    assert consult.workflow.next_status(Status.RECEIVED) is Status.REPLIED


GOOD = """
title = "测试"
[[field]]
name = "a"
label = "甲"
type = "text"
"""


def write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            'title = "x"\n[[field]]\nname = "a"\nlabel = "甲"\ntype = "colour"\n',
            "unknown field type 'colour'",
        ),
        (GOOD + '[[field]]\nname = "a"\nlabel = "乙"\ntype = "text"\n', "duplicate field name 'a'"),
        ('title = "x"\n[[field]\nname = "a"\n', "bad TOML"),
        ('[[field]]\nname = "a"\nlabel = "甲"\ntype = "text"\n', "the form has no title"),
        ('title = "  "\n[[field]]\nname = "a"\nlabel = "甲"\ntype = "text"\n', "title is empty"),
        ('title = "x"\n', "no [[field]] entries"),
        (
            'title = "x"\n[[field]]\nname = "a"\nlabel = "甲"\ntype = "choice"\n',
            "a choice field needs choices",
        ),
        (
            'title = "x"\n[[field]]\nname = "a"\nlabel = "甲"\ntype = "text"\npattern = "(["\n',
            "not a valid regular expression",
        ),
        (
            'title = "x"\n[[field]]\nname = "a"\nlabel = "甲"\ntype = "text"\nrequierd = true\n',
            "unknown key 'requierd'",
        ),
        (GOOD + '[[section]]\ntitle = "s"\nfields = ["b"]\n', "unknown field 'b'"),
        (GOOD + '[workflow]\nsteps = ["受理", "完成"]\n', "unknown status '完成'"),
        (GOOD + '[workflow]\nsteps = ["处理中", "受理", "办结"]\n', "in the order"),
        ('title = "x"\n[[field]]\nname = "t"\nlabel = "时段"\ntype = "timeslot"\n', "slot_kind"),
        (
            'title = "x"\n[[field]]\nname = "a"\nlabel = "甲"\ntype = "amount"\nmax_amount = "1.234"\n',
            "two decimals",
        ),
        (GOOD.replace('type = "text"', 'type = "text"\nmatch = "customer.phone"'), "unknown match"),
        (GOOD.replace('type = "text"', 'type = "text"\nmatch = "customer.name"'), "account field"),
    ],
)
def test_a_broken_file_is_reported_and_the_others_still_load(
    tmp_path: Path, text: str, problem: str
) -> None:
    write(tmp_path, "good.toml", GOOD)
    write(tmp_path, "broken.toml", text)
    catalog = load_catalog(tmp_path)
    assert catalog.kinds == ("good",)
    assert len(catalog.problems) == 1
    assert catalog.problems[0].file == "broken.toml"
    assert problem in catalog.problems[0].problem, catalog.problems[0].problem


def test_non_utf8_and_bad_file_names_are_reported(tmp_path: Path) -> None:
    (tmp_path / "latin.toml").write_bytes('title = "caf\xe9"\n'.encode("latin-1"))
    write(tmp_path, "Bad-Name.toml", GOOD)
    problems = {p.file: p.problem for p in load_catalog(tmp_path).problems}
    assert "UTF-8" in problems["latin.toml"]
    assert "file name" in problems["Bad-Name.toml"]


def test_unplaced_fields_go_to_an_other_section(tmp_path: Path) -> None:
    write(
        tmp_path,
        "f.toml",
        GOOD
        + '[[field]]\nname = "b"\nlabel = "乙"\ntype = "text"\n[[section]]\ntitle = "s"\nfields = ["a"]\n',
    )
    spec = load_catalog(tmp_path).forms[0]
    assert [s.fields for s in spec.sections] == [("a",), ("b",)]


def test_missing_folder_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    catalog = load_catalog(tmp_path / "nowhere")
    assert catalog.forms == () and "does not exist" in catalog.problems[0].problem


def test_the_fields_that_name_the_account_are_declared_to_match_it() -> None:
    """What must be the account's and what may differ, form by form."""
    catalog = load_catalog(forms_folder())
    declared = {
        (spec.kind, f.name): f.match for spec in catalog.forms for f in spec.fields if f.match
    }
    assert declared == {
        ("transfer", "old_name"): "customer.name",
        ("transfer", "address"): "customer.address",
        ("meter_check", "name"): "customer.name",
        ("meter_check", "meter_number"): "customer.meter",
        ("user_type_change", "name"): "customer.name",
        ("meter_change", "name"): "customer.name",
        ("meter_change", "meter_number"): "customer.meter",
        ("close_account", "name"): "customer.name",
        ("info_change", "name"): "customer.name",
        ("supply_change", "name"): "customer.name",
    }
