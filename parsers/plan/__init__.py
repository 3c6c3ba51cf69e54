"""The extractor: finds a plan's records in the block model. It knows nothing about formats."""

from parsers.plan.extract import NoEventTable, extract_plan

__all__ = ["NoEventTable", "extract_plan"]
