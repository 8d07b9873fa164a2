"""Money: an exact Decimal amount in one ISO 4217 currency."""

from __future__ import annotations

import decimal
from collections.abc import Callable, Iterable, Sequence
from decimal import ROUND_HALF_EVEN, Decimal
from operator import attrgetter
from typing import (
    TYPE_CHECKING,
    Any,
    ClassVar,
    Literal,
    SupportsIndex,
    TypeAlias,
    final,
    overload,
)

import attrs

from bilat._allocation import MAX_PARTS, apportion, part_count, weights_of
from bilat._currency import Currency, CurrencyLike, as_currency
from bilat._decimal import (
    CONTEXT,
    EMAX,
    EMIN,
    EXACT,
    MAX_DIGITS,
    QUOTIENTS,
    READ,
    NumberLike,
    arithmetic_error,
    context_with,
    decimal_text,
    integer_of,
    to_decimal,
)
from bilat._errors import (
    CurrencyMismatchError,
    DivisionByZeroError,
    NumberTypeError,
    PrecisionError,
)
from bilat._fields import is_quantity
from bilat._locale import LocaleLike
from bilat._money_format import format_money, format_with_spec
from bilat._pickling import public

if TYPE_CHECKING:
    import datetime as dt

    import pint

    from bilat._rates import ExchangeRates
    from bilat._units import UnitPrice

__all__ = [
    "MAX_PARTS",
    "Money",
    "Number",
    "RoundingMode",
    "amount_of",
    "currencies_of",
    "make_money",
]

#: Numbers accepted where an amount or a factor is expected.
Number: TypeAlias = int | Decimal | float | str
#: The rounding modes of :mod:`decimal`, by name.
RoundingMode: TypeAlias = Literal[
    "ROUND_CEILING",
    "ROUND_DOWN",
    "ROUND_FLOOR",
    "ROUND_HALF_DOWN",
    "ROUND_HALF_EVEN",
    "ROUND_HALF_UP",
    "ROUND_UP",
    "ROUND_05UP",
]

# Sums, differences and products are exact or raise; quotients round.
_add = EXACT.add
_sub = EXACT.subtract
_mul = EXACT.multiply
_div = QUOTIENTS.divide
_DecimalException = decimal.DecimalException


def _amount(value: object) -> Decimal:
    return to_decimal(value, what="amount")


def _factor(value: object) -> Decimal | None:
    """A multiplier or divisor, or None when ``value`` is not a plain number.

    Integer types of other libraries (``numpy.int64``) count as ints.
    """
    if isinstance(value, Decimal | int | float) or integer_of(value) is not None:
        return to_decimal(value, what="factor")
    return None


class _Kind:
    """What Money whose amounts are ``coefficient × 10**exponent`` share.

    One kind exists per currency code and exponent (two decimals of US
    dollars are one kind), so ``a._kind is b._kind`` says that two amounts
    are in the same currency with the same number of decimals: adding them
    is adding two ints. ``low < c < high`` holds exactly for the
    coefficients whose amount lies in bilat's range (at most
    :data:`~bilat._decimal.MAX_DIGITS` digits, a magnitude below
    ``10**100``); a sum outside it, or any sum of a kind whose ``high`` is 0,
    is left to :data:`~bilat._decimal.EXACT`, which rules on it as for any
    Decimal.
    """

    __slots__ = ("currency", "exponent", "high", "low")

    def __init__(self, currency: Currency, exponent: int, *, fast: bool) -> None:
        self.currency = currency
        self.exponent = exponent
        high = 0
        # Below 10**EMIN a non-zero amount would be out of range, and a
        # negative zero is not an int: both go through Decimal.
        if fast and EMIN <= exponent <= EMAX:
            high = 10 ** min(MAX_DIGITS, EMAX + 1 - exponent)
        self.high = high
        self.low = -high


#: The kinds, by currency code and exponent (and ``True`` for the kinds of
#: negative zeros). Kinds are never removed: few exponents are in use.
_KINDS: dict[tuple[str, int] | tuple[str, int, bool], _Kind] = {}


def _kind(currency: Currency, exponent: int, *, negative_zero: bool) -> _Kind:
    """The kind of ``currency`` and ``exponent``, made on first use."""
    key = (
        (currency.code, exponent, True) if negative_zero else (currency.code, exponent)
    )
    kind = _KINDS.get(key)
    if kind is None:
        kind = _KINDS.setdefault(key, _Kind(currency, exponent, fast=not negative_zero))
    return kind


def _attrs_compatible(cls: type[Money]) -> type[Money]:
    """Describe ``cls`` to attrs as the class of ``amount`` and ``currency``.

    Money keeps its amount as an int coefficient and a shared
    :class:`_Kind`, not as attrs fields; to attrs (``attrs.fields``,
    ``attrs.evolve``, ``attrs.asdict``) and to ``typing.get_type_hints`` it
    is still a value class of the two public fields, built by
    ``Money(amount, currency)``.
    """
    shape = attrs.make_class(
        cls.__name__,
        {"amount": attrs.field(), "currency": attrs.field()},
        frozen=True,
        slots=True,
    )
    cls.__attrs_attrs__ = attrs.fields(shape)
    cls.__annotations__ = {"amount": "Decimal", "currency": "Currency"}
    return cls


@public
@final
@_attrs_compatible
class Money:
    """An exact amount of money in one currency.

    Amounts are :class:`~decimal.Decimal`. ``int``, ``Decimal`` and ``str``
    (underscores and a sign allowed) are taken exactly; a ``float`` goes through
    its shortest repr, so ``0.1`` becomes ``Decimal("0.1")``. ``bool``, NaN and
    infinities are refused. Arithmetic runs in bilat's own decimal context, so
    results never depend on :func:`decimal.getcontext`.

    Amounts have at most 100 significant digits and a magnitude below
    ``10**100`` (and, unless zero, at least ``10**-100``). Sums, differences
    and products keep every digit: a result that cannot be held exactly
    raises :class:`~bilat.PrecisionError` rather than being rounded. Division
    rounds the quotient to 60 significant digits.

    Args:
        amount: The amount, in major units (dollars, not cents).
        currency: An ISO 4217 code or a :class:`Currency`.

    Raises:
        InvalidNumberError: ``amount`` is NaN, infinite or not a number.
        PrecisionError: ``amount`` is outside bilat's range.
        NumberTypeError: ``amount`` is a bool or not a number type.
        UnknownCurrencyError: ``currency`` is not an ISO 4217 code.

    Example:
        >>> from bilat import Money
        >>> m = Money("156_000_000", "usd")
        >>> m
        Money('156000000', 'USD')
        >>> print(m)
        $156,000,000.00
        >>> print(m.format(compact=True), "|", m.format("ru", compact=True))
        $156M | 156 млн $
        >>> Money(0.1, "USD") + Money("0.2", "USD") == Money("0.3", "USD")
        True
        >>> sum([Money(1, "EUR"), Money(2, "EUR")])
        Money('3', 'EUR')
    """

    # The amount is ``_coefficient × 10**_kind.exponent``; ``_amount`` holds
    # it as a Decimal once built (a result of arithmetic leaves it unset and
    # builds it on first use). Set only in this module: a Money never changes.
    __slots__ = ("_amount", "_coefficient", "_kind")
    __match_args__ = ("amount", "currency")
    __attrs_attrs__: ClassVar[Any]  # set by _attrs_compatible
    _amount: Decimal
    _coefficient: int
    _kind: _Kind

    def __new__(cls, amount: NumberLike, currency: CurrencyLike) -> Money:
        number = _amount(amount)
        return _make(number, as_currency(currency))

    @property
    def amount(self) -> Decimal:
        """The amount, in major units (dollars, not cents)."""
        try:
            return self._amount
        except AttributeError:  # a result of arithmetic: built on first use
            number = self._amount = amount_of(self._coefficient, self._kind)
            return number

    @property
    def currency(self) -> Currency:
        """The currency."""
        return self._kind.currency

    def __reduce__(self) -> tuple[type[Money], tuple[Decimal, Currency]]:
        """Pickle (and copy) as ``Money(amount, currency)``: public names only."""
        return Money, (self.amount, self.currency)

    # -- construction -----------------------------------------------------

    @classmethod
    def parse(cls, text: str, locale: LocaleLike = "en") -> Money:
        """Read an amount as written in news and reports.

        Understands currency symbols and codes before or after the number,
        currency names in English, Russian and ``locale`` (in every plural
        form), scale words from CLDR for every locale (``million``, ``bn``,
        ``crore``, ``млрд``, ``Mrd.``, ``億`` …) and the thousands and
        decimal separators of ``locale`` (``1,234.5`` in ``en``, ``1 234,5``
        in ``ru``, ``kk`` and ``uz``). In English and Russian ``$`` is the US
        dollar; in another locale a symbol that CLDR gives to one currency
        there means that currency, as :meth:`format` writes it (``$`` is the
        Australian dollar in ``en_AU``). A bare ``¥`` that could be yen or
        yuan is refused. The scientific compact form :meth:`format` writes
        beyond CLDR's largest unit (``$1.23E15``) reads back too. A
        qualified amount ("nearly $1 billion") is not a Money: read it with
        :meth:`Estimate.parse`.

        Raises:
            ParseError: ``text`` is not an amount of money, or is qualified.

        Example:
            >>> from bilat import Money
            >>> Money.parse("$156 million")
            Money('156000000', 'USD')
            >>> Money.parse("156 млн долларов", "ru")
            Money('156000000', 'USD')
            >>> Money.parse("₸ 2,5 млрд", "ru")
            Money('2500000000', 'KZT')
            >>> Money.parse("$12.50", "en_AU"), Money.parse("US$12.50", "en_AU")
            (Money('12.50', 'AUD'), Money('12.50', 'USD'))
        """
        from bilat._parse import parse_money

        return parse_money(text, locale)

    # -- comparison -------------------------------------------------------

    def __eq__(self, other: object) -> bool:
        if type(other) is Money:
            kind = self._kind
            if kind is other._kind:
                return self._coefficient == other._coefficient
            mine, theirs = kind.currency, other._kind.currency
            return (mine is theirs or mine == theirs) and self.amount == other.amount
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.amount, self.currency.code))

    def _check(self, other: Money, operation: str) -> None:
        if self.currency is not other.currency and self.currency != other.currency:
            raise CurrencyMismatchError(
                self.currency.code, other.currency.code, operation
            )

    def __lt__(self, other: object) -> bool:
        if type(other) is not Money:
            return NotImplemented
        self._check(other, "<")
        return self.amount < other.amount

    def __le__(self, other: object) -> bool:
        if type(other) is not Money:
            return NotImplemented
        self._check(other, "<=")
        return self.amount <= other.amount

    def __gt__(self, other: object) -> bool:
        if type(other) is not Money:
            return NotImplemented
        self._check(other, ">")
        return self.amount > other.amount

    def __ge__(self, other: object) -> bool:
        if type(other) is not Money:
            return NotImplemented
        self._check(other, ">=")
        return self.amount >= other.amount

    def __bool__(self) -> bool:
        return bool(self._coefficient)

    # -- arithmetic -------------------------------------------------------

    def __add__(self, other: object) -> Money:
        if type(other) is Money:
            kind = self._kind
            if kind is other._kind:
                coefficient = self._coefficient + other._coefficient
                if kind.low < coefficient < kind.high:
                    result = _new(Money)
                    result._coefficient = coefficient
                    result._kind = kind
                    return result
            return self._exactly(other, _add, "+", "sum")
        return NotImplemented

    def _exactly(
        self,
        other: Money,
        operation: Callable[[Decimal, Decimal], Decimal],
        symbol: str,
        what: str,
    ) -> Money:
        """``operation`` on the two amounts as Decimals, in :data:`EXACT`.

        For the sums and differences the int coefficients cannot give
        (other currencies, other exponents, results near the range's edge).
        """
        self._check(other, symbol)
        try:
            return _make(operation(self.amount, other.amount), self.currency)
        except _DecimalException as e:
            raise arithmetic_error(e, (self, other), what) from None

    def __radd__(self, other: object) -> Money:
        # ``sum()`` starts from the int 0; nothing else is added implicitly.
        if type(other) is int and other == 0:
            return self
        return NotImplemented

    def __sub__(self, other: object) -> Money:
        if type(other) is Money:
            kind = self._kind
            if kind is other._kind:
                coefficient = self._coefficient - other._coefficient
                if kind.low < coefficient < kind.high:
                    result = _new(Money)
                    result._coefficient = coefficient
                    result._kind = kind
                    return result
            return self._exactly(other, _sub, "-", "difference")
        return NotImplemented

    def __mul__(self, other: object) -> Money:
        factor = _factor(other)
        if factor is None:
            if is_quantity(other):
                raise NumberTypeError(
                    other,
                    "factor",
                    "a number; divide Money by a quantity to get a UnitPrice",
                )
            if other is None or isinstance(other, str | bytes | list | tuple):
                # A sequence would try (and fail) to repeat itself Money times.
                raise NumberTypeError(other, "factor", "an int, a Decimal or a float")
            return NotImplemented
        try:
            return _make(_mul(self.amount, factor), self.currency)
        except _DecimalException as e:
            raise arithmetic_error(e, (self, other), "product") from None

    __rmul__ = __mul__

    @overload
    def __truediv__(self, other: Money) -> Decimal: ...
    @overload
    def __truediv__(self, other: pint.Quantity[Any]) -> UnitPrice: ...
    @overload
    def __truediv__(self, other: int | Decimal | float) -> Money: ...
    def __truediv__(self, other: object) -> Any:
        """Divide by a number (Money), by Money (a Decimal) or by a quantity.

        Dividing by a pint quantity gives a :class:`UnitPrice`. Quotients
        are rounded to 60 significant digits, half to even.

        Raises:
            DivisionByZeroError: the divisor is zero (also a
                :class:`ZeroDivisionError`).
            PrecisionError: the quotient of Money by a number falls outside
                bilat's range.
        """
        if type(other) is Money:
            self._check(other, "/")
            if not other.amount:
                raise DivisionByZeroError(other, "divisor", "a non-zero amount")
            return CONTEXT.divide(self.amount, other.amount)
        factor = _factor(other)
        if factor is not None:
            if not factor:
                raise DivisionByZeroError(other, "divisor", "a non-zero number")
            try:
                return _make(_div(self.amount, factor), self.currency)
            except _DecimalException as e:
                raise arithmetic_error(e, (self, other), "quotient") from None
        if is_quantity(other):
            from bilat._units import UnitPrice

            return UnitPrice.from_division(self, other)
        return NotImplemented

    def __neg__(self) -> Money:
        kind = self._kind
        if kind.high:  # -0 is 0, as EXACT.minus gives it
            result = _new(Money)
            result._coefficient = -self._coefficient
            result._kind = kind
            return result
        try:
            return _make(EXACT.minus(self.amount), self.currency)
        except _DecimalException as e:
            raise arithmetic_error(e, self, "negation") from None

    def __pos__(self) -> Money:
        return self

    def __abs__(self) -> Money:
        try:
            return _make(EXACT.abs(self.amount), self.currency)
        except _DecimalException as e:
            raise arithmetic_error(e, self, "absolute value") from None

    # -- rounding and allocation ------------------------------------------

    def round(self, rounding: RoundingMode | str = ROUND_HALF_EVEN) -> Money:
        """Round to the currency's minor unit (ISO 4217).

        Args:
            rounding: A :mod:`decimal` rounding mode; half-even by default.

        Returns:
            The rounded Money. Currencies without a minor unit (``XAU``) are
            returned unchanged. An amount that rounds to zero gives a
            positive zero: ``Money("-0.004", "USD").round()`` is
            ``Money('0.00', 'USD')``, never ``-0.00``.

        Raises:
            InvalidOptionError: ``rounding`` is not a decimal rounding mode.

        Example:
            >>> from bilat import Money
            >>> Money("2.345", "USD").round(), Money("2.345", "USD").round("ROUND_HALF_UP")
            (Money('2.34', 'USD'), Money('2.35', 'USD'))
            >>> Money("1.2345", "KWD").round(), Money("1234.5", "JPY").round()
            (Money('1.234', 'KWD'), Money('1234', 'JPY'))
        """
        ctx = context_with(rounding)
        digits = self.currency.digits
        if digits is None:
            return self
        try:
            rounded = self.amount.quantize(_quantum(digits), context=ctx)
        except decimal.InvalidOperation:  # only for amounts beyond bilat's range
            raise PrecisionError(
                self.amount, "amount", "an amount below 1E+100 to round"
            ) from None
        if not rounded:
            rounded = rounded.copy_abs()  # no negative zero
        return _make(rounded, self.currency)

    def allocate(self, ratios: Iterable[Number]) -> tuple[Money, ...]:
        """Split into parts proportional to ``ratios`` that add up exactly.

        The amount is first rounded to the minor unit (half-even; a currency
        without a minor unit, such as gold, keeps its amount and splits in
        units of its last digit); each part
        gets its share in whole minor units, and the units left over go one
        each to the parts with the largest remainders, ties to the earlier
        part. The parts always sum to exactly ``self.round()``.

        Args:
            ratios: Non-negative numbers in order (a list, a tuple or any
                iterable of numbers), at least one of them positive, and at
                most 1,000,000 of them (bilat's limit on parts). A str, bytes, a
                mapping or a set is not a sequence of ratios.

        Raises:
            NumberTypeError: ``ratios`` is not a sequence of numbers, or an
                item is not a number.
            InvalidNumberError: a ratio is negative, all are zero, or there
                are more than 1,000,000.

        Example:
            >>> from bilat import Money
            >>> Money(100, "USD").allocate([1, 1, 1])
            (Money('33.34', 'USD'), Money('33.33', 'USD'), Money('33.33', 'USD'))
            >>> Money("156000000", "USD").allocate([85, 15])
            (Money('132600000.00', 'USD'), Money('23400000.00', 'USD'))
        """
        return self._share(weights_of(ratios))

    def _share(self, weights: list[int]) -> tuple[Money, ...]:
        """Allocate by non-negative int weights, at least one positive."""
        whole = self.round().amount
        # Without an ISO minor unit (gold, SDR) the amount's own last digit is
        # the unit, so the parts still add up to the amount exactly.
        digits = self.currency.digits
        if digits is None:
            digits = max(0, -int(whole.as_tuple().exponent))
        ctx = context_with(ROUND_HALF_EVEN)  # room for every digit
        units = int(whole.scaleb(digits, context=ctx))
        sign = -1 if units < 0 else 1
        floors = apportion(abs(units), weights)
        quantum = _quantum(digits)
        parts: dict[int, Money] = {}  # equal parts are built once
        result = []
        for n in floors:
            part = parts.get(n)
            if part is None:
                amount = Decimal(sign * n).scaleb(-digits, context=ctx)
                part = parts[n] = _make(
                    amount.quantize(quantum, context=ctx), self.currency
                )
            result.append(part)
        return tuple(result)

    def split(self, n: SupportsIndex) -> tuple[Money, ...]:
        """Split into ``n`` parts that differ by at most one minor unit.

        Same as ``allocate([1] * n)``; ``n`` is at most 1,000,000 (bilat's
        limit on parts: more would only fill memory).

        Raises:
            NumberTypeError: ``n`` is not an int (a bool is not one).
            InvalidNumberError: ``n`` is below 1 or above 1,000,000.

        Example:
            >>> from bilat import Money
            >>> Money(10, "EUR").split(3)
            (Money('3.34', 'EUR'), Money('3.33', 'EUR'), Money('3.33', 'EUR'))
        """
        return self._share([1] * part_count(n))

    # -- conversion -------------------------------------------------------

    def to(
        self,
        currency: CurrencyLike,
        rates: ExchangeRates,
        on: dt.date | None = None,
    ) -> Money:
        """Convert to ``currency`` with ``rates`` as of ``on``.

        The result is exact (not rounded); call :meth:`round` to get minor
        units. ``on=None`` uses the newest rate. The conversion follows the
        one rule of :meth:`ExchangeRates.convert`, which every conversion in
        bilat uses.

        Raises:
            ValidationError: ``rates`` is not an :class:`ExchangeRates`
                (also a :class:`TypeError`), or ``on`` is not a date.
            RateNotFoundError: ``rates`` has no usable rate for the pair.

        Example:
            >>> import datetime
            >>> from bilat import ExchangeRates, Money
            >>> rates = ExchangeRates.from_records(
            ...     [(datetime.date(2025, 1, 2), "USD", "KZT", "525.11")]
            ... )
            >>> Money(1000, "USD").to("KZT", rates)
            Money('525110.00', 'KZT')
        """
        from bilat._rates import expect_rates

        return expect_rates(rates, "Money.to()").convert(self, currency, on)

    # -- text -------------------------------------------------------------

    def format(
        self,
        locale: LocaleLike = "en",
        *,
        compact: bool = False,
        rounding: RoundingMode | str = ROUND_HALF_EVEN,
        exact: bool = False,
    ) -> str:
        r"""Format through babel (CLDR) for ``locale``, rounded for people.

        Display rounds; the amount never does. The full form rounds to the
        currency's ISO 4217 minor unit with ``rounding`` (half-even by
        default: ``$0.33`` for a third of a dollar, ``¥2`` for 2.5 yen,
        ``$0.12`` for 0.125 dollars); a currency without a minor unit (gold,
        SDR) rounds to CLDR's usual digits for it. ``exact=True`` shows every
        significant digit instead, in full (even with ``compact=True``) and
        with at least CLDR's usual number of decimals. The compact form (``$156M``, ``156 млн $``) keeps up to two
        decimals of the scaled number, rounded with ``rounding``. Beyond the
        largest unit CLDR has for ``locale`` (``$999T`` in English and
        Russian) the compact form turns scientific: ``$9.99E99``,
        ``9,99E99 $``. Zero never shows a minus sign. ``repr`` is exact.

        Raises:
            UnknownLocaleError: ``locale`` is not a CLDR locale.
            InvalidOptionError: ``compact`` or ``exact`` is not True or False,
                or ``rounding`` is not a rounding mode.

        Example:
            >>> from bilat import Money
            >>> m = Money("1550000000", "USD")
            >>> m.format()
            '$1,550,000,000.00'
            >>> m.format("ru")  # CLDR separates with no-break spaces
            '1\xa0550\xa0000\xa0000,00\xa0$'
            >>> third = Money(1, "USD") / 3
            >>> print(third, "|", third.format(exact=True)[:12] + "…", "|", repr(third)[:16] + "…")
            $0.33 | $0.333333333… | Money('0.3333333…
            >>> print(Money("2097753573.5976855", "INR").format("en_IN"))
            ₹2,09,77,53,573.60
            >>> print(m.format("kk", compact=True), "|", Money("156000000", "UZS").format("uz", compact=True))
            1,55 млрд $ | 156 mln soʻm
            >>> print(Money("9.999e99", "USD").format(compact=True))
            $1E100
        """
        return format_money(
            self.amount,
            self.currency.code,
            locale,
            compact=compact,
            rounding=rounding,
            exact=exact,
            digits=self.currency.digits,
        )

    def __str__(self) -> str:
        return self.format()

    def __repr__(self) -> str:
        return f"Money({decimal_text(self.amount)!r}, {self.currency.code!r})"

    def _repr_html_(self) -> str:
        from html import escape

        return f'<span class="bilat-money">{escape(self.format())}</span>'

    def __format__(self, spec: str) -> str:
        """``format(m, spec)``: the amount in a Decimal format spec, then the code.

        ``format(m, ",.2f")`` gives ``'1,234.50 USD'``; an empty spec gives
        ``str(m)``. For the currency format of a locale use :meth:`format`.

        Raises:
            ValidationError: ``spec`` is not a Decimal format spec.
        """
        text = format_with_spec(self.amount, self.currency.code, spec)
        return str(self) if text is None else text


_new = object.__new__
_text = READ.to_sci_string
_scaleb = READ.scaleb  # exact: READ has room for every digit


def _make(amount: Decimal, currency: Currency) -> Money:
    """Build Money from an amount already validated (results of arithmetic).

    The amount's coefficient and exponent are read from its text, which
    :data:`~bilat._decimal.READ` writes the same whatever the caller's
    context is: ``-123.45`` is 12345 with exponent -2.
    """
    text = _text(amount)
    if "E" in text:  # a positive exponent or a small number: rare
        return _make_from_tuple(amount, currency)
    point = text.find(".")
    if point < 0:
        coefficient = int(text)
        exponent = 0
    else:
        coefficient = int(text.replace(".", "", 1))
        exponent = point + 1 - len(text)
    if not coefficient and text[0] == "-":  # a negative zero: not an int
        return _make_from_tuple(amount, currency)
    kind = _KINDS.get((currency.code, exponent))
    if kind is None:
        kind = _kind(currency, exponent, negative_zero=False)
    self = _new(Money)
    self._coefficient = coefficient
    self._kind = kind
    self._amount = amount
    return self


def _make_from_tuple(amount: Decimal, currency: Currency) -> Money:
    """:func:`_make` for amounts written with an exponent, and negative zeros."""
    sign, digits, exponent = amount.as_tuple()
    coefficient = int("".join(map(str, digits)))
    self = _new(Money)
    self._coefficient = -coefficient if sign else coefficient
    self._kind = _kind(
        currency,
        exponent,  # type: ignore[arg-type]  # finite: never "n", "N" or "F"
        negative_zero=bool(sign and not coefficient),
    )
    self._amount = amount
    return self


make_money = _make


def currencies_of(moneys: Sequence[Money]) -> list[Currency]:
    """The distinct currencies of ``moneys``, in the order they first appear.

    One C pass over the kinds (compared by identity), then a look at the
    few kinds found: no Currency is compared per item.
    """
    found: list[Currency] = []
    for kind in dict.fromkeys(map(_kind_of, moneys)):
        currency = kind.currency
        if all(currency is not c and currency != c for c in found):
            found.append(currency)
    return found


_kind_of = attrgetter("_kind")


def amount_of(coefficient: int, kind: _Kind) -> Decimal:
    """The amount ``coefficient × 10**kind.exponent``, exactly."""
    return _scaleb(Decimal(coefficient), kind.exponent)


def _quantum(digits: int) -> Decimal:
    return _QUANTA[digits] if digits < len(_QUANTA) else Decimal(1).scaleb(-digits)


_QUANTA = tuple(Decimal(1).scaleb(-d) for d in range(8))
