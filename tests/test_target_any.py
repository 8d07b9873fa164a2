"""Targets and series on any measure: Target, Series, and TradeSeries with Estimates.

A target of a quantity or a number is measured by the same method as a
trade target: the tests compare its figures with those of the same numbers
as Money (amounts converted by the units' definitions, by hand), and with
figures worked out with binary floats.
"""

from __future__ import annotations

import datetime as dt
import inspect
import pickle
from decimal import Decimal
from typing import Any, ClassVar

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from tests.strategies import amounts, measure_series, targets

import bilat
from bilat import (
    Q_,
    Claim,
    Country,
    CurrencyMismatchError,
    Dossier,
    Estimate,
    ExchangeRates,
    InvalidOptionError,
    Money,
    Progress,
    ProgressStatus,
    ProgressUpdate,
    Project,
    Qualifier,
    Series,
    Source,
    Target,
    TradeMetric,
    TradeSeries,
    TradeTarget,
    UnitMismatchError,
    ValidationError,
)
from bilat._measure import amount
from bilat.io import dumps, loads

KZ, UZ = Country("KZ"), Country("UZ")
PARTIES = (KZ, UZ)
S = ProgressStatus
REL = 1e-9
TRACK = "Darbaza–Maktaaral railway: length"

#: Kilometres in one of each unit, from the units' definitions.
KM: dict[str, Decimal] = {
    "km": Decimal(1),
    "m": Decimal("0.001"),
    "mile": Decimal("1.609344"),
}

#: The figures of a Progress that are ratios, years or the status.
RATIOS: tuple[str, ...] = (
    "as_of",
    "year",
    "base_year",
    "share",
    "actual_cagr",
    "planned_cagr",
    "required_cagr",
    "growth_ratio",
    "anticipated",
    "eta",
    "status",
)

#: The figures of a Progress that are amounts of the target's kind.
AMOUNTS: tuple[str, ...] = ("current", "base", "gap", "projected")


def usd(number: str | int | Decimal) -> Money:
    return Money(number, "USD")


def namespace() -> dict[str, Any]:
    """Names a repr may use."""
    return {
        **{n: getattr(bilat, n) for n in bilat.__all__},
        "Decimal": Decimal,
        "datetime": dt,
    }


def track(values: dict[int, Any], **kwargs: Any) -> Series:
    return Series(PARTIES, TRACK, values, **kwargs)


def approx(value: Decimal | None, expected: float) -> bool:
    """Whether a Decimal is within REL of a float worked out by hand."""
    return value is not None and float(value) == pytest.approx(expected, rel=REL)


def same_figures(found: Progress[Any], expected: Progress[Any]) -> None:
    """Equal ratios, years and status; amounts with equal numbers."""
    for name in RATIOS:
        assert getattr(found, name) == getattr(expected, name), name
    for name in AMOUNTS:
        mine, theirs = getattr(found, name), getattr(expected, name)
        assert (mine is None) == (theirs is None), name
        if mine is not None:
            assert amount(mine) == amount(theirs), name
    assert dict(found.out_of_range) == dict(expected.out_of_range)


# -- targets ----------------------------------------------------------------------


class TestTarget:
    """A target of any measure is validated at construction."""

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (Q_("152 km"), Q_("152 km")),
            (100, Decimal(100)),
            (Decimal("2.5"), Decimal("2.5")),
            (usd(10), usd(10)),
        ],
    )
    def test_values(self, value: Any, expected: Any) -> None:
        """Quantities, numbers (ints become Decimals) and Money are kept."""
        t = Target(PARTIES, value, subject="track")
        assert t.value == expected
        assert type(t.value) is type(expected)

    def test_estimate_value(self) -> None:
        """An Estimate is kept; its stated value is the unit."""
        up_to = Estimate(usd("1e10"), Qualifier.UP_TO)
        t = Target(PARTIES, up_to, subject="turnover")
        assert t.value is up_to
        assert t.unit == usd("1e10")

    def test_trade_metric_subject(self) -> None:
        """A TradeMetric stands for its value."""
        assert Target(PARTIES, 1, subject=TradeMetric.EXPORTS).subject == "exports"

    @pytest.mark.parametrize(
        ("kwargs", "path", "message"),
        [
            ({"value": Q_("0 km")}, "value", "expected a positive amount"),
            ({"value": -3}, "value", "expected a positive amount"),
            ({"value": usd(0)}, "value", "expected a positive amount"),
            ({"value": "152 km"}, "value", "read it with Money.parse"),
            ({"value": 1.5}, "value", "expected Money, an Estimate"),
            ({"subject": ""}, "subject", "expected a non-empty string"),
            ({"deadline": "2030"}, "deadline", "expected a year"),
            (
                {"deadline": 2026, "baseline_year": 2026},
                "baseline_year",
                "2026 is not before the deadline 2026",
            ),
            ({"parties": ()}, "parties", "at least one country"),
            ({"parties": ("KZ", "KZ")}, "parties[1]", "KZ"),
        ],
    )
    def test_invalid(self, kwargs: dict[str, Any], path: str, message: str) -> None:
        """Each invalid field is reported with its path."""
        args: dict[str, Any] = {
            "parties": PARTIES,
            "value": Q_("152 km"),
            "subject": "track",
        } | kwargs
        with pytest.raises(ValidationError, match=message) as e:
            Target(**args)
        assert e.value.path == path

    def test_equality_by_size(self) -> None:
        """Targets of one size in different units are equal, with one hash."""
        miles = Target(PARTIES, Q_("1 mile"), subject="track")
        km = Target(PARTIES, Q_("1.609344 km"), subject="track")
        assert miles == km
        assert hash(miles) == hash(km)
        assert miles != Target(PARTIES, Q_("1.609 km"), subject="track")

    @pytest.mark.parametrize(
        "value",
        [
            Q_("152 km"),
            Q_("1.5E+3 m"),
            Q_("20 Mt/a"),
            100,
            usd("1e10"),
            Estimate.parse("over $3 bn"),
        ],
        ids=str,
    )
    def test_repr_round_trip(self, value: Any) -> None:
        """eval(repr(t)) == t for every kind of value."""
        t = Target(
            PARTIES, value, deadline=2026, subject="track", sources=[Source("Akorda")]
        )
        assert eval(repr(t), namespace()) == t

    def test_pickle(self) -> None:
        """A target of a quantity pickles equal, in bilat's registry."""
        t = Target(PARTIES, Q_("152.5 km"), deadline=2026, subject="track")
        again = pickle.loads(pickle.dumps(t))
        assert again == t
        assert again.value._REGISTRY is bilat.ureg


class TestQuantityProgress:
    """A quantity target is measured in its unit, as Money would be."""

    def test_by_hand(self) -> None:
        """152 km by 2026 against 20000 m in 2023 and 106 km in 2025."""
        target = Target(PARTIES, Q_("152 km"), deadline=2026, subject=TRACK)
        p = target.progress(track({2023: Q_("20000 m"), 2025: Q_("106 km")}), 2025)
        assert (p.year, p.base_year) == (2025, 2023)
        assert p.current == Q_("106 km")
        assert p.base == Q_("20 km")
        assert p.gap == Q_("46 km")
        assert p.current.units == bilat.ureg.kilometer  # type: ignore[union-attr]
        assert approx(p.share, 106 / 152)
        actual = (106 / 20) ** (1 / 2) - 1
        planned = (152 / 20) ** (1 / 3) - 1
        assert approx(p.actual_cagr, actual)
        assert approx(p.planned_cagr, planned)
        assert approx(p.required_cagr, 152 / 106 - 1)
        assert approx(p.growth_ratio, actual / planned)
        assert approx(amount(p.projected), 106 * (1 + actual))  # type: ignore[arg-type]
        assert approx(p.anticipated, (106 * (1 + actual) - 20) / (152 - 20))
        assert p.eta == 2026
        assert p.status is S.ON_TRACK
        assert not p.approximate

    def test_reached_in_other_units(self) -> None:
        """152000 m against 152 km: share exactly 1, gap 0 km, achieved."""
        target = Target(PARTIES, Q_("152 km"), deadline=2026, subject=TRACK)
        p = target.progress(track({2024: Q_("1 mile"), 2025: Q_("152000 m")}), 2025)
        assert p.share == 1
        assert p.gap == Q_("0 km")
        assert p.status is S.ACHIEVED

    @pytest.mark.parametrize("series_unit", sorted(KM))
    @pytest.mark.parametrize("target_unit", ["km", "m"])
    def test_equals_money(self, series_unit: str, target_unit: str) -> None:
        """Every figure equals that of the same lengths as Money (in km)."""
        numbers = {2021: Decimal(20), 2023: Decimal("55.5"), 2025: Decimal(106)}
        series = track({y: Q_(n, series_unit) for y, n in numbers.items()})
        goal = Decimal(152) / KM[target_unit]
        target = Target(PARTIES, Q_(goal, target_unit), deadline=2028, subject=TRACK)
        money = TradeSeries(
            PARTIES,
            "turnover",
            {y: usd(n * KM[series_unit] / KM[target_unit]) for y, n in numbers.items()},
        )
        expected = TradeTarget(PARTIES, usd(goal), deadline=2028).progress(money, 2025)
        found = target.progress(series, 2025)
        same_figures(found, expected)
        assert found.gap.units == bilat.ureg.parse_units(target_unit)  # type: ignore[union-attr]

    @settings(max_examples=60, deadline=None)
    @given(
        st.dictionaries(
            st.integers(2000, 2030),
            amounts(min_value=0, max_value=10**6, max_places=3),
            min_size=1,
            max_size=5,
        ),
        st.sampled_from(sorted(KM)),
        amounts(min_value=1, max_value=10**6, max_places=3),
        st.none() | st.integers(2010, 2040),
        st.integers(1995, 2040),
    )
    def test_equals_money_for_any_lengths(
        self,
        numbers: dict[int, Decimal],
        unit: str,
        goal: Decimal,
        deadline: int | None,
        as_of: int,
    ) -> None:
        """Any lengths in km, m or miles measure as the same numbers of km as Money."""
        series = track({y: Q_(n, unit) for y, n in numbers.items()})
        target = Target(PARTIES, Q_(goal, "km"), deadline=deadline, subject=TRACK)
        money = TradeSeries(
            PARTIES, "turnover", {y: usd(n * KM[unit]) for y, n in numbers.items()}
        )
        expected = TradeTarget(PARTIES, usd(goal), deadline=deadline).progress(
            money, as_of
        )
        same_figures(target.progress(series, as_of), expected)


class TestNumberProgress:
    """A target of a number (a count) is measured like Money of the same amounts."""

    def test_by_hand(self) -> None:
        """100 joint projects by 2030: 69 in 2024 and 78 in 2025."""
        target = Target(PARTIES, 100, deadline=2030, subject="joint projects")
        counted = Series(PARTIES, "joint projects", {2024: 69, 2025: 78})
        p = target.progress(counted, 2025)
        assert (p.current, p.base, p.gap) == (Decimal(78), Decimal(69), Decimal(22))
        assert approx(p.actual_cagr, 78 / 69 - 1)
        assert approx(p.planned_cagr, (100 / 69) ** (1 / 6) - 1)
        assert p.status is S.ON_TRACK

    @settings(max_examples=40, deadline=None)
    @given(
        st.dictionaries(
            st.integers(2000, 2030),
            amounts(min_value=0, max_value=10**9, max_places=2),
            min_size=1,
            max_size=5,
        ),
        amounts(min_value=1, max_value=10**9, max_places=2),
        st.none() | st.integers(2010, 2040),
        st.integers(1995, 2040),
    )
    def test_equals_money(
        self,
        numbers: dict[int, Decimal],
        goal: Decimal,
        deadline: int | None,
        as_of: int,
    ) -> None:
        """Every figure equals that of the same amounts as Money."""
        series = Series(PARTIES, "projects", numbers)
        target = Target(PARTIES, goal, deadline=deadline, subject="projects")
        money = TradeSeries(
            PARTIES, "turnover", {y: usd(n) for y, n in numbers.items()}
        )
        expected = TradeTarget(PARTIES, usd(goal), deadline=deadline).progress(
            money, as_of
        )
        found = target.progress(series, as_of)
        same_figures(found, expected)
        assert all(
            type(getattr(found, name)) is Decimal
            for name in AMOUNTS
            if getattr(found, name) is not None
        )


class TestEstimates:
    """An Estimate in a series: progress uses its stated value and says so."""

    VALUES: ClassVar[dict[int, str]] = {2021: "3.9e9", 2023: "4.4e9", 2024: "4.3e9"}

    def _series(self, estimated: frozenset[int], cls: type = Series) -> Any:
        values = {
            year: Estimate(usd(text), Qualifier.ABOUT)
            if year in estimated
            else usd(text)
            for year, text in self.VALUES.items()
        }
        if cls is TradeSeries:
            return TradeSeries(PARTIES, "turnover", values)
        return Series(PARTIES, "turnover", values)

    @pytest.mark.parametrize("cls", [Series, TradeSeries])
    @pytest.mark.parametrize(
        ("estimated", "as_of", "approximate"),
        [
            (frozenset({2024}), 2024, True),  # the current value
            (frozenset({2021}), 2024, True),  # the base value
            (frozenset({2023}), 2024, False),  # neither
            (frozenset({2023}), 2023, True),
            (frozenset(), 2024, False),
            (frozenset({2021, 2023, 2024}), 2024, True),
        ],
    )
    def test_stated_value_and_approximate(
        self, cls: type, estimated: frozenset[int], as_of: int, approximate: bool
    ) -> None:
        """The figures equal those of plain Money; approximate says whether an
        Estimate was used."""
        target = Target(PARTIES, usd("1e10"), deadline=2030, subject="turnover")
        found = target.progress(self._series(estimated, cls), as_of)
        expected = target.progress(self._series(frozenset(), cls), as_of)
        same_figures(found, expected)
        assert found.approximate is approximate
        trade = TradeTarget(PARTIES, usd("1e10"), deadline=2030)
        assert (
            trade.progress(self._series(estimated, cls), as_of).approximate
            is approximate
        )

    def test_estimate_target(self) -> None:
        """A target stated as an Estimate is measured against its stated value."""
        up_to = Target(PARTIES, Estimate.parse("up to $10 billion"), subject="turnover")
        exact = Target(PARTIES, usd("1e10"), subject="turnover")
        series = self._series(frozenset({2024}))
        same_figures(up_to.progress(series, 2024), exact.progress(series, 2024))


class TestMismatches:
    """A series of another kind, dimension or currency is refused, naming both."""

    def test_other_dimension(self) -> None:
        """Kilograms against kilometres: UnitMismatchError naming both units."""
        target = Target(PARTIES, Q_("152 km"), subject=TRACK)
        with pytest.raises(UnitMismatchError) as e:
            target.progress(track({2025: Q_("5 kg")}), 2025)
        assert "kilogram" in str(e.value)
        assert "kilometer" in str(e.value)

    @pytest.mark.parametrize(
        ("value", "series_value", "first", "second"),
        [
            (Q_("152 km"), usd(1), "money in USD", "a quantity in 'kilometer'"),
            (usd(10), Q_("5 km"), "a quantity in 'kilometer'", "money in USD"),
            (Q_("152 km"), 5, "a number", "a quantity in 'kilometer'"),
            (100, usd(1), "money in USD", "a number"),
        ],
    )
    def test_other_kind(
        self, value: Any, series_value: Any, first: str, second: str
    ) -> None:
        """Money against a quantity or a number: ValidationError naming both kinds."""
        target = Target(PARTIES, value, subject=TRACK)
        with pytest.raises(ValidationError) as e:
            target.progress(track({2025: series_value}), 2025)
        assert first in str(e.value)
        assert second in str(e.value)

    @pytest.mark.parametrize("as_of", [2025, 2020])
    def test_other_currency_without_rates(self, as_of: int) -> None:
        """EUR against USD without rates: the message names rates= and the call,
        also as of a year before the series."""
        target = Target(PARTIES, usd(10), subject="turnover")
        series = Series(PARTIES, "turnover", {2025: Money(1, "EUR")})
        with pytest.raises(CurrencyMismatchError) as e:
            target.progress(series, as_of)
        assert (e.value.left, e.value.right) == ("EUR", "USD")
        assert "pass rates= to Target.progress()" in str(e.value)

    def test_other_kind_before_the_series(self) -> None:
        """A series of another kind is refused even as of a year before it."""
        target = Target(PARTIES, Q_("152 km"), subject=TRACK)
        with pytest.raises(UnitMismatchError):
            target.progress(track({2025: Q_("5 kg")}), 2020)
        with pytest.raises(ValidationError):
            target.progress(track({2025: 5}), 2020)

    def test_other_currency_with_rates(self) -> None:
        """With rates, each value converts at its year's end rate."""
        rates = ExchangeRates.from_records(
            [
                (dt.date(2024, 12, 31), "USD", "KZT", "500"),
                (dt.date(2025, 12, 31), "USD", "KZT", "520"),
            ]
        )
        target = Target(PARTIES, usd(10), deadline=2030, subject="turnover")
        series = Series(
            PARTIES, "turnover", {2024: Money(2000, "KZT"), 2025: Money(2600, "KZT")}
        )
        p = target.progress(series, 2025, rates)
        assert (p.base, p.current) == (usd(4), usd(5))
        assert p.actual_cagr == Decimal("0.25")

    @pytest.mark.parametrize(
        ("series", "path"),
        [
            (Series(PARTIES, "track", {2025: Q_("1 km")}), "subject"),
            (Series((KZ, Country("KG")), TRACK, {2025: Q_("1 km")}), "parties"),
        ],
    )
    def test_other_subject_or_parties(self, series: Series, path: str) -> None:
        """A series of another subject or pair is refused with the path."""
        target = Target(PARTIES, Q_("152 km"), subject=TRACK)
        with pytest.raises(ValidationError) as e:
            target.progress(series, 2025)
        assert e.value.path == path


class TestTradeTargetAgainstSeries:
    """A trade target measures a general Series of its metric in money."""

    def test_same_as_trade_series(self) -> None:
        """A Series of turnover in USD gives the figures of the TradeSeries."""
        values = {2022: usd(5), 2023: usd(6)}
        target = TradeTarget(PARTIES, usd(10), deadline=2030)
        found = target.progress(Series(PARTIES, "turnover", values), 2023)
        same_figures(
            found, target.progress(TradeSeries(PARTIES, "turnover", values), 2023)
        )

    @pytest.mark.parametrize(
        ("value", "error"),
        [
            (3, ValidationError),
            (Q_("3 km"), ValidationError),
            (Money(3, "EUR"), CurrencyMismatchError),
        ],
    )
    def test_not_money_of_its_currency(
        self, value: Any, error: type[Exception]
    ) -> None:
        """Numbers, quantities and other currencies are refused with a BilatError."""
        target = TradeTarget(PARTIES, usd(10))
        with pytest.raises(error, match=r"TradeTarget\.progress\(\)"):
            target.progress(Series(PARTIES, "turnover", {2025: value}), 2025)


class TestTargetProperties:
    """Laws of progress that hold for every kind of measure."""

    @settings(max_examples=40, deadline=None)
    @given(st.data())
    def test_share_is_one_at_the_target(self, data: st.DataObject) -> None:
        """A latest value equal to the target gives share 1, no gap, ACHIEVED."""
        series = data.draw(measure_series())
        latest = series.years[-1]
        value = series.values[latest]
        stated = value.value if isinstance(value, Estimate) else value
        from bilat._measure import amount as number_of

        assume(number_of(stated) > 0)
        target = Target(series.parties, stated, subject=series.subject)
        p = target.progress(series, latest)
        assert p.share == 1
        assert p.gap is not None
        assert number_of(p.gap) == 0
        assert p.status is S.ACHIEVED
        # No deadline: the figures rest on the base (first) and latest years.
        assert p.approximate == (
            series.is_approximate(latest) or series.is_approximate(series.years[0])
        )

    @settings(max_examples=40, deadline=None)
    @given(st.data())
    def test_repr_round_trip(self, data: st.DataObject) -> None:
        """eval(repr(p)) == p for the progress of any measure."""
        series = data.draw(measure_series())
        target = data.draw(targets(series))
        p = target.progress(series, data.draw(st.integers(1990, 2040)))
        assert eval(repr(p), namespace()) == p


# -- series -----------------------------------------------------------------------


class TestSeries:
    """A series holds values of one kind, converted and checked once."""

    def test_ints_become_decimals(self) -> None:
        """Counts given as ints are Decimals, sorted by year, read-only."""
        s = Series(PARTIES, "joint projects", {2025: 78, 2024: 69})
        assert s.years == (2024, 2025)
        assert all(type(v) is Decimal for v in s.values.values())
        with pytest.raises(TypeError):
            s.values[2026] = Decimal(1)  # type: ignore[index]

    def test_units_of_one_dimension(self) -> None:
        """Quantities in km, m and miles are one kind; each keeps its unit."""
        s = track({2023: Q_("1 mile"), 2024: Q_("40 km"), 2025: Q_("106000 m")})
        assert s.values[2025] == Q_("106000 m")
        assert str(s.values[2023].units) == "mile"  # type: ignore[union-attr]
        assert s.unit == Q_("1 mile")

    @pytest.mark.parametrize(
        ("values", "first", "second"),
        [
            ({2024: usd(1), 2025: Money(1, "EUR")}, "money in EUR", "money in USD"),
            (
                {2024: Q_("1 km"), 2025: Q_("1 kg")},
                "'kilogram' ([mass])",
                "'kilometer' ([length])",
            ),
            ({2024: 1, 2025: usd(1)}, "money in USD", "a number"),
            ({2024: Q_("1 km"), 2025: 3}, "a number", "a quantity in 'kilometer'"),
            (
                {2024: Estimate.parse("about $1 bn"), 2025: Money(1, "KZT")},
                "money in KZT",
                "money in USD",
            ),
        ],
    )
    def test_one_kind(self, values: dict[int, Any], first: str, second: str) -> None:
        """Two currencies, dimensions or kinds are refused at the second year's path."""
        with pytest.raises(ValidationError) as e:
            Series(PARTIES, "x", values)
        assert e.value.path == "values[2025]"
        assert first in str(e.value)
        assert second in str(e.value)

    @pytest.mark.parametrize(
        ("kwargs", "path", "message"),
        [
            ({"values": {}}, "values", "at least one"),
            ({"values": {2025: "106 km"}}, "values[2025]", "read it with Money.parse"),
            ({"values": {"2025": 1}}, "values['2025']", "expected a year"),
            ({"values": [1, 2]}, "values", "mapping"),
            ({"subject": " "}, "subject", "expected a non-empty string"),
            ({"reporter": "KG"}, "reporter", "not one of the parties"),
            ({"value_sources": {2020: ()}}, "value_sources[2020]", "no value for 2020"),
            ({"claims": {2025: "claim"}}, "claims[2025]", "expected a Claim"),
        ],
    )
    def test_invalid(self, kwargs: dict[str, Any], path: str, message: str) -> None:
        """Each invalid field is reported with its path."""
        args: dict[str, Any] = {
            "parties": PARTIES,
            "subject": "track",
            "values": {2025: Q_("106 km")},
        } | kwargs
        with pytest.raises(ValidationError, match=message) as e:
            Series(**args)
        assert e.value.path == path

    def test_equality_by_size(self) -> None:
        """1 mile == 1.609344 km, so the series are equal, with one hash."""
        miles = track({2025: Q_("1 mile")})
        km = track({2025: Q_("1.609344 km")})
        assert miles == km
        assert hash(miles) == hash(km)
        assert miles != track({2025: Q_("1.609 km")})
        assert track({2025: 2}) == track({2025: Decimal("2.00")})

    def test_cagr_across_units(self) -> None:
        """40 km to 106000 m in a year is 165 % growth; numbers too."""
        assert track({2024: Q_("40 km"), 2025: Q_("106000 m")}).cagr(
            2024, 2025
        ) == Decimal("1.65")
        assert Series(PARTIES, "n", {2020: 100, 2022: 121}).cagr(2020, 2022) == Decimal(
            "0.1"
        )

    def test_cagr_errors(self) -> None:
        """Unknown years and reversed ranges are refused as for trade series."""
        s = track({2024: Q_("40 km"), 2025: Q_("106 km")})
        with pytest.raises(InvalidOptionError):
            s.cagr(2023, 2025)
        with pytest.raises(bilat.InvalidNumberError):
            s.cagr(2025, 2024)

    def test_latest_sources_and_estimates(self) -> None:
        """latest(), sources_for() and is_approximate() as for trade series."""
        news = Source("Baq.kz")
        s = Series(
            PARTIES,
            "turnover",
            {2023: usd(1), 2024: Estimate.parse("about $2")},
            sources=[Source("Government")],
            value_sources={2024: [news]},
        )
        assert s.latest(2023) == (2023, usd(1))
        assert s.sources_for(2024) == (news, Source("Government"))
        assert (s.is_approximate(2023), s.is_approximate(2024)) == (False, True)

    @pytest.mark.parametrize("year", [[2024], Decimal("sNaN"), "2024", 0, True])
    @pytest.mark.parametrize("cls", [Series, TradeSeries])
    def test_is_approximate_of_no_year(self, cls: type, year: Any) -> None:
        """is_approximate() refuses what is not a year, as sources_for() does."""
        s = cls(PARTIES, "turnover", {2024: Estimate.parse("about $2")})
        with pytest.raises(ValidationError, match="expected a year") as e:
            s.is_approximate(year)
        assert e.value.path == "year"

    @pytest.mark.parametrize(
        "values",
        [
            {2024: Q_("40 km"), 2025: Q_("1.06E+5 m")},
            {2024: 69, 2025: Decimal("78.50")},
            {2024: usd("3.9e9"), 2025: Estimate.parse("over $4.6 billion")},
            {2025: Q_("20 Mt/a")},
        ],
        ids=["lengths", "numbers", "money", "rate"],
    )
    def test_repr_and_pickle(self, values: dict[int, Any]) -> None:
        """eval(repr(s)) == s and pickles read back equal, with the same repr."""
        s = Series(
            PARTIES,
            "track",
            values,
            reporter="KZ",
            value_sources={2025: [Source("Akorda")]},
        )
        assert eval(repr(s), namespace()) == s
        for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
            again = pickle.loads(pickle.dumps(s, protocol))
            assert again == s
            assert repr(again) == repr(s)

    @settings(max_examples=40, deadline=None)
    @given(measure_series(wide=True))
    def test_any_repr_round_trip(self, s: Series) -> None:
        """eval(repr(s)) == s for any series, with the same hash."""
        again = eval(repr(s), namespace())
        assert again == s
        assert hash(again) == hash(s)


class TestFromProject:
    """Series.from_project: what a project reports done, year by year."""

    def _railway(self, **kwargs: Any) -> Project:
        updates = [
            ProgressUpdate("2024-03-01", "length", "10 km", sources=[Source("Early")]),
            ProgressUpdate("2024-11-01", "length", "40 km"),
            ProgressUpdate(
                "2025-11-25", "length", "106000 m", sources=[Source("Akorda")]
            ),
            ProgressUpdate("2025-06-01", "length", "70 km", sources=[Source("Mid")]),
            ProgressUpdate("2025-01-01", "stations", "1"),
        ]
        return Project(
            "Railway",
            PARTIES,
            "underway",
            measures={"length": "152 km", "stations": "5"},
            updates=updates,
            **kwargs,
        )

    def test_latest_update_per_year(self) -> None:
        """Each year takes its latest update, with that update's sources."""
        s = Series.from_project(self._railway(), "length")
        assert s.subject == "Railway: length"
        assert s.parties == PARTIES
        assert dict(s.values) == {2024: Q_("40 km"), 2025: Q_("106 km")}
        assert dict(s.value_sources) == {2025: (Source("Akorda"),)}

    def test_subject_given(self) -> None:
        """subject= replaces the default."""
        s = Series.from_project(self._railway(), "length", subject="track laid")
        assert s.subject == "track laid"

    def test_only_measure(self) -> None:
        """The measure may be left out when the project has only one."""
        railway = Project(
            "Railway",
            PARTIES,
            "underway",
            measures={"length": "152 km"},
            updates=[ProgressUpdate("2025-11-25", "length", "106 km")],
        )
        assert Series.from_project(railway).values == {2025: Q_("106 km")}

    def test_measured_by_a_target(self) -> None:
        """A Target of the default subject measures the project's series."""
        target = Target(PARTIES, Q_("152 km"), deadline=2026, subject="Railway: length")
        p = target.progress(Series.from_project(self._railway(), "length"), 2025)
        assert p.current == Q_("106 km")
        assert p.gap == Q_("46 km")
        assert p.sources == (Source("Akorda"),)

    @pytest.mark.parametrize(
        ("args", "error", "message"),
        [
            (("Railway",), ValidationError, "expected a Project"),
            ((None,), ValidationError, "expected a Project"),
            (("P", "width"), InvalidOptionError, "width"),
            (
                ("P", "stations", "no_update"),
                ValidationError,
                "no update of 'stations'",
            ),
        ],
    )
    def test_errors(
        self, args: tuple[Any, ...], error: type[Exception], message: str
    ) -> None:
        """Not a Project, an unknown measure, a measure without updates."""
        project = Project(
            "Railway",
            PARTIES,
            "underway",
            measures={"length": "152 km", "stations": "5"},
        )
        call_args: list[Any] = [
            project if a == "P" else a for a in args if a != "no_update"
        ]
        with pytest.raises(error, match=message):
            Series.from_project(*call_args)

    def test_one_party(self) -> None:
        """A project of one country gives a series of that country, which a
        target of that country measures."""
        one = Project(
            "Road",
            ["KZ"],
            "underway",
            measures={"length": "10 km"},
            updates=[ProgressUpdate("2025-01-01", "length", "1 km")],
        )
        s = Series.from_project(one)
        assert s.parties == (KZ,)
        target = Target(["KZ"], Q_("10 km"), subject="Road: length")
        assert target.progress(s, 2025).share == Decimal("0.1")


class TestFromClaims:
    """Series.from_claims and TradeSeries.from_claims (the rule is tested with claims)."""

    def test_order_of_claims_does_not_matter(self) -> None:
        """Claims listing the pair either way give one series whatever their order."""
        a = bilat.Claim(
            "turnover", 2022, "$4.6 bn", bilat.Source("A"), parties=("KZ", "UZ")
        )
        b = bilat.Claim(
            "turnover", 2023, "$4.4 bn", bilat.Source("B"), parties=("UZ", "KZ")
        )
        one, other = (TradeSeries.from_claims(c) for c in ([a, b], [b, a]))
        assert one == other
        assert repr(one) == repr(other)
        assert one.parties == (bilat.Country("KZ"), bilat.Country("UZ"))  # 2022's claim
        given = TradeSeries.from_claims([a, b], parties=("UZ", "KZ"))
        assert given.parties == (bilat.Country("UZ"), bilat.Country("KZ"))

    def test_quantity_claims(self) -> None:
        """One claim per year, kept with its source."""
        news = Source("Baq.kz")
        claims = [
            Claim("track laid", 2025, Q_("106 km"), news, parties=PARTIES),
            Claim("track laid", 2024, Q_("40000 m"), news, parties=PARTIES),
        ]
        s = Series.from_claims(claims)
        assert s.subject == "track laid"
        assert dict(s.values) == {2024: Q_("40 km"), 2025: Q_("106 km")}
        assert s.claims[2025] == claims[0]
        assert s.value_sources[2024] == (news,)

    def test_trade_series_needs_a_trade_metric(self) -> None:
        """Claims on another subject make a Series, not a TradeSeries."""
        claims = [
            Claim("track laid", 2025, Q_("106 km"), Source("News"), parties=PARTIES)
        ]
        with pytest.raises(ValidationError, match="build a Series"):
            TradeSeries.from_claims(claims)

    def test_no_claims(self) -> None:
        """An empty list is refused, naming the call."""
        with pytest.raises(ValidationError, match=r"Series.from_claims\(\)"):
            Series.from_claims([])

    def test_item_not_a_claim(self) -> None:
        """An item that is not a Claim is refused at its index."""
        claim = Claim("track laid", 2025, Q_("106 km"), Source("News"), parties=PARTIES)
        with pytest.raises(ValidationError, match="expected a Claim, got 'x'") as e:
            Series.from_claims([claim, "x"])  # type: ignore[list-item]
        assert e.value.path == "claims[1]"

    def test_text_is_no_claims(self) -> None:
        """A string is not a sequence of claims."""
        with pytest.raises(ValidationError, match="expected a sequence of Claim"):
            TradeSeries.from_claims("claims")  # type: ignore[arg-type]


class TestConstructorAnnotations:
    """Constructors say what each field takes, so IDEs and type checkers can tell."""

    @pytest.mark.parametrize(
        "cls",
        [
            bilat.Atlas,
            Claim,
            bilat.Conflict,
            Progress,
            Series,
            Target,
            TradeSeries,
            TradeTarget,
        ],
    )
    def test_no_parameter_takes_object(self, cls: type) -> None:
        """No constructor parameter is annotated ``object`` or left bare."""
        bare = [
            name
            for name, p in inspect.signature(cls).parameters.items()
            if p.annotation in ("object", object, inspect.Parameter.empty)
        ]
        assert bare == []

    @pytest.mark.parametrize(
        ("cls", "name", "expected"),
        [
            (Series, "values", "Mapping[int, MeasureLike]"),
            (TradeSeries, "values", "Mapping[int, Money | Estimate]"),
            (Target, "value", "MeasureLike"),
            (TradeTarget, "value", "Money | Estimate"),
            (TradeTarget, "deadline", "int | None"),
            (Series, "parties", "Iterable[CountryLike]"),
            (Series, "sources", "Sources"),
            (bilat.Conflict, "claims", "Iterable[Claim]"),
        ],
    )
    def test_annotation(self, cls: type, name: str, expected: str) -> None:
        """A field's parameter is annotated with what it accepts."""
        assert inspect.signature(cls).parameters[name].annotation == expected


# -- trade series with estimates ------------------------------------------------


class TestTradeSeriesEstimates:
    """A TradeSeries may hold Estimates: "over $3 bn" keeps its qualifier."""

    VALUES: ClassVar[dict[int, Money | Estimate]] = {
        2021: Estimate.parse("about $4 bn"),
        2023: Money("4.84e9", "USD"),
    }

    def test_construction(self) -> None:
        """Estimates and Money of one currency; the Estimate is kept."""
        s = TradeSeries(PARTIES, "turnover", self.VALUES)
        assert s.values[2021] is self.VALUES[2021]
        assert s.currency.code == "USD"
        assert s.subject == "turnover"
        assert (s.is_approximate(2021), s.is_approximate(2023)) == (True, False)

    def test_other_currency(self) -> None:
        """An Estimate in another currency is refused at its year."""
        with pytest.raises(ValidationError) as e:
            TradeSeries(
                PARTIES, "turnover", {2021: usd(1), 2022: Estimate.parse("about ₸5 bn")}
            )
        assert e.value.path == "values[2022].currency"

    def test_cagr_on_stated_values(self) -> None:
        """From about $4 bn to $4.84 bn in two years: 10 % a year, exactly."""
        assert TradeSeries(PARTIES, "turnover", self.VALUES).cagr(
            2021, 2023
        ) == Decimal("0.1")

    def test_to_frame(self) -> None:
        """The frame holds the stated amounts and the currency."""
        frame = TradeSeries(PARTIES, "turnover", self.VALUES).to_frame()
        assert frame["year"].tolist() == [2021, 2023]
        assert [Decimal(str(v)) for v in frame["value"]] == [
            Decimal("4e9"),
            Decimal("4.84e9"),
        ]
        assert frame["currency"].tolist() == ["USD", "USD"]

    def test_repr_and_pickle(self) -> None:
        """eval(repr(s)) == s and pickles read back equal."""
        s = TradeSeries(PARTIES, "exports", self.VALUES, reporter="UZ")
        assert eval(repr(s), namespace()) == s
        assert pickle.loads(pickle.dumps(s)) == s

    def test_progress(self) -> None:
        """A trade target uses the stated value and says it was approximate."""
        target = TradeTarget(PARTIES, usd("1e10"), deadline=2030)
        p = target.progress(TradeSeries(PARTIES, "turnover", self.VALUES), 2023)
        assert p.base == usd("4e9")
        assert p.actual_cagr == Decimal("0.1")
        assert p.approximate


# -- files ------------------------------------------------------------------------


def any_measure_dossier() -> Dossier:
    """A dossier with targets and series of every kind of measure."""
    return Dossier(
        "KZ–UZ",
        PARTIES,
        targets=[
            Target(
                PARTIES, Q_("152 km"), deadline=2026, subject=TRACK, baseline_year=2023
            ),
            Target(PARTIES, Q_("20 Mt/a"), subject="transit capacity"),
            Target(PARTIES, 100, deadline=2030, subject="joint projects"),
            Target(PARTIES, Estimate.parse("up to $10 billion"), subject="turnover"),
            TradeTarget(PARTIES, usd("1e10"), deadline=2030),
        ],
        series=[
            track({2023: Q_("20000 m"), 2024: Q_("1 mile"), 2025: Q_("106.5 km")}),
            Series(PARTIES, "transit capacity", {2025: Q_("1.5E+7 t/a")}),
            Series(
                PARTIES,
                "joint projects",
                {2024: 69, 2025: Decimal("78.0")},
                reporter="UZ",
                value_sources={2025: [Source("Gazeta.uz")]},
            ),
            Series(PARTIES, "turnover", {2024: Money("4.4e9", "USD")}),
            TradeSeries(
                PARTIES,
                "turnover",
                {
                    2022: Estimate.parse("over $4.6 billion"),
                    2023: Money("4.4e9", "USD"),
                },
                reporter="KZ",
            ),
        ],
    )


class TestFiles:
    """load(dump(d)) == d for dossiers with targets and series of any measure."""

    @pytest.mark.parametrize("fmt", ["toml", "json"])
    def test_round_trip(self, fmt: str) -> None:
        """Each target and series reads back equal, with the same repr."""
        d = any_measure_dossier()
        again = loads(dumps(d, fmt), fmt)  # type: ignore[arg-type]
        assert again == d
        assert repr(again) == repr(d)
        assert [type(t) for t in again.targets] == [type(t) for t in d.targets]
        assert [type(s) for s in again.series] == [type(s) for s in d.series]

    def test_files(self, tmp_path: Any) -> None:
        """Through a file, and the quantities keep their units."""
        path = tmp_path / "kz-uz.toml"
        any_measure_dossier().dump(path)
        again = bilat.load(path)
        first = again.series[0]
        assert isinstance(first, Series)
        assert str(first.values[2024].units) == "mile"  # type: ignore[union-attr]
        assert type(first.values[2025].magnitude) is Decimal  # type: ignore[union-attr]

    @settings(max_examples=30, deadline=None)
    @given(
        st.lists(measure_series(wide=True), max_size=2),
        st.lists(targets(wide=True), max_size=2),
    )
    def test_any(self, series: list[Series], drawn: list[Target]) -> None:
        """Any generated targets and series read back equal from TOML and JSON."""
        d = Dossier("d", PARTIES, targets=drawn, series=series)
        for fmt in ("toml", "json"):
            assert loads(dumps(d, fmt), fmt) == d
