"""bilat: treaty and target modelling with exact money.

Record what countries agree, the projects they start and the targets they
announce; check them against data; report how far reality has got.

Example:
    >>> import bilat
    >>> bilat.Money.parse("$156 million")
    Money('156000000', 'USD')
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bilat._currency import Currency
from bilat._errors import (
    BilatError,
    BilatWarning,
    CurrencyMismatchError,
    InvalidNumberError,
    InvalidOptionError,
    NumberTypeError,
    ParseError,
    RateNotFoundError,
    UnitMismatchError,
    UnknownCountryError,
    UnknownCurrencyError,
    UnknownLocaleError,
    ValidationError,
)
from bilat._estimate import Estimate, Qualifier
from bilat._money import Money
from bilat._moneybag import MoneyBag

if TYPE_CHECKING:
    import pint

__version__ = "0.1.0"

__all__ = [
    "BilatError",
    "BilatWarning",
    "Currency",
    "CurrencyMismatchError",
    "Estimate",
    "InvalidNumberError",
    "InvalidOptionError",
    "Money",
    "MoneyBag",
    "NumberTypeError",
    "ParseError",
    "Qualifier",
    "RateNotFoundError",
    "UnitMismatchError",
    "UnknownCountryError",
    "UnknownCurrencyError",
    "UnknownLocaleError",
    "ValidationError",
    "__version__",
]
