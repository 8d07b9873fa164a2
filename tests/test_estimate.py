"""Estimate: qualified amounts with documented bounds, sums, text and conversion."""

from __future__ import annotations

import datetime as dt
import decimal
import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.strategies import currencies, estimates

import bilat
from bilat import (
    BilatError,
    CurrencyMismatchError,
    Estimate,
    ExchangeRates,
    InvalidNumberError,
    InvalidOptionError,
    Money,
    MoneyBag,
    NumberTypeError,
    Qualifier,
    RateNotFoundError,
)

#: Names eval() needs to read an Estimate repr back.
NAMESPACE = {
    "Decimal": Decimal,
    "Estimate": Estimate,
    "Money": Money,
    "Qualifier": Qualifier,
}

Q = Qualifier


def usd(amount: str | int) -> Money:
    """Shorthand for US dollars."""
    return Money(amount, "USD")


def bounds(e: Estimate) -> tuple[Money, Money]:
    """The (low, high) pair of an estimate."""
    return e.low, e.high


def non_negative_pair() -> st.SearchStrategy[tuple[Estimate, Estimate]]:
    """Two estimates in one currency, both with non-negative values."""
    return currencies().flatmap(
        lambda c: st.tuples(estimates(c), estimates(c)).filter(
            lambda p: p[0].value.amount >= 0 and p[1].value.amount >= 0
        )
    )


class TestQualifier:
    """The Qualifier vocabulary."""

    def test_members(self) -> None:
        """Six qualifiers, looked up by their lower-case values."""
        assert [q.name for q in Qualifier] == [
            "EXACT",
            "ABOUT",
            "NEARLY",
            "OVER",
            "AT_LEAST",
            "UP_TO",
        ]
        assert Qualifier("at_least") is Qualifier.AT_LEAST
        assert repr(Qualifier.NEARLY) == "<Qualifier.NEARLY: 'nearly'>"


class TestBounds:
    """Bounds follow the documented table for each qualifier."""

    @pytest.mark.parametrize(
        ("qualifier", "low", "high"),
        [
            (Q.EXACT, 1_000_000_000, 1_000_000_000),
            (Q.NEARLY, 900_000_000, 1_000_000_000),
            (Q.OVER, 1_000_000_000, 1_100_000_000),
            (Q.ABOUT, 900_000_000, 1_100_000_000),
            (Q.AT_LEAST, 1_000_000_000, 1_100_000_000),
            (Q.UP_TO, 0, 1_000_000_000),
        ],
    )
    def test_default_tolerance(self, qualifier: Qualifier, low: int, high: int) -> None:
        """With 10 %: nearly $1bn is [$900M, $1bn], over $1bn up to $1.1bn."""
        e = Estimate(usd(1_000_000_000), qualifier)
        assert bounds(e) == (usd(low), usd(high))
        assert e.tolerance == Decimal("0.1")
        assert e.currency.code == "USD"

    @pytest.mark.parametrize(
        ("qualifier", "low", "high"),
        [
            (Q.EXACT, 200, 200),
            (Q.NEARLY, 150, 200),
            (Q.OVER, 200, 250),
            (Q.ABOUT, 150, 250),
            (Q.AT_LEAST, 200, 250),
            (Q.UP_TO, 0, 200),
        ],
    )
    def test_custom_tolerance(self, qualifier: Qualifier, low: int, high: int) -> None:
        """With a 25 % tolerance the bounds widen accordingly."""
        e = Estimate(usd(200), qualifier, tolerance=Decimal("0.25"))
        assert bounds(e) == (usd(low), usd(high))

    def test_tolerance_forms(self) -> None:
        """A tolerance may be text or a float (by its shortest repr)."""
        assert Estimate(usd(100), Q.ABOUT, tolerance="0.05").low == usd(95)
        e = Estimate(usd(100), Q.ABOUT, tolerance=0.05)
        assert e.tolerance == Decimal("0.05")
        assert bounds(e) == (usd(95), usd(105))

    def test_tolerance_limits(self) -> None:
        """Tolerance 0 collapses the bounds; 1 reaches zero and double."""
        assert bounds(Estimate(usd(100), Q.NEARLY, tolerance=0)) == (usd(100), usd(100))
        assert bounds(Estimate(usd(100), Q.ABOUT, tolerance=1)) == (usd(0), usd(200))

    def test_qualifier_by_value(self) -> None:
        """The qualifier may be given by its value."""
        assert Estimate(usd(10), "nearly").qualifier is Q.NEARLY

    def test_default_is_exact(self) -> None:
        """Without a qualifier the estimate is exact."""
        e = Estimate(usd(7))
        assert e.qualifier is Q.EXACT
        assert e.is_exact
        assert not Estimate(usd(7), Q.NEARLY).is_exact
        assert Estimate(usd(7), Q.NEARLY, tolerance=0).is_exact

    def test_negative_exact(self) -> None:
        """An exact estimate may be negative."""
        assert bounds(Estimate(usd(-5))) == (usd(-5), usd(-5))

    def test_explicit_bounds(self) -> None:
        """Bounds that enclose the value may be given."""
        e = Estimate(usd(100), Q.NEARLY, low=usd(80), high=usd(100))
        assert bounds(e) == (usd(80), usd(100))


class TestBoundsWritten:
    """Derived bounds carry no trailing zeros the tolerance added."""

    @pytest.mark.parametrize(
        ("value", "qualifier", "low", "high"),
        [
            ("1000000000", Q.NEARLY, "900000000", "1000000000"),
            ("1000000000", Q.ABOUT, "900000000", "1100000000"),
            ("1.50", Q.OVER, "1.50", "1.65"),
            ("1.35", Q.ABOUT, "1.215", "1.485"),
            ("200", Q.ABOUT, "150", "250"),
        ],
    )
    def test_written_like_the_value(
        self, value: str, qualifier: Qualifier, low: str, high: str
    ) -> None:
        """1e9 × 0.9 reads 900000000, not 900000000.0, beside the high bound."""
        tolerance = "0.25" if value == "200" else "0.1"
        e = Estimate(usd(value), qualifier, tolerance=tolerance)
        assert (str(e.low.amount), str(e.high.amount)) == (low, high)
        assert repr(e.low) == f"Money({low!r}, 'USD')"

    @given(estimates())
    def test_same_value(self, e: Estimate) -> None:
        """The written bounds equal value × (1 ∓ tolerance), computed in fractions."""
        from fractions import Fraction

        v, t = Fraction(e.value.amount), Fraction(e.tolerance)
        derived = {
            Q.EXACT: (v, v),
            Q.NEARLY: (v * (1 - t), v),
            Q.OVER: (v, v * (1 + t)),
            Q.ABOUT: (v * (1 - t), v * (1 + t)),
            Q.AT_LEAST: (v, v * (1 + t)),
            Q.UP_TO: (Fraction(0), v),
        }
        fresh = Estimate(e.value, e.qualifier, tolerance=e.tolerance)
        low, high = derived[e.qualifier]
        assert (Fraction(fresh.low.amount), Fraction(fresh.high.amount)) == (low, high)


class TestDisplayRounds:
    """An Estimate shows its amount rounded for people; exact=True shows every digit."""

    def test_full_form_rounds(self) -> None:
        """A third of a dollar, about, shows as about $0.33 in full."""
        e = Estimate(usd(1) / 3, Q.ABOUT)
        assert e.format(compact=False) == "about $0.33"
        assert str(e) == "about $0.33"  # compact below a thousand: two decimals

    def test_exact(self) -> None:
        """exact=True shows the stated value with every digit."""
        e = Estimate(usd(1) / 3, Q.NEARLY)
        assert e.format(exact=True) == "nearly $0." + "3" * 60
        assert e.value.amount == Decimal("0." + "3" * 60)


class TestRefused:
    """Invalid estimates are refused with errors naming the value."""

    @pytest.mark.parametrize(
        "qualifier", [Q.ABOUT, Q.NEARLY, Q.OVER, Q.AT_LEAST, Q.UP_TO]
    )
    def test_negative_qualified(self, qualifier: Qualifier) -> None:
        """A qualified value must not be negative."""
        message = (
            "invalid estimate value Money('-1', 'USD'): "
            "expected a non-negative amount when qualified"
        )
        with pytest.raises(InvalidNumberError, match=re.escape(message)):
            Estimate(usd(-1), qualifier)

    @pytest.mark.parametrize("tolerance", ["-0.1", "1.1", Decimal(2), -1])
    def test_tolerance_out_of_range(self, tolerance: str | Decimal | int) -> None:
        """A tolerance outside [0, 1] is refused."""
        message = (
            f"invalid tolerance {tolerance!r}: expected a fraction between 0 and 1"
        )
        with pytest.raises(InvalidNumberError, match=re.escape(message)):
            Estimate(usd(1), Q.ABOUT, tolerance=tolerance)

    @pytest.mark.parametrize(
        ("tolerance", "error"),
        [
            ("abc", InvalidNumberError),
            (float("nan"), InvalidNumberError),
            (True, NumberTypeError),
        ],
    )
    def test_tolerance_not_a_number(
        self, tolerance: str | float, error: type[Exception]
    ) -> None:
        """A tolerance that is not a finite number is refused."""
        with pytest.raises(error, match=re.escape(f"invalid tolerance {tolerance!r}")):
            Estimate(usd(1), Q.ABOUT, tolerance=tolerance)

    @pytest.mark.parametrize(("low", "high"), [(101, 120), (80, 99), (120, 80)])
    def test_bounds_must_enclose(self, low: int, high: int) -> None:
        """Explicit bounds that leave out the value are refused."""
        with pytest.raises(
            InvalidNumberError,
            match=re.escape("expected low <= value <= high around Money('100', 'USD')"),
        ):
            Estimate(usd(100), Q.ABOUT, low=usd(low), high=usd(high))

    def test_bound_not_money(self) -> None:
        """A bound that is not Money is refused."""
        with pytest.raises(
            InvalidNumberError, match=r"invalid bound 90: expected a Money"
        ):
            Estimate(usd(100), Q.NEARLY, low=90)  # type: ignore[arg-type]

    def test_bound_in_other_currency(self) -> None:
        """A bound in another currency is a CurrencyMismatchError."""
        with pytest.raises(
            CurrencyMismatchError, match=r"cannot apply 'bounds' to 'USD' and 'EUR'"
        ):
            Estimate(usd(100), Q.NEARLY, low=Money(90, "EUR"), high=usd(100))

    @pytest.mark.parametrize("value", [Decimal(100), 100, "$100"])
    def test_value_not_money(self, value: object) -> None:
        """The value must be Money."""
        with pytest.raises(
            InvalidNumberError,
            match=re.escape(f"invalid estimate value {value!r}: expected a Money"),
        ):
            Estimate(value)  # type: ignore[arg-type]

    @pytest.mark.parametrize("qualifier", ["roughly", None, 3])
    def test_unknown_qualifier(self, qualifier: object) -> None:
        """An unknown qualifier is a BilatError listing the qualifiers."""
        with pytest.raises(InvalidOptionError, match=re.escape(repr(qualifier))):
            Estimate(usd(1), qualifier)  # type: ignore[arg-type]


class TestSums:
    """Sums keep exact bounds; qualifiers follow the shape rule."""

    def test_estimate_plus_money(self) -> None:
        """nearly $1bn + $156M: bounds are the sums, still 'nearly'."""
        total = Estimate(usd(1_000_000_000), Q.NEARLY) + usd(156_000_000)
        assert total.value == usd(1_156_000_000)
        assert bounds(total) == (usd(1_056_000_000), usd(1_156_000_000))
        assert total.qualifier is Q.NEARLY
        assert total.tolerance == Decimal("0.1")

    def test_money_plus_estimate(self) -> None:
        """Money + Estimate gives the same estimate."""
        # Money.__add__ is annotated as returning Money; at run time
        # Estimate.__radd__ answers, so the result is checked, not assumed.
        total: object = usd(156_000_000) + Estimate(usd(1_000_000_000), Q.NEARLY)
        assert isinstance(total, Estimate)
        assert total.value == usd(1_156_000_000)
        assert bounds(total) == (usd(1_056_000_000), usd(1_156_000_000))

    def test_same_qualifier(self) -> None:
        """about $100 + about $50 is about $150, with the derived bounds."""
        total = Estimate(usd(100), Q.ABOUT) + Estimate(usd(50), Q.ABOUT)
        assert total == Estimate(usd(150), Q.ABOUT)
        assert bounds(total) == (usd(135), usd(165))

    def test_exact_estimate_keeps_other_qualifier(self) -> None:
        """An exact part does not change the other part's qualifier."""
        total = Estimate(usd(10)) + Estimate(usd(100), Q.NEARLY, tolerance="0.2")
        assert total.qualifier is Q.NEARLY
        assert total.tolerance == Decimal("0.2")
        assert bounds(total) == (usd(90), usd(110))
        assert (Estimate(usd(1)) + Estimate(usd(2))).qualifier is Q.EXACT

    @pytest.mark.parametrize(
        ("left", "right", "qualifier", "low", "high"),
        [
            # value 150 strictly inside [140, 155]
            (Q.NEARLY, Q.AT_LEAST, Q.ABOUT, 140, 155),
            (Q.NEARLY, Q.ABOUT, Q.ABOUT, 135, 155),
            # the value is the upper bound
            (Q.NEARLY, Q.UP_TO, Q.NEARLY, 90, 150),
            (Q.UP_TO, Q.NEARLY, Q.NEARLY, 45, 150),
            # the value is the lower bound
            (Q.AT_LEAST, Q.OVER, Q.AT_LEAST, 150, 165),
            (Q.OVER, Q.AT_LEAST, Q.AT_LEAST, 150, 165),
            (Q.OVER, Q.OVER, Q.OVER, 150, 165),
        ],
    )
    def test_mixed_qualifiers(
        self,
        left: Qualifier,
        right: Qualifier,
        qualifier: Qualifier,
        low: int,
        high: int,
    ) -> None:
        """$100 and $50 with different qualifiers: the bounds' shape decides."""
        total = Estimate(usd(100), left) + Estimate(usd(50), right)
        assert total.value == usd(150)
        assert bounds(total) == (usd(low), usd(high))
        assert total.qualifier is qualifier

    def test_different_tolerances(self) -> None:
        """nearly $100 at 10 % plus nearly $100 at 20 % is nearly $200 from $170."""
        total = Estimate(usd(100), Q.NEARLY) + Estimate(
            usd(100), Q.NEARLY, tolerance="0.2"
        )
        assert total.qualifier is Q.NEARLY
        assert bounds(total) == (usd(170), usd(200))

    def test_commutative_with_different_tolerances(self) -> None:
        """a + b == b + a even when the tolerances differ."""
        a = Estimate(usd(100), Q.NEARLY)
        b = Estimate(usd(100), Q.NEARLY, tolerance="0.2")
        assert a + b == b + a

    def test_sum_builtin(self) -> None:
        """sum() over estimates and Money gives an estimate."""
        parts: list[Estimate | Money] = [
            Estimate(usd(100), Q.NEARLY),
            usd(10),
            Estimate(usd(200), Q.NEARLY),
        ]
        total: object = sum(parts)
        assert isinstance(total, Estimate)
        assert total.value == usd(310)
        assert bounds(total) == (usd(280), usd(310))
        assert total.qualifier is Q.NEARLY

    def test_negative_exact_part(self) -> None:
        """A refund (negative exact amount) can be added to a qualified one."""
        total: object = usd(-5) + Estimate(usd(3), Q.NEARLY)
        assert isinstance(total, Estimate)
        assert total.value == usd(-2)
        assert bounds(total) == (usd("-2.3"), usd(-2))

    def test_mismatch(self) -> None:
        """Adding another currency is a CurrencyMismatchError."""
        e = Estimate(usd(1), Q.ABOUT)
        with pytest.raises(CurrencyMismatchError, match=r"'\+' to 'USD' and 'EUR'"):
            e + Estimate(Money(1, "EUR"), Q.ABOUT)
        with pytest.raises(CurrencyMismatchError, match=r"'\+' to 'USD' and 'KZT'"):
            e + Money(1, "KZT")
        with pytest.raises(CurrencyMismatchError, match="'USD' and 'KZT'"):
            Money(1, "KZT") + e

    @pytest.mark.parametrize("other", [1, Decimal(1), 1.0, "1", MoneyBag()])
    def test_other_types(self, other: object) -> None:
        """Adding a number, text or a MoneyBag is a TypeError."""
        e = Estimate(usd(1), Q.ABOUT)
        with pytest.raises(TypeError):
            e + other
        with pytest.raises(TypeError):
            other + e

    def test_zero_plus_estimate(self) -> None:
        """0 + e is e."""
        e = Estimate(usd(1), Q.OVER)
        assert 0 + e == e

    @given(non_negative_pair())
    def test_bounds_are_sums(self, pair: tuple[Estimate, Estimate]) -> None:
        """The value and both bounds of a sum are the sums of the parts'."""
        a, b = pair
        total = a + b
        assert total.value == a.value + b.value
        assert total.low == a.low + b.low
        assert total.high == a.high + b.high

    @given(non_negative_pair())
    def test_sum_symmetric(self, pair: tuple[Estimate, Estimate]) -> None:
        """a + b and b + a have the same value, bounds and qualifier."""
        a, b = pair
        ab, ba = a + b, b + a
        assert (ab.value, ab.low, ab.high, ab.qualifier) == (
            ba.value,
            ba.low,
            ba.high,
            ba.qualifier,
        )


class TestFormat:
    """Words in English, Russian, Kazakh and Uzbek, English words elsewhere."""

    @pytest.mark.parametrize(
        ("qualifier", "amount", "locale", "text"),
        [
            (Q.NEARLY, 1_000_000_000, "en", "nearly $1B"),
            (Q.NEARLY, 1_000_000_000, "ru", "почти 1\xa0млрд\xa0$"),
            (Q.NEARLY, 1_000_000_000, "kk", "1\xa0млрд\xa0$ көлеміне жуық"),
            (Q.NEARLY, 1_000_000_000, "uz", "qariyb 1\xa0mlrd\xa0US$"),
            (Q.NEARLY, 1_000_000_000, "de", "nearly 1\xa0Mrd.\xa0$"),
            (Q.NEARLY, 1_000_000_000, "en_GB", "nearly US$1bn"),
            (Q.ABOUT, 4_400_000_000, "en", "about $4.4B"),
            (Q.ABOUT, 4_400_000_000, "ru", "около 4,4\xa0млрд\xa0$"),
            (Q.ABOUT, 4_400_000_000, "kk", "шамамен 4,4\xa0млрд\xa0$"),
            (Q.ABOUT, 4_400_000_000, "uz", "taxminan 4,4\xa0mlrd\xa0US$"),
            (Q.OVER, 4_600_000_000, "en", "over $4.6B"),
            (Q.OVER, 4_600_000_000, "ru", "более 4,6\xa0млрд\xa0$"),
            (Q.OVER, 4_600_000_000, "kk", "4,6\xa0млрд\xa0$ көлемінен астам"),
            (Q.OVER, 4_600_000_000, "uz", "4,6\xa0mlrd\xa0US$ miqdoridan ortiq"),
            (Q.AT_LEAST, 10_000_000_000, "en", "at least $10B"),
            (Q.AT_LEAST, 10_000_000_000, "ru", "не менее 10\xa0млрд\xa0$"),
            (Q.AT_LEAST, 10_000_000_000, "uz", "kamida 10\xa0mlrd\xa0US$"),
            (Q.AT_LEAST, 10_000_000_000, "kk", "кемінде 10\xa0млрд\xa0$"),
            (Q.UP_TO, 500_000_000, "en", "up to $500M"),
            (Q.UP_TO, 500_000_000, "ru", "до 500\xa0млн\xa0$"),
            (Q.UP_TO, 500_000_000, "kk", "ең көбі 500\xa0млн\xa0$"),
            (Q.UP_TO, 500_000_000, "uz", "ko‘pi bilan 500\xa0mln\xa0US$"),
            (Q.EXACT, 156_000_000, "en", "$156M"),
            (Q.EXACT, 156_000_000, "ru", "156\xa0млн\xa0$"),
        ],
    )
    def test_format(
        self, qualifier: Qualifier, amount: int, locale: str, text: str
    ) -> None:
        """The qualifier's words before or after the compact amount."""
        assert Estimate(usd(amount), qualifier).format(locale) == text

    def test_full_amount(self) -> None:
        """compact=False shows the full amount."""
        e = Estimate(usd(1_000_000_000), Q.NEARLY)
        assert e.format(compact=False) == "nearly $1,000,000,000.00"
        assert e.format("ru", compact=False) == "почти 1\xa0000\xa0000\xa0000,00\xa0$"

    def test_sum_format(self) -> None:
        """nearly $1bn + $156M reads 'nearly $1.16B'."""
        total = Estimate(usd(1_000_000_000), Q.NEARLY) + usd(156_000_000)
        assert total.format() == "nearly $1.16B"
        assert total.format("ru") == "почти 1,16\xa0млрд\xa0$"

    def test_other_currency(self) -> None:
        """The tenge sign in Kazakh."""
        e = Estimate(Money(2_500_000_000, "KZT"), Q.ABOUT)
        assert e.format("kk") == "шамамен 2,5\xa0млрд\xa0₸"

    def test_str(self) -> None:
        """str() is the English compact form."""
        assert str(Estimate(usd(1_000_000_000), Q.NEARLY)) == "nearly $1B"

    def test_html(self) -> None:
        """The notebook form shows the bounds in a title."""
        html = Estimate(usd(1_000_000_000), Q.NEARLY)._repr_html_()
        assert html == (
            '<span class="bilat-estimate" title="$900,000,000.00 – '
            '$1,000,000,000.00">nearly $1B</span>'
        )


class TestRepr:
    """repr shows what was stated and reads back through eval."""

    @pytest.mark.parametrize(
        ("estimate", "text"),
        [
            (Estimate(usd(5)), "Estimate(Money('5', 'USD'))"),
            (
                Estimate(usd(1_000_000_000), Q.NEARLY),
                "Estimate(Money('1000000000', 'USD'), Qualifier.NEARLY)",
            ),
            (
                Estimate(usd(200), Q.ABOUT, tolerance="0.25"),
                (
                    "Estimate(Money('200', 'USD'), Qualifier.ABOUT, "
                    "tolerance=Decimal('0.25'))"
                ),
            ),
            (
                Estimate(usd(100), Q.NEARLY) + usd(50),
                (
                    "Estimate(Money('150', 'USD'), Qualifier.NEARLY, "
                    "low=Money('140', 'USD'), high=Money('150', 'USD'))"
                ),
            ),
        ],
    )
    def test_repr(self, estimate: Estimate, text: str) -> None:
        """Defaults are left out; bounds appear only when not derived."""
        assert repr(estimate) == text

    @given(estimates())
    def test_eval_round_trip(self, e: Estimate) -> None:
        """eval(repr(e)) == e."""
        again = eval(repr(e), NAMESPACE)
        assert again == e
        assert repr(again) == repr(e)

    def test_hash(self) -> None:
        """Equal estimates hash alike, trailing zeros notwithstanding."""
        a = Estimate(usd(100), Q.NEARLY)
        b = Estimate(usd("100.00"), Q.NEARLY, tolerance="0.10")
        assert a == b
        assert hash(a) == hash(b)


@pytest.fixture
def rates() -> ExchangeRates:
    """EUR at 1.25 USD, and two dated USD/KZT quotes."""
    return ExchangeRates.from_records(
        [
            (dt.date(2025, 1, 2), "EUR", "USD", "1.25"),
            (dt.date(2024, 12, 31), "USD", "KZT", "525"),
            (dt.date(2025, 1, 31), "USD", "KZT", "525.11"),
        ]
    )


class TestTo:
    """to() converts the value and both bounds with one rate."""

    def test_convert(self, rates: ExchangeRates) -> None:
        """about €8 at 1.25 is about $10, from $9 to $11."""
        e = Estimate(Money(8, "EUR"), Q.ABOUT).to("USD", rates)
        assert e.value == usd(10)
        assert bounds(e) == (usd(9), usd(11))
        assert e.qualifier is Q.ABOUT
        assert e.tolerance == Decimal("0.1")

    def test_inverse(self, rates: ExchangeRates) -> None:
        """nearly $1000 is nearly €800 through the inverse rate 0.8."""
        e = Estimate(usd(1000), Q.NEARLY).to("EUR", rates)
        assert e.value == Money(800, "EUR")
        assert bounds(e) == (Money(720, "EUR"), Money(800, "EUR"))

    def test_on_date(self, rates: ExchangeRates) -> None:
        """on= picks the latest quote on or before that day."""
        e = Estimate(usd(2), Q.OVER)
        assert e.to("KZT", rates, on=dt.date(2025, 1, 15)).value == Money(1050, "KZT")
        assert e.to("KZT", rates).value == Money("1050.22", "KZT")
        assert e.to("KZT", rates).high == Money("1155.242", "KZT")

    def test_explicit_bounds_converted(self, rates: ExchangeRates) -> None:
        """A sum's explicit bounds are converted too."""
        total = Estimate(Money(100, "EUR"), Q.NEARLY) + Money(20, "EUR")
        e = total.to("USD", rates)
        assert e.value == usd(150)
        assert bounds(e) == (usd("137.5"), usd(150))

    def test_same_currency(self, rates: ExchangeRates) -> None:
        """Converting to the estimate's own currency changes nothing."""
        e = Estimate(usd(100), Q.ABOUT)
        assert e.to("USD", rates) == e

    def test_missing_rate(self, rates: ExchangeRates) -> None:
        """No rate for the pair is a RateNotFoundError."""
        with pytest.raises(RateNotFoundError, match="'USD' to 'UZS'"):
            Estimate(usd(1), Q.ABOUT).to("UZS", rates)

    def test_caller_context(self, rates: ExchangeRates) -> None:
        """Conversion is exact under a six-digit, round-down caller context."""
        with decimal.localcontext() as ctx:
            ctx.prec = 6
            ctx.rounding = decimal.ROUND_DOWN
            e = Estimate(usd(1_000_000_000), Q.NEARLY).to("KZT", rates)
        assert e.value == Money(525_110_000_000, "KZT")
        assert e.low == Money(472_599_000_000, "KZT")


class TestErrorsAreBilatErrors:
    """Estimate's deliberate errors are BilatErrors."""

    def test_bilat_errors(self) -> None:
        """Negative qualified values and bad tolerances raise BilatError."""
        with pytest.raises(BilatError):
            Estimate(usd(-1), Q.ABOUT)
        with pytest.raises(BilatError):
            Estimate(usd(1), Q.ABOUT, tolerance=2)


class TestHostileArguments:
    """Odd arguments to Estimate raise BilatErrors, never anything else."""

    @pytest.mark.parametrize("qualifier", [[], {}, None, 1, object()])
    def test_qualifier(self, qualifier: object) -> None:
        """A qualifier that is not one of the names is an InvalidOptionError."""
        with pytest.raises(bilat.InvalidOptionError, match="unknown qualifier"):
            Estimate(Money(1, "USD"), qualifier)  # type: ignore[arg-type]

    @pytest.mark.parametrize("compact", [None, 1, "yes"])
    def test_compact(self, compact: object) -> None:
        """compact= is True or False."""
        with pytest.raises(bilat.InvalidOptionError, match="unknown compact"):
            Estimate(Money(1, "USD")).format(compact=compact)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        "tolerance", [None, float("nan"), decimal.Decimal("sNaN"), "x"]
    )
    def test_tolerance(self, tolerance: object) -> None:
        """A tolerance that is not a finite number is an InvalidNumberError."""
        with pytest.raises(bilat.InvalidNumberError, match="invalid tolerance"):
            Estimate(Money(1, "USD"), "about", tolerance=tolerance)  # type: ignore[arg-type]

    def test_no_division(self) -> None:
        """An Estimate is not divided: the operator is unsupported, even by zero."""
        with pytest.raises(TypeError, match="unsupported operand"):
            Estimate(Money(1, "USD")) / 0  # type: ignore[operator]
