"""Start-up time: ``import bilat``, ``from bilat import Money`` and ``bilat report``.

Every case runs in a fresh interpreter (a new process, from an empty working
directory), round after round: each round runs every case once, in an order
that turns from round to round, so a busy machine slows all cases alike. The
table gives the best and the median of the rounds, and their ratios:

* imports against ``import attrs, babel.numbers`` (what bilat's money core is
  built on), both less the start-up of ``python -c pass``, as in
  ``bench_money.py``; targets: ``import bilat`` ≤ 1.3×, ``from bilat import
  Money`` ≤ 1.5×;
* ``bilat report`` (the console script, on the bundled dossier) as wall time,
  with pint's definitions cached on disk (warm), with an empty cache folder
  (cold, the first run), and with the cache turned off; target ≤ 0.3 s, cold
  and warm.

Modules run from compiled bytecode, as from an installed wheel (kept in a
temporary ``PYTHONPYCACHEPREFIX``, so that the source tree stays as it is,
whatever ``PYTHONDONTWRITEBYTECODE`` says); a first round, not counted,
compiles them and fills the caches. Targets are judged on wall time; a second table gives the CPU time (user +
system) of the same runs, which a machine busy with other work inflates
less.

``--baseline-src DIR`` runs every case a second time with another copy of
bilat's ``src`` first on ``PYTHONPATH`` (an older checkout), in the same
rounds, and adds its figures to the table.

    python benchmarks/bench_start.py               # 15 rounds
    python benchmarks/bench_start.py --runs 5      # quicker
    python benchmarks/bench_start.py --check       # exit 1 when a target is missed
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Sequence


class Case(NamedTuple):
    """One thing to time: a command, and how to set up its cache folder."""

    name: str
    argv: tuple[str, ...]
    cache: str  # "warm", "cold" (a new empty folder each run), "off" or "" (none)


def console_script() -> tuple[str, ...]:
    """The ``bilat`` command beside this interpreter, or ``python -m bilat``."""
    script = Path(sys.executable).with_name("bilat")
    if script.is_file():
        return (str(script),)
    return (sys.executable, "-m", "bilat")  # pragma: no cover - no console script


def cases() -> list[Case]:
    python = sys.executable
    report = (*console_script(), "report")
    return [
        Case(STARTUP, (python, "-c", "pass"), ""),
        Case(BASELINE, (python, "-c", BASELINE), ""),
        Case("import bilat", (python, "-c", "import bilat"), ""),
        Case("from bilat import Money", (python, "-c", "from bilat import Money"), ""),
        Case("bilat report (warm cache)", report, "warm"),
        Case("bilat report (cold cache)", report, "cold"),
        Case("bilat report (no cache)", report, "off"),
    ]


def run_once(
    case: Case, env: dict[str, str], workdir: Path, warm: Path
) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run of ``case``, in seconds."""
    env = dict(env)
    env.pop("BILAT_NO_CACHE", None)
    cold = None
    if case.cache == "warm":
        env["BILAT_CACHE_DIR"] = str(warm)
    elif case.cache == "cold":
        cold = Path(tempfile.mkdtemp(prefix="bilat-cold-"))
        env["BILAT_CACHE_DIR"] = str(cold)
    elif case.cache == "off":
        env["BILAT_NO_CACHE"] = "1"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        case.argv, cwd=workdir, env=env, check=True, stdout=subprocess.DEVNULL
    )
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if cold is not None:
        shutil.rmtree(cold, ignore_errors=True)
    return elapsed, cpu


class Timing(NamedTuple):
    best: float
    median: float


def measure(
    runs: int, variants: dict[str, dict[str, str]]
) -> tuple[dict[tuple[str, str], Timing], dict[tuple[str, str], Timing]]:
    """Wall and CPU times of every case of every variant, over ``runs`` rounds."""
    jobs = [(variant, case) for variant in variants for case in cases()]
    walls: dict[tuple[str, str], list[float]] = {(v, c.name): [] for v, c in jobs}
    cpus: dict[tuple[str, str], list[float]] = {(v, c.name): [] for v, c in jobs}
    with (
        tempfile.TemporaryDirectory() as workdir,
        tempfile.TemporaryDirectory() as root,
    ):
        warm = {variant: Path(root, variant) for variant in variants}
        for variant, case in jobs:  # compile, fill the caches, warm the OS's files
            run_once(case, variants[variant], Path(workdir), warm[variant])
        for round_ in range(runs):
            turned = jobs[round_ % len(jobs) :] + jobs[: round_ % len(jobs)]
            for variant, case in turned:
                wall, cpu = run_once(
                    case, variants[variant], Path(workdir), warm[variant]
                )
                walls[variant, case.name].append(wall)
                cpus[variant, case.name].append(cpu)

    def summary(
        times: dict[tuple[str, str], list[float]],
    ) -> dict[tuple[str, str], Timing]:
        return {key: Timing(min(v), statistics.median(v)) for key, v in times.items()}

    return summary(walls), summary(cpus)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


#: Targets: ("import", ratio to attrs + babel) or ("wall", seconds).
TARGETS: dict[str, tuple[str, float]] = {
    "import bilat": ("import", 1.3),
    "from bilat import Money": ("import", 1.5),
    "bilat report (warm cache)": ("wall", 0.3),
    "bilat report (cold cache)": ("wall", 0.3),
}

STARTUP = "python -c pass"
BASELINE = "import attrs, babel.numbers"


def table(found: dict[tuple[str, str], Timing], variants: Sequence[str]) -> list[str]:
    """A table of results, in Markdown, then the targets missed (first variant)."""
    lines = [
        "| case | "
        + " | ".join(f"{v}: best / median" for v in variants)
        + " | target |",
        "|---|" + "---|" * len(variants) + "---|",
    ]
    missed = []
    for case in cases():
        kind, limit = TARGETS.get(case.name, ("", 0.0))
        cells = []
        for variant in variants:
            timing = found[variant, case.name]
            if case.name.startswith(("import", "from")):
                start = found[variant, STARTUP]
                base = found[variant, BASELINE]
                best = timing.best - start.best
                median = timing.median - start.median
                cell = f"{ms(best)} / {ms(median)}"
                if case.name != BASELINE:
                    ratios = (
                        best / (base.best - start.best),
                        median / (base.median - start.median),
                    )
                    cell += f" ({ratios[0]:.2f}× / {ratios[1]:.2f}×)"
                    if (
                        kind == "import"
                        and variant == variants[0]
                        and max(ratios) > limit
                    ):
                        missed.append(case.name)
            else:
                cell = f"{ms(timing.best)} / {ms(timing.median)}"
                if kind == "wall" and variant == variants[0] and timing.median > limit:
                    missed.append(case.name)
            cells.append(cell)
        target = {"import": f"≤ {limit}× attrs + babel", "wall": f"≤ {limit} s"}
        lines.append(
            f"| {case.name} | " + " | ".join(cells) + f" | {target.get(kind, '')} |"
        )
    return [*lines, "", "targets missed: " + ("; ".join(missed) or "none")]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="rounds (default: 15)")
    parser.add_argument(
        "--baseline-src",
        metavar="DIR",
        help="another bilat src folder to time in the same rounds",
    )
    parser.add_argument(
        "--check", action="store_true", help="exit with status 1 if a target is missed"
    )
    args = parser.parse_args(argv)
    skip = {"PYTHONPATH", "PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX"}
    env = {k: v for k, v in os.environ.items() if k not in skip}
    # Compiled modules, as an installed package has them, kept out of the tree.
    bytecode = tempfile.TemporaryDirectory(prefix="bilat-pyc-")
    env["PYTHONPYCACHEPREFIX"] = bytecode.name
    variants = {"this bilat": env}
    if args.baseline_src:
        variants["baseline"] = {
            **env,
            "PYTHONPATH": str(Path(args.baseline_src).resolve()),
        }
    print(
        f"{platform.python_implementation()} {platform.python_version()} on "
        f"{platform.machine()}, {os.cpu_count()} cores; {args.runs} rounds, "
        "each case once per round, interleaved; imports less `python -c pass` "
        "(ratios to `import attrs, babel.numbers`); reports whole\n"
    )
    walls, cpus = measure(args.runs, variants)
    print("Wall time (the targets):\n")
    lines = table(walls, list(variants))
    print("\n".join(lines))
    print("\nCPU time, user + system (steadier on a busy machine):\n")
    print("\n".join(table(cpus, list(variants))[:-2]))
    return 1 if args.check and not lines[-1].endswith("none") else 0


if __name__ == "__main__":
    sys.exit(main())
