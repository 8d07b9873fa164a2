"""Tables of a report: the renderer's laws and the bundled report's tables."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.strategies import claims, sources

import bilat
from bilat import Dossier, Report
from bilat._present.labels import label, visible
from bilat._present.report import _cite
from bilat._present.report_claims import source_data
from bilat._present.tables import (
    Align,
    display_width,
    markdown_cells,
    markdown_table,
    padded_table,
    text_table,
)

AS_OF = dt.date(2025, 12, 31)

#: Letters of every width: ASCII, Cyrillic, Uzbek's ʻ, wide CJK and emoji,
#: combining marks, and what Markdown and HTML would read (| \ * < &).
_ALPHABET = "ab Zж Қʻ‘’北京한👩\u0301\u0308|\\*_<>&#`[]-1"

cells = st.text(alphabet=_ALPHABET, max_size=8)


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[str], list[list[str]], list[Align]]:
    """A header, rows and alignments of one size."""
    width = draw(st.integers(1, 4))
    header = draw(st.lists(cells, min_size=width, max_size=width))
    rows = draw(st.lists(st.lists(cells, min_size=width, max_size=width), max_size=4))
    align: list[Align] = draw(
        st.lists(st.sampled_from(["left", "right"]), min_size=width, max_size=width)
    )
    return header, rows, align


@pytest.fixture(scope="module")
def dossier() -> Dossier:
    return bilat.examples.kazakhstan_uzbekistan()


@pytest.fixture(scope="module")
def report(dossier: Dossier) -> Report:
    return dossier.report(as_of=AS_OF)


def _tables(markdown: str) -> list[list[list[str]]]:
    """Every pipe table of a Markdown text, as rows of cells (header first)."""
    found: list[list[list[str]]] = []
    current: list[list[str]] = []
    for line in markdown.splitlines():
        if line.startswith("|"):
            if not set(line) <= set("|-:"):  # not the delimiter row
                current.append(markdown_cells(line))
        elif current:
            found.append(current)
            current = []
    return found


def _table_with(markdown: str, header: list[str]) -> list[list[str]]:
    """The one table whose header is ``header``, without the header."""
    (table,) = [t for t in _tables(markdown) if t[0] == header]
    return table[1:]


class TestDisplayWidth:
    """How many terminal columns text takes."""

    def test_by_hand(self) -> None:
        """Wide characters take two columns, combining marks and joiners none."""
        assert display_width("abc") == 3
        assert display_width("北京") == 4
        assert display_width("한국") == 4
        assert display_width("e\u0301") == 1
        assert display_width("Қазақстан") == 9
        assert display_width("O‘zbekiston") == 11
        assert display_width("👩\u200d💻") == 4


class TestTextTable:
    """Text tables: columns aligned by display width."""

    def test_by_hand(self) -> None:
        """A wide name pads as two columns a character; numbers stand right."""
        lines = text_table(
            ["Name", "N"], [["北京", "7"], ["ab", "12"]], ["left", "right"]
        )
        assert lines == ["Name   N", "----  --", "北京   7", "ab    12"]

    @given(tables())
    def test_same_width(
        self, table: tuple[list[str], list[list[str]], list[Align]]
    ) -> None:
        """Padded, every line has the same display width; shown, none ends in a space."""
        header, rows, align = table
        padded = padded_table(header, rows, align)
        assert len(padded) == len(rows) + 2
        assert len({display_width(line) for line in padded}) == 1
        shown = text_table(header, rows, align)
        for line, full in zip(shown, padded, strict=True):
            assert not line.endswith(" ")
            assert full.startswith(line)
            assert not full[len(line) :].strip(" ")

    def test_uneven_rows(self) -> None:
        """A row with a cell too many is a mistake, not a silent cut."""
        with pytest.raises(ValueError, match="one cell"):
            text_table(["a"], [["1", "2"]], ["left"])


class TestMarkdownTable:
    """Markdown pipe tables read back as their cells."""

    def test_by_hand(self) -> None:
        """A pipe, a star and an angle bracket are escaped; numbers align right."""
        lines = markdown_table(["Name", "N"], [["a|b *c* <i>", "2"]], ["left", "right"])
        assert lines == [
            "| Name | N |",
            "|---|---:|",
            r"| a\|b \*c\* &lt;i&gt; | 2 |",
        ]

    @given(tables())
    def test_reads_back(
        self, table: tuple[list[str], list[list[str]], list[Align]]
    ) -> None:
        """Every row parses back to its cells, as shown on one line."""
        header, rows, align = table
        lines = markdown_table(header, rows, align)
        assert (
            lines[1]
            == "|" + "|".join("---:" if a == "right" else "---" for a in align) + "|"
        )
        for line, row in zip([lines[0], *lines[2:]], [header, *rows], strict=True):
            assert markdown_cells(line) == [visible(c) for c in row]

    def test_line_breaks(self) -> None:
        """A line break in a cell cannot end the row."""
        (head, _, row) = markdown_table(["a"], [["x\ny"]], ["left"])
        assert row == "| x y |"
        assert head == "| a |"


class TestCite:
    """The report cites a source as Source.cite does."""

    @given(sources())
    def test_same_as_source_cite(self, source: bilat.Source) -> None:
        """An English report's citation is Source.cite's text."""
        assert _cite([source_data(source)]) == source.cite()

    def test_accessed_in_locale(self) -> None:
        """The access date is said in the report's language."""
        source = bilat.Source("Stats", accessed="2025-02-01")
        data = [source_data(source)]
        assert _cite(data) == "Stats, accessed 2025-02-01"
        assert _cite(data, locale="ru") == "Stats, дата обращения 2025-02-01"

    def test_markdown_autolink(self) -> None:
        """In Markdown the URL is an autolink and the name is escaped."""
        source = bilat.Source("A*B", url="https://x.org/a|b")
        assert _cite([source_data(source)], markdown=True) == (
            r"A\*B, <https://x.org/a%7Cb>"
        )


class TestBundledClaims:
    """The bundled dossier's turnover claims as a year × source table."""

    HEADER = [  # noqa: RUF012 - a constant of the test
        "Year",
        "Trend via today.az",
        "Uzbekistan",
        "MENAFN",
        "Kazakhstan",
        "Kassym-Jomart Tokayev",
        "The Times of Central Asia",
        "UrduPoint",
    ]

    def test_turnover_rows(self, report: Report) -> None:
        """Each year's figures stand under who stated them; 2022 and 2023 disagree."""
        rows = _table_with(report.to_markdown(), self.HEADER)
        by_year = {row[0]: row[1:] for row in rows}
        assert list(by_year) == [
            "2017", "2018", "2021", "2022 ⚠", "2023 ⚠", "2024", "2025",
        ]  # fmt: skip
        assert by_year["2022 ⚠"] == ["", "", "$4.6 bn ✓", "$5.0 bn", "", "", ""]
        assert by_year["2023 ⚠"] == ["", "", "", "", "$4.4 bn ✓", "over $4.6 bn", ""]
        assert by_year["2018"] == ["", "over $3 bn ✓", "", "", "", "", ""]
        assert by_year["2025"] == ["", "$4.97 bn ✓", "", "", "", "", ""]

    def test_beneath(self, report: Report) -> None:
        """The disputed years and why their figure was taken are said under the table."""
        text = report.to_text()
        assert "• ⚠ 2022, 2023: figures disagree\n" in text
        assert "• figure used: 2022: $4.6 bn ✓ — the only dated statement\n" in text
        assert (
            "• figure used: 2023: $4.4 bn ✓ — an exact figure rather than an estimate"
        ) in text
        assert "• 2025, Uzbekistan: Up 11.4 % on 2024\n" in text

    def test_text_aligned(self, report: Report) -> None:
        """The text table's rule spans every line, none ends in a space, figures right-aligned."""
        lines = report.to_text().splitlines()
        start = next(i for i, line in enumerate(lines) if line.startswith("  Year "))
        table = lines[start : start + 9]
        rule = display_width(table[1])
        assert all(display_width(line) <= rule for line in table)
        assert display_width(table[0]) == rule  # the last heading is the widest cell
        assert not any(line.endswith(" ") for line in table)
        row_2022 = table[5]
        assert row_2022.startswith("  2022 ⚠")
        # Two spaces between columns, then "$5.0 bn" right in "Kazakhstan"'s 10.
        assert "$4.6 bn ✓     $5.0 bn" in row_2022

    def test_model_columns(self, report: Report) -> None:
        """The model names each group's columns and each claim's column."""
        (turnover, *_) = report.to_dict()["claims"]
        assert turnover["columns"] == self.HEADER[1:]
        first_2023 = turnover["years"][4]["claims"][0]
        assert first_2023["stated_by"] == "Kassym-Jomart Tokayev"
        assert first_2023["said_by"] == "Kassym-Jomart Tokayev (President, KZ)"


class TestAnyClaims:
    """Any claims give one year × source table per subject, every figure in its column."""

    @given(
        st.lists(
            claims(parties=(("KZ", "UZ"), ("UZ", "KZ")))
            | claims(kind="quantity", parties=(("KZ", "UZ"),))
            | claims(kind="number", parties=(("KZ", "UZ"),)),
            min_size=1,
            max_size=6,
        )
    )
    @settings(max_examples=30, deadline=None)
    def test_every_figure_in_its_column(self, stated: list[bilat.Claim]) -> None:
        """Each year's row has a cell per column; each figure stands under who said it."""
        report = Dossier("Claims", ["KZ", "UZ"], claims=stated).report(as_of=AS_OF)
        data = report.to_dict()["claims"]
        tables = [t for t in _tables(report.to_markdown()) if t[0][0] == "Year"]
        assert len(tables) == len(data)
        for group, (header, *rows) in zip(data, tables, strict=True):
            assert header == ["Year", *(visible(c) for c in group["columns"])]
            assert len(rows) == len(group["years"])
            for year, row in zip(group["years"], rows, strict=True):
                assert len(row) == len(header)
                assert row[0] == f"{year['year']}" + (" ⚠" if year["conflict"] else "")
                for claim in year["claims"]:
                    cell = row[header.index(visible(claim["stated_by"]))]
                    mark = " ✓" if claim["used"] else ""
                    assert visible(claim["text"]) + mark in cell.split("; ")


class TestBundledProjects:
    """Projects by status: counts summed, totals, and each line."""

    def test_by_status(self, report: Report) -> None:
        """22 planned (21 + 1) nearly $1B; 14 under way (1 + 1 + 12) $156M."""
        rows = _table_with(report.to_markdown(), ["Status", "Count", "Total"])
        assert rows == [
            ["planned", "22 projects", "nearly $1B"],
            ["underway", "14 projects", "$156M"],
        ]

    def test_lines(self, report: Report) -> None:
        """Each project with its status, count, value, completion and dates."""
        header = [
            "Project", "Status", "Count", "Value", "Completion", "Start", "End",
        ]  # fmt: skip
        rows = {row[0]: row[1:] for row in _table_with(report.to_markdown(), header)}
        # 106 / 152 = 0.6974 → 69.7 %.
        assert rows["Darbaza–Maktaaral railway"] == [
            "underway", "1", "value not stated", "106 km of 152 km, 69.7%",
            "Nov 27, 2023", "2026",
        ]  # fmt: skip
        assert rows["Joint industrial projects planned"] == [
            "planned", "21", "nearly $1B", "—", "—", "—",
        ]  # fmt: skip
        assert rows["Joint industrial projects under way"][1:3] == ["12", "$156M"]
        assert len(rows) == 5

    def test_text_numbers_right(self, report: Report) -> None:
        """In text, counts stand right under their header."""
        lines = report.to_text().splitlines()
        i = lines.index("Status          Count       Total")
        assert lines[i + 2 : i + 4] == [
            "planned   22 projects  nearly $1B",
            "underway  14 projects       $156M",
        ]


class TestBundledAgreements:
    """Agreements with their dates and status, the acts beneath."""

    HEADER = ["Title", "Kind", "Signed", "In force since", "Status"]  # noqa: RUF012

    def test_rows(self, report: Report) -> None:
        """Signed 15 Feb 2024 and 15 Mar 2025; the centre's agreement undated."""
        rows = _table_with(report.to_markdown(), self.HEADER)
        roadmap = (
            "Roadmap for the Central Asia International Center for Industrial "
            "Cooperation"
        )
        centre = (
            "Intergovernmental agreement on the Central Asia International Center "
            "for Industrial Cooperation"
        )
        assert rows == [
            [roadmap, "roadmap", "Feb 15, 2024", "—", "signed Feb 15, 2024"],
            ["Programme on Increasing Mutual Trade", "programme", "Mar 15, 2025",
             "—", "signed Mar 15, 2025"],
            [centre, "agreement", "—", "—", "signed (date unknown)"],
        ]  # fmt: skip

    def test_acts_beneath(self, report: Report) -> None:
        """Kazakhstan's ratification of 5 February 2025 follows the table."""
        text = report.to_text()
        assert (
            "• Intergovernmental agreement on the Central Asia International Center "
            "for Industrial Cooperation\n  • Kazakhstan: ratification, Feb 5, 2025\n"
        ) in text

    def test_in_force_since(self) -> None:
        """A treaty in force shows the day it entered into force and its status."""
        treaty = bilat.Agreement(
            "Treaty", ["KZ", "UZ"], "treaty", signed="2022-12-22", in_force="2023-05-02"
        )
        dossier = Dossier("KZ–UZ", ["KZ", "UZ"], agreements=[treaty])
        markdown = dossier.report(as_of=AS_OF).to_markdown()
        rows = _table_with(markdown, self.HEADER)
        assert rows == [
            [
                "Treaty",
                "treaty",
                "Dec 22, 2022",
                "May 2, 2023",
                "in force since May 2, 2023",
            ]
        ]


class TestHeadersInEveryLanguage:
    """Table headers come from the labels, in en, ru, kk and uz."""

    @pytest.mark.parametrize(
        ("locale", "title", "signed"),
        [
            ("en", "Title", "Signed"),
            ("ru", "Название", "Подписано"),
            ("kk", "Атауы", "Қол қойылған күні"),
            ("uz", "Nomi", "Imzolangan sana"),
        ],
    )
    def test_agreements(
        self, dossier: Dossier, locale: str, title: str, signed: str
    ) -> None:
        """The agreements table's header is in the report's language."""
        markdown = dossier.report(as_of=AS_OF, locale=locale).to_markdown()
        header = [
            label(k, locale)
            for k in ("table_title", "table_kind", "table_signed", "table_in_force")
        ] + [label("status", locale)]
        assert header[0] == title
        assert header[2] == signed
        assert len(_table_with(markdown, header)) == 3

    @pytest.mark.parametrize("locale", ["ru", "kk", "uz"])
    def test_not_english(self, dossier: Dossier, locale: str) -> None:
        """No header of a projects or claims table falls back to English."""
        markdown = dossier.report(as_of=AS_OF, locale=locale).to_markdown()
        headers = [t[0] for t in _tables(markdown)]
        english = {
            label(k, "en")
            for k in (
                "table_project", "table_completion", "table_start", "table_end",
                "status", "count", "value", "total", "year",
            )
        }  # fmt: skip
        assert headers
        for header in headers:
            assert not english & set(header), header
