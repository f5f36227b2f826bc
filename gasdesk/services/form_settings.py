"""The data files the form services read: form definitions, appointment slots,
cooking peaks and the company's phone numbers."""

from __future__ import annotations

import os
from functools import lru_cache
from importlib.resources.abc import Traversable
from pathlib import Path

from gasdesk.domain.appointments import AppointmentConfig, parse_config
from gasdesk.domain.outages import PeakWindow, parse_peaks
from gasdesk.resources import forms_folder, load_toml

FORMS_DIR_ENV = "GASDESK_FORMS_DIR"
DEFAULT_SERVICE_PHONE = "0533-8777760"


def forms_dir(override: str | Path | None = None) -> Traversable:
    """The folder named by `override` or GASDESK_FORMS_DIR, else the shipped forms."""
    if override:
        return Path(override)
    env = os.environ.get(FORMS_DIR_ENV)
    return Path(env) if env else forms_folder()


@lru_cache(maxsize=1)
def appointment_config() -> AppointmentConfig:
    return parse_config(load_toml("appointments.toml"))


@lru_cache(maxsize=1)
def peak_windows() -> tuple[PeakWindow, ...]:
    return parse_peaks(load_toml("outages.toml"))


@lru_cache(maxsize=1)
def company_phones() -> dict[str, str]:
    data = load_toml("offices.toml")
    return {
        "company": str(data.get("company", "")),
        "service_phone": str(data.get("service_phone", DEFAULT_SERVICE_PHONE)),
        "complaint_phone": str(data.get("complaint_phone", "")),
        "supervision_phone": str(data.get("supervision_phone", "")),
    }


def service_phone() -> str:
    return company_phones()["service_phone"]
