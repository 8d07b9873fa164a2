"""Trade series: yearly trade values between countries, as one reporter states them."""

from __future__ import annotations

import datetime as dt
import enum
import math
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
    "tidy",
]

#: What ``as_of=`` accepts: a date (its year is used), a year, or None for today.
AsOf: TypeAlias = dt.date | int | str | None

_ONE = Decimal(1)
_MINUS_ONE = Decimal(-1)
#: Beyond these exponents and numbers of years, growth rates are left to
#: :meth:`decimal.Context.power` (the integers of an exact root would be huge).
_ROOT_LIMIT = 400


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

    Computed in the library context. The rate is defined only for a positive
    ``start``, a non-negative ``end`` and ``years > 0``; an ``end`` of zero
    gives exactly ``-1`` (the flow stopped). Over several years the root is
    taken exactly, with integers, and the rate rounded once to the context's
    precision (half even), which is some twenty times faster than
    :meth:`decimal.Context.power` at that precision.
    """
    if years <= 0 or start <= 0 or end < 0:
        return None
    if not end:
        return _MINUS_ONE
    if years == 1:
        return tidy(CONTEXT.subtract(CONTEXT.divide(end, start), _ONE))
    if max(abs(end.adjusted()), abs(start.adjusted()), years) > _ROOT_LIMIT:
        ratio = CONTEXT.power(
            CONTEXT.divide(end, start), CONTEXT.divide(_ONE, Decimal(years))
        )
        return tidy(CONTEXT.subtract(ratio, _ONE))
    return tidy(_root_minus_one(end, start, years))


def _iroot(number: int, n: int) -> int:
    """The integer part of the ``n``-th root of a non-negative int."""
    if number < 2:  # 0 and 1 are their own roots
        return number
    try:
        guess = int(math.exp(math.log(number) / n) * (1 + 1e-9)) + 2
    except OverflowError:
        guess = 1 << -(-number.bit_length() // n)
    root = guess
    while True:  # Newton's method from above
        step = ((n - 1) * root + number // root ** (n - 1)) // n
        if step >= root:
            break
        root = step
    while root**n > number:
        root -= 1
    while (root + 1) ** n <= number:
        root += 1
    return root


def _root_minus_one(end: Decimal, start: Decimal, n: int) -> Decimal:
    """``(end/start)^(1/n) − 1`` rounded half even to the context's precision.

    With ``q`` the root, ``A = floor(q·10^K)`` is an integer ``n``-th root;
    ``K`` is chosen so that ``q − 1`` has more digits than the precision
    before the point, and whether ``q·10^K`` is whole decides exact ties.
    """
    precision = CONTEXT.prec
    end_top, end_bottom = end.as_integer_ratio()
    start_top, start_bottom = start.as_integer_ratio()
    top, bottom = end_top * start_bottom, end_bottom * start_top
    if top == bottom:
        return Decimal(0)
    log_q = (math.log(top) - math.log(bottom)) / n
    if log_q > 0.5:  # q above 1.6: q − 1 is about q
        magnitude = math.floor(log_q / math.log(10))
    elif abs(log_q) > 1e-6:  # the float is still precise here
        magnitude = math.floor(math.log10(abs(math.expm1(log_q))))
    else:  # q − 1 ≈ (end/start − 1)/n
        spread = math.log10(abs(top - bottom)) - math.log10(bottom)
        magnitude = math.floor(spread - math.log10(n))
    places = max(0, precision + 3 - magnitude)
    while True:
        scale = 10**places
        scaled = top * scale**n
        root = _iroot(scaled // bottom, n)
        inexact = root**n * bottom != scaled
        negative = root < scale
        # |q − 1|·10^K lies in [digits, digits + 1), and is digits when exact.
        digits = scale - root - inexact if negative else root - scale
        length = len(str(digits)) if digits else 0
        if length > precision:
            break
        places += precision + 2 - length if digits else precision + 10
    unit = 10 ** (length - precision)
    kept, rest = divmod(digits, unit)
    half = unit // 2
    if rest > half or (rest == half and (inexact or kept % 2)):
        kept += 1
    exponent = length - precision - places
    if kept == 10**precision:
        kept //= 10
        exponent += 1
    return Decimal(f"{'-' if negative else ''}{kept}E{exponent}")


def tidy(value: Decimal) -> Decimal:
    """``value`` without trailing zeros (``0.1000…`` becomes ``0.1``), same number."""
    value = CONTEXT.normalize(value)
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
    for year, money in pairs:
        year = check_year(year, f"values[{shown(year)}]")  # noqa: PLW2901
        if not isinstance(money, Money):
            raise ValidationError(
                [(f"values[{year}]", f"expected a Money, got {shown(money)}")]
            )
        if currency is None:
            currency = money.currency
        elif money.currency != currency:
            raise ValidationError(
                [
                    (
                        f"values[{year}].currency",
                        (
                            f"{shown(money.currency.code)} differs from "
                            f"{shown(currency.code)}: one series has one currency"
                        ),
                    )
                ]
            )
        checked[year] = money
    return MappingProxyType(dict(sorted(checked.items())))


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
        from bilat.io._comtrade import read_comtrade

        return read_comtrade(path, reporter, partner, metric=metric, accessed=accessed)

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
