"""Tests of ProjectStatus, ProgressUpdate and Project."""

from __future__ import annotations

import datetime as dt
import decimal
import inspect
import re
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pint
import pytest
from hypothesis import given
from tests.strategies import progress_updates, projects

import bilat
from bilat import (
    Country,
    Estimate,
    InvalidOptionError,
    Money,
    ProgressUpdate,
    Project,
    ProjectStatus,
    Qualifier,
    Source,
    UnitMismatchError,
    ValidationError,
)
from bilat._project import IATI_ACTIVITY_STATUS_URL

#: Names a repr may use, as a user who ran ``from bilat import *`` has them.
NAMESPACE: dict[str, Any] = {
    **{name: getattr(bilat, name) for name in bilat.__all__},
    "Decimal": Decimal,
}

AKORDA = Source("Akorda press service report", publisher="Akorda press service")


def railway(**changes: Any) -> Project:
    """The railway of the examples: 152 km, 106 km done by 2025-11-25."""
    fields: dict[str, Any] = {
        "sector": "transport",
        "measures": {"length": "152 km"},
        "updates": [ProgressUpdate("2025-11-25", "length", "106 km")],
    }
    fields.update(changes)
    return Project("Darbaza–Maktaaral railway", ["KZ"], "underway", **fields)


class TestProjectStatus:
    """Statuses have lowercase values and map both ways to IATI codes."""

    def test_values_are_lowercase_names(self) -> None:
        """Each value is the member's name in lower case, in the documented order."""
        assert [s.value for s in ProjectStatus] == [
            "planned",
            "underway",
            "completed",
            "suspended",
            "cancelled",
        ]

    @pytest.mark.parametrize(
        ("code", "status"),
        [
            (1, ProjectStatus.PLANNED),
            (2, ProjectStatus.UNDERWAY),
            (3, ProjectStatus.COMPLETED),
            (4, ProjectStatus.COMPLETED),
            (5, ProjectStatus.CANCELLED),
            (6, ProjectStatus.SUSPENDED),
        ],
    )
    def test_from_iati(self, code: int, status: ProjectStatus) -> None:
        """Each IATI code, as int or as text, gives the documented status."""
        assert ProjectStatus.from_iati(code) is status
        assert ProjectStatus.from_iati(str(code)) is status

    @pytest.mark.parametrize(
        ("status", "code"),
        [
            (ProjectStatus.PLANNED, 1),
            (ProjectStatus.UNDERWAY, 2),
            (ProjectStatus.COMPLETED, 3),
            (ProjectStatus.CANCELLED, 5),
            (ProjectStatus.SUSPENDED, 6),
        ],
    )
    def test_iati_code(self, status: ProjectStatus, code: int) -> None:
        """COMPLETED goes back to 3 (Finalisation); the others to their one code."""
        assert status.iati_code == code

    @pytest.mark.parametrize("status", list(ProjectStatus))
    def test_round_trip(self, status: ProjectStatus) -> None:
        """from_iati undoes iati_code for every status."""
        assert ProjectStatus.from_iati(status.iati_code) is status

    @pytest.mark.parametrize("code", [0, 7, -1, "7", "x", "", "2.0", 2.0, True, None])
    def test_unknown_code(self, code: object) -> None:
        """Anything but the six codes is refused, naming the code and the valid ones."""
        with pytest.raises(InvalidOptionError) as info:
            ProjectStatus.from_iati(code)  # type: ignore[arg-type]
        message = str(info.value)
        assert f"IATI activity status code {code!r}" in message
        assert "'1', '2', '3', '4', '5', '6'" in message

    def test_codelist_is_cited(self) -> None:
        """The class documents the codelist it maps to."""
        assert ProjectStatus.__doc__ is not None
        assert IATI_ACTIVITY_STATUS_URL in ProjectStatus.__doc__
        assert IATI_ACTIVITY_STATUS_URL == (
            "https://iatistandard.org/en/iati-standard/203/codelists/activitystatus/"
        )


class TestProgressUpdate:
    """Updates convert their fields once and refuse what is not a dated quantity."""

    def test_fields(self) -> None:
        """Text becomes a date and a quantity of bilat's registry."""
        u = ProgressUpdate("2025-11-25", "length", "106 km", sources=[AKORDA])
        assert u.date == dt.date(2025, 11, 25)
        assert u.measure == "length"
        assert u.done == bilat.Q_(106, "km")
        assert u.done.magnitude == Decimal(106)
        assert u.sources == (AKORDA,)

    def test_quantity_of_another_registry(self) -> None:
        """A pint quantity of any registry is rebuilt in bilat's, exactly."""
        other: pint.UnitRegistry[Any] = pint.UnitRegistry()
        u = ProgressUpdate(dt.date(2025, 1, 1), "length", other.Quantity(50.5, "km"))
        assert u.done.magnitude == Decimal("50.5")
        assert u.done.to("m").magnitude == 50_500

    def test_text_forms(self) -> None:
        """Spaces, underscores, exponents and bare numbers are read."""
        assert ProgressUpdate("2025-01-01", "x", "152km").done == bilat.Q_(152, "km")
        assert ProgressUpdate("2025-01-01", "x", " 1_500 t ").done == bilat.Q_(
            1500, "t"
        )
        assert ProgressUpdate("2025-01-01", "x", "1.5E+3 m").done == bilat.Q_(1500, "m")
        assert ProgressUpdate("2025-01-01", "x", "12").done == bilat.Q_(
            12, "dimensionless"
        )

    def test_zero_is_allowed(self) -> None:
        """Nothing done yet is a valid update."""
        assert ProgressUpdate("2025-01-01", "x", "0 km").done.magnitude == 0

    @pytest.mark.parametrize(
        ("args", "path", "pattern"),
        [
            (("2025-13-01", "length", "1 km"), "date", "ISO date"),
            ((20250101, "length", "1 km"), "date", "20250101"),
            (
                (dt.datetime(2025, 1, 1, 12, 0), "length", "1 km"),
                "date",
                r"\.date\(\)",
            ),
            (("2025-01-01", "  ", "1 km"), "measure", "non-empty"),
            (("2025-01-01", 3, "1 km"), "measure", "expected a string"),
            (("2025-01-01", "length", 106), "done", "expected a quantity"),
            (("2025-01-01", "length", "km 106"), "done", "'km 106'"),
            (("2025-01-01", "length", "106 furlongz"), "done", "furlongz"),
            (("2025-01-01", "length", "106 degC"), "done", "multiplicative"),
            (("2025-01-01", "length", "-1 km"), "done", "zero or more"),
            (("2025-01-01", "length", "1..2 km"), "done", "1..2"),
        ],
    )
    def test_invalid(self, args: tuple[object, ...], path: str, pattern: str) -> None:
        """Each invalid field raises a ValidationError with that field's path."""
        with pytest.raises(ValidationError, match=pattern) as info:
            ProgressUpdate(*args)  # type: ignore[arg-type]
        assert info.value.path == path

    def test_invalid_sources(self) -> None:
        """Sources must be Source values."""
        with pytest.raises(ValidationError, match="expected a Source") as info:
            ProgressUpdate("2025-01-01", "x", "1 km", sources=["Akorda"])  # type: ignore[list-item]
        assert info.value.path == "sources[0]"

    def test_repr(self) -> None:
        """The repr shows ISO dates and quantities as text, and reads back."""
        u = ProgressUpdate("2025-11-25", "length", "106 km", sources=[AKORDA])
        assert repr(u) == (
            "ProgressUpdate('2025-11-25', 'length', '106 kilometer', "
            "sources=(Source('Akorda press service report', "
            "publisher='Akorda press service'),))"
        )
        assert eval(repr(u), NAMESPACE) == u

    @given(progress_updates())
    def test_repr_round_trip(self, update: ProgressUpdate) -> None:
        """eval(repr(u)) == u for any update, with an equal hash."""
        again = eval(repr(update), NAMESPACE)
        assert again == update
        assert hash(again) == hash(update)


class TestSeedProjects:
    """The project lines of the seed article are modelled as the design says."""

    def test_twelve_underway(self) -> None:
        """'12 joint projects valued at $156 million already underway'."""
        line = Project(
            "Joint industrial cooperation projects",
            (Country("KZ"), Country("UZ")),
            ProjectStatus.UNDERWAY,
            value=Money("156000000", "USD"),
            count=12,
            sources=[AKORDA],
        )
        assert line.count == 12
        assert line.value == Money(156_000_000, "USD")
        assert line.status is ProjectStatus.UNDERWAY
        assert line.parties == (Country("KZ"), Country("UZ"))

    def test_twenty_one_planned(self) -> None:
        """'an additional 21 projects worth nearly $1 billion' (status as text)."""
        line = Project(
            "Planned joint projects",
            ("KAZ", 860),
            "planned",
            value=Estimate.parse("nearly $1 billion"),
            count=21,
        )
        assert line.status is ProjectStatus.PLANNED
        assert line.parties == (Country("KZ"), Country("UZ"))
        assert isinstance(line.value, Estimate)
        assert line.value.qualifier is Qualifier.NEARLY
        assert line.value.low == Money(900_000_000, "USD")
        assert line.value.high == Money(1_000_000_000, "USD")

    def test_defaults(self) -> None:
        """Everything but name, parties and status is optional."""
        p = Project("Central Asia International Center", ["KZ", "UZ"], "planned")
        assert (p.value, p.sector, p.count, p.start, p.end, p.location) == (
            None,
            None,
            1,
            None,
            None,
            None,
        )
        assert dict(p.measures) == {}
        assert p.updates == ()
        assert p.sources == ()


class TestDates:
    """start and end are days or years, never out of order."""

    def test_forms(self) -> None:
        """Dates, ISO strings and int years are kept as date or int."""
        p = railway(start="2024-03-01", end=2026)
        assert p.start == dt.date(2024, 3, 1)
        assert p.end == 2026
        p = railway(start=2024, end=dt.date(2026, 12, 31))
        assert (p.start, p.end) == (2024, dt.date(2026, 12, 31))

    def test_year_as_text(self) -> None:
        """A year written as its four digits is stored as the int year."""
        p = railway(start="2024", end="2026")
        assert (p.start, p.end) == (2024, 2026)
        assert type(p.start) is int
        assert "start=2024, end=2026" in repr(p)

    @pytest.mark.parametrize(
        ("start", "end"),
        [
            ("2026-01-01", "2026-01-01"),
            (2026, "2026-01-01"),
            ("2026-12-31", 2026),
            (2026, 2026),
            (2025, 2026),
        ],
    )
    def test_in_order(self, start: object, end: object) -> None:
        """Equal days, and a year against a day of the same year, are in order."""
        railway(start=start, end=end)

    @pytest.mark.parametrize(
        ("start", "end", "message"),
        [
            ("2026-01-02", "2026-01-01", "end 2026-01-01 is before start 2026-01-02"),
            (2027, "2026-12-31", "end 2026-12-31 is before start 2027"),
            ("2027-01-01", 2026, "end 2026 is before start 2027-01-01"),
            (2027, 2026, "end 2026 is before start 2027"),
        ],
    )
    def test_out_of_order(self, start: object, end: object, message: str) -> None:
        """An end before the start is refused, naming both."""
        with pytest.raises(ValidationError, match=re.escape(message)) as info:
            railway(start=start, end=end)
        assert info.value.path == "end"

    @pytest.mark.parametrize(
        ("value", "pattern"),
        [
            (0, "from 1 to 9999"),
            (10_000, "from 1 to 9999"),
            (True, "or a year"),
            (2026.0, "or a year"),
            ("0000", "or a year"),
            ("２０２６", "or a year"),
            ("2026-02-30", "or a year"),
            (dt.datetime(2026, 1, 1, 9, 30), r"\.date\(\)"),
        ],
    )
    @pytest.mark.parametrize("field", ["start", "end"])
    def test_invalid(self, field: str, value: object, pattern: str) -> None:
        """Anything but a date, an ISO date or a year is refused for either field."""
        with pytest.raises(ValidationError, match=pattern) as info:
            railway(**{field: value})
        assert info.value.path == field


class TestValidation:
    """Every other field is checked once, at construction, with its path."""

    @pytest.mark.parametrize(
        ("changes", "path", "pattern"),
        [
            ({"name": ""}, "name", "non-empty"),
            ({"name": None}, "name", "expected a string"),
            ({"parties": "KZ"}, "parties", "sequence of at least one country"),
            ({"parties": Country("KZ")}, "parties", "sequence of at least one country"),
            ({"parties": 398}, "parties", "sequence of at least one country"),
            ({"parties": []}, "parties", "at least one country"),
            ({"parties": ["KZ", "XX"]}, "parties[1]", "unknown country 'XX'"),
            ({"parties": ["KZ", "UZ", "KAZ"]}, "parties[2]", "named twice"),
            ({"status": "ongoing"}, "status", "'ongoing'.*'planned', 'underway'"),
            ({"status": 2}, "status", "unknown project status 2"),
            ({"value": 156_000_000}, "value", "Money, an Estimate or None"),
            ({"value": "$156 million"}, "value", "Money.parse"),
            ({"value": Money(-1, "USD")}, "value", "zero or more"),
            ({"value": Estimate(Money(-5, "USD"))}, "value", "zero or more"),
            ({"sector": "  "}, "sector", "non-empty"),
            ({"location": 5}, "location", "expected a string"),
            ({"count": 0}, "count", "from 1 to 1,000,000,000, got 0"),
            ({"count": True}, "count", "got True"),
            ({"count": 2.0}, "count", "got 2.0"),
            ({"measures": [("length", "152 km")]}, "measures", "mapping"),
            ({"measures": {"": "152 km"}}, "measures['']", "non-empty"),
            ({"measures": {"length": "0 km"}}, "measures['length']", "greater"),
            ({"measures": {"length": 152}}, "measures['length']", "quantity"),
            ({"measures": {"length": "152 xyzzy"}}, "measures['length']", "xyzzy"),
            (
                {"measures": {"length": "1 km", " length": "2 km"}, "updates": ()},
                "measures['length']",
                "given twice",
            ),
            ({"updates": "106 km"}, "updates", "sequence of ProgressUpdate"),
            (
                {"updates": [("2025-11-25", "length", "106 km")]},
                "updates[0]",
                "ProgressUpdate",
            ),
            (
                {
                    "updates": [
                        ProgressUpdate("2025-01-01", "length", "1 km"),
                        ProgressUpdate("2025-01-01", "lenght", "2 km"),
                    ]
                },
                "updates[1].measure",
                "unknown measure 'lenght': expected one of 'length'",
            ),
            (
                {"measures": {}},
                "updates[0].measure",
                "the project has no measures",
            ),
            (
                {
                    "updates": [
                        ProgressUpdate("2025-02-01", "length", "1 km"),
                        ProgressUpdate("2025-01-01", "length", "2 km"),
                        ProgressUpdate("2025-02-01", "length", "3 km"),
                    ]
                },
                "updates[2]",
                re.escape("second update of 'length' on 2025-02-01 (the first is "),
            ),
            ({"sources": "Akorda"}, "sources", "sequence of Source"),
        ],
    )
    def test_invalid(self, changes: dict[str, Any], path: str, pattern: str) -> None:
        """The error's path names the offending field."""
        fields: dict[str, Any] = {
            "name": "Railway",
            "parties": ["KZ"],
            "status": "underway",
            "measures": {"length": "152 km"},
            "updates": [ProgressUpdate("2025-11-25", "length", "106 km")],
        }
        fields.update(changes)
        with pytest.raises(ValidationError, match=pattern) as info:
            Project(**fields)
        assert info.value.path == path

    def test_unit_mismatch(self) -> None:
        """An update in a unit of another dimension names both units."""
        with pytest.raises(UnitMismatchError) as info:
            railway(updates=[ProgressUpdate("2025-11-25", "length", "106 t")])
        assert info.value.left == "kilometer"
        assert info.value.right == "metric_ton"
        assert "updates[0].done" in str(info.value)
        assert isinstance(info.value, TypeError)

    def test_evolve_validates(self) -> None:
        """attrs.evolve goes through the same checks."""
        with pytest.raises(ValidationError, match="from 1 to 1,000,000,000"):
            attrs.evolve(railway(), count=-3)


class TestStoredForm:
    """Fields are kept in one normal, immutable form."""

    def test_updates_sorted(self) -> None:
        """Updates are kept by date, then by measure name."""
        a = ProgressUpdate("2025-11-25", "length", "106 km")
        b = ProgressUpdate("2024-06-01", "length", "40 km")
        c = ProgressUpdate("2024-06-01", "bridges", "2")
        p = railway(measures={"length": "152 km", "bridges": "5"}, updates=[a, b, c])
        assert p.updates == (c, b, a)

    def test_single_update(self) -> None:
        """A single update is a tuple of one."""
        u = ProgressUpdate("2025-11-25", "length", "106 km")
        assert railway(updates=u).updates == (u,)

    def test_measures_read_only_and_sorted(self) -> None:
        """Measures are a read-only mapping sorted by name."""
        p = railway(measures={"length": "152 km", "bridges": "5"})
        assert list(p.measures) == ["bridges", "length"]
        assert p.measures["length"] == bilat.Q_(152, "km")
        with pytest.raises(TypeError):
            p.measures["length"] = bilat.Q_(1, "km")  # type: ignore[index]

    def test_frozen(self) -> None:
        """Fields cannot be assigned."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            railway().count = 2  # type: ignore[misc]

    def test_equality_is_by_meaning(self) -> None:
        """Equal measures in other units, or given in another order, are equal."""
        a = railway(measures={"length": "152 km", "bridges": "5"})
        b = railway(measures={"bridges": "5", "length": "152000 m"})
        assert a == b
        assert hash(a) == hash(b)
        assert railway(count=2) != railway()


class TestCompletion:
    """completion() is the latest done / planned, in the measure's unit."""

    def test_railway(self) -> None:
        """106 km of 152 km is 53/76, to the library's 60 digits."""
        result = railway().completion()
        assert isinstance(result, Decimal)
        # 53/76 = 0.69736842105263157894736842105263157894... (worked by hand)
        assert str(result).startswith("0.697368421052631578947368421052631578947")
        assert abs(Fraction(result) - Fraction(106, 152)) < Fraction(1, 10**59)

    def test_mixed_units(self) -> None:
        """An update in metres of a measure in kilometres is converted exactly."""
        p = railway(
            measures={"length": "2 km"},
            updates=[ProgressUpdate("2025-01-01", "length", "500 m")],
        )
        assert p.completion() == Decimal("0.25")
        assert (
            railway(
                updates=[ProgressUpdate("2025-11-25", "length", "106000 m")]
            ).completion()
            == railway().completion()
        )

    def test_miles(self) -> None:
        """One mile of 1.609344 km (its exact definition) is all of it."""
        p = railway(
            measures={"length": "1.609344 km"},
            updates=[ProgressUpdate("2025-01-01", "length", "1 mile")],
        )
        assert p.completion() == 1

    def test_as_of(self) -> None:
        """The latest update on or before as_of counts; before any there is None."""
        p = railway(
            measures={"length": "200 km"},
            updates=[
                ProgressUpdate("2024-06-01", "length", "50 km"),
                ProgressUpdate("2025-11-25", "length", "150 km"),
            ],
        )
        assert p.completion("2024-05-31") is None
        assert p.completion("2024-06-01") == Decimal("0.25")
        assert p.completion(dt.date(2025, 11, 24)) == Decimal("0.25")
        assert p.completion(dt.date(2025, 11, 25)) == Decimal("0.75")
        assert p.completion() == Decimal("0.75")

    def test_overrun(self) -> None:
        """More done than planned gives a fraction above 1."""
        p = railway(updates=[ProgressUpdate("2025-01-01", "length", "190 km")])
        assert p.completion() == Decimal("1.25")

    def test_no_updates(self) -> None:
        """Without an update, or without measures, there is no completion."""
        assert railway(updates=()).completion() is None
        assert Project("Centre", ["KZ", "UZ"], "planned").completion() is None

    def test_several_measures(self) -> None:
        """measure= picks one; each measure has its own updates."""
        p = railway(
            measures={"length": "152 km", "stations": "8"},
            updates=[
                ProgressUpdate("2025-11-25", "length", "76 km"),
                ProgressUpdate("2025-12-01", "stations", "2"),
            ],
        )
        assert p.completion(measure="length") == Decimal("0.5")
        assert p.completion(measure="stations") == Decimal("0.25")
        assert p.completion("2025-11-30", measure="stations") is None
        latest = p.latest_update(measure="stations")
        assert latest == ProgressUpdate("2025-12-01", "stations", "2")

    def test_ambiguous_measure(self) -> None:
        """Leaving measure out when there are several is refused, listing them."""
        p = railway(measures={"length": "152 km", "stations": "8"})
        with pytest.raises(InvalidOptionError, match="'length', 'stations'"):
            p.completion()

    def test_unknown_measure(self) -> None:
        """An unknown measure name is refused, listing the known ones."""
        with pytest.raises(InvalidOptionError, match=r"unknown measure 'km'.*'length'"):
            railway().completion(measure="km")

    def test_measure_without_measures(self) -> None:
        """Naming a measure of a project that has none is refused."""
        p = Project("Centre", ["KZ", "UZ"], "planned")
        with pytest.raises(ValidationError, match="'Centre' has no measures"):
            p.completion(measure="length")

    def test_invalid_as_of(self) -> None:
        """as_of must be a date."""
        with pytest.raises(ValidationError, match="as_of"):
            railway().completion(as_of="yesterday")

    def test_caller_context_ignored(self) -> None:
        """The caller's decimal precision does not change the result."""
        expected = railway().completion()
        with decimal.localcontext(decimal.Context(prec=3, rounding=decimal.ROUND_DOWN)):
            assert railway().completion() == expected


class TestRepr:
    """The repr is readable and reads back to an equal project."""

    def test_seed_line(self) -> None:
        """The repr of a seed line, written out."""
        line = Project(
            "Joint projects",
            ["KZ", "UZ"],
            "underway",
            value=Money("156000000", "USD"),
            count=12,
        )
        assert repr(line) == (
            "Project('Joint projects', ('KZ', 'UZ'), ProjectStatus.UNDERWAY, "
            "value=Money('156000000', 'USD'), count=12)"
        )

    def test_every_field(self) -> None:
        """Every field that is set appears, dates as ISO strings or years."""
        p = railway(
            value=Estimate.parse("nearly $1 billion"),
            start="2024-03-01",
            end=2026,
            location="Turkistan region",
            sources=[AKORDA],
        )
        assert repr(p) == (
            "Project('Darbaza–Maktaaral railway', ('KZ',), ProjectStatus.UNDERWAY, "
            "value=Estimate(Money('1000000000', 'USD'), Qualifier.NEARLY), "
            "sector='transport', start='2024-03-01', end=2026, "
            "location='Turkistan region', measures={'length': '152 kilometer'}, "
            "updates=(ProgressUpdate('2025-11-25', 'length', '106 kilometer'),), "
            "sources=(Source('Akorda press service report', "
            "publisher='Akorda press service'),))"
        )
        assert eval(repr(p), NAMESPACE) == p

    @given(projects(currency=None))
    def test_round_trip(self, project: Project) -> None:
        """eval(repr(p)) == p for any project, with an equal hash."""
        again = eval(repr(project), NAMESPACE)
        assert again == project
        assert hash(again) == hash(project)


class TestQuantityEquality:
    """Measures compare by their exact size, whatever the caller's context."""

    @pytest.mark.parametrize("prec", [1, 3, 28])
    def test_caller_precision(self, prec: int) -> None:
        """1 mile equals 1.609344 km even when the caller computes with 3 digits."""
        mile = Project("P", ["KZ"], "planned", measures={"length": bilat.Q_(1, "mile")})
        km = Project(
            "P", ["KZ"], "planned", measures={"length": bilat.Q_("1.609344", "km")}
        )
        with decimal.localcontext() as context:
            context.prec = prec
            assert mile == km
            assert hash(mile) == hash(km)

    def test_different_sizes(self) -> None:
        """A mile and 1.609 km differ, in any context."""
        with decimal.localcontext() as context:
            context.prec = 3
            assert ProgressUpdate("2025-01-01", "length", "1 mile") != ProgressUpdate(
                "2025-01-01", "length", "1.609 km"
            )

    def test_updates(self) -> None:
        """Updates in other units of the same size are equal and hash alike."""
        a = ProgressUpdate("2025-01-01", "length", "1 mile")
        b = ProgressUpdate("2025-01-01", "length", "1609.344 m")
        assert a == b
        assert hash(a) == hash(b)


class TestTypedConstructor:
    """The constructors say what each field accepts, so type checkers and IDEs can."""

    def test_project(self) -> None:
        """Each parameter of Project is annotated with what it accepts."""
        assert _annotations(Project) == {
            "name": "str",
            "parties": "Iterable[CountryLike]",
            "status": "ProjectStatus | str",
            "value": "Money | Estimate | None",
            "sector": "str | None",
            "count": "int",
            "start": "DateOrYearLike | None",
            "end": "DateOrYearLike | None",
            "location": "str | None",
            "measures": "Mapping[str, QuantityLike]",
            "updates": "ProgressUpdate | Iterable[ProgressUpdate]",
            "sources": "Sources",
        }

    def test_progress_update(self) -> None:
        """Each parameter of ProgressUpdate is annotated with what it accepts."""
        assert _annotations(ProgressUpdate) == {
            "date": "DateLike",
            "measure": "str",
            "done": "QuantityLike",
            "sources": "Sources",
        }


def _annotations(cls: type) -> dict[str, object]:
    """The annotation of each parameter of ``cls``'s constructor, as written."""
    return {name: p.annotation for name, p in inspect.signature(cls).parameters.items()}
