"""Microsoft Word's HTML ("Web Page" and "Web Page, Filtered"): its conventions, as data.

Word writes a list paragraph as <p style="mso-list:l0 level2 lfo1"> whose first span
(mso-list:Ignore) holds the bullet glyph or the number it draws.
"""

from __future__ import annotations

import re

LIST_LEVEL = re.compile(r"\blevel(?P<level>[0-9]{1,2})\b")
_NUMBER = r"(?:\d+|[a-zа-я]|[ivxlcdm]+)"
NUMBERED_MARKER = re.compile(rf"\(?{_NUMBER}[.)]", re.IGNORECASE)
LIST_MARKER_SPAN = "ignore"  # the value of mso-list on the span that holds the drawn marker


def list_level(mso_list: str) -> int | None:
    """The list level (0 for the first) a paragraph's mso-list names, or None when it names none."""
    found = LIST_LEVEL.search(mso_list)
    return max(int(found.group("level")) - 1, 0) if found else None


def is_numbered_marker(text: str) -> bool:
    """True when a drawn list marker is a number or letter ("1.", "iv)", "(а)"), not a glyph."""
    return bool(NUMBERED_MARKER.fullmatch(text.strip()))
