"""Run the fuzz tests long: 50,000 generated inputs per entry point by default.

Usage::

    python benchmarks/fuzz.py                # 50,000 inputs per fuzz test
    python benchmarks/fuzz.py --examples 2000
    python benchmarks/fuzz.py -- -k parse    # extra pytest arguments

The suite's normal run tries a few hundred inputs per test; this script runs
the same tests with ``BILAT_FUZZ_EXAMPLES`` set and prints hypothesis's
statistics, so the inputs tried can be counted. It runs every test module that
takes its settings from ``tests/fuzzing.py`` (``FUZZ`` or ``fuzz()``): the text, file and
Comtrade fuzz suites, hostile arguments to every public callable, and the
pickling, unit-text and file-round-trip properties.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=50_000)
    parser.add_argument("pytest_args", nargs="*", help="passed on to pytest")
    args = parser.parse_args()
    tests = sorted(
        str(path)
        for path in (ROOT / "tests").glob("test_*.py")
        if "from tests.fuzzing import" in path.read_text(encoding="utf-8")
    )
    env = dict(os.environ, BILAT_FUZZ_EXAMPLES=str(args.examples))
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "--hypothesis-show-statistics",
        *tests,
        *args.pytest_args,
    ]
    print(f"{args.examples:,} inputs per test:", " ".join(command[3:]), flush=True)
    start = time.perf_counter()
    result = subprocess.run(command, env=env, cwd=ROOT, check=False)
    print(f"fuzzing took {time.perf_counter() - start:.0f} s")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
