"""The example notebooks in examples/ run from top to bottom and show real results."""

from __future__ import annotations

import json
import math
import sys
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
kernelspec = pytest.importorskip("ipykernel.kernelspec")

if TYPE_CHECKING:
    from collections.abc import Iterator

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NOTEBOOKS = sorted(p.name for p in EXAMPLES.glob("*.ipynb"))


@pytest.fixture(scope="session")
def python3_kernel(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A "python3" kernelspec that runs this interpreter, found before any other.

    The spec is written to a fresh directory put first on ``JUPYTER_PATH``, so
    neither a user-level kernelspec (``~/.local``) nor a missing one in the
    environment can change which Python runs the notebooks.
    """
    prefix = tmp_path_factory.mktemp("jupyter")
    kernelspec.install(prefix=str(prefix), kernel_name="python3")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("JUPYTER_PATH", str(prefix / "share" / "jupyter"))
        yield "python3"


def _run(path: Path, kernel_name: str) -> Any:
    notebook = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        kernel_name=kernel_name,
        timeout=300,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()  # raises CellExecutionError on the first failing cell
    return notebook


def _text(cell: Any) -> str:
    """Everything a code cell printed or displayed as plain text."""
    parts = []
    for output in cell.get("outputs", []):
        if output["output_type"] == "stream":
            parts.append(output["text"])
        elif "data" in output:
            parts.append(output["data"].get("text/plain", ""))
    return "".join(parts)


def _output(notebook: Any, marker: str) -> str:
    """The text output of the one code cell whose output contains ``marker``."""
    found = [
        _text(c) for c in notebook.cells if c.cell_type == "code" and marker in _text(c)
    ]
    assert len(found) == 1, f"{len(found)} cells print {marker!r}"
    return found[0]


def _status(growth_ratio: Decimal) -> str:
    """The documented status for a growth ratio (thresholds 0.95, 0.60, 0)."""
    if growth_ratio >= Decimal("0.95"):
        return "on_track"
    if growth_ratio >= Decimal("0.60"):
        return "needs_acceleration"
    if growth_ratio >= 0:
        return "off_track"
    return "regressing"


def _eta(year: int, current: float, growth: float) -> int:
    """The first year $10 bn is reached from ``current`` at ``growth`` a year."""
    return year + math.ceil(math.log(10 / current) / math.log(1 + growth))


def _check_kazakhstan_uzbekistan(notebook: Any) -> None:
    # The 2030 target measured with 2022 = $4.6 bn (default rule) and
    # $5.0 bn (reporter="KZ"): 2021 is $3.9 bn, 2023 $4.4 bn, 2017 about
    # $2 bn and 2025 $4.97 bn in both series.
    def expected(base: float, current: float, years: int, year: int) -> str:
        growth = (current / base) ** (1 / years) - 1
        planned = (10 / base) ** (1 / (2030 - (year - years))) - 1
        status = _status(Decimal(growth) / Decimal(planned))
        eta = _eta(year, current, growth) if growth > 0 else "—"
        return f"eta {eta}, status {status}"

    cases = {
        "From 2021, as of 2022": [(3.9, 4.6, 1, 2022), (3.9, 5.0, 1, 2022)],
        "From 2022, as of 2023": [(4.6, 4.4, 1, 2023), (5.0, 4.4, 1, 2023)],
        "From the first year, as of 2025": [(2.0, 4.97, 8, 2025)] * 2,
    }
    assert [expected(*case) for figures in cases.values() for case in figures] == [
        "eta 2027, status on_track",
        "eta 2025, status on_track",
        "eta —, status regressing",
        "eta —, status regressing",
        "eta 2032, status needs_acceleration",
        "eta 2032, status needs_acceleration",
    ]
    text = _output(notebook, "From 2021, as of 2022")
    for heading, figures in cases.items():
        section = text.split(heading, 1)[1].splitlines()[1:3]
        assert [line.split()[0] for line in section] == ["default", 'reporter="KZ"']
        for line, case in zip(section, figures, strict=True):
            assert line.endswith(expected(*case)), (line, case)
    conflicts = _output(notebook, "from 4.55 to 4.65 bn")  # $4.6 bn, to 0.1 bn
    assert "from 4.95 to 5.05 bn" in conflicts  # $5.0 bn
    assert "from 4.35 to 4.45 bn" in conflicts  # $4.4 bn
    assert "from 4.6 to 5.06 bn" in conflicts  # over $4.6 bn: up to 10 % more
    railway = _output(notebook, "prepared, share")
    assert "share 69.7%" in railway  # 106 / 152 km
    assert "46 kilometer to go" in railway


def _check_money_rates_units(notebook: Any) -> None:
    done = (Decimal(106) / Decimal(152)).quantize(Decimal("0.0001"))  # 0.6974
    assert f"completion: {done} (69.7%)" in _output(notebook, "completion:")
    # 500 KZT per USD and 12,500 UZS per USD (the notebook's illustrative CSV)
    assert "\n0.04\n" in _output(notebook, "0.002")


def _check_build_your_own(notebook: Any) -> None:
    # Illustrative Comtrade rows for 2023: exports 2.25 bn + imports 1.1 bn.
    turnover = 2_250_000_000 + 1_100_000_000
    assert f"2023 {turnover} " in _output(notebook, "UN Comtrade: kz-uz-comtrade.csv")
    assert "equal after the round trip: True" in _output(notebook, "round trip")
    validated = _output(notebook, "my-dossier.toml: valid")
    assert validated.startswith("0 ")


CHECKS = {
    "01-kazakhstan-uzbekistan.ipynb": _check_kazakhstan_uzbekistan,
    "02-money-rates-units.ipynb": _check_money_rates_units,
    "03-build-your-own.ipynb": _check_build_your_own,
}


class TestNotebooks:
    """Each example notebook executes without error and shows the expected figure."""

    def test_every_notebook_is_checked(self) -> None:
        """Every notebook in examples/ has a check, and every check a notebook."""
        assert sorted(CHECKS) == NOTEBOOKS

    @pytest.mark.parametrize("name", NOTEBOOKS)
    def test_shipped_without_outputs(self, name: str) -> None:
        """Notebooks are committed with no outputs and no execution counts."""
        raw = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
        code = [c for c in raw["cells"] if c["cell_type"] == "code"]
        assert code
        assert all(c["outputs"] == [] for c in code)
        assert all(c["execution_count"] is None for c in code)

    @pytest.mark.parametrize("name", NOTEBOOKS)
    def test_runs(
        self, name: str, python3_kernel: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The notebook runs top to bottom and prints a value checked by hand."""
        monkeypatch.setenv("MPLBACKEND", "Agg")
        notebook = _run(EXAMPLES / name, python3_kernel)
        CHECKS[name](notebook)


class TestKernel:
    """The notebooks run on the interpreter running the tests."""

    def test_kernel_is_this_python(self, python3_kernel: str, tmp_path: Path) -> None:
        """The "python3" kernel reports this interpreter's sys.executable."""
        notebook = nbformat.v4.new_notebook()
        notebook.cells = [
            nbformat.v4.new_code_cell("import sys; print(sys.executable)")
        ]
        path = tmp_path / "which.ipynb"
        nbformat.write(notebook, path)
        ran = _run(path, python3_kernel)
        assert _text(ran.cells[0]).strip() == sys.executable
