"""The 80 mm thermal receipt printer spoken to in ESC/POS, through python-escpos, on
USB, a serial port, the network or a device file, beside printing through the
system's printer driver.

Chinese goes as GB18030 in the printer's Chinese character mode (FS &), each
character two columns wide (48 columns of the 12-dot font on 80 mm paper); the
receipt ends with a paper cut, and a cash payment's receipt first opens the cash
drawer wired to the printer (pin 2). The lines are receipt_lines.roll_lines, the
same as the PDF roll's.

A connection is written as the setting holds it:
    usb:VENDOR:PRODUCT     usb:0x0416:0x5011         (needs pyusb)
    serial:PORT[:BAUD]     serial:/dev/ttyUSB0:9600  (needs pyserial)
    network:HOST[:PORT]    network:192.168.1.60      (port 9100)
    file:PATH              file:/dev/usb/lp0
"""

from __future__ import annotations

import contextlib
import unicodedata
from collections.abc import Sequence
from typing import Any

from gasdesk.devices.errors import DeviceError, device_error
from gasdesk.devices.status import FOUND, MISSING, DeviceStatus
from gasdesk.domain.receipts import PrintLine

COLUMNS = 48  # Font A (12 x 24 dots) on the 72 mm printable width of 80 mm paper
LABEL_COLUMNS = 12  # a label of a label/value line
ENCODING = "gb18030"
INIT = b"\x1b\x40"  # ESC @: the printer's defaults
CHINESE_MODE = b"\x1c\x26"  # FS &: two-byte (GB18030) characters
ALIGN = {"left": b"\x1b\x61\x00", "center": b"\x1b\x61\x01"}
BOLD_ON, BOLD_OFF = b"\x1b\x45\x01", b"\x1b\x45\x00"
DOUBLE, NORMAL = b"\x1d\x21\x11", b"\x1d\x21\x00"  # GS !: double width and height
DRAWER_PIN = 2


def width(text: str) -> int:
    """Columns `text` takes: Chinese (wide and full-width) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap(text: str, columns: int) -> list[str]:
    """`text` cut into lines of at most `columns` columns, between any two characters
    (as the PDF's CJK word wrap does); never an empty list."""
    lines: list[str] = []
    line, used = "", 0
    for ch in text:
        w = width(ch)
        if used + w > columns and line:
            lines.append(line)
            line, used = "", 0
        line += ch
        used += w
    lines.append(line)
    return lines


def layout(lines: Sequence[PrintLine], columns: int = COLUMNS) -> list[tuple[str, str, bool]]:
    """Each printed row as (alignment, text, double size)."""
    rows: list[tuple[str, str, bool]] = []
    for line in lines:
        style = line.style
        if style == "rule":
            rows.append(("left", "-" * columns, False))
        elif style in ("title", "copy"):
            rows += [("center", t, True) for t in wrap(line.text, columns // 2)]
        elif style in ("company", "center"):
            rows += [("center", t, False) for t in wrap(line.text, columns)]
        elif style == "pair":
            label = line.text + " " * max(1, LABEL_COLUMNS - width(line.text))
            first, *rest = wrap(line.value, columns - width(label))
            rows.append(("left", label + first, False))
            rows += [("left", " " * width(label) + t, False) for t in rest]
        else:  # text, small
            rows += [("left", t, False) for t in wrap(line.text, columns)]
    return rows


def print_lines(
    printer: Any, lines: Sequence[PrintLine], *, columns: int = COLUMNS, open_drawer: bool = False
) -> None:
    """Send the receipt to `printer` (a python-escpos printer): Chinese mode, the rows
    in GB18030, the drawer kick when asked, the cut."""
    printer._raw(INIT + CHINESE_MODE)
    if open_drawer:
        printer.cashdraw(DRAWER_PIN)
    for align, text, double in layout(lines, columns):
        printer._raw(ALIGN[align] + (DOUBLE + BOLD_ON if double else b""))
        printer._raw(text.encode(ENCODING) + b"\n")
        if double:
            printer._raw(NORMAL + BOLD_OFF)
    printer._raw(ALIGN["left"])
    printer.cut()


def receipt_bytes(
    lines: Sequence[PrintLine], *, columns: int = COLUMNS, open_drawer: bool = False
) -> bytes:
    """What print_lines sends, through the library's Dummy printer."""
    from escpos.printer import Dummy

    dummy = Dummy()
    print_lines(dummy, lines, columns=columns, open_drawer=open_drawer)
    return bytes(dummy.output)


def connect(connection: str) -> Any:
    """A python-escpos printer for `connection` (see the module notes), not opened yet
    for the network; DeviceError 'bad_connection' for a setting not understood."""
    kind, _, rest = connection.strip().partition(":")
    parts = rest.split(":") if rest else []
    try:
        if kind == "usb" and len(parts) == 2:
            from escpos.printer import Usb

            return Usb(int(parts[0], 16), int(parts[1], 16))
        if kind == "serial" and 1 <= len(parts) <= 2 and parts[0]:
            from escpos.printer import Serial

            return Serial(parts[0], int(parts[1]) if len(parts) == 2 else 9600)
        if kind == "network" and 1 <= len(parts) <= 2 and parts[0]:
            from escpos.printer import Network

            return Network(parts[0], int(parts[1]) if len(parts) == 2 else 9100)
        if kind == "file" and rest:
            from escpos.printer import File

            return File(rest)
    except ValueError:
        pass
    raise device_error("bad_connection", connection=connection)


class EscposPrinter:
    """The receipt printer on `connection`: one job per call, closed afterwards."""

    simulated = False

    def __init__(self, connection: str, columns: int = COLUMNS) -> None:
        self.connection = connection
        self.columns = columns

    def _run(self, job: Any) -> None:
        printer = connect(self.connection)
        try:
            printer.open()
            job(printer)
        except DeviceError:
            raise
        except Exception as exc:  # the library's own errors, OSError, a missing pyusb
            raise device_error(
                "printer_missing", device=self.connection, reason=f"{type(exc).__name__}: {exc}"
            ) from exc
        finally:
            with contextlib.suppress(Exception):  # closing a printer that never opened
                printer.close()

    def status(self) -> DeviceStatus:
        try:
            self._run(lambda printer: None)
        except DeviceError as exc:
            return DeviceStatus(MISSING, self.connection, exc)
        return DeviceStatus(FOUND, self.connection)

    def print_lines(self, lines: Sequence[PrintLine], *, open_drawer: bool = False) -> None:
        self._run(lambda p: print_lines(p, lines, columns=self.columns, open_drawer=open_drawer))

    def open_drawer(self) -> None:
        self._run(lambda p: p.cashdraw(DRAWER_PIN))
