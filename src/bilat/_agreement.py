"""Agreements between countries, and their status on a date."""

from __future__ import annotations

import datetime as dt
import enum
from typing import final

import attrs

from bilat._country import Country, as_parties
from bilat._errors import ValidationError
from bilat._fields import as_enum
from bilat._pickling import public
from bilat._source import (
    Source,
    as_date,
    as_optional_date,
    as_sources,
    as_text,
    date_repr,
)

__all__ = ["Agreement", "AgreementKind", "AgreementStatus"]


@public
class AgreementKind(enum.Enum):
    """What sort of document an agreement is.

    Example:
        >>> from bilat import AgreementKind
        >>> AgreementKind("joint_statement")
        <AgreementKind.JOINT_STATEMENT: 'joint_statement'>
    """

    TREATY = "treaty"
    AGREEMENT = "agreement"
    MEMORANDUM = "memorandum"
    PROTOCOL = "protocol"
    PROGRAMME = "programme"
    ROADMAP = "roadmap"
    JOINT_STATEMENT = "joint_statement"
    DECLARATION = "declaration"
    CONTRACT = "contract"
    OTHER = "other"


@public
class AgreementStatus(enum.Enum):
    """Where an agreement stands on a date; see :meth:`Agreement.status`.

    The members are listed in the order an agreement passes through them.

    Example:
        >>> from bilat import AgreementStatus
        >>> AgreementStatus("in_force")
        <AgreementStatus.IN_FORCE: 'in_force'>
    """

    PROPOSED = "proposed"
    SIGNED = "signed"
    IN_FORCE = "in_force"
    EXPIRED = "expired"
    TERMINATED = "terminated"


def _title(value: object) -> str:
    return as_text(value, "title")


def _kind(value: object) -> AgreementKind:
    return as_enum(value, AgreementKind, "kind", "agreement kind")


def _signed(value: object) -> dt.date | None:
    return as_optional_date(value, "signed")


def _in_force(value: object) -> dt.date | None:
    return as_optional_date(value, "in_force")


def _ends(value: object) -> dt.date | None:
    return as_optional_date(value, "ends")


def _terminated(value: object) -> dt.date | None:
    return as_optional_date(value, "terminated")


# (earlier, later): pairs of dates that must not be out of order.
_ORDER = (
    ("signed", "in_force"),
    ("signed", "ends"),
    ("in_force", "ends"),
    ("signed", "terminated"),
)


@public
@final
@attrs.frozen(repr=False)
class Agreement:
    """An agreement between two or more countries.

    Dates may be given as :class:`datetime.date` or ISO strings, and any of
    them may be unknown. Those that are known must be in order: ``signed`` ≤
    ``in_force`` ≤ ``ends``, and ``terminated`` ≥ ``signed``. ``ends`` is
    the last day the agreement is in force; ``terminated`` the day it was
    ended early (it may come before ``in_force`` when an agreement was
    abandoned before it took effect). Parties keep the order given.

    Args:
        title: The agreement's title.
        parties: At least two distinct countries (codes are accepted).
        kind: An :class:`AgreementKind`, or its value (``"roadmap"``).
        signed: The day it was signed.
        in_force: The day it entered into force.
        ends: The last day it is in force, when it has a fixed term.
        terminated: The day it was terminated.
        sources: Where the facts about it come from.

    Raises:
        ValidationError: a field is invalid (the error's path names it:
            ``parties``, ``parties[1]``, ``kind``, ``signed`` …) or two dates
            are out of order (the message names both).

    Example:
        >>> from bilat import Agreement, AgreementKind
        >>> programme = Agreement(
        ...     "Programme on Increasing Mutual Trade",
        ...     ("KZ", "UZ"),
        ...     AgreementKind.PROGRAMME,
        ...     signed="2025-03-15",
        ... )
        >>> programme.parties
        (Country('KZ'), Country('UZ'))
        >>> programme.status(as_of="2025-06-30")
        <AgreementStatus.SIGNED: 'signed'>
    """

    title: str = attrs.field(converter=_title)
    parties: tuple[Country, ...] = attrs.field(converter=as_parties)
    kind: AgreementKind = attrs.field(converter=_kind)
    signed: dt.date | None = attrs.field(default=None, kw_only=True, converter=_signed)
    in_force: dt.date | None = attrs.field(
        default=None, kw_only=True, converter=_in_force
    )
    ends: dt.date | None = attrs.field(default=None, kw_only=True, converter=_ends)
    terminated: dt.date | None = attrs.field(
        default=None, kw_only=True, converter=_terminated
    )
    sources: tuple[Source, ...] = attrs.field(
        default=(), kw_only=True, converter=as_sources
    )

    def __attrs_post_init__(self) -> None:
        problems = []
        for early_name, late_name in _ORDER:
            early: dt.date | None = getattr(self, early_name)
            late: dt.date | None = getattr(self, late_name)
            if early is not None and late is not None and late < early:
                problems.append(
                    (
                        late_name,
                        (
                            f"{late_name} {late.isoformat()} is before "
                            f"{early_name} {early.isoformat()}"
                        ),
                    )
                )
        if problems:
            raise ValidationError(problems)

    def status(self, as_of: dt.date | str | None = None) -> AgreementStatus:
        """The agreement's status on ``as_of``, derived from its dates.

        The first rule that applies gives the status:

        1. ``TERMINATED`` if ``terminated`` ≤ ``as_of``;
        2. ``EXPIRED`` if ``ends`` < ``as_of``;
        3. ``IN_FORCE`` if ``in_force`` ≤ ``as_of``;
        4. ``SIGNED`` if ``signed`` ≤ ``as_of``;
        5. ``PROPOSED`` otherwise: before the agreement was signed, or when no
           date is known at all (the record exists, so it was at least
           proposed).

        An unknown date never applies. The status only moves forward in that
        list as ``as_of`` grows.

        Args:
            as_of: The date to judge on (a date or an ISO string). Left out,
                it is today's date (:meth:`datetime.date.today`): the only
                time this reads the clock.

        Raises:
            ValidationError: ``as_of`` is not a date.

        Example:
            >>> import datetime
            >>> from bilat import Agreement
            >>> a = Agreement(
            ...     "Treaty on Allied Relations",
            ...     ["KZ", "UZ"],
            ...     "treaty",
            ...     signed="2022-12-22",
            ...     in_force="2023-05-02",
            ... )
            >>> [a.status(d).value for d in ("2022-01-01", "2023-01-01", "2024-01-01")]
            ['proposed', 'signed', 'in_force']
        """
        day = dt.date.today() if as_of is None else as_date(as_of, "as_of")
        if self.terminated is not None and self.terminated <= day:
            return AgreementStatus.TERMINATED
        if self.ends is not None and self.ends < day:
            return AgreementStatus.EXPIRED
        if self.in_force is not None and self.in_force <= day:
            return AgreementStatus.IN_FORCE
        if self.signed is not None and self.signed <= day:
            return AgreementStatus.SIGNED
        return AgreementStatus.PROPOSED

    def __repr__(self) -> str:
        parties = tuple(p.alpha2 for p in self.parties)
        args = [repr(self.title), repr(parties), f"AgreementKind.{self.kind.name}"]
        for name in ("signed", "in_force", "ends", "terminated"):
            value: dt.date | None = getattr(self, name)
            if value is not None:
                args.append(f"{name}={date_repr(value)}")
        if self.sources:
            args.append(f"sources={self.sources!r}")
        return f"Agreement({', '.join(args)})"
