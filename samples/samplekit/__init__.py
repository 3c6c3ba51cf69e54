"""Build sample plan documents: plan data → layout → Flat ODT → LibreOffice."""
