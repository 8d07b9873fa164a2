"""Run code in a fresh interpreter, so that bilat's caches start cold."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

#: Seconds a child may take; cold CLDR indexes and the pint registry are slow.
TIMEOUT = 180


def run(
    argv: Sequence[str], env: Mapping[str, str | None] | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run ``argv`` and keep its output as bytes.

    The child gets this process's environment changed by ``env``, where a
    value of None removes the variable.
    """
    changed = {**os.environ, **(env or {})}
    return subprocess.run(
        list(argv),
        capture_output=True,
        env={name: value for name, value in changed.items() if value is not None},
        check=False,
        timeout=TIMEOUT,
    )


def run_python(
    code: str, env: Mapping[str, str | None] | None = None
) -> dict[str, Any]:
    """Run ``code`` in a fresh interpreter and return the JSON it prints.

    The child must exit with status 0 and print one JSON object on stdout.
    """
    result = run([sys.executable, "-c", textwrap.dedent(code)], env)
    stderr = result.stderr.decode("utf-8", "backslashreplace")
    assert result.returncode == 0, stderr
    record: dict[str, Any] = json.loads(result.stdout)
    return record
