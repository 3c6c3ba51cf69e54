"""Element roles: what an HTML element's name says it is (a paragraph, a heading, a list,
a table part, content never read). The walker gives each role one handler.
"""

from __future__ import annotations

# Never read: metadata, styling, scripts, Word's empty-paragraph filler <o:p> and its XML data
# islands. <del> is read: a hand-written page strikes a cancelled event with it, and the plan shows
# it; only Word's tracked deletion is left out (``word.is_tracked_deletion``).
SKIPPED = frozenset(
    {"head", "title", "style", "script", "noscript", "template", "meta", "link", "o:p", "xml"}
)
# Elements that start and end a paragraph (tables and lists have their own roles).
BLOCKS = frozenset(
    {
        "html", "body", "p", "div", "blockquote", "address", "center", "section",
        "article", "aside", "header", "footer", "main", "nav", "figure",
        "figcaption", "form", "fieldset", "legend", "dl", "dt", "dd", "hr",
        "details", "summary", "caption",
    }
)  # fmt: skip
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
LISTS = {"ul": "bullet", "ol": "number", "dir": "bullet", "menu": "bullet"}
TABLE_PARTS = frozenset({"tr", "td", "th", "thead", "tbody", "tfoot"})
