"""bilat: treaty and target modelling with exact money.

Record what countries agree, the projects they start and the targets they
announce; check them against data; report how far reality has got.

``import bilat`` is quick: each public name is imported from its module on
first use (``bilat.Money`` imports the money core, ``bilat.Dossier`` the
model, ``bilat.ureg`` pint), so a script pays only for what it uses.

Example:
    >>> import bilat
    >>> bilat.Money.parse("$156 million")
    Money('156000000', 'USD')
"""

from __future__ import annotations

from bilat._lazy import lazy_names

# Not typing.TYPE_CHECKING: importing typing would double the time of
# ``import bilat``. Type checkers take any TYPE_CHECKING for True.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Final

    import pint

    from bilat import examples, io
    from bilat._agreement import (
        ActionKind,
        Agreement,
        AgreementKind,
        AgreementStatus,
        TreatyAction,
    )
    from bilat._assess import ProgressStatus
    from bilat._atlas import Atlas
    from bilat._claims import Claim
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
        InvalidDateError,
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
    from bilat._ledger import Conflict, conflicts
    from bilat._measured import Progress
    from bilat._money import Money
    from bilat._moneybag import MoneyBag
    from bilat._portfolio import Portfolio
    from bilat._present.frames import progress_frame
    from bilat._present.report import Report
    from bilat._project import ProgressUpdate, Project, ProjectStatus
    from bilat._rates import ExchangeRates
    from bilat._series import Series, TradeMetric
    from bilat._source import Source
    from bilat._target import Target, TradeTarget
    from bilat._trade_series import TradeSeries
    from bilat._units import UnitPrice
    from bilat.io import load

    #: The shared pint registry (built on first use).
    ureg: pint.UnitRegistry[Any]
    #: Its Quantity class.
    Q_: type[pint.Quantity[Any]]

__version__ = "0.1.0"

__all__ = [
    "Q_",
    "ActionKind",
    "Agreement",
    "AgreementKind",
    "AgreementStatus",
    "ArgumentTypeError",
    "Atlas",
    "BilatError",
    "BilatWarning",
    "Claim",
    "Conflict",
    "Country",
    "Currency",
    "CurrencyMismatchError",
    "CurrencyNotFoundError",
    "DivisionByZeroError",
    "Dossier",
    "Estimate",
    "ExchangeRates",
    "IncompleteDataWarning",
    "InvalidDateError",
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
    "Series",
    "Source",
    "Target",
    "Topic",
    "TradeMetric",
    "TradeSeries",
    "TradeTarget",
    "TreatyAction",
    "UnitMismatchError",
    "UnitPrice",
    "UnknownCountryError",
    "UnknownCurrencyError",
    "UnknownLocaleError",
    "ValidationError",
    "__version__",
    "conflicts",
    "examples",
    "io",
    "load",
    "progress_frame",
    "ureg",
]

#: Where each public name lives: the module that ``bilat.<name>`` imports on
#: first use. A sub-package maps to itself.
_HOMES: Final[dict[str, str]] = {
    "ActionKind": "bilat._agreement",
    "Agreement": "bilat._agreement",
    "AgreementKind": "bilat._agreement",
    "AgreementStatus": "bilat._agreement",
    "ArgumentTypeError": "bilat._errors",
    "Atlas": "bilat._atlas",
    "BilatError": "bilat._errors",
    "BilatWarning": "bilat._errors",
    "Claim": "bilat._claims",
    "Conflict": "bilat._ledger",
    "Country": "bilat._country",
    "Currency": "bilat._currency",
    "CurrencyMismatchError": "bilat._errors",
    "CurrencyNotFoundError": "bilat._errors",
    "DivisionByZeroError": "bilat._errors",
    "Dossier": "bilat._dossier",
    "Estimate": "bilat._estimate",
    "ExchangeRates": "bilat._rates",
    "IncompleteDataWarning": "bilat._errors",
    "InvalidDateError": "bilat._errors",
    "InvalidNumberError": "bilat._errors",
    "InvalidOptionError": "bilat._errors",
    "Meeting": "bilat._events",
    "MissingExtraError": "bilat._errors",
    "Money": "bilat._money",
    "MoneyBag": "bilat._moneybag",
    "NumberTypeError": "bilat._errors",
    "Official": "bilat._events",
    "ParseError": "bilat._errors",
    "Portfolio": "bilat._portfolio",
    "PrecisionError": "bilat._errors",
    "Progress": "bilat._measured",
    "ProgressStatus": "bilat._assess",
    "ProgressUpdate": "bilat._project",
    "Project": "bilat._project",
    "ProjectStatus": "bilat._project",
    "Qualifier": "bilat._estimate",
    "RateNotFoundError": "bilat._errors",
    "Report": "bilat._present.report",
    "Source": "bilat._source",
    "Topic": "bilat._events",
    "Series": "bilat._series",
    "Target": "bilat._target",
    "TradeMetric": "bilat._series",
    "TradeSeries": "bilat._trade_series",
    "TradeTarget": "bilat._target",
    "TreatyAction": "bilat._agreement",
    "UnitMismatchError": "bilat._errors",
    "UnitPrice": "bilat._units",
    "UnknownCountryError": "bilat._errors",
    "UnknownCurrencyError": "bilat._errors",
    "UnknownLocaleError": "bilat._errors",
    "ValidationError": "bilat._errors",
    "conflicts": "bilat._ledger",
    "examples": "bilat.examples",
    "io": "bilat.io",
    "load": "bilat.io",
    "progress_frame": "bilat._present.frames",
}


_lazy_getattr, _lazy_dir = lazy_names(__name__, _HOMES, __all__)


def _attribute(name: str) -> Any:
    """``bilat.<name>``, imported from its module on first use.

    ``ureg`` and ``Q_`` come from :func:`bilat._units.get_registry` (one
    registry, built once and never replaced). Every name, these two included,
    is kept in the module's namespace once built or imported, so later reads
    are plain attribute reads.

    Raises:
        AttributeError: ``bilat`` has no public attribute ``name``.
    """
    if name in {"ureg", "Q_"}:
        from bilat._units import get_registry

        registry = get_registry()
        globals().update(ureg=registry, Q_=registry.Quantity)
        return globals()[name]
    return _lazy_getattr(name)


# Hidden from type checkers, which would otherwise take any misspelt
# ``bilat.<name>`` for an Any; they see the imports above instead.
if not TYPE_CHECKING:
    __getattr__ = _attribute
    __dir__ = _lazy_dir
