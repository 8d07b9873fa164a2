"""Tests for the frames: TradeSeries, Series, Portfolio, progress_frame, Dossier."""

from __future__ import annotations

import datetime as dt
import sys
from decimal import Decimal, localcontext
from typing import TYPE_CHECKING, assert_type

import pandas as pd
import pytest
from hypothesis import given, settings
from tests.strategies import dossiers, portfolios, trade_series
from tests.test_target import extreme_cases
from tests.values import amounts

import bilat
from bilat import (
    Agreement,
    Dossier,
    Estimate,
    InvalidOptionError,
    MissingExtraError,
    Money,
    Portfolio,
    Progress,
    Project,
    Qualifier,
    Source,
    TradeSeries,
    TradeTarget,
    ValidationError,
    progress_frame,
)
from bilat._present.frames import PROGRESS_COLUMNS

if TYPE_CHECKING:
    from collections.abc import Callable

D = Decimal

SERIES_COLUMNS = [
    "parties",
    "subject",
    "reporter",
    "year",
    "value",
    "low",
    "high",
    "qualifier",
    "currency",
    "source",
]
PROJECT_COLUMNS = [
    "name",
    "parties",
    "status",
    "count",
    "value",
    "low",
    "high",
    "qualifier",
    "currency",
    "sector",
    "start",
    "end",
    "location",
    "source",
]


def usd(amount: str | int) -> Money:
    return Money(amount, "USD")


def rows(df: pd.DataFrame, *columns: str) -> list[list[object]]:
    """The cells of ``columns``, row by row, as Python values."""
    return [list(row) for row in df[list(columns)].itertuples(index=False)]


STATS = Source("Kazakh statistics")
MEETING = Source("Ministers' meeting")


def kz_series() -> TradeSeries:
    """Turnover as Kazakhstan reports it; 2022 has its own source."""
    return TradeSeries(
        ("KZ", "UZ"),
        "turnover",
        {2021: usd("3.9e9"), 2022: usd("4.2e9"), 2023: usd("4.4e9")},
        reporter="KZ",
        sources=(STATS,),
        value_sources={2022: (MEETING,)},
    )


def kz_uz_portfolio() -> Portfolio:
    """The seed article's two lines of joint projects, and a railway."""
    return Portfolio(
        [
            Project(
                "Joint projects",
                ["KZ", "UZ"],
                "underway",
                value=usd("156000000"),
                count=12,
                sources=(MEETING,),
            ),
            Project(
                "Planned projects",
                ["KZ", "UZ"],
                "planned",
                value=Estimate(usd("1000000000"), Qualifier.NEARLY),
                count=21,
            ),
            Project(
                "Darbaza–Maktaaral railway",
                ["KZ"],
                "underway",
                sector="transport",
                start=dt.date(2023, 5, 1),
                end=2026,
                location="Turkistan region",
            ),
        ]
    )


class TestSeriesFrame:
    """TradeSeries.to_frame(exact=True): one row per year, exact amounts."""

    def test_rows(self) -> None:
        """Each year gives a row with its exact value, currency and reporter."""
        df = kz_series().to_frame(exact=True)
        assert list(df.columns) == SERIES_COLUMNS
        assert rows(df, "year", "value", "currency", "reporter", "subject") == [
            [2021, D("3.9e9"), "USD", "KZ", "turnover"],
            [2022, D("4.2e9"), "USD", "KZ", "turnover"],
            [2023, D("4.4e9"), "USD", "KZ", "turnover"],
        ]
        assert df.loc[0, "parties"] == ("KZ", "UZ")
        assert list(df.index) == [0, 1, 2]

    def test_types(self) -> None:
        """Years are int64; with exact=True values stay Decimal in an object column."""
        df = kz_series().to_frame(exact=True)
        assert df["year"].dtype == "int64"
        assert df["value"].dtype == object
        assert all(type(v) is Decimal for v in df["value"])

    def test_exact_sum(self) -> None:
        """Summing the column is exact: 0.1 + 0.2 is 0.3, not 0.30000000000000004."""
        s = TradeSeries(("KZ", "UZ"), "exports", {2020: usd("0.1"), 2021: usd("0.2")})
        assert sum(s.to_frame(exact=True)["value"]) == D("0.3")

    def test_sources_per_year(self) -> None:
        """A year's own source comes first, then the series'; none gives None."""
        df = kz_series().to_frame()
        assert df["source"].tolist() == [
            "Kazakh statistics",
            "Ministers' meeting; Kazakh statistics",
            "Kazakh statistics",
        ]
        bare = TradeSeries(("KZ", "UZ"), "imports", {2020: Money(5, "EUR")})
        frame = bare.to_frame()
        assert frame.loc[0, "source"] is None
        assert frame.loc[0, "reporter"] is None
        assert frame.loc[0, "currency"] == "EUR"

    @given(trade_series())
    def test_mirrors_series(self, series: TradeSeries) -> None:
        """Any series: the frame's years and values are the series' own."""
        df = series.to_frame(exact=True)
        assert dict(zip(df["year"], df["value"], strict=True)) == amounts(series)
        assert set(df["currency"]) == {series.currency.code}


class TestPortfolioFrame:
    """Portfolio.to_frame: one row per project line, values with their bounds."""

    def test_money_and_estimate(self) -> None:
        """Money gives equal bounds and 'exact'; an Estimate its bounds and qualifier."""
        df = kz_uz_portfolio().to_frame(exact=True)
        assert list(df.columns) == PROJECT_COLUMNS
        assert rows(df, "name", "status", "count", "value", "low", "high")[:2] == [
            [
                "Joint projects",
                "underway",
                12,
                D(156000000),
                D(156000000),
                D(156000000),
            ],
            [
                "Planned projects",
                "planned",
                21,
                D(1000000000),
                D(900000000),
                D(1000000000),
            ],
        ]
        assert df["qualifier"].tolist()[:2] == ["exact", "nearly"]
        assert df["currency"].tolist()[:2] == ["USD", "USD"]
        assert df["count"].dtype == "int64"

    def test_unvalued_and_dates(self) -> None:
        """Without a value the value cells are None; a year-only end stays an int."""
        row = kz_uz_portfolio().to_frame(exact=True).loc[2]
        assert [row[c] for c in ("value", "low", "high", "qualifier", "currency")] == [
            None
        ] * 5
        assert row["start"] == dt.date(2023, 5, 1)
        assert row["end"] == 2026
        assert type(row["end"]) is int
        assert row["sector"] == "transport"
        assert row["location"] == "Turkistan region"
        assert row["source"] is None

    def test_explode_parties(self) -> None:
        """Parties are tuples of codes, so explode gives a row per party."""
        df = kz_uz_portfolio().to_frame()
        exploded = df.explode("parties")
        assert exploded["parties"].tolist() == ["KZ", "UZ", "KZ", "UZ", "KZ"]
        uz = exploded[exploded["parties"] == "UZ"]
        assert uz["count"].sum() == 33

    def test_empty(self) -> None:
        """An empty portfolio gives the columns and no rows."""
        df = Portfolio([]).to_frame()
        assert list(df.columns) == PROJECT_COLUMNS
        assert len(df) == 0

    @given(portfolios())
    def test_amounts_add_to_total(self, portfolio: Portfolio) -> None:
        """Any portfolio in USD: rows, counts and the sum of amounts match it."""
        df = portfolio.to_frame(exact=True)
        assert len(df) == len(portfolio)
        assert df["count"].sum() == portfolio.count
        valued = df[df["value"].notna()]
        if len(valued):
            total = portfolio.total()
            stated = total.value if isinstance(total, Estimate) else total
            assert sum(valued["value"]) == stated.amount
            assert (
                sum(valued["high"])
                == (total.high if isinstance(total, Estimate) else total).amount
            )


def progresses() -> list[Progress[Money]]:
    """KZ's series against $10 billion by 2030, as of 2020 and as of 2024."""
    target = TradeTarget(("KZ", "UZ"), usd("1e10"), deadline=2030)
    series = kz_series()
    return [target.progress(series, 2020), target.progress(series, 2024)]


class TestProgressFrame:
    """progress_frame(exact=True): one row per Progress, every figure exact."""

    def test_figures(self) -> None:
        """Current, share and gap are those worked out by hand; the status is kept."""
        df = progress_frame(progresses(), exact=True)
        latest = df.loc[1]
        assert latest["as_of"] == 2024
        assert latest["year"] == 2023
        assert latest["base_year"] == 2021
        assert latest["base"] == D("3.9e9")
        assert latest["current"] == D("4.4e9")
        assert latest["target"] == D("1e10")
        assert latest["currency"] == "USD"
        assert latest["share"] == D("0.44")
        assert latest["gap"] == D("5.6e9")
        assert latest["status"] == "off_track"
        assert latest["reporter"] == "KZ"
        assert latest["deadline"] == 2030
        # (4.4/3.9)^(1/2) − 1 = 0.06216…, written out to 6 places.
        assert round(latest["actual_cagr"], 6) == D("0.062170")

    def test_every_field_of_progress(self) -> None:
        """Each ratio and amount is the Progress's own, as a Decimal."""
        p = progresses()[1]
        row = progress_frame([p], exact=True).loc[0]
        for name in (
            "actual_cagr",
            "planned_cagr",
            "required_cagr",
            "growth_ratio",
            "anticipated",
        ):
            assert row[name] == getattr(p, name)
            assert type(row[name]) is Decimal
        assert p.projected is not None
        assert row["projected"] == p.projected.amount
        assert row["eta"] == p.eta

    def test_missing_figures(self) -> None:
        """Before the first year: no year (NA in an Int64 column), no amounts."""
        df = progress_frame(progresses(), exact=True)
        early = df.loc[0]
        assert df["year"].dtype == "Int64"
        assert early["year"] is pd.NA
        assert early["current"] is None
        assert early["share"] is None
        assert early["status"] == "insufficient_data"

    def test_empty(self) -> None:
        """No progress gives the columns and no rows."""
        df = progress_frame([])
        assert len(df) == 0
        assert "growth_ratio" in df.columns

    def test_not_a_progress(self) -> None:
        """An item that is not a Progress is named by its index."""
        with pytest.raises(ValidationError, match="expected a Progress") as e:
            progress_frame([progresses()[0], "off track"])  # type: ignore[list-item]
        assert e.value.path == "progresses[1]"

    def test_public(self) -> None:
        """progress_frame is exported from bilat."""
        assert "progress_frame" in bilat.__all__


class TestBeyondRange:
    """Frames hold every valid value, however large, without raw errors."""

    def test_out_of_range_column(self) -> None:
        """Figures beyond bilat's range are None, with the reasons in a column."""
        series = TradeSeries(
            ("KZ", "UZ"), "turnover", {2023: usd("4.6"), 2024: usd("5e9")}
        )
        target = TradeTarget(("KZ", "UZ"), usd("1e10"), deadline=2100)
        df = progress_frame(
            [target.progress(series, 2024), progresses()[1]], exact=True
        )
        assert df.loc[0, "projected"] is None
        assert df.loc[0, "out_of_range"] == (
            "projected: too_large; anticipated: too_large"
        )
        assert df.loc[1, "out_of_range"] is None
        assert list(df.columns)[-1] == "out_of_range"

    def test_counts_beyond_64_bits(self) -> None:
        """An integer column that 64 bits cannot hold keeps Python ints (object)."""
        from bilat._present.frames import _frame

        huge = 2**63
        df = _frame(
            "test",
            {"count": "int64", "year": "Int64"},
            [
                {"count": huge, "year": None},
                {"count": 1, "year": 2**70},
            ],
        )
        assert df["count"].dtype == object
        assert df["count"].tolist() == [huge, 1]
        assert df["year"].dtype == object
        assert df.loc[1, "year"] == 2**70
        small = _frame("test", {"count": "int64"}, [{"count": 2**63 - 1}])
        assert small["count"].dtype == "int64"
        assert small.loc[0, "count"] == 2**63 - 1

    @pytest.mark.parametrize("given", [None, 5, "text"])
    def test_not_an_iterable(self, given: object) -> None:
        """progress_frame of something that is not a list of Progress is refused."""
        with pytest.raises(ValidationError, match="expected an iterable of Progress"):
            progress_frame(given)  # type: ignore[call-overload]

    @pytest.mark.parametrize(
        "what", [10**5000, None, ["series"]], ids=["huge", "None", "list"]
    )
    def test_dossier_part_of_any_type(self, what: object) -> None:
        """Dossier.to_frame refuses a part of any type by name, huge ints too."""
        with pytest.raises(InvalidOptionError, match="dossier frame"):
            Dossier("KZ–UZ", ["KZ", "UZ"]).to_frame(what)  # type: ignore[call-overload]

    @given(extreme_cases())
    @settings(max_examples=30)
    def test_any_valid_values(self, case: tuple[TradeTarget, TradeSeries, int]) -> None:
        """progress_frame and the series frame take any values bilat holds."""
        target, series, as_of = case
        p = target.progress(series, as_of)
        row = progress_frame([p]).loc[0]
        assert row["status"] == p.status.value
        assert (row["eta"] is pd.NA) == (p.eta is None)
        assert len(series.to_frame()) == len(series.values)


class TestFloatColumns:
    """By default amounts and ratios are float64, so pandas can plot and divide."""

    def test_series_values(self) -> None:
        """Values are float64; dividing by 1e9 gives billions."""
        df = kz_series().to_frame()
        assert df["value"].dtype == "float64"
        assert df["value"].tolist() == [3.9e9, 4.2e9, 4.4e9]
        assert (df["value"] / 1e9).tolist() == [3.9, 4.2, 4.4]
        assert df["year"].dtype == "int64"
        assert df["currency"].tolist() == ["USD"] * 3

    def test_rounded_once(self) -> None:
        """A third of a dollar becomes the float nearest to one third."""
        third = TradeSeries(("KZ", "UZ"), "exports", {2020: usd(1) / 3})
        assert third.to_frame().loc[0, "value"] == 1 / 3
        assert third.to_frame(exact=True).loc[0, "value"] == D("0." + "3" * 60)

    def test_plot(self) -> None:
        """df.plot(x="year", y="value") draws the series without astype(float)."""
        import matplotlib.pyplot as plt

        ax = kz_series().to_frame().plot(x="year", y="value")
        try:
            (line,) = ax.get_lines()
            assert pd.Series(line.get_xdata()).tolist() == [2021, 2022, 2023]
            assert pd.Series(line.get_ydata()).tolist() == [3.9e9, 4.2e9, 4.4e9]
        finally:
            plt.close("all")

    def test_missing_is_nan(self) -> None:
        """A project without a value has NaN amounts; its text cells stay None."""
        df = kz_uz_portfolio().to_frame()
        assert [str(df[c].dtype) for c in ("value", "low", "high")] == ["float64"] * 3
        assert df["low"].tolist()[:2] == [1.56e8, 9e8]
        assert df.loc[2, ["value", "low", "high"]].isna().all()
        assert df.loc[2, "currency"] is None
        assert df["value"].sum() == 1.156e9

    def test_progress_ratios(self) -> None:
        """Shares and growth rates are floats; a figure that is not there is NaN."""
        df = progress_frame(progresses())
        assert df["share"].dtype == "float64"
        assert df.loc[1, "share"] == 0.44
        assert df.loc[1, "gap"] == 5.6e9
        # (4.4/3.9)^(1/2) − 1 = 0.062170…
        assert abs(df["actual_cagr"].tolist()[1] - 0.06217) < 1e-5
        assert df[["current", "share"]].iloc[0].isna().all()

    @given(trade_series())
    def test_any_series(self, series: TradeSeries) -> None:
        """Any series: each float is the nearest float to the exact amount."""
        df = series.to_frame()
        expected = [float(str(a)) for a in amounts(series).values()]
        assert df["value"].tolist() == expected
        assert df["value"].dtype == "float64"


class TestColumnNames:
    """Every frame calls the same things by the same names."""

    def test_value_columns_everywhere(self) -> None:
        """Series, projects, targets and claims frames say value, low, high, currency."""
        d = dossier()
        frames = [d.to_frame(part) for part in ("projects", "series", "targets")]
        frames.append(kz_series().to_frame())
        wanted = ["value", "low", "high", "qualifier", "currency"]
        for df in frames:
            cols = list(df.columns)
            assert cols[cols.index("value") : cols.index("value") + 5] == wanted
            assert "amount" not in cols

    def test_series_estimate_bounds(self) -> None:
        """A series' estimate gives its bounds and qualifier, as a project's does."""
        over = Estimate(usd("3e9"), Qualifier.OVER)  # (v, v·1.1]
        s = TradeSeries(("KZ", "UZ"), "turnover", {2018: over, 2019: usd("3.5e9")})
        assert rows(s.to_frame(), "value", "low", "high", "qualifier") == [
            [3e9, 3e9, 3.3e9, "over"],
            [3.5e9, 3.5e9, 3.5e9, "exact"],
        ]

    def test_series_of_quantities(self) -> None:
        """A series of quantities is given in its first value's unit, exactly."""
        track = bilat.Series(
            ("KZ", "UZ"),
            "track laid",
            {2024: bilat.Q_("40 km"), 2025: bilat.Q_("106000 m")},
        )
        df = track.to_frame(exact=True)
        assert rows(df, "year", "value", "currency", "subject") == [
            [2024, D(40), "km", "track laid"],
            [2025, D(106), "km", "track laid"],
        ]
        assert track.to_frame()["value"].tolist() == [40.0, 106.0]

    def test_series_of_numbers(self) -> None:
        """A series of plain numbers has no currency."""
        count = bilat.Series(("KZ", "UZ"), "joint projects", {2020: 12, 2021: 33})
        df = count.to_frame()
        assert df["value"].tolist() == [12.0, 33.0]
        assert df["currency"].tolist() == [None, None]


def rates() -> bilat.ExchangeRates:
    """Tenge per dollar at three year ends and early in 2023."""
    return bilat.ExchangeRates.from_records(
        [
            (dt.date(2021, 12, 31), "USD", "KZT", "431.67"),
            (dt.date(2022, 12, 30), "USD", "KZT", "462.65"),
            (dt.date(2023, 1, 5), "USD", "KZT", "470"),
            (dt.date(2023, 12, 29), "USD", "KZT", "454.56"),
        ]
    )


class TestConverted:
    """currency= and rates= add each row's value in one currency."""

    def test_series_at_year_end(self) -> None:
        """Each year converts at the last rate of that year, never a later one."""
        df = kz_series().to_frame(currency="KZT", rates=rates(), exact=True)
        cols = list(df.columns)
        assert cols[cols.index("currency") :][:3] == [
            "currency",
            "converted",
            "converted_currency",
        ]
        # 3.9e9 × 431.67, 4.2e9 × 462.65 (not the 470 of January 2023),
        # 4.4e9 × 454.56.
        assert rows(df, "year", "converted", "converted_currency") == [
            [2021, D("1683513000000"), "KZT"],
            [2022, D("1943130000000"), "KZT"],
            [2023, D("2000064000000"), "KZT"],
        ]

    def test_floats_by_default(self) -> None:
        """Converted amounts are floats too unless exact=True."""
        df = kz_series().to_frame(currency="KZT", rates=rates())
        assert df["converted"].dtype == "float64"
        assert df["converted"].tolist() == [1.683513e12, 1.94313e12, 2.000064e12]

    def test_portfolio_on(self) -> None:
        """Projects convert at on=; an estimate by its stated value; no value, None."""
        df = kz_uz_portfolio().to_frame(
            currency="KZT", rates=rates(), on="2023-01-10", exact=True
        )
        # 156e6 × 470 and 1e9 × 470.
        assert rows(df, "converted", "converted_currency") == [
            [D("73320000000"), "KZT"],
            [D("470000000000"), "KZT"],
            [None, None],
        ]

    def test_same_currency_needs_no_rates(self) -> None:
        """Rows already in the currency need no rates."""
        df = kz_series().to_frame(currency="usd")
        assert df["converted"].tolist() == df["value"].tolist()
        assert df["converted_currency"].tolist() == ["USD"] * 3

    def test_mismatch_names_the_call(self) -> None:
        """Another currency without rates names the call and rates=."""
        with pytest.raises(
            bilat.CurrencyMismatchError, match=r"pass rates= to Portfolio\.to_frame\(\)"
        ):
            kz_uz_portfolio().to_frame(currency="KZT")

    def test_rates_without_currency(self) -> None:
        """rates= alone is refused with the call that fixes it."""
        with pytest.raises(ValidationError, match=r"currency='USD', rates=rates\)"):
            kz_series().to_frame(rates=rates())

    def test_no_rate(self) -> None:
        """A year before any rate is refused by name, not left blank."""
        early = TradeSeries(("KZ", "UZ"), "turnover", {2019: usd(1)})
        with pytest.raises(bilat.RateNotFoundError):
            early.to_frame(currency="KZT", rates=rates())

    @given(trade_series())
    @settings(max_examples=40)
    def test_any_series_at_one_rate(self, series: TradeSeries) -> None:
        """Any series at one fixed rate: converted is each stated amount times it."""
        code = series.currency.code
        other = "EUR" if code != "EUR" else "USD"
        fixed = bilat.ExchangeRates.from_records(
            [(dt.date(1990, 1, 1), code, other, "0.5")]
        )
        df = series.to_frame(currency=other, rates=fixed, exact=True)
        with localcontext(prec=300):  # halving is exact with digits enough
            halves = [a / 2 for a in amounts(series).values()]
        assert df["converted"].tolist() == halves
        same = series.to_frame(currency=code, exact=True)
        assert same["converted"].tolist() == same["value"].tolist()

    def test_dossier_parts(self) -> None:
        """Claims and targets convert too; a claim in km has no converted value."""
        news = Source("News")
        d = Dossier(
            "KZ–UZ",
            ["KZ", "UZ"],
            claims=[
                bilat.Claim("turnover", 2022, "$1 bn", news, parties=("KZ", "UZ")),
                bilat.Claim("track laid", 2025, "106 km", news, parties=("KZ", "UZ")),
            ],
            targets=[TradeTarget(("KZ", "UZ"), usd("1e10"), deadline=2030)],
        )
        claims = d.to_frame("claims", currency="KZT", rates=rates(), exact=True)
        assert claims["converted"].tolist() == [D("462650000000"), None]
        targets = d.to_frame("targets", currency="KZT", rates=rates(), exact=True)
        assert targets["converted"].tolist() == [D("4545600000000")]  # newest rate


class TestPolars:
    """backend="polars" gives a polars frame with the same columns."""

    def test_series(self) -> None:
        """Same columns; floats, Int64 years and lists of party codes."""
        import polars as pl

        df = kz_series().to_frame(backend="polars")
        assert_type(df, pl.DataFrame)
        assert_type(kz_series().to_frame(), pd.DataFrame)
        assert isinstance(df, pl.DataFrame)
        assert df.columns == SERIES_COLUMNS
        assert df["value"].dtype == pl.Float64
        assert df["year"].dtype == pl.Int64
        assert df["value"].to_list() == [3.9e9, 4.2e9, 4.4e9]
        assert df["parties"].to_list()[0] == ["KZ", "UZ"]
        assert df["source"].to_list()[1] == "Ministers' meeting; Kazakh statistics"

    def test_exact(self) -> None:
        """exact=True keeps the Decimals as objects, every digit."""
        df = kz_series().to_frame(backend="polars", exact=True)
        assert df["value"].to_list() == [D("3.9e9"), D("4.2e9"), D("4.4e9")]

    def test_portfolio_dates_and_nulls(self) -> None:
        """Dates are Date; a column mixing dates and years keeps objects."""
        import polars as pl

        df = kz_uz_portfolio().to_frame(backend="polars")
        assert df.columns == PROJECT_COLUMNS
        assert df["start"].dtype == pl.Date
        assert df["start"].to_list() == [None, None, dt.date(2023, 5, 1)]
        assert df["end"].to_list() == [None, None, 2026]
        assert df["value"].to_list() == [1.56e8, 1e9, None]

    def test_progress(self) -> None:
        """progress_frame gives nullable Int64 years and null figures."""
        import polars as pl

        df = progress_frame(progresses(), backend="polars")
        assert df.columns == list(PROGRESS_COLUMNS)
        assert df["year"].dtype == pl.Int64
        assert df["year"].to_list() == [None, 2023]
        assert df["share"].to_list() == [None, 0.44]

    def test_missing_extra(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without polars the error names the polars extra."""
        monkeypatch.setitem(sys.modules, "polars", None)
        with pytest.raises(MissingExtraError, match=r"bilat\[polars\]") as e:
            kz_series().to_frame(backend="polars")
        assert e.value.feature == "TradeSeries.to_frame()"


class TestOptions:
    """Wrong options are refused before any row is built."""

    def test_exact_not_a_bool(self) -> None:
        """exact="yes" is a TypeError that says what each choice gives."""
        with pytest.raises(bilat.ArgumentTypeError, match="exact=True keeps Decimal"):
            kz_series().to_frame(exact="yes")  # type: ignore[call-overload]

    def test_unknown_backend(self) -> None:
        """A backend that is not pandas or polars is named with the choices."""
        with pytest.raises(InvalidOptionError, match="'pandas', 'polars'"):
            progress_frame([], backend="arrow")  # type: ignore[call-overload]

    def test_unknown_currency(self) -> None:
        """An unknown currency is refused by name."""
        with pytest.raises(bilat.UnknownCurrencyError):
            kz_series().to_frame(currency="ZZZ")

    def test_bad_on(self) -> None:
        """on= that is not a date is refused with its path."""
        with pytest.raises(ValidationError, match="on"):
            kz_uz_portfolio().to_frame(currency="USD", on="soon")


def dossier() -> Dossier:
    """A dossier with one of every part that has a frame."""
    treaty = Agreement(
        "Treaty on Allied Relations",
        ["KZ", "UZ"],
        "treaty",
        signed="2022-12-22",
        in_force="2023-05-02",
        sources=(STATS, MEETING),
    )
    programme = Agreement("Trade programme", ["KZ", "UZ"], "programme")
    uz = TradeSeries(("UZ", "KZ"), "turnover", {2025: usd("4.97e9")}, reporter="UZ")
    return Dossier(
        "Kazakhstan and Uzbekistan",
        ["KZ", "UZ"],
        agreements=[treaty, programme],
        projects=kz_uz_portfolio().projects,
        targets=[
            TradeTarget(
                ("KZ", "UZ"),
                Estimate(usd("1e10"), Qualifier.UP_TO),
                agreement=programme,
                baseline_year=2021,
            ),
            TradeTarget(("KZ", "UZ"), usd("1.5e10"), deadline=2030),
        ],
        series=[kz_series(), uz],
    )


class TestDossierFrame:
    """Dossier.to_frame: agreements, projects, series and targets."""

    def test_claims(self) -> None:
        """One row per claim: the text as written, its range, who said it, when."""
        news = bilat.Source("News")
        tokayev = bilat.Official("Kassym-Jomart Tokayev", "President", "KZ")
        claims = [
            bilat.Claim("turnover", 2023, "$4.4 bn", news, parties=("KZ", "UZ"),
                        said_by=tokayev, stated=2024),
            bilat.Claim("turnover", 2023, "over $4.6 bn", news, parties=("KZ", "UZ"),
                        said_by="UZ"),
            bilat.Claim("track laid", 2025, "106 km", news, parties=("KZ", "UZ")),
        ]  # fmt: skip
        d = bilat.Dossier("KZ–UZ", ["KZ", "UZ"], claims=claims)
        df = d.to_frame("claims", exact=True)
        # $4.4 bn written to the nearest $0.1 bn: [4.35, 4.45) bn; over $4.6 bn
        # with the default tolerance of 10 %: (4.6, 5.06] bn; 106 km written to
        # the nearest km: [105.5, 106.5) km.
        assert rows(df, "subject", "year", "text", "low", "high", "qualifier") == [
            ["turnover", 2023, "$4.4 bn", Decimal("4.35e9"), Decimal("4.45e9"), "exact"],
            ["turnover", 2023, "over $4.6 bn", Decimal("4.6e9"), Decimal("5.06e9"), "over"],
            ["track laid", 2025, "106 km", Decimal("105.5"), Decimal("106.5"), "exact"],
        ]  # fmt: skip
        assert rows(df, "currency", "precision", "said_by", "stated") == [
            ["USD", Decimal("1e8"), "Kassym-Jomart Tokayev", 2024],
            ["USD", Decimal("1e8"), "UZ", None],
            ["km", Decimal(1), None, None],
        ]
        assert list(df["source"]) == ["News"] * 3

    def test_agreements(self) -> None:
        """Dates stay dates, the status is judged on as_of, sources are joined."""
        df = dossier().to_frame("agreements", as_of="2023-01-01")
        assert rows(df, "title", "kind", "signed", "in_force", "status") == [
            [
                "Treaty on Allied Relations",
                "treaty",
                dt.date(2022, 12, 22),
                dt.date(2023, 5, 2),
                "signed",
            ],
            ["Trade programme", "programme", None, None, "proposed"],
        ]
        assert df.loc[0, "source"] == "Kazakh statistics; Ministers' meeting"
        assert df.loc[0, "parties"] == ("KZ", "UZ")
        later = dossier().to_frame("agreements", as_of=dt.date(2024, 1, 1))
        assert later.loc[0, "status"] == "in_force"

    def test_agreements_today(self) -> None:
        """Without as_of the status is today's (the treaty has long been in force)."""
        df = dossier().to_frame("agreements")
        assert df.loc[0, "status"] == "in_force"

    def test_bad_as_of(self) -> None:
        """An as_of that is not a date is refused, even with no agreements."""
        with pytest.raises(ValidationError, match="as_of"):
            Dossier("KZ–UZ", ["KZ", "UZ"]).to_frame("agreements", as_of="soon")

    def test_projects(self) -> None:
        """The projects frame is the portfolio's."""
        d = dossier()
        assert d.to_frame("projects").equals(d.portfolio.to_frame())

    def test_series(self) -> None:
        """Every series' years, one after the other, with their reporters."""
        df = dossier().to_frame("series", exact=True)
        assert list(df.columns) == SERIES_COLUMNS
        assert rows(df, "reporter", "year", "value") == [
            ["KZ", 2021, D("3.9e9")],
            ["KZ", 2022, D("4.2e9")],
            ["KZ", 2023, D("4.4e9")],
            ["UZ", 2025, D("4.97e9")],
        ]
        assert df.loc[3, "parties"] == ("UZ", "KZ")
        assert list(df.index) == [0, 1, 2, 3]

    def test_targets(self) -> None:
        """A qualified target gives its bounds; missing years are NA."""
        df = dossier().to_frame("targets", exact=True)
        assert rows(df, "value", "low", "high", "qualifier", "currency") == [
            [D("1e10"), D(0), D("1e10"), "up_to", "USD"],
            [D("1.5e10"), D("1.5e10"), D("1.5e10"), "exact", "USD"],
        ]
        assert df["deadline"].dtype == "Int64"
        assert df.loc[0, "deadline"] is pd.NA
        assert df.loc[1, "deadline"] == 2030
        assert df.loc[0, "baseline_year"] == 2021
        assert df["agreement"].tolist() == ["Trade programme", None]

    def test_unknown_part(self) -> None:
        """Another part is refused with the five choices."""
        with pytest.raises(
            InvalidOptionError,
            match="unknown dossier frame 'events': expected one of 'agreements', "
            "'claims', 'projects', 'series', 'targets'",
        ):
            dossier().to_frame("events")  # type: ignore[call-overload]

    def test_bundled_example(self) -> None:
        """The bundled dossier: a row per agreement, project line and target."""
        d = bilat.examples.kazakhstan_uzbekistan()
        assert len(d.to_frame("agreements", as_of="2025-12-31")) == len(d.agreements)
        assert len(d.to_frame("projects")) == len(d.projects)
        assert len(d.to_frame("targets")) == len(d.targets)
        assert len(d.to_frame("series")) == sum(len(s.values) for s in d.series)

    @given(dossiers())
    def test_any_dossier(self, d: Dossier) -> None:
        """Any dossier: one row per item of each part."""
        assert len(d.to_frame("agreements", as_of="2025-01-01")) == len(d.agreements)
        assert len(d.to_frame("projects")) == len(d.projects)
        assert len(d.to_frame("targets")) == len(d.targets)
        assert len(d.to_frame("series")) == sum(len(s.values) for s in d.series)


CALLS: dict[str, Callable[[], object]] = {
    "TradeSeries.to_frame()": lambda: kz_series().to_frame(),
    "Series.to_frame()": lambda: bilat.Series(("KZ",), "km", {2025: 1}).to_frame(),
    "Portfolio.to_frame()": lambda: kz_uz_portfolio().to_frame(),
    "progress_frame()": lambda: progress_frame([]),
    "Dossier.to_frame('agreements')": lambda: dossier().to_frame("agreements"),
    "Dossier.to_frame('projects')": lambda: dossier().to_frame("projects"),
    "Dossier.to_frame('series')": lambda: dossier().to_frame("series"),
    "Dossier.to_frame('targets')": lambda: dossier().to_frame("targets"),
    "Dossier.to_frame('claims')": lambda: dossier().to_frame("claims"),
}


class TestWithoutPandas:
    """Without pandas, each frame names the extra to install."""

    @pytest.mark.parametrize("feature", sorted(CALLS))
    def test_missing_extra(self, feature: str, monkeypatch: pytest.MonkeyPatch) -> None:
        """MissingExtraError (an ImportError) says pip install 'bilat[pandas]'."""
        monkeypatch.setitem(sys.modules, "pandas", None)
        with pytest.raises(
            MissingExtraError, match=r"pip install 'bilat\[pandas\]'"
        ) as e:
            CALLS[feature]()
        assert isinstance(e.value, ImportError)
        assert e.value.extra == "pandas"
        assert e.value.package == "pandas"
        assert e.value.feature == feature
