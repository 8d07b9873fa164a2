"""Charts of projects: a portfolio by status or sector, timelines, completion.

The ``plot`` extra (matplotlib); the rules of :mod:`bilat._present.plots` hold
here too: exact figures first, floats only to draw, words from the label
tables in ``locale``, a constrained-layout figure when no Axes is given, and
nothing global changed.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Literal

from bilat._currency import Currency, CurrencyLike, as_currency
from bilat._errors import (
    CurrencyMismatchError,
    InvalidOptionError,
    shown,
)
from bilat._estimate import Estimate
from bilat._fields import invalid
from bilat._measure import format_measure
from bilat._present.labels import label
from bilat._present.plots import (
    STATUS_COLOURS,
    amount_formatter,
    closes_on_error,
    legend_beside,
    new_axes,
    percent,
    share_formatter,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from bilat._locale import LocaleLike
    from bilat._money import Money
    from bilat._portfolio import Portfolio
    from bilat._project import Project, When
    from bilat._rates import ExchangeRates

__all__ = ["completion_plot", "portfolio_plot", "timeline_plot"]

GroupBy = Literal["status", "sector"]


def _groups(
    portfolio: Portfolio, by: object, locale: LocaleLike
) -> tuple[dict[str, Portfolio], list[str]]:
    """The portfolio's groups, by their shown name, and each group's colour."""
    from bilat._portfolio import Portfolio

    if by == "status":
        groups = portfolio.by_status()
        return (
            {label(s.value, locale): g for s, g in groups.items()},
            [STATUS_COLOURS[s.value] for s in groups],
        )
    if by == "sector":
        found: dict[str | None, list[Project]] = {}
        for project in portfolio:
            key = None if project.sector is None else project.sector.casefold()
            found.setdefault(key, []).append(project)
        keys = sorted(found, key=lambda k: (k is None, k or ""))
        named = {
            (
                label("chart_no_sector", locale)
                if k is None
                else str(found[k][0].sector)
            ): Portfolio(found[k])
            for k in keys
        }
        return named, [f"C{i}" for i in range(len(named))]
    raise InvalidOptionError("by", by, ("status", "sector"))


def _unit(
    portfolio: Portfolio,
    currency: CurrencyLike | None,
    rates: ExchangeRates | None,
    on: dt.date | str | None,
) -> Currency | None:
    """The currency the bars are drawn in, or None when nothing is valued."""
    if len(portfolio.unvalued) < len(portfolio):
        try:
            return portfolio.total(currency, rates, on).currency
        except CurrencyMismatchError as error:  # name the call the user made
            from bilat._portfolio import total_mismatch

            raise total_mismatch(
                Currency(error.left),
                Currency(error.right),
                currency=None if currency is None else as_currency(currency),
                rates=rates,
                call="plot",
            ) from None
    return None if currency is None else as_currency(currency)


@closes_on_error
def portfolio_plot(
    portfolio: Portfolio,
    ax: Axes | None = None,
    *,
    by: GroupBy = "status",
    currency: CurrencyLike | None = None,
    rates: ExchangeRates | None = None,
    on: dt.date | str | None = None,
    locale: LocaleLike = "en",
) -> Axes:
    """Draw a portfolio's value by status or sector; see :meth:`Portfolio.plot`.

    Example:
        >>> import matplotlib.pyplot as plt
        >>> from bilat import Money, Portfolio, Project
        >>> from bilat._present.plots_projects import portfolio_plot
        >>> p = Portfolio([Project("Road", ["KZ"], "underway", value=Money(5, "USD"))])
        >>> ax = portfolio_plot(p, locale="ru")
        >>> ax.get_title(), ax.get_ylabel()
        ('Проекты по статусу', 'Стоимость, USD')
        >>> plt.close(ax.figure)
    """
    groups, colours = _groups(portfolio, by, locale)
    axes = new_axes(ax, "Portfolio.plot()", (8.0, 4.8))
    unit = _unit(portfolio, currency, rates, on)
    positions = list(range(len(groups)))
    heights: list[float] = []
    texts: list[str] = []
    ranges: list[tuple[int, float, float, float]] = []
    for position, group in zip(positions, groups.values(), strict=True):
        if unit is None or len(group.unvalued) == len(group):
            heights.append(0.0)
            texts.append(label("chart_not_valued", locale))
            continue
        total = group.total(unit, rates, on)
        given = total.value if isinstance(total, Estimate) else total
        heights.append(float(given.amount))
        texts.append(total.format(locale, compact=True))
        if isinstance(total, Estimate) and not total.is_exact:
            low, high = float(total.low.amount), float(total.high.amount)
            ranges.append((position, heights[-1], low, high))
    count = label("chart_projects_count", locale)
    axes.bar(
        positions,
        heights,
        color=colours,
        tick_label=[
            f"{name}\n{count.format(count=group.count)}"
            for name, group in groups.items()
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
            label=label("chart_estimate_range", locale),
        )
        legend_beside(axes)
    axes.set_ylim(0, max([*tops.values(), 0.0]) * 1.15 or 1.0)
    axes.set_title(label(f"chart_by_{by}", locale))
    axes.set_xlabel(label(f"chart_{by}_axis", locale))
    if unit is None:
        axes.set_ylabel(label("chart_value", locale))
    else:
        axes.set_ylabel(label("chart_value_in", locale).format(unit=unit.code))
        axes.yaxis.set_major_formatter(amount_formatter(_money(unit), locale))
    return axes


def _money(unit: Currency) -> Money:
    """A sample amount of ``unit``, for the tick formatter."""
    from bilat._money import Money

    return Money(1, unit)


# -- timelines -------------------------------------------------------------------------


def _first_day(when: When) -> dt.date:
    return when if isinstance(when, dt.date) else dt.date(when, 1, 1)


def _end_mark(when: When) -> dt.date:
    """Where an end is drawn: its day, or mid-year when only the year is known.

    No day is invented: a year alone is drawn in the middle of that year
    and labelled with the year.
    """
    return when if isinstance(when, dt.date) else dt.date(when, 7, 2)


def _when(value: dt.date | str | None) -> dt.date | None:
    from bilat._fields import as_date

    return None if value is None else as_date(value, "as_of")


def _dates(axes: Axes) -> None:
    """Years on a date axis."""
    from matplotlib.dates import DateFormatter, YearLocator

    axes.xaxis.set_major_locator(YearLocator())  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_formatter(DateFormatter("%Y"))  # type: ignore[no-untyped-call]


def date2num(day: dt.date) -> float:
    """A date as matplotlib's number of days."""
    from matplotlib.dates import date2num as days

    return float(days(day))  # type: ignore[no-untyped-call]


def _long_date(day: dt.date, locale: LocaleLike) -> str:
    from babel.dates import format_date

    from bilat._locale import get_locale

    return str(format_date(day, "long", locale=get_locale(locale)))


@closes_on_error
def timeline_plot(
    portfolio: Portfolio,
    ax: Axes | None = None,
    *,
    as_of: dt.date | str | None = None,
    locale: LocaleLike = "en",
) -> Axes:
    """Draw each dated project's span, updates and end; see :meth:`Portfolio.plot_timeline`.

    Example:
        >>> import matplotlib.pyplot as plt
        >>> from bilat import Portfolio, Project
        >>> from bilat._present.plots_projects import timeline_plot
        >>> p = Portfolio([Project("Road", ["KZ"], "underway", start=2024, end=2027)])
        >>> ax = timeline_plot(p)
        >>> ax.get_title(), [t.get_text() for t in ax.texts]
        ('Project timelines', ['Road'])
        >>> plt.close(ax.figure)
    """
    day = _when(as_of)
    dated = [p for p in portfolio if p.start or p.end or p.updates]
    axes = new_axes(ax, "Portfolio.plot_timeline()", (9.0, 1.8 + 0.7 * len(dated)))
    from matplotlib.patches import Patch

    marks: dict[str, bool] = {}

    def once(key: str) -> str | None:
        if key in marks:
            return None
        marks[key] = True
        return label(key, locale)

    statuses: list[str] = []
    for y, project in enumerate(dated):
        colour = STATUS_COLOURS[project.status.value]
        statuses.append(project.status.value)
        start = None if project.start is None else _first_day(project.start)
        end = None if project.end is None else _end_mark(project.end)
        if start is not None:
            until = end or day or max([u.date for u in project.updates] or [start])
            axes.barh(
                y,
                date2num(until) - date2num(start),
                left=date2num(start),
                height=0.3,
                color=colour,
                alpha=0.85,
            )
            axes.plot(
                [date2num(start)],
                [y],
                marker="|",
                markersize=14,
                color="black",
                linestyle="none",
                label=once("chart_start"),
            )
        if end is not None:
            axes.plot(
                [date2num(end)],
                [y],
                marker="D",
                markersize=7,
                color=colour,
                markeredgecolor="black",
                linestyle="none",
                label=once("chart_end"),
            )
        for update in project.updates:
            if day is not None and update.date > day:
                continue
            share = project.completion(update.date, measure=update.measure)
            axes.plot(
                [date2num(update.date)],
                [y],
                marker="o",
                markersize=7,
                color="white",
                markeredgecolor="black",
                linestyle="none",
                label=once("chart_update"),
            )
            if share is not None:
                axes.annotate(
                    f"{update.measure}: {percent(share, locale)}",
                    (date2num(update.date), y),
                    xytext=(0, 9),
                    textcoords="offset points",
                    ha="center",
                    fontsize="small",
                )
    if day is not None:
        axes.axvline(
            date2num(day),
            color="grey",
            linestyle=(0, (1, 2)),
            linewidth=1.5,
            label=label("chart_as_of", locale).format(when=_long_date(day, locale)),
        )
    axes.set_yticks([])
    left, right = axes.get_xlim()  # bars stick to the edge; margins do not move it
    axes.set_xlim(left - (right - left) * 0.05, right + (right - left) * 0.05)
    axes.set_ylim(len(dated) - 0.5, -0.75)  # the first project on top
    for y, project in enumerate(dated):  # names above the bars take no width
        axes.annotate(
            project.name,
            (0.0, y - 0.3),
            xycoords=("axes fraction", "data"),
            xytext=(4, 0),
            textcoords="offset points",
            va="bottom",
        )
    _dates(axes)
    axes.set_xlabel(label("chart_year", locale))
    title = label("chart_timelines", locale)
    hidden = len(portfolio) - len(dated)
    if hidden:
        title += "\n" + label("chart_undated", locale).format(count=hidden)
    axes.set_title(title)
    handles, texts = axes.get_legend_handles_labels()
    for status in dict.fromkeys(statuses):
        handles.append(Patch(color=STATUS_COLOURS[status]))
        texts.append(label(status, locale))
    if handles:
        axes.legend(
            handles,
            texts,
            loc="upper left",
            bbox_to_anchor=(1.01, 1.0),
            borderaxespad=0,
        )
    return axes


# -- physical completion ---------------------------------------------------------------


@closes_on_error
def completion_plot(
    project: Project,
    ax: Axes | None = None,
    *,
    measure: str | None = None,
    as_of: dt.date | str | None = None,
    locale: LocaleLike = "en",
) -> Axes:
    """Draw how much of a project's measure was done, update by update; see :meth:`Project.plot`.

    Example:
        >>> import matplotlib.pyplot as plt
        >>> from bilat import ProgressUpdate, Project
        >>> from bilat._present.plots_projects import completion_plot
        >>> rail = Project("Railway", ["KZ"], "underway", measures={"length": "152 km"},
        ...                updates=[ProgressUpdate("2025-11-25", "length", "106 km")])
        >>> ax = completion_plot(rail)
        >>> ax.get_ylabel()
        'length done, km'
        >>> plt.close(ax.figure)
    """
    from bilat._measure import unit_label
    from bilat._units import quantity_ratio

    axes = new_axes(ax, "Project.plot()", (8.0, 4.6))
    name = project._measure(measure)
    if name is None:
        raise invalid(
            "measures",
            (
                f"{shown(project.name)} has no measures: Project.plot() "
                "draws how much of a measure was done; give the project "
                'measures={"length": "152 km"} and updates'
            ),
        )
    day = _when(as_of)
    planned = project.measures[name]
    whole = float(planned.magnitude)
    updates = [
        u
        for u in project.updates
        if u.measure == name and (day is None or u.date <= day)
    ]
    xs: list[float] = []
    ys: list[float] = []
    if project.start is not None and (
        not updates or _first_day(project.start) < updates[0].date
    ):
        xs.append(float(date2num(_first_day(project.start))))
        ys.append(0.0)
    shares = [quantity_ratio(u.done, planned) for u in updates]
    xs.extend(float(date2num(u.date)) for u in updates)
    ys.extend(float(s * planned.magnitude) for s in shares)
    axes.plot(
        xs, ys, marker="o", color="C0", zorder=3, label=label("chart_update", locale)
    )
    for u, share, y in zip(updates, shares, ys[len(ys) - len(updates) :], strict=True):
        axes.annotate(
            percent(share, locale),
            (date2num(u.date), y),
            xytext=(0, 7),
            textcoords="offset points",
            ha="center",
            fontsize="small",
        )
    axes.axhline(
        whole,
        color="black",
        linewidth=1.2,
        label=label("chart_planned_measure", locale).format(
            value=format_measure(planned, locale)
        ),
    )
    if project.end is not None:
        end = project.end
        axes.axvline(
            date2num(_end_mark(end)),
            color="black",
            linestyle="-.",
            linewidth=1,
            label=label("chart_end", locale)
            + f" {end if isinstance(end, int) else _long_date(end, locale)}",
        )
    if day is not None:
        axes.axvline(
            date2num(day),
            color="grey",
            linestyle=(0, (1, 2)),
            linewidth=1.5,
            label=label("chart_as_of", locale).format(when=_long_date(day, locale)),
        )
    axes.set_ylim(0, max([whole, *ys]) * 1.12)
    axes.margins(x=0.08)
    _dates(axes)

    def to_share(value: Any) -> Any:
        return value / whole

    def done(value: Any) -> Any:
        return value * whole

    secondary = axes.secondary_yaxis("right", functions=(to_share, done))
    secondary.yaxis.set_major_formatter(share_formatter(locale))
    secondary.set_ylabel(label("chart_share_done", locale))
    axes.set_xlabel(label("chart_date", locale))
    axes.set_ylabel(
        label("chart_done_axis", locale).format(
            measure=name, unit=unit_label(planned) or ""
        )
    )
    if updates:
        status = (
            label("chart_done_share", locale).format(share=percent(shares[-1], locale))
            + ", "
            + label("chart_as_of", locale).format(
                when=_long_date(updates[-1].date, locale)
            )
        )
    else:
        status = label("chart_no_update", locale)
    axes.set_title(f"{project.name}: {name}\n{status}")
    legend_beside(axes, below=True)
    return axes
