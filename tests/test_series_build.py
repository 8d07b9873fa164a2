"""The readers' fast series construction: the same series as the public constructor."""

from __future__ import annotations

import functools
import pickle
import warnings
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from types import MappingProxyType

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.strategies import sources, trade_metrics, wide_amounts
from tests.values import amount_at, amounts

from bilat import (
    Country,
    Currency,
    Money,
    Source,
    TradeMetric,
    TradeSeries,
    ValidationError,
)
from bilat._decimal import EXACT
from bilat._money import make_money
from bilat.io import read_comtrade, series_from_frame

CODES = ("KZ", "UZ", "KG", "TJ", "TM", "CN", "RU", "US")
HEADER = "freqCode,refYear,period,reporterCode,partnerCode,flowCode,primaryValue"
#: Kazakhstan (398) and Uzbekistan (860) on each other: exports and imports.
ROWS = (
    "A,2021,2021,398,860,X,1000.25",
    "A,2021,2021,398,860,M,2000.5",
    "A,2022,2022,398,860,X,1E+3",
    "A,2022,2022,398,860,M,7",
    "A,2023,2023,860,398,X,0.10",
    "A,2023,2023,860,398,M,0.2",
)

#: (reporter, partner) -> year -> exports plus imports of ROWS, added by hand.
EXPECTED = {
    ("KZ", "UZ"): {2021: "3000.75", 2022: "1007"},
    ("UZ", "KZ"): {2023: "0.30"},
}


def _public(series: TradeSeries) -> TradeSeries:
    """The same fields through the public constructor, every check run."""
    return TradeSeries(
        tuple(c.alpha2 for c in series.parties),
        series.metric.value,
        {
            year: Money(str(m), series.currency.code)
            for year, m in amounts(series).items()
        },
        reporter=None if series.reporter is None else series.reporter.alpha2,
        sources=list(series.sources),
        value_sources=dict(series.value_sources),
    )


def _recipe(series: TradeSeries) -> tuple[object, ...]:
    """What a pickle of ``series`` calls, with which arguments."""
    recipe = series.__reduce__()
    assert isinstance(recipe, tuple)
    call, args = recipe[:2]
    if isinstance(call, functools.partial):  # keyword arguments
        return call.func, call.args, call.keywords, args
    return call, args


def _same(fast: TradeSeries, slow: TradeSeries) -> None:
    assert fast == slow
    assert repr(fast) == repr(slow)
    assert hash(fast) == hash(slow)
    # The same pickling recipe (the public constructor and its arguments),
    # and a pickle that loads as the same series.
    assert _recipe(fast) == _recipe(slow)
    loaded = pickle.loads(pickle.dumps(fast))
    assert loaded == slow
    assert repr(loaded) == repr(slow)


@st.composite
def _fields(
    draw: st.DrawFn,
) -> tuple[
    tuple[Country, Country], TradeMetric, dict[int, Decimal], bool, tuple[Source, ...]
]:
    codes = draw(st.lists(st.sampled_from(CODES), min_size=2, max_size=2, unique=True))
    years = draw(st.lists(st.integers(1, 9999), min_size=1, max_size=5, unique=True))
    # Each value an exact sum of read numbers, as the readers make them.
    values = {
        year: EXACT.add(Decimal(0), draw(wide_amounts())) for year in sorted(years)
    }
    parties = (Country(codes[0]), Country(codes[1]))
    chosen = draw(st.lists(sources(), max_size=2).map(tuple))
    return parties, draw(trade_metrics()), values, draw(st.booleans()), chosen


class TestTrusted:
    """TradeSeries._trusted builds what the public constructor builds."""

    @given(_fields(), st.sampled_from(("USD", "EUR", "JPY")))
    def test_equal_to_public(
        self,
        fields: tuple[
            tuple[Country, Country],
            TradeMetric,
            dict[int, Decimal],
            bool,
            tuple[Source, ...],
        ],
        code: str,
    ) -> None:
        """Equal, with the same repr, hash and pickle, for any valid fields."""
        parties, metric, amounts, reported, chosen = fields
        currency = Currency(code)
        reporter = parties[0] if reported else None
        fast = TradeSeries._trusted(
            parties,
            metric,
            {y: make_money(a, currency) for y, a in amounts.items()},
            reporter,
            chosen,
        )
        slow = TradeSeries(
            [c.alpha3 for c in parties],
            metric.value,
            {y: Money(str(a), code) for y, a in reversed(amounts.items())},
            reporter=None if reporter is None else reporter.alpha2,
            sources=list(chosen),
        )
        _same(fast, slow)
        assert list(fast.values) == sorted(amounts)

    def test_read_only(self) -> None:
        """The values and per-year sources cannot be changed, nor the fields."""
        fast = TradeSeries._trusted(
            (Country("KZ"), Country("UZ")),
            TradeMetric.EXPORTS,
            {2020: Money(1, "USD")},
            None,
            (),
        )
        assert isinstance(fast.values, MappingProxyType)
        assert isinstance(fast.value_sources, MappingProxyType)
        assert dict(fast.value_sources) == {}
        with pytest.raises(TypeError):
            fast.values[2021] = Money(2, "USD")  # type: ignore[index]
        with pytest.raises(AttributeError):
            fast.metric = TradeMetric.IMPORTS  # type: ignore[misc]


class TestMakeMoney:
    """Money from an exact sum is the Money its constructor builds."""

    @given(wide_amounts(), wide_amounts())
    def test_sum(self, first: Decimal, second: Decimal) -> None:
        """make_money of an exact sum equals Money of the sum's text, repr and all."""
        total = EXACT.add(EXACT.add(Decimal(0), first), second)
        fast = make_money(total, Currency("USD"))
        slow = Money(str(total), "USD")
        assert fast == slow
        assert repr(fast) == repr(slow)
        assert hash(fast) == hash(slow)
        assert Fraction(fast.amount) == Fraction(first) + Fraction(second)


class TestReaders:
    """The readers' series equal those of the public constructor, values by hand."""

    def _check(self, found: dict[tuple[Country, Country], TradeSeries]) -> None:
        assert {(r.alpha2, p.alpha2): s for (r, p), s in found.items()}.keys() == (
            EXPECTED.keys()
        )
        for (reporter, partner), series in found.items():
            expected = EXPECTED[reporter.alpha2, partner.alpha2]
            assert dict(series.values) == {
                y: Money(v, "USD") for y, v in expected.items()
            }
            assert series.reporter == reporter
            assert series.parties == (reporter, partner)
            assert list(series.values) == sorted(expected)
            _same(series, _public(series))

    def test_read_comtrade(self, tmp_path: Path) -> None:
        """read_comtrade's series are those the public constructor builds."""
        path = tmp_path / "trade.csv"
        path.write_text("\n".join((HEADER, *ROWS)) + "\n", encoding="utf-8")
        self._check(read_comtrade(path))

    def test_series_from_frame(self) -> None:
        """series_from_frame's series are those the public constructor builds."""
        names = HEADER.split(",")
        frame = pl.DataFrame(
            [dict(zip(names, row.split(","), strict=True)) for row in ROWS]
        )
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            self._check(series_from_frame(frame))

    def test_shared_source(self, tmp_path: Path) -> None:
        """Pairs with the same note share one Source, equal to a fresh one."""
        path = tmp_path / "trade.csv"
        rows = [*ROWS, "A,2021,2021,417,860,X,5", "A,2021,2021,417,860,M,6"]
        path.write_text("\n".join((HEADER, *rows)) + "\n", encoding="utf-8")
        found = read_comtrade(path)
        kg = found[Country("KG"), Country("UZ")]
        assert kg.values == {2021: Money(11, "USD")}
        source = kg.sources[0]
        rebuilt = Source(
            source.title,
            publisher=source.publisher,
            url=source.url,
            published=source.published,
            accessed=source.accessed,
            note=source.note,
        )
        assert source == rebuilt
        assert repr(source) == repr(rebuilt)


class TestValuesChecked:
    """The public constructor's values: sorted, checked, one currency."""

    @given(
        st.lists(st.integers(1, 9999), min_size=1, max_size=8, unique=True),
        st.randoms(use_true_random=False),
    )
    def test_any_order(self, years: list[int], random: object) -> None:
        """Years given in any order are stored in increasing order."""
        given_years = list(years)
        random.shuffle(given_years)  # type: ignore[attr-defined]
        series = TradeSeries(
            ("KZ", "UZ"), "exports", {y: Money(y, "USD") for y in given_years}
        )
        assert list(series.values) == sorted(years)
        assert all(m == Money(y, "USD") for y, m in series.values.items())

    @pytest.mark.parametrize("year", [True, 2020.0, "2020", 0, 10_000])
    def test_year_refused(self, year: object) -> None:
        """A key that is not an int year from 1 to 9999 is refused by name."""
        with pytest.raises(ValidationError, match=r"values\[") as caught:
            TradeSeries(
                ("KZ", "UZ"),
                "exports",
                {2019: Money(1, "USD"), year: Money(2, "USD")},  # type: ignore[dict-item]
            )
        assert "expected a year" in str(caught.value)

    def test_equal_currencies(self) -> None:
        """Two equal currencies that are different objects are one currency."""
        first, second = Money(1, Currency("USD")), Money(2, Currency("usd"))
        series = TradeSeries(("KZ", "UZ"), "exports", {2020: first, 2021: second})
        assert series.currency == Currency("USD")

    def test_two_currencies(self) -> None:
        """A second currency is refused at its year."""
        with pytest.raises(ValidationError, match=r"values\[2021\]\.currency"):
            TradeSeries(
                ("KZ", "UZ"),
                "exports",
                {2020: Money(1, "USD"), 2021: Money(1, "EUR")},
            )

    def test_not_money(self) -> None:
        """A value that is not Money is refused at its year."""
        with pytest.raises(ValidationError, match=r"values\[2020\]"):
            TradeSeries(("KZ", "UZ"), "exports", {2020: Decimal(1)})  # type: ignore[dict-item]


class TestFrameFloats:
    """Float cells of a frame are read exactly as to_decimal reads them."""

    @given(st.just(0.0) | st.floats(min_value=1e-6, max_value=1e15))
    def test_float_value(self, number: float) -> None:
        """A float value becomes the Decimal of its shortest repr."""
        frame = pl.DataFrame(
            {
                "refYear": [2020, 2020],
                "reporterCode": [398, 398],
                "partnerCode": [860, 860],
                "flowCode": ["X", "M"],
                "primaryValue": [number, 0.5],
            }
        )
        found = series_from_frame(frame)[Country("KZ"), Country("UZ")]
        expected = Fraction(Decimal(repr(number))) + Fraction(1, 2)
        assert Fraction(amount_at(found, 2020)) == expected

    @pytest.mark.parametrize("number", [1e300, 1e-129, float("inf"), float("nan")])
    def test_float_refused(self, number: float) -> None:
        """A float beyond bilat's range (either way), infinite or NaN is refused."""
        frame = pl.DataFrame(
            {
                "refYear": [2020, 2020],
                "reporterCode": [398, 398],
                "partnerCode": [860, 860],
                "flowCode": ["X", "M"],
                "primaryValue": [number, 0.5],
            }
        )
        with pytest.raises(ValidationError, match="primaryValue"):
            series_from_frame(frame)
