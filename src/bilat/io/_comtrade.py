r"""UN Comtrade files: yearly trade between countries, as each reporter gives it.

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
Files are streamed: a CSV file 128 KiB of bytes at a time, cut into whole
lines (a record whose quoted cell holds a line break waits for its end),
and a JSON response record by record (each record is parsed whole by
:mod:`json`, the text around it is read 64 KiB at a time and dropped once
parsed). Only the national totals of the pairs read are kept, one entry per
pair, year, flow and month, so memory grows with the pairs and years kept,
not with the file. A CSV line ends with ``\n`` or ``\r\n``; a lone ``\r``
is a character of its line (Comtrade writes none). A line without quotes is
split on its commas when it holds a ``TOTAL`` and a ``C00`` cell, its cells
then counted; any other has its commas counted, so that every such line's
field count is checked. A line with quotes goes through :mod:`csv`, unless
it cannot be a national total because its text lacks a ``TOTAL`` or ``C00``
cell. The details are in :mod:`bilat.io._comtrade_csv` and
:mod:`bilat.io._comtrade_json`. The response's other fields (``count``,
``error`` …) are read whole; ``error`` may stand before or after ``data``,
and when it is not empty the file is refused as an error response, unless a
record before it was refused first. A field given twice is an error, where
:func:`json.loads` would keep the last.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import operator
import os
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TypeAlias

from bilat._country import Country, CountryLike
from bilat._errors import (
    IncompleteDataWarning,
    InvalidOptionError,
    ValidationError,
    count_of,
    shown,
)
from bilat._fields import as_items, as_optional_date
from bilat._fs import as_path, open_regular
from bilat._progress import Bar, bar, check_progress
from bilat._series import TradeMetric, as_metric
from bilat._source import Source
from bilat._trade_series import TradeSeries
from bilat.io._areas import codes_for
from bilat.io._comtrade_csv import _csv_cells, _csv_header, _records, read_csv
from bilat.io._comtrade_json import _json_rows, _json_text, _national, read_json
from bilat.io._comtrade_rows import (
    _CHUNK,
    _METRIC_FLOWS,
    _SOURCE,
    FLOW_CODES,
    _Collector,
    _Files,
    _months,
    _Pair,
    _Skip,
)
from bilat.io._comtrade_years import _basis_text, _Years, _years

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Mapping

__all__ = ["FLOW_CODES", "read_comtrade", "read_pair"]

StrPath: TypeAlias = str | os.PathLike[str]


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
_NAMED: Final = 5


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
    r"""The file as UTF-8 text (a byte-order mark skipped), counted on ``shown``.

    Lines end at ``\n`` only, untranslated, as in the CSV block reader: a
    lone ``\r`` is text of its line, so the census counts the records the
    reader read.
    """
    binary: Any = open_regular(file)
    if shown.shown:
        binary = io.BufferedReader(_Counted(binary, shown), _CHUNK)
    return io.TextIOWrapper(binary, encoding="utf-8-sig", newline="\n")


def _read_file(file: str, source: int, collector: _Collector, shown: Bar) -> None:
    """Read the national totals of a ``.csv`` or ``.json`` file, streaming."""
    collector.source = source
    try:
        if collector.files.json[source]:
            with _open(file, shown) as stream:
                read_json(stream, collector)
        else:
            with open_regular(file) as binary:
                read_csv(binary, collector, shown)
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
        f"partner {_describe(partner)}: {count_of(rows, 'row')} read, "
        f"{pair_rows} of them for this pair"
    )
    if breakdowns:
        message += (
            f", {breakdowns} of those breakdowns (cmdCode other than "
            "TOTAL, or partner2Code, motCode or customsCode other than 0, 0, C00)"
        )
    if reverse:
        message += (
            f"; the file has {count_of(reverse, 'row')} reported by "
            f"{partner.name()} for {reporter.name()}: use "
            f"reporter={shown(partner.alpha2)}, partner={shown(reporter.alpha2)} for that view"
        )
    return message


# -- years -----------------------------------------------------------------------


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
        # Checked when read: two distinct countries, years 0001-9999 in
        # order, USD values each an exact sum in range, the reporter a party.
        return TradeSeries._trusted(
            (reporter, partner),
            self.metric,
            built.values,
            reporter,
            (self.source(pair, built),),
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
    if not built and empty:
        raise ValidationError(
            f"no year with complete {wanted} data for any pair of countries: "
            f"{len(empty)} {'pair' if len(empty) == 1 else 'pairs'} with no "
            f"complete year: {_listed(empty)}",
            file=one_file,
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
    message = (
        f"no national-total {wanted} rows of a pair of countries: "
        f"{count_of(census.rows, 'row')} read"
    )
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
            message += f", {count_of(count, 'national total')} {what}"
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
                f"{count_of(years, 'year')} left out of "
                f"{count_of(len(short), 'series', 'series')}, where months or a "
                "flow are missing; each series' source note names its years, such as "
                f"{_view(example, metric)}: {short[example][0]}"
            )
        if empty:
            are = "is" if len(empty) == 1 else "are"
            parts.append(
                f"{count_of(len(empty), 'pair')} with no complete year of "
                f"{metric.value} {are} not in the result: {_listed(empty)}"
            )
        message = f"{names}: " + ". ".join(parts)
        warnings.warn(IncompleteDataWarning(message), stacklevel=stacklevel)
    unknown = collector.unknown_codes() if collector.every else {}
    if unknown:
        listed = _listed(
            [
                f"{shown(text)} ({count_of(rows, 'row')})"
                for text, rows in unknown.items()
            ]
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
