"""Atlases: many dossiers at once, and every target's progress in one table.

An :class:`Atlas` holds several :class:`~bilat.Dossier` values (one per pair
of countries, say) and answers the questions asked across all of them:
which targets are off track, which agreements a country is party to.
Progress is measured with the rule of the dossier's report
(:func:`bilat._target.match_series`): each target against every series of
its parties and metric, one per reporter.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Final,
    Literal,
    NamedTuple,
    TypeAlias,
    final,
    overload,
)

import attrs

from bilat._agreement import Agreement
from bilat._assess import ProgressStatus
from bilat._country import Country, CountryLike, as_country
from bilat._dossier import Dossier
from bilat._errors import ArgumentTypeError, ValidationError, shown
from bilat._fields import (
    as_instances,
    as_items,
    as_option,
    as_pairs,
    invalid,
    plain_str,
)
from bilat._fs import MAX_FILE_SIZE, _reason, as_path, check_max_size
from bilat._measured import Progress
from bilat._pickling import public
from bilat._series import AsOf, Series, as_year
from bilat._target import AnyTarget, match_series, progress_or_reason
from bilat._trade_series import TradeSeries

if TYPE_CHECKING:
    import pandas as pd
    import polars as pl
    from matplotlib.axes import Axes

    from bilat._locale import LocaleLike
    from bilat._present.frames import Backend
    from bilat._rates import ExchangeRates

__all__ = [
    "NOT_MEASURED",
    "Atlas",
    "SeriesLike",
    "StatusFilter",
    "atlas_columns",
    "progress_rows",
]

#: The status of a row whose target could not be measured: no series of its
#: parties and metric, or no exchange rate to the target's currency (the
#: report's word for the same case).
NOT_MEASURED: Final = "not_measured"

#: What ``status=`` takes: a :class:`~bilat.ProgressStatus`, its value
#: (``"off_track"``), ``"not_measured"``, or several of them.
StatusFilter: TypeAlias = "ProgressStatus | str | Iterable[ProgressStatus | str] | None"

#: What ``series=`` takes: a mapping whose values are series (as
#: :func:`bilat.io.read_comtrade` returns), series, one series, or None for
#: each dossier's own.
SeriesLike: TypeAlias = (
    "Mapping[Any, TradeSeries | Series] | Iterable[TradeSeries | Series] "
    "| TradeSeries | Series | None"
)

_STATUSES: Final = (*(s.value for s in ProgressStatus), NOT_MEASURED)

_SUFFIXES: Final = (".toml", ".json")

_Row: TypeAlias = dict[str, object]


def atlas_columns() -> dict[str, str]:
    """The columns of :meth:`Atlas.progress` and their kinds.

    The dossier's title, the columns of :func:`bilat.progress_frame` (the
    same names and kinds), and why a row was not measured.

    Example:
        >>> from bilat._atlas import atlas_columns
        >>> list(atlas_columns())[:3], list(atlas_columns())[-2:]
        (['dossier', 'parties', 'subject'], ['out_of_range', 'reason'])
    """
    from bilat._present.frames import PROGRESS_COLUMNS

    return {"dossier": "object", **PROGRESS_COLUMNS, "reason": "object"}


def _dossiers(value: Iterable[Dossier] | Dossier) -> tuple[Dossier, ...]:
    return as_instances(value, Dossier, "dossiers")


def _statuses(value: object) -> frozenset[str]:
    """The status values ``status=`` names (see :data:`StatusFilter`)."""

    def one(item: object) -> str:
        if isinstance(item, ProgressStatus):
            return item.value
        return as_option(item, _STATUSES, "progress status")

    if isinstance(value, ProgressStatus | str):
        return frozenset({one(value)})
    items = as_items(value, "status", "a progress status or several")
    return frozenset(one(item) for item in items)


def _series(value: object) -> tuple[TradeSeries | Series, ...]:
    """The series ``series=`` gives (see :data:`SeriesLike`)."""
    if isinstance(value, TradeSeries | Series):
        return (value,)
    if isinstance(value, Mapping):
        pairs = as_pairs(value, "series", "a mapping of series")
        items = [(f"series[{shown(key)}]", item) for key, item in pairs]
    else:
        listed = as_items(value, "series", "series, or a mapping of series")
        items = [(f"series[{i}]", item) for i, item in enumerate(listed)]
    found: list[TradeSeries | Series] = []
    for path, item in items:
        if not isinstance(item, TradeSeries | Series):
            raise invalid(
                path, f"expected a TradeSeries or a Series, got {shown(item)}"
            )
        found.append(item)
    return tuple(found)


def _unique(items: Iterable[Any]) -> tuple[Any, ...]:
    """``items`` without repeats (by equality), in the order first met."""
    return tuple(dict.fromkeys(items))


class _Query(NamedTuple):
    """The checked arguments of :meth:`Atlas.targets` and :meth:`Atlas.progress`."""

    wanted: frozenset[str] | None
    party: Country | None
    series: tuple[TradeSeries | Series, ...] | None
    year: int
    rates: ExchangeRates | None


def _query(
    call: str,
    *,
    status: StatusFilter,
    party: CountryLike | None,
    series: SeriesLike,
    as_of: AsOf,
    rates: ExchangeRates | None,
) -> _Query:
    """Check the arguments that choose and measure an atlas's targets."""
    from bilat._rates import optional_rates

    return _Query(
        wanted=None if status is None else _statuses(status),
        party=None if party is None else as_country(party, "party"),
        series=None if series is None else _series(series),
        year=as_year(as_of),
        rates=optional_rates(rates, call),
    )


@public
@final
@attrs.frozen
class Atlas:
    """Several dossiers, to question together.

    An atlas lists the targets and agreements of all its dossiers, filtered
    by country or by how a target stands, and measures every target in one
    table (:meth:`progress`). :meth:`load` reads every dossier file of a
    folder.

    Args:
        dossiers: :class:`Dossier` values, in the order wanted (a single
            Dossier is an atlas of one).

    Raises:
        ValidationError: ``dossiers`` is not a sequence of Dossier; the path
            names the item (``dossiers[2]``).

    Example:
        >>> from bilat import Atlas, Dossier, Money, TradeTarget
        >>> target = TradeTarget(("KZ", "UZ"), Money("1e10", "USD"), deadline=2030)
        >>> atlas = Atlas([Dossier("KZ–UZ", ["KZ", "UZ"], targets=[target]),
        ...                Dossier("KZ–KG", ["KZ", "KG"])])
        >>> [d.title for d in atlas.dossiers]
        ['KZ–UZ', 'KZ–KG']
        >>> atlas.targets(party="UZ") == (target,), atlas.targets(party="KG")
        (True, ())
    """

    dossiers: tuple[Dossier, ...] = attrs.field(converter=_dossiers)

    def targets(
        self,
        status: StatusFilter = None,
        party: CountryLike | None = None,
        *,
        series: SeriesLike = None,
        as_of: AsOf = None,
        rates: ExchangeRates | None = None,
    ) -> tuple[AnyTarget, ...]:
        """The targets of every dossier, each once, in the order first met.

        A target recorded in several dossiers is listed once. ``status``
        keeps the targets that stand so in at least one row of
        :meth:`progress` measured with the same ``series``, ``as_of`` and
        ``rates``: a target measured by two reporters' series has a status
        for each.

        Args:
            status: A :class:`ProgressStatus`, its value (``"off_track"``),
                ``"not_measured"`` (no series, or no exchange rate), or
                several of them; None keeps every target and measures
                nothing.
            party: A country (or a code) the target must be between.
            series: As for :meth:`progress`; used only with ``status``.
            as_of: As for :meth:`progress`; used only with ``status`` (and
                then None is the current year, read from the clock).
            rates: As for :meth:`progress`; used only with ``status``.

        Raises:
            InvalidOptionError: an unknown status.
            ValidationError: an unknown country, or ``series`` holds
                something that is not a series.
            InvalidNumberError: ``as_of`` is not a date, an ISO date or a
                year.
            ArgumentTypeError: ``rates`` is not an ExchangeRates.

        Example:
            >>> from bilat import Atlas, examples
            >>> atlas = Atlas([examples.kazakhstan_uzbekistan()])
            >>> [t.deadline for t in atlas.targets()]
            [None, 2030, 2026]
            >>> [t.deadline for t in atlas.targets("needs_acceleration", as_of=2025)]
            [2030]
        """
        q = _query(
            "Atlas.targets()",
            status=status,
            party=party,
            series=series,
            as_of=as_of,
            rates=rates,
        )
        if q.wanted is None:  # nothing is measured
            return _unique(
                t
                for d in self.dossiers
                for t in d.targets
                if q.party is None or q.party in t.parties
            )
        measured = self._measure(q.series, q.year, q.rates, q.party)
        return _unique(
            target for _, target, progress in measured if _status(progress) in q.wanted
        )

    def agreements(self, party: CountryLike | None = None) -> tuple[Agreement, ...]:
        """The agreements of every dossier, each once, in the order first met.

        Args:
            party: A country (or a code) that must be a party; None keeps
                every agreement.

        Raises:
            ValidationError: ``party`` is not a country.

        Example:
            >>> from bilat import Agreement, Atlas, Dossier
            >>> def dossier(*parties):
            ...     treaty = Agreement("Treaty", parties, "treaty")
            ...     return Dossier("–".join(parties), parties, agreements=[treaty])
            >>> atlas = Atlas([dossier("KZ", "UZ"), dossier("KZ", "KG")])
            >>> [a.parties for a in atlas.agreements(party="KG")]
            [(Country('KZ'), Country('KG'))]
            >>> len(atlas.agreements("KZ"))
            2
        """
        country = None if party is None else as_country(party, "party")
        return _unique(
            a
            for d in self.dossiers
            for a in d.agreements
            if country is None or country in a.parties
        )

    @overload
    def progress(
        self,
        series: SeriesLike = ...,
        as_of: AsOf = ...,
        rates: ExchangeRates | None = ...,
        *,
        status: StatusFilter = ...,
        party: CountryLike | None = ...,
        exact: bool = ...,
        backend: Literal["pandas"] = ...,
    ) -> pd.DataFrame: ...
    @overload
    def progress(
        self,
        series: SeriesLike = ...,
        as_of: AsOf = ...,
        rates: ExchangeRates | None = ...,
        *,
        status: StatusFilter = ...,
        party: CountryLike | None = ...,
        exact: bool = ...,
        backend: Literal["polars"],
    ) -> pl.DataFrame: ...
    def progress(
        self,
        series: SeriesLike = None,
        as_of: AsOf = None,
        rates: ExchangeRates | None = None,
        *,
        status: StatusFilter = None,
        party: CountryLike | None = None,
        exact: bool = False,
        backend: Backend = "pandas",
    ) -> pd.DataFrame | pl.DataFrame:
        """Every target's progress, as a tidy frame (``pandas`` extra).

        Each target is measured as its dossier's report measures it:
        against every series of the same parties and metric (for exports
        and imports, the same flow), one row per series, in the order of
        the dossiers, their targets and the series. A target that no
        series measures, or whose series cannot be converted to its
        currency (no ``rates``, no rate for a year, a converted value
        beyond bilat's range), has one row with its own parties, metric and
        amount, status ``"not_measured"`` and the ``reason``.

        Columns:
            ``dossier`` (its title), then those of
            :func:`bilat.progress_frame` (``parties``, ``subject``,
            ``reporter``, ``as_of``, ``deadline``, ``target``, ``currency``,
            ``base_year``, ``base``, ``year``, ``current``, ``share``,
            ``gap``, ``actual_cagr``, ``planned_cagr``, ``required_cagr``,
            ``growth_ratio``, ``projected``, ``anticipated``, ``eta``,
            ``status``, ``out_of_range``) with the same types (amounts and
            ratios float64, Decimals with ``exact=True``), then
            ``reason``: why the row was not measured, or None.

        Args:
            series: The series to measure with: a mapping whose values are
                series (what :func:`bilat.io.read_comtrade` returns,
                keyed by reporter and partner), an iterable of them or one
                series, used for the targets of every dossier; None measures
                each dossier's targets with that dossier's own series.
            as_of: A date, an ISO date, a year, or None for the current
                year (the only time the clock is read); its year is the
                latest each series is read to.
            rates: Exchange rates for series in another currency than the
                target's.
            status: Keep only rows with this status (a
                :class:`ProgressStatus`, its value, ``"not_measured"``, or
                several of them).
            party: Keep only the targets between this country and others.
            exact: Keep amounts and ratios as exact Decimals (``object``
                columns) instead of floats for plotting.
            backend: ``"pandas"``, or ``"polars"`` for a polars frame with
                the same columns (the ``polars`` extra).

        Returns:
            A :class:`pandas.DataFrame` with a default index.

        Raises:
            MissingExtraError: pandas is not installed (``pip install
                'bilat[pandas]'``).
            InvalidOptionError: an unknown status.
            ValidationError: an unknown country, or ``series`` holds
                something that is not a series.
            InvalidNumberError: ``as_of`` is not a date, an ISO date or a
                year.
            ArgumentTypeError: ``rates`` is not an ExchangeRates.

        Example:
            >>> from bilat import Atlas, examples
            >>> atlas = Atlas([examples.kazakhstan_uzbekistan()])
            >>> df = atlas.progress(as_of=2025, status=["needs_acceleration"])
            >>> df[["deadline", "reporter", "year", "share", "status"]].values.tolist()
            [[2030, None, 2025, 0.497, 'needs_acceleration']]
            >>> atlas.progress(as_of=2025, exact=True).loc[1, "share"]
            Decimal('0.497')
        """
        from bilat._present.frames import _frame, frame_options

        options = frame_options("Atlas.progress()", exact=exact, backend=backend)
        rows = progress_rows(self, series, as_of, rates, status=status, party=party)
        return _frame(options.call, atlas_columns(), rows, options)  # type: ignore[no-any-return]

    def plot(
        self,
        ax: Axes | None = None,
        *,
        series: SeriesLike = None,
        as_of: AsOf = None,
        rates: ExchangeRates | None = None,
        party: CountryLike | None = None,
        locale: LocaleLike = "en",
    ) -> Axes:
        """Chart every target as a bullet: share reached against time elapsed.

        A dashboard (``plot`` extra, matplotlib) with one row per row of
        :meth:`progress` (the same ``series``, ``as_of``, ``rates`` and
        ``party``): a bar as long as the share of the target reached,
        coloured by status and labelled with the percentage; a black tick at
        the share of the time from the base year to the deadline that had
        gone by the latest figure's year (a target with no deadline has
        none); a dashed line at 100 %. A target that could not be measured
        says why. Rows are labelled with the parties' names, the subject,
        the target and deadline, and the reporter, all in ``locale``.

        Args:
            ax: The matplotlib Axes to draw on; None draws on a new figure
                with ``layout="constrained"``, as tall as the rows need.
            series: As for :meth:`progress`.
            as_of: As for :meth:`progress` (None is the current year).
            rates: As for :meth:`progress`.
            party: As for :meth:`progress`.
            locale: The language of every word and number drawn.

        Returns:
            The Axes drawn on.

        Raises:
            MissingExtraError: matplotlib is not installed (``pip install
                'bilat[plot]'``).
            ValidationError: as for :meth:`progress`.
            InvalidNumberError: as for :meth:`progress`.
            ArgumentTypeError: as for :meth:`progress`.

        Example:
            >>> import matplotlib.pyplot as plt
            >>> from bilat import Atlas, examples
            >>> ax = Atlas([examples.kazakhstan_uzbekistan()]).plot(as_of=2025,
            ...                                                    locale="kk")
            >>> [round(float(p.get_width()), 3) for p in ax.patches]
            [0.497, 0.497, 0.697]
            >>> plt.close(ax.figure)
        """
        from bilat._present.plots import atlas_plot

        return atlas_plot(
            self,
            ax,
            series=series,
            as_of=as_of,
            rates=rates,
            party=party,
            locale=locale,
        )

    @classmethod
    def load(
        cls,
        directory: str | os.PathLike[str],
        *,
        pattern: str = "*",
        progress: bool = False,
        max_size: int = MAX_FILE_SIZE,
    ) -> Atlas:
        """Read every dossier file in a folder into an atlas.

        The files are those whose name ends in ``.toml`` or ``.json`` (in
        any case) and matches ``pattern``, read in the order of their names.
        Names starting with a dot are left out (editors' and other hidden
        files), and so are sub-folders: the folder is not searched
        recursively. Every file is read, even after one fails, and every
        problem is reported at once.

        Args:
            directory: The folder.
            pattern: A shell-style pattern the file names must match, such
                as ``"kz-*"`` (``*``, ``?`` and ``[...]``, case-sensitive).
            progress: Show a progress bar (``progress`` extra, tqdm) on
                standard error when it is a terminal, or in a notebook.
            max_size: The largest file to read, in bytes (64 MiB unless
                given), as for :func:`bilat.load`.

        Returns:
            An atlas of the dossiers, in the order of the file names.

        Raises:
            ValidationError: the folder cannot be listed (missing, not a
                folder, no permission; ``file`` names it), holds no dossier
                file that matches, or a file is not a valid dossier. With
                one bad file, the error is that file's, as
                :func:`bilat.load` raises it (``file`` is the bad file);
                with several, ``file`` is the folder and each problem's
                path starts with the name of its file.
            ArgumentTypeError: ``pattern`` is not a str, or ``progress`` is
                not a bool.
            InvalidNumberError: ``max_size`` is not a non-negative int.

        Example:
            >>> import pathlib, tempfile
            >>> from bilat import Atlas, Dossier
            >>> with tempfile.TemporaryDirectory() as tmp:
            ...     Dossier("KZ–UZ", ["KZ", "UZ"]).dump(pathlib.Path(tmp, "kz-uz.toml"))
            ...     Dossier("KZ–KG", ["KZ", "KG"]).dump(pathlib.Path(tmp, "kg-kz.json"))
            ...     _ = pathlib.Path(tmp, "notes.txt").write_text("not a dossier")
            ...     [d.title for d in Atlas.load(tmp).dossiers]
            ['KZ–KG', 'KZ–UZ']
        """
        from bilat._progress import bar, check_progress
        from bilat.io._files import load

        shown_bar = check_progress(progress)
        limit = check_max_size(max_size)
        folder = as_path(directory, "directory")
        glob = _pattern(pattern)
        files = _dossier_files(folder, glob)
        dossiers: list[Dossier] = []
        failed: list[tuple[str, ValidationError]] = []
        with bar(
            enabled=shown_bar, total=len(files), desc="dossiers", unit="file"
        ) as b:
            for name in files:
                try:
                    dossiers.append(load(os.path.join(folder, name), max_size=limit))  # noqa: PTH118 - str paths, as bilat._fs
                except ValidationError as e:
                    failed.append((name, e))
                b.update()
        if len(failed) == 1:
            raise failed[0][1]
        if failed:
            raise ValidationError(
                [
                    (f"{name}: {path}" if path else name, problem)
                    for name, error in failed
                    for path, problem in error.problems
                ],
                file=folder,
            )
        return cls(dossiers)

    def _measure(
        self,
        series: tuple[TradeSeries | Series, ...] | None,
        year: int,
        rates: ExchangeRates | None,
        party: Country | None,
    ) -> list[tuple[Dossier, AnyTarget, Progress[Any] | str]]:
        """Each target's measurements: a Progress, or why there is none.

        One item per target and series that measures it; a target no series
        measures has one item with the reason.
        """
        kept = [
            [t for t in d.targets if party is None or party in t.parties]
            for d in self.dossiers
        ]
        chosen = [(d, t) for d, ts in zip(self.dossiers, kept, strict=True) for t in ts]
        if series is None:  # each dossier's targets with its own series
            found = [
                pair
                for d, ts in zip(self.dossiers, kept, strict=True)
                for pair in match_series(ts, d.all_series())
            ]
        else:  # the series indexed once for every dossier
            found = match_series((t for _, t in chosen), series)
        from bilat._present.labels import label

        measured: list[tuple[Dossier, AnyTarget, Progress[Any] | str]] = []
        for (dossier, _), (target, matching) in zip(chosen, found, strict=True):
            if not matching:
                measured.append((dossier, target, label("no_series")))
            measured.extend(
                (dossier, target, progress_or_reason(target, s, year, rates))
                for s in matching
            )
        return measured


def _status(progress: Progress[Any] | str) -> str:
    return progress.status.value if isinstance(progress, Progress) else NOT_MEASURED


def progress_rows(
    atlas: Atlas,
    series: SeriesLike = None,
    as_of: AsOf = None,
    rates: ExchangeRates | None = None,
    *,
    status: StatusFilter = None,
    party: CountryLike | None = None,
) -> list[_Row]:
    """The rows of :meth:`Atlas.progress` as plain Python values.

    Cells are what the frame holds with ``exact=True`` (Decimals, ints,
    tuples of codes, text or None), so the command line prints them without
    pandas.

    Example:
        >>> from bilat import Atlas, examples
        >>> from bilat._atlas import progress_rows
        >>> rows = progress_rows(Atlas([examples.kazakhstan_uzbekistan()]), as_of=2025)
        >>> [(r["subject"], r["year"], r["status"]) for r in rows]
        [('turnover', 2025, 'no_deadline'), ('turnover', 2025, 'needs_acceleration'),
         ('Darbaza–Maktaaral railway: length', 2025, 'insufficient_data')]
    """
    if not isinstance(atlas, Atlas):  # the command line calls it directly too
        raise ArgumentTypeError([("atlas", f"expected an Atlas, got {shown(atlas)}")])
    from bilat._present.frames import progress_row

    q = _query(
        "Atlas.progress()",
        status=status,
        party=party,
        series=series,
        as_of=as_of,
        rates=rates,
    )
    columns = tuple(atlas_columns())
    rows: list[_Row] = []
    for dossier, target, progress in atlas._measure(q.series, q.year, q.rates, q.party):
        if q.wanted is not None and _status(progress) not in q.wanted:
            continue
        if isinstance(progress, Progress):
            row = {"dossier": dossier.title, **progress_row(progress), "reason": None}
        else:
            row = _unmeasured(columns, dossier, target, q.year, progress)
        rows.append(row)
    return rows


def _unmeasured(
    columns: Iterable[str],
    dossier: Dossier,
    target: AnyTarget,
    year: int,
    reason: str,
) -> _Row:
    """The row of a target that could not be measured, with ``columns``."""
    from bilat._measure import amount, unit_label

    row: _Row = dict.fromkeys(columns)
    row.update(
        dossier=dossier.title,
        parties=tuple(c.alpha2 for c in target.parties),
        subject=target.subject,
        as_of=year,
        deadline=target.deadline,
        target=amount(target.unit),
        currency=unit_label(target.unit),
        status=NOT_MEASURED,
        reason=reason,
    )
    return row


def _pattern(value: object) -> str:
    text = plain_str(value)
    if text is None:
        raise ArgumentTypeError(
            [("pattern", f"expected a file name pattern (a str), got {shown(value)}")]
        )
    if not text:
        raise invalid("pattern", "expected a file name pattern such as '*', got ''")
    return text


def _dossier_files(folder: str, pattern: str) -> list[str]:
    """The names of the dossier files in ``folder`` that match ``pattern``, sorted.

    Raises:
        ValidationError: the folder cannot be listed, or has no such file.
    """
    try:
        with os.scandir(folder) as entries:
            names = sorted(
                e.name
                for e in entries
                if not e.name.startswith(".")
                and os.path.splitext(e.name)[1].lower() in _SUFFIXES  # noqa: PTH122 - a name, not a path
                and fnmatch.fnmatchcase(e.name, pattern)
                and not e.is_dir()
            )
    except NotADirectoryError:
        raise ValidationError(
            "not a folder: Atlas.load reads a folder of dossier files "
            "(use bilat.load for one file)",
            file=folder,
        ) from None
    except OSError as e:
        raise ValidationError(
            f"cannot list the folder: {_reason(e)}", file=folder
        ) from e
    if not names:
        which = "" if pattern == "*" else f" matching {shown(pattern)}"
        raise ValidationError(
            f"no dossier file (.toml or .json){which} in the folder", file=folder
        )
    return names
