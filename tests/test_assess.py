"""The progress method around the deadline: the two status rules, and the
projection from the series cut at the deadline once it has passed.

The statuses follow the methodology page; the figures are worked out by hand
in the comments (exact decimals wherever the rates are exact).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from tests.strategies import measure_series, targets

import bilat
from bilat import (
    Q_,
    InvalidOptionError,
    Money,
    ProgressStatus,
    Series,
    Target,
    TradeSeries,
    TradeTarget,
)
from bilat._assess import AFTER_DEADLINE, deadline_rule

S = ProgressStatus
Rule = Literal["ratio", "missed"]


def usd(amount: str | int) -> Money:
    return Money(amount, "USD")


def trade(
    value: int,
    values: dict[int, int | str],
    deadline: int | None,
    rule: Rule,
    year: int,
) -> bilat.Progress[Any]:
    """Progress of a USD turnover series towards a USD target."""
    series = TradeSeries(
        ("KZ", "UZ"), "turnover", {y: usd(v) for y, v in values.items()}
    )
    target = TradeTarget(("KZ", "UZ"), usd(value), deadline=deadline)
    return target.progress(series, year, after_deadline=rule)


def counted(
    value: int,
    values: dict[int, int | str],
    deadline: int | None,
    rule: Rule,
    year: int,
) -> bilat.Progress[Any]:
    """The same figures as plain numbers, through Target and Series."""
    series = Series(
        ("KZ", "UZ"), "joint projects", {y: Decimal(v) for y, v in values.items()}
    )
    target = Target(("KZ", "UZ"), value, deadline=deadline, subject="joint projects")
    return target.progress(series, year, after_deadline=rule)


#: (values, as of, deadline, status with "ratio", status with "missed"), for a
#: target of 200 from a base of 100 in 2020 (planned growth 2^(1/5) − 1 ≈
#: 0.14870 a year to 2025).
TABLE = [
    # 195 in 2025: actual 1.95^(1/5) − 1 ≈ 0.14290, ratio ≈ 0.961 ≥ 0.95
    ({2020: 100, 2025: 195}, 2025, 2025, S.ON_TRACK, S.OFF_TRACK),
    # 180 in 2026: 1.8^(1/6) − 1 ≈ 0.10292, ratio ≈ 0.692, in [0.60, 0.95)
    ({2020: 100, 2026: 180}, 2026, 2025, S.NEEDS_ACCELERATION, S.OFF_TRACK),
    # 150 in 2026: 1.5^(1/6) − 1 ≈ 0.06991, ratio ≈ 0.470 < 0.60: off track either way
    ({2020: 100, 2026: 150}, 2026, 2025, S.OFF_TRACK, S.OFF_TRACK),
    # 90 in 2026: a fall, ratio < 0: regressing either way
    ({2020: 100, 2026: 90}, 2026, 2025, S.REGRESSING, S.REGRESSING),
    # 210 in 2026: reached, whatever the rule
    ({2020: 100, 2026: 210}, 2026, 2025, S.ACHIEVED, S.ACHIEVED),
    # before the deadline both rules agree: 1.5^(1/3) − 1 ≈ 0.14471, ratio ≈ 0.973
    ({2020: 100, 2023: 150}, 2023, 2025, S.ON_TRACK, S.ON_TRACK),
    # a base of zero has no ratio: insufficient data, unless called missed
    ({2020: 0, 2026: 150}, 2026, 2025, S.INSUFFICIENT_DATA, S.OFF_TRACK),
    # a single value after the deadline: no ratio either
    ({2026: 150}, 2026, 2025, S.INSUFFICIENT_DATA, S.OFF_TRACK),
    # no deadline: nothing is missed
    ({2020: 100, 2026: 150}, 2026, None, S.NO_DEADLINE, S.NO_DEADLINE),
]


class TestAfterDeadlineRules:
    """Both rules for a target not reached by its deadline, on one table."""

    @pytest.mark.parametrize("kind", [trade, counted])
    @pytest.mark.parametrize(("values", "year", "deadline", "ratio", "missed"), TABLE)
    def test_table(
        self,
        kind: Any,
        values: dict[int, int | str],
        year: int,
        deadline: int | None,
        ratio: ProgressStatus,
        missed: ProgressStatus,
    ) -> None:
        """Each row gives its status under "ratio" and under "missed", for both kinds."""
        assert kind(200, values, deadline, "ratio", year).status is ratio
        assert kind(200, values, deadline, "missed", year).status is missed

    def test_default_is_ratio(self) -> None:
        """Without after_deadline the growth ratio decides, as Open SDG does."""
        series = TradeSeries(("KZ", "UZ"), "turnover", {2020: usd(100), 2025: usd(195)})
        target = TradeTarget(("KZ", "UZ"), usd(200), deadline=2025)
        assert AFTER_DEADLINE == "ratio"
        assert target.progress(series, 2025).status is S.ON_TRACK

    def test_target_equal_to_base(self) -> None:
        """A target equal to the base, fallen after the deadline: REGRESSING either way."""
        rules: tuple[Rule, ...] = ("ratio", "missed")
        for rule in rules:
            p = trade(100, {2020: 100, 2026: 81}, 2025, rule, 2026)
            assert p.status is S.REGRESSING

    def test_thresholds_still_apply(self) -> None:
        """With "ratio", the caller's thresholds grade a passed deadline too."""
        series = TradeSeries(("KZ", "UZ"), "turnover", {2020: usd(100), 2026: usd(150)})
        target = TradeTarget(("KZ", "UZ"), usd(200), deadline=2025)
        # ratio ≈ 0.470: on track once on_track is 0.4
        p = target.progress(series, 2026, on_track=Decimal("0.4"), needs_acceleration=0)
        assert p.status is S.ON_TRACK


class TestRuleNames:
    """after_deadline accepts its two names and refuses anything else."""

    @pytest.mark.parametrize("value", ["Missed", "", None, 1, b"missed", ["ratio"]])
    def test_refused(self, value: object) -> None:
        """Another value is an InvalidOptionError that names it and lists the rules."""
        series = TradeSeries(("KZ", "UZ"), "turnover", {2020: usd(100)})
        target = TradeTarget(("KZ", "UZ"), usd(200), deadline=2025)
        with pytest.raises(InvalidOptionError, match="'missed', 'ratio'") as caught:
            target.progress(series, 2020, after_deadline=value)  # type: ignore[arg-type]
        assert isinstance(caught.value, ValueError)
        assert "after_deadline" in str(caught.value)
        with pytest.raises(InvalidOptionError):
            Target(("KZ", "UZ"), 5, deadline=2025, subject="x").progress(
                Series(("KZ", "UZ"), "x", {2020: 1}),
                2020,
                after_deadline=value,  # type: ignore[arg-type]
            )

    def test_names(self) -> None:
        """The two names are taken as they are."""
        assert deadline_rule("ratio") == "ratio"
        assert deadline_rule("missed") == "missed"


class TestCutAtDeadline:
    """After the deadline, projected and anticipated come from the series cut there."""

    def test_projected_to_the_deadline(self) -> None:
        """100 in 2020, 121 in 2022: 10 % a year, so 121·1.1³ = 161.051 in 2025."""
        p = trade(200, {2020: 100, 2022: 121, 2027: 190}, 2025, "ratio", 2027)
        assert p.year == 2027
        assert p.projected == usd("161.051")
        # (161.051 − 100)/(200 − 100)
        assert p.anticipated == Decimal("0.61051")
        # the other figures still use 2027
        assert p.current == usd(190)
        assert p.required_cagr is None

    def test_value_at_the_deadline(self) -> None:
        """A value in the deadline year is the projection itself: 180, so 0.8."""
        p = trade(200, {2020: 100, 2025: 180, 2027: 190}, 2025, "ratio", 2027)
        assert p.projected == usd(180)
        assert p.anticipated == Decimal("0.8")

    def test_as_of_between(self) -> None:
        """as_of after the deadline but before the last year: the same cut."""
        p = trade(
            200, {2020: 100, 2022: 121, 2026: 150, 2028: 199}, 2025, "ratio", 2027
        )
        assert p.year == 2026
        assert p.projected == usd("161.051")

    def test_numbers(self) -> None:
        """Target and Series cut the same way."""
        p = counted(200, {2020: 100, 2022: 121, 2027: 190}, 2025, "ratio", 2027)
        assert p.projected == Decimal("161.051")
        assert p.anticipated == Decimal("0.61051")

    def test_quantity_converted(self) -> None:
        """A value in metres at the cut is converted to the target's kilometres."""
        series = Series(
            ("KZ", "UZ"),
            "track laid",
            {2020: Q_("100 km"), 2022: Q_("121000 m"), 2027: Q_("190 km")},
        )
        target = Target(("KZ", "UZ"), Q_("200 km"), deadline=2025, subject="track laid")
        p = target.progress(series, 2027)
        assert p.projected == Q_(Decimal("161.051"), "km")
        assert p.anticipated == Decimal("0.61051")

    def test_only_the_base_before(self) -> None:
        """With no year after the base up to the deadline there is no rate to project."""
        p = trade(200, {2020: 100, 2027: 190}, 2025, "ratio", 2027)
        assert (p.projected, p.anticipated) == (None, None)
        assert p.actual_cagr is not None

    def test_base_after_deadline(self) -> None:
        """A series that starts after the deadline has nothing to cut."""
        p = trade(200, {2026: 100, 2027: 120}, 2025, "ratio", 2027)
        assert (p.projected, p.anticipated) == (None, None)

    def test_baseline_after_the_cut(self) -> None:
        """Years before the baseline year do not count as the cut."""
        series = TradeSeries(
            ("KZ", "UZ"), "turnover", {2019: usd(90), 2026: usd(100), 2027: usd(120)}
        )
        target = TradeTarget(("KZ", "UZ"), usd(200), deadline=2025, baseline_year=2020)
        p = target.progress(series, 2027)
        assert p.base_year == 2026
        assert (p.projected, p.anticipated) == (None, None)

    def test_stopped_before_deadline(self) -> None:
        """Trade that stopped at the cut projects to zero: anticipated (0 − 100)/100."""
        p = trade(200, {2020: 100, 2022: 0, 2027: 50}, 2025, "ratio", 2027)
        assert p.projected == usd(0)
        assert p.anticipated == -1

    @settings(max_examples=60, deadline=None)
    @given(st.data())
    def test_as_at_the_deadline(self, data: st.DataObject) -> None:
        """Any later as_of gives the projection made as of the deadline."""
        series = data.draw(measure_series())
        target = data.draw(targets(series))
        assume(target.deadline is not None)
        assert target.deadline is not None
        later = data.draw(st.integers(target.deadline, 2045))
        at_deadline = target.progress(series, target.deadline)
        after = target.progress(series, later)
        assert after.projected == at_deadline.projected
        assert after.anticipated == at_deadline.anticipated
        assert dict(after.out_of_range).get("projected") == dict(
            at_deadline.out_of_range
        ).get("projected")

    @settings(max_examples=60, deadline=None)
    @given(st.data())
    def test_rules_agree_before_deadline(self, data: st.DataObject) -> None:
        """Before the deadline the rules agree; after it "missed" never grades up."""
        series = data.draw(measure_series())
        target = data.draw(targets(series))
        as_of = data.draw(st.integers(1990, 2045))
        ratio = target.progress(series, as_of, after_deadline="ratio")
        missed = target.progress(series, as_of, after_deadline="missed")
        assert missed.projected == ratio.projected
        assert missed.growth_ratio == ratio.growth_ratio
        passed = (
            target.deadline is not None
            and ratio.year is not None
            and ratio.year >= target.deadline
        )
        if not passed:
            assert missed.status is ratio.status
        else:
            assert missed.status in {S.ACHIEVED, S.REGRESSING, S.OFF_TRACK}
