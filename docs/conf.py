"""Sphinx configuration for the bilat documentation."""

from __future__ import annotations

import importlib.metadata

project = "bilat"
author = "The bilat developers"
copyright = "2026, The bilat developers"
release = importlib.metadata.version("bilat")
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_nb",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
]

source_suffix = {".md": "myst-nb", ".ipynb": "myst-nb"}
exclude_patterns = ["_build", "**.ipynb_checkpoints"]
myst_enable_extensions = ["colon_fence", "deflist", "dollarmath"]
myst_heading_anchors = 3

# Notebooks are executed when the docs are built, so every page shows
# current output; a failing cell fails the build.
nb_execution_mode = "cache"
nb_execution_timeout = 300
nb_execution_raise_on_error = True

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_format = "short"
autodoc_default_options = {"members": True, "show-inheritance": False}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
nitpicky = False

# No intersphinx: the documentation builds offline, without fetching other
# projects' inventories.

html_theme = "furo"
html_title = "bilat"
html_static_path: list[str] = []
