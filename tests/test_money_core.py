"""Money's int core: sums, differences and totals agree with exact Decimal arithmetic.

Money keeps its amount as an int coefficient and a shared kind (currency and
exponent). Each test here computes the expected result another way: in a
decimal context with room for every digit, then checks bilat's range by
hand.
"""

from __future__ import annotations

import copy
import datetime as dt
import decimal
import pickle
from collections.abc import Callable, Iterator
from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilat import (
    ArgumentTypeError,
    Currency,
    CurrencyMismatchError,
    ExchangeRates,
    Money,
    MoneyBag,
    NumberTypeError,
    Portfolio,
    PrecisionError,
    Project,
    UnknownCurrencyError,
    ValidationError,
)

from .strategies import BAG_CODES, RATE_CODES, amounts, wide_amounts

#: Room for every digit of any sum of two amounts in bilat's range.
WIDE = decimal.Context(
    prec=1000, Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN, traps=[]
)

#: Caller contexts that would round, trap or overflow any naive sum.
HOSTILE: tuple[decimal.Context, ...] = (
    decimal.Context(prec=1, rounding=decimal.ROUND_DOWN),
    decimal.Context(
        prec=3, traps=[decimal.Inexact, decimal.Rounded, decimal.FloatOperation]
    ),
    decimal.Context(prec=28, Emax=2, Emin=-2, capitals=0),
)

#: Amounts right at bilat's edges, with the plain and wide ones.
EDGES = st.sampled_from(
    (
        Decimal("9" * 100),
        Decimal("-" + "9" * 100),
        Decimal("9.999E+99"),
        Decimal("1E-100"),
        Decimal("-1E-100"),
        Decimal("0.00"),
        Decimal("-0.00"),
        Decimal("1E+5"),
        Decimal("0." + "0" * 99 + "1"),
    )
)
ANY_AMOUNT = st.one_of(amounts(), wide_amounts(), EDGES)


def in_range(value: Decimal) -> bool:
    """Whether ``value`` is a number bilat holds (computed from its digits)."""
    if not value:
        return True
    digits = len(value.as_tuple().digits)
    return digits <= 100 and -100 <= value.adjusted() <= 99


def exact(op: Callable[[Decimal, Decimal], Decimal], a: Decimal, b: Decimal) -> Decimal:
    with decimal.localcontext(WIDE):
        return op(a, b)


def check_exact(result: Callable[[], Money], expected: Decimal) -> None:
    """``result()`` is ``expected`` exactly, or raises PrecisionError when it cannot be."""
    stripped = expected.normalize(WIDE) if expected else expected
    if not in_range(stripped):
        with pytest.raises(PrecisionError):
            result()
        return
    found = result().amount
    assert found == expected
    if in_range(expected):  # every digit fits: the same digits, not just the value
        assert found.as_tuple()[1:] == expected.as_tuple()[1:]


@pytest.fixture(params=range(len(HOSTILE)), ids=["prec1", "traps", "emax2"])
def hostile(request: pytest.FixtureRequest) -> Iterator[decimal.Context]:
    """Each hostile caller context in turn."""
    with decimal.localcontext(HOSTILE[request.param]) as ctx:
        yield ctx


class TestSums:
    """Sums and differences are the exact Decimal results, or refused."""

    @settings(max_examples=150)
    @given(a=ANY_AMOUNT, b=ANY_AMOUNT)
    def test_sum_is_exact(self, a: Decimal, b: Decimal) -> None:
        """Money + Money is the exact sum of the amounts, in bilat's range."""
        check_exact(
            lambda: Money(a, "USD") + Money(b, "USD"), exact(Decimal.__add__, a, b)
        )

    @settings(max_examples=150)
    @given(a=ANY_AMOUNT, b=ANY_AMOUNT)
    def test_difference_is_exact(self, a: Decimal, b: Decimal) -> None:
        """Money - Money is the exact difference of the amounts."""
        check_exact(
            lambda: Money(a, "EUR") - Money(b, "EUR"), exact(Decimal.__sub__, a, b)
        )

    @settings(max_examples=100)
    @given(a=ANY_AMOUNT)
    def test_negation(self, a: Decimal) -> None:
        """-Money is the amount with the other sign, and -0 is 0."""
        expected = a.copy_negate() if a else a.copy_abs()
        assert (-Money(a, "KZT")).amount.as_tuple() == expected.as_tuple()

    def test_same_decimals_keep_them(self) -> None:
        """Two amounts with two decimals add to an amount with two decimals."""
        assert (
            repr(Money("1.10", "USD") + Money("2.20", "USD")) == "Money('3.30', 'USD')"
        )

    def test_other_decimals_align(self) -> None:
        """1.5 + 1.25 is 2.75, whatever the number of decimals of each."""
        assert (
            repr(Money("1.5", "USD") + Money("1.25", "USD")) == "Money('2.75', 'USD')"
        )

    def test_zero_has_no_sign(self) -> None:
        """x - x is a positive zero with x's decimals."""
        m = Money("-2.50", "USD")
        assert repr(m - m) == "Money('0.00', 'USD')"
        assert repr(-Money("0.00", "USD")) == "Money('0.00', 'USD')"

    def test_negative_zero_kept(self) -> None:
        """A negative zero given is kept, and adding it changes nothing."""
        z = Money("-0.00", "USD")
        assert repr(z) == "Money('-0.00', 'USD')"
        assert repr(z + z) == "Money('-0.00', 'USD')"
        assert repr(z + Money("0.00", "USD")) == "Money('0.00', 'USD')"

    def test_largest_plus_one_refused(self) -> None:
        """The largest amount plus one is 1E+100: PrecisionError."""
        with pytest.raises(PrecisionError, match="below 1E\\+100"):
            Money("9" * 100, "USD") + Money(1, "USD")

    def test_magnitude_edge_refused(self) -> None:
        """9E+99 + 1E+99 reaches 1E+100: PrecisionError."""
        with pytest.raises(PrecisionError, match="below 1E\\+100"):
            Money("9E+99", "USD") + Money("1E+99", "USD")

    def test_tiny_difference_refused(self) -> None:
        """Amounts with 101 decimals whose difference is below 1E-100 are refused."""
        a, b = Money("1.1E-100", "USD"), Money("1.0E-100", "USD")
        assert repr(a + b) == "Money('2.1E-100', 'USD')"
        with pytest.raises(PrecisionError, match="at least 1E-100"):
            a - b

    def test_long_sum_refused(self) -> None:
        """A sum that needs 101 digits is refused, not rounded."""
        with pytest.raises(PrecisionError, match="at most 100 significant digits"):
            Money("1" * 99 + ".1", "USD") + Money("0.01", "USD")

    def test_currencies_must_match(self) -> None:
        """Adding dollars to euros is a CurrencyMismatchError, not a sum."""
        with pytest.raises(CurrencyMismatchError):
            Money(1, "USD") + Money(1, "EUR")

    def test_not_money_is_not_added(self) -> None:
        """Money + 1 is a TypeError (Python's), not a sum."""
        with pytest.raises(TypeError):
            Money(1, "USD") + 1


class TestContextIndependence:
    """Results do not depend on the caller's decimal context."""

    def test_sum(self, hostile: decimal.Context) -> None:
        """A 20-digit sum is exact under a context of 1 to 3 digits."""
        total = Money("12345678901234567.89", "USD") + Money("0.01", "USD")
        assert total.amount.as_tuple() == Decimal("12345678901234567.90").as_tuple()
        assert repr(total) == "Money('12345678901234567.90', 'USD')"

    def test_difference_and_negation(self, hostile: decimal.Context) -> None:
        """Differences and negations of long amounts are exact too."""
        a, b = Money("1000000.001", "EUR"), Money("0.002", "EUR")
        assert repr(a - b) == "Money('999999.999', 'EUR')"
        assert repr(-(a - b)) == "Money('-999999.999', 'EUR')"

    def test_bag_total(self, hostile: decimal.Context) -> None:
        """A bag's total is exact, and its conversion too."""
        bag = MoneyBag([Money("99999.99", "USD")] * 3 + [Money("1E+5", "USD")])
        assert repr(bag) == "MoneyBag(Money('399999.97', 'USD'))"

    def test_sum_builtin(self, hostile: decimal.Context) -> None:
        """sum() of Money is exact."""
        assert sum([Money("1.11", "USD")] * 9) == Money("9.99", "USD")


class TestValueClass:
    """Money is still an immutable value: equality, hashing, pickling, attrs."""

    @given(a=amounts(), places=st.integers(0, 5))
    def test_equal_by_meaning(self, a: Decimal, places: int) -> None:
        """The same amount with more trailing zeros is equal, with the same hash."""
        padded = Decimal(f"{a:f}" + ("." if "." not in f"{a:f}" else "") + "0" * places)
        assert padded == a
        m, n = Money(a, "USD"), Money(padded, "USD")
        assert m == n
        assert hash(m) == hash(n)

    def test_result_equals_built(self) -> None:
        """A sum equals (and hashes as) the same amount built directly."""
        total = Money("0.10", "USD") + Money("0.20", "USD")
        assert total == Money("0.3", "USD")
        assert hash(total) == hash(Money("0.3", "USD"))
        assert {total: 1}[Money("0.30", "USD")] == 1

    def test_amount_is_decimal(self) -> None:
        """amount is a Decimal and currency a Currency, for results too."""
        total = Money(1, "USD") + Money(2, "USD")
        assert type(total.amount) is Decimal
        assert type(total.currency) is Currency
        assert total.amount == 3

    @pytest.mark.parametrize("name", ["amount", "currency", "other"])
    def test_assignment_refused(self, name: str) -> None:
        """Setting or deleting any public attribute raises AttributeError."""
        m = Money(1, "USD") + Money(1, "USD")
        with pytest.raises(AttributeError):
            setattr(m, name, Decimal(5))
        with pytest.raises(AttributeError):
            delattr(m, name)
        assert m == Money(2, "USD")

    @pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
    def test_pickle_of_result(self, protocol: int) -> None:
        """A result of arithmetic pickles as Money(amount, currency) and loads."""
        total = Money("1.25", "KZT") + Money("1.25", "KZT")
        data = pickle.dumps(total, protocol)
        assert b"_kind" not in data
        assert b"bilat._" not in data
        back = pickle.loads(data)
        assert repr(back) == "Money('2.50', 'KZT')"

    def test_copies(self) -> None:
        """copy and deepcopy give an equal Money."""
        total = Money("1.25", "KZT") - Money("2", "KZT")
        assert copy.copy(total) == total == copy.deepcopy(total)

    def test_attrs_fields(self) -> None:
        """attrs sees the two public fields, and evolve builds a checked Money."""
        m = Money("1.50", "USD")
        assert attrs.has(Money)
        assert [f.name for f in attrs.fields(Money)] == ["amount", "currency"]
        assert attrs.evolve(m, amount="2") == Money(2, "USD")  # type: ignore[misc]
        assert attrs.asdict(m, recurse=False) == {
            "amount": Decimal("1.50"),
            "currency": m.currency,
        }
        with pytest.raises(PrecisionError):
            attrs.evolve(m, amount="1e200")  # type: ignore[misc]

    def test_match(self) -> None:
        """A match statement takes Money apart by amount and currency."""
        match Money("3", "USD") + Money("4", "USD"):
            case Money(amount, currency):
                assert (amount, currency.code) == (Decimal(7), "USD")
            case _:  # pragma: no cover
                pytest.fail("Money did not match")


BAG_MONEYS = st.builds(
    Money,
    st.one_of(amounts(max_places=3), wide_amounts(), EDGES),
    st.sampled_from(BAG_CODES),
)


def per_currency(moneys: list[Money]) -> dict[str, Decimal]:
    """Non-zero totals per currency code, summed in a context without limits."""
    totals: dict[str, Decimal] = {}
    with decimal.localcontext(WIDE):
        for m in moneys:
            totals[m.currency.code] = totals.get(m.currency.code, Decimal(0)) + m.amount
    return {code: total for code, total in totals.items() if total}


class TestBagTotals:
    """A bag's totals are the exact per-currency sums."""

    @settings(max_examples=100)
    @given(moneys=st.lists(BAG_MONEYS, max_size=12))
    def test_totals(self, moneys: list[Money]) -> None:
        """Each currency's total is the exact sum of its amounts, or refused."""
        expected = per_currency(moneys)
        if not all(in_range(t.normalize(WIDE)) for t in expected.values()):
            with pytest.raises(PrecisionError):
                MoneyBag(moneys)
            return
        bag = MoneyBag(moneys)
        assert {m.currency.code: m.amount for m in bag} == expected

    @given(moneys=st.lists(BAG_MONEYS, max_size=8))
    def test_iterable_is_items(self, moneys: list[Money]) -> None:
        """MoneyBag(list), MoneyBag(tuple) and MoneyBag(generator) are MoneyBag(*items)."""
        try:
            expected = MoneyBag(*moneys)
        except PrecisionError:
            return
        assert MoneyBag(moneys) == expected
        assert MoneyBag(tuple(moneys)) == expected
        assert MoneyBag(m for m in moneys) == expected

    def test_one_currency_one_exponent(self) -> None:
        """A million-style bag (one currency, two decimals) keeps the decimals."""
        bag = MoneyBag([Money("0.10", "USD")] * 1000)
        assert repr(bag) == "MoneyBag(Money('100.00', 'USD'))"

    def test_positive_exponent_written_out(self) -> None:
        """A total of amounts such as 1E+3 is written 2000, as Decimal(0) + 2E+3 is."""
        assert (
            repr(MoneyBag([Money("1E+3", "USD")] * 2))
            == "MoneyBag(Money('2000', 'USD'))"
        )

    def test_partial_sums_may_overflow(self) -> None:
        """Only the total must be in range: 9E+99 + 9E+99 - 9E+99 is 9E+99."""
        big = Money("9E+99", "USD")
        assert MoneyBag([big, big, -big])["USD"] == big

    def test_total_beyond_range(self) -> None:
        """A total of 1E+100 or more is a PrecisionError naming the bag."""
        big = Money("9E+99", "USD")
        with pytest.raises(PrecisionError, match="total of a MoneyBag"):
            MoneyBag([big, big])

    def test_bag_of_one_bag(self) -> None:
        """MoneyBag(bag) is the bag's totals, not an iterable of them."""
        bag = MoneyBag(Money(1, "USD"), Money(2, "EUR"))
        assert MoneyBag(bag) == bag

    @pytest.mark.parametrize(
        "given_",
        ["1 USD", b"1", {"USD": 1}, 5, None],
        ids=["str", "bytes", "dict", "int", "none"],
    )
    def test_one_bad_argument(self, given_: object) -> None:
        """Text, a mapping or a number alone is not an item nor an iterable of items."""
        with pytest.raises(NumberTypeError, match="expected a Money or a MoneyBag"):
            MoneyBag(given_)  # type: ignore[arg-type]

    def test_bad_item_in_iterable(self) -> None:
        """An iterable holding something else names the item."""
        with pytest.raises(NumberTypeError, match="invalid MoneyBag item 5"):
            MoneyBag([Money(1, "USD"), 5])  # type: ignore[list-item]

    def test_iterator_that_raises(self) -> None:
        """An iterator that fails gives a NumberTypeError saying what it raised."""

        def broken() -> Iterator[Money]:
            yield Money(1, "USD")
            raise KeyError("gone")

        with pytest.raises(NumberTypeError, match="iterating it raised KeyError"):
            MoneyBag(broken())

    def test_object_with_a_kind_attribute(self) -> None:
        """An object with a ``_kind`` attribute of its own is still not Money."""

        class Impostor:
            _kind = object()
            _coefficient = 10**200

        with pytest.raises(NumberTypeError, match="MoneyBag item"):
            MoneyBag([Money(1, "USD"), Impostor()])  # type: ignore[list-item]


DAY = dt.date(2025, 1, 2)

#: Rates into USD only: every route from another currency is a product.
DIRECT = ExchangeRates.from_records(
    [
        (DAY, "EUR", "USD", "1.0389"),
        (DAY, "KZT", "USD", "0.001904"),
        (DAY, "RUB", "USD", "0.009852"),
        (DAY, "UZS", "USD", "0.0000775"),
    ]
)


class TestConversionIsLinear:
    """With rates used as stored, converting totals is converting each amount."""

    @settings(max_examples=150)
    @given(
        moneys=st.lists(
            st.builds(Money, amounts(max_places=4), st.sampled_from(RATE_CODES)),
            max_size=20,
        )
    )
    def test_totals_then_rates(self, moneys: list[Money]) -> None:
        """MoneyBag.to equals the sum of each amount times its stored rate."""
        rate = {"USD": Decimal(1)}
        rate.update({b: r for (_, b, _, r) in DIRECT_RECORDS})
        with decimal.localcontext(WIDE):
            expected = sum(
                (m.amount * rate[m.currency.code] for m in moneys), Decimal(0)
            )
        assert MoneyBag(moneys).to("USD", DIRECT, DAY).amount == expected

    def test_inverted_rate_rounds_the_total_once(self) -> None:
        """Through an inverted rate the total converts once, rounded once."""
        rates = ExchangeRates.from_records([(DAY, "USD", "KZT", "3")])
        one = Money(1, "KZT")
        total = MoneyBag([one] * 3).to("USD", rates, DAY)
        assert total == Money(1, "USD")  # 3 / 3, not 3 × (1 / 3 rounded)


DIRECT_RECORDS = [
    (DAY, "EUR", "USD", Decimal("1.0389")),
    (DAY, "KZT", "USD", Decimal("0.001904")),
    (DAY, "RUB", "USD", Decimal("0.009852")),
    (DAY, "UZS", "USD", Decimal("0.0000775")),
]


def project(value: Money, i: int = 0) -> Project:
    return Project(f"Project {i}", ("KZ",), "underway", value=value)


class TestPortfolioTotal:
    """Portfolio.total adds exactly, as Money's + and MoneyBag.to do."""

    @settings(max_examples=50)
    @given(
        values=st.lists(
            st.builds(Money, amounts(min_value=0), st.just("USD")),
            min_size=1,
            max_size=10,
        )
    )
    def test_one_currency(self, values: list[Money]) -> None:
        """One currency: the total is the exact sum, with the sum's digits."""
        portfolio = Portfolio([project(v, i) for i, v in enumerate(values)])
        with decimal.localcontext(WIDE):
            expected = sum((v.amount for v in values), Decimal(0))
        found = portfolio.total()
        assert isinstance(found, Money)
        assert found.amount == expected
        assert found.amount.as_tuple().exponent == min(
            0,
            *(v.amount.as_tuple().exponent for v in values),
        )

    def test_zero_total_keeps_decimals(self) -> None:
        """Zero values give zero with their decimals, as Money's + does."""
        values = [Money("0.0", "USD"), Money("0.00", "USD")]
        portfolio = Portfolio([project(v, i) for i, v in enumerate(values)])
        assert repr(portfolio.total()) == "Money('0.00', 'USD')"

    def test_currencies_in_order(self) -> None:
        """Without a currency, the first two currencies are named in order."""
        values = [Money(1, "KZT"), Money(1, "KZT"), Money(1, "USD"), Money(2, "EUR")]
        portfolio = Portfolio([project(v, i) for i, v in enumerate(values)])
        with pytest.raises(CurrencyMismatchError, match="'KZT' and 'USD'"):
            portfolio.total()

    def test_converted(self) -> None:
        """With rates, the total is the bag's conversion, exact through stored rates."""
        values = [Money("10.00", "EUR"), Money("1000", "KZT"), Money("5", "USD")]
        portfolio = Portfolio([project(v, i) for i, v in enumerate(values)])
        expected = Decimal("10.00") * Decimal("1.0389") + 1000 * Decimal("0.001904") + 5
        assert portfolio.total("USD", DIRECT, DAY) == Money(expected, "USD")


pl = pytest.importorskip("polars")

FRAME_ROWS = st.lists(
    st.tuples(amounts(max_places=2), st.sampled_from(RATE_CODES)), max_size=15
)


def polars_frame(rows: list[tuple[Decimal, str]]) -> object:
    return pl.DataFrame(
        {
            "amount": pl.Series([a for a, _ in rows], dtype=pl.Decimal(38, 2)),
            "currency": pl.Series([c for _, c in rows], dtype=pl.String),
        }
    )


class TestFromFrame:
    """MoneyBag.from_frame is MoneyBag of a Money per row, whatever the engine."""

    @settings(max_examples=40)
    @given(rows=FRAME_ROWS)
    def test_polars_decimal(self, rows: list[tuple[Decimal, str]]) -> None:
        """A polars Decimal column gives the exact per-currency totals."""
        expected = {
            code: total.quantize(Decimal("0.01"))
            for code, total in per_currency([Money(a, c) for a, c in rows]).items()
        }
        bag = MoneyBag.from_frame(polars_frame(rows))
        assert {m.currency.code: m.amount for m in bag} == expected
        assert MoneyBag.from_frame(polars_frame(rows).lazy()) == bag  # type: ignore[attr-defined]

    @settings(max_examples=40)
    @given(rows=FRAME_ROWS)
    def test_converts_as_each_amount(self, rows: list[tuple[Decimal, str]]) -> None:
        """Through stored rates, the frame's total is the sum of each amount converted."""
        rate = {"USD": Decimal(1)} | {b: r for (_, b, _, r) in DIRECT_RECORDS}
        with decimal.localcontext(WIDE):
            expected = sum((a * rate[c] for a, c in rows), Decimal(0))
        found = MoneyBag.from_frame(polars_frame(rows)).to("USD", DIRECT, DAY)
        assert found.amount == expected

    def test_hostile_context(self, hostile: decimal.Context) -> None:
        """The totals do not depend on the caller's context."""
        rows = [(Decimal("12345678.91"), "USD"), (Decimal("0.09"), "USD")]
        assert MoneyBag.from_frame(polars_frame(rows))["USD"].amount == Decimal(
            "12345679.00"
        )

    def test_integers(self) -> None:
        """An integer column is summed exactly too."""
        frame = pl.DataFrame({"amount": [2**62, 2**62, 1], "currency": ["KZT"] * 3})
        assert MoneyBag.from_frame(frame)["KZT"].amount == 2**63 + 1

    def test_beyond_polars(self) -> None:
        """A total polars cannot hold (over 38 digits) is added by bilat, exactly."""
        nines = Decimal("9" * 38)
        frame = pl.DataFrame(
            {
                "amount": pl.Series([nines] * 3, dtype=pl.Decimal(38, 0)),
                "currency": ["USD"] * 3,
            }
        )
        assert MoneyBag.from_frame(frame)["USD"].amount == Decimal(3 * int(nines))

    def test_pandas_objects(self) -> None:
        """Python Decimals, text and floats in pandas are taken as Money takes them."""
        pd = pytest.importorskip("pandas")
        frame = pd.DataFrame(
            {"value": [Decimal("1.10"), "2.5", 0.1], "ccy": ["USD", "USD", "EUR"]}
        )
        bag = MoneyBag.from_frame(frame, amount="value", currency="ccy")
        assert bag == MoneyBag(Money("3.60", "USD"), Money("0.1", "EUR"))

    def test_missing_amount(self) -> None:
        """A row without an amount is refused, with the count of such rows."""
        frame = pl.DataFrame({"amount": [None, 1], "currency": ["USD", "USD"]})
        with pytest.raises(
            ValidationError, match="1 row\\(s\\) of the frame have no amount"
        ):
            MoneyBag.from_frame(frame)

    def test_missing_currency(self) -> None:
        """A row without a currency is refused."""
        frame = pl.DataFrame({"amount": [1, 1], "currency": ["USD", None]})
        with pytest.raises(ValidationError, match="have no currency"):
            MoneyBag.from_frame(frame)

    def test_missing_currency_counts_rows(self) -> None:
        """Three polars rows without a currency, in two amounts' groups, count as three."""
        frame = pl.DataFrame(
            {"amount": [1, 2, 3, 4], "currency": [None, "USD", None, None]}
        )
        with pytest.raises(
            ValidationError, match="3 row\\(s\\) of the frame have no currency"
        ):
            MoneyBag.from_frame(frame)

    def test_missing_currency_pandas(self) -> None:
        """None, NaN and pd.NA in a pandas column of codes are missing currencies."""
        pd = pytest.importorskip("pandas")
        frame = pd.DataFrame(
            {"amount": [1, 2, 3, 4], "currency": ["USD", None, float("nan"), pd.NA]}
        )
        with pytest.raises(
            ValidationError, match="3 row\\(s\\) of the frame have no currency"
        ):
            MoneyBag.from_frame(frame)

    def test_missing_amount_pandas(self) -> None:
        """A NaN in a pandas column of float amounts is a missing amount."""
        pd = pytest.importorskip("pandas")
        frame = pd.DataFrame(
            {"amount": [1.5, float("nan"), float("nan")], "currency": ["USD"] * 3}
        )
        with pytest.raises(
            ValidationError, match="2 row\\(s\\) of the frame have no amount"
        ):
            MoneyBag.from_frame(frame)

    def test_missing_column(self) -> None:
        """A column that is not there is named, with the columns that are."""
        with pytest.raises(ValidationError, match=r"no column 'currency'.*amount"):
            MoneyBag.from_frame(pl.DataFrame({"amount": [1]}))

    def test_not_a_frame(self) -> None:
        """A list is not a frame: ArgumentTypeError, also a TypeError."""
        with pytest.raises(ArgumentTypeError, match="expected a dataframe") as info:
            MoneyBag.from_frame([1, 2])
        assert isinstance(info.value, TypeError)

    def test_column_name_type(self) -> None:
        """A column name must be a str."""
        with pytest.raises(ArgumentTypeError, match="expected a column name"):
            MoneyBag.from_frame(polars_frame([]), amount=1)  # type: ignore[arg-type]

    def test_unknown_code(self) -> None:
        """A code that is not ISO 4217 is an UnknownCurrencyError."""
        frame = pl.DataFrame({"amount": [1], "currency": ["XXQ"]})
        with pytest.raises(UnknownCurrencyError):
            MoneyBag.from_frame(frame)
