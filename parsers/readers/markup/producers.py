"""The producers whose HTML the reader knows, their conventions joined into one set of rules.

Each producer's conventions are a table in its own module (``word``, ``libreoffice``,
``google_docs``); a new producer is a new module and a line here.
"""

from __future__ import annotations

from parsers.readers.markup import google_docs, libreoffice, word
from parsers.readers.markup.notes import NoteRules

NOTE_RULES = NoteRules((word.NOTES, libreoffice.NOTES, libreoffice.XHTML_NOTES, google_docs.NOTES))
