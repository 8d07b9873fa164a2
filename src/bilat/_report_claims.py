"""The claims part of a report: every stated figure by year, conflicts marked.

A report lists the :attr:`~bilat.Dossier.claims` of a dossier grouped by
subject and parties, one row per claim and year, marks the years whose
figures disagree (:func:`bilat.conflicts`) and the claim each year's value
was taken from (:func:`bilat._ledger.choose`, the rule of
:meth:`~bilat.TradeSeries.from_claims`), and says why. The progress lines of
a series built from claims name the figure they used with the same reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeAlias

from bilat._decimal import decimal_text
from bilat._errors import CurrencyMismatchError, RateNotFoundError
from bilat._estimate import Estimate
from bilat._labels import label
from bilat._locale import LocaleLike
from bilat._measure import format_measure, unit_label

if TYPE_CHECKING:
    from bilat._claims import Claim
    from bilat._dossier import Dossier
    from bilat._ledger import Conflict
    from bilat._rates import ExchangeRates
    from bilat._series import Series
    from bilat._source import Source
    from bilat._trade_series import TradeSeries

__all__ = [
    "claims_data",
    "claims_html",
    "claims_lines",
    "figure_used",
    "figure_used_text",
    "measure_data",
]

JSON: TypeAlias = Any


def measure_data(value: Any, locale: LocaleLike) -> dict[str, JSON]:
    """A measure as report data: its number, currency or unit, and text.

    Money and estimates keep the fields reports always had (``amount``,
    ``currency``, and for estimates ``qualifier``, ``low``, ``high``);
    quantities give ``unit`` instead of ``currency``; numbers neither.

    Example:
        >>> from bilat import Q_
        >>> from bilat._report_claims import measure_data
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


def _source(source: Source) -> dict[str, JSON]:
    return {
        "title": source.title,
        "publisher": source.publisher,
        "url": source.url,
        "published": source.published.isoformat() if source.published else None,
    }


def _who(claim: Claim, locale: LocaleLike) -> str | None:
    from bilat._country import Country

    said = claim.said_by
    if said is None:
        return None
    if isinstance(said, Country):
        return said.name(locale)
    return f"{said.name} ({said.role}, {said.country.alpha2})"


def _when(value: dt.date | int | None) -> str | int | None:
    return value.isoformat() if isinstance(value, dt.date) else value


def _claim_data(claim: Claim, locale: LocaleLike, used: str | None) -> dict[str, JSON]:
    return {
        "value": measure_data(claim.value, locale),
        "text": claim.text or format_measure(claim.value, locale, compact=True),
        "approximate": isinstance(claim.value, Estimate),
        "said_by": _who(claim, locale),
        "stated": _when(claim.stated),
        "note": claim.note,
        "sources": [_source(claim.source)],
        "used": used is not None,
        "reason": used,
        "reason_text": None if used is None else label(f"reason_{used}", locale),
    }


def _conflicts(dossier: Dossier, rates: ExchangeRates | None) -> list[Conflict]:
    """The dossier's conflicts, or without rates for two currencies, each one's.

    Claims in different currencies are then not compared with each other.
    """
    from bilat._ledger import conflicts, group_claims

    try:
        return list(conflicts(dossier.claims, rates=rates))
    except (CurrencyMismatchError, RateNotFoundError):
        return [c for g in group_claims(dossier.claims) for c in conflicts(g)]


def claims_data(
    dossier: Dossier, locale: LocaleLike, rates: ExchangeRates | None = None
) -> list[dict[str, JSON]]:
    """The dossier's claims by subject, parties and kind, then by year, for a report.

    Each year lists its claims in the order of :func:`bilat.conflicts`,
    says whether they disagree, and marks the one a series built from the
    claims uses, with the reason. Claims in two currencies are compared
    with ``rates``; without them, only within each currency.
    """
    from bilat._ledger import DEFAULT_PREFER, choose, group_claims

    disputed = {
        (c.subject, frozenset(c.parties), c.period) for c in _conflicts(dossier, rates)
    }
    found = []
    for group in group_claims(dossier.claims):
        first = group[0]
        chosen = choose(group, DEFAULT_PREFER)
        years = []
        for year in sorted({c.period for c in group}):
            in_year = sorted(
                (c for c in group if c.period == year), key=_order_key(group)
            )
            picked, reason = chosen[year]
            years.append(
                {
                    "year": year,
                    "conflict": (first.subject, frozenset(first.parties), year)
                    in disputed,
                    "claims": [
                        _claim_data(c, locale, reason if c == picked else None)
                        for c in in_year
                    ],
                }
            )
        found.append(
            {
                "subject": first.subject,
                "parties": [c.alpha2 for c in first.parties],
                "parties_text": "–".join(c.name(locale) for c in first.parties),
                "years": years,
            }
        )
    return found


def _order_key(group: Sequence[Claim]) -> Callable[[Claim], int]:
    """Claims of a year in the order :func:`bilat.conflicts` gives (stated date, value)."""
    from bilat._claims import order

    ranks = {id(c): i for i, c in enumerate(sorted(group, key=order))}
    return lambda claim: ranks[id(claim)]


def figure_used(
    series: TradeSeries | Series,
    year: int | None,
    claims: Sequence[Mapping[str, JSON]],
    locale: LocaleLike = "en",
) -> dict[str, JSON] | None:
    """The claim a series built from claims took for ``year``, and why.

    Looked up in the report's :func:`claims_data` (``claims``, written in
    ``locale``), where the reason was decided: the entry of the series' own
    claim for ``year`` (so of its currency or unit, when the claims on a
    subject come in two). None for a series not built from claims, or a
    year whose claim the report's claims do not mark as used.
    """
    claim = None if year is None else series.claims.get(year)
    if claim is None:
        return None
    from bilat._series import DIRECTED

    wanted = _claim_data(claim, locale, None)
    codes = sorted(c.alpha2 for c in series.parties)
    for group in claims:
        if group["subject"] != series.subject or sorted(group["parties"]) != codes:
            continue
        if (
            series.subject in DIRECTED
            and group["parties"][0] != series.parties[0].alpha2
        ):
            continue
        for entry in group["years"]:
            if entry["year"] != year:
                continue
            for found in entry["claims"]:
                if found["used"] and all(found[k] == wanted[k] for k in _SAME):
                    return {"year": year, **found}
    return None


#: The fields of a claim's report entry that say which claim it is.
_SAME = ("value", "text", "approximate", "said_by", "stated", "note", "sources")


def figure_used_text(figure: Mapping[str, JSON], locale: LocaleLike) -> str:
    """One figure a progress line used, as ``figure used: 2025: $4.97 bn (…) — why``."""
    said = ", ".join(
        str(bit) for bit in (figure["said_by"], figure["stated"]) if bit is not None
    )
    return label("figure_used", locale).format(
        figure=f"{figure['year']}: {figure['text']}" + (f" ({said})" if said else ""),
        reason=figure["reason_text"],
    )


def _subject_text(group: Mapping[str, JSON], locale: LocaleLike) -> str:
    subject = group["subject"]
    if subject in ("turnover", "exports", "imports"):
        subject = label(subject, locale)
    return f"{subject} ({group['parties_text']})"


def claims_html(
    data: Sequence[Mapping[str, JSON]],
    *,
    locale: LocaleLike,
    cite: Callable[..., str],
) -> str:
    """The claims section of an HTML report, without its heading.

    One table per subject (year, figure, who said it, when, source), as
    the Markdown report has them: disagreeing years marked, the figure
    each year's value came from ticked, with the reason when a year has
    several.
    """
    from bilat._html import escape as e

    if not data:
        return ""
    head = "".join(
        f"<th>{e(label(k, locale).capitalize())}</th>"
        for k in ("year", "figure", "said_by", "stated", "source")
    )
    out = []
    for group in data:
        out.append(
            f"<table><caption>{e(_subject_text(group, locale))}</caption>"
            f"<thead><tr>{head}</tr></thead><tbody>"
        )
        for year in group["years"]:
            flag = f" ⚠ {label('conflict', locale)}" if year["conflict"] else ""
            several = len(year["claims"]) > 1
            for c in year["claims"]:
                mark = " ✓" if c["used"] else ""
                if c["used"] and several:
                    mark += f" ({c['reason_text']})"
                cells = (
                    f"{year['year']}{flag}",
                    f"{c['text']}{mark}",
                    c["said_by"] or "—",
                    str(c["stated"]) if c["stated"] is not None else "—",
                    cite(c["sources"]),
                )
                out.append(
                    "<tr>" + "".join(f"<td>{e(x)}</td>" for x in cells) + "</tr>"
                )
        out.append("</tbody></table>")
    out.append(f"<p>✓ {e(label('figure_used_mark', locale))}</p>")
    return "".join(out)


def claims_lines(
    data: Sequence[Mapping[str, JSON]],
    *,
    markdown: bool,
    locale: LocaleLike,
    text: Callable[[object], str],
    cite: Callable[..., str],
) -> list[str]:
    """The claims section of a text or Markdown report, without its heading.

    Markdown gets one table per subject (year, figure, who said it, when,
    source), text one bullet per claim; disagreeing years are marked and
    the figure each year's value came from is ticked.
    """

    def lab(key: str) -> str:
        return text(label(key, locale))

    lines: list[str] = []
    for group in data:
        lines.append(text(_subject_text(group, locale)))
        if markdown:
            lines += [
                "",
                "| "
                + " | ".join(
                    lab(k).capitalize()
                    for k in ("year", "figure", "said_by", "stated", "source")
                )
                + " |",
                "|---|---|---|---|---|",
            ]
        for year in group["years"]:
            flag = f" ⚠ {lab('conflict')}" if year["conflict"] else ""
            several = len(year["claims"]) > 1
            if several and not markdown:
                lines.append(f"  {year['year']}{flag}:")
            for c in year["claims"]:
                mark = " ✓" if c["used"] else ""
                if c["used"] and several:  # say why this one of several
                    mark += f" ({text(c['reason_text'])})"
                source = cite(c["sources"], markdown=markdown)
                if markdown:
                    who = text(c["said_by"] or "—")
                    when = text(c["stated"] if c["stated"] is not None else "—")
                    lines.append(
                        f"| {year['year']}{flag} | {text(c['text'])}{mark} | {who} | "
                        f"{when} | {source} |"
                    )
                    continue
                said = ", ".join(
                    text(bit) for bit in (c["said_by"], c["stated"]) if bit is not None
                )
                head = (
                    f"    {text(c['text'])}"
                    if several
                    else f"  {year['year']}: {text(c['text'])}"
                )
                lines.append(
                    f"{head}{mark}" + (f" — {said}" if said else "") + f"; {source}"
                )
        if markdown:
            lines.append("")
    if data:
        lines.append(f"✓ {lab('figure_used_mark')}")
    return lines
