"""The error classes users see: readers, the extractor and the pipeline all raise these."""


class IngestError(Exception):
    """Bad input: a message a person can act on, shown as one line with the file name."""

    def __init__(self, message: str, file: str | None = None):
        super().__init__(message)
        self.message = message
        self.file = file

    def __str__(self) -> str:
        return f"{self.file}: {self.message}" if self.file else self.message


class NotADocument(IngestError):
    """The bytes are no document mag-plan reads (an image, an archive, binary data).

    A folder walk skips such files instead of failing on them.
    """

    def __init__(self, what: str, file: str | None = None):
        super().__init__(f"not a supported document: {what}", file)
