"""The text of Money: the currency formats of CLDR, and Decimal format specs.

:meth:`bilat.Money.format` writes an amount as a locale writes money, in
full or compact (``$156M``, ``156 млн $``), through babel;
``format(money, spec)`` writes the amount in a Decimal format spec followed
by the currency code. Both round for display only, in bilat's own decimal
context: the amount itself never changes. The full form rounds to the
currency's ISO 4217 minor unit (``$0.33``, ``¥2``, ``KWD 1.235``), or, for a
currency without one (gold, SDR), to CLDR's usual digits; ``exact=True``
shows every digit instead.
"""

from __future__ import annotations

import copy
import decimal
from decimal import ROUND_HALF_EVEN, Decimal
from typing import TYPE_CHECKING, Any, Final

from bilat._cache import thread_safe_lru_cache
from bilat._decimal import context_with
from bilat._errors import InvalidOptionError, ValidationError, shown
from bilat._locale import get_locale

if TYPE_CHECKING:
    from bilat._locale import LocaleLike

__all__ = ["format_money", "format_with_spec"]

_ZERO: Final = Decimal(0)
_CENT: Final = Decimal("0.01")


def format_money(
    amount: Decimal,
    code: str,
    locale: LocaleLike,
    *,
    compact: object,
    rounding: object,
    exact: object = False,
    digits: int | None = None,
) -> str:
    """:meth:`bilat.Money.format` of ``amount`` in the currency ``code``.

    ``digits`` is the currency's ISO 4217 minor unit: the full form rounds
    to it with ``rounding`` (None: CLDR's usual digits for ``code``).
    ``exact=True`` shows every digit, in full even when ``compact`` is True.

    Raises:
        UnknownLocaleError: ``locale`` is not a CLDR locale.
        InvalidOptionError: ``compact`` or ``exact`` is not True or False,
            or ``rounding`` is not a rounding mode.

    Example:
        >>> from decimal import Decimal
        >>> from bilat._money_format import format_money
        >>> format_money(Decimal("-0"), "USD", "en", compact=False, rounding="ROUND_HALF_EVEN")
        '$0.00'
        >>> third = Decimal(1) / 3
        >>> format_money(third, "USD", "en", compact=False, rounding="ROUND_HALF_EVEN", digits=2)
        '$0.33'
        >>> format_money(Decimal("0.125"), "USD", "en", compact=False, rounding="ROUND_HALF_EVEN", exact=True)
        '$0.125'
    """
    from babel.numbers import format_currency

    compact = _flag(compact, "compact")
    exact = _flag(exact, "exact")
    ctx = context_with(rounding)
    loc = get_locale(locale)
    amount = amount or _ZERO  # no "-$0.00"
    with decimal.localcontext(ctx):
        if exact:  # every digit, whatever ``compact`` says
            return str(
                format_currency(amount, code, locale=loc, decimal_quantization=False)
            )
        if compact:
            return _compact(amount, code, loc)
        return _rounded(amount, code, loc, digits)


def _rounded(amount: Decimal, code: str, loc: Any, digits: int | None) -> str:
    """The full form rounded to ``digits`` decimals, in the current (bilat's) context."""
    if digits is None:
        from babel.numbers import get_currency_precision

        digits = get_currency_precision(code)
    amount = amount.quantize(_quantum(digits))
    if not amount:
        amount = _ZERO  # no "-$0.00" for an amount that rounds to zero
    text = _pattern(loc, digits).apply(
        amount, loc, currency=code, currency_digits=False, decimal_quantization=False
    )
    return str(text)


@thread_safe_lru_cache(maxsize=64)
def _pattern(loc: Any, digits: int) -> Any:
    """``loc``'s currency pattern with exactly ``digits`` decimals."""
    pattern = copy.copy(loc.currency_formats["standard"])
    pattern.frac_prec = (digits, digits)
    return pattern


@thread_safe_lru_cache(maxsize=16)
def _quantum(digits: int) -> Decimal:
    """``10 ** -digits`` as a Decimal: ``0.01`` for 2."""
    return Decimal(1).scaleb(-digits)


def format_with_spec(amount: Decimal, code: str, spec: object) -> str | None:
    """``format(money, spec)``: the amount in ``spec``, then ``code``.

    None for the empty spec, for which ``format(money, "")`` is ``str(money)``.

    Raises:
        ValidationError: ``spec`` is not a Decimal format spec.

    Example:
        >>> from decimal import Decimal
        >>> from bilat._money_format import format_with_spec
        >>> format_with_spec(Decimal("1234.5"), "USD", ",.2f")
        '1,234.50 USD'
    """
    if not isinstance(spec, str):
        raise ValidationError(_spec_problem(spec))
    if not spec:
        return None
    amount = amount or _ZERO  # no "-0.00"
    try:
        # In bilat's context, not the caller's.
        with decimal.localcontext(context_with(ROUND_HALF_EVEN)):
            text = format(amount, spec)
    except (ValueError, TypeError, decimal.DecimalException):
        raise ValidationError(_spec_problem(spec)) from None
    return text + " " + code


def _flag(value: object, name: str) -> bool:
    """A True/False option; anything else (``None``, ``1``, ``"yes"``) is refused."""
    if value is True or value is False:
        return value
    raise InvalidOptionError(name, value, ("False", "True"))


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
        amount = amount.quantize(_CENT)
        if not amount:
            amount = _ZERO
    elif abs(amount) >= _compact_limit(loc):
        # Beyond CLDR's largest unit babel would write "$9999000…000T":
        # scale to one digit before the point and write the power of ten.
        exponent = amount.adjusted()
        mantissa = amount.scaleb(-exponent).quantize(_CENT)
        if abs(mantissa) >= 10:  # 9.999 rounded up to 10.00
            exponent += 1
            mantissa = amount.scaleb(-exponent).quantize(_CENT)
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
