"""Tests for the notebook tables: _repr_html_ of Progress, Portfolio and Dossier."""

from __future__ import annotations

import decimal
from decimal import Decimal
from html.parser import HTMLParser

from hypothesis import given
from tests.strategies import dossiers, portfolios

import bilat
from bilat import (
    Agreement,
    Dossier,
    Estimate,
    Meeting,
    Money,
    Portfolio,
    Project,
    Qualifier,
    TradeSeries,
    TradeTarget,
)
from bilat._present.html import percent
from bilat._present.labels import visible


class Table:
    """One parsed table: caption, class, header, rows of cell texts and titles."""

    def __init__(self, css_class: str | None) -> None:
        self.css_class = css_class
        self.caption = ""
        self.header: list[str] = []
        self.rows: list[list[str]] = []
        self.titles: list[list[str | None]] = []


class Page(HTMLParser):
    """Parse an HTML fragment into its tables, headings and paragraphs."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[Table] = []
        self.headings: list[str] = []
        self.paragraphs: list[str] = []
        self.tags: list[str] = []
        self._text: list[str] | None = None
        self._in_head = False
        self._title: str | None = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        found = dict(attrs)
        if tag == "table":
            self.tables.append(Table(found.get("class")))
        elif tag == "thead":
            self._in_head = True
        elif tag == "tr" and not self._in_head:
            self.tables[-1].rows.append([])
            self.tables[-1].titles.append([])
        elif tag in {"td", "th", "caption", "h3", "p"}:
            self._text = []
            self._title = found.get("title")

    def handle_endtag(self, tag: str) -> None:
        if tag == "thead":
            self._in_head = False
            return
        if tag not in {"td", "th", "caption", "h3", "p"} or self._text is None:
            return
        text = "".join(self._text)
        self._text = None
        if tag == "caption":
            self.tables[-1].caption = text
        elif tag == "h3":
            self.headings.append(text)
        elif tag == "p":
            self.paragraphs.append(text)
        elif self._in_head:
            self.tables[-1].header.append(text)
        else:
            self.tables[-1].rows[-1].append(text)
            self.tables[-1].titles[-1].append(self._title)

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)


def usd(amount: str | int) -> Money:
    return Money(amount, "USD")


def kz_uz_portfolio() -> Portfolio:
    """The seed article's two lines of joint projects."""
    return Portfolio(
        [
            Project(
                "Joint projects",
                ["KZ", "UZ"],
                "underway",
                value=usd(156000000),
                count=12,
            ),
            Project(
                "Planned projects",
                ["KZ", "UZ"],
                "planned",
                value=Estimate(usd(1000000000), Qualifier.NEARLY),
                count=21,
                sector="industry",
            ),
        ]
    )


def series() -> TradeSeries:
    return TradeSeries(
        ("KZ", "UZ"),
        "turnover",
        {2021: usd("3.9e9"), 2023: usd("4.4e9")},
        reporter="KZ",
    )


class TestProgressHtml:
    """Progress._repr_html_: a two-column table of its figures."""

    def table(self, deadline: int | None, as_of: int = 2024) -> Table:
        target = TradeTarget(("KZ", "UZ"), usd("1e10"), deadline=deadline)
        page = Page(target.progress(series(), as_of)._repr_html_())
        assert len(page.tables) == 1
        return page.tables[0]

    def test_percent_ignores_caller_context(self) -> None:
        """A fraction of 0.12355 shows as 12.4% (half to even) in any context."""
        hostile = decimal.Context(
            prec=3, rounding=decimal.ROUND_DOWN, traps=[decimal.Inexact]
        )
        with decimal.localcontext(hostile):
            cell = percent(Decimal("0.12355"))
        assert cell.text == "12.4%"

    def test_figures(self) -> None:
        """Share, gap, growth and status as worked out by hand, formatted."""
        table = self.table(2030)
        cells = {row[0]: row[1] for row in table.rows}
        assert table.css_class == "bilat-progress"
        assert table.caption == "KZ–UZ turnover: target $10B by 2030 — off track"
        assert cells["Status"] == "off track"
        assert cells["Reported by"] == "Kazakhstan (KZ)"
        assert cells["Year"] == "2023"
        assert cells["Base year"] == "2021"
        assert cells["Current"] == "$4.4B"
        assert cells["Share of target"] == "44.0%"
        assert cells["Gap"] == "$5.6B"
        # (4.4/3.9)^(1/2) − 1 = 6.22 %; (10/3.9)^(1/9) − 1 = 11.03 %.
        assert cells["Actual growth a year"] == "6.2%"
        assert cells["Planned growth a year"] == "11.0%"
        assert cells["Growth ratio"] == "0.56"
        assert cells["Reached at this pace"] == "2037"

    def test_exact_tooltips(self) -> None:
        """Amounts carry the exact figure, ratios the exact fraction."""
        table = self.table(2030)
        titles = {
            row[0]: title[1]
            for row, title in zip(table.rows, table.titles, strict=True)
        }
        assert titles["Current"] == "4400000000 USD"
        assert titles["Gap"] == "5600000000 USD"
        assert titles["Share of target"] == "0.44"

    def test_missing(self) -> None:
        """Figures that cannot be computed show a dash; no deadline in the caption."""
        table = self.table(None, as_of=2021)
        cells = {row[0]: row[1] for row in table.rows}
        assert table.caption == "KZ–UZ turnover: target $10B — no deadline"
        assert cells["Actual growth a year"] == "—"
        assert cells["Projected at the deadline"] == "—"
        assert cells["Reached at this pace"] == "—"


class TestProgressOutOfRange:
    """Progress._repr_html_ with figures beyond bilat's range."""

    def test_reason_row(self) -> None:
        """The figures left out are listed with their reason."""
        s = TradeSeries(("KZ", "UZ"), "turnover", {2023: usd("4.6"), 2024: usd("5e9")})
        p = TradeTarget(("KZ", "UZ"), usd("1e10"), deadline=2100).progress(s, 2024)
        (table,) = Page(p._repr_html_()).tables
        cells = {row[0]: row[1] for row in table.rows}
        assert cells["Projected at the deadline"] == "—"
        assert cells["Not computed, beyond the numbers bilat holds"] == (
            "Projected at the deadline (too large), Anticipated progress (too large)"
        )

    def test_no_row_for_everyday_figures(self) -> None:
        """Everyday figures add no such row."""
        (table,) = Page(
            TradeTarget(("KZ", "UZ"), usd("1e10"), deadline=2030)
            .progress(series(), 2024)
            ._repr_html_()
        ).tables
        assert not any(row[0].startswith("Not computed") for row in table.rows)

    def test_huge_ratio(self) -> None:
        """A ratio near 1E+99 shows every digit, in any caller context."""
        with decimal.localcontext(decimal.Context(prec=3)):
            cell = percent(Decimal("9.9E+98"))
        assert cell.text == "99,000" + ",000" * 32 + ".0%"


class TestPortfolioHtml:
    """Portfolio._repr_html_: the projects and their total."""

    def test_rows_and_total(self) -> None:
        """One row per line, then the total (an Estimate, as the values include one)."""
        page = Page(kz_uz_portfolio()._repr_html_())
        (table,) = page.tables
        assert table.header == ["Name", "Parties", "Status", "Count", "Value", "Sector"]
        assert table.caption == "33 projects in 2 lines"
        assert table.rows == [
            ["Joint projects", "KZ–UZ", "underway", "12", "$156M", "—"],
            ["Planned projects", "KZ–UZ", "planned", "21", "nearly $1B", "industry"],
            ["Total", "", "", "33", "nearly $1.16B", ""],
        ]
        assert table.titles[0][4] == "156000000 USD"
        assert table.titles[1][4] == "900000000–1000000000 USD"

    def test_escaped(self) -> None:
        """Markup in names is shown as text, never as markup."""
        name = '<script>alert("x")</script> & co'
        text = Portfolio([Project(name, ["KZ"], "planned")])._repr_html_()
        assert "<script>" not in text
        (table,) = Page(text).tables
        assert table.rows[0][0] == name

    def test_unvalued_and_mixed(self) -> None:
        """No value says so; several currencies are not added up."""
        unvalued = Page(Portfolio([Project("A", ["KZ"], "planned")])._repr_html_())
        assert unvalued.tables[0].rows[-1][4] == "value not stated"
        assert unvalued.tables[0].rows[0][4] == "value not stated"
        mixed = Portfolio(
            [
                Project("A", ["KZ"], "planned", value=usd(1)),
                Project("B", ["UZ"], "planned", value=Money(1, "KZT")),
            ]
        )
        (table,) = Page(mixed._repr_html_()).tables
        assert table.rows[-1][4] == "several currencies"
        assert "'USD' and 'KZT'" in str(table.titles[-1][4])

    def test_empty(self) -> None:
        """An empty portfolio shows only a total row with a dash."""
        (table,) = Page(Portfolio([])._repr_html_()).tables
        assert table.rows == [["Total", "", "", "0", "—", ""]]

    @given(portfolios(currency=None))
    def test_any_portfolio(self, portfolio: Portfolio) -> None:
        """Any portfolio: a row per line plus the total, names read back as shown."""
        (table,) = Page(portfolio._repr_html_()).tables
        assert len(table.rows) == len(portfolio) + 1
        names = [visible(p.name) for p in portfolio]  # controls escaped
        assert [row[0] for row in table.rows[:-1]] == names


class TestDossierHtml:
    """Dossier._repr_html_: a heading and a table per part present."""

    def test_claims_marked_per_pair(self) -> None:
        """A conflict marks its own pair's claims only, not another pair's."""
        news = bilat.Source("News")
        claims = [
            bilat.Claim("turnover", 2022, "$4.6 bn", news, parties=("KZ", "UZ")),
            bilat.Claim("turnover", 2022, "$5.0 bn", news, parties=("UZ", "KZ")),
            bilat.Claim("turnover", 2022, "$1.2 bn", news, parties=("KZ", "KG")),
        ]
        html = bilat.Dossier("x", ["KZ", "UZ"], claims=claims)._repr_html_()
        table = html[html.index('class="bilat-claims"') :]
        assert table.count("2022 ⚠") == 2
        assert table.count("<td>2022</td>") == 1

    def dossier(self) -> Dossier:
        return Dossier(
            "Kazakhstan & Uzbekistan",
            ["KZ", "UZ"],
            agreements=[
                Agreement(
                    "Treaty on Allied Relations",
                    ["KZ", "UZ"],
                    "joint_statement",
                    signed="2022-12-22",
                )
            ],
            projects=kz_uz_portfolio().projects,
            targets=[TradeTarget(("KZ", "UZ"), usd("1e10"))],
            series=[series()],
            events=[Meeting(2024, [], ["trade"])],
            relationship="dependable ally and strategic partner",
        )

    def test_parts(self) -> None:
        """Title, parties, relationship, then agreements, projects, targets, series."""
        page = Page(self.dossier()._repr_html_())
        assert page.headings == ["Kazakhstan & Uzbekistan"]
        assert page.paragraphs == [
            "Parties: Kazakhstan (KZ), Uzbekistan (UZ)",
            "Relationship: dependable ally and strategic partner",
            "Meetings: 1",
        ]
        assert [t.css_class for t in page.tables] == [
            "bilat-agreements",
            "bilat-portfolio",
            "bilat-targets",
            "bilat-series",
        ]
        agreements, _, targets, series_table = page.tables
        assert agreements.rows == [
            ["Treaty on Allied Relations", "joint statement", "2022-12-22", "—", "—"]
        ]
        assert targets.rows == [["KZ–UZ", "turnover", "$10B", "no deadline"]]
        assert series_table.rows == [["KZ–UZ", "turnover", "KZ", "2021–2023", "$4.4B"]]

    def test_agreement_years_and_actions(self) -> None:
        """Years show as years; entry into force comes from the actions too."""
        treaty = Agreement(
            "Treaty",
            ["KZ", "UZ"],
            "treaty",
            signed=2022,
            actions=[
                bilat.TreatyAction("KZ", "ratification", "2023-02-01"),
                bilat.TreatyAction("KZ", "entry_into_force", 2023),
            ],
        )
        page = Page(Dossier("KZ–UZ", ["KZ", "UZ"], agreements=[treaty])._repr_html_())
        assert page.tables[0].rows == [
            [
                "Treaty",
                "treaty",
                "2022",
                "2023",
                "KZ: ratification, 2023-02-01; KZ: entry into force, 2023",
            ]
        ]

    def test_empty_parts_left_out(self) -> None:
        """A dossier with nothing but parties has no tables."""
        page = Page(Dossier("KZ–UZ", ["KZ", "UZ"])._repr_html_())
        assert page.tables == []
        assert page.headings == ["KZ–UZ"]

    def test_bundled_example(self) -> None:
        """The bundled dossier shows every part it has: its figures are claims."""
        d = bilat.examples.kazakhstan_uzbekistan()
        page = Page(d._repr_html_())
        assert [t.css_class for t in page.tables] == [
            "bilat-agreements",
            "bilat-portfolio",
            "bilat-targets",
            "bilat-claims",
        ]
        agreements, projects, targets, claims = page.tables
        assert len(agreements.rows) == 3
        assert len(projects.rows) == len(d.projects) + 1
        assert targets.rows == [
            ["KZ–UZ", "turnover", "$10B", "no deadline"],
            ["KZ–UZ", "turnover", "$10B", "2030"],
            ["KZ–UZ", "Darbaza–Maktaaral railway: length", "152 km", "2026"],
        ]
        assert len(claims.rows) == len(d.claims)
        disputed = [row[1:3] for row in claims.rows if "⚠" in row[1]]
        assert disputed == [
            ["2022 ⚠", "$4.6 bn"],
            ["2022 ⚠", "$5.0 bn"],
            ["2023 ⚠", "$4.4 bn"],
            ["2023 ⚠", "over $4.6 bn"],
        ]

    def test_quantity_of_many_digits(self) -> None:
        """A target of 30 + 30 digits in km rounds for display, in any caller context."""
        digits = "9" * 30 + "." + "9" * 30
        length = bilat.Q_(Decimal(digits), "km")
        target = bilat.Target(("KZ", "UZ"), length, subject="track laid")
        d = Dossier("KZ–UZ", ["KZ", "UZ"], targets=[target])
        hostile = decimal.Context(prec=3, traps=[decimal.Inexact, decimal.Rounded])
        with decimal.localcontext(hostile):
            (table,) = Page(d._repr_html_()).tables
        # 999…999.999…999 to three decimals carries to 10**30, grouped by three
        shown = "1" + ",000" * 10 + " km"
        assert table.rows == [["KZ–UZ", "track laid", shown, "no deadline"]]
        assert table.titles[0][2] == digits + " km"  # the tooltip is exact

    @given(dossiers())
    def test_any_dossier(self, d: Dossier) -> None:
        """Any dossier: its title reads back as shown, and tags are balanced."""
        text = d._repr_html_()
        page = Page(text)
        assert page.headings[0] == visible(d.title)  # controls escaped
        for tag in ("div", "table", "tr", "td", "th", "p"):
            assert text.count(f"<{tag}>") + text.count(f"<{tag} ") == text.count(
                f"</{tag}>"
            )


class TestDossierClaimsMarks:
    """Dossier._repr_html_ marks the claims that disagree as the report does."""

    def test_two_currencies_keep_other_marks(self) -> None:
        """A year in two currencies (no rates) does not hide another year's ⚠."""
        news = bilat.Source("News")
        pair = ("KZ", "UZ")
        claims = [
            bilat.Claim("turnover", 2022, "$4.6 bn", news, parties=pair),
            bilat.Claim("turnover", 2022, "$5.0 bn", news, parties=pair),
            bilat.Claim("turnover", 2023, "2 trillion tenge", news, parties=pair),
            bilat.Claim("turnover", 2023, "$4.4 bn", news, parties=pair),
        ]
        (table,) = Page(Dossier("x", pair, claims=claims)._repr_html_()).tables
        # $4.6 bn is [4.55, 4.65) bn, $5.0 bn [4.95, 5.05): no common value
        assert [row[1] for row in table.rows] == ["2022 ⚠", "2022 ⚠", "2023", "2023"]

    def test_mixed_kinds_and_direction(self) -> None:
        """Claims of two dimensions don't hide marks; a flow's mark stays on its direction."""
        news = bilat.Source("News")
        claims = [
            bilat.Claim(
                "capacity", 2024, bilat.Q_("20 Mt/a"), news, parties=("KZ", "UZ")
            ),
            bilat.Claim("capacity", 2024, bilat.Q_("5 km"), news, parties=("KZ", "UZ")),
            bilat.Claim("exports", 2025, "$1.0 bn", news, parties=("KZ", "UZ")),
            bilat.Claim("exports", 2025, "$2.0 bn", news, parties=("KZ", "UZ")),
            bilat.Claim("exports", 2025, "$1.55 bn", news, parties=("UZ", "KZ")),
        ]
        (table,) = Page(Dossier("x", ["KZ", "UZ"], claims=claims)._repr_html_()).tables
        marked = sorted((row[1], row[2]) for row in table.rows if "⚠" in row[1])
        assert marked == [("2025 ⚠", "$1.0 bn"), ("2025 ⚠", "$2.0 bn")]

    def test_note_with_who(self) -> None:
        """The claim's note follows who said it."""
        claim = bilat.Claim(
            "turnover", 2024, "$4.3 bn", bilat.Source("News"), parties=("KZ", "UZ"),
            said_by="KZ", note="Leaders' talks.",
        )  # fmt: skip
        (table,) = Page(Dossier("x", ["KZ", "UZ"], claims=[claim])._repr_html_()).tables
        assert table.rows[0][3] == "Kazakhstan; Leaders' talks."
