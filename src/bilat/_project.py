"""Joint projects: what they are worth, where they stand, how far they have got."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, TypeAlias, final

import attrs

from bilat._country import Country, CountryLike, as_parties
from bilat._errors import (
    BilatError,
    InvalidOptionError,
    UnitMismatchError,
    shown,
)
from bilat._estimate import Estimate
from bilat._fields import (
    DateLike,
    DateOrYear,
    DateOrYearLike,
    as_date,
    as_enum,
    as_instances,
    as_optional_date_or_year,
    as_optional_text,
    as_pairs,
    as_text,
    invalid,
    is_quantity,
    plain_str,
)
from bilat._money import Money
from bilat._pickling import public
from bilat._source import (
    Source,
    date_or_year_repr,
    date_or_year_text,
    date_repr,
    date_span,
    to_sources,
)

if TYPE_CHECKING:
    import pint
    from matplotlib.axes import Axes

    from bilat._locale import LocaleLike

    #: A pint quantity of bilat's registry (magnitudes are Decimal).
    Quantity: TypeAlias = pint.Quantity[Any]

    #: What a measure accepts: a pint quantity (of any registry) or text
    #: such as ``"152 km"``.
    QuantityLike: TypeAlias = pint.Quantity[Any] | str

__all__ = [
    "IATI_ACTIVITY_STATUS_URL",
    "MAX_COUNT",
    "ProgressUpdate",
    "Project",
    "ProjectStatus",
    "When",
    "as_status",
    "quantity_text",
]

#: A day a project starts or ends, or only its year when no day is known.
When: TypeAlias = DateOrYear

#: The largest :attr:`Project.count`: a billion projects in one line, far
#: beyond any real one, and a number every file format writes exactly.
MAX_COUNT: Final = 1_000_000_000

#: The IATI ActivityStatus codelist that :class:`ProjectStatus` maps to.
IATI_ACTIVITY_STATUS_URL: Final = (
    "https://iatistandard.org/en/iati-standard/203/codelists/activitystatus/"
)


@public
class ProjectStatus(enum.Enum):
    """Where a project stands: planned, underway, completed, suspended, cancelled.

    The members map to the codes of the IATI ActivityStatus codelist
    (https://iatistandard.org/en/iati-standard/203/codelists/activitystatus/),
    which donors and development banks use to publish their projects:

    ====  =========================  =============
    IATI  IATI name                  ProjectStatus
    ====  =========================  =============
    1     Pipeline/identification    PLANNED
    2     Implementation             UNDERWAY
    3     Finalisation               COMPLETED
    4     Closed                     COMPLETED
    5     Cancelled                  CANCELLED
    6     Suspended                  SUSPENDED
    ====  =========================  =============

    Going back, :attr:`iati_code` gives ``3`` (Finalisation) for
    ``COMPLETED``. IATI's ``3`` says the physical work is complete (or the
    last payment made) while the accounts are still open pending financial
    sign-off or evaluation; ``4`` (Closed) says that too has been done. A
    statement that a project "has been completed" tells the first and
    seldom the second, so ``3`` claims no more than is known. Publish ``4``
    yourself when the accounts are known to be closed. The round trip
    ``ProjectStatus.from_iati(s.iati_code) is s`` holds for every member.

    Example:
        >>> from bilat import ProjectStatus
        >>> ProjectStatus("underway")
        <ProjectStatus.UNDERWAY: 'underway'>
        >>> ProjectStatus.from_iati(2), ProjectStatus.from_iati("4")
        (<ProjectStatus.UNDERWAY: 'underway'>, <ProjectStatus.COMPLETED: 'completed'>)
        >>> [s.iati_code for s in ProjectStatus]
        [1, 2, 3, 6, 5]
    """

    PLANNED = "planned"
    UNDERWAY = "underway"
    COMPLETED = "completed"
    SUSPENDED = "suspended"
    CANCELLED = "cancelled"

    @classmethod
    def from_iati(cls, code: int | str) -> ProjectStatus:
        """The status for an IATI ActivityStatus code (``1`` to ``6``).

        Args:
            code: The code as an int or as the text IATI files hold (``"2"``).

        Raises:
            InvalidOptionError: ``code`` is not one of the six codes.

        Example:
            >>> from bilat import ProjectStatus
            >>> ProjectStatus.from_iati("1")
            <ProjectStatus.PLANNED: 'planned'>
            >>> ProjectStatus.from_iati(7)
            Traceback (most recent call last):
            ...
            bilat.InvalidOptionError: unknown IATI activity status code 7: ...
        """
        key: int | None = None
        if type(code) is int:
            key = code
        elif isinstance(code, str) and code.isascii() and code.isdigit():
            key = int(code)
        status = _FROM_IATI.get(key) if key is not None else None
        if status is None:
            raise InvalidOptionError(
                "IATI activity status code", code, map(str, _FROM_IATI)
            )
        return status

    @property
    def iati_code(self) -> int:
        """The IATI ActivityStatus code (``COMPLETED`` gives 3, see the class).

        Example:
            >>> from bilat import ProjectStatus
            >>> ProjectStatus.PLANNED.iati_code, ProjectStatus.COMPLETED.iati_code
            (1, 3)
        """
        return _TO_IATI[self]


_FROM_IATI: Final = {
    1: ProjectStatus.PLANNED,
    2: ProjectStatus.UNDERWAY,
    3: ProjectStatus.COMPLETED,
    4: ProjectStatus.COMPLETED,
    5: ProjectStatus.CANCELLED,
    6: ProjectStatus.SUSPENDED,
}
_TO_IATI: Final = {
    ProjectStatus.PLANNED: 1,
    ProjectStatus.UNDERWAY: 2,
    ProjectStatus.COMPLETED: 3,
    ProjectStatus.CANCELLED: 5,
    ProjectStatus.SUSPENDED: 6,
}


def as_status(value: object, path: str = "status") -> ProjectStatus:
    """A :class:`ProjectStatus` from a member or its value (``"underway"``).

    Raises:
        ValidationError: ``value`` names no status; the path is ``path``.

    Example:
        >>> from bilat._project import as_status
        >>> as_status("planned")
        <ProjectStatus.PLANNED: 'planned'>
    """
    return as_enum(value, ProjectStatus, path, "project status")


# -- quantities ------------------------------------------------------------------


def _as_quantity(value: object, path: str) -> Quantity:
    """A quantity of bilat's registry from text (``"152 km"``) or a pint Quantity.

    :func:`bilat._units.parse_quantity` reads it: quantities of other
    registries are rebuilt in bilat's, magnitudes become Decimal, and text
    without a unit is a dimensionless number. Every problem is a
    ValidationError at ``path``.
    """
    from bilat._units import parse_quantity

    if not isinstance(value, str) and not is_quantity(value):
        raise invalid(path, f"expected a quantity such as '152 km', got {shown(value)}")
    try:
        return parse_quantity(value)
    except BilatError as e:
        raise invalid(path, str(e)) from None


def quantity_text(quantity: Any) -> str:
    """A quantity as text that reads back to an equal quantity.

    Example:
        >>> import bilat
        >>> from bilat._project import quantity_text
        >>> quantity_text(bilat.Q_(152, "km"))
        '152 kilometer'
    """
    from bilat._units import magnitude

    return f"{magnitude(quantity)} {quantity.units:D}"


# -- progress updates --------------------------------------------------------------


def _update_date(value: DateLike) -> dt.date:
    return as_date(value, "date")


def _measure_name(value: str) -> str:
    return as_text(value, "measure")


def _done_key(quantity: Quantity) -> tuple[object, ...]:
    from bilat._units import quantity_key

    return quantity_key(quantity)


def _done(value: QuantityLike) -> Quantity:
    from bilat._units import magnitude

    quantity = _as_quantity(value, "done")
    if magnitude(quantity) < 0:
        raise invalid(
            "done", f"expected a quantity of zero or more, got {shown(value)}"
        )
    return quantity


@public
@final
@attrs.frozen(repr=False)
class ProgressUpdate:
    """How much of a project's measure was done by a date.

    Args:
        date: The day the figure applies to (a date or an ISO string).
        measure: The name of the project's measure it reports on
            (``"length"``).
        done: How much was done by then, in any unit of the measure's
            dimension: a pint quantity or text such as ``"106 km"``. It may
            exceed the planned measure (an overrun).
        sources: Where the figure comes from.

    Raises:
        ValidationError: a field is invalid (the path names it): a date that
            is not a date, an empty measure name, text that is not a
            quantity or a negative quantity.

    Example:
        >>> from bilat import ProgressUpdate
        >>> u = ProgressUpdate("2025-11-25", "length", "106 km")
        >>> u
        ProgressUpdate('2025-11-25', 'length', '106 kilometer')
        >>> u.done.to("m").magnitude == 106_000
        True
    """

    date: dt.date = attrs.field(converter=_update_date)
    measure: str = attrs.field(converter=_measure_name)
    done: Quantity = attrs.field(converter=_done, eq=_done_key)
    sources: tuple[Source, ...] = attrs.field(
        default=(), kw_only=True, converter=to_sources
    )

    def __repr__(self) -> str:
        args = [
            date_repr(self.date),
            repr(self.measure),
            repr(quantity_text(self.done)),
        ]
        if self.sources:
            args.append(f"sources={self.sources!r}")
        return f"ProgressUpdate({', '.join(args)})"


# -- projects ------------------------------------------------------------------------


def _name(value: str) -> str:
    return as_text(value, "name")


def _parties(value: Iterable[CountryLike]) -> tuple[Country, ...]:
    return as_parties(value, "parties", least=1)


def _status(value: ProjectStatus | str) -> ProjectStatus:
    return as_status(value, "status")


def _value(value: Money | Estimate | None) -> Money | Estimate | None:
    return _as_value(value, "value")


def _as_value(value: object, path: str) -> Money | Estimate | None:
    """A project's worth: a Money or an Estimate of zero or more, or None."""
    if value is None:
        return None
    if isinstance(value, Money):
        low = value
    elif isinstance(value, Estimate):
        low = value.low
    else:
        raise invalid(
            path,
            f"expected a Money, an Estimate or None, got {shown(value)} "
            "(read text with Money.parse or Estimate.parse)",
        )
    if low.amount < 0:
        raise invalid(path, f"expected a value of zero or more, got {shown(value)}")
    return value


def _sector(value: str | None) -> str | None:
    return as_optional_text(value, "sector")


def _location(value: str | None) -> str | None:
    return as_optional_text(value, "location")


def _count(value: int) -> int:
    return _as_count(value, "count")


def _as_count(value: object, path: str) -> int:
    """How many projects a line stands for: an int from 1 to :data:`MAX_COUNT`."""
    if type(value) is not int or not 1 <= value <= MAX_COUNT:
        raise invalid(
            path, f"expected an int from 1 to {MAX_COUNT:,}, got {shown(value)}"
        )
    return value


def _start(value: DateOrYearLike | None) -> When | None:
    return as_optional_date_or_year(value, "start")


def _end(value: DateOrYearLike | None) -> When | None:
    return as_optional_date_or_year(value, "end")


def _measures(value: Mapping[str, QuantityLike]) -> Mapping[str, Quantity]:
    return _as_measures(value, "measures")


def _as_measures(value: object, path: str) -> Mapping[str, Quantity]:
    """Named quantities greater than zero, read-only and sorted by name."""
    from bilat._units import magnitude

    pairs = as_pairs(value, path, "a mapping of name to quantity")
    measures: dict[str, Quantity] = {}
    for key, item in pairs:
        name = as_text(key, f"{path}[{shown(key)}]")
        at = f"{path}[{shown(name)}]"
        if name in measures:
            raise invalid(at, f"the name {shown(name)} is given twice")
        quantity = _as_quantity(item, at)
        if magnitude(quantity) <= 0:
            raise invalid(
                at, f"expected a quantity greater than zero, got {shown(item)}"
            )
        measures[name] = quantity
    return MappingProxyType(dict(sorted(measures.items())))


def _mapping_key(mapping: Mapping[str, Quantity]) -> tuple[tuple[str, object], ...]:
    from bilat._units import quantity_key

    return tuple((name, quantity_key(q)) for name, q in mapping.items())


def _updates(
    value: ProgressUpdate | Iterable[ProgressUpdate],
) -> tuple[ProgressUpdate, ...]:
    return as_instances(value, ProgressUpdate, "updates")


def _check_updates(
    updates: tuple[ProgressUpdate, ...], measures: Mapping[str, Quantity]
) -> tuple[ProgressUpdate, ...]:
    """Check each update against the measures; return them sorted by date."""
    first: dict[tuple[dt.date, str], int] = {}
    for i, update in enumerate(updates):
        path = f"updates[{i}]"
        total = measures.get(update.measure)
        if total is None:
            known = ", ".join(map(repr, measures))
            raise invalid(
                f"{path}.measure",
                f"unknown measure {shown(update.measure)}: "
                + (
                    f"expected one of {known}"
                    if known
                    else "the project has no measures; add it to measures"
                ),
            )
        if update.done.dimensionality != total.dimensionality:
            raise UnitMismatchError(
                f"{total.units:D}",
                f"{update.done.units:D}",
                f"{path}.done reports {shown(update.measure)}, which is measured in "
                f"{total.units:D}",
            )
        key = (update.date, update.measure)
        if key in first:
            raise invalid(
                path,
                f"a second update of {shown(update.measure)} on "
                f"{update.date.isoformat()} (the first is updates[{first[key]}])",
            )
        first[key] = i
    return tuple(sorted(updates, key=lambda u: (u.date, u.measure)))


@public
@final
@attrs.frozen(repr=False)
class Project:
    """A joint project, or a line standing for several reported only in total.

    Args:
        name: What the project is called.
        parties: The countries taking part (at least one, each once), as
            :class:`Country` values or codes; kept in the order given.
        status: A :class:`ProjectStatus`, or its value (``"underway"``).
        value: What the project is worth (for a line of several projects,
            what they are worth together): a :class:`Money`, an
            :class:`Estimate` ("nearly $1 billion"), or None when not stated.
        sector: The sector, in the words of the source (``"transport"``).
        count: How many projects the line stands for: ``12`` for "12 joint
            projects valued at $156 million"; an int from 1 to
            1,000,000,000.
        start: When the project started, or is to start: a date (or an ISO
            string), or a year as an ``int`` (or its digits, ``"2026"``)
            when only the year is known ("launch planned in 2026"); never an
            invented day.
        end: When it ended, or is to end; the same forms as ``start``, and
            not before it (a year and a date are compared by year).
        location: Where it is.
        measures: What the project will deliver, by name, as pint quantities
            or text: ``{"length": "152 km"}``. Kept read-only, sorted by name.
        updates: :class:`ProgressUpdate` records; each must report a measure
            of ``measures`` in a unit of the same dimension. Kept sorted by
            date (then measure name).
        sources: Where the facts about the project come from.

    Raises:
        ValidationError: a field is invalid; its path names it (``count``,
            ``parties[1]``, ``measures['length']``, ``updates[0].measure``
            …).
        UnitMismatchError: an update reports a measure in a unit of another
            dimension; the message names both units.

    Example:
        >>> from bilat import Money, Project, ProjectStatus
        >>> line = Project(
        ...     "Joint industrial projects",
        ...     ("KZ", "UZ"),
        ...     ProjectStatus.UNDERWAY,
        ...     value=Money("156000000", "USD"),
        ...     count=12,
        ... )
        >>> line.count, line.value
        (12, Money('156000000', 'USD'))
        >>> from bilat import ProgressUpdate
        >>> rail = Project(
        ...     "Darbaza–Maktaaral railway",
        ...     ["KZ"],
        ...     "underway",
        ...     sector="transport",
        ...     end=2026,
        ...     measures={"length": "152 km"},
        ...     updates=[ProgressUpdate("2025-11-25", "length", "106 km")],
        ... )
        >>> rail.measures["length"]
        <Quantity(152, 'kilometer')>
        >>> round(rail.completion(), 3)
        Decimal('0.697')
    """

    name: str = attrs.field(converter=_name)
    parties: tuple[Country, ...] = attrs.field(converter=_parties)
    status: ProjectStatus = attrs.field(converter=_status)
    value: Money | Estimate | None = attrs.field(
        default=None, kw_only=True, converter=_value
    )
    sector: str | None = attrs.field(default=None, kw_only=True, converter=_sector)
    count: int = attrs.field(default=1, kw_only=True, converter=_count)
    start: When | None = attrs.field(default=None, kw_only=True, converter=_start)
    end: When | None = attrs.field(default=None, kw_only=True, converter=_end)
    location: str | None = attrs.field(default=None, kw_only=True, converter=_location)
    measures: Mapping[str, Quantity] = attrs.field(
        factory=dict, kw_only=True, converter=_measures, eq=_mapping_key
    )
    updates: tuple[ProgressUpdate, ...] = attrs.field(
        default=(), kw_only=True, converter=_updates
    )
    sources: tuple[Source, ...] = attrs.field(
        default=(), kw_only=True, converter=to_sources
    )

    def __attrs_post_init__(self) -> None:
        # Updates are checked against the measures, so after both are set;
        # storing them sorted is part of construction.
        object.__setattr__(self, "updates", _check_updates(self.updates, self.measures))
        start, end = self.start, self.end
        if start is None or end is None:
            return
        # Certainly before: a year spans 1 January to 31 December.
        if date_span(end)[1] < date_span(start)[0]:
            raise invalid(
                "end",
                f"end {date_or_year_text(end)} is before start "
                f"{date_or_year_text(start)}",
            )

    # -- progress ------------------------------------------------------------------

    def _measure(self, measure: str | None) -> str | None:
        names = tuple(self.measures)
        if measure is None:
            if len(names) > 1:
                raise InvalidOptionError("measure", measure, names)
            return names[0] if names else None
        text = plain_str(measure)
        if text is None:
            raise InvalidOptionError("measure", measure, names)
        measure = text
        if measure not in self.measures:
            if not names:
                raise invalid(
                    "measure",
                    f"unknown measure {shown(measure)}: {shown(self.name)} has no "
                    "measures",
                )
            raise InvalidOptionError("measure", measure, names)
        return measure

    def latest_update(
        self, as_of: DateLike | None = None, *, measure: str | None = None
    ) -> ProgressUpdate | None:
        """The latest update of ``measure`` dated on or before ``as_of``.

        Args:
            as_of: A date or an ISO string; None means the latest update of
                all (the clock is not read).
            measure: The measure's name; may be left out when the project
                has only one.

        Returns:
            The update, or None when there is none by then.

        Raises:
            InvalidOptionError: ``measure`` is not one of the project's, or
                is left out while the project has several.
            ValidationError: ``as_of`` is not a date, or ``measure`` is given
                while the project has no measures.

        Example:
            >>> from bilat import ProgressUpdate, Project
            >>> p = Project("Railway", ["KZ"], "underway",
            ...             measures={"length": "152 km"},
            ...             updates=[ProgressUpdate("2025-11-25", "length", "106 km")])
            >>> p.latest_update()
            ProgressUpdate('2025-11-25', 'length', '106 kilometer')
            >>> p.latest_update("2025-01-01") is None
            True
        """
        name = self._measure(measure)
        day = None if as_of is None else as_date(as_of, "as_of")
        found = None
        for update in self.updates:
            if day is not None and update.date > day:
                break
            if update.measure == name:
                found = update
        return found

    def completion(
        self, as_of: DateLike | None = None, *, measure: str | None = None
    ) -> Decimal | None:
        """How much of ``measure`` was done by ``as_of``, as a fraction.

        The latest update on or before ``as_of`` gives ``done``; the result is
        ``done / measures[measure]`` in whatever units they are given
        (``106 km`` of ``152 km`` and ``106000 m`` of ``152 km`` give the
        same). Both are taken to base units by exact factors and divided once,
        so it is exact whenever it is a decimal of at most 60 significant
        digits (``1 mile`` of ``1.609344 km`` is exactly 1) and rounded to 60
        otherwise (round it for display). It may exceed 1 when more was done
        than planned.

        Args:
            as_of: A date or an ISO string; None means the latest update (the
                clock is not read).
            measure: The measure's name; may be left out when the project
                has only one.

        Returns:
            The fraction done, or None when no update is dated by then.

        Raises:
            InvalidOptionError: ``measure`` is not one of the project's, or
                is left out while the project has several.
            ValidationError: ``as_of`` is not a date, or ``measure`` is given
                while the project has no measures.

        Example:
            >>> from bilat import ProgressUpdate, Project
            >>> p = Project("Railway", ["KZ"], "underway",
            ...             measures={"length": "152 km"},
            ...             updates=[ProgressUpdate("2025-11-25", "length", "106 km")])
            >>> round(p.completion(), 4)
            Decimal('0.6974')
            >>> p.completion(as_of="2025-06-30") is None
            True
        """
        update = self.latest_update(as_of, measure=measure)
        if update is None:
            return None
        from bilat._units import quantity_ratio

        return quantity_ratio(update.done, self.measures[update.measure])

    def plot(
        self,
        ax: Axes | None = None,
        *,
        measure: str | None = None,
        as_of: dt.date | str | None = None,
        locale: LocaleLike = "en",
    ) -> Axes:
        """Chart how much of a measure was done, update by update (``plot`` extra).

        The physical completion of the project: each :class:`ProgressUpdate`
        of ``measure`` dated by ``as_of`` as a point (in the planned
        measure's unit, labelled with the share done), joined from zero at
        the start when the start is known; the planned measure as a
        horizontal line; the end and ``as_of`` as vertical lines. The left
        axis shows the amount done from zero, the right one the share of
        the plan; the title gives the latest share and its date.

        Args:
            ax: The matplotlib Axes to draw on; None draws on a new figure
                with ``layout="constrained"``.
            measure: The measure's name; may be left out when the project
                has only one.
            as_of: A date or an ISO string: later updates are left out and
                a line marks it; None shows every update (the clock is not
                read).
            locale: The language of every word and number drawn.

        Returns:
            The Axes drawn on.

        Raises:
            MissingExtraError: matplotlib is not installed (``pip install
                'bilat[plot]'``).
            ValidationError: the project has no measures.
            InvalidOptionError: ``measure`` is not one of the project's, or
                is left out while the project has several.
            InvalidDateError: ``as_of`` is not a date.

        Example:
            >>> import matplotlib.pyplot as plt
            >>> from bilat import ProgressUpdate, Project
            >>> rail = Project("Railway", ["KZ"], "underway", start="2023-11-27",
            ...                end=2026, measures={"length": "152 km"},
            ...                updates=[ProgressUpdate("2025-11-25", "length", "106 km")])
            >>> ax = rail.plot()
            >>> print(ax.get_title())
            Railway: length
            70% done, as of November 25, 2025
            >>> plt.close(ax.figure)
        """
        from bilat._present.plots_projects import completion_plot

        return completion_plot(self, ax, measure=measure, as_of=as_of, locale=locale)

    # -- text ------------------------------------------------------------------------

    def __repr__(self) -> str:
        args = [
            repr(self.name),
            repr(tuple(p.alpha2 for p in self.parties)),
            f"ProjectStatus.{self.status.name}",
        ]
        if self.value is not None:
            args.append(f"value={self.value!r}")
        if self.sector is not None:
            args.append(f"sector={self.sector!r}")
        if self.count != 1:
            args.append(f"count={self.count!r}")
        if self.start is not None:
            args.append(f"start={date_or_year_repr(self.start)}")
        if self.end is not None:
            args.append(f"end={date_or_year_repr(self.end)}")
        if self.location is not None:
            args.append(f"location={self.location!r}")
        if self.measures:
            items = ", ".join(
                f"{name!r}: {quantity_text(q)!r}" for name, q in self.measures.items()
            )
            args.append(f"measures={{{items}}}")
        if self.updates:
            args.append(f"updates={self.updates!r}")
        if self.sources:
            args.append(f"sources={self.sources!r}")
        return f"Project({', '.join(args)})"
