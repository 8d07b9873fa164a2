"""A report's targets lead with the latest figure, who reported it, and why the status.

Expected figures are computed here from the bundled dossier's facts (turnover
$4.97 bn in 2025, about $2 bn in 2017, the $10 bn target for 2030; 106 km of
the 152 km railway in 2025) with Fraction and Decimal, not read back from the
report.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Context, Decimal
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bilat
from bilat import (
    Q_,
    Dossier,
    ExchangeRates,
    InvalidNumberError,
    Money,
    NumberTypeError,
    Report,
    Target,
    TradeSeries,
    TradeTarget,
)
from bilat._cli import main
from bilat._present.labels import LABELS
from bilat._present.numbers import percent_text

AS_OF = dt.date(2025, 12, 31)
RAILWAY = "Darbaza–Maktaaral railway: length"
#: Enough digits for the growth rates below, whatever rounds them to 0.1 %.
PRECISE = Context(prec=40)
#: The label keys the target headlines add, in every language.
HEADLINE_KEYS = (
    "headline",
    "headline_no_figure",
    "share_of_target",
    "gap_of",
    "over_target",
    "who_unknown",
    "needs_rate",
    "grew_since",
    "fell_since",
    "one_figure",
    "status_as_of",
    "stale",
    "no_series_for",
    "outside_parties",
    "converted_at",
    "not_converted",
)


@pytest.fixture(scope="module")
def dossier() -> Dossier:
    return bilat.examples.kazakhstan_uzbekistan()


@pytest.fixture(scope="module")
def report(dossier: Dossier) -> Report:
    return dossier.report(as_of=AS_OF)


def _target(report: Report, deadline: int | None, subject: str = "turnover") -> Any:
    (found,) = [
        t
        for t in report.to_dict()["targets"]
        if t["deadline"] == deadline and t["subject"] == subject
    ]
    return found


def _progress(report: Report, deadline: int | None, subject: str = "turnover") -> Any:
    (found,) = _target(report, deadline, subject)["progress"]
    return found


def _root(ratio: Fraction, years: int) -> Decimal:
    """``ratio ** (1 / years) − 1``, by Decimal's exp and ln at 40 digits."""
    value = PRECISE.divide(Decimal(ratio.numerator), Decimal(ratio.denominator))
    return PRECISE.subtract(
        PRECISE.exp(PRECISE.divide(PRECISE.ln(value), Decimal(years))), Decimal(1)
    )


def _pct(value: Decimal | Fraction, decimal_mark: str = ".") -> str:
    """A ratio as a percentage with one decimal, rounded half-even, by hand."""
    tenths = (
        Decimal(value.numerator) / Decimal(value.denominator)
        if isinstance(value, Fraction)
        else value
    ) * 1000
    rounded = tenths.quantize(Decimal(1), rounding="ROUND_HALF_EVEN")
    whole, tenth = divmod(int(rounded), 10)
    return f"{whole}{decimal_mark}{tenth}"


#: The bundled turnover: $4.97 bn in 2025 of $10 bn by 2030, from $2 bn in 2017.
SHARE = Fraction(497, 1000)
REQUIRED = _root(Fraction(10_000, 4_970), 2030 - 2025)  # 0.150082
ACTUAL = _root(Fraction(4_970, 2_000), 2025 - 2017)  # 0.120510


def _one_series_dossier(
    values: dict[int, str],
    *,
    target: str = "1e10",
    deadline: int | None = 2030,
    reporter: str | None = "KZ",
) -> Dossier:
    series = TradeSeries(
        ("KZ", "UZ"),
        "turnover",
        {year: Money(v, "USD") for year, v in values.items()},
        reporter=reporter,
    )
    goal = TradeTarget(("KZ", "UZ"), Money(target, "USD"), deadline=deadline)
    return Dossier("KZ–UZ", ["KZ", "UZ"], targets=[goal], series=[series])


class TestHeadline:
    """Each target leads with the latest figure, its reporter, share and gap."""

    def test_figures_computed_by_hand(self) -> None:
        """The hand-computed shares and growth rates round as the headline shows them."""
        assert _pct(SHARE) == "49.7"
        assert _pct(REQUIRED) == "15.0"
        assert _pct(ACTUAL) == "12.1"
        assert _pct(Fraction(106, 152)) == "69.7"

    def test_english(self, report: Report) -> None:
        """The 2030 target: 2025's $4.97 bn, stated by Uzbekistan, 49.7 %, gap $5.03 bn."""
        p = _progress(report, 2030)
        # 10 − 4.97 = 5.03 bn
        assert p["headline_text"] == (
            f"2025: $4.97B, reported by Uzbekistan; {_pct(SHARE)}% of the target; "
            "gap $5.03B"
        )
        assert (p["reported_by"], p["reported_by_kind"]) == ("Uzbekistan", "said_by")

    def test_status_with_reason(self, report: Report) -> None:
        """The status says the growth needed and the growth seen since the base."""
        p = _progress(report, 2030)
        reason = (
            f"needs {_pct(REQUIRED)}% a year; grew {_pct(ACTUAL)}% a year since 2017"
        )
        assert p["reason_text"] == reason
        assert p["status_line"] == f"needs acceleration — {reason}"

    def test_russian(self, dossier: Dossier) -> None:
        """Russian words and CLDR's Russian percent: decimal comma, no-break space."""
        p = _progress(dossier.report(as_of=AS_OF, locale="ru"), 2030)
        share, required, actual = (_pct(v, ",") for v in (SHARE, REQUIRED, ACTUAL))
        assert p["headline_text"] == (
            f"2025: 4,97\xa0млрд\xa0$, по данным: Узбекистан; {share}\xa0% от цели; "
            "разрыв 5,03\xa0млрд\xa0$"
        )
        assert p["status_line"] == (
            f"нужно ускорение — нужен рост {required}\xa0% в год; "
            f"рост {actual}\xa0% в год с 2017 года"
        )

    def test_railway_names_its_source(self, report: Report) -> None:
        """A series without reporter or speaker is reported by its source: 106 of 152 km."""
        p = _progress(report, 2026, RAILWAY)
        assert (p["reported_by"], p["reported_by_kind"]) == ("Baq.kz", "source")
        # 152 − 106 = 46 km; one figure, so no growth since a base
        assert p["headline_text"] == (
            f"2025: 106 km, reported by Baq.kz; {_pct(Fraction(106, 152))}% of the "
            "target; gap 46 km"
        )
        required = _pct(Fraction(152, 106) - 1)  # one year left: 152 / 106 − 1
        assert p["status_line"] == (
            f"insufficient data — needs {required}% a year; "
            "one figure only, no growth to compare"
        )

    def test_reporter_first(self) -> None:
        """A series' reporter names the figure, by its name in the report's language."""
        d = _one_series_dossier({2024: "5e9"}, reporter="KZ")
        p = d.report(as_of=AS_OF).to_dict()["targets"][0]["progress"][0]
        assert (p["reported_by"], p["reported_by_kind"]) == ("Kazakhstan", "reporter")
        ru = d.report(as_of=AS_OF, locale="ru").to_dict()["targets"][0]
        assert ru["progress"][0]["reported_by"] == "Казахстан"

    def test_nobody_known(self) -> None:
        """Without reporter, speaker or source the headline says so, not "—"."""
        d = _one_series_dossier({2024: "5e9"}, reporter=None)
        p = d.report(as_of=AS_OF).to_dict()["targets"][0]["progress"][0]
        assert p["reported_by"] is None
        assert p["headline_text"].startswith(
            "2024: $5B, reported by an unnamed source; 50.0% of the target"
        )

    def test_falling(self) -> None:
        """A fall is a fall: $100 to $81 over two years is 10.0 % a year down."""
        d = _one_series_dossier({2022: "100", 2024: "81"}, target="200")
        p = d.report(as_of=AS_OF).to_dict()["targets"][0]["progress"][0]
        # (81 / 100) ** (1 / 2) − 1 = 0.9 − 1 = −0.1
        assert "fell 10.0% a year since 2022" in p["status_line"]
        assert "grew" not in p["status_line"]

    def test_passed_target(self) -> None:
        """A target passed says by how much: $12 of $10 is 120 %, $2 above."""
        d = _one_series_dossier({2023: "11", 2024: "12"}, target="10")
        p = d.report(as_of=AS_OF).to_dict()["targets"][0]["progress"][0]
        assert p["headline_text"].endswith(
            "; 120.0% of the target; $2 above the target"
        )
        assert "needs" not in p["status_line"]

    def test_no_figure_yet(self) -> None:
        """A series that starts after the report's year has no figure by then."""
        d = _one_series_dossier({2027: "5e9"})
        p = d.report(as_of=AS_OF).to_dict()["targets"][0]["progress"][0]
        assert p["headline_text"] == "no figure by 2025"

    @pytest.mark.parametrize("markdown", [False, True])
    def test_headline_leads(self, report: Report, markdown: bool) -> None:
        """Headline and status come right after the target, the details below them."""
        text = report.to_markdown() if markdown else report.to_text()
        mark = "-" if markdown else "•"
        lines = text.splitlines()
        at = lines.index(f"{mark} Target: $10B, turnover (deadline 2030)")
        headline, status, detail = lines[at + 1 : at + 4]
        assert headline.startswith(f"  {mark} 2025: $4.97B, reported by Uzbekistan")
        assert status.startswith(f"  {mark} Status: needs acceleration — needs 15.0%")
        assert detail.startswith(f"    {mark} base 2017: $2B")
        assert "reported by —" not in text
        assert "Series (reported by" not in text


class TestStale:
    """A figure older than ``stale_after`` years is flagged, not shown as current."""

    def test_bundled_is_current(self, report: Report) -> None:
        """As of 2025-12-31 the 2025 figures are 0 years old: nothing is stale."""
        data = report.to_dict()
        assert data["stale_after"] == 2
        for target in data["targets"]:
            for p in target["progress"]:
                assert (p["age"], p["stale"], p["stale_text"]) == (0, False, None)
        assert "⚠ latest figure" not in report.to_text()

    def test_2022_figure_as_of_2025(self) -> None:
        """Latest 2022 as of 2025-12-31: 3 years old, more than 2, so stale."""
        # $2 bn in 2017 to $6 bn in 2022: 3 ** (1 / 5) − 1 = 24.6 % a year,
        # above the 13.2 % planned ((10 / 2) ** (1 / 13) − 1): on track.
        d = _one_series_dossier({2017: "2e9", 2022: "6e9"})
        p = d.report(as_of=AS_OF).to_dict()["targets"][0]["progress"][0]
        assert p["status"] == "on_track"
        assert (p["age"], p["stale"]) == (3, True)
        assert p["stale_text"] == (
            "latest figure is from 2022, 3 years before the report's date"
        )
        assert p["status_line"].startswith("on track as of 2022 — ")
        text = d.report(as_of=AS_OF).to_text()
        assert (
            "• ⚠ latest figure is from 2022, 3 years before the report's date" in text
        )
        assert "Status: on track —" not in text

    def test_russian(self) -> None:
        """Russian counts the years by CLDR's rule: 3 года, 5 лет."""
        d = _one_series_dossier({2017: "2e9", 2022: "6e9"})
        p = d.report(as_of=AS_OF, locale="ru").to_dict()["targets"][0]["progress"][0]
        assert p["stale_text"] == (
            "последние данные — за 2022 год, за 3 года до даты отчёта"
        )
        later = d.report(as_of="2027-06-30", locale="ru").to_dict()
        assert (
            "за 5 лет до даты отчёта"
            in later["targets"][0]["progress"][0]["stale_text"]
        )

    def test_stale_after(self) -> None:
        """``stale_after=3`` accepts a 3-year-old figure; 2 does not."""
        d = _one_series_dossier({2017: "2e9", 2022: "6e9"})
        p = d.report(as_of=AS_OF, stale_after=3).to_dict()["targets"][0]["progress"]
        assert (p[0]["stale"], p[0]["stale_text"]) == (False, None)
        assert p[0]["status_line"].startswith("on track — ")

    @settings(max_examples=25, deadline=None)
    @given(year=st.integers(2000, 2025), after=st.integers(0, 30))
    def test_stale_law(self, year: int, after: int) -> None:
        """A figure is stale exactly when the report's year less its year exceeds N."""
        d = _one_series_dossier({year: "5e9"})
        p = d.report(as_of=AS_OF, stale_after=after).to_dict()["targets"][0][
            "progress"
        ][0]
        assert p["age"] == 2025 - year
        assert p["stale"] is (2025 - year > after)

    @pytest.mark.parametrize(
        ("value", "error"),
        [
            (-1, InvalidNumberError),
            (10_000, InvalidNumberError),
            ("2", NumberTypeError),
            (True, NumberTypeError),
            (2.0, NumberTypeError),
        ],
    )
    def test_bad_stale_after(self, value: object, error: type[Exception]) -> None:
        """``stale_after`` is whole years from 0 to 9999."""
        with pytest.raises(error, match="stale_after"):
            Dossier("KZ–UZ", ["KZ", "UZ"]).report(stale_after=value)  # type: ignore[arg-type]

    def test_command_line(self, capsys: pytest.CaptureFixture[str]) -> None:
        """``--stale-after`` sets N: the bundled 2025 figures are 3 years old in 2028."""
        assert main(["report", "--as-of", "2028-06-30"]) == 0
        assert "⚠ latest figure is from 2025, 3 years before" in capsys.readouterr().out
        assert main(["report", "--as-of", "2028-06-30", "--stale-after", "3"]) == 0
        assert "⚠ latest figure" not in capsys.readouterr().out
        assert main(["report", "--stale-after", "-1"]) == 2
        assert "--stale-after" in capsys.readouterr().err


@pytest.fixture(scope="module")
def lonely() -> Dossier:
    """Targets outside the dossier's parties, and targets no series measures."""
    return Dossier(
        "KZ–UZ",
        ["KZ", "UZ"],
        targets=[
            TradeTarget(("PL", "DE"), Money(10, "USD"), deadline=2030),
            TradeTarget(("KZ", "UZ"), Money(10, "USD")),
            Target(("KZ", "UZ"), Q_("20 Mt/a"), subject="rail freight"),
        ],
    )


class TestNotMeasured:
    """A target without a series, or outside the dossier's parties, says why."""

    def test_reasons(self, lonely: Dossier) -> None:
        """Each target says what is missing, in words and as a code."""
        targets = lonely.report(as_of=AS_OF).to_dict()["targets"]
        assert [(t["not_measured"], t["not_measured_text"]) for t in targets] == [
            ("outside_parties", "parties Poland–Germany are not the dossier's parties"),
            ("no_series", "no series of turnover for Kazakhstan–Uzbekistan"),
            ("no_series", "no series of rail freight for Kazakhstan–Uzbekistan"),
        ]
        codes = [t["parties"] for t in targets]
        assert codes == [["PL", "DE"], ["KZ", "UZ"], ["KZ", "UZ"]]

    @pytest.mark.parametrize("markdown", [False, True])
    def test_listed(self, lonely: Dossier, markdown: bool) -> None:
        """Text and Markdown list each such target with its reason, never silently."""
        report = lonely.report(as_of=AS_OF)
        text = report.to_markdown() if markdown else report.to_text()
        mark = "-" if markdown else "•"
        assert (
            f"{mark} Target: $10, turnover (deadline 2030)\n"
            f"  {mark} not measured (parties Poland–Germany are not the dossier's "
            "parties)\n"
        ) in text
        assert (
            f"  {mark} not measured (no series of turnover for Kazakhstan–Uzbekistan)\n"
        ) in text

    def test_russian(self, lonely: Dossier) -> None:
        """The reasons in Russian, with the countries' Russian names."""
        targets = lonely.report(as_of=AS_OF, locale="ru").to_dict()["targets"]
        assert targets[0]["not_measured_text"] == (
            "стороны Польша–Германия не являются сторонами досье"
        )
        assert targets[1]["not_measured_text"] == (
            "нет ряда данных по показателю «товарооборот» (Казахстан–Узбекистан)"
        )

    def test_measured_targets_give_no_reason(self, report: Report) -> None:
        """The bundled targets are all measured."""
        assert {t["not_measured"] for t in report.to_dict()["targets"]} == {None}


class TestCurrency:
    """Targets follow the report's currency, or say why not; the default currency."""

    #: 3.6725 dirhams a dollar on the report's date.
    RATES = ExchangeRates.from_records([("2025-12-31", "USD", "AED", "3.6725")])

    def test_default_is_the_dossiers_own(self) -> None:
        """All money in tenge: the report is in tenge; two currencies: US dollars."""
        tenge = Dossier(
            "KZ–UZ",
            ["KZ", "UZ"],
            targets=[TradeTarget(("KZ", "UZ"), Money(10, "KZT"))],
            projects=[
                bilat.Project("Depot", ["KZ", "UZ"], "planned", value=Money(5, "KZT"))
            ],
        )
        assert tenge.report(as_of=AS_OF).to_dict()["currency"] == "KZT"
        mixed = Dossier(
            "KZ–UZ",
            ["KZ", "UZ"],
            targets=[
                TradeTarget(("KZ", "UZ"), Money(10, "KZT")),
                TradeTarget(("KZ", "UZ"), Money(10, "EUR")),
            ],
        )
        assert mixed.report(as_of=AS_OF).to_dict()["currency"] == "USD"
        assert Dossier("KZ–UZ", ["KZ", "UZ"]).report().to_dict()["currency"] == "USD"

    def test_bundled_default(self, report: Report) -> None:
        """The bundled dossier's money is all in dollars; nothing is converted."""
        data = report.to_dict()
        assert data["currency"] == "USD"
        assert {t["conversion_text"] for t in data["targets"]} == {None}

    def test_converted(self, dossier: Dossier) -> None:
        """In dirhams: $10 bn is AED 36.725 bn, $4.97 bn AED 18.252325 bn; shares stay."""
        report = dossier.report(as_of=AS_OF, currency="AED", rates=self.RATES)
        t = _target(report, 2030)
        assert Decimal(t["converted"]["value"]["amount"]) == Decimal(36_725_000_000)
        p = t["progress"][0]
        assert Decimal(p["converted"]["current"]["amount"]) == Decimal(18_252_325_000)
        # 5.03 bn × 3.6725 = 18.472675 bn
        assert Decimal(p["converted"]["gap"]["amount"]) == Decimal(18_472_675_000)
        assert Decimal(p["share"]) == Decimal("0.497")
        assert p["current"]["currency"] == "USD"  # the data keeps the target's own
        assert "AED" in p["headline_text"]
        assert "$" not in p["headline_text"]
        assert t["conversion_text"] == (
            "amounts converted to AED at the rates of Dec 31, 2025"
        )
        assert "Target: AED36.72B ($10B), turnover (deadline 2030)" in report.to_text()

    def test_not_converted_says_why(self, dossier: Dossier) -> None:
        """Without rates the target stays in dollars and the report says so."""
        report = dossier.report(as_of=AS_OF, currency="AED")
        t = _target(report, 2030)
        assert t["converted"] is None
        assert t["progress"][0]["converted"] is None
        why = "amounts in USD, not converted to AED: no exchange rate from USD to AED"
        assert t["conversion_text"] == why
        assert f"  • {why}\n" in report.to_text()
        ru = _target(dossier.report(as_of=AS_OF, currency="AED", locale="ru"), 2030)
        assert ru["conversion_text"] == (
            "суммы в USD, не пересчитаны в AED: нет обменного курса USD → AED"
        )

    def test_quantities_are_not_money(self, dossier: Dossier) -> None:
        """The railway's km need no conversion and say nothing about it."""
        report = dossier.report(as_of=AS_OF, currency="AED")
        t = _target(report, 2026, RAILWAY)
        assert (t["converted"], t["conversion_text"]) == (None, None)

    def test_command_line(self, capsys: pytest.CaptureFixture[str]) -> None:
        """``bilat report --currency AED`` without rates says what was not converted."""
        assert main(["report", "--as-of", "2025-12-31", "--currency", "AED"]) == 0
        out = capsys.readouterr().out
        assert "not converted to AED: no exchange rate from USD to AED" in out


#: Letters of the Latin and Cyrillic scripts.
LATIN = re.compile(r"[A-Za-z]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
#: What label templates hold that is not words: placeholders.
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


class TestKazakhAndUzbek:
    """The headline words are Kazakh (Cyrillic) and Uzbek (Latin), nothing leaks."""

    @pytest.mark.parametrize("key", HEADLINE_KEYS)
    def test_every_language(self, key: str) -> None:
        """Each new label exists in en, ru, kk and uz, with the same placeholders."""
        slots = set(PLACEHOLDER.findall(LABELS["en"][key]))
        for language in ("ru", "kk", "uz"):
            assert set(PLACEHOLDER.findall(LABELS[language][key])) == slots, language

    @pytest.mark.parametrize("key", HEADLINE_KEYS)
    def test_scripts(self, key: str) -> None:
        """Kazakh labels hold no Latin letter, Uzbek ones no Cyrillic letter."""
        kk = PLACEHOLDER.sub("", LABELS["kk"][key])
        uz = PLACEHOLDER.sub("", LABELS["uz"][key])
        assert not LATIN.search(kk), kk
        assert not CYRILLIC.search(uz), uz
        assert "'" not in uz
        assert "\u02bb" not in uz

    @pytest.mark.parametrize(("locale", "script"), [("kk", LATIN), ("uz", CYRILLIC)])
    def test_bundled_lines(self, dossier: Dossier, locale: str, script: Any) -> None:
        """The 2030 target's headline, status and staleness read in one script."""
        p = _progress(dossier.report(as_of="2028-06-30", locale=locale), 2030)
        for key in ("headline_text", "status_line", "stale_text"):
            assert not script.search(p[key]), p[key]

    def test_kazakh_headline(self, dossier: Dossier) -> None:
        """The Kazakh headline and status, percentages as CLDR writes them in kk."""
        p = _progress(dossier.report(as_of=AS_OF, locale="kk"), 2030)
        assert p["headline_text"] == (
            f"2025: 4,97\xa0млрд\xa0$, дерек беруші: Өзбекстан; мақсаттың орындалуы: "
            f"{_pct(SHARE, ',')}%; алшақтық: 5,03\xa0млрд\xa0$"
        )
        assert p["status_line"] == (
            f"жеделдету қажет — жылына {_pct(REQUIRED, ',')}% өсім қажет; "
            f"2017 жылдан бері жылына {_pct(ACTUAL, ',')}% өсті"
        )


class TestPercent:
    """One percent format: one decimal, half-even, the locale's CLDR pattern."""

    @pytest.mark.parametrize(
        ("locale", "expected"),
        [
            ("en", "49.7%"),
            ("ru", "49,7\xa0%"),
            ("kk", "49,7%"),
            ("uz", "49,7%"),
            ("de", "49,7\xa0%"),
            ("tr", "%49,7"),
        ],
    )
    def test_locales(self, locale: str, expected: str) -> None:
        """0.497 in each locale's own pattern, the sign where CLDR puts it."""
        assert percent_text(Decimal("0.497"), locale) == expected

    def test_half_even(self) -> None:
        """Ties go to the even digit: 12.25 % → 12.2 %, 12.35 % → 12.4 %, 0.125 % → 0.1 %."""
        assert percent_text(Decimal("0.1225")) == "12.2%"
        assert percent_text(Decimal("0.1235")) == "12.4%"
        assert percent_text(Decimal("0.00125")) == "0.1%"
        assert percent_text(None) == "—"

    def test_report_uses_it(self, report: Report) -> None:
        """The report's share text is 4.97 / 10 in the one format: 49.7 %."""
        p = _progress(report, 2030)
        assert p["share_text"] == "49.7%"
