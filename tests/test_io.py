"""Dossier files: plain forms, round trips, errors, and the JSON Schema."""

from __future__ import annotations

import datetime as dt
import decimal
import json
import re
import subprocess
import sys
import textwrap
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from cattrs.errors import IterableValidationError, IterableValidationNote
from hypothesis import HealthCheck, given, settings
from tests.strategies import dossiers

import bilat
from bilat import (
    Agreement,
    AgreementKind,
    BilatError,
    Country,
    Dossier,
    Estimate,
    InvalidOptionError,
    Meeting,
    Money,
    Official,
    ProgressUpdate,
    Project,
    ProjectStatus,
    Qualifier,
    Source,
    Topic,
    TradeMetric,
    TradeSeries,
    TradeTarget,
    ValidationError,
)
from bilat.io import FORMAT, dump, dumps, from_data, json_schema, load, loads, to_data
from bilat.io._convert import problems, unstructure
from bilat.io._files import _toml_problem
from bilat.io._schema import schema_text
from bilat.io._spec import records

SCHEMA_FILE = Path(bilat.io.__file__).with_name("bilat.schema.json")

#: Hypothesis settings for the slow dossier strategy.
DOSSIER_SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

AKORDA = Source(
    "President Tokayev receives Uzbek Foreign Minister",
    publisher="Akorda press service",
    url="https://www.akorda.kz/en",
)


def kz_uz() -> Dossier:
    """A small dossier with one of each kind of record."""
    rail = Project(
        "Darbaza–Maktaaral railway",
        ["KZ"],
        ProjectStatus.UNDERWAY,
        sector="transport",
        start=dt.date(2023, 11, 27),
        end=2026,
        measures={"length": bilat.Q_(152, "km")},
        updates=[ProgressUpdate("2025-11-25", "length", "106 km")],
        sources=[AKORDA],
    )
    planned = Project(
        "Planned joint projects",
        ["KZ", "UZ"],
        ProjectStatus.PLANNED,
        value=Estimate(Money(1_000_000_000, "USD"), Qualifier.NEARLY),
        count=21,
    )
    programme = Agreement(
        "Programme on Increasing Mutual Trade",
        ["KZ", "UZ"],
        AgreementKind.PROGRAMME,
        signed="2025-03-15",
    )
    return Dossier(
        "Kazakhstan and Uzbekistan",
        ["KZ", "UZ"],
        agreements=[programme],
        projects=[rail, planned],
        targets=[
            TradeTarget(["KZ", "UZ"], Money(10_000_000_000, "USD"), sources=[AKORDA]),
            TradeTarget(
                ["KZ", "UZ"],
                Money(10_000_000_000, "USD"),
                deadline=2030,
                agreement=programme,
            ),
        ],
        series=[
            TradeSeries(
                ["KZ", "UZ"],
                TradeMetric.TURNOVER,
                {2022: Money("4.6e9", "USD"), 2021: Money("3.9e9", "USD")},
                reporter="KZ",
            )
        ],
        events=[
            Meeting(
                None,
                [Official("Kassym-Jomart Tokayev", "President", "KZ")],
                [Topic.TRADE, Topic.WATER],
                sources=[AKORDA],
            )
        ],
        sources=[AKORDA],
        relationship="dependable ally and strategic partner",
        officials=[Official("Bakhtiyor Saidov", "Foreign Minister", "UZ")],
    )


def problems_of(text: str, fmt: str = "toml") -> tuple[tuple[str, str], ...]:
    """The problems ``loads`` finds in ``text``."""
    with pytest.raises(ValidationError) as info:
        loads(text, fmt)  # type: ignore[arg-type]
    return info.value.problems


def paths_of(text: str, fmt: str = "toml") -> list[str]:
    """The field paths of the problems ``loads`` finds in ``text``."""
    return [path for path, _ in problems_of(text, fmt)]


HEAD = 'title = "KZ–UZ"\nparties = ["KZ", "UZ"]\n'


class TestPlainForms:
    """Values are written in the documented plain forms."""

    def test_money(self) -> None:
        """Money is a table of a decimal string and a currency code."""
        assert unstructure(Money("156000000", "USD")) == {
            "amount": "156000000",
            "currency": "USD",
        }

    def test_money_keeps_its_exponent(self) -> None:
        """Trailing zeros and exponents survive: 1.50 stays '1.50'."""
        assert unstructure(Money("1.50", "EUR"))["amount"] == "1.50"
        assert unstructure(Money("4.6e9", "USD"))["amount"] == "4.6E+9"

    def test_stated_estimate(self) -> None:
        """A stated estimate adds only its qualifier."""
        e = Estimate(Money(1_000_000_000, "USD"), Qualifier.NEARLY)
        assert unstructure(e) == {
            "amount": "1000000000",
            "currency": "USD",
            "qualifier": "nearly",
        }

    def test_exact_estimate_keeps_its_qualifier(self) -> None:
        """An EXACT estimate says so, so it reads back as an Estimate, not Money."""
        assert unstructure(Estimate(Money(5, "USD"))) == {
            "amount": "5",
            "currency": "USD",
            "qualifier": "exact",
        }

    def test_estimate_tolerance(self) -> None:
        """A tolerance other than 0.1 is written."""
        e = Estimate(Money(100, "USD"), Qualifier.ABOUT, tolerance="0.25")
        assert unstructure(e)["tolerance"] == "0.25"

    def test_summed_estimate_bounds(self) -> None:
        """Bounds that are not the derived ones are written as decimal strings."""
        # nearly 100: [90, 100]; over 50: [50, 55]; sum 150 in [140, 155],
        # qualified ABOUT, whose derived bounds would be [135, 165].
        total = Estimate(Money(100, "USD"), Qualifier.NEARLY) + Estimate(
            Money(50, "USD"), Qualifier.OVER
        )
        assert unstructure(total) == {
            "amount": "150",
            "currency": "USD",
            "qualifier": "about",
            "low": "140",
            "high": "155",
        }

    def test_project(self) -> None:
        """ISO dates, int years, quantities as text; defaults are left out."""
        project = kz_uz().projects[0]
        assert unstructure(project) == {
            "name": "Darbaza–Maktaaral railway",
            "parties": ["KZ"],
            "status": "underway",
            "sector": "transport",
            "start": "2023-11-27",
            "end": 2026,
            "measures": {"length": "152 km"},
            "updates": [{"date": "2025-11-25", "measure": "length", "done": "106 km"}],
            "sources": [
                {
                    "title": "President Tokayev receives Uzbek Foreign Minister",
                    "publisher": "Akorda press service",
                    "url": "https://www.akorda.kz/en",
                }
            ],
        }

    def test_quantity_units(self) -> None:
        """Units are written as symbols that read back to the same unit."""
        project = Project(
            "Plant",
            ["KZ"],
            "planned",
            measures={
                "output": bilat.Q_("2.5", "Mt"),
                "power": bilat.Q_(Decimal("0.75"), "MW"),
                "stations": bilat.Q_(9, "dimensionless"),
            },
        )
        assert unstructure(project)["measures"] == {
            "output": "2.5 Mt",
            "power": "0.75 MW",
            "stations": "9 dimensionless",
        }

    def test_series_years_are_string_keys(self) -> None:
        """Series values are a table keyed by the year as a string, in year order."""
        series = kz_uz().series[0]
        assert unstructure(series) == {
            "parties": ["KZ", "UZ"],
            "metric": "turnover",
            "values": {
                "2021": {"amount": "3.9E+9", "currency": "USD"},
                "2022": {"amount": "4.6E+9", "currency": "USD"},
            },
            "reporter": "KZ",
        }

    def test_meeting_when(self) -> None:
        """A meeting's day is a date string, a year an int, and no date no key."""
        people: list[Official] = []
        assert unstructure(Meeting("2024-04-10", people, ()))["when"] == "2024-04-10"
        assert unstructure(Meeting(2024, people, ()))["when"] == 2024
        assert unstructure(Meeting(None, people, ())) == {
            "participants": [],
            "topics": [],
        }

    def test_dossier_data(self) -> None:
        """The format key comes first; defaults are left out."""
        d = Dossier("KZ–UZ", ["kaz", 860], relationship="strategic partner")
        assert to_data(d) == {
            "format": "bilat/1",
            "title": "KZ–UZ",
            "parties": ["KZ", "UZ"],
            "relationship": "strategic partner",
        }
        assert next(iter(to_data(d))) == "format"

    def test_toml_text(self) -> None:
        """TOML text has the format line, arrays of tables and string amounts."""
        d = Dossier(
            "KZ–UZ",
            ["KZ", "UZ"],
            projects=[
                Project("Joint", ["KZ", "UZ"], "underway", value=Money(156, "USD"))
            ],
        )
        assert dumps(d) == textwrap.dedent(
            """\
            format = "bilat/1"
            title = "KZ–UZ"
            parties = [
                "KZ",
                "UZ",
            ]

            [[projects]]
            name = "Joint"
            parties = [
                "KZ",
                "UZ",
            ]
            status = "underway"

            [projects.value]
            amount = "156"
            currency = "USD"
            """
        )

    def test_json_text(self) -> None:
        """JSON text is indented by two and keeps non-ASCII text as it is."""
        d = Dossier("Қазақстан–Oʻzbekiston", ["KZ", "UZ"])
        assert dumps(d, "json") == (
            '{\n  "format": "bilat/1",\n  "title": "Қазақстан–Oʻzbekiston",\n'
            '  "parties": [\n    "KZ",\n    "UZ"\n  ]\n}\n'
        )


class TestRoundTrip:
    """load(dump(d)) == d, for every dossier and both formats."""

    @pytest.mark.parametrize("fmt", ["toml", "json"])
    def test_example(self, fmt: str) -> None:
        """The example dossier reads back equal, in each format."""
        d = kz_uz()
        assert loads(dumps(d, fmt), fmt) == d  # type: ignore[arg-type]

    @pytest.mark.parametrize("suffix", [".toml", ".json", ".TOML"])
    def test_files(self, tmp_path: Path, suffix: str) -> None:
        """Through files, the suffix (in any case) chooses the format."""
        path = tmp_path / f"kz-uz{suffix}"
        d = kz_uz()
        d.dump(path)
        assert load(path) == d
        assert bilat.load(str(path)) == d

    def test_suffix_chooses_format(self, tmp_path: Path) -> None:
        """A .json file holds JSON and a .toml file TOML."""
        d = kz_uz()
        dump(d, tmp_path / "a.json")
        dump(d, tmp_path / "a.toml")
        json_text = (tmp_path / "a.json").read_text(encoding="utf-8")
        toml_text = (tmp_path / "a.toml").read_text(encoding="utf-8")
        assert json.loads(json_text)["format"] == "bilat/1"
        assert tomllib.loads(toml_text)["format"] == "bilat/1"

    def test_dump_replaces(self, tmp_path: Path) -> None:
        """Dumping over a file replaces its content."""
        path = tmp_path / "d.toml"
        path.write_text("x" * 10_000, encoding="utf-8")
        Dossier("KZ–UZ", ["KZ", "UZ"]).dump(path)
        assert load(path) == Dossier("KZ–UZ", ["KZ", "UZ"])

    def test_estimate_with_explicit_bounds(self) -> None:
        """A sum of estimates keeps its bounds exactly."""
        total = Estimate(Money(100, "USD"), Qualifier.NEARLY) + Estimate(
            Money(50, "USD"), Qualifier.OVER
        )
        project = Project("Sum", ["KZ"], "planned", value=total)
        d = Dossier("KZ–UZ", ["KZ", "UZ"], projects=[project])
        back = loads(dumps(d)).projects[0].value
        assert isinstance(back, Estimate)
        assert (back.low, back.high) == (Money("140.0", "USD"), Money("155.0", "USD"))

    @DOSSIER_SETTINGS
    @given(dossiers())
    def test_any_dossier_toml(self, d: Dossier) -> None:
        """Every generated dossier survives TOML."""
        assert loads(dumps(d, "toml"), "toml") == d

    @DOSSIER_SETTINGS
    @given(dossiers())
    def test_any_dossier_json(self, d: Dossier) -> None:
        """Every generated dossier survives JSON, and the text is stable."""
        text = dumps(d, "json")
        back = loads(text, "json")
        assert back == d
        assert dumps(back, "json") == text


class TestReading:
    """What load accepts beyond what dump writes."""

    def test_numbers_are_exact(self) -> None:
        """Numbers in a file become exact Decimals, never floats."""
        toml_text = HEAD + textwrap.dedent(
            """\
            [[projects]]
            name = "A"
            parties = ["KZ"]
            status = "planned"
            value = {amount = 156000000.10, currency = "USD"}
            [[projects]]
            name = "B"
            parties = ["KZ"]
            status = "planned"
            value = {amount = 156_000_000, currency = "USD"}
            """
        )
        a, b = loads(toml_text).projects
        assert a.value == Money(Decimal("156000000.10"), "USD")
        assert b.value == Money(156_000_000, "USD")
        data = {
            "title": "t",
            "parties": ["KZ", "UZ"],
            "targets": [
                {"parties": ["KZ", "UZ"], "value": {"amount": 0.1, "currency": "USD"}}
            ],
        }
        target = loads(json.dumps(data), "json").targets[0]
        assert target.value == Money("0.1", "USD")

    def test_native_toml_dates(self) -> None:
        """TOML's own dates are read as dates."""
        text = HEAD + textwrap.dedent(
            """\
            [[agreements]]
            title = "Programme"
            parties = ["KZ", "UZ"]
            kind = "programme"
            signed = 2025-03-15
            """
        )
        assert loads(text).agreements[0].signed == dt.date(2025, 3, 15)

    def test_other_country_codes(self) -> None:
        """Alpha-3 and numeric codes are read and normalised to alpha-2."""
        d = loads('title = "t"\nparties = ["KAZ", 860]\n')
        assert d.parties == (Country("KZ"), Country("UZ"))
        assert to_data(d)["parties"] == ["KZ", "UZ"]

    def test_format_key_optional(self) -> None:
        """A file without the format key is read as the current format."""
        assert loads(HEAD) == Dossier("KZ–UZ", ["KZ", "UZ"])
        assert loads(f'format = "{FORMAT}"\n' + HEAD) == loads(HEAD)

    def test_byte_order_mark(self, tmp_path: Path) -> None:
        """A UTF-8 byte order mark at the start of a file is skipped."""
        path = tmp_path / "d.json"
        path.write_bytes(b"\xef\xbb\xbf" + b'{"title": "t", "parties": ["KZ", "UZ"]}')
        assert load(path).title == "t"

    def test_integer_year_keys(self) -> None:
        """Plain data from Python may key series values by int years."""
        money = {"amount": "1", "currency": "USD"}
        series = {"parties": ["KZ", "UZ"], "metric": "exports", "values": {2022: money}}
        d = from_data({"title": "t", "parties": ["KZ", "UZ"], "series": [series]})
        assert dict(d.series[0].values) == {2022: Money(1, "USD")}

    def test_from_data(self) -> None:
        """Plain data (as from any parser) builds a dossier."""
        d = from_data({"title": " t ", "parties": ["KZ", "UZ"]})
        assert d == Dossier("t", ["KZ", "UZ"])


class TestErrors:
    """Bad files give one ValidationError naming the file and every problem."""

    def test_every_problem_with_its_path(self) -> None:
        """All problems of a file are listed, each with its field path."""
        text = textwrap.dedent(
            """\
            title = "t"
            parties = ["KZ", "XX"]

            [[projects]]
            name = "ok"
            parties = ["KZ"]
            status = "planned"

            [[projects]]
            name = "bad"
            parties = ["KZ"]
            status = "started"
            cuont = 3
            value = {amount = "1e", currency = "USX"}
            measures = {length = "152 kmx"}

            [[series]]
            parties = ["KZ", "UZ"]
            metric = "turnover"
            values = {"2022" = {amount = "1", currency = "USD"}, "20x2" = {amount = "2", currency = "USD"}}
            """
        )
        problems = dict(problems_of(text))
        assert list(problems) == [
            "parties[1]",
            "projects[1].status",
            "projects[1].value.amount",
            "projects[1].value.currency",
            "projects[1].measures['length']",
            "projects[1].cuont",
            "series[0].values['20x2']",
        ]
        assert "'XX'" in problems["parties[1]"]
        assert "'started'" in problems["projects[1].status"]
        assert "'1e'" in problems["projects[1].value.amount"]
        assert "'USX'" in problems["projects[1].value.currency"]
        assert "'kmx'" in problems["projects[1].measures['length']"]
        assert problems["projects[1].cuont"] == (
            "unknown field 'cuont'; did you mean 'count'?"
        )
        assert problems["series[0].values['20x2']"] == (
            "expected a year from '1' to '9999' written in digits, without a "
            "sign, spaces or leading zeros, such as '2022', got '20x2'"
        )

    def test_names_the_file(self, tmp_path: Path) -> None:
        """The error names the file and counts the problems."""
        path = tmp_path / "kz-uz.toml"
        path.write_text('title = 5\nparties = "KZ"\n', encoding="utf-8")
        with pytest.raises(ValidationError) as info:
            load(path)
        error = info.value
        assert error.file == str(path)
        assert str(error) == (
            f"{path}: 2 problems\n"
            "  title: expected a string, got 5\n"
            "  parties: expected a list, got 'KZ'"
        )
        assert isinstance(error, BilatError)
        assert isinstance(error, ValueError)

    def test_value_errors_of_a_field(self) -> None:
        """A field's own checks report even when a sibling field is bad too."""
        paths = paths_of(
            HEAD
            + textwrap.dedent(
                """\
                [[projects]]
                name = "x"
                parties = ["KZ"]
                status = "planned"
                count = 0
                sector = "  "
                """
            )
        )
        assert paths == ["projects[0].sector", "projects[0].count"]

    def test_record_checks(self) -> None:
        """Checks across fields report with the path the class gives."""
        text = HEAD + textwrap.dedent(
            """\
            [[agreements]]
            title = "Programme"
            parties = ["KZ", "UZ"]
            kind = "programme"
            signed = "2025-03-15"
            in_force = "2024-01-01"
            """
        )
        [(path, message)] = problems_of(text)
        assert path == "agreements[0].in_force"
        assert "2024-01-01" in message
        assert "2025-03-15" in message

    def test_estimate_bounds(self) -> None:
        """Bounds that do not enclose the value are reported at the value."""
        text = HEAD + textwrap.dedent(
            """\
            [[projects]]
            name = "x"
            parties = ["KZ"]
            status = "planned"
            value = {amount = "10", currency = "USD", qualifier = "exact", low = "20"}
            """
        )
        [(path, message)] = problems_of(text)
        assert path == "projects[0].value"
        assert "bounds" in message

    def test_missing_and_unknown_fields(self) -> None:
        """A missing required field and an unknown one are both named."""
        text = 'title = "t"\npartys = ["KZ", "UZ"]\n'
        assert problems_of(text) == (
            ("parties", "missing: every Dossier needs a value for `parties`"),
            ("partys", "unknown field 'partys'; did you mean 'parties'?"),
        )

    def test_unknown_field_without_match(self) -> None:
        """An unknown field far from any lists the known ones."""
        [(path, message)] = problems_of(HEAD + '[[sources]]\ntitle = "s"\nzzz = 1\n')
        assert path == "sources[0].zzz"
        assert message == (
            "unknown field 'zzz'; Source fields are: "
            "title, publisher, url, published, accessed, note"
        )

    def test_money_field_errors(self) -> None:
        """Money tables report missing and unknown keys, and wrong types."""
        text = HEAD + textwrap.dedent(
            """\
            [[targets]]
            parties = ["KZ", "UZ"]
            value = {amount = "1", curency = "USD"}
            [[targets]]
            parties = ["KZ", "UZ"]
            value = "10 billion"
            """
        )
        assert problems_of(text) == (
            (
                "targets[0].value.currency",
                "missing: every Money needs a value for `currency`",
            ),
            (
                "targets[0].value.curency",
                "unknown field 'curency'; did you mean 'currency'?",
            ),
            (
                "targets[1].value",
                "expected a table with amount and currency, got '10 billion'",
            ),
        )

    def test_null(self) -> None:
        """JSON null is refused: leave the field out instead."""
        text = '{"title": "t", "parties": ["KZ", "UZ"], "note": null}'
        assert problems_of(text, "json") == (("note", "expected a string, got null"),)

    def test_floats_and_bools_refused_where_text_expected(self) -> None:
        """A boolean is not a year, and an integer is not a date."""
        text = HEAD + textwrap.dedent(
            """\
            [[targets]]
            parties = ["KZ", "UZ"]
            value = {amount = "1", currency = "USD"}
            deadline = true
            [[sources]]
            title = "s"
            published = 2024
            """
        )
        assert problems_of(text) == (
            ("targets[0].deadline", "expected an integer, got true"),
            (
                "sources[0].published",
                "expected a date written as 'YYYY-MM-DD', got 2024",
            ),
        )

    def test_scalar_problems(self) -> None:
        """Each plain type names what it expected."""
        text = HEAD + textwrap.dedent(
            """\
            [[agreements]]
            title = "Programme"
            parties = ["KZ", "UZ"]
            kind = "programme"
            signed = "2024-02-30"
            [[projects]]
            name = "x"
            parties = ["KZ"]
            status = "planned"
            start = 1.5
            value = {amount = true, currency = 840}
            measures = {length = 152, width = "152km", depth = " 1 m"}
            [[projects]]
            name = "y"
            parties = ["KZ"]
            status = "planned"
            measures = "152 km"
            """
        )
        quantity = "a quantity written as magnitude and unit, such as '152 km'"
        assert problems_of(text) == (
            (
                "agreements[0].signed",
                "expected a real day (day is out of range for month), got '2024-02-30'",
            ),
            (
                "projects[0].value.amount",
                (
                    "expected a decimal number written as a string, such as "
                    "'156000000', got true"
                ),
            ),
            (
                "projects[0].value.currency",
                "expected an ISO 4217 currency code such as 'USD', got 840",
            ),
            (
                "projects[0].start",
                (
                    "expected a date written as 'YYYY-MM-DD' or a year such as 2024, "
                    "got Decimal('1.5')"
                ),
            ),
            ("projects[0].measures['length']", f"expected {quantity}, got 152"),
            ("projects[0].measures['width']", f"expected {quantity}, got '152km'"),
            ("projects[0].measures['depth']", f"expected {quantity}, got ' 1 m'"),
            ("projects[1].measures", "expected a table, got '152 km'"),
        )

    def test_officials(self) -> None:
        """Records of text fields report wrong shapes like any other."""
        text = HEAD + textwrap.dedent(
            """\
            officials = ["Tokayev", {name = ["x"], role = "r", country = "KZ"}]
            """
        )
        assert problems_of(text) == (
            ("officials[0]", "expected a table of Official fields, got 'Tokayev'"),
            ("officials[1].name", "expected a string, got a list"),
        )

    def test_types_checked_for_repeated_records(self) -> None:
        """A record equal to an earlier one but of other types is still refused."""
        text = json.dumps(
            {
                "title": "t",
                "parties": ["KZ", "UZ"],
                "officials": [
                    {"name": "A", "role": "B", "country": 398},
                    {"name": "A", "role": "B", "country": 398.0},
                ],
            }
        )
        assert problems_of(text, "json") == (
            (
                "officials[1].country",
                "expected an ISO 3166 country code such as 'KZ', got Decimal('398.0')",
            ),
        )

    def test_format_version(self) -> None:
        """Another format version is refused, with the others problems."""
        assert problems_of('format = "bilat/9"\ntitle = "t"\nparties = ["KZ"]\n') == (
            (
                "format",
                "unknown format 'bilat/9': this version of bilat reads 'bilat/1'",
            ),
            ("parties", "expected at least two countries, got (Country('KZ'),)"),
        )

    def test_top_level_not_a_table(self) -> None:
        """A JSON file whose top level is not an object is refused."""
        assert problems_of("[1, 2]", "json") == (
            ("", "expected a table of Dossier fields, got a list"),
        )

    def test_malformed_toml(self, tmp_path: Path) -> None:
        """Malformed TOML is reported with its line and column."""
        path = tmp_path / "bad.toml"
        path.write_text('title = "t"\nparties = ["KZ" "UZ"]\n', encoding="utf-8")
        with pytest.raises(ValidationError) as info:
            load(path)
        assert info.value.problems == (
            ("", "invalid TOML at line 2, column 17: Unclosed array"),
        )
        assert info.value.file == str(path)

    def test_malformed_toml_at_the_end(self) -> None:
        """An error at the end of the text gives the position of the end."""
        assert problems_of('title = "t"\nparties = ["KZ", "UZ"') == (
            ("", "invalid TOML at line 2, column 22 (the end): Unclosed array"),
        )

    def test_toml_message_without_position(self) -> None:
        """A parser message without a position is passed on as it is."""
        assert _toml_problem("Invalid thing", "x") == "invalid TOML: Invalid thing"

    def test_malformed_json(self) -> None:
        """Malformed JSON is reported with its line and column."""
        text = '{\n  "title": "x",\n  "parties": ["KZ",]\n}'
        assert problems_of(text, "json") == (
            ("", "invalid JSON at line 3, column 20: Expecting value"),
        )

    def test_json_duplicate_keys_and_nan(self) -> None:
        """Duplicate keys and NaN are refused, not silently taken."""
        assert problems_of('{"title": "a", "title": "b"}', "json") == (
            ("", "invalid JSON: the key 'title' appears twice in one object"),
        )
        assert problems_of('{"title": NaN}', "json") == (
            ("", "invalid JSON: NaN is not a number bilat accepts"),
        )

    def test_not_utf8(self, tmp_path: Path) -> None:
        """A file that is not UTF-8 is refused, naming the byte."""
        path = tmp_path / "latin.toml"
        path.write_bytes('title = "Qozog\xe9"\n'.encode("latin-1"))
        with pytest.raises(
            ValidationError, match=r"not UTF-8 text: the byte at offset 14 is b'\\xe9'"
        ):
            load(path)

    @pytest.mark.parametrize("name", ["d.yaml", "d", "d.toml.bak"])
    def test_unknown_suffix(self, tmp_path: Path, name: str) -> None:
        """An unknown suffix is refused on load and dump; nothing is written."""
        path = tmp_path / name
        suffix = path.suffix
        pattern = re.escape(
            f"unknown file suffix {suffix!r}: expected one of '.json', '.toml'"
        )
        with pytest.raises(InvalidOptionError, match=pattern):
            load(path)
        with pytest.raises(InvalidOptionError, match=pattern):
            Dossier("t", ["KZ", "UZ"]).dump(path)
        assert not path.exists()

    def test_unknown_format_name(self) -> None:
        """dumps and loads accept only 'toml' and 'json'."""
        pattern = re.escape("unknown format 'yaml': expected one of 'json', 'toml'")
        with pytest.raises(InvalidOptionError, match=pattern):
            dumps(Dossier("t", ["KZ", "UZ"]), "yaml")  # type: ignore[arg-type]
        with pytest.raises(InvalidOptionError, match=pattern):
            loads(HEAD, "yaml")  # type: ignore[arg-type]

    def test_missing_file(self, tmp_path: Path) -> None:
        """A file that does not exist is a ValidationError naming it."""
        path = tmp_path / "none.toml"
        with pytest.raises(ValidationError, match="no such file") as info:
            load(path)
        assert info.value.file == str(path)
        assert isinstance(info.value.__cause__, FileNotFoundError)


def validator(schema: dict[str, Any] | None = None) -> Any:
    """A draft 2020-12 validator; the test is skipped without jsonschema."""
    jsonschema = pytest.importorskip("jsonschema")
    return jsonschema.Draft202012Validator(json_schema() if schema is None else schema)


class TestProblems:
    """Structuring errors become (path, message) pairs."""

    def test_unexpected_errors(self) -> None:
        """Errors of no known kind keep their type and message and their path."""
        inner = IterableValidationError(
            "While structuring a list", [RuntimeError("boom")], list
        )
        outer = IterableValidationError("While structuring a list", [inner], list)
        outer.exceptions[0].__notes__ = [IterableValidationNote("@ index 2", 2, list)]
        assert list(problems(outer, "events")) == [("events[2]", "RuntimeError: boom")]


class TestSchema:
    """The JSON Schema describes what dump writes and load reads."""

    def test_shipped_file_is_current(self) -> None:
        """The schema shipped with the package is the generated one."""
        shipped = SCHEMA_FILE.read_text(encoding="utf-8")
        assert json.loads(shipped) == json_schema()
        assert shipped == schema_text(), (
            'regenerate with: python -c "from bilat.io._schema import '
            "schema_text; print(schema_text(), end='')\" > "
            "src/bilat/io/bilat.schema.json"
        )

    def test_is_a_valid_schema(self) -> None:
        """The schema itself is valid draft 2020-12."""
        schema = json_schema()
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        validator().check_schema(schema)

    def test_every_record_defined(self) -> None:
        """Every record class has a definition; the dossier is the top level."""
        defs = json_schema()["$defs"]
        for record in records():
            if record.cls is not Dossier:
                assert defs[record.name]["additionalProperties"] is False
        assert json_schema()["required"] == ["title", "parties"]

    def test_bundled_example_validates(self) -> None:
        """The bundled dossier file is valid against the schema."""
        text = bilat.examples.path().read_text(encoding="utf-8")
        validator().validate(tomllib.loads(text))

    @DOSSIER_SETTINGS
    @given(dossiers())
    def test_dumped_files_validate(self, d: Dossier) -> None:
        """Dumped JSON, and dumped TOML as tomllib reads it, are valid."""
        check = validator()
        check.validate(json.loads(dumps(d, "json")))
        check.validate(tomllib.loads(dumps(d, "toml")))

    @pytest.mark.parametrize(
        "change",
        [
            {"projects": [{"name": "x", "parties": ["KZ"], "status": "done"}]},
            {"sources": [{"title": "s", "typo": 1}]},
            {"targets": [{"parties": ["KZ", "UZ"], "value": {"amount": "1"}}]},
            {
                "series": [
                    {
                        "parties": ["KZ", "UZ"],
                        "metric": "turnover",
                        "values": {"year": {"amount": "1", "currency": "USD"}},
                    }
                ]
            },
            {"format": "bilat/2"},
        ],
    )
    def test_schema_and_load_refuse_alike(self, change: dict[str, Any]) -> None:
        """What the schema refuses, load refuses too."""
        data = {"title": "t", "parties": ["KZ", "UZ"], **change}
        assert not validator().is_valid(data)
        with pytest.raises(ValidationError):
            from_data(data)

    def test_decimal_pattern(self) -> None:
        """The decimal pattern takes what Decimal writes and refuses the rest."""
        check = validator(json_schema()["$defs"]["Decimal"])
        for text in ["156000000", "-1_234.50", "4.6E+9", "0E-7", ".5", "1."]:
            assert check.is_valid(text), text
        for text in ["1e", "NaN", "1__0", " 1", "1,5", ""]:
            assert not check.is_valid(text), text


class TestSpec:
    """The field table covers every constructor argument of every record."""

    @pytest.mark.parametrize("record", records(), ids=lambda r: r.name)
    def test_fields_match_the_class(self, record: Any) -> None:
        """A new argument cannot be silently left out of the files."""
        expected = [a.name for a in attrs.fields(record.cls) if a.init]
        assert list(record.fields) == expected


class TestLazyImports:
    """bilat.io needs cattrs, tomli-w and pint only when used."""

    def test_imports(self) -> None:
        """Importing bilat.io loads none; loading a file loads cattrs only."""
        code = textwrap.dedent(
            """
            import json, sys
            import bilat.io
            heavy = ("cattrs", "tomli_w", "pint")
            before = [m for m in heavy if m in sys.modules]
            bilat.io.loads('title = "t"\\nparties = ["KZ", "UZ"]\\n')
            after = [m for m in heavy if m in sys.modules]
            print(json.dumps([before, after]))
            """
        )
        result = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout) == [[], ["cattrs"]]

    def test_exported(self) -> None:
        """bilat.load is bilat.io.load."""
        assert bilat.load is load


# -- year keys, input types, nesting and integer bounds ------------------------------

SERIES_HEAD = (
    'title = "t"\nparties = ["KZ", "UZ"]\n'
    '[[series]]\nparties = ["KZ", "UZ"]\nmetric = "turnover"\n'
)


def series_with(*keys: str, fmt: str = "toml") -> str:
    """A dossier file whose one series has a value at each of ``keys``."""
    if fmt == "json":
        values = {
            key: {"amount": str(i), "currency": "USD"} for i, key in enumerate(keys)
        }
        series = {"parties": ["KZ", "UZ"], "metric": "turnover", "values": values}
        data = {"title": "t", "parties": ["KZ", "UZ"], "series": [series]}
        return json.dumps(data)
    cells = ", ".join(
        f'"{key}" = {{amount = "{i}", currency = "USD"}}' for i, key in enumerate(keys)
    )
    return SERIES_HEAD + f"values = {{{cells}}}\n"


class TestYearKeys:
    """A year key has one spelling, so no two keys stand for the same year."""

    @pytest.mark.parametrize("fmt", ["toml", "json"])
    @pytest.mark.parametrize(
        "key", ["022", "+22", " 22", "22 ", "22.0", "٢٢", "0", "2_2", "10000"]
    )
    def test_non_canonical_key(self, fmt: str, key: str) -> None:
        """A year written otherwise than in plain digits is refused at its path."""
        problems = dict(problems_of(series_with(key, fmt=fmt), fmt))
        path = f"series[0].values[{key!r}]"
        assert list(problems) == [path]
        assert "written in digits" in problems[path]

    @pytest.mark.parametrize("fmt", ["toml", "json"])
    @pytest.mark.parametrize("other", ["022", "+22", " 22", "22.0", "٢٢", "0022"])
    def test_collision_names_both_keys(self, fmt: str, other: str) -> None:
        """'22' and another spelling of 22 are refused, naming both keys."""
        problems = problems_of(series_with("22", other, fmt=fmt), fmt)
        assert (
            f"series[0].values[{other!r}]",
            f"the keys '22' and {other!r} both stand for 22: keep one",
        ) in problems
        reversed_ = dict(problems_of(series_with(other, "22", fmt=fmt), fmt))
        assert reversed_["series[0].values['22']"] == (
            f"the keys {other!r} and '22' both stand for 22: keep one"
        )

    def test_int_and_text_keys_in_plain_data(self) -> None:
        """Plain data built by hand with 22 and '22' is refused, not merged."""
        money = {"amount": "1", "currency": "USD"}
        series = {"parties": ["KZ", "UZ"], "metric": "turnover"}
        data = {
            "title": "t",
            "parties": ["KZ", "UZ"],
            "series": [{**series, "values": {22: money, "22": money}}],
        }
        with pytest.raises(ValidationError) as info:
            from_data(data)
        assert info.value.problems == (
            (
                "series[0].values['22']",
                "the keys 22 and '22' both stand for 22: keep one",
            ),
        )

    def test_value_sources_keys(self) -> None:
        """The per-year sources follow the same rule."""
        text = series_with("2022") + (
            '[series.value_sources]\n"2022" = [{title = "a"}]\n"02022" = [{title = "b"}]\n'
        )
        problems = dict(problems_of(text))
        assert "both stand for 2022" in problems["series[0].value_sources['02022']"]

    @pytest.mark.parametrize("key", ["1", "22", "999", "9999"])
    def test_canonical_keys_round_trip(self, key: str) -> None:
        """Plain digits from 1 to 9999 are read, and written back the same."""
        d = loads(series_with(key))
        assert list(d.series[0].values) == [int(key)]
        assert f'"{key}": {{' in dumps(d, "json")
        assert f"[series.values.{key}]" in dumps(d)


class TestLoadsInput:
    """loads() takes text only, and says so for anything else."""

    @pytest.mark.parametrize("text", [b"", b'title = "t"', bytearray(b"")])
    def test_bytes(self, text: object) -> None:
        """Bytes are refused with the advice to decode them."""
        with pytest.raises(ValidationError, match="decode them first") as info:
            loads(text)  # type: ignore[arg-type]
        assert info.value.path == "text"

    @pytest.mark.parametrize("text", [None, 42, ["title = 't'"], Path("a.toml")])
    def test_other_types(self, text: object) -> None:
        """None, numbers, lists and paths are refused, naming what was given."""
        with pytest.raises(ValidationError, match="expected the text of a dossier"):
            loads(text)  # type: ignore[arg-type]

    @pytest.mark.parametrize("fmt", ["toml", "json"])
    def test_empty_text(self, fmt: str) -> None:
        """Empty text is refused: TOML as a dossier without fields, JSON as invalid."""
        problems = dict(problems_of("", fmt))
        if fmt == "toml":
            assert set(problems) == {"title", "parties"}
        else:
            assert list(problems) == [""]
            assert "invalid JSON at line 1, column 1" in problems[""]


def deep_toml_key(parts: int) -> str:
    """A TOML line setting a dotted key of ``parts`` parts."""
    return ".".join(["a"] * parts) + " = 1\n"


class TestNestingLimit:
    """Keys, tables and lists nested past MAX_DEPTH are refused before parsing."""

    @pytest.mark.parametrize(
        "text",
        [
            # The worst case for tomllib: a dotted key of ~100,000 parts.
            deep_toml_key(100_000),
            "[" + ".".join(["a"] * 100_000) + "]\nx = 1\n",
            "x = " + "[" * 100_000,
            "x = " + "{a = " * 100_000,
            "[" + " . ".join(['"a"'] * 17) + "]\n",
            deep_toml_key(17),
        ],
        ids=["dotted-key", "table-header", "arrays", "inline-tables", "quoted", "17"],
    )
    def test_toml_refused(self, text: str) -> None:
        """A TOML file nested past the limit is one clear ValidationError."""
        with pytest.raises(
            ValidationError, match="nested too deeply: more than 16"
        ) as info:
            loads(text, file="deep.toml")
        assert info.value.file == "deep.toml"
        assert "line 1" in str(info.value)

    @pytest.mark.parametrize(
        "text", ["[" * 100_000, '{"a": ' * 100_000, "[" * 17 + "]" * 17]
    )
    def test_json_refused(self, text: str) -> None:
        """A JSON file nested past the limit is one clear ValidationError."""
        with pytest.raises(ValidationError, match="nested too deeply: more than 16"):
            loads(text, "json")

    def test_many_shallow_keys_are_fine(self) -> None:
        """Sixteen parts, and brackets opened and closed many times, are read."""
        text = deep_toml_key(16) + "b = [" + "[1], " * 10_000 + "]\n"
        problems = dict(problems_of(text))
        assert "a" in problems  # an unknown field: the file itself was read
        assert not any("too deeply" in m for m in problems.values())

    @pytest.mark.parametrize(
        "text",
        [
            'note = "' + "a." * 50 + 'a"\n',
            "note = '" + "[" * 50 + "'\n",
            'note = """' + "{" * 50 + '\n"""\n',
            "note = '''" + "a . " * 50 + "a'''\n",
            "# " + "[" * 50 + "\n",
            'note = "\\"' + "[" * 50 + '"\n',
        ],
        ids=[
            "basic",
            "literal",
            "multi-line",
            "multi-line-literal",
            "comment",
            "escape",
        ],
    )
    def test_strings_and_comments_do_not_count(self, text: str) -> None:
        """Dots and brackets inside strings and comments are not nesting."""
        d = loads('title = "t"\nparties = ["KZ", "UZ"]\n' + text)
        assert d.title == "t"

    def test_json_strings_do_not_count(self) -> None:
        """Brackets inside JSON strings are not nesting, escaped quotes included."""
        note = '\\"' + "[" * 50
        d = loads(
            '{"title": "t", "parties": ["KZ", "UZ"], "note": "' + note + '"}', "json"
        )
        assert d.note == '"' + "[" * 50

    def test_worst_case_file_is_refused(self, tmp_path: Path) -> None:
        """A few hundred KB of dotted key, as a file, is refused by load."""
        path = tmp_path / "deep.toml"
        path.write_text(deep_toml_key(150_000), encoding="utf-8")
        assert path.stat().st_size > 250_000
        with pytest.raises(
            ValidationError, match="nested too deeply: more than 16"
        ) as info:
            load(path)
        assert info.value.file == str(path)


class TestIntegerBounds:
    """Every integer field is bounded where it is built, so files hold it."""

    @pytest.mark.parametrize(
        "count",
        [0, -1, 10**9 + 1, 10**101, 10**5000],
        ids=["0", "-1", "1e9+1", "1e101", "1e5000"],
    )
    def test_count_refused(self, count: int) -> None:
        """A count outside 1 to a billion is a ValidationError naming count."""
        with pytest.raises(ValidationError, match="from 1 to 1,000,000,000") as info:
            Project("p", ["KZ"], "planned", count=count)
        assert info.value.path == "count"

    @pytest.mark.parametrize("fmt", ["toml", "json"])
    @pytest.mark.parametrize("count", [1, 10**9])
    def test_count_extremes_round_trip(self, fmt: str, count: int) -> None:
        """The smallest and largest counts are written and read back."""
        d = Dossier(
            "t", ["KZ", "UZ"], projects=[Project("p", ["KZ"], "planned", count=count)]
        )
        assert loads(dumps(d, fmt), fmt) == d  # type: ignore[arg-type]

    @pytest.mark.parametrize("fmt", ["toml", "json"])
    def test_count_too_large_in_a_file(self, fmt: str) -> None:
        """A file with a count of 10**101 names the field, not the parser."""
        project = {"name": "p", "parties": ["KZ"], "status": "planned", "count": 10**20}
        data = {"title": "t", "parties": ["KZ", "UZ"], "projects": [project]}
        if fmt == "json":
            text = json.dumps(data)
        else:
            import tomli_w

            text = tomli_w.dumps(data)
        problems = dict(problems_of(text, fmt))
        assert "from 1 to 1,000,000,000" in problems["projects[0].count"]

    @pytest.mark.parametrize(
        "year",
        [0, -1, 10000, 10**101, 10**5000],
        ids=["0", "-1", "10000", "1e101", "1e5000"],
    )
    def test_years_refused(self, year: int) -> None:
        """Years outside 1 to 9999 are refused by every class that holds one."""
        usd = Money(1, "USD")
        builds: list[Any] = [
            lambda: Meeting(year, (), ()),
            lambda: Project("p", ["KZ"], "planned", start=year),
            lambda: TradeSeries(["KZ", "UZ"], "turnover", {year: usd}),
            lambda: TradeTarget(["KZ", "UZ"], usd, deadline=year),
            lambda: TradeTarget(["KZ", "UZ"], usd, baseline_year=year),
        ]
        for build in builds:
            with pytest.raises(ValidationError, match="9999"):
                build()


CLAIM_HEAD = HEAD + textwrap.dedent(
    """\
    [[claims]]
    subject = "turnover"
    period = 2023
    parties = ["KZ", "UZ"]
    source = {title = "MENAFN"}
    """
)


def claim_of(lines: str) -> bilat.Claim:
    """The one claim of a file whose claim has ``lines`` added."""
    (claim,) = loads(CLAIM_HEAD + textwrap.dedent(lines)).claims
    return claim


class TestClaimFields:
    """A claim in a file: its value as a table, a number, a quantity or text."""

    def test_text_only_money(self) -> None:
        """A claim given only as text is read for its value and precision."""
        claim = claim_of('text = "$4.6 bn"\n')
        assert claim.value == Money(4_600_000_000, "USD")
        assert claim.precision == Decimal(100_000_000)
        assert claim.text == "$4.6 bn"

    def test_text_only_estimate(self) -> None:
        """Qualified text gives an Estimate."""
        claim = claim_of('text = "over $4.6 billion"\n')
        assert claim.value == Estimate(Money(4_600_000_000, "USD"), Qualifier.OVER)

    @pytest.mark.parametrize(
        ("text", "value", "precision"),
        [
            ("152 km", bilat.Q_(152, "km"), Decimal(1)),
            ("0.25 km", bilat.Q_(Decimal("0.25"), "km"), Decimal("0.01")),
            ("78", Decimal(78), Decimal(1)),
        ],
    )
    def test_text_only_quantity_and_number(
        self, text: str, value: object, precision: Decimal
    ) -> None:
        """Text with a unit is a quantity, without one a number."""
        claim = claim_of(f'text = "{text}"\n')
        assert claim.value == value
        assert claim.precision == precision

    def test_value_wins_over_text(self) -> None:
        """With both given, value is the figure and text is kept as written."""
        claim = claim_of('value = "78"\ntext = "about eighty"\n')
        assert claim.value == Decimal(78)
        assert claim.text == "about eighty"
        assert claim.precision is None

    @pytest.mark.parametrize(
        ("written", "expected"),
        [
            ('"0.5"', Decimal("0.5")),
            ("0.5", Decimal("0.5")),
            ("78", Decimal(78)),
            ("1e3", Decimal(1000)),
            ('"0.5 km"', bilat.Q_(Decimal("0.5"), "km")),
            ('"78 t / a"', bilat.Q_(78, "t / a")),
        ],
    )
    def test_number_or_quantity(self, written: str, expected: object) -> None:
        """A value without a unit (string, integer or float) is a number, with one a quantity."""
        assert claim_of(f"value = {written}\n").value == expected

    def test_json_float_is_an_exact_number(self) -> None:
        """A JSON number with a fraction is read exactly as a number."""
        data = to_data(loads(CLAIM_HEAD + 'text = "78"\n'))
        data["claims"][0] = {**data["claims"][0], "value": 0.1}
        del data["claims"][0]["text"], data["claims"][0]["precision"]
        (claim,) = loads(json.dumps(data), "json").claims
        assert claim.value == Decimal(1) / 10

    def test_said_by_official_or_country(self) -> None:
        """said_by is an official's table or a country's code."""
        official = claim_of(
            'value = "78"\n'
            '[claims.said_by]\nname = "A. Speaker"\nrole = "Minister"\ncountry = "KZ"\n'
        )
        assert official.said_by == Official("A. Speaker", "Minister", "KZ")
        assert claim_of('value = "78"\nsaid_by = "UZ"\n').said_by == Country("UZ")
        for claim in (official, claim_of('value = "78"\nsaid_by = "UZ"\n')):
            assert loads(dumps(Dossier("t", ["KZ", "UZ"], claims=[claim]))).claims == (
                claim,
            )

    def test_precision_ignores_the_callers_context(self) -> None:
        """A precision is written the same whatever the caller's decimal context."""
        claim = bilat.Claim(
            "length", 2023, "1.00000000001 km", Source("M"), parties=("KZ", "UZ")
        )
        with decimal.localcontext(capitals=0):
            data = unstructure(claim)
            text = dumps(Dossier("t", ["KZ", "UZ"], claims=[claim]))
        assert data["precision"] == "1E-11"
        assert 'precision = "1E-11"' in text
        assert loads(text).claims == (claim,)


class TestClaimErrors:
    """A claim's problems in a file are named at their own fields."""

    def test_text_only_with_another_bad_field(self) -> None:
        """A claim given as text reports the bad field only, not its value."""
        text = CLAIM_HEAD.replace("period = 2023", 'period = "2023"')
        assert paths_of(text + 'text = "$4.6 bn"\n') == ["claims[0].period"]

    def test_unreadable_text_with_another_bad_field(self) -> None:
        """Text that cannot be read is reported beside the other bad field."""
        text = CLAIM_HEAD.replace("period = 2023", 'period = "2023"')
        found = dict(problems_of(text + 'text = "a lot"\n'))
        assert set(found) == {"claims[0].period", "claims[0].value"}
        assert "cannot read 'a lot'" in found["claims[0].value"]

    def test_neither_value_nor_text(self) -> None:
        """A claim with neither value nor text says it needs one."""
        found = problems_of(CLAIM_HEAD)
        assert len(found) == 1
        path, message = found[0]
        assert path == "claims[0].value"
        assert "`value` or its `text`" in message
        assert "TypeError" not in message

    def test_neither_with_another_bad_field(self) -> None:
        """The missing value is reported beside the other fields' problems."""
        text = CLAIM_HEAD.replace("period = 2023", "period = 0")
        assert paths_of(text) == ["claims[0].period", "claims[0].value"]

    def test_text_in_value(self) -> None:
        """Text as written in value is refused by load and schema, pointing at text."""
        text = CLAIM_HEAD + 'value = "over $4.6 billion"\n'
        ((path, message),) = problems_of(text)
        assert path == "claims[0].value"
        assert "`text`" in message
        assert not validator().is_valid(tomllib.loads(text))


class TestClaimSchema:
    """The schema takes the claims load takes."""

    @pytest.mark.parametrize(
        "lines",
        [
            'text = "$4.6 bn"\n',
            "value = 0.5\n",
            'value = "0.5 km"\nprecision = "0.1"\n',
            'value = {amount = "1", currency = "USD"}\nsaid_by = "KZ"\n',
            'value = 78\nstated = 2023\ntext = "seventy-eight"\n',
        ],
    )
    def test_accepted(self, lines: str) -> None:
        """Each form of a claim validates and loads."""
        text = CLAIM_HEAD + lines
        validator().validate(tomllib.loads(text, parse_float=Decimal))
        validator().validate(json.loads(json.dumps(tomllib.loads(text))))
        assert len(loads(text).claims) == 1

    def test_neither_refused(self) -> None:
        """A claim with neither value nor text fails the schema too."""
        assert not validator().is_valid(tomllib.loads(CLAIM_HEAD))


class TestEitherKind:
    """A target or series with a subject is of any measure, else of trade."""

    def test_chosen_by_subject(self) -> None:
        """A subject key makes a Target or Series; without it, trade ones."""
        money = {"amount": "1", "currency": "USD"}
        data = {
            "title": "t",
            "parties": ["KZ", "UZ"],
            "targets": [
                {"parties": ["KZ", "UZ"], "value": money},
                {"parties": ["KZ", "UZ"], "value": "100 km", "subject": "track"},
            ],
            "series": [
                {
                    "parties": ["KZ", "UZ"],
                    "metric": "exports",
                    "values": {"2022": money},
                },
                {"parties": ["KZ", "UZ"], "subject": "track", "values": {"2022": "5"}},
            ],
        }
        d = from_data(data)
        assert isinstance(d.targets[0], TradeTarget)
        assert isinstance(d.targets[1], bilat.Target)
        assert isinstance(d.series[0], TradeSeries)
        assert isinstance(d.series[1], bilat.Series)
        assert d.targets[1].value == bilat.Q_(100, "km")
        assert d.series[1].values[2022] == Decimal(5)
        assert to_data(d) == {"format": FORMAT, **data}
