"""Example dossiers bundled with bilat, as data files read by :func:`bilat.load`.

Every figure in them carries its source; see each file's ``sources``.
"""

from __future__ import annotations

from importlib.resources import as_file, files
from typing import TYPE_CHECKING

from bilat._cache import thread_safe_cache

if TYPE_CHECKING:
    from pathlib import Path

    from bilat._dossier import Dossier

__all__ = ["kazakhstan_uzbekistan", "path"]


def path(name: str = "kazakhstan_uzbekistan") -> Path:
    """The path of a bundled example file, for ``bilat report PATH`` and editing.

    Example:
        >>> from bilat import examples
        >>> examples.path().name
        'kazakhstan_uzbekistan.toml'
    """
    from bilat._errors import InvalidOptionError

    resource = files(__name__) / f"{name}.toml"
    if not resource.is_file():
        raise InvalidOptionError("example", name, ["kazakhstan_uzbekistan"])
    with as_file(resource) as found:
        return found


@thread_safe_cache
def _load(name: str) -> Dossier:
    from bilat.io._files import load

    return load(path(name))


def kazakhstan_uzbekistan() -> Dossier:
    """The Kazakhstan–Uzbekistan dossier of the Akorda press service report.

    It models the report of President Tokayev's meeting with Uzbek Foreign
    Minister Saidov (the trade target of $10 billion, 12 joint projects worth
    $156 million under way and 21 more worth nearly $1 billion, the
    Darbaza–Maktaaral railway, the industrial cooperation centre on the
    border, the meetings and their topics), plus sourced figures around it:
    trade turnover as stated by each side, the March 2025 programme with its
    $10 billion by 2030 target, and the railway's length, capacity and
    progress. Nothing in it lacks a source; what no source gives is left out.
    The file is read once per process, and the same dossier is returned to
    every caller and thread.

    Example:
        >>> import bilat
        >>> d = bilat.examples.kazakhstan_uzbekistan()
        >>> d.parties
        (Country('KZ'), Country('UZ'))
        >>> d.portfolio.where(status="underway").count
        14
        >>> print(d.portfolio.where(status="planned").total().format())
        nearly $1B
    """
    return _load("kazakhstan_uzbekistan")
