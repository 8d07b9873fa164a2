"""Hypothesis strategies for bilat's value classes, one ``<thing>s()`` per class.

Amounts stay within ±10**15 with at most six decimals, well inside the exact
range of the library's decimal context, so laws can be checked with ``==``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import iso4217
from hypothesis import strategies as st

from bilat import Currency, Estimate, Money, MoneyBag, Qualifier

if TYPE_CHECKING:
    from collections.abc import Sequence
    from decimal import Decimal

#: Every ISO 4217 code of the iso4217 package, sorted.
CURRENCY_CODES: tuple[str, ...] = tuple(sorted(str(c.value) for c in iso4217.Currency))

#: Currencies with every kind of minor unit (2, 0, 3, 4 and none), drawn often.
EDGE_CODES: tuple[str, ...] = ("USD", "JPY", "KWD", "CLF", "XAU", "KZT", "UZS")

#: Largest absolute amount drawn by default.
AMOUNT_LIMIT = 10**15

#: A few currencies with different minor units, so that bags mix and collide.
BAG_CODES: tuple[str, ...] = ("EUR", "JPY", "KWD", "KZT", "USD", "UZS")


def currencies() -> st.SearchStrategy[Currency]:
    """Any ISO 4217 currency (minor unit 0 to 4, or none as for ``XAU``).

    Half the draws come from :data:`EDGE_CODES`, so every kind of minor unit
    turns up in every run.
    """
    return st.one_of(st.sampled_from(EDGE_CODES), st.sampled_from(CURRENCY_CODES)).map(
        Currency
    )


def _currency_choice(
    currency: Currency | str | None,
) -> st.SearchStrategy[Currency]:
    return currencies() if currency is None else st.just(Currency(currency))


def amounts(
    *,
    min_value: int | Decimal = -AMOUNT_LIMIT,
    max_value: int | Decimal = AMOUNT_LIMIT,
    max_places: int = 6,
) -> st.SearchStrategy[Decimal]:
    """Finite Decimals between the bounds with 0 to ``max_places`` decimals."""
    return st.integers(0, max_places).flatmap(
        lambda places: st.decimals(
            min_value=min_value,
            max_value=max_value,
            places=places,
            allow_nan=False,
            allow_infinity=False,
        )
    )


def moneys(
    currency: Currency | str | None = None,
    *,
    min_value: int | Decimal = -AMOUNT_LIMIT,
    max_value: int | Decimal = AMOUNT_LIMIT,
    max_places: int = 6,
) -> st.SearchStrategy[Money]:
    """Money in ``currency`` (any currency when None) with bounded amounts."""
    return st.builds(
        Money,
        amounts(min_value=min_value, max_value=max_value, max_places=max_places),
        _currency_choice(currency),
    )


def _stated_estimates(currency: Currency) -> st.SearchStrategy[Estimate]:
    """Estimates as stated: a qualifier, a tolerance, derived bounds."""
    return st.sampled_from(Qualifier).flatmap(
        lambda qualifier: st.builds(
            Estimate,
            moneys(
                currency,
                min_value=-AMOUNT_LIMIT if qualifier is Qualifier.EXACT else 0,
            ),
            st.just(qualifier),
            tolerance=st.decimals(min_value=0, max_value=1, places=2),
        )
    )


def _summed_estimates(currency: Currency) -> st.SearchStrategy[Estimate]:
    """Sums of two non-negative estimates: explicit bounds, derived qualifiers."""
    part = _stated_estimates(currency).filter(lambda e: e.value.amount >= 0)
    return st.builds(lambda a, b: a + b, part, part)


def estimates(currency: Currency | str | None = None) -> st.SearchStrategy[Estimate]:
    """Stated estimates and sums of two, in ``currency`` (any when None)."""
    return _currency_choice(currency).flatmap(
        lambda cur: st.one_of(_stated_estimates(cur), _summed_estimates(cur))
    )


def money_bags(
    codes: Sequence[str] = BAG_CODES, *, max_items: int = 8
) -> st.SearchStrategy[MoneyBag]:
    """MoneyBags of up to ``max_items`` Money drawn from ``codes``."""
    item = st.sampled_from(tuple(codes)).flatmap(moneys)
    return st.lists(item, max_size=max_items).map(lambda items: MoneyBag(*items))


# -- trade series and targets ---------------------------------------------------

from bilat import (  # noqa: E402
    Agreement,
    AgreementKind,
    Country,
    Source,
    TradeMetric,
    TradeSeries,
    TradeTarget,
)

#: Countries drawn for trade parties.
TRADE_CODES: tuple[str, ...] = ("KZ", "UZ", "KG", "TJ", "TM")


def _trade_parties() -> st.SearchStrategy[tuple[Country, ...]]:
    return st.lists(
        st.sampled_from(TRADE_CODES), min_size=2, max_size=3, unique=True
    ).map(lambda codes: tuple(Country(c) for c in codes))


def _trade_sources() -> st.SearchStrategy[tuple[Source, ...]]:
    source = st.builds(
        Source,
        st.sampled_from(("Ministers' meeting", "Trade statistics", "Akorda")),
        publisher=st.none() | st.sampled_from(("Akorda press service", "stat.gov.kz")),
    )
    return st.lists(source, max_size=2).map(tuple)


@st.composite
def trade_series(draw: st.DrawFn) -> TradeSeries:
    """Series of 1 to 6 years of non-negative values, with optional provenance."""
    parties = draw(_trade_parties())
    currency = draw(st.sampled_from(("USD", "KZT", "UZS")))
    years = draw(st.lists(st.integers(1995, 2035), min_size=1, max_size=6, unique=True))
    values = {
        year: draw(moneys(currency, min_value=0, max_value=10**12, max_places=2))
        for year in years
    }
    per_year = draw(st.lists(st.sampled_from(years), max_size=2, unique=True))
    return TradeSeries(
        parties,
        draw(st.sampled_from(TradeMetric)),
        values,
        reporter=draw(st.none() | st.sampled_from(parties)),
        sources=draw(_trade_sources()),
        value_sources={year: draw(_trade_sources()) for year in per_year},
    )


@st.composite
def trade_targets(draw: st.DrawFn) -> TradeTarget:
    """Targets with a positive Money or Estimate value and optional years."""
    parties = draw(_trade_parties())
    money = draw(moneys("USD", min_value=1, max_value=10**12, max_places=2))
    value: Money | Estimate = draw(
        st.just(money) | st.sampled_from(Qualifier).map(lambda q: Estimate(money, q))
    )
    deadline = draw(st.none() | st.integers(2000, 2040))
    baseline = draw(
        st.none() if deadline is None else st.none() | st.integers(1990, deadline - 1)
    )
    agreement = draw(
        st.none()
        | st.sampled_from(AgreementKind).map(
            lambda kind: Agreement("Trade roadmap", parties, kind)
        )
    )
    return TradeTarget(
        parties,
        value,
        deadline=deadline,
        metric=draw(st.sampled_from(TradeMetric)),
        baseline_year=baseline,
        agreement=agreement,
        sources=draw(_trade_sources()),
    )


# -- countries, sources, agreements, events -------------------------------------

import datetime as dt  # noqa: E402

from bilat import Meeting, Official, Topic  # noqa: E402
from bilat._country import _codes  # noqa: E402

#: Dates drawn for documents and events.
DATES = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))

#: Text fields as the values keep them: non-empty, no surrounding whitespace.
_TEXT = st.text(min_size=1, max_size=30).map(str.strip).filter(bool)


def countries() -> st.SearchStrategy[Country]:
    """Any country bilat knows (the ISO 3166-1 countries and Kosovo)."""
    return st.sampled_from(sorted(_codes().alpha3)).map(Country)


def _urls() -> st.SearchStrategy[str]:
    host = st.from_regex(r"[a-z][a-z0-9-]{0,12}\.(kz|uz|org|com)", fullmatch=True)
    path = st.from_regex(r"(/[A-Za-z0-9._~%-]{0,12}){0,3}", fullmatch=True)
    return st.builds(
        lambda scheme, h, p: f"{scheme}://{h}{p}",
        st.sampled_from(["http", "https"]),
        host,
        path,
    )


@st.composite
def sources(draw: st.DrawFn) -> Source:
    """Sources with any mix of known fields; accessed never before published."""
    published = draw(st.none() | DATES)
    accessed = draw(st.none() | DATES)
    if published is not None and accessed is not None and accessed < published:
        published, accessed = accessed, published
    return Source(
        draw(_TEXT),
        publisher=draw(st.none() | _TEXT),
        url=draw(st.none() | _urls()),
        published=published,
        accessed=accessed,
        note=draw(st.none() | _TEXT),
    )


@st.composite
def agreements(draw: st.DrawFn) -> Agreement:
    """Agreements between two to four countries, with dates in a valid order."""
    signed, in_force, ends = sorted(draw(st.lists(DATES, min_size=3, max_size=3)))
    keep = draw(st.lists(st.booleans(), min_size=4, max_size=4))
    terminated = draw(DATES)
    if keep[0] and terminated < signed:
        terminated = signed
    return Agreement(
        draw(_TEXT),
        draw(st.lists(countries(), min_size=2, max_size=4, unique=True)),
        draw(st.sampled_from(AgreementKind)),
        signed=signed if keep[0] else None,
        in_force=in_force if keep[1] else None,
        ends=ends if keep[2] else None,
        terminated=terminated if keep[3] else None,
        sources=draw(st.lists(sources(), max_size=2)),
    )


def officials() -> st.SearchStrategy[Official]:
    """Officials of any country."""
    return st.builds(Official, _TEXT, _TEXT, countries())


def meetings() -> st.SearchStrategy[Meeting]:
    """Meetings dated by day, by year only, or not at all."""
    return st.builds(
        Meeting,
        st.none() | st.integers(1900, 2100) | DATES,
        st.lists(officials(), max_size=3, unique=True),
        st.lists(st.sampled_from(Topic), max_size=4),
        place=st.none() | _TEXT,
        sources=st.lists(sources(), max_size=2),
        title=st.none() | _TEXT,
        note=st.none() | _TEXT,
    )


# -- projects and portfolios ----------------------------------------------------

import bilat  # noqa: E402
from bilat import Portfolio, ProgressUpdate, Project, ProjectStatus  # noqa: E402

#: Measures a project may track, each with units of one dimension; the first
#: unit is the measure's own, updates use any of them.
PROJECT_MEASURES: dict[str, tuple[str, ...]] = {
    "length": ("km", "m", "mile"),
    "capacity": ("t", "kg", "Mt"),
    "power": ("MW", "kW"),
    "stations": ("dimensionless",),
}

#: Sectors drawn for projects (two spellings of one, for case-blind filters).
PROJECT_SECTORS: tuple[str, ...] = ("transport", "Transport", "industry", "energy")


def _project_magnitudes(*, min_value: int) -> st.SearchStrategy[Decimal]:
    return amounts(min_value=min_value, max_value=10**6, max_places=3)


@st.composite
def progress_updates(
    draw: st.DrawFn, measure: str | None = None, date: dt.date | None = None
) -> ProgressUpdate:
    """Updates of ``measure`` (any of PROJECT_MEASURES when None), in any unit of it."""
    name = (
        draw(st.sampled_from(sorted(PROJECT_MEASURES))) if measure is None else measure
    )
    unit = draw(st.sampled_from(PROJECT_MEASURES[name]))
    done = bilat.Q_(draw(_project_magnitudes(min_value=0)), unit)
    return ProgressUpdate(
        date if date is not None else draw(DATES),
        name,
        done,
        sources=draw(st.lists(sources(), max_size=1)),
    )


def project_values(
    currency: str | None = "USD",
) -> st.SearchStrategy[Money | Estimate | None]:
    """What a project is worth: None, Money or an Estimate, never below zero."""
    money = moneys(currency, min_value=0, max_value=10**12, max_places=2)
    estimate = estimates(currency).filter(lambda e: e.low.amount >= 0)
    return st.none() | money | estimate


@st.composite
def projects(draw: st.DrawFn, currency: str | None = "USD") -> Project:
    """Projects with any mix of fields; values in ``currency`` (any when None)."""
    names = draw(st.lists(st.sampled_from(sorted(PROJECT_MEASURES)), unique=True))
    measures = {
        name: bilat.Q_(
            draw(_project_magnitudes(min_value=1)), PROJECT_MEASURES[name][0]
        )
        for name in names
    }
    updates: list[ProgressUpdate] = []
    for name in names:
        days = draw(st.lists(DATES, max_size=3, unique=True))
        updates.extend(draw(progress_updates(name, day)) for day in days)
    first, last = sorted(draw(st.lists(DATES, min_size=2, max_size=2)))
    start = draw(st.sampled_from((None, first.year, first)))
    end = draw(st.sampled_from((None, last.year, last)))
    return Project(
        draw(_TEXT),
        draw(st.lists(countries(), min_size=1, max_size=3, unique=True)),
        draw(st.sampled_from(ProjectStatus)),
        value=draw(project_values(currency)),
        sector=draw(st.none() | st.sampled_from(PROJECT_SECTORS)),
        count=draw(st.integers(1, 50)),
        start=start,
        end=end,
        location=draw(st.none() | _TEXT),
        measures=measures,
        updates=draw(st.permutations(updates)),
        sources=draw(st.lists(sources(), max_size=1)),
    )


def portfolios(
    currency: str | None = "USD", *, max_size: int = 6
) -> st.SearchStrategy[Portfolio]:
    """Portfolios of up to ``max_size`` projects valued in ``currency``."""
    return st.lists(projects(currency), max_size=max_size).map(Portfolio)


# -- exchange rates and unit prices ----------------------------------------------

from bilat import ExchangeRates, UnitPrice  # noqa: E402

#: Currencies drawn for exchange-rate tables.
RATE_CODES: tuple[str, ...] = ("EUR", "KZT", "RUB", "USD", "UZS")

#: Units drawn for unit prices: mass, energy, length, volume, area.
PRICE_UNITS: tuple[str, ...] = ("t", "kg", "Mt", "kWh", "km", "m ** 3", "ha")


@st.composite
def exchange_rates(
    draw: st.DrawFn, codes: Sequence[str] = RATE_CODES, *, max_quotes: int = 12
) -> ExchangeRates:
    """Tables of up to ``max_quotes`` positive quotes among ``codes`` in 2024-2025."""
    pair = st.lists(st.sampled_from(tuple(codes)), min_size=2, max_size=2, unique=True)
    quote = st.tuples(
        st.dates(dt.date(2024, 1, 1), dt.date(2025, 12, 31)),
        pair,
        st.decimals(min_value="0.0001", max_value=10**6, places=4),
    )
    quotes = draw(
        st.lists(quote, max_size=max_quotes, unique_by=lambda q: (q[0], *q[1]))
    )
    return ExchangeRates.from_records([(d, b, q, r) for d, (b, q), r in quotes])


def unit_prices(
    currency: Currency | str | None = "USD",
) -> st.SearchStrategy[UnitPrice]:
    """Prices per unit of a few common units, in ``currency`` (any when None)."""
    return st.builds(
        UnitPrice,
        moneys(currency, min_value=0, max_value=10**9, max_places=4),
        st.sampled_from(PRICE_UNITS),
    )


# -- dossiers --------------------------------------------------------------------

from bilat import Dossier  # noqa: E402


@st.composite
def dossiers(draw: st.DrawFn, *, max_items: int = 2) -> Dossier:
    """Dossiers with up to ``max_items`` records of each kind, any field set or not."""
    return Dossier(
        draw(_TEXT),
        draw(st.lists(countries(), min_size=2, max_size=4, unique=True)),
        agreements=draw(st.lists(agreements(), max_size=max_items)),
        projects=draw(st.lists(projects(currency=None), max_size=max_items)),
        targets=draw(st.lists(trade_targets(), max_size=max_items)),
        series=draw(st.lists(trade_series(), max_size=max_items)),
        events=draw(st.lists(meetings(), max_size=max_items)),
        sources=draw(st.lists(sources(), max_size=max_items)),
        relationship=draw(st.none() | _TEXT),
        officials=draw(st.lists(officials(), max_size=max_items)),
        note=draw(st.none() | _TEXT),
    )
