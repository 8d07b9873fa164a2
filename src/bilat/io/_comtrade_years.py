"""UN Comtrade: the yearly values of a pair, built from the national totals kept.

A year counts when every flow read has its annual row or all twelve
monthly rows; its value is the exact sum of them. The rules are stated in
:mod:`bilat.io._comtrade`.
"""

from __future__ import annotations

import decimal
from decimal import Decimal
from typing import TYPE_CHECKING, Final, NamedTuple

from bilat._currency import Currency
from bilat._decimal import EMAX, EMIN, EXACT, MAX_DIGITS
from bilat._errors import ValidationError, shown
from bilat._money import Money, make_money
from bilat.io._comtrade_rows import (
    _ALL_MONTHS,
    _BASIS,
    _FLOW_NAMES,
    _NUMBER_AT,
    _SOURCE,
    _STANDARD_BASIS,
    _TEXT,
    _VALUE,
    Entry,
    Slot,
    _Files,
    _months,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

_USD: Final = Currency("USD")


def _months_text(months: frozenset[int]) -> str:
    """The months present, as ranges: ``1–9``, ``1–3, 5, 7–12``."""
    ordered = sorted(months)
    parts: list[str] = []
    start = prev = ordered[0]
    for month in [*ordered[1:], None]:
        if month is not None and month == prev + 1:
            prev = month
            continue
        parts.append(f"{start}" if start == prev else f"{start}–{prev}")
        if month is not None:
            start = prev = month
    return ", ".join(parts)


def _gaps(problems: Mapping[str, frozenset[int] | None]) -> str:
    """What a year lacks, such as ``months 1–9 only`` or ``no imports``."""
    month_sets = set(problems.values())
    if len(problems) > 1 and len(month_sets) == 1 and None not in month_sets:
        (months,) = month_sets
        assert months is not None
        return f"months {_months_text(months)} only"
    return ", ".join(
        f"no {_FLOW_NAMES[flow]}"
        if months is None
        else f"{_FLOW_NAMES[flow]} months {_months_text(months)} only"
        for flow, months in problems.items()
    )


class _Years(NamedTuple):
    """The yearly values built from a pair's entries, and what was left out."""

    values: dict[int, Money]
    left_out: list[str]
    from_months: list[int]
    #: flow -> basis -> the years valued on that basis
    bases: dict[str, dict[str, set[int]]]


def _exact_sum(files: _Files, year: int, entries: list[Entry]) -> Decimal:
    """The sum of a year's values, exactly, or an error quoting them all."""
    total = Decimal(0)
    try:
        for entry in entries:
            total = EXACT.add(total, entry[_VALUE])
    except decimal.DecimalException:
        first = entries[0][_SOURCE]
        listed = ", ".join(
            f"{shown(e[_TEXT])} ({files.where(e, first)})" for e in entries
        )
        raise ValidationError(
            [
                (
                    files.at(first, entries[0][_NUMBER_AT], "primaryValue"),
                    (
                        f"the values of {year} do not add up to an exact sum of at "
                        f"most {MAX_DIGITS} significant digits below "
                        f"1E+{EMAX + 1} and, unless zero, at least 1E{EMIN}: "
                        f"{listed}"
                    ),
                )
            ],
            file=files.paths[first],
        ) from None
    return total


def _years(
    files: _Files,
    entries: Mapping[tuple[int, str], Slot],
    flows: tuple[str, ...],
) -> _Years:
    by_year: dict[int, dict[str, dict[int, Entry]]] = {}
    for (year, flow), slot in entries.items():
        by_year.setdefault(year, {})[flow] = _months(slot)
    built = _Years({}, [], [], {flow: {} for flow in flows})
    for year in sorted(by_year):
        of_year = by_year[year]
        found: dict[str, list[Entry]] = {}
        problems: dict[str, frozenset[int] | None] = {}
        monthly = False
        for flow in flows:
            kept = of_year.get(flow)
            if kept is None:
                problems[flow] = None
            elif 0 in kept:  # annual (never with months: refused when read)
                found[flow] = [kept[0]]
            elif kept.keys() == _ALL_MONTHS:
                found[flow] = list(kept.values())
                monthly = True
            else:
                problems[flow] = frozenset(kept)
        if problems:
            built.left_out.append(f"{year}: {_gaps(problems)}; left out")
            continue
        for flow, flow_entries in found.items():
            bases = built.bases[flow]
            for entry in flow_entries:
                bases.setdefault(entry[_BASIS], set()).add(year)
        total = _exact_sum(files, year, [e for got in found.values() for e in got])
        built.values[year] = make_money(total, _USD)  # an exact sum: in range
        if monthly:
            built.from_months.append(year)
    return built


def _basis_text(flow: str, years_by_basis: Mapping[str, set[int]]) -> str:
    """``imports CIF``, or ``imports CIF (FOB in 2019)`` when it varies."""
    name = _FLOW_NAMES[flow]
    main = _STANDARD_BASIS[flow]
    if main not in years_by_basis:
        main = min(years_by_basis)
    others = "; ".join(
        f"{basis} in {', '.join(map(str, sorted(years)))}"
        for basis, years in sorted(years_by_basis.items())
        if basis != main
    )
    return f"{name} {main} ({others})" if others else f"{name} {main}"
