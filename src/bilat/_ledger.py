"""The claims ledger: which claims disagree, and which one a year's value takes.

:func:`conflicts` groups :class:`~bilat.Claim` values by subject, parties
and period and finds the groups whose ranges do not overlap;
:func:`choose` picks one claim per period by a documented rule (the rule of
:meth:`bilat.TradeSeries.from_claims`); :func:`group_claims` splits claims
into the groups that each make one series.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Final, Literal, TypeAlias, cast, final

import attrs

from bilat._claims import (
    Claim,
    as_claim_subject,
    as_period,
    claim_range,
    exact_fraction,
    group_key,
    meet,
    order,
    parties_key,
    spans,
    time_key,
)
from bilat._country import Country, CountryLike, as_country, to_parties
from bilat._errors import (
    BilatError,
    CurrencyMismatchError,
    shown,
)
from bilat._estimate import Estimate
from bilat._events import Official
from bilat._fields import as_instances, as_items, as_option, invalid
from bilat._measure import kind_key, stated
from bilat._pickling import public
from bilat._series import same_parties

if TYPE_CHECKING:
    from bilat._fields import DateOrYear
    from bilat._rates import ExchangeRates

__all__ = [
    "DEFAULT_PREFER",
    "PREFERENCES",
    "Conflict",
    "Preference",
    "choose",
    "conflicts",
    "group_claims",
]

#: A criterion of :func:`choose`.
Preference: TypeAlias = Literal["reporter", "exact", "precise", "latest", "earliest"]

#: Every criterion :func:`choose` knows.
PREFERENCES: Final[tuple[Preference, ...]] = (
    "reporter",
    "exact",
    "precise",
    "latest",
    "earliest",
)

#: The criteria :func:`choose` applies unless told otherwise, in order.
DEFAULT_PREFER: Final[tuple[Preference, ...]] = (
    "reporter",
    "exact",
    "latest",
    "precise",
)


# -- conflicts ---------------------------------------------------------------------


def _conflict_claims(value: Iterable[Claim]) -> tuple[Claim, ...]:
    claims = as_instances(value, Claim, "claims")
    unique = sorted(set(claims), key=order)
    if len(unique) < 2:
        raise invalid(
            "claims", f"expected at least two different claims, got {shown(claims)}"
        )
    return tuple(unique)


def _given_pairs(
    value: Iterable[Sequence[Claim]],
) -> tuple[tuple[Claim, Claim], ...]:
    """Pairs as given; checked against the claims once they are known."""
    return value  # type: ignore[return-value]  # see Conflict.__attrs_post_init__


def _disagreeing(
    claims: Sequence[Claim], rates: ExchangeRates | None
) -> tuple[tuple[Claim, Claim], ...]:
    """The pairs of ``claims`` (in their order) whose ranges do not overlap."""
    return tuple(
        (a, b)
        for i, a in enumerate(claims)
        for b in claims[i + 1 :]
        if not meet(*spans(a, b, rates))
    )


@public
@final
@attrs.frozen(repr=False)
class Conflict:
    """Claims on one subject, parties and period whose ranges do not all overlap.

    The claims are kept once each, in the canonical order: by stated date
    (unknown last), then by value, then by repr. Parties are kept by alpha-2
    code, the first party first for ``"exports"`` and ``"imports"``.

    Args:
        subject: What the claims measure.
        parties: The countries they are about (compared as a set, except for
            exports and imports, whose first party must match too).
        period: The year they are for.
        claims: At least two different claims on that subject, parties and
            period.
        pairs: The pairs of claims whose ranges do not overlap, each in the
            claims' order; worked out from the claims when left out (claims
            in two currencies then need :func:`conflicts` with ``rates=``).
            A given pair in one currency is checked; one in two currencies
            is taken as given.

    Raises:
        ValidationError: a claim on another subject, parties or period, fewer
            than two claims, a pair that is not two of the claims, a given
            pair in one currency whose ranges overlap, or no pair at all
            (claims that all overlap are no conflict).

    Example:
        >>> from bilat import Claim, Conflict, Source
        >>> a = Claim("turnover", 2022, "$4.6 bn", Source("MENAFN"), parties=("KZ", "UZ"))
        >>> b = Claim("turnover", 2022, "$5.0 bn", Source("Kazinform"), parties=("UZ", "KZ"))
        >>> c = Conflict("turnover", ("UZ", "KZ"), 2022, (b, a))
        >>> c.parties, c.claims == (a, b), c.pairs == ((a, b),)
        ((Country('KZ'), Country('UZ')), True, True)
    """

    subject: str = attrs.field(converter=as_claim_subject)
    parties: tuple[Country, ...] = attrs.field(converter=to_parties)
    period: int = attrs.field(converter=as_period)
    claims: tuple[Claim, ...] = attrs.field(converter=_conflict_claims)
    pairs: tuple[tuple[Claim, Claim], ...] = attrs.field(
        default=(), kw_only=True, converter=_given_pairs
    )

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "parties", parties_key(self.subject, self.parties))
        for i, claim in enumerate(self.claims):
            if (
                claim.subject != self.subject
                or claim.period != self.period
                or not same_parties(self.subject, claim.parties, self.parties)
            ):
                raise invalid(
                    f"claims[{i}]",
                    (
                        f"{shown(claim)} is not on {shown(self.subject)} "
                        f"for {_codes(self.parties)} in {self.period}"
                    ),
                )
        given: object = self.pairs
        if type(given) is tuple and not given:
            try:
                pairs = _disagreeing(self.claims, None)
            except CurrencyMismatchError as e:
                raise CurrencyMismatchError(
                    e.left,
                    e.right,
                    "Conflict",
                    hint="pass pairs=, or find conflicts with bilat.conflicts(claims, rates=...)",
                ) from None
        else:
            pairs = self._checked_pairs(given)
        if not pairs:
            raise invalid(
                "pairs", "the claims' ranges all overlap: they are no conflict"
            )
        object.__setattr__(self, "pairs", pairs)

    def _checked_pairs(self, value: object) -> tuple[tuple[Claim, Claim], ...]:
        rank = {claim: i for i, claim in enumerate(self.claims)}
        found: set[tuple[int, int]] = set()
        for i, pair in enumerate(
            as_items(value, "pairs", "a sequence of pairs of claims")
        ):
            path = f"pairs[{i}]"
            two = as_items(pair, path, "a pair of two claims")
            ranks = [rank.get(c) if isinstance(c, Claim) else None for c in two]
            if len(two) != 2 or None in ranks or ranks[0] == ranks[1]:
                raise invalid(
                    path,
                    f"expected two different claims of the conflict, got {shown(pair)}",
                )
            first, second = sorted(r for r in ranks if r is not None)
            _check_disagree(self.claims[first], self.claims[second], path)
            found.add((first, second))
        return tuple((self.claims[i], self.claims[j]) for i, j in sorted(found))

    def __repr__(self) -> str:
        args = [
            repr(self.subject),
            repr(_codes(self.parties)),
            repr(self.period),
            repr(self.claims),
        ]
        try:
            derived = _disagreeing(self.claims, None)
        except BilatError:
            derived = None
        if derived != self.pairs:
            args.append(f"pairs={self.pairs!r}")
        return f"Conflict({', '.join(args)})"


def _check_disagree(first: Claim, second: Claim, path: str) -> None:
    """Refuse a given pair whose ranges overlap, when one currency lets it tell.

    A pair in two currencies is taken as given: telling needs rates.
    """
    try:
        apart = not meet(*spans(first, second, None))
    except CurrencyMismatchError:
        return
    if not apart:
        raise invalid(
            path,
            (
                f"{shown(first)} and {shown(second)} overlap: a pair of a "
                "conflict is two claims whose ranges do not; leave pairs= out "
                "to work them out"
            ),
        )


def _codes(parties: tuple[Country, ...]) -> tuple[str, ...]:
    return tuple(p.alpha2 for p in parties)


def conflicts(
    claims: Iterable[Claim], *, rates: ExchangeRates | None = None
) -> tuple[Conflict, ...]:
    """The groups of claims on one subject, parties and period that disagree.

    Claims are grouped by subject, period and parties; parties compare as a
    set, except for ``"exports"`` and ``"imports"``, whose first party (whose
    flow it is) must match too. A group is a conflict when any two of its
    claims do not overlap (:meth:`Claim.overlaps`); the :class:`Conflict`
    holds every claim of the group, each once. The result does not depend on
    the order of ``claims``: conflicts come by subject, parties' alpha-2
    codes and period, claims inside by stated date (unknown last), value and
    repr.

    Args:
        claims: The claims to compare.
        rates: Exchange rates for claims in different currencies, used at
            31 December of the period.

    Raises:
        ValidationError: ``claims`` is not a sequence of Claims, or a group
            mixes money, quantities and numbers.
        CurrencyMismatchError: a group in two currencies and no ``rates``.
        UnitMismatchError: a group of quantities of two dimensions.
        RateNotFoundError: ``rates`` lacks a rate for a period.

    Example:
        >>> from bilat import Claim, Source, conflicts
        >>> news = Source("News")
        >>> seen = [
        ...     Claim("turnover", 2022, "$4.6 bn", news, parties=("KZ", "UZ")),
        ...     Claim("turnover", 2022, "$5.0 bn", news, parties=("UZ", "KZ")),
        ...     Claim("turnover", 2025, "$4.97 bn", news, parties=("KZ", "UZ")),
        ...     Claim("turnover", 2025, "about $5 bn", news, parties=("KZ", "UZ")),
        ... ]
        >>> [(c.period, len(c.claims)) for c in conflicts(seen)]
        [(2022, 2)]
    """
    items = as_instances(claims, Claim, "claims")
    from bilat._rates import optional_rates

    table = optional_rates(rates, "conflicts()")
    groups: dict[tuple[str, tuple[str, ...], int], set[Claim]] = {}
    for claim in items:
        groups.setdefault(group_key(claim), set()).add(claim)
    found = []
    for key in sorted(groups):
        members = sorted(groups[key], key=order)
        if len(members) < 2:
            continue
        pairs = _disagreeing(members, table)
        if pairs:
            first = members[0]
            found.append(
                Conflict(
                    first.subject,
                    first.parties,
                    first.period,
                    tuple(members),
                    pairs=pairs,
                )
            )
    return tuple(found)


# -- the selection rule -------------------------------------------------------------


def _as_prefer(value: object) -> tuple[Preference, ...]:
    items = as_items(
        value, "prefer", "a sequence of criteria such as ('exact', 'latest')"
    )
    checked: list[Preference] = []
    for i, item in enumerate(items):
        text = cast("Preference", as_option(item, PREFERENCES, "selection criterion"))
        if text in checked:
            raise invalid(f"prefer[{i}]", f"the criterion {text!r} is named twice")
        checked.append(text)
    return tuple(checked)


def _relative_width(claim: Claim) -> tuple[int, Fraction]:
    """The width of a claim's range over the size of its value (smaller first).

    A zero value with a range of some width comes after every other.
    """
    low, high, _, _ = claim_range(claim)
    width = exact_fraction(high) - exact_fraction(low)
    size = abs(exact_fraction(stated(claim.value)))
    if size:
        return (0, width / size)
    return (0, Fraction(0)) if not width else (1, width)


def _when(claim: Claim) -> DateOrYear | None:
    return claim.stated if claim.stated is not None else claim.source.published


def _criterion(name: Preference, reporter: Country | None) -> Callable[[Claim], object]:
    """The key of a criterion: the smaller, the more preferred."""
    if name == "reporter":

        def said_by_reporter(claim: Claim) -> int:
            who = claim.said_by
            country = who.country if isinstance(who, Official) else who
            return 0 if reporter is None or country == reporter else 1

        return said_by_reporter
    if name == "exact":
        return lambda claim: isinstance(claim.value, Estimate)
    if name == "precise":
        return _relative_width
    if name == "latest":

        def latest(claim: Claim) -> tuple[int, ...]:
            known, year, day, ordinal = time_key(_when(claim))
            return (known, -year, -day, -ordinal)

        return latest
    return lambda claim: time_key(_when(claim))


def choose(
    claims: Iterable[Claim],
    prefer: Sequence[Preference] = DEFAULT_PREFER,
    *,
    reporter: CountryLike | None = None,
) -> dict[int, tuple[Claim, str]]:
    """One claim per period, by a documented rule, and what decided it.

    For each period, the criteria of ``prefer`` are applied in order, each
    keeping only the claims it ranks best among those left, until one claim
    is left:

    ``"reporter"``
        claims said by ``reporter`` (the country itself or an
        :class:`Official` of it) first; ignored when ``reporter`` is None;
    ``"exact"``
        exact figures before estimates (a figure with a written precision
        is exact);
    ``"precise"``
        the narrowest range relative to the value first
        ((high − low) / |value|; a zero value with a range of some width
        last);
    ``"latest"``
        the latest statement first: ``stated``, else the source's
        ``published`` date; a statement known only by its year counts as
        earlier than the days of that year; undated last;
    ``"earliest"``
        the earliest statement first, by the same dates; undated last.

    The default is ``("reporter", "exact", "latest", "precise")``. Claims
    still tied after every criterion are taken in the canonical order of
    :func:`conflicts` (stated date, unknown last; then value; then repr), so
    the pick never depends on the order of ``claims``. Equal claims count
    once.

    Args:
        claims: Claims on one subject and one set of parties.
        prefer: The criteria, most important first.
        reporter: The country whose own statements ``"reporter"`` prefers.

    Returns:
        For each period, in order, the claim picked and what decided: the
        criterion's name, ``"only"`` when the period has one claim, or
        ``"order"`` when the canonical order broke a tie.

    Raises:
        InvalidOptionError: an unknown criterion; the message lists the
            valid ones.
        ValidationError: claims on more than one subject or set of parties
            (filter them first), a criterion named twice, or a reporter
            that is not a country.

    Example:
        >>> from bilat import Claim, Source
        >>> from bilat._ledger import choose
        >>> a = Claim("turnover", 2023, "$4.4 bn", Source("Akorda"), parties=("KZ", "UZ"),
        ...           stated="2024-04-10")
        >>> b = Claim("turnover", 2023, "over $4.6 bn", Source("TCA"), parties=("KZ", "UZ"),
        ...           stated="2024-02-15")
        >>> claim, why = choose([b, a])[2023]
        >>> claim == a, why
        (True, 'exact')
        >>> choose([a, b], ["latest"])[2023] == (a, "latest")
        True
    """
    items = as_instances(claims, Claim, "claims")
    criteria = _as_prefer(prefer)
    who = None if reporter is None else as_country(reporter, "reporter")
    if items:
        first = items[0]
        for i, claim in enumerate(items):
            if claim.subject != first.subject or not same_parties(
                first.subject, first.parties, claim.parties
            ):
                raise invalid(
                    f"claims[{i}]",
                    (
                        f"a claim on {shown(claim.subject)} for "
                        f"{_codes(claim.parties)} among claims on "
                        f"{shown(first.subject)} for {_codes(first.parties)}: "
                        "choose picks among claims of one subject and "
                        "parties; filter them first"
                    ),
                )
    by_period: dict[int, set[Claim]] = {}
    for claim in items:
        by_period.setdefault(claim.period, set()).add(claim)
    keys = [(name, _criterion(name, who)) for name in criteria]
    chosen: dict[int, tuple[Claim, str]] = {}
    for period in sorted(by_period):
        left = sorted(by_period[period], key=order)
        decided = "only" if len(left) == 1 else "order"
        for name, key in keys:
            if len(left) == 1:
                break
            ranks = [key(claim) for claim in left]
            best = min(ranks)  # type: ignore[type-var]  # each key is ordered
            left = [c for c, r in zip(left, ranks, strict=True) if r == best]
            if len(left) == 1:
                decided = name
        chosen[period] = (left[0], decided)
    return chosen


def group_claims(claims: Iterable[Claim]) -> list[list[Claim]]:
    """The claims that make one series: one subject, parties and kind of value.

    Parties compare as :func:`bilat._series.same_parties` compares them;
    the kind is the currency of money, the dimension of a quantity, or
    "number" (:func:`bilat._measure.kind_key`), so claims in two
    currencies make two groups, each one series. Groups and the claims in
    them keep the order of ``claims``.

    Example:
        >>> from bilat import Claim, Source
        >>> from bilat._ledger import group_claims
        >>> news = Source("News")
        >>> claims = [Claim("turnover", 2022, "$4.6 bn", news, parties=("KZ", "UZ")),
        ...           Claim("turnover", 2023, "$4.4 bn", news, parties=("UZ", "KZ")),
        ...           Claim("turnover", 2023, "1.9 trillion tenge", news,
        ...                 parties=("KZ", "UZ"))]
        >>> [len(group) for group in group_claims(claims)]
        [2, 1]
    """
    groups: list[list[Claim]] = []
    for claim in claims:
        kind = kind_key(claim.value)
        for group in groups:
            first = group[0]
            if (
                first.subject == claim.subject
                and kind_key(first.value) == kind
                and same_parties(claim.subject, first.parties, claim.parties)
            ):
                group.append(claim)
                break
        else:
            groups.append([claim])
    return groups
