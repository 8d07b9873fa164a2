"""Reports of a dossier: figures, statuses, languages and formats."""

from __future__ import annotations

import datetime as dt
import decimal
import json
import re
import subprocess
import sys
import unicodedata
from decimal import Decimal
from fractions import Fraction
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import attrs
import pytest
from babel.dates import format_date
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.strategies import claims
from tests.test_target import extreme_cases

import bilat
from bilat import Dossier, InvalidOptionError, Report
from bilat._cli import main
from bilat._present.labels import visible

AS_OF = dt.date(2025, 12, 31)


@pytest.fixture(scope="module")
def dossier() -> Dossier:
    return bilat.examples.kazakhstan_uzbekistan()


@pytest.fixture(scope="module")
def report(dossier: Dossier) -> Report:
    return dossier.report(as_of=AS_OF)


def _progress(
    report: Report, deadline: int | None, metric: str = "turnover"
) -> dict[str, Any]:
    """The one progress line of the target with ``deadline`` on ``metric``."""
    (target,) = [
        t
        for t in report.to_dict()["targets"]
        if t["deadline"] == deadline and t["subject"] == metric
    ]
    (found,) = target["progress"]
    assert isinstance(found, dict)
    return found


RAILWAY = "Darbaza–Maktaaral railway: length"

#: FACTS.md's sources of the two figures the turnover series uses.
TODAY_AZ = "http://www.today.az/news/regions/181403.html"
MENAFN_2026 = (
    "https://menafn.com/1110686351/Plans-To-Action-Uzbek-Kazakh-Council-Steps-Up"
)


def _close(found: str | None, expected: float) -> bool:
    """A ratio of the report within 1e-12 of a value worked out with floats."""
    assert found is not None
    return abs(float(found) - expected) < 1e-12


def _kazakh_statements(dossier: Dossier) -> Dossier:
    """The bundled target by 2030 with only the turnover figures Kazakhstan stated."""

    def country(claim: bilat.Claim) -> str | None:
        said = claim.said_by
        if isinstance(said, bilat.Official):
            return said.country.alpha2
        return None if said is None else said.alpha2

    kazakh = [
        c for c in dossier.claims if c.subject == "turnover" and country(c) == "KZ"
    ]
    assert len(kazakh) == 2  # the Kazakh government's 2022, Tokayev's 2023
    (target,) = [t for t in dossier.targets if t.deadline == 2030]
    return Dossier("KZ statements", ["KZ", "UZ"], targets=[target], claims=kazakh)


class TestFigures:
    """The report's figures match values computed by hand."""

    def test_claims_series_against_2030(self, report: Report) -> None:
        """2017 about $2 bn → 2025 $4.97 bn against $10 bn by 2030."""
        p = _progress(report, 2030)
        assert (p["base_year"], p["year"]) == (2017, 2025)
        assert (p["base"]["amount"], p["current"]["amount"]) == (
            "2000000000",
            "4970000000",
        )
        # 4.97 / 10 = 0.497; 10 − 4.97 = 5.03 bn
        assert Decimal(p["share"]) == Decimal("0.497")
        assert p["gap"]["amount"] == "5030000000"
        # actual (4.97 / 2) ** (1 / 8) − 1 = 0.120510; planned (10 / 2) ** (1 / 13)
        # − 1 = 0.131793; required (10 / 4.97) ** (1 / 5) − 1 = 0.150082
        actual = (4.97 / 2) ** (1 / 8) - 1
        planned = (10 / 2) ** (1 / 13) - 1
        assert _close(p["actual_cagr"], actual)
        assert _close(p["planned_cagr"], planned)
        assert _close(p["required_cagr"], (10 / 4.97) ** (1 / 5) - 1)
        # ratio 0.120510 / 0.131793 = 0.914: at least 0.60, below 0.95
        assert _close(p["growth_ratio"], actual / planned)
        assert 0.60 <= actual / planned < 0.95
        assert p["status"] == "needs_acceleration"
        assert p["required_cagr_text"] == "15.0%"
        # 4.97 × 1.120510 ** 5 = 8.7788 bn by 2030; 10 / 4.97 is reached after
        # log(2.0121) / log(1.12051) = 6.14 years, so in 2032.
        assert abs(float(p["projected"]["amount"]) - 4.97e9 * (1 + actual) ** 5) < 1
        assert p["eta"] == 2032

    def test_approximate_base(self, report: Report) -> None:
        """The base, "about $2 bn", is approximate; the current $4.97 bn is not."""
        p = _progress(report, 2030)
        assert (p["base_approximate"], p["current_approximate"]) == (True, False)
        assert p["approximate"] is True
        assert "    • base 2017: $2B (approximate)\n" in str(report)

    def test_figures_used(self, report: Report) -> None:
        """Progress names the stated figure behind each year, its source and why."""
        p = _progress(report, 2030)
        current, base = p["figure"], p["base_figure"]
        assert (current["year"], current["text"], current["reason"]) == (
            2025,
            "$4.97 bn",
            "only",
        )
        assert current["sources"][0]["url"] == MENAFN_2026
        assert (base["year"], base["text"], base["approximate"]) == (
            2017,
            "about $2 bn",
            True,
        )
        assert base["sources"][0]["url"] == TODAY_AZ
        text = str(report)
        assert (
            "figure used: 2025: $4.97 bn (Uzbekistan) — the only figure for that year"
        ) in text
        assert "figure used: 2017: about $2 bn — the only figure for that year" in text

    def test_percentages_ignore_caller_context(self) -> None:
        """A completion of 0.12355 shows as 12.4% (half to even) in any context."""
        rail = bilat.Project(
            "Railway",
            ["KZ"],
            "underway",
            measures={"length": "1000 km"},
            updates=[bilat.ProgressUpdate("2025-01-01", "length", "123.55 km")],
        )
        d = Dossier("KZ–UZ", ["KZ", "UZ"], projects=[rail])
        hostile = decimal.Context(
            prec=3, rounding=decimal.ROUND_DOWN, traps=[decimal.Inexact]
        )
        with decimal.localcontext(hostile):
            data = d.report(as_of="2025-12-31").to_dict()
        # 123.55 / 1000 = 0.12355; the lengths keep every digit.
        assert "123.55 km of 1,000 km, 12.4%" in json.dumps(data)

    def test_falling_series_regresses(self, dossier: Dossier) -> None:
        """Kazakhstan's own figures, $5.0 bn in 2022 → $4.4 bn in 2023: regressing."""
        p = _progress(_kazakh_statements(dossier).report(as_of=AS_OF), 2030)
        assert (p["base_year"], p["year"], p["status"]) == (2022, 2023, "regressing")
        # 4.4 / 5.0 − 1 = −0.12, one year apart
        assert Decimal(p["actual_cagr"]) == Decimal("-0.12")
        assert (p["base_figure"]["said_by"], p["figure"]["said_by"]) == (
            "Kazakhstan",
            "Kassym-Jomart Tokayev (President, KZ)",
        )

    def test_single_year_is_insufficient(self, report: Report) -> None:
        """The railway's series has one update (106 km, 2025): no growth to measure."""
        p = _progress(report, 2026, RAILWAY)
        assert (p["base_year"], p["year"]) == (2025, 2025)
        assert p["status"] == "insufficient_data"
        assert p["actual_cagr"] is None

    def test_no_deadline_target(self, report: Report) -> None:
        """The article's target has no deadline."""
        assert _progress(report, None)["status"] == "no_deadline"

    def test_project_totals(self, report: Report) -> None:
        """Underway: 12 + 2 lines = 14 projects, $156 M; planned: nearly $1 bn."""
        groups = {g["status"]: g for g in report.to_dict()["projects"]}
        assert groups["underway"]["count"] == 14
        assert groups["underway"]["total"]["amount"] == "156000000"
        assert groups["planned"]["total"]["qualifier"] == "nearly"
        assert Decimal(groups["planned"]["total"]["low"]) == Decimal(900000000)

    def test_railway_completion(self, report: Report) -> None:
        """106 of 152 km is 69.7 %."""
        rail = next(
            p
            for g in report.to_dict()["projects"]
            for p in g["projects"]
            if p["name"] == "Darbaza–Maktaaral railway"
        )
        # 106 / 152 = 0.697368...
        assert rail["completion_text"] == "106 km of 152 km, 69.7%"
        assert abs(Fraction(rail["completion"]) - Fraction(106, 152)) < Fraction(
            1, 10**25
        )
        assert rail["completion_measure"] == "length"

    def test_railway_target(self, report: Report) -> None:
        """152 km by 2026 against 106 km laid: 69.7 %, 46 km to go."""
        p = _progress(report, 2026, RAILWAY)
        # 106 / 152 = 53 / 76 exactly; 152 − 106 = 46; (152 / 106) − 1 = 0.433962
        assert abs(Fraction(p["share"]) - Fraction(106, 152)) < Fraction(1, 10**50)
        assert p["share_text"] == "69.7%"
        assert (p["gap"]["amount"], p["gap"]["unit"], p["gap"]["text"]) == (
            "46",
            "km",
            "46 km",
        )
        assert _close(p["required_cagr"], 152 / 106 - 1)
        assert p["figure"] is None  # measured by the project's update, not a claim
        assert (
            "• Target: 152 km, Darbaza–Maktaaral railway: length (deadline 2026)\n"
        ) in str(report)
        assert (
            "  • 2025: 106 km, reported by Baq.kz; 69.7% of the target; gap 46 km\n"
        ) in str(report)

    def test_sources_are_named(self, report: Report) -> None:
        """The series used names the sources of the two figures it took."""
        p = _progress(report, 2030)
        assert {(s["publisher"], s["url"]) for s in p["series"]["sources"]} == {
            ("Trend via today.az", TODAY_AZ),
            ("Trend via MENAFN (Uzbek side)", MENAFN_2026),
        }
        rail = _progress(report, 2026, RAILWAY)
        assert [s["publisher"] for s in rail["series"]["sources"]] == ["Baq.kz"]


#: FACTS.md's sources of the disagreeing 2022 and 2023 figures.
MENAFN_2023 = (
    "https://menafn.com/1107125650/"
    "Kazakhstan-Uzbekistan-Discuss-Possibilities-Of-Expanding-Bilateral-Co-Op"
)
INFORM_2022 = (
    "https://www.inform.kz/en/kazakhstan-uzbekistan-see-moderate-growth-in-"
    "trade-turnover-since-year-start_a4069886"
)
ASTANA_2024 = (
    "https://astanatimes.com/2024/04/"
    "president-tokayev-holds-informal-meeting-with-uzbek-president/"
)
TCA_2023 = "https://timesca.com/kazakhstan-and-uzbekistan-to-build-central-asia-industrial-center/"


def _turnover(report: Report) -> dict[int, dict[str, Any]]:
    """The report's turnover claims of Kazakhstan–Uzbekistan, by year."""
    (group,) = [g for g in report.to_dict()["claims"] if g["subject"] == "turnover"]
    assert sorted(group["parties"]) == ["KZ", "UZ"]
    return {entry["year"]: entry for entry in group["years"]}


class TestStatedFigures:
    """Every stated figure is listed by year; disagreements and the pick are shown."""

    def test_conflicts(self, dossier: Dossier) -> None:
        """Exactly 2022 ($4.6 bn vs $5.0 bn) and 2023 ($4.4 bn vs over $4.6 bn)."""

        # $4.6 bn allows [4.55, 4.65) bn, $5.0 bn [4.95, 5.05): no common value;
        # $4.4 bn allows [4.35, 4.45) bn, "over $4.6 bn" (4.6, 5.06]: none either.
        def usd(amount: str) -> bilat.Money:
            return bilat.Money(amount, "USD")

        found = [
            (c.subject, c.period, {(cl.text, cl.low, cl.high) for cl in c.claims})
            for c in dossier.conflicts()
        ]
        assert found == [
            (
                "turnover",
                2022,
                {
                    ("$4.6 bn", usd("4.55e9"), usd("4.65e9")),
                    ("$5.0 bn", usd("4.95e9"), usd("5.05e9")),
                },
            ),
            (
                "turnover",
                2023,
                {
                    ("$4.4 bn", usd("4.35e9"), usd("4.45e9")),
                    ("over $4.6 bn", usd("4.6e9"), usd("5.06e9")),  # 4.6 × 1.1
                },
            ),
        ]

    def test_no_false_conflict(self) -> None:
        """$4.97 bn and "about $5 bn" agree: [4.965, 4.975) lies in [4.5, 5.5]."""
        news = bilat.Source("News", url="https://example.org/news")
        claims = [
            bilat.Claim("turnover", 2025, "$4.97 bn", news, parties=("UZ", "KZ")),
            bilat.Claim("turnover", 2025, "about $5 bn", news, parties=("KZ", "UZ")),
        ]
        assert bilat.conflicts(claims) == ()
        d = Dossier("Agree", ["KZ", "UZ"], claims=claims)
        assert d.conflicts() == ()
        report = d.report(as_of=AS_OF)
        entry = _turnover(report)[2025]
        assert entry["conflict"] is False
        text = str(report)
        assert "⚠" not in text
        # two figures of one source, one kept: the exact one before the estimate
        assert "\n  2025  $4.97 bn ✓; about $5 bn\n" in text
        assert (
            "• figure used: 2025: $4.97 bn ✓ — an exact figure rather than an "
            "estimate\n• News — source: News, https://example.org/news\n"
        ) in text

    def test_data(self, report: Report) -> None:
        """to_dict lists both figures of 2022 and 2023, marks the used one and why."""
        years = _turnover(report)
        # FACTS.md: 2017, 2018, 2021, 2022 twice, 2023 twice, 2024, 2025
        assert {y: len(e["claims"]) for y, e in years.items()} == {
            2017: 1,
            2018: 1,
            2021: 1,
            2022: 2,
            2023: 2,
            2024: 1,
            2025: 1,
        }
        assert [y for y, e in years.items() if e["conflict"]] == [2022, 2023]
        picked = {
            y: (c["text"], c["reason"])
            for y, e in years.items()
            for c in e["claims"]
            if c["used"]
        }
        assert picked == {
            2017: ("about $2 bn", "only"),
            2018: ("over $3 bn", "only"),
            2021: ("$3.9 bn", "only"),
            # the ministers' figure is dated 2023-09-22, the government's undated
            2022: ("$4.6 bn", "only_dated"),
            # Tokayev's $4.4 bn is exact, "over $4.6 bn" an estimate
            2023: ("$4.4 bn", "exact"),
            2024: ("about $4.3 bn", "only"),
            2025: ("$4.97 bn", "only"),
        }
        urls = {c["text"]: c["sources"][0]["url"] for c in years[2022]["claims"]}
        assert urls == {"$4.6 bn": MENAFN_2023, "$5.0 bn": INFORM_2022}
        urls = {c["text"]: c["sources"][0]["url"] for c in years[2023]["claims"]}
        assert urls == {"$4.4 bn": ASTANA_2024, "over $4.6 bn": TCA_2023}

    def test_command_line_text(self, capsys: pytest.CaptureFixture[str]) -> None:
        """bilat report names both figures of 2022 and 2023, their sources, the pick."""
        assert main(["report", "--as-of", "2025-12-31"]) == 0
        out = capsys.readouterr().out
        assert (
            "\nStated figures\n--------------\nturnover (Kazakhstan–Uzbekistan)\n"
        ) in out
        # A row per year, a column per who stated a figure (FACTS.md's sources).
        assert (
            "  Year    Trend via today.az    Uzbekistan     MENAFN  Kazakhstan  "
            "Kassym-Jomart Tokayev  The Times of Central Asia        UrduPoint\n"
        ) in out
        (row_2022,) = [x for x in out.splitlines() if x.startswith("  2022 ⚠")]
        assert " ".join(row_2022.split()) == "2022 ⚠ $4.6 bn ✓ $5.0 bn"
        (row_2023,) = [x for x in out.splitlines() if x.startswith("  2023 ⚠")]
        assert " ".join(row_2023.split()) == "2023 ⚠ $4.4 bn ✓ over $4.6 bn"
        assert (
            "• ⚠ 2022, 2023: figures disagree\n"
            "• figure used: 2022: $4.6 bn ✓ — the only dated statement\n"
            "• figure used: 2023: $4.4 bn ✓ — an exact figure rather than an estimate\n"
        ) in out
        assert f"• MENAFN — source: MENAFN, 2023-09-22, {MENAFN_2023}\n" in out
        assert (
            "• Kazakhstan — source: Kazinform (Kazakh government, Prime Minister "
            f"Smailov), {INFORM_2022}\n"
        ) in out
        assert (
            "• Kassym-Jomart Tokayev — source: The Astana Times (Akorda), "
            f"{ASTANA_2024}\n"
        ) in out
        assert (
            f"• The Times of Central Asia — source: The Times of Central Asia, {TCA_2023}"
        ) in out
        assert "• 2022, Kazakhstan: Kazakh government (Prime Minister Smailov)\n" in out
        assert "• 2023, Kassym-Jomart Tokayev (President, KZ): stated 2024\n" in out
        assert "✓ the figure a year's value is taken from\n" in out

    def test_command_line_markdown(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The Markdown report has a row per figure, conflicts marked, the pick ticked."""
        assert main(["report", "--as-of", "2025-12-31", "--format", "markdown"]) == 0
        out = capsys.readouterr().out
        assert "\n## Stated figures\n" in out
        assert (
            "| Year | Trend via today.az | Uzbekistan | MENAFN | Kazakhstan | "
            "Kassym-Jomart Tokayev | The Times of Central Asia | UrduPoint |\n"
            "|---|---:|---:|---:|---:|---:|---:|---:|\n"
        ) in out
        assert "\n| 2022 ⚠ |  |  | $4.6 bn ✓ | $5.0 bn |  |  |  |\n" in out
        assert "\n| 2023 ⚠ |  |  |  |  | $4.4 bn ✓ | over $4.6 bn |  |\n" in out
        assert f"- MENAFN — source: MENAFN, 2023-09-22, <{MENAFN_2023}>\n" in out

    @given(
        st.lists(
            claims(subjects=("turnover",), parties=(("KZ", "UZ"),))
            | claims(currency="KZT", subjects=("turnover",), parties=(("UZ", "KZ"),)),
            min_size=1,
            max_size=6,
        )
    )
    @settings(max_examples=40, deadline=None)
    def test_any_claims(self, stated: list[bilat.Claim]) -> None:
        """Progress names the stated figure of each year it used, in its currency."""
        pair = ("KZ", "UZ")
        target = bilat.TradeTarget(pair, bilat.Money("1e10", "USD"), deadline=2030)
        d = Dossier("Claims", pair, targets=[target], claims=stated)
        (found,) = d.report(as_of=AS_OF).to_dict()["targets"]
        for p in found["progress"]:
            if p["status"] == "not_measured":  # tenge without rates
                continue
            pairs = [(p["figure"], p["year"], p["current"])]
            if p["base_year"] != p["year"]:
                pairs.append((p["base_figure"], p["base_year"], p["base"]))
            for figure, year, value in pairs:
                assert figure["year"] == year
                assert figure["used"] is True
                assert figure["value"]["currency"] == "USD"
                assert figure["value"]["amount"] == value["amount"]

    def test_html(self, report: Report) -> None:
        """The HTML report has the same rows and the figures progress used."""
        html = report._repr_html_()
        assert (
            "<h3>Stated figures</h3><h4>turnover (Kazakhstan–Uzbekistan)</h4>"
            '<table class="bilat-claims"><thead><tr><th>Year</th>'
            '<th class="num">Trend via today.az</th>'
        ) in html
        assert (
            '<tr><td>2022 ⚠</td><td class="num"></td><td class="num"></td>'
            '<td class="num">$4.6 bn ✓</td><td class="num">$5.0 bn</td>'
        ) in html
        assert (
            "<li>figure used: 2023: $4.4 bn ✓ — an exact figure rather than an "
            "estimate</li>"
        ) in html
        assert (
            "<li>MENAFN — source: MENAFN, 2023-09-22, "
            f'<a href="{MENAFN_2023}">{MENAFN_2023}</a></li>'
        ) in html
        assert (
            "<li>figure used: 2025: $4.97 bn (Uzbekistan) — the only figure for that "
            "year</li><li>figure used: 2017: about $2 bn — the only figure for that "
            "year</li>"
        ) in html

    def test_figure_of_the_series_currency(self) -> None:
        """With turnover stated in tenge and in dollars, the dollar series names a dollar figure."""
        news = bilat.Source("News")
        pair = ("KZ", "UZ")
        claims = [
            bilat.Claim("turnover", 2023, "2 trillion tenge", news, parties=pair),
            bilat.Claim("turnover", 2024, "2.1 trillion tenge", news, parties=pair),
            bilat.Claim("turnover", 2023, "$4.4 bn", news, parties=pair),
            bilat.Claim("turnover", 2024, "$4.3 bn", news, parties=pair),
        ]
        target = bilat.TradeTarget(pair, bilat.Money("1e10", "USD"), deadline=2030)
        d = Dossier("Two currencies", pair, targets=[target], claims=claims)
        (measured,) = [
            p
            for p in d.report(as_of=AS_OF).to_dict()["targets"][0]["progress"]
            if p["status"] != "not_measured"  # the tenge series: no rates
        ]
        assert (measured["figure"]["text"], measured["base_figure"]["text"]) == (
            "$4.3 bn",
            "$4.4 bn",
        )


class TestMatching:
    """Each target is measured by the series of the same metric and parties."""

    @staticmethod
    def _dossier(*series: bilat.TradeSeries, metric: str = "exports") -> Dossier:
        target = bilat.TradeTarget(
            ("KZ", "UZ"), bilat.Money(10, "USD"), deadline=2030, metric=metric
        )
        return Dossier("Pair", ("KZ", "UZ"), targets=(target,), series=series)

    def test_exports_need_the_same_exporter(self) -> None:
        """Uzbek exports to Kazakhstan do not measure a Kazakh export target."""
        usd = {2022: bilat.Money(4, "USD"), 2024: bilat.Money(5, "USD")}
        theirs = bilat.TradeSeries(("UZ", "KZ"), "exports", usd)
        ours = bilat.TradeSeries(("KZ", "UZ"), "exports", usd)
        (target,) = self._dossier(theirs).report(as_of=AS_OF).to_dict()["targets"]
        assert target["progress"] == []
        (target,) = self._dossier(theirs, ours).report(as_of=AS_OF).to_dict()["targets"]
        (p,) = target["progress"]
        assert Decimal(p["share"]) == Decimal("0.5")

    def test_turnover_order_does_not_matter(self) -> None:
        """Turnover between KZ and UZ is the same whichever party comes first."""
        usd = {2022: bilat.Money(4, "USD"), 2024: bilat.Money(5, "USD")}
        series = bilat.TradeSeries(("UZ", "KZ"), "turnover", usd)
        d = self._dossier(series, metric="turnover")
        (target,) = d.report(as_of=AS_OF).to_dict()["targets"]
        (p,) = target["progress"]
        assert Decimal(p["share"]) == Decimal("0.5")

    def test_other_currency_without_rates_is_not_measured(self) -> None:
        """A tenge series and a dollar target without rates: reported, not fatal."""
        kzt = {2022: bilat.Money(2000, "KZT"), 2024: bilat.Money(2500, "KZT")}
        d = self._dossier(bilat.TradeSeries(("KZ", "UZ"), "exports", kzt))
        report = d.report(as_of=AS_OF)
        (target,) = report.to_dict()["targets"]
        (p,) = target["progress"]
        assert p["status"] == "not_measured"
        assert p["share"] is None
        reason = "not measured (no exchange rate from KZT to USD)"
        assert p["status_text"] == reason
        assert f"  • {reason}\n" in str(report)
        assert reason in str(report)
        assert "<td>None</td>" not in report._repr_html_()
        assert reason in report.to_markdown()
        assert reason in report._repr_html_()
        ru = d.report(as_of=AS_OF, locale="ru").to_dict()["targets"][0]
        assert ru["progress"][0]["status_text"] == (
            "не измерено (нет обменного курса KZT → USD)"
        )

    def test_other_currency_with_rates_is_measured(self) -> None:
        """With a rate for each year the tenge series is converted and measured."""
        kzt = {2022: bilat.Money(2000, "KZT"), 2024: bilat.Money(2500, "KZT")}
        rates = bilat.ExchangeRates.from_records(
            [(dt.date(2022, 1, 3), "USD", "KZT", "500")]
        )
        d = self._dossier(bilat.TradeSeries(("KZ", "UZ"), "exports", kzt))
        (target,) = d.report(as_of=AS_OF, rates=rates).to_dict()["targets"]
        (p,) = target["progress"]
        # 2500 KZT at 500 KZT per USD is $5 of the $10 target.
        assert Decimal(p["share"]) == Decimal("0.5")
        assert p["current"]["amount"] == "5"


class TestLanguages:
    """Labels, country names and numbers follow the locale."""

    def test_english(self, report: Report) -> None:
        """English text with English names and figures."""
        text = str(report)
        assert "Kazakhstan (KZ) – Uzbekistan (UZ)" in text
        # 4.97 / 10 = 49.7 %; growth ratio 0.914 (see TestFigures)
        assert "49.7% of the target" in text
        assert "Status: needs acceleration" in text
        assert "Stated figures" in text

    def test_russian(self, dossier: Dossier) -> None:
        """Russian labels, names and decimal commas."""
        text = dossier.report(as_of=AS_OF, locale="ru").to_text()
        assert "Казахстан (KZ) – Узбекистан (UZ)" in text
        assert "49,7\xa0% от цели" in text
        assert "нужно ускорение" in text
        assert "• ⚠ 2022, 2023: показатели расходятся\n" in text
        assert "2022: $4.6 bn ✓ — единственное датированное заявление\n" in text
        assert "база 2017: 2\xa0млрд\xa0$ (приблизительно)" in text

    def test_kazakh_and_uzbek(self, dossier: Dossier) -> None:
        """Kazakh and Uzbek headings and country names."""
        kk = dossier.report(as_of=AS_OF, locale="kk").to_text()
        assert "Жобалар" in kk
        assert "Қазақстан" in kk
        uz = dossier.report(as_of=AS_OF, locale="uz").to_text()
        assert "Loyihalar" in uz
        assert "Oʻzbekiston" in uz

    #: The labels of stated figures, measures and trade metrics, and "base".
    CLAIM_LABELS = (
        "base",
        "claims",
        "conflict",
        "figure",
        "said_by",
        "stated",
        "figure_used",
        "figure_used_mark",
        "reason_only",
        "reason_reporter",
        "reason_exact",
        "reason_latest",
        "reason_only_dated",
        "reason_earliest",
        "reason_precise",
        "reason_order",
        "approximate",
        "done_of",
        "turnover",
        "exports",
        "imports",
    )

    def test_claim_labels_in_every_language(self) -> None:
        """Each label of stated figures has its own Russian, Kazakh and Uzbek text."""
        from string import Formatter

        from bilat._present.labels import LABELS

        def fields(text: str) -> set[str | None]:
            return {name for _, name, _, _ in Formatter().parse(text) if name}

        for key in self.CLAIM_LABELS:
            english = LABELS["en"][key]
            for lang in ("ru", "kk", "uz"):
                own = LABELS[lang].get(key)
                assert own, (lang, key)  # its own, not the fallback's
                assert own != english, (lang, key)
                assert fields(own) == fields(english), (lang, key)
                cyrillic = any("\u0400" <= c <= "\u04ff" for c in own)
                assert cyrillic is (lang != "uz"), (lang, key)

    @pytest.mark.parametrize("locale", ["ru", "kk", "uz"])
    def test_no_english_words(self, dossier: Dossier, locale: str) -> None:
        """The stated figures and progress lines use no English label in ru, kk, uz."""
        from bilat._present.labels import LABELS

        text = dossier.report(as_of=AS_OF, locale=locale).to_text()
        start = text.index("\n" + LABELS[locale]["targets"] + "\n")
        end = text.index("\n" + LABELS[locale]["meetings"] + "\n")
        shown = re.sub(r"https?://\S+", "", text[start:end])  # URLs are no labels
        for claim in dossier.claims:  # nor are the dossier's own notes
            note = (claim.note or "\0").removesuffix(".")  # shown without its stop
            shown = shown.replace(note, "")
        for key in self.CLAIM_LABELS:
            for part in LABELS["en"][key].replace("}", "{").split("{")[::2]:
                words = part.strip(" :—()")
                if len(words) > 3:  # not a separator
                    assert not re.search(rf"\b{re.escape(words)}\b", shown), key
        assert LABELS[locale]["reason_only_dated"] in shown
        assert LABELS[locale]["reason_exact"] in shown
        assert LABELS[locale]["conflict"] in shown

    def test_unknown_locale(self, dossier: Dossier) -> None:
        """An unknown locale is a clear error."""
        with pytest.raises(bilat.UnknownLocaleError, match="xx_YY"):
            dossier.report(as_of=AS_OF, locale="xx_YY")


class TestFormats:
    """Text, Markdown, JSON and HTML show the same report."""

    def test_markdown_headings(self, report: Report) -> None:
        """Markdown has a title and section headings."""
        md = report.to_markdown()
        assert md.startswith("# Kazakhstan–Uzbekistan\n")
        assert "\n## Targets\n" in md

    def test_json_is_json(self, report: Report) -> None:
        """The JSON form parses and equals to_dict()."""
        assert json.loads(report.render("json")) == report.to_dict()

    def test_html_is_well_formed(self, report: Report) -> None:
        """The HTML fragment opens and closes its tags."""
        stack: list[str] = []

        class Checker(HTMLParser):
            def handle_starttag(self, tag: str, attrs: object) -> None:
                stack.append(tag)

            def handle_endtag(self, tag: str) -> None:
                assert stack.pop() == tag

        Checker().feed(report._repr_html_())
        assert stack == []

    def test_unknown_format(self, report: Report) -> None:
        """An unknown format names the choices."""
        with pytest.raises(InvalidOptionError, match="'markdown'"):
            report.render("pdf")  # type: ignore[arg-type]

    def test_as_of_text(self, dossier: Dossier) -> None:
        """as_of may be ISO text; bad text is a clear error."""
        assert dossier.report(as_of="2025-12-31").to_dict()["as_of"] == "2025-12-31"
        with pytest.raises(bilat.InvalidNumberError, match="31/12/2025"):
            dossier.report(as_of="31/12/2025")


class TestCommandLine:
    """bilat report and bilat validate."""

    def test_report_bundled(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Without PATH the bundled dossier is reported."""
        assert main(["report", "--as-of", "2025-12-31"]) == 0
        assert "Kazakhstan–Uzbekistan" in capsys.readouterr().out

    def test_report_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--format json prints the report data."""
        assert main(["report", "--as-of", "2025-12-31", "--format", "json"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert data["as_of"] == "2025-12-31"

    def test_report_bad_date(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A bad --as-of is a usage error (exit 2)."""
        assert main(["report", "--as-of", "yesterday"]) == 2
        assert "invalid date 'yesterday'" in capsys.readouterr().err

    def test_report_missing_file(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A missing file is one line on stderr and exit 1."""
        assert main(["report", str(tmp_path / "none.toml")]) == 1
        err = capsys.readouterr().err
        assert err.startswith("bilat: error:")
        assert "Traceback" not in err

    def test_validate_valid(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The bundled file is valid."""
        path = bilat.examples.path()
        assert main(["validate", str(path)]) == 0
        assert "valid (3 agreements, 5 projects" in capsys.readouterr().out

    def test_validate_lists_every_problem(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Every problem is listed with its field path."""
        bad = tmp_path / "bad.toml"
        bad.write_text('title = "x"\nparties = ["KZ", "XX"]\nprojets = []\n')
        assert main(["validate", str(bad)]) == 1
        err = capsys.readouterr().err
        assert "parties[1]: unknown country 'XX'" in err
        assert "projets: unknown field 'projets'" in err

    def test_installed_script(self) -> None:
        """The console script runs the report end to end."""
        script = Path(sys.executable).parent / "bilat"
        done = subprocess.run(
            [str(script), "report", "--as-of", "2025-12-31", "--locale", "ru"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert "Отчёт о ходе выполнения" in done.stdout


# -- figures beyond bilat's range ------------------------------------------------


def _leap_dossier() -> Dossier:
    """A valid dossier whose projection to 2100 is about 1E+696 USD."""
    usd = bilat.Money
    series = bilat.TradeSeries(
        ("KZ", "UZ"),
        "turnover",
        {2023: usd("4.6", "USD"), 2024: usd("5000000000", "USD")},
        reporter="KZ",
    )
    target = bilat.TradeTarget(("KZ", "UZ"), usd("1e10", "USD"), deadline=2100)
    return Dossier("Leap", ["KZ", "UZ"], targets=[target], series=[series])


class TestOutOfRange:
    """Figures beyond bilat's range are reported as such, never as a traceback."""

    FORMATS = ("text", "markdown", "json", "html")

    def test_every_format(self) -> None:
        """Each format names the figures that were not computed, and why."""
        report = _leap_dossier().report(as_of="2024-12-31")
        for format in ("text", "markdown"):
            out = report.render(format)
            assert (
                "not computed, beyond the numbers bilat holds: Projected at the "
                "deadline (too large), Anticipated progress (too large)"
            ) in out
        assert "Projected at the deadline (too large)" in report.render("html")
        (progress,) = report.to_dict()["targets"][0]["progress"]
        assert progress["out_of_range"] == {
            "projected": "too_large",
            "anticipated": "too_large",
        }
        assert progress["projected"] is None
        assert progress["status"] == "on_track"

    @pytest.mark.parametrize(
        ("locale", "words"),
        [
            ("en", "Projected at the deadline (too large)"),
            ("ru", "Прогноз к сроку (слишком велико)"),
            ("kk", "Мерзімге болжам (тым үлкен)"),
            ("uz", "Muddatga prognoz (juda katta)"),
        ],
    )
    def test_languages(self, locale: str, words: str) -> None:
        """The reason is written in the report's language."""
        report = _leap_dossier().report(as_of="2024-12-31", locale=locale)
        assert words in report.to_text()

    def test_conversion_beyond_range(self) -> None:
        """A value that converts beyond the range leaves that pair not measured."""
        rates = bilat.ExchangeRates.from_records(
            [(dt.date(2020, 1, 1), "USD", "KZT", "500")]
        )
        series = bilat.TradeSeries(
            ("KZ", "UZ"), "turnover", {2024: bilat.Money("9e99", "USD")}
        )
        target = bilat.TradeTarget(("KZ", "UZ"), bilat.Money("1e10", "KZT"))
        dossier = Dossier("x", ["KZ", "UZ"], targets=[target], series=[series])
        report = dossier.report(as_of="2024-12-31", rates=rates)
        (progress,) = report.to_dict()["targets"][0]["progress"]
        assert progress["status"] == "not_measured"
        assert "converted from USD to KZT is beyond" in progress["status_text"]

    def test_command_line(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`bilat validate` calls the file valid and `bilat report` reports it."""
        path = tmp_path / "leap.toml"
        _leap_dossier().dump(path)
        assert main(["validate", str(path)]) == 0
        capsys.readouterr()
        for format in self.FORMATS:
            argv = ["report", str(path), "--as-of", "2024-12-31", "--format", format]
            assert main(argv) == 0
            out, err = capsys.readouterr()
            assert "too large" in out or "too_large" in out
            assert err == ""

    @given(extreme_cases())
    @settings(max_examples=40)
    def test_any_valid_values(self, case: tuple[Any, Any, int]) -> None:
        """A dossier of any values bilat holds reports in every format."""
        target, series, as_of = case
        dossier = Dossier("Edges", ["KZ", "UZ"], targets=[target], series=[series])
        report = dossier.report(as_of=dt.date(as_of, 12, 31))
        for format in self.FORMATS:
            assert report.render(format)  # type: ignore[arg-type]
        json.loads(report.to_json())


# -- reports are values ----------------------------------------------------------


class TestReadOnly:
    """A report's data cannot be changed, at any depth."""

    def test_top_level(self, report: Report) -> None:
        """Assigning or deleting a key fails."""
        with pytest.raises(TypeError):
            report.data["title"] = "Changed"  # type: ignore[index]
        with pytest.raises(TypeError):
            del report.data["title"]  # type: ignore[attr-defined]

    def test_nested(self, report: Report) -> None:
        """Nested mappings are read-only and lists are tuples."""
        parties = report.data["parties"]
        assert isinstance(parties, tuple)
        with pytest.raises(TypeError):
            parties[0]["name"] = "Changed"
        with pytest.raises(AttributeError):
            parties.append({"code": "KG"})  # type: ignore[attr-defined]
        progress = report.data["targets"][0]["progress"][0]
        with pytest.raises(TypeError):
            progress["series"]["sources"][0]["title"] = "Changed"

    def test_to_dict_is_a_copy(self, report: Report) -> None:
        """Changing what to_dict returned leaves the report as it was."""
        before = report.to_json()
        data = report.to_dict()
        data["title"] = "Changed"
        data["parties"].append({"code": "KG", "name": "Kyrgyzstan"})
        data["parties"][0]["name"] = "Changed"
        assert report.to_json() == before
        assert report.to_dict()["parties"][0]["name"] == "Kazakhstan"

    def test_given_data_is_copied(self) -> None:
        """Data passed to Report is copied: changing the original changes nothing."""
        data: dict[str, Any] = {"title": "T", "items": [{"a": 1}]}
        report = Report(data)
        data["items"][0]["a"] = 2
        data["title"] = "U"
        assert report.to_dict() == {"title": "T", "items": [{"a": 1}]}

    def test_pickles(self, report: Report) -> None:
        """A report pickles and copies with the same data."""
        import copy
        import pickle

        again = pickle.loads(pickle.dumps(report))
        assert again.to_json() == report.to_json()
        assert copy.deepcopy(report).to_json() == report.to_json()

    def test_render_format_not_a_string(self, report: Report) -> None:
        """An unhashable format is refused like any unknown one."""
        with pytest.raises(InvalidOptionError):
            report.render(["html"])  # type: ignore[arg-type]

    def test_render_format_str_subclass(self, report: Report) -> None:
        """A str subclass is read as its text, whatever its own __hash__ does."""

        class Loud(str):
            __slots__ = ()

            def __hash__(self) -> int:
                raise RuntimeError

        assert report.render(Loud("json")) == report.to_json()  # type: ignore[arg-type]

    @pytest.mark.parametrize("indent", [-1, 17, 10**9])
    def test_indent_range(self, report: Report, indent: int) -> None:
        """indent is from 0 to 16 (a huge one would fill the memory)."""
        with pytest.raises(bilat.InvalidNumberError, match="invalid indent"):
            report.to_json(indent=indent)

    @pytest.mark.parametrize("indent", [1.5, "  ", True])
    def test_indent_type(self, report: Report, indent: object) -> None:
        """indent is an int or None."""
        with pytest.raises(bilat.NumberTypeError, match="invalid indent"):
            report.to_json(indent=indent)  # type: ignore[arg-type]
        assert "\n" not in report.to_json(indent=None)


# -- text from the dossier is shown, never run -----------------------------------

HOSTILE = "<script>alert('x')</script> *bold* _it_ [link](javascript:alert(1)) & #"


def _hostile_dossier(text: str) -> Dossier:
    """A dossier with ``text`` in every free-text field a report shows."""
    source = bilat.Source(text, publisher=text, url="https://example.org/a?b=<c>&d=[e]")
    project = bilat.Project(
        text, ["KZ"], "underway", value=bilat.Money(5, "USD"), sources=[source]
    )
    agreement = bilat.Agreement(text, ["KZ", "UZ"], "treaty", signed="2020-01-01")
    official = bilat.Official(text, text, "KZ")
    meeting = bilat.Meeting(dt.date(2024, 5, 1), [official], ["trade"])
    series = bilat.TradeSeries(
        ("KZ", "UZ"), "turnover", {2023: bilat.Money(4, "USD")}, sources=[source]
    )
    target = bilat.TradeTarget(("KZ", "UZ"), bilat.Money(10, "USD"), sources=[source])
    return Dossier(
        text,
        ["KZ", "UZ"],
        agreements=[agreement],
        projects=[project],
        targets=[target],
        series=[series],
        events=[meeting],
        sources=[source],
        relationship=text,
    )


class TestEscaping:
    """Dossier text reaches Markdown and HTML as text, not as markup."""

    def test_markdown(self) -> None:
        """HTML and Markdown syntax in dossier text is escaped in Markdown."""
        out = _hostile_dossier(HOSTILE).report(as_of=AS_OF).to_markdown()
        assert "<script" not in out
        assert "&lt;script&gt;alert('x')&lt;/script&gt;" in out
        assert r"\*bold\* \_it\_ \[link\](javascript:alert(1)) &amp; \#" in out
        assert "](javascript" not in out.replace(r"\](javascript", "")

    def test_markdown_links(self) -> None:
        """A source's URL stays a link: an autolink it cannot leave."""
        out = _hostile_dossier("Akorda").report(as_of=AS_OF).to_markdown()
        assert "<https://example.org/a?b=%3Cc%3E&d=[e]>" in out

    def test_markdown_blocks(self) -> None:
        """Text cannot start a heading, a list or a quote, nor add lines."""
        for text, shown in [
            ("# Heading", r"\# Heading"),
            ("- item", r"\- item"),
            ("1. item", r"1\. item"),
            ("> quote", "&gt; quote"),
            ("one\n# two", r"one \# two"),
        ]:
            out = _hostile_dossier(text).report(as_of=AS_OF).to_markdown()
            assert out.splitlines()[0] == "# " + shown

    def test_html(self) -> None:
        """The HTML report escapes the same text."""
        out = _hostile_dossier(HOSTILE).report(as_of=AS_OF).render("html")
        assert "<script" not in out
        assert "&lt;script&gt;" in out

    def test_text_unchanged(self) -> None:
        """The plain-text report shows the text as written."""
        out = _hostile_dossier(HOSTILE).report(as_of=AS_OF).to_text()
        assert HOSTILE in out

    @given(st.text(min_size=1, max_size=20).map(str.strip).filter(bool), st.booleans())
    @settings(max_examples=30)
    def test_any_text(self, text: str, front: bool) -> None:
        """No dossier text ever puts a raw <script in Markdown or HTML."""
        text = "<script>" + text if front else text + "<ScRiPt src=x>"
        report = _hostile_dossier(text).report(as_of=AS_OF)
        for out in (report.to_markdown(), report.render("html")):
            assert "<script" not in out.lower()


# -- controls in dossier text are shown, never acted on ------------------------------

#: Text that would act on a terminal or reorder a line if printed as it is.
CONTROL_TEXTS = (
    "\x1b[2J\x1b[31mFAKE",  # clear the screen, turn red
    "Report OK\roverwritten",  # back to the start of the line
    "abc\x08\x08\x08xyz",  # backspaces
    "\u202eevil\u202c",  # right-to-left override, pop
    "\u2066isolated\u2069 \u2067rtl\u2069 \u2068first\u2069",  # isolates
    "\u202a\u202b\u202d embeddings",
    "nul\x00 bell\x07 del\x7f",
    "c1\x9b31m csi, \x85nel",
    "one\u2028Targets\u2029-------",  # line and paragraph separators
    "two\nlines\r\nthree\x0bfour\x0cfive\x1cx",
    "tab\there",
    "bom\ufeff tag\U000e0041 word\u2060joiner",
)

#: Characters that act: every control, format character, separator and surrogate.
_ACTING = {"Cc", "Cf", "Cs", "Zl", "Zp"}

#: Format characters shown as they are: soft hyphen, ZWNJ, ZWJ, LRM, RLM, ALM.
KEPT = {"\xad", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c"}


def _acting(text: str) -> set[str]:
    """The characters of ``text`` that act, except the renderers' own line breaks."""
    return {c for c in text if unicodedata.category(c) in _ACTING} - {"\n"}


def _control_dossier(text: str) -> Dossier:
    """The dossier of every free-text field, with a sector and a measure too."""
    base = _hostile_dossier(text)
    update = bilat.ProgressUpdate(dt.date(2024, 1, 1), text, "5 km")
    project = bilat.Project(
        text, ["KZ"], "underway", value=bilat.Money(5, "USD"), sector=text,
        measures={text: "10 km"}, updates=[update],
    )  # fmt: skip
    return attrs.evolve(base, projects=[*base.projects, project])


def _renderings(report: Report) -> dict[str, str]:
    return {f: report.render(f) for f in ("text", "markdown", "json", "html")}


class TestControlCharacters:
    """Controls, bidi overrides and line breaks in dossier text cannot act."""

    @pytest.mark.parametrize("text", CONTROL_TEXTS)
    def test_every_format(self, text: str) -> None:
        """No format holds a raw control, override or separator from the dossier."""
        report = _control_dossier(text).report(as_of=AS_OF)
        for format, out in _renderings(report).items():
            assert _acting(out) == set(), format
        assert json.loads(report.to_json()) == report.to_dict()  # read back exactly
        assert report.to_dict()["title"] == text

    def test_notebook_tables(self) -> None:
        """The notebook tables of a dossier show no raw control either."""
        dossier = _control_dossier("".join(CONTROL_TEXTS))
        html = dossier._repr_html_() + dossier.portfolio._repr_html_()
        assert _acting(html) == set()
        assert r"\x1b[2J" in html

    def test_escapes_shown(self) -> None:
        """Controls show as their escapes, line breaks and tabs as spaces."""
        for text, shown in [
            ("\x1b[2J\x1b[31mFAKE", r"\x1b[2J\x1b[31mFAKE"),
            ("Report OK\roverwritten", "Report OK overwritten"),
            ("abc\x08\x08\x08xyz", r"abc\x08\x08\x08xyz"),
            ("\u202eevil\u202c", r"\u202eevil\u202c"),
            ("c1\x9b31m, \x85nel", r"c1\x9b31m,  nel"),
            ("one\u2028two\r\nthree\tfour", "one two three four"),
            ("tag\U000e0041", r"tag\U000e0041"),
        ]:
            out = _control_dossier(text).report(as_of=AS_OF)
            first, underline = out.to_text().splitlines()[:2]
            assert first == shown
            assert underline == "=" * len(shown)
            html = out.render("html")
            assert "<h1>" + shown.replace("&", "&amp;") + "</h1>" in html

    def test_no_forged_lines(self) -> None:
        """Line breaks in dossier text add no line to any report."""
        plain = _renderings(_control_dossier("x").report(as_of=AS_OF))
        for text in CONTROL_TEXTS:
            out = _renderings(_control_dossier(text).report(as_of=AS_OF))
            for format in ("text", "markdown", "json"):
                assert out[format].count("\n") == plain[format].count("\n")
            assert out["html"].count("\n") == plain["html"].count("\n")

    def test_json_escapes(self) -> None:
        """JSON writes controls, overrides and separators as \\u escapes."""
        out = _control_dossier("a\x9b\u202eb\u2028c").report(as_of=AS_OF).to_json()
        assert '"title": "a\\u009b\\u202eb\\u2028c"' in out

    def test_non_ascii_unchanged(self) -> None:
        """Letters, emoji, joiners, no-break spaces and flags show as written."""
        scotland = (
            "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"
        )
        for text in [
            "Казахстан–Узбекистан",
            "Oʻzbekiston Respublikasi",
            "中亚 合作",
            "👩\u200d💻 می\u200cخواهم",  # ZWJ emoji, ZWNJ in Persian
            "10\xa0000\u202fkm, Kon\xadferenz",  # no-break spaces, soft hyphen
            "עברית\u200f 2024 عربي\u061c",  # direction marks
            scotland + " Scotland",
        ]:
            report = _control_dossier(text).report(as_of=AS_OF)
            for format in ("text", "markdown", "html"):
                assert text in report.render(format), format
            assert text in report.to_json()
            assert report.to_text().splitlines()[0] == text

    @pytest.mark.parametrize("locale", ["ru", "ar", "ml"])
    def test_own_text_unchanged(self, locale: str) -> None:
        """CLDR's no-break spaces and direction marks in the report stay."""
        out = _control_dossier("x").report(as_of=AS_OF, locale=locale).to_text()
        # Dates by babel directly: 1\u202fмая, 01\u200f/05 and Malayalam script.
        assert format_date(dt.date(2024, 5, 1), "medium", locale=locale) in out
        if locale == "ru":
            assert "5\xa0$" in out
            assert "1 мая 2024\u202fг." in out
        if locale == "ar":
            assert "01\u200f/05\u200f/2024" in out

    @given(st.text(max_size=30), st.sampled_from(["text", "markdown"]))
    @settings(max_examples=50, deadline=None)
    def test_any_text(self, text: str, format: str) -> None:
        """Any dossier text: no C0/C1 control but the line ends, no override."""
        report = _hostile_dossier("x" + text).report(as_of=AS_OF)
        out = report.render(format)  # type: ignore[arg-type]
        assert not {c for c in out if c < " " or "\x7f" <= c <= "\x9f"} - {"\n"}
        assert not set(out) & set(
            "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
        )
        assert not set(out) & {"\u2028", "\u2029"}
        plain = _hostile_dossier("x").report(as_of=AS_OF).render(format)  # type: ignore[arg-type]
        assert out.count("\n") == plain.count("\n")

    @given(
        st.text(
            st.characters(exclude_characters="\U0001f3f4")
            | st.sampled_from("\ud800\udfff\r\n\x1b\x85\u202e\u2028\ufeff\u200d\xa0"),
            max_size=30,
        )
    )
    @settings(max_examples=50)
    def test_rule_by_character(self, text: str) -> None:
        """visible() blanks breaks and tabs and escapes controls, one by one."""

        def shown(char: str) -> str:
            if char == "\t" or len(f"a{char}b".splitlines()) == 2:
                return " "
            if unicodedata.category(char) in _ACTING and char not in KEPT:
                return char.encode("unicode_escape").decode("ascii")
            return char

        expected = "".join(shown(c) for c in text.replace("\r\n", "\n"))
        assert visible(text) == expected

    def test_command_line_messages(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Field names and paths from the user reach no terminal as controls."""
        bad = tmp_path / "bad.toml"
        bad.write_text(
            'title = "x"\nparties = ["KZ", "UZ"]\n"\\u001b[2Jkey\\u202e" = 1\n'
        )
        assert main(["validate", str(bad)]) == 1
        err = capsys.readouterr().err
        assert _acting(err) == set()
        assert "  \\x1b[2Jkey\\u202e: unknown field" in err
        good = tmp_path / "ok\x1b[31m.toml"
        good.write_text('title = "x"\nparties = ["KZ", "UZ"]\n')
        assert main(["validate", str(good)]) == 0
        out = capsys.readouterr().out
        assert _acting(out) == set()
        assert "ok\\x1b[31m.toml: valid" in out

    def test_command_line(self, tmp_path: Path) -> None:
        """bilat report writes no ESC byte for a dossier file holding one."""
        path = tmp_path / "hostile.json"
        _control_dossier("".join(CONTROL_TEXTS)).dump(path)
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "bilat",
                "report",
                str(path),
                "--as-of",
                "2025-12-31",
            ],
            capture_output=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert b"\x1b" not in done.stdout
        assert b"\r" not in done.stdout
        assert b"\\x1b[2J\\x1b[31mFAKE" in done.stdout
        assert "\u202e".encode() not in done.stdout


# -- agreements ------------------------------------------------------------------------

TCA = bilat.Source(
    "Kazakhstan's Parliament approves regulations for the Central Asia "
    "International Industrial Cooperation Center with Uzbekistan",
    publisher="The Times of Central Asia",
    url="https://timesca.com/kazakhstans-parliament-approves/",
)


def _agreements_dossier() -> Dossier:
    """One agreement in each status, one with a ratification and a note."""
    return Dossier(
        "KZ–UZ",
        ["KZ", "UZ"],
        agreements=[
            bilat.Agreement(
                "Treaty on Allied Relations",
                ["KZ", "UZ"],
                "treaty",
                signed="2022-12-22",
                in_force="2023-05-02",
            ),
            bilat.Agreement(
                "Centre agreement",
                ["KZ", "UZ"],
                "agreement",
                actions=[
                    bilat.TreatyAction(
                        "KZ", "ratification", "2025-02-05", sources=[TCA]
                    )
                ],
                note="The Mazhilis ratified it.",
            ),
            bilat.Agreement("Programme", ["KZ", "UZ"], "programme", signed=2025),
            bilat.Agreement("Old accord", ["KZ", "UZ"], "agreement", ends=2010),
            bilat.Agreement("Ended", ["KZ", "UZ"], "treaty", terminated="2024-03-01"),
            bilat.Agreement("Memorandum", ["KZ", "UZ"], "memorandum"),
        ],
    )


class TestAgreements:
    """Each agreement shows its status with the date behind it, and its actions."""

    def test_text(self) -> None:
        """In force since its entry into force; a ratification listed with its source."""
        text = _agreements_dossier().report(as_of=AS_OF).to_text()
        rows = [line.rstrip() for line in text.splitlines()]
        start = rows.index("Agreements")
        assert "\n".join(rows[start + 2 : start + 10]) + "\n" == (
            "Title                       Kind              Signed  In force since"
            "  Status\n"
            "--------------------------  ----------  ------------  --------------"
            "  ----------------------------\n"
            "Treaty on Allied Relations  treaty      Dec 22, 2022     May 2, 2023"
            "  in force since May 2, 2023\n"
            "Centre agreement            agreement              —               —"
            "  signed (date unknown)\n"
            "Programme                   programme           2025               —"
            "  signed 2025\n"
            "Old accord                  agreement              —               —"
            "  expired; in force until 2010\n"
            "Ended                       treaty                 —               —"
            "  terminated Mar 1, 2024\n"
            "Memorandum                  memorandum             —               —"
            "  proposed\n"
        )
        assert (
            "\n• Centre agreement\n"
            "  • Kazakhstan: ratification, Feb 5, 2025\n"
            "    • source: The Times of Central Asia, "
            "https://timesca.com/kazakhstans-parliament-approves/\n"
            "  • note: The Mazhilis ratified it.\n"
        ) in text

    def test_status_dated_by_entry_into_force(self) -> None:
        """An agreement in force is dated by its entry into force, not its signing."""
        text = _agreements_dossier().report(as_of=AS_OF).to_text()
        assert "  in force since May 2, 2023" in text
        assert "in force since Dec 22, 2022" not in text

    def test_markdown(self) -> None:
        """Actions are nested list items; the source URL is an autolink."""
        md = _agreements_dossier().report(as_of=AS_OF).to_markdown()
        row = "| Centre agreement | agreement | — | — | signed (date unknown) |\n"
        assert row in md
        assert (
            "- Centre agreement\n"
            "  - Kazakhstan: ratification, Feb 5, 2025\n"
            "    - source: The Times of Central Asia, "
            "<https://timesca.com/kazakhstans-parliament-approves/>\n"
        ) in md

    def test_data(self) -> None:
        """to_dict gives the status, its date and each action as data."""
        data = _agreements_dossier().report(as_of=AS_OF).to_dict()["agreements"]
        treaty, centre, programme = data[:3]
        assert (treaty["status"], treaty["status_date"]) == ("in_force", "2023-05-02")
        assert (treaty["signed"], treaty["entered_into_force"]) == (
            "2022-12-22",
            "2023-05-02",
        )
        assert (programme["signed"], programme["status_date"]) == (2025, 2025)
        assert (centre["status"], centre["status_date"]) == ("signed", None)
        assert centre["note"] == "The Mazhilis ratified it."
        (action,) = centre["actions"]
        assert {k: action[k] for k in ("party", "kind", "date")} == {
            "party": "KZ",
            "kind": "ratification",
            "date": "2025-02-05",
        }
        assert action["sources"][0]["publisher"] == "The Times of Central Asia"
        json.dumps(data)  # JSON-safe

    def test_html(self) -> None:
        """The HTML fragment nests the actions under their agreement."""
        html = _agreements_dossier().report(as_of=AS_OF)._repr_html_()
        assert "<td>signed (date unknown)</td>" in html
        assert (
            "<li>Centre agreement<ul>"
            "<li>Kazakhstan: ratification, Feb 5, 2025 (source: The Times of "
            'Central Asia, <a href="https://timesca.com/kazakhstans-parliament-'
            'approves/">https://timesca.com/kazakhstans-parliament-approves/</a>)</li>'
            "<li>note: The Mazhilis ratified it.</li></ul></li>"
        ) in html

    @pytest.mark.parametrize(
        ("locale", "lines"),
        [
            (
                "ru",
                [
                    "  действует с 2 мая 2023\u202fг.",
                    "Казахстан: ратификация, 5 февр. 2025\u202fг.",
                ],
            ),
            (
                "kk",
                [
                    "  күшінде, күшіне енген күні: 2023\u202fж. 02 мам.",
                    "  қол қойылған (күні белгісіз)",
                    "Қазақстан: ратификациялау, 2025\u202fж. 05 ақп.",
                ],
            ),
            (
                "uz",
                [
                    "  kuchda, kuchga kirgan sana: 2-may, 2023",
                    "  imzolangan (sanasi noma’lum)",
                    "Qozogʻiston: ratifikatsiya qilish, 5-fev, 2025",
                ],
            ),
        ],
    )
    def test_languages(self, locale: str, lines: list[str]) -> None:
        """Statuses, dates (CLDR's, narrow spaces included) and actions in each language."""
        text = _agreements_dossier().report(as_of=AS_OF, locale=locale).to_text()
        for line in lines:
            assert line in text

    def test_labels_in_every_language(self) -> None:
        """Each agreement label has its own Kazakh and Uzbek (Latin) text."""
        from bilat._present.labels import LABELS

        keys = [k for k in LABELS["en"] if k.startswith("action_")] + [
            "proposed",
            "signed",
            "in_force",
            "expired",
            "terminated",
            "signed_on",
            "in_force_since",
            "expired_after",
            "terminated_on",
            "note",
            "unknown_date",
        ]
        assert len(keys) == 19
        for key in keys:
            ru, kk, uz = (LABELS[lang][key] for lang in ("ru", "kk", "uz"))
            assert len({ru, kk, uz}) == 3, key
            assert not any("\u0400" <= c <= "\u04ff" for c in uz), key

    def test_bundled_dossier(self, report: Report) -> None:
        """The industrial centre's agreement shows Kazakhstan's ratification."""
        text = str(report)
        assert (
            "• Intergovernmental agreement on the Central Asia International Center "
            "for Industrial Cooperation\n"
            "  • Kazakhstan: ratification, Feb 5, 2025\n"
        ) in text


def _claims_report(*claims: bilat.Claim, **options: Any) -> Report:
    """The report of a dossier on KZ and UZ holding ``claims``."""
    return Dossier("Claims", ["KZ", "UZ"], claims=claims).report(as_of=AS_OF, **options)


def _groups(report: Report) -> dict[str, dict[int, dict[str, Any]]]:
    """The claims groups of a report by heading, each year's entry by year."""
    from bilat._present.report_claims import _heading

    return {
        _heading(g, "en"): {y["year"]: y for y in g["years"]}
        for g in report.to_dict()["claims"]
    }


NEWS = bilat.Source("News", url="https://example.org/news")


class TestClaimsOfSeveralKinds:
    """A subject whose claims come in several kinds is reported, never a crash."""

    @staticmethod
    def mixed() -> list[bilat.Claim]:
        """Capacity stated in Mt/a and in km, the km figures disagreeing."""
        pair = ("KZ", "UZ")
        return [
            bilat.Claim("capacity", 2024, bilat.Q_("20 Mt/a"), NEWS, parties=pair),
            bilat.Claim("capacity", 2024, bilat.Q_("5 km"), NEWS, parties=pair),
            bilat.Claim("capacity", 2024, bilat.Q_("7 km"), NEWS, parties=pair[::-1]),
        ]

    def test_report(self) -> None:
        """Mass flow and length are compared each alone: the 5 km and 7 km disagree."""
        groups = _groups(_claims_report(*self.mixed()))
        # 5 km and 7 km have no common value; 20 Mt/a is alone of its kind,
        # but its year is the subject's, so it is marked too.
        assert set(groups) == {
            "capacity (Kazakhstan–Uzbekistan), Mt/a",
            "capacity (Kazakhstan–Uzbekistan), km",
        }
        assert all(g[2024]["conflict"] for g in groups.values())

    def test_command_line(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """bilat report prints a dossier that bilat validate accepts."""
        path = tmp_path / "kinds.toml"
        d = Dossier("Kinds", ["KZ", "UZ"], claims=self.mixed())
        bilat.io.dump(d, path)
        assert main(["validate", str(path)]) == 0
        assert main(["report", str(path), "--as-of", "2025-12-31"]) == 0
        out = capsys.readouterr().out
        assert "\n  2024 ⚠  20 Mt/a ✓\n" in out
        assert "\n  2024 ⚠  5 km ✓; 7 km\n" in out
        assert "• ⚠ 2024: figures disagree\n" in out

    def test_cross_currency_single_rows(self) -> None:
        """With rates, 2.0 trillion tenge (≈ $3.81 bn) against $4.3 bn is flagged on both rows."""
        pair = ("KZ", "UZ")
        claims = [
            bilat.Claim("turnover", 2024, "2.0 trillion tenge", NEWS, parties=pair),
            bilat.Claim("turnover", 2024, "$4.3 bn", NEWS, parties=pair),
        ]
        # [1.95, 2.05) trillion / 525 = [3.714, 3.905) bn; $4.3 bn is [4.25, 4.35)
        rates = bilat.ExchangeRates.from_records([("2024-12-31", "USD", "KZT", "525")])
        report = _claims_report(*claims, rates=rates)
        groups = _groups(report)
        assert set(groups) == {
            "turnover (Kazakhstan–Uzbekistan), KZT",
            "turnover (Kazakhstan–Uzbekistan), USD",
        }
        assert all(g[2024]["conflict"] for g in groups.values())
        text = str(report)
        assert "\n  2024 ⚠  2.0 trillion tenge ✓\n" in text
        assert "\n  2024 ⚠  $4.3 bn ✓\n" in text
        assert text.count("• ⚠ 2024: figures disagree\n") == 2
        # without rates, each currency alone: nothing disagrees
        assert "⚠" not in str(_claims_report(*claims))

    @given(
        st.lists(
            claims(subjects=("turnover",))
            | claims(kind="quantity", subjects=("turnover",))
            | claims(kind="number", subjects=("turnover",))
            | claims(currency="KZT", subjects=("turnover",)),
            max_size=6,
        )
    )
    @settings(max_examples=30, deadline=None)
    def test_any_kinds(self, stated: list[bilat.Claim]) -> None:
        """Any claims give a report whose marked years are those disputed within a kind."""
        from bilat._claims import group_key
        from bilat._ledger import conflicts, group_claims

        data = _claims_report(*stated).to_dict()["claims"]
        marked = {
            (g["subject"], tuple(g["parties"]), y["year"])
            for g in data
            for y in g["years"]
            if y["conflict"]
        }
        # Without rates: within each kind alone, or across kinds when comparable
        # (never, as kinds differ): the union of each kind's own conflicts.
        expected = {
            group_key(c.claims[0]) for g in group_claims(stated) for c in conflicts(g)
        }
        assert marked == expected
        assert sum(
            len(c) for y in data for e in y["years"] for c in [e["claims"]]
        ) == len(set(stated))


class TestFlowDirection:
    """A flow's claims are marked and headed by their own direction."""

    def test_conflict_on_its_own_direction(self) -> None:
        """KZ→UZ $1.0 bn vs $2.0 bn disagree; UZ→KZ $1.55 bn is not marked."""
        report = _claims_report(
            bilat.Claim("exports", 2025, "$1.0 bn", NEWS, parties=("KZ", "UZ")),
            bilat.Claim("exports", 2025, "$2.0 bn", NEWS, parties=("KZ", "UZ")),
            bilat.Claim("exports", 2025, "$1.55 bn", NEWS, parties=("UZ", "KZ")),
        )
        groups = _groups(report)
        assert groups["exports (Kazakhstan → Uzbekistan)"][2025]["conflict"] is True
        assert groups["exports (Uzbekistan → Kazakhstan)"][2025]["conflict"] is False

    def test_turnover_heading_sorted(self) -> None:
        """Turnover's parties are named by alpha-2 order, whoever is first in the claim."""
        report = _claims_report(
            bilat.Claim("turnover", 2025, "$4.97 bn", NEWS, parties=("UZ", "KZ"))
        )
        assert list(_groups(report)) == ["turnover (Kazakhstan–Uzbekistan)"]
        assert report.to_dict()["claims"][0]["parties"] == ["KZ", "UZ"]

    def test_equal_claims_once(self) -> None:
        """A claim given twice is listed once, and is its year's only figure."""
        claim = bilat.Claim("turnover", 2025, "$4.97 bn", NEWS, parties=("KZ", "UZ"))
        (entry,) = _groups(_claims_report(claim, claim)).values()
        (only,) = entry[2025]["claims"]
        assert only["reason"] == "only"


class TestNotesAndReasons:
    """A claim's note is shown; the pick's reason says what decided it."""

    def test_note_after_who(self) -> None:
        """The note follows who said it in text, Markdown and HTML."""
        claim = bilat.Claim(
            "turnover", 2024, "$4.3 bn", NEWS, parties=("KZ", "UZ"),
            said_by="KZ", note="Leaders' talks.",
        )  # fmt: skip
        report = _claims_report(claim)
        # The note's closing full stop is left out after who said it.
        assert "\n• 2024, Kazakhstan: Leaders' talks\n" in str(report)
        markdown = report.to_markdown()
        assert "| Year | Kazakhstan |\n|---|---:|\n| 2024 | $4.3 bn ✓ |\n" in markdown
        assert "\n- 2024, Kazakhstan: Leaders' talks\n" in markdown
        assert "<li>2024, Kazakhstan: Leaders&#x27; talks</li>" in report._repr_html_()

    def test_only_dated(self) -> None:
        """The one dated of two figures is "the only dated statement", not the latest."""
        dated = bilat.Source("Dated", published=dt.date(2023, 9, 22))
        pair = ("KZ", "UZ")
        claims = [
            bilat.Claim("turnover", 2022, "$4.6 bn", dated, parties=pair),
            bilat.Claim("turnover", 2022, "$5.0 bn", NEWS, parties=pair),
        ]
        (entry,) = _groups(_claims_report(*claims)).values()
        picked = [c for c in entry[2022]["claims"] if c["used"]]
        assert [(c["text"], c["reason"]) for c in picked] == [("$4.6 bn", "only_dated")]
        assert "2022: $4.6 bn ✓ — the only dated statement\n" in str(
            _claims_report(*claims)
        )

    def test_latest_of_two_dates(self) -> None:
        """Of two dated figures the later is "the latest statement"."""
        pair = ("KZ", "UZ")
        claims = [
            bilat.Claim("turnover", 2022, "$4.6 bn", NEWS, parties=pair, stated=2023),
            bilat.Claim("turnover", 2022, "$5.0 bn", NEWS, parties=pair, stated=2024),
        ]
        (entry,) = _groups(_claims_report(*claims)).values()
        picked = [c for c in entry[2022]["claims"] if c["used"]]
        assert [(c["text"], c["reason"]) for c in picked] == [("$5.0 bn", "latest")]


class TestUrlInTable:
    """A URL cannot break the Markdown claims table."""

    def test_pipe(self) -> None:
        """A | in a source's URL is written %7C; a | in a name is escaped in its cell."""
        source = bilat.Source("News|Wire", url="https://example.org/a|b")
        claim = bilat.Claim("turnover", 2024, "$4.3 bn", source, parties=("KZ", "UZ"))
        md = _claims_report(claim).to_markdown()
        assert "| Year | News\\|Wire |\n" in md
        (row,) = [line for line in md.splitlines() if line.startswith("| 2024 ")]
        assert row == "| 2024 | $4.3 bn ✓ |"
        cited = "- News\\|Wire — source: News\\|Wire, <https://example.org/a%7Cb>\n"
        assert cited in md


class TestHtmlTargets:
    """The HTML report's target lines say what the text lines say."""

    def test_subject_base_and_approximate(self, report: Report) -> None:
        """Subject, deadline, base year and figure, and "(approximate)" are there."""
        html = report._repr_html_()
        assert (
            '<h4 class="bilat-target">Target: $10B, turnover (deadline 2030)</h4>'
        ) in html
        # the 2017 base is "about $2 bn", an estimate
        assert "<li>base 2017: $2B (approximate)</li>" in html


class TestUzbekLetters:
    """Uzbek labels write oʻ and gʻ one way, as CLDR's Uzbek mostly does."""

    def test_one_apostrophe(self) -> None:
        """Every Uzbek label uses ‘ (U+2018), none ʻ (U+02BB)."""
        from bilat._present.labels import LABELS

        texts = "".join(LABELS["uz"].values())
        assert "\u02bb" not in texts
        assert "o\u2018" in texts


class TestReportData:
    """A Report holds report data, a mapping."""

    @pytest.mark.parametrize("data", [5, "report", ["Kazakhstan"], None])
    def test_not_a_mapping(self, data: object) -> None:
        """Anything but a mapping is refused, naming the call that builds a report."""
        with pytest.raises(bilat.ValidationError, match=r"Dossier\.report\(\)"):
            Report(data)  # type: ignore[arg-type]
