"""Settings shared by the tests: the hypothesis profile."""

from __future__ import annotations

from hypothesis import settings

# The test machines are slow and shared: no per-example deadline.
settings.register_profile("ci", max_examples=100, deadline=None)
settings.load_profile("ci")
