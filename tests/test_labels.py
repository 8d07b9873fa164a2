"""Report labels in English, Russian, Kazakh and Uzbek, and counts by CLDR's plural rules."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import attrs
import pytest
from babel import Locale
from hypothesis import given
from hypothesis import strategies as st

import bilat
import bilat.io
from bilat import (
    ActionKind,
    AgreementKind,
    AgreementStatus,
    Estimate,
    Money,
    ProgressStatus,
    ProjectStatus,
    Qualifier,
    Topic,
    TradeMetric,
)
from bilat._cli import main
from bilat._errors import count_of
from bilat._present.labels import COUNTED, LABELS, counted, label, plural_category
from bilat._present.report import ReportFormat

LANGUAGES = ("en", "ru", "kk", "uz")
#: A locale of each language with a region, which takes the language's labels.
REGIONAL = {"en": "en_GB", "ru": "ru_KZ", "kk": "kk_KZ", "uz": "uz_Latn_UZ"}
AS_OF = "2025-12-31"

#: Kazakh labels written as the Russian ones are, because the word is the
#: same in both languages (loanwords Kazakh writes in Cyrillic as Russian does).
SAME_IN_KAZAKH = {
    "base": "база: the same loanword",
    "exports": "экспорт: the same loanword",
    "imports": "импорт: the same loanword",
    "topic_economy": "экономика: the same loanword",
    "topic_energy": "энергетика: the same loanword",
    "topic_transit": "транзит: the same loanword",
    "kind_memorandum": "меморандум: the same loanword",
    "kind_declaration": "декларация: the same loanword",
}

CYRILLIC = re.compile("[\u0400-\u04ff]")
LATIN = re.compile("[A-Za-z]")


def _placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def _ru_category(n: int) -> str:
    """Russian plural category of a whole number, from CLDR's rule text.

    one: i % 10 = 1 and i % 100 != 11; few: i % 10 = 2..4 and i % 100 != 12..14;
    many: the other whole numbers.
    """
    if n % 10 == 1 and n % 100 != 11:
        return "one"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return "few"
    return "many"


class TestComplete:
    """Every label exists in English, Russian, Kazakh and Uzbek."""

    @pytest.mark.parametrize("language", LANGUAGES[1:])
    def test_same_keys(self, language: str) -> None:
        """No label is missing from a language, and none is extra."""
        assert set(LABELS[language]) == set(LABELS["en"])

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_not_empty(self, language: str) -> None:
        """Every label has words, without spaces around them."""
        for key, text in LABELS[language].items():
            assert text, key
            assert text == text.strip(), key

    @pytest.mark.parametrize("language", LANGUAGES[1:])
    def test_same_placeholders(self, language: str) -> None:
        """A label holds the same {fields} in every language."""
        for key, text in LABELS["en"].items():
            assert _placeholders(LABELS[language][key]) == _placeholders(text), key

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_no_fallback(self, language: str) -> None:
        """label() gives each language's own text, never another language's."""
        for key, text in LABELS[language].items():
            assert label(key, language) == text
            assert label(key, REGIONAL[language]) == text

    def test_other_languages_english(self) -> None:
        """A language without a table shows the English words."""
        for locale in ("de", "fr", "ja", "tr"):
            assert label("projects", locale) == "Projects"
            assert label("on_track", locale) == "on track"

    @pytest.mark.parametrize(
        ("prefix", "values"),
        [
            ("", [s.value for s in ProjectStatus]),
            ("", [s.value for s in AgreementStatus]),
            ("", [s.value for s in ProgressStatus]),
            ("", [m.value for m in TradeMetric]),
            ("action_", [k.value for k in ActionKind]),
            ("kind_", [k.value for k in AgreementKind]),
            ("topic_", [t.value for t in Topic]),
        ],
    )
    def test_every_member_has_a_label(self, prefix: str, values: list[str]) -> None:
        """Each status, action, kind, topic and trade metric a report shows has a label."""
        for value in values:
            assert prefix + value in LABELS["en"]


class TestKazakhAndUzbek:
    """Kazakh is its own Cyrillic text and Uzbek its own Latin text, not Russian."""

    def test_kazakh_not_russian(self) -> None:
        """A Kazakh label equals the Russian one only for a word both languages share."""
        same = {k for k, text in LABELS["kk"].items() if text == LABELS["ru"][k]}
        assert same == set(SAME_IN_KAZAKH)

    def test_kazakh_cyrillic(self) -> None:
        """Kazakh labels are Cyrillic: no Latin letters but bilat's own name."""
        for key, text in LABELS["kk"].items():
            words = re.sub(r"\{\w+\}|bilat", "", text)
            assert not LATIN.search(words), key

    def test_uzbek_latin(self) -> None:
        """Uzbek labels are Latin: no Cyrillic letter, so none is Russian."""
        for key, text in LABELS["uz"].items():
            assert not CYRILLIC.search(text), key
            assert text != LABELS["ru"][key]

    def test_uzbek_differs_from_english(self) -> None:
        """No Uzbek label is the English text left untranslated."""
        same = {k for k, text in LABELS["uz"].items() if text == LABELS["en"][k]}
        # the same word in both: "transport", "memorandum"
        assert same == {"topic_transport", "kind_memorandum"}


class TestPluralCategory:
    """Plural categories are CLDR's, per language."""

    @pytest.mark.parametrize("n", [0, 1, 2, 5, 11, 21, 22, 25, 101, 111, 112, 1001])
    def test_russian(self, n: int) -> None:
        """Russian: one, few and many as the rule's text says."""
        assert plural_category(n, "ru") == _ru_category(n)

    @pytest.mark.parametrize("n", [0, 1, 2, 5, 11, 21, 22, 25, 101])
    def test_one_other(self, n: int) -> None:
        """English, Kazakh and Uzbek: "one" for 1 alone, "other" for the rest."""
        for language in ("en", "kk", "uz"):
            assert plural_category(n, language) == ("one" if n == 1 else "other")

    @given(st.integers(0, 10**9))
    def test_russian_any(self, n: int) -> None:
        """The Russian rule holds for any whole number."""
        assert plural_category(n, "ru") == _ru_category(n)


#: Russian forms of "project", written by hand.
RU_PROJECT = {"one": "проект", "few": "проекта", "many": "проектов"}


class TestCounted:
    """A count takes the noun's form for its plural category."""

    @pytest.mark.parametrize(
        ("n", "text"),
        [
            (0, "0 targets"),
            (1, "1 target"),
            (2, "2 targets"),
            (21, "21 targets"),
            (1000, "1,000 targets"),
        ],
    )
    def test_english(self, n: int, text: str) -> None:
        """English: "1 target", "2 targets", digits grouped."""
        assert counted(n, "target") == text

    def test_english_series(self) -> None:
        """The noun "series" is the same in the singular and the plural."""
        assert (counted(1, "series"), counted(2, "series")) == ("1 series", "2 series")

    @pytest.mark.parametrize("n", [0, 1, 2, 5, 11, 21, 22, 25, 101])
    def test_russian(self, n: int) -> None:
        """Russian: проект, проекта, проектов by the rule."""
        assert counted(n, "project", "ru") == f"{n} {RU_PROJECT[_ru_category(n)]}"

    @given(st.integers(0, 999))
    def test_russian_any(self, n: int) -> None:
        """Any count below a thousand takes the form its category names."""
        assert counted(n, "project", "ru") == f"{n} {RU_PROJECT[_ru_category(n)]}"

    @pytest.mark.parametrize("n", [1, 2, 22])
    def test_kazakh_and_uzbek(self, n: int) -> None:
        """Kazakh and Uzbek keep the noun singular after a number."""
        assert counted(n, "project", "kk") == f"{n} жоба"
        assert counted(n, "project", "uz") == f"{n} ta loyiha"

    def test_number_in_the_locale(self) -> None:
        """The number is written as CLDR writes it in the locale."""
        assert counted(1000, "meeting", "ru") == "1\xa0000 встреч"
        assert counted(1000, "meeting", "de") == "1.000 meetings"

    @pytest.mark.parametrize("locale", ["de", "ja", "ar", "pl"])
    def test_other_languages(self, locale: str) -> None:
        """Other languages: English words by the English rule."""
        assert counted(1, "target", locale) == "1 target"
        assert counted(2, "target", locale) == "2 targets"
        assert counted(5, "target", locale) == "5 targets"

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_every_category(self, language: str) -> None:
        """Every noun has a form for each category CLDR gives the language."""
        tags = set(Locale(language).plural_form.tags) | {"other"}
        assert set(COUNTED[language]) == set(COUNTED["en"])
        for noun, forms in COUNTED[language].items():
            assert set(forms) == tags, noun
            assert all(_placeholders(f) == {"n"} for f in forms.values()), noun


def _report(locale: str, format: ReportFormat = "text") -> str:
    report = bilat.examples.kazakhstan_uzbekistan().report(as_of=AS_OF, locale=locale)
    return report.render(format)


#: Russian phrases a Kazakh or Uzbek report once showed.
RUSSIAN_ONLY = (
    "на 2025-12-31",
    "Характер отношений",
    "подписано",
    "стоимость не указана",
    "Ряд данных",
    "по данным",
    "без срока",
    "темы",
)

#: Symbols once shown for qualifiers in place of words (≲ for "nearly").
SYMBOLS = ("≲", "≈", "≥", "≤")


class TestBundledReport:
    """The bundled report reads in each language, with counts in the right form."""

    @pytest.mark.parametrize("locale", ["kk", "uz"])
    @pytest.mark.parametrize("format", ["text", "markdown", "html"])
    def test_no_russian(self, locale: str, format: ReportFormat) -> None:
        """No Russian label shows in a Kazakh or Uzbek report."""
        text = _report(locale, format)
        for phrase in RUSSIAN_ONLY:
            assert phrase not in text
        for key, russian in LABELS["ru"].items():
            if "{" in russian or key in SAME_IN_KAZAKH or len(russian) < 4:
                continue
            assert not re.search(rf"(?<!\w){re.escape(russian)}(?!\w)", text), key

    @pytest.mark.parametrize("format", ["text", "markdown", "html"])
    def test_uzbek_no_cyrillic(self, format: ReportFormat) -> None:
        """The Uzbek report has no Cyrillic letter at all (names come from CLDR)."""
        assert not CYRILLIC.search(_report("uz", format))

    @pytest.mark.parametrize("locale", ["kk", "uz", "de"])
    def test_qualifiers_in_words(self, locale: str) -> None:
        """Estimates show their qualifier in words, not as ≲ or ≈."""
        text = _report(locale)
        assert not any(symbol in text for symbol in SYMBOLS)

    def test_project_counts(self) -> None:
        """Projects by status: the count with the noun in each language."""
        dossier = bilat.examples.kazakhstan_uzbekistan()
        planned = sum(
            p.count for p in dossier.projects if p.status is ProjectStatus.PLANNED
        )
        underway = sum(
            p.count for p in dossier.projects if p.status is ProjectStatus.UNDERWAY
        )
        assert (planned, underway) == (22, 14)  # 21 + 1 lines; 12 + 1 + 1
        assert "\nplanned   22 projects  nearly $1B\n" in _report("en")
        assert "\nunderway  14 projects       $156M\n" in _report("en")
        assert "\nпланируется   22 проекта" in _report("ru")
        assert "\nреализуется  14 проектов" in _report("ru")
        assert "\nжоспарланған    22 жоба" in _report("kk")
        assert "\nrejalashtirilgan     22 ta loyiha" in _report("uz")

    def test_no_plural_errors(self) -> None:
        """No "1 targets"-style count in the English report."""
        text = _report("en") + _report("en", "markdown")
        nouns = "agreements|projects|targets|meetings|claims|lines|sources"
        assert not re.search(rf"(?<![\d.,])1 ({nouns})\b", text)

    @pytest.mark.parametrize(
        ("locale", "line"),
        [
            ("en", "Progress report, as of December 31, 2025"),
            # CLDR writes a narrow no-break space before г. and ж.
            ("ru", "Отчёт о ходе выполнения на 31 декабря 2025\u202fг."),
            (
                "kk",
                "Орындалу барысы туралы есеп (2025\u202fж. 31 желтоқсан жағдай бойынша)",
            ),
            ("uz", "Bajarilish holati haqida hisobot (31-dekabr, 2025 holatiga)"),
        ],
    )
    def test_as_of_line(self, locale: str, line: str) -> None:
        """The report's date in each language's word order, the day from CLDR."""
        assert _report(locale).splitlines()[2] == line

    @pytest.mark.parametrize(
        ("locale", "topics"),
        [
            ("en", "trade, economy, water, security, transit, and transport"),
            (
                "ru",
                "торговля, экономика, водные ресурсы, безопасность, транзит и транспорт",
            ),
            ("kk", "сауда, экономика, су ресурстары, қауіпсіздік, транзит, көлік"),
            (
                "uz",
                "savdo, iqtisodiyot, suv resurslari, xavfsizlik, tranzit va transport",
            ),
        ],
    )
    def test_meeting_topics(self, locale: str, topics: str) -> None:
        """Meeting topics in the report's language, listed by CLDR's pattern."""
        assert topics in _report(locale)


class TestValidateCounts:
    """`bilat validate` counts with the right English forms."""

    def test_one_of_each(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """One of each reads "1 agreement", "1 target", "1 meeting"."""
        d = bilat.examples.kazakhstan_uzbekistan()
        one = attrs.evolve(
            d,
            agreements=d.agreements[:1],
            projects=d.projects[:1],
            targets=d.targets[:1],
            series=(),
            claims=d.claims[:1],
            events=d.events[:1],
        )
        path = tmp_path / "one.toml"
        bilat.io.dump(one, path)
        assert main(["validate", str(path)]) == 0
        assert (
            "valid (1 agreement, 1 project, 1 target, 0 series, 1 claim, 1 meeting)"
            in capsys.readouterr().out
        )


class TestMessageCounts:
    """Counts in English messages take the singular for one."""

    @pytest.mark.parametrize(
        ("count", "noun", "plural", "text"),
        [
            (0, "row", None, "0 rows"),
            (1, "row", None, "1 row"),
            (2, "row", None, "2 rows"),
            (1, "series", "series", "1 series"),
            (5, "series", "series", "5 series"),
        ],
    )
    def test_count_of(
        self, count: int, noun: str, plural: str | None, text: str
    ) -> None:
        """One is singular ("1 row"); a plural is given when it is not noun + s."""
        assert count_of(count, noun, plural) == text

    def test_missing_field(self) -> None:
        """A missing field reads "needs a value for `parties`", not "needs a parties"."""
        with pytest.raises(bilat.ValidationError) as caught:
            bilat.io.loads('title = "t"\n', format="toml")
        assert "every Dossier needs a value for `parties`" in str(caught.value)


class TestQualifierWords:
    """Estimates say their qualifier in words in every language."""

    @pytest.mark.parametrize("locale", ["en", "ru", "kk", "uz", "de", "ja"])
    def test_words_not_symbols(self, locale: str) -> None:
        """No qualifier shows as a symbol (≲, ≈, >, ≥, ≤)."""
        for qualifier in Qualifier:
            text = Estimate(Money(10**9, "USD"), qualifier).format(locale)
            assert not any(symbol in text for symbol in (*SYMBOLS, ">")), text

    @pytest.mark.parametrize("locale", ["ru", "kk", "uz"])
    def test_own_words(self, locale: str) -> None:
        """Russian, Kazakh and Uzbek words differ from English and from each other."""
        for qualifier in set(Qualifier) - {Qualifier.EXACT}:
            value = Estimate(Money(10**9, "USD"), qualifier)
            texts = {loc: value.format(loc) for loc in ("en", "ru", "kk", "uz")}
            assert len(set(texts.values())) == len(texts), texts
            assert Estimate.parse(texts[locale], locale) == value


#: Text in the presentation modules that is not words for a reader: where
#: matplotlib places things, and what an error names for a programmer.
NOT_FOR_READERS = frozenset(
    {
        "upper left",
        "upper center",
        "offset points",
        "axes fraction",
        "frame backend",
        "dossier frame",
        "report format",
        "an int from 0 to 16, or None",
        "pip install 'bilat[plot]'",
        "every row of a table needs one cell and alignment per column",
    }
)


def _prose(path: Path) -> list[str]:
    """The string constants of a module that read like English words, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    documented = ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, documented)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        f"{path.name}:{node.lineno}: {node.value!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and node.value not in NOT_FOR_READERS
        and re.search(r"[A-Za-z]{3,} [a-z]{3,}", node.value)
        and not re.search(r"[{}<>=;:#/%\\]|^\s|\(", node.value)
    ]


class TestNoEnglishOutsideLabels:
    """Every word a reader sees comes from the label tables."""

    def test_presentation_modules(self) -> None:
        """No module of bilat._present but labels holds English prose."""
        package = Path(bilat.__file__).parent / "_present"
        found = [
            line
            for path in sorted(package.glob("*.py"))
            if path.name != "labels.py"
            for line in _prose(path)
        ]
        assert not found, "English outside the label tables:\n" + "\n".join(found)

    def test_catches_prose(self, tmp_path: Path) -> None:
        """The check finds a sentence written in code."""
        module = tmp_path / "m.py"
        module.write_text(
            'def f():\n    """Doc string here."""\n    return "value not stated"\n'
        )
        assert _prose(module) == ["m.py:3: 'value not stated'"]
