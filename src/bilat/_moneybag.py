"""MoneyBag: a sum of amounts in several currencies, converted once per currency."""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from operator import attrgetter, countOf
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, final

import attrs

from bilat._currency import Currency, CurrencyLike, as_currency
from bilat._decimal import EXACT, READ, exact_sums, to_decimal
from bilat._errors import (
    ArgumentTypeError,
    MissingExtraError,
    NumberTypeError,
    shown,
)
from bilat._fields import invalid, plain_str
from bilat._money import Money, amount_of, make_money
from bilat._pickling import public

if TYPE_CHECKING:
    import datetime as dt

    from bilat._money import _Kind
    from bilat._rates import ExchangeRates

__all__ = ["MoneyBag"]

_kind_of = attrgetter("_kind")
_coefficient_of = attrgetter("_coefficient")
_ZERO = Decimal(0)


def _items(items: tuple[object, ...]) -> Sequence[object]:
    """The items of ``MoneyBag(*items)``, or of ``MoneyBag(iterable)``."""
    if len(items) != 1 or type(items[0]) in (Money, MoneyBag):
        return items
    given = items[0]
    if type(given) in (list, tuple):
        return given  # type: ignore[return-value]
    # Text and mappings are iterable, but their items are not amounts.
    if not isinstance(given, str | bytes | bytearray | Mapping):
        iterator = _iterator(given)
        if iterator is not None:
            try:
                return tuple(iterator)
            except Exception as e:  # its own __next__ raised
                raise NumberTypeError(
                    given,
                    "MoneyBag items",
                    "an iterable of Money and MoneyBags "
                    f"(iterating it raised {type(e).__name__})",
                ) from e
    raise NumberTypeError(
        given,
        "MoneyBag item",
        "a Money or a MoneyBag (or one iterable of them, such as a list)",
    )


def _iterator(value: object) -> Iterator[object] | None:
    """An iterator over ``value``, or None when it is not iterable."""
    try:
        return iter(value)  # type: ignore[call-overload,no-any-return]
    except Exception:  # noqa: BLE001 - not iterable (or its __iter__ raised)
        return None


def _totals(items: Sequence[object]) -> dict[Currency, Decimal]:
    """Sum amounts per currency, exactly.

    Every pass over ``items`` runs in C (``map``, ``operator.countOf``,
    ``sum``). Money keeps its amount as an int coefficient of a shared kind
    (a currency and an exponent), so a million Money in one currency with
    the same number of decimals take two passes (kind identity, an int sum)
    and no Python code per item. Other items are grouped by kind and added
    up by :func:`_add_up`.
    """
    count = len(items)
    if not count:
        return {}
    first, last = items[0], items[-1]
    if type(first) is Money:
        kind = first._kind
        # The last item is looked at first: when it is of another kind, no
        # pass over the kinds is spent finding out that they are mixed.
        if type(last) is Money and last._kind is kind:
            try:
                # Only Money holds a kind: every item is Money of this kind.
                same = countOf(map(_kind_of, items), kind) == count
            except Exception:  # noqa: BLE001 - an item without a kind: see below
                same = False
            if same:
                total = sum(map(_coefficient_of, items))
                # A positive exponent is written out (1E+3 as 1000), as a
                # sum from Decimal(0) writes it: left to _add_up.
                if kind.low < total < kind.high and kind.exponent <= 0:
                    return {kind.currency: amount_of(total, kind)} if total else {}
        if countOf(map(type, items), Money) == count:
            return _add_up(items, ())  # type: ignore[arg-type]
    bags: list[MoneyBag] = []
    singles: list[Money] = []
    for item in items:
        if type(item) is Money:
            singles.append(item)
        elif type(item) is MoneyBag:
            bags.append(item)
        else:
            raise NumberTypeError(item, "MoneyBag item", "a Money or a MoneyBag")
    return _add_up(singles, bags)


def _add_up(
    moneys: Sequence[Money], bags: Sequence[MoneyBag]
) -> dict[Currency, Decimal]:
    """The totals of ``moneys`` and ``bags``, one per currency, zeros left out.

    The coefficients of each kind are summed as ints, and a currency's
    kinds are added as ints aligned to their least exponent (never above
    0, as a sum from ``Decimal(0)`` writes ``1E+3`` as ``1000``): no
    partial sum is rounded or refused. Only the total is put to
    :data:`EXACT`, which refuses one it cannot hold.
    """
    groups: defaultdict[_Kind, list[int]] = defaultdict(list)
    # One C loop: groups[m._kind].append(m._coefficient) for every m.
    deque(
        map(
            list.append,
            map(groups.__getitem__, map(_kind_of, moneys)),
            map(_coefficient_of, moneys),
        ),
        maxlen=0,
    )
    sums: dict[Currency, list[tuple[int, int]]] = {}
    for kind, coefficients in groups.items():
        sums.setdefault(kind.currency, []).append((sum(coefficients), kind.exponent))
    totals: dict[Currency, Decimal] = {}
    with exact_sums("total of a MoneyBag"):
        for cur, parts in sums.items():
            low = min(0, *(exponent for _, exponent in parts))
            total = sum(c * 10 ** (exponent - low) for c, exponent in parts)
            totals[cur] = _in_range(_scaleb(Decimal(total), low))
        for bag in bags:
            for cur, amount in bag._totals.items():
                totals[cur] = totals.get(cur, _ZERO) + amount
    return {cur: amount for cur, amount in totals.items() if amount}


_in_range = EXACT.create_decimal
_scaleb = READ.scaleb  # exact: READ has room for every digit


def _frame_totals(
    frame: object, amount: object, currency: object
) -> dict[Currency, Decimal]:
    """The per-currency totals of :meth:`MoneyBag.from_frame`."""
    try:
        import narwhals
    except ImportError as e:
        raise MissingExtraError("polars", "narwhals", "MoneyBag.from_frame()") from e
    nw: Any = narwhals  # its overloads do not take an unknown object
    amount_column, currency_column = plain_str(amount), plain_str(currency)
    if amount_column is None:
        raise ArgumentTypeError(
            [("amount", f"expected a column name (a str), got {shown(amount)}")]
        )
    if currency_column is None:
        raise ArgumentTypeError(
            [("currency", f"expected a column name (a str), got {shown(currency)}")]
        )
    try:
        wrapped = nw.from_native(frame)
    except TypeError:
        raise ArgumentTypeError(
            [
                (
                    "frame",
                    (
                        "expected a dataframe narwhals reads (pandas, polars, "
                        f"pyarrow, DuckDB …), got {shown(frame)}"
                    ),
                )
            ]
        ) from None
    if not isinstance(wrapped, nw.DataFrame | nw.LazyFrame):
        raise ArgumentTypeError(
            [("frame", f"expected a dataframe, got {shown(frame)}")]
        )
    rows = wrapped.lazy()
    schema = rows.collect_schema()
    for keyword, name in (("amount", amount_column), ("currency", currency_column)):
        if name not in schema:
            raise invalid(
                keyword,
                f"no column {shown(name)} in the frame; its columns are: "
                + ", ".join(map(str, schema)),
            )
    dtype = schema[amount_column]
    if wrapped.implementation.is_polars() and (
        isinstance(dtype, nw.Decimal)
        or (dtype.is_integer() and dtype not in (nw.Int128, nw.UInt128))
    ):
        column = nw.col(amount_column)
        if not isinstance(dtype, nw.Decimal):
            column = column.cast(nw.Decimal(38, 0))  # 64-bit ints fit: exact
        try:
            groups = (
                rows.group_by(currency_column)
                .agg(
                    column.sum().alias("total"),
                    nw.col(amount_column).null_count().alias("missing"),
                    nw.len().alias("rows"),
                )
                .collect()
                .rows()
            )
        except Exception:  # noqa: BLE001 - polars refused to overflow: bilat adds
            groups = None
        if groups is not None:
            return _group_totals(groups, amount_column, currency_column)
    # The engine's own test of a missing value: None, and also NaN and pd.NA
    # in pandas, which would otherwise reach Money as a code or an amount.
    table = rows.select(amount_column, currency_column).collect()
    amounts, codes = table[amount_column], table[currency_column]
    _no_missing(int(amounts.is_null().sum()), amount_column, "amount")
    _no_missing(int(codes.is_null().sum()), currency_column, "currency")
    amounts, codes = amounts.to_list(), codes.to_list()
    return _totals(list(map(Money, amounts, codes)))


def _group_totals(
    groups: Sequence[tuple[object, Decimal | None, int, int]],
    amount_column: str,
    currency_column: str,
) -> dict[Currency, Decimal]:
    """The totals from the engine's groups of (code, total, missing amounts, rows)."""
    _no_missing(sum(g[2] for g in groups), amount_column, "amount")
    _no_missing(sum(g[3] for g in groups if g[0] is None), currency_column, "currency")
    totals: dict[Currency, Decimal] = {}
    with exact_sums("total of a MoneyBag"):
        for code, total, _, _ in groups:
            cur = as_currency(code)  # refuses a non-code
            found = to_decimal(total if total is not None else 0, what="total")
            totals[cur] = totals.get(cur, _ZERO) + found
    return {cur: total for cur, total in totals.items() if total}


def _no_missing(count: int, column: str, what: str) -> None:
    if count:
        raise invalid(
            what,
            f"{count:,} row(s) of the frame have no {what} in column "
            f"{shown(column)}: fill or drop them first",
        )


@public
@final
@attrs.frozen(init=False, repr=False, eq=False)
class MoneyBag:
    """A sum of amounts in several currencies.

    Adding never converts: each currency keeps its own exact total (a total
    that comes to zero is dropped), and
    :meth:`to` converts each currency once (not each item), so a bag of a
    million amounts in five currencies needs five rate look-ups.

    Args:
        *items: Money and other MoneyBags, or one iterable of them (a list,
            a tuple, a generator): ``MoneyBag(amounts)`` is
            ``MoneyBag(*amounts)`` without unpacking a long list into
            arguments.

    Raises:
        NumberTypeError: an item is neither Money nor MoneyBag, or the one
            argument is a str, bytes or a mapping rather than an iterable
            of items.

    Example:
        >>> import datetime
        >>> from bilat import ExchangeRates, Money, MoneyBag
        >>> bag = MoneyBag(Money(100, "USD"), Money(2000, "KZT"), Money(50, "USD"))
        >>> bag
        MoneyBag(Money('2000', 'KZT'), Money('150', 'USD'))
        >>> bag["USD"], bag.currencies
        (Money('150', 'USD'), (Currency('KZT'), Currency('USD')))
        >>> rates = ExchangeRates.from_records(
        ...     [(datetime.date(2025, 1, 2), "USD", "KZT", "500")]
        ... )
        >>> bag.to("USD", rates)  # 2000 / 500 = 4, exactly
        Money('154', 'USD')
    """

    _totals: Mapping[Currency, Decimal]

    def __init__(self, *items: Money | MoneyBag | Iterable[Money | MoneyBag]) -> None:
        self.__attrs_init__(MappingProxyType(_totals(_items(items))))

    @classmethod
    def from_frame(
        cls, frame: object, amount: str = "amount", currency: str = "currency"
    ) -> MoneyBag:
        """A bag of a dataframe's amounts, each in the currency of its row.

        The column path for many amounts: ``MoneyBag.from_frame(df).to("USD",
        rates)`` adds each currency's amounts and converts each total once,
        as ``MoneyBag(Money(a, c) for a, c in rows)`` would; from a polars
        frame of ``Decimal`` or integer amounts it does so without building a
        Money per row (see Exactness). ``frame`` is any frame narwhals reads (pandas,
        polars eager or lazy, pyarrow, DuckDB …), ``amount`` the column of
        amounts and ``currency`` the column of ISO 4217 codes.

        Exactness: a polars frame whose amounts are ``Decimal`` or integers
        is summed by polars, per currency, as 128-bit integers, which is
        exact (polars stops with an error rather than overflow; bilat then
        adds the amounts itself). Any other frame or column type (text,
        floats, Python Decimals in an object column) is read into Python
        and each amount taken as :class:`Money` takes it. Either way the
        totals are exact and in bilat's range, or the call raises.

        Args:
            frame: A dataframe or lazy frame.
            amount: The name of the column of amounts.
            currency: The name of the column of currency codes.

        Raises:
            ArgumentTypeError: ``frame`` is not a frame narwhals reads, or a
                column name is not a str.
            ValidationError: a column is missing, or a row has no amount or
                no currency.
            UnknownCurrencyError: a code is not an ISO 4217 code.
            InvalidNumberError: an amount is not a number.
            PrecisionError: a total is outside bilat's range.
            MissingExtraError: narwhals is not installed (``pip install
                'bilat[polars]'``).

        Example:
            >>> import polars as pl
            >>> from decimal import Decimal
            >>> from bilat import MoneyBag
            >>> df = pl.DataFrame(
            ...     {"amount": [Decimal("1.50"), Decimal("2.25"), Decimal("3")],
            ...      "currency": ["USD", "EUR", "USD"]},
            ...     schema={"amount": pl.Decimal(20, 2), "currency": pl.String},
            ... )
            >>> MoneyBag.from_frame(df)
            MoneyBag(Money('2.25', 'EUR'), Money('4.50', 'USD'))
        """
        bag = cls.__new__(cls)
        bag.__attrs_init__(MappingProxyType(_frame_totals(frame, amount, currency)))
        return bag

    @classmethod
    def _of_moneys(cls, moneys: Sequence[Money]) -> MoneyBag:
        """``MoneyBag(moneys)`` for a sequence known to hold only Money.

        An item without a kind (None, an Estimate) raises AttributeError
        before anything is added.
        """
        bag = cls.__new__(cls)
        bag.__attrs_init__(MappingProxyType(_add_up(moneys, ())))
        return bag

    @property
    def currencies(self) -> tuple[Currency, ...]:
        """The currencies in the bag, sorted by code."""
        return tuple(sorted(self._totals, key=attrgetter("code")))

    def __getitem__(self, currency: CurrencyLike) -> Money:
        """The total in ``currency`` (zero when the bag holds none of it)."""
        cur = as_currency(currency)
        return make_money(self._totals.get(cur, Decimal(0)), cur)

    def __iter__(self) -> Iterator[Money]:
        """The per-currency totals, sorted by currency code."""
        return (self[c] for c in self.currencies)

    def __len__(self) -> int:
        return len(self._totals)

    def __bool__(self) -> bool:
        return any(self._totals.values())

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, MoneyBag):
            return NotImplemented
        mine = {c: a for c, a in self._totals.items() if a}
        theirs = {c: a for c, a in other._totals.items() if a}
        return mine == theirs

    def __hash__(self) -> int:
        return hash(frozenset((c, a) for c, a in self._totals.items() if a))

    def __reduce__(self) -> tuple[type[MoneyBag], tuple[Money, ...]]:
        """Pickle (and copy) as ``MoneyBag(*totals)``: public names only."""
        return MoneyBag, tuple(self)

    def __add__(self, other: object) -> MoneyBag:
        if isinstance(other, Money | MoneyBag):
            return MoneyBag(self, other)
        return NotImplemented

    def __radd__(self, other: object) -> MoneyBag:
        if type(other) is int and other == 0:
            return self
        if isinstance(other, Money):
            return MoneyBag(other, self)
        return NotImplemented

    def __sub__(self, other: object) -> MoneyBag:
        if isinstance(other, Money | MoneyBag):
            return MoneyBag(self, -other)
        return NotImplemented

    def __neg__(self) -> MoneyBag:
        return MoneyBag(*(-m for m in self))

    def to(
        self,
        currency: CurrencyLike,
        rates: ExchangeRates,
        on: dt.date | None = None,
    ) -> Money:
        """Convert every currency's total with one rate each, and add up.

        Each currency's total converts by the one rule of
        :meth:`ExchangeRates.convert` (exact through stored rates, rounded
        once, to 60 digits, where a rate is inverted), so a bag holding
        one amount converts exactly as that Money does. The converted
        totals are added exactly; call :meth:`Money.round` for minor units.

        Raises:
            ValidationError: ``rates`` is not an :class:`ExchangeRates`
                (also a :class:`TypeError`), or ``on`` is not a date.
            RateNotFoundError: a currency in the bag has no usable rate.

        Example:
            >>> import datetime
            >>> from bilat import ExchangeRates, Money, MoneyBag
            >>> rates = ExchangeRates.from_records(
            ...     [(datetime.date(2025, 1, 2), "EUR", "USD", "1.04")]
            ... )
            >>> MoneyBag(Money(10, "EUR"), Money(1, "USD")).to("USD", rates)
            Money('11.40', 'USD')
        """
        from bilat._rates import check_on, convert_amount, expect_rates

        table = expect_rates(rates, "MoneyBag.to()")
        target = as_currency(currency)
        code = target.code
        on = check_on(on)  # once, even for an empty bag
        found = [
            convert_amount(table, amount, cur.code, code, on)
            for cur, amount in self._totals.items()
        ]
        with exact_sums(f"conversion of a MoneyBag to {code}"):
            total = sum(found, _ZERO)
        return make_money(total, target)

    def __repr__(self) -> str:
        return f"MoneyBag({', '.join(map(repr, self))})"

    def format(
        self, locale: str = "en", *, compact: bool = False, exact: bool = False
    ) -> str:
        """Format as the per-currency totals joined by ``" + "``.

        Each total shows as :meth:`Money.format` writes it: rounded to its
        currency's minor unit for people (half-even), every digit with
        ``exact=True``; the totals themselves stay exact.

        Example:
            >>> from bilat import Money, MoneyBag
            >>> MoneyBag(Money(5, "USD"), Money(3, "EUR")).format()
            '€3.00 + $5.00'
            >>> bag = MoneyBag(Money(1, "USD") / 3, Money("2.5", "JPY"))
            >>> print(bag, "|", bag.format(exact=True)[:18] + "…")
            ¥2 + $0.33 | ¥2.5 + $0.33333333…
        """
        if not self._totals:
            return "0"
        return " + ".join(m.format(locale, compact=compact, exact=exact) for m in self)

    def __str__(self) -> str:
        return self.format()
