"""UN Comtrade rows: the rules every row of a file is held to, and the rows kept.

Shared by the CSV and JSON readers (:mod:`bilat.io._comtrade_csv`,
:mod:`bilat.io._comtrade_json`): the columns read, the values a national
total has, the checks of a row's period and value, and :class:`_Collector`,
which keeps the national totals of the pairs read. The rules are stated in
:mod:`bilat.io._comtrade`.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Final, NoReturn, TypeAlias

from bilat._country import Country
from bilat._decimal import read_decimal
from bilat._errors import shown
from bilat._fields import invalid
from bilat._series import TradeMetric
from bilat.io._areas import AreaKind, _code_of, area

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping

#: Comtrade's flow codes and what they mean. X and M are the totals; the
#: others are parts of them (or, for DX and FM, the same trade seen under the
#: special trade system).
FLOW_CODES: Final[Mapping[str, str]] = {
    "X": "Export",
    "M": "Import",
    "RX": "Re-export",
    "RM": "Re-import",
    "DX": "Domestic Export",
    "FM": "Foreign Import",
    "XIP": "Export of goods after inward processing",
    "XOP": "Export of goods for outward processing",
    "MIP": "Import of goods for inward processing",
    "MOP": "Import of goods after outward processing",
}

#: The columns read.
_REQUIRED: Final = (
    "freqCode",
    "refYear",
    "period",
    "reporterCode",
    "partnerCode",
    "flowCode",
    "primaryValue",
)
#: The value each breakdown column has on a national total.
_TOTALS: Final = {
    "cmdCode": "TOTAL",
    "partner2Code": "0",
    "motCode": "0",
    "customsCode": "C00",
}
#: Cells whose text a national total's line must hold (see _Layout.tokens).
_TOKEN_COLUMNS: Final = ("cmdCode", "customsCode")

_FLOW_NAMES: Final = {"X": "exports", "M": "imports"}
_STANDARD_BASIS: Final = {"X": "FOB", "M": "CIF"}
_METRIC_FLOWS: Final = {
    TradeMetric.TURNOVER: ("X", "M"),
    TradeMetric.EXPORTS: ("X",),
    TradeMetric.IMPORTS: ("M",),
}

# A value as UN Comtrade's CSV and JSON exports write one (a JSON number, with
# leading zeros let through): stricter than bilat._decimal.FINITE_NUMBER on
# purpose. A machine-written file never has underscores, a leading "+", or
# "5." and ".5"; text like that in primaryValue means the column is not
# Comtrade's, and is refused. It is also the check run on every row of files
# of millions, so it stays this short.
_NUMBER: Final = re.compile(r"-?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?", re.ASCII)
_NUMBER_MATCH: Final = _NUMBER.fullmatch
_YEAR: Final = re.compile(r"[0-9]{4}", re.ASCII)
_MONTH: Final = re.compile(r"([0-9]{4})([0-9]{2})", re.ASCII)
_ALL_MONTHS: Final = frozenset(range(1, 13))
#: Characters (or bytes) read from a file at a time by the text streams.
_CHUNK: Final = 1 << 16
#: The longest record (CSV) or single value (JSON) read, in characters (UN
#: Comtrade's records are a few hundred): a longer one, such as a whole file
#: whose lines end with a lone carriage return, a quote that is never
#: closed or one huge string, is refused before it fills memory or time.
_MAX_RECORD: Final = 1 << 20

#: A national total kept: its value, the value's text, its basis (FOB or
#: CIF), the index of its file and its line (CSV) or record (JSON) number.
#: A plain tuple: one is built for every national total read.
Entry: TypeAlias = tuple[Decimal, str, str, int, int]
#: A year and flow of a pair: its annual entry, or its entries by month.
Slot: TypeAlias = Entry | dict[int, Entry]
_VALUE: Final = 0
_TEXT: Final = 1
_BASIS: Final = 2
_SOURCE: Final = 3
_NUMBER_AT: Final = 4


def _months(slot: Slot) -> dict[int, Entry]:
    """A slot's entries by month (0 for an annual entry)."""
    return slot if isinstance(slot, dict) else {0: slot}


# -- places ----------------------------------------------------------------------


class _Files:
    """The files of one reading, for the places of error messages."""

    def __init__(self, files: list[str]) -> None:
        self.paths = files
        self.names = [Path(file).name for file in files]
        self.json = [file.lower().endswith(".json") for file in files]

    def at(self, source: int, number: int, column: str | None = None) -> str:
        """``line 7, column primaryValue`` or ``data[5].primaryValue``."""
        if self.json[source]:
            return f"data[{number}]" + ("" if column is None else f".{column}")
        return f"line {number}" + ("" if column is None else f", column {column}")

    def where(self, entry: Entry, current: int | None) -> str:
        """An entry's place, with its file's name when that is not ``current``."""
        place = self.at(entry[_SOURCE], entry[_NUMBER_AT])
        if len(self.paths) > 1 and entry[_SOURCE] != current:
            place += f" of {self.names[entry[_SOURCE]]}"
        return place

    def titled(self, sources: Iterable[int]) -> str:
        """The names of some of the files, in the order they were read."""
        return ", ".join(self.names[i] for i in sorted(set(sources)))


def _fail(place: str, message: str) -> NoReturn:
    raise invalid(place, message)


# -- one row ---------------------------------------------------------------------


def _period(
    place: Callable[[str], str], freq: str, year_text: str, period: str
) -> tuple[int, int]:
    """The year and month of a row: month 0 for an annual row, 1–12 for a monthly one."""
    if not _YEAR.fullmatch(year_text) or year_text == "0000":
        _fail(
            place("refYear"),
            f"expected a year such as '2023', got {shown(year_text)}",
        )
    year = int(year_text)
    if freq == "A":
        if period != year_text:
            _fail(
                place("period"),
                f"expected the year {shown(year_text)} of refYear, got {shown(period)}",
            )
        return year, 0
    if freq != "M":
        _fail(
            place("freqCode"),
            f"unknown frequency {shown(freq)}: expected 'A' or 'M'",
        )
    found = _MONTH.fullmatch(period)
    if found is None or found[1] != year_text:
        _fail(
            place("period"),
            f"expected a month 'YYYYMM' of {year_text}, got {shown(period)}",
        )
    month = int(found[2])
    if not 1 <= month <= 12:
        _fail(
            place("period"),
            f"expected a month 01 to 12, got {shown(period)}",
        )
    return year, month


def _not_a_number(place: str, text: str) -> NoReturn:
    _fail(place, f"expected a number such as '1234567.89', got {shown(text)}")


# -- pairs -----------------------------------------------------------------------


class _Pair:
    """The national totals kept for one (reporter, partner) pair."""

    __slots__ = ("entries", "key")

    def __init__(self, key: tuple[Country, Country]) -> None:
        self.key = key
        #: (year, flow) -> the annual entry, or month -> entry (months 1–12).
        self.entries: dict[tuple[int, str], Slot] = {}


class _Skip:
    """Rows of a code pair that is no pair read, counted by why."""

    __slots__ = ("reason", "rows", "texts")

    #: Reasons: an aggregate area, a code not listed, the same country
    #: twice, or (pairs asked for) a pair not asked for.
    AGGREGATE, UNKNOWN, SAME, OTHER = range(4)

    def __init__(self, reason: int, texts: tuple[str, ...]) -> None:
        self.reason = reason
        self.texts = texts  # the unknown code texts, for UNKNOWN
        self.rows = 0


class _Collector:
    """The national totals of the pairs read, from every file of a reading.

    Rows come in as cell texts; each distinct code text and code pair is
    looked up once, and what is no pair read is counted and dropped.
    """

    def __init__(
        self,
        files: _Files,
        flows: tuple[str, ...],
        wanted: Iterable[tuple[Country, Country]] | None,
    ) -> None:
        self.files = files
        self.flows = flows
        self.every = wanted is None
        self.pairs: dict[tuple[Country, Country], _Pair] = {
            key: _Pair(key) for key in wanted or ()
        }
        #: (reporter text, partner text) -> its pair, or why it is none.
        self.by_text: dict[tuple[str, str], _Pair | _Skip] = {}
        #: code text -> its country, None for an aggregate, "" when unknown.
        self.codes: dict[str, Country | str | None] = {}
        #: (freq, refYear, period) -> (year, month), checked.
        self.periods: dict[tuple[str, str, str], tuple[int, int]] = {}
        self.source = 0

    def country(self, text: str) -> Country | str | None:
        """A code text's country (cached): None for an aggregate, "" when unknown."""
        try:
            return self.codes[text]
        except KeyError:
            pass
        number = _code_of(text)
        found: Country | str | None = ""
        if number is not None:
            known = area(number)
            if known is not None:
                found = known.country if known.kind is AreaKind.COUNTRY else None
        self.codes[text] = found
        return found

    def _resolve(self, texts: tuple[str, str]) -> _Pair | _Skip:
        reporter, partner = self.country(texts[0]), self.country(texts[1])
        found: _Pair | _Skip
        if reporter == "" or partner == "":
            unknown = tuple(
                t for t, c in zip(texts, (reporter, partner), strict=True) if c == ""
            )
            found = _Skip(_Skip.UNKNOWN, unknown)
        elif not isinstance(reporter, Country) or not isinstance(partner, Country):
            found = _Skip(_Skip.AGGREGATE, ())
        elif reporter == partner:
            found = _Skip(_Skip.SAME, ())
        else:
            key = (reporter, partner)
            pair = self.pairs.get(key)
            if pair is None and self.every:
                pair = self.pairs[key] = _Pair(key)
            found = _Skip(_Skip.OTHER, ()) if pair is None else pair
        self.by_text[texts] = found
        return found

    def take(  # noqa: PLR0917 - once per national total: positional is faster
        self,
        number: int,
        freq: str,
        year_text: str,
        period: str,
        reporter: str,
        partner: str,
        flow: str,
        text: str,
        cif: str | None,
        fob: str | None,
    ) -> None:
        """Keep one national-total row, if it is of a pair and a flow read."""
        if flow not in self.flows:
            if flow not in FLOW_CODES:
                self._unknown_flow(number, reporter, partner, flow)
            return
        texts = (reporter, partner)
        pair = self.by_text.get(texts)
        if pair is None:
            pair = self._resolve(texts)
        if pair.__class__ is _Skip:
            pair.rows += 1
            return
        when = self.periods.get((freq, year_text, period))
        if when is None:
            when = self._period(number, freq, year_text, period)
        year, month = when
        if _NUMBER_MATCH(text) is None:
            _not_a_number(self.files.at(self.source, number, "primaryValue"), text)
        try:
            value = read_decimal(text)  # whatever the caller's context
        except ArithmeticError:  # an exponent beyond what Decimal can hold
            _fail(
                self.files.at(self.source, number, "primaryValue"),
                f"expected a number of US dollars, got {shown(text)}",
            )
        if flow == "X":
            basis = "CIF" if not fob and cif else "FOB"
        else:
            basis = "FOB" if not cif and fob else "CIF"
        entry = (value, text, basis, self.source, number)
        entries: dict[tuple[int, str], Slot] = pair.entries  # type: ignore[union-attr]
        slot = entries.get((year, flow))
        if slot is None:  # the first row of the year and flow
            entries[year, flow] = entry if month == 0 else {month: entry}
            return
        known: Entry | None
        if isinstance(slot, dict):  # months
            if month == 0:
                self._mixed(entry, year, flow, slot)
            known = slot.get(month)
            if known is None:
                slot[month] = entry
                return
        else:  # an annual row came first
            if month != 0:
                self._mixed(entry, year, flow, slot)
            known = slot
        if known[_VALUE] != value:
            self._conflict(entry, known, year, flow, month)

    def _unknown_flow(
        self, number: int, reporter: str, partner: str, flow: str
    ) -> None:
        """Refuse a flow code outside Comtrade's list, in a pair read."""
        texts = (reporter, partner)
        pair = self.by_text.get(texts) or self._resolve(texts)
        if isinstance(pair, _Pair):
            _fail(
                self.files.at(self.source, number, "flowCode"),
                f"unknown flow code {shown(flow)}: expected one of UN Comtrade's "
                + ", ".join(map(repr, FLOW_CODES)),
            )

    def _period(
        self, number: int, freq: str, year_text: str, period: str
    ) -> tuple[int, int]:
        source, files = self.source, self.files
        when = _period(
            lambda column: files.at(source, number, column), freq, year_text, period
        )
        self.periods[freq, year_text, period] = when
        return when

    def _mixed(self, entry: Entry, year: int, flow: str, slot: Slot) -> NoReturn:
        """Refuse annual and monthly rows for one pair, year and flow."""
        first_month, first = next(iter(_months(slot).items()))
        freq, first_freq = ("M", "A") if first_month == 0 else ("A", "M")
        _fail(
            self.files.at(self.source, entry[_NUMBER_AT], "freqCode"),
            f"{year} {_FLOW_NAMES[flow]} ({flow}) have annual and monthly rows "
            f"(this one is {shown(freq)}, {self.files.where(first, self.source)} "
            f"is {shown(first_freq)}): read annual and monthly data separately",
        )

    def _conflict(
        self, entry: Entry, known: Entry, year: int, flow: str, month: int
    ) -> NoReturn:
        """Refuse a second national total with another value."""
        moment = f"{year}" if month == 0 else f"{year}-{month:02d}"
        _fail(
            self.files.at(self.source, entry[_NUMBER_AT], "primaryValue"),
            f"a second national-total row for {moment} {_FLOW_NAMES[flow]} ({flow}) "
            f"with {shown(entry[_TEXT])}, but {self.files.where(known, self.source)} "
            f"has {shown(known[_TEXT])}: the "
            + ("file holds" if len(self.files.paths) == 1 else "files hold")
            + " conflicting duplicates",
        )

    def skipped(self, reason: int) -> int:
        """How many national-total rows were skipped for ``reason``."""
        return sum(
            s.rows
            for s in self.by_text.values()
            if isinstance(s, _Skip) and s.reason == reason
        )

    def unknown_codes(self) -> dict[str, int]:
        """Each code text not listed by Comtrade, with its national-total rows."""
        found: dict[str, int] = {}
        for skip in self.by_text.values():
            if isinstance(skip, _Skip) and skip.reason == _Skip.UNKNOWN and skip.rows:
                for text in dict.fromkeys(skip.texts):
                    found[text] = found.get(text, 0) + skip.rows
        return found
