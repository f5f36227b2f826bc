"""Messages for the person at the counter, written in English and translated by the UI.

Below the UI nothing imports Qt, so a message is marked with QT_TRANSLATE_NOOP (a
plain function here with the name Qt's lupdate looks for) in the "Messages" context;
the UI translates the template and then fills in the parameters.
"""

from __future__ import annotations

from typing import Any

CONTEXT = "Messages"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


class UserError(Exception):
    """A refusal with a message for the teller: `template` is English with {named}
    fields, `params` fill them in. str(err) is the English text."""

    def __init__(self, template: str, **params: Any) -> None:
        self.template = template
        self.params = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return self.template.format(**self.params) if self.params else self.template
