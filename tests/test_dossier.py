"""Dossier: construction, validation, portfolio, equality, repr and dump."""

from __future__ import annotations

import datetime as dt
import decimal
import re
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from tests.strategies import dossiers

if TYPE_CHECKING:
    from pathlib import Path

import bilat
from bilat import (
    Country,
    Dossier,
    Estimate,
    InvalidOptionError,
    Money,
    Official,
    Portfolio,
    Project,
    ProjectStatus,
    Qualifier,
    Source,
    ValidationError,
)

UNDERWAY = Project(
    "Joint industrial projects",
    ["KZ", "UZ"],
    ProjectStatus.UNDERWAY,
    value=Money(156_000_000, "USD"),
    count=12,
)
PLANNED = Project(
    "Planned joint projects",
    ["KZ", "UZ"],
    ProjectStatus.PLANNED,
    value=Estimate(Money(1_000_000_000, "USD"), Qualifier.NEARLY),
    count=21,
)

#: Names a repr may use, for eval.
NAMES: dict[str, Any] = {
    **{name: getattr(bilat, name) for name in bilat.__all__},  # Q_ is lazy
    "Decimal": decimal.Decimal,
    "datetime": dt,
}


def path_of(**kwargs: Any) -> str:
    """The path of the ValidationError a dossier with these fields raises."""
    fields: dict[str, Any] = {"title": "KZ–UZ", "parties": ["KZ", "UZ"], **kwargs}
    with pytest.raises(ValidationError) as info:
        Dossier(**fields)
    return info.value.path


class TestConstruction:
    """Fields are converted once, at construction."""

    def test_parties_from_codes(self) -> None:
        """Any ISO code form gives the same countries, in the order given."""
        d = Dossier("KZ–UZ", ["kaz", 860])
        assert d.parties == (Country("KZ"), Country("UZ"))

    def test_collections_become_tuples(self) -> None:
        """Lists and generators are kept as tuples."""
        d = Dossier(
            "KZ–UZ",
            ["KZ", "UZ"],
            projects=[UNDERWAY, PLANNED],
            sources=(s for s in [Source("Akorda")]),
        )
        assert d.projects == (UNDERWAY, PLANNED)
        assert d.sources == (Source("Akorda"),)

    def test_defaults(self) -> None:
        """Every collection defaults to empty and the texts to None."""
        d = Dossier("KZ–UZ", ["KZ", "UZ"])
        assert (d.agreements, d.projects, d.targets, d.series) == ((), (), (), ())
        assert (d.events, d.sources, d.officials) == ((), (), ())
        assert (d.relationship, d.note) == (None, None)

    def test_texts_are_stripped(self) -> None:
        """Title, relationship and note lose surrounding whitespace."""
        d = Dossier(
            " KZ–UZ ",
            ["KZ", "UZ"],
            relationship=" dependable ally and strategic partner\n",
            note=" n ",
        )
        assert d.title == "KZ–UZ"
        assert d.relationship == "dependable ally and strategic partner"
        assert d.note == "n"

    @pytest.mark.parametrize(
        ("fields", "path"),
        [
            ({"parties": ["KZ"]}, "parties"),
            ({"parties": ["KZ", "kaz"]}, "parties[1]"),
            ({"parties": ["KZ", "XX"]}, "parties[1]"),
            ({"title": "  "}, "title"),
            ({"title": 5}, "title"),
            ({"projects": [UNDERWAY, "railway"]}, "projects[1]"),
            ({"projects": UNDERWAY}, "projects"),
            ({"agreements": [UNDERWAY]}, "agreements[0]"),
            ({"targets": "x"}, "targets"),
            ({"series": [None]}, "series[0]"),
            ({"events": [UNDERWAY]}, "events[0]"),
            ({"officials": ["Tokayev"]}, "officials[0]"),
            ({"sources": ["Akorda"]}, "sources[0]"),
            ({"relationship": ""}, "relationship"),
            ({"note": 1}, "note"),
        ],
    )
    def test_invalid_fields(self, fields: dict[str, Any], path: str) -> None:
        """Each invalid field raises a ValidationError with its path."""
        assert path_of(**fields) == path

    def test_wrong_item_message(self) -> None:
        """The message names the expected class and shows the value."""
        with pytest.raises(
            ValidationError,
            match=r"^officials\[0\]: expected an Official, got 'Tokayev'$",
        ):
            Dossier("KZ–UZ", ["KZ", "UZ"], officials=["Tokayev"])  # type: ignore[list-item]

    @pytest.mark.parametrize(
        ("fields", "message"),
        [
            (
                {"series": [None]},
                r"^series\[0\]: expected a TradeSeries or a Series, got None$",
            ),
            (
                {"projects": UNDERWAY},
                r"^projects: expected a sequence of Project, got Project\(",
            ),
            ({"targets": "x"}, r"^targets: expected a sequence of a TradeTarget or "),
        ],
    )
    def test_sequence_messages(self, fields: dict[str, Any], message: str) -> None:
        """A bad item names its place and the classes; one record names the sequence."""
        with pytest.raises(ValidationError, match=message):
            Dossier("KZ–UZ", ["KZ", "UZ"], **fields)


class TestPortfolio:
    """The portfolio gathers the dossier's projects."""

    def test_portfolio(self) -> None:
        """Its projects are the dossier's; 12 + 21 lines count 33 projects."""
        d = Dossier("KZ–UZ", ["KZ", "UZ"], projects=[UNDERWAY, PLANNED])
        assert isinstance(d.portfolio, Portfolio)
        assert d.portfolio.projects == (UNDERWAY, PLANNED)
        assert d.portfolio.count == 33

    def test_empty(self) -> None:
        """A dossier without projects has an empty portfolio."""
        assert Dossier("KZ–UZ", ["KZ", "UZ"]).portfolio.count == 0


class TestValue:
    """Dossiers are frozen values compared by content."""

    def test_equal_and_hash(self) -> None:
        """Equal content gives equal dossiers with equal hashes."""
        a = Dossier("KZ–UZ", ["KZ", "UZ"], projects=[UNDERWAY])
        b = Dossier("KZ–UZ", ("KAZ", "UZB"), projects=(UNDERWAY,))
        assert a == b
        assert hash(a) == hash(b)
        assert a != attrs.evolve(a, projects=[PLANNED])

    def test_frozen(self) -> None:
        """Fields cannot be assigned."""
        d = Dossier("KZ–UZ", ["KZ", "UZ"])
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            d.title = "x"  # type: ignore[misc]

    def test_repr(self) -> None:
        """The repr shows title and parties, then fields that are not defaults."""
        d = Dossier(
            "KZ–UZ",
            ["KZ", "UZ"],
            officials=[Official("Bakhtiyor Saidov", "Foreign Minister", "UZ")],
        )
        assert repr(d) == (
            "Dossier('KZ–UZ', (Country('KZ'), Country('UZ')), "
            "officials=(Official('Bakhtiyor Saidov', 'Foreign Minister', 'UZ'),))"
        )

    @settings(
        max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    @given(dossiers())
    def test_repr_round_trips(self, d: Dossier) -> None:
        """eval(repr(d)) == d."""
        assert eval(repr(d), NAMES) == d


class TestDump:
    """Dossier.dump writes the format its suffix names."""

    @pytest.mark.parametrize(
        ("name", "first_line"),
        [("d.toml", 'format = "bilat/1"'), ("d.json", "{"), ("D.JSON", "{")],
    )
    def test_by_suffix(self, tmp_path: Path, name: str, first_line: str) -> None:
        """The suffix, in any case, chooses TOML or JSON."""
        path = tmp_path / name
        d = Dossier("KZ–UZ", ["KZ", "UZ"], projects=[UNDERWAY, PLANNED])
        d.dump(path)
        assert path.read_text(encoding="utf-8").splitlines()[0] == first_line
        assert bilat.load(path) == d

    def test_unknown_suffix(self, tmp_path: Path) -> None:
        """An unknown suffix names it and the accepted ones."""
        with pytest.raises(
            InvalidOptionError,
            match=re.escape(
                "unknown file suffix '.yml': expected one of '.json', '.toml'"
            ),
        ):
            Dossier("KZ–UZ", ["KZ", "UZ"]).dump(tmp_path / "d.yml")
