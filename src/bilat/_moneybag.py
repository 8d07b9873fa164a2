"""MoneyBag: a sum of amounts in several currencies, converted once per currency."""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from itertools import repeat
from operator import attrgetter, countOf, is_
from types import MappingProxyType
from typing import TYPE_CHECKING, final

import attrs

from bilat._currency import Currency, CurrencyLike, as_currency
from bilat._decimal import exact_sums
from bilat._errors import NumberTypeError
from bilat._money import Money, make_money
from bilat._pickling import public

if TYPE_CHECKING:
    import datetime as dt

    from bilat._rates import ExchangeRates

__all__ = ["MoneyBag"]

_amount_of = attrgetter("amount")
_currency_of = attrgetter("currency")
_ZERO = Decimal(0)


def _totals(items: tuple[Money | MoneyBag, ...]) -> dict[Currency, Decimal]:
    """Sum amounts per currency in the library context.

    Every pass over ``items`` runs in C (``map``, ``operator.countOf``,
    ``all``, ``sum``): a million Money in one currency take three passes
    (types, currency identity, amounts) and no Python code per item. Mixed currencies are
    grouped by the identity of their Currency object (Money made from the same
    code shares one), then each group is summed once; groups of equal
    currencies held by distinct objects are merged at the end.
    """
    count = len(items)
    totals: dict[Currency, Decimal] = {}
    if not count:
        return totals
    with exact_sums("total of a MoneyBag"):
        if countOf(map(type, items), Money) == count:
            moneys: tuple[Money, ...] = items  # type: ignore[assignment]
            first = moneys[0].currency
            # Identity, not ==: stops at the first other currency object.
            if all(map(is_, map(_currency_of, moneys), repeat(first))):
                total = sum(map(_amount_of, moneys), _ZERO)
                return {first: total} if total else totals
            _group(moneys, totals)
        else:
            bags: list[MoneyBag] = []
            singles: list[Money] = []
            for item in items:
                if type(item) is Money:
                    singles.append(item)
                elif type(item) is MoneyBag:
                    bags.append(item)
                else:
                    raise NumberTypeError(
                        item, "MoneyBag item", "a Money or a MoneyBag"
                    )
            _group(singles, totals)
            for bag in bags:
                for cur, amount in bag._totals.items():
                    totals[cur] = totals.get(cur, _ZERO) + amount
    return {cur: amount for cur, amount in totals.items() if amount}


def _group(moneys: Sequence[Money], totals: dict[Currency, Decimal]) -> None:
    """Add the amounts of ``moneys`` to ``totals``, one sum per currency.

    Runs in the caller's context: the exact one of :func:`exact_sums`.
    """
    groups: defaultdict[int, list[Decimal]] = defaultdict(list)
    # One C loop: groups[id(m.currency)].append(m.amount) for every m.
    deque(
        map(
            list.append,
            map(groups.__getitem__, map(id, map(_currency_of, moneys))),
            map(_amount_of, moneys),
        ),
        maxlen=0,
    )
    by_id = {id(m.currency): m.currency for m in _firsts(moneys, groups)}
    for key, amounts in groups.items():
        cur = by_id[key]
        totals[cur] = totals.get(cur, _ZERO) + sum(amounts, _ZERO)


def _firsts(
    moneys: Sequence[Money], groups: Mapping[int, list[Decimal]]
) -> Iterator[Money]:
    """One Money of each currency object in ``groups``."""
    wanted = set(groups)
    for money in moneys:
        key = id(money.currency)
        if key in wanted:
            wanted.discard(key)
            yield money
            if not wanted:
                return


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
        *items: Money and other MoneyBags.

    Raises:
        NumberTypeError: an item is neither Money nor MoneyBag.

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

    def __init__(self, *items: Money | MoneyBag) -> None:
        self.__attrs_init__(MappingProxyType(_totals(items)))

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

    def format(self, locale: str = "en", *, compact: bool = False) -> str:
        """Format as the per-currency totals joined by ``" + "``.

        Example:
            >>> from bilat import Money, MoneyBag
            >>> MoneyBag(Money(5, "USD"), Money(3, "EUR")).format()
            '€3.00 + $5.00'
        """
        if not self._totals:
            return "0"
        return " + ".join(m.format(locale, compact=compact) for m in self)

    def __str__(self) -> str:
        return self.format()
