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

from bilat import examples, io
from bilat._agreement import Agreement, AgreementKind, AgreementStatus
from bilat._country import Country
from bilat._currency import Currency
from bilat._dossier import Dossier
from bilat._errors import (
    ArgumentTypeError,
    BilatError,
    BilatWarning,
    CurrencyMismatchError,
    CurrencyNotFoundError,
    DivisionByZeroError,
    IncompleteDataWarning,
    InvalidNumberError,
    InvalidOptionError,
    MissingExtraError,
    NumberTypeError,
    ParseError,
    PrecisionError,
    RateNotFoundError,
    UnitMismatchError,
    UnknownCountryError,
    UnknownCurrencyError,
    UnknownLocaleError,
    ValidationError,
)
from bilat._estimate import Estimate, Qualifier
from bilat._events import Meeting, Official, Topic
from bilat._frames import progress_frame
from bilat._money import Money
from bilat._moneybag import MoneyBag
from bilat._portfolio import Portfolio
from bilat._project import ProgressUpdate, Project, ProjectStatus
from bilat._rates import ExchangeRates
from bilat._report import Report
from bilat._series import TradeMetric, TradeSeries
from bilat._source import Source
from bilat._target import Progress, ProgressStatus, TradeTarget
from bilat._units import UnitPrice
from bilat.io import load

if TYPE_CHECKING:
    import pint

    #: The shared pint registry (built on first use by ``__getattr__`` below).
    ureg: pint.UnitRegistry[Any]
    #: Its Quantity class.
    Q_: type[pint.Quantity[Any]]

__version__ = "0.1.0"

__all__ = [
    "Q_",
    "Agreement",
    "AgreementKind",
    "AgreementStatus",
    "ArgumentTypeError",
    "BilatError",
    "BilatWarning",
    "Country",
    "Currency",
    "CurrencyMismatchError",
    "CurrencyNotFoundError",
    "DivisionByZeroError",
    "Dossier",
    "Estimate",
    "ExchangeRates",
    "IncompleteDataWarning",
    "InvalidNumberError",
    "InvalidOptionError",
    "Meeting",
    "MissingExtraError",
    "Money",
    "MoneyBag",
    "NumberTypeError",
    "Official",
    "ParseError",
    "Portfolio",
    "PrecisionError",
    "Progress",
    "ProgressStatus",
    "ProgressUpdate",
    "Project",
    "ProjectStatus",
    "Qualifier",
    "RateNotFoundError",
    "Report",
    "Source",
    "Topic",
    "TradeMetric",
    "TradeSeries",
    "TradeTarget",
    "UnitMismatchError",
    "UnitPrice",
    "UnknownCountryError",
    "UnknownCurrencyError",
    "UnknownLocaleError",
    "ValidationError",
    "__version__",
    "examples",
    "io",
    "load",
    "progress_frame",
    "ureg",
]


def __getattr__(name: str) -> Any:
    """Build the pint registry on first use of ``bilat.ureg`` or ``bilat.Q_``."""
    if name == "ureg":
        from bilat._units import get_registry

        return get_registry()
    if name == "Q_":
        from bilat._units import get_registry

        return get_registry().Quantity
    raise AttributeError(f"module 'bilat' has no attribute {name!r}")
