"""bilat.io: dossier files, Comtrade readers and areas.

A line ending in ``# E: <code>`` must be rejected by ``mypy --strict`` with
exactly that error code; every other line must be accepted
(tests/typing/test_must_fail.py checks both).
"""

from __future__ import annotations

from pathlib import Path

from bilat import Country, Dossier, Source, TradeMetric
from bilat.io import (
    Area,
    AreaKind,
    comtrade_area,
    dump,
    dumps,
    from_data,
    load,
    loads,
    read_comtrade,
    series_from_frame,
    to_data,
)

dossier = Dossier("Kazakhstan and Uzbekistan", ("KZ", "UZ"))
text = dumps(dossier, "json")
ints: list[int] = [1, 2]
loads(text, "json", file="dossier.json")
loads(dumps(dossier))
from_data(to_data(dossier))
comtrade_area(398)
comtrade_area("398")
loads(text.encode())  # E: arg-type
loads(text, "yaml")  # E: arg-type
loads(text, file=Path("dossier.json"))  # E: arg-type
dumps(text)  # E: arg-type
dumps(dossier, "yaml")  # E: arg-type
to_data(text)  # E: arg-type
comtrade_area(398.0)  # E: arg-type
comtrade_area(Country("KZ"))  # E: arg-type
load(5)  # E: arg-type
load(["dossier.toml"])  # E: arg-type
load("dossier.toml", max_size="1 MB")  # E: arg-type
dump(text, "dossier.toml")  # E: arg-type
dump(dossier, 5)  # E: arg-type
read_comtrade(5)  # E: arg-type
read_comtrade(ints)  # E: arg-type
read_comtrade("comtrade.csv", metric=AreaKind.COUNTRY)  # E: arg-type
read_comtrade("comtrade.csv", accessed=2024)  # E: arg-type
series_from_frame(None, reporter=5)  # E: arg-type
series_from_frame(None, currency=840)  # E: arg-type
series_from_frame(None, metric=AreaKind.COUNTRY)  # E: arg-type
series_from_frame(None, source=ints)  # E: arg-type


def _not_run(folder: Path, frame: object) -> None:
    """Type-checked, not run: these read and write files, and Area is a plain NamedTuple."""
    path = folder / "dossier.toml"
    dump(dossier, path)
    dump(dossier, str(path))
    load(path)
    load(str(path), max_size=1_000_000)
    read_comtrade(
        [folder / "KZ.csv", str(folder / "UZ.csv")],
        pairs=[("KZ", 860), (Country("KZ"), "UZB")],
        metric="exports",
        accessed="2025-01-31",
        progress=True,
    )
    read_comtrade(folder / "KZ.csv", None, TradeMetric.IMPORTS)
    series_from_frame(
        frame,
        reporter="reporter",
        partner="partner",
        year="year",
        value="value",
        flow="flow",
        currency="EUR",
        metric="exports",
        pairs=[("KZ", "UZ")],
        source=Source("UN Comtrade"),
    )
    series_from_frame(frame, source="UN Comtrade")
    Area(398, "Kazakhstan", AreaKind.COUNTRY, Country("KZ"))
    Area(0, "World", AreaKind.AGGREGATE, None)
    Area("398", "Kazakhstan", AreaKind.COUNTRY, Country("KZ"))  # E: arg-type
    Area(398, "Kazakhstan", "country", Country("KZ"))  # E: arg-type
    Area(398, "Kazakhstan", AreaKind.COUNTRY, "KZ")  # E: arg-type
