"""The one way readers parse XML from a document: no entities, no DTD, no network.

huge_tree stays off, so libxml2 keeps its own bounds (nesting 256 deep, text nodes
of 10 MB): a hostile file meets those before it meets our code.
"""

from __future__ import annotations

from lxml import etree

from parsers.errors import IngestError

SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                              huge_tree=False)


def entity_bomb(error: etree.XMLSyntaxError) -> bool:
    """True when libxml2 stopped a parse for entities declared to explode ("billion laughs"):
    the file is then refused as one declaring a DTD, not called damaged in libxml2's words."""
    return error.code == etree.ErrorTypes.ERR_ENTITY_LOOP or (
        error.code == etree.ErrorTypes.ERR_RESOURCE_LIMIT and "entity" in (error.msg or "").lower())


def dtd_refusal(what: str, producer: str = "no office suite") -> IngestError:
    """The one-line refusal of XML that declares a DTD (only ever there to declare entities)."""
    return IngestError(f"refused: {what} declares a DTD with entities, which {producer} writes")


def parse_xml(data: bytes, what: str, kind: str) -> etree._Element:
    """Parse ``data`` (``what`` in a ``kind`` file, for messages) safely; bad XML, or XML
    that declares a DTD (only ever there to declare entities), is an IngestError."""
    try:
        root = etree.fromstring(data, SAFE_PARSER)
    except etree.XMLSyntaxError as error:
        if entity_bomb(error):
            raise dtd_refusal(what) from None
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise IngestError(f"damaged {kind}: bad XML in {what}: {first}") from None
    if root.getroottree().docinfo.internalDTD is not None:
        raise dtd_refusal(what)
    return root


def whole_number(value: str | None, maximum: int) -> int | None:
    """A decimal attribute (ASCII digits) capped at ``maximum``; None when it is not one.

    Hostile files put "²" (a digit to str.isdigit, not to int) or a million digits here.
    """
    value = (value or "").strip()
    if not value or not (value.isascii() and value.isdigit()):
        return None
    return maximum if len(value) > len(str(maximum)) else min(int(value), maximum)
