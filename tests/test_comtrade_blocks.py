"""The CSV scan of UN Comtrade files is the same whatever block it reads at a time.

A CSV export is read a large block of bytes at a time; lines, records with
a line break in a quoted cell, ``\\r\\n`` line ends and UTF-8 characters may
all be cut by a block's end. Reading with tiny blocks must give the very
series, or the very error, that one block holding the whole file gives.
"""

from __future__ import annotations

import io
import json
import tempfile
import warnings
from pathlib import Path
from typing import ClassVar
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.fuzzing import damaged, fuzz
from tests.test_comtrade import KZ, KZ_TURNOVER, UZ, annual_kz_uz, record
from tests.test_fuzz_comtrade import PIECES, csv_bytes
from tests.values import amounts

from bilat import IncompleteDataWarning, ValidationError
from bilat.io import _comtrade_csv, _comtrade_json, _comtrade_rows, read_comtrade

#: Records with quoted cells: commas, quotes, line breaks, other scripts.
RECORDS = [
    *annual_kz_uz(),
    record("X", "5", cmd="27"),  # a quoted breakdown
    record("X", "7", year=2021, reporterDesc="Қазақстан, Республика"),
    record("M", "8", year=2021, partnerDesc='The "Uzbek"\r\nRepublic'),
]


def outcome(data: bytes, block: int) -> object:
    """Every pair read from ``data`` with blocks of ``block`` bytes, or the error."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "TradeData.csv")
        path.write_bytes(data)
        with (
            mock.patch.object(_comtrade_csv, "_BLOCK", block),
            warnings.catch_warnings(),
        ):
            warnings.simplefilter("ignore", IncompleteDataWarning)
            try:
                found = read_comtrade(path)
            except ValidationError as e:
                return "error", list(e.problems)
    return {
        key: (amounts(series), series.sources[0].note) for key, series in found.items()
    }


class TestAnyBlockSize:
    """Tiny blocks read as one block does."""

    @fuzz(60)
    @given(
        data=damaged(csv_bytes(RECORDS), PIECES),
        block=st.sampled_from([1, 2, 3, 5, 8, 64, 333]),
    )
    def test_damaged_files(self, data: bytes, block: int) -> None:
        """Any file, damaged or not: the same series or the same error.

        A file that is not UTF-8 is refused whatever the blocks; which of
        its problems is met first (the bad byte, or a bad header or row
        before it) depends on where the blocks end.
        """
        small, whole = outcome(data, block), outcome(data, 1 << 30)
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            assert isinstance(small, tuple)
            assert isinstance(whole, tuple)
            assert small[0] == whole[0] == "error"
        else:
            assert small == whole

    @pytest.mark.parametrize("block", [1, 2, 7, 100])
    def test_quoted_cells(self, block: int) -> None:
        """Quoted cells over block ends: the sums of the national totals."""
        found = outcome(csv_bytes(RECORDS), block)
        assert isinstance(found, dict)
        # 2021: 7 + 8; 2022 and 2023 as the annual records say.
        assert found[KZ, UZ][0] == {2021: 15, **KZ_TURNOVER}


class TestPlaces:
    """Line numbers and byte offsets count from the start of the file."""

    def test_line_after_a_line_break_in_a_cell(self) -> None:
        """A record after a quoted line break, in a later block, has its own line."""
        rows = [record("X", "1000", partnerDesc="two\nlines"), record("M", "oops")]
        found = outcome(csv_bytes(rows), 16)
        assert found == (
            "error",
            [
                (
                    "line 4, column primaryValue",
                    "expected a number such as '1234567.89', got 'oops'",
                )
            ],
        )

    def test_byte_not_utf8_in_a_later_block(self) -> None:
        """A byte that is not UTF-8, in a later block, is named by its line and offset."""
        data = csv_bytes(annual_kz_uz())
        at = data.index(b"Uzbekistan", data.index(b"\n", data.index(b"\n") + 1))
        line = data.count(b"\n", 0, at) + 1
        found = outcome(data[:at] + b"\xff" + data[at + 1 :], 8)
        assert found == (
            "error",
            [(f"line {line}", f"not UTF-8 text: byte {at} is b'\\xff'")],
        )


class TestLineEnds:
    """Lines end with \\n or \\r\\n; a lone \\r is a character of its line."""

    def test_lone_carriage_return_in_a_cell(self) -> None:
        """A lone \\r in a cell not read leaves the line and its values whole."""
        data = csv_bytes(annual_kz_uz()).replace(b"Kazakhstan", b"Kazakh\rstan", 1)
        found = outcome(data, 1 << 20)
        assert isinstance(found, dict)
        assert found[KZ, UZ][0] == KZ_TURNOVER

    def test_crlf_cut_by_a_block(self) -> None:
        """\\r\\n ends read alike whichever byte a block ends on."""
        data = csv_bytes(annual_kz_uz())
        assert b"\r\n" in data
        expected = outcome(data, 1 << 20)
        assert all(outcome(data, block) == expected for block in range(1, 12))


class TestLongRecords:
    """A record longer than any Comtrade writes is refused before it fills memory."""

    HEADER = "freqCode,refYear,period,reporterCode,partnerCode,flowCode,primaryValue"
    ROW = "A,2023,2023,398,860,X,100"

    def refused(self, tmp_path: Path, text: str) -> str:
        path = tmp_path / "long.csv"
        path.write_bytes(text.encode())
        with (
            mock.patch.object(_comtrade_csv, "_MAX_RECORD", 10_000),
            pytest.raises(ValidationError) as info,
        ):
            read_comtrade(path)
        return str(info.value)

    def test_lone_carriage_returns(self, tmp_path: Path) -> None:
        """Lines ended by a lone \\r make one long line, named with the fix."""
        message = self.refused(tmp_path, "\r".join([self.HEADER] + [self.ROW] * 2000))
        assert "line 1:" in message
        assert "lone carriage return" in message
        assert "more than 10,000 characters" in message

    def test_quote_never_closed(self, tmp_path: Path) -> None:
        """A quote left open is named at the line where its record starts."""
        lines = [self.HEADER, self.ROW, 'A,"2023', *[self.ROW] * 2000]
        message = self.refused(tmp_path, "\n".join(lines))
        assert "line 3:" in message
        assert "never closed" in message
        assert "'A,\"2023'" in message


class _CountedText(io.StringIO):
    """A text stream that counts the reads made of it."""

    reads = 0

    def read(self, size: int | None = -1, /) -> str:
        self.reads += 1
        return super().read(size)


class TestLongJsonValues:
    """A JSON value too long for a Comtrade record is refused; reading one is linear."""

    FIELDS: ClassVar = dict.fromkeys(_comtrade_rows._REQUIRED, "1")

    def test_long_record_refused(self, tmp_path: Path) -> None:
        """A record past the limit is named by its line and column, with the limit."""
        record_text = json.dumps({**self.FIELDS, "note": "x" * 20_000})
        path = tmp_path / "long.json"
        path.write_text('{"count": 1, "data": [' + record_text + "]}")
        with (
            mock.patch.object(_comtrade_json, "_MAX_RECORD", 10_000),
            mock.patch.object(_comtrade_json, "_CHUNK", 1_000),
            pytest.raises(ValidationError) as info,
        ):
            read_comtrade(path)
        assert info.value.file == str(path)
        # '{"count": 1, "data": [' is 22 characters: the record starts at 23.
        assert info.value.path == "line 1, column 23"
        assert "a JSON value of more than 10,000 characters" in str(info.value)
        assert "expected UN Comtrade records" in str(info.value)

    def test_record_at_the_limit_reads(self, tmp_path: Path) -> None:
        """A record of exactly the limit's length, read in small pieces, is kept."""
        record_text = json.dumps({**self.FIELDS, "note": ""})
        record_text = json.dumps(
            {**self.FIELDS, "note": "x" * (10_000 - len(record_text))}
        )
        assert len(record_text) == 10_000
        stream = io.StringIO("[" + record_text + "]")
        with (
            mock.patch.object(_comtrade_json, "_MAX_RECORD", 10_000),
            mock.patch.object(_comtrade_json, "_CHUNK", 7),
        ):
            records = list(_comtrade_json._json_rows(stream))
        assert [json.dumps(r) for _, r in records] == [record_text]

    def test_long_value_read_in_few_pieces(self) -> None:
        """A value cut many times is read again with twice the text, not one chunk more."""
        note = "x" * 5_000
        stream = _CountedText(json.dumps([{**self.FIELDS, "note": note}]))
        with mock.patch.object(_comtrade_json, "_CHUNK", 7):
            records = list(_comtrade_json._json_rows(stream))
        assert [r["note"] for _, r in records] == [note]
        # 7 characters, then doubling: 2**10 * 7 > 5,000 within a dozen reads
        # (one more chunk per retry would need over 700).
        assert stream.reads < 20
