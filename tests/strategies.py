"""Hypothesis strategies for bilat's value classes, one ``<thing>s()`` per class.

By default amounts stay within ±10**15 with at most six decimals, well inside
the exact range of the library's decimal context, so laws can be checked with
``==``. Strategies that take ``wide=True`` draw amounts up to ±10**30 with up
to 30 decimals instead (:func:`wide_amounts`): 60 significant digits, the
library context's precision. :func:`dossiers` draws wide amounts and text
with every kind of character that a file must keep (:func:`texts`).
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from importlib.resources import files
from typing import Any

import iso4217
from hypothesis import strategies as st

import bilat
from bilat import (
    ActionKind,
    Agreement,
    AgreementKind,
    AgreementStatus,
    Claim,
    Country,
    Currency,
    Dossier,
    Estimate,
    ExchangeRates,
    Meeting,
    Money,
    MoneyBag,
    Official,
    Portfolio,
    Progress,
    ProgressStatus,
    ProgressUpdate,
    Project,
    ProjectStatus,
    Qualifier,
    Report,
    Source,
    Topic,
    TradeMetric,
    TradeSeries,
    TradeTarget,
    TreatyAction,
    UnitPrice,
)
from bilat._country import _codes
from bilat._measure import MeasureLike

# -- text --------------------------------------------------------------------------

#: Pieces of text that files and reprs must keep as they are: Cyrillic and
#: Kazakh letters, Uzbek Latin's ʻ and ʼ, no-break and thin spaces, quotes of
#: every kind, backslashes, line breaks and tabs, emoji (flags are two code
#: points), TOML and JSON punctuation, and currency signs.
TEXT_PIECES: tuple[str, ...] = (
    "Қазақстан",
    "Ўзбекистон",
    "Oʻzbekiston",
    "Qozogʻiston",
    "soʻm",
    "taʼlim",
    "\xa0",
    "\u2009",
    "\u202f",
    '"',
    "'",
    "«",
    "»",
    "“",
    "”",
    "\\",
    "\\n",
    "\n",
    "\r\n",
    "\t",
    "🇰🇿",
    "🇺🇿",
    "🚂",
    "🤝",
    "#",
    "[",
    "]",
    "{",
    "}",
    "=",
    '"""',
    "'''",
    "$",
    "₸",
    "–",
    " ",
    "a",
    "1",
)

#: Whole texts as they occur in statements and titles.
SAMPLE_TEXTS: tuple[str, ...] = (
    "Qozogʻiston va Oʻzbekiston",
    "Казахстан и Узбекистан",
    "Қазақстан–Өзбекстан",
    'Treaty on "Allied Relations"',
    "C:\\data\\trade.csv",
    "line one\nline two",
    "$10\xa0billion",
    "🚂 Darbaza–Maktaaral",
)


def texts(max_size: int = 30) -> st.SearchStrategy[str]:
    """Non-empty text without surrounding whitespace, as text fields keep it.

    A third of the draws are any Unicode text, a third are made of
    :data:`TEXT_PIECES` and other characters, the rest are
    :data:`SAMPLE_TEXTS`.
    """
    pieces = st.lists(
        st.sampled_from(TEXT_PIECES) | st.characters(codec="utf-8"),
        min_size=1,
        max_size=8,
    ).map("".join)
    raw = st.one_of(
        st.text(min_size=1, max_size=max_size),
        pieces,
        st.sampled_from(SAMPLE_TEXTS),
    )
    return raw.map(str.strip).filter(bool)


# Kept for strategies written before texts().
_TEXT = texts()

# -- money ---------------------------------------------------------------------------

#: Every code of ISO 4217 list three (withdrawn), read from bilat's table as CSV.
HISTORIC_CODES: frozenset[str] = frozenset(
    row["code"]
    for row in csv.DictReader(
        line
        for line in (files("bilat") / "iso4217_historic.csv")
        .read_text(encoding="utf-8")
        .splitlines()
        if not line.startswith("#")
    )
)

#: Every ISO 4217 code bilat accepts, current (the iso4217 package) or withdrawn.
CURRENCY_CODES: tuple[str, ...] = tuple(
    sorted({str(c.value) for c in iso4217.Currency} | HISTORIC_CODES)
)

#: Currencies with every kind of minor unit (2, 0, 3, 4 and none), drawn often.
EDGE_CODES: tuple[str, ...] = ("USD", "JPY", "KWD", "CLF", "XAU", "KZT", "UZS")

#: Largest absolute amount drawn by default.
AMOUNT_LIMIT = 10**15

#: Largest absolute amount drawn by the wide strategies, and their most decimals.
WIDE_LIMIT = 10**30
WIDE_PLACES = 30

#: A few currencies with different minor units, so that bags mix and collide.
BAG_CODES: tuple[str, ...] = ("EUR", "JPY", "KWD", "KZT", "USD", "UZS")


def currencies() -> st.SearchStrategy[Currency]:
    """Any ISO 4217 currency (minor unit 0 to 4, or none as for ``XAU``).

    Half the draws come from :data:`EDGE_CODES`, so every kind of minor unit
    turns up in every run.
    """
    return st.one_of(st.sampled_from(EDGE_CODES), st.sampled_from(CURRENCY_CODES)).map(
        Currency
    )


def _currency_choice(
    currency: Currency | str | None,
) -> st.SearchStrategy[Currency]:
    return currencies() if currency is None else st.just(Currency(currency))


def amounts(
    *,
    min_value: int | Decimal = -AMOUNT_LIMIT,
    max_value: int | Decimal = AMOUNT_LIMIT,
    max_places: int = 6,
) -> st.SearchStrategy[Decimal]:
    """Finite Decimals between the bounds with 0 to ``max_places`` decimals."""
    return st.integers(0, max_places).flatmap(
        lambda places: st.decimals(
            min_value=min_value,
            max_value=max_value,
            places=places,
            allow_nan=False,
            allow_infinity=False,
        )
    )


@st.composite
def _scaled(draw: st.DrawFn, *, signed: bool, positive: bool) -> Decimal:
    """A coefficient of up to 60 digits at an exponent from -30 to 29, below 10**30.

    Built from text, so no decimal context rounds it.
    """
    exponent = draw(st.integers(-WIDE_PLACES, 29))
    digits = draw(st.integers(1 if positive else 0, 10 ** (30 - exponent) - 1))
    sign = "-" if signed and draw(st.booleans()) else ""
    return Decimal(f"{sign}{digits}E{exponent}")


def wide_amounts(
    *, signed: bool = True, positive: bool = False
) -> st.SearchStrategy[Decimal]:
    """Amounts below 10**30 in size with up to 30 decimals (60 digits at most).

    Tiny (``1E-30``), huge (``999…9``), exponents such as ``1E+29``, and the
    plain amounts of :func:`amounts`. ``signed=False`` keeps them at zero or
    more, ``positive=True`` above zero.
    """
    signed = signed and not positive
    low = -WIDE_LIMIT + 1 if signed else 0
    plain = amounts(min_value=low, max_value=WIDE_LIMIT - 1, max_places=WIDE_PLACES)
    tiny = st.integers(1, 10**6).map(lambda n: Decimal(f"{n}E-{WIDE_PLACES}"))
    edges = st.sampled_from(
        (
            Decimal("1E-30"),
            Decimal("9" * 30 + "." + "9" * 30),
            Decimal("1E+29"),
            Decimal("123456789012345678901234567890.123456789012345678901234567891"),
        )
    )
    drawn = st.one_of(plain, tiny, edges, _scaled(signed=signed, positive=positive))
    return drawn.filter(bool) if positive else drawn


def moneys(
    currency: Currency | str | None = None,
    *,
    min_value: int | Decimal = -AMOUNT_LIMIT,
    max_value: int | Decimal = AMOUNT_LIMIT,
    max_places: int = 6,
) -> st.SearchStrategy[Money]:
    """Money in ``currency`` (any currency when None) with bounded amounts."""
    return st.builds(
        Money,
        amounts(min_value=min_value, max_value=max_value, max_places=max_places),
        _currency_choice(currency),
    )


def wide_moneys(
    currency: Currency | str | None = None,
    *,
    signed: bool = True,
    positive: bool = False,
) -> st.SearchStrategy[Money]:
    """Money with the amounts of :func:`wide_amounts`."""
    return st.builds(
        Money,
        wide_amounts(signed=signed, positive=positive),
        _currency_choice(currency),
    )


#: Tolerances drawn for estimates: the ends of the range and anything between.
TOLERANCES = st.one_of(
    st.sampled_from((Decimal(0), Decimal("0.1"), Decimal(1))),
    st.decimals(min_value=0, max_value=1, places=2),
    st.decimals(min_value=0, max_value=1, places=6),
)


def _stated_estimates(currency: Currency, *, wide: bool) -> st.SearchStrategy[Estimate]:
    """Estimates as stated: a qualifier, a tolerance, derived bounds."""

    def value(qualifier: Qualifier) -> st.SearchStrategy[Money]:
        signed = qualifier is Qualifier.EXACT
        if wide:
            return wide_moneys(currency, signed=signed)
        return moneys(currency, min_value=-AMOUNT_LIMIT if signed else 0)

    return st.sampled_from(Qualifier).flatmap(
        lambda qualifier: st.builds(
            Estimate, value(qualifier), st.just(qualifier), tolerance=TOLERANCES
        )
    )


def _summed_estimates(currency: Currency, *, wide: bool) -> st.SearchStrategy[Estimate]:
    """Sums of two non-negative estimates: explicit bounds, derived qualifiers."""
    part = _stated_estimates(currency, wide=wide).filter(lambda e: e.value.amount >= 0)
    return st.builds(lambda a, b: a + b, part, part)


def estimates(
    currency: Currency | str | None = None, *, wide: bool = False
) -> st.SearchStrategy[Estimate]:
    """Stated estimates and sums of two, in ``currency`` (any when None)."""
    return _currency_choice(currency).flatmap(
        lambda cur: st.one_of(
            _stated_estimates(cur, wide=wide), _summed_estimates(cur, wide=wide)
        )
    )


def money_bags(
    codes: Sequence[str] = BAG_CODES, *, max_items: int = 8
) -> st.SearchStrategy[MoneyBag]:
    """MoneyBags of up to ``max_items`` Money drawn from ``codes``."""
    item = st.sampled_from(tuple(codes)).flatmap(moneys)
    return st.lists(item, max_size=max_items).map(lambda items: MoneyBag(*items))


# -- enums ---------------------------------------------------------------------------


def qualifiers() -> st.SearchStrategy[Qualifier]:
    """Any :class:`Qualifier`."""
    return st.sampled_from(Qualifier)


def agreement_kinds() -> st.SearchStrategy[AgreementKind]:
    """Any :class:`AgreementKind`."""
    return st.sampled_from(AgreementKind)


def action_kinds() -> st.SearchStrategy[ActionKind]:
    """Any :class:`ActionKind`."""
    return st.sampled_from(ActionKind)


def agreement_statuses() -> st.SearchStrategy[AgreementStatus]:
    """Any :class:`AgreementStatus`."""
    return st.sampled_from(AgreementStatus)


def project_statuses() -> st.SearchStrategy[ProjectStatus]:
    """Any :class:`ProjectStatus`."""
    return st.sampled_from(ProjectStatus)


def progress_statuses() -> st.SearchStrategy[ProgressStatus]:
    """Any :class:`ProgressStatus`."""
    return st.sampled_from(ProgressStatus)


def topics() -> st.SearchStrategy[Topic]:
    """Any :class:`Topic`."""
    return st.sampled_from(Topic)


def trade_metrics() -> st.SearchStrategy[TradeMetric]:
    """Any :class:`TradeMetric`."""
    return st.sampled_from(TradeMetric)


# -- countries, sources, agreements, events -------------------------------------

#: Dates drawn for documents and events.
DATES = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))


def countries() -> st.SearchStrategy[Country]:
    """Any country bilat knows (the ISO 3166-1 countries and Kosovo)."""
    return st.sampled_from(sorted(_codes().alpha3)).map(Country)


def _urls() -> st.SearchStrategy[str]:
    host = st.from_regex(r"[a-z][a-z0-9-]{0,12}\.(kz|uz|org|com)", fullmatch=True)
    path = st.from_regex(r"(/[A-Za-z0-9._~%-]{0,12}){0,3}", fullmatch=True)
    query = st.sampled_from(("", "?lang=ru", "?q=a%20b&x=1", "#section"))
    return st.builds(
        lambda scheme, h, p, q: f"{scheme}://{h}{p}{q}",
        st.sampled_from(["http", "https"]),
        host,
        path,
        query,
    )


@st.composite
def sources(draw: st.DrawFn) -> Source:
    """Sources with any mix of known fields; accessed never before published."""
    published = draw(st.none() | DATES)
    accessed = draw(st.none() | DATES)
    if published is not None and accessed is not None and accessed < published:
        published, accessed = accessed, published
    return Source(
        draw(texts()),
        publisher=draw(st.none() | texts()),
        url=draw(st.none() | _urls()),
        published=published,
        accessed=accessed,
        note=draw(st.none() | texts()),
    )


def _day_or_year(draw: st.DrawFn, day: dt.date) -> dt.date | int:
    """``day``, or now and then only its year (order between days is kept)."""
    return day.year if draw(st.integers(0, 3)) == 0 else day


@st.composite
def treaty_actions(draw: st.DrawFn, party: Country | None = None) -> TreatyAction:
    """Any single act of any country (or of ``party``), dated by day or year."""
    return TreatyAction(
        party if party is not None else draw(countries()),
        draw(st.sampled_from(ActionKind)),
        _day_or_year(draw, draw(DATES)),
        sources=draw(st.lists(sources(), max_size=1)),
    )


#: The stages a party passes through, each a choice of acts; a party's acts
#: are drawn in this order, on days that never go back.
_STAGES: tuple[tuple[ActionKind | None, ...], ...] = (
    (None, ActionKind.SIGNATURE),
    (None, ActionKind.RATIFICATION, ActionKind.ACCEPTANCE, ActionKind.APPROVAL),
    (None, ActionKind.ACCESSION),
    (None, ActionKind.ENTRY_INTO_FORCE),
    (None, ActionKind.DENUNCIATION, ActionKind.WITHDRAWAL),
)


def _party_actions(
    draw: st.DrawFn,
    party: Country,
    in_force: dt.date | None,
    signed_on: dt.date | None = None,
) -> list[TreatyAction]:
    """One party's acts in a valid order: entry into force not before ``in_force``.

    Every act but a signature is not before ``signed_on``, the agreement's
    own signing.
    """
    days = sorted(draw(st.lists(DATES, min_size=len(_STAGES), max_size=len(_STAGES))))
    acts: list[TreatyAction] = []
    previous: dt.date | None = None
    signed = False
    for stage, drawn in zip(_STAGES, days, strict=True):
        kind = draw(st.sampled_from(stage))
        if kind is None or (
            kind
            in {ActionKind.RATIFICATION, ActionKind.ACCEPTANCE, ActionKind.APPROVAL}
            and not signed
        ):
            continue
        signed = signed or kind is ActionKind.SIGNATURE
        day = drawn if previous is None else max(drawn, previous)
        if kind is ActionKind.ENTRY_INTO_FORCE and in_force is not None:
            day = max(day, in_force)
        if kind is not ActionKind.SIGNATURE and signed_on is not None:
            day = max(day, signed_on)
        previous = day
        acts.append(
            TreatyAction(
                party,
                kind,
                _day_or_year(draw, day),
                sources=draw(st.lists(sources(), max_size=1)),
            )
        )
    return acts


@st.composite
def agreements(
    draw: st.DrawFn,
    parties: Sequence[Country] | None = None,
    *,
    actions: bool = True,
) -> Agreement:
    """Agreements between two to four countries, with dates in a valid order.

    Any date may be only a year; with ``actions`` (the default), some
    parties have acts of their own, in the order the parties pass through
    them (signature, ratification, entry into force, denunciation).
    """
    signed, in_force, ends = sorted(draw(st.lists(DATES, min_size=3, max_size=3)))
    keep = draw(st.lists(st.booleans(), min_size=4, max_size=4))
    terminated = draw(DATES)
    if keep[0] and terminated < signed:
        terminated = signed
    if parties is None:
        parties = draw(st.lists(countries(), min_size=2, max_size=4, unique=True))
    acts: list[TreatyAction] = []
    if actions:
        for party in draw(st.lists(st.sampled_from(list(parties)), unique=True)):
            acts.extend(
                _party_actions(
                    draw,
                    party,
                    in_force if keep[1] else None,
                    signed if keep[0] else None,
                )
            )
    return Agreement(
        draw(texts()),
        parties,
        draw(st.sampled_from(AgreementKind)),
        signed=_day_or_year(draw, signed) if keep[0] else None,
        in_force=_day_or_year(draw, in_force) if keep[1] else None,
        ends=_day_or_year(draw, ends) if keep[2] else None,
        terminated=_day_or_year(draw, terminated) if keep[3] else None,
        sources=draw(st.lists(sources(), max_size=2)),
        actions=draw(st.permutations(acts)),
        note=draw(st.none() | texts()),
    )


def officials() -> st.SearchStrategy[Official]:
    """Officials of any country."""
    return st.builds(Official, texts(), texts(), countries())


def meetings() -> st.SearchStrategy[Meeting]:
    """Meetings dated by day, by year only, or not at all."""
    return st.builds(
        Meeting,
        st.none() | st.integers(1, 9999) | DATES,
        st.lists(officials(), max_size=3, unique=True),
        st.lists(st.sampled_from(Topic), max_size=4),
        place=st.none() | texts(),
        sources=st.lists(sources(), max_size=2),
        title=st.none() | texts(),
        note=st.none() | texts(),
    )


# -- trade series and targets ---------------------------------------------------

#: Countries drawn for trade parties.
TRADE_CODES: tuple[str, ...] = ("KZ", "UZ", "KG", "TJ", "TM")

#: Currencies of trade series (the target's must be converted to with rates).
SERIES_CODES: tuple[str, ...] = ("USD", "KZT", "UZS")


def _trade_parties() -> st.SearchStrategy[tuple[Country, ...]]:
    return st.lists(
        st.sampled_from(TRADE_CODES), min_size=2, max_size=3, unique=True
    ).map(lambda codes: tuple(Country(c) for c in codes))


def _trade_sources(*, rich: bool = False) -> st.SearchStrategy[tuple[Source, ...]]:
    if rich:
        return st.lists(sources(), max_size=2).map(tuple)
    source = st.builds(
        Source,
        st.sampled_from(("Ministers' meeting", "Trade statistics", "Akorda")),
        publisher=st.none() | st.sampled_from(("Akorda press service", "stat.gov.kz")),
    )
    return st.lists(source, max_size=2).map(tuple)


def _series_values(currency: str, *, wide: bool) -> st.SearchStrategy[Money]:
    if wide:
        return wide_moneys(currency, signed=False)
    return moneys(currency, min_value=0, max_value=10**12, max_places=2)


@st.composite
def trade_series(draw: st.DrawFn, *, wide: bool = False) -> TradeSeries:
    """Series of 1 to 6 years of non-negative values, with optional provenance.

    ``wide=True`` draws the amounts of :func:`wide_amounts`, any text in the
    sources, and years from 1 to 9999.
    """
    parties = draw(_trade_parties())
    currency = draw(st.sampled_from(SERIES_CODES))
    years_drawn = st.integers(1, 9999) if wide else st.integers(1995, 2035)
    years = draw(st.lists(years_drawn, min_size=1, max_size=6, unique=True))
    values = {year: draw(_series_values(currency, wide=wide)) for year in years}
    per_year = draw(st.lists(st.sampled_from(years), max_size=2, unique=True))
    return TradeSeries(
        parties,
        draw(st.sampled_from(TradeMetric)),
        values,
        reporter=draw(st.none() | st.sampled_from(parties)),
        sources=draw(_trade_sources(rich=wide)),
        value_sources={year: draw(_trade_sources(rich=wide)) for year in per_year},
    )


@st.composite
def trade_targets(
    draw: st.DrawFn, series: TradeSeries | None = None, *, wide: bool = False
) -> TradeTarget:
    """Targets with a positive Money or Estimate value and optional years.

    With ``series``, the target has its parties, metric and currency, so
    ``target.progress(series)`` needs no rates. ``wide=True`` draws the
    amounts of :func:`wide_amounts`, estimates with any tolerance, agreements
    with any dates and sources with any text.
    """
    parties = draw(_trade_parties()) if series is None else series.parties
    if series is not None:
        currency = series.currency.code
    else:
        currency = draw(st.sampled_from(SERIES_CODES)) if wide else "USD"
    if wide:
        money = draw(wide_moneys(currency, positive=True))
    else:
        money = draw(moneys(currency, min_value=1, max_value=10**12, max_places=2))
    tolerance = draw(TOLERANCES) if wide else Decimal("0.1")
    value: Money | Estimate = draw(
        st.just(money)
        | st.sampled_from(Qualifier).map(
            lambda q: Estimate(money, q, tolerance=tolerance)
        )
    )
    deadline = draw(st.none() | st.integers(2000, 2040))
    baseline = draw(
        st.none() if deadline is None else st.none() | st.integers(1990, deadline - 1)
    )
    if wide:
        agreement = draw(st.none() | agreements(parties))
    else:
        agreement = draw(
            st.none()
            | st.sampled_from(AgreementKind).map(
                lambda kind: Agreement("Trade roadmap", parties, kind)
            )
        )
    return TradeTarget(
        parties,
        value,
        deadline=deadline,
        metric=draw(st.sampled_from(TradeMetric)) if series is None else series.metric,
        baseline_year=baseline,
        agreement=agreement,
        sources=draw(_trade_sources(rich=wide)),
    )


@st.composite
def progresses(draw: st.DrawFn) -> Progress[Money]:
    """The progress of a series towards a target of its parties, metric and currency."""
    series = draw(trade_series())
    target = draw(trade_targets(series))
    return target.progress(series, as_of=draw(st.integers(1990, 2040)))


# -- series and targets of any measure -------------------------------------------

#: The kinds of value a general series or target holds.
MEASURE_KINDS: tuple[str, ...] = ("money", "quantity", "number")

#: Dimensions drawn for quantities, each with units of it; a series mixes them.
MEASURE_UNITS: tuple[tuple[str, ...], ...] = (
    ("km", "m", "mile"),
    ("Mt/a", "t/a", "kg/a"),
    ("MW", "kW"),
)

#: Subjects drawn for general series and targets (a trade metric among them).
MEASURE_SUBJECTS: tuple[str, ...] = (
    "track laid",
    "Darbaza–Maktaaral railway: length",
    "joint projects",
    "Темір жол",
    "turnover",
)


def _measure_amounts(*, wide: bool, positive: bool) -> st.SearchStrategy[Decimal]:
    if wide:
        return wide_amounts(signed=False, positive=positive)
    return amounts(min_value=1 if positive else 0, max_value=10**9, max_places=3)


@st.composite
def measures(
    draw: st.DrawFn,
    kind: str,
    unit: str,
    *,
    wide: bool = False,
    positive: bool = False,
    estimates: bool = True,
) -> MeasureLike:
    """A value of ``kind``: Money or an Estimate in currency ``unit``, a
    quantity in a unit of the dimension of ``unit``, or a number (an int
    or a Decimal)."""
    number = draw(_measure_amounts(wide=wide, positive=positive))
    if kind == "money":
        money = Money(number, unit)
        if not estimates:
            return money
        tolerance = draw(TOLERANCES) if wide else Decimal("0.1")
        return draw(
            st.just(money)
            | st.sampled_from(Qualifier).map(
                lambda q: Estimate(money, q, tolerance=tolerance)
            )
        )
    if kind == "quantity":
        units = next(units for units in MEASURE_UNITS if unit in units)
        return bilat.Q_(number, draw(st.sampled_from(units)))
    if number == number.to_integral_value() and draw(st.booleans()):
        return int(number)
    return number


@st.composite
def _measure_kind(draw: st.DrawFn, kind: str | None) -> tuple[str, str]:
    """A kind and the unit (a currency, a quantity's unit, or "") of a series."""
    chosen = draw(st.sampled_from(MEASURE_KINDS)) if kind is None else kind
    if chosen == "money":
        return chosen, draw(st.sampled_from(SERIES_CODES))
    if chosen == "quantity":
        return chosen, draw(st.sampled_from(MEASURE_UNITS))[0]
    return chosen, ""


@st.composite
def measure_series(
    draw: st.DrawFn, *, kind: str | None = None, wide: bool = False
) -> bilat.Series:
    """Series of 1 to 6 years of values of one kind (any kind when None).

    Money and Estimates of one currency, quantities of one dimension in any
    of its units, or numbers (ints and Decimals); with a reporter, sources
    and per-year sources now and then. ``wide=True`` draws the amounts of
    :func:`wide_amounts`, sources with any text and years from 1 to 9999.
    """
    chosen, unit = draw(_measure_kind(kind))
    parties = draw(_trade_parties())
    years_drawn = st.integers(1, 9999) if wide else st.integers(1995, 2035)
    years = draw(st.lists(years_drawn, min_size=1, max_size=6, unique=True))
    values = {year: draw(measures(chosen, unit, wide=wide)) for year in years}
    per_year = draw(st.lists(st.sampled_from(years), max_size=2, unique=True))
    return bilat.Series(
        parties,
        draw(st.sampled_from(MEASURE_SUBJECTS)),
        values,
        reporter=draw(st.none() | st.sampled_from(parties)),
        sources=draw(_trade_sources(rich=wide)),
        value_sources={year: draw(_trade_sources(rich=wide)) for year in per_year},
    )


@st.composite
def targets(
    draw: st.DrawFn,
    series: bilat.Series | TradeSeries | None = None,
    *,
    kind: str | None = None,
    wide: bool = False,
) -> bilat.Target:
    """Targets of any measure (of ``kind``), positive, with optional years.

    With ``series``, the target has its parties, subject and kind (its
    currency, a unit of its dimension), so ``target.progress(series)``
    needs no rates. ``wide=True`` draws the amounts of :func:`wide_amounts`,
    agreements with any dates and sources with any text.
    """
    if series is None:
        chosen, unit = draw(_measure_kind(kind))
        parties = draw(_trade_parties())
        subject = draw(st.sampled_from(MEASURE_SUBJECTS))
    else:
        first = next(iter(series.values.values()))
        stated = first.value if isinstance(first, Estimate) else first
        parties, subject = series.parties, series.subject
        if isinstance(stated, Money):
            chosen, unit = "money", stated.currency.code
        elif isinstance(stated, Decimal):
            chosen, unit = "number", ""
        else:
            chosen = "quantity"
            unit = next(
                units[0]
                for units in MEASURE_UNITS
                if bilat.Q_(1, units[0]).is_compatible_with(stated)
            )
    value = draw(measures(chosen, unit, wide=wide, positive=True))
    deadline = draw(st.none() | st.integers(2000, 2040))
    baseline = draw(
        st.none() if deadline is None else st.none() | st.integers(1990, deadline - 1)
    )
    if wide:
        agreement = draw(st.none() | agreements(parties))
    else:
        agreement = draw(
            st.none()
            | st.sampled_from(AgreementKind).map(
                lambda kind: Agreement("Railway agreement", parties, kind)
            )
        )
    return bilat.Target(
        parties,
        value,
        deadline=deadline,
        subject=subject,
        baseline_year=baseline,
        agreement=agreement,
        sources=draw(_trade_sources(rich=wide)),
    )


@st.composite
def measure_progresses(draw: st.DrawFn) -> Progress[Any]:
    """The progress of a series of any measure towards a target of its kind."""
    series = draw(measure_series())
    target = draw(targets(series))
    return target.progress(series, as_of=draw(st.integers(1990, 2040)))


# -- projects and portfolios ----------------------------------------------------

#: Measures a project may track, each with units of one dimension; the first
#: unit is the measure's own, updates use any of them.
PROJECT_MEASURES: dict[str, tuple[str, ...]] = {
    "length": ("km", "m", "mile"),
    "capacity": ("t", "kg", "Mt"),
    "power": ("MW", "kW"),
    "stations": ("dimensionless",),
}

#: Sectors drawn for projects (two spellings of one, for case-blind filters).
PROJECT_SECTORS: tuple[str, ...] = ("transport", "Transport", "industry", "energy")


def _project_magnitudes(*, min_value: int) -> st.SearchStrategy[Decimal]:
    return amounts(min_value=min_value, max_value=10**6, max_places=3)


@st.composite
def progress_updates(
    draw: st.DrawFn, measure: str | None = None, date: dt.date | None = None
) -> ProgressUpdate:
    """Updates of ``measure`` (any of PROJECT_MEASURES when None), in any unit of it."""
    name = (
        draw(st.sampled_from(sorted(PROJECT_MEASURES))) if measure is None else measure
    )
    unit = draw(st.sampled_from(PROJECT_MEASURES[name]))
    done = bilat.Q_(draw(_project_magnitudes(min_value=0)), unit)
    return ProgressUpdate(
        date if date is not None else draw(DATES),
        name,
        done,
        sources=draw(st.lists(sources(), max_size=1)),
    )


def project_values(
    currency: str | None = "USD", *, wide: bool = False
) -> st.SearchStrategy[Money | Estimate | None]:
    """What a project is worth: None, Money or an Estimate, never below zero."""
    if wide:
        money = wide_moneys(currency, signed=False)
    else:
        money = moneys(currency, min_value=0, max_value=10**12, max_places=2)
    estimate = estimates(currency, wide=wide).filter(lambda e: e.low.amount >= 0)
    return st.none() | money | estimate


@st.composite
def projects(
    draw: st.DrawFn,
    currency: str | None = "USD",
    *,
    wide: bool = False,
    sectors: Sequence[str] = PROJECT_SECTORS,
    parties: Sequence[str] | None = None,
) -> Project:
    """Projects with any mix of fields; values in ``currency`` (any when None).

    ``wide=True`` draws the values of :func:`wide_amounts`; ``sectors`` and
    ``parties`` (codes) narrow what is drawn, so that groupings collide.
    """
    names = draw(st.lists(st.sampled_from(sorted(PROJECT_MEASURES)), unique=True))
    measures = {
        name: bilat.Q_(
            draw(_project_magnitudes(min_value=1)), PROJECT_MEASURES[name][0]
        )
        for name in names
    }
    updates: list[ProgressUpdate] = []
    for name in names:
        days = draw(st.lists(DATES, max_size=3, unique=True))
        updates.extend(draw(progress_updates(name, day)) for day in days)
    first, last = sorted(draw(st.lists(DATES, min_size=2, max_size=2)))
    start = draw(st.sampled_from((None, first.year, first)))
    end = draw(st.sampled_from((None, last.year, last)))
    drawn_parties: st.SearchStrategy[Country] = (
        countries() if parties is None else st.sampled_from(parties).map(Country)
    )
    return Project(
        draw(texts()),
        draw(st.lists(drawn_parties, min_size=1, max_size=3, unique=True)),
        draw(st.sampled_from(ProjectStatus)),
        value=draw(project_values(currency, wide=wide)),
        sector=draw(st.none() | st.sampled_from(tuple(sectors))),
        count=draw(st.integers(1, 50)),
        start=start,
        end=end,
        location=draw(st.none() | texts()),
        measures=measures,
        updates=draw(st.permutations(updates)),
        sources=draw(st.lists(sources(), max_size=1)),
    )


def portfolios(
    currency: str | None = "USD", *, max_size: int = 6
) -> st.SearchStrategy[Portfolio]:
    """Portfolios of up to ``max_size`` projects valued in ``currency``."""
    return st.lists(projects(currency), max_size=max_size).map(Portfolio)


# -- exchange rates and unit prices ----------------------------------------------

#: Currencies drawn for exchange-rate tables.
RATE_CODES: tuple[str, ...] = ("EUR", "KZT", "RUB", "USD", "UZS")

#: Units drawn for unit prices: mass, energy, length, volume, area.
PRICE_UNITS: tuple[str, ...] = ("t", "kg", "Mt", "kWh", "km", "m ** 3", "ha")


@st.composite
def exchange_rates(
    draw: st.DrawFn, codes: Sequence[str] = RATE_CODES, *, max_quotes: int = 12
) -> ExchangeRates:
    """Tables of up to ``max_quotes`` positive quotes among ``codes`` in 2024-2025."""
    pair = st.lists(st.sampled_from(tuple(codes)), min_size=2, max_size=2, unique=True)
    quote = st.tuples(
        st.dates(dt.date(2024, 1, 1), dt.date(2025, 12, 31)),
        pair,
        st.decimals(min_value="0.0001", max_value=10**6, places=4),
    )
    quotes = draw(
        st.lists(quote, max_size=max_quotes, unique_by=lambda q: (q[0], *q[1]))
    )
    return ExchangeRates.from_records([(d, b, q, r) for d, (b, q), r in quotes])


def unit_prices(
    currency: Currency | str | None = "USD",
) -> st.SearchStrategy[UnitPrice]:
    """Prices per unit of a few common units, in ``currency`` (any when None)."""
    return st.builds(
        UnitPrice,
        moneys(currency, min_value=0, max_value=10**9, max_places=4),
        st.sampled_from(PRICE_UNITS),
    )


# -- claims ----------------------------------------------------------------------

#: Subjects, years and parties drawn for claims: few, so that claims fall
#: into the same groups and disagree.
CLAIM_SUBJECTS: tuple[str, ...] = ("turnover", "exports")
CLAIM_PERIODS: tuple[int, ...] = (2022, 2023)
CLAIM_PARTIES: tuple[tuple[str, ...], ...] = (("KZ", "UZ"), ("UZ", "KZ"), ("KZ", "KG"))

#: Seed-like amounts (in billions) drawn often, so that ranges meet.
CLAIM_BILLIONS: tuple[str, ...] = ("4.4", "4.6", "4.97", "5", "5.0", "4.3")

#: Units drawn for quantity claims: one dimension, several sizes.
CLAIM_UNITS: tuple[str, ...] = ("km", "m", "mile")


def _claim_precisions() -> st.SearchStrategy[Decimal | None]:
    return st.none() | st.integers(-2, 9).map(lambda k: Decimal(f"1E{k}"))


@st.composite
def _claim_value(
    draw: st.DrawFn, kind: str, currency: str
) -> tuple[object, Decimal | None]:
    """A claim's value (and a precision) of ``kind``: money, quantity or number."""
    if kind == "quantity":
        magnitude = draw(amounts(min_value=0, max_value=10**6, max_places=3))
        return bilat.Q_(magnitude, draw(st.sampled_from(CLAIM_UNITS))), draw(
            _claim_precisions()
        )
    if kind == "number":
        return draw(amounts(min_value=0, max_value=10**6, max_places=2)), draw(
            _claim_precisions()
        )
    money = draw(
        st.sampled_from(CLAIM_BILLIONS).map(
            lambda b: Money(Decimal(b) * 10**9, currency)
        )
        | moneys(currency, min_value=0, max_value=10**12, max_places=2)
    )
    shape = draw(st.sampled_from(("exact", "estimate", "text")))
    if shape == "estimate":
        qualifier = draw(st.sampled_from(Qualifier))
        return Estimate(money, qualifier, tolerance=draw(TOLERANCES)), None
    if shape == "text" and currency == "USD":
        billions = money.amount / 10**9
        return draw(
            st.sampled_from(("", "about ", "over ", "nearly "))
        ) + f"${billions:f} bn", None
    return money, draw(_claim_precisions())


@st.composite
def claims(
    draw: st.DrawFn,
    *,
    kind: str = "money",
    currency: str = "USD",
    subjects: Sequence[str] = CLAIM_SUBJECTS,
    periods: Sequence[int] = CLAIM_PERIODS,
    parties: Sequence[Sequence[str]] = CLAIM_PARTIES,
) -> Claim:
    """Claims of one ``kind`` ("money" in ``currency``, "quantity" or "number").

    Subjects, periods and parties come from small sets so that claims share
    groups; values mix exact figures (with or without a precision),
    estimates and text as written (in USD).
    """
    value, precision = draw(_claim_value(kind, currency))
    chosen = tuple(draw(st.sampled_from(tuple(parties))))
    said_by = draw(
        st.none()
        | st.sampled_from(chosen).map(Country)
        | st.sampled_from(chosen).map(
            lambda code: Official("A. Speaker", "Minister", code)
        )
    )
    stated = draw(st.none() | st.integers(2022, 2026) | DATES)
    source = draw(
        st.builds(
            Source,
            st.sampled_from(("MENAFN", "Kazinform", "Akorda", "Trend")),
            published=st.none() | DATES,
        )
    )
    return Claim(
        draw(st.sampled_from(tuple(subjects))),
        draw(st.sampled_from(tuple(periods))),
        value,  # type: ignore[arg-type]  # drawn to match its kind
        source,
        parties=chosen,
        said_by=said_by,
        stated=stated,
        note=draw(st.none() | texts()),
        precision=precision,
    )


def claim_conflicts() -> st.SearchStrategy[bilat.Conflict]:
    """Conflicts found among a few drawn claims."""
    return (
        st.lists(claims(), min_size=2, max_size=6)
        .map(bilat.conflicts)
        .filter(bool)
        .flatmap(st.sampled_from)
    )


# -- dossiers --------------------------------------------------------------------


@st.composite
def written_claims(draw: st.DrawFn) -> Claim:
    """Claims given only as text: a quantity ("152.5 km") or a number ("78")."""
    number = draw(amounts(min_value=0, max_value=10**6, max_places=2))
    unit = draw(st.sampled_from(("", *CLAIM_UNITS)))
    return Claim(
        "track laid" if unit else "joint projects",
        draw(st.sampled_from(CLAIM_PERIODS)),
        f"{number} {unit}".strip(),
        Source("Kazinform"),
        parties=("KZ", "UZ"),
    )


def dossier_claims() -> st.SearchStrategy[Claim]:
    """Claims of money, quantities and numbers, some given only as text."""
    return (
        st.sampled_from(("money", "quantity", "number")).flatmap(
            lambda kind: claims(kind=kind)
        )
        | written_claims()
    )


@st.composite
def series_of_claims(draw: st.DrawFn) -> TradeSeries | bilat.Series:
    """A trade series or a series of quantities built from claims, keeping them."""
    kind, subject = draw(
        st.sampled_from((("money", "turnover"), ("quantity", "track laid")))
    )
    picked = draw(
        st.lists(
            claims(kind=kind, subjects=(subject,), parties=(("KZ", "UZ"),)),
            min_size=1,
            max_size=3,
        )
    )
    if kind == "money":
        return TradeSeries.from_claims(picked)
    return bilat.Series.from_claims(picked)


@st.composite
def dossiers(draw: st.DrawFn, *, max_items: int = 2) -> Dossier:
    """Dossiers with up to ``max_items`` records of each kind, any field set or not.

    Amounts are wide (:func:`wide_amounts`), in any currency for projects;
    text fields hold any Unicode (:func:`texts`).
    """
    return Dossier(
        draw(texts()),
        draw(st.lists(countries(), min_size=2, max_size=4, unique=True)),
        agreements=draw(st.lists(agreements(), max_size=max_items)),
        projects=draw(st.lists(projects(None, wide=True), max_size=max_items)),
        targets=draw(
            st.lists(trade_targets(wide=True) | targets(wide=True), max_size=max_items)
        ),
        series=draw(
            st.lists(
                trade_series(wide=True)
                | measure_series(wide=True)
                | series_of_claims(),
                max_size=max_items,
            )
        ),
        events=draw(st.lists(meetings(), max_size=max_items)),
        sources=draw(st.lists(sources(), max_size=max_items)),
        relationship=draw(st.none() | texts()),
        officials=draw(st.lists(officials(), max_size=max_items)),
        note=draw(st.none() | texts()),
        claims=draw(st.lists(dossier_claims(), max_size=max_items)),
    )


def atlases(*, max_size: int = 2) -> st.SearchStrategy[bilat.Atlas]:
    """Atlases of up to ``max_size`` small generated dossiers."""
    return st.lists(dossiers(max_items=1), max_size=max_size).map(bilat.Atlas)


@st.composite
def reports(draw: st.DrawFn) -> Report:
    """Reports of small generated dossiers as of any date, in USD or KZT."""
    dossier = draw(dossiers(max_items=1))
    return dossier.report(
        as_of=draw(DATES), currency=draw(st.sampled_from(("USD", "KZT")))
    )
