"""Tests of Portfolio: filtering, counting and totals."""

from __future__ import annotations

import datetime as dt
import inspect
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.strategies import portfolios

import bilat
from bilat import (
    Country,
    CurrencyMismatchError,
    Estimate,
    ExchangeRates,
    Money,
    Portfolio,
    Project,
    ProjectStatus,
    Qualifier,
    RateNotFoundError,
    UnknownCurrencyError,
    ValidationError,
)

NAMESPACE: dict[str, Any] = {
    **{name: getattr(bilat, name) for name in bilat.__all__},
    "Decimal": Decimal,
}

UNDERWAY = Project(
    "Joint projects underway",
    ["KZ", "UZ"],
    "underway",
    value=Money("156000000", "USD"),
    count=12,
    sector="industry",
)
PLANNED = Project(
    "Joint projects planned",
    ["KZ", "UZ"],
    "planned",
    value=Estimate(Money(1_000_000_000, "USD"), Qualifier.NEARLY),
    count=21,
    sector="Industry",
)
RAILWAY = Project(
    "Darbaza–Maktaaral railway",
    ["KZ"],
    "underway",
    sector="transport",
    measures={"length": "152 km"},
)
CENTRE = Project(
    "Central Asia International Center for Industrial Cooperation",
    ["KZ", "UZ"],
    "planned",
)
SEED = Portfolio([UNDERWAY, PLANNED, RAILWAY, CENTRE])

#: 1 USD = 525.11 KZT on 2025-01-02, and 500 KZT on 2024-01-02.
RATES = ExchangeRates.from_records(
    [
        ("2024-01-02", "USD", "KZT", "500"),
        ("2025-01-02", "USD", "KZT", "525.11"),
    ]
)


def valued(name: str, value: Money | Estimate, status: str = "underway") -> Project:
    """A one-party project with a value."""
    return Project(name, ["UZ"], status, value=value)


class TestCollection:
    """A portfolio is a sized, ordered, immutable collection of projects."""

    def test_iteration_and_length(self) -> None:
        """Projects keep their order; len counts lines, count counts projects."""
        assert list(SEED) == [UNDERWAY, PLANNED, RAILWAY, CENTRE]
        assert len(SEED) == 4
        assert SEED.count == 12 + 21 + 1 + 1

    def test_empty(self) -> None:
        """An empty portfolio has no lines and no projects."""
        assert len(Portfolio()) == 0
        assert Portfolio([]).count == 0
        assert list(Portfolio(())) == []

    def test_single_project(self) -> None:
        """A single Project is a portfolio of one."""
        assert Portfolio(RAILWAY).projects == (RAILWAY,)

    def test_generator(self) -> None:
        """Any iterable of projects is kept as a tuple."""
        p = Portfolio(x for x in (RAILWAY, CENTRE))
        assert p.projects == (RAILWAY, CENTRE)

    @pytest.mark.parametrize(
        ("value", "path", "pattern"),
        [
            ("projects", "projects", "sequence of Project"),
            (5, "projects", "sequence of Project"),
            ([RAILWAY, "railway"], "projects[1]", "expected a Project, got 'railway'"),
        ],
    )
    def test_invalid(self, value: object, path: str, pattern: str) -> None:
        """Only projects are accepted; the path names the offending item."""
        with pytest.raises(ValidationError, match=pattern) as info:
            Portfolio(value)  # type: ignore[arg-type]
        assert info.value.path == path

    def test_frozen(self) -> None:
        """The projects cannot be replaced."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            SEED.projects = ()  # type: ignore[misc]

    def test_unvalued(self) -> None:
        """Projects without a value are listed, in order."""
        assert SEED.unvalued == (RAILWAY, CENTRE)
        assert Portfolio([UNDERWAY]).unvalued == ()

    def test_repr(self) -> None:
        """The repr lists the projects' reprs and reads back."""
        assert repr(Portfolio()) == "Portfolio([])"
        assert repr(Portfolio([CENTRE])) == (
            "Portfolio([Project('Central Asia International Center for Industrial "
            "Cooperation', ('KZ', 'UZ'), ProjectStatus.PLANNED)])"
        )
        assert eval(repr(SEED), NAMESPACE) == SEED


class TestWhere:
    """where() keeps the projects that match every condition given."""

    def test_no_condition(self) -> None:
        """No condition keeps everything."""
        assert SEED.where() == SEED

    def test_status(self) -> None:
        """A status, its value, or several of them."""
        assert SEED.where(status=ProjectStatus.UNDERWAY).projects == (
            UNDERWAY,
            RAILWAY,
        )
        assert SEED.where(status="planned").projects == (PLANNED, CENTRE)
        assert SEED.where(status=["planned", ProjectStatus.UNDERWAY]) == SEED
        assert SEED.where(status={ProjectStatus.COMPLETED}).projects == ()

    def test_sector_ignores_case(self) -> None:
        """'industry' matches 'Industry'; projects without a sector never match."""
        assert SEED.where(sector="industry").projects == (UNDERWAY, PLANNED)
        assert SEED.where(sector=" TRANSPORT ").projects == (RAILWAY,)

    def test_party(self) -> None:
        """A party by Country or by any code form."""
        assert SEED.where(party="UZ").projects == (UNDERWAY, PLANNED, CENTRE)
        assert SEED.where(party=Country("KZ")) == SEED
        assert SEED.where(party=860) == SEED.where(party="UZB")
        assert SEED.where(party="KG").projects == ()

    def test_combined(self) -> None:
        """Conditions combine with 'and'."""
        assert SEED.where(status="underway", party="UZ").projects == (UNDERWAY,)
        assert SEED.where(status="planned", sector="industry").projects == (PLANNED,)

    @pytest.mark.parametrize(
        ("condition", "path", "pattern"),
        [
            ({"status": "ongoing"}, "status", "unknown project status 'ongoing'"),
            ({"status": ["planned", "done"]}, "status[1]", "'done'"),
            ({"status": 3}, "status", "a status or several"),
            ({"sector": 3}, "sector", "as a string"),
            ({"party": "Kazakstan"}, "party", "unknown country"),
        ],
    )
    def test_invalid(self, condition: dict[str, Any], path: str, pattern: str) -> None:
        """Unknown statuses and countries are refused, with the argument's name."""
        with pytest.raises(ValidationError, match=pattern) as info:
            SEED.where(**condition)
        assert info.value.path == path


class TestByStatus:
    """by_status() groups projects under each status that occurs."""

    def test_groups(self) -> None:
        """Groups come in the enum's order, each in the projects' order."""
        cancelled = Project("Plant", ["UZ"], "cancelled")
        groups = Portfolio([cancelled, *SEED]).by_status()
        assert list(groups) == [
            ProjectStatus.PLANNED,
            ProjectStatus.UNDERWAY,
            ProjectStatus.CANCELLED,
        ]
        assert groups[ProjectStatus.PLANNED].projects == (PLANNED, CENTRE)
        assert groups[ProjectStatus.UNDERWAY].projects == (UNDERWAY, RAILWAY)
        assert groups[ProjectStatus.CANCELLED].projects == (cancelled,)

    def test_read_only(self) -> None:
        """The mapping cannot be changed."""
        groups = SEED.by_status()
        with pytest.raises(TypeError):
            groups[ProjectStatus.COMPLETED] = Portfolio()  # type: ignore[index]

    def test_empty(self) -> None:
        """An empty portfolio has no groups."""
        assert dict(Portfolio().by_status()) == {}


class TestTotal:
    """total() adds exactly, keeps estimates honest, never mixes currencies."""

    def test_exact(self) -> None:
        """Money only gives Money; unvalued projects are skipped."""
        assert SEED.where(status="underway").total() == Money(156_000_000, "USD")

    def test_seed_estimate(self) -> None:
        """$156 million and nearly $1 billion: nearly $1.156 billion, bounds summed."""
        total = SEED.total()
        assert isinstance(total, Estimate)
        assert total.value == Money(1_156_000_000, "USD")
        assert total.low == Money(156_000_000 + 900_000_000, "USD")
        assert total.high == Money(156_000_000 + 1_000_000_000, "USD")
        assert total.qualifier is Qualifier.NEARLY

    def test_exact_estimates_count_as_exact(self) -> None:
        """An Estimate whose bounds are its value adds up to Money."""
        p = Portfolio(
            [
                valued("A", Estimate(Money("10.50", "USD"))),
                valued("B", Money("4.25", "USD")),
            ]
        )
        total = p.total()
        assert type(total) is Money
        assert total == Money("14.75", "USD")

    def test_mixed_qualifiers(self) -> None:
        """Bounds of differently qualified values add up separately."""
        p = Portfolio(
            [
                valued("A", Estimate(Money(100, "USD"), Qualifier.OVER)),
                valued("B", Estimate(Money(200, "USD"), Qualifier.UP_TO)),
            ]
        )
        total = p.total()
        assert isinstance(total, Estimate)
        assert total.low == Money(100 + 0, "USD")
        assert total.high == Money(110 + 200, "USD")
        assert total.value == Money(300, "USD")

    def test_currency_given(self) -> None:
        """Naming the values' own currency changes nothing."""
        assert SEED.where(status="underway").total("usd") == Money(156_000_000, "USD")

    def test_empty(self) -> None:
        """No valued project totals zero in the currency asked for."""
        assert Portfolio().total("USD") == Money(0, "USD")
        assert Portfolio([RAILWAY, CENTRE]).total("KZT") == Money(0, "KZT")

    @pytest.mark.parametrize("portfolio", [Portfolio(), Portfolio([RAILWAY, CENTRE])])
    def test_empty_without_currency(self, portfolio: Portfolio) -> None:
        """Without a currency an empty total is refused, saying what to pass."""
        with pytest.raises(ValidationError, match="pass currency=") as info:
            portfolio.total()
        assert info.value.path == "currency"

    def test_mixed_currencies_without_rates(self) -> None:
        """Two currencies and no rates is an error naming both."""
        p = Portfolio([UNDERWAY, valued("Plant", Money(52_511, "KZT"))])
        with pytest.raises(CurrencyMismatchError, match="'USD' and 'KZT'") as info:
            p.total()
        assert (info.value.left, info.value.right) == ("USD", "KZT")
        with pytest.raises(CurrencyMismatchError, match="'KZT' and 'USD'"):
            p.total("KZT")

    def test_other_currency_without_rates(self) -> None:
        """Asking for another currency without rates is an error, not a relabel."""
        with pytest.raises(CurrencyMismatchError, match="'EUR' and 'USD'"):
            Portfolio([UNDERWAY]).total("EUR")

    def test_several_currencies_need_a_target(self) -> None:
        """With rates but no currency, several currencies are still ambiguous."""
        p = Portfolio([UNDERWAY, valued("Plant", Money(52_511, "KZT"))])
        with pytest.raises(CurrencyMismatchError, match="'USD' and 'KZT'"):
            p.total(rates=RATES)

    def test_with_rates(self) -> None:
        """Each value is converted at the newest rate: 100 USD = 52,511 KZT."""
        p = Portfolio(
            [valued("Road", Money(100, "USD")), valued("Plant", Money(52_511, "KZT"))]
        )
        assert p.total("KZT", RATES) == Money(105_022, "KZT")
        # 52,511 KZT / 525.11 = 100 USD, to within the inverse rate's 60 digits
        total = p.total("USD", RATES)
        assert isinstance(total, Money)
        assert total.round() == Money("200.00", "USD")

    def test_rates_on_a_date(self) -> None:
        """on= picks the rate of that date: 500 KZT a dollar in 2024."""
        p = Portfolio(
            [valued("Road", Money(100, "USD")), valued("Plant", Money(1000, "KZT"))]
        )
        assert p.total("KZT", RATES, on="2024-06-30") == Money(51_000, "KZT")
        assert p.total("KZT", RATES, on=dt.date(2025, 1, 2)) == Money(53_511, "KZT")

    def test_estimates_with_rates(self) -> None:
        """An estimate's value and bounds are converted with one rate."""
        p = Portfolio(
            [
                valued("A", Estimate(Money(1000, "USD"), Qualifier.NEARLY)),
                valued("B", Money(10_000, "KZT")),
            ]
        )
        total = p.total("KZT", RATES, on="2024-12-31")
        assert isinstance(total, Estimate)
        # 1000 USD at 500 = 500,000 KZT; nearly: low 450,000
        assert total.value == Money(510_000, "KZT")
        assert total.low == Money(460_000, "KZT")
        assert total.high == Money(510_000, "KZT")

    def test_missing_rate(self) -> None:
        """A rate that is not there is reported, not guessed."""
        p = Portfolio([valued("A", Money(1, "EUR"))])
        with pytest.raises(RateNotFoundError, match="'EUR' to 'KZT'"):
            p.total("KZT", RATES)
        with pytest.raises(RateNotFoundError):
            Portfolio([UNDERWAY]).total("KZT", RATES, on="2023-12-31")

    def test_invalid_arguments(self) -> None:
        """Unknown currencies and dates that are not dates are refused."""
        with pytest.raises(UnknownCurrencyError):
            SEED.total("DOLLARS")
        with pytest.raises(ValidationError, match="on"):
            Portfolio([UNDERWAY]).total("KZT", RATES, on="last year")


def _bounds(value: Money | Estimate) -> tuple[Decimal, Decimal, Decimal]:
    """(low, value, high) amounts; Money is its own bounds."""
    if isinstance(value, Money):
        return value.amount, value.amount, value.amount
    return value.low.amount, value.value.amount, value.high.amount


class TestLaws:
    """Totals and filters agree with the parts they are made of."""

    @given(portfolios())
    def test_total_is_the_sum_of_values(self, portfolio: Portfolio) -> None:
        """low, value and high of the total are the sums over valued projects."""
        values = [p.value for p in portfolio if p.value is not None]
        total = portfolio.total("USD")
        columns = zip(*map(_bounds, values), strict=True)
        sums = tuple(sum(column, Decimal(0)) for column in columns)
        assert _bounds(total) == (sums or (Decimal(0),) * 3)
        exact = all(isinstance(v, Money) or v.low == v.value == v.high for v in values)
        assert isinstance(total, Money) == exact

    @given(portfolios())
    def test_total_of_groups(self, portfolio: Portfolio) -> None:
        """Totalling the status groups and adding them gives the whole total."""
        parts = [_bounds(g.total("USD")) for g in portfolio.by_status().values()]
        sums = [sum(column, Decimal(0)) for column in zip(*parts, strict=True)]
        assert _bounds(portfolio.total("USD")) == (tuple(sums) or (0, 0, 0))

    @given(portfolios())
    def test_where_partitions(self, portfolio: Portfolio) -> None:
        """Filtering by each status splits the projects and their count exactly."""
        pieces = [portfolio.where(status=s) for s in ProjectStatus]
        assert sum(p.count for p in pieces) == portfolio.count
        assert sum(len(p) for p in pieces) == len(portfolio)
        assert sorted(x.name for p in pieces for x in p) == sorted(
            x.name for x in portfolio
        )
        assert dict(portfolio.by_status()) == {
            s: p for s, p in zip(ProjectStatus, pieces, strict=True) if len(p)
        }

    @given(portfolios(currency=None, max_size=3))
    def test_repr_round_trip(self, portfolio: Portfolio) -> None:
        """eval(repr(p)) == p, with an equal hash."""
        again = eval(repr(portfolio), NAMESPACE)
        assert again == portfolio
        assert hash(again) == hash(portfolio)


def _fix_in(error: CurrencyMismatchError) -> str:
    """The call a mismatch's message proposes, as written after its last colon."""
    return str(error).rsplit(": ", 1)[1].rstrip(")") + ")"


class TestMismatchHint:
    """A total in two currencies names the Portfolio.total() call that fixes it."""

    TWO = Portfolio([UNDERWAY, valued("Plant", Money(52_511, "KZT"))])

    def test_no_currency_no_rates(self) -> None:
        """Without both, the hint asks for both, in the first value's currency."""
        with pytest.raises(CurrencyMismatchError) as info:
            self.TWO.total()
        assert str(info.value).endswith(
            "(pass currency and rates to Portfolio.total(): total('USD', rates))"
        )
        assert "MoneyBag" not in str(info.value)

    def test_currency_without_rates(self) -> None:
        """With a currency, the hint asks for rates and keeps that currency."""
        with pytest.raises(CurrencyMismatchError) as info:
            self.TWO.total("KZT")
        assert str(info.value).endswith(
            "(pass rates to Portfolio.total(): total('KZT', rates))"
        )

    def test_rates_without_currency(self) -> None:
        """With rates, the hint asks for the currency only."""
        with pytest.raises(CurrencyMismatchError) as info:
            self.TWO.total(rates=RATES)
        assert str(info.value).endswith(
            "(pass currency to Portfolio.total(): total('USD', rates))"
        )

    def test_the_hint_works(self) -> None:
        """The call the hint proposes gives the total: 100 + 156M USD at 525.11."""
        with pytest.raises(CurrencyMismatchError) as info:
            self.TWO.total()
        fixed = eval(
            "portfolio." + _fix_in(info.value),
            {},
            {"portfolio": self.TWO, "rates": RATES},
        )
        # 52,511 KZT at 525.11 KZT a dollar is 100 USD.
        assert fixed.round() == Money("156000100.00", "USD")

    @given(st.sampled_from(["EUR", "KZT", "UZS", "CNY"]), st.booleans())
    def test_every_hint_works(self, other: str, given_currency: bool) -> None:
        """Whatever was missing, the proposed call totals without an error."""
        rates = ExchangeRates.from_records(
            [("2025-01-02", "USD", code, "3") for code in ("EUR", "KZT", "UZS", "CNY")]
        )
        portfolio = Portfolio([UNDERWAY, valued("Other", Money(3, other))])
        with pytest.raises(CurrencyMismatchError) as info:
            portfolio.total(other if given_currency else None)
        into = other if given_currency else "USD"
        fixed = eval(
            "portfolio." + _fix_in(info.value),
            {},
            {"portfolio": portfolio, "rates": rates},
        )
        # 3 units of the other currency are 1 USD; 156,000,000 USD are 468,000,000 of it.
        expected = (
            Money(156_000_001, "USD") if into == "USD" else Money(468_000_003, other)
        )
        assert fixed.round() == expected.round()


class TestTypedConstructor:
    """The constructor says what it accepts, so type checkers and IDEs can."""

    def test_portfolio(self) -> None:
        """Portfolio takes one Project or several."""
        parameters = inspect.signature(Portfolio).parameters.items()
        assert {name: p.annotation for name, p in parameters} == {
            "projects": "Project | Iterable[Project]",
        }
