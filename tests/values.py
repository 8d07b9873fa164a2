"""Typed helpers for tests that read the amounts of a series."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from bilat._measure import amount

if TYPE_CHECKING:
    from bilat import Series, TradeSeries


def amount_at(series: TradeSeries | Series, year: int) -> Decimal:
    """The stated amount of ``year``'s value (an Estimate's stated value)."""
    return amount(series.values[year])


def amounts(series: TradeSeries | Series) -> dict[int, Decimal]:
    """Every year's stated amount, in order."""
    return {year: amount(value) for year, value in series.values.items()}
