"""The Python side of :func:`bilat.io.series_from_frame`: groups to series.

The engine returns one row per national-total group (see
:mod:`bilat.io._frame`); here each group's codes, dates and value are
checked, duplicates compared as Decimals, months and flows added up to
years exactly, and the series, notes and warnings built, with the file
reader's rules (:mod:`bilat.io._comtrade`).

A frame may hold a million rows and thousands of pairs, so the per-group
work is kept small: each group's value is read once, the values are kept by
an int key (no tuple per group for the garbage collector to visit), pairs
with the same source note share one :class:`~bilat.Source`, and each series
is built by :meth:`TradeSeries._trusted <bilat.TradeSeries._trusted>` from
fields checked here (every year, amount and code is still checked as read).
"""

from __future__ import annotations

import decimal
import warnings
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Final, NamedTuple

import attrs

from bilat._country import Country, _code_to_alpha2
from bilat._currency import Currency
from bilat._decimal import EMAX, EXACT, MAX_DIGITS, integer_of, to_decimal
from bilat._errors import (
    BilatError,
    IncompleteDataWarning,
    ValidationError,
    count_of,
    shown,
)
from bilat._fields import plain_str
from bilat._money import make_money
from bilat._series import TradeMetric
from bilat._source import Source
from bilat._trade_series import TradeSeries
from bilat.io._areas import AreaKind, area, codes_for

# The rules shared with the file reader: one place says what a national
# total, a flow, a year, a month and a number are.
from bilat.io._comtrade_rows import (
    _ALL_MONTHS,
    _FLOW_NAMES,
    _MONTH,
    _NUMBER,
    _YEAR,
    FLOW_CODES,
)
from bilat.io._comtrade_years import _gaps

__all__ = [
    "FLOW_ORDER",
    "FREQ",
    "PERIOD",
    "Columns",
    "Group",
    "Pair",
    "Reader",
    "build",
    "cell_text",
]

#: UN Comtrade's flow codes, X and M first.
FLOW_ORDER: Final = tuple(FLOW_CODES)
FREQ: Final = "freqCode"
PERIOD: Final = "period"
#: Pairs named at most in the one warning about years left out.
_WARN_PAIRS: Final = 10
#: Why a group is skipped.
_AGGREGATE, _UNKNOWN, _SAME, _OTHER = "aggregate", "unknown", "same", "other"
#: Types whose values are safe and quick to hash as cache keys.
_PLAIN: Final = (int, str, type(None))
#: A Decimal within bilat's range as it is, else a DecimalException.
_in_range = EXACT.create_decimal

Pair = tuple[Country, Country]


class Columns(NamedTuple):
    """The frame's columns named by the keyword arguments."""

    reporter: str
    partner: str
    year: str
    flow: str
    value: str


class Group(NamedTuple):
    """One group's keys (as found) and aggregates, as the engine returned them."""

    cells: tuple[object, ...]
    reporter: object
    partner: object
    year: object
    flow: object
    freq: object
    period: object
    #: Rows, values that are not null, and distinct values (null counts
    #: as one): ints of the engine's kind.
    rows: Any
    counted: Any
    distinct: Any
    low: object
    high: object


#: Each flow's number in the keys of :attr:`Reader.values` (at most 15).
_FLOW_NUMBER: Final = {flow: i for i, flow in enumerate(FLOW_ORDER)}
assert len(_FLOW_NUMBER) <= 16, "a flow's number must fit in 4 bits"


def _key(year: int, month: int, flow: int) -> int:
    """A group's place among its pair's values: year, month (0: all year), flow.

    An int rather than a tuple: the cyclic garbage collector does not track
    ints, and with a tuple per group its passes over the many groups of a
    large frame took a third of the whole read.
    """
    return (year << 8) | (month << 4) | flow


# -- the groups ---------------------------------------------------------------


def cell_text(cell: object) -> str | None:
    """A key cell as the text a CSV file would hold, or None if it is no code."""
    text = plain_str(cell)
    if text is not None:
        return text
    if isinstance(cell, float):
        return str(int(cell)) if cell.is_integer() else None
    number = integer_of(cell)
    return None if number is None else str(number)


class Reader:
    """Checks the groups and builds each pair's entries."""

    def __init__(
        self,
        columns: Columns,
        flows: tuple[str, ...],
        pairs: tuple[Pair, ...] | None,
    ) -> None:
        self.columns = columns
        self.flows = flows
        self.wanted = None if pairs is None else frozenset(pairs)
        #: Code text -> country (None: an aggregate; "": no code).
        self.countries: dict[str, Country | str | None] = {}
        #: Caches keyed by cells of exact int, str or None type (safe to hash):
        #: (reporter, partner) -> pair index or why skipped; (year, freq,
        #: period) -> (year, month, freq).
        self.pair_ids: dict[tuple[object, object], int | str] = {}
        self.dates: dict[tuple[object, object, object], tuple[int, int, str]] = {}
        #: Rows skipped, by why; rows of each code that is none.
        self.skipped: dict[str, int] = {}
        self.unknown: dict[str, int] = {}
        #: The pairs found (with their index); each one's values, and the
        #: cells they were read from (for messages), by :func:`_key`; the
        #: frequency of each pair's year and flow, by the int of the pair
        #: index, the year (14 bits) and the flow (4 bits).
        self.index: dict[Pair, int] = {}
        self.found: list[Pair] = []
        self.values: list[dict[int, Decimal]] = []
        self.cells: list[dict[int, object]] = []
        self.frequency: dict[int, str] = {}

    def fail(self, column: str, keyword: str | None, message: str) -> ValidationError:
        where = column if keyword is None else f"{column} ({keyword}=)"
        return ValidationError([(where, message)])

    def country(self, cell: object) -> Country | str | None:
        """A code's country: None for an aggregate, ``""`` for no known code."""
        text = cell_text(cell)
        if text is None:
            return ""
        known = self.countries.get(text)
        if known is not None or text in self.countries:
            return known
        found: Country | str | None = ""
        if text.isascii() and text.isdigit():
            number = int(text)
            if text in {str(number), f"{number:03d}"}:  # as Comtrade writes it
                place = area(number)
                if place is not None:
                    found = place.country if place.kind is AreaKind.COUNTRY else None
        else:
            try:  # codes only: a name is no code, and the name index is not needed
                country = Country(_code_to_alpha2(text))
            except BilatError:
                pass
            else:
                if text in {country.alpha2, country.alpha3}:
                    found = country
        self.countries[text] = found
        return found

    def describe(self, group: Group) -> str:
        c = self.columns
        return (
            f"the rows with {c.reporter} {shown(group.reporter)}, {c.partner} "
            f"{shown(group.partner)}, {c.year} {shown(group.year)}, {c.flow} "
            f"{shown(group.flow)}"
            + ("" if group.freq is None else f", period {shown(group.period)}")
        )

    def year_and_month(self, group: Group, has_freq: bool) -> tuple[int, int, str]:
        c = self.columns
        year_text = cell_text(group.year)
        if year_text is None or not _YEAR.fullmatch(year_text) or year_text == "0000":
            raise self.fail(
                c.year, "year", f"expected a year such as 2023, got {shown(group.year)}"
            )
        year = int(year_text)
        if not has_freq:
            return year, 0, "A"
        freq = plain_str(group.freq)
        period = cell_text(group.period)
        if freq == "A":
            if period != year_text:
                raise self.fail(
                    PERIOD,
                    None,
                    f"expected the year {year_text} of {c.year}, got "
                    f"{shown(group.period)} ({self.describe(group)})",
                )
            return year, 0, freq
        if freq != "M":
            raise self.fail(
                FREQ,
                None,
                f"unknown frequency {shown(group.freq)}: expected 'A' or 'M'",
            )
        found = None if period is None else _MONTH.fullmatch(period)
        if found is None or found[1] != year_text or not 1 <= int(found[2]) <= 12:
            raise self.fail(
                PERIOD,
                None,
                f"expected a month 'YYYYMM' of {year_text}, got {shown(group.period)}",
            )
        return year, int(found[2]), freq

    def value(self, cell: object, group: Group) -> Decimal:
        if type(cell) is float:  # what a CSV reader infers: to_decimal's own steps
            number = Decimal(repr(cell))
            if number.is_finite():
                try:
                    return _in_range(number)
                except decimal.DecimalException:
                    pass  # out of range: to_decimal names the problem
        c = self.columns
        text = plain_str(cell)
        if text is not None and not _NUMBER.fullmatch(text):
            raise self.fail(
                c.value,
                "value",
                f"expected a number such as '1234567.89', got {shown(cell)} "
                f"({self.describe(group)})",
            )
        try:
            return to_decimal(cell, what="value")
        except BilatError as e:
            raise self.fail(c.value, "value", f"{e} ({self.describe(group)})") from None

    def pair_id(self, group: Group, found: int | str | None) -> int | None:
        """The index of the group's pair in :attr:`found`; None to skip it.

        ``found`` is what :attr:`pair_ids` holds for the group's cells, as
        :meth:`read` looked it up (None when nothing, or when the cells are
        not plain values that can key it). Groups of an aggregate, of a code
        that is none (counted by code), of one country on itself, or of a
        pair not asked for are skipped, and their rows counted.
        """
        cells = (group.reporter, group.partner)
        if found is None:
            found = self.resolve(cells)
            if type(cells[0]) in _PLAIN and type(cells[1]) in _PLAIN:
                self.pair_ids[cells] = found
        if isinstance(found, int):
            return found
        self.skipped[found] = self.skipped.get(found, 0) + group.rows
        if found == _UNKNOWN:
            for cell in cells:
                if self.country(cell) == "":
                    key = shown(cell)
                    self.unknown[key] = self.unknown.get(key, 0) + group.rows
        return None

    def resolve(self, cells: tuple[object, object]) -> int | str:
        reporter, partner = self.country(cells[0]), self.country(cells[1])
        if reporter == "" or partner == "":
            return _UNKNOWN
        if not isinstance(reporter, Country) or not isinstance(partner, Country):
            return _AGGREGATE
        if reporter == partner:
            return _SAME
        pair = (reporter, partner)
        if self.wanted is not None and pair not in self.wanted:
            return _OTHER
        # one pair may have two codes (840 and 842 for the US)
        found = self.index.setdefault(pair, len(self.found))
        if found == len(self.found):
            self.found.append(pair)
            self.values.append({})
            self.cells.append({})
        return found

    def date(self, group: Group, has_freq: bool) -> tuple[int, int, str]:
        """Year, month (0 for a year) and frequency of cells not in :attr:`dates`.

        :meth:`read` looks the cache up; this checks the cells and keeps the
        answer when they are plain values that can key it.
        """
        cells = (group.year, group.freq, group.period)
        known = self.year_and_month(group, has_freq)
        if (
            type(cells[0]) in _PLAIN
            and type(cells[1]) in _PLAIN
            and type(cells[2]) in _PLAIN
        ):
            self.dates[cells] = known
        return known

    def read(
        self,
        group: Group,
        has_freq: bool,
        values: list[object] | None,
    ) -> None:
        # Once per group: the caches of pair_id() and date() are looked up
        # here, those methods being the misses, and the usual value (one
        # float) read without a list.
        cells = (group.reporter, group.partner)
        pair_id = (
            self.pair_ids.get(cells)
            if type(cells[0]) in _PLAIN and type(cells[1]) in _PLAIN
            else None
        )
        if type(pair_id) is not int:
            pair_id = self.pair_id(group, pair_id)
            if pair_id is None:
                return
        flow = group.flow
        if type(flow) is not str or flow not in FLOW_ORDER:
            flow = plain_str(flow)
            if flow not in FLOW_ORDER:
                raise self.fail(
                    self.columns.flow,
                    "flow",
                    f"unknown flow code {shown(group.flow)} ({self.describe(group)}): "
                    "expected one of UN Comtrade's " + ", ".join(map(repr, FLOW_ORDER)),
                )
        if group.counted < group.rows:
            raise self.fail(
                self.columns.value,
                "value",
                f"a value is missing ({self.describe(group)})",
            )
        when = (group.year, group.freq, group.period)
        date = (
            self.dates.get(when)
            if type(when[0]) in _PLAIN
            and type(when[1]) in _PLAIN
            and type(when[2]) in _PLAIN
            else None
        )
        year, month, freq = self.date(group, has_freq) if date is None else date
        if values is None:
            first = group.low
            value = self.value(first, group)
            if group.distinct != 1:
                cell = group.high
                if self.value(cell, group) != value:
                    raise self.conflict(year, month, flow, pair_id, first, cell)
        else:
            first = values[0]
            value = self.value(first, group)
            for cell in values[1:]:
                if self.value(cell, group) != value:
                    raise self.conflict(year, month, flow, pair_id, first, cell)
        number = _FLOW_NUMBER[flow]
        if has_freq:
            known_freq = self.frequency.setdefault(
                (pair_id << 18) | (year << 4) | number, freq
            )
            if known_freq != freq:
                reporter, partner = self.found[pair_id]
                raise self.fail(
                    FREQ,
                    None,
                    f"{year} {_FLOW_NAMES[flow]} ({flow}) of {reporter.name()} "
                    f"reporting on {partner.name()} have annual and monthly rows: "
                    "keep one frequency per year (filter the frame on freqCode)",
                )
        key = _key(year, month, number)
        of_pair = self.values[pair_id]
        known = of_pair.get(key)
        if known is None:
            of_pair[key] = value
            self.cells[pair_id][key] = first
        elif known != value:
            raise self.conflict(
                year, month, flow, pair_id, self.cells[pair_id][key], first
            )

    def conflict(  # noqa: PLR0917 - the group's parts, all needed in the message
        self,
        year: int,
        month: int,
        flow: str,
        pair_id: int,
        cell: object,
        other: object,
    ) -> ValidationError:
        when = f"{year}" if month == 0 else f"{year}-{month:02d}"
        reporter, partner = self.found[pair_id]
        return self.fail(
            self.columns.value,
            None,
            f"national-total rows of {reporter.name()} ({reporter.alpha2}) reporting "
            f"on {partner.name()} ({partner.alpha2}) for {when} {_FLOW_NAMES[flow]} "
            f"({flow}) have different values, {shown(cell)} and {shown(other)}: "
            "the frame holds conflicting duplicates",
        )


# -- years -------------------------------------------------------------------------


class _Years(NamedTuple):
    values: dict[int, Decimal]
    left_out: list[str]
    from_months: list[int]


def _years(
    pair: Pair,
    values: Mapping[int, Decimal],
    cells: Mapping[int, object],
    flows: tuple[str, ...],
    column: str,
) -> _Years:
    built = _Years({}, [], [])
    numbers = [(flow, _FLOW_NUMBER[flow]) for flow in flows]
    for year in sorted({key >> 8 for key in values}):
        found: list[int] = []
        problems: dict[str, frozenset[int] | None] = {}
        monthly = False
        for flow, number in numbers:
            annual = _key(year, 0, number)
            if annual in values:
                found.append(annual)
                continue
            months = {
                m: key for m in _ALL_MONTHS if (key := _key(year, m, number)) in values
            }
            if months.keys() == _ALL_MONTHS:
                found.extend(months.values())
                monthly = True
            else:
                problems[flow] = frozenset(months) or None
        if problems:
            built.left_out.append(f"{year}: {_gaps(problems)}; left out")
            continue
        total = Decimal(0)
        try:
            for key in found:
                total = EXACT.add(total, values[key])
        except decimal.DecimalException:
            listed = ", ".join(shown(cells[key]) for key in found)
            raise ValidationError(
                [
                    (
                        column,
                        (
                            f"the values of {year} of {pair[0].name()} reporting on "
                            f"{pair[1].name()} do not add up to an exact sum of at most "
                            f"{MAX_DIGITS} significant digits below 1E+{EMAX + 1}: {listed}"
                        ),
                    )
                ]
            ) from None
        built.values[year] = total
        if monthly:
            built.from_months.append(year)
    return built


def _missing(
    pair: Pair, flows: tuple[str, ...], columns: Columns, left_out: list[str]
) -> ValidationError:
    reporter, partner = pair
    wanted = " and ".join(flows)
    codes = " or ".join(map(str, sorted(codes_for(reporter))))
    if left_out:
        message = (
            f"no year with complete {wanted} data of {reporter.name()} reporting on "
            f"{partner.name()}: " + ". ".join(left_out)
        )
    else:
        message = (
            f"no national-total {wanted} rows of {reporter.name()} ({reporter.alpha2}, "
            f"Comtrade {codes}) reporting on {partner.name()} ({partner.alpha2}) in "
            f"{columns.reporter} and {columns.partner}"
        )
    return ValidationError([("pairs", message)])


def build(
    reader: Reader,
    *,
    wanted: tuple[Pair, ...] | None,
    flows: tuple[str, ...],
    columns: Columns,
    metric: TradeMetric,
    currency: Currency,
    given: Source | str | None,
    lf: Any,
) -> dict[Pair, TradeSeries]:
    """The series of each pair with a complete year, and the warnings."""
    index = reader.index
    if wanted is not None:
        missing = [_missing(p, flows, columns, []) for p in wanted if p not in index]
        if missing:
            raise ValidationError([p for e in missing for p in e.problems])
        order = list(wanted)
    else:
        order = sorted(reader.found, key=lambda p: (p[0].alpha2, p[1].alpha2))
    found: dict[Pair, TradeSeries] = {}
    short: list[str] = []
    empty: list[str] = []
    sources: dict[str, Source] = {}
    basis = " + ".join(f"{_FLOW_NAMES[f]} ({f})" for f in flows)
    for pair in order:
        at = index[pair]
        built = _years(pair, reader.values[at], reader.cells[at], flows, columns.value)
        reporter, partner = pair
        if not built.values:
            if wanted is not None:
                raise _missing(pair, flows, columns, built.left_out)
            empty.append(
                f"{reporter.name()}–{partner.name()} ({'. '.join(built.left_out)})"
            )
            continue
        if built.left_out:
            short.append(
                f"{reporter.name()}'s {metric.value} with {partner.name()}: "
                + ". ".join(built.left_out)
            )
        sentences = [f"{basis}, as reported by {reporter.name()}"]
        if built.from_months:
            years = ", ".join(map(str, built.from_months))
            sentences.append(f"Summed from twelve monthly figures: {years}")
        sentences.extend(built.left_out)
        note = ". ".join(sentences) + "."
        source = sources.get(note)
        if source is None:
            source = sources[note] = _series_source(given, note, lf)
        # Every field is checked: two distinct countries, years from _YEAR in
        # order, each total an exact sum in bilat's range (EXACT raises
        # otherwise), one currency, the reporter a party.
        found[pair] = TradeSeries._trusted(
            pair,
            metric,
            {y: make_money(v, currency) for y, v in built.values.items()},
            reporter,
            (source,),
        )
    if not found:
        raise _nothing_at_all(reader, flows, empty)
    _warn(short, empty, reader.unknown if wanted is None else {}, metric)
    return found


def _listed(items: list[str]) -> str:
    """The first few items, and how many more."""
    more = len(items) - _WARN_PAIRS
    return "; ".join(items[:_WARN_PAIRS]) + (f"; and {more} more" if more > 0 else "")


def _nothing_at_all(
    reader: Reader, flows: tuple[str, ...], empty: list[str]
) -> ValidationError:
    """Why the frame gave no series at all."""
    message = (
        f"no national-total {' and '.join(flows)} rows of a pair of countries in "
        "the frame"
    )
    counts = [
        (reader.skipped.get(_AGGREGATE), "with an aggregate area such as 0 World"),
        (reader.skipped.get(_UNKNOWN), "with a code that is no country's"),
        (reader.skipped.get(_SAME), "with the same country as reporter and partner"),
    ]
    for count, what in counts:
        if count:
            message += f", {count_of(count, 'national-total row')} {what}"
    if empty:
        message = (
            f"no pair of countries with a complete year in the frame: {_listed(empty)}"
        )
    return ValidationError(message)


def _warn(
    short: list[str], empty: list[str], unknown: Mapping[str, int], metric: TradeMetric
) -> None:
    """One warning for the years and pairs left out, one for unknown codes."""
    if len(short) == 1 and not empty:
        warnings.warn(IncompleteDataWarning(short[0]), stacklevel=4)
    elif short or empty:
        parts = []
        if short:
            parts.append(
                f"years left out of {count_of(len(short), 'series', 'series')}, "
                "where months or a flow are "
                f"missing (each series' source note names its own): {_listed(short)}"
            )
        if empty:
            are = "is" if len(empty) == 1 else "are"
            parts.append(
                f"{count_of(len(empty), 'pair')} with no complete year of "
                f"{metric.value} {are} not in the result: {_listed(empty)}"
            )
        warnings.warn(IncompleteDataWarning(". ".join(parts)), stacklevel=4)
    if unknown:
        listed = _listed(
            [f"{code} ({count_of(rows, 'row')})" for code, rows in unknown.items()]
        )
        warnings.warn(
            IncompleteDataWarning(
                "national-total rows with codes that are neither UN Comtrade area "
                f"codes nor ISO 3166 codes were skipped: {listed}"
            ),
            stacklevel=4,
        )


def _series_source(given: Source | str | None, note: str, lf: Any) -> Source:
    if isinstance(given, Source):
        joined = note if given.note is None else f"{given.note} {note}"
        return attrs.evolve(given, note=joined)
    title = given if given is not None else f"A {lf.implementation} data frame"
    return Source(title, note=note)
