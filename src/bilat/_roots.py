"""Roots rounded once: growth rates and projections, correctly rounded and fast.

A growth rate ``(end/start)^(1/n) − 1`` and a projection
``c·(c/b)^(k/n)`` are ``n``-th roots of exact ratios ``A = P/Q``. bilat
returns each rounded once, half to even, to
:data:`~bilat._decimal.PRECISION` significant digits: the representable
number nearest to the true value.

Taking the root exactly, with integers, costs powers of numbers of some
``60·n`` digits: fine for a few years (up to :data:`EXACT_YEARS` that is
what :func:`growth_and_root` does), slow for a hundred. Instead (Ziv's strategy):

1. The root ``r`` is approximated by Newton's method, from a float
   estimate, with ``guard`` digits more than the result keeps (and as
   many more as ``r − 1`` loses to cancellation).
2. An interval that provably holds ``r`` is computed: for any ``y > 0``,
   ``r`` lies between ``y`` and ``A/y^(n−1)`` (if ``y ≥ r`` then
   ``y^(n−1) ≥ r^(n−1)``, so ``A/y^(n−1) ≤ r``, and the other way round).
   ``A/y^(n−1)`` is bounded below and above with every operation rounded
   down or up (:func:`_power`; one directed rounding loses less than one
   unit in the last place, which :func:`_shrink` turns into a bound).
3. Both ends of the interval, minus 1 for a rate, are rounded once. Rounding
   never decreases, so when the ends round to the same number, the true
   value does too: that is the result, proved.
4. Otherwise (the true value lies within about ``10**(2 − guard)`` units
   in the last place of a halfway point, as exact ties such as
   ``2**-61 − 1`` do) the work is redone with more guard digits
   (:data:`GUARDS`), and, as a last resort, exactly with integers
   (:func:`exact_growth`, :func:`exact_root`).

The approximation costs a few powers at ~75 digits rather than powers of
thousands of digits, and no more over a century than over ten years. A
projection reuses the interval of its actual growth rate's root: raised to
the ``k``-th power with outward rounding and multiplied by ``c``, it most
often decides the rounding without a root of its own.
"""

from __future__ import annotations

import decimal
import functools
import math
from decimal import Decimal
from typing import Final, TypeAlias

from bilat._decimal import CONTEXT, PRECISION

__all__ = [
    "exact_growth",
    "exact_root",
    "growth_and_root",
    "growth_rate",
    "growth_rate_and_root",
    "projection",
    "proved_growth",
    "root_of_ratio",
    "tidy",
]

_ONE: Final = Decimal(1)
_MINUS_ONE: Final = Decimal(-1)

#: Extra digits of the approximation, tried in turn. With ``g`` guard digits
#: a rounding is left undecided only when the true value lies within about
#: ``10**(2 - g)`` units in the last place of a midpoint.
GUARDS: Final = (10, 40, 160, 640)

#: Up to this many years a growth rate's root is taken exactly: its integers
#: (some ``60·years`` digits) are then cheaper than the approximation.
EXACT_YEARS: Final = 8

#: Sums, differences, products and small powers, always exact: the precision only
#: limits what may be attempted, and the exponent range is Decimal's widest.
_EXACT: Final = decimal.Context(
    prec=decimal.MAX_PREC,
    rounding=decimal.ROUND_HALF_EVEN,
    Emin=decimal.MIN_EMIN,
    Emax=decimal.MAX_EMAX,
    traps=[decimal.InvalidOperation, decimal.Overflow, decimal.Underflow],
)

_Contexts = tuple[decimal.Context, decimal.Context, decimal.Context]
#: Two numbers proved to lie below and above a root.
Enclosure: TypeAlias = tuple[Decimal, Decimal]


@functools.cache
def _contexts(precision: int) -> _Contexts:
    """Contexts of ``precision`` digits rounding to nearest, up and down."""
    near, up, down = (
        decimal.Context(
            prec=precision,
            rounding=rounding,
            Emin=decimal.MIN_EMIN,
            Emax=decimal.MAX_EMAX,
            traps=[
                decimal.InvalidOperation,
                decimal.DivisionByZero,
                decimal.Overflow,
                decimal.Underflow,
            ],
        )
        for rounding in (
            decimal.ROUND_HALF_EVEN,
            decimal.ROUND_CEILING,
            decimal.ROUND_FLOOR,
        )
    )
    return near, up, down


def _log10(value: Decimal) -> float:
    """``log10(value)`` of a positive Decimal of any exponent, as a float."""
    number = float(value)
    if 1e-300 < number < 1e300:
        return math.log10(number)
    adjusted = value.adjusted()
    return adjusted + math.log10(float(value.scaleb(-adjusted, context=_EXACT)))


def _power(base: Decimal, n: int, ctx: decimal.Context) -> Decimal:
    """``base**n`` for ``base > 0`` and ``n ≥ 1``, every product rounded in ``ctx``.

    With ``ctx`` rounding toward +∞ (−∞) the result is an upper (lower)
    bound of the true power: products of positive numbers are monotone.
    """
    result: Decimal | None = None
    while True:
        if n & 1:
            result = base if result is None else ctx.multiply(result, base)
        n >>= 1
        if not n:
            assert result is not None  # n ≥ 1
            return result
        base = ctx.multiply(base, base)


def _operations(n: int) -> int:
    """At most how many products :func:`_power` takes for ``n``."""
    return 2 * n.bit_length()


@functools.cache
def _shrink(count: int, precision: int) -> Decimal:
    """``1 − count·10^(1 − precision)``, exactly.

    A lower bound of ``(1 − ε)^count``, with ``ε`` the relative error of one
    directed rounding at ``precision``.
    """
    return _EXACT.subtract(_ONE, Decimal(f"{count}E{1 - precision}"))


class _Ratio:
    """The exact number ``P/Q = p**i / q**j`` whose ``n``-th root is wanted."""

    __slots__ = ("i", "j", "p", "q")

    def __init__(self, p: Decimal, i: int, q: Decimal, j: int) -> None:
        self.p, self.i, self.q, self.j = p, i, q, j

    def approximate(self, ctx: decimal.Context) -> Decimal:
        top = self.p if self.i == 1 else ctx.power(self.p, self.i)
        if not self.j:
            return top
        return ctx.divide(top, self.q if self.j == 1 else ctx.power(self.q, self.j))

    def bounds(
        self, up: decimal.Context, down: decimal.Context
    ) -> tuple[Decimal, Decimal]:
        """``A⁻ ≤ P/Q ≤ A⁺``, from operations rounded down and up."""
        p, q = self.p, self.q
        if self.j == 0 and self.i == 1:
            return p, p
        if self.i == 1 and self.j == 1:
            return down.divide(p, q), up.divide(p, q)
        top = p if self.i == 1 else _power(p, self.i, down)
        bottom = q if self.j <= 1 else _power(q, self.j, up)
        low = top if not self.j else down.divide(top, bottom)
        # Each operation rounded down lost less than one unit in the last
        # place: low ≥ (P/Q)·(1 − ε)^M with M operations, so
        # P/Q ≤ low / (1 − M·ε).
        count = _operations(self.i) + _operations(self.j) + 1
        return low, up.divide(low, _shrink(count, up.prec))

    def fraction(self) -> tuple[int, int]:
        """``P/Q`` as a numerator and a denominator, for the exact method."""
        p_top, p_bottom = self.p.as_integer_ratio()
        q_top, q_bottom = self.q.as_integer_ratio()
        return (
            p_top**self.i * q_bottom**self.j,
            p_bottom**self.i * q_top**self.j,
        )


def _attempt(
    ratio: _Ratio,
    n: int,
    *,
    minus_one: bool,
    seed: Decimal,
    magnitude: int,
    guard: int,
) -> tuple[Decimal, Enclosure] | None:
    """The rounded root and an interval proved to hold the true root.

    None when ``guard`` digits cannot prove the rounding.

    ``seed`` is a start for Newton's method, precise as a float, and
    ``magnitude`` the expected adjusted exponent of the result: of
    ``root − 1`` for a growth rate, of the root otherwise.
    """
    # The root needs its own digits down to the result's last one, plus guard.
    extra = max(0, seed.adjusted() - magnitude) if minus_one else 0
    digits = PRECISION + guard + extra
    near, up, down = _contexts(digits)
    goal = ratio.approximate(near)
    root = seed
    if n == 1:
        root = goal
    else:
        # Newton's error after a step of 10^e is about n·10^(2e) relative to
        # the root: done when that is below the last digit wanted, or when
        # the step is down to the rounding noise of the working precision.
        scale = seed.adjusted()
        done = max(magnitude - PRECISION - guard, scale - digits + 2)
        order = n.bit_length() // 3 + 1  # about log10(n), rounded up
        subtract, divide = near.subtract, near.divide
        for _ in range(64):
            # y − (y^n − A)/(n·y^(n−1)) = y − (y − A/y^(n−1))/n
            step = divide(subtract(root, divide(goal, near.power(root, n - 1))), n)
            root = subtract(root, step)
            if not step:
                break
            size = step.adjusted()
            if size < done or 2 * size - scale + order < done:
                break
    if root <= 0:
        return None
    # For any y > 0, the root r = A^(1/n) lies between y and A/y^(n−1): if
    # y ≥ r then y^(n−1) ≥ r^(n−1) and A/y^(n−1) ≤ r, and the other way
    # round. A/y^(n−1) is bounded with directed roundings (``_shrink``
    # turns the upper bound of y^(n−1) into a lower one).
    least, most = ratio.bounds(up, down)
    if n == 1:
        below, above = least, most
    else:
        power = _power(root, n - 1, up)
        smaller = down.multiply(power, _shrink(_operations(n - 1), digits))
        below = min(root, down.divide(least, power))
        above = max(root, up.divide(most, smaller))
    # Rounding is monotone: when both ends of [below, above] round to the
    # same number (each rounded once, from its exact value), so does r.
    if minus_one:
        low, high = CONTEXT.subtract(below, _ONE), CONTEXT.subtract(above, _ONE)
    else:
        low, high = CONTEXT.plus(below), CONTEXT.plus(above)
    if low == high:
        return low, (below, above)
    return None


def root_of_ratio(
    ratio: _Ratio,
    n: int,
    *,
    minus_one: bool,
    seed: Decimal,
    magnitude: int,
) -> tuple[Decimal, Enclosure | None]:
    """``(P/Q)^(1/n) [− 1]`` rounded once, proved, or exactly when it must be.

    With it, an interval holding the true root (None when taken exactly).
    """
    for guard in GUARDS:
        try:
            found = _attempt(
                ratio,
                n,
                minus_one=minus_one,
                seed=seed,
                magnitude=magnitude,
                guard=guard,
            )
        except (decimal.Overflow, decimal.Underflow):  # pragma: no cover
            break  # beyond Decimal's widest exponents: let integers decide
        if found is not None:
            return found
    top, bottom = ratio.fraction()
    if minus_one:
        return exact_growth(top, bottom, n), None
    return exact_root(top, bottom, n), None


def growth_and_root(
    start: Decimal, end: Decimal, years: int
) -> tuple[Decimal, Enclosure | None]:
    """``(end/start)^(1/years) − 1`` rounded once, half even, to the precision.

    For positive ``start`` and ``end`` and ``years ≥ 1``; the result is not
    tidied (trailing zeros are kept).

    With it, an interval holding the root ``(end/start)^(1/years)``: of
    some 70 digits, there when the approximation gave the rate (else None),
    for :func:`projection`.
    """
    if years == 1:  # a quotient: one rounding of the exact difference
        return CONTEXT.divide(_EXACT.subtract(end, start), start), None
    if end == start:
        return Decimal(0), None
    if years <= EXACT_YEARS:  # small integer roots: exact is the faster way
        return exact_growth(*_Ratio(end, 1, start, 1).fraction(), years), None
    return _proved(start, end, years)


def proved_growth(start: Decimal, end: Decimal, years: int) -> Decimal:
    """The growth rate for ``years ≥ 2`` and ``end ≠ start``, always by approximation.

    The approximation's rounding is proved, or the exact method decides.
    Used by the tests, to check the approximation against an oracle for
    the few years :func:`growth_and_root` takes exactly.
    """
    return _proved(start, end, years)[0]


def _proved(
    start: Decimal, end: Decimal, years: int
) -> tuple[Decimal, Enclosure | None]:
    log_start, log_end = _log10(start), _log10(end)
    log_root = (log_end - log_start) / years
    if abs(log_root) > 0.25:  # far from 1: the float has digits to spare
        seed = _from_log10(log_root)
        if log_root < 0:  # a root below 0.57: the rate lies in (−1, −0.43]
            magnitude = -1
        elif log_root < 300:
            magnitude = math.floor(math.log10(10**log_root - 1))
        else:
            magnitude = math.floor(log_root)
    else:  # near 1: the rate from the exact relative change, if that is small
        change = float(CONTEXT.divide(_EXACT.subtract(end, start), start))
        if abs(change) < 0.5:
            rate = math.expm1(math.log1p(change) / years)
        else:
            rate = math.expm1(log_root * math.log(10))
        seed = _EXACT.add(_ONE, _EXACT.create_decimal_from_float(rate))
        magnitude = math.floor(math.log10(abs(rate)))
    return root_of_ratio(
        _Ratio(end, 1, start, 1), years, minus_one=True, seed=seed, magnitude=magnitude
    )


def projection(
    current: Decimal,
    base: Decimal,
    n: int,
    k: int,
    *,
    within: float,
    root: Enclosure | None = None,
) -> Decimal | None:
    """``current·(current/base)^(k/n)`` rounded once, half even, to the precision.

    For positive amounts, ``n ≥ 1`` and ``k ≥ 1``: the ``n``-th root of
    ``current^(n+k) / base^k`` (with ``k/n`` in lowest terms). None when
    the decimal exponent of the growth factor ``(current/base)^(k/n)`` or
    of the result may reach ``within``: the caller then decides with
    signals of its own context. ``root``, an interval holding
    ``(current/base)^(1/n)`` from :func:`growth_and_root`, mostly saves
    the root: ``current·root^k`` is bounded with directed roundings, and
    when both bounds round to the same number, that is the result
    (rounding is monotone).
    """
    if current == base:
        return CONTEXT.plus(current)
    log_current = _log10(current)
    log_growth = k * (log_current - _log10(base)) / n
    log_root = log_current + log_growth
    if not (abs(log_growth) < within and abs(log_root) < within):
        return None
    if root is not None:
        _, up, down = _contexts(PRECISION + GUARDS[0])
        low = CONTEXT.plus(down.multiply(current, _power(root[0], k, down)))
        if low == CONTEXT.plus(up.multiply(current, _power(root[1], k, up))):
            return low
    common = math.gcd(n, k)
    n, k = n // common, k // common
    if n == 1 and (1 + k) * (_digits(current) + _digits(base)) <= _EXACT_DIGITS:
        # A quotient of exact powers, divided once.
        return CONTEXT.divide(_EXACT.power(current, 1 + k), _EXACT.power(base, k))
    return root_of_ratio(
        _Ratio(current, n + k, base, k),
        n,
        minus_one=False,
        seed=_from_log10(log_root),
        magnitude=math.floor(log_root),
    )[0]


#: Most digits of exact powers worth computing instead of an approximation.
_EXACT_DIGITS: Final = 2000


def _digits(value: Decimal) -> int:
    """How many digits the coefficient of ``value`` has."""
    return len(value.as_tuple().digits)


def _from_log10(log: float) -> Decimal:
    """``10**log`` as a Decimal with a float's precision, for any exponent."""
    whole = math.floor(log)
    return _EXACT.create_decimal_from_float(10 ** (log - whole)).scaleb(
        whole, context=_EXACT
    )


# -- the exact method: integer roots ------------------------------------------------


def _iroot(number: int, n: int) -> tuple[int, int]:
    """The integer part of the ``n``-th root of a non-negative int, and its power."""
    if number < 2:  # 0 and 1 are their own roots
        return number, number
    try:
        guess = int(math.exp(math.log(number) / n) * (1 + 1e-9)) + 2
    except OverflowError:
        guess = 1 << -(-number.bit_length() // n)
    root = guess
    while True:  # Newton's method from above
        power = root ** (n - 1)
        step = ((n - 1) * root + number // power) // n
        if step >= root:
            break
        root = step
    full = power * root
    while full > number:
        root -= 1
        full = root**n
    while (above := (root + 1) ** n) <= number:
        root += 1
        full = above
    return root, full


def _rounded(digits: int, places: int, *, inexact: bool, negative: bool) -> Decimal:
    """``±(digits + f)·10^-places`` rounded half even to the precision.

    ``0 ≤ f < 1``, and ``f > 0`` exactly when ``inexact``; ``digits`` has
    more digits than the precision.
    """
    precision = CONTEXT.prec
    length = len(str(digits))
    unit = 10 ** (length - precision)
    kept, rest = divmod(digits, unit)
    half = unit // 2
    if rest > half or (rest == half and (inexact or kept % 2)):
        kept += 1
    exponent = length - precision - places
    if kept == 10**precision:
        kept //= 10
        exponent += 1
    return Decimal(f"{'-' if negative else ''}{kept}E{exponent}")


def exact_growth(top: int, bottom: int, n: int) -> Decimal:
    """``(top/bottom)^(1/n) − 1`` rounded half even to the context's precision.

    The exact method, with integers: slow for many years, used where the
    approximation cannot decide and as the reference in tests. With ``q``
    the root, ``A = floor(q·10^K)`` is an integer ``n``-th root; ``K`` is
    chosen so that ``q − 1`` has more digits than the precision before the
    point, and whether ``q·10^K`` is whole decides exact ties.
    """
    precision = CONTEXT.prec
    if top == bottom:
        return Decimal(0)
    log_q = (math.log(top) - math.log(bottom)) / n
    if log_q > 0.5:  # q above 1.6: q − 1 is about q
        magnitude = math.floor(log_q / math.log(10))
    elif abs(log_q) > 1e-6:  # the float is still precise here
        magnitude = math.floor(math.log10(abs(math.expm1(log_q))))
    else:  # q − 1 ≈ (end/start − 1)/n
        spread = math.log10(abs(top - bottom)) - math.log10(bottom)
        magnitude = math.floor(spread - math.log10(n))
    places = max(0, precision + 3 - magnitude)
    while True:
        scale = 10**places
        scaled = top * scale**n
        root, power = _iroot(scaled // bottom, n)
        inexact = power * bottom != scaled
        negative = root < scale
        # |q − 1|·10^K lies in [digits, digits + 1), and is digits when exact.
        digits = scale - root - inexact if negative else root - scale
        length = len(str(digits)) if digits else 0
        if length > precision:
            return _rounded(digits, places, inexact=inexact, negative=negative)
        places += precision + 2 - length if digits else precision + 10


def exact_root(top: int, bottom: int, n: int) -> Decimal:
    """``(top/bottom)^(1/n)`` rounded half even to the context's precision, exactly.

    As :func:`exact_growth`, without the ``− 1``: ``floor(q·10^K)`` is an
    integer ``n``-th root (``K`` may be negative for a large root).
    """
    precision = CONTEXT.prec
    log_q = (math.log(top) - math.log(bottom)) / n
    places = precision + 3 - math.floor(log_q / math.log(10))
    while True:
        if places >= 0:
            number, divisor = top * 10 ** (places * n), bottom
        else:
            number, divisor = top, bottom * 10 ** (-places * n)
        root, power = _iroot(number // divisor, n)
        inexact = power * divisor != number
        length = len(str(root)) if root else 0
        if length > precision:
            return _rounded(root, places, inexact=inexact, negative=False)
        places += precision + 2 - length if root else precision + 10


# -- growth rates of series -------------------------------------------------------


def growth_rate(start: Decimal, end: Decimal, years: int) -> Decimal | None:
    """Compound annual growth rate ``(end/start)^(1/years) − 1``, or None.

    The rate is defined only for a positive ``start``, a non-negative
    ``end`` and ``years > 0``; an ``end`` of zero gives exactly ``-1`` (the
    flow stopped). Otherwise it is correctly rounded: the true rate rounded
    once, half even, to the library precision (60 significant digits), for
    any number of years. One year's rate is the exact relative change
    divided once; over more years the root is approximated and its
    rounding proved, or taken exactly with integers in the rare case the
    approximation cannot decide (see :mod:`bilat._roots`).

    Example:
        >>> from decimal import Decimal
        >>> from bilat._roots import growth_rate
        >>> growth_rate(Decimal(100), Decimal(121), 2)
        Decimal('0.1')
        >>> growth_rate(Decimal(3), Decimal(4), 1)
        Decimal('0.333333333333333333333333333333333333333333333333333333333333')
    """
    return growth_rate_and_root(start, end, years)[0]


def growth_rate_and_root(
    start: Decimal, end: Decimal, years: int
) -> tuple[Decimal | None, Enclosure | None]:
    """:func:`growth_rate`, with an interval proved to hold ``(end/start)^(1/years)``.

    The interval is there when the approximation gave the rate (else None),
    for a projection.
    """
    if years <= 0 or start <= 0 or end < 0:
        return None, None
    if not end:
        return _MINUS_ONE, None
    rate, root = growth_and_root(start, end, years)
    return tidy(rate), root


def tidy(value: Decimal) -> Decimal:
    """``value`` without trailing zeros (``0.1000…`` becomes ``0.1``), same number."""
    value = CONTEXT.normalize(value)
    if value.adjusted() < 1:  # below 10: no positive exponent to undo
        return value
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent > 0 and value.adjusted() < CONTEXT.prec:
        value = value.quantize(_ONE, context=CONTEXT)
    return value
