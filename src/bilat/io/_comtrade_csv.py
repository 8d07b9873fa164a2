r"""UN Comtrade CSV exports, scanned a block of lines at a time.

The file is read 128 KiB of bytes at a time, decoded whole (so every byte
is checked to be UTF-8, a byte-order mark skipped) and split on ``\n``
into lines; the part of a line after the last line break waits for the
next block, and so does a record that goes on past the block (a quoted
cell with a line break: a block ends only where its quotes are even). Line
numbers count the line breaks before, so they are those of the file
whatever the block.

The loop over a block's lines does as little as it can, as most lines are
breakdowns: a line without quotes that lacks a national total's tokens
(``,TOTAL,`` and ``,C00,``) has only its commas counted, the field count
check; one that holds them is split on its commas, and its cells counted. A
line with quotes goes through :mod:`csv` when it may be a national total (a
cut last line always does). The rules are stated in
:mod:`bilat.io._comtrade`.
"""

from __future__ import annotations

import codecs
import csv
import operator
from typing import TYPE_CHECKING, BinaryIO, Final, NamedTuple, NoReturn

from bilat._errors import ValidationError, shown
from bilat.io._comtrade_rows import (
    _MAX_RECORD,
    _REQUIRED,
    _TOKEN_COLUMNS,
    _TOTALS,
    FLOW_CODES,
    _fail,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from typing import TextIO

    from bilat._progress import Bar
    from bilat.io._comtrade_rows import _Collector

#: Bytes read from the file at a time.
_BLOCK: Final = 1 << 17


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
    #: Whether a cell read is the last of its line (which may end with "\r").
    last_read: bool


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
    read = {index[name] for name in _REQUIRED} | {i for i, _ in present}
    read |= {index[name] for name in ("cifvalue", "fobvalue") if name in index}
    return _Layout(
        width,
        operator.itemgetter(*(index[name] for name in _REQUIRED)),
        getter,
        totals,
        index.get("cifvalue"),
        index.get("fobvalue"),
        tokens,
        width - 1 in read,
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


def _joined(
    line: str, numbered: Iterator[tuple[int, str]], number: int
) -> tuple[str, int]:
    """The record that starts with ``line`` (an odd number of quotes).

    Takes its other lines from ``numbered``; returns the record's text, its
    lines joined, and its last line's number.
    """
    parts, quotes = [line], line.count('"')
    for end, more in numbered:
        parts.append(more)
        quotes += more.count('"')
        if not quotes & 1:
            return "\n".join(parts), end
    raise ValidationError(
        [(f"line {number}", "invalid CSV: a quoted field never ends")]
    )


class _Scan:
    """The national totals of a CSV file's lines, handed to a collector."""

    def __init__(self, layout: _Layout, collector: _Collector) -> None:
        self.layout = layout
        self.collector = collector
        self.commas = layout.width - 1
        # The tokens of cmdCode and customsCode; "" (in every line) when unused.
        (self.bare1, self.quoted1), (self.bare2, self.quoted2) = (
            *layout.tokens,
            ("", ""),
            ("", ""),
        )[:2]
        #: Flows of Comtrade's list that are not read: skipped unread.
        self.skipped = frozenset(FLOW_CODES) - set(collector.flows)

    def lines(self, lines: list[str], first: int, *, cut: bool = False) -> None:
        """Read whole records: ``lines[0]`` is line ``first`` of the file.

        ``cut``: the last line has no line break (the file's last line, maybe
        cut short). The loop runs once per line, so it does as little as it
        can: a line without quotes that lacks a national total's tokens has
        its commas counted (the field count checked); one that holds them is
        split, and its cells counted.
        """
        layout = self.layout
        width, commas = layout.width, self.commas
        required, breakdowns, totals = layout.required, layout.breakdowns, layout.totals
        cif_at, fob_at, last_read = layout.cif, layout.fob, layout.last_read
        bare1, bare2 = self.bare1, self.bare2
        quoted1, quoted2 = self.quoted1, self.quoted2
        skipped, take = self.skipped, self.collector.take
        last = first + len(lines) - 1 if cut else 0  # the line maybe cut short
        numbered = enumerate(lines, first)
        for start, line in numbered:
            if '"' in line:
                end = start
                if line.count('"') & 1:
                    line, end = _joined(line, numbered, start)  # noqa: PLW2901
                if end != last and (
                    (bare1 not in line and quoted1 not in line)
                    or (bare2 not in line and quoted2 not in line)
                ):
                    continue  # no national total (the last line, maybe cut, is read)
                row = _csv_cells(line, start)
                if len(row) != width:
                    if not row:
                        continue
                    self.wrong(start, len(row))
            elif bare1 in line and bare2 in line:
                row = line.split(",")
                if len(row) != width:
                    if not line.strip("\r"):
                        continue  # a blank line (a file without those columns)
                    self.wrong(start, len(row))
                if last_read:
                    row[-1] = row[-1].rstrip("\r")
            elif line.count(",") != commas:
                if line.strip("\r"):  # else a blank line
                    self.wrong(start, line.count(",") + 1)
                continue
            else:
                continue  # no national total
            if breakdowns is None or breakdowns(row) == totals:
                freq, year, period, reporter, partner, flow, text = required(row)
                if flow in skipped:
                    continue
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

    def wrong(self, number: int, found: int) -> NoReturn:
        """Refuse a line with another number of fields than the header."""
        _fail(
            f"line {number}",
            f"expected {self.layout.width} fields as in the header, found {found}",
        )


def _header(lines: list[str]) -> tuple[_Layout, int]:
    """The layout of the header record, and the index of the line after it."""
    if not lines:
        raise ValidationError(
            [("line 1", "empty file: expected a header of UN Comtrade columns")]
        )
    numbered = enumerate(lines, 1)
    _, text = next(numbered)
    after = 1
    if text.count('"') & 1:
        text, after = _joined(text, numbered, 1)
    return _layout(_csv_cells(text, 1)), after


def _open_record(lines: list[str]) -> int:
    """The index of the line where the record left open at the end starts."""
    start, odd = 0, False
    for i, line in enumerate(lines):
        if line.count('"') & 1:
            if not odd:
                start = i
            odd = not odd
    return start


def _too_long(number: int, start: str) -> NoReturn:
    if "\r" in start and '"' not in start:
        reason = (
            "its lines end with a lone carriage return (\\r): save the file "
            "with \\n or \\r\\n line ends"
        )
    else:
        reason = "a quoted field that is never closed, or not a UN Comtrade CSV file"
    _fail(
        f"line {number}",
        f"a record of more than {_MAX_RECORD:,} characters, starting "
        f"{shown(start[:60])}: {reason}",
    )


def read_csv(stream: BinaryIO, collector: _Collector, shown_bar: Bar) -> None:
    """Hand every national total of a CSV file (binary, from its start) to ``collector``.

    Raises:
        UnicodeDecodeError: a byte is not UTF-8 (the caller names it).
    """
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    carry = ""  # the start of a line not ended yet
    pending: list[str] = []  # the lines of a record not ended yet
    pending_quotes = 0
    number = 1  # the line number of lines[0]
    scan: _Scan | None = None
    while chunk := stream.read(_BLOCK):
        shown_bar.update(len(chunk))
        text = decoder.decode(chunk)
        lines = text.split("\n")
        if len(lines) == 1:
            carry += text
            if len(carry) > _MAX_RECORD:
                _too_long(number + len(pending), carry)
            continue
        last = lines.pop()
        quotes = carry.count('"') + text.count('"') - last.count('"')
        lines[0] = carry + lines[0]
        carry = last
        if pending:  # extended in place: a long record is not copied again
            pending.extend(lines)
            lines = pending
            quotes += pending_quotes
        if quotes & 1:  # a record goes on past the block
            pending, pending_quotes = lines, quotes
            if len(pending) > 1 and sum(map(len, pending)) > _MAX_RECORD:
                start = _open_record(pending)
                _too_long(number + start, pending[start])
            continue
        pending, pending_quotes = [], 0
        if scan is None:
            layout, after = _header(lines)
            scan = _Scan(layout, collector)
            lines = lines[after:]
            number += after
        scan.lines(lines, number)
        number += len(lines)
    carry += decoder.decode(b"", final=True)
    lines = [*pending, carry] if carry else pending
    if scan is None:
        layout, after = _header(lines)
        scan = _Scan(layout, collector)
        lines = lines[after:]
        number += after
    scan.lines(lines, number, cut=bool(carry))


# -- text streams, for the count of what a file holds ----------------------------


def _records(stream: TextIO) -> Iterator[tuple[int, str]]:
    r"""The CSV file's records as text, with their first line's number.

    A record is a line, or several when a quoted field holds a line break:
    a line with an odd number of quotes goes on to the next line. Lines end
    where the stream's do: ``\n`` only for the census (see
    :func:`bilat.io._comtrade._open`), as in :func:`read_csv`.
    """
    number = 0
    for line in stream:
        number += 1
        start = number
        if '"' in line and line.count('"') & 1:
            parts, quotes = [line], line.count('"')
            for more in stream:
                number += 1
                parts.append(more)
                quotes += more.count('"')
                if not quotes & 1:
                    break
            line = "".join(parts)  # noqa: PLW2901
        yield start, line


def _csv_header(records: Iterator[tuple[int, str]]) -> _Layout:
    first = next(records, None)
    if first is None:
        raise ValidationError(
            [("line 1", "empty file: expected a header of UN Comtrade columns")]
        )
    return _layout(_csv_cells(first[1], 1))
