"""MoneyBag: per-currency totals, arithmetic, and conversion once per currency."""

from __future__ import annotations

import datetime as dt
import decimal
import re
from decimal import Decimal
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.strategies import BAG_CODES, money_bags, moneys

from bilat import (
    Currency,
    Estimate,
    ExchangeRates,
    InvalidOptionError,
    Money,
    MoneyBag,
    NumberTypeError,
    Qualifier,
    RateNotFoundError,
    UnknownCurrencyError,
    ValidationError,
)

#: Names eval() needs to read a MoneyBag repr back.
NAMESPACE = {"Money": Money, "MoneyBag": MoneyBag}

DAY = dt.date(2025, 1, 2)

#: Rates to USD for every currency in BAG_CODES, all with exact inverses.
RATES = ExchangeRates.from_records(
    [
        (DAY, "EUR", "USD", "1.04"),
        (DAY, "USD", "JPY", "160"),
        (DAY, "KWD", "USD", "3.25"),
        (DAY, "USD", "KZT", "500"),
        (DAY, "USD", "UZS", "12500"),
    ]
)


def usd(amount: str | int) -> Money:
    """Shorthand for US dollars."""
    return Money(amount, "USD")


class CountingRates:
    """Records every lookup an ExchangeRates makes while the block runs."""

    def __init__(self, rates: ExchangeRates) -> None:
        self.rates = rates
        self.calls: list[tuple[str, str, object]] = []
        self._original = ExchangeRates._find

        def find(
            table: ExchangeRates, base: str, quote: str, on: object, max_age: object
        ) -> tuple[Decimal, Decimal]:
            return self._find(table, base, quote, on, max_age)

        self._patch = mock.patch.object(ExchangeRates, "_find", find)

    def _find(
        self, table: ExchangeRates, base: str, quote: str, on: object, max_age: object
    ) -> tuple[Decimal, Decimal]:
        self.calls.append((base, quote, on))
        return self._original(table, base, quote, on, max_age)

    def __enter__(self) -> CountingRates:
        self._patch.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._patch.stop()

    def as_rates(self) -> ExchangeRates:
        """The table whose lookups are counted."""
        return self.rates


@pytest.fixture
def bag() -> MoneyBag:
    """$100 + ₸2000 + $50."""
    return MoneyBag(usd(100), Money(2000, "KZT"), usd(50))


class TestTotals:
    """A bag keeps one exact total per currency."""

    def test_totals(self, bag: MoneyBag) -> None:
        """Amounts in one currency are added; others kept apart."""
        assert bag["USD"] == usd(150)
        assert bag["KZT"] == Money(2000, "KZT")

    def test_lookup_forms(self, bag: MoneyBag) -> None:
        """A total may be looked up by code in any case or by Currency."""
        assert bag["kzt"] == Money(2000, "KZT")
        assert bag[Currency("USD")] == usd(150)

    def test_absent_currency(self, bag: MoneyBag) -> None:
        """A currency the bag lacks has a zero total in that currency."""
        total = bag["EUR"]
        assert total == Money(0, "EUR")
        assert total.currency == Currency("EUR")

    @pytest.mark.parametrize("code", ["XYZ", 123])
    def test_unknown_currency(self, bag: MoneyBag, code: object) -> None:
        """An unknown code is an UnknownCurrencyError."""
        with pytest.raises(UnknownCurrencyError, match=re.escape(repr(code))):
            bag[code]  # type: ignore[index]

    def test_currencies_sorted(self) -> None:
        """.currencies are sorted by code, not by order of arrival."""
        bag = MoneyBag(usd(1), Money(1, "KZT"), Money(1, "EUR"), Money(2, "usd"))
        assert bag.currencies == (Currency("EUR"), Currency("KZT"), Currency("USD"))
        assert len(bag) == 3

    def test_iteration(self, bag: MoneyBag) -> None:
        """Iterating gives the totals in code order."""
        assert list(bag) == [Money(2000, "KZT"), usd(150)]

    def test_empty(self) -> None:
        """An empty bag has no currencies and zero totals."""
        empty = MoneyBag()
        assert empty.currencies == ()
        assert list(empty) == []
        assert empty["USD"] == usd(0)

    def test_nested(self, bag: MoneyBag) -> None:
        """A bag inside a bag contributes its totals."""
        outer = MoneyBag(bag, Money(5, "EUR"), usd(1))
        assert list(outer) == [Money(5, "EUR"), Money(2000, "KZT"), usd(151)]

    @pytest.mark.parametrize(
        "item",
        [5, Decimal(1), "1 USD", None, Estimate(Money(1, "USD"), Qualifier.ABOUT)],
    )
    def test_bad_items(self, item: object) -> None:
        """Anything but Money and MoneyBag is a NumberTypeError naming it."""
        message = f"invalid MoneyBag item {item!r}: expected a Money or a MoneyBag"
        with pytest.raises(NumberTypeError, match=re.escape(message)):
            MoneyBag(usd(1), item)  # type: ignore[arg-type]
        with pytest.raises(NumberTypeError, match=re.escape(message)):
            MoneyBag(item)  # type: ignore[arg-type]


class TestArithmetic:
    """+ and - with Money and MoneyBag, and 0 + bag for sum()."""

    def test_add_money(self, bag: MoneyBag) -> None:
        """bag + Money and Money + bag add to the right total."""
        assert list(bag + Money(3, "EUR")) == [
            Money(3, "EUR"),
            Money(2000, "KZT"),
            usd(150),
        ]
        both: object = usd("0.5") + bag
        assert isinstance(both, MoneyBag)
        assert both["USD"] == usd("150.5")

    def test_add_bag(self, bag: MoneyBag) -> None:
        """bag + bag adds per currency."""
        assert list(bag + bag) == [Money(4000, "KZT"), usd(300)]

    def test_subtract(self, bag: MoneyBag) -> None:
        """bag - Money and bag - bag subtract per currency."""
        assert (bag - usd(30))["USD"] == usd(120)
        assert (bag - Money(7, "EUR"))["EUR"] == Money(-7, "EUR")
        assert bag - bag == MoneyBag()

    def test_negative(self, bag: MoneyBag) -> None:
        """-bag negates every total."""
        assert list(-bag) == [Money(-2000, "KZT"), usd(-150)]

    def test_zero_plus_bag(self, bag: MoneyBag) -> None:
        """0 + bag is the bag, so sum() works."""
        assert 0 + bag == bag
        assert sum([bag, MoneyBag(usd(1))]) == MoneyBag(Money(2000, "KZT"), usd(151))

    def test_sum_of_mixed_money(self) -> None:
        """sum() of mixed currencies starting from a bag keeps them apart."""
        total = sum([usd(1), Money(2, "EUR"), usd(3)], MoneyBag())
        assert total == MoneyBag(Money(2, "EUR"), usd(4))

    @pytest.mark.parametrize("other", [1, 0.5, Decimal(1), "1", None])
    def test_other_types(self, bag: MoneyBag, other: object) -> None:
        """Numbers and text are a TypeError on either side."""
        with pytest.raises(TypeError):
            bag + other
        with pytest.raises(TypeError):
            other + bag
        with pytest.raises(TypeError):
            bag - other


class TestEquality:
    """Bags are equal when their non-zero totals are."""

    def test_zero_totals_ignored(self) -> None:
        """A zero total does not make a bag different."""
        a = MoneyBag(usd(1), Money(0, "EUR"))
        b = MoneyBag(usd("1.00"))
        assert a == b
        assert hash(a) == hash(b)

    def test_cancelling(self) -> None:
        """€5 - €5 is the empty bag."""
        assert MoneyBag(Money(5, "EUR"), Money(-5, "EUR")) == MoneyBag()

    def test_different(self, bag: MoneyBag) -> None:
        """Different totals make different bags."""
        assert bag != MoneyBag(usd(150))
        assert bag != MoneyBag(usd(150), Money(2001, "KZT"))

    def test_not_equal_to_money(self) -> None:
        """A bag is not equal to Money, even with a single total."""
        assert MoneyBag(usd(1)) != usd(1)

    @pytest.mark.parametrize(
        ("items", "truth"),
        [
            ((), False),
            ((usd(0),), False),
            ((usd(1), usd(-1)), False),
            ((usd(1),), True),
        ],
    )
    def test_bool(self, items: tuple[Money, ...], truth: bool) -> None:
        """A bag is false when every total is zero."""
        assert bool(MoneyBag(*items)) is truth


class TestTo:
    """to() looks up one rate per foreign currency, not per item."""

    def test_one_lookup_per_currency(self) -> None:
        """600 items in three currencies: two lookups, exact total."""
        items = [Money("1.10", "EUR"), Money(500, "KZT"), usd(1)] * 100
        items += [Money("1.10", "EUR")] * 200 + [Money(500, "KZT")] * 100
        with CountingRates(RATES) as counting:
            total = MoneyBag(*items).to("USD", counting.as_rates())
        # EUR 330.00 * 1.04 + KZT 100000 / 500 + USD 100
        assert total == usd("643.2")
        assert len(counting.calls) == 2
        assert {c[:2] for c in counting.calls} == {("EUR", "USD"), ("KZT", "USD")}

    def test_cross_rate(self) -> None:
        """Converting to tenge uses one lookup each for dollars and euros."""
        bag = MoneyBag(usd(100), Money(330, "EUR"), Money(100_000, "KZT"))
        with CountingRates(RATES) as counting:
            # 100 * 500 + 330 * 1.04 * 500 + 100000
            assert bag.to("KZT", counting.as_rates()) == Money(321_600, "KZT")
        assert len(counting.calls) == 2

    def test_date_passed_on(self) -> None:
        """on= reaches the rate lookup."""
        with CountingRates(RATES) as counting:
            MoneyBag(Money(1, "EUR")).to("USD", counting.as_rates(), on=DAY)
        assert counting.calls == [("EUR", "USD", DAY)]

    def test_empty_bag(self) -> None:
        """An empty bag is zero in the target currency, without lookups."""
        with CountingRates(RATES) as counting:
            total = MoneyBag().to("KZT", counting.as_rates())
        assert total == Money(0, "KZT")
        assert total.currency == Currency("KZT")
        assert counting.calls == []

    def test_missing_rate(self) -> None:
        """A currency without a rate is a RateNotFoundError."""
        with pytest.raises(RateNotFoundError, match="'RUB' to 'USD'"):
            MoneyBag(Money(1, "RUB"), usd(1)).to("USD", RATES)

    @given(money_bags())
    def test_same_as_item_by_item(self, bag: MoneyBag) -> None:
        """Converting once per currency equals converting each total."""
        expected = sum((RATES.convert(m, "USD") for m in bag), usd(0))
        RATES._memo.clear()  # every lookup is made again, and counted
        with CountingRates(RATES) as counting:
            assert bag.to("USD", counting.as_rates()) == expected
        foreign = [c for c in bag.currencies if c.code != "USD"]
        assert len(counting.calls) == len(foreign)


class TestCallerContext:
    """Totals do not depend on the caller's decimal context."""

    def test_sums(self) -> None:
        """Big totals stay exact under a six-digit, round-down context."""
        with decimal.localcontext() as ctx:
            ctx.prec = 6
            ctx.rounding = decimal.ROUND_DOWN
            bag = MoneyBag(
                usd("123456789.123456789"),
                Money("1.5", "EUR"),
                usd("987654321.987654321"),
            )
            nested = MoneyBag(bag, bag)
            converted = bag.to("USD", RATES)
        assert bag["USD"] == usd("1111111111.111111110")
        assert nested["USD"] == usd("2222222222.222222220")
        assert converted == usd("1111111112.671111110")

    def test_subtract(self) -> None:
        """Subtraction keeps every digit under a hostile context."""
        with decimal.localcontext() as ctx:
            ctx.prec = 6
            ctx.rounding = decimal.ROUND_DOWN
            rest = MoneyBag(usd("1234567.89")) - usd("1234567.88")
            negated = -MoneyBag(usd("1234567.89"))
        assert rest == MoneyBag(usd("0.01"))
        assert negated == MoneyBag(usd("-1234567.89"))


class TestText:
    """repr reads back; format joins the totals."""

    def test_repr(self, bag: MoneyBag) -> None:
        """The repr lists the totals in code order."""
        assert repr(bag) == "MoneyBag(Money('2000', 'KZT'), Money('150', 'USD'))"
        assert repr(MoneyBag()) == "MoneyBag()"

    @given(money_bags())
    def test_eval_round_trip(self, bag: MoneyBag) -> None:
        """eval(repr(bag)) == bag, with the same repr."""
        again = eval(repr(bag), NAMESPACE)
        assert again == bag
        assert repr(again) == repr(bag)

    def test_format(self) -> None:
        """Totals are joined by ' + ' in code order."""
        bag = MoneyBag(usd(5), Money(3, "EUR"))
        assert bag.format() == "€3.00 + $5.00"
        assert str(bag) == "€3.00 + $5.00"
        assert bag.format("ru") == "3,00\xa0€ + 5,00\xa0$"

    def test_format_compact(self) -> None:
        """The compact form applies to each total."""
        bag = MoneyBag(usd(156_000_000), Money(2_500_000_000, "KZT"))
        assert bag.format("ru", compact=True) == "2,5\xa0млрд\xa0KZT + 156\xa0млн\xa0$"

    def test_format_empty(self) -> None:
        """An empty bag reads '0'."""
        assert MoneyBag().format() == "0"

    def test_format_rounds(self) -> None:
        """Each total shows rounded to its minor unit; the totals stay exact."""
        bag = MoneyBag(usd(1) / 3, Money("2.5", "JPY"))
        assert str(bag) == "¥2 + $0.33"
        assert bag.format(exact=True) == "¥2.5 + $0." + "3" * 60
        assert bag["USD"] == usd(1) / 3


class TestLaws:
    """Laws of bags (property tests)."""

    @given(money_bags(), money_bags())
    def test_add_per_currency(self, a: MoneyBag, b: MoneyBag) -> None:
        """(a + b)[c] == a[c] + b[c] for every currency."""
        total = a + b
        for code in BAG_CODES:
            assert total[code] == a[code] + b[code]

    @given(money_bags())
    def test_subtract_self(self, bag: MoneyBag) -> None:
        """bag - bag is empty."""
        assert bag - bag == MoneyBag()
        assert not bag - bag

    @given(st.lists(st.sampled_from(BAG_CODES).flatmap(moneys), max_size=8))
    def test_order_does_not_matter(self, items: list[Money]) -> None:
        """The order of the items changes neither the bag nor its hash."""
        forward = MoneyBag(*items)
        backward = MoneyBag(*reversed(items))
        assert forward == backward
        assert hash(forward) == hash(backward)
        assert sum(items, MoneyBag()) == forward


class TestHostileArguments:
    """Odd arguments to MoneyBag raise BilatErrors."""

    @pytest.mark.parametrize("compact", [None, 1, "yes"])
    def test_compact(self, compact: object) -> None:
        """compact= is True or False."""
        with pytest.raises(InvalidOptionError, match="unknown compact"):
            MoneyBag(usd(1)).format(compact=compact)  # type: ignore[arg-type]

    @pytest.mark.parametrize("on", ["yesterday", 5, float("nan")])
    def test_on(self, on: object) -> None:
        """on= that is not a date is a ValidationError, even for an empty bag."""
        with pytest.raises(ValidationError, match=r"^on: expected a"):
            MoneyBag().to("USD", RATES, on)  # type: ignore[arg-type]
        with pytest.raises(ValidationError, match=r"^on: expected a"):
            MoneyBag(Money(1, "EUR")).to("USD", RATES, on)  # type: ignore[arg-type]

    @pytest.mark.parametrize("currency", [None, b"USD", ["USD"]])
    def test_currency(self, currency: object) -> None:
        """A target that is not a code is an UnknownCurrencyError."""
        with pytest.raises(UnknownCurrencyError):
            MoneyBag(usd(1)).to(currency, RATES)  # type: ignore[arg-type]
