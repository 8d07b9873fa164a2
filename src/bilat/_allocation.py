"""Allocation: parts of an amount in given proportions that add up exactly.

:meth:`bilat.Money.allocate` and :meth:`bilat.Money.split` read their ratios
or number of parts here (:func:`weights_of`, :func:`part_count`) and share
the amount's minor units out by the largest remainder (:func:`apportion`),
all in int arithmetic, so that the parts always sum to the rounded amount.
"""

from __future__ import annotations

from collections.abc import Mapping, Set
from decimal import ROUND_HALF_EVEN
from itertools import islice
from operator import countOf
from typing import Final

from bilat._decimal import context_with, integer_of, to_decimal
from bilat._errors import InvalidNumberError, NumberTypeError

__all__ = ["MAX_PARTS", "apportion", "part_count", "weights_of"]

#: Most parts :meth:`Money.allocate` and :meth:`Money.split` make. A million
#: parts take a second or two; more are refused, with a clear error, rather
#: than filling memory (``split(10**9)``) or running for hours.
MAX_PARTS: Final = 1_000_000

_INT_RATIO_LIMIT: Final = 10**100


def weights_of(ratios: object) -> list[int]:
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


def part_count(n: object) -> int:
    """The number of parts of :meth:`Money.split`, checked.

    Raises:
        NumberTypeError: ``n`` is not an int (a bool is not one).
        InvalidNumberError: ``n`` is below 1 or above :data:`MAX_PARTS`.
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
    return count


def apportion(units: int, weights: list[int]) -> list[int]:
    """Share ``units`` (at least 0) in proportion to ``weights``, by largest remainder.

    Each part gets the whole units of its share; the units left over go one
    each to the parts with the largest remainders, ties to the earlier part.
    The parts add up to ``units``.

    Example:
        >>> from bilat._allocation import apportion
        >>> apportion(10000, [1, 1, 1]), apportion(7, [85, 15])
        ([3334, 3333, 3333], [6, 1])
    """
    total_weight = sum(weights)
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
    return floors
