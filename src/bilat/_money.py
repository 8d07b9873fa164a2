"""Money: an exact Decimal amount in one ISO 4217 currency."""

from __future__ import annotations

import decimal
from collections.abc import Iterable
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, final, overload

import attrs

from bilat._currency import Currency, CurrencyLike, as_currency
from bilat._decimal import (
    CONTEXT,
    EXACT,
    QUOTIENTS,
    arithmetic_error,
    context_with,
    decimal_text,
    to_decimal,
)
from bilat._errors import (
    CurrencyMismatchError,
    InvalidNumberError,
    NumberTypeError,
    PrecisionError,
)
from bilat._locale import LocaleLike, get_locale

if TYPE_CHECKING:
    import datetime as dt

    import pint

    from bilat._rates import ExchangeRates
    from bilat._units import UnitPrice

__all__ = ["Money", "Number", "RoundingMode", "make_money"]

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
_ZERO = Decimal(0)


def _amount(value: object) -> Decimal:
    return to_decimal(value, what="amount")


def _factor(value: object) -> Decimal | None:
    """A multiplier or divisor, or None when ``value`` is not a plain number."""
    if isinstance(value, Decimal | int | float) and not isinstance(value, bool):
        return to_decimal(value, what="factor")
    return None


def _is_quantity(value: object) -> bool:
    # pint is imported lazily; recognise its quantities without importing it.
    return type(value).__module__.startswith("pint") and hasattr(value, "units")


@final
@attrs.frozen(repr=False, eq=False, order=False, weakref_slot=False)
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

    amount: Decimal = attrs.field(converter=_amount)
    currency: Currency = attrs.field(converter=as_currency)

    # -- construction -----------------------------------------------------

    @classmethod
    def parse(cls, text: str, locale: LocaleLike = "en") -> Money:
        """Read an amount as written in news and reports.

        Understands currency symbols and codes before or after the number,
        currency names in English and Russian (with plural forms), scale words
        (``million``, ``bn``, ``млн``, ``млрд`` …) and the thousands and
        decimal separators of ``locale`` (``1,234.5`` in ``en``, ``1 234,5``
        in ``ru``, ``kk`` and ``uz``). In English and Russian ``$`` is the US
        dollar; in another locale a symbol that CLDR gives to one currency
        there means that currency, as :meth:`format` writes it (``$`` is the
        Australian dollar in ``en_AU``). A bare ``¥`` that could be yen or
        yuan is refused. A qualified amount ("nearly $1 billion") is not a
        Money: read it with :meth:`Estimate.parse`.

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
            return (
                self.currency is other.currency or self.currency == other.currency
            ) and self.amount == other.amount
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
        return bool(self.amount)

    # -- arithmetic -------------------------------------------------------

    def __add__(self, other: object) -> Money:
        if type(other) is Money:
            if self.currency is not other.currency and self.currency != other.currency:
                raise CurrencyMismatchError(
                    self.currency.code, other.currency.code, "+"
                )
            result = _new(_Unfrozen)
            try:
                result.amount = _add(self.amount, other.amount)
            except _DecimalException as e:
                raise arithmetic_error(e, (self, other), "sum") from None
            result.currency = self.currency
            result.__class__ = Money  # type: ignore[assignment]
            return result  # type: ignore[return-value]
        return NotImplemented

    def __radd__(self, other: object) -> Money:
        # ``sum()`` starts from the int 0; nothing else is added implicitly.
        if type(other) is int and other == 0:
            return self
        return NotImplemented

    def __sub__(self, other: object) -> Money:
        if type(other) is Money:
            if self.currency is not other.currency and self.currency != other.currency:
                raise CurrencyMismatchError(
                    self.currency.code, other.currency.code, "-"
                )
            try:
                return _make(_sub(self.amount, other.amount), self.currency)
            except _DecimalException as e:
                raise arithmetic_error(e, (self, other), "difference") from None
        return NotImplemented

    def __mul__(self, other: object) -> Money:
        factor = _factor(other)
        if factor is None:
            if _is_quantity(other):
                raise NumberTypeError(
                    other,
                    "factor",
                    "a number; divide Money by a quantity to get a UnitPrice",
                )
            return NotImplemented
        try:
            return _make(_mul(self.amount, factor), self.currency)
        except _DecimalException as e:
            raise arithmetic_error(e, (self, other), "product") from None

    __rmul__ = __mul__

    @overload
    def __truediv__(self, other: Money) -> Decimal: ...
    @overload
    def __truediv__(self, other: int | Decimal | float) -> Money: ...
    @overload
    def __truediv__(self, other: pint.Quantity[Any]) -> UnitPrice: ...
    def __truediv__(self, other: object) -> Any:
        """Divide by a number (Money), by Money (a Decimal) or by a quantity.

        Dividing by a pint quantity gives a :class:`UnitPrice`. Quotients
        are rounded to 60 significant digits, half to even.

        Raises:
            PrecisionError: the quotient of Money by a number falls outside
                bilat's range.
        """
        if type(other) is Money:
            self._check(other, "/")
            if not other.amount:
                raise InvalidNumberError(other, "divisor", "a non-zero amount")
            return CONTEXT.divide(self.amount, other.amount)
        factor = _factor(other)
        if factor is not None:
            if not factor:
                raise InvalidNumberError(other, "divisor", "a non-zero number")
            try:
                return _make(_div(self.amount, factor), self.currency)
            except _DecimalException as e:
                raise arithmetic_error(e, (self, other), "quotient") from None
        if _is_quantity(other):
            from bilat._units import UnitPrice

            return UnitPrice.from_division(self, other)
        return NotImplemented

    def __neg__(self) -> Money:
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
            returned unchanged.

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
            ratios: Non-negative numbers, at least one of them positive.

        Raises:
            InvalidNumberError: a ratio is negative, or all are zero.

        Example:
            >>> from bilat import Money
            >>> Money(100, "USD").allocate([1, 1, 1])
            (Money('33.34', 'USD'), Money('33.33', 'USD'), Money('33.33', 'USD'))
            >>> Money("156000000", "USD").allocate([85, 15])
            (Money('132600000.00', 'USD'), Money('23400000.00', 'USD'))
        """
        given = list(ratios)
        weights = [Fraction(to_decimal(r, what="ratio")) for r in given]
        if not weights:
            raise InvalidNumberError(given, "ratios", "at least one ratio")
        for r, w in zip(given, weights, strict=True):
            if w < 0:
                raise InvalidNumberError(r, "ratio", "a non-negative number")
        total_weight = sum(weights, Fraction(0))
        if total_weight == 0:
            raise InvalidNumberError(given, "ratios", "at least one positive ratio")
        whole = self.round().amount
        # Without an ISO minor unit (gold, SDR) the amount's own last digit is
        # the unit, so the parts still add up to the amount exactly.
        digits = self.currency.digits
        if digits is None:
            digits = max(0, -int(whole.as_tuple().exponent))
        ctx = context_with(ROUND_HALF_EVEN)  # room for every digit
        units = int(whole.scaleb(digits, context=ctx))
        sign = -1 if units < 0 else 1
        units = abs(units)
        exact = [units * w / total_weight for w in weights]
        floors = [int(x) for x in exact]
        left = units - sum(floors)
        order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - floors[i]), i))
        for i in order[:left]:
            floors[i] += 1
        quantum = _quantum(digits)
        return tuple(
            _make(
                Decimal(sign * n)
                .scaleb(-digits, context=ctx)
                .quantize(quantum, context=ctx),
                self.currency,
            )
            for n in floors
        )

    def split(self, n: int) -> tuple[Money, ...]:
        """Split into ``n`` parts that differ by at most one minor unit.

        Same as ``allocate([1] * n)``.

        Raises:
            InvalidNumberError: ``n`` is not a positive int.

        Example:
            >>> from bilat import Money
            >>> Money(10, "EUR").split(3)
            (Money('3.34', 'EUR'), Money('3.33', 'EUR'), Money('3.33', 'EUR'))
        """
        if type(n) is not int or n < 1:
            raise InvalidNumberError(n, "number of parts", "a positive int")
        return self.allocate([1] * n)

    # -- conversion -------------------------------------------------------

    def to(
        self,
        currency: CurrencyLike,
        rates: ExchangeRates,
        on: dt.date | None = None,
    ) -> Money:
        """Convert to ``currency`` with ``rates`` as of ``on``.

        The result is exact (not rounded); call :meth:`round` to get minor
        units. ``on=None`` uses the newest rate.

        Raises:
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
        return rates.convert(self, currency, on)

    # -- text -------------------------------------------------------------

    def format(
        self,
        locale: LocaleLike = "en",
        *,
        compact: bool = False,
        rounding: RoundingMode | str = ROUND_HALF_EVEN,
    ) -> str:
        r"""Format through babel (CLDR) for ``locale``.

        The full form shows every significant digit of the amount, with at
        least the currency's usual number of decimals. The compact form
        (``$156M``, ``156 млн $``) keeps up to two decimals of the scaled
        number, rounded with ``rounding``.

        Example:
            >>> from bilat import Money
            >>> m = Money("1550000000", "USD")
            >>> m.format()
            '$1,550,000,000.00'
            >>> m.format("ru")  # CLDR separates with no-break spaces
            '1\xa0550\xa0000\xa0000,00\xa0$'
            >>> print(m.format("kk", compact=True), "|", Money("156000000", "UZS").format("uz", compact=True))
            1,55 млрд $ | 156 mln soʻm
        """
        from babel.numbers import format_compact_currency, format_currency

        loc = get_locale(locale)
        with decimal.localcontext(context_with(rounding)):
            if compact:
                amount = self.amount
                if abs(amount) < 1000:  # babel scales (and rounds) from 1000 up
                    amount = amount.quantize(_QUANTA[2])
                return str(
                    format_compact_currency(
                        amount, self.currency.code, locale=loc, fraction_digits=2
                    )
                )
            return str(
                format_currency(
                    self.amount,
                    self.currency.code,
                    locale=loc,
                    decimal_quantization=False,
                )
            )

    def __str__(self) -> str:
        return self.format()

    def __repr__(self) -> str:
        return f"Money({decimal_text(self.amount)!r}, {self.currency.code!r})"

    def _repr_html_(self) -> str:
        from html import escape

        return f'<span class="bilat-money">{escape(self.format())}</span>'

    def __format__(self, spec: str) -> str:
        if not spec:
            return str(self)
        with decimal.localcontext(context_with(ROUND_HALF_EVEN)):  # not the caller's
            text = format(self.amount, spec)
        return text + " " + self.currency.code


class _Unfrozen:
    """Same memory layout as Money, without the frozen ``__setattr__``.

    Results of arithmetic are built as ``_Unfrozen`` and then given the class
    Money: this skips re-validation and the frozen class's slow attribute
    setting, and is the main reason ``Money + Money`` stays within a few times
    a bare Decimal addition.
    """

    __slots__ = ("amount", "currency")
    amount: Decimal
    currency: Currency


_new = object.__new__


def _make(amount: Decimal, currency: Currency) -> Money:
    """Build Money from values already validated (results of arithmetic)."""
    self = _new(_Unfrozen)
    self.amount = amount
    self.currency = currency
    self.__class__ = Money  # type: ignore[assignment]
    return self  # type: ignore[return-value]


make_money = _make


def _quantum(digits: int) -> Decimal:
    return _QUANTA[digits] if digits < len(_QUANTA) else Decimal(1).scaleb(-digits)


_QUANTA = tuple(Decimal(1).scaleb(-d) for d in range(8))
