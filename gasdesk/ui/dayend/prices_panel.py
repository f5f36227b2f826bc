"""Prices (气价): the tariff versions stored, and a new one entered by hand or read
from a tariff file, added from its effective date once a supervisor confirms. The
checks are the service's (services.tariff_admin): a bad entry is refused with its
reason and nothing is stored."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gasdesk.domain.money import format_yuan
from gasdesk.domain.tariff import Tariff
from gasdesk.domain.tariff_file import TariffSpec, TariffVersionInfo, read_spec
from gasdesk.domain.text import QT_TRANSLATE_NOOP
from gasdesk.services import tariff_admin
from gasdesk.ui.context import AppContext
from gasdesk.ui.dates import day_edit, to_date, to_qdate
from gasdesk.ui.dayend.supervisor import SupervisorDialog
from gasdesk.ui.dayend.tier_editor import TierEditor
from gasdesk.ui.file_dialogs import SafeFileDialog
from gasdesk.ui.formdesk.common import clock
from gasdesk.ui.messages import user_text
from gasdesk.ui.table_model import RowTableModel
from gasdesk.ui.table_view import row_table

CONTEXT = "Prices"
USER_TYPES = (
    ("residential", QT_TRANSLATE_NOOP("Prices", "Residential")),
    ("commercial", QT_TRANSLATE_NOOP("Prices", "Commercial")),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def user_type_label(user_type: str) -> str:
    return next((_tr(label) for key, label in USER_TYPES if key == user_type), user_type)


def tiers_text(tariff: Tariff) -> str:
    """'0–400 m³ ¥3.00; 400–600 m³ ¥3.60; above 600 m³ ¥4.50'."""
    parts = []
    lower = 0
    for tier in tariff.tiers:
        price = f"¥{format_yuan(tier.price_fen)}"
        if tier.upper_m3 is None:
            if len(tariff.tiers) == 1:
                parts.append(price)
            else:
                parts.append(
                    QCoreApplication.translate("Prices", "above {low} m³ {price}").format(
                        low=lower, price=price
                    )
                )
        else:
            parts.append(f"{lower}–{tier.upper_m3} m³ {price}")
            lower = tier.upper_m3
    return QCoreApplication.translate("Prices", "; ").join(parts)


def household_text(tariff: Tariff) -> str:
    rule = tariff.household
    if rule is None:
        return ""
    return QCoreApplication.translate(
        "Prices", "each person above {base}: +{extra} m³ per tier"
    ).format(base=rule.base_persons, extra=rule.extra_m3_per_person)


class VersionsModel(RowTableModel):
    COLUMNS = (
        QT_TRANSLATE_NOOP("Prices", "User type"),
        QT_TRANSLATE_NOOP("Prices", "In force from"),
        QT_TRANSLATE_NOOP("Prices", "Name"),
        QT_TRANSLATE_NOOP("Prices", "Tiers (annual volume, price per m³)"),
        QT_TRANSLATE_NOOP("Prices", "Large households"),
        QT_TRANSLATE_NOOP("Prices", "Source of the prices"),
        QT_TRANSLATE_NOOP("Prices", "Entered by"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.in_force: set[int] = set()

    def headers(self) -> list[str]:
        return [_tr(c) for c in self.COLUMNS]

    def cell(self, item: Any, column: int) -> str:
        v: TariffVersionInfo = item
        t = v.tariff
        values = (
            user_type_label(v.user_type),
            t.effective_from.isoformat(),
            t.name,
            tiers_text(t),
            household_text(t),
            v.source,
            v.created_by,
        )
        return values[column]

    def extra(self, item: Any, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and item.sample:
            return QBrush(QColor("#8a4b00"))
        if role == Qt.ItemDataRole.FontRole and item.id in self.in_force:
            font = QFont()
            font.setBold(True)
            return font
        return None


def in_force(versions: list[TariffVersionInfo], today: dt.date) -> list[TariffVersionInfo]:
    """The version of each user type in force on `today`."""
    out = []
    for user_type, _ in USER_TYPES:
        mine = [
            v for v in versions if v.user_type == user_type and v.tariff.effective_from <= today
        ]
        if mine:
            out.append(max(mine, key=lambda v: (v.tariff.effective_from, v.id)))
    return out


class PricesPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.versions: list[TariffVersionInfo] | None = None
        self.dialog: SupervisorDialog | None = None
        self.file_dialog: SafeFileDialog | None = None
        layout = QVBoxLayout(self)
        self.warning = QLabel()
        self.warning.setObjectName("pricesSampleWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(
            "color: #8a4b00; background: #fff4e0; padding: 6px; border: 1px solid #e8c48a;"
        )
        self.warning.hide()
        layout.addWidget(self.warning)
        self.model = VersionsModel(self)
        self.table = row_table(self.model, "tariffVersions", single=True, row_numbers=False)
        layout.addWidget(self.table, 1)
        layout.addWidget(self._form())
        self.message = QLabel()
        self.message.setObjectName("pricesMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

    def _form(self) -> QGroupBox:
        box = QGroupBox(self.tr("New tariff version (a price decision)"))
        columns = QHBoxLayout(box)
        form = QFormLayout()
        self.user_type = QComboBox()
        self.user_type.setObjectName("priceUserType")
        for key, label in USER_TYPES:
            self.user_type.addItem(_tr(label), key)
        self.name = QLineEdit()
        self.name.setObjectName("priceName")
        self.name.setMaxLength(60)
        self.name.setPlaceholderText(self.tr("e.g. 居民阶梯气价（2027年调整）"))
        self.effective = day_edit("priceDate", clock(self.ctx).date())
        self.source = QLineEdit()
        self.source.setObjectName("priceSource")
        self.source.setMaxLength(200)
        self.source.setPlaceholderText(self.tr("the price decision, e.g. 淄发改价格〔2026〕12号"))
        household = QHBoxLayout()
        self.household = QCheckBox(self.tr("Households of more than"))
        self.household.setObjectName("priceHousehold")
        self.base_persons = QSpinBox()
        self.base_persons.setObjectName("priceHouseholdBase")
        self.base_persons.setRange(1, 30)
        self.base_persons.setValue(4)
        self.base_persons.setSuffix(self.tr(" people:"))
        self.extra_m3 = QSpinBox()
        self.extra_m3.setObjectName("priceHouseholdExtra")
        self.extra_m3.setRange(0, 10_000)
        self.extra_m3.setValue(100)
        self.extra_m3.setSuffix(" m³")
        household.addWidget(self.household)
        household.addWidget(self.base_persons)
        household.addStretch(1)
        extra = QHBoxLayout()  # a second line: one line is wider than a hall's screen allows
        extra.addWidget(QLabel(self.tr("each extra person adds to every tier")))
        extra.addWidget(self.extra_m3)
        extra.addStretch(1)
        self.household.toggled.connect(self._household_toggled)
        self._household_toggled(False)
        form.addRow(self.tr("User &type"), self.user_type)
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("In &force from"), self.effective)
        form.addRow(self.tr("&Source"), self.source)
        form.addRow(self.tr("Large households"), household)
        form.addRow("", extra)
        for label_field in (self.name, self.source):
            label_field.returnPressed.connect(self.focusNextChild)
        columns.addLayout(form, 3)
        right = QVBoxLayout()
        self.tiers = TierEditor()
        right.addWidget(self.tiers)
        buttons = QHBoxLayout()
        self.load_button = QPushButton(self.tr("&Load from a tariff file…"))
        self.load_button.setObjectName("loadTariffFile")
        self.add_button = QPushButton(self.tr("&Add this version…"))
        self.add_button.setObjectName("addTariff")
        buttons.addStretch(1)
        buttons.addWidget(self.load_button)
        buttons.addWidget(self.add_button)
        right.addLayout(buttons)
        right.addStretch(1)
        columns.addLayout(right, 2)
        self.load_button.clicked.connect(self.choose_file)
        self.add_button.clicked.connect(self.ask_add)
        QShortcut(QKeySequence("Ctrl+Return"), box).activated.connect(self.ask_add)
        return box

    def _household_toggled(self, on: bool) -> None:
        self.base_persons.setEnabled(on)
        self.extra_m3.setEnabled(on)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #b00020;" if error else "color: #1e7b34;")

    def refresh(self) -> None:
        self.ctx.worker.submit(
            tariff_admin.tariff_versions,
            on_done=self._show,
            on_error=lambda exc: self._say(user_text(exc), error=True),
            channel="dayend-prices",
        )

    def _show(self, versions: list[TariffVersionInfo]) -> None:
        self.versions = versions
        current = in_force(versions, clock(self.ctx).date())
        self.model.in_force = {v.id for v in current}
        self.model.set_rows(versions)
        samples = [user_type_label(v.user_type) for v in current if v.sample]
        self.warning.setText(
            self.tr(
                "The prices in force for {types} are SAMPLE prices shipped with GasDesk; "
                "enter the figures of the Zibo price authority (淄博市发展和改革委员会) as a "
                "new version before billing real customers."
            ).format(types=self.tr(", ").join(samples))
        )
        self.warning.setVisible(bool(samples))

    # -- entering a version ---------------------------------------------------------

    def entered(self) -> dict[str, Any]:
        """What the form holds, as a tariff file would state it."""
        data: dict[str, Any] = {
            "name": self.name.text(),
            "user_type": self.user_type.currentData(),
            "effective_from": to_date(self.effective.date()),
            "source": self.source.text(),
            "tier": self.tiers.entries(),
        }
        if self.household.isChecked():
            data["household"] = {
                "base_persons": self.base_persons.value(),
                "extra_m3_per_person": self.extra_m3.value(),
            }
        return data

    def fill(self, spec: TariffSpec) -> None:
        """Show a version read from a file, for the supervisor to check and add."""
        t = spec.tariff
        self.user_type.setCurrentIndex(max(0, self.user_type.findData(spec.user_type)))
        self.name.setText(t.name)
        self.effective.setDate(to_qdate(t.effective_from))
        self.source.setText(spec.source)
        self.tiers.set_tiers(t.tiers)
        self.household.setChecked(t.household is not None)
        if t.household is not None:
            self.base_persons.setValue(t.household.base_persons)
            self.extra_m3.setValue(t.household.extra_m3_per_person)

    def ask_add(self) -> None:
        try:
            spec = read_spec(self.entered())
        except Exception as exc:
            self._say(user_text(exc), error=True)
            return
        self.message.clear()
        t = spec.tariff
        self.dialog = SupervisorDialog(
            self.tr("Add a tariff version"),
            self.tr(
                "Add '{name}' for {user_type} accounts from {day}: {tiers}? Gas billed "
                "before that day keeps its price."
            ).format(
                name=t.name,
                user_type=user_type_label(spec.user_type),
                day=t.effective_from.isoformat(),
                tiers=tiers_text(t),
            ),
            parent=self,
        )
        self.dialog.setObjectName("addTariffDialog")
        self.dialog.confirmed.connect(lambda badge, password, _r: self._add(spec, badge, password))
        self.dialog.show()

    def _add(self, spec: TariffSpec, badge: str, password: str) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        self.ctx.worker.submit(
            tariff_admin.add_tariff_as_supervisor,
            spec,
            badge,
            password,
            self.ctx.session.office.id,
            on_done=self._added,
            on_error=lambda exc: dialog.refused(user_text(exc)),
        )

    def _added(self, info: TariffVersionInfo) -> None:
        if self.dialog is not None:
            self.dialog.accept()
            self.dialog = None
        self._say(
            self.tr("The tariff '{name}' is added; it applies from {day}.").format(
                name=info.tariff.name, day=info.tariff.effective_from.isoformat()
            )
        )
        self.refresh()

    def choose_file(self) -> None:
        dialog = SafeFileDialog(self, self.tr("Read a tariff file"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(self.tr("Tariff files (*.toml)"))
        dialog.fileSelected.connect(self.load_file)
        self.file_dialog = dialog
        dialog.open()

    def load_file(self, path: str) -> None:
        self.ctx.worker.submit(
            tariff_admin.read_tariff_file,
            path,
            on_done=self._loaded,
            on_error=lambda exc: self._say(user_text(exc), error=True),
        )

    def _loaded(self, spec: TariffSpec) -> None:
        self.fill(spec)
        self._say(self.tr("Read from the file; check it, then add it with Alt+A."))
