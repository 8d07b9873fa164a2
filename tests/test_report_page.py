"""The report as a standalone HTML page: well-formed, self-contained, escaped, charted."""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
import struct
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bilat
from bilat import Dossier, Report

AS_OF = "2025-12-31"

#: Elements that have no end tag in HTML.
VOID = frozenset({"meta", "br", "hr", "img", "input", "link", "wbr"})

#: An address a browser would load: a scheme and ``//``, or ``//`` alone.
EXTERNAL = re.compile(r"(?i)\b[a-z][a-z0-9+.-]*://|^\s*//")

#: Elements that load or run something.
LOADING = frozenset({"script", "link", "img", "iframe", "object", "embed", "image"})


class Page(HTMLParser):
    """A page as parsed: its doctype, tags, links, ids, attributes and text."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.doctype: str | None = None
        self.open: list[str] = []
        self.mismatched: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.style: list[str] = []
        self.feed(page)
        self.close()

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open.pop() != tag:
            self.mismatched.append(tag)

    def handle_data(self, data: str) -> None:
        if self.open and self.open[-1] == "style":
            self.style.append(data)
        else:
            self.text.append(data)

    def attr(self, tag: str, name: str) -> list[str]:
        """The values of attribute ``name`` on every ``tag``."""
        return [str(a[name]) for t, a in self.tags if t == tag and name in a]


def dossier_urls(dossier: Dossier) -> set[str]:
    """Every source URL a dossier holds, read from its parts one by one."""
    sources = list(dossier.sources)
    for a in dossier.agreements:
        sources += a.sources
        for act in a.actions:
            sources += act.sources
    for part in (*dossier.projects, *dossier.targets, *dossier.series, *dossier.events):
        sources += part.sources
    sources += [c.source for c in dossier.claims]
    return {s.url for s in sources if s.url is not None}


@pytest.fixture(scope="module")
def dossier() -> Dossier:
    return bilat.examples.kazakhstan_uzbekistan()


@pytest.fixture(scope="module")
def report(dossier: Dossier) -> Report:
    return dossier.report(as_of=AS_OF)


@pytest.fixture(scope="module")
def page(report: Report) -> str:
    return report.to_html()


class TestStandalone:
    """The page stands alone: doctype, charset, language, title, nothing loaded."""

    def test_head(self, page: str) -> None:
        """A doctype, UTF-8, the report's language and a title that names it."""
        parsed = Page(page)
        assert page.startswith("<!doctype html>\n")
        assert parsed.doctype == "doctype html"
        assert parsed.attr("meta", "charset") == ["utf-8"]
        assert parsed.attr("html", "lang") == ["en"]
        title = "Kazakhstan–Uzbekistan — Progress report, as of December 31, 2025"
        assert f"<title>{title}</title>" in page

    @pytest.mark.parametrize(
        ("locale", "lang", "words"),
        [
            ("ru", "ru", "Стороны"),
            ("kk", "kk", "Тараптар"),
            ("uz", "uz", "Tomonlar"),
            ("en_GB", "en-GB", "Parties"),
        ],
    )
    def test_language(
        self, dossier: Dossier, locale: str, lang: str, words: str
    ) -> None:
        """``lang`` is the locale as a language tag; the words are the locale's."""
        page = Report(dossier.report(as_of=AS_OF, locale=locale).to_dict()).to_html()
        assert Page(page).attr("html", "lang") == [lang]
        assert f"<h2>{words}</h2>" in page

    def test_well_formed(self, page: str) -> None:
        """Every element that is opened is closed, in order."""
        parsed = Page(page)
        assert parsed.mismatched == []
        assert parsed.open == []

    def test_nothing_loaded(self, page: str) -> None:
        """No script, style link, image or frame; no address but the sources' links."""
        parsed = Page(page)
        assert {t for t, _ in parsed.tags} & LOADING == set()
        for tag, attrs in parsed.tags:
            for name, value in attrs.items():
                if (tag, name) == ("a", "href"):
                    continue
                assert not EXTERNAL.search(value or ""), (tag, name, value)
        style = "".join(parsed.style)
        assert "@media print" in style
        assert "url(" not in style
        assert "@import" not in style
        assert "@font-face" not in style

    def test_ids_unique(self, page: str) -> None:
        """No two elements share an id, across all the charts."""
        ids = [str(a["id"]) for _, a in Page(page).tags if "id" in a]
        assert ids
        assert len(ids) == len(set(ids))

    def test_references_local(self, page: str) -> None:
        """Every reference inside the charts is to an id on the page."""
        parsed = Page(page)
        ids = {str(a["id"]) for _, a in parsed.tags if "id" in a}
        refs = [
            str(a[name])[1:]
            for _, a in parsed.tags
            for name in ("xlink:href", "href")
            if str(a.get(name) or "").startswith("#")
        ]
        refs += re.findall(r"url\(#([^)]+)\)", page)
        assert refs
        assert set(refs) <= ids

    def test_no_debris(self, page: str) -> None:
        """The text holds no unfilled field, double escape or None."""
        text = "".join(Page(page).text)
        for debris in ("&lt;", "&amp;", "{{", "{date}", "{reporter}", "None"):
            assert debris not in text, debris
        assert not re.search(r"\{[a-z_]+\}", text)


class TestContent:
    """The page has everything the text report has."""

    def test_sources_are_links(self, dossier: Dossier, page: str) -> None:
        """Every source URL of the dossier is a link to itself."""
        urls = dossier_urls(dossier)
        assert len(urls) == 17
        links = Page(page).attr("a", "href")
        assert urls <= set(links)
        for url in urls:
            assert f'<a href="{html.escape(url)}">{html.escape(url)}</a>' in page

    def test_sections(self, page: str) -> None:
        """Project lines, completion, agreement dates, meeting topics are shown."""
        text = " ".join(Page(page).text)
        for shown in (
            (
                "<td>Joint research on shared cultural heritage</td><td>planned</td>"
                '<td class="num">1</td><td class="num">value not stated</td>'
            ),
            (
                '<td>Darbaza–Maktaaral railway</td><td>underway</td><td class="num">1'
                '</td><td class="num">value not stated</td><td class="num">106 km of '
                '152 km, 69.7%</td><td class="num">Nov 27, 2023</td>'
                '<td class="num">2026</td>'
            ),
            "<td>roadmap</td><td",
            ">Feb 15, 2024</td>",
        ):
            assert shown in page, shown
        for shown in (
            "Kazakhstan: ratification, Feb 5, 2025",
            "topics: economy, trade",
            "Relationship: dependable ally and strategic partner",
            "2025: $4.97B, reported by Uzbekistan; 49.7% of the target; gap $5.03B",
            (
                "Status: needs acceleration — needs 15.0% a year; grew 12.1% a year "
                "since 2017"
            ),
        ):
            assert shown in text, shown

    def test_source_list(self) -> None:
        """A source shows its title, then its citation: publisher, access date, link."""
        source = bilat.Source(
            "Title <b>",
            publisher="Pub",
            url="https://x.kz/a?b=1&c=2",
            accessed="2025-02-01",
        )
        dossier = Dossier("D", ["KZ", "UZ"], sources=[source])
        page = dossier.report(as_of=AS_OF, locale="ru").to_html()
        url = "https://x.kz/a?b=1&amp;c=2"
        assert (
            '<h2>Источники</h2><ul class="bilat-sources"><li>Title &lt;b&gt; — Pub, '
            f'дата обращения 2025-02-01, <a href="{url}">{url}</a></li></ul>'
        ) in page

    def test_stated_figures(self, page: str) -> None:
        """The stated figures are tables, conflicts marked ⚠ and figures used ✓."""
        assert "<h2>Stated figures</h2>" in page
        assert "⚠" in page
        assert "✓" in page

    def test_other_currency_note_free(self, report: Report) -> None:
        """Without charts (a report from data), the page says nothing of charts."""
        page = Report(report.to_dict()).to_html()
        assert "<svg" not in page
        assert "matplotlib" not in page


class TestCharts:
    """Each target's chart and the projects' chart are inline SVG."""

    def test_one_chart_per_target_and_series(self, dossier: Dossier, page: str) -> None:
        """A chart for each target against each series of its parties and subject."""
        pairs = [
            (t, s)
            for t in dossier.targets
            for s in dossier.all_series()
            if s.subject == t.subject and set(s.parties) == set(t.parties)
        ]
        assert len(pairs) == 3  # two turnover targets, the railway's length
        assert page.count("<svg") == len(pairs) + 1  # and the portfolio
        assert page.count('<figure class="bilat-chart"') == len(pairs) + 1
        assert page.count("</svg>") == page.count("<svg")

    def test_chart_words_localized(self, dossier: Dossier) -> None:
        """The charts speak the report's language."""
        page = dossier.report(as_of=AS_OF, locale="ru").to_html()
        assert "Проекты по статусу" in page
        assert "Казахстан–Узбекистан: Товарооборот" in page

    def test_svg_only_elements(self, page: str) -> None:
        """The charts hold no XML declaration, doctype, namespace URL or metadata."""
        assert "<?xml" not in page
        assert "<!DOCTYPE svg" not in page
        assert "xmlns" not in page
        assert "<metadata" not in page  # no date, no matplotlib version

    def test_without_matplotlib(
        self, report: Report, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Without matplotlib the page says which extra draws the charts."""
        monkeypatch.setitem(sys.modules, "matplotlib", None)
        page = report.to_html()
        assert "<svg" not in page
        assert (
            "The charts need the optional package matplotlib: install it with "
            "pip install &#x27;bilat[plot]&#x27;."
        ) in page
        assert Page(page).mismatched == []

    def test_hostile_subject(self) -> None:
        """Text from a dossier in a chart is text, not markup."""
        subject = '<script>alert("x")</script> & </svg>'
        series = bilat.Series(("KZ", "UZ"), subject, {2023: bilat.Q_("5 km")})
        target = bilat.Target(
            ("KZ", "UZ"), bilat.Q_("10 km"), subject=subject, deadline=2030
        )
        dossier = Dossier("KZ–UZ", ["KZ", "UZ"], series=[series], targets=[target])
        page = dossier.report(as_of=AS_OF).to_html()
        assert "<script" not in page
        assert page.count("<svg") == page.count("</svg>") == 1
        assert Page(page).mismatched == []
        shown = '&lt;script&gt;alert("x")&lt;/script&gt; &amp; &lt;/svg&gt;'
        assert f">Kazakhstan–Uzbekistan: {shown}</text>" in page  # the chart's title


class TestTargets:
    """Each target leads with its headline; an old figure is flagged."""

    def test_stale_flag(self, dossier: Dossier) -> None:
        """As of 2029 the 2025 figures are four years old: each series says so."""
        page = dossier.report(as_of="2029-12-31").to_html()
        warning = (
            '<p class="bilat-warning">⚠ latest figure is from 2025, 4 years before '
            "the report&#x27;s date</p>"
        )
        assert page.count(warning) == 3  # two turnover targets, the railway

    def test_headline_first(self, page: str) -> None:
        """The headline comes right after its target, before the details."""
        target = "Target: $10B, turnover (deadline 2030)</h3>"
        headline = (
            '<p class="bilat-headline">2025: $4.97B, reported by Uzbekistan; 49.7% '
            "of the target; gap $5.03B</p>"
        )
        assert target + headline in page

    def test_not_measured(self) -> None:
        """A target without rates or of other parties says why, and has no chart."""
        usd = bilat.Money("1e10", "USD")
        ours = bilat.TradeTarget(("KZ", "UZ"), usd, deadline=2030)
        theirs = bilat.TradeTarget(("PL", "DE"), usd, deadline=2030)
        euros = bilat.TradeSeries(
            ("KZ", "UZ"), "turnover", {2023: bilat.Money(4, "EUR")}
        )
        dossier = Dossier("X", ["KZ", "UZ"], targets=[ours, theirs], series=[euros])
        page = dossier.report(as_of=AS_OF).to_html()
        assert (
            '<p class="bilat-headline">not measured (no exchange rate from EUR to '
            "USD)</p>"
        ) in page
        assert (
            '<p class="bilat-note">not measured (parties Poland–Germany are not the '
            "dossier&#x27;s parties)</p>"
        ) in page
        assert "<svg" not in page


class TestNotebookTables:
    """The notebook tables speak the caller's language, numbers included."""

    @staticmethod
    def progress() -> bilat.Progress[bilat.Money]:
        values = {2021: bilat.Money("3e9", "USD"), 2023: bilat.Money("4.4e9", "USD")}
        series = bilat.TradeSeries(("KZ", "UZ"), "turnover", values)
        target = bilat.TradeTarget(
            ("KZ", "UZ"), bilat.Money("1e10", "USD"), deadline=2030
        )
        return target.progress(series, 2024)

    def test_progress_russian(self) -> None:
        """Headings, share and growth in Russian, worked out by hand."""
        from bilat._present.html import progress_html

        out = progress_html(self.progress(), "ru")
        # share 4.4 / 10; growth (4.4 / 3) ** (1 / 2) - 1 = 0.2111
        assert "<th>Доля от цели</th><td" in out
        assert ">44,0\xa0%</td>" in out
        assert ">21,1\xa0%</td>" in out
        assert "<th>Базовый год</th><td>2021</td>" in out
        assert "<caption>KZ–UZ, товарооборот: цель 10\xa0млрд\xa0$ к 2030 г." in out

    @pytest.mark.parametrize("locale", ["ru", "kk", "uz"])
    def test_no_english(self, locale: str) -> None:
        """No English heading is left in a Russian, Kazakh or Uzbek table."""
        from bilat._present.html import dossier_html, progress_html

        out = progress_html(self.progress(), locale) + dossier_html(
            bilat.examples.kazakhstan_uzbekistan(), locale
        )
        text = "".join(Page(out).text)
        for english in (
            "As of",
            "Base year",
            "Planned growth",
            "Projected",
            "Anticipated",
            "Name",
            "Parties",
            "Sector",
            "Title",
            "Treaty actions",
            "Metric",
            "Latest value",
        ):
            assert english not in text, english

    def test_portfolio_kazakh(self) -> None:
        """The caption counts projects and lines in Kazakh."""
        from bilat._present.html import portfolio_html

        road = bilat.Project("Road", ["KZ"], "underway", value=bilat.Money(5, "USD"))
        rail = bilat.Project("Rail", ["UZ"], "planned", count=3)
        out = portfolio_html(bilat.Portfolio([road, rail]), "kk")
        assert "<caption>2 жол ішінде 4 жоба</caption>" in out
        assert "<th>Атауы</th>" in out


class TestEscaping:
    """Dossier text is shown as written, never as markup."""

    def test_script_in_title(self) -> None:
        """A <script> in the title is text in the heading and the page's title."""
        title = "<script>alert(1)</script> & co"
        page = Dossier(title, ["KZ", "UZ"]).report(as_of=AS_OF).to_html()
        escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"
        assert f"<h1>{escaped}</h1>" in page
        assert f"<title>{escaped} — " in page
        assert "<script" not in page

    @given(
        st.text(
            st.characters(categories=["L", "M", "N", "P", "S", "Zs"]),
            min_size=1,
            max_size=30,
        )
        .map(str.strip)
        .filter(bool)
    )
    @settings(max_examples=40, deadline=None)
    def test_any_title(self, title: str) -> None:
        """Any title reads back as written from a well-formed page."""
        page = Dossier(title, ["KZ", "UZ"]).report(as_of=AS_OF).to_html()
        parsed = Page(page)
        assert parsed.mismatched == []
        assert parsed.open == []
        assert f"<h1>{html.escape(title)}</h1>" in page
        assert {t for t, _ in parsed.tags} & LOADING == set()

    def test_hostile_url(self) -> None:
        """A URL with quotes and brackets stays inside its href."""
        url = 'https://example.org/a?b="><script>&c=1'
        source = bilat.Source("S", url=url)
        page = (
            Dossier("D", ["KZ", "UZ"], sources=[source]).report(as_of=AS_OF).to_html()
        )
        shown = "https://example.org/a?b=&quot;&gt;&lt;script&gt;&amp;c=1"
        assert f'<a href="{shown}">{shown}</a>' in page
        assert "<script" not in page


class TestDeterministic:
    """The same report gives the same page, byte for byte."""

    def test_same_bytes(self, dossier: Dossier, page: str) -> None:
        """Twice, and from a second report of the same dossier."""
        again = dossier.report(as_of=dt.date(2025, 12, 31)).to_html()
        assert again.encode() == page.encode()

    def test_render_is_page(self, report: Report, page: str) -> None:
        """``render("html")`` is the page; ``_repr_html_`` the notebook fragment."""
        assert report.render("html") == page
        fragment = report._repr_html_()
        assert fragment.startswith('<div class="bilat-report"><h2>')
        assert "<!doctype" not in fragment
        assert "<svg" not in fragment


# -- a real browser --------------------------------------------------------------------


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's header (its IHDR chunk)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


@pytest.mark.browser
class TestBrowser:
    """Headless Chromium renders the bundled report's page."""

    @pytest.mark.parametrize("locale", ["en", "kk"])
    def test_screenshot(self, dossier: Dossier, locale: str, tmp_path: Path) -> None:
        """A 1200×3000 PNG, not one colour, and the DOM text has no debris."""
        chromium = _chromium()
        if chromium is None:
            pytest.skip("Chromium is not installed (apt-get install chromium)")
        page = tmp_path / "report.html"
        page.write_text(dossier.report(as_of=AS_OF, locale=locale).to_html(), "utf-8")
        png = tmp_path / "report.png"
        flags = ["--headless", "--no-sandbox", "--disable-gpu"]
        subprocess.run(
            [chromium, *flags, f"--screenshot={png}", "--window-size=1200,3000",
             page.as_uri()],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        data = png.read_bytes()
        assert _png_size(data) == (1200, 3000)
        import matplotlib.image

        pixels = matplotlib.image.imread(str(png))
        assert pixels.reshape(-1, pixels.shape[-1]).std(axis=0).max() > 0.05
        dom = subprocess.run(
            [chromium, *flags, "--dump-dom", page.as_uri()],
            check=True, capture_output=True, timeout=120, text=True,
        ).stdout  # fmt: skip
        text = "".join(Page(dom).text)
        assert "Kazakhstan" in text or "Қазақстан" in text
        for debris in ("&lt;", "&amp;", "{{", "None"):
            assert debris not in text, debris
