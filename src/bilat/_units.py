"""Physical quantities: the one pint registry, and prices per unit.

pint is imported, and its registry built, on first use, never by
``import bilat``. The registry computes with :class:`~decimal.Decimal`.
pint's parse of its definition files, and the exact factors of the units
used so far, are kept in bilat's disk cache (:mod:`bilat._unit_cache`).

Unit text is checked against a small grammar (:func:`parse_unit`) before pint
reads it, and is at most :data:`UNIT_TEXT_LIMIT` characters long, so that
mistyped text is refused rather than read as something else, and no text
takes long.

Conversions (``UnitPrice × Quantity``, :meth:`UnitPrice.to`,
:meth:`bilat.Project.completion`) take each unit's size in base units as an
exact fraction, from pint's definitions read with
:class:`~fractions.Fraction`, multiply, and divide once at the end: the
result is exact whenever it is a decimal of at most 60 significant digits
(``$1/lb × 0.45359237 kg`` is exactly ``$1``, ``36 km/h`` is exactly
``10 m/s``), and rounded to 60 digits otherwise.
"""

from __future__ import annotations

import decimal
import numbers
import re
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Final, final, overload

import attrs

from bilat._cache import thread_safe_cache, thread_safe_lru_cache
from bilat._decimal import CONTEXT, EXACT, QUOTIENTS, arithmetic_error, to_decimal
from bilat._errors import (
    BilatError,
    DivisionByZeroError,
    NumberTypeError,
    ParseError,
    UnitMismatchError,
    shown,
)
from bilat._fields import invalid, is_quantity
from bilat._money import Money, make_money
from bilat._pickling import public
from bilat._unit_cache import DiskCachedRegistry, root_factor

if TYPE_CHECKING:
    import pint
    from pint.facets.plain import PlainUnit

    from bilat._locale import LocaleLike

__all__ = [
    "MAX_EXPONENT",
    "QUANTITY_TEXT_LIMIT",
    "UNIT_TEXT_LIMIT",
    "UnitPrice",
    "convert",
    "get_registry",
    "magnitude",
    "parse_quantity",
    "parse_quantity_with_step",
    "parse_unit",
    "quantity_ratio",
]

_ONE: Final = Decimal(1)

#: Longest unit expression bilat reads, in characters; a unit's full name
#: (what :attr:`UnitPrice.unit` keeps) must fit too.
UNIT_TEXT_LIMIT: Final = 200

#: Longest quantity text (``"152 km"``) bilat reads, in characters.
QUANTITY_TEXT_LIMIT: Final = 300

#: Largest power, written or resulting, of a unit in a unit expression.
MAX_EXPONENT: Final = 12

#: Deepest nesting of parentheses in a unit expression.
MAX_DEPTH: Final = 4

#: What a unit expression looks like, for messages.
UNIT_SHAPE: Final = (
    "a unit expression: unit names (letters, then letters, digits or '_') "
    "joined by '*' or '/', each with an optional integer power from "
    f"-{MAX_EXPONENT} to {MAX_EXPONENT} ('**', '^' or superscript digits), "
    f"parentheses up to {MAX_DEPTH} deep and at most {UNIT_TEXT_LIMIT} "
    "characters, such as 't', 'Mt / a', 'm ** 3' or 'kg * m / s^2'"
)


@thread_safe_cache
def get_registry() -> pint.UnitRegistry[Decimal]:
    """The one pint registry of bilat, built on first call.

    Threads that first ask for it at the same moment wait for one registry,
    so their quantities can always be combined.

    It is a standard :class:`pint.UnitRegistry` with two differences:

    * magnitudes and conversion factors are :class:`~decimal.Decimal`
      (``non_int_type=Decimal``), and conversion factors are computed in
      bilat's own decimal context, whatever :func:`decimal.getcontext` says;
    * a ``float`` magnitude given to its ``Quantity`` becomes a Decimal
      through its shortest repr (``5.5`` → ``Decimal('5.5')``), as amounts of
      money do, so that floats and Decimals can be converted together;
    * text given to its ``Quantity`` (``bilat.Q_("152 km")``,
      ``bilat.Q_(5, "Mt")``) is read by bilat's unit grammar, with its length
      limits, before pint sees it, so mistyped or overlong text is a
      :class:`~bilat.ParseError` at once.

    pint's unit names apply: ``t`` and ``tonne`` (metric ton), ``Mt``
    (megatonne), ``ha``, ``kWh``. Beware two of them: ``kt`` is the knot
    (write ``kilotonne``), and ``bbl`` is the US liquid barrel of 31.5
    gallons (an oil barrel is ``oil_barrel``, 42 gallons).

    Example:
        >>> import bilat
        >>> bilat.ureg is bilat.ureg
        True
        >>> bilat.Q_(5, "Mt").to("t")
        <Quantity(5E+6, 'metric_ton')>
        >>> bilat.Q_(5.5, "Mt").magnitude
        Decimal('5.5')
    """
    import pint
    import pint.compat

    class DecimalQuantity(pint.UnitRegistry.Quantity[Decimal]):
        def __new__(cls, value: Any, units: Any = None) -> Any:
            if isinstance(value, str):
                if units is None:  # "152 km": bilat's grammar and limits
                    return parse_quantity(value)
                value = to_decimal(value, what="magnitude")
            elif isinstance(value, float):
                value = to_decimal(float(value), what="magnitude")
            if isinstance(units, str) and units.strip():
                units = parse_unit(units)
            return super().__new__(cls, value, units)

    # mypy finds two of pint's own bases at odds once a mixin comes first.
    class UnitRegistry(DiskCachedRegistry, pint.UnitRegistry[Decimal]):  # type: ignore[misc]
        Quantity = DecimalQuantity

        def _get_root_units(self, input_units: Any, check_nonmult: bool = True) -> Any:
            # pint caches the factors it computes here: compute them in
            # bilat's context, never in the caller's.
            with decimal.localcontext(CONTEXT):
                return super()._get_root_units(input_units, check_nonmult)

    with decimal.localcontext(CONTEXT):
        registry = UnitRegistry(non_int_type=Decimal)
    # pint hands products with these types over to them (``Quantity *
    # UnitPrice`` reaches UnitPrice.__rmul__) instead of wrapping them.
    upcast = pint.compat.upcast_type_map
    for cls in (UnitPrice, Money):
        upcast[f"{cls.__module__}.{cls.__qualname__}"] = cls  # type: ignore[index]
    return registry


# -- unit text ------------------------------------------------------------------

_DIGITS: Final = "0123456789"
_SUPERSCRIPT_DIGITS: Final = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_FROM_SUPERSCRIPT: Final = str.maketrans(_SUPERSCRIPT_DIGITS + "⁻", _DIGITS + "-")
_TIMES: Final = "*·⋅"  # pint reads the dots as '*', and prints '·'


def _is_name_start(char: str) -> bool:
    return char.isalpha() or char in "_°"


def _is_name_part(char: str) -> bool:
    return _is_name_start(char) or char in _DIGITS or char == "∞"  # R_∞


class _Tokens:
    """The tokens of a unit expression: (kind, text, position)."""

    __slots__ = ("index", "items")

    def __init__(self, text: str) -> None:
        self.items: list[tuple[str, str, int]] = []
        self.index = 0
        i, n = 0, len(text)
        while i < n:
            char, start = text[i], i
            if char.isspace():
                i += 1
                continue
            if _is_name_start(char):
                i += 1
                while i < n and _is_name_part(text[i]):
                    i += 1
                kind = "name"
            elif char in "%‰":
                i, kind = i + 1, "name"
            elif char in _DIGITS:
                while i < n and (text[i] in _DIGITS or text[i] == "."):
                    i += 1
                kind = "number"
            elif text.startswith("**", i) or char == "^":
                i, kind = i + (1 if char == "^" else 2), "power"
            elif char in _TIMES or char == "/":
                i, kind = i + 1, "operator"
            elif char in "()+-":
                i, kind = i + 1, char
            elif char in _SUPERSCRIPT_DIGITS or char == "⁻":
                i += 1
                while i < n and text[i] in _SUPERSCRIPT_DIGITS:
                    i += 1
                kind = "superscript"
            else:
                raise _RefusedError(f"unexpected {shown(char)} at position {start}")
            self.items.append((kind, text[start:i], start))

    def peek(self) -> tuple[str, str, int] | None:
        return self.items[self.index] if self.index < len(self.items) else None

    def take(self) -> tuple[str, str, int]:
        token = self.items[self.index]
        self.index += 1
        return token


class _RefusedError(Exception):
    """Why a text is not a unit expression (internal; becomes a ParseError)."""


def _read_expression(tokens: _Tokens, depth: int) -> None:
    """Read ``factor (('*' | '/') factor)*``."""
    _read_factor(tokens, depth)
    while (token := tokens.peek()) is not None and token[0] != ")":
        if token[0] != "operator":
            raise _RefusedError(
                f"expected '*' or '/' before {shown(token[1])} at position {token[2]}"
            )
        tokens.take()
        _read_factor(tokens, depth)


def _read_factor(tokens: _Tokens, depth: int) -> None:
    """Read ``(name | '1' | '(' expression ')') [power]``."""
    token = tokens.peek()
    if token is None:
        raise _RefusedError("it ends where a unit name was expected")
    kind, text, position = tokens.take()
    if kind == "(":
        if depth >= MAX_DEPTH:
            raise _RefusedError(
                f"parentheses nest deeper than {MAX_DEPTH} at position {position}"
            )
        _read_expression(tokens, depth + 1)
        if tokens.peek() is None:
            raise _RefusedError(f"the parenthesis at position {position} is not closed")
        tokens.take()
    elif kind == "number":
        if text != "1":
            raise _RefusedError(
                f"the number {text} at position {position} is not a unit (write "
                "the number before the unit, as in '152 km')"
            )
    elif kind != "name":
        raise _RefusedError(
            f"expected a unit name at position {position}, not {shown(text)}"
        )
    token = tokens.peek()
    if token is not None and token[0] == "power":
        tokens.take()
        sign = tokens.peek()
        if sign is not None and sign[0] in "+-":
            tokens.take()
        exponent = tokens.peek()
        if exponent is None or exponent[0] != "number":
            raise _RefusedError(f"expected an integer power after {shown(token[1])}")
        _check_exponent(tokens.take()[1])
    elif token is not None and token[0] == "superscript":
        _check_exponent(tokens.take()[1].translate(_FROM_SUPERSCRIPT))


def _check_exponent(text: str) -> None:
    digits = text.lstrip("-")
    if not digits.isdigit() or len(digits) > 2 or not 0 < int(digits) <= MAX_EXPONENT:
        raise _RefusedError(
            f"the power {text} is not a whole number from -{MAX_EXPONENT} to "
            f"{MAX_EXPONENT}, other than 0"
        )


def _unit_problem(text: str) -> str | None:
    """Why ``text`` is not a unit expression bilat reads, or None when it is one."""
    if len(text) > UNIT_TEXT_LIMIT:
        return f"it has {len(text):,} characters"
    try:
        tokens = _Tokens(text)
        _read_expression(tokens, 0)
        if (token := tokens.peek()) is not None:
            raise _RefusedError(f"unexpected {shown(token[1])} at position {token[2]}")
    except _RefusedError as e:
        return str(e)
    return None


def _reason(error: BaseException) -> str:
    """A short reason from whatever pint raised."""
    text = str(error)
    if not type(error).__module__.startswith("pint") or not text:
        text = f"pint raised {type(error).__name__}: {text}"
    return text if len(text) <= 200 else f"{text[:200]}..."


@thread_safe_lru_cache(maxsize=256)
def _unit(text: str) -> pint.Unit:
    """Parse a unit expression, checked first against bilat's grammar."""
    problem = _unit_problem(text)
    if problem is not None:
        raise ParseError(text, f"{problem}; expected {UNIT_SHAPE}", what="a unit")
    registry = get_registry()
    try:
        with decimal.localcontext(CONTEXT):
            unit = registry.Unit(text)
            multiplicative = registry.Quantity(_ONE, unit)._is_multiplicative
            powers: list[Any] = list(unit._units.values())
            name = f"{unit:D}"
    except Exception as e:  # noqa: BLE001 - pint raises many kinds; all mean "not a unit"
        raise ParseError(
            text,
            f"expected a unit such as 'tonne', 'Mt', 'kWh' or 'm ** 3' ({_reason(e)})",
            what="a unit",
        ) from None
    if not multiplicative:
        raise ParseError(
            text,
            "expected a multiplicative unit: a price per degree Celsius has no "
            "meaning (use 'delta_degC' for a difference of temperature)",
            what="a unit",
        )
    if any(p != int(p) or abs(p) > MAX_EXPONENT for p in powers):
        raise ParseError(
            text,
            f"expected units with integer powers from -{MAX_EXPONENT} to "
            f"{MAX_EXPONENT}, got {name}",
            what="a unit",
        )
    if len(name) > UNIT_TEXT_LIMIT:
        raise ParseError(
            text,
            f"expected a unit whose full name has at most {UNIT_TEXT_LIMIT} "
            f"characters; {shown(name)} has {len(name):,}",
            what="a unit",
        )
    return unit


def parse_unit(value: object) -> pint.Unit:
    """Read a unit expression or a pint Unit (of any registry) into bilat's.

    Text must be a unit expression: unit names joined by ``*`` or ``/``, with
    integer powers (``**``, ``^`` or superscript digits) from
    -:data:`MAX_EXPONENT` to :data:`MAX_EXPONENT`, parentheses and spaces,
    at most :data:`UNIT_TEXT_LIMIT` characters (``"t"``, ``"Mt / a"``,
    ``"m ** 3"``, ``"kg*m/s^2"``, ``"km²"``). The shape is checked before
    pint reads the names, so no text takes long. A pint Unit is read by its
    full name.

    Raises:
        ParseError: the text is not a unit expression, names a unit pint
            does not know, or names an offset unit such as ``degC``.
        ValidationError: ``value`` is neither text nor a pint Unit.

    Example:
        >>> from bilat._units import parse_unit
        >>> parse_unit("t"), parse_unit("megatonne")
        (<Unit('metric_ton')>, <Unit('megametric_ton')>)
        >>> parse_unit("km == m")
        Traceback (most recent call last):
        ...
        bilat.ParseError: cannot read 'km == m' as a unit: unexpected '=' at position 3; ...
    """
    if isinstance(value, str):
        return _unit(str.strip(value))
    if _is_pint(value) and hasattr(value, "dimensionality"):
        if hasattr(value, "magnitude"):
            raise invalid("unit", f"expected a unit, got the quantity {shown(value)}")
        try:
            return _pint_unit(value)
        except BilatError:
            raise
        except Exception as e:  # noqa: BLE001 - a foreign object may fail to format
            raise invalid(
                "unit", f"cannot read the unit {shown(value)}: {_reason(e)}"
            ) from None
    raise invalid(
        "unit", f"expected a unit such as 'tonne' or a pint Unit, got {shown(value)}"
    )


def _pint_unit(unit: Any) -> pint.Unit:
    """A pint Unit of any registry, read by its full name into bilat's."""
    if getattr(unit, "_REGISTRY", None) is get_registry():
        return _own_unit(unit)
    return _unit(f"{unit:D}")  # units of two registries cannot be compared


@thread_safe_lru_cache(maxsize=256)
def _own_unit(unit: Any) -> pint.Unit:
    """A Unit of bilat's registry, checked like text (powers, name length)."""
    return _unit(f"{unit:D}")


def _unit_text(value: str | PlainUnit) -> str:
    # PlainUnit: what pint types a quantity's ``.units`` as; pint.Unit is one.
    return f"{parse_unit(value):D}"


def _is_pint(value: object) -> bool:
    return type(value).__module__.startswith("pint")


# A number (sign, underscores and exponent allowed), then a unit expression (or
# nothing, for a dimensionless number). This only splits the text: the number
# part is any run of what numbers are written with, so that to_decimal (whose
# grammar is bilat._decimal.FINITE_NUMBER) judges all of it and names it whole
# ("1__0", "1.5.3"), rather than a strict pattern cutting it where it goes
# wrong and leaving the rest to be misread as a unit.
_QUANTITY: Final = re.compile(
    r"([+-]?[0-9_.]+(?:[eE][+-]?[0-9]+)?)(.*)", re.ASCII | re.DOTALL
)


def parse_quantity(value: object) -> pint.Quantity[Decimal]:
    """A quantity of bilat's registry from text or a pint Quantity of any registry.

    Text is a number and a unit expression (see :func:`parse_unit`), at most
    :data:`QUANTITY_TEXT_LIMIT` characters: ``"152 km"``, ``"20 Mt / a"``;
    a number alone is dimensionless. A Quantity's magnitude must be a single
    finite number in bilat's range (a float goes through its shortest repr);
    its unit is read by name, so quantities of other registries are rebuilt
    in bilat's.

    Raises:
        ParseError: the text is not a number and a unit expression.
        InvalidNumberError: the magnitude is NaN, infinite or not a number
            (:class:`~bilat.PrecisionError` when outside bilat's range).
        NumberTypeError: the magnitude is not a single number.
        ValidationError: ``value`` is neither text nor a pint Quantity.

    Example:
        >>> from bilat._units import parse_quantity
        >>> parse_quantity("152 km"), parse_quantity("20 Mt/a")
        (<Quantity(152, 'kilometer')>, <Quantity(20, 'megametric_ton / year')>)
    """
    if isinstance(value, str):
        return _parse_text(value)[0]
    if is_quantity(value):
        number = magnitude(value)
        unit = parse_unit(value.units)  # type: ignore[attr-defined]
    else:
        raise invalid("", f"expected a quantity such as '152 km', got {shown(value)}")
    return get_registry().Quantity(number, unit)


def _parse_text(value: str) -> tuple[pint.Quantity[Decimal], Decimal, bool]:
    """The quantity a text states, its number as written, and whether a unit was."""
    text = str.strip(value)
    if len(text) > QUANTITY_TEXT_LIMIT:
        raise ParseError(
            value,
            f"expected at most {QUANTITY_TEXT_LIMIT} characters, a number and "
            f"a unit such as '152 km' (this text has {len(text):,})",
            what="a quantity",
        )
    match = _QUANTITY.fullmatch(text)
    if match is None:
        raise ParseError(
            value,
            "expected a number and a unit such as '152 km'",
            what="a quantity",
        )
    number = to_decimal(match[1], what="magnitude")
    written = match[2].strip()
    unit = parse_unit(written or "dimensionless")
    return get_registry().Quantity(number, unit), number, bool(written)


def parse_quantity_with_step(
    value: str,
) -> tuple[pint.Quantity[Decimal] | Decimal, Decimal]:
    """What a text states and the step of its last written digit.

    A number and a unit (``"152 km"``, ``"5 %"``, ``"5 km/m"``) give the
    quantity as written, whatever its dimension; a number alone (``"78"``)
    gives that number. The step is one unit in the last digit written, in
    the value's unit: ``"152.4 km"`` → ``0.1`` (km), ``"1.5E+3 t"`` →
    ``1E+2`` (t). Nothing depends on the caller's decimal context.

    Raises:
        ParseError: the text is not a number and a unit expression.
        InvalidNumberError: the number is not finite or outside bilat's range.

    Example:
        >>> from bilat._units import parse_quantity_with_step
        >>> parse_quantity_with_step("152.4 km")
        (<Quantity(152.4, 'kilometer')>, Decimal('0.1'))
        >>> parse_quantity_with_step("5 %"), parse_quantity_with_step("78")
        ((<Quantity(5, 'percent')>, Decimal('1')), (Decimal('78'), Decimal('1')))
    """
    quantity, number, unit_written = _parse_text(value)
    exponent = number.as_tuple().exponent
    assert isinstance(exponent, int)  # to_decimal gives finite numbers
    step = Decimal((0, (1,), exponent))
    return (quantity if unit_written else number), step


def magnitude(quantity: Any) -> Decimal:
    """The magnitude of a pint quantity as an exact Decimal.

    Floats go through their shortest repr; arrays are refused.

    Raises:
        NumberTypeError: the magnitude is not a single number.

    Example:
        >>> import bilat
        >>> from bilat._units import magnitude
        >>> magnitude(bilat.Q_(0.1, "t")), magnitude(bilat.Q_(5, "Mt"))
        (Decimal('0.1'), Decimal('5'))
    """
    value = quantity.magnitude
    if isinstance(value, bool | int | Decimal):
        pass
    elif isinstance(value, float):
        value = float(value)  # numpy's float64 is a float
    elif isinstance(value, numbers.Integral):
        value = int(value)  # numpy's int64 is not an int
    return to_decimal(value, what="magnitude")


def _tidy(amount: Decimal) -> Decimal:
    """Drop trailing zeros and exponents: ``1.50E+8`` → ``150000000``."""
    amount = amount.normalize(EXACT)
    if amount.as_tuple().exponent > 0:  # type: ignore[operator]
        return amount.quantize(_ONE, context=EXACT)
    return amount


# -- exact conversion -----------------------------------------------------------


def _quotient(value: Fraction, operands: object, what: str) -> Decimal:
    """``value`` as a Decimal, divided once in :data:`~bilat._decimal.QUOTIENTS`.

    Exact when its decimal expansion ends within 60 significant digits;
    rounded to 60 (half to even) otherwise, like every quotient.

    Raises:
        PrecisionError: the result is outside bilat's range.
    """
    numerator, denominator = Decimal(value.numerator), Decimal(value.denominator)
    try:
        return _tidy(QUOTIENTS.divide(numerator, denominator))
    except decimal.DecimalException as e:
        raise arithmetic_error(e, operands, what) from None


def _factor(source: Any, target: Any, left: str) -> Fraction:
    """How many ``target`` one ``source`` holds, exactly; dimensions must agree."""
    factor = _unit_ratio(source, target)
    if factor is None:
        raise UnitMismatchError(
            left,
            f"{source:D}",
            f"expected a quantity of {target.dimensionality}, "
            f"not of {source.dimensionality}",
        )
    return factor


@thread_safe_lru_cache(maxsize=256)
def _unit_ratio(source: Any, target: Any) -> Fraction | None:
    """How many ``target`` one ``source`` holds, or None for other dimensions."""
    if source.dimensionality != target.dimensionality:
        return None
    return root_factor(f"{source:D}") / root_factor(f"{target:D}")


def quantity_key(quantity: Any) -> tuple[object, ...]:
    """What equality and hashing of a quantity compare: its exact size.

    Two quantities are equal when they are the same amount in base units,
    worked out exactly (``1 mile`` equals ``1.609344 km``), whatever the
    caller's decimal context; pint's own ``==`` converts in that context.
    Units with an offset (``degC``) compare by magnitude and unit.

    Example:
        >>> import bilat
        >>> from bilat._units import quantity_key
        >>> quantity_key(bilat.Q_(1, "mile")) == quantity_key(bilat.Q_("1.609344", "km"))
        True
    """
    amount = Fraction(magnitude(quantity))
    units = quantity.units
    if not quantity._is_multiplicative:
        return ("offset", amount, f"{units:D}")
    return (amount * root_factor(f"{units:D}"), str(units.dimensionality))


def convert(quantity: Any, unit: object) -> Decimal:
    """The magnitude of ``quantity`` in ``unit``, computed exactly.

    The magnitude is multiplied by both units' exact factors to the base
    units and divided once, so the result is exact whenever it is a
    decimal of at most 60 significant digits; otherwise it is rounded to 60
    significant digits, half to even.

    Raises:
        UnitMismatchError: ``unit`` has another dimension.
        ParseError: ``unit`` is not a unit expression pint knows.
        PrecisionError: the result is outside bilat's range.

    Example:
        >>> import bilat
        >>> from bilat._units import convert
        >>> convert(bilat.Q_("0.45359237", "kg"), "lb")
        Decimal('1')
        >>> convert(bilat.Q_(36, "km/h"), "m/s")
        Decimal('10')
    """
    quantity = parse_quantity(quantity)
    target = parse_unit(unit)
    amount = magnitude(quantity)
    factor = _factor(quantity.units, target, f"{target:D}")
    return _quotient(Fraction(amount) * factor, (amount, f"{target:D}"), "conversion")


def quantity_ratio(numerator: Any, denominator: Any) -> Decimal:
    """``numerator / denominator`` for two quantities of one dimension.

    Divided once, after both are expressed in base units exactly: exact when
    the quotient terminates, otherwise rounded to 60 significant digits.

    Raises:
        UnitMismatchError: the dimensions differ.
        DivisionByZeroError: the denominator is zero.

    Example:
        >>> import bilat
        >>> from bilat._units import quantity_ratio
        >>> quantity_ratio(bilat.Q_(1, "mile"), bilat.Q_("1.609344", "km"))
        Decimal('1')
    """
    top, bottom = parse_quantity(numerator), parse_quantity(denominator)
    divisor = magnitude(bottom)
    if not divisor:
        raise DivisionByZeroError(denominator, "divisor", "a non-zero quantity")
    factor = _factor(top.units, bottom.units, f"{bottom.units:D}")
    return _quotient(
        Fraction(magnitude(top)) * factor / Fraction(divisor),
        (numerator, denominator),
        "ratio of quantities",
    )


def _price(value: Money) -> Money:
    return _checked_price(value)


def _checked_price(value: object) -> Money:
    if type(value) is not Money:
        raise NumberTypeError(value, "price", "a Money")
    return value


def _shown_digits(price: Money) -> int | None:
    """The decimals a unit price shows: its currency's, or three significant digits.

    Example:
        >>> from bilat import Money
        >>> [_shown_digits(Money(a, "USD")) for a in ("30", "0.2057", "0.00045", "0.2")]
        [2, 3, 5, 2]
    """
    digits = price.currency.digits
    amount = price.amount
    if not amount or digits is None:
        return digits
    wanted = 2 - amount.adjusted()  # three significant digits
    if wanted <= digits:
        return digits
    rounded = amount.quantize(Decimal(1).scaleb(-wanted), context=CONTEXT)
    # Trailing zeros of the rounded price add nothing: $0.2 shows $0.20.
    return max(digits, -int(rounded.normalize(CONTEXT).as_tuple().exponent))


@public
@final
@attrs.frozen(repr=False)
class UnitPrice:
    """A price per unit of a physical quantity: ``$30/t``.

    Dividing :class:`Money` by a pint quantity gives one; multiplying it by a
    quantity, in either order, gives Money, converting the quantity into the
    price's unit first. The results are exact whenever they are decimals of
    at most 60 significant digits (the units' factors are exact fractions and
    there is one division, at the end); otherwise they are rounded to 60.

    Args:
        price: The price of one ``unit``.
        unit: A unit expression that pint knows (``"tonne"``, ``"t"``,
            ``"kWh"``, ``"m ** 3"``, ``"Mt / a"``: unit names joined by
            ``*`` and ``/``, with whole powers up to 12 and parentheses, at
            most 200 characters) or a pint Unit. It is kept under pint's
            canonical name, so ``"t"`` and ``"tonne"`` give equal prices.

    Raises:
        NumberTypeError: ``price`` is not Money.
        ParseError: ``unit`` is not a unit expression, not a unit pint
            knows, or an offset unit.
        ValidationError: ``unit`` is neither text nor a pint Unit.

    Example:
        >>> import bilat
        >>> from bilat import Money, UnitPrice
        >>> price = Money(150_000_000, "USD") / bilat.Q_(5, "Mt")
        >>> price
        UnitPrice(Money('30000000', 'USD'), 'megametric_ton')
        >>> print(price)  # short symbols for people; repr round-trips
        $30,000,000.00/Mt
        >>> per_tonne = UnitPrice(Money(30, "USD"), "t")
        >>> print(per_tonne)
        $30.00/t
        >>> per_tonne * bilat.Q_(5, "Mt")
        Money('150000000', 'USD')
        >>> bilat.Q_("2.5 kilotonne") * per_tonne
        Money('75000', 'USD')
    """

    price: Money = attrs.field(converter=_price)
    unit: str = attrs.field(converter=_unit_text)

    @classmethod
    def from_division(cls, money: Money, quantity: Any) -> UnitPrice:
        """The price per unit of ``quantity``: ``money / quantity``.

        This is what ``Money / Quantity`` calls.

        Raises:
            DivisionByZeroError: the quantity is zero.
            NumberTypeError: its magnitude is not a single number.
            ValidationError: ``money`` is not a Money.

        Example:
            >>> import bilat
            >>> from bilat import Money, UnitPrice
            >>> UnitPrice.from_division(Money(156, "USD"), bilat.Q_(12, "km"))
            UnitPrice(Money('13', 'USD'), 'kilometer')
        """
        if not isinstance(money, Money):
            raise invalid("money", f"expected a Money to divide, got {shown(money)}")
        quantity = parse_quantity(quantity)
        amount = magnitude(quantity)
        if not amount:
            raise DivisionByZeroError(quantity, "divisor", "a non-zero quantity")
        price = _quotient(
            Fraction(money.amount) / Fraction(amount), (money, quantity), "price"
        )
        return cls(make_money(price, money.currency), quantity.units)

    @property
    def units(self) -> pint.Unit:
        """The unit as a pint Unit of :data:`bilat.ureg`.

        Example:
            >>> from bilat import Money, UnitPrice
            >>> UnitPrice(Money(30, "USD"), "t").units
            <Unit('metric_ton')>
        """
        return _unit(self.unit)

    def to(self, unit: object) -> UnitPrice:
        """The same price per another unit of the same dimension.

        Exact whenever the new price is a decimal of at most 60 significant
        digits; rounded to 60 otherwise.

        Raises:
            UnitMismatchError: ``unit`` has another dimension.
            ParseError: ``unit`` is not a unit expression pint knows.
            PrecisionError: the new price is outside bilat's range.

        Example:
            >>> from bilat import Money, UnitPrice
            >>> UnitPrice(Money(30, "USD"), "t").to("kg")
            UnitPrice(Money('0.03', 'USD'), 'kilogram')
            >>> UnitPrice(Money("0.45359237", "USD"), "kg").to("lb")
            UnitPrice(Money('0.2057460381222169', 'USD'), 'pound')
        """
        target = parse_unit(unit)
        amount = self.price.amount
        factor = _factor(target, self.units, self._label())
        per = _quotient(Fraction(amount) * factor, (self, unit), "price")
        return UnitPrice(make_money(per, self.price.currency), target)

    @overload
    def __mul__(self, other: pint.Quantity[Any]) -> Money: ...
    @overload
    def __mul__(self, other: int | Decimal | float) -> UnitPrice: ...
    def __mul__(self, other: object) -> Any:
        """``price * quantity`` → Money; ``price * number`` → UnitPrice."""
        if is_quantity(other):
            quantity = parse_quantity(other)
            factor = _factor(quantity.units, self.units, self._label())
            value = Fraction(self.price.amount) * Fraction(magnitude(quantity))
            amount = _quotient(value * factor, (self, other), "product")
            return make_money(amount, self.price.currency)
        if isinstance(other, Decimal | int | float) and not isinstance(other, bool):
            return UnitPrice(self.price * other, self.unit)
        return NotImplemented

    __rmul__ = __mul__

    def format(
        self, locale: LocaleLike = "en", *, compact: bool = False, exact: bool = False
    ) -> str:
        r"""Format as price/unit symbol, the price through babel.

        The unit shows in pint's short symbols (``t``, ``Mt/a``, ``kWh``).
        The price is rounded for people (half-even), the value never is: to
        the currency's minor unit, or to three significant digits where that
        shows more (``$0.206/lb``, ``$0.00045/kWh``: a price below a cent
        does not show as ``$0.00``). ``exact=True`` shows every digit;
        ``compact=True`` writes the price as :meth:`Money.format` does.

        Example:
            >>> from bilat import Money, UnitPrice
            >>> UnitPrice(Money("1.5", "USD"), "kWh").format()
            '$1.50/kWh'
            >>> UnitPrice(Money(30, "USD"), "m ** 3").format("ru")
            '30,00\xa0$/m³'
            >>> UnitPrice(Money(2_000_000, "USD"), "t / day").format(compact=True)
            '$2M/(t/d)'
            >>> per_pound = UnitPrice(Money("0.45359237", "USD"), "kg").to("lb")
            >>> print(per_pound, "|", per_pound.format(exact=True))
            $0.206/lb | $0.2057460381222169/lb
        """
        from bilat._money_format import format_money

        symbol = f"{self.units:~P}" or "1"
        if any(c in symbol for c in "/·* "):
            symbol = f"({symbol})"
        price = self.price
        if compact is not False or exact is not False:  # Money.format checks them
            text = price.format(locale, compact=compact, exact=exact)
        else:
            text = format_money(
                price.amount,
                price.currency.code,
                locale,
                compact=False,
                rounding=decimal.ROUND_HALF_EVEN,
                digits=_shown_digits(price),
            )
        return f"{text}/{symbol}"

    def __str__(self) -> str:
        return self.format()

    def __repr__(self) -> str:
        return f"UnitPrice({self.price!r}, {self.unit!r})"

    def _label(self) -> str:
        return f"{self.price.currency.code} / {self.unit}"
