"""Charts of trade targets and portfolios (the ``plot`` extra, matplotlib).

Plots are pictures, not figures: amounts become floats here, and only
here, to be drawn. Every number a chart shows is computed exactly first
(by :meth:`TradeTarget.progress` and :meth:`Portfolio.total`) and read off
as a float at the end; tables and reports keep the exact Decimals.

Each function draws on the Axes it is given, or on a new figure from
:func:`matplotlib.pyplot.subplots` when given none, and returns the Axes. Nothing
global is changed (no style, backend or rcParams), so the charts work
headless with the ``Agg`` backend and take the caller's style. The y axis
shows compact amounts (``$4B``) and its label names the currency.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from bilat._currency import Currency, CurrencyLike, as_currency
from bilat._decimal import CONTEXT, to_decimal
from bilat._errors import CurrencyMismatchError, MissingExtraError
from bilat._estimate import Estimate
from bilat._labels import label
from bilat._money import Money

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from bilat._measured import Progress
    from bilat._portfolio import Portfolio
    from bilat._rates import ExchangeRates
    from bilat._series import AsOf
    from bilat._target import TradeTarget
    from bilat._trade_series import TradeSeries

__all__ = ["portfolio_plot", "target_plot"]

_ONE = Decimal(1)


def _axes(ax: Axes | None, feature: str) -> Axes:
    """``ax``, or the Axes of a new pyplot figure when None.

    Raises:
        MissingExtraError: matplotlib is not installed.
    """
    try:
        import matplotlib.pyplot as plt
    except ImportError as e:
        raise MissingExtraError("plot", "matplotlib", feature) from e
    if ax is not None:
        return ax
    _, new = plt.subplots()
    return new


def _money_axis(ax: Axes, currency: Currency) -> None:
    """Label the y axis with compact amounts of ``currency`` (``$4B``)."""
    from matplotlib.ticker import FuncFormatter

    def tick(value: float, _position: Any) -> str:
        return Money(to_decimal(float(value)), currency).format(compact=True)

    ax.yaxis.set_major_formatter(FuncFormatter(tick))


def _path(start: Money, rate: Decimal, first: int, last: int) -> list[float]:
    """``start·(1 + rate)^k`` for the years ``first``…``last``, as floats."""
    growth = CONTEXT.add(_ONE, rate)
    return [
        float(CONTEXT.multiply(start.amount, CONTEXT.power(growth, k)))
        for k in range(last - first + 1)
    ]


def _observed(
    series: TradeSeries,
    progress: Progress[Money],
    rates: ExchangeRates | None,
    currency: Currency,
) -> tuple[list[int], list[float]]:
    """The series' years up to ``as_of`` and their values in ``currency``."""
    years = [y for y in series.years if y <= progress.as_of]
    values = []
    for year in years:
        given = series.values[year]
        value = given.value if isinstance(given, Estimate) else given
        if value.currency != currency:
            assert rates is not None  # progress() has checked this
            value = value.to(currency, rates, on=dt.date(year, 12, 31))
        values.append(float(value.amount))
    return years, values


def target_plot(
    target: TradeTarget,
    series: TradeSeries,
    ax: Axes | None = None,
    *,
    as_of: AsOf = None,
    rates: ExchangeRates | None = None,
) -> Axes:
    """Draw a trade target and a series' path towards it; see :meth:`TradeTarget.plot`.

    Example:
        >>> import matplotlib.pyplot as plt
        >>> from bilat import Money, TradeSeries, TradeTarget
        >>> from bilat._plots import target_plot
        >>> s = TradeSeries(("KZ", "UZ"), "turnover", {2021: Money(4, "USD"),
        ...                                            2023: Money(5, "USD")})
        >>> ax = target_plot(TradeTarget(("KZ", "UZ"), Money(10, "USD")), s, as_of=2024)
        >>> ax.get_title()
        'KZ–UZ turnover as of 2024: no deadline'
        >>> plt.close(ax.figure)
    """
    axes = _axes(ax, "TradeTarget.plot()")
    from matplotlib.ticker import MaxNLocator

    try:
        progress = target.progress(series, as_of, rates=rates)
    except CurrencyMismatchError as error:  # name the call the user made
        raise CurrencyMismatchError(
            error.left,
            error.right,
            "TradeTarget.plot()",
            hint="pass rates= to TradeTarget.plot()",
        ) from None
    goal = target.money
    years, values = _observed(series, progress, rates, goal.currency)
    who = "" if series.reporter is None else f" ({series.reporter.alpha2})"
    axes.plot(years, values, marker="o", label=f"actual{who}")

    base, base_year = progress.base, progress.base_year
    deadline = target.deadline
    planned = progress.planned_cagr
    if (
        planned is not None
        and base is not None
        and base_year is not None
        and deadline is not None
    ):
        axes.plot(
            range(base_year, deadline + 1),
            _path(base, planned, base_year, deadline),
            linestyle="--",
            label=f"planned from {base_year}",
        )
    current, year = progress.current, progress.year
    end = deadline if deadline is not None else progress.eta
    if (
        progress.actual_cagr is not None
        and current is not None
        and year is not None
        and end is not None
        and end > year
    ):
        axes.plot(
            range(year, end + 1),
            _path(current, progress.actual_cagr, year, end),
            linestyle=":",
            label="projected at the actual rate",
        )

    axes.axhline(
        float(goal.amount),
        color="grey",
        linewidth=1,
        label=f"target {target.value.format(compact=True)}",
    )
    if deadline is not None:
        axes.axvline(
            deadline,
            color="grey",
            linestyle="-.",
            linewidth=1,
            label=f"deadline {deadline}",
        )

    parties = "–".join(c.alpha2 for c in target.parties)
    axes.set_title(
        f"{parties} {target.metric.value} as of {progress.as_of}: "
        f"{label(progress.status.value)}"
    )
    axes.set_xlabel("Year")
    axes.set_ylabel(f"{target.metric.value.capitalize()} ({goal.currency.code})")
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    _money_axis(axes, goal.currency)
    axes.legend()
    return axes


def _projects(count: int) -> str:
    return f"{count} project" + ("" if count == 1 else "s")


def portfolio_plot(
    portfolio: Portfolio,
    ax: Axes | None = None,
    *,
    currency: CurrencyLike | None = None,
    rates: ExchangeRates | None = None,
    on: dt.date | str | None = None,
) -> Axes:
    """Draw a portfolio's value by project status; see :meth:`Portfolio.plot`.

    Example:
        >>> import matplotlib.pyplot as plt
        >>> from bilat import Money, Portfolio, Project
        >>> from bilat._plots import portfolio_plot
        >>> p = Portfolio([Project("Road", ["KZ"], "underway", value=Money(5, "USD"))])
        >>> ax = portfolio_plot(p)
        >>> ax.get_title(), ax.get_ylabel()
        ('Projects by status: 1 project', 'Value (USD)')
        >>> plt.close(ax.figure)
    """
    axes = _axes(ax, "Portfolio.plot()")
    groups = portfolio.by_status()
    unit: Currency | None = None
    if len(portfolio.unvalued) < len(portfolio):
        try:
            unit = portfolio.total(currency, rates, on).currency
        except CurrencyMismatchError as error:  # name the call the user made
            from bilat._portfolio import total_mismatch

            raise total_mismatch(
                Currency(error.left),
                Currency(error.right),
                currency=None if currency is None else as_currency(currency),
                rates=rates,
                call="plot",
            ) from None
    elif currency is not None:
        unit = as_currency(currency)

    positions = list(range(len(groups)))
    heights: list[float] = []
    texts: list[str] = []
    ranges: list[tuple[int, float, float, float]] = []
    for position, group in zip(positions, groups.values(), strict=True):
        if unit is None or len(group.unvalued) == len(group):
            heights.append(0.0)
            texts.append(label("not_valued"))
            continue
        total = group.total(unit, rates, on)
        stated = total.value if isinstance(total, Estimate) else total
        heights.append(float(stated.amount))
        texts.append(total.format(compact=True))
        if isinstance(total, Estimate) and not total.is_exact:
            low, high = float(total.low.amount), float(total.high.amount)
            ranges.append((position, heights[-1], low, high))
    axes.bar(
        positions,
        heights,
        color=[f"C{i}" for i in positions],
        tick_label=[
            f"{label(status.value)}\n{_projects(group.count)}"
            for status, group in groups.items()
        ],
    )
    tops = dict(enumerate(heights)) | {r[0]: max(r[1], r[3]) for r in ranges}
    for position, text in zip(positions, texts, strict=True):
        axes.annotate(
            text,
            (position, tops[position]),
            xytext=(0, 3),
            textcoords="offset points",
            ha="center",
            va="bottom",
        )
    if ranges:
        axes.errorbar(
            [r[0] for r in ranges],
            [r[1] for r in ranges],
            yerr=[[r[1] - r[2] for r in ranges], [r[3] - r[1] for r in ranges]],
            fmt="none",
            ecolor="black",
            capsize=6,
            label="range of the estimate",
        )
        axes.legend()
    axes.margins(y=0.1)  # room for the labels above the bars
    axes.set_title(f"Projects by status: {_projects(portfolio.count)}")
    axes.set_xlabel("Status")
    if unit is None:
        axes.set_ylabel("Value")
    else:
        axes.set_ylabel(f"Value ({unit.code})")
        _money_axis(axes, unit)
    return axes
