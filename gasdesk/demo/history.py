"""Two years of meter readings, bills, payments and IC-card purchases, written month
by month so that ids follow time, as they would in a database used for two years.

The monthly loop over mechanical meters runs about two million times for the
largest demo, so it keeps its state in local variables and inlines the common case
(one tier, no meter change); the rare cases go through the helper methods.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from gasdesk.demo.bulk import BulkTable
from gasdesk.demo.calendar import MONTHS, Timeline, stamps
from gasdesk.demo.households import Household
from gasdesk.demo.payments import Counters
from gasdesk.demo.reference import Reference

LAST_BILL_UNPAID = 0.30
PAY_WITHIN_DAYS = 25

HARD_TO_READ_AGAIN = 0.5  # an estimated reading is often followed by another


class History:
    """Meter readings and bills month by month; payments go to the counters."""

    def __init__(
        self,
        rng: random.Random,
        ref: Reference,
        timeline: Timeline,
        tables: dict[str, BulkTable],
    ) -> None:
        self.rng = rng
        self.ref = ref
        self.tl = timeline
        self.readings = tables["reading"]
        self.bills = tables["bill"]
        self.counters = Counters(rng, ref, timeline, tables)
        self.reading_id = 0
        self.bill_id = 0
        self.evening = stamps(timeline, "18:30:00")  # readers' data arrive in the evening
        self.night = stamps(timeline, "02:00:00")  # bills are made overnight

    # -- readings and bills -------------------------------------------------------

    def _reading(
        self,
        h: Household,
        meter_id: int,
        offset: int,
        value: int,
        source: str,
        staff: int | None = None,
        stamp: str | None = None,
    ) -> int:
        self.reading_id += 1
        self.readings.rows.append(
            (
                self.reading_id,
                meter_id,
                h.account_id,
                self.tl.day_str[offset],
                value,
                source,
                staff,
                stamp or self.evening[offset],
            )
        )
        return self.reading_id

    def _price(self, h: Household, volume: int, start: int, end: int) -> tuple[int, str]:
        """(amount, lines JSON) of `volume` used between day offsets start and end
        (equal for a purchase), moving the household up its year's tiers."""
        tl = self.tl
        year = tl.year_of[start]
        used = h.year_used_l if h.year == year else 0  # nothing yet in a new year
        if tl.year_of[end] == year:
            amount, lines = h.price.charge(used, volume, tl.day_str[start], tl.day_str[end])
            h.year, h.year_used_l = year, used + volume
        else:
            amount, lines, h.year, h.year_used_l = h.price.charge_across_years(
                used, volume, tl.dates[start], tl.dates[end]
            )
        return amount, lines

    def _bill(self, h: Household, meter_id: int, to_reading: int, to_day: int, volume: int) -> None:
        """The bill from the household's last reading to `to_reading` (a zero bill
        when the meter did not move: every reading is billed)."""
        amount, lines = self._price(h, volume, h.last_read_day, to_day) if volume else (0, "[]")
        self.bill_id += 1
        self.bills.rows.append(
            (
                self.bill_id,
                h.account_id,
                meter_id,
                self.tl.day_str[h.last_read_day],
                self.tl.day_str[to_day],
                h.last_reading,
                to_reading,
                volume,
                amount,
                lines,
                self.night[to_day + 1],
            )
        )
        if amount:
            h.open_bills.append((self.bill_id, amount))

    def _meter_change(self, h: Household, day: int, use: int) -> int:
        """The fitter reads the old meter, removes it and installs the new one; then
        the month's regular reading on the new meter. Returns that reading's value."""
        change = h.change_day
        part = use * (change - h.last_read_day) // (day - h.last_read_day)
        h.true_l += part
        final = self._reading(h, h.meter_id, change, h.true_l, "reader")
        self._bill(h, h.meter_id, final, change, h.true_l - h.recorded_l)
        h.meter_id = h.new_meter_id
        h.true_l = h.recorded_l = h.new_initial
        h.last_reading = self._reading(h, h.meter_id, change, h.true_l, "reader")
        h.last_read_day = change
        h.true_l += use - part
        h.estimating = False
        return h.true_l

    def mechanical_month(self, households: list[Household], m: int) -> None:
        """Month m's reading and bill for every mechanical meter, and when each is paid."""
        tl = self.tl
        rand = self.rng.random
        start = tl.month_start[m]
        last_day = start + tl.month_days[m] - 1
        year, month = tl.months[m]
        season_index = month - 1  # the reading days of month m all fall in `year`
        day_str = tl.day_str
        year_of = tl.year_of
        evening = self.evening
        night = self.night
        add_reading = self.readings.rows.append
        add_bill = self.bills.rows.append
        last_month = m == MONTHS - 1
        forced = m == MONTHS - 2  # everything before the last bill is settled by now
        for h in households:
            expected = h.annual * h.season[season_index]
            use = 0 if m >= h.suspend_from else int(expected * (0.8 + 0.4 * rand()))
            day = start + h.route_day - 2 + int(rand() * 3)
            if day > last_day:
                day = last_day
            if m == h.change_month:
                value = self._meter_change(h, day, use)
                source = "reader"
            else:
                h.true_l += use
                if rand() < (HARD_TO_READ_AGAIN if h.estimating else h.estimate_p):
                    # No access: estimate the usual use, never beyond what the meter shows.
                    value = h.recorded_l + int(expected)
                    if value > h.true_l:
                        value = h.true_l
                    source = "estimated"
                    h.estimating = True
                else:
                    value = h.true_l
                    source = "reader"
                    h.estimating = False
            self.reading_id += 1
            reading = self.reading_id
            add_reading(
                (reading, h.meter_id, h.account_id, day_str[day], value, source, None, evening[day])
            )
            if m > 0:  # a bill per reading period; the first reading opens the history
                volume = value - h.recorded_l
                start_day = h.last_read_day
                if volume and year_of[start_day] == year:
                    # the common case inline: one year, one tier (see PriceList.charge)
                    price = h.price
                    used = h.year_used_l if h.year == year else 0
                    bound = price.first_bound
                    if bound is None or used + volume <= bound:
                        rate = price.first_price
                        amount = (volume * rate + 500) // 1000
                        lines = (
                            f'[{{"tier": 1, "volume_l": {volume}, "price_fen": {rate}, '
                            f'"amount_fen": {amount}, "start": "{day_str[start_day]}", '
                            f'"end": "{day_str[day]}"{price.tail}]'
                        )
                    else:
                        amount, lines = price.charge(used, volume, day_str[start_day], day_str[day])
                    h.year = year
                    h.year_used_l = used + volume
                elif volume:
                    amount, lines = self._price(h, volume, start_day, day)
                else:
                    amount, lines = 0, "[]"
                self.bill_id += 1
                add_bill(
                    (self.bill_id, h.account_id, h.meter_id, day_str[start_day], day_str[day],
                     h.last_reading, reading, volume, amount, lines, night[day + 1])
                )  # fmt: skip
                if amount:
                    h.open_bills.append((self.bill_id, amount))
            h.recorded_l = value
            h.last_reading = reading
            h.last_read_day = day
            if h.open_bills and m < h.arrears_from:
                if last_month:
                    pay = rand() >= LAST_BILL_UNPAID
                else:
                    pay = forced or m % h.habit == h.phase or m >= h.suspend_from - 1
                if pay:
                    self._pay_bills(h, day + 1 + int(rand() * PAY_WITHIN_DAYS))

    def _pay_bills(self, h: Household, offset: int) -> None:
        """The customer pays every open bill at the counter on the first business day
        from `offset` (unless that is not before today: then they are still owed)."""
        if offset >= self.tl.today_offset:
            return
        day = self.tl.next_business[offset]
        if day < 0:
            return
        bills, h.open_bills = h.open_bills, []
        amount = sum(a for _, a in bills)
        self.counters.schedule(h.account_id, h.office, day, "bill", amount, 0, bills, "[]")

    # -- IC-card meters -------------------------------------------------------------

    def ic_month(self, h: Household, m: int) -> None:
        """Buy gas at the counter when the card runs low; the meter's total comes back
        on the card (a counter reading). The yearly safety inspection reads it too."""
        rand = self.rng.random
        tl = self.tl
        start = tl.month_start[m]
        days = tl.month_days[m]
        month = tl.months[m][1]
        expected = int(h.annual * h.season[month - 1])
        use = 0 if m >= h.suspend_from else int(expected * (0.8 + 0.4 * rand()))
        buy = -1
        if m < h.suspend_from and h.balance_l < expected * 1.3:
            offset = start + int(rand() * days)
            day = tl.next_business[offset] if offset < tl.today_offset else -1
            if day >= 0 and tl.month_of[day] == m:
                buy = day
        inspection = h.inspection if start <= h.inspection < start + days else -1
        if inspection == buy:
            inspection = -1  # the card brought that day's total already

        def partial(day: int) -> int:  # the meter on `day`, the month's gas spread evenly
            return h.true_l + use * (day - start) // days

        if inspection >= 0 and (buy < 0 or inspection < buy):
            self._reading(h, h.meter_id, inspection, partial(inspection), "reader")
            inspection = -1
        if buy >= 0:
            who = self.counters.teller(h.office, buy)
            self._reading(h, h.meter_id, buy, partial(buy), "counter", who[0], who[2])
            amount, lines = self._price(h, h.purchase_l, buy, buy)
            self.counters.schedule(
                h.account_id, h.office, buy, "purchase", amount, h.purchase_l, [], lines, who
            )
            h.balance_l += h.purchase_l
        if inspection >= 0:  # on or after the purchase day
            self._reading(h, h.meter_id, inspection, partial(inspection), "reader")
        h.true_l += use
        h.balance_l = max(0, h.balance_l - use)

    def run(
        self,
        households: list[Household],
        flush: Callable[[], None],
        progress: Callable[[str], None] | None = None,
    ) -> None:
        mechanical = [h for h in households if not h.ic]
        ic = [h for h in households if h.ic]
        ic_month = self.ic_month
        for m in range(MONTHS + 1):
            if m < MONTHS:
                self.mechanical_month(mechanical, m)
            for h in ic:
                ic_month(h, m)
            self.counters.flush(m)
            flush()
            if progress:
                year, month = self.tl.months[m]
                progress(
                    f"{year}-{month:02d}: {self.reading_id} readings, "
                    f"{self.bill_id} bills, {self.counters.payment_id} payments"
                )
