"""Readers (bytes → block model), the plan extractor and the Russian date normaliser."""
