"""``python -m bilat``: the same as the ``bilat`` command."""

from __future__ import annotations

import sys

from bilat._cli import main

if __name__ == "__main__":
    sys.exit(main())
