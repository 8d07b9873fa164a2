"""Events: officials, the topics they discuss, and their meetings."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from typing import TypeAlias, final

import attrs

from bilat._country import Country, CountryLike, as_country
from bilat._errors import shown
from bilat._fields import (
    DateOrYear,
    DateOrYearLike,
    as_enum,
    as_instances,
    as_optional_date_or_year,
    as_optional_text,
    as_text,
    as_tuple,
    invalid,
)
from bilat._pickling import public
from bilat._source import Source, date_or_year_repr, to_sources

__all__ = ["Meeting", "Official", "Topic", "When"]

#: When a meeting took place: the day, only the year, or unknown.
When: TypeAlias = DateOrYear | None


@public
class Topic(enum.Enum):
    """What a meeting was about.

    Example:
        >>> from bilat import Topic
        >>> Topic("water")
        <Topic.WATER: 'water'>
    """

    TRADE = "trade"
    ECONOMY = "economy"
    INVESTMENT = "investment"
    INDUSTRY = "industry"
    AGRICULTURE = "agriculture"
    ENERGY = "energy"
    WATER = "water"
    TRANSPORT = "transport"
    TRANSIT = "transit"
    DIGITAL = "digital"
    SECURITY = "security"
    CULTURE = "culture"
    HUMANITARIAN = "humanitarian"
    EDUCATION = "education"
    HEALTH = "health"
    OTHER = "other"


def _name(value: str) -> str:
    return as_text(value, "name")


def _role(value: str) -> str:
    return as_text(value, "role")


def _country(value: CountryLike) -> Country:
    return as_country(value, "country")


@public
@final
@attrs.frozen(repr=False)
class Official:
    """A person acting for a country, in the role they held at the time.

    Args:
        name: The person's name.
        role: Their office ("President", "Foreign Minister").
        country: The country they act for (a code is accepted).

    Raises:
        ValidationError: a field is empty or of the wrong type, or the
            country is unknown; the error's path names the field.

    Example:
        >>> from bilat import Official
        >>> Official("Bakhtiyor Saidov", "Foreign Minister", "UZ")
        Official('Bakhtiyor Saidov', 'Foreign Minister', 'UZ')
    """

    name: str = attrs.field(converter=_name)
    role: str = attrs.field(converter=_role)
    country: Country = attrs.field(converter=_country)

    def __repr__(self) -> str:
        return f"Official({self.name!r}, {self.role!r}, {self.country.alpha2!r})"

    def __str__(self) -> str:
        return f"{self.name} ({self.role}, {self.country.name()})"


def _when(value: DateOrYearLike | None) -> When:
    return as_optional_date_or_year(value, "when")


def _participants(value: Official | Iterable[Official]) -> tuple[Official, ...]:
    participants = as_instances(value, Official, "participants")
    for i, person in enumerate(participants):
        if person in participants[:i]:
            raise invalid(f"participants[{i}]", f"{shown(person)} is named twice")
    return participants


def _topic(value: object, path: str) -> Topic:
    return as_enum(value, Topic, path, "topic")


def _topics(value: Topic | str | Iterable[Topic | str]) -> tuple[Topic, ...]:
    # One topic alone, a member or its text ("trade"), is a tuple of one: a
    # type checker cannot tell a string from a sequence of strings, so the
    # run time takes both readings the annotation allows.
    if isinstance(value, Topic | str):
        return (_topic(value, "topics"),)
    topics = as_tuple(value, "topics", "a sequence of Topic", _topic)
    return tuple(dict.fromkeys(topics))


def _place(value: str | None) -> str | None:
    return as_optional_text(value, "place")


def _title(value: str | None) -> str | None:
    return as_optional_text(value, "title")


def _note(value: str | None) -> str | None:
    return as_optional_text(value, "note")


@public
@final
@attrs.frozen(repr=False)
class Meeting:
    """A meeting between officials, and what they discussed.

    ``when`` is as precise as the source: a :class:`datetime.date` (or an ISO
    string) when the day is known, an ``int`` year (or its digits,
    ``"2024"``) when only the year is, and
    None when the source gives no date. bilat never makes up a day.

    Topics keep the order given, each once. Participants must differ.

    Args:
        when: The day, the year, or None.
        participants: The officials who met.
        topics: What they discussed (:class:`Topic` members or their values).
        place: Where they met.
        sources: Where the facts about the meeting come from.
        title: A short name for the meeting.
        note: Anything else worth keeping.

    Raises:
        ValidationError: a field is invalid; the error's path names it
            (``when``, ``participants[1]``, ``topics[0]`` …).

    Example:
        >>> from bilat import Meeting, Official, Topic
        >>> m = Meeting(
        ...     2024,
        ...     [
        ...         Official("Kassym-Jomart Tokayev", "President", "KZ"),
        ...         Official("Bakhtiyor Saidov", "Foreign Minister", "UZ"),
        ...     ],
        ...     ["trade", Topic.WATER, Topic.SECURITY, "trade"],
        ...     place="Astana",
        ... )
        >>> m.year, m.date, [t.value for t in m.topics]
        (2024, None, ['trade', 'water', 'security'])
        >>> m.countries
        (Country('KZ'), Country('UZ'))
    """

    when: When = attrs.field(converter=_when)
    participants: tuple[Official, ...] = attrs.field(converter=_participants)
    topics: tuple[Topic, ...] = attrs.field(converter=_topics)
    place: str | None = attrs.field(default=None, kw_only=True, converter=_place)
    sources: tuple[Source, ...] = attrs.field(
        default=(), kw_only=True, converter=to_sources
    )
    title: str | None = attrs.field(default=None, kw_only=True, converter=_title)
    note: str | None = attrs.field(default=None, kw_only=True, converter=_note)

    @property
    def year(self) -> int | None:
        """The year of the meeting, or None when unknown.

        Example:
            >>> import datetime
            >>> from bilat import Meeting
            >>> Meeting(datetime.date(2024, 4, 10), (), ()).year
            2024
        """
        if isinstance(self.when, dt.date):
            return self.when.year
        return self.when

    @property
    def date(self) -> dt.date | None:
        """The day of the meeting, or None when only the year (or nothing) is known.

        Example:
            >>> from bilat import Meeting
            >>> Meeting("2024-04-10", (), ()).date, Meeting(2024, (), ()).date
            (datetime.date(2024, 4, 10), None)
        """
        return self.when if isinstance(self.when, dt.date) else None

    @property
    def countries(self) -> tuple[Country, ...]:
        """The participants' countries, each once, in order of appearance.

        Example:
            >>> from bilat import Meeting, Official
            >>> nurtleu = Official("Murat Nurtleu", "Foreign Minister", "KZ")
            >>> Meeting(None, [nurtleu], ()).countries
            (Country('KZ'),)
        """
        return tuple(dict.fromkeys(p.country for p in self.participants))

    def sort_key(self) -> tuple[bool, int, dt.date]:
        """A key for sorting in time: ``sorted(meetings, key=Meeting.sort_key)``.

        Meetings with no date come first, then by year; within a year, one
        known only by its year comes before those with a day. Sort with
        ``reverse=True`` for the most recent first.

        Example:
            >>> import datetime
            >>> from bilat import Meeting
            >>> ms = [Meeting("2024-04-10", (), ()), Meeting(2024, (), ())]
            >>> ms.append(Meeting(None, (), ()))
            >>> [m.when for m in sorted(ms, key=Meeting.sort_key)]
            [None, 2024, datetime.date(2024, 4, 10)]
        """
        if self.when is None:
            return (False, 0, dt.date.min)
        if isinstance(self.when, dt.date):
            return (True, self.when.year, self.when)
        return (True, self.when, dt.date.min)

    def __repr__(self) -> str:
        when = "None" if self.when is None else date_or_year_repr(self.when)
        names = [f"Topic.{t.name}" for t in self.topics]
        topics = f"({names[0]},)" if len(names) == 1 else f"({', '.join(names)})"
        args = [when, repr(self.participants), topics]
        for name in ("place", "sources", "title", "note"):
            value = getattr(self, name)
            if value:
                args.append(f"{name}={value!r}")
        return f"Meeting({', '.join(args)})"
