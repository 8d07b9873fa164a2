"""Dossiers: everything recorded about the relations between some countries."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal, TypeVar, final, overload

import attrs

from bilat._agreement import Agreement
from bilat._claims import Claim
from bilat._country import Country, to_parties
from bilat._errors import shown
from bilat._estimate import Estimate
from bilat._events import Meeting, Official
from bilat._fields import as_optional_text, as_text, as_tuple, invalid
from bilat._ledger import group_claims
from bilat._money import Money
from bilat._pickling import public
from bilat._portfolio import Portfolio
from bilat._project import Project
from bilat._series import Series, TradeMetric
from bilat._source import Source, to_sources
from bilat._target import Target, TradeTarget
from bilat._trade_series import TradeSeries

if TYPE_CHECKING:
    import datetime as dt

    import pandas as pd
    import polars as pl

    from bilat._currency import CurrencyLike
    from bilat._ledger import Conflict, Preference
    from bilat._locale import LocaleLike
    from bilat._present.frames import Backend, DossierFrame
    from bilat._present.report import Report
    from bilat._rates import ExchangeRates

if TYPE_CHECKING:
    import os

__all__ = ["Dossier"]

T = TypeVar("T")


def _records(value: object, classes: tuple[type[T], ...], path: str) -> tuple[T, ...]:
    """A tuple of values of the record ``classes``, with errors that name the item."""
    names = " or ".join(_a(c.__name__) for c in classes)
    if isinstance(value, classes):  # one record where a list was meant
        plain = " or ".join(c.__name__ for c in classes)
        raise invalid(path, f"expected a sequence of {plain}, got {shown(value)}")

    def record(item: object, where: str) -> T:
        if isinstance(item, classes):
            return item
        raise invalid(where, f"expected {names}, got {shown(item)}")

    return as_tuple(value, path, f"a sequence of {names}", record)


def _a(name: str) -> str:
    """``name`` with its indefinite article."""
    return f"{'an' if name[0] in 'AEIOU' else 'a'} {name}"


def _agreements(value: Iterable[Agreement]) -> tuple[Agreement, ...]:
    return _records(value, (Agreement,), "agreements")


def _projects(value: Iterable[Project]) -> tuple[Project, ...]:
    return _records(value, (Project,), "projects")


def _targets(value: Iterable[TradeTarget | Target]) -> tuple[TradeTarget | Target, ...]:
    return _records(value, (TradeTarget, Target), "targets")


def _series(value: Iterable[TradeSeries | Series]) -> tuple[TradeSeries | Series, ...]:
    return _records(value, (TradeSeries, Series), "series")


def _claims(value: Iterable[Claim]) -> tuple[Claim, ...]:
    return _records(value, (Claim,), "claims")


def _events(value: Iterable[Meeting]) -> tuple[Meeting, ...]:
    return _records(value, (Meeting,), "events")


def _officials(value: Iterable[Official]) -> tuple[Official, ...]:
    return _records(value, (Official,), "officials")


def _title(value: str) -> str:
    return as_text(value, "title")


def _relationship(value: str | None) -> str | None:
    return as_optional_text(value, "relationship")


def _note(value: str | None) -> str | None:
    return as_optional_text(value, "note")


@public
@final
@attrs.frozen(repr=False)
class Dossier:
    """Everything recorded about the relations between two or more countries.

    A dossier gathers the agreements, joint projects, trade targets, trade
    series and meetings of its parties, with the sources they came from. It
    is a value like the others: frozen, compared by content, changed with
    :func:`attrs.evolve`. It is written to and read from TOML or JSON files
    with :meth:`dump` and :func:`bilat.load`, losslessly.

    Args:
        title: A name for the dossier.
        parties: At least two distinct countries (codes are accepted).
        agreements: The agreements between them.
        projects: Their joint projects; see :attr:`portfolio`.
        targets: The targets they announced: :class:`TradeTarget` values
            for trade, :class:`Target` values for anything else (km of
            track, projects).
        series: Statistics, one series per reporter or speaker
            (:class:`TradeSeries` or :class:`Series`).
        events: Their meetings.
        sources: Sources for the dossier as a whole.
        relationship: How the parties describe their relationship, in their
            own words ("dependable ally and strategic partner"); free text,
            since each pair of countries has its own vocabulary.
        officials: The people who speak for the parties.
        note: Anything else worth keeping.
        claims: Figures stated by officials, statistics offices or the
            press (:class:`Claim`), each with its source; see
            :meth:`conflicts` and :meth:`all_series`.

    Raises:
        ValidationError: a field is invalid; the error's path names it
            (``parties[1]``, ``projects[3]`` …).

    Example:
        >>> from bilat import Dossier, Money, Project, ProjectStatus
        >>> d = Dossier(
        ...     "Kazakhstan and Uzbekistan",
        ...     ["KZ", "UZ"],
        ...     projects=[
        ...         Project(
        ...             "Joint industrial projects",
        ...             ["KZ", "UZ"],
        ...             ProjectStatus.UNDERWAY,
        ...             value=Money(156_000_000, "USD"),
        ...             count=12,
        ...         )
        ...     ],
        ...     relationship="dependable ally and strategic partner",
        ... )
        >>> d.parties
        (Country('KZ'), Country('UZ'))
        >>> d.portfolio.count
        12
    """

    title: str = attrs.field(converter=_title)
    parties: tuple[Country, ...] = attrs.field(converter=to_parties)
    agreements: tuple[Agreement, ...] = attrs.field(
        default=(), kw_only=True, converter=_agreements
    )
    projects: tuple[Project, ...] = attrs.field(
        default=(), kw_only=True, converter=_projects
    )
    targets: tuple[TradeTarget | Target, ...] = attrs.field(
        default=(), kw_only=True, converter=_targets
    )
    series: tuple[TradeSeries | Series, ...] = attrs.field(
        default=(), kw_only=True, converter=_series
    )
    events: tuple[Meeting, ...] = attrs.field(
        default=(), kw_only=True, converter=_events
    )
    sources: tuple[Source, ...] = attrs.field(
        default=(), kw_only=True, converter=to_sources
    )
    relationship: str | None = attrs.field(
        default=None, kw_only=True, converter=_relationship
    )
    officials: tuple[Official, ...] = attrs.field(
        default=(), kw_only=True, converter=_officials
    )
    note: str | None = attrs.field(default=None, kw_only=True, converter=_note)
    claims: tuple[Claim, ...] = attrs.field(default=(), kw_only=True, converter=_claims)

    def conflicts(self, *, rates: ExchangeRates | None = None) -> tuple[Conflict, ...]:
        """The groups of :attr:`claims` that disagree; see :func:`bilat.conflicts`.

        Args:
            rates: Exchange rates, for claims on one subject in two
                currencies (each converted at 31 December of its year).

        Raises:
            CurrencyMismatchError: claims in two currencies and no ``rates``.
            RateNotFoundError: ``rates`` lacks a rate for a year.

        Example:
            >>> import bilat
            >>> d = bilat.examples.kazakhstan_uzbekistan()
            >>> [(c.subject, c.period, len(c.claims)) for c in d.conflicts()]
            [('turnover', 2022, 2), ('turnover', 2023, 2)]
        """
        from bilat._ledger import conflicts

        return conflicts(self.claims, rates=rates)

    def all_series(
        self, prefer: Sequence[Preference] | None = None
    ) -> tuple[TradeSeries | Series, ...]:
        """Every series the dossier's targets can be measured against.

        In order: the dossier's own :attr:`series`; one series per subject,
        parties and kind of value (a currency, a dimension, or numbers) of
        its :attr:`claims`, one value a year picked by the rule of
        :meth:`TradeSeries.from_claims` (``prefer``; a :class:`TradeSeries`
        for trade metrics in money, a :class:`Series` otherwise); and one
        per project measure with updates (:meth:`Series.from_project`,
        subject ``"<project>: <measure>"``). Reports and atlases measure
        each target against these.

        Raises:
            InvalidOptionError: an unknown criterion in ``prefer``.

        Example:
            >>> import bilat
            >>> d = bilat.examples.kazakhstan_uzbekistan()
            >>> [(s.subject, len(s.values)) for s in d.all_series()][:2]
            [('turnover', 7), ('exports', 1)]
        """
        found: list[TradeSeries | Series] = list(self.series)
        trade = {m.value for m in TradeMetric}
        for group in group_claims(self.claims):
            money = all(isinstance(c.value, Money | Estimate) for c in group)
            cls: type[TradeSeries] | type[Series] = (
                TradeSeries if group[0].subject in trade and money else Series
            )
            found.append(cls.from_claims(group, prefer))
        found.extend(
            Series.from_project(project, measure)
            for project in self.projects
            for measure in project.measures
            if any(u.measure == measure for u in project.updates)
        )
        return tuple(found)

    @property
    def portfolio(self) -> Portfolio:
        """The dossier's projects as a :class:`~bilat.Portfolio`.

        Example:
            >>> from bilat import Dossier
            >>> Dossier("KZ–UZ", ["KZ", "UZ"]).portfolio.count
            0
        """
        return Portfolio(self.projects)

    def dump(self, path: str | os.PathLike[str]) -> None:
        """Write the dossier to a ``.toml`` or ``.json`` file.

        The suffix chooses the format; :func:`bilat.load` reads the file back
        into an equal dossier. Fields equal to their default are left out.
        The file is replaced atomically (see :func:`bilat.io.dump`): it holds
        the old dossier or the new one, never a part of either.

        Raises:
            InvalidOptionError: the suffix is neither ``.toml`` nor ``.json``.
            ValidationError: the path is not a regular file or its folder is
                missing, or the file cannot be written (no permission, a
                full disk); the old file is then left as it was.

        Example:
            >>> import pathlib, tempfile
            >>> from bilat import Dossier
            >>> d = Dossier("KZ–UZ", ["KZ", "UZ"])
            >>> with tempfile.TemporaryDirectory() as tmp:
            ...     d.dump(pathlib.Path(tmp, "kz-uz.yaml"))
            Traceback (most recent call last):
            ...
            bilat.InvalidOptionError: unknown file suffix '.yaml': expected one of ...
        """
        from bilat.io._files import dump

        dump(self, path)

    def report(
        self,
        as_of: dt.date | str | None = None,
        currency: CurrencyLike | None = None,
        locale: LocaleLike = "en",
        rates: ExchangeRates | None = None,
        *,
        stale_after: int = 2,
    ) -> Report:
        """Compute a progress report of the dossier as of a date.

        The report shows the parties, the agreements and their status, the
        projects by status with totals in ``currency`` (estimates shown as
        such), the targets, and the most recent meetings.

        Each target leads with what a reader asks first, for every series
        of its parties and subject (one per reporter or speaker): the
        latest figure, its year and who reported it (the series' reporter,
        else whoever stated the figure, else its source), the share of the
        target reached and the gap, and the status with its reason in words
        ("needs acceleration — needs 15.0% a year; grew 12.1% a year since
        2017"). The figures used and why, and the sources, follow. A target
        no series measures, or whose parties are not the dossier's, is
        listed with the reason.

        Args:
            as_of: The date of the report (a date or ISO text); today when
                left out, the only place a report reads the clock.
            currency: The currency amounts are shown in: project totals, and
                targets in money with their figures, converted with
                ``rates`` on ``as_of``; a target that cannot be converted
                (no rate) keeps its own currency and the report says so.
                By default the dossier's own currency when all its money is
                in one currency, else US dollars.
            locale: Language and number format: ``en``, ``ru``, ``kk``,
                ``uz`` or any CLDR locale.
            rates: Exchange rates for values in other currencies.
            stale_after: Years the latest figure of a target may lag the
                report's year before the report flags it as stale (its
                status then reads "on track as of 2022", with the figure's
                age). Annual trade statistics for a year are published
                during the next one, and mirror and revised figures later
                still, so a report late in 2025 normally rests on 2024 or
                2023 figures: the default of 2 flags 2022 and older. Use 1
                for monthly or quarterly data, more for slow subjects.

        Raises:
            NumberTypeError: ``stale_after`` is not an int.
            InvalidNumberError: ``stale_after`` is below 0 or above 9999.

        Example:
            >>> import bilat
            >>> d = bilat.examples.kazakhstan_uzbekistan()
            >>> r = d.report(as_of="2025-12-31")
            >>> [t["progress"][0]["status"] for t in r.to_dict()["targets"]]
            ['no_deadline', 'needs_acceleration', 'insufficient_data']
            >>> print(r.to_dict()["targets"][1]["progress"][0]["status_line"])
            needs acceleration — needs 15.0% a year; grew 12.1% a year since 2017
            >>> late = d.report(as_of="2028-06-30").to_dict()["targets"][1]
            >>> print(late["progress"][0]["stale_text"])
            latest figure is from 2025, 3 years before the report's date
        """
        from bilat._present.report import build_report
        from bilat._rates import expect_rates

        if rates is not None:
            expect_rates(rates, "Dossier.report()")
        return build_report(
            self,
            as_of=as_of,
            currency=currency,
            locale=locale,
            rates=rates,
            stale_after=stale_after,
        )

    @overload
    def to_frame(
        self,
        what: DossierFrame,
        *,
        as_of: dt.date | str | None = ...,
        exact: bool = ...,
        backend: Literal["pandas"] = ...,
        currency: CurrencyLike | None = ...,
        rates: ExchangeRates | None = ...,
        on: dt.date | str | None = ...,
    ) -> pd.DataFrame: ...
    @overload
    def to_frame(
        self,
        what: DossierFrame,
        *,
        as_of: dt.date | str | None = ...,
        exact: bool = ...,
        backend: Literal["polars"],
        currency: CurrencyLike | None = ...,
        rates: ExchangeRates | None = ...,
        on: dt.date | str | None = ...,
    ) -> pl.DataFrame: ...
    def to_frame(
        self,
        what: DossierFrame,
        *,
        as_of: dt.date | str | None = None,
        exact: bool = False,
        backend: Backend = "pandas",
        currency: CurrencyLike | None = None,
        rates: ExchangeRates | None = None,
        on: dt.date | str | None = None,
    ) -> pd.DataFrame | pl.DataFrame:
        """One part of the dossier as a tidy pandas frame (``pandas`` extra).

        ``what`` names the part; each row is one of its items:

        * ``"agreements"``: ``title``, ``kind``, ``parties`` (a tuple of
          alpha-2 codes), ``signed``, ``in_force``, ``ends``, ``terminated``
          (:class:`datetime.date` or None), ``status`` on ``as_of`` (the
          :class:`AgreementStatus` value) and ``source``;
        * ``"projects"``: the columns of :meth:`Portfolio.to_frame`;
        * ``"series"``: the columns of :meth:`TradeSeries.to_frame`, one row
          per series and year;
        * ``"targets"``: ``parties``, ``subject``, ``value``, ``low``,
          ``high``, ``qualifier``, ``currency`` (as for projects; a
          quantity's short unit symbol, None for a number),
          ``deadline`` and ``baseline_year`` (nullable ``Int64``),
          ``agreement`` (its title) and ``source``;
        * ``"claims"``: ``subject``, ``parties``, ``year``, ``text`` (as
          written), ``value``, ``low``, ``high``, ``qualifier``,
          ``currency`` (as for targets), ``precision``, ``said_by`` (a
          country's code or an official's name), ``stated`` (a date or a
          year) and ``source`` (its title); ``low`` and ``high`` are the
          range the claim allows (for an exact figure, what its written
          precision allows).

        Amounts are float64 (each the exact amount rounded once to the
        nearest float), for charts; ``exact=True`` keeps the exact Decimals
        (``object`` columns). The currency is in its own column; ``source``
        joins the titles of the sources with ``"; "``.

        Args:
            what: ``"agreements"``, ``"projects"``, ``"series"``,
                ``"targets"`` or ``"claims"``.
            as_of: The date the agreements' status is judged on (a date or
                ISO text); today when left out, the only time this reads the
                clock. The other parts do not depend on the date.
            exact: Decimal columns instead of floats.
            backend: ``"pandas"``, or ``"polars"`` for a polars frame with
                the same columns (the ``polars`` extra).
            currency: Add ``converted`` (each row's stated value in this
                currency, None for a row without money) and
                ``converted_currency`` after ``currency``.
            rates: The rates for ``currency``. Series and claims convert at
                the rate on or before 31 December of their year; projects
                and targets at ``on``.
            on: The date of the rates for projects and targets; the newest
                when None.

        Raises:
            InvalidOptionError: ``what`` is not one of the five parts.
            ValidationError: ``as_of`` or ``on`` is not a date.
            CurrencyMismatchError: a row in another currency than
                ``currency`` and no ``rates``.
            MissingExtraError: pandas is not installed (``pip install
                'bilat[pandas]'``).

        Example:
            >>> from bilat import Agreement, Dossier
            >>> treaty = Agreement("Treaty on Allied Relations", ["KZ", "UZ"],
            ...                    "treaty", signed="2022-12-22", in_force="2023-05-02")
            >>> d = Dossier("KZ–UZ", ["KZ", "UZ"], agreements=[treaty])
            >>> df = d.to_frame("agreements", as_of="2023-01-01")
            >>> df.loc[0, ["title", "kind", "status"]].tolist()
            ['Treaty on Allied Relations', 'treaty', 'signed']
            >>> d.to_frame("meetings")
            Traceback (most recent call last):
            ...
            bilat.InvalidOptionError: unknown dossier frame 'meetings': ...
        """
        from bilat._present.frames import dossier_frame

        return dossier_frame(  # type: ignore[no-any-return]
            self,
            what,
            as_of,
            exact=exact,
            backend=backend,
            currency=currency,
            rates=rates,
            on=on,
        )

    def _repr_html_(self) -> str:
        """The dossier as a heading and tables of its parts, for notebooks.

        Example:
            >>> from bilat import Dossier
            >>> Dossier("KZ–UZ", ["KZ", "UZ"])._repr_html_()[:41]
            '<div class="bilat-dossier"><h3>KZ–UZ</h3>'
        """
        from bilat._present.html import dossier_html

        return dossier_html(self)

    def __repr__(self) -> str:
        args = [repr(self.title), repr(self.parties)]
        for field in attrs.fields(Dossier)[2:]:
            value: Any = getattr(self, field.name)
            if value != field.default:
                args.append(f"{field.name}={value!r}")
        return f"Dossier({', '.join(args)})"
