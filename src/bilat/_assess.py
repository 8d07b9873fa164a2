"""How far a series has got towards a target: the computation behind ``progress``.

Every figure is computed here from plain Decimals in the target's unit (the
callers convert the series' values first), so money, quantities and numbers
share one method. The formulas and edge-case rules are written down, with
their sources, in ``docs/methodology.md``.
"""

from __future__ import annotations

import decimal
import enum
import math
import operator
from collections.abc import Callable
from decimal import ROUND_CEILING, ROUND_HALF_EVEN, Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Literal, NamedTuple, TypeAlias

from bilat._decimal import CONTEXT, EXACT, PRECISION, to_decimal
from bilat._errors import InvalidNumberError
from bilat._fields import as_option
from bilat._pickling import public
from bilat._roots import Enclosure, growth_rate, growth_rate_and_root, projection, tidy

if TYPE_CHECKING:
    from bilat._measure import Amount
    from bilat._money import Number

__all__ = [
    "AFTER_DEADLINE",
    "DEFAULTS",
    "AfterDeadline",
    "Figures",
    "OutOfRange",
    "ProgressStatus",
    "Raw",
    "deadline_rule",
    "figures",
    "held",
    "status",
    "thresholds",
]

#: Why a figure of a :class:`Progress` is None although it is defined: its
#: magnitude is ``10**100`` or more (``"too_large"``; for ``eta``, a year
#: after 9999), below ``10**-100`` (``"too_small"``), or it needs more than
#: 100 significant digits to be exact (``"too_many_digits"``): the range of
#: numbers bilat holds (see :func:`bilat._decimal.to_decimal`).
OutOfRange: TypeAlias = Literal["too_large", "too_small", "too_many_digits"]

#: How ``progress`` (of a trade target or any target) grades a target not reached once
#: the deadline has come (the latest year is the deadline or later):
#: ``"ratio"`` keeps grading by the growth ratio, as Open SDG does;
#: ``"missed"`` calls it missed: ``OFF_TRACK``, or ``REGRESSING`` when the
#: value shrank. See the methodology page for both rules and their sources.
AfterDeadline: TypeAlias = Literal["ratio", "missed"]

#: The rule used unless another is asked for: Open SDG's.
AFTER_DEADLINE: AfterDeadline = "ratio"

#: Every rule of :data:`AfterDeadline`.
_RULES: tuple[AfterDeadline, ...] = ("ratio", "missed")

#: The default thresholds of :meth:`TradeTarget.progress`: least growth
#: ratios for ON_TRACK, NEEDS_ACCELERATION and OFF_TRACK.
_ON_TRACK = Decimal("0.95")
_NEEDS_ACCELERATION = Decimal("0.60")
_OFF_TRACK = Decimal(0)
DEFAULTS = (_ON_TRACK, _NEEDS_ACCELERATION, _OFF_TRACK)
#: How close (in years) a computed time to target must be to a whole number
#: before it is checked exactly with fractions.
_TIE = Decimal("1e-30")
#: Largest exponent for that exact check (larger ties are left to the logs).
_EXACT_LIMIT = 1000


@public
class ProgressStatus(enum.Enum):
    """How a target stands, from :meth:`TradeTarget.progress` or :meth:`Target.progress`.

    ``ACHIEVED`` overrides every other status. Otherwise a target with no
    deadline is ``NO_DEADLINE``; a target whose series cannot be assessed is
    ``INSUFFICIENT_DATA``; and the rest follow the growth ratio (observed
    over planned growth) against the thresholds 0.95, 0.60 and 0.

    Example:
        >>> from bilat import ProgressStatus
        >>> ProgressStatus("on_track")
        <ProgressStatus.ON_TRACK: 'on_track'>
    """

    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    NEEDS_ACCELERATION = "needs_acceleration"
    OFF_TRACK = "off_track"
    REGRESSING = "regressing"
    NO_DEADLINE = "no_deadline"
    INSUFFICIENT_DATA = "insufficient_data"


# -- computation ----------------------------------------------------------------


def thresholds(*values: Number) -> tuple[Decimal, Decimal, Decimal]:
    if all(map(operator.is_, values, DEFAULTS)):  # identity: no user __eq__
        return DEFAULTS  # the defaults, checked once
    on, needs, off = (to_decimal(v, what="threshold") for v in values)
    if not on >= needs >= off:
        raise InvalidNumberError(
            values,
            "thresholds",
            "on_track >= needs_acceleration >= off_track",
        )
    return on, needs, off


def deadline_rule(value: object) -> AfterDeadline:
    """``value`` if it names a rule of :data:`AfterDeadline`.

    Raises:
        InvalidOptionError: any other value (the message lists the rules).

    Example:
        >>> from bilat._assess import deadline_rule
        >>> deadline_rule("missed")
        'missed'
    """
    if value is AFTER_DEADLINE:  # the default, checked once
        return AFTER_DEADLINE
    text = as_option(value, _RULES, "after_deadline rule")
    return "missed" if text == "missed" else "ratio"


class Figures(NamedTuple):
    """Every number of a Progress except its status."""

    share: Decimal | None = None
    gap: Amount | None = None
    actual_cagr: Decimal | None = None
    planned_cagr: Decimal | None = None
    required_cagr: Decimal | None = None
    growth_ratio: Decimal | None = None
    projected: Amount | None = None
    anticipated: Decimal | None = None
    eta: int | None = None


class Raw(NamedTuple):
    """The figures as computed, before they are checked against bilat's range.

    Amounts are Decimals here and may lie far outside it (a projection of
    ``1E+687``); the status is decided on these.
    """

    share: Decimal | None = None
    gap: Decimal | None = None
    actual_cagr: Decimal | None = None
    planned_cagr: Decimal | None = None
    required_cagr: Decimal | None = None
    growth_ratio: Decimal | None = None
    projected: Decimal | None = None
    anticipated: Decimal | None = None
    eta: int | None = None


#: The last year bilat holds; an ``eta`` after it is out of range.
_LAST_YEAR = 9999

#: Powers in the library precision that raise rather than flush a result
#: below the context's range to zero.
_POWERS = CONTEXT.copy()
_POWERS.traps[decimal.Underflow] = True

#: Exact differences of two numbers bilat holds (at most some 300 digits).
_DIFFERENCES = decimal.Context(
    prec=1000,
    rounding=ROUND_HALF_EVEN,
    Emin=-999_999,
    Emax=999_999,
    traps=[decimal.InvalidOperation, decimal.Overflow, decimal.Inexact],
)

#: How many leading digits a ratio near 1 may share with 1 before its
#: logarithm is taken with more digits (``ln(1 + 1E-80)`` needs 80 more).
_CLOSE = 10


def figures(
    *,
    target: Decimal,
    deadline: int | None,
    year: int | None,
    current: Decimal | None,
    base_year: int | None,
    base: Decimal | None,
    cut_year: int | None = None,
    cut: Decimal | None = None,
) -> tuple[Raw, dict[str, OutOfRange]]:
    """Every number of a Progress except its status; see the methodology.

    ``cut_year`` and ``cut`` are the latest year on or before the deadline
    and its value: when ``year`` is after the deadline, ``projected`` and
    ``anticipated`` are computed from the series cut there, as the UN
    Progress Chart does once the target year has passed.

    Returns the figures as computed, and the reasons of those that could
    not be computed at all (a projection beyond even the working range).
    """
    failed: dict[str, OutOfRange] = {}
    if year is None or current is None:
        return Raw(), failed
    c, t = current, target
    b = None if base_year is None else base
    actual = planned = required = ratio = projected = anticipated = None
    root = None  # bounds of (c/b)^(1/n), when the growth rate's approximation gave them
    if base_year is not None and b is not None:
        actual, root = growth_rate_and_root(b, c, year - base_year)
        if deadline is not None:
            planned = growth_rate(b, t, deadline - base_year)
    if deadline is not None:
        required = growth_rate(c, t, deadline - year)
    if actual is not None and planned:
        ratio = tidy(CONTEXT.divide(actual, CONTEXT.abs(planned)))
    if deadline is not None and base_year is not None and b is not None:
        seen: tuple[int, Decimal, Enclosure | None] | None = None
        if year <= deadline:
            if actual is not None:
                seen = (year, c, root)
        elif cut_year is not None and cut is not None and cut_year > base_year:
            rate, cut_root = growth_rate_and_root(b, cut, cut_year - base_year)
            if rate is not None:
                seen = (cut_year, cut, cut_root)
        if seen is not None:
            last, value, bounds = seen
            projected, anticipated = _anticipate(
                t,
                b,
                value,
                n=last - base_year,
                k=deadline - last,
                root=bounds,
                failed=failed,
            )
    return Raw(
        share=CONTEXT.divide(c, t),
        gap=_DIFFERENCES.subtract(t, c),
        actual_cagr=actual,
        planned_cagr=planned,
        required_cagr=required,
        growth_ratio=ratio,
        projected=projected,
        anticipated=anticipated,
        eta=_eta(t, year, c, base_year, b),
    ), failed


def _anticipate(
    t: Decimal,
    b: Decimal,
    c: Decimal,
    *,
    n: int,
    k: int,
    root: Enclosure | None,
    failed: dict[str, OutOfRange],
) -> tuple[Decimal | None, Decimal | None]:
    """``projected`` and ``anticipated`` from a value ``c`` ``n`` years after the base.

    ``k ≥ 0`` years remain to the deadline; ``root`` holds
    ``(c/b)^(1/n)`` when known. A projection beyond even the working range
    is None, its reason recorded in ``failed``.
    """
    # ``reached`` stands in for the projection in ``anticipated``: a
    # projection too small for any context is zero to its 60 digits.
    reached: Decimal | None = c
    if k > 0:
        try:
            reached = _projection(c, b, n, k, root)
        except decimal.Overflow:
            failed["projected"] = failed["anticipated"] = "too_large"
            reached = None
        except decimal.Underflow:
            failed["projected"] = "too_small"
            reached = Decimal(0)
    projected = None if "projected" in failed else reached
    anticipated = None
    if reached is not None and t != b:
        anticipated = tidy(
            CONTEXT.divide(  # projected is rounded: so may its distance be
                CONTEXT.subtract(reached, b), _DIFFERENCES.subtract(t, b)
            )
        )
    return projected, anticipated


def _projection(
    c: Decimal, b: Decimal, n: int, k: int, root: Enclosure | None = None
) -> Decimal:
    """``c·(1 + actual)^k``, computed as ``c·(c/b)^(k/n)``, rounded once.

    The same number, taken from the ratio rather than from the rounded rate:
    a rate within a hair of −1 (a fall to a ten-billionth) rounds to −1, and
    the projection would become zero. It is the ``n``-th root of
    ``c^(n+k)/b^k``, correctly rounded (see :mod:`bilat._roots`), mostly
    decided from ``root`` when given: an interval holding ``(c/b)^(1/n)``,
    from the actual growth rate. A projection near or beyond the working
    range is left to :meth:`decimal.Context.power`, which signals it.

    Raises:
        decimal.Overflow: the projection is beyond even the working range.
        decimal.Underflow: it is below it.
    """
    if c:
        found = projection(c, b, n, k, within=_WITHIN, root=root)
        if found is not None:
            return tidy(found)
    ratio = _POWERS.divide(c, b)
    if k % n == 0:
        growth = _POWERS.power(ratio, k // n)
    else:
        growth = _POWERS.power(ratio, _POWERS.divide(Decimal(k), Decimal(n)))
    return _POWERS.multiply(c, growth)


#: Decimal exponents within which a projection is computed as a root; beyond
#: them, close to the working range, the signals of a power decide.
_WITHIN = 999_000


def held(
    raw: Raw, make: Callable[[Decimal], Amount], reasons: dict[str, OutOfRange]
) -> Figures:
    """The figures that bilat can hold; the others None, their reason in ``reasons``.

    The amounts (``gap`` and ``projected``) are made values of the target's
    kind by ``make``.
    """
    kept: list[object] = []
    for name, value in zip(Raw._fields, raw, strict=True):
        if value is None:
            kept.append(None)
        elif isinstance(value, int):  # eta, a year
            if value > _LAST_YEAR:
                reasons[name] = "too_large"
            kept.append(value if value <= _LAST_YEAR else None)
        else:
            in_range = _in_range(name, value, reasons)
            if in_range is not None and name in _AMOUNTS:
                kept.append(make(in_range))
            else:
                kept.append(in_range)
    return Figures(*kept)  # type: ignore[arg-type]


#: The figures that are amounts in the target's unit.
_AMOUNTS = frozenset(("gap", "projected"))


def _in_range(
    name: str, value: Decimal, reasons: dict[str, OutOfRange]
) -> Decimal | None:
    """``value`` if bilat holds it, else None with the reason in ``reasons``."""
    try:
        return EXACT.create_decimal(value)
    except decimal.Overflow:
        reasons[name] = "too_large"
    except decimal.Subnormal:  # and Underflow, its subclass
        reasons[name] = "too_small"
    except decimal.Inexact:
        reasons[name] = "too_many_digits"
    return None


def _eta(
    t: Decimal,
    year: int,
    c: Decimal,
    base_year: int | None,
    b: Decimal | None,
) -> int | None:
    """First year ≥ ``year`` whose value reaches the target at the actual rate.

    With ``n = year − base_year`` and ``1 + actual = (current/base)^(1/n)``,
    the value ``k`` years on is ``current·(current/base)^(k/n)``, so the
    target is reached after ``k = ceil(n·ln(target/current)/ln(current/base))``
    years. A ``k`` within a hair of a whole number is checked exactly with
    fractions, so ties are not lost to rounding in the logarithms. A year
    after :data:`_LAST_YEAR` is given as the year after it, whatever it is:
    it lies outside bilat's range.
    """
    if c >= t:
        return year
    if base_year is None or b is None or year <= base_year or not 0 < b < c:
        return None
    n = year - base_year
    k = _years_to_reach(c, b, t, n)
    if k is not None:
        return year + k
    x = CONTEXT.divide(CONTEXT.multiply(Decimal(n), _log_ratio(t, c)), _log_ratio(c, b))
    if x > _LAST_YEAR - year:
        return _LAST_YEAR + 1
    whole = x.to_integral_value(rounding=ROUND_HALF_EVEN, context=CONTEXT)
    if (
        CONTEXT.abs(CONTEXT.subtract(x, whole)) < _TIE
        and int(whole) + n <= _EXACT_LIMIT
    ):
        k = int(whole)
        # current·(current/base)^(k/n) ≥ target  ⇔  c^(k+n) ≥ t^n · b^k
        reached = Fraction(c) ** (k + n) >= Fraction(t) ** n * Fraction(b) ** k
        return year + (k if reached else k + 1)
    return year + int(x.to_integral_value(rounding=ROUND_CEILING, context=CONTEXT))


def _log_ratio(top: Decimal, bottom: Decimal) -> Decimal:
    """``ln(top/bottom)`` for ``top > bottom > 0``, to the library precision.

    A ratio within a hair of 1 (``1 + 1E-80``) would round to exactly 1 in
    the library context, and its logarithm to zero; it is taken with as many
    more digits as the ratio shares with 1.
    """
    closeness = bottom.adjusted() - _DIFFERENCES.subtract(top, bottom).adjusted()
    if closeness < _CLOSE:
        return CONTEXT.ln(CONTEXT.divide(top, bottom))
    wide = CONTEXT.copy()
    wide.prec = PRECISION + closeness + 3
    return CONTEXT.plus(wide.ln(wide.divide(top, bottom)))


def _years_to_reach(c: Decimal, b: Decimal, t: Decimal, n: int) -> int | None:
    """The least ``k ≥ 1`` with ``c^(k+n) ≥ t^n · b^k``, or None to use the logs.

    ``k`` is the ceiling of ``n·ln(t/c)/ln(c/b)``, estimated with floats.
    When the estimate lies farther from a whole number than a bound on its
    error (a thousand times the floats' own), its ceiling is the answer;
    otherwise it is checked, and moved a step or two, with exact integers.
    Either way this gives the same year as the logarithms at the library
    precision, in microseconds instead of two logarithms' 300. Beyond
    :data:`_EXACT_LIMIT` years, or where floats cannot hold the amounts,
    None leaves the work to the logarithms.
    """
    try:
        log_c, log_b, log_t = (math.log(float(x)) for x in (c, b, t))
    except (ArithmeticError, ValueError):  # amounts beyond floats
        return None
    top, bottom = log_t - log_c, log_c - log_b
    if not bottom:
        return None
    estimate = n * top / bottom
    if not math.isfinite(estimate) or estimate + n > _EXACT_LIMIT - 3:
        return None
    slack = 1e-12 * (abs(log_c) + abs(log_b) + abs(log_t) + 1)
    if top > 100 * slack and bottom > 100 * slack:
        error = estimate * (slack / top + slack / bottom) * 4 + 1e-12
        fraction = estimate - math.floor(estimate)
        if error < fraction < 1 - error:
            return max(1, math.ceil(estimate))
    (cn, cd), (bn, bd), (tn, td) = (x.as_integer_ratio() for x in (c, b, t))
    goal, scale = tn**n * cd**n, td**n

    def reached(k: int) -> bool:  # c^(k+n) ≥ t^n · b^k, in integers
        return bool(cn ** (k + n) * scale * bd**k >= goal * bn**k * cd**k)

    k = max(1, math.ceil(estimate))
    for _ in range(3):
        if not reached(k):
            k += 1
        elif k > 1 and reached(k - 1):
            k -= 1
        else:
            return k
    return None


def status(
    *,
    target: Decimal,
    deadline: int | None,
    year: int | None,
    current: Decimal | None,
    figures: Raw,
    thresholds: tuple[Decimal, Decimal, Decimal],
    after_deadline: AfterDeadline = AFTER_DEADLINE,
) -> ProgressStatus:
    """The status: the first rule that holds, as listed in the methodology.

    ``after_deadline`` says whether a target not reached by its deadline
    is still graded by its growth ratio (``"ratio"``) or called missed
    (``"missed"``).
    """
    on, needs, off = thresholds
    ratio = figures.growth_ratio
    actual = figures.actual_cagr
    # A target equal to the base has no planned growth and so no ratio: the
    # value can only be below the target by having fallen.
    shrinking = (ratio is not None and ratio < off) or (
        ratio is None
        and figures.planned_cagr == 0
        and actual is not None
        and actual < 0
    )
    missed = (
        after_deadline == "missed"
        and year is not None
        and deadline is not None
        and year >= deadline
    )
    rules = (
        (current is not None and current >= target, ProgressStatus.ACHIEVED),
        (deadline is None, ProgressStatus.NO_DEADLINE),
        (year is None, ProgressStatus.INSUFFICIENT_DATA),
        (shrinking, ProgressStatus.REGRESSING),
        (missed, ProgressStatus.OFF_TRACK),
        (ratio is not None and ratio >= on, ProgressStatus.ON_TRACK),
        (ratio is not None and ratio >= needs, ProgressStatus.NEEDS_ACCELERATION),
        (ratio is not None, ProgressStatus.OFF_TRACK),
    )
    return next(
        (status for holds, status in rules if holds), ProgressStatus.INSUFFICIENT_DATA
    )
