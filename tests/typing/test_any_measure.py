"""Realistic user code for targets and series of any measure, checked by ``mypy --strict``.

A trade target's progress holds Money; a target of any measure holds its
own kind (Money, a quantity or a number), and mypy sees that union, so code
that needs Money from a general target must narrow it first.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import assert_type

from pint import Quantity

import bilat
from bilat import (
    Q_,
    Estimate,
    Money,
    Progress,
    ProgressStatus,
    ProgressUpdate,
    Project,
    Series,
    Source,
    Target,
    TradeSeries,
    TradeTarget,
)

#: What Target.progress() measures in: its amounts are of this kind.
Amount = Money | Quantity[Decimal] | Decimal


def test_trade_target() -> None:
    """A trade target's progress is Progress[Money], also against a Series."""
    turnover = TradeSeries(
        ("KZ", "UZ"),
        "turnover",
        {2023: Money("4.4e9", "USD"), 2024: Estimate.parse("about $4.3 billion")},
    )
    target = TradeTarget(("KZ", "UZ"), Money("1e10", "USD"), deadline=2030)
    progress = target.progress(turnover, as_of=2024)
    assert_type(progress, Progress[Money])
    assert_type(progress.current, Money | None)
    assert_type(progress.gap, Money | None)
    assert_type(progress.approximate, bool)
    assert_type(turnover.values, Mapping[int, Money | Estimate])
    assert progress.current == Money("4.3e9", "USD")
    assert progress.approximate

    general = Series(("KZ", "UZ"), "turnover", {2024: Money("4.3e9", "USD")})
    assert_type(target.progress(general, 2024), Progress[Money])


def test_target_of_a_quantity() -> None:
    """Target.progress() gives Progress of Money, a quantity or a number."""
    railway = Target(
        ("KZ", "UZ"), Q_("152 km"), deadline=2026, subject="Darbaza–Maktaaral railway"
    )
    track = Series(
        ("KZ", "UZ"),
        "Darbaza–Maktaaral railway",
        {2024: Q_("40 km"), 2025: Q_("106000 m")},
        sources=[Source("Baq.kz")],
    )
    assert_type(track, Series)
    assert_type(railway, Target)
    assert_type(track.cagr(2024, 2025), Decimal | None)
    progress = railway.progress(track, as_of=2025)
    assert_type(progress, Progress[Amount])
    assert_type(progress.current, Amount | None)
    assert_type(progress.share, Decimal | None)
    assert_type(progress.status, ProgressStatus)
    assert_type(railway.unit, Amount)
    gap = progress.gap
    # Narrowing: a quantity target's amounts are quantities.
    assert not isinstance(gap, Money | Decimal)
    assert gap is not None
    assert gap.to("km").magnitude == 46


def test_counts_and_projects() -> None:
    """Numbers, and a project's reported progress as a series."""
    projects = Target(("KZ", "UZ"), 100, deadline=2030, subject="joint projects")
    counted = Series(("KZ", "UZ"), "joint projects", {2024: 69, 2025: 78})
    assert_type(projects.progress(counted, 2025).current, Amount | None)
    assert projects.progress(counted, 2025).current == Decimal(78)

    railway = Project(
        "Railway",
        ("KZ", "UZ"),
        "underway",
        measures={"length": "152 km"},
        updates=[ProgressUpdate("2025-11-25", "length", "106 km")],
    )
    built = Series.from_project(railway, "length")
    assert_type(built, Series)
    assert built.subject == "Railway: length"
    stated = bilat.Claim(
        "track laid", 2025, Q_("106 km"), Source("Baq.kz"), parties=("KZ", "UZ")
    )
    claimed = Series.from_claims([stated])
    assert_type(claimed, Series)
    assert_type(claimed.claims, Mapping[int, bilat.Claim])
    assert claimed.claims[2025] == stated
