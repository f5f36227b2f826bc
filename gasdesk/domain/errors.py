"""Refusals meant for the person at the counter, with a stable code.

A TellerError is a UserError (English template marked for translation, parameters
filled in by the UI after translating) that also carries a short `code` saying why,
for tests, logs and the UI's choice of where to show it.
"""

from __future__ import annotations

from typing import Any

from gasdesk.domain.text import UserError


class TellerError(UserError):
    """Something the teller must fix or know; nothing was recorded."""

    def __init__(self, code: str, template: str, **params: Any) -> None:
        self.code = code
        super().__init__(template, **params)
