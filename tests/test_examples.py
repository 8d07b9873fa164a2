"""The bundled Kazakhstan–Uzbekistan dossier models every fact of the seed article."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs
import pytest

import bilat
from bilat import (
    AgreementKind,
    Country,
    Dossier,
    Estimate,
    Money,
    ProjectStatus,
    Qualifier,
    Topic,
    TradeMetric,
)


@pytest.fixture(scope="module")
def dossier() -> Dossier:
    return bilat.examples.kazakhstan_uzbekistan()


def _project(dossier: Dossier, name: str) -> bilat.Project:
    (found,) = [p for p in dossier.projects if p.name == name]
    return found


class TestSeedTable:
    """Each row of the design's seed table is in the dossier."""

    def test_parties(self, dossier: Dossier) -> None:
        """Kazakhstan and Uzbekistan are the parties."""
        assert dossier.parties == (Country("KZ"), Country("UZ"))

    def test_officials(self, dossier: Dossier) -> None:
        """Tokayev, Saidov and Nurtleu with their roles and countries."""
        people = {(o.name, o.role, o.country.alpha2) for o in dossier.officials}
        assert people == {
            ("Kassym-Jomart Tokayev", "President", "KZ"),
            ("Bakhtiyor Saidov", "Foreign Minister", "UZ"),
            ("Murat Nurtleu", "Deputy Prime Minister and Foreign Minister", "KZ"),
        }

    def test_meetings_and_topics(self, dossier: Dossier) -> None:
        """The meetings cover trade, water, security, transit and transport, culture."""
        topics = {t for m in dossier.events for t in m.topics}
        assert {
            Topic.TRADE,
            Topic.WATER,
            Topic.SECURITY,
            Topic.TRANSIT,
            Topic.TRANSPORT,
            Topic.CULTURE,
        } <= topics
        # The article carries no date: no day is invented.
        assert all(m.when is None for m in dossier.events)

    def test_akorda_source_on_each_seed_fact(self, dossier: Dossier) -> None:
        """The Akorda report is cited by the seed's projects, target and meetings."""
        akorda = [s for s in dossier.sources if s.publisher == "Akorda press service"]
        assert len(akorda) == 1
        for name in (
            "Darbaza–Maktaaral railway",
            "Central Asia International Center for Industrial Cooperation",
            "Joint industrial projects under way",
            "Joint industrial projects planned",
            "Joint research on shared cultural heritage",
        ):
            assert akorda[0] in _project(dossier, name).sources
        assert all(akorda[0] in m.sources for m in dossier.events)

    def test_railway(self, dossier: Dossier) -> None:
        """Darbaza–Maktaaral: underway, transport, 152 km, 20 Mt a year, 106 km done."""
        rail = _project(dossier, "Darbaza–Maktaaral railway")
        assert rail.status is ProjectStatus.UNDERWAY
        assert rail.sector == "transport"
        assert rail.measures["length"] == bilat.Q_(152, "km")
        assert rail.measures["capacity"] == bilat.Q_(20, "Mt/year")
        # 106 / 152 = 0.69736842105263157894736842105263...
        done = rail.completion(dt.date(2025, 12, 31), measure="length")
        assert done is not None
        assert abs(done - Decimal(106) / Decimal(152)) < Decimal("1e-25")
        assert rail.completion(dt.date(2025, 11, 24), measure="length") is None

    def test_agreements_with_status(self, dossier: Dossier) -> None:
        """The 2024 roadmap and the March 2025 programme, signed on their dates."""
        kinds = {(a.kind, a.signed) for a in dossier.agreements}
        assert (AgreementKind.PROGRAMME, dt.date(2025, 3, 15)) in kinds
        assert (AgreementKind.ROADMAP, dt.date(2024, 2, 15)) in kinds
        assert {a.status(dt.date(2025, 12, 31)).value for a in dossier.agreements} == {
            "signed"
        }

    def test_centre_agreement_ratified(self, dossier: Dossier) -> None:
        """The centre's agreement: ratified by Kazakhstan on 5 February 2025, no signing date."""
        (centre,) = [a for a in dossier.agreements if a.actions]
        assert centre.kind is AgreementKind.AGREEMENT
        assert centre.signed is None
        (ratification,) = centre.actions
        assert ratification.party.alpha2 == "KZ"
        assert ratification.kind.value == "ratification"
        assert ratification.date == dt.date(2025, 2, 5)
        assert ratification.sources[0].url is not None
        assert "timesca.com" in ratification.sources[0].url
        assert centre.status_for("KZ", dt.date(2025, 2, 5)).value == "signed"
        assert centre.status_for("UZ", dt.date(2025, 12, 31)).value == "proposed"
        assert len(dossier.agreements) == 3

    def test_targets(self, dossier: Dossier) -> None:
        """$10 bn without deadline (the article), by 2030 (the programme); 152 km by 2026."""
        ten = Money(10_000_000_000, "USD")
        deadlines = {(t.subject, t.value, t.deadline) for t in dossier.targets}
        assert deadlines == {
            ("turnover", ten, None),
            ("turnover", ten, 2030),
            ("Darbaza–Maktaaral railway: length", bilat.Q_(152, "km"), 2026),
        }
        (formal,) = [t for t in dossier.targets if t.deadline == 2030]
        assert isinstance(formal, bilat.TradeTarget)
        assert formal.agreement is not None
        assert formal.agreement.kind is AgreementKind.PROGRAMME

    def test_targets_measured(self, dossier: Dossier) -> None:
        """Each target has a series to be measured against: claims or the update."""
        series = {(s.subject, tuple(s.values)) for s in dossier.all_series()}
        assert (
            "turnover",
            (2017, 2018, 2021, 2022, 2023, 2024, 2025),
        ) in series  # no figure for 2019 or 2020
        assert ("Darbaza–Maktaaral railway: length", (2025,)) in series
        assert dossier.series == ()  # every figure is a claim now

    def test_industrial_centre(self, dossier: Dossier) -> None:
        """The centre on the border covers 100 ha."""
        centre = _project(
            dossier, "Central Asia International Center for Industrial Cooperation"
        )
        assert centre.measures["area"] == bilat.Q_(100, "hectare")

    def test_joint_projects(self, dossier: Dossier) -> None:
        """12 underway for $156 million; 21 planned for nearly $1 billion."""
        underway = _project(dossier, "Joint industrial projects under way")
        assert (underway.count, underway.status, underway.value) == (
            12,
            ProjectStatus.UNDERWAY,
            Money("156000000", "USD"),
        )
        planned = _project(dossier, "Joint industrial projects planned")
        assert (planned.count, planned.status) == (21, ProjectStatus.PLANNED)
        assert planned.value == Estimate(Money(10**9, "USD"), Qualifier.NEARLY)

    def test_relationship(self, dossier: Dossier) -> None:
        """The relationship level is recorded in the article's words."""
        assert dossier.relationship == "dependable ally and strategic partner"

    def test_two_figures_for_2022(self, dossier: Dossier) -> None:
        """2022 turnover is $4.6 bn at the ministers' meeting, $5.0 bn by Kazakhstan."""
        said = {
            c.value: c.said_by
            for c in dossier.claims
            if c.subject == TradeMetric.TURNOVER.value and c.period == 2022
        }
        assert said == {
            Money("4600000000", "USD"): None,
            Money("5000000000", "USD"): Country("KZ"),
        }


#: FACTS.md's trade figures: subject, year, value, qualifier, source URL.
FACTS: list[tuple[str, int, str, Qualifier, str]] = [
    ("turnover", 2017, "2e9", Qualifier.ABOUT, "http://www.today.az/news/regions/181403.html"),
    ("turnover", 2018, "3e9", Qualifier.OVER, "https://timesca.com/kazakhstan-and-uzbekistan-agree-on-joint-projects/"),
    ("turnover", 2021, "3.9e9", Qualifier.EXACT, "https://menafn.com/1107125650/Kazakhstan-Uzbekistan-Discuss-Possibilities-Of-Expanding-Bilateral-Co-Op"),
    ("turnover", 2022, "4.6e9", Qualifier.EXACT, "https://menafn.com/1107125650/Kazakhstan-Uzbekistan-Discuss-Possibilities-Of-Expanding-Bilateral-Co-Op"),
    ("turnover", 2022, "5.0e9", Qualifier.EXACT, "https://www.inform.kz/en/kazakhstan-uzbekistan-see-moderate-growth-in-trade-turnover-since-year-start_a4069886"),
    ("turnover", 2023, "4.4e9", Qualifier.EXACT, "https://astanatimes.com/2024/04/president-tokayev-holds-informal-meeting-with-uzbek-president/"),
    ("turnover", 2023, "4.6e9", Qualifier.OVER, "https://timesca.com/kazakhstan-and-uzbekistan-to-build-central-asia-industrial-center/"),
    ("turnover", 2024, "4.3e9", Qualifier.ABOUT, "https://www.urdupoint.com/en/world/kazakhstan-uzbekistan-leaders-discuss-strate-1947241.html"),
    ("turnover", 2025, "4.97e9", Qualifier.EXACT, "https://menafn.com/1110686351/Plans-To-Action-Uzbek-Kazakh-Council-Steps-Up"),
    ("exports", 2025, "1.55e9", Qualifier.EXACT, "https://menafn.com/1110686351/Plans-To-Action-Uzbek-Kazakh-Council-Steps-Up"),
    ("imports", 2025, "3.4e9", Qualifier.EXACT, "https://menafn.com/1110686351/Plans-To-Action-Uzbek-Kazakh-Council-Steps-Up"),
]  # fmt: skip


class TestStatedFigures:
    """Every trade figure of the sourced facts is a claim, with its own source."""

    @staticmethod
    def _trade(dossier: Dossier) -> list[bilat.Claim]:
        return [
            c for c in dossier.claims if c.subject in ("turnover", "exports", "imports")
        ]

    def test_every_figure(self, dossier: Dossier) -> None:
        """Each row of the facts is one claim: year, value, qualifier and source URL."""
        found = []
        for c in self._trade(dossier):
            assert isinstance(c.value, Money | Estimate)  # trade figures are amounts
            value = c.value if isinstance(c.value, Estimate) else Estimate(c.value)
            assert value.currency.code == "USD"
            found.append(
                (c.subject, c.period, value.value.amount, value.qualifier, c.source.url)
            )
        expected = [(s, y, Decimal(v), q, u) for s, y, v, q, u in FACTS]
        assert sorted(found, key=str) == sorted(expected, key=str)

    def test_no_year_without_a_figure(self, dossier: Dossier) -> None:
        """No figure was found for 2019 or 2020, so there is none."""
        assert not {c.period for c in dossier.claims} & {2019, 2020}

    def test_exports_and_imports_are_uzbek(self, dossier: Dossier) -> None:
        """2025 exports and imports are Uzbekistan's flows with Kazakhstan."""
        flows = {
            c.subject: (c.parties, c.said_by)
            for c in self._trade(dossier)
            if c.subject != "turnover"
        }
        uz_kz = (Country("UZ"), Country("KZ"))
        assert flows == {
            "exports": (uz_kz, Country("UZ")),
            "imports": (uz_kz, Country("UZ")),
        }

    def test_parts_agree_with_the_total(self, dossier: Dossier) -> None:
        """Exports $1.55 bn and imports $3.4 bn, as rounded, allow turnover $4.97 bn."""
        claims = {c.subject: c for c in self._trade(dossier) if c.period == 2025}
        exports, imports = claims["exports"], claims["imports"]
        # [1.545, 1.555) + [3.35, 3.45) = [4.895, 5.005) bn, which holds 4.97 bn
        low = exports.low.amount + imports.low.amount  # type: ignore[union-attr]
        high = exports.high.amount + imports.high.amount  # type: ignore[union-attr]
        assert (low, high) == (Decimal("4.895e9"), Decimal("5.005e9"))
        assert low <= claims["turnover"].value.amount < high  # type: ignore[union-attr]

    def test_joint_projects(self, dossier: Dossier) -> None:
        """August 2024: 69 projects worth $3.1 bn; November 2025: 78 worth over $1.7 bn."""
        counts = {
            (c.period, c.subject): c.value
            for c in dossier.claims
            if c.subject in ("joint projects", "joint projects, value")
        }
        assert counts == {
            (2024, "joint projects"): Decimal(69),
            (2024, "joint projects, value"): Money("3.1e9", "USD"),
            (2025, "joint projects"): Decimal(78),
            (2025, "joint projects, value"): Estimate(
                Money("1.7e9", "USD"), Qualifier.OVER
            ),
        }


class TestProvenance:
    """Every figure in the bundled dossier has a source."""

    def test_every_record_cites(self, dossier: Dossier) -> None:
        """Agreements, projects, targets, series values and meetings all cite a URL or the seed."""
        for agreement in dossier.agreements:
            assert agreement.sources, agreement
        for project in dossier.projects:
            assert project.sources, project
        for target in dossier.targets:
            assert target.sources, target
        for s in dossier.all_series():
            for year in s.values:
                assert s.sources_for(year), (s, year)
        for claim in dossier.claims:
            assert claim.source.url, claim
        for update in (u for p in dossier.projects for u in p.updates):
            assert update.sources

    def test_sources_have_urls_except_the_seed(self, dossier: Dossier) -> None:
        """Only the undated seed article lacks a URL."""
        records: list[Any] = [
            *dossier.agreements,
            *dossier.projects,
            *dossier.targets,
            *dossier.series,
            *dossier.events,
            *(u for p in dossier.projects for u in p.updates),
            *(a for agreement in dossier.agreements for a in agreement.actions),
            dossier,
        ]
        everything = {
            src
            for item in records
            for src in attrs.asdict(item, recurse=False).get("sources", ())
        } | {c.source for c in dossier.claims}
        without = [s for s in everything if s.url is None]
        assert [s.publisher for s in without] == ["Akorda press service"]

    def test_loaded_through_public_load(self) -> None:
        """The example is the shipped TOML file read by bilat.load."""
        path = bilat.examples.path()
        assert path.suffix == ".toml"
        assert bilat.load(path) == bilat.examples.kazakhstan_uzbekistan()
