"""What the device check shows for each device."""

from __future__ import annotations

from dataclasses import dataclass

FOUND = "found"  # a real device answered
SIMULATED = "simulated"  # a simulated device (files in a folder) stands in
MISSING = "missing"  # set up but not answering, not installed, or not set up


@dataclass(frozen=True)
class DeviceStatus:
    state: str  # FOUND | SIMULATED | MISSING
    where: str  # the folder, port, address or driver, as the settings name it
    problem: Exception | None = None  # why it is missing (a UserError for the teller)
