"""The IC card of the customer being served, on the fee tab: the card in service and
the meter's purchase count, a purchase paid and not written (in red, with 补写卡),
what the reader last read or wrote, and the keys: read the card (Alt+D), write what
is owed (Alt+W), a new card for a lost one (Alt+K). With the simulated reader, two
more keys play the customer: the customer's card into the reader (Alt+I), the card
into the meter, a new blank card into the reader.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from gasdesk.domain.cards import CardImage, CardState
from gasdesk.domain.tariff import format_m3

RED = "color: #b00020;"
GREEN = "color: #1e6b2f;"


class CardPanel(QFrame):
    read_requested = Signal()
    write_requested = Signal()
    new_card_requested = Signal()
    insert_requested = Signal()  # simulated reader: the customer's card in
    meter_requested = Signal()  # simulated reader: the card into the meter
    blank_requested = Signal()  # simulated reader: a new blank card in (for 补卡)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cardPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel()
        self.title.setObjectName("cardTitle")
        self.title.setStyleSheet("font-weight: 600;")
        self.title.setWordWrap(True)
        self.owed = QLabel()
        self.owed.setObjectName("cardOwed")
        self.owed.setStyleSheet(RED + " font-size: 15px; font-weight: 600;")
        self.owed.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("cardStatus")
        self.status.setWordWrap(True)
        self.read_button = QPushButton(self.tr("Read card (Alt+D)"))
        self.read_button.setObjectName("readCardButton")
        self.write_button = QPushButton(self.tr("Write card (Alt+W)"))
        self.write_button.setObjectName("writeCardButton")
        self.new_button = QPushButton(self.tr("New card (Alt+K)"))
        self.new_button.setObjectName("newCardButton")
        self.insert_button = QPushButton(self.tr("Simulated: customer's card in (Alt+I)"))
        self.insert_button.setObjectName("simInsertButton")
        self.meter_button = QPushButton(self.tr("Simulated: card into the meter"))
        self.meter_button.setObjectName("simMeterButton")
        self.blank_button = QPushButton(self.tr("Simulated: blank card in"))
        self.blank_button.setObjectName("simBlankButton")
        for button, signal in (
            (self.read_button, self.read_requested),
            (self.write_button, self.write_requested),
            (self.new_button, self.new_card_requested),
            (self.insert_button, self.insert_requested),
            (self.meter_button, self.meter_requested),
            (self.blank_button, self.blank_requested),
        ):
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys act; Tab stays in the form
            button.clicked.connect(signal.emit)
        buttons = QHBoxLayout()
        for b in (self.read_button, self.write_button, self.new_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.sim_row = QHBoxLayout()
        self.sim_row.addWidget(self.insert_button)
        self.sim_row.addWidget(self.meter_button)
        self.sim_row.addWidget(self.blank_button)
        self.sim_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.owed)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        layout.addLayout(self.sim_row)
        self.state: CardState | None = None
        self.show_state(None, simulated=False)

    def install_shortcuts(self, host: QWidget) -> None:
        for key, signal in (
            ("Alt+D", self.read_requested),
            ("Alt+W", self.write_requested),
            ("Alt+K", self.new_card_requested),
            ("Alt+I", self.insert_requested),
        ):
            shortcut = QShortcut(QKeySequence(key), host)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=signal: self.isVisible() and s.emit())

    def show_state(self, state: CardState | None, *, simulated: bool) -> None:
        self.state = state
        for b in (self.insert_button, self.meter_button, self.blank_button):
            b.setVisible(simulated)
        reader = self.tr(" · simulated card reader") if simulated else ""
        if state is None:
            self.title.setText(self.tr("IC card") + reader)
            self.owed.hide()
            return
        if state.card_number:
            self.title.setText(
                self.tr("IC card {card} · meter {meter} · purchases so far: {seq}").format(
                    card=state.card_number, meter=state.meter_number, seq=state.last_seq
                )
                + reader
            )
        else:
            self.title.setText(
                self.tr("Meter {meter} has no card on record: issue one (Alt+K).").format(
                    meter=state.meter_number
                )
                + reader
            )
        owed = ""
        if state.unwritten:
            u = state.unwritten[0]
            owed = self.tr(
                "Paid, NOT written to the card: receipt {receipt}, {volume} m³ (purchase "
                "{seq}). Put the card in and press Alt+W: no new charge."
            ).format(receipt=u.receipt, volume=format_m3(u.volume_l), seq=u.seq)
        elif state.card_number and not state.card_written:
            owed = self.tr(
                "New card {card} is recorded but NOT written: put a blank card in and press Alt+W."
            ).format(card=state.card_number)
        self.owed.setText(owed)
        self.owed.setVisible(bool(owed))
        self.write_button.setEnabled(state.needs_writing)

    def say(self, text: str, *, good: bool) -> None:
        self.status.setStyleSheet(GREEN if good else RED)
        self.status.setText(text)

    def describe(self, image: CardImage) -> str:
        if image.blank:
            return self.tr("In the reader: a blank card.")
        text = self.tr("In the reader: card {card}, meter {meter}, purchase {seq}.").format(
            card=image.card_number, meter=image.meter_number, seq=image.seq
        )
        if image.pending_l:
            text += " " + self.tr(
                "It still holds {volume} m³ the meter has not taken: the customer inserts "
                "it into the meter first."
            ).format(volume=format_m3(image.pending_l))
        return text
