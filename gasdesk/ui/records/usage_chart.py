"""Monthly gas use as bars, this year beside last year, drawn large enough to be read
by the customer across the counter."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from gasdesk.domain.readings import whole_m3

THIS_YEAR = QColor("#1f6feb")
LAST_YEAR = QColor("#b6c2cf")
AXIS = QColor("#52606d")
GRID = QColor("#e4e7eb")
TEXT = QColor("#1f2933")


def nice_step(top: int, ticks: int = 5) -> int:
    """A round tick step (1, 2 or 5 times a power of ten) giving at most `ticks` lines."""
    if top <= 0:
        return 1
    step = 1
    while True:
        for m in (1, 2, 5):
            if top / (step * m) <= ticks:
                return step * m
        step *= 10


class UsageChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usageChart")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.year = 0
        self.this_year: list[int] = [0] * 12  # m³
        self.last_year: list[int] = [0] * 12

    def set_usage(self, year: int, this_year_l: list[int], last_year_l: list[int]) -> None:
        """Litres per month (January first) for `year` and the year before."""
        self.year = year
        self.this_year = [whole_m3(v) for v in this_year_l[:12]] + [0] * (
            12 - len(this_year_l[:12])
        )
        self.last_year = [whole_m3(v) for v in last_year_l[:12]] + [0] * (
            12 - len(last_year_l[:12])
        )
        self.update()

    def minimumSizeHint(self) -> QSize:
        # low enough that the account view fits a 1366×768 counter screen
        return QSize(560, 200)

    def sizeHint(self) -> QSize:
        return QSize(900, 380)

    def _font(self, points: float, bold: bool = False) -> QFont:
        f = QFont(self.font())
        f.setPointSizeF(points)
        f.setBold(bold)
        return f

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        w, h = self.width(), self.height()
        scale = max(0.8, min(1.6, h / 380))

        # Title and legend
        p.setPen(TEXT)
        p.setFont(self._font(17 * scale, bold=True))
        title = self.tr("Gas used per month (m³)")
        title_h = p.fontMetrics().height()
        p.drawText(QRectF(16, 8, w - 32, title_h), Qt.AlignmentFlag.AlignLeft, title)
        p.setFont(self._font(13 * scale))
        fm = p.fontMetrics()
        legend = [(THIS_YEAR, str(self.year)), (LAST_YEAR, str(self.year - 1))]
        x = w - 16
        for color, label in reversed(legend):
            tw = fm.horizontalAdvance(label)
            x -= tw
            p.setPen(TEXT)
            p.drawText(QRectF(x, 8, tw, title_h), Qt.AlignmentFlag.AlignVCenter, label)
            x -= fm.height() + 6
            p.fillRect(
                QRectF(x, 8 + (title_h - fm.height()) / 2 + 2, fm.height() - 4, fm.height() - 4),
                color,
            )
            x -= 22

        # Plot area
        p.setFont(self._font(12 * scale))
        fm = p.fontMetrics()
        top_value = max([*self.this_year, *self.last_year, 1])
        step = nice_step(top_value)
        y_max = step * -(-top_value // step)
        left = 16 + fm.horizontalAdvance(str(y_max)) + 10
        top = 8 + title_h + 16
        bottom = h - fm.height() - 14
        right = w - 16
        plot_h = max(10.0, bottom - top - fm.height())  # room above the bars for values
        base = bottom
        for v in range(0, y_max + 1, step):
            y = base - plot_h * v / y_max
            p.setPen(QPen(GRID, 1))
            p.drawLine(int(left), int(y), int(right), int(y))
            p.setPen(AXIS)
            p.drawText(
                QRectF(8, y - fm.height() / 2, left - 16, fm.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(v),
            )
        p.setPen(QPen(AXIS, 1.5))
        p.drawLine(int(left), int(base), int(right), int(base))

        group = (right - left) / 12
        bar = group * 0.36
        locale = QLocale()
        value_font = self._font(11 * scale, bold=True)
        for m in range(12):
            gx = left + group * m + group * 0.1
            for k, (values, color) in enumerate(
                ((self.last_year, LAST_YEAR), (self.this_year, THIS_YEAR))
            ):
                v = values[m]
                bh = plot_h * v / y_max
                rect = QRectF(gx + k * bar, base - bh, bar - 2, bh)
                p.fillRect(rect, color)
                if k == 1 and v > 0:
                    p.setFont(value_font)
                    p.setPen(TEXT)
                    p.drawText(
                        QRectF(
                            gx + k * bar - bar,
                            base - bh - p.fontMetrics().height(),
                            bar * 3,
                            p.fontMetrics().height(),
                        ),
                        Qt.AlignmentFlag.AlignCenter,
                        str(v),
                    )
            p.setFont(self._font(12 * scale))
            p.setPen(TEXT)
            label = locale.monthName(m + 1, QLocale.FormatType.ShortFormat)
            p.drawText(
                QRectF(left + group * m, base + 4, group, fm.height()),
                Qt.AlignmentFlag.AlignHCenter,
                label,
            )
        p.end()
