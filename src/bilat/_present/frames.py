"""Tidy frames of bilat's values (the ``pandas`` extra; ``polars`` too).

Every frame has one row per observation and a default ``RangeIndex``, so
frames of several series or portfolios can be joined with
:func:`pandas.concat`. The same things have the same column names in every
frame: ``value``, ``low`` and ``high`` (a stated value and its bounds),
``qualifier``, ``currency``, ``year``, ``parties``, ``subject`` (what a
series', target's or claim's figures are of: a trade metric such as
``"turnover"``, or any text such as ``"Darbaza–Maktaaral railway:
length"``), ``source``. The column types follow one rule:

* Amounts, bounds and ratios are ``float64`` by default, so that
  ``df.plot(x="year", y="value")`` and ``df["value"] / 1e9`` work; each
  float is the Decimal rounded once, to the nearest float
  (``float(decimal)``). Floats are for charts and quick arithmetic: with
  ``exact=True`` the same columns hold the exact
  :class:`~decimal.Decimal` values (``object`` dtype), and sums of them
  stay exact. The currency of a row's amounts is in its own ``currency``
  column (a code such as ``"USD"``; a quantity's short unit symbol such as
  ``"km"``; None for a plain number), so a frame never mixes currencies
  unseen. A missing amount is NaN (None with ``exact=True``).
* ``currency=`` with ``rates=`` adds two columns after ``currency``:
  ``converted`` (the row's stated value in that currency, float64 or
  Decimal as above) and ``converted_currency`` (its code). Rows of a year
  (series, claims) convert at the rate on or before 31 December of that
  year; other rows at ``on`` (the newest rate when None). A row already in
  that currency needs no rate; a row without money (a quantity, a number,
  no value) has None.
* Counts and years are ``int64``; a year that can be missing is the
  nullable ``Int64`` (``pd.NA`` when missing). A count too large for 64
  bits (``2**63`` or more) makes its column ``object``, of Python ints,
  rather than wrap around or fail: a frame keeps every count exactly.
* Text, codes and enum values (``"underway"``) are ``object`` columns of
  :class:`str`, with None when missing. Parties are a tuple of ISO 3166
  alpha-2 codes (``("KZ", "UZ")``); ``df.explode("parties")`` gives one row
  per party.
* Dates are :class:`datetime.date` objects (``object``), None when unknown:
  a project's start or end may be known only to the year, which is then an
  ``int`` (a frame does not invent a day). ``pd.to_datetime(df["signed"])``
  converts when a datetime column is wanted.
* ``source`` holds the titles of the row's sources joined by ``"; "``, or
  None when there are none.

``backend="polars"`` returns a :class:`polars.DataFrame` with the same
columns: floats are ``Float64``, exact amounts ``Object`` (polars' own
decimal type holds at most 38 digits at one scale per column, too few for
bilat's amounts), counts and years ``Int64``, parties ``List(String)``,
dates ``Date`` (``Object`` where a column mixes dates and years).
"""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, overload

from bilat._errors import (
    ArgumentTypeError,
    CurrencyMismatchError,
    MissingExtraError,
    shown,
)
from bilat._estimate import Estimate, Qualifier
from bilat._fields import as_date, as_option, invalid
from bilat._money import Money

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    import pandas as pd
    import polars as pl

    from bilat._agreement import Agreement
    from bilat._claims import Claim
    from bilat._country import Country
    from bilat._currency import Currency, CurrencyLike
    from bilat._dossier import Dossier
    from bilat._measure import Measure
    from bilat._measured import Progress
    from bilat._portfolio import Portfolio
    from bilat._project import Project
    from bilat._rates import ExchangeRates
    from bilat._series import Series
    from bilat._source import Source
    from bilat._target import AnyTarget
    from bilat._trade_series import TradeSeries

__all__ = [
    "PROGRESS_COLUMNS",
    "Backend",
    "DossierFrame",
    "Frame",
    "FrameOptions",
    "agreements_frame",
    "dossier_frame",
    "frame_options",
    "portfolio_frame",
    "progress_frame",
    "progress_row",
    "series_frame",
    "targets_frame",
]

#: What :meth:`Dossier.to_frame` can tabulate.
DossierFrame: TypeAlias = Literal[
    "agreements", "projects", "series", "targets", "claims"
]

#: The libraries a frame can be built with.
Backend: TypeAlias = Literal["pandas", "polars"]

#: What a ``to_frame`` returns: a pandas frame, or a polars one.
Frame: TypeAlias = "pd.DataFrame | pl.DataFrame"

_Row: TypeAlias = dict[str, object]

#: The kinds of column (see the module's docstring for the types of each).
_DECIMAL = "decimal"
_TEXT = "object"
_CODES = "codes"
_DATE = "date"
_INT = "int64"
_YEAR = "Int64"

_VALUE_COLUMNS: Mapping[str, str] = {
    "value": _DECIMAL,
    "low": _DECIMAL,
    "high": _DECIMAL,
    "qualifier": _TEXT,
    "currency": _TEXT,
}

_SERIES_COLUMNS: Mapping[str, str] = {
    "parties": _CODES,
    "subject": _TEXT,
    "reporter": _TEXT,
    "year": _INT,
    **_VALUE_COLUMNS,
    "source": _TEXT,
}

_CLAIM_COLUMNS: Mapping[str, str] = {
    "subject": _TEXT,
    "parties": _CODES,
    "year": _INT,
    "text": _TEXT,
    **_VALUE_COLUMNS,
    "precision": _DECIMAL,
    "said_by": _TEXT,
    "stated": _DATE,
    "source": _TEXT,
}

_PROJECT_COLUMNS: Mapping[str, str] = {
    "name": _TEXT,
    "parties": _CODES,
    "status": _TEXT,
    "count": _INT,
    **_VALUE_COLUMNS,
    "sector": _TEXT,
    "start": _DATE,
    "end": _DATE,
    "location": _TEXT,
    "source": _TEXT,
}

#: The columns of :func:`progress_frame` and their kinds.
PROGRESS_COLUMNS: Mapping[str, str] = {
    "parties": _CODES,
    "subject": _TEXT,
    "reporter": _TEXT,
    "as_of": _INT,
    "deadline": _YEAR,
    "target": _DECIMAL,
    "currency": _TEXT,
    "base_year": _YEAR,
    "base": _DECIMAL,
    "year": _YEAR,
    "current": _DECIMAL,
    "share": _DECIMAL,
    "gap": _DECIMAL,
    "actual_cagr": _DECIMAL,
    "planned_cagr": _DECIMAL,
    "required_cagr": _DECIMAL,
    "growth_ratio": _DECIMAL,
    "projected": _DECIMAL,
    "anticipated": _DECIMAL,
    "eta": _YEAR,
    "status": _TEXT,
    "out_of_range": _TEXT,
}

_AGREEMENT_COLUMNS: Mapping[str, str] = {
    "title": _TEXT,
    "kind": _TEXT,
    "parties": _CODES,
    "signed": _DATE,
    "in_force": _DATE,
    "ends": _DATE,
    "terminated": _DATE,
    "status": _TEXT,
    "source": _TEXT,
}

_TARGET_COLUMNS: Mapping[str, str] = {
    "parties": _CODES,
    "subject": _TEXT,
    **_VALUE_COLUMNS,
    "deadline": _YEAR,
    "baseline_year": _YEAR,
    "agreement": _TEXT,
    "source": _TEXT,
}

_BACKENDS = ("pandas", "polars")


# -- options ---------------------------------------------------------------------------


class FrameOptions:
    """The checked options of one ``to_frame`` call (see :func:`frame_options`)."""

    __slots__ = ("backend", "call", "currency", "exact", "on", "rates")

    def __init__(
        self,
        call: str,
        *,
        exact: bool,
        backend: str,
        currency: Currency | None,
        rates: ExchangeRates | None,
        on: dt.date | None,
    ) -> None:
        self.call = call
        self.exact = exact
        self.backend = backend
        self.currency = currency
        self.rates = rates
        self.on = on

    def columns(self, columns: Mapping[str, str]) -> Mapping[str, str]:
        """``columns``, with ``converted`` and ``converted_currency`` when asked."""
        if self.currency is None:
            return columns
        out: dict[str, str] = {}
        for name, kind in columns.items():
            out[name] = kind
            if name == "currency":
                out["converted"] = _DECIMAL
                out["converted_currency"] = _TEXT
        return out

    def converted(self, value: Measure | None, year: int | None = None) -> _Row:
        """The ``converted`` cells of a row whose value is ``value``.

        Raises:
            CurrencyMismatchError: another currency and no ``rates``.
            RateNotFoundError: ``rates`` cannot convert it.
        """
        target = self.currency
        if target is None:
            return {}
        money = value.value if isinstance(value, Estimate) else value
        if not isinstance(money, Money):
            return {"converted": None, "converted_currency": None}
        if money.currency == target:
            number = money.amount
        elif self.rates is None:
            raise CurrencyMismatchError(
                money.currency.code,
                target.code,
                self.call,
                hint=f"pass rates= to {self.call}",
            )
        else:
            on = self.on if year is None else dt.date(year, 12, 31)
            number = money.to(target, self.rates, on=on).amount
        return {"converted": number, "converted_currency": target.code}


def frame_options(
    call: str,
    *,
    exact: object = False,
    backend: object = "pandas",
    currency: CurrencyLike | None = None,
    rates: ExchangeRates | None = None,
    on: dt.date | str | None = None,
) -> FrameOptions:
    """Check the options every ``to_frame`` takes, once, before any row is built.

    Raises:
        ArgumentTypeError: ``exact`` is not True or False.
        InvalidOptionError: ``backend`` is not ``"pandas"`` or ``"polars"``.
        UnknownCurrencyError: ``currency`` is not a currency.
        ValidationError: ``rates`` without ``currency``; ``rates`` is not an
            ExchangeRates; ``on`` is not a date.

    Example:
        >>> from bilat._present.frames import frame_options
        >>> frame_options("Portfolio.to_frame()", exact="yes")
        Traceback (most recent call last):
        ...
        bilat.ArgumentTypeError: exact: expected True or False ...
    """
    if not isinstance(exact, bool):
        raise ArgumentTypeError(
            [
                (
                    "exact",
                    (
                        f"expected True or False in {call}, got {shown(exact)}: "
                        "exact=True keeps Decimal columns, exact=False gives floats"
                    ),
                )
            ]
        )
    chosen = as_option(backend, _BACKENDS, "frame backend")
    money: Currency | None = None
    if currency is not None:
        from bilat._currency import as_currency

        money = as_currency(currency)
    if rates is not None:
        from bilat._rates import expect_rates

        expect_rates(rates, call)
        if money is None:
            raise invalid(
                "rates",
                (
                    f"rates= without currency= in {call}: name the "
                    f"currency to convert to, as in "
                    f"{call[:-1]}currency='USD', rates=rates)"
                ),
            )
    day = None if on is None else as_date(on, "on")
    return FrameOptions(
        call, exact=exact, backend=chosen, currency=money, rates=rates, on=day
    )


# -- building --------------------------------------------------------------------------


def _frame(
    feature: str,
    columns: Mapping[str, str],
    rows: Iterable[_Row],
    options: FrameOptions | None = None,
) -> Any:
    """A frame of ``rows`` with ``columns`` (name to kind), in that order.

    Raises:
        MissingExtraError: pandas (or polars) is not installed.
    """
    exact = False if options is None else options.exact
    if options is not None and options.backend == "polars":
        return _polars_frame(feature, columns, list(rows), exact=exact)
    try:
        import pandas as pd
    except ImportError as e:
        raise MissingExtraError("pandas", "pandas", feature) from e
    rows = list(rows)
    series = {}
    for name, kind in columns.items():
        cells = [row[name] for row in rows]
        if kind == _DECIMAL and not exact:
            series[name] = pd.Series(_floats(cells), dtype="float64")
        else:
            series[name] = pd.Series(cells, dtype=_pandas_dtype(kind, cells))
    return pd.DataFrame(series, index=pd.RangeIndex(len(rows)))


def _floats(cells: Iterable[object]) -> list[float]:
    """Each Decimal as the nearest float (``float(d)`` rounds once); None is NaN."""
    return [math.nan if c is None else float(c) for c in cells]  # type: ignore[arg-type]


def _polars_frame(
    feature: str, columns: Mapping[str, str], rows: list[_Row], *, exact: bool
) -> Any:
    try:
        import polars as pl
    except ImportError as e:
        raise MissingExtraError("polars", "polars", feature) from e
    data = []
    for name, kind in columns.items():
        cells: list[object] = [row[name] for row in rows]
        dtype: Any
        if kind == _DECIMAL:
            if exact:
                dtype = pl.Object
            else:
                dtype = pl.Float64
                cells = [None if c is None else float(c) for c in cells]  # type: ignore[arg-type]
        elif kind in {_INT, _YEAR}:
            dtype = pl.Object if _pandas_dtype(kind, cells) == "object" else pl.Int64
        elif kind == _CODES:
            dtype = pl.List(pl.String)
            cells = [None if c is None else list(c) for c in cells]  # type: ignore[call-overload]
        elif kind == _DATE:
            dates = all(c is None or type(c) is dt.date for c in cells)
            dtype = pl.Date if dates else pl.Object
        else:
            dtype = pl.String
        data.append(pl.Series(name, cells, dtype=dtype))
    return pl.DataFrame(data)


_INT64 = range(-(2**63), 2**63)


def _iterable(value: object) -> bool:
    try:
        iter(value)  # type: ignore[call-overload]
    except Exception:  # noqa: BLE001  # an object's own __iter__ may raise anything
        return False
    return True


def _pandas_dtype(kind: str, values: Sequence[object]) -> str:
    """The pandas dtype of a column of ``kind``.

    ``object`` for integers that 64 bits cannot hold, and for text, codes,
    dates and exact Decimals.
    """
    if kind in {_INT, _YEAR}:
        if any(isinstance(v, int) and v not in _INT64 for v in values):
            return "object"
        return kind
    return "object"


# -- cells -----------------------------------------------------------------------------


def _codes(countries: Iterable[Country]) -> tuple[str, ...]:
    return tuple(c.alpha2 for c in countries)


def _code(country: Country | None) -> str | None:
    return None if country is None else country.alpha2


def _titles(sources: Sequence[Source]) -> str | None:
    return "; ".join(s.title for s in sources) if sources else None


def _value_cells(value: Measure | None, scale: Any = None) -> _Row:
    """``value``, ``low``, ``high``, ``qualifier`` and ``currency`` of a value.

    For a quantity ``currency`` holds its short unit symbol (``"km"``); for
    a plain number it is None. A quantity is given in the unit of the
    quantity ``scale`` (converted exactly) when there is one.
    """
    if value is None:
        return dict.fromkeys(_VALUE_COLUMNS)
    if not isinstance(value, Money | Estimate):
        from bilat._measure import amount, unit_label

        if scale is not None:
            from bilat._units import convert

            number = convert(value, scale.units)
            label = unit_label(scale)
        else:
            number, label = amount(value), unit_label(value)
        return {
            "value": number,
            "low": number,
            "high": number,
            "qualifier": Qualifier.EXACT.value,
            "currency": label,
        }
    if isinstance(value, Money):
        return {
            "value": value.amount,
            "low": value.amount,
            "high": value.amount,
            "qualifier": Qualifier.EXACT.value,
            "currency": value.currency.code,
        }
    return {
        "value": value.value.amount,
        "low": value.low.amount,
        "high": value.high.amount,
        "qualifier": value.qualifier.value,
        "currency": value.currency.code,
    }


def _amount(value: Measure | None) -> object:
    if value is None:
        return None
    from bilat._measure import amount

    return amount(value)


# -- trade series ----------------------------------------------------------------------


def _series_rows(series: TradeSeries | Series, options: FrameOptions) -> list[_Row]:
    from bilat._measure import is_quantity
    from bilat._series import Series

    parties = _codes(series.parties)
    unit = series.unit if isinstance(series, Series) and series.values else None
    scale = unit if is_quantity(unit) else None
    return [
        {
            "parties": parties,
            "subject": series.subject,
            "reporter": _code(series.reporter),
            "year": year,
            **_value_cells(value, scale),
            **options.converted(value, year),
            "source": _titles(series.sources_for(year)),
        }
        for year, value in series.values.items()
    ]


def series_frame(series: TradeSeries | Series, options: FrameOptions) -> Any:
    """A series as a tidy frame, one row per year; see its ``to_frame``.

    Example:
        >>> from bilat import Money, TradeSeries
        >>> from bilat._present.frames import frame_options, series_frame
        >>> s = TradeSeries(("KZ", "UZ"), "turnover", {2023: Money("4.4e9", "USD")})
        >>> series_frame(s, frame_options("to_frame()")).loc[0, "value"]
        np.float64(4400000000.0)
    """
    return _frame(
        options.call,
        options.columns(_SERIES_COLUMNS),
        _series_rows(series, options),
        options,
    )


# -- portfolios ------------------------------------------------------------------------


def _project_rows(projects: Iterable[Project], options: FrameOptions) -> list[_Row]:
    return [
        {
            "name": p.name,
            "parties": _codes(p.parties),
            "status": p.status.value,
            "count": p.count,
            **_value_cells(p.value),
            **options.converted(p.value),
            "sector": p.sector,
            "start": p.start,
            "end": p.end,
            "location": p.location,
            "source": _titles(p.sources),
        }
        for p in projects
    ]


def portfolio_frame(portfolio: Portfolio, options: FrameOptions) -> Any:
    """A portfolio as a tidy frame, one row per project line; see its ``to_frame``.

    Example:
        >>> from bilat import Money, Portfolio, Project
        >>> from bilat._present.frames import frame_options, portfolio_frame
        >>> p = Portfolio([Project("Road", ["KZ"], "underway", value=Money(5, "USD"))])
        >>> df = portfolio_frame(p, frame_options("to_frame()", exact=True))
        >>> df.loc[0, ["name", "value", "currency"]].tolist()
        ['Road', Decimal('5'), 'USD']
    """
    return _frame(
        options.call,
        options.columns(_PROJECT_COLUMNS),
        _project_rows(portfolio, options),
        options,
    )


# -- progress --------------------------------------------------------------------------


@overload
def progress_frame(
    progresses: Iterable[Progress[Any]],
    *,
    exact: bool = ...,
    backend: Literal["pandas"] = ...,
) -> pd.DataFrame: ...
@overload
def progress_frame(
    progresses: Iterable[Progress[Any]],
    *,
    exact: bool = ...,
    backend: Literal["polars"],
) -> pl.DataFrame: ...
def progress_frame(
    progresses: Iterable[Progress[Any]],
    *,
    exact: bool = False,
    backend: Backend = "pandas",
) -> Frame:
    """Several :class:`Progress` results as a tidy frame, one row each.

    A list has no method, so this is a function: pass the results of
    :meth:`TradeTarget.progress`, for instance one per reporter's series or
    one per year of ``as_of``.

    Columns:
        ``parties`` (tuple of alpha-2 codes), ``subject``, ``reporter``
        (alpha-2 code or None): of the series measured. ``as_of`` (int),
        ``deadline`` (Int64), ``target`` (the target's stated amount),
        ``currency`` (the target's: every amount of the row is in it),
        ``base_year``, ``base``, ``year``, ``current``; ``share``, ``gap``,
        ``actual_cagr``, ``planned_cagr``, ``required_cagr``,
        ``growth_ratio``, ``projected``, ``anticipated`` as float64 (NaN
        when not computable, None on :class:`Progress`; Decimals with
        ``exact=True``); ``eta`` (Int64),
        ``status`` (the :class:`ProgressStatus` value, ``"off_track"``) and
        ``out_of_range``: the figures left None because they lie beyond
        bilat's range, with the reason (``"projected: too_large"``, several
        joined by ``"; "``), or None.

    Args:
        progresses: Progress values, in the order wanted for the rows.
        exact: Keep amounts and ratios as exact Decimals (``object``
            columns) instead of floats for plotting.
        backend: ``"pandas"`` or ``"polars"`` (the ``polars`` extra).

    Returns:
        A :class:`pandas.DataFrame` (a :class:`polars.DataFrame` with
        ``backend="polars"``). Amounts and ratios are float64 (Decimals
        with ``exact=True``); years that can be missing are nullable
        ``Int64``; text is ``object`` with None when missing.

    Raises:
        MissingExtraError: pandas (or polars) is not installed (``pip
            install 'bilat[pandas]'``).
        ValidationError: an item is not a Progress; the path names it.
        ArgumentTypeError: ``exact`` is not True or False.
        InvalidOptionError: ``backend`` is neither ``"pandas"`` nor
            ``"polars"``.

    Example:
        >>> from bilat import Money, TradeSeries, TradeTarget, progress_frame
        >>> usd = lambda amount: Money(amount, "USD")
        >>> series = TradeSeries(("KZ", "UZ"), "turnover",
        ...                      {2021: usd("3.9e9"), 2023: usd("4.4e9")})
        >>> target = TradeTarget(("KZ", "UZ"), usd("1e10"), deadline=2030)
        >>> df = progress_frame([target.progress(series, y) for y in (2022, 2024)])
        >>> df[["as_of", "year", "current", "status"]].values.tolist()
        [[2022, 2021, 3900000000.0, 'insufficient_data'],
         [2024, 2023, 4400000000.0, 'off_track']]
        >>> progress_frame([target.progress(series, 2024)], exact=True).loc[0, "share"]
        Decimal('0.44')
    """
    from bilat._measured import Progress

    options = frame_options("progress_frame()", exact=exact, backend=backend)
    given: object = progresses  # a caller may pass anything
    if isinstance(given, Progress | str | bytes) or not _iterable(given):
        raise invalid(
            "progresses", f"expected an iterable of Progress, got {shown(given)}"
        )
    rows: list[_Row] = []
    for i, p in enumerate(progresses):
        if not isinstance(p, Progress):
            raise invalid(f"progresses[{i}]", f"expected a Progress, got {shown(p)}")
        rows.append(progress_row(p))
    return _frame(options.call, PROGRESS_COLUMNS, rows, options)  # type: ignore[no-any-return]


def progress_row(p: Progress[Any]) -> dict[str, object]:
    """The cells of one row of :func:`progress_frame`, as plain Python values.

    Amounts and ratios are Decimals, years ints, parties a tuple of codes:
    no pandas is needed to build or print them.

    Example:
        >>> from bilat import Money, TradeSeries, TradeTarget
        >>> from bilat._present.frames import progress_row
        >>> series = TradeSeries(("KZ", "UZ"), "turnover",
        ...                      {2023: Money("4e9", "USD")}, reporter="KZ")
        >>> target = TradeTarget(("KZ", "UZ"), Money("1e10", "USD"), deadline=2030)
        >>> row = progress_row(target.progress(series, 2023))
        >>> row["parties"], row["reporter"], row["target"], row["share"]
        (('KZ', 'UZ'), 'KZ', Decimal('1E+10'), Decimal('0.4'))
    """
    from bilat._measure import amount, unit_label

    target = p.target.unit
    return {
        "parties": _codes(p.series.parties),
        "subject": p.series.subject,
        "reporter": _code(p.reporter),
        "as_of": p.as_of,
        "deadline": p.target.deadline,
        "target": amount(target),
        "currency": unit_label(target),
        "base_year": p.base_year,
        "base": _amount(p.base),
        "year": p.year,
        "current": _amount(p.current),
        "share": p.share,
        "gap": _amount(p.gap),
        "actual_cagr": p.actual_cagr,
        "planned_cagr": p.planned_cagr,
        "required_cagr": p.required_cagr,
        "growth_ratio": p.growth_ratio,
        "projected": _amount(p.projected),
        "anticipated": p.anticipated,
        "eta": p.eta,
        "status": p.status.value,
        "out_of_range": "; ".join(
            f"{figure}: {reason}" for figure, reason in p.out_of_range.items()
        )
        or None,
    }


# -- the parts of a dossier ------------------------------------------------------------


def agreements_frame(
    agreements: Iterable[Agreement],
    as_of: dt.date | str | None = None,
    options: FrameOptions | None = None,
) -> Any:
    """Agreements as a tidy frame, one row each, with their status on ``as_of``.

    Example:
        >>> import datetime
        >>> from bilat import Agreement
        >>> from bilat._present.frames import agreements_frame
        >>> a = Agreement("Treaty", ["KZ", "UZ"], "treaty", signed="2022-12-22")
        >>> agreements_frame([a], "2023-01-01").loc[0, ["signed", "status"]].tolist()
        [datetime.date(2022, 12, 22), 'signed']
    """
    options = options or frame_options("Dossier.to_frame('agreements')")
    day = dt.date.today() if as_of is None else as_date(as_of, "as_of")
    rows: list[_Row] = [
        {
            "title": a.title,
            "kind": a.kind.value,
            "parties": _codes(a.parties),
            "signed": a.signed,
            "in_force": a.in_force,
            "ends": a.ends,
            "terminated": a.terminated,
            "status": a.status(day).value,
            "source": _titles(a.sources),
        }
        for a in agreements
    ]
    return _frame(options.call, _AGREEMENT_COLUMNS, rows, options)


def targets_frame(
    targets: Iterable[AnyTarget], options: FrameOptions | None = None
) -> Any:
    """Targets as a tidy frame, one row each.

    Example:
        >>> from bilat import Estimate, TradeTarget
        >>> from bilat._present.frames import targets_frame
        >>> t = TradeTarget(("KZ", "UZ"), Estimate.parse("up to $10 billion"))
        >>> targets_frame([t])[["low", "high", "qualifier"]].values.tolist()
        [[0.0, 10000000000.0, 'up_to']]
    """
    options = options or frame_options("Dossier.to_frame('targets')")
    rows = [
        {
            "parties": _codes(t.parties),
            "subject": t.subject,
            **_value_cells(t.value),
            **options.converted(t.value),
            "deadline": t.deadline,
            "baseline_year": t.baseline_year,
            "agreement": None if t.agreement is None else t.agreement.title,
            "source": _titles(t.sources),
        }
        for t in targets
    ]
    return _frame(options.call, options.columns(_TARGET_COLUMNS), rows, options)


def dossier_frame(
    dossier: Dossier,
    what: DossierFrame,
    as_of: dt.date | str | None = None,
    *,
    exact: object = False,
    backend: object = "pandas",
    currency: CurrencyLike | None = None,
    rates: ExchangeRates | None = None,
    on: dt.date | str | None = None,
) -> Any:
    """One part of a dossier as a tidy frame; see :meth:`Dossier.to_frame`.

    Raises:
        InvalidOptionError: ``what`` is not one of the parts.
        MissingExtraError: pandas is not installed.

    Example:
        >>> from bilat import Dossier
        >>> from bilat._present.frames import dossier_frame
        >>> dossier_frame(Dossier("KZ–UZ", ["KZ", "UZ"]), "targets").shape
        (0, 11)
    """
    parts = ("agreements", "projects", "series", "targets", "claims")
    part = as_option(what, parts, "dossier frame")
    options = frame_options(
        f"Dossier.to_frame({part!r})",
        exact=exact,
        backend=backend,
        currency=currency,
        rates=rates,
        on=on,
    )
    if part == "agreements":
        return agreements_frame(dossier.agreements, as_of, options)
    if part == "targets":
        return targets_frame(dossier.targets, options)
    if part == "projects":
        columns, rows = _PROJECT_COLUMNS, _project_rows(dossier.projects, options)
    elif part == "series":
        columns = _SERIES_COLUMNS
        rows = [row for s in dossier.series for row in _series_rows(s, options)]
    else:
        columns = _CLAIM_COLUMNS
        rows = [_claim_row(c, options) for c in dossier.claims]
    return _frame(options.call, options.columns(columns), rows, options)


def _claim_row(claim: Claim, options: FrameOptions) -> _Row:
    from bilat._country import Country

    said = claim.said_by
    cells = _value_cells(claim.value)
    # The range the claim allows: for an exact figure, what its written
    # precision allows, not the figure alone.
    cells["low"], cells["high"] = _amount(claim.low), _amount(claim.high)
    return {
        "subject": claim.subject,
        "parties": _codes(claim.parties),
        "year": claim.period,
        "text": claim.text,
        **cells,
        **options.converted(claim.value, claim.period),
        "precision": claim.precision,
        "said_by": None
        if said is None
        else said.alpha2
        if isinstance(said, Country)
        else said.name,
        "stated": claim.stated,
        "source": claim.source.title,
    }
