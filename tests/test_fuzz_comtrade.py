"""Fuzz tests of UN Comtrade files: damaged CSV and JSON never crash the reader.

:meth:`bilat.TradeSeries.from_comtrade` reads files downloaded from anywhere.
Whatever the bytes, it returns a series or raises a
:class:`bilat.ValidationError` that names the file and the place (``line 4,
column primaryValue``, ``data[2].refYear``), and, when a cell is refused,
quotes the cell; never a ``UnicodeDecodeError``, ``csv.Error``,
``json.JSONDecodeError`` or :mod:`decimal` signal.
"""

from __future__ import annotations

import csv
import io
import json
import re
import tempfile
import warnings
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from tests.fuzzing import (
    FUZZ,
    assert_names,
    damaged,
    fuzz,
    fuzz_texts,
    number_texts,
)
from tests.test_comtrade import HEADER, annual_kz_uz, json_record

from bilat import (
    BilatError,
    Country,
    IncompleteDataWarning,
    TradeSeries,
    ValidationError,
)
from bilat.io import read_comtrade

#: The records every test starts from (national totals, breakdowns, mirror).
RECORDS = annual_kz_uz()
#: The record whose cells are replaced: Kazakhstan's 2023 exports to Uzbekistan.
TARGET = 2
#: The columns whose refused cells the error must quote.
CHECKED = ("freqCode", "refYear", "period", "flowCode", "primaryValue")

#: Cells that break number, year and code handling.
NASTY_CELLS = (
    "",
    " ",
    "\u00a0",
    "1\u00a0000",
    "1 000",
    "1,5",
    "1.5.5",
    "1e999999999",
    "1e99999999999999999999",
    "-1E-999999999",
    "1E+999998",
    "9" * 61,
    "9" * 5000,
    "0." + "0" * 80 + "1",
    "NaN",
    "Infinity",
    "-0",
    "+1",
    "0x10",
    "Казахстан",
    "Узбекистан",
    "\ufeffX",
    "X\u00a0",
    "TOTAL ",
    "C00\u200b",
    "2023\u00a0",
    "٢٠٢٣",
    "２０２３",
    "0398",
    "398.0",
    "20231",
    "202313",
    "202300",
    "M",
    "A",
    "Q",
    "RX",
    "X",
    "\x00",
    '"',
    "\r\n",
    "\n",
    ",",
)

#: Byte strings inserted into whole files.
NASTY_BYTES = (
    b"\xef\xbb\xbf",
    b"\xff",
    b"\xc3",
    b"\xed\xa0\x80",
    b"\xc2\xa0",
    "Қазақстан".encode(),
    b"\x00",
    b'"',
    b",",
    b"\r",
    b"\n",
    b"\r\n",
    b"[",
    b"]",
    b"{",
    b"}",
    b":",
    b"null",
    b"NaN",
    b"-Infinity",
    b"1e999999999",
    b"1e99999999999999999999",
    b"9" * 5000,
    b"[" * 3000,
    b'{"a":' * 3000,
    b'"error": "Invalid period",',
    b'"data": [],',
)


def csv_bytes(
    records: list[dict[str, str]], header: list[str] = HEADER, *, bom: bool = True
) -> bytes:
    """A CSV export of ``records``, as the website writes it."""
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows([r.get(c, "") for c in header] for r in records)
    return ("\ufeff" if bom else "").encode() + out.getvalue().encode()


def json_bytes(records: list[str]) -> bytes:
    """An API v1 response around records written as JSON."""
    return (
        '{"elapsedTime": "0.73 secs", "count": '
        f'{len(records)}, "data": [' + ",\n".join(records) + '], "error": ""}'
    ).encode()


def read_every(data: bytes, suffix: str) -> tuple[TradeSeries | BilatError | None, str]:
    """Write ``data`` to a file and read every pair; the KZ–UZ series or the error.

    None when the file reads but holds no KZ–UZ series.
    """
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "TradeData" + suffix)
        path.write_bytes(data)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", IncompleteDataWarning)
            try:
                found = read_comtrade(path)
            except BilatError as e:
                return e, str(path)
    assert all(isinstance(s, TradeSeries) for s in found.values())
    return found.get((Country("KZ"), Country("UZ"))), str(path)


def read(data: bytes, suffix: str) -> tuple[TradeSeries | BilatError, str]:
    """Write ``data`` to a file and read it; the series or the error, and the file."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "TradeData" + suffix)
        path.write_bytes(data)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", IncompleteDataWarning)
            try:
                return TradeSeries.from_comtrade(path, "KZ", "UZ"), str(path)
            except BilatError as e:
                return e, str(path)


#: What a problem's place may be: a line, a record, or a field of the file.
PLACE = re.compile(
    r"line \d+(, column \w+)?|data(\[\d+\](\.\w+)?)?|error|\w+", re.ASCII
)
#: Problems of the whole file, which have no place.
WHOLE_FILE = (
    "no national-total ",
    "no year with complete ",
    "expected a UN Comtrade API response ",
    "invalid JSON: ",
)


def check_error(error: TradeSeries | BilatError, file: str) -> None:
    """A refusal is a ValidationError naming the file and where the problem is."""
    if isinstance(error, TradeSeries):
        return
    assert isinstance(error, ValidationError), f"{type(error).__name__}: {error}"
    assert error.file == file
    assert str(error).startswith(file)
    for place, message in error.problems:
        if place:
            assert PLACE.fullmatch(place), f"unclear place {place!r}: {message}"
        else:
            assert message.startswith(WHOLE_FILE), f"no place: {message}"


def check_quoted(error: TradeSeries | BilatError, column: str, value: str) -> None:
    """A refusal of the cell in ``column`` quotes ``value``."""
    if isinstance(error, TradeSeries) or column not in CHECKED:
        return
    assert isinstance(error, ValidationError)
    (place, _), *_ = error.problems
    if place.endswith((f"column {column}", f".{column}")):
        assert_names(error, value)


#: What damaged files get inserted or put in.
PIECES = st.one_of(
    st.sampled_from(NASTY_BYTES),
    st.binary(max_size=8),
    number_texts().map(str.encode),
    fuzz_texts().map(str.encode),
)


CELLS = st.one_of(st.sampled_from(NASTY_CELLS), number_texts(), fuzz_texts())
#: The columns whose cells are replaced: those read, and one that is not.
OTHERS = ("reporterCode", "partnerCode", "cmdCode", "partner2Code", "motCode")
COLUMNS = st.sampled_from(
    (*CHECKED, *OTHERS, "customsCode", "cifvalue", "fobvalue", "reporterDesc")
)


class TestCsvCells:
    """A cell of a national-total row replaced by anything."""

    @FUZZ
    @given(column=COLUMNS, value=CELLS, bom=st.booleans())
    def test_cell(self, column: str, value: str, bom: bool) -> None:
        """The file reads, or the error names the file, the place and the cell."""
        records = [dict(r) for r in RECORDS]
        records[TARGET][column] = value
        result, file = read(csv_bytes(records, bom=bom), ".csv")
        check_error(result, file)
        check_quoted(result, column, value)


class TestJsonCells:
    """A field of a national-total record replaced by a string or a raw value."""

    @FUZZ
    @given(column=COLUMNS, value=CELLS)
    def test_string(self, column: str, value: str) -> None:
        """The file reads, or the error names the file, the place and the value."""
        records = [json_record(r) for r in RECORDS]
        records[TARGET] = json_record(RECORDS[TARGET], {column: json.dumps(value)})
        result, file = read(json_bytes(records), ".json")
        check_error(result, file)
        check_quoted(result, column, value)

    @FUZZ
    @given(
        column=COLUMNS,
        raw=st.one_of(
            st.sampled_from(NASTY_BYTES).map(lambda b: b.decode(errors="replace")),
            number_texts(),
            st.sampled_from(("null", "true", "[]", "{}", '{"a": [1]}', "-0.0")),
        ),
    )
    def test_raw(self, column: str, raw: str) -> None:
        """A raw JSON token (or a broken one) in a field: read or refused cleanly."""
        records = [json_record(r) for r in RECORDS]
        records[TARGET] = json_record(RECORDS[TARGET], {column: raw})
        result, file = read(json_bytes(records), ".json")
        check_error(result, file)


class TestHeader:
    """The CSV header with columns dropped, renamed, repeated or reordered."""

    @FUZZ
    @given(
        header=st.lists(
            st.one_of(st.sampled_from(HEADER), fuzz_texts()), min_size=0, max_size=50
        ),
    )
    def test_columns(self, header: list[str]) -> None:
        """Missing columns are named; anything else reads or is refused cleanly."""
        result, file = read(csv_bytes(RECORDS, header), ".csv")
        check_error(result, file)
        if isinstance(result, ValidationError) and "missing column" in str(result):
            assert all(
                name in str(result)
                for name in ("freqCode", "refYear", "period", "primaryValue")
                if name not in {h.strip() for h in header}
            )


class TestDamagedFiles:
    """Whole files truncated, with bytes deleted, inserted or replaced."""

    @FUZZ
    @given(data=damaged(csv_bytes(RECORDS), PIECES))
    def test_csv(self, data: bytes) -> None:
        """A damaged CSV export reads or is refused with the file and the place."""
        result, file = read(data, ".csv")
        check_error(result, file)

    @FUZZ
    @given(data=damaged(json_bytes([json_record(r) for r in RECORDS]), PIECES))
    def test_json(self, data: bytes) -> None:
        """A damaged API response reads or is refused with the file and the place."""
        result, file = read(data, ".json")
        check_error(result, file)


class TestEveryPair:
    """read_comtrade, every pair at once, on the same damaged files and cells."""

    @fuzz(100)
    @given(data=damaged(csv_bytes(RECORDS), PIECES))
    def test_csv(self, data: bytes) -> None:
        """A damaged CSV export reads or is refused with the file and the place."""
        result, file = read_every(data, ".csv")
        if result is not None:
            check_error(result, file)

    @fuzz(100)
    @given(data=damaged(json_bytes([json_record(r) for r in RECORDS]), PIECES))
    def test_json(self, data: bytes) -> None:
        """A damaged API response reads or is refused with the file and the place."""
        result, file = read_every(data, ".json")
        if result is not None:
            check_error(result, file)

    @fuzz(100)
    @given(column=COLUMNS, value=CELLS, bom=st.booleans())
    def test_cell(self, column: str, value: str, bom: bool) -> None:
        """A refused cell of a national total is named and quoted."""
        records = [dict(r) for r in RECORDS]
        records[TARGET][column] = value
        result, file = read_every(csv_bytes(records, bom=bom), ".csv")
        if result is not None:
            check_error(result, file)
            check_quoted(result, column, value)
