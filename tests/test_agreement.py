"""Tests for bilat._agreement: agreements, their kinds, treaty actions and status."""

from __future__ import annotations

import copy
import datetime as dt
import inspect
import pickle

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.strategies import DATES, agreements, treaty_actions

import bilat
from bilat import (
    ActionKind,
    Agreement,
    AgreementKind,
    AgreementStatus,
    Country,
    Dossier,
    InvalidOptionError,
    Source,
    TreatyAction,
    ValidationError,
)
from bilat._agreement import status_date
from bilat._fields import DateOrYearLike
from bilat.io import dumps, loads

KZ, UZ = Country("KZ"), Country("UZ")
D = dt.date

#: The order an agreement passes through its statuses.
RANK = {
    AgreementStatus.PROPOSED: 0,
    AgreementStatus.SIGNED: 1,
    AgreementStatus.IN_FORCE: 2,
    AgreementStatus.EXPIRED: 3,
    AgreementStatus.TERMINATED: 4,
}


#: The names the reprs of agreements and actions need.
NAMES = {
    "ActionKind": ActionKind,
    "Agreement": Agreement,
    "AgreementKind": AgreementKind,
    "Source": Source,
    "TreatyAction": TreatyAction,
}


def treaty(**dates: object) -> Agreement:
    return Agreement("Treaty", ("KZ", "UZ"), AgreementKind.TREATY, **dates)  # type: ignore[arg-type]


def done_by(value: dt.date | int | None) -> dt.date | None:
    """The day a date or a year has surely happened by, worked out by hand."""
    if isinstance(value, int):
        return dt.date(value, 12, 31)
    return value


def act_done(action: TreatyAction) -> dt.date:
    """The day an act has surely happened by, worked out by hand."""
    when = action.date
    return dt.date(when, 12, 31) if isinstance(when, int) else when


def as_written(value: object) -> object:
    """A date as the test wrote it, converted by hand: ISO text to a date."""
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def joined(*actions: TreatyAction) -> Agreement:
    """KZ, UZ and KG: a convention signed in 2019, in force from 2020, with ``actions``."""
    return Agreement(
        "Convention",
        ("KZ", "UZ", "KG"),
        "treaty",
        signed="2019-01-01",
        in_force="2020-01-01",
        actions=actions,
    )


#: The acts by which a party consents to be bound, other than a signature.
CONSENT = frozenset(
    {
        ActionKind.RATIFICATION,
        ActionKind.ACCEPTANCE,
        ActionKind.APPROVAL,
        ActionKind.ACCESSION,
    }
)


def act(party: str, kind: str, when: DateOrYearLike) -> TreatyAction:
    return TreatyAction(party, kind, when)


class TestEnums:
    """Kinds and statuses have readable lowercase values."""

    def test_kind_values(self) -> None:
        """Every kind, in order."""
        assert [k.value for k in AgreementKind] == [
            "treaty",
            "agreement",
            "memorandum",
            "protocol",
            "programme",
            "roadmap",
            "joint_statement",
            "declaration",
            "contract",
            "other",
        ]

    def test_status_values(self) -> None:
        """Every status, in the order an agreement passes through them."""
        assert [s.value for s in AgreementStatus] == [
            "proposed",
            "signed",
            "in_force",
            "expired",
            "terminated",
        ]
        assert AgreementStatus("in_force") is AgreementStatus.IN_FORCE


class TestConstruction:
    """Fields are converted and checked at construction."""

    def test_codes_and_strings(self) -> None:
        """Parties from codes, kind from its value, dates from ISO strings."""
        src = Source("Akorda")
        a = Agreement(
            "Roadmap",
            ["kaz", 860],
            "roadmap",
            signed="2022-12-22",
            in_force=D(2022, 12, 22),
            ends="2027-12-31",
            terminated="2025-01-01",
            sources=[src],
        )
        assert a.parties == (KZ, UZ)
        assert a.kind is AgreementKind.ROADMAP
        assert (a.signed, a.in_force, a.ends, a.terminated) == (
            D(2022, 12, 22),
            D(2022, 12, 22),
            D(2027, 12, 31),
            D(2025, 1, 1),
        )
        assert a.sources == (src,)

    def test_defaults(self) -> None:
        """Dates are unknown and sources empty unless given."""
        a = Agreement("Memorandum", (KZ, UZ), AgreementKind.MEMORANDUM)
        assert (a.signed, a.in_force, a.ends, a.terminated, a.sources) == (
            None,
            None,
            None,
            None,
            (),
        )

    def test_more_parties_keep_order(self) -> None:
        """Parties keep the order given."""
        a = Agreement("C5", ("UZ", "KZ", "KG", "TJ", "TM"), "declaration")
        assert [p.alpha2 for p in a.parties] == ["UZ", "KZ", "KG", "TJ", "TM"]

    def test_terminated_before_in_force(self) -> None:
        """An agreement may be abandoned before it takes effect."""
        a = treaty(signed="2020-01-01", in_force="2021-01-01", terminated="2020-06-01")
        assert a.terminated == D(2020, 6, 1)

    def test_frozen(self) -> None:
        """An agreement cannot be changed; evolve makes a new one."""
        a = treaty()
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            a.title = "x"  # type: ignore[misc]
        assert attrs.evolve(a, signed="2020-01-01").signed == D(2020, 1, 1)


class TestErrors:
    """Invalid fields raise ValidationError naming the field."""

    @pytest.mark.parametrize(
        ("parties", "path", "message"),
        [
            (("KZ",), "parties", "at least two countries"),
            ((), "parties", "at least two countries"),
            ("KZUZ", "parties", "sequence of at least two countries"),
            (None, "parties", "sequence of at least two countries"),
            (("KZ", "XX"), "parties[1]", "unknown country 'XX'"),
            (("KZ", True), "parties[1]", "not a bool"),
            (("KZ", "KAZ"), "parties[1]", r"Country\('KZ'\) is named twice"),
        ],
    )
    def test_parties(self, parties: object, path: str, message: str) -> None:
        """Fewer than two, unknown or repeated parties."""
        with pytest.raises(ValidationError, match=message) as e:
            Agreement("T", parties, AgreementKind.TREATY)  # type: ignore[arg-type]
        assert e.value.path == path

    @pytest.mark.parametrize("kind", ["pact", "TREATY", 3, None])
    def test_kind(self, kind: object) -> None:
        """Only members or their values."""
        with pytest.raises(ValidationError, match="unknown agreement kind") as e:
            Agreement("T", ("KZ", "UZ"), kind)  # type: ignore[arg-type]
        assert e.value.path == "kind"

    @pytest.mark.parametrize("title", ["", "  ", 7])
    def test_title(self, title: object) -> None:
        """A title is non-empty text."""
        with pytest.raises(ValidationError) as e:
            Agreement(title, ("KZ", "UZ"), "treaty")  # type: ignore[arg-type]
        assert e.value.path == "title"

    @pytest.mark.parametrize("field", ["signed", "in_force", "ends", "terminated"])
    def test_bad_date(self, field: str) -> None:
        """Dates must be dates or ISO strings."""
        with pytest.raises(ValidationError, match="ISO date") as e:
            treaty(**{field: "22.12.2022"})
        assert e.value.path == field

    @pytest.mark.parametrize(
        ("dates", "path", "message"),
        [
            (
                {"signed": "2022-12-22", "in_force": "2022-12-21"},
                "in_force",
                "in_force 2022-12-21 is before signed 2022-12-22",
            ),
            (
                {"signed": "2022-12-22", "ends": "2022-01-01"},
                "ends",
                "ends 2022-01-01 is before signed 2022-12-22",
            ),
            (
                {"in_force": "2023-05-02", "ends": "2023-05-01"},
                "ends",
                "ends 2023-05-01 is before in_force 2023-05-02",
            ),
            (
                {"signed": "2022-12-22", "terminated": "2022-12-21"},
                "terminated",
                "terminated 2022-12-21 is before signed 2022-12-22",
            ),
        ],
    )
    def test_dates_out_of_order(
        self, dates: dict[str, str], path: str, message: str
    ) -> None:
        """The error names both dates."""
        with pytest.raises(ValidationError, match=message) as e:
            treaty(**dates)
        assert e.value.path == path

    def test_every_problem_reported(self) -> None:
        """Several dates out of order are all listed."""
        with pytest.raises(ValidationError) as e:
            treaty(signed="2022-12-22", in_force="2022-01-01", terminated="2021-01-01")
        assert [p for p, _ in e.value.problems] == ["in_force", "terminated"]

    @pytest.mark.parametrize(
        ("sources", "path"), [("Akorda", "sources"), ([Source("a"), 1], "sources[1]")]
    )
    def test_sources(self, sources: object, path: str) -> None:
        """Sources must be Source values."""
        with pytest.raises(ValidationError, match="Source") as e:
            treaty(sources=sources)
        assert e.value.path == path


class TestStatus:
    """status(as_of) follows from the dates."""

    FULL = treaty(signed="2022-12-22", in_force="2023-05-02", ends="2033-05-01")

    @pytest.mark.parametrize(
        ("as_of", "status"),
        [
            (D(2022, 12, 21), AgreementStatus.PROPOSED),
            (D(2022, 12, 22), AgreementStatus.SIGNED),
            (D(2023, 5, 1), AgreementStatus.SIGNED),
            (D(2023, 5, 2), AgreementStatus.IN_FORCE),
            (D(2033, 5, 1), AgreementStatus.IN_FORCE),
            (D(2033, 5, 2), AgreementStatus.EXPIRED),
        ],
    )
    def test_life(self, as_of: dt.date, status: AgreementStatus) -> None:
        """Proposed, signed, in force through its last day, then expired."""
        assert self.FULL.status(as_of) is status

    @pytest.mark.parametrize(
        ("as_of", "status"),
        [
            (D(2024, 12, 31), AgreementStatus.IN_FORCE),
            (D(2025, 1, 1), AgreementStatus.TERMINATED),
            (D(2040, 1, 1), AgreementStatus.TERMINATED),
        ],
    )
    def test_terminated(self, as_of: dt.date, status: AgreementStatus) -> None:
        """Termination applies from its day, and outlasts the end date."""
        a = attrs.evolve(self.FULL, terminated="2025-01-01")
        assert a.status(as_of) is status

    def test_terminated_before_in_force(self) -> None:
        """Abandoned before taking effect: terminated, never in force."""
        a = treaty(signed="2020-01-01", in_force="2021-01-01", terminated="2020-06-01")
        assert a.status(D(2020, 3, 1)) is AgreementStatus.SIGNED
        assert a.status(D(2021, 6, 1)) is AgreementStatus.TERMINATED

    def test_no_dates(self) -> None:
        """With no date known, an agreement stays proposed."""
        assert treaty().status(D(1900, 1, 1)) is AgreementStatus.PROPOSED
        assert treaty().status(D(2100, 1, 1)) is AgreementStatus.PROPOSED

    def test_in_force_without_signing_date(self) -> None:
        """An unknown signing date is skipped."""
        a = treaty(in_force="2023-05-02")
        assert a.status(D(2023, 5, 1)) is AgreementStatus.PROPOSED
        assert a.status(D(2023, 5, 2)) is AgreementStatus.IN_FORCE

    def test_iso_string(self) -> None:
        """as_of may be an ISO string."""
        assert self.FULL.status("2024-01-01") is AgreementStatus.IN_FORCE

    def test_today(self) -> None:
        """Left out, as_of is today's date."""
        signed_yesterday = treaty(signed=dt.date.today() - dt.timedelta(days=1))
        before = dt.date.today()
        status = signed_yesterday.status()
        after = dt.date.today()
        assert status in {
            signed_yesterday.status(before),
            signed_yesterday.status(after),
        }
        assert status is AgreementStatus.SIGNED
        future = treaty(signed=dt.date.today() + dt.timedelta(days=2))
        assert future.status() is AgreementStatus.PROPOSED

    @pytest.mark.parametrize(
        ("as_of", "message"),
        [
            (dt.datetime(2024, 1, 1, 12), "datetime"),
            ("soon", "got 'soon'"),
            (2024, "got 2024"),
        ],
    )
    def test_bad_as_of(self, as_of: object, message: str) -> None:
        """as_of must be a date."""
        with pytest.raises(ValidationError, match=message) as e:
            self.FULL.status(as_of)  # type: ignore[arg-type]
        assert e.value.path == "as_of"

    @given(agreements(), DATES, DATES)
    def test_monotone(self, agreement: Agreement, a: dt.date, b: dt.date) -> None:
        """The status never moves back as as_of grows, actions and years included."""
        early, late = sorted((a, b))
        assert RANK[agreement.status(early)] <= RANK[agreement.status(late)]

    @given(agreements(actions=False), DATES)
    def test_status_matches_dates(self, agreement: Agreement, day: dt.date) -> None:
        """Each status is backed by the date that gives it (a year from 31 December)."""
        status = agreement.status(day)
        t, e, f, s = (
            done_by(agreement.terminated),
            done_by(agreement.ends),
            done_by(agreement.in_force),
            done_by(agreement.signed),
        )
        if status is AgreementStatus.TERMINATED:
            assert t is not None
            assert t <= day
        elif status is AgreementStatus.EXPIRED:
            assert e is not None
            assert e < day
        elif status is AgreementStatus.IN_FORCE:
            assert f is not None
            assert f <= day
        elif status is AgreementStatus.SIGNED:
            assert s is not None
            assert s <= day
        else:
            assert all(x is None or x > day for x in (t, f, s))


class TestRepr:
    """repr shows the call that rebuilds the agreement."""

    def test_repr(self) -> None:
        """Codes for parties, the kind's member, ISO dates, sources."""
        a = Agreement(
            "Treaty on Allied Relations",
            (KZ, UZ),
            AgreementKind.TREATY,
            signed=D(2022, 12, 22),
            sources=(Source("Akorda"),),
        )
        assert repr(a) == (
            "Agreement('Treaty on Allied Relations', ('KZ', 'UZ'), "
            "AgreementKind.TREATY, signed='2022-12-22', "
            "sources=(Source('Akorda'),))"
        )

    @given(agreements())
    def test_round_trip(self, agreement: Agreement) -> None:
        """eval(repr(a)) == a, actions, years and note included."""
        assert eval(repr(agreement), NAMES) == agreement

    @given(st.sampled_from(AgreementKind))
    def test_kind_from_value(self, kind: AgreementKind) -> None:
        """A kind's value gives the kind back."""
        assert AgreementKind(kind.value) is kind


def test_exported() -> None:
    """The public names are importable from bilat."""
    assert (bilat.Agreement, bilat.AgreementKind, bilat.AgreementStatus) == (
        Agreement,
        AgreementKind,
        AgreementStatus,
    )
    assert (bilat.TreatyAction, bilat.ActionKind) == (TreatyAction, ActionKind)
    assert (TreatyAction.__module__, ActionKind.__module__) == ("bilat", "bilat")


# -- treaty actions --------------------------------------------------------------------

MAZHILIS = Source(
    "Kazakhstan's Parliament approves regulations for the Central Asia "
    "International Industrial Cooperation Center with Uzbekistan",
    publisher="The Times of Central Asia",
)


def centre(*actions: TreatyAction, **fields: object) -> Agreement:
    """The industrial cooperation centre agreement, with ``actions``."""
    return Agreement(
        "Intergovernmental agreement on the Central Asia International Center "
        "for Industrial Cooperation",
        ("KZ", "UZ"),
        "agreement",
        actions=actions,
        **fields,  # type: ignore[arg-type]
    )


class TestActionKind:
    """The kinds of act, as the UN Treaty Collection records them."""

    def test_values(self) -> None:
        """Every kind, lower-case, in the order a party passes through them."""
        assert [k.value for k in ActionKind] == [
            "signature",
            "ratification",
            "acceptance",
            "approval",
            "accession",
            "entry_into_force",
            "denunciation",
            "withdrawal",
        ]


class TestTreatyAction:
    """A TreatyAction converts and checks its fields."""

    def test_fields(self) -> None:
        """A code, a kind's value and an ISO string become a Country, a kind, a date."""
        a = TreatyAction("kaz", "ratification", "2025-02-05", sources=[MAZHILIS])
        assert (a.party, a.kind, a.date, a.sources) == (
            Country("KZ"),
            ActionKind.RATIFICATION,
            D(2025, 2, 5),
            (MAZHILIS,),
        )

    def test_year(self) -> None:
        """A year stays a year; no day is made up."""
        assert TreatyAction("UZ", ActionKind.SIGNATURE, 2024).date == 2024

    def test_repr(self) -> None:
        """The repr is the call that builds the action."""
        a = TreatyAction("KZ", "entry_into_force", 2025, sources=[Source("Akorda")])
        assert repr(a) == (
            "TreatyAction('KZ', ActionKind.ENTRY_INTO_FORCE, 2025, "
            "sources=(Source('Akorda'),))"
        )
        assert str(TreatyAction("KZ", "ratification", "2025-02-05")) == (
            "KZ: ratification, 2025-02-05"
        )

    @given(treaty_actions())
    def test_round_trips(self, action: TreatyAction) -> None:
        """repr, pickle and deepcopy give an equal action with an equal hash."""
        for back in (
            eval(repr(action), NAMES),
            pickle.loads(pickle.dumps(action)),
            copy.deepcopy(action),
        ):
            assert back == action
            assert hash(back) == hash(action)

    def test_frozen(self) -> None:
        """An action cannot be changed."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            act("KZ", "signature", 2024).kind = ActionKind.ACCESSION  # type: ignore[misc]

    @pytest.mark.parametrize(
        ("fields", "path", "message"),
        [
            ({"party": "XX"}, "party", "unknown country 'XX'"),
            ({"party": None}, "party", "None"),
            ({"kind": "ratified"}, "kind", "unknown treaty action 'ratified'"),
            ({"kind": "RATIFICATION"}, "kind", "expected one of 'signature'"),
            ({"date": "5.2.2025"}, "date", "or a year \\(an int"),
            ({"date": "0000"}, "date", "got '0000'"),
            ({"date": "25"}, "date", "got '25'"),
            ({"date": 0}, "date", "a year from 1 to 9999, got 0"),
            ({"date": 10_000}, "date", "a year from 1 to 9999"),
            ({"date": True}, "date", "got True"),
            ({"date": 2025.0}, "date", "got 2025.0"),
            ({"date": dt.datetime(2025, 2, 5, 12)}, "date", "pass its .date()"),
            ({"sources": "Akorda"}, "sources", "Source"),
        ],
    )
    def test_errors(self, fields: dict[str, object], path: str, message: str) -> None:
        """A bad party, kind or date is a ValidationError at its path."""
        given_fields: dict[str, object] = {
            "party": "KZ",
            "kind": "ratification",
            "date": "2025-02-05",
            **fields,
        }
        with pytest.raises(ValidationError, match=message) as e:
            TreatyAction(**given_fields)  # type: ignore[arg-type]
        assert e.value.path == path


class TestYearDates:
    """Any date of an agreement may be a year."""

    def test_years_kept(self) -> None:
        """Years stay ints; days stay dates."""
        a = treaty(signed=2022, in_force="2023-05-02", ends=2033, terminated=2030)
        assert (a.signed, a.in_force, a.ends, a.terminated) == (
            2022,
            D(2023, 5, 2),
            2033,
            2030,
        )
        assert repr(a).endswith(
            "signed=2022, in_force='2023-05-02', ends=2033, terminated=2030)"
        )

    @pytest.mark.parametrize(
        ("as_of", "status"),
        [
            (D(2025, 12, 30), AgreementStatus.PROPOSED),
            (D(2025, 12, 31), AgreementStatus.SIGNED),
            (D(2026, 1, 1), AgreementStatus.SIGNED),
        ],
    )
    def test_signed_in_a_year(self, as_of: dt.date, status: AgreementStatus) -> None:
        """Signed in 2025 counts from 31 December 2025, the first sure day."""
        assert treaty(signed=2025).status(as_of) is status

    @pytest.mark.parametrize(
        ("as_of", "status"),
        [
            (D(2033, 12, 31), AgreementStatus.IN_FORCE),
            (D(2034, 1, 1), AgreementStatus.EXPIRED),
        ],
    )
    def test_ends_in_a_year(self, as_of: dt.date, status: AgreementStatus) -> None:
        """Ending in 2033, it is surely expired from 1 January 2034."""
        assert treaty(in_force="2023-05-02", ends=2033).status(as_of) is status

    @pytest.mark.parametrize(
        "dates",
        [
            {"signed": 2022, "in_force": "2022-01-01"},
            {"signed": D(2022, 12, 31), "in_force": 2022},
            {"signed": 2022, "in_force": 2022, "ends": 2022, "terminated": 2022},
            {"in_force": "2023-05-02", "ends": 2023},
        ],
    )
    def test_same_year_may_be_in_order(self, dates: dict[str, object]) -> None:
        """A year and a day in it, or two equal years, may be in either order."""
        assert treaty(**dates).signed == dates.get("signed")

    @pytest.mark.parametrize(
        ("dates", "path", "message"),
        [
            (
                {"signed": 2023, "in_force": "2022-12-31"},
                "in_force",
                "in_force 2022-12-31 is before signed 2023",
            ),
            (
                {"signed": "2023-01-01", "in_force": 2022},
                "in_force",
                "in_force 2022 is before signed 2023-01-01",
            ),
            ({"in_force": 2024, "ends": 2023}, "ends", "ends 2023 is before in_force"),
        ],
    )
    def test_certainly_out_of_order(
        self, dates: dict[str, object], path: str, message: str
    ) -> None:
        """Dates that cannot be in order, whatever the day in the year, are refused."""
        with pytest.raises(ValidationError, match=message) as e:
            treaty(**dates)
        assert e.value.path == path

    @pytest.mark.parametrize("field", ["signed", "in_force", "ends", "terminated"])
    @pytest.mark.parametrize(
        "value", [0, 10_000, True, 2022.0, "0000", "22", "２０２２", "2022 "]
    )
    def test_bad_year(self, field: str, value: object) -> None:
        """A year is an int from 1 to 9999, or its four ASCII digits."""
        with pytest.raises(ValidationError) as e:
            treaty(**{field: value})
        assert e.value.path == field


class TestActionsChecked:
    """An agreement checks its actions against its parties and each other."""

    def test_party_not_in_agreement(self) -> None:
        """An act by a country that is not a party names it and the parties."""
        with pytest.raises(ValidationError) as e:
            centre(act("KZ", "signature", 2024), act("RU", "ratification", 2025))
        assert e.value.problems == (
            (
                "actions[1].party",
                (
                    "'RU' is not one of the parties ('KZ', 'UZ'); add it "
                    "to parties or correct the action"
                ),
            ),
        )

    @pytest.mark.parametrize(
        "kind",
        [
            "ratification",
            "acceptance",
            "approval",
            "accession",
            "entry_into_force",
            "denunciation",
            "withdrawal",
        ],
    )
    def test_act_before_signed(self, kind: str) -> None:
        """An act that needs the agreed text cannot come before the agreement is signed."""
        with pytest.raises(ValidationError) as e:
            centre(act("KZ", kind, "2020-01-01"), signed="2024-06-01")
        words = kind.replace("_", " ")
        assert e.value.problems == (
            (
                "actions[0].date",
                (
                    f"the {words} by KZ (2020-01-01) is before the agreement's "
                    "signed 2024-06-01"
                ),
            ),
        )

    @pytest.mark.parametrize(
        ("when", "signed"),
        [
            ("2024-06-01", "2024-06-01"),
            (2024, "2024-06-01"),
            ("2024-01-01", 2024),
            (2024, 2024),
        ],
    )
    def test_act_on_or_maybe_after_signed(
        self, when: DateOrYearLike, signed: DateOrYearLike
    ) -> None:
        """An act on the signing day, or possibly after it (a year), is accepted."""
        a = centre(act("KZ", "ratification", when), signed=signed)
        assert a.actions[0].date == as_written(when)

    def test_signature_before_signed(self) -> None:
        """A party's own signature may come before the day recorded as signed."""
        a = centre(act("KZ", "signature", "2024-05-01"), signed="2024-06-01")
        assert a.status(D(2024, 5, 15)) is AgreementStatus.SIGNED

    def test_not_an_action(self) -> None:
        """Items must be TreatyAction values."""
        with pytest.raises(ValidationError, match="expected a TreatyAction") as e:
            centre(act("KZ", "signature", 2024), ("UZ", "signature", 2024))  # type: ignore[arg-type]
        assert e.value.path == "actions[1]"

    def test_listed_twice(self) -> None:
        """The same act twice (sources aside) is refused, naming both places."""
        first = act("KZ", "ratification", "2025-02-05")
        again = attrs.evolve(first, sources=[MAZHILIS])
        with pytest.raises(ValidationError, match="also as actions\\[0\\]") as e:
            centre(first, again)
        assert e.value.path == "actions[1]"

    def test_same_act_other_party_or_day(self) -> None:
        """Both parties may ratify the same day; one party may sign twice."""
        a = centre(
            act("KZ", "ratification", "2025-02-05"),
            act("UZ", "ratification", "2025-02-05"),
            act("KZ", "signature", "2024-01-01"),
            act("KZ", "signature", "2024-06-01"),
        )
        assert len(a.actions) == 4

    @pytest.mark.parametrize(
        ("actions", "message"),
        [
            (
                [("signature", "2025-03-01"), ("ratification", "2025-02-05")],
                "ratification by KZ \\(2025-02-05\\) is before the signature by KZ",
            ),
            (
                [("accession", 2025), ("entry_into_force", "2024-12-31")],
                "entry into force by KZ \\(2024-12-31\\) is before the accession",
            ),
            (
                [("entry_into_force", "2025-03-01"), ("denunciation", "2025-01-01")],
                "denunciation by KZ \\(2025-01-01\\) is before the entry into force",
            ),
            (
                [("signature", 2024), ("withdrawal", 2023)],
                "withdrawal by KZ \\(2023\\) is before the signature by KZ \\(2024\\)",
            ),
        ],
    )
    def test_out_of_order(
        self, actions: list[tuple[str, DateOrYearLike]], message: str
    ) -> None:
        """A party's acts follow the glossary's order; the error names both."""
        with pytest.raises(ValidationError, match=message) as e:
            centre(*(act("KZ", kind, when) for kind, when in actions))
        assert e.value.path == "actions[1].date"

    def test_order_within_a_year(self) -> None:
        """A year and a day in it may be in either order; so may equal days."""
        a = centre(
            act("KZ", "ratification", 2025),
            act("KZ", "signature", "2025-12-31"),
            act("KZ", "entry_into_force", "2025-12-31"),
        )
        assert len(a.actions) == 3

    def test_later_acts_after_a_withdrawal(self) -> None:
        """A party that withdrew may accede again later."""
        a = centre(
            act("KZ", "accession", 2010),
            act("KZ", "withdrawal", 2015),
            act("KZ", "accession", 2020),
        )
        assert len(a.actions) == 3

    def test_entry_into_force_before_the_agreements(self) -> None:
        """No party is bound before the agreement entered into force."""
        with pytest.raises(
            ValidationError, match="before the agreement's in_force"
        ) as e:
            centre(act("UZ", "entry_into_force", "2023-05-01"), in_force="2023-05-02")
        assert e.value.path == "actions[0].date"

    def test_every_problem_reported(self) -> None:
        """A non-party and an act out of order are both listed."""
        with pytest.raises(ValidationError) as e:
            centre(
                act("RU", "signature", 2024),
                act("KZ", "signature", 2025),
                act("KZ", "ratification", 2024),
            )
        assert [p for p, _ in e.value.problems] == [
            "actions[0].party",
            "actions[2].date",
        ]


class TestStatusFromActions:
    """status(as_of) reads the parties' acts as well as the dates."""

    RATIFIED = centre(act("KZ", "ratification", "2025-02-05"))

    @pytest.mark.parametrize(
        ("as_of", "status"),
        [
            (D(2025, 2, 4), AgreementStatus.PROPOSED),
            (D(2025, 2, 5), AgreementStatus.SIGNED),
            (D(2030, 1, 1), AgreementStatus.SIGNED),
        ],
    )
    def test_ratified(self, as_of: dt.date, status: AgreementStatus) -> None:
        """A ratification makes the agreement at least signed, from its day."""
        assert self.RATIFIED.status(as_of) is status

    @pytest.mark.parametrize(
        "kind", ["signature", "acceptance", "approval", "accession"]
    )
    def test_consent_is_signed(self, kind: str) -> None:
        """Any act of signature or consent makes it signed."""
        a = centre(act("UZ", kind, "2024-06-01"))
        assert a.status(D(2024, 5, 31)) is AgreementStatus.PROPOSED
        assert a.status(D(2024, 6, 1)) is AgreementStatus.SIGNED

    @pytest.mark.parametrize(
        ("as_of", "status"),
        [
            (D(2023, 5, 1), AgreementStatus.SIGNED),
            (D(2023, 5, 2), AgreementStatus.IN_FORCE),
        ],
    )
    def test_entry_into_force_of_any_party(
        self, as_of: dt.date, status: AgreementStatus
    ) -> None:
        """One party's entry into force puts the agreement in force."""
        a = centre(
            act("KZ", "ratification", "2023-03-01"),
            act("KZ", "entry_into_force", "2023-05-02"),
        )
        assert a.status(as_of) is status

    @pytest.mark.parametrize(
        ("as_of", "status"),
        [
            (D(2025, 12, 30), AgreementStatus.PROPOSED),
            (D(2025, 12, 31), AgreementStatus.SIGNED),
        ],
    )
    def test_action_in_a_year(self, as_of: dt.date, status: AgreementStatus) -> None:
        """A ratification known by its year counts from 31 December."""
        assert centre(act("KZ", "ratification", 2025)).status(as_of) is status

    def test_denunciation_leaves_the_agreement_as_it_is(self) -> None:
        """A party's denunciation ends it for that party; termination is a date."""
        a = centre(
            act("KZ", "entry_into_force", "2020-01-01"),
            act("KZ", "denunciation", "2024-01-01"),
        )
        assert a.status(D(2025, 1, 1)) is AgreementStatus.IN_FORCE
        ended = attrs.evolve(a, terminated="2024-01-01")
        assert ended.status(D(2025, 1, 1)) is AgreementStatus.TERMINATED

    def test_dates_and_acts_without_actions_unchanged(self) -> None:
        """With no actions, status follows the dates alone, as before."""
        a = treaty(signed="2022-12-22", in_force="2023-05-02")
        assert a.actions == ()
        assert a.note is None
        assert [a.status(D(y, 1, 1)) for y in (2022, 2023, 2024)] == [
            AgreementStatus.PROPOSED,
            AgreementStatus.SIGNED,
            AgreementStatus.IN_FORCE,
        ]


class TestEnteredIntoForce:
    """entered_into_force: from in_force or the first entry into force."""

    def test_from_in_force(self) -> None:
        """in_force when it is the only date."""
        assert treaty(in_force=2023).entered_into_force == 2023

    def test_none(self) -> None:
        """None before any entry into force is known."""
        assert centre(act("KZ", "ratification", 2025)).entered_into_force is None

    def test_earliest_action(self) -> None:
        """The earliest act, a day before a year that ends on it."""
        a = centre(
            act("UZ", "entry_into_force", 2023),
            act("KZ", "entry_into_force", "2023-12-31"),
        )
        assert a.entered_into_force == D(2023, 12, 31)
        b = centre(act("UZ", "entry_into_force", 2023), in_force=2023)
        assert b.entered_into_force == 2023

    def test_day_within_the_year_of_in_force(self) -> None:
        """A party's day within the year of in_force is the more precise date."""
        a = centre(act("UZ", "entry_into_force", "2023-05-02"), in_force=2023)
        assert a.entered_into_force == D(2023, 5, 2)
        assert a.status(D(2023, 5, 2)) is AgreementStatus.IN_FORCE


class TestStatusFor:
    """status_for(party, as_of): where one party stands."""

    CONVENTION = Agreement(
        "Convention",
        ("KZ", "UZ", "KG"),
        "treaty",
        signed="2019-06-01",
        in_force="2020-01-01",
        actions=[
            act("KG", "accession", "2021-03-01"),
            act("KG", "entry_into_force", "2021-04-01"),
            act("UZ", "withdrawal", 2024),
        ],
    )

    @pytest.mark.parametrize(
        ("as_of", "expected"),
        [
            (D(2019, 5, 31), ("proposed", "proposed", "proposed")),
            (D(2019, 6, 1), ("signed", "signed", "proposed")),
            (D(2020, 1, 1), ("in_force", "in_force", "proposed")),
            (D(2021, 2, 28), ("in_force", "in_force", "proposed")),
            (D(2021, 3, 1), ("in_force", "in_force", "signed")),
            (D(2021, 3, 31), ("in_force", "in_force", "signed")),
            (D(2021, 4, 1), ("in_force", "in_force", "in_force")),
            (D(2024, 12, 30), ("in_force", "in_force", "in_force")),
            (D(2024, 12, 31), ("in_force", "terminated", "in_force")),
        ],
    )
    def test_table(self, as_of: dt.date, expected: tuple[str, ...]) -> None:
        """KZ follows the agreement; KG joins by accession, bound from its own entry into force; UZ withdrew."""
        got = tuple(
            self.CONVENTION.status_for(p, as_of).value for p in ("KZ", "UZ", "KG")
        )
        assert got == expected

    def test_later_entry_into_force(self) -> None:
        """A party whose own entry into force is later is a signatory until then."""
        a = centre(
            act("KZ", "ratification", "2023-01-10"),
            act("UZ", "ratification", "2023-06-01"),
            act("UZ", "entry_into_force", "2023-07-01"),
            in_force="2023-02-01",
        )
        assert a.status(D(2023, 3, 1)) is AgreementStatus.IN_FORCE
        assert a.status_for("KZ", D(2023, 3, 1)) is AgreementStatus.IN_FORCE
        assert a.status_for("UZ", D(2023, 3, 1)) is AgreementStatus.PROPOSED
        assert a.status_for("UZ", D(2023, 6, 1)) is AgreementStatus.SIGNED
        assert a.status_for("UZ", D(2023, 7, 1)) is AgreementStatus.IN_FORCE

    def test_kazakh_ratification(self) -> None:
        """Kazakhstan ratified; Uzbekistan has done nothing on record yet."""
        a = TestStatusFromActions.RATIFIED
        assert a.status_for("KZ", D(2025, 2, 5)) is AgreementStatus.SIGNED
        assert a.status_for("UZ", D(2025, 2, 5)) is AgreementStatus.PROPOSED
        assert a.status_for(Country("KAZ"), "2025-02-04") is AgreementStatus.PROPOSED

    @pytest.mark.parametrize(
        ("as_of", "status"),
        [
            (D(2025, 12, 30), AgreementStatus.IN_FORCE),
            (D(2025, 12, 31), AgreementStatus.TERMINATED),
        ],
    )
    def test_denunciation_in_a_year(
        self, as_of: dt.date, status: AgreementStatus
    ) -> None:
        """A denunciation known by its year ends the agreement for the party on 31 December."""
        a = centre(act("KZ", "denunciation", 2025), in_force="2020-01-01")
        assert a.status_for("KZ", as_of) is status
        assert a.status_for("UZ", as_of) is AgreementStatus.IN_FORCE

    def test_agreement_dates_apply_to_every_party(self) -> None:
        """Termination and expiry of the agreement apply to each party."""
        a = centre(in_force="2020-01-01", ends="2024-12-31")
        assert a.status_for("UZ", D(2025, 1, 1)) is AgreementStatus.EXPIRED
        b = centre(in_force="2020-01-01", terminated="2022-01-01")
        assert b.status_for("KZ", D(2022, 1, 1)) is AgreementStatus.TERMINATED

    def test_not_a_party(self) -> None:
        """A country that is not a party is an InvalidOptionError naming the parties."""
        with pytest.raises(InvalidOptionError) as e:
            self.CONVENTION.status_for("RU", D(2025, 1, 1))
        assert str(e.value) == "unknown party 'RU': expected one of 'KG', 'KZ', 'UZ'"
        assert isinstance(e.value, ValueError)

    @pytest.mark.parametrize(
        ("party", "as_of", "path"),
        [
            ("XX", D(2025, 1, 1), "party"),
            (None, D(2025, 1, 1), "party"),
            ("KZ", "soon", "as_of"),
            ("KZ", 2025, "as_of"),
        ],
    )
    def test_bad_arguments(self, party: object, as_of: object, path: str) -> None:
        """An unknown country or a bad date is a ValidationError at its argument."""
        with pytest.raises(ValidationError) as e:
            self.CONVENTION.status_for(party, as_of)  # type: ignore[arg-type]
        assert e.value.path == path

    def test_today(self) -> None:
        """Left out, as_of is today's date."""
        a = centre(act("KZ", "ratification", dt.date.today() - dt.timedelta(days=1)))
        assert a.status_for("KZ") is AgreementStatus.SIGNED
        assert a.status_for("UZ") is AgreementStatus.PROPOSED

    @given(agreements(), DATES, DATES)
    def test_monotone(self, agreement: Agreement, a: dt.date, b: dt.date) -> None:
        """Each party's status never moves back as as_of grows."""
        early, late = sorted((a, b))
        for party in agreement.parties:
            before = agreement.status_for(party, early)
            after = agreement.status_for(party, late)
            assert RANK[before] <= RANK[after]

    @settings(max_examples=50)
    @given(agreements(), DATES)
    def test_in_force_for_every_party(self, agreement: Agreement, day: dt.date) -> None:
        """In force, it binds every party that stayed and whose own acts bind it by then."""
        if agreement.status(day) is not AgreementStatus.IN_FORCE:
            return
        for party in agreement.parties:
            own = [a for a in agreement.actions if a.party == party]
            if any(
                a.kind in {ActionKind.DENUNCIATION, ActionKind.WITHDRAWAL} for a in own
            ):
                continue
            entries = [a for a in own if a.kind is ActionKind.ENTRY_INTO_FORCE]
            consent = [a for a in own if a.kind in CONSENT]
            signatures = [a for a in own if a.kind is ActionKind.SIGNATURE]
            binding = entries or consent or signatures
            bound = not binding or any(act_done(a) <= day for a in binding)
            in_force = agreement.status_for(party, day) is AgreementStatus.IN_FORCE
            assert in_force is bound

    @settings(max_examples=50)
    @given(agreements(), DATES)
    def test_party_signed_by_its_own_acts(
        self, agreement: Agreement, day: dt.date
    ) -> None:
        """A party with acts of consent is a party only from the first of them."""
        for party in agreement.parties:
            own = [
                a
                for a in agreement.actions
                if a.party == party and a.kind in CONSENT | {ActionKind.SIGNATURE}
            ]
            if own and all(act_done(a) > day for a in own):
                assert agreement.status_for(party, day) in {
                    AgreementStatus.PROPOSED,
                    AgreementStatus.EXPIRED,
                    AgreementStatus.TERMINATED,
                }

    @pytest.mark.parametrize(
        ("as_of", "expected"),
        [
            (D(2019, 6, 1), "proposed"),
            (D(2020, 6, 1), "proposed"),
            (D(2021, 2, 28), "proposed"),
            (D(2021, 3, 1), "in_force"),
        ],
    )
    def test_accession_after_entry_into_force(
        self, as_of: dt.date, expected: str
    ) -> None:
        """A party that accedes later is bound from its accession, not from the agreement's entry into force."""
        a = joined(act("KG", "accession", "2021-03-01"))
        assert a.status_for("KG", as_of).value == expected
        assert a.status_for("KZ", as_of).value == (
            "signed" if as_of < D(2020, 1, 1) else "in_force"
        )

    @pytest.mark.parametrize(
        ("as_of", "expected"),
        [
            (D(2020, 6, 1), "proposed"),
            (D(2021, 3, 1), "signed"),
            (D(2021, 3, 31), "signed"),
            (D(2021, 4, 1), "in_force"),
        ],
    )
    def test_acceded_is_not_signed_before(self, as_of: dt.date, expected: str) -> None:
        """A party that only acceded is not a signatory of the agreement's signing day."""
        a = joined(
            act("KG", "accession", "2021-03-01"),
            act("KG", "entry_into_force", "2021-04-01"),
        )
        assert a.status_for("KG", as_of).value == expected

    def test_ratified_after_entry_into_force(self) -> None:
        """A signatory that ratifies after the agreement took effect is bound from its ratification."""
        a = joined(
            act("KG", "signature", "2019-01-01"),
            act("KG", "ratification", "2022-05-10"),
        )
        assert a.status_for("KG", D(2020, 6, 1)) is AgreementStatus.SIGNED
        assert a.status_for("KG", D(2022, 5, 9)) is AgreementStatus.SIGNED
        assert a.status_for("KG", D(2022, 5, 10)) is AgreementStatus.IN_FORCE

    def test_signature_only_follows_the_agreement(self) -> None:
        """A party whose record holds only its signature is bound with the agreement."""
        a = joined(act("KG", "signature", "2019-03-01"))
        assert a.status_for("KG", D(2019, 2, 1)) is AgreementStatus.PROPOSED
        assert a.status_for("KG", D(2019, 3, 1)) is AgreementStatus.SIGNED
        assert a.status_for("KG", D(2020, 1, 1)) is AgreementStatus.IN_FORCE

    def test_consent_before_general_entry_into_force(self) -> None:
        """A party that consented early is bound from the agreement's entry into force."""
        a = joined(act("KG", "accession", "2019-05-01"))
        assert a.status_for("KG", D(2019, 12, 31)) is AgreementStatus.SIGNED
        assert a.status_for("KG", D(2020, 1, 1)) is AgreementStatus.IN_FORCE

    def test_accession_known_by_year(self) -> None:
        """An accession known by its year binds the party from 31 December."""
        a = joined(act("KG", "accession", 2021))
        assert a.status_for("KG", D(2021, 12, 30)) is AgreementStatus.PROPOSED
        assert a.status_for("KG", D(2021, 12, 31)) is AgreementStatus.IN_FORCE

    @settings(max_examples=50)
    @given(agreements(), DATES)
    def test_party_in_force_means_agreement_in_force(
        self, agreement: Agreement, day: dt.date
    ) -> None:
        """No party is bound while the agreement itself is not yet in force."""
        statuses = {agreement.status_for(p, day) for p in agreement.parties}
        if AgreementStatus.IN_FORCE in statuses:
            assert agreement.status(day) is AgreementStatus.IN_FORCE


class TestStatusDate:
    """status_date(agreement, status, as_of): only a date done by as_of."""

    RATIFIED_THEN_SIGNED = centre(
        act("KZ", "ratification", "2025-02-05"), act("UZ", "signature", "2025-06-01")
    )

    def test_future_signature_not_shown(self) -> None:
        """A signature after as_of does not date a status that a ratification gave."""
        a = self.RATIFIED_THEN_SIGNED
        assert a.status("2025-03-01") is AgreementStatus.SIGNED
        assert status_date(a, AgreementStatus.SIGNED, "2025-03-01") is None
        assert status_date(a, AgreementStatus.SIGNED, "2025-06-01") == D(2025, 6, 1)

    def test_signed_later_than_a_signature(self) -> None:
        """Before the recorded signing day, the party's earlier signature dates it."""
        a = centre(act("KZ", "signature", "2024-05-01"), signed="2024-06-01")
        assert status_date(a, AgreementStatus.SIGNED, "2024-05-15") == D(2024, 5, 1)
        assert status_date(a, AgreementStatus.SIGNED, "2024-06-01") == D(2024, 6, 1)

    @pytest.mark.parametrize(
        ("as_of", "expected"), [(D(2022, 12, 30), None), (D(2022, 12, 31), 2022)]
    )
    def test_year(self, as_of: dt.date, expected: int | None) -> None:
        """A year dates the status from 31 December."""
        a = treaty(signed=2022)
        assert status_date(a, AgreementStatus.SIGNED, as_of) == expected

    def test_each_status(self) -> None:
        """Each status is dated by its own field once that is done."""
        a = treaty(signed="2020-01-01", in_force="2020-02-01", ends="2021-01-01")
        b = treaty(signed="2020-01-01", terminated="2020-03-01")
        on = D(2022, 1, 1)
        assert status_date(a, AgreementStatus.IN_FORCE, on) == D(2020, 2, 1)
        assert status_date(a, AgreementStatus.EXPIRED, on) == D(2021, 1, 1)
        assert status_date(b, AgreementStatus.TERMINATED, on) == D(2020, 3, 1)
        assert status_date(a, AgreementStatus.PROPOSED, on) is None
        assert status_date(a, AgreementStatus.IN_FORCE, D(2020, 1, 31)) is None

    @given(agreements(), DATES)
    def test_never_after_as_of(self, agreement: Agreement, day: dt.date) -> None:
        """The date behind the status on a day is never after that day."""
        when = status_date(agreement, agreement.status(day), day)
        assert when is None or done_by(when) <= day  # type: ignore[operator]

    def test_report_shows_no_future_signature(self) -> None:
        """The report on a day gives no signing day after it, and lists only acts done by it."""
        d = Dossier("KZ–UZ", ["KZ", "UZ"], agreements=[self.RATIFIED_THEN_SIGNED])
        text = d.report(as_of="2025-03-01").to_text()
        assert "Jun 1, 2025" not in text
        assert "signed (date unknown)" in text
        assert "Kazakhstan: ratification, Feb 5, 2025" in text
        later = d.report(as_of="2025-06-01").to_text()
        assert "signed Jun 1, 2025" in later
        assert "Uzbekistan: signature, Jun 1, 2025" in later

    def test_report_omits_planned_acts(self) -> None:
        """An act still to come on the report's day is not listed."""
        a = centre(
            act("UZ", "ratification", "2020-06-01"),
            act("UZ", "withdrawal", "2030-01-01"),
            signed="2020-01-01",
        )
        d = Dossier("KZ–UZ", ["KZ", "UZ"], agreements=[a])
        data = d.report(as_of="2020-12-31").to_dict()["agreements"][0]
        assert [x["kind"] for x in data["actions"]] == ["ratification"]
        assert "withdrawal" not in d.report(as_of="2020-12-31").to_text()


class TestNote:
    """An agreement may carry a note."""

    def test_note(self) -> None:
        """The note is stripped text; blank or non-text is refused."""
        assert (
            centre(note=" The Mazhilis ratified it. ").note
            == "The Mazhilis ratified it."
        )
        for bad in ("", 5):
            with pytest.raises(ValidationError) as e:
                centre(note=bad)
            assert e.value.path == "note"


class TestKeeping:
    """Agreements with actions pickle, copy and survive files."""

    @given(agreements())
    def test_pickle_and_copy(self, agreement: Agreement) -> None:
        """pickle and deepcopy give an equal agreement with an equal hash."""
        for back in (pickle.loads(pickle.dumps(agreement)), copy.deepcopy(agreement)):
            assert back == agreement
            assert hash(back) == hash(agreement)

    def test_file(self) -> None:
        """Actions, years and the note are written as plain fields and read back."""
        agreement = centre(
            TreatyAction("KZ", "ratification", "2025-02-05", sources=[MAZHILIS]),
            TreatyAction("UZ", "signature", 2024),
            signed=2024,
            note="The Mazhilis ratified it.",
        )
        d = Dossier("KZ–UZ", ["KZ", "UZ"], agreements=[agreement])
        text = dumps(d, "toml")
        assert 'kind = "ratification"\ndate = "2025-02-05"' in text
        assert "signed = 2024\n" in text
        for fmt in ("toml", "json"):
            assert loads(dumps(d, fmt), fmt) == d

    @settings(max_examples=30, deadline=None)
    @given(st.lists(agreements(), max_size=2))
    def test_any_file(self, agreements_: list[Agreement]) -> None:
        """load(dump(d)) == d for dossiers of any agreements."""
        d = Dossier("KZ–UZ", ["KZ", "UZ"], agreements=agreements_)
        assert loads(dumps(d, "json"), "json") == d

    @pytest.mark.parametrize(
        ("action", "path", "message"),
        [
            (
                {"party": "RU", "kind": "signature", "date": 2024},
                "agreements[0].actions[0].party",
                "not one of the parties",
            ),
            (
                {"party": "KZ", "kind": "ratified", "date": 2024},
                "agreements[0].actions[0].kind",
                "ratified",
            ),
            (
                {"party": "KZ", "kind": "signature", "date": "24.01.2024"},
                "agreements[0].actions[0].date",
                "24.01.2024",
            ),
        ],
    )
    def test_file_errors(
        self, action: dict[str, object], path: str, message: str
    ) -> None:
        """A bad action in a file names its path from the dossier down."""
        data = {
            "title": "KZ–UZ",
            "parties": ["KZ", "UZ"],
            "agreements": [
                {
                    "title": "Agreement",
                    "parties": ["KZ", "UZ"],
                    "kind": "agreement",
                    "actions": [action],
                }
            ],
        }
        with pytest.raises(ValidationError) as e:
            bilat.io.from_data(data)
        assert [p for p, _ in e.value.problems] == [path]
        assert message in str(e.value)


class TestTypedConstructor:
    """The constructors say what each field accepts, so type checkers and IDEs can."""

    def test_agreement(self) -> None:
        """Each parameter of Agreement is annotated with what it accepts."""
        assert _annotations(Agreement) == {
            "title": "str",
            "parties": "Iterable[CountryLike]",
            "kind": "AgreementKind | str",
            "signed": "DateOrYearLike | None",
            "in_force": "DateOrYearLike | None",
            "ends": "DateOrYearLike | None",
            "terminated": "DateOrYearLike | None",
            "sources": "Sources",
            "actions": "TreatyAction | Iterable[TreatyAction]",
            "note": "str | None",
        }

    def test_treaty_action(self) -> None:
        """Each parameter of TreatyAction is annotated with what it accepts."""
        assert _annotations(TreatyAction) == {
            "party": "CountryLike",
            "kind": "ActionKind | str",
            "date": "DateOrYearLike",
            "sources": "Sources",
        }


def _annotations(cls: type) -> dict[str, object]:
    """The annotation of each parameter of ``cls``'s constructor, as written."""
    return {name: p.annotation for name, p in inspect.signature(cls).parameters.items()}
