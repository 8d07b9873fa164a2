"""The JSON Schema (draft 2020-12) of dossier files, generated from the field specs.

The schema describes the plain data of a file, as JSON holds it and as
:mod:`tomllib` reads TOML: it is built from the same table
(:func:`bilat.io._spec.records`) as the converter, so it cannot drift from
what :func:`bilat.load` accepts. A copy ships with the package as
``bilat/io/bilat.schema.json``; regenerate it with ``python -c "from
bilat.io._schema import schema_text; print(schema_text(), end='')" >
src/bilat/io/bilat.schema.json``.

What the schema cannot say (two distinct parties, dates in order, one
currency per series, units that exist) is checked by the classes themselves
when the file is loaded.
"""

from __future__ import annotations

import collections.abc
import datetime as dt
import enum
import inspect
import json
import re
import typing
from decimal import Decimal
from typing import Any, Final

import attrs

from bilat._country import Country
from bilat._currency import Currency
from bilat._decimal import FINITE_NUMBER
from bilat._estimate import Estimate, Qualifier
from bilat._money import Money
from bilat._project import MAX_COUNT
from bilat.io._spec import (
    FORMAT,
    AnySeries,
    AnyTarget,
    DateOrYear,
    Measure,
    MoneyOrEstimate,
    Quantity,
    Record,
    SaidBy,
    Year,
    records,
)

__all__ = ["DECIMAL_PATTERN", "json_schema", "schema_text"]

#: The strings bilat reads as a decimal number (as :class:`~decimal.Decimal`
#: does, with PEP 515 underscores between digits).
DECIMAL_PATTERN: Final = f"^{FINITE_NUMBER}$"

#: A year as a number: datetime's range.
_YEAR_NUMBER: Final = {"type": "integer", "minimum": 1, "maximum": 9999}

#: The range of each integer field, by record and field name.
_INT_BOUNDS: Final = {
    ("Project", "count"): (1, MAX_COUNT),
    ("TradeTarget", "deadline"): (1, 9999),
    ("TradeTarget", "baseline_year"): (1, 9999),
    ("Target", "deadline"): (1, 9999),
    ("Target", "baseline_year"): (1, 9999),
    ("Claim", "period"): (1, 9999),
}

#: A quantity's text: a decimal magnitude, spaces, and a unit.
_QUANTITY_PATTERN: Final = DECIMAL_PATTERN.removesuffix("$") + r" +\S(?:.*\S)?$"

#: Descriptions of fields whose file form differs from the constructor's
#: argument, by record and field name.
_DESCRIPTIONS: Final = {
    ("Claim", "value"): "The figure: Money, an Estimate, a quantity such as "
    "'152 km' or a number. Leave it out to give the figure as written in "
    "'text' instead; when both are given, 'value' is the figure and 'text' "
    "is kept as written, unchecked.",
    ("Claim", "text"): "The figure as written, such as 'over $4.6 billion', "
    "'152 km' or '78', kept as a quote. Without 'value', it is read (in "
    "English) for the value and its precision; a figure written in another "
    "language is given as 'value' (and 'precision') beside its 'text'.",
}

_DATE: Final = {
    "type": "string",
    "format": "date",
    "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/$defs/{name}"}


def _plain(text: str) -> str:
    """Docstring text without its reStructuredText markup."""
    text = re.sub(r":\w+:`~?([^`<]+?)(?: <[^>]+>)?`", r"\1", text)
    return re.sub(r"``([^`]+)``", r"\1", text)


def _summary(cls: type) -> str:
    doc = inspect.getdoc(cls) or ""
    return _plain(doc.split("\n\n", 1)[0].replace("\n", " "))


def _arguments(cls: type) -> dict[str, str]:
    """The ``Args:`` section of a class docstring, as name → one-line text."""
    doc = inspect.getdoc(cls) or ""
    found: dict[str, str] = {}
    lines = iter(doc.splitlines())
    for line in lines:
        if line.strip() == "Args:":
            break
    name = None
    for line in lines:
        if not line.strip() or not line.startswith(" "):
            break
        text = line.strip()
        head, colon, rest = text.partition(":")
        if line.startswith("    ") and not line.startswith("     ") and colon:
            name = head.strip()
            found[name] = rest.strip()
        elif name is not None:
            found[name] += " " + text
    return {key: _plain(value) for key, value in found.items()}


def _scalar_defs() -> dict[str, Any]:
    qualifiers = [q.value for q in Qualifier]
    decimal = _ref("Decimal")
    return {
        "Decimal": {
            "description": "An exact decimal, as a string ('156000000', '0.1', "
            "'4.4E+9'): bilat writes every digit and never a float, and reads "
            "integers and numbers exactly too.",
            "type": ["string", "number"],
            "pattern": DECIMAL_PATTERN,
        },
        "Date": {"description": "A date, 'YYYY-MM-DD'.", **_DATE},
        "Country": {
            "description": "A country by its ISO 3166-1 code: alpha-2 "
            "('KZ', as written), alpha-3 ('KAZ') or numeric (398).",
            "type": ["string", "integer"],
            "pattern": r"^\s*(?:[A-Za-z]{2,3}|[0-9]{1,3})\s*$",
            "minimum": 0,
            "maximum": 999,
        },
        "Currency": {
            "description": "An ISO 4217 currency code, such as 'USD'.",
            "type": "string",
            "pattern": r"^\s*[A-Za-z]{3}\s*$",
        },
        "Money": {
            "description": _summary(Money),
            "type": "object",
            "properties": {
                "amount": {
                    "description": "The amount in major units: an exact "
                    "decimal, as a string.",
                    **decimal,
                },
                "currency": _ref("Currency"),
            },
            "required": ["amount", "currency"],
            "additionalProperties": False,
        },
        "Estimate": {
            "description": _summary(Estimate) + " Tolerance (default 0.1) and "
            "bounds are written only when they are not the derived ones.",
            "type": "object",
            "properties": {
                "amount": {
                    "description": "The stated amount: an exact decimal, as a string.",
                    **decimal,
                },
                "currency": _ref("Currency"),
                "qualifier": {
                    "description": "How the amount was qualified.",
                    "enum": qualifiers,
                },
                "tolerance": {
                    "description": "The relative width of the bounds, 0 to 1: "
                    "an exact decimal, as a string.",
                    **decimal,
                },
                "low": {
                    "description": "The lower bound (same currency): an exact "
                    "decimal, as a string.",
                    **decimal,
                },
                "high": {
                    "description": "The upper bound (same currency): an exact "
                    "decimal, as a string.",
                    **decimal,
                },
            },
            "required": ["amount", "currency", "qualifier"],
            "additionalProperties": False,
        },
        "Measure": {
            "description": "A value of any measure: Money, an Estimate, a "
            "number (an exact decimal, as a string without a unit, such as "
            "'0.5', as bilat writes it; a number such as 78 or 0.5 is read "
            "exactly too) or a quantity (a string with a unit, such as "
            "'152 km').",
            "oneOf": [
                _ref("Money"),
                _ref("Estimate"),
                {"type": "number"},
                {"type": "string", "pattern": DECIMAL_PATTERN},
                {"allOf": [_ref("Quantity"), {"not": {"pattern": DECIMAL_PATTERN}}]},
            ],
        },
        "Quantity": {
            "description": "A physical quantity: a decimal magnitude, a space "
            "and a unit pint knows, such as '152 km' or '20000000 t / year'.",
            "type": "string",
            "pattern": _QUANTITY_PATTERN,
        },
    }


def _enum_def(cls: type[enum.Enum]) -> dict[str, Any]:
    return {"description": _summary(cls), "enum": [m.value for m in cls]}


class _Builder:
    """Turns plain types into schema fragments, collecting ``$defs``."""

    def __init__(self) -> None:
        self.defs: dict[str, Any] = _scalar_defs()

    def schema(self, type_: Any) -> dict[str, Any]:
        simple: dict[Any, dict[str, Any]] = {
            str: {"type": "string"},
            int: {"type": "integer"},
            Decimal: _ref("Decimal"),
            dt.date: _ref("Date"),
            Country: _ref("Country"),
            Currency: _ref("Currency"),
            Money: _ref("Money"),
            Estimate: _ref("Estimate"),
            Quantity: _ref("Quantity"),
            MoneyOrEstimate: {"oneOf": [_ref("Money"), _ref("Estimate")]},
            DateOrYear: {"anyOf": [_ref("Date"), _YEAR_NUMBER]},
            Measure: _ref("Measure"),
            SaidBy: {"anyOf": [_ref("Official"), _ref("Country")]},
            AnyTarget: {"oneOf": [_ref("TradeTarget"), _ref("Target")]},
            AnySeries: {"oneOf": [_ref("TradeSeries"), _ref("Series")]},
        }
        if type_ in simple:
            return simple[type_]
        origin = typing.get_origin(type_)
        if origin is tuple:
            return {"type": "array", "items": self.schema(typing.get_args(type_)[0])}
        if origin is collections.abc.Mapping:
            key, value = typing.get_args(type_)
            table: dict[str, Any] = {"type": "object"}
            if key is Year:
                table["propertyNames"] = {"pattern": "^[1-9][0-9]{0,3}$"}
            table["additionalProperties"] = self.schema(value)
            return table
        if isinstance(type_, type) and issubclass(type_, enum.Enum):
            self.defs.setdefault(type_.__name__, _enum_def(type_))
            return _ref(type_.__name__)
        return _ref(type_.__name__)

    def record(self, record: Record) -> dict[str, Any]:
        attributes = record.attributes()
        required = [
            a.name
            for a in attributes
            if a.default is attrs.NOTHING and a.name not in record.nullable
        ]
        described = _arguments(record.cls)
        properties: dict[str, Any] = {}
        for a in attributes:
            properties[a.name] = self.schema(a.type)
            bounds = _INT_BOUNDS.get((record.name, a.name))
            if bounds is not None:
                properties[a.name] = {
                    **properties[a.name],
                    "minimum": bounds[0],
                    "maximum": bounds[1],
                }
            description = _DESCRIPTIONS.get(
                (record.name, a.name), described.get(a.name)
            )
            if description is not None:
                properties[a.name] = {
                    "description": description,
                    **properties[a.name],
                }
        result: dict[str, Any] = {
            "description": _summary(record.cls),
            "type": "object",
            "properties": properties,
        }
        if required:
            result["required"] = required
        if record.stand_in is not None:
            result["anyOf"] = [{"required": [name]} for name in record.stand_in]
        result["additionalProperties"] = False
        return result


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of bilat's dossier files.

    It applies to JSON files as they are and to TOML files as :mod:`tomllib`
    reads them. The same schema ships as ``bilat/io/bilat.schema.json``.

    Example:
        >>> from bilat.io import json_schema
        >>> schema = json_schema()
        >>> schema["$schema"]
        'https://json-schema.org/draft/2020-12/schema'
        >>> schema["properties"]["format"]
        {'const': 'bilat/1'}
        >>> schema["$defs"]["Money"]["required"]
        ['amount', 'currency']
    """
    builder = _Builder()
    for record in records():
        builder.defs[record.name] = builder.record(record)
    dossier = builder.defs.pop("Dossier")
    properties = {"format": {"const": FORMAT}, **dossier["properties"]}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "bilat dossier",
        "description": dossier["description"]
        + f" Written by bilat as format {FORMAT!r}; the 'format' key may be "
        "left out.",
        "type": "object",
        "properties": properties,
        "required": dossier["required"],
        "additionalProperties": False,
        "$defs": dict(sorted(builder.defs.items())),
    }


def schema_text() -> str:
    """The schema as the JSON text of the shipped file."""
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
