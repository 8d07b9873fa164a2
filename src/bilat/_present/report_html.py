"""A report as HTML: the notebook fragment, and the standalone page around it.

One renderer, :func:`report_html`, writes the report's body: headings, lists
and tables, every piece of text escaped by :func:`~bilat._present.html.escape`
and every source URL a link. :func:`report_page` puts that body, with the
charts drawn as inline SVG (:func:`chart_svgs`), in a page of its own: a
doctype, the charset, the report's language, a title and a small inline style
sheet for screen and print. The page loads nothing: no font, no script, no
image from anywhere.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeAlias

from bilat._present.html import escape as e
from bilat._present.html import table
from bilat._present.labels import label
from bilat._present.report import as_of_text, cite_sources, topics_text
from bilat._present.report_claims import figure_used_text, target_text

if TYPE_CHECKING:
    from bilat._dossier import Dossier
    from bilat._rates import ExchangeRates

__all__ = ["Charts", "chart_svgs", "report_html", "report_page"]

JSON: TypeAlias = Any


class Charts:
    """The charts of a report page: SVG by place, or why there are none.

    ``targets[i][j]`` is the chart of the report's ``i``-th target against
    its ``j``-th series (None when it could not be drawn), ``projects`` the
    portfolio's chart; ``missing`` is the sentence shown instead of every
    chart when matplotlib is not installed.
    """

    def __init__(
        self,
        targets: Sequence[Sequence[str | None]] = (),
        projects: str | None = None,
        missing: str | None = None,
    ) -> None:
        self.targets = [list(t) for t in targets]
        self.projects = projects
        self.missing = missing

    def target(self, i: int, j: int) -> str | None:
        """The SVG of target ``i`` against series ``j``, if drawn."""
        if i < len(self.targets) and j < len(self.targets[i]):
            return self.targets[i][j]
        return None


# -- the body -----------------------------------------------------------------------

#: The URL schemes a source's link may have (the only ones Source accepts).
_LINKABLE = re.compile(r"https?://", re.IGNORECASE)


def _link(url: str) -> str:
    """``url`` as a link showing itself; text only unless it is http(s)."""
    if not _LINKABLE.match(url):
        return e(url)
    return f'<a href="{e(url)}">{e(url)}</a>'


def cite_html(sources: Sequence[Mapping[str, JSON]], locale: str) -> str:
    """Sources as one line of HTML, each cited by the rule of ``Source.cite``.

    :func:`bilat._source.citation` is the rule (publisher or title, the
    publication or access date, the URL); here the text is escaped and the
    URL is a link.
    """
    return cite_sources(sources, locale, text=e, link=_link)


def _source_item(source: Mapping[str, JSON], locale: str) -> str:
    """A source in the list of every source: its title, then its citation."""
    cited = cite_html([source], locale)
    publisher = source.get("publisher")
    if publisher and publisher != source["title"]:
        return f"{e(str(source['title']))} — {cited}"
    return cited


def all_sources(data: JSON) -> list[Mapping[str, JSON]]:
    """Every source the report data names, once each, in the order first named.

    The dossier's own sources come first; then those of agreements, treaty
    actions, projects, targets, series, claims and meetings.
    """
    found: dict[tuple[object, ...], Mapping[str, JSON]] = {}

    def walk(value: JSON) -> Iterator[Mapping[str, JSON]]:
        if isinstance(value, Mapping):
            for key, item in value.items():
                if key == "sources" and isinstance(item, Sequence):
                    yield from (s for s in item if isinstance(s, Mapping))
                else:
                    yield from walk(item)
        elif isinstance(value, Sequence) and not isinstance(value, str):
            for item in value:
                yield from walk(item)

    first = data.get("sources", ()) if isinstance(data, Mapping) else ()
    for s in [*first, *walk(data)]:
        key = tuple(s.get(k) for k in ("title", "publisher", "url", "published"))
        found.setdefault(key, s)
    return list(found.values())


def _sourced(sources: Sequence[Mapping[str, JSON]], loc: str) -> str:
    """`` (source: …)`` after an item, or nothing."""
    if not sources:
        return ""
    return f" ({e(label('source', loc))}: {cite_html(sources, loc)})"


def _figure(svg: str | None, alt: str) -> str:
    if svg is None:
        return ""
    return (
        f'<figure class="bilat-chart" role="img" aria-label="{e(alt)}">{svg}</figure>'
    )


def report_html(
    d: Mapping[str, JSON], *, charts: Charts | None = None, level: int = 2
) -> str:
    """Render report data as HTML: headings, lists, tables and, given, charts.

    Args:
        d: The report's data (:meth:`Report.to_dict`).
        charts: The charts to show beside their section; none when None.
        level: The heading level of the title; sections are one below.
    """
    loc = d["locale"]
    h1, h2 = f"h{level}", f"h{level + 1}"

    def heading(key: str) -> str:
        return f"<{h2}>{e(label(key, loc))}</{h2}>"

    out = [f'<div class="bilat-report"><{h1}>{e(d["title"])}</{h1}>']
    out.append(f'<p class="bilat-as-of">{e(as_of_text(d["as_of"], loc))}</p>')
    if charts is not None and charts.missing is not None:
        out.append(f'<p class="bilat-note">{e(charts.missing)}</p>')
    out.append(heading("parties") + "<p>")
    out.append(" – ".join(f"{e(p['name'])} ({e(p['code'])})" for p in d["parties"]))
    out.append("</p>")
    if d["relationship"]:
        out.append(f"<p>{e(label('relationship', loc))}: {e(d['relationship'])}</p>")
    out.append(heading("agreements"))
    out.append(_agreements(d, loc))
    out.append(heading("projects"))
    out.append(_projects(d, loc))
    if charts is not None:
        out.append(_figure(charts.projects, label("chart_by_status", loc)))
    out.append(heading("targets"))
    out.append(_targets(d, loc, charts, level + 2))
    if d.get("claims"):
        out.append(heading("claims"))
        out.append(_claims(d, loc, level + 2))
    out.append(heading("meetings"))
    out.append(_meetings(d, loc))
    sources = all_sources(d)
    if sources:
        out.append(heading("sources") + '<ul class="bilat-sources">')
        out.extend(f"<li>{_source_item(s, loc)}</li>" for s in sources)
        out.append("</ul>")
    out.append("</div>")
    return "".join(out)


def _none(loc: str) -> str:
    return f"<p>{e(label('none', loc))}</p>"


def _agreements(d: Mapping[str, JSON], loc: str) -> str:
    """The agreements' table, then each agreement's treaty actions and note."""
    from bilat._present.report import _agreements_table

    if not d["agreements"]:
        return _none(loc)
    head, rows, align = _agreements_table(d["agreements"], loc)
    out = [table(rows, header=head, align=align), "<ul>"]
    for a in d["agreements"]:
        if not a["actions"] and not a["note"]:
            continue
        items = [e(act["text"]) + _sourced(act["sources"], loc) for act in a["actions"]]
        if a["note"]:
            items.append(f"{e(label('note', loc))}: {e(a['note'])}")
        out.append(f"<li>{e(a['title'])}<ul>")
        out.extend(f"<li>{item}</li>" for item in items)
        out.append("</ul></li>")
    out.append("</ul>")
    return "".join(out).replace("<ul></ul>", "")


def _projects(d: Mapping[str, JSON], loc: str) -> str:
    """Projects by status (count, total), then every project line."""
    from bilat._present.report import _projects_table, _status_table

    if not d["projects"]:
        return _none(loc)
    head, rows, align = _status_table(d["projects"], loc)
    out = [table(rows, header=head, align=align)]
    head, rows, align = _projects_table(d["projects"], loc)
    out.append(table(rows, header=head, align=align))
    return "".join(out)


def _targets(d: Mapping[str, JSON], loc: str, charts: Charts | None, level: int) -> str:
    """Each target: its headline per series, status and reason, details, chart."""
    if not d["targets"]:
        return _none(loc)
    out = []
    for i, t in enumerate(d["targets"]):
        out.append(
            f'<h{level} class="bilat-target">{e(label("target", loc))}: '
            f"{e(target_text(t, loc))}</h{level}>"
        )
        for j, p in enumerate(t["progress"]):
            out.append(_progress(p, loc))
            if charts is not None:
                alt = f"{target_text(t, loc)} — {p['status_text']}"
                out.append(_figure(charts.target(i, j), alt))
        notes = []
        if t.get("not_measured_text"):
            why = t["not_measured_text"]
            notes.append(f"{label('not_measured', loc)} ({why})")
        if t.get("conversion_text"):
            notes.append(t["conversion_text"])
        out.extend(f'<p class="bilat-note">{e(n)}</p>' for n in notes)
        if t["sources"]:
            out.append(
                f'<p class="bilat-note">{e(label("source", loc))}: '
                f"{cite_html(t['sources'], loc)}</p>"
            )
    return "".join(out)


def _progress(p: Mapping[str, JSON], loc: str) -> str:
    """A series against its target: headline, status, warning, then the details."""
    out = [f'<p class="bilat-headline">{e(p.get("headline_text") or "")}</p>']
    if p["status"] != "not_measured":
        line = p.get("status_line") or p["status_text"]
        out.append(
            f'<p class="bilat-status bilat-{e(p["status"])}">'
            f"{e(label('status', loc))}: {e(line)}</p>"
        )
    if p.get("stale_text"):
        out.append(f'<p class="bilat-warning">⚠ {e(p["stale_text"])}</p>')
    details = []
    if p.get("out_of_range_text"):
        details.append(e(p["out_of_range_text"]))
    if p["base"] and p["base_year"] != p["year"]:
        base = (p.get("converted") or p)["base"]["text"]
        if p["base_approximate"]:
            base += f" ({label('approximate', loc)})"
        details.append(e(f"{label('base', loc)} {p['base_year']}: {base}"))
    details.extend(
        e(figure_used_text(p[key], loc))
        for key in ("figure", "base_figure")
        if p.get(key)
    )
    if p["series"]["sources"]:
        details.append(
            f"{e(label('source', loc))}: {cite_html(p['series']['sources'], loc)}"
        )
    if details:
        out.append(
            '<ul class="bilat-details">'
            + "".join(f"<li>{x}</li>" for x in details)
            + "</ul>"
        )
    return "".join(out)


def _claims(d: Mapping[str, JSON], loc: str, level: int) -> str:
    """Each subject's stated figures: a year × source table, then what it leaves out."""
    from bilat._present.report_claims import _beneath, _heading, claims_table

    out = []
    for group in d["claims"]:
        out.append(f"<h{level}>{e(_heading(group, loc))}</h{level}>")
        head, rows, align = claims_table(group, loc)
        out.append(table(rows, header=head, align=align, css_class="bilat-claims"))
        lines = _beneath(
            group,
            loc,
            lambda x: e(str(x)),
            lambda s, **_: cite_html(s, loc),
            markdown=False,
        )
        if lines:
            out.append("<ul>" + "".join(f"<li>{x}</li>" for x in lines) + "</ul>")
    out.append(f"<p>✓ {e(label('figure_used_mark', loc))}</p>")
    return "".join(out)


def _meetings(d: Mapping[str, JSON], loc: str) -> str:
    if not d["meetings"]:
        return _none(loc)
    out = ["<ul>"]
    for m in d["meetings"]:
        who = "; ".join(m["participants"])
        line = f"{m['when_text']}: {who}"
        topics = topics_text(m["topics"], loc)
        if topics:
            line += f" — {label('topics', loc)}: {topics}"
        out.append(f"<li>{e(line)}{_sourced(m['sources'], loc)}</li>")
    out.append("</ul>")
    return "".join(out)


# -- the page -----------------------------------------------------------------------

#: The page's style sheet: readable on screen, compact in print; no fonts
#: or images to load.
STYLE = """\
:root { color-scheme: light; }
body { font: 15px/1.5 system-ui, "Segoe UI", "Noto Sans", "DejaVu Sans", sans-serif;
  color: #1f2328; background: #fff; max-width: 60rem; margin: 2rem auto;
  padding: 0 1.25rem; }
h1 { font-size: 1.75rem; margin: 0 0 .25rem; line-height: 1.25; }
h2 { font-size: 1.3rem; margin: 2rem 0 .6rem; padding-bottom: .2rem;
  border-bottom: 1px solid #d0d7de; }
.bilat-as-of { color: #57606a; margin-top: 0; }
.bilat-note { color: #57606a; font-size: .92em; }
table { border-collapse: collapse; margin: .6rem 0 1rem; font-size: .92rem; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; }
th, td { border: 1px solid #d0d7de; padding: .3rem .55rem; text-align: left;
  vertical-align: top; }
thead th { background: #f3f5f7; }
.num { text-align: right; }
.bilat-claims td { white-space: nowrap; }
.bilat-headline { font-weight: 600; font-size: 1.05em; margin-bottom: .2rem; }
.bilat-status { margin-top: 0; }
.bilat-warning { color: #9a6700; font-weight: 600; }
.bilat-target { margin-top: 1.6rem; }
ul { padding-left: 1.4rem; }
li { margin: .15rem 0; }
a { color: #0550ae; overflow-wrap: anywhere; }
figure { margin: 1rem 0 1.5rem; }
figure svg { display: block; max-width: 100%; height: auto; }
@media print {
  body { font-size: 10pt; max-width: none; margin: 0; padding: 0; }
  a { color: inherit; }
  h2 { break-after: avoid; }
  table, figure, li { break-inside: avoid; }
  thead th { background: none; }
}
@page { margin: 15mm; }
"""


def report_page(d: Mapping[str, JSON], charts: Charts | None = None) -> str:
    """The report as a standalone HTML page: the body of :func:`report_html`."""
    lang = str(d["locale"]).replace("_", "-")
    title = f"{d['title']} — {as_of_text(d['as_of'], d['locale'])}"
    body = report_html(d, charts=charts, level=1)
    return (
        f'<!doctype html>\n<html lang="{e(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{e(title)}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n"
        f"{body}\n</body>\n</html>\n"
    )


# -- charts -------------------------------------------------------------------------

#: What SVG attribute text may refer to another element by: ``id="…"``,
#: ``href="#…"`` and ``url(#…)``.
_SVG_ID = re.compile(r'(\bid=")|(href="#)|(url\(#)')
_SVG_TAG = re.compile(r"<[^>]*>")
_SVG_XMLNS = re.compile(r'\sxmlns(?::\w+)?="[^"]*"')


def _inline_svg(svg: str, prefix: str) -> str:
    """The SVG document of matplotlib as an element of an HTML page.

    The XML declaration and doctype go (an HTML page has its own), so do the
    namespace declarations (HTML puts ``<svg>`` in its namespace itself), and
    every ``id`` and reference to one gets ``prefix``, so two charts on a page
    never share an id. Text is matplotlib's, escaped; only tags are rewritten.
    """
    svg = svg[svg.index("<svg") :]

    def tag(match: re.Match[str]) -> str:
        text = _SVG_XMLNS.sub("", match[0])
        return _SVG_ID.sub(lambda m: m[0] + prefix, text)

    return _SVG_TAG.sub(tag, svg).strip()


def _svg(draw: Any, prefix: str) -> str:
    """The SVG of the chart ``draw()`` draws on a new figure, closed after."""
    import matplotlib as mpl
    import matplotlib.pyplot as plt

    # A salt of the chart's own keeps ids apart from other charts' and the
    # same from run to run; text stays text (no glyph outlines to define).
    with mpl.rc_context({"svg.hashsalt": prefix, "svg.fonttype": "none"}):
        axes = draw()
        try:
            out = io.StringIO()
            axes.figure.savefig(
                out,
                format="svg",
                metadata={"Date": None, "Creator": None, "Format": None, "Type": None},
            )
        finally:
            plt.close(axes.figure)
    return _inline_svg(out.getvalue(), prefix)


def chart_svgs(
    dossier: Dossier,
    *,
    as_of: dt.date,
    currency: str,
    rates: ExchangeRates | None,
    locale: str,
) -> Charts:
    """The charts of a report of ``dossier``, as inline SVG, in the report's order.

    One chart per target and matching series (:meth:`TradeTarget.plot`),
    then the portfolio by status (:meth:`Portfolio.plot`); a chart that
    cannot be drawn (figures in currencies without rates, or beyond what a
    float holds) is left out, as the report's text says why. Without matplotlib, no chart and a
    sentence saying which extra installs it.
    """
    from bilat._errors import BilatError
    from bilat._target import match_series

    try:
        import matplotlib  # noqa: F401  (only whether it is there)
    except ImportError:
        missing = label("charts_need_plot", locale).format(
            package="matplotlib", command="pip install 'bilat[plot]'"
        )
        return Charts(missing=missing)
    n = 0

    def svg(draw: Any) -> str | None:
        nonlocal n
        n += 1
        try:
            return _svg(draw, f"bilat-chart-{n}-")
        except (BilatError, ArithmeticError):  # figures beyond a float's range
            return None

    targets = []
    for target, matching in match_series(dossier.targets, dossier.all_series()):
        targets.append(
            [
                svg(
                    lambda t=target, s=series: t.plot(
                        s,
                        as_of=as_of,
                        rates=rates,
                        claims=dossier.claims,
                        locale=locale,
                    )
                )
                for series in matching
            ]
        )
    projects = None
    if dossier.projects:
        portfolio = dossier.portfolio
        projects = svg(
            lambda: portfolio.plot(
                currency=currency, rates=rates, on=as_of, locale=locale
            )
        )
    return Charts(targets, projects)
