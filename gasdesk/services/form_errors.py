"""Refusals of a form's fields: raised by submitting a form and by the effect a form
runs when it reaches a status; the screen shows each message beside its field."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gasdesk.domain.form_fields import FieldError
from gasdesk.domain.text import UserError


class FormRejected(Exception):
    """Some fields were refused; `.errors` maps field name -> FieldError. Nothing was saved."""

    def __init__(self, errors: Mapping[str, FieldError]) -> None:
        self.errors = dict(errors)
        super().__init__("; ".join(f"{k}: {v.message}" for k, v in self.errors.items()))


def field_refusal(field: str, template: str, **params: Any) -> FormRejected:
    """One field refused with a teller's message (an English template of the Messages
    context, as a UserError carries)."""
    return FormRejected({field: FieldError.of(UserError(template, **params))})
