"""Opening a DOCX package: the zip, its relationships, and the XML of the parts the reader uses.

python-docx opens the package (zip, content types, relationships); every part is
parsed with a parser that resolves no entities and touches no network, and a part
that declares a DTD is refused.

Word's "Strict Open XML Document" is the same markup in the ISO/IEC 29500 Strict
namespaces (``http://purl.oclc.org/ooxml/…``), relationship types included; python-docx
knows only the Transitional ones. The main part is found by either relationship type and
each part's tree is renamed into the Transitional namespaces (``to_transitional``), so the
rest of the reader meets one vocabulary.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass, field

from lxml import etree

from parsers.errors import IngestError
from parsers.readers.docx.chunks import Chunk
from parsers.readers.docx.styles import w
from parsers.readers.xml import SAFE_PARSER, dtd_refusal, entity_bomb

REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
PART_KINDS = ("styles", "numbering", "footnotes", "endnotes", "settings")  # the Parts besides the document
STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships/"
# Strict namespace prefix → its Transitional counterpart (ISO/IEC 29500-1 Strict, annex A).
STRICT_NAMESPACES = (
    ("http://purl.oclc.org/ooxml/wordprocessingml/", "http://schemas.openxmlformats.org/wordprocessingml/2006/"),
    ("http://purl.oclc.org/ooxml/officeDocument/", "http://schemas.openxmlformats.org/officeDocument/2006/"),
    ("http://purl.oclc.org/ooxml/drawingml/", "http://schemas.openxmlformats.org/drawingml/2006/"),
)
STRICT_ROOT = "http://purl.oclc.org/ooxml/"


@dataclass
class Parts:
    """The parsed XML roots the reader needs; None for an absent part."""

    document: etree._Element
    styles: etree._Element | None = None
    numbering: etree._Element | None = None
    footnotes: etree._Element | None = None
    endnotes: etree._Element | None = None
    settings: etree._Element | None = None
    chunks: dict[str, Chunk] = field(default_factory=dict)  # w:altChunk's r:id → the part it embeds


def open_parts(data: bytes) -> Parts:
    """Open the package with python-docx and parse the parts the reader uses."""
    from docx.opc.package import OpcPackage  # python-docx, imported only when reading DOCX

    try:
        package = OpcPackage.open(io.BytesIO(data))
        main = related_part(package.rels, "officeDocument")
        if main is None:
            raise KeyError("no relationship of type officeDocument")
    except zipfile.BadZipFile:
        raise IngestError("not a DOCX: not a zip archive (or a truncated one)") from None
    except KeyError as error:
        raise IngestError(f"not a DOCX: {missing_what(error)}") from None
    except etree.XMLSyntaxError as error:
        if entity_bomb(error):
            raise dtd_refusal("a part", "Word never") from None
        raise IngestError(f"damaged DOCX: {short(error)}") from None
    except (etree.LxmlError, zlib.error, EOFError, ValueError, NotImplementedError, RuntimeError) as error:
        raise IngestError(f"damaged DOCX: {short(error)}") from None
    except (AttributeError, TypeError, IndexError):
        # python-docx trusts the package's bookkeeping parts: a [Content_Types].xml or
        # .rels whose elements are wrong makes it fail inside; that is damage, not a bug here.
        raise IngestError("damaged DOCX: its content types or relationships are malformed") from None
    document = part_root(main)
    if document.tag != w("document"):
        raise IngestError(f"not a DOCX: main part is {main.content_type}")
    parts = Parts(document=document)
    for name in PART_KINDS:
        part = related_part(main.rels, name)
        if part is not None:
            setattr(parts, name, part_root(part))
    for rel_id, rel in main.rels.items():
        if rel.reltype in {REL + "aFChunk", STRICT_REL + "aFChunk"} and not rel.is_external:
            part = rel.target_part
            parts.chunks[rel_id] = Chunk(str(part.partname).lstrip("/"), part.content_type, part.blob)
    return parts


def related_part(rels, kind: str):
    """The first internal part related by relationship type ``kind`` ("styles"), in its
    Transitional or Strict spelling; None when there is none."""
    wanted = {REL + kind, STRICT_REL + kind}
    return next((rel.target_part for rel in rels.values()
                 if rel.reltype in wanted and not rel.is_external), None)


def part_root(part) -> etree._Element:
    """A part's XML root. python-docx has already parsed the parts it knows (its parser
    resolves no entities and reads no network, as ours): that tree is used as it is,
    rather than serialised and parsed again. Other parts are parsed here."""
    from docx.opc.part import XmlPart

    partname = str(part.partname).lstrip("/")
    root = part.element if isinstance(part, XmlPart) else parse_part(part.blob, partname)
    if root.getroottree().docinfo.internalDTD is not None:
        # Word never writes a DTD; one here can only declare entities (external files,
        # "billion laughs"). They are not expanded, but the file is refused outright.
        raise dtd_refusal(partname, "Word never")
    if isinstance(root.tag, str) and root.tag.startswith("{" + STRICT_ROOT):
        to_transitional(root)
    return root


def transitional(name: str) -> str:
    """A Strict namespace URI, or a Clark name in one, in its Transitional spelling."""
    braced = name.startswith("{")
    uri = name[1:] if braced else name
    for strict, transitional_prefix in STRICT_NAMESPACES:
        if uri.startswith(strict):
            return ("{" if braced else "") + transitional_prefix + uri[len(strict):]
    return name


def to_transitional(root: etree._Element) -> None:
    """Rename a Strict part's elements and attributes, in place, into the Transitional
    namespaces (and the namespace URIs some attributes hold, as a:graphicData's uri)."""
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # comments, processing instructions
        if element.tag.startswith("{" + STRICT_ROOT):
            element.tag = transitional(element.tag)
        for key, value in list(element.attrib.items()):
            new_key = transitional(key) if key.startswith("{" + STRICT_ROOT) else key
            new_value = transitional(value) if value.startswith(STRICT_ROOT) else value
            if (new_key, new_value) != (key, value):
                del element.attrib[key]
                element.set(new_key, new_value)


def parse_part(blob: bytes, partname: str) -> etree._Element:
    """Parse one part's XML safely; bad XML is a damaged file."""
    try:
        return etree.fromstring(blob, SAFE_PARSER)
    except etree.XMLSyntaxError as error:
        if entity_bomb(error):
            raise dtd_refusal(partname, "Word never") from None
        raise IngestError(f"damaged DOCX: bad XML in {partname}: {short(error)}") from None


def missing_what(error: KeyError) -> str:
    """Say which part a zip lookup or relationship lookup did not find."""
    text = str(error.args[0]) if error.args else ""
    if "relationship" in text:
        return "no main document part"
    name = text.split("'")[1] if text.count("'") >= 2 else text
    return f"no {name} in the archive"


def short(error: Exception) -> str:
    """The first line of an error message."""
    return str(error).splitlines()[0] if str(error) else type(error).__name__
