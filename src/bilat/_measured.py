"""How far a series has got towards a target: the :class:`Progress` value.

Built by :meth:`~bilat.TradeTarget.progress` and :meth:`~bilat.Target.progress`
(:mod:`bilat._target`), which compute its figures with :mod:`bilat._assess`.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING, Generic, TypeVar, final

import attrs

from bilat._assess import Figures, OutOfRange, ProgressStatus
from bilat._errors import shown
from bilat._fields import invalid
from bilat._measure import Amount, measure_key, measure_repr
from bilat._pickling import public

if TYPE_CHECKING:
    from bilat._country import Country
    from bilat._series import Series
    from bilat._source import Source
    from bilat._target import AnySeries, Target, TradeTarget
    from bilat._trade_series import TradeSeries

__all__ = ["Progress", "cut_year"]

#: The kind of the amounts of a :class:`Progress`: Money for trade targets.
M = TypeVar("M")


def cut_year(
    series: AnySeries, year: int | None, base_year: int | None, deadline: int | None
) -> int | None:
    """The year of the series cut at a passed deadline, for ``projected``.

    Once the latest year is after the deadline, the projection starts from
    the latest year on or before the deadline, when it is after the base
    year (else there is no growth to project from).
    """
    if year is None or base_year is None or deadline is None or year <= deadline:
        return None
    before = series.latest(deadline)
    return None if before is None or before[0] <= base_year else before[0]


_REASONS: frozenset[str] = frozenset(("too_large", "too_small", "too_many_digits"))


def _reasons(value: Mapping[str, OutOfRange]) -> Mapping[str, OutOfRange]:
    """``Progress.out_of_range`` as a read-only mapping of figure to reason."""
    return _checked_reasons(value)


def _checked_reasons(value: object) -> Mapping[str, OutOfRange]:
    if not isinstance(value, Mapping):
        raise invalid(
            "out_of_range",
            f"expected a mapping of figure to reason, got {shown(value)}",
        )
    names = set(Figures._fields)
    for name, reason in value.items():
        if name not in names or reason not in _REASONS:
            raise invalid(
                f"out_of_range[{shown(name)}]",
                f"expected a figure of a Progress and one of "
                f"{sorted(_REASONS)}, got {shown(reason)}",
            )
    return MappingProxyType(dict(value))


def _amount_key(value: Amount | None) -> object:
    return None if value is None else measure_key(value)


#: The fields of a Progress that hold amounts of the target's kind.
_AMOUNTS: frozenset[str] = frozenset(("current", "base", "gap", "projected"))


def _reasons_key(value: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(value.items()))


@public
@final
@attrs.frozen(repr=False, kw_only=True)
class Progress(Generic[M]):
    """How far a series has got towards a :class:`TradeTarget` or a :class:`Target`.

    Built by :meth:`TradeTarget.progress` (a ``Progress[Money]``) and
    :meth:`Target.progress`. Ratios (``share`` and the growth rates) are
    Decimal fractions at full precision; round them for display. The
    amounts (``current``, ``base``, ``gap``, ``projected``) are in the
    target's currency or unit. When the value of the current or base year
    is an Estimate, its stated value is used and :attr:`approximate` is
    true. A field that cannot be
    computed is None: either it is undefined (no deadline, a single year),
    or it lies outside the range of numbers bilat holds, and then
    :attr:`out_of_range` names it and says why.

    Attributes:
        target: The target measured against.
        series: The series measured, as given (before any conversion).
        as_of: The year the measurement was made for.
        year: The latest year of the series on or before ``as_of``.
        current: The value in ``year``.
        base_year: The year progress is measured from.
        base: The value in ``base_year``.
        share: ``current / target``.
        gap: ``target − current`` (negative once the target is passed).
        actual_cagr: Observed compound annual growth from base to current.
        planned_cagr: The growth from base to target by the deadline.
        required_cagr: The growth still needed from now to the deadline.
        growth_ratio: ``actual_cagr / |planned_cagr|``.
        projected: The value expected at the deadline at the actual rate
            (once the deadline has passed, from the series cut at the
            deadline).
        anticipated: ``(projected − base) / (target − base)``.
        eta: The first year the target is reached at the actual rate.
        status: The resulting :class:`ProgressStatus`.
        out_of_range: The figures left None because their value lies
            outside bilat's range, each with the reason: ``"too_large"``
            (a magnitude of ``10**100`` or more; for ``eta`` a year after
            9999), ``"too_small"`` (below ``10**-100``) or
            ``"too_many_digits"`` (more than 100 significant digits, as a
            gap between a huge and a tiny amount). A read-only mapping,
            empty for everyday figures. The status is still decided on the
            figures as computed.

    Example:
        >>> from bilat import Money, TradeSeries, TradeTarget
        >>> series = TradeSeries(("KZ", "UZ"), "turnover",
        ...                      {2022: Money(5, "USD"), 2023: Money(6, "USD")})
        >>> p = TradeTarget(("KZ", "UZ"), Money(10, "USD")).progress(series, 2023)
        >>> p.status, p.actual_cagr, p.planned_cagr, p.eta
        (<ProgressStatus.NO_DEADLINE: 'no_deadline'>, Decimal('0.2'), None, 2026)

        A figure beyond bilat's range is None, and says why:

        >>> jump = TradeSeries(("KZ", "UZ"), "turnover",
        ...                    {2023: Money("4.6", "USD"), 2024: Money("5e9", "USD")})
        >>> p = TradeTarget(("KZ", "UZ"), Money("1e10", "USD"), deadline=2100
        ...                 ).progress(jump, 2024)
        >>> p.projected, dict(p.out_of_range), p.status
        (None, {'projected': 'too_large', 'anticipated': 'too_large'},
         <ProgressStatus.ON_TRACK: 'on_track'>)
    """

    target: TradeTarget | Target
    series: TradeSeries | Series
    as_of: int
    year: int | None
    current: M | None = attrs.field(eq=_amount_key)
    base_year: int | None
    base: M | None = attrs.field(eq=_amount_key)
    share: Decimal | None
    gap: M | None = attrs.field(eq=_amount_key)
    actual_cagr: Decimal | None
    planned_cagr: Decimal | None
    required_cagr: Decimal | None
    growth_ratio: Decimal | None
    projected: M | None = attrs.field(eq=_amount_key)
    anticipated: Decimal | None
    eta: int | None
    status: ProgressStatus
    out_of_range: Mapping[str, OutOfRange] = attrs.field(
        factory=dict, converter=_reasons, eq=_reasons_key
    )

    @property
    def reporter(self) -> Country | None:
        """The country whose statistics the series are, if known."""
        return self.series.reporter

    @property
    def approximate(self) -> bool:
        """Whether a value the figures rest on is an Estimate ("about $4.3 bn").

        Those are the current and base values, and after a passed deadline
        the value the projection starts from. The formulas use an
        Estimate's stated value; reports say so.

        Example:
            >>> from bilat import Estimate, Money, TradeSeries, TradeTarget
            >>> s = TradeSeries(("KZ", "UZ"), "turnover",
            ...                 {2023: Money("4.4e9", "USD"),
            ...                  2024: Estimate.parse("about $4.3 billion")})
            >>> p = TradeTarget(("KZ", "UZ"), Money("1e10", "USD")).progress(s, 2024)
            >>> p.current, p.approximate
            (Money('4300000000', 'USD'), True)
        """
        return any(self.series.is_approximate(year) for year in self._years())

    def _years(self) -> tuple[int, ...]:
        """The years whose values the figures rest on: base, current, cut."""
        cut = cut_year(self.series, self.year, self.base_year, self.target.deadline)
        years = (self.base_year, self.year, cut)
        return tuple(dict.fromkeys(y for y in years if y is not None))

    @property
    def sources(self) -> tuple[Source, ...]:
        """The sources of the values the figures rest on, without repeats.

        The base and current values, and after a passed deadline the value
        the projection starts from.

        Example:
            >>> from bilat import Money, Source, TradeSeries, TradeTarget
            >>> gov = Source("Kazakh government")
            >>> s = TradeSeries(("KZ", "UZ"), "turnover", {2022: Money("5e9", "USD")},
            ...                 reporter="KZ", sources=(gov,))
            >>> p = TradeTarget(("KZ", "UZ"), Money("1e10", "USD")).progress(s, 2023)
            >>> p.sources == (gov,), p.reporter
            (True, Country('KZ'))
        """
        found = (s for year in self._years() for s in self.series.sources_for(year))
        return tuple(dict.fromkeys(found))

    def _repr_html_(self) -> str:
        """A table of the figures, so a notebook shows them rather than the repr.

        Example:
            >>> from bilat import Money, TradeSeries, TradeTarget
            >>> s = TradeSeries(("KZ", "UZ"), "turnover", {2023: Money("4.4e9", "USD")})
            >>> p = TradeTarget(("KZ", "UZ"), Money("1e10", "USD")).progress(s, 2024)
            >>> p._repr_html_().startswith('<table class="bilat-progress">')
            True
        """
        from bilat._present.html import progress_html

        return progress_html(self)

    def __str__(self) -> str:
        """One line for people: share, target, deadline, figure used, growth, status.

        Figures round for display (percentages to one decimal, amounts in
        compact form, quantities with short symbols); ``repr`` keeps every
        digit. "about" marks a share resting on an Estimate; the growth still
        needed shows while the target is ahead.

        Example:
            >>> from bilat import Money, Q_, Series, Target, TradeSeries, TradeTarget
            >>> s = TradeSeries(("KZ", "UZ"), "turnover",
            ...                 {2017: Money("2e9", "USD"), 2025: Money("4.97e9", "USD")},
            ...                 reporter="UZ")
            >>> print(TradeTarget(("KZ", "UZ"), Money("1e10", "USD"), deadline=2030
            ...                   ).progress(s, 2025))
            KZ–UZ turnover: 49.7% of $10B by 2030 (2025 figure, reported by UZ); needs 15.0% a year, grew 12.1% a year since 2017: needs acceleration
            >>> rail = Series(("KZ", "UZ"), "rail freight", {2024: Q_("8 Mt/a")})
            >>> print(Target(("KZ", "UZ"), Q_("20 Mt/a"), subject="rail freight"
            ...              ).progress(rail, 2024))
            KZ–UZ rail freight: 40.0% of 20 Mt/a (2024 figure, reporter not given): no deadline
        """
        from bilat._measure import format_measure
        from bilat._present.html import percent
        from bilat._present.labels import label

        target = self.target
        parties = "–".join(c.alpha2 for c in target.parties)
        goal = format_measure(target.value, compact=True)
        # Without a deadline the status says so.
        deadline = "" if target.deadline is None else f" by {target.deadline}"
        status = label(self.status.value)
        if self.year is None:
            return (
                f"{parties} {target.subject}: target {goal}{deadline}, "
                f"no figure by {self.as_of}: {status}"
            )
        reporter = self.reporter
        who = (
            "reporter not given"
            if reporter is None
            else f"reported by {reporter.alpha2}"
        )
        figure = f"{self.year} figure, {who}"
        share = percent(self.share).text
        if self.approximate:
            share = f"about {share}"
        growth = []
        if self.required_cagr is not None and self.required_cagr > 0:
            growth.append(f"needs {percent(self.required_cagr).text} a year")
        if self.actual_cagr is not None:
            growth.append(
                f"grew {percent(self.actual_cagr).text} a year since {self.base_year}"
            )
        rates = f"; {', '.join(growth)}" if growth else ""
        return (
            f"{parties} {target.subject}: {share} of {goal}{deadline} ({figure})"
            f"{rates}: {status}"
        )

    def __repr__(self) -> str:
        fields = attrs.fields(Progress)
        args = []
        for field in fields:
            value = getattr(self, field.name)
            if field.name == "out_of_range":
                if value:
                    args.append(f"out_of_range={dict(value)!r}")
                continue
            if isinstance(value, ProgressStatus):
                text = f"ProgressStatus.{value.name}"
            elif field.name in _AMOUNTS and value is not None:
                text = measure_repr(value)  # a quantity as Q_('46 kilometer')
            else:
                text = repr(value)
            args.append(f"{field.name}={text}")
        return f"Progress({', '.join(args)})"
