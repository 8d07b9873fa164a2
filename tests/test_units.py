"""Tests for bilat._units: the lazy pint registry and UnitPrice."""

from __future__ import annotations

import decimal
from decimal import Decimal
from typing import Any

import attrs
import numpy as np
import pint
import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.strategies import moneys, unit_prices
from tests.subprocess_helper import run_python

import bilat
from bilat import (
    InvalidNumberError,
    Money,
    NumberTypeError,
    ParseError,
    UnitMismatchError,
    UnitPrice,
    ValidationError,
)

Q_ = bilat.Q_

#: Mass units and how many kilograms each holds, written out by hand.
KILOGRAMS = {
    "g": Decimal("0.001"),
    "kg": Decimal(1),
    "t": Decimal(1000),
    "kilotonne": Decimal(1_000_000),
    "Mt": Decimal(1_000_000_000),
    "lb": Decimal("0.45359237"),
}


class TestLazyImport:
    """import bilat leaves pint alone until a quantity is needed."""

    def test_import_is_light(self) -> None:
        """Importing bilat and touching UnitPrice imports none of the heavy packages."""
        record = run_python(
            """
            import json, sys
            import bilat
            bilat.UnitPrice, bilat.ExchangeRates
            heavy = ("pint", "cattrs", "pandas", "matplotlib")
            before = [m for m in heavy if m in sys.modules]
            price = bilat.Money(30, "USD") / bilat.Q_(1, "t")
            print(json.dumps({"before": before, "after": "pint" in sys.modules,
                              "price": repr(price)}))
            """
        )
        assert record == {
            "before": [],
            "after": True,
            "price": "UnitPrice(Money('30', 'USD'), 'metric_ton')",
        }

    def test_unknown_attribute(self) -> None:
        """Other missing attributes of bilat are AttributeErrors."""
        with pytest.raises(AttributeError, match="no attribute 'qty'"):
            bilat.qty  # noqa: B018


class TestRegistry:
    """The registry is shared, decimal and independent of the caller's context."""

    def test_one_registry(self) -> None:
        """ureg is one object and Q_ is its Quantity."""
        assert bilat.ureg is bilat.ureg
        assert bilat.Q_ is bilat.ureg.Quantity
        assert isinstance(Q_(1, "t"), pint.Quantity)

    def test_decimal_magnitudes(self) -> None:
        """Floats become Decimals by shortest repr; text is read as Decimal."""
        assert Q_(0.1, "t").magnitude == Decimal("0.1")
        assert type(Q_(0.1, "t").magnitude) is Decimal
        assert Q_("5.5 Mt").magnitude == Decimal("5.5")
        assert Q_(np.float64(2.5), "t").magnitude == Decimal("2.5")
        assert Q_(3, "t").magnitude == 3

    def test_float_quantities_convert(self) -> None:
        """A quantity made from a float converts like any other."""
        assert Q_(5.5, "Mt").to("kg").magnitude == Decimal(5_500_000_000)

    def test_exact_factors(self) -> None:
        """Factors defined by decimals are exact: 1 lb is 0.45359237 kg."""
        assert Q_(1, "lb").to("kg").magnitude == Decimal("0.45359237")
        assert Q_(1, "oil_barrel").to("L").magnitude == Decimal("158.987294928")
        assert Q_(1, "ha").to("m ** 2").magnitude == 10_000
        assert Q_(1, "Mt").units == bilat.ureg.megatonne

    def test_caller_context_does_not_stick(self) -> None:
        """A coarse context at first use leaves no rounded factor in pint's cache."""
        with decimal.localcontext(decimal.Context(prec=3)):
            coarse = Q_(1, "hogshead").to("m ** 3").magnitude
        assert coarse == Decimal("0.238")
        # 63 US gallons of 231 cubic inches of 2.54 cm
        exact = Q_(1, "hogshead").to("m ** 3").magnitude
        assert exact == Decimal("0.238480942392")


class TestConstruction:
    """UnitPrice holds Money and a normalised unit, and checks both."""

    def test_unit_is_normalised(self) -> None:
        """'t', 'tonne', 'metric_ton' and a pint Unit give equal prices."""
        price = Money(30, "USD")
        prices = {
            UnitPrice(price, unit)
            for unit in ("t", "tonne", " metric_ton ", bilat.ureg.tonne)
        }
        assert prices == {UnitPrice(price, "metric_ton")}
        assert UnitPrice(price, "t").unit == "metric_ton"
        assert UnitPrice(price, "t").units == bilat.ureg.tonne

    def test_foreign_registry_unit(self) -> None:
        """A Unit of another pint registry is read by its name."""
        other: pint.UnitRegistry[Any] = pint.UnitRegistry()
        assert UnitPrice(Money(1, "USD"), other.kWh).unit == "kilowatt_hour"

    @pytest.mark.parametrize(
        "price",
        [
            UnitPrice(Money(30, "USD"), "t"),
            UnitPrice(Money("0.125", "EUR"), "kWh"),
            UnitPrice(Money("1e3", "KZT"), "m ** 3 / day"),
        ],
    )
    def test_repr_round_trips(self, price: UnitPrice) -> None:
        """eval(repr(p)) == p."""
        namespace = {"UnitPrice": UnitPrice, "Money": Money}
        assert eval(repr(price), namespace) == price

    @given(unit_prices(None))
    def test_repr_round_trips_always(self, price: UnitPrice) -> None:
        """eval(repr(p)) == p for any price and unit."""
        namespace = {"UnitPrice": UnitPrice, "Money": Money}
        assert eval(repr(price), namespace) == price

    def test_repr(self) -> None:
        """The repr shows Money and pint's name of the unit."""
        assert repr(UnitPrice(Money(30, "USD"), "t")) == (
            "UnitPrice(Money('30', 'USD'), 'metric_ton')"
        )

    def test_frozen(self) -> None:
        """Fields cannot be set."""
        price = UnitPrice(Money(30, "USD"), "t")
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            price.unit = "kg"  # type: ignore[misc]

    @pytest.mark.parametrize(
        ("price", "unit", "error", "match"),
        [
            (
                Money(1, "USD"),
                "tonnes of stuff",
                ParseError,
                "'tonnes of stuff' as a unit",
            ),
            (Money(1, "USD"), "degC", ParseError, "multiplicative"),
            (Money(1, "USD"), 5, ValidationError, "^unit: expected a unit"),
            (Money(1, "USD"), None, ValidationError, "got None"),
            (Money(1, "USD"), Q_(1, "t"), ValidationError, "got the quantity"),
            (30, "t", NumberTypeError, "invalid price 30: expected a Money"),
        ],
    )
    def test_invalid(
        self, price: object, unit: object, error: type[Exception], match: str
    ) -> None:
        """Bad units and prices are refused with bilat errors."""
        with pytest.raises(error, match=match):
            UnitPrice(price, unit)


class TestDivision:
    """Money / Quantity gives a UnitPrice."""

    def test_divide(self) -> None:
        """The price per unit of the quantity's own unit."""
        assert Money(150_000_000, "USD") / Q_(5, "Mt") == UnitPrice(
            Money(30_000_000, "USD"), "Mt"
        )
        assert Money(156, "USD") / Q_(12, "km") == UnitPrice(Money(13, "USD"), "km")
        assert Money(1, "USD") / Q_(0.5, "kWh") == UnitPrice(Money(2, "USD"), "kWh")

    def test_foreign_registry_quantity(self) -> None:
        """Quantities of another pint registry divide too."""
        other: pint.UnitRegistry[Any] = pint.UnitRegistry()
        assert Money(10, "USD") / other.Quantity(4, "t") == UnitPrice(
            Money("2.5", "USD"), "t"
        )

    def test_zero(self) -> None:
        """Dividing by a zero quantity is refused."""
        with pytest.raises(InvalidNumberError, match="non-zero quantity"):
            Money(1, "USD") / Q_(0, "t")

    def test_array(self) -> None:
        """An array of quantities is not one quantity."""
        with pytest.raises(NumberTypeError, match="magnitude"):
            Money(1, "USD") / Q_(np.array([1, 2]), "t")


class TestMultiplication:
    """UnitPrice × Quantity in either order gives exact Money."""

    def test_price_times_quantity(self) -> None:
        """$30/t × 5 Mt is exactly $150,000,000, in either order."""
        price = UnitPrice(Money(30, "USD"), "t")
        assert repr(price * Q_(5, "Mt")) == "Money('150000000', 'USD')"
        assert repr(Q_(5, "Mt") * price) == "Money('150000000', 'USD')"

    def test_units_converted(self) -> None:
        """The quantity is converted into the price's unit first."""
        price = UnitPrice(Money(1000, "USD"), "t")
        assert price * Q_(1, "lb") == Money("0.45359237", "USD")
        assert price * Q_(250, "kg") == Money(250, "USD")
        assert Q_("2.5 kilotonne") * price == Money(2_500_000, "USD")
        assert price * Q_(0.1, "t") == Money(100, "USD")

    def test_foreign_registry_quantity(self) -> None:
        """A quantity of another registry is converted by its unit's name."""
        other: pint.UnitRegistry[Any] = pint.UnitRegistry()
        price = UnitPrice(Money(30, "USD"), "t")
        assert price * other.Quantity(2, "kilotonne") == Money(60_000, "USD")
        assert price * other.Quantity(0.1, "t") == Money(3, "USD")

    def test_numpy_integer(self) -> None:
        """A numpy integer magnitude is taken exactly."""
        price = UnitPrice(Money(30, "USD"), "t")
        assert price * Q_(np.int64(2), "t") == Money(60, "USD")

    def test_mismatch(self) -> None:
        """Different dimensions raise UnitMismatchError naming both units."""
        price = UnitPrice(Money(30, "USD"), "t")
        with pytest.raises(UnitMismatchError) as info:
            price * Q_(152, "km")
        error = info.value
        assert (error.left, error.right) == ("USD / metric_ton", "kilometer")
        assert str(error) == (
            "unit 'kilometer' is not compatible with 'USD / metric_ton': "
            "expected a quantity of [mass], not of [length]"
        )
        with pytest.raises(UnitMismatchError, match="'knot'"):
            Q_(5, "kt") * price

    def test_times_number(self) -> None:
        """A number scales the price, in either order."""
        price = UnitPrice(Money(30, "USD"), "t")
        assert price * 2 == UnitPrice(Money(60, "USD"), "t")
        assert Decimal("0.5") * price == UnitPrice(Money(15, "USD"), "t")
        assert price * 0.1 == UnitPrice(Money(3, "USD"), "t")

    @pytest.mark.parametrize("other", ["2", True, Money(1, "USD"), None])
    def test_foreign_operand(self, other: Any) -> None:
        """Text, bools, Money and None are not factors."""
        price = UnitPrice(Money(30, "USD"), "t")
        with pytest.raises(TypeError):
            price * other

    def test_quantity_times_money(self) -> None:
        """Quantity × Money is refused, as Money × Quantity is."""
        with pytest.raises(NumberTypeError, match="UnitPrice"):
            Q_(5, "t") * Money(1, "USD")

    @given(
        moneys("USD", min_value=0, max_value=10**9, max_places=2),
        st.sampled_from(sorted(KILOGRAMS)),
        st.decimals(min_value=0, max_value=10**9, places=3),
        st.sampled_from(sorted(KILOGRAMS)),
        st.sampled_from(sorted(KILOGRAMS)),
    )
    def test_conversion_commutes(
        self, money: Money, price_unit: str, amount: Decimal, unit: str, other: str
    ) -> None:
        """(p × q) equals p × (q converted), and both match the hand-made value.

        Pounds into metric units multiply by 0.45359237, exactly; metric units
        into pounds divide by it, which rounds at the 60th digit.
        """
        price = UnitPrice(money, price_unit)
        quantity = Q_(amount, unit)
        with decimal.localcontext(decimal.Context(prec=60)):
            converted = quantity.to(other)
            by_hand = money.amount * amount * KILOGRAMS[unit] / KILOGRAMS[price_unit]
        result = (price * quantity).amount
        if "lb" not in (price_unit, other):
            assert price * quantity == price * converted
            assert result == by_hand
        else:
            tolerance = abs(by_hand) * Decimal("1e-55")
            assert abs((price * converted).amount - result) <= tolerance
            assert abs(result - by_hand) <= tolerance

    @given(
        moneys("EUR", min_value=-(10**9), max_value=10**9, max_places=2),
        st.sampled_from(sorted(KILOGRAMS)),
        st.sampled_from(sorted(KILOGRAMS)),
    )
    def test_price_conversion_keeps_value(
        self, money: Money, unit: str, other: str
    ) -> None:
        """p.to(u) prices the same quantity the same (up to 60-digit rounding)."""
        price = UnitPrice(money, unit)
        quantity = Q_(7, other)
        direct = (price * quantity).amount
        through = (price.to(other) * quantity).amount
        assert abs(direct - through) <= abs(direct) * Decimal("1e-55")


class TestTo:
    """UnitPrice.to re-expresses the price per another unit."""

    def test_to_smaller_unit(self) -> None:
        """$30/t is $0.03/kg."""
        assert UnitPrice(Money(30, "USD"), "t").to("kg") == UnitPrice(
            Money("0.03", "USD"), "kg"
        )
        assert repr(UnitPrice(Money(30, "USD"), "t").to("Mt")) == (
            "UnitPrice(Money('30000000', 'USD'), 'megametric_ton')"
        )

    def test_to_pint_unit(self) -> None:
        """The target may be a pint Unit."""
        assert UnitPrice(Money(1000, "USD"), "t").to(bilat.ureg.lb) == UnitPrice(
            Money("0.45359237", "USD"), "lb"
        )

    def test_mismatch(self) -> None:
        """Another dimension raises UnitMismatchError."""
        with pytest.raises(UnitMismatchError, match="'kilowatt_hour'"):
            UnitPrice(Money(30, "USD"), "t").to("kWh")


class TestFormat:
    """str and format show the price through babel and pint's unit symbol."""

    @pytest.mark.parametrize(
        ("price", "kwargs", "expected"),
        [
            (UnitPrice(Money(30, "USD"), "t"), {}, "$30.00/t"),
            (UnitPrice(Money("0.125", "EUR"), "kWh"), {}, "€0.125/kWh"),
            (UnitPrice(Money(30, "USD"), "m ** 3"), {"locale": "ru"}, "30,00\xa0$/m³"),
            (
                UnitPrice(Money(2_000_000, "USD"), "t / day"),
                {"compact": True},
                "$2M/(t/d)",
            ),
        ],
    )
    def test_format(
        self, price: UnitPrice, kwargs: dict[str, Any], expected: str
    ) -> None:
        """Symbols are short; compound units are put in parentheses."""
        assert price.format(**kwargs) == expected

    def test_str(self) -> None:
        """str() is format() with defaults."""
        assert str(UnitPrice(Money(30, "USD"), "t")) == "$30.00/t"
