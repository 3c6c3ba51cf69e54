"""What OpenDocument styles say about a span, a paragraph and a list.

Three questions, as for DOCX: is this text bold or superscript, what is this paragraph's
style called, and how does a list draw its labels (bullet or number, which format,
prefix and suffix, from which number). Text properties cascade the way ODF says: the
span's style and its parents, the enclosing spans, the paragraph's style and its
parents, then the default paragraph style. Automatic styles (content.xml's, or the flat
file's) are looked up before the common ones (styles.xml's).
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from parsers.readers.xml import whole_number
from parsers.roman import to_roman

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
}


def q(name: str) -> str:
    """Clark name of "prefix:local" in the OpenDocument namespaces."""
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


MAX_STYLE_DEPTH = 20  # parent chains are short; a cycle must not hang us
BOLD_WEIGHT = 600  # fo:font-weight 600-900 draw bold, as CSS does
MAX_LIST_START = 1_000_000


# Element and attribute names, worked out once.
FO_FONT_WEIGHT = q("fo:font-weight")
OFFICE_AUTOMATIC_STYLES = q("office:automatic-styles")
OFFICE_STYLES = q("office:styles")
STYLE_DEFAULT_STYLE = q("style:default-style")
STYLE_DISPLAY_NAME = q("style:display-name")
STYLE_FAMILY = q("style:family")
STYLE_LIST_STYLE_NAME = q("style:list-style-name")
STYLE_NAME = q("style:name")
STYLE_NUM_FORMAT = q("style:num-format")
STYLE_NUM_PREFIX = q("style:num-prefix")
STYLE_NUM_SUFFIX = q("style:num-suffix")
STYLE_PARENT_STYLE_NAME = q("style:parent-style-name")
STYLE_STYLE = q("style:style")
STYLE_TEXT_POSITION = q("style:text-position")
STYLE_TEXT_PROPERTIES = q("style:text-properties")
TEXT_BULLET_CHAR = q("text:bullet-char")
TEXT_DISPLAY_LEVELS = q("text:display-levels")
TEXT_LEVEL = q("text:level")
TEXT_LIST_LEVEL_STYLE_BULLET = q("text:list-level-style-bullet")
TEXT_LIST_LEVEL_STYLE_IMAGE = q("text:list-level-style-image")
TEXT_LIST_LEVEL_STYLE_NUMBER = q("text:list-level-style-number")
TEXT_LIST_STYLE = q("text:list-style")
TEXT_START_VALUE = q("text:start-value")


@dataclass(frozen=True)
class TextFormat:
    """The formatting the block model keeps; None where a style says nothing."""

    bold: bool | None = None
    superscript: bool | None = None

    def over(self, outer: "TextFormat") -> "TextFormat":
        """This format where it says something, ``outer`` elsewhere."""
        return TextFormat(outer.bold if self.bold is None else self.bold,
                          outer.superscript if self.superscript is None else self.superscript)


PLAIN = TextFormat(False, False)


@dataclass(frozen=True)
class Style:
    """One style:style: its display name, parent, text format and list style."""

    name: str
    display_name: str
    automatic: bool
    parent: str | None
    text: TextFormat
    list_style: str | None


@dataclass(frozen=True)
class ListLevel:
    """How one level of a list style draws its label."""

    kind: str  # "bullet" or "number"
    glyph: str = "•"
    num_format: str = "1"
    prefix: str = ""
    suffix: str = ""
    start: int = 1
    display_levels: int = 1


def text_format(properties: etree._Element | None) -> TextFormat:
    """Bold and superscript from a style:text-properties element."""
    if properties is None:
        return TextFormat()
    return TextFormat(font_weight_bold(properties.get(FO_FONT_WEIGHT)),
                      text_position_super(properties.get(STYLE_TEXT_POSITION)))


def font_weight_bold(value: str | None) -> bool | None:
    """fo:font-weight: "bold" or 600-900 is bold, "normal" or 100-500 is not."""
    if value is None:
        return None
    value = value.strip().lower()
    if value == "bold":
        return True
    if value.isdigit():
        return int(value) >= BOLD_WEIGHT
    return False


def text_position_super(value: str | None) -> bool | None:
    """style:text-position: "super 58%", "33% 58%" raise the text; "sub", "0%", "-33%" do not."""
    if value is None:
        return None
    first = value.split()[0].lower() if value.split() else ""
    if first == "super":
        return True
    if first.endswith("%"):
        try:
            return float(first[:-1]) > 0
        except ValueError:
            return False
    return False


class Styles:
    """Style lookups over the documents' office:styles and office:automatic-styles."""

    def __init__(self, *roots: etree._Element | None):
        """``roots``: the XML roots holding styles, nearest first (content.xml, then styles.xml)."""
        self.styles: dict[tuple[str, str], Style] = {}
        self.list_styles: dict[str, dict[int, ListLevel]] = {}
        self.default_text = TextFormat()
        self._formats: dict[tuple[str, str | None], TextFormat] = {}
        self._names: dict[str | None, tuple[str | None, str | None]] = {}
        for root in reversed([r for r in roots if r is not None]):  # nearest wins: read it last
            for container in (OFFICE_STYLES, OFFICE_AUTOMATIC_STYLES):
                for holder in root.findall(container):  # children of the root, in every ODF file
                    self.read_container(holder, automatic=container == OFFICE_AUTOMATIC_STYLES)

    def read_container(self, holder: etree._Element, automatic: bool) -> None:
        """Keep the styles, list styles and default paragraph style of one container."""
        for element in holder:
            if element.tag == STYLE_STYLE:
                name = element.get(STYLE_NAME)
                if name is None:
                    continue
                self.styles[(element.get(STYLE_FAMILY, ""), name)] = Style(
                    name=name,
                    display_name=element.get(STYLE_DISPLAY_NAME) or decode_name(name),
                    automatic=automatic,
                    parent=element.get(STYLE_PARENT_STYLE_NAME),
                    text=text_format(element.find(STYLE_TEXT_PROPERTIES)),
                    list_style=element.get(STYLE_LIST_STYLE_NAME),
                )
            elif element.tag == STYLE_DEFAULT_STYLE and element.get(STYLE_FAMILY) == "paragraph":
                self.default_text = text_format(element.find(STYLE_TEXT_PROPERTIES))
            elif element.tag == TEXT_LIST_STYLE and element.get(STYLE_NAME):
                self.list_styles[element.get(STYLE_NAME)] = list_levels(element)

    def chain(self, family: str, name: str | None) -> list[Style]:
        """The style and its parents, nearest first."""
        found: list[Style] = []
        while name and len(found) < MAX_STYLE_DEPTH:
            style = self.styles.get((family, name))
            if style is None or style in found:
                break
            found.append(style)
            name = style.parent
        return found

    def own_format(self, family: str, name: str | None) -> TextFormat:
        """What a style and its parents say about bold and superscript (None: nothing)."""
        key = (family, name)
        if key not in self._formats:
            result = TextFormat()
            for style in reversed(self.chain(family, name)):  # farthest parent first
                result = style.text.over(result)
            self._formats[key] = result
        return self._formats[key]

    def paragraph_format(self, name: str | None) -> TextFormat:
        """A paragraph's text format: its style chain over the default paragraph style, over plain."""
        key = ("paragraph-base", name)
        if key not in self._formats:
            self._formats[key] = self.own_format("paragraph", name).over(self.default_text.over(PLAIN))
        return self._formats[key]

    def span_format(self, name: str | None, outer: TextFormat) -> TextFormat:
        """A span's text format inside text formatted ``outer``."""
        own = self.own_format("text", name)
        return outer if own.bold is None and own.superscript is None else own.over(outer)

    def paragraph_name(self, name: str | None) -> str | None:
        """The name a person sees: the first style in the chain that is not automatic."""
        return self._paragraph(name)[0]

    def paragraph_list_style(self, name: str | None) -> str | None:
        """The list style a paragraph style attaches (style:list-style-name), if any."""
        return self._paragraph(name)[1]

    def _paragraph(self, name: str | None) -> tuple[str | None, str | None]:
        """(display name, list style) of a paragraph style, worked out once per style."""
        if name not in self._names:
            chain = self.chain("paragraph", name)
            named = next((style for style in chain if not style.automatic), None)
            shown = named.display_name if named else (decode_name(name) if name else None)
            self._names[name] = (shown, next((s.list_style for s in chain if s.list_style), None))
        return self._names[name]

    def list_level(self, list_style: str | None, level: int) -> ListLevel | None:
        """Level ``level`` (1-based) of a list style; None when the style or level is unknown."""
        levels = self.list_styles.get(list_style or "")
        return levels.get(level) if levels else None


def list_levels(element: etree._Element) -> dict[int, ListLevel]:
    """The levels of a text:list-style, by level number."""
    levels: dict[int, ListLevel] = {}
    for child in element:
        level = whole_number(child.get(TEXT_LEVEL), 10) or 1
        if child.tag == TEXT_LIST_LEVEL_STYLE_BULLET:
            levels[level] = ListLevel("bullet", glyph=bullet_glyph(child.get(TEXT_BULLET_CHAR)))
        elif child.tag == TEXT_LIST_LEVEL_STYLE_NUMBER:
            levels[level] = ListLevel(
                "number",
                num_format=child.get(STYLE_NUM_FORMAT, "1"),
                prefix=child.get(STYLE_NUM_PREFIX, ""),
                suffix=child.get(STYLE_NUM_SUFFIX, ""),
                start=whole_number(child.get(TEXT_START_VALUE), MAX_LIST_START) or 1,
                display_levels=whole_number(child.get(TEXT_DISPLAY_LEVELS), 10) or 1,
            )
        elif child.tag == TEXT_LIST_LEVEL_STYLE_IMAGE:
            levels[level] = ListLevel("bullet")
    return levels


def bullet_glyph(char: str | None) -> str:
    """The bullet a level draws; a private-use glyph from a symbol font (Word's Symbol
    bullet, converted) is shown as "•", which is what it looks like."""
    if not char or "\ue000" <= char[0] <= "\uf8ff":
        return "•"
    return char


# Letters for "А, Б, .. (ru)" lists: the Russian alphabet without Ё, Й, Ъ, Ы, Ь, as
# Word's russianUpper and LibreOffice count.
RUSSIAN_LETTERS = "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЭЮЯ"


def letters(number: int, alphabet: str) -> str:
    """a, b, ... z, aa, bb, ... (ODF's letter-sync numbering, as LibreOffice draws it)."""
    count = len(alphabet)
    return alphabet[(number - 1) % count] * ((number - 1) // count + 1)


def format_number(number: int, num_format: str) -> str:
    """A list number in an ODF style:num-format ("1", "a", "A", "i", "I", Russian, "")."""
    if not num_format:
        return ""
    if num_format == "a":
        return letters(number, "abcdefghijklmnopqrstuvwxyz")
    if num_format == "A":
        return letters(number, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    if num_format == "i":
        return to_roman(number)
    if num_format == "I":
        return to_roman(number).upper()
    if num_format.startswith("А"):
        return letters(number, RUSSIAN_LETTERS)
    if num_format.startswith("а"):
        return letters(number, RUSSIAN_LETTERS.lower())
    return str(number)


def decode_name(name: str) -> str:
    """A style name as written in XML ("Table_20_Contents") as a person reads it."""
    out, i = [], 0
    while i < len(name):
        end = name.find("_", i + 1)
        if name[i] == "_" and end > i + 1 and all(c in "0123456789abcdefABCDEF" for c in name[i + 1:end]):
            out.append(chr(int(name[i + 1:end], 16)))
            i = end + 1
        else:
            out.append(name[i])
            i += 1
    return "".join(out)
