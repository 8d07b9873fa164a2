"""The files here are read by mypy and by tests/typing/test_must_fail.py, never collected.

Many of their lines are wrong on purpose: importing them would raise.
"""

collect_ignore_glob = ["*.py"]
