"""UN Comtrade files: yearly trade between two countries, as one of them reports it.

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

What is kept
------------
Only **national totals**: a row counts when its ``cmdCode`` is ``TOTAL``,
``partner2Code`` is ``0``, ``motCode`` is ``0`` and ``customsCode`` is
``C00`` — each test applies when the file has that column. Comtrade returns,
for one reporter, partner and period, the total and its breakdowns by
commodity, second partner, mode of transport and customs procedure; adding
them all up would count the same trade several times.

Only rows **reported by** ``reporter`` **for** ``partner`` are read. Comtrade
numbers countries by UN M49 codes, which are the ISO 3166 numeric codes
except for five countries where Comtrade keeps its own: France 251, India
699, Norway 579, Switzerland 757 and the United States 842. Both codes are
accepted for these five.

Only **flows X (exports) and M (imports)** are used. In Comtrade these are
the totals: exports include re-exports (RX) and imports include re-imports
(RM), so RX and RM are never added on top. The other flow codes of
Comtrade's list (RX, RM, DX, FM, XIP, XOP, MIP, MOP) are skipped; any other
code is an error.

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
out"``) and in one :class:`~bilat.IncompleteDataWarning`.

Errors
------
Rows of other pairs are skipped unread; in the pair's rows the flow code is
checked, and in the national totals used, the frequency, year, period and
value too. A missing column, an unknown flow or frequency code, a value that
is not a number, a year or period that is not one, annual and monthly rows
for the same year and flow, or two national-total rows for the same year,
month and flow with different values, is a :class:`~bilat.ValidationError`
naming the file and the place:
``line 7, column primaryValue`` in a CSV file, ``data[5].primaryValue`` in
JSON. Two rows with equal values count once. A file with no national-total
row of the flows needed for the pair is an error too, and says what the file
holds instead. A year's value is the exact sum of its rows: values that
do not add up exactly within bilat's range (at most 100 significant digits,
magnitudes from 1E-100 to below 1E+100) are an error that quotes them.
A byte that is not UTF-8 is named with its line and its offset in the file.

Memory
------
Files are streamed: a CSV file goes line by line through :mod:`csv`, and a
JSON response record by record (each record is parsed whole by :mod:`json`,
the text around it is read 64 KiB at a time and dropped once parsed). Rows of
other pairs are counted and forgotten; only the national totals of the pair
are kept, one entry per year, flow and month. A file of a million rows takes
no more memory than one of a hundred. The response's other fields
(``count``, ``error`` …) are read whole; ``error`` may stand before or after
``data``, and when it is not empty the file is refused as an error response,
unless a record before it was refused first. A field given twice is an
error, where :func:`json.loads` would keep the last.
"""

from __future__ import annotations

import codecs
import csv
import decimal
import json
import operator
import os
import re
import warnings
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Final, NamedTuple, NoReturn, TextIO, TypeAlias

from bilat._country import Country, CountryLike
from bilat._decimal import EMAX, EXACT, MAX_DIGITS, read_decimal
from bilat._errors import (
    IncompleteDataWarning,
    InvalidOptionError,
    ValidationError,
    shown,
)
from bilat._fs import as_path, open_regular, open_text
from bilat._money import Money
from bilat._series import TradeMetric, TradeSeries, as_metric
from bilat._source import Source, as_optional_date

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterator, Mapping

__all__ = ["COMTRADE_CODES", "FLOW_CODES", "read_comtrade"]

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

#: Countries for which Comtrade's reporter and partner code is not the ISO
#: 3166 numeric code (alpha-2 code → Comtrade code).
COMTRADE_CODES: Final[Mapping[str, int]] = {
    "CH": 757,
    "FR": 251,
    "IN": 699,
    "NO": 579,
    "US": 842,
}

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
_OPTIONAL: Final = (
    "cmdCode",
    "partner2Code",
    "motCode",
    "customsCode",
    "cifvalue",
    "fobvalue",
)

#: The value each breakdown column has on a national total.
_TOTALS: Final = {
    "cmdCode": "TOTAL",
    "partner2Code": "0",
    "motCode": "0",
    "customsCode": "C00",
}

_FLOW_NAMES: Final = {"X": "exports", "M": "imports"}
_STANDARD_BASIS: Final = {"X": "FOB", "M": "CIF"}
_METRIC_FLOWS: Final = {
    TradeMetric.TURNOVER: ("X", "M"),
    TradeMetric.EXPORTS: ("X",),
    TradeMetric.IMPORTS: ("M",),
}

_NUMBER: Final = re.compile(r"-?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?", re.ASCII)
_YEAR: Final = re.compile(r"[0-9]{4}", re.ASCII)
_MONTH: Final = re.compile(r"([0-9]{4})([0-9]{2})", re.ASCII)
_ALL_MONTHS: Final = frozenset(range(1, 13))


#: One row: where it is, its required cells (in the order of ``_REQUIRED``)
#: and its optional ones (``_OPTIONAL``; None where the file has no such
#: column). Every cell is text, as in the CSV file.
Row: TypeAlias = tuple["_Place", tuple[str, ...], tuple[str | None, ...]]


class _Place(NamedTuple):
    """Where a row is: a CSV line or a JSON record, for error messages."""

    in_json: bool
    number: int

    def at(self, column: str | None = None) -> str:
        """``line 7, column primaryValue`` or ``data[5].primaryValue``."""
        if self.in_json:
            return f"data[{self.number}]" + ("" if column is None else f".{column}")
        return f"line {self.number}" + ("" if column is None else f", column {column}")


class _Entry(NamedTuple):
    value: Decimal
    text: str
    basis: str
    place: _Place


# -- reading the two formats -----------------------------------------------------

#: Characters read from the file at a time. A CSV file is read line by line
#: and a JSON file one record at a time, so memory does not grow with the
#: file: only the national totals of the pair read are kept.
_CHUNK: Final = 1 << 16


def _fail(place: _Place, column: str | None, message: str) -> NoReturn:
    raise ValidationError([(place.at(column), message)])


def _csv_rows(stream: TextIO, reading: _Reading) -> Iterator[Row]:
    """The rows of ``reading``'s pair, counting the others as they pass."""
    reader = csv.reader(stream, strict=True)
    try:
        header = next(reader, None)
    except csv.Error as e:
        raise ValidationError([("line 1", f"invalid CSV: {e}")]) from None
    if header is None:
        raise ValidationError(
            [("line 1", "empty file: expected a header of UN Comtrade columns")]
        )
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
    required = operator.itemgetter(*(index[name] for name in _REQUIRED))
    positions = [index.get(name, width) for name in _OPTIONAL]
    pad = (None,) if width in positions else ()
    optional = operator.itemgetter(*positions)
    rep_at, par_at = index["reporterCode"], index["partnerCode"]
    reporters, partners = reading.reporter_codes, reading.partner_codes
    count = reverse = 0
    try:
        for row in reader:
            if len(row) != width:
                if not row:
                    continue
                _fail(
                    _Place(in_json=False, number=reader.line_num),
                    None,
                    f"expected {width} fields as in the header, found {len(row)}",
                )
            count += 1
            rep, par = row[rep_at], row[par_at]
            if rep in reporters and par in partners:
                yield (
                    _Place(in_json=False, number=reader.line_num),
                    required(row),
                    optional((*row, *pad) if pad else row),
                )
            elif rep in partners and par in reporters:
                reverse += 1
    except csv.Error as e:
        raise ValidationError(
            [(f"line {reader.line_num}", f"invalid CSV: {e}")]
        ) from None
    reading.rows += count
    reading.reverse_rows += reverse


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


def _json_records(stream: _JsonStream, reading: _Reading) -> Iterator[Row]:
    """The records of the array that starts at the stream's position."""
    stream.expect("[", "Expecting '['")
    if stream.peek() == "]":
        stream.pos += 1
        return
    reporters, partners = reading.reporter_codes, reading.partner_codes
    number = count = reverse = 0
    while True:
        record = stream.value()
        place = _Place(in_json=True, number=number)
        if not isinstance(record, dict):
            _fail(place, None, f"expected a record (an object), got {shown(record)}")
        for name in _REQUIRED:
            if name not in record:
                _fail(
                    place,
                    None,
                    f"missing field {shown(name)}: expected UN Comtrade's field names",
                )
        count += 1
        rep = _json_text(record["reporterCode"])
        par = _json_text(record["partnerCode"])
        if rep in reporters and par in partners:
            yield (
                place,
                tuple(_json_text(record[name]) for name in _REQUIRED),
                tuple(
                    _json_text(record[name]) if name in record else None
                    for name in _OPTIONAL
                ),
            )
        elif rep in partners and par in reporters:
            reverse += 1
        number += 1
        if stream.expect(",]", "Expecting ',' delimiter") == "]":
            break
    reading.rows += count
    reading.reverse_rows += reverse


def _api_error(error: object) -> NoReturn:
    raise ValidationError(
        [("error", f"the file is a UN Comtrade API error response: {shown(error)}")]
    )


def _json_rows(text: TextIO, reading: _Reading) -> Iterator[Row]:
    """The records of an API response (or a bare list), one at a time.

    The response's other fields are read whole; an ``error`` field that is
    not empty makes the file an error response wherever it stands.
    """
    stream = _JsonStream(text)
    first = stream.peek()
    if first == "[":
        yield from _json_records(stream, reading)
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
                yield from _json_records(stream, reading)
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


def _year(place: _Place, text: str) -> int:
    if not _YEAR.fullmatch(text) or text == "0000":
        _fail(place, "refYear", f"expected a year such as '2023', got {shown(text)}")
    return int(text)


def _month(place: _Place, freq: str, year_text: str, period: str) -> int:
    """The month of a row: 0 for an annual row, 1–12 for a monthly one."""
    if freq == "A":
        if period != year_text:
            _fail(
                place,
                "period",
                f"expected the year {shown(year_text)} of refYear, got {shown(period)}",
            )
        return 0
    if freq != "M":
        _fail(
            place, "freqCode", f"unknown frequency {shown(freq)}: expected 'A' or 'M'"
        )
    found = _MONTH.fullmatch(period)
    if found is None or found[1] != year_text:
        _fail(
            place,
            "period",
            f"expected a month 'YYYYMM' of {year_text}, got {shown(period)}",
        )
    month = int(found[2])
    if not 1 <= month <= 12:
        _fail(place, "period", f"expected a month 01 to 12, got {shown(period)}")
    return month


def _value(place: _Place, text: str) -> Decimal:
    if not _NUMBER.fullmatch(text):
        _fail(
            place,
            "primaryValue",
            f"expected a number such as '1234567.89', got {shown(text)}",
        )
    try:
        return read_decimal(text)  # whatever the caller's context
    except ArithmeticError:  # an exponent beyond what Decimal can hold
        _fail(
            place, "primaryValue", f"expected a number of US dollars, got {shown(text)}"
        )


def _exact_sum(year: int, entries: list[_Entry]) -> Decimal:
    """The sum of a year's values, exactly, or an error quoting them all."""
    total = Decimal(0)
    try:
        for entry in entries:
            total = EXACT.add(total, entry.value)
    except decimal.DecimalException:
        listed = ", ".join(f"{shown(e.text)} ({e.place.at()})" for e in entries)
        _fail(
            entries[0].place,
            "primaryValue",
            f"the values of {year} do not add up to an exact sum of at most "
            f"{MAX_DIGITS} significant digits below 1E+{EMAX + 1}: {listed}",
        )
    return total


def _basis(flow: str, cif: str | None, fob: str | None) -> str:
    """How a row's primaryValue is valued: as usual, unless only the other is given."""
    if flow == "X":
        return "CIF" if not fob and cif else "FOB"
    return "FOB" if not cif and fob else "CIF"


# -- the whole file --------------------------------------------------------------


class _Reading:
    """Rows kept from one file, with counts for the error messages."""

    def __init__(
        self, reporter_codes: frozenset[str], partner_codes: frozenset[str]
    ) -> None:
        self.reporter_codes = reporter_codes
        self.partner_codes = partner_codes
        #: Rows read, the pair's rows, their breakdowns, and the rows of
        #: the reverse pair (partner reporting on reporter).
        self.rows = 0
        self.pair_rows = 0
        self.breakdowns = 0
        self.reverse_rows = 0
        #: (year, flow, month) -> entry; month 0 is a whole year.
        self.entries: dict[tuple[int, str, int], _Entry] = {}
        #: (year, flow) -> the first row's place and frequency.
        self.frequency: dict[tuple[int, str], tuple[str, _Place]] = {}

    def read(self, rows: Iterator[Row], flows: tuple[str, ...]) -> None:
        """Check and keep the national totals of ``flows`` for the pair.

        ``rows`` are the pair's rows; the reader that yields them counts the
        others in :attr:`rows` and :attr:`reverse_rows`.
        """
        for place, required, optional in rows:
            freq, year_text, period, _, _, flow, text = required
            self.pair_rows += 1
            if flow not in FLOW_CODES:
                _fail(
                    place,
                    "flowCode",
                    f"unknown flow code {shown(flow)}: expected one of UN Comtrade's "
                    + ", ".join(map(repr, FLOW_CODES)),
                )
            cmd, p2, mot, customs, cif, fob = optional
            if (
                (cmd is not None and cmd != "TOTAL")
                or (p2 is not None and p2 != "0")
                or (mot is not None and mot != "0")
                or (customs is not None and customs != "C00")
            ):
                self.breakdowns += 1
                continue
            if flow not in flows:
                continue
            year = _year(place, year_text)
            month = _month(place, freq, year_text, period)
            self._keep(
                (year, flow, month),
                freq,
                _Entry(_value(place, text), text, _basis(flow, cif, fob), place),
            )

    def _keep(self, key: tuple[int, str, int], freq: str, entry: _Entry) -> None:
        year, flow, month = key
        first_freq, first_place = self.frequency.setdefault(
            (year, flow), (freq, entry.place)
        )
        if first_freq != freq:
            _fail(
                entry.place,
                "freqCode",
                f"{year} {_FLOW_NAMES[flow]} ({flow}) have annual and monthly rows "
                f"(this one is {shown(freq)}, {first_place.at()} is {shown(first_freq)}): "
                "read annual and monthly data from separate files",
            )
        known = self.entries.get(key)
        if known is None:
            self.entries[key] = entry
        elif known.value != entry.value:
            when = f"{year}" if month == 0 else f"{year}-{month:02d}"
            _fail(
                entry.place,
                "primaryValue",
                f"a second national-total row for {when} {_FLOW_NAMES[flow]} ({flow}) "
                f"with {shown(entry.text)}, but {known.place.at()} has {shown(known.text)}: "
                "the file holds conflicting duplicates",
            )


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
    """The yearly values built from a reading, and what was left out."""

    values: dict[int, Money]
    left_out: list[str]
    from_months: list[int]
    #: flow -> basis -> the years valued on that basis
    bases: dict[str, dict[str, set[int]]]


def _year_entries(
    entries: Mapping[tuple[int, str, int], _Entry], year: int, flow: str
) -> list[_Entry] | frozenset[int] | None:
    """One year's entries of a flow; the months found when incomplete, or None."""
    annual = entries.get((year, flow, 0))
    if annual is not None:
        return [annual]
    months = {
        month: entry
        for month in _ALL_MONTHS
        if (entry := entries.get((year, flow, month))) is not None
    }
    if months.keys() == _ALL_MONTHS:
        return list(months.values())
    return frozenset(months) or None


def _years(
    entries: Mapping[tuple[int, str, int], _Entry], flows: tuple[str, ...]
) -> _Years:
    built = _Years({}, [], [], {flow: {} for flow in flows})
    for year in sorted({key[0] for key in entries}):
        found: dict[str, list[_Entry]] = {}
        problems: dict[str, frozenset[int] | None] = {}
        for flow in flows:
            got = _year_entries(entries, year, flow)
            if isinstance(got, list):
                found[flow] = got
            else:
                problems[flow] = got
        if problems:
            built.left_out.append(f"{year}: {_gaps(problems)}; left out")
            continue
        for flow, flow_entries in found.items():
            for entry in flow_entries:
                built.bases[flow].setdefault(entry.basis, set()).add(year)
        total = _exact_sum(year, [e for got in found.values() for e in got])
        built.values[year] = Money(total, "USD")
        if any(len(flow_entries) > 1 for flow_entries in found.values()):
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


def _codes(country: Country) -> frozenset[str]:
    """The codes Comtrade may use for a country, as text."""
    codes = {str(country.numeric)}
    own = COMTRADE_CODES.get(country.alpha2)
    if own is not None:
        codes.add(str(own))
    return frozenset(codes)


def _describe(country: Country) -> str:
    """``Kazakhstan (398)``, ``United States (840 or 842)``."""
    return f"{country.name()} ({' or '.join(sorted(_codes(country)))})"


def _nothing_found(
    reading: _Reading, reporter: Country, partner: Country, wanted: str
) -> str:
    message = (
        f"no national-total {wanted} rows reported by {_describe(reporter)} for "
        f"partner {_describe(partner)}: {reading.rows} rows read, "
        f"{reading.pair_rows} of them for this pair"
    )
    if reading.breakdowns:
        message += (
            f", {reading.breakdowns} of those breakdowns (cmdCode other than "
            "TOTAL, or partner2Code, motCode or customsCode other than 0, 0, C00)"
        )
    if reading.reverse_rows:
        message += (
            f"; the file has {reading.reverse_rows} rows reported by "
            f"{partner.name()} for {reporter.name()}: use "
            f"reporter={shown(partner.alpha2)}, partner={shown(reporter.alpha2)} for that view"
        )
    return message


def _read_file(file: str, reading: _Reading, flows: tuple[str, ...]) -> None:
    """Read the rows of a ``.csv`` or ``.json`` file into ``reading``, streaming."""
    rows = _csv_rows if file.lower().endswith(".csv") else _json_rows
    try:
        with open_text(file) as stream:
            reading.read(rows(stream, reading), flows)
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


def read_comtrade(
    path: StrPath,
    reporter: CountryLike,
    partner: CountryLike,
    *,
    metric: TradeMetric | str = TradeMetric.TURNOVER,
    accessed: dt.date | str | None = None,
) -> TradeSeries:
    """Read a UN Comtrade CSV export or API JSON file into a TradeSeries.

    This is :meth:`TradeSeries.from_comtrade <bilat.TradeSeries.from_comtrade>`;
    the module notes above say which rows are kept and how years are built.

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
    file = as_path(path)
    suffix = Path(file).suffix
    if suffix.lower() not in _SUFFIXES:
        raise InvalidOptionError("file suffix", suffix, _SUFFIXES)
    reporter_country, partner_country = Country(reporter), Country(partner)
    if reporter_country == partner_country:
        raise ValidationError(
            [("partner", f"{shown(partner_country)} is the reporter: expected another")]
        )
    chosen = as_metric(metric)
    accessed_on = as_optional_date(accessed, "accessed")
    flows = _METRIC_FLOWS[chosen]
    wanted = " and ".join(flows)

    reading = _Reading(_codes(reporter_country), _codes(partner_country))
    _read_file(file, reading, flows)
    if not reading.entries:
        message = _nothing_found(reading, reporter_country, partner_country, wanted)
        raise ValidationError(message, file=file)
    try:
        built = _years(reading.entries, flows)
    except ValidationError as e:
        raise ValidationError(e.problems, file=file) from None
    if not built.values:
        raise ValidationError(
            f"no year with complete {wanted} data reported by "
            f"{_describe(reporter_country)} for partner {_describe(partner_country)}: "
            + ". ".join(built.left_out),
            file=file,
        )

    basis = " + ".join(_basis_text(flow, built.bases[flow]) for flow in flows)
    sentences = [f"{basis}, as reported by {reporter_country.name()}"]
    if built.from_months:
        years = ", ".join(map(str, built.from_months))
        sentences.append(f"Summed from twelve monthly figures: {years}")
    sentences.extend(built.left_out)
    name = Path(file).name
    if built.left_out:
        warnings.warn(
            IncompleteDataWarning(
                f"{name}: {reporter_country.name()}'s {chosen.value} with "
                f"{partner_country.name()}: " + ". ".join(built.left_out)
            ),
            stacklevel=3,  # the caller of TradeSeries.from_comtrade
        )
    source = Source(
        f"UN Comtrade: {name}",
        publisher=_PUBLISHER,
        url=_URL,
        accessed=accessed_on,
        note=". ".join(sentences) + ".",
    )
    return TradeSeries(
        (reporter_country, partner_country),
        chosen,
        built.values,
        reporter=reporter_country,
        sources=(source,),
    )
