"""The command line's words in the terminal's language without Qt: the Chinese of a
Messages template is read from the translation source (resources/i18n/*.ts, XML)
that the window's translation is compiled from, so a command that prints a report
starts without loading Qt. Only finished translations are used; a template without
one is printed in English."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from functools import cache

from gasdesk.domain.text import CONTEXT
from gasdesk.resources import resource_file

TS = "i18n/gasdesk_zh_CN.ts"  # shipped beside the compiled .qm (setup.cfg package data)


def chinese_terminal(environ: Mapping[str, str] | None = None) -> bool:
    """What the C library would use for messages: LC_ALL, then LC_MESSAGES, then LANG."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return value.lower().startswith("zh")
    return False


@cache
def chinese_messages() -> dict[str, str]:
    """Template -> Chinese, for the Messages context."""
    found: dict[str, str] = {}
    try:
        with resource_file(TS).open("rb") as ts_file:
            root = ET.parse(ts_file).getroot()
    except (OSError, ET.ParseError):
        return found
    for context in root.iter("context"):
        if context.findtext("name") != CONTEXT:
            continue
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if source is None or translation is None or translation.get("type"):
                continue
            if translation.text:
                found[source] = translation.text
    return found


def words(template: str, chinese: bool, **params: object) -> str:
    """A Messages template in Chinese (when `chinese` and translated) or English,
    its parameters filled in."""
    text = chinese_messages().get(template, template) if chinese else template
    return text.format(**params) if params else text
