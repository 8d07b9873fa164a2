"""Tests for bilat._units: the lazy pint registry and UnitPrice."""

from __future__ import annotations

import decimal
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
import numpy as np
import pint
import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.fuzzing import fuzz
from tests.strategies import moneys, unit_prices
from tests.subprocess_helper import run_python

import bilat
from bilat import (
    InvalidNumberError,
    Money,
    NumberTypeError,
    ParseError,
    PrecisionError,
    ProgressUpdate,
    Project,
    UnitMismatchError,
    UnitPrice,
    ValidationError,
)
from bilat._errors import shown
from bilat._units import QUANTITY_TEXT_LIMIT, UNIT_TEXT_LIMIT, _unit_problem

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
            bilat.qty  # type: ignore[attr-defined]  # noqa: B018


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
            UnitPrice(price, unit)  # type: ignore[arg-type]


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

    @pytest.mark.parametrize(
        ("amount", "unit", "expected"),
        [
            ("1234.5678", "t", "$1,234.57/t"),
            ("0.2", "kWh", "$0.20/kWh"),
            ("0.2057460381222169", "lb", "$0.206/lb"),
            ("0.00045", "kWh", "$0.00045/kWh"),
            ("0.000123456", "kWh", "$0.000123/kWh"),
        ],
    )
    def test_rounds_for_people(self, amount: str, unit: str, expected: str) -> None:
        """The price rounds to cents, or to three significant digits below a dime."""
        assert str(UnitPrice(Money(amount, "USD"), unit)) == expected

    def test_exact(self) -> None:
        """exact=True shows every digit; the price itself is not rounded."""
        price = Money(1, "USD") / Q_("3 t")
        assert str(price) == "$0.333/t"
        assert price.format(exact=True) == "$0." + "3" * 60 + "/t"
        assert price.price.amount == Decimal("0." + "3" * 60)

    def test_short_symbols(self) -> None:
        """str() uses short symbols where repr keeps pint's names."""
        price = Money(150_000_000, "USD") / Q_("5 Mt")
        assert str(price) == "$30,000,000.00/Mt"
        assert repr(price) == "UnitPrice(Money('30000000', 'USD'), 'megametric_ton')"


# -- unit text -----------------------------------------------------------------

#: Unit text read as a unit expression, and pint's full name of the unit.
ACCEPTED_UNITS: list[tuple[str, str]] = [
    ("t", "metric_ton"),
    ("Mt/a", "megametric_ton / year"),
    ("Mt / a", "megametric_ton / year"),
    ("m ** 3", "meter ** 3"),
    ("kg*m/s^2", "kilogram * meter / second ** 2"),
    ("km**-2", "1 / kilometer ** 2"),
    ("km²", "kilometer ** 2"),
    ("m⁻¹", "1 / meter"),
    ("1 / s", "1 / second"),
    ("(kg * m) / (s ** 2)", "kilogram * meter / second ** 2"),
    ("kg·m", "kilogram * meter"),
    ("µm", "micrometer"),
    ("Ω", "ohm"),
    ("°", "degree"),
    ("%", "percent"),
    ("delta_degC", "delta_degree_Celsius"),
    ("megametric_ton / year", "megametric_ton / year"),
]

#: Text that is not a unit expression, and what the message says about it.
REFUSED_UNITS: list[tuple[str, str]] = [
    ("km == m", "unexpected '=' at position 3"),
    ("km;", "unexpected ';'"),
    ("km'", 'unexpected "\'"'),
    ("km\x00", "unexpected '\\\\x00'"),
    ("lambda: 1", "unexpected ':'"),
    ("km/0", "the number 0 at position 3 is not a unit"),
    ("9**9**9", "the number 9 at position 0 is not a unit"),
    ("m**9**9", "expected '\\*' or '/' before '\\*\\*'"),
    ("km**0", "the power 0 is not a whole number"),
    ("m ** 13", "the power 13 is not a whole number from -12 to 12"),
    ("m ** 0.5", "the power 0.5"),
    ("__import__('os')", 'unexpected "\'" at position 11'),
    ("__import__(os)", "expected '\\*' or '/' before '\\('"),
    ("kg m", "expected '\\*' or '/' before 'm'"),
    ("km *", "it ends where a unit name was expected"),
    ("(km", "not closed"),
    ("km)", "unexpected '\\)'"),
    ("(((((m)))))", "parentheses nest deeper than 4"),
    ("", "it ends where a unit name was expected"),
    ("*km" * 1000, "(it has 3,000|at most 300) characters"),
]


def _text_errors(text: str, *, unit_only: bool = False) -> list[BaseException]:
    """What UnitPrice, Project, ProgressUpdate and Q_ raise for ``text`` as a unit.

    Unless ``unit_only``, ``text`` is also given as a whole quantity.
    """
    errors: list[BaseException] = []
    calls: list[Callable[[], object]] = [
        lambda: UnitPrice(Money(1, "USD"), text),
        lambda: ProgressUpdate("2025-01-01", "x", f"1 {text}"),
        lambda: Project("P", ["KZ"], "underway", measures={"x": f"5 {text}"}),
        lambda: bilat.Q_(5, text),
    ]
    if not unit_only:
        calls.append(lambda: bilat.Q_(text))
        calls.append(lambda: ProgressUpdate("2025-01-01", "x", text))
        calls.append(lambda: Project("P", ["KZ"], "underway", measures={"x": text}))
    for call in calls:
        try:
            call()
        except Exception as e:  # noqa: BLE001 - the test checks what it is
            errors.append(e)
    return errors


class TestUnitGrammar:
    """Unit text must be a unit expression, checked before pint reads it."""

    @pytest.mark.parametrize(("text", "name"), ACCEPTED_UNITS)
    def test_accepted(self, text: str, name: str) -> None:
        """Names, '*', '/', integer powers and parentheses are read."""
        assert UnitPrice(Money(1, "USD"), text).unit == name

    @pytest.mark.parametrize(("text", "detail"), REFUSED_UNITS)
    def test_refused(self, text: str, detail: str) -> None:
        """Anything else is a ParseError that quotes the text and shows the shape."""
        with pytest.raises(ParseError, match=detail) as info:
            UnitPrice(Money(1, "USD"), text)
        message = str(info.value)
        assert message.startswith(f"cannot read {shown(text)} as a unit: ")
        assert "expected a unit expression: unit names" in message
        assert "'kg * m / s^2'" in message

    @pytest.mark.parametrize(("text", "detail"), [r for r in REFUSED_UNITS if r[0]])
    def test_refused_everywhere(self, text: str, detail: str) -> None:
        """Projects, progress updates and Q_ refuse it too, with the same reason."""
        errors = _text_errors(text, unit_only=True)
        assert len(errors) == 4
        for error in errors:
            assert isinstance(error, ParseError | ValidationError)
            assert re.search(detail, str(error))

    def test_unknown_name(self) -> None:
        """A well-formed expression with an unknown name is pint's refusal."""
        with pytest.raises(ParseError, match="'USD' is not defined"):
            UnitPrice(Money(1, "USD"), "USD / t")

    @pytest.mark.parametrize(
        ("text", "detail"),
        [
            ("(m ** 12) ** 2", "got meter \\*\\* 24"),
            ("km" + " * km" * 12, "got kilometer \\*\\* 13"),
        ],
    )
    def test_resulting_power_bounded(self, text: str, detail: str) -> None:
        """Powers that add up or multiply beyond 12 are refused."""
        with pytest.raises(ParseError, match=detail):
            UnitPrice(Money(1, "USD"), text)

    def test_every_pint_name_and_symbol(self) -> None:
        """Every unit pint defines is a unit expression by name and by symbol."""
        registry = bilat.ureg
        for name in list(registry._units):
            try:
                unit = registry.Unit(name)
            except pint.errors.PintError:  # an internal alias, not a unit name
                continue
            for text in (name, f"{unit:D}", f"{unit:~D}", f"{unit:~P}"):
                assert _unit_problem(text) is None, text


class TestTextLength:
    """Unit and quantity text is bounded, so no text takes long to refuse."""

    def test_unit_limit(self) -> None:
        """A unit expression of more than UNIT_TEXT_LIMIT characters is refused."""
        longest = "m" + " " * (UNIT_TEXT_LIMIT - 2) + "m"
        with pytest.raises(ParseError, match="expected '\\*' or '/'"):
            UnitPrice(Money(1, "USD"), longest)
        with pytest.raises(ParseError, match=f"it has {UNIT_TEXT_LIMIT + 1} char"):
            UnitPrice(Money(1, "USD"), longest + "m")

    def test_surrounding_space_is_not_counted(self) -> None:
        """Spaces around the text are dropped before it is measured."""
        padded = " " * 10_000 + "t" + " " * 10_000
        assert UnitPrice(Money(1, "USD"), padded).unit == "metric_ton"

    def test_huge_measure(self) -> None:
        """A measure of 100,000 characters is refused at once, with the limit."""
        text = "1 " + "q" * 100_000
        with pytest.raises(ValidationError, match="at most 300 characters") as info:
            Project("P", ["KZ"], "underway", measures={"length": text})
        assert info.value.path == "measures['length']"
        assert "(this text has 100,002)" in str(info.value)
        assert len(str(info.value)) < 500

    def test_quantity_limit(self) -> None:
        """A quantity of QUANTITY_TEXT_LIMIT characters is read; one more is not."""
        number = "1" + "0" * 50
        text = number + " " * (QUANTITY_TEXT_LIMIT - len(number) - 2) + "km"
        assert ProgressUpdate("2025-01-01", "x", text).done == Q_(10**50, "km")
        with pytest.raises(ValidationError, match="at most 300 characters"):
            ProgressUpdate("2025-01-01", "x", text + "²")

    def test_long_full_name(self) -> None:
        """A short expression whose full name is too long to keep is refused."""
        symbols = "Mt kWh km MW GJ ha mL kPa mA mph kcal bbl psi cwt mmHg ft yd"
        text = "*".join(symbols.split())
        assert len(text) == 60
        with pytest.raises(ParseError, match="full name has at most 200"):
            UnitPrice(Money(1, "USD"), text)


class TestQuantityValues:
    """Quantities given as pint objects are checked like text."""

    @pytest.mark.parametrize(
        ("quantity", "error", "match"),
        [
            (Q_(Decimal("NaN"), "t"), InvalidNumberError, "not NaN or infinity"),
            (Q_(Decimal("-Infinity"), "t"), InvalidNumberError, "not NaN"),
            (Q_(10**200, "t"), PrecisionError, "an int of 201 digits"),
            (Q_(Decimal("1e-200"), "t"), PrecisionError, "1E-200"),
            (Q_(np.array([1, 2]), "t"), NumberTypeError, "magnitude"),
            (bilat.ureg.Quantity(2, "m") ** 13, ParseError, "meter \\*\\* 13"),
        ],
    )
    def test_refused(self, quantity: Any, error: type[Exception], match: str) -> None:
        """NaN, infinities, numbers out of range and arrays are bilat errors."""
        price = UnitPrice(Money(1, "USD"), "t")
        with pytest.raises(error, match=match):
            price * quantity
        with pytest.raises(error, match=match):
            Money(1, "USD") / quantity
        with pytest.raises(ValidationError, match=match):
            ProgressUpdate("2025-01-01", "x", quantity)
        with pytest.raises(ValidationError, match=match):
            Project("P", ["KZ"], "underway", measures={"x": quantity})

    def test_other_registry_refused(self) -> None:
        """Another registry's NaN, infinity and fractional powers are refused."""
        other: pint.UnitRegistry[Any] = pint.UnitRegistry()
        price = UnitPrice(Money(1, "USD"), "t")
        with pytest.raises(InvalidNumberError, match="nan"):
            price * other.Quantity(float("nan"), "t")
        with pytest.raises(InvalidNumberError, match="inf"):
            price * other.Quantity(float("inf"), "t")
        with pytest.raises(ValidationError, match=r"the power 0\.5"):
            ProgressUpdate("2025-01-01", "x", other.Quantity(4, "m ** 0.5"))

    def test_other_registry_converted(self) -> None:
        """Another registry's float quantity is rebuilt exactly in bilat's."""
        other: pint.UnitRegistry[Any] = pint.UnitRegistry()
        update = ProgressUpdate("2025-01-01", "x", other.Quantity(0.1, "lb"))
        assert update.done.magnitude == Decimal("0.1")
        assert update.done.units == bilat.ureg.lb
        price = UnitPrice(Money(10, "USD"), "kg")
        assert price * other.Quantity(0.1, "lb") == Money("0.45359237", "USD")

    def test_result_out_of_range(self) -> None:
        """A product beyond bilat's range is a PrecisionError, not a raw one."""
        price = UnitPrice(Money("1e90", "USD"), "g")
        with pytest.raises(PrecisionError, match="product"):
            price * Q_("1e9", "Mt")


#: Pieces of near-miss unit expressions: names, operators, numbers and junk.
NEAR_MISS_PIECES = (
    *("km", "m", "t", "Mt", "a", "kg", "s", "h", "µ", "Ω", "°", "%", "e", "nan"),
    *("*", "/", "**", "^", "(", ")", " ", "·", "²", "⁻", "-", "+", ".", "_"),
    *("0", "1", "2", "9", "12", "13", "99", "1e3", "==", ";", "'", ":", ","),
    *("\x00", "lambda", "__import__", "import", "inf", "[", "]", "\\", "\n"),
)


class TestAnyText:
    """Any text is a unit, a quantity or a bilat error, at once."""

    @fuzz(200)
    @given(
        st.text(max_size=60)
        | st.lists(st.sampled_from(NEAR_MISS_PIECES), max_size=12).map("".join)
    )
    def test_only_bilat_errors(self, text: str) -> None:
        """UnitPrice, Project and ProgressUpdate raise nothing but BilatError."""
        for error in _text_errors(text):
            assert isinstance(error, bilat.BilatError), repr(error)


class TestQuantityClass:
    """bilat.Q_ reads text through the same grammar and limits as the values."""

    @pytest.mark.parametrize("text", ["km == m", "km;", "lambda: 1", "km/0"])
    def test_mistyped_unit(self, text: str) -> None:
        """A mistyped unit given to Q_ is a ParseError, not another unit."""
        with pytest.raises(bilat.ParseError, match="as a unit"):
            bilat.Q_(5, text)

    def test_overlong_text(self) -> None:
        """Text beyond the limits is refused by its length, before pint reads it."""
        with pytest.raises(bilat.ParseError, match="this text has 100,002"):
            bilat.Q_("1 " + "q" * 100_000)
        with pytest.raises(bilat.ParseError, match="it has 100,000 characters"):
            bilat.Q_(1, "q" * 100_000)

    @pytest.mark.parametrize(
        ("make", "magnitude", "unit"),
        [
            (lambda: bilat.Q_("152 km"), Decimal(152), "kilometer"),
            (lambda: bilat.Q_(5, "Mt"), Decimal(5), "megametric_ton"),
            (lambda: bilat.Q_("2.5", "kg"), Decimal("2.5"), "kilogram"),
            (lambda: bilat.Q_(0.1, "t"), Decimal("0.1"), "metric_ton"),
        ],
    )
    def test_valid_text(
        self, make: Callable[[], Any], magnitude: Decimal, unit: str
    ) -> None:
        """Ordinary text still makes the quantity it spells."""
        quantity = make()
        assert quantity.magnitude == magnitude
        assert f"{quantity.units:D}" == unit
