"""Readers: one per format, each turns a document's bytes into the block model (parsers/blocks.py).

Readers know nothing about plans. A new format is a new reader here, and nothing else moves.
"""
