"""One conversion rule: every path that converts money gives the same result."""

from __future__ import annotations

import datetime as dt
import decimal
import os
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from tests.strategies import RATE_CODES, exchange_rates

import bilat
from bilat import (
    Estimate,
    ExchangeRates,
    Money,
    MoneyBag,
    Portfolio,
    PrecisionError,
    Project,
    Qualifier,
    RateNotFoundError,
    TradeSeries,
    TradeTarget,
    ValidationError,
)

if TYPE_CHECKING:
    from collections.abc import Callable

DAY = dt.date(2025, 1, 2)

#: Significant digits of a quotient (an inverted rate divides).
QUOTIENT_DIGITS = 60


def rounded(value: Fraction, digits: int = QUOTIENT_DIGITS) -> Decimal:
    """``value`` rounded to ``digits`` significant digits, half to even, by hand."""
    if value == 0:
        return Decimal(0)
    sign = -1 if value < 0 else 1
    value = abs(value)
    exponent = 0  # value = mantissa * 10**exponent with 10**(digits-1) <= mantissa
    while value * Fraction(10) ** -exponent >= 10**digits:
        exponent += 1
    while value * Fraction(10) ** -exponent < 10 ** (digits - 1):
        exponent -= 1
    scaled = value * Fraction(10) ** -exponent
    whole, rest = divmod(scaled.numerator, scaled.denominator)
    twice = 2 * rest
    if twice > scaled.denominator or (twice == scaled.denominator and whole % 2):
        whole += 1
    return Decimal(sign * whole).scaleb(exponent, context=decimal.Context(prec=200))


def amounts_of(code: str) -> st.SearchStrategy[Money]:
    """Amounts in ``code`` with up to 45 significant digits, positive or negative."""
    digits = st.integers(-(10**45) + 1, 10**45 - 1)
    return st.builds(
        lambda n, e: Money(Decimal(n).scaleb(e), code), digits, st.integers(-30, 10)
    )


def every_path(money: Money, to: str, rates: ExchangeRates) -> list[Money]:
    """The conversion of ``money`` into ``to`` by every path bilat has."""
    estimate = Estimate(money, Qualifier.EXACT)
    results = [
        money.to(to, rates),
        rates.convert(money, to),
        MoneyBag(money).to(to, rates),
        estimate.to(to, rates).value,
    ]
    if money.amount >= 0:  # a project's value is never negative
        project = Project("Road", ["KZ"], "planned", value=money)
        results.append(Portfolio([project]).total(to, rates))  # type: ignore[arg-type]
    return results


class TestAllPathsAgree:
    """Money.to, convert, MoneyBag.to, Estimate.to and Portfolio.total agree."""

    @given(
        exchange_rates(max_quotes=8),
        st.sampled_from(RATE_CODES),
        st.sampled_from(RATE_CODES),
        st.data(),
    )
    def test_random_tables(
        self, rates: ExchangeRates, base: str, quote: str, data: st.DataObject
    ) -> None:
        """Stored pairs, inverses and crosses: every path gives the same Money."""
        money = data.draw(amounts_of(base))
        try:
            results = every_path(money, quote, rates)
        except RateNotFoundError:
            assume(False)
            raise
        first = results[0]
        assert all(r == first for r in results)

    @given(amounts_of("KZT"), st.decimals("0.0001", "100000", places=4))
    def test_inverse_rate(self, money: Money, rate: Decimal) -> None:
        """Through an inverted rate every path divides once, rounding to 60 digits."""
        rates = ExchangeRates.from_records([(DAY, "USD", "KZT", rate)])
        expected = rounded(Fraction(money.amount) / Fraction(rate))
        for result in every_path(money, "USD", rates):
            assert result.amount == expected

    @given(amounts_of("USD"), st.decimals("0.0001", "100000", places=4))
    def test_stored_rate(self, money: Money, rate: Decimal) -> None:
        """Through a stored rate every path is the exact product."""
        rates = ExchangeRates.from_records([(DAY, "USD", "KZT", rate)])
        expected = Fraction(money.amount) * Fraction(rate)
        for result in every_path(money, "KZT", rates):
            assert Fraction(result.amount) == expected

    @given(
        amounts_of("KZT"),
        st.decimals("0.0001", "100000", places=4),
        st.decimals("0.0001", "100000", places=4),
    )
    def test_cross_rate(self, money: Money, kzt: Decimal, eur: Decimal) -> None:
        """KZT to EUR through USD: times the one rate, over the other, rounded once."""
        rates = ExchangeRates.from_records(
            [(DAY, "KZT", "USD", kzt), (DAY, "EUR", "USD", eur)]
        )
        expected = rounded(Fraction(money.amount) * Fraction(kzt) / Fraction(eur))
        for result in every_path(money, "EUR", rates):
            assert result.amount == expected


class TestRegressions:
    """Cases where the paths used to disagree."""

    RATES = ExchangeRates.from_records([(DAY, "USD", "KZT", "525.11")])

    def test_bag_equals_money(self) -> None:
        """1,234,567.89 KZT at 525.11: the bag converts exactly as Money does."""
        money = Money("1234567.89", "KZT")
        assert MoneyBag(money).to("USD", self.RATES) == money.to("USD", self.RATES)
        assert money.to("USD", self.RATES).amount == rounded(
            Fraction("1234567.89") / Fraction("525.11")
        )

    def test_long_amount_in_a_bag(self) -> None:
        """45 significant digits convert in a bag as they do alone."""
        money = Money("123456789012345678901234567890.123456789012345", "KZT")
        expected = money.to("USD", self.RATES)
        assert MoneyBag(money).to("USD", self.RATES) == expected

    def test_sum_then_convert(self) -> None:
        """A bag adds each currency first, then converts that total once."""
        bag = MoneyBag(Money("0.01", "KZT"), Money("0.02", "KZT"), Money(1, "USD"))
        expected = Money("0.03", "KZT").to("USD", self.RATES) + Money(1, "USD")
        assert bag.to("USD", self.RATES) == expected

    def test_estimate_bounds(self) -> None:
        """An estimate's bounds convert by the same rule as Money."""
        estimate = Estimate(Money(1000, "KZT"), Qualifier.ABOUT)
        converted = estimate.to("USD", self.RATES)
        assert converted.low == Money(900, "KZT").to("USD", self.RATES)
        assert converted.high == Money(1100, "KZT").to("USD", self.RATES)

    def test_progress_uses_the_rule(self) -> None:
        """Target progress converts each year's value as Money.to does."""
        series = TradeSeries(
            ("KZ", "UZ"), "turnover", {2025: Money("1234567.89", "KZT")}
        )
        target = TradeTarget(("KZ", "UZ"), Money(10, "USD"), deadline=2030)
        progress = target.progress(series, as_of=2025, rates=self.RATES)
        expected = Money("1234567.89", "KZT").to("USD", self.RATES)
        assert progress.current == expected

    def test_exact_result_too_long(self) -> None:
        """A product through a stored rate that needs over 100 digits is refused."""
        rates = ExchangeRates.from_records(
            [(DAY, "USD", "KZT", "1.000000000000000001")]
        )
        money = Money("1" * 90, "USD")
        with pytest.raises(PrecisionError, match="invalid conversion"):
            money.to("KZT", rates)
        with pytest.raises(PrecisionError, match="invalid conversion"):
            MoneyBag(money).to("KZT", rates)


#: Values that are not an ExchangeRates.
NOT_RATES: list[object] = ["rates.csv", Path("rates.csv"), {"USD": 1}, 525, []]


def _calls() -> dict[str, Callable[[object], object]]:
    """Every method that takes rates=, called with the value given."""
    usd = Money(1, "USD")
    portfolio = Portfolio([Project("Road", ["KZ"], "planned", value=usd)])
    dossier = bilat.examples.kazakhstan_uzbekistan()
    series = TradeSeries(("KZ", "UZ"), "turnover", {2024: Money(5, "KZT")})
    target = TradeTarget(("KZ", "UZ"), usd, deadline=2030)
    return {
        "Money.to()": lambda r: usd.to("KZT", r),
        "Estimate.to()": lambda r: Estimate(usd).to("KZT", r),
        "MoneyBag.to()": lambda r: MoneyBag(usd).to("KZT", r),
        "Portfolio.total()": lambda r: portfolio.total("KZT", r),
        "Dossier.report()": lambda r: dossier.report(as_of="2025-12-31", rates=r),
        "TradeTarget.progress()": lambda r: target.progress(series, 2025, rates=r),
        "ExchangeRates.merge()": lambda r: ExchangeRates().merge(r),
    }


CALLS = _calls()


class TestRatesArgument:
    """rates= that is not an ExchangeRates is refused by name, in every method."""

    @pytest.mark.parametrize("call", sorted(CALLS))
    @pytest.mark.parametrize("value", NOT_RATES, ids=repr)
    def test_refused(self, call: str, value: object) -> None:
        """A path, a dict or a number is a ValidationError that is also a TypeError."""
        with pytest.raises(ValidationError) as caught:
            CALLS[call](value)
        assert isinstance(caught.value, TypeError)
        message = str(caught.value)
        assert call in message
        assert "ExchangeRates.from_csv(path)" in message
        assert bilat._errors.shown(value) in message

    @pytest.mark.parametrize(
        "call",
        ["Money.to()", "Estimate.to()", "MoneyBag.to()", "ExchangeRates.merge()"],
    )
    def test_none_where_required(self, call: str) -> None:
        """Where rates are required, None is refused the same way."""
        with pytest.raises(ValidationError, match="not None"):
            CALLS[call](None)

    def test_path_hint(self) -> None:
        """A file name is answered with the call that reads it."""
        with pytest.raises(ValidationError, match=r"pass ExchangeRates\.from_csv"):
            Money(1, "USD").to("KZT", os.fspath("rates.csv"))  # type: ignore[arg-type]

    def test_empty_bag_checks_rates(self) -> None:
        """An empty bag still refuses what is not a table."""
        with pytest.raises(bilat.ArgumentTypeError, match="not None"):
            MoneyBag().to("USD", None)  # type: ignore[arg-type]


class TestCallerContext:
    """Conversions do not depend on the caller's decimal context."""

    @pytest.mark.parametrize(
        "ctx",
        [
            decimal.Context(prec=3, traps=[]),
            decimal.Context(prec=28, rounding=decimal.ROUND_FLOOR, traps=[]),
        ],
        ids=["prec 3, no traps", "floor, no traps"],
    )
    def test_same_result(self, ctx: decimal.Context) -> None:
        """Every path gives the default context's result under a hostile one."""
        rates = TestRegressions.RATES
        money = Money("1234567.89", "KZT")
        expected = every_path(money, "USD", rates)
        with decimal.localcontext(ctx):
            assert every_path(money, "USD", rates) == expected


class TestCrossProducts:
    """A cross through two stored rates multiplies them exactly."""

    def test_long_rates(self) -> None:
        """Two rates of 40 digits: their product is kept whole (80 digits)."""
        one = Decimal("1.234567890123456789012345678901234567891")
        two = Decimal("9.876543210987654321098765432109876543211")
        rates = ExchangeRates.from_records(
            [(DAY, "KZT", "USD", one), (DAY, "USD", "EUR", two)]
        )
        converted = Money(1, "KZT").to("EUR", rates)
        assert Fraction(converted.amount) == Fraction(one) * Fraction(two)
        assert MoneyBag(Money(1, "KZT")).to("EUR", rates) == converted

    def test_rate_is_rounded_for_display(self) -> None:
        """rate() of such a cross is the product rounded to 60 digits."""
        one = Decimal("1." + "1" * 60)
        two = Decimal("1." + "3" * 60)
        rates = ExchangeRates.from_records(
            [(DAY, "KZT", "USD", one), (DAY, "USD", "EUR", two)]
        )
        assert rates.rate("KZT", "EUR") == rounded(Fraction(one) * Fraction(two))
