"""Shared pieces of the fuzz tests: how many inputs to try, and what to throw.

The fuzz tests (``tests/test_fuzz_*.py``) throw generated text and files at
every entry point that reads user input. Only :class:`bilat.BilatError`
subclasses may escape, and each message must name the value it refused.

The normal test command tries :data:`EXAMPLES` inputs per entry point (a few
hundred, so the whole fuzz suite runs in seconds). ``python
benchmarks/fuzz.py`` runs the long version: it sets ``BILAT_FUZZ_EXAMPLES``
(50,000 by default) and runs the same tests.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from bilat import BilatError

__all__ = [
    "EXAMPLES",
    "FUZZ",
    "Hostile",
    "HostileStr",
    "assert_names",
    "damaged",
    "fuzz",
    "fuzz_texts",
    "number_texts",
]

#: Inputs tried per fuzz test: ``BILAT_FUZZ_EXAMPLES`` or a few hundred.
EXAMPLES = int(os.environ.get("BILAT_FUZZ_EXAMPLES", "300"))

#: Settings for every fuzz test: no deadline (the machines are shared), no
#: health check that would stop a long run for being slow or filtering much.
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)


def fuzz(examples: int) -> settings:
    """Settings for a slower property: ``examples`` inputs, or the long run's count.

    Use it where a few hundred inputs would make the normal test command slow
    (pickling every class, dossier files): the normal run tries ``examples``,
    ``python benchmarks/fuzz.py`` as many as every other fuzz test.
    """
    long_run = "BILAT_FUZZ_EXAMPLES" in os.environ
    return settings(FUZZ, max_examples=EXAMPLES if long_run else examples)


#: Pieces that real statements and files are made of, and that break parsers.
PIECES: tuple[str, ...] = (
    "$",
    "€",
    "£",
    "¥",
    "₸",
    "₽",
    "сўм",
    "so'm",
    "US$",
    "JP¥",
    "USD",
    "KZT",
    "UZS",
    "usd",
    "доллар",
    "долларов",
    "тенге",
    "млн",
    "млрд",
    "трлн",
    "million",
    "billion",
    "bn",
    "mn",
    "M",
    "B",
    "K",
    "k",
    "thousand",
    "nearly",
    "about",
    "over",
    "up to",
    "at least",
    "около",
    "почти",
    "более",
    "свыше",
    "до",
    "\u00a0",
    "\u202f",
    "\u2009",
    " ",
    ",",
    ".",
    "'",
    "_",
    "-",
    "+",
    "−",
    "(",
    ")",
    "%",
    "e",
    "E",
    "e+",
    "E-",
    "1e999999",
    "1E-999999",
    "9" * 40,
    "0." + "0" * 40 + "1",
    "NaN",
    "Infinity",
    "inf",
    "-0",
    "0x10",
    "١٢٣",
    "１２",
    "½",
    "\x00",
    "\ufeff",
    "\u200b",
    "\n",
    "\t",
)

_ALPHABET = st.one_of(
    st.characters(codec="utf-8"),
    st.sampled_from("0123456789.,  $€₸₽млрдбнMBKk"),
)


def number_texts() -> st.SearchStrategy[str]:
    """Texts that look like numbers: digits, separators, signs and exponents."""
    digits = st.text("0123456789", min_size=1, max_size=45)
    exponent = st.integers(-(10**7), 10**7).map(lambda e: f"e{e}")
    return st.builds(
        lambda sign, whole, sep, frac, exp: f"{sign}{whole}{sep}{frac}{exp}",
        st.sampled_from(("", "-", "+", "−")),
        digits,
        st.sampled_from(("", ".", ",", " ", "\u00a0", "_")),
        st.one_of(st.just(""), digits),
        st.one_of(st.just(""), exponent),
    )


def fuzz_texts(max_pieces: int = 8) -> st.SearchStrategy[str]:
    """Text mixing printable characters, symbols, Cyrillic, odd spaces, numbers."""
    piece = st.one_of(
        st.sampled_from(PIECES),
        number_texts(),
        st.text(_ALPHABET, max_size=6),
    )
    return st.one_of(
        st.text(_ALPHABET, max_size=40),
        st.lists(piece, max_size=max_pieces).map("".join),
        st.lists(piece, max_size=max_pieces).map(" ".join),
    )


def assert_names(error: BaseException, value: object) -> None:
    """Check that ``error`` is a BilatError whose message names ``value``.

    A long value may be shortened in the message, so its ``repr`` or its first
    20 characters' ``repr`` (without the closing quote) must appear.
    """
    assert isinstance(error, BilatError), f"{type(error).__name__}: {error}"
    message = str(error)
    shown = repr(value)
    assert shown in message or shown[:21] in message, (
        f"message does not name {shown}: {message}"
    )


@st.composite
def damaged(draw: st.DrawFn, raw: bytes, pieces: st.SearchStrategy[bytes]) -> bytes:
    """``raw`` truncated, with bytes deleted, or ``pieces`` inserted or put in."""
    data = bytearray(raw)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        operation = draw(st.sampled_from(("truncate", "delete", "insert", "replace")))
        if operation == "truncate":
            del data[at:]
        elif operation == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        elif operation == "insert":
            data[at:at] = draw(pieces)
        else:
            data[at : at + draw(st.integers(1, 8))] = draw(pieces)
    return bytes(data)


# -- hostile objects -------------------------------------------------------------


class Hostile:
    """An object whose every protocol raises: __eq__, __hash__, __iter__, __str__ ..."""

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("__eq__ raised")

    def __hash__(self) -> int:
        raise RuntimeError("__hash__ raised")

    def __str__(self) -> str:
        raise RuntimeError("__str__ raised")

    def __repr__(self) -> str:
        raise RuntimeError("__repr__ raised")

    def __bool__(self) -> bool:
        raise RuntimeError("__bool__ raised")

    def __len__(self) -> int:
        raise RuntimeError("__len__ raised")

    def __iter__(self) -> Iterator[object]:
        raise RuntimeError("__iter__ raised")

    def __index__(self) -> int:
        raise RuntimeError("__index__ raised")

    def __float__(self) -> float:
        raise RuntimeError("__float__ raised")

    def __fspath__(self) -> str:
        raise RuntimeError("__fspath__ raised")


class HostileStr(str):
    """A str whose own __eq__, __hash__ and __repr__ raise."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("__eq__ raised")

    def __hash__(self) -> int:
        raise RuntimeError("__hash__ raised")

    def __repr__(self) -> str:
        raise RuntimeError("__repr__ raised")
