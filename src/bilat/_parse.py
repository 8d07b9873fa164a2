"""Reading amounts of money as they are written in news and reports.

:meth:`Money.parse <bilat.Money.parse>` and :meth:`Estimate.parse
<bilat.Estimate.parse>` read text such as ``"$156 million"``, ``"USD 10bn"``,
``"nearly $1 billion"`` or ``"более 4,6 млрд долларов"``. The reader is a small
grammar over tokens, driven by tables of words and symbols; this page is the
reference for what it accepts.

Example:
    >>> from bilat import Estimate, Money
    >>> Money.parse("10 billion US dollars")
    Money('10000000000', 'USD')
    >>> Money.parse("KZT 1 234 567,89", "ru")
    Money('1234567.89', 'KZT')
    >>> Estimate.parse("почти 1 млрд долларов", "ru")
    Estimate(Money('1000000000', 'USD'), Qualifier.NEARLY)

**Tokens.** The text is cut into numbers (ASCII digits with single separators
between them), words (letters, with apostrophes inside and an optional
abbreviation point after) and single symbol characters (``$``, ``€``, ``₸``
…). Chinese, Japanese and Korean characters are a token each, so that
``50億円`` reads as ``50 億 円``; a letter with an apostrophe at the start of a
word is a word of its own (``d'euros`` is ``d'`` and ``euros``). Spaces between tokens are optional: ``$156M`` and ``$ 156 M`` read alike;
the invisible direction marks (U+200E, U+200F, U+061C and the embeddings and
isolates) count as spaces.
Words are compared without regard to case, with ``ё`` read as ``е`` and every
apostrophe (``'``, ``’``, ``‘``, ``ʻ``, ``ʼ``) read as ``'``; a point after a
word is ignored (``млн.``, ``руб.``, ``U.S.``, ``$5 million.``).

**Grammar.** The tokens must form, in this order::

    amount = [qualifier] [sign] [currency] [sign] number [scale] [sign]
             [linker currency | currency]

with exactly one currency, before or after the number, and at most one sign.
A linker (``de``, ``d'``, ``di``) may stand before a currency written after
the number: ``5 milliards d'euros``, ``20 de lei``, ``300 milioni di euro``.

number
    Digits separated as in the locale (CLDR symbols through babel):
    ``1,234.5`` in ``en``; ``1 234,5`` in ``ru``, ``kk`` and ``uz``. Only the
    locale's decimal separator marks decimals: in ``ru`` a comma always does,
    so ``1,234`` is 1.234 there, while ``1.5`` is refused (pass ``"en"`` for
    text written the English way). Thousands are grouped by the locale's group
    symbol or by a space (plain, no-break U+00A0, narrow no-break U+202F or
    thin U+2009) in every locale; groups after the first have exactly three
    digits, or follow the locale's own grouping (``12,34,567.89`` in
    ``en_IN`` and ``hi``). Anything else is refused rather than guessed.
sign
    ``-``, ``−`` (U+2212), the locale's minus sign or ``+``, before the
    currency or before the number: ``-$1.50``, ``USD -5``, ``-1 234,50 ₸``;
    also after the number in a locale that writes it there (``fy``:
    ``US$ 1.234,50-``).
scale
    A word multiplying the number by a power of ten, and ``$1.5-billion``
    reads as ``$1.5 billion``:

    - CLDR's compact-number words of ``en``, ``en_IN`` and ``ru``: ``K``,
      ``M``, ``B``, ``T``, ``thousand``, ``million``, ``billion``,
      ``trillion``; ``L``, ``lakh`` (10⁵), ``Cr``, ``crore`` (10⁷), ``KCr``
      (10¹⁰), ``LCr``, ``lakh crore`` (10¹²); ``тыс.``, ``тысяча``,
      ``тысячи``, ``тысяч``, ``млн``, ``миллион``, ``миллиона``,
      ``миллионов``, ``млрд``, ``миллиард``, ``миллиарда``, ``миллиардов``,
      ``трлн``, ``триллион``, ``триллиона``, ``триллионов``. English text of
      Indian amounts (``₹10,000 crore``) thus reads in every locale; where
      ``en_IN`` and ``en`` share a word, ``en``'s meaning holds;
    - news spellings: ``mn``, ``mln`` (10⁶), ``bn``, ``bln`` (10⁹), ``tn``,
      ``trn``, ``trln`` (10¹²), ``тысячу`` (10³), ``lakhs``, ``lac``,
      ``lacs`` (10⁵), ``crores`` (10⁷);
    - the compact-number words of the locale itself, from CLDR for every
      locale babel has (``мың`` in ``kk``; ``ming``, ``mln``, ``mlrd``,
      ``trln`` in ``uz``; ``Mio.``, ``Mrd.`` in ``de``; ``mln``, ``mld`` in
      ``pl``; ``लाख``, ``करोड़`` in ``hi``; ``万``, ``億``, ``兆`` in ``ja``;
      ``万``, ``亿``, ``万亿`` in ``zh``), which take precedence over the news
      spellings: in ``fr``, ``Bn`` and ``billion`` are 10¹², as French
      writes them.

    One scale word is read, or one phrase CLDR writes (``lakh crore``):
    ``$5 million billion`` is refused.
currency
    - an ISO 4217 code in capitals, touching the number or not (``USD 10bn``,
      ``KZT1,234.50``); ``usd`` is refused, with a hint;
    - an ISO 4217 code that has been withdrawn (``BGN``, ``DEM``), as
      :class:`~bilat.Currency` accepts it;
    - a CLDR symbol or name in ``en``, ``ru`` or the locale, in every plural
      form CLDR has (``A$``, ``CA$``, ``CN¥``, ``₹``, ``US dollars``,
      ``Canadian dollars``, ``Kyrgyz som``, ``доллара США``, ``казахских
      тенге``, ``киргизских сомов``, ``JAV dolerių``). The plural forms are
      found by taking one number of each plural category of the locale's
      CLDR rules (``0``, ``1``, ``2`` and ``1.5`` in ``lt``), not a fixed
      list;
    - the last word of an English or Russian CLDR name, where it ends the
      name of one currency CLDR lists in use (``zlotys``, ``сомов`` for the
      Kyrgyz som); a last word several names end with (``francs``, ``pesos``) is
      refused as ambiguous, naming the candidates, unless the news table
      below decides;
    - in a locale with a country (its territory, or the one CLDR finds
      likeliest for its language: Poland for ``pl``), any word of the CLDR
      names of that country's currency: ``złotych`` in ``pl``, ``rupees``
      in ``en_PK``, ``francs`` in ``fr_CH``, ``lei`` in ``ro``, ``dollars``
      in ``en_AU``; these win over the news table;
    - the news spellings below, which take precedence over CLDR. ``$`` alone
      means USD, as in CLDR's ``en`` and ``ru`` and whatever the locale;
      other dollars need their symbol (``A$``, ``CA$``) or code. ``¥`` is
      refused as ambiguous (Japanese yen or Chinese yuan); write ``JPY``,
      ``CNY``, ``JP¥``, ``CN¥``, ``yen`` or ``yuan``. Bare ``som`` is taken
      as the Uzbek som; the Kyrgyz som needs ``KGS`` or its CLDR name.

    ====  ===================================================================
    USD   ``$``, ``US$``, ``U.S.$``, ``dollar(s)``, ``US dollar(s)``,
          ``U.S. dollar(s)``, ``долл.``, ``долл. США``, ``доллар`` in every
          case and number (``доллара``, ``долларов``, ``долларам`` …), alone
          or followed by ``США``; ``دولار``
    EUR   ``€``, ``euro``, ``euros``, ``евро``
    GBP   ``£``, ``pound(s)``, ``pound(s) sterling``, ``sterling``, ``фунт``
          in every case, alone or followed by ``стерлингов``
    KZT   ``₸``, ``тг``, ``tenge``, ``тенге``, ``теңге``
    UZS   ``so'm``, ``soum(s)``, ``sum(s)``, ``som``, ``сум`` in every case
          (``сума``, ``сумов`` …)
    RUB   ``₽``, ``руб.``, ``rouble(s)``, ``ruble(s)``, ``рубль`` in every
          case (``рубля``, ``рублей``, ``рублём`` …)
    JPY   ``JP¥``, ``yen``, ``иена``/``йена`` in every case
    CNY   ``yuan``, ``renminbi``, ``RMB``, ``元``, ``元人民币``, ``юань`` in
          every case
    INR   ``Rs``, ``Rs.``, ``rupee(s)``, ``रुपये`` (other rupees need their
          code, their CLDR name or their locale: ``Rs`` is the Pakistani
          rupee in ``en_PK``)
    AED   ``Dh``, ``Dhs``, ``dirham(s)``, ``درهم`` (the Moroccan dirham
          needs ``MAD`` or its name)
    TRY   ``TL``, ``lira(s)``
    ====  ===================================================================
qualifier
    Accepted by :meth:`Estimate.parse <bilat.Estimate.parse>` only;
    :meth:`Money.parse <bilat.Money.parse>` refuses a qualified amount and
    points to it.

    ========  ================================================================
    NEARLY    nearly, almost, just under, почти, qariyb, ≲; after the
              amount: көлеміне жуық
    ABOUT     about, around, approximately, approx., roughly, some, (an)
              estimated, close to, около, примерно, приблизительно, порядка,
              ориентировочно, шамамен, taxminan, ~, ≈
    OVER      over, more than, above, in excess of, upwards of, just over,
              более (чем), больше (чем), свыше, >; after the amount:
              көлемінен астам, miqdoridan ortiq (oshiq)
    AT_LEAST  at least, no less than, not less than, не менее, не меньше,
              как минимум, кемінде, kamida, ≥
    UP_TO     up to, as much as, no more than, not more than, at most, до,
              вплоть до, не более, не больше, ең көбі, koʻpi bilan, ≤
    ========  ================================================================

**Amounts.** The amount is exact: ``2,5 млрд`` is ``Decimal("2500000000")``,
computed in bilat's own decimal context whatever the caller's, with no
exponent left in it (``$1.55 bn`` is ``Money('1550000000', 'USD')``) and the
decimals as written otherwise (``$1.50`` is ``Money('1.50', 'USD')``). At most
60 significant digits and 60 decimals are read. The exact output of
:meth:`Money.format <bilat.Money.format>` (``exact=True``; the default output
rounds for people) reads back to the same Money in any locale CLDR has
(Indian grouping such as ``12,34,567.89``, the direction marks
of Arabic and Persian and a trailing minus sign are read too), except where it
writes a bare ``¥`` (JPY in ``en`` and ``ru``, CNY in ``zh``), for the codes
``XXX`` (no currency) and ``XTS`` (for testing), which are not read as
currencies, and in the Swiss locales (``de_CH``, ``en_CH``, ``gsw`` …),
whose apostrophe group separators babel drops in pairs (``1000000'000.00``);
so does its compact output (``$156M``, ``156 млн $``) and the
output of :meth:`Estimate.format <bilat.Estimate.format>`.

**Errors.** Text that does not fit raises :class:`~bilat.ParseError` quoting
it and saying what was expected (empty text, no number, no currency or two,
``¥``, separators foreign to the locale, an unknown word, a qualifier given to
``Money.parse``, a qualified negative amount); a text that is not a ``str``
raises :class:`~bilat.NumberTypeError` (a ``TypeError``), and an unknown
locale :class:`~bilat.UnknownLocaleError`.

The tables are built from CLDR on first use, once per locale, and never at
import (:mod:`bilat._parse_cldr` reads CLDR's words, this module cuts them
into the keys the grammar compares); building one takes some tens of
milliseconds, reading an amount then some tens of microseconds.
"""

from __future__ import annotations

import re
import types
from decimal import Decimal
from typing import TYPE_CHECKING, Final, NamedTuple, TypeVar, cast

from bilat import _parse_cldr as cldr
from bilat._cache import thread_safe_lru_cache
from bilat._decimal import CONTEXT, read_decimal
from bilat._errors import NumberTypeError, ParseError, UnknownCurrencyError
from bilat._locale import LocaleLike, get_locale
from bilat._scripts import suggest_locale

if TYPE_CHECKING:
    from collections.abc import Mapping

    from bilat._estimate import Estimate, Qualifier
    from bilat._money import Money

__all__ = ["parse_estimate", "parse_estimate_with_step", "parse_money"]

_V = TypeVar("_V")
Key = tuple[str, ...]

_EXAMPLES: Final = (
    "amounts look like '$156 million', 'USD 10bn', 'nearly $1 billion' "
    "or '156 млн долларов'"
)

# -- tables written by hand ---------------------------------------------------

#: Currency spellings of the news that CLDR lacks or that bilat decides, by
#: code; phrases are separated by ``|``.
_NEWS_CURRENCIES: Final[Mapping[str, str]] = {
    "USD": "$ | US$ | U.S.$ | dollar | dollars | US dollar | US dollars "
    "| U.S. dollar | U.S. dollars | долл. | долл. США | دولار",
    "EUR": "€ | euro | euros",
    "GBP": "£ | pound | pounds | pound sterling | pounds sterling | sterling",
    "KZT": "₸ | тг | tenge | тенге | теңге",
    "UZS": "so'm | soum | soums | sum | sums | som",
    "RUB": "₽ | руб. | rouble | roubles | ruble | rubles",
    "JPY": "JP¥ | yen",
    "CNY": "yuan | renminbi | RMB | 元 | 元人民币",
    "INR": "Rs | rupee | rupees | रुपये",
    "AED": "Dh | Dhs | dirham | dirhams | درهم",
    "TRY": "TL | lira | liras",
}
#: Symbols refused as ambiguous, with the currencies they may stand for.
_AMBIGUOUS: Final[Mapping[str, tuple[str, ...]]] = {"¥": ("CNY", "JPY")}

# Russian nouns, declined: (stem, endings, code, words that may follow).
_HARD: Final = ("", "а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах")
_SOFT: Final = ("ь", "я", "ю", "ем", "е", "и", "ей", "ям", "ями", "ях")
_FEMININE: Final = ("а", "ы", "е", "у", "ой", "", "ам", "ами", "ах")
_RU_NOUNS: Final = (
    ("доллар", _HARD, "USD", ("", " США")),
    ("фунт", _HARD, "GBP", ("", " стерлингов")),
    ("сум", _HARD, "UZS", ("",)),
    ("рубл", _SOFT, "RUB", ("",)),
    ("юан", _SOFT, "CNY", ("",)),
    ("иен", _FEMININE, "JPY", ("",)),
    ("йен", _FEMININE, "JPY", ("",)),
)

#: Scale words of the news that CLDR's compact formats lack, by power of ten.
_NEWS_SCALES: Final[Mapping[int, str]] = {
    3: "thousand | тысячу",
    6: "mn | mln | million",
    9: "bn | bln | billion",
    12: "tn | trn | trln | trillion",
    5: "lakhs | lac | lacs",
    7: "crores",
}
#: Locales whose CLDR scale words are read in every locale, after English and
#: Russian: English text of Indian amounts writes "lakh" and "crore".
_SCALE_LANGUAGES: Final = ("en_IN", "en", "ru")
#: Words that may stand between the scale and the currency
#: ("5 milliards d'euros", "5 millones de dólares"), as keys.
_LINKERS: Final[tuple[Key, ...]] = (("de",), ("d'",), ("di",))

#: Qualifiers, by the name of the :class:`~bilat.Qualifier` they stand for.
_QUALIFIERS: Final[Mapping[str, str]] = {
    "NEARLY": "nearly | almost | just under | почти | qariyb | ≲",
    "ABOUT": "about | around | approximately | approx. | roughly | some "
    "| an estimated | estimated | close to | около | примерно | приблизительно "
    "| порядка | ориентировочно | шамамен | taxminan | ~ | ≈",
    "OVER": "over | more than | above | in excess of | upwards of | just over "
    "| более | более чем | больше | больше чем | свыше | >",
    "AT_LEAST": "at least | no less than | not less than | не менее | не меньше "
    "| как минимум | кемінде | kamida | ≥",
    "UP_TO": "up to | as much as | no more than | not more than | at most | до "
    "| вплоть до | не более | не больше | ең көбі | koʻpi bilan | ko‘pi bilan | ≤",
}

#: Qualifiers written after the amount, as Kazakh and Uzbek write them
#: ("1 млрд $ көлеміне жуық", "4,6 mlrd US$ miqdoridan ortiq").
_TRAILING_QUALIFIERS: Final[Mapping[str, str]] = {
    "NEARLY": "көлеміне жуық",
    "OVER": "көлемінен астам | miqdoridan ortiq | miqdoridan oshiq",
}

_SIGNS: Final[Mapping[str, int]] = {"-": -1, "−": -1, "+": 1}
_SPACES: Final = frozenset(" \xa0\u202f\u2009")
#: Invisible direction marks (left-to-right, right-to-left, Arabic letter mark
#: and the embeddings and isolates) that CLDR's patterns put around amounts in
#: Arabic, Persian and Hebrew; they are skipped like spaces.
_BIDI_MARKS: Final = frozenset(
    "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_APOSTROPHES: Final = frozenset("'’‘ʻʼ")
#: Characters that may stand between digits inside one number token.
_NUMBER_SEPARATORS: Final = frozenset(",.'’") | _SPACES
# -- tokens -------------------------------------------------------------------

_NUMBER: Final = "number"
_WORD: Final = "word"
_SYMBOL: Final = "symbol"


class _Token(NamedTuple):
    kind: str
    text: str
    key: str
    start: int


_NON_DIGIT: Final = re.compile("([^0-9])")


def _is_digit(ch: str) -> bool:
    return "0" <= ch <= "9"


def _is_ideograph(ch: str) -> bool:
    """Whether ``ch`` is a Han, kana or Hangul character, read one by one."""
    return (
        "\u3040" <= ch <= "\u30ff"  # hiragana, katakana
        or "\u3400" <= ch <= "\u9fff"  # CJK unified ideographs (and ext. A)
        or "\uac00" <= ch <= "\ud7af"  # Hangul syllables
        or "\uf900" <= ch <= "\ufaff"  # CJK compatibility ideographs
    )


def _normal_word(word: str) -> str:
    folded = word.casefold().replace("ё", "е")
    return "".join("'" if ch in _APOSTROPHES else ch for ch in folded)


def _tokenize(text: str, separators: frozenset[str]) -> list[_Token]:
    """Cut ``text`` into numbers, words and one-character symbols."""
    tokens: list[_Token] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        start = i
        if ch.isspace() or ch in _BIDI_MARKS:
            i += 1
            continue
        if ch >= "\u3040" and _is_ideograph(ch):
            # Chinese, Japanese and Korean write words without spaces
            # ("50億円"): each character is a token, and table phrases are
            # cut the same way, so "日本円" is matched as three tokens.
            i += 1
            tokens.append(_Token(_WORD, ch, ch, start))
        elif _is_digit(ch):
            i += 1
            while i < n and (
                _is_digit(text[i])
                or (text[i] in separators and i + 1 < n and _is_digit(text[i + 1]))
            ):
                i += 1
            tokens.append(_Token(_NUMBER, text[start:i], text[start:i], start))
        elif ch.isalpha():
            i += 1
            while i < n and (
                (
                    text[i].isalpha()
                    and (text[i] < "\u3040" or not _is_ideograph(text[i]))
                )
                or (text[i] in _APOSTROPHES and i + 1 < n and text[i + 1].isalpha())
            ):
                if i == start + 1 and text[i] in _APOSTROPHES:
                    # An elided article or preposition is a word of its own:
                    # "d'euros" reads as "d'" and "euros".
                    i += 1
                    break
                i += 1
            key = _normal_word(text[start:i])
            if i < n and text[i] == ".":
                i += 1
            tokens.append(_Token(_WORD, text[start:i], key, start))
        else:
            i += 1
            tokens.append(_Token(_SYMBOL, ch, ch, start))
    return tokens


def _key(phrase: str) -> Key | None:
    """The lookup key of a table phrase; None for phrases with digits."""
    tokens = _tokenize(phrase, _NUMBER_SEPARATORS)
    if not tokens or any(t.kind == _NUMBER or t.key in {"(", ")"} for t in tokens):
        return None
    return tuple(t.key for t in tokens)


def _keys(phrases: str) -> list[Key]:
    """The keys of ``|``-separated table phrases (which never hold digits)."""
    keys = []
    for phrase in phrases.split("|"):
        key = _key(phrase.strip())
        assert key is not None
        keys.append(key)
    return keys


def _match(
    tokens: list[_Token], i: int, table: Mapping[Key, _V], longest: int
) -> tuple[_V, int] | None:
    """The longest phrase of ``table`` starting at ``tokens[i]``, and its length."""
    for n in range(min(longest, len(tokens) - i), 0, -1):
        chunk = tokens[i : i + n]
        if any(t.kind == _NUMBER for t in chunk):
            continue
        value = table.get(tuple(t.key for t in chunk))
        if value is not None:
            return value, n
    return None


# -- the grammar of a locale: CLDR's words (bilat._parse_cldr) as keys --------


class _Grammar(NamedTuple):
    """Everything the reader needs for one locale."""

    locale: str
    decimal: str
    groups: frozenset[str]
    groupings: frozenset[tuple[int, int]]
    separators: frozenset[str]
    signs: Mapping[str, int]
    trailing_sign: bool
    currencies: Mapping[Key, str | tuple[str, ...]]
    scales: Mapping[Key, int]
    qualifiers: Mapping[Key, Qualifier]
    trailing_qualifiers: Mapping[Key, Qualifier]
    linkers: Mapping[Key, bool]
    longest: int


@thread_safe_lru_cache(maxsize=512)
def _is_code(text: str) -> bool:
    """Whether ``text`` is an ISO 4217 code, current or withdrawn, in capitals.

    >>> _is_code("USD"), _is_code("BGN"), _is_code("usd"), _is_code("XXX")
    (True, True, False, False)
    """
    from bilat._currency import Currency

    if not (len(text) == 3 and text.isascii() and text.isupper()):
        return False
    if text in cldr.NOT_CURRENCIES:
        return False
    try:
        Currency(text)
    except UnknownCurrencyError:
        return False
    return True


#: One number of each plural category of a locale (see
#: :func:`bilat._parse_cldr.plural_samples`): the currency names read are
#: CLDR's names for these counts.
_plural_samples: Final = cldr.plural_samples


@thread_safe_lru_cache(maxsize=16)
def _cldr_currencies(locale_id: str) -> Mapping[Key, frozenset[str]]:
    """CLDR's currency symbols and names (all plural forms) in one locale."""
    found: dict[Key, set[str]] = {}
    for phrase, codes in cldr.currency_phrases(locale_id).items():
        key = _key(phrase)
        if key is not None:
            found.setdefault(key, set()).update(codes)
    return types.MappingProxyType({k: frozenset(v) for k, v in found.items()})


def _words(phrase: str) -> list[Key]:
    """The keys of the words of a phrase, as cut by spaces."""
    keys: list[Key] = []
    for word in phrase.split():
        key = _key(word)
        # One letter, or one with an elided vowel ("d'"), says nothing.
        if key is not None and len(key) == 1 and len(key[0].strip("'")) > 1:
            keys.append(key)
    return keys


@thread_safe_lru_cache(maxsize=4)
def _cldr_nouns(locale_id: str) -> Mapping[Key, frozenset[str]]:
    """The last word of each CLDR currency name, with the currencies it ends.

    English and Russian put the noun last ("Polish zlotys", "киргизских
    сомов"), so the last word alone names the currency, or several. Only
    currencies CLDR lists in use with no end date count: "zlotys" is the
    złoty, not the złoty of 1950–1995.
    """
    current = cldr.current_codes()
    found: dict[Key, set[str]] = {}
    for code, names in cldr.currency_names(locale_id).items():
        if code not in current:
            continue
        for name in names:
            words = _words(name)
            if len(words) > 1:
                found.setdefault(words[-1], set()).add(code)
    return types.MappingProxyType({k: frozenset(v) for k, v in found.items()})


@thread_safe_lru_cache(maxsize=16)
def _territory_words(locale_id: str) -> Mapping[Key, str]:
    """Each word of the CLDR names of the currency of a locale's country.

    The country's currency is the one in use with no end date
    (:func:`bilat._parse_cldr.territory_currencies`). In Polish, "złotych"
    alone is then the złoty; a word two of the country's currencies share
    stands for neither.
    """
    names = cldr.currency_names(locale_id)
    found: dict[Key, set[str]] = {}
    for code in cldr.territory_currencies(locale_id):
        for name in names[code]:
            for word in _words(name):
                found.setdefault(word, set()).add(code)
    return types.MappingProxyType(
        {k: next(iter(v)) for k, v in found.items() if len(v) == 1}
    )


@thread_safe_lru_cache(maxsize=8)
def _cldr_scales(locale_id: str) -> Mapping[Key, int]:
    """CLDR's compact number words in one locale, with their power of ten."""
    found: dict[Key, int] = {}
    for word, exponent in cldr.compact_words(locale_id):
        key = _key(word)
        if key is not None:
            found[key] = exponent
    return types.MappingProxyType(found)


@thread_safe_lru_cache(maxsize=1)
def _news_currencies() -> Mapping[Key, str | tuple[str, ...]]:
    """The hand-written currency table, declined Russian nouns included."""
    table: dict[Key, str | tuple[str, ...]] = {}
    for code, phrases in _NEWS_CURRENCIES.items():
        table.update(dict.fromkeys(_keys(phrases), code))
    for stem, endings, code, tails in _RU_NOUNS:
        declined = " | ".join(stem + end + tail for end in endings for tail in tails)
        table.update(dict.fromkeys(_keys(declined), code))
    for symbol, codes in _AMBIGUOUS.items():
        table.update(dict.fromkeys(_keys(symbol), codes))
    return types.MappingProxyType(table)


@thread_safe_lru_cache(maxsize=16)
def _grammar(locale_id: str) -> _Grammar:
    from babel.numbers import (
        get_decimal_symbol,
        get_group_symbol,
        get_minus_sign_symbol,
    )

    from bilat._estimate import Qualifier

    loc = get_locale(locale_id)
    decimal = get_decimal_symbol(loc)
    group = get_group_symbol(loc)
    groups = frozenset({group}) | _SPACES
    signs = dict(_SIGNS)
    signs.setdefault(get_minus_sign_symbol(loc), -1)
    # Groups of three digits, and the locale's own grouping: (last group,
    # groups before it), e.g. (3, 2) in Indian grouping (12,34,567).
    patterns = [loc.decimal_formats.get(None), loc.currency_formats.get("standard")]
    groupings = frozenset({(3, 3)}) | {
        p.grouping for p in patterns if p is not None and max(p.grouping) <= 9
    }
    # Some locales write the minus sign after the amount (fy: "US$ 5,00-").
    standard = loc.currency_formats.get("standard")
    trailing_sign = standard is not None and "-" in standard.suffix[1]

    # English and Russian always; the locale's own words when it is another.
    languages = ["en", "ru"]
    own = locale_id if locale_id not in languages else None
    # The last words of English and Russian names ("zlotys", "сомов"), below
    # the full names; a word several currencies end with is ambiguous.
    nouns: dict[Key, set[str]] = {}
    for language in languages:
        for key, codes in _cldr_nouns(language).items():
            nouns.setdefault(key, set()).update(codes)
    candidates: dict[Key, set[str]] = {}
    for language in languages if own is None else [*languages, own]:
        for key, codes in _cldr_currencies(language).items():
            candidates.setdefault(key, set()).update(codes)
    currencies: dict[Key, str | tuple[str, ...]] = {
        key: next(iter(codes)) if len(codes) == 1 else tuple(sorted(codes))
        for key, codes in (nouns | candidates).items()
    }
    currencies.update(_news_currencies())
    if own is not None:
        # The locale's own symbols win where CLDR gives one currency: "$" is
        # the Australian dollar in en_AU and the peso in es_MX, as formatted.
        for key, codes in _cldr_currencies(own).items():
            if len(codes) == 1:
                currencies[key] = next(iter(codes))
        # Any word of the name of the country's currency stands for it:
        # "złotych" in pl, "rupees" in en_PK; a linker stays a linker.
        currencies.update(
            (key, code)
            for key, code in _territory_words(own).items()
            if key not in _LINKERS
        )
    # Scale words: the locale's own CLDR words win over the English news
    # spellings, so that "billion" and "Bn" are 10**12 in French.
    scales: dict[Key, int] = {}
    for language in _SCALE_LANGUAGES:
        scales.update(_cldr_scales(language))
    for exponent, phrases in _NEWS_SCALES.items():
        scales.update(dict.fromkeys(_keys(phrases), exponent))
    if own is not None:
        scales.update(_cldr_scales(own))
    qualifiers: dict[Key, Qualifier] = {}
    for name, phrases in _QUALIFIERS.items():
        qualifiers.update(dict.fromkeys(_keys(phrases), Qualifier[name]))
    trailing: dict[Key, Qualifier] = {}
    for name, phrases in _TRAILING_QUALIFIERS.items():
        trailing.update(dict.fromkeys(_keys(phrases), Qualifier[name]))
    linkers = dict.fromkeys(_LINKERS, True)
    longest = max(
        len(key)
        for table in (currencies, scales, qualifiers, trailing)
        for key in table
    )
    return _Grammar(
        locale=locale_id,
        decimal=decimal,
        groups=groups,
        groupings=groupings,
        separators=_NUMBER_SEPARATORS | {decimal, group},
        signs=types.MappingProxyType(signs),
        trailing_sign=trailing_sign,
        currencies=types.MappingProxyType(currencies),
        scales=types.MappingProxyType(scales),
        qualifiers=types.MappingProxyType(qualifiers),
        trailing_qualifiers=types.MappingProxyType(trailing),
        linkers=types.MappingProxyType(linkers),
        longest=longest,
    )


# -- reading ------------------------------------------------------------------


def _grouped(runs: list[str], groupings: frozenset[tuple[int, int]]) -> bool:
    """Whether digit runs split by group separators are grouped as allowed.

    For each ``(last, size)`` grouping: the last group has ``last`` digits,
    those before it ``size`` digits each, the first one to ``size``.
    """
    return any(
        len(runs[-1]) == last
        and 1 <= len(runs[0]) <= size
        and all(len(run) == size for run in runs[1:-1])
        for last, size in groupings
    )


def _number(text: str, token: _Token, grammar: _Grammar) -> Decimal:
    """The value of a number token, by the locale's separators."""
    # The token alternates digit runs and single separators: split it once.
    parts = _NON_DIGIT.split(token.text)
    runs = parts[0::2]
    seps = [" " if ch in _SPACES else ch for ch in parts[1::2]]
    fraction = ""
    if seps and seps[-1] == grammar.decimal:
        fraction = runs.pop()
        seps.pop()
    groups = {" " if g in _SPACES else g for g in grammar.groups}
    if seps and (
        not set(seps) <= groups
        or len(set(seps)) > 1
        or not _grouped(runs, grammar.groupings)
    ):
        foreign = sorted(set(seps) - groups - {grammar.decimal})
        others = sorted(grammar.groupings - {(3, 3)})
        raise ParseError(
            text,
            f"the number {token.text!r} is not written as in {grammar.locale!r}, "
            f"where {grammar.decimal!r} marks decimals and "
            + " or ".join("a space" if g == " " else repr(g) for g in sorted(groups))
            + " separates groups of three digits"
            + "".join(f" (or {s} before the last {n})" for n, s in others)
            + (
                f" ({foreign[0]!r} is not a separator there: pass the locale "
                "the text was written in)"
                if foreign
                else ""
            ),
        )
    return read_decimal("".join(runs) + ("." + fraction if fraction else ""))


class _Reading(NamedTuple):
    """What the grammar found in a text."""

    amount: Decimal
    currency: str
    qualifier: Qualifier | None
    qualifier_text: str
    #: The step of the last digit written: ``1E+8`` for ``$4.6 billion``.
    step: Decimal


class _Cursor:
    """The tokens of one text and the position reached in them."""

    def __init__(self, text: str, grammar: _Grammar) -> None:
        self.text = text
        self.grammar = grammar
        self.tokens = _tokenize(text, grammar.separators)
        self.i = 0

    def at_end(self) -> bool:
        return self.i == len(self.tokens)

    def take(self, table: Mapping[Key, _V]) -> tuple[_V, str] | None:
        """The longest phrase of ``table`` here, as written, moving past it."""
        found = _match(self.tokens, self.i, table, self.grammar.longest)
        if found is None:
            return None
        value, n = found
        last = self.tokens[self.i + n - 1]
        written = self.text[self.tokens[self.i].start : last.start + len(last.text)]
        self.i += n
        return value, written

    def take_currency(self) -> tuple[str | tuple[str, ...], str] | None:
        found = self.take(self.grammar.currencies)
        if found is None and not self.at_end():
            token = self.tokens[self.i]
            if token.kind == _WORD and _is_code(token.text):
                self.i += 1
                return token.text, token.text
        return found

    def take_sign(self) -> int | None:
        if not self.at_end():
            sign = self.grammar.signs.get(self.tokens[self.i].key)
            if sign is not None and self.tokens[self.i].kind == _SYMBOL:
                self.i += 1
                return sign
        return None

    def take_number(self) -> Decimal:
        if self.at_end():
            raise ParseError(self.text, "no number found; " + _EXAMPLES)
        token = self.tokens[self.i]
        if token.kind != _NUMBER:
            raise self.unexpected("expected a number; " + _EXAMPLES)
        self.i += 1
        return _number(self.text, token, self.grammar)

    def take_power(self) -> int:
        """A power of ten written right after the number (``9.99E99``), or 0.

        Only an ``E`` or ``e`` touching the number and followed, touching,
        by at most three digits counts: the form :meth:`Money.format` writes
        for compact amounts beyond CLDR's largest unit.
        """
        tokens, i = self.tokens, self.i
        if i + 1 >= len(tokens) or i == 0:
            return 0
        mark, digits, number = tokens[i], tokens[i + 1], tokens[i - 1]
        if (
            mark.kind == _WORD
            and mark.text in {"E", "e"}
            and mark.start == number.start + len(number.text)
            and digits.kind == _NUMBER
            and digits.start == mark.start + 1
            and digits.text.isdigit()
            and len(digits.text) <= 3
        ):
            self.i += 2
            return int(digits.text)
        return 0

    def take_scale(self) -> int | None:
        tokens = self.tokens
        if (
            self.i + 1 < len(tokens)
            and tokens[self.i].key == "-"
            and _match(tokens, self.i + 1, self.grammar.scales, self.grammar.longest)
        ):
            self.i += 1  # "$1.5-billion"
        found = self.take(self.grammar.scales)
        return None if found is None else found[0]

    def take_linker(self) -> None:
        """Move past a word such as "de" or "d'" that is followed by a currency."""
        found = _match(self.tokens, self.i, self.grammar.linkers, 1)
        if found is not None and _match(
            self.tokens, self.i + 1, self.grammar.currencies, self.grammar.longest
        ):
            self.i += 1

    def unexpected(self, expected: str) -> ParseError:
        token = self.tokens[self.i]
        hint = ""
        if (
            token.kind == _WORD
            and token.text.isascii()
            and _is_code(token.text.upper())
        ):
            hint = f" (ISO codes are written in capitals: {token.text.upper()!r})"
        return ParseError(
            self.text,
            f"unexpected {token.text!r} at position {token.start}{hint}; {expected}",
        )


@suggest_locale  # text in another script: name the locales that read it
def _read(text: object, locale: LocaleLike) -> _Reading:
    """Run the grammar over ``text``."""
    if not isinstance(text, str):
        raise NumberTypeError(
            text, "text", "a str such as '$156 million', not " + type(text).__name__
        )
    cursor = _Cursor(text, _grammar(str(get_locale(locale))))
    if cursor.at_end():
        raise ParseError(text, "the text is empty; " + _EXAMPLES)
    qualifier = cursor.take(cursor.grammar.qualifiers)
    sign = cursor.take_sign()
    currencies = [cursor.take_currency()]
    if sign is None and currencies[0] is not None:
        sign = cursor.take_sign()
    number = cursor.take_number()
    power = cursor.take_power()
    exponent = cursor.take_scale()
    if sign is None and cursor.grammar.trailing_sign:
        sign = cursor.take_sign()
    if currencies[0] is None:
        cursor.take_linker()
    currencies.append(cursor.take_currency())
    if qualifier is None:
        qualifier = cursor.take(cursor.grammar.trailing_qualifiers)
    if not cursor.at_end():
        if currencies[1] is not None:
            expected = "expected the end of the amount"
        elif exponent is not None:
            expected = "expected a currency or the end of the amount"
        else:
            expected = (
                "expected a scale word (thousand, million, bn, млн, млрд …), "
                "a currency or the end of the amount"
            )
        raise cursor.unexpected(expected)
    written = [c for c in currencies if c is not None]
    if not written:
        raise ParseError(
            text,
            "no currency: add a symbol, an ISO 4217 code or a currency name, "
            "such as '$', 'USD', 'dollars', '₸' or 'тенге'",
        )
    if len(written) > 1:
        raise ParseError(
            text,
            f"two currencies ({written[0][1]!r} and {written[1][1]!r}): "
            "write the currency once",
        )
    code, as_written = written[0]
    if isinstance(code, tuple):
        raise ParseError(
            text,
            f"{as_written!r} is ambiguous: it may mean "
            + " or ".join(map(repr, code))
            + "; write the ISO 4217 code instead",
        )
    scale = (exponent or 0) + power
    return _Reading(
        _amount(text, number, scale, sign),
        code,
        None if qualifier is None else qualifier[0],
        "" if qualifier is None else qualifier[1],
        Decimal((0, (1,), cast("int", number.as_tuple().exponent) + scale)),
    )


def _amount(text: str, number: Decimal, exponent: int, sign: int | None) -> Decimal:
    """``number · 10**exponent`` with its sign, exact and without an exponent."""
    digits = number.as_tuple()
    if len(digits.digits) + exponent > CONTEXT.prec:
        raise ParseError(
            text,
            f"the amount has more than {CONTEXT.prec} digits, "
            "more than can be read exactly",
        )
    if -(cast("int", digits.exponent) + exponent) > CONTEXT.prec:
        raise ParseError(
            text,
            f"the amount has more than {CONTEXT.prec} decimals, "
            "more than can be read exactly",
        )
    value = number.scaleb(exponent, context=CONTEXT)
    power = value.as_tuple().exponent
    if isinstance(power, int) and power > 0:
        value = value.quantize(Decimal(1), context=CONTEXT)
    if sign == -1 and value:
        value = value.copy_negate()
    return value


def parse_money(text: str, locale: LocaleLike = "en") -> Money:
    r"""Read an exact amount of money; the work behind :meth:`Money.parse`.

    The grammar and its tables are described in :mod:`bilat._parse`.

    Args:
        text: The amount as written, e.g. ``"$156 million"``.
        locale: The locale the text was written in; it decides the decimal
            and group separators.

    Returns:
        The amount as :class:`~bilat.Money`.

    Raises:
        ParseError: ``text`` is not an amount of money, has no currency or
            two, uses ``¥``, or is qualified (``"nearly $1 billion"``: read it
            with :meth:`Estimate.parse`).
        NumberTypeError: ``text`` is not a str.
        UnknownLocaleError: babel does not know ``locale``.

    Example:
        >>> from bilat._parse import parse_money
        >>> parse_money("$156 million")
        Money('156000000', 'USD')
        >>> parse_money("USD 10bn"), parse_money("£700k")
        (Money('10000000000', 'USD'), Money('700000', 'GBP'))
        >>> parse_money("1\xa0234,50\xa0₸", "ru")
        Money('1234.50', 'KZT')
        >>> parse_money("12,5 трлн сумов", "ru")
        Money('12500000000000', 'UZS')
        >>> parse_money("nearly $1 billion")
        Traceback (most recent call last):
        ...
        bilat.ParseError: ... 'nearly' makes it an estimate, ... use Estimate.parse
    """
    from bilat._money import Money

    reading = _read(text, locale)
    if reading.qualifier is not None:
        raise ParseError(
            text,
            f"{reading.qualifier_text!r} makes it an estimate, not an exact "
            "amount: use Estimate.parse",
        )
    return Money(reading.amount, reading.currency)


def parse_estimate(text: str, locale: LocaleLike = "en") -> Estimate:
    """Read a possibly qualified amount; the work behind :meth:`Estimate.parse`.

    Everything :func:`parse_money` reads is read here too, as an ``EXACT``
    estimate; a leading qualifier gives the matching :class:`~bilat.Qualifier`
    and the default tolerance.

    Args:
        text: The amount as written, e.g. ``"nearly $1 billion"``.
        locale: The locale the text was written in.

    Returns:
        The amount as an :class:`~bilat.Estimate`.

    Raises:
        ParseError: ``text`` is not an amount of money (as for
            :func:`parse_money`), or is qualified and negative.
        NumberTypeError: ``text`` is not a str.
        UnknownLocaleError: babel does not know ``locale``.

    Example:
        >>> from bilat._parse import parse_estimate
        >>> parse_estimate("nearly $1 billion")
        Estimate(Money('1000000000', 'USD'), Qualifier.NEARLY)
        >>> parse_estimate("более 4,6 млрд долларов", "ru")
        Estimate(Money('4600000000', 'USD'), Qualifier.OVER)
        >>> parse_estimate("$156 million")
        Estimate(Money('156000000', 'USD'))
    """
    return _estimate(text, _read(text, locale))


def parse_estimate_with_step(
    text: str, locale: LocaleLike = "en"
) -> tuple[Estimate, Decimal]:
    """Read an amount as :func:`parse_estimate` does, with its written precision.

    The step is the value of one unit in the last digit written, scale word
    included: ``"$4.6 billion"`` → ``1E+8``, ``"$5.0 bn"`` → ``1E+8``,
    ``"$1,234.5"`` → ``0.1``. The amount itself keeps no exponent, so the
    step can only be read here, from the text.

    Raises:
        ParseError: as :func:`parse_estimate`.
        NumberTypeError: ``text`` is not a str.
        UnknownLocaleError: babel does not know ``locale``.

    Example:
        >>> from bilat._parse import parse_estimate_with_step
        >>> parse_estimate_with_step("$5.0 bn")
        (Estimate(Money('5000000000', 'USD')), Decimal('1E+8'))
        >>> parse_estimate_with_step("более 4,6 млрд долларов", "ru")[1]
        Decimal('1E+8')
    """
    reading = _read(text, locale)
    return _estimate(text, reading), reading.step


def _estimate(text: str, reading: _Reading) -> Estimate:
    """The Estimate a reading stands for."""
    from bilat._estimate import Estimate, Qualifier
    from bilat._money import Money

    if reading.qualifier is not None and reading.amount < 0:
        raise ParseError(
            text,
            f"a qualified amount ({reading.qualifier_text!r}) cannot be negative",
        )
    return Estimate(
        Money(reading.amount, reading.currency), reading.qualifier or Qualifier.EXACT
    )
