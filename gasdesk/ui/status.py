"""The status bar: office, counter, teller, clock and whether the hall is open."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from gasdesk.domain.hours import HallState, hall_state, parse_hours
from gasdesk.domain.records import LoginSession


class CounterStatusBar(QStatusBar):
    def __init__(self, session: LoginSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.hours = parse_hours(session.office.hours)
        self.place = QLabel(
            self.tr("{office} · counter {counter}").format(
                office=session.office.name, counter=session.counter.number
            )
        )
        self.teller = QLabel(
            self.tr("Teller {badge} {name}").format(
                badge=session.staff.badge, name=session.staff.name
            )
        )
        self.hall = QLabel()
        self.hall.setObjectName("hallState")
        self.clock = QLabel()
        self.clock.setObjectName("clock")
        for w in (self.place, self.teller, self.hall, self.clock):
            self.addPermanentWidget(w)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.tick)
        self._timer.start(1000)
        self.tick()

    def state_text(self, state: HallState) -> str:
        return {
            HallState.BEFORE_OPENING: self.tr("Hall not yet open"),
            HallState.OPEN: self.tr("Hall open"),
            HallState.LUNCH: self.tr("Lunch break"),
            HallState.CLOSED: self.tr("Hall closed"),
        }[state]

    def tick(self, now: dt.datetime | None = None) -> None:
        now = now or dt.datetime.now()
        self.clock.setText(now.strftime("%Y-%m-%d %H:%M:%S"))
        state = hall_state(self.hours, now.time())
        self.hall.setText(self.state_text(state))
        colour = "#1b5e20" if state is HallState.OPEN else "#8d6e00"
        self.hall.setStyleSheet(f"color: {colour}; font-weight: bold;")
