"""Tidy pandas frames of bilat's values (the ``pandas`` extra).

Every frame has one row per observation and a default ``RangeIndex``, so
frames of several series or portfolios can be joined with
:func:`pandas.concat`. The column types follow one rule, chosen so that a
frame holds exactly what the values hold:

* Amounts, bounds and ratios are :class:`~decimal.Decimal` in ``object``
  columns, never floats: a frame keeps every digit, and sums of its
  amounts stay exact. The currency of a row's amounts is in its own
  ``currency`` column (a code such as ``"USD"``), so a frame never mixes
  currencies unseen. ``df["amount"].astype(float)`` gives floats when a
  picture, not a figure, is wanted.
* Counts and years are ``int64``; a year that can be missing is the
  nullable ``Int64`` (``pd.NA`` when missing). A count too large for 64
  bits (``2**63`` or more) makes its column ``object``, of Python ints,
  rather than wrap around or fail: a frame keeps every count exactly.
* Text, codes and enum values (``"underway"``) are ``object`` columns of
  :class:`str`, with None when missing. Parties are a tuple of ISO 3166
  alpha-2 codes (``("KZ", "UZ")``); ``df.explode("parties")`` gives one row
  per party.
* Dates are :class:`datetime.date` objects (``object``), None when unknown:
  as exact as the amounts, and a project's start or end may be known only
  to the year, which is then an ``int`` (a frame does not invent a day).
  ``pd.to_datetime(df["signed"])`` converts when a datetime column is
  wanted.
* ``source`` holds the titles of the row's sources joined by ``"; "``, or
  None when there are none.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

from bilat._errors import MissingExtraError, ValidationError, shown
from bilat._estimate import Estimate, Qualifier
from bilat._fields import as_option
from bilat._money import Money
from bilat._source import as_date

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    import pandas as pd

    from bilat._agreement import Agreement
    from bilat._claims import Claim
    from bilat._country import Country
    from bilat._dossier import Dossier
    from bilat._measure import Measure
    from bilat._portfolio import Portfolio
    from bilat._project import Project
    from bilat._series import Series
    from bilat._source import Source
    from bilat._target import AnyTarget, Progress
    from bilat._trade_series import TradeSeries

__all__ = [
    "PROGRESS_COLUMNS",
    "DossierFrame",
    "agreements_frame",
    "dossier_frame",
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

_Row: TypeAlias = dict[str, object]

#: Column types (see the module's docstring).
_DECIMAL = "object"
_TEXT = "object"
_DATE = "object"
_INT = "int64"
_YEAR = "Int64"

_VALUE_COLUMNS: Mapping[str, str] = {
    "amount": _DECIMAL,
    "low": _DECIMAL,
    "high": _DECIMAL,
    "qualifier": _TEXT,
    "currency": _TEXT,
}

_SERIES_COLUMNS: Mapping[str, str] = {
    "parties": _TEXT,
    "metric": _TEXT,
    "reporter": _TEXT,
    "year": _INT,
    "value": _DECIMAL,
    "currency": _TEXT,
    "source": _TEXT,
}

_CLAIM_COLUMNS: Mapping[str, str] = {
    "subject": _TEXT,
    "parties": _TEXT,
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
    "parties": _TEXT,
    "status": _TEXT,
    "count": _INT,
    **_VALUE_COLUMNS,
    "sector": _TEXT,
    "start": _DATE,
    "end": _DATE,
    "location": _TEXT,
    "source": _TEXT,
}

#: The columns of :func:`progress_frame` and their types.
PROGRESS_COLUMNS: Mapping[str, str] = {
    "parties": _TEXT,
    "metric": _TEXT,
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
    "parties": _TEXT,
    "signed": _DATE,
    "in_force": _DATE,
    "ends": _DATE,
    "terminated": _DATE,
    "status": _TEXT,
    "source": _TEXT,
}

_TARGET_COLUMNS: Mapping[str, str] = {
    "parties": _TEXT,
    "metric": _TEXT,
    **_VALUE_COLUMNS,
    "deadline": _YEAR,
    "baseline_year": _YEAR,
    "agreement": _TEXT,
    "source": _TEXT,
}


def _frame(
    feature: str, columns: Mapping[str, str], rows: Iterable[_Row]
) -> pd.DataFrame:
    """A frame of ``rows`` with ``columns`` (name to dtype), in that order.

    Raises:
        MissingExtraError: pandas is not installed.
    """
    try:
        import pandas as pd
    except ImportError as e:
        raise MissingExtraError("pandas", "pandas", feature) from e
    rows = list(rows)
    cells = {name: [row[name] for row in rows] for name in columns}
    return pd.DataFrame(
        {
            name: pd.Series(cells[name], dtype=_fitting(dtype, cells[name]))
            for name, dtype in columns.items()
        },
        index=pd.RangeIndex(len(rows)),
    )


_INT64 = range(-(2**63), 2**63)


def _iterable(value: object) -> bool:
    try:
        iter(value)  # type: ignore[call-overload]
    except Exception:  # noqa: BLE001  # an object's own __iter__ may raise anything
        return False
    return True


def _fitting(dtype: str, values: Sequence[object]) -> str:
    """``dtype``, or ``object`` for integers that 64 bits cannot hold."""
    if dtype in {_INT, _YEAR} and any(
        isinstance(v, int) and v not in _INT64 for v in values
    ):
        return "object"
    return dtype


# -- cells -----------------------------------------------------------------------------


def _codes(countries: Iterable[Country]) -> tuple[str, ...]:
    return tuple(c.alpha2 for c in countries)


def _code(country: Country | None) -> str | None:
    return None if country is None else country.alpha2


def _titles(sources: Sequence[Source]) -> str | None:
    return "; ".join(s.title for s in sources) if sources else None


def _value_cells(value: Measure | None) -> _Row:
    """``amount``, ``low``, ``high``, ``qualifier`` and ``currency`` of a value.

    For a quantity ``currency`` holds its short unit symbol (``"km"``); for
    a plain number it is None.
    """
    if value is None:
        return dict.fromkeys(_VALUE_COLUMNS)
    if not isinstance(value, Money | Estimate):
        from bilat._measure import amount, unit_label

        number = amount(value)
        return {
            "amount": number,
            "low": number,
            "high": number,
            "qualifier": Qualifier.EXACT.value,
            "currency": unit_label(value),
        }
    if isinstance(value, Money):
        return {
            "amount": value.amount,
            "low": value.amount,
            "high": value.amount,
            "qualifier": Qualifier.EXACT.value,
            "currency": value.currency.code,
        }
    return {
        "amount": value.value.amount,
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


def _series_rows(series: TradeSeries | Series) -> list[_Row]:
    from bilat._measure import amount, unit_label

    parties = _codes(series.parties)
    return [
        {
            "parties": parties,
            "metric": series.subject,
            "reporter": _code(series.reporter),
            "year": year,
            "value": amount(value),
            "currency": unit_label(value),
            "source": _titles(series.sources_for(year)),
        }
        for year, value in series.values.items()
    ]


def series_frame(series: TradeSeries) -> pd.DataFrame:
    """A trade series as a tidy frame, one row per year; see its ``to_frame``.

    Example:
        >>> from bilat import Money, TradeSeries
        >>> from bilat._frames import series_frame
        >>> s = TradeSeries(("KZ", "UZ"), "turnover", {2023: Money("4.4e9", "USD")})
        >>> series_frame(s).loc[0, "value"]
        Decimal('4.4E+9')
    """
    return _frame("TradeSeries.to_frame()", _SERIES_COLUMNS, _series_rows(series))


# -- portfolios ------------------------------------------------------------------------


def _project_rows(projects: Iterable[Project]) -> list[_Row]:
    return [
        {
            "name": p.name,
            "parties": _codes(p.parties),
            "status": p.status.value,
            "count": p.count,
            **_value_cells(p.value),
            "sector": p.sector,
            "start": p.start,
            "end": p.end,
            "location": p.location,
            "source": _titles(p.sources),
        }
        for p in projects
    ]


def portfolio_frame(portfolio: Portfolio) -> pd.DataFrame:
    """A portfolio as a tidy frame, one row per project line; see its ``to_frame``.

    Example:
        >>> from bilat import Money, Portfolio, Project
        >>> from bilat._frames import portfolio_frame
        >>> p = Portfolio([Project("Road", ["KZ"], "underway", value=Money(5, "USD"))])
        >>> portfolio_frame(p).loc[0, ["name", "amount", "currency"]].tolist()
        ['Road', Decimal('5'), 'USD']
    """
    return _frame("Portfolio.to_frame()", _PROJECT_COLUMNS, _project_rows(portfolio))


# -- progress --------------------------------------------------------------------------


def progress_frame(progresses: Iterable[Progress[Any]]) -> pd.DataFrame:
    """Several :class:`Progress` results as a tidy frame, one row each.

    A list has no method, so this is a function: pass the results of
    :meth:`TradeTarget.progress`, for instance one per reporter's series or
    one per year of ``as_of``.

    Columns:
        ``parties`` (tuple of alpha-2 codes), ``metric``, ``reporter``
        (alpha-2 code or None): of the series measured. ``as_of`` (int),
        ``deadline`` (Int64), ``target`` (the target's stated amount),
        ``currency`` (the target's: every amount of the row is in it),
        ``base_year``, ``base``, ``year``, ``current``; ``share``, ``gap``,
        ``actual_cagr``, ``planned_cagr``, ``required_cagr``,
        ``growth_ratio``, ``projected``, ``anticipated`` as Decimal (None
        when not computable, as on :class:`Progress`); ``eta`` (Int64),
        ``status`` (the :class:`ProgressStatus` value, ``"off_track"``) and
        ``out_of_range``: the figures left None because they lie beyond
        bilat's range, with the reason (``"projected: too_large"``, several
        joined by ``"; "``), or None.

    Args:
        progresses: Progress values, in the order wanted for the rows.

    Returns:
        A :class:`pandas.DataFrame`. Amounts and ratios are exact Decimals
        in object columns, never floats; years that can be missing are
        nullable ``Int64``; text is ``object`` with None when missing.

    Raises:
        MissingExtraError: pandas is not installed (``pip install
            'bilat[pandas]'``).
        ValidationError: an item is not a Progress; the path names it.

    Example:
        >>> from bilat import Money, TradeSeries, TradeTarget, progress_frame
        >>> usd = lambda amount: Money(amount, "USD")
        >>> series = TradeSeries(("KZ", "UZ"), "turnover",
        ...                      {2021: usd("3.9e9"), 2023: usd("4.4e9")})
        >>> target = TradeTarget(("KZ", "UZ"), usd("1e10"), deadline=2030)
        >>> df = progress_frame([target.progress(series, y) for y in (2022, 2024)])
        >>> df[["as_of", "year", "current", "status"]].values.tolist()
        [[2022, 2021, Decimal('3.9E+9'), 'insufficient_data'],
         [2024, 2023, Decimal('4.4E+9'), 'off_track']]
    """
    from bilat._target import Progress

    given: object = progresses  # a caller may pass anything
    if isinstance(given, Progress | str | bytes) or not _iterable(given):
        raise ValidationError(
            [
                (
                    "progresses",
                    f"expected an iterable of Progress, got {shown(given)}",
                )
            ]
        )
    rows: list[_Row] = []
    for i, p in enumerate(progresses):
        if not isinstance(p, Progress):
            raise ValidationError(
                [(f"progresses[{i}]", f"expected a Progress, got {shown(p)}")]
            )
        rows.append(progress_row(p))
    return _frame("progress_frame()", PROGRESS_COLUMNS, rows)


def progress_row(p: Progress[Any]) -> dict[str, object]:
    """The cells of one row of :func:`progress_frame`, as plain Python values.

    Amounts and ratios are Decimals, years ints, parties a tuple of codes:
    no pandas is needed to build or print them.

    Example:
        >>> from bilat import Money, TradeSeries, TradeTarget
        >>> from bilat._frames import progress_row
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
        "metric": p.series.subject,
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
    *,
    feature: str = "Dossier.to_frame('agreements')",
) -> pd.DataFrame:
    """Agreements as a tidy frame, one row each, with their status on ``as_of``.

    Example:
        >>> import datetime
        >>> from bilat import Agreement
        >>> from bilat._frames import agreements_frame
        >>> a = Agreement("Treaty", ["KZ", "UZ"], "treaty", signed="2022-12-22")
        >>> agreements_frame([a], "2023-01-01").loc[0, ["signed", "status"]].tolist()
        [datetime.date(2022, 12, 22), 'signed']
    """
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
    return _frame(feature, _AGREEMENT_COLUMNS, rows)


def targets_frame(
    targets: Iterable[AnyTarget], *, feature: str = "Dossier.to_frame('targets')"
) -> pd.DataFrame:
    """Trade targets as a tidy frame, one row each.

    Example:
        >>> from bilat import Estimate, TradeTarget
        >>> from bilat._frames import targets_frame
        >>> t = TradeTarget(("KZ", "UZ"), Estimate.parse("up to $10 billion"))
        >>> targets_frame([t]).loc[0, ["low", "high", "qualifier"]].tolist()
        [Decimal('0'), Decimal('10000000000'), 'up_to']
    """
    rows = [
        {
            "parties": _codes(t.parties),
            "metric": t.subject,
            **_value_cells(t.value),
            "deadline": t.deadline,
            "baseline_year": t.baseline_year,
            "agreement": None if t.agreement is None else t.agreement.title,
            "source": _titles(t.sources),
        }
        for t in targets
    ]
    return _frame(feature, _TARGET_COLUMNS, rows)


def dossier_frame(
    dossier: Dossier, what: DossierFrame, as_of: dt.date | str | None = None
) -> pd.DataFrame:
    """One part of a dossier as a tidy frame; see :meth:`Dossier.to_frame`.

    Raises:
        InvalidOptionError: ``what`` is not one of the parts.
        MissingExtraError: pandas is not installed.

    Example:
        >>> from bilat import Dossier
        >>> from bilat._frames import dossier_frame
        >>> dossier_frame(Dossier("KZ–UZ", ["KZ", "UZ"]), "targets").shape
        (0, 11)
    """
    parts = ("agreements", "projects", "series", "targets", "claims")
    part = as_option(what, parts, "dossier frame")
    feature = f"Dossier.to_frame({part!r})"
    if part == "agreements":
        return agreements_frame(dossier.agreements, as_of, feature=feature)
    if part == "projects":
        return _frame(feature, _PROJECT_COLUMNS, _project_rows(dossier.projects))
    if part == "series":
        rows = [row for s in dossier.series for row in _series_rows(s)]
        return _frame(feature, _SERIES_COLUMNS, rows)
    if part == "claims":
        return _frame(feature, _CLAIM_COLUMNS, [_claim_row(c) for c in dossier.claims])
    return targets_frame(dossier.targets, feature=feature)


def _claim_row(claim: Claim) -> _Row:
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
        "precision": claim.precision,
        "said_by": None
        if said is None
        else said.alpha2
        if isinstance(said, Country)
        else said.name,
        "stated": claim.stated,
        "source": claim.source.title,
    }
