"""Money: exact amounts, arithmetic within a currency, rounding, allocation, text."""

from __future__ import annotations

import decimal
import itertools
import operator
import re
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import numpy
import pandas
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from tests.fuzzing import Hostile, HostileStr
from tests.strategies import BAG_CODES, currencies, moneys, wide_moneys

from bilat import (
    BilatError,
    Currency,
    CurrencyMismatchError,
    DivisionByZeroError,
    InvalidNumberError,
    InvalidOptionError,
    Money,
    MoneyBag,
    NumberTypeError,
    PrecisionError,
    UnknownCurrencyError,
    UnknownLocaleError,
    ValidationError,
)
from bilat._decimal import FINITE_NUMBER, PRECISION, QUOTIENTS, arithmetic_error
from bilat._money import MAX_PARTS

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

#: Names eval() needs to read a Money repr back.
NAMESPACE = {"Money": Money}


def usd(amount: str | int) -> Money:
    """Shorthand for US dollars."""
    return Money(amount, "USD")


def same_currency_pair() -> st.SearchStrategy[tuple[Money, Money]]:
    """Two Money in one currency drawn at random."""
    return currencies().flatmap(lambda c: st.tuples(moneys(c), moneys(c)))


def same_currency_triple() -> st.SearchStrategy[tuple[Money, Money, Money]]:
    """Three Money in one currency drawn at random."""
    return currencies().flatmap(lambda c: st.tuples(moneys(c), moneys(c), moneys(c)))


@pytest.fixture
def caller_context() -> Iterator[decimal.Context]:
    """A hostile caller context: six digits, rounding towards zero."""
    with decimal.localcontext() as ctx:
        ctx.prec = 6
        ctx.rounding = decimal.ROUND_DOWN
        yield ctx


class TestConstruction:
    """Amounts are taken exactly from int, str, Decimal and float."""

    def test_int(self) -> None:
        """An int is taken as it is."""
        m = Money(5, "USD")
        assert m.amount == Decimal(5)
        assert str(m.amount) == "5"
        assert m.currency == Currency("USD")

    def test_str_with_underscores(self) -> None:
        """Underscores between digits are dropped and the code normalised."""
        m = Money("156_000_000", "usd")
        assert m.amount == Decimal(156000000)
        assert m.currency.code == "USD"

    @pytest.mark.parametrize(
        ("text", "amount"),
        [
            ("-1_234.50", "-1234.50"),
            ("+5", "5"),
            ("-0.5", "-0.5"),
            ("1e3", "1E+3"),
            ("0.000", "0.000"),
        ],
    )
    def test_str_forms(self, text: str, amount: str) -> None:
        """Signs, decimals and exponents are read exactly, trailing zeros kept."""
        assert str(Money(text, "USD").amount) == amount

    def test_decimal(self) -> None:
        """A Decimal is kept with its exponent."""
        assert str(Money(Decimal("1.10"), "EUR").amount) == "1.10"

    @pytest.mark.parametrize(
        ("value", "amount"),
        [
            (0.1, "0.1"),
            (1e-7, "1E-7"),
            (0.1 + 0.2, "0.30000000000000004"),
            (-2.5, "-2.5"),
            (1e20, "1E+20"),
            (123456.789, "123456.789"),
        ],
    )
    def test_float_via_shortest_repr(self, value: float, amount: str) -> None:
        """A float becomes the Decimal of its shortest repr, not its binary value."""
        assert str(Money(value, "USD").amount) == amount

    def test_currency_object(self) -> None:
        """A Currency is accepted as the currency."""
        assert Money(1, Currency("kzt")).currency.code == "KZT"

    @pytest.mark.parametrize("code", ["XYZ", "US", "usdd", None, 840])
    def test_unknown_currency(self, code: object) -> None:
        """An unknown currency is an UnknownCurrencyError naming it."""
        with pytest.raises(UnknownCurrencyError, match=re.escape(repr(code))):
            Money(1, code)  # type: ignore[arg-type]


class TestRefusedAmounts:
    """bool, non-finite numbers, malformed text and other types are refused."""

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            (True, "invalid amount True: expected a number, not a bool"),
            (False, "invalid amount False: expected a number, not a bool"),
            ([1], "invalid amount [1]: expected an int, a Decimal, a str or a float"),
            (None, "invalid amount None: expected an int, a Decimal, a str or a float"),
            (1j, "invalid amount 1j: expected an int, a Decimal, a str or a float"),
            (
                Fraction(1, 3),
                (
                    "invalid amount Fraction(1, 3): expected an int, a Decimal,"
                    " a str or a float"
                ),
            ),
        ],
    )
    def test_wrong_type(self, value: object, message: str) -> None:
        """Types that are not numbers are a NumberTypeError (a TypeError)."""
        with pytest.raises(NumberTypeError, match=re.escape(message)):
            Money(value, "USD")  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            Money(value, "USD")  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        "value",
        [
            float("nan"),
            float("inf"),
            float("-inf"),
            Decimal("NaN"),
            Decimal("sNaN"),
            Decimal("Infinity"),
            "NaN",
            "-Infinity",
        ],
    )
    def test_not_finite(self, value: float | Decimal | str) -> None:
        """NaN and infinities are an InvalidNumberError naming the value."""
        message = f"invalid amount {value!r}: expected a finite number"
        with pytest.raises(InvalidNumberError, match=re.escape(message)):
            Money(value, "USD")

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("abc", "a decimal number such as"),
            ("1,000", "a decimal number such as"),
            ("1.2.3", "a decimal number such as"),
            (" 1", "no spaces"),
            ("1 ", "no spaces"),
            ("1__000", "a decimal number"),
            ("_1", "a decimal number"),
            ("1_", "a decimal number"),
            ("-_1", "a decimal number"),
            ("1_.5", "a decimal number"),
            ("", "expected"),
        ],
    )
    def test_bad_text(self, text: str, expected: str) -> None:
        """Text that is not a plain decimal number is an InvalidNumberError."""
        pattern = re.escape(f"invalid amount {text!r}: ") + ".*" + re.escape(expected)
        with pytest.raises(InvalidNumberError, match=pattern) as info:
            Money(text, "USD")
        assert isinstance(info.value, ValueError)
        assert not isinstance(info.value, TypeError)
        assert info.value.value == text


class TestAddition:
    """+ and - work within one currency and refuse to mix currencies."""

    def test_add(self) -> None:
        """Amounts add exactly, keeping the finer exponent."""
        total = usd("1.10") + usd("2.205")
        assert total == usd("3.305")
        assert str(total.amount) == "3.305"
        assert total.currency == Currency("USD")

    def test_subtract(self) -> None:
        """Subtraction can go below zero."""
        assert usd(5) - usd("7.5") == usd("-2.5")

    def test_codes_in_any_case(self) -> None:
        """Money built from 'usd' and 'USD' add up."""
        assert Money(1, "usd") + Money(1, "USD") == usd(2)

    @pytest.mark.parametrize(
        ("op", "symbol"), [(operator.add, "+"), (operator.sub, "-")]
    )
    def test_mismatch(self, op: Callable[[Money, Money], Money], symbol: str) -> None:
        """Mixing currencies is a CurrencyMismatchError naming both codes."""
        with pytest.raises(CurrencyMismatchError) as info:
            op(usd(1), Money(1, "EUR"))
        assert str(info.value).startswith(
            f"cannot apply {symbol!r} to 'USD' and 'EUR': "
        )
        assert (info.value.left, info.value.right) == ("USD", "EUR")
        assert info.value.operation == symbol
        assert isinstance(info.value, TypeError)

    def test_zero_plus_money(self) -> None:
        """0 + m is m, so sum() starts from zero."""
        assert 0 + usd("1.5") == usd("1.5")

    def test_sum(self) -> None:
        """sum() of Money in one currency is their total."""
        assert sum([usd("0.1"), usd("0.2"), usd("0.3")]) == usd("0.6")
        assert sum([Money(0.1, "EUR")] * 10) == Money(1, "EUR")

    def test_sum_mismatch(self) -> None:
        """sum() over two currencies is a CurrencyMismatchError."""
        with pytest.raises(CurrencyMismatchError, match="'USD' and 'KZT'"):
            sum([usd(1), Money(1, "KZT")])

    @pytest.mark.parametrize("other", [0, 1, 0.0, Decimal(0), False, "1", None])
    def test_money_plus_number(self, other: object) -> None:
        """m + number is a TypeError: only 0 + m is allowed, for sum()."""
        with pytest.raises(TypeError, match="unsupported operand"):
            usd(1) + other
        with pytest.raises(TypeError, match="unsupported operand"):
            usd(1) - other

    @pytest.mark.parametrize("other", [1, 0.0, Decimal(0), False, None])
    def test_number_plus_money(self, other: object) -> None:
        """number + m is a TypeError unless the number is the int 0."""
        with pytest.raises(TypeError, match="unsupported operand"):
            other + usd(1)


class TestMultiplication:
    """* and / by numbers; Money / Money is a Decimal ratio."""

    @pytest.mark.parametrize(
        ("factor", "product"),
        [
            (3, "4.5"),
            (Decimal("0.1"), "0.15"),
            (0.1, "0.15"),
            (1.1, "1.65"),
            (-2, "-3.0"),
            (0, "0"),
        ],
    )
    def test_multiply(self, factor: int | Decimal | float, product: str) -> None:
        """Products are exact; a float factor counts as its shortest repr."""
        assert usd("1.5") * factor == usd(product)
        assert factor * usd("1.5") == usd(product)

    @pytest.mark.parametrize(
        ("divisor", "quotient"),
        [(4, "2.5"), (Decimal("0.5"), "20"), (0.5, "20"), (-8, "-1.25")],
    )
    def test_divide(self, divisor: int | Decimal | float, quotient: str) -> None:
        """Division by a number gives Money in the same currency."""
        result = usd(10) / divisor
        assert isinstance(result, Money)
        assert result == usd(quotient)

    def test_divide_inexact(self) -> None:
        """An inexact quotient carries the library's full precision."""
        assert (usd(1) / 3).amount == Decimal("0." + "3" * PRECISION)

    def test_money_ratio(self) -> None:
        """Money / Money in one currency is a plain Decimal."""
        ratio = usd(3) / usd("1.5")
        assert type(ratio) is Decimal
        assert ratio == 2
        assert usd(1) / usd(8) == Decimal("0.125")

    def test_money_ratio_mismatch(self) -> None:
        """Money / Money across currencies is a CurrencyMismatchError."""
        with pytest.raises(CurrencyMismatchError, match=r"cannot apply '/' to 'USD'"):
            usd(1) / Money(1, "EUR")

    @pytest.mark.parametrize(
        ("divisor", "message"),
        [
            (0, "invalid divisor 0: expected a non-zero number"),
            (Decimal("0.00"), "invalid divisor Decimal('0.00'): expected a non-zero"),
            (0.0, "invalid divisor 0.0: expected a non-zero number"),
            (usd(0), "invalid divisor Money('0', 'USD'): expected a non-zero amount"),
        ],
    )
    def test_division_by_zero(self, divisor: Any, message: str) -> None:
        """Dividing by zero is an InvalidNumberError, not a decimal trap."""
        with pytest.raises(InvalidNumberError, match=re.escape(message)):
            usd(1) / divisor

    @pytest.mark.parametrize("factor", [True, "2", usd(2), None, [2]])
    def test_refused_factors(self, factor: object) -> None:
        """Multiplying by a bool, text or Money is a TypeError."""
        with pytest.raises(TypeError):
            usd(1) * factor

    @pytest.mark.parametrize("factor", [float("nan"), float("inf"), Decimal("NaN")])
    def test_non_finite_factor(self, factor: float | Decimal) -> None:
        """A non-finite factor or divisor is an InvalidNumberError."""
        with pytest.raises(InvalidNumberError, match="invalid factor"):
            usd(1) * factor
        with pytest.raises(InvalidNumberError, match="invalid factor"):
            usd(1) / factor

    def test_number_divided_by_money(self) -> None:
        """A number divided by Money is a TypeError."""
        with pytest.raises(TypeError, match="unsupported operand"):
            2 / usd(1)  # type: ignore[operator]


class TestUnary:
    """Negation, abs, + and truth value."""

    def test_negative(self) -> None:
        """-m flips the sign and keeps the currency."""
        assert -usd("1.50") == usd("-1.5")
        negated = -usd("1.5")
        assert -negated == usd("1.5")

    def test_abs(self) -> None:
        """abs() drops the sign."""
        assert abs(usd("-2.5")) == usd("2.5")
        assert abs(usd("2.5")) == usd("2.5")

    def test_positive(self) -> None:
        """+m is m."""
        assert +usd("2.5") == usd("2.5")

    @pytest.mark.parametrize(
        ("amount", "truth"),
        [("0", False), ("0.00", False), ("-0", False), ("0.01", True), ("-1", True)],
    )
    def test_bool(self, amount: str, truth: bool) -> None:
        """Money is false exactly when its amount is zero."""
        assert bool(usd(amount)) is truth


class TestComparison:
    """Ordering within one currency; == across currencies is False."""

    def test_ordering(self) -> None:
        """The amounts decide the order, whatever their exponents."""
        assert usd(1) < usd("1.01")
        assert usd("1.0") <= usd(1)
        assert usd(2) > usd("-3")
        assert usd("1.00") >= usd(1)
        assert not usd(1) < usd("1.00")
        assert sorted([usd(3), usd("-1"), usd("2.5")]) == [
            usd(-1),
            usd("2.5"),
            usd(3),
        ]

    @pytest.mark.parametrize(
        ("op", "symbol"),
        [
            (operator.lt, "<"),
            (operator.le, "<="),
            (operator.gt, ">"),
            (operator.ge, ">="),
        ],
    )
    def test_ordering_mismatch(
        self, op: Callable[[Money, Money], bool], symbol: str
    ) -> None:
        """Ordering across currencies is a CurrencyMismatchError naming the operator."""
        with pytest.raises(
            CurrencyMismatchError,
            match=re.escape(f"cannot apply {symbol!r} to 'KZT' and 'UZS'"),
        ):
            op(Money(1, "KZT"), Money(2, "UZS"))

    def test_equality_across_currencies(self) -> None:
        """Equal amounts in different currencies are simply not equal."""
        assert usd(1) != Money(1, "EUR")
        assert not usd(1) == Money(1, "EUR")  # noqa: SIM201

    @pytest.mark.parametrize("other", [1, Decimal(1), "1 USD", "$1.00", None])
    def test_equality_with_other_types(self, other: object) -> None:
        """Money is never equal to a plain number or text."""
        assert usd(1) != other

    def test_ordering_with_numbers(self) -> None:
        """Ordering Money against a number is a TypeError."""
        with pytest.raises(TypeError):
            usd(1) < 2  # noqa: B015


class TestHash:
    """Equal Money hash alike: 1 USD is 1.00 USD."""

    def test_trailing_zeros(self) -> None:
        """Money('1') and Money('1.00') are equal with equal hashes."""
        assert usd("1") == usd("1.00")
        assert hash(usd("1")) == hash(usd("1.00"))
        assert hash(usd("1E+2")) == hash(usd(100))

    def test_in_sets_and_dicts(self) -> None:
        """Sets and dicts treat equal Money as one key."""
        assert len({usd("1"), usd("1.00"), Money("1.0", "usd")}) == 1
        assert len({usd(1), Money(1, "EUR")}) == 2
        assert {usd("2.50"): "x"}[usd("2.5")] == "x"


class TestRound:
    """round() goes to the ISO 4217 minor unit with any decimal rounding mode."""

    @pytest.mark.parametrize(
        ("amount", "mode", "rounded"),
        [
            ("2.345", decimal.ROUND_HALF_EVEN, "2.34"),
            ("2.345", decimal.ROUND_HALF_UP, "2.35"),
            ("2.345", decimal.ROUND_HALF_DOWN, "2.34"),
            ("2.345", decimal.ROUND_UP, "2.35"),
            ("2.345", decimal.ROUND_DOWN, "2.34"),
            ("2.345", decimal.ROUND_CEILING, "2.35"),
            ("2.345", decimal.ROUND_FLOOR, "2.34"),
            ("2.345", decimal.ROUND_05UP, "2.34"),
            ("-2.345", decimal.ROUND_HALF_EVEN, "-2.34"),
            ("-2.345", decimal.ROUND_HALF_UP, "-2.35"),
            ("-2.345", decimal.ROUND_HALF_DOWN, "-2.34"),
            ("-2.345", decimal.ROUND_UP, "-2.35"),
            ("-2.345", decimal.ROUND_DOWN, "-2.34"),
            ("-2.345", decimal.ROUND_CEILING, "-2.34"),
            ("-2.345", decimal.ROUND_FLOOR, "-2.35"),
            ("-2.345", decimal.ROUND_05UP, "-2.34"),
            ("2.355", decimal.ROUND_HALF_EVEN, "2.36"),
            ("2.355", decimal.ROUND_HALF_DOWN, "2.35"),
            ("2.355", decimal.ROUND_05UP, "2.36"),
            ("2.301", decimal.ROUND_05UP, "2.31"),
            ("2.341", decimal.ROUND_05UP, "2.34"),
            ("2.3451", decimal.ROUND_HALF_DOWN, "2.35"),
            ("0.005", decimal.ROUND_HALF_EVEN, "0.00"),
            ("0.015", decimal.ROUND_HALF_EVEN, "0.02"),
        ],
    )
    def test_modes(self, amount: str, mode: str, rounded: str) -> None:
        """Each mode rounds hand-picked halves and non-halves as decimal defines."""
        result = usd(amount).round(mode)
        assert str(result.amount) == rounded
        assert result.currency == Currency("USD")

    def test_default_half_even(self) -> None:
        """Without a mode, halves go to the even cent."""
        assert str(usd("2.345").round().amount) == "2.34"
        assert str(usd("2.335").round().amount) == "2.34"

    def test_pads_to_minor_unit(self) -> None:
        """A whole amount gains the currency's decimals."""
        assert repr(usd(2).round()) == "Money('2.00', 'USD')"

    @pytest.mark.parametrize(
        ("amount", "code", "mode", "rounded"),
        [
            ("1234.5", "JPY", decimal.ROUND_HALF_EVEN, "1234"),
            ("1235.5", "JPY", decimal.ROUND_HALF_EVEN, "1236"),
            ("1234.5", "JPY", decimal.ROUND_HALF_UP, "1235"),
            ("1.2345", "KWD", decimal.ROUND_HALF_EVEN, "1.234"),
            ("1.2355", "KWD", decimal.ROUND_HALF_EVEN, "1.236"),
            ("1.2345", "KWD", decimal.ROUND_HALF_UP, "1.235"),
            ("7", "BHD", decimal.ROUND_HALF_EVEN, "7.000"),
            ("1.23456", "CLF", decimal.ROUND_DOWN, "1.2345"),
            ("1500.5", "COP", decimal.ROUND_HALF_EVEN, "1500.50"),
        ],
    )
    def test_other_minor_units(
        self, amount: str, code: str, mode: str, rounded: str
    ) -> None:
        """Yen round to units, dinars to thousandths, pesos to cents."""
        assert str(Money(amount, code).round(mode).amount) == rounded

    def test_no_minor_unit(self) -> None:
        """Gold has no minor unit: round() leaves it as it is."""
        gold = Money("1.23456", "XAU")
        assert str(gold.round().amount) == "1.23456"
        assert str(gold.round(decimal.ROUND_UP).amount) == "1.23456"

    @pytest.mark.parametrize("mode", ["ROUND_SOMETIMES", "half-even", ""])
    def test_unknown_mode(self, mode: str) -> None:
        """An unknown mode is an InvalidOptionError listing the real ones."""
        with pytest.raises(
            InvalidOptionError,
            match=re.escape(f"unknown rounding mode {mode!r}: expected one of ")
            + ".*'ROUND_HALF_EVEN'",
        ):
            usd("1.005").round(mode)


class TestAllocate:
    """allocate() splits into minor units that add up exactly."""

    def test_thirds(self) -> None:
        """100 / 3: the spare cent goes to the earliest share."""
        assert usd(100).allocate([1, 1, 1]) == (
            usd("33.34"),
            usd("33.33"),
            usd("33.33"),
        )

    def test_ratios(self) -> None:
        """85:15 of $156M is exact, in cents."""
        parts = usd(156_000_000).allocate([85, 15])
        assert [str(p.amount) for p in parts] == ["132600000.00", "23400000.00"]

    def test_zero_ratio(self) -> None:
        """A zero ratio gets nothing."""
        parts = usd(10).allocate([0, 1])
        assert [str(p.amount) for p in parts] == ["0.00", "10.00"]

    def test_largest_remainder(self) -> None:
        """The spare cent goes to the largest remainder, even a later one."""
        # 100 cents as 3:2:1 -> 50, 33.33…, 16.66…: the last remainder is largest.
        assert usd(1).allocate([3, 2, 1]) == (usd("0.50"), usd("0.33"), usd("0.17"))
        assert usd(1).allocate([1, 2, 3]) == (usd("0.17"), usd("0.33"), usd("0.50"))

    def test_ties_to_earlier(self) -> None:
        """Equal remainders: the earlier share gets the unit."""
        assert usd("0.05").allocate([1, 1]) == (usd("0.03"), usd("0.02"))
        assert usd("0.05").allocate([2, 1, 1]) == (
            usd("0.03"),
            usd("0.01"),
            usd("0.01"),
        )

    def test_negative_amount(self) -> None:
        """A negative amount splits like the positive one, signs flipped."""
        assert usd(-100).allocate([1, 1, 1]) == (
            usd("-33.34"),
            usd("-33.33"),
            usd("-33.33"),
        )

    def test_zero_amount(self) -> None:
        """Zero splits into zeros in minor units."""
        parts = usd(0).allocate([1, 2])
        assert [str(p.amount) for p in parts] == ["0.00", "0.00"]

    def test_rounds_first(self) -> None:
        """The amount is rounded half-even to cents before it is split."""
        assert usd("10.005").allocate([1, 1]) == (usd("5.00"), usd("5.00"))
        assert usd("10.015").allocate([1, 1]) == (usd("5.01"), usd("5.01"))

    def test_decimal_and_float_ratios(self) -> None:
        """Ratios may be Decimals or floats (by shortest repr)."""
        assert usd(1).allocate([Decimal("0.5"), Decimal("0.25"), Decimal("0.25")]) == (
            usd("0.50"),
            usd("0.25"),
            usd("0.25"),
        )
        assert usd(1).allocate([0.1, 0.2]) == (usd("0.33"), usd("0.67"))

    def test_other_minor_units(self) -> None:
        """Yen split into whole yen, dinars into fils."""
        parts = Money(100, "JPY").allocate([1, 1, 1])
        assert [str(p.amount) for p in parts] == ["34", "33", "33"]
        parts = Money(1, "KWD").allocate([1, 1, 1])
        assert [str(p.amount) for p in parts] == ["0.334", "0.333", "0.333"]

    def test_no_minor_unit_sums_to_round(self) -> None:
        """Gold has no minor unit: the parts still add up to m.round()."""
        gold = Money("1.5", "XAU")
        parts = gold.allocate([1, 1])
        assert sum(parts) == gold.round()

    def test_generator_of_ratios(self) -> None:
        """Ratios given as a generator are checked like a list."""
        assert usd(100).allocate(r for r in [1, 1, 1]) == (
            usd("33.34"),
            usd("33.33"),
            usd("33.33"),
        )
        with pytest.raises(InvalidNumberError, match="invalid ratio -1"):
            usd(1).allocate(r for r in [1, -1, 2])

    @pytest.mark.parametrize(
        ("ratios", "message"),
        [
            ([], "invalid ratios []: expected at least one ratio"),
            ([1, -1], "invalid ratio -1: expected a non-negative number"),
            (
                [Decimal("-0.5"), 2],
                "invalid ratio Decimal('-0.5'): expected a non-negative number",
            ),
            ([0, 0], "invalid ratios [0, 0]: expected at least one positive ratio"),
            (["a"], "invalid ratio 'a': expected a decimal number"),
            ([float("nan")], "invalid ratio nan: expected a finite number"),
        ],
    )
    def test_bad_ratios(self, ratios: list[object], message: str) -> None:
        """Empty, negative, all-zero or non-numeric ratios are refused."""
        with pytest.raises(InvalidNumberError, match=re.escape(message)):
            usd(1).allocate(ratios)  # type: ignore[arg-type]

    def test_bool_ratio(self) -> None:
        """A bool is not a ratio."""
        with pytest.raises(NumberTypeError, match="invalid ratio True"):
            usd(1).allocate([True, 1])


class TestSplit:
    """split(n) is allocate([1] * n)."""

    def test_split(self) -> None:
        """10 EUR in three: 3.34, 3.33, 3.33."""
        assert Money(10, "EUR").split(3) == (
            Money("3.34", "EUR"),
            Money("3.33", "EUR"),
            Money("3.33", "EUR"),
        )

    def test_split_one(self) -> None:
        """One part is the rounded amount."""
        assert usd("2.345").split(1) == (usd("2.34"),)

    @pytest.mark.parametrize("n", [0, -1, True, 2.0, "2", Decimal(2)])
    def test_bad_n(self, n: object) -> None:
        """n must be a positive int (not a bool, float or text)."""
        message = f"invalid number of parts {n!r}: expected a positive int"
        with pytest.raises(InvalidNumberError, match=re.escape(message)):
            usd(1).split(n)  # type: ignore[arg-type]


class TestFormat:
    """format() follows CLDR's patterns, separators and symbols (via babel)."""

    @pytest.mark.parametrize(
        ("amount", "code", "locale", "text"),
        [
            ("156000000", "USD", "en", "$156,000,000.00"),
            ("1234.5", "EUR", "en", "€1,234.50"),
            ("-1234.5", "USD", "en", "-$1,234.50"),
            ("0.125", "USD", "en", "$0.12"),
            ("1234", "JPY", "en", "¥1,234"),
            ("1000", "KZT", "en", "KZT1,000.00"),
            ("156000000", "USD", "ru", "156\xa0000\xa0000,00\xa0$"),
            ("1234.5", "RUB", "ru", "1\xa0234,50\xa0₽"),
            ("-1234.5", "USD", "ru", "-1\xa0234,50\xa0$"),
            ("2500000000", "KZT", "kk", "2\xa0500\xa0000\xa0000,00\xa0₸"),
            ("156000000", "USD", "kk", "156\xa0000\xa0000,00\xa0$"),
            ("156000000", "UZS", "uz", "156\xa0000\xa0000,00\xa0so\u02bbm"),
            ("156000000", "USD", "uz", "156\xa0000\xa0000,00\xa0US$"),
            ("1234.5", "EUR", "fr", "1\u202f234,50\xa0€"),
        ],
    )
    def test_full(self, amount: str, code: str, locale: str, text: str) -> None:
        """The amount shows rounded to the currency's minor unit."""
        assert Money(amount, code).format(locale) == text

    @pytest.mark.parametrize(
        ("amount", "code", "locale", "text"),
        [
            ("156000000", "USD", "en", "$156M"),
            ("1550000000", "USD", "en", "$1.55B"),
            ("1500", "USD", "en", "$1.5K"),
            ("-156000000", "USD", "en", "-$156M"),
            ("156000000", "USD", "ru", "156\xa0млн\xa0$"),
            ("2500000000", "KZT", "ru", "2,5\xa0млрд\xa0KZT"),
            ("12345", "USD", "ru", "12,34\xa0тыс.\xa0$"),
            ("1550000000", "USD", "kk", "1,55\xa0млрд\xa0$"),
            ("2500000000", "KZT", "kk", "2,5\xa0млрд\xa0₸"),
            ("156000000", "UZS", "uz", "156\xa0mln\xa0so\u02bbm"),
            ("1000000000", "USD", "uz", "1\xa0mlrd\xa0US$"),
        ],
    )
    def test_compact(self, amount: str, code: str, locale: str, text: str) -> None:
        """The compact form scales and keeps up to two decimals."""
        assert Money(amount, code).format(locale, compact=True) == text

    def test_compact_small_amount(self) -> None:
        """Below a thousand there is no scale, and still at most two decimals."""
        assert usd("12.345").format(compact=True) == "$12.34"

    def test_compact_rounding(self) -> None:
        """The compact form rounds half-even unless told otherwise."""
        assert usd(1_555_000_000).format(compact=True) == "$1.56B"
        assert usd(1_565_000_000).format(compact=True) == "$1.56B"
        assert (
            usd(1_565_000_000).format(compact=True, rounding=decimal.ROUND_HALF_UP)
            == "$1.57B"
        )
        assert (
            usd(1_555_000_000).format(compact=True, rounding=decimal.ROUND_DOWN)
            == "$1.55B"
        )

    def test_str_is_format(self) -> None:
        """str() is the English full form."""
        assert str(usd("1234.5")) == "$1,234.50"
        assert f"{usd('1234.5')}" == "$1,234.50"

    def test_format_spec(self) -> None:
        """A format spec formats the amount and appends the code."""
        assert f"{usd('1234.5'):,.2f}" == "1,234.50 USD"
        assert f"{Money('7', 'KZT'):.1f}" == "7.0 KZT"

    def test_html(self) -> None:
        """The notebook form wraps the English text in a span."""
        assert usd(5)._repr_html_() == '<span class="bilat-money">$5.00</span>'

    def test_unknown_locale(self) -> None:
        """An unknown locale is an UnknownLocaleError."""
        with pytest.raises(UnknownLocaleError, match="'xx'"):
            usd(1).format("xx")


def _shown_number(text: str) -> Decimal:
    """The number in an English money text: "-$1,234.50" → Decimal("-1234.50")."""
    return Decimal("".join(c for c in text if c.isdigit() or c in ".-"))


class TestDisplayRounds:
    """str() and format() round to the minor unit for people; the value stays exact."""

    def test_third_of_a_dollar(self) -> None:
        """A third of a dollar prints as $0.33, not sixty threes."""
        third = usd(1) / 3
        assert str(third) == "$0.33"
        assert f"{third}" == "$0.33"
        assert third.format("ru") == "0,33\xa0$"

    def test_value_and_repr_stay_exact(self) -> None:
        """Printing rounds nothing in the value, and repr shows every digit."""
        third = usd(1) / 3
        assert str(third) == "$0.33"
        assert third.amount == Decimal("0." + "3" * 60)  # quotients keep 60 digits
        assert repr(third) == "Money('0." + "3" * 60 + "', 'USD')"

    @pytest.mark.parametrize(
        ("amount", "code", "text"),
        [
            ("0.125", "USD", "$0.12"),  # half-even: 2 is even
            ("0.135", "USD", "$0.14"),  # half-even: 3 is odd
            ("2.5", "JPY", "¥2"),
            ("3.5", "JPY", "¥4"),
            ("1.2345", "KWD", "KWD1.234"),
            ("1.5", "KWD", "KWD1.500"),
            ("-0.004", "USD", "$0.00"),  # no minus on a zero
            ("1.23456", "CLF", "CLF1.2346"),
        ],
    )
    def test_half_even_to_minor_unit(self, amount: str, code: str, text: str) -> None:
        """The full form shows exactly the ISO 4217 minor unit, rounded half-even."""
        assert Money(amount, code).format() == text

    def test_converted_total_in_en_in(self) -> None:
        """A long total in the Indian locale shows lakh and crore groups and paise."""
        total = Money("2097753573.59768551234567", "INR")
        assert total.format("en_IN") == "₹2,09,77,53,573.60"

    def test_without_minor_unit(self) -> None:
        """Gold has no ISO minor unit: it shows CLDR's usual two decimals."""
        assert Currency("XAU").digits is None
        assert str(Money(1, "XAU") / 3) == "XAU0.33"

    def test_rounding_mode(self) -> None:
        """rounding= applies to the full form too."""
        assert usd("0.125").format(rounding=decimal.ROUND_HALF_UP) == "$0.13"
        assert usd("0.129").format(rounding=decimal.ROUND_DOWN) == "$0.12"

    def test_exact(self) -> None:
        """exact=True shows every digit, in full even when compact is asked."""
        third = usd(1) / 3
        assert third.format(exact=True) == "$0." + "3" * 60
        assert usd("0.125").format(exact=True) == "$0.125"
        assert usd(1_550_000_000).format(compact=True, exact=True) == (
            "$1,550,000,000.00"
        )
        assert usd(5).format(exact=True) == "$5.00"  # CLDR's usual decimals

    @pytest.mark.parametrize("exact", [None, 1, "yes", numpy.bool_(True)])
    def test_exact_is_a_flag(self, exact: object) -> None:
        """exact= is True or False, nothing else."""
        with pytest.raises(InvalidOptionError, match="unknown exact"):
            usd(1).format(exact=exact)  # type: ignore[arg-type]

    @given(st.sampled_from(BAG_CODES).flatmap(wide_moneys))
    def test_shown_is_round(self, m: Money) -> None:
        """The number shown is Money.round() of the amount, with the minor unit's digits."""
        shown = str(m)
        assert _shown_number(shown) == m.round().amount
        assert len(shown.partition(".")[2]) == m.currency.digits
        assert _shown_number(m.format(exact=True)) == m.amount


class TestRepr:
    """repr shows the exact amount as text and the code, and reads back."""

    @pytest.mark.parametrize(
        ("money", "text"),
        [
            (Money("156_000_000", "usd"), "Money('156000000', 'USD')"),
            (Money(0.1, "EUR"), "Money('0.1', 'EUR')"),
            (Money(Decimal("1.50"), "KZT"), "Money('1.50', 'KZT')"),
            (Money(1e-7, "USD"), "Money('1E-7', 'USD')"),
            (Money(-5, "JPY"), "Money('-5', 'JPY')"),
        ],
    )
    def test_repr(self, money: Money, text: str) -> None:
        """The repr is Money('<amount>', '<code>')."""
        assert repr(money) == text

    def test_eval_keeps_exponent(self) -> None:
        """eval(repr()) gives back the same digits, trailing zeros included."""
        m = Money("1.50", "KZT")
        again = eval(repr(m), NAMESPACE)
        assert again == m
        assert str(again.amount) == "1.50"


class TestCallerContext:
    """Results do not depend on the caller's decimal context."""

    def test_sums(self, caller_context: decimal.Context) -> None:
        """Big sums stay exact under a six-digit, round-down context."""
        assert caller_context.prec == 6
        total = usd("123456789.123456789") + usd("987654321.987654321")
        assert str(total.amount) == "1111111111.111111110"
        assert sum([usd("1234567.891")] * 3) == usd("3703703.673")
        assert usd("1234567.891") - usd("0.001") == usd("1234567.890")

    def test_products(self, caller_context: decimal.Context) -> None:
        """Products and quotients stay exact."""
        assert caller_context.prec == 6
        assert usd("1234567.891") * 3 == usd("3703703.673")
        assert usd("1234567.891") / usd("0.001") == Decimal(1234567891)
        assert (usd(1_000_000_000) / 3).round() == usd("333333333.33")

    def test_negation(self, caller_context: decimal.Context) -> None:
        """Negation and abs keep every digit."""
        assert caller_context.prec == 6
        assert -usd("1234567.89") == usd("-1234567.89")
        assert abs(usd("-1234567.89")) == usd("1234567.89")

    def test_round(self, caller_context: decimal.Context) -> None:
        """round() uses its own rounding, not the caller's."""
        assert caller_context.rounding == decimal.ROUND_DOWN
        assert usd("123456789.555").round() == usd("123456789.56")
        assert usd("2.355").round() == usd("2.36")

    def test_allocate(self, caller_context: decimal.Context) -> None:
        """Allocation of big amounts is exact."""
        assert caller_context.prec == 6
        assert usd(1_000_000).split(3) == (
            usd("333333.34"),
            usd("333333.33"),
            usd("333333.33"),
        )
        assert usd("123456789.01").allocate([1, 2]) == (
            usd("41152263.00"),
            usd("82304526.01"),
        )

    def test_format(self, caller_context: decimal.Context) -> None:
        """Formatting neither truncates digits nor rounds in the caller's context."""
        assert caller_context.prec == 6
        assert usd("123456789.555").format() == "$123,456,789.56"
        assert usd("123456789.555").format(exact=True) == "$123,456,789.555"
        assert usd("123456789.5").format("ru") == "123\xa0456\xa0789,50\xa0$"
        assert usd(1_555_000_000).format(compact=True) == "$1.56B"

    def test_format_spec(self, caller_context: decimal.Context) -> None:
        """A format spec rounds half to even, not with the caller's rounding."""
        assert caller_context.rounding == decimal.ROUND_DOWN
        assert f"{usd('2.355'):.2f}" == "2.36 USD"
        assert f"{usd('0.05'):.1f}" == "0.0 USD"
        assert f"{usd('1234567.5'):,.0f}" == "1,234,568 USD"

    @given(same_currency_pair(), st.integers(1, 1000))
    def test_same_inside_and_outside(self, pair: tuple[Money, Money], n: int) -> None:
        """Every operation gives the same result under a hostile context."""
        a, b = pair

        def results() -> tuple[object, ...]:
            return (
                a + b,
                a - b,
                -a,
                abs(a),
                a * n,
                a / n,
                a.round(),
                a.round(decimal.ROUND_HALF_UP),
                a.allocate([n, 1]),
                a.split(3),
            )

        outside = results()
        with decimal.localcontext() as ctx:
            ctx.prec = 6
            ctx.rounding = decimal.ROUND_DOWN
            inside = results()
        assert inside == outside


class TestLaws:
    """Algebraic laws of Money within one currency (property tests)."""

    @given(same_currency_pair())
    def test_commutative(self, pair: tuple[Money, Money]) -> None:
        """a + b == b + a."""
        a, b = pair
        assert a + b == b + a

    @given(same_currency_triple())
    def test_associative(self, triple: tuple[Money, Money, Money]) -> None:
        """(a + b) + c == a + (b + c)."""
        a, b, c = triple
        assert (a + b) + c == a + (b + c)

    @given(moneys())
    def test_zero_identity(self, m: Money) -> None:
        """Adding zero (Money or the int 0) changes nothing."""
        zero = Money(0, m.currency)
        assert m + zero == m
        assert zero + m == m
        assert 0 + m == m
        assert m - zero == m

    @given(same_currency_pair())
    def test_subtract_then_add(self, pair: tuple[Money, Money]) -> None:
        """a - b + b == a."""
        a, b = pair
        assert a - b + b == a

    @given(moneys(), st.integers(-1000, 1000).filter(bool))
    def test_multiply_then_divide(self, m: Money, n: int) -> None:
        """(m * n) / n == m for a non-zero int n."""
        assert (m * n) / n == m

    @given(moneys(), st.lists(st.integers(0, 100), min_size=1, max_size=10))
    def test_allocate_sums_to_round(self, m: Money, ratios: list[int]) -> None:
        """The parts of an allocation add up exactly to m.round()."""
        assume(any(ratios))
        parts = m.allocate(ratios)
        assert len(parts) == len(ratios)
        assert sum(parts) == m.round()
        assert all(p.currency == m.currency for p in parts)
        digits = m.currency.digits
        if digits is not None:
            assert all(p.amount.as_tuple().exponent == -digits for p in parts)

    @given(moneys(), st.integers(1, 20))
    def test_split_even(self, m: Money, n: int) -> None:
        """Equal ratios give parts within one minor unit, larger ones first."""
        parts = m.split(n)
        assert sum(parts) == m.round()
        sizes = [abs(p.amount) for p in parts]
        assert sizes == sorted(sizes, reverse=True)
        unit = Decimal(1).scaleb(-(m.currency.digits or 0))
        assert sizes[0] - sizes[-1] <= unit

    @given(moneys())
    def test_repr_round_trip(self, m: Money) -> None:
        """eval(repr(m)) == m, with the same repr."""
        again = eval(repr(m), NAMESPACE)
        assert again == m
        assert repr(again) == repr(m)

    @given(same_currency_pair())
    def test_ordering_follows_amounts(self, pair: tuple[Money, Money]) -> None:
        """Comparisons of Money agree with comparisons of their amounts."""
        a, b = pair
        assert (a < b) == (a.amount < b.amount)
        assert (a <= b) == (a.amount <= b.amount)
        assert (a > b) == (a.amount > b.amount)
        assert (a >= b) == (a.amount >= b.amount)
        assert (a == b) == (a.amount == b.amount)

    @given(moneys(), st.integers(0, 8))
    def test_hash_ignores_exponent(self, m: Money, extra: int) -> None:
        """Padding the amount with zeros keeps it equal, with the same hash."""
        wide = decimal.Context(prec=100)
        raw = m.amount.as_tuple().exponent
        assert isinstance(raw, int)
        exponent = min(raw, 0)
        padded = m.amount.quantize(Decimal(1).scaleb(exponent - extra), context=wide)
        twin = Money(padded, m.currency)
        assert twin == m
        assert hash(twin) == hash(m)

    @given(
        st.sampled_from(BAG_CODES).flatmap(
            lambda code: st.lists(moneys(code), max_size=10)
        )
    )
    def test_sum_matches_bag(self, items: list[Money]) -> None:
        """sum() of Money in one currency equals the MoneyBag total."""
        assume(items)
        cur = items[0].currency
        assert sum(items) == MoneyBag(*items)[cur]


class TestErrorsAreBilatErrors:
    """Every error Money raises on purpose is a BilatError."""

    @pytest.mark.parametrize(
        "make",
        [
            lambda: Money(True, "USD"),
            lambda: Money("x", "USD"),
            lambda: Money(1, "XYZ"),
            lambda: usd(1) + Money(1, "EUR"),
            lambda: usd(1) / 0,
            lambda: usd(1).round("x"),
            lambda: usd(1).split(0),
        ],
    )
    def test_bilat_error(self, make: Callable[[], object]) -> None:
        """The error caught is a BilatError."""
        with pytest.raises(BilatError):
            make()


class TestDivisionByZero:
    """Every division by zero is a DivisionByZeroError, also a ZeroDivisionError."""

    @pytest.mark.parametrize(
        "divisor",
        [0, Decimal(0), Decimal("-0.00"), 0.0, -0.0, usd(0), Money("-0.0", "USD")],
    )
    def test_money_by_zero(self, divisor: Any) -> None:
        """Money / 0 and Money / Money(0) raise the builtin's subclass too."""
        with pytest.raises(DivisionByZeroError) as caught:
            usd(1) / divisor
        assert isinstance(caught.value, ZeroDivisionError)
        assert isinstance(caught.value, InvalidNumberError)
        assert "invalid divisor" in str(caught.value)

    def test_numpy_zero(self) -> None:
        """A numpy zero is a zero too."""
        with pytest.raises(ZeroDivisionError, match="invalid divisor"):
            usd(1) / numpy.int64(0)  # type: ignore[operator]  # typed for int only

    def test_decimal_helper(self) -> None:
        """A zero divisor in bilat's quotient context gives DivisionByZeroError."""
        try:
            QUOTIENTS.divide(Decimal(1), Decimal(0))
        except decimal.DivisionByZero as e:
            error = arithmetic_error(e, (1, 0), "quotient")
        assert isinstance(error, DivisionByZeroError)
        assert str(error) == "invalid quotient (1, 0): expected a non-zero divisor"


class TestAllocateArguments:
    """allocate() takes an ordered sequence of numbers, nothing else."""

    @pytest.mark.parametrize(
        ("ratios", "kind"),
        [
            ("85", "str"),
            (b"85", "bytes"),
            (bytearray(b"85"), "bytearray"),
            ({"a": 85, "b": 15}, "dict"),
            ({85, 15}, "set"),
            (frozenset({85, 15}), "frozenset"),
        ],
    )
    def test_not_a_sequence_of_ratios(self, ratios: object, kind: str) -> None:
        """A string is not a sequence of ratios (nor bytes, a mapping or a set)."""
        with pytest.raises(NumberTypeError, match=f"not a {kind}"):
            usd(100).allocate(ratios)  # type: ignore[arg-type]

    @pytest.mark.parametrize("ratios", [None, 85, Decimal(85), 1.5, Hostile()])
    def test_not_iterable(self, ratios: object) -> None:
        """None, a single number, or an object whose iteration fails is refused."""
        with pytest.raises(NumberTypeError, match="invalid ratios"):
            usd(100).allocate(ratios)  # type: ignore[arg-type]

    def test_generator_of_non_numbers(self) -> None:
        """A generator's items must be numbers."""
        with pytest.raises(NumberTypeError, match="invalid ratio None"):
            usd(100).allocate(x for x in [1, None])  # type: ignore[misc]

    def test_generator_of_numbers(self) -> None:
        """A generator of numbers is a sequence of ratios."""
        assert usd(100).allocate(n for n in (85, 15)) == (usd(85), usd(15))

    @pytest.mark.parametrize("ratio", [True, float("nan"), Decimal("sNaN"), "x", None])
    def test_bad_ratio(self, ratio: object) -> None:
        """A bool, NaN or text that is not a number is not a ratio."""
        with pytest.raises(InvalidNumberError, match="invalid ratio"):
            usd(100).allocate([1, ratio])  # type: ignore[list-item]

    def test_huge_ratio(self) -> None:
        """A ratio of 5,000 digits is a PrecisionError whose message is short."""
        with pytest.raises(PrecisionError, match="an int of 5,001 digits"):
            usd(100).allocate([1, 10**5000])

    @given(
        st.lists(
            st.decimals(0, 10**6, places=3) | st.integers(0, 10**6),
            min_size=1,
            max_size=12,
        ).filter(any),
        moneys(),
    )
    def test_mixed_ratios_sum(self, ratios: list[Decimal | int], m: Money) -> None:
        """Parts of any ratios (ints and decimals mixed) add up to m.round()."""
        parts = m.allocate(ratios)
        assert len(parts) == len(ratios)
        assert sum(parts, Money(0, m.currency)) == m.round()

    @given(st.lists(st.integers(0, 1000), min_size=1, max_size=8).filter(any))
    def test_largest_remainder_by_hand(self, ratios: list[int]) -> None:
        """Each part is its exact share, floored, plus at most one cent."""
        parts = usd(100).allocate(ratios)
        total = sum(ratios)
        for part, ratio in zip(parts, ratios, strict=True):
            exact = Fraction(10000 * ratio, total)  # in cents
            cents = int(part.amount * 100)
            assert int(exact) <= cents <= int(exact) + 1


class TestPartsLimit:
    """split() and allocate() make at most MAX_PARTS (1,000,000) parts."""

    @pytest.mark.parametrize(
        "n",
        [MAX_PARTS + 1, 10**9, 10**20, 10**5000],
        ids=["limit+1", "1e9", "1e20", "1e5000"],
    )
    def test_split_refused(self, n: int) -> None:
        """Too many parts are refused at once, with the limit in the message."""
        with pytest.raises(InvalidNumberError, match="at most 1,000,000"):
            usd(1).split(n)

    def test_endless_ratios(self) -> None:
        """An endless iterator of ratios is refused after MAX_PARTS + 1 items."""
        with pytest.raises(InvalidNumberError, match="at most 1,000,000 ratios"):
            usd(1).allocate(itertools.repeat(1))

    def test_limit_itself(self) -> None:
        """MAX_PARTS parts are made, and add up."""
        parts = Money("10000.07", "USD").split(MAX_PARTS)
        assert len(parts) == MAX_PARTS
        assert parts[:7] == (usd("0.02"),) * 7
        assert parts[7] == usd("0.01")
        assert sum(parts) == Money("10000.07", "USD")

    def test_numpy_count(self) -> None:
        """A numpy int is a number of parts."""
        assert usd(10).split(numpy.int64(2)) == (usd(5), usd(5))


class TestHugeValues:
    """Ints of thousands of digits give short, working messages."""

    def test_amount(self) -> None:
        """Money(10**5000) is a PrecisionError naming the int briefly."""
        with pytest.raises(
            PrecisionError, match=r"an int of 5,001 digits \(1000000000"
        ):
            Money(10**5000, "USD")

    def test_currency(self) -> None:
        """Currency(10**5000) is an UnknownCurrencyError."""
        with pytest.raises(UnknownCurrencyError, match="an int of 5,001 digits"):
            Currency(10**5000)  # type: ignore[arg-type]

    @pytest.mark.parametrize("op", [operator.mul, operator.truediv])
    def test_factor(self, op: Callable[[Money, int], Money]) -> None:
        """Multiplying or dividing by 10**5000 is a PrecisionError."""
        with pytest.raises(PrecisionError, match="invalid factor an int of 5,001"):
            op(usd(1), 10**5000)

    def test_negative(self) -> None:
        """A negative huge int keeps its sign in the message."""
        with pytest.raises(PrecisionError, match=r"\(-1000000000"):
            Money(-(10**5000), "USD")


class TestHostileArguments:
    """Odd arguments to Money's methods raise BilatErrors, never anything else."""

    @pytest.mark.parametrize(
        "mode", [[], None, 1, Hostile(), HostileStr("ROUND_SOMETIMES")]
    )
    def test_rounding(self, mode: object) -> None:
        """A rounding mode that is not one of decimal's names is an InvalidOptionError."""
        with pytest.raises(InvalidOptionError, match="unknown rounding mode"):
            usd(1).round(mode)  # type: ignore[arg-type]
        with pytest.raises(InvalidOptionError, match="unknown rounding mode"):
            usd(1).format(compact=True, rounding=mode)  # type: ignore[arg-type]

    def test_rounding_str_subclass(self) -> None:
        """A str subclass naming a mode is that mode, whatever its own __hash__."""

        class Mode(str):
            __slots__ = ()

            def __hash__(self) -> int:
                raise RuntimeError

        assert usd("2.345").round(Mode("ROUND_UP")) == usd("2.35")

    @pytest.mark.parametrize("compact", [None, 1, 0, "yes", numpy.bool_(True)])
    def test_compact(self, compact: object) -> None:
        """compact= is True or False, nothing else."""
        with pytest.raises(InvalidOptionError, match="unknown compact"):
            usd(1).format(compact=compact)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        "locale", [None, [], 5, b"en", Hostile(), HostileStr("xx_YY")]
    )
    def test_locale(self, locale: object) -> None:
        """A locale that is not a CLDR identifier is an UnknownLocaleError."""
        with pytest.raises(UnknownLocaleError):
            usd(1).format(locale)  # type: ignore[arg-type]

    @pytest.mark.parametrize("currency", [None, b"USD", ["USD"], Hostile(), 840])
    def test_currency(self, currency: object) -> None:
        """A currency that is not a code is an UnknownCurrencyError."""
        with pytest.raises(UnknownCurrencyError):
            Money(1, currency)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        "amount",
        [None, Hostile(), pandas.NA, pandas.NaT, numpy.float32(0.5), numpy.bool_(1)],
    )
    def test_amount(self, amount: object) -> None:
        """Values that are not numbers are NumberTypeErrors."""
        with pytest.raises(NumberTypeError):
            Money(amount, "USD")  # type: ignore[arg-type]

    @pytest.mark.parametrize("factor", [None, "2", b"2", [2], (2,)])
    def test_sequence_factor(self, factor: object) -> None:
        """Multiplying by text or a sequence is a NumberTypeError, either way round."""
        with pytest.raises(NumberTypeError, match="invalid factor"):
            usd(1) * factor
        with pytest.raises(NumberTypeError, match="invalid factor"):
            factor * usd(1)

    @pytest.mark.parametrize("spec", ["x", "d", ",.2fz", ".2q"])
    def test_format_spec(self, spec: str) -> None:
        """An unknown format spec is a ValidationError that shows which specs work."""
        with pytest.raises(
            ValidationError, match=r"invalid format spec .* such as ',\.2f'"
        ):
            format(usd(1), spec)

    def test_format_spec_type(self) -> None:
        """A spec that is not a str is refused the same way."""
        with pytest.raises(ValidationError, match="invalid format spec 5"):
            usd(1).__format__(5)  # type: ignore[arg-type]

    def test_format_spec_works(self) -> None:
        """A Decimal format spec formats the amount, then the code."""
        assert format(Money("1234.5", "USD"), ",.2f") == "1,234.50 USD"


class TestNumpyScalars:
    """numpy integers and float64 are numbers; float32 and bool_ are not."""

    def test_integers(self) -> None:
        """numpy.int64(5) is the int 5 as an amount and as a factor."""
        assert Money(numpy.int64(5), "USD") == usd(5)
        assert Money(numpy.uint8(5), "USD") == usd(5)
        assert usd(2) * numpy.int64(3) == usd(6)
        assert usd(6) / numpy.int32(3) == usd(2)  # type: ignore[operator]

    def test_float64(self) -> None:
        """numpy.float64 is a float: read through its shortest repr."""
        assert Money(numpy.float64(0.1), "USD") == Money("0.1", "USD")

    def test_float32_refused(self) -> None:
        """numpy.float32 is refused: its value is not the decimal it prints as."""
        with pytest.raises(NumberTypeError, match="float32"):
            Money(numpy.float32(0.1), "USD")  # type: ignore[arg-type]


class TestNoNegativeZero:
    """A zero, or an amount that rounds to zero, never shows or keeps a minus sign."""

    @pytest.mark.parametrize(
        ("amount", "mode"),
        [
            ("-0.004", decimal.ROUND_HALF_EVEN),
            ("-0.001", decimal.ROUND_DOWN),
            ("-0.0", decimal.ROUND_HALF_EVEN),
            ("-0.005", decimal.ROUND_HALF_DOWN),
        ],
    )
    def test_round(self, amount: str, mode: str) -> None:
        """round() of a small negative amount is Money('0.00'), a positive zero."""
        rounded = usd(amount).round(mode)
        assert repr(rounded) == "Money('0.00', 'USD')"
        assert not rounded.amount.is_signed()

    @pytest.mark.parametrize("amount", ["-0.004", "-0.0", "-0"])
    def test_display(self, amount: str) -> None:
        """Neither the full, compact, Russian nor format-spec form shows "-0"."""
        m = usd(amount)
        shown = [
            m.round().format(),
            m.format(compact=True),
            m.round().format("ru"),
            m.format("ru", compact=True),
            format(m.round(), ".2f"),
        ]
        assert not any(text.startswith("-") for text in shown), shown

    def test_negative_float_zero(self) -> None:
        """Money(-0.0) shows as $0.00."""
        assert Money(-0.0, "USD").format() == "$0.00"

    @given(moneys())
    def test_round_never_negative_zero(self, m: Money) -> None:
        """No rounded amount is a negative zero."""
        rounded = m.round().amount
        assert not (rounded.is_zero() and rounded.is_signed())


class TestCompactBeyondUnits:
    """Beyond CLDR's largest compact unit the compact form turns scientific."""

    @pytest.mark.parametrize(
        ("amount", "locale", "text"),
        [
            ("9.999e99", "en", "$1E100"),
            ("9.999e99", "ru", "1E100\xa0$"),
            ("1.234e15", "en", "$1.23E15"),
            ("1.234e15", "ru", "1,23E15\xa0$"),
            ("-5e40", "en", "-$5E40"),
            ("-5e40", "ru", "-5E40\xa0$"),
            ("999e12", "en", "$999T"),
            ("999e12", "ru", "999\xa0трлн\xa0$"),
        ],
    )
    def test_forms(self, amount: str, locale: str, text: str) -> None:
        """Up to 999 trillion CLDR's units; beyond, two decimals and a power of ten."""
        assert usd(amount).format(locale, compact=True) == text

    @given(st.integers(15, 99), st.integers(1, 999), st.sampled_from(["en", "ru"]))
    def test_short(self, exponent: int, digits: int, locale: str) -> None:
        """However large the amount, the compact form stays short."""
        m = Money(Decimal(digits).scaleb(exponent - 2), "USD")
        text = m.format(locale, compact=True)
        assert len(text) <= 14, text
        assert "E" in text or m.amount < Decimal("1E15")


class TestStrSubclasses:
    """A str subclass is read as the text it holds, whatever its own methods do."""

    def test_currency_code(self) -> None:
        """A code in a hostile str subclass is that currency."""
        assert Money(1, HostileStr("usd")) == usd(1)
        assert Currency(HostileStr("kzt")) == Currency("KZT")

    def test_amount_text(self) -> None:
        """An amount in a hostile str subclass is that number."""
        assert Money(HostileStr("1.50"), "USD") == usd("1.50")

    def test_locale(self) -> None:
        """A locale in a hostile str subclass is that locale."""
        assert usd(1).format(HostileStr("ru")) == "1,00\xa0$"


class TestNumberGrammar:
    """One grammar of decimal text: amounts, bare numbers in files and the schema agree."""

    @given(st.text(alphabet="0123456789_.eE+-", max_size=12))
    def test_same_as_python(self, text: str) -> None:
        """FINITE_NUMBER takes exactly the text float() reads (PEP 515 underscores)."""
        try:
            float(text)  # stricter than Decimal(), which also takes "0_"
        except ValueError:
            python_reads = False
        else:
            python_reads = True
        assert (re.fullmatch(FINITE_NUMBER, text) is not None) is python_reads

    def test_readers_share_it(self) -> None:
        """The file reader's bare numbers and the schema's pattern are this grammar."""
        from bilat.io._convert import _BARE_NUMBER
        from bilat.io._schema import DECIMAL_PATTERN

        assert _BARE_NUMBER.pattern == FINITE_NUMBER
        assert f"^{FINITE_NUMBER}$" == DECIMAL_PATTERN

    @pytest.mark.parametrize("text", ["1_000.5", ".5", "5.", "-1e-3", "+2E1_0"])
    def test_amounts(self, text: str) -> None:
        """Text the grammar takes is an amount, read exactly."""
        assert Money(text, "USD").amount == Decimal(text)
