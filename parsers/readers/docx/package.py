"""Opening a DOCX package: the zip, its relationships, and the XML of the parts the reader uses.

python-docx opens the package (zip, content types, relationships); every part is
parsed with a parser that resolves no entities and touches no network, and a part
that declares a DTD is refused.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass

from lxml import etree

from parsers.errors import IngestError
from parsers.readers.docx.styles import w
from parsers.readers.xml import SAFE_PARSER, dtd_refusal, entity_bomb

REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
PART_RELATIONSHIPS = {
    "styles": REL + "styles",
    "numbering": REL + "numbering",
    "footnotes": REL + "footnotes",
    "endnotes": REL + "endnotes",
    "settings": REL + "settings",
}
STRICT_W_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"


@dataclass
class Parts:
    """The parsed XML roots the reader needs; None for an absent part."""

    document: etree._Element
    styles: etree._Element | None = None
    numbering: etree._Element | None = None
    footnotes: etree._Element | None = None
    endnotes: etree._Element | None = None
    settings: etree._Element | None = None


def open_parts(data: bytes) -> Parts:
    """Open the package with python-docx and parse the parts the reader uses."""
    from docx.opc.package import OpcPackage  # python-docx, imported only when reading DOCX

    try:
        package = OpcPackage.open(io.BytesIO(data))
        main = package.main_document_part
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
        raise IngestError(not_wordprocessing(document, main.content_type))
    parts = Parts(document=document)
    for name, reltype in PART_RELATIONSHIPS.items():
        for rel in main.rels.values():
            if rel.reltype == reltype and not rel.is_external:
                setattr(parts, name, part_root(rel.target_part))
                break
    return parts


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
    return root


def parse_part(blob: bytes, partname: str) -> etree._Element:
    """Parse one part's XML safely; bad XML is a damaged file."""
    try:
        return etree.fromstring(blob, SAFE_PARSER)
    except etree.XMLSyntaxError as error:
        if entity_bomb(error):
            raise dtd_refusal(partname, "Word never") from None
        raise IngestError(f"damaged DOCX: bad XML in {partname}: {short(error)}") from None


def not_wordprocessing(root: etree._Element, content_type: str) -> str:
    """Why a main part that is not a transitional w:document cannot be read."""
    if etree.QName(root).localname == "document" and etree.QName(root).namespace == STRICT_W_NS:
        return "unsupported DOCX: saved as Strict Open XML; save it as a Word Document (.docx)"
    return f"not a DOCX: main part is {content_type}"


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
