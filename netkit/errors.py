"""netkit's one error type for bad input, and where in a file a problem sits.

Every message is one sentence a participant can act on: which file (and line, column or id),
what is wrong, and how to fix it. The command line prints it without a traceback.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["NetkitError", "Origin", "printable"]

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069\ufeff]")


def printable(text: object) -> str:
    """``text`` safe to show on a terminal: control characters written as escapes (``\\x1b``).

    Terminal escape sequences, line breaks and invisible direction marks in a cell would
    otherwise be echoed raw into a message; here they become visible and harmless.
    """
    return _CONTROL.sub(lambda m: _escape(m.group()), str(text))


def _escape(ch: str) -> str:
    code = ord(ch)
    return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(ch) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


class NetkitError(ValueError):
    """Bad input: the message names the place, the problem and the fix.

    The message is made printable (see :func:`printable`), so a value quoted from a file can
    never move the cursor, recolour the terminal or break the message over several lines.
    """

    def __init__(self, message: object = "", *args: object) -> None:
        super().__init__(printable(message), *args)


@dataclass(frozen=True)
class Origin:
    """Where a table came from, so messages can point at a line or a spreadsheet row.

    ``first_line`` is the file line (or sheet row) of the table's first data row.
    """

    label: str
    first_line: int = 2
    row_word: str = "line"
    lines: tuple[int, ...] | None = None  # explicit line per row, where blank rows were dropped
    files: tuple[str, ...] | None = None  # explicit file per row, for tables joined from many files

    def line(self, position: int) -> int:
        """The file line (or sheet row) of the table row at ``position`` (0-based)."""
        return self.lines[position] if self.lines is not None else self.first_line + position

    def at(self, position: int | None = None, column: str | None = None) -> str:
        """Describe a place: ``alters.csv, line 7, column 'closeness'``."""
        parts = [self.files[position] if self.files is not None and position is not None else self.label]
        if position is not None:
            parts.append(f"{self.row_word} {self.line(position)}")
        if column is not None:
            parts.append(f"column '{column}'")
        return printable(", ".join(parts))

    def error(self, what: str, *, position: int | None = None, column: str | None = None) -> NetkitError:
        return NetkitError(f"{self.at(position, column)}: {what}")
