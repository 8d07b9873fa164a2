"""The library's own decimal contexts and the one place numbers become Decimal.

Results never depend on the caller's :func:`decimal.getcontext`. bilat holds
numbers of at most :data:`MAX_DIGITS` significant digits whose magnitude lies
below ``10**100`` and, unless zero, at or above ``10**-100``:
:func:`to_decimal` refuses any other number. Sums, differences and products
of amounts run in :data:`EXACT`, which raises instead of rounding: they are
exact, or a :class:`~bilat.PrecisionError` says why not. Only division,
powers and logarithms round, in :data:`CONTEXT`, to :data:`PRECISION`
significant digits, half to even.
"""

from __future__ import annotations

import decimal
import re
from decimal import Decimal
from typing import Final, SupportsIndex, TypeAlias

from bilat._errors import (
    DivisionByZeroError,
    InvalidNumberError,
    InvalidOptionError,
    NumberTypeError,
    PrecisionError,
)
from bilat._fields import plain_str

__all__ = [
    "CONTEXT",
    "EMAX",
    "EMIN",
    "EXACT",
    "FINITE_NUMBER",
    "MAX_DIGITS",
    "PRECISION",
    "QUOTIENTS",
    "ROUNDING_MODES",
    "NumberLike",
    "arithmetic_error",
    "context_with",
    "decimal_text",
    "exact_sums",
    "integer_of",
    "read_decimal",
    "to_decimal",
]

#: What :func:`to_decimal` takes: a Decimal, an int, a float, text, or an
#: integer of another library (``numpy.int64``, by its ``__index__``).
NumberLike: TypeAlias = Decimal | int | float | str | SupportsIndex

#: The text of a finite decimal number as bilat reads it (and as
#: :class:`~decimal.Decimal` does, with PEP 515 underscores only between
#: digits): an optional sign, digits, a fraction, an exponent. ASCII digits
#: only, so ``"١٢٣"`` or ``"１２"`` are not 123. Written without flags or
#: ``\d``, so that the same text serves Python's :mod:`re` and the JSON
#: schema; match it whole (``fullmatch``, or ``^…$``).
FINITE_NUMBER: Final = (
    r"[+-]?(?:[0-9](?:_?[0-9])*(?:\.(?:[0-9](?:_?[0-9])*)?)?|\.[0-9](?:_?[0-9])*)"
    r"(?:[eE][+-]?[0-9](?:_?[0-9])*)?"
)

# A number as Python writes one: FINITE_NUMBER, or NaN and infinities, which
# to_decimal reads only to refuse them with their own message.
_NUMBER: Final = re.compile(
    FINITE_NUMBER + r"|[+-]?(?:nan|snan|inf|infinity)", re.IGNORECASE | re.ASCII
)

#: Significant digits of the results that must round: quotients, powers,
#: roots and logarithms.
PRECISION: Final = 60

#: Most significant digits of any number bilat holds, and of the exact result
#: of a sum, difference or product.
MAX_DIGITS: Final = 100

#: Largest adjusted exponent of a number bilat holds: magnitudes stay below
#: ``10**(EMAX + 1)`` = ``10**100``.
EMAX: Final = 99

#: Smallest adjusted exponent of a non-zero number bilat holds: magnitudes
#: are at least ``10**EMIN`` = ``10**-100``.
EMIN: Final = -100

#: The context for results that must round (division, powers, logarithms):
#: :data:`PRECISION` digits, half to even.
CONTEXT: Final = decimal.Context(
    prec=PRECISION,
    rounding=decimal.ROUND_HALF_EVEN,
    Emin=-999_999,
    Emax=999_999,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)

#: The context for sums, differences and products of amounts: a result that
#: would need rounding (more than :data:`MAX_DIGITS` digits) or that falls
#: outside the range raises a :class:`decimal.DecimalException`, which
#: :func:`arithmetic_error` turns into a :class:`~bilat.PrecisionError`.
EXACT: Final = decimal.Context(
    prec=MAX_DIGITS,
    rounding=decimal.ROUND_HALF_EVEN,
    Emin=EMIN,
    Emax=EMAX,
    traps=[
        decimal.InvalidOperation,
        decimal.DivisionByZero,
        decimal.Overflow,
        decimal.Inexact,
        decimal.Subnormal,
    ],
)

#: The context for quotients of amounts: rounded to :data:`PRECISION`
#: digits like :data:`CONTEXT`, and kept within the range like
#: :data:`EXACT`.
QUOTIENTS: Final = decimal.Context(
    prec=PRECISION,
    rounding=decimal.ROUND_HALF_EVEN,
    Emin=EMIN,
    Emax=EMAX,
    traps=[
        decimal.InvalidOperation,
        decimal.DivisionByZero,
        decimal.Overflow,
        decimal.Subnormal,
    ],
)

# Quantizing (rounding to a currency's minor unit, formatting) needs room for
# every digit of the largest amount and all its decimals.
_QUANTIZE_PRECISION: Final = 2 * MAX_DIGITS + 2 * (EMAX + 1)

_INT_LIMIT: Final = 10 ** (EMAX + 1)

_RANGE: Final = (
    f"a number of at most {MAX_DIGITS} significant digits whose magnitude is "
    f"below 1E+{EMAX + 1} and, unless zero, at least 1E{EMIN}"
)

#: The context text is read in: it never rounds (the precision and exponent
#: range are Decimal's largest) and it traps invalid text and exponents
#: beyond any Decimal's, whatever the caller's context says. Range checks
#: come after reading.
READ: Final = decimal.Context(
    prec=decimal.MAX_PREC,
    rounding=decimal.ROUND_HALF_EVEN,
    Emin=decimal.MIN_EMIN,
    Emax=decimal.MAX_EMAX,
    traps=[
        decimal.InvalidOperation,
        decimal.Overflow,
        decimal.Underflow,
        decimal.Subnormal,
        decimal.Clamped,
    ],
)

ROUNDING_MODES: Final = frozenset(
    {
        decimal.ROUND_CEILING,
        decimal.ROUND_DOWN,
        decimal.ROUND_FLOOR,
        decimal.ROUND_HALF_DOWN,
        decimal.ROUND_HALF_EVEN,
        decimal.ROUND_HALF_UP,
        decimal.ROUND_UP,
        decimal.ROUND_05UP,
    }
)

_CONTEXTS: dict[str, decimal.Context] = {}


def context_with(rounding: object) -> decimal.Context:
    """A context for rounding amounts to a quantum with ``rounding``.

    Its precision leaves room for every digit of any amount bilat holds, so
    :meth:`~decimal.Decimal.quantize` in it rounds only where asked.

    Raises:
        InvalidOptionError: ``rounding`` is not the name of one of the
            :mod:`decimal` modes (whatever its type).
    """
    # Only a str is looked up: a list would be unhashable, and an object's
    # own __eq__ or __hash__ may raise.
    key = plain_str(rounding) or ""
    try:
        return _CONTEXTS[key]
    except KeyError:
        if key not in ROUNDING_MODES:
            raise InvalidOptionError(
                "rounding mode", rounding, ROUNDING_MODES
            ) from None
        ctx = CONTEXT.copy()
        ctx.prec = _QUANTIZE_PRECISION
        ctx.rounding = key
        _CONTEXTS[key] = ctx
        return ctx


def decimal_text(value: Decimal) -> str:
    """``str(value)`` as the default context writes it (``1E+9``, not ``1e+9``).

    ``str()`` of a Decimal follows the caller's context's ``capitals``; text
    that goes into reprs, files and reports must not.
    """
    return CONTEXT.to_sci_string(value)


def read_decimal(text: str) -> Decimal:
    """Read the text of a number exactly, whatever the caller's context is.

    ``Decimal(text)`` depends on :func:`decimal.getcontext`: with
    :class:`decimal.InvalidOperation` not trapped, text with an exponent
    beyond any Decimal's becomes NaN instead of raising. This reads in
    :data:`READ`, which never rounds and always traps.

    Raises:
        decimal.DecimalException: ``text`` is not a number
            (:class:`~decimal.InvalidOperation`), or its exponent is beyond
            any Decimal's (:class:`~decimal.Overflow`,
            :class:`~decimal.Underflow`, :class:`~decimal.Clamped`).

    Example:
        >>> import decimal
        >>> from bilat._decimal import read_decimal
        >>> with decimal.localcontext(decimal.Context(prec=3, traps=[])):
        ...     read_decimal("1234.5678")
        Decimal('1234.5678')
        >>> read_decimal("1e99999999999999999999")
        Traceback (most recent call last):
        ...
        decimal.Overflow: [<class 'decimal.Overflow'>]
    """
    return _read(text)


_read = READ.create_decimal


def to_decimal(value: object, *, what: str = "amount") -> Decimal:
    """Turn a user-supplied number into a finite Decimal, exactly.

    ``int`` and ``Decimal`` are taken as they are, ``str`` may carry
    underscores and a sign, and ``float`` goes through its shortest repr so
    ``0.1`` becomes ``Decimal("0.1")``. ``bool``, NaN and infinities are
    refused. Other integer types (those with ``__index__``, such as
    ``numpy.int64``) are taken as the int they stand for, and float
    subclasses (``numpy.float64``) as floats; ``numpy.float32`` and other
    number types that are neither are refused, as is ``numpy.bool_``. Text
    is read the same whatever the caller's decimal context is.

    The number must lie in bilat's range: at most :data:`MAX_DIGITS` (100)
    significant digits, a magnitude below ``10**100`` and, unless it is
    zero, at least ``10**-100``. Within that range every digit is kept;
    outside it nothing is rounded or cut: the number is refused. (Trailing
    zeros past the 100th digit are dropped; they do not change the value.)

    Sums, differences and products of such numbers are exact or raise
    :class:`~bilat.PrecisionError`; quotients, powers and logarithms are
    rounded to :data:`PRECISION` (60) significant digits, half to even.

    Raises:
        NumberTypeError: for a type that is not a number (or a bool).
        InvalidNumberError: for NaN, infinity or text that is not a number.
        PrecisionError: for a number outside bilat's range.

    Example:
        >>> from bilat._decimal import to_decimal
        >>> to_decimal("1_000.50"), to_decimal(0.1), to_decimal("1E-30")
        (Decimal('1000.50'), Decimal('0.1'), Decimal('1E-30'))
        >>> to_decimal("1e999999999")
        Traceback (most recent call last):
        ...
        bilat.PrecisionError: invalid amount '1e999999999': expected a magnitude below 1E+100...
    """
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, bool):
        raise NumberTypeError(value, what, "a number, not a bool")
    elif isinstance(value, int):
        if -_INT_LIMIT < value < _INT_LIMIT:
            return Decimal(value)
        raise PrecisionError(value, what, _expected(decimal.Overflow))
    elif isinstance(value, float):
        result = Decimal(repr(float(value)))  # float subclasses repr differently
    elif isinstance(value, str):
        value = str.__str__(value)  # a str subclass may override anything
        if not _NUMBER.fullmatch(value):
            raise InvalidNumberError(
                value,
                what,
                "a decimal number such as '156000000', '-1_234.50' or '1.5E+9' "
                "(underscores only between digits, no spaces)",
            )
        try:
            result = _read(value.replace("_", ""))
        except decimal.DecimalException:  # an exponent beyond any Decimal's
            raise PrecisionError(value, what, _RANGE) from None
    else:
        number = integer_of(value)
        if number is None:
            raise NumberTypeError(value, what, "an int, a Decimal, a str or a float")
        if -_INT_LIMIT < number < _INT_LIMIT:
            return Decimal(number)
        raise PrecisionError(number, what, _expected(decimal.Overflow))
    if not result.is_finite():
        raise InvalidNumberError(value, what, "a finite number, not NaN or infinity")
    try:
        return _in_range(result)
    except decimal.DecimalException as e:
        raise PrecisionError(value, what, _expected(type(e))) from None


_in_range = EXACT.create_decimal


def integer_of(value: object) -> int | None:
    """The int an integer type (``numpy.int64``) stands for, or None.

    Only types with ``__index__`` count; a bool of any library (``numpy.bool_``
    has no ``__index__`` in numpy 2) and an ``__index__`` that raises give
    None.
    """
    method = getattr(type(value), "__index__", None)
    if method is None or isinstance(value, bool) or type(value).__name__ == "bool_":
        return None
    try:
        number = method(value)
    except Exception:  # noqa: BLE001 - a broken __index__ is not a number
        return None
    return number if type(number) is int else None


def _expected(signal: type[decimal.DecimalException]) -> str:
    """What a number or result should have been, after ``signal`` was raised."""
    if issubclass(signal, decimal.Overflow):
        return f"a magnitude below 1E+{EMAX + 1}, bilat's largest"
    if issubclass(signal, decimal.Subnormal):
        return f"zero or a magnitude of at least 1E{EMIN}, bilat's smallest"
    if issubclass(signal, decimal.Inexact):
        return f"at most {MAX_DIGITS} significant digits"
    return _RANGE


def arithmetic_error(
    error: decimal.DecimalException, operands: object, what: str
) -> InvalidNumberError:
    """The error for a sum, difference, product or quotient beyond bilat's range.

    ``error`` is what :data:`EXACT` or :data:`QUOTIENTS` raised;
    ``operands`` are named in the message. A division by zero gives a
    :class:`~bilat.DivisionByZeroError`, anything else a
    :class:`~bilat.PrecisionError`.

    Example:
        >>> import decimal
        >>> from bilat._decimal import EXACT, arithmetic_error
        >>> try:
        ...     EXACT.add(decimal.Decimal("1E+99"), decimal.Decimal("1E-99"))
        ... except decimal.DecimalException as e:
        ...     print(arithmetic_error(e, ("1E+99", "1E-99"), "sum"))
        invalid sum ('1E+99', '1E-99'): expected an exact result of at most 100 significant digits ...
    """
    if isinstance(error, decimal.DivisionByZero):
        return DivisionByZeroError(operands, what, "a non-zero divisor")
    expected = _expected(type(error))
    if isinstance(error, decimal.Inexact) and not isinstance(error, decimal.Overflow):
        expected = (
            f"an exact result of at most {MAX_DIGITS} significant digits "
            "(bilat does not round sums, differences or products; round the "
            "operands first if that is what you mean, e.g. with Money.round())"
        )
    elif expected != _RANGE:
        expected = expected.replace("a magnitude", "a result", 1)
    return PrecisionError(operands, what, expected)


class _ExactSums:
    """Runs a block in :data:`EXACT`; a result it cannot hold raises PrecisionError."""

    __slots__ = ("_manager", "_what")

    def __init__(self, what: str) -> None:
        self._what = what
        self._manager = decimal.localcontext(EXACT)

    def __enter__(self) -> None:
        self._manager.__enter__()

    def __exit__(self, kind: object, error: BaseException | None, tb: object) -> None:
        self._manager.__exit__(kind, error, tb)  # type: ignore[arg-type]
        if isinstance(error, decimal.DecimalException):
            raise arithmetic_error(error, None, self._what) from None


def exact_sums(what: str) -> _ExactSums:
    """A ``with`` block whose Decimal arithmetic is exact or raises.

    Inside it, ``+``, ``-``, ``*`` and :func:`sum` on Decimals run in
    :data:`EXACT`; a result beyond bilat's range raises
    :class:`~bilat.PrecisionError` naming ``what``.

    Example:
        >>> from decimal import Decimal
        >>> from bilat._decimal import exact_sums
        >>> with exact_sums("total"):
        ...     sum([Decimal("1E+30"), Decimal("1E-30")])
        Decimal('1000000000000000000000000000000.000000000000000000000000000001')
        >>> with exact_sums("total"):
        ...     Decimal("1E+99") + Decimal("1E-99")
        Traceback (most recent call last):
        ...
        bilat.PrecisionError: invalid total: expected an exact result of at most 100 significant digits ...
    """
    return _ExactSums(what)
