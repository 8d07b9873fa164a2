"""Unit conversion is exact whenever the true result is a short decimal.

Every expected value here comes from the legal definitions of the units
(written out by hand below), never from pint: the international pound of
0.45359237 kg, the inch of 2.54 cm, the US gallon of 231 cubic inches, the
oil barrel of 42 gallons, the troy ounce of 480 grains of 64.79891 mg, the
year (``a``) of 365.25 days.
"""

from __future__ import annotations

import decimal
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import bilat
from bilat import Money, ProgressUpdate, Project, UnitPrice
from bilat._units import convert

Q_ = bilat.Q_

#: (magnitude, unit, magnitude, unit): the two sides are the same quantity,
#: both sides terminating decimals, computed by hand from the definitions.
EQUALITIES: list[tuple[str, str, str, str]] = [
    ("1", "lb", "0.45359237", "kg"),
    ("1", "lb", "453.59237", "g"),
    ("100", "lb", "0.045359237", "t"),
    ("1", "gallon", "3.785411784", "L"),
    ("1", "oil_barrel", "0.158987294928", "m ** 3"),
    ("1", "oil_barrel", "42", "gallon"),
    ("1", "oil_barrel", "158.987294928", "L"),
    ("1", "inch", "0.0254", "m"),
    ("1", "ft", "0.3048", "m"),
    ("1", "mile", "1609.344", "m"),
    ("1", "mile", "1.609344", "km"),
    ("1", "short_ton", "907.18474", "kg"),  # 2,000 lb
    ("1", "long_ton", "1016.0469088", "kg"),  # 2,240 lb
    ("1", "short_ton", "2000", "lb"),
    ("1", "troy_ounce", "31.1034768", "g"),  # 480 × 64.79891 mg
    ("43560", "ft ** 2", "4046.8564224", "m ** 2"),  # the international acre
    ("1", "acre", "43560", "survey_foot ** 2"),  # pint's acre is the US survey acre
    ("1", "ha", "10000", "m ** 2"),
    ("1", "km ** 2", "100", "ha"),
    ("36", "km / h", "10", "m / s"),
    ("1", "mile / hour", "0.44704", "m / s"),
    ("1", "t", "1000", "kg"),
    ("2.5", "Mt", "2500000", "t"),
    ("20", "Mt / a", "20000000", "t / a"),
    ("31.5576", "Mt / a", "1", "t / s"),  # a year of 31,557,600 seconds
    ("1", "kWh", "3600000", "J"),
]

IDS = [f"{a} {u} = {b} {v}" for a, u, b, v in EQUALITIES]


class TestPriceTimesQuantity:
    """UnitPrice × Quantity is exact in both directions of every equality."""

    @pytest.mark.parametrize(("a", "unit_a", "b", "unit_b"), EQUALITIES, ids=IDS)
    def test_forward(self, a: str, unit_a: str, b: str, unit_b: str) -> None:
        """$1 per unit_b × a unit_a costs exactly $b."""
        price = UnitPrice(Money(1, "USD"), unit_b)
        assert price * Q_(Decimal(a), unit_a) == Money(b, "USD")
        assert Q_(Decimal(a), unit_a) * price == Money(b, "USD")

    @pytest.mark.parametrize(("a", "unit_a", "b", "unit_b"), EQUALITIES, ids=IDS)
    def test_backward(self, a: str, unit_a: str, b: str, unit_b: str) -> None:
        """$1 per unit_a × b unit_b costs exactly $a."""
        price = UnitPrice(Money(1, "USD"), unit_a)
        assert price * Q_(Decimal(b), unit_b) == Money(a, "USD")

    def test_review_examples(self) -> None:
        """$1/lb × 0.45359237 kg is $1, and so for barrels and gallons."""
        pound = UnitPrice(Money(1, "USD"), "lb") * Q_("0.45359237", "kg")
        assert repr(pound) == "Money('1', 'USD')"
        barrel = UnitPrice(Money(1, "USD"), "oil_barrel") * Q_("0.158987294928", "m**3")
        assert barrel == Money(1, "USD")
        gallon = UnitPrice(Money(1, "USD"), "gallon") * Q_("3.785411784", "L")
        assert gallon == Money(1, "USD")


class TestPriceTo:
    """UnitPrice.to is exact when the new price is a short decimal."""

    @pytest.mark.parametrize(("a", "unit_a", "b", "unit_b"), EQUALITIES, ids=IDS)
    def test_both_ways(self, a: str, unit_a: str, b: str, unit_b: str) -> None:
        """$b per unit_a is $a per unit_b, and back."""
        per_a = UnitPrice(Money(b, "USD"), unit_a)
        per_b = UnitPrice(Money(a, "USD"), unit_b)
        assert per_a.to(unit_b) == per_b
        assert per_b.to(unit_a) == per_a

    def test_round_trip_through_a_long_quotient(self) -> None:
        """$1/bbl to $/m³ (no short decimal) and back is $1/bbl again."""
        price = UnitPrice(Money(1, "USD"), "oil_barrel")
        assert price.to("m ** 3").to("oil_barrel") == price
        assert repr(price.to("m ** 3").to("oil_barrel").price) == "Money('1', 'USD')"


class TestProgressInOtherUnits:
    """Completion is exact when done and planned are in different units."""

    @pytest.mark.parametrize(("a", "unit_a", "b", "unit_b"), EQUALITIES, ids=IDS)
    def test_whole_measure_done(self, a: str, unit_a: str, b: str, unit_b: str) -> None:
        """a unit_a done of b unit_b planned, and the reverse, are exactly 1."""
        for planned, done in (
            (f"{b} {unit_b}", f"{a} {unit_a}"),
            (f"{a} {unit_a}", f"{b} {unit_b}"),
        ):
            project = Project(
                "P",
                ["KZ"],
                "underway",
                measures={"m": planned},
                updates=[ProgressUpdate("2025-01-01", "m", done)],
            )
            assert project.completion() == 1

    def test_quarter(self) -> None:
        """One inch done of four planned, in metres, is exactly 0.25."""
        project = Project(
            "P",
            ["KZ"],
            "underway",
            measures={"m": "4 inch"},
            updates=[ProgressUpdate("2025-01-01", "m", Q_("0.0254", "m"))],
        )
        assert project.completion() == Decimal("0.25")


#: Units and their size in the base units, written out by hand, by dimension.
BASE_FACTORS: dict[str, dict[str, Fraction]] = {
    "mass": {
        "kg": Fraction(1),
        "g": Fraction("0.001"),
        "t": Fraction(1000),
        "Mt": Fraction(10**9),
        "lb": Fraction("0.45359237"),
        "short_ton": Fraction("907.18474"),
        "troy_ounce": Fraction("0.0311034768"),
    },
    "length": {
        "m": Fraction(1),
        "km": Fraction(1000),
        "inch": Fraction("0.0254"),
        "mile": Fraction("1609.344"),
    },
    "volume": {
        "m ** 3": Fraction(1),
        "L": Fraction("0.001"),
        "gallon": Fraction("0.003785411784"),
        "oil_barrel": Fraction("0.158987294928"),
    },
    "speed": {
        "m / s": Fraction(1),
        "km / h": Fraction(1000, 3600),
        "mile / hour": Fraction("1609.344") / 3600,
    },
}

_SIXTY = decimal.Context(prec=60, rounding=decimal.ROUND_HALF_EVEN)
_WIDE = decimal.Context(prec=1000, traps=[decimal.Inexact])


def _terminates(value: Fraction) -> bool:
    """A fraction whose decimal expansion ends within 60 significant digits."""
    denominator = value.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    if denominator != 1:
        return False
    exact = _WIDE.divide(value.numerator, value.denominator)  # exact: 2s and 5s
    return len(exact.normalize(_WIDE).as_tuple().digits) <= 60


@st.composite
def conversions(draw: st.DrawFn) -> tuple[Decimal, str, str, Fraction]:
    """A magnitude, two units of one dimension, and how many of the second one
    of the first holds (exactly, from the definitions)."""
    units = BASE_FACTORS[draw(st.sampled_from(sorted(BASE_FACTORS)))]
    source = draw(st.sampled_from(sorted(units)))
    target = draw(st.sampled_from(sorted(units)))
    x = draw(st.decimals(min_value="0.001", max_value=10**9, places=3))
    return x, source, target, units[source] / units[target]


class TestRoundTrips:
    """x in one unit, converted to another and back, is x again."""

    @given(conversions())
    def test_convert_matches_the_definitions(
        self, case: tuple[Decimal, str, str, Fraction]
    ) -> None:
        """The converted magnitude is the exact value, or it rounded to 60 digits."""
        x, source, target, ratio = case
        exact = Fraction(x) * ratio
        result = convert(Q_(x, source), target)
        if _terminates(exact):
            assert Fraction(result) == exact
        else:
            expected = _SIXTY.divide(exact.numerator, exact.denominator)
            assert result == expected

    @given(conversions())
    def test_there_and_back(self, case: tuple[Decimal, str, str, Fraction]) -> None:
        """When the converted value terminates, converting back gives x exactly."""
        x, source, target, ratio = case
        there = convert(Q_(x, source), target)
        if _terminates(Fraction(x) * ratio):
            assert convert(Q_(there, target), source) == x

    @given(conversions())
    def test_price_there_and_back(
        self, case: tuple[Decimal, str, str, Fraction]
    ) -> None:
        """A price re-expressed per another unit and back is the same price."""
        x, source, target, ratio = case
        price = UnitPrice(Money(x, "USD"), source)
        there = price.to(target)
        per_target = Fraction(x) / ratio
        if _terminates(per_target):
            assert Fraction(there.price.amount) == per_target
            assert there.to(source) == price
        assert price * Q_(1, source) == Money(x, "USD")
