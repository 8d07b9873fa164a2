"""Tests for bilat._agreement: agreements, their kinds and their status."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.strategies import DATES, agreements

import bilat
from bilat import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    Country,
    Source,
    ValidationError,
)

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


def treaty(**dates: object) -> Agreement:
    return Agreement("Treaty", ("KZ", "UZ"), AgreementKind.TREATY, **dates)


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
            Agreement("T", parties, AgreementKind.TREATY)
        assert e.value.path == path

    @pytest.mark.parametrize("kind", ["pact", "TREATY", 3, None])
    def test_kind(self, kind: object) -> None:
        """Only members or their values."""
        with pytest.raises(ValidationError, match="unknown agreement kind") as e:
            Agreement("T", ("KZ", "UZ"), kind)
        assert e.value.path == "kind"

    @pytest.mark.parametrize("title", ["", "  ", 7])
    def test_title(self, title: object) -> None:
        """A title is non-empty text."""
        with pytest.raises(ValidationError) as e:
            Agreement(title, ("KZ", "UZ"), "treaty")
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
        """The status never moves back as as_of grows."""
        early, late = sorted((a, b))
        assert RANK[agreement.status(early)] <= RANK[agreement.status(late)]

    @given(agreements(), DATES)
    def test_status_matches_dates(self, agreement: Agreement, day: dt.date) -> None:
        """Each status is backed by the date that gives it."""
        status = agreement.status(day)
        t, e, f, s = (
            agreement.terminated,
            agreement.ends,
            agreement.in_force,
            agreement.signed,
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
        """eval(repr(a)) == a."""
        names = {
            "Agreement": Agreement,
            "AgreementKind": AgreementKind,
            "Source": Source,
        }
        assert eval(repr(agreement), names) == agreement

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
