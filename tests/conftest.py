"""Settings shared by the tests: the hypothesis profile, a headless plot backend."""

from __future__ import annotations

import os

from hypothesis import settings

# Charts are drawn without a display; set before matplotlib is first imported.
os.environ.setdefault("MPLBACKEND", "Agg")

# The test machines are slow and shared: no per-example deadline.
settings.register_profile("ci", max_examples=100, deadline=None)
settings.load_profile("ci")
