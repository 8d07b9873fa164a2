"""Ratios as people read them: the one percent format of reports, tables and text.

Shares, growth rates and completion are exact Decimal fractions; they are
shown with one decimal, rounded half-even, in the locale's CLDR percent
format (``15.0%`` in English, ``15,0 %`` in Russian, ``%15,0`` in
Turkish).
"""

from __future__ import annotations

import decimal
import functools
import re
from decimal import Decimal

from babel import Locale
from babel.numbers import format_percent

from bilat._decimal import context_with
from bilat._locale import LocaleLike, get_locale

__all__ = ["DISPLAY", "MISSING", "percent_text"]

#: What a figure that is not there shows as.
MISSING = "—"

#: The context figures are shown in: not the caller's, and room for every
#: digit of any ratio bilat holds (up to 1E+99, that is 1E+101 %).
DISPLAY = context_with(decimal.ROUND_HALF_EVEN)


def percent_text(value: Decimal | None, locale: LocaleLike = "en") -> str:
    r"""A fraction as a percentage with one decimal in ``locale``; "—" for None.

    Example:
        >>> from decimal import Decimal
        >>> from bilat._present.numbers import percent_text
        >>> percent_text(Decimal("0.497")), percent_text(Decimal("0.15008"), "ru")
        ('49.7%', '15,0\xa0%')
        >>> percent_text(Decimal("-0.25"), "tr")
        '-%25,0'
        >>> percent_text(None)
        '—'
    """
    if value is None:
        return MISSING
    where = get_locale(locale)
    with decimal.localcontext(DISPLAY):
        return str(format_percent(value, format=_one_decimal(where), locale=where))


@functools.cache
def _one_decimal(locale: Locale) -> str:
    """The locale's CLDR percent pattern with one decimal (``#,##0.0 %`` in ru).

    The sign's place and spacing stay the locale's (``%#,##0.0`` in Turkish).
    """
    pattern = locale.percent_formats[None].pattern
    return re.sub(r"0(?![0-9.])", "0.0", pattern)
