"""Currency: ISO 4217 codes and minor units, CLDR names and symbols."""

from __future__ import annotations

import csv
import datetime as dt
import pickle
import re
from decimal import Decimal
from importlib.resources import files

import attrs
import iso4217
import pytest
from babel import Locale
from babel.numbers import get_currency_precision, list_currencies
from hypothesis import given
from hypothesis import strategies as st
from tests.strategies import CURRENCY_CODES, HISTORIC_CODES, currencies

from bilat import (
    BilatError,
    Country,
    Currency,
    CurrencyMismatchError,
    ExchangeRates,
    Money,
    MoneyBag,
    TradeMetric,
    TradeSeries,
    UnknownCurrencyError,
    UnknownLocaleError,
)
from bilat._currency import _read_historic

#: The codes of ISO 4217 list one, as the iso4217 package has them.
CURRENT_CODES = frozenset(str(c.value) for c in iso4217.Currency)

#: The rows of bilat's table of ISO 4217 list three, read as plain CSV.
_TABLE = list(
    csv.DictReader(
        line
        for line in (files("bilat") / "iso4217_historic.csv")
        .read_text(encoding="utf-8")
        .splitlines()
        if not line.startswith("#")
    )
)


def _last_year(withdrawn: str) -> int:
    return max(int(year) for year in re.findall(r"\d{4}", withdrawn))


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
            Currency(code)  # type: ignore[arg-type]
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


class TestHistoric:
    """Codes ISO 4217 has withdrawn (its list three) are currencies, marked historic."""

    @pytest.mark.parametrize("code", ["BGN", "bgn", "ANG", "HRK", "DEM", "ITL", "SUR"])
    def test_accepted(self, code: str) -> None:
        """A withdrawn code is a Currency, normalised to upper case, and historic."""
        currency = Currency(code)
        assert currency.code == code.upper()
        assert currency.historic

    @pytest.mark.parametrize(
        ("code", "withdrawn"),
        [
            ("BGN", "2026-01"),
            ("ANG", "2025-03"),  # 2010-10 in the Netherlands Antilles, 2025-03 later
            ("HRK", "2023-01"),  # ISO lists 2015-06 and 2023-01
            ("DEM", "2002-03"),
            ("DDM", "1990-07 to 1990-09"),
            ("BGJ", "1989 to 1990"),
        ],
    )
    def test_withdrawn(self, code: str, withdrawn: str) -> None:
        """The latest withdrawal ISO 4217 lists, written as ISO writes it."""
        assert Currency(code).withdrawn == withdrawn

    @pytest.mark.parametrize("code", ["EUR", "XCG", "USD", "TRY", "XAU"])
    def test_current(self, code: str) -> None:
        """A current code is not historic, even one list three also names (EUR)."""
        assert not Currency(code).historic
        assert Currency(code).withdrawn is None

    @pytest.mark.parametrize(
        ("code", "numeric"), [("BGN", 975), ("ANG", 532), ("XCG", 532), ("XFO", None)]
    )
    def test_numeric(self, code: str, numeric: int | None) -> None:
        """ISO's numbers; none for the three withdrawn codes ISO gives none."""
        assert Currency(code).numeric == numeric

    @pytest.mark.parametrize(
        ("code", "digits"), [("BGN", 2), ("ITL", 0), ("BGK", None)]
    )
    def test_digits_from_cldr(self, code: str, digits: int | None) -> None:
        """List three has no minor units: CLDR's, or None where CLDR has no entry."""
        assert Currency(code).digits == digits

    def test_names(self) -> None:
        """Names and symbols of withdrawn codes come from CLDR as for current ones."""
        assert Currency("BGN").name() == "Bulgarian Lev"
        assert Currency("BGN").name("bg") == "Български лев"
        assert Currency("ANG").name() == "Netherlands Antillean Guilder"
        assert Currency("BGN").symbol("bg") == "лв."

    def test_pickle_and_repr(self) -> None:
        """A withdrawn currency pickles and reads back through its repr."""
        currency = Currency("ANG")
        assert pickle.loads(pickle.dumps(currency)) == currency
        assert eval(repr(currency), {"Currency": Currency}) == currency


class TestHistoricAmounts:
    """Amounts, rates and series in withdrawn currencies work as in current ones."""

    def test_amounts(self) -> None:
        """Lev and guilder amounts add, round to cents and allocate."""
        total = Money(10, "BGN") + Money("0.55", "BGN")
        assert total == Money("10.55", "BGN")
        assert (Money(1, "BGN") / 3).round() == Money("0.33", "BGN")
        assert Money("2.51", "ANG").allocate([1, 1]) == (
            Money("1.26", "ANG"),
            Money("1.25", "ANG"),
        )

    def test_mixing_refused(self) -> None:
        """A lev is not a euro: adding them is a CurrencyMismatchError."""
        with pytest.raises(CurrencyMismatchError):
            Money(1, "BGN") + Money(1, "EUR")

    def test_rate_bgn_to_eur(self) -> None:
        """At the fixed 1.95583 lev a euro, 195,583 lev are 100,000 euro."""
        rates = ExchangeRates.from_records([("2025-12-31", "EUR", "BGN", "1.95583")])
        on = dt.date(2025, 12, 31)
        assert Money(195_583, "BGN").to("EUR", rates, on=on) == Money(100_000, "EUR")
        assert Money(100_000, "EUR").to("BGN", rates, on=on) == Money(195_583, "BGN")

    def test_bag(self) -> None:
        """A bag of lev and euro converts each currency at its rate."""
        rates = ExchangeRates.from_records([("2025-12-31", "EUR", "BGN", "1.95583")])
        bag = MoneyBag(Money("1.95583", "BGN"), Money(1, "EUR"))
        assert bag.to("EUR", rates, on=dt.date(2025, 12, 31)) == Money(2, "EUR")

    def test_series(self) -> None:
        """A series in lev keeps its currency; 100 to 121 lev in two years is 10 %."""
        series = TradeSeries(
            (Country("BG"), Country("DE")),
            TradeMetric.TURNOVER,
            {2021: Money(100, "BGN"), 2023: Money(121, "BGN")},
        )
        assert series.latest(2023) == (2023, Money(121, "BGN"))
        assert series.cagr(2021, 2023) == Decimal("0.1")


class TestEveryCode:
    """Every code CLDR (through babel) lists is accepted exactly when ISO 4217 has it."""

    def test_babel_codes(self) -> None:
        """ISO codes, current or withdrawn, round-trip; CLDR's own (CNH) are refused."""
        iso = set(CURRENCY_CODES)
        for code in sorted(list_currencies()):
            if code in iso:
                currency = Currency(code.lower())
                assert currency.code == code
                assert eval(repr(currency), {"Currency": Currency}) == currency
                assert currency.historic == (code in HISTORIC_CODES - CURRENT_CODES)
            else:
                with pytest.raises(UnknownCurrencyError, match=re.escape(repr(code))):
                    Currency(code)

    @given(st.sampled_from(sorted(HISTORIC_CODES - CURRENT_CODES)))
    def test_withdrawn_are_historic(self, code: str) -> None:
        """A code only list three has is historic, withdrawn in its latest year there."""
        currency = Currency(code)
        assert currency.historic
        assert currency.withdrawn is not None
        assert _last_year(currency.withdrawn) == max(
            _last_year(row["withdrawn"]) for row in _TABLE if row["code"] == code
        )

    @pytest.mark.parametrize("code", ["CNH", "BGM", "ARL", "XYZ"])
    def test_not_iso_refused(self, code: str) -> None:
        """Codes only CLDR uses are refused with the usual message."""
        with pytest.raises(UnknownCurrencyError) as info:
            Currency(code)
        assert str(info.value) == (
            f"unknown currency {code!r}: expected an ISO 4217 code such as 'USD'"
        )


class TestHistoricTable:
    """The table of withdrawn codes is read as ISO writes withdrawals."""

    def test_latest_withdrawal_wins(self) -> None:
        """Of several entries for one code, the one that ends latest is kept."""
        text = (
            "# a comment\n"
            "code,numeric,name,entity,withdrawn\n"
            "AAA,001,A,ONE,1990-07 to 1990-09\n"
            "AAA,001,A,TWO,1989 to 1990\n"
            "BBB,,B,ONE,1989-1990\n"
            "BBB,,B,TWO,1990-11\n"
        )
        table = _read_historic(text)
        assert table["AAA"].withdrawn == "1989 to 1990"  # 1990 ends after 1990-09
        assert table["BBB"].withdrawn == "1989-1990"
        assert table["BBB"].numeric is None

    def test_unreadable_withdrawal(self) -> None:
        """A withdrawal in no form ISO uses stops the table from loading."""
        text = "code,numeric,name,entity,withdrawn\nAAA,001,A,ONE,soon\n"
        with pytest.raises(RuntimeError, match="'soon'"):
            _read_historic(text)
