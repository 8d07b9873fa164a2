"""Locale lookup through babel, with bilat's error on unknown identifiers."""

from __future__ import annotations

from typing import TypeAlias

from babel import Locale
from babel import UnknownLocaleError as _BabelUnknownLocale

from bilat._cache import thread_safe_lru_cache
from bilat._errors import UnknownLocaleError

__all__ = ["LocaleLike", "get_locale"]

LocaleLike: TypeAlias = "str | Locale"


@thread_safe_lru_cache(maxsize=64)
def _parse(identifier: str) -> Locale:
    try:
        return Locale.parse(identifier.replace("-", "_"))
    except (_BabelUnknownLocale, ValueError, TypeError):
        raise UnknownLocaleError(identifier) from None


def get_locale(locale: LocaleLike) -> Locale:
    """Return the babel :class:`~babel.Locale` for ``locale``.

    Raises:
        UnknownLocaleError: babel has no data for that identifier.
    """
    if isinstance(locale, Locale):
        return locale
    if not isinstance(locale, str):
        raise UnknownLocaleError(locale)
    return _parse(str.__str__(locale))  # not a str subclass's own __hash__
