"""Small HTML tables for the ``_repr_html_`` of bilat's values (notebooks).

Jupyter shows the result of a cell with its ``_repr_html_`` when it has one,
so a Progress, a Portfolio or a Dossier shows as a table rather than as its
long repr. Every piece of text is escaped here, by :func:`escape`; callers
pass plain text.
The markup is plain (``<table>``, ``<th>``, ``<td>``) with a ``bilat-*``
class so a notebook's style sheet can reach it.
"""

from __future__ import annotations

import decimal
import html
from typing import TYPE_CHECKING, Any, NamedTuple, TypeAlias

from babel.numbers import format_decimal

from bilat._decimal import decimal_text
from bilat._errors import CurrencyMismatchError
from bilat._estimate import Estimate
from bilat._locale import LocaleLike, get_locale
from bilat._money import Money
from bilat._present.labels import counted, label, out_of_range_text, visible
from bilat._present.numbers import DISPLAY, MISSING, percent_text

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Sequence
    from decimal import Decimal

    from bilat._dossier import Dossier
    from bilat._measure import Measure
    from bilat._measured import Progress
    from bilat._portfolio import Portfolio

__all__ = [
    "Cell",
    "dossier_html",
    "escape",
    "money_cell",
    "percent",
    "portfolio_html",
    "progress_html",
    "table",
]


class Cell(NamedTuple):
    """A table cell: its text and, optionally, a tooltip (the exact figure).

    Example:
        >>> from bilat._present.html import Cell
        >>> Cell("$156M", "156000000 USD").title
        '156000000 USD'
    """

    text: str
    title: str | None = None


CellLike: TypeAlias = Cell | str | int


def escape(text: str) -> str:
    r"""``text`` as HTML text or attribute value, shown as written.

    ``&``, ``<``, ``>`` and quotes become character references, and
    controls, bidi overrides and line breaks are shown as
    :func:`~bilat._present.labels.visible` shows them, so text cannot reverse the
    table or sentence around it.

    Example:
        >>> from bilat._present.html import escape
        >>> print(escape("<b>\u202eKZ & UZ</b>"))
        &lt;b&gt;\u202eKZ &amp; UZ&lt;/b&gt;
    """
    return html.escape(visible(text))


def _cell(tag: str, value: CellLike, right: bool = False) -> str:
    cell = value if isinstance(value, Cell) else Cell(str(value))
    title = "" if cell.title is None else f' title="{escape(cell.title)}"'
    css = ' class="num"' if right else ""
    return f"<{tag}{css}{title}>{escape(cell.text)}</{tag}>"


def table(
    rows: Iterable[Sequence[CellLike]],
    *,
    header: Sequence[str] = (),
    caption: str | None = None,
    css_class: str = "bilat-table",
    row_headers: bool = False,
    align: Sequence[str] = (),
) -> str:
    r"""An HTML table of text cells, every text escaped.

    Args:
        rows: The body's rows, each a sequence of cells (text, ints or
            :class:`Cell` values with a tooltip).
        header: The column headings; none when empty.
        caption: A caption above the table.
        css_class: The table's ``class`` attribute.
        row_headers: Whether each row's first cell is a heading (``<th>``),
            as in a two-column table of names and values.
        align: Each column's alignment, ``"left"`` or ``"right"``; a
            right-aligned cell has ``class="num"``. Left when not given.

    Example:
        >>> from bilat._present.html import table
        >>> print(table([["<b>", 1]], header=["text", "n"]).replace("><", ">\n<"))
        <table class="bilat-table">
        <thead>
        <tr>
        <th>text</th>
        <th>n</th>
        </tr>
        </thead>
        <tbody>
        <tr>
        <td>&lt;b&gt;</td>
        <td>1</td>
        </tr>
        </tbody>
        </table>
    """
    out = [f'<table class="{escape(css_class)}">']
    if caption is not None:
        out.append(f"<caption>{escape(caption)}</caption>")
    right = [a == "right" for a in align]

    def is_right(i: int) -> bool:
        return i < len(right) and right[i]

    if header:
        cells = [_cell("th", h, is_right(i)) for i, h in enumerate(header)]
        out.append("<thead><tr>" + "".join(cells) + "</tr></thead>")
    out.append("<tbody>")
    for row in rows:
        cells = [
            _cell("th" if row_headers and i == 0 else "td", c, is_right(i))
            for i, c in enumerate(row)
        ]
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def money_cell(value: Measure | None, locale: LocaleLike = "en") -> Cell:
    """A compact amount (``$156M``, ``nearly $1B``) with the exact one as tooltip.

    Quantities and numbers show as written (``152 km``), the exact magnitude
    as tooltip; the text is in ``locale``, the tooltip is the exact figure.

    Example:
        >>> from bilat import Estimate, Q_
        >>> from bilat._present.html import money_cell
        >>> money_cell(Estimate.parse("nearly $1 billion"))
        Cell(text='nearly $1B', title='900000000–1000000000 USD')
        >>> money_cell(Q_("152 km"))
        Cell(text='152 km', title='152 km')
    """
    if value is None:
        return Cell(MISSING)
    if not isinstance(value, Money | Estimate):
        from bilat._measure import amount, format_measure, unit_label

        unit = unit_label(value)
        exact = f"{amount(value):f}" + ("" if unit is None else f" {unit}")
        return Cell(format_measure(value, locale, compact=True), exact)
    if isinstance(value, Money):
        return Cell(
            value.format(locale, compact=True),
            f"{value.amount:f} {value.currency.code}",
        )
    exact = (
        f"{value.value.amount:f}"
        if value.is_exact
        else f"{value.low.amount:f}–{value.high.amount:f}"
    )
    return Cell(value.format(locale), f"{exact} {value.currency.code}")


def percent(value: Decimal | None, locale: LocaleLike = "en") -> Cell:
    """A fraction as a percentage with one decimal in ``locale``, the exact one as tooltip.

    Example:
        >>> from decimal import Decimal
        >>> from bilat._present.html import percent
        >>> percent(Decimal("0.0621696")).text
        '6.2%'
    """
    if value is None:
        return Cell(MISSING)
    return Cell(percent_text(value, locale), decimal_text(value))


def _number(value: Decimal | None, locale: LocaleLike) -> Cell:
    """A ratio with two decimals in ``locale`` (``1.47``, ``1,47``), the exact one as tooltip."""
    if value is None:
        return Cell(MISSING)
    with decimal.localcontext(DISPLAY):  # not the caller's rounding
        text = format_decimal(value, format="#,##0.00", locale=get_locale(locale))
    return Cell(str(text), decimal_text(value))


def _year(value: int | None) -> str:
    return MISSING if value is None else str(value)


def _parties(codes: Iterable[str]) -> str:
    return "–".join(codes)


# -- progress ------------------------------------------------------------------------


def progress_html(progress: Progress[Any], locale: LocaleLike = "en") -> str:
    """A Progress as a two-column table of its figures; see ``Progress._repr_html_``.

    Every word is in ``locale`` (English by default), every figure in its
    number format.

    Example:
        >>> from bilat import Money, TradeSeries, TradeTarget
        >>> from bilat._present.html import progress_html
        >>> s = TradeSeries(("KZ", "UZ"), "turnover", {2023: Money("4.4e9", "USD")})
        >>> t = TradeTarget(("KZ", "UZ"), Money("1e10", "USD"))
        >>> "<caption>KZ–UZ turnover: target $10B — no deadline</caption>" in (
        ...     progress_html(t.progress(s, 2024)))
        True
        >>> "<th>Базовый год</th>" in progress_html(t.progress(s, 2024), "ru")
        True
    """
    p = progress
    target = p.target

    def lab(key: str) -> str:
        return label(key, locale)

    fields = {
        "parties": _parties(c.alpha2 for c in target.parties),
        "subject": _subject(target.subject, locale),
        "value": money_cell(target.value, locale).text,
        "status": lab(p.status.value),
    }
    caption = (
        lab("progress_caption_open").format(**fields)
        if target.deadline is None
        else lab("progress_caption").format(deadline=target.deadline, **fields)
    )
    reporter = p.reporter
    rows: list[tuple[str, CellLike]] = [
        (lab("status"), lab(p.status.value)),
        (
            lab("reporter").capitalize(),
            MISSING
            if reporter is None
            else f"{reporter.name(locale)} ({reporter.alpha2})",
        ),
        (lab("as_of_day"), str(p.as_of)),
        (lab("base_year"), _year(p.base_year)),
        (lab("base").capitalize(), money_cell(p.base, locale)),
        (lab("year"), _year(p.year)),
        (lab("current"), money_cell(p.current, locale)),
        (lab("target"), money_cell(target.value, locale)),
        (lab("share"), percent(p.share, locale)),
        (lab("gap"), money_cell(p.gap, locale)),
        (lab("actual_cagr"), percent(p.actual_cagr, locale)),
        (lab("planned_cagr"), percent(p.planned_cagr, locale)),
        (lab("required_cagr"), percent(p.required_cagr, locale)),
        (lab("growth_ratio"), _number(p.growth_ratio, locale)),
        (lab("projected"), money_cell(p.projected, locale)),
        (lab("anticipated"), percent(p.anticipated, locale)),
        (lab("eta"), _year(p.eta)),
    ]
    beyond = out_of_range_text(p.out_of_range, locale, heading=False)
    if beyond is not None:
        rows.append((lab("out_of_range").capitalize(), beyond))
    return table(rows, caption=caption, css_class="bilat-progress", row_headers=True)


def _subject(subject: str, locale: LocaleLike) -> str:
    """A subject as reports name it: a trade metric by its label."""
    from bilat._present.report_claims import subject_text

    return subject_text(subject, locale)


# -- portfolios ----------------------------------------------------------------------


def _total_cell(portfolio: Portfolio, locale: LocaleLike) -> Cell:
    if not portfolio.projects:
        return Cell(MISSING)
    if len(portfolio.unvalued) == len(portfolio):
        return Cell(label("not_valued", locale))
    try:
        return money_cell(portfolio.total(), locale)
    except CurrencyMismatchError as e:
        return Cell(label("several_currencies", locale), str(e))


def portfolio_html(portfolio: Portfolio, locale: LocaleLike = "en") -> str:
    """A portfolio as a table of its projects and their total, in ``locale``.

    The total row leaves out projects without a value, as
    :meth:`Portfolio.total` does, and says so when the values are in
    several currencies (it converts nothing).

    Example:
        >>> from bilat import Money, Portfolio, Project
        >>> from bilat._present.html import portfolio_html
        >>> p = Portfolio([Project("Road", ["KZ"], "underway", value=Money(5, "USD"))])
        >>> "<td>Road</td><td>KZ</td><td>underway</td><td>1</td>" in portfolio_html(p)
        True
        >>> print(portfolio_html(p, "kk").split("caption>")[1])
        1 жол ішінде 1 жоба</
    """
    header = [
        label(key, locale)
        for key in ("name", "parties", "status", "count", "value", "sector")
    ]
    rows: list[list[CellLike]] = [
        [
            p.name,
            _parties(c.alpha2 for c in p.parties),
            label(p.status.value, locale),
            p.count,
            money_cell(p.value, locale)
            if p.value is not None
            else label("not_valued", locale),
            p.sector or MISSING,
        ]
        for p in portfolio
    ]
    rows.append(
        [
            label("total", locale),
            "",
            "",
            portfolio.count,
            _total_cell(portfolio, locale),
            "",
        ]
    )
    caption = label("projects_in_lines", locale).format(
        projects=counted(portfolio.count, "project", locale),
        lines=counted(len(portfolio), "line", locale),
    )
    return table(rows, header=header, caption=caption, css_class="bilat-portfolio")


# -- dossiers ------------------------------------------------------------------------


def _date(value: dt.date | int | None) -> str:
    """A date as ISO text, a year (when only the year is known) as its digits."""
    if value is None:
        return MISSING
    return str(value) if isinstance(value, int) else value.isoformat()


def dossier_html(dossier: Dossier, locale: LocaleLike = "en") -> str:
    r"""A dossier as a heading and one table per part that it has, in ``locale``.

    Nothing here depends on the date: agreements show their dates, not a
    status (that needs an ``as_of``; see :meth:`Dossier.report`).

    Example:
        >>> from bilat import Dossier
        >>> from bilat._present.html import dossier_html
        >>> print(dossier_html(Dossier("KZ & UZ", ["KZ", "UZ"])).replace("><", ">\n<"))
        <div class="bilat-dossier">
        <h3>KZ &amp; UZ</h3>
        <p>Parties: Kazakhstan (KZ), Uzbekistan (UZ)</p>
        </div>
        >>> "<p>Стороны: Казахстан (KZ), Узбекистан (UZ)</p>" in dossier_html(
        ...     Dossier("KZ & UZ", ["KZ", "UZ"]), "ru")
        True
    """
    from bilat._portfolio import Portfolio

    e = escape
    parties = ", ".join(f"{c.name(locale)} ({c.alpha2})" for c in dossier.parties)
    out = [
        f'<div class="bilat-dossier"><h3>{e(dossier.title)}</h3>',
        f"<p>{e(label('parties', locale))}: {e(parties)}</p>",
    ]
    if dossier.relationship is not None:
        out.append(
            f"<p>{e(label('relationship', locale))}: {e(dossier.relationship)}</p>"
        )
    if dossier.agreements:
        out.append(_agreements_table(dossier, locale))
    if dossier.projects:
        out.append(portfolio_html(Portfolio(dossier.projects), locale))
    if dossier.targets:
        out.append(_targets_table(dossier, locale))
    if dossier.series:
        out.append(_series_table(dossier, locale))
    if dossier.claims:
        out.append(_claims_table(dossier, locale))
    if dossier.events:
        out.append(f"<p>{e(label('meetings', locale))}: {len(dossier.events)}</p>")
    out.append("</div>")
    return "".join(out)


def _agreements_table(dossier: Dossier, locale: LocaleLike) -> str:
    rows: list[list[CellLike]] = [
        [
            a.title,
            label(f"kind_{a.kind.value}", locale),
            _date(a.signed),
            _date(a.entered_into_force),
            "; ".join(map(str, a.actions)) or MISSING,
        ]
        for a in dossier.agreements
    ]
    return table(
        rows,
        header=[
            label("table_title", locale),
            label("table_kind", locale),
            label("table_signed", locale),
            label("in_force", locale).capitalize(),
            label("treaty_actions", locale),
        ],
        caption=label("agreements", locale),
        css_class="bilat-agreements",
    )


def _targets_table(dossier: Dossier, locale: LocaleLike) -> str:
    rows: list[list[CellLike]] = [
        [
            _parties(c.alpha2 for c in t.parties),
            _subject(t.subject, locale),
            money_cell(t.value, locale),
            label("no_deadline", locale) if t.deadline is None else str(t.deadline),
        ]
        for t in dossier.targets
    ]
    return table(
        rows,
        header=[
            label("parties", locale),
            label("metric", locale),
            label("target", locale),
            label("deadline", locale).capitalize(),
        ],
        caption=label("targets", locale),
        css_class="bilat-targets",
    )


def _series_table(dossier: Dossier, locale: LocaleLike) -> str:
    rows: list[list[CellLike]] = []
    for s in dossier.series:
        first, last = s.years[0], s.years[-1]
        rows.append(
            [
                _parties(c.alpha2 for c in s.parties),
                _subject(s.subject, locale),
                MISSING if s.reporter is None else s.reporter.alpha2,
                str(first) if first == last else f"{first}–{last}",
                money_cell(s.values[last], locale),
            ]
        )
    return table(
        rows,
        header=[
            label("parties", locale),
            label("metric", locale),
            label("reporter_heading", locale),
            label("years", locale),
            label("latest_value", locale),
        ],
        caption=label("series", locale),
        css_class="bilat-series",
    )


def _claims_table(dossier: Dossier, locale: LocaleLike) -> str:
    """Every stated figure, by subject and year; years whose figures disagree marked."""
    from bilat._claims import order
    from bilat._present.report_claims import claim_key, disputed, who_text

    conflicting = disputed(dossier.claims)  # two currencies: each alone
    rows: list[list[CellLike]] = []
    for c in sorted(dossier.claims, key=lambda c: (c.subject, c.period, order(c))):
        flag = " ⚠" if claim_key(c) in conflicting else ""
        who = "; ".join(x for x in (who_text(c, locale), c.note) if x) or MISSING
        rows.append(
            [
                _subject(c.subject, locale),
                f"{c.period}{flag}",
                Cell(c.text, money_cell(c.value, locale).title)
                if c.text
                else money_cell(c.value, locale),
                who,
                c.source.publisher or c.source.title,
            ]
        )
    return table(
        rows,
        header=[
            label("subject", locale),
            label("year", locale),
            label("figure", locale),
            label("said_by", locale),
            label("source", locale).capitalize(),
        ],
        caption=label("claims", locale),
        css_class="bilat-claims",
    )
