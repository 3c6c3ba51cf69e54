"""The one error class users see."""


class IngestError(Exception):
    """Bad input: a message a person can act on, shown as one line with the file name."""

    def __init__(self, message: str, file: str | None = None):
        super().__init__(message)
        self.message = message
        self.file = file

    def __str__(self) -> str:
        return f"{self.file}: {self.message}" if self.file else self.message
