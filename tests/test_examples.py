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
        """$10 bn without deadline (the article) and by 2030 (the programme)."""
        ten = Money(10_000_000_000, "USD")
        deadlines = {(t.value, t.deadline) for t in dossier.targets}
        assert deadlines == {(ten, None), (ten, 2030)}
        (formal,) = [t for t in dossier.targets if t.deadline == 2030]
        assert formal.agreement is not None
        assert formal.agreement.kind is AgreementKind.PROGRAMME

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

    def test_two_reporters_disagree_on_2022(self, dossier: Dossier) -> None:
        """2022 turnover is $4.6 bn in one series and $5.0 bn in another."""
        values = {
            s.values[2022]
            for s in dossier.series
            if s.metric is TradeMetric.TURNOVER and 2022 in s.values
        }
        assert values == {Money("4600000000", "USD"), Money("5000000000", "USD")}


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
        for s in dossier.series:
            for year in s.values:
                assert s.sources_for(year), (s, year)
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
            dossier,
        ]
        everything = {
            src
            for item in records
            for src in attrs.asdict(item, recurse=False).get("sources", ())
        }
        without = [s for s in everything if s.url is None]
        assert [s.publisher for s in without] == ["Akorda press service"]

    def test_loaded_through_public_load(self) -> None:
        """The example is the shipped TOML file read by bilat.load."""
        path = bilat.examples.path()
        assert path.suffix == ".toml"
        assert bilat.load(path) == bilat.examples.kazakhstan_uzbekistan()
