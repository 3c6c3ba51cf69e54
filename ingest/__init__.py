"""The mag-plan pipeline: format detection, reading, extraction, writers, diff and CLI."""
