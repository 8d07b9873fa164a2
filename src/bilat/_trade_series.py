"""Trade series: yearly trade values between countries, as one reporter states them.

The trade case of :class:`~bilat.Series`: a :class:`~bilat.TradeMetric` in
money, read from UN Comtrade or built from claims.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal, cast, final, overload

import attrs

from bilat._country import Country, to_parties
from bilat._errors import shown
from bilat._estimate import Estimate
from bilat._fields import as_enum, as_pairs, invalid
from bilat._money import Money
from bilat._pickling import public
from bilat._series import (
    _NOTHING,
    TradeMetric,
    _claims,
    _mapping_key,
    _pick,
    _reporter,
    _value_sources,
    _Yearly,
    check_year,
    metric_field,
)
from bilat._source import Source, to_sources

if TYPE_CHECKING:
    import os

    import pandas as pd
    import polars as pl

    from bilat._claims import Claim
    from bilat._country import CountryLike
    from bilat._currency import Currency, CurrencyLike
    from bilat._ledger import Preference
    from bilat._measure import Measure
    from bilat._present.frames import Backend
    from bilat._rates import ExchangeRates

__all__ = ["TradeSeries"]


def _values(value: Mapping[int, Money | Estimate]) -> Mapping[int, Money | Estimate]:
    pairs = as_pairs(value, "values", "a mapping of year to Money or Estimate")
    if not pairs:
        raise invalid("values", "expected at least one year's value")
    currency: Currency | None = None
    checked: dict[int, Money | Estimate] = {}
    # Years given in order (as files and readers give them) need no sort.
    ordered = True
    last = 0
    for year, money in pairs:
        # The key is shown only when refused: shown() for every year cost a
        # tenth of the time of a large file's load.
        if type(year) is not int or not 1 <= year <= 9999:
            year = check_year(year, f"values[{shown(year)}]")  # noqa: PLW2901 - raises
        if type(money) is not Money and type(money) is not Estimate:  # both final
            raise invalid(
                f"values[{year}]",
                f"expected a Money or an Estimate, got {shown(money)}",
            )
        found = money.currency
        if currency is None:
            currency = found
        elif found is not currency and found != currency:
            raise invalid(
                f"values[{year}].currency",
                f"{shown(found.code)} differs from "
                f"{shown(currency.code)}: one series has one currency",
            )
        if year <= last:
            ordered = False
        last = year
        checked[year] = money
    return MappingProxyType(checked if ordered else dict(sorted(checked.items())))


def _unchecked(values: Mapping[int, Measure]) -> Mapping[int, Money | Estimate]:
    """Claims' values as they are, for ``TradeSeries`` to check.

    A claim may state a quantity or a number; the constructor refuses such a
    value with the year's path (``values[2024]``), so it is passed on as is.
    """
    return cast("Mapping[int, Money | Estimate]", values)


@public
@final
@attrs.frozen(repr=False)
class TradeSeries(_Yearly):
    """Yearly trade values between countries, from one reporter's statistics.

    Two official series for the same pair often differ (each side counts its
    own exports and imports, and officials quote rounded or preliminary
    figures), so keep one series per reporter or speaker instead of merging
    them.

    Args:
        parties: At least two distinct countries. For ``EXPORTS`` and
            ``IMPORTS`` the flow is the first party's.
        metric: What the values measure.
        values: A mapping of year to Money or :class:`~bilat.Estimate`
            ("over $3 bn"), all in one currency; stored read-only and
            sorted by year. Progress uses an Estimate's stated value and
            says the figure was approximate.
        reporter: The country whose statistics these are (one of the
            parties), or None when not known.
        sources: Where the series as a whole comes from.
        value_sources: Per-year sources, for values that each come from a
            different statement; each key must be a year in ``values``.
        claims: Per-year :class:`~bilat.Claim` each value was taken from
            (see :meth:`from_claims`); each must state that year's value.

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

    parties: tuple[Country, ...] = attrs.field(converter=to_parties)
    metric: TradeMetric = attrs.field(converter=metric_field)
    values: Mapping[int, Money | Estimate] = attrs.field(
        converter=_values, eq=_mapping_key
    )
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
        _set_value_sources(self, _NOTHING)
        _set_claims(self, _NOTHING)
        return self

    def __attrs_post_init__(self) -> None:
        self._check_years()

    @property
    def subject(self) -> str:
        """What the series measures, as text: its metric's value (``"turnover"``)."""
        return self.metric.value

    @property
    def currency(self) -> Currency:
        """The one currency of every value."""
        return next(iter(self.values.values())).currency

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
        return self._cagr(start, end)

    @classmethod
    def from_claims(
        cls,
        claims: Iterable[Claim],
        prefer: Sequence[Preference] | None = None,
        *,
        reporter: CountryLike | None = None,
        subject: TradeMetric | str | None = None,
        parties: Iterable[CountryLike] | None = None,
    ) -> TradeSeries:
        """One value per year from stated figures, picked by a documented rule.

        The claims on one subject (a trade metric) and one pair are grouped
        by year, and in each year one claim is picked by the criteria of
        ``prefer`` in order (see :func:`bilat._ledger.choose` and the
        methodology page): by default the reporter's own statements, then
        exact figures over estimates, then the latest statement, then the
        most precise. Each value keeps its claim (:attr:`claims`) and the
        claim's source (:attr:`value_sources`).

        Args:
            claims: The claims; with ``subject`` or ``parties`` given, those
                on other subjects or parties are left out.
            prefer: The criteria, in order; None for the default.
            reporter: The country whose own statements come first; also
                the series' reporter.
            subject: Keep only claims on this metric.
            parties: Keep only claims on these parties.

        Raises:
            ValidationError: no claim is left, the claims are on more than
                one subject or pair (filter with ``subject=``/``parties=``),
                or their subject is not a trade metric.
            InvalidOptionError: an unknown criterion in ``prefer``.

        Example:
            >>> from bilat import Claim, Source, TradeSeries
            >>> meeting, government = Source("Ministers' meeting"), Source("Government")
            >>> claims = [
            ...     Claim("turnover", 2022, "$4.6 billion", meeting, parties=("KZ", "UZ"),
            ...           stated="2023-09-22"),
            ...     Claim("turnover", 2022, "$5.0 billion", government,
            ...           parties=("KZ", "UZ"), said_by="KZ"),
            ...     Claim("turnover", 2023, "over $4.6 billion", meeting,
            ...           parties=("KZ", "UZ")),
            ... ]
            >>> s = TradeSeries.from_claims(claims)
            >>> s.values[2022], s.values[2023]
            (Money('4600000000', 'USD'), Estimate(Money('4600000000', 'USD'), Qualifier.OVER))
            >>> TradeSeries.from_claims(claims, reporter="KZ").values[2022]
            Money('5000000000', 'USD')
        """
        picked, found_subject, found_parties = _pick(
            claims,
            prefer,
            reporter=reporter,
            subject=subject,
            parties=parties,
            call="TradeSeries.from_claims()",
        )
        return cls(
            found_parties,
            as_enum(
                found_subject,
                TradeMetric,
                "subject",
                "trade metric (build a Series for other subjects)",
            ),
            _unchecked({year: claim.value for year, claim in picked.items()}),
            reporter=reporter,
            value_sources={year: (claim.source,) for year, claim in picked.items()},
            claims=picked,
        )

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

        Columns: ``parties`` (tuple of alpha-2 codes), ``subject`` (the
        metric, ``"turnover"``), ``reporter`` (alpha-2 code or None), ``year``
        (int), ``value`` (the stated amount), ``low`` and ``high`` (its
        bounds: all three equal for Money), ``qualifier`` (``"exact"``, or
        the :class:`Qualifier` value of an Estimate), ``currency`` (its
        code) and ``source`` (the titles of the year's sources, its own
        first, joined by ``"; "``; None without any).

        Amounts are float64, so ``df.plot(x="year", y="value")`` draws the
        series; each is the exact amount rounded once to the nearest float.
        ``exact=True`` keeps the exact Decimals (``object`` columns).

        Args:
            exact: Decimal columns instead of floats.
            backend: ``"pandas"``, or ``"polars"`` for a polars frame with
                the same columns (the ``polars`` extra).
            currency: Add ``converted`` (each year's value in this
                currency) and ``converted_currency`` after ``currency``.
            rates: The rates for ``currency``; each year converts at the
                rate on or before 31 December of that year. Not needed when
                the series is already in ``currency``.

        Raises:
            MissingExtraError: pandas (or polars) is not installed (``pip
                install 'bilat[pandas]'``).
            CurrencyMismatchError: ``currency`` differs from the series'
                and no ``rates`` were given.
            RateNotFoundError: ``rates`` cannot convert a year's value.

        Example:
            >>> from bilat import Money, Source, TradeSeries
            >>> values = {2022: Money("4.2e9", "USD"), 2023: Money("4.4e9", "USD")}
            >>> s = TradeSeries(("KZ", "UZ"), "turnover", values,
            ...                 reporter="KZ", sources=(Source("Kazakh statistics"),))
            >>> df = s.to_frame()
            >>> df[["year", "value", "currency", "reporter"]].values.tolist()
            [[2022, 4200000000.0, 'USD', 'KZ'],
             [2023, 4400000000.0, 'USD', 'KZ']]
            >>> (df["value"] / 1e9).round(1).tolist()
            [4.2, 4.4]
            >>> s.to_frame(exact=True)["value"].tolist()
            [Decimal('4.2E+9'), Decimal('4.4E+9')]
            >>> df.loc[0, "source"]
            'Kazakh statistics'
        """
        from bilat._present.frames import frame_options, series_frame

        options = frame_options(
            "TradeSeries.to_frame()",
            exact=exact,
            backend=backend,
            currency=currency,
            rates=rates,
        )
        return series_frame(self, options)  # type: ignore[no-any-return]

    def __repr__(self) -> str:
        values = ", ".join(f"{y}: {m!r}" for y, m in self.values.items())
        args = [
            repr(self.parties),
            f"TradeMetric.{self.metric.name}",
            "{" + values + "}",
            *self._tail_repr(),
        ]
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
_set_claims = TradeSeries.__dict__["claims"].__set__
