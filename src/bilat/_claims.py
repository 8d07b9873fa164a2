"""Claims: figures someone stated, the ranges they allow, conflicts and the pick.

A :class:`Claim` is one figure as someone stated it: "Kazakhstan–Uzbekistan
turnover in 2022 was $4.6 bn (ministers' meeting, 22 September 2023)".
Different speakers give different figures for the same year; bilat keeps all
of them, says which disagree (:func:`conflicts`) and picks one per year by a
documented rule (:func:`choose`).

**The range a claim allows.** A figure stands for every value it may have
been rounded from, or that its qualifier allows:

======================================  ======================================
the claim                               its range
======================================  ======================================
an :class:`~bilat.Estimate`             its bounds; ``OVER`` is open at its
                                        value: (v, v·(1+t)]
an exact figure with precision ``p``    [v − p/2, v + p/2)
an exact figure without precision       [v, v]
======================================  ======================================

So ``"$4.6 billion"`` allows [4.55, 4.65) bn, ``"$4.97 bn"`` allows
[4.965, 4.975) bn and ``"over $4.6 bn"`` allows (4.6, 5.06] bn. Two claims
*overlap* when their ranges share a value, compared exactly (as fractions),
in a common unit.

**Precision is read from the text, never from a Decimal.** ``"$4.6
billion"`` was written to the nearest 10⁸ dollars, and that is known only
from the text. A :class:`~decimal.Decimal` cannot say it: ``Decimal("4.6E+9")
== Decimal("4600000000")``, and sums, products and files drop exponents. A
figure typed in by hand gets a precision only when it is given
(``precision="1E+8"``); without one it is exact as given.
"""

from __future__ import annotations

import copyreg
import datetime as dt
import decimal
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from typing import (
    TYPE_CHECKING,
    Any,
    Final,
    NamedTuple,
    final,
)

import attrs

from bilat._country import Country, CountryLike, as_country, to_parties
from bilat._decimal import EXACT, arithmetic_error, decimal_text, to_decimal
from bilat._errors import (
    ArgumentTypeError,
    BilatError,
    CurrencyMismatchError,
    ParseError,
    UnitMismatchError,
    ValidationError,
    shown,
)
from bilat._estimate import Estimate, Qualifier
from bilat._events import Official
from bilat._fields import (
    DateOrYear,
    as_optional_date_or_year,
    as_optional_text,
    invalid,
    plain_str,
)
from bilat._locale import LocaleLike, get_locale
from bilat._measure import (
    Amount,
    Measure,
    MeasureLike,
    as_measure,
    describe,
    kind_key,
    measure_key,
)
from bilat._measure import (
    stated as stated_value,
)
from bilat._money import Money, make_money
from bilat._pickling import plain, public
from bilat._series import DIRECTED, as_subject, check_year
from bilat._source import Source, date_or_year_repr

if TYPE_CHECKING:
    import pint

    from bilat._rates import ExchangeRates
    from bilat._series import TradeMetric

__all__ = ["Claim", "order"]

_TWO: Final = Decimal(2)

# -- field converters -------------------------------------------------------------


def as_claim_subject(value: str | TradeMetric) -> str:
    return as_subject(value, "subject")


def as_period(value: int) -> int:
    return check_year(value, "period")


def _value(value: MeasureLike) -> Measure:
    measure = as_measure(value, "value")
    if (
        isinstance(measure, Estimate)
        and measure.qualifier is Qualifier.EXACT
        and measure.is_exact
    ):
        return measure.value  # an exact Estimate is its Money
    return measure


def _source(value: Source) -> Source:
    return _checked_source(value)


def _checked_source(value: object) -> Source:
    if not isinstance(value, Source):
        raise invalid(
            "source", f"expected a Source such as Source('Akorda'), got {shown(value)}"
        )
    return value


def _said_by(value: Official | CountryLike | None) -> Official | Country | None:
    return _checked_said_by(value)


def _checked_said_by(value: object) -> Official | Country | None:
    if value is None or isinstance(value, Official | Country):
        return value
    if isinstance(value, str | int) and not isinstance(value, bool):
        try:
            return as_country(value, "said_by")
        except ValidationError as e:
            reason = e.problems[0][1]
            raise invalid(
                "said_by",
                f"expected an Official or a country, got {shown(value)} ({reason})",
            ) from None
    raise invalid(
        "said_by",
        (
            "expected an Official, a country (Country('KZ') or a code) "
            f"or None, got {shown(value)}"
        ),
    )


def _stated(value: dt.date | int | str | None) -> DateOrYear | None:
    return as_optional_date_or_year(value, "stated")


def _note(value: str | None) -> str | None:
    return as_optional_text(value, "note")


def _text(value: str | None) -> str | None:
    return as_optional_text(value, "text")


def _precision(value: Decimal | int | str | None) -> Decimal | None:
    return _checked_precision(value)


def _checked_precision(value: object) -> Decimal | None:
    if value is None:
        return None
    expected = (
        "a positive step such as Decimal('1E+8') or '0.1e9' (the value of one "
        "unit in the last digit written), or None for a figure exact as given"
    )
    if isinstance(value, bool) or not isinstance(value, int | Decimal | str):
        raise invalid("precision", f"expected {expected}, got {shown(value)}")
    try:
        step = to_decimal(value, what="precision")
    except BilatError as e:
        raise invalid("precision", str(e)) from None
    if step <= 0:
        raise invalid("precision", f"expected {expected}, got {shown(value)}")
    return step


# -- reading the text ---------------------------------------------------------------


def _read(text: str, locale: LocaleLike) -> tuple[Measure, Decimal]:
    """The value a text states and the step of its last written digit.

    Money first (as :meth:`Estimate.parse` reads it), then a quantity as
    written, whatever its dimension (``"152 km"``, ``"5 %"``, ``"5 km/m"``),
    or a plain number when no unit is written (``"78"``).
    """
    from bilat._parse import parse_estimate_with_step

    try:
        estimate, step = parse_estimate_with_step(text, locale)
    except ParseError as e:
        as_money = e.expected
    else:
        return _value(estimate), step
    from bilat._units import parse_quantity_with_step

    try:
        return parse_quantity_with_step(text)
    except BilatError as e:
        raise invalid(
            "value",
            (
                f"cannot read {shown(text)} as an amount of money "
                f"({as_money}), nor as a quantity such as '152 km' or a "
                f"number such as '78' ({e})"
            ),
        ) from None


# -- ranges ---------------------------------------------------------------------------


class _Range(NamedTuple):
    """A claim's range in its own kind, with its open ends."""

    low: Amount
    high: Amount
    low_open: bool
    high_open: bool


def _shifted(value: Amount, by: Decimal) -> Amount:
    """``value`` plus ``by`` (in the value's unit), exactly."""
    if isinstance(value, Money):
        number = value.amount
    elif isinstance(value, Decimal):
        number = value
    else:
        from bilat._units import magnitude

        number = magnitude(value)
    try:
        moved = EXACT.add(number, by)
    except decimal.DecimalException as e:
        raise arithmetic_error(e, (value, by), "bound of a claim") from None
    if isinstance(value, Money):
        return make_money(moved, value.currency)
    if isinstance(value, Decimal):
        return to_decimal(moved, what="bound of a claim")
    from bilat._units import get_registry

    return get_registry().Quantity(moved, value.units)


def claim_range(claim: Claim) -> _Range:
    value = claim.value
    if isinstance(value, Estimate):
        over = value.qualifier is Qualifier.OVER and value.low == value.value
        open_low = over and value.low < value.high
        return _Range(value.low, value.high, low_open=open_low, high_open=False)
    if claim.precision is None:
        return _Range(value, value, low_open=False, high_open=False)
    try:  # in bilat's context, whatever the caller's
        half = EXACT.divide(claim.precision, _TWO)
        below = EXACT.minus(half)
    except decimal.DecimalException as e:
        raise arithmetic_error(e, claim.precision, "half of the precision") from None
    low, high = _shifted(value, below), _shifted(value, half)
    return _Range(low, high, low_open=False, high_open=True)


class _Span(NamedTuple):
    """A range as exact fractions of one unit, to compare with another's."""

    low: Fraction
    high: Fraction
    low_open: bool
    high_open: bool


def exact_fraction(value: Amount) -> Fraction:
    """An amount as an exact fraction (a quantity's in base units)."""
    if isinstance(value, Money):
        return Fraction(value.amount)
    if isinstance(value, Decimal):
        return Fraction(value)
    from bilat._units import quantity_key

    size = quantity_key(value)[0]
    assert isinstance(size, Fraction)  # bilat's quantities are multiplicative
    return size


def _unit_text(value: Measure) -> str:
    return f"{stated_value(value).units:D}"  # type: ignore[union-attr]


_OVERLAPS_HINT: Final = "pass rates= to Claim.overlaps() or bilat.conflicts()"


def spans(
    first: Claim, second: Claim, rates: ExchangeRates | None
) -> tuple[_Span, _Span]:
    """Both claims' ranges in one unit, ready to compare.

    Money of two currencies goes into the currency whose code comes first,
    each claim at the rate on or before 31 December of its own period, so
    the result does not depend on which claim is which.
    """
    kinds = kind_key(first.value), kind_key(second.value)
    if kinds[0][0] != kinds[1][0]:
        raise invalid(
            "",
            (
                f"cannot compare {describe(first.value)} with "
                f"{describe(second.value)}: claims on one subject "
                "state values of one kind"
            ),
        )
    ranges = [claim_range(first), claim_range(second)]
    if kinds[0][0] == "money" and kinds[0][1] != kinds[1][1]:
        if rates is None:
            raise CurrencyMismatchError(
                kinds[0][1], kinds[1][1], "overlaps", hint=_OVERLAPS_HINT
            )
        target = min(kinds[0][1], kinds[1][1])
        for i, claim in enumerate((first, second)):
            if kinds[i][1] != target:
                on = dt.date(claim.period, 12, 31)
                low, high, low_open, high_open = ranges[i]
                assert isinstance(low, Money)
                assert isinstance(high, Money)
                ranges[i] = _Range(
                    rates.convert(low, target, on),
                    rates.convert(high, target, on),
                    low_open,
                    high_open,
                )
    elif kinds[0][0] == "quantity" and kinds[0][1] != kinds[1][1]:
        raise UnitMismatchError(
            _unit_text(first.value),
            _unit_text(second.value),
            f"a claim of {kinds[1][1]} cannot be compared with one of {kinds[0][1]}",
        )
    a, b = (
        _Span(exact_fraction(r.low), exact_fraction(r.high), r.low_open, r.high_open)
        for r in ranges
    )
    return a, b


def meet(a: _Span, b: _Span) -> bool:
    """Whether two ranges share a value, ends open or closed."""
    if a.low != b.low:
        low, low_open = max((a.low, a.low_open), (b.low, b.low_open))
    else:
        low, low_open = a.low, a.low_open or b.low_open
    if a.high != b.high:
        high, high_open = min((a.high, a.high_open), (b.high, b.high_open))
    else:
        high, high_open = a.high, a.high_open or b.high_open
    return low < high or (low == high and not low_open and not high_open)


# -- the claim ---------------------------------------------------------------------------


@public
@final
@attrs.frozen(init=False, repr=False, eq=False, getstate_setstate=False)
class Claim:
    """A figure someone stated: what, for which year, how much, and who said so.

    The value may be given as the text as written (``"over $4.6 billion"``,
    ``"152 km"``, ``"78"``): it is read as :meth:`Estimate.parse` reads
    money (in ``locale``), else as a quantity in the unit written (as
    ``bilat.Q_`` reads it; ``"5 %"`` is 5 percent), or as a plain number
    when no unit is written, and the text and its written precision are kept
    (``"$4.6 billion"`` → ``precision=Decimal('1E+8')``; ``"$5.0 bn"`` →
    ``1E+8``; ``"152 km"`` → ``1``, in km). Given ``text`` or ``precision``
    win over what the text would give.

    The range a claim allows (:attr:`low`, :attr:`high`):

    ======================================  ==================================
    the claim                               its range
    ======================================  ==================================
    an Estimate                             its bounds (``OVER`` is open at
                                            its value: (v, v·(1+t)])
    an exact figure with precision ``p``    [v − p/2, v + p/2)
    an exact figure without precision       [v, v]
    ======================================  ==================================

    The precision of a figure typed in by hand is never guessed from a
    Decimal's exponent: ``Decimal("4.6E+9") == Decimal("4600000000")``, and
    arithmetic and files drop exponents. Give it (``precision="1E+8"``), or
    give the text.

    Claims are equal when their fields are, the value compared by meaning
    (``152 km`` equals ``152000 m``) and the precision as the step it stands
    for, so equal claims allow equal ranges.

    Args:
        subject: What is measured: text (``"turnover"``, ``"track laid"``)
            or a :class:`TradeMetric`, which stands for its value, so that
            claims meet trade series.
        period: The year the figure is for (an int from 1 to 9999).
        value: :class:`Money`, an :class:`Estimate` (an exact one is kept as
            its Money), a pint quantity, a number (int or Decimal; floats
            are refused) or the text as written.
        source: Where the figure was stated.
        parties: At least two distinct countries, in the order given (for
            ``"exports"`` and ``"imports"`` the first is the one whose flow
            it is).
        said_by: Who stated it: an :class:`Official` or a country.
        stated: When it was said: a date, an ISO date, or the year alone.
        note: Anything else worth keeping.
        text: The figure as written; set from ``value`` when that is text.
        precision: The step of the last written digit, in the value's unit
            (a positive Decimal, int or text); set from ``value`` when that
            is text; None for a figure exact as given. An Estimate's range
            is its bounds: its precision is kept, and does not widen them.
        locale: The locale the text of ``value`` is written in; used to
            read it, not kept.

    Raises:
        ValidationError: a field is invalid; the error's path names it
            (``value``, ``parties[1]``, ``precision`` …).

    Example:
        >>> from bilat import Claim, Source
        >>> ministers = Source("MENAFN", published="2023-09-22")
        >>> c = Claim("turnover", 2022, "$4.6 billion", ministers, parties=("KZ", "UZ"))
        >>> c.value, c.precision
        (Money('4600000000', 'USD'), Decimal('1E+8'))
        >>> c.low, c.high
        (Money('4550000000', 'USD'), Money('4650000000', 'USD'))
        >>> Claim("length", 2023, "152 km", ministers, parties=("KZ", "UZ")).value
        <Quantity(152, 'kilometer')>
        >>> ru = Claim("turnover", 2023, "более 4,6 млрд долларов", ministers,
        ...            parties=("KZ", "UZ"), locale="ru")
        >>> ru.value.qualifier, ru.precision
        (<Qualifier.OVER: 'over'>, Decimal('1E+8'))
    """

    subject: str = attrs.field(converter=as_claim_subject)
    period: int = attrs.field(converter=as_period)
    value: Measure = attrs.field(converter=_value)
    source: Source = attrs.field(converter=_source)
    parties: tuple[Country, ...] = attrs.field(converter=to_parties)
    said_by: Official | Country | None = attrs.field(converter=_said_by)
    stated: DateOrYear | None = attrs.field(converter=_stated)
    note: str | None = attrs.field(converter=_note)
    text: str | None = attrs.field(converter=_text)
    precision: Decimal | None = attrs.field(converter=_precision)

    def __init__(
        self,
        subject: str | TradeMetric,
        period: int,
        value: Money | Estimate | pint.Quantity[Any] | Decimal | int | str,
        source: Source,
        *,
        parties: Iterable[CountryLike],
        said_by: Official | CountryLike | None = None,
        stated: dt.date | int | str | None = None,
        note: str | None = None,
        text: str | None = None,
        precision: Decimal | int | str | None = None,
        locale: LocaleLike = "en",
    ) -> None:
        try:
            get_locale(locale)
        except BilatError as e:
            raise invalid("locale", str(e)) from None
        measure: MeasureLike
        if isinstance(value, str):
            written = plain_str(value)
            assert written is not None  # every str has its plain copy
            measure, step = _read(written, locale)
            if text is None:
                text = written
            if precision is None:
                precision = step
        else:
            measure = value
        self.__attrs_init__(
            subject=subject,
            period=period,
            value=measure,
            source=source,
            parties=parties,
            said_by=said_by,
            stated=stated,
            note=note,
            text=text,
            precision=precision,
        )

    def __attrs_post_init__(self) -> None:
        try:
            claim_range(self)
        except BilatError as e:
            raise invalid(
                "precision", f"the range of {shown(self.value)} is out of reach: {e}"
            ) from None

    # -- equality: by meaning, the range included -----------------------------------

    def _key(self) -> tuple[object, ...]:
        """What ``==`` and ``hash`` compare: the fields, value and range by meaning.

        ``152 km`` equals ``152000 m``, and a precision counts as the step it
        stands for in the value's unit, so equal claims allow equal ranges.
        """
        return (
            self.subject,
            self.period,
            measure_key(self.value),
            self.source,
            self.parties,
            self.said_by,
            self.stated,
            self.note,
            self.text,
            _precision_key(self.value, self.precision),
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not Claim:
            return NotImplemented
        assert isinstance(other, Claim)
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    # -- pickling: through the fields, quantities as text ------------------------

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle (and copy) the fields, a quantity as text in bilat's units.

        Loading runs the same validation as building the claim by hand.
        """
        state = {f.name: plain(getattr(self, f.name)) for f in attrs.fields(Claim)}
        rebuild = copyreg.__newobj__  # type: ignore[attr-defined]
        return rebuild, (Claim,), state

    def __setstate__(self, state: dict[str, Any]) -> None:
        """Rebuild a claim from the state :meth:`__reduce__` gives."""
        fields = dict(state)
        if isinstance(fields.get("value"), str):  # a quantity, as text
            from bilat._units import parse_quantity

            fields["value"] = parse_quantity(fields["value"])
        self.__attrs_init__(**fields)

    # -- the range ---------------------------------------------------------------

    @property
    def low(self) -> Amount:
        """The lowest value the claim allows, in the value's kind.

        Included, except for an ``OVER`` estimate, whose range is open at
        its value.

        Example:
            >>> from bilat import Claim, Source
            >>> Claim("turnover", 2023, "over $4.6 bn", Source("TCA"),
            ...       parties=("KZ", "UZ")).low
            Money('4600000000', 'USD')
        """
        return claim_range(self).low

    @property
    def high(self) -> Amount:
        """The highest value the claim allows, in the value's kind.

        Included, except for an exact figure with a precision, whose range
        ``[v − p/2, v + p/2)`` is open above.

        Example:
            >>> from bilat import Claim, Source
            >>> Claim("turnover", 2025, "$4.97 bn", Source("Trend"),
            ...       parties=("KZ", "UZ")).high
            Money('4975000000', 'USD')
        """
        return claim_range(self).high

    def overlaps(self, other: Claim, *, rates: ExchangeRates | None = None) -> bool:
        """Whether the ranges of two claims share a value.

        Compared exactly, open and closed ends included, in a common unit:
        money of two currencies in the currency whose ISO code comes first,
        each converted with ``rates`` at the rate on or before 31 December of
        its period; quantities in base units, converted exactly.
        ``a.overlaps(b) == b.overlaps(a)``.

        Raises:
            CurrencyMismatchError: two currencies and no ``rates``.
            UnitMismatchError: quantities of two dimensions; the message
                names both units.
            ValidationError: money, a quantity or a number against another
                of these kinds; the message names both; or ``other`` is not
                a Claim.
            RateNotFoundError: ``rates`` has no rate for a period.

        Example:
            >>> from bilat import Claim, Source
            >>> news = Source("News")
            >>> def claim(text):
            ...     return Claim("turnover", 2022, text, news, parties=("KZ", "UZ"))
            >>> claim("$4.6 bn").overlaps(claim("$5.0 bn"))
            False
            >>> claim("$4.97 bn").overlaps(claim("about $5 bn"))
            True
        """
        given: object = other
        if not isinstance(given, Claim):
            raise ArgumentTypeError(
                [("other", f"expected a Claim, got {shown(given)}")]
            )
        from bilat._rates import optional_rates

        table = optional_rates(rates, "Claim.overlaps()")
        return meet(*spans(self, other, table))

    # -- text -------------------------------------------------------------------

    def __repr__(self) -> str:
        args = [
            repr(self.subject),
            repr(self.period),
            _value_repr(self.value),
            repr(self.source),
            f"parties={tuple(p.alpha2 for p in self.parties)!r}",
        ]
        if isinstance(self.said_by, Country):
            args.append(f"said_by={self.said_by.alpha2!r}")
        elif self.said_by is not None:
            args.append(f"said_by={self.said_by!r}")
        if self.stated is not None:
            args.append(f"stated={date_or_year_repr(self.stated)}")
        for name in ("note", "text"):
            text = getattr(self, name)
            if text is not None:
                args.append(f"{name}={text!r}")
        if self.precision is not None:
            args.append(f"precision=Decimal({decimal_text(self.precision)!r})")
        return f"Claim({', '.join(args)})"

    def __str__(self) -> str:
        who = ""
        if isinstance(self.said_by, Country):
            who = f" ({self.said_by.name()})"
        elif self.said_by is not None:
            who = f" ({self.said_by.name})"
        figure = self.text if self.text is not None else _value_text(self.value)
        cited = self.source.publisher or self.source.title
        return f"{self.subject} {self.period}: {figure}{who}, {cited}"


def _precision_key(value: Measure, precision: Decimal | None) -> object:
    """A precision as the step it stands for: a quantity's in base units."""
    if precision is None or isinstance(value, Money | Estimate | Decimal):
        return precision
    from bilat._units import get_registry

    return measure_key(get_registry().Quantity(precision, value.units))


def _value_repr(value: Measure) -> str:
    if isinstance(value, Money | Estimate):
        return repr(value)
    if isinstance(value, Decimal):
        return f"Decimal({decimal_text(value)!r})"
    return f"Q_({plain(value)!r})"


def _value_text(value: Measure) -> str:
    if isinstance(value, Money | Estimate):
        return value.format()
    if isinstance(value, Decimal):
        return decimal_text(value)
    return f"{plain(value)}"


# -- canonical order ----------------------------------------------------------------


def time_key(when: DateOrYear | None) -> tuple[int, int, int, int]:
    """Earlier first, unknown last; a year alone before the days in it."""
    if when is None:
        return (1, 0, 0, 0)
    if isinstance(when, int):
        return (0, when, 0, 0)
    return (0, when.year, 1, when.toordinal())


def order(claim: Claim) -> tuple[object, ...]:
    """The canonical order of claims: stated date (unknown last), value, repr.

    The same whatever order the claims came in.
    """
    value = stated_value(claim.value)
    return (time_key(claim.stated), kind_key(value), exact_fraction(value), repr(claim))


def parties_key(subject: str, parties: tuple[Country, ...]) -> tuple[Country, ...]:
    """The parties by alpha-2 code; for exports and imports, the first stays first."""
    if subject in DIRECTED:
        rest = sorted(parties[1:], key=lambda c: c.alpha2)
        return (parties[0], *rest)
    return tuple(sorted(parties, key=lambda c: c.alpha2))


def group_key(claim: Claim) -> tuple[str, tuple[str, ...], int]:
    codes = tuple(c.alpha2 for c in parties_key(claim.subject, claim.parties))
    return (claim.subject, codes, claim.period)
