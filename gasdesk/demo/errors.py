"""The demo's refusal."""


class DemoError(Exception):
    """The demo cannot be generated here (the message says why); nothing was written."""
