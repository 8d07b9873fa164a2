"""UN Comtrade's area codes: which code is which country, and which is an aggregate.

The expected values are typed from UN Comtrade's reference files of reporters
and partner areas (``Reporters.json``, ``partnerAreas.json`` and the legacy
``reporterAreas.json``/``partnerAreas.json``), not read from bilat's table.
"""

from __future__ import annotations

import csv
import functools
import importlib.util
import json
import pickle
import sys
from importlib.resources import files
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.strategies import countries
from tests.subprocess_helper import run_python

import bilat
from bilat import Country
from bilat.io import Area, AreaKind, comtrade_area
from bilat.io._areas import DATA_FILE, _read_table, area, codes_for

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "comtrade_areas.py"


def _table_text() -> str:
    return files("bilat.io").joinpath(DATA_FILE).read_text(encoding="utf-8")


def _rows() -> list[dict[str, str]]:
    lines = [line for line in _table_text().splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines))


class TestCountryCodes:
    """Codes that stand for one country, Comtrade's own codes included."""

    @pytest.mark.parametrize(
        ("code", "alpha2"),
        [
            (381, "IT"),  # legacy files: Italy
            (380, "IT"),  # v1 files: Italy
            (251, "FR"),  # France, Monaco
            (250, "FR"),  # Metropolitan France
            (699, "IN"),
            (579, "NO"),  # Norway, Svalbard and Jan Mayen
            (757, "CH"),  # Switzerland, Liechtenstein
            (842, "US"),  # USA, Puerto Rico and US Virgin Islands
            (840, "US"),
            (398, "KZ"),
            (860, "UZ"),
            (158, "TW"),  # Taiwan, Province of China (a partner only)
            (412, "XK"),  # Kosovo, which Comtrade codes _KS
            (356, "IN"),  # India, excluding Sikkim, until 1974
        ],
    )
    def test_country(self, code: int, alpha2: str) -> None:
        """The code is the country its reference row names."""
        found = area(code)
        assert found is not None
        assert found.kind is AreaKind.COUNTRY
        assert found.country == Country(alpha2)
        assert found.code == code

    def test_name_is_comtrades(self) -> None:
        """The name is Comtrade's, not bilat's name for the country."""
        found = area(842)
        assert found is not None
        assert found.name == "USA"


class TestAggregates:
    """Codes that are never one side of a pair."""

    @pytest.mark.parametrize(
        "code",
        [
            0,  # World
            97,  # European Union (a reporter)
            975,  # ASEAN (a reporter)
            899,  # Areas, nes
            490,  # Other Asia, nes: a group in Reporters.json
            492,  # Europe EU, nes, although its row carries Monaco's codes
            837,  # Bunkers
            838,  # Free Zones
            839,  # Special Categories
            810,  # USSR (...1990)
            280,  # Fed. Rep. of Germany (...1990)
            736,  # Sudan (...2011), before South Sudan
            230,  # Ethiopia (...1992), before Eritrea
            58,  # Belgium-Luxembourg (...1998)
            841,  # USA and Puerto Rico (...1980)
        ],
    )
    def test_aggregate(self, code: int) -> None:
        """The code is an aggregate, with no country."""
        found = area(code)
        assert found is not None
        assert found.kind is AreaKind.AGGREGATE
        assert found.country is None

    @pytest.mark.parametrize(
        ("former", "successor", "alpha2"),
        [(736, 729, "SD"), (230, 231, "ET"), (280, 276, "DE"), (58, 56, "BE")],
    )
    def test_successor_is_the_country(
        self, former: int, successor: int, alpha2: str
    ) -> None:
        """The former area's successor code, not the former code, is the country."""
        found = area(successor)
        assert found is not None
        assert found.country == Country(alpha2)
        assert former not in codes_for(Country(alpha2))


class TestUnknown:
    """A code Comtrade does not list is None, for the readers to name."""

    @pytest.mark.parametrize("code", [1, 999, 1000, -1, 10**50])
    def test_none(self, code: int) -> None:
        """area() and comtrade_area() return None."""
        assert area(code) is None
        assert comtrade_area(code) is None


class TestCodesFor:
    """Every code of a country, ISO's and Comtrade's own."""

    @pytest.mark.parametrize(
        ("alpha2", "codes"),
        [
            ("IT", {380, 381}),
            ("US", {840, 842}),
            ("FR", {250, 251}),
            ("NO", {578, 579}),
            ("CH", {756, 757}),
            ("IN", {356, 699}),
            ("KZ", {398}),
            ("UZ", {860}),
            ("SD", {729}),
            ("DE", {276}),
            ("TW", {158}),
            ("MC", set()),  # reported with France (251)
        ],
    )
    def test_codes(self, alpha2: str, codes: set[int]) -> None:
        """codes_for gives exactly the codes whose area is the country."""
        assert codes_for(Country(alpha2)) == codes

    @given(country=countries(), code=st.integers(min_value=0, max_value=999))
    def test_agrees_with_area(self, country: Country, code: int) -> None:
        """A code is in codes_for(c) exactly when area(code) is the country c."""
        found = area(code)
        is_country = found is not None and found.country == country
        assert (code in codes_for(country)) == is_country


class TestTable:
    """The bundled table: its source, and one reading per code."""

    def test_header_names_source_and_date(self) -> None:
        """The header gives the publisher, the reference files' URLs and date."""
        header = [line for line in _table_text().splitlines() if line.startswith("#")]
        text = "\n".join(header)
        assert "United Nations Statistics Division" in text
        assert (
            "https://comtradeapi.un.org/files/v1/app/reference/Reporters.json" in text
        )
        assert (
            "https://comtradeapi.un.org/files/v1/app/reference/partnerAreas.json"
            in text
        )
        assert "https://comtrade.un.org/Data/cache/partnerAreas.json" in text
        assert "2025-06-05" in text
        assert "scripts/comtrade_areas.py" in text

    def test_one_row_per_code(self) -> None:
        """No code is listed twice, so no code has two readings."""
        codes = [row["code"] for row in _rows()]
        assert len(codes) == len(set(codes))

    def test_every_row_loads(self) -> None:
        """Each row's kind and country are what area() returns."""
        for row in _rows():
            found = area(int(row["code"]))
            assert found is not None
            assert found.kind is AreaKind(row["kind"])
            if found.kind is AreaKind.COUNTRY:
                assert found.country == Country(row["country"])
            else:
                assert found.country is None
                assert row["country"] == ""

    def test_every_listed_country_has_a_code(self) -> None:
        """Each alpha-2 of a current, single area that bilat knows has a code."""
        known = set(_alpha2s())
        for row in _rows():
            single = row["is_group"] == "false" and not row["name"].endswith(" nes")
            if single and not row["until_year"] and row["iso2"] in known:
                assert codes_for(Country(row["iso2"])), row

    def test_monaco_is_the_one_country_without_a_code(self) -> None:
        """Every country bilat knows but Monaco has a Comtrade code."""
        missing = [a for a in _alpha2s() if not codes_for(Country(a))]
        assert missing == ["MC"]

    @pytest.mark.parametrize(
        "body",
        [
            "code,name,kind,country\n1,A,country,AF\n1,B,aggregate,\n",
            "code,name,kind,country\n1,A,aggregate,AF\n",
            "code,name,kind\n1,A,aggregate\n",
        ],
        ids=["twice", "aggregate-with-country", "no-country-column"],
    )
    def test_damaged_table_refused(self, body: str) -> None:
        """A table that lists a code twice, or badly, is refused when read."""
        with pytest.raises(RuntimeError, match=DATA_FILE):
            _read_table("# header\n" + body)

    def test_loaded_on_first_use(self) -> None:
        """Importing bilat.io does not read the table; the first lookup does."""
        record = run_python(
            """
            import json
            import bilat.io
            from bilat.io import _areas
            before = _areas._table.cache_info().currsize
            bilat.io.comtrade_area(398)
            print(json.dumps({"before": before, "after": _areas._table.cache_info().currsize}))
            """
        )
        assert record == {"before": 0, "after": 1}


def _alpha2s() -> list[str]:
    from bilat._country import _codes

    return sorted(_codes().alpha3)


class TestComtradeArea:
    """The public lookup: what it takes and what it refuses."""

    @pytest.mark.parametrize(
        ("code", "alpha2"),
        [("381", "IT"), (" 040 ", "AT"), ("0", None), (np.int64(251), "FR")],
    )
    def test_text_and_numpy(self, code: object, alpha2: str | None) -> None:
        """Codes as text (as in a CSV column) and NumPy integers are read."""
        found = comtrade_area(code)  # type: ignore[arg-type]
        assert found is not None
        assert found.country == (alpha2 and Country(alpha2))

    @pytest.mark.parametrize("code", [True, 381.0, None, b"381", [381]])
    def test_wrong_type(self, code: object) -> None:
        """A bool, float, bytes or None is refused, naming the value."""
        with pytest.raises(bilat.NumberTypeError, match="Comtrade area code"):
            comtrade_area(code)  # type: ignore[arg-type]

    @pytest.mark.parametrize("code", ["", "IT", "3.5", "-1", "١٢٣", "1" * 7])
    def test_not_digits(self, code: str) -> None:
        """Text that is not a code of ASCII digits is refused, naming it."""
        with pytest.raises(
            bilat.InvalidNumberError, match="Comtrade area code"
        ) as info:
            comtrade_area(code)
        assert repr(code) in str(info.value)
        assert not isinstance(info.value, TypeError)

    def test_public_path(self) -> None:
        """Area and AreaKind say they are bilat.io's, and pickle by that path."""
        found = comtrade_area(757)
        assert found is not None
        assert (Area.__module__, AreaKind.__module__) == ("bilat.io", "bilat.io")
        assert b"bilat.io._areas" not in pickle.dumps(found)
        assert pickle.loads(pickle.dumps(found)) == found


@functools.cache
def _load_script() -> ModuleType:
    name = "comtrade_areas_script"
    spec = importlib.util.spec_from_file_location(name, SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _v1(
    code: int, text: str, a2: str | None, a3: str | None, **more: object
) -> dict[str, object]:
    return {
        "id": code,
        "text": text,
        "PartnerCode": code,
        "PartnerDesc": text,
        "PartnerCodeIsoAlpha2": a2,
        "PartnerCodeIsoAlpha3": a3,
        "entryEffectiveDate": "1900-01-01T00:00:00",
        "entryExpiredDate": None,
        "isGroup": False,
        **more,
    }


class TestGenerator:
    """scripts/comtrade_areas.py reads Comtrade's files by its documented rules."""

    @pytest.fixture
    def files_(self, tmp_path: Path) -> dict[str, Path]:
        reporters = [
            _v1(4, "Afghanistan", "AF", "AFG"),
            _v1(97, "European Union", "EU", "EUR", isGroup=True),
            _v1(
                736,
                "Sudan (...2011)",
                "SD",
                "SDN",
                entryExpiredDate="2011-12-31T00:00:00",
            ),
            _v1(
                356,
                "India (...1974)",
                "IN",
                "IND",
                entryExpiredDate="1974-12-31T00:00:00",
            ),
        ]
        partners = [
            _v1(0, "World", None, "W00", isGroup=True),
            _v1(4, "Afghanistan", "AF", "AFG"),
            _v1(899, "Areas, nes", None, "_X"),
            _v1(492, "Europe EU, nes", "MC", "MCO"),
            _v1(
                810,
                "USSR (...1990)",
                "SU",
                "SUN",
                entryExpiredDate="1990-12-31T00:00:00",
            ),
            _v1(80, "Br. Antarctic Terr.", "BQ", "ATB"),
        ]
        legacy = {
            "more": False,
            "results": [
                {"id": "all", "text": "All"},
                {"id": "4", "text": "Afghanistan"},
                {"id": "381", "text": "Italy"},
            ],
        }
        paths = {
            "reporters": tmp_path / "Reporters.json",
            "partners": tmp_path / "partnerAreas.json",
            "legacy": tmp_path / "legacy.json",
            "out": tmp_path / "out.csv",
        }
        paths["reporters"].write_text(
            json.dumps({"results": reporters}), encoding="utf-8"
        )
        paths["partners"].write_text(
            json.dumps({"results": partners}), encoding="utf-8"
        )
        paths["legacy"].write_text(json.dumps(legacy), encoding="utf-8")
        return paths

    def _run(self, paths: dict[str, Path], *extra: str) -> list[dict[str, str]]:
        argv = [
            "--reporters", str(paths["reporters"]),
            "--partners", str(paths["partners"]),
            "--date", "2025-06-05",
            "--copy", "a test copy",
            "-o", str(paths["out"]),
            *extra,
        ]  # fmt: skip
        assert _load_script().main(argv) == 0
        text = paths["out"].read_text(encoding="utf-8")
        assert "# " in text.splitlines()[0]
        return list(
            csv.DictReader(x for x in text.splitlines() if not x.startswith("#"))
        )

    def test_rules(self, files_: dict[str, Path]) -> None:
        """Each code gets the kind, country and rule the module docstring states."""
        legacy = ["--legacy", str(files_["legacy"]), "--legacy-date", "2018-07-19"]
        rows = self._run(files_, *legacy, "--legacy-copy", "a test copy")
        got = {int(r["code"]): (r["kind"], r["country"], r["rule"]) for r in rows}
        assert got == {
            0: ("aggregate", "", "group"),
            4: ("country", "AF", "iso"),
            80: ("aggregate", "", "no-iso"),
            97: ("aggregate", "", "group"),
            356: ("country", "IN", "iso"),
            381: ("country", "IT", "decided"),
            492: ("aggregate", "", "nes"),
            736: ("aggregate", "", "former"),
            810: ("aggregate", "", "no-iso"),
            899: ("aggregate", "", "nes"),
        }
        afghanistan = next(r for r in rows if r["code"] == "4")
        assert afghanistan["tables"] == "reporter+partner+legacy"
        assert (afghanistan["from_year"], afghanistan["until_year"]) == ("1900", "")

    def test_legacy_code_needs_a_decision(self, files_: dict[str, Path]) -> None:
        """A code only the legacy files list, with no decision, stops the script."""
        legacy = json.loads(files_["legacy"].read_text(encoding="utf-8"))
        legacy["results"].append({"id": "999", "text": "Somewhere"})
        files_["legacy"].write_text(json.dumps(legacy), encoding="utf-8")
        extra = ["--legacy", str(files_["legacy"]), "--legacy-date", "2018-07-19"]
        with pytest.raises(SystemExit, match="999"):
            self._run(files_, *extra, "--legacy-copy", "a test copy")
