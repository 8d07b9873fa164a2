"""The claims part of a report: every stated figure by year, conflicts marked.

A report lists the :attr:`~bilat.Dossier.claims` of a dossier grouped by
subject, parties and kind (a currency, a unit's dimension, or plain
numbers), one row per claim and year (equal claims once), and marks:

* the years whose figures disagree (:func:`disputed`): the claims on one
  subject and parties are compared together, in two currencies with the
  report's rates; where they cannot be (no rate, money and a number, two
  dimensions), each kind is compared alone. Every row of such a year is
  marked, a year's only figure of its kind too. A flow (exports, imports)
  is one country's: its direction counts, and its heading shows it
  (``exports (Uzbekistan → Kazakhstan)``); other subjects name their
  parties by alpha-2 code;
* the claim each year's value was taken from (:func:`bilat._ledger.choose`,
  the rule of :meth:`~bilat.TradeSeries.from_claims`), and why; "the only
  dated statement" when the latest (or earliest) was picked because the
  others have no date.

Each row says who made the claim, then the claim's note. A subject with
claims of several kinds names the kind in each group's heading. The
progress lines of a series built from claims name the figure they used,
with the same reason; targets and progress lines read alike in text,
Markdown and HTML (:func:`target_text`, :func:`current_text`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeAlias

from bilat._decimal import decimal_text
from bilat._estimate import Estimate
from bilat._locale import LocaleLike
from bilat._measure import format_measure, unit_label
from bilat._present.labels import label

if TYPE_CHECKING:
    from bilat._claims import Claim
    from bilat._dossier import Dossier
    from bilat._present.tables import Align
    from bilat._rates import ExchangeRates
    from bilat._series import Series
    from bilat._source import Source
    from bilat._trade_series import TradeSeries

__all__ = [
    "TRADE_METRICS",
    "claims_data",
    "claims_lines",
    "claims_table",
    "current_text",
    "disputed",
    "figure_used",
    "figure_used_text",
    "measure_data",
    "source_data",
    "stated_by_text",
    "subject_text",
    "target_text",
    "when_data",
    "who_text",
]

JSON: TypeAlias = Any


def measure_data(value: Any, locale: LocaleLike) -> dict[str, JSON]:
    """A measure as report data: its number, currency or unit, and text.

    Money and estimates keep the fields reports always had (``amount``,
    ``currency``, and for estimates ``qualifier``, ``low``, ``high``);
    quantities give ``unit`` instead of ``currency``; numbers neither.

    Example:
        >>> from bilat import Q_
        >>> from bilat._present.report_claims import measure_data
        >>> measure_data(Q_("152 km"), "en")
        {'amount': '152', 'unit': 'km', 'text': '152 km'}
    """
    from bilat._measure import amount
    from bilat._money import Money

    if isinstance(value, Estimate):
        return {
            "amount": decimal_text(value.value.amount),
            "currency": value.currency.code,
            "qualifier": value.qualifier.value,
            "low": decimal_text(value.low.amount),
            "high": decimal_text(value.high.amount),
            "text": value.format(locale),
        }
    data: dict[str, JSON] = {"amount": decimal_text(amount(value))}
    if isinstance(value, Money):
        data["currency"] = value.currency.code
    elif (unit := unit_label(value)) is not None:
        data["unit"] = unit
    data["text"] = format_measure(value, locale, compact=True)
    return data


#: Subjects that are trade metrics, shown with their label.
TRADE_METRICS = frozenset(("turnover", "exports", "imports"))

#: Where a claim stands in a report: subject, parties' alpha-2 codes (for a
#: flow, the flow's own country first) and period.
ClaimKey: TypeAlias = tuple[str, tuple[str, ...], int]


def subject_text(subject: str, locale: LocaleLike) -> str:
    """A subject as a report names it: trade metrics by their label."""
    return label(subject, locale) if subject in TRADE_METRICS else subject


def source_data(source: Source) -> dict[str, JSON]:
    """A source as report data: title, publisher, URL and ISO dates."""
    return {
        "title": source.title,
        "publisher": source.publisher,
        "url": source.url,
        "published": source.published.isoformat() if source.published else None,
        "accessed": source.accessed.isoformat() if source.accessed else None,
    }


def when_data(value: dt.date | int | None) -> str | int | None:
    """A date as ISO text, a year as an int, as report data holds them."""
    return value.isoformat() if isinstance(value, dt.date) else value


def who_text(claim: Claim, locale: LocaleLike) -> str | None:
    """Who made a claim: a country's name, or an official with role and country."""
    from bilat._country import Country

    said = claim.said_by
    if said is None:
        return None
    if isinstance(said, Country):
        return said.name(locale)
    return f"{said.name} ({said.role}, {said.country.alpha2})"


def stated_by_text(claim: Claim, locale: LocaleLike) -> str:
    """Who stated a claim, in short: a country's or an official's name, else its source.

    The name of the column a claim stands in, in a claims table: the
    source's publisher, or its title, when the claim names no one.
    """
    from bilat._country import Country

    said = claim.said_by
    if isinstance(said, Country):
        return said.name(locale)
    if said is not None:
        return said.name
    return claim.source.publisher or claim.source.title


def claim_key(claim: Claim) -> ClaimKey:
    """The subject, parties and period :func:`bilat.conflicts` groups a claim by."""
    from bilat._claims import group_key

    return group_key(claim)


def disputed(
    claims: Sequence[Claim], rates: ExchangeRates | None = None
) -> frozenset[ClaimKey]:
    """The :func:`claim_key` of every subject, parties and period whose figures disagree.

    The claims on one subject and parties are compared together (in two
    currencies with ``rates``); where they cannot be (two currencies without
    a rate, money and a number, two dimensions), the claims of each kind
    (:func:`bilat._ledger.group_claims`) are compared among themselves. A
    flow's direction counts: exports from one country are not the other's.

    Example:
        >>> from bilat import Claim, Q_, Source
        >>> from bilat._present.report_claims import disputed
        >>> news = Source("News")
        >>> sorted(disputed([
        ...     Claim("capacity", 2024, Q_("20 Mt/a"), news, parties=("KZ", "UZ")),
        ...     Claim("capacity", 2024, Q_("5 km"), news, parties=("KZ", "UZ")),
        ...     Claim("capacity", 2024, Q_("7 km"), news, parties=("UZ", "KZ")),
        ... ]))
        [('capacity', ('KZ', 'UZ'), 2024)]
    """
    from bilat._errors import BilatError
    from bilat._ledger import conflicts, group_claims

    together: dict[tuple[str, tuple[str, ...]], list[list[Claim]]] = {}
    for group in group_claims(claims):
        subject, codes, _ = claim_key(group[0])
        together.setdefault((subject, codes), []).append(group)
    found: set[ClaimKey] = set()
    for groups in together.values():
        try:
            seen = conflicts([c for g in groups for c in g], rates=rates)
        except BilatError:  # not comparable across kinds: each kind alone
            seen = tuple(c for g in groups for c in conflicts(g))
        found.update(claim_key(conflict.claims[0]) for conflict in seen)
    return frozenset(found)


def _claim_data(claim: Claim, locale: LocaleLike, used: str | None) -> dict[str, JSON]:
    return {
        "value": measure_data(claim.value, locale),
        "text": claim.text or format_measure(claim.value, locale, compact=True),
        "approximate": isinstance(claim.value, Estimate),
        "said_by": who_text(claim, locale),
        "stated_by": stated_by_text(claim, locale),
        "stated": when_data(claim.stated),
        "note": claim.note,
        "sources": [source_data(claim.source)],
        "used": used is not None,
        "reason": used,
        "reason_text": None if used is None else label(f"reason_{used}", locale),
    }


def _reason(claim: Claim, reason: str, year: Sequence[Claim]) -> str:
    """What decided a year's pick, ``"only_dated"`` when it was the one date."""
    if reason in ("latest", "earliest") and all(
        c.stated is None and c.source.published is None for c in year if c != claim
    ):
        return "only_dated"
    return reason


def _kind_text(value: Any, locale: LocaleLike) -> str:
    """The currency, unit or "number" of a value, for a heading."""
    from bilat._measure import stated
    from bilat._money import Money

    plain = stated(value)
    if isinstance(plain, Money):
        return plain.currency.code
    return unit_label(plain) or label("number", locale)


def claims_data(
    dossier: Dossier, locale: LocaleLike, rates: ExchangeRates | None = None
) -> tuple[list[dict[str, JSON]], dict[Claim, str]]:
    """The dossier's claims by subject, parties and kind, then by year, for a report.

    Each year lists its claims (equal claims once) in the order of
    :func:`bilat.conflicts`, says whether the figures on its subject,
    parties and year disagree (:func:`disputed`), and marks the one a
    series built from the claims uses, with the reason. Claims in two
    currencies are compared with ``rates``; without them, only within each
    currency. Also returns the reason of each claim used, for
    :func:`figure_used`.
    """
    from bilat._claims import parties_key
    from bilat._ledger import DEFAULT_PREFER, choose, group_claims
    from bilat._series import DIRECTED

    conflicting = disputed(dossier.claims, rates)
    groups = [list(dict.fromkeys(g)) for g in group_claims(dossier.claims)]
    kinds: dict[tuple[str, tuple[str, ...]], int] = {}
    for group in groups:
        subject, codes, _ = claim_key(group[0])
        kinds[subject, codes] = kinds.get((subject, codes), 0) + 1
    found = []
    reasons: dict[Claim, str] = {}
    for group in groups:
        first = group[0]
        subject, codes, _ = claim_key(first)
        parties = parties_key(first.subject, first.parties)
        joint = " → " if first.subject in DIRECTED else "–"
        years = []
        for year, (picked, why) in choose(group, DEFAULT_PREFER).items():
            in_year = sorted(
                (c for c in group if c.period == year), key=_order_key(group)
            )
            reasons[picked] = _reason(picked, why, in_year)
            years.append(
                {
                    "year": year,
                    "conflict": (subject, codes, year) in conflicting,
                    "claims": [
                        _claim_data(c, locale, reasons.get(c) if c == picked else None)
                        for c in in_year
                    ],
                }
            )
        found.append(
            {
                "subject": first.subject,
                "parties": list(codes),
                "parties_text": joint.join(c.name(locale) for c in parties),
                "kind": _kind_text(first.value, locale)
                if kinds[subject, codes] > 1
                else None,
                "years": years,
                "columns": _columns(years),
            }
        )
    return found, reasons


def _columns(years: Sequence[Mapping[str, JSON]]) -> list[str]:
    """Who stated the figures of a group, in the order they first speak."""
    found: dict[str, None] = {}
    for year in years:
        for claim in year["claims"]:
            found.setdefault(claim["stated_by"])
    return list(found)


def _order_key(group: Sequence[Claim]) -> Callable[[Claim], int]:
    """Claims of a year in the order :func:`bilat.conflicts` gives (stated date, value)."""
    from bilat._claims import order

    ranks = {id(c): i for i, c in enumerate(sorted(group, key=order))}
    return lambda claim: ranks[id(claim)]


def figure_used(
    series: TradeSeries | Series,
    year: int | None,
    reasons: Mapping[Claim, str],
    locale: LocaleLike = "en",
) -> dict[str, JSON] | None:
    """The claim a series built from claims took for ``year``, and why.

    The claim is the series' own for ``year``; the reason is the one the
    report's :func:`claims_data` decided for it (``reasons``). None for a
    series not built from claims, or a claim the report did not pick.
    """
    claim = None if year is None else series.claims.get(year)
    if claim is None or claim not in reasons:
        return None
    return {"year": year, **_claim_data(claim, locale, reasons[claim])}


def said_text(
    claim: Mapping[str, JSON], text: Callable[[object], str] = str, *, note: bool = True
) -> str:
    """Who said a claim, when, and (with ``note``) its note, as one piece of text."""
    # A note's closing full stop would stand before the "; " that follows.
    remark = claim.get("note") if note else None
    if isinstance(remark, str):
        remark = remark.rstrip().removesuffix(".")
    bits = (claim["said_by"], claim["stated"], remark)
    return ", ".join(text(bit) for bit in bits if bit is not None and bit != "")


def target_text(target: Mapping[str, JSON], locale: LocaleLike) -> str:
    """A target of report data as one line: figure, subject and deadline.

    A figure converted to the report's currency (``converted``) comes
    first, the target's own after it in brackets.

    Example:
        >>> from bilat._present.report_claims import target_text
        >>> t = {"value": {"text": "$10 bn"}, "subject": "turnover", "deadline": 2030}
        >>> target_text(t, "en")
        '$10 bn, turnover (deadline 2030)'
        >>> target_text({**t, "converted": {"value": {"text": "AED 36.7B"}}}, "en")
        'AED 36.7B ($10 bn), turnover (deadline 2030)'
    """
    deadline = (
        f"{label('deadline', locale)} {target['deadline']}"
        if target["deadline"] is not None
        else label("no_deadline", locale)
    )
    subject = subject_text(target["subject"], locale)
    value = target["value"]["text"]
    if target.get("converted"):
        value = f"{target['converted']['value']['text']} ({value})"
    return f"{value}, {subject} ({deadline})"


def current_text(progress: Mapping[str, JSON], locale: LocaleLike) -> str:
    """A progress line's figure, "(approximate)" if so, then its base year and figure.

    Example:
        >>> from bilat._present.report_claims import current_text
        >>> current_text({"year": 2025, "current": {"text": "$4.97 bn"},
        ...               "base_year": 2022, "base": {"text": "about $4.6 bn"},
        ...               "base_approximate": True}, "en")
        '$4.97 bn, base 2022: about $4.6 bn (approximate)'
    """
    p = progress
    approximate = f" ({label('approximate', locale)})"
    current = p["current"]["text"] if p["current"] else "—"
    if p.get("current_approximate"):
        current += approximate
    if p.get("base") and p.get("base_year") != p["year"]:
        base = p["base"]["text"] + (approximate if p.get("base_approximate") else "")
        current += f", {label('base', locale)} {p['base_year']}: {base}"
    return current


def figure_used_text(figure: Mapping[str, JSON], locale: LocaleLike) -> str:
    """One figure a progress line used, as ``figure used: 2025: $4.97 bn (…) — why``."""
    said = said_text(figure, note=False)
    return label("figure_used", locale).format(
        figure=f"{figure['year']}: {figure['text']}" + (f" ({said})" if said else ""),
        reason=figure["reason_text"],
    )


def _heading(group: Mapping[str, JSON], locale: LocaleLike) -> str:
    """A group's heading: subject, parties (a flow's direction), kind if several."""
    kind = f", {group['kind']}" if group.get("kind") else ""
    return f"{subject_text(group['subject'], locale)} ({group['parties_text']}){kind}"


def claims_lines(
    data: Sequence[Mapping[str, JSON]],
    *,
    markdown: bool,
    locale: LocaleLike,
    text: Callable[[object], str],
    cite: Callable[..., str],
) -> list[str]:
    """The claims section of a text or Markdown report, without its heading.

    One table per subject: a row per year, a column per country, official
    or source that stated a figure (:func:`claims_table`); a Markdown pipe
    table or text in aligned columns. Beneath it, the years whose figures
    disagree, why a year's figure was taken where the year has several,
    each column's sources and each claim's remarks (who exactly, when,
    its note).
    """
    from bilat._present.tables import markdown_table, text_table

    dot = "- " if markdown else "• "
    lines: list[str] = []
    for group in data:
        heading = text(_heading(group, locale))
        lines += [f"### {heading}", ""] if markdown else [heading, ""]
        header, rows, align = claims_table(group, locale)
        if markdown:
            lines += markdown_table(header, rows, align)
        else:
            lines += text_table(header, rows, align, indent="  ")
        lines.append("")
        lines += [dot + line for line in _beneath(group, locale, text, cite, markdown)]
        lines.append("")
    if data:
        lines.append(f"✓ {text(label('figure_used_mark', locale))}")
    return lines


def _column(claim: Mapping[str, JSON]) -> str:
    """The column of a claim: ``stated_by``, or for older data who said it or its source."""
    shown = claim.get("stated_by") or claim.get("said_by")
    if shown:
        return str(shown)
    source = claim["sources"][0] if claim.get("sources") else {}
    return str(source.get("publisher") or source.get("title") or "—")


def claims_table(
    group: Mapping[str, JSON], locale: LocaleLike
) -> tuple[list[str], list[list[str]], list[Align]]:
    """A subject's claims as a table: header, rows (one per year) and alignment.

    The first column is the year, ``⚠`` after it when the year's figures
    disagree; then one column per country, official or source that stated
    a figure (``stated_by``, in the order they first speak), holding the
    figure as stated, ``✓`` after the one a year's value is taken from.
    Cells are plain text, for :func:`~bilat._present.tables.text_table` or
    :func:`~bilat._present.tables.markdown_table`.

    Example:
        >>> from bilat._present.report_claims import claims_table
        >>> group = {"columns": ["KZ", "UZ"], "years": [{"year": 2022,
        ...     "conflict": True, "claims": [
        ...         {"stated_by": "UZ", "text": "$4.6 bn", "used": True},
        ...         {"stated_by": "KZ", "text": "$5.0 bn", "used": False}]}]}
        >>> claims_table(group, "en")
        (['Year', 'KZ', 'UZ'], [['2022 ⚠', '$5.0 bn', '$4.6 bn ✓']], ['left', 'right', 'right'])
    """
    columns = list(group.get("columns") or {})
    for year in group["years"]:
        columns += [c for c in map(_column, year["claims"]) if c not in columns]
    rows = []
    for year in group["years"]:
        cells: dict[str, list[str]] = {column: [] for column in columns}
        for claim in year["claims"]:
            cells[_column(claim)].append(
                claim["text"] + (" ✓" if claim["used"] else "")
            )
        first = f"{year['year']} ⚠" if year["conflict"] else str(year["year"])
        rows.append([first, *("; ".join(cells[c]) for c in columns)])
    align: list[Align] = ["left"]
    align += ["right"] * len(columns)
    return [label("year", locale), *columns], rows, align


def _beneath(
    group: Mapping[str, JSON],
    locale: LocaleLike,
    text: Callable[[object], str],
    cite: Callable[..., str],
    markdown: bool,
) -> list[str]:
    """What a claims table leaves out: conflicts, reasons, sources and remarks."""
    lines = []
    disputed_years = [str(y["year"]) for y in group["years"] if y["conflict"]]
    if disputed_years:
        years = ", ".join(disputed_years)
        lines.append(f"⚠ {years}: {text(label('conflict', locale))}")
    for year in group["years"]:
        if len(year["claims"]) < 2:  # the reason matters among several
            continue
        for claim in year["claims"]:
            if claim["used"]:
                figure = f"{year['year']}: {claim['text']} ✓"
                lines.append(
                    text(
                        label("figure_used", locale).format(
                            figure=figure, reason=claim["reason_text"]
                        )
                    )
                )
    sources: dict[str, list[Mapping[str, JSON]]] = {}
    remarks = []
    for year in group["years"]:
        for claim in year["claims"]:
            column = _column(claim)
            known = sources.setdefault(column, [])
            known += [s for s in claim.get("sources", ()) if s not in known]
            said = claim.get("said_by")
            who = said if said and str(said).startswith(column) else column
            stated = claim.get("stated")
            bits = [
                said if said and said != who else None,
                None
                if stated is None
                else label("stated_in", locale).format(date=stated),
                claim.get("note"),
            ]
            remark = ", ".join(
                str(b).rstrip().removesuffix(".") for b in bits if b not in (None, "")
            )
            if remark:
                remarks.append(f"{year['year']}, {text(who)}: {text(remark)}")
    source = text(label("source", locale))
    for column, cited in sources.items():
        if cited:
            lines.append(f"{text(column)} — {source}: {cite(cited, markdown=markdown)}")
    return lines + remarks
