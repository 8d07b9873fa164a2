"""Calls that ``mypy --strict`` must reject, and calls it must accept.

The files in ``tests/typing/fail/`` call bilat's public constructors and
functions. A line that must be rejected ends with a marker naming the error
codes mypy must give it, and no others::

    Project("Railway", ["KZ", "UZ"], "underway", count="three")  # E: arg-type

Several codes are separated by commas (``# E: arg-type, call-arg``). Every
other line must be accepted, so an annotation that is too narrow (refusing
ISO date text, a numeric country code or a single Source) fails as surely as
one that is too wide (``object``).

:class:`TestTypeCheck` runs mypy on those files; it is marked ``typecheck``
(mypy takes tens of seconds without its cache) and runs on its own:
``pytest -m typecheck``. The other classes are quick and run with the suite:
the markers are well formed, every public callable has a case, the cases are
true at run time (a marked call raises, every other top-level statement
runs; function bodies are type-checked only), and the comparison with mypy's
output names each kind of difference. The normal ``mypy --strict src tests`` run skips ``tests/typing/fail/``
(pyproject's ``exclude``), and pytest never collects it.
"""

from __future__ import annotations

import ast
import enum
import inspect
import re
import tokenize
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest

import bilat
import bilat.io
from bilat import BilatError

#: The checkout's root: mypy reads its configuration and cache there.
ROOT = Path(__file__).resolve().parents[2]

#: The folder of case files.
CASES = Path(__file__).resolve().parent / "fail"

#: Public callables that need no case, and why.
NO_CASE = {
    "BilatError": "takes any arguments, as Exception does",
    "BilatWarning": "takes any arguments, as Warning does",
    "IncompleteDataWarning": "takes any arguments, as Warning does",
    "Q_": "pint's Quantity class, typed by pint",
    "ureg": "pint's unit registry, typed by pint",
    "UnknownCurrencyError": "takes the code it could not find, of any type",
    "UnknownLocaleError": "takes the locale it could not find, of any type",
    "Progress": "a result of Target.progress, not built by callers",
    "from_data": "takes any data (what a file held) and checks it",
}

_MARKER = re.compile(r"#\s*E:\s*(?P<codes>.*?)\s*")
_CODE = re.compile(r"[a-z][a-z0-9-]*")
_MYPY_LINE = re.compile(
    r"(?P<path>.+?):(?P<line>\d+):(?:\d+:)? (?P<severity>error|note): (?P<message>.*?)"
    r"(?:  \[(?P<code>[a-z0-9-]+)\])?"
)

#: Where each marked line is: (file name, line number) → the codes it must get.
Markers = dict[tuple[str, int], frozenset[str]]


def _case_files() -> list[Path]:
    """The files of cases (the folder's conftest only keeps pytest out)."""
    return sorted(p for p in CASES.glob("*.py") if p.name != "conftest.py")


def _markers(path: Path) -> Markers:
    """The marked lines of one file; a malformed marker raises ValueError."""
    found: Markers = {}
    with path.open("rb") as f:
        for token in tokenize.tokenize(f.readline):
            if token.type != tokenize.COMMENT:
                continue
            line = token.start[0]
            match = _MARKER.fullmatch(token.string)
            if match is None:
                if re.match(r"#\s*E(\s|:|$)", token.string):
                    raise ValueError(
                        f"{path.name}:{line}: malformed marker {token.string!r}"
                    )
                continue
            codes = [code.strip() for code in match["codes"].split(",")]
            if not all(_CODE.fullmatch(code) for code in codes):
                raise ValueError(
                    f"{path.name}:{line}: malformed marker {token.string!r}: "
                    "expected '# E: code' or '# E: code, code'"
                )
            found[path.name, line] = frozenset(codes)
    return found


def _all_markers() -> Markers:
    found: Markers = {}
    for path in _case_files():
        found.update(_markers(path))
    return found


def _statements(tree: ast.Module) -> Iterator[ast.stmt]:
    """Every statement of a module, those in function bodies included."""
    for node in ast.walk(tree):
        if isinstance(node, ast.stmt):
            yield node


def _lines(node: ast.stmt) -> range:
    return range(node.lineno, (node.end_lineno or node.lineno) + 1)


def _called_names(node: ast.AST) -> set[str]:
    """The names a statement calls: ``Money``, ``ExchangeRates`` of ``ExchangeRates.from_csv``."""
    names: set[str] = set()
    for call in ast.walk(node):
        if not isinstance(call, ast.Call):
            continue
        func = call.func
        while isinstance(func, ast.Attribute):
            func = func.value
        if isinstance(func, ast.Name):
            names.add(func.id)
    return names


def _called_on_marked_lines() -> set[str]:
    """The names called by the statements that must fail."""
    called: set[str] = set()
    for path in _case_files():
        markers = _markers(path)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in _statements(tree):
            if isinstance(node, ast.FunctionDef):
                continue
            if any((path.name, n) in markers for n in _lines(node)):
                called |= _called_names(node)
    return called


def _public_callables() -> set[str]:
    """The public names of bilat and bilat.io that take arguments (enums aside)."""
    found: set[str] = set()
    for module in (bilat, bilat.io):
        for name in module.__all__:
            value = getattr(module, name)
            if inspect.ismodule(value) or not callable(value):
                continue
            if isinstance(value, type) and issubclass(value, enum.Enum):
                continue  # members are looked up by value, not built
            try:
                takes = bool(inspect.signature(value).parameters)
            except ValueError:  # no signature to read: count it
                takes = True
            if takes:
                found.add(name)
    return found


def _source_line(name: str, line: int) -> str:
    return (CASES / name).read_text(encoding="utf-8").splitlines()[line - 1].strip()


def _differences(markers: Markers, output: str) -> list[str]:
    """Where mypy's output and the markers disagree, under one heading per kind.

    ``output`` is mypy's standard output, its paths relative to :data:`ROOT`.
    """
    errors: dict[tuple[str, int], set[str]] = defaultdict(set)
    messages: dict[tuple[str, int], list[str]] = defaultdict(list)
    elsewhere: list[str] = []
    for line in output.splitlines():
        match = _MYPY_LINE.fullmatch(line)
        if match is None or match["severity"] != "error":
            continue
        path = (ROOT / match["path"]).resolve()
        if path.parent != CASES:
            elsewhere.append(line)
            continue
        key = (path.name, int(match["line"]))
        errors[key].add(match["code"] or "?")
        messages[key].append(match["message"])

    accepted = [
        f"  {name}:{n}: {_source_line(name, n)}"
        for (name, n) in sorted(markers)
        if (name, n) not in errors
    ]
    wrong_code = [
        f"  {name}:{n}: expected [{', '.join(sorted(codes))}], got "
        f"[{', '.join(sorted(errors[name, n]))}]: {'; '.join(messages[name, n])}"
        for (name, n), codes in sorted(markers.items())
        if (name, n) in errors and errors[name, n] != codes
    ]
    rejected = [
        f"  {name}:{n}: [{', '.join(sorted(codes))}] {'; '.join(messages[name, n])}"
        for (name, n), codes in sorted(errors.items())
        if (name, n) not in markers
    ]
    report: list[str] = []
    if accepted:
        report += ["wrongly accepted (a must-fail line type-checks):", *accepted]
    if wrong_code:
        report += ["rejected with other error codes than marked:", *wrong_code]
    if rejected:
        report += ["wrongly rejected (a valid line fails):", *rejected]
    if elsewhere:
        report += ["errors outside the case files:", *elsewhere]
    return report


class TestMarkers:
    """The case files are well formed."""

    def test_markers_parse(self) -> None:
        """Every marker names one or more error codes."""
        markers = _all_markers()
        assert markers
        assert all(codes for codes in markers.values())

    def test_a_malformed_marker_is_refused(self, tmp_path: Path) -> None:
        """A marker without a code is an error, not a line that must pass."""
        path = tmp_path / "case.py"
        path.write_text('Money(None, "USD")  # E:\n', encoding="utf-8")
        with pytest.raises(ValueError, match=r"case\.py:1: malformed marker"):
            _markers(path)

    def test_each_marked_statement_is_one_line(self) -> None:
        """A must-fail call fits on its line, where mypy reports it."""
        spread: list[str] = []
        for path in _case_files():
            markers = _markers(path)
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in _statements(tree):
                if isinstance(node, ast.FunctionDef):
                    continue
                lines = _lines(node)
                if len(lines) > 1 and any((path.name, n) in markers for n in lines):
                    spread.append(f"{path.name}:{node.lineno}")
        assert not spread, f"marked statements over several lines: {spread}"


class TestCoverage:
    """Every public callable has at least one case that must fail."""

    def test_every_public_callable_has_a_case(self) -> None:
        """Each public constructor and function is called wrongly on a marked line."""
        missing = _public_callables() - _called_on_marked_lines() - set(NO_CASE)
        assert not missing, (
            f"public callables without a must-fail case: {sorted(missing)}"
        )

    def test_no_case_lists_only_public_callables_without_cases(self) -> None:
        """An exemption names a public callable, not one that has cases or is gone."""
        assert set(NO_CASE) <= _public_callables()
        assert not set(NO_CASE) & _called_on_marked_lines()


class TestRunTime:
    """The cases are true at run time: a marked call raises, every other statement runs."""

    def test_cases_run_as_marked(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Top-level statements run; the marked ones raise a BilatError or TypeError.

        Function bodies in the files are type-checked only: they hold calls
        that read or write files, or that no check refuses at run time.
        """
        monkeypatch.chdir(tmp_path)  # a stray file would land here
        problems: list[str] = []
        for path in _case_files():
            markers = _markers(path)
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            namespace: dict[str, object] = {"__name__": f"cases_{path.stem}"}
            for node in tree.body:
                where = f"{path.name}:{node.lineno}"
                marked = not isinstance(node, ast.FunctionDef) and any(
                    (path.name, n) in markers for n in _lines(node)
                )
                code = compile(ast.Module([node], []), str(path), "exec")
                try:
                    exec(code, namespace)
                except (BilatError, TypeError) as e:
                    if not marked:
                        problems.append(f"{where}: raised {type(e).__name__}: {e}")
                except Exception as e:  # noqa: BLE001 - reported below
                    problems.append(f"{where}: raised {type(e).__name__}: {e}")
                else:
                    if marked:
                        problems.append(f"{where}: accepted at run time")
        assert not problems, "\n".join(problems)


class TestComparison:
    """The comparison of mypy's output with the markers names each difference."""

    def test_each_kind_of_difference_is_listed(self) -> None:
        """A line accepted, one with another code, one wrongly rejected, one elsewhere."""
        fail = "tests/typing/fail"
        markers: Markers = {
            ("money.py", 40): frozenset({"arg-type"}),
            ("money.py", 41): frozenset({"call-arg"}),
            ("money.py", 42): frozenset({"arg-type", "call-arg"}),
        }
        output = "\n".join(
            [
                f"{fail}/money.py:41: error: Wrong type  [arg-type]",
                f"{fail}/money.py:42: error: Wrong type  [arg-type]",
                f"{fail}/money.py:42: error: Too many arguments  [call-arg]",
                f"{fail}/money.py:42: note: Possible overload variants:",
                f"{fail}/money.py:1: error: Oops  [misc]",
                "src/bilat/_money.py:3: error: Name undefined  [name-defined]",
                "Found 5 errors in 2 files (checked 6 source files)",
            ]
        )
        report = "\n".join(_differences(markers, output))
        assert "wrongly accepted" in report
        assert "money.py:40: " in report
        assert "money.py:41: expected [call-arg], got [arg-type]: Wrong type" in report
        assert "money.py:42" not in report
        assert "money.py:1: [misc] Oops" in report
        assert "src/bilat/_money.py:3: error" in report

    def test_agreement_is_no_difference(self) -> None:
        """Errors on exactly the marked lines, with their codes, leave nothing to report."""
        markers: Markers = {("model.py", 7): frozenset({"arg-type"})}
        output = "tests/typing/fail/model.py:7: error: Wrong type  [arg-type]\n"
        assert _differences(markers, output) == []


@pytest.mark.typecheck
class TestTypeCheck:
    """mypy rejects exactly the marked lines, with exactly the marked codes."""

    def test_mypy_rejects_exactly_the_marked_lines(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Run mypy with the project's configuration and compare its errors with the markers."""
        from mypy import api

        # The configuration's paths, and mypy's cache, are the checkout's.
        monkeypatch.chdir(ROOT)
        files = [str(p.relative_to(ROOT)) for p in sorted(CASES.glob("*.py"))]
        stdout, stderr, status = api.run(
            ["--strict", "--config-file", "pyproject.toml", *files]
        )
        if status not in (0, 1):
            pytest.fail(f"mypy failed (status {status}):\n{stderr}{stdout}")

        report = _differences(_all_markers(), stdout)
        assert not report, "\n".join(report)
