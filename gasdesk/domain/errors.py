"""Refusals meant for the person at the counter.

A refusal carries a short stable `code`, an English `message` template and the
`params` that fill it. The UI shows a translated text chosen by the code (falling
back to the English message); logs and tests read the code.
"""

from __future__ import annotations

from typing import Any


class TellerError(Exception):
    """Something the teller must fix or know; nothing was recorded."""

    def __init__(self, code: str, message: str, **params: Any) -> None:
        self.code = code
        self.template = message
        self.params = params
        self.message = message.format(**params) if params else message
        super().__init__(self.message)
