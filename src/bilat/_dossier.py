"""Dossiers: everything recorded about the relations between some countries."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TypeVar, final

import attrs

from bilat._agreement import Agreement
from bilat._country import Country, as_parties
from bilat._errors import ValidationError
from bilat._events import Meeting, Official
from bilat._portfolio import Portfolio
from bilat._project import Project
from bilat._series import TradeSeries
from bilat._source import Source, as_sources, as_text
from bilat._target import TradeTarget

if TYPE_CHECKING:
    import os

__all__ = ["Dossier"]

T = TypeVar("T")


def _items(value: object, cls: type[T], path: str) -> tuple[T, ...]:
    """A tuple of ``cls`` values, with errors that name the offending item."""
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise ValidationError(
            [(path, f"expected a sequence of {cls.__name__}, got {value!r}")]
        )
    items = tuple(value)
    article = "an" if cls.__name__[0] in "AEIOU" else "a"
    for i, item in enumerate(items):
        if not isinstance(item, cls):
            raise ValidationError(
                [(f"{path}[{i}]", f"expected {article} {cls.__name__}, got {item!r}")]
            )
    return items


def _agreements(value: object) -> tuple[Agreement, ...]:
    return _items(value, Agreement, "agreements")


def _projects(value: object) -> tuple[Project, ...]:
    return _items(value, Project, "projects")


def _targets(value: object) -> tuple[TradeTarget, ...]:
    return _items(value, TradeTarget, "targets")


def _series(value: object) -> tuple[TradeSeries, ...]:
    return _items(value, TradeSeries, "series")


def _events(value: object) -> tuple[Meeting, ...]:
    return _items(value, Meeting, "events")


def _officials(value: object) -> tuple[Official, ...]:
    return _items(value, Official, "officials")


def _title(value: object) -> str:
    return as_text(value, "title")


def _relationship(value: object) -> str | None:
    return None if value is None else as_text(value, "relationship")


def _note(value: object) -> str | None:
    return None if value is None else as_text(value, "note")


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
        targets: The trade targets they announced.
        series: Trade statistics, one series per reporter or speaker.
        events: Their meetings.
        sources: Sources for the dossier as a whole.
        relationship: How the parties describe their relationship, in their
            own words ("dependable ally and strategic partner"); free text,
            since each pair of countries has its own vocabulary.
        officials: The people who speak for the parties.
        note: Anything else worth keeping.

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
    parties: tuple[Country, ...] = attrs.field(converter=as_parties)
    agreements: tuple[Agreement, ...] = attrs.field(
        default=(), kw_only=True, converter=_agreements
    )
    projects: tuple[Project, ...] = attrs.field(
        default=(), kw_only=True, converter=_projects
    )
    targets: tuple[TradeTarget, ...] = attrs.field(
        default=(), kw_only=True, converter=_targets
    )
    series: tuple[TradeSeries, ...] = attrs.field(
        default=(), kw_only=True, converter=_series
    )
    events: tuple[Meeting, ...] = attrs.field(
        default=(), kw_only=True, converter=_events
    )
    sources: tuple[Source, ...] = attrs.field(
        default=(), kw_only=True, converter=as_sources
    )
    relationship: str | None = attrs.field(
        default=None, kw_only=True, converter=_relationship
    )
    officials: tuple[Official, ...] = attrs.field(
        default=(), kw_only=True, converter=_officials
    )
    note: str | None = attrs.field(default=None, kw_only=True, converter=_note)

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

        Raises:
            InvalidOptionError: the suffix is neither ``.toml`` nor ``.json``.
            OSError: the file cannot be written.

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

    def __repr__(self) -> str:
        args = [repr(self.title), repr(self.parties)]
        for field in attrs.fields(Dossier)[2:]:
            value: Any = getattr(self, field.name)
            if value != field.default:
                args.append(f"{field.name}={value!r}")
        return f"Dossier({', '.join(args)})"
