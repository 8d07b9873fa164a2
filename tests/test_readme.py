"""The README's examples run and show what they claim."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"

#: A fenced ``pycon`` block: its first line number comes from the match start.
PYCON_BLOCK = re.compile(r"^```pycon\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def pycon_blocks(text: str) -> list[tuple[int, str]]:
    """The ``pycon`` blocks of a Markdown text, with their first line numbers."""
    return [
        (text.count("\n", 0, m.start(1)), m.group(1))
        for m in PYCON_BLOCK.finditer(text)
    ]


class TestReadme:
    """Every interactive example in README.md is checked as a doctest."""

    def test_blocks_found(self) -> None:
        """The extraction finds the quick tour (so the doctest cannot pass empty)."""
        sample = "text\n```pycon\n>>> 1 + 1\n2\n```\nmore\n```sh\nls\n```\n"
        assert pycon_blocks(sample) == [(2, ">>> 1 + 1\n2\n")]
        assert len(pycon_blocks(README.read_text(encoding="utf-8"))) >= 1

    def test_examples(self) -> None:
        """All pycon blocks run in order, sharing their names, without a failure."""
        parser = doctest.DocTestParser()
        runner = doctest.DocTestRunner(
            optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
        )
        globs: dict[str, object] = {}
        for lineno, block in pycon_blocks(README.read_text(encoding="utf-8")):
            test = parser.get_doctest(block, globs, "README.md", str(README), lineno)
            runner.run(test)
        results = runner.summarize(verbose=False)
        assert results.attempted >= 5
        assert results.failed == 0
