"""Numeric limits: bilat's range, exact arithmetic at its edges, no silent rounding.

bilat holds numbers of at most 100 significant digits whose magnitude is below
10**100 and, unless zero, at least 10**-100. Within that range sums,
differences and products are exact; beyond it a PrecisionError is raised.
Only quotients, powers and logarithms round, to 60 significant digits.
Every expected value below is written out by hand.
"""

from __future__ import annotations

import datetime as dt
import decimal
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.values import amounts

from bilat import (
    Dossier,
    Estimate,
    ExchangeRates,
    InvalidNumberError,
    Money,
    MoneyBag,
    ParseError,
    PrecisionError,
    Qualifier,
    TradeMetric,
    TradeSeries,
    ValidationError,
    load,
)
from bilat.io import dumps, loads

if TYPE_CHECKING:
    from pathlib import Path

#: 61 significant digits just below 10**30: thirty nines, a point, 31 nines.
A61 = "9" * 30 + "." + "9" * 31
#: 10**30 + 10**-30, which needs 61 digits.
BIG_PLUS_TINY = "1" + "0" * 30 + "." + "0" * 29 + "1"
DAY = dt.date(2025, 1, 2)


def usd(amount: str | int | Decimal) -> Money:
    return Money(amount, "USD")


class TestRange:
    """Numbers inside the range are kept exactly; others are refused, named."""

    @pytest.mark.parametrize(
        "text",
        ["1E-100", "-1E-100", "9" * 100, "-" + "9" * 100, "9.99E+99", A61, "0E-150"],
    )
    def test_edges_accepted(self, text: str) -> None:
        """The smallest, the largest and the longest numbers keep every digit."""
        assert str(usd(text).amount) == str(Decimal(text))

    @pytest.mark.parametrize(
        ("value", "problem"),
        [
            ("1e999999999", "a magnitude below 1E\\+100"),
            ("1E+100", "a magnitude below 1E\\+100"),
            (10**100, "a magnitude below 1E\\+100"),
            (-(10**100), "a magnitude below 1E\\+100"),
            (1e300, "a magnitude below 1E\\+100"),
            ("1e-999999999", "zero or a magnitude of at least 1E-100"),
            ("9E-101", "zero or a magnitude of at least 1E-100"),
            ("1." + "1" * 100, "at most 100 significant digits"),
            ("1e99999999999999999999", "at most 100 significant digits"),
        ],
    )
    def test_beyond_refused(self, value: object, problem: str) -> None:
        """Numbers outside the range raise PrecisionError naming them."""
        with pytest.raises(PrecisionError, match=problem) as caught:
            usd(value)  # type: ignore[arg-type]
        assert repr(value)[:20] in str(caught.value)
        assert isinstance(caught.value, InvalidNumberError)

    def test_million_digits_named_briefly(self) -> None:
        """A number of a million digits is named by its start and its length."""
        with pytest.raises(PrecisionError, match=r"'0\.1111.*\.\.\. \(1,000,004 char"):
            usd("0." + "1" * 1_000_000)

    def test_trailing_zeros_past_100_digits_dropped(self) -> None:
        """Zeros past the 100th digit are dropped; the value stays the same."""
        money = usd("1." + "0" * 150)
        assert money == usd(1)
        assert str(money.amount) == "1." + "0" * 99

    @pytest.mark.parametrize("text", ["١٢٣", "１２", "1٠"])
    def test_only_ascii_digits(self, text: str) -> None:
        """Digits of other scripts are not read as a number behind the caller's back."""
        with pytest.raises(InvalidNumberError, match=repr(text)):
            Money(text, "USD")

    def test_parse_refuses_exponents(self) -> None:
        """Money.parse reads no exponent at all, and says so."""
        with pytest.raises(ParseError, match=r"'\$1e-99999999'"):
            Money.parse("$1e-99999999")


class TestExactArithmetic:
    """Sums, differences and products keep every digit or raise."""

    def test_big_plus_tiny(self) -> None:
        """10**30 + 10**-30 keeps all 61 digits, and subtracting gives back 10**-30."""
        total = usd("1E+30") + usd("1E-30")
        assert str(total.amount) == BIG_PLUS_TINY
        assert total - usd("1E+30") == usd("1E-30")

    def test_sixty_one_digits(self) -> None:
        """A 61-digit amount doubles, and reaches 10**30 by its last digit."""
        assert str((usd(A61) * 2).amount) == "1" + "9" * 30 + "." + "9" * 30 + "8"
        assert usd(A61) + usd("1E-31") == usd("1E+30")
        assert -usd(A61) == usd("-" + A61)
        assert abs(usd("-" + A61)) == usd(A61)

    def test_builtin_sum_and_money_bag(self) -> None:
        """sum() and MoneyBag add 10**30 and 10**-30 exactly."""
        parts = [usd("1E+30"), usd("1E-30")]
        assert str(sum(parts, usd(0)).amount) == BIG_PLUS_TINY
        assert str(MoneyBag(*parts)["USD"].amount) == BIG_PLUS_TINY
        bag = MoneyBag(usd("1E+30")) + usd("1E-30") + Money("1E-30", "EUR")
        assert str(bag["USD"].amount) == BIG_PLUS_TINY

    def test_conversion_through_a_tiny_inverse_rate(self) -> None:
        """1E+40 KZT at 1E-29 KZT per USD is 1E+69 USD, written out in full."""
        rates = ExchangeRates.from_records([(DAY, "USD", "KZT", "1E-29")])
        converted = Money("1E+40", "KZT").to("USD", rates)
        assert converted.amount == Decimal(10) ** 69
        assert str(converted.amount) == "1" + "0" * 69
        with pytest.raises(PrecisionError, match=r"1E\+90"):
            Money("1E+90", "KZT").to("USD", rates)

    def test_conversion(self) -> None:
        """A 61-digit amount converted at 525.11 keeps all 66 digits."""
        rates = ExchangeRates.from_records([(DAY, "USD", "KZT", "525.11")])
        # (10**30 - 10**-31) * 525.11 = 525.11 * 10**30 - 5.2511 * 10**-29
        expected = "52510" + "9" * 28 + "." + "9" * 28 + "47489"
        assert str(usd(A61).to("KZT", rates).amount) == expected

    def test_estimate_bounds(self) -> None:
        """NEARLY (10**30 + 10**-30) has the exact lower bound 0.9 times it."""
        estimate = Estimate(usd(BIG_PLUS_TINY), Qualifier.NEARLY)
        assert str(estimate.low.amount) == "9" + "0" * 29 + ".0" + "0" * 29 + "9"
        assert estimate.high == usd(BIG_PLUS_TINY)

    def test_caller_context_ignored(self) -> None:
        """A three-digit caller context changes nothing."""
        with decimal.localcontext(decimal.Context(prec=3)):
            assert str((usd("1E+30") + usd("1E-30")).amount) == BIG_PLUS_TINY
            assert str(MoneyBag(usd("1E+30"), usd("1E-30"))["USD"].amount) == (
                BIG_PLUS_TINY
            )

    @pytest.mark.parametrize(
        ("compute", "what", "problem"),
        [
            (
                lambda: usd("1E+99") + usd("1E-99"),
                "sum",
                "an exact result of at most 100 significant digits",
            ),
            (lambda: usd("9" * 100) + usd(1), "sum", "a result below 1E\\+100"),
            (lambda: usd("-" + "9" * 100) - usd(1), "difference", "below 1E\\+100"),
            (lambda: usd("1E+50") * Decimal("1E+50"), "product", "below 1E\\+100"),
            (
                lambda: usd("1E-60") * Decimal("1E-60"),
                "product",
                "zero or a result of at least 1E-100",
            ),
            (
                lambda: usd("1." + "1" * 59) * Decimal("1." + "1" * 59),
                "product",
                "at most 100 significant digits",
            ),
            (lambda: usd("1E+99") / Decimal("1E-10"), "quotient", "below 1E\\+100"),
            (
                lambda: Estimate(usd("9" * 100), Qualifier.NEARLY),
                "bound of an estimate",
                "at most 100 significant digits",
            ),
            (
                lambda: MoneyBag(usd("1E+99"), usd("1E-99")),
                "total of a MoneyBag",
                "at most 100 significant digits",
            ),
        ],
    )
    def test_beyond_raises(self, compute: object, what: str, problem: str) -> None:
        """A result that cannot be held exactly raises PrecisionError, never rounds."""
        with pytest.raises(PrecisionError, match=f"invalid {what}.*{problem}"):
            compute()  # type: ignore[operator]

    def test_only_division_rounds(self) -> None:
        """Quotients have 60 significant digits, rounded half to even."""
        assert str((usd(1) / 3).amount) == "0." + "3" * 60
        assert str((usd(2) / 3).amount) == "0." + "6" * 59 + "7"
        assert usd(1) / usd(3) == Decimal("0." + "3" * 60)

    def test_round_and_allocate_long_amounts(self) -> None:
        """Rounding and allocation work on every digit of a 70-digit amount."""
        amount = usd("1" * 70)
        assert str(amount.round().amount) == "1" * 70 + ".00"
        half = usd("5" * 69 + ".50")
        assert amount.allocate([1, 1]) == (half, half)
        assert str(usd("1E+99").round().amount) == "1" + "0" * 99 + ".00"

    def test_round_beyond_range(self) -> None:
        """An amount beyond the range (made internally) cannot be rounded, and says so."""
        from bilat._money import make_money

        with pytest.raises(PrecisionError, match="an amount below 1E\\+100 to round"):
            make_money(Decimal("1E+500"), usd(1).currency).round()


class TestFormatting:
    """exact=True shows every digit; the default rounds to the minor unit, at any size."""

    @pytest.mark.parametrize(
        ("amount", "currency", "text"),
        [
            (
                "0.000000000000000000000000000001",
                "USD",
                "$0.000000000000000000000000000001",
            ),
            ("-1E-30", "USD", "-$0.000000000000000000000000000001"),
            ("1E+30", "USD", "$1,000,000,000,000,000,000,000,000,000,000.00"),
            (A61, "USD", "$" + ",".join(["999"] * 10) + "." + "9" * 31),
            ("1E-100", "USD", "$0." + "0" * 99 + "1"),
            ("9" * 100, "USD", "$9," + ",".join(["999"] * 33) + ".00"),
            ("1.005", "USD", "$1.005"),
            ("1234.5", "JPY", "¥1,234.5"),
            ("0.1", "USD", "$0.10"),
        ],
    )
    def test_exact_form(self, amount: str, currency: str, text: str) -> None:
        """With exact=True extra decimals are kept, the currency's are the minimum."""
        assert Money(amount, currency).format(exact=True) == text

    @pytest.mark.parametrize(
        ("amount", "currency", "text"),
        [
            ("-1E-30", "USD", "$0.00"),
            ("1E+30", "USD", "$1,000,000,000,000,000,000,000,000,000,000.00"),
            ("1E-100", "USD", "$0.00"),
            ("9" * 100, "USD", "$9," + ",".join(["999"] * 33) + ".00"),
            ("9" * 97 + ".995", "USD", "$10" + ",000" * 32 + ".00"),  # 10**97
            ("1.005", "USD", "$1.00"),
            ("1234.5", "JPY", "¥1,234"),
        ],
    )
    def test_rounded_form(self, amount: str, currency: str, text: str) -> None:
        """The default rounds half-even to the minor unit, carrying into new digits."""
        assert Money(amount, currency).format() == text

    def test_compact_form_rounds(self) -> None:
        """The compact form is an abbreviation: two decimals of the scaled number."""
        assert usd("1550000000").format(compact=True) == "$1.55B"
        assert usd("1554999999").format(compact=True) == "$1.55B"


class TestFileRoundTrip:
    """Extreme amounts survive TOML and JSON files digit for digit."""

    EXTREMES = ("1E-100", "9" * 100, A61, BIG_PLUS_TINY, "1.000", "1E+30", "0E-5")

    def _dossier(self, amounts: tuple[str, ...]) -> Dossier:
        series = TradeSeries(
            ["KZ", "UZ"],
            TradeMetric.TURNOVER,
            {2000 + i: usd(a) for i, a in enumerate(amounts)},
        )
        return Dossier("Extremes", ["KZ", "UZ"], series=[series])

    @pytest.mark.parametrize("suffix", [".toml", ".json"])
    def test_extremes(self, tmp_path: Path, suffix: str) -> None:
        """Each amount reads back with the same digits and exponent."""
        dossier = self._dossier(self.EXTREMES)
        path = tmp_path / f"extremes{suffix}"
        dossier.dump(path)
        loaded = load(path)
        assert loaded == dossier
        values = amounts(loaded.series[0])
        assert [str(values[2000 + i]) for i in range(len(self.EXTREMES))] == [
            str(Decimal(a)) for a in self.EXTREMES
        ]

    def test_file_size_limit(self, tmp_path: Path) -> None:
        """A file over max_size is refused before reading, naming file and limit."""
        path = tmp_path / "big.toml"
        path.write_text(dumps(self._dossier(self.EXTREMES)), encoding="utf-8")
        size = path.stat().st_size
        assert load(path, max_size=size) == self._dossier(self.EXTREMES)
        with pytest.raises(
            ValidationError,
            match=rf"big\.toml: 1 problem\n  the file has {size:,} bytes, "
            rf"more than the limit of {size - 1:,} bytes",
        ):
            load(path, max_size=size - 1)

    @pytest.mark.parametrize(
        ("max_size", "error"), [(-1, InvalidNumberError), (1.5, InvalidNumberError)]
    )
    def test_bad_max_size(self, tmp_path: Path, max_size: object, error: type) -> None:
        """max_size must be a non-negative int."""
        with pytest.raises(error, match="max_size"):
            load(tmp_path / "x.toml", max_size=max_size)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("make", "reason"),
        [
            (lambda p: p / "missing.toml", "no such file"),
            (
                lambda p: (p / "folder.toml").mkdir() or p / "folder.toml",
                "directory",
            ),
        ],
    )
    def test_os_errors(self, tmp_path: Path, make: object, reason: str) -> None:
        """A missing file or a directory is a ValidationError naming the path."""
        with pytest.raises(ValidationError, match=reason):
            load(make(tmp_path))  # type: ignore[operator]


# -- properties --------------------------------------------------------------

#: Amounts with digits between 10**30 and 10**-30: up to 61 significant digits.
AMOUNTS = st.integers(-(10**60), 10**60).map(lambda n: Decimal(f"{n}E-30"))
#: Rates 2**i * 5**j * 10**k whose inverse is a finite decimal.
RATES = st.tuples(st.integers(0, 12), st.integers(0, 12), st.integers(-3, 3))


class TestProperties:
    """Laws over amounts of up to 61 digits between 10**-30 and 10**30."""

    @given(a=AMOUNTS, b=AMOUNTS)
    def test_sum_then_subtract(self, a: Decimal, b: Decimal) -> None:
        """(a + b) - b gives back a, digit for digit."""
        back = (usd(a) + usd(b)) - usd(b)
        assert back.amount.as_tuple() == a.as_tuple()

    @given(amounts=st.lists(AMOUNTS, max_size=20))
    def test_sums_exact(self, amounts: list[Decimal]) -> None:
        """sum() and MoneyBag agree with exact fractions."""
        exact = sum((Fraction(a) for a in amounts), Fraction(0))
        moneys = [usd(a) for a in amounts]
        assert Fraction(sum(moneys, usd(0)).amount) == exact
        assert Fraction(MoneyBag(*moneys)["USD"].amount) == exact

    @given(a=AMOUNTS, rate=RATES)
    def test_conversion_there_and_back(
        self, a: Decimal, rate: tuple[int, int, int]
    ) -> None:
        """Converting by r and then by 1/r gives back the amount exactly."""
        i, j, k = rate
        r = Decimal(f"{2**i * 5**j}E{k}")
        inverse = Decimal(f"{5**i * 2**j}E{-(i + j) - k}")
        assert Fraction(r) * Fraction(inverse) == 1
        there = ExchangeRates.from_records([(DAY, "USD", "EUR", r)])
        back = ExchangeRates.from_records([(DAY, "EUR", "USD", inverse)])
        converted = usd(a).to("EUR", there)
        assert Fraction(converted.amount) == Fraction(a) * Fraction(r)
        assert converted.to("USD", back) == usd(a)

    @given(a=AMOUNTS, b=AMOUNTS, fmt=st.sampled_from(("toml", "json")))
    def test_file_round_trip(self, a: Decimal, b: Decimal, fmt: str) -> None:
        """dump and load keep each amount's digits and exponent."""
        series = TradeSeries(
            ["KZ", "UZ"], TradeMetric.TURNOVER, {2022: usd(a), 2023: usd(b)}
        )
        dossier = Dossier("Round trip", ["KZ", "UZ"], series=[series])
        loaded = loads(dumps(dossier, fmt), fmt)  # type: ignore[arg-type]
        values = amounts(loaded.series[0])
        assert values[2022].as_tuple() == a.as_tuple()
        assert values[2023].as_tuple() == b.as_tuple()
