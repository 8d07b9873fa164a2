"""Money: an exact Decimal amount in one ISO 4217 currency."""

from __future__ import annotations

import decimal
from collections.abc import Iterable, Mapping, Set
from decimal import ROUND_HALF_EVEN, Decimal
from itertools import islice
from operator import countOf
from typing import (
    TYPE_CHECKING,
    Any,
    Final,
    Literal,
    TypeAlias,
    final,
    overload,
)

import attrs

from bilat._cache import thread_safe_lru_cache
from bilat._currency import Currency, CurrencyLike, as_currency
from bilat._decimal import (
    CONTEXT,
    EXACT,
    QUOTIENTS,
    arithmetic_error,
    context_with,
    decimal_text,
    integer_of,
    to_decimal,
)
from bilat._errors import (
    CurrencyMismatchError,
    DivisionByZeroError,
    InvalidNumberError,
    InvalidOptionError,
    NumberTypeError,
    PrecisionError,
    ValidationError,
    shown,
)
from bilat._locale import LocaleLike, get_locale
from bilat._pickling import public

if TYPE_CHECKING:
    import datetime as dt

    import pint

    from bilat._rates import ExchangeRates
    from bilat._units import UnitPrice

__all__ = ["MAX_PARTS", "Money", "Number", "RoundingMode", "make_money"]

#: Most parts :meth:`Money.allocate` and :meth:`Money.split` make. A million
#: parts take a second or two; more are refused, with a clear error, rather
#: than filling memory (``split(10**9)``) or running for hours.
MAX_PARTS: Final = 1_000_000

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
    """A multiplier or divisor, or None when ``value`` is not a plain number.

    Integer types of other libraries (``numpy.int64``) count as ints.
    """
    if isinstance(value, Decimal | int | float) or integer_of(value) is not None:
        return to_decimal(value, what="factor")
    return None


def _flag(value: object, name: str) -> bool:
    """A True/False option; anything else (``None``, ``1``, ``"yes"``) is refused."""
    if value is True or value is False:
        return value
    raise InvalidOptionError(name, value, ("False", "True"))


def _ratios(ratios: object) -> list[int]:
    """The ratios of :meth:`Money.allocate`, read, checked and made ints.

    The ints are in the same proportions as the ratios (each scaled by one
    power of ten), so the shares can be computed in integer arithmetic.
    """
    if isinstance(ratios, str | bytes | bytearray | memoryview | Mapping | Set):
        kind = type(ratios).__name__
        raise NumberTypeError(
            ratios,
            "ratios",
            f"a sequence of numbers such as [85, 15], not a {kind} "
            "(its items are not ratios in a fixed order)",
        )
    try:
        given = list(islice(ratios, MAX_PARTS + 1))  # type: ignore[call-overload]
    except Exception as e:  # not iterable, or its own __iter__/__next__ raised
        raise NumberTypeError(
            ratios,
            "ratios",
            "a sequence of numbers such as [85, 15] "
            f"(iterating it raised {type(e).__name__})",
        ) from e
    if len(given) > MAX_PARTS:
        raise InvalidNumberError(
            f"more than {MAX_PARTS:,} ratios",
            "ratios",
            f"at most {MAX_PARTS:,} ratios, bilat's limit on parts",
        )
    if not given:
        raise InvalidNumberError(given, "ratios", "at least one ratio")
    if countOf(map(type, given), int) == len(given):  # the usual case, fast
        weights: list[int] = given
        if max(weights) >= _INT_RATIO_LIMIT:
            to_decimal(max(weights), what="ratio")  # raises PrecisionError
    else:
        exact = [to_decimal(r, what="ratio") for r in given]
        low = min(int(w.as_tuple().exponent) for w in exact)
        ctx = context_with(ROUND_HALF_EVEN)  # room for every digit: exact
        weights = [int(w.scaleb(-min(low, 0), context=ctx)) for w in exact]
    if min(weights) < 0:
        bad = next(r for r, w in zip(given, weights, strict=True) if w < 0)
        raise InvalidNumberError(bad, "ratio", "a non-negative number")
    if not any(weights):
        raise InvalidNumberError(given, "ratios", "at least one positive ratio")
    return weights


_INT_RATIO_LIMIT: Final = 10**100


def _is_quantity(value: object) -> bool:
    # pint is imported lazily; recognise its quantities without importing it.
    return type(value).__module__.startswith("pint") and hasattr(value, "units")


@public
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
        return self._share(_ratios(ratios))

    def _share(self, weights: list[int]) -> tuple[Money, ...]:
        """Allocate by non-negative int weights, at least one positive."""
        total_weight = sum(weights)
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
        scaled = [units * w for w in weights]
        floors = [x // total_weight for x in scaled]
        left = units - sum(floors)
        if left:
            # Largest remainder first, ties to the earlier part (the sort is
            # stable).
            behind = [-(x % total_weight) for x in scaled]  # -remainder
            order = sorted(range(len(scaled)), key=behind.__getitem__)
            for i in order[:left]:
                floors[i] += 1
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

    def split(self, n: int) -> tuple[Money, ...]:
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
        count = None if isinstance(n, bool) else integer_of(n)
        if count is None:
            raise NumberTypeError(n, "number of parts", "a positive int")
        if not 1 <= count <= MAX_PARTS:
            raise InvalidNumberError(
                n,
                "number of parts",
                f"a positive int of at most {MAX_PARTS:,}, bilat's limit on parts",
            )
        return self._share([1] * count)

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
    ) -> str:
        r"""Format through babel (CLDR) for ``locale``.

        The full form shows every significant digit of the amount, with at
        least the currency's usual number of decimals. The compact form
        (``$156M``, ``156 млн $``) keeps up to two decimals of the scaled
        number, rounded with ``rounding``. Beyond the largest unit CLDR has
        for ``locale`` (``$999T`` in English and Russian) the compact form
        turns scientific: ``$9.99E99``, ``9,99E99 $``. Zero never shows a
        minus sign.

        Raises:
            UnknownLocaleError: ``locale`` is not a CLDR locale.
            InvalidOptionError: ``compact`` is not True or False, or
                ``rounding`` is not a rounding mode.

        Example:
            >>> from bilat import Money
            >>> m = Money("1550000000", "USD")
            >>> m.format()
            '$1,550,000,000.00'
            >>> m.format("ru")  # CLDR separates with no-break spaces
            '1\xa0550\xa0000\xa0000,00\xa0$'
            >>> print(m.format("kk", compact=True), "|", Money("156000000", "UZS").format("uz", compact=True))
            1,55 млрд $ | 156 mln soʻm
            >>> print(Money("9.999e99", "USD").format(compact=True))
            $1E100
        """
        from babel.numbers import format_currency

        compact = _flag(compact, "compact")
        ctx = context_with(rounding)
        loc = get_locale(locale)
        amount = self.amount or _ZERO  # no "-$0.00"
        with decimal.localcontext(ctx):
            if compact:
                return _compact(amount, self.currency.code, loc)
            return str(
                format_currency(
                    amount,
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
        """``format(m, spec)``: the amount in a Decimal format spec, then the code.

        ``format(m, ",.2f")`` gives ``'1,234.50 USD'``; an empty spec gives
        ``str(m)``. For the currency format of a locale use :meth:`format`.

        Raises:
            ValidationError: ``spec`` is not a Decimal format spec.
        """
        if not isinstance(spec, str):
            raise ValidationError(_spec_problem(spec))
        if not spec:
            return str(self)
        amount = self.amount or _ZERO  # no "-0.00"
        try:
            # In bilat's context, not the caller's.
            with decimal.localcontext(context_with(ROUND_HALF_EVEN)):
                text = format(amount, spec)
        except (ValueError, TypeError, decimal.DecimalException):
            raise ValidationError(_spec_problem(spec)) from None
        return text + " " + self.currency.code


def _spec_problem(spec: object) -> str:
    return (
        f"invalid format spec {shown(spec)} for Money: expected a Decimal format "
        "spec such as ',.2f', '.3e' or '_.0f' (format(m, ',.2f') gives "
        "'1,234.50 USD'), or '' for str(m); for a locale's currency format "
        "use m.format(locale)"
    )


def _compact(amount: Decimal, code: str, loc: Any) -> str:
    """The compact form of :meth:`Money.format`, in the current (bilat's) context."""
    from babel.numbers import format_compact_currency

    if abs(amount) < 1000:  # babel scales (and rounds) from 1000 up
        amount = amount.quantize(_QUANTA[2])
        if not amount:
            amount = _ZERO
    elif abs(amount) >= _compact_limit(loc):
        # Beyond CLDR's largest unit babel would write "$9999000…000T":
        # scale to one digit before the point and write the power of ten.
        exponent = amount.adjusted()
        mantissa = amount.scaleb(-exponent).quantize(_QUANTA[2])
        if abs(mantissa) >= 10:  # 9.999 rounded up to 10.00
            exponent += 1
            mantissa = amount.scaleb(-exponent).quantize(_QUANTA[2])
        text = str(
            format_compact_currency(mantissa, code, locale=loc, fraction_digits=2)
        )
        last = max(i for i, c in enumerate(text) if c.isdigit()) + 1
        return f"{text[:last]}E{exponent}{text[last:]}"
    return str(format_compact_currency(amount, code, locale=loc, fraction_digits=2))


@thread_safe_lru_cache(maxsize=64)
def _compact_limit(loc: Any) -> Decimal:
    """The least amount CLDR's compact units cannot write in ``loc`` (1E+15 in en).

    The largest unit's pattern holds three digits (``¤000T``), so amounts
    from a thousand of that unit up have no compact form.
    """
    largest = 1000
    for patterns in loc.compact_currency_formats.get("short", {}).values():
        largest = max([largest, *(int(k) for k in patterns)])
    return Decimal(largest) * 10


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
