"""Parse errors name the locales that read text written in another script."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

import bilat
from bilat import Estimate, Money, ParseError
from bilat._scripts import text_script


class TestTextScript:
    """The script of a text is that of most of its non-Latin letters."""

    @pytest.mark.parametrize(
        ("text", "script"),
        [
            ("более 4,6 млрд долларов", "CYRILLIC"),
            ("$4.6 млрд", "CYRILLIC"),
            ("5 مليار دولار", "ARABIC"),
            ("50 億円", "CJK"),
            ("50 億ドル", "KATAKANA"),
            ("5 조 원", "HANGUL"),
            ("$5 billion", None),
            ("5 000 000", None),
            ("", None),
        ],
    )
    def test_scripts(self, text: str, script: str | None) -> None:
        """Letters decide; digits, symbols and Latin letters do not."""
        assert text_script(text) == script


class TestSuggestion:
    """A ParseError in a locale of another script names the locales that read it."""

    def test_cyrillic_in_english(self) -> None:
        """Russian text read as English suggests ru, then kk and uz_Cyrl."""
        with pytest.raises(ParseError) as info:
            Estimate.parse("более 4,6 млрд долларов")
        e = info.value
        assert (e.script, e.locales) == ("Cyrillic", ("ru", "kk", "uz_Cyrl"))
        assert str(e).startswith(
            "cannot read 'более 4,6 млрд долларов' as an amount of money: "
            "the number '4,6' is not written as in 'en'"
        )
        assert str(e).endswith(
            "; the text is written in Cyrillic: pass locale='ru' (or 'kk', 'uz_Cyrl')"
        )

    def test_money_parse_too(self) -> None:
        """Money.parse gives the same advice."""
        with pytest.raises(ParseError, match=r"pass locale='ru'"):
            Money.parse("4,6 млрд долларов")

    def test_suggested_locale_reads(self) -> None:
        """The locale named reads the text: over 4.6 billion dollars."""
        with pytest.raises(ParseError) as info:
            Estimate.parse("более 4,6 млрд долларов", "en")
        read = Estimate.parse("более 4,6 млрд долларов", info.value.locales[0])
        assert read.value == Money(4_600_000_000, "USD")
        assert read.qualifier is bilat.Qualifier.OVER

    def test_same_script_no_suggestion(self) -> None:
        """A locale of the text's script gets no advice to change it."""
        with pytest.raises(ParseError) as info:
            Money.parse("4.6.1 млрд долларов", "ru")
        assert info.value.locales == ()
        assert "pass locale=" not in str(info.value)

    def test_no_reader_no_suggestion(self) -> None:
        """When no locale of the script reads the text, no locale is named."""
        with pytest.raises(ParseError, match="no currency") as info:
            Money.parse("5 млрд")
        assert (info.value.script, info.value.locales) == (None, ())
        assert "pass locale=" not in str(info.value)

    def test_latin_text_unchanged(self) -> None:
        """Latin text keeps its message as it was."""
        with pytest.raises(ParseError) as info:
            Money.parse("a lot of money")
        assert info.value.locales == ()
        assert "written in" not in str(info.value)

    def test_pickles(self) -> None:
        """The suggestion survives pickling, attributes and message alike."""
        with pytest.raises(ParseError) as info:
            Money.parse("4,6 млрд долларов")
        again = pickle.loads(pickle.dumps(info.value))
        assert str(again) == str(info.value)
        assert (again.script, again.locales) == ("Cyrillic", ("ru", "kk", "uz_Cyrl"))

    @given(st.integers(1, 9999).filter(lambda n: n % 10))
    def test_decimal_comma_law(self, tenths: int) -> None:
        """n/10 billion written with a decimal comma: English points to ru, ru reads it."""
        text = f"{tenths // 10},{tenths % 10} млрд долларов"
        with pytest.raises(ParseError) as info:
            Money.parse(text)
        assert info.value.locales[0] == "ru"
        assert Money.parse(text, "ru") == Money(tenths * 100_000_000, "USD")
