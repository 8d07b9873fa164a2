"""Tests for measures: what a target or series holds (bilat._measure).

Expected conversions below are worked out from the units' definitions
(1 mile = 1609.344 m, 1 km = 1000 m, 1 Mt = 10**9 kg, 1 a = 365.25 days),
with fractions, never from bilat's own output.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pint
import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.strategies import amounts

import bilat
from bilat import (
    Q_,
    CurrencyMismatchError,
    Estimate,
    ExchangeRates,
    Money,
    Qualifier,
    UnitMismatchError,
    ValidationError,
)
from bilat._fields import is_quantity
from bilat._measure import (
    amount,
    as_measure,
    describe,
    format_measure,
    in_unit_of,
    kind_key,
    like,
    measure_key,
    measure_repr,
    stated,
    unit_label,
)

#: Metres in one of each unit, from the units' definitions.
METRES: dict[str, Fraction] = {
    "km": Fraction(1000),
    "m": Fraction(1),
    "mile": Fraction("1609.344"),
}

ABOUT = Estimate(Money("4.3e9", "USD"), Qualifier.ABOUT)
CALL = "Target.progress()"


def namespace() -> dict[str, Any]:
    """Names a repr may use."""
    return {**{n: getattr(bilat, n) for n in bilat.__all__}, "Decimal": Decimal}


def convert(value: object, unit: object, rates: ExchangeRates | None = None) -> Decimal:
    return in_unit_of(value, unit, year=2025, rates=rates, call=CALL)  # type: ignore[arg-type]


class TestAsMeasure:
    """as_measure keeps Money and Estimates, makes numbers Decimal, rebuilds quantities."""

    def test_money_and_estimates_kept(self) -> None:
        """Money and Estimates are returned as they are."""
        money = Money("1.50", "USD")
        assert as_measure(money, "value") is money
        assert as_measure(ABOUT, "value") is ABOUT

    @pytest.mark.parametrize(
        ("given", "expected"),
        [(3, Decimal(3)), (Decimal("2.50"), Decimal("2.50")), (0, Decimal(0))],
    )
    def test_numbers_become_decimals(self, given: object, expected: Decimal) -> None:
        """Ints and Decimals become Decimals with their digits."""
        found = as_measure(given, "value")
        assert type(found) is Decimal
        assert str(found) == str(expected)

    def test_quantity_of_another_registry(self) -> None:
        """A quantity of pint's own registry comes back in bilat's, exactly."""
        foreign = pint.UnitRegistry().Quantity(Decimal("106.5"), "km")
        found = as_measure(foreign, "value")
        assert found._REGISTRY is bilat.ureg  # type: ignore[union-attr]
        assert amount(found) == Decimal("106.5")
        assert is_quantity(found)

    @pytest.mark.parametrize(
        ("given", "message"),
        [
            ("152 km", "read it with Money.parse, Estimate.parse or Q_ first"),
            (True, "expected Money, an Estimate, a quantity"),
            (1.5, "expected Money, an Estimate, a quantity"),
            (None, "expected Money, an Estimate, a quantity"),
            (Decimal("NaN"), "NaN"),
            (Fraction(1, 3), "expected Money, an Estimate, a quantity"),
        ],
    )
    def test_refused(self, given: object, message: str) -> None:
        """Text, bools, floats, None and NaN are refused at the path given."""
        with pytest.raises(ValidationError, match=message) as e:
            as_measure(given, "values[2025]")
        assert e.value.path == "values[2025]"


class TestKinds:
    """A measure's stated value, number, kind and description."""

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (ABOUT, Money("4.3e9", "USD")),
            (Money(1, "EUR"), Money(1, "EUR")),
            (Decimal(7), Decimal(7)),
        ],
    )
    def test_stated(self, value: Any, expected: object) -> None:
        """An Estimate's stated value, anything else itself."""
        assert stated(value) == expected

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (ABOUT, Decimal("4.3e9")),
            (Money("2.5", "EUR"), Decimal("2.5")),
            (Q_("106000 m"), Decimal(106000)),
            (Decimal(78), Decimal(78)),
        ],
    )
    def test_amount(self, value: Any, expected: Decimal) -> None:
        """The number in the value's own unit or currency."""
        assert amount(value) == expected

    @pytest.mark.parametrize(
        ("value", "key", "words"),
        [
            (Money(1, "EUR"), ("money", "EUR"), "money in EUR"),
            (ABOUT, ("money", "USD"), "money in USD"),
            (
                Q_("152 km"),
                ("quantity", "[length]"),
                "a quantity in 'kilometer' ([length])",
            ),
            (Q_("1 mile"), ("quantity", "[length]"), "a quantity in 'mile' ([length])"),
            (
                Q_("20 Mt/a"),
                ("quantity", "[mass] / [time]"),
                "a quantity in 'megametric_ton / year' ([mass] / [time])",
            ),
            (Decimal(3), ("number", ""), "a number"),
        ],
    )
    def test_kind_and_description(
        self, value: Any, key: tuple[str, str], words: str
    ) -> None:
        """Units of one dimension share a kind; currencies do not."""
        assert kind_key(value) == key
        assert describe(value) == words


class TestInUnitOf:
    """in_unit_of converts a value to another's unit, exactly, or names why not."""

    @pytest.mark.parametrize(
        ("value", "unit", "expected"),
        [
            (Q_("106000 m"), Q_("152 km"), Decimal(106)),
            (Q_("1 mile"), Q_("1 km"), Decimal("1.609344")),
            (Q_("1.609344 km"), Q_("1 mile"), Decimal(1)),
            (Q_("20 Mt/a"), Q_("1 kg/a"), Decimal(20 * 10**9)),
            (Money("4.4", "USD"), Money(10, "USD"), Decimal("4.4")),
            (ABOUT, Money(10, "USD"), Decimal("4.3e9")),
            (Decimal(78), Decimal(100), Decimal(78)),
        ],
    )
    def test_converted(self, value: Any, unit: Any, expected: Decimal) -> None:
        """Quantities convert by the units' definitions; money and numbers stay."""
        assert convert(value, unit) == expected

    def test_other_currency_with_rates(self) -> None:
        """Money in another currency converts at the rate on or before 31 December."""
        rates = ExchangeRates.from_records(
            [
                (dt.date(2025, 6, 30), "USD", "KZT", "500"),
                (dt.date(2026, 1, 5), "USD", "KZT", "1"),
            ]
        )
        assert convert(Money(1000, "KZT"), Money(1, "USD"), rates) == Decimal(2)

    def test_other_currency_without_rates(self) -> None:
        """Without rates the error names both currencies, rates= and the call."""
        with pytest.raises(CurrencyMismatchError) as e:
            convert(Money(1, "EUR"), Money(1, "USD"))
        assert (e.value.left, e.value.right) == ("EUR", "USD")
        assert f"pass rates= to {CALL}" in str(e.value)

    def test_other_dimension(self) -> None:
        """Two quantities of different dimensions: the error names both units."""
        with pytest.raises(UnitMismatchError) as e:
            convert(Q_("5 kg"), Q_("152 km"))
        assert "kilogram" in str(e.value)
        assert "kilometer" in str(e.value)

    @pytest.mark.parametrize(
        ("value", "unit", "first", "second"),
        [
            (
                Money(1, "USD"),
                Q_("152 km"),
                "money in USD",
                "a quantity in 'kilometer'",
            ),
            (Q_("5 km"), Money(1, "USD"), "a quantity in 'kilometer'", "money in USD"),
            (Decimal(5), Money(1, "USD"), "a number", "money in USD"),
            (Q_("5 km"), Decimal(1), "a quantity in 'kilometer'", "a number"),
            (ABOUT, Decimal(1), "money in USD", "a number"),
        ],
    )
    def test_other_kind(self, value: Any, unit: Any, first: str, second: str) -> None:
        """Money, a quantity and a number never convert: the error names both kinds."""
        with pytest.raises(ValidationError) as e:
            convert(value, unit)
        message = str(e.value)
        assert first in message
        assert second in message
        assert CALL in message

    @given(
        amounts(min_value=0, max_value=10**9, max_places=6),
        st.sampled_from(sorted(METRES)),
        st.sampled_from(sorted(METRES)),
    )
    def test_lengths_by_definition(
        self, number: Decimal, source: str, goal: str
    ) -> None:
        """Any length converts to any unit of length as its definition says."""
        exact = Fraction(number) * METRES[source] / METRES[goal]
        found = Fraction(convert(Q_(number, source), Q_(1, goal)))
        assert found == exact or abs(found - exact) <= exact * Fraction(1, 10**55)

    @given(
        amounts(min_value=0, max_value=10**9, max_places=6),
        st.sampled_from(sorted(METRES)),
    )
    def test_like_and_back(self, number: Decimal, unit: str) -> None:
        """like() builds a value in a unit that in_unit_of() reads back unchanged."""
        for kind in (Q_(1, unit), Money(1, "KZT"), Decimal(1)):
            assert convert(like(number, kind), kind) == number


class TestLike:
    """like() makes a Decimal a value of another's kind and unit."""

    @pytest.mark.parametrize(
        ("unit", "expected"),
        [
            (Q_("152 km"), Q_("46 km")),
            (Money(10, "USD"), Money(46, "USD")),
            (Decimal(100), Decimal(46)),
        ],
    )
    def test_kinds(self, unit: Any, expected: object) -> None:
        """46 as km, as USD and as a number."""
        found = like(Decimal(46), unit)
        assert type(found) is type(expected)
        assert measure_key(found) == measure_key(expected)


class TestEquality:
    """measure_key compares quantities by their exact size."""

    @pytest.mark.parametrize(
        ("first", "second"),
        [
            (Q_("1 mile"), Q_("1.609344 km")),
            (Q_("106 km"), Q_("106000 m")),
            (Q_("20 Mt/a"), Q_("20000000000 kg/a")),
        ],
    )
    def test_same_size(self, first: Any, second: Any) -> None:
        """Equal sizes in different units have one key and one hash."""
        assert measure_key(first) == measure_key(second)
        assert hash(measure_key(first)) == hash(measure_key(second))

    @pytest.mark.parametrize(
        ("first", "second"),
        [
            (Q_("1 mile"), Q_("1.609 km")),
            (Q_("1 km"), Q_("1 kg")),
            (Money(1, "USD"), Money(1, "EUR")),
        ],
    )
    def test_different(self, first: Any, second: Any) -> None:
        """A size a metre off, another dimension or currency differ."""
        assert measure_key(first) != measure_key(second)


class TestDisplay:
    """Measures as people read them, and as Python that builds them."""

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (Q_("1 km") / 3, "0.333 km"),
            (Q_("1234.56789 km"), "1,234.568 km"),
            (Q_("0.000123456 t"), "0.000123 t"),
            (Q_("2.50 ha"), "2.5 ha"),
            (Q_("1200.0 km"), "1,200 km"),
            (Decimal("0.000"), "0"),
            (Money(1, "USD") / 3, "$0.33"),
        ],
    )
    def test_rounds_for_people(self, value: Any, expected: str) -> None:
        """Three decimals, or three significant digits when smaller; money to cents."""
        assert format_measure(value) == expected

    def test_exact(self) -> None:
        """exact=True shows every digit of a quantity."""
        assert format_measure(Q_("1234.56789 km"), exact=True) == "1,234.56789 km"

    @pytest.mark.parametrize(
        ("value", "locale", "expected"),
        [
            (Money("1e10", "USD"), "en", "$10B"),
            (Q_("20 Mt/a"), "en", "20 Mt/a"),
            (Q_("106 km"), "en", "106 km"),
            (Q_("1234.5 km"), "ru", "1\xa0234,5 km"),
            (Decimal(78), "en", "78"),
            (None, "en", ""),
        ],
    )
    def test_format(self, value: Any, locale: str, expected: str) -> None:
        """Short unit symbols, numbers in the locale, nothing for None."""
        assert format_measure(value, locale, compact=True) == expected

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (ABOUT, "USD"),
            (Money(1, "KZT"), "KZT"),
            (Q_("20 Mt/a"), "Mt/a"),
            (Q_("1 mile"), "mi"),
            (Decimal(3), None),
            (None, None),
        ],
    )
    def test_unit_label(self, value: Any, expected: str | None) -> None:
        """The currency code or the unit's symbol; None for numbers."""
        assert unit_label(value) == expected

    @given(
        amounts(min_value=0, max_value=10**12, max_places=10),
        st.sampled_from(("km", "m", "mile", "Mt/a", "MW")),
    )
    def test_repr_round_trip(self, number: Decimal, unit: str) -> None:
        """measure_repr evaluates back to a value of the same size and unit."""
        value = Q_(number, unit)
        again = eval(measure_repr(value), namespace())
        assert measure_key(again) == measure_key(value)
        assert again.units == value.units

    @pytest.mark.parametrize(
        "value", [ABOUT, Money("1.50", "USD"), Decimal("2.50")], ids=repr
    )
    def test_repr_of_the_rest(self, value: Any) -> None:
        """Money, Estimates and numbers keep their own repr."""
        assert measure_repr(value) == repr(value)
