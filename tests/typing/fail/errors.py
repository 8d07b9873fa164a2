"""Errors: the arguments a caller gives when raising bilat's errors.

A line ending in ``# E: <code>`` must be rejected by ``mypy --strict`` with
exactly that error code; every other line must be accepted
(tests/typing/test_must_fail.py checks both).
"""

from __future__ import annotations

import datetime as dt

from bilat import (
    ArgumentTypeError,
    CurrencyMismatchError,
    CurrencyNotFoundError,
    DivisionByZeroError,
    InvalidDateError,
    InvalidNumberError,
    InvalidOptionError,
    MissingExtraError,
    NumberTypeError,
    ParseError,
    PrecisionError,
    RateNotFoundError,
    UnitMismatchError,
    UnknownCountryError,
    UnknownCurrencyError,
    UnknownLocaleError,
    ValidationError,
)

ValidationError([("projects[3].value", "expected Money")], file="dossier.toml")
ValidationError("count: expected an int")
ArgumentTypeError([("rates", "expected ExchangeRates")])
CurrencyMismatchError("USD", "KZT", "+", hint="use .to('USD', rates)")
CurrencyNotFoundError("BG", dt.date(2024, 6, 1), "no currency that day")
DivisionByZeroError(0, "divisor", "a non-zero number")
InvalidDateError("10.04.2024", "published", "an ISO date")
InvalidNumberError(-1, "count", "an int from 1")
InvalidOptionError("format", "yaml", ("json", "toml"))
MissingExtraError("pandas", "pandas", "to_frame")
NumberTypeError("three", "count", "an int")
ParseError("nearly $1bn", "an exact amount", what="amount", locales=["en"])
PrecisionError(1, "amount", "at most 100 digits")
RateNotFoundError("USD", "KZT", None, "no quote")
UnitMismatchError("km", "t", "length and mass")
UnknownCountryError("Atlantis", ["Antarctica"], expected="a country")
UnknownCurrencyError("XYZ")
UnknownLocaleError("xx")


def _not_run() -> None:
    """Type-checked, not run: an error takes its arguments as given, unchecked."""
    ValidationError(5)  # E: arg-type
    ValidationError([("count", 5)])  # E: list-item
    ValidationError("count", file=5)  # E: arg-type
    ArgumentTypeError(None)  # E: arg-type
    CurrencyMismatchError("USD", "KZT")  # E: call-arg
    CurrencyNotFoundError("BG", "2024-06-01")  # E: arg-type
    DivisionByZeroError(0, 1, "a non-zero number")  # E: arg-type
    InvalidDateError("10.04.2024", "published")  # E: call-arg
    InvalidNumberError(-1, "count", None)  # E: arg-type
    InvalidOptionError("format", "yaml", 5)  # E: arg-type
    MissingExtraError("pandas")  # E: call-arg
    NumberTypeError("three", 5, "an int")  # E: arg-type
    ParseError(5, "an exact amount")  # E: arg-type
    PrecisionError(1, "amount", 100)  # E: arg-type
    RateNotFoundError("USD", "KZT", "2025-01-02")  # E: arg-type
    UnitMismatchError("km", 5)  # E: arg-type
    UnknownCountryError("Atlantis", expected=5)  # E: arg-type
