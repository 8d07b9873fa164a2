"""Claims: stated figures, their written precision, ranges, conflicts and the pick."""

from __future__ import annotations

import copy
import datetime as dt
import decimal
import pickle
from decimal import Decimal
from fractions import Fraction

import pint
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.strategies import claims

import bilat
from bilat import (
    ArgumentTypeError,
    BilatError,
    Claim,
    Conflict,
    Country,
    CurrencyMismatchError,
    Estimate,
    ExchangeRates,
    InvalidOptionError,
    Money,
    Official,
    Qualifier,
    Source,
    TradeMetric,
    UnitMismatchError,
    ValidationError,
    conflicts,
)
from bilat._errors import shown
from bilat._ledger import DEFAULT_PREFER, PREFERENCES, Preference, choose
from bilat._units import convert

#: Names eval() needs to read the reprs back.
NAMES: dict[str, object] = {
    "Claim": Claim,
    "Conflict": Conflict,
    "Decimal": Decimal,
    "Estimate": Estimate,
    "Money": Money,
    "Official": Official,
    "Q_": bilat.Q_,
    "Qualifier": Qualifier,
    "Source": Source,
}

KZ_UZ = ("KZ", "UZ")
MINISTERS = Source(
    "Kazakhstan, Uzbekistan Discuss Possibilities Of Expanding Bilateral Co-Op",
    publisher="MENAFN",
    url="https://menafn.com/1107125650/Kazakhstan-Uzbekistan-Discuss-Possibilities-Of-Expanding-Bilateral-Co-Op",
    published="2023-09-22",
)
GOVERNMENT = Source("Kazinform", published="2023-08-14")
AKORDA = Source("The Astana Times", published="2024-04-10")
TCA = Source("The Times of Central Asia", published="2024-02-15")
TREND = Source("MENAFN (Trend)", published="2026-02-03")
NEWS = Source("News")

BN = 10**9


def claim(
    value: object,
    period: int = 2022,
    *,
    subject: str | TradeMetric = "turnover",
    parties: tuple[str, ...] = KZ_UZ,
    source: Source = NEWS,
    **extra: object,
) -> Claim:
    """A claim on KZ–UZ turnover, for brevity."""
    return Claim(subject, period, value, source, parties=parties, **extra)  # type: ignore[arg-type]


def usd(billions: str) -> Money:
    return Money(Decimal(billions) * BN, "USD")


# -- written precision --------------------------------------------------------------


class TestWrittenPrecision:
    """The precision of a figure is the step of its last written digit."""

    @pytest.mark.parametrize(
        ("text", "locale", "step"),
        [
            ("$4.6 billion", "en", Decimal("1E+8")),
            ("$4.60 bn", "en", Decimal("1E+7")),
            ("$5.0 bn", "en", Decimal("1E+8")),
            ("$4.97 bn", "en", Decimal("1E+7")),
            ("$156 million", "en", Decimal("1E+6")),
            ("$1,234.5", "en", Decimal("0.1")),
            ("152 km", "en", Decimal(1)),
            ("более 4,6 млрд долларов", "ru", Decimal("1E+8")),
            ("78", "en", Decimal(1)),
            ("20.5 Mt/a", "en", Decimal("0.1")),
        ],
    )
    def test_table(self, text: str, locale: str, step: Decimal) -> None:
        """Each text gives the step of its last digit, scale word included."""
        assert claim(text, locale=locale).precision == step

    def test_trailing_zero_counts(self) -> None:
        """'$5.0 bn' and '$5 bn' are the same value written to different steps."""
        a, b = claim("$5.0 bn"), claim("$5 bn")
        assert a.value == b.value
        assert (a.precision, b.precision) == (Decimal("1E+8"), Decimal("1E+9"))

    def test_not_inferred_from_a_decimal(self) -> None:
        """A Money typed in has no precision, whatever its Decimal's exponent."""
        typed = claim(Money(Decimal("4.6E+9"), "USD"))
        assert typed.precision is None
        assert typed == claim(Money(4_600_000_000, "USD"))

    def test_given_by_hand(self) -> None:
        """A precision may be given as text, an int or a Decimal."""
        assert claim(usd("4.6"), precision="0.1e9").precision == Decimal("1E+8")
        assert claim(usd("4.6"), precision=100).precision == 100

    def test_given_wins_over_the_text(self) -> None:
        """A precision given with a text replaces the one read from it."""
        assert claim("$5 bn", precision="1E+8").precision == Decimal("1E+8")

    def test_step_reader_leaves_parse_alone(self) -> None:
        """Estimate.parse still gives only the Estimate."""
        from bilat._parse import parse_estimate_with_step

        estimate, step = parse_estimate_with_step("nearly $1 billion")
        assert estimate == Estimate.parse("nearly $1 billion")
        assert step == Decimal("1E+9")


# -- reading values ------------------------------------------------------------------


class TestValue:
    """What a claim's value may be, and how text is read."""

    def test_exact_text_is_money(self) -> None:
        """An unqualified amount is kept as Money, with its text."""
        c = claim("$4.6 billion")
        assert c.value == Money(4_600_000_000, "USD")
        assert type(c.value) is Money
        assert c.text == "$4.6 billion"

    def test_qualified_text_is_an_estimate(self) -> None:
        """A qualified amount is an Estimate."""
        assert claim("over $4.6 bn").value == Estimate(usd("4.6"), Qualifier.OVER)

    def test_exact_estimate_is_money(self) -> None:
        """An Estimate with qualifier EXACT is stored as its Money."""
        assert type(claim(Estimate(usd("4.4"))).value) is Money

    def test_quantity_text(self) -> None:
        """'152 km' is a quantity of bilat's registry."""
        value = claim("152 km", subject="length").value
        assert value == bilat.Q_(152, "km")
        assert value._REGISTRY is bilat.ureg  # type: ignore[union-attr]

    def test_rate_text(self) -> None:
        """'20 Mt/a' is a quantity of mass per time."""
        value = claim("20 Mt/a", subject="capacity").value
        assert convert(value, "t/year") == 20_000_000

    def test_number_text(self) -> None:
        """'78' is a plain number, as a Decimal."""
        assert claim("78", subject="joint projects").value == Decimal(78)

    def test_foreign_quantity(self) -> None:
        """A quantity of another pint registry is rebuilt in bilat's."""
        value = claim(pint.UnitRegistry().Quantity(5, "km"), subject="length").value
        assert value._REGISTRY is bilat.ureg  # type: ignore[union-attr]

    def test_int_is_decimal(self) -> None:
        """An int becomes a Decimal."""
        value = claim(78, subject="joint projects").value
        assert type(value) is Decimal
        assert value == 78

    def test_text_given_by_hand(self) -> None:
        """A text given by hand is kept, for a figure typed in."""
        assert (
            claim(usd("4.6"), text="4.6 billion dollars").text == "4.6 billion dollars"
        )

    def test_trade_metric_subject(self) -> None:
        """A TradeMetric stands for its value, so claims meet trade series."""
        assert claim("$1 bn", subject=TradeMetric.TURNOVER).subject == "turnover"

    def test_locale_only_reads(self) -> None:
        """The locale reads the text and is not a field."""
        c = claim("4,6 млрд долларов", locale="ru")
        assert c == claim("$4.6 bn", text="4,6 млрд долларов")
        assert "locale" not in repr(c)


# -- bad input -----------------------------------------------------------------------

BAD: list[tuple[str, object, str]] = [
    ("subject", "", "subject"),
    ("subject", 5, "subject"),
    ("period", 0, "period"),
    ("period", 10_000, "period"),
    ("period", "2022", "period"),
    ("period", True, "period"),
    ("value", 4.6, "value"),
    ("value", True, "value"),
    ("value", Decimal("NaN"), "value"),
    ("value", "lots of money", "value"),
    ("value", "", "value"),
    ("value", [1], "value"),
    ("source", "MENAFN", "source"),
    ("parties", ("KZ",), "parties"),
    ("parties", ("KZ", "KAZ"), "parties[1]"),
    ("parties", "KZ", "parties"),
    ("said_by", "Tokayev", "said_by"),
    ("said_by", 3.5, "said_by"),
    ("stated", "22 Sep 2023", "stated"),
    ("stated", dt.datetime(2023, 9, 22, tzinfo=dt.UTC), "stated"),
    ("stated", 0, "stated"),
    ("note", "", "note"),
    ("note", 5, "note"),
    ("text", "  ", "text"),
    ("precision", 0, "precision"),
    ("precision", -1, "precision"),
    ("precision", 0.1, "precision"),
    ("precision", "abc", "precision"),
    ("precision", True, "precision"),
    ("precision", Decimal("Infinity"), "precision"),
    ("locale", "xx_YY", "locale"),
]


class TestBadInput:
    """Each field refuses bad input with a ValidationError at its path."""

    @pytest.mark.parametrize(("field", "value", "path"), BAD)
    def test_refused(self, field: str, value: object, path: str) -> None:
        """The error names the field path and shows the value."""
        arguments: dict[str, object] = {
            "subject": "turnover",
            "period": 2022,
            "value": "$4.6 bn",
            "source": NEWS,
            "parties": KZ_UZ,
            field: value,
        }
        with pytest.raises(ValidationError) as caught:
            Claim(**arguments)  # type: ignore[arg-type]
        assert caught.value.path == path
        if field not in {"parties", "locale", "period"} and value != "":
            assert shown(value) in str(caught.value)

    def test_unreadable_text_says_what_was_expected(self) -> None:
        """Text that is neither money, a quantity nor a number names all three."""
        with pytest.raises(ValidationError, match=r"'a lot'.*money.*quantity.*number"):
            claim("a lot")

    def test_precision_out_of_reach(self) -> None:
        """A precision whose range leaves bilat's digits is refused at 'precision'."""
        with pytest.raises(ValidationError) as caught:
            claim(
                Money("1.000000000000000000000000000000000000000001", "USD"),
                precision="1E+99",
            )
        assert caught.value.path == "precision"


# -- ranges --------------------------------------------------------------------------


class TestRange:
    """The range a claim allows: bounds, precision, or the value alone."""

    def test_written_precision(self) -> None:
        """'$4.6 billion' allows [4.55, 4.65) bn."""
        c = claim("$4.6 billion")
        assert (c.low, c.high) == (usd("4.55"), usd("4.65"))

    def test_three_digits(self) -> None:
        """'$4.97 bn' allows [4.965, 4.975) bn."""
        c = claim("$4.97 bn")
        assert (c.low, c.high) == (usd("4.965"), usd("4.975"))

    def test_estimate_bounds(self) -> None:
        """'over $4.6 bn' allows its bounds, (4.6, 5.06] bn."""
        c = claim("over $4.6 bn")
        assert (c.low, c.high) == (usd("4.6"), usd("5.06"))

    def test_exact_without_precision(self) -> None:
        """A figure typed in without precision allows itself alone."""
        c = claim(usd("4.6"))
        assert c.low == c.high == usd("4.6")

    def test_quantity(self) -> None:
        """'152 km' allows [151.5, 152.5) km."""
        c = claim("152 km", subject="length")
        assert (c.low, c.high) == (bilat.Q_("151.5 km"), bilat.Q_("152.5 km"))

    def test_number(self) -> None:
        """'78' allows [77.5, 78.5)."""
        c = claim("78", subject="joint projects")
        assert (c.low, c.high) == (Decimal("77.5"), Decimal("78.5"))

    @settings(max_examples=50)
    @given(claims() | claims(kind="quantity") | claims(kind="number"))
    def test_contains_the_value(self, c: Claim) -> None:
        """low ≤ value ≤ high, and the value is never at an open end but OVER's."""
        value = c.value.value if isinstance(c.value, Estimate) else c.value
        assert c.low <= value <= c.high
        if c.precision is not None and not isinstance(c.value, Estimate):
            assert value < c.high


# -- overlaps --------------------------------------------------------------------------


class TestOverlaps:
    """Two claims overlap when their ranges share a value, ends included or not."""

    @pytest.mark.parametrize(
        ("first", "second", "expected"),
        [
            ("$4.6 bn", "$5.0 bn", False),
            ("$4.4 bn", "over $4.6 bn", False),
            ("$4.97 bn", "about $5 bn", True),
            ("$4.6 bn", "$4.60 bn", True),
            ("$4.6 bn", "over $4.6 bn", True),
            ("about $2 bn", "over $2 bn", True),
            ("nearly $1 bn", "over $1 bn", False),
        ],
    )
    def test_table(self, first: str, second: str, expected: bool) -> None:
        """Seed figures and the ends of ranges."""
        assert claim(first).overlaps(claim(second)) is expected

    def test_half_open_above(self) -> None:
        """[4.55, 4.65) bn meets 4.55 bn but not 4.65 bn."""
        written = claim("$4.6 bn")
        assert written.overlaps(claim(usd("4.55")))
        assert not written.overlaps(claim(usd("4.65")))

    def test_over_is_open_at_its_value(self) -> None:
        """(4.6, 5.06] bn does not hold 4.6 bn exactly, but holds 5.06 bn."""
        over = claim("over $4.6 bn")
        assert not over.overlaps(claim(usd("4.6")))
        assert over.overlaps(claim(usd("5.06")))

    def test_quantities_in_any_unit(self) -> None:
        """1 mile is exactly 1.609344 km; a millimetre more is not."""
        mile = claim(bilat.Q_(1, "mile"), subject="length")
        assert mile.overlaps(claim(bilat.Q_("1.609344", "km"), subject="length"))
        assert not mile.overlaps(claim(bilat.Q_("1.609345", "km"), subject="length"))

    def test_dimensions_differ(self) -> None:
        """Kilometres and tonnes cannot be compared; both units are named."""
        with pytest.raises(
            UnitMismatchError, match=r"kilometer.*metric_ton|metric_ton.*kilometer"
        ):
            claim("152 km").overlaps(claim("20 t"))

    def test_kinds_differ(self) -> None:
        """Money and a quantity cannot be compared; both kinds are named."""
        with pytest.raises(ValidationError, match=r"money in USD.*quantity"):
            claim("$1 bn").overlaps(claim("152 km"))

    def test_currencies_need_rates(self) -> None:
        """Two currencies without rates: the error names rates=."""
        with pytest.raises(CurrencyMismatchError, match="rates="):
            claim("$1 bn").overlaps(claim(Money(460 * BN, "KZT")))

    def test_rates_at_the_end_of_the_period(self) -> None:
        """Money is converted at the rate on or before 31 December of the period."""
        rates = ExchangeRates.from_records(
            [
                (dt.date(2022, 6, 30), "USD", "KZT", "460"),
                (dt.date(2023, 1, 15), "USD", "KZT", "500"),
            ]
        )
        dollars, tenge = usd("1"), Money(460 * BN, "KZT")
        assert claim(dollars, 2022).overlaps(claim(tenge, 2022), rates=rates)
        assert not claim(dollars, 2023).overlaps(claim(tenge, 2023), rates=rates)

    def test_other_must_be_a_claim(self) -> None:
        """Another object is refused by name."""
        with pytest.raises(ArgumentTypeError):
            claim("$1 bn").overlaps(usd("1"))  # type: ignore[arg-type]

    def test_rates_must_be_rates(self) -> None:
        """rates= must be an ExchangeRates."""
        with pytest.raises(ArgumentTypeError):
            claim("$1 bn").overlaps(claim("$2 bn"), rates="rates.csv")  # type: ignore[arg-type]

    @settings(max_examples=50)
    @given(
        st.tuples(claims(), claims())
        | st.tuples(claims(kind="quantity"), claims(kind="quantity"))
        | st.tuples(claims(kind="number"), claims(kind="number"))
    )
    def test_symmetric(self, pair: tuple[Claim, Claim]) -> None:
        """a.overlaps(b) == b.overlaps(a), in money, quantities and numbers."""
        a, b = pair
        assert a.overlaps(b) == b.overlaps(a)

    @settings(max_examples=50)
    @given(claims(), claims(currency="KZT"))
    def test_symmetric_across_currencies(self, a: Claim, b: Claim) -> None:
        """With rates, the order of two currencies does not matter either."""
        rates = ExchangeRates.from_records(
            [
                (dt.date(2021, 12, 30), "USD", "KZT", "431.8"),
                (dt.date(2022, 12, 30), "USD", "KZT", "462.65"),
            ]
        )
        assert a.overlaps(b, rates=rates) == b.overlaps(a, rates=rates)

    @settings(max_examples=50)
    @given(claims())
    def test_reflexive(self, a: Claim) -> None:
        """A claim overlaps itself (no range is empty)."""
        assert a.overlaps(a)


# -- conflicts ---------------------------------------------------------------------------


def _seed() -> list[Claim]:
    """The seed's turnover figures, as stated."""
    return [
        claim(
            "about $2 bn",
            2017,
            source=Source("Trend via today.az", published="2019-04-15"),
        ),
        claim(
            "over $3 bn", 2018, source=Source("The Times of Central Asia"), said_by="UZ"
        ),
        claim("$3.9 bn", 2021, source=MINISTERS),
        claim("$4.6 bn", 2022, source=MINISTERS),
        claim("$5.0 bn", 2022, source=GOVERNMENT, said_by="KZ"),
        claim(
            "$4.4 bn",
            2023,
            source=AKORDA,
            said_by=Official("Kassym-Jomart Tokayev", "President", "KZ"),
        ),
        claim("over $4.6 bn", 2023, source=TCA),
        claim("about $4.3 bn", 2024, source=Source("UrduPoint")),
        claim("$4.97 bn", 2025, source=TREND, said_by="UZ"),
        claim("about $5 bn", 2025, source=NEWS),
    ]


class TestConflicts:
    """conflicts() finds the groups whose claims do not all overlap."""

    def test_seed(self) -> None:
        """2022 and 2023 disagree; 2025's '$4.97 bn' and 'about $5 bn' agree."""
        found = conflicts(_seed())
        assert [c.period for c in found] == [2022, 2023]
        assert [len(c.claims) for c in found] == [2, 2]
        assert all(len(c.pairs) == 1 for c in found)

    def test_every_claim_of_the_group(self) -> None:
        """A conflict holds the group's overlapping claims too."""
        extra = claim("$4.60 bn", 2022)
        found = conflicts([*_seed(), extra])
        assert extra in found[0].claims
        assert len(found[0].claims) == 3
        assert len(found[0].pairs) == 2  # 4.6 vs 5.0, 4.60 vs 5.0

    def test_parties_as_a_set(self) -> None:
        """Turnover between KZ and UZ is turnover between UZ and KZ."""
        found = conflicts([claim("$1 bn"), claim("$2 bn", parties=("UZ", "KZ"))])
        assert len(found) == 1
        assert found[0].parties == (Country("KZ"), Country("UZ"))

    def test_exports_belong_to_the_first_party(self) -> None:
        """Kazakh exports to UZ and Uzbek exports to KZ are different figures."""
        kz = claim("$1 bn", subject="exports")
        uz = claim("$2 bn", subject="exports", parties=("UZ", "KZ"))
        assert conflicts([kz, uz]) == ()
        again = claim("$3 bn", subject="exports")
        assert conflicts([kz, uz, again])[0].claims == (kz, again)

    def test_groups_in_order(self) -> None:
        """Conflicts come by subject, parties' codes, period."""
        found = conflicts(
            [
                claim("$1 bn", 2023, subject="turnover"),
                claim("$2 bn", 2023, subject="turnover"),
                claim("$1 bn", 2022, subject="exports"),
                claim("$2 bn", 2022, subject="exports"),
                claim("$1 bn", 2022, parties=("KZ", "KG")),
                claim("$2 bn", 2022, parties=("KG", "KZ")),
            ]
        )
        assert [(c.subject, c.parties[0].alpha2, c.period) for c in found] == [
            ("exports", "KZ", 2022),
            ("turnover", "KG", 2022),
            ("turnover", "KZ", 2023),
        ]

    def test_claims_in_canonical_order(self) -> None:
        """Inside a conflict, by stated date (unknown last), then value."""
        late = claim("$1 bn", stated="2024-01-01")
        early = claim("$3 bn", stated=2023)
        undated_low, undated_high = claim("$2 bn"), claim("$5 bn")
        found = conflicts([undated_high, late, undated_low, early])
        assert found[0].claims == (early, late, undated_low, undated_high)

    def test_duplicates_once(self) -> None:
        """Equal claims count once."""
        a, b = claim("$4.6 bn"), claim("$5.0 bn")
        assert conflicts([a, b, claim("$4.6 bn"), b]) == conflicts([a, b])
        assert conflicts([a, claim("$4.6 bn")]) == ()

    def test_currencies_need_rates(self) -> None:
        """A group in two currencies without rates names rates=."""
        with pytest.raises(CurrencyMismatchError, match="rates="):
            conflicts([claim("$1 bn"), claim(Money(1, "KZT"))])

    def test_not_claims(self) -> None:
        """Items that are not claims are refused at their index."""
        with pytest.raises(ValidationError) as caught:
            conflicts([claim("$1 bn"), "$2 bn"])  # type: ignore[list-item]
        assert caught.value.path == "claims[1]"

    @settings(max_examples=50)
    @given(
        st.lists(claims(), max_size=8)
        | st.lists(claims(kind="quantity"), max_size=8)
        | st.lists(claims(kind="number"), max_size=8),
        st.randoms(use_true_random=False),
    )
    def test_input_order_does_not_matter(
        self,
        items: list[Claim],
        random: st.Random,  # type: ignore[name-defined]
    ) -> None:
        """Any permutation gives the same conflicts."""
        shuffled = list(items)
        random.shuffle(shuffled)
        assert conflicts(shuffled) == conflicts(items)

    @settings(max_examples=50)
    @given(
        st.lists(claims(), max_size=8)
        | st.lists(claims(kind="quantity"), max_size=8)
        | st.lists(claims(kind="number"), max_size=8)
    )
    def test_matches_pairwise_overlaps(self, items: list[Claim]) -> None:
        """A pair is in a conflict exactly when the two claims do not overlap."""
        found = {frozenset(p) for c in conflicts(items) for p in c.pairs}
        expected = {
            frozenset((a, b))
            for a in set(items)
            for b in set(items)
            if a != b
            and a.subject == b.subject
            and a.period == b.period
            and set(a.parties) == set(b.parties)
            and (a.subject != "exports" or a.parties[0] == b.parties[0])
            and not a.overlaps(b)
        }
        assert found == expected


class TestConflictValue:
    """Conflict is a value: checked, canonical, repr and pickle round trips."""

    def test_built_by_hand(self) -> None:
        """Claims and parties in any order give the same conflict."""
        a, b = claim("$4.6 bn"), claim("$5.0 bn")
        assert Conflict("turnover", ("UZ", "KZ"), 2022, (b, a)) == conflicts([a, b])[0]

    def test_needs_a_disagreement(self) -> None:
        """Claims that all overlap are no conflict."""
        with pytest.raises(ValidationError, match="overlap"):
            Conflict("turnover", KZ_UZ, 2022, (claim("$4.6 bn"), claim("$4.60 bn")))

    def test_claims_of_the_group(self) -> None:
        """A claim on another period is refused at its index."""
        with pytest.raises(ValidationError) as caught:
            Conflict("turnover", KZ_UZ, 2022, (claim("$1 bn"), claim("$2 bn", 2023)))
        assert caught.value.path == "claims[1]"

    def test_two_claims_at_least(self) -> None:
        """One claim, or one twice, is not enough."""
        with pytest.raises(ValidationError, match="two different claims"):
            Conflict("turnover", KZ_UZ, 2022, (claim("$1 bn"), claim("$1 bn")))

    def test_pairs_given(self) -> None:
        """Pairs given are kept in the claims' order, each once."""
        a, b = claim("$1 bn"), claim("$2 bn")
        c = Conflict("turnover", KZ_UZ, 2022, (a, b), pairs=[(b, a), (a, b)])
        assert c.pairs == ((a, b),)

    def test_pairs_of_its_claims(self) -> None:
        """A pair must be two different claims of the conflict."""
        a, b = claim("$1 bn"), claim("$2 bn")
        with pytest.raises(ValidationError) as caught:
            Conflict("turnover", KZ_UZ, 2022, (a, b), pairs=[(a, claim("$3 bn"))])
        assert caught.value.path == "pairs[0]"

    def test_currencies_without_pairs(self) -> None:
        """Two currencies: the pairs must be given or found with rates."""
        with pytest.raises(CurrencyMismatchError, match="rates="):
            Conflict("turnover", KZ_UZ, 2022, (claim("$1 bn"), claim(Money(1, "KZT"))))

    def test_repr_with_pairs_given(self) -> None:
        """Pairs that the claims alone do not give are in the repr."""
        a, b = claim("$1 bn"), claim(Money(1, "KZT"))
        c = Conflict("turnover", KZ_UZ, 2022, (a, b), pairs=[(a, b)])
        assert "pairs=" in repr(c)
        assert eval(repr(c), NAMES) == c

    @settings(max_examples=50)
    @given(st.lists(claims(), min_size=2, max_size=6))
    def test_round_trips(self, items: list[Claim]) -> None:
        """eval(repr(c)) == c, and pickle and deepcopy give it back."""
        for c in conflicts(items):
            assert eval(repr(c), NAMES) == c
            assert pickle.loads(pickle.dumps(c)) == c
            assert copy.deepcopy(c) == c


# -- the claim as a value --------------------------------------------------------------


class TestClaimValue:
    """Claim is a value: repr and pickle round trips, == by meaning, hashable."""

    @settings(max_examples=50)
    @given(claims() | claims(kind="quantity") | claims(kind="number"))
    def test_repr_round_trips(self, c: Claim) -> None:
        """eval(repr(c)) == c, with the same hash."""
        again = eval(repr(c), NAMES)
        assert again == c
        assert hash(again) == hash(c)

    @settings(max_examples=50)
    @given(claims() | claims(kind="quantity") | claims(kind="number"))
    def test_pickles(self, c: Claim) -> None:
        """pickle and deepcopy give the claim back, naming public classes only."""
        data = pickle.dumps(c)
        assert pickle.loads(data) == c
        assert copy.deepcopy(c) == c
        assert b"bilat._" not in data

    def test_repr_leaves_out_defaults(self) -> None:
        """Only what was given is shown."""
        assert repr(claim(usd("1"))) == (
            "Claim('turnover', 2022, Money('1000000000', 'USD'), Source('News'), "
            "parties=('KZ', 'UZ'))"
        )

    def test_equal_by_meaning(self) -> None:
        """1 mile equals 1.609344 km; $4.60 equals $4.6."""
        mile = claim(bilat.Q_(1, "mile"), subject="length")
        km = claim(bilat.Q_("1.609344", "km"), subject="length")
        assert mile == km
        assert hash(mile) == hash(km)
        assert claim(Money("4.60", "USD")) == claim(Money("4.6", "USD"))

    def test_frozen(self) -> None:
        """Fields cannot be set."""
        c = claim("$1 bn")
        with pytest.raises(AttributeError):
            c.period = 2023  # type: ignore[misc]

    def test_str(self) -> None:
        """str() gives the subject, year, figure as written, speaker and source."""
        c = claim("$4.4 bn", 2023, said_by=Official("K. Tokayev", "President", "KZ"))
        assert str(c) == "turnover 2023: $4.4 bn (K. Tokayev), News"
        assert str(claim(usd("1"), said_by="UZ")) == (
            "turnover 2022: $1,000,000,000.00 (Uzbekistan), News"
        )

    def test_public_name(self) -> None:
        """The class names the public module."""
        assert Claim.__module__ == Conflict.__module__ == "bilat"


# -- the selection rule ------------------------------------------------------------------


def _when_key(c: Claim) -> tuple[int, dt.date, int]:
    """Brute-force time of a statement: a year alone as before its first day."""
    when = c.stated if c.stated is not None else c.source.published
    if when is None:
        raise LookupError
    if isinstance(when, int):
        return (when, dt.date(when, 1, 1), 0)
    return (when.year, when, 1)


def _brute_force(
    items: list[Claim], prefer: tuple[Preference, ...], reporter: Country | None
) -> dict[int, tuple[Claim, str]]:
    """choose() written out plainly, criterion by criterion."""

    def score(c: Claim, name: str) -> object:
        if name == "reporter":
            who = c.said_by.country if isinstance(c.said_by, Official) else c.said_by
            return reporter is not None and who != reporter
        if name == "exact":
            return isinstance(c.value, Estimate)
        if name == "precise":
            stated = c.value.value if isinstance(c.value, Estimate) else c.value
            assert isinstance(stated, Money)
            assert isinstance(c.low, Money)
            assert isinstance(c.high, Money)
            width = Fraction(c.high.amount) - Fraction(c.low.amount)
            if stated.amount == 0:
                return (width != 0, width)
            return (False, width / abs(Fraction(stated.amount)))
        try:
            year, day, known_day = _when_key(c)
        except LookupError:
            return (True,)
        if name == "latest":
            return (False, -year, -known_day, -day.toordinal())
        return (False, year, known_day, day.toordinal())

    def canonical(c: Claim) -> tuple[object, ...]:
        if c.stated is None:
            time: tuple[object, ...] = (1,)
        elif isinstance(c.stated, int):
            time = (0, c.stated, 0)
        else:
            time = (0, c.stated.year, 1, c.stated)
        stated = c.value.value if isinstance(c.value, Estimate) else c.value
        assert isinstance(stated, Money)
        return (time, stated.amount, repr(c))

    picked = {}
    for period in sorted({c.period for c in items}):
        left = sorted({c for c in items if c.period == period}, key=canonical)
        why = "only" if len(left) == 1 else "order"
        for name in prefer:
            if len(left) == 1:
                break
            best = min(score(c, name) for c in left)  # type: ignore[type-var]
            left = [c for c in left if score(c, name) == best]
            if len(left) == 1:
                why = name
        picked[period] = (left[0], why)
    return picked


class TestChoose:
    """choose() picks one claim per period by the documented criteria."""

    def test_seed_default(self) -> None:
        """By default: exact before estimates, then the latest statement."""
        picked = choose(_seed())
        assert picked[2022] == (claim("$4.6 bn", 2022, source=MINISTERS), "latest")
        assert picked[2023][0].value == usd("4.4")
        assert picked[2023][1] == "exact"
        assert picked[2017][1] == "only"

    def test_reporter_first(self) -> None:
        """The reporter's own statement wins: a country or one of its officials."""
        picked = choose(_seed(), reporter="KZ")
        assert picked[2022][0].value == usd("5.0")
        assert picked[2022][1] == "reporter"

    def test_reporter_ignored_when_none(self) -> None:
        """Without a reporter, 'reporter' decides nothing."""
        assert choose(_seed(), ["reporter"])[2022][1] == "order"

    def test_precise(self) -> None:
        """'precise' prefers the narrowest range relative to the value."""
        picked = choose([claim("$4.6 bn"), claim("$4.60 bn")], ["precise"])
        assert picked[2022] == (claim("$4.60 bn"), "precise")

    def test_earliest(self) -> None:
        """'earliest' prefers the earliest statement; undated last."""
        a = claim("$1 bn", stated="2023-01-02")
        b = claim("$2 bn", source=Source("Old", published="2022-12-31"))
        c = claim("$3 bn")
        assert choose([c, a, b], ["earliest"])[2022] == (b, "earliest")
        assert choose([c, a, b], ["latest"])[2022] == (a, "latest")

    def test_year_before_its_days(self) -> None:
        """A statement known only by its year is earlier than the days of that year."""
        year, day = claim("$1 bn", stated=2023), claim("$2 bn", stated="2023-01-01")
        assert choose([day, year], ["earliest"])[2022][0] == year
        assert choose([day, year], ["latest"])[2022][0] == day

    def test_tie_broken_by_order(self) -> None:
        """Claims tied on every criterion: the canonical order decides."""
        a, b = claim("$2 bn"), claim("$1 bn")
        assert choose([a, b], ["exact"])[2022] == (b, "order")

    def test_unknown_criterion(self) -> None:
        """An unknown criterion lists the valid ones."""
        with pytest.raises(InvalidOptionError, match="'earliest', 'exact'"):
            choose(_seed(), ["newest"])  # type: ignore[list-item]

    def test_criterion_twice(self) -> None:
        """A criterion named twice is refused."""
        with pytest.raises(ValidationError, match="twice"):
            choose(_seed(), ["exact", "exact"])

    def test_a_string_is_not_a_sequence(self) -> None:
        """prefer='latest' is refused: a string is not a sequence of criteria."""
        with pytest.raises(ValidationError):
            choose(_seed(), "latest")  # type: ignore[arg-type]

    def test_one_subject_and_parties(self) -> None:
        """Claims on two subjects are refused, naming both."""
        with pytest.raises(ValidationError, match=r"'exports'.*'turnover'.*filter"):
            choose([claim("$1 bn"), claim("$1 bn", subject="exports")])

    def test_empty(self) -> None:
        """No claims, no pick."""
        assert choose([]) == {}

    def test_default_is_documented(self) -> None:
        """The default is reporter, exact, latest, precise."""
        assert DEFAULT_PREFER == ("reporter", "exact", "latest", "precise")

    @settings(max_examples=50)
    @given(
        st.lists(claims(subjects=("turnover",), parties=(KZ_UZ,)), max_size=8),
        st.lists(st.sampled_from(PREFERENCES), unique=True),
        st.none() | st.sampled_from(KZ_UZ).map(Country),
        st.randoms(use_true_random=False),
    )
    def test_matches_brute_force(
        self,
        items: list[Claim],
        prefer: list[Preference],
        reporter: Country | None,
        random: st.Random,  # type: ignore[name-defined]
    ) -> None:
        """choose() agrees with a plain implementation, in any input order."""
        expected = _brute_force(items, tuple(prefer), reporter)
        shuffled = list(items)
        random.shuffle(shuffled)
        assert choose(shuffled, prefer, reporter=reporter) == expected


class TestErrorsAreBilat:
    """Every refusal is a BilatError."""

    def test_bad_claims_argument(self) -> None:
        """A string where claims are expected is a ValidationError."""
        with pytest.raises(BilatError):
            conflicts("claims")  # type: ignore[arg-type]


# -- equality follows the range ---------------------------------------------------------

#: How many metres one of each drawn unit holds (by definition of the units).
METRES: dict[str, Fraction] = {
    "kilometer": Fraction(1000),
    "meter": Fraction(1),
    "mile": Fraction("1609.344"),
}


class TestEqualityFollowsTheRange:
    """Equal claims allow equal ranges: the precision counts in the value's unit."""

    def test_same_figure_other_range(self) -> None:
        """152 km (to 1 km) is not 152000 m (to 1 m), though the values are equal."""
        a = claim("152 km", subject="length", text="152")
        b = claim(bilat.Q_(152000, "m"), subject="length", text="152", precision=1)
        assert a != b
        assert len({a, b}) == 2

    def test_conflicts_do_not_depend_on_order(self) -> None:
        """152.4 km disagrees with 152000 m ± 0.5 m, whichever claim comes first."""
        a = claim("152 km", subject="length", text="152")
        b = claim(bilat.Q_(152000, "m"), subject="length", text="152", precision=1)
        c = claim("152.4 km", subject="length")
        first, second = conflicts([a, b, c]), conflicts([b, a, c])
        assert first == second
        assert len(first) == 1
        assert {frozenset(p) for p in first[0].pairs} == {frozenset((b, c))}

    def test_same_range_in_another_unit(self) -> None:
        """152 km to 1 km equals 152000 m to 1000 m, with the same hash."""
        a = claim("152 km", subject="length", text="152")
        b = claim(bilat.Q_(152000, "m"), subject="length", text="152", precision=1000)
        assert a == b
        assert hash(a) == hash(b)

    @settings(max_examples=50)
    @given(claims(kind="quantity"))
    def test_in_metres(self, c: Claim) -> None:
        """A claim restated in metres (precision too) is equal; another step is not."""
        assert isinstance(c.value, pint.Quantity)
        factor = METRES[str(c.value.units)]
        value = Fraction(c.value.magnitude) * factor
        metres = Decimal(value.numerator) / Decimal(value.denominator)
        assert Fraction(metres) == value  # the factors end within a few digits
        step = None
        if c.precision is not None:
            scaled = Fraction(c.precision) * factor
            step = Decimal(scaled.numerator) / Decimal(scaled.denominator)
        same = attrs_evolve(c, value=bilat.Q_(metres, "m"), precision=step)
        assert same == c
        assert hash(same) == hash(c)
        if step is not None:
            assert (
                attrs_evolve(c, value=bilat.Q_(metres, "m"), precision=step * 10) != c
            )


def attrs_evolve(c: Claim, **changes: object) -> Claim:
    """The claim with some fields changed, built through Claim()."""
    fields: dict[str, object] = {
        "said_by": c.said_by,
        "stated": c.stated,
        "note": c.note,
        "text": c.text,
        "precision": c.precision,
        **changes,
    }
    value = fields.pop("value", c.value)
    return Claim(c.subject, c.period, value, c.source, parties=c.parties, **fields)  # type: ignore[arg-type]


# -- ranges whatever the caller's decimal context ----------------------------------------


class TestRangeInAnyContext:
    """A claim's range is worked out in bilat's context, never the caller's."""

    def test_low_with_one_digit(self) -> None:
        """$100 to $5 allows [97.50, 102.50) under a one-digit context."""
        with decimal.localcontext(prec=1):
            c = claim(Money(100, "USD"), precision=5)
            low, high = c.low, c.high
        assert (low, high) == (Money("97.5", "USD"), Money("102.5", "USD"))

    def test_long_precision_under_trapped_inexact(self) -> None:
        """A 30-digit precision halves and subtracts exactly when Inexact is trapped."""
        step = "1" * 30
        with decimal.localcontext(decimal.Context(traps=[decimal.Inexact])):
            c = claim(Money(100, "USD"), precision=step)
            low = c.low
        assert isinstance(low, Money)
        assert Fraction(low.amount) == 100 - Fraction(int(step), 2)

    def test_tiny_precision_refused(self) -> None:
        """A precision whose half is below bilat's range is refused at 'precision'."""
        with pytest.raises(ValidationError) as caught:
            claim(Money(100, "USD"), precision="1E-100")
        assert caught.value.path == "precision"

    @settings(max_examples=50)
    @given(claims() | claims(kind="quantity") | claims(kind="number"))
    def test_same_bounds(self, c: Claim) -> None:
        """low and high under a one-digit, truncating, trapping context are the same."""
        if c.precision is not None:  # a half of two digits: 1.5E+k
            c = attrs_evolve(c, precision=c.precision * 3)
        expected = (c.low, c.high)
        with decimal.localcontext(
            decimal.Context(
                prec=1, rounding=decimal.ROUND_DOWN, traps=[decimal.Inexact]
            )
        ):
            found = (c.low, c.high)
        assert found == expected


# -- quantities written with a unit --------------------------------------------------------


class TestQuantityText:
    """A figure is a plain number only when no unit is written."""

    @pytest.mark.parametrize(
        ("text", "magnitude", "unit"),
        [
            ("5 %", Decimal(5), "percent"),
            ("5 km/m", Decimal(5), "kilometer / meter"),
            ("5 ppm", Decimal(5), "ppm"),
        ],
    )
    def test_dimensionless_unit_kept(
        self, text: str, magnitude: Decimal, unit: str
    ) -> None:
        """'5 %' is 5 percent (0.05), not the number 5."""
        value = claim(text, subject="share").value
        assert isinstance(value, pint.Quantity)
        assert value.magnitude == magnitude
        assert str(value.units) == unit

    def test_percent_is_not_five(self) -> None:
        """'5 %' and '5' are different claims."""
        assert claim("5 %", subject="share") != claim("5", subject="share")

    def test_number_alone(self) -> None:
        """'78' is the number 78, to the unit."""
        c = claim("78", subject="joint projects")
        assert (c.value, c.precision) == (Decimal(78), Decimal(1))

    def test_mile_under_a_trapping_context(self) -> None:
        """'1 mile' reads under a five-digit context that traps Inexact."""
        with decimal.localcontext(decimal.Context(prec=5, traps=[decimal.Inexact])):
            c = claim("1 mile", subject="length")
        assert isinstance(c.value, pint.Quantity)
        assert (c.value.magnitude, str(c.value.units)) == (Decimal(1), "mile")
        assert c.precision == 1


# -- pairs given to a conflict ---------------------------------------------------------------


class TestGivenPairs:
    """A pair given to Conflict must disagree, when one currency lets it tell."""

    def test_overlapping_pair_refused(self) -> None:
        """$4.97 bn and 'about $5 bn' overlap: not a pair of a conflict."""
        a, b, c = claim("$4.97 bn"), claim("about $5 bn"), claim("$4.6 bn")
        with pytest.raises(ValidationError) as caught:
            Conflict("turnover", KZ_UZ, 2022, (a, b, c), pairs=[(c, a), (a, b)])
        assert caught.value.path == "pairs[1]"
        assert shown(a) in str(caught.value)
        assert shown(b) in str(caught.value)

    def test_disagreeing_pair_kept(self) -> None:
        """$4.6 bn and $4.97 bn do not overlap: the pair is kept."""
        a, b, c = claim("$4.97 bn"), claim("about $5 bn"), claim("$4.6 bn")
        conflict = Conflict("turnover", KZ_UZ, 2022, (a, b, c), pairs=[(a, c)])
        assert {frozenset(p) for p in conflict.pairs} == {frozenset((a, c))}

    def test_two_currencies_taken_as_given(self) -> None:
        """Without rates, a pair in two currencies cannot be told: it is kept."""
        a, b = claim("$1 bn"), claim(Money(1, "KZT"))
        conflict = Conflict("turnover", KZ_UZ, 2022, (a, b), pairs=[(a, b)])
        assert {frozenset(p) for p in conflict.pairs} == {frozenset((a, b))}
