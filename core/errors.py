"""The project's few exception types. Every message names the file and the reason."""
from __future__ import annotations


class PravniLekError(Exception):
    """Base class: anything the user can act on."""


class SkipFile(PravniLekError):
    """A loader could not use a file. The pipeline reports it and goes on.

    Raised with just a reason; the pipeline adds the path.
    """

    def __init__(self, reason: str, path: str | None = None) -> None:
        self.reason = reason
        self.path = path
        super().__init__(f"{path}: {reason}" if path else reason)


class IndexMissing(PravniLekError):
    """No usable index at the given directory (missing, incomplete or from a newer version)."""


class NotAnIndex(PravniLekError):
    """A folder given as the index holds other things: the project refuses to write there."""


class ConfigError(PravniLekError, ValueError):
    """A configuration value is not allowed. The message names the value and the allowed ones."""
