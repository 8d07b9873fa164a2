"""Targets, and how far a series has got towards them.

:class:`Target` promises a value of any measure (money, a quantity, a
number) by a deadline; :class:`TradeTarget` is its trade case. Both are
measured by one method (:mod:`bilat._assess`), in the target's unit. The
formulas and edge-case rules are written down, with their sources, in
``docs/methodology.md``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeAlias, final

import attrs

from bilat._agreement import Agreement
from bilat._assess import (
    AFTER_DEADLINE,
    DEFAULTS,
    AfterDeadline,
    deadline_rule,
    figures,
    held,
    status,
    thresholds,
)
from bilat._country import Country, to_parties
from bilat._errors import (
    CurrencyMismatchError,
    PrecisionError,
    RateNotFoundError,
    UnitMismatchError,
    shown,
)
from bilat._estimate import Estimate
from bilat._fields import invalid
from bilat._measure import (
    Amount,
    KindMismatchError,
    amount,
    as_measure,
    in_unit_of,
    kind_key,
    like,
    measure_key,
    measure_repr,
    stated,
)
from bilat._measured import Progress, cut_year
from bilat._money import Money, Number
from bilat._pickling import public
from bilat._series import (
    AsOf,
    Series,
    TradeMetric,
    any_parties,
    as_year,
    check_year,
    metric_field,
    same_parties,
    subject_field,
)
from bilat._source import Source, to_sources
from bilat._trade_series import TradeSeries

if TYPE_CHECKING:
    import pint
    from matplotlib.axes import Axes

    from bilat._claims import Claim
    from bilat._locale import LocaleLike
    from bilat._measure import Measure, MeasureLike
    from bilat._rates import ExchangeRates

__all__ = [
    "AnySeries",
    "AnyTarget",
    "Progress",
    "Target",
    "TradeTarget",
    "match_series",
    "progress_or_reason",
    "same_pair",
]

#: Either kind of series: the trade case, or any measure.
AnySeries: TypeAlias = "TradeSeries | Series"
#: Either kind of target.
AnyTarget: TypeAlias = "TradeTarget | Target"

_ON_TRACK, _NEEDS_ACCELERATION, _OFF_TRACK = DEFAULTS


def _value(value: Money | Estimate) -> Money | Estimate:
    return _money_value(value)


def _money_value(value: object) -> Money | Estimate:
    if not isinstance(value, Money | Estimate):
        raise invalid("value", f"expected a Money or an Estimate, got {shown(value)}")
    _check_positive(value)
    return value


def _check_positive(value: Measure) -> None:
    """Refuse a value whose stated value is not above zero: no target promises it."""
    if amount(value) <= 0:
        raise invalid("value", f"expected a positive amount, got {shown(value)}")


def _deadline(value: int | None) -> int | None:
    return None if value is None else check_year(value, "deadline")


def _baseline_year(value: int | None) -> int | None:
    return None if value is None else check_year(value, "baseline_year")


def _check_years(baseline_year: int | None, deadline: int | None) -> None:
    if deadline is not None and baseline_year is not None and baseline_year >= deadline:
        raise invalid(
            "baseline_year",
            f"{baseline_year!r} is not before the deadline {deadline!r}",
        )


def _agreement(value: Agreement | None) -> Agreement | None:
    return _checked_agreement(value)


def _checked_agreement(value: object) -> Agreement | None:
    if value is None or isinstance(value, Agreement):
        return value
    raise invalid("agreement", f"expected an Agreement or None, got {shown(value)}")


def same_pair(target: AnyTarget, series: AnySeries) -> bool:
    """Whether ``series`` measures what ``target`` promises.

    The subject must be the same (a trade metric stands for its value) and
    so must the parties; for exports and imports the order matters too (the
    first party's exports or imports).
    """
    return series.subject == target.subject and same_parties(
        target.subject, target.parties, series.parties
    )


def match_series(
    targets: Iterable[AnyTarget], series: Iterable[AnySeries]
) -> list[tuple[AnyTarget, tuple[AnySeries, ...]]]:
    """Each target with every series that measures it (:func:`same_pair`).

    The rule of reports and atlases alike: a target is measured against
    each series of its parties and subject, one per reporter or speaker,
    in the order the series are given. Series are grouped by subject and
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
    candidates: dict[tuple[str, frozenset[Country]], list[AnySeries]] = {}
    for s in series:
        candidates.setdefault((s.subject, frozenset(s.parties)), []).append(s)
    return [
        (
            target,
            tuple(
                s
                for s in candidates.get((target.subject, frozenset(target.parties)), ())
                if same_pair(target, s)
            ),
        )
        for target in targets
    ]


def progress_or_reason(
    target: AnyTarget,
    series: AnySeries,
    as_of: AsOf,
    rates: ExchangeRates | None,
    locale: LocaleLike = "en",
) -> Progress[Any] | str:
    """The progress of ``series`` towards ``target``, or why it has none.

    The rule of reports and atlases alike: a series that cannot be
    converted to the target's currency or unit (no rate, a converted value
    beyond bilat's range, another dimension or kind of value) is not
    measured, and the reason, in ``locale``, is returned instead of failing
    every other target.

    Example:
        >>> from bilat import Money, TradeSeries, TradeTarget
        >>> from bilat._target import progress_or_reason
        >>> target = TradeTarget(("KZ", "UZ"), Money(10, "USD"))
        >>> series = TradeSeries(("KZ", "UZ"), "turnover", {2023: Money(1, "EUR")})
        >>> progress_or_reason(target, series, 2023, None)
        'no exchange rate from EUR to USD'
    """
    from bilat._measure import unit_label
    from bilat._present.labels import (
        label,  # the words: presentation, loaded when needed
    )

    try:
        return target.progress(series, as_of, rates=rates)
    except (CurrencyMismatchError, RateNotFoundError, PrecisionError) as error:
        key = (
            "converted_out_of_range" if isinstance(error, PrecisionError) else "no_rate"
        )
    except (UnitMismatchError, KindMismatchError):
        key = "not_comparable"
    first = next(iter(series.values.values()))
    return label(key, locale).format(
        base=unit_label(first) or label("number", locale),
        quote=unit_label(target.value) or label("number", locale),
    )


def _check_series(target: AnyTarget, series: object, call: str) -> AnySeries:
    """``series`` if it measures ``target``: the same subject and parties."""
    if not isinstance(series, TradeSeries | Series):
        raise invalid(
            "series", f"expected a TradeSeries or a Series, got {shown(series)}"
        )
    if series.subject != target.subject:
        path = "metric" if isinstance(target, TradeTarget) else "subject"
        raise invalid(
            path,
            f"the series measures {shown(series.subject)} but the "
            f"target is for {shown(target.subject)}: {call} needs a "
            "series of the target's subject",
        )
    if not same_parties(target.subject, target.parties, series.parties):
        raise invalid(
            "parties",
            f"the series is for {series.parties!r} but the "
            f"target is for {target.parties!r}",
        )
    return series


def _check_kind(
    series: AnySeries, unit: Amount, *, rates: ExchangeRates | None, call: str
) -> None:
    """Refuse a series whose values cannot be measured in ``unit``, whatever ``as_of``.

    Another kind (money against a quantity), another dimension, or another
    currency without ``rates`` fails here, before a year is picked, so a
    measurement as of a year before the series fails as the others do.
    """
    year, first = next(iter(series.values.items()))
    if type(first) is Money and type(unit) is Money and first.currency == unit.currency:
        return  # the common case: money of the target's currency
    theirs, mine = kind_key(first), kind_key(unit)
    if theirs == mine:
        return
    if theirs[0] == mine[0] == "money":
        if rates is None:
            raise CurrencyMismatchError(
                theirs[1], mine[1], call, hint=f"pass rates= to {call}"
            )
        return
    in_unit_of(first, unit, year=year, rates=rates, call=call)  # raises


def _progress(
    target: AnyTarget,
    series: object,
    as_of: AsOf,
    *,
    rates: ExchangeRates | None,
    limits: tuple[Number, Number, Number],
    after_deadline: object,
    call: str,
) -> Progress[Any]:
    """``progress`` of either kind of target: its arguments checked, then measured."""
    if rates is not None:
        from bilat._rates import expect_rates

        expect_rates(rates, call)
    checked_limits = thresholds(*limits)
    rule = deadline_rule(after_deadline)
    checked = _check_series(target, series, call)
    return _measure(
        target,
        checked,
        as_of,
        rates=rates,
        limits=checked_limits,
        call=call,
        after_deadline=rule,
    )


def _measure(
    target: AnyTarget,
    series: AnySeries,
    as_of: AsOf,
    *,
    rates: ExchangeRates | None,
    limits: tuple[Decimal, Decimal, Decimal],
    call: str,
    after_deadline: AfterDeadline = AFTER_DEADLINE,
) -> Progress[Any]:
    """How far ``series`` has got towards ``target``: the one method of both kinds.

    The base and current values are converted to the target's unit (only
    those two: a long series in another currency needs two rates, not one
    per year), the figures computed on their amounts, and the amounts made
    values of the target's kind again. After the deadline, the value of the
    latest year on or before it is converted too, for ``projected`` and
    ``anticipated``.
    """
    cut = as_year(as_of)
    unit = target.unit
    _check_kind(series, unit, rates=rates, call=call)

    def convert(year: int) -> Decimal:
        return in_unit_of(series.values[year], unit, year=year, rates=rates, call=call)

    latest = series.latest(cut)
    year: int | None = None
    current: Decimal | None = None
    base_year: int | None = None
    base: Decimal | None = None
    if latest is not None:
        year = latest[0]
        current = convert(year)
        first = target.baseline_year
        base_year = next(
            (y for y in series.values if y <= year and (first is None or y >= first)),
            None,
        )
        if base_year is not None:
            base = current if base_year == year else convert(base_year)
    deadline = target.deadline
    cut_at = cut_year(series, year, base_year, deadline)
    goal = amount(unit)
    raw, reasons = figures(
        target=goal,
        deadline=deadline,
        year=year,
        current=current,
        base_year=base_year,
        base=base,
        cut_year=cut_at,
        cut=None if cut_at is None else convert(cut_at),
    )
    decided = status(
        target=goal,
        deadline=deadline,
        year=year,
        current=current,
        figures=raw,
        thresholds=limits,
        after_deadline=after_deadline,
    )
    make: Callable[[Decimal], Amount] = lambda number: like(number, unit)  # noqa: E731
    kept = held(raw, make, reasons)

    def given(year: int | None, number: Decimal | None) -> Amount | None:
        """The value of ``year`` in the target's unit: the series' own when it is."""
        if year is None or number is None:
            return None
        value = stated(series.values[year])
        if isinstance(value, Money) and isinstance(unit, Money):
            if value.currency == unit.currency:
                return value  # already in the target's currency: no new Money
        elif isinstance(value, Decimal) and isinstance(unit, Decimal):
            return value
        return make(number)

    return Progress(
        target=target,
        series=series,
        as_of=cut,
        year=year,
        current=given(year, current),
        base_year=base_year,
        base=given(base_year, base),
        status=decided,
        **kept._asdict(),
        out_of_range={n: reasons[n] for n in kept._fields if n in reasons},
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

    parties: tuple[Country, ...] = attrs.field(converter=to_parties)
    value: Money | Estimate = attrs.field(converter=_value)
    deadline: int | None = attrs.field(default=None, kw_only=True, converter=_deadline)
    metric: TradeMetric = attrs.field(
        default=TradeMetric.TURNOVER, kw_only=True, converter=metric_field
    )
    baseline_year: int | None = attrs.field(
        default=None, kw_only=True, converter=_baseline_year
    )
    agreement: Agreement | None = attrs.field(
        default=None, kw_only=True, converter=_agreement
    )
    sources: tuple[Source, ...] = attrs.field(
        default=(), kw_only=True, converter=to_sources
    )

    def __attrs_post_init__(self) -> None:
        _check_years(self.baseline_year, self.deadline)

    @property
    def money(self) -> Money:
        """The amount the formulas use: the value, or an Estimate's stated value.

        Example:
            >>> from bilat import Estimate, TradeTarget
            >>> TradeTarget(("KZ", "UZ"), Estimate.parse("up to $10 billion")).money
            Money('10000000000', 'USD')
        """
        return self.value.value if isinstance(self.value, Estimate) else self.value

    @property
    def subject(self) -> str:
        """What the target measures, as text: its metric's value (``"turnover"``).

        Example:
            >>> from bilat import Money, TradeTarget
            >>> TradeTarget(("KZ", "UZ"), Money(10, "USD"), metric="exports").subject
            'exports'
        """
        return self.metric.value

    @property
    def unit(self) -> Money:
        """The stated value, whose currency the progress is measured in (:attr:`money`).

        Example:
            >>> from bilat import Estimate, TradeTarget
            >>> TradeTarget(("KZ", "UZ"), Estimate.parse("about $10 billion")).unit
            Money('10000000000', 'USD')
        """
        return self.money

    def progress(
        self,
        series: TradeSeries | Series,
        as_of: AsOf = None,
        *,
        rates: ExchangeRates | None = None,
        on_track: Number = _ON_TRACK,
        needs_acceleration: Number = _NEEDS_ACCELERATION,
        off_track: Number = _OFF_TRACK,
        after_deadline: AfterDeadline = AFTER_DEADLINE,
    ) -> Progress[Money]:
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
        * ``projected = current·(1 + actual_cagr)^(deadline − year)``; once
          the deadline has passed, from the series cut at the deadline
        * ``anticipated = (projected − base) / (target − base)`` (UN SDG
          Progress Chart)
        * ``eta``: the first year the target is reached at the actual rate.

        A figure that is undefined is None: the rates with fewer than two
        years or a base of zero or below, those that need a deadline
        without one, ``required_cagr`` once the deadline has passed.

        Args:
            series: The series to measure: a :class:`TradeSeries`, or a
                :class:`Series` of the target's metric; same parties.
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
            after_deadline: How a target not reached by its deadline (the
                latest year is the deadline or later) is graded:
                ``"ratio"`` (the default, as Open SDG does) by the growth
                ratio like any other; ``"missed"`` as missed, ``OFF_TRACK``
                (``REGRESSING`` when the ratio is below ``off_track``)
                whatever the ratio. Both rules and their sources are on the
                methodology page.

        Raises:
            ValidationError: ``series`` is not a series, measures another
                metric, covers other parties, or holds no money.
            CurrencyMismatchError: the series is in another currency and no
                ``rates`` were given.
            RateNotFoundError: ``rates`` cannot convert a year's value.
            PrecisionError: a year's value converted with ``rates`` is beyond
                bilat's range.
            InvalidNumberError: a threshold is not a number, or they increase
                (``on_track ≥ needs_acceleration ≥ off_track`` is required).
            InvalidOptionError: ``after_deadline`` is neither ``"ratio"``
                nor ``"missed"``.

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
        return _progress(
            self,
            series,
            as_of,
            rates=rates,
            limits=(on_track, needs_acceleration, off_track),
            after_deadline=after_deadline,
            call="TradeTarget.progress()",
        )

    def plot(
        self,
        series: TradeSeries | Series,
        ax: Axes | None = None,
        *,
        as_of: AsOf = None,
        rates: ExchangeRates | None = None,
        claims: Iterable[Claim] = (),
        locale: LocaleLike = "en",
    ) -> Axes:
        """Chart ``series`` against this target (``plot`` extra, matplotlib).

        Draws, in the target's currency: the series' values up to ``as_of``
        (solid, with markers; the legend names the reporter); each of
        ``claims`` on the target's subject and parties as a point with its
        range (an estimate's bounds, or what an exact figure's written
        precision allows), grouped by the country that stated it, with the
        years whose figures disagree shaded; the path planned from the base
        year to the target by the deadline (dashed); the path projected
        from the latest value at the actual rate (dotted) up to the
        deadline, or without one up to the year the target would be
        reached, with a band when the base or latest value is an estimate;
        the target as a horizontal line, the deadline and ``as_of`` as
        vertical ones. The title names the parties (CLDR names in
        ``locale``), the subject and the status of :meth:`progress`; the y
        axis starts at zero, names the currency and shows compact
        amounts in ``locale``. Amounts become floats only to be drawn.

        Args:
            series: The series to measure, as for :meth:`progress`.
            ax: The matplotlib Axes to draw on; None draws on a new figure
                with ``layout="constrained"``, so ``savefig`` clips no label.
            as_of: As for :meth:`progress` (None is the current year).
            rates: As for :meth:`progress`; each year's value is converted
                at the rate on or before 31 December of that year.
            claims: Stated figures to show beside the series, such as
                :attr:`Dossier.claims`; those on other subjects or parties
                are left out.
            locale: The language of every word and number drawn.

        Returns:
            The Axes drawn on.

        Raises:
            MissingExtraError: matplotlib is not installed (``pip install
                'bilat[plot]'``).
            ValidationError: as for :meth:`progress`.
            CurrencyMismatchError: as for :meth:`progress`.
            UnknownLocaleError: ``locale`` is not a locale.

        Example:
            >>> import matplotlib.pyplot as plt
            >>> from bilat import Money, TradeSeries, TradeTarget
            >>> usd = lambda amount: Money(amount, "USD")
            >>> series = TradeSeries(("KZ", "UZ"), "turnover",
            ...                      {2021: usd("3.9e9"), 2023: usd("4.4e9")})
            >>> target = TradeTarget(("KZ", "UZ"), usd("1e10"), deadline=2030)
            >>> ax = target.plot(series, as_of=2024, locale="ru")
            >>> print(ax.get_title())
            Казахстан–Узбекистан: Товарооборот
            отставание (по состоянию на 2024 г.)
            >>> ax.get_ylabel()
            'Товарооборот, USD'
            >>> plt.close(ax.figure)
        """
        from bilat._present.plots import target_plot

        return target_plot(
            self, series, ax, as_of=as_of, rates=rates, claims=claims, locale=locale
        )

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


def _measure_value(value: MeasureLike) -> Measure:
    measure = as_measure(value, "value")
    _check_positive(measure)
    return measure


@public
@final
@attrs.frozen(repr=False)
class Target:
    """A stated goal of any measure: "152 km by 2026", "20 Mt a year", "100 projects".

    The general case of :class:`TradeTarget`: the value may be Money, an
    :class:`~bilat.Estimate`, a pint quantity (``Q_("152 km")``) or a plain
    number, and ``subject`` says what is measured. It is measured against a
    :class:`~bilat.Series` (or a :class:`~bilat.TradeSeries`) of the same
    subject and parties, with the same formulas, statuses and edge cases as
    a trade target, in the target's unit.

    Args:
        parties: One or more distinct countries; for the subjects
            ``"exports"`` and ``"imports"`` the flow is the first party's.
        value: The target: Money, an Estimate, a quantity or a positive
            number (ints become Decimals).
        deadline: The year whose value should reach the target, or None.
        subject: What the target measures, as text (required; a
            :class:`~bilat.TradeMetric` stands for its value). A project's
            measure fed into a series by :meth:`Series.from_project` has
            the subject ``"<project name>: <measure>"``.
        baseline_year: The year progress is measured from; None means the
            first year of the series.
        agreement: The agreement that set the target, if any.
        sources: Where the target was stated.

    Raises:
        ValidationError: with the path of the offending field: a value that
            is no positive measure, an empty subject, a year that is not an
            int, a baseline year not before the deadline, no parties.

    Example:
        >>> from bilat import Q_, Series, Target
        >>> railway = Target(("KZ", "UZ"), Q_("152 km"), deadline=2026,
        ...                  subject="Darbaza–Maktaaral railway: length")
        >>> track = Series(("KZ", "UZ"), "Darbaza–Maktaaral railway: length",
        ...                {2025: Q_("106 km")})
        >>> p = railway.progress(track, as_of=2025)
        >>> round(p.share * 100, 1), p.gap, p.status.value
        (Decimal('69.7'), <Quantity(46, 'kilometer')>, 'insufficient_data')
    """

    parties: tuple[Country, ...] = attrs.field(converter=any_parties)
    value: Money | Estimate | pint.Quantity[Decimal] | Decimal = attrs.field(
        converter=_measure_value, eq=measure_key
    )
    deadline: int | None = attrs.field(default=None, kw_only=True, converter=_deadline)
    subject: str = attrs.field(kw_only=True, converter=subject_field)
    baseline_year: int | None = attrs.field(
        default=None, kw_only=True, converter=_baseline_year
    )
    agreement: Agreement | None = attrs.field(
        default=None, kw_only=True, converter=_agreement
    )
    sources: tuple[Source, ...] = attrs.field(
        default=(), kw_only=True, converter=to_sources
    )

    def __attrs_post_init__(self) -> None:
        _check_years(self.baseline_year, self.deadline)

    @property
    def unit(self) -> Amount:
        """The value the formulas use: the value, or an Estimate's stated value.

        Progress is measured in its currency or unit.

        Example:
            >>> from bilat import Q_, Target
            >>> Target(("KZ", "UZ"), Q_("20 Mt/a"), subject="capacity").unit
            <Quantity(20, 'megametric_ton / year')>
        """
        return stated(self.value)

    def progress(
        self,
        series: Series | TradeSeries,
        as_of: AsOf = None,
        rates: ExchangeRates | None = None,
        *,
        on_track: Number = _ON_TRACK,
        needs_acceleration: Number = _NEEDS_ACCELERATION,
        off_track: Number = _OFF_TRACK,
        after_deadline: AfterDeadline = AFTER_DEADLINE,
    ) -> Progress[Amount]:
        """Measure ``series`` against this target as of a year.

        The same method as :meth:`TradeTarget.progress` (every formula and
        rule is on the methodology page), computed in the target's unit:
        money in another currency is converted with ``rates``, quantities
        are converted exactly (``106000 m`` counts as ``106 km``). The
        amounts of the result (``current``, ``base``, ``gap``,
        ``projected``) are values of the target's kind and unit.

        Args:
            series: A :class:`Series` or :class:`TradeSeries` of the same
                subject and parties.
            as_of: A date or an ISO date string (its year counts), a year,
                or None for the current year.
            rates: Exchange rates, for money in another currency.
            on_track: Least growth ratio for ``ON_TRACK``.
            needs_acceleration: Least growth ratio for ``NEEDS_ACCELERATION``.
            off_track: Least growth ratio for ``OFF_TRACK``.
            after_deadline: How a target not reached by its deadline is
                graded: ``"ratio"`` (the default, Open SDG's rule) by the
                growth ratio, or ``"missed"``: ``OFF_TRACK`` (or
                ``REGRESSING``) whatever the ratio. As in
                :meth:`TradeTarget.progress`.

        Raises:
            ValidationError: ``series`` is of another subject or parties, or
                holds another kind of value (money against a quantity).
            UnitMismatchError: a quantity of another dimension (the message
                names both units).
            CurrencyMismatchError: money in another currency without ``rates``.
            RateNotFoundError: ``rates`` cannot convert a year's value.
            PrecisionError: a converted value is beyond bilat's range.
            InvalidNumberError: the thresholds are not numbers in order.
            InvalidOptionError: ``after_deadline`` is not ``"ratio"`` or
                ``"missed"``.

        Example (figures for illustration):
            >>> from bilat import Series, Target
            >>> wells = Target(("KZ", "UZ"), 100, deadline=2030, subject="wells drilled")
            >>> drilled = Series(("KZ", "UZ"), "wells drilled", {2024: 69, 2025: 78})
            >>> p = wells.progress(drilled, as_of=2025)
            >>> p.current, p.gap, round(p.actual_cagr, 3), p.status.value
            (Decimal('78'), Decimal('22'), Decimal('0.130'), 'on_track')
        """
        return _progress(
            self,
            series,
            as_of,
            rates=rates,
            limits=(on_track, needs_acceleration, off_track),
            after_deadline=after_deadline,
            call="Target.progress()",
        )

    def plot(
        self,
        series: Series | TradeSeries,
        ax: Axes | None = None,
        *,
        as_of: AsOf = None,
        rates: ExchangeRates | None = None,
        claims: Iterable[Claim] = (),
        locale: LocaleLike = "en",
    ) -> Axes:
        """Chart ``series`` against this target (``plot`` extra, matplotlib).

        Draws, in the target's currency or unit: the series' values up to ``as_of``
        (solid, with markers; the legend names the reporter); each of
        ``claims`` on the target's subject and parties as a point with its
        range (an estimate's bounds, or what an exact figure's written
        precision allows), grouped by the country that stated it, with the
        years whose figures disagree shaded; the path planned from the base
        year to the target by the deadline (dashed); the path projected
        from the latest value at the actual rate (dotted) up to the
        deadline, or without one up to the year the target would be
        reached, with a band when the base or latest value is an estimate;
        the target as a horizontal line, the deadline and ``as_of`` as
        vertical ones. The title names the parties (CLDR names in
        ``locale``), the subject and the status of :meth:`progress`; the y
        axis starts at zero, names the currency or unit and shows compact
        amounts in ``locale``. Amounts become floats only to be drawn.

        Args:
            series: The series to measure, as for :meth:`progress`.
            ax: The matplotlib Axes to draw on; None draws on a new figure
                with ``layout="constrained"``, so ``savefig`` clips no label.
            as_of: As for :meth:`progress` (None is the current year).
            rates: As for :meth:`progress`; each year's value is converted
                at the rate on or before 31 December of that year.
            claims: Stated figures to show beside the series, such as
                :attr:`Dossier.claims`; those on other subjects or parties
                are left out.
            locale: The language of every word and number drawn.

        Returns:
            The Axes drawn on.

        Raises:
            MissingExtraError: matplotlib is not installed (``pip install
                'bilat[plot]'``).
            ValidationError: as for :meth:`progress`.
            CurrencyMismatchError: as for :meth:`progress`.
            UnknownLocaleError: ``locale`` is not a locale.

        Example:
            >>> import matplotlib.pyplot as plt
            >>> from bilat import Q_, Series, Target
            >>> railway = Target(("KZ", "UZ"), Q_("152 km"), deadline=2026,
            ...                  subject="railway: length")
            >>> track = Series(("KZ", "UZ"), "railway: length",
            ...                {2024: Q_("60 km"), 2025: Q_("106 km")})
            >>> ax = railway.plot(track, as_of=2025)
            >>> ax.get_ylabel(), float(ax.get_ylim()[0])
            ('Railway: length, km', 0.0)
            >>> plt.close(ax.figure)
        """
        from bilat._present.plots import target_plot

        return target_plot(
            self, series, ax, as_of=as_of, rates=rates, claims=claims, locale=locale
        )

    def __repr__(self) -> str:
        args = [repr(self.parties), measure_repr(self.value)]
        if self.deadline is not None:
            args.append(f"deadline={self.deadline!r}")
        args.append(f"subject={self.subject!r}")
        if self.baseline_year is not None:
            args.append(f"baseline_year={self.baseline_year!r}")
        if self.agreement is not None:
            args.append(f"agreement={self.agreement!r}")
        if self.sources:
            args.append(f"sources={self.sources!r}")
        return f"Target({', '.join(args)})"
