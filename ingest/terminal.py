"""Text from documents and file names made safe to print to a terminal.

A title or a file name may hold control characters: ESC and OSC sequences that recolour,
retitle or rewrite a terminal, BEL, a newline that fakes a second line of output. Printed,
each is shown as a visible escape (``\\x1b``) instead.
"""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROLS_AND_NEWLINES = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def visible(text: str, newlines: bool = True) -> str:
    """``text`` with every control character as ``\\xNN``; newlines kept unless ``newlines`` is false."""
    pattern = _CONTROLS if newlines else _CONTROLS_AND_NEWLINES
    return pattern.sub(lambda match: f"\\x{ord(match[0]):02x}", text)
