"""Report data keeps exact decimal strings and says so; display text is marked."""

from __future__ import annotations

import json
import re
from decimal import Context, Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from tests.strategies import wide_moneys

from bilat import Dossier, Estimate, Money, Project, Report, TradeTarget, examples
from bilat._present.report import REPORT_NUMBERS
from bilat.io import json_schema

AS_OF = "2025-12-31"

#: Keys whose values are numbers that are data: exact decimal strings.
DECIMAL_KEYS = frozenset(
    {
        "amount",
        "low",
        "high",
        "share",
        "actual_cagr",
        "planned_cagr",
        "required_cagr",
        "growth_ratio",
        "anticipated",
        "completion",
    }
)
#: Keys whose values may be JSON integers: counts and years.
INT_KEYS = frozenset(
    {"count", "year", "years", "deadline", "eta", "base_year", "stated", "when"}
    | {"age", "stale_after"}  # numbers of years
    | {"start", "end"}  # a project's dates when known by their year
)
#: A decimal as Python's Decimal reads it: no grouping, no symbol, no percent.
PLAIN_DECIMAL = re.compile(r"^-?[0-9]+(\.[0-9]+)?(E[+-][0-9]+)?$")
#: Bilat's decimal context: 60 significant digits, half-even.
SIXTY = Context(prec=60)
#: The bundled turnover target: $10 bn by 2030.
TEN_BILLION = Decimal(10**10)


def bundled_report() -> Report:
    return examples.kazakhstan_uzbekistan().report(as_of=AS_OF)


def no_float(text: str) -> Decimal:
    raise AssertionError(f"a JSON float in a report: {text}")


def walk(value: Any, key: str = "") -> list[tuple[str, Any]]:
    """Every (key, leaf value) pair of JSON data, lists under their key."""
    if isinstance(value, dict):
        return [pair for k, v in value.items() for pair in walk(v, k)]
    if isinstance(value, list):
        return [pair for item in value for pair in walk(item, key)]
    return [(key, value)]


def measure_amount(value: Money | Estimate) -> Decimal:
    """The stated amount of a value as the model holds it."""
    return value.value.amount if isinstance(value, Estimate) else value.amount


class TestSaysItsConvention:
    """A JSON report names its format and how its numbers are written."""

    def test_first_keys(self) -> None:
        """'format' and 'numbers' come first, in to_dict and in the JSON text."""
        report = bundled_report()
        data = json.loads(report.to_json())
        assert list(data)[:2] == ["format", "numbers"]
        assert data["format"] == "bilat-report/1"
        assert report.to_dict()["format"] == "bilat-report/1"

    def test_numbers_says_exact_strings(self) -> None:
        """The convention names exact decimal strings and the display keys."""
        numbers = bundled_report().to_dict()["numbers"]
        for words in ("exact decimal", "strings", "never rounded", "'_text'"):
            assert words in numbers

    def test_docs_quote_it(self) -> None:
        """The how-to page quotes the convention as the report writes it."""
        page = Path(__file__).parents[1] / "docs" / "howto" / "report-data.md"
        quoted = json.dumps(REPORT_NUMBERS, ensure_ascii=False)
        assert f'"numbers": {quoted}' in page.read_text(encoding="utf-8")

    def test_command_line_json_says_it(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`bilat report --format json` writes the same first keys."""
        from bilat._cli import main

        assert main(["report", "--as-of", AS_OF, "--format", "json"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert list(data)[:2] == ["format", "numbers"]


class TestBundledAmounts:
    """Every amount of the bundled report is an exact decimal string."""

    def test_no_json_float(self) -> None:
        """No number in the JSON has a fraction or an exponent."""
        json.loads(bundled_report().to_json(), parse_float=no_float)

    def test_ints_are_counts_and_years(self) -> None:
        """JSON integers stand only under count and year keys."""
        data = json.loads(bundled_report().to_json())
        ints = {key for key, v in walk(data) if type(v) is int}
        assert ints <= INT_KEYS, ints - INT_KEYS

    def test_decimal_keys_are_plain_decimal_strings(self) -> None:
        """Amounts, bounds and ratios are strings Decimal reads: no $, %, or commas."""
        data = json.loads(bundled_report().to_json())
        found = [(k, v) for k, v in walk(data) if k in DECIMAL_KEYS and v is not None]
        assert len(found) > 50
        for key, value in found:
            assert isinstance(value, str), (key, value)
            assert PLAIN_DECIMAL.match(value), (key, value)

    def test_project_values_exact(self) -> None:
        """Each project's amount and bounds equal the dossier's values."""
        dossier = examples.kazakhstan_uzbekistan()
        data = bundled_report().to_dict()
        projects = {
            p["name"]: p for group in data["projects"] for p in group["projects"]
        }
        checked = 0
        for project in dossier.portfolio:
            value = projects[project.name]["value"]
            if project.value is None:
                assert value is None
                continue
            assert Decimal(value["amount"]) == measure_amount(project.value)
            if isinstance(project.value, Estimate):
                assert Decimal(value["low"]) == project.value.low.amount
                assert Decimal(value["high"]) == project.value.high.amount
            checked += 1
        assert checked >= 2

    def test_target_and_share_exact(self) -> None:
        """The turnover target is 10 bn; share and gap are the hand-made ratio and difference."""
        data = bundled_report().to_dict()
        (turnover,) = [
            t
            for t in data["targets"]
            if t["subject"] == "turnover" and t["deadline"] == 2030
        ]
        assert Decimal(turnover["value"]["amount"]) == TEN_BILLION
        (progress,) = turnover["progress"]
        current = Decimal(progress["current"]["amount"])
        assert current == Decimal("4.97e9")  # 2025, the Uzbek side's figure
        share = SIXTY.divide(current, TEN_BILLION)
        assert Decimal(progress["share"]) == share
        assert Decimal(progress["gap"]["amount"]) == TEN_BILLION - current

    def test_railway_share_keeps_sixty_digits(self) -> None:
        """106 km of 152 km is 0.69736842… to 60 digits, while the text says 69.7%."""
        data = bundled_report().to_dict()
        (railway,) = [t for t in data["targets"] if t["value"].get("unit") == "km"]
        (progress,) = railway["progress"]
        expected = SIXTY.divide(Decimal(106), Decimal(152))
        assert Decimal(progress["share"]) == expected
        assert len(expected.as_tuple().digits) == 60
        assert progress["share_text"] == "69.7%"


class TestThirdOfADollar:
    """One third of a dollar keeps every digit in data; text rounds to the cent."""

    THIRD: Money = Money(1, "USD") / 3
    #: Written by hand: 60 threes, bilat's precision.
    DIGITS = "0." + "3" * 60

    def report(self) -> Report:
        depot = Project("Depot", ["KZ", "UZ"], "underway", value=self.THIRD)
        target = TradeTarget(("KZ", "UZ"), self.THIRD, deadline=2030)
        return Dossier(
            "KZ–UZ", ["KZ", "UZ"], projects=[depot], targets=[target]
        ).report(as_of=AS_OF)

    def test_json_keeps_all_digits(self) -> None:
        """The project, its group total and the target hold all 60 digits."""
        data = json.loads(self.report().to_json())
        (group,) = data["projects"]
        assert group["projects"][0]["value"]["amount"] == self.DIGITS
        assert group["total"]["amount"] == self.DIGITS
        assert data["targets"][0]["value"]["amount"] == self.DIGITS

    def test_text_fields_round(self) -> None:
        """The display text beside each amount is the cent."""
        data = self.report().to_dict()
        (group,) = data["projects"]
        assert group["projects"][0]["value"]["text"] == "$0.33"
        assert data["targets"][0]["value"]["text"] == "$0.33"

    def test_text_report_rounds(self) -> None:
        """The text report shows $0.33 and none of the long digits."""
        text = self.report().to_text()
        assert "$0.33" in text
        assert "0.333" not in text


class TestAnyAmount:
    """Any amount of money reads back from report JSON digit for digit."""

    @settings(max_examples=25, deadline=None)
    @given(wide_moneys(signed=False))
    def test_round_trip(self, money: Money) -> None:
        """Decimal(JSON amount) has the very digits and exponent of the value."""
        depot = Project("Depot", ["KZ", "UZ"], "underway", value=money)
        report = Dossier("KZ–UZ", ["KZ", "UZ"], projects=[depot]).report(as_of=AS_OF)
        data = json.loads(report.to_json(), parse_float=no_float)
        amount = data["projects"][0]["projects"][0]["value"]["amount"]
        assert Decimal(amount).as_tuple() == money.amount.as_tuple()


class TestSchemaSaysIt:
    """The dossier schema describes amounts as exact decimals written as strings."""

    @pytest.mark.parametrize(
        ("record", "field"),
        [
            ("Money", "amount"),
            ("Estimate", "amount"),
            ("Estimate", "low"),
            ("Estimate", "high"),
            ("Estimate", "tolerance"),
        ],
    )
    def test_amount_fields(self, record: str, field: str) -> None:
        """Each amount field's description says 'an exact decimal, as a string'."""
        description = json_schema()["$defs"][record]["properties"][field]["description"]
        assert "an exact decimal, as a string" in description

    def test_decimal_definition(self) -> None:
        """The shared Decimal definition says it too, and that no float is written."""
        description = json_schema()["$defs"]["Decimal"]["description"]
        assert description.startswith("An exact decimal, as a string")
        assert "never a float" in description
