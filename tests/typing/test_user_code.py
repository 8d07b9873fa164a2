"""Realistic user code, checked by ``mypy --strict`` with ``assert_type``.

The public API promises precise types: an exact amount is ``Money``, a
qualified one ``Estimate``, a ratio ``Decimal``. mypy checks each
``assert_type`` below statically, so a signature that widens to ``Any`` or to
a union fails the type check; pytest runs the same code, so the values are
real too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Literal, assert_type

import bilat
from bilat import (
    Agreement,
    AgreementStatus,
    Country,
    Currency,
    Dossier,
    Estimate,
    ExchangeRates,
    Money,
    MoneyBag,
    Portfolio,
    Progress,
    ProgressStatus,
    Project,
    ProjectStatus,
    Report,
    Target,
    TradeSeries,
    TradeTarget,
    UnitPrice,
)


def test_money() -> None:
    """Amounts, sums, ratios and formats keep their types."""
    underway = Money.parse("$156 million")
    assert_type(underway, Money)
    assert_type(underway + Money(1, "USD"), Money)
    assert_type(sum([underway, underway]), Money | Literal[0])
    assert_type(underway / underway, Decimal)
    assert_type(underway * 2, Money)
    assert_type(underway.split(3), tuple[Money, ...])
    assert_type(underway.currency, Currency)
    assert_type(underway.amount, Decimal)
    assert_type(underway.format("ru", compact=True), str)
    assert underway.split(3)[0] == Money(52_000_000, "USD")


def test_estimates() -> None:
    """A qualified figure is an Estimate with Money bounds."""
    planned = Estimate.parse("nearly $1 billion")
    assert_type(planned, Estimate)
    assert_type(planned.low, Money)
    assert_type(planned + Money.parse("$156 million"), Estimate)
    assert planned.high == Money(1_000_000_000, "USD")


def test_bags_and_rates() -> None:
    """Converting a bag of currencies gives Money."""
    rates = ExchangeRates.from_records([(dt.date(2025, 1, 2), "USD", "KZT", "500")])
    bag = MoneyBag(Money(1, "USD"), Money(500, "KZT"))
    assert_type(bag, MoneyBag)
    assert_type(bag.to("KZT", rates), Money)
    assert_type(rates.rate("KZT", "USD"), Decimal)
    assert bag.to("KZT", rates) == Money(1000, "KZT")


def test_units() -> None:
    """A price per unit times a quantity is Money."""
    price = Money(30, "USD") / bilat.Q_(1, "t")
    assert_type(price, UnitPrice)
    assert price * bilat.Q_(5, "Mt") == Money(150_000_000, "USD")


def test_domain(tmp_path: Path) -> None:
    """The dossier's parts, progress and report have precise types."""
    dossier = bilat.examples.kazakhstan_uzbekistan()
    assert_type(dossier, Dossier)
    assert_type(dossier.portfolio, Portfolio)
    assert_type(dossier.portfolio.total(), Money | Estimate)
    by_status = dossier.portfolio.by_status()
    assert_type(by_status, Mapping[ProjectStatus, Portfolio])
    project = dossier.projects[0]
    assert_type(project, Project)
    assert_type(
        project.completion(dt.date(2025, 1, 1), measure="length"), Decimal | None
    )
    agreement = dossier.agreements[0]
    assert_type(agreement, Agreement)
    assert_type(agreement.status(as_of=dt.date(2025, 1, 1)), AgreementStatus)
    assert_type(Country("KZ").alpha3, str)

    series = TradeSeries(
        ("KZ", "UZ"), "turnover", {2021: Money(4, "USD"), 2024: Money(5, "USD")}
    )
    target = TradeTarget(("KZ", "UZ"), Money(10, "USD"), deadline=2030)
    progress = target.progress(series, as_of=2025)
    assert_type(progress, Progress[Money])
    assert_type(progress.current, Money | None)
    assert_type(progress.share, Decimal | None)
    assert_type(progress.status, ProgressStatus)
    assert progress.share == Decimal("0.5")

    report = dossier.report(as_of=dt.date(2025, 12, 31))
    assert_type(report, Report)
    assert_type(report.to_markdown(), str)
    path = tmp_path / "dossier.toml"
    dossier.dump(path)
    assert_type(bilat.load(path), Dossier)
    assert bilat.load(path) == dossier


def test_atlas(tmp_path: Path) -> None:
    """An atlas's lists and its frame have precise types."""
    dossier = bilat.examples.kazakhstan_uzbekistan()
    dossier.dump(tmp_path / "kz-uz.toml")
    atlas = bilat.Atlas.load(tmp_path)
    assert_type(atlas, bilat.Atlas)
    assert_type(atlas.dossiers, tuple[Dossier, ...])
    assert_type(
        atlas.targets("off_track", party="KZ", as_of=2025),
        tuple[TradeTarget | Target, ...],
    )
    assert_type(atlas.agreements(Country("UZ")), tuple[Agreement, ...])
    trade = [s for s in dossier.all_series() if isinstance(s, TradeSeries)]
    frame = atlas.progress(trade, as_of=2025, status=[ProgressStatus.NO_DEADLINE])
    assert list(frame["status"]) == ["no_deadline"]
