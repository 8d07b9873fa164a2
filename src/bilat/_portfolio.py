"""Portfolios: several projects, filtered, counted and totalled."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from operator import attrgetter, countOf
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal, final, overload

import attrs

from bilat._country import CountryLike, as_country
from bilat._currency import Currency, CurrencyLike, as_currency
from bilat._errors import CurrencyMismatchError, shown
from bilat._estimate import Estimate
from bilat._fields import (
    DateLike,
    as_date,
    as_instances,
    as_tuple,
    invalid,
    plain_str,
)
from bilat._money import Money, currencies_of, make_money
from bilat._moneybag import MoneyBag
from bilat._moneybag import _totals as money_totals
from bilat._pickling import public
from bilat._project import Project, ProjectStatus, as_status

if TYPE_CHECKING:
    import pandas as pd
    import polars as pl
    from matplotlib.axes import Axes

    from bilat._locale import LocaleLike
    from bilat._present.frames import Backend
    from bilat._rates import ExchangeRates

__all__ = ["Portfolio", "total_mismatch"]

_value_of = attrgetter("value")


def total_mismatch(
    left: Currency,
    right: Currency,
    *,
    currency: Currency | None,
    rates: ExchangeRates | None,
    call: str = "total",
) -> CurrencyMismatchError:
    """The error of a portfolio's values in two currencies, naming the fixing call.

    ``call`` is the method the user called, ``"total"`` or ``"plot"``; the
    hint spells that call with what it lacks, the currency (``left`` unless
    one was given) and the rates.

    Example:
        >>> from bilat import Currency
        >>> from bilat._portfolio import total_mismatch
        >>> usd, kzt = Currency("USD"), Currency("KZT")
        >>> print(total_mismatch(usd, kzt, currency=None, rates=None, call="plot"))
        cannot apply 'total' to 'USD' and 'KZT': amounts in different currencies must be converted first (pass currency= and rates= to Portfolio.plot(): plot(currency='USD', rates=rates))
    """
    lacking = [
        what
        for what, given in (("currency", currency), ("rates", rates))
        if given is None
    ]
    into = repr((currency or left).code)
    if call == "plot":
        needs = " and ".join(f"{what}=" for what in lacking)
        fix = f"plot(currency={into}, rates=rates)"
    else:
        needs = " and ".join(lacking)
        fix = f"total({into}, rates)"
    hint = f"pass {needs} to Portfolio.{call}(): {fix}"
    return CurrencyMismatchError(left.code, right.code, "total", hint=hint)


def _projects(value: Project | Iterable[Project]) -> tuple[Project, ...]:
    return as_instances(value, Project, "projects")


def _statuses(value: object) -> frozenset[ProjectStatus]:
    if isinstance(value, ProjectStatus | str):
        return frozenset({as_status(value)})
    return frozenset(as_tuple(value, "status", "a status or several", as_status))


def _sector_key(value: object) -> str:
    """A sector to compare without regard to case or surrounding space."""
    text = plain_str(value)
    if text is None:
        raise invalid("sector", f"expected a sector as a string, got {shown(value)}")
    return text.strip().casefold()


def _is_exact(value: Money | Estimate) -> bool:
    return isinstance(value, Money) or value.is_exact


@public
@final
@attrs.frozen(repr=False)
class Portfolio:
    """Several projects, to filter, count and total together.

    The projects keep the order given. A project line with ``count=12``
    counts as twelve projects, and its value is what they are worth
    together.

    Args:
        projects: :class:`Project` values (a single Project is a portfolio of
            one).

    Raises:
        ValidationError: an item is not a Project; the path names it
            (``projects[2]``).

    Example:
        >>> from bilat import Estimate, Money, Portfolio, Project
        >>> underway = Project("Joint projects", ("KZ", "UZ"), "underway",
        ...                    value=Money("156000000", "USD"), count=12)
        >>> planned = Project("Planned joint projects", ("KZ", "UZ"), "planned",
        ...                   value=Estimate.parse("nearly $1 billion"), count=21)
        >>> p = Portfolio([underway, planned])
        >>> p.count, len(p)
        (33, 2)
        >>> p.where(status="underway").total()
        Money('156000000', 'USD')
        >>> print(p.total())
        nearly $1.16B
    """

    projects: tuple[Project, ...] = attrs.field(default=(), converter=_projects)

    # -- the collection ------------------------------------------------------------

    def __iter__(self) -> Iterator[Project]:
        return iter(self.projects)

    def __len__(self) -> int:
        return len(self.projects)

    @property
    def count(self) -> int:
        """How many projects: the sum of the lines' counts.

        Example:
            >>> from bilat import Portfolio, Project
            >>> Portfolio([Project("A", ["KZ"], "planned", count=21),
            ...            Project("B", ["UZ"], "planned")]).count
            22
        """
        return sum(p.count for p in self.projects)

    @property
    def unvalued(self) -> tuple[Project, ...]:
        """The projects without a stated value, which :meth:`total` leaves out.

        Example:
            >>> from bilat import Money, Portfolio, Project
            >>> p = Portfolio([
            ...     Project("Centre", ["KZ", "UZ"], "planned"),
            ...     Project("Road", ["KZ"], "underway", value=Money(5, "USD")),
            ... ])
            >>> [x.name for x in p.unvalued]
            ['Centre']
        """
        return tuple(p for p in self.projects if p.value is None)

    def where(
        self,
        *,
        status: ProjectStatus | str | Iterable[ProjectStatus | str] | None = None,
        sector: str | None = None,
        party: CountryLike | None = None,
    ) -> Portfolio:
        """The projects that match every condition given, in their order.

        Args:
            status: A status, its value (``"underway"``), or several of them.
            sector: The sector, compared without regard to case.
            party: A country (or a code) that takes part in the project.

        Raises:
            ValidationError: an unknown status or country; the path names
                the argument.

        Example:
            >>> from bilat import Portfolio, Project, ProjectStatus
            >>> p = Portfolio([
            ...     Project("Railway", ["KZ"], "underway", sector="transport"),
            ...     Project("Centre", ["KZ", "UZ"], "planned", sector="Industry"),
            ...     Project("Plant", ["UZ"], "cancelled", sector="industry"),
            ... ])
            >>> [x.name for x in p.where(sector="industry")]
            ['Centre', 'Plant']
            >>> [x.name for x in p.where(status=["planned", ProjectStatus.UNDERWAY])]
            ['Railway', 'Centre']
            >>> [x.name for x in p.where(party="UZ", status="planned")]
            ['Centre']
        """
        statuses = None if status is None else _statuses(status)
        wanted = None if sector is None else _sector_key(sector)
        country = None if party is None else as_country(party, "party")
        return Portfolio(
            p
            for p in self.projects
            if (statuses is None or p.status in statuses)
            and (
                wanted is None
                or (p.sector is not None and p.sector.casefold() == wanted)
            )
            and (country is None or country in p.parties)
        )

    def by_status(self) -> Mapping[ProjectStatus, Portfolio]:
        """The projects grouped by status, in the order of :class:`ProjectStatus`.

        Only statuses that some project has appear; the mapping is read-only.

        Example:
            >>> from bilat import Portfolio, Project
            >>> p = Portfolio([Project("A", ["KZ"], "underway", count=12),
            ...                Project("B", ["UZ"], "planned", count=21)])
            >>> {s.value: g.count for s, g in p.by_status().items()}
            {'planned': 21, 'underway': 12}
        """
        groups: dict[ProjectStatus, list[Project]] = {s: [] for s in ProjectStatus}
        for project in self.projects:
            groups[project.status].append(project)
        return MappingProxyType(
            {status: Portfolio(group) for status, group in groups.items() if group}
        )

    # -- money -----------------------------------------------------------------------

    def total(
        self,
        currency: CurrencyLike | None = None,
        rates: ExchangeRates | None = None,
        on: DateLike | None = None,
    ) -> Money | Estimate:
        """The value of the projects together.

        Projects without a value are left out (see :attr:`unvalued`). When
        every value is exact (Money, or an Estimate whose bounds are its
        value) the total is Money; otherwise it is an :class:`Estimate`
        whose bounds are the sums of the bounds, a Money counting as exact.
        Nothing is rounded.

        Args:
            currency: The currency of the total. None means the one currency
                of the values.
            rates: Exchange rates to convert values in other currencies;
                without them every value must already be in ``currency``.
                When every value is Money, each currency's values are added
                first and the sum converted once (as :meth:`MoneyBag.to`
                does); otherwise Money is converted with
                :meth:`ExchangeRates.convert` and an Estimate with
                :meth:`Estimate.to` (one rate for the value and both bounds).
            on: The date of the rates (a date or an ISO string); None uses
                the newest.

        Returns:
            Money or an Estimate in ``currency``. With no valued project the
            total is zero Money in ``currency``.

        Raises:
            CurrencyMismatchError: the values are in several currencies and
                ``currency`` is not given, or they are not all in
                ``currency`` and there are no ``rates``.
            ValidationError: no project has a value and ``currency`` is not
                given, or ``on`` is not a date.
            RateNotFoundError: ``rates`` lacks a rate that is needed.
            UnknownCurrencyError: ``currency`` is not an ISO 4217 code.

        Example:
            >>> from bilat import ExchangeRates, Money, Portfolio, Project
            >>> p = Portfolio([
            ...     Project("Road", ["KZ"], "underway", value=Money("100", "USD")),
            ...     Project("Plant", ["UZ"], "planned", value=Money("52511", "KZT")),
            ... ])
            >>> p.total()
            Traceback (most recent call last):
            ...
            bilat.CurrencyMismatchError: cannot apply 'total' to 'USD' and 'KZT': ...
            >>> rates = ExchangeRates.from_records(
            ...     [("2025-01-02", "USD", "KZT", "525.11")]
            ... )
            >>> p.total("KZT", rates)
            Money('105022.00', 'KZT')
        """
        if rates is not None:
            from bilat._rates import expect_rates

            expect_rates(rates, "Portfolio.total()")
        target = None if currency is None else as_currency(currency)
        day = None if on is None else as_date(on, "on")
        values = list(map(_value_of, self.projects))
        if target is not None and rates is not None:
            # The usual case for a large portfolio: every value Money, added
            # up per currency and converted once per currency, as in
            # MoneyBag.to, in one pass over the values (without the pass over
            # their types below, which costs some 10-15% of the total).
            try:
                bag = MoneyBag._of_moneys(values)
            except AttributeError:  # a None or an Estimate among them
                pass
            else:
                return bag.to(target, rates, day)
        all_money = countOf(map(type, values), Money) == len(values)
        if not all_money:
            values = [v for v in values if v is not None]
            all_money = countOf(map(type, values), Money) == len(values)
        if not values:
            if target is None:
                raise invalid(
                    "currency",
                    "no project has a value, so the total has no currency: "
                    "pass currency= (such as 'USD') to get zero in it",
                )
            return Money(0, target)
        found: list[Currency] = []
        if target is None or rates is None:  # a pass over the values only then
            if all_money:
                found = currencies_of(values)
            else:
                for value in values:
                    if value.currency not in found:
                        found.append(value.currency)
        if target is None:
            if len(found) > 1:
                raise total_mismatch(found[0], found[1], currency=None, rates=rates)
            target = found[0]
        if rates is None:
            for other in found:
                if other != target:
                    raise total_mismatch(target, other, currency=target, rates=None)
            total = money_totals(values).get(target) if all_money else None
            if total is not None:  # as the sum below gives it, in one C pass
                return make_money(total, target)
        elif all_money:
            # Each currency is added up first and converted once, as in
            # MoneyBag.to: one conversion per currency, not per project.
            return MoneyBag._of_moneys(values).to(target, rates, day)
        else:
            values = [
                value
                if value.currency == target
                else (
                    rates.convert(value, target, day)
                    if isinstance(value, Money)
                    else value.to(target, rates, day)
                )
                for value in values
            ]
        if all(_is_exact(v) for v in values):
            return sum(
                (v if isinstance(v, Money) else v.value for v in values),
                Money(0, target),
            )
        estimates = [v if isinstance(v, Estimate) else Estimate(v) for v in values]
        result = estimates[0]
        for estimate in estimates[1:]:
            result = result + estimate
        return result

    # -- tables and charts -------------------------------------------------------------

    @overload
    def to_frame(
        self,
        *,
        exact: bool = ...,
        backend: Literal["pandas"] = ...,
        currency: CurrencyLike | None = ...,
        rates: ExchangeRates | None = ...,
        on: DateLike | None = ...,
    ) -> pd.DataFrame: ...
    @overload
    def to_frame(
        self,
        *,
        exact: bool = ...,
        backend: Literal["polars"],
        currency: CurrencyLike | None = ...,
        rates: ExchangeRates | None = ...,
        on: DateLike | None = ...,
    ) -> pl.DataFrame: ...
    def to_frame(
        self,
        *,
        exact: bool = False,
        backend: Backend = "pandas",
        currency: CurrencyLike | None = None,
        rates: ExchangeRates | None = None,
        on: DateLike | None = None,
    ) -> pd.DataFrame | pl.DataFrame:
        """The projects as a tidy frame, one row per line (``pandas`` extra).

        Columns: ``name``; ``parties`` (a tuple of alpha-2 codes:
        ``df.explode("parties")`` gives a row per party); ``status``
        (``"underway"``); ``count`` (int); ``value``, ``low``, ``high``
        (the stated value and its bounds, all three equal for Money),
        ``qualifier`` (``"exact"`` for Money, the :class:`Qualifier` value
        for an Estimate) and ``currency`` (the code), all five missing for
        a project without a value; ``sector``, ``start`` and ``end`` (a
        :class:`datetime.date`, or an ``int`` year when only the year is
        known), ``location``, and ``source`` (the sources' titles joined by
        ``"; "``). Missing text is None.

        Amounts are float64 (NaN when missing), each the exact amount
        rounded once to the nearest float: for charts and quick sums.
        ``exact=True`` keeps the exact Decimals (None when missing), whose
        sums are exact.

        Args:
            exact: Decimal columns instead of floats.
            backend: ``"pandas"``, or ``"polars"`` for a polars frame with
                the same columns (the ``polars`` extra).
            currency: Add ``converted`` (each line's stated value in this
                currency) and ``converted_currency`` after ``currency``.
            rates: The rates for ``currency``; not needed for lines
                already in it.
            on: The date of the rates (a date or ISO text); the newest
                when None.

        Raises:
            MissingExtraError: pandas (or polars) is not installed (``pip
                install 'bilat[pandas]'``).
            CurrencyMismatchError: a line in another currency than
                ``currency`` and no ``rates``.
            RateNotFoundError: ``rates`` cannot convert a line's value.

        Example:
            >>> from bilat import Estimate, Money, Portfolio, Project
            >>> p = Portfolio([
            ...     Project("Joint projects", ["KZ", "UZ"], "underway",
            ...             value=Money("156000000", "USD"), count=12),
            ...     Project("Planned projects", ["KZ", "UZ"], "planned",
            ...             value=Estimate.parse("nearly $1 billion"), count=21),
            ... ])
            >>> df = p.to_frame()
            >>> df[["count", "value", "low", "qualifier"]].values.tolist()
            [[12, 156000000.0, 156000000.0, 'exact'],
             [21, 1000000000.0, 900000000.0, 'nearly']]
            >>> sum(p.to_frame(exact=True)["value"])
            Decimal('1156000000')
        """
        from bilat._present.frames import frame_options, portfolio_frame

        options = frame_options(
            "Portfolio.to_frame()",
            exact=exact,
            backend=backend,
            currency=currency,
            rates=rates,
            on=on,
        )
        return portfolio_frame(self, options)  # type: ignore[no-any-return]

    def plot(
        self,
        ax: Axes | None = None,
        *,
        by: Literal["status", "sector"] = "status",
        currency: CurrencyLike | None = None,
        rates: ExchangeRates | None = None,
        on: DateLike | None = None,
        locale: LocaleLike = "en",
    ) -> Axes:
        """Chart the value of the projects by status or sector (``plot`` extra).

        One bar per status that some project has (in the order of
        :class:`ProjectStatus`, coloured by status) or per sector (in
        alphabetical order, projects with no sector last), as high as the
        group's :meth:`total` (its stated value), labelled with that total
        and the number of projects. A total that is an Estimate is also
        drawn as a range from its low to its high bound. A group with no
        valued project has an empty bar that says so. The value axis starts
        at zero and shows compact amounts in ``locale``; every word is in
        ``locale``. Amounts become floats only to be drawn.

        Args:
            ax: The matplotlib Axes to draw on; None draws on a new figure
                with ``layout="constrained"``.
            by: ``"status"`` or ``"sector"``.
            currency: As for :meth:`total`.
            rates: As for :meth:`total`.
            on: As for :meth:`total`.
            locale: The language of every word and number drawn.

        Returns:
            The Axes drawn on.

        Raises:
            MissingExtraError: matplotlib is not installed (``pip install
                'bilat[plot]'``).
            CurrencyMismatchError: as for :meth:`total`.
            InvalidOptionError: ``by`` is neither ``"status"`` nor ``"sector"``.

        Example:
            >>> import matplotlib.pyplot as plt
            >>> from bilat import Estimate, Money, Portfolio, Project
            >>> p = Portfolio([
            ...     Project("Joint projects", ["KZ", "UZ"], "underway",
            ...             value=Money("156000000", "USD"), count=12),
            ...     Project("Planned projects", ["KZ", "UZ"], "planned",
            ...             value=Estimate.parse("nearly $1 billion"), count=21),
            ... ])
            >>> ax = p.plot()
            >>> [t.get_text() for t in ax.texts]
            ['nearly $1B', '$156M']
            >>> plt.close(ax.figure)
        """
        from bilat._present.plots_projects import portfolio_plot

        return portfolio_plot(
            self, ax, by=by, currency=currency, rates=rates, on=on, locale=locale
        )

    def plot_timeline(
        self,
        ax: Axes | None = None,
        *,
        as_of: DateLike | None = None,
        locale: LocaleLike = "en",
    ) -> Axes:
        """Chart each dated project's span, progress updates and end (``plot`` extra).

        One row per project with a start, an end or an update, in the
        portfolio's order: a bar from its start to its end (or to
        ``as_of``, or its latest update, when no end is given; a year alone
        counts from 1 January to 31 December), coloured by status; a tick
        at the start, a diamond at the end, and a circle at each update
        dated by ``as_of``, labelled with the share of the measure done
        (:meth:`Project.completion`); ``as_of`` as a vertical line. The
        title says how many projects have no date and are not shown.

        Args:
            ax: The matplotlib Axes to draw on; None draws on a new figure
                with ``layout="constrained"``.
            as_of: A date or an ISO string: later updates are left out and
                a line marks it; None shows every update and no line (the
                clock is not read).
            locale: The language of every word and number drawn.

        Returns:
            The Axes drawn on.

        Raises:
            MissingExtraError: matplotlib is not installed (``pip install
                'bilat[plot]'``).
            InvalidDateError: ``as_of`` is not a date.

        Example:
            >>> import matplotlib.pyplot as plt
            >>> import bilat
            >>> p = bilat.examples.kazakhstan_uzbekistan().portfolio
            >>> ax = p.plot_timeline(as_of="2025-12-31")
            >>> print(ax.get_title())
            Project timelines
            without dates, not shown: 3
            >>> plt.close(ax.figure)
        """
        from bilat._present.plots_projects import timeline_plot

        return timeline_plot(self, ax, as_of=as_of, locale=locale)

    # -- text ------------------------------------------------------------------------

    def _repr_html_(self) -> str:
        """A table of the projects and their total, for notebooks.

        Example:
            >>> from bilat import Money, Portfolio, Project
            >>> road = Project("Road", ["KZ"], "underway", value=Money(5, "USD"))
            >>> Portfolio([road])._repr_html_()[:30]
            '<table class="bilat-portfolio"'
        """
        from bilat._present.html import portfolio_html

        return portfolio_html(self)

    def __repr__(self) -> str:
        return f"Portfolio([{', '.join(map(repr, self.projects))}])"
