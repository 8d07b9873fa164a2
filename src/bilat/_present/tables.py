"""Tables of a text or Markdown report: one renderer for both.

A table is a header row and body rows of plain text cells, and an
alignment for each column (numbers right, words left). :func:`text_table`
lines the columns up by the width the cells take on a terminal (East Asian
wide characters take two columns, combining marks none:
:func:`display_width`); :func:`markdown_table` writes a pipe table whose
cells read back as given (:func:`markdown_cells`), Markdown's punctuation
escaped. Cells are shown as :func:`~bilat._present.labels.visible` shows
text: on one line, controls escaped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Literal, TypeAlias

from bilat._present.labels import visible

__all__ = [
    "Align",
    "display_width",
    "markdown_cells",
    "markdown_table",
    "text_table",
]

#: How a column's cells stand: ``"left"`` for words, ``"right"`` for numbers.
Align: TypeAlias = Literal["left", "right"]

#: The space between two columns of a text table.
_GAP = "  "


def _char_width(char: str) -> int:
    """How many terminal columns one character takes: 0, 1 or 2."""
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def display_width(text: str) -> int:
    """The columns ``text`` takes on a terminal: wide characters two, marks none.

    Example:
        >>> from bilat._present.tables import display_width
        >>> display_width("abc"), display_width("北京"), display_width("e\u0301")
        (3, 4, 1)
    """
    return sum(_char_width(char) for char in text)


def _pad(text: str, width: int, align: Align) -> str:
    fill = " " * (width - display_width(text))
    return fill + text if align == "right" else text + fill


def _checked(
    header: Sequence[str], rows: Sequence[Sequence[str]], align: Sequence[Align]
) -> list[list[str]]:
    """Header and rows as visible text, every row as long as the header."""
    if len(align) != len(header) or any(len(row) != len(header) for row in rows):
        message = "every row of a table needs one cell and alignment per column"
        raise ValueError(message)
    return [[visible(cell) for cell in row] for row in (header, *rows)]


def text_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    align: Sequence[Align],
    *,
    indent: str = "",
) -> list[str]:
    """The lines of a table in plain text, columns aligned by display width.

    The header is underlined with dashes as wide as each column. Columns
    line up as in :func:`padded_table`; trailing spaces are dropped, so a
    forwarded or pasted report carries none.

    Example:
        >>> from bilat._present.tables import text_table
        >>> for line in text_table(["Year", "Value"], [["2024", "3"], ["2025", "10"]],
        ...                        ["left", "right"]):
        ...     print(line + "|")
        Year  Value|
        ----  -----|
        2024      3|
        2025     10|
    """
    return [
        line.rstrip(" ") for line in padded_table(header, rows, align, indent=indent)
    ]


def padded_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    align: Sequence[Align],
    *,
    indent: str = "",
) -> list[str]:
    """The lines of :func:`text_table`, each padded to the same display width.

    Example:
        >>> from bilat._present.tables import padded_table
        >>> [line + "|" for line in padded_table(["Year", "N"], [["2024", "3"]], ["left", "right"])]
        ['Year  N|', '----  -|', '2024  3|']
    """
    cells = _checked(header, rows, align)
    widths = [max(display_width(row[i]) for row in cells) for i in range(len(header))]
    rule = [("-" * w) for w in widths]
    lines = []
    for row in (cells[0], rule, *cells[1:]):
        padded = (_pad(c, w, a) for c, w, a in zip(row, widths, align, strict=True))
        lines.append(indent + _GAP.join(padded))
    return lines


def _markdown_cell(text: str) -> str:
    from bilat._present.report import markdown_inline

    return markdown_inline(text)


def markdown_table(
    header: Sequence[str], rows: Sequence[Sequence[str]], align: Sequence[Align]
) -> list[str]:
    r"""The lines of a Markdown pipe table, cells escaped to show as given.

    Markdown's inline punctuation (``|`` included) gets a backslash and
    ``&``, ``<``, ``>`` become character references, so no cell can end
    its cell early, add a link or HTML; right-aligned columns say so in
    the delimiter row (``---:``).

    Example:
        >>> from bilat._present.tables import markdown_table
        >>> for line in markdown_table(["Name", "Count"], [["a|b", "2"]],
        ...                            ["left", "right"]):
        ...     print(line)
        | Name | Count |
        |---|---:|
        | a\|b | 2 |
    """
    cells = _checked(header, rows, align)
    delimiter = ["---:" if a == "right" else "---" for a in align]
    lines = []
    for i, row in enumerate(cells):
        lines.append("| " + " | ".join(_markdown_cell(c) for c in row) + " |")
        if i == 0:
            lines.append("|" + "|".join(delimiter) + "|")
    return lines


def markdown_cells(line: str) -> list[str]:
    r"""The cells of one line of a pipe table, as :func:`markdown_table` was given them.

    Reads what :func:`markdown_table` writes: ``\|`` and the other
    backslash escapes, and ``&amp;``, ``&lt;``, ``&gt;``.

    Example:
        >>> from bilat._present.tables import markdown_cells
        >>> markdown_cells(r"| a\|b &amp; c | 2 |")
        ['a|b & c', '2']
    """
    cells: list[str] = []
    current: list[str] = []
    body = line.strip()[1:-1]  # without the outer pipes
    i = 0
    while i < len(body):
        char = body[i]
        if char == "\\" and i + 1 < len(body):
            current.append(body[i + 1])
            i += 2
            continue
        if char == "|":
            cells.append("".join(current))
            current = []
        else:
            current.append(char)
        i += 1
    cells.append("".join(current))
    # Each cell stands between one space on either side of it.
    return [_ENTITY.sub(lambda m: _ENTITIES[m[0]], cell[1:-1]) for cell in cells]


_ENTITIES = {"&lt;": "<", "&gt;": ">", "&amp;": "&"}
_ENTITY = re.compile("&(?:lt|gt|amp);")
