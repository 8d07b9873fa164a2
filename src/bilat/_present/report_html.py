"""A report as an HTML fragment: headings, lists and tables (for notebooks)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeAlias

from bilat._present.html import escape as e
from bilat._present.labels import label
from bilat._present.report import _cite, _year, as_of_text
from bilat._present.report_claims import (
    claims_html,
    current_text,
    figure_used_text,
    target_text,
)

__all__ = ["report_html"]

JSON: TypeAlias = Any


def report_html(d: Mapping[str, JSON]) -> str:
    """Render report data as an HTML fragment of headings, lists and tables."""
    loc = d["locale"]
    out = [f'<div class="bilat-report"><h2>{e(d["title"])}</h2>']
    out.append(f"<p>{e(as_of_text(d['as_of'], loc))}</p>")
    out.append(f"<h3>{e(label('parties', loc))}</h3><p>")
    out.append(" – ".join(f"{e(p['name'])} ({e(p['code'])})" for p in d["parties"]))
    out.append("</p>")
    if d["relationship"]:
        out.append(f"<p>{e(label('relationship', loc))}: {e(d['relationship'])}</p>")
    out.append(f"<h3>{e(label('agreements', loc))}</h3><ul>")
    for a in d["agreements"]:
        out.append(f"<li>{e(a['title'])} — {e(a['status_line'])}")
        items = []
        for act in a["actions"]:
            cited = _cite(act["sources"])
            source = f" ({label('source', loc)}: {cited})" if cited else ""
            items.append(e(act["text"] + source))
        if a["note"]:
            items.append(f"{e(label('note', loc))}: {e(a['note'])}")
        if items:
            out.append("<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>")
        out.append("</li>")
    out.append(f"</ul><h3>{e(label('projects', loc))}</h3>")
    out.append(
        f"<table><thead><tr><th>{e(label('status', loc))}</th><th>{e(label('count', loc))}</th>"
        f"<th>{e(label('total', loc))}</th></tr></thead><tbody>"
    )
    for g in d["projects"]:
        total = g["total"]["text"] if g["total"] else g["note"]
        out.append(
            f"<tr><td>{e(g['status_text'])}</td><td>{e(str(g['count']))}</td><td>{e(total)}</td></tr>"
        )
    out.append(f"</tbody></table><h3>{e(label('targets', loc))}</h3>")
    for t in d["targets"]:
        out.append(f"<p>{e(label('target', loc))}: {e(target_text(t, loc))}</p>")
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
                current_text(p, loc),
                p["share_text"],
                p["gap"]["text"] if p["gap"] else "—",
                p["required_cagr_text"],
                p["status_text"],
            )
            out.append("<tr>" + "".join(f"<td>{e(c)}</td>" for c in cells) + "</tr>")
        out.append("</tbody></table>")
        out.extend(
            f"<p>{e(p['series']['reporter_name'] or '—')}: "
            f"{e(p['out_of_range_text'])}</p>"
            for p in t["progress"]
            if p.get("out_of_range_text")
        )
        out.extend(
            f"<p>{e(figure_used_text(p[key], loc))}</p>"
            for p in t["progress"]
            for key in ("figure", "base_figure")
            if p.get(key)
        )
    if d.get("claims"):
        out.append(f"<h3>{e(label('claims', loc))}</h3>")
        out.append(claims_html(d["claims"], locale=loc, cite=_cite))
    out.append(f"<h3>{e(label('meetings', loc))}</h3><ul>")
    out.extend(
        f"<li>{e(m['when_text'])}: {e('; '.join(m['participants']))}</li>"
        for m in d["meetings"]
    )
    out.append("</ul></div>")
    return "".join(out)
