"""Progress reports of a dossier: plain text, Markdown, HTML and JSON-safe data."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, final

import attrs
from babel.dates import format_date

from bilat._currency import Currency, CurrencyLike, as_currency
from bilat._decimal import decimal_text
from bilat._errors import (
    BilatError,
    InvalidNumberError,
    NumberTypeError,
    shown,
)
from bilat._estimate import Estimate
from bilat._fields import as_date, as_option, invalid
from bilat._locale import LocaleLike, get_locale
from bilat._pickling import public
from bilat._present.labels import (
    LABELS,
    ControlTable,
    counted,
    is_control,
    label,
    out_of_range_text,
    replace_controls,
    visible,
)
from bilat._present.numbers import percent_text
from bilat._present.report_claims import (
    claims_data,
    claims_lines,
    figure_used,
    figure_used_text,
    measure_data,
    source_data,
    subject_text,
    target_text,
)
from bilat._present.report_claims import when_data as _when_data
from bilat._present.tables import Align, markdown_table, text_table
from bilat._target import match_series, progress_or_reason

if TYPE_CHECKING:
    from bilat._agreement import Agreement
    from bilat._claims import Claim
    from bilat._dossier import Dossier
    from bilat._measured import Progress
    from bilat._portfolio import Portfolio
    from bilat._project import Project
    from bilat._rates import ExchangeRates
    from bilat._series import Series
    from bilat._source import Source
    from bilat._target import AnyTarget
    from bilat._trade_series import TradeSeries

__all__ = ["Report", "ReportFormat", "build_report"]

#: Output formats of :meth:`Report.render` and ``bilat report --format``.
ReportFormat: TypeAlias = Literal["text", "markdown", "json", "html"]

JSON: TypeAlias = Any

_RECENT_MEETINGS = 5

#: The name and version of the report's data, first in every JSON report
#: (dossier files say ``"bilat/1"`` the same way).
REPORT_FORMAT = "bilat-report/1"
#: How a JSON report writes numbers and text, second in every JSON report.
REPORT_NUMBERS = (
    "Amounts, bounds and ratios (shares, growth rates, completion) are exact "
    "decimal numbers written as JSON strings (such as '4970000000' or '0.497'): "
    "read them as decimals, not floats; they are never rounded. Counts, "
    "years and numbers of years ('age', 'stale_after') are JSON integers. 'text' and the keys ending in '_text' or "
    "'_line' are text for people, formatted in the report's locale and "
    "rounded for display; a claim's 'text' is the figure as its source "
    "wrote it."
)


def _as_date(value: dt.date | str | None) -> dt.date | None:
    """The report's ``as_of`` day, read as every date argument of bilat is.

    Raises:
        InvalidDateError: ``value`` is not None, a date or ISO date text.
    """
    return None if value is None else as_date(value, "as_of")


def _ratio_text(value: Decimal | None, locale: LocaleLike) -> str:
    """A ratio as the report shows it: :func:`~bilat._present.numbers.percent_text`."""
    return percent_text(value, locale)


def as_of_text(value: JSON, locale: LocaleLike) -> str:
    """The report's line "Progress report, as of …", the day as CLDR writes it.

    The day is report data: ISO text, shown as it is when it is not a date.
    """
    try:
        day = dt.date.fromisoformat(str(value))
    except ValueError:
        written = str(value)
    else:
        written = str(format_date(day, format="long", locale=get_locale(locale)))
    return label("report_as_of", locale).format(date=written)


def topics_text(topics: Iterable[JSON], locale: LocaleLike) -> str:
    """Meeting topics in ``locale``, listed by CLDR's pattern ("a, b and c")."""
    from babel.lists import format_list

    words = [
        label(f"topic_{t}", locale) if f"topic_{t}" in LABELS["en"] else str(t)
        for t in topics
    ]
    return str(format_list(words, locale=get_locale(locale))) if words else ""


def _year(value: JSON) -> str:
    return "—" if value is None else str(value)


def _ratio(value: Decimal | None) -> str | None:
    return None if value is None else decimal_text(value)


def _source_data(sources: Iterable[Source]) -> list[dict[str, JSON]]:
    return [source_data(s) for s in sources]


def _cite(
    sources: Sequence[Mapping[str, JSON]],
    *,
    markdown: bool = False,
    locale: LocaleLike = "en",
) -> str:
    """The sources as one line, each as :meth:`Source.cite <bilat.Source.cite>` cites it.

    :func:`bilat._source.citation` is the one rule: publisher (or title),
    the publication date or else the access date (in ``locale``'s words),
    and the URL. In Markdown the text is escaped and the URL is an autolink.
    """
    if markdown:
        return cite_sources(sources, locale, text=_markdown, link=_autolink)
    return cite_sources(sources, locale, text=str, link=str)


def cite_sources(
    sources: Sequence[Mapping[str, JSON]],
    locale: LocaleLike,
    *,
    text: Callable[[str], str],
    link: Callable[[str], str],
) -> str:
    """Report sources as one line by :func:`bilat._source.citation`'s rule.

    ``text`` renders the words (escaping them for Markdown or HTML) and
    ``link`` the URL, so every format cites alike.
    """
    from bilat._source import citation

    accessed = label("accessed_on", locale)
    return "; ".join(
        citation(
            str(s.get("publisher") or s["title"]),
            s.get("published"),
            s.get("accessed"),
            s.get("url"),
            accessed_text=accessed,
            text=text,
            link=link,
        )
        for s in sources
    )


# Characters that mean something to Markdown wherever they stand (CommonMark
# lets any ASCII punctuation be escaped with a backslash).
_MARKDOWN_INLINE = re.compile(r"[\\`*_\[\]|~#]")
# What makes a block (a heading, a quote, a list, a rule) at the start of a
# line; every piece of text is escaped as if it could stand there.
_MARKDOWN_BLOCK = re.compile(r"^(?:[-+=]|\d+(?=[.)]))")
_MARKDOWN_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def _markdown(text: object) -> str:
    r"""``text`` as Markdown that shows it literally, as one line.

    ``&``, ``<`` and ``>`` become character references, so no HTML from a
    dossier reaches the page; Markdown's punctuation gets a backslash, and
    line breaks become spaces, so a title cannot start a heading or a list.
    Controls are shown as :func:`~bilat._present.labels.visible` shows them.

    Example:
        >>> from bilat._present.report import _markdown
        >>> print(_markdown("<script>*x*</script> 1. [a](b) #1"))
        &lt;script&gt;\*x\*&lt;/script&gt; 1. \[a\](b) \#1
    """
    escaped = markdown_inline(visible(str(text)))
    # The references made above start with "&", which starts no block.
    return _MARKDOWN_BLOCK.sub(
        lambda m: m[0] + "\\" if m[0].isdigit() else "\\" + m[0], escaped
    )


def markdown_inline(text: str) -> str:
    r"""``text`` as inline Markdown (a table cell, a line's middle) shown literally.

    Markdown's inline punctuation (``|`` included) gets a backslash and
    ``&``, ``<``, ``>`` become character references; what only matters at
    the start of a line, and controls, are left to the caller.

    Example:
        >>> from bilat._present.report import markdown_inline
        >>> print(markdown_inline("a|b <i>*x*</i> & 1."))
        a\|b &lt;i&gt;\*x\*&lt;/i&gt; &amp; 1.
    """
    escaped = _MARKDOWN_INLINE.sub(lambda m: "\\" + m[0], text)
    return re.sub("[&<>]", lambda m: _MARKDOWN_ENTITIES[m[0]], escaped)


# What an autolink cannot hold as it is: ``<``, ``>``, spaces and controls;
# and ``|``, which would end a Markdown table's cell.
_URL_SUSPECT = re.compile("[<>|]|[^!-~]")


def _percent(match: re.Match[str]) -> str:
    char = match[0]
    if char in "<>|" or char.isspace() or is_control(char):
        return "".join(f"%{byte:02X}" for byte in char.encode("utf-8", "surrogatepass"))
    return char


def _autolink(url: str) -> str:
    """A URL as a Markdown autolink, ``<https://…>``, that it cannot leave.

    ``<``, ``>``, ``|``, spaces and controls are percent-encoded, which is
    how a URL writes them anyway (``|`` would end a table's cell).
    """
    return "<" + _URL_SUSPECT.sub(_percent, url) + ">"


def _json_escape(char: str) -> str:
    """A JSON escape for a control that json.dumps(ensure_ascii=False) leaves.

    Those are DEL, the C1 controls, format characters, separators and lone
    surrogates; the C0 controls in strings are already escaped, so a line
    break left is one of the document's own.
    """
    return char if char == "\n" else json.dumps(char)[1:-1]


_JSON_ESCAPES = ControlTable(_json_escape)


def _date_text(value: dt.date | int | None, locale: LocaleLike) -> str:
    if value is None:
        return label("unknown_date", locale)
    if isinstance(value, int):
        return str(value)
    return str(format_date(value, format="medium", locale=get_locale(locale)))


def _optional_date_text(value: dt.date | int | None, locale: LocaleLike) -> str | None:
    """A date or year as a report shows it; None for no date."""
    return None if value is None else _date_text(value, locale)


#: The label of each agreement status with the date behind it.
_STATUS_DATE_LABELS = {
    "signed": "signed_on",
    "in_force": "in_force_since",
    "expired": "expired_after",
    "terminated": "terminated_on",
}


def _agreement_data(
    agreement: Agreement, on: dt.date, locale: LocaleLike
) -> dict[str, JSON]:
    """An agreement's status on ``on``, with the date behind it, and its actions.

    ``status_line`` says the status with its date ("in force since …",
    "signed …"); without a known date, the status and "date unknown". Only
    acts done by ``on`` are listed (one known by its year from 31 December).
    """
    from bilat._agreement import status_date
    from bilat._source import date_span

    status = agreement.status(on)
    since = status_date(agreement, status, on)
    status_text = label(status.value, locale)
    if status.value not in _STATUS_DATE_LABELS:
        line = status_text
    elif since is None:
        line = f"{status_text} ({label('unknown_date', locale)})"
    else:
        template = label(_STATUS_DATE_LABELS[status.value], locale)
        line = template.format(date=_date_text(since, locale))
    actions = []
    for act in agreement.actions:
        if date_span(act.date)[1] > on:
            continue
        party = act.party.name(locale)
        kind = label(f"action_{act.kind.value}", locale)
        actions.append(
            {
                "party": act.party.alpha2,
                "party_name": party,
                "kind": act.kind.value,
                "kind_text": kind,
                "date": _when_data(act.date),
                "text": f"{party}: {kind}, {_date_text(act.date, locale)}",
                "sources": _source_data(act.sources),
            }
        )
    into_force = agreement.entered_into_force
    return {
        "title": agreement.title,
        "kind": agreement.kind.value,
        "kind_text": label(f"kind_{agreement.kind.value}", locale),
        "signed_text": _optional_date_text(agreement.signed, locale),
        "in_force_text": _optional_date_text(into_force, locale),
        "signed": _when_data(agreement.signed),
        "in_force": _when_data(agreement.in_force),
        "ends": _when_data(agreement.ends),
        "terminated": _when_data(agreement.terminated),
        "entered_into_force": _when_data(agreement.entered_into_force),
        "status": status.value,
        "status_text": status_text,
        "status_date": _when_data(since),
        "status_line": line,
        "actions": actions,
        "note": agreement.note,
        "sources": _source_data(agreement.sources),
    }


#: A converter of a target's amounts to the report's currency, when they are
#: money in another currency and the report's rates convert them.
_InCurrency: TypeAlias = Callable[[Any], Any]


def _series_data(
    series: TradeSeries | Series, locale: LocaleLike, sources: Iterable[Source]
) -> dict[str, JSON]:
    return {
        "reporter": series.reporter.alpha2 if series.reporter else None,
        "reporter_name": series.reporter.name(locale) if series.reporter else None,
        "subject": series.subject,
        "from_claims": bool(series.claims),
        "years": [min(series.values), max(series.values)] if series.values else [],
        "sources": _source_data(sources),
    }


def _measured(
    target: AnyTarget,
    series: TradeSeries | Series,
    on: dt.date,
    rates: ExchangeRates | None,
    locale: LocaleLike,
    *,
    reasons: Mapping[Claim, str],
    stale_after: int,
    money: _InCurrency | None,
) -> dict[str, JSON]:
    """Progress of ``series`` towards ``target``, or why it cannot be measured.

    A series in another currency than the target's needs a rate for each
    year; without one, or when a converted value is beyond bilat's range,
    the pair is reported as not measured, with the reason, instead of
    failing the whole report.
    """
    progress = progress_or_reason(target, series, on, rates, locale)
    if isinstance(progress, str):  # not measured: why
        status = f"{label('not_measured', locale)} ({progress})"
        return {
            "series": _series_data(series, locale, series.sources),
            "year": None,
            "current": None,
            "share": None,
            "share_text": "—",
            "gap": None,
            "actual_cagr": None,
            "actual_cagr_text": "—",
            "planned_cagr": None,
            "required_cagr": None,
            "required_cagr_text": "—",
            "growth_ratio": None,
            "projected": None,
            "anticipated": None,
            "eta": None,
            "status": "not_measured",
            "status_text": status,
            "out_of_range": {},
            "out_of_range_text": None,
            "approximate": False,
            "base_year": None,
            "base": None,
            "current_approximate": False,
            "base_approximate": False,
            "figure": None,
            "base_figure": None,
            "reported_by": None,
            "reported_by_kind": None,
            "age": None,
            "stale": False,
            "stale_text": None,
            "reason_text": None,
            "status_line": status,
            "headline_text": status,
            "converted": None,
        }
    return _progress_data(
        series,
        progress,
        locale,
        reasons,
        on=on,
        stale_after=stale_after,
        money=money,
    )


def _reported_by(
    series: TradeSeries | Series,
    year: int | None,
    figure: Mapping[str, JSON] | None,
    locale: LocaleLike,
) -> tuple[str | None, str | None]:
    """Who reported the figure of ``year``, and how that is known.

    The series' reporter (``"reporter"``); else, for a series built from
    claims, whoever made the claim (``"said_by"``); else the publisher (or
    title) of the figure's first source (``"source"``). ``(None, None)``
    when none of these is known.
    """
    if series.reporter is not None:
        return series.reporter.name(locale), "reporter"
    if figure is not None and figure.get("said_by"):
        return str(figure["said_by"]), "said_by"
    found = [] if year is None else series.sources_for(year)
    names = [s.publisher or s.title for s in found]
    if figure is not None:
        names = [s.get("publisher") or s["title"] for s in figure["sources"]] or names
    return (str(names[0]), "source") if names else (None, None)


def _growth_text(progress: Progress[Any], locale: LocaleLike) -> str | None:
    """Why the status is what it is, in words: the growth needed and the growth seen.

    "needs 15.0% a year; grew 12.1% a year since 2017". The growth needed
    shows while the target is ahead and has a deadline; a single figure
    says there is no growth to compare.
    """
    p = progress
    bits = []
    if p.required_cagr is not None and p.required_cagr > 0:
        rate = percent_text(p.required_cagr, locale)
        bits.append(label("needs_rate", locale).format(rate=rate))
    if p.actual_cagr is not None:
        key = "fell_since" if p.actual_cagr < 0 else "grew_since"
        rate = percent_text(abs(p.actual_cagr), locale)
        bits.append(label(key, locale).format(rate=rate, year=p.base_year))
    elif p.year is not None and p.base_year == p.year:
        bits.append(label("one_figure", locale))
    return "; ".join(bits) or None


def _headline(
    progress: Progress[Any],
    data: Mapping[str, JSON],
    who: str | None,
    locale: LocaleLike,
    money: _InCurrency | None,
) -> str:
    """The latest figure, who reported it, share of the target and gap, in one line.

    Amounts are in the report's currency when ``money`` converts them, in
    the target's own otherwise. A passed target says by how much.
    """
    from bilat._measure import amount, format_measure

    p = progress

    def shown(value: Any) -> str:
        return format_measure(
            value if money is None else money(value), locale, compact=True
        )

    if p.year is None or p.current is None:
        return label("headline_no_figure", locale).format(year=p.as_of)
    current = shown(p.current)
    if data["current_approximate"]:
        current += f" ({label('approximate', locale)})"
    parts = [
        label("headline", locale).format(
            year=p.year, current=current, who=who or label("who_unknown", locale)
        )
    ]
    if p.share is not None:
        share = percent_text(p.share, locale)
        parts.append(label("share_of_target", locale).format(share=share))
    if p.gap is not None:
        if amount(p.gap) < 0:
            parts.append(label("over_target", locale).format(gap=shown(-p.gap)))
        else:
            parts.append(label("gap_of", locale).format(gap=shown(p.gap)))
    return "; ".join(parts)


def _progress_data(
    series: TradeSeries | Series,
    progress: Progress[Any],
    locale: LocaleLike,
    reasons: Mapping[Claim, str],
    *,
    on: dt.date,
    stale_after: int,
    money: _InCurrency | None = None,
) -> dict[str, JSON]:
    """A measured progress as report data, led by its headline.

    Besides :class:`Progress`'s figures: who reported the latest figure
    (``reported_by``), its age in years before the report's date and
    whether that is more than ``stale_after`` (``stale``), the reason for
    the status in words, and the amounts in the report's currency
    (``converted``) when ``money`` converts them.
    """
    p = progress

    def amount(value: Any) -> dict[str, JSON] | None:
        return None if value is None else measure_data(value, locale)

    figure = figure_used(series, p.year, reasons, locale)
    data: dict[str, JSON] = {
        "series": _series_data(series, locale, progress.sources),
        "year": p.year,
        "current": amount(p.current),
        "share": _ratio(p.share),
        "share_text": _ratio_text(p.share, locale),
        "gap": amount(p.gap),
        "actual_cagr": _ratio(p.actual_cagr),
        "actual_cagr_text": _ratio_text(p.actual_cagr, locale),
        "planned_cagr": _ratio(p.planned_cagr),
        "required_cagr": _ratio(p.required_cagr),
        "required_cagr_text": _ratio_text(p.required_cagr, locale),
        "growth_ratio": _ratio(p.growth_ratio),
        "projected": amount(p.projected),
        "anticipated": _ratio(p.anticipated),
        "eta": p.eta,
        "status": p.status.value,
        "status_text": label(p.status.value, locale),
        "out_of_range": dict(p.out_of_range),
        "out_of_range_text": out_of_range_text(p.out_of_range, locale),
        "approximate": p.approximate,
        "base_year": p.base_year,
        "base": amount(p.base),
        "current_approximate": p.year is not None and series.is_approximate(p.year),
        "base_approximate": p.base_year is not None
        and series.is_approximate(p.base_year),
        "figure": figure,
        "base_figure": None
        if p.base_year == p.year
        else figure_used(series, p.base_year, reasons, locale),
        "converted": None,
    }
    if money is not None:
        try:
            data["converted"] = {
                key: amount(None if value is None else money(value))
                for key, value in (
                    ("current", p.current),
                    ("base", p.base),
                    ("gap", p.gap),
                    ("projected", p.projected),
                )
            }
        except BilatError:  # a figure beyond bilat's range once converted
            money = None
    who, kind = _reported_by(series, p.year, figure, locale)
    age = None if p.year is None else on.year - p.year
    stale = age is not None and age > stale_after
    status = label(p.status.value, locale)
    if stale:
        status = label("status_as_of", locale).format(status=status, year=p.year)
    why = _growth_text(p, locale)
    data.update(
        {
            "reported_by": who,
            "reported_by_kind": kind,
            "age": age,
            "stale": stale,
            "stale_text": label("stale", locale).format(
                year=p.year, age=counted(age, "year", locale)
            )
            if stale and age is not None
            else None,
            "reason_text": why,
            "status_line": status if why is None else f"{status} — {why}",
        }
    )
    data["headline_text"] = _headline(p, data, who, locale, money)
    return data


#: Years a target's latest figure may lag the report's date before the
#: report calls it stale; see :meth:`Dossier.report`.
STALE_AFTER = 2
_MAX_STALE_AFTER = 9999


def _stale_after(value: object) -> int:
    """``stale_after=`` of a report, checked: whole years from 0 to 9999."""
    expected = "a whole number of years from 0 to 9999, as in stale_after=2"
    if isinstance(value, bool) or not isinstance(value, int):
        raise NumberTypeError(value, "stale_after", expected)
    if not 0 <= value <= _MAX_STALE_AFTER:
        raise InvalidNumberError(value, "stale_after", expected)
    return int(value)


def report_currency(dossier: Dossier) -> Currency:
    """The currency a report of ``dossier`` is in when none is given.

    The dossier's own when all its money (projects, targets, series,
    claims) is in one currency; US dollars otherwise, or when it holds
    no money.

    Example:
        >>> from bilat import Dossier, Money, Project
        >>> from bilat._present.report import report_currency
        >>> depot = Project("Depot", ["KZ", "UZ"], "underway", value=Money(5, "KZT"))
        >>> report_currency(Dossier("KZ–UZ", ["KZ", "UZ"], projects=[depot])).code
        'KZT'
        >>> report_currency(Dossier("KZ–UZ", ["KZ", "UZ"])).code
        'USD'
    """
    from bilat._money import Money

    values: list[object] = [p.value for p in dossier.projects]
    values += [t.value for t in dossier.targets]
    values += [v for s in dossier.series for v in s.values.values()]
    values += [c.value for c in dossier.claims]
    found = {v.currency.code for v in values if isinstance(v, Money | Estimate)}
    return as_currency(found.pop() if len(found) == 1 else "USD")


def _in_currency(
    target: AnyTarget,
    currency: Currency,
    rates: ExchangeRates | None,
    on: dt.date,
    locale: LocaleLike,
) -> tuple[_InCurrency | None, str | None]:
    """How to show a target's amounts in the report's currency, and a note saying so.

    ``(None, None)`` for a target in the report's currency or not in
    money; a converter and "amounts converted to AED at the rates of …"
    when ``rates`` convert the target's value on ``on``; ``None`` and
    what was not converted, and why, when they do not.
    """
    from bilat._money import Money

    value = target.value
    if not isinstance(value, Money | Estimate) or value.currency == currency:
        return None, None

    def convert(amount: Any) -> Any:
        assert rates is not None
        if isinstance(amount, Estimate):
            return amount.to(currency, rates, on)
        return rates.convert(amount, currency, on)

    try:
        if rates is None:
            raise LookupError
        convert(value)
    except (LookupError, BilatError):
        note = label("not_converted", locale).format(
            base=value.currency.code, quote=currency.code
        )
        return None, note
    note = label("converted_at", locale).format(
        currency=currency.code, date=_date_text(on, locale)
    )
    return convert, note


def _target_data(
    target: AnyTarget,
    matching: Sequence[TradeSeries | Series],
    dossier: Dossier,
    *,
    on: dt.date,
    currency: Currency,
    rates: ExchangeRates | None,
    locale: LocaleLike,
    reasons: Mapping[Claim, str],
    stale_after: int,
) -> dict[str, JSON]:
    """A target as report data: its figures, each series' progress, and what is missing.

    A target whose parties are not all the dossier's, or that no series
    measures, says so (``not_measured`` and ``not_measured_text``); one in
    money of another currency than the report's has its amounts converted
    (``converted``) or says why not (``conversion_text``).
    """
    from bilat._series import DIRECTED

    joint = " → " if target.subject in DIRECTED else "–"
    parties_text = joint.join(c.name(locale) for c in target.parties)
    outside = any(c not in dossier.parties for c in target.parties)
    reason: str | None = None
    reason_text: str | None = None
    if outside:
        reason = "outside_parties"
        reason_text = label("outside_parties", locale).format(parties=parties_text)
    elif not matching:
        reason = "no_series"
        reason_text = label("no_series_for", locale).format(
            subject=subject_text(target.subject, locale), parties=parties_text
        )
    money, conversion = _in_currency(target, currency, rates, on, locale)
    return {
        "value": measure_data(target.value, locale),
        "subject": target.subject,
        "parties": [c.alpha2 for c in target.parties],
        "parties_text": parties_text,
        "deadline": target.deadline,
        "agreement": target.agreement.title if target.agreement else None,
        "sources": _source_data(target.sources),
        "not_measured": reason,
        "not_measured_text": reason_text,
        "converted": None
        if money is None
        else {
            "currency": currency.code,
            "value": measure_data(money(target.value), locale),
        },
        "conversion_text": conversion,
        "progress": [
            _measured(
                target,
                s,
                on,
                rates,
                locale,
                reasons=reasons,
                stale_after=stale_after,
                money=money,
            )
            for s in matching
        ],
    }


def build_report(
    dossier: Dossier,
    *,
    as_of: dt.date | str | None = None,
    currency: CurrencyLike | None = None,
    locale: LocaleLike = "en",
    rates: ExchangeRates | None = None,
    stale_after: int = STALE_AFTER,
) -> Report:
    """Compute a :class:`Report` of ``dossier``; see :meth:`Dossier.report`."""
    on = _as_date(as_of) or dt.date.today()
    cur = report_currency(dossier) if currency is None else as_currency(currency)
    stale_after = _stale_after(stale_after)
    loc = get_locale(locale)
    lang = str(loc)

    parties = [{"code": c.alpha2, "name": c.name(loc)} for c in dossier.parties]
    agreements = [_agreement_data(a, on, loc) for a in dossier.agreements]

    project_groups = []
    for status, group in dossier.portfolio.by_status().items():
        total, note = _group_total(group, cur, rates, on, loc)
        project_groups.append(
            {
                "status": status.value,
                "status_text": label(status.value, loc),
                "count": group.count,
                "total": total,
                "note": note,
                "total_text": total["text"] if total else note,
                "projects": [
                    {
                        "name": p.name,
                        "count": p.count,
                        "value": measure_data(p.value, loc)
                        if p.value is not None
                        else None,
                        "sector": p.sector,
                        "status": p.status.value,
                        "status_text": label(p.status.value, loc),
                        "start": _when_data(p.start),
                        "start_text": _optional_date_text(p.start, loc),
                        "end": _when_data(p.end),
                        "end_text": _optional_date_text(p.end, loc),
                        **_completion(p, on, loc),
                        "sources": _source_data(p.sources),
                    }
                    for p in group
                ],
            }
        )

    claims, reasons = claims_data(dossier, loc, rates)
    targets = [
        _target_data(
            target,
            matching,
            dossier,
            on=on,
            currency=cur,
            rates=rates,
            locale=loc,
            reasons=reasons,
            stale_after=stale_after,
        )
        for target, matching in match_series(dossier.targets, dossier.all_series())
    ]

    meetings = sorted(
        (e for e in dossier.events if (_meeting_year(e) or on.year) <= on.year),
        key=lambda m: m.sort_key(),
        reverse=True,
    )[:_RECENT_MEETINGS]
    meeting_data = [
        {
            "when": m.when.isoformat() if isinstance(m.when, dt.date) else m.when,
            "when_text": _date_text(m.when, loc),
            "place": m.place,
            "participants": [
                f"{o.name} ({o.role}, {o.country.alpha2})" for o in m.participants
            ],
            "topics": [t.value for t in m.topics],
            "sources": _source_data(m.sources),
        }
        for m in meetings
    ]

    data: dict[str, JSON] = {
        "format": REPORT_FORMAT,
        "numbers": REPORT_NUMBERS,
        "title": dossier.title,
        "as_of": on.isoformat(),
        "currency": cur.code,
        "locale": lang,
        "stale_after": stale_after,
        "parties": parties,
        "relationship": dossier.relationship,
        "agreements": agreements,
        "projects": project_groups,
        "targets": targets,
        "claims": claims,
        "meetings": meeting_data,
        "sources": _source_data(dossier.sources),
    }
    report = Report(data=data)
    object.__setattr__(report, "_drawn_from", _ChartInputs(dossier, on, rates))
    return report


@attrs.frozen
class _ChartInputs:
    """What a report's charts are drawn from, besides the report's data."""

    dossier: Dossier
    as_of: dt.date
    rates: ExchangeRates | None


def _completion(project: Project, on: dt.date, locale: LocaleLike) -> dict[str, JSON]:
    """Completion of the first tracked measure (by name) that has an update by ``on``.

    Written as a person writes it: ``106 km of 152 km, 69.7 %``.
    """
    from bilat._measure import format_measure

    for measure in sorted({u.measure for u in project.updates}):
        done = project.completion(on, measure=measure)
        update = project.latest_update(on, measure=measure)
        if done is not None and update is not None:
            of = label("done_of", locale).format(
                done=format_measure(update.done, locale),
                total=format_measure(project.measures[measure], locale),
            )
            return {
                "completion": decimal_text(done),
                "completion_measure": measure,
                "completion_text": f"{of}, {_ratio_text(done, locale)}",
            }
    return {"completion": None, "completion_measure": None, "completion_text": None}


def _group_total(
    group: Portfolio,
    currency: Currency,
    rates: ExchangeRates | None,
    on: dt.date,
    locale: LocaleLike,
) -> tuple[dict[str, JSON] | None, str | None]:
    """The total of a group in ``currency``, or a note saying why there is none."""
    if not any(p.value is not None for p in group):
        return None, label("not_valued", locale)
    try:
        total = group.total(currency, rates, on)
    except BilatError:
        return None, label("not_convertible", locale).format(currency=currency.code)
    return measure_data(total, locale), None


def _agreements_table(
    agreements: Sequence[Mapping[str, JSON]], locale: LocaleLike
) -> tuple[list[str], list[list[str]], list[Align]]:
    """Agreements as a table: title, kind, signed, in force since, status.

    The status is the one on the report's day, with the date behind it
    ("expired; in force until 2010", "signed (date unknown)").
    """
    keys = ("table_title", "table_kind", "table_signed", "table_in_force", "status")
    rows = [
        [
            str(a["title"]),
            str(a.get("kind_text") or a["kind"]),
            str(a.get("signed_text") or "—"),
            str(a.get("in_force_text") or "—"),
            str(a["status_line"]),
        ]
        for a in agreements
    ]
    align: list[Align] = ["left", "left", "right", "right", "left"]
    return [label(k, locale) for k in keys], rows, align


def _status_table(
    groups: Sequence[Mapping[str, JSON]], locale: LocaleLike
) -> tuple[list[str], list[list[str]], list[Align]]:
    """Projects by status: the status, the number of projects (counts summed), the total."""
    rows = [
        [
            str(g["status_text"]),
            counted(g["count"], "project", locale),
            str(g.get("total_text") or (g["total"] or {}).get("text") or g["note"]),
        ]
        for g in groups
    ]
    align: list[Align] = ["left", "right", "right"]
    header = [label(k, locale) for k in ("status", "count", "total")]
    return header, rows, align


def _projects_table(
    groups: Sequence[Mapping[str, JSON]], locale: LocaleLike
) -> tuple[list[str], list[list[str]], list[Align]]:
    """Every project line: name, status, count, value, completion, start and end."""
    rows = []
    for g in groups:
        for p in g["projects"]:
            value = p["value"]["text"] if p["value"] else label("not_valued", locale)
            rows.append(
                [
                    str(p["name"]),
                    str(p.get("status_text") or g["status_text"]),
                    str(p["count"]),
                    str(value),
                    str(p["completion_text"] or "—"),
                    str(p.get("start_text") or "—"),
                    str(p.get("end_text") or "—"),
                ]
            )
    keys = (
        "table_project",
        "status",
        "count",
        "value",
        "table_completion",
        "table_start",
        "table_end",
    )
    align: list[Align] = ["left", "left", "right", "right", "right", "right", "right"]
    return [label(k, locale) for k in keys], rows, align


def _meeting_year(meeting: Any) -> int | None:
    when = meeting.when
    if when is None:
        return None
    return when if isinstance(when, int) else int(when.year)


def _frozen(value: object) -> Any:
    """A deep read-only copy of report data: mappings read-only, lists tuples."""
    if isinstance(value, Mapping):
        return MappingProxyType({key: _frozen(item) for key, item in value.items()})
    if isinstance(value, list | tuple):
        return tuple(_frozen(item) for item in value)
    return value


def _report_data(value: Mapping[str, JSON]) -> Mapping[str, JSON]:
    """The converter of ``Report.data``: a mapping, frozen by :func:`_frozen`."""
    return _frozen_mapping(value)


def _frozen_mapping(value: object) -> Mapping[str, JSON]:
    if not isinstance(value, Mapping):
        raise invalid(
            "data",
            f"expected report data (a mapping, as Report.to_dict() gives), "
            f"got {shown(value)}; build a report with Dossier.report()",
        )
    frozen: Mapping[str, JSON] = _frozen(value)
    return frozen


_MAX_INDENT = 16


def _indent(value: object) -> int | None:
    """``indent=`` of :meth:`Report.to_json`, checked."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise NumberTypeError(value, "indent", "an int from 0 to 16, or None")
    if not 0 <= value <= _MAX_INDENT:
        raise InvalidNumberError(value, "indent", "an int from 0 to 16, or None")
    return int(value)


def _thawed(value: object) -> Any:
    """Report data as plain dicts and lists again, a new copy."""
    if isinstance(value, Mapping):
        return {key: _thawed(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_thawed(item) for item in value]
    return value


def _target_lines(
    target: Mapping[str, JSON],
    locale: LocaleLike,
    *,
    markdown: bool,
    text: Callable[[object], str],
    cite: Callable[..., str],
) -> list[str]:
    """A target in a text or Markdown report: what a minister asks first.

    The target, then for each series measuring it the headline (latest
    figure, who reported it, share of the target, gap), the status with
    its reason and a staleness warning; then the details (base, the
    figures used and why, sources), why a target is not measured, how
    its amounts were converted, and the target's own sources.
    """

    def bullet(line: str, depth: int) -> str:
        return ("  " * depth) + ("- " if markdown else "• ") + line

    def lab(key: str) -> str:
        return text(label(key, locale))

    lines = [bullet(f"{lab('target')}: {text(target_text(target, locale))}", 0)]
    for p in target["progress"]:
        lines.append(bullet(text(p["headline_text"]), 1))
        if p["status"] != "not_measured":
            lines.append(bullet(f"{lab('status')}: {text(p['status_line'])}", 1))
        if p["stale_text"]:
            lines.append(bullet(f"⚠ {text(p['stale_text'])}", 1))
        if p["out_of_range_text"]:
            lines.append(bullet(text(p["out_of_range_text"]), 2))
        if p["base"] and p["base_year"] != p["year"]:
            base = (p["converted"] or p)["base"]["text"]
            if p["base_approximate"]:
                base += f" ({label('approximate', locale)})"
            lines.append(bullet(f"{lab('base')} {p['base_year']}: {text(base)}", 2))
        lines.extend(
            bullet(text(figure_used_text(p[key], locale)), 2)
            for key in ("figure", "base_figure")
            if p[key]
        )
        if p["series"]["sources"]:
            cited = cite(p["series"]["sources"], markdown=markdown)
            lines.append(bullet(f"{lab('source')}: {cited}", 2))
    if target["not_measured_text"]:
        why = target["not_measured_text"]
        lines.append(bullet(f"{lab('not_measured')} ({text(why)})", 1))
    if target["conversion_text"]:
        lines.append(bullet(text(target["conversion_text"]), 1))
    if target["sources"]:
        cited = cite(target["sources"], markdown=markdown)
        lines.append(bullet(f"{lab('source')}: {cited}", 1))
    return lines


@public
@final
@attrs.frozen(repr=False, eq=False)
class Report:
    """A computed progress report; render it as text, Markdown, HTML or data.

    Build one with :meth:`Dossier.report`. The report is computed once; its
    renderings all show the same figures. ``str(report)`` is the plain-text
    form.

    Example:
        >>> import bilat
        >>> report = bilat.examples.kazakhstan_uzbekistan().report(as_of="2025-12-31")
        >>> report.to_dict()["parties"]
        [{'code': 'KZ', 'name': 'Kazakhstan'}, {'code': 'UZ', 'name': 'Uzbekistan'}]
        >>> print(str(report).splitlines()[0])
        Kazakhstan–Uzbekistan
    """

    data: Mapping[str, JSON] = attrs.field(converter=_report_data)
    #: What the charts of :meth:`to_html` are drawn from: the dossier, the
    #: day, the currency and the rates the report was computed with; None
    #: for a report made from data (or unpickled), whose page has no charts.
    _drawn_from: _ChartInputs | None = attrs.field(
        init=False, default=None, eq=False, repr=False
    )

    def to_dict(self) -> dict[str, JSON]:
        """The report as JSON-safe data (amounts as strings, dates as ISO text).

        Its first keys say how to read the rest: ``"format"`` is
        ``"bilat-report/1"`` and ``"numbers"`` the convention in words.
        Every amount, bound and ratio is an exact decimal
        written as a string (``"0.333333333333333333…"``, read it
        with :class:`~decimal.Decimal`), never a float and never rounded;
        ``"text"`` and the keys ending in ``_text`` or ``_line`` are the
        same figures formatted for people in the report's locale, rounded
        for display (a claim's ``"text"`` is the figure as its source wrote
        it). Counts and years are ints, dates ISO text.

        A new, plain copy each time: changing it leaves the report as it was.
        :attr:`data` itself is read-only, its lists are tuples.

        Example:
            >>> from bilat import Dossier, Money, Project
            >>> third = Money(1, "USD") / 3
            >>> depot = Project("Depot", ["KZ", "UZ"], "underway", value=third)
            >>> dossier = Dossier("KZ–UZ", ["KZ", "UZ"], projects=[depot])
            >>> data = dossier.report(as_of="2025-12-31").to_dict()
            >>> data["format"]
            'bilat-report/1'
            >>> value = data["projects"][0]["projects"][0]["value"]
            >>> value["text"]
            '$0.33'
            >>> value["amount"]
            '0.333333333333333333333333333333333333333333333333333333333333'
        """
        thawed: dict[str, JSON] = _thawed(self.data)
        return thawed

    def to_json(self, *, indent: int | None = 2) -> str:
        r"""The report as JSON text.

        Non-ASCII text is written as it is, except controls, format
        characters and separators (U+007F to U+009F, U+202E, U+2028…),
        which are ``\u`` escapes like the C0 controls: the values read
        back exactly, and the text shows nothing that acts on a terminal.

        Args:
            indent: Spaces per level, from 0 to 16; None for one line.

        Raises:
            NumberTypeError: ``indent`` is not an int or None.
            InvalidNumberError: ``indent`` is below 0 or above 16.
        """
        document = json.dumps(
            _thawed(self.data), ensure_ascii=False, indent=_indent(indent)
        )
        return replace_controls(document, _JSON_ESCAPES)

    def render(self, format: ReportFormat = "text") -> str:
        """Render in one of ``text``, ``markdown``, ``json`` or ``html``.

        ``html`` is the standalone page of :meth:`to_html`; a notebook shows
        its body (``_repr_html_``).

        Raises:
            InvalidOptionError: ``format`` is none of these.
        """
        renderers = {
            "text": self.to_text,
            "markdown": self.to_markdown,
            "json": self.to_json,
            "html": self.to_html,
        }
        return renderers[as_option(format, renderers, "report format")]()

    def __reduce__(self) -> tuple[type[Report], tuple[dict[str, JSON]]]:
        """Pickle as the report's data, in plain dicts and lists."""
        return Report, (_thawed(self.data),)

    # -- text ---------------------------------------------------------------

    def _lines(self, markdown: bool) -> list[str]:
        d = self.data
        loc = d["locale"]
        x = _markdown if markdown else str  # text from the dossier, and labels

        def heading(text: str, level: int = 2) -> list[str]:
            if markdown:
                return ["", "#" * level + " " + x(text), ""]
            return ["", text, "-" * len(text)]

        def bullet(text: str, depth: int = 0) -> str:
            return ("  " * depth) + ("- " if markdown else "• ") + text

        def lab(key: str) -> str:
            return x(label(key, loc))

        def table(
            header: list[str], rows: list[list[str]], align: list[Align]
        ) -> list[str]:
            if markdown:
                return markdown_table(header, rows, align)
            return text_table(header, rows, align)

        def cite(sources: Sequence[Mapping[str, JSON]], *, markdown: bool) -> str:
            return _cite(sources, markdown=markdown, locale=loc)

        lines: list[str] = []
        title = d["title"]
        if markdown:
            lines += ["# " + x(title), ""]
        else:
            shown = visible(str(title))
            lines += [shown, "=" * len(shown)]
        lines.append(x(as_of_text(d["as_of"], loc)))

        lines += heading(label("parties", loc))
        lines.append(
            " – ".join(f"{x(p['name'])} ({x(p['code'])})" for p in d["parties"])
        )
        if d["relationship"]:
            lines.append(f"{lab('relationship')}: {x(d['relationship'])}")

        lines += heading(label("agreements", loc))
        if not d["agreements"]:
            lines.append(lab("none"))
        else:
            lines += table(*_agreements_table(d["agreements"], loc))
        for a in d["agreements"]:
            if not a["actions"] and not a["note"]:
                continue
            lines += ["", bullet(x(a["title"]))]
            for act in a["actions"]:
                lines.append(bullet(x(act["text"]), 1))
                if act["sources"]:
                    cited = cite(act["sources"], markdown=markdown)
                    lines.append(bullet(f"{lab('source')}: {cited}", 2))
            if a["note"]:
                lines.append(bullet(f"{lab('note')}: {x(a['note'])}", 1))

        lines += heading(label("projects", loc))
        if not d["projects"]:
            lines.append(lab("none"))
        else:
            lines += [*table(*_status_table(d["projects"], loc)), ""]
            lines += table(*_projects_table(d["projects"], loc))

        lines += heading(label("targets", loc))
        if not d["targets"]:
            lines.append(lab("none"))
        for t in d["targets"]:
            lines += _target_lines(t, loc, markdown=markdown, text=x, cite=cite)

        if d.get("claims"):
            lines += heading(label("claims", loc))
            lines += claims_lines(
                d["claims"], markdown=markdown, locale=loc, text=x, cite=cite
            )

        lines += heading(label("meetings", loc))
        if not d["meetings"]:
            lines.append(lab("none"))
        for m in d["meetings"]:
            topics = topics_text(m["topics"], loc)
            who = "; ".join(m["participants"])
            lines.append(
                bullet(f"{x(m['when_text'])}: {x(who)} — {lab('topics')}: {x(topics)}")
            )

        if d["sources"]:
            lines += heading(label("sources", loc))
            lines.extend(bullet(cite([s], markdown=markdown)) for s in d["sources"])
        return lines

    def _join(self, markdown: bool) -> str:
        """The lines of the text or Markdown report, each shown by one rule.

        Every line goes through :func:`~bilat._present.labels.visible`: a line break,
        a terminal control or a bidi override in any text from the dossier
        (or in data given to :class:`Report`) shows as a space or an escape
        and cannot add a line, move the cursor or reorder the line. The
        report's own words and CLDR's formats hold none of these, so they
        come out unchanged, no-break spaces and direction marks included.
        """
        return "\n".join(visible(line) for line in self._lines(markdown)) + "\n"

    def to_text(self) -> str:
        r"""The plain-text report.

        Text from the dossier is shown on its line: line breaks and tabs in
        it become spaces, and controls and bidi overrides are escaped.

        Example:
            >>> from bilat import Dossier
            >>> text = Dossier("KZ\x1b[2J\nUZ\u202e", ["KZ", "UZ"]).report().to_text()
            >>> print(text.splitlines()[0])
            KZ\x1b[2J UZ\u202e
        """
        return self._join(markdown=False)

    def to_markdown(self) -> str:
        """The report as Markdown, dossier text escaped (also as by :meth:`to_text`)."""
        return self._join(markdown=True)

    def __str__(self) -> str:
        return self.to_text()

    def __repr__(self) -> str:
        return f"<Report {self.data['title']!r} as of {self.data['as_of']}>"

    def __eq__(self, other: object) -> bool:
        """Reports are equal when their data are (so copies and pickles are)."""
        if not isinstance(other, Report):
            return NotImplemented
        return self.data == other.data

    def __hash__(self) -> int:
        # Equal data have equal titles and dates; hashing no more keeps
        # hash and == consistent (1 == True == 1.0) and cheap.
        return hash((self.data.get("title"), self.data.get("as_of")))

    def to_html(self) -> str:
        """The report as a standalone HTML page, charts inline as SVG.

        The page has everything the text report has (source URLs as links),
        with a title, the report's language and a small style sheet for
        screen and print; it loads nothing (no font, script or image from
        anywhere). Each target's chart against each series
        (:meth:`TradeTarget.plot`) and the projects by status
        (:meth:`Portfolio.plot`) are drawn for a report computed by
        :meth:`Dossier.report`, when matplotlib is installed (the ``plot``
        extra); without it, the page says so. A report made from data alone
        has no charts. The same report gives the same page, byte for byte.
        Every text is escaped (also as by :meth:`to_text`).

        Example:
            >>> from bilat import Dossier
            >>> page = Dossier("KZ & UZ", ["KZ", "UZ"]).report(
            ...     as_of="2025-12-31", locale="kk").to_html()
            >>> print(page.splitlines()[1])
            <html lang="kk">
            >>> "<h1>KZ &amp; UZ</h1>" in page
            True
        """
        from bilat._present.report_html import chart_svgs, report_page

        inputs = self._drawn_from
        if inputs is None:
            return report_page(self.data)
        charts = chart_svgs(
            inputs.dossier,
            as_of=inputs.as_of,
            currency=self.data["currency"],
            rates=inputs.rates,
            locale=self.data["locale"],
        )
        return report_page(self.data, charts)

    def _repr_html_(self) -> str:
        """The report as an HTML fragment (for notebooks): the page's body."""
        from bilat._present.report_html import report_html

        return report_html(self.data)
