"""Agreements between countries, the acts of each party, and their status on a date.

The acts follow the UN Treaty Collection's glossary
(https://treaties.un.org/Pages/Overview.aspx?path=overview/glossary/page1_en.xml):
a state *signs* a treaty; it expresses its consent to be bound by
*ratification*, *acceptance*, *approval* or *accession* (or by a signature,
when the treaty says so); the treaty *enters into force*, generally and for
each state; a state leaves it by *denunciation* or *withdrawal*.
:class:`TreatyAction` records one such act of one party, and
:meth:`Agreement.status` and :meth:`Agreement.status_for` read them.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from typing import Final, final

import attrs

from bilat._country import Country, CountryLike, as_country, to_parties
from bilat._errors import InvalidOptionError, ValidationError
from bilat._fields import (
    DateLike,
    DateOrYear,
    DateOrYearLike,
    as_date,
    as_date_or_year,
    as_enum,
    as_instances,
    as_optional_date_or_year,
    as_optional_text,
    as_text,
)
from bilat._pickling import public
from bilat._source import (
    Source,
    date_or_year_repr,
    date_or_year_text,
    date_span,
    to_sources,
)

__all__ = [
    "ActionKind",
    "Agreement",
    "AgreementKind",
    "AgreementStatus",
    "TreatyAction",
    "status_date",
]


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


@public
class ActionKind(enum.Enum):
    """What a party did about an agreement, as the UN Treaty Collection records it.

    The meanings are those of the UN Treaty Collection's glossary
    (https://treaties.un.org/Pages/Overview.aspx?path=overview/glossary/page1_en.xml):

    * ``SIGNATURE``: the party signed the text. Where the treaty needs
      ratification, acceptance or approval, a signature does not bind the
      party; it shows the will to go on, and a duty not to defeat the
      treaty's purpose.
    * ``RATIFICATION``, ``ACCEPTANCE``, ``APPROVAL``: the party, having
      signed, established its consent to be bound (the three have the same
      legal effect; which one a state uses depends on its constitution).
    * ``ACCESSION``: a party that did not sign accepted the offer to become
      a party; it has the same effect as ratification.
    * ``ENTRY_INTO_FORCE``: the agreement became binding on the party.
    * ``DENUNCIATION``, ``WITHDRAWAL``: the party left the agreement (the
      date is the day that takes effect, not the day of the notice).

    Example:
        >>> from bilat import ActionKind
        >>> ActionKind("entry_into_force")
        <ActionKind.ENTRY_INTO_FORCE: 'entry_into_force'>
    """

    SIGNATURE = "signature"
    RATIFICATION = "ratification"
    ACCEPTANCE = "acceptance"
    APPROVAL = "approval"
    ACCESSION = "accession"
    ENTRY_INTO_FORCE = "entry_into_force"
    DENUNCIATION = "denunciation"
    WITHDRAWAL = "withdrawal"


#: Acts that confirm a signature: they come after the party's own signature.
_CONFIRMING: Final = frozenset(
    {ActionKind.RATIFICATION, ActionKind.ACCEPTANCE, ActionKind.APPROVAL}
)

#: Acts that show the party signed or consented: an agreement with one of
#: them is at least signed.
_CONSENTING: Final = _CONFIRMING | {ActionKind.SIGNATURE, ActionKind.ACCESSION}

#: Acts by which a party leaves the agreement.
_LEAVING: Final = frozenset({ActionKind.DENUNCIATION, ActionKind.WITHDRAWAL})

#: For each kind of act, the kinds of the same party's acts it cannot precede.
_AFTER: Final[Mapping[ActionKind, frozenset[ActionKind]]] = {
    **dict.fromkeys(_CONFIRMING, frozenset({ActionKind.SIGNATURE})),
    ActionKind.ENTRY_INTO_FORCE: _CONSENTING,
    **dict.fromkeys(_LEAVING, _CONSENTING | {ActionKind.ENTRY_INTO_FORCE}),
}


def _done(value: DateOrYear) -> dt.date:
    """The first day ``value`` has surely happened by: 31 December for a year."""
    return date_span(value)[1]


def _earliest(values: Iterable[DateOrYear]) -> DateOrYear | None:
    """The value surely done first; a day before a year that ends on it."""
    return min(values, key=lambda v: (_done(v), isinstance(v, int)), default=None)


def _latest(values: Iterable[DateOrYear]) -> DateOrYear:
    """The value surely done last; a day after a year that ends on it."""
    return max(values, key=lambda v: (_done(v), not isinstance(v, int)))


def _binding(own: Iterable[TreatyAction]) -> DateOrYear | None:
    """When a party's own acts first bind it; None when it has no act of consent.

    Its first ratification, acceptance, approval or accession; a party with
    none of those on record is taken to be bound by its first signature.
    """
    acts = [a for a in own if a.kind in _CONSENTING]
    confirming = [a.date for a in acts if a.kind is not ActionKind.SIGNATURE]
    return _earliest(confirming or [a.date for a in acts])


def _kind_text(kind: ActionKind) -> str:
    """An act's kind as words: ``entry into force``."""
    return kind.value.replace("_", " ")


def _party(value: CountryLike) -> Country:
    return as_country(value, "party")


def _action_kind(value: ActionKind | str) -> ActionKind:
    return as_enum(value, ActionKind, "kind", "treaty action")


def _action_date(value: DateOrYearLike) -> DateOrYear:
    return as_date_or_year(value, "date")


@public
@final
@attrs.frozen(repr=False)
class TreatyAction:
    """One act of one party about an agreement, such as a signature or a ratification.

    ``date`` is as precise as the source: a :class:`datetime.date` (or an ISO
    string), or an ``int`` year (or its digits, ``"2025"``) when only the
    year is known. An act known only by its year Y counts as done from 31
    December of Y, the first day it has surely happened.

    Args:
        party: The country that acted (a code is accepted); it must be one of
            the agreement's parties.
        kind: An :class:`ActionKind`, or its value (``"ratification"``).
        date: The day the act took effect, or its year.
        sources: Where the fact comes from.

    Raises:
        ValidationError: a field is invalid; the error's path names it
            (``party``, ``kind``, ``date``, ``sources[0]``).

    Example:
        >>> from bilat import ActionKind, TreatyAction
        >>> TreatyAction("KAZ", "ratification", "2025-02-05")
        TreatyAction('KZ', ActionKind.RATIFICATION, '2025-02-05')
        >>> TreatyAction("UZ", ActionKind.SIGNATURE, 2024).date
        2024
    """

    party: Country = attrs.field(converter=_party)
    kind: ActionKind = attrs.field(converter=_action_kind)
    date: DateOrYear = attrs.field(converter=_action_date)
    sources: tuple[Source, ...] = attrs.field(
        default=(), kw_only=True, converter=to_sources
    )

    def __str__(self) -> str:
        return (
            f"{self.party.alpha2}: {_kind_text(self.kind)}, "
            f"{date_or_year_text(self.date)}"
        )

    def __repr__(self) -> str:
        args = [
            repr(self.party.alpha2),
            f"ActionKind.{self.kind.name}",
            date_or_year_repr(self.date),
        ]
        if self.sources:
            args.append(f"sources={self.sources!r}")
        return f"TreatyAction({', '.join(args)})"


#: Acts that need the agreed text: none comes before the agreement is signed.
#: (A party's signature may: a text can be open for signature before the day
#: recorded as ``signed``.)
_NOT_BEFORE_SIGNED: Final = (_CONSENTING - {ActionKind.SIGNATURE}) | {
    ActionKind.ENTRY_INTO_FORCE,
    *_LEAVING,
}


# -- Agreement -------------------------------------------------------------------------


def _title(value: str) -> str:
    return as_text(value, "title")


def _kind(value: AgreementKind | str) -> AgreementKind:
    return as_enum(value, AgreementKind, "kind", "agreement kind")


# The optional dates: one rule (as_optional_date_or_year), each named for its path.
def _signed(value: DateOrYearLike | None) -> DateOrYear | None:
    return as_optional_date_or_year(value, "signed")


def _in_force(value: DateOrYearLike | None) -> DateOrYear | None:
    return as_optional_date_or_year(value, "in_force")


def _ends(value: DateOrYearLike | None) -> DateOrYear | None:
    return as_optional_date_or_year(value, "ends")


def _terminated(value: DateOrYearLike | None) -> DateOrYear | None:
    return as_optional_date_or_year(value, "terminated")


def _actions(value: TreatyAction | Iterable[TreatyAction]) -> tuple[TreatyAction, ...]:
    return as_instances(value, TreatyAction, "actions")


def _note(value: str | None) -> str | None:
    return as_optional_text(value, "note")


# (earlier, later): pairs of dates that must not be out of order.
_ORDER = (
    ("signed", "in_force"),
    ("signed", "ends"),
    ("in_force", "ends"),
    ("signed", "terminated"),
)


def _before(late: DateOrYear, early: DateOrYear) -> bool:
    """Whether ``late`` is certainly before ``early`` (a year spans the whole year)."""
    return date_span(late)[1] < date_span(early)[0]


def _act_text(action: TreatyAction) -> str:
    when = date_or_year_text(action.date)
    return f"{_kind_text(action.kind)} by {action.party.alpha2} ({when})"


@public
@final
@attrs.frozen(repr=False)
class Agreement:
    """An agreement between two or more countries, and what each party did.

    Dates may be given as :class:`datetime.date` or ISO strings, or as an
    ``int`` year (or its digits, ``"2025"``) when only the year is known;
    any of them may be unknown.
    Those that are known must be in order: ``signed`` ≤ ``in_force`` ≤
    ``ends``, and ``terminated`` ≥ ``signed``. ``ends`` is the last day the
    agreement is in force; ``terminated`` the day it was ended early (it may
    come before ``in_force`` when an agreement was abandoned before it took
    effect). Where a date is only a year, only dates that are certainly out
    of order are refused (a year spans 1 January to 31 December). Parties
    keep the order given.

    ``actions`` are the parties' own acts (:class:`TreatyAction`): each by one
    of the parties, each act once, and in the order the UN Treaty
    Collection's glossary gives them for the same party: a ratification,
    acceptance or approval not before its signature, entry into force not
    before its first act of consent, a denunciation or withdrawal not before
    those; no party's entry into force before the agreement's ``in_force``;
    and no act but a signature before the agreement's ``signed`` (a
    ratification, accession, entry into force or withdrawal needs the
    agreed text).

    Args:
        title: The agreement's title.
        parties: At least two distinct countries (codes are accepted).
        kind: An :class:`AgreementKind`, or its value (``"roadmap"``).
        signed: The day it was signed, or its year.
        in_force: The day it entered into force (for every party without an
            entry into force of its own), or its year.
        ends: The last day it is in force, when it has a fixed term, or
            its year.
        terminated: The day it was terminated, or its year.
        sources: Where the facts about it come from.
        actions: What the parties did: signatures, ratifications, entries
            into force, denunciations (:class:`TreatyAction`).
        note: Anything else worth keeping.

    Raises:
        ValidationError: a field is invalid (the error's path names it:
            ``parties``, ``parties[1]``, ``kind``, ``signed``,
            ``actions[0].party`` …) or two dates are out of order (the
            message names both).

    Example:
        >>> from bilat import Agreement, AgreementKind, TreatyAction
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
        >>> centre = Agreement(
        ...     "Agreement on the industrial cooperation centre",
        ...     ("KZ", "UZ"),
        ...     "agreement",
        ...     actions=[TreatyAction("KZ", "ratification", "2025-02-05")],
        ... )
        >>> centre.status("2025-02-05").value, centre.status_for("UZ", "2025-02-05").value
        ('signed', 'proposed')
    """

    title: str = attrs.field(converter=_title)
    parties: tuple[Country, ...] = attrs.field(converter=to_parties)
    kind: AgreementKind = attrs.field(converter=_kind)
    signed: DateOrYear | None = attrs.field(
        default=None,
        kw_only=True,
        converter=_signed,
    )
    in_force: DateOrYear | None = attrs.field(
        default=None,
        kw_only=True,
        converter=_in_force,
    )
    ends: DateOrYear | None = attrs.field(
        default=None,
        kw_only=True,
        converter=_ends,
    )
    terminated: DateOrYear | None = attrs.field(
        default=None,
        kw_only=True,
        converter=_terminated,
    )
    sources: tuple[Source, ...] = attrs.field(
        default=(), kw_only=True, converter=to_sources
    )
    actions: tuple[TreatyAction, ...] = attrs.field(
        default=(), kw_only=True, converter=_actions
    )
    note: str | None = attrs.field(default=None, kw_only=True, converter=_note)

    def __attrs_post_init__(self) -> None:
        problems = self._date_problems() + self._action_problems()
        if problems:
            raise ValidationError(problems)

    def _date_problems(self) -> list[tuple[str, str]]:
        problems = []
        for early_name, late_name in _ORDER:
            early: DateOrYear | None = getattr(self, early_name)
            late: DateOrYear | None = getattr(self, late_name)
            if early is not None and late is not None and _before(late, early):
                problems.append(
                    (
                        late_name,
                        (
                            f"{late_name} {date_or_year_text(late)} is before "
                            f"{early_name} {date_or_year_text(early)}"
                        ),
                    )
                )
        return problems

    def _action_problems(self) -> list[tuple[str, str]]:
        """Actions by a non-party, listed twice, or out of order; one pass each."""
        problems: list[tuple[str, str]] = []
        seen: dict[tuple[Country, ActionKind, DateOrYear], int] = {}
        # The earliest act of each party and kind: (first day, the action).
        first: dict[tuple[Country, ActionKind], tuple[dt.date, TreatyAction]] = {}
        for i, action in enumerate(self.actions):
            if action.party not in self.parties:
                codes = ", ".join(repr(p.alpha2) for p in self.parties)
                problems.append(
                    (
                        f"actions[{i}].party",
                        (
                            f"{action.party.alpha2!r} is not one of the parties "
                            f"({codes}); add it to parties or correct the action"
                        ),
                    )
                )
            key = (action.party, action.kind, action.date)
            if key in seen:
                problems.append(
                    (
                        f"actions[{i}]",
                        (
                            f"the {_act_text(action)} is listed twice (also as "
                            f"actions[{seen[key]}]); merge their sources"
                        ),
                    )
                )
            seen.setdefault(key, i)
            start = date_span(action.date)[0]
            known = first.get((action.party, action.kind))
            if known is None or start < known[0]:
                first[(action.party, action.kind)] = (start, action)
        for i, action in enumerate(self.actions):
            path = f"actions[{i}].date"
            priors = [
                first[(action.party, kind)]
                for kind in _AFTER.get(action.kind, ())
                if (action.party, kind) in first
            ]
            if priors:
                _, prior = min(priors, key=lambda p: (p[0], p[1].kind.value))
                if _before(action.date, prior.date):
                    problems.append(
                        (
                            path,
                            f"the {_act_text(action)} is before the {_act_text(prior)}",
                        )
                    )
            if (
                action.kind in _NOT_BEFORE_SIGNED
                and self.signed is not None
                and _before(action.date, self.signed)
            ):
                problems.append(
                    (
                        path,
                        (
                            f"the {_act_text(action)} is before the agreement's "
                            f"signed {date_or_year_text(self.signed)}"
                        ),
                    )
                )
            if (
                action.kind is ActionKind.ENTRY_INTO_FORCE
                and self.in_force is not None
                and _before(action.date, self.in_force)
            ):
                problems.append(
                    (
                        path,
                        (
                            f"the {_act_text(action)} is before the agreement's "
                            f"in_force {date_or_year_text(self.in_force)}"
                        ),
                    )
                )
        return problems

    @property
    def entered_into_force(self) -> DateOrYear | None:
        """When the agreement entered into force: a day, a year, or None.

        The earliest of ``in_force`` and the parties' ``ENTRY_INTO_FORCE``
        acts, judged by the day each has surely happened (31 December for a
        year); a day comes before a year that ends on it.

        Example:
            >>> from bilat import Agreement, TreatyAction
            >>> a = Agreement(
            ...     "Treaty",
            ...     ["KZ", "UZ"],
            ...     "treaty",
            ...     actions=[
            ...         TreatyAction("UZ", "entry_into_force", 2023),
            ...         TreatyAction("KZ", "entry_into_force", "2023-05-02"),
            ...     ],
            ... )
            >>> a.entered_into_force
            datetime.date(2023, 5, 2)
        """
        dates = [a.date for a in self.actions if a.kind is ActionKind.ENTRY_INTO_FORCE]
        if self.in_force is not None:
            dates.append(self.in_force)
        return _earliest(dates)

    def status(self, as_of: dt.date | str | None = None) -> AgreementStatus:
        """The agreement's status on ``as_of``, from its dates and its actions.

        The first rule that applies gives the status:

        1. ``TERMINATED`` if ``terminated`` ≤ ``as_of``;
        2. ``EXPIRED`` if ``ends`` < ``as_of``;
        3. ``IN_FORCE`` if ``in_force`` ≤ ``as_of``, or any party's
           ``ENTRY_INTO_FORCE`` act is;
        4. ``SIGNED`` if ``signed`` ≤ ``as_of``, or any party's signature,
           ratification, acceptance, approval or accession is (consent to be
           bound presupposes an agreed text, so a ratified agreement is at
           least signed);
        5. ``PROPOSED`` otherwise: before the agreement was signed, or when no
           date is known at all (the record exists, so it was at least
           proposed).

        An unknown date never applies; a date known only by its year Y
        applies from 31 December of Y. A party's denunciation or withdrawal
        ends the agreement for that party only (see :meth:`status_for`);
        when it ends the agreement itself, as it does a bilateral one once it
        takes effect, record that day as ``terminated``. The status only
        moves forward in that list as ``as_of`` grows.

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
            >>> b = Agreement("Treaty", ["KZ", "UZ"], "treaty", signed=2022)
            >>> b.status("2022-12-30").value, b.status("2022-12-31").value
            ('proposed', 'signed')
        """
        day = _as_of(as_of)
        if self.terminated is not None and _done(self.terminated) <= day:
            return AgreementStatus.TERMINATED
        if self.ends is not None and _done(self.ends) < day:
            return AgreementStatus.EXPIRED
        in_force = self.entered_into_force
        if in_force is not None and _done(in_force) <= day:
            return AgreementStatus.IN_FORCE
        if (self.signed is not None and _done(self.signed) <= day) or any(
            a.kind in _CONSENTING and _done(a.date) <= day for a in self.actions
        ):
            return AgreementStatus.SIGNED
        return AgreementStatus.PROPOSED

    def status_for(
        self, party: CountryLike, as_of: dt.date | str | None = None
    ) -> AgreementStatus:
        """Where ``party`` stands on ``as_of``: from its own acts and the agreement's.

        The first rule that applies gives the status:

        1. ``TERMINATED`` if the agreement is terminated (``terminated`` ≤
           ``as_of``), or the party's own denunciation or withdrawal is ≤
           ``as_of``;
        2. ``EXPIRED`` if ``ends`` < ``as_of``;
        3. ``IN_FORCE`` if the party's own ``ENTRY_INTO_FORCE`` act is ≤
           ``as_of``. A party without such an act is in force once the
           agreement entered into force (:attr:`entered_into_force` ≤
           ``as_of``) and, when it has acts of consent of its own, once the
           first of them binds it too: its first ratification, acceptance,
           approval or accession, or, with none of those on record, its
           first signature. A party with no act of consent follows the
           agreement;
        4. ``SIGNED`` if the party's own first signature, ratification,
           acceptance, approval or accession is ≤ ``as_of``; a party with
           none of those acts on record counts from the agreement's
           ``signed``;
        5. ``PROPOSED`` otherwise: not yet a party.

        This is how the UN Treaty Collection reads a party's record: a treaty
        enters into force for a state on the date given for that state,
        which may be later than the treaty's own (a state that ratifies or
        accedes after the treaty took effect); until then the state is a
        signatory, or not yet a party at all (a state that accedes never
        signed). A bilateral agreement enters into force for both parties at
        once, so an entry into force recorded for one of them stands for
        both unless the other has its own. For a multilateral agreement,
        record each party's own entry into force where it is known (often
        some days after its ratification). A date known only by its year Y
        applies from 31 December of Y. The status only moves forward in that
        list as ``as_of`` grows.

        Args:
            party: One of the agreement's parties (a :class:`Country` or a
                code).
            as_of: The date to judge on (a date or an ISO string). Left out,
                it is today's date.

        Raises:
            ValidationError: ``party`` is not a country, or ``as_of`` is not
                a date.
            InvalidOptionError: ``party`` is not one of the agreement's
                parties.

        Example:
            >>> from bilat import Agreement, TreatyAction
            >>> a = Agreement(
            ...     "Convention",
            ...     ["KZ", "UZ", "KG"],
            ...     "treaty",
            ...     in_force="2020-01-01",
            ...     actions=[
            ...         TreatyAction("KG", "accession", "2021-03-01"),
            ...         TreatyAction("KG", "entry_into_force", "2021-04-01"),
            ...         TreatyAction("UZ", "withdrawal", "2024-06-30"),
            ...     ],
            ... )
            >>> [a.status_for(p, "2020-06-01").value for p in ("KZ", "UZ", "KG")]
            ['in_force', 'in_force', 'proposed']
            >>> [a.status_for(p, "2021-03-15").value for p in ("KZ", "UZ", "KG")]
            ['in_force', 'in_force', 'signed']
            >>> [a.status_for(p, "2025-01-01").value for p in ("KZ", "UZ", "KG")]
            ['in_force', 'terminated', 'in_force']
        """
        country = as_country(party, "party")
        if country not in self.parties:
            raise InvalidOptionError(
                "party", country.alpha2, (p.alpha2 for p in self.parties)
            )
        day = _as_of(as_of)
        own = [a for a in self.actions if a.party == country]
        if (self.terminated is not None and _done(self.terminated) <= day) or any(
            a.kind in _LEAVING and _done(a.date) <= day for a in own
        ):
            return AgreementStatus.TERMINATED
        if self.ends is not None and _done(self.ends) < day:
            return AgreementStatus.EXPIRED
        in_force, signed = self._party_dates(own)
        if in_force is not None and _done(in_force) <= day:
            return AgreementStatus.IN_FORCE
        if signed is not None and _done(signed) <= day:
            return AgreementStatus.SIGNED
        return AgreementStatus.PROPOSED

    def _party_dates(
        self, own: list[TreatyAction]
    ) -> tuple[DateOrYear | None, DateOrYear | None]:
        """When a party with acts ``own`` is in force, and when it signed (or None)."""
        entries = [a.date for a in own if a.kind is ActionKind.ENTRY_INTO_FORCE]
        bound = _binding(own)
        general = self.entered_into_force
        if entries:
            in_force = _earliest(entries)
        elif bound is None:  # nothing on record of its own: as the agreement
            in_force = general
        elif general is None:  # bound to an agreement not yet in force
            in_force = None
        else:
            in_force = _latest((general, bound))
        consents = [a.date for a in own if a.kind in _CONSENTING]
        signed = _earliest(consents) if consents else self.signed
        return in_force, signed

    def __repr__(self) -> str:
        parties = tuple(p.alpha2 for p in self.parties)
        args = [repr(self.title), repr(parties), f"AgreementKind.{self.kind.name}"]
        for name in ("signed", "in_force", "ends", "terminated"):
            value: DateOrYear | None = getattr(self, name)
            if value is not None:
                args.append(f"{name}={date_or_year_repr(value)}")
        if self.sources:
            args.append(f"sources={self.sources!r}")
        if self.actions:
            args.append(f"actions={self.actions!r}")
        if self.note is not None:
            args.append(f"note={self.note!r}")
        return f"Agreement({', '.join(args)})"


def _as_of(value: DateLike | None) -> dt.date:
    return dt.date.today() if value is None else as_date(value, "as_of")


def status_date(
    agreement: Agreement,
    status: AgreementStatus,
    as_of: dt.date | str | None = None,
) -> DateOrYear | None:
    """The date behind ``status`` of ``agreement`` on ``as_of``, for a report.

    ``IN_FORCE``: the entry into force; ``SIGNED``: ``signed``, else the first
    signature among the actions (a ratification is not dated as a
    signature); ``EXPIRED``: ``ends``, the last day in force;
    ``TERMINATED``: ``terminated``; ``PROPOSED``: None. Only a date done by
    ``as_of`` is given (a year counts from 31 December): a signature still
    to come does not date the status of an agreement that is signed because
    a party already ratified it. None when no such date is known.

    Args:
        agreement: The agreement.
        status: Its status on ``as_of``, as :meth:`Agreement.status` gives it.
        as_of: The date the status is judged on (a date or an ISO string).
            Left out, it is today's date.

    Raises:
        ValidationError: ``as_of`` is not a date.

    Example:
        >>> from bilat import Agreement, AgreementStatus, TreatyAction
        >>> a = Agreement("Treaty", ["KZ", "UZ"], "treaty", signed=2022)
        >>> status_date(a, AgreementStatus.SIGNED, "2023-01-01")
        2022
        >>> b = Agreement(
        ...     "Centre",
        ...     ["KZ", "UZ"],
        ...     "agreement",
        ...     actions=[
        ...         TreatyAction("KZ", "ratification", "2025-02-05"),
        ...         TreatyAction("UZ", "signature", "2025-06-01"),
        ...     ],
        ... )
        >>> print(status_date(b, AgreementStatus.SIGNED, "2025-03-01"))
        None
    """
    day = _as_of(as_of)

    def done(values: Iterable[DateOrYear | None]) -> list[DateOrYear]:
        return [v for v in values if v is not None and _done(v) <= day]

    if status is AgreementStatus.IN_FORCE:
        candidates = done([agreement.entered_into_force])
    elif status is AgreementStatus.SIGNED:
        candidates = done([agreement.signed]) or done(
            a.date for a in agreement.actions if a.kind is ActionKind.SIGNATURE
        )
    elif status is AgreementStatus.EXPIRED:
        candidates = done([agreement.ends])
    elif status is AgreementStatus.TERMINATED:
        candidates = done([agreement.terminated])
    else:
        candidates = []
    return _earliest(candidates)
