"""One exception type for everything a clerk may cause.

The message is a single Traditional-Chinese sentence that says what happened and
what to do; the CLI prints it and exits 2, the GUI shows it in a dialog.
"""


class PlanDeskError(Exception):
    """A user-facing failure with a clear zh-TW message."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message
