"""Trade series: yearly trade values between countries, as one reporter states them."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING, TypeAlias, final

import attrs

from bilat._country import Country, as_country, as_parties
from bilat._decimal import CONTEXT
from bilat._errors import InvalidNumberError, InvalidOptionError, ValidationError, shown
from bilat._fields import as_enum, as_pairs
from bilat._money import Money
from bilat._pickling import public
from bilat._roots import Enclosure, growth_and_root
from bilat._source import Source, as_date, as_sources

if TYPE_CHECKING:
    import os

    import pandas as pd

    from bilat._country import CountryLike
    from bilat._currency import Currency

__all__ = [
    "AsOf",
    "TradeMetric",
    "TradeSeries",
    "as_metric",
    "as_year",
    "check_year",
    "growth_rate",
    "growth_rate_and_root",
    "tidy",
]

#: What ``as_of=`` accepts: a date (its year is used), a year, or None for today.
AsOf: TypeAlias = dt.date | int | str | None

_ONE = Decimal(1)
_MINUS_ONE = Decimal(-1)


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
        raise ValidationError(
            [(path, f"expected a year as an int from 1 to 9999, got {shown(value)}")]
        )
    return value


def as_year(as_of: AsOf) -> int:
    """The year an ``as_of=`` argument stands for.

    A date (or datetime, or an ISO ``YYYY-MM-DD`` string) gives its year,
    an int is taken as a year, and None means the current year: this is the
    only place the trade functions read the clock.

    Raises:
        InvalidNumberError: ``as_of`` is none of these.

    Example:
        >>> from bilat._series import as_year
        >>> as_year("2025-06-30"), as_year(2024)
        (2025, 2024)
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
        except ValidationError:
            pass
    raise InvalidNumberError(
        as_of, "as_of", "a date, an ISO date 'YYYY-MM-DD', a year (int) or None"
    )


def growth_rate(start: Decimal, end: Decimal, years: int) -> Decimal | None:
    """Compound annual growth rate ``(end/start)^(1/years) − 1``, or None.

    The rate is defined only for a positive ``start``, a non-negative
    ``end`` and ``years > 0``; an ``end`` of zero gives exactly ``-1`` (the
    flow stopped). Otherwise it is correctly rounded: the true rate rounded
    once, half even, to the library precision (60 significant digits), for
    any number of years. One year's rate is the exact relative change
    divided once; over more years the root is approximated and its
    rounding proved, or taken exactly with integers in the rare case the
    approximation cannot decide (see :mod:`bilat._roots`).

    Example:
        >>> from decimal import Decimal
        >>> from bilat._series import growth_rate
        >>> growth_rate(Decimal(100), Decimal(121), 2)
        Decimal('0.1')
        >>> growth_rate(Decimal(3), Decimal(4), 1)
        Decimal('0.333333333333333333333333333333333333333333333333333333333333')
    """
    return growth_rate_and_root(start, end, years)[0]


def growth_rate_and_root(
    start: Decimal, end: Decimal, years: int
) -> tuple[Decimal | None, Enclosure | None]:
    """:func:`growth_rate`, with an interval proved to hold ``(end/start)^(1/years)``.

    The interval is there when the approximation gave the rate (else None),
    for a projection.
    """
    if years <= 0 or start <= 0 or end < 0:
        return None, None
    if not end:
        return _MINUS_ONE, None
    rate, root = growth_and_root(start, end, years)
    return tidy(rate), root


def tidy(value: Decimal) -> Decimal:
    """``value`` without trailing zeros (``0.1000…`` becomes ``0.1``), same number."""
    value = CONTEXT.normalize(value)
    if value.adjusted() < 1:  # below 10: no positive exponent to undo
        return value
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent > 0 and value.adjusted() < CONTEXT.prec:
        value = value.quantize(_ONE, context=CONTEXT)
    return value


# -- field converters ----------------------------------------------------------


def _values(value: object) -> Mapping[int, Money]:
    pairs = as_pairs(value, "values", "a mapping of year to Money")
    if not pairs:
        raise ValidationError([("values", "expected at least one year's value")])
    currency: Currency | None = None
    checked: dict[int, Money] = {}
    # Years given in order (as files and readers give them) need no sort.
    ordered = True
    last = 0
    for year, money in pairs:
        # The key is shown only when refused: shown() for every year cost a
        # tenth of the time of a large file's load.
        if type(year) is not int or not 1 <= year <= 9999:
            year = check_year(year, f"values[{shown(year)}]")  # noqa: PLW2901 - raises
        if type(money) is not Money:  # Money is final
            raise ValidationError(
                [(f"values[{year}]", f"expected a Money, got {shown(money)}")]
            )
        found = money.currency
        if currency is None:
            currency = found
        elif found is not currency and found != currency:
            raise ValidationError(
                [
                    (
                        f"values[{year}].currency",
                        (
                            f"{shown(found.code)} differs from "
                            f"{shown(currency.code)}: one series has one currency"
                        ),
                    )
                ]
            )
        if year <= last:
            ordered = False
        last = year
        checked[year] = money
    return MappingProxyType(checked if ordered else dict(sorted(checked.items())))


def _value_sources(value: object) -> Mapping[int, tuple[Source, ...]]:
    pairs = as_pairs(value, "value_sources", "a mapping of year to sources")
    checked = {
        check_year(year, f"value_sources[{shown(year)}]"): as_sources(
            sources, f"value_sources[{year}]"
        )
        for year, sources in pairs
    }
    return MappingProxyType(dict(sorted(checked.items())))


def _reporter(value: object) -> Country | None:
    return None if value is None else as_country(value, "reporter")


def _mapping_key(mapping: Mapping[int, object]) -> tuple[tuple[int, object], ...]:
    return tuple(mapping.items())


@public
@final
@attrs.frozen(repr=False)
class TradeSeries:
    """Yearly trade values between countries, from one reporter's statistics.

    Two official series for the same pair often differ (each side counts its
    own exports and imports, and officials quote rounded or preliminary
    figures), so keep one series per reporter or speaker instead of merging
    them.

    Args:
        parties: At least two distinct countries. For ``EXPORTS`` and
            ``IMPORTS`` the flow is the first party's.
        metric: What the values measure.
        values: A mapping of year to Money, all in one currency; stored
            read-only and sorted by year.
        reporter: The country whose statistics these are (one of the
            parties), or None when not known.
        sources: Where the series as a whole comes from.
        value_sources: Per-year sources, for values that each come from a
            different statement; each key must be a year in ``values``.

    Raises:
        ValidationError: with the path of the offending field: fewer than two
            parties, a year that is not an int, a value that is not Money,
            two currencies, a reporter that is not a party, a source that is
            not a :class:`Source`.

    Example:
        >>> from bilat import Country, Money, Source, TradeMetric, TradeSeries
        >>> s = TradeSeries(
        ...     (Country("KZ"), Country("UZ")),
        ...     TradeMetric.TURNOVER,
        ...     {2023: Money("4.4e9", "USD"), 2021: Money("3.9e9", "USD")},
        ...     reporter=Country("KZ"),
        ... )
        >>> s.years
        (2021, 2023)
        >>> s.latest(2022)
        (2021, Money('3.9E+9', 'USD'))
        >>> round(s.cagr(2021, 2023), 6)
        Decimal('0.062170')
    """

    parties: tuple[Country, ...] = attrs.field(converter=as_parties)
    metric: TradeMetric = attrs.field(converter=as_metric)
    values: Mapping[int, Money] = attrs.field(converter=_values, eq=_mapping_key)
    reporter: Country | None = attrs.field(
        default=None, kw_only=True, converter=_reporter
    )
    sources: tuple[Source, ...] = attrs.field(
        default=(), kw_only=True, converter=as_sources
    )
    value_sources: Mapping[int, tuple[Source, ...]] = attrs.field(
        factory=dict, kw_only=True, converter=_value_sources, eq=_mapping_key
    )

    @classmethod
    def _trusted(
        cls,
        parties: tuple[Country, Country],
        metric: TradeMetric,
        values: dict[int, Money],
        reporter: Country | None,
        sources: tuple[Source, ...],
    ) -> TradeSeries:
        """A series from fields bilat's own readers have already checked.

        Sets the fields directly, without the converters and checks of
        ``__init__``: reading a file of thousands of pairs spent most of its
        Python time re-checking what the reader had just checked. Only
        bilat's readers call it, and only with values that satisfy what
        ``TradeSeries(parties, metric, values, reporter=reporter,
        sources=sources)`` would make of them, so the result equals (and
        has the repr, hash and pickle of) the series that call builds:

        * ``parties`` is a tuple of two distinct :class:`Country` values;
        * ``metric`` is a :class:`TradeMetric` member;
        * ``values`` is a non-empty dict owned by the series from now on
          (no one else keeps or changes it), its keys ints from 1 to 9999
          in increasing order, its values :class:`Money` of one currency;
        * ``reporter`` is None or one of ``parties``;
        * ``sources`` is a tuple of :class:`Source` values.

        The series has no per-year sources. Anything a user gave goes
        through the public constructor instead.
        """
        self = _new_series(cls)
        _set_parties(self, parties)
        _set_metric(self, metric)
        _set_values(self, MappingProxyType(values))
        _set_reporter(self, reporter)
        _set_sources(self, sources)
        _set_value_sources(self, _NO_VALUE_SOURCES)
        return self

    def __attrs_post_init__(self) -> None:
        if self.reporter is not None and self.reporter not in self.parties:
            raise ValidationError(
                [
                    (
                        "reporter",
                        f"{shown(self.reporter)} is not one of the parties {shown(self.parties)}",
                    )
                ]
            )
        for year in self.value_sources:
            if year not in self.values:
                raise ValidationError(
                    [
                        (
                            f"value_sources[{year}]",
                            (
                                f"no value for {year} in values; years are "
                                f"{', '.join(map(str, self.values))}"
                            ),
                        )
                    ]
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

    @property
    def currency(self) -> Currency:
        """The one currency of every value."""
        return next(iter(self.values.values())).currency

    def latest(self, as_of: AsOf = None) -> tuple[int, Money] | None:
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

    def cagr(self, start: int, end: int) -> Decimal | None:
        """Compound annual growth rate between two years of the series.

        ``(v_end / v_start) ** (1 / (end - start)) - 1``, computed in
        bilat's decimal context at full precision (round it for display).

        Returns:
            The rate as a Decimal fraction (``0.05`` is 5 % a year), or None
            when it is undefined: a start value that is zero or negative, or
            a negative end value. An end value of zero gives ``-1``.

        Raises:
            InvalidOptionError: ``start`` or ``end`` is not a year of the
                series.
            InvalidNumberError: ``start`` is not before ``end``.

        Example:
            >>> from bilat import Money, TradeSeries
            >>> s = TradeSeries(("KZ", "UZ"), "turnover",
            ...                 {2020: Money(100, "USD"), 2022: Money(121, "USD")})
            >>> s.cagr(2020, 2022)
            Decimal('0.1')
        """
        for year in (start, end):
            if type(year) is not int or year not in self.values:
                raise InvalidOptionError("year", year, map(str, self.values))
        if start >= end:
            raise InvalidNumberError(
                (start, end), "year range", "a start year before the end year"
            )
        return growth_rate(
            self.values[start].amount, self.values[end].amount, end - start
        )

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

    @classmethod
    def from_comtrade(
        cls,
        path: str | os.PathLike[str],
        reporter: CountryLike,
        partner: CountryLike,
        *,
        metric: TradeMetric | str = TradeMetric.TURNOVER,
        accessed: dt.date | str | None = None,
    ) -> TradeSeries:
        r"""Read what ``reporter`` reports on trade with ``partner`` from UN Comtrade.

        Reads the website's CSV export (``.csv``) or the API v1's JSON
        (``.json``). Only national totals are kept (``cmdCode`` TOTAL,
        ``partner2Code`` 0, ``motCode`` 0, ``customsCode`` C00), turnover is
        exports (X) plus imports (M) in US dollars, and monthly data is added
        up only for complete years; years left out are noted in the source
        and warned about. The mirror view is the same file read with the
        countries swapped. The details are in :mod:`bilat.io._comtrade`.

        Args:
            path: The file.
            reporter: The country whose statistics are read.
            partner: The country it trades with.
            metric: ``TURNOVER``, or ``EXPORTS`` / ``IMPORTS`` of the
                reporter only.
            accessed: When the data was downloaded, for the source.

        Returns:
            A series in USD with ``reporter`` as reporter and a
            :class:`Source` naming the file, with the flow basis and any
            years left out in its note.

        Raises:
            ValidationError: the file is not a UN Comtrade file as expected,
                has no national totals for the pair, or holds conflicting
                duplicates; the error names the file and the place.
            InvalidOptionError: the suffix is neither ``.csv`` nor ``.json``.
            UnknownCountryError: ``reporter`` or ``partner`` is no country.

        Warns:
            IncompleteDataWarning: some years were left out.

        Example:
            >>> import pathlib, tempfile
            >>> from bilat import TradeSeries
            >>> lines = [
            ...     "freqCode,refYear,period,reporterCode,partnerCode,flowCode,"
            ...     "primaryValue",
            ...     "A,2023,2023,860,398,X,1700000000.5",
            ... ]
            >>> with tempfile.TemporaryDirectory() as tmp:
            ...     path = pathlib.Path(tmp, "uz-kz.csv")
            ...     _ = path.write_text("\n".join(lines), encoding="utf-8")
            ...     s = TradeSeries.from_comtrade(path, "UZ", "KZ", metric="exports")
            >>> s.values[2023], s.reporter, s.sources[0].title
            (Money('1700000000.5', 'USD'), Country('UZ'), 'UN Comtrade: uz-kz.csv')
        """
        from bilat.io._comtrade import read_pair

        return read_pair(path, reporter, partner, metric=metric, accessed=accessed)

    def to_frame(self) -> pd.DataFrame:
        """The series as a tidy pandas frame, one row per year (``pandas`` extra).

        Columns: ``parties`` (tuple of alpha-2 codes), ``metric``
        (``"turnover"``), ``reporter`` (alpha-2 code or None), ``year``
        (int), ``value`` (the exact Decimal amount, object dtype),
        ``currency`` (its code) and ``source`` (the titles of the year's
        sources, its own first, joined by ``"; "``; None without any). The
        amounts stay Decimal so nothing is rounded; ``df["value"].astype(float)``
        gives floats for a chart.

        Raises:
            MissingExtraError: pandas is not installed (``pip install
                'bilat[pandas]'``).

        Example:
            >>> from bilat import Money, Source, TradeSeries
            >>> values = {2022: Money("4.2e9", "USD"), 2023: Money("4.4e9", "USD")}
            >>> s = TradeSeries(("KZ", "UZ"), "turnover", values,
            ...                 reporter="KZ", sources=(Source("Kazakh statistics"),))
            >>> df = s.to_frame()
            >>> df[["year", "value", "currency", "reporter"]].values.tolist()
            [[2022, Decimal('4.2E+9'), 'USD', 'KZ'],
             [2023, Decimal('4.4E+9'), 'USD', 'KZ']]
            >>> df.loc[0, "source"]
            'Kazakh statistics'
        """
        from bilat._frames import series_frame

        return series_frame(self)

    def __repr__(self) -> str:
        values = ", ".join(f"{y}: {m!r}" for y, m in self.values.items())
        args = [
            repr(self.parties),
            f"TradeMetric.{self.metric.name}",
            "{" + values + "}",
        ]
        if self.reporter is not None:
            args.append(f"reporter={self.reporter!r}")
        if self.sources:
            args.append(f"sources={self.sources!r}")
        if self.value_sources:
            per_year = ", ".join(f"{y}: {s!r}" for y, s in self.value_sources.items())
            args.append("value_sources={" + per_year + "}")
        return f"TradeSeries({', '.join(args)})"


# The slots :meth:`TradeSeries._trusted` sets: a slot's own setter passes by
# the frozen class's ``__setattr__``, which refuses every change.
_new_series = object.__new__
_set_parties = TradeSeries.__dict__["parties"].__set__
_set_metric = TradeSeries.__dict__["metric"].__set__
_set_values = TradeSeries.__dict__["values"].__set__
_set_reporter = TradeSeries.__dict__["reporter"].__set__
_set_sources = TradeSeries.__dict__["sources"].__set__
_set_value_sources = TradeSeries.__dict__["value_sources"].__set__
#: The per-year sources of a series without any: read-only, so one serves all.
_NO_VALUE_SOURCES: Mapping[int, tuple[Source, ...]] = MappingProxyType({})
