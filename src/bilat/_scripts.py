"""The script text is written in, and the locales that read it.

Text that does not parse in the locale given is often text from another
locale: ``"более 4,6 млрд долларов"`` read as English fails on its decimal
comma. When the text's letters are of a script the locale does not write
(Cyrillic in ``en``), a :class:`~bilat.ParseError` names the locales of that
script that read the text, so the message says ``pass locale='ru'`` rather
than only what went wrong in English.

The script of each letter comes from its Unicode name (``CYRILLIC SMALL
LETTER DE``); the script a locale writes from CLDR's likely subtags (``ru``
is ``ru_Cyrl_RU``), through babel.
"""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter
from collections.abc import Callable
from typing import Final, NamedTuple, TypeVar

from bilat._errors import ParseError
from bilat._locale import LocaleLike, get_locale

__all__ = ["suggest_locale", "text_script"]

R = TypeVar("R")


class _Script(NamedTuple):
    """A script as letters' Unicode names begin, and who writes it."""

    name: str
    #: ISO 15924 codes of the locales' scripts that include it.
    written_in: frozenset[str]
    #: Locales to try, likeliest first.
    locales: tuple[str, ...]


#: Scripts by the first word of their letters' Unicode names, each with at
#: most three locales to try. Latin is left out: Latin text in another Latin
#: locale has no script to tell it by. The locales tried for every script
#: together stay few (11): each is a grammar to build and keep in
#: :func:`bilat._parse._grammar`'s cache, which a longer list would churn.
_SCRIPTS: Final[dict[str, _Script]] = {
    "CYRILLIC": _Script("Cyrillic", frozenset({"Cyrl"}), ("ru", "kk", "uz_Cyrl")),
    "ARABIC": _Script("Arabic", frozenset({"Arab"}), ("ar",)),
    "CJK": _Script(
        "Han", frozenset({"Hans", "Hant", "Hani", "Jpan", "Kore"}), ("zh", "ja")
    ),
    "HIRAGANA": _Script("Japanese", frozenset({"Jpan"}), ("ja",)),
    "KATAKANA": _Script("Japanese", frozenset({"Jpan"}), ("ja",)),
    "HANGUL": _Script("Hangul", frozenset({"Kore"}), ("ko",)),
    "DEVANAGARI": _Script("Devanagari", frozenset({"Deva"}), ("hi",)),
    "GREEK": _Script("Greek", frozenset({"Grek"}), ("el",)),
    "HEBREW": _Script("Hebrew", frozenset({"Hebr"}), ("he",)),
    "THAI": _Script("Thai", frozenset({"Thai"}), ("th",)),
}

#: At most this many locales are named in a message.
_NAMED: Final = 3


def _letter_script(char: str) -> str | None:
    """The key in :data:`_SCRIPTS` of one character, if it is such a letter."""
    if not unicodedata.category(char).startswith("L"):
        return None
    first = unicodedata.name(char, "").partition(" ")[0]
    return first if first in _SCRIPTS else None


def text_script(text: str) -> str | None:
    """The script most of the non-Latin letters of ``text`` are in, if any.

    Kana anywhere make Han text Japanese. Only the first 1,000 characters
    are looked at: an amount is short.

    Example:
        >>> from bilat._scripts import text_script
        >>> text_script("более 4,6 млрд долларов"), text_script("50 億円")
        ('CYRILLIC', 'CJK')
        >>> text_script("5 億ドル"), text_script("$5 billion")
        ('KATAKANA', None)
    """
    counts = Counter(filter(None, map(_letter_script, text[:1000])))
    if not counts:
        return None
    kana = [key for key in ("HIRAGANA", "KATAKANA") if key in counts]
    if kana and "CJK" in counts:
        return kana[0]
    return counts.most_common(1)[0][0]


def _locale_script(locale: LocaleLike) -> str | None:
    """The ISO 15924 code of the script ``locale`` writes (``ru`` → ``Cyrl``)."""
    from babel.core import get_global

    loc = get_locale(locale)
    if loc.script:
        return str(loc.script)
    likely = get_global("likely_subtags")
    for key in (f"{loc.language}_{loc.territory}", loc.language):
        parts = str(likely.get(key, "")).split("_")
        if len(parts) > 1 and len(parts[1]) == 4:
            return parts[1]
    return None


def suggest_locale(
    read: Callable[[object, LocaleLike], R],
) -> Callable[[object, LocaleLike], R]:
    """Make ``read`` name the locales that read the text when it cannot.

    ``read(text, locale)`` is a parser that raises :class:`ParseError`. When
    the text's letters are of a script ``locale`` does not write, the
    locales of that script that read the text without an error (at most
    three, likeliest first) are named in the error's ``locales`` and
    message. When none reads it the error is left as it is: the text has
    another fault, which naming a locale would hide.

    Example:
        >>> from bilat._parse import parse_money
        >>> parse_money("более 4,6 млрд долларов", "en")
        Traceback (most recent call last):
        ...
        bilat.ParseError: cannot read 'более 4,6 млрд долларов' as an amount of money: ... written in Cyrillic: pass locale='ru' (or 'kk', 'uz_Cyrl')
    """

    @functools.wraps(read)
    def reading(text: object, locale: LocaleLike) -> R:
        try:
            return read(text, locale)
        except ParseError as error:
            if error.locales or not isinstance(text, str):
                raise
            key = text_script(text)
            if key is None:
                raise
            script = _SCRIPTS[key]
            if _locale_script(locale) in script.written_in:
                raise
            reads: list[str] = []
            for candidate in script.locales:
                if len(reads) < _NAMED and _reads(read, text, candidate):
                    reads.append(candidate)
            if not reads:
                raise  # another locale would fail too: its advice would mislead
            raise ParseError(
                error.text,
                error.expected,
                what=error.what,
                script=script.name,
                locales=reads,
            ) from None

    return reading


def _reads(
    read: Callable[[object, LocaleLike], object], text: str, locale: str
) -> bool:
    """Whether ``read`` reads ``text`` in ``locale`` without a ParseError."""
    try:
        read(text, locale)
    except ParseError:
        return False
    return True
