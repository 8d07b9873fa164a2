"""Dossier files: TOML and JSON, their JSON Schema, and plain data.

A dossier file holds one :class:`~bilat.Dossier` as a TOML table or a JSON
object. Its keys are the dossier's fields, plus ``format = "bilat/1"``,
which bilat writes first and checks when present. Values are written
plainly, so a file can be read, written by hand and diffed:

================ ==============================================================
value            written as
================ ==============================================================
Decimal          a string: ``"156000000"``, ``"0.1"`` (numbers are read exactly
                 too)
Money            ``{amount = "156000000", currency = "USD"}``
Estimate         ``{amount = "1000000000", currency = "USD", qualifier =
                 "nearly"}``, plus ``tolerance``, ``low`` and ``high`` only when
                 they are not the derived ones
date             an ISO string: ``"2023-11-27"``
year             an integer: ``2030``; as a table key, a string: ``"2022"``
meeting day      a date string, a year (integer), or left out when unknown
Country          its alpha-2 code: ``"KZ"``
enum             its value: ``"underway"``
quantity         magnitude and unit: ``"152 km"``
tuple            a list (an array of tables in TOML)
mapping          a table
================ ==============================================================

Fields equal to their default (None, empty lists, ``count = 1`` …) are left
out, and a field left out takes its default. TOML has no null, so neither
format uses it. Unknown fields are errors, since they are usually typos.

:func:`load` and :func:`loads` check the whole file and report every problem
in one :class:`~bilat.ValidationError`, with the file's name and each
problem's field path (``projects[3].value.currency``); malformed TOML or
JSON is reported with its line and column. A dossier is returned only when
all of it was built. ``load(dump(d)) == d`` for every dossier ``d``.

Example:
    >>> from bilat import Dossier, Estimate, Project, ProjectStatus
    >>> from bilat.io import dumps, loads
    >>> d = Dossier(
    ...     "Kazakhstan and Uzbekistan",
    ...     ["KZ", "UZ"],
    ...     projects=[
    ...         Project(
    ...             "Planned joint projects",
    ...             ["KZ", "UZ"],
    ...             ProjectStatus.PLANNED,
    ...             value=Estimate.parse("nearly $1 billion"),
    ...             count=21,
    ...         )
    ...     ],
    ... )
    >>> text = dumps(d)
    >>> print(text)
    format = "bilat/1"
    title = "Kazakhstan and Uzbekistan"
    parties = [
        "KZ",
        "UZ",
    ]
    <BLANKLINE>
    [[projects]]
    name = "Planned joint projects"
    parties = [
        "KZ",
        "UZ",
    ]
    status = "planned"
    count = 21
    <BLANKLINE>
    [projects.value]
    amount = "1000000000"
    currency = "USD"
    qualifier = "nearly"
    <BLANKLINE>
    >>> loads(text) == d
    True
"""

from __future__ import annotations

from bilat._lazy import lazy_names

# Each name is imported from its module on first use (see bilat._lazy), so
# that ``from bilat.io import load`` loads neither the Comtrade readers nor
# the schema. Type checkers see the imports below (any TYPE_CHECKING is True
# to them; typing itself is not imported for it).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from bilat.io._areas import Area, AreaKind, comtrade_area
    from bilat.io._comtrade import read_comtrade
    from bilat.io._files import (
        MAX_FILE_SIZE,
        dump,
        dumps,
        from_data,
        load,
        loads,
        to_data,
    )
    from bilat.io._frame import series_from_frame
    from bilat.io._schema import json_schema
    from bilat.io._spec import FORMAT

__all__ = [
    "FORMAT",
    "MAX_FILE_SIZE",
    "Area",
    "AreaKind",
    "comtrade_area",
    "dump",
    "dumps",
    "from_data",
    "json_schema",
    "load",
    "loads",
    "read_comtrade",
    "series_from_frame",
    "to_data",
]

#: The module of each name in ``__all__``, imported on first use.
_HOMES = {
    "FORMAT": "bilat.io._spec",
    "MAX_FILE_SIZE": "bilat.io._files",
    "Area": "bilat.io._areas",
    "AreaKind": "bilat.io._areas",
    "comtrade_area": "bilat.io._areas",
    "dump": "bilat.io._files",
    "dumps": "bilat.io._files",
    "from_data": "bilat.io._files",
    "json_schema": "bilat.io._schema",
    "load": "bilat.io._files",
    "loads": "bilat.io._files",
    "read_comtrade": "bilat.io._comtrade",
    "series_from_frame": "bilat.io._frame",
    "to_data": "bilat.io._files",
}

if not TYPE_CHECKING:
    __getattr__, __dir__ = lazy_names(__name__, _HOMES, __all__)
