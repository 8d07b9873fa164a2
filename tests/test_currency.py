"""Currency: ISO 4217 codes and minor units, CLDR names and symbols."""

from __future__ import annotations

import re

import attrs
import pytest
from babel import Locale
from babel.numbers import get_currency_precision
from hypothesis import given
from tests.strategies import currencies

from bilat import BilatError, Currency, UnknownCurrencyError, UnknownLocaleError


class TestCode:
    """Codes are normalised to upper case, whatever case they are given in."""

    @pytest.mark.parametrize("code", ["usd", "USD", "Usd", "uSd"])
    def test_any_case(self, code: str) -> None:
        """Every spelling of the case gives the code 'USD'."""
        assert Currency(code).code == "USD"

    def test_from_currency(self) -> None:
        """A Currency given as the code gives an equal Currency."""
        assert Currency(Currency("kzt")).code == "KZT"

    def test_numeric(self) -> None:
        """The ISO 4217 numeric codes of KZT, USD and UZS."""
        assert Currency("KZT").numeric == 398
        assert Currency("usd").numeric == 840
        assert Currency("UZS").numeric == 860

    def test_str(self) -> None:
        """str() is the bare code."""
        assert str(Currency("eur")) == "EUR"

    def test_frozen(self) -> None:
        """The code cannot be changed after construction."""
        cur = Currency("USD")
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            cur.code = "EUR"  # type: ignore[misc]


class TestDigits:
    """Minor units come from ISO 4217, not from CLDR's display digits."""

    @pytest.mark.parametrize(
        ("code", "digits"),
        [
            ("USD", 2),
            ("KZT", 2),
            ("UZS", 2),
            ("RUB", 2),
            ("COP", 2),
            ("IDR", 2),
            ("IQD", 3),
            ("KWD", 3),
            ("BHD", 3),
            ("JPY", 0),
            ("KRW", 0),
            ("CLF", 4),
            ("XAU", None),
            ("XDR", None),
        ],
    )
    def test_iso_minor_unit(self, code: str, digits: int | None) -> None:
        """The minor unit is the ISO 4217 one."""
        assert Currency(code).digits == digits

    @pytest.mark.parametrize(
        ("code", "iso", "cldr"), [("COP", 2, 0), ("IDR", 2, 0), ("IQD", 3, 0)]
    )
    def test_differs_from_cldr(self, code: str, iso: int, cldr: int) -> None:
        """Where CLDR shows fewer digits, ISO 4217 still decides."""
        assert get_currency_precision(code) == cldr
        assert Currency(code).digits == iso


class TestNames:
    """Names and symbols come from CLDR in the requested locale."""

    @pytest.mark.parametrize(
        ("code", "locale", "name"),
        [
            ("USD", "en", "US Dollar"),
            ("USD", "ru", "доллар США"),
            ("USD", "kk", "АҚШ доллары"),
            ("USD", "uz", "AQSH dollari"),
            ("KZT", "en", "Kazakhstani Tenge"),
            ("KZT", "ru", "казахский тенге"),
            ("KZT", "kk", "Қазақстан теңгесі"),
            ("KZT", "uz", "Qozog\u2018iston tengesi"),
            ("UZS", "en", "Uzbekistani Som"),
            ("UZS", "ru", "узбекский сум"),
            ("UZS", "kk", "Өзбекстан сомы"),
            ("UZS", "uz", "O\u2018zbekiston so\u2018mi"),
        ],
    )
    def test_name(self, code: str, locale: str, name: str) -> None:
        """The CLDR name of the currency in the locale."""
        assert Currency(code).name(locale) == name

    @pytest.mark.parametrize(
        ("code", "locale", "symbol"),
        [
            ("USD", "en", "$"),
            ("USD", "ru", "$"),
            ("USD", "kk", "$"),
            ("USD", "uz", "US$"),
            ("KZT", "en", "KZT"),
            ("KZT", "kk", "₸"),
            ("RUB", "ru", "₽"),
            ("UZS", "uz", "so\u02bbm"),
            ("EUR", "en", "€"),
            ("JPY", "kk", "JP¥"),
        ],
    )
    def test_symbol(self, code: str, locale: str, symbol: str) -> None:
        """The CLDR symbol of the currency in the locale."""
        assert Currency(code).symbol(locale) == symbol

    def test_defaults_to_english(self) -> None:
        """Without a locale, name and symbol are the English ones."""
        assert Currency("EUR").name() == "Euro"
        assert Currency("EUR").symbol() == "€"

    def test_locale_forms(self) -> None:
        """A hyphenated identifier and a babel Locale both work."""
        assert Currency("USD").name("ru-RU") == "доллар США"
        assert Currency("KZT").symbol(Locale.parse("kk_KZ")) == "₸"

    @pytest.mark.parametrize("locale", ["xx_YY", "", "english"])
    def test_unknown_locale(self, locale: str) -> None:
        """An identifier CLDR does not know is an UnknownLocaleError naming it."""
        with pytest.raises(UnknownLocaleError, match=re.escape(f"{locale!r}")):
            Currency("USD").name(locale)

    def test_locale_not_a_string(self) -> None:
        """A locale that is neither text nor a Locale is refused."""
        with pytest.raises(UnknownLocaleError, match="unknown locale 42"):
            Currency("USD").symbol(42)  # type: ignore[arg-type]


class TestUnknown:
    """Anything that is not an ISO 4217 code is an UnknownCurrencyError."""

    @pytest.mark.parametrize(
        "code", ["XYZ", "US", "usdd", "", "U$D", "ÜSD", "DOLLAR", 123, None, 840]
    )
    def test_refused(self, code: object) -> None:
        """The error names the value given and asks for an ISO 4217 code."""
        with pytest.raises(UnknownCurrencyError) as info:
            Currency(code)
        assert str(info.value) == (
            f"unknown currency {code!r}: expected an ISO 4217 code such as 'USD'"
        )
        assert info.value.code == code

    def test_is_lookup_error(self) -> None:
        """The error is both a BilatError and a LookupError."""
        with pytest.raises(LookupError):
            Currency("XYZ")
        with pytest.raises(BilatError):
            Currency("XYZ")


class TestEquality:
    """Currencies are equal and hash alike exactly when their codes are."""

    def test_equal_across_case(self) -> None:
        """'usd' and 'USD' are one currency with one hash."""
        assert Currency("usd") == Currency("USD")
        assert hash(Currency("usd")) == hash(Currency("USD"))
        assert len({Currency("usd"), Currency("USD"), Currency("Usd")}) == 1

    def test_different_codes(self) -> None:
        """Different codes are different currencies."""
        assert Currency("USD") != Currency("EUR")

    def test_not_equal_to_text(self) -> None:
        """A Currency is not equal to its code as text."""
        code: object = "USD"
        assert Currency("USD") != code


class TestRepr:
    """repr names the class and the code and reads back through eval."""

    def test_repr(self) -> None:
        """The repr is Currency('KZT') whatever the input case."""
        assert repr(Currency("kzt")) == "Currency('KZT')"

    @given(currencies())
    def test_eval_round_trip(self, cur: Currency) -> None:
        """eval(repr(c)) == c for every ISO 4217 currency."""
        assert eval(repr(cur), {"Currency": Currency}) == cur

    @given(currencies())
    def test_lower_case_is_same(self, cur: Currency) -> None:
        """The lower-case code gives the same currency."""
        assert Currency(cur.code.lower()) == cur


class TestFuzzRegressions:
    """Codes that fuzzing found, refused and named as given."""

    @pytest.mark.parametrize("code", ["uſd", "ıls", "ſek", "ﬀ"])
    def test_letters_that_upper_case_to_ascii(self, code: str) -> None:
        """'ſ'.upper() is 'S' and 'ı'.upper() is 'I': such codes are refused."""
        with pytest.raises(UnknownCurrencyError, match=f"unknown currency '{code}'"):
            Currency(code)

    def test_message_names_the_code_as_given(self) -> None:
        """An unknown code is named as given, not upper-cased (' nan ', not 'NAN')."""
        with pytest.raises(UnknownCurrencyError) as info:
            Currency(" nan ")
        assert str(info.value).startswith("unknown currency ' nan ':")
        assert info.value.code == " nan "
