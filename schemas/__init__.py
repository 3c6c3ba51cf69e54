"""Pydantic models: the single source of truth for mag-plan's output."""
