"""`import bilat` stays light: each name and dependency loads when first used."""

from __future__ import annotations

import ast
import importlib
import pickle
from pathlib import Path

import pytest
from tests.subprocess_helper import run_python

import bilat

#: Modules that ``import bilat`` must not import.
HEAVY = ("pint", "cattrs", "pandas", "matplotlib", "numpy", "attr", "babel")

#: Modules that ``from bilat import Money`` must not import: the money core
#: needs neither pint, cattrs nor the model, files and reports.
NOT_FOR_MONEY = (
    "pint",
    "cattrs",
    "pandas",
    "matplotlib",
    "bilat._dossier",
    "bilat._project",
    "bilat._present.report",
    "bilat.io",
)

SOURCE = Path(bilat.__file__).parent

#: The layers of bilat, lowest first: a module may import, when it is
#: imported, modules of its own layer and the layers below only. What
#: reaches up (``Dossier.report``) imports inside the function that needs it.
LAYERS: dict[str, tuple[str, ...]] = {
    "base": (
        "_cache",
        "_decimal",
        "_errors",
        "_fields",
        "_fs",
        "_lazy",
        "_locale",
        "_pickling",
        "_progress",
        "_roots",
    ),
    "money": (
        "_allocation",
        "_currency",
        "_estimate",
        "_measure",
        "_money",
        "_money_format",
        "_moneybag",
        "_parse",
        "_parse_cldr",
        "_rates",
        "_scripts",
        "_unit_cache",
        "_units",
    ),
    "model": (
        "_agreement",
        "_assess",
        "_atlas",
        "_claims",
        "_country",
        "_dossier",
        "_events",
        "_ledger",
        "_measured",
        "_portfolio",
        "_project",
        "_series",
        "_source",
        "_target",
        "_trade_series",
    ),
    "io": ("io",),
    "present": (
        "__main__",
        "_cli",
        "_present",
        "examples",
    ),
}


class TestImportBilat:
    """Importing bilat loads none of its other modules and none of its dependencies."""

    def test_nothing_heavy_imported(self) -> None:
        """After `import bilat`, only bilat and its lazy loader are loaded, no dependency."""
        record = run_python(
            f"""
            import json, sys
            import bilat
            loaded = [m for m in sys.modules if m.partition(".")[0] in {HEAVY!r}]
            modules = sorted(m for m in sys.modules if m.startswith("bilat"))
            money = repr(bilat.Money(1, "USD") + bilat.Money(2, "USD"))
            print(json.dumps({{"loaded": loaded, "modules": modules, "money": money}}))
            """
        )
        assert record == {
            "loaded": [],
            "modules": ["bilat", "bilat._lazy"],
            "money": "Money('3', 'USD')",
        }

    def test_heavy_modules_detected(self) -> None:
        """The check above can fail: importing pint shows up in sys.modules."""
        record = run_python(
            f"""
            import json, sys
            import bilat, pint
            print(json.dumps({{"loaded": [m for m in {HEAVY!r} if m in sys.modules]}}))
            """
        )
        assert "pint" in record["loaded"]

    def test_money_alone(self) -> None:
        """`from bilat import Money` loads the money core, not pint, cattrs or the model."""
        record = run_python(
            f"""
            import json, sys
            from bilat import Money
            print(json.dumps({{
                "loaded": [m for m in {NOT_FOR_MONEY!r} if m in sys.modules],
                "money": repr(Money("1.5", "USD") * 2),
            }}))
            """
        )
        assert record == {"loaded": [], "money": "Money('3.0', 'USD')"}


class TestLazyNames:
    """Every public name resolves on first use, as if imported eagerly."""

    @pytest.mark.parametrize(
        ("package", "name"),
        [("bilat", n) for n in bilat.__all__]
        + [("bilat.io", n) for n in bilat.io.__all__],
    )
    def test_every_name_resolves(self, package: str, name: str) -> None:
        """Each name in __all__ of bilat and bilat.io is an attribute of the package."""
        assert getattr(importlib.import_module(package), name) is not None

    def test_names_come_from_their_modules(self) -> None:
        """A lazily loaded name is the very object its module defines."""
        from bilat import _money, io
        from bilat._present import report

        assert bilat.Money is _money.Money
        assert bilat.Report is report.Report
        assert bilat.io is io
        assert bilat.load is io.load

    def test_all_is_sorted_and_unique(self) -> None:
        """__all__ is static, without repeats, in ruff's sorting order."""
        names = bilat.__all__
        assert len(set(names)) == len(names)
        order = {True: 0, False: 1}  # constants, then classes, then the rest

        def key(name: str) -> tuple[int, int, str]:
            return (
                order[name.isupper() and len(name) > 1],
                order[name[:1].isupper()],
                name,
            )

        assert names == sorted(names, key=key)

    @pytest.mark.parametrize("package", ["bilat", "bilat.io"])
    def test_type_checkers_see_every_name(self, package: str) -> None:
        """The imports under TYPE_CHECKING cover __all__, so mypy and IDEs know each name."""
        module = importlib.import_module(package)
        tree = ast.parse(Path(str(module.__file__)).read_text(encoding="utf-8"))
        seen: set[str] = {"__version__"}
        for node in tree.body:
            if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
                for inner in node.body:
                    if isinstance(inner, ast.ImportFrom) and inner.module != "typing":
                        seen.update(a.asname or a.name for a in inner.names)
                    elif isinstance(inner, ast.AnnAssign):
                        seen.add(ast.unparse(inner.target))
        assert seen - {"pint", "__version__"} == set(module.__all__) - {"__version__"}

    def test_star_import(self) -> None:
        """`from bilat import *` binds exactly the names of __all__."""
        namespace: dict[str, object] = {}
        exec("from bilat import *", namespace)
        del namespace["__builtins__"]
        assert sorted(namespace) == sorted(bilat.__all__)

    def test_dir(self) -> None:
        """dir(bilat) lists every public name and no helper of the lazy loading."""
        names = dir(bilat)
        assert set(bilat.__all__) <= set(names)
        assert names == sorted(names)
        public = {n for n in names if not n.startswith("__")}
        assert public == set(bilat.__all__) - {"__version__"}

    def test_unknown_attribute(self) -> None:
        """An unknown name is an AttributeError with Python's usual message."""
        with pytest.raises(
            AttributeError, match=r"^module 'bilat' has no attribute 'Mony'$"
        ):
            bilat.Mony  # type: ignore[attr-defined]  # noqa: B018

    def test_unknown_import(self) -> None:
        """`from bilat import <unknown>` is an ImportError naming the name."""
        with pytest.raises(ImportError, match="cannot import name 'Mony' from 'bilat'"):
            exec("from bilat import Mony")

    def test_pickles_load_in_a_fresh_interpreter(self) -> None:
        """A pickle naming bilat.<Class> loads where nothing of bilat was imported."""
        values = [
            bilat.Money("156000000", "USD"),
            bilat.Estimate.parse("nearly $1 billion"),
            bilat.Country("KZ"),
            bilat.ProjectStatus.UNDERWAY,
        ]
        data = pickle.dumps(values).hex()
        record = run_python(
            f"""
            import json, pickle, sys
            before = sorted(m for m in sys.modules if m.startswith("bilat"))
            values = pickle.loads(bytes.fromhex({data!r}))
            print(json.dumps({{"before": before, "values": [repr(v) for v in values]}}))
            """
        )
        assert record == {"before": [], "values": [repr(v) for v in values]}


class TestLazySubpackages:
    """bilat.io and bilat.examples load on first use, and import as usual."""

    def test_on_first_use(self) -> None:
        """Neither is loaded by `import bilat`; each is by its first use."""
        record = run_python(
            """
            import json, sys
            import bilat
            before = [m for m in ("bilat.io", "bilat.examples") if m in sys.modules]
            path = bilat.examples.path().name
            schema = bilat.io.json_schema()["title"] != ""
            after = [m for m in ("bilat.io", "bilat.examples") if m in sys.modules]
            print(json.dumps({"before": before, "after": after, "path": path,
                              "schema": schema}))
            """
        )
        assert record == {
            "before": [],
            "after": ["bilat.io", "bilat.examples"],
            "path": "kazakhstan_uzbekistan.toml",
            "schema": True,
        }

    def test_load_alone(self) -> None:
        """`from bilat.io import load` leaves the Comtrade readers and the schema alone."""
        record = run_python(
            """
            import json, sys
            from bilat.io import load
            unused = ("bilat.io._comtrade", "bilat.io._frame", "bilat.io._schema")
            print(json.dumps({"loaded": [m for m in unused if m in sys.modules]}))
            """
        )
        assert record == {"loaded": []}


class TestLazyRegistry:
    """`bilat.ureg` builds the one pint registry on first use."""

    def test_ureg_on_first_use(self) -> None:
        """pint is imported by the first access to bilat.ureg, not before."""
        record = run_python(
            """
            import json, sys
            import bilat
            before = "pint" in sys.modules
            ureg = bilat.ureg
            after = "pint" in sys.modules
            length = bilat.Q_(152, "km").to("m").magnitude
            print(json.dumps({
                "before": before,
                "after": after,
                "same": bilat.ureg is ureg and bilat.Q_(1, "t").units == ureg.tonne,
                "length": length == 152_000,
            }))
            """
        )
        assert record == {
            "before": False,
            "after": True,
            "same": True,
            "length": True,
        }

    def test_kept_in_the_namespace(self) -> None:
        """Once read, ureg and Q_ are plain module attributes of the one registry."""
        from bilat._units import get_registry

        registry = get_registry()
        assert bilat.ureg is registry
        assert vars(bilat)["ureg"] is registry
        assert vars(bilat)["Q_"] is registry.Quantity
        assert bilat.Q_ is registry.Quantity


def _layer(module: str) -> str:
    """The layer of a module of bilat (``bilat._money``, ``bilat.io._files``)."""
    part = module.split(".")[1]
    for layer, members in LAYERS.items():
        if part in members:
            return layer
    raise AssertionError(f"{module} is in no layer: add it to LAYERS in {__name__}")


def _imports_at_import_time(path: Path) -> set[str]:
    """The bilat modules that ``path`` imports when it is imported.

    Imports inside functions and under ``if TYPE_CHECKING:`` are left out;
    those in class bodies, in the ``else`` of ``if TYPE_CHECKING:`` and under
    ``if not TYPE_CHECKING:`` run at import and are counted.
    """
    found: set[str] = set()

    def visit(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
                visit(node.orelse)
            elif isinstance(node, ast.ClassDef):
                visit(node.body)
            elif isinstance(node, ast.If | ast.Try | ast.With):
                visit(node.body)
                visit(getattr(node, "orelse", []))
                for handler in getattr(node, "handlers", []):
                    visit(handler.body)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.add(node.module)
                found.update(f"{node.module}.{alias.name}" for alias in node.names)

    visit(ast.parse(path.read_text(encoding="utf-8")).body)
    return {m for m in found if m.startswith("bilat.") and _is_module(m)}


def _is_module(name: str) -> bool:
    relative = Path(*name.split(".")[1:])
    return (SOURCE / relative).with_suffix(".py").is_file() or (
        SOURCE / relative
    ).is_dir()


def _modules() -> dict[str, Path]:
    """Every module of bilat but the package itself, by name."""
    found = {}
    for path in sorted(SOURCE.rglob("*.py")):
        parts = path.relative_to(SOURCE).with_suffix("").parts
        if parts != ("__init__",):
            found[".".join(("bilat", *parts)).removesuffix(".__init__")] = path
    return found


class TestLayers:
    """No module imports a higher layer when it is imported."""

    @pytest.mark.parametrize("module", sorted(_modules()))
    def test_no_upward_import(self, module: str) -> None:
        """Each module's import-time imports lie in its layer or below."""
        ranks = {layer: rank for rank, layer in enumerate(LAYERS)}
        own = ranks[_layer(module)]
        upward = sorted(
            f"{name} ({_layer(name)})"
            for name in _imports_at_import_time(_modules()[module])
            if ranks[_layer(name)] > own
        )
        assert upward == [], f"{module} ({_layer(module)}) imports upward"

    def test_detects_an_upward_import(self, tmp_path: Path) -> None:
        """The check sees a module-level import of a higher layer, not a lazy one."""
        path = tmp_path / "module.py"
        path.write_text(
            "from typing import TYPE_CHECKING\n"
            "from bilat._present.report import Report\n"
            "if TYPE_CHECKING:\n"
            "    from bilat._dossier import Dossier\n"
            "def f():\n"
            "    from bilat.io import load\n",
            encoding="utf-8",
        )
        assert _imports_at_import_time(path) == {"bilat._present.report"}

    def test_counts_what_runs_at_import(self, tmp_path: Path) -> None:
        """Imports under `if not TYPE_CHECKING:`, in its else and in classes count."""
        path = tmp_path / "module.py"
        path.write_text(
            "from typing import TYPE_CHECKING\n"
            "if not TYPE_CHECKING:\n"
            "    from bilat._present.report import Report\n"
            "if TYPE_CHECKING:\n"
            "    from bilat._money import Money\n"
            "else:\n"
            "    from bilat._dossier import Dossier\n"
            "class C:\n"
            "    from bilat.io import load\n"
            "    def f(self):\n"
            "        from bilat._trade_series import TradeSeries\n",
            encoding="utf-8",
        )
        assert _imports_at_import_time(path) == {
            "bilat._present.report",
            "bilat._dossier",
            "bilat.io",
        }
