"""What a target, a series or a claim measures: money, a physical quantity, or a number.

A *measure* is a value a target can promise and a series can hold:

* :class:`~bilat.Money` ("$10 billion");
* an :class:`~bilat.Estimate` of money ("about $4.3 billion"), whose stated
  value the formulas use;
* a pint quantity of bilat's registry (``Q_("152 km")``, ``Q_("20 Mt/a")``);
* a plain number, kept as a :class:`~decimal.Decimal` (a count of projects).

Values of one *kind* can be compared and measured against each other: money
of one currency (other currencies with exchange rates), quantities of one
dimension (any units: ``106000 m`` is ``106 km``), or numbers. This module
says what kind a value is, converts a value to another's unit exactly, and
builds a value of a kind back from a Decimal amount.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeAlias

from bilat._decimal import to_decimal
from bilat._errors import (
    BilatError,
    CurrencyMismatchError,
    ValidationError,
    shown,
)
from bilat._estimate import Estimate
from bilat._fields import invalid, is_quantity
from bilat._money import Money, make_money

if TYPE_CHECKING:
    import pint

    from bilat._locale import LocaleLike
    from bilat._rates import ExchangeRates

__all__ = [
    "Amount",
    "KindMismatchError",
    "Measure",
    "MeasureLike",
    "amount",
    "as_measure",
    "describe",
    "format_measure",
    "in_unit_of",
    "is_quantity",
    "kind_key",
    "like",
    "measure_key",
    "measure_repr",
    "stated",
    "unit_label",
]

#: A value a target or series holds: Money, an Estimate, a quantity or a number.
Measure: TypeAlias = "Money | Estimate | pint.Quantity[Decimal] | Decimal"
#: A measure's stated value: Money, a quantity or a number (never an Estimate).
Amount: TypeAlias = "Money | pint.Quantity[Decimal] | Decimal"
#: What the constructors accept as a measure: also ints, and quantities of any
#: pint registry (rebuilt in bilat's).
MeasureLike: TypeAlias = "Money | Estimate | pint.Quantity[Any] | Decimal | int"


class KindMismatchError(ValidationError):
    """Values of two kinds (money, a quantity, a number) met where one was needed.

    A :class:`~bilat.ValidationError`, so that is what callers catch; reports
    catch this one to say a target was not measured rather than fail.
    """


_EXPECTED = (
    "Money, an Estimate, a quantity such as Q_('152 km') or a number (int or Decimal)"
)


def as_measure(value: object, path: str) -> Measure:
    """``value`` as a measure, checked; the converter of every measure field.

    Money and Estimates are kept; ints and Decimals become Decimals (exact,
    finite, in bilat's range); quantities are rebuilt in bilat's registry
    with an exact Decimal magnitude.

    Raises:
        ValidationError: at ``path``: ``value`` is none of these (text is
            refused with the call that reads it), or a number is not finite.

    Example:
        >>> from bilat import Money, Q_
        >>> from bilat._measure import as_measure
        >>> as_measure(3, "value"), as_measure(Q_("152 km"), "value")
        (Decimal('3'), <Quantity(152, 'kilometer')>)
    """
    if type(value) is Money or isinstance(value, Estimate):
        return value
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        try:
            return to_decimal(value, what=path)
        except BilatError as error:
            raise invalid(path, str(error)) from None
    if isinstance(value, str):
        raise invalid(
            path,
            f"expected {_EXPECTED}, got the text {shown(value)}: read it "
            "with Money.parse, Estimate.parse or Q_ first",
        )
    if is_quantity(value):
        from bilat._units import parse_quantity

        try:
            return parse_quantity(value)
        except BilatError as error:
            raise invalid(path, str(error)) from None
    raise invalid(path, f"expected {_EXPECTED}, got {shown(value)}")


def stated(value: Measure) -> Amount:
    """The value the formulas use: an Estimate's stated value, else ``value``.

    Example:
        >>> from bilat import Estimate
        >>> from bilat._measure import stated
        >>> stated(Estimate.parse("about $4.3 billion"))
        Money('4300000000', 'USD')
    """
    return value.value if isinstance(value, Estimate) else value


def amount(value: Measure) -> Decimal:
    """The stated value's number, in the value's own unit or currency.

    Example:
        >>> from bilat import Money, Q_
        >>> from bilat._measure import amount
        >>> amount(Money("4.4", "USD")), amount(Q_("106 km"))
        (Decimal('4.4'), Decimal('106'))
    """
    value = stated(value)
    if isinstance(value, Money):
        return value.amount
    if isinstance(value, Decimal):
        return value
    from bilat._units import magnitude

    return magnitude(value)


def kind_key(value: Measure) -> tuple[str, str]:
    """What values must share to be measured against each other without rates.

    ``("money", "USD")``, ``("quantity", "[length]")`` or ``("number", "")``.

    Example:
        >>> from bilat import Estimate, Q_
        >>> from bilat._measure import kind_key
        >>> kind_key(Estimate.parse("over $3 bn")), kind_key(Q_("20 Mt/a"))
        (('money', 'USD'), ('quantity', '[mass] / [time]'))
    """
    value = stated(value)
    if isinstance(value, Money):
        return ("money", value.currency.code)
    if isinstance(value, Decimal):
        return ("number", "")
    return ("quantity", str(value.dimensionality))


def describe(value: Measure) -> str:
    """The kind of ``value`` in words, for messages: ``"money in USD"``.

    Example:
        >>> from bilat import Money, Q_
        >>> from bilat._measure import describe
        >>> describe(Money(1, "EUR")), describe(Q_("152 km")), describe(2)
        ('money in EUR', "a quantity in 'kilometer' ([length])", 'a number')
    """
    value = stated(value) if isinstance(value, Money | Estimate) else value
    if isinstance(value, Money):
        return f"money in {value.currency.code}"
    if isinstance(value, Decimal | int):
        return "a number"
    return f"a quantity in {str(value.units)!r} ({value.dimensionality})"


def measure_key(value: Measure) -> object:
    """What ``==`` and ``hash`` compare for a measure: quantities by exact size.

    pint's own ``==`` converts in the caller's decimal context; this compares
    the exact amount in base units (``1 mile`` equals ``1.609344 km``).
    """
    if isinstance(value, Money | Estimate | Decimal):
        return value
    from bilat._units import quantity_key

    return quantity_key(value)


def in_unit_of(
    value: Measure,
    unit: Amount,
    *,
    year: int,
    rates: ExchangeRates | None,
    call: str,
) -> Decimal:
    """The stated value of ``value`` expressed in the unit or currency of ``unit``.

    Money in another currency is converted with ``rates`` at the rate on or
    before 31 December of ``year``; quantities are converted exactly (see
    :func:`bilat._units.convert`); numbers are taken as they are.

    Raises:
        ValidationError: the kinds differ (money and a quantity, say); a
            :class:`KindMismatchError`.
        UnitMismatchError: two quantities of different dimensions; the
            message names both units.
        CurrencyMismatchError: another currency and no ``rates``; the hint
            names ``call``.
        RateNotFoundError: ``rates`` has no rate for that year.

    Example:
        >>> from bilat import Q_
        >>> from bilat._measure import in_unit_of
        >>> in_unit_of(Q_("106000 m"), Q_("152 km"), year=2025, rates=None,
        ...            call="Target.progress()")
        Decimal('106')
    """
    value = stated(value)
    if isinstance(unit, Money):
        if isinstance(value, Money):
            if value.currency == unit.currency:
                return value.amount
            if rates is None:
                raise CurrencyMismatchError(
                    value.currency.code,
                    unit.currency.code,
                    call,
                    hint=f"pass rates= to {call}",
                )
            converted = value.to(unit.currency, rates, on=dt.date(year, 12, 31))
            return converted.amount
    elif isinstance(unit, Decimal):
        if isinstance(value, Decimal):
            return value
    elif not isinstance(value, Money | Decimal):
        from bilat._units import convert

        return convert(value, unit.units)
    raise KindMismatchError(
        [
            (
                "",
                (
                    f"{shown(value)} is {describe(value)} but {call} measures "
                    f"{describe(unit)}: give values of one kind"
                ),
            )
        ]
    )


def like(number: Decimal, unit: Amount) -> Amount:
    """``number`` as a value of the kind and unit of ``unit``.

    Example:
        >>> from decimal import Decimal
        >>> from bilat import Money, Q_
        >>> from bilat._measure import like
        >>> like(Decimal(46), Q_("152 km")), like(Decimal("5.6"), Money(1, "USD"))
        (<Quantity(46, 'kilometer')>, Money('5.6', 'USD'))
    """
    if isinstance(unit, Money):
        return make_money(number, unit.currency)
    if isinstance(unit, Decimal):
        return number
    from bilat._units import get_registry

    return get_registry().Quantity(number, unit.units)


def format_measure(
    value: Measure | None,
    locale: LocaleLike = "en",
    *,
    compact: bool = False,
    exact: bool = False,
) -> str:
    r"""A measure as a person writes it: ``$10B``, ``about $4.3B``, ``152 km``, ``78``.

    Money and Estimates format as their own ``format`` does; quantities
    show the number in ``locale`` and pint's short unit symbols
    (``20 Mt/a``); numbers show in ``locale``. None is an empty string.
    Display rounds, the value never does: money to its currency's minor
    unit (or compact), a quantity or number to three decimals, or three
    significant digits when it is smaller (``0.333 km``, ``0.000123 t``),
    half-even, without trailing zeros. ``exact=True`` shows every digit.

    Example:
        >>> from bilat import Estimate, Money, Q_
        >>> from bilat._measure import format_measure
        >>> [format_measure(v, compact=True) for v in
        ...  (Money("1e10", "USD"), Q_("20 Mt/a"), Q_("106 km"), 78)]
        ['$10B', '20 Mt/a', '106 km', '78']
        >>> format_measure(Q_("1234.5 km"), "ru")
        '1\xa0234,5 km'
        >>> third = Q_("1 km") / 3
        >>> format_measure(third), format_measure(third, exact=True)[:12]
        ('0.333 km', '0.3333333333')
    """
    if value is None:
        return ""
    if isinstance(value, Money | Estimate):
        return value.format(locale, compact=compact, exact=exact)
    import decimal

    from babel.numbers import format_decimal

    from bilat._decimal import context_with
    from bilat._locale import get_locale

    where = get_locale(locale)
    number = value if isinstance(value, Decimal | int) else amount(value)
    # Not the caller's context (babel rounds in the current one), and room
    # for every digit of any number bilat holds.
    with decimal.localcontext(context_with(decimal.ROUND_HALF_EVEN)):
        if not exact:
            number = _for_display(Decimal(number))
        text = format_decimal(number, locale=where, decimal_quantization=False)
    return text if isinstance(value, Decimal | int) else f"{text} {value.units:~P}"


def _for_display(number: Decimal) -> Decimal:
    """``number`` to three decimals, or three significant digits, no trailing zeros.

    Runs in the current (bilat's) context.

    Example:
        >>> from decimal import Decimal
        >>> [str(_for_display(Decimal(t))) for t in
        ...  ("152", "1234.5678", "0.000123456", "2.50", "1200.0", "-0.0001", "0.00")]
        ['152', '1234.568', '0.000123', '2.5', '1200', '-0.0001', '0']
    """
    if not number:
        return Decimal(0)  # no "0.000", no "-0"
    if int(number.as_tuple().exponent) < -3:
        digits = max(3, 2 - number.adjusted())
        number = number.quantize(Decimal(1).scaleb(-digits))
        if not number:
            return Decimal(0)
    if int(number.as_tuple().exponent) >= 0:
        return number
    # Strip trailing zeros of the decimals only: 1200.0 shows 1200.
    stripped = number.normalize()
    if int(stripped.as_tuple().exponent) > 0:
        return number.quantize(Decimal(1))
    return stripped


def measure_repr(value: Measure) -> str:
    """A measure as Python that builds it again: a quantity as ``Q_('152 kilometer')``.

    Example:
        >>> from bilat import Q_
        >>> from bilat._measure import measure_repr
        >>> measure_repr(Q_("106000 m")), measure_repr(as_measure(3, "value"))
        ("Q_('106000 meter')", "Decimal('3')")
    """
    if isinstance(value, Money | Estimate | Decimal):
        return repr(value)
    from bilat._pickling import plain

    return f"Q_({plain(value)!r})"


def unit_label(value: Measure | None) -> str | None:
    """The currency code or short unit symbol of a measure; None for numbers.

    Example:
        >>> from bilat import Estimate, Q_
        >>> from bilat._measure import unit_label
        >>> unit_label(Estimate.parse("over $3 bn")), unit_label(Q_("20 Mt/a")), unit_label(3)
        ('USD', 'Mt/a', None)
    """
    if value is None or isinstance(value, Decimal | int):
        return None
    if isinstance(value, Money | Estimate):
        return value.currency.code
    return f"{value.units:~P}"
