"""The library's own decimal context and the one place numbers become Decimal.

Results never depend on the caller's :func:`decimal.getcontext`: every
operation that could round runs through :data:`CONTEXT`, whose precision is
large enough that sums and products of realistic amounts are exact.
"""

from __future__ import annotations

import decimal
import re
from decimal import Decimal
from typing import Final

__all__ = ["CONTEXT", "ROUNDING_MODES", "context_with", "to_decimal"]

# A number as Python writes one: underscores only between digits, an optional
# sign, fraction and exponent; NaN and infinities are refused separately.
_NUMBER: Final = re.compile(
    r"[+-]?(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?"
    r"|[+-]?(?:nan|snan|inf|infinity)",
    re.IGNORECASE,
)

#: Precision of the library's context: exact for amounts up to 10**40 with
#: 10 decimals, and for rates with up to 20 significant digits multiplied in.
PRECISION: Final = 60

CONTEXT: Final = decimal.Context(
    prec=PRECISION,
    rounding=decimal.ROUND_HALF_EVEN,
    Emin=-999_999,
    Emax=999_999,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
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

_CONTEXTS: dict[str, decimal.Context] = {decimal.ROUND_HALF_EVEN: CONTEXT}


def context_with(rounding: str) -> decimal.Context:
    """The library context with another rounding mode.

    Raises:
        ValueError: ``rounding`` is not one of the :mod:`decimal` modes.
    """
    try:
        return _CONTEXTS[rounding]
    except KeyError:
        if rounding not in ROUNDING_MODES:
            from bilat._errors import InvalidOptionError

            raise InvalidOptionError(
                "rounding mode", rounding, ROUNDING_MODES
            ) from None
        ctx = CONTEXT.copy()
        ctx.rounding = rounding
        _CONTEXTS[rounding] = ctx
        return ctx


def to_decimal(value: object, *, what: str = "amount") -> Decimal:
    """Turn a user-supplied number into a finite Decimal, exactly.

    ``int`` and ``Decimal`` are taken as they are, ``str`` may carry
    underscores and a sign, and ``float`` goes through its shortest repr so
    ``0.1`` becomes ``Decimal("0.1")``. ``bool``, NaN and infinities are
    refused.

    Raises:
        NumberTypeError: for a type that is not a number (or a bool).
        InvalidNumberError: for NaN, infinity or text that is not a number.
    """
    from bilat._errors import InvalidNumberError, NumberTypeError

    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, bool):
        raise NumberTypeError(value, what, "a number, not a bool")
    elif isinstance(value, int):
        return Decimal(value)
    elif isinstance(value, float):
        result = Decimal(repr(float(value)))  # float subclasses repr differently
    elif isinstance(value, str):
        if not _NUMBER.fullmatch(value):
            raise InvalidNumberError(
                value,
                what,
                "a decimal number such as '156000000', '-1_234.50' or '1.5E+9' "
                "(underscores only between digits, no spaces)",
            )
        try:
            result = Decimal(value.replace("_", ""))
        except decimal.InvalidOperation:  # pragma: no cover - the pattern admits none
            raise InvalidNumberError(value, what, "a decimal number") from None
    else:
        raise NumberTypeError(value, what, "an int, a Decimal, a str or a float")
    if not result.is_finite():
        raise InvalidNumberError(value, what, "a finite number, not NaN or infinity")
    return result
