"""Trade targets and how far a trade series has got towards them.

The formulas and edge-case rules are written down, with their sources, in
``docs/methodology.md``.
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import math
import operator
from collections.abc import Iterable, Mapping
from decimal import ROUND_CEILING, ROUND_HALF_EVEN, Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal, NamedTuple, TypeAlias, final

import attrs

from bilat._agreement import Agreement
from bilat._country import Country, as_parties
from bilat._decimal import CONTEXT, EXACT, PRECISION, to_decimal
from bilat._errors import (
    CurrencyMismatchError,
    InvalidNumberError,
    PrecisionError,
    RateNotFoundError,
    ValidationError,
    shown,
)
from bilat._estimate import Estimate
from bilat._money import Money, Number, make_money
from bilat._pickling import public
from bilat._roots import Enclosure, projection
from bilat._series import (
    AsOf,
    TradeMetric,
    TradeSeries,
    as_metric,
    as_year,
    check_year,
    growth_rate,
    growth_rate_and_root,
    tidy,
)
from bilat._source import Source, as_sources

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from bilat._locale import LocaleLike
    from bilat._rates import ExchangeRates

__all__ = [
    "OutOfRange",
    "Progress",
    "ProgressStatus",
    "TradeTarget",
    "match_series",
    "progress_or_reason",
    "same_pair",
]

#: Why a figure of a :class:`Progress` is None although it is defined: its
#: magnitude is ``10**100`` or more (``"too_large"``; for ``eta``, a year
#: after 9999), below ``10**-100`` (``"too_small"``), or it needs more than
#: 100 significant digits to be exact (``"too_many_digits"``): the range of
#: numbers bilat holds (see :func:`bilat._decimal.to_decimal`).
OutOfRange: TypeAlias = Literal["too_large", "too_small", "too_many_digits"]

_ONE = Decimal(1)
#: The default thresholds of :meth:`TradeTarget.progress`: least growth
#: ratios for ON_TRACK, NEEDS_ACCELERATION and OFF_TRACK.
_ON_TRACK = Decimal("0.95")
_NEEDS_ACCELERATION = Decimal("0.60")
_OFF_TRACK = Decimal(0)
_DEFAULTS = (_ON_TRACK, _NEEDS_ACCELERATION, _OFF_TRACK)
#: How close (in years) a computed time to target must be to a whole number
#: before it is checked exactly with fractions.
_TIE = Decimal("1e-30")
#: Largest exponent for that exact check (larger ties are left to the logs).
_EXACT_LIMIT = 1000


@public
class ProgressStatus(enum.Enum):
    """How a trade target stands, from :meth:`TradeTarget.progress`.

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


def _value(value: object) -> Money | Estimate:
    if not isinstance(value, Money | Estimate):
        raise ValidationError(
            [("value", f"expected a Money or an Estimate, got {shown(value)}")]
        )
    money = value.value if isinstance(value, Estimate) else value
    if money.amount <= 0:
        raise ValidationError(
            [("value", f"expected a positive amount, got {shown(value)}")]
        )
    return value


def _deadline(value: object) -> int | None:
    return None if value is None else check_year(value, "deadline")


def _baseline_year(value: object) -> int | None:
    return None if value is None else check_year(value, "baseline_year")


def _agreement(value: object) -> Agreement | None:
    if value is None or isinstance(value, Agreement):
        return value
    raise ValidationError(
        [("agreement", f"expected an Agreement or None, got {shown(value)}")]
    )


def same_pair(target: TradeTarget, series: TradeSeries) -> bool:
    """Whether ``series`` measures what ``target`` promises.

    The metric must be the same and so must the parties; for exports and
    imports the order matters too (the first party's exports or imports).
    """
    return series.metric is target.metric and _same_parties(target, series)


def match_series(
    targets: Iterable[TradeTarget], series: Iterable[TradeSeries]
) -> list[tuple[TradeTarget, tuple[TradeSeries, ...]]]:
    """Each target with every series that measures it (:func:`same_pair`).

    The rule of reports and atlases alike: a target is measured against
    each series of its parties and metric, one per reporter or speaker,
    in the order the series are given. Series are grouped by metric and
    parties first, so many targets and series are matched in one pass
    instead of every target against every series.

    Example:
        >>> from bilat import Money, TradeSeries, TradeTarget
        >>> from bilat._target import match_series
        >>> usd = Money(1, "USD")
        >>> kz, uz = (TradeSeries((a, b), "turnover", {2023: usd}, reporter=a)
        ...           for a, b in (("KZ", "UZ"), ("UZ", "KZ")))
        >>> exports = TradeSeries(("KZ", "UZ"), "exports", {2023: usd})
        >>> target = TradeTarget(("KZ", "UZ"), Money(10, "USD"))
        >>> [[s.reporter for s in found] for _, found in
        ...  match_series([target], [kz, exports, uz])]
        [[Country('KZ'), Country('UZ')]]
    """
    candidates: dict[tuple[TradeMetric, frozenset[Country]], list[TradeSeries]] = {}
    for s in series:
        candidates.setdefault((s.metric, frozenset(s.parties)), []).append(s)
    return [
        (
            target,
            tuple(
                s
                for s in candidates.get((target.metric, frozenset(target.parties)), ())
                if same_pair(target, s)
            ),
        )
        for target in targets
    ]


def progress_or_reason(
    target: TradeTarget,
    series: TradeSeries,
    as_of: AsOf,
    rates: ExchangeRates | None,
    locale: LocaleLike = "en",
) -> Progress | str:
    """The progress of ``series`` towards ``target``, or why it has none.

    The rule of reports and atlases alike: a series that cannot be
    converted to the target's currency (no rate, or a converted value
    beyond bilat's range) is not measured, and the reason, in ``locale``,
    is returned instead of failing every other target.

    Example:
        >>> from bilat import Money, TradeSeries, TradeTarget
        >>> from bilat._target import progress_or_reason
        >>> target = TradeTarget(("KZ", "UZ"), Money(10, "USD"))
        >>> series = TradeSeries(("KZ", "UZ"), "turnover", {2023: Money(1, "EUR")})
        >>> progress_or_reason(target, series, 2023, None)
        'no exchange rate from EUR to USD'
    """
    from bilat._labels import label  # the words: presentation, loaded when needed

    try:
        return target.progress(series, as_of, rates=rates)
    except (CurrencyMismatchError, RateNotFoundError, PrecisionError) as error:
        key = (
            "converted_out_of_range" if isinstance(error, PrecisionError) else "no_rate"
        )
        return label(key, locale).format(
            base=series.currency.code, quote=target.money.currency.code
        )


def _same_parties(target: TradeTarget, series: TradeSeries) -> bool:
    if set(series.parties) != set(target.parties):
        return False
    return (
        target.metric is TradeMetric.TURNOVER or series.parties[0] == target.parties[0]
    )


@public
@final
@attrs.frozen(repr=False)
class TradeTarget:
    """A stated goal for trade between countries ("$10 billion by 2030").

    Args:
        parties: At least two distinct countries; for ``EXPORTS`` and
            ``IMPORTS`` the flow is the first party's.
        value: The target, as Money or as an :class:`Estimate` ("up to $10
            billion"). An Estimate is kept as stated; the formulas use its
            stated value (:attr:`money`).
        deadline: The year whose value should reach the target, or None when
            the statement gave no year.
        metric: What the target measures; turnover unless given.
        baseline_year: The year progress is measured from; None means the
            first year of the series.
        agreement: The agreement that set the target, if any.
        sources: Where the target was stated.

    Raises:
        ValidationError: with the path of the offending field: a value that
            is not positive Money or Estimate, a year that is not an int, a
            baseline year not before the deadline, fewer than two parties.

    Example:
        >>> from bilat import Country, Money, TradeTarget
        >>> t = TradeTarget((Country("KZ"), Country("UZ")), Money(10**10, "USD"))
        >>> t.deadline is None, t.metric
        (True, <TradeMetric.TURNOVER: 'turnover'>)
    """

    parties: tuple[Country, ...] = attrs.field(converter=as_parties)
    value: Money | Estimate = attrs.field(converter=_value)
    deadline: int | None = attrs.field(default=None, kw_only=True, converter=_deadline)
    metric: TradeMetric = attrs.field(
        default=TradeMetric.TURNOVER, kw_only=True, converter=as_metric
    )
    baseline_year: int | None = attrs.field(
        default=None, kw_only=True, converter=_baseline_year
    )
    agreement: Agreement | None = attrs.field(
        default=None, kw_only=True, converter=_agreement
    )
    sources: tuple[Source, ...] = attrs.field(
        default=(), kw_only=True, converter=as_sources
    )

    def __attrs_post_init__(self) -> None:
        if (
            self.deadline is not None
            and self.baseline_year is not None
            and self.baseline_year >= self.deadline
        ):
            raise ValidationError(
                [
                    (
                        "baseline_year",
                        (
                            f"{self.baseline_year!r} is not before the deadline "
                            f"{self.deadline!r}"
                        ),
                    )
                ]
            )

    @property
    def money(self) -> Money:
        """The amount the formulas use: the value, or an Estimate's stated value.

        Example:
            >>> from bilat import Estimate, TradeTarget
            >>> TradeTarget(("KZ", "UZ"), Estimate.parse("up to $10 billion")).money
            Money('10000000000', 'USD')
        """
        return self.value.value if isinstance(self.value, Estimate) else self.value

    def progress(
        self,
        series: TradeSeries,
        as_of: AsOf = None,
        *,
        rates: ExchangeRates | None = None,
        on_track: Number = _ON_TRACK,
        needs_acceleration: Number = _NEEDS_ACCELERATION,
        off_track: Number = _OFF_TRACK,
    ) -> Progress:
        """Measure ``series`` against this target as of a year.

        The base is the value at :attr:`baseline_year` (or, when that year
        has no value, the first later year that has one; without a baseline
        year, the series' first year). The current value is the latest year
        on or before ``as_of``. Every formula, its source, and the rules for
        edge cases are in the methodology page; in short:

        * ``share = current / target``, ``gap = target − current``
        * ``actual_cagr = (current/base)^(1/(year − base_year)) − 1``
        * ``planned_cagr = (target/base)^(1/(deadline − base_year)) − 1``
        * ``required_cagr = (target/current)^(1/(deadline − year)) − 1``
        * ``growth_ratio = actual_cagr / |planned_cagr|`` (Open SDG)
        * ``projected = current·(1 + actual_cagr)^(deadline − year)``
        * ``anticipated = (projected − base) / (target − base)`` (UN SDG
          Progress Chart)
        * ``eta``: the first year the target is reached at the actual rate.

        A rate that is undefined (fewer than two years, a base of zero or
        below, no deadline, a deadline already passed) is None.

        Args:
            series: The trade series to measure; same metric and parties.
            as_of: A date or an ISO date string (its year counts), a year,
                or None for the current year, which is the only time the
                clock is read.
            rates: Exchange rates to convert a series in another currency to
                the target's, each year's value at the rate on or before
                31 December of that year.
            on_track: Least growth ratio for ``ON_TRACK``.
            needs_acceleration: Least growth ratio for ``NEEDS_ACCELERATION``.
            off_track: Least growth ratio for ``OFF_TRACK``; below it the
                status is ``REGRESSING``.

        Raises:
            ValidationError: ``series`` is not a TradeSeries, measures another
                metric, or covers other parties.
            CurrencyMismatchError: the series is in another currency and no
                ``rates`` were given.
            RateNotFoundError: ``rates`` cannot convert a year's value.
            PrecisionError: a year's value converted with ``rates`` is beyond
                bilat's range.
            InvalidNumberError: a threshold is not a number, or they increase
                (``on_track ≥ needs_acceleration ≥ off_track`` is required).

        Example:
            >>> from bilat import Money, TradeSeries, TradeTarget
            >>> usd = lambda amount: Money(amount, "USD")
            >>> series = TradeSeries(("KZ", "UZ"), "turnover",
            ...                      {2021: usd("3.9"), 2023: usd("4.4")})
            >>> p = TradeTarget(("KZ", "UZ"), usd(10), deadline=2030).progress(
            ...     series, as_of=2024)
            >>> p.year, p.current, round(p.share, 2), p.gap
            (2023, Money('4.4', 'USD'), Decimal('0.44'), Money('5.6', 'USD'))
            >>> round(p.actual_cagr, 4), round(p.planned_cagr, 4)
            (Decimal('0.0622'), Decimal('0.1103'))
            >>> round(p.growth_ratio, 3), round(p.anticipated, 3), p.projected.round()
            (Decimal('0.564'), Decimal('0.461'), Money('6.71', 'USD'))
            >>> p.status, p.eta
            (<ProgressStatus.OFF_TRACK: 'off_track'>, 2037)
        """
        if rates is not None:
            from bilat._rates import expect_rates

            expect_rates(rates, "TradeTarget.progress()")
        thresholds = _thresholds(on_track, needs_acceleration, off_track)
        self._check(series, rates)
        cut = as_year(as_of)
        target = self.money

        latest = series.latest(cut)
        year: int | None = None
        current: Money | None = None
        base_year: int | None = None
        base: Money | None = None
        if latest is not None:
            year = latest[0]
            current = _convert(latest[1], year, target, rates)
            first = self.baseline_year
            base_year = next(
                (
                    y
                    for y in series.years
                    if y <= year and (first is None or y >= first)
                ),
                None,
            )
            if base_year is not None:
                base = _convert(series.values[base_year], base_year, target, rates)

        raw, reasons = _figures(
            target=target,
            deadline=self.deadline,
            year=year,
            current=current,
            base_year=base_year,
            base=base,
        )
        status = _status(
            target=target,
            deadline=self.deadline,
            year=year,
            current=current,
            figures=raw,
            thresholds=thresholds,
        )
        figures = _held(raw, target, reasons)
        return Progress(
            target=self,
            series=series,
            as_of=cut,
            year=year,
            current=current,
            base_year=base_year,
            base=base,
            status=status,
            **figures._asdict(),
            out_of_range={n: reasons[n] for n in figures._fields if n in reasons},
        )

    def plot(
        self,
        series: TradeSeries,
        ax: Axes | None = None,
        *,
        as_of: AsOf = None,
        rates: ExchangeRates | None = None,
    ) -> Axes:
        """Chart ``series`` against this target (``plot`` extra, matplotlib).

        Draws, in the target's currency: the series' values up to ``as_of``
        (solid, with markers); the path planned from the base year to the
        target by the deadline (dashed); the path projected from the
        latest value at the actual rate (dotted) up to the deadline, or,
        without a deadline, up to the year the target would be reached;
        the target as a horizontal line and the deadline as a vertical one.
        The title names the parties, the metric, ``as_of`` and the status of
        :meth:`progress`; the y axis shows compact amounts and its label
        the currency. Amounts become floats only to be drawn.

        Args:
            series: The trade series to measure, as for :meth:`progress`.
            ax: The matplotlib Axes to draw on; None draws on a new figure
                from :func:`matplotlib.pyplot.subplots`.
            as_of: As for :meth:`progress` (None is the current year).
            rates: As for :meth:`progress`; each year's value is converted
                at the rate on or before 31 December of that year.

        Returns:
            The Axes drawn on.

        Raises:
            MissingExtraError: matplotlib is not installed (``pip install
                'bilat[plot]'``).
            ValidationError: as for :meth:`progress`.
            CurrencyMismatchError: as for :meth:`progress`.

        Example:
            >>> import matplotlib.pyplot as plt
            >>> from bilat import Money, TradeSeries, TradeTarget
            >>> usd = lambda amount: Money(amount, "USD")
            >>> series = TradeSeries(("KZ", "UZ"), "turnover",
            ...                      {2021: usd("3.9e9"), 2023: usd("4.4e9")})
            >>> target = TradeTarget(("KZ", "UZ"), usd("1e10"), deadline=2030)
            >>> ax = target.plot(series, as_of=2024)
            >>> ax.get_title(), ax.get_ylabel()
            ('KZ–UZ turnover as of 2024: off track', 'Turnover (USD)')
            >>> plt.close(ax.figure)
        """
        from bilat._plots import target_plot

        return target_plot(self, series, ax, as_of=as_of, rates=rates)

    def _check(self, series: object, rates: ExchangeRates | None) -> None:
        if not isinstance(series, TradeSeries):
            raise ValidationError(
                [("series", f"expected a TradeSeries, got {shown(series)}")]
            )
        if series.metric is not self.metric:
            raise ValidationError(
                [
                    (
                        "metric",
                        (
                            f"the series measures {series.metric.name} but the "
                            f"target is for {self.metric.name}"
                        ),
                    )
                ]
            )
        if not _same_parties(self, series):
            raise ValidationError(
                [
                    (
                        "parties",
                        (
                            f"the series is for {series.parties!r} but the "
                            f"target is for {self.parties!r}"
                        ),
                    )
                ]
            )
        currency = self.money.currency
        if rates is None and series.currency != currency:
            raise CurrencyMismatchError(series.currency.code, currency.code, "progress")

    def __repr__(self) -> str:
        args = [repr(self.parties), repr(self.value)]
        if self.deadline is not None:
            args.append(f"deadline={self.deadline!r}")
        if self.metric is not TradeMetric.TURNOVER:
            args.append(f"metric=TradeMetric.{self.metric.name}")
        if self.baseline_year is not None:
            args.append(f"baseline_year={self.baseline_year!r}")
        if self.agreement is not None:
            args.append(f"agreement={self.agreement!r}")
        if self.sources:
            args.append(f"sources={self.sources!r}")
        return f"TradeTarget({', '.join(args)})"


_REASONS: frozenset[str] = frozenset(("too_large", "too_small", "too_many_digits"))


def _reasons(value: object) -> Mapping[str, OutOfRange]:
    """``Progress.out_of_range`` as a read-only mapping of figure to reason."""
    if not isinstance(value, Mapping):
        raise ValidationError(
            [
                (
                    "out_of_range",
                    f"expected a mapping of figure to reason, got {shown(value)}",
                )
            ]
        )
    figures = set(_Figures._fields)
    for name, reason in value.items():
        if name not in figures or reason not in _REASONS:
            raise ValidationError(
                [
                    (
                        f"out_of_range[{shown(name)}]",
                        (
                            f"expected a figure of a Progress and one of "
                            f"{sorted(_REASONS)}, got {shown(reason)}"
                        ),
                    )
                ]
            )
    return MappingProxyType(dict(value))


def _reasons_key(value: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(value.items()))


@public
@final
@attrs.frozen(repr=False, kw_only=True)
class Progress:
    """How far a trade series has got towards a :class:`TradeTarget`.

    Built by :meth:`TradeTarget.progress`. Ratios (``share`` and the growth
    rates) are Decimal fractions at full precision; round them for display.
    Money fields are in the target's currency. A field that cannot be
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
        projected: The value expected at the deadline at the actual rate.
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

    target: TradeTarget
    series: TradeSeries
    as_of: int
    year: int | None
    current: Money | None
    base_year: int | None
    base: Money | None
    share: Decimal | None
    gap: Money | None
    actual_cagr: Decimal | None
    planned_cagr: Decimal | None
    required_cagr: Decimal | None
    growth_ratio: Decimal | None
    projected: Money | None
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
    def sources(self) -> tuple[Source, ...]:
        """The sources of the base and current values, without repeats.

        Example:
            >>> from bilat import Money, Source, TradeSeries, TradeTarget
            >>> gov = Source("Kazakh government")
            >>> s = TradeSeries(("KZ", "UZ"), "turnover", {2022: Money("5e9", "USD")},
            ...                 reporter="KZ", sources=(gov,))
            >>> p = TradeTarget(("KZ", "UZ"), Money("1e10", "USD")).progress(s, 2023)
            >>> p.sources == (gov,), p.reporter
            (True, Country('KZ'))
        """
        found: list[Source] = []
        for year in (self.base_year, self.year):
            for source in () if year is None else self.series.sources_for(year):
                if source not in found:
                    found.append(source)
        return tuple(found)

    def _repr_html_(self) -> str:
        """A table of the figures, so a notebook shows them rather than the repr.

        Example:
            >>> from bilat import Money, TradeSeries, TradeTarget
            >>> s = TradeSeries(("KZ", "UZ"), "turnover", {2023: Money("4.4e9", "USD")})
            >>> p = TradeTarget(("KZ", "UZ"), Money("1e10", "USD")).progress(s, 2024)
            >>> p._repr_html_().startswith('<table class="bilat-progress">')
            True
        """
        from bilat._html import progress_html

        return progress_html(self)

    def __repr__(self) -> str:
        fields = attrs.fields(Progress)
        args = []
        for field in fields:
            value = getattr(self, field.name)
            if field.name == "out_of_range":
                if value:
                    args.append(f"out_of_range={dict(value)!r}")
                continue
            text = (
                f"ProgressStatus.{value.name}"
                if isinstance(value, ProgressStatus)
                else repr(value)
            )
            args.append(f"{field.name}={text}")
        return f"Progress({', '.join(args)})"


# -- computation ----------------------------------------------------------------


def _thresholds(*values: Number) -> tuple[Decimal, Decimal, Decimal]:
    if all(map(operator.is_, values, _DEFAULTS)):  # identity: no user __eq__
        return _DEFAULTS  # the defaults, checked once
    on, needs, off = (to_decimal(v, what="threshold") for v in values)
    if not on >= needs >= off:
        raise InvalidNumberError(
            values,
            "thresholds",
            "on_track >= needs_acceleration >= off_track",
        )
    return on, needs, off


def _convert(
    money: Money, year: int, target: Money, rates: ExchangeRates | None
) -> Money:
    if money.currency == target.currency:
        return money
    assert rates is not None  # checked before
    return money.to(target.currency, rates, on=dt.date(year, 12, 31))


class _Figures(NamedTuple):
    """Every number of a Progress except its status."""

    share: Decimal | None = None
    gap: Money | None = None
    actual_cagr: Decimal | None = None
    planned_cagr: Decimal | None = None
    required_cagr: Decimal | None = None
    growth_ratio: Decimal | None = None
    projected: Money | None = None
    anticipated: Decimal | None = None
    eta: int | None = None


class _Raw(NamedTuple):
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


def _figures(
    *,
    target: Money,
    deadline: int | None,
    year: int | None,
    current: Money | None,
    base_year: int | None,
    base: Money | None,
) -> tuple[_Raw, dict[str, OutOfRange]]:
    """Every number of a Progress except its status; see the methodology.

    Returns the figures as computed, and the reasons of those that could
    not be computed at all (a projection beyond even the working range).
    """
    failed: dict[str, OutOfRange] = {}
    if year is None or current is None:
        return _Raw(), failed
    c, t = current.amount, target.amount
    b = None if base_year is None or base is None else base.amount
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
    if actual is not None and deadline is not None and deadline >= year:
        assert b is not None  # actual is None without a base
        assert base_year is not None
        # ``reached`` stands in for the projection in ``anticipated``: a
        # projection too small for any context is zero to its 60 digits.
        reached: Decimal | None = c
        if deadline > year:
            try:
                reached = _projection(c, b, year - base_year, deadline - year, root)
            except decimal.Overflow:
                failed["projected"] = failed["anticipated"] = "too_large"
                reached = None
            except decimal.Underflow:
                failed["projected"] = "too_small"
                reached = Decimal(0)
        projected = None if "projected" in failed else reached
        if reached is not None and t != b:
            anticipated = tidy(
                CONTEXT.divide(  # projected is rounded: so may its distance be
                    CONTEXT.subtract(reached, b), _DIFFERENCES.subtract(t, b)
                )
            )
    return _Raw(
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


def _held(raw: _Raw, target: Money, reasons: dict[str, OutOfRange]) -> _Figures:
    """The figures that bilat can hold; the others None, their reason in ``reasons``."""
    kept: list[object] = []
    for name, value in zip(_Raw._fields, raw, strict=True):
        if value is None:
            kept.append(None)
        elif isinstance(value, int):  # eta, a year
            if value > _LAST_YEAR:
                reasons[name] = "too_large"
            kept.append(value if value <= _LAST_YEAR else None)
        else:
            held = _in_range(name, value, reasons)
            if held is not None and name in _AMOUNTS:
                kept.append(make_money(held, target.currency))
            else:
                kept.append(held)
    return _Figures(*kept)  # type: ignore[arg-type]


#: The figures that are amounts of money.
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


def _status(
    *,
    target: Money,
    deadline: int | None,
    year: int | None,
    current: Money | None,
    figures: _Raw,
    thresholds: tuple[Decimal, Decimal, Decimal],
) -> ProgressStatus:
    """The status: the first rule that holds, as listed in the methodology."""
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
    rules = (
        (current is not None and current >= target, ProgressStatus.ACHIEVED),
        (deadline is None, ProgressStatus.NO_DEADLINE),
        (year is None, ProgressStatus.INSUFFICIENT_DATA),
        (shrinking, ProgressStatus.REGRESSING),
        (
            year is not None and deadline is not None and year >= deadline,
            ProgressStatus.OFF_TRACK,
        ),
        (ratio is not None and ratio >= on, ProgressStatus.ON_TRACK),
        (ratio is not None and ratio >= needs, ProgressStatus.NEEDS_ACCELERATION),
        (ratio is not None, ProgressStatus.OFF_TRACK),
    )
    return next(
        (status for holds, status in rules if holds), ProgressStatus.INSUFFICIENT_DATA
    )
