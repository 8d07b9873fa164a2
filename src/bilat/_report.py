"""Progress reports of a dossier: plain text, Markdown, HTML and JSON-safe data."""

from __future__ import annotations

import datetime as dt
import decimal
import html
import json
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, final

import attrs
from babel.dates import format_date
from babel.numbers import format_percent

from bilat._currency import Currency, CurrencyLike, as_currency
from bilat._decimal import CONTEXT, decimal_text
from bilat._errors import BilatError, CurrencyMismatchError, RateNotFoundError
from bilat._estimate import Estimate
from bilat._labels import label
from bilat._locale import LocaleLike, get_locale
from bilat._money import Money
from bilat._target import same_pair

if TYPE_CHECKING:
    from bilat._dossier import Dossier
    from bilat._portfolio import Portfolio
    from bilat._project import Project
    from bilat._rates import ExchangeRates
    from bilat._series import TradeSeries
    from bilat._source import Source
    from bilat._target import Progress, TradeTarget

__all__ = ["Report", "ReportFormat", "build_report"]

#: Output formats of :meth:`Report.render` and ``bilat report --format``.
ReportFormat: TypeAlias = Literal["text", "markdown", "json", "html"]

JSON: TypeAlias = Any

_RECENT_MEETINGS = 5


def _as_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        from bilat._errors import InvalidNumberError

        raise InvalidNumberError(
            value, "as_of date", "an ISO date such as '2025-12-31'"
        ) from None


def _money_data(value: Money | Estimate, locale: LocaleLike) -> dict[str, JSON]:
    if isinstance(value, Estimate):
        return {
            "amount": decimal_text(value.value.amount),
            "currency": value.currency.code,
            "qualifier": value.qualifier.value,
            "low": decimal_text(value.low.amount),
            "high": decimal_text(value.high.amount),
            "text": value.format(locale),
        }
    return {
        "amount": decimal_text(value.amount),
        "currency": value.currency.code,
        "text": value.format(locale, compact=True),
    }


def _ratio_text(value: Decimal | None, locale: LocaleLike) -> str:
    if value is None:
        return "—"
    with decimal.localcontext(CONTEXT):  # not the caller's
        return str(format_percent(value, format="#,##0.0%", locale=get_locale(locale)))


def _year(value: JSON) -> str:
    return "—" if value is None else str(value)


def _ratio(value: Decimal | None) -> str | None:
    return None if value is None else decimal_text(value)


def _source_data(sources: Iterable[Source]) -> list[dict[str, JSON]]:
    return [
        {
            "title": s.title,
            "publisher": s.publisher,
            "url": s.url,
            "published": s.published.isoformat() if s.published else None,
        }
        for s in sources
    ]


def _cite(sources: Sequence[Mapping[str, JSON]]) -> str:
    parts = []
    for s in sources:
        bits = [s.get("publisher") or s["title"]]
        if s.get("published"):
            bits.append(s["published"])
        if s.get("url"):
            bits.append(s["url"])
        parts.append(", ".join(str(b) for b in bits))
    return "; ".join(parts)


def _date_text(value: dt.date | int | None, locale: LocaleLike) -> str:
    if value is None:
        return label("unknown_date", locale)
    if isinstance(value, int):
        return str(value)
    return str(format_date(value, format="medium", locale=get_locale(locale)))


def _series_data(
    series: TradeSeries, locale: LocaleLike, sources: Iterable[Source]
) -> dict[str, JSON]:
    return {
        "reporter": series.reporter.alpha2 if series.reporter else None,
        "reporter_name": series.reporter.name(locale) if series.reporter else None,
        "metric": series.metric.value,
        "years": [min(series.values), max(series.values)] if series.values else [],
        "sources": _source_data(sources),
    }


def _measured(
    target: TradeTarget,
    series: TradeSeries,
    on: dt.date,
    rates: ExchangeRates | None,
    locale: LocaleLike,
) -> dict[str, JSON]:
    """Progress of ``series`` towards ``target``, or why it cannot be measured.

    A series in another currency than the target's needs a rate for each
    year; without one the pair is reported as not measured, with the reason,
    instead of failing the whole report.
    """
    try:
        progress = target.progress(series, as_of=on, rates=rates)
    except (CurrencyMismatchError, RateNotFoundError):
        reason = label("no_rate", locale).format(
            base=series.currency.code, quote=target.money.currency.code
        )
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
            "status_text": f"{label('not_measured', locale)} ({reason})",
        }
    return _progress_data(series, progress, locale)


def _progress_data(
    series: TradeSeries,
    progress: Progress,
    locale: LocaleLike,
) -> dict[str, JSON]:
    p = progress
    return {
        "series": _series_data(series, locale, progress.sources),
        "year": p.year,
        "current": _money_data(p.current, locale) if p.current is not None else None,
        "share": _ratio(p.share),
        "share_text": _ratio_text(p.share, locale),
        "gap": _money_data(p.gap, locale) if p.gap is not None else None,
        "actual_cagr": _ratio(p.actual_cagr),
        "actual_cagr_text": _ratio_text(p.actual_cagr, locale),
        "planned_cagr": _ratio(p.planned_cagr),
        "required_cagr": _ratio(p.required_cagr),
        "required_cagr_text": _ratio_text(p.required_cagr, locale),
        "growth_ratio": _ratio(p.growth_ratio),
        "projected": _money_data(p.projected, locale)
        if p.projected is not None
        else None,
        "anticipated": _ratio(p.anticipated),
        "eta": p.eta,
        "status": p.status.value,
        "status_text": label(p.status.value, locale),
    }


def build_report(
    dossier: Dossier,
    *,
    as_of: dt.date | str | None = None,
    currency: CurrencyLike = "USD",
    locale: LocaleLike = "en",
    rates: ExchangeRates | None = None,
) -> Report:
    """Compute a :class:`Report` of ``dossier``; see :meth:`Dossier.report`."""
    on = _as_date(as_of) or dt.date.today()
    cur = as_currency(currency)
    loc = get_locale(locale)
    lang = str(loc)

    parties = [{"code": c.alpha2, "name": c.name(loc)} for c in dossier.parties]
    agreements = [
        {
            "title": a.title,
            "kind": a.kind.value,
            "signed": a.signed.isoformat() if a.signed else None,
            "in_force": a.in_force.isoformat() if a.in_force else None,
            "status": a.status(on).value,
            "status_text": label(a.status(on).value, loc),
            "sources": _source_data(a.sources),
        }
        for a in dossier.agreements
    ]

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
                "projects": [
                    {
                        "name": p.name,
                        "count": p.count,
                        "value": _money_data(p.value, loc)
                        if p.value is not None
                        else None,
                        "sector": p.sector,
                        **_completion(p, on, loc),
                        "sources": _source_data(p.sources),
                    }
                    for p in group
                ],
            }
        )

    # Series by metric and parties, so that many targets and series are
    # matched in one pass instead of every target against every series.
    candidates: dict[tuple[object, frozenset[object]], list[TradeSeries]] = {}
    for s in dossier.series:
        candidates.setdefault((s.metric, frozenset(s.parties)), []).append(s)
    targets = []
    for target in dossier.targets:
        key = (target.metric, frozenset(target.parties))
        matching = [s for s in candidates.get(key, ()) if same_pair(target, s)]
        value = target.value
        targets.append(
            {
                "value": _money_data(value, loc),
                "metric": target.metric.value,
                "deadline": target.deadline,
                "agreement": target.agreement.title if target.agreement else None,
                "sources": _source_data(target.sources),
                "progress": [_measured(target, s, on, rates, loc) for s in matching],
            }
        )

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
        "title": dossier.title,
        "as_of": on.isoformat(),
        "currency": cur.code,
        "locale": lang,
        "parties": parties,
        "relationship": dossier.relationship,
        "agreements": agreements,
        "projects": project_groups,
        "targets": targets,
        "meetings": meeting_data,
        "sources": _source_data(dossier.sources),
    }
    return Report(data=data)


def _completion(project: Project, on: dt.date, locale: LocaleLike) -> dict[str, JSON]:
    """Completion of the first tracked measure (by name) that has an update by ``on``."""
    for measure in sorted({u.measure for u in project.updates}):
        done = project.completion(on, measure=measure)
        if done is not None:
            return {
                "completion": decimal_text(done),
                "completion_measure": measure,
                "completion_text": f"{_ratio_text(done, locale)} ({measure})",
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
    return _money_data(total, locale), None


def _meeting_year(meeting: Any) -> int | None:
    when = meeting.when
    if when is None:
        return None
    return when if isinstance(when, int) else int(when.year)


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

    data: Mapping[str, JSON]

    def to_dict(self) -> dict[str, JSON]:
        """The report as JSON-safe data (amounts as strings, dates as ISO text)."""
        return json.loads(json.dumps(self.data))  # type: ignore[no-any-return]

    def to_json(self, *, indent: int | None = 2) -> str:
        """The report as JSON text."""
        return json.dumps(self.data, ensure_ascii=False, indent=indent)

    def render(self, format: ReportFormat = "text") -> str:
        """Render in one of ``text``, ``markdown``, ``json`` or ``html``."""
        renderers = {
            "text": self.to_text,
            "markdown": self.to_markdown,
            "json": self.to_json,
            "html": self._repr_html_,
        }
        try:
            renderer = renderers[format]
        except KeyError:
            from bilat._errors import InvalidOptionError

            raise InvalidOptionError("report format", format, renderers) from None
        return renderer()

    # -- text ---------------------------------------------------------------

    def _lines(self, markdown: bool) -> list[str]:
        d = self.data
        loc = d["locale"]

        def heading(text: str, level: int = 2) -> list[str]:
            if markdown:
                return ["", "#" * level + " " + text, ""]
            return ["", text, "-" * len(text)]

        def bullet(text: str, depth: int = 0) -> str:
            return ("  " * depth) + ("- " if markdown else "• ") + text

        lines: list[str] = []
        title = d["title"]
        if markdown:
            lines += ["# " + title, ""]
        else:
            lines += [title, "=" * len(title)]
        lines.append(f"{label('report', loc)}, {label('as_of', loc)} {d['as_of']}")

        lines += heading(label("parties", loc))
        lines.append(" – ".join(f"{p['name']} ({p['code']})" for p in d["parties"]))
        if d["relationship"]:
            lines.append(f"{label('relationship', loc)}: {d['relationship']}")

        lines += heading(label("agreements", loc))
        if not d["agreements"]:
            lines.append(label("none", loc))
        for a in d["agreements"]:
            when = f" ({a['signed']})" if a["signed"] else ""
            lines.append(bullet(f"{a['title']} — {a['status_text']}{when}"))

        lines += heading(label("projects", loc))
        if not d["projects"]:
            lines.append(label("none", loc))
        for g in d["projects"]:
            total = g["total"]["text"] if g["total"] else g["note"]
            lines.append(
                bullet(
                    f"{g['status_text']}: {g['count']} — {label('total', loc)} {total}"
                )
            )
            for p in g["projects"]:
                value = p["value"]["text"] if p["value"] else label("not_valued", loc)
                extra = (
                    f", {label('completion', loc)} {p['completion_text']}"
                    if p["completion_text"]
                    else ""
                )
                count = f"{p['count']} × " if p["count"] > 1 else ""
                lines.append(bullet(f"{count}{p['name']}: {value}{extra}", 1))

        lines += heading(label("targets", loc))
        if not d["targets"]:
            lines.append(label("none", loc))
        for t in d["targets"]:
            deadline = (
                f"{label('deadline', loc)} {t['deadline']}"
                if t["deadline"] is not None
                else label("no_deadline", loc)
            )
            lines.append(
                bullet(f"{label('target', loc)}: {t['value']['text']} ({deadline})")
            )
            if t["sources"]:
                lines.append(
                    bullet(f"{label('source', loc)}: {_cite(t['sources'])}", 1)
                )
            for p in t["progress"]:
                s = p["series"]
                who = s["reporter_name"] or "—"
                current = p["current"]["text"] if p["current"] else "—"
                gap = p["gap"]["text"] if p["gap"] else "—"
                lines.append(
                    bullet(
                        f"{label('series', loc)} ({label('reporter', loc)} {who}): "
                        f"{_year(p['year'])}: {current}; {label('share', loc)} {p['share_text']}; "
                        f"{label('gap', loc)} {gap}; "
                        f"{label('required_cagr', loc)} {p['required_cagr_text']}; "
                        f"{label('status', loc)}: {p['status_text']}",
                        1,
                    )
                )
                if s["sources"]:
                    lines.append(
                        bullet(f"{label('source', loc)}: {_cite(s['sources'])}", 2)
                    )

        lines += heading(label("meetings", loc))
        if not d["meetings"]:
            lines.append(label("none", loc))
        for m in d["meetings"]:
            topics = ", ".join(m["topics"])
            who = "; ".join(m["participants"])
            lines.append(
                bullet(f"{m['when_text']}: {who} — {label('topics', loc)}: {topics}")
            )

        if d["sources"]:
            lines += heading(label("sources", loc))
            lines.extend(bullet(_cite([s])) for s in d["sources"])
        return lines

    def to_text(self) -> str:
        """The plain-text report."""
        return "\n".join(self._lines(markdown=False)) + "\n"

    def to_markdown(self) -> str:
        """The report as Markdown."""
        return "\n".join(self._lines(markdown=True)) + "\n"

    def __str__(self) -> str:
        return self.to_text()

    def __repr__(self) -> str:
        return f"<Report {self.data['title']!r} as of {self.data['as_of']}>"

    def _repr_html_(self) -> str:
        """The report as an HTML fragment (for notebooks)."""
        return _html(self.data)


def _html(d: Mapping[str, JSON]) -> str:
    """Render report data as an HTML fragment of headings, lists and tables."""
    e = html.escape
    loc = d["locale"]
    out = [f'<div class="bilat-report"><h2>{e(d["title"])}</h2>']
    out.append(
        f"<p>{e(label('report', loc))}, {e(label('as_of', loc))} {e(d['as_of'])}</p>"
    )
    out.append(f"<h3>{e(label('parties', loc))}</h3><p>")
    out.append(" – ".join(f"{e(p['name'])} ({e(p['code'])})" for p in d["parties"]))
    out.append("</p>")
    if d["relationship"]:
        out.append(f"<p>{e(label('relationship', loc))}: {e(d['relationship'])}</p>")
    out.append(f"<h3>{e(label('agreements', loc))}</h3><ul>")
    out.extend(
        f"<li>{e(a['title'])} — {e(a['status_text'])}</li>" for a in d["agreements"]
    )
    out.append(f"</ul><h3>{e(label('projects', loc))}</h3>")
    out.append(
        f"<table><thead><tr><th>{e(label('status', loc))}</th><th>{e(label('count', loc))}</th>"
        f"<th>{e(label('total', loc))}</th></tr></thead><tbody>"
    )
    for g in d["projects"]:
        total = g["total"]["text"] if g["total"] else g["note"]
        out.append(
            f"<tr><td>{e(g['status_text'])}</td><td>{g['count']}</td><td>{e(total)}</td></tr>"
        )
    out.append(f"</tbody></table><h3>{e(label('targets', loc))}</h3>")
    for t in d["targets"]:
        deadline = (
            t["deadline"] if t["deadline"] is not None else label("no_deadline", loc)
        )
        out.append(f"<p><b>{e(t['value']['text'])}</b> ({e(str(deadline))})</p>")
        if not t["progress"]:
            continue
        head = (
            "reporter",
            "year",
            "current",
            "share",
            "gap",
            "required_cagr",
            "status",
        )
        out.append("<table><thead><tr>")
        out.extend(f"<th>{e(label(h, loc))}</th>" for h in head)
        out.append("</tr></thead><tbody>")
        for p in t["progress"]:
            cells = (
                p["series"]["reporter_name"] or "—",
                _year(p["year"]),
                p["current"]["text"] if p["current"] else "—",
                p["share_text"],
                p["gap"]["text"] if p["gap"] else "—",
                p["required_cagr_text"],
                p["status_text"],
            )
            out.append("<tr>" + "".join(f"<td>{e(c)}</td>" for c in cells) + "</tr>")
        out.append("</tbody></table>")
    out.append(f"<h3>{e(label('meetings', loc))}</h3><ul>")
    out.extend(
        f"<li>{e(m['when_text'])}: {e('; '.join(m['participants']))}</li>"
        for m in d["meetings"]
    )
    out.append("</ul></div>")
    return "".join(out)
