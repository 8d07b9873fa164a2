"""Tests for TradeTarget, Progress and ProgressStatus.

Every expected number below was worked out independently of bilat, with
binary floats (``(c/b) ** (1/n) - 1`` and friends), and is compared with a
relative tolerance; exact cases are compared exactly.
"""

from __future__ import annotations

import datetime as dt
import decimal
import math
import re
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.strategies import progresses, trade_series, trade_targets

import bilat
from bilat import (
    Agreement,
    AgreementKind,
    Country,
    CurrencyMismatchError,
    Estimate,
    ExchangeRates,
    InvalidNumberError,
    Money,
    Progress,
    ProgressStatus,
    Qualifier,
    Source,
    TradeMetric,
    TradeSeries,
    TradeTarget,
    ValidationError,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

KZ, UZ = Country("KZ"), Country("UZ")
S = ProgressStatus
REL = 1e-9


def usd(amount: str | int) -> Money:
    return Money(amount, "USD")


def series(values: Mapping[int, str | int], **kwargs: Any) -> TradeSeries:
    return TradeSeries(
        (KZ, UZ), TradeMetric.TURNOVER, {y: usd(v) for y, v in values.items()}, **kwargs
    )


def target(value: str | int, **kwargs: Any) -> TradeTarget:
    return TradeTarget((KZ, UZ), usd(value), **kwargs)


def approx(value: Decimal | Money | None, expected: float | None) -> bool:
    """Whether a Decimal or Money is within REL of a float worked out by hand."""
    if value is None or expected is None:
        return value is None and expected is None
    number = value.amount if isinstance(value, Money) else value
    return float(number) == pytest.approx(expected, rel=REL, abs=1e-12)


def namespace() -> dict[str, Any]:
    """Names a repr may use."""
    return {**vars(bilat), "Decimal": Decimal, "datetime": dt}


class TestTradeTarget:
    """A target is validated at construction."""

    def test_defaults(self) -> None:
        """Turnover, no deadline, no baseline, no agreement, no sources."""
        t = TradeTarget(("KZ", "UZ"), usd("1e10"))
        assert t.parties == (KZ, UZ)
        assert t.metric is TradeMetric.TURNOVER
        assert (t.deadline, t.baseline_year, t.agreement, t.sources) == (
            None,
            None,
            None,
            (),
        )
        assert t.money == usd("1e10")

    def test_estimate_value(self) -> None:
        """An Estimate is kept; the formulas use its stated value."""
        up_to = Estimate(usd("1e10"), Qualifier.UP_TO)
        t = TradeTarget((KZ, UZ), up_to, deadline=2030)
        assert t.value is up_to
        assert t.money == usd("1e10")
        s = series({2029: "5e9", 2030: "1e10"})
        assert t.progress(s, 2030).status is S.ACHIEVED

    @pytest.mark.parametrize(
        ("kwargs", "path", "message"),
        [
            ({"value": 10}, "value", "expected a Money or an Estimate, got 10"),
            ({"value": usd(0)}, "value", "positive amount"),
            ({"value": usd(-5)}, "value", "positive amount"),
            (
                {"value": Estimate(usd(0), Qualifier.NEARLY)},
                "value",
                "positive amount",
            ),
            ({"deadline": "2030"}, "deadline", "expected a year"),
            ({"deadline": True}, "deadline", "expected a year"),
            ({"baseline_year": 2030.0}, "baseline_year", "expected a year"),
            (
                {"deadline": 2030, "baseline_year": 2030},
                "baseline_year",
                "2030 is not before the deadline 2030",
            ),
            ({"metric": "volume"}, "metric", "unknown trade metric"),
            ({"agreement": "Treaty"}, "agreement", "expected an Agreement"),
            ({"sources": ["Akorda"]}, "sources[0]", "expected a Source"),
            ({"parties": ("KZ",)}, "parties", "at least two"),
        ],
    )
    def test_invalid(self, kwargs: dict[str, Any], path: str, message: str) -> None:
        """Each invalid field is reported with its path."""
        args: dict[str, Any] = {"parties": (KZ, UZ), "value": usd(10)} | kwargs
        with pytest.raises(ValidationError, match=message) as e:
            TradeTarget(**args)
        assert e.value.path == path

    def test_agreement_and_sources(self) -> None:
        """The agreement and sources are kept as given."""
        agreement = Agreement("Roadmap", (KZ, UZ), AgreementKind.ROADMAP)
        akorda = Source("Akorda press service")
        t = target("1e10", agreement=agreement, sources=[akorda])
        assert t.agreement is agreement
        assert t.sources == (akorda,)

    def test_repr_minimal(self) -> None:
        """Defaults are left out of the repr."""
        assert repr(target("1e10")) == (
            "TradeTarget((Country('KZ'), Country('UZ')), Money('1E+10', 'USD'))"
        )

    def test_repr_full(self) -> None:
        """Every field round-trips through eval."""
        t = TradeTarget(
            (UZ, KZ),
            Estimate(usd("1e10"), Qualifier.UP_TO),
            deadline=2030,
            metric="exports",
            baseline_year=2022,
            agreement=Agreement("Roadmap", (KZ, UZ), AgreementKind.ROADMAP),
            sources=(Source("Akorda"),),
        )
        text = repr(t)
        assert "metric=TradeMetric.EXPORTS" in text
        assert eval(text, namespace()) == t

    @given(trade_targets())
    def test_round_trip(self, t: TradeTarget) -> None:
        """eval(repr(t)) == t for any target."""
        assert eval(repr(t), namespace()) == t


# base 2020 = 100, current 2022, target 200 by 2027: planned = 2**(1/7) - 1
PLANNED_100_200_7 = 0.10408951367381225

TABLE = [
    # id, values, target kwargs, as_of, expected figures, status
    pytest.param(
        {2021: "3.9e9", 2023: "4.4e9"},
        {"value": "1e10", "deadline": 2030},
        2024,
        {
            "year": 2023,
            "base_year": 2021,
            "share": 0.44,
            "gap": 5.6e9,
            "actual_cagr": 0.06217000908758874,
            "planned_cagr": 0.11029214134361975,
            "required_cagr": 0.12443752855539936,
            "growth_ratio": 0.5636848494390502,
            "projected": 6.711365940729205e9,
            "anticipated": 0.46087966241462375,
            "eta": 2037,
        },
        S.OFF_TRACK,
        id="kz-uz 3.9bn to 4.4bn, 10bn by 2030",
    ),
    pytest.param(
        {2020: "100", 2021: "105", 2022: "121"},
        {"value": 200, "deadline": 2027},
        2022,
        {
            "year": 2022,
            "base_year": 2020,
            "share": 0.605,
            "gap": 79,
            "actual_cagr": 0.1,
            "planned_cagr": PLANNED_100_200_7,
            "required_cagr": 0.10572957303197406,
            "growth_ratio": 0.9607115690190698,
            "projected": 194.87171,
            "anticipated": 0.9487171,
            "eta": 2028,
        },
        S.ON_TRACK,
        id="10% a year, on track",
    ),
    pytest.param(
        {2020: "100", 2022: "116.64"},
        {"value": 200, "deadline": 2027},
        2023,
        {
            "actual_cagr": 0.08,
            "required_cagr": 0.11387510326378147,
            "growth_ratio": 0.7685692552152559,
            "projected": 171.38242687795207,
            "anticipated": 0.7138242687795207,
            "eta": 2030,
        },
        S.NEEDS_ACCELERATION,
        id="8% a year, needs acceleration",
    ),
    pytest.param(
        {2020: "100", 2022: "104.04"},
        {"value": 200, "deadline": 2027},
        2022,
        {
            "actual_cagr": 0.02,
            "growth_ratio": 0.19214231380381397,
            "projected": 114.868566764928,
            "anticipated": 0.14868566764928004,
            "eta": 2056,
        },
        S.OFF_TRACK,
        id="2% a year, off track",
    ),
    pytest.param(
        {2020: "100", 2022: "81"},
        {"value": 200, "deadline": 2027},
        2022,
        {
            "actual_cagr": -0.1,
            "required_cagr": 0.19814393957934096,
            "growth_ratio": -0.9607115690190687,
            "projected": 47.82969,
            "anticipated": -0.5217031,
            "eta": None,
        },
        S.REGRESSING,
        id="-10% a year, regressing",
    ),
]


class TestFormulas:
    """Every figure matches a value worked out by hand."""

    @pytest.mark.parametrize(
        ("values", "target_args", "as_of", "expected", "status"), TABLE
    )
    def test_table(
        self,
        values: dict[int, str],
        target_args: dict[str, Any],
        as_of: int,
        expected: dict[str, Any],
        status: ProgressStatus,
    ) -> None:
        """Each listed figure and the status are as computed by hand."""
        args = dict(target_args)
        p = target(args.pop("value"), **args).progress(series(values), as_of)
        for name, want in expected.items():
            got = getattr(p, name)
            if isinstance(want, int) and name in {"year", "base_year", "eta"}:
                assert got == want, name
            else:
                assert approx(got, want), (name, got, want)
        assert p.status is status

    def test_exact_fields(self) -> None:
        """share, gap, current and base are exact; money is in the target's currency."""
        p = target("1e10", deadline=2030).progress(
            series({2021: "3.9e9", 2023: "4.4e9"}), 2024
        )
        assert p.current == usd("4.4e9")
        assert p.base == usd("3.9e9")
        assert p.share == Decimal("0.44")
        assert p.gap == usd("5.6e9")
        assert p.as_of == 2024
        assert p.target == target("1e10", deadline=2030)
        assert isinstance(p.projected, Money)
        assert p.projected.currency == bilat.Currency("USD")

    def test_as_of_cuts_later_years(self) -> None:
        """Years after as_of are ignored; a date counts by its year."""
        s = series({2020: "100", 2022: "121", 2024: "500"})
        p = target(200, deadline=2027).progress(s, dt.date(2023, 6, 30))
        assert (p.year, p.current) == (2022, usd(121))
        assert p.actual_cagr == Decimal("0.1")

    def test_as_of_none_is_today(self) -> None:
        """Without as_of the current year is the cut."""
        s = series({2020: "100", 2022: "121"})
        p = target(200).progress(s)
        assert p.as_of == dt.date.today().year
        assert p.year == 2022

    def test_baseline_year(self) -> None:
        """The base is the value at the baseline year, not the first year."""
        s = series({2019: "50", 2020: "100", 2022: "121"})
        p = target(200, deadline=2027, baseline_year=2020).progress(s, 2022)
        assert (p.base_year, p.base) == (2020, usd(100))
        assert approx(p.planned_cagr, PLANNED_100_200_7)
        assert p.actual_cagr == Decimal("0.1")

    def test_baseline_year_without_value(self) -> None:
        """Without a value at the baseline year, the first later year is the base."""
        s = series({2018: "50", 2020: "100", 2022: "121"})
        p = target(200, deadline=2027, baseline_year=2019).progress(s, 2022)
        assert (p.base_year, p.base) == (2020, usd(100))

    def test_eta_exact_tie(self) -> None:
        """Doubling yearly gives exactly 8x in three years: no year lost to logs."""
        s = series({2020: "100", 2021: "200"})
        assert target(800).progress(s, 2021).eta == 2023
        assert target(801).progress(s, 2021).eta == 2024
        # 10 % a year over two years; 146.41 = 121 * 1.1**2 exactly
        s = series({2020: "100", 2022: "121"})
        assert target("146.41").progress(s, 2022).eta == 2024
        assert target("146.42").progress(s, 2022).eta == 2025

    def test_eta_when_reached(self) -> None:
        """A target already reached has its eta in the current year."""
        s = series({2020: "100", 2022: "90"})
        assert target(80).progress(s, 2022).eta == 2022

    def test_growth_ratio_boundaries_inclusive(self) -> None:
        """A ratio equal to a threshold gets that threshold's status."""
        # actual = 0.1 (100 -> 121 in two years); planned = 0.1 (100 -> 161.051 in five)
        s = series({2020: "100", 2022: "121"})
        t = target("161.051", deadline=2025)
        p = t.progress(s, 2022)
        assert p.growth_ratio == 1
        assert t.progress(s, 2022, on_track=1).status is S.ON_TRACK
        above = Decimal("1.000001")
        assert t.progress(s, 2022, on_track=above).status is S.NEEDS_ACCELERATION
        assert (
            t.progress(s, 2022, on_track=2, needs_acceleration=1).status
            is S.NEEDS_ACCELERATION
        )
        assert (
            t.progress(s, 2022, on_track=2, needs_acceleration=above).status
            is S.OFF_TRACK
        )
        assert (
            t.progress(s, 2022, on_track=3, needs_acceleration=2, off_track=1).status
            is S.OFF_TRACK
        )
        assert (
            t.progress(
                s, 2022, on_track=3, needs_acceleration=2, off_track=above
            ).status
            is S.REGRESSING
        )

    def test_thresholds_accept_floats(self) -> None:
        """Thresholds may be floats, read through their shortest repr."""
        s = series({2020: "100", 2022: "116.64"})  # ratio 0.7686
        t = target(200, deadline=2027)
        assert t.progress(s, 2022, on_track=0.75).status is S.ON_TRACK
        assert t.progress(s, 2022, needs_acceleration=0.8).status is S.OFF_TRACK

    def test_thresholds_in_order(self) -> None:
        """Thresholds that increase are refused."""
        s = series({2020: "100", 2022: "121"})
        with pytest.raises(InvalidNumberError, match="on_track >= needs_acceleration"):
            target(200, deadline=2027).progress(s, 2022, on_track="0.5")
        with pytest.raises(InvalidNumberError, match="invalid threshold 'x'"):
            target(200, deadline=2027).progress(s, 2022, off_track="x")

    def test_caller_context_ignored(self) -> None:
        """A low-precision, truncating caller context gives the same Progress."""
        s = series({2021: "3.9e9", 2023: "4.4e9"})
        t = target("1e10", deadline=2030)
        expected = t.progress(s, 2024)
        with decimal.localcontext() as ctx:
            ctx.prec = 4
            ctx.rounding = decimal.ROUND_FLOOR
            assert t.progress(s, 2024) == expected


class TestStatus:
    """Each status and edge case follows the documented rules."""

    def test_achieved_overrides(self) -> None:
        """A reached target is ACHIEVED even when trade is falling."""
        s = series({2020: "300", 2022: "250"})
        p = target(200, deadline=2030).progress(s, 2022)
        assert p.status is S.ACHIEVED
        assert p.growth_ratio is not None
        assert p.growth_ratio < 0

    def test_achieved_exactly(self) -> None:
        """current == target is ACHIEVED with share 1 and gap 0."""
        p = target(200, deadline=2030).progress(
            series({2020: "100", 2022: "200"}), 2022
        )
        assert p.status is S.ACHIEVED
        assert p.share == 1
        assert p.gap == usd(0)

    def test_achieved_with_one_year(self) -> None:
        """A single value at or above the target is enough for ACHIEVED."""
        p = target(200, deadline=2030).progress(series({2022: "250"}), 2022)
        assert p.status is S.ACHIEVED
        assert p.eta == 2022

    def test_fewer_than_two_years(self) -> None:
        """One year: no observed growth, INSUFFICIENT_DATA; one-value rates stay."""
        p = target(10, deadline=2030).progress(series({2023: "4.4"}), 2024)
        assert p.status is S.INSUFFICIENT_DATA
        assert (p.actual_cagr, p.growth_ratio, p.projected, p.anticipated, p.eta) == (
            None,
            None,
            None,
            None,
            None,
        )
        assert (p.year, p.base_year) == (2023, 2023)
        assert p.share == Decimal("0.44")
        # by hand: seventh root of 10/4.4, minus one
        assert approx(p.planned_cagr, 0.12443752855539936)
        assert approx(p.required_cagr, 0.12443752855539936)

    def test_fewer_than_two_years_before_as_of(self) -> None:
        """Only the years on or before as_of count."""
        s = series({2021: "3.9", 2023: "4.4"})
        assert target(10, deadline=2030).progress(s, 2022).status is S.INSUFFICIENT_DATA

    def test_no_year_before_as_of(self) -> None:
        """Nothing on or before as_of: every figure is None."""
        p = target(10, deadline=2030).progress(series({2021: "3.9"}), 2020)
        assert p.status is S.INSUFFICIENT_DATA
        assert (p.year, p.current, p.base_year, p.base, p.share, p.gap) == (
            None,
            None,
            None,
            None,
            None,
            None,
        )
        assert p.sources == ()
        no_deadline = target(10).progress(series({2021: "3.9"}), 2020)
        assert no_deadline.status is S.NO_DEADLINE

    def test_baseline_after_as_of(self) -> None:
        """A baseline year after the current year leaves no base."""
        s = series({2020: "1", 2022: "2"})
        p = target(10, deadline=2030, baseline_year=2023).progress(s, 2024)
        assert (p.base_year, p.base, p.actual_cagr) == (None, None, None)
        assert p.status is S.INSUFFICIENT_DATA

    def test_base_zero(self) -> None:
        """A base of zero has no growth rate: INSUFFICIENT_DATA, not a guess."""
        s = series({2020: "0", 2023: "4.4"})
        p = target(10, deadline=2030).progress(s, 2023)
        assert (p.actual_cagr, p.planned_cagr, p.growth_ratio, p.eta) == (
            None,
            None,
            None,
            None,
        )
        assert p.status is S.INSUFFICIENT_DATA
        # (10/4.4)**(1/7) - 1 needs only the current value
        assert approx(p.required_cagr, 0.12443752855539936)

    def test_base_zero_reached(self) -> None:
        """A base of zero still allows ACHIEVED."""
        p = target(10, deadline=2030).progress(series({2020: "0", 2023: "12"}), 2023)
        assert p.status is S.ACHIEVED

    def test_base_zero_after_deadline(self) -> None:
        """A base of zero after the deadline has no ratio; OFF_TRACK when called missed."""
        s = series({2020: "0", 2023: "4"})
        p = target(10, deadline=2022).progress(s, 2023)
        assert p.status is S.INSUFFICIENT_DATA
        missed = target(10, deadline=2022).progress(s, 2023, after_deadline="missed")
        assert missed.status is S.OFF_TRACK

    @pytest.mark.parametrize(
        "values",
        [{2020: "-5", 2023: "4"}, {2020: "5", 2023: "-4"}, {2020: "-5", 2023: "-4"}],
    )
    def test_negative_values(self, values: dict[int, str]) -> None:
        """Negative values or opposite signs leave the rates undefined."""
        p = target(10, deadline=2030).progress(series(values), 2023)
        assert p.actual_cagr is None
        assert p.growth_ratio is None
        assert p.status is S.INSUFFICIENT_DATA

    def test_current_zero(self) -> None:
        """Trade that stopped has actual growth −1 and no required rate."""
        p = target(10, deadline=2030).progress(series({2020: "5", 2023: "0"}), 2023)
        assert p.actual_cagr == -1
        assert p.required_cagr is None
        assert p.projected == usd(0)
        # by hand: projected 0, so (0 − 5)/(10 − 5) = −1
        assert p.anticipated == -1
        assert p.status is S.REGRESSING

    def test_deadline_passed(self) -> None:
        """After the deadline: no required rate, no projection, OFF_TRACK."""
        s = series({2020: "100", 2026: "150"})
        p = target(200, deadline=2025).progress(s, 2026)
        assert p.required_cagr is None
        assert (p.projected, p.anticipated) == (None, None)
        assert approx(p.actual_cagr, 0.06991319393366302)
        assert approx(p.planned_cagr, 0.1486983549970351)
        assert approx(p.growth_ratio, 0.47016790424518834)
        assert p.eta == 2031
        assert p.status is S.OFF_TRACK

    def test_deadline_year_missed_with_high_ratio(self) -> None:
        """At the deadline a ratio of 0.96 is ON_TRACK, or OFF_TRACK when called missed."""
        s = series({2020: "100", 2025: "195"})
        p = target(200, deadline=2025).progress(s, 2025)
        assert approx(p.growth_ratio, 0.9609827318830123)
        assert p.projected == usd(195)
        assert approx(p.anticipated, 0.95)
        assert p.required_cagr is None
        assert p.status is S.ON_TRACK
        missed = target(200, deadline=2025).progress(s, 2025, after_deadline="missed")
        assert missed.status is S.OFF_TRACK

    def test_deadline_passed_regressing(self) -> None:
        """After the deadline, a value that fell is REGRESSING."""
        s = series({2020: "100", 2026: "90"})
        assert target(200, deadline=2025).progress(s, 2026).status is S.REGRESSING

    def test_deadline_passed_achieved(self) -> None:
        """After the deadline, a reached target is ACHIEVED."""
        s = series({2020: "100", 2026: "210"})
        assert target(200, deadline=2025).progress(s, 2026).status is S.ACHIEVED

    def test_no_deadline(self) -> None:
        """No deadline: NO_DEADLINE; actual rate and eta computed, the rest None."""
        s = series({2020: "100", 2022: "121"})
        p = target(200).progress(s, 2022)
        assert p.status is S.NO_DEADLINE
        assert p.actual_cagr == Decimal("0.1")
        assert p.eta == 2028
        assert (
            p.planned_cagr,
            p.required_cagr,
            p.growth_ratio,
            p.projected,
            p.anticipated,
        ) == (None, None, None, None, None)

    def test_no_deadline_achieved(self) -> None:
        """No deadline but reached: ACHIEVED."""
        p = target(100).progress(series({2020: "100", 2022: "121"}), 2022)
        assert p.status is S.ACHIEVED

    def test_no_deadline_one_year(self) -> None:
        """No deadline overrides insufficient data."""
        assert target(100).progress(series({2022: "50"}), 2022).status is S.NO_DEADLINE

    def test_target_below_base(self) -> None:
        """Target below the base: the ratio divides by |planned| and stays negative."""
        s = series({2020: "100", 2022: "81"})
        p = target(90, deadline=2025).progress(s, 2022)
        assert approx(p.planned_cagr, -0.0208516376390232)
        assert approx(p.growth_ratio, -4.795786390074851)
        assert approx(p.projected, 59.049)
        # by hand: (59.049 − 100)/(90 − 100) = 4.0951
        assert approx(p.anticipated, 4.0951)
        assert p.status is S.REGRESSING

    def test_target_equal_to_base(self) -> None:
        """Target equal to the base: no planned growth, no ratio; a fall regresses."""
        s = series({2020: "100", 2022: "81"})
        p = target(100, deadline=2025).progress(s, 2022)
        assert p.planned_cagr == 0
        assert (p.growth_ratio, p.anticipated) == (None, None)
        assert p.status is S.REGRESSING

    def test_base_year_after_deadline(self) -> None:
        """A series starting after the deadline has no planned path and no ratio."""
        s = series({2020: "100", 2022: "121"})
        p = target(200, deadline=2019).progress(s, 2022)
        assert (p.planned_cagr, p.growth_ratio) == (None, None)
        assert p.status is S.INSUFFICIENT_DATA
        missed = target(200, deadline=2019).progress(s, 2022, after_deadline="missed")
        assert missed.status is S.OFF_TRACK


class TestChecks:
    """progress() refuses series that do not measure the target."""

    def test_metric_mismatch(self) -> None:
        """Another metric is refused, naming both."""
        s = TradeSeries((KZ, UZ), "exports", {2020: usd(1)})
        with pytest.raises(
            ValidationError, match=r"measures 'exports' .* for 'turnover'"
        ):
            target(10).progress(s, 2020)

    def test_parties_mismatch(self) -> None:
        """Another pair of countries is refused."""
        s = TradeSeries((KZ, "KG"), "turnover", {2020: usd(1)})
        with pytest.raises(ValidationError, match="the series is for") as e:
            target(10).progress(s, 2020)
        assert e.value.path == "parties"

    def test_turnover_party_order_free(self) -> None:
        """For turnover the order of the parties does not matter."""
        s = TradeSeries((UZ, KZ), "turnover", {2020: usd(1)})
        assert target(10).progress(s, 2020).current == usd(1)

    def test_exports_first_party(self) -> None:
        """For exports the exporting (first) party must match."""
        t = TradeTarget((KZ, UZ), usd(10), metric="exports")
        ok = TradeSeries((KZ, UZ), "exports", {2020: usd(1)})
        assert t.progress(ok, 2020).current == usd(1)
        reverse = TradeSeries((UZ, KZ), "exports", {2020: usd(1)})
        with pytest.raises(ValidationError, match="the series is for"):
            t.progress(reverse, 2020)

    def test_not_a_series(self) -> None:
        """Something else than a TradeSeries is refused."""
        with pytest.raises(ValidationError, match="expected a TradeSeries"):
            target(10).progress({2020: usd(1)}, 2020)  # type: ignore[arg-type]

    def test_currency_mismatch(self) -> None:
        """A series in another currency needs rates."""
        s = TradeSeries((KZ, UZ), "turnover", {2020: Money(1, "KZT")})
        with pytest.raises(CurrencyMismatchError, match="'KZT' and 'USD'"):
            target(10).progress(s, 2020)

    def test_currency_converted_with_rates(self) -> None:
        """With rates each year's value is converted at that year's end rate."""
        rates = ExchangeRates.from_records(
            [
                (dt.date(2020, 12, 31), "USD", "KZT", "400"),
                (dt.date(2021, 6, 1), "USD", "KZT", "460"),
                (dt.date(2022, 12, 30), "USD", "KZT", "500"),
                (dt.date(2023, 1, 2), "USD", "KZT", "520"),
            ]
        )
        s = TradeSeries(
            (KZ, UZ),
            "turnover",
            {2020: Money(40_000, "KZT"), 2022: Money(60_500, "KZT")},
        )
        p = target(200, deadline=2027).progress(s, 2022, rates=rates)
        # 40000/400 = 100 USD; 60500/500 = 121 USD (the 2023 rate is not used)
        assert p.base == usd(100)
        assert p.current == usd(121)
        assert p.actual_cagr == Decimal("0.1")
        assert p.series is s

    @pytest.mark.parametrize("as_of", ["2020", "2021-02-30", "31.12.2021", 2.5, 0])
    def test_bad_as_of(self, as_of: Any) -> None:
        """as_of must be a date, an ISO date, a year or None."""
        with pytest.raises(InvalidNumberError, match=re.escape(f"got {as_of!r}")):
            target(10).progress(series({2020: "1"}), as_of)

    def test_iso_as_of(self) -> None:
        """An ISO date as text counts as its year, as in Dossier.report."""
        s = series({2020: "1", 2021: "2", 2022: "3"})
        p = target(10).progress(s, "2021-12-31")
        assert p.year == 2021
        assert p.current == usd(2)


class TestStr:
    """str(progress) is one line a person reads: share, target, figure, growth, status."""

    def test_trade(self) -> None:
        """Share, target and deadline, the figure's year and reporter, growth, status."""
        s = series({2017: "2e9", 2025: "4.97e9"}, reporter=UZ)
        p = target("1e10", deadline=2030).progress(s, 2025)
        needs = (10 / 4.97) ** (1 / 5) - 1  # 15.008 %
        grew = (4.97 / 2) ** (1 / 8) - 1  # 12.051 %
        assert str(p) == (
            f"KZ–UZ turnover: 49.7% of $10B by 2030 (2025 figure, reported by UZ); "
            f"needs {needs:.1%} a year, grew {grew:.1%} a year since 2017: "
            "needs acceleration"
        )
        assert "\n" not in str(p)

    def test_estimate_and_no_reporter(self) -> None:
        """A share resting on an Estimate says "about"; an unknown reporter says so."""
        s = TradeSeries(
            (KZ, UZ), TradeMetric.TURNOVER, {2024: Estimate.parse("about $4.3 billion")}
        )
        p = target("1e10").progress(s, 2024)
        assert str(p) == (
            "KZ–UZ turnover: about 43.0% of $10B (2024 figure, reporter not given): "
            "no deadline"
        )

    def test_no_figure(self) -> None:
        """Without a figure by as_of the line names the target and says none."""
        p = target("1e10", deadline=2030).progress(series({2026: "5e9"}), 2025)
        assert str(p) == (
            "KZ–UZ turnover: target $10B by 2030, no figure by 2025: insufficient data"
        )

    def test_passed(self) -> None:
        """Once the target is passed no growth is needed, and none is shown."""
        p = target("1e10", deadline=2030).progress(series({2024: "1.2e10"}), 2024)
        assert str(p) == (
            "KZ–UZ turnover: 120.0% of $10B by 2030 "
            "(2024 figure, reporter not given): achieved"
        )

    def test_quantity(self) -> None:
        """A target on a quantity shows short unit symbols."""
        rail = bilat.Series((KZ, UZ), "rail freight", {2024: bilat.Q_("8 Mt/a")})
        t = bilat.Target((KZ, UZ), bilat.Q_("20 Mt/a"), subject="rail freight")
        assert str(t.progress(rail, 2024)) == (
            "KZ–UZ rail freight: 40.0% of 20 Mt/a (2024 figure, reporter not given): "
            "no deadline"
        )

    def test_count(self) -> None:
        """A target on a plain number shows the number alone."""
        ventures = bilat.Series((KZ, UZ), "joint ventures", {2020: 10, 2024: 30})
        t = bilat.Target((KZ, UZ), 100, subject="joint ventures", deadline=2030)
        needs = (100 / 30) ** (1 / 6) - 1  # 22.2 %
        grew = 3 ** (1 / 4) - 1  # 31.6 %
        assert str(t.progress(ventures, 2024)) == (
            "KZ–UZ joint ventures: 30.0% of 100 by 2030 (2024 figure, reporter not "
            f"given); needs {needs:.1%} a year, grew {grew:.1%} a year since 2020: "
            "on track"
        )

    @given(progresses())
    def test_one_line(self, p: Progress[Money]) -> None:
        """Any progress prints as one line ending in its status."""
        from bilat._present.labels import label

        text = str(p)
        assert "\n" not in text
        assert text.endswith(": " + label(p.status.value))


class TestProvenance:
    """A Progress says which series and sources it used."""

    def test_reporter_and_sources(self) -> None:
        """Sources of the base and current years, own sources first, no repeats."""
        stats = Source("Bureau of National Statistics")
        meeting = Source("Ministers' meeting")
        s = series(
            {2020: "100", 2021: "110", 2022: "121"},
            reporter=KZ,
            sources=(stats,),
            value_sources={2022: (meeting,), 2021: (Source("unused"),)},
        )
        p = target(200, deadline=2027).progress(s, 2022)
        assert p.reporter == KZ
        assert p.series is s
        assert p.sources == (stats, meeting)

    def test_repr_round_trip(self) -> None:
        """A Progress repr evaluates back to an equal Progress."""
        p = target("1e10", deadline=2030).progress(
            series({2021: "3.9e9", 2023: "4.4e9"}, sources=(Source("a"),)), 2024
        )
        text = repr(p)
        assert "status=ProgressStatus.OFF_TRACK" in text
        assert eval(text, namespace()) == p
        assert isinstance(p, Progress)


class TestProperties:
    """Laws that hold for any series and target."""

    @given(
        st.decimals(min_value=0, max_value=10**12, places=2),
        st.decimals(min_value=0, max_value=10**12, places=2),
        st.decimals(min_value=1, max_value=10**12, places=2),
    )
    def test_share_monotone(self, a: Decimal, b: Decimal, goal: Decimal) -> None:
        """A larger current value never gives a smaller share."""
        low, high = sorted((a, b))
        t = target(str(goal), deadline=2030)
        share_low = t.progress(series({2020: "1", 2022: str(low)}), 2022).share
        share_high = t.progress(series({2020: "1", 2022: str(high)}), 2022).share
        assert share_low is not None
        assert share_high is not None
        assert share_low <= share_high

    @given(
        st.decimals(min_value="0.01", max_value=10**12, places=2),
        st.decimals(min_value="0.01", max_value=10**12, places=2),
    )
    def test_share_one_at_target(self, base: Decimal, goal: Decimal) -> None:
        """At the target the share is exactly 1, the gap 0 and the status ACHIEVED."""
        t = target(str(goal), deadline=2030)
        p = t.progress(series({2020: str(base), 2022: str(goal)}), 2022)
        assert p.share == 1
        assert p.gap == usd(0)
        assert p.status is S.ACHIEVED

    @given(trade_series(), trade_targets(), st.integers(1990, 2040))
    def test_context_independent(
        self, s: TradeSeries, t: TradeTarget, as_of: int
    ) -> None:
        """progress() gives the same result under any caller decimal context."""
        t = TradeTarget(
            s.parties,
            Money(t.money.amount, s.currency),
            deadline=t.deadline,
            metric=s.metric,
            baseline_year=t.baseline_year,
        )
        expected = t.progress(s, as_of)
        with decimal.localcontext() as ctx:
            ctx.prec = 3
            ctx.rounding = decimal.ROUND_UP
            assert t.progress(s, as_of) == expected

    @given(trade_series(), st.integers(1990, 2040))
    def test_status_consistent(self, s: TradeSeries, as_of: int) -> None:
        """ACHIEVED exactly when current >= target; ON_TRACK only with a ratio."""
        t = TradeTarget(
            s.parties, Money(1000, s.currency), deadline=2035, metric=s.metric
        )
        p = t.progress(s, as_of)
        reached = p.current is not None and p.current >= t.money
        assert (p.status is S.ACHIEVED) == reached
        if p.status in {S.ON_TRACK, S.NEEDS_ACCELERATION}:
            assert p.growth_ratio is not None


# -- figures beyond bilat's range ------------------------------------------------


_WIDE = decimal.Context(prec=200)


@st.composite
def extreme_amounts(draw: st.DrawFn, *, positive: bool = False) -> Decimal:
    """Any amount bilat holds: up to 100 digits, from 1E-100 to below 1E+100."""
    edges = (
        Decimal("1E-100"),
        Decimal("9.9E+99"),
        Decimal("1E+99"),
        Decimal(1),
        Decimal("4.6"),
        Decimal("1." + "0" * 80 + "1"),
        Decimal("9" * 100),
    )
    if draw(st.booleans()):
        value = draw(st.sampled_from(edges))
    else:
        digits = draw(st.integers(1, 100))
        coefficient = draw(st.integers(1, 10**digits - 1))
        adjusted = draw(st.integers(-100, 99))
        # Scaled in a context that holds all its digits: the default one
        # (28 digits) would round 9.99…E+99 up to 1E+100, out of range.
        value = Decimal(coefficient).scaleb(
            adjusted - Decimal(coefficient).adjusted(), context=_WIDE
        )
    if not positive and draw(st.integers(0, 9)) == 0:
        return Decimal(0)
    return value


@st.composite
def extreme_cases(draw: st.DrawFn) -> tuple[TradeTarget, TradeSeries, int]:
    """A target, a series of its pair and an as_of year, at the edges of the range."""
    years = draw(st.lists(st.integers(1, 9999), min_size=1, max_size=4, unique=True))
    values = {year: str(draw(extreme_amounts())) for year in years}
    deadline = draw(st.none() | st.integers(2, 9999) | st.sampled_from([9999]))
    baseline = draw(
        st.none() if deadline is None else st.none() | st.integers(1, deadline - 1)
    )
    t = target(
        str(draw(extreme_amounts(positive=True))),
        deadline=deadline,
        baseline_year=baseline,
    )
    as_of = draw(st.integers(1, 9999) | st.sampled_from(sorted(years)))
    return t, series(values), as_of


def worked_out_eta(c: Fraction, b: Fraction, t: Fraction, year: int, n: int) -> int:
    """The first year whose value c·(c/b)^(k/n) reaches t, by exact search."""
    k = 0
    while c ** (k + n) < t**n * b**k:
        k += 1
    return year + k


class TestOutOfRange:
    """A figure beyond bilat's range is None and Progress.out_of_range says why."""

    def test_projection_too_large(self) -> None:
        """A leap from 4.6 to 5E+9 projects to about 1E+696 by 2100: None, not a crash."""
        s = series({2023: "4.6", 2024: "5000000000"})
        p = target("1e10", deadline=2100).progress(s, 2024)
        # log10 of the projection: 9.70 + 76·log10(5e9/4.6) ≈ 696
        assert math.log10(5e9) + 76 * math.log10(5e9 / 4.6) > 100
        assert p.projected is None
        assert p.anticipated is None
        assert dict(p.out_of_range) == {
            "projected": "too_large",
            "anticipated": "too_large",
        }
        # the other figures are there, and the status uses the growth ratio
        assert p.gap == usd(5_000_000_000)
        assert approx(p.actual_cagr, 5e9 / 4.6 - 1)
        assert p.status is S.ON_TRACK
        assert p.eta == 2025

    def test_projection_beyond_any_context(self) -> None:
        """(9E+199)^9997 overflows even the working context: None, no decimal.Overflow."""
        s = series({1: "1e-100", 2: "9e99"})
        p = target("9.9e99", deadline=9999).progress(s, 2)
        assert p.projected is None
        assert p.actual_cagr is None  # 9E+199 − 1
        assert p.out_of_range["projected"] == "too_large"
        assert p.out_of_range["actual_cagr"] == "too_large"
        assert p.share is not None
        assert approx(p.share, 9e99 / 9.9e99)

    def test_projection_too_small(self) -> None:
        """A fall from 1E+99 to 1E-100 projects below any context: None, not zero."""
        s = series({1: "1e99", 2: "1e-100"})
        p = target("2e99", deadline=9999).progress(s, 2)
        assert p.projected is None
        assert dict(p.out_of_range) == {
            "projected": "too_small",  # 1E-100·(1E-199)^9997
            "share": "too_small",  # 5E-200
            "gap": "too_many_digits",  # 2E+99 − 1E-100
        }
        # (≈0 − 1E+99) / (2E+99 − 1E+99) = −1 to far more than 60 digits
        assert p.anticipated == -1
        assert p.status is S.REGRESSING

    def test_gap_with_too_many_digits(self) -> None:
        """9.9E+99 − 1E-100 needs 200 digits: the gap is None, not a PrecisionError."""
        s = series({1: "1e-100", 2: "1e-99"})
        p = target("9.9e99").progress(s, 2)
        assert p.gap is None
        assert p.share is None  # about 1E-199
        assert dict(p.out_of_range) == {
            "share": "too_small",
            "gap": "too_many_digits",
        }

    def test_eta_after_last_year(self) -> None:
        """At 0.01 % a year, 1 reaches 1E+10 some 230,000 years on: eta None."""
        s = series({2000: "1", 2001: "1.0001"})
        p = target("1e10").progress(s, 2001)
        assert math.log(1e10 / 1.0001) / math.log(1.0001) > 9999
        assert p.eta is None
        assert dict(p.out_of_range) == {"eta": "too_large"}

    def test_eta_for_ratio_within_a_hair_of_one(self) -> None:
        """Growth of 1E-82 a year is not lost in the logarithms (nor divides by zero)."""
        c = "1." + "0" * 81 + "1"  # 1 + 1E-82
        t = "1." + "0" * 81 + "45"  # 1 + 4.5E-82
        s = series({1: "1", 2: c})
        p = target(t).progress(s, 2)
        expected = worked_out_eta(Fraction(c), Fraction(1), Fraction(t), 2, 1)
        assert expected == 6
        assert p.eta == expected

    def test_eta_slow_and_close(self) -> None:
        """A hair of growth to a target a hair away still gives the exact year."""
        b, c = "1." + "0" * 69 + "1", "1." + "0" * 69 + "3"  # 1+1E-70, 1+3E-70
        t = "1." + "0" * 68 + "11"  # 1 + 1.1E-69
        s = series({10: b, 12: c})
        p = target(t).progress(s, 12)
        expected = worked_out_eta(Fraction(c), Fraction(b), Fraction(t), 12, 2)
        assert p.eta == expected

    def test_repr_names_out_of_range(self) -> None:
        """The repr shows out_of_range when it is not empty and evaluates back."""
        s = series({2023: "4.6", 2024: "5000000000"})
        p = target("1e10", deadline=2100).progress(s, 2024)
        text = repr(p)
        assert "out_of_range={'projected': 'too_large'" in text
        assert eval(text, namespace()) == p
        everyday = target("1e10").progress(series({2023: "4.6"}), 2024)
        assert "out_of_range" not in repr(everyday)

    def test_pickles_and_hashes(self) -> None:
        """A Progress with out_of_range pickles back equal, with an equal hash."""
        import pickle

        s = series({2023: "4.6", 2024: "5000000000"})
        p = target("1e10", deadline=2100).progress(s, 2024)
        again = pickle.loads(pickle.dumps(p))
        assert again == p
        assert hash(again) == hash(p)
        assert dict(again.out_of_range) == dict(p.out_of_range)

    def test_out_of_range_read_only(self) -> None:
        """out_of_range cannot be changed."""
        s = series({2023: "4.6", 2024: "5000000000"})
        p = target("1e10", deadline=2100).progress(s, 2024)
        with pytest.raises(TypeError):
            p.out_of_range["projected"] = "too_small"  # type: ignore[index]

    @pytest.mark.parametrize(
        "reasons",
        [{"projected": "too_big"}, {"current": "too_large"}, ["projected"]],
    )
    def test_out_of_range_checked(self, reasons: Any) -> None:
        """Only figures and the three reasons are accepted."""
        p = target("10").progress(series({2023: "4.6"}), 2024)
        with pytest.raises(ValidationError, match="out_of_range"):
            attrs.evolve(p, out_of_range=reasons)

    @given(extreme_cases())
    @settings(max_examples=60)
    def test_any_valid_values(self, case: tuple[TradeTarget, TradeSeries, int]) -> None:
        """Any values bilat holds: progress() raises nothing, every figure in range."""
        t, s, as_of = case
        p = t.progress(s, as_of)
        for name in ("share", "actual_cagr", "planned_cagr", "required_cagr"):
            value = getattr(p, name)
            assert value is None or value == 0 or -100 <= value.adjusted() <= 99
        for name in ("gap", "projected"):
            money = getattr(p, name)
            assert money is None or Money(money.amount, "USD") == money
        assert p.eta is None or (p.year is not None and p.year <= p.eta <= 9999)
        for name, reason in p.out_of_range.items():
            assert getattr(p, name) is None
            assert reason in {"too_large", "too_small", "too_many_digits"}
