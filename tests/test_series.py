"""Tests for TradeSeries and TradeMetric."""

from __future__ import annotations

import datetime as dt
import decimal
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from tests.strategies import trade_series

import bilat
from bilat import (
    Country,
    InvalidDateError,
    InvalidNumberError,
    InvalidOptionError,
    Money,
    Source,
    TradeMetric,
    TradeSeries,
    ValidationError,
)

KZ, UZ = Country("KZ"), Country("UZ")


def usd(amount: str | int) -> Money:
    return Money(amount, "USD")


def namespace() -> dict[str, Any]:
    """Names a repr may use."""
    return {**vars(bilat), "Decimal": Decimal, "datetime": dt}


def turnover(values: dict[int, Money], **kwargs: Any) -> TradeSeries:
    return TradeSeries((KZ, UZ), TradeMetric.TURNOVER, values, **kwargs)


class TestTradeMetric:
    """The metric vocabulary."""

    def test_members(self) -> None:
        """Three metrics, named by lower-case values."""
        assert [m.value for m in TradeMetric] == ["turnover", "exports", "imports"]

    def test_from_text(self) -> None:
        """A series accepts the metric's value as text."""
        s = TradeSeries(("KZ", "UZ"), "exports", {2020: usd(1)})
        assert s.metric is TradeMetric.EXPORTS

    def test_unknown(self) -> None:
        """An unknown metric names the field and the choices."""
        with pytest.raises(ValidationError, match="unknown trade metric 'trade'") as e:
            TradeSeries((KZ, UZ), "trade", {2020: usd(1)})
        assert e.value.path == "metric"


class TestConstruction:
    """Fields are converted and validated once, at construction."""

    def test_values_sorted_and_read_only(self) -> None:
        """Values are stored sorted by year in a mapping that cannot change."""
        s = turnover({2023: usd(3), 2021: usd(1), 2022: usd(2)})
        assert list(s.values) == [2021, 2022, 2023]
        assert s.years == (2021, 2022, 2023)
        with pytest.raises(TypeError):
            s.values[2024] = usd(4)  # type: ignore[index]

    def test_input_dict_not_shared(self) -> None:
        """Changing the dict given later does not change the series."""
        given_values = {2021: usd(1)}
        s = turnover(given_values)
        given_values[2022] = usd(2)
        assert s.years == (2021,)

    def test_parties_from_codes(self) -> None:
        """Parties may be given as codes in any ISO form; order is kept."""
        s = TradeSeries(("UZB", 398), "turnover", {2020: usd(1)})
        assert s.parties == (UZ, KZ)

    def test_currency(self) -> None:
        """The series' currency is its values' currency."""
        assert turnover({2020: Money(1, "KZT")}).currency == bilat.Currency("KZT")

    def test_reporter_and_sources(self) -> None:
        """Reporter and sources are kept; the reporter may be a code."""
        src = Source("Bureau of National Statistics")
        s = turnover({2020: usd(1)}, reporter="KZ", sources=[src])
        assert s.reporter == KZ
        assert s.sources == (src,)

    @pytest.mark.parametrize(
        ("values", "path", "message"),
        [
            ({}, "values", "at least one year"),
            ({"2020": usd(1)}, "values['2020']", "expected a year"),
            ({True: usd(1)}, "values[True]", "expected a year"),
            ({0: usd(1)}, "values[0]", "expected a year"),
            ({2020: 1}, "values[2020]", "expected a Money or an Estimate, got 1"),
            (
                {2020: usd(1), 2021: Money(1, "KZT")},
                "values[2021].currency",
                "'KZT' differs from 'USD'",
            ),
        ],
    )
    def test_bad_values(self, values: Any, path: str, message: str) -> None:
        """Each bad value is reported with its field path."""
        with pytest.raises(ValidationError, match=message) as e:
            turnover(values)
        assert e.value.path == path

    def test_values_not_a_mapping(self) -> None:
        """A list of pairs is not accepted as values."""
        with pytest.raises(ValidationError, match="mapping of year to Money"):
            turnover([(2020, usd(1))])  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("parties", "path", "message"),
        [
            ((KZ,), "parties", "at least two countries"),
            ((KZ, "kz"), "parties[1]", "named twice"),
            ((KZ, "XX"), "parties[1]", "unknown country 'XX'"),
            ("KZUZ", "parties", "sequence of at least two"),
        ],
    )
    def test_bad_parties(self, parties: Any, path: str, message: str) -> None:
        """Fewer than two, repeated or unknown parties are refused."""
        with pytest.raises(ValidationError, match=message) as e:
            TradeSeries(parties, TradeMetric.TURNOVER, {2020: usd(1)})
        assert e.value.path == path

    def test_reporter_not_a_party(self) -> None:
        """The reporter must be one of the parties."""
        with pytest.raises(ValidationError, match=r"Country\('RU'\) is not one") as e:
            turnover({2020: usd(1)}, reporter="RU")
        assert e.value.path == "reporter"

    def test_unknown_reporter(self) -> None:
        """An unknown reporter code names the field."""
        with pytest.raises(ValidationError, match="unknown country 'QQ'") as e:
            turnover({2020: usd(1)}, reporter="QQ")
        assert e.value.path == "reporter"

    def test_bad_sources(self) -> None:
        """Sources must be Source values; text is not a source."""
        with pytest.raises(ValidationError, match="expected a Source, got 'x'") as e:
            turnover({2020: usd(1)}, sources=[Source("a"), "x"])
        assert e.value.path == "sources[1]"
        with pytest.raises(ValidationError, match="sequence of Source") as e:
            turnover({2020: usd(1)}, sources="Akorda")
        assert e.value.path == "sources"

    def test_value_sources(self) -> None:
        """Per-year sources are kept sorted; a single Source stands for one."""
        a, b = Source("a"), Source("b")
        s = turnover({2020: usd(1), 2021: usd(2)}, value_sources={2021: b, 2020: [a]})
        assert dict(s.value_sources) == {2020: (a,), 2021: (b,)}

    def test_value_sources_for_missing_year(self) -> None:
        """Sources for a year with no value are refused."""
        with pytest.raises(ValidationError, match="no value for 2019") as e:
            turnover({2020: usd(1)}, value_sources={2019: (Source("a"),)})
        assert e.value.path == "value_sources[2019]"

    def test_value_sources_bad(self) -> None:
        """Per-year sources must map years to sources."""
        with pytest.raises(ValidationError, match="mapping of year to sources"):
            turnover({2020: usd(1)}, value_sources=[Source("a")])
        with pytest.raises(ValidationError, match="expected a Source") as e:
            turnover({2020: usd(1)}, value_sources={2020: [1]})
        assert e.value.path == "value_sources[2020][0]"


class TestEquality:
    """Series compare by meaning and hash consistently."""

    def test_order_and_scale_do_not_matter(self) -> None:
        """Insertion order and trailing zeros of amounts do not matter."""
        a = turnover({2020: usd("1.0"), 2021: usd(2)})
        b = turnover({2021: usd("2.00"), 2020: usd(1)})
        assert a == b
        assert hash(a) == hash(b)

    def test_different_values(self) -> None:
        """A different value, reporter or per-year source makes a different series."""
        base = turnover({2020: usd(1)})
        assert base != turnover({2020: usd(2)})
        assert base != turnover({2020: usd(1)}, reporter=KZ)
        assert base != turnover({2020: usd(1)}, value_sources={2020: (Source("a"),)})


class TestLatest:
    """latest() picks the last year on or before as_of."""

    series = turnover({2019: usd(1), 2021: usd(3), 2023: usd(4)})

    @pytest.mark.parametrize(
        ("as_of", "expected"),
        [
            (2023, (2023, usd(4))),
            (2022, (2021, usd(3))),
            (dt.date(2021, 1, 1), (2021, usd(3))),
            (dt.datetime(2020, 12, 31, 23, 59), (2019, usd(1))),
            (2018, None),
        ],
    )
    def test_as_of(self, as_of: Any, expected: Any) -> None:
        """A date counts by its year; before the first year there is nothing."""
        assert self.series.latest(as_of) == expected

    def test_none_is_today(self) -> None:
        """Without as_of the current year is used, so the last past year is found."""
        assert self.series.latest() == (2023, usd(4))
        future = turnover({2023: usd(4), 9999: usd(5)})
        assert future.latest() == (2023, usd(4))

    @pytest.mark.parametrize("as_of", [True, "2023", 2023.0, 0])
    def test_bad_as_of(self, as_of: Any) -> None:
        """as_of must be a date, a year or None."""
        with pytest.raises(InvalidDateError, match="as_of: expected a date") as e:
            self.series.latest(as_of)
        assert isinstance(e.value, InvalidNumberError)  # as bilat 0.1 raised


class TestCagr:
    """cagr() is (v_end/v_start)^(1/(end−start)) − 1, or None when undefined."""

    @pytest.mark.parametrize(
        ("start", "end", "years", "expected"),
        [
            # 121/100 over two years: sqrt(1.21) - 1 = 0.1 exactly
            ("100", "121", 2, Decimal("0.1")),
            # one year: 4.4/3.9 - 1 = 0.5/3.9 = 5/39 = 0.128205 128205 ...
            ("3.9", "4.4", 1, Decimal("0." + "128205" * 10)),
            # halving over one year
            ("200", "100", 1, Decimal("-0.5")),
            # trade stopped: -100 %
            ("100", "0", 3, Decimal(-1)),
            # cube root of 8 is 2
            ("1", "8", 3, Decimal(1)),
        ],
    )
    def test_exact(self, start: str, end: str, years: int, expected: Decimal) -> None:
        """Rates with exact answers come out exact (to the context's precision)."""
        s = turnover({2020: usd(start), 2020 + years: usd(end)})
        result = s.cagr(2020, 2020 + years)
        assert result is not None
        assert abs(result - expected) < Decimal("1e-50")

    def test_by_hand(self) -> None:
        """$3.9 bn (2021) to $4.4 bn (2023): sqrt(4.4/3.9) − 1 = 0.0621700090875887."""
        s = turnover({2021: usd("3.9e9"), 2023: usd("4.4e9")})
        assert float(s.cagr(2021, 2023) or 0) == pytest.approx(
            0.0621700090875887, rel=1e-12
        )

    @pytest.mark.parametrize(
        ("start", "end"),
        [("0", "5"), ("-2", "5"), ("5", "-2"), ("-2", "-5")],
    )
    def test_undefined(self, start: str, end: str) -> None:
        """A start of zero or below, or a negative end, has no growth rate."""
        s = turnover({2020: usd(start), 2022: usd(end)})
        assert s.cagr(2020, 2022) is None

    def test_unknown_year(self) -> None:
        """A year not in the series is refused, listing the years there are."""
        s = turnover({2020: usd(1), 2022: usd(2)})
        with pytest.raises(InvalidOptionError, match=r"unknown year 2021: .*'2020'"):
            s.cagr(2021, 2022)
        with pytest.raises(InvalidOptionError, match="unknown year '2022'"):
            s.cagr(2020, "2022")  # type: ignore[arg-type]

    def test_reversed_years(self) -> None:
        """The start year must come before the end year."""
        s = turnover({2020: usd(1), 2022: usd(2)})
        with pytest.raises(InvalidNumberError, match="start year before the end year"):
            s.cagr(2022, 2020)
        with pytest.raises(InvalidNumberError, match="year range"):
            s.cagr(2020, 2020)

    def test_caller_context_ignored(self) -> None:
        """A low-precision caller context does not change the result."""
        s = turnover({2021: usd("3.9"), 2023: usd("4.4")})
        expected = s.cagr(2021, 2023)
        with decimal.localcontext() as ctx:
            ctx.prec = 3
            ctx.rounding = decimal.ROUND_DOWN
            assert s.cagr(2021, 2023) == expected


class TestSources:
    """Each value can say where it came from."""

    def test_sources_for(self) -> None:
        """A year's own sources come first, then the series' (no repeats)."""
        meeting, gov = Source("Ministers' meeting"), Source("Government")
        s = turnover(
            {2021: usd(1), 2022: usd("4.6e9")},
            sources=(gov,),
            value_sources={2022: (meeting, gov)},
        )
        assert s.sources_for(2022) == (meeting, gov)
        assert s.sources_for(2021) == (gov,)

    def test_two_reporters_kept_apart(self) -> None:
        """Two statements of the same year's turnover stay two series."""
        meeting = Source("Ministers' meeting")
        gov = Source("Government of Kazakhstan")
        said = turnover({2022: usd("4.6e9")}, value_sources={2022: (meeting,)})
        official = turnover({2022: usd("5.0e9")}, reporter=KZ, sources=(gov,))
        assert said != official
        assert said.sources_for(2022) == (meeting,)
        assert official.sources_for(2022) == (gov,)


class TestRepr:
    """repr shows the constructor call and round-trips through eval."""

    def test_minimal(self) -> None:
        """Defaults are left out."""
        s = turnover({2021: usd("3.9e9")})
        assert repr(s) == (
            "TradeSeries((Country('KZ'), Country('UZ')), TradeMetric.TURNOVER, "
            "{2021: Money('3.9E+9', 'USD')})"
        )

    def test_full(self) -> None:
        """Every field round-trips."""
        s = TradeSeries(
            (UZ, KZ),
            "imports",
            {2021: usd(1), 2022: usd(2)},
            reporter=UZ,
            sources=(Source("a"),),
            value_sources={2022: (Source("b"),)},
        )
        text = repr(s)
        assert "reporter=Country('UZ')" in text
        assert eval(text, namespace()) == s

    @given(trade_series())
    def test_round_trip(self, s: TradeSeries) -> None:
        """eval(repr(s)) == s for any series."""
        assert eval(repr(s), namespace()) == s
