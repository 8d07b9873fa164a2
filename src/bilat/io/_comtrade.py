"""UN Comtrade files: yearly trade between countries, as each reporter gives it.

UN Comtrade (https://comtradeplus.un.org/) gives its data in two forms, and
both are read here, chosen by the file's suffix:

* ``.csv`` — the CSV export of the Comtrade website, a header of Comtrade's
  own column names (``typeCode, freqCode, refPeriodId, refYear, …,
  primaryValue, …``) and one line per record. The website writes a UTF-8
  byte-order mark first; it is skipped.
* ``.json`` — the response of the Comtrade API v1 (``/data/v1/get/…`` or the
  public ``/public/v1/preview/…``), an object ``{"count": …, "data": [{…},
  …]}`` that may also hold ``"elapsedTime"`` and ``"error"``; a bare list of
  records is read too. Numbers are parsed straight into exact Decimals.

:func:`read_comtrade` reads every pair of countries of one or many files in
one pass; :meth:`TradeSeries.from_comtrade <bilat.TradeSeries.from_comtrade>`
is its one-pair case, with the same rules.

What is kept
------------
Only **national totals**: a row counts when its ``cmdCode`` is ``TOTAL``,
``partner2Code`` is ``0``, ``motCode`` is ``0`` and ``customsCode`` is
``C00`` — each test applies when the file has that column. Comtrade returns,
for one reporter, partner and period, the total and its breakdowns by
commodity, second partner, mode of transport and customs procedure; adding
them all up would count the same trade several times. Breakdown rows are
told apart by these four cells alone and skipped unread.

A national total is **one pair's** row: reporter and partner are both
countries. Comtrade numbers its reporter and partner areas by UN M49 codes,
which are mostly the ISO 3166 numeric codes; :mod:`bilat.io._areas` holds
Comtrade's own list, so both codes are accepted where they differ (France
251, India 699, Norway 579, Switzerland 757, the United States 842 …).
Rows of an aggregate area (0 World, 97 EU, 899 Areas nes …) are never a
pair and are skipped; a code Comtrade does not list makes its rows skipped
and named in one :class:`~bilat.IncompleteDataWarning` when every pair is
read. Each distinct code text is looked up once.

Only **flows X (exports) and M (imports)** are used. In Comtrade these are
the totals: exports include re-exports (RX) and imports include re-imports
(RM), so RX and RM are never added on top. The other flow codes of
Comtrade's list (RX, RM, DX, FM, XIP, XOP, MIP, MOP) are skipped; any other
code in a national total of a pair read is an error.

Values and years
----------------
``primaryValue`` is the value in US dollars: exports FOB, imports CIF
(unless the reporter gives only the other one, which the ``cifvalue`` and
``fobvalue`` columns show; the series' note says so). It is read from the
text as an exact Decimal, so no float ever holds it.

Annual rows (``freqCode`` ``A``, ``period`` ``2023``) give one year each.
Monthly rows (``freqCode`` ``M``, ``period`` ``202301``) are added up to a
year only when all twelve months are there; a year with fewer months is
left out. Turnover is exports plus imports, so a year needs both; with the
``EXPORTS`` or ``IMPORTS`` metric only that flow is read. Every year left out
is named in the series' source note (``"2024: months 1–9 only; left
out"``), and one :class:`~bilat.IncompleteDataWarning` per call sums them
up. Rows of one pair may come from several files: they are put together as
if they were one file.

Errors
------
In the national totals of the pairs read, the flow code, frequency, year,
period and value are checked. A missing column, a line with another number
of fields than the header, an unknown flow or frequency code, a value that
is not a number, a year or period that is not one, annual and monthly rows
for the same pair, year and flow, or two national-total rows for the same
pair, year, month and flow with different values (in one file or in two), is
a :class:`~bilat.ValidationError` naming the file and the place: ``line 7,
column primaryValue`` in a CSV file, ``data[5].primaryValue`` in JSON. Two
rows with equal values count once. A pair asked for with no national-total
row of the flows needed is an error too, which says what the files hold
instead (counted in a second pass, which only an error pays for). A year's
value is the exact sum of its rows: values that do not add up exactly within
bilat's range (at most 100 significant digits, magnitudes from 1E-100 to
below 1E+100) are an error that quotes them. A byte that is not UTF-8 is
named with its line and its offset in the file.

Memory and speed
----------------
Files are streamed: a CSV file goes line by line, and a JSON response
record by record (each record is parsed whole by :mod:`json`, the text
around it is read 64 KiB at a time and dropped once parsed). Only the
national totals of the pairs read are kept, one entry per pair, year, flow
and month, so memory grows with the pairs and years kept, not with the file.
A CSV line without quotes is split on its commas (its field count checked
first); a line with quotes goes through :mod:`csv`, unless it cannot be a
national total because its text lacks a ``TOTAL`` or ``C00`` cell. The
response's other fields (``count``, ``error`` …) are read whole; ``error``
may stand before or after ``data``, and when it is not empty the file is
refused as an error response, unless a record before it was refused first.
A field given twice is an error, where :func:`json.loads` would keep the
last.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import decimal
import io
import json
import operator
import os
import re
import warnings
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NamedTuple, NoReturn, TextIO, TypeAlias

from bilat._country import Country, CountryLike
from bilat._currency import Currency
from bilat._decimal import EMAX, EXACT, MAX_DIGITS, read_decimal
from bilat._errors import (
    IncompleteDataWarning,
    InvalidOptionError,
    ValidationError,
    shown,
)
from bilat._fields import as_items
from bilat._fs import as_path, open_regular
from bilat._money import Money
from bilat._progress import Bar, bar, check_progress
from bilat._series import TradeMetric, TradeSeries, as_metric
from bilat._source import Source, as_optional_date
from bilat.io._areas import AreaKind, area, codes_for

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Iterable, Iterator, Mapping

__all__ = ["FLOW_CODES", "read_comtrade", "read_pair"]

StrPath: TypeAlias = str | os.PathLike[str]

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


def __getattr__(name: str) -> object:
    """``COMTRADE_CODES``, kept for old callers: derived from the areas table."""
    if name == "COMTRADE_CODES":
        from bilat._country import _codes

        found: dict[str, int] = {}
        for alpha2, numeric in _codes().numeric.items():
            own = sorted(codes_for(Country(alpha2)) - {numeric})
            if own:
                found[alpha2] = own[-1]
        return found
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_SUFFIXES: Final = (".csv", ".json")
_PUBLISHER: Final = "United Nations Statistics Division (UN Comtrade)"
_URL: Final = "https://comtradeplus.un.org/"

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

_NUMBER: Final = re.compile(r"-?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?", re.ASCII)
_NUMBER_MATCH: Final = _NUMBER.fullmatch
_YEAR: Final = re.compile(r"[0-9]{4}", re.ASCII)
_MONTH: Final = re.compile(r"([0-9]{4})([0-9]{2})", re.ASCII)
_ALL_MONTHS: Final = frozenset(range(1, 13))
_USD: Final = Currency("USD")
#: The longest code text looked up (M49 codes have three digits).
_CODE_DIGITS: Final = 6
#: Pairs named in full in a warning or an error before "and N more".
_NAMED: Final = 5

#: Characters read from the file at a time. A CSV file is read line by line
#: and a JSON file one record at a time, so memory does not grow with the
#: file: only the national totals of the pairs read are kept.
_CHUNK: Final = 1 << 16

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
    raise ValidationError([(place, message)])


def _json_text(value: object) -> str:
    """A JSON value as the text a CSV cell would hold (null is empty).

    Arrays and objects, which no Comtrade field holds, become ``[...]`` and
    ``{...}`` so that any check of them fails with a readable message.
    """
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | Decimal):
        return str(value)
    return "[...]" if isinstance(value, list) else "{...}"


def _reject_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not a number")


def _number(text: str) -> Decimal:
    try:
        return read_decimal(text)  # whatever the caller's context
    except ArithmeticError:  # an exponent beyond what Decimal can hold
        raise ValueError(f"the number {shown(text)} is out of range") from None


_DECODER: Final = json.JSONDecoder(parse_float=_number, parse_constant=_reject_constant)
_SPACE: Final = re.compile(r"[ \t\n\r]*")
#: A decoding error this close to the end of the text read so far may only
#: mean that the value goes on in the next chunk.
_MARGIN: Final = 64


class _JsonStream:
    """JSON values read one at a time from a text stream.

    Only a window of the text is held: what has been parsed is dropped when
    the next chunk is read. Positions in error messages count from the start
    of the file, as :func:`json.loads` would give them.
    """

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.text = ""
        self.pos = 0
        self.end = False
        #: Line (1-based) and column (0-based) of ``text[0]`` in the file.
        self.line = 1
        self.column = 0

    def more(self) -> bool:
        """Read the next chunk, dropping the text already parsed."""
        if self.end:
            return False
        chunk = self.stream.read(_CHUNK)
        if not chunk:
            self.end = True
            return False
        text, pos = self.text, self.pos
        lines = text.count("\n", 0, pos)
        if lines:
            self.line += lines
            self.column = pos - text.rfind("\n", 0, pos) - 1
        else:
            self.column += pos
        self.text = text[pos:] + chunk
        self.pos = 0
        return True

    def where(self, pos: int) -> str:
        """``line 3, column 17`` for a position in the window."""
        text = self.text
        lines = text.count("\n", 0, pos)
        if lines:
            return (
                f"line {self.line + lines}, column {pos - text.rfind(chr(10), 0, pos)}"
            )
        return f"line {self.line}, column {self.column + pos + 1}"

    def invalid(self, message: str, pos: int | None = None) -> NoReturn:
        where = self.where(self.pos if pos is None else pos)
        raise ValidationError([(where, f"invalid JSON: {message}")])

    def peek(self) -> str:
        """The next character that is not white space, or ``""`` at the end."""
        while True:
            self.pos = _SPACE.match(self.text, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.text):
                return self.text[self.pos]
            if not self.more():
                return ""

    def value(self) -> object:
        """Parse the next value whole (a record, a key, a small field)."""
        self.peek()
        while True:
            try:
                value, end = _DECODER.raw_decode(self.text, self.pos)
            except json.JSONDecodeError as e:
                cut = e.pos >= len(self.text) - _MARGIN or e.msg.startswith(
                    "Unterminated"
                )
                if cut and self.more():
                    continue
                self.invalid(e.msg, e.pos)
            except ValueError as e:
                raise ValidationError(f"invalid JSON: {e}") from None
            except RecursionError:
                where = self.where(self.pos)
                problem = "invalid JSON: arrays or objects nested too deeply"
                raise ValidationError([(where, problem)]) from None
            # A number that ends the window may go on in the next chunk.
            if end == len(self.text) and self.more():
                continue
            self.pos = end
            return value

    def expect(self, chars: str, message: str) -> str:
        """Take the next character, which must be one of ``chars``."""
        char = self.peek()
        if not char or char not in chars:
            self.invalid(message)
        self.pos += 1
        return char

    def finish(self) -> None:
        """Check that nothing but white space follows the value read."""
        if self.peek():
            self.invalid("Extra data")


def _json_records(stream: _JsonStream) -> Iterator[tuple[int, dict[str, Any]]]:
    """The records of the array that starts at the stream's position."""
    stream.expect("[", "Expecting '['")
    if stream.peek() == "]":
        stream.pos += 1
        return
    number = 0
    while True:
        record = stream.value()
        if not isinstance(record, dict):
            _fail(
                f"data[{number}]", f"expected a record (an object), got {shown(record)}"
            )
        for name in _REQUIRED:
            if name not in record:
                _fail(
                    f"data[{number}]",
                    f"missing field {shown(name)}: expected UN Comtrade's field names",
                )
        yield number, record
        number += 1
        if stream.expect(",]", "Expecting ',' delimiter") == "]":
            break


def _api_error(error: object) -> NoReturn:
    raise ValidationError(
        [("error", f"the file is a UN Comtrade API error response: {shown(error)}")]
    )


def _json_rows(text: TextIO) -> Iterator[tuple[int, dict[str, Any]]]:
    """The records of an API response (or a bare list), one at a time.

    The response's other fields are read whole; an ``error`` field that is
    not empty makes the file an error response wherever it stands.
    """
    stream = _JsonStream(text)
    first = stream.peek()
    if first == "[":
        yield from _json_records(stream)
        stream.finish()
        return
    if first != "{":
        data = stream.value()
        stream.finish()
        raise ValidationError(
            "expected a UN Comtrade API response {'count': …, 'data': [...]}, "
            f"got {shown(data)}"
        )
    stream.pos += 1
    keys: list[str] = []
    message: object = None
    if stream.peek() == "}":
        stream.pos += 1
    else:
        while True:
            if stream.peek() != '"':
                stream.invalid("Expecting property name enclosed in double quotes")
            key = stream.value()
            assert isinstance(key, str)
            stream.expect(":", "Expecting ':' delimiter")
            if key in keys:
                raise ValidationError([(key, f"the field {shown(key)} appears twice")])
            keys.append(key)
            if key == "data" and stream.peek() == "[":
                yield from _json_records(stream)
            else:
                value = stream.value()
                if key == "error" and value:
                    _api_error(value)
                if key == "message":
                    message = value
                if key == "data":
                    raise ValidationError(
                        [("data", f"expected a list of records, got {shown(value)}")]
                    )
            if stream.expect(",}", "Expecting ',' delimiter") == "}":
                break
    stream.finish()
    if "data" not in keys:
        if message:
            _api_error(message)
        raise ValidationError(
            "expected a UN Comtrade API response {'count': …, 'data': [...]}, "
            f"found an object with keys {shown(sorted(keys))}"
        )


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
        digits = text.strip()
        found: Country | str | None = ""
        if digits.isascii() and digits.isdigit() and len(digits) <= _CODE_DIGITS:
            known = area(int(digits))
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


# -- reading the two formats -----------------------------------------------------


class _Layout(NamedTuple):
    """Where a CSV file's columns are."""

    width: int
    #: The cells of _REQUIRED, in that order.
    required: Callable[[list[str]], tuple[str, ...]]
    #: The breakdown cells and what they are on a national total (None:
    #: the file has no breakdown column, every row is a national total).
    breakdowns: Callable[[list[str]], object] | None
    totals: object
    cif: int | None
    fob: int | None
    #: Texts a line must hold to be a national total: for cmdCode and
    #: customsCode, when the column is neither the first nor the last, a
    #: line without quotes holds ",TOTAL,"; a line with quotes holds that
    #: or '"TOTAL"'.
    tokens: tuple[tuple[str, str], ...]


def _layout(header: list[str]) -> _Layout:
    names = [name.strip() for name in header]
    index = {name: i for i, name in reversed(list(enumerate(names)))}
    missing = [name for name in _REQUIRED if name not in index]
    if missing:
        raise ValidationError(
            [
                (
                    "line 1",
                    f"missing column {shown(name)}: expected UN Comtrade's column names",
                )
                for name in missing
            ]
        )
    width = len(names)
    present = [(index[name], total) for name, total in _TOTALS.items() if name in index]
    getter = None
    totals: object = None
    if present:
        getter = operator.itemgetter(*(i for i, _ in present))
        totals = tuple(t for _, t in present) if len(present) > 1 else present[0][1]
    tokens = tuple(
        (f",{_TOTALS[name]},", f'"{_TOTALS[name]}"')
        for name in _TOKEN_COLUMNS
        if name in index and 0 < index[name] < width - 1
    )
    return _Layout(
        width,
        operator.itemgetter(*(index[name] for name in _REQUIRED)),
        getter,
        totals,
        index.get("cifvalue"),
        index.get("fobvalue"),
        tokens,
    )


def _csv_cells(text: str, number: int) -> list[str]:
    """One record's cells, through :mod:`csv` (a line with quotes)."""
    try:
        rows = list(csv.reader((text,), strict=True))
    except csv.Error as e:
        _fail(f"line {number}", f"invalid CSV: {e}")
    if len(rows) > 1:
        _fail(f"line {number}", "invalid CSV: a quote inside an unquoted field")
    return rows[0] if rows else []


def _record(line: str, stream: TextIO, number: int) -> tuple[str, int]:
    """A record that goes on past ``line`` (which has an odd number of quotes).

    Returns the record's text, its lines joined, and its last line's number.
    """
    parts, quotes = [line], line.count('"')
    for more in stream:
        number += 1
        parts.append(more)
        quotes += more.count('"')
        if not quotes & 1:
            return "".join(parts), number
    _fail(f"line {number - len(parts) + 1}", "invalid CSV: a quoted field never ends")


def _records(stream: TextIO) -> Iterator[tuple[int, str]]:
    """The CSV file's records as text, with their first line's number.

    A record is a line, or several when a quoted field holds a line break:
    a line with an odd number of quotes goes on to the next line.
    """
    number = 0
    for line in stream:
        number += 1
        start = number
        if '"' in line and line.count('"') & 1:
            line, number = _record(line, stream, number)  # noqa: PLW2901
        yield start, line


def _csv_header(records: Iterator[tuple[int, str]]) -> _Layout:
    first = next(records, None)
    if first is None:
        raise ValidationError(
            [("line 1", "empty file: expected a header of UN Comtrade columns")]
        )
    return _layout(_csv_cells(first[1], 1))


def _read_csv(stream: TextIO, collector: _Collector) -> None:
    """Hand every national total of a CSV file to ``collector``.

    The loop runs once per line of the file, so it does as little as it
    can: a line without quotes has its commas counted (the field count
    checked) and, when it holds the national total's tokens, is split; a
    line with quotes goes through :mod:`csv` only when it may be a
    national total.
    """
    header, last = stream.readline(), 1
    if '"' in header and header.count('"') & 1:
        header, last = _record(header, stream, 1)
    layout = _csv_header(iter(((1, header),) if header else ()))
    width, commas = layout.width, layout.width - 1
    required, breakdowns, totals = layout.required, layout.breakdowns, layout.totals
    cif_at, fob_at = layout.cif, layout.fob
    # The tokens of cmdCode and customsCode; "" (in every line) when unused.
    (bare1, quoted1), (bare2, quoted2) = (*layout.tokens, ("", ""), ("", ""))[:2]
    take = collector.take
    joined = last - 1  # lines joined to the record before, so far
    for number, line in enumerate(stream, 2):
        if '"' in line:
            start = number + joined
            if line.count('"') & 1:
                line, end = _record(line, stream, start)  # noqa: PLW2901
                joined += end - start
            if line.endswith(("\n", "\r")) and (
                (bare1 not in line and quoted1 not in line)
                or (bare2 not in line and quoted2 not in line)
            ):
                continue  # no national total (the last line, maybe cut, is read)
            row = _csv_cells(line, start)
            if len(row) != width:
                if not row:
                    continue
                _fail(
                    f"line {start}",
                    f"expected {width} fields as in the header, found {len(row)}",
                )
        elif line.count(",") != commas:
            if not line.strip("\r\n"):
                continue  # a blank line
            _fail(
                f"line {number + joined}",
                f"expected {width} fields as in the header, "
                f"found {line.count(',') + 1}",
            )
        elif bare1 not in line or bare2 not in line:
            continue  # no national total
        else:
            start = number + joined
            row = line.rstrip("\r\n").split(",")
        if breakdowns is None or breakdowns(row) == totals:
            freq, year, period, reporter, partner, flow, text = required(row)
            take(
                start,
                freq,
                year,
                period,
                reporter,
                partner,
                flow,
                text,
                None if cif_at is None else row[cif_at],
                None if fob_at is None else row[fob_at],
            )


def _national(record: Mapping[str, object]) -> bool:
    """Whether a JSON record is a national total (its breakdown fields say so)."""
    for name, total in _TOTALS.items():
        if name in record and _json_text(record[name]) != total:
            return False
    return True


def _read_json(stream: TextIO, collector: _Collector) -> None:
    """Hand every national total of an API response to ``collector``."""
    take = collector.take
    for number, record in _json_rows(stream):
        if not _national(record):
            continue
        cif, fob = record.get("cifvalue", _ABSENT), record.get("fobvalue", _ABSENT)
        freq, year, period, reporter, partner, flow, text = (
            _json_text(record[name]) for name in _REQUIRED
        )
        take(
            number,
            freq,
            year,
            period,
            reporter,
            partner,
            flow,
            text,
            None if cif is _ABSENT else _json_text(cif),
            None if fob is _ABSENT else _json_text(fob),
        )


_ABSENT: Final = object()


class _Counted(io.RawIOBase):
    """A binary file that advances a progress bar by the bytes read from it."""

    def __init__(self, inner: io.BufferedIOBase, shown: Bar) -> None:
        super().__init__()
        self._inner = inner
        self._bar = shown

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        n = self._inner.readinto(buffer)
        if n:
            self._bar.update(n)
        return n

    def close(self) -> None:
        try:
            self._inner.close()
        finally:
            super().close()


def _open(file: str, shown: Bar) -> io.TextIOWrapper:
    """The file as UTF-8 text (a byte-order mark skipped), counted on ``shown``."""
    binary: Any = open_regular(file)
    if shown.shown:
        binary = io.BufferedReader(_Counted(binary, shown), _CHUNK)
    return io.TextIOWrapper(binary, encoding="utf-8-sig", newline="")


def _read_file(file: str, source: int, collector: _Collector, shown: Bar) -> None:
    """Read the national totals of a ``.csv`` or ``.json`` file, streaming."""
    read = _read_json if collector.files.json[source] else _read_csv
    collector.source = source
    try:
        with _open(file, shown) as stream:
            read(stream, collector)
    except UnicodeDecodeError:
        raise _not_utf8(file) from None
    except ValidationError as e:
        if e.file is not None:  # about the file itself: already names it
            raise
        raise ValidationError(e.problems, file=file) from None


def _not_utf8(file: str) -> ValidationError:
    """Name the line and the first byte that is not UTF-8 (found by a second pass)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset, line = 0, 1
    with open_regular(file) as f:
        while True:
            chunk = f.read(_CHUNK)
            held = decoder.getstate()[0]
            try:
                decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as e:
                data = held + chunk
                line += data.count(b"\n", 0, e.start)
                where = offset - len(held) + e.start
                byte = data[e.start : e.start + 1]
                problem = f"not UTF-8 text: byte {where} is {shown(byte)}"
                return ValidationError([(f"line {line}", problem)], file=file)
            if not chunk:  # pragma: no cover - only called after a decoding error
                return ValidationError("not UTF-8 text", file=file)
            offset += len(chunk)
            line += chunk.count(b"\n")


# -- what the files hold, for an error -------------------------------------------


class _Census:
    """Rows of the files counted again, for the message of a pair not found."""

    def __init__(self, collector: _Collector, pairs: list[tuple[Country, Country]]):
        self.rows = 0
        self.collector = collector
        #: pair -> [its rows, their breakdowns, rows of the reverse pair]
        self.counts = {pair: [0, 0, 0] for pair in pairs}
        self.reverse = {(p, r): (r, p) for r, p in pairs}

    def row(self, reporter: str, partner: str, national: bool) -> None:
        self.rows += 1
        country = self.collector.country
        key: Any = (country(reporter), country(partner))  # countries, or not
        counts = self.counts.get(key)
        if counts is not None:
            counts[0] += 1
            counts[1] += not national
        mirrored = self.reverse.get(key)
        if mirrored is not None:
            self.counts[mirrored][2] += 1

    def read(self, file: str, in_json: bool) -> None:
        with _open(file, Bar()) as stream:
            if in_json:
                for _, record in _json_rows(stream):
                    self.row(
                        _json_text(record["reporterCode"]),
                        _json_text(record["partnerCode"]),
                        _national(record),
                    )
                return
            records = _records(stream)
            layout = _csv_header(records)
            at = operator.itemgetter(3, 4)
            for number, line in records:
                try:
                    row = (
                        _csv_cells(line, number)
                        if '"' in line
                        else line.rstrip("\r\n").split(",")
                    )
                except ValidationError:
                    continue
                if len(row) != layout.width:
                    continue
                national = (
                    layout.breakdowns is None or layout.breakdowns(row) == layout.totals
                )
                reporter, partner = at(layout.required(row))
                self.row(reporter, partner, national)


def _describe(country: Country) -> str:
    """``Kazakhstan (398)``, ``United States (840 or 842)``."""
    codes = sorted(codes_for(country)) or [country.numeric]
    return f"{country.name()} ({' or '.join(map(str, codes))})"


def _not_found(census: _Census, pair: tuple[Country, Country], wanted: str) -> str:
    reporter, partner = pair
    rows, pair_rows, breakdowns, reverse = census.rows, *census.counts[pair]
    message = (
        f"no national-total {wanted} rows reported by {_describe(reporter)} for "
        f"partner {_describe(partner)}: {rows} rows read, "
        f"{pair_rows} of them for this pair"
    )
    if breakdowns:
        message += (
            f", {breakdowns} of those breakdowns (cmdCode other than "
            "TOTAL, or partner2Code, motCode or customsCode other than 0, 0, C00)"
        )
    if reverse:
        message += (
            f"; the file has {reverse} rows reported by "
            f"{partner.name()} for {reporter.name()}: use "
            f"reporter={shown(partner.alpha2)}, partner={shown(reporter.alpha2)} for that view"
        )
    return message


# -- years -----------------------------------------------------------------------


def _months_text(months: frozenset[int]) -> str:
    """The months present, as ranges: ``1–9``, ``1–3, 5, 7–12``."""
    ordered = sorted(months)
    parts: list[str] = []
    start = prev = ordered[0]
    for month in [*ordered[1:], None]:
        if month is not None and month == prev + 1:
            prev = month
            continue
        parts.append(f"{start}" if start == prev else f"{start}–{prev}")
        if month is not None:
            start = prev = month
    return ", ".join(parts)


def _gaps(problems: Mapping[str, frozenset[int] | None]) -> str:
    """What a year lacks, such as ``months 1–9 only`` or ``no imports``."""
    month_sets = set(problems.values())
    if len(problems) > 1 and len(month_sets) == 1 and None not in month_sets:
        (months,) = month_sets
        assert months is not None
        return f"months {_months_text(months)} only"
    return ", ".join(
        f"no {_FLOW_NAMES[flow]}"
        if months is None
        else f"{_FLOW_NAMES[flow]} months {_months_text(months)} only"
        for flow, months in problems.items()
    )


class _Years(NamedTuple):
    """The yearly values built from a pair's entries, and what was left out."""

    values: dict[int, Money]
    left_out: list[str]
    from_months: list[int]
    #: flow -> basis -> the years valued on that basis
    bases: dict[str, dict[str, set[int]]]


def _exact_sum(files: _Files, year: int, entries: list[Entry]) -> Decimal:
    """The sum of a year's values, exactly, or an error quoting them all."""
    total = Decimal(0)
    try:
        for entry in entries:
            total = EXACT.add(total, entry[_VALUE])
    except decimal.DecimalException:
        first = entries[0][_SOURCE]
        listed = ", ".join(
            f"{shown(e[_TEXT])} ({files.where(e, first)})" for e in entries
        )
        raise ValidationError(
            [
                (
                    files.at(first, entries[0][_NUMBER_AT], "primaryValue"),
                    (
                        f"the values of {year} do not add up to an exact sum of at "
                        f"most {MAX_DIGITS} significant digits below "
                        f"1E+{EMAX + 1}: {listed}"
                    ),
                )
            ],
            file=files.paths[first],
        ) from None
    return total


def _years(
    files: _Files,
    entries: Mapping[tuple[int, str], Slot],
    flows: tuple[str, ...],
) -> _Years:
    by_year: dict[int, dict[str, dict[int, Entry]]] = {}
    for (year, flow), slot in entries.items():
        by_year.setdefault(year, {})[flow] = _months(slot)
    built = _Years({}, [], [], {flow: {} for flow in flows})
    for year in sorted(by_year):
        of_year = by_year[year]
        found: dict[str, list[Entry]] = {}
        problems: dict[str, frozenset[int] | None] = {}
        monthly = False
        for flow in flows:
            kept = of_year.get(flow)
            if kept is None:
                problems[flow] = None
            elif 0 in kept:  # annual (never with months: refused when read)
                found[flow] = [kept[0]]
            elif kept.keys() == _ALL_MONTHS:
                found[flow] = list(kept.values())
                monthly = True
            else:
                problems[flow] = frozenset(kept)
        if problems:
            built.left_out.append(f"{year}: {_gaps(problems)}; left out")
            continue
        for flow, flow_entries in found.items():
            bases = built.bases[flow]
            for entry in flow_entries:
                bases.setdefault(entry[_BASIS], set()).add(year)
        total = _exact_sum(files, year, [e for got in found.values() for e in got])
        built.values[year] = Money(total, _USD)
        if monthly:
            built.from_months.append(year)
    return built


def _basis_text(flow: str, years_by_basis: Mapping[str, set[int]]) -> str:
    """``imports CIF``, or ``imports CIF (FOB in 2019)`` when it varies."""
    name = _FLOW_NAMES[flow]
    main = _STANDARD_BASIS[flow]
    if main not in years_by_basis:
        main = min(years_by_basis)
    others = "; ".join(
        f"{basis} in {', '.join(map(str, sorted(years)))}"
        for basis, years in sorted(years_by_basis.items())
        if basis != main
    )
    return f"{name} {main} ({others})" if others else f"{name} {main}"


class _Builder:
    """Series from the pairs read; equal sources are built once and shared.

    Many pairs have the same note (the same reporter, flow basis and years
    left out), and a :class:`Source` is immutable, so each distinct one is
    built once.
    """

    def __init__(
        self, files: _Files, metric: TradeMetric, accessed: dt.date | None
    ) -> None:
        self.files = files
        self.metric = metric
        self.accessed = accessed
        self.sources: dict[tuple[str, str], Source] = {}
        self.names: dict[Country, str] = {}

    def source(self, pair: _Pair, built: _Years) -> Source:
        files = self.files
        reporter = pair.key[0]
        name = self.names.get(reporter)
        if name is None:
            name = self.names[reporter] = reporter.name()
        flows = _METRIC_FLOWS[self.metric]
        basis = " + ".join(_basis_text(flow, built.bases[flow]) for flow in flows)
        sentences = [f"{basis}, as reported by {name}"]
        if built.from_months:
            years = ", ".join(map(str, built.from_months))
            sentences.append(f"Summed from twelve monthly figures: {years}")
        sentences.extend(built.left_out)
        if len(files.paths) == 1:
            titled = files.names[0]
        else:
            titled = files.titled(
                e[_SOURCE]
                for slot in pair.entries.values()
                for e in _months(slot).values()
            )
        key = (f"UN Comtrade: {titled}", ". ".join(sentences) + ".")
        found = self.sources.get(key)
        if found is None:
            found = self.sources[key] = Source(
                key[0],
                publisher=_PUBLISHER,
                url=_URL,
                accessed=self.accessed,
                note=key[1],
            )
        return found

    def series(self, pair: _Pair, built: _Years) -> TradeSeries:
        reporter, partner = pair.key
        return TradeSeries(
            (reporter, partner),
            self.metric,
            built.values,
            reporter=reporter,
            sources=(self.source(pair, built),),
        )


def _view(pair: tuple[Country, Country], metric: TradeMetric) -> str:
    """``Kazakhstan's turnover with Uzbekistan``."""
    return f"{pair[0].name()}'s {metric.value} with {pair[1].name()}"


def _listed(items: list[str]) -> str:
    """The first few items, and how many more."""
    shown_items = "; ".join(items[:_NAMED])
    more = len(items) - _NAMED
    return shown_items + (f"; and {more} more" if more > 0 else "")


# -- reading ---------------------------------------------------------------------


def _as_files(paths: object) -> list[str]:
    """One path or an iterable of paths, each a ``.csv`` or ``.json`` file."""
    if isinstance(paths, str | os.PathLike):
        items: tuple[object, ...] = (paths,)
    else:
        items = as_items(paths, "paths", "a file path or an iterable of file paths")
        if not items:
            raise ValidationError([("paths", "expected at least one file, got none")])
    files = [
        as_path(item, "paths" if len(items) == 1 else f"paths[{i}]")
        for i, item in enumerate(items)
    ]
    for file in files:
        suffix = Path(file).suffix
        if suffix.lower() not in _SUFFIXES:
            raise InvalidOptionError("file suffix", suffix, _SUFFIXES)
    return files


def _as_pairs(pairs: object) -> list[tuple[Country, Country]]:
    """``pairs=``: (reporter, partner) pairs of distinct countries, in order."""
    expected = "an iterable of (reporter, partner) pairs, or None for every pair"
    items = as_items(pairs, "pairs", expected)
    if not items:
        raise ValidationError(
            [("pairs", "expected at least one (reporter, partner) pair, or None")]
        )
    found: dict[tuple[Country, Country], None] = {}
    for i, item in enumerate(items):
        two = as_items(item, f"pairs[{i}]", "a (reporter, partner) pair")
        if len(two) != 2:
            raise ValidationError(
                [
                    (
                        f"pairs[{i}]",
                        f"expected a (reporter, partner) pair, got {shown(item)}",
                    )
                ]
            )
        reporter, partner = Country(two[0]), Country(two[1])  # type: ignore[arg-type]
        if reporter == partner:
            raise ValidationError(
                [(f"pairs[{i}]", f"{shown(reporter)} is both reporter and partner")]
            )
        found[reporter, partner] = None
    return list(found)


def _read(
    files: list[str],
    pairs: list[tuple[Country, Country]] | None,
    metric: TradeMetric,
    *,
    accessed: dt.date | None,
    progress: bool,
    stacklevel: int,
) -> dict[tuple[Country, Country], TradeSeries]:
    """Read ``pairs`` (None: every pair) from ``files`` in one pass.

    ``stacklevel`` counts the frames from this function's caller up to the
    user's code (2 when the public function called it), for the warnings.
    """
    flows = _METRIC_FLOWS[metric]
    wanted = " and ".join(flows)
    where = _Files(files)
    collector = _Collector(where, flows, pairs)
    total = None
    if progress:
        total = 0
        for file in files:
            with contextlib.suppress(OSError, ValueError):  # refused when read
                total += Path(file).stat().st_size
    desc = where.names[0] if len(files) == 1 else f"{len(files)} files"
    with bar(
        enabled=progress, total=total, desc=desc, unit="B", scale=True
    ) as shown_bar:
        for source, file in enumerate(files):
            _read_file(file, source, collector, shown_bar)
    one_file = files[0] if len(files) == 1 else None

    missing = [key for key, pair in collector.pairs.items() if not pair.entries]
    if pairs is not None and missing:
        census = _Census(collector, missing)
        for file, in_json in zip(files, where.json, strict=True):
            census.read(file, in_json)
        raise ValidationError(
            [("", _not_found(census, key, wanted)) for key in missing], file=one_file
        )
    builder = _Builder(where, metric, accessed)
    built: dict[tuple[Country, Country], TradeSeries] = {}
    short: dict[tuple[Country, Country], list[str]] = {}
    empty: list[str] = []
    for key, pair in collector.pairs.items():
        years = _years(where, pair.entries, flows)
        if years.values:
            built[key] = builder.series(pair, years)
            pair.entries = {}  # done with: memory holds the series only
            if years.left_out:
                short[key] = years.left_out
        elif pairs is not None:
            raise ValidationError(
                f"no year with complete {wanted} data reported by "
                f"{_describe(key[0])} for partner {_describe(key[1])}: "
                + ". ".join(years.left_out),
                file=one_file,
            )
        else:
            empty.append(
                f"{key[0].name()}–{key[1].name()}"
                + (f" ({', '.join(years.left_out)})" if years.left_out else "")
            )
    if not built:
        census = _Census(collector, [])
        for file, in_json in zip(files, where.json, strict=True):
            census.read(file, in_json)
        raise ValidationError(_nothing_at_all(collector, census, wanted), file=one_file)

    if pairs is None:  # else in the order asked for
        built = dict(sorted(built.items(), key=lambda item: _sort_key(item[0])))
    _warn(where, collector, short, empty, metric=metric, stacklevel=stacklevel + 2)
    return built


def _sort_key(key: tuple[Country, Country]) -> tuple[str, str]:
    return key[0].alpha2, key[1].alpha2


def _nothing_at_all(collector: _Collector, census: _Census, wanted: str) -> str:
    """Why no pair at all was found."""
    message = f"no national-total {wanted} rows of a pair of countries: {census.rows} rows read"
    counts = [
        (collector.skipped(_Skip.AGGREGATE), "with an aggregate area such as 0 World"),
        (collector.skipped(_Skip.UNKNOWN), "with a code UN Comtrade does not list"),
        (
            collector.skipped(_Skip.SAME),
            "with the same country as reporter and partner",
        ),
    ]
    for count, what in counts:
        if count:
            message += f", {count} national totals {what}"
    return message


def _warn(
    files: _Files,
    collector: _Collector,
    short: Mapping[tuple[Country, Country], list[str]],
    empty: list[str],
    *,
    metric: TradeMetric,
    stacklevel: int,
) -> None:
    """One warning for the years left out, one for codes Comtrade does not list."""
    names = ", ".join(files.names)
    if len(short) == 1 and not empty:
        ((key, left_out),) = short.items()
        message = f"{names}: {_view(key, metric)}: " + ". ".join(left_out)
        warnings.warn(IncompleteDataWarning(message), stacklevel=stacklevel)
    elif short or empty:
        parts = []
        if short:
            years = sum(map(len, short.values()))
            example = next(iter(short))
            parts.append(
                f"{years} years left out of {len(short)} series, where months or a "
                "flow are missing; each series' source note names its years, such as "
                f"{_view(example, metric)}: {short[example][0]}"
            )
        if empty:
            parts.append(
                f"{len(empty)} pairs with no complete year of {metric.value} are not "
                f"in the result: {_listed(empty)}"
            )
        message = f"{names}: " + ". ".join(parts)
        warnings.warn(IncompleteDataWarning(message), stacklevel=stacklevel)
    unknown = collector.unknown_codes() if collector.every else {}
    if unknown:
        listed = _listed(
            [f"{shown(text)} ({rows} rows)" for text, rows in unknown.items()]
        )
        warnings.warn(
            IncompleteDataWarning(
                f"{names}: national totals with codes UN Comtrade does not list "
                f"were skipped: {listed}"
            ),
            stacklevel=stacklevel,
        )


def read_comtrade(
    paths: StrPath | Iterable[StrPath],
    pairs: Iterable[tuple[CountryLike, CountryLike]] | None = None,
    metric: TradeMetric | str = TradeMetric.TURNOVER,
    *,
    accessed: dt.date | str | None = None,
    progress: bool = False,
) -> dict[tuple[Country, Country], TradeSeries]:
    r"""Read every pair of countries of UN Comtrade files in one pass.

    Each file is a CSV export of the Comtrade website (``.csv``) or an API
    v1 response (``.json``), read as :meth:`TradeSeries.from_comtrade
    <bilat.TradeSeries.from_comtrade>` reads one pair: national totals only,
    exports (X) plus imports (M) in US dollars, monthly data added up for
    complete years only. Rows of aggregate areas (World, EU …) are never a
    pair. The files are read once, however many pairs they hold, and memory
    grows with the pairs and years kept, not with the files.

    Args:
        paths: A file, or several (rows of one pair may be spread over them;
            equal rows in two files count once).
        pairs: The (reporter, partner) pairs to keep, as anything
            :class:`~bilat.Country` takes; None keeps every pair in the files.
        metric: ``TURNOVER``, or ``EXPORTS`` / ``IMPORTS`` of the reporter.
        accessed: When the data was downloaded, for each series' source.
        progress: Show a progress bar of the bytes read (needs tqdm and a
            terminal or a notebook).

    Returns:
        ``{(reporter, partner): series}``; each series is in USD with the
        reporter as ``reporter`` and a source naming the files, the flow
        basis and any years left out. Pairs asked for come in their order;
        otherwise pairs are sorted by the countries' alpha-2 codes.

    Raises:
        ValidationError: a file is not a UN Comtrade file as expected, holds
            conflicting duplicates, or has nothing for a pair asked for (the
            error says what the files hold instead); the error names the file
            and the place.
        InvalidOptionError: a suffix is neither ``.csv`` nor ``.json``.
        UnknownCountryError: a country of ``pairs`` is no country.
        ArgumentTypeError: ``progress`` is not a bool.

    Warns:
        IncompleteDataWarning: once for all the years left out (each series'
            note names its own), once for codes Comtrade does not list.

    Example:
        >>> import pathlib, tempfile
        >>> from bilat.io import read_comtrade
        >>> lines = [
        ...     "freqCode,refYear,period,reporterCode,partnerCode,flowCode,"
        ...     "cmdCode,primaryValue",
        ...     "A,2023,2023,398,860,X,TOTAL,2500000000",
        ...     "A,2023,2023,398,860,M,TOTAL,1400000000",
        ...     "A,2023,2023,398,860,X,27,900000000",
        ...     "A,2023,2023,860,398,X,TOTAL,1500000000",
        ...     "A,2023,2023,860,398,M,TOTAL,2300000000",
        ...     "A,2023,2023,860,0,X,TOTAL,9000000000",
        ... ]
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = pathlib.Path(tmp, "TradeData.csv")
        ...     _ = path.write_text("\n".join(lines), encoding="utf-8")
        ...     every = read_comtrade(path)
        >>> for (reporter, partner), series in every.items():
        ...     print(reporter, partner, series.values[2023])
        KZ UZ $3,900,000,000.00
        UZ KZ $3,800,000,000.00
    """
    files = _as_files(paths)
    wanted = None if pairs is None else _as_pairs(pairs)
    chosen = as_metric(metric)
    accessed_on = as_optional_date(accessed, "accessed")
    shown_bar = check_progress(progress)
    return _read(
        files, wanted, chosen, accessed=accessed_on, progress=shown_bar, stacklevel=2
    )


def read_pair(
    path: StrPath,
    reporter: CountryLike,
    partner: CountryLike,
    *,
    metric: TradeMetric | str = TradeMetric.TURNOVER,
    accessed: dt.date | str | None = None,
) -> TradeSeries:
    """Read one pair of a UN Comtrade file: :meth:`TradeSeries.from_comtrade`.

    The one-pair case of :func:`read_comtrade`, with its rules and messages.

    Example:
        >>> import json, pathlib, tempfile
        >>> from bilat import TradeSeries
        >>> def record(flow, value):
        ...     return {"freqCode": "A", "refYear": 2023, "period": "2023",
        ...             "reporterCode": 398, "partnerCode": 860, "flowCode": flow,
        ...             "cmdCode": "TOTAL", "partner2Code": 0, "motCode": 0,
        ...             "customsCode": "C00", "primaryValue": value}
        >>> response = {"count": 2, "data": [record("X", 2_500_000_000),
        ...                                  record("M", 1_400_000_000)]}
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = pathlib.Path(tmp, "kz-uz.json")
        ...     _ = path.write_text(json.dumps(response), encoding="utf-8")
        ...     series = TradeSeries.from_comtrade(path, "KZ", "UZ")
        >>> series.values
        mappingproxy({2023: Money('3900000000', 'USD')})
        >>> print(series.sources[0].note)
        exports FOB + imports CIF, as reported by Kazakhstan.
    """
    files = [as_path(path)]
    suffix = Path(files[0]).suffix
    if suffix.lower() not in _SUFFIXES:
        raise InvalidOptionError("file suffix", suffix, _SUFFIXES)
    reporter_country, partner_country = Country(reporter), Country(partner)
    if reporter_country == partner_country:
        raise ValidationError(
            [("partner", f"{shown(partner_country)} is the reporter: expected another")]
        )
    chosen = as_metric(metric)
    accessed_on = as_optional_date(accessed, "accessed")
    key = (reporter_country, partner_country)
    # stacklevel: the caller of TradeSeries.from_comtrade
    found = _read(
        files, [key], chosen, accessed=accessed_on, progress=False, stacklevel=3
    )
    return found[key]
