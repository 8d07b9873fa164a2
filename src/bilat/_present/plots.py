"""Charts of targets and of an atlas of them (the ``plot`` extra, matplotlib).

Plots are pictures, not figures: amounts become floats here, and only
here, to be drawn. Every number a chart shows is computed exactly first
(by :meth:`TradeTarget.progress`, :meth:`Portfolio.total`,
:meth:`Project.completion`) and read off as a float at the end; tables and
reports keep the exact Decimals.

Each chart draws on the Axes it is given, or on a new figure with
``layout="constrained"`` (so a plain ``savefig`` clips no label) when given
none, and returns the Axes. Nothing global is changed (no style, backend or
rcParams), so the charts work headless with the ``Agg`` backend and take the
caller's style. Every word comes from the label tables in the chart's
``locale``; country names come from CLDR; the value axis names its currency
or unit and shows compact amounts in the locale (``$4B``, ``4 млрд $``).
The legend sits beside the plot, never on the data.
"""

from __future__ import annotations

import functools
import math
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, ParamSpec, TypeVar

from bilat._errors import (
    ArgumentTypeError,
    CurrencyMismatchError,
    MissingExtraError,
    shown,
)
from bilat._estimate import Estimate
from bilat._measure import amount, format_measure, in_unit_of, stated, unit_label
from bilat._money import Money
from bilat._present.labels import label

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from bilat._atlas import Atlas, SeriesLike
    from bilat._claims import Claim
    from bilat._country import Country
    from bilat._locale import LocaleLike
    from bilat._measure import Amount, Measure
    from bilat._measured import Progress
    from bilat._rates import ExchangeRates
    from bilat._series import AsOf, Series
    from bilat._target import Target, TradeTarget
    from bilat._trade_series import TradeSeries

__all__ = ["atlas_plot", "target_plot"]

#: A colour for each status (ProgressStatus and ProjectStatus values, and
#: "not_measured"): green for done or on course, amber for late, red for
#: off course, greys for what cannot be judged.
STATUS_COLOURS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "achieved": "#1a7f37",
        "on_track": "#4caf50",
        "needs_acceleration": "#f0a30a",
        "off_track": "#d1242f",
        "regressing": "#82071e",
        "no_deadline": "#6e7f99",
        "insufficient_data": "#9e9e9e",
        "not_measured": "#d0d0d0",
        "planned": "#6e7f99",
        "underway": "#2f6fb5",
        "completed": "#1a7f37",
        "suspended": "#f0a30a",
        "cancelled": "#9e9e9e",
    }
)


P = ParamSpec("P")
R = TypeVar("R")


def closes_on_error(plot: Callable[P, R]) -> Callable[P, R]:
    """``plot``, closing the pyplot figures it opened when it raises.

    Every chart opens its figure before it has measured everything it
    draws; an error after that (a currency mismatch, a project without
    measures) must not leave a figure open in pyplot's list, where a server
    drawing many pages would pile them up.
    """

    @functools.wraps(plot)
    def drawing(*args: P.args, **kwargs: P.kwargs) -> R:
        pyplot = sys.modules.get("matplotlib.pyplot")
        before = set(pyplot.get_fignums()) if pyplot is not None else set()
        try:
            return plot(*args, **kwargs)
        except BaseException:
            after = sys.modules.get("matplotlib.pyplot")
            if after is not None:
                for number in set(after.get_fignums()) - before:
                    after.close(number)
            raise

    return drawing


def new_axes(ax: Axes | None, feature: str, size: tuple[float, float]) -> Axes:
    """``ax``, or the Axes of a new constrained-layout pyplot figure of ``size``.

    Raises:
        MissingExtraError: matplotlib is not installed.
        ArgumentTypeError: ``ax`` is neither None nor a matplotlib Axes.
    """
    try:
        import matplotlib.pyplot as plt
        from matplotlib.axes import Axes
    except ImportError as e:
        raise MissingExtraError("plot", "matplotlib", feature) from e
    if ax is not None:
        if not isinstance(ax, Axes):
            raise ArgumentTypeError(
                [
                    (
                        "ax",
                        f"expected a matplotlib Axes or None in {feature}, got {shown(ax)}",
                    )
                ]
            )
        return ax
    _, new = plt.subplots(figsize=size, layout="constrained")
    return new


def amount_formatter(unit: Amount, locale: LocaleLike) -> Any:
    """A tick formatter: compact money (``$4B``) or compact numbers, in ``locale``."""
    from babel.numbers import format_compact_decimal
    from matplotlib.ticker import FuncFormatter

    from bilat._decimal import to_decimal
    from bilat._locale import get_locale

    where = get_locale(locale)

    def tick(value: float, _position: Any) -> str:
        if isinstance(unit, Money):
            return Money(to_decimal(float(value)), unit.currency).format(
                where, compact=True
            )
        return str(format_compact_decimal(value, locale=where, fraction_digits=2))

    return FuncFormatter(tick)


def share_formatter(locale: LocaleLike) -> Any:
    """A tick formatter of fractions as percentages in ``locale`` (``50 %``)."""
    from babel.numbers import format_percent
    from matplotlib.ticker import FuncFormatter

    from bilat._locale import get_locale

    where = get_locale(locale)
    return FuncFormatter(lambda v, _p: str(format_percent(v, locale=where)))


def percent(value: Decimal | float, locale: LocaleLike) -> str:
    """``value`` as a whole percentage in ``locale`` (``70 %`` in ru)."""
    from babel.numbers import format_percent

    from bilat._locale import get_locale

    return str(format_percent(value, locale=get_locale(locale)))


def legend_beside(axes: Axes, *, below: bool = False) -> None:
    """The legend to the right of the plot (or below it), so it covers no data."""
    if not axes.get_legend_handles_labels()[0]:
        return
    if below:
        axes.legend(
            loc="upper center", bbox_to_anchor=(0.5, -0.13), ncols=2, borderaxespad=0.0
        )
    else:
        axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0.0)


def party_names(parties: Iterable[Country], locale: LocaleLike) -> str:
    """The parties' CLDR names in ``locale``, joined by an en dash."""
    return "–".join(c.name(locale) for c in parties)


def subject_text(subject: str, locale: LocaleLike) -> str:
    """A target's subject: a trade metric in ``locale``, other text as written."""
    from bilat._series import TradeMetric

    metrics = {m.value for m in TradeMetric}
    word = label(subject, locale) if subject in metrics else subject
    return word[:1].upper() + word[1:]


def unit_axis(subject: str, unit: Amount, locale: LocaleLike) -> str:
    """The value axis' label: the subject and its currency or unit."""
    name = unit_label(unit)
    text = subject_text(subject, locale)
    return text if name is None else f"{text}, {name}"


# -- target progress -------------------------------------------------------------------


def _bounds(value: Measure) -> tuple[Amount, Amount]:
    """The low and high ends of a value: an Estimate's range, or the value twice."""
    if isinstance(value, Estimate):
        return value.low, value.high
    return stated(value), stated(value)


def _speaker(claim: Claim) -> Country | None:
    """The country a claim was made by: its speaker's, or None when unknown."""
    from bilat._country import Country

    said = claim.said_by
    if said is None or isinstance(said, Country):
        return said
    return said.country


#: The largest magnitude a drawn path reaches: matplotlib's scaling adds
#: margins to its limits in floats, which overflow near float's own range.
_DRAWN: Final = 1e200


def _path(start: float, rate: float, steps: int) -> list[float]:
    """``start·(1 + rate)^k`` for ``k = 0 … steps``; NaN (not drawn) past ``_DRAWN``."""
    points = []
    for k in range(steps + 1):
        try:
            point = start * (1 + rate) ** k
        except OverflowError:
            point = math.nan
        points.append(point if abs(point) <= _DRAWN else math.nan)
    return points


def _rate(first: float, last: float, years: int) -> float | None:
    """The compound yearly growth from ``first`` to ``last``, or None."""
    if years <= 0 or first <= 0 or last < 0:
        return None
    return float((last / first) ** (1 / years) - 1)


def _matching(target: Target | TradeTarget, claims: Iterable[Claim]) -> list[Claim]:
    """The claims on ``target``'s subject and parties."""
    from bilat._series import same_parties

    return [
        c
        for c in claims
        if c.subject == target.subject
        and same_parties(target.subject, target.parties, c.parties)
    ]


class _Drawn:
    """The y values a target chart has drawn, for the top of its axis."""

    def __init__(self) -> None:
        self.highest = 0.0

    def add(self, values: Sequence[float]) -> None:
        if values:
            self.highest = max(self.highest, *values)


@closes_on_error
def target_plot(
    target: Target | TradeTarget,
    series: Series | TradeSeries,
    ax: Axes | None = None,
    *,
    as_of: AsOf = None,
    rates: ExchangeRates | None = None,
    claims: Iterable[Claim] = (),
    locale: LocaleLike = "en",
) -> Axes:
    """Draw a target and a series' path towards it; see :meth:`TradeTarget.plot`.

    Example:
        >>> import matplotlib.pyplot as plt
        >>> from bilat import Money, TradeSeries, TradeTarget
        >>> from bilat._present.plots import target_plot
        >>> s = TradeSeries(("KZ", "UZ"), "turnover", {2021: Money(4, "USD"),
        ...                                            2023: Money(5, "USD")})
        >>> ax = target_plot(TradeTarget(("KZ", "UZ"), Money(10, "USD")), s, as_of=2024)
        >>> print(ax.get_title())
        Kazakhstan–Uzbekistan: Turnover
        no deadline, as of 2024
        >>> plt.close(ax.figure)
    """
    from bilat._target import TradeTarget

    call = f"{'TradeTarget' if isinstance(target, TradeTarget) else 'Target'}.plot()"
    axes = new_axes(ax, call, (9.0, 4.8))
    from matplotlib.ticker import MaxNLocator

    try:
        progress: Progress[Any] = target.progress(series, as_of, rates=rates)
    except CurrencyMismatchError as error:  # name the call the user made
        raise CurrencyMismatchError(
            error.left, error.right, call, hint=f"pass rates= to {call}"
        ) from None
    unit = target.unit
    cut = progress.as_of

    def value_of(value: Measure, year: int) -> float:
        return float(in_unit_of(value, unit, year=year, rates=rates, call=call))

    drawn = _Drawn()

    years = [y for y in series.years if y <= cut]
    values = [value_of(stated(series.values[y]), y) for y in years]
    who = series.reporter
    used = (
        label("chart_figures_used", locale)
        if who is None
        else label("chart_figures_used_by", locale).format(who=who.name(locale))
    )
    axes.plot(years, values, marker="o", color="C0", zorder=3, label=used)
    drawn.add(values)
    _draw_claims(axes, target, claims, cut, value_of, rates, locale, drawn)

    base_year, year, deadline = progress.base_year, progress.year, target.deadline
    if progress.planned_cagr is not None and base_year is not None and deadline:
        base = value_of(stated(series.values[base_year]), base_year)
        path = _path(base, float(progress.planned_cagr), deadline - base_year)
        axes.plot(
            range(base_year, deadline + 1),
            path,
            linestyle="--",
            color="C2",
            label=label("chart_planned", locale).format(year=base_year),
        )
    end = deadline if deadline is not None else progress.eta
    if (
        progress.actual_cagr is not None
        and progress.current is not None
        and year is not None
        and base_year is not None
        and end is not None
        and end > year
    ):
        current = float(amount(progress.current))
        path = _path(current, float(progress.actual_cagr), end - year)
        axes.plot(
            range(year, end + 1),
            path,
            linestyle=":",
            color="C1",
            label=label("chart_projected", locale),
        )
        drawn.add(path)
        band = _band(series, base_year, year, end, value_of)
        if band is not None:
            axes.fill_between(
                range(year, end + 1),
                band[0],
                band[1],
                color="C1",
                alpha=0.15,
                linewidth=0,
                label=label("chart_band", locale),
            )
            drawn.add(band[1])

    goal = float(amount(unit))
    drawn.add([goal])
    axes.axhline(
        goal,
        color="black",
        linewidth=1.2,
        label=label("chart_target", locale).format(
            value=format_measure(target.value, locale, compact=True)
        ),
    )
    if deadline is not None:
        axes.axvline(
            deadline,
            color="black",
            linestyle="-.",
            linewidth=1,
            label=label("chart_deadline", locale).format(year=deadline),
        )
    axes.axvline(
        cut,
        color="grey",
        linestyle=(0, (1, 2)),
        linewidth=1.5,
        label=label("chart_as_of_year", locale).format(year=cut),
    )

    status = label(progress.status.value, locale)
    axes.set_title(
        f"{party_names(target.parties, locale)}: "
        f"{subject_text(target.subject, locale)}\n"
        + label("chart_status", locale).format(status=status, year=cut)
    )
    axes.set_xlabel(label("chart_year", locale))
    axes.set_ylabel(unit_axis(target.subject, unit, locale))
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.yaxis.set_major_formatter(amount_formatter(unit, locale))
    axes.set_ylim(0, drawn.highest * 1.08)
    axes.margins(x=0.04)
    legend_beside(axes)
    return axes


def _band(
    series: Series | TradeSeries,
    base_year: int,
    year: int,
    end: int,
    value_of: Any,
) -> tuple[list[float], list[float]] | None:
    """The projection's range when the base or the current value is an estimate.

    The low edge grows from the current value's low end at the rate from
    the base's high end to it; the high edge from the current value's high
    end at the rate from the base's low end. None when both are exact.
    """
    base, current = series.values[base_year], series.values[year]
    if not isinstance(base, Estimate) and not isinstance(current, Estimate):
        return None
    (base_low, base_high), (low, high) = _bounds(base), _bounds(current)
    lows = value_of(base_low, base_year), value_of(base_high, base_year)
    ends = value_of(low, year), value_of(high, year)
    slow = _rate(lows[1], ends[0], year - base_year)
    fast = _rate(lows[0], ends[1], year - base_year)
    if slow is None or fast is None:
        return None
    return _path(ends[0], slow, end - year), _path(ends[1], fast, end - year)


def _draw_claims(  # noqa: PLR0917 (private; one call site)
    axes: Axes,
    target: Target | TradeTarget,
    claims: Iterable[Claim],
    cut: int,
    value_of: Any,
    rates: ExchangeRates | None,
    locale: LocaleLike,
    drawn: _Drawn,
) -> None:
    """Each claim as a point with its range, by who made it; conflicts shaded."""
    from bilat._ledger import conflicts

    found = [c for c in _matching(target, claims) if c.period <= cut]
    if not found:
        return
    groups: dict[str | None, list[Claim]] = {}
    for claim in found:
        speaker = _speaker(claim)
        groups.setdefault(None if speaker is None else speaker.alpha2, []).append(claim)
    order = sorted(groups, key=lambda k: (k is None, k or ""))
    width = 0.36
    markers = "sD^v<>p"
    for i, key in enumerate(order):
        offset = (i - (len(order) - 1) / 2) * width / max(len(order) - 1, 1)
        xs, ys, lows, highs = [], [], [], []
        for claim in groups[key]:
            middle = value_of(stated(claim.value), claim.period)
            low, high = (
                value_of(claim.low, claim.period),
                value_of(claim.high, claim.period),
            )
            xs.append(claim.period + offset)
            ys.append(middle)
            lows.append(middle - low)
            highs.append(high - middle)
        first = groups[key][0]
        speaker = _speaker(first)
        text = (
            label("chart_other_sources", locale)
            if speaker is None
            else label("chart_stated_by", locale).format(who=speaker.name(locale))
        )
        axes.errorbar(
            xs,
            ys,
            yerr=[lows, highs],
            fmt=markers[i % len(markers)],
            color=f"C{4 + i}",
            markersize=5,
            capsize=3,
            elinewidth=1.2,
            zorder=4,
            label=text,
        )
        drawn.add([y + h for y, h in zip(ys, highs, strict=True)])
    disputed = sorted({c.period for c in conflicts(found, rates=rates)})
    for n, year in enumerate(disputed):
        axes.axvspan(
            year - 0.4,
            year + 0.4,
            color="#d1242f",
            alpha=0.08,
            linewidth=0,
            label=label("chart_conflict", locale) if n == 0 else None,
        )


# -- dashboard -------------------------------------------------------------------------


def elapsed(progress: Progress[Any]) -> float | None:
    """The share of the time from the base year to the deadline gone by the latest figure.

    None without a deadline or a base year, or when the base year is the
    deadline; clipped to 0…1.
    """
    deadline, base_year, year = (
        progress.target.deadline,
        progress.base_year,
        progress.year,
    )
    if deadline is None or base_year is None or year is None or deadline <= base_year:
        return None
    return min(1.0, max(0.0, (year - base_year) / (deadline - base_year)))


@closes_on_error
def atlas_plot(
    atlas: Atlas,
    ax: Axes | None = None,
    *,
    series: SeriesLike = None,
    as_of: AsOf = None,
    rates: ExchangeRates | None = None,
    party: Any = None,
    locale: LocaleLike = "en",
) -> Axes:
    """Draw every target of an atlas as a bullet; see :meth:`Atlas.plot`.

    Example:
        >>> import matplotlib.pyplot as plt
        >>> from bilat import Atlas, examples
        >>> from bilat._present.plots import atlas_plot
        >>> ax = atlas_plot(Atlas([examples.kazakhstan_uzbekistan()]), as_of=2025)
        >>> ax.get_title()
        'Targets: share reached and time elapsed, as of 2025'
        >>> plt.close(ax.figure)
    """
    from bilat._atlas import _query
    from bilat._measured import Progress

    call = "Atlas.plot()"
    q = _query(call, status=None, party=party, series=series, as_of=as_of, rates=rates)
    rows = atlas._measure(q.series, q.year, q.rates, q.party)
    axes = new_axes(ax, call, (9.0, 1.6 + 0.75 * max(len(rows), 1)))
    from matplotlib.patches import Patch

    statuses: list[str] = []
    widths: list[float] = []
    marked = False
    for y, (_, target, progress) in enumerate(rows):
        head = (
            f"{party_names(target.parties, locale)}: "
            f"{subject_text(target.subject, locale)}"
        )
        goal = format_measure(target.value, locale, compact=True)
        if target.deadline is not None:
            goal = f"{goal}, {target.deadline}"
        if isinstance(progress, Progress) and progress.reporter is not None:
            goal = f"{goal}, {progress.reporter.name(locale)}"
        # The row's name above its bar, so long names take no width from the bars.
        axes.annotate(
            f"{head} ({goal})",
            (0.0, y - 0.28),
            va="bottom",
            ha="left",
            fontsize="medium",
        )
        if not isinstance(progress, Progress):
            statuses.append("not_measured")
            axes.annotate(
                label("chart_not_measured", locale).format(reason=progress),
                (0.0, y + 0.1),
                xytext=(4, 0),
                textcoords="offset points",
                va="center",
                fontsize="small",
                fontstyle="italic",
            )
            continue
        status = progress.status.value
        statuses.append(status)
        share = 0.0 if progress.share is None else float(progress.share)
        widths.append(share)
        axes.barh(y + 0.1, share, height=0.36, color=STATUS_COLOURS[status])
        gone = elapsed(progress)
        if gone is not None:
            axes.plot(
                [gone, gone],
                [y - 0.14, y + 0.34],
                color="black",
                linewidth=2.5,
                label=None if marked else label("chart_time_elapsed", locale),
            )
            marked = True
        axes.annotate(
            percent(progress.share or 0, locale),
            (max(share, gone or 0.0), y + 0.1),
            xytext=(5, 0),
            textcoords="offset points",
            va="center",
            fontsize="small",
        )
    axes.axvline(1.0, color="black", linestyle="--", linewidth=1)
    axes.set_yticks([])
    axes.set_ylim(max(len(rows), 1) - 0.5, -0.5)  # the first target on top
    right = max([1.0, *widths])
    axes.set_xlim(0, right * 1.1)
    axes.xaxis.set_major_formatter(share_formatter(locale))
    axes.set_xlabel(label("chart_share", locale))
    axes.set_title(label("chart_dashboard", locale).format(year=q.year))
    handles, texts = axes.get_legend_handles_labels()
    for status in dict.fromkeys(statuses):
        handles.append(Patch(color=STATUS_COLOURS[status]))
        texts.append(label(status, locale))
    axes.legend(
        handles,
        texts,
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        borderaxespad=0.0,
    )
    return axes
