"""Series: yearly values between countries, as one reporter or speaker states them.

:class:`Series` holds any measure (money, a physical quantity or a number) of
any subject ("track laid"); :class:`~bilat.TradeSeries`
(:mod:`bilat._trade_series`) is its trade case. What every series shares —
years, sources per year, the :class:`~bilat.Claim` each value was taken
from, and the converters of those fields — lives here.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, final, overload

import attrs

from bilat._country import Country, as_country, as_parties
from bilat._errors import (
    DATE_EXAMPLE,
    InvalidDateError,
    InvalidNumberError,
    InvalidOptionError,
    shown,
)
from bilat._estimate import Estimate
from bilat._fields import (
    as_date,
    as_enum,
    as_instances,
    as_pairs,
    as_text,
    invalid,
)
from bilat._pickling import public
from bilat._roots import growth_rate
from bilat._source import Source, to_sources

if TYPE_CHECKING:
    import pandas as pd
    import polars as pl

    from bilat._claims import Claim
    from bilat._country import CountryLike
    from bilat._currency import CurrencyLike
    from bilat._ledger import Preference
    from bilat._measure import Amount, Measure, MeasureLike
    from bilat._present.frames import Backend
    from bilat._project import Project
    from bilat._rates import ExchangeRates

__all__ = [
    "DIRECTED",
    "AsOf",
    "Series",
    "TradeMetric",
    "any_parties",
    "as_metric",
    "as_subject",
    "as_year",
    "check_year",
    "metric_field",
    "same_parties",
    "subject_field",
]

#: What ``as_of=`` accepts: a date (its year is used), a year, or None for today.
AsOf: TypeAlias = dt.date | int | str | None


@public
class TradeMetric(enum.Enum):
    """What a trade figure measures.

    ``TURNOVER`` is exports plus imports between the parties. ``EXPORTS`` and
    ``IMPORTS`` are seen from the first party: what it sells to, or buys
    from, the others.

    Example:
        >>> from bilat import TradeMetric
        >>> TradeMetric("turnover")
        <TradeMetric.TURNOVER: 'turnover'>
    """

    TURNOVER = "turnover"
    EXPORTS = "exports"
    IMPORTS = "imports"


# -- converters shared with trade targets ------------------------------------


def as_metric(value: object) -> TradeMetric:
    """A :class:`TradeMetric` from a member or its value (``"exports"``).

    Raises:
        ValidationError: ``value`` names no metric.
    """
    return as_enum(value, TradeMetric, "metric", "trade metric")


def check_year(value: object, path: str) -> int:
    """Return ``value`` if it is a year (an int from 1 to 9999).

    Raises:
        ValidationError: ``value`` is not such an int.
    """
    if type(value) is not int or not 1 <= value <= 9999:
        raise invalid(
            path, f"expected a year as an int from 1 to 9999, got {shown(value)}"
        )
    return value


def as_year(as_of: AsOf) -> int:
    """The year an ``as_of=`` argument stands for.

    A date (or datetime, or an ISO ``YYYY-MM-DD`` string) gives its year,
    an int is taken as a year, and None means the current year: this is the
    only place the trade functions read the clock.

    Raises:
        InvalidDateError: ``as_of`` is none of these (the path is ``as_of``).

    Example:
        >>> from bilat._series import as_year
        >>> as_year("2025-06-30"), as_year(2024)
        (2025, 2024)
        >>> as_year("June 2025")
        Traceback (most recent call last):
        ...
        bilat.InvalidDateError: as_of: expected a date, an ISO date such as '2025-12-31', a year from 1 to 9999 (an int) or None, got 'June 2025'
    """
    if as_of is None:
        return dt.date.today().year
    if isinstance(as_of, dt.date):
        return as_of.year
    if type(as_of) is int and 1 <= as_of <= 9999:
        return as_of
    if isinstance(as_of, str):
        try:
            return as_date(as_of, "as_of").year
        except InvalidDateError:
            pass
    raise InvalidDateError(
        as_of,
        "as_of",
        f"a date, an ISO date such as {DATE_EXAMPLE}, a year from 1 to 9999 "
        "(an int) or None",
    )


# -- field converters ----------------------------------------------------------
#
# Each converter's parameter is typed with what its field accepts: mypy's attrs
# plugin and IDEs show it as the constructor's parameter. The checks stay in
# the object-typed helpers they call, since files and untyped callers may pass
# anything.


def metric_field(value: TradeMetric | str) -> TradeMetric:
    """The converter of a ``metric`` field: a :class:`TradeMetric` or its value."""
    return as_metric(value)


def subject_field(value: TradeMetric | str) -> str:
    """The converter of a ``subject`` field: text, or a :class:`TradeMetric`."""
    return as_subject(value)


def _value_sources(
    value: Mapping[int, Source | Iterable[Source]],
) -> Mapping[int, tuple[Source, ...]]:
    pairs = as_pairs(value, "value_sources", "a mapping of year to sources")
    checked = {
        check_year(year, f"value_sources[{shown(year)}]"): as_instances(
            sources, Source, f"value_sources[{year}]"
        )
        for year, sources in pairs
    }
    return MappingProxyType(dict(sorted(checked.items())))


def _reporter(value: CountryLike | None) -> Country | None:
    return None if value is None else as_country(value, "reporter")


def _mapping_key(mapping: Mapping[int, object]) -> tuple[tuple[int, object], ...]:
    return tuple(mapping.items())


def as_subject(value: object, path: str = "subject") -> str:
    """What a series, target or claim measures: non-empty text.

    A :class:`TradeMetric` stands for its value (``"turnover"``), so a
    general :class:`Series` or target and a trade series of the same
    subject meet.

    Raises:
        ValidationError: ``value`` is neither a TradeMetric nor non-empty text.

    Example:
        >>> from bilat import TradeMetric
        >>> from bilat._series import as_subject
        >>> as_subject(TradeMetric.EXPORTS), as_subject(" track laid ")
        ('exports', 'track laid')
    """
    if isinstance(value, TradeMetric):
        return value.value
    return as_text(value, path)


def _claims(value: Mapping[int, Claim]) -> Mapping[int, Claim]:
    from bilat._claims import Claim

    pairs = as_pairs(value, "claims", "a mapping of year to Claim")
    checked: dict[int, Claim] = {}
    for year, claim in pairs:
        checked_year = check_year(year, f"claims[{shown(year)}]")
        if not isinstance(claim, Claim):
            raise invalid(f"claims[{year}]", f"expected a Claim, got {shown(claim)}")
        checked[checked_year] = claim
    return MappingProxyType(dict(sorted(checked.items())))


#: The per-year sources or claims of a series without any: read-only, so one serves all.
_NOTHING: Mapping[int, Any] = MappingProxyType({})


class _Yearly:
    """What every series does with its years: shared by Series and TradeSeries."""

    __slots__ = ()

    parties: tuple[Country, ...]
    values: Mapping[int, Any]
    reporter: Country | None
    sources: tuple[Source, ...]
    value_sources: Mapping[int, tuple[Source, ...]]
    claims: Mapping[int, Claim]

    def _check_years(self) -> None:
        """The checks across fields, for ``__attrs_post_init__``."""
        if self.reporter is not None and self.reporter not in self.parties:
            raise invalid(
                "reporter",
                f"{shown(self.reporter)} is not one of the parties {shown(self.parties)}",
            )
        for name, mapping in (
            ("value_sources", self.value_sources),
            ("claims", self.claims),
        ):
            for year in mapping:
                if year not in self.values:
                    raise invalid(
                        f"{name}[{year}]",
                        f"no value for {year} in values; years are "
                        f"{', '.join(map(str, self.values))}",
                    )
        if self.claims:
            from bilat._measure import measure_key

            for year, claim in self.claims.items():
                if claim.period != year or measure_key(claim.value) != measure_key(
                    self.values[year]
                ):
                    raise invalid(
                        f"claims[{year}]",
                        f"the claim states {shown(claim.value)} for "
                        f"{claim.period} but values[{year}] is "
                        f"{shown(self.values[year])}: a value's claim "
                        "must state that value for that year",
                    )

    @property
    def years(self) -> tuple[int, ...]:
        """The years with a value, in order.

        Example:
            >>> from bilat import Money, TradeSeries
            >>> TradeSeries(("KZ", "UZ"), "exports", {2020: Money(1, "USD")}).years
            (2020,)
        """
        return tuple(self.values)

    def latest(self, as_of: AsOf = None) -> tuple[int, Any] | None:
        """The latest year on or before ``as_of`` and its value, or None.

        Args:
            as_of: A date or an ISO date string (its year counts), a year,
                or None for the current year (read from the clock).

        Returns:
            ``(year, value)``, or None when every year is after ``as_of``.

        Example:
            >>> from bilat import Money, TradeSeries
            >>> s = TradeSeries(("KZ", "UZ"), "turnover",
            ...                 {2021: Money(3, "USD"), 2023: Money(4, "USD")})
            >>> s.latest(2024), s.latest(2022), s.latest(2020)
            ((2023, Money('4', 'USD')), (2021, Money('3', 'USD')), None)
        """
        cut = as_year(as_of)
        found = None
        for year, value in self.values.items():
            if year > cut:
                break
            found = (year, value)
        return found

    def sources_for(self, year: int) -> tuple[Source, ...]:
        """The sources of one year's value: its own, then the series'.

        Example:
            >>> from bilat import Money, Source, TradeSeries
            >>> meeting = Source("Ministers' meeting")
            >>> s = TradeSeries(("KZ", "UZ"), "turnover", {2022: Money("4.6e9", "USD")},
            ...                 value_sources={2022: (meeting,)})
            >>> s.sources_for(2022) == (meeting,)
            True
        """
        own = self.value_sources.get(check_year(year, "year"), ())
        return own + tuple(s for s in self.sources if s not in own)

    def is_approximate(self, year: int) -> bool:
        """Whether the value of ``year`` is an :class:`~bilat.Estimate` ("about $2 bn").

        Raises:
            ValidationError: ``year`` is not an int from 1 to 9999.

        Example:
            >>> from bilat import Estimate, Money, TradeSeries
            >>> s = TradeSeries(("KZ", "UZ"), "turnover",
            ...                 {2017: Estimate.parse("about $2 bn"), 2021: Money(3, "USD")})
            >>> s.is_approximate(2017), s.is_approximate(2021)
            (True, False)
        """
        return isinstance(self.values.get(check_year(year, "year")), Estimate)

    def _cagr(self, start: int, end: int) -> Decimal | None:
        """The growth rate between two years of the series, for ``cagr``.

        Both values are taken in the unit of the first year's value (money
        of one currency as it is; quantities converted exactly).
        """
        from bilat._measure import in_unit_of, stated

        for year in (start, end):
            if type(year) is not int or year not in self.values:
                raise InvalidOptionError("year", year, map(str, self.values))
        if start >= end:
            raise InvalidNumberError(
                (start, end), "year range", "a start year before the end year"
            )
        unit = stated(next(iter(self.values.values())))
        first, last = (
            in_unit_of(self.values[y], unit, year=y, rates=None, call="cagr()")
            for y in (start, end)
        )
        return growth_rate(first, last, end - start)

    def _tail_repr(self) -> list[str]:
        args = []
        if self.reporter is not None:
            args.append(f"reporter={self.reporter!r}")
        if self.sources:
            args.append(f"sources={self.sources!r}")
        if self.value_sources:
            per_year = ", ".join(f"{y}: {s!r}" for y, s in self.value_sources.items())
            args.append("value_sources={" + per_year + "}")
        if self.claims:
            per_year = ", ".join(f"{y}: {c!r}" for y, c in self.claims.items())
            args.append("claims={" + per_year + "}")
        return args


#: Subjects whose flow belongs to the first party: the order of parties matters.
DIRECTED = frozenset((TradeMetric.EXPORTS.value, TradeMetric.IMPORTS.value))


def same_parties(
    subject: str, first: tuple[Country, ...], second: tuple[Country, ...]
) -> bool:
    """Whether two sets of parties are the same for ``subject``.

    Parties compare as a set, except for exports and imports, whose flow is
    the first party's: there the first party must match too.

    Example:
        >>> from bilat import Country
        >>> from bilat._series import same_parties
        >>> kz, uz = Country("KZ"), Country("UZ")
        >>> same_parties("turnover", (kz, uz), (uz, kz)), same_parties("exports", (kz, uz), (uz, kz))
        (True, False)
    """
    if first == second:  # the common case, without building sets
        return True
    if set(first) != set(second):
        return False
    return subject not in DIRECTED or first[0] == second[0]


def _pick(
    claims: Iterable[Claim],
    prefer: Sequence[Preference] | None,
    *,
    reporter: CountryLike | None,
    subject: TradeMetric | str | None,
    parties: Iterable[CountryLike] | None,
    call: str,
) -> tuple[dict[int, Claim], str, tuple[Country, ...]]:
    """The claim picked for each year, with the claims' subject and parties."""
    from bilat._claims import Claim
    from bilat._ledger import DEFAULT_PREFER, choose

    kept = list(as_instances(claims, Claim, "claims"))
    wanted = None if subject is None else as_subject(subject)
    among = None if parties is None else any_parties(parties)
    if wanted is not None:
        kept = [c for c in kept if c.subject == wanted]
    if among is not None:
        kept = [c for c in kept if same_parties(c.subject, c.parties, among)]
    if not kept:
        raise invalid(
            "claims",
            "no claim to build a series from"
            + ("" if wanted is None else f" on {shown(wanted)}")
            + ("" if among is None else f" for {shown(among)}")
            + f": give {call} at least one claim",
        )
    who = None if reporter is None else as_country(reporter, "reporter")
    chosen = choose(kept, DEFAULT_PREFER if prefer is None else prefer, reporter=who)
    picked = {year: claim for year, (claim, _) in sorted(chosen.items())}
    # The parties as given, or as the earliest picked claim lists them: the
    # rule picks the same claims whatever the order they came in.
    first = picked[min(picked)]
    return picked, first.subject, first.parties if among is None else among


def any_parties(value: Iterable[CountryLike]) -> tuple[Country, ...]:
    """One or more distinct countries: the parties of a :class:`Series` or ``Target``."""
    return as_parties(value, least=1)


def _measures(value: Mapping[int, MeasureLike]) -> Mapping[int, Measure]:
    from bilat._measure import as_measure, describe, kind_key

    pairs = as_pairs(value, "values", "a mapping of year to a measure")
    if not pairs:
        raise invalid("values", "expected at least one year's value")
    checked: dict[int, Measure] = {}
    kind: tuple[str, str] | None = None
    first: Measure | None = None
    for year, item in pairs:
        checked_year = check_year(year, f"values[{shown(year)}]")
        measure = as_measure(item, f"values[{checked_year}]")
        found = kind_key(measure)
        if kind is None:
            kind, first = found, measure
        elif found != kind:
            assert first is not None
            raise invalid(
                f"values[{checked_year}]",
                f"{shown(measure)} is {describe(measure)} but the "
                f"first value is {describe(first)}: one series holds "
                "values of one kind (one currency, one dimension, "
                "or numbers)",
            )
        checked[checked_year] = measure
    return MappingProxyType(dict(sorted(checked.items())))


def _measures_key(mapping: Mapping[int, Measure]) -> tuple[tuple[int, object], ...]:
    from bilat._measure import measure_key

    return tuple((year, measure_key(value)) for year, value in mapping.items())


@public
@final
@attrs.frozen(repr=False)
class Series(_Yearly):
    """Yearly values of any measure between countries, as one reporter states them.

    The general case of :class:`TradeSeries`: the values may be Money or
    Estimates of one currency, quantities of one dimension (``Q_("106
    km")``; units may differ, ``106000 m`` is ``106 km``), or plain numbers
    (a count), and the subject is any text ("track laid"). A
    :class:`~bilat.Target` of the same subject and parties measures it.

    Args:
        parties: One or more distinct countries (a project of one country
            has a series too); for the subjects ``"exports"`` and
            ``"imports"`` the flow is the first party's.
        subject: What the values measure, as text (a :class:`TradeMetric`
            stands for its value).
        values: A mapping of year to a measure, all of one kind; stored
            read-only and sorted by year. Ints become Decimals.
        reporter: The country whose statement or statistics these are (one
            of the parties), or None.
        sources: Where the series as a whole comes from.
        value_sources: Per-year sources; each key must be a year in ``values``.
        claims: Per-year :class:`~bilat.Claim` each value was taken from.

    Raises:
        ValidationError: with the path of the offending field: no parties
            or one named twice, an empty subject, a year that is not an int, a value
            that is no measure, values of two kinds (the message names both),
            a reporter that is not a party.

    Example:
        >>> from bilat import Q_, Series
        >>> track = Series(("KZ", "UZ"), "track laid",
        ...                {2024: Q_("40 km"), 2025: Q_("106000 m")})
        >>> track.latest(2025)
        (2025, <Quantity(106000, 'meter')>)
        >>> round(track.cagr(2024, 2025), 3)
        Decimal('1.650')
    """

    parties: tuple[Country, ...] = attrs.field(converter=any_parties)
    subject: str = attrs.field(converter=subject_field)
    values: Mapping[int, Measure] = attrs.field(converter=_measures, eq=_measures_key)
    reporter: Country | None = attrs.field(
        default=None, kw_only=True, converter=_reporter
    )
    sources: tuple[Source, ...] = attrs.field(
        default=(), kw_only=True, converter=to_sources
    )
    value_sources: Mapping[int, tuple[Source, ...]] = attrs.field(
        factory=dict, kw_only=True, converter=_value_sources, eq=_mapping_key
    )
    claims: Mapping[int, Claim] = attrs.field(
        factory=dict, kw_only=True, converter=_claims, eq=_mapping_key
    )

    def __attrs_post_init__(self) -> None:
        self._check_years()

    @property
    def unit(self) -> Amount:
        """The first value's stated value: its currency, unit or number kind.

        Example:
            >>> from bilat import Q_, Series
            >>> Series(("KZ", "UZ"), "track", {2025: Q_("106 km")}).unit
            <Quantity(106, 'kilometer')>
        """
        from bilat._measure import stated

        return stated(next(iter(self.values.values())))

    def cagr(self, start: int, end: int) -> Decimal | None:
        """Compound annual growth rate between two years, as :meth:`TradeSeries.cagr`.

        Quantities are compared in the unit of the first value, exactly.

        Raises:
            InvalidOptionError: ``start`` or ``end`` is not a year of the series.
            InvalidNumberError: ``start`` is not before ``end``.

        Example:
            >>> from bilat import Series
            >>> Series(("KZ", "UZ"), "joint projects", {2020: 100, 2022: 121}).cagr(2020, 2022)
            Decimal('0.1')
        """
        return self._cagr(start, end)

    @classmethod
    def from_claims(
        cls,
        claims: Iterable[Claim],
        prefer: Sequence[Preference] | None = None,
        *,
        reporter: CountryLike | None = None,
        subject: str | TradeMetric | None = None,
        parties: Iterable[CountryLike] | None = None,
    ) -> Series:
        """One value per year from stated figures, as :meth:`TradeSeries.from_claims`.

        Example:
            >>> from bilat import Claim, Q_, Series, Source
            >>> news = Source("Baq.kz")
            >>> s = Series.from_claims([Claim("track laid", 2025, Q_("106 km"), news,
            ...                               parties=("KZ", "UZ"))])
            >>> s.subject, s.values[2025], s.claims[2025].source == news
            ('track laid', <Quantity(106, 'kilometer')>, True)
        """
        picked, found_subject, found_parties = _pick(
            claims,
            prefer,
            reporter=reporter,
            subject=subject,
            parties=parties,
            call="Series.from_claims()",
        )
        return cls(
            found_parties,
            found_subject,
            {year: claim.value for year, claim in picked.items()},
            reporter=reporter,
            value_sources={year: (claim.source,) for year, claim in picked.items()},
            claims=picked,
        )

    @classmethod
    def from_project(
        cls, project: Project, measure: str | None = None, *, subject: str | None = None
    ) -> Series:
        """What a project reports done of one of its measures, year by year.

        Each year with a :class:`~bilat.ProgressUpdate` of ``measure`` gives
        the ``done`` of its latest update that year (updates report how much
        is done so far, so the series is cumulative), with that update's
        sources. A :class:`~bilat.Target` on the same subject measures it:
        "152 km by 2026" against the track laid.

        Args:
            project: The project.
            measure: The measure's name; may be left out when the project
                has only one.
            subject: The series' subject; by default
                ``"<project name>: <measure>"``.

        Raises:
            ValidationError: ``project`` is not a Project, or has no update
                of ``measure``.
            InvalidOptionError: ``measure`` is not one of the project's.

        Example:
            >>> from bilat import ProgressUpdate, Project, Series
            >>> railway = Project("Railway", ("KZ", "UZ"), "underway",
            ...                   measures={"length": "152 km"},
            ...                   updates=[ProgressUpdate("2025-11-25", "length", "106 km")])
            >>> s = Series.from_project(railway)
            >>> s.subject, s.values
            ('Railway: length', mappingproxy({2025: <Quantity(106, 'kilometer')>}))
        """
        from bilat._project import Project

        if not isinstance(project, Project):
            raise invalid("project", f"expected a Project, got {shown(project)}")
        name = project._measure(measure)
        latest: dict[int, Any] = {}
        for update in sorted(
            (u for u in project.updates if u.measure == name), key=lambda u: u.date
        ):
            latest[update.date.year] = update
        if not latest:
            raise invalid(
                "updates",
                f"{shown(project.name)} has no update of {shown(name)}: "
                "add a ProgressUpdate to the project first",
            )
        return cls(
            project.parties,
            f"{project.name}: {name}" if subject is None else subject,
            {year: update.done for year, update in latest.items()},
            value_sources={
                year: update.sources
                for year, update in latest.items()
                if update.sources
            },
        )

    @overload
    def to_frame(
        self,
        *,
        exact: bool = ...,
        backend: Literal["pandas"] = ...,
        currency: CurrencyLike | None = ...,
        rates: ExchangeRates | None = ...,
    ) -> pd.DataFrame: ...
    @overload
    def to_frame(
        self,
        *,
        exact: bool = ...,
        backend: Literal["polars"],
        currency: CurrencyLike | None = ...,
        rates: ExchangeRates | None = ...,
    ) -> pl.DataFrame: ...
    def to_frame(
        self,
        *,
        exact: bool = False,
        backend: Backend = "pandas",
        currency: CurrencyLike | None = None,
        rates: ExchangeRates | None = None,
    ) -> pd.DataFrame | pl.DataFrame:
        """The series as a tidy frame, one row per year (``pandas`` extra).

        The columns of :meth:`TradeSeries.to_frame` (``parties``,
        ``subject``, ``reporter``, ``year``, ``value``,
        ``low``, ``high``, ``qualifier``, ``currency``, ``source``). For
        quantities, every value is given in the unit of the first one,
        converted exactly, and ``currency`` holds that unit's short symbol
        (``"km"``), so one column plots one scale; for plain numbers it is
        None.

        Amounts are float64 (each the exact value rounded once to the
        nearest float), ready for ``df.plot(x="year", y="value")``;
        ``exact=True`` keeps the exact Decimals.

        Args:
            exact: Decimal columns instead of floats.
            backend: ``"pandas"``, or ``"polars"`` for a polars frame with
                the same columns (the ``polars`` extra).
            currency: For money, add ``converted`` (each year's value in
                this currency) and ``converted_currency``; rows of
                quantities or numbers have None there.
            rates: The rates for ``currency``; each year converts at the
                rate on or before 31 December of that year.

        Raises:
            MissingExtraError: pandas (or polars) is not installed (``pip
                install 'bilat[pandas]'``).
            CurrencyMismatchError: ``currency`` differs from the series'
                and no ``rates`` were given.
            RateNotFoundError: ``rates`` cannot convert a year's value.

        Example:
            >>> from bilat import Q_, Series
            >>> track = Series(("KZ", "UZ"), "track laid",
            ...                {2024: Q_("40 km"), 2025: Q_("106000 m")})
            >>> track.to_frame()[["year", "value", "currency"]].values.tolist()
            [[2024, 40.0, 'km'], [2025, 106.0, 'km']]
            >>> track.to_frame(exact=True)["value"].tolist()
            [Decimal('40'), Decimal('106')]
        """
        from bilat._present.frames import frame_options, series_frame

        options = frame_options(
            "Series.to_frame()",
            exact=exact,
            backend=backend,
            currency=currency,
            rates=rates,
        )
        return series_frame(self, options)  # type: ignore[no-any-return]

    def __repr__(self) -> str:
        from bilat._measure import measure_repr

        values = ", ".join(f"{y}: {measure_repr(m)}" for y, m in self.values.items())
        args = [repr(self.parties), repr(self.subject), "{" + values + "}"]
        args.extend(self._tail_repr())
        return f"Series({', '.join(args)})"
