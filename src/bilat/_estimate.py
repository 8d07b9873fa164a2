"""Estimates: amounts stated with a qualifier ("nearly $1 billion")."""

from __future__ import annotations

import decimal
import enum
from decimal import Decimal
from typing import TYPE_CHECKING, Final, final

import attrs

from bilat._currency import Currency, CurrencyLike
from bilat._decimal import EXACT, NumberLike, arithmetic_error, to_decimal
from bilat._errors import (
    CurrencyMismatchError,
    InvalidNumberError,
)
from bilat._fields import as_option
from bilat._locale import LocaleLike, get_locale
from bilat._money import Money, make_money
from bilat._pickling import public

if TYPE_CHECKING:
    import datetime as dt

    from bilat._rates import ExchangeRates

__all__ = ["Estimate", "Qualifier"]


@public
class Qualifier(enum.Enum):
    """How a stated amount relates to the true one.

    Example:
        >>> from bilat import Qualifier
        >>> Qualifier("nearly")
        <Qualifier.NEARLY: 'nearly'>
    """

    EXACT = "exact"
    ABOUT = "about"
    NEARLY = "nearly"
    OVER = "over"
    AT_LEAST = "at_least"
    UP_TO = "up_to"

    def __repr__(self) -> str:
        return f"<Qualifier.{self.name}: {self.value!r}>"


# Words used by Estimate.format, before the amount or around ``{}``; other
# languages use the English words, as report labels do.
_WORDS: dict[str, dict[Qualifier, str]] = {
    "en": {
        Qualifier.ABOUT: "about",
        Qualifier.NEARLY: "nearly",
        Qualifier.OVER: "over",
        Qualifier.AT_LEAST: "at least",
        Qualifier.UP_TO: "up to",
    },
    "ru": {
        Qualifier.ABOUT: "около",
        Qualifier.NEARLY: "почти",
        Qualifier.OVER: "более",
        Qualifier.AT_LEAST: "не менее",
        Qualifier.UP_TO: "до",
    },
    "kk": {
        Qualifier.ABOUT: "шамамен",
        Qualifier.NEARLY: "{} көлеміне жуық",
        Qualifier.OVER: "{} көлемінен астам",
        Qualifier.AT_LEAST: "кемінде",
        Qualifier.UP_TO: "ең көбі",
    },
    "uz": {
        Qualifier.ABOUT: "taxminan",
        Qualifier.NEARLY: "qariyb",
        Qualifier.OVER: "{} miqdoridan ortiq",
        Qualifier.AT_LEAST: "kamida",
        Qualifier.UP_TO: "ko‘pi bilan",
    },
}


def _qualifier(value: Qualifier | str) -> Qualifier:
    return as_qualifier(value)


def as_qualifier(value: object) -> Qualifier:
    """A :class:`Qualifier` from a member or its value (``"nearly"``).

    Raises:
        InvalidOptionError: ``value`` names no qualifier (whatever its type).

    Example:
        >>> from bilat._estimate import as_qualifier
        >>> as_qualifier("up_to")
        <Qualifier.UP_TO: 'up_to'>
    """
    if isinstance(value, Qualifier):
        return value
    return Qualifier(as_option(value, _QUALIFIERS, "qualifier"))


#: The qualifiers' values, in order, for :func:`as_qualifier`'s message.
_QUALIFIERS: Final = tuple(q.value for q in Qualifier)


def _money(value: Money) -> Money:
    return _checked_money(value)


def _checked_money(value: object) -> Money:
    if not isinstance(value, Money):
        raise InvalidNumberError(value, "estimate value", "a Money")
    return value


def _tolerance(value: NumberLike) -> Decimal:
    return _checked_tolerance(value)


def _checked_tolerance(value: object) -> Decimal:
    t = to_decimal(value, what="tolerance")
    if not 0 <= t <= 1:
        raise InvalidNumberError(value, "tolerance", "a fraction between 0 and 1")
    return t


def _tidy(bound: Decimal, value: Decimal) -> Decimal:
    """``bound`` without the trailing zeros the tolerance's digits added.

    ``1000000000 × 0.9`` is ``900000000.0``: the bound keeps its value and
    is written with no more decimals than ``value`` (nor fewer than none),
    so ``low`` shows ``900000000`` beside ``high``'s ``1000000000``.

    Example:
        >>> from decimal import Decimal
        >>> _tidy(Decimal("900000000.0"), Decimal("1E+9")), _tidy(Decimal("1.350"), Decimal("1.50"))
        (Decimal('900000000'), Decimal('1.35'))
        >>> _tidy(Decimal("1.215"), Decimal("1.35"))
        Decimal('1.215')
    """
    floor = min(int(value.as_tuple().exponent), 0)
    exponent = int(bound.as_tuple().exponent)
    if exponent >= floor:
        return bound
    stripped = int(bound.normalize(EXACT).as_tuple().exponent)
    target = min(stripped, floor)
    if target <= exponent:
        return bound
    return bound.quantize(Decimal(1).scaleb(target), context=EXACT)


def _bounds(value: Money, qualifier: Qualifier, t: Decimal) -> tuple[Money, Money]:
    v = value.amount
    cur = value.currency
    try:
        below = EXACT.multiply(v, EXACT.subtract(Decimal(1), t))
        above = EXACT.multiply(v, EXACT.add(Decimal(1), t))
    except decimal.DecimalException as e:
        raise arithmetic_error(e, (value, t), "bound of an estimate") from None
    below, above = _tidy(below, v), _tidy(above, v)
    low, high = {
        Qualifier.EXACT: (v, v),
        Qualifier.NEARLY: (below, v),
        Qualifier.OVER: (v, above),
        Qualifier.ABOUT: (below, above),
        Qualifier.AT_LEAST: (v, above),
        Qualifier.UP_TO: (Decimal(0), v),
    }[qualifier]
    return make_money(low, cur), make_money(high, cur)


@public
@final
@attrs.frozen(repr=False)
class Estimate:
    """An amount stated with a qualifier, with documented bounds.

    With value ``v`` and tolerance ``t`` (10 % unless given), the bounds are:

    ========== =====================
    qualifier  bounds
    ========== =====================
    EXACT      [v, v]
    NEARLY     [v·(1−t), v]
    OVER       (v, v·(1+t)]
    ABOUT      [v·(1−t), v·(1+t)]
    AT_LEAST   [v, v·(1+t)]
    UP_TO      [0, v]
    ========== =====================

    Sums keep their bounds exactly: ``low`` and ``high`` of a sum are the sums
    of the parts' bounds. When the parts share one qualifier and tolerance, so
    does the sum; otherwise the sum is qualified by the shape of its bounds
    (``NEARLY`` when the stated value is the upper bound, ``AT_LEAST`` when it
    is the lower one, ``ABOUT`` when it lies between).

    Args:
        value: The stated amount.
        qualifier: How it was qualified; ``EXACT`` when it was not.
        tolerance: The relative width ``t`` of the bounds, between 0 and 1.
        low: Explicit lower bound (for sums); derived when omitted.
        high: Explicit upper bound (for sums); derived when omitted.

    Raises:
        InvalidNumberError: a negative qualified value, a tolerance outside
            [0, 1], or bounds that do not enclose the value.
        PrecisionError: a derived bound cannot be held exactly (a value of
            100 significant digits times 1 ± t needs more).
        CurrencyMismatchError: bounds in another currency than the value.

    Example:
        >>> from bilat import Estimate, Money, Qualifier
        >>> e = Estimate(Money(1_000_000_000, "USD"), Qualifier.NEARLY)
        >>> e.low, e.high
        (Money('900000000', 'USD'), Money('1000000000', 'USD'))
        >>> print(e)
        nearly $1B
        >>> total = e + Money(156_000_000, "USD")
        >>> total.low, total.high
        (Money('1056000000', 'USD'), Money('1156000000', 'USD'))
        >>> print(total.format(), "|", total.format("ru"))
        nearly $1.16B | почти 1,16 млрд $
    """

    value: Money = attrs.field(converter=_money)
    qualifier: Qualifier = attrs.field(default=Qualifier.EXACT, converter=_qualifier)
    tolerance: Decimal = attrs.field(
        default=Decimal("0.1"), converter=_tolerance, kw_only=True
    )
    low: Money = attrs.field(kw_only=True)
    high: Money = attrs.field(kw_only=True)

    @low.default
    def _low(self) -> Money:
        return _bounds(self.value, self.qualifier, self.tolerance)[0]

    @high.default
    def _high(self) -> Money:
        return _bounds(self.value, self.qualifier, self.tolerance)[1]

    def __attrs_post_init__(self) -> None:
        if (
            self.qualifier is not Qualifier.EXACT
            and self.value.amount < 0
            and (self.low, self.high)
            == _bounds(self.value, self.qualifier, self.tolerance)
        ):
            raise InvalidNumberError(
                self.value, "estimate value", "a non-negative amount when qualified"
            )
        for bound in (self.low, self.high):
            if not isinstance(bound, Money):
                raise InvalidNumberError(bound, "bound", "a Money")
            if bound.currency != self.value.currency:
                raise CurrencyMismatchError(
                    self.value.currency.code,
                    bound.currency.code,
                    "bounds",
                    hint="give Estimate() low= and high= in the value's currency: "
                    "bound.to(currency, rates)",
                )
        if not self.low <= self.value <= self.high:
            raise InvalidNumberError(
                (self.low, self.high),
                "bounds",
                f"low <= value <= high around {self.value!r}",
            )

    # -- construction ------------------------------------------------------

    @classmethod
    def parse(cls, text: str, locale: LocaleLike = "en") -> Estimate:
        """Read a possibly qualified amount ("nearly $1 billion", "около 4,4 млрд $").

        Accepts everything :meth:`Money.parse` does, plus a leading qualifier;
        without one the result is ``EXACT``.

        Raises:
            ParseError: ``text`` is not an amount of money.

        Example:
            >>> from bilat import Estimate
            >>> Estimate.parse("nearly $1 billion")
            Estimate(Money('1000000000', 'USD'), Qualifier.NEARLY)
            >>> Estimate.parse("более 4,6 млрд долларов", "ru").qualifier
            <Qualifier.OVER: 'over'>
        """
        from bilat._parse import parse_estimate

        return parse_estimate(text, locale)

    @property
    def currency(self) -> Currency:
        """The currency of the value and both bounds."""
        return self.value.currency

    @property
    def is_exact(self) -> bool:
        """Whether the bounds collapse to the value."""
        return self.low == self.high == self.value

    # -- arithmetic -------------------------------------------------------

    def __add__(self, other: object) -> Estimate:
        if isinstance(other, Money):
            other = Estimate(other)
        if not isinstance(other, Estimate):
            return NotImplemented
        if self.currency != other.currency:
            raise CurrencyMismatchError(self.currency.code, other.currency.code, "+")
        value = self.value + other.value
        low = self.low + other.low
        high = self.high + other.high
        qualifier, tolerance = _combine(self, other)
        if qualifier is None:
            qualifier = _shape(value, low, high)
        return Estimate(value, qualifier, tolerance=tolerance, low=low, high=high)

    def __radd__(self, other: object) -> Estimate:
        if type(other) is int and other == 0:
            return self
        if isinstance(other, Money):
            return self.__add__(other)
        return NotImplemented

    def to(
        self,
        currency: CurrencyLike,
        rates: ExchangeRates,
        on: dt.date | None = None,
    ) -> Estimate:
        """Convert the value and both bounds with the same rate, as Money.to does.

        Raises:
            ValidationError: ``rates`` is not an :class:`ExchangeRates`
                (also a :class:`TypeError`), or ``on`` is not a date.
            RateNotFoundError: ``rates`` has no usable rate for the pair.

        Example:
            >>> import datetime
            >>> from bilat import Estimate, ExchangeRates
            >>> rates = ExchangeRates.from_records(
            ...     [(datetime.date(2025, 1, 2), "EUR", "USD", "1.25")]
            ... )
            >>> Estimate.parse("about €8").to("USD", rates).high
            Money('11.000', 'USD')
        """
        from bilat._rates import expect_rates

        table = expect_rates(rates, "Estimate.to()")

        # As Money.to: exact through a stored rate, rounded (to 60 digits)
        # only where an inverse rate divides.
        def conv(m: Money) -> Money:
            return table.convert(m, currency, on)

        return Estimate(
            conv(self.value),
            self.qualifier,
            tolerance=self.tolerance,
            low=conv(self.low),
            high=conv(self.high),
        )

    # -- text -------------------------------------------------------------

    def format(
        self, locale: LocaleLike = "en", *, compact: bool = True, exact: bool = False
    ) -> str:
        """Format as the qualifier followed by the amount.

        English, Russian, Kazakh and Uzbek use their own words ("nearly $1B",
        "почти 1 млрд $", "1 млрд $ көлеміне жуық", "qariyb 1 mlrd US$"),
        before the amount or after it as the language writes them; other
        languages use the English words, as report labels do, with the
        locale's number format. The amount shows as
        :meth:`Money.format` writes it: compact by default, in full rounded to
        the currency's minor unit with ``compact=False``, every digit with
        ``exact=True``.

        Example:
            >>> from bilat import Estimate
            >>> e = Estimate.parse("nearly $1 billion")
            >>> print(e.format(), "|", e.format("ru"), "|", e.format("kk"))
            nearly $1B | почти 1 млрд $ | 1 млрд $ көлеміне жуық
            >>> print(e.format("uz"), "|", e.format("de"))
            qariyb 1 mlrd US$ | nearly 1 Mrd. $
            >>> third = Estimate(Money(1, "USD") / 3, Qualifier.ABOUT)
            >>> print(third.format(compact=False), "|", third.format(exact=True)[:16] + "…")
            about $0.33 | about $0.3333333…
        """
        amount = self.value.format(locale, compact=compact, exact=exact)
        if self.qualifier is Qualifier.EXACT:
            return amount
        words = _WORDS.get(get_locale(locale).language, _WORDS["en"])
        word = words[self.qualifier]
        return word.format(amount) if "{}" in word else f"{word} {amount}"

    def __str__(self) -> str:
        return self.format()

    def __repr__(self) -> str:
        args = [repr(self.value)]
        if self.qualifier is not Qualifier.EXACT:
            args.append(f"Qualifier.{self.qualifier.name}")
        if self.tolerance != Decimal("0.1"):
            args.append(f"tolerance=Decimal({str(self.tolerance)!r})")
        derived = _bounds(self.value, self.qualifier, self.tolerance)
        if (self.low, self.high) != derived:
            args.append(f"low={self.low!r}, high={self.high!r}")
        return f"Estimate({', '.join(args)})"

    def _repr_html_(self) -> str:
        from html import escape

        return (
            f'<span class="bilat-estimate" title="{escape(self.low.format())} – '
            f'{escape(self.high.format())}">{escape(self.format())}</span>'
        )


def _combine(a: Estimate, b: Estimate) -> tuple[Qualifier | None, Decimal]:
    """The qualifier of a sum: shared by the parts, ignoring exact ones."""
    if a.qualifier is Qualifier.EXACT:
        return b.qualifier, b.tolerance
    if b.qualifier is Qualifier.EXACT or (
        a.qualifier is b.qualifier and a.tolerance == b.tolerance
    ):
        return a.qualifier, a.tolerance
    return None, max(a.tolerance, b.tolerance)


def _shape(value: Money, low: Money, high: Money) -> Qualifier:
    if low == value == high:
        return Qualifier.EXACT
    if high == value:
        return Qualifier.NEARLY
    if low == value:
        return Qualifier.AT_LEAST
    return Qualifier.ABOUT
