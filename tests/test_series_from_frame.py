"""bilat.io.series_from_frame: the same series from every engine as from the file."""

from __future__ import annotations

import csv
import sys
import warnings
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa  # type: ignore[import-untyped]
import pyarrow.csv as pa_csv  # type: ignore[import-untyped]
import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.fuzzing import fuzz
from tests.values import amount_at, amounts

from bilat import (
    ArgumentTypeError,
    Country,
    IncompleteDataWarning,
    MissingExtraError,
    Money,
    Source,
    TradeSeries,
    ValidationError,
)
from bilat.io import read_comtrade, series_from_frame

HEADER = (
    "freqCode",
    "refYear",
    "period",
    "reporterCode",
    "partnerCode",
    "flowCode",
    "cmdCode",
    "partner2Code",
    "motCode",
    "customsCode",
    "primaryValue",
)

KZ, UZ, US, FR, KG = (Country(c) for c in ("KZ", "UZ", "US", "FR", "KG"))


def row(
    reporter: int,
    partner: int,
    year: int,
    flow: str,
    value: str,
    *,
    month: int = 0,
    cmd: str = "TOTAL",
    p2: str = "0",
    mot: str = "0",
    customs: str = "C00",
) -> tuple[str, ...]:
    """One Comtrade record, every cell as text (as in the CSV export)."""
    period = f"{year}{month:02d}" if month else f"{year}"
    return (
        "M" if month else "A",
        str(year),
        period,
        str(reporter),
        str(partner),
        flow,
        cmd,
        p2,
        mot,
        customs,
        value,
    )


def held_rows() -> list[tuple[str, ...]]:
    """A small table with breakdowns, months, duplicates, aggregates, both codes."""
    rows = [
        # Kazakhstan (398) on Uzbekistan (860): two annual years.
        row(398, 860, 2021, "X", "1200000000.25"),
        row(398, 860, 2021, "M", "800000000"),
        row(398, 860, 2022, "X", "1500000000"),
        row(398, 860, 2022, "X", "1500000000"),  # an equal duplicate
        row(398, 860, 2022, "M", "900000000.5"),
        # Breakdowns and parts of flows: never added.
        row(398, 860, 2022, "X", "700000000", cmd="27"),
        row(398, 860, 2022, "X", "10", p2="76"),
        row(398, 860, 2022, "M", "20", mot="2100"),
        row(398, 860, 2022, "M", "30", customs="C01"),
        row(398, 860, 2022, "RX", "40"),
        row(398, 860, 2022, "RM", "50"),
        # Aggregates: World (0) and Areas nes (899) as partners or reporter.
        row(398, 0, 2022, "X", "99000000000"),
        row(398, 899, 2022, "M", "123"),
        row(0, 860, 2022, "X", "456"),
        # The United States under both codes (842 and 840) on Kazakhstan.
        row(842, 398, 2022, "X", "1100000000"),
        row(840, 398, 2022, "M", "300000000.75"),
        row(840, 398, 2022, "X", "1100000000"),  # the same row under 840
        # France (251) on Kazakhstan: exports only, so no turnover year.
        row(251, 398, 2022, "X", "5"),
        # Kyrgyzstan on Kazakhstan: 2022 lacks imports, 2023 is whole.
        row(417, 398, 2022, "X", "70"),
        row(417, 398, 2023, "X", "71"),
        row(417, 398, 2023, "M", "72.5"),
    ]
    # Uzbekistan on Kazakhstan, monthly: 2023 complete, 2024 months 1-9 only.
    for month in range(1, 13):
        rows.append(row(860, 398, 2023, "X", f"{100 + month}.5", month=month))
        rows.append(row(860, 398, 2023, "M", f"{200 + month}", month=month))
        rows.append(row(860, 398, 2023, "X", "1", month=month, cmd="01"))
    rows.append(row(860, 398, 2023, "M", "203", month=3))  # an equal duplicate
    for month in range(1, 10):
        rows.append(row(860, 398, 2024, "X", "1000", month=month))
        rows.append(row(860, 398, 2024, "M", "2000", month=month))
    return rows


#: The turnover series of the held rows, worked out by hand.
EXPECTED_TURNOVER = {
    (KZ, UZ): {2021: Decimal("2000000000.25"), 2022: Decimal("2400000000.5")},
    (US, KZ): {2022: Decimal("1400000000.75")},
    (Country("KG"), KZ): {2023: Decimal("143.5")},
    # exports 12 * 100.5 + (1 + ... + 12) = 1206 + 78 = 1284,
    # imports 12 * 200 + 78 = 2478
    (UZ, KZ): {2023: Decimal(1284 + 2478)},
}


def write_csv(path: Path, rows: list[tuple[str, ...]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


@pytest.fixture(scope="module")
def held_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_csv(tmp_path_factory.mktemp("frames") / "held.csv", held_rows())


def _duckdb(path: Path, *, text: bool) -> Any:
    return duckdb.connect().read_csv(str(path), all_varchar=text)


#: Each engine's own CSV reader, with its types inferred and with all text.
LOADERS: dict[str, Callable[[Path], object]] = {
    "pandas": pd.read_csv,
    "pandas text": lambda p: pd.read_csv(p, dtype=str, keep_default_na=False),
    "polars": pl.read_csv,
    "polars text": lambda p: pl.read_csv(p, infer_schema=False),
    "polars lazy": pl.scan_csv,
    "polars lazy text": lambda p: pl.scan_csv(p, infer_schema=False),
    "pyarrow": pa_csv.read_csv,
    "pyarrow text": lambda p: pa_csv.read_csv(
        p,
        convert_options=pa_csv.ConvertOptions(
            column_types=dict.fromkeys(HEADER, pa.string())
        ),
    ),
    "duckdb": lambda p: _duckdb(p, text=False),
    "duckdb text": lambda p: _duckdb(p, text=True),
}


def from_file(
    path: Path, pairs: list[tuple[Country, Country]] | None, metric: str
) -> dict[tuple[Country, Country], TradeSeries]:
    """The file reader's series, for ``pairs`` or for every pair."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", IncompleteDataWarning)
        return read_comtrade(path, pairs, metric)


def same_series(left: TradeSeries, right: TradeSeries) -> bool:
    """Equal values, parties, reporter and metric (the sources name their origin)."""
    return (
        left.values == right.values
        and left.parties == right.parties
        and left.reporter == right.reporter
        and left.metric == right.metric
    )


def quietly(frame: object, **kwargs: Any) -> dict[tuple[Country, Country], TradeSeries]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", IncompleteDataWarning)
        return series_from_frame(frame, **kwargs)


class TestEveryEngine:
    """The held table gives the same series in every engine as from the file."""

    @pytest.mark.parametrize("engine", sorted(LOADERS))
    def test_turnover_by_hand(self, engine: str, held_csv: Path) -> None:
        """Every pair's turnover is the sum worked out by hand."""
        found = quietly(LOADERS[engine](held_csv))
        assert {pair: amounts(s) for pair, s in found.items()} == EXPECTED_TURNOVER
        for (reporter, _), series in found.items():
            assert series.reporter == reporter
            assert all(m.currency.code == "USD" for m in series.values.values())

    @pytest.mark.parametrize("metric", ["turnover", "exports", "imports"])
    @pytest.mark.parametrize("engine", sorted(LOADERS))
    def test_same_as_the_file(self, engine: str, metric: str, held_csv: Path) -> None:
        """The same pairs, in the same order, as read_comtrade, with equal series."""
        found = quietly(LOADERS[engine](held_csv), metric=metric)
        expected = from_file(held_csv, None, metric)
        assert list(found) == list(expected)
        for pair, series in found.items():
            assert same_series(series, expected[pair]), pair

    @pytest.mark.parametrize("engine", sorted(LOADERS))
    def test_pairs_chosen(self, engine: str, held_csv: Path) -> None:
        """With pairs=, exactly those pairs come back, in that order."""
        pairs = [(US, KZ), (KZ, UZ)]
        found = series_from_frame(LOADERS[engine](held_csv), pairs=pairs)
        assert list(found) == pairs
        expected = from_file(held_csv, pairs, "turnover")
        assert all(same_series(found[p], expected[p]) for p in pairs)

    def test_exports_include_exports_only_pairs(self, held_csv: Path) -> None:
        """France reports exports only: it has an exports series, no turnover."""
        exports = quietly(pl.read_csv(held_csv), metric="exports")
        assert exports[FR, KZ].values == {2022: Money("5", "USD")}
        assert (FR, KZ) not in quietly(pl.read_csv(held_csv))


class TestIncompleteYears:
    """Years without all twelve months or without a flow are left out and named."""

    def test_warning_and_note(self, held_csv: Path) -> None:
        """The warning and the note name the months present."""
        with pytest.warns(IncompleteDataWarning, match=r"2024: months 1–9 only"):
            found = series_from_frame(pl.read_csv(held_csv), pairs=[(UZ, KZ)])
        note = found[UZ, KZ].sources[0].note
        assert note is not None
        assert "Summed from twelve monthly figures: 2023" in note
        assert "2024: months 1–9 only; left out" in note

    def test_pair_without_complete_year_asked_for(self, held_csv: Path) -> None:
        """A pair asked for whose every year is incomplete is an error."""
        with pytest.raises(ValidationError, match=r"no year with complete X and M"):
            series_from_frame(pl.read_csv(held_csv), pairs=[(FR, KZ)])

    def test_pair_without_rows_asked_for(self, held_csv: Path) -> None:
        """A pair asked for that the frame lacks is an error naming it."""
        with pytest.raises(ValidationError, match=r"no national-total X and M rows"):
            series_from_frame(pl.read_csv(held_csv), pairs=[(KZ, Country("CN"))])

    def test_pairs_without_complete_year_left_out(self, held_csv: Path) -> None:
        """With pairs=None, France (exports only) is left out and named."""
        with pytest.warns(IncompleteDataWarning, match=r"France–Kazakhstan"):
            found = series_from_frame(pl.read_csv(held_csv))
        assert (FR, KZ) not in found


def frame_of(rows: list[tuple[str, ...]]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=dict.fromkeys(HEADER, pl.String), orient="row")


def in_engine(rows: list[tuple[str, ...]], engine: str) -> object:
    """The rows as text columns of a polars, pandas or DuckDB frame."""
    frame = frame_of(rows)
    if engine == "pandas":
        return frame.to_pandas()
    if engine == "duckdb":
        return duckdb.connect().from_arrow(frame.to_arrow())
    return frame


class TestDuplicates:
    """Equal duplicates count once; different ones are an error naming the group."""

    def test_conflicting_duplicates(self) -> None:
        """Two totals for one year and flow with different values are refused."""
        rows = [row(398, 860, 2022, "X", "1"), row(398, 860, 2022, "X", "2")]
        for frame in (frame_of(rows), frame_of(rows).to_pandas()):
            with pytest.raises(
                ValidationError, match=r"2022 exports \(X\).*'1' and '2'"
            ):
                series_from_frame(frame, metric="exports")

    def test_conflict_across_codes(self) -> None:
        """The same year under 840 and 842 with different values is refused."""
        rows = [row(842, 398, 2022, "X", "1"), row(840, 398, 2022, "X", "2")]
        with pytest.raises(ValidationError, match=r"conflicting duplicates"):
            series_from_frame(frame_of(rows), metric="exports")

    @pytest.mark.parametrize("engine", ["polars", "pandas", "duckdb"])
    def test_same_number_in_other_text(self, engine: str) -> None:
        """'100', '100.0' and '1E+2' spell one number: they count once."""
        rows = [
            row(398, 860, 2022, "X", text) for text in ("100", "100.0", "1E+2", "100")
        ]
        found = series_from_frame(in_engine(rows, engine), metric="exports")
        assert amount_at(found[KZ, UZ], 2022) == 100

    @pytest.mark.parametrize("engine", ["polars", "pandas", "duckdb"])
    def test_three_texts_one_different(self, engine: str) -> None:
        """Among three texts, one other number is found and refused."""
        rows = [row(398, 860, 2022, "X", t) for t in ("100", "100.0", "101")]
        with pytest.raises(ValidationError, match=r"conflicting duplicates"):
            series_from_frame(in_engine(rows, engine), metric="exports")

    def test_float_duplicates(self) -> None:
        """Equal float duplicates count once; different floats are refused."""
        frame = pd.DataFrame(
            {
                "reporterCode": [398, 398],
                "partnerCode": [860, 860],
                "refYear": [2022, 2022],
                "flowCode": ["X", "X"],
                "primaryValue": [0.1, 0.1],
            }
        )
        found = series_from_frame(frame, metric="exports")
        assert amount_at(found[KZ, UZ], 2022) == Decimal("0.1")
        frame.loc[1, "primaryValue"] = 0.2
        with pytest.raises(ValidationError, match=r"0\.1 and 0\.2"):
            series_from_frame(frame, metric="exports")


class TestExactValues:
    """Values keep every digit their column holds."""

    def test_text_keeps_every_digit(self) -> None:
        """Text of 30 significant digits is summed exactly."""
        rows = [
            row(398, 860, 2022, "X", "123456789012345678901234567.891"),
            row(398, 860, 2022, "M", "0.000000000000000000000000001"),
        ]
        found = series_from_frame(frame_of(rows))
        assert amount_at(found[KZ, UZ], 2022) == Decimal(
            "123456789012345678901234567.891000000000000000000000001"
        )

    @pytest.mark.parametrize("engine", ["polars", "pyarrow", "duckdb", "pandas"])
    def test_decimal_columns(self, engine: str) -> None:
        """Decimal columns of each engine give their exact numbers."""
        values = [Decimal("1234567890123456789.01"), Decimal("0.99")]
        table = pa.table(
            {
                "reporterCode": [398, 398],
                "partnerCode": [860, 860],
                "refYear": [2022, 2022],
                "flowCode": ["X", "M"],
                "primaryValue": pa.array(values, pa.decimal128(30, 2)),
            }
        )
        frame: object = {
            "polars": lambda: pl.from_arrow(table),
            "pyarrow": lambda: table,
            "duckdb": lambda: duckdb.connect().from_arrow(table),  # type: ignore[no-untyped-call]
            "pandas": lambda: table.to_pandas(types_mapper=pd.ArrowDtype),
        }[engine]()
        found = series_from_frame(frame)
        assert amount_at(found[KZ, UZ], 2022) == Decimal("1234567890123456790.00")

    def test_floats_as_their_shortest_repr(self) -> None:
        """A float column gives each float's repr: 0.1 + 0.2 is 0.3 exactly."""
        frame = pl.DataFrame(
            {
                "reporterCode": [398, 398],
                "partnerCode": [860, 860],
                "refYear": [2022, 2022],
                "flowCode": ["X", "M"],
                "primaryValue": [0.1, 0.2],
            }
        )
        found = series_from_frame(frame)
        assert amount_at(found[KZ, UZ], 2022) == Decimal("0.3")

    def test_not_a_number(self) -> None:
        """Text that is not a number is refused with the group named."""
        rows = [row(398, 860, 2022, "X", "1,000")]
        with pytest.raises(ValidationError, match=r"primaryValue.*'1,000'.*2022"):
            series_from_frame(frame_of(rows), metric="exports")

    def test_missing_value(self) -> None:
        """A national total without a value is refused."""
        frame = frame_of([row(398, 860, 2022, "X", "1")]).with_columns(
            primaryValue=pl.lit(None, pl.String)
        )
        with pytest.raises(ValidationError, match=r"a value is missing"):
            series_from_frame(frame, metric="exports")

    def test_nan_value(self) -> None:
        """A NaN value is refused."""
        frame = pd.DataFrame(
            {
                "reporterCode": [398],
                "partnerCode": [860],
                "refYear": [2022],
                "flowCode": ["X"],
                "primaryValue": [float("nan")],
            }
        )
        with pytest.raises(ValidationError, match=r"primaryValue"):
            series_from_frame(frame, metric="exports")


class TestCodes:
    """Codes as numbers, Comtrade's text, or ISO alpha codes."""

    def test_alpha_codes(self) -> None:
        """ISO alpha-2 and alpha-3 codes name the countries too."""
        frame = pl.DataFrame(
            {
                "reporterISO": ["KAZ", "KZ"],
                "partnerISO": ["UZB", "UZ"],
                "year": [2022, 2022],
                "flow": ["X", "M"],
                "value": ["1", "2"],
            }
        )
        found = series_from_frame(
            frame,
            reporter="reporterISO",
            partner="partnerISO",
            year="year",
            flow="flow",
            value="value",
            pairs=[("KZ", "UZ")],
        )
        assert found[KZ, UZ].values == {2022: Money(3, "USD")}
        assert series_from_frame(
            frame,
            reporter="reporterISO",
            partner="partnerISO",
            year="year",
            flow="flow",
            value="value",
        ).keys() == {(KZ, UZ)}

    @pytest.mark.parametrize("code", ["uz", " UZ", "0860", "Uzbekistan", "1234"])
    def test_codes_as_written(self, code: str) -> None:
        """Text that is no code as Comtrade or ISO write it is skipped and named."""
        rows = [row(398, 860, 2022, "X", "1"), row(398, 417, 2022, "X", "2")]
        frame = frame_of(rows).with_columns(
            partnerCode=pl.when(pl.col("partnerCode") == "860")
            .then(pl.lit(code))
            .otherwise(pl.col("partnerCode"))
        )
        with pytest.warns(
            IncompleteDataWarning, match=r"codes that are neither"
        ) as caught:
            found = series_from_frame(frame, metric="exports")
        assert list(found) == [(KZ, KG)]
        assert repr(code) in str(caught[0].message)
        with pytest.raises(ValidationError, match=r"no national-total X rows"):
            series_from_frame(frame, metric="exports", pairs=[(KZ, UZ)])

    def test_only_unknown_codes(self) -> None:
        """A frame whose every code is unknown says so."""
        rows = [row(398, 1234, 2022, "X", "1")]
        with pytest.raises(ValidationError, match=r"1 national-total row with a code"):
            series_from_frame(frame_of(rows), metric="exports")

    def test_padded_numbers(self) -> None:
        """Numbers as text may have leading zeros up to three digits."""
        frame = frame_of([row(398, 860, 2022, "X", "1")]).with_columns(
            reporterCode=pl.lit("051"), partnerCode=pl.lit("31")
        )
        for pairs in (None, [("AM", "AZ")]):
            found = series_from_frame(frame, metric="exports", pairs=pairs)
            assert list(found) == [(Country("AM"), Country("AZ"))]

    @pytest.mark.parametrize("pairs", [None, [(KZ, UZ)]])
    def test_float_codes(self, pairs: list[tuple[Country, Country]] | None) -> None:
        """Codes as floats (a pandas column with a gap) are read, and filtered."""
        frame = pl.DataFrame(
            {
                "reporterCode": [398.0, 398.0, None],
                "partnerCode": [860.0, 860.0, 860.0],
                "refYear": [2022.0, 2022.0, 2022.0],
                "flowCode": ["X", "M", "X"],
                "primaryValue": [1, 2, 3],
            }
        )
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", "national-total rows with codes")
            found = series_from_frame(frame, pairs=pairs)
        assert found == {(KZ, UZ): found[KZ, UZ]}
        assert found[KZ, UZ].values == {2022: Money(3, "USD")}

    @pytest.mark.parametrize("pairs", [None, [(KZ, UZ)]])
    def test_object_columns(self, pairs: list[tuple[Country, Country]] | None) -> None:
        """A pandas object column of numbers and text is read cell by cell."""
        frame = pd.DataFrame(
            {
                "reporterCode": pd.Series([398, "398"], dtype=object),
                "partnerCode": pd.Series(["UZ", 860], dtype=object),
                "refYear": [2022, 2022],
                "flowCode": ["X", "M"],
                "primaryValue": pd.Series([Decimal("1.10"), 2], dtype=object),
                "partner2Code": pd.Series([0, "0"], dtype=object),
            }
        )
        found = series_from_frame(frame, pairs=pairs)
        assert found[KZ, UZ].values == {2022: Money("3.1", "USD")}

    def test_unknown_code_elsewhere_with_pairs(self) -> None:
        """With pairs=, rows of other codes are never read."""
        rows = [row(398, 1234, 2022, "X", "1"), row(398, 860, 2022, "X", "2")]
        found = series_from_frame(frame_of(rows), metric="exports", pairs=[(KZ, UZ)])
        assert found[KZ, UZ].values == {2022: Money(2, "USD")}

    def test_unknown_flow(self) -> None:
        """A flow code Comtrade does not have is refused in a pair's totals."""
        rows = [row(398, 860, 2022, "Q", "1")]
        with pytest.raises(ValidationError, match=r"unknown flow code 'Q'"):
            series_from_frame(frame_of(rows))

    def test_unknown_flow_elsewhere(self) -> None:
        """Breakdowns and aggregates are not read, whatever their flow code."""
        rows = [
            row(398, 860, 2022, "X", "1"),
            row(398, 860, 2022, "Q", "1", cmd="27"),
            row(398, 0, 2022, "Q", "1"),
        ]
        found = series_from_frame(frame_of(rows), metric="exports")
        assert found[KZ, UZ].values == {2022: Money(1, "USD")}

    def test_one_country_on_itself(self) -> None:
        """Rows of one country on itself are skipped, as no pair."""
        rows = [row(398, 860, 2022, "X", "1"), row(840, 842, 2022, "X", "1")]
        found = series_from_frame(frame_of(rows), metric="exports")
        assert list(found) == [(KZ, UZ)]


class TestColumns:
    """Missing and mistyped columns name the keyword argument that fixes them."""

    def test_missing_column(self) -> None:
        """A missing column names the keyword to use."""
        frame = pl.DataFrame({"reporterCode": [398]})
        with pytest.raises(ValidationError) as caught:
            series_from_frame(frame)
        paths = [path for path, _ in caught.value.problems]
        assert paths == ["partner=", "year=", "flow=", "value="]
        assert "value='…'" in str(caught.value)

    def test_flow_of_numbers(self) -> None:
        """A flow column of numbers is refused."""
        frame = pl.DataFrame(
            {
                "reporterCode": [398],
                "partnerCode": [860],
                "refYear": [2022],
                "flowCode": [1],
                "primaryValue": [1],
            }
        )
        with pytest.raises(ValidationError, match=r"flow=: the column 'flowCode'"):
            series_from_frame(frame)

    def test_year_of_dates(self) -> None:
        """A year column of dates is refused, saying what it should hold."""
        frame = frame_of([row(398, 860, 2022, "X", "1")]).with_columns(
            refYear=pl.date(2022, 1, 1)
        )
        with pytest.raises(ValidationError, match=r"year=: .*years as numbers or text"):
            series_from_frame(frame)

    def test_two_columns_of_one_name(self) -> None:
        """A pandas frame with two columns of one name is refused."""
        frame = frame_of([row(398, 860, 2022, "X", "1")]).to_pandas()
        frame.columns = ["refYear", *frame.columns[1:]]
        with pytest.raises(ValidationError, match=r"^frame: .*own name"):
            series_from_frame(frame)

    def test_engine_fails(self) -> None:
        """A lazy query that fails in its engine is a ValidationError with the cause."""
        frame = frame_of([row(398, 860, 2022, "X", "1,5")]).lazy()
        frame = frame.with_columns(pl.col("primaryValue").cast(pl.Float64))
        with pytest.raises(ValidationError, match=r"^frame: the polars engine failed"):
            series_from_frame(frame)

    def test_one_column_twice(self) -> None:
        """One column cannot be both the reporter and the partner."""
        frame = frame_of([row(398, 860, 2022, "X", "1")])
        with pytest.raises(ValidationError, match=r"two arguments"):
            series_from_frame(frame, partner="reporterCode")

    def test_not_a_frame(self) -> None:
        """Something that is no dataframe is an ArgumentTypeError."""
        with pytest.raises(ArgumentTypeError, match=r"frame: expected a dataframe"):
            series_from_frame({"reporterCode": [398]})

    def test_column_name_not_text(self) -> None:
        """A column name that is not a str is an ArgumentTypeError."""
        with pytest.raises(ArgumentTypeError, match=r"^year: "):
            series_from_frame(frame_of([]), year=2022)  # type: ignore[arg-type]

    def test_annual_and_monthly(self) -> None:
        """Annual and monthly totals for one year and flow are refused."""
        rows = [row(398, 860, 2022, "X", "1"), row(398, 860, 2022, "X", "1", month=1)]
        with pytest.raises(ValidationError, match=r"annual and monthly rows"):
            series_from_frame(frame_of(rows), metric="exports")

    def test_period_of_another_year(self) -> None:
        """An annual row's period must be its year."""
        bad = list(row(398, 860, 2022, "X", "1"))
        bad[2] = "2021"
        with pytest.raises(ValidationError, match=r"period"):
            series_from_frame(frame_of([tuple(bad)]), metric="exports")


class TestOptions:
    """Currency, source and pairs."""

    def test_currency_is_a_code(self) -> None:
        """currency= is the code of every value."""
        frame = frame_of([row(398, 860, 2022, "X", "1")])
        found = series_from_frame(frame, metric="exports", currency="EUR")
        assert found[KZ, UZ].values == {2022: Money(1, "EUR")}

    def test_source(self) -> None:
        """A title or a Source is kept, with the note added."""
        frame = frame_of([row(398, 860, 2022, "X", "1")])
        titled = series_from_frame(frame, metric="exports", source="Comtrade bulk")
        assert titled[KZ, UZ].sources[0].title == "Comtrade bulk"
        given = Source("Comtrade", note="Bulk download.")
        kept = series_from_frame(frame, metric="exports", source=given)
        assert kept[KZ, UZ].sources[0].note == (
            "Bulk download. exports (X), as reported by Kazakhstan."
        )
        default = series_from_frame(frame, metric="exports")
        assert default[KZ, UZ].sources[0].title == "A polars data frame"

    def test_bad_pairs(self) -> None:
        """A pair of one country, or no pair, is refused."""
        frame = frame_of([row(398, 860, 2022, "X", "1")])
        with pytest.raises(ValidationError, match=r"pairs\[0\]"):
            series_from_frame(frame, pairs=[("KZ", "KZ")])
        with pytest.raises(ValidationError, match=r"pairs"):
            series_from_frame(frame, pairs=[])
        with pytest.raises(ValidationError, match=r"pairs\[0\]"):
            series_from_frame(frame, pairs=[("KZ",)])  # type: ignore[list-item]

    def test_narwhals_missing(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without narwhals, the error names the extra to install."""
        monkeypatch.setitem(sys.modules, "narwhals", None)
        with pytest.raises(MissingExtraError, match=r"bilat\[polars\]"):
            series_from_frame(frame_of([]))


class TestLaziness:
    """Only the grouped totals are collected from a lazy frame."""

    def test_polars_plan_groups_before_collect(self, held_csv: Path) -> None:
        """A polars LazyFrame is collected once, after filtering and grouping."""
        collected: list[str] = []
        original = pl.LazyFrame.collect

        def spy(self: pl.LazyFrame, *args: Any, **kwargs: Any) -> pl.DataFrame:
            collected.append(self.explain())
            result: pl.DataFrame = original(self, *args, **kwargs)
            return result

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(pl.LazyFrame, "collect", spy)
            quietly(pl.scan_csv(held_csv))
        assert len(collected) == 1
        assert "AGGREGATE" in collected[0]
        assert "FILTER" in collected[0] or "SELECTION" in collected[0]


# -- random tables --------------------------------------------------------------

CODES = st.sampled_from([398, 860, 842, 840, 0, 899, 1234])
VALUES = st.decimals(
    min_value=Decimal(-(10**12)),
    max_value=Decimal(10**12),
    places=2,
    allow_nan=False,
    allow_infinity=False,
)


@st.composite
def tables(draw: st.DrawFn) -> list[tuple[str, ...]]:
    """Random small annual or monthly tables, without conflicting duplicates."""
    chosen: dict[tuple[int, int, int, str, int], str] = {}
    monthly = draw(st.booleans())
    for _ in range(draw(st.integers(0, 30))):
        key = (
            draw(CODES),
            draw(CODES),
            draw(st.sampled_from([2021, 2022])),
            draw(st.sampled_from(["X", "M", "RX"])),
            draw(st.integers(1, 12)) if monthly else 0,
        )
        chosen.setdefault(key, str(draw(VALUES)))
    rows = [row(r, p, y, f, v, month=m) for (r, p, y, f, m), v in chosen.items()]
    if monthly and draw(st.booleans()):  # fill one pair's year completely
        for month in range(1, 13):
            for flow in ("X", "M"):
                key = (398, 860, 2022, flow, month)
                if key not in chosen:
                    rows.append(row(398, 860, 2022, flow, "1.5", month=month))
    breakdowns = (
        [
            row(r, p, y, f, "7", month=m, cmd="01")
            for (r, p, y, f, m) in draw(
                st.lists(st.sampled_from(sorted(chosen)), max_size=3)
            )
        ]
        if chosen
        else []
    )
    return draw(st.permutations(rows + breakdowns))


class TestRandomTables:
    """Random tables give read_comtrade's series, in polars and in DuckDB."""

    @fuzz(20)
    @given(rows=tables(), metric=st.sampled_from(["turnover", "exports"]))
    def test_same_as_the_file(
        self, rows: list[tuple[str, ...]], metric: str, tmp_path: Path
    ) -> None:
        """The same pairs and series as the file, or an error of the same kind."""
        path = write_csv(tmp_path / "random.csv", rows)
        frames = {
            "polars": frame_of(rows).lazy(),
            "duckdb": duckdb.connect().read_csv(str(path)),
        }
        try:
            expected = from_file(path, None, metric)
        except ValidationError as error:
            conflict = "conflicting duplicates" in str(error)
            for frame in frames.values():
                with pytest.raises(ValidationError) as caught:
                    quietly(frame, metric=metric)
                assert ("conflicting duplicates" in str(caught.value)) == conflict
            return
        for frame in frames.values():
            found = quietly(frame, metric=metric)
            assert list(found) == list(expected)
            assert all(same_series(found[p], expected[p]) for p in expected)
